"""soat's language server (docs/architecture.md §12): diagnostics, quick fixes, fix-all and hover.

`soat server` speaks the Language Server Protocol on stdio, built on pygls 2. It lints
`.txt`, `.md` and `.html` documents (and untitled ones by their language id) on open, on
change (debounced; a lint of an old version never overwrites a newer one), and on save, and
clears their diagnostics on close.

Positions: soat works in code-point offsets; the protocol counts in the negotiated position
encoding (UTF-16 unless the client offers another), with lines split at LF, CRLF and CR only.
`PositionMap` is the one place that converts, so characters outside the Basic Multilingual
Plane and line separators such as U+2028 are handled the same way in both directions. The
server keeps its own copy of each open document for that reason: pygls's document store
splits lines with `str.splitlines`, which also breaks at U+2028, U+0085 and form feeds.

Configuration is resolved again for every lint (a few `stat` calls), so edits to soat.toml,
pyproject.toml and registry files take effect without a restart; settings are cached on the
files' modification stamps. Configuration and registry errors become a window message and a
diagnostic on the first line, never a crash.
"""

from __future__ import annotations

import asyncio
import importlib
import itertools
import logging
import os
import sys
import time
import traceback
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from lsprotocol import types

from soat import __version__
from soat.lint.config import Config, find_config_file, load_config
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Severity, text_of
from soat.lint.document import LineIndex
from soat.lint.errors import UsageError
from soat.lint.fixer import NoFixpoint, fix_to_fixpoint
from soat.lint.formats import FORMATS_BY_EXTENSION
from soat.lint.rule import ENGINE_RULES, INTERNAL_ERROR, Rule
from soat.lint.runner import Settings, lint_source

logger = logging.getLogger(__name__)

SOURCE = "soat"
FIX_ALL_KIND = "source.fixAll.soat"
DEFAULT_DEBOUNCE_SECONDS = 0.1
ERROR_REPEAT_SECONDS = 10.0  # the same error pop-up is not shown again sooner
# Longer documents are not linted while editing (a 20 MB one took 35 s and 1.5 GB, and every
# request waited behind it); the client can raise the limit (initializationOptions
# "maxDocumentChars"). Articles are far shorter: the longest in the corpus has about 60,000.
DEFAULT_MAX_DOCUMENT_CHARS = 300_000
# A hover or code-action request waits this long for a lint still running, then answers
# with nothing rather than keep the editor waiting (the lint goes on and publishes).
REQUEST_BUDGET_SECONDS = 3.0
# Untitled documents have no extension; their language id names the format.
LANGUAGE_FORMATS = {"markdown": "md", "html": "html", "plaintext": "txt", "text": "txt"}
CONFIG_GLOBS = ("**/soat.toml", "**/.soat.toml", "**/pyproject.toml", "**/*.toml")

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


# --- positions ----------------------------------------------------------------------------


def _code_units(text: str, encoding: str) -> int:
    """How many code units of `encoding` the client counts for `text`."""
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class PositionMap:
    """Code-point offsets into one text ↔ LSP positions in the negotiated encoding.

    Lines end at LF, CRLF or CR (the protocol's definition, and LineIndex's). A position
    past the end of its line means the end of the line; a line past the last means the end
    of the text; a character inside a surrogate pair (UTF-16) or a multi-byte sequence
    (UTF-8) rounds up to the next code point.
    """

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding
        self.index = LineIndex(text)

    def _line_bounds(self, line: int) -> tuple[int, int]:
        """Code-point offsets of the start and end (before the line break) of 0-based `line`."""
        start = self.index.line_start(line + 1)
        if line + 1 < self.index.line_count:
            end = self.index.line_start(line + 2)
            end -= 2 if self.text[end - 2 : end] == "\r\n" else 1
        else:
            end = len(self.text)
        return start, end

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        row, column = self.index.rowcol(offset)
        start = self.index.line_start(row)
        if (
            offset > start
            and self.text[offset - 1] == "\r"
            and offset < len(self.text)
            and self.text[offset] == "\n"
        ):
            offset -= 1  # between CR and LF: the end of the line
        return types.Position(row - 1, _code_units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        if position.line < 0:
            return 0
        if position.line >= self.index.line_count:
            return len(self.text)
        start, end = self._line_bounds(position.line)
        wanted = max(0, position.character)
        if self.encoding == types.PositionEncodingKind.Utf32:
            return min(start + wanted, end)
        units = 0
        i = start
        while i < end and units < wanted:
            units += _code_units(self.text[i], self.encoding)
            i += 1
        return i

    def end(self) -> types.Position:
        return self.position(len(self.text))


def apply_change(text: str, change: Any, encoding: str) -> str:
    """The text after one `TextDocumentContentChangeEvent` (incremental or whole)."""
    rng = getattr(change, "range", None)
    if rng is None:
        return change.text
    pmap = PositionMap(text, encoding)
    start, end = pmap.offset(rng.start), pmap.offset(rng.end)
    if end < start:
        start, end = end, start
    return text[:start] + change.text + text[end:]


# --- configuration ------------------------------------------------------------------------


def _stamp(path: str) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


@dataclass(frozen=True)
class Resolved:
    """What one document is checked with, or why it cannot be."""

    config: Config | None
    settings: Settings | None
    error: UsageError | None = None
    excluded: bool = False

    @property
    def lang(self) -> str:
        return self.config.lang if self.config is not None else "vi"


class SettingsCache:
    """Configuration and settings per file, rebuilt when a config or registry file changes.

    The configuration file is found and parsed again on every call (cheap, and it keeps
    registry globs current); Settings, which load knowledge, are reused while the stamps of
    the configuration and its registry files stay the same.
    """

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._settings: dict[tuple, Settings] = {}

    def resolve(self, path: str, default_root: str) -> Resolved:
        try:
            found = find_config_file(os.path.dirname(os.path.abspath(path)))
            config = load_config(found, self.rules) if found else Config(root=default_root)
            if found and config.is_excluded(path):
                return Resolved(config, None, excluded=True)
            key = (
                found,
                _stamp(found) if found else None,
                tuple((p, _stamp(p)) for p in config.registry),
                path if config.per_file_ignores else None,
            )
            settings = self._settings.get(key)
            if settings is None:
                settings = Settings.from_config(config, self.rules, path)
                if len(self._settings) > 64:
                    self._settings.clear()
                self._settings[key] = settings
            return Resolved(config, settings)
        except UsageError as exc:
            return Resolved(None, None, error=exc)


# --- from soat findings to protocol values ------------------------------------------------


def rule_index(rules: Sequence[Rule]) -> dict[str, Rule]:
    return {r.code: r for r in (*rules, *ENGINE_RULES)}


def to_lsp_diagnostic(
    diag: Diagnostic, pmap: PositionMap, uri: str, lang: str, rules: dict[str, Rule]
) -> types.Diagnostic:
    rule = rules.get(diag.code)
    href = getattr(rule, "url", None) if rule is not None else None
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


def _overlaps(diag: Diagnostic, start: int, end: int) -> bool:
    return diag.start <= end and start <= diag.end


def _text_edits(fix: Fix, pmap: PositionMap) -> list[types.TextEdit]:
    return [types.TextEdit(pmap.range(e.start, e.end), e.content) for e in fix.edits]


def _newline(text: str) -> str:
    for i, ch in enumerate(text):
        if ch == "\n":
            return "\r\n" if i and text[i - 1] == "\r" else "\n"
        if ch == "\r" and text[i + 1 : i + 2] != "\n":
            return "\r"
    return "\n"


def suppression_edit(
    text: str, diag: Diagnostic, pmap: PositionMap, fmt: str = "txt"
) -> types.TextEdit:
    """Insert `<!-- soat-disable-next-line CODE -->` on its own line above the finding's
    line, with that line's indentation.

    In Markdown a comment line inside a paragraph, list, quote or table would end it and
    change how the article renders, so there a line that continues a block (or a table row)
    gets a trailing `<!-- soat-disable-line CODE -->` instead.
    """
    row, _ = pmap.index.rowcol(diag.start)
    start = pmap.index.line_start(row)
    if fmt == "md" and _continues_a_block(text, start):
        end = start
        while end < len(text) and text[end] not in "\r\n":
            end += 1
        at = pmap.position(end)
        return types.TextEdit(types.Range(at, at), f" <!-- soat-disable-line {diag.code} -->")
    if start == 0 and text.startswith("\ufeff"):
        start = 1  # the comment goes after a byte-order mark, never before it
    indent_end = start
    while indent_end < len(text) and text[indent_end] in " \t":
        indent_end += 1
    comment = f"{text[start:indent_end]}<!-- soat-disable-next-line {diag.code} -->{_newline(text)}"
    at = pmap.position(start)
    return types.TextEdit(types.Range(at, at), comment)


def _continues_a_block(text: str, line_start: int) -> bool:
    """Whether the Markdown line at `line_start` is a table row or follows a non-blank line."""
    line = text[line_start:].split("\n", 1)[0].strip()
    if line.startswith("|"):
        return True
    before = text[:line_start]
    for ending in ("\r\n", "\n", "\r"):  # drop this line's own break, and only it
        if before.endswith(ending):
            before = before[: -len(ending)]
            break
    previous = before[max(before.rfind("\n"), before.rfind("\r")) + 1 :]
    return bool(previous.strip()) and not previous.lstrip().startswith("<!--")


def _wants(only: Sequence[str] | None, kind: str) -> bool:
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


def build_code_actions(
    inp: ActionInput, rng: types.Range, only: Sequence[str] | None, rules: dict[str, Rule]
) -> list[types.CodeAction]:
    pmap = PositionMap(inp.text, inp.encoding)
    start, end = pmap.offset(rng.start), pmap.offset(rng.end)

    def edit(edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        return workspace_edit(inp, edits)

    actions: list[types.CodeAction] = []
    en = inp.lang == "en"
    if _wants(only, types.CodeActionKind.QuickFix):
        suppressed: set[tuple[str, int]] = set()
        for diag in inp.diagnostics:
            if not _overlaps(diag, start, end):
                continue
            lsp_diag = to_lsp_diagnostic(diag, pmap, inp.uri, inp.lang, rules)
            fixes = ([diag.fix] if diag.fix is not None else []) + list(diag.suggestions)
            for fix in fixes:
                actions.append(
                    types.CodeAction(
                        title=f"{diag.code}: {text_of(fix.title, inp.lang)}",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[lsp_diag],
                        is_preferred=fix is diag.fix and fix.applicability is Applicability.SAFE,
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
                title = (
                    f"Disable {diag.code} for this line" if en else f"Tắt {diag.code} cho dòng này"
                )
                actions.append(
                    types.CodeAction(
                        title=title,
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[lsp_diag],
                        edit=edit([suppression_edit(inp.text, diag, pmap, inp.fmt)]),
                    )
                )
    if _wants(only, FIX_ALL_KIND):
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
    title = (
        "soat: fix all safe problems in this file"
        if inp.lang == "en"
        else "soat: sửa mọi lỗi sửa được an toàn trong tệp"
    )
    action = types.CodeAction(title=title, kind=FIX_ALL_KIND)
    if fixed is None:
        action.data = {"uri": inp.uri}
    else:
        end = PositionMap(inp.text, inp.encoding).end()
        action.edit = workspace_edit(
            inp, [types.TextEdit(types.Range(types.Position(0, 0), end), fixed)]
        )
    return action


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


# --- the server ---------------------------------------------------------------------------

_UNREADABLE = object()  # a message whose params did not parse (already answered)


@dataclass
class OpenDocument:
    uri: str
    path: str | None  # None for untitled documents
    fmt: str
    text: str
    version: int | None
    revision: int = 0  # unique per text, server-wide (a reopened document never reuses one)
    published: tuple[tuple[int, int], Any] | None = None  # ((revision, generation), outcome)
    fixed: tuple[tuple[int, int], str | None] | None = None  # ((revision, generation), fix-all)
    shown_error: str | None = None


@dataclass
class LintOutcome:
    revision: int
    text: str
    generation: int = 0  # the server's configuration generation when the lint started
    diagnostics: list[Diagnostic] = field(default_factory=list)
    resolved: Resolved | None = None
    error: Exception | None = None
    skipped: bool = False  # excluded by the configuration
    too_large: bool = False  # longer than the server's limit: not linted


def document_format(path: str | None, language_id: str | None) -> str | None:
    """The soat format of a document, or None when soat does not lint it."""
    if path is not None:
        ext = os.path.splitext(path)[1].lower()
        if ext in FORMATS_BY_EXTENSION:
            return FORMATS_BY_EXTENSION[ext]
        if ext:
            return None
    return LANGUAGE_FORMATS.get(language_id or "")


class SoatLanguageServer:
    """The state of one session: open documents, pending and running lints, settings."""

    def __init__(self, rules: Sequence[Rule], debounce: float = DEFAULT_DEBOUNCE_SECONDS) -> None:
        from pygls.lsp.server import LanguageServer
        from pygls.protocol import LanguageServerProtocol
        from pygls.protocol.language_server import lsp_method

        class SoatProtocol(LanguageServerProtocol):
            """Keeps documents in soat's own store (see the module docstring)."""

            def structure_message(self, data):
                # A request whose params do not parse gets an error reply: pygls logs it and
                # answers nothing, and the client waits for ever.
                try:
                    return super().structure_message(data)
                except Exception:
                    if isinstance(data, dict) and "method" in data and "id" in data:
                        ident = data["id"]
                        if isinstance(ident, (int, str)) and not isinstance(ident, bool):
                            self._send_response(
                                ident,
                                error=types.ResponseError(
                                    code=types.ErrorCodes.InvalidParams,
                                    message=f"invalid params for {data['method']}",
                                ),
                            )
                    return _UNREADABLE

            def handle_message(self, message):
                if message is _UNREADABLE:
                    return
                method = getattr(message, "method", None)
                if method == types.EXIT:
                    # End now, even with a lint running: the interpreter would otherwise wait
                    # for the worker thread at exit. 0 after a shutdown request, else 1.
                    logging.shutdown()
                    os._exit(0 if self._shutdown else 1)
                # After shutdown a request must get an InvalidRequest error, not silence
                # (pygls drops it, leaving the client waiting for its own time-out).
                if (
                    self._shutdown
                    and method
                    and method != types.EXIT
                    and getattr(message, "id", None) is not None
                ):
                    self._send_response(
                        message.id,
                        error=types.ResponseError(
                            code=types.ErrorCodes.InvalidRequest,
                            message="the server is shutting down",
                        ),
                    )
                    return
                super().handle_message(message)

            @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
            def lsp_text_document__did_open(self, params):
                if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
                    yield handler, (params,), None

            @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
            def lsp_text_document__did_change(self, params):
                if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
                    yield handler, (params,), None

            @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
            def lsp_text_document__did_close(self, params):
                if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
                    yield handler, (params,), None

        self.rules = tuple(rules)
        self.rules_by_code = rule_index(self.rules)
        self.debounce = debounce
        self.max_document_chars = DEFAULT_MAX_DOCUMENT_CHARS
        self.ls = LanguageServer(
            SOURCE,
            __version__,
            protocol_cls=SoatProtocol,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        )
        self.docs: dict[str, OpenDocument] = {}
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._running: set[str] = set()
        self._again: set[str] = set()
        self._shown_at: dict[str, float] = {}
        # One worker: lints run one at a time, off the protocol thread, and the settings
        # cache is only ever touched from that thread.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="soat-lint")
        self._cache = SettingsCache(self.rules)
        self.generation = 0  # bumped when configuration may have changed
        self._revisions = itertools.count(1)
        self._register()

    # -- plumbing --------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        try:
            return self.ls.workspace.position_encoding or types.PositionEncodingKind.Utf16
        except RuntimeError:
            return types.PositionEncodingKind.Utf16

    def _default_root(self, path: str) -> str:
        """The workspace folder holding `path` (the longest match), else the file's folder."""
        from pygls.uris import to_fs_path

        roots = []
        try:
            workspace = self.ls.workspace
            roots = [to_fs_path(f.uri) for f in workspace.folders.values()]
            if workspace.root_path:
                roots.append(workspace.root_path)
        except RuntimeError:
            pass
        path = os.path.abspath(path)
        best = None
        for root in filter(None, roots):
            root = os.path.abspath(root)
            if path.startswith(root.rstrip(os.sep) + os.sep) and (
                best is None or len(root) > len(best)
            ):
                best = root
        return best or os.path.dirname(path)

    def _lint_path(self, doc: OpenDocument) -> str:
        if doc.path is not None:
            return doc.path
        ext = {"md": ".md", "html": ".html"}.get(doc.fmt, ".txt")
        try:
            root = self.ls.workspace.root_path or os.getcwd()
        except RuntimeError:
            root = os.getcwd()
        return os.path.join(root, "untitled" + ext)

    # -- linting (worker thread) -----------------------------------------------------------

    def _lint(
        self, path: str, fmt: str, text: str, revision: int, root: str, generation: int
    ) -> LintOutcome:
        outcome = LintOutcome(revision, text, generation=generation)
        if len(text) > self.max_document_chars:
            outcome.too_large = True
            return outcome
        try:
            resolved = self._cache.resolve(path, root)
            outcome.resolved = resolved
            if resolved.error is not None:
                outcome.error = resolved.error
            elif resolved.excluded:
                outcome.skipped = True
            else:
                assert resolved.settings is not None  # set whenever there is no error
                outcome.diagnostics = lint_source(path, text, resolved.settings, fmt)
        except Exception as exc:  # a parser bug must not take the editor's linter down
            logger.exception("lint failed for %s", path)
            outcome.error = exc
        return outcome

    def _fixed(self, path: str, fmt: str, text: str, settings: Settings | None) -> str | None:
        assert settings is not None  # only asked for a resolved document
        try:
            fixed, _, _ = fix_to_fixpoint(
                text, lambda t: lint_source(path, t, settings, fmt), False
            )
        except NoFixpoint:  # never offer a fix that does not settle
            logger.warning("fixes did not settle for %s", path)
            return None
        return fixed if fixed != text else None

    # -- scheduling (protocol thread) ------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_event_loop()
        if delay <= 0:
            self._timers[uri] = loop.call_soon(self._start, uri)  # type: ignore[assignment]
        else:
            self._timers[uri] = loop.call_later(delay, self._start, uri)

    def _start(self, uri: str) -> None:
        self._timers.pop(uri, None)
        doc = self.docs.get(uri)
        if doc is None:
            return
        if doc.published is not None and doc.published[0] == (doc.revision, self.generation):
            return  # a request already linted and published this text
        if uri in self._running:
            self._again.add(uri)  # start again with the newest text when this one ends
            return
        self._running.add(uri)
        future = self._submit_lint(doc)
        future.add_done_callback(lambda f: self._finished(uri, f))

    def _finished(self, uri: str, future: asyncio.Future) -> None:
        self._running.discard(uri)
        doc = self.docs.get(uri)
        if doc is None or future.cancelled():
            return
        outcome: LintOutcome = future.result()
        if outcome.revision == doc.revision:
            self._publish(doc, outcome)
        if uri in self._again or outcome.revision != doc.revision:
            self._again.discard(uri)
            if uri not in self._timers:
                self._start(uri)

    def _publish(self, doc: OpenDocument, outcome: LintOutcome) -> None:
        lang = outcome.resolved.lang if outcome.resolved else "vi"
        if outcome.too_large:
            doc.published = ((outcome.revision, outcome.generation), outcome)
            self.ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=doc.uri,
                    diagnostics=[too_large_diagnostic(len(outcome.text), self.max_document_chars)],
                    version=doc.version,
                )
            )
            return
        pmap = PositionMap(outcome.text, self.encoding)
        if outcome.error is not None:
            diagnostics = [error_diagnostic(outcome.error, pmap)]
            message = f"soat: {outcome.error}"
            if doc.shown_error != message:
                doc.shown_error = message
                # One pop-up per error, not one per open document under a broken config.
                now = time.monotonic()
                if now - self._shown_at.get(message, float("-inf")) > ERROR_REPEAT_SECONDS:
                    self._shown_at[message] = now
                    self.ls.window_show_message(
                        types.ShowMessageParams(types.MessageType.Error, message)
                    )
                if not isinstance(outcome.error, UsageError):
                    self.ls.window_log_message(
                        types.LogMessageParams(
                            types.MessageType.Error,
                            "".join(traceback.format_exception(outcome.error)),
                        )
                    )
        else:
            doc.shown_error = None
            diagnostics = [
                to_lsp_diagnostic(d, pmap, doc.uri, lang, self.rules_by_code)
                for d in outcome.diagnostics
            ]
        doc.published = ((outcome.revision, outcome.generation), outcome)
        self.ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=doc.uri, diagnostics=diagnostics, version=doc.version
            )
        )

    def _submit_lint(self, doc: OpenDocument) -> asyncio.Future[LintOutcome]:
        """Lint the document's current text in the worker thread."""
        path = self._lint_path(doc)
        return asyncio.get_event_loop().run_in_executor(
            self._worker,
            self._lint,
            path,
            doc.fmt,
            doc.text,
            doc.revision,
            self._default_root(path),
            self.generation,
        )

    async def current_outcome(self, doc: OpenDocument) -> LintOutcome:
        """The lint of the document's current text (reusing the published one if current)."""
        if doc.published is not None and doc.published[0] == (doc.revision, self.generation):
            return doc.published[1]
        outcome = await self._submit_lint(doc)
        if self.docs.get(doc.uri) is doc and outcome.revision == doc.revision:
            # The newest lint there is: publish it now instead of linting again.
            timer = self._timers.pop(doc.uri, None)
            if timer is not None:
                timer.cancel()
            self._publish(doc, outcome)
        return outcome

    def _client_resolves_edits(self) -> bool:
        from pygls.capabilities import get_capability

        support = get_capability(
            self.ls.client_capabilities, "text_document.code_action.resolve_support", None
        )
        return support is not None and "edit" in (support.properties or ())

    async def _action_input(self, doc: OpenDocument, with_fixed: bool) -> ActionInput | None:
        """The current version of `doc`, linted (and fixed to a fixpoint, if asked)."""
        from pygls.capabilities import get_capability

        outcome = await self.current_outcome(doc)
        if outcome.error is not None or outcome.skipped or outcome.resolved is None:
            return None
        fixed = None
        if with_fixed and any(d.fix is not None for d in outcome.diagnostics):
            if doc.fixed is not None and doc.fixed[0] == (outcome.revision, outcome.generation):
                fixed = doc.fixed[1]
            else:
                fixed = await asyncio.get_event_loop().run_in_executor(
                    self._worker,
                    self._fixed,
                    self._lint_path(doc),
                    doc.fmt,
                    outcome.text,
                    outcome.resolved.settings,
                )
                doc.fixed = ((outcome.revision, outcome.generation), fixed)
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
        )

    # -- features --------------------------------------------------------------------------

    def _register(self) -> None:
        ls = self.ls

        @ls.feature(types.INITIALIZE)
        def initialize(params: types.InitializeParams) -> None:
            options = params.initialization_options
            if isinstance(options, dict) and isinstance(options.get("debounceMs"), (int, float)):
                self.debounce = max(0.0, options["debounceMs"] / 1000)
            if isinstance(options, dict) and isinstance(options.get("maxDocumentChars"), int):
                self.max_document_chars = max(0, options["maxDocumentChars"])

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
                item.uri, path, fmt, item.text, item.version, revision=next(self._revisions)
            )
            self.schedule(item.uri, 0)

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
            doc.revision = next(self._revisions)
            self.schedule(doc.uri, self.debounce)

        @ls.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
        def did_save(params: types.DidSaveTextDocumentParams) -> None:
            doc = self.docs.get(params.text_document.uri)
            if doc is not None:
                self.generation += 1  # configuration may have changed: lint again
                self.schedule(doc.uri, 0)
            elif params.text_document.uri.endswith(".toml"):
                self.relint_all()

        @ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)
        def did_close(params: types.DidCloseTextDocumentParams) -> None:
            uri = params.text_document.uri
            doc = self.docs.pop(uri, None)
            timer = self._timers.pop(uri, None)
            if timer is not None:
                timer.cancel()
            self._again.discard(uri)
            if doc is not None:
                ls.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
                )

        @ls.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
        def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
            self.relint_all()

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
                self._action_input(doc, with_fixed=_wants(only, FIX_ALL_KIND) and not lazy)
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
            outcome = await self._within_budget(self.current_outcome(doc))
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

    async def _within_budget(self, work):
        """`work`'s result, or None when it takes longer than REQUEST_BUDGET_SECONDS."""
        task = asyncio.ensure_future(work)
        try:
            return await asyncio.wait_for(asyncio.shield(task), REQUEST_BUDGET_SECONDS)
        except asyncio.TimeoutError:
            return None  # the lint goes on in its thread and publishes when done

    def relint_all(self) -> None:
        self.generation += 1  # configuration or registry changed: lint again
        for uri in list(self.docs):
            self.schedule(uri, 0)


def create_server(
    rules: Sequence[Rule], debounce: float = DEFAULT_DEBOUNCE_SECONDS
) -> SoatLanguageServer:
    return SoatLanguageServer(rules, debounce)


def serve(rules: Sequence[Rule] | None = None) -> None:
    """Run the language server on stdio until the client says exit.

    The command line passes the rule list; `lint` never imports `rules` at module level,
    so when called without one, the list is looked up by name here.
    """
    if rules is None:
        rules = importlib.import_module("soat.rules").ALL_RULES
    server = create_server(rules)
    server.ls.start_io()
    # The protocol's exit code: 0 after a shutdown request, 1 when the client just left.
    # (pygls computes it but its stdio loop swallows the SystemExit.)
    sys.exit(0 if server.ls.protocol._shutdown else 1)
