"""Inline suppression comments (docs/architecture.md §6) in plain text, Markdown and HTML."""

import pytest

from soat.lint.document import LineIndex
from soat.lint.formats.text import read_text
from soat.lint.suppress import Suppressions, find_directives, selects
from tests.rule_fixtures import describe, run


@pytest.mark.parametrize(
    "selectors, code, name, expected",
    [
        ((), "TYP001", "whitespace", True),
        (("TYP001",), "TYP001", "whitespace", True),
        (("TYP002",), "TYP001", "whitespace", False),
        (("TYP",), "TYP001", "whitespace", True),
        (("TYP00",), "TYP001", "whitespace", True),
        (("CAP",), "TYP001", "whitespace", False),
        (("whitespace",), "TYP001", "whitespace", True),
        (("quotes",), "TYP001", "whitespace", False),
        (("typ001",), "TYP001", "whitespace", True),
        (("ALL",), "TYP001", "whitespace", True),
        (("CAP001", "TYP001"), "TYP001", "whitespace", True),
    ],
)
def test_selectors_name_codes_families_and_rule_names(selectors, code, name, expected):
    assert selects(selectors, code, name) is expected


@pytest.mark.parametrize(
    "comment, kind, selectors",
    [
        ("<!-- soat-disable -->", "disable", ()),
        ("<!--soat-disable TYP001-->", "disable", ("TYP001",)),
        (
            "<!-- soat-disable TYP001, CAP whitespace -->",
            "disable",
            ("TYP001", "CAP", "whitespace"),
        ),
        (
            "<!-- soat-disable-next-line TYP001,TYP002 -->",
            "disable-next-line",
            ("TYP001", "TYP002"),
        ),
        ("<!-- soat-disable-line -->", "disable-line", ()),
        ("<!-- soat-disable-file DAT -->", "disable-file", ("DAT",)),
        ("<!-- soat-enable TYP001 -->", "enable", ("TYP001",)),
    ],
)
def test_directives_are_parsed(comment, kind, selectors):
    (directive,) = find_directives("x " + comment + " y")
    assert (directive.kind, directive.selectors) == (kind, selectors)
    assert (directive.start, directive.end) == (2, 2 + len(comment))


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- soat-disabled -->",
        "<!-- soat-disable-lines -->",
        "<!-- soat: disable -->",
        "<!-- eslint-disable -->",
    ],
)
def test_near_misses_are_not_directives(comment):
    assert find_directives(comment) == []


def suppressed_rows(source, code="TYP001", name="whitespace"):
    index = LineIndex(source)
    sup = Suppressions(source, lambda off: index.rowcol(off)[0])
    return [row for row in range(1, index.line_count + 1) if sup.is_suppressed(code, name, row)]


@pytest.mark.parametrize(
    "source, rows",
    [
        ("a\n<!-- soat-disable-next-line -->\nb\nc\n", [3]),
        ("a\nb <!-- soat-disable-line -->\nc\n", [2]),
        ("a\n<!-- soat-disable -->\nb\n<!-- soat-enable -->\nc\n", [2, 3, 4]),
        ("a\n<!-- soat-disable TYP -->\nb\nc\n", [2, 3, 4, 5]),  # open to the end
        ("a\n<!-- soat-disable CAP -->\nb\n<!-- soat-enable -->\n", []),  # another family
        ("a\n<!-- soat-disable -->\nb\n<!-- soat-enable TYP001 -->\nc\n", [2, 3, 4]),
        ("a\n<!-- soat-disable -->\nb\n<!-- soat-enable CAP001 -->\nc\n", [2, 3, 4, 5, 6]),
        (
            "<!-- soat-disable TYP001 -->\n<!-- soat-disable TYP -->\na\n<!-- soat-enable -->\nb\n",
            [1, 2, 3, 4],
        ),
        ("a\nb\n<!-- soat-disable-file whitespace -->\n", [1, 2, 3, 4]),
        ("a\n<!-- soat-disable-file CAP -->\n", []),
    ],
)
def test_suppressed_rows(source, rows):
    assert suppressed_rows(source) == rows


# The same article in three formats: TYP001 finds each double space, and each directive
# silences exactly the finding it names.
CASES = {
    "txt": (
        "Tiêu  đề\n"
        "\n"
        "<!-- soat-disable-next-line TYP001 -->\n"
        "Dòng  bỏ qua.\n"
        "\n"
        "Dòng  cùng dòng. <!-- soat-disable-line whitespace -->\n"
        "\n"
        "<!-- soat-disable TYP -->\n"
        "Vùng  một.\n"
        "\n"
        "Vùng  hai.\n"
        "<!-- soat-enable TYP -->\n"
        "\n"
        "Dòng  báo.\n"
        "\n"
        "<!-- soat-disable-next-line CAP001 -->\n"
        "Mã  khác.\n"
    ),
    "md": (
        "# Tiêu  đề\n"
        "\n"
        "<!-- soat-disable-next-line TYP001 -->\n"
        "Dòng  bỏ qua.\n"
        "\n"
        "Dòng  cùng dòng. <!-- soat-disable-line whitespace -->\n"
        "\n"
        "<!-- soat-disable TYP -->\n"
        "Vùng  một.\n"
        "\n"
        "Vùng  hai.\n"
        "<!-- soat-enable TYP -->\n"
        "\n"
        "Dòng  báo.\n"
        "\n"
        "<!-- soat-disable-next-line CAP001 -->\n"
        "Mã  khác.\n"
    ),
    "html": (
        "<h1>Tiêu  đề</h1>\n"
        "\n"
        "<!-- soat-disable-next-line TYP001 -->\n"
        "<p>Dòng  bỏ qua.</p>\n"
        "\n"
        "<p>Dòng  cùng dòng.</p> <!-- soat-disable-line whitespace -->\n"
        "\n"
        "<!-- soat-disable TYP -->\n"
        "<p>Vùng  một.</p>\n"
        "\n"
        "<p>Vùng  hai.</p>\n"
        "<!-- soat-enable TYP -->\n"
        "\n"
        "<p>Dòng  báo.</p>\n"
        "\n"
        "<!-- soat-disable-next-line CAP001 -->\n"
        "<p>Mã  khác.</p>\n"
    ),
}


@pytest.mark.parametrize("fmt", sorted(CASES))
def test_directives_silence_exactly_what_they_name_in_every_format(fmt):
    source = CASES[fmt]
    rows = [r.split(":")[0] for r in describe(source, run(source, ["TYP001"], fmt))]
    assert rows == ["1", "14", "17"]


@pytest.mark.parametrize(
    "fmt, source",
    [
        ("txt", "<!-- soat-disable-file -->\nTiêu  đề\n\nDòng  một.\n"),
        ("md", "<!-- soat-disable-file TYP001 -->\n\n# Tiêu  đề\n\nDòng  một.\n"),
        ("html", "<!-- soat-disable-file whitespace --><h1>Tiêu  đề</h1><p>Dòng  một.</p>\n"),
    ],
)
def test_disable_file_in_every_format(fmt, source):
    assert run(source, ["TYP001"], fmt) == []


@pytest.mark.parametrize(
    "fmt, source",
    [
        ("txt", "Tiêu  đề\n<!-- soat-disable-file CAP -->\n"),
        ("md", "# Tiêu  đề\n\n<!-- soat-disable-file TYP002 -->\n"),
        ("html", "<h1>Tiêu  đề</h1><!-- soat-disable-file quotes -->\n"),
    ],
)
def test_disable_file_for_other_rules_keeps_this_one(fmt, source):
    assert len(run(source, ["TYP001"], fmt)) == 1


def test_comment_lines_in_plain_text_are_not_prose():
    source = (
        "Tiêu đề\n<!-- soat-disable-next-line TYP001 -->\nMột  hai\n"
        "Ba bốn <!-- soat-disable-line TYP002 -->\n"
    )
    doc = read_text("bai.txt", source)
    assert [b.raw.text for b in doc.blocks] == ["Tiêu đề", "Một  hai", "Ba bốn"]
    # The space before a trailing directive is not trailing whitespace of the prose.
    assert run(source, ["TYP001"], "txt") == []
