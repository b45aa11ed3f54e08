"""A claim's value: real dates, ``until`` not before the value's as-of date (or the claim's), a
figure's ``period`` that ends after it starts and has no as-of date beside it;
finite figures, min <= max, not both exactly and a range; and against its question: only the
fields of the question's kind, a quantity's figure, unit and scope, a yes-no answer, a choice's
option among the question's options."""

from __future__ import annotations

import math
from typing import Any

from ...reading.positions import Path_
from .base import Checker, Days, is_id, number, records, show_number

#: The fields a value has, by the kind of its question.
VALUE_FIELDS = {
    "quantity": {"exactly", "min", "max", "unit", "scope", "as_of", "period"},
    "yes-no": {"answer", "as_of", "until"},
    "choice": {"option", "as_of"},
}
_ALL_VALUE_FIELDS = set().union(*VALUE_FIELDS.values())
_VALUE_HOW = {
    "quantity": "give the figure with 'exactly', or a range with 'min' and/or 'max'",
    "yes-no": "write 'answer: yes' or 'answer: no'",
    "choice": "write 'option:' with the id of one of the question's options",
}


def check_value(
    checker: Checker, base: Path_, value: dict[str, Any], question: dict[str, Any] | None, made: Days | None
) -> None:
    """The value of the claim at ``base``; ``question`` is None when the claim names none that exists."""
    vpath: Path_ = (*base, "value")
    _check_until(checker, vpath, value, made)
    _check_figure_period(checker, vpath, value)
    _check_figures(checker, vpath, value)
    if question is None:
        return
    kind = question.get("kind")
    if not isinstance(kind, str) or kind not in VALUE_FIELDS:
        return
    allowed = VALUE_FIELDS[kind]
    for key in value:
        if key in _ALL_VALUE_FIELDS and key not in allowed:
            checker.add(
                (*vpath, key), f"'{key}' does not fit a {kind} question", _VALUE_HOW[kind], at_key=True
            )
    if kind == "quantity":
        _check_quantity(checker, vpath, value, question)
    elif kind == "yes-no":
        if value.get("answer") is None:
            checker.add(vpath, "a yes-no question needs an answer", _VALUE_HOW[kind])
    elif kind == "choice":
        _check_choice(checker, vpath, value, question)


def _check_until(checker: Checker, vpath: Path_, value: dict[str, Any], made: Days | None) -> None:
    as_of = checker.date((*vpath, "as_of"), value.get("as_of"))
    until = checker.date((*vpath, "until"), value.get("until"), future_ok=True)
    start = as_of or made
    if until is not None and start is not None and until[1] < start[0]:
        since = value.get("as_of") if as_of else "the claim was made"
        checker.add(
            (*vpath, "until"),
            f"'until' ({value.get('until')}) is before {since}",
            "until is the end of the period the answer covers; it cannot be earlier than as_of",
        )


def _check_figure_period(checker: Checker, vpath: Path_, value: dict[str, Any]) -> None:
    """A figure's period: real dates, the start not in the future, the end not before the start;
    and no as_of beside it (the period says what the figure describes)."""
    period = value.get("period")
    if not isinstance(period, dict):
        return
    ppath: Path_ = (*vpath, "period")
    start = checker.date((*ppath, "start"), period.get("start"))
    end = checker.date((*ppath, "end"), period.get("end"), future_ok=True)
    if start is not None and end is not None and end[1] < start[0]:
        checker.add(
            (*ppath, "end"),
            f"the period ends ({period.get('end')}) before it starts ({period.get('start')})",
            "start is the first day the figure counts, end the last; swap them, or correct one",
        )
    if value.get("as_of") is not None:
        checker.add(
            (*vpath, "as_of"),
            "write either 'as_of' or a 'period', not both",
            "a figure for a period is dated by its period: leave as_of out, "
            "or leave the period out for a figure as of one date",
            at_key=True,
        )


def _check_figures(checker: Checker, vpath: Path_, value: dict[str, Any]) -> None:
    numbers = {key: number(value.get(key)) for key in ("exactly", "min", "max")}
    for key, num in numbers.items():
        if num is not None and math.isinf(num):
            checker.add((*vpath, key), "is not a finite number", "write a number")
            numbers[key] = None
    low, high = numbers["min"], numbers["max"]
    if low is not None and high is not None and low > high:
        checker.add(
            (*vpath, "min"),
            f"min ({show_number(low)}) is greater than max ({show_number(high)})",
            "swap them, or correct one of the two",
        )
    if value.get("exactly") is not None and (value.get("min") is not None or value.get("max") is not None):
        checker.add(
            (*vpath, "exactly"),
            "write either 'exactly' or a range ('min'/'max'), not both",
            "use exactly for one figure, min and max for a range",
        )


def _check_quantity(checker: Checker, vpath: Path_, value: dict[str, Any], question: dict[str, Any]) -> None:
    if all(value.get(k) is None for k in ("exactly", "min", "max")):
        checker.add(vpath, "a quantity question needs a figure", _VALUE_HOW["quantity"])
    unit, qunit = value.get("unit"), question.get("unit")
    if isinstance(unit, str) and isinstance(qunit, str) and unit != qunit:
        checker.add(
            (*vpath, "unit"),
            f"unit '{unit}' does not match the question's unit '{qunit}'",
            f"write unit: {qunit}, or leave unit out",
        )
    scopes = question.get("scopes")
    scope_ids = [s for s in scopes if isinstance(s, str)] if isinstance(scopes, list) else []
    scope = value.get("scope")
    if is_id(scope):
        if not scope_ids:
            checker.add(
                (*vpath, "scope"),
                f"scope '{scope}' is not defined: the question has no scopes",
                "add the scope to the question's scopes, or leave scope out",
            )
        elif scope not in scope_ids:
            hint = checker.suggest(scope, scope_ids) or ""
            words = ", ".join(scope_ids)
            checker.add(
                (*vpath, "scope"),
                f"unknown scope '{scope}'",
                (hint + " Use" if hint else "use") + f" one of the question's scopes: {words}",
            )
    elif scope is None and scope_ids:
        checker.add(vpath, "scope is missing", "add 'scope:' with one of: " + ", ".join(scope_ids))


def _check_choice(checker: Checker, vpath: Path_, value: dict[str, Any], question: dict[str, Any]) -> None:
    option = value.get("option")
    option_ids = [o["id"] for _j, o in records(question, "options") if isinstance(o.get("id"), str)]
    if option is None:
        checker.add(vpath, "a choice question needs an option", _VALUE_HOW["choice"])
    elif is_id(option) and option not in option_ids:
        hint = checker.suggest(option, option_ids) or ""
        checker.add(
            (*vpath, "option"),
            f"no option '{option}' in question '{question.get('id')}'",
            (hint + " Use" if hint else "use") + " one of: " + ", ".join(option_ids),
        )
