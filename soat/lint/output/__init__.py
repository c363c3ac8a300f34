"""Output formats. Each module has `render(results, context) -> str`."""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

from collections.abc import Iterator
from typing import NamedTuple

from soat.lint.diagnostic import Diagnostic, Fix, Related, text_of
from soat.lint.document import LineIndex
from soat.lint.rule import Rule
from soat.lint.ui import DEFAULT_LANG


class OutputContext(NamedTuple):
    rules: dict[str, Rule]
    lang: str = DEFAULT_LANG  # for results that carry no language of their own
    color: bool = False


class Located(NamedTuple):
    """A diagnostic with 1-based rows and code-point columns, ready to print."""

    path: str
    diag: Diagnostic
    row: int
    column: int
    end_row: int
    end_column: int
    line_index: LineIndex
    source: str
    lang: str = DEFAULT_LANG
    rule_docs_url: str | None = None  # the file's `rule-docs-url`

    @property
    def url(self) -> str | None:
        """The address of the finding's rule documentation; None without a base URL."""
        if self.rule_docs_url is None:
            return None
        from soat.lint.ruledoc import rule_url

        return rule_url(self.diag.code, self.rule_docs_url)

    def span(self, start: int, end: int) -> dict:
        r, c = self.line_index.rowcol(start)
        er, ec = self.line_index.rowcol(end)
        return {"row": r, "column": c, "end_row": er, "end_column": ec}


def located(results, lang: str = DEFAULT_LANG) -> Iterator[Located]:
    """All findings of all results, sorted by filename, row, column.

    Each finding speaks its file's language (`FileResult.lang`, from that file's
    configuration); `lang` is for results that carry none. Its rule documentation link
    comes from the file's `rule-docs-url` (`FileResult.rule_docs_url`)."""
    items = []
    for result in results:
        if not result.diagnostics:
            continue
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
                    getattr(result, "rule_docs_url", None),
                )
            )
    items.sort(key=lambda x: (x.path, x.row, x.column, x.diag.code))
    return iter(items)


def message(diag: Diagnostic | Fix | Related, lang: str) -> str:
    return text_of(diag.message if not isinstance(diag, Fix) else diag.title, lang)


def docs_base(results) -> str | None:
    """The run's `rule-docs-url`, for what a report says once per rule (SARIF's rule list):
    the one of the first file (by path) whose configuration sets one."""
    for result in sorted(results, key=lambda r: r.path):
        base = getattr(result, "rule_docs_url", None)
        if base:
            return base
    return None


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
