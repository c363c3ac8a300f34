"""What soat/vi/data_files.py keeps across processes: built once, then read back equal."""

from __future__ import annotations

import os

from soat.toml import tomllib
from soat.vi import data_files, furniture, syllable_counts
from soat.vi.data_files import derived, read_text

calls: list[str] = []


def _lines(text: str) -> dict:
    calls.append(text)
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return {"lines": lines, "first": frozenset(ln[:1] for ln in lines), "count": len(lines)}


def _cache_files(folder) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.startswith("data-surnames.txt-"))


def test_built_once_then_read_back_equal(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    calls.clear()
    built = derived("surnames.txt", _lines)
    assert built == _lines(read_text("surnames.txt"))
    calls.clear()
    (name,) = _cache_files(tmp_path)
    again = derived("surnames.txt", _lines)
    assert calls == []  # read from the file, not built
    assert again == built and type(again["first"]) is frozenset
    assert again is not built


def test_a_damaged_cache_file_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    built = derived("surnames.txt", _lines)
    (name,) = _cache_files(tmp_path)
    path = tmp_path / name
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    calls.clear()
    assert derived("surnames.txt", _lines) == built
    assert len(calls) == 1
    calls.clear()
    assert derived("surnames.txt", _lines) == built  # and written again whole
    assert calls == []


def test_an_edited_data_file_or_another_builder_is_another_cache_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data"
    data.mkdir()
    (data / "surnames.txt").write_text("Nguyễn\nTrần\n", "utf-8")
    monkeypatch.setattr(data_files, "DATA", str(data))
    first = data_files._cache_path("surnames.txt", _lines)
    assert derived("surnames.txt", _lines)["lines"] == ["Nguyễn", "Trần"]
    (data / "surnames.txt").write_text("Nguyễn\nTrần\nLê\n", "utf-8")
    assert data_files._cache_path("surnames.txt", _lines) != first
    assert derived("surnames.txt", _lines)["lines"] == ["Nguyễn", "Trần", "Lê"]
    assert data_files._cache_path("surnames.txt", _cache_files) != data_files._cache_path(
        "surnames.txt", _lines
    )


def test_an_unwritable_cache_folder_builds_each_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SOAT_CACHE_DIR", str(blocker / "soat"))
    calls.clear()
    assert derived("surnames.txt", _lines) == derived("surnames.txt", _lines)
    assert len(calls) == 2


def test_only_the_newest_files_of_a_data_file_and_builder_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    prefix = data_files._prefix("surnames.txt", _lines)
    for i in range(data_files._KEEP + 3):
        (tmp_path / f"{prefix}old{i:02d}.marshal").write_bytes(b"x")
        os.utime(tmp_path / f"{prefix}old{i:02d}.marshal", (i, i))
    others = [
        tmp_path / "data-other.toml-1.marshal",
        # Another builder of the same data file keeps its own files.
        tmp_path / f"{data_files._prefix('surnames.txt', _cache_files)}1.marshal",
    ]
    for other in others:
        other.write_bytes(b"x")
        os.utime(other, (0, 0))
    derived("surnames.txt", _lines)
    kept = sorted(n for n in os.listdir(tmp_path) if n.startswith(prefix))
    assert len(kept) == data_files._KEEP
    assert os.path.basename(data_files._cache_path("surnames.txt", _lines)) in kept
    assert f"{prefix}old00.marshal" not in kept
    assert all(other.exists() for other in others)


def test_an_edited_module_of_soat_vi_is_another_cache_file(tmp_path, monkeypatch):
    """A builder makes its keys with soat/vi's functions (fold_case, strip_tones...): an
    edit of any of soat/vi's modules, not only the builder's, must not read a stale file."""
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    stamp = data_files._package_stamp()
    for module in ("text.py", "tones.py", "furniture.py", "data_files.py"):
        assert f"{module}:" in stamp
    first = data_files._cache_path("surnames.txt", _lines)
    monkeypatch.setattr(
        data_files, "_package_stamp", lambda: stamp.replace("text.py:", "text.py:1")
    )
    assert data_files._cache_path("surnames.txt", _lines) != first


def _built_then_read(loader) -> list:
    """What a memoised loader returns when it builds its value, then when it reads it from
    the cache folder (its memo cleared before each and after)."""
    values = []
    for _ in range(2):
        loader.cache_clear()
        try:
            values.append(loader())
        finally:
            loader.cache_clear()
    return values


def test_the_syllable_tables_read_back_are_the_ones_the_file_gives(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    expected = syllable_counts._build_tables(read_text("attested_syllables.tsv"))
    for got in _built_then_read(syllable_counts._tables):
        assert got == expected
        assert list(got[0].items()) == list(expected[0].items())  # the order too
        assert [type(t) for t in got] == [dict, frozenset, frozenset]
    # The definition the tables replace: the file's columns.
    fields = read_text("attested_syllables.tsv").split()[3:]
    syllables, numbers, sources = fields[0::3], fields[1::3], fields[2::3]
    assert expected[1] == {s for s, n in zip(syllables, numbers, strict=True) if n == "0"}
    assert expected[2] == {s for s, src in zip(syllables, sources, strict=True) if src != "corpus"}
    assert expected[0] == {s: int(n) or 1 for s, n in zip(syllables, numbers, strict=True)}


def test_the_boilerplate_data_read_back_is_the_parsed_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    expected = tomllib.loads(read_text("boilerplate.toml"))
    assert _built_then_read(furniture.load_data) == [expected, expected]


def _table_state(table: furniture.PhraseTable) -> tuple:
    return (
        table.lines,
        table.lines_toneless,
        table.prefixes,
        [(r.pattern, r.flags, block) for r, block in table.patterns],
        table.compound_units,
        table.compound_starts,
        table.toneless_heads,
        table.prefix_starts,
        table.any_pattern and table.any_pattern.pattern,
    )


def test_the_builtin_phrase_table_read_back_is_the_one_built(tmp_path, monkeypatch):
    """The built-in furniture table comes from `derived`: built by the first process, read
    by the next; both are the table built from the phrases, lookups included, and a phrase
    is one object wherever the table holds it."""
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    expected = _table_state(furniture._build_table(furniture.builtin_phrases()))
    first = furniture._builtin_table()
    assert any(n.startswith("data-boilerplate.toml-") for n in os.listdir(tmp_path))
    again = furniture._builtin_table()
    assert _table_state(first) == expected and _table_state(again) == expected
    shared = set(map(id, again.lines.values())) & set(map(id, again.lines_toneless.values()))
    assert shared  # the same phrase objects, not copies
