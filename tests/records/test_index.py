"""The Index: every lookup over a dossier, derived once (by id, by question, actor and source,
supersession both ways, origins of copied sources)."""

from __future__ import annotations

from typing import Any

from fixtures.records import COPY_CHAINS, cites, claim, dossier, question, source

from site_plugins.dossier.records.index import Index


def supersedes(*ids: str) -> list[dict[str, str]]:
    return [{"claim": i} for i in ids]


def ids(claims: list[Any]) -> list[str]:
    return [c.id for c in claims]


def test_records_by_id_and_their_places_in_the_file() -> None:
    data = dossier(
        [question("q"), question("yn", kind="yes-no")],
        [claim("second", {"exactly": 2}), claim("first", {"answer": "yes"}, question="yn")],
        sources=COPY_CHAINS,
    )
    index = Index(data)
    assert index.claims == {"second": data.claims[0], "first": data.claims[1]}
    assert index.questions == {"q": data.questions[0], "yn": data.questions[1]}
    assert list(index.sources) == [s["id"] for s in COPY_CHAINS]
    assert index.sources["rewrite"] is data.sources[3]
    assert index.actors == {"a1": data.actors[0], "a2": data.actors[1]}
    assert index.claim_position == {"second": 0, "first": 1}
    assert index.question_position == {"q": 0, "yn": 1}


def test_claims_are_grouped_in_readers_order_not_file_order() -> None:
    """By the date the claim describes (its as_of, else when it was made; a month or a year
    stands for its first day), then by when it was made, then by id."""
    data = dossier(
        [question("q"), question("other")],
        [
            cites("late", "nbc", made="2024-10-25"),
            cites("as-of-early", "reuters", made="2024-10-30", value={"exactly": 1, "as_of": "2024-10-02"}),
            cites("month", "nbc", "nbc", made="2024-10", actor="a2"),
            cites("b-same-day", "yonhap", made="2024-10-20"),
            cites("a-same-day", "yonhap", "nbc", made="2024-10-20", question="other", actor="a2"),
            cites("made-earlier", "reuters", made="2024-10-19", value={"exactly": 1, "as_of": "2024-10-20"}),
        ],
        sources=COPY_CHAINS,
    )
    index = Index(data)
    reading = ["month", "as-of-early", "made-earlier", "a-same-day", "b-same-day", "late"]
    assert ids(index.claims_by_question["q"]) == [c for c in reading if c != "a-same-day"]
    assert ids(index.claims_by_question["other"]) == ["a-same-day"]
    assert ids(index.claims_by_actor["a1"]) == ["as-of-early", "made-earlier", "b-same-day", "late"]
    assert ids(index.claims_by_actor["a2"]) == ["month", "a-same-day"]
    # A claim is listed once under each source it cites, however often it cites it.
    assert ids(index.claims_by_source["nbc"]) == ["month", "a-same-day", "late"]
    assert ids(index.claims_by_source["yonhap"]) == ["a-same-day", "b-same-day"]
    assert ids(index.claims_by_source["reuters"]) == ["as-of-early", "made-earlier"]
    # What nothing points at has no claims (and asking adds no record).
    assert index.claims_by_source["rewrite"] == [] and index.claims_by_actor["nobody"] == []


def test_supersession_both_ways() -> None:
    """``superseded_by`` lists every claim naming this one, in reader's order (whatever the
    order in the file)."""
    data = dossier(
        [question()],
        [
            claim("old", {"exactly": 1}, made="2024-10-01"),
            claim("later", {"exactly": 3}, made="2024-10-09", supersedes=supersedes("old")),
            claim("sooner", {"exactly": 2}, made="2024-10-05", supersedes=supersedes("old")),
            claim("alone", {"exactly": 4}, made="2024-10-10"),
        ],
    )
    index = Index(data)
    assert ids(index.superseded_by["old"]) == ["sooner", "later"]
    assert index.superseded_by["alone"] == []


def test_replaces_follows_chains_in_either_direction() -> None:
    data = dossier(
        [question()],
        [
            claim("c1", {"exactly": 1}),
            claim("c2", {"exactly": 2}, supersedes=supersedes("c1")),
            claim("c3", {"exactly": 3}, supersedes=supersedes("c2")),
            claim("c4", {"exactly": 4}),
        ],
    )
    index = Index(data)
    assert index.replaces_all == {"c2": frozenset({"c1"}), "c3": frozenset({"c1", "c2"})}
    assert index.replaces("c3", "c1") and index.replaces("c1", "c3")  # through c2
    assert index.replaces("c2", "c1") and index.replaces("c3", "c2")
    assert not index.replaces("c4", "c1") and not index.replaces("c1", "c4")
    plain = Index(dossier([question()], [claim("x", {"exactly": 1}), claim("y", {"exactly": 2})]))
    assert plain.replaces_all == {} and not plain.replaces("x", "y")


def test_a_loop_of_supersession_does_not_hang() -> None:
    # validation rejects such a loop; the index must still be made
    data = dossier(
        [question()],
        [
            claim("c1", {"exactly": 1}, supersedes=supersedes("c3")),
            claim("c2", {"exactly": 2}, supersedes=supersedes("c1")),
            claim("c3", {"exactly": 3}, supersedes=supersedes("c2")),
            claim("c4", {"exactly": 4}),
        ],
    )
    index = Index(data)
    for a, b in (("c1", "c2"), ("c2", "c3"), ("c3", "c1")):
        assert index.replaces(a, b) and index.replaces(b, a)
    assert not index.replaces("c1", "c4")
    assert set(index.replaces_all) == {"c1", "c2", "c3"}
    for claim_id, replaced in index.replaces_all.items():
        assert claim_id not in replaced  # a claim never replaces itself, not even through a loop


def test_origin_follows_copy_of_chains_to_the_root() -> None:
    data = dossier([question()], [cites("c1", "nbc")], sources=COPY_CHAINS)
    assert Index(data).origin_of == {
        "nbc": "nbc",
        "nbc-copy": "nbc",
        "reuters": "reuters",
        "rewrite": "reuters",
        "rewrite-of-rewrite": "reuters",
        "yonhap": "yonhap",
    }


def test_a_loop_of_copies_does_not_hang() -> None:
    # validation rejects such a loop; the index must still be made, with one origin for the loop
    sources = [source("x", copy_of="y"), source("y", copy_of="z"), source("z", copy_of="x"), source("w")]
    data = dossier([question()], [cites("c1", "x", "y", "z", "w")], sources=sources)
    roots = Index(data).origin_of
    assert set(roots) == {"x", "y", "z", "w"}
    assert len({roots["x"], roots["y"], roots["z"]}) == 1
    assert roots["w"] == "w"


def test_a_link_to_a_missing_source_stops_the_chain() -> None:
    data = dossier([question()], [cites("c1", "x")], sources=[source("x", copy_of="gone")])
    assert Index(data).origin_of == {"x": "x"}


def test_copy_chain_lists_the_sources_copied_from_nearest_first() -> None:
    index = Index(dossier([question()], [cites("c1", "nbc")], sources=COPY_CHAINS))
    assert ids(index.copy_chain(index.sources["rewrite-of-rewrite"])) == ["rewrite", "reuters"]
    assert ids(index.copy_chain(index.sources["nbc-copy"])) == ["nbc"]
    assert index.copy_chain(index.sources["yonhap"]) == []
    looped = [source("x", copy_of="y"), source("y", copy_of="z"), source("z", copy_of="x")]
    loop = Index(dossier([question()], [cites("c1", "x")], sources=looped))
    assert ids(loop.copy_chain(loop.sources["x"])) == ["y", "z"]  # stops before x again
    dangling = Index(dossier([question()], [cites("c1", "x")], sources=[source("x", copy_of="gone")]))
    assert dangling.copy_chain(dangling.sources["x"]) == []
