"""Citations of the project's own documents point at sections that exist.

Code cites docs/architecture.md and docs/domain.md by section ("docs/architecture.md §9.4");
a renumbered or deleted section would leave a reader at nothing.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = {
    "architecture.md": ROOT / "docs" / "architecture.md",
    "domain.md": ROOT / "docs" / "domain.md",
}
CITATION_RE = re.compile(
    r"docs/(architecture|domain)\.md\s+(§[\d.]+(?:\s*[–-]\s*[\d.]+)?(?:\s*,\s*§[\d.]+)*)"
)
SCANNED = ("soat", "tests", "tools", "bench", "docs", "README.md", "CONTRIBUTING.md")
SUFFIXES = {".py", ".toml", ".md", ".txt"}


def sections(path: Path) -> set[str]:
    found = set()
    for line in path.read_text("utf-8").splitlines():
        m = re.match(r"#{2,4}\s+(\d+(?:\.\d+)?)\.?\s", line)
        if m:
            found.add(m.group(1))
    return found


def cited_files():
    for name in SCANNED:
        path = ROOT / name
        candidates = [path] if path.is_file() else sorted(path.rglob("*"))
        for p in candidates:
            if p.is_file() and p.suffix in SUFFIXES and "__pycache__" not in p.parts:
                yield p


def test_section_headings_are_numbered_in_order():
    for name, path in DOCS.items():
        top = [
            int(m.group(1))
            for line in path.read_text("utf-8").splitlines()
            if (m := re.match(r"## (\d+)\.\s", line))
        ]
        assert top == sorted(top) and len(top) == len(set(top)), name
    arch = [
        int(m.group(1))
        for line in DOCS["architecture.md"].read_text("utf-8").splitlines()
        if (m := re.match(r"## (\d+)\.\s", line))
    ]
    assert arch == list(range(1, len(arch) + 1)), "architecture.md sections are 1, 2, 3, …"


@pytest.mark.parametrize("name", sorted(DOCS))
def test_documents_exist_with_sections(name):
    assert len(sections(DOCS[name])) > 10


def test_every_citation_names_an_existing_section():
    known = {name: sections(path) for name, path in DOCS.items()}
    bad = []
    for path in cited_files():
        text = path.read_text("utf-8", errors="replace")
        for m in CITATION_RE.finditer(text):
            doc = f"{m.group(1)}.md"
            for ref in re.findall(r"[\d.]+", m.group(2)):
                ref = ref.rstrip(".")
                if ref and ref not in known[doc]:
                    line = text.count("\n", 0, m.start()) + 1
                    bad.append(f"{path.relative_to(ROOT)}:{line}: {m.group(0)}")
    assert not bad, "citations of missing sections:\n" + "\n".join(bad)
