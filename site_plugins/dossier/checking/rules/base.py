"""What every rule uses: the :class:`Checker` that collects problems, and small helpers.

A rule reads the data as written (plain dicts and lists) and reports with :meth:`Checker.add`;
a field of the wrong type is the schema's to report, so a rule skips it. References to other
records go through :meth:`Checker.reference` (with a "did you mean"), dates through
:meth:`Checker.date` (real, and not in the future); circles of references (``copy_of``,
``supersedes``) are found by :func:`cycles`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeGuard

from ...problems import Problem
from ...reading.positions import Located, Path_, dotted
from ...records.model import DATE_PATTERN, ID_RE, date_bounds

_DATE_RE = re.compile(DATE_PATTERN)
_ID_MATCH = ID_RE.match
_NUMBER_TYPES = (int, float)  # a tuple: isinstance() with one is quicker than with int | float
#: After this many unresolved references, stop searching for "did you mean" suggestions
#: (each search scans every id; a hostile file could have thousands of misses).
MAX_SUGGESTIONS = 50

_UNSEEN: Any = object()
_NOT_A_DAY: Any = (dt.date.min, dt.date.min)

#: A date's first and last day (a month or a year spans many).
Days = tuple[dt.date, dt.date]


def is_id(value: Any) -> TypeGuard[str]:
    """Whether ``value`` is a well-formed id (a malformed one is the schema's to report)."""
    return isinstance(value, str) and _ID_MATCH(value) is not None


def number(value: Any) -> float | None:
    """``value`` as a float when it is a number (not a boolean), else None."""
    if isinstance(value, bool) or not isinstance(value, _NUMBER_TYPES):
        return None
    return float(value)


def show_number(value: float) -> str:
    """A number for a message: 1500.0 -> '1,500', 2.5 -> '2.5'."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def records(root: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    """The records listed under ``key``, each with its index; anything not a record skipped."""
    items = root.get(key)
    if not isinstance(items, list):
        return []
    # A plain loop: on the short lists of one record, quicker than a comprehension.
    found: list[tuple[int, dict[str, Any]]] = []
    for i, item in enumerate(items):
        if isinstance(item, dict):
            found.append((i, item))
    return found


@dataclass(frozen=True)
class Ids:
    """The ids of each kind of record, each with the index of the (first) record that has it."""

    sources: dict[str, int]
    actors: dict[str, int]
    questions: dict[str, int]
    claims: dict[str, int]


class Checker:
    """Collects the problems of one file, with where each is written."""

    def __init__(self, located: Located, name: str, today: dt.date) -> None:
        self.located = located
        self.name = name
        self.today = today
        self.problems: list[Problem] = []
        self.suggestions_left = MAX_SUGGESTIONS
        self.absent: set[str] = set()  # lists the file lacks: references to them are not checked
        self.dates: dict[str, Any] = {}  # date text -> (first, last day), _NOT_A_DAY or None

    def add(self, path: Path_, message: str, hint: str = "", at_key: bool = False) -> None:
        """Report a problem at the value of ``path`` (or at its field name, with ``at_key``)."""
        line, col = self.located.key_where(path) if at_key else self.located.where(path)
        self.problems.append(Problem(self.name, line, col, dotted(path), message, hint))

    def suggest(self, word: str, choices: Iterable[str]) -> str:
        """A "did you mean '...'?" naming the choice closest to ``word``, or nothing."""
        if self.suggestions_left <= 0:
            return ""
        self.suggestions_left -= 1
        close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
        return f"did you mean '{close[0]}'?" if close else ""

    def reference(self, path: Path_, ref: Any, ids: dict[str, Any], what: str, where: str) -> bool:
        """Report ``ref`` if it names no known ``what``; True when it resolves."""
        if isinstance(ref, str) and ref in ids:
            return True
        if not is_id(ref):
            return False  # the schema reports a malformed or missing id
        if where in self.absent:
            return False
        hint = self.suggest(ref, ids) or f"add it under {where}, or correct the id"
        self.add(path, f"no {what} with id '{ref}'", hint)
        return False

    def _bounds(self, value: str) -> Any:
        """The first and last day of a date text, ``_NOT_A_DAY``, or None when malformed (cached)."""
        bounds = self.dates.get(value, _UNSEEN)
        if bounds is _UNSEEN:
            bounds = None
            if _DATE_RE.match(value):
                try:
                    bounds = date_bounds(value)
                except ValueError:
                    bounds = _NOT_A_DAY
            self.dates[value] = bounds
        return bounds

    def days(self, value: Any) -> Days | None:
        """The first and last day of a date field that is a real date, else None (reporting
        nothing: :meth:`date` reports a bad date where it is written)."""
        if not isinstance(value, str):
            return None
        bounds = self._bounds(value)
        return None if bounds is None or bounds is _NOT_A_DAY else bounds

    def date(self, path: Path_, value: Any, future_ok: bool = False) -> Days | None:
        """Check a date field; return its first and last day when it is a real date."""
        if not isinstance(value, str):
            return None  # missing or not text: the schema says so
        bounds = self._bounds(value)
        if bounds is None:
            return None  # malformed: the schema says so
        if bounds is _NOT_A_DAY:
            self.add(path, f"'{value}' is not a real date", "check the day and month; write YYYY-MM-DD")
            return None
        if not future_ok and bounds[0] > self.today:
            self.add(
                path,
                f"'{value}' is in the future (today is {self.today.isoformat()})",
                "check the year and month; dates after today are not allowed",
            )
        return bounds

    def unique_ids(self, root: dict[str, Any], key: str, what: str) -> dict[str, int]:
        """The ids of the records under ``key``; each one used twice is reported."""
        ids: dict[str, int] = {}
        if not isinstance(root.get(key), list):
            self.absent.add(key)  # the schema reports it; references to it are not checked
        for i, rec in records(root, key):
            rid = rec.get("id")
            if not isinstance(rid, str):
                continue
            if rid in ids:
                first = ids[rid]
                line = self.located.line_of((key, first, "id"))
                self.add(
                    (key, i, "id"),
                    f"duplicate {what} id '{rid}': already used by {key}[{first}]"
                    + (f" at line {line}" if line else ""),
                    f"give each {what} its own id",
                )
            else:
                ids[rid] = i
        return ids


def cycles(successors: dict[str, list[str]], rank: dict[str, int]) -> Iterator[list[str]]:
    """Each cycle of a graph of references once, as its nodes from the one of lowest ``rank``.

    ``successors`` maps a node to the nodes it refers to, self-references left out (they have
    their own message). An iterative depth-first search, started at the nodes in ``rank``
    order, so the cycles come in the order of their first records in the file.
    """
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    found: set[frozenset[str]] = set()
    for start in sorted(successors, key=lambda k: rank[k]):
        if state.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        on_path: list[str] = [start]
        state[start] = 1
        while stack:
            node, k = stack[-1]
            out = successors.get(node, [])
            if k >= len(out):
                stack.pop()
                on_path.pop()
                state[node] = 2
                continue
            stack[-1] = (node, k + 1)
            nxt = out[k]
            seen = state.get(nxt)
            if seen == 1:
                cycle = on_path[on_path.index(nxt) :]
                key = frozenset(cycle)
                if key not in found:
                    found.add(key)
                    at = cycle.index(min(cycle, key=lambda n: rank[n]))
                    yield cycle[at:] + cycle[:at]
            elif not seen:
                state[nxt] = 1
                on_path.append(nxt)
                stack.append((nxt, 0))
