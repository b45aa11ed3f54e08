"""Scalars: the YAML 1.2 core schema, nothing more.

Plain (unquoted) scalars are read by the YAML 1.2 core schema only: ``true``/``false``,
``null``/``~``, integers and floats. Everything else stays text, so YAML 1.1 conversions (``no``
read as false, ``2024-10-23`` read as a date, ``1_000`` read as a number) never change what an
editor wrote.
"""

from __future__ import annotations

import re
from typing import Any

from . import limits

SPECIAL: dict[str, Any] = {
    "null": None,
    "Null": None,
    "NULL": None,
    "~": None,
    "": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    ".inf": float("inf"),
    ".Inf": float("inf"),
    ".INF": float("inf"),
    "+.inf": float("inf"),
    "+.Inf": float("inf"),
    "+.INF": float("inf"),
    "-.inf": float("-inf"),
    "-.Inf": float("-inf"),
    "-.INF": float("-inf"),
    ".nan": float("nan"),
    ".NaN": float("nan"),
    ".NAN": float("nan"),
}
NUMBER_START = frozenset("0123456789+-.")
_INT_RE = re.compile(r"[-+]?[0-9]+")
_OCT_RE = re.compile(r"0o[0-7]+")
_HEX_RE = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


class TooLong(ValueError):
    pass


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar under the YAML 1.2 core schema."""
    special = SPECIAL.get(text, SPECIAL)
    if special is not SPECIAL:
        return special
    if text[0] not in NUMBER_START:
        return text
    if text.isdigit() and text.isascii() and len(text) <= limits.MAX_NUMBER_CHARS:
        return int(text)  # the common case, without a regular expression
    if _INT_RE.fullmatch(text):
        if len(text) > limits.MAX_NUMBER_CHARS:
            raise TooLong(text)
        return int(text, 10)
    if _FLOAT_RE.fullmatch(text):
        if len(text) > limits.MAX_NUMBER_CHARS:
            raise TooLong(text)
        return float(text)
    if _OCT_RE.fullmatch(text):
        if len(text) > limits.MAX_NUMBER_CHARS:
            raise TooLong(text)
        return int(text[2:], 8)
    if _HEX_RE.fullmatch(text):
        if len(text) > limits.MAX_NUMBER_CHARS:
            raise TooLong(text)
        return int(text[2:], 16)
    return text
