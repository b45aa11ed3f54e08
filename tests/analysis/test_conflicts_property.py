"""The sweep against an independent reading of the rules, on random dossiers (hypothesis).

The reference below compares every pair and tries every day a partial date can mean: two
claims are compared when some pair of their days lies within the window, and conflict when no
choice of days lets both hold (for a count that only grows, any choice of days: a figure dated
only to the month may come from its last day, after growth; for a one-way yes-no question, any
choice of days that lets the first answer end before the second begins). Totals for a period
compare with totals for the same period (the ranges must meet) or a period that holds theirs
(the part cannot exceed the whole). It shares no code with the analysis beyond the model.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from typing import Any

from fixtures.records import claim, dossier, question
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_plugins.dossier.analysis.conflicts import analyse
from site_plugins.dossier.records.index import Index
from site_plugins.dossier.records.model import Claim, ClaimsFile, Question, date_bounds

START = dt.date(2024, 10, 1)

day_text = st.integers(0, 40).map(lambda n: (START + dt.timedelta(days=n)).isoformat())
date_text = st.one_of(day_text, day_text, day_text, st.sampled_from(["2024-10", "2024-11"]))
figure = st.integers(0, 12).map(lambda n: n * 250)


#: Periods that nest, meet and overlap (random ones rarely do).
PERIODS = [
    ("2024-10-01", "2024-10-07"),
    ("2024-10-01", "2024-10-14"),
    ("2024-10-05", "2024-10-11"),
    ("2024-10-08", "2024-10-14"),
    ("2024-10", "2024-10"),
    ("2024-10", "2024-11"),
    ("2024-11", "2024-11"),
]


@st.composite
def period(draw: Any) -> dict[str, str]:
    if draw(st.integers(0, 2)):
        start, end = draw(st.sampled_from(PERIODS))
        return {"start": start, "end": end}
    first = draw(st.integers(0, 40))
    start = START + dt.timedelta(days=first)
    end = start + dt.timedelta(days=draw(st.sampled_from([0, 3, 6, 6, 13, 30])))
    return {"start": start.isoformat(), "end": end.isoformat()}


@st.composite
def quantity_value(draw: Any) -> dict[str, Any]:
    shape = draw(st.sampled_from(["exactly", "min", "max", "range"]))
    if shape == "range":
        low, high = sorted((draw(figure), draw(figure)))
        value: dict[str, Any] = {"min": low, "max": high}
    else:
        value = {shape: draw(figure)}
    scope = draw(st.sampled_from(["sent", "pledged", None]))
    if scope:
        value["scope"] = scope
    if draw(st.booleans()):
        value["period"] = draw(period())
    return value


@st.composite
def yes_no_value(draw: Any) -> dict[str, Any]:
    value: dict[str, Any] = {"answer": draw(st.sampled_from(["yes", "no"]))}
    if draw(st.booleans()):
        value["until"] = draw(date_text)
    return value


option = st.sampled_from(["combat", "labour", "training"]).map(lambda o: {"option": o})
OPTIONS = [
    {"id": "combat", "label": "combat"},
    {"id": "labour", "label": "labour only", "excludes": ["combat"]},
    {"id": "training", "label": "training"},
]


@st.composite
def records(draw: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Questions and claims, as the records an editor writes."""
    grows = draw(st.booleans())
    growth = draw(st.sampled_from([None, 10.0, 100.0])) if grows else None
    one_way = draw(st.sampled_from([None, "no-to-yes", "yes-to-no"]))
    questions = [
        question("q", window_days=draw(st.integers(0, 10)), only_grows=grows, max_growth_per_day=growth),
        question("yn", kind="yes-no", window_days=draw(st.integers(0, 10)), one_way=one_way),
        question(
            "ch",
            kind="choice",
            options=OPTIONS,
            multiple=draw(st.booleans()),
            window_days=draw(st.integers(0, 10)),
        ),
    ]
    claims = []
    for i in range(draw(st.integers(2, 14))):
        which = draw(st.sampled_from(["q", "yn", "ch"]))
        value = draw({"q": quantity_value(), "yn": yes_no_value(), "ch": option}[which])
        if "period" not in value and draw(st.booleans()):
            value["as_of"] = draw(date_text)
        actor = draw(st.sampled_from(["a1", "a2"]))
        claims.append(claim(f"c{i:02d}", value, made=draw(date_text), question=which, actor=actor))
    return questions, claims


@st.composite
def dossiers(draw: Any) -> ClaimsFile:
    return dossier(*draw(records()))


def days(text: str) -> list[int]:
    first, last = date_bounds(text)
    return list(range(first.toordinal(), last.toordinal() + 1))


def bounds(c: Claim) -> tuple[float, float]:
    v = c.value
    if v.exactly is not None:
        return v.exactly, v.exactly
    return (v.min if v.min is not None else 0.0), (v.max if v.max is not None else math.inf)


def reference(data: ClaimsFile) -> set[tuple[str, str]]:
    questions = {q.id: q for q in data.questions}
    found = set()
    for x, y in itertools.combinations(data.claims, 2):
        if x.question != y.question:
            continue
        q = questions[x.question]
        if conflicts(q, x, y):
            found.add((min(x.id, y.id), max(x.id, y.id)))
    return found


def period_days(c: Claim) -> set[int] | None:
    p = c.value.period
    if p is None:
        return None
    return set(range(date_bounds(p.start)[0].toordinal(), date_bounds(p.end)[1].toordinal() + 1))


def totals_conflict(x: Claim, y: Claim) -> bool:
    """Two totals for periods: the same period, ranges apart; one inside the other, the part
    above the whole."""
    px, py = period_days(x), period_days(y)
    assert px is not None and py is not None
    (xl, xh), (yl, yh) = bounds(x), bounds(y)
    if px == py:
        return xh < yl or yh < xl
    if px < py:
        return xl > yh
    if py < px:
        return yl > xh
    return False


def could_change(q: Question, before: Claim, after: Claim) -> bool:
    """For a one-way question: some reading of the dates ends ``before``'s period before ``after``'s."""
    ends = []
    for d in days(before.value.as_of or before.made):
        untils = days(before.value.until) if before.value.until else [d]
        ends += [max(d, u) for u in untils]
    return min(ends) < max(days(after.value.as_of or after.made))


def conflicts(q: Question, x: Claim, y: Claim) -> bool:
    xs, ys = days(x.value.as_of or x.made), days(y.value.as_of or y.made)
    w = q.window_days
    if q.kind.value == "yes-no":
        if x.value.answer == y.value.answer:
            return False
        x_end = max([*xs, *(days(x.value.until) if x.value.until else [])])
        y_end = max([*ys, *(days(y.value.until) if y.value.until else [])])
        # some day of one period within the window of some day of the other
        if not any(abs(a - b) <= w for a in range(xs[0], x_end + 1) for b in range(ys[0], y_end + 1)):
            return False
        if q.one_way is None:
            return True
        first = "no" if q.one_way.value == "no-to-yes" else "yes"
        before, after = (x, y) if x.value.answer.value == first else (y, x)  # type: ignore[union-attr]
        return not could_change(q, before, after)
    if q.kind.value == "quantity" and (x.value.period or y.value.period):
        both = x.value.period and y.value.period
        return bool(both) and x.value.scope == y.value.scope and totals_conflict(x, y)
    pairs = [(a, b) for a in xs for b in ys if abs(a - b) <= w]
    if not pairs:
        return False
    if q.kind.value == "choice":
        if x.value.option == y.value.option:
            return False
        if not q.multiple:
            return True
        excluded = {(o.id, e) for o in q.options for e in o.excludes}
        return (x.value.option, y.value.option) in excluded or (y.value.option, x.value.option) in excluded
    if x.value.scope != y.value.scope:
        return False
    (xl, xh), (yl, yh) = bounds(x), bounds(y)
    if not q.only_grows:
        return xh < yl or yh < xl
    # Compared when some reading of the dates is within the window; but a count that only grows
    # may have grown by any reading of them.
    for a, b in itertools.product(xs, ys):  # both hold if some choice of days allows it
        (el, eh, ed), (ll, lh, ld) = sorted([(xl, xh, a), (yl, yh, b)], key=lambda t: t[2])
        if a == b:
            if not (xh < yl or yh < xl):
                return False
            continue
        if lh < el:  # the later one is lower
            continue
        allowed = math.inf if q.max_growth_per_day is None else q.max_growth_per_day * (ld - ed)
        if ll - eh <= allowed:
            return False
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers())
def test_sweep_agrees_with_every_pair_on_every_day(data: ClaimsFile) -> None:
    result = analyse(Index(data))
    assert {(c.a, c.b) for c in result.conflicts} == reference(data)
    n = len(data.claims)
    assert result.pairs_compared <= n * (n - 1) // 2
