"""`soat ARGS` run in the test's own process with its standard streams captured: what
click's CliRunner did for the tests before the command line moved to argparse."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from typing import NamedTuple

from soat.cli import main


class Result(NamedTuple):
    """What one run printed and its exit status."""

    exit_code: int
    stdout: str
    stderr: str
    output: str  # stdout and stderr interleaved, as a terminal shows them


class _Recorded(io.BytesIO):
    """A stream's bytes, each write also copied into the run's interleaved record."""

    def __init__(self, both: io.BytesIO) -> None:
        super().__init__()
        self._both = both

    def write(self, data) -> int:
        self._both.write(data)
        return super().write(data)


def _text(raw: io.BytesIO) -> io.TextIOWrapper:
    return io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=True)


def invoke(args: Sequence[str], input: str | bytes | None = None) -> Result:
    """Run `soat ARGS` with `input` on standard input; exceptions propagate (a test sees the
    traceback), a SystemExit becomes the exit status as the interpreter would make it."""
    both = io.BytesIO()
    out, err = _Recorded(both), _Recorded(both)
    data = input.encode("utf-8") if isinstance(input, str) else (input or b"")
    stdout, stderr = _text(out), _text(err)
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    sys.stdout, sys.stderr = stdout, stderr
    try:
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        for stream in (stdout, stderr):
            stream.flush()
            stream.detach()  # the bytes stay readable: a collected wrapper closes its buffer
    return Result(
        code,
        out.getvalue().decode("utf-8"),
        err.getvalue().decode("utf-8"),
        both.getvalue().decode("utf-8"),
    )
