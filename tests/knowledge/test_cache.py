"""The built-in knowledge's cache (soat/knowledge/cache.py): what it keys on, what it holds,
and that nothing it finds on disk is trusted without checking."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from soat.knowledge import cache
from soat.knowledge.indexes import (
    PERSISTED,
    mention_context,
    org_forms,
    place_index,
    term_index,
)
from soat.knowledge.load import BUILTIN_FILES, builtin_knowledge
from soat.knowledge.model import TABLES, Knowledge, content_digest

ROOT = Path(__file__).resolve().parents[2]
load = builtin_knowledge.__wrapped__  # the uncached function: reads the cache file each time


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_a_damaged_knowledge_cache_is_rebuilt(cache_dir):
    expected = load()
    (path,) = cache_dir.iterdir()
    data = path.read_bytes()
    step = max(1, len(data) // 60)
    for where in range(0, len(data), step):  # a flipped byte anywhere: same knowledge back
        damaged = bytearray(data)
        damaged[where] ^= 0x5A
        path.write_bytes(bytes(damaged))
        assert load() == expected, where
    for junk in (b"", b"not a pickle", data[: len(data) // 2]):
        path.write_bytes(junk)
        assert load() == expected
    assert path.read_bytes() == data  # rewritten intact


def test_a_foreign_pickle_with_a_valid_checksum_is_not_trusted(cache_dir):
    import zlib

    expected = load()
    (path,) = cache_dir.iterdir()
    body = pickle.dumps({"not": "knowledge"})
    path.write_bytes(cache._MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)
    assert load() == expected
    assert isinstance(cache.read(str(path)), Knowledge)  # written again


def test_the_cache_holds_every_persisted_index_built(cache_dir):
    built = load()  # parsed: indexes built before writing
    (path,) = cache_dir.iterdir()
    read = cache.read(str(path))
    assert read is not None and read == built
    assert set(read._index) == set(PERSISTED)
    fresh = Knowledge(*(getattr(read, t) for t in TABLES))
    assert read.index(place_index) == fresh.index(place_index)
    assert read.index(term_index).preferred == fresh.index(term_index).preferred
    assert read.index(term_index).pattern.pattern == fresh.index(term_index).pattern.pattern
    assert read.digest() == built.digest()
    assert read.documents_by_symbol("02-NQ/TW") == fresh.documents_by_symbol("02-NQ/TW")
    assert read.index(org_forms) == fresh.index(org_forms)
    stored, built_now = read.index(mention_context), fresh.index(mention_context)
    for name in ("known_names", "place_names", "_orgs"):
        assert getattr(stored, name) == getattr(built_now, name)
    words = ["Tổng", "Liên", "đoàn", "Lao", "động", "Việt", "Nam"]
    assert stored.org_at(words, 0) == built_now.org_at(words, 0) > 0


def test_reading_the_cache_builds_no_index(cache_dir, monkeypatch):
    load()
    calls = []
    monkeypatch.setattr(Knowledge, "index", lambda self, b: calls.append(b))
    (path,) = cache_dir.iterdir()
    k = cache.read(str(path))
    assert k is not None and calls == []
    monkeypatch.undo()
    assert all(b in k._index for b in PERSISTED)  # a hit: ctx.index(place_index) is a lookup


def test_the_key_is_the_data_bytes_and_soats_version(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path / "c"))
    files = []
    for name in BUILTIN_FILES:
        f = tmp_path / name
        f.write_text('[[term]]\npreferred = "A"\nsource = "s"\n', encoding="utf-8")
        files.append((name, str(f)))
    first = cache.path_for(files)
    assert first is not None and os.path.basename(first).startswith("knowledge-")
    stat = os.stat(files[0][1])
    Path(files[0][1]).write_text('[[term]]\npreferred = "B"\nsource = "s"\n', encoding="utf-8")
    os.utime(files[0][1], ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time
    assert cache.path_for(files) != first  # the bytes changed: a new key
    Path(files[0][1]).write_text('[[term]]\npreferred = "A"\nsource = "s"\n', encoding="utf-8")
    assert cache.path_for(files) == first
    import soat

    monkeypatch.setattr(soat, "__version__", "99.0")
    other = cache.path_for(files)
    assert other != first and "99.0" in os.path.basename(other)
    assert cache.path_for([*files, ("gone.toml", str(tmp_path / "gone.toml"))]) is None


def test_an_unwritable_cache_folder_is_silently_no_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file, not a folder")  # as unwritable as it gets for root
    monkeypatch.setenv("SOAT_CACHE_DIR", str(blocker / "soat"))
    first, second = load(), load()
    assert first == second and first.places
    assert set(first._index) >= set(PERSISTED)  # built in memory all the same
    assert blocker.read_text() == "a file, not a folder"


def test_writes_leave_no_temporary_file_and_keep_eight_caches(cache_dir):
    k = load()
    for i in range(10):
        cache.write(str(cache_dir / f"knowledge-x-{i}.pickle"), k)
        os.utime(cache_dir / f"knowledge-x-{i}.pickle", (i + 10**9, i + 10**9))
    names = sorted(p.name for p in cache_dir.iterdir())
    assert not [n for n in names if n.startswith(".knowledge-")]
    assert len(names) == 8


def test_parallel_processes_agree_on_one_cache(cache_dir):
    code = "from soat.knowledge import builtin_knowledge as b; print(b().digest())"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    runs = [
        subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    digests = {p.communicate(timeout=120)[0].strip() for p in runs}
    assert len(digests) == 1 and digests != {""}
    assert digests == {load().digest()}
    assert not [p for p in cache_dir.iterdir() if p.name.startswith(".knowledge-")]


def test_the_digest_is_of_the_content_and_the_same_in_every_process(cache_dir):
    k = load()
    assert k.digest() == load().digest()
    a = Knowledge(terms=k.terms)
    assert a.digest() == Knowledge(terms=tuple(k.terms)).digest() == content_digest(a)
    assert a.digest() != Knowledge(terms=k.terms[1:]).digest()
    user = Knowledge(terms=k.terms[:1])
    assert k.merged(user).digest() != k.digest()
    assert k.merged(user).digest() == k.merged(Knowledge(terms=k.terms[:1])).digest()


def test_the_digest_does_not_depend_on_the_hash_seed():
    code = (
        "from soat.knowledge import builtin_knowledge as b, Knowledge as K\n"
        "from soat.knowledge.model import content_digest as d\n"
        "print(d(K(documents=b().documents, places=b().places)))"
    )
    out = {
        subprocess.run(
            [sys.executable, "-c", code],
            env=dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=seed),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(out) == 1 and any(e.unverified for e in builtin_knowledge().documents)


def test_a_cache_in_use_outlives_newer_ones(cache_dir):
    k = load()
    (mine,) = cache_dir.iterdir()
    os.utime(mine, (10**9, 10**9))  # written long ago …
    load()  # … and read now
    for i in range(9):  # other checkouts write theirs
        cache.write(str(cache_dir / f"knowledge-other-{i}.pickle"), k)
        os.utime(cache_dir / f"knowledge-other-{i}.pickle", (10**9 + i, 10**9 + i))
    assert mine.exists()


def test_a_user_registry_keeps_the_indexes_of_the_tables_it_leaves_alone(cache_dir):
    from soat.knowledge import load_registry_text

    builtin = load()
    people = load_registry_text("u.toml", '[[person]]\nname = "Nguyễn Văn A"\n')
    merged = builtin.merged(people)
    assert merged.index(place_index) is builtin.index(place_index)
    assert merged.person("Nguyễn Văn A") is not None and builtin.person("Nguyễn Văn A") is None
    places = load_registry_text("p.toml", '[[place]]\nname = "Xứ Mới"\nkind = "tỉnh"\n')
    merged = builtin.merged(places)
    assert merged.index(place_index) is not builtin.index(place_index)
    assert "Xứ Mới" in merged.index(place_index).provincial
    assert merged.index(term_index) is builtin.index(term_index)


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_the_cache_leaves_the_garbage_collector_as_it_found_it(cache_dir, enabled):
    import gc
    import zlib

    load()
    (path,) = cache_dir.iterdir()
    data = path.read_bytes()
    head = len(cache._MAGIC)
    # A file whose checksum holds but whose pickle raises half-way through loading.
    broken = data[head + 4 : head + 4 + len(data) // 2]
    broken_path = cache_dir / "broken.pickle"
    broken_path.write_bytes(cache._MAGIC + zlib.crc32(broken).to_bytes(4, "big") + broken)
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert isinstance(cache.read(str(path)), Knowledge)
        assert gc.isenabled() is enabled
        assert cache.read(str(broken_path)) is None
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
