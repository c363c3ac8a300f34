"""soat as a library: `check_text` and `check_paths` return plain, picklable findings.

    import soat

    for f in soat.check_text("Sinh viên học nghành luật.\\n"):
        print(f.row, f.column, f.code, f.message_vi)

    findings = soat.check_paths(["content/"], select=["SPL", "REF"])

A `Finding` holds only strings, numbers and tuples of such values (no engine objects), so it
can cross process boundaries (multiprocessing, concurrent.futures, Dask, Spark) and be stored
as it is. Positions are 1-based rows and code-point columns, as in the JSON output, plus the
code-point offsets `start`/`end` into the checked text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from soat.lint.config import Config, load_config
from soat.lint.diagnostic import Diagnostic, Fix, text_of
from soat.lint.document import LineIndex
from soat.lint.resolve import Overrides
from soat.lint.runner import FileResult, Settings, check_source
from soat.lint.ui import DEFAULT_LANG, Msg


@dataclass(frozen=True)
class FindingEdit:
    """Replace [start, end) of the checked text (code-point offsets) with `content`."""

    start: int
    end: int
    content: str


@dataclass(frozen=True)
class FindingFix:
    applicability: str  # "safe" | "unsafe" | "suggestion"
    message_vi: str
    message_en: str
    edits: tuple[FindingEdit, ...]


@dataclass(frozen=True)
class Finding:
    """One finding of one file, as plain values."""

    path: str
    code: str
    name: str
    severity: str  # "error" | "warning" | "info"
    message_vi: str
    message_en: str
    start: int
    end: int
    row: int
    column: int
    end_row: int
    end_column: int
    fix: FindingFix | None = None
    suggestions: tuple[FindingFix, ...] = ()

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return Msg(self.message_vi, self.message_en).get(lang)


def _fix(fix: Fix) -> FindingFix:
    return FindingFix(
        fix.applicability.value,
        text_of(fix.title, "vi"),
        text_of(fix.title, "en"),
        tuple(FindingEdit(e.start, e.end, e.content) for e in fix.edits),
    )


def _finding(path: str, d: Diagnostic, index: LineIndex) -> Finding:
    row, column = index.rowcol(d.start)
    end_row, end_column = index.rowcol(d.end)
    return Finding(
        path=path,
        code=d.code,
        name=d.name,
        severity=d.severity.label if d.severity is not None else "warning",
        message_vi=text_of(d.message, "vi"),
        message_en=text_of(d.message, "en"),
        start=d.start,
        end=d.end,
        row=row,
        column=column,
        end_row=end_row,
        end_column=end_column,
        fix=_fix(d.fix) if d.fix is not None else None,
        suggestions=tuple(_fix(s) for s in d.suggestions),
    )


def findings_of(result: FileResult) -> list[Finding]:
    """The findings of a checked file, as plain values."""
    index = LineIndex(result.final_source)
    return [_finding(result.path, d, index) for d in result.diagnostics]


def _selection(
    config: Config, select: Iterable[str] | None, ignore: Iterable[str] | None
) -> Config:
    """`config` with the caller's selection, as the command line's `--select`/`--ignore`."""
    overrides = Overrides(
        select=tuple(select) if select is not None else None, ignore=tuple(ignore or ())
    )
    return overrides.apply(config)


def check_text(
    text: str,
    path: str = "bai.txt",
    *,
    format: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    config_path: str | None = None,
) -> list[Finding]:
    """The findings of `text` as if it were the file `path` (its extension picks the reader
    unless `format` is txt, md or html). `select`/`ignore` take rule codes, families or
    names as on the command line; `config_path` a soat.toml or pyproject.toml to apply."""
    from soat.knowledge import load_knowledge
    from soat.rules import ALL_RULES

    config = load_config(config_path, ALL_RULES) if config_path else Config()
    settings = Settings.from_config(
        _selection(config, select, ignore),
        ALL_RULES,
        path,
        knowledge=load_knowledge(config.registry),
    )
    return findings_of(check_source(path, text, settings, fmt=format))


def check_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    config_path: str | None = None,
    cache: bool = True,
    jobs: int | None = None,
) -> list[Finding]:
    """The findings of every file under `paths` (folders are walked as `soat check` walks
    them, with each folder's configuration), sorted by path and position.

    The result cache is used unless `cache` is False: `.soat_cache/` beside the
    configuration file found for the working folder, else in the working folder. Many files are
    checked in worker processes; `jobs` says how many (1: in this process, as inside a Dask
    or Spark task). An unreadable file gives an IO001 finding, a failing rule INT001."""
    from soat.knowledge import load_knowledge
    from soat.lint.files import discover
    from soat.lint.session import CheckOptions, check_files, open_cache, resolver_for
    from soat.rules import ALL_RULES

    options = CheckOptions(
        paths=tuple(os.fspath(p) for p in paths),
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore) if ignore else None,
        config_path=config_path,
        cache=cache,
        jobs=jobs,
    )
    settings = resolver_for(options, ALL_RULES, load_knowledge)
    files = list(discover(options.paths, settings))
    results = check_files(files, options, tuple(ALL_RULES), settings, open_cache(options, settings))
    found = [f for r in results for f in findings_of(r)]
    found.sort(key=lambda f: (f.path, f.row, f.column, f.code))
    return found
