"""Conflict analysis: which claims cannot both be true, and why, in one plain sentence.

Two claims conflict when they answer the same question and cannot both be true:

* yes-no: opposite answers for periods that overlap or lie within the question's
  ``window_days`` of each other (a claim's period runs from its as-of date, which defaults to
  the date the claim was made, to its ``until`` date if it has one). When the question's answer
  can change only one way (``one_way: no-to-yes``), a "no" that can have ended before the "yes"
  began is a change, not a conflict; a "yes" and a later "no" still conflict;
* quantity: the same scope (claims without a scope compare only with each other), as-of dates
  within ``window_days``, and ranges that cannot both hold. For a count that only grows, a
  later figure may exceed an earlier one (by at most ``max_growth_per_day`` a day when that is
  set) but never fall below it. A figure for a ``period`` (a total for those days) compares
  only with figures for periods it overlaps, whatever the window: for the same period the
  ranges must meet; for a period inside another, the part cannot be more than the whole;
  periods that only partly overlap say nothing about each other;
* choice: different options of a single-answer question, or, when several options can be true
  at once, options that exclude each other; both within ``window_days``;
* declared: every ``contradicts`` link an editor wrote, whatever the dates.

A claim never conflicts with a claim it supersedes (directly or through a chain). A conflict
involving a superseded or retracted claim is resolved unless the editors' ``resolutions`` say
otherwise; an editor resolution always sets the status and note.

Dates may be partial (``2024-10``): a partial date stands for every day it can mean, so two
claims are "within the window" when they could be, and a conflict is reported only when no
reading of the dates lets both claims hold.

Detection sorts each question's claims by day and sweeps a window over them (:mod:`.sweep`),
so it compares only claims that are close in time (and, for yes-no questions, only opposite
answers): never all pairs of the dossier. ``Analysis.pairs_compared`` counts the comparisons.
Nothing depends on the order of the claims in the file: the same records in another order give
the same conflicts, the same sentences (:mod:`.why`) and the same notes.

No MkDocs import: this runs from the command line and from tests alone.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..records.index import Index
from ..records.model import Answer, Claim, ClaimStatus, Direction, Question, QuestionKind
from ..records.values import quantity_bounds
from .sweep import Placed, earlier_first, place, sweep
from .why import ENGLISH, Reason, Wording, sentence, why

ConflictKind = Literal["yes-no", "quantity", "choice", "declared"]
ConflictStatus = Literal["open", "resolved"]

KINDS: tuple[ConflictKind, ...] = ("yes-no", "quantity", "choice", "declared")
KIND_NAMES: dict[QuestionKind, ConflictKind] = {
    QuestionKind.yes_no: "yes-no",
    QuestionKind.quantity: "quantity",
    QuestionKind.choice: "choice",
}


@dataclass(frozen=True)
class Conflict:
    """Two claims that cannot both be true."""

    id: str  # "<a>--<b>"
    question: str
    a: str  # claim ids, a < b as strings
    b: str
    kind: ConflictKind
    why: str  # one plain sentence for readers
    status: ConflictStatus
    resolution: str | None  # the editors' note, or what resolved it


@dataclass(frozen=True)
class Analysis:
    """The result of :func:`analyse`."""

    conflicts: list[Conflict]  # by question order in the file, then a, then b
    by_claim: dict[str, list[Conflict]]  # every claim id -> its conflicts (same order)
    pairs_compared: int  # candidate pairs the sweep compared (far below n² for a real dossier)
    by_id: dict[str, Conflict] = field(default_factory=dict)


def conflict_id(a: str, b: str) -> str:
    first, second = sorted((a, b))
    return f"{first}--{second}"


# ---------------------------------------------------------------------------
# The rules: None when both claims can hold, else why not (see why.Reason)
# ---------------------------------------------------------------------------


def _can_follow(x: Placed, y: Placed, growth: float | None) -> bool:
    """Can a count that only grows satisfy claim ``x`` and then (same day or later) claim ``y``?"""
    if y.last < x.start:  # y cannot be dated on or after x
        return False
    if y.high < x.low:  # it would have fallen
        return False
    days = y.last - x.start  # the most time the dates allow between the two
    if days == 0:
        allowed = 0.0
    elif growth is None:
        allowed = math.inf
    else:
        allowed = growth * days
    return y.low - x.high <= allowed


def _apart(a: Placed, b: Placed) -> bool:
    """The two ranges have no figure in common."""
    return a.high < b.low or b.high < a.low


def _quantity_reason(question: Question, a: Placed, b: Placed) -> Reason | None:
    if a.period:  # figures for periods are grouped apart: both are
        return _period_reason(a, b)
    if not question.only_grows:
        return "" if _apart(a, b) else None
    growth = question.max_growth_per_day
    if _can_follow(a, b, growth) or _can_follow(b, a, growth):
        return None
    earlier, later = earlier_first(a, b)
    if (earlier.start, earlier.last) == (later.start, later.last):
        return ""
    return "falls" if later.high < earlier.low else "too-fast"


def _period_reason(a: Placed, b: Placed) -> Reason | None:
    """Totals for periods: equal periods must have ranges that meet; a part cannot exceed the
    whole; periods that only partly overlap say nothing about each other."""
    if (a.start, a.end) == (b.start, b.end):
        return "" if _apart(a, b) else None
    inner, outer = (a, b) if b.start <= a.start and a.end <= b.end else (b, a)
    if not (outer.start <= inner.start and inner.end <= outer.end):
        return None
    return "part-exceeds-whole" if inner.low > outer.high else None


def _yes_no_reason(question: Question, a: Placed, b: Placed) -> Reason | None:
    if question.one_way is None:
        return ""
    start_answer = Answer.no if question.one_way is Direction.no_to_yes else Answer.yes
    before, after = (a, b) if a.claim.value.answer is start_answer else (b, a)
    # Both hold when the first answer's period can end before the second's can begin.
    return None if before.end_first < after.last else "one-way"


def _choice_reason(question: Question, _a: Placed, _b: Placed) -> Reason | None:
    return "excludes" if question.multiple else ""


_RULES: dict[QuestionKind, Callable[[Question, Placed, Placed], Reason | None]] = {
    QuestionKind.yes_no: _yes_no_reason,
    QuestionKind.quantity: _quantity_reason,
    QuestionKind.choice: _choice_reason,
}


def _excluded(question: Question) -> dict[str, list[str]]:
    """Option -> options it cannot be true with (either side may have written the exclusion)."""
    pairs: dict[str, dict[str, None]] = defaultdict(dict)
    for option in question.options:
        for other in option.excludes:
            if other != option.id:
                pairs[option.id][other] = None
                pairs[other][option.id] = None
    return {option: sorted(others) for option, others in pairs.items()}


# ---------------------------------------------------------------------------
# The analysis
# ---------------------------------------------------------------------------

_Found = dict[tuple[str, str], tuple[str, ConflictKind, str]]


def analyse(index: Index, words: Wording = ENGLISH) -> Analysis:
    """Every conflict between the dossier's claims, in a stable order; ``words``: the
    why-sentences' language (see :mod:`.why`)."""
    data = index.data
    position = index.question_position

    found: _Found = {}
    compared = 0
    by_question: dict[str, list[tuple[int, Claim]]] = defaultdict(list)
    for position_in_file, claim in enumerate(data.claims):
        if claim.question in index.questions:
            by_question[claim.question].append((position_in_file, claim))
    for question in data.questions:
        members = by_question.get(question.id, [])
        if len(members) >= 2:
            compared += _analyse_question(question, members, index, found, words)
    _declared(index, found)

    verdicts: dict[tuple[str, str], tuple[ConflictStatus, str]] = {}
    for resolution in data.resolutions:  # one for each pair at most (validation checks it)
        first, second = sorted(resolution.claims)
        verdicts[(first, second)] = (resolution.status.value, resolution.note)
    ended: dict[str, str] = {}  # claim id -> why it no longer stands
    for claim in data.claims:
        if claim.status is ClaimStatus.superseded:
            later = index.superseded_by.get(claim.id)
            ended[claim.id] = f"claim {claim.id} was superseded" + (
                f" by claim {later[0].id}" if later else ""
            )
        elif claim.status is ClaimStatus.retracted:
            ended[claim.id] = f"claim {claim.id} was retracted"

    # Sorted keys are (a, b) with a < b; order by question, then a, then b.
    order = sorted(found, key=lambda pair: (position.get(found[pair][0], len(position)), pair))
    conflicts: list[Conflict] = []
    for a, b in order:
        question_id, kind, because = found[(a, b)]
        status: ConflictStatus = "open"
        note: str | None = None
        verdict = verdicts.get((a, b))
        if verdict is not None:
            status, note = verdict
        elif a in ended or b in ended:
            status, note = "resolved", sentence("; ".join(ended[x] for x in (a, b) if x in ended))
        conflicts.append(Conflict(f"{a}--{b}", question_id, a, b, kind, because, status, note))

    by_claim: dict[str, list[Conflict]] = {c.id: [] for c in data.claims}
    for conflict in conflicts:
        by_claim[conflict.a].append(conflict)
        by_claim[conflict.b].append(conflict)
    return Analysis(conflicts, by_claim, compared, {c.id: c for c in conflicts})


def _declared(index: Index, found: _Found) -> None:
    """Editor-declared links: always, whatever the dates. When both claims of a pair link each
    other with different notes, the note of the claim with the smaller id is the one shown."""
    ids = index.claims
    declared: dict[tuple[str, str], str | None] = {}
    for claim in sorted(index.data.claims, key=lambda c: c.id):
        for link in claim.contradicts:
            if link.claim not in ids or link.claim == claim.id:
                continue
            pair = (min(claim.id, link.claim), max(claim.id, link.claim))
            if declared.get(pair) is None:
                declared[pair] = link.note
    for pair, link_note in declared.items():
        if index.replaces(*pair):
            continue
        because = sentence(link_note or "") or "Editors marked these claims as contradicting each other."
        found[pair] = (ids[pair[0]].question, "declared", because)


def _analyse_question(
    question: Question, members: list[tuple[int, Claim]], index: Index, found: _Found, words: Wording
) -> int:
    """Sweep one question's claims; record conflicts in ``found``; return pairs compared."""
    kind = question.kind
    kind_name: ConflictKind = KIND_NAMES[kind]
    rule = _RULES[kind]
    actors = index.actors

    def record(x: Placed, y: Placed) -> None:
        x_id, y_id = x.claim.id, y.claim.id
        if x_id == y_id or index.replaces(x_id, y_id):
            return
        reason = rule(question, x, y)
        if reason is not None:
            found[(min(x_id, y_id), max(x_id, y_id))] = (
                question.id,
                kind_name,
                why(question, x, y, reason, actors, words),
            )

    if kind is QuestionKind.yes_no:
        placed = [p for i, c in members if c.value.answer is not None and (p := place(c, i, use_until=True))]
        return sweep(placed, question.window_days, _answer_of, lambda p, _active: _opposite(p), record)
    if kind is QuestionKind.quantity:
        return _sweep_quantities(question, members, record)
    placed = [p for i, c in members if c.value.option is not None and (p := place(c, i, use_until=False))]
    if question.multiple:
        excluded = _excluded(question)
        if not excluded:
            return 0

        def partners(p: Placed, active: dict[Hashable, dict[int, Placed]]) -> Iterable[Hashable]:
            return excluded.get(p.claim.value.option or "", ())

    else:

        def partners(p: Placed, active: dict[Hashable, dict[int, Placed]]) -> Iterable[Hashable]:
            return [option for option in active if option != p.claim.value.option]

    return sweep(placed, question.window_days, lambda p: p.claim.value.option, partners, record)


def _sweep_quantities(
    question: Question, members: list[tuple[int, Claim]], record: Callable[[Placed, Placed], None]
) -> int:
    """Figures compare within their scope; figures as of a date apart from figures for a period
    (which compare only when their periods overlap: a window of 0 days)."""
    groups: dict[tuple[str | None, bool], list[Placed]] = defaultdict(list)
    for i, c in members:
        if quantity_bounds(c.value) is None:
            continue
        p = place(c, i, use_until=False)
        if p is not None:
            groups[(c.value.scope, p.period)].append(p)
    total = 0
    for scope, period in sorted(groups, key=lambda g: (g[0] is not None, g[0] or "", g[1])):
        window = 0 if period else question.window_days
        total += sweep(groups[(scope, period)], window, lambda _p: None, lambda _p, _a: (None,), record)
    return total


def _answer_of(p: Placed) -> Hashable:
    return p.claim.value.answer


def _opposite(p: Placed) -> Iterable[object]:
    answer = p.claim.value.answer
    if answer is Answer.yes:
        return (Answer.no,)
    if answer is Answer.no:
        return (Answer.yes,)
    return ()
