"""bench/peer.py adds each run to bench/RESULTS.md and keeps what was there."""

from __future__ import annotations

from tests.bench_scripts import load_bench_script


def test_each_run_is_added_as_the_last_section(tmp_path, monkeypatch):
    peer = load_bench_script("peer")
    results = tmp_path / "RESULTS.md"
    results.write_text("# soat against its peer\n\n## Session one\n\nkept figures\n", "utf-8")
    monkeypatch.setattr(peer, "RESULTS", results)
    table = "## Machine\n- nproc: 2\n\n## Timings\n| a | b |\n"
    peer.append_results(["| ratio | 0.4 |"], table)
    peer.append_results(["| ratio | 0.5 |"], table)
    text = results.read_text("utf-8")
    assert text.startswith("# soat against its peer\n\n## Session one\n\nkept figures\n\n")
    assert text.count("## Written by `python bench/peer.py` on ") == 2
    assert text.index("| ratio | 0.4 |") < text.index("| ratio | 0.5 |")
    assert "\n### Machine\n" in text and "\n## Machine" not in text  # one level down
    assert text.endswith("| a | b |\n")


def test_a_missing_file_is_started_with_its_title(tmp_path, monkeypatch):
    peer = load_bench_script("peer")
    results = tmp_path / "RESULTS.md"
    monkeypatch.setattr(peer, "RESULTS", results)
    peer.append_results(["| ratio | 0.4 |"], "## Timings\n")
    assert results.read_text("utf-8").startswith("# soat against its peer\n\n## Written by")
