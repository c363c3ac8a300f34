"""One `soat check` run: find files, resolve configuration, lint or fix, print, exit status."""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from soat.lint.adoption import Adoption
from soat.lint.cache import CACHE_DIR, ResultCache
from soat.lint.config import Config, ConfigResolver
from soat.lint.diagnostic import Applicability, Diagnostic, Msg, Severity
from soat.lint.errors import UsageError, did_you_mean, printable
from soat.lint.formats import ANNOTATED_SUFFIX, FORMATS_BY_EXTENSION, WORD_EXTENSIONS, is_word
from soat.lint.knowledge import Knowledge, load_knowledge
from soat.lint.output import OutputContext, render
from soat.lint.rule import ENGINE_RULES, UNREADABLE_FILE, Rule, is_known_selector
from soat.lint.runner import (
    FileResult,
    Settings,
    check_file,
    check_source,
    read_bytes,
    read_source,
    unreadable,
)

SKIPPED_DIRS = {
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    ".venv",
    "venv",
    "__pycache__",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "site-packages",
}
PROGRESS_THRESHOLD = 20
PARALLEL_THRESHOLD = 48  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class CheckOptions:
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


def run_check(options: CheckOptions, rules: Sequence[Rule], out=None) -> int:
    out = out or sys.stdout
    rules = tuple(rules)
    for selectors in (options.select, options.extend_select, options.ignore):
        for sel in selectors or ():
            if not is_known_selector(sel, rules):
                names = [r.code for r in (*rules, *ENGINE_RULES)] + [r.name for r in rules]
                raise UsageError(f'unknown rule "{sel}".{did_you_mean(sel, names)}')
    cache = SettingsCache(rules, options)
    adoption = Adoption(options, cache)  # baseline and --diff-base (soat/lint/adoption.py)
    if options.paths == ("-",):
        return _check_stdin(options, cache, out)

    unreadable_folders: list[tuple[str, OSError]] = []
    files = list(discover(options.paths, cache.resolver, unreadable_folders))
    for path, _ in files:  # configuration errors surface before any work starts
        cache.for_path(path)
    files = adoption.files_to_check(files)
    results = check_files(files, options, rules, cache, open_cache(options))
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
    written = adoption.finish(results)  # --write-baseline: its exit status
    if written is not None:
        return written
    results = adoption.narrow(results)
    lang = cache.for_path(files[0][0])[0].lang if files else cache.config_for(".").lang
    return _report(results, options, rules, lang, out)


class SettingsCache:
    """Configuration and Settings per file, shared by files that are checked alike."""

    def __init__(self, rules: tuple[Rule, ...], options: CheckOptions) -> None:
        self.rules = rules
        self.options = options
        self.resolver = ConfigResolver(rules, options.config_path)
        self._configs: dict[int, Config] = {}
        self._knowledge: dict[tuple[str, ...], Knowledge] = {}
        self._settings: dict[tuple, Settings] = {}

    def config_for(self, path: str) -> Config:
        base = self.resolver.for_path(path)
        config = self._configs.get(id(base))
        if config is None:
            config = self._configs[id(base)] = _apply_cli(base, self.options)
        return config

    def for_path(self, path: str) -> tuple[Config, Settings]:
        config = self.config_for(path)
        enabled = config.enabled_rules(self.rules, path)  # per-file-ignores may narrow it
        key = (id(config), tuple(r.code for r in enabled))
        settings = self._settings.get(key)
        if settings is None:
            knowledge = self._knowledge.get(config.registry)
            if knowledge is None:
                knowledge = self._knowledge[config.registry] = load_knowledge(config.registry)
            settings = Settings.from_config(config, self.rules, path, knowledge=knowledge)
            self._settings[key] = settings
        return config, settings


def _check_one(cache: SettingsCache, path: str, display: str) -> FileResult:
    config, settings = cache.for_path(path)
    options = cache.options
    result = check_file(
        path,
        display,
        settings,
        fix=options.fix,
        unsafe=options.unsafe,
        write=options.fix and not options.diff,
        annotate=options.annotate and not options.diff,
    )
    return _finish(result, config, path)


def open_cache(options: CheckOptions) -> ResultCache | None:
    """The result cache of the working folder; None when off or not writable."""
    if not options.cache:
        return None
    store = ResultCache(CACHE_DIR)
    return store if store.enabled else None


def check_files(
    files: list[tuple[str, str]],
    options: CheckOptions,
    rules: tuple[Rule, ...],
    cache: SettingsCache,
    store: ResultCache | None,
) -> list[FileResult]:
    """Results in the order of `files`: cached ones from `store`, the others checked (in
    worker processes when there are many) and then stored."""
    results: list[FileResult | None] = [None] * len(files)
    pending: list[tuple[int, str, str, str | None]] = []  # (index, path, display, cache key)
    for i, (path, display) in enumerate(files):
        found = _cached(store, cache, path, display) if store is not None else None
        if isinstance(found, FileResult):
            results[i] = found
        else:
            pending.append((i, path, display, found))
    todo = [(path, display) for _, path, display, _ in pending]
    workers = options.jobs if options.jobs is not None else min(os.cpu_count() or 1, 8)
    if len(todo) >= PARALLEL_THRESHOLD and workers > 1:
        done = _check_in_parallel(todo, options, rules, workers)
    else:
        done = [_check_one(cache, path, display) for path, display in _progress(todo, len(todo))]
    for (i, _, _, key), result in zip(pending, done, strict=True):
        results[i] = result
        if store is not None and key is not None and _storable(result, options):
            store.put(key, result.diagnostics)
    return [r for r in results if r is not None]


def _cached(
    store: ResultCache, cache: SettingsCache, path: str, display: str
) -> FileResult | str | None:
    """The cached result of a file, else its cache key (None: the file cannot be cached:
    a Word document, which its own reader checks, or an --annotate run, which writes)."""
    if is_word(path) or cache.options.annotate:
        return None
    data = read_bytes(path, display)
    if isinstance(data, FileResult):
        return None
    config, settings = cache.for_path(path)
    if settings.stamp is None:
        return None
    fmt = os.path.splitext(display)[1].lower()
    key = store.key(data, display, fmt, settings.stamp)
    found = store.get(key)
    if found is None:
        return key
    options = cache.options
    if options.fix and any(_applies(d, options.unsafe) for d in found):
        return key  # --fix would change the file: check it for real
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


def _check_stdin(options: CheckOptions, cache: SettingsCache, out) -> int:
    name = options.stdin_filename or "-"
    path = options.stdin_filename or os.path.join(os.getcwd(), "-")
    config, settings = cache.for_path(path)
    data = sys.stdin.buffer.read()
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
                dataclasses.replace(options, quiet=True),
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
    context = OutputContext(
        rules={r.code: r for r in (*rules, *ENGINE_RULES)},
        lang=lang,
        color=out.isatty() if hasattr(out, "isatty") else False,
    )
    if options.diff:
        text = unified_diff(results)
        out.write(text)
        broken = [r for r in results if r.internal_error or r.source is None]
        if broken:  # the diff cannot show why a file was left alone: say it on stderr
            sys.stderr.write(render("text", broken, context))
        if any(r.internal_error for r in results):
            return 2
        return 1 if text else 0
    if options.statistics and not findings_only:
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


def _init_worker(options: CheckOptions, rules: tuple[Rule, ...]) -> None:
    _worker["cache"] = SettingsCache(rules, options)


def _check_in_worker(item: tuple[str, str]) -> FileResult:
    return _check_one(_worker["cache"], *item)


def _check_in_parallel(files, options: CheckOptions, rules, workers: int) -> list[FileResult]:
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(32, len(files) // (workers * 4)))
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(options, rules)) as pool:
        return list(_progress(pool.map(_check_in_worker, files, chunksize=chunk), len(files)))


def _progress(iterable, length: int):
    """A progress bar on stderr for long runs on a terminal; silent otherwise."""
    if length >= PROGRESS_THRESHOLD and sys.stderr.isatty():
        import click

        with click.progressbar(iterable, length=length, file=sys.stderr, label="soat") as bar:
            yield from bar
    else:
        yield from iterable


def _apply_cli(config: Config, options: CheckOptions) -> Config:
    changes: dict[str, Any] = {}
    if options.select is not None:
        changes["select"] = options.select
    if options.extend_select:
        changes["extend_select"] = (*config.extend_select, *options.extend_select)
    if options.ignore:
        changes["ignore"] = (*config.ignore, *options.ignore)
    if options.fail_on:
        changes["fail_on"] = options.fail_on
    return dataclasses.replace(config, **changes) if changes else config


def _exit_status(results: list[FileResult], options: CheckOptions) -> int:
    """2 on an internal error; else 1 when a finding reaches its own file's fail-on."""
    if any(r.internal_error for r in results):
        return 2
    if options.exit_zero:
        return 0
    failing = any(d.level >= Severity.parse(r.fail_on) for r in results for d in r.diagnostics)
    return 1 if failing else 0


# --- finding files ------------------------------------------------------------------------


def discover(
    paths: Sequence[str],
    resolver: ConfigResolver,
    unreadable_folders: list[tuple[str, OSError]] | None = None,
) -> Iterator[tuple[str, str]]:
    """(path, display name) of every file to check, in a stable order, each file once.

    A file named on the command line is shown as given; a file found by walking a folder
    as the folder joined with its path below it, without a leading "./". A path named on
    the command line that is neither a folder nor a regular file (a FIFO, a device) is
    yielded too, so that checking it reports IO001; a walk skips such files (opening a FIFO
    would wait forever). Folders the walk cannot read go to `unreadable_folders`.
    """
    seen: set[str] = set()
    for given in paths:
        if not os.path.exists(given):
            raise UsageError(f"no such file or directory: {given}")
        if not os.path.isdir(given):
            candidates = [(given, given)]
        else:
            candidates = []
            for path in _walk(given, unreadable_folders):
                if resolver.for_path(path).is_included(path):
                    display = os.path.normpath(os.path.join(given, os.path.relpath(path, given)))
                    candidates.append((path, display))
        for path, display in candidates:
            real = os.path.realpath(path)
            if real in seen or resolver.for_path(path).is_excluded(path):
                continue
            seen.add(real)
            yield path, printable(display)


def _walk(root: str, unreadable_folders: list | None = None) -> Iterator[str]:
    ignored = _git_ignored(root)

    def failed(exc: OSError) -> None:
        if unreadable_folders is not None and exc.filename:
            unreadable_folders.append((os.path.normpath(exc.filename), exc))

    for dirpath, dirnames, filenames in os.walk(root, onerror=failed):
        dirnames[:] = sorted(
            d
            for d in dirnames
            if d not in SKIPPED_DIRS
            and not os.path.exists(os.path.join(dirpath, d, "pyvenv.cfg"))
            and os.path.normpath(os.path.join(dirpath, d)) not in ignored
        )
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            ext = os.path.splitext(name)[1].lower()
            if ext not in FORMATS_BY_EXTENSION and ext not in WORD_EXTENSIONS:
                continue
            if name.lower().endswith(ANNOTATED_SUFFIX) or name.startswith("~$"):
                continue  # soat's own annotated copies; Word's lock files
            if os.path.normpath(path) in ignored or not _is_regular(path):
                continue
            yield path


def _is_regular(path: str) -> bool:
    """A regular file, or a link to one (not a FIFO, socket, device or broken link)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _git_ignored(root: str) -> set[str]:
    """Paths under `root` that git ignores (empty when git or a repository is missing)."""
    import subprocess

    try:
        # -z: names unquoted and NUL-separated (git quotes non-ASCII names otherwise).
        proc = subprocess.run(
            ["git", "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"],
            cwd=root,
            capture_output=True,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if proc.returncode != 0:
        return set()
    return {
        os.path.normpath(os.path.join(root, os.fsdecode(name).rstrip("/")))
        for name in proc.stdout.split(b"\0")
        if name
    }


# --- diff and statistics ------------------------------------------------------------------


def unified_diff(results: list[FileResult]) -> str:
    import difflib

    chunks = []
    for r in results:
        if r.fixed_source is None or r.source is None:
            continue
        for line in difflib.unified_diff(
            _lines(r.source),
            _lines(r.fixed_source),
            fromfile=f"a/{r.path.lstrip('/')}",
            tofile=f"b/{r.path.lstrip('/')}",
        ):
            if line.endswith("\r"):  # a CR-only line: end it for display, as diff(1) cannot
                line += "\n"
            chunks.append(
                line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            )
    return "".join(chunks)


def _lines(text: str) -> list[str]:
    """Lines with their endings; only CR, LF and CRLF end a line (not U+2028 or form feed)."""
    return [m.group() for m in _LINE_RE.finditer(text) if m.group()]


_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def statistics_table(results: list[FileResult], lang: str) -> str:
    counts: dict[tuple[str, str], list[int]] = {}
    for r in results:
        for d in r.diagnostics:
            row = counts.setdefault((d.code, d.name), [0, 0])
            row[0] += 1
            if d.fix is not None and d.fix.applicability.value == "safe":
                row[1] += 1
    lines = []
    for (code, name), (n, fixable) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0])):
        lines.append(
            f"{n:>6}  {code:<7} {'[*]' if fixable else '   '} {name}"
            + (
                f" ({fixable} fixable)"
                if fixable and lang == "en"
                else f" ({fixable} sửa được)"
                if fixable
                else ""
            )
        )
    return "\n".join(lines) + ("\n" if lines else "")
