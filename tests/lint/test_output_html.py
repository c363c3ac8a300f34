"""HTML report: one self-contained page, findings highlighted in the text, everything escaped."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Related, Severity
from soat.lint.output import OutputContext, render
from soat.lint.runner import FileResult
from tests.cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]


class Page(HTMLParser):
    """Collects the marks (their finding numbers and text), tags seen, and the notes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.marks: list[tuple[tuple[int, ...], str]] = []
        self.note_ids: list[str] = []
        self.lang = None
        self._mark: list | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "mark":
            self._mark = [tuple(int(n) for n in attrs["data-f"].split()), ""]
        if tag == "li" and attrs.get("id", "").startswith("finding-"):
            self.note_ids.append(attrs["id"])

    def handle_endtag(self, tag):
        if tag == "mark" and self._mark is not None:
            self.marks.append((self._mark[0], self._mark[1]))
            self._mark = None

    def handle_data(self, data):
        self.text.append(data)
        if self._mark is not None:
            self._mark[1] += data


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    return p


def marked_text(page: Page, number: int) -> str:
    return "".join(text for numbers, text in page.marks if number in numbers)


def diag(code, start, end, severity=Severity.WARNING, **kw):
    return Diagnostic(f"thông báo {code}", start, end, severity=severity, code=code, **kw)


def test_text_from_the_checked_file_is_escaped_and_marked():
    source = 'Tiêu đề\n<script>alert("x")</script>  Đoàn viên & "công đoàn"\n'
    start = source.index("  ")
    result = FileResult(
        "bai<1>.txt",
        source,
        [
            diag(
                "TYP001",
                start,
                start + 2,
                fix=Fix(
                    "Thay <b>bằng</b> một dấu cách",
                    (Edit(start, start + 2, " "),),
                    Applicability.SAFE,
                ),
            ),
            diag("TYP004", source.index('"công'), source.index('"công') + 1, Severity.INFO),
        ],
    )
    page_text = render("html", [result], OutputContext(rules={}))
    assert "<script>" not in page_text and "<b>" not in page_text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page_text
    page = parse(page_text)
    assert "script" not in page.tags and "b" not in page.tags
    assert page.lang == "vi"
    # The browser shows the script as text, in the line of the finding.
    assert '<script>alert("x")</script>' in "".join(page.text)
    assert "bai<1>.txt" in "".join(page.text)
    assert sorted(n for numbers, _ in page.marks for n in numbers) == [1, 2]
    assert marked_text(page, 1) == "  "
    assert marked_text(page, 2) == '"'
    assert page.note_ids == ["finding-1", "finding-2"]


def test_overlapping_and_empty_spans_each_get_marks():
    source = "Một hai ba bốn năm\nsáu\n"
    result = FileResult(
        "a.txt",
        source,
        [
            diag("AAA001", 0, 7),  # "Một hai"
            diag("BBB001", 4, 10, Severity.ERROR),  # "hai ba"
            diag("CCC001", 11, 11),  # an insertion point before "bốn"
            diag("DDD001", 15, 22),  # "năm\nsáu": crosses a line break
        ],
    )
    page = parse(render("html", [result], OutputContext(rules={})))
    assert marked_text(page, 1) == "Một hai"
    assert marked_text(page, 2) == "hai ba"
    assert [text for numbers, text in page.marks if numbers == (3,)] == [""]
    assert marked_text(page, 4) == "nămsáu"  # the line break is not inside a line's text
    assert {n for numbers, _ in page.marks for n in numbers} == {1, 2, 3, 4}


def test_summary_per_rule_lang_and_unreadable_file():
    results = [
        FileResult("b.txt", "x  y\n", [diag("TYP001", 1, 3), diag("TYP001", 1, 2)]),
        FileResult("a.txt", None, [diag("IO001", 0, 0, Severity.ERROR)]),
    ]
    page_text = render("html", results, OutputContext(rules={}, lang="en"))
    page = parse(page_text)
    assert page.lang == "en"
    assert "Summary by rule" in page_text
    assert (
        page_text.index('id="file-1"')
        < page_text.index("a.txt</code>")
        < page_text.index('id="file-2"')
    )  # files sorted by path, one section each
    assert page_text.count('<section class="file"') == 2
    assert "The file could not be read." in page_text
    assert '<td class="n">2</td>' in page_text  # TYP001 counted twice


def test_related_locations_link_to_their_line():
    source = "Một\nHai\n"
    d = diag("CAP001", 4, 7, related=(Related("lần đầu", 0, 3),))
    page_text = render("html", [FileResult("a.txt", source, [d])], OutputContext(rules={}))
    assert '<a href="#f1-l1">1:1</a>' in page_text
    assert 'id="f1-l1"' in page_text


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6),
)
def test_every_finding_is_marked_with_exactly_its_text(source, spans):
    diags = []
    for a, b in spans:
        a, b = sorted((min(a, len(source)), min(b, len(source))))
        diags.append(diag("TYP001", a, b))
    page = parse(render("html", [FileResult("a.txt", source, diags)], OutputContext(rules={})))
    for number, d in enumerate(sorted(diags, key=lambda d: (d.start, d.end)), 1):
        expected = "".join(ch for ch in source[d.start : d.end] if ch not in "\r\n")
        got = marked_text(page, number)
        if "\r" in source or "\n" in source:
            # Line ends are not shown inside lines; only compare what is shown.
            assert got == expected or d.start == d.end
        else:
            assert got == expected
        assert any(number in numbers for numbers, _ in page.marks)


def _examples_report(tmp_path: Path, monkeypatch) -> tuple[Path, list[dict]]:
    monkeypatch.chdir(ROOT)  # paths shown as a user types them
    out = tmp_path / "report.html"
    res = invoke(["check", "--output-format", "html", "-o", str(out), "examples"])
    assert res.exit_code == 1, res.output
    res = invoke(["check", "--output-format", "json", "examples"])
    return out, json.loads(res.output)


def test_examples_report_marks_every_finding(tmp_path, monkeypatch):
    out, findings = _examples_report(tmp_path, monkeypatch)
    page = parse(out.read_text(encoding="utf-8"))
    numbers = {n for numbers, _ in page.marks for n in numbers}
    assert len(findings) > 20
    assert numbers == set(range(1, len(findings) + 1))
    assert len(page.note_ids) == len(findings)
    for script in ("script", "link", "img", "iframe"):
        assert script not in page.tags


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run_chromium(*args: str) -> subprocess.CompletedProcess:
    browser = _chromium()
    assert browser
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr"]
    cmd += ["--v=0", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


def _console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.mark.skipif(
    _chromium() is None, reason="needs Debian's chromium (apt-get install chromium)"
)
def test_console_messages_are_detected(tmp_path):
    """The check below can fail: a page that logs an error is seen."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><script>console.error("hỏng")</script>', encoding="utf-8")
    proc = _run_chromium("--dump-dom", bad.as_uri())
    assert _console_lines(proc.stderr)


@pytest.mark.skipif(
    _chromium() is None, reason="needs Debian's chromium (apt-get install chromium)"
)
@pytest.mark.slow
def test_examples_report_in_headless_chromium(tmp_path, monkeypatch):
    out, findings = _examples_report(tmp_path, monkeypatch)
    proc = _run_chromium("--dump-dom", out.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _console_lines(proc.stderr) == []
    page = parse(proc.stdout)  # the DOM as the browser built it
    assert {n for numbers, _ in page.marks for n in numbers} == set(range(1, len(findings) + 1))
    for item in findings:
        if item["code"] == "IO001":
            continue
        assert item["message"] in "".join(page.text)
    shot = tmp_path / "shot.png"
    proc = _run_chromium("--screenshot=" + str(shot), "--window-size=1100,1800", out.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000
    if os.environ.get("SOAT_UPDATE_SCREENSHOTS"):  # refresh docs/html-report.png on purpose
        shutil.copy(shot, ROOT / "docs" / "html-report.png")


def test_a_clean_file_gets_its_name_only():
    results = [FileResult("sach.txt", "Bài không có lỗi.\n", [])]
    page_text = render("html", results, OutputContext(rules={}))
    assert "sach.txt" in page_text and "Không phát hiện lỗi nào." in page_text
    assert "Bài không có lỗi." not in page_text
