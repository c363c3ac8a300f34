"""Configuration and Settings per file: the one resolver behind `soat check` (folder walks,
named files, standard input), the Python API and the language server (docs/architecture.md
§8.1, §12.3).
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import os
from collections.abc import Sequence
from typing import Any, NamedTuple

from soat.lint.config import Config, find_config_file, load_config
from soat.lint.knowledge import Knowledge, KnowledgeLoader
from soat.lint.rule import Rule
from soat.lint.runner import Settings

# The language server keeps this many Settings (each holds its knowledge) before starting over.
_WATCHED_SETTINGS_LIMIT = 64


class Overrides(NamedTuple):
    """What the command line changes in every file's configuration (§8.2): `--select`
    replaces `select`, `--extend-select` and `--ignore` add to the file's lists, `--fail-on`
    replaces `fail-on`."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str | None = None

    def apply(self, config: Config) -> Config:
        changes: dict[str, Any] = {}
        if self.select is not None:
            changes["select"] = self.select
        if self.extend_select:
            changes["extend_select"] = (*config.extend_select, *self.extend_select)
        if self.ignore:
            changes["ignore"] = (*config.ignore, *self.ignore)
        if self.fail_on:
            changes["fail_on"] = self.fail_on
        return config.replace(**changes) if changes else config


def _stamp(path: str) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


class SettingsResolver:
    """The configuration that applies to each file, and the Settings it is checked with.

    The nearest configuration file at or above a file's folder applies (or `explicit`, for
    every file); without one, the defaults with `default_root` (the current folder unless
    given) as root. Files checked alike share one Settings, and configurations with the same
    registry files share the knowledge loaded from them.

    For one `soat check` run (`watch=False`) each folder's configuration is found and parsed
    once. For the language server (`watch=True`) it is found and parsed again on every call
    (a few `stat` calls, and it keeps registry globs current), and Settings and knowledge are
    reused while the stamps of the configuration file and its registry files are unchanged,
    so edits take effect without a restart. Configuration errors raise UsageError.
    """

    def __init__(
        self,
        rules: Sequence[Rule],
        load_knowledge: KnowledgeLoader,
        explicit: str | None = None,
        overrides: Overrides | None = None,
        *,
        watch: bool = False,
    ) -> None:
        self.rules = tuple(rules)
        self.load_knowledge = load_knowledge
        self.overrides = overrides or Overrides()
        self.watch = watch
        self._explicit_path = explicit
        self._explicit = self._load(explicit) if explicit and not watch else None
        self._by_dir: dict[tuple[str, str], Config] = {}
        self._by_file: dict[str, Config] = {}
        self._knowledge: dict[tuple, Knowledge] = {}
        self._settings: dict[tuple, Settings] = {}
        # One run asks for each file's configuration and Settings several times (discovery,
        # the check, the report): the answers per path (without `watch`).
        self._by_path: dict[tuple[str, str | None, str], tuple[Config, Settings]] = {}
        self._config_by_path: dict[tuple[str, str | None, str], Config] = {}
        self._config_by_folder: dict[tuple[str, str], Config] = {}
        self._codes: dict[int, tuple[tuple[Rule, ...], tuple[str, ...]]] = {}

    def _load(self, path: str) -> Config:
        return self.overrides.apply(load_config(path, self.rules))

    def config_for(self, path: str, default_root: str | None = None) -> Config:
        """The configuration of the file (or folder) at `path`, command-line changes applied."""
        if self._explicit is not None:
            return self._explicit
        if self.watch and self._explicit_path:
            return self._load(self._explicit_path)
        if not self.watch:  # asked again for each file: discovery, the check, the report
            return self._config_in(path, default_root, os.getcwd())
        return self._config_for(path, default_root, os.getcwd())

    def _config_in(self, path: str, default_root: str | None, cwd: str) -> Config:
        """`config_for` with the current folder given, remembered per path."""
        if self._explicit is not None:
            return self._explicit
        key = (path, default_root, cwd)
        memo = self._config_by_path.get(key)
        if memo is None:
            memo = self._config_by_path[key] = self._config_for(path, default_root, cwd)
        return memo

    def _config_for(self, path: str, default_root: str | None, cwd: str) -> Config:
        path = os.path.normpath(os.path.join(cwd, path))  # os.path.abspath, cwd read once
        directory = path if os.path.isdir(path) else os.path.dirname(path)
        root = default_root or cwd
        if self.watch:
            found = find_config_file(directory)
            return self._load(found) if found else self.overrides.apply(Config(root=root))
        config = self._by_dir.get((directory, root))
        if config is None:
            found = find_config_file(directory)
            if found is None:
                config = self.overrides.apply(Config(root=root))
            else:
                config = self._by_file.get(found)
                if config is None:
                    config = self._by_file[found] = self._load(found)
            self._by_dir[(directory, root)] = config
        return config

    def for_path(self, path: str, default_root: str | None = None) -> tuple[Config, Settings]:
        """The file's configuration and the Settings it is checked with (per-file-ignores
        applied)."""
        if self.watch:
            config = self.config_for(path, default_root)
            return config, self.settings_for(config, path)
        cwd = os.getcwd()
        key = (path, default_root, cwd)
        found = self._by_path.get(key)
        if found is None:
            config = self._config_in(path, default_root, cwd)
            found = self._by_path[key] = (config, self.settings_for(config, path))
        return found

    def for_file(self, path: str) -> tuple[Config, Settings]:
        """`for_path` of a file that is not a folder (what discovery finds): its
        configuration is its folder's, found once per folder as written (a file's name is
        never "." or "..", so its folder normalises to the folder of its normalised path)."""
        if self.watch:
            return self.for_path(path)
        cwd = os.getcwd()
        key = (path, None, cwd)
        found = self._by_path.get(key)
        if found is None:
            folder = (os.path.dirname(path), cwd)
            config = self._config_by_folder.get(folder)
            if config is None:
                config = self._config_by_folder[folder] = self._config_in(path, None, cwd)
            found = self._by_path[key] = (config, self.settings_for(config, path))
        return found

    def settings_for(self, config: Config, path: str) -> Settings:
        """The Settings of the file at `path`, which `config` applies to."""
        enabled = config.enabled_rules(self.rules, path)
        knowledge_key: tuple = config.registry
        source_key: tuple = (config.path,)
        if self.watch:
            knowledge_key = tuple((p, _stamp(p)) for p in config.registry)
            source_key = (config.path, _stamp(config.path) if config.path else None)
        codes = self._codes.get(id(enabled))  # one tuple per configuration: its codes once
        if codes is None or codes[0] is not enabled:
            if len(self._codes) >= _WATCHED_SETTINGS_LIMIT:  # per-file-ignores: a tuple a file
                self._codes.clear()
            codes = self._codes[id(enabled)] = (enabled, tuple(r.code for r in enabled))
        key = (*source_key, knowledge_key, codes[1])
        settings = self._settings.get(key)
        if settings is None:
            knowledge = self._knowledge.get(knowledge_key)
            if knowledge is None:
                knowledge = self.load_knowledge(config.registry)
            if self.watch and len(self._settings) >= _WATCHED_SETTINGS_LIMIT:
                self._settings.clear()
                self._knowledge.clear()
            self._knowledge[knowledge_key] = knowledge
            settings = Settings.from_config(config, self.rules, path, knowledge=knowledge)
            self._settings[key] = settings
        return settings
