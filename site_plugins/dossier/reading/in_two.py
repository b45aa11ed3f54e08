"""A large file in two processes: the later part of the claims list parsed on a second core."""

from __future__ import annotations

import os
import pickle
import re

from ..machine import spare_core
from . import limits
from .builder import run_builder
from .positions import Located, MapMarks, SeqMarks
from .result import LoadResult

#: Files at least this long are loaded in two processes where a second core is free.
PARALLEL_MIN_CHARS = 1_000_000
#: The share of the file the second process parses (it also pickles what it built).
_SECOND_SHARE = 0.42
_CLAIMS_KEY = re.compile(r"^claims:[ \t]*(?:#[^\n]*)?$", re.MULTILINE)
_TOP_LEVEL_LINE = re.compile(r"^[^\s#-]", re.MULTILINE)
_FIRST_ITEM = re.compile(r"^( *)- ", re.MULTILINE)


def load_in_two(text: str, name: str) -> LoadResult | None:
    """Load a large valid file on two cores: the later part of the claims list in a forked
    process, the rest here, then the two joined. None whenever that cannot be done or
    anything in either part is not plainly valid: the caller then loads the file in one piece,
    so every problem is found and reported exactly as always.

    The claims list is cut at one of its own items (a line with the items' indentation and a
    dash, inside the top-level ``claims:`` block). Both parts keep their line numbers: this
    process reads the file with the cut-out lines left blank, the other the cut-out lines
    after as many blank lines. A cut in the wrong place (inside a quoted text, say) leaves one
    part with an unclosed scalar, which libyaml refuses, and the file is loaded in one piece.
    """
    if not spare_core() or not hasattr(os, "fork") or "\t" in text or "\n---" in text or "\n..." in text:
        return None
    cut = _cut(text)
    if cut is None:
        return None
    start, end = cut
    lines_before = text.count("\n", 0, start)
    moved = text[start:end]
    here = text[:start] + "\n" * moved.count("\n") + text[end:]
    there = "\n" * lines_before + moved
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the second process: build its part, send it, leave at once
        try:
            os.close(read_end)
            builder, built = run_builder(there, name)
            plain = built is not None and not builder.problems and not builder.fatal
            result = (built, builder.nodes) if plain else None
            payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        builder, built = run_builder(here, name)
    finally:
        with os.fdopen(read_end, "rb") as inp:
            payload = inp.read()
        os.waitpid(pid, 0)
    if built is None or builder.problems or builder.fatal or not payload:
        return None
    try:
        other = pickle.loads(payload)
    except Exception:
        return None
    if other is None:
        return None
    (items, item_marks), nodes = other
    data, marks = built
    claims, claim_marks = data.get("claims") if isinstance(data, dict) else None, None
    if isinstance(marks, MapMarks):
        claim_marks = marks.values.get("claims")
    if not (
        isinstance(claims, list)
        and isinstance(claim_marks, SeqMarks)
        and isinstance(items, list)
        and isinstance(item_marks, SeqMarks)
        and builder.nodes + nodes <= limits.MAX_VALUES
    ):
        return None
    claims.extend(items)
    claim_marks.items.extend(item_marks.items)
    return LoadResult(Located(data, marks), [], False)


def _cut(text: str) -> tuple[int, int] | None:
    """Where the second process's part of the claims list starts and ends (offsets)."""
    key = _CLAIMS_KEY.search(text)
    if key is None or _CLAIMS_KEY.search(text, key.end()) is not None:
        return None
    after = _TOP_LEVEL_LINE.search(text, key.end() + 1)
    end = after.start() if after else len(text)
    first = _FIRST_ITEM.search(text, key.end(), end)
    if first is None:
        return None
    item = re.compile("^" + re.escape(first.group(1)) + "- ", re.MULTILINE)
    at = item.search(text, max(first.end(), int(len(text) * (1 - _SECOND_SHARE))), end)
    return (at.start(), end) if at is not None else None
