"""A strict YAML loader that keeps where every value was written: the entry points.

A claims file is read with its size bounded (checked before anything is parsed), decoded as
UTF-8 text and built by the strict builder (``builder``), a large one on two cores where a
second is free (``in_two``). Every problem is reported as a :class:`~..problems.Problem`
with a 1-based line and column.
"""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem
from . import in_two, limits
from .builder import run_builder
from .positions import Located, line_col
from .result import LoadResult
from .syntax import tab_problems


def display_name(path: Path) -> str:
    """The file name as problems show it: relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def load_text(text: str, name: str = "claims.yaml") -> LoadResult:
    """Load YAML text (already read and within the size limit)."""
    if "\x00" in text or "\ufffe" in text or "\uffff" in text:
        index = min(i for i in (text.find("\x00"), text.find("\ufffe"), text.find("\uffff")) if i >= 0)
        return LoadResult.refused(
            name,
            *line_col(text, index),
            "the file contains a NUL or other non-text character",
            "save it as plain UTF-8 text",
        )
    if len(text) >= in_two.PARALLEL_MIN_CHARS:
        split = in_two.load_in_two(text, name)
        if split is not None:
            return split
    builder, built = run_builder(text, name)
    problems = builder.problems
    if "\t" in text:
        seen = {(p.line, p.message) for p in problems}
        problems.extend(
            p for p in tab_problems(text, name, builder.block_scalar_lines) if (p.line, p.message) not in seen
        )
    if built is None or builder.fatal:
        return LoadResult(None, sorted(problems, key=_order), True)
    return LoadResult(Located(*built), sorted(problems, key=_order), False)


def _order(p: Problem) -> tuple[int, int]:
    return (p.line, p.col)


def load_file(path: Path, name: str | None = None) -> LoadResult:
    """Read and load a claims file, checking its size before anything is parsed."""
    name = name or display_name(path)
    text = read_file(path, name)
    return text if isinstance(text, LoadResult) else load_text(text, name)


def read_file(path: Path, name: str) -> str | LoadResult:
    """The text of a claims file, or why it cannot be read (its size checked first)."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(limits.MAX_FILE_BYTES + 1)
    except OSError as exc:
        return LoadResult.refused(
            name,
            1,
            1,
            f"cannot read the file: {exc.strerror or exc}",
            "check that the path is right and the file is readable",
        )
    if len(raw) > limits.MAX_FILE_BYTES:
        mib = limits.MAX_FILE_BYTES // (1024 * 1024)
        return LoadResult.refused(
            name,
            1,
            1,
            f"the file is larger than the limit of {mib} MB",
            "split the dossier, or check that this is the right file",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return LoadResult.refused(
            name, line, col, "the file is not valid UTF-8 text", "save it with the UTF-8 encoding"
        )
    return text
