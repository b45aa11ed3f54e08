"""Syntax errors in editors' words: libyaml's errors, tabs and unreadable characters as
problems that say what is wrong and how to fix it, at the place to fix."""

from __future__ import annotations

import re

import yaml

from ..problems import Problem
from .positions import Path_, dotted, line_col

TAB_MESSAGE = "tabs are not allowed"
TAB_HINT = "indent with spaces"
MISSING_COLON = "a field name is not followed by a colon"

_SYNTAX_HINTS: list[tuple[str, str, str]] = [
    # (libyaml's words, our message, how to fix)
    (
        "mapping values are not allowed",
        "a colon here starts a new field where none can start",
        "put the value in double quotes if it contains ': ', or fix the indentation",
    ),
    (
        "could not find expected ':'",
        MISSING_COLON,
        "write 'name: value'; put text containing a colon in double quotes",
    ),
    (
        "did not find expected key",
        "this line does not fit the indentation of the lines above",
        "line up fields of the same record at the same column, with spaces",
    ),
    (
        "did not find expected '-' indicator",
        "this line does not fit the list above it",
        "start list items with '- ' at the same column, or fix the indentation",
    ),
    (
        "found unexpected end of stream",
        "the file ends inside quoted text",
        "close the quotation mark that is opened here",
    ),
    (
        "did not find expected ',' or ']'",
        "a list in square brackets is not closed",
        "close it with ']' and separate items with commas",
    ),
    (
        "did not find expected ',' or '}'",
        "a mapping in curly braces is not closed",
        "close it with '}' and separate fields with commas",
    ),
    (
        "found character that cannot start any token",
        "this character cannot start a value",
        "put the value in double quotes",
    ),
    (
        "found unknown escape character",
        "unknown backslash escape in double-quoted text",
        "write \\\\ for a backslash, or use single quotes",
    ),
    (
        "found undefined tag handle",
        "tags (!...) are not supported",
        "remove the tag, or put the value in quotes if the '!' is text",
    ),
    (
        "found unexpected ':'",
        "unexpected colon",
        "put the value in double quotes",
    ),
]


_CONTEXTS = [
    ("quoted scalar", "the quoted text"),
    ("block collection", "the list"),
    ("block mapping", "the record"),
    ("flow sequence", "the [ ] list"),
    ("flow mapping", "the { } mapping"),
    ("simple key", "the field name"),
    ("block scalar", "the block text"),
]


def syntax_problem(
    exc: yaml.MarkedYAMLError, text: str, name: str, at: Path_, key: tuple[str, int] | None
) -> Problem:
    """A libyaml error as a problem an editor can act on."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    ctx = exc.context_mark
    words = (exc.problem or "").strip()

    def problem(line: int, col: int, message: str, hint: str) -> Problem:
        # The scanner reads ahead: the field being read counts only if the error is on its line.
        path = (*at, key[0]) if key is not None and key[1] == line else at
        return Problem(name, line, col, dotted(path), message, hint)

    lines = text.split("\n")
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    # Tabs: libyaml reports "found character that cannot start any token" (or a confused
    # indentation error) where a tab is used to indent.
    indent = src[: len(src) - len(src.lstrip(" \t"))]
    if "\t" in indent or src[col - 1 : col] == "\t":
        return problem(line, (indent.index("\t") + 1) if "\t" in indent else col, TAB_MESSAGE, TAB_HINT)
    # A quotation mark left open makes libyaml complain lines later: point at the opening.
    unclosed = _unclosed_quote(lines, ctx.line if ctx is not None else line - 20, line - 1)
    if unclosed is None and ctx is not None and "quoted scalar" in (exc.context or ""):
        unclosed = (ctx.line + 1, ctx.column + 1)
    if unclosed is not None:
        return problem(
            *unclosed,
            "YAML syntax error: the quotation mark opened here is never closed",
            "end the text with the same kind of quotation mark, on the same line",
        )
    # Text after a closing quote: usually a quotation mark inside quoted text.
    before = src[: col - 1].rstrip()
    if before[-1:] in ("'", '"') and _QUOTED_VALUE_RE.match(src):
        if before[-1] == '"':
            hint = (
                'write a quotation mark inside double-quoted text as \\", or put the value in single quotes'
            )
        else:
            hint = (
                "write an apostrophe inside single-quoted text as two ('') or put the value in double quotes"
            )
        return problem(line, col, "YAML syntax error: text goes on after the closing quotation mark", hint)
    if "could not find expected ':'" in words and ctx is not None and ctx.line + 1 < line:
        # libyaml notices the missing colon on the next line; the mistake is where the key is.
        return problem(
            ctx.line + 1,
            ctx.column + 1,
            f"YAML syntax error: {MISSING_COLON}",
            "write 'name: value'; put text containing a colon in double quotes",
        )
    message = words or "the file cannot be read as YAML"
    hint = "check the punctuation and indentation here"
    for libyaml_words, plain, how in _SYNTAX_HINTS:
        if libyaml_words in words:
            message, hint = plain, how
            break
    if ctx is not None and exc.context and (ctx.line + 1, ctx.column + 1) != (line, col):
        what = exc.context.strip()
        for context_words, plain in _CONTEXTS:
            if context_words in what:
                what = plain
                break
        message += f"; see {what} that starts at line {ctx.line + 1}, column {ctx.column + 1}"
    return problem(line, col, f"YAML syntax error: {message}", hint)


_QUOTED_VALUE_RE = re.compile(r"^\s*(?:-\s+)?(?:[^\s\"'#][^:#]*:\s+|-\s+)?([\"'])")


def _unclosed_quote(lines: list[str], first: int, last: int) -> tuple[int, int] | None:
    """The 1-based position of the last quoted value in lines first..last (0-based) that is
    not closed on its own line, if any (the usual cause of a confusing syntax error below)."""
    found = None
    for number in range(max(0, first), min(last, len(lines) - 1) + 1):
        src = lines[number]
        match = _QUOTED_VALUE_RE.match(src)
        if not match:
            continue
        quote = match.group(1)
        start = match.start(1)
        rest = src[start + 1 :]
        rest = re.sub(r"\\.", "", rest) if quote == '"' else rest.replace("''", "")
        if quote not in rest:
            found = (number + 1, start + 1)
    return found


def tab_problems(text: str, name: str, skip: list[tuple[int, int]]) -> list[Problem]:
    """Lines indented with a tab (outside block text, where a tab is content)."""
    out: list[Problem] = []
    for number, src in enumerate(text.split("\n")):
        stripped = src.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        indent = src[: len(src) - len(stripped)]
        if "\t" not in indent:
            continue
        if any(first < number <= last for first, last in skip):
            continue
        out.append(Problem(name, number + 1, indent.index("\t") + 1, "(file)", TAB_MESSAGE, TAB_HINT))
    return out


# Characters YAML 1.2 does not allow in a stream (the printable set is the complement).
_NOT_PRINTABLE_RE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def reader_problem(exc: yaml.reader.ReaderError, text: str, name: str) -> Problem:
    # libyaml gives a byte offset; find the character itself to report line and column.
    found = _NOT_PRINTABLE_RE.search(text)
    index = found.start() if found else max(0, min(int(getattr(exc, "position", 0) or 0), len(text)))
    line, col = line_col(text, index)
    reason = getattr(exc, "reason", "") or "unreadable character"
    return Problem(
        name,
        line,
        col,
        "(file)",
        f"the file contains a character YAML does not allow ({reason})",
        "remove it, or save the file as plain UTF-8 text",
    )
