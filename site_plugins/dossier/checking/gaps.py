"""Quotes that leave words out: ``...`` inside a quote.

A quote is the source's own words, one passage, verbatim. An editor who joins two passages with
``...`` makes a quote the source never printed (and one that quote verification cannot find);
two citations of the same source, one for each passage, say the same thing truthfully.
"""

from __future__ import annotations

from typing import Any

from ..problems import Problem
from ..reading.positions import Located, dotted
from .rules.base import records

CODE = "quote-with-gap"
GAP_MESSAGE = "the quote leaves words out ('...'): a quote must be one passage, word for word"
GAP_HINT = "split it into two citations of the same source, one for each passage"
_GAPS = ("...", "…", "[…]", "[...]")


def quotes_with_gaps(located: Located, name: str) -> list[Problem]:
    """A warning for each quote that holds ``...`` (or ``…``)."""
    root: Any = located.data
    if not isinstance(root, dict):
        return []
    found = []
    for i, claim in records(root, "claims"):
        citations = claim.get("citations")
        if not isinstance(citations, list):
            continue
        for j, citation in enumerate(citations):
            quote = citation.get("quote") if isinstance(citation, dict) else None
            if isinstance(quote, str) and any(gap in quote for gap in _GAPS):
                path = ("claims", i, "citations", j, "quote")
                line, col = located.where(path)
                found.append(Problem(name, line, col, dotted(path), GAP_MESSAGE, GAP_HINT, "warning", CODE))
    return found
