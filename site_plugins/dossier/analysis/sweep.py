"""Claims placed in time, and the sweep that compares only claims close in time.

A claim's place is the span of days its date can mean: its as-of date (``value.as_of``, else the
date the claim was made), a partial date (``2024-10``) standing for every day it can mean; a
yes-no answer's period runs on to its ``until`` date; a figure for a ``period`` is placed on
the days of that period. The sweep visits claims by their first day and keeps those whose span
ends at most ``window`` days before the current claim's first day, so that it compares each claim
only with claims close to it: never all pairs of the dossier. No MkDocs import.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from ..records.index import claim_order
from ..records.model import Claim, date_bounds
from ..records.values import quantity_bounds


@dataclass(frozen=True)
class Placed:
    """A claim with the days it speaks of (ordinals of ``datetime.date``)."""

    claim: Claim
    index: int  # position in the file (only to tell claims apart; never decides a result)
    start: int  # first day the date can mean (a period: its first day)
    last: int  # last day the date can mean (a period: its last day)
    end: int  # last day of the claim's span (``until`` for yes-no; a period's last day)
    end_first: int  # the earliest day the span can end (a yes-no answer's ``until``)
    period: bool = False  # a figure for a fixed period (compared only with such figures)
    low: float = 0.0  # quantity: the range the figure allows
    high: float = math.inf


def place(claim: Claim, index: int, *, use_until: bool) -> Placed | None:
    """The claim's place in time; None when a date cannot be read (validation reports it)."""
    value = claim.value
    try:
        if value.period is not None:
            first, _ = date_bounds(value.period.start)
            _, last = date_bounds(value.period.end)
            start, stop = first.toordinal(), last.toordinal()
            low, high = quantity_bounds(value) or (0.0, math.inf)
            return Placed(claim, index, start, stop, stop, stop, True, low, high)
        first, last = date_bounds(value.as_of or claim.made)
        start, stop = first.toordinal(), last.toordinal()
        end, end_first = stop, start
        if use_until and value.until:
            until_first, until_last = date_bounds(value.until)
            end = max(stop, until_last.toordinal())
            end_first = max(start, until_first.toordinal())
    except ValueError:
        return None
    low, high = quantity_bounds(value) or (0.0, math.inf)
    return Placed(claim, index, start, stop, end, end_first, False, low, high)


def earlier_first(x: Placed, y: Placed) -> tuple[Placed, Placed]:
    """The two claims, the one whose date comes first first (ties: the reader's order of claims,
    which ends with the id, so the file's order never decides)."""
    days_x, days_y = (x.start, x.last, x.end), (y.start, y.last, y.end)
    if days_x != days_y:
        return (x, y) if days_x < days_y else (y, x)
    return (x, y) if claim_order(x.claim) <= claim_order(y.claim) else (y, x)


def gap(x: Placed, y: Placed) -> int:
    """Days between the two claims' spans (0 when they overlap)."""
    return max(0, y.start - x.end, x.start - y.end)


def sweep(
    items: Iterable[Placed],
    window: int,
    bucket_of: Callable[[Placed], Hashable],
    partners: Callable[[Placed, dict[Hashable, dict[int, Placed]]], Iterable[Hashable]],
    on_pair: Callable[[Placed, Placed], None],
) -> int:
    """Visit claims by first day, keeping those whose span ends at most ``window`` days before
    the current claim's first day; compare the current claim with the kept ones in the buckets
    ``partners`` names. Returns the number of pairs compared."""
    ordered = sorted(items, key=lambda p: (p.start, p.end, p.index))
    active: dict[Hashable, dict[int, Placed]] = {}
    expiry: list[tuple[int, int, Hashable]] = []
    compared = 0
    for current in ordered:
        limit = current.start - window
        while expiry and expiry[0][0] < limit:
            _, index, bucket = heapq.heappop(expiry)
            members = active[bucket]
            del members[index]
            if not members:
                del active[bucket]
        for bucket in list(partners(current, active)):
            for other in active.get(bucket, {}).values():
                compared += 1
                on_pair(other, current)
        bucket = bucket_of(current)
        active.setdefault(bucket, {})[current.index] = current
        heapq.heappush(expiry, (current.end, current.index, bucket))
    return compared
