"""Fixes round-trip through the machine-readable formats.

On an input whose fixes do not overlap, a tool that applies the replacements of the safe
fixes in the SARIF output (applicability in each fix's `properties`), or every suggestion in
the rdjson output, must write exactly the text that `soat check --fix` writes.
"""

import json
import unicodedata

import pytest

from tests.cli_runner import invoke

# Safe fixes of several rules (whitespace, no-break space, trailing space, brand case,
# decomposed letters) that touch different characters, next to an unsafe fix (a place name)
# that neither format may apply. One pass reaches the fixpoint.
LINES = [
    "Đoàn viên  tốt trên facebook và youtube. ",
    "Công\u00a0đoàn tỉnh Lai Cai tổ chức hội nghị cho người lao động.",
    "Người lao động được " + unicodedata.normalize("NFD", "hướng") + " dẫn cách tham gia.",
    "Một dòng không có lỗi nào.",
]
CASES = {
    "txt-lf": ("bai.txt", "\n".join(LINES) + "\n"),
    "txt-crlf": ("bai.txt", "\r\n".join(LINES) + "\r\n"),
    "txt-no-final-newline": ("bai.txt", "\n".join(LINES)),
    "md": ("bai.md", "---\ntitle: Tập huấn\n---\n\n" + "\n\n".join(LINES) + "\n"),
    "html": (
        "bai.html",
        "<html><body>\n"
        + "".join(f"<p>{line.replace(chr(0xA0), '&nbsp;')}</p>\n" for line in LINES)
        + "</body></html>\n",
    ),
}


def line_starts(text: str) -> list[int]:
    """Offsets where lines start; LF, CRLF and a lone CR end a line."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n" or (ch == "\r" and text[i + 1 : i + 2] != "\n"):
            starts.append(i + 1)
    return starts


def offset_of_codepoint_column(text: str, line: int, column: int) -> int:
    return line_starts(text)[line - 1] + column - 1


def offset_of_byte_column(text: str, line: int, column: int) -> int:
    start = line_starts(text)[line - 1]
    line_bytes = text[start:].encode("utf-8")[: column - 1]
    return start + len(line_bytes.decode("utf-8"))


def apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    edits = sorted(edits)
    for before, after in zip(edits, edits[1:], strict=False):
        assert before[1] <= after[0], "the input's fixes overlap; pick an input whose fixes do not"
    for start, end, content in reversed(edits):
        text = text[:start] + content + text[end:]
    return text


def sarif_safe_edits(sarif: dict, text: str) -> list[tuple[int, int, str]]:
    edits = []
    for run in sarif["runs"]:
        assert run.get("columnKind") == "unicodeCodePoints"
        for result in run.get("results", []):
            for fix in result.get("fixes", []):
                if fix.get("properties", {}).get("applicability") != "safe":
                    continue
                for change in fix["artifactChanges"]:
                    for rep in change["replacements"]:
                        region = rep["deletedRegion"]
                        start = offset_of_codepoint_column(
                            text, region["startLine"], region.get("startColumn", 1)
                        )
                        end = offset_of_codepoint_column(
                            text, region.get("endLine", region["startLine"]), region["endColumn"]
                        )
                        if "charOffset" in region:  # both forms must name the same characters
                            assert (region["charOffset"], region.get("charLength", 0)) == (
                                start,
                                end - start,
                            )
                        edits.append((start, end, rep.get("insertedContent", {}).get("text", "")))
    return edits


def rdjson_edits(rdjson: dict, text: str) -> list[tuple[int, int, str]]:
    edits = []
    for diagnostic in rdjson["diagnostics"]:
        for suggestion in diagnostic.get("suggestions", []):
            rng = suggestion["range"]
            start = offset_of_byte_column(text, rng["start"]["line"], rng["start"]["column"])
            end = offset_of_byte_column(text, rng["end"]["line"], rng["end"]["column"])
            edits.append((start, end, suggestion["text"]))
    return edits


def soat(*args) -> str:
    result = invoke(["check", *args])
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.fixture(params=sorted(CASES))
def article(request, tmp_path, monkeypatch):
    name, text = CASES[request.param]
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(text.encode("utf-8"))
    findings = json.loads(soat("--output-format", "json", name))
    safe = [f for f in findings if f["fix"] and f["fix"]["applicability"] == "safe"]
    unsafe = [f for f in findings if f["fix"] and f["fix"]["applicability"] == "unsafe"]
    assert len(safe) >= 5 and unsafe, "the input must exercise several safe fixes and an unsafe one"
    soat("--fix", name)
    fixed = (tmp_path / name).read_bytes().decode("utf-8")
    (tmp_path / name).write_bytes(text.encode("utf-8"))
    assert fixed != text
    return name, text, fixed


def test_applying_the_safe_sarif_fixes_gives_what_fix_writes(article):
    name, text, fixed = article
    sarif = json.loads(soat("--output-format", "sarif", name))
    assert apply(text, sarif_safe_edits(sarif, text)) == fixed


def test_applying_every_rdjson_suggestion_gives_what_fix_writes(article):
    name, text, fixed = article
    rdjson = json.loads(soat("--output-format", "rdjson", name))
    assert apply(text, rdjson_edits(rdjson, text)) == fixed
