"""soat — a content linter for Vietnamese trade-union publications."""

__version__ = "0.1.0"


def __getattr__(name: str):
    """`soat.check_text`, `soat.check_paths`, `soat.Finding` (soat.api), imported on first use
    so that `import soat` stays cheap."""
    if name in ("check_text", "check_paths", "Finding"):
        from soat import api

        return getattr(api, name)
    raise AttributeError(f"module 'soat' has no attribute {name!r}")
