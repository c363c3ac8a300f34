"""The editor lints exactly the files `soat check` would (docs/architecture.md §12.3): in a
tree with includes, excludes and nested configurations, the set of files the server lints
equals the set a folder walk checks.

The server never sees a Word file as text, so the walk's .docx files are left out of the
comparison; the CLI's set is what `discover` yields (the function `soat check .` uses).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

import pytest
import pytest_lsp
from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient

from soat.knowledge import load_knowledge
from soat.lint.files import discover
from soat.lint.formats import is_word
from soat.lint.lsp.workspace import DocumentSettings, document_format
from soat.lint.session import CheckOptions, resolver_for
from soat.rules import ALL_RULES
from tests.lint.server_helpers import SERVER_COMMAND, initialize, make_client

# Two spaces in a row: TYP001 finds it in every format, so a linted file always has findings.
TEXT = "Một  câu.\n"
_SERVER = DocumentSettings(
    ALL_RULES, load_knowledge
)  # shared: it caches knowledge, as the server does


def make_tree(root: str, files: list[str], configs: dict[str, str]) -> None:
    for rel in files:
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(TEXT)
    for folder, text in configs.items():
        os.makedirs(os.path.join(root, folder), exist_ok=True)
        with open(os.path.join(root, folder, "soat.toml"), "w", encoding="utf-8") as fh:
            fh.write(text)


def all_files(root: str) -> set[str]:
    return {os.path.join(d, n) for d, _, names in os.walk(root) for n in names}


def cli_set(root: str) -> set[str]:
    """What `soat check .` run in `root` checks (text formats only)."""
    before = os.getcwd()
    os.chdir(root)
    try:
        resolver = resolver_for(CheckOptions(paths=(".",)), ALL_RULES, load_knowledge)
        found = {os.path.join(root, os.path.normpath(p)) for p, _ in discover(["."], resolver)}
    finally:
        os.chdir(before)
    return {p for p in found if not is_word(p)}


def server_set(root: str, generation: int = 0) -> set[str]:
    """The files of the tree the server lints when each is opened in workspace `root`."""
    out = set()
    for path in all_files(root):
        if document_format(path, "plaintext") is None:
            continue  # not a soat document: the server never lints it
        resolved = _SERVER.resolve(path, root, generation)
        assert resolved.error is None, resolved.error
        if not resolved.excluded:
            out.add(path)
    return out


TREE = [
    "bai.md",
    "BAI2.MD",
    "tin.txt",
    "ghi-chu.text",
    "trang.html",
    "trang2.htm",
    "dai.markdown",
    "van-ban.docx",
    "van-ban.soat.docx",
    "~$khoa.md",
    "script.py",
    "archive/cu.md",
    "archive/sub/cu2.txt",
    "node_modules/pkg/readme.md",
    ".venv/lib/x.md",
    "env/lib/y.md",  # a virtual environment: it holds pyvenv.cfg
    "sub/a.md",
    "sub/b.text",
    "sub/c.txt",
    "sub/deep/d.text",
    "sub/deep/e.html",
    "other/f.text",
    "other/g.md",
    "ignored/h.md",
    "ghi.htm",
]
CONFIGS = {
    "": 'exclude = ["archive/**"]\n',
    "sub": 'include = ["**/*.md", "**/*.text"]\nexclude = ["deep/e.html"]\n',
    "other": 'include = ["*.text"]\n',
}


@pytest.mark.parametrize("with_git", [False, True])
def test_the_server_lints_exactly_the_files_soat_check_walks(tmp_path, with_git):
    if with_git and shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = str(tmp_path)
    make_tree(root, TREE, CONFIGS)
    with open(os.path.join(root, "env", "pyvenv.cfg"), "w") as fh:
        fh.write("home = /usr/bin\n")
    if with_git:
        subprocess.run(["git", "init", "-q", root], check=True)
        with open(os.path.join(root, ".gitignore"), "w") as fh:
            fh.write("ignored/\n*.htm\n")
    expected = {
        "bai.md",
        "BAI2.MD",
        "tin.txt",
        "trang.html",
        "dai.markdown",
        "sub/a.md",
        "sub/b.text",
        "sub/deep/d.text",
        "other/f.text",
    } | (set() if with_git else {"trang2.htm", "ghi.htm", "ignored/h.md"})
    assert cli_set(root) == {os.path.join(root, p) for p in expected}
    assert server_set(root) == cli_set(root)


def test_outside_the_workspace_a_file_is_linted_as_if_named(tmp_path):
    make_tree(str(tmp_path), ["ghi-chu.text", "archive/cu.md", "node_modules/x.md"], CONFIGS)
    linted = {
        rel
        for rel in ("ghi-chu.text", "archive/cu.md", "node_modules/x.md")
        if not _SERVER.resolve(str(tmp_path / rel), None, 0).excluded
    }
    # `soat check FILE`: include does not apply, exclude does.
    assert linted == {"ghi-chu.text", "node_modules/x.md"}


def test_an_unsaved_new_file_is_linted_where_its_path_says(tmp_path):
    make_tree(str(tmp_path), [], CONFIGS)
    root = str(tmp_path)
    assert not _SERVER.resolve(os.path.join(root, "moi.md"), root, 0).excluded
    assert _SERVER.resolve(os.path.join(root, "moi.text"), root, 0).excluded
    assert _SERVER.resolve(os.path.join(root, "archive", "moi.md"), root, 0).excluded


# --- many trees -------------------------------------------------------------------------------

_FOLDERS = ["", "a", "a/b", "archive", "node_modules", ".git", "tin-cu", "sub"]
_NAMES = ["bai", "Tin", "~$bai", "x.soat"]
_EXTS = [".md", ".MD", ".txt", ".text", ".html", ".htm", ".markdown", ".docx", ".py", ""]
_INCLUDES = [
    None,
    ["**/*.text"],
    ["**/*.md", "**/*.text"],
    ["a/**"],
    ["*.txt"],
]
_EXCLUDES = [None, [], ["archive/**"], ["**/*.txt"], ["a"], ["b/*.md"]]


def _config_text(include, exclude) -> str:
    lines = []
    if include is not None:
        lines.append(f"include = {include!r}".replace("'", '"'))
    if exclude is not None:
        lines.append(f"exclude = {exclude!r}".replace("'", '"'))
    return "\n".join(lines) + "\n"


@settings(max_examples=60)
@given(
    files=st.lists(
        st.tuples(st.sampled_from(_FOLDERS), st.sampled_from(_NAMES), st.sampled_from(_EXTS)),
        min_size=1,
        max_size=12,
    ),
    configs=st.dictionaries(
        st.sampled_from(["", "a", "a/b", "sub", "tin-cu"]),
        st.tuples(st.sampled_from(_INCLUDES), st.sampled_from(_EXCLUDES)),
        max_size=3,
    ),
)
def test_in_any_tree_the_server_and_the_walk_agree(files, configs):
    with tempfile.TemporaryDirectory() as root:
        root = os.path.realpath(root)
        rels = [os.path.join(folder, name + ext) for folder, name, ext in files]
        make_tree(root, rels, {folder: _config_text(*value) for folder, value in configs.items()})
        assert server_set(root) == cli_set(root)


# --- through the real server ------------------------------------------------------------------


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER_COMMAND, client_factory=make_client)
)
async def client(lsp_client: LanguageClient):
    yield
    if not lsp_client.stopped:
        await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_the_running_server_publishes_findings_for_the_walked_files_only(client, tmp_path):
    root = str(tmp_path)
    make_tree(root, TREE, CONFIGS)
    await initialize(client, root)
    opened = sorted(p for p in all_files(root) if document_format(p, "plaintext") is not None)
    for path in opened:
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(
                    uri=from_fs_path(path), language_id="plaintext", version=1, text=TEXT
                )
            )
        )
    published = {}
    for path in opened:
        params = await client.recorder.wait(from_fs_path(path), version=1)
        published[path] = bool(params.diagnostics)
    assert {p for p, found in published.items() if found} == cli_set(root)


# --- one resolver: the walk, standard input and the server check a file alike -----------------


def test_walk_stdin_and_server_check_each_file_with_the_same_settings(tmp_path):
    import json
    import sys

    from soat.lint.diagnostic import text_of
    from soat.lint.runner import lint_source

    root = str(tmp_path)
    files = ["bai.md", "tin-cu/a.md", "sub/b.md", "sub/tin-cu/c.md"]
    make_tree(
        root,
        files,
        {"": '[per-file-ignores]\n"tin-cu/**" = ["typ"]\n', "sub": 'lang = "en"\n'},
    )

    def cli(*args: str, stdin: str | None = None) -> list[dict]:
        proc = subprocess.run(
            [sys.executable, "-m", "soat", "check", "--output-format", "json", "--no-cache", *args],
            cwd=root,
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        assert proc.returncode in (0, 1), proc.stderr
        return json.loads(proc.stdout)

    walked: dict[str, list] = {rel: [] for rel in files}
    for f in cli("."):
        walked[f["filename"]].append((f["code"], f["message"]))
    for rel in files:
        path = os.path.join(root, rel)
        piped = [(f["code"], f["message"]) for f in cli("--stdin-filename", rel, "-", stdin=TEXT)]
        resolved = _SERVER.resolve(path, root, 0)
        assert resolved.settings is not None
        served = [
            (d.code, text_of(d.message, resolved.lang))
            for d in lint_source(path, TEXT, resolved.settings, "md")
        ]
        assert walked[rel] == piped == served, rel
    assert walked["tin-cu/a.md"] == [] and walked["bai.md"] != []
    assert walked["sub/tin-cu/c.md"] == walked["sub/b.md"] != walked["bai.md"]  # English
