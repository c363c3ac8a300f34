"""The engine's fast paths give the answers of the plain code they replace (issue 14).

A plain `soat check` imports no baseline, diff-base or result-cache code; parallel workers
(forked or spawned) return what a serial run returns; the collector settings of a run are put
back; the JSON writer writes `json.dumps(indent=2)`'s bytes; the scandir walk finds the files
`os.walk` found, in the same order; relative paths and pattern matching answer as
`os.path.relpath` and `fnmatch` did.
"""

from __future__ import annotations

import contextlib
import fnmatch
import gc
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.knowledge import load_knowledge
from soat.lint import session
from soat.lint.config import Config
from soat.lint.diagnostic import Msg
from soat.lint.files import _walk, discover
from soat.lint.output.json_format import dumps
from soat.lint.patterns import matches_any
from soat.lint.runner import read_bytes
from soat.lint.session import CheckOptions, check_files, collector_tuned, resolver_for
from soat.rules import ALL_RULES

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "bai-mau.txt"


# --- what a plain run imports ---------------------------------------------------------------

_PROBE = """
import io, sys
from soat.knowledge import load_knowledge
from soat.lint.session import CheckOptions, run_check
from soat.rules import ALL_RULES
options = CheckOptions(paths=(sys.argv[1],), cache=False, **eval(sys.argv[2]))
run_check(options, ALL_RULES, load_knowledge, io.StringIO())
print(" ".join(sorted(m for m in sys.modules if m.startswith("soat.lint"))))
"""

_ADOPTION = {"soat.lint.adoption", "soat.lint.baseline", "soat.lint.changed_lines"}


def _modules_after(tmp_path: Path, **options) -> set[str]:
    article = tmp_path / "bai.txt"
    shutil.copy(EXAMPLE, article)
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(article), repr(options)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    return set(proc.stdout.split())


def test_a_plain_check_imports_no_adoption_cache_or_other_output_code(tmp_path):
    loaded = _modules_after(tmp_path)
    assert "soat.lint.session" in loaded and "soat.lint.output.text_format" in loaded
    unwanted = _ADOPTION | {
        "soat.lint.cache",  # the result cache, off here
        "soat.lint.reports",  # --diff and --statistics
        "soat.lint.ruledoc",  # rule-docs-url, unset
        "soat.lint.output.json_format",
        "soat.lint.output.sarif_format",
        "soat.lint.output.html_format",
    }
    assert loaded & unwanted == set()


def test_a_baseline_option_still_loads_the_adoption_code(tmp_path):
    baseline = tmp_path / "baseline.json"
    loaded = _modules_after(tmp_path, write_baseline=str(baseline))
    assert {"soat.lint.adoption", "soat.lint.baseline"} <= loaded
    assert json.loads(baseline.read_text("utf-8"))["soat-baseline"] == 1


# --- serial and parallel runs agree ------------------------------------------------------


def _corpus(tmp_path: Path, n: int) -> Path:
    """`n` small articles with findings (a double space, a straight quote, a bad syllable)."""
    folder = tmp_path / "bai"
    folder.mkdir()
    text = EXAMPLE.read_text("utf-8")
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(f'Bài số {i}\n\n{text}\nThêm  một câu "thử".\n')
    (folder / "zz.md").write_text("# Tiêu đề\n\nMột đoạn văn có lỗi  cách.\n", "utf-8")
    return folder


def _run(folder: Path, jobs: int):
    options = CheckOptions(paths=(str(folder),), output_format="json", cache=False, jobs=jobs)
    cache = resolver_for(options, ALL_RULES, load_knowledge)
    files = list(discover(options.paths, cache))
    return check_files(files, options, ALL_RULES, cache, None)


def _comparable(results):
    return [
        (r.path, r.source, r.encoding, r.lang, r.fail_on, r.fixes_applied, r.fixed_source)
        + tuple((d.code, d.start, d.end, d.severity, d.message, d.fix) for d in r.diagnostics)
        for r in results
    ]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return _corpus(tmp_path_factory.mktemp("parallel"), session.PARALLEL_THRESHOLD + 4)


@pytest.fixture(scope="module")
def serial(corpus):
    results = _run(corpus, jobs=1)
    assert sum(len(r.diagnostics) for r in results) > len(results)  # findings in every file
    return _comparable(results)


def test_each_chunks_results_are_let_go_once_read():
    """The parent holds no results of chunks already read (a whole archive's report text
    stayed in memory while the list of futures kept every result)."""
    from collections import deque
    from concurrent.futures import Future

    futures: deque = deque()
    for chunk in (["a", "b"], ["c"], ["d", "e"]):
        future: Future = Future()
        future.set_result((chunk, {}))
        futures.append(future)
    results = session._in_order(futures, None)
    assert [next(results), len(futures)] == ["a", 2]
    assert [next(results), next(results), len(futures)] == ["b", "c", 1]
    assert list(results) == ["d", "e"] and not futures


@given(st.integers(0, 3000), st.integers(1, 8))
def test_chunks_cover_the_files_in_order_in_shrinking_sizes(n, workers):
    files = [(f"{i}.txt", f"{i}.txt") for i in range(n)]
    sizes = [len(chunk) for chunk in session.chunks(files, workers)]
    assert [f for chunk in session.chunks(files, workers) for f in chunk] == files
    assert all(1 <= size <= 64 for size in sizes)
    assert sizes == sorted(sizes, reverse=True)
    # What is left when a chunk is handed out keeps every worker busy for ~4 chunks more.
    left = n
    for size in sizes:
        assert size == max(1, min(64, left // (workers * 4)))
        left -= size
    assert sizes[-workers * 4 :] == [1] * min(len(sizes), workers * 4)


@pytest.mark.skipif(session._fork_context() is None, reason="fork is Linux-only here")
def test_forked_workers_return_what_a_serial_run_returns(corpus, serial):
    assert _comparable(_run(corpus, jobs=2)) == serial


def test_spawned_workers_return_what_a_serial_run_returns(corpus, serial, monkeypatch):
    monkeypatch.setattr(session, "_fork_context", lambda: None)
    assert _comparable(_run(corpus, jobs=2)) == serial


# --- the collector ---------------------------------------------------------------------------


def test_the_collector_settings_are_put_back():
    gc.unfreeze()  # Python 3.12 starts with a few hundred objects frozen
    before = gc.get_threshold()
    with collector_tuned():
        assert gc.get_threshold()[0] >= session.GC_THRESHOLD
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_callers_frozen_objects_stay_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_tuned():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_objects_a_caller_froze_before_using_soat_stay_frozen(tmp_path):
    """An application that froze its objects (before forking workers, say) and then calls
    soat.api keeps them frozen: soat never unfreezes what it did not freeze."""
    import subprocess

    (tmp_path / "a.txt").write_text("Tiêu đề\n\nMột câu về công đoàn.\n", encoding="utf-8")
    code = (
        "import gc, sys\n"
        "kept = [[i] for i in range(5000)]\n"
        "gc.freeze()\n"
        "frozen = gc.get_freeze_count()\n"
        "from soat.api import check_paths\n"
        "check_paths([sys.argv[1]], cache=False, jobs=1)\n"
        "print(frozen, gc.get_freeze_count())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "a.txt")],
        capture_output=True,
        text=True,
        check=True,
    )
    frozen, after = map(int, done.stdout.split())
    assert frozen > 5000 and after >= frozen - 100  # a few frozen objects may have died


def test_the_collector_runs_while_checking_even_when_the_caller_turned_it_off():
    # The command line turns it off while it starts (soat/cli.py); files are still checked
    # with it on, and it is off again afterwards, as the caller left it.
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_tuned():
            assert gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
    with collector_tuned():
        assert gc.isenabled()
    assert gc.isenabled()


def test_check_turns_the_collector_off_only_while_it_starts(tmp_path, monkeypatch):
    from tests.cli_runner import invoke

    seen = []
    tuned = session.collector_tuned

    @contextlib.contextmanager
    def watched():
        seen.append(("before", gc.isenabled()))
        with tuned():
            seen.append(("checking", gc.isenabled()))
            yield

    monkeypatch.setattr(session, "collector_tuned", watched)
    (tmp_path / "a.txt").write_text("Tiêu đề\n\nMột câu.\n", encoding="utf-8")
    result = invoke(["check", "--no-cache", str(tmp_path / "a.txt")])
    assert result.exit_code in (0, 1), result.output
    assert seen == [("before", False), ("checking", True)]
    assert gc.isenabled()  # as it was before `check`


def test_the_collector_is_put_back_when_checking_fails():
    gc.unfreeze()
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), collector_tuned():
        raise RuntimeError("a rule broke the run")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


# --- the JSON writer -------------------------------------------------------------------------

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        | st.dictionaries(st.integers(0, 9), inner, min_size=1, max_size=2)
    ),
    max_leaves=20,
)


@given(_values)
def test_dumps_writes_what_json_dumps_writes(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


@given(_values)
def test_dumps_indents_every_line_break(value):
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    assert dumps(value, "\n  ") == expected


_texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)


@st.composite
def _located_findings(draw):
    """A finding of a random source, with every part of the JSON report filled at random."""
    from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Related, Severity
    from soat.lint.document import LineIndex
    from soat.lint.output import Located

    source = draw(st.text(st.sampled_from('ab \n\r\u1ea1"\\\t'), max_size=40))
    offsets = st.integers(0, len(source))

    def span():
        return sorted((draw(offsets), draw(offsets)))

    def message():
        return draw(st.builds(Msg, _texts, _texts) | _texts)

    def fix():
        edits = tuple(Edit(*span(), draw(_texts)) for _ in range(draw(st.integers(1, 3))))
        return Fix(message(), edits, draw(st.sampled_from(Applicability)))

    start, end = span()
    diag = Diagnostic(
        message(),
        start,
        end,
        fix=fix() if draw(st.booleans()) else None,
        suggestions=tuple(fix() for _ in range(draw(st.integers(0, 2)))),
        related=tuple(Related(message(), *span()) for _ in range(draw(st.integers(0, 2)))),
        severity=draw(st.sampled_from(Severity)),
        code=draw(st.sampled_from(["SPL001", "TYP002", "X"])),
        name=draw(_texts),
    )
    index = LineIndex(source)
    url = draw(st.none() | st.just("https://example.org/r/"))
    lang = draw(st.sampled_from(["vi", "en"]))
    return Located(
        draw(_texts), diag, *index.rowcol(start), *index.rowcol(end), index, source, lang, url
    )


@given(_located_findings())
def test_a_findings_text_is_what_dumps_writes_of_its_dictionary(item):
    from soat.lint.output import OutputContext
    from soat.lint.output.json_format import finding, finding_text

    context = OutputContext(rules={})
    assert finding_text(item) == dumps(finding(item, context), "\n  ")


def test_the_json_report_is_json_dumps_of_its_findings(corpus):
    """The report written file by file and finding by finding is `json.dumps(indent=2)` of
    the list of every finding's dictionary (and "[]" without findings)."""
    import io

    from soat.lint.output import located
    from soat.lint.output.json_format import finding, write
    from soat.lint.session import _output_context

    options = CheckOptions(paths=(str(corpus),), output_format="json", jobs=1)
    cache = resolver_for(options, ALL_RULES, load_knowledge)
    results = check_files(list(discover(options.paths, cache)), options, ALL_RULES, cache, None)
    for some in (results, results[:1], []):
        out = io.StringIO()
        context = _output_context(ALL_RULES, "vi", out)
        write(some, context, out)
        every = [finding(item, context) for item in located(some, "vi")]
        assert out.getvalue() == json.dumps(every, ensure_ascii=False, indent=2) + "\n"


def test_the_report_written_while_checking_is_the_report_written_after(
    corpus, tmp_path, monkeypatch
):
    """Paths given out of order, half of the files served by the result cache: the JSON
    report streamed during a parallel run has the bytes of the one written after it."""
    import io

    from soat.lint.output.json_format import write
    from soat.lint.session import _output_context, run_check

    names = sorted(corpus.iterdir(), reverse=True)
    paths = tuple(str(p) for p in names)
    options = CheckOptions(paths=paths, output_format="json", jobs=2)
    cache = resolver_for(options, ALL_RULES, load_knowledge)
    files = list(discover(paths, cache))
    expected = io.StringIO()
    write(
        check_files(files, options, ALL_RULES, cache, None),
        _output_context(ALL_RULES, "vi", expected),
        expected,
    )
    monkeypatch.chdir(tmp_path)  # the result cache lives in the working folder
    warm = CheckOptions(paths=paths[::2], output_format="json", jobs=1)
    run_check(warm, ALL_RULES, load_knowledge, io.StringIO())
    assert (tmp_path / ".soat_cache").is_dir()
    monkeypatch.setattr(session, "PARALLEL_THRESHOLD", 4)  # the uncached half: in workers
    streamed = io.StringIO()
    assert session._streamed(options)
    assert run_check(options, ALL_RULES, load_knowledge, streamed) == 1
    assert streamed.getvalue() == expected.getvalue()
    assert streamed.getvalue().count('"code"') > len(paths)
    # The workers stored what they checked: a third run is served by the cache alone.
    from soat.lint.cache import read_pack

    stored = [read_pack(str(p)) for p in (tmp_path / ".soat_cache").rglob("*.pack")]
    names = sorted(os.path.abspath(p) for p in paths)  # outside the project: absolute
    assert sorted(name for pack in stored for name in pack) == names
    monkeypatch.setattr(session, "_check_one", None)  # any check would now raise
    again = io.StringIO()
    assert run_check(options, ALL_RULES, load_knowledge, again) == 1
    assert again.getvalue() == expected.getvalue()


def test_dumps_writes_enumerations_as_their_values():
    from soat.lint.diagnostic import Applicability, Severity

    value = {"a": Applicability.SAFE, "s": Severity.ERROR, "l": [True, None]}
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


# --- the folder walk -------------------------------------------------------------------------


def _reference_discover(paths, configs):
    """discover() before its per-folder answers: each file's configuration, relative path
    and normalised name found for the file itself."""
    from soat.lint.files import _walk, selected_by_config

    seen = set()
    for named in paths:
        walked = os.path.isdir(named)
        candidates = _walk(named) if walked else [(named, os.path.realpath(named))]
        for path, real in candidates:
            if real in seen or not selected_by_config(configs.config_for(path), path, walked):
                continue
            seen.add(real)
            yield path, os.path.normpath(path) if walked else path


@pytest.mark.parametrize("where", ["site", "site/inner", "."])
def test_discovery_answers_per_folder_as_it_did_per_file(tmp_path, monkeypatch, where):
    """Paths given in several forms, a configuration with include and exclude patterns in
    a sub-folder, the root's own files, a run from inside the tree: the same files, the
    same names."""
    site = tmp_path / "site"
    for rel in ("a.txt", "B.MD", "x.html", "inner/c.txt", "inner/skip/d.txt", "inner/e.md"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("Tiêu đề\n", encoding="utf-8")
    (site / "inner" / "soat.toml").write_text(
        'include = ["c.txt", "e.md", "skip/*.txt"]\nexclude = ["skip/**"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path / where)
    up = os.path.relpath(tmp_path, tmp_path / where)
    given_forms = [
        (os.path.join(up, "site"),),
        (os.path.join(up, "site") + "/", os.path.join(up, "site", "inner", "c.txt")),
        ("./" + os.path.join(up, "site", "inner"), str(tmp_path / "site")),
        (os.path.join(up, "site", "inner", "..", "inner"),),
        (".",),
        ("./",),
    ]
    options = CheckOptions(paths=("x",))
    for paths in given_forms:
        cache = resolver_for(options, ALL_RULES, load_knowledge)
        expected = list(_reference_discover(paths, cache))
        assert list(discover(paths, resolver_for(options, ALL_RULES, load_knowledge))) == expected
        assert expected
        # A found file's configuration and Settings, asked by its folder: what its own
        # path gives (a fresh resolver each, so neither answers from the other's memo).
        per_folder = resolver_for(options, ALL_RULES, load_knowledge)
        for path, _ in expected:
            config, settings = per_folder.for_file(path)
            own = resolver_for(options, ALL_RULES, load_knowledge).for_path(path)
            assert (config.path, config.root, config.include, config.exclude) == (
                own[0].path,
                own[0].root,
                own[0].include,
                own[0].exclude,
            )
            assert [r.code for r in settings.rules] == [r.code for r in own[1].rules]


def _reference_walk(root: str) -> list[str]:
    """The walk before issue 14: os.walk, a stat per file, folders sorted."""
    from soat.lint.files import _skipped_folder, is_walkable_name

    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not _skipped_folder(dirpath, d, set()))
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if is_walkable_name(name) and os.path.isfile(path):
                out.append(path)
    return out


def test_the_walk_finds_what_os_walk_found_in_the_same_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree = Path("site")
    for rel in (
        "b.txt",
        "A.md",
        "a.txt",
        "a/z.html",
        "a/b/c.txt",
        "B/x.htm",
        "node_modules/skip.txt",
        "env/pyvenv.cfg",
        "env/skip.md",
        "notes.rst",
        "~$lock.docx",
        "bai.soat.docx",
        "bai.docx",
    ):
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        (tree / rel).write_bytes(b"x\n")
    os.symlink(os.path.abspath(tree / "a" / "b"), tree / "linked-folder")
    os.symlink(os.path.abspath(tree / "a.txt"), tree / "c-link.txt")
    os.symlink("missing.txt", tree / "broken.txt")
    os.mkfifo(tree / "pipe.txt")
    walked = list(_walk("site"))
    assert [path for path, _ in walked] == _reference_walk("site")
    assert [real for _, real in walked] == [os.path.realpath(path) for path, _ in walked]
    # discover: a link to a file checked under its own name is the same file, reported once;
    # a Word file is not in the default `include`.
    found = [path for path, _ in discover(["site"], resolver_for(CheckOptions(), (), _none))]
    assert found == [p for p in _reference_walk("site") if not p.endswith(("c-link.txt", ".docx"))]
    assert "site/a/b/c.txt" in found and "site/linked-folder/c.txt" not in found


def _none(registry):
    return load_knowledge(registry)


# --- reading ---------------------------------------------------------------------------------


def test_read_bytes_reads_empty_and_large_files_whole(tmp_path):
    empty, large = tmp_path / "empty.txt", tmp_path / "large.txt"
    empty.write_bytes(b"")
    data = os.urandom(300_000)
    large.write_bytes(data)
    assert read_bytes(str(empty), "empty.txt") == b""
    assert read_bytes(str(large), "large.txt") == data


@pytest.mark.parametrize("reported", [0, 1, 99_999, 100_000, 100_001, 200_000])
def test_read_bytes_reads_to_the_end_whatever_size_fstat_reported(tmp_path, monkeypatch, reported):
    """A file that grew or shrank after its fstat (or a /proc file reporting size 0) is
    still read whole: the first read's length decides, not the reported size."""
    data = os.urandom(100_000)
    path = tmp_path / "moving.txt"
    path.write_bytes(data)
    real_fstat = os.fstat

    class Reported:
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, reported

    monkeypatch.setattr(os, "fstat", lambda fd: Reported(real_fstat(fd)))
    assert read_bytes(str(path), "moving.txt") == data


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_read_bytes_does_not_wait_on_a_fifo_or_read_a_folder(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    for name in ("pipe.txt", "."):
        result = read_bytes(str(tmp_path / name), name)
        assert not isinstance(result, bytes)
        assert [d.code for d in result.diagnostics] == ["IO001"]
        assert "Not a regular file" in result.diagnostics[0].message.en


def test_read_bytes_names_the_error_of_a_missing_file(tmp_path):
    result = read_bytes(str(tmp_path / "missing.txt"), "missing.txt")
    assert "No such file or directory" in result.diagnostics[0].message.en


# --- paths and patterns ----------------------------------------------------------------------

_names = st.sampled_from(["a", "b", "ab", ".x", "x.md", "b.txt", "..", "."])


@given(st.lists(_names, min_size=1, max_size=4), st.sampled_from(["/", "/srv", "/srv/a"]))
def test_relative_answers_as_os_path_relpath(parts, root):
    path = "/srv/" + "/".join(parts)
    expected = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
    assert Config(root=root).relative(path) == expected


@given(st.lists(st.lists(_names, min_size=1, max_size=4), min_size=2, max_size=5))
def test_relative_answers_as_os_path_relpath_for_many_files_of_one_configuration(paths):
    config = Config(root="/srv/a")  # most paths lie outside it: relpath, remembered per folder
    for parts in paths:
        path = "/srv/" + "/".join(parts)
        expected = os.path.relpath(os.path.abspath(path), "/srv/a").replace(os.sep, "/")
        assert config.relative(path) == expected


def _reference_matches(rel: str, patterns) -> bool:
    """matches_any before issue 14: fnmatch, one pattern form at a time."""
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern + "/*"):
            return True
        if pattern.startswith("**/") and fnmatch.fnmatch(rel, pattern[3:]):
            return True
        base = pattern[:-3] if pattern.endswith("/**") else pattern
        if rel == base or rel.startswith(base + "/"):
            return True
    return False


_pattern_parts = st.sampled_from(["a", "b", "*", "**", "?", "*.md", "[ab]", "[!a]", "x.txt", ""])
_patterns = st.lists(st.lists(_pattern_parts, min_size=1, max_size=3).map("/".join), max_size=3)
_rels = st.lists(st.sampled_from(["a", "b", "ab", "x.md", "x.txt", "[a]"]), min_size=1).map(
    "/".join
)


@given(_rels, _patterns)
def test_matches_any_answers_as_fnmatch_did(rel, patterns):
    assert matches_any(rel, patterns) == _reference_matches(rel, patterns)


# --- a run served by the result cache -------------------------------------------------------

_CACHED_PROBE = """
import io, sys
from soat.knowledge import load_knowledge
from soat.lint.session import CheckOptions, run_check
from soat.rules import ALL_RULES
out = io.StringIO()
run_check(CheckOptions(paths=(sys.argv[1],), output_format="json"), ALL_RULES, load_knowledge, out)
print(len(out.getvalue()), " ".join(sorted(m for m in sys.modules if m.startswith("soat.rules."))))
"""


def _cached_run(tmp_path: Path) -> tuple[int, set[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", _CACHED_PROBE, "bai.txt"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    size, *modules = proc.stdout.split()
    return int(size), set(modules)


def test_a_run_served_by_the_cache_imports_no_rule_module(tmp_path):
    shutil.copy(EXAMPLE, tmp_path / "bai.txt")
    first_size, first = _cached_run(tmp_path)  # fills the cache
    assert "soat.rules.spelling.invalid_syllable" in first
    second_size, second = _cached_run(tmp_path)
    assert second == set() and second_size == first_size


def test_a_changed_rule_option_is_not_served_from_the_cache(tmp_path):
    from soat.api import check_paths

    article = tmp_path / "bai.txt"
    article.write_text("Công đoàn luôn sẳn sàng, nghành giáo dục.\n", encoding="utf-8")
    config = tmp_path / "soat.toml"
    config.write_text('select = ["SPL"]\n', encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)  # the cache lives in the working folder
    try:
        assert sorted(f.code for f in check_paths([article])) == ["SPL001", "SPL006"]
        config.write_text('select = ["SPL"]\n[rules.SPL001]\nextend-words = ["sẳn"]\n', "utf-8")
        assert sorted(f.code for f in check_paths([article])) == ["SPL001"]  # pooled to SPL006
        assert os.path.isdir(tmp_path / ".soat_cache")
    finally:
        os.chdir(cwd)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_count_is_shown_on_a_terminal_for_long_runs_only():
    from soat.lint.session import PROGRESS_THRESHOLD, _progress

    n = PROGRESS_THRESHOLD * 10
    shown = _Terminal()
    assert list(_progress(range(n), n, shown)) == list(range(n))
    lines = shown.getvalue().split("\r")
    assert lines[0] == "" and len(lines) == 101  # every n // 100 items, then the end
    assert lines[1] == f"soat: 2/{n} (1 %)" and lines[-1] == f"soat: {n}/{n} (100 %)\n"
    short, piped = _Terminal(), io.StringIO()
    assert list(_progress(range(3), 3, short)) == [0, 1, 2] and short.getvalue() == ""
    assert list(_progress(range(n), n, piped)) == list(range(n)) and piped.getvalue() == ""
