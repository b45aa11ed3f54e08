"""The sweep against an independent reading of the rules, on random dossiers (hypothesis).

The reference below compares every pair and tries every day a partial date can mean: two
claims are compared when some pair of their days lies within the window, and conflict when no
choice of days lets both hold (for a count that only grows, any choice of days: a figure dated
only to the month may come from its last day, after growth). It shares no code with the
analysis beyond the model.
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
def dossiers(draw: Any) -> ClaimsFile:
    grows = draw(st.booleans())
    growth = draw(st.sampled_from([None, 10.0, 100.0])) if grows else None
    questions = [
        question("q", window_days=draw(st.integers(0, 10)), only_grows=grows, max_growth_per_day=growth),
        question("yn", kind="yes-no", window_days=draw(st.integers(0, 10))),
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
        if draw(st.booleans()):
            value["as_of"] = draw(date_text)
        claims.append(claim(f"c{i:02d}", value, made=draw(date_text), question=which))
    return dossier(questions, claims)


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


def conflicts(q: Question, x: Claim, y: Claim) -> bool:
    xs, ys = days(x.value.as_of or x.made), days(y.value.as_of or y.made)
    w = q.window_days
    if q.kind.value == "yes-no":
        if x.value.answer == y.value.answer:
            return False
        x_end = max([*xs, *(days(x.value.until) if x.value.until else [])])
        y_end = max([*ys, *(days(y.value.until) if y.value.until else [])])
        # some day of one period within the window of some day of the other
        return any(abs(a - b) <= w for a in range(xs[0], x_end + 1) for b in range(ys[0], y_end + 1))
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
