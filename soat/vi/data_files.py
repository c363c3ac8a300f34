"""soat's own data files (soat/data/), read as plain files beside the package.

soat ships as plain files, never zipped (the knowledge cache relies on it too, see
soat/knowledge/load.py), so a data file is a path (docs/architecture.md §9.1: "through
importlib.resources or a path beside the package"). `importlib.resources` would cost every
cold start its imports (tempfile, shutil, zipfile, bz2, lzma, random: some 5 ms) for nothing.
"""

from __future__ import annotations

import os

# soat/vi/ is beside soat/data/.
DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")


def data_path(name: str) -> str:
    """The path of soat/data/`name`."""
    return os.path.join(DATA, name)


def read_text(name: str) -> str:
    """The text of soat/data/`name` (UTF-8, universal newlines, like Traversable.read_text)."""
    with open(data_path(name), encoding="utf-8") as fh:
        return fh.read()
