"""Fixtures for the loader and validator tests: the valid fixture and a fixed 'today'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
VALID = HERE / "fixtures" / "valid.yaml"
BAD_INPUTS = HERE / "bad_inputs"
#: The day the fixture's dates are judged against (its latest date is 2024-11-02).
TODAY = dt.date(2024, 11, 5)


@pytest.fixture
def valid_text() -> str:
    return VALID.read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path: Path):
    """Write text (or bytes) to a claims file in tmp_path and return its path."""

    def _write(content: str | bytes, name: str = "claims.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
