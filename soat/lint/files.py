"""Which files soat checks (docs/architecture.md §10.2, §12.1): the folder walk of `soat
check`, and the same decision for one path, which the language server asks.

A file found by walking a folder is checked when the walk reaches it (a soat extension, not
in a skipped or git-ignored folder) and its configuration's `include` matches it and its
`exclude` does not; a file named on the command line only has to escape `exclude`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from soat.lint.config import Config
from soat.lint.errors import UsageError, printable
from soat.lint.formats import ANNOTATED_SUFFIX, FORMATS_BY_EXTENSION, WORD_EXTENSIONS

SKIPPED_DIRS = {
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    ".venv",
    "venv",
    "__pycache__",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "site-packages",
}


class Configurations(Protocol):
    def config_for(self, path: str, default_root: str | None = None) -> Config: ...


def selected_by_config(config: Config, path: str, walked: bool) -> bool:
    """Whether the configuration lets soat check the file: `include` filters only what a
    walk finds; `exclude` applies to named files too (pre-commit names every file)."""
    return (not walked or config.is_included(path)) and not config.is_excluded(path)


def discover(
    paths: Sequence[str],
    configs: Configurations,
    unreadable_folders: list[tuple[str, OSError]] | None = None,
) -> Iterator[tuple[str, str]]:
    """(path, display name) of every file to check, in a stable order, each file once.

    A file named on the command line is shown as given; a file found by walking a folder
    as the folder joined with its path below it, without a leading "./". A path named on
    the command line that is neither a folder nor a regular file (a FIFO, a device) is
    yielded too, so that checking it reports IO001; a walk skips such files (opening a FIFO
    would wait forever). Folders the walk cannot read go to `unreadable_folders`.
    """
    seen: set[str] = set()
    for given in paths:
        if not os.path.exists(given):
            raise UsageError(f"no such file or directory: {given}")
        walked = os.path.isdir(given)
        if not walked:
            candidates: Iterable[tuple[str, str]] = [(given, os.path.realpath(given))]
        else:
            candidates = _walk(given, unreadable_folders)
        # What depends on a file's folder only — its configuration, the folder's path
        # relative to the configuration, its normalised name — is found once per folder.
        folders: dict[str, tuple[Config, str, str]] = {}
        for path, real in candidates:
            if real in seen:
                continue
            folder, name = os.path.split(path)
            known = folders.get(folder)
            if known is None:
                config = configs.config_for(path)
                known = folders[folder] = (
                    config,
                    os.path.dirname(config.relative(path)),
                    os.path.normpath(folder),
                )
            config, relative_folder, normal_folder = known
            if walked and not config.is_included_at(_below(relative_folder, name)):
                continue
            if config.is_excluded(path):
                continue
            seen.add(real)
            # A walked file is shown as its path below the folder, normalised: the folder as
            # given joined with the path below it, without a leading "./".
            yield path, printable(_below(normal_folder, name, os.sep) if walked else path)


def _below(folder: str, name: str, sep: str = "/") -> str:
    """`os.path.normpath(os.path.join(folder, name))` (with `sep`) for a normalised `folder`
    and a plain file `name` (no separator, not "." or ".."); "" and "." are the folder
    itself."""
    if folder in ("", "."):
        return name
    return folder + name if folder.endswith(sep) else folder + sep + name


def is_walkable_name(name: str) -> bool:
    """A file name the walk considers: a soat extension, not soat's own annotated copy of a
    Word file, not a Word lock file."""
    ext = os.path.splitext(name)[1].lower()
    if ext not in FORMATS_BY_EXTENSION and ext not in WORD_EXTENSIONS:
        return False
    return not (name.lower().endswith(ANNOTATED_SUFFIX) or name.startswith("~$"))


def _skipped_folder(parent: str, name: str, ignored: set[str]) -> bool:
    path = os.path.join(parent, name)
    return (
        name in SKIPPED_DIRS
        or os.path.exists(os.path.join(path, "pyvenv.cfg"))
        or os.path.normpath(path) in ignored
    )


def _walk(root: str, unreadable_folders: list | None = None) -> Iterator[tuple[str, str]]:
    """(path, real path) of the files a walk of `root` checks: top-down, each folder's files
    then its sub-folders, both sorted by name; links to folders are not followed. One
    `scandir` per folder tells files from folders and links without a `stat` per file."""
    ignored = git_ignored(root)
    stack = [root]
    while stack:
        top = stack.pop()
        try:
            with os.scandir(top) as it:
                entries = list(it)
        except OSError as exc:
            if unreadable_folders is not None and exc.filename:
                unreadable_folders.append((os.path.normpath(exc.filename), exc))
            continue
        folders: list[os.DirEntry[str]] = []
        files: list[os.DirEntry[str]] = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            (folders if is_dir else files).append(entry)
        real_top = None
        for entry in sorted(files, key=lambda e: e.name):
            name = entry.name
            if not is_walkable_name(name):
                continue
            path = os.path.join(top, name)
            if ignored and os.path.normpath(path) in ignored:
                continue
            try:
                regular = entry.is_file()  # a regular file, or a link to one
                link = entry.is_symlink()
            except OSError:
                continue
            if not regular:
                continue
            if link:
                real = os.path.realpath(path)
            else:
                if real_top is None:
                    real_top = os.path.realpath(top)
                real = os.path.join(real_top, name)
            yield path, real
        subfolders = sorted(
            (e for e in folders if not _skipped_folder(top, e.name, ignored)),
            key=lambda e: e.name,
        )
        # Pushed in reverse: the first name is walked first. A link to a folder is listed
        # but not followed (os.walk's followlinks=False).
        for entry in reversed(subfolders):
            if not entry.is_symlink():
                stack.append(os.path.join(top, entry.name))


def reached_by_walk(path: str, root: str, ignored: set[str]) -> bool:
    """Whether walking `root` reaches the file at `path` (`ignored`: `git_ignored(root)`).

    A path that does not exist yet (a buffer not saved) counts as a regular file; one
    outside `root`, or through a linked folder (the walk does not follow links), is not
    reached.
    """
    rel = os.path.relpath(path, root)
    if rel == os.curdir or rel.split(os.sep)[0] == os.pardir:
        return False
    *folders, name = rel.split(os.sep)
    parent = root
    for folder in folders:
        if _skipped_folder(parent, folder, ignored) or os.path.islink(os.path.join(parent, folder)):
            return False
        parent = os.path.join(parent, folder)
    full = os.path.join(parent, name)
    if not is_walkable_name(name) or os.path.normpath(full) in ignored:
        return False
    return not os.path.lexists(full) or _is_regular(full)


def _is_regular(path: str) -> bool:
    """A regular file, or a link to one (not a FIFO, socket, device or broken link)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def git_ignored(root: str) -> set[str]:
    """Paths under `root` that git ignores (empty when git or a repository is missing)."""
    if not _may_be_in_repository(root):
        return set()  # no git process (~3 ms) for a folder outside any repository
    import subprocess

    try:
        # -z: names unquoted and NUL-separated (git quotes non-ASCII names otherwise).
        proc = subprocess.run(
            ["git", "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"],
            cwd=root,
            capture_output=True,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if proc.returncode != 0:
        return set()
    return {
        os.path.normpath(os.path.join(root, os.fsdecode(name).rstrip("/")))
        for name in proc.stdout.split(b"\0")
        if name
    }


def _may_be_in_repository(root: str) -> bool:
    """Whether git may see a repository at `root`: a `.git` there or in a folder above it,
    or one named by `GIT_DIR`."""
    if os.environ.get("GIT_DIR"):
        return True
    folder = os.path.realpath(root)  # git follows a linked folder to the repository
    while True:
        if os.path.lexists(os.path.join(folder, ".git")):
            return True
        parent = os.path.dirname(folder)
        if parent == folder:
            return False
        folder = parent
