"""The words of a document for the syllable rules (SPL001, SPL002, SPL005, SPL006): an
analysis, computed once per document by `ctx.get(document_words)`, and the user word list
(`extend-words`) of SPL001 and SPL006.

A rule asks which distinct words of the document it wants (`DocWords.matching`, decided once
per word and knowledge, see `WordVerdicts`), then their occurrences (`DocWords.occurrences`):
only the blocks that hold one are split into positioned words, and only the words that
someone looks at become `DocWord`s. Each knows its block, whether it belongs to a personal
name (from the surname list, person cues such as "chị", and the registry's people) and
whether it opens a sentence. URLs, e-mail addresses, inline code and hashtags are left out
(soat.vi.tokens). tests/rules/test_spelling_fast_paths.py checks all of this against the
straightforward definition: every word of every block, each decided where it stands.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress, count
from typing import Annotated, Any, NamedTuple, TypeVar

from soat.lint.context import Context, DocContext
from soat.lint.diagnostic import Diagnostic
from soat.lint.document import Block
from soat.lint.rule import Option
from soat.vi.name_syllables import person_name_indexes
from soat.vi.syllable_verdicts import preset_verdicts
from soat.vi.text import fold_case
from soat.vi.tokens import Word, maybe_not_prose, sentence_initial, word_list, word_texts

# A long-running process (the language server) meets ever new words: past this many per
# question, a rule's table of decided words starts again empty.
MAX_DECIDED = 200_000

Question = TypeVar("Question", bound=Callable[[str], bool])

# The table (soat.vi.syllable_verdicts) is read (~5 ms) once a process has met this many
# words: a run over one article (some 500 distinct words) asks the questions sooner.
PRESET_AFTER = 2_000
# ... and only when one of these questions is asked: reading the table costs about what the
# others cost on the syllables of half of clean/ (SPL003 alone: 80M instructions more).
PRESET_PAYS = frozenset({"loud", "suspect"})


def preset_question(name: str) -> Callable[[Question], Question]:
    """Marks a question as one whose answers on the syllables are in the table
    (soat/data/syllable_verdicts.txt), under `name`. Only a pure function of the word's
    text, the same whatever the knowledge and options, may be marked; the table is written
    by tools/build_syllable_verdicts.py, which asks every marked question of the spelling
    rules' modules."""

    def mark(question: Question) -> Question:
        question.preset_name = name  # type: ignore[attr-defined]
        return question

    return mark


class DocWord(NamedTuple):
    """A word of a block; `in_name` when it belongs to a personal name, `letters` when it is
    all letters (`word.is_letters`); `words` is its block's word list, `at` its place there."""

    block: Block
    word: Word
    text: str
    in_name: bool
    letters: bool
    words: Sequence[Word]
    at: int

    @property
    def sentence_start(self) -> bool:
        return sentence_initial(self.block.text, self.word.start)

    def span(self) -> tuple[int, int]:
        return self.block.span(self.word.start, self.word.end)


class _Answers:
    """The questions asked so far, the words decided for all of them, and for each question
    the words answered yes."""

    __slots__ = ("questions", "names", "use_table", "decided", "yes")

    def __init__(self, questions: tuple[Callable[[str], bool], ...]) -> None:
        self.questions: tuple[Callable[[str], bool], ...] = ()
        # each question's name in the table of preset answers ("": none), asked once (a
        # getattr that fails raises inside: costly once per question and document)
        self.names: dict[Callable[[str], bool], str] = {}
        self.use_table = False
        self.decided: set[str] = set()
        self.yes: dict[Callable[[str], bool], set[str]] = {}
        for question in questions:
            self.add(question, set())

    def add(self, question: Callable[[str], bool], yes: set[str]) -> None:
        """A new question, with its answers (`yes`) for the words decided so far."""
        self.questions += (question,)
        self.names[question] = name = preset_name(question)
        self.use_table = self.use_table or name in PRESET_PAYS
        self.yes[question] = yes


def preset_name(question: Callable[[str], bool]) -> str:
    """The question's name in the table of preset answers ("": none)."""
    return getattr(question, "preset_name", "")


class WordVerdicts:
    """For each question a rule asks of a word (a pure function of the word's text), the
    words decided so far and those answered yes: built once per knowledge (`ctx.index`), so
    that the 15,000 words that recur across documents are decided once, not once per
    occurrence. At most MAX_DECIDED words are kept; a new question is asked of the words
    decided so far.

    The syllables among the new words take the answers of the preset questions from the
    table (`preset_question`, `soat.vi.syllable_verdicts`): set operations instead of a
    call of each question on each word, which was most of what a process paid for the
    words it met first (each worker of a parallel run meets them all; tests:
    tests/rules/test_syllable_verdicts.py)."""

    __slots__ = ("_answers", "_met")

    def __init__(self, knowledge: object = None) -> None:
        self._answers = _Answers(())
        self._met = 0  # distinct words met so far (see `answers`)

    def answers(self, question: Callable[[str], bool], words: set[str]) -> _Answers:
        """Answers to `question` and the others asked so far, for `words` at least."""
        answers = self._answers
        if len(answers.decided) > MAX_DECIDED:
            answers = self._answers = _Answers(answers.questions)
        if question not in answers.yes:  # a new question: asked of the words decided so far
            name = preset_name(question)
            table = answers.use_table or name in PRESET_PAYS
            try:
                (yes,) = self._decide(table, ((question, name),), answers.decided)
            except Exception:  # it fails on a word met before: start afresh, so that only
                # a document holding that word fails (the runner reports the rule's error)
                answers = self._answers = _Answers((*answers.questions, question))
            else:
                answers.add(question, yes)
        new = words.difference(answers.decided)
        if new:
            self._met = max(self._met, len(answers.decided) + len(new))
            asked = [(q, answers.names[q]) for q in answers.questions]
            found = self._decide(answers.use_table, asked, new)
            for (question, _), yes in zip(asked, found, strict=True):
                answers.yes[question].update(yes)
            answers.decided.update(new)  # last: a word is decided once it is answered
        return answers

    def _decide(
        self,
        table: bool,
        questions: Iterable[tuple[Callable[[str], bool], str]],
        words: set[str],
    ) -> list[set[str]]:
        """The words of `words` each of `questions` (with its preset name) answers yes: from
        the table for the syllables among them when `table` allows it and the process has
        met PRESET_AFTER words, else by asking. Nothing is changed: a question that raises
        leaves the answers as they were."""
        listed: frozenset[str] = frozenset()
        preset: dict[str, frozenset[str]] = {}
        if words and table and self._met >= PRESET_AFTER:
            inventory, preset = preset_verdicts()
            listed = inventory.intersection(words)
        rest = words.difference(listed) if listed else words
        found = []
        for asked, name in questions:
            from_table = preset.get(name)
            if from_table is None:
                found.append(set(filter(asked, words)))
            else:  # the table's answers for the syllables, the question's for the rest
                yes = set(filter(asked, rest))
                yes.update(from_table.intersection(listed))
                found.append(yes)
        return found

    def __reduce__(self) -> tuple[Any, ...]:
        return (WordVerdicts, ())  # a memo: never stored with the knowledge


class DocWords:
    """The words of a document (see the module's docstring)."""

    __slots__ = (
        "blocks",
        "texts",
        "distinct",
        "_verdicts",
        "_answers",
        "_known",
        "_lists",
        "_names",
        "_sp",
        "raw_blocks",
    )

    def __init__(
        self, blocks: Sequence[Block], known: tuple[str, ...], verdicts: WordVerdicts
    ) -> None:
        self.blocks = blocks
        self._lists: dict[int, list[Word]] = {}  # block -> its words, once split
        self.texts: list[list[str]] = []  # per block
        self.raw_blocks: set[int] = set()  # the blocks that may hold non-prose
        for k, block in enumerate(blocks):
            text = block.text
            if maybe_not_prose(text):  # split now: some of its words are no words
                self.raw_blocks.add(k)
                words = self._lists[k] = word_list(text)
                self.texts.append([word[0] for word in words])
            else:
                self.texts.append(word_texts(text, False))
        self.distinct: set[str] = set().union(*self.texts)
        self._verdicts = verdicts
        self._answers: _Answers | None = None  # answers that cover this document's words
        self._known = known
        self._names: dict[str, bool] = {}  # capitalised word -> in a personal name
        self._sp: dict[int, set[str]] = {}  # block -> the spellings of its personal names

    def matching(self, question: Callable[[str], bool]) -> set[str]:
        """The distinct words of the document for which `question` (a pure function of the
        word, the same object every time) is true."""
        answers = self._answers
        if answers is None or question not in answers.yes:
            answers = self._answers = self._verdicts.answers(question, self.distinct)
        return self.distinct & answers.yes[question]

    def non_prose_words(self) -> list[str]:
        """The words of the blocks that may hold URLs, addresses, code, tags or symbols,
        those inside them included: with `distinct`, every word of the document."""
        blocks = self.blocks
        return [w for k in sorted(self.raw_blocks) for w in word_texts(blocks[k].text, False)]

    def words_of(self, block: int) -> list[Word]:
        found = self._lists.get(block)
        if found is None:
            found = self._lists[block] = word_list(self.blocks[block].text)
        return found

    def occurrences(self, wanted: set[str]) -> list[DocWord]:
        """Every occurrence of a word of `wanted`, in document order."""
        out: list[DocWord] = []
        if not wanted:
            return out
        in_name = self.in_name
        for k, texts in enumerate(self.texts):
            if wanted.isdisjoint(texts):
                continue
            block, words = self.blocks[k], self.words_of(k)
            for j in compress(count(), map(wanted.__contains__, texts)):
                text = texts[j]
                out.append(DocWord(block, words[j], text, in_name(text), text.isalpha(), words, j))
        return out

    def in_name(self, text: str) -> bool:
        """Whether the word `text` belongs to a personal name. Names are capitalised, and a
        capitalised spelling of a name found anywhere in the document is that name: so the
        answer is one per spelling, found in the blocks that hold it."""
        if not text[:1].isupper():
            return False
        found = self._names.get(text)
        if found is None:
            found = self._names[text] = any(
                text in texts and text in self._spellings(k) for k, texts in enumerate(self.texts)
            )
        return found

    def _spellings(self, block: int) -> set[str]:
        found = self._sp.get(block)
        if found is None:
            words = self.words_of(block)
            names = person_name_indexes(self.blocks[block].text, words, self._known)
            found = self._sp[block] = {words[i][0] for i in names}
        return found


def document_words(ctx: DocContext) -> DocWords:
    """The document's words, decided lazily (see `DocWords`)."""
    known = tuple(p.name for p in ctx.knowledge.persons)
    return DocWords(ctx.doc.blocks, known, ctx.index(WordVerdicts))


def neighbours(item: DocWord) -> tuple[str | None, str | None]:
    """The syllables right before and after `item` in its block, lower case (None across
    punctuation, a paragraph or anything but spaces)."""
    words, index = item.words, item.at
    text, start, end = item.block.text, item.word.start, item.word.end
    before = after = None
    if index > 0:
        prev = words[index - 1]
        if text[prev.end : start].isspace():
            before = prev.text.lower()
    if index + 1 < len(words):
        nxt = words[index + 1]
        if text[end : nxt.start].isspace():
            after = nxt.text.lower()
    return before, after


def user_words_problem(value: object) -> str | None:
    """Why an `extend-words` value is malformed: it must list single words, as the spelling
    rules read them (no spaces, hyphens or punctuation)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return "must be a list of words"
    for entry in value:
        if [w.text for w in word_list(entry.strip(), False)] != [entry.strip()]:
            return f'must list single words (no spaces, hyphens or punctuation), not "{entry}"'
    return None


class UserWords(NamedTuple):
    """The options of SPL001 and SPL006: the user's word list. The list is pooled: a word
    set in `[rules.SPL001]` or in `[rules.SPL006]` is silenced by both rules."""

    extend_words: Annotated[
        tuple[str, ...], Option(validate=user_words_problem, pooled=("SPL001", "SPL006"))
    ] = ()


def without_user_words(
    found: Iterable[Diagnostic], ctx: Context[UserWords]
) -> Iterator[Diagnostic]:
    """`found` less the findings on one of the user's `extend-words`, compared in NFC and
    without case ("Ksor" also silences "KSOR"): a finding on a word of the document (its
    decoded text, so "tr&#7901;i" in HTML is "trời") or whose source text is the word."""
    words = ctx.options.extend_words
    if not words:
        yield from found
        return
    silenced = {fold_case(w.strip()) for w in words}
    doc_words = ctx.get(document_words)
    mine = {text for text in doc_words.distinct if fold_case(text) in silenced}
    spans = {w.span() for w in doc_words.occurrences(mine)}
    source = ctx.doc.source
    for diag in found:
        if (diag.start, diag.end) in spans or fold_case(source[diag.start : diag.end]) in silenced:
            continue
        yield diag
