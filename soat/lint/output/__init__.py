"""Output formats. Each module has `render(results, context) -> str`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from soat.lint.diagnostic import Diagnostic, Fix, Related, text_of
from soat.lint.document import LineIndex
from soat.lint.rule import Rule


@dataclass(frozen=True)
class OutputContext:
    rules: dict[str, Rule]
    lang: str = "vi"  # for results that carry no language of their own
    color: bool = False


@dataclass(frozen=True)
class Located:
    """A diagnostic with 1-based rows and code-point columns, ready to print."""

    path: str
    diag: Diagnostic
    row: int
    column: int
    end_row: int
    end_column: int
    index: LineIndex
    source: str
    lang: str = "vi"

    def span(self, start: int, end: int) -> dict:
        r, c = self.index.rowcol(start)
        er, ec = self.index.rowcol(end)
        return {"row": r, "column": c, "end_row": er, "end_column": ec}


def located(results, lang: str = "vi") -> Iterator[Located]:
    """All findings of all results, sorted by filename, row, column.

    Each finding speaks its file's language (`FileResult.lang`, from that file's
    configuration); `lang` is for results that carry none."""
    items = []
    for result in results:
        source = result.final_source
        index = LineIndex(source)
        for d in result.diagnostics:
            r, c = index.rowcol(d.start)
            er, ec = index.rowcol(d.end)
            items.append(
                Located(
                    result.path,
                    d,
                    r,
                    c,
                    er,
                    ec,
                    index,
                    source,
                    getattr(result, "lang", None) or lang,
                )
            )
    items.sort(key=lambda x: (x.path, x.row, x.column, x.diag.code))
    return iter(items)


def message(diag: Diagnostic | Fix | Related, lang: str) -> str:
    return text_of(diag.message if not isinstance(diag, Fix) else diag.title, lang)


def render(name: str, results, context: OutputContext) -> str:
    """The report in output format `name`; each format's module is imported when asked for."""
    from types import ModuleType

    module: ModuleType
    if name == "text":
        from soat.lint.output import text_format as module
    elif name == "json":
        from soat.lint.output import json_format as module
    elif name == "github":
        from soat.lint.output import github_format as module
    elif name == "sarif":
        from soat.lint.output import sarif_format as module
    elif name == "gitlab":
        from soat.lint.output import gitlab_format as module
    elif name == "rdjson":
        from soat.lint.output import rdjson_format as module
    elif name == "junit":
        from soat.lint.output import junit_format as module
    elif name == "html":
        from soat.lint.output import html_format as module
    else:
        raise ValueError(f"unknown output format {name!r}")
    return module.render(results, context)
