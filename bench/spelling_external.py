"""Spelling rules measured on an external labelled set of Vietnamese spelling errors.

    python bench/spelling_external.py DATASET [--split all|a|b] [--select SPL001,SPL006]
                                      [--show-misses N] [--show-false N]

DATASET is a file of labelled errors kept outside the repository (never commit its text):

- Viwiki-Spelling (https://github.com/heraclex12/Viwiki-spelling, `spelling_test.json`,
  CC BY 4.0): JSON lines, each a document `{"_id", "text", "mistakes": [{"text",
  "start_offset", "suggest": [...]}]}`; a mistake is the character span
  [start_offset, start_offset + len(text)) of the document's text.
- VSEC (https://github.com/VSEC2021/VSEC, `Dataset/VSEC.jsonl`): JSON lines, each a sentence
  `{"text", "annotations": [{"current_syllable", "is_correct", "alternative_syllables"}]}`;
  the annotations are the sentence's whitespace-separated tokens in order, so a token's span is
  found by walking the text from left to right.

The selected rules (soat.check_text, default settings) run on each erroneous text as a .txt
file. Measured, on the documents of the split (`a`: the 1st, 3rd, … record; `b`: the 2nd,
4th, …; `all`):

- **non-word error**: a labelled error whose written token, stripped of the punctuation around
  it and lower-cased, has a piece of letters that is not an attested syllable
  (soat.vi.syllable_counts: written in the corpus or named by a licensed list); the others are
  real-word errors ("sưng" for "xưng").
- **recall**: a labelled error is found when a finding of a selected rule overlaps its span
  (at any severity, and at warning or error).
  Also given for the non-word errors whose (first) correction is Vietnamese, every run of
  letters an attested syllable (not "Tylor" -> "taylor", "Inđônêxia" -> "Indonesia").
- **first candidate**: for a found error, the finding's fix (else its first suggestion) applied
  to the error's span equals a labelled correction (compared in lower case).
- **per rule and severity**: findings, and the share that overlaps a labelled error (of any
  kind: a precision when the labels are complete).
- **unlabelled SPL001 warnings per 10,000 words**: SPL001 findings at warning or error that
  overlap no labelled error, per 10,000 words (whitespace-separated tokens with a letter).
  A label set may miss real errors, so this is an upper bound of the false warnings.

Measured 2026-12-03 on Viwiki-Spelling (107 Wikipedia documents, 456,641 words, 1,520 labelled
errors of which 436 non-word), SPL001 + SPL006 with default settings — split a / b / all:
non-word recall at any severity 0.784 / 0.558 / 0.654, at warning 0.600 / 0.430 / 0.502;
first candidate right 0.862 / 0.800 / 0.832 of the found; unlabelled SPL001 warnings 1.40 /
1.24 / 1.31 per 10,000 words. No setting was tuned on this set.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WARNING = ("warning", "error")


@dataclass(frozen=True)
class Label:
    """A labelled error: [start, end) of the record's text, as written, and its corrections."""

    start: int
    end: int
    written: str
    corrections: tuple[str, ...]


@dataclass
class Record:
    key: str
    text: str
    labels: list[Label] = field(default_factory=list)


def read_records(path: str | Path) -> list[Record]:
    """The records of a Viwiki-Spelling or VSEC file (the format is told by its keys)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            raw = json.loads(line)
            if "mistakes" in raw:
                out.append(_viwiki(raw, n))
            elif "annotations" in raw:
                out.append(_vsec(raw, n))
            else:
                raise SystemExit(f"{path}:{n + 1}: neither a Viwiki nor a VSEC record")
    return out


def _viwiki(raw: dict, n: int) -> Record:
    text = raw["text"]
    labels = []
    for m in raw["mistakes"]:
        start = int(m["start_offset"])
        written = m["text"]
        if text[start : start + len(written)] != written:
            raise SystemExit(f"record {n + 1}: the mistake {written!r} is not at {start}")
        labels.append(Label(start, start + len(written), written, tuple(m["suggest"])))
    return Record(str(raw.get("_id", n)), text, labels)


def _vsec(raw: dict, n: int) -> Record:
    text = raw["text"]
    labels = []
    pos = 0
    for ann in raw["annotations"]:
        token = ann["current_syllable"]
        start = text.find(token, pos)
        if start < 0:
            raise SystemExit(f"record {n + 1}: token {token!r} not found after {pos}")
        pos = start + len(token)
        if not ann["is_correct"]:
            labels.append(Label(start, pos, token, tuple(ann["alternative_syllables"])))
    return Record(str(n), text, labels)


def split(records: list[Record], which: str) -> list[Record]:
    if which == "all":
        return records
    first = 0 if which == "a" else 1
    return records[first::2]


def _pieces(token: str) -> list[str]:
    """The runs of letters of a token, lower case NFC."""
    out, cur = [], []
    for ch in unicodedata.normalize("NFC", token).lower():
        if ch.isalpha():
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def is_non_word(token: str) -> bool:
    """A token with a run of letters that no source attests as a syllable."""
    from soat.vi.syllable_counts import count, listed_syllables

    listed = listed_syllables()
    return any(count(p) == 0 and p not in listed for p in _pieces(token))


def is_vietnamese(text: str) -> bool:
    """Every run of letters of `text` an attested syllable (a correction to Vietnamese, not to a
    foreign spelling such as "taylor" or "Indonesia")."""
    from soat.vi.syllable_counts import count, listed_syllables

    listed = listed_syllables()
    pieces = _pieces(text)
    return bool(pieces) and all(count(p) > 0 or p in listed for p in pieces)


def count_words(text: str) -> int:
    return sum(1 for t in text.split() if any(c.isalpha() for c in t))


def candidate_at(text: str, label: Label, finding) -> str | None:
    """The text of the label's span once the finding's fix (or its first suggestion) is
    applied, widened to the edits that touch it; None when the finding offers nothing."""
    fix = finding.fix or (finding.suggestions[0] if finding.suggestions else None)
    if fix is None or not fix.edits:
        return None
    edits = [e for e in fix.edits if e.start < label.end and label.start < e.end] or list(fix.edits)
    lo = min(label.start, *(e.start for e in edits))
    hi = max(label.end, *(e.end for e in edits))
    out = text[lo:hi]
    for e in sorted(edits, key=lambda e: -e.start):
        out = out[: e.start - lo] + e.content + out[e.end - lo :]
    return out


def expected_at(text: str, label: Label, finding) -> set[str]:
    """The labelled corrections over the same widened span as candidate_at."""
    fix = finding.fix or (finding.suggestions[0] if finding.suggestions else None)
    edits = [e for e in fix.edits if e.start < label.end and label.start < e.end] if fix else []
    edits = edits or (list(fix.edits) if fix else [])
    lo = min([label.start, *(e.start for e in edits)])
    hi = max([label.end, *(e.end for e in edits)])
    return {text[lo : label.start] + c + text[label.end : hi] for c in label.corrections}


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).lower().split())


@dataclass
class Tally:
    errors: int = 0
    non_word: int = 0
    found_any: int = 0
    found_warning: int = 0
    first_right: int = 0
    first_offered: int = 0
    real_word: int = 0
    # non-word errors whose first correction is Vietnamese (not a foreign spelling)
    vi_non_word: int = 0
    vi_found_any: int = 0
    vi_found_warning: int = 0
    real_found_any: int = 0
    words: int = 0
    spl001_warnings: int = 0
    spl001_unlabelled: int = 0
    misses: list[tuple[str, Label]] = field(default_factory=list)
    false_warnings: list[tuple[str, object]] = field(default_factory=list)
    wrong_first: list[tuple[Label, str]] = field(default_factory=list)
    by_code: Counter = field(default_factory=Counter)
    # per rule and severity: findings, and those that overlap a labelled error
    findings: Counter = field(default_factory=Counter)
    labelled: Counter = field(default_factory=Counter)


def measure(records: Iterable[Record], select: tuple[str, ...]) -> Tally:
    from soat.api import check_text

    tally = Tally()
    for rec in records:
        findings = check_text(rec.text, "external.txt", select=select)
        tally.words += count_words(rec.text)
        for label in rec.labels:
            tally.errors += 1
            hits = [f for f in findings if f.start < label.end and label.start < f.end]
            if not is_non_word(label.written):
                tally.real_word += 1
                tally.real_found_any += bool(hits)
                continue
            tally.non_word += 1
            vietnamese = bool(label.corrections) and is_vietnamese(label.corrections[0])
            tally.vi_non_word += vietnamese
            if not hits:
                tally.misses.append((rec.key, label))
                continue
            warned = any(f.severity in WARNING for f in hits)
            tally.found_any += 1
            tally.found_warning += warned
            tally.vi_found_any += vietnamese
            tally.vi_found_warning += vietnamese and warned
            best = min(hits, key=lambda f: (f.severity not in WARNING, f.start))
            tally.by_code[best.code] += 1
            got = candidate_at(rec.text, label, best)
            if got is None:
                continue
            tally.first_offered += 1
            if _norm(got) in {_norm(x) for x in expected_at(rec.text, label, best)}:
                tally.first_right += 1
            else:
                tally.wrong_first.append((label, got))
        for f in findings:
            key = (f.code, "warning" if f.severity in WARNING else "info")
            tally.findings[key] += 1
            tally.labelled[key] += any(
                f.start < lab.end and lab.start < f.end for lab in rec.labels
            )
            if f.code != "SPL001" or f.severity not in WARNING:
                continue
            tally.spl001_warnings += 1
            if not any(f.start < lab.end and lab.start < f.end for lab in rec.labels):
                tally.spl001_unlabelled += 1
                tally.false_warnings.append((rec.key, f))
    return tally


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def report(tally: Tally) -> Iterator[str]:
    def share(a: int, b: int) -> str:
        return f"{a}/{b} = {a / b:.3f}" if b else f"{a}/0"

    yield f"labelled errors: {tally.errors}; non-word {tally.non_word}, real-word {tally.real_word}"
    yield f"non-word recall, any severity: {share(tally.found_any, tally.non_word)}"
    yield f"non-word recall, warning: {share(tally.found_warning, tally.non_word)}"
    yield (
        f"  of them with a Vietnamese correction ({tally.vi_non_word}): any severity "
        f"{share(tally.vi_found_any, tally.vi_non_word)}, warning "
        f"{share(tally.vi_found_warning, tally.vi_non_word)}"
    )
    yield f"first candidate right (of found with a candidate): {share(tally.first_right, tally.first_offered)}"  # noqa: E501
    yield f"first candidate right (of found): {share(tally.first_right, tally.found_any)}"
    yield f"real-word errors overlapped by a finding: {share(tally.real_found_any, tally.real_word)}"  # noqa: E501
    yield f"found by (the finding used per error): {dict(tally.by_code.most_common())}"
    for key in sorted(tally.findings):
        yield (
            f"{key[0]} {key[1]}: {tally.findings[key]} findings, "
            f"{share(tally.labelled[key], tally.findings[key])} on a labelled error"
        )
    rate = 10_000 * tally.spl001_unlabelled / tally.words if tally.words else 0.0
    yield (
        f"words {tally.words}; SPL001 warnings {tally.spl001_warnings}, unlabelled "
        f"{tally.spl001_unlabelled} = {rate:.2f} per 10,000 words"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dataset")
    ap.add_argument("--split", choices=("all", "a", "b"), default="all")
    ap.add_argument("--select", default="SPL001,SPL006")
    ap.add_argument("--show-misses", type=int, default=0, metavar="N")
    ap.add_argument("--show-false", type=int, default=0, metavar="N")
    ap.add_argument("--show-wrong-first", type=int, default=0, metavar="N")
    args = ap.parse_args(argv)
    records = split(read_records(args.dataset), args.split)
    select = tuple(s.strip() for s in args.select.split(",") if s.strip())
    print(f"{args.dataset}: {len(records)} records (split {args.split}); rules {','.join(select)}")
    tally = measure(records, select)
    for line in report(tally):
        print(line)
    texts = {r.key: r.text for r in records}
    for key, label in tally.misses[: args.show_misses]:
        print("MISS", label.written, "->", "/".join(label.corrections), "|",
              _context(texts[key], label.start, label.end))  # fmt: skip
    for key, f in tally.false_warnings[: args.show_false]:
        print("UNLABELLED", f.code, "|", _context(texts[key], f.start, f.end), "|",
              f.message_en)  # fmt: skip
    for label, got in tally.wrong_first[: args.show_wrong_first]:
        print("FIRST", label.written, "->", got, "expected", "/".join(label.corrections))


if __name__ == "__main__":
    main()
