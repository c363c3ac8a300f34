"""soat — a content linter for Vietnamese trade-union publications."""

__version__ = "0.1.0"
