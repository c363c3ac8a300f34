"""Code actions: each finding's fix and suggestions, "disable for this line", fix-all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lsprotocol import types

from soat.lint import ui
from soat.lint.diagnostic import Diagnostic, Fix, text_of
from soat.lint.lsp.convert import to_lsp_diagnostic
from soat.lint.lsp.positions import PositionMap
from soat.lint.lsp.suppression import suppression_edit
from soat.lint.rule import INTERNAL_ERROR, Rule

FIX_ALL_KIND = "source.fixAll.soat"


def _touches(diag: Diagnostic, start: int, end: int) -> bool:
    """Whether a finding shares a point with the range [start, end] the client asks about
    (a cursor on either end of a finding counts; unlike the fixer's test for conflicting
    edits, which must not treat touching edits as overlapping)."""
    return diag.start <= end and start <= diag.end


def _text_edits(fix: Fix, pmap: PositionMap) -> list[types.TextEdit]:
    return [types.TextEdit(pmap.range(e.start, e.end), e.content) for e in fix.edits]


def wants(only: Sequence[str] | None, kind: str) -> bool:
    """Whether a client that asked for `only` kinds wants an action of `kind`."""
    if not only:
        return True
    return any(kind == k or kind.startswith(f"{k}.") for k in only)


@dataclass
class ActionInput:
    """Everything code actions are built from: one version of one document, linted."""

    uri: str
    version: int | None
    text: str
    diagnostics: list[Diagnostic]
    lang: str
    fixed: str | None  # the fixpoint of --fix, or None when nothing changes
    encoding: str = types.PositionEncodingKind.Utf16
    versioned_edits: bool = True
    # Offer fix-all without its edit, for the client to resolve when chosen (the fixpoint
    # costs several lints; clients ask for code actions whenever the cursor moves).
    fix_all_lazy: bool = False
    fmt: str = "txt"  # txt | md | html: where a suppression comment may go
    docs_url: str | None = None  # the file's rule-docs-url (each diagnostic's codeDescription)


def build_code_actions(
    inp: ActionInput, rng: types.Range, only: Sequence[str] | None, rules: dict[str, Rule]
) -> list[types.CodeAction]:
    pmap = PositionMap(inp.text, inp.encoding)
    start, end = pmap.offset(rng.start), pmap.offset(rng.end)

    def edit(edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        return workspace_edit(inp, edits)

    actions: list[types.CodeAction] = []
    if wants(only, types.CodeActionKind.QuickFix):
        suppressed: set[tuple[str, int]] = set()
        for diag in inp.diagnostics:
            if not _touches(diag, start, end):
                continue
            lsp_diag = to_lsp_diagnostic(diag, pmap, inp.uri, inp.lang, rules, inp.docs_url)
            fixes = ([diag.fix] if diag.fix is not None else []) + list(diag.suggestions)
            for fix in fixes:
                actions.append(
                    types.CodeAction(
                        title=f"{diag.code}: {text_of(fix.title, inp.lang)}",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[lsp_diag],
                        is_preferred=fix is diag.fix and fix.applicability.value == "safe",
                        edit=edit(_text_edits(fix, pmap)),
                    )
                )
            row = pmap.index.rowcol(diag.start)[0]
            if (
                diag.code in rules
                and diag.code != INTERNAL_ERROR.code
                and (diag.code, row) not in suppressed
            ):
                suppressed.add((diag.code, row))
                title = ui.DISABLE_FOR_LINE.format(code=diag.code).get(inp.lang)
                actions.append(
                    types.CodeAction(
                        title=title,
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[lsp_diag],
                        edit=edit([suppression_edit(inp.text, diag, pmap, inp.fmt)]),
                    )
                )
    if wants(only, FIX_ALL_KIND):
        if inp.fix_all_lazy:
            actions.append(fix_all_action(inp, None))
        elif inp.fixed is not None:
            actions.append(fix_all_action(inp, inp.fixed))
    return actions


def workspace_edit(inp: ActionInput, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    if inp.versioned_edits:
        return types.WorkspaceEdit(
            document_changes=[
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(
                        inp.uri, inp.version
                    ),
                    edits=edits,
                )
            ]
        )
    return types.WorkspaceEdit(changes={inp.uri: edits})


def fix_all_action(inp: ActionInput, fixed: str | None) -> types.CodeAction:
    """The fix-all action; without `fixed`, an unresolved one carrying the document's uri."""
    action = types.CodeAction(title=ui.FIX_ALL.get(inp.lang), kind=FIX_ALL_KIND)
    if fixed is None:
        action.data = {"uri": inp.uri}
    else:
        end = PositionMap(inp.text, inp.encoding).end()
        action.edit = workspace_edit(
            inp, [types.TextEdit(types.Range(types.Position(0, 0), end), fixed)]
        )
    return action
