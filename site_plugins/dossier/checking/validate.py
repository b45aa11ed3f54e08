"""Load and validate ``claims.yaml``: every problem, at once, where the editor can find it.

Three passes, all run on every file so that editors see every problem in one go:

1. the strict loader (the ``reading`` package): YAML syntax, tabs, duplicate keys, anchors,
   limits;
2. the schema (``model.ClaimsFile``, pydantic): required fields, types, id and date formats,
   URLs, vocabularies; each pydantic error becomes a :class:`Problem` at the offending value,
   with a plain message and a hint on how to fix it (``schema_problems.py``);
3. the dossier's own rules (the ``rules`` package): unique ids, references that resolve,
   values that fit their question, real and not future dates, no cycles in supersession or
   copying;

and then, when a snapshots folder is given, quote verification (``quotes.py``).

Contract used by the CLI, the plugin and the tests::

    load_and_validate(path, *, snapshots=None, today=None) -> ValidationResult
        .data: ClaimsFile | None   (None when there are problems)
        .problems: list[Problem]   (all of them, sorted by line and column)
        .ok: bool
        .line_of(path_tuple) -> int | None   (1-based line of e.g. ("claims", 3))

Warnings (what the records allow but editors should look at again) are not problems: they come
from ``analysis.review.review(result)``, which needs the conflict analysis.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..problems import Problem
from ..reading import load
from ..reading.positions import Located
from ..records.model import ClaimsFile
from . import quotes, rules
from .schema_problems import problems_from_validation_error


@dataclass
class ValidationResult:
    """The outcome of validating a claims file.

    ``located`` keeps where every value was written (for ``line_of`` and ``where``); its copy
    of the raw data is dropped once validation is done. ``records`` is what the schema
    accepted, even when the dossier's rules found problems (``data`` is None then): the
    warnings about single records (``analysis.review``) are listed with the errors.
    """

    data: ClaimsFile | None
    problems: list[Problem] = field(default_factory=list)
    located: Located | None = None
    name: str = "claims.yaml"  # the file as problems name it
    records: ClaimsFile | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.data is not None

    def line_of(self, path: tuple[object, ...]) -> int | None:
        """1-based line where the value at ``path`` starts (e.g. ``("claims", 3)``), if any."""
        if self.located is None:
            return None
        return self.located.line_of(path)  # type: ignore[arg-type]

    def where(self, path: tuple[object, ...]) -> tuple[int, int]:
        """1-based (line, column) of the value at ``path`` (or of its nearest existing parent)."""
        if self.located is None:
            return (1, 1)
        return self.located.where(path)  # type: ignore[arg-type]


def default_today() -> dt.date:
    """Today by the clock: a date after it is an editor's slip.

    Not ``SOURCE_DATE_EPOCH``: builds pin that to a past day for reproducible output, and a
    claim made after it is no mistake. The clock only moves on, so a dossier that was valid
    once stays valid, and the output never depends on it.
    """
    return dt.date.today()


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Loading builds hundreds of thousands of small acyclic objects; the cyclic garbage
    # collector would rescan the growing heap again and again (quadratic in the file size).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def validate_located(
    located: Located,
    name: str,
    *,
    snapshots: Path | None = None,
    today: dt.date | None = None,
) -> tuple[ClaimsFile | None, list[Problem]]:
    """Check loaded data against the schema and the dossier's rules (and quotes)."""
    today = today or default_today()
    problems: list[Problem] = []
    data: ClaimsFile | None = None
    try:
        data = ClaimsFile.model_validate(located.data)
    except ValidationError as exc:
        problems.extend(problems_from_validation_error(exc, located, name))
    problems.extend(rules.check(located, name, today))
    if snapshots is not None:

        def where(path: tuple[object, ...]) -> tuple[int, int]:
            return located.where(path)  # type: ignore[arg-type]

        # Quotes are checked even when the schema refused something else: all problems at once.
        view = data if data is not None else quotes.lenient_view(located.data)
        if view is not None:
            problems.extend(quotes.verify_quotes(view, Path(snapshots), where, file=name))
    return data, problems


def load_and_validate(
    path: Path, *, snapshots: Path | None = None, today: dt.date | None = None
) -> ValidationResult:
    """Load ``path`` and check everything; never raises for any file content."""
    path = Path(path)
    name = load.display_name(path)
    with _gc_paused():
        loaded = load.load_file(path, name)
        problems = list(loaded.problems)
        data: ClaimsFile | None = None
        if loaded.located is not None and not loaded.fatal:
            data, more = validate_located(loaded.located, name, snapshots=snapshots, today=today)
            problems.extend(more)
        if loaded.located is not None:
            # Only the positions are needed from here on (line_of); the plain copy of the data
            # would double what the build keeps in memory.
            loaded.located.data = None
    problems = _sorted_unique(problems)
    return ValidationResult(
        data=None if problems else data, problems=problems, located=loaded.located, name=name, records=data
    )


def _sorted_unique(problems: list[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    out: list[Problem] = []
    for p in sorted(problems, key=lambda p: (p.line, p.col)):
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out
