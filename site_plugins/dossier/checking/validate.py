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
from ..reading import comments, load, recover
from ..reading.positions import Located
from ..reading.result import LoadResult
from ..records.model import ClaimsFile
from . import quotes, rules
from .gaps import quotes_with_gaps
from .naming import RECORD_LISTS, RecordIds, name_records, record_ids
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
    #: warnings found while reading (text a comment cuts short, quotes that leave words out),
    #: listed with the warnings of ``analysis.review``
    notes: list[Problem] = field(default_factory=list)
    #: the ids of the records as written, by list and index (see ``naming``)
    record_ids: RecordIds = field(default_factory=dict)

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
        text = load.read_file(path, name)
        loaded = text if isinstance(text, LoadResult) else load.load_text(text, name)
        problems = list(loaded.problems)
        data: ClaimsFile | None = None
        located = loaded.located
        if located is not None and not loaded.fatal:
            data, more = validate_located(located, name, snapshots=snapshots, today=today)
            problems.extend(more)
        elif isinstance(text, str):
            located, problems = _past_errors(text, loaded, name, snapshots, today)
        notes = _silent_losses(text, located, name)
        ids = record_ids(located.data if located is not None else None)
        if located is not None:
            # Only the positions are needed from here on (line_of); the plain copy of the data
            # would double what the build keeps in memory.
            located.data = None
    problems = name_records(_sorted_unique(problems), ids)
    return ValidationResult(
        data=None if problems else data,
        problems=problems,
        notes=name_records(notes, ids),
        located=located,
        name=name,
        records=data,
        record_ids=ids,
    )


def _silent_losses(text: str | LoadResult, located: Located | None, name: str) -> list[Problem]:
    """Warnings about text the file loses without an error (a comment, words left out)."""
    if located is None or not isinstance(text, str) or located.data is None:
        return []
    return sorted(comments.cut_by_comments(text, located, name) + quotes_with_gaps(located, name))


def _past_errors(
    text: str, loaded: LoadResult, name: str, snapshots: Path | None, today: dt.date | None
) -> tuple[Located | None, list[Problem]]:
    """The syntax errors, and the problems of what can be read past them (leaving out what
    the unreadable lines make of their own records)."""
    recovered = recover.read_past_errors(text, loaded, name)
    if recovered is None:
        return loaded.located, list(loaded.problems)
    located = recovered.located
    source = text.split("\n")
    top_level = any(source[line - 1][:1] not in (" ", "\t", "-") for line in recovered.lines)
    broken = [_record_at(located, line) for line in recovered.lines]
    if top_level or None in broken:  # a line outside any record: the rest cannot be trusted
        return located, [p for p in recovered.problems if recover.is_syntax(p)]
    _data, more = validate_located(located, name, snapshots=snapshots, today=today)
    kept = [p for p in more if not any(_within(p.field, b) for b in broken if b)]
    return located, recovered.problems + kept


def _record_at(located: Located, line: int) -> str | None:
    """The record (``claims[3]``) that holds ``line``, or None when no record does."""
    data = located.data if isinstance(located.data, dict) else {}
    tops = sorted(located.key_where((key,))[0] for key in data)
    found: tuple[int, str, str] | None = None
    for key in RECORD_LISTS:
        items = data.get(key)
        for i in range(len(items) if isinstance(items, list) else 0):
            start = located.line_of((key, i))
            if start is not None and start <= line and (found is None or start > found[0]):
                found = (start, key, f"{key}[{i}]")
    if found is None:
        return None
    after = [top for top in tops if top > located.key_where((found[1],))[0]]
    return None if after and line >= after[0] else found[2]


def _within(field: str, record: str) -> bool:
    return field == record or field.startswith((record + ".", record + "["))


def _sorted_unique(problems: list[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    out: list[Problem] = []
    for p in sorted(problems, key=lambda p: (p.line, p.col)):
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out
