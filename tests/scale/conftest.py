"""Fixtures of the scale tests: generated dossiers (``benchmarks/synthetic.py``) built for real."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # the generator lives in benchmarks/, beside the package
    sys.path.insert(0, str(REPO))

from benchmarks import synthetic  # noqa: E402


@pytest.fixture(scope="session")
def generated_site(
    tmp_path_factory: pytest.TempPathFactory, build_once: Callable[..., object]
) -> Callable[[int], tuple[Path, object]]:
    """``generated_site(n)`` -> (project folder, built site) of a generated n-claim dossier (cached)."""
    cache: dict[int, tuple[Path, object]] = {}

    def _get(n: int) -> tuple[Path, object]:
        if n not in cache:
            project = synthetic.write_dossier_site(n, tmp_path_factory.mktemp(f"generated-{n}"))
            cache[n] = (project, build_once(project))
        return cache[n]

    return _get
