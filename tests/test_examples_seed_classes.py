"""Every defect class of the seed article, end to end on the example drafts in examples/.

The seed (../shared/seed) is not part of the repository; these drafts are, so a user's own
`make test` still checks each class the project exists for: what is found, where, and the fix
a user expects (the fix kinds are the ones the seed's editor asked for).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# class → (code, 1-based row in bai-mau.txt, fix applicability, replacement text)
SEED_CLASSES = {
    "duplicated photo caption": ("CAP001", 7, "safe", ""),
    "website furniture": ("BPL001", 23, "safe", ""),
    "misquoted resolution title": (
        "REF005",
        11,
        "unsafe",
        "tiếp tục xây dựng giai cấp công nhân Việt Nam thời kỳ đẩy mạnh công nghiệp hóa, "
        "hiện đại hóa đất nước",
    ),
    "date written two ways": ("DAT002", 11, "safe", "15/3/2024"),
    "odd whitespace": ("TYP001", 3, "safe", " "),
    "ellipsis written two ways": ("TYP003", 17, "safe", "…"),
    "misspelt province": ("SPL003", 17, "unsafe", "Tuyên Quang"),
    "brand in the wrong case": ("SPL004", 15, "safe", "Facebook"),
}


def check(path: Path, *args: str) -> tuple[int, list[dict]]:
    proc = subprocess.run(
        [sys.executable, "-m", "soat", "check", "--output-format", "json", *args, str(path)],
        capture_output=True,
        timeout=120,
        cwd=EXAMPLES,
    )
    return proc.returncode, json.loads(proc.stdout)


@pytest.fixture(scope="module")
def findings() -> list[dict]:
    status, found = check(EXAMPLES / "bai-mau.txt")
    assert status == 1
    return found


@pytest.mark.parametrize("defect", sorted(SEED_CLASSES))
def test_each_seed_class_is_found_with_the_expected_fix(findings, defect):
    code, row, applicability, content = SEED_CLASSES[defect]
    hits = [f for f in findings if f["code"] == code and f["location"]["row"] == row]
    assert hits, f"{defect}: no {code} on line {row}"
    fix = hits[0]["fix"]
    assert fix is not None and fix["applicability"] == applicability
    assert [e["content"] for e in fix["edits"]] == [content]


@pytest.mark.parametrize("ext", ["md", "html"])
def test_markdown_and_html_drafts_have_the_same_classes(ext):
    _, found = check(EXAMPLES / f"bai-mau.{ext}")
    codes = {f["code"] for f in found}
    assert {code for code, *_ in SEED_CLASSES.values()} <= codes


def test_fix_applies_the_safe_fixes_and_leaves_the_unsafe_ones(tmp_path):
    draft = tmp_path / "bai.txt"
    draft.write_bytes((EXAMPLES / "bai-mau.txt").read_bytes())
    (tmp_path / "soat.toml").write_bytes((EXAMPLES / "soat.toml").read_bytes())
    (tmp_path / "registry.toml").write_bytes((EXAMPLES / "registry.toml").read_bytes())
    check(draft, "--fix")
    text = draft.read_text("utf-8")
    assert text.count("Chủ tịch LĐLĐ tỉnh Bắc Ninh Trần Văn Phúc phát biểu khai mạc") == 1
    assert "Tin cùng chuyên mục" not in text and "Bình luận (0)" not in text
    assert "15/3/2024" in text and "15/03/2024" not in text
    assert "đưa tin lên Facebook, YouTube và Zalo" in text
    assert "chưa kiểm chứng…" in text and "..." not in text
    # unsafe fixes need a human: the misquote and the province stay as written
    assert "giai cấp công nhân thời kỳ" in text and "Tuyên Quan," in text
    _, after = check(draft)
    assert not [f for f in after if f["fix"] and f["fix"]["applicability"] == "safe"]
