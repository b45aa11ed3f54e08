"""The first sentence of an editor's text: a question's one-line answer on the home page.

Editors write a question's assessment as a few sentences, the answer first. The home page
lists the questions compactly, each with that first sentence; the question's page has the
whole assessment. A sentence ends at ``.``, ``!`` or ``?`` (and any closing quote or bracket)
followed by a space and a capital letter, a digit or an opening quote, except after an
abbreviation ("U.S.", "Mr.", "Gen.") or inside a Markdown link, emphasis or code span. No
MkDocs import.
"""

from __future__ import annotations

import re

#: Words that end in a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen lt col maj sgt capt cmdr adm prof rep sen gov pres jr sr no vs etc approx "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_CLOSERS = "\"'”’)]*_"
_NEXT = re.compile(r"\s+[\"'“‘(\[*_]*[A-Z0-9]")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (Markdown or plain), or the whole text if it has one."""
    text = " ".join(text.split())
    depth = 0  # inside [...] or (...) of Markdown
    code = False
    for i, char in enumerate(text):
        if char == "`":
            code = not code
        if code:
            continue
        if char in "[(":
            depth += 1
        elif char in "])" and depth:
            depth -= 1
        elif char in ".!?" and depth == 0 and _ends_sentence(text, i):
            end = i + 1
            while end < len(text) and text[end] in _CLOSERS:
                end += 1
            if text[:end].count("*") % 2 == 0:  # not inside *emphasis*
                return text[:end]
    return text


def _ends_sentence(text: str, i: int) -> bool:
    end = i + 1
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    if not _NEXT.match(text, end):
        return False
    if text[i] != ".":
        return True
    word = _WORD_BEFORE.search(text[:i])
    if word is None:
        return True
    token = word.group(1)
    # "U.S." and "U.N." (a full stop inside the word), an initial ("J."), a known abbreviation.
    return not ("." in token or len(token) == 1 or token.lower() in ABBREVIATIONS)
