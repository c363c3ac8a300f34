"""The GitHub Action (action.yml) and the GitLab template in docs/ci.md.

Both are validated against SchemaStore's schemas as check-jsonschema ships them (its
`--builtin-schema github-actions` and `gitlab-ci`), and the action's shell steps are run
here, in a temporary git repository, as the runner would run them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))

jsonschema = pytest.importorskip("jsonschema")


def vendored_schema(name: str) -> dict:
    resources = pytest.importorskip("importlib.resources")
    pytest.importorskip("check_jsonschema", reason="check-jsonschema ships the schemas")
    folder = resources.files("check_jsonschema.builtin_schemas.vendor")
    return json.loads(folder.joinpath(f"{name}.json").read_text(encoding="utf-8"))


def errors(schema: dict, document) -> list[str]:
    validator = jsonschema.Draft7Validator(schema)
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(document)]


# --- the metadata -----------------------------------------------------------------------


def test_action_yml_matches_the_action_metadata_schema():
    schema = vendored_schema("github-actions")
    assert errors(schema, ACTION) == []
    broken = {**ACTION, "runs": {**ACTION["runs"], "using": "kompozit"}}
    assert errors(schema, broken)  # the schema does reject a wrong action


def test_the_action_is_composite_and_has_the_inputs_the_issue_asks_for():
    assert ACTION["runs"]["using"] == "composite"
    inputs = ACTION["inputs"]
    assert {"paths", "diff-base", "baseline", "fail-on", "sarif"} <= set(inputs)
    assert all(spec.get("description") for spec in inputs.values())
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"\$\{\{\s*inputs\.([\w-]+)", text))
    used |= set(re.findall(r"inputs\.([\w-]+)\s*[!=]=", text))
    assert used == set(inputs)  # every input is used, none is undeclared


def test_inputs_reach_shell_scripts_only_through_the_environment():
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], step.get("name")


def test_soat_is_installed_from_the_actions_own_checkout():
    install = step_named("Install soat")
    assert install["env"]["SOAT_ACTION_PATH"] == "${{ github.action_path }}"
    assert "pip install" in install["run"] and '"$SOAT_ACTION_PATH"' in install["run"]
    upload = step_named("Upload SARIF")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")


# --- the scripts, run -------------------------------------------------------------------


def step_named(name: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s.get("name") == name)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def runner_env(tmp_path, monkeypatch) -> dict:
    """Environment of a runner: `soat` on PATH (this checkout), git with an identity."""
    if shutil.which("git") is None or shutil.which("bash") is None:
        pytest.skip("needs git and bash")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "soat"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m soat "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Biên tập",
        "GIT_AUTHOR_EMAIL": "bientap@example.org",
        "GIT_COMMITTER_NAME": "Biên tập",
        "GIT_COMMITTER_EMAIL": "bientap@example.org",
    }


def run_step(name: str, cwd: Path, env: dict, inputs: dict, runner_temp: Path):
    """Run a step's script the way the runner does: `bash -e` with its env, expressions
    replaced by the given inputs (defaults from action.yml)."""
    step = step_named(name)
    values = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()} | inputs

    def expand(text: str) -> str:
        text = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: values[m.group(1)], text)
        return text.replace("${{ runner.temp }}", str(runner_temp)).replace(
            "${{ github.action_path }}", str(ROOT)
        )

    step_env = {**env, **{k: expand(v) for k, v in step.get("env", {}).items()}}
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=cwd,
        env=step_env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def content(tmp_path, runner_env) -> Path:
    repo = tmp_path / "site"
    (repo / "tin").mkdir(parents=True)
    (repo / "tin" / "cu.txt").write_text("Bài cũ\n\nĐoàn viên  tốt.\n", encoding="utf-8")
    (repo / "tin" / "khac.txt").write_text("Bài khác\n\nCông đoàn , cơ sở.\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    subprocess.run(["git", "add", "."], cwd=repo, env=runner_env, check=True)
    subprocess.run(["git", "commit", "-qm", "cũ"], cwd=repo, env=runner_env, check=True)
    return repo


def test_the_check_step_prints_annotations_and_fails_on_findings(content, runner_env, tmp_path):
    proc = run_step("soat", content, runner_env, {"paths": "tin/cu.txt\ntin/khac.txt"}, tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert [line.rsplit("::", 1)[0] for line in proc.stdout.splitlines()] == [
        "::warning file=tin/cu.txt,line=3,col=10,endLine=3,endColumn=12,title=TYP001",
        "::warning file=tin/khac.txt,line=3,col=10,endLine=3,endColumn=11,title=TYP002",
    ]
    only_errors = run_step("soat", content, runner_env, {"fail-on": "error"}, tmp_path)
    assert only_errors.returncode == 0 and only_errors.stdout.count("::warning") == 2
    args = run_step("soat", content, runner_env, {"args": "--select TYP002"}, tmp_path)
    assert args.stdout.count("::warning") == 1 and "TYP002" in args.stdout


def test_the_check_step_with_a_baseline_and_a_diff_base(content, runner_env, tmp_path):
    subprocess.run(
        [sys.executable, "-m", "soat", "check", "--write-baseline", "soat-baseline.json", "tin"],
        cwd=content,
        env=runner_env,
        check=True,
    )
    with_baseline = run_step(
        "soat", content, runner_env, {"baseline": "soat-baseline.json"}, tmp_path
    )
    assert with_baseline.returncode == 0, with_baseline.stderr
    assert with_baseline.stdout == ""
    (content / "tin" / "moi.txt").write_text("Bài mới\n\nTin  mới.\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=content, env=runner_env, check=True)
    subprocess.run(["git", "commit", "-qm", "mới"], cwd=content, env=runner_env, check=True)
    changed = run_step("soat", content, runner_env, {"diff-base": "HEAD~1"}, tmp_path)
    assert changed.returncode == 1
    assert changed.stdout.startswith("::warning file=tin/moi.txt,line=3,col=4,")
    assert changed.stdout.count("::warning") == 1


def test_the_sarif_step_writes_sarif_and_never_fails(content, runner_env, tmp_path):
    proc = run_step("soat (SARIF)", content, runner_env, {"sarif": "true"}, tmp_path)
    assert proc.returncode == 0, proc.stderr
    sarif = json.loads((tmp_path / "soat.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert sorted(r["ruleId"] for r in sarif["runs"][0]["results"]) == ["TYP001", "TYP002"]


def test_the_fetch_step_brings_the_base_into_a_shallow_clone(content, runner_env, tmp_path):
    git(content, "checkout", "-q", "-b", "feature")
    (content / "tin" / "cu.txt").write_text("Bài cũ\n\nĐoàn viên  rất tốt.\n", encoding="utf-8")
    subprocess.run(["git", "commit", "-qam", "sửa"], cwd=content, env=runner_env, check=True)
    clone = tmp_path / "ci"
    subprocess.run(
        ["git", "clone", "-q", "--depth=1", "--branch", "feature", content.as_uri(), str(clone)],
        env=runner_env,
        check=True,
    )
    before = run_step("soat", clone, runner_env, {"diff-base": "origin/main"}, tmp_path)
    assert before.returncode == 2 and "shallow" in before.stderr
    fetched = run_step(
        "Fetch the diff base", clone, runner_env, {"diff-base": "origin/main"}, tmp_path
    )
    assert fetched.returncode == 0, fetched.stderr
    after = run_step("soat", clone, runner_env, {"diff-base": "origin/main"}, tmp_path)
    assert after.returncode == 1, after.stderr
    assert after.stdout.startswith("::warning file=tin/cu.txt,line=3,")
    assert after.stdout.count("::warning") == 1  # tin/khac.txt did not change
    again = run_step(
        "Fetch the diff base", clone, runner_env, {"diff-base": "origin/main"}, tmp_path
    )
    assert again.returncode == 0  # present: nothing to fetch


# --- GitLab ------------------------------------------------------------------------------


def gitlab_snippets() -> list[dict]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = text[text.index("## GitLab CI") : text.index("## reviewdog")]
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", section, re.S)]


def test_the_gitlab_template_matches_the_gitlab_ci_schema_and_uses_the_options():
    schema = vendored_schema("gitlab-ci")
    snippets = gitlab_snippets()
    assert snippets
    for snippet in snippets:
        assert errors(schema, snippet) == []
    script = "\n".join(snippets[0]["soat"]["script"])
    for option in ("--baseline", "--diff-base", "--fail-on", "--output-format gitlab"):
        assert option in script
    assert errors(schema, {"soat": {"script": 3}})  # the schema does reject a wrong job
