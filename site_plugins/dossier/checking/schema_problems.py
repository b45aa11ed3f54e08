"""Turn pydantic's validation errors into problems an editor can act on.

Each error is placed at the value it is about (for an unknown field: at the field's name; for a
missing field: at the record that lacks it), named by its dotted path
(``claims[3].citations[0].quote``), and explained in plain words with a hint on how to fix it.
"""

from __future__ import annotations

import difflib
import re
import types
from enum import Enum
from functools import lru_cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..problems import Problem
from ..reading.loader import Located, Path_, dotted
from ..records.model import DATE_PATTERN, ID_PATTERN, MAX_FIGURE, URL_PATTERN, ClaimsFile

_YES_NO_WORDS = {"yes", "no", "on", "off", "y", "n", "yes.", "no."}
_NUMBER_TEXT_RE = re.compile(r"^\s*[-+]?[\d][\d,_ ]*(?:\.\d+)?\s*$")
_DATE_TEXT_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


# ---------------------------------------------------------------------------
# What the schema expects at a path
# ---------------------------------------------------------------------------


def _unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional around a type."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin is Union or origin is types.UnionType:
            members = [a for a in get_args(tp) if a is not type(None)]
            if len(members) != 1:
                return tp
            tp = members[0]
        else:
            return tp


@lru_cache(maxsize=256)
def _type_at(path: Path_) -> Any:
    """The (unwrapped) type the schema expects at ``path``, or None if unknown."""
    tp: Any = ClaimsFile
    for step in path:
        tp = _unwrap(tp)
        if isinstance(step, int):
            if get_origin(tp) is not list:
                return None
            tp = get_args(tp)[0]
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            info = tp.model_fields.get(step)
            if info is None:
                return None
            tp = info.annotation
        else:
            return None
    return _unwrap(tp)


def _model_at(path: Path_) -> type[BaseModel] | None:
    tp = _type_at(path)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _description(path: Path_) -> str:
    if not path or not isinstance(path[-1], str):
        return ""
    model = _model_at(path[:-1])
    if model is None:
        return ""
    info = model.model_fields.get(path[-1])
    return (info.description or "") if info else ""


def _show(value: Any) -> str:
    """A short rendering of an editor's value for a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"'{text}'" if isinstance(value, str) else text


def _plain(number: Any) -> str:
    """0.0 -> '0', 2.5 -> '2.5'."""
    if isinstance(number, float) and number.is_integer():
        return str(int(number))
    return str(number)


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {_show(value)}"
    if isinstance(value, int | float):
        return f"the number {_show(value)}"
    if isinstance(value, dict):
        return "a mapping (fields)"
    if isinstance(value, list):
        return "a list"
    return f"the text {_show(value)}"


def _meant_field(path: Path_) -> str | None:
    """The field an unknown field name at ``path`` was probably meant to be."""
    if not path:
        return None
    model = _model_at(path[:-1])
    if model is None:
        return None
    close = difflib.get_close_matches(str(path[-1]), list(model.model_fields), n=1, cutoff=0.6)
    return close[0] if close else None


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


# ---------------------------------------------------------------------------
# One error -> one problem
# ---------------------------------------------------------------------------


def _message(err: Any, path: Path_) -> tuple[str, str]:
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    expected = _type_at(path)

    if kind == "extra_forbidden":
        name = str(path[-1]) if path else "?"
        model = _model_at(path[:-1])
        allowed = list(model.model_fields) if model else []
        meant = _meant_field(path)
        hint = f"did you mean '{meant}'?" if meant else ""
        if not hint and allowed:
            hint = "the fields allowed here are: " + ", ".join(allowed)
        return f"unknown field '{name}'", hint

    if kind == "missing":
        name = str(path[-1]) if path else "?"
        desc = re.sub(r"\s*\([^)]*\)", "", _description(path))
        hint = f"add '{name}:' here" + (f": {desc[:1].lower()}{desc[1:].rstrip('.')}" if desc else "")
        return f"required field '{name}' is missing", hint

    if kind == "bool_type":
        if isinstance(value, str) and value.strip().lower() in _YES_NO_WORDS:
            return f"{_show(value)} is not a boolean", "write true or false"
        return f"expected true or false, found {_kind_of(value)}", "write true or false"

    if kind in ("float_type", "int_type", "float_parsing", "int_parsing", "int_from_float"):
        what = "a whole number" if kind.startswith("int") else "a number"
        if isinstance(value, str) and _DATE_TEXT_RE.match(value.strip()):
            return f"expected {what}, found the date {_show(value)}", f"write {what}, e.g. 1500"
        if isinstance(value, str) and _NUMBER_TEXT_RE.match(value):
            plain = re.sub(r"[,_ ]", "", value.strip())
            return (
                f"a number written as text: {_show(value)}",
                f"write it without quotes, commas or underscores: {plain}",
            )
        if isinstance(value, float) and kind.startswith("int"):
            return f"expected a whole number, found {_show(value)}", "leave out the decimal point"
        return f"expected {what}, found {_kind_of(value)}", f"write {what}, e.g. 1500"

    if kind == "string_type":
        if isinstance(value, int) and not isinstance(value, bool) and _is_date_field(path):
            return (
                f"expected a date in quotes, found the number {value}",
                f'put the date in quotes: "{value}"',
            )
        if isinstance(value, bool | int | float):
            return f"expected text, found {_kind_of(value)}", f'put it in quotes: "{_show(value)}"'
        return f"expected text, found {_kind_of(value)}", "write the text on the same line after the colon"

    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern == DATE_PATTERN:
            return f"{_show(value)} is not a date in the form YYYY-MM-DD", "write YYYY-MM-DD, e.g. 2024-10-23"
        if pattern == ID_PATTERN:
            return (
                f"{_show(value)} is not a valid id",
                "use lower-case letters, digits and single hyphens, e.g. 'nbc-troops-2024-10-23'",
            )
        if pattern == URL_PATTERN:
            return (
                f"{_show(value)} is not a web address starting with http:// or https://",
                "write the full https:// address; other schemes such as javascript: are not allowed",
            )
        return f"{_show(value)} is not in the expected form", _pattern_hint(path, pattern)

    if kind == "string_too_short":
        return "is empty", "write some text, or leave the field out if it is optional"
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return (
            f"is too long: {len(value) if isinstance(value, str) else '?'} characters, the limit is {limit}",
            ("shorten it"),
        )

    if kind == "enum":
        allowed = (
            [str(m.value) for m in expected]
            if isinstance(expected, type) and issubclass(expected, Enum)
            else []
        )
        words = ", ".join(allowed) if allowed else str(ctx.get("expected", ""))
        hint = f"use one of: {words}"
        if isinstance(value, str) and allowed:
            mean = _did_you_mean(value, allowed)
            if mean:
                hint = f"{mean} Use one of: {words}"
        noun = "values" if isinstance(expected, type) and issubclass(expected, int) else "words"
        return f"{_show(value)} is not one of the allowed {noun}", hint

    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if not path:
            return (
                "the file must be a mapping with the fields dossier, sources, actors, questions and claims",
                "start from the example in the editors' guide",
            )
        return f"expected a record of indented 'field: value' lines, found {_kind_of(value)}", (
            "write the fields on their own lines, indented under this one"
        )
    if kind == "list_type":
        return (
            f"expected a list, found {_kind_of(value)}",
            "write each item on its own line starting with '- '",
        )
    if kind == "too_short":
        need = ctx.get("min_length", 1)
        return f"needs at least {need} item{'s' if need != 1 else ''}", "add the missing items"
    if kind == "too_long":
        most = ctx.get("max_length")
        return f"has too many items: at most {most}", "remove the extra items"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{_show(value)} is too small: it must be at least {_plain(ctx.get('ge', ctx.get('gt')))}", (
            "write a number that is not negative"
        )
    if kind in ("less_than_equal", "less_than"):
        most = ctx.get("le", ctx.get("lt"))
        hint = "write a smaller number"
        if most == MAX_FIGURE:
            hint = "check for extra digits, or count in a larger unit, e.g. 'billion dollars'"
        return f"{_show(value)} is too large: it must be at most {_plain(most)}", hint
    if kind == "finite_number":
        return "is not a finite number", "write a number"
    return str(err.get("msg", "is not valid")), ""


def _is_date_field(path: Path_) -> bool:
    if not path or not isinstance(path[-1], str):
        return False
    model = _model_at(path[:-1])
    if model is None:
        return False
    info = model.model_fields.get(path[-1])
    if info is None:
        return False
    return any(getattr(m, "pattern", None) == DATE_PATTERN for m in _metadata(info.annotation)) or any(
        getattr(m, "pattern", None) == DATE_PATTERN for m in info.metadata
    )


def _metadata(tp: Any) -> list[Any]:
    out: list[Any] = []
    stack = [tp]
    while stack:
        t = stack.pop()
        if get_origin(t) is Annotated:
            args = get_args(t)
            out.extend(args[1:])
            stack.append(args[0])
        elif get_origin(t) is Union or get_origin(t) is types.UnionType:
            stack.extend(get_args(t))
    return out


def _pattern_hint(path: Path_, pattern: str) -> str:
    desc = _description(path)
    if desc:
        return desc
    return f"it must match {pattern}"


def _path(err: Any) -> Path_:
    return tuple(step for step in err["loc"] if isinstance(step, str | int))


def problems_from_validation_error(exc: ValidationError, located: Located, name: str) -> list[Problem]:
    problems: list[Problem] = []
    errors = exc.errors(include_url=False)
    # A misspelt field is reported once, as unknown (with "did you mean"), not also as missing.
    explained: set[Path_] = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            path = _path(err)
            meant = _meant_field(path)
            if meant:
                explained.add((*path[:-1], meant))
    for err in errors:
        path = _path(err)
        kind = err["type"]
        if kind == "missing" and path in explained:
            continue
        if kind == "extra_forbidden":
            line, col = located.key_where(path)
        elif kind == "missing":
            line, col = located.where(path[:-1])
        else:
            line, col = located.where(path)
        message, hint = _message(err, path)
        problems.append(Problem(name, line, col, dotted(path), message, hint))
    return problems
