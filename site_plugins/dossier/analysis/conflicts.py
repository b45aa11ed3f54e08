"""Conflict analysis: which claims cannot both be true, and why, in one plain sentence.

Two claims conflict when they answer the same question and cannot both be true:

* yes-no: opposite answers for periods that overlap or lie within the question's
  ``window_days`` of each other (a claim's period runs from its as-of date, which defaults to
  the date the claim was made, to its ``until`` date if it has one);
* quantity: the same scope (claims without a scope compare only with each other), as-of dates
  within ``window_days``, and ranges that cannot both hold. For a count that only grows, a
  later figure may exceed an earlier one (by at most ``max_growth_per_day`` a day when that is
  set) but never fall below it;
* choice: different options of a single-answer question, or, when several options can be true
  at once, options that exclude each other; both within ``window_days``;
* declared: every ``contradicts`` link an editor wrote, whatever the dates.

A claim never conflicts with a claim it supersedes (directly or through a chain). A conflict
involving a superseded or retracted claim is resolved unless the editors' ``resolutions`` say
otherwise; an editor resolution always sets the status and note.

Dates may be partial (``2024-10``): a partial date stands for every day it can mean, so two
claims are "within the window" when they could be, and a conflict is reported only when no
reading of the dates lets both claims hold.

Detection sorts each question's claims by as-of day and sweeps a window over them, so it
compares only claims that are close in time (and, for yes-no questions, only opposite answers):
never all pairs of the dossier. ``Analysis.pairs_compared`` counts the comparisons made.

No MkDocs import: this runs from the command line and from tests alone.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..records.index import Index
from ..records.model import (
    Answer,
    Claim,
    ClaimStatus,
    Question,
    QuestionKind,
    date_bounds,
)
from ..records.values import (
    days_apart_text,
    figure_text,
    format_date,
    format_number,
    format_value,
    quantity_bounds,
    scope_words,
    unit_of,
)

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
# Claims placed in time
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Placed:
    claim: Claim
    index: int  # position in the file
    as_of: str  # the as-of date as written (value.as_of, else made)
    start: int  # first day the as-of date can mean (ordinal)
    last: int  # last day the as-of date can mean (ordinal)
    end: int  # last day of the claim's period (``until`` for yes-no, else ``last``)
    precise: bool  # every date involved is a single day
    low: float = 0.0  # quantity: the range the figure allows
    high: float = math.inf


def _place(claim: Claim, index: int, *, use_until: bool) -> _Placed | None:
    as_of = claim.value.as_of or claim.made
    try:
        first, last = date_bounds(as_of)
        end = last.toordinal()
        precise = first == last
        if use_until and claim.value.until:
            until_first, until_last = date_bounds(claim.value.until)
            end = max(end, until_last.toordinal())
            precise = precise and until_first == until_last
    except ValueError:  # validation reports malformed dates; analysis skips the claim
        return None
    low, high = quantity_bounds(claim.value) or (0.0, math.inf)
    return _Placed(claim, index, as_of, first.toordinal(), last.toordinal(), end, precise, low, high)


def _gap(x: _Placed, y: _Placed) -> int:
    """Days between the two claims' periods (0 when they overlap)."""
    return max(0, y.start - x.end, x.start - y.end)


def _sweep(
    items: Iterable[_Placed],
    window: int,
    bucket_of: Callable[[_Placed], Hashable],
    partners: Callable[[_Placed, dict[Hashable, dict[int, _Placed]]], Iterable[Hashable]],
    on_pair: Callable[[_Placed, _Placed], None],
) -> int:
    """Visit claims by as-of day, keeping those whose period ends at most ``window`` days before
    the current claim's as-of date; compare the current claim with the kept ones in the buckets
    ``partners`` names. Returns the number of pairs compared."""
    ordered = sorted(items, key=lambda p: (p.start, p.end, p.index))
    active: dict[Hashable, dict[int, _Placed]] = {}
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


# ---------------------------------------------------------------------------
# The why-sentences
# ---------------------------------------------------------------------------


def _sentence(text: str) -> str:
    """Text as one sentence: spaces tidied, a capital first letter, a full stop at the end."""
    if "  " in text or "\n" in text or "\t" in text or text[:1].isspace() or text[-1:].isspace():
        text = " ".join(text.split())
    if not text:
        return text
    text = text[0].upper() + text[1:] if text[0].isalpha() and text[0].islower() else text
    return text if text[-1] in ".!?" else text + "."


def _when(x: _Placed, y: _Placed, *, reported: bool) -> str:
    if x.precise and y.precise:
        gap = _gap(x, y)
        if gap == 0 and (x.end != x.start or y.end != y.start):
            return "for overlapping periods"
        apart = days_apart_text(gap)
        if reported:
            return f"reported {apart}"
        return "same day" if gap == 0 else apart
    if x.as_of == y.as_of:
        return f"both as of {format_date(x.as_of)}"
    first, second = sorted((x, y), key=lambda p: (p.start, p.last))
    return f"as of {format_date(first.as_of)} and {format_date(second.as_of)}"


# ---------------------------------------------------------------------------
# The rules
# ---------------------------------------------------------------------------


def _can_follow(x: _Placed, y: _Placed, growth: float | None) -> bool:
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


def _quantity_why(question: Question, a: _Placed, b: _Placed) -> str | None:
    """The why-sentence if the two quantity claims cannot both hold, else None."""
    growth = question.max_growth_per_day
    if not question.only_grows:
        if not (a.high < b.low or b.high < a.low):
            return None
        reason = ""
    else:
        if _can_follow(a, b, growth) or _can_follow(b, a, growth):
            return None
        earlier, later = (a, b) if (a.start, a.last) <= (b.start, b.last) else (b, a)
        if earlier.start == later.start and earlier.last == later.last:
            reason = ""
        elif later.high < earlier.low:
            reason = ", but the count can only grow and the later figure is lower"
        else:
            assert growth is not None
            per_day = f"{format_number(growth)} {unit_of(b.claim.value, question)}".strip()
            reason = f": more than the count can grow at {per_day} a day"
    unit = unit_of(b.claim.value, question)
    counted = " ".join(w for w in (unit, scope_words(b.claim.value.scope)) if w)
    figures = f"{figure_text(a.claim.value)} vs {figure_text(b.claim.value)}"
    if counted:
        figures += f" {counted}"
    return _sentence(f"{figures}, {_when(a, b, reported=True)}{reason}")


def _answer(p: _Placed) -> str:
    return p.claim.value.answer.value if p.claim.value.answer is not None else "no answer"


def _yes_no_why(question: Question, a: _Placed, b: _Placed) -> str:
    answers = f"{_answer(a)} vs {_answer(b)}"
    return _sentence(f"{answers} on '{question.text}', {_when(a, b, reported=False)}")


def _choice_why(question: Question, a: _Placed, b: _Placed) -> str:
    labels = f"'{format_value(a.claim.value, question)}' vs '{format_value(b.claim.value, question)}'"
    if question.multiple:
        labels += ", answers that exclude each other"
    return _sentence(f"{labels}, {_when(a, b, reported=False)}")


def _excluded(question: Question) -> dict[str, list[str]]:
    """Option -> options it cannot be true with (either side may have written the exclusion)."""
    pairs: dict[str, dict[str, None]] = defaultdict(dict)
    for option in question.options:
        for other in option.excludes:
            if other != option.id:
                pairs[option.id][other] = None
                pairs[other][option.id] = None
    return {option: list(others) for option, others in pairs.items()}


# ---------------------------------------------------------------------------
# The analysis
# ---------------------------------------------------------------------------


def analyse(index: Index) -> Analysis:
    """Every conflict between the dossier's claims, in a stable order."""
    data = index.data
    questions = index.questions
    position = index.question_position
    replaces = index.replaces

    found: dict[tuple[str, str], tuple[str, ConflictKind, str]] = {}
    compared = 0

    by_question: dict[str, list[tuple[int, Claim]]] = defaultdict(list)
    for position_in_file, claim in enumerate(data.claims):
        if claim.question in questions:
            by_question[claim.question].append((position_in_file, claim))

    for question in data.questions:
        members = by_question.get(question.id, [])
        if len(members) < 2:
            continue
        compared += _analyse_question(question, members, replaces, found)

    # Editor-declared links: always, whatever the dates (first note in file order wins).
    ids = index.claims
    declared: dict[tuple[str, str], str | None] = {}
    for claim in data.claims:
        for link in claim.contradicts:
            if link.claim not in ids or link.claim == claim.id:
                continue
            pair = (min(claim.id, link.claim), max(claim.id, link.claim))
            if declared.get(pair) is None:
                declared[pair] = link.note
    for pair, link_note in declared.items():
        if replaces(*pair):
            continue
        why = _sentence(link_note or "") or "Editors marked these claims as contradicting each other."
        found[pair] = (ids[pair[0]].question, "declared", why)

    verdicts: dict[tuple[str, str], tuple[ConflictStatus, str]] = {}
    for resolution in data.resolutions:
        first, second = sorted(resolution.claims)
        verdicts[(first, second)] = (resolution.status.value, resolution.note)
    ended: dict[str, str] = {}  # claim id -> why it no longer stands
    for claim in data.claims:
        if claim.status is ClaimStatus.superseded:
            by = index.first_superseding.get(claim.id)
            ended[claim.id] = f"claim {claim.id} was superseded" + (f" by claim {by}" if by else "")
        elif claim.status is ClaimStatus.retracted:
            ended[claim.id] = f"claim {claim.id} was retracted"

    # Sorted keys are (a, b) with a < b; order by question, then a, then b.
    order = sorted(found, key=lambda pair: (position.get(found[pair][0], len(position)), pair))
    conflicts: list[Conflict] = []
    for a, b in order:
        question_id, kind, why = found[(a, b)]
        status: ConflictStatus = "open"
        note: str | None = None
        verdict = verdicts.get((a, b))
        if verdict is not None:
            status, note = verdict
        elif a in ended or b in ended:
            reasons = [ended[x] for x in (a, b) if x in ended]
            status, note = "resolved", _sentence("; ".join(reasons))
        conflicts.append(Conflict(f"{a}--{b}", question_id, a, b, kind, why, status, note))

    by_claim: dict[str, list[Conflict]] = {c.id: [] for c in data.claims}
    for conflict in conflicts:
        by_claim[conflict.a].append(conflict)
        by_claim[conflict.b].append(conflict)
    return Analysis(conflicts, by_claim, compared, {c.id: c for c in conflicts})


def _analyse_question(
    question: Question,
    members: list[tuple[int, Claim]],
    replaces: Callable[[str, str], bool],
    found: dict[tuple[str, str], tuple[str, ConflictKind, str]],
) -> int:
    """Sweep one question's claims; record conflicts in ``found``; return pairs compared."""
    window = question.window_days
    kind = question.kind
    kind_name: ConflictKind = KIND_NAMES[kind]

    why_of = {
        QuestionKind.yes_no: _yes_no_why,
        QuestionKind.quantity: _quantity_why,
        QuestionKind.choice: _choice_why,
    }[kind]

    def record(x: _Placed, y: _Placed) -> None:
        x_id, y_id = x.claim.id, y.claim.id
        if x_id == y_id or replaces(x_id, y_id):
            return
        if y_id < x_id:
            x, y, x_id, y_id = y, x, y_id, x_id
        why = why_of(question, x, y)
        if why is not None:
            found[(x_id, y_id)] = (question.id, kind_name, why)

    if kind is QuestionKind.yes_no:
        placed = [p for i, c in members if c.value.answer is not None and (p := _place(c, i, use_until=True))]
        return _sweep(
            placed,
            window,
            lambda p: p.claim.value.answer,
            lambda p, _active: _opposite(p.claim.value.answer),
            record,
        )

    if kind is QuestionKind.quantity:
        groups: dict[str | None, list[_Placed]] = defaultdict(list)
        for i, c in members:
            if quantity_bounds(c.value) is None:
                continue
            p = _place(c, i, use_until=False)
            if p is not None:
                groups[c.value.scope].append(p)
        total = 0
        for scope in sorted(groups, key=lambda s: (s is not None, s or "")):
            total += _sweep(
                groups[scope],
                window,
                lambda _p: None,
                lambda _p, _active: (None,),
                record,
            )
        return total

    placed = [p for i, c in members if c.value.option is not None and (p := _place(c, i, use_until=False))]
    if question.multiple:
        excluded = _excluded(question)
        if not excluded:
            return 0

        def partners(p: _Placed, active: dict[Hashable, dict[int, _Placed]]) -> Iterable[Hashable]:
            return excluded.get(p.claim.value.option or "", ())

    else:

        def partners(p: _Placed, active: dict[Hashable, dict[int, _Placed]]) -> Iterable[Hashable]:
            return [option for option in active if option != p.claim.value.option]

    return _sweep(
        placed,
        window,
        lambda p: p.claim.value.option,
        partners,
        record,
    )


def _opposite(answer: object) -> Iterable[object]:
    if answer is Answer.yes:
        return (Answer.no,)
    if answer is Answer.no:
        return (Answer.yes,)
    return ()
