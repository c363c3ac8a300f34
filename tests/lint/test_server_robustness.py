"""2,000 random edits, sent as fast as the pipe takes them, with requests in between.

Insertions and deletions of random Unicode: Vietnamese letters precomposed and decomposed,
lone combining marks, emoji (with skin tones, ZWJ sequences and flags), other characters
outside the BMP, no-break and other odd spaces, U+2028, CR, LF and CRLF, soat's own
suppression comments. The server must stay up, never publish an old version after a newer
one, and its final diagnostics must equal `soat check` on the final text.

U+FEFF is left out on purpose: at the start of a file it is a byte-order mark, which the CLI
strips and an editor buffer keeps, so the two would rightly differ.
"""

from __future__ import annotations

import asyncio
import os
import random

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.lint.server_helpers import (
    SEED,
    SERVER_COMMAND,
    as_tuples,
    expected_from_cli,
    initialize,
    make_client,
    position_of,
)

EDITS = 2000

PIECES = (
    list("abcdeghiklmnopqrstuvxyĐđ0123456789 .,;:!?()/-\"'“”")
    + list("ăâêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
    + ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0306", "\u031b", "\u0302"]
    + ["a\u0301", "o\u031b\u0300", "e\u0302\u0323"]
    + ["😀", "👍🏽", "👩‍👩‍👧", "🇻🇳", "𝕏", "𠀋", "🀄"]
    + ["\u00a0", "\u2009", "\u3000", "\t", "  ", "\u200b", "\u2028"]
    + ["\n", "\n", "\r\n", "\r", "\n\n"]
    + [
        "...",
        "…",
        " - ",
        "—",
        "<!-- soat-disable-next-line TYP001 -->\n",
        "<!-- x -->",
        "Nghị quyết số 02-NQ/TW ngày 12/6/2021",
        "ngày 31/4/2024",
        "youtube",
        "Lai Cai",
        "Phó Chủ tịch Tổng LĐLĐ Việt Nam",
        "Có thể bạn quan tâm\n",
    ]
)

FALLBACK_TEXT = (
    "Tiêu đề bài viết\n\nNgày 12/6/2021, Bộ Chính trị ban hành Nghị quyết số 02-NQ/TW.\n"
    "Công đoàn cần\u00a0tuyên truyền...\n\nẢnh: Tuấn Đạt\n"
)


def start_text() -> str:
    if os.path.exists(SEED):
        with open(SEED, encoding="utf-8", newline="") as fh:
            return fh.read()
    return FALLBACK_TEXT


def random_edit(rng: random.Random, text: str) -> tuple[int, int, str]:
    """(start, end, new text) in code points; never splits a CRLF."""

    def point() -> int:
        at = rng.randint(0, len(text))
        if 0 < at < len(text) and text[at - 1] == "\r" and text[at] == "\n":
            at -= 1
        return at

    a = point()
    if rng.random() < 0.55 or not text:
        new = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 4)))
        return a, a, new
    b = point()
    if b < a:
        a, b = b, a
    if b - a > 12:
        b = a + rng.randint(1, 12)
        if 0 < b < len(text) and text[b - 1] == "\r" and text[b] == "\n":
            b += 1
    return a, b, ""


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER_COMMAND, client_factory=make_client)
)
async def client(lsp_client: LanguageClient):
    yield
    if not lsp_client.stopped:
        await lsp_client.shutdown_session()


@pytest.mark.asyncio
@pytest.mark.parametrize("seed,debounce_ms", [(9, None), (2024, 0)])
async def test_random_edits_end_where_the_cli_ends(
    client: LanguageClient, tmp_path, seed, debounce_ms
):
    """With the default debounce, and with none (a lint starts after every change, so old
    versions are in flight all the time)."""
    rng = random.Random(seed)
    text = start_text()
    path = tmp_path / "bai.txt"
    path.write_text(text, encoding="utf-8", newline="")
    await initialize(
        client, str(tmp_path), options={} if debounce_ms is None else {"debounceMs": debounce_ms}
    )
    uri = from_fs_path(str(path))
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
        )
    )

    version, sent, requests = 1, 0, []
    while sent < EDITS:
        changes = []
        for _ in range(min(rng.choice((1, 1, 1, 2, 3)), EDITS - sent)):
            start, end, new = random_edit(rng, text)
            changes.append(
                types.TextDocumentContentChangePartial(
                    range=types.Range(position_of(text, start), position_of(text, end)), text=new
                )
            )
            text = text[:start] + new + text[end:]
            sent += 1
        version += 1
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version), changes
            )
        )
        if version % 97 == 0:  # requests against whatever version the server is at
            at = position_of(text, rng.randint(0, len(text)))
            requests.append(
                asyncio.ensure_future(
                    client.text_document_code_action_async(
                        types.CodeActionParams(
                            types.TextDocumentIdentifier(uri),
                            types.Range(at, at),
                            types.CodeActionContext(diagnostics=[]),
                        )
                    )
                )
            )
            requests.append(
                asyncio.ensure_future(
                    client.text_document_hover_async(
                        types.HoverParams(types.TextDocumentIdentifier(uri), at)
                    )
                )
            )
        if version % 50 == 0:
            await asyncio.sleep(0)  # let responses in, as a real client would

    final = await client.recorder.wait(uri, version=version, timeout=120)
    answers = await asyncio.gather(*requests, return_exceptions=True)
    assert not [a for a in answers if isinstance(a, BaseException)]  # every request answered
    await asyncio.sleep(0.5)  # nothing older may arrive after the final version
    assert client.recorder.latest(uri).version == version
    versions = [p.version for p in client.recorder.published if p.uri == uri]
    assert versions == sorted(versions)

    path.write_text(text, encoding="utf-8", newline="")
    assert as_tuples(final.diagnostics) == expected_from_cli(str(path), text)

    # Still answering, and the server's text is the client's text: fix-all's edit spans it.
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(0, 0), types.Position(0, 0)),
            types.CodeActionContext(diagnostics=[], only=["source.fixAll.soat"]),
        )
    )
    for action in actions:
        edit = action.edit.document_changes[0].edits[0]
        assert edit.range.end == position_of(text, len(text))
    await client.shutdown_session()
    assert client._server.returncode == 0
