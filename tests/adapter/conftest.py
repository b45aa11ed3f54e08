"""Fixtures of the adapter tests: the small fixture dossier, built once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fixtures import MINI_DIR


@pytest.fixture(scope="session")
def mini(build_once: Callable[..., Any]) -> Any:
    """tests/fixtures/mini, built with a real strict build."""
    return build_once(MINI_DIR)
