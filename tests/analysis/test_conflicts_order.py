"""The order of the claims in the file never changes the contradiction table (hypothesis).

The same records in any order must give the same conflicts, with the same why-sentences,
statuses and notes, the same conflicts on each claim's page and the same number of pairs
compared. The dossiers drawn here have every kind of question and value of the property test,
two actors, editors' ``contradicts`` links with notes from either side, claims superseded by
one or several later claims, retracted claims, and editors' resolutions.
"""

from __future__ import annotations

from typing import Any

from fixtures.records import dossier
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_plugins.dossier.analysis.conflicts import analyse
from site_plugins.dossier.records.index import Index

from .test_conflicts_property import records

Drawn = tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], list[int], list[int]]


@st.composite
def linked(draw: Any) -> Drawn:
    """Records with links between claims and resolutions, and an order for the claims and one
    for the resolutions."""
    questions, claims = draw(records())
    ids = [c["id"] for c in claims]
    for i, c in enumerate(claims):
        if draw(st.booleans()):  # to one of the first claims, so that links often meet
            other = draw(st.sampled_from([x for x in ids[:2] if x != c["id"]] or ids[2:3]))
            link: dict[str, Any] = {"claim": other}
            if draw(st.integers(0, 3)):
                link["note"] = f"Why {c['id']} and {other} disagree."
            c["contradicts"] = [link]
        if i and draw(st.integers(0, 3)) == 0:  # only earlier claims in the drawn order: no circles
            c["supersedes"] = [{"claim": draw(st.sampled_from(ids[: min(i, 2)]))}]
        c["status"] = draw(st.sampled_from(["reported", "reported", "superseded", "retracted"]))
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1]),
            max_size=3,
            unique_by=lambda p: frozenset(p),
        )
    )
    resolutions = [
        {"claims": list(p), "status": draw(st.sampled_from(["open", "resolved"])), "note": f"On {p[0]}."}
        for p in pairs
    ]
    order = draw(st.permutations(range(len(claims))))
    resolution_order = draw(st.permutations(range(len(resolutions))))
    return questions, claims, resolutions, order, resolution_order


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(linked())
def test_the_order_of_the_claims_never_changes_the_table(drawn: Drawn) -> None:
    questions, claims, resolutions, order, resolution_order = drawn
    as_written = analyse(Index(dossier(questions, claims, resolutions=resolutions)))
    for claims_in, resolutions_in in (
        ([claims[i] for i in order], [resolutions[i] for i in resolution_order]),
        (claims[::-1], resolutions[::-1]),  # every pair of claims the other way round
    ):
        reordered = analyse(Index(dossier(questions, claims_in, resolutions=resolutions_in)))
        assert reordered.conflicts == as_written.conflicts
        assert reordered.by_claim == as_written.by_claim
        assert reordered.pairs_compared == as_written.pairs_compared
