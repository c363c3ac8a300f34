"""The command line, through a real subprocess."""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KEYS = {
    "code",
    "name",
    "message",
    "severity",
    "filename",
    "location",
    "end_location",
    "fix",
    "suggestions",
    "related",
    "url",
}


# Where a run with no folder of its own works: its result cache (.soat_cache/ in the working
# folder) must not land in the checkout the tests run from.
_WORK = tempfile.mkdtemp(prefix="soat-cli-")


def soat(*args, cwd=None, input=None):
    return subprocess.run(
        [sys.executable, "-m", "soat", *map(str, args)],
        cwd=cwd if cwd is not None else _WORK,
        input=input,
        capture_output=True,
        timeout=120,
    )


def findings(proc):
    return json.loads(proc.stdout.decode())


def test_seed_json_matches_the_contract_and_typ001_positions(seed_path):
    proc = soat("check", "--output-format", "json", seed_path)
    assert proc.returncode == 1, proc.stderr
    data = findings(proc)
    assert all(set(f) == KEYS for f in data)
    typ = [
        (f["location"]["row"], f["location"]["column"], f["end_location"]["column"])
        for f in data
        if f["code"] == "TYP001"
    ]
    assert typ == [(14, 78, 79), (22, 88, 90)]
    first = next(f for f in data if f["code"] == "TYP001")
    assert first["fix"]["applicability"] == "safe"
    assert first["fix"]["edits"] == [
        {
            "content": " ",
            "location": {"row": 14, "column": 78},
            "end_location": {"row": 14, "column": 79},
        }
    ]
    assert first["filename"] == str(seed_path)


def test_fix_typ001_changes_exactly_the_two_runs(tmp_path, seed_path):
    copy = tmp_path / "seed.txt"
    shutil.copy(seed_path, copy)
    copy.chmod(0o644)  # the shared seed is read-only, and --fix leaves read-only files alone
    before = copy.read_bytes()
    proc = soat("check", "--fix", "--select", "TYP001", copy)
    assert proc.returncode == 0, proc.stdout.decode()
    after = copy.read_bytes()
    expected = (
        before.decode().replace("đoàn\u00a0cần", "đoàn cần").replace("triệt \u00a0một", "triệt một")
    )
    assert after.decode() == expected
    assert not after.endswith(b"\n")
    again = soat("check", "--fix", "--select", "TYP001", copy)
    assert again.returncode == 0 and copy.read_bytes() == after


def test_clean_file_exits_zero(tmp_path):
    f = tmp_path / "bai.txt"
    f.write_text("Tiêu đề\n\nMột đoạn văn bình thường.\n", encoding="utf-8")
    proc = soat("check", "--select", "TYP", f)
    assert proc.returncode == 0
    assert "Không phát hiện lỗi nào" in proc.stdout.decode()


def test_malformed_config_exits_two_with_file_and_line(tmp_path):
    (tmp_path / "soat.toml").write_text(
        'select = ["ALL"]\nlang = "vi"\nfail-on = \n', encoding="utf-8"
    )
    (tmp_path / "bai.txt").write_text("Tiêu đề\n", encoding="utf-8")
    proc = soat("check", "bai.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "soat.toml:3:" in proc.stderr.decode()


def test_unknown_option_suggests_the_closest(tmp_path):
    (tmp_path / "soat.toml").write_text('select = ["ALL"]\nfial-on = "error"\n', encoding="utf-8")
    (tmp_path / "bai.txt").write_text("Tiêu đề\n", encoding="utf-8")
    proc = soat("check", "bai.txt", cwd=tmp_path)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "soat.toml:2:" in err and 'Did you mean "fail-on"?' in err


def test_unknown_rule_option_is_an_error(tmp_path):
    (tmp_path / "soat.toml").write_text('[rules.TYP001]\nstyel = "x"\n', encoding="utf-8")
    (tmp_path / "bai.txt").write_text("Tiêu đề\n", encoding="utf-8")
    proc = soat("check", "bai.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "soat.toml:2:" in proc.stderr.decode()


def test_missing_path_is_a_usage_error(tmp_path):
    proc = soat("check", tmp_path / "nope.txt")
    assert proc.returncode == 2 and "nope.txt" in proc.stderr.decode()


def test_undecodable_file_is_io001_and_never_written(tmp_path):
    bad = tmp_path / "cp1258.txt"
    bad.write_bytes("Tiêu đề\n".encode() + b"C\xf4ng \xf0o\xe0n  x\n")
    good = tmp_path / "good.txt"
    good.write_text("Tiêu đề\nHai  dấu cách\n", encoding="utf-8")
    before = bad.read_bytes()
    proc = soat("check", "--fix", "--output-format", "json", bad, good)
    data = findings(proc)
    io = [f for f in data if f["code"] == "IO001"]
    assert len(io) == 1 and io[0]["location"] == {"row": 1, "column": 1}
    assert "13" in io[0]["message"]  # offset of the first bad byte
    assert bad.read_bytes() == before
    assert good.read_text(encoding="utf-8") == "Tiêu đề\nHai dấu cách\n"
    assert proc.returncode == 1


def test_fix_keeps_bom_crlf_and_permissions(tmp_path):
    f = tmp_path / "bai.txt"
    f.write_bytes(b"\xef\xbb\xbfTi\xc3\xaau \xc4\x91\xe1\xbb\x81\r\nM\xe1\xbb\x99t  hai\r\n")
    os.chmod(f, 0o640)
    proc = soat("check", "--output-format", "json", f)
    data = findings(proc)
    assert data[0]["location"] == {"row": 2, "column": 4}  # the BOM is not a column
    soat("check", "--fix", f)
    assert (
        f.read_bytes() == b"\xef\xbb\xbfTi\xc3\xaau \xc4\x91\xe1\xbb\x81\r\nM\xe1\xbb\x99t hai\r\n"
    )
    assert stat.S_IMODE(os.stat(f).st_mode) == 0o640


def test_utf16_with_bom_is_read_and_written_back(tmp_path):
    f = tmp_path / "bai.txt"
    f.write_bytes("\ufeffTiêu đề\nMột  hai\n".encode("utf-16-le").replace(b"", b"", 0))
    f.write_bytes(b"\xff\xfe" + "Tiêu đề\nMột  hai\n".encode("utf-16-le"))
    soat("check", "--fix", f)
    assert f.read_bytes() == b"\xff\xfe" + "Tiêu đề\nMột hai\n".encode("utf-16-le")


def test_nothing_written_when_nothing_changes(tmp_path):
    f = tmp_path / "bai.txt"
    f.write_text("Tiêu đề\nSạch sẽ.\n", encoding="utf-8")
    os.utime(f, (1_000_000, 1_000_000))
    soat("check", "--fix", f)
    assert os.stat(f).st_mtime == 1_000_000


def test_diff_prints_and_writes_nothing(tmp_path):
    f = tmp_path / "bai.txt"
    f.write_text("Tiêu đề\nMột  hai", encoding="utf-8")
    proc = soat("check", "--diff", f)
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert "-Một  hai\n\\ No newline at end of file\n+Một hai\n\\ No newline at end of file" in out
    assert f.read_text(encoding="utf-8") == "Tiêu đề\nMột  hai"
    f.write_text("Tiêu đề\nMột hai", encoding="utf-8")
    assert soat("check", "--diff", f).returncode == 0


def test_stdin_with_filename():
    proc = soat(
        "check",
        "--output-format",
        "json",
        "--stdin-filename",
        "bai.txt",
        "-",
        input="Tiêu đề\nMột  hai\n".encode(),
    )
    data = findings(proc)
    assert [(f["filename"], f["code"]) for f in data] == [("bai.txt", "TYP001")]


def test_stdin_with_an_excluded_filename_is_not_checked(tmp_path):
    """`exclude` applies to a file named on the command line, and so to --stdin-filename."""
    (tmp_path / "soat.toml").write_text('exclude = ["archive/**"]\n', encoding="utf-8")
    text = "Tiêu đề\nMột  hai\n".encode()
    args = ("check", "--output-format", "json", "--stdin-filename")
    proc = soat(*args, "archive/bai.txt", "-", input=text, cwd=tmp_path)
    assert (proc.returncode, findings(proc)) == (0, [])
    proc = soat(*args, "content/bai.txt", "-", input=text, cwd=tmp_path)
    assert [f["code"] for f in findings(proc)] == ["TYP001"]
    proc = soat(
        "check", "--fix", "--stdin-filename", "archive/bai.txt", "-", input=text, cwd=tmp_path
    )
    assert (proc.returncode, proc.stdout) == (0, text)


def test_stdin_fix_writes_the_fixed_text_to_stdout():
    proc = soat("check", "--fix", "-", input="Tiêu đề\nMột  hai\n".encode())
    assert proc.stdout.decode() == "Tiêu đề\nMột hai\n"


def test_directory_walk_respects_include_exclude_and_gitignore(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "archive").mkdir()
    (tmp_path / "node_modules").mkdir()
    for p in (
        "content/a.md",
        "content/b.txt",
        "archive/c.txt",
        "node_modules/d.txt",
        "content/skip.txt",
        "content/e.csv",
    ):
        (tmp_path / p).write_text("Tiêu đề\nMột  hai\n", encoding="utf-8")
    (tmp_path / "soat.toml").write_text('exclude = ["archive/**"]\n', encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("content/skip.txt\n", encoding="utf-8")
    proc = soat("check", "--output-format", "json", "--select", "TYP001", ".", cwd=tmp_path)
    names = sorted({f["filename"] for f in findings(proc)})
    assert names == ["content/a.md", "content/b.txt"]
    # exclude applies to explicitly named files too
    proc = soat("check", "--output-format", "json", "archive/c.txt", cwd=tmp_path)
    assert findings(proc) == [] and proc.returncode == 0


def test_select_ignore_and_fail_on_and_exit_zero(tmp_path):
    f = tmp_path / "bai.txt"
    f.write_text("Tiêu đề\nMột  hai\n", encoding="utf-8")
    assert soat("check", "--ignore", "TYP001", f).returncode == 0
    assert soat("check", "--select", "whitespace", f).returncode == 1
    assert soat("check", "--fail-on", "error", f).returncode == 0
    assert soat("check", "--exit-zero", f).returncode == 0
    bad = soat("check", "--select", "TYP0O1", f)
    assert bad.returncode == 2 and 'Did you mean "TYP001"?' in bad.stderr.decode()


def test_severity_override_and_per_file_ignores(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.txt").write_text("Tiêu đề\nMột  hai\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Tiêu đề\nMột  hai\n", encoding="utf-8")
    (tmp_path / "soat.toml").write_text(
        '[severity]\nTYP001 = "info"\n[per-file-ignores]\n"old/**" = ["TYP"]\n', encoding="utf-8"
    )
    proc = soat("check", "--output-format", "json", ".", cwd=tmp_path)
    data = findings(proc)
    assert [(f["filename"], f["severity"]) for f in data] == [("b.txt", "info")]
    assert proc.returncode == 0


def test_nearest_config_wins_and_dot_soat_beats_soat_toml(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    (tmp_path / "soat.toml").write_text('ignore = ["TYP001"]\n', encoding="utf-8")
    (sub / "soat.toml").write_text('lang = "vi"\n', encoding="utf-8")
    (sub / ".soat.toml").write_text('lang = "en"\n', encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Tiêu đề\nMột  hai\n", encoding="utf-8")
    (sub / "b.txt").write_text("Tiêu đề\nMột  hai\n", encoding="utf-8")
    data = findings(soat("check", "--output-format", "json", ".", cwd=tmp_path))
    assert [f["filename"] for f in data] == ["sub/b.txt"]
    assert data[0]["message"].startswith("2 spaces")


def test_pyproject_tool_soat(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.soat]\nignore = ["TYP"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Tiêu đề\nMột  hai\n", encoding="utf-8")
    assert soat("check", "a.txt", cwd=tmp_path).returncode == 0


def test_rules_and_rule_commands():
    proc = soat("rules")
    assert proc.returncode == 0 and "TYP001" in proc.stdout.decode()
    doc = soat("rule", "TYP001").stdout.decode()
    assert doc.startswith("# TYP001 whitespace") and "Ví dụ sai" in doc
    assert soat("rule", "TYP01").returncode == 2


def test_version():
    from soat import __version__

    assert soat("--version").stdout.decode().strip().endswith(__version__)


def test_many_files_are_checked_in_parallel_with_the_same_results(tmp_path):
    for i in range(60):
        (tmp_path / f"bai{i:02d}.txt").write_text(f"Tiêu đề {i}\nMột  hai\n", encoding="utf-8")
    proc = soat("check", "--output-format", "json", "--select", "TYP001", ".", cwd=tmp_path)
    data = findings(proc)
    assert [f["filename"] for f in data] == [f"bai{i:02d}.txt" for i in range(60)]
    assert proc.returncode == 1
    fixed = soat("check", "--fix", "--select", "TYP001", ".", cwd=tmp_path)
    assert fixed.returncode == 0
    assert (tmp_path / "bai59.txt").read_text(encoding="utf-8") == "Tiêu đề 59\nMột hai\n"


@pytest.mark.parametrize("fmt", ["text", "json"])  # json: the report written while checking
def test_exit_status_uses_each_files_own_fail_on_whatever_the_order(tmp_path, fmt):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "soat.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    for d in ("a", "b"):
        (tmp_path / d / "x.txt").write_text("Tiêu đề\nMột  hai\n", encoding="utf-8")
    check = ("check", "--output-format", fmt)
    assert soat(*check, "a/x.txt", "b/x.txt", cwd=tmp_path).returncode == 1
    assert soat(*check, "b/x.txt", "a/x.txt", cwd=tmp_path).returncode == 1
    assert soat(*check, "a/x.txt", cwd=tmp_path).returncode == 0
    assert soat(*check, "--exit-zero", "b/x.txt", cwd=tmp_path).returncode == 0


def test_a_file_named_twice_is_checked_once(tmp_path):
    (tmp_path / "a.txt").write_text("Tiêu đề\nMột  hai\n", encoding="utf-8")
    data = findings(soat("check", "--output-format", "json", "a.txt", ".", "./a.txt", cwd=tmp_path))
    assert len(data) == 1


def test_stdin_fix_echoes_undecodable_input_and_reports_on_stderr():
    raw = b"Ti\xeau \xff\n"
    proc = soat("check", "--fix", "-", input=raw)
    assert proc.stdout == raw
    assert b"IO001" in proc.stderr and proc.returncode == 1


def test_stdin_fix_keeps_the_byte_order_mark_and_line_endings():
    proc = soat("check", "--fix", "-", input="\ufeffTiêu đề\r\nMột  hai\r\n".encode())
    assert proc.stdout == "\ufeffTiêu đề\r\nMột hai\r\n".encode()


def test_diff_of_a_cr_only_file_marks_no_false_missing_newlines(tmp_path):
    f = tmp_path / "cr.txt"
    f.write_bytes(b"A  b\rC  d\r")
    out = soat("check", "--diff", "--select", "TYP001", f).stdout.decode()
    assert "No newline" not in out and "+A b\r\n" in out


def test_fix_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "t.txt"
    target.write_text("Tiêu đề\nMột  hai\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    soat("check", "--fix", "--select", "TYP001", link)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "Tiêu đề\nMột hai\n"


def test_io001_can_be_ignored_but_int001_is_a_known_code(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc \xff\n")
    assert soat("check", "--ignore", "IO001", bad).returncode == 0
    assert soat("check", bad).returncode == 1
    assert soat("check", "--ignore", "INT001", bad).returncode == 1


def test_a_pyproject_that_only_mentions_tool_soat_in_a_string_is_not_a_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\ndescription = "see [tool.soat] docs"\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("Tiêu đề\n", encoding="utf-8")
    assert soat("check", "a.txt", cwd=tmp_path).returncode == 0


def test_a_failed_write_is_reported_and_the_run_goes_on(tmp_path, monkeypatch):
    import soat.lint.runner as runner
    from soat.knowledge import load_knowledge
    from soat.lint.config import Config
    from soat.lint.runner import Settings
    from soat.rules import ALL_RULES

    def refuse(path, data):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(runner, "write_atomically", refuse)
    f = tmp_path / "a.txt"
    f.write_text("Tiêu đề\nMột  hai\n", encoding="utf-8")
    settings = Settings.from_config(
        Config(select=("TYP001",)), ALL_RULES, knowledge=load_knowledge(())
    )
    result = runner.check_file(str(f), "a.txt", settings, fix=True)
    assert [d.code for d in result.diagnostics] == ["IO001", "TYP001"]
    assert "Permission denied" in result.diagnostics[0].message.en
    assert result.final_source == "Tiêu đề\nMột  hai\n"
    assert f.read_text(encoding="utf-8") == "Tiêu đề\nMột  hai\n"


def test_the_program_ends_without_finalisation_and_loses_no_output(tmp_path):
    """`soat` ends with os._exit after flushing (soat/cli.py, run): a report of several
    megabytes through a pipe arrives whole, and the exit status is the check's."""
    lines = 4000
    (tmp_path / "a.txt").write_text("Công  đoàn  cơ sở.\n" * lines, encoding="utf-8")
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    args = ["check", "--no-cache", "--select", "TYP001", "--output-format", "json"]
    proc = subprocess.run(
        [sys.executable, "-m", "soat", *args, str(tmp_path / "a.txt")],
        cwd=_WORK,
        env=buffered,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert len(proc.stdout) > 2_000_000
    assert [f["code"] for f in findings(proc)] == ["TYP001"] * (2 * lines)
    clean = tmp_path / "b.txt"
    clean.write_text("Công đoàn.\n", encoding="utf-8")
    assert soat("check", "--no-cache", "--select", "TYP001", clean).returncode == 0


def test_a_report_written_to_a_file_is_complete(tmp_path):
    out = tmp_path / "report.json"
    done = soat("check", "--no-cache", "--output-format", "json", "-o", out, ROOT / "examples")
    assert done.returncode == 1
    findings = json.loads(out.read_text("utf-8"))
    assert findings and all(KEYS <= set(f) for f in findings)


def test_options_and_paths_may_come_in_any_order(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Công  đoàn.\n", encoding="utf-8")
    args = ("check", "--no-cache", tmp_path / "a.txt", "--select", "TYP001")
    proc = soat(*args, tmp_path / "b.txt", "--output-format", "json")
    assert proc.returncode == 1, proc.stderr
    found = findings(proc)
    assert sorted(Path(f["filename"]).name for f in found) == ["a.txt", "b.txt"]
    assert {f["code"] for f in found} == {"TYP001"}


def test_a_wrong_command_names_the_closest_and_soat_alone_lists_the_commands():
    wrong = soat("chek", "bai.txt")
    assert wrong.returncode == 2
    assert "unknown command 'chek'. Did you mean \"check\"?" in wrong.stderr.decode()
    alone = soat()
    assert alone.returncode == 2
    listed = alone.stderr.decode()
    assert all(name in listed for name in ("check", "rules", "rule", "convert", "server"))


def test_help_of_a_command_exits_zero_and_shows_its_usage():
    proc = soat("check", "--help")
    assert proc.returncode == 0
    assert proc.stdout.decode().startswith("usage: soat check [OPTIONS] [PATHS ...]")
    assert "--output-format {text,json,github,sarif,gitlab,rdjson,junit,html}" in (
        proc.stdout.decode()
    )


def test_a_wrong_choice_is_a_usage_error_naming_the_option():
    proc = soat("check", "--output-format", "xml", ROOT / "examples" / "bai-mau.txt")
    assert proc.returncode == 2
    assert "argument --output-format: invalid choice: 'xml'" in proc.stderr.decode()


def test_check_starts_without_click_shutil_or_dataclasses():
    """What a cold `soat check` imports is part of its start-up cost (issue 14): argparse's
    help formatter would import shutil (and bz2, lzma) for the terminal's width, and
    dataclasses imports inspect (soat/records.py). (The second
    run: the first may write the caches, with tempfile, which imports shutil.)"""
    article = str(ROOT / "examples" / "bai-mau.txt")
    code = (
        "import sys; from soat.cli import main; "
        f"main(['check', '--no-cache', '--output-format', 'json', {article!r}]); "
        "print(sorted({'click', 'shutil', 'dataclasses', 'inspect'} & set(sys.modules)), "
        "file=sys.stderr)"
    )
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "-c", code], cwd=_WORK, capture_output=True, timeout=120
        )
    assert proc.stderr.decode().splitlines()[-1] == "[]"


def test_after_a_double_dash_every_argument_is_a_path(tmp_path):
    odd = tmp_path / "-bai.txt"
    odd.write_text("Công  đoàn.\n", encoding="utf-8")
    proc = soat("check", "--no-cache", "--output-format", "json", "--", odd.name, cwd=tmp_path)
    assert proc.returncode == 1 and [f["code"] for f in findings(proc)] == ["TYP001"]
    # An option after `--` is a path too: nothing is fixed, "--fix" is not a file.
    proc = soat("check", "--no-cache", "--", odd.name, "--fix", cwd=tmp_path)
    assert proc.returncode == 2 and "--fix" in proc.stderr.decode()
    assert odd.read_text(encoding="utf-8") == "Công  đoàn.\n"
    assert soat("rule", "--", "TYP001").stdout.decode().startswith("# TYP001 whitespace")
    missing, extra = soat("rule"), soat("rule", "TYP001", "TYP002")
    assert missing.returncode == extra.returncode == 2
    assert "required: CODE" in missing.stderr.decode()
    assert "unrecognized arguments: TYP002" in extra.stderr.decode()


def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path):
    for k in range(40):
        (tmp_path / f"{k}.txt").write_text("Công  đoàn  cơ  sở.\n" * 200, encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-m", "soat", "check", "--no-cache", "--select", "TYP001", tmp_path],
        cwd=_WORK,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout.read(100)
        proc.stdout.close()  # as `| head -c 100` does
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=120) == 1
    assert "Traceback" not in err and "BrokenPipeError" not in err


def test_help_is_wrapped_to_eighty_columns_when_columns_says_nothing():
    env = dict(os.environ, COLUMNS="0")
    proc = subprocess.run(
        [sys.executable, "-m", "soat", "check", "--help"],
        cwd=_WORK,
        env=env,
        capture_output=True,
        timeout=120,
    )
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 0 and 60 < max(map(len, lines)) <= 80
    assert len(lines) < 70  # wrapped at ~11 columns (a width of -2), help took 200 lines
