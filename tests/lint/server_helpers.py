"""Shared by the language-server tests: a recording LSP client, `soat check` as the oracle,
and an independent UTF-16 edit applier (so the server's own conversion is not tested
against itself)."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from tests.conftest import SEED

SERVER_COMMAND = [sys.executable, "-m", "soat", "server"]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def seed_text() -> str:
    with open(SEED, encoding="utf-8", newline="") as fh:
        return fh.read()


def lsp_lines(text: str) -> list[str]:
    """The text's lines as the protocol sees them (LF, CRLF and CR end a line)."""
    return _LINE_BREAK.split(text)


def utf16_position(lines: list[str], row: int, column: int) -> tuple[int, int]:
    """1-based row and code-point column → 0-based line and UTF-16 character."""
    prefix = lines[row - 1][: column - 1]
    return row - 1, len(prefix.encode("utf-16-le", "surrogatepass")) // 2


def offset_of(text: str, line: int, character: int) -> int:
    """0-based line and UTF-16 character → code-point offset into `text`."""
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    start = starts[line]
    units, i = 0, start
    while units < character:
        units += 2 if ord(text[i]) > 0xFFFF else 1
        i += 1
    return i


def position_of(text: str, offset: int) -> types.Position:
    """Code-point offset → LSP position (0-based line, UTF-16 character)."""
    line, start = 0, 0
    for m in _LINE_BREAK.finditer(text, 0, offset):
        if m.end() > offset:
            break
        line, start = line + 1, m.end()
    return types.Position(line, len(text[start:offset].encode("utf-16-le", "surrogatepass")) // 2)


def cli_json(path: str, *extra: str) -> list[dict[str, Any]]:
    """`soat check --output-format json` on one file, run the way a user runs it."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "soat",
            "check",
            "--output-format",
            "json",
            "--exit-zero",
            *extra,
            os.path.basename(path),
        ],
        cwd=os.path.dirname(path),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    findings = json.loads(proc.stdout)
    # Exit 2 with --exit-zero only when a rule or reader failed (INT001, also in the output).
    assert proc.returncode == 0 or any(f["code"] == "INT001" for f in findings), proc.stderr
    return findings


def _range(lines, loc, end) -> tuple[int, int, int, int]:
    return (
        *utf16_position(lines, loc["row"], loc["column"]),
        *utf16_position(lines, end["row"], end["column"]),
    )


SEVERITY = {"error": 1, "warning": 2, "info": 3}


def expected_from_cli(path: str, text: str | None = None) -> list[tuple]:
    """`soat check`'s findings on `path`, as comparable tuples in UTF-16 positions."""
    if text is None:
        with open(path, encoding="utf-8", newline="") as fh:
            text = fh.read()
    lines = lsp_lines(text)
    out = []
    for f in cli_json(path):
        related = tuple(
            sorted(_range(lines, r["location"], r["end_location"]) for r in f["related"])
        )
        out.append(
            (
                f["code"],
                SEVERITY[f["severity"]],
                f["message"],
                _range(lines, f["location"], f["end_location"]),
                related,
            )
        )
    return sorted(out)


def as_tuples(diagnostics) -> list[tuple]:
    out = []
    for d in diagnostics:
        r = d.range
        related = tuple(
            sorted(
                (
                    x.location.range.start.line,
                    x.location.range.start.character,
                    x.location.range.end.line,
                    x.location.range.end.character,
                )
                for x in d.related_information or ()
            )
        )
        out.append(
            (
                d.code,
                int(d.severity),
                d.message,
                (r.start.line, r.start.character, r.end.line, r.end.character),
                related,
            )
        )
    return sorted(out)


def apply_text_edits(text: str, edits) -> str:
    spans = sorted(
        (
            (
                offset_of(text, e.range.start.line, e.range.start.character),
                offset_of(text, e.range.end.line, e.range.end.character),
                e.new_text,
            )
            for e in edits
        ),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    edit = action.edit
    if edit.document_changes:
        return [e for dc in edit.document_changes if dc.text_document.uri == uri for e in dc.edits]
    return list(edit.changes[uri])


def as_changes(edits) -> list[types.TextDocumentContentChangePartial]:
    """Edits as incremental changes, last first, so each one's range is still valid."""
    ordered = sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    )
    return [types.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in ordered]


class Recorder:
    """Every publishDiagnostics, window message and registration the server sends."""

    def __init__(self) -> None:
        self.published: list[types.PublishDiagnosticsParams] = []
        self.messages: list[types.ShowMessageParams] = []
        self.registrations: list[types.Registration] = []

    def latest(self, uri: str) -> types.PublishDiagnosticsParams | None:
        return next((p for p in reversed(self.published) if p.uri == uri), None)

    async def wait_until(self, predicate, timeout: float = 20.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            if loop.time() > deadline:
                raise AssertionError("timed out")
            await asyncio.sleep(0.005)

    async def wait(
        self, uri: str, version: int | None = None, timeout: float = 20.0, after: int = 0
    ) -> types.PublishDiagnosticsParams:
        """The first publication for `uri` (at `version`, if given) after the `after`-th."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            for p in self.published[after:]:
                if p.uri == uri and (version is None or p.version == version):
                    return p
            await asyncio.sleep(0.005)
        raise AssertionError(f"no diagnostics for {uri} version {version} within {timeout}s")


def make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    mine = {
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS,
        types.WINDOW_SHOW_MESSAGE,
        types.CLIENT_REGISTER_CAPABILITY,
    }
    register_lsp_features(
        client, {m: f for m, f in DEFAULT_CLIENT_FEATURES.items() if m not in mine}
    )
    client.recorder = Recorder()  # type: ignore[attr-defined]

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish(params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.recorder.published.append(params)

    @client.feature(types.WINDOW_SHOW_MESSAGE)
    def show(params: types.ShowMessageParams) -> None:
        client.messages.append(params)
        client.recorder.messages.append(params)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        client.recorder.registrations.extend(params.registrations)

    return client


async def initialize(
    client: LanguageClient,
    root: str | None = None,
    spec: str = "visual-studio-code",
    options: dict | None = None,
    encodings: list[str] | None = None,
):
    capabilities = client_capabilities(spec)
    if encodings is not None:
        capabilities.general = types.GeneralClientCapabilities(position_encodings=encodings)
    from pygls.uris import from_fs_path

    folders = [types.WorkspaceFolder(uri=from_fs_path(root), name="root")] if root else None
    return await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=from_fs_path(root) if root else None,
            workspace_folders=folders,
            initialization_options=options or {"debounceMs": 20},
        )
    )
