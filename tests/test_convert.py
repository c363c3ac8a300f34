"""Legacy encodings end to end: IO001 names the encoding, `soat convert` rewrites the file,
TYP007 reports a garbled run once and fixes it without touching what is around it."""

import subprocess
import sys

import pytest

from soat.vi.legacy_codecs import encode
from tests.rule_fixtures import fix, run

ARTICLE = (
    "Công đoàn tỉnh Bắc Ninh tổ chức hội nghị tổng kết công tác năm 2024.\r\n"
    "\r\n"
    "Đồng chí Chủ tịch phát biểu khai mạc, nhấn mạnh những kết quả nổi bật.\r\n"
)


def soat(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "soat", *map(str, args)], capture_output=True, timeout=120, cwd=cwd
    )


def legacy_bytes(text: str, encoding: str) -> bytes:
    """The bytes a legacy editor saved: each character a Windows-1252 reader shows, back."""
    out = bytearray()
    for ch in encode(text, encoding):
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            out.append(ord(ch))
    return bytes(out)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "cp1258"])
def test_io001_names_the_encoding_and_convert_restores_the_text(tmp_path, encoding):
    path = tmp_path / "bai.txt"
    data = legacy_bytes(ARTICLE, encoding)
    path.write_bytes(data)
    checked = soat("check", "--output-format", "json", path)
    assert checked.returncode == 1
    assert b"IO001" in checked.stdout and b"soat convert" in checked.stdout
    assert path.read_bytes() == data  # check never writes an unreadable file

    shown = soat("convert", "--diff", path)
    assert shown.returncode == 0 and path.read_bytes() == data
    assert "+Công đoàn tỉnh Bắc Ninh" in shown.stdout.decode()

    converted = soat("convert", path)
    assert converted.returncode == 0, converted.stderr
    assert path.read_bytes().decode("utf-8") == ARTICLE  # CRLF kept, NFC
    again = soat("convert", path)
    assert again.returncode == 0 and path.read_bytes().decode("utf-8") == ARTICLE


def test_convert_leaves_an_unrecognised_file_alone_and_exits_two(tmp_path):
    path = tmp_path / "bai.txt"
    data = "Grüße aus München, café crème.".encode("latin-1")
    path.write_bytes(data)
    result = soat("convert", path)
    assert result.returncode == 2 and path.read_bytes() == data
    assert b"bai.txt" in result.stderr


def test_a_garbled_run_is_reported_once_and_fixed_word_by_word():
    garbled = encode("Công đoàn tỉnh tổ chức\nhội nghị tổng kết", "tcvn3")
    text = f"# Tin\n\nSáng nay, {garbled} năm 2024.\n"
    found = run(text, ["ALL"], "md")
    assert [d.code for d in found if d.start >= text.index(garbled[:3])] == ["TYP007"]
    assert fix(text, ["TYP007"], "md") == (
        "# Tin\n\nSáng nay, Công đoàn tỉnh tổ chức\nhội nghị tổng kết năm 2024.\n"
    )
