"""The framing and the one-step write every cache of soat uses (soat/checked_file.py)."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat import checked_file

HEAD = b"soat-test-1\n"


@given(st.binary(max_size=200))
def test_a_framed_body_reads_back(body):
    assert checked_file.body(HEAD, checked_file.framed(HEAD, body)) == body


@given(st.binary(min_size=1, max_size=100), st.data())
def test_a_changed_byte_or_a_cut_file_reads_as_nothing(body, data):
    framed = checked_file.framed(HEAD, body)
    at = data.draw(st.integers(0, len(framed) - 1))
    flipped = framed[:at] + bytes([framed[at] ^ 0xFF]) + framed[at + 1 :]
    assert checked_file.body(HEAD, flipped) is None
    cut = data.draw(st.integers(0, len(framed) - 1))
    assert checked_file.body(HEAD, framed[:cut]) is None


def test_another_head_reads_as_nothing():
    assert checked_file.body(b"soat-test-2\n", checked_file.framed(HEAD, b"x")) is None


def test_write_replaces_the_file_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "f.bin"
    target.write_bytes(b"old")
    checked_file.write(str(target), b"new", prefix=".t-")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["f.bin"]


def test_a_failed_write_raises_and_removes_its_temporary_file(tmp_path):
    (tmp_path / "f.bin").mkdir()  # a folder where the file should go: os.replace fails
    with pytest.raises(OSError):
        checked_file.write(str(tmp_path / "f.bin"), b"new", prefix=".t-")
    assert os.listdir(tmp_path) == ["f.bin"]


@pytest.mark.parametrize("size", [0, 1, 65_535, 65_536, 200_001])
def test_read_gives_the_whole_file_and_raises_for_a_missing_one(tmp_path, size):
    data = os.urandom(size)
    (tmp_path / "f").write_bytes(data)
    assert checked_file.read(str(tmp_path / "f")) == data
    with pytest.raises(OSError):
        checked_file.read(str(tmp_path / "missing"))
