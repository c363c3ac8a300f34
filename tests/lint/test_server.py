"""`soat server` driven over real stdio by a real LSP client (pytest-lsp).

`soat check --output-format json` is the oracle: whatever rules exist, the server must
report the same codes, messages, severities and ranges (converted to UTF-16).
"""

from __future__ import annotations

import asyncio
import os

import pytest
import pytest_lsp
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient

from soat.lint.lsp.actions import FIX_ALL_KIND
from soat.lint.lsp.positions import PositionMap, apply_change
from tests.conftest import needs_seed
from tests.lint.server_helpers import (
    SERVER_COMMAND,
    apply_text_edits,
    as_changes,
    as_tuples,
    cli_json,
    edits_of,
    expected_from_cli,
    initialize,
    make_client,
    seed_text,
)


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER_COMMAND, client_factory=make_client)
)
async def client(lsp_client: LanguageClient):
    yield
    if not lsp_client.stopped:
        await lsp_client.shutdown_session()


def open_file(
    client: LanguageClient, path: str, text: str, language: str = "plaintext", version: int = 1
) -> str:
    uri = from_fs_path(path)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)
        )
    )
    return uri


def change(client: LanguageClient, uri: str, version: int, changes) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version), list(changes)
        )
    )


def write(path, text: str) -> str:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    return str(path)


# --- the seed: same findings as the CLI, code actions, edits, shutdown ------------------------


@needs_seed
@pytest.mark.asyncio
async def test_seed_session_end_to_end(client: LanguageClient, tmp_path):
    path = write(tmp_path / "bai.txt", seed_text())
    result = await initialize(client, str(tmp_path))
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf16
    assert FIX_ALL_KIND in result.capabilities.code_action_provider.code_action_kinds

    uri = open_file(client, path, seed_text())
    published = await client.recorder.wait(uri, version=1)
    expected = expected_from_cli(path)
    assert expected, "the seed has findings"
    assert as_tuples(published.diagnostics) == expected
    assert all(d.source == "soat" for d in published.diagnostics)

    # A quick fix on the first finding that has a fix, applied like an editor would.
    text = seed_text()
    fixable = next(f for f in cli_json(path) if f["fix"])
    target = next(d for d in published.diagnostics if d.code == fixable["code"])
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            target.range,
            types.CodeActionContext(diagnostics=[target]),
        )
    )
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix and a.is_preferred]
    assert quick and quick[0].title.startswith(fixable["code"])
    edits = edits_of(quick[0], uri)
    new_text = apply_text_edits(text, edits)
    assert new_text != text
    # The server's edit is the CLI's fix edit.
    assert [e.new_text for e in edits] == [e["content"] for e in fixable["fix"]["edits"]]

    change(client, uri, 2, as_changes(edits))
    published = await client.recorder.wait(uri, version=2)
    assert as_tuples(published.diagnostics) == expected_from_cli(
        write(tmp_path / "bai.txt", new_text)
    )
    assert len(published.diagnostics) == len(expected) - 1

    # Typing a new problem (a no-break space) shows up after the debounce.
    change(
        client,
        uri,
        3,
        [
            types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(0, 0), types.Position(0, 0)), text="Tin\u00a0mới "
            )
        ],
    )
    published = await client.recorder.wait(uri, version=3)
    new_text = "Tin\u00a0mới " + new_text
    assert as_tuples(published.diagnostics) == expected_from_cli(
        write(tmp_path / "bai.txt", new_text)
    )

    # Fix all: one whole-document edit equal to `soat check --fix` on the same text.
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(0, 0), types.Position(0, 0)),
            types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
        )
    )
    assert [a.kind for a in actions] == [FIX_ALL_KIND]
    fixed = apply_text_edits(new_text, edits_of(actions[0], uri))
    cli_copy = write(tmp_path / "cli.txt", new_text)
    cli_json(cli_copy, "--fix")
    with open(cli_copy, encoding="utf-8", newline="") as fh:
        assert fixed == fh.read()
    assert fixed != new_text

    await client.shutdown_session()
    assert client._server.returncode == 0


# --- positions ----------------------------------------------------------------------------

ASTRAL = "Chào 😀 bạn\u00a0đọc\nẢnh 𝕏:\u00a0 cán bộ e\u0301 ,và 👩‍👩‍👧 cuối\u00a0dòng\r\ndòng ba\u00a0\rhết"


@pytest.mark.asyncio
@pytest.mark.parametrize("encodings", [None, ["utf-16"], ["utf-8", "utf-16"], ["utf-32"]])
async def test_positions_in_the_negotiated_encoding(client: LanguageClient, tmp_path, encodings):
    path = write(tmp_path / "emoji.txt", ASTRAL)
    result = await initialize(client, str(tmp_path), encodings=encodings)
    negotiated = result.capabilities.position_encoding
    assert negotiated == (encodings[0] if encodings else "utf-16")
    uri = open_file(client, path, ASTRAL)
    published = await client.recorder.wait(uri, version=1)
    lines = ASTRAL.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = {
        "utf-8": lambda s: len(s.encode()),
        "utf-16": lambda s: len(s.encode("utf-16-le")) // 2,
        "utf-32": len,
    }[negotiated]
    expected = sorted(
        (
            f["code"],
            (
                f["location"]["row"] - 1,
                width(lines[f["location"]["row"] - 1][: f["location"]["column"] - 1]),
                f["end_location"]["row"] - 1,
                width(lines[f["end_location"]["row"] - 1][: f["end_location"]["column"] - 1]),
            ),
        )
        for f in cli_json(path)
    )
    got = sorted(
        (
            d.code,
            (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character),
        )
        for d in published.diagnostics
    )
    assert expected and got == expected


@pytest.mark.asyncio
async def test_incremental_edits_after_astral_characters(client: LanguageClient, tmp_path):
    path = write(tmp_path / "a.txt", "😀😀 x\n")
    await initialize(client, str(tmp_path))
    uri = open_file(client, path, "😀😀 x\n")
    await client.recorder.wait(uri, version=1)
    # UTF-16 character 5 is after the two emoji and the space: replace "x" with a NBSP run.
    change(
        client,
        uri,
        2,
        [
            types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(0, 5), types.Position(0, 6)), text="a\u00a0b"
            )
        ],
    )
    published = await client.recorder.wait(uri, version=2)
    assert as_tuples(published.diagnostics) == expected_from_cli(
        write(tmp_path / "a.txt", "😀😀 a\u00a0b\n")
    )
    assert [
        (d.range.start.character, d.range.end.character)
        for d in published.diagnostics
        if d.code == "TYP001"
    ] == [(6, 7)]


# --- code actions -------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_disable_next_line_action_keeps_indentation_and_silences_the_rule(client, tmp_path):
    text = "Tiêu đề\n\n  Đoạn\u00a0văn thụt lề.\n"
    path = write(tmp_path / "b.md", text)
    await initialize(client, str(tmp_path))
    uri = open_file(client, path, text, language="markdown")
    published = await client.recorder.wait(uri, version=1)
    target = next(d for d in published.diagnostics if d.code == "TYP001")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            target.range,
            types.CodeActionContext(diagnostics=[target]),
        )
    )
    disable = [a for a in actions if "TYP001" in a.title and a.title.startswith("Tắt")]
    assert len(disable) == 1
    new_text = apply_text_edits(text, edits_of(disable[0], uri))
    assert (
        new_text
        == "Tiêu đề\n\n  <!-- soat-disable-next-line TYP001 -->\n  Đoạn\u00a0văn thụt lề.\n"
    )
    change(client, uri, 2, as_changes(edits_of(disable[0], uri)))
    published = await client.recorder.wait(uri, version=2)
    assert not [d for d in published.diagnostics if d.code == "TYP001"]
    assert as_tuples(published.diagnostics) == expected_from_cli(write(tmp_path / "b.md", new_text))


@pytest.mark.asyncio
async def test_code_actions_only_for_findings_in_range(client, tmp_path):
    text = "Một\u00a0dòng.\nHai dòng sạch.\n"
    path = write(tmp_path / "c.txt", text)
    await initialize(client, str(tmp_path))
    uri = open_file(client, path, text)
    await client.recorder.wait(uri, version=1)
    clean_line = types.Range(types.Position(1, 0), types.Position(1, 3))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            clean_line,
            types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.QuickFix]),
        )
    )
    assert list(actions) == []
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(0, 3), types.Position(0, 3)),
            types.CodeActionContext(diagnostics=[]),
        )
    )
    typ = [a for a in actions if "TYP001" in a.title]
    assert [a.kind for a in typ] == ["quickfix", "quickfix"]  # the fix, then the suppression
    assert typ[0].is_preferred and typ[0].diagnostics[0].code == "TYP001"
    # The light bulb gets fix-all unresolved (VS Code resolves edits); resolving fills it in.
    fix_all = [a for a in actions if a.kind == FIX_ALL_KIND]
    assert len(fix_all) == 1 and fix_all[0].edit is None
    resolved = await client.code_action_resolve_async(fix_all[0])
    cli_json(write(tmp_path / "c.txt", text), "--fix")
    with open(tmp_path / "c.txt", encoding="utf-8", newline="") as fh:
        assert apply_text_edits(text, edits_of(resolved, uri)) == fh.read() != text


@pytest.mark.asyncio
async def test_hover_shows_rule_summary_and_explanation(client, tmp_path):
    from soat.rules import ALL_RULES

    rule = next(r for r in ALL_RULES if r.code == "TYP001")
    text = "Một\u00a0dòng.\n"
    path = write(tmp_path / "h.txt", text)
    await initialize(client, str(tmp_path))
    uri = open_file(client, path, text)
    await client.recorder.wait(uri, version=1)
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 3))
    )
    assert hover is not None
    assert "TYP001" in hover.contents.value
    assert rule.summary.vi in hover.contents.value
    assert rule.explanation.vi in hover.contents.value
    nothing = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0))
    )
    assert nothing is None


# --- configuration ------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_configuration_changes_are_picked_up_without_restart(client, tmp_path):
    text = "Một\u00a0dòng.\n"
    config = write(tmp_path / "soat.toml", 'ignore = ["TYP001"]\n')
    path = write(tmp_path / "d.txt", text)
    await initialize(client, str(tmp_path))
    await client.recorder.wait_until(
        lambda: any(
            r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
            for r in client.recorder.registrations
        )
    )
    uri = open_file(client, path, text)
    published = await client.recorder.wait(uri, version=1)
    assert not [d for d in published.diagnostics if d.code == "TYP001"]

    write(config, 'lang = "en"\n')
    os.utime(config, ns=(os.stat(config).st_mtime_ns + 10**9,) * 2)
    count = len(client.recorder.published)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(from_fs_path(config), types.FileChangeType.Changed)]
        )
    )
    published = await client.recorder.wait(uri, after=count)
    assert as_tuples(published.diagnostics) == expected_from_cli(path)
    assert any(d.code == "TYP001" and "space" in d.message for d in published.diagnostics)


@pytest.mark.asyncio
async def test_diagnostics_link_the_rule_page_under_rule_docs_url(client, tmp_path):
    text = "Một\u00a0dòng.\n"
    write(tmp_path / "soat.toml", 'rule-docs-url = "https://example.org/soat/rules/"\n')
    sub = tmp_path / "plain"
    sub.mkdir()
    write(sub / "soat.toml", "")  # a nested configuration without the key: no link
    linked, plain = write(tmp_path / "d.txt", text), write(sub / "d.txt", text)
    await initialize(client, str(tmp_path))
    uri = open_file(client, linked, text)
    published = await client.recorder.wait(uri, version=1)
    hrefs = {d.code: d.code_description.href for d in published.diagnostics}
    assert hrefs["TYP001"] == "https://example.org/soat/rules/TYP001.md"
    assert hrefs == {code: f"https://example.org/soat/rules/{code}.md" for code in hrefs}
    uri = open_file(client, plain, text)
    published = await client.recorder.wait(uri, version=1)
    assert published.diagnostics and all(d.code_description is None for d in published.diagnostics)


@pytest.mark.asyncio
async def test_registry_changes_are_picked_up_without_restart(client, tmp_path):
    text = "Thanh toán qua soatbrandx nhé.\n"
    write(tmp_path / "soat.toml", 'registry = ["reg.toml"]\n')
    registry = write(tmp_path / "reg.toml", "")
    path = write(tmp_path / "r.txt", text)
    await initialize(client, str(tmp_path))
    uri = open_file(client, path, text)
    before = await client.recorder.wait(uri, version=1)
    assert as_tuples(before.diagnostics) == expected_from_cli(path)

    write(registry, '[[term]]\npreferred = "SoatBrandX"\nvariants = ["soatbrandx"]\n')
    os.utime(registry, ns=(os.stat(registry).st_mtime_ns + 10**9,) * 2)
    count = len(client.recorder.published)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(from_fs_path(registry), types.FileChangeType.Changed)]
        )
    )
    after = await client.recorder.wait(uri, after=count)
    assert as_tuples(after.diagnostics) == expected_from_cli(path)
    assert as_tuples(after.diagnostics) != as_tuples(before.diagnostics)


@pytest.mark.asyncio
async def test_configuration_error_is_a_message_and_a_diagnostic_never_a_crash(client, tmp_path):
    text = "Một\u00a0dòng.\n"
    config = write(tmp_path / "soat.toml", 'select = ["ALL"]\nstyel = 1\n')
    path = write(tmp_path / "e.txt", text)
    await initialize(client, str(tmp_path))
    uri = open_file(client, path, text)
    published = await client.recorder.wait(uri, version=1)
    assert len(published.diagnostics) == 1
    top = published.diagnostics[0]
    assert (
        top.range.start == types.Position(0, 0) and top.severity == types.DiagnosticSeverity.Error
    )
    assert "soat.toml:2" in top.message and "styel" in top.message
    assert top.related_information[0].location.uri == from_fs_path(config)
    assert top.related_information[0].location.range.start.line == 1
    assert [m.type for m in client.recorder.messages] == [types.MessageType.Error]

    # Typing again does not repeat the window message.
    change(client, uri, 2, [types.TextDocumentContentChangeWholeDocument(text=text + "x")])
    await client.recorder.wait(uri, version=2)
    assert len(client.recorder.messages) == 1

    # A broken registry file is reported the same way.
    write(config, 'registry = ["reg.toml"]\n')
    write(tmp_path / "reg.toml", "[[term]]\npreferred = \n")
    change(client, uri, 3, [types.TextDocumentContentChangeWholeDocument(text=text)])
    published = await client.recorder.wait(uri, version=3)
    assert len(published.diagnostics) == 1 and "reg.toml" in published.diagnostics[0].message
    assert len(client.recorder.messages) == 2

    # Fixed on disk: real findings come back on the next save.
    os.remove(config)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    count = len(client.recorder.published)
    published = await client.recorder.wait(uri, after=count)
    assert as_tuples(published.diagnostics) == expected_from_cli(path)


@pytest.mark.asyncio
async def test_excluded_files_and_other_languages_get_no_diagnostics(client, tmp_path):
    write(tmp_path / "soat.toml", 'exclude = ["archive/**"]\n')
    os.mkdir(tmp_path / "archive")
    text = "Một\u00a0dòng.\n"
    path = write(tmp_path / "archive" / "old.txt", text)
    await initialize(client, str(tmp_path))
    uri = open_file(client, path, text)
    published = await client.recorder.wait(uri, version=1)
    assert list(published.diagnostics) == []
    py = open_file(client, str(tmp_path / "script.py"), text, language="python")
    untitled = "untitled:Untitled-1"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=untitled, language_id="markdown", version=1, text=text)
        )
    )
    published = await client.recorder.wait(untitled, version=1)
    assert [d.code for d in published.diagnostics] == ["TYP001"]
    assert client.recorder.latest(py) is None


@pytest.mark.asyncio
async def test_close_clears_diagnostics(client, tmp_path):
    text = "Một\u00a0dòng.\n"
    path = write(tmp_path / "f.html", f"<p>{text}</p>")
    await initialize(client, str(tmp_path))
    uri = open_file(client, path, f"<p>{text}</p>", language="html")
    published = await client.recorder.wait(uri, version=1)
    assert as_tuples(published.diagnostics) == expected_from_cli(path)
    count = len(client.recorder.published)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    published = await client.recorder.wait(uri, after=count)
    assert list(published.diagnostics) == []


# --- the conversion itself (pure functions) ----------------------------------------------

POSITIONS = [
    # text, code-point offset, (line, UTF-16 character), UTF-8 character
    ("abc", 2, (0, 2), 2),
    ("😀x", 1, (0, 2), 4),
    ("a😀b\nc", 2, (0, 3), 5),
    ("a😀b\nc", 3, (0, 4), 6),  # the LF itself is the end of line 0
    ("a😀b\nc", 4, (1, 0), 0),
    ("x\r\ny", 1, (0, 1), 1),
    ("x\r\ny", 2, (0, 1), 1),  # between CR and LF: still the end of line 0
    ("x\r\ny", 3, (1, 0), 0),
    ("x\ry", 2, (1, 0), 0),  # a lone CR ends a line
    ("x\u2028y", 2, (0, 2), 4),  # U+2028 does not
    ("e\u0301 ờ", 3, (0, 3), 4),
    ("e\u0301 ờ", 4, (0, 4), 7),
    ("", 0, (0, 0), 0),
    ("ab\n", 3, (1, 0), 0),
]


@pytest.mark.parametrize("text,offset,utf16,utf8", POSITIONS)
def test_position_of_offset(text, offset, utf16, utf8):
    assert PositionMap(text).position(offset) == types.Position(*utf16)
    assert PositionMap(text, "utf-8").position(offset) == types.Position(utf16[0], utf8)


OFFSETS = [
    # text, (line, UTF-16 character), code-point offset
    ("😀x", (0, 1), 1),  # inside the surrogate pair: the next code point
    ("😀x", (0, 2), 1),
    ("ab\ncd", (0, 99), 2),  # past the end of a line: its end, before the break
    ("ab\r\ncd", (0, 99), 2),
    ("ab\ncd", (7, 0), 5),  # past the last line: the end of the text
    ("ab\ncd", (1, 1), 4),
]


@pytest.mark.parametrize("text,position,offset", OFFSETS)
def test_offset_of_position(text, position, offset):
    assert PositionMap(text).offset(types.Position(*position)) == offset


TEXT = st.text(alphabet=st.sampled_from(list("ab \n\r\u00a0\u0301\u2028😀𝕏ờ")), max_size=30)


@given(TEXT, st.data())
def test_offsets_survive_a_round_trip_in_every_encoding(text, data):
    offset = data.draw(st.integers(0, len(text)))
    if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n":
        offset -= 1  # no position names the point between CR and LF
    for encoding in ("utf-8", "utf-16", "utf-32"):
        pmap = PositionMap(text, encoding)
        assert pmap.offset(pmap.position(offset)) == offset


@given(TEXT, st.data())
def test_incremental_change_is_a_splice(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    if 0 < a < len(text) and text[a - 1] == "\r" and text[a] == "\n":
        a -= 1
    if 0 < b < len(text) and text[b - 1] == "\r" and text[b] == "\n":
        b += 1
    new = data.draw(TEXT)
    pmap = PositionMap(text)
    change = types.TextDocumentContentChangePartial(pmap.range(a, b), new)
    assert apply_change(text, change, "utf-16") == text[:a] + new + text[b:]


@pytest.mark.asyncio
async def test_reopening_never_shows_the_old_texts_findings(client, tmp_path):
    old, new = "Một dòng dài hơn\u00a0nhiều.\n", "Hai\u00a0từ.\n"
    path = write(tmp_path / "g.txt", new)
    expected = expected_from_cli(path)
    assert expected and expected != expected_from_cli(write(tmp_path / "old.txt", old))
    await initialize(client, str(tmp_path), options={"debounceMs": 0})
    for _ in range(5):  # close and reopen while the old text's lint may still be running
        uri = open_file(client, path, old)
        client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
        )
    uri = open_file(client, path, new)
    await client.recorder.wait_until(
        lambda: (
            client.recorder.latest(uri) is not None
            and as_tuples(client.recorder.latest(uri).diagnostics) == expected
        )
    )
    await asyncio.sleep(0.5)
    assert as_tuples(client.recorder.latest(uri).diagnostics) == expected
