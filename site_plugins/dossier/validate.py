"""TEMPORARY STUB — replaced by the real loader/validator (claim-records issue).

Contract the rest of the code relies on:

    load_and_validate(path, *, snapshots=None, today=None) -> ValidationResult
        .data: ClaimsFile | None   (None when there are errors)
        .problems: list[Problem]   (empty when valid)
        .line_of(path_tuple) -> int | None  (1-based line of e.g. ("claims", 3))
    Problem (errors.py): str(problem) -> "claims.yaml:LINE:COL: field.path: message (hint)"
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem
from .model import ClaimsFile


@dataclass
class ValidationResult:
    data: ClaimsFile | None
    problems: list[Problem] = field(default_factory=list)
    lines: dict[tuple[object, ...], int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def line_of(self, path: tuple[object, ...]) -> int | None:
        return self.lines.get(path)


def load_and_validate(
    path: Path, *, snapshots: Path | None = None, today: dt.date | None = None
) -> ValidationResult:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    data = ClaimsFile.model_validate(raw)
    return ValidationResult(data=data)
