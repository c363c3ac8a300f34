"""docs/scale.md: a whole-archive audit across processes, with the standard library and on
Dask (local processes), gives the same findings as one `check_paths` call."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import soat

ARTICLES = {
    "a.txt": "Sinh viên ngành kinh tế theo học nghành luật.\n",
    "b.txt": "Ngày 31/02/2024, công đoàn họp.\n",
    "c.md": "# Tin\n\nÔng  Nguyễn Văn A phát biểu .\n",
    "d.txt": "Bài viết không có lỗi.\n",
}


def _archive(tmp_path: Path) -> list[str]:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return sorted(str(tmp_path / n) for n in ARTICLES)


def _batch(paths: list[str]) -> list[soat.Finding]:
    return soat.check_paths(paths, cache=False, jobs=1)


def _batches(paths: list[str], size: int) -> list[list[str]]:
    return [paths[i : i + size] for i in range(0, len(paths), size)]


@pytest.mark.slow
def test_the_standard_library_recipe(tmp_path):
    paths = _archive(tmp_path)
    expected = soat.check_paths(paths, cache=False)
    assert expected
    with ProcessPoolExecutor(2) as pool:
        found = [f for part in pool.map(_batch, _batches(paths, 2)) for f in part]
    assert sorted(found, key=lambda f: (f.path, f.start, f.code)) == sorted(
        expected, key=lambda f: (f.path, f.start, f.code)
    )


@pytest.mark.slow
def test_the_dask_recipe(tmp_path):
    bag = pytest.importorskip("dask.bag")
    paths = _archive(tmp_path)
    expected = soat.check_paths(paths, cache=False)
    found = (
        bag.from_sequence(paths, partition_size=2)
        .map_partitions(_batch)
        .compute(scheduler="processes", num_workers=2)
    )
    assert sorted(found, key=lambda f: (f.path, f.start, f.code)) == sorted(
        expected, key=lambda f: (f.path, f.start, f.code)
    )
