"""The pre-commit hooks, run by the real pre-commit on a content repository.

A temporary git repository uses this checkout as its hook repository, at its HEAD commit
(pre-commit clones it and installs soat with pip, so this needs a package registry: the test
is marked `network`; `pytest -m "not network"` skips it offline). Only committed work is
tested: pre-commit installs what HEAD holds, not the working tree.
"""

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = textwrap.dedent("""\
    ---
    title: "Công đoàn cơ sở tập huấn về thương lượng tập thể"
    date: 2024-05-10
    ---

    # Công đoàn cơ sở tập huấn về thương lượng tập thể

    Sáng nay, công đoàn cơ sở của công ty đã tổ chức lớp tập huấn về thương lượng tập thể cho hơn một trăm đoàn viên.

    ![Lớp học trong hội trường của công ty](anh/tap-huan.jpg)

    *Đoàn viên tham dự lớp tập huấn.*

    *Đoàn viên tham dự lớp tập huấn.*

    Tại lớp học, các học viên được hướng dẫn cách chuẩn bị nội dung và trao đổi với người sử dụng lao động.

    Các tin khác
    """)

# What `soat check --fix` must leave: the repeated caption goes with the blank line after it,
# the furniture line at the end with the blank line before it (docs/architecture.md §7.3).
FIXED = ARTICLE.replace("*Đoàn viên tham dự lớp tập huấn.*\n\n", "", 1).replace(
    "\n\nCác tin khác\n", "\n"
)

ARTICLE_PATH = Path("content", "tin-tuc", "tap-huan.md")

HOOKS_CONFIG = """\
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: soat
      - id: soat-fix
"""


def _env() -> dict:
    # Outer git state (when the suite itself runs inside a hook) must not leak in.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_AUTHOR_NAME="soat test",
        GIT_AUTHOR_EMAIL="test@soat.invalid",
        GIT_COMMITTER_NAME="soat test",
        GIT_COMMITTER_EMAIL="test@soat.invalid",
        NO_COLOR="1",
    )
    return env


def _run(args, cwd, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=cwd, env=_env(), capture_output=True, text=True, encoding="utf-8", timeout=timeout
    )


def _git(*args, cwd):
    proc = _run(["git", *args], cwd)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def _pre_commit(cwd) -> subprocess.CompletedProcess:
    # The pre-commit installed next to this interpreter (the project's virtualenv).
    return _run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd,
        timeout=1200,
    )


def _content_repository(tmp_path: Path, article: str) -> Path:
    """A git repository with one committed article, using this checkout's hooks at HEAD."""
    rev = _git("rev-parse", "HEAD", cwd=ROOT)
    assert _git("cat-file", "-t", f"{rev}:.pre-commit-hooks.yaml", cwd=ROOT) == "blob"
    repo = tmp_path / "noi-dung"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        HOOKS_CONFIG.format(repo=ROOT, rev=rev), encoding="utf-8"
    )
    path = repo / ARTICLE_PATH
    path.parent.mkdir(parents=True)
    path.write_bytes(article.encode("utf-8"))
    _git("add", ".", cwd=repo)
    _git("commit", "-q", "-m", "bài mới", cwd=repo)
    return repo


@pytest.mark.network
def test_hooks_report_then_fix_then_pass(tmp_path):
    repo = _content_repository(tmp_path, ARTICLE)
    article = repo / ARTICLE_PATH

    first = _pre_commit(repo)
    out = first.stdout + first.stderr
    assert first.returncode == 1, out
    check_part, _, fix_part = out.partition("- hook id: soat-fix")
    # `soat` fails and prints the findings with their places...
    assert "- hook id: soat\n- exit code: 1" in check_part, out
    assert re.search(r"content/tin-tuc/tap-huan\.md:14:\d+: CAP001", check_part), out
    assert re.search(r"content/tin-tuc/tap-huan\.md:18:\d+: BPL001", check_part), out
    # ...`soat-fix` rewrites the article, so pre-commit fails it.
    assert "- files were modified by this hook" in fix_part, out
    assert article.read_bytes().decode("utf-8") == FIXED

    second = _pre_commit(repo)
    assert second.returncode == 0, second.stdout + second.stderr
    assert second.stdout.count("Passed") == 2, second.stdout
    assert article.read_bytes().decode("utf-8") == FIXED


@pytest.mark.network
def test_soat_fix_fails_without_changes_when_findings_remain(tmp_path):
    # A place name that only a human can settle: an unsafe fix, which --fix does not apply.
    article = "Công đoàn tỉnh Lai Cai tổ chức hội nghị tập huấn cho cán bộ công đoàn cơ sở.\n"
    repo = _content_repository(tmp_path, article)
    run = _pre_commit(repo)
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    check_part, _, fix_part = out.partition("- hook id: soat-fix")
    assert re.search(r"content/tin-tuc/tap-huan\.md:1:\d+: SPL003", check_part), out
    assert "- exit code: 1" in fix_part, out
    assert "- files were modified by this hook" not in fix_part, out
    assert (repo / ARTICLE_PATH).read_bytes().decode("utf-8") == article
