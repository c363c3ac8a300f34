"""soat/regex_cache.py: the stored patterns are the very patterns `re.compile` makes.

A real run writes the file (a subprocess with its own cache folder); every stored entry is
then rebuilt with `_sre.compile` and compared with a fresh `re.compile`: equality (pattern,
flags and opcodes), groups, group names and the matches on generated and article-like text.
"""

import json
import marshal
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soat import regex_cache

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

pytestmark = pytest.mark.skipif(not regex_cache.usable(), reason="not CPython's re layout")


def run(code: str, cache: Path) -> str:
    env = {**os.environ, "SOAT_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


CHECK = (
    "import sys; from soat.cli import main; sys.argv = ['soat', 'check', '--no-cache', "
    "'--output-format', 'json', {paths}]\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
)


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """A cache folder holding the regex file a real check of the examples wrote."""
    folder = tmp_path_factory.mktemp("cache")
    paths = ", ".join(repr(str(p)) for p in sorted(EXAMPLES.glob("bai-mau.*")))
    run(CHECK.format(paths=paths), folder)
    # Once more: the first run built the knowledge cache, whose term pattern comes back from
    # the pickle under its final flags (re.UNICODE set), a new key.
    run(CHECK.format(paths=paths), folder)
    return folder


def file_in(folder: Path) -> Path:
    """The regex cache file this interpreter uses in `folder`."""
    saved = os.environ.get("SOAT_CACHE_DIR")
    os.environ["SOAT_CACHE_DIR"] = str(folder)
    try:
        return Path(regex_cache.path())
    finally:
        if saved is None:
            del os.environ["SOAT_CACHE_DIR"]
        else:
            os.environ["SOAT_CACHE_DIR"] = saved


def stored(cache: Path) -> list[tuple]:
    data = file_in(cache).read_bytes()
    return marshal.loads(data[len(regex_cache._HEAD) + 4 :])


def rebuilt(entry: tuple) -> re.Pattern:
    import _sre

    pattern, _, final_flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)


def fresh(pattern, flags) -> re.Pattern:
    """What re.compile makes, bypassing its cache."""
    from soat.regex_cache import _compiler  # re._compiler (sre_compile on Python 3.10)

    return _compiler.compile(pattern, flags)


def test_a_run_stores_the_patterns_of_soat(cache):
    entries = stored(cache)
    patterns = {e[0] for e in entries}
    from soat.knowledge.model import _UNIQUE_SYMBOL_RE  # compiled when soat imports

    assert len(entries) > 100
    assert _UNIQUE_SYMBOL_RE.pattern in patterns
    assert all(isinstance(e[3], list) for e in entries)


def test_every_stored_pattern_is_the_one_re_compile_makes(cache):
    for entry in stored(cache):
        pattern, flags = entry[0], entry[1]
        mine, theirs = rebuilt(entry), fresh(pattern, flags)
        assert mine == theirs, pattern  # pattern, flags and opcodes
        assert mine.pattern == theirs.pattern and mine.flags == theirs.flags
        assert mine.groups == theirs.groups and mine.groupindex == theirs.groupindex


SAMPLES = [
    "Ngày 12/3/2024, Tổng Liên đoàn Lao động Việt Nam ban hành Nghị quyết số 05-NQ/TLĐ.",
    "Đồng chí Nguyễn Văn A , Chủ tịch Công đoàn ngành...  “Trích dẫn” -- hết.\n\nẢnh: TTXVN",
    "<p>Tin  liên quan</p> http://vd.vn/a-b.html  #tag @ai Thứ Hai, 01/01/2024 10:00 GMT+7",
    "Theo Quyết định 1234/QĐ-TTg ngày 5 tháng 6 năm 2023 của Thủ tướng Chính phủ; Điều 3.",
    "Vieät Nam ñaõ ñöôïc — TCVN3: ViÖt Nam ®· ®­îc; VIQR: Vie^.t Nam",
]


def matches(p: re.Pattern, text):
    return [(m.span(), m.groups(), m.groupdict()) for m in p.finditer(text)]


def test_stored_patterns_match_like_fresh_ones_on_article_text(cache):
    for entry in stored(cache):
        mine, theirs = rebuilt(entry), fresh(entry[0], entry[1])
        for text in SAMPLES:
            if isinstance(entry[0], bytes):
                text = text.encode("utf-8")
            assert matches(mine, text) == matches(theirs, text), entry[0]


ALPHABET = st.sampled_from(
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠàáảãạĐđ .,;:!?-–—/()“”\"'\n\t0123456789<>@#")
)


@settings(max_examples=40)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_stored_patterns_match_like_fresh_ones_on_generated_text(cache, text):
    for entry in stored(cache):
        mine, theirs = rebuilt(entry), fresh(entry[0], entry[1])
        sample = text.encode("utf-8") if isinstance(entry[0], bytes) else text
        assert matches(mine, sample) == matches(theirs, sample), entry[0]


PROBE = (
    "import re, json\n"
    "from soat import regex_cache\n"
    "n = regex_cache.load()\n"
    "key = next(k for k in regex_cache._stored or () if k[1] == {pattern!r})\n"
    "p = re.compile(key[1], key[2])\n"
    "print(json.dumps([n, p is re._cache[key], p == regex_cache._compiler.compile(key[1], key[2])]))\n"
)


def test_a_new_process_gets_the_stored_patterns_from_re_compile(cache):
    pattern = next(e[0] for e in stored(cache) if isinstance(e[0], str) and len(e[0]) > 50)
    loaded, served, equal = json.loads(run(PROBE.format(pattern=pattern), cache))
    assert loaded > 100 and served and equal


def test_a_damaged_or_foreign_file_is_not_used(cache, tmp_path):
    good = file_in(cache).read_bytes()
    target = file_in(tmp_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    count = "from soat import regex_cache; print(regex_cache.load())"
    target.write_bytes(good)
    assert int(run(count, tmp_path)) > 100
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 1
    target.write_bytes(bytes(flipped))
    assert int(run(count, tmp_path)) == 0
    body = marshal.dumps([("a", 0, 0, [1, 2, 3], 0, {}, ())])  # not valid opcodes
    target.write_bytes(regex_cache._HEAD + zlib.crc32(body).to_bytes(4, "big") + body)
    assert int(run(count, tmp_path)) == 0
    target.write_bytes(b"something else")
    assert int(run(count, tmp_path)) == 0


def test_a_run_with_everything_stored_does_not_write_again(cache):
    target = file_in(cache)
    before = target.stat().st_mtime_ns
    paths = repr(str(EXAMPLES / "bai-mau.txt"))
    run(CHECK.format(paths=paths), cache)
    assert target.stat().st_mtime_ns == before


SAVE = (
    "import json, re, sys\n"
    "from soat import regex_cache as rc\n"
    "rc.load()\n"
    "held = re.compile('soat-test-held-[a-z]+')\n"
    "re.compile('soat-test-loose-[a-z]+')\n"
    "names = lambda pairs: [k[1] for k, _ in pairs if isinstance(k[1], str)]\n"
    "ranking = [names(part) for part in rc.ranked(re._cache)]\n"  # names only: holds no pattern
    "n_held = len(rc.ranked(re._cache)[0])\n"
    "calls = []\n"
    "made = rc.entry\n"
    "rc.entry = lambda p, f: (calls.append(p), made(p, f))[1]\n"
    "rc._MAX = n_held if {only_held} else rc._MAX\n"
    "rc.save()\n"
    "print(json.dumps([calls, *ranking]))\n"
)


def test_a_save_compiles_only_the_new_patterns_and_keeps_the_held_ones_first(cache, tmp_path):
    target = file_in(tmp_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(file_in(cache).read_bytes())
    calls, held, loose = json.loads(run(SAVE.format(only_held=False), tmp_path))
    assert calls == ["soat-test-held-[a-z]+", "soat-test-loose-[a-z]+"]  # not the stored ones
    assert "soat-test-held-[a-z]+" in held and "soat-test-loose-[a-z]+" in loose
    written = {e[0] for e in stored(tmp_path)}
    assert {"soat-test-held-[a-z]+", "soat-test-loose-[a-z]+"} <= written
    # Room for the held patterns only: the loose ones are left out.
    target.write_bytes(file_in(cache).read_bytes())
    run(SAVE.format(only_held=True), tmp_path)
    written = {e[0] for e in stored(tmp_path)}
    assert "soat-test-held-[a-z]+" in written and "soat-test-loose-[a-z]+" not in written


FULL = (
    "import json, re\n"
    "from soat import regex_cache as rc\n"
    "rc.load()\n"
    "n_held = len(rc.ranked(re._cache)[0])\n"
    "re.compile({pattern!r})\n"  # loose, and new to the file
    "rc._MAX = len(rc._stored)\n"  # the file is full: held, then loose ones read
    "rc.save()\n"
    "print(json.dumps(len(rc._stored) > n_held))\n"
)


def test_a_full_file_is_not_written_again_for_a_loose_pattern_that_does_not_fit(cache, tmp_path):
    """When every slot is taken by held patterns and loose ones read before, a run's new
    loose pattern does not get in, and the file is left alone (it was once written again on
    every run, with the same contents)."""
    target = file_in(tmp_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(file_in(cache).read_bytes())
    before = target.stat().st_mtime_ns
    code = FULL.format(pattern="soat-test-new-loose-[a-z]+")
    assert json.loads(run(code, tmp_path))  # the file holds loose patterns besides the held
    assert target.stat().st_mtime_ns == before
    assert "soat-test-new-loose-[a-z]+" not in {e[0] for e in stored(tmp_path)}


UNSTORABLE = (
    "import re\n"
    "from soat import regex_cache as rc\n"
    "rc.load()\n"
    "re.compile('soat-test-unstorable-[a-z]+')\n"
    "def refuse(pattern, flags):\n"
    "    raise ValueError(pattern)\n"
    "rc.entry = refuse\n"  # as for a pattern whose opcodes cannot be read back
    "rc.save()\n"
)


def test_a_run_whose_only_new_pattern_cannot_be_stored_does_not_write(cache, tmp_path):
    target = file_in(tmp_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(file_in(cache).read_bytes())
    before = target.stat().st_mtime_ns
    run(UNSTORABLE, tmp_path)
    assert target.stat().st_mtime_ns == before
    assert "soat-test-unstorable-[a-z]+" not in {e[0] for e in stored(tmp_path)}


FLAGS_SUBCLASS = (
    "import re\n"
    "from soat import regex_cache as rc\n"
    "class Flags(int):\n"
    "    pass\n"
    "held = re.compile('soat-test-subclass-[a-z]+')\n"
    # As Python 3.13's re.sub and re.split key their patterns (re._ZeroSentinel).
    "key = (str, 'soat-test-subclass-[a-z]+', 0)\n"
    "re._cache[(str, key[1], Flags(0))] = re._cache.pop(key)\n"
    "rc.save()\n"
)


def test_a_pattern_keyed_by_an_int_subclass_is_stored_with_plain_int_flags(tmp_path):
    """marshal refuses int subclasses: one such key in re's cache once made a run write no
    file at all (every run on Python 3.13, whose re.sub keys patterns that way)."""
    run(FLAGS_SUBCLASS, tmp_path)
    entries = {e[0]: e for e in stored(tmp_path)}
    assert "soat-test-subclass-[a-z]+" in entries
    assert all(type(e[1]) is int and type(e[2]) is int for e in entries.values())


RESPELT = (
    "import re\n"
    "from soat import regex_cache as rc\n"
    "rc.load()\n"
    # As markdown-it builds its terminator class from a set: the order differs per process.
    "held = re.compile({pattern!r})\n"
    "rc.save()\n"
)


def test_a_pattern_spelt_in_another_order_is_not_stored_again(cache, tmp_path):
    """A held pattern whose characters and flags are those of a stored one, in another
    order, neither makes the file be written again nor gets into it; a new pattern does."""
    target = file_in(tmp_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(file_in(cache).read_bytes())
    run(RESPELT.format(pattern="[qwjkz0189]"), tmp_path)
    written = {e[0] for e in stored(tmp_path)}
    assert "[qwjkz0189]" in written
    before = target.stat().st_mtime_ns
    run(RESPELT.format(pattern="[9810zkjwq]"), tmp_path)
    assert target.stat().st_mtime_ns == before
    assert "[9810zkjwq]" not in {e[0] for e in stored(tmp_path)}
    run(RESPELT.format(pattern="[qwjkz0188]"), tmp_path)
    assert "[qwjkz0188]" in {e[0] for e in stored(tmp_path)}
