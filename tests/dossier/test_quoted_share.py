"""The first dossier quotes its copyrighted sources in short excerpts only.

Each quote is one sentence or less, and all the quotes from one article together cover at most
30% of its text: the characters covered by the union of its quotes, over the characters of the
text, both normalised as the quote checker compares them. The figures need the source
snapshots (see ``kit.py``).
"""

from __future__ import annotations

from site_plugins.dossier.checking.quotes import normalise
from site_plugins.dossier.records.model import ClaimsFile

from .kit import snapshots_folder

MAX_QUOTE_CHARS = 200
MAX_SHARE_OF_A_SOURCE = 0.30


def share_quoted(text: str, quotes: list[str]) -> float:
    """The share of the characters of ``text`` that the quotes cover, both normalised as the
    quote checker compares them; a passage quoted twice counts once, and every place a quote
    occurs counts (an article that repeats a sentence gives it away twice)."""
    text = normalise(text)
    if not text:
        return 0.0
    covered = bytearray(len(text))
    for quote in quotes:
        quote = normalise(quote)
        if not quote:
            continue
        at = text.find(quote)
        while at >= 0:
            covered[at : at + len(quote)] = b"\x01" * len(quote)
            at = text.find(quote, at + 1)
    return sum(covered) / len(text)


def test_share_quoted_counts_each_character_once_and_every_place_a_quote_occurs() -> None:
    text = "Alpha beta \u201cgamma\u201d\n  delta. Alpha beta again."
    whole = 'Alpha beta "gamma" delta. Alpha beta again.'
    assert normalise(text) == whole  # line break, spaces and curly quotes folded
    size = len(whole)
    assert share_quoted(text, []) == 0.0
    assert share_quoted(text, ["not in the text"]) == 0.0
    assert share_quoted(text, ['"gamma" delta']) == len('"gamma" delta') / size
    # "beta" occurs twice and is counted at both places, but quoting it twice adds nothing.
    assert share_quoted(text, ["beta"]) == share_quoted(text, ["beta", "beta"]) == 8 / size
    # Overlapping quotes cover their union: 'Alpha beta "gamma"' at the start, "Alpha beta" later.
    assert (
        share_quoted(text, ["Alpha beta", 'beta "gamma"'])
        == (len('Alpha beta "gamma"') + len("Alpha beta")) / size
    )
    assert share_quoted(text, [whole]) == 1.0


def test_every_quote_is_a_short_excerpt(data: ClaimsFile) -> None:
    too_long = [c.id for c in data.claims for x in c.citations if len(x.quote) > MAX_QUOTE_CHARS]
    assert too_long == []


def test_no_article_is_quoted_beyond_thirty_percent_of_its_text(data: ClaimsFile) -> None:
    snapshots = snapshots_folder()
    shares: dict[str, float] = {}
    for source in data.sources:
        if source.snapshot is None:
            continue
        quotes = [x.quote for c in data.claims for x in c.citations if x.source == source.id]
        text = (snapshots / source.snapshot).read_text(encoding="utf-8")
        shares[source.id] = share_quoted(text, quotes)
    assert len(shares) >= 5, "every article with a snapshot is measured"
    too_much = {s: f"{share:.1%}" for s, share in shares.items() if share > MAX_SHARE_OF_A_SOURCE}
    assert too_much == {}
