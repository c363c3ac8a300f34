from pathlib import Path

import pytest

from soat.knowledge import load_knowledge
from soat.lint.config import Config, find_config_file, load_config
from soat.lint.errors import UsageError
from soat.lint.resolve import SettingsResolver
from soat.rules import ALL_RULES


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_discovery_order_and_pyproject_without_tool_soat(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config_file(tmp_path) is None
    write(tmp_path / "pyproject.toml", "[tool.soat]\nlang = 'en'\n")
    assert find_config_file(tmp_path).endswith("pyproject.toml")
    write(tmp_path / "soat.toml", "")
    assert find_config_file(tmp_path).endswith("/soat.toml")
    write(tmp_path / ".soat.toml", "")
    assert find_config_file(tmp_path).endswith("/.soat.toml")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config_file(sub).endswith("/.soat.toml")


def test_resolver_caches_per_directory_and_uses_explicit_config(tmp_path):
    cfg = write(tmp_path / "soat.toml", 'ignore = ["TYP001"]\n')
    other = write(tmp_path / "x" / "custom.toml", 'lang = "en"\n')
    resolver = SettingsResolver(ALL_RULES, load_knowledge)
    assert resolver.config_for(str(tmp_path / "bai.md")).path == str(cfg)
    assert resolver.config_for(str(tmp_path / "bai.md")) is resolver.config_for(str(tmp_path))
    explicit = SettingsResolver(ALL_RULES, load_knowledge, str(other))
    assert explicit.config_for(str(tmp_path / "bai.md")).lang == "en"


def test_selection_by_code_family_and_name_with_per_file_ignores(tmp_path):
    config = Config(
        root=str(tmp_path),
        select=("TYP",),
        ignore=("unicode-nfc",),
        per_file_ignores=(("old/**", ("TYP001",)),),
    )
    codes = [r.code for r in config.enabled_rules(ALL_RULES, str(tmp_path / "new.txt"))]
    assert "TYP001" in codes and "TYP005" not in codes
    assert all(c.startswith("TYP") for c in codes)
    assert "TYP001" not in [
        r.code for r in config.enabled_rules(ALL_RULES, str(tmp_path / "old/a/b.txt"))
    ]


def test_relative_paths_and_registry_globs(tmp_path):
    write(tmp_path / "registry" / "people.toml", '[[term]]\npreferred = "VNeID"\n')
    cfg = write(tmp_path / "soat.toml", 'registry = ["registry/*.toml"]\nexclude = ["archive"]\n')
    config = load_config(str(cfg), ALL_RULES)
    assert config.registry == (str(tmp_path / "registry" / "people.toml"),)
    assert config.is_excluded(str(tmp_path / "archive" / "x.md"))
    assert not config.is_excluded(str(tmp_path / "archived.md"))


@pytest.mark.parametrize(
    "text,line,needle",
    [
        ('select = "ALL"\n', 1, "must be a list of strings"),
        ('lang = "fr"\n', 1, "must be one of vi, en"),
        ('\n[severity]\nTYP001 = "fatal"\n', 3, "must be one of error, warning, info"),
        ('[severity]\nTYP01 = "info"\n', 2, 'Did you mean "TYP001"?'),
        ('ignore = ["TYPP001"]\n', 1, 'unknown rule "TYPP001"'),
        ('registry = ["missing.toml"]\n', 1, "does not exist"),
        ("[rules.TYP001]\n\nfoo = 1\n", 3, 'unknown option "foo" for TYP001'),
        ("[rules.NOPE001]\n", 1, 'unknown rule "NOPE001"'),
        ('[per-file-ignores]\n"a/**" = "TYP"\n', 2, "must be a list of codes"),
    ],
)
def test_config_errors_name_file_and_line(tmp_path, text, line, needle):
    cfg = write(tmp_path / "soat.toml", text)
    with pytest.raises(UsageError) as err:
        load_config(str(cfg), ALL_RULES)
    assert str(err.value).startswith(f"{cfg}:{line}: "), str(err.value)
    assert needle in str(err.value)


def test_pyproject_errors_point_into_the_tool_soat_table(tmp_path):
    cfg = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.soat]\nlang = "xx"\n')
    with pytest.raises(UsageError) as err:
        load_config(str(cfg), ALL_RULES)
    assert str(err.value).startswith(f"{cfg}:5: ")


def test_an_unknown_table_is_reported_at_its_header(tmp_path):
    cfg = write(
        tmp_path / "pyproject.toml",
        '[project]\nname="x"\n[tool.soat]\nlang="vi"\n[tool.soat.severty]\nTYP001="info"\n',
    )
    with pytest.raises(UsageError) as err:
        load_config(str(cfg), ALL_RULES)
    assert str(err.value).startswith(f"{cfg}:5: ") and 'Did you mean "severity"?' in str(err.value)


def test_rule_keys_take_a_code_in_any_case_like_selectors(tmp_path):
    from soat.lint.diagnostic import Severity

    path = tmp_path / "soat.toml"
    path.write_text(
        '[severity]\nspl001 = "info"\n\n[rules.dat002]\nstyle = "consistent"\n', encoding="utf-8"
    )
    config = load_config(str(path), ALL_RULES)
    assert config.severity == {"SPL001": Severity.INFO}
    assert config.rule_options == {"DAT002": {"style": "consistent"}}


def test_enabled_rules_answers_each_rule_tuple_for_itself():
    """The answer remembered for one tuple of rules is never given for another one."""
    config = Config(select=("TYP",), ignore=("TYP002",))
    rules = tuple(r.rule for r in ALL_RULES)
    typ = config.enabled_rules(rules)
    assert typ and all(r.code.startswith("TYP") and r.code != "TYP002" for r in typ)
    assert config.enabled_rules(rules) is typ  # remembered
    spl = tuple(r for r in rules if r.code.startswith("SPL"))
    assert config.enabled_rules(spl) == ()
    assert config.enabled_rules(list(rules)) == typ
    fewer = rules[:-1]
    assert config.enabled_rules(fewer) == tuple(r for r in typ if r in fewer)
