"""The one TOML parser import: `tomllib` on Python 3.11 and later, `tomli` before.

A leaf module (it imports nothing of soat), so the engine, the rules and `soat/vi` may all
use it without breaking the dependency directions of docs/architecture.md §2.2.
"""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["tomllib"]
