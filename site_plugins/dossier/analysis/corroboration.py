"""Corroboration: how many independent origins stand behind a claim.

A republication, a rewrite or a syndicated wire story is not independent of the report it was
copied from: sources are followed along their ``copy_of`` links to the report they come from
(the *origin*), and a claim's citations count once per origin. No MkDocs import.
"""

from __future__ import annotations

from ..records.model import Claim, ClaimsFile


def origin_of(data: ClaimsFile) -> dict[str, str]:
    """Every source id -> the id of the source at the root of its ``copy_of`` chain.

    Safe against loops and dangling links (validation rejects both): a chain stops at the last
    source before it would revisit one, or before a link to a source that does not exist.
    """
    copied_from = {s.id: s.copy_of for s in data.sources}
    roots: dict[str, str] = {}
    for source in data.sources:
        chain = [source.id]
        seen = {source.id}
        current = source.id
        while True:
            if current in roots:
                root = roots[current]
                break
            parent = copied_from.get(current)
            if parent is None or parent not in copied_from or parent in seen:
                root = current
                break
            chain.append(parent)
            seen.add(parent)
            current = parent
        for member in chain:
            roots.setdefault(member, root)
    return {s.id: roots[s.id] for s in data.sources}


def origins_of_claim(claim: Claim, origins: dict[str, str]) -> list[str]:
    """The distinct origins behind a claim's citations, in citation order."""
    return list(dict.fromkeys(origins.get(c.source, c.source) for c in claim.citations))


def independent_origins(claim: Claim, data: ClaimsFile, origins: dict[str, str] | None = None) -> int:
    """How many distinct origins the claim's citations come from (copies count once).

    The origins of the last dossier asked about are kept, so asking for every claim of a large
    dossier stays linear; or pass ``origins`` (from :func:`origin_of`) yourself.
    """
    if origins is None:
        origins = _cached_origins(data)
    return len(origins_of_claim(claim, origins))


_last: list[tuple[ClaimsFile, dict[str, str]]] = []


def _cached_origins(data: ClaimsFile) -> dict[str, str]:
    if _last and _last[0][0] is data:
        return _last[0][1]
    origins = origin_of(data)
    _last[:] = [(data, origins)]
    return origins
