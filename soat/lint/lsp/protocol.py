"""pygls's protocol with four changes: documents stay in soat's own store (see
positions.py), a request whose params do not parse gets an error reply, `exit` ends the
process at once, and requests after `shutdown` get InvalidRequest."""

from __future__ import annotations

import logging
import os

from lsprotocol import types
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

_UNREADABLE = object()  # a message whose params did not parse (already answered)


class SoatProtocol(LanguageServerProtocol):
    """Keeps documents in soat's own store and answers every request."""

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

    # The document notifications go straight to soat's handlers, past pygls's own store.

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
