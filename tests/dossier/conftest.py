"""The first dossier, loaded and validated once for all its tests (no snapshots needed)."""

from __future__ import annotations

import pytest

from site_plugins.dossier.analysis import conflicts
from site_plugins.dossier.checking.validate import ValidationResult, load_and_validate
from site_plugins.dossier.records.index import Index
from site_plugins.dossier.records.model import ClaimsFile

from .kit import CLAIMS


@pytest.fixture(scope="package")
def result() -> ValidationResult:
    """The dossier loaded and validated without quote checking."""
    return load_and_validate(CLAIMS)


@pytest.fixture(scope="package")
def data(result: ValidationResult) -> ClaimsFile:
    assert result.ok, "\n".join(str(p) for p in result.problems)
    assert result.data is not None
    return result.data


@pytest.fixture(scope="package")
def index(data: ClaimsFile) -> Index:
    return Index(data)


@pytest.fixture(scope="package")
def analysis(index: Index) -> conflicts.Analysis:
    return conflicts.analyse(index)
