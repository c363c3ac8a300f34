"""The per-document context (issue 14): analyses run once per document, shared by every rule,
dropped with the document; rules give the same findings alone, together and interleaved."""

from __future__ import annotations

import gc
import weakref

from soat.knowledge import Knowledge, builtin_knowledge
from soat.lint.context import Context, DocContext, context_for
from soat.lint.document import Document
from soat.lint.formats import parse
from soat.lint.runner import _unmasked, lint_document
from tests.rule_fixtures import settings_for


def _doc(text: str) -> Document:
    return parse("bai.txt", text)


def test_an_analysis_runs_once_per_document_and_is_shared_by_rules():
    calls: list[Document] = []

    def words(ctx: DocContext) -> list[str]:
        calls.append(ctx.doc)
        return ctx.doc.source.split()

    shared = DocContext(_doc("một hai ba"), Knowledge())
    first, second = shared.for_rule("options of rule A"), shared.for_rule(None)
    assert first.get(words) == ["một", "hai", "ba"]
    assert second.get(words) is first.get(words)
    assert len(calls) == 1
    other = DocContext(_doc("bốn năm"), Knowledge()).for_rule(None)
    assert other.get(words) == ["bốn", "năm"]
    assert len(calls) == 2


def test_analyses_may_use_other_analyses_and_never_see_rule_options():
    seen = []

    def upper(ctx: DocContext) -> str:
        seen.append(getattr(ctx, "options", "no options"))
        return ctx.doc.source.upper()

    def length(ctx: DocContext) -> int:
        return len(ctx.get(upper))

    ctx: Context[str] = DocContext(_doc("abc"), Knowledge()).for_rule("rule options")
    assert ctx.options == "rule options"
    assert ctx.get(length) == 3
    assert seen == ["no options"]


def test_the_memo_is_dropped_with_the_document():
    class Result:
        pass

    def analysis(ctx: DocContext) -> Result:
        return Result()

    ctx = context_for(_doc("abc"))
    ref = weakref.ref(ctx.get(analysis))
    del ctx
    gc.collect()
    assert ref() is None


def test_knowledge_indexes_are_built_once_per_knowledge():
    built = []

    def names(knowledge: Knowledge) -> tuple[str, ...]:
        built.append(knowledge)
        return tuple(p.name for p in knowledge.places)

    knowledge = builtin_knowledge()
    a = DocContext(_doc("a"), knowledge).for_rule(None)
    b = DocContext(_doc("b"), knowledge).for_rule(None)
    assert a.index(names) is b.index(names)
    assert len(built) == 1
    assert DocContext(_doc("c"), Knowledge()).index(names) == ()
    assert len(built) == 2


def _bad_examples():
    from soat.rules import ALL_RULES

    for rule in ALL_RULES:
        for example in rule.bad:
            if not example.options and not example.registry:
                yield rule, example


def test_every_rule_finds_the_same_alone_together_and_interleaved():
    """Rules share analyses through the context only: running one rule alone, all rules on
    one document, or every rule over two documents in alternation gives the same findings."""
    from soat.rules import ALL_RULES

    examples = list(_bad_examples())
    settings = settings_for([r.code for r in ALL_RULES])
    docs = [parse(f"bai.{ex.format}", ex.text, ex.format) for _, ex in examples]
    together = [
        sorted((d.code, d.start, d.end) for d in lint_document(doc, settings)) for doc in docs
    ]
    # Interleaved: each rule runs on every document before the next rule starts.
    shared = [DocContext(doc, settings.knowledge) for doc in docs]
    raw: list[list] = [[] for _ in docs]
    for rule in settings.rules:
        for i, ctx in enumerate(shared):
            for d in rule.check(ctx.for_rule(settings.options[rule.code])):
                d.code = rule.code
                raw[i].append(d)
    # The engine drops findings inside a masking rule's finding (TYP007): so does this.
    masking = {r.code for r in settings.rules if r.masks_others}
    interleaved = [[(d.code, d.start, d.end) for d in _unmasked(f, masking)] for f in raw]
    for i, (rule, _) in enumerate(examples):
        alone = sorted(
            (d.code, d.start, d.end) for d in lint_document(docs[i], settings_for([rule.code]))
        )
        assert alone, f"{rule.code}: its bad example finds nothing"
        assert alone == [f for f in together[i] if f[0] == rule.code], rule.code
        # Suppression comments are not used in the examples: the engine drops nothing here.
        assert sorted(interleaved[i]) == together[i], rule.code
