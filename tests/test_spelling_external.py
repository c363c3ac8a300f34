"""bench/spelling_external.py: reading both label formats, the non-word definition, the measure.

The records here are written for the test (no text of the external sets is in the repository).
"""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ext():
    spec = importlib.util.spec_from_file_location(
        "spelling_external", ROOT / "bench" / "spelling_external.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["spelling_external"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


TEXT = "Công đoàn luôn sẳn sàng giúp đỡ. Ông ấy đi học về muộn, con mèo sưng lên."


def _viwiki(tmp_path: Path) -> Path:
    mistakes = [
        {"text": "sẳn", "start_offset": str(TEXT.index("sẳn")), "suggest": ["sẵn"]},
        {"text": "sưng", "start_offset": str(TEXT.index("sưng")), "suggest": ["xưng"]},
    ]
    path = tmp_path / "viwiki.json"
    rec = {"_id": "1", "text": TEXT, "mistakes": mistakes}
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", "utf-8")
    return path


def test_viwiki_records_keep_the_spans(ext, tmp_path):
    (rec,) = ext.read_records(_viwiki(tmp_path))
    assert [(lab.start, lab.end, lab.written) for lab in rec.labels] == [
        (15, 18, "sẳn"),
        (64, 68, "sưng"),
    ]


def test_a_mistake_off_its_offset_is_refused(ext, tmp_path):
    path = tmp_path / "bad.json"
    rec = {"_id": "1", "text": TEXT, "mistakes": [{"text": "sẳn", "start_offset": "3"}]}
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", "utf-8")
    with pytest.raises(SystemExit, match="not at 3"):
        ext.read_records(path)


def test_vsec_tokens_are_aligned_left_to_right(ext, tmp_path):
    text = "Chiến lược đều chỉnh giá: đều"
    tokens = text.split()
    ann = [
        {"current_syllable": t, "is_correct": i != 5, "alternative_syllables": ["điều"]}
        for i, t in enumerate(tokens)
    ]
    path = tmp_path / "vsec.jsonl"
    path.write_text(json.dumps({"text": text, "annotations": ann}, ensure_ascii=False), "utf-8")
    (rec,) = ext.read_records(path)
    # the second "đều" is the labelled one: its span is found after the first
    assert [(lab.start, lab.end) for lab in rec.labels] == [(26, 29)]


def test_non_word_means_a_piece_no_source_attests(ext):
    assert ext.is_non_word("sẳn")  # well-formed, unattested
    assert ext.is_non_word("Ônh,")  # invalid, punctuation around it ignored
    assert not ext.is_non_word("sưng")  # a real word in the wrong place
    assert not ext.is_non_word("Hà-Nội")
    assert ext.count_words("Công đoàn , 12 sẵn") == 3
    assert ext.is_vietnamese("Anastasie và") is False and ext.is_vietnamese("sẵn sàng")


def test_split_halves_are_disjoint(ext):
    recs = [ext.Record(str(i), "") for i in range(5)]
    a, b = ext.split(recs, "a"), ext.split(recs, "b")
    assert [r.key for r in a] == ["0", "2", "4"] and [r.key for r in b] == ["1", "3"]


def test_measure_counts_recall_candidates_and_unlabelled_warnings(ext, tmp_path):
    records = ext.read_records(_viwiki(tmp_path))
    tally = ext.measure(records, ("SPL001", "SPL006"))
    assert (tally.errors, tally.non_word, tally.real_word) == (2, 1, 1)
    assert (tally.found_any, tally.first_right, tally.first_offered) == (1, 1, 1)
    assert (tally.vi_non_word, tally.vi_found_any) == (1, 1)
    assert tally.findings[("SPL006", "warning")] == tally.labelled[("SPL006", "warning")] == 1
    assert tally.spl001_unlabelled == 0 and tally.words == 17
    lines = list(ext.report(tally))
    assert "non-word recall, any severity: 1/1 = 1.000" in lines


def test_an_unlabelled_warning_is_counted(ext):
    text = "Mọi nguời đều vui."  # "nguời": not a syllable, and not labelled here
    tally = ext.measure([ext.Record("x", text)], ("SPL001",))
    assert tally.spl001_unlabelled == tally.spl001_warnings == 1
