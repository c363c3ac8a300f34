"""The result cache (.soat_cache/): what it keys on, what it never stores, how it fails."""

from __future__ import annotations

import io
import json
import os
import pickle
import re
import shutil
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import soat
from soat.knowledge import load_knowledge
from soat.lint import cache as cache_module
from soat.lint.cache import CACHE_DIR, PACKS, ResultCache, pack_of, read_pack
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.rule import Example, Rule
from soat.lint.session import CheckOptions, run_check

CALLS: list[str] = []


def counting_rule(code: str, word: str, applicability=None, broken: bool = False) -> Rule:
    """Reports every `word` (with a fix to upper case if asked); counts the files it checks."""

    def check(ctx):
        CALLS.append(ctx.doc.path)
        if broken:
            raise RuntimeError("boom")
        for m in re.finditer(word, ctx.doc.source):
            fix = None
            if applicability is not None:
                fix = Fix.of(applicability, m.start(), m.end(), word.upper())
            yield Diagnostic(Msg(f"thấy {word}", f"found {word}"), m.start(), m.end(), fix=fix)

    check.__module__ = "soat.rules.fake"  # a rule of soat's own code: results are cacheable
    return Rule(
        code=code,
        name=f"marker-{word}",
        summary=Msg(word, word),
        explanation=Msg(word, word),
        severity=Severity.WARNING,
        check=check,
        bad=(Example(word),),
        good=(Example("-"),),
        fixes=frozenset({applicability}) if applicability else frozenset(),
    )


RULES = (counting_rule("TYP801", "alpha", Applicability.SAFE), counting_rule("TYP802", "beta"))


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    CALLS.clear()
    return tmp_path


def check(paths, rules=RULES, **options) -> list[dict]:
    out = io.StringIO()
    run_check(
        CheckOptions(paths=tuple(str(p) for p in paths), output_format="json", **options),
        rules,
        load_knowledge,
        out,
    )
    return json.loads(out.getvalue())


def entries(root: Path) -> list[Path]:
    """The pack files of the result cache under `root`."""
    return sorted((root / CACHE_DIR).rglob("*.pack"))


def stored(root: Path) -> dict[str, str]:
    """The cache's entries under `root`: the key of each file's findings, by its path."""
    return {
        name: entry[0] for pack in entries(root) for name, entry in read_pack(str(pack)).items()
    }


def test_a_second_run_reads_the_cache_and_reports_the_same(project):
    f = project / "a.txt"
    f.write_text("alpha beta\n", encoding="utf-8")
    first = check([f])
    assert len(CALLS) == 2 and len(first) == 2
    assert (project / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(entries(project)) == 1
    assert list(stored(project)) == ["a.txt"]  # its path from the project's folder
    assert (project / CACHE_DIR / "CACHEDIR.TAG").read_bytes().startswith(b"Signature: 8a477f59")
    second = check([f])
    assert len(CALLS) == 2  # no rule ran again
    assert second == first


def test_no_cache_neither_reads_nor_writes(project):
    f = project / "a.txt"
    f.write_text("alpha\n", encoding="utf-8")
    check([f], cache=False)
    assert not (project / CACHE_DIR).exists()
    check([f])  # now cached
    check([f], cache=False)
    assert len(CALLS) == 3 * 2  # two rules, every run


def test_the_key_covers_bytes_settings_path_format_knowledge_and_version(project, monkeypatch):
    f = project / "a.txt"
    f.write_text("alpha\n", encoding="utf-8")
    check([f])
    runs = len(CALLS)

    def rerun(**options):
        before = len(CALLS)
        check([f], **options)
        return len(CALLS) > before

    assert not rerun()
    f.write_text("alpha alpha\n", encoding="utf-8")
    assert rerun()  # bytes
    assert rerun(select=("TYP801",))  # effective configuration
    (project / "soat.toml").write_text('[severity]\nTYP801 = "error"\n', encoding="utf-8")
    assert rerun()  # a configuration file's severities
    assert len(CALLS) > runs
    (project / "soat.toml").unlink()
    same = project / "b.md"
    same.write_bytes(f.read_bytes())
    before = len(CALLS)
    check([same])
    assert len(CALLS) > before  # another path and format
    registry = project / "registry.toml"
    registry.write_text(
        '[[term]]\npreferred = "người lao động"\nsource = "https://example.org \\"x\\""\n',
        encoding="utf-8",
    )
    (project / "soat.toml").write_text(f'registry = ["{registry}"]\n', encoding="utf-8")
    assert rerun()  # knowledge data
    monkeypatch.setattr(soat, "__version__", "99.0.0")
    assert rerun()  # soat's version


def test_a_corrupt_or_half_written_entry_is_ignored_and_rebuilt(project):
    f = project / "a.txt"
    f.write_text("alpha beta\n", encoding="utf-8")
    good = check([f])
    (entry,) = entries(project)
    blob = entry.read_bytes()
    for broken in (b"", blob[: len(blob) // 2], blob[:-1] + bytes([blob[-1] ^ 1]), b"junk" * 9):
        entry.write_bytes(broken)
        before = len(CALLS)
        assert check([f]) == good
        assert len(CALLS) == before + 2  # checked again
        assert entry.read_bytes() == blob  # and stored again


def test_unreadable_files_and_internal_errors_are_never_stored(project):
    bad = project / "bad.txt"
    bad.write_bytes(b"caf\xe9\n")
    found = check([bad])
    assert [d["code"] for d in found] == ["IO001"]
    broken = (counting_rule("TYP803", "gamma", broken=True),)
    f = project / "a.txt"
    f.write_text("gamma\n", encoding="utf-8")
    assert [d["code"] for d in check([f], rules=broken)] == ["INT001"]
    assert entries(project) == []


def test_a_cache_folder_that_cannot_be_made_is_skipped_silently(project, capsys):
    (project / CACHE_DIR).write_text("a file, not a folder")  # as unwritable as it gets for root
    f = project / "a.txt"
    f.write_text("alpha\n", encoding="utf-8")
    assert len(check([f])) == 1
    assert len(check([f])) == 1
    assert len(CALLS) == 4
    assert (project / CACHE_DIR).read_text() == "a file, not a folder"
    assert capsys.readouterr().err == ""


def test_a_read_only_project_runs_without_cache_silently(project, capsys):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root writes into read-only folders; the test above covers it")
    f = project / "a.txt"
    f.write_text("alpha\n", encoding="utf-8")
    project.chmod(0o555)
    try:
        assert len(check([f])) == 1
    finally:
        project.chmod(0o755)
    assert not (project / CACHE_DIR).exists()
    assert capsys.readouterr().err == ""


def test_a_cache_that_cannot_be_written_turns_itself_off(tmp_path):
    folder = tmp_path / "c"
    store = ResultCache(str(folder))
    assert store.enabled
    Path(store.folder).write_text("a file where a folder should be")
    store.put("a.txt", "0" * 64, [Diagnostic(Msg("x", "x"), 0, 1)])
    store.flush()
    assert not store.enabled
    assert store.get("a.txt", "0" * 64) is None
    assert Path(store.folder).read_text() == "a file where a folder should be"


def test_a_read_only_cache_folder_is_off(tmp_path):
    (tmp_path / "file").write_text("x")
    assert not ResultCache(str(tmp_path / "file" / CACHE_DIR)).enabled


def test_fix_never_takes_a_cached_result_for_a_file_it_would_change(project):
    f = project / "a.txt"
    f.write_text("alpha beta\n", encoding="utf-8")
    check([f])  # cached: alpha (fixable) and beta
    before = len(CALLS)
    remaining = check([f], fix=True)
    assert f.read_text(encoding="utf-8") == "ALPHA beta\n"
    assert len(CALLS) > before
    assert [d["code"] for d in remaining] == ["TYP802"]
    # Nothing left to fix: the fixed file's result is cached, and --fix may use it.
    check([f], fix=True)
    before = len(CALLS)
    assert [d["code"] for d in check([f], fix=True)] == ["TYP802"]
    assert len(CALLS) == before


def test_the_code_stamp_follows_the_package_files(monkeypatch):
    first = cache_module._code_stamp()
    assert first == cache_module._code_stamp()
    monkeypatch.setattr(soat, "__version__", "0.0.0-test")
    assert cache_module._code_stamp() != first


def test_the_cli_has_no_cache(project):

    from tests.cli_runner import invoke

    (project / "a.txt").write_text("Bài viết.\n", encoding="utf-8")
    result = invoke(["check", "--no-cache", "a.txt"])
    assert result.exit_code == 0, result.output
    assert not (project / CACHE_DIR).exists()
    result = invoke(["check", "a.txt"])
    assert result.exit_code == 0, result.output
    assert (project / CACHE_DIR / ".gitignore").exists()


@pytest.mark.slow
def test_parallel_runs_share_the_cache_safely(tmp_path):
    import subprocess
    import sys

    texts = [
        "Sinh viên theo học nghành luật.\n",
        "Ngày 31/02/2024 có họp  công đoàn.\n",
        "Bài viết không có lỗi.\n",
    ]
    for i in range(12):
        (tmp_path / f"bai{i}.txt").write_text(texts[i % 3] * (i + 1), encoding="utf-8")
    cmd = [sys.executable, "-m", "soat", "check", "--output-format", "json", "."]
    env = dict(os.environ, PYTHONPATH=str(Path(soat.__file__).parent.parent))
    expected = subprocess.run(
        [*cmd, "--no-cache"], cwd=tmp_path, env=env, capture_output=True, text=True
    ).stdout
    assert json.loads(expected)
    for _ in range(3):
        runs = [
            subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE, text=True)
            for _ in range(3)
        ]
        assert [p.communicate()[0] for p in runs] == [expected] * 3
    assert len(stored(tmp_path)) == 12
    assert not list((tmp_path / CACHE_DIR).rglob(".tmp-*"))  # no temporary file left behind


def test_the_key_is_the_same_in_every_process(tmp_path):
    """Sets change order with the hash seed: the knowledge digest and the settings must not."""
    import subprocess
    import sys

    code = (
        "from soat.knowledge import load_knowledge\n"
        "from soat.lint.config import Config\n"
        "from soat.lint.runner import Settings\n"
        "from soat.rules import ALL_RULES\n"
        "print(Settings.from_config(Config(), ALL_RULES, knowledge=load_knowledge(())).stamp)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(soat.__file__).parent.parent))
    stamps = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**env, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(stamps) == 1


def test_files_share_packs_and_a_changed_file_replaces_its_entry(project):
    texts = {project / f"bai{i}.txt": f"alpha {i}\n" for i in range(PACKS + 1)}
    for f, text in texts.items():
        f.write_text(text, encoding="utf-8")
    check(list(texts), jobs=1)
    packs = entries(project)
    assert len(packs) == len({pack_of(f.name) for f in texts}) < len(texts)
    assert sorted(stored(project)) == sorted(f.name for f in texts)
    keys = stored(project)
    changed = project / "bai7.txt"
    changed.write_text("alpha changed\n", encoding="utf-8")
    before = len(CALLS)
    check(list(texts), jobs=1)
    assert len(CALLS) == before + 2  # only the changed file was checked again
    now = stored(project)
    assert len(now) == len(texts)  # its entry replaced, not added to
    assert [p for p in now if now[p] != keys[p]] == [changed.name]


def test_a_run_adds_to_a_pack_another_run_wrote_meanwhile(tmp_path):
    one, two = ResultCache(str(tmp_path)), ResultCache(str(tmp_path))
    paths = [f"bai{i}.txt" for i in range(600)]
    a, b = next((a, b) for a in paths for b in paths if a < b and pack_of(a) == pack_of(b))
    diag = [Diagnostic(Msg("x", "x"), 0, 1)]
    assert one.get(a, "1" * 64) is None  # `one` has read the (missing) pack
    two.put(b, "2" * 64, diag)
    two.flush()
    one.put(a, "1" * 64, diag)
    one.flush()
    fresh = ResultCache(str(tmp_path))
    assert fresh.get(a, "1" * 64) == diag and fresh.get(b, "2" * 64) == diag
    assert fresh.get(a, "2" * 64) is None  # another key: stale


def test_a_damaged_entry_in_a_sound_pack_is_ignored(tmp_path):
    store = ResultCache(str(tmp_path))
    store.add(
        {
            store.name("a.txt"): ("1" * 64, b"not a pickle", None),
            store.name("b.txt"): ("2" * 64, b"\x80\x05K\x01.", None),
        }
    )
    store.flush()
    fresh = ResultCache(str(tmp_path))
    assert fresh.get("a.txt", "1" * 64) is None
    assert fresh.get("b.txt", "2" * 64) is None  # loads, but as 1, not a list of findings


def test_new_entries_are_written_when_they_grow_large(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "_FLUSH_BYTES", 1)
    store = ResultCache(str(tmp_path))
    store.put("a.txt", "1" * 64, [])
    assert not store.take_new()  # written at once
    assert not store._packs  # and not kept in memory
    assert ResultCache(str(tmp_path)).get("a.txt", "1" * 64) == []
    worker = ResultCache(str(tmp_path))
    worker.hold = True  # a worker process's: its parent writes
    worker.put("b.txt", "2" * 64, [])
    assert list(worker.take_new()) == [worker.name("b.txt")]
    assert ResultCache(str(tmp_path)).get("b.txt", "2" * 64) is None


def test_a_build_removes_the_packs_of_builds_unused_for_days_only(tmp_path):
    old_build = tmp_path / "0123456789abcdef"
    old_format = tmp_path / "ab"
    recent_build = tmp_path / "fedcba9876543210"  # another installation, used yesterday
    notes = tmp_path / "notes"
    ResultCache(str(tmp_path))  # an earlier run made and tagged the folder
    days = 24 * 3600
    for folder, age in ((old_build, 8), (old_format, 30), (recent_build, 1), (notes, 30)):
        folder.mkdir()
        (folder / "x").write_text("x")
        os.utime(folder, (time.time() - age * days,) * 2)
    store = ResultCache(str(tmp_path))
    store.put("a.txt", "1" * 64, [])
    store.flush()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [".gitignore", "CACHEDIR.TAG", "notes", recent_build.name, os.path.basename(store.folder)]
    )
    assert (notes / "x").read_text() == "x"


def test_no_folder_is_removed_where_soat_had_left_no_tag_or_through_a_link(tmp_path):
    """Say `.soat_cache` is a link into the user's own files, or a folder of theirs."""
    mine = tmp_path / "mine"
    old = mine / "ab"
    old.mkdir(parents=True)
    os.utime(old, (time.time() - 30 * 24 * 3600,) * 2)
    store = ResultCache(str(mine))  # no tag before: soat did not make this folder
    store.put("a.txt", "1" * 64, [])
    store.flush()
    assert old.is_dir()
    link = tmp_path / "link"
    link.symlink_to(mine)
    shutil.rmtree(store.folder)
    store = ResultCache(str(link))  # tagged now, but reached through a link
    store.put("a.txt", "1" * 64, [])
    store.flush()
    assert old.is_dir()


def test_a_run_keeps_its_build_folder_in_use(tmp_path):
    store = ResultCache(str(tmp_path))
    store.put("a.txt", "1" * 64, [])
    store.flush()
    os.utime(store.folder, (1_000_000,) * 2)
    ResultCache(str(tmp_path))  # a run that only reads
    assert os.stat(store.folder).st_mtime > time.time() - 60


PATHS = st.sampled_from([f"d/bai{i}.txt" for i in range(6)])
KEYS = st.sampled_from(["1" * 64, "2" * 64, "3" * 64])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("put"), st.integers(0, 1), PATHS, KEYS, st.integers(0, 3)),
            st.tuples(st.just("flush"), st.integers(0, 1)),
            st.tuples(st.just("get"), st.integers(0, 1), PATHS, KEYS),
        ),
        max_size=30,
    )
)
def test_two_runs_never_read_findings_stored_under_another_key(tmp_path_factory, steps):
    """Whatever two runs put and flush, in any order, a `get` gives nothing or the findings
    last put for that path under that key (by either run), never another entry's."""
    root = tmp_path_factory.mktemp("cache")
    runs = [ResultCache(str(root)), ResultCache(str(root))]
    put: dict[tuple[str, str], set[int]] = {}
    for step in steps:
        if step[0] == "put":
            _, run, path, key, n = step
            runs[run].put(path, key, [Diagnostic(Msg("x", "x"), 0, 1)] * n)
            put.setdefault((path, key), set()).add(n)
        elif step[0] == "flush":
            runs[step[1]].flush()
        else:
            _, run, path, key = step
            found = runs[run].get(path, key)
            assert found is None or len(found) in put.get((path, key), set())


def test_the_cache_sits_beside_the_configuration_of_the_working_folder(project, monkeypatch):
    (project / "soat.toml").write_text("", encoding="utf-8")
    sub = project / "bai" / "2026"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text("alpha\n", encoding="utf-8")
    monkeypatch.chdir(sub)
    check(["a.txt"])
    assert list(stored(project)) == ["bai/2026/a.txt"]
    assert not (sub / CACHE_DIR).exists()
    check(["a.txt"], config_path=str(project / "soat.toml"))  # --config: the working folder
    assert list(stored(sub)) == ["a.txt"]
    elsewhere = project.parent / f"{project.name}-free"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text("beta\n", encoding="utf-8")
    monkeypatch.chdir(elsewhere)  # no configuration: the working folder
    check(["b.txt"])
    assert list(stored(elsewhere)) == ["b.txt"]


def test_the_cache_falls_back_to_the_working_folder(project, monkeypatch):
    """A configuration whose folder holds the home folder (a user-wide one) is not a
    project; nor is a folder the cache cannot be made in."""
    (project / "soat.toml").write_text("", encoding="utf-8")
    sub = project / "bai"
    sub.mkdir()
    (sub / "a.txt").write_text("alpha\n", encoding="utf-8")
    monkeypatch.chdir(sub)
    monkeypatch.setenv("HOME", str(project / "home"))
    check(["a.txt"])
    assert list(stored(sub)) == ["a.txt"] and not (project / CACHE_DIR).exists()
    monkeypatch.setenv("HOME", str(project))
    check(["a.txt"])
    assert not (project / CACHE_DIR).exists()
    monkeypatch.setenv("HOME", str(project.parent / "elsewhere"))
    (project / CACHE_DIR).write_text("a file, not a folder")
    (sub / "a.txt").write_text("alpha alpha\n", encoding="utf-8")
    before = len(CALLS)
    check(["a.txt"])
    assert len(CALLS) == before + 2
    assert (project / CACHE_DIR).read_text() == "a file, not a folder"
    assert len(stored(sub)) == 1


def test_files_of_one_name_in_different_folders_keep_their_own_entries(project, monkeypatch):
    for year in ("2025", "2026"):
        (project / year).mkdir()
        (project / year / "index.md").write_text(f"alpha {year}\n", encoding="utf-8")
    (project / "soat.toml").write_text("", encoding="utf-8")
    for _ in range(2):
        for year in ("2025", "2026"):
            monkeypatch.chdir(project / year)
            check(["index.md"])
    assert sorted(stored(project)) == ["2025/index.md", "2026/index.md"]
    assert len(CALLS) == 2 * 2  # the second round was served by the cache


class _Planted:
    def __reduce__(self):
        return (exec, ("import pathlib; pathlib.Path('PLANTED').write_text('x')",))


def test_a_planted_pack_cannot_run_code(project):
    """Packs are unpickled with only the names findings use: a pack someone else put in
    the folder cannot make soat call a function."""
    f = project / "a.txt"
    f.write_text("alpha\n", encoding="utf-8")
    check([f])
    (pack,) = entries(project)
    ((name, (key, *_)),) = read_pack(str(pack)).items()
    planted_entry = {name: (key, pickle.dumps(_Planted()), None)}
    planted_pack = pickle.dumps(_Planted())
    for blob in (pickle.dumps(planted_entry), planted_pack):
        pack.write_bytes(cache_module._MAGIC + zlib.crc32(blob).to_bytes(4, "big") + blob)
        before = len(CALLS)
        assert [d["code"] for d in check([f])] == ["TYP801"]
        assert len(CALLS) == before + 2  # ignored and checked again
        assert not (project / "PLANTED").exists()
    with pytest.raises(pickle.UnpicklingError):
        cache_module.loads(pickle.dumps(_Planted()))


def test_the_findings_stored_are_those_of_the_bytes_the_key_was_made_of(project, monkeypatch):
    """A file saved again while it is checked: the entry under the first bytes' key holds
    the findings of those bytes (the file used to be read twice)."""
    from soat.lint import session

    f = project / "a.txt"
    f.write_text("alpha\n", encoding="utf-8")
    real_read = session.read_bytes

    def read_then_save(path, display):
        data = real_read(path, display)
        f.write_text("beta beta\n", encoding="utf-8")  # the editor saves meanwhile
        return data

    monkeypatch.setattr(session, "read_bytes", read_then_save)
    assert [d["code"] for d in check([f])] == ["TYP801"]
    monkeypatch.setattr(session, "read_bytes", real_read)
    f.write_text("alpha\n", encoding="utf-8")
    before = len(CALLS)
    assert [d["code"] for d in check([f])] == ["TYP801"]
    assert len(CALLS) == before  # served by the cache, with the right findings


def test_workers_serve_a_json_report_from_the_text_the_cache_keeps(project, monkeypatch):
    """A JSON report checked in workers keeps each file's findings as the report shows them;
    the next such run writes that text without loading a finding, and a run in another
    language or with another documentation link, or with another fail-on, still comes out
    right."""
    from soat.lint import session

    monkeypatch.setattr(session, "PARALLEL_THRESHOLD", 4)
    files = [project / f"bai{i}.txt" for i in range(8)]
    for i, f in enumerate(files):
        f.write_text("alpha beta\n" * (i % 3) + "gamma\n", encoding="utf-8")

    def report(**options) -> tuple[int, str]:
        out = io.StringIO()
        opts = CheckOptions(paths=tuple(map(str, files)), output_format="json", jobs=2, **options)
        return run_check(opts, RULES, load_knowledge, out), out.getvalue()

    expected = report(cache=False)
    assert report() == expected  # the first run fills the cache
    assert all(
        entry[2] is not None for pack in entries(project) for entry in read_pack(str(pack)).values()
    )

    def no_loading(*args):
        raise AssertionError("a finding was loaded")

    real_get = ResultCache.get
    monkeypatch.setattr(ResultCache, "get", no_loading)
    assert report() == expected
    monkeypatch.setattr(ResultCache, "get", real_get)
    for config in (
        'lang = "en"\n',
        'rule-docs-url = "https://example.org/{code}"\n',
        'fail-on = "error"\n',
    ):
        (project / "soat.toml").write_text(config, encoding="utf-8")
        fresh = report(cache=False)
        assert fresh != expected
        assert report() == fresh


def test_a_rule_that_judges_as_of_today_keys_its_findings_on_the_day(project, monkeypatch):
    """An undated article is judged as of today by a `dated` rule (who holds a post): its
    cached findings are good for the day they were found."""
    import datetime

    dated = (RULES[0].replace(dated=True),)
    f = project / "a.txt"
    f.write_text("alpha\n", encoding="utf-8")

    class Tomorrow(datetime.date):
        @classmethod
        def today(cls):
            return datetime.date(2031, 1, 2)

    check([f], rules=dated)
    check([f], rules=dated)
    assert len(CALLS) == 1  # served the same day
    monkeypatch.setattr(datetime, "date", Tomorrow)
    check([f], rules=dated)
    assert len(CALLS) == 2  # checked again the next day
    check([f], rules=RULES)  # rules that do not date an article: one entry, whatever the day
    check([f], rules=RULES)
    assert len(CALLS) == 2 + 2


def test_a_home_folder_reached_through_a_link_is_still_the_home_folder(project, monkeypatch):
    (project / "soat.toml").write_text("", encoding="utf-8")
    (project / "bai").mkdir()
    (project / "bai" / "a.txt").write_text("alpha\n", encoding="utf-8")
    link = project.parent / f"{project.name}-home"
    link.symlink_to(project)
    monkeypatch.setenv("HOME", str(link))
    monkeypatch.chdir(project / "bai")
    check(["a.txt"])
    assert not (project / CACHE_DIR).exists() and list(stored(project / "bai")) == ["a.txt"]
