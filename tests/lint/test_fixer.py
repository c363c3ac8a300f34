import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix
from soat.lint.fixer import MAX_PASSES, NoFixpoint, apply_fixes, fix_to_fixpoint, select_fixes


def fx(*edits, app=Applicability.SAFE):
    return Fix("t", tuple(Edit(*e) for e in edits), app)


def test_overlapping_fixes_wait_for_the_next_pass():
    chosen = select_fixes([fx((0, 3, "")), fx((2, 5, "x")), fx((5, 6, "y"))])
    assert [f.edits[0].start for f in chosen] == [0, 5]


def test_touching_ranges_do_not_conflict_but_two_insertions_at_one_point_do():
    assert len(select_fixes([fx((0, 2, "")), fx((2, 4, ""))])) == 2
    assert len(select_fixes([fx((3, 3, "a")), fx((3, 3, "b"))])) == 1
    assert len(select_fixes([fx((1, 5, "")), fx((3, 3, "b"))])) == 1


def test_a_fix_with_several_edits_is_all_or_nothing():
    chosen = select_fixes([fx((0, 1, "A")), fx((1, 2, "B"), (0, 1, "C"))])
    assert len(chosen) == 1 and chosen[0].edits[0].content == "A"


def test_identical_fixes_from_two_rules_apply_once():
    assert apply_fixes("abc", select_fixes([fx((1, 2, "X")), fx((1, 2, "X"))])) == "aXc"


def test_a_rule_never_applies_its_edit_again_to_the_text_that_edit_wrote():
    def lint(text):
        return [Diagnostic("grow", 0, 0, fix=fx((0, 0, "a")), code="TYP902")]

    fixed, remaining, applied = fix_to_fixpoint("", lint)
    assert fixed == "a" and applied == 1 and len(remaining) == 1


def test_fixes_that_undo_each_other_stop_at_the_first_repeat():
    def lint(text):
        if text == "x":
            return [Diagnostic("to y", 0, 1, fix=fx((0, 1, "y")), code="TYP901")]
        return [Diagnostic("to x", 0, 1, fix=fx((0, 1, "x")), code="TYP902")]

    fixed, remaining, applied = fix_to_fixpoint("x", lint)
    assert (fixed, applied, remaining[0].code) == ("x", 2, "TYP901")


def _ever_growing(text):
    return [
        Diagnostic("grow", len(text), len(text), fix=fx((len(text), len(text), str(len(text)))))
    ]


def test_fixes_that_write_new_text_on_every_pass_raise_no_fixpoint():
    with pytest.raises(NoFixpoint) as caught:
        fix_to_fixpoint("x", _ever_growing)
    assert caught.value.passes == MAX_PASSES


def test_a_fix_inserted_before_a_directive_settles_in_every_format():
    from tests.rule_fixtures import fix

    text = "Hội nghị bế mạc.<!-- soat-disable-line DAT -->Các đại biểu ra về.\n"
    for fmt in ("txt", "md", "html"):
        once = fix(text, ["ALL"], fmt)
        assert once.count(" ") == text.count(" ") + 1, (fmt, once)
        assert fix(once, ["ALL"], fmt) == once


def test_fix_mode_keeps_the_text_and_reports_int001_when_fixes_never_settle(tmp_path):
    from soat.knowledge import Knowledge
    from soat.lint.config import Config
    from soat.lint.rule import Example, Rule
    from soat.lint.runner import Settings, check_file

    def flip(doc, options, knowledge):
        return _ever_growing(doc.source)

    rule = Rule("TYP903", "flip", "x", "x", 2, flip, (Example("x"),), (Example("y"),), {"safe"})
    settings = Settings.from_config(Config(), [rule], knowledge=Knowledge())
    path = tmp_path / "a.txt"
    path.write_text("x một\n", encoding="utf-8")
    result = check_file(str(path), "a.txt", settings, fix=True)
    assert path.read_text(encoding="utf-8") == "x một\n"
    assert result.fixed_source is None and result.fixes_applied == 0
    assert result.diagnostics[0].code == "INT001" and "TYP903" in result.diagnostics[0].message.en


def test_unsafe_fixes_only_with_unsafe():
    diag = Diagnostic("m", 0, 1, fix=fx((0, 1, "X"), app=Applicability.UNSAFE))

    def lint(text):
        return [diag] if text.startswith("a") else []

    assert fix_to_fixpoint("abc", lint)[0] == "abc"
    assert fix_to_fixpoint("abc", lint, unsafe=True)[0] == "Xbc"


edit_st = st.tuples(
    st.integers(0, 60), st.integers(0, 8), st.text(string.ascii_letters + "đ ", max_size=4)
)


@given(st.text(max_size=60), st.lists(edit_st, max_size=8))
def test_text_outside_the_chosen_edits_is_untouched(source, raw_edits):
    fixes = [fx((min(s, len(source)), min(s + n, len(source)), c)) for s, n, c in raw_edits]
    chosen = select_fixes(fixes)
    result = apply_fixes(source, chosen)
    spans = sorted((e.start, e.end, e.content) for f in chosen for e in f.edits)
    # Rebuild the result from the untouched pieces and the replacements.
    pos, expected = 0, []
    for s, e, c in spans:
        assert s >= pos
        expected.append(source[pos:s])
        expected.append(c)
        pos = e
    expected.append(source[pos:])
    assert result == "".join(expected)


@given(st.text(alphabet="ab  \n\u00a0", max_size=40))
def test_a_second_fix_pass_is_a_no_op(source):
    from tests.rule_fixtures import fix

    once = fix(source, ["TYP001"])
    assert fix(once, ["TYP001"]) == once


def test_deleting_the_last_list_item_keeps_the_next_paragraph_out_of_the_list():
    from tests.rule_fixtures import fix

    text = "# Tiêu đề\n\n- Mục một có nội dung\n- Chia sẻ\n\nĐoạn sau có  lỗi.\n"
    fixed = fix(text, ["BPL001", "TYP001"], "md")
    assert fixed == "# Tiêu đề\n\n- Mục một có nội dung\n\nĐoạn sau có lỗi.\n"
