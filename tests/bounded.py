"""Run a function in a forked child with a time limit, so a regression to super-linear time
fails the test instead of hanging CI. The limit is generous (a loaded 2-core machine); the
inputs are sized so that the quadratic behaviour they guard against takes minutes."""

from __future__ import annotations

import multiprocessing
import traceback

import pytest


def finishes_within(seconds: float, fn, *args):
    """fn(*args)'s return value; fails the test when it takes longer than `seconds`."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        try:
            send.send(("ok", fn(*args)))
        except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test
            send.send(("error", traceback.format_exc()))

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    ready = receive.poll(seconds)
    if not ready:
        proc.kill()
        proc.join()
        pytest.fail(f"{getattr(fn, '__name__', fn)} did not finish within {seconds} s")
    status, value = receive.recv()
    proc.join()
    if status == "error":
        pytest.fail(value)
    return value
