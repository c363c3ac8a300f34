"""One `soat check` run: find files, resolve configuration, lint or fix, print, exit status."""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import contextlib
import gc
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from soat.lint.config import Config
from soat.lint.diagnostic import Applicability, Diagnostic, Msg, Severity
from soat.lint.errors import UsageError, did_you_mean, printable
from soat.lint.files import discover
from soat.lint.formats import is_word
from soat.lint.knowledge import KnowledgeLoader
from soat.lint.output import OutputContext, render
from soat.lint.resolve import Overrides, SettingsResolver
from soat.lint.rule import ENGINE_RULES, UNREADABLE_FILE, Rule, is_known_selector
from soat.lint.runner import (
    FileResult,
    Settings,
    check_data,
    check_file,
    check_source,
    read_bytes,
    read_source,
    unreadable,
)

if TYPE_CHECKING:
    from concurrent.futures import Future

    from soat.lint.adoption import Adoption
    from soat.lint.cache import Entry, ResultCache

T = TypeVar("T")

PROGRESS_THRESHOLD = 20
PARALLEL_THRESHOLD = 48  # below this, starting worker processes costs more than it saves
# The collector's first threshold during a run (700 by default). Checking an article makes
# tens of thousands of short-lived objects, almost none of them in cycles: at 700 the
# collector ran ~1,000 times per 600 articles, and each full collection walked the knowledge.
GC_THRESHOLD = 50_000


class CheckOptions(NamedTuple):
    paths: tuple[str, ...] = (".",)
    fix: bool = False
    unsafe: bool = False
    diff: bool = False
    output_format: str = "text"
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    config_path: str | None = None
    fail_on: str | None = None
    exit_zero: bool = False
    quiet: bool = False
    statistics: bool = False
    stdin_filename: str | None = None
    cache: bool = True  # the result cache in .soat_cache/ (`--no-cache` turns it off)
    jobs: int | None = None  # worker processes; None: one per core when there are many files
    baseline: str | None = None
    write_baseline: str | None = None
    diff_base: str | None = None
    annotate: bool = False  # .docx: write the findings as Word comments into NAME.soat.docx


def run_check(
    options: CheckOptions, rules: Sequence[Rule], load_knowledge: KnowledgeLoader, out=None
) -> int:
    out = out or sys.stdout
    rules = tuple(rules)
    for selectors in (options.select, options.extend_select, options.ignore):
        for sel in selectors or ():
            if not is_known_selector(sel, rules):
                names = [r.code for r in (*rules, *ENGINE_RULES)] + [r.name for r in rules]
                raise UsageError(f'unknown rule "{sel}".{did_you_mean(sel, names)}')
    cache = resolver_for(options, rules, load_knowledge)
    adoption = _adoption(options, cache)  # --baseline, --write-baseline, --diff-base
    if options.paths == ("-",):
        return _check_stdin(options, cache, out)

    unreadable_folders: list[tuple[str, OSError]] = []
    files = list(discover(options.paths, cache, unreadable_folders))
    # Configuration errors surface before any work starts.
    configs = [cache.for_file(path)[0] for path, _ in files]
    if adoption is None:  # a configuration's `baseline`
        adoption = _adoption(options, cache, configs)
    if adoption is not None:
        files = adoption.files_to_check(files)
    lang = cache.for_path(files[0][0])[0].lang if files else cache.config_for(".").lang
    if adoption is None and not unreadable_folders and _streamed(options):
        return _report_as_checked(files, options, rules, cache, lang, out)
    results = check_files(files, options, rules, cache, open_cache(options, cache))
    for folder, exc in unreadable_folders:
        results.append(
            unreadable(
                printable(folder),
                Msg(
                    f"Không đọc được thư mục: {exc.strerror}; các tệp trong đó không được kiểm tra",
                    f"Cannot read folder: {exc.strerror}; the files in it were not checked",
                ),
            )
        )
    if adoption is not None:
        written = adoption.finish(results)  # --write-baseline: its exit status
        if written is not None:
            return written
        results = adoption.narrow(results)
    return _report(results, options, rules, lang, out)


def _streamed(options: CheckOptions) -> bool:
    """Whether the report is written while the files are checked: the JSON report, which
    lists the files in the order of their paths and needs nothing of a later file."""
    return options.output_format == "json" and not (options.statistics or options.diff)


def _report_as_checked(
    files: list[tuple[str, str]],
    options: CheckOptions,
    rules: tuple[Rule, ...],
    cache: SettingsResolver,
    lang: str,
    out,
) -> int:
    """Check `files` and write the JSON report as results come: the files are checked in
    the order of their displayed paths, the report's order (the same report `_report`
    writes after a whole run)."""
    from soat.lint.output.json_format import Report

    report = Report(_output_context(rules, lang, out), out)
    broken = failing = False  # what the exit status needs; each result is dropped once written
    ordered = sorted(files, key=lambda file: file[1])
    for result in iter_results(ordered, options, rules, cache, open_cache(options, cache), lang):
        if isinstance(result, Rendered):
            report.add_text(result.findings)
            file_broken, file_failing = result.broken, result.failing
        else:
            report.add(result)
            file_broken, file_failing = _outcome(result)
        broken, failing = broken or file_broken, failing or file_failing
    report.close()
    return _status(broken, failing, options)


def _output_context(rules, lang: str, out) -> OutputContext:
    return OutputContext(
        rules={r.code: r for r in (*rules, *ENGINE_RULES)},
        lang=lang,
        color=out.isatty() if hasattr(out, "isatty") else False,
    )


def _adoption(
    options: CheckOptions, cache: SettingsResolver, configs: Sequence[Config] = ()
) -> "Adoption | None":
    """The run's baseline and --diff-base handling (soat/lint/adoption.py); None, and its
    modules not imported, when neither an option nor one of `configs` asks for it."""
    if not (options.baseline or options.write_baseline or options.diff_base):
        if not any(config.baseline for config in configs):
            return None
    from soat.lint.adoption import Adoption

    return Adoption(options, cache)


@contextlib.contextmanager
def collector_tuned() -> Iterator[None]:
    """Fewer cyclic garbage collections while articles are checked: what exists now (the
    knowledge, rule modules, settings) is frozen out of the collector's walks, and the
    first threshold is raised. The collector runs in this block even where the caller
    turned it off (the command line does while it starts: soat/cli.py). All is put back
    afterwards. Where anything is frozen already, nothing is frozen or unfrozen: a caller
    that froze objects keeps them frozen. (Python 3.12 starts with a few hundred objects
    frozen: there a caller of soat.api checks without the freeze; the command line unfreezes
    them first, soat/cli.py.)"""
    threshold = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0
    enabled = gc.isenabled()
    if freeze:
        gc.freeze()
    gc.set_threshold(max(GC_THRESHOLD, threshold[0]), *threshold[1:])
    gc.enable()
    try:
        yield
    finally:
        if not enabled:
            gc.disable()
        gc.set_threshold(*threshold)
        if freeze:
            gc.unfreeze()


def resolver_for(
    options: CheckOptions, rules: Sequence[Rule], load_knowledge: KnowledgeLoader
) -> SettingsResolver:
    """The settings resolver of a run: `--config`, and the command line's selection."""
    overrides = Overrides(options.select, options.extend_select, options.ignore, options.fail_on)
    return SettingsResolver(rules, load_knowledge, options.config_path, overrides)


class Rendered(NamedTuple):
    """A file's result as the streamed JSON report needs it, made by the worker process
    that checked the file: its findings' text (`json_format.findings_text`) and what the
    exit status needs. Findings cross between processes as text: unpickling the objects of
    55,173 findings (raw/text) cost the parent twice what writing them costs."""

    findings: str
    broken: bool
    failing: bool


def _check_one(
    cache: SettingsResolver,
    options: CheckOptions,
    path: str,
    display: str,
    data: bytes | None = None,
) -> FileResult:
    """Check the file; `data`: its bytes, when the caller has read them (the result cache
    stores the findings of exactly the bytes its key was made of)."""
    config, settings = cache.for_path(path)
    write = options.fix and not options.diff
    if data is not None:
        result = check_data(
            path, display, data, settings, fix=options.fix, unsafe=options.unsafe, write=write
        )
    else:
        result = check_file(
            path,
            display,
            settings,
            fix=options.fix,
            unsafe=options.unsafe,
            write=write,
            annotate=options.annotate and not options.diff,
        )
    return _finish(result, config, path)


def _result(
    cache: SettingsResolver,
    options: CheckOptions,
    store: "ResultCache | None",
    path: str,
    display: str,
    render: str | None = None,
) -> FileResult | Rendered:
    """The file's result: the one the result cache `store` has, else `_check_one`'s, then
    stored. With `render` (a JSON report's language), a cached file whose findings the
    cache holds as that report shows them comes as `Rendered`."""
    found = _cached(store, cache, options, path, display, render) if store is not None else None
    if isinstance(found, (FileResult, Rendered)):
        return found
    if found is None:
        return _check_one(cache, options, path, display)
    key, data = found
    result = _check_one(cache, options, path, display, data)
    if store is not None and _storable(result, options):
        store.put(path, key, result.diagnostics)
    return result


def open_cache(options: CheckOptions, cache: SettingsResolver) -> "ResultCache | None":
    """The result cache of the project: `.soat_cache/` beside the configuration file found
    for the working folder (as Ruff places its own), else in the working folder: with
    `--config`, without a configuration file, when the configuration's folder holds the
    home folder (a user-wide `~/.soat.toml`: not a project) or cannot be written. None when
    off or not writable."""
    if not options.cache:
        return None
    from soat.lint.cache import CACHE_DIR, ResultCache

    here = os.getcwd()
    roots = [here]
    if not options.config_path:
        root = os.path.abspath(cache.config_for(".").root)
        if not _holds_home(root):
            roots.insert(0, root)
    for root in dict.fromkeys(roots):
        store = ResultCache(os.path.join(root, CACHE_DIR))
        if store.enabled:
            return store
    return None


def _holds_home(folder: str) -> bool:
    """Whether `folder` is the user's home folder or a folder above it."""
    home, folder = os.path.realpath(os.path.expanduser("~")), os.path.realpath(folder)
    try:
        return os.path.commonpath([folder, home]) == folder
    except ValueError:  # another drive (Windows)
        return False


def check_files(
    files: list[tuple[str, str]],
    options: CheckOptions,
    rules: tuple[Rule, ...],
    cache: SettingsResolver,
    store: "ResultCache | None",
) -> list[FileResult]:
    """Results in the order of `files`: cached ones from `store`, the others checked (in
    worker processes when there are many) and then stored."""
    results = iter_results(files, options, rules, cache, store)  # no `render`: FileResults
    return [result for result in results if isinstance(result, FileResult)]


def iter_results(
    files: list[tuple[str, str]],
    options: CheckOptions,
    rules: tuple[Rule, ...],
    cache: SettingsResolver,
    store: "ResultCache | None",
    render: str | None = None,
) -> Iterator[FileResult | Rendered]:
    """`check_files` one result at a time: each is yielded as soon as it and every file
    before it are done, so that a report can be written while workers check the rest.

    With `render` (the report's language), a file checked by a worker process comes as
    its `Rendered` JSON findings instead of its FileResult.

    Whoever checks a file first asks the result cache for it (`_result`): with many files,
    the workers, so that a run served by the cache reads it in parallel too. What the run
    adds to the cache is written when it ends (or stops early)."""
    workers = options.jobs if options.jobs is not None else min(os.cpu_count() or 1, 8)
    if store is None:
        # Every file is checked: rule modules imported now are imported once, before the
        # collector freezes what exists and workers fork. With a cache, a process imports
        # a rule module when a file the cache does not have needs it (a run served by the
        # cache imports none).
        _import_rules(cache, files)
    try:
        with collector_tuned():
            if len(files) >= PARALLEL_THRESHOLD and workers > 1:
                yield from _progress(
                    _check_in_parallel(files, options, rules, cache, store, render, workers),
                    len(files),
                )
            else:
                for path, display in _progress(files, len(files)):
                    yield _result(cache, options, store, path, display)
    finally:
        if store is not None:
            store.flush()


def _import_rules(cache: SettingsResolver, todo: list[tuple[str, str]]) -> None:
    """Import the rule modules the files to check need."""
    loaded: list[Settings] = []
    for path, _ in todo:
        settings = cache.for_path(path)[1]
        if not any(settings is seen for seen in loaded):
            loaded.append(settings)
            for rule in settings.rules:
                rule.check  # noqa: B018 (a RuleRef imports its module when read)


def _cached(
    store: "ResultCache",
    cache: SettingsResolver,
    options: CheckOptions,
    path: str,
    display: str,
    render: str | None = None,
) -> FileResult | Rendered | tuple[str, bytes] | None:
    """The cached result of a file (with `render`, as a JSON report shows it when the
    cache holds that text: nothing is decoded or unpickled), else its cache key and the
    bytes the key was made of (None: the file cannot be cached: a Word document, which its
    own reader checks, an --annotate run, which writes, or a file that cannot be read)."""
    if is_word(path) or options.annotate:
        return None
    data = read_bytes(path, display)
    if isinstance(data, FileResult):
        return None
    config, settings = cache.for_path(path)
    if settings.stamp is None:
        return None
    fmt = os.path.splitext(display)[1].lower()
    key = store.key(data, display, fmt, settings.stamp)
    if render is not None and not options.fix:
        shown = store.shown(path, key, settings.lang or render, config.rule_docs_url)
        if shown is not None:
            text, worst = shown
            return Rendered(text, False, worst >= Severity.parse(config.fail_on))
    found = store.get(path, key)
    if found is None:
        return key, data
    if options.fix and any(_applies(d, options.unsafe) for d in found):
        return key, data  # --fix would change the file: check it for real
    decoded = read_source(display, data)
    if isinstance(decoded, FileResult):
        return None
    source, encoding = decoded
    result = FileResult(display, source, found, encoding=encoding, lang=settings.lang)
    return _finish(result, config, path)


def _applies(diag: Diagnostic, unsafe: bool) -> bool:
    if diag.fix is None:
        return False
    kind = diag.fix.applicability
    return kind == Applicability.SAFE or (unsafe and kind == Applicability.UNSAFE)


def _storable(result: FileResult, options: CheckOptions) -> bool:
    """Findings worth keeping: the file was read, no rule broke, --fix changed nothing."""
    if result.source is None or result.internal_error:
        return False
    if any(d.code == UNREADABLE_FILE.code for d in result.diagnostics):
        return False
    return not options.fix or (result.fixed_source is None and result.fixes_applied == 0)


def _finish(result: FileResult, config: Config, path: str) -> FileResult:
    """Stamp the file's own threshold; drop IO001 where the configuration ignores it."""
    result.fail_on = config.fail_on
    result.rule_docs_url = config.rule_docs_url
    if not any(r.code == UNREADABLE_FILE.code for r in config.enabled_rules(ENGINE_RULES, path)):
        result.diagnostics = [d for d in result.diagnostics if d.code != UNREADABLE_FILE.code]
    return result


def _check_stdin(options: CheckOptions, cache: SettingsResolver, out) -> int:
    name = options.stdin_filename or "-"
    path = options.stdin_filename or os.path.join(os.getcwd(), "-")
    config, settings = cache.for_path(path)
    data = sys.stdin.buffer.read()
    if options.stdin_filename and config.is_excluded(path):  # as a named file: not checked
        if options.fix and not options.diff:  # the caller expects the text back, untouched
            _write_bytes(out, data)
            return _status(False, False, options)
        return _report([], options, cache.rules, config.lang, out)
    decoded = read_source(name, data, settings.rules)
    if is_word(name):  # a Word document is read from a file, which --annotate writes beside
        decoded = unreadable(
            name,
            Msg(
                "Tệp .docx không đọc được từ đầu vào chuẩn; hãy đưa đường dẫn của tệp",
                "A .docx cannot be read from standard input; give the file's path",
            ),
        )
    if isinstance(decoded, FileResult):
        result = _finish(decoded, config, path)
        if options.fix and not options.diff:  # the caller expects the text back, untouched
            _write_bytes(out, data)
            _report(
                [result],
                options._replace(quiet=True),
                cache.rules,
                config.lang,
                sys.stderr,
                findings_only=True,
            )
            return _exit_status([result], options)
    else:
        source, encoding = decoded
        result = _finish(
            check_source(name, source, settings, fix=options.fix, unsafe=options.unsafe),
            config,
            path,
        )
        if options.fix and not options.diff:  # like ruff: the fixed text goes to standard output
            _write_bytes(out, encoding.encode(result.final_source))
            if not options.quiet:
                _report([result], options, cache.rules, config.lang, sys.stderr, findings_only=True)
            return _exit_status([result], options)
    return _report([result], options, cache.rules, config.lang, out)


def _write_bytes(out, data: bytes) -> None:
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write(data)
        buffer.flush()
    else:  # a text stream in tests
        out.write(data.decode("utf-8", errors="replace"))


def _report(
    results: list[FileResult],
    options: CheckOptions,
    rules,
    lang: str,
    out,
    findings_only: bool = False,
) -> int:
    context = _output_context(rules, lang, out)
    if options.diff:
        from soat.lint.reports import unified_diff

        text = unified_diff(results)
        out.write(text)
        broken = [r for r in results if r.internal_error or r.source is None]
        if broken:  # the diff cannot show why a file was left alone: say it on stderr
            sys.stderr.write(render("text", broken, context))
        if any(r.internal_error for r in results):
            return 2
        return 1 if text else 0
    if options.statistics and not findings_only:
        from soat.lint.reports import statistics_table

        out.write(statistics_table(results, lang))
    elif options.output_format == "text" or findings_only:
        out.write(render("text", results, context))
        if not options.quiet:
            from soat.lint.output.text_format import summary

            out.write(summary(results, context) + "\n")
    elif options.output_format == "json":  # streamed: a whole archive's report is large
        from soat.lint.output.json_format import write

        write(results, context, out)
    else:
        out.write(render(options.output_format, results, context))
    return _exit_status(results, options)


# --- parallel checking --------------------------------------------------------------------

_worker: dict = {}


def _init_worker(
    options: CheckOptions,
    rules: tuple[Rule, ...],
    load_knowledge: KnowledgeLoader,
    store: "ResultCache | None",
    render: str | None,
) -> None:
    """A spawned worker: it builds its own resolver and loads the knowledge."""
    _init_forked(options, resolver_for(options, rules, load_knowledge), store, render)


def _init_forked(
    options: CheckOptions, cache: SettingsResolver, store: "ResultCache | None", render: str | None
) -> None:
    """A forked worker: it inherits the parent's resolver, with the knowledge, the rule
    modules and the files' Settings already loaded (nothing is pickled). It hands what it
    adds to the result cache `store` to the parent, which writes it, and with `render`
    returns `Rendered`s."""
    if store is not None:
        store.hold = True  # this process's copy: the parent writes what it hands over
    _worker.update(cache=cache, options=options, store=store, render=render)


def _check_in_worker(
    items: list[tuple[str, str]],
) -> "tuple[Sequence[FileResult | Rendered], dict[str, Entry]]":
    """The results of `items`, and the result cache's new entries for the parent to write."""
    cache, options, store, lang = (_worker[k] for k in ("cache", "options", "store", "render"))
    if lang is None:
        results = [_result(cache, options, store, path, display) for path, display in items]
        return results, store.take_new() if store is not None else {}
    from soat.lint.output.json_format import findings_text

    rendered: list[FileResult | Rendered] = []
    for path, display in items:
        result = _result(cache, options, store, path, display, lang)
        if isinstance(result, Rendered):  # served by the cache as the report shows it
            rendered.append(result)
            continue
        text = findings_text(result, lang)
        if store is not None:
            worst = max((int(d.level) for d in result.diagnostics), default=-1)
            store.show(path, (result.lang or lang, result.rule_docs_url, text, worst))
        rendered.append(Rendered(text, *_outcome(result)))
    return rendered, store.take_new() if store is not None else {}


def chunks(files: list[T], workers: int) -> Iterator[list[T]]:
    """`files` in chunks of decreasing size (guided scheduling): a quarter of each worker's
    share of what is left, at most 64 files, so that few messages go between processes while
    much is left, and at the end no worker waits long for the others' last chunk."""
    start = 0
    while start < len(files):
        size = max(1, min(64, (len(files) - start) // (workers * 4)))
        yield files[start : start + size]
        start += size


def _fork_context():
    """The fork start method where it is safe and cheap (Linux, no other thread running);
    None: the platform's default (spawn), whose workers import soat again."""
    import multiprocessing
    import threading

    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return None
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


def _check_in_parallel(
    files: list[tuple[str, str]],
    options: CheckOptions,
    rules: tuple[Rule, ...],
    cache: SettingsResolver,
    store: "ResultCache | None",
    render: str | None,
    workers: int,
) -> Iterator[FileResult | Rendered]:
    from concurrent.futures import ProcessPoolExecutor

    context = _fork_context()
    setup: dict[str, Any]
    if context is not None:
        setup = {"initializer": _init_forked, "initargs": (options, cache, store, render)}
    else:
        loader = cache.load_knowledge
        setup = {"initializer": _init_worker, "initargs": (options, rules, loader, store, render)}
    with ProcessPoolExecutor(workers, mp_context=context, **setup) as pool:
        futures = deque(pool.submit(_check_in_worker, chunk) for chunk in chunks(files, workers))
        try:
            yield from _in_order(futures, store)
        finally:  # the consumer stopped early: what has not started is not started
            for future in futures:
                future.cancel()


def _in_order(
    futures: "deque[Future]", store: "ResultCache | None"
) -> Iterator[FileResult | Rendered]:
    """The results of each chunk's future in turn, each future let go once read (a run
    keeps no more results than are waiting for an earlier chunk); the chunk's new cache
    entries go to `store`."""
    while futures:
        results, new = futures.popleft().result()
        if store is not None:
            store.add(new)
        yield from results


def _progress(iterable, length: int, stream=None):
    """A count of the files done, on stderr, for long runs on a terminal; silent otherwise.
    The line is rewritten in place about a hundred times, and ended when the run ends."""
    stream = stream or sys.stderr
    if length < PROGRESS_THRESHOLD or not stream.isatty():
        yield from iterable
        return
    step = max(1, length // 100)
    done = 0
    try:
        for item in iterable:
            yield item
            done += 1
            if done % step == 0 or done == length:
                stream.write(f"\rsoat: {done}/{length} ({done * 100 // length} %)")
                stream.flush()
    finally:
        stream.write("\n")
        stream.flush()


def _exit_status(results: Iterable[FileResult], options: CheckOptions) -> int:
    """2 on an internal error; else 1 when a finding reaches its own file's fail-on."""
    outcomes = [_outcome(r) for r in results]
    return _status(any(b for b, _ in outcomes), any(f for _, f in outcomes), options)


def _outcome(result: FileResult) -> tuple[bool, bool]:
    """(a rule or reader broke, a finding reaches the file's fail-on)."""
    if result.internal_error:
        return True, False
    threshold = Severity.parse(result.fail_on)
    return False, any(d.level >= threshold for d in result.diagnostics)


def _status(broken: bool, failing: bool, options: CheckOptions) -> int:
    if broken:
        return 2
    if options.exit_zero:
        return 0
    return 1 if failing else 0
