"""Issue 23: the language server answers every request and never waits on a lint.

A raw JSON-RPC client sends what pytest-lsp's client would refuse to: malformed params, a
20 MB document, `exit` in the middle of a long lint.
"""

from __future__ import annotations

import time

import pytest

from tests.lint.raw_lsp import RawClient

PARAGRAPH = (
    "Sáng {i}, Công đoàn cơ sở phường {i} tổ chức hội nghị tổng kết công tác năm với {i} "
    "đại biểu tham dự, bàn về việc chăm lo đời sống cho người lao động số {i}.\n\n"
)


@pytest.fixture
def client(tmp_path):
    c = RawClient(str(tmp_path))
    yield c
    c.close()


def _open(client: RawClient, uri: str, text: str) -> None:
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
    )


def _published(client: RawClient, uri: str, timeout: float) -> dict:
    return client.notification(
        "textDocument/publishDiagnostics", timeout, lambda params: params["uri"] == uri
    )


def test_requests_with_invalid_params_get_an_error_reply(client, tmp_path):
    client.initialize(tmp_path.as_uri())
    uri = (tmp_path / "a.txt").as_uri()
    _open(client, uri, "Tin mới\n\nCông đoàn  họp.\n")
    for method, params in [
        ("textDocument/hover", {"textDocument": {"uri": uri}}),
        ("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": "x"}}),
        ("textDocument/hover", None),
        ("textDocument/codeAction", {"textDocument": {"uri": uri}}),
        ("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": 5, "context": {}}),
        ("codeAction/resolve", "nonsense"),
    ]:
        reply = client.reply(client.request(method, params), timeout=20)
        assert reply["error"]["code"] == -32602, (method, params, reply)


@pytest.mark.parametrize("data", ["garbage", {"uri": 5}, {"uri": [1]}, {"uri": {"a": 1}}, None])
def test_code_action_resolve_with_malformed_data_returns_the_action(client, tmp_path, data):
    client.initialize(tmp_path.as_uri())
    action = {"title": "Sửa tất cả", "kind": "source.fixAll.soat", "data": data}
    reply = client.reply(client.request("codeAction/resolve", action), timeout=20)
    assert "error" not in reply and reply["result"]["title"] == "Sửa tất cả"


def test_a_20_mb_document_is_not_linted_and_requests_are_answered(client, tmp_path):
    client.initialize(tmp_path.as_uri())
    uri = (tmp_path / "big.txt").as_uri()
    text = "".join(PARAGRAPH.format(i=i) for i in range(100_000))  # about 20 MB
    assert len(text.encode("utf-8")) > 19_000_000
    started = time.monotonic()
    _open(client, uri, text)
    position = {"line": 2, "character": 3}
    reply = client.reply(
        client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position}),
        timeout=30,
    )
    assert reply.get("result") is None and "error" not in reply
    (diagnostic,) = _published(client, uri, timeout=30)["diagnostics"]
    assert "limit" in diagnostic["message"] and "soat check" in diagnostic["message"]
    assert time.monotonic() - started < 30


def test_exit_ends_the_server_while_a_lint_is_running(tmp_path):
    client = RawClient(str(tmp_path))
    try:
        ident = client.request(
            "initialize",
            {
                "processId": None,
                "rootUri": tmp_path.as_uri(),
                "capabilities": {},
                "initializationOptions": {"maxDocumentChars": 100_000_000},
            },
        )
        client.reply(ident, 60)
        client.notify("initialized", {})
        text = "".join(PARAGRAPH.format(i=i) for i in range(20_000))  # about a minute to lint
        _open(client, (tmp_path / "big.txt").as_uri(), text)
        time.sleep(1.0)  # the lint has started
        client.notify("exit", None)
        started = time.monotonic()
        code = client.proc.wait(timeout=20)
        assert code == 1  # exit without shutdown
        assert time.monotonic() - started < 20
    finally:
        client.close()
