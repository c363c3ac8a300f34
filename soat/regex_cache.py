"""Compiled regular expressions kept across processes: a cold start skips `re`'s compiler.

A cold `soat check` compiles about 190 patterns (rule modules, soat/vi tables, first-use
matchers), some 30 ms of a 200 ms start. `re.compile` turns a pattern into a list of integer
opcodes (re._parser and re._compiler, on Python 3.10 sre_parse and sre_compile; pure Python:
the slow part) and hands it to the C function `_sre.compile`, which makes the `re.Pattern`.
This module stores those opcode lists in one file and, on the next start, makes each pattern
straight from `_sre.compile` and puts it where `re.compile` looks first, its cache `re._cache`
keyed by (type, pattern, flags). No caller changes: every `re.compile(p, flags)` of the
process then returns the stored pattern.

It rests on private parts of CPython, so it is fenced in:
- the file's name carries the interpreter's version and `_sre.MAGIC` (the opcode format),
  and the file a checksum: another interpreter's or a damaged file is never read;
- it is used only when `re._cache` is a dict that `re.compile` reads first, which `load()`
  checks on one pattern after filling it; any error, or another interpreter layout, and
  nothing happens: `re.compile` compiles as it always did;
- a stored pattern is equal to a freshly compiled one (`re.Pattern.__eq__` compares the
  pattern, the flags and the opcodes): tests/test_regex_cache.py checks every pattern of a
  run, and their groups and matches, against `re.compile`.

`load()` runs at the start of the command line (soat/cli.py), before any module compiles;
`save()` at its end writes the file again when the run compiled patterns it did not hold.
The file sits beside the knowledge cache (soat/knowledge/cache.py: `$SOAT_CACHE_DIR`, else
`$XDG_CACHE_HOME/soat`, else `~/.cache/soat`).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
from typing import Any

import soat.checked_file as checked_file

try:
    import _sre  # type: ignore[import-not-found]

    if sys.version_info >= (3, 11):
        from re import _compiler, _parser  # type: ignore[attr-defined]
    else:  # the same modules, by their Python 3.10 names
        import sre_compile
        import sre_parse

        _compiler: Any = sre_compile  # typeshed's stubs of these miss the parts used here
        _parser: Any = sre_parse
except ImportError:  # another Python: no cache
    _sre = None

_HEAD = b"soat-regex-1\n"
# Entries kept in the file. A run of one article needs ~180 patterns, of Markdown and HTML
# too ~280; patterns built from a configuration (user words) come and go.
_MAX = 400

# The entries `load` read, by re._cache key; None: nothing loaded (no file, or not usable).
_stored: dict | None = None


def path() -> str:
    """The cache file of this interpreter and opcode format."""
    version = ".".join(map(str, sys.version_info[:3]))
    tag = f"{sys.implementation.name}-{version}-{sys.version_info.releaselevel}"
    return os.path.join(
        checked_file.cache_dir(), f"regex-{tag}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal"
    )


def _re_cache() -> dict | None:
    """`re`'s own cache of compiled patterns, keyed by (type, pattern, flags)."""
    cache = getattr(re, "_cache", None)
    return cache if isinstance(cache, dict) else None


def usable() -> bool:
    return _sre is not None and sys.implementation.name == "cpython" and _re_cache() is not None


def load() -> int:
    """Put the stored patterns into `re._cache`; the number put there (0 on any problem)."""
    global _stored
    cache = _re_cache()
    if cache is None or not usable():
        return 0
    try:
        with open(path(), "rb") as fh:
            data = fh.read()
        body = checked_file.body(_HEAD, data)
        if body is None:
            return 0
        stored, made = {}, {}
        for entry in marshal.loads(body):
            pattern, flags, final_flags, code, groups, groupindex, indexgroup = entry
            key = (type(pattern), pattern, flags)
            stored[key] = entry
            made[key] = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
    except Exception:  # missing, damaged, or another layout: re compiles as usual
        return 0
    # re drops its oldest entries itself when it is full.
    added = [key for key in made if key not in cache]
    for key in added:
        cache[key] = made[key]
    # The proof that re.compile reads this cache first; else everything is taken out again.
    if added and re.compile(added[0][1], added[0][2]) is not made[added[0]]:
        for key in added:
            if cache.get(key) is made[key]:
                del cache[key]
        return 0
    _stored = stored
    return len(made)


def entry(pattern: str | bytes, flags: int) -> tuple:
    """What is stored for one pattern: what re._compiler.compile hands to _sre.compile.

    The flags are stored as plain ints: Python 3.13's re.sub, re.split... key their patterns
    with an int subclass (`re._ZeroSentinel`), which marshal refuses, and one such key in
    `re._cache` made the whole file unwritable."""
    flags = int(flags)
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (
        pattern,
        flags,
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def ranked(cache: dict) -> tuple[list[tuple], list[tuple]]:
    """The (key, pattern) pairs of `cache` something in the process holds (a module's or a
    matcher's pattern), and the others, each in the cache's order."""
    held: list[tuple] = []
    loose: list[tuple] = []
    # Python 3.12 and later also keep the patterns used last in a second dict.
    recent = getattr(re, "_cache2", None)
    recent = recent if isinstance(recent, dict) and recent is not cache else {}
    for key in list(cache):
        compiled = cache.get(key)
        if compiled is None or not (
            isinstance(key, tuple)
            and len(key) == 3
            and key[0] in (str, bytes)
            and isinstance(key[2], int)
            and not key[2] & re.DEBUG
        ):
            continue
        # Referenced by re._cache (and re._cache2), `compiled` and getrefcount's argument
        # only: held by nothing else.
        in_recent = recent.get(key) is compiled
        (held if sys.getrefcount(compiled) > 3 + in_recent else loose).append((key, compiled))
    return held, loose


def _spelling_free(key: tuple) -> tuple:
    """A pattern's key without the order of its characters: (type, sorted characters,
    flags)."""
    return key[0], "".join(sorted(str(key[1]))), key[2]


def save() -> None:
    """Store the patterns of this run when it compiled any the file did not hold; silently
    nothing where the folder cannot be written.

    Only the new patterns go through re's compiler again (for their opcodes); the others
    are written as they were read. The file keeps, up to `_MAX`, first the patterns
    something in the process holds (a module's or a matcher's: the ones the next run
    compiles again), then the loose ones it read, then the loose ones this run compiled.
    It is written only when a pattern it did not hold gets in: a run whose new patterns
    do not fit, cannot be stored, or that has none leaves it alone. (A full file was once
    written again on every run; putting a run's loose patterns before those read would
    make runs of two kinds push each other's out in turn.)

    A new pattern with the very characters and flags of a stored one, in another order, is
    left out: a pattern a library builds from a set (markdown-it's class of terminator
    characters) is spelt anew by each process under hash randomisation, and every Markdown
    run once wrote the file again, one more dead entry in it each time.
    """
    cache = _re_cache()
    if cache is None or not usable():
        return
    stored = _stored or {}
    held, loose = ranked(cache)
    if any(key not in stored for key, _ in (*held, *loose)):
        respelt = {_spelling_free(key) for key in stored}
        held, loose = (
            [(k, c) for k, c in part if k in stored or _spelling_free(k) not in respelt]
            for part in (held, loose)
        )
    kept = (
        held
        + [(key, compiled) for key, compiled in loose if key in stored]
        + [(key, compiled) for key, compiled in loose if key not in stored]
    )[:_MAX]
    if all(key in stored for key, _ in kept):
        return
    entries = []
    added = 0
    for key, compiled in kept:
        found = stored.get(key)
        if found is None:
            try:
                found = entry(key[1], key[2])
                # Never store what would not make the very pattern re.compile makes.
                if _sre.compile(*found[:1], *found[2:]) != compiled:
                    continue
            except Exception:
                continue
            added += 1
        entries.append(found)
    if not added:  # only patterns that cannot be stored were new: the file stays as it is
        return
    target = path()
    with contextlib.suppress(OSError, ValueError):  # unwritable: compiled again next time
        body = marshal.dumps(entries)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        checked_file.write(target, checked_file.framed(_HEAD, body), prefix=".regex-")
