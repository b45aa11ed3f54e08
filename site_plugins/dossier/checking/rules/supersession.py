"""Rules across claims: no circle of claims superseding one another (a claim's own links, to
claims that exist and not to itself, are checked with the claim, in ``claims.py``)."""

from __future__ import annotations

from typing import Any

from .base import Checker, cycles, is_id, records


def check_supersession(checker: Checker, root: dict[str, Any], claims: dict[str, int]) -> None:
    supersedes: dict[str, list[str]] = {}  # claim id -> the claims it supersedes
    for i, c in records(root, "claims"):
        cid = c.get("id")
        if not is_id(cid) or claims.get(cid) != i:
            continue
        for _, link in records(c, "supersedes"):
            ref = link.get("claim")
            if is_id(ref) and ref in claims and ref != cid:
                supersedes.setdefault(cid, []).append(ref)
    for cycle in cycles(supersedes, claims):
        first, second = cycle[0], cycle[1]  # no self-links: a cycle has two claims at least
        i = claims[first]
        j = next(j for j, link in records(root["claims"][i], "supersedes") if link.get("claim") == second)
        checker.add(
            ("claims", i, "supersedes", j, "claim"),
            "supersession goes round in a circle: " + " supersedes ".join([*cycle, first]),
            "only the later claim should name the earlier one in supersedes",
        )
