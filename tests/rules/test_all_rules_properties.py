"""Every rule, on arbitrary input in every format: no crash, spans inside the source,
and fixing reaches a fixpoint that a second run leaves alone (docs/architecture.md §13.1)."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from soat.lint.fixer import fix_to_fixpoint
from soat.lint.runner import lint_source
from tests.rule_fixtures import EXTENSIONS, settings_for

ALL = settings_for(["ALL"])
PIECES = [
    "Công đoàn",
    "Nghị quyết số 02-NQ/TW ngày 12/6/2021",
    "31/4/2024",
    "thứ Hai, ngày 17/2/2025",
    "Chủ tịch LĐLĐ tỉnh Bắc Ninh Nguyễn Văn A",
    "Phó Chủ tịch",
    "facebook",
    "Lai Cai",
    "tỉnh ",
    "...",
    "…",
    '"',
    "“",
    "”",
    " - ",
    "–",
    "\u00a0",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "&nbsp;",
    "<p>",
    "</p>",
    "<br>",
    "*",
    "_",
    "# ",
    "- ",
    "> ",
    "![ảnh](a.jpg)",
    "[x](http://a.vn)",
    "`x`",
    "<!-- soat-disable-next-line -->",
    "Có thể bạn quan tâm",
    "Bình luận (0)",
    "nghành",
    "hoà",
    "hòa",
    "kỹ",
    "kĩ",
    "Ảnh: Ngọc Anh",
    "Xem thêm:",
    "e\u0301",
    "😀",
    "\u0300",
    ",",
    ".",
    ":",
]
text_st = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=30).map("".join)


@settings(max_examples=150)
@given(text_st, st.sampled_from(["txt", "md", "html"]))
def test_all_rules_survive_any_input(text, fmt):
    diags = lint_source(EXTENSIONS[fmt], text, ALL, fmt)
    assert not [d for d in diags if d.code == "INT001"], [
        d.message for d in diags if d.code == "INT001"
    ]
    for d in diags:
        assert 0 <= d.start <= d.end <= len(text)
        for fix in (d.fix, *d.suggestions):
            for e in fix.edits if fix else ():
                assert 0 <= e.start <= e.end <= len(text)
        for r in d.related:
            assert 0 <= r.start <= r.end <= len(text)


@settings(max_examples=60)
@given(text_st, st.sampled_from(["txt", "md", "html"]))
# found by hypothesis: TYP001's " \u00a0 " → " " touched the space it wrote one pass before
# and was held back as a repeat, though it shortens the text
@example("Công đoàn\u00a0&nbsp;Công đoàn", "txt")
def test_fixing_reaches_a_fixpoint(text, fmt):
    def lint(t):
        return lint_source(EXTENSIONS[fmt], t, ALL, fmt)

    fixed, remaining, _ = fix_to_fixpoint(text, lint)
    assert not [d for d in remaining if d.code == "INT001"]
    again, _, applied = fix_to_fixpoint(fixed, lint)
    assert again == fixed and applied == 0
