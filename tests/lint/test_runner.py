"""The runner: stamping, severities, suppression, and a crashing rule becoming INT001."""

from soat.knowledge import Knowledge
from soat.lint.config import Config
from soat.lint.diagnostic import Diagnostic, Msg, Severity
from soat.lint.rule import Example, Rule
from soat.lint.runner import Settings, lint_source


def _boom(ctx):
    yield Diagnostic(Msg("trước", "before"), 0, 1)
    raise ValueError("hỏng")


def _info_and_default(ctx):
    yield Diagnostic("a", 0, 1, severity=Severity.INFO)
    yield Diagnostic("b", 1, 2)


BOOM = Rule(
    "TYP901",
    "boom",
    Msg("x", "x"),
    Msg("x", "x"),
    Severity.WARNING,
    _boom,
    (Example("x"),),
    (Example("y"),),
)
TWO = Rule(
    "TYP902",
    "two",
    Msg("x", "x"),
    Msg("x", "x"),
    Severity.ERROR,
    _info_and_default,
    (Example("x"),),
    (Example("y"),),
)


def settings(rules, **config):
    cfg = Config(**config)
    return Settings.from_config(cfg, rules, knowledge=Knowledge())


def test_a_crashing_rule_becomes_int001_and_others_still_run():
    found = lint_source("a.txt", "Tiêu đề\n", settings([BOOM, TWO]))
    codes = sorted(d.code for d in found)
    assert codes == ["INT001", "TYP901", "TYP902", "TYP902"]
    internal = next(d for d in found if d.code == "INT001")
    assert "TYP901" in internal.message.vi and "ValueError" in internal.message.en
    assert internal.severity == Severity.ERROR


def test_engine_stamps_default_severity_only_when_unset_and_config_overrides_both():
    found = lint_source("a.txt", "ab\n", settings([TWO]))
    assert [(d.code, d.name, d.severity) for d in found] == [
        ("TYP902", "two", Severity.INFO),
        ("TYP902", "two", Severity.ERROR),
    ]
    found = lint_source("a.txt", "ab\n", settings([TWO], severity={"TYP902": Severity.WARNING}))
    assert {d.severity for d in found} == {Severity.WARNING}


def test_suppression_comments_silence_by_code_family_and_name():
    src = (
        "<!-- soat-disable-next-line TYP902 -->\nab\n"
        "cd <!-- soat-disable-line two -->\n"
        "<!-- soat-disable TYP -->\nef\n<!-- soat-enable -->\ngh\n"
    )
    rows = [src[: d.start].count("\n") + 1 for d in lint_source("a.txt", src, settings([TWO]))]
    assert rows == [
        1,
        1,
    ]  # only the directive line itself (offsets 0-2), never the suppressed lines


def test_disable_file_silences_everything():
    src = "ab\n<!-- soat-disable-file -->\n"
    assert lint_source("a.txt", src, settings([TWO])) == []


def test_a_crashing_rule_makes_the_json_report_exit_2_even_with_exit_zero(tmp_path):
    """The JSON report written while checking: INT001 in the report, exit status 2."""
    import io
    import json

    from soat.knowledge import load_knowledge
    from soat.lint.session import CheckOptions, _streamed, run_check

    (tmp_path / "a.txt").write_text("Tiêu đề\n", encoding="utf-8")
    for exit_zero in (False, True):
        options = CheckOptions(
            paths=(str(tmp_path),), output_format="json", cache=False, exit_zero=exit_zero
        )
        assert _streamed(options)
        out = io.StringIO()
        assert run_check(options, [BOOM], load_knowledge, out) == 2
        assert [f["code"] for f in json.loads(out.getvalue())] == ["INT001", "TYP901"]
