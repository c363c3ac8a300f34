"""Adopting soat on a site with years of articles: `--baseline`, `--write-baseline`,
`--diff-base` and the configuration's `baseline`, applied around one `soat check` run.

    adoption = Adoption(options, cache)      # checks the options; resolves --diff-base first
    files = adoption.files_to_check(files)   # --diff-base: only files with changed lines
    …check the files…
    status = adoption.finish(results)        # --write-baseline: write, and the exit status
    results = adoption.narrow(results)       # else: leave out known findings and old lines

The baseline filter runs before the changed-lines one: occurrence numbers in fingerprints
count all of a file's findings.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from soat.lint import ui
from soat.lint.errors import UsageError
from soat.lint.rule import ENGINE_RULES, INTERNAL_ERROR
from soat.lint.runner import FileResult

if TYPE_CHECKING:
    from soat.lint.changed_lines import ChangedLines
    from soat.lint.resolve import SettingsResolver
    from soat.lint.session import CheckOptions


class Adoption:
    def __init__(self, options: CheckOptions, cache: SettingsResolver, err=None) -> None:
        self.options = options
        self.cache = cache
        self.err = err or sys.stderr
        self._paths: dict[str, str] = {}  # display name → path on disk
        self.changed: ChangedLines | None = None
        stdin = options.paths == ("-",)
        given = [
            flag
            for flag, value in (
                ("--baseline", options.baseline),
                ("--write-baseline", options.write_baseline),
                ("--diff-base", options.diff_base),
            )
            if value
        ]
        if stdin and given:
            raise UsageError(f"{given[0]} needs files or folders, not standard input")
        if options.write_baseline and (options.diff_base or options.diff):
            other = "--diff-base" if options.diff_base else "--diff"
            raise UsageError(f"--write-baseline records every finding: drop {other}")
        # Files are read before any article is checked: a bad one stops the run at once.
        self._entries: dict[str, list] = {}
        if options.baseline:
            self._entries[options.baseline] = _read_baseline(options.baseline)
        if options.write_baseline:
            target = options.write_baseline
            if os.path.isdir(target):
                raise UsageError(f"--write-baseline: {target} is a folder")
            if not os.path.isdir(os.path.dirname(os.path.abspath(target))):
                raise UsageError(f"--write-baseline: the folder of {target} does not exist")
            exists = os.path.exists(target) and os.path.getsize(target) > 0
            self._entries[target] = _read_baseline(target) if exists else []
        if options.diff_base:
            from soat.lint.changed_lines import changed_lines

            self.changed = changed_lines(options.diff_base)

    @property
    def lang(self) -> str:
        return self.cache.config_for(".").lang

    # --- before checking ---------------------------------------------------------------

    def files_to_check(self, files: list[tuple[str, str]]) -> list[tuple[str, str]]:
        self._paths = {display: path for path, display in files}
        if self.changed is None:
            return files
        changed = self.changed
        return [(path, display) for path, display in files if changed.has_changes(path)]

    # --- after checking ----------------------------------------------------------------

    def finish(self, results: list[FileResult]) -> int | None:
        """With --write-baseline: write it and return the exit status; else None."""
        if not self.options.write_baseline:
            return None
        from soat.lint import baseline

        target = self.options.write_baseline
        folder = os.path.dirname(os.path.abspath(target))
        old = self._entries[target]  # read (and validated: never overwrite a foreign file)
        entries = baseline.merged_for_writing(results, old, folder, self._codes_for)
        baseline.write(target, entries)
        files = len({e.path for e in entries})
        if not self.options.quiet:
            said = ui.BASELINE_WRITTEN.format(n=len(entries), files=files, target=target)
            self.err.write(said.get(self.lang) + "\n")
        return 2 if any(r.internal_error for r in results) else 0

    def narrow(self, results: list[FileResult]) -> list[FileResult]:
        results = self._apply_baselines(results)
        if self.changed is not None:
            results = [self._on_changed_lines(r) for r in results]
        return results

    def _apply_baselines(self, results: list[FileResult]) -> list[FileResult]:
        from soat.lint import baseline

        groups: dict[str, list[int]] = {}
        for i, result in enumerate(results):
            target = self._baseline_for(result)
            if target is not None:
                groups.setdefault(target, []).append(i)
        if not groups:
            return results
        results = list(results)
        for target, indexes in groups.items():
            folder = os.path.dirname(os.path.abspath(target))
            entries = self._entries.get(target)
            if entries is None:
                entries = self._entries[target] = _read_baseline(target)
            outcome = baseline.match(
                [results[i] for i in indexes], entries, folder, self._codes_for
            )
            for i, result in zip(indexes, outcome.results, strict=True):
                results[i] = result
            if outcome.stale and not self.options.quiet:
                self.err.write(self._stale_note(target, len(outcome.stale)) + "\n")
        return results

    def _baseline_for(self, result: FileResult) -> str | None:
        if self.options.baseline:
            return self.options.baseline
        config = self.cache.config_for(self._paths.get(result.path, result.path))
        if config.baseline is None:
            return None
        if not os.path.exists(config.baseline):
            raise UsageError(
                f'baseline file "{config.baseline}" does not exist; write it with: '
                f"soat check --write-baseline {_shown(config.baseline)}",
                config.path,
                config.baseline_line,
            )
        return _shown(config.baseline)

    def _stale_note(self, target: str, count: int) -> str:
        note = ui.BASELINE_STALE_ONE if count == 1 else ui.BASELINE_STALE
        return note.format(n=count, target=target).get(self.lang)

    def _codes_for(self, result: FileResult) -> set[str]:
        """The codes that ran on this file (its enabled rules and engine rules)."""
        path = self._paths.get(result.path, result.path)
        config, settings = self.cache.for_path(path)
        codes = {r.code for r in settings.rules}
        codes.update(r.code for r in config.enabled_rules(ENGINE_RULES, path))
        return codes

    def _on_changed_lines(self, result: FileResult) -> FileResult:
        assert self.changed is not None
        path = self._paths.get(result.path, result.path)
        if result.source is None:  # unreadable: reported when the file changed at all
            keep = self.changed.has_changes(path)
            return result if keep else _with(result, [])
        rows = _GitRows(result.final_source)
        kept = [
            d
            for d in result.diagnostics
            if d.code == INTERNAL_ERROR.code
            or self.changed.touches(
                path,
                [rows.span(d.start, d.end)] + [rows.span(r.start, r.end) for r in d.related],
            )
        ]
        return result if len(kept) == len(result.diagnostics) else _with(result, kept)


class _GitRows:
    """1-based line numbers as git counts them (a line ends at LF only)."""

    def __init__(self, source: str) -> None:
        self.breaks = [i for i, ch in enumerate(source) if ch == "\n"]

    def row(self, offset: int) -> int:
        import bisect

        return bisect.bisect_left(self.breaks, offset) + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The rows of [start, end): a span ending just after a line break stops before it."""
        return self.row(start), self.row(max(start, end - 1))


def _read_baseline(path: str) -> list:
    from soat.lint import baseline

    return baseline.read(path)


def _with(result: FileResult, diagnostics) -> FileResult:
    return result.replace(diagnostics=list(diagnostics))


def _shown(path: str) -> str:
    """A path as the user reads it: relative to the current folder where one exists."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another Windows drive
        return path
