"""Turn pydantic's validation errors into problems an editor can act on.

Each error is placed at the value it is about (for an unknown field: at the field's name; for a
missing field: at the record that lacks it), named by its dotted path
(``claims[3].citations[0].quote``), and explained in plain words with a hint on how to fix it.
"""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Callable
from enum import Enum
from functools import lru_cache
from typing import Annotated, Any, NamedTuple, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..problems import Problem
from ..reading.positions import Located, Path_, dotted
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


class _Error(NamedTuple):
    """One pydantic error, as the message makers read it."""

    kind: str  # pydantic's error type, e.g. "missing"
    value: Any  # what the editor wrote
    ctx: dict[str, Any]  # the error's details, e.g. the pattern or the limit
    path: Path_


def _unknown_field(e: _Error) -> tuple[str, str]:
    name = str(e.path[-1]) if e.path else "?"
    model = _model_at(e.path[:-1])
    allowed = list(model.model_fields) if model else []
    meant = _meant_field(e.path)
    hint = f"did you mean '{meant}'?" if meant else ""
    if not hint and allowed:
        hint = "the fields allowed here are: " + ", ".join(allowed)
    return f"unknown field '{name}'", hint


def _missing_field(e: _Error) -> tuple[str, str]:
    name = str(e.path[-1]) if e.path else "?"
    desc = re.sub(r"\s*\([^)]*\)", "", _description(e.path))
    hint = f"add '{name}:' here" + (f": {desc[:1].lower()}{desc[1:].rstrip('.')}" if desc else "")
    return f"required field '{name}' is missing", hint


def _not_boolean(e: _Error) -> tuple[str, str]:
    if isinstance(e.value, str) and e.value.strip().lower() in _YES_NO_WORDS:
        return f"{_show(e.value)} is not a boolean", "write true or false"
    return f"expected true or false, found {_kind_of(e.value)}", "write true or false"


def _not_number(e: _Error) -> tuple[str, str]:
    value = e.value
    what = "a whole number" if e.kind.startswith("int") else "a number"
    if isinstance(value, str) and _DATE_TEXT_RE.match(value.strip()):
        return f"expected {what}, found the date {_show(value)}", f"write {what}, e.g. 1500"
    if isinstance(value, str) and _NUMBER_TEXT_RE.match(value):
        plain = re.sub(r"[,_ ]", "", value.strip())
        return (
            f"a number written as text: {_show(value)}",
            f"write it without quotes, commas or underscores: {plain}",
        )
    if isinstance(value, float) and e.kind.startswith("int"):
        return f"expected a whole number, found {_show(value)}", "leave out the decimal point"
    return f"expected {what}, found {_kind_of(value)}", f"write {what}, e.g. 1500"


def _not_text(e: _Error) -> tuple[str, str]:
    value = e.value
    if isinstance(value, int) and not isinstance(value, bool) and _is_date_field(e.path):
        return (
            f"expected a date in quotes, found the number {value}",
            f'put the date in quotes: "{value}"',
        )
    if isinstance(value, bool | int | float):
        return f"expected text, found {_kind_of(value)}", f'put it in quotes: "{_show(value)}"'
    return f"expected text, found {_kind_of(value)}", "write the text on the same line after the colon"


def _wrong_form(e: _Error) -> tuple[str, str]:
    pattern = e.ctx.get("pattern", "")
    shown = _show(e.value)
    if pattern == DATE_PATTERN:
        return f"{shown} is not a date in the form YYYY-MM-DD", "write YYYY-MM-DD, e.g. 2024-10-23"
    if pattern == ID_PATTERN:
        return (
            f"{shown} is not a valid id",
            "use lower-case letters, digits and single hyphens, e.g. 'gazette-flood-2024-05-02'",
        )
    if pattern == URL_PATTERN:
        return (
            f"{shown} is not a web address starting with http:// or https://",
            "write the full https:// address; other schemes such as javascript: are not allowed",
        )
    return f"{shown} is not in the expected form", _pattern_hint(e.path, pattern)


def _empty_text(e: _Error) -> tuple[str, str]:
    return "is empty", "write some text, or leave the field out if it is optional"


def _too_long_text(e: _Error) -> tuple[str, str]:
    length = len(e.value) if isinstance(e.value, str) else "?"
    return f"is too long: {length} characters, the limit is {e.ctx.get('max_length')}", "shorten it"


def _not_allowed_word(e: _Error) -> tuple[str, str]:
    expected = _type_at(e.path)
    is_enum = isinstance(expected, type) and issubclass(expected, Enum)
    allowed = [str(m.value) for m in expected] if is_enum else []
    words = ", ".join(allowed) if allowed else str(e.ctx.get("expected", ""))
    hint = f"use one of: {words}"
    if isinstance(e.value, str) and allowed:
        mean = _did_you_mean(e.value, allowed)
        if mean:
            hint = f"{mean} Use one of: {words}"
    noun = "values" if isinstance(expected, type) and issubclass(expected, int) else "words"
    return f"{_show(e.value)} is not one of the allowed {noun}", hint


def _not_record(e: _Error) -> tuple[str, str]:
    if not e.path:
        return (
            "the file must be a mapping with the fields dossier, sources, actors, questions and claims",
            "start from the example in the editors' guide",
        )
    return (
        f"expected a record of indented 'field: value' lines, found {_kind_of(e.value)}",
        "write the fields on their own lines, indented under this one",
    )


def _not_list(e: _Error) -> tuple[str, str]:
    return f"expected a list, found {_kind_of(e.value)}", "write each item on its own line starting with '- '"


def _too_few(e: _Error) -> tuple[str, str]:
    need = e.ctx.get("min_length", 1)
    return f"needs at least {need} item{'s' if need != 1 else ''}", "add the missing items"


def _too_many(e: _Error) -> tuple[str, str]:
    return f"has too many items: at most {e.ctx.get('max_length')}", "remove the extra items"


def _too_small(e: _Error) -> tuple[str, str]:
    least = _plain(e.ctx.get("ge", e.ctx.get("gt")))
    return (
        f"{_show(e.value)} is too small: it must be at least {least}",
        "write a number that is not negative",
    )


def _too_large(e: _Error) -> tuple[str, str]:
    most = e.ctx.get("le", e.ctx.get("lt"))
    hint = "write a smaller number"
    if most == MAX_FIGURE:
        hint = "check for extra digits, or count in a larger unit, e.g. 'billion dollars'"
    return f"{_show(e.value)} is too large: it must be at most {_plain(most)}", hint


def _not_finite(e: _Error) -> tuple[str, str]:
    return "is not a finite number", "write a number"


#: The message and hint for each type of pydantic error; any other type keeps pydantic's words.
_MESSAGES: dict[str, Callable[[_Error], tuple[str, str]]] = {
    "extra_forbidden": _unknown_field,
    "missing": _missing_field,
    "bool_type": _not_boolean,
    **dict.fromkeys(
        ("float_type", "int_type", "float_parsing", "int_parsing", "int_from_float"), _not_number
    ),
    "string_type": _not_text,
    "string_pattern_mismatch": _wrong_form,
    "string_too_short": _empty_text,
    "string_too_long": _too_long_text,
    "enum": _not_allowed_word,
    **dict.fromkeys(("model_type", "model_attributes_type", "dict_type"), _not_record),
    "list_type": _not_list,
    "too_short": _too_few,
    "too_long": _too_many,
    **dict.fromkeys(("greater_than_equal", "greater_than"), _too_small),
    **dict.fromkeys(("less_than_equal", "less_than"), _too_large),
    "finite_number": _not_finite,
}


def _message(err: Any, path: Path_) -> tuple[str, str]:
    """The message and hint for one pydantic error at ``path``."""
    make = _MESSAGES.get(err["type"])
    if make is None:
        return str(err.get("msg", "is not valid")), ""
    return make(_Error(err["type"], err.get("input"), err.get("ctx") or {}, path))


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
