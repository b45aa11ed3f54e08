"""Fixtures for the `dossier` command tests: the real command, run in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

VALID = """\
# A made-up dossier for testing the command line (not real reporting).
dossier:
  title: "Test dossier: bells in the tower"
  summary: "Made-up claims about bells."
  updated: "2024-11-02"

sources:
  - id: town-crier
    outlet: Town Crier
    headline: "Bells ring again"
    byline: unknown
    published: "2024-10-20"
    kind: original
    snapshot: town-crier.txt
    reliability: B
    reliability_note: "A local paper with a good record."

actors:
  - id: sexton
    name: The sexton
  - id: council
    name: Parish council
    kind: organisation

questions:
  - id: how-many-bells
    text: "How many bells are in the tower?"
    kind: quantity
    unit: bells
    scopes: [hung, ordered]
    status: open
    assessment: "Counts differ."
    assessed: "2024-11-01"
  - id: bells-rung
    text: "Were the bells rung?"
    kind: yes-no
    status: settled
    assessment: "Yes."
    assessed: "2024-11-01"

claims:
  # The sexton's count.
  - id: how-many-bells-1
    question: how-many-bells
    statement: "There are eight bells."
    actor: sexton
    made: "2024-10-20"
    value: {exactly: 8, scope: hung}
    citations:
      - source: town-crier
        quote: "eight bells hang in the tower"
    status: reported

  - id: bells-rung-1
    question: bells-rung
    statement: "The bells were rung on Tuesday."
    actor: council
    made: "2024-10-20"
    value: {answer: "yes"}
    citations:
      - source: town-crier
        quote: "The bells rang on Tuesday evening"
    status: reported
    # checked against the parish newsletter

# Resolutions come last.
resolutions: []
"""

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
