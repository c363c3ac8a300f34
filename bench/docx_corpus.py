"""The .docx reader against the .txt reader on real articles, and what reading Word costs.

Each clean corpus article (../shared/corpus/clean/*.txt) is written, in a temporary folder,
as a .docx with one paragraph per line and runs cut every 7 characters (mid-word, alternating
bold), without a creation date (the .txt has none). Both are checked in one process each; the
findings must be the same, at the same row:column (paragraph:character for the .docx). Then
the time to open and extract the .docx files alone. Timings on a shared machine are noisy.

    python bench/docx_corpus.py [--limit 400]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "corpus" / "clean"


def write_docx(txt: Path, target: Path) -> None:
    import docx

    lines = txt.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    document = docx.Document()
    for line in lines:
        p = document.add_paragraph()
        for k in range(0, len(line), 7):
            p.add_run(line[k : k + 7]).bold = (k // 7) % 2 == 1
    props = document.core_properties._element
    for child in list(props):
        if child.tag.endswith("}created"):
            props.remove(child)
    document.save(target)


def check(paths: list[Path], cwd: Path) -> tuple[list[dict], float]:
    cmd = [sys.executable, "-m", "soat", "check", "--exit-zero", "--output-format", "json"]
    started = time.perf_counter()
    proc = subprocess.run(
        cmd + [str(p) for p in paths], capture_output=True, text=True, cwd=cwd, check=True
    )
    return json.loads(proc.stdout), time.perf_counter() - started


def key(item: dict) -> tuple:
    stem = Path(item["filename"]).stem
    loc, end = item["location"], item["end_location"]
    return (stem, item["code"], loc["row"], loc["column"], end["row"], end["column"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=400)
    args = parser.parse_args()
    texts = sorted(CLEAN.glob("*.txt"))[: args.limit]
    if not texts:
        sys.exit(f"no articles in {CLEAN}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docs = []
        for txt in texts:
            docs.append(folder / (txt.stem + ".docx"))
            write_docx(txt, docs[-1])
        from_docx, t_docx = check(docs, folder)
        from_txt, t_txt = check(texts, folder)
        a, b = {key(i) for i in from_docx}, {key(i) for i in from_txt}
        print(
            f"{len(texts)} articles: {len(from_docx)} findings from .docx, {len(from_txt)} from .txt"
        )
        print(f"only in .docx: {len(a - b)}, only in .txt: {len(b - a)}")
        for item in sorted(a ^ b)[:20]:
            print("  ", "docx" if item in a else "txt ", item)
        print(f"soat check: .docx {t_docx:.1f} s, .txt {t_txt:.1f} s (whole runs)")
        from soat.lint.formats.word import read_docx

        started = time.perf_counter()
        for path in docs:
            read_docx(str(path), path.read_bytes())
        per_file = (time.perf_counter() - started) / len(docs) * 1000
        print(f"open + extract: {per_file:.1f} ms per .docx")


if __name__ == "__main__":
    main()
