"""A raw JSON-RPC client for `soat server`: sends any bytes, reads replies with a time-out.

pytest-lsp's client validates what it sends, so malformed requests need this one.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time


class RawClient:
    def __init__(self, cwd: str | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "soat", "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=cwd,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        )
        self.messages: queue.Queue = queue.Queue()
        self.backlog: list[dict] = []  # messages read while waiting for something else
        self._ids = iter(range(1, 1_000_000))
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            self.messages.put(json.loads(out.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method: str, params) -> int:
        ident = next(self._ids)
        self.send({"id": ident, "method": method, "params": params})
        return ident

    def notify(self, method: str, params) -> None:
        self.send({"method": method, "params": params})

    def reply(self, ident: int, timeout: float) -> dict:
        """The response to request `ident`; raises TimeoutError when none comes in time."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no reply to request {ident} within {timeout} s")
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if message.get("id") == ident and "method" not in message:
                return message
            self.backlog.append(message)

    def notification(self, method: str, timeout: float, accept=lambda params: True) -> dict:
        """The params of the first `method` notification that `accept` takes."""
        for k, message in enumerate(self.backlog):
            if message.get("method") == method and accept(message.get("params")):
                del self.backlog[k]
                return message["params"]
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {method} within {timeout} s")
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if message.get("method") == method and accept(message.get("params")):
                return message["params"]
            self.backlog.append(message)

    def initialize(self, root_uri: str | None = None) -> None:
        ident = self.request(
            "initialize", {"processId": None, "rootUri": root_uri, "capabilities": {}}
        )
        self.reply(ident, 60)
        self.notify("initialized", {})

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
