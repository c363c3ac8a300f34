"""Which open documents soat lints, and with what settings (docs/architecture.md §12.3).

The editor lints a document exactly when `soat check` would lint its file, with the same
settings (one resolver, soat/lint/resolve.py), but always the editor's text, saved or not:

- inside a workspace folder, as `soat check FOLDER` would: the walk must reach the file
  (a soat extension; not in a skipped, virtual-environment or git-ignored folder), the
  configuration's `include` must match it and its `exclude` must not;
- outside every workspace folder, as `soat check FILE` would: unless `exclude` matches it;
- an untitled buffer (no file yet), always, in the format of its language id, with the
  configuration that applies in the first workspace folder (as `soat check -` run there).

A file that is open but not saved yet counts as a regular file where its path says.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from soat.lint.config import Config
from soat.lint.errors import UsageError
from soat.lint.files import git_ignored, reached_by_walk, selected_by_config
from soat.lint.formats import FORMATS_BY_EXTENSION
from soat.lint.knowledge import KnowledgeLoader
from soat.lint.resolve import SettingsResolver
from soat.lint.rule import Rule
from soat.lint.runner import Settings
from soat.lint.ui import DEFAULT_LANG

# Untitled documents have no extension; their language id names the format.
LANGUAGE_FORMATS = {"markdown": "md", "html": "html", "plaintext": "txt", "text": "txt"}


def document_format(path: str | None, language_id: str | None) -> str | None:
    """The soat format of a document, or None when soat does not lint it."""
    if path is not None:
        ext = os.path.splitext(path)[1].lower()
        if ext in FORMATS_BY_EXTENSION:
            return FORMATS_BY_EXTENSION[ext]
        if ext:
            return None
    return LANGUAGE_FORMATS.get(language_id or "")


def containing_folder(path: str, folders: Iterable[str]) -> str | None:
    """The innermost workspace folder holding `path`, or None."""
    path = os.path.abspath(path)
    best = None
    for folder in folders:
        folder = os.path.abspath(folder)
        if path.startswith(folder.rstrip(os.sep) + os.sep) and (
            best is None or len(folder) > len(best)
        ):
            best = folder
    return best


def lints(
    config: Config, path: str, folder: str | None, ignored: set[str], untitled: bool = False
) -> bool:
    """Whether `soat check` would lint the file at `path` (see the module docstring);
    `ignored` is `git_ignored(folder)`."""
    if untitled:
        return True
    if folder is None:
        return selected_by_config(config, path, walked=False)
    return reached_by_walk(path, folder, ignored) and selected_by_config(config, path, walked=True)


@dataclass(frozen=True)
class Resolved:
    """What one document is checked with, or why it is not."""

    config: Config | None
    settings: Settings | None
    error: UsageError | None = None
    excluded: bool = False

    @property
    def lang(self) -> str:
        return self.config.lang if self.config is not None else DEFAULT_LANG

    @property
    def docs_url(self) -> str | None:
        return self.config.rule_docs_url if self.config is not None else None


class DocumentSettings:
    """Resolves documents on the server's worker thread (and only there): configuration is
    found and parsed again for every lint, so edits take effect without a restart."""

    def __init__(self, rules: Sequence[Rule], load_knowledge: KnowledgeLoader) -> None:
        self.resolver = SettingsResolver(rules, load_knowledge, watch=True)
        self._ignored: dict[str, tuple[int, set[str]]] = {}  # folder → (generation, paths)

    def _git_ignored(self, folder: str, generation: int) -> set[str]:
        """git's ignored paths under `folder`, asked again when the generation changes."""
        known = self._ignored.get(folder)
        if known is None or known[0] != generation:
            known = self._ignored[folder] = (generation, git_ignored(folder))
        return known[1]

    def resolve(
        self, path: str, folder: str | None, generation: int, untitled: bool = False
    ) -> Resolved:
        try:
            config = self.resolver.config_for(path, folder or os.path.dirname(path))
            ignored = self._git_ignored(folder, generation) if folder and not untitled else set()
            if not lints(config, path, folder, ignored, untitled):
                return Resolved(config, None, excluded=True)
            return Resolved(config, self.resolver.settings_for(config, path))
        except UsageError as exc:
            return Resolved(None, None, error=exc)
