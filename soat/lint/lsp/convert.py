"""From soat findings to protocol values: diagnostics, error diagnostics, hover text."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from lsprotocol import types

from soat.lint.diagnostic import Diagnostic, Severity, text_of
from soat.lint.lsp.positions import PositionMap
from soat.lint.rule import ENGINE_RULES, Rule
from soat.lint.ruledoc import rule_url

SOURCE = "soat"

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def rule_index(rules: Sequence[Rule]) -> dict[str, Rule]:
    return {r.code: r for r in (*rules, *ENGINE_RULES)}


def to_lsp_diagnostic(
    diag: Diagnostic,
    pmap: PositionMap,
    uri: str,
    lang: str,
    rules: dict[str, Rule],
    docs_url: str | None = None,
) -> types.Diagnostic:
    """`docs_url` is the file's `rule-docs-url`: the diagnostic's `codeDescription` links the
    rule's page under it (none without it, as `url` in the JSON output)."""
    rule = rules.get(diag.code)
    href = rule_url(diag.code, docs_url)
    related = [
        types.DiagnosticRelatedInformation(
            location=types.Location(uri, pmap.range(r.start, r.end)),
            message=text_of(r.message, lang),
        )
        for r in diag.related
    ]
    data: dict[str, Any] = {"name": diag.name}
    if rule is not None:
        data["summary"] = rule.summary.get(lang)
    if diag.fix is not None:
        data["fix"] = diag.fix.applicability.value
    return types.Diagnostic(
        range=pmap.range(diag.start, diag.end),
        message=text_of(diag.message, lang),
        severity=_SEVERITIES.get(diag.severity or Severity.WARNING),
        code=diag.code,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        related_information=related or None,
        data=data,
    )


def error_diagnostic(error: Exception, pmap: PositionMap) -> types.Diagnostic:
    """A configuration, registry or internal error, shown on the document's first line."""
    first_line_end = pmap.offset(types.Position(0, 1 << 30))
    related = None
    path = getattr(error, "path", None)
    if path:
        from pygls.uris import from_fs_path

        line = max((getattr(error, "line", None) or 1) - 1, 0)
        related = [
            types.DiagnosticRelatedInformation(
                location=types.Location(
                    from_fs_path(os.path.abspath(path)) or path,
                    types.Range(types.Position(line, 0), types.Position(line, 0)),
                ),
                message=getattr(error, "detail", str(error)),
            )
        ]
    return types.Diagnostic(
        range=pmap.range(0, first_line_end),
        message=f"soat: {error}",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
        related_information=related,
    )


def too_large_diagnostic(length: int, limit: int) -> types.Diagnostic:
    """Said instead of linting a document longer than the limit."""
    start = types.Position(0, 0)
    return types.Diagnostic(
        range=types.Range(start, start),
        message=(
            f"soat: tài liệu quá dài để kiểm tra khi soạn ({length:,} ký tự; giới hạn "
            f"{limit:,}): hãy chạy `soat check`. / Document too long to check while editing "
            f"({length:,} characters; limit {limit:,}): run `soat check`."
        ),
        severity=types.DiagnosticSeverity.Information,
        source=SOURCE,
    )


def hover_markdown(diags: Sequence[Diagnostic], lang: str, rules: dict[str, Rule]) -> str:
    parts = []
    for code in dict.fromkeys(d.code for d in diags):
        rule = rules.get(code)
        if rule is None:
            continue
        parts.append(
            f"**{rule.code}** `{rule.name}` — {rule.summary.get(lang)}\n\n"
            f"{rule.explanation.get(lang)}"
        )
    return "\n\n---\n\n".join(parts)
