"""Rules across claims about supersession: no circle of claims superseding one another; a claim
marked ``superseded`` is named in another claim's ``supersedes``; a claim supersedes only claims
made before it, or on the same day. (A claim's own links, to claims that exist and not to
itself, are checked with the claim, in ``claims.py``.)"""

from __future__ import annotations

from typing import Any

from .base import Checker, cycles, is_id, records


def check_supersession(checker: Checker, root: dict[str, Any], claims: dict[str, int]) -> None:
    supersedes: dict[str, list[str]] = {}  # claim id -> the claims it supersedes
    named: set[str] = set()  # every id that some claim names in supersedes
    broken = False  # a link to itself or to no claim: which claim it meant is unknown
    for i, c in records(root, "claims"):
        cid = c.get("id")
        links = [link.get("claim") for _, link in records(c, "supersedes")]
        named.update(ref for ref in links if isinstance(ref, str))
        broken = broken or any(is_id(ref) and (ref == cid or ref not in claims) for ref in links)
        if not is_id(cid) or claims.get(cid) != i:
            continue
        for ref in links:
            if is_id(ref) and ref in claims and ref != cid:
                supersedes.setdefault(cid, []).append(ref)
    in_circles: set[str] = set()
    for cycle in cycles(supersedes, claims):
        in_circles.update(cycle)
        first, second = cycle[0], cycle[1]  # no self-links: a cycle has two claims at least
        i = claims[first]
        j = next(j for j, link in records(root["claims"][i], "supersedes") if link.get("claim") == second)
        checker.add(
            ("claims", i, "supersedes", j, "claim"),
            "supersession goes round in a circle: " + " supersedes ".join([*cycle, first]),
            "only the later claim should name the earlier one in supersedes",
        )
    # A claim marked superseded is named by another (unless a broken link may have meant it).
    for i, c in records(root, "claims"):
        cid = c.get("id")
        if c.get("status") == "superseded" and is_id(cid) and cid not in named and not broken:
            checker.add(
                ("claims", i, "status"),
                f"claim {cid} is marked superseded, but no claim supersedes it",
                f"name {cid} under supersedes: in the claim that replaces it, or give it another status",
            )
        if is_id(cid) and cid in supersedes:
            _check_earlier(checker, root, i, c, claims, in_circles)


def _check_earlier(
    checker: Checker,
    root: dict[str, Any],
    i: int,
    c: dict[str, Any],
    claims: dict[str, int],
    circles: set[str],
) -> None:
    """The claims that ``c`` (at index ``i``) supersedes were not made after it."""
    cid = c.get("id")
    made = checker.days(c.get("made"))
    if made is None:
        return
    for j, link in records(c, "supersedes"):
        ref = link.get("claim")
        if not is_id(ref) or ref not in claims or ref == cid or (cid in circles and ref in circles):
            continue  # a missing claim, a self-link and a circle have their own messages
        other_made = root["claims"][claims[ref]].get("made")
        other = checker.days(other_made)
        if other is not None and made[1] < other[0]:
            checker.add(
                ("claims", i, "supersedes", j, "claim"),
                f"claim {cid} (made {c.get('made')}) supersedes {ref}, which was made later ({other_made})",
                f"a claim supersedes earlier claims only: name {cid} under supersedes in {ref} instead, "
                "or check the dates",
            )
