"""Blank lines and indentation taken out of a page's HTML, with what it shows left as it is.

The theme's templates indent every level of their nesting and leave a blank line wherever a
template tag was: on a claim page that is about a fifth of the bytes. Outside ``pre``,
``textarea``, ``script`` and ``style`` elements, a run of white space that holds a line break
shows as one space whatever it is made of, so each line break with the blank lines and the
indentation after it is made a single line break; inside those elements nothing is touched.
The page renders the same, and is smaller to send and to store (a dossier has thousands of
claim pages).

No MkDocs import.
"""

from __future__ import annotations

import re

#: Elements whose white space is kept as written (their content up to the closing tag).
_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
#: A line break with the spaces, tabs and further line breaks after it (not \s: a no-break
#: space is not white space that HTML collapses).
_BREAK = re.compile(r"\n[ \t\n]+")


def squeeze(html: str) -> str:
    """``html`` with each line break and the white space after it made one line break."""
    parts = _KEEP.split(html)
    # split() gives: text, kept element, its tag name, text, kept element, its tag name, ...
    out = []
    for i in range(0, len(parts), 3):
        out.append(_BREAK.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
