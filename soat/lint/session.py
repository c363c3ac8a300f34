"""One `soat check` run: find files, resolve configuration, lint or fix, print, exit status."""

from __future__ import annotations

import dataclasses
import difflib
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from soat.lint.config import Config, ConfigResolver
from soat.lint.diagnostic import Severity
from soat.lint.errors import UsageError
from soat.lint.formats import FORMATS_BY_EXTENSION
from soat.lint.output import OutputContext, render
from soat.lint.rule import ENGINE_RULES, Rule, is_known_selector
from soat.lint.runner import FileResult, Settings, check_file, check_source, read_source

SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__",
                ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages"}
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


def run_check(options: CheckOptions, rules: Sequence[Rule], out=None) -> int:
    out = out or sys.stdout
    rules = tuple(rules)
    for selectors in (options.select, options.extend_select, options.ignore):
        for sel in selectors or ():
            if not is_known_selector(sel, rules):
                from soat.lint.errors import did_you_mean

                raise UsageError(f'unknown rule "{sel}".'
                                 f'{did_you_mean(sel, [r.code for r in rules] + [r.name for r in rules])}')
    resolver = ConfigResolver(rules, options.config_path)
    settings_cache: dict[int, tuple[Config, Settings]] = {}

    def settings_for(path: str) -> tuple[Config, Settings]:
        config = _apply_cli(resolver.for_path(path), options)
        per_file = bool(config.per_file_ignores)
        key = (id(resolver.for_path(path)), path if per_file else None)
        cached = settings_cache.get(key)
        if cached is None:
            cached = (config, Settings.from_config(config, rules, path))
            settings_cache[key] = cached
        return cached

    results: list[FileResult] = []
    lang = "vi"
    write = options.fix and not options.diff
    if options.paths == ("-",):
        name = options.stdin_filename or "-"
        config, settings = settings_for(options.stdin_filename or os.path.join(os.getcwd(), "-"))
        lang = config.lang
        decoded = read_source(name, sys.stdin.buffer.read())
        if isinstance(decoded, FileResult):
            results.append(decoded)
        else:
            source, _ = decoded
            results.append(check_source(name, source, settings, fix=options.fix,
                                        unsafe=options.unsafe, fmt=None))
            if write:  # like ruff: the fixed text goes to standard output
                out.write(results[-1].final_source)
                return _exit_status(results, options, config)
    else:
        files = list(discover(options.paths, resolver, options))
        for path, _ in files:  # configuration errors surface before any work starts
            settings_for(path)
        if len(files) >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1:
            results = _check_in_parallel(files, options, rules)
        else:
            for path, display in _progress(files):
                _, settings = settings_for(path)
                results.append(check_file(path, display, settings, fix=options.fix,
                                          unsafe=options.unsafe, write=write))
        config = settings_for(files[0][0])[0] if files else _apply_cli(resolver.for_path("."), options)
        lang = config.lang

    context = OutputContext(rules={r.code: r for r in (*rules, *ENGINE_RULES)}, lang=lang,
                            color=out.isatty() if hasattr(out, "isatty") else False,
                            fix_mode=options.fix)
    if options.diff:
        text = unified_diff(results)
        out.write(text)
        if any(r.internal_error for r in results):
            return 2
        return 1 if text else 0
    if options.statistics:
        out.write(statistics_table(results, lang))
    elif options.output_format == "text":
        out.write(render("text", results, context))
        if not options.quiet:
            from soat.lint.output.text_format import summary

            out.write(summary(results, context) + "\n")
    else:
        out.write(render(options.output_format, results, context))
    return _exit_status(results, options, config)


# --- parallel checking --------------------------------------------------------------------

_worker: dict = {}


def _init_worker(options: CheckOptions, rules: tuple[Rule, ...]) -> None:
    _worker["options"] = options
    _worker["rules"] = rules
    _worker["resolver"] = ConfigResolver(rules, options.config_path)
    _worker["settings"] = {}


def _check_in_worker(item: tuple[str, str]) -> FileResult:
    path, display = item
    options, resolver = _worker["options"], _worker["resolver"]
    config = _apply_cli(resolver.for_path(path), options)
    key = (id(resolver.for_path(path)), path if config.per_file_ignores else None)
    settings = _worker["settings"].get(key)
    if settings is None:
        settings = _worker["settings"][key] = Settings.from_config(config, _worker["rules"], path)
    return check_file(path, display, settings, fix=options.fix, unsafe=options.unsafe,
                      write=options.fix and not options.diff)


def _check_in_parallel(files, options: CheckOptions, rules) -> list[FileResult]:
    from concurrent.futures import ProcessPoolExecutor

    workers = min(os.cpu_count() or 1, 8)
    chunk = max(1, min(32, len(files) // (workers * 4)))
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(options, rules)) as pool:
        return list(_progress_iter(pool.map(_check_in_worker, files, chunksize=chunk), len(files)))


def _progress_iter(iterable, length: int):
    if length >= PROGRESS_THRESHOLD and sys.stderr.isatty():
        import click

        with click.progressbar(iterable, length=length, file=sys.stderr, label="soat") as bar:
            yield from bar
    else:
        yield from iterable


def _apply_cli(config: Config, options: CheckOptions) -> Config:
    changes = {}
    if options.select is not None:
        changes["select"] = options.select
    if options.extend_select:
        changes["extend_select"] = (*config.extend_select, *options.extend_select)
    if options.ignore:
        changes["ignore"] = (*config.ignore, *options.ignore)
    if options.fail_on:
        changes["fail_on"] = options.fail_on
    return dataclasses.replace(config, **changes) if changes else config


def _exit_status(results: list[FileResult], options: CheckOptions, config: Config) -> int:
    if any(r.internal_error for r in results):
        return 2
    if options.exit_zero:
        return 0
    threshold = Severity.parse(options.fail_on or config.fail_on)
    failing = any(d.severity >= threshold for r in results for d in r.diagnostics)
    return 1 if failing else 0


def _progress(files: list[tuple[str, str]]):
    if len(files) >= PROGRESS_THRESHOLD and sys.stderr.isatty():
        import click

        with click.progressbar(files, file=sys.stderr, label="soat") as bar:
            yield from bar
    else:
        yield from files


# --- finding files ------------------------------------------------------------------------

def discover(paths: Sequence[str], resolver: ConfigResolver, options: CheckOptions
             ) -> Iterator[tuple[str, str]]:
    """(path, display name) of every file to check, in a stable order, without repeats."""
    seen = set()
    for given in paths:
        if not os.path.exists(given):
            raise UsageError(f"no such file or directory: {given}")
        if os.path.isfile(given):
            config = resolver.for_path(given)
            if not config.is_excluded(given) and given not in seen:
                seen.add(given)
                yield given, given
            continue
        for path in _walk(given):
            config = resolver.for_path(path)
            if config.is_excluded(path) or not config.is_included(path):
                continue
            display = os.path.relpath(path, given) if given != "." else os.path.relpath(path)
            if given not in (".", "./"):
                display = os.path.join(given, os.path.relpath(path, given))
            display = display[2:] if display.startswith("./") else display
            if path not in seen:
                seen.add(path)
                yield path, display


def _walk(root: str) -> Iterator[str]:
    ignored = _git_ignored(root)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(
            d for d in dirnames
            if d not in SKIPPED_DIRS
            and not os.path.exists(os.path.join(dirpath, d, "pyvenv.cfg"))
            and os.path.normpath(os.path.join(dirpath, d)) not in ignored
        )
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if os.path.splitext(name)[1].lower() not in FORMATS_BY_EXTENSION:
                continue
            if os.path.normpath(path) in ignored:
                continue
            yield path


def _git_ignored(root: str) -> set[str]:
    """Paths under `root` that git ignores (empty when git or a repository is missing)."""
    try:
        proc = subprocess.run(
            ["git", "ls-files", "--others", "--ignored", "--exclude-standard", "--directory"],
            cwd=root, capture_output=True, text=True, timeout=20,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if proc.returncode != 0:
        return set()
    return {os.path.normpath(os.path.join(root, line.rstrip("/"))) for line in proc.stdout.splitlines() if line}


# --- diff and statistics ------------------------------------------------------------------

def unified_diff(results: list[FileResult]) -> str:
    chunks = []
    for r in results:
        if r.fixed_source is None or r.source is None:
            continue
        for line in difflib.unified_diff(
                r.source.splitlines(keepends=True), r.fixed_source.splitlines(keepends=True),
                fromfile=f"a/{r.path}", tofile=f"b/{r.path}"):
            chunks.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(chunks)


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
        lines.append(f"{n:>6}  {code:<7} {'[*]' if fixable else '   '} {name}"
                     + (f" ({fixable} fixable)" if fixable and lang == "en" else
                        f" ({fixable} sửa được)" if fixable else ""))
    return "\n".join(lines) + ("\n" if lines else "")
