"""What the two fuzzers share: a fixed, derandomised budget and the check of a clean result.

``test_fuzz_validate.py`` mutates the text of a file line by line and stops at validation;
``test_fuzz_pipeline.py`` mutates the records and goes on to analysis and rendering. Both
demand the same of what validation gives back: never an exception, and either a valid dossier
or problems that each name a line and column of the file, in order.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings

from site_plugins.dossier.checking.validate import ValidationResult
from site_plugins.dossier.problems import Problem
from site_plugins.dossier.records.model import ClaimsFile


def budget(examples: int, **more: Any) -> settings:
    """Hypothesis settings for ``examples`` cases, the same ones on every run (no database)."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        **more,
    )


def clean(result: ValidationResult, text: str) -> bool:
    """Assert that ``result`` (of validating ``text``) is valid or has clean problems; True if valid."""
    assert isinstance(result.problems, list)
    if not result.problems:
        assert isinstance(result.data, ClaimsFile) and result.ok
        return True
    assert result.data is None and not result.ok
    n_lines = text.count("\n") + 1
    for p in result.problems:
        assert isinstance(p, Problem)
        assert 1 <= p.line <= n_lines + 1, p
        assert p.col >= 1, p
        assert p.field and p.message, p
        str(p)
    keys = [(p.line, p.col) for p in result.problems]
    assert keys == sorted(keys)
    return False
