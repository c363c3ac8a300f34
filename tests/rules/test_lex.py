"""LEX001 beyond its fixture: the issue's paragraph, the peer baseline's corrections, correct
articles written for the purpose, and the validation of user entries (file:line errors)."""

import re
from pathlib import Path

import pytest

from soat.knowledge import load_registry_text
from soat.lint.config import load_config
from soat.lint.errors import UsageError
from soat.rules import ALL_RULES
from tests.rule_fixtures import run

ROOT = Path(__file__).resolve().parent.parent.parent
ARTICLES = Path(__file__).parent / "fixtures" / "lex_articles"
PRH = ROOT.parent / "shared" / "bench-peer" / "prh.yml"

PARAGRAPH = (
    "Hội nghị công đoàn\n\n"
    "Công đoàn tỉnh tổ chức hội nghị sau khi sát nhập hai đơn vị.\n"
    "Đoàn viên chia sẽ kinh nghiệm và bổ xung ý kiến.\n"
    "Nhiều cá nhân suất sắc được khen thưởng vì năng xuất lao động cao.\n"
    "Sự việc xẩy ra vào sáng qua tại khu công nghiệp.\n"
)


def _fixes(text, diags):
    """(written, corrected) for each finding, from its fix or its first suggestion."""
    out = []
    for d in diags:
        fix = d.fix or d.suggestions[0]
        fixed = text
        for edit in sorted(fix.edits, key=lambda e: e.start, reverse=True):
            fixed = fixed[: edit.start] + edit.content + fixed[edit.end :]
        delta = len(fixed) - len(text)
        out.append((text[d.start : d.end], fixed[d.start : d.end + delta]))
    return out


def test_the_issue_paragraph_gives_one_finding_per_error_with_the_right_fix():
    diags = run(PARAGRAPH, ["LEX", "SPL"])
    assert _fixes(PARAGRAPH, diags) == [
        ("sát nhập", "sáp nhập"),
        ("chia sẽ", "chia sẻ"),
        ("bổ xung", "bổ sung"),
        ("suất sắc", "xuất sắc"),
        ("năng xuất", "năng suất"),
        ("xẩy ra", "xảy ra"),
    ]
    assert {d.code for d in diags} == {"LEX001"}


def _prh_corrections():
    """(wrong, expected) for each alternative of the "Common misspellings" rules."""
    text = PRH.read_text("utf-8")
    section = text.split("# --- Common misspellings ---", 1)[1]
    pairs = []
    for expected, pattern in re.findall(r"- expected: '([^']+)'\n\s+pattern: '([^']+)'", section):
        body = pattern.split("_])", 1)[1]  # after the shared look-behind
        if body.startswith("(?:"):
            literals = body[3 : body.index(")")].split("|")
        else:
            literals = [re.split(r"\(", body, maxsplit=1)[0]]
        pairs.extend((w, expected) for w in literals)
    return pairs


@pytest.mark.skipif(not PRH.is_file(), reason="../shared/bench-peer/prh.yml is not checked out")
def test_every_common_misspelling_of_the_peer_baseline_is_reported_by_lex_or_spl():
    # SPL006 reports the non-words ("nỗ lựt", "kiểm xoát"): LEX leaves them to it.
    pairs = _prh_corrections()
    # 28 rules; ngành/Ngành and sáp nhập/Sáp nhập are two rules each for one word
    assert len({e.lower() for _, e in pairs}) == 26
    options = {"LEX001": {"enable-entries": ["thăm quan", "trau giồi"]}}
    missed = []
    for wrong, expected in pairs:
        # A capitalised form opens the sentence (inside one, LEX001 takes it for a name).
        sentence = f"{wrong} là từ trong bài." if wrong[0].isupper() else f"Họ nói về {wrong}."
        text = f"Tin ngắn\n\n{sentence}\n"
        diags = run(text, ["LEX001", "SPL001", "SPL006"], options=options)
        fixed_texts = [_applied(text, d) for d in diags]
        if not any(_same(expected, f, contained=True) for f in fixed_texts):
            missed.append((wrong, expected, fixed_texts))
    assert not missed


def _applied(text, diag):
    """`text` with the diagnostic's fix (or its first suggestion) applied."""
    fix = diag.fix or diag.suggestions[0]
    for edit in sorted(fix.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.content + text[edit.end :]
    return text


def _same(a: str, b: str, contained: bool = False) -> bool:
    """`a` equals (or, with `contained`, occurs in) `b`, ignoring case and i/y (SPL005)."""
    fold = str.maketrans("ýỳỷỹỵ", "íìỉĩị")
    a, b = a.lower().translate(fold), b.lower().translate(fold)
    return a in b if contained else a == b


def _article_paths():
    return sorted(ARTICLES.glob("*.txt"))


def test_at_least_twenty_correct_articles_with_guard_phrases():
    paths = _article_paths()
    assert len(paths) >= 20
    text = " ".join(p.read_text("utf-8") for p in paths).lower()
    for guard in ("cảnh sát nhập cư", "khả năng xuất khẩu", "campuchia sẽ"):
        assert guard in text


@pytest.mark.parametrize("path", _article_paths(), ids=lambda p: p.name)
def test_no_lex_finding_on_a_correct_article(path):
    text = path.read_text("utf-8")
    assert [(d.start, d.message.en) for d in run(text, ["LEX001"])] == []


def _config(tmp_path, body):
    path = tmp_path / "soat.toml"
    path.write_text(body, "utf-8")
    return load_config(str(path), ALL_RULES)


def test_a_malformed_extend_entry_names_file_and_line(tmp_path):
    with pytest.raises(UsageError) as info:
        _config(
            tmp_path,
            '[rules.LEX001]\nignore-entries = ["bổ sung"]\n'
            'extend-entries = [{ wrong = ["đoàn việc"] }]\n',
        )
    assert info.value.line == 3
    assert "entry 1" in info.value.detail and '"right"' in info.value.detail


def test_an_unknown_entry_name_is_an_error_with_a_suggestion(tmp_path):
    with pytest.raises(UsageError) as info:
        _config(tmp_path, '[rules.LEX001]\n\nignore-entries = ["bổ xungg"]\n')
    assert info.value.line == 3
    assert 'Did you mean "bổ xung"?' in info.value.detail


def test_valid_options_load(tmp_path):
    config = _config(
        tmp_path,
        '[rules.LEX001]\nenable-entries = ["thăm quan"]\n'
        'extend-entries = [{ wrong = "đoàn việc", right = "đoàn viên", fix = "safe" }]\n',
    )
    assert config.rule_options["LEX001"]["enable-entries"] == ("thăm quan",)


def test_a_malformed_registry_confusion_names_file_and_line():
    with pytest.raises(UsageError) as info:
        load_registry_text(
            "registry.toml",
            '[[confusion]]\nwrong = ["đoàn việc"]\nright = "đoàn viên"\nfix = "maybe"\n',
        )
    assert (info.value.path, info.value.line) == ("registry.toml", 4)
    with pytest.raises(UsageError) as info:
        load_registry_text("registry.toml", '[[confusion]]\nright = "đoàn viên"\n')
    assert info.value.line == 1 and '"wrong"' in info.value.detail
