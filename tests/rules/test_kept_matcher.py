"""LEX001's matcher kept across processes (soat.vi.confusion_data.kept_matcher): the matcher
read back finds what a freshly built one finds, and only what its key names is reused. Its
screen is kept in a file of its own (kept_screen), so that a text the screen stops needs no
matcher at all."""

from __future__ import annotations

import os
import pickle
import tempfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soat.knowledge import Knowledge, load_knowledge
from soat.knowledge.model import TABLES
from soat.lint.context import Context, DocContext
from soat.lint.document import Document
from soat.rules.lex import confused_word
from soat.vi import confusion_data
from soat.vi.confusion_data import builtin_confusions, kept_matcher, kept_screen
from soat.vi.confusions import ConfusionMatcher, FormScreen

KNOWLEDGE = load_knowledge()


def _build() -> ConfusionMatcher:
    options = confused_word.Options()
    return ConfusionMatcher(
        confused_word.active_entries(options, confused_word.user_entries(options, KNOWLEDGE)),
        confused_word.registered_names(KNOWLEDGE),
    )


FRESH = _build()
# Texts made of wrong forms of the table, their right forms, registry names that guard
# forms, and plain words, in any order and case.
_PIECES = sorted(
    {form for entry in builtin_confusions()[:80] for form in entry.wrong}
    | {entry.right for entry in builtin_confusions()[:80]}
    | set(confused_word.registered_names(KNOWLEDGE)[:40])
    | {"và", "của", "Hà Nội", "ngày", "http://x.vn/sát-nhập", "20/2020/NĐ-CP", "\n", ".", ","}
)
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join)


def _matches(matcher: ConfusionMatcher, text: str) -> list:
    return [(m.start, m.end, m.written, m.entry) for m in matcher.find(text)]


def _files(folder) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.startswith("confusion-matcher-"))


def test_built_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    built: list[ConfusionMatcher] = []

    def build() -> ConfusionMatcher:
        built.append(_build())
        return built[-1]

    first = kept_matcher("key", build)
    assert first is built[0] and len(_files(tmp_path)) == 1
    again = kept_matcher("key", build)
    assert len(built) == 1 and again is not first  # read from the file
    assert vars(again).keys() == vars(first).keys()
    assert again.by_form == first.by_form and again._guard_phrases == first._guard_phrases
    kept_matcher("another key", build)
    assert len(built) == 2 and len(_files(tmp_path)) == 2


def test_the_file_is_written_before_the_matcher_is_used(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    used = kept_matcher("key", _build)
    _matches(used, "Hai xã sát nhập, chia sẽ kinh nghiệm")
    assert used.screen.opens(next(iter(used.screen.second_runs)))
    assert used.screen.keys  # a used matcher notes the words it met
    (name,) = _files(tmp_path)
    data = (tmp_path / name).read_bytes()
    stored = pickle.loads(data[len(confusion_data._MATCHER_MAGIC) + 4 :])
    assert stored.screen.keys == {}


def _damage(path) -> None:
    """Flip one byte in the middle of the file at `path`."""
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_the_matcher_read_back_finds_what_a_fresh_one_finds(text):
    assert _matches(_READ_BACK, text) == _matches(FRESH, text)


def _never() -> ConfusionMatcher:
    raise AssertionError("the matcher was not read back from its file")


def _read_back() -> ConfusionMatcher:
    """A matcher as `kept_matcher` reads it back from its file."""
    before = os.environ.get("SOAT_CACHE_DIR")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SOAT_CACHE_DIR"] = folder
        try:
            kept_matcher("oracle", _build)
            return kept_matcher("oracle", _never)
        finally:
            if before is None:
                del os.environ["SOAT_CACHE_DIR"]
            else:
                os.environ["SOAT_CACHE_DIR"] = before


_READ_BACK = _read_back()


def _context(options) -> Context:
    """A context whose knowledge holds no matcher yet (other tests leave theirs in the
    memo of the built-in knowledge)."""
    knowledge = Knowledge(*(getattr(KNOWLEDGE, table) for table in TABLES))
    knowledge._index.update(
        (builder, value)
        for builder, value in KNOWLEDGE._index.items()
        if builder not in (confused_word._matchers, confused_word._screens)
    )
    doc = Document(path="a.txt", source="", format="txt")
    return Context(DocContext(doc, knowledge), options)


def test_lex001_keeps_only_the_matcher_of_its_default_options(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    default = confused_word.matcher_for(_context(confused_word.Options()))
    assert len(_files(tmp_path)) == 1
    assert default.by_form == FRESH.by_form
    enabled = next(e for e in builtin_confusions() if e.kind == "house-style").names[0]
    other = confused_word.matcher_for(_context(confused_word.Options(enable_entries=(enabled,))))
    assert len(_files(tmp_path)) == 1  # configured options: built in each process
    assert other.by_form.keys() > default.by_form.keys()


def _screen_files(folder) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.startswith("confusion-screen-"))


def _same_screen(a, b) -> bool:
    return (a.by_runs, a.single_runs, a.second_runs, a.all_second_runs) == (
        b.by_runs,
        b.single_runs,
        b.second_runs,
        b.all_second_runs,
    )


def test_the_screen_is_read_back_without_the_matcher(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    first = kept_screen("key", lambda: kept_matcher("key", _build))
    assert first is not None and len(_screen_files(tmp_path)) == 1 and len(_files(tmp_path)) == 1
    again = kept_screen("key", _never)  # read from its own file: no matcher is made or read
    assert again is not first and _same_screen(again, FRESH.screen)


def test_a_used_screen_is_stored_without_the_words_it_met(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    matcher = kept_matcher("key", _build)  # written now, before it is used
    assert _matches(matcher, "Hai xã sát nhập, chia sẽ kinh nghiệm")
    assert matcher.in_a_form("Sát") and matcher.screen.opens("Chia")
    assert matcher.screen.keys  # the words met, noted in this process
    kept_screen("key", lambda: matcher)  # the screen file is made from the used matcher
    assert kept_screen("key", _never).keys == {}
    assert _same_screen(kept_screen("key", _never), FRESH.screen)
    assert pickle.loads(pickle.dumps(matcher)).screen.keys == {}


@pytest.mark.parametrize(
    ("keep", "files", "kind"),
    [(kept_matcher, _files, ConfusionMatcher), (kept_screen, _screen_files, FormScreen)],
)
def test_a_damaged_file_is_made_again(tmp_path, monkeypatch, keep, files, kind):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    keep("key", _build)
    (name,) = files(tmp_path)
    _damage(tmp_path / name)
    made: list[int] = []
    kept = keep("key", lambda: made.append(1) or _build())
    assert made == [1] and isinstance(kept, kind)
    keep("key", _never)  # written again whole: read back


def _lex001(ctx: Context, text: str) -> list[tuple[int, int, str]]:
    from soat.lint.formats import parse

    doc = parse("a.txt", text)
    shared = DocContext(doc, ctx.knowledge)
    return [
        (d.start, d.end, str(d.message)) for d in confused_word.check(shared.for_rule(ctx.options))
    ]


def test_lex001_reads_the_matcher_only_for_a_text_the_screen_lets_by(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    options = confused_word.Options()
    with_form = "Hai xã sát nhập thành một, chia sẽ kinh nghiệm.\n"
    expected = _lex001(_context(options), with_form)  # fills the files
    assert expected and _files(tmp_path) and _screen_files(tmp_path)
    ctx = _context(options)  # a new process, as far as the memo goes
    assert _lex001(ctx, "Đại hội Công đoàn tỉnh diễn ra sáng nay.\n") == []
    assert not ctx.knowledge._index.get(confused_word._matchers)  # the matcher was not read
    assert _lex001(ctx, with_form) == expected
    assert ctx.knowledge._index.get(confused_word._matchers)
