"""Where the first dossier and its source snapshots are, for the tests of its facts.

The quote checks need the source snapshots, which are not part of the repository (the articles
are copyrighted). Their folder comes from the environment variable DOSSIER_SNAPSHOTS. Without
it those tests are skipped (a GitHub runner has no archive; the workflow's own ``quotes`` job
checks them where one is configured), unless DOSSIER_REQUIRE_SNAPSHOTS is set: the project's CI
(``.ci/run``) sets it, so a CI set-up that loses the archive fails instead of passing unnoticed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLAIMS = REPO / "claims.yaml"
SNAPSHOTS_ENV = "DOSSIER_SNAPSHOTS"
REQUIRE_ENV = "DOSSIER_REQUIRE_SNAPSHOTS"


def snapshots_folder() -> Path:
    """The snapshots folder from the environment; skip when it is missing, or fail where required."""
    value = os.environ.get(SNAPSHOTS_ENV, "").strip()
    if not value:
        if os.environ.get(REQUIRE_ENV, "").strip():
            pytest.fail(
                f"{REQUIRE_ENV} is set but {SNAPSHOTS_ENV} is not: the dossier's quotes cannot be checked"
            )
        pytest.skip(f"{SNAPSHOTS_ENV} is not set: no source snapshots to check the quotes against")
    folder = Path(value)
    if not folder.is_dir():
        pytest.fail(f"{SNAPSHOTS_ENV}={value} is not a folder")
    return folder
