"""Issue 23: inputs that damaged text, hung soat or ended in a traceback (one test each)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from soat.lint.errors import UsageError
from soat.lint.knowledge import load_registry_text
from soat.lint.tomlsource import TomlSource
from tests.bounded import finishes_within


def soat(*args, cwd=None, input=None, env=None, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "soat", *map(str, args)],
        cwd=cwd,
        input=input,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def usage_error(proc) -> str:
    """The one-line error of an exit-2 run that ended without a traceback."""
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, err
    assert "Traceback" not in err, err
    return err


# --- fault 2: empty strings in registries and string-list options ----------------------------


@pytest.mark.parametrize("variant", ["", "   ", "\t"])
def test_an_empty_or_blank_registry_variant_is_rejected_with_its_line(variant):
    text = f'[[term]]\npreferred = "Zalo"\nvariants = ["zalo", "{variant}"]\n'
    with pytest.raises(UsageError) as caught:
        load_registry_text("r.toml", text)
    assert caught.value.line == 3 and "empty" in caught.value.detail


def test_a_blank_registry_name_and_role_title_are_rejected():
    with pytest.raises(UsageError) as caught:
        load_registry_text("r.toml", '[[organization]]\nname = " "\n')
    assert caught.value.line == 2
    text = '[[person]]\nname = "Nguyễn Văn A"\n[[person.role]]\ntitle = "  "\n'
    with pytest.raises(UsageError) as caught:
        load_registry_text("r.toml", text)
    assert caught.value.line == 4


def test_an_empty_variant_never_reaches_a_fix(tmp_path):
    (tmp_path / "soat.toml").write_text('registry = ["r.toml"]\n', encoding="utf-8")
    (tmp_path / "r.toml").write_text(
        '[[term]]\npreferred = "Zalo"\nvariants = [""]\n', encoding="utf-8"
    )
    article = tmp_path / "a.txt"
    article.write_text("Tin mới\n\nSáng nay, công đoàn họp.\n", encoding="utf-8")
    err = usage_error(soat("check", "--fix", article, cwd=tmp_path))
    assert "r.toml:3:" in err
    assert article.read_text(encoding="utf-8") == "Tin mới\n\nSáng nay, công đoàn họp.\n"


@pytest.mark.parametrize(
    "config,line",
    [
        ('[rules.BPL001]\nextend-phrases = ["Chia sẻ", ""]\n', 2),
        ('[rules.TTL006]\nallow = ["  "]\n', 2),
        ('ignore = [""]\n', 1),
        ('include = ["**/*.md", " "]\n', 1),
        ("[rules.CAP002]\nthreshold = nan\n", 2),
        ("[rules.CAP002]\nthreshold = inf\n", 2),
    ],
)
def test_blank_strings_in_string_lists_and_non_finite_numbers_are_rejected(tmp_path, config, line):
    (tmp_path / "soat.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Tin mới\n", encoding="utf-8")
    err = usage_error(soat("check", "a.txt", cwd=tmp_path))
    assert f"soat.toml:{line}:" in err


# --- fault 4: tracebacks instead of exit 2 with file:line -----------------------------------


def test_toml_nested_600_deep_is_an_error_with_a_line(tmp_path):
    (tmp_path / "soat.toml").write_text(
        'lang = "vi"\nx = ' + "[" * 600 + "]" * 600 + "\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("Tin mới\n", encoding="utf-8")
    err = usage_error(soat("check", "a.txt", cwd=tmp_path))
    assert "soat.toml:2:" in err and "nested" in err


@pytest.mark.parametrize("body,line", [("[tool]\nsoat = 5\n", 2), ('[tool]\nsoat = ["a"]\n', 2)])
def test_a_pyproject_whose_tool_soat_is_not_a_table_is_an_error(tmp_path, body, line):
    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Tin mới\n", encoding="utf-8")
    err = usage_error(soat("check", "a.txt", cwd=tmp_path))
    assert f"pyproject.toml:{line}:" in err


def test_a_damaged_knowledge_cache_is_rebuilt(tmp_path, monkeypatch):
    from soat.lint.knowledge import builtin_knowledge

    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    load = builtin_knowledge.__wrapped__  # the uncached function: reads the pickle each time
    expected = load()
    (cache,) = tmp_path.iterdir()
    data = cache.read_bytes()
    step = max(1, len(data) // 60)
    for where in range(0, len(data), step):  # a flipped byte anywhere: same knowledge back
        damaged = bytearray(data)
        damaged[where] ^= 0x5A
        cache.write_bytes(bytes(damaged))
        assert load() == expected, where
    for junk in (b"", b"not a pickle", data[: len(data) // 2]):
        cache.write_bytes(junk)
        assert load() == expected
    assert cache.read_bytes() == data  # rewritten intact


# --- fault 3: hangs in configuration ----------------------------------------------------------


def test_a_registry_glob_does_not_follow_symbolic_link_loops(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "r.toml").write_text('[[term]]\npreferred = "Zalo"\n', encoding="utf-8")
    for i in range(4):  # four loops: glob.glob's walk multiplies at every level
        os.symlink("..", data / f"loop{i}")
    (tmp_path / "soat.toml").write_text('registry = ["data/**/*.toml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Tin mới\n", encoding="utf-8")

    from soat.lint.config import load_config
    from soat.rules import ALL_RULES

    config = finishes_within(20, load_config, str(tmp_path / "soat.toml"), ALL_RULES)
    assert [os.path.relpath(p, tmp_path) for p in config.registry] == ["data/r.toml"]


def _header_lookup(line: str) -> int | None:
    return TomlSource("x.toml", f'a = """\n{line}\n"""\n[b]\nc = 2\n').table_line("b")


def test_toml_header_lookup_is_linear_on_a_long_unclosed_header():
    assert finishes_within(20, _header_lookup, "[" + " " * 50_000) == 4
