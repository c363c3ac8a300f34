"""Issue 23: inputs that damaged text, hung soat or ended in a traceback (one test each)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from soat.knowledge import Knowledge, load_registry_text
from soat.lint.errors import UsageError
from soat.lint.tomlsource import TomlSource
from tests.bounded import finishes_within


def soat(*args, cwd=None, input=None, env=None, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "soat", *map(str, args)],
        cwd=cwd,
        input=input,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def usage_error(proc) -> str:
    """The one-line error of an exit-2 run that ended without a traceback."""
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, err
    assert "Traceback" not in err, err
    return err


# --- fault 2: empty strings in registries and string-list options ----------------------------


@pytest.mark.parametrize("variant", ["", "   ", "\t"])
def test_an_empty_or_blank_registry_variant_is_rejected_with_its_line(variant):
    text = f'[[term]]\npreferred = "Zalo"\nvariants = ["zalo", "{variant}"]\n'
    with pytest.raises(UsageError) as caught:
        load_registry_text("r.toml", text)
    assert caught.value.line == 3 and "empty" in caught.value.detail


def test_a_blank_registry_name_and_role_title_are_rejected():
    with pytest.raises(UsageError) as caught:
        load_registry_text("r.toml", '[[organization]]\nname = " "\n')
    assert caught.value.line == 2
    text = '[[person]]\nname = "Nguyễn Văn A"\n[[person.role]]\ntitle = "  "\n'
    with pytest.raises(UsageError) as caught:
        load_registry_text("r.toml", text)
    assert caught.value.line == 4


def test_an_empty_variant_never_reaches_a_fix(tmp_path):
    (tmp_path / "soat.toml").write_text('registry = ["r.toml"]\n', encoding="utf-8")
    (tmp_path / "r.toml").write_text(
        '[[term]]\npreferred = "Zalo"\nvariants = [""]\n', encoding="utf-8"
    )
    article = tmp_path / "a.txt"
    article.write_text("Tin mới\n\nSáng nay, công đoàn họp.\n", encoding="utf-8")
    err = usage_error(soat("check", "--fix", article, cwd=tmp_path))
    assert "r.toml:3:" in err
    assert article.read_text(encoding="utf-8") == "Tin mới\n\nSáng nay, công đoàn họp.\n"


@pytest.mark.parametrize(
    "config,line",
    [
        ('[rules.BPL001]\nextend-phrases = ["Chia sẻ", ""]\n', 2),
        ('[rules.TTL006]\nallow = ["  "]\n', 2),
        ('ignore = [""]\n', 1),
        ('include = ["**/*.md", " "]\n', 1),
        ("[rules.CAP002]\nthreshold = nan\n", 2),
        ("[rules.CAP002]\nthreshold = inf\n", 2),
    ],
)
def test_blank_strings_in_string_lists_and_non_finite_numbers_are_rejected(tmp_path, config, line):
    (tmp_path / "soat.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Tin mới\n", encoding="utf-8")
    err = usage_error(soat("check", "a.txt", cwd=tmp_path))
    assert f"soat.toml:{line}:" in err


# --- fault 4: tracebacks instead of exit 2 with file:line -----------------------------------


def test_toml_nested_600_deep_is_an_error_with_a_line(tmp_path):
    (tmp_path / "soat.toml").write_text(
        'lang = "vi"\nx = ' + "[" * 600 + "]" * 600 + "\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("Tin mới\n", encoding="utf-8")
    err = usage_error(soat("check", "a.txt", cwd=tmp_path))
    assert "soat.toml:2:" in err and "nested" in err


@pytest.mark.parametrize("body,line", [("[tool]\nsoat = 5\n", 2), ('[tool]\nsoat = ["a"]\n', 2)])
def test_a_pyproject_whose_tool_soat_is_not_a_table_is_an_error(tmp_path, body, line):
    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Tin mới\n", encoding="utf-8")
    err = usage_error(soat("check", "a.txt", cwd=tmp_path))
    assert f"pyproject.toml:{line}:" in err


# --- fault 3: hangs in configuration ----------------------------------------------------------


def test_a_registry_glob_does_not_follow_symbolic_link_loops(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "r.toml").write_text('[[term]]\npreferred = "Zalo"\n', encoding="utf-8")
    for i in range(4):  # four loops: glob.glob's walk multiplies at every level
        os.symlink("..", data / f"loop{i}")
    (tmp_path / "soat.toml").write_text('registry = ["data/**/*.toml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Tin mới\n", encoding="utf-8")

    from soat.lint.config import load_config
    from soat.rules import ALL_RULES

    config = finishes_within(20, load_config, str(tmp_path / "soat.toml"), ALL_RULES)
    assert [os.path.relpath(p, tmp_path) for p in config.registry] == ["data/r.toml"]


def _header_lookup(line: str) -> int | None:
    return TomlSource("x.toml", f'a = """\n{line}\n"""\n[b]\nc = 2\n').table_line("b")


def test_toml_header_lookup_is_linear_on_a_long_unclosed_header():
    assert finishes_within(20, _header_lookup, "[" + " " * 50_000 + "]x") == 4


# --- fault 3: super-linear time in readers and rules ------------------------------------------
# Each input is sized so that the old code needed minutes; the linear code needs well under a
# second, and the limit leaves room for a loaded machine.


def _lint_all(path: str, text: str) -> list[str]:
    from soat.knowledge import Knowledge
    from soat.lint.config import Config
    from soat.lint.runner import Settings, lint_source
    from soat.rules import ALL_RULES

    settings = Settings.from_config(Config(), ALL_RULES, knowledge=Knowledge())
    return sorted({d.code for d in lint_source(path, text, settings)})


def test_a_long_word_costs_linear_time_in_the_spelling_rules():
    from soat.vi.spelling import candidates, split_glued
    from soat.vi.syllables import is_valid_syllable

    word = "chữ" * 100_000

    def spell():
        return candidates(word), split_glued(word), is_valid_syllable(word)

    assert finishes_within(20, spell) == ([], None, False)


def test_an_unclosed_html_comment_holding_a_long_word_is_linted_quickly():
    text = "<p>Tin mới</p>\n<!-- " + "chữ" * 10_000 + "\n"
    assert "INT001" not in finishes_within(30, _lint_all, "a.html", text)


def test_a_long_date_followed_by_many_spaces_is_linear():
    from soat.vi.dates import find_dates

    text = "Ngày 1 tháng 1" + " " * 200_000 + "x"
    found = finishes_within(20, find_dates, text)
    assert found == []
    found = find_dates("Ngày 1 tháng 1" + " " * 2_000 + "năm 2025")
    assert [(d.day, d.month, d.year) for d in found] == [(1, 1, 2025)]
    assert [(d.day, d.month, d.year) for d in find_dates("ngày 1 tháng 1 ,  năm 2025")] == [
        (1, 1, 2025)
    ]


def test_an_unclosed_directive_and_many_comment_openers_are_linear():
    from soat.lint.suppress import find_directives

    text = "<!-- soat-disable" + " " * 200_000 + "\n" + "<!-- soat-enable DAT" * 20_000
    assert finishes_within(20, find_directives, text) == []
    found = find_directives("a <!-- soat-disable-line DAT,  TYP   --> b")
    assert [(d.kind, d.selectors) for d in found] == [("disable-line", ("DAT", "TYP"))]


def test_markup_remnant_comments_are_linear_when_none_is_closed():
    from soat.rules.boilerplate import markup_remnant

    text = "<!--a " * 40_000
    found = finishes_within(
        20, lambda: [m.span() for m in markup_remnant._COMMENT_RE.finditer(text)]
    )
    assert found == [(0, len(text))]  # one unclosed run, which the rule then drops


def test_addresses_and_long_runs_of_letters_dots_and_hyphens_are_linear():
    from soat.vi.tokens import non_prose_spans

    for text in ("x" * 200_000 + "@b", "a." * 100_000 + "@", "a-" * 100_000 + ".vn"):
        finishes_within(20, non_prose_spans, text)
    # Still found where they were: an address after a word, a domain in a dotted name.
    text = "Gửi về ban.bt@congdoan.vn hoặc xem tin.laodong.vn, -vnexpress.net"
    spans = [text[s:e] for s, e in non_prose_spans(text)]
    assert spans == ["ban.bt@congdoan.vn", "tin.laodong.vn", "vnexpress.net"]


def test_spaces_before_punctuation_are_found_in_linear_time():
    from soat.rules.typography.punctuation_space import _findings

    text = "a" + " " * 200_000 + "b , c"
    assert finishes_within(20, lambda: list(_findings(text))) == [("before", 200_002, 200_003, ",")]


def test_a_counter_after_a_label_is_found_in_linear_time():
    from soat.vi.furniture import match_furniture, phrase_table

    table = phrase_table()
    assert finishes_within(20, match_furniture, "Bình luận " + "1" * 200_000 + "x", table) is None
    for text in ("Bình luận: (12)", "Bình luận – 1.234", "Bình luận [ 3 ]", "Bình luận 12"):
        found = match_furniture(text, table)
        assert found is not None and found.how == "counter", text
    assert match_furniture("12", table) is None


def test_the_html_reader_is_linear_on_unclosed_nesting():
    from soat.lint.formats.html import read_html

    text = "<html><body>" + "<div>chữ <span>" * 20_000 + "<li>mục</body></html>\n"
    doc = finishes_within(30, lambda: len(read_html("a.html", text).blocks))
    assert doc == 20_001


def test_repeated_paragraphs_are_found_without_comparing_every_pair():
    from soat.knowledge import Knowledge
    from soat.lint.context import DocContext
    from soat.lint.formats.text import read_text
    from soat.rules.captions.duplicate_caption import duplicate_indexes
    from soat.rules.captions.repeated_paragraph import Options, find_repeats

    paragraph = (
        "Sáng {i}, Công đoàn cơ sở phường {i} tổ chức hội nghị tổng kết công tác năm với {i} "
        "đại biểu tham dự, bàn về việc chăm lo đời sống cho người lao động số {i}."
    )
    paras = [paragraph.format(i=i) for i in range(8_000)]
    paras.append(paras[10].replace("hội nghị", "hội thảo"))  # a near repeat
    paras.append(paras[20])  # a word-for-word repeat
    text = "Tin mới\n\n" + "\n\n".join(paras) + "\n"

    def repeats():
        doc = read_text("a.txt", text)
        skip = DocContext(doc, Knowledge()).get(duplicate_indexes)
        return [
            (b.text[:12], e.text[:12], round(s)) for b, e, s in find_repeats(doc, Options(), skip)
        ]

    assert finishes_within(60, repeats) == [
        ("Sáng 10, Côn", "Sáng 10, Côn", 98),
        ("Sáng 20, Côn", "Sáng 20, Côn", 100),
    ]


# --- faults 3, 5 and 7: walking folders and writing files -------------------------------------

ARTICLE = "Tin mới\n\nCông đoàn  họp.\n"


def _json(proc) -> list[dict]:
    import json

    return json.loads(proc.stdout.decode())


def test_a_fifo_in_a_walked_folder_is_skipped_and_a_named_one_is_io001(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")
    walked = soat("check", "--output-format", "json", ".", cwd=tmp_path, timeout=60)
    assert {f["filename"] for f in _json(walked)} == {"a.md"}
    named = soat("check", "--output-format", "json", "pipe.md", cwd=tmp_path, timeout=60)
    assert [(f["filename"], f["code"]) for f in _json(named)] == [("pipe.md", "IO001")]
    assert named.returncode == 1


def test_upper_case_extensions_are_walked(tmp_path):
    (tmp_path / "BAI.MD").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "Tin.Txt").write_text(ARTICLE, encoding="utf-8")
    proc = soat("check", "--output-format", "json", ".", cwd=tmp_path)
    assert {f["filename"] for f in _json(proc)} == {"BAI.MD", "Tin.Txt"}


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    from soat.lint.files import discover
    from soat.lint.resolve import SettingsResolver

    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.md").write_text(ARTICLE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.basename(os.fspath(path)) == "locked":  # root reads anything: simulate it
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problems: list = []
    found = list(
        discover([str(tmp_path)], SettingsResolver((), lambda registry: Knowledge()), problems)
    )
    assert [os.path.basename(p) for p, _ in found] == ["a.md"]
    assert [(os.path.basename(p), e.strerror) for p, e in problems] == [
        ("locked", "Permission denied")
    ]


def test_git_ignored_files_with_non_ascii_names_are_skipped(tmp_path):
    import shutil

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("bản nháp.md\nthư mục cũ/\n", encoding="utf-8")
    (tmp_path / "bản nháp.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "thư mục cũ").mkdir()
    (tmp_path / "thư mục cũ" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bài.md").write_text(ARTICLE, encoding="utf-8")
    proc = soat("check", "--output-format", "json", ".", cwd=tmp_path)
    assert {f["filename"] for f in _json(proc)} == {"bài.md"}
    fixed = soat("check", "--fix", ".", cwd=tmp_path)
    assert fixed.returncode in (0, 1)
    assert (tmp_path / "bản nháp.md").read_text(encoding="utf-8") == ARTICLE


def test_fix_reports_a_read_only_file_and_leaves_it_alone(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0o444)
    proc = soat("check", "--fix", "--output-format", "json", "a.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == ARTICLE
    assert "IO001" in [f["code"] for f in _json(proc)]
    assert proc.returncode == 1


def test_non_regular_paths_named_on_the_command_line_do_not_pass_silently(tmp_path):
    proc = soat("check", "--output-format", "json", "/dev/null", cwd=tmp_path)
    assert [f["code"] for f in _json(proc)] == ["IO001"] and proc.returncode == 1


# --- fault 4 and 7: output that strict readers accept, and encodings --------------------------


@pytest.mark.parametrize("fmt", ["sarif", "json", "gitlab", "rdjson", "junit", "github", "text"])
def test_file_names_with_invalid_utf8_or_control_characters_are_escaped(tmp_path, fmt):
    import json

    for name in (b"b\xffi.txt", b"x\x1b[31my.txt"):
        (tmp_path / os.fsdecode(name)).write_text(ARTICLE, encoding="utf-8")
    proc = soat("check", "--output-format", fmt, ".", cwd=tmp_path)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr, proc.stderr
    out = proc.stdout.decode("utf-8")  # strict
    assert "\x1b" not in out and "xff" in out  # escaped (SARIF percent-encodes the "\\")
    if fmt in ("sarif", "json", "gitlab", "rdjson"):
        json.loads(out)


def test_control_characters_in_an_error_message_are_escaped(tmp_path):
    (tmp_path / "soat.toml").write_text('"\\u001b[31mred" = 1\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    err = usage_error(soat("check", "a.txt", cwd=tmp_path))
    assert "\x1b" not in err and "soat.toml:1:" in err and "\\x1b[31mred" in err


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be", "utf-16-le"])
def test_utf32_with_a_bom_is_read_as_utf32_and_written_back_so(tmp_path, codec):
    import codecs

    bom = {
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
        "utf-16-le": codecs.BOM_UTF16_LE,
    }[codec]
    path = tmp_path / "a.txt"
    path.write_bytes(bom + "Một tin mới\n\nCông đoàn  họp.\n".encode(codec))
    proc = soat("check", "--fix", "--select", "TYP001", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    assert path.read_bytes() == bom + "Một tin mới\n\nCông đoàn họp.\n".encode(codec)


def test_a_file_over_the_size_limit_is_io001_without_linting(tmp_path):
    from soat.lint.runner import MAX_FILE_BYTES

    path = tmp_path / "big.txt"
    line = "Công đoàn cơ sở tổ chức hội nghị tổng kết công tác năm.\n"
    path.write_text(line * (MAX_FILE_BYTES // len(line.encode("utf-8")) + 1), encoding="utf-8")
    proc = soat("check", "--output-format", "json", "big.txt", cwd=tmp_path, timeout=60)
    found = _json(proc)
    assert [f["code"] for f in found] == ["IO001"] and "MB" in found[0]["message"]


def test_a_damaged_confusion_cache_is_rebuilt(tmp_path, monkeypatch):
    from soat.vi.confusion_data import builtin_confusions

    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    load = builtin_confusions.__wrapped__
    expected = load()
    (cache,) = tmp_path.iterdir()
    data = cache.read_bytes()
    for where in range(0, len(data), max(1, len(data) // 40)):
        damaged = bytearray(data)
        damaged[where] ^= 0x5A
        cache.write_bytes(bytes(damaged))
        assert load() == expected, where


def test_no_git_process_for_a_folder_outside_any_repository(tmp_path, monkeypatch):
    import shutil

    from soat.lint import files

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.delenv("GIT_DIR", raising=False)
    if files._may_be_in_repository(str(tmp_path)):
        pytest.skip("the temporary folder is inside a git repository here")
    runs: list = []
    real_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: runs.append(a) or real_run(*a, **k))
    assert files.git_ignored(str(tmp_path)) == set()
    assert runs == []
    real_run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("x.md\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "y.md").write_text(ARTICLE, encoding="utf-8")
    assert files.git_ignored(str(tmp_path / "sub")) == {str(tmp_path / "sub" / "x.md")}
    assert len(runs) == 1  # below a repository: git runs


def test_git_ignored_files_stay_skipped_through_a_linked_folder(tmp_path):
    import shutil

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    (repo / "notes" / "secret").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / ".gitignore").write_text("secret/\n", encoding="utf-8")
    (repo / "notes" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (repo / "notes" / "secret" / "x.md").write_text(ARTICLE, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "notes").symlink_to(repo / "notes")
    proc = soat("check", "--output-format", "json", "notes", cwd=outside)
    assert {f["filename"] for f in _json(proc)} == {"notes/a.md"}
