"""Fixtures for the `dossier` command tests: the real command, run in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fixtures import BELLS

ROOT = Path(__file__).resolve().parents[2]

VALID = BELLS.read_text(encoding="utf-8")

SNAPSHOT = """\
The Town Crier, 20 October.
The bells rang on Tuesday evening for the first time in a decade. \u201cEight bells hang in
the tower,\u201d said the sexton \u2014 and eight bells hang in the tower, all working.
"""

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """Run `dossier ARGS...` as a real process (in tmp_path unless cwd is given)."""

    def _run(
        *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        full_env = {k: v for k, v in os.environ.items() if k not in ("DOSSIER_SNAPSHOTS", "DOSSIER_DEBUG")}
        full_env.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "site_plugins.dossier.editors.cli", *args],
            cwd=cwd or tmp_path,
            env=full_env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return _run


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    path = tmp_path / "claims.yaml"
    path.write_text(VALID, encoding="utf-8")
    return path


@pytest.fixture
def snapshots(tmp_path: Path) -> Path:
    folder = tmp_path / "snapshots"
    folder.mkdir()
    (folder / "town-crier.txt").write_text(SNAPSHOT, encoding="utf-8")
    return folder
