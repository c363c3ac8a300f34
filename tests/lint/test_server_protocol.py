"""Server details tested without a full client: where a suppression comment goes, and the
exit protocol (exit codes, requests after shutdown) over raw JSON-RPC."""

import json
import subprocess
import sys

import pytest

from soat.lint.diagnostic import Diagnostic
from soat.lint.lsp.positions import PositionMap
from soat.lint.lsp.suppression import suppression_edit


def insert(text: str, offset: int, fmt: str) -> str:
    diag = Diagnostic("m", offset, offset + 1, code="TYP001", name="whitespace")
    edit = suppression_edit(text, diag, PositionMap(text), fmt)
    index = PositionMap(text).index
    start = index.offset(edit.range.start.line + 1, 1) + edit.range.start.character
    return text[:start] + edit.new_text + text[start:]


@pytest.mark.parametrize(
    "text,needle,fmt,expected",
    [
        # a line that starts a block: the comment on its own line above
        (
            "# T\n\nĐoạn  một.\n",
            "  ",
            "md",
            "# T\n\n<!-- soat-disable-next-line TYP001 -->\nĐoạn  một.\n",
        ),
        # the second line of a Markdown paragraph: a comment line would split the paragraph
        (
            "# T\n\nDòng một\ndòng  hai.\n",
            "  ",
            "md",
            "# T\n\nDòng một\ndòng  hai. <!-- soat-disable-line TYP001 -->\n",
        ),
        # a table row: a comment line would cut the table
        (
            "| a | b |\n|---|---|\n| x |  y |\n",
            "  y",
            "md",
            "| a | b |\n|---|---|\n| x |  y | <!-- soat-disable-line TYP001 -->\n",
        ),
        # plain text: every line is a block, so the comment goes on its own line
        (
            "Tiêu đề\nDòng  hai.\n",
            "  ",
            "txt",
            "Tiêu đề\n<!-- soat-disable-next-line TYP001 -->\nDòng  hai.\n",
        ),
        # a byte-order mark stays first
        (
            "\ufeffDòng  một.\n",
            "  ",
            "txt",
            "\ufeff<!-- soat-disable-next-line TYP001 -->\nDòng  một.\n",
        ),
    ],
)
def test_suppression_comment_placement(text, needle, fmt, expected):
    assert insert(text, text.index(needle), fmt) == expected


def _frame(payload: dict) -> bytes:
    body = json.dumps(payload).encode()
    return f"Content-Length: {len(body)}\r\n\r\n".encode() + body


def _run(messages: list[dict]) -> tuple[int, bytes]:
    data = b"".join(_frame(m) for m in messages)
    proc = subprocess.run(
        [sys.executable, "-m", "soat", "server"], input=data, capture_output=True, timeout=60
    )
    return proc.returncode, proc.stdout


INIT = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {"capabilities": {}, "processId": None},
}


def test_exit_after_shutdown_is_0_and_a_request_after_shutdown_gets_invalid_request():
    code, out = _run(
        [
            INIT,
            {"jsonrpc": "2.0", "method": "initialized", "params": {}},
            {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
            {
                "jsonrpc": "2.0",
                "id": 3,
                "method": "textDocument/hover",
                "params": {
                    "textDocument": {"uri": "file:///x.txt"},
                    "position": {"line": 0, "character": 0},
                },
            },
            {"jsonrpc": "2.0", "method": "exit"},
        ]
    )
    assert code == 0
    replies = [
        json.loads(part)
        for part in out.split(b"\r\n\r\n")[1:]
        for part in [part.split(b"Content-Length")[0]]
    ]
    third = next(r for r in replies if r.get("id") == 3)
    assert third["error"]["code"] == -32600


def test_exit_without_shutdown_is_1():
    code, _ = _run(
        [
            INIT,
            {"jsonrpc": "2.0", "method": "initialized", "params": {}},
            {"jsonrpc": "2.0", "method": "exit"},
        ]
    )
    assert code == 1
