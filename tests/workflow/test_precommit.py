"""The pre-commit configuration: valid, local-only, and its hooks really catch what they promise.

The hooks run offline in a scratch git repository that holds a small valid dossier, then the
same repository with a broken dossier and badly formatted Python: every hook must fail there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import REPO

CONFIG = REPO / ".pre-commit-config.yaml"
BIN = Path(sys.executable).parent
PRE_COMMIT = BIN / "pre-commit"
DOSSIER_FIXTURE = REPO / "tests" / "fixtures" / "mini" / "claims.yaml"
HOOK_IDS = {"dossier-validate", "claims-json-schema", "ruff-check", "ruff-format"}


def _config() -> dict:
    return yaml.safe_load(CONFIG.read_text(encoding="utf-8"))


def test_the_configuration_is_valid() -> None:
    proc = subprocess.run(
        [str(PRE_COMMIT), "validate-config", str(CONFIG)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_hook_is_local_and_runs_a_pinned_tool_from_the_virtualenv() -> None:
    repos = _config()["repos"]
    assert [r["repo"] for r in repos] == ["local"], "hooks must not be fetched from the network"
    hooks = {h["id"]: h for h in repos[0]["hooks"]}
    assert set(hooks) == HOOK_IDS
    for hook in hooks.values():
        program = hook["entry"].split()[0]
        assert program.startswith(".venv/bin/"), hook
        assert (REPO / program).exists() or (BIN / Path(program).name).exists(), program
    assert hooks["dossier-validate"]["entry"].endswith("dossier validate claims.yaml")
    assert "--schemafile claims.schema.json claims.yaml" in hooks["claims-json-schema"]["entry"]
    assert hooks["ruff-format"]["entry"].split()[1:3] == ["format", "--check"]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)


def _run_hooks(repo: Path, tmp_path: Path, *which: str) -> subprocess.CompletedProcess[str]:
    """The hooks on every file (or, given ``which`` = (), on the files staged as for a commit)."""
    _git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("DOSSIER_SNAPSHOTS", None)
    return subprocess.run(
        [str(PRE_COMMIT), "run", *(which or ("--all-files",)), "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def scratch_repo(tmp_path: Path) -> Path:
    """A git repository with the hooks, a small valid dossier, its schema and tidy Python."""
    if shutil.which("git") is None:
        pytest.fail("git is needed for the pre-commit tests", pytrace=False)
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copy(CONFIG, repo / ".pre-commit-config.yaml")
    shutil.copy(REPO / "pyproject.toml", repo / "pyproject.toml")  # ruff's settings
    shutil.copy(REPO / "claims.schema.json", repo / "claims.schema.json")
    shutil.copy(DOSSIER_FIXTURE, repo / "claims.yaml")
    (repo / ".venv").mkdir()
    (repo / ".venv" / "bin").symlink_to(BIN, target_is_directory=True)
    (repo / "tidy.py").write_text(
        '"""A tidy module."""\n\nfrom __future__ import annotations\n\n\ndef double(x: int) -> int:\n'
        "    return 2 * x\n",
        encoding="utf-8",
    )
    (repo / ".gitignore").write_text(".venv\n", encoding="utf-8")
    return repo


def test_the_hooks_pass_a_valid_dossier_offline(scratch_repo: Path, tmp_path: Path) -> None:
    proc = _run_hooks(scratch_repo, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for name in ("dossier validate", "check-jsonschema", "ruff check", "ruff format"):
        assert name in proc.stdout, proc.stdout
    assert "Failed" not in proc.stdout
    # The validator's verdict is shown even on success: it says the quotes were not checked.
    assert "valid; quotes not checked" in proc.stdout, proc.stdout


def test_an_edit_of_claims_yaml_reports_each_problem_once(scratch_repo: Path, tmp_path: Path) -> None:
    _git(scratch_repo, "add", "-A")
    _git(scratch_repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "start")
    claims = scratch_repo / "claims.yaml"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace("    outlet: Harbour", "    outlett: Harbour")
    )
    proc = _run_hooks(scratch_repo, tmp_path, "--files", "claims.yaml")  # as `git commit` would
    assert proc.returncode != 0
    assert proc.stdout.count("unknown field 'outlett'") == 1, proc.stdout


def test_the_hooks_fail_a_broken_dossier_and_untidy_python(scratch_repo: Path, tmp_path: Path) -> None:
    claims = scratch_repo / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    assert "\n    outlet: Harbour Gazette\n" in text
    claims.write_text(text.replace("\n    outlet: Harbour Gazette\n", "\n    outlett: Harbour Gazette\n"))
    (scratch_repo / "untidy.py").write_text("import os\nx=[1,\n2]\n", encoding="utf-8")
    proc = _run_hooks(scratch_repo, tmp_path)
    assert proc.returncode != 0
    failed = {line.split("...")[0].strip() for line in proc.stdout.splitlines() if line.endswith("Failed")}
    assert len(failed) == 4, proc.stdout
    assert "outlett" in proc.stdout, proc.stdout  # the validator names the misspelt field
    assert "F401" in proc.stdout, proc.stdout  # the unused import, found by ruff check
    assert "untidy.py" in proc.stdout.split("hook id: ruff-format")[1], proc.stdout
