"""soat's language server (docs/architecture.md §12): diagnostics, quick fixes, fix-all and
hover, on pygls 2 over stdio (`soat server`).

It lints `.txt`, `.md` and `.html` documents (and untitled ones by their language id) that
`soat check` would lint (workspace.py) on open, on change (debounced) and on save, and clears
their diagnostics on close. Configuration and registry errors become a window message and a
diagnostic on the first line, never a crash.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
import traceback
from collections.abc import Sequence

from lsprotocol import types

from soat import __version__
from soat.lint.diagnostic import Applicability
from soat.lint.errors import UsageError
from soat.lint.knowledge import KnowledgeLoader
from soat.lint.lsp.actions import (
    FIX_ALL_KIND,
    ActionInput,
    build_code_actions,
    fix_all_action,
    wants,
    workspace_edit,
)
from soat.lint.lsp.convert import (
    SOURCE,
    error_diagnostic,
    hover_markdown,
    rule_index,
    to_lsp_diagnostic,
    too_large_diagnostic,
)
from soat.lint.lsp.positions import PositionMap, apply_change
from soat.lint.lsp.protocol import SoatProtocol
from soat.lint.lsp.scheduling import (
    DEFAULT_DEBOUNCE_SECONDS,
    LintOutcome,
    LintScheduler,
    LintTarget,
    OpenDocument,
)
from soat.lint.lsp.workspace import containing_folder, document_format
from soat.lint.rule import Rule
from soat.lint.ui import DEFAULT_LANG

logger = logging.getLogger(__name__)

ERROR_REPEAT_SECONDS = 10.0  # the same error pop-up is not shown again sooner
# A hover or code-action request waits this long for a lint still running, then answers
# with nothing rather than keep the editor waiting (the lint goes on and publishes).
REQUEST_BUDGET_SECONDS = 3.0
# Configuration and registries; .gitignore too, since it decides which files are linted.
CONFIG_GLOBS = (
    "**/soat.toml",
    "**/.soat.toml",
    "**/pyproject.toml",
    "**/*.toml",
    "**/.gitignore",
)


class SoatLanguageServer:
    """One session: the pygls server, the lint scheduler, and the features wired to them."""

    def __init__(
        self,
        rules: Sequence[Rule],
        load_knowledge: KnowledgeLoader,
        debounce: float = DEFAULT_DEBOUNCE_SECONDS,
    ) -> None:
        from pygls.lsp.server import LanguageServer

        self.rules = tuple(rules)
        self.rules_by_code = rule_index(self.rules)
        self.debounce = debounce
        self.ls = LanguageServer(
            SOURCE,
            __version__,
            protocol_cls=SoatProtocol,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        )
        self.lints = LintScheduler(self.rules, load_knowledge, self._publish, self._target)
        self.docs = self.lints.docs
        self._shown_at: dict[str, float] = {}
        self._register()

    # -- plumbing --------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        try:
            return self.ls.workspace.position_encoding or types.PositionEncodingKind.Utf16
        except RuntimeError:
            return types.PositionEncodingKind.Utf16

    def _folders(self) -> list[str]:
        """The workspace folders, the first one first (the root, when the client sent one)."""
        from pygls.uris import to_fs_path

        try:
            workspace = self.ls.workspace
            folders = [to_fs_path(f.uri) for f in workspace.folders.values()]
            root = workspace.root_path
        except RuntimeError:
            return []
        return [f for f in ([root] if root else []) + folders if f]

    def _target(self, doc: OpenDocument) -> LintTarget:
        """Where `doc` is linted as; an untitled document as `untitled.EXT` in the first
        workspace folder (else the current folder)."""
        folders = self._folders()
        if doc.path is not None:
            return LintTarget(doc.path, containing_folder(doc.path, folders), untitled=False)
        ext = {"md": ".md", "html": ".html"}.get(doc.fmt, ".txt")
        path = os.path.join(folders[0] if folders else os.getcwd(), "untitled" + ext)
        return LintTarget(path, containing_folder(path, folders), untitled=True)

    def _publish(self, doc: OpenDocument, outcome: LintOutcome) -> None:
        lang = outcome.resolved.lang if outcome.resolved else DEFAULT_LANG
        docs_url = outcome.resolved.docs_url if outcome.resolved else None
        if outcome.too_large:
            diagnostics = [too_large_diagnostic(len(outcome.text), self.lints.max_document_chars)]
        elif outcome.error is not None:
            diagnostics = [
                error_diagnostic(outcome.error, PositionMap(outcome.text, self.encoding))
            ]
            self._show_error(doc, outcome.error)
        else:
            doc.shown_error = None
            pmap = PositionMap(outcome.text, self.encoding)
            diagnostics = [
                to_lsp_diagnostic(d, pmap, doc.uri, lang, self.rules_by_code, docs_url)
                for d in outcome.diagnostics
            ]
        self.ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=doc.uri, diagnostics=diagnostics, version=doc.version
            )
        )

    def _show_error(self, doc: OpenDocument, error: Exception) -> None:
        message = f"soat: {error}"
        if doc.shown_error == message:
            return
        doc.shown_error = message
        # One pop-up per error, not one per open document under a broken config.
        now = time.monotonic()
        if now - self._shown_at.get(message, float("-inf")) > ERROR_REPEAT_SECONDS:
            self._shown_at[message] = now
            self.ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, message))
        if not isinstance(error, UsageError):
            self.ls.window_log_message(
                types.LogMessageParams(
                    types.MessageType.Error, "".join(traceback.format_exception(error))
                )
            )

    def _client_resolves_edits(self) -> bool:
        from pygls.capabilities import get_capability

        support = get_capability(
            self.ls.client_capabilities, "text_document.code_action.resolve_support", None
        )
        return support is not None and "edit" in (support.properties or ())

    async def _action_input(self, doc: OpenDocument, with_fixed: bool) -> ActionInput | None:
        """The current version of `doc`, linted (and fixed to a fixpoint, if asked)."""
        from pygls.capabilities import get_capability

        outcome = await self.lints.current_outcome(doc)
        if outcome.error is not None or outcome.skipped or outcome.resolved is None:
            return None
        fixed = None
        if with_fixed and any(d.fix is not None for d in outcome.diagnostics):
            fixed = await self.lints.fixed(doc, outcome)
        if outcome.revision != doc.revision:
            return None  # the document changed while we worked; the client will ask again
        versioned = bool(
            get_capability(
                self.ls.client_capabilities, "workspace.workspace_edit.document_changes", False
            )
        )
        return ActionInput(
            doc.uri,
            doc.version,
            outcome.text,
            outcome.diagnostics,
            outcome.resolved.lang,
            fixed,
            self.encoding,
            versioned,
            fmt=doc.fmt,
            docs_url=outcome.resolved.docs_url,
        )

    async def _within_budget(self, work):
        """`work`'s result, or None when it takes longer than REQUEST_BUDGET_SECONDS."""
        task = asyncio.ensure_future(work)
        try:
            return await asyncio.wait_for(asyncio.shield(task), REQUEST_BUDGET_SECONDS)
        except asyncio.TimeoutError:
            return None  # the lint goes on in its thread and publishes when done

    # -- features --------------------------------------------------------------------------

    def _register(self) -> None:
        ls = self.ls

        @ls.feature(types.INITIALIZE)
        def initialize(params: types.InitializeParams) -> None:
            options = params.initialization_options
            if isinstance(options, dict) and isinstance(options.get("debounceMs"), (int, float)):
                self.debounce = max(0.0, options["debounceMs"] / 1000)
            if isinstance(options, dict) and isinstance(options.get("maxDocumentChars"), int):
                self.lints.max_document_chars = max(0, options["maxDocumentChars"])

        @ls.feature(types.INITIALIZED)
        def initialized(params: types.InitializedParams) -> None:
            from pygls.capabilities import get_capability

            dynamic = get_capability(
                ls.client_capabilities,
                "workspace.did_change_watched_files.dynamic_registration",
                False,
            )
            if dynamic:
                watchers = [types.FileSystemWatcher(glob_pattern=g) for g in CONFIG_GLOBS]
                ls.client_register_capability(
                    types.RegistrationParams(
                        [
                            types.Registration(
                                id="soat-config-watch",
                                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                    watchers
                                ),
                            )
                        ]
                    )
                )

        @ls.feature(types.TEXT_DOCUMENT_DID_OPEN)
        def did_open(params: types.DidOpenTextDocumentParams) -> None:
            from pygls.uris import to_fs_path

            item = params.text_document
            path = to_fs_path(item.uri) if item.uri.startswith("file:") else None
            fmt = document_format(path, item.language_id)
            if fmt is None:
                return
            self.docs[item.uri] = OpenDocument(
                item.uri, path, fmt, item.text, item.version, revision=self.lints.next_revision()
            )
            self.lints.schedule(item.uri, 0)

        @ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)
        def did_change(params: types.DidChangeTextDocumentParams) -> None:
            doc = self.docs.get(params.text_document.uri)
            if doc is None:
                return
            text = doc.text
            for change in params.content_changes:
                text = apply_change(text, change, self.encoding)
            doc.text = text
            doc.version = params.text_document.version
            doc.revision = self.lints.next_revision()
            self.lints.schedule(doc.uri, self.debounce)

        @ls.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
        def did_save(params: types.DidSaveTextDocumentParams) -> None:
            doc = self.docs.get(params.text_document.uri)
            if doc is not None:
                self.lints.generation += 1  # configuration may have changed: lint again
                self.lints.schedule(doc.uri, 0)
            elif params.text_document.uri.endswith(".toml"):
                self.lints.relint_all()

        @ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)
        def did_close(params: types.DidCloseTextDocumentParams) -> None:
            uri = params.text_document.uri
            doc = self.lints.close(uri)
            if doc is not None:
                ls.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
                )

        @ls.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
        def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
            self.lints.relint_all()

        @ls.feature(
            types.TEXT_DOCUMENT_CODE_ACTION,
            types.CodeActionOptions(
                code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND],
                resolve_provider=True,
            ),
        )
        async def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
            doc = self.docs.get(params.text_document.uri)
            if doc is None:
                return None
            only = params.context.only
            # An explicit request (say, fix on save) gets the edit; the light bulb a stub.
            lazy = not only and self._client_resolves_edits()
            inp = await self._within_budget(
                self._action_input(doc, with_fixed=wants(only, FIX_ALL_KIND) and not lazy)
            )
            if inp is None:
                return []
            inp.fix_all_lazy = lazy and any(
                d.fix is not None and d.fix.applicability is Applicability.SAFE
                for d in inp.diagnostics
            )
            return build_code_actions(inp, params.range, only, self.rules_by_code)

        @ls.feature(types.CODE_ACTION_RESOLVE)
        async def code_action_resolve(action: types.CodeAction) -> types.CodeAction:
            uri = action.data.get("uri") if isinstance(action.data, dict) else None
            doc = self.docs.get(uri) if isinstance(uri, str) else None
            if action.kind != FIX_ALL_KIND or doc is None:
                return action
            inp = await self._within_budget(self._action_input(doc, with_fixed=True))
            if inp is not None:
                action.edit = (
                    fix_all_action(inp, inp.fixed).edit
                    if inp.fixed is not None
                    else workspace_edit(inp, [])
                )
            return action

        @ls.feature(types.TEXT_DOCUMENT_HOVER)
        async def hover(params: types.HoverParams) -> types.Hover | None:
            doc = self.docs.get(params.text_document.uri)
            if doc is None:
                return None
            outcome = await self._within_budget(self.lints.current_outcome(doc))
            if outcome is None or outcome.error is not None or outcome.resolved is None:
                return None
            pmap = PositionMap(outcome.text, self.encoding)
            at = pmap.offset(params.position)
            found = [
                d for d in outcome.diagnostics if d.start <= at < d.end or d.start == at == d.end
            ]
            text = hover_markdown(found, outcome.resolved.lang, self.rules_by_code)
            if not text:
                return None
            return types.Hover(
                contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
                range=pmap.range(found[0].start, found[0].end),
            )


def create_server(
    rules: Sequence[Rule],
    load_knowledge: KnowledgeLoader,
    debounce: float = DEFAULT_DEBOUNCE_SECONDS,
) -> SoatLanguageServer:
    return SoatLanguageServer(rules, load_knowledge, debounce)


def serve(rules: Sequence[Rule], load_knowledge: KnowledgeLoader) -> None:
    """Run the language server on stdio until the client says exit. The command line passes
    the rule list and the knowledge loader (the engine never imports `soat.rules` or
    `soat.knowledge`)."""
    server = create_server(rules, load_knowledge)
    server.ls.start_io()
    # The protocol's exit code: 0 after a shutdown request, 1 when the client just left.
    # (pygls computes it but its stdio loop swallows the SystemExit.)
    sys.exit(0 if server.ls.protocol._shutdown else 1)
