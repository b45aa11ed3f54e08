"""A question's rules: a real assessment date; the fields its kind needs (a quantity's unit, a
choice's two options at least) and none that belong to another kind; scopes listed once;
option ids unique, and options that exclude other options of the same question."""

from __future__ import annotations

import math
from typing import Any

from ...reading.positions import Path_
from .base import Checker, is_id, records
from .values import VALUE_FIELDS

#: Fields only one kind of question has, in the order they are reported: field -> that kind.
#: A flag counts when true, any other field when given (not null, not an empty list).
_KIND_ONLY_FIELDS = {
    "unit": "quantity",
    "scopes": "quantity",
    "max_growth_per_day": "quantity",
    "only_grows": "quantity",
    "options": "choice",
    "multiple": "choice",
    "one_way": "yes-no",
}
_FLAGS = {"only_grows", "multiple"}


def check_question(checker: Checker, i: int, q: dict[str, Any]) -> None:
    base: Path_ = ("questions", i)
    kind = q.get("kind")
    checker.date((*base, "assessed"), q.get("assessed"))
    if not isinstance(kind, str) or kind not in VALUE_FIELDS:
        return  # missing or not one of the kinds: the schema says so
    if kind == "quantity":
        _check_quantity(checker, base, q)
    _check_fields_of_other_kinds(checker, base, q, kind)
    if kind == "choice":
        options = q.get("options")
        if options is None or (isinstance(options, list) and len(options) < 2):
            path = (*base, "options") if options is not None else base
            checker.add(
                path,
                "a choice question needs at least two options",
                "add options, each with an id and a label",
            )
    _check_scopes(checker, base, q)
    _check_options(checker, base, q)


def _check_quantity(checker: Checker, base: Path_, q: dict[str, Any]) -> None:
    if q.get("unit") is None:
        checker.add(base, "a quantity question needs a unit", "add 'unit:', e.g. unit: people")
    if q.get("max_growth_per_day") is not None and q.get("only_grows") is not True:
        checker.add(
            (*base, "max_growth_per_day"),
            "max_growth_per_day needs only_grows: true",
            "add 'only_grows: true', or leave max_growth_per_day out",
        )
    growth = q.get("max_growth_per_day")
    if isinstance(growth, float) and not math.isfinite(growth):
        checker.add((*base, "max_growth_per_day"), "is not a finite number", "write a number")


def _check_fields_of_other_kinds(checker: Checker, base: Path_, q: dict[str, Any], kind: str) -> None:
    for key, owner in _KIND_ONLY_FIELDS.items():
        if owner == kind:
            continue
        if key in _FLAGS:
            if q.get(key) is True:
                checker.add(
                    (*base, key), f"'{key}' is only for {owner} questions", "leave it out", at_key=True
                )
        elif q.get(key) not in (None, []):
            are, them = ("are", "them") if key == "options" else ("is", "it")
            checker.add(
                (*base, key),
                f"'{key}' {are} only for {owner} questions",
                f"leave {them} out; this question's kind is {kind}, not {owner}",
                at_key=True,
            )


def _check_scopes(checker: Checker, base: Path_, q: dict[str, Any]) -> None:
    scopes = q.get("scopes")
    if not isinstance(scopes, list):
        return
    seen: set[str] = set()
    for j, scope in enumerate(scopes):
        if isinstance(scope, str):
            if scope in seen:
                checker.add((*base, "scopes", j), f"scope '{scope}' is listed twice", "list each scope once")
            seen.add(scope)


def _check_options(checker: Checker, base: Path_, q: dict[str, Any]) -> None:
    option_ids: dict[str, int] = {}
    option_recs = records(q, "options")
    for j, opt in option_recs:
        oid = opt.get("id")
        if isinstance(oid, str):
            if oid in option_ids:
                checker.add(
                    (*base, "options", j, "id"),
                    f"duplicate option id '{oid}': already used by options[{option_ids[oid]}]",
                    "give each option its own id",
                )
            else:
                option_ids[oid] = j
    for j, opt in option_recs:
        excludes = opt.get("excludes")
        if not isinstance(excludes, list):
            continue
        for k, ref in enumerate(excludes):
            path = (*base, "options", j, "excludes", k)
            if ref == opt.get("id") and is_id(ref):
                checker.add(path, "an option cannot exclude itself", "remove it from excludes")
            elif is_id(ref) and ref not in option_ids:
                hint = checker.suggest(ref, option_ids) or "name one of this question's options"
                checker.add(path, f"no option with id '{ref}' in this question", hint)
