"""Adopting soat on an existing site, end to end in temporary git repositories (issue 19).

Twenty articles written for this test (no corpus text), each with two findings: two spaces
in its first paragraph (TYP001) and a space before a comma in its second (TYP002); the third
paragraph is clean.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli_runner import invoke

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

PLACES = [
    "Hà Nội",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "Nghệ An",
    "Thanh Hóa",
    "Quảng Ninh",
    "Bình Dương",
    "Đồng Nai",
    "Lâm Đồng",
    "Khánh Hòa",
    "Bắc Ninh",
    "Thái Nguyên",
    "Nam Định",
    "Long An",
    "An Giang",
    "Phú Thọ",
    "Hưng Yên",
    "Gia Lai",
]
TOPICS = [
    "nhà ở cho công nhân",
    "bữa ăn ca",
    "an toàn lao động",
    "thưởng cuối năm",
    "đào tạo nghề",
    "khám sức khỏe định kỳ",
    "nhà trẻ cho con công nhân",
    "tiền lương tối thiểu",
    "văn hóa doanh nghiệp",
    "đối thoại tại nơi làm việc",
    "chuyến xe nghĩa tình",
    "mái ấm công đoàn",
    "phong trào thi đua",
    "hội thao công nhân",
    "tháng công nhân",
    "học bổng cho con đoàn viên",
    "chăm lo ngày Tết",
    "tư vấn pháp luật",
    "phòng chống cháy nổ",
    "thỏa ước lao động tập thể",
]
BASELINE = "soat-baseline.json"


def paragraphs(i: int) -> list[str]:
    place, topic = PLACES[i], TOPICS[i]
    return [
        f"Công đoàn {place} chăm lo {topic}",
        f"Sáng nay, công đoàn {place} tổ chức hội nghị bàn về {topic}  cho người lao động.",
        f"Theo ban tổ chức, năm nay có hơn {100 + i * 7} đoàn viên tham gia , nhiều hơn năm trước.",
        f"Các đại biểu cũng trao đổi kinh nghiệm về {topic} tại các khu công nghiệp.",
    ]


def article(parts: list[str]) -> str:
    return "\n\n".join(parts) + "\n"


def name(i: int) -> str:
    return f"tin/bai-{i:02d}.txt"


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Biên tập",
        "GIT_AUTHOR_EMAIL": "bientap@example.org",
        "GIT_COMMITTER_NAME": "Biên tập",
        "GIT_COMMITTER_EMAIL": "bientap@example.org",
    }
    proc = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    """A content repository with 20 articles, committed on main; the current folder."""
    repo = tmp_path / "site"
    (repo / "tin").mkdir(parents=True)
    for i in range(20):
        (repo / name(i)).write_text(article(paragraphs(i)), encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "20 bài")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    return repo


def soat(*args: str):
    return invoke(["check", *args])


def found(result) -> list[tuple[str, int, int, str]]:
    assert result.exit_code in (0, 1), result.output
    return [
        (f["filename"], f["location"]["row"], f["location"]["column"], f["code"])
        for f in json.loads(result.stdout)
    ]


def write(repo: Path, path: str, parts: list[str]) -> None:
    (repo / path).write_text(article(parts), encoding="utf-8")


# --- baseline -------------------------------------------------------------------------------


def test_baseline_reports_only_the_new_finding_and_counts_a_fixed_one_as_stale(site):
    assert len(found(soat("--output-format", "json", "tin"))) == 40

    wrote = soat("--write-baseline", BASELINE, "tin")
    assert wrote.exit_code == 0, wrote.output
    assert "40" in wrote.stderr and BASELINE in wrote.stderr
    clean = soat("--baseline", BASELINE, "tin")
    assert clean.exit_code == 0, clean.output
    assert clean.stderr == ""

    # A new defect in article 7's clean paragraph, and its paragraphs in another order.
    parts = paragraphs(7)
    parts[3] = parts[3].replace("cũng trao đổi", "cũng  trao đổi")
    moved = [parts[0], parts[3], parts[2], parts[1]]
    write(site, name(7), moved)
    new = soat("--baseline", BASELINE, "--output-format", "json", "tin")
    assert new.exit_code == 1
    column = moved[1].index("  ") + 1
    assert found(new) == [(name(7), 3, column, "TYP001")]
    assert new.stderr == ""

    # Fixing an old defect elsewhere: one stale entry, named with the baseline file.
    parts = paragraphs(3)
    parts[2] = parts[2].replace("tham gia ,", "tham gia,")
    write(site, name(3), parts)
    after = soat("--baseline", BASELINE, "--output-format", "json", "tin")
    assert found(after) == [(name(7), 3, column, "TYP001")]
    assert after.stderr.strip() == (
        f"soat: 1 mục trong {BASELINE} không còn xuất hiện; thu gọn tệp bằng: "
        f"soat check --write-baseline {BASELINE}"
    )

    # Writing it again shrinks it by the fixed finding and takes in the new one.
    entries = json.loads((site / BASELINE).read_text(encoding="utf-8"))["findings"]
    assert soat("--write-baseline", BASELINE, "tin").exit_code == 0
    rewritten = json.loads((site / BASELINE).read_text(encoding="utf-8"))["findings"]
    assert len(rewritten) == len(entries) == 40
    assert [e for e in entries if e["path"] == name(3) and e["code"] == "TYP002"]
    assert not [e for e in rewritten if e["path"] == name(3) and e["code"] == "TYP002"]
    again = soat("--baseline", BASELINE, "tin")
    assert again.exit_code == 0 and again.stderr == ""


def test_editing_a_paragraph_reports_its_old_findings_again(site):
    """The block's hash is part of the fingerprint: a paragraph that is edited owns its
    findings again; its neighbours' findings stay known."""
    assert soat("--write-baseline", BASELINE, "tin").exit_code == 0
    parts = paragraphs(5)
    parts[1] = parts[1].replace("Sáng nay", "Sáng 12-3")
    write(site, name(5), parts)
    result = soat("--baseline", BASELINE, "--output-format", "json", "tin")
    assert found(result) == [(name(5), 3, parts[1].index("  ") + 1, "TYP001")]
    assert "1 mục" in result.stderr  # the edited paragraph's old entry is stale


def test_the_same_flagged_text_twice_in_a_file_one_fixed_leaves_one_stale_entry(site):
    parts = paragraphs(0)
    parts[3] = parts[3].replace("cũng trao đổi", "cũng  trao đổi")  # a second "  " in the file
    write(site, name(0), parts)
    assert soat("--write-baseline", BASELINE, "tin").exit_code == 0
    entries = json.loads((site / BASELINE).read_text(encoding="utf-8"))["findings"]
    twice = [e for e in entries if e["path"] == name(0) and e["code"] == "TYP001"]
    assert len(twice) == 2 and twice[0]["fingerprint"] != twice[1]["fingerprint"]
    write(site, name(0), paragraphs(0))  # the second one fixed
    result = soat("--baseline", BASELINE, "tin")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("soat: 1 mục trong soat-baseline.json")


def test_the_baseline_file_is_sorted_relative_and_the_same_from_another_checkout(
    site, tmp_path, monkeypatch
):
    assert soat("--write-baseline", BASELINE, "tin").exit_code == 0
    text = (site / BASELINE).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:3] == ["{", '  "soat-baseline": 1,', '  "findings": [']
    assert len(lines) == 40 + 5  # one finding per line
    rows = json.loads(text)["findings"]
    assert rows == sorted(rows, key=lambda e: (e["path"], e["code"], e["text"], e["fingerprint"]))
    assert {e["path"] for e in rows} == {name(i) for i in range(20)}
    assert str(tmp_path) not in text

    # Written twice: the same bytes. From another folder and another clone: the same bytes.
    assert soat("--write-baseline", BASELINE, "tin").exit_code == 0
    assert (site / BASELINE).read_text(encoding="utf-8") == text
    monkeypatch.chdir(site / "tin")
    assert soat("--write-baseline", f"../{BASELINE}", ".").exit_code == 0
    assert (site / BASELINE).read_text(encoding="utf-8") == text
    other = tmp_path / "elsewhere" / "copy"
    other.parent.mkdir()
    git(tmp_path, "clone", "-q", str(site), str(other))
    monkeypatch.chdir(other)
    assert soat("--write-baseline", BASELINE, "tin").exit_code == 0
    assert (other / BASELINE).read_text(encoding="utf-8") == text

    # CRLF line endings (git's autocrlf on Windows) give the same fingerprints.
    for i in range(20):
        path = other / name(i)
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    result = soat("--baseline", BASELINE, "tin")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_a_partial_run_keeps_the_entries_of_the_files_it_did_not_check(site):
    assert soat("--write-baseline", BASELINE, "tin").exit_code == 0
    text = (site / BASELINE).read_text(encoding="utf-8")
    one = soat("--write-baseline", BASELINE, name(4))
    assert one.exit_code == 0
    assert (site / BASELINE).read_text(encoding="utf-8") == text
    # Other rules than the selected ones are not stale either.
    only = soat("--baseline", BASELINE, "--select", "TYP001", name(4))
    assert only.exit_code == 0 and only.stderr == ""
    # A deleted article's entries are stale, and dropped on the next write.
    (site / name(9)).unlink()
    gone = soat("--baseline", BASELINE, name(4))
    assert "2 mục" in gone.stderr
    assert soat("--write-baseline", BASELINE, name(4)).exit_code == 0
    rows = json.loads((site / BASELINE).read_text(encoding="utf-8"))["findings"]
    assert len(rows) == 38 and not [e for e in rows if e["path"] == name(9)]


def test_the_configuration_sets_the_baseline_relative_to_itself(site, monkeypatch):
    (site / "soat.toml").write_text(f'lang = "en"\nbaseline = "{BASELINE}"\n', encoding="utf-8")
    missing = soat("tin")
    assert missing.exit_code == 2
    assert "soat.toml:2:" in missing.stderr and BASELINE in missing.stderr
    assert "--write-baseline" in missing.stderr
    assert soat("--write-baseline", BASELINE, "tin").exit_code == 0
    assert soat("tin").exit_code == 0
    monkeypatch.chdir(site / "tin")  # from a subfolder: paths stay relative to the baseline
    assert soat(".").exit_code == 0
    parts = paragraphs(2)
    parts[2] = parts[2].replace("tham gia ,", "tham gia,")
    write(site, name(2), parts)
    result = soat(".")
    assert result.exit_code == 0
    assert result.stderr.strip().startswith("soat: 1 entry of ../soat-baseline.json no longer")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("{not json", ":1: not a soat baseline: invalid JSON"),
        ('{"name": "site", "version": "1.0.0"}\n', 'no "soat-baseline" version header'),
        ('{"soat-baseline": 2, "findings": []}', "written by a newer soat"),
        ('{"soat-baseline": 1, "findings": {}}', '"findings" must be a list'),
        ('{"soat-baseline": 1, "findings": [{"path": "a.txt"}]}', 'finding 1 has no "code"'),
        ("[1, 2]", 'no "soat-baseline" version header'),
    ],
)
def test_a_malformed_or_foreign_baseline_is_an_error_naming_the_file(site, text, error):
    (site / "other.json").write_text(text, encoding="utf-8")
    result = soat("--baseline", "other.json", "tin")
    assert result.exit_code == 2
    assert result.stderr.startswith("soat: error: other.json")
    assert error in result.stderr
    # It is read before any article is looked at (here: before a missing path is noticed).
    early = soat("--baseline", "other.json", "khong-co-thu-muc-nay")
    assert early.exit_code == 2 and early.stderr.startswith("soat: error: other.json")
    # ... and --write-baseline never overwrites it.
    written = soat("--write-baseline", "other.json", "tin")
    assert written.exit_code == 2 and error in written.stderr
    assert (site / "other.json").read_text(encoding="utf-8") == text


def test_a_missing_baseline_and_wrong_combinations_are_errors(site):
    missing = soat("--baseline", "none.json", "tin")
    assert missing.exit_code == 2 and "none.json" in missing.stderr
    nowhere = soat("--write-baseline", "khong-co/b.json", "tin")
    assert nowhere.exit_code == 2 and "khong-co/b.json" in nowhere.stderr
    both = soat("--write-baseline", BASELINE, "--diff-base", "HEAD", "tin")
    assert both.exit_code == 2 and "--diff-base" in both.stderr
    stdin = invoke(["check", "--baseline", BASELINE, "-"], input="Bài.\n")
    assert stdin.exit_code == 2 and "standard input" in stdin.stderr


def test_the_configuration_key_is_validated_with_file_and_line(site):
    (site / "soat.toml").write_text('lang = "vi"\nbaseline = 3\n', encoding="utf-8")
    result = soat("tin")
    assert result.exit_code == 2
    assert "soat.toml:2:" in result.stderr and '"baseline" must be' in result.stderr


# --- changed lines --------------------------------------------------------------------------


def edit_one_paragraph(repo: Path) -> list[str]:
    """Article 5's second paragraph (line 3, which has an old TYP001) gains a TYP002."""
    parts = paragraphs(5)
    parts[1] = parts[1].replace("Sáng nay,", "Sáng nay ,")
    write(repo, name(5), parts)
    return parts


def test_diff_base_reports_only_findings_on_the_edited_paragraph(site):
    parts = edit_one_paragraph(site)
    git(site, "commit", "-q", "-am", "Sửa một đoạn")
    result = soat("--diff-base", "HEAD~1", "--output-format", "json", ".")
    assert found(result) == [
        (name(5), 3, parts[1].index(" ,") + 1, "TYP002"),
        (name(5), 3, parts[1].index("  ") + 1, "TYP001"),
    ]
    # Uncommitted edits count too: the working tree against the revision.
    write(site, name(8), paragraphs(8)[:3] + ["Một đoạn  mới."])
    result = soat("--diff-base", "HEAD", "--output-format", "json", ".")
    assert found(result) == [(name(8), 7, 9, "TYP001")]


def test_diff_base_renames_report_nothing_and_new_untracked_files_report_everything(site):
    for i in (1, 2, 3):
        git(site, "mv", name(i), f"tin/2024-bài số {i}.txt")
    git(site, "commit", "-q", "-m", "Đổi tên")
    renamed = soat("--diff-base", "HEAD~1", "--output-format", "json", ".")
    assert renamed.exit_code == 0 and found(renamed) == []
    # Renamed and edited: only the edited line.
    parts = paragraphs(2)
    parts[3] = parts[3].replace("trao đổi", "trao  đổi")
    write(site, "tin/2024-bài số 2.txt", parts)
    edited = soat("--diff-base", "HEAD~1", "--output-format", "json", ".")
    assert found(edited) == [("tin/2024-bài số 2.txt", 7, parts[3].index("  ") + 1, "TYP001")]
    (site / "tin" / "mới.txt").write_text(article(paragraphs(11)), encoding="utf-8")
    untracked = soat("--diff-base", "HEAD", "--output-format", "json", "tin/mới.txt")
    assert len(found(untracked)) == 2


def test_diff_base_in_a_shallow_clone_asks_for_the_base_then_works(site, tmp_path, monkeypatch):
    git(site, "checkout", "-q", "-b", "feature")
    parts = edit_one_paragraph(site)
    git(site, "commit", "-q", "-am", "Sửa một đoạn")
    clone = tmp_path / "ci"
    git(tmp_path, "clone", "-q", "--depth=1", "--branch", "feature", site.as_uri(), str(clone))
    monkeypatch.chdir(clone)
    missing = soat("--diff-base", "origin/main", ".")
    assert missing.exit_code == 2
    message = missing.stderr
    assert 'revision "origin/main" is not in this repository (a shallow clone)' in message
    fetch = re.search(r"for example: (git fetch .*)$", message.strip()).group(1)
    assert fetch == "git fetch --depth=1 origin main:refs/remotes/origin/main"
    git(clone, *fetch.split()[1:])
    result = soat("--diff-base", "origin/main", "--output-format", "json", ".")
    assert [(f, r, code) for f, r, _, code in found(result)] == [
        (name(5), 3, "TYP002"),
        (name(5), 3, "TYP001"),
    ]
    assert len(parts) == 4


def test_diff_base_outside_a_repository_is_an_error(tmp_path, monkeypatch):
    (tmp_path / "bai.txt").write_text("Bài  viết.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = soat("--diff-base", "origin/main", "bai.txt")
    assert result.exit_code == 2
    assert "--diff-base" in result.stderr and "not inside a git repository" in result.stderr


def test_baseline_and_diff_base_together(site):
    assert soat("--write-baseline", BASELINE, "tin").exit_code == 0
    git(site, "add", BASELINE)
    git(site, "commit", "-q", "-m", "baseline")
    parts = edit_one_paragraph(site)
    # The edited paragraph's findings are new for the baseline too (its text changed).
    result = soat("--baseline", BASELINE, "--diff-base", "HEAD", "--output-format", "json", ".")
    assert found(result) == [
        (name(5), 3, parts[1].index(" ,") + 1, "TYP002"),
        (name(5), 3, parts[1].index("  ") + 1, "TYP001"),
    ]
