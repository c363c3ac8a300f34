"""`soat check --statistics`: counts per rule, most frequent first, with the fixable ones."""

import io
import re

from soat.knowledge import load_knowledge
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.rule import Example, Rule
from soat.lint.session import CheckOptions, run_check
from tests.cli_runner import invoke


def marker_rule(code, name, word, applicability=None, severity=Severity.WARNING):
    """A rule that reports every occurrence of `word`, fixing it to upper case if asked."""

    def check(ctx):
        for m in re.finditer(word, ctx.doc.source):
            fix = None
            if applicability is not None:
                fix = Fix.of(applicability, m.start(), m.end(), word.upper())
            yield Diagnostic(Msg(f"thấy {word}", f"found {word}"), m.start(), m.end(), fix=fix)

    return Rule(
        code=code,
        name=name,
        summary=Msg(name, name),
        explanation=Msg(name, name),
        severity=severity,
        check=check,
        bad=(Example(word),),
        good=(Example("-"),),
        fixes=frozenset({applicability}) if applicability else frozenset(),
    )


RULES = (
    marker_rule("TYP801", "alpha", "alpha", Applicability.SAFE),
    marker_rule("TYP802", "beta", "beta", Applicability.UNSAFE),
    marker_rule("CAP801", "gamma", "gamma"),
    marker_rule("SPL801", "delta", "delta", Applicability.SAFE, Severity.INFO),
)


def statistics(tmp_path, files, **options):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = io.StringIO()
    status = run_check(
        CheckOptions(paths=tuple(str(tmp_path / n) for n in files), statistics=True, **options),
        RULES,
        load_knowledge,
        out,
    )
    return status, out.getvalue()


def test_counts_per_rule_most_frequent_first_ties_by_code(tmp_path):
    status, text = statistics(
        tmp_path,
        {
            "a.txt": "alpha beta beta gamma\n",
            "b.txt": "beta gamma delta alpha\nalpha gamma\n",
        },
    )
    assert status == 1
    assert text.splitlines() == [
        "     3  CAP801      gamma",
        "     3  TYP801  [*] alpha (3 sửa được)",
        "     3  TYP802      beta",
        "     1  SPL801  [*] delta (1 sửa được)",
    ]


def test_only_safe_fixes_count_as_fixable(tmp_path):
    _, text = statistics(tmp_path, {"a.txt": "beta beta alpha\n"})
    rows = {line.split()[1]: line for line in text.splitlines()}
    assert "[*]" not in rows["TYP802"] and "sửa được" not in rows["TYP802"]
    assert rows["TYP801"].endswith("[*] alpha (1 sửa được)")


def test_after_fixing_only_what_remains_is_counted(tmp_path):
    status, text = statistics(tmp_path, {"a.txt": "alpha beta gamma alpha\n"}, fix=True)
    assert status == 1
    assert text.splitlines() == ["     1  CAP801      gamma", "     1  TYP802      beta"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "ALPHA beta gamma ALPHA\n"


def test_no_findings_prints_nothing_and_exits_zero(tmp_path):
    assert statistics(tmp_path, {"a.txt": "sạch\n"}) == (0, "")


def test_fail_on_still_decides_the_exit_status(tmp_path):
    status, text = statistics(tmp_path, {"a.txt": "delta\n"})
    assert status == 0  # info is below the default fail-on (warning)
    assert text == "     1  SPL801  [*] delta (1 sửa được)\n"
    assert statistics(tmp_path, {"a.txt": "delta\n"}, fail_on="info")[0] == 1


def test_command_line_in_english(tmp_path, monkeypatch):
    (tmp_path / "soat.toml").write_text('lang = "en"\n', encoding="utf-8")
    (tmp_path / "bai.txt").write_text("Đoàn  viên   tốt.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "--select", "TYP001", "--statistics", "bai.txt"])
    assert result.exit_code == 1
    assert result.output == "     2  TYP001  [*] whitespace (2 fixable)\n"
