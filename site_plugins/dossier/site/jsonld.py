"""schema.org ``ClaimReview`` / ``Claim`` structured data for claim pages.

Google's fact-check markup requires ``claimReviewed``, ``reviewRating`` (with ``ratingValue``,
``bestRating``, ``worstRating`` and ``alternateName``), ``url``, ``author`` and, recommended,
``datePublished`` and ``itemReviewed`` (a ``Claim`` with its ``author``, ``datePublished`` and
``appearance``). The rating is the claim's status on a 1-5 scale (:data:`RATINGS`): it says how
far the claim is borne out, with the status label as ``alternateName``, in the site's language
(``gettext``: the rating names are marked for the catalogues).

The JSON is embedded in ``<script type="application/ld+json">``: :func:`script_json` escapes
``<``, ``>`` and ``&`` so that no editor text can close the script element. No MkDocs import.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..records.index import Index
from ..records.model import Actor, Claim, ClaimStatus, Source
from .i18n import N_

#: status -> (ratingValue on 1..5, alternateName)
RATINGS: dict[ClaimStatus, tuple[int, str]] = {
    ClaimStatus.confirmed: (5, N_("Confirmed")),
    ClaimStatus.reported: (4, N_("Reported, not independently confirmed")),
    ClaimStatus.unverified: (3, N_("Unverified")),
    ClaimStatus.disputed: (2, N_("Disputed")),
    ClaimStatus.denied: (2, N_("Denied by the party concerned")),
    ClaimStatus.superseded: (2, N_("Superseded by a later claim")),
    ClaimStatus.retracted: (1, N_("Retracted")),
}


def _actor(actor: Actor | None, gettext: Callable[[str], str]) -> dict[str, Any]:
    if actor is None:
        return {"@type": "Organization", "name": gettext("unknown")}
    kind = "Person" if actor.kind == "person" else "Organization"
    out: dict[str, Any] = {"@type": kind, "name": actor.name}
    if kind == "Person" and actor.role:
        out["jobTitle"] = actor.role
    if actor.affiliation:
        key = "affiliation" if kind == "Person" else "parentOrganization"
        out[key] = {"@type": "Organization", "name": actor.affiliation}
    return out


def _appearance(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if source.headline != "unknown":
        work["headline"] = source.headline
    if source.outlet != "unknown":
        work["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.published:
        work["datePublished"] = source.published
    if source.url:
        work["url"] = source.url
    return work


def claim_review(
    claim: Claim,
    index: Index,
    *,
    page_url: str,
    publisher: str,
    site_url: str | None,
    gettext: Callable[[str], str] = str,
) -> dict[str, Any]:
    """The ``ClaimReview`` object for one claim page."""
    sources = index.sources
    rating, label = RATINGS[claim.status]
    appearances = []
    seen: set[str] = set()
    for citation in claim.citations:
        if citation.source in seen or citation.source not in sources:
            continue
        seen.add(citation.source)
        appearances.append(_appearance(sources[citation.source]))
    author: dict[str, Any] = {"@type": "Organization", "name": publisher}
    if site_url:
        author["url"] = site_url
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page_url,
        "claimReviewed": claim.statement,
        "datePublished": claim.updated or index.data.dossier.updated,
        "author": author,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": gettext(label),
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": _actor(index.actors.get(claim.actor), gettext),
            "datePublished": claim.made,
            "appearance": appearances,
        },
    }


def script_json(obj: object) -> Markup:
    """JSON safe to put inside ``<script type="application/ld+json">``."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    # U+2028/2029 are valid JSON but end lines in some script parsers.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)
