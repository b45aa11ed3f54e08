"""Corroboration: how many independent origins stand behind a claim.

A republication, a rewrite or a syndicated wire story is not independent of the report it was
copied from: sources are followed along their ``copy_of`` links to the report they come from
(the *origin*, :attr:`Index.origin_of <site_plugins.dossier.records.index.Index.origin_of>`),
and a claim's citations count once per origin. No MkDocs import.
"""

from __future__ import annotations

from ..records.index import Index
from ..records.model import Claim


def origins_of_claim(claim: Claim, index: Index) -> list[str]:
    """The distinct origins behind a claim's citations, in citation order."""
    origin_of = index.origin_of
    return list(dict.fromkeys(origin_of.get(c.source, c.source) for c in claim.citations))


def independent_origins(claim: Claim, index: Index) -> int:
    """How many distinct origins the claim's citations come from (copies count once)."""
    return len(origins_of_claim(claim, index))
