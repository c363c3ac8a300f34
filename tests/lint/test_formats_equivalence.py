"""One article as .txt, .md and .html: the same raw-character findings, each at its source.

The Markdown version has front matter, a heading, an image with alt text and an emphasised
caption, a link and a paragraph wrapped over two lines; the HTML version has a figure with a
figcaption, entities (`&nbsp;`, a numeric reference) and indented, wrapped elements. TYP001 and
TYP005 must find the same defects in all three, point at the characters of each source file,
and `--fix` must turn each source into the same format's rendering of the corrected article.
"""

import html
import unicodedata
from pathlib import Path

import pytest

from soat.lint.document import LineIndex
from tests.rule_fixtures import fix, run

NFD = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731

TITLE = "Công đoàn Khu công nghiệp Quế Võ tập huấn kỹ năng truyền thông"
# (text with defects, corrected text); the pieces after "|" go on a second source line in
# Markdown and HTML, which wrap them.
BAD = {
    "p1": "Ngày 12/3/2024, Công đoàn các Khu công nghiệp tổ chức  lớp tập huấn cho 120\u00a0cán bộ "
    "công đoàn cơ sở.",
    "caption": NFD("Quang cảnh") + " lớp tập huấn.",
    "p2": "Báo cáo viên hướng dẫn cách chọn ảnh,\u00a0viết chú thích|và đặt tít cho bản tin  "
    "ngắn gọn.",
    "p3": "Học viên được giới thiệu @Nghị quyết số 02-NQ/TW@ về "
    + NFD("đổi mới")
    + " tổ chức và hoạt động của Công đoàn Việt Nam.",
    "byline": "Thu Hà",
}
GOOD = {
    "p1": BAD["p1"].replace("  ", " "),
    "caption": "Quang cảnh lớp tập huấn.",
    "p2": BAD["p2"].replace("\u00a0", " ").replace("  ", " "),
    "p3": unicodedata.normalize("NFC", BAD["p3"]),
    "byline": "Thu Hà",
}
# What each finding flags (plain text), in source order.
EXPECTED = [
    ("TYP001", "p1", "  "),
    ("TYP005", "caption", NFD("cảnh")),
    ("TYP001", "p2", "\u00a0"),
    ("TYP001", "p2", "  "),
    ("TYP005", "p3", NFD("đổi")),
    ("TYP005", "p3", NFD("mới")),
]


def plain(text):
    return text.replace("|", " ").replace("@", "")


def to_txt(parts):
    return "\n\n".join([TITLE, *(plain(parts[k]) for k in parts)]) + "\n"


def to_md(parts):
    def md(text):
        return (
            text.replace("|", "\n").replace("@", "[", 1).replace("@", "](https://congdoan.vn/)", 1)
        )

    return (
        f'---\ntitle: "{TITLE}"\ndate: 2024-03-12\n---\n\n'
        f"# {TITLE}\n\n"
        f"{md(parts['p1'])}\n\n"
        "![Lớp tập huấn kỹ năng truyền thông](anh/lop-tap-huan.jpg)\n"
        f"*{md(parts['caption'])}*\n\n"
        f"{md(parts['p2'])}\n\n"
        f"{md(parts['p3'])}\n\n"
        f"{md(parts['byline'])}\n"
    )


def to_html(parts):
    def h(text):
        text = html.escape(text, quote=False).replace("\u00a0", "&nbsp;")
        text = text.replace("hoạt", "ho&#7841;t")
        text = text.replace("|", "\n      ")
        return text.replace("@", '<a href="https://congdoan.vn/">', 1).replace("@", "</a>", 1)

    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head><meta charset="utf-8"></head>\n<body>\n'
        "<article>\n"
        f"  <h1>{h(TITLE)}</h1>\n"
        f"  <p>{h(parts['p1'])}</p>\n"
        "  <figure>\n"
        '    <img src="anh/lop-tap-huan.jpg" alt="Lớp tập huấn kỹ năng truyền thông">\n'
        f"    <figcaption>{h(parts['caption'])}</figcaption>\n"
        "  </figure>\n"
        f"  <p>\n    {h(parts['p2'])}\n  </p>\n"
        f"  <p>{h(parts['p3'])}</p>\n"
        f'  <p class="byline">{h(parts["byline"])}</p>\n'
        "</article>\n</body>\n</html>\n"
    )


RENDER = {"txt": to_txt, "md": to_md, "html": to_html}


def unescaped(fmt, text):
    return html.unescape(text) if fmt == "html" else text


def row_of(fmt, source, key):
    """The row where the paragraph `key` starts (its first eight characters are unique)."""
    start = source.index(
        unescaped("txt", plain(BAD[key]))[:8] if fmt != "html" else html.escape(plain(BAD[key]))[:8]
    )
    return LineIndex(source).rowcol(start)[0]


@pytest.mark.parametrize("fmt", sorted(RENDER))
def test_same_findings_at_each_sources_characters(fmt):
    source = RENDER[fmt](BAD)
    found = run(source, ["TYP001", "TYP005"], fmt)
    assert [(d.code, unescaped(fmt, source[d.start : d.end])) for d in found] == [
        (code, text) for code, _, text in EXPECTED
    ]
    index = LineIndex(source)
    for d, (_, key, _) in zip(found, EXPECTED, strict=True):
        row, _ = index.rowcol(d.start)
        if key == "p2" and fmt != "txt" and source[d.start : d.end] == "  ":
            assert row == row_of(fmt, source, key) + 1  # on the wrapped second line
        else:
            assert row == row_of(fmt, source, key)
    if fmt == "html":
        assert "&nbsp;" in [source[d.start : d.end] for d in found]


@pytest.mark.parametrize("fmt", sorted(RENDER))
def test_fix_edits_each_source(fmt):
    assert fix(RENDER[fmt](BAD), ["TYP001", "TYP005"], fmt) == RENDER[fmt](GOOD)


@pytest.mark.parametrize("fmt", sorted(RENDER))
def test_the_corrected_article_is_clean(fmt):
    assert run(RENDER[fmt](GOOD), ["TYP001", "TYP005"], fmt) == []


EXAMPLES = Path(__file__).parents[2] / "examples"


def test_the_example_gives_the_same_raw_character_findings_in_every_format():
    flagged = {}
    for fmt in ("txt", "md", "html"):
        source = (EXAMPLES / f"bai-mau.{fmt}").read_text(encoding="utf-8")
        flagged[fmt] = [
            (d.code, unescaped(fmt, source[d.start : d.end]))
            for d in run(source, ["TYP001", "TYP005"], fmt)
        ]
    assert flagged["txt"] and flagged["md"] == flagged["txt"] and flagged["html"] == flagged["txt"]
