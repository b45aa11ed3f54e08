"""Independent origins: copies and syndications of one report count once."""

from __future__ import annotations

from fixtures.records import claim, dossier, question, source

from site_plugins.dossier.analysis.corroboration import independent_origins, origins_of_claim
from site_plugins.dossier.records.index import Index


def cites(cid: str, *source_ids: str) -> dict[str, object]:
    return claim(cid, {"exactly": 1}, citations=[{"source": s, "quote": "a quote"} for s in source_ids])


SOURCES = [
    source("nbc"),
    source("nbc-copy", copy_of="nbc"),
    source("reuters"),
    source("rewrite", copy_of="reuters"),
    source("rewrite-of-rewrite", copy_of="rewrite"),
    source("yonhap"),
]


def test_origin_follows_copy_of_chains_to_the_root() -> None:
    data = dossier([question()], [cites("c1", "nbc")], sources=SOURCES)
    assert Index(data).origin_of == {
        "nbc": "nbc",
        "nbc-copy": "nbc",
        "reuters": "reuters",
        "rewrite": "reuters",
        "rewrite-of-rewrite": "reuters",
        "yonhap": "yonhap",
    }


def test_copies_count_once() -> None:
    data = dossier(
        [question()],
        [
            cites("copies", "nbc", "nbc-copy"),
            cites("chain", "rewrite-of-rewrite", "reuters", "rewrite"),
            cites("three", "nbc-copy", "rewrite", "yonhap"),
            cites("one", "yonhap"),
        ],
        sources=SOURCES,
    )
    counts = {c.id: independent_origins(c, Index(data)) for c in data.claims}
    assert counts == {"copies": 1, "chain": 1, "three": 3, "one": 1}
    assert origins_of_claim(data.claims[2], Index(data)) == ["nbc", "reuters", "yonhap"]


def test_the_same_source_cited_twice_counts_once() -> None:
    data = dossier([question()], [cites("c1", "nbc", "nbc")], sources=SOURCES)
    assert independent_origins(data.claims[0], Index(data)) == 1


def test_a_loop_of_copies_does_not_hang() -> None:
    # validation rejects such a loop; analysis must still come back
    sources = [source("x", copy_of="y"), source("y", copy_of="z"), source("z", copy_of="x"), source("w")]
    data = dossier([question()], [cites("c1", "x", "y", "z", "w")], sources=sources)
    roots = Index(data).origin_of
    assert set(roots) == {"x", "y", "z", "w"}
    assert len({roots["x"], roots["y"], roots["z"]}) == 1
    assert independent_origins(data.claims[0], Index(data)) == 2


def test_a_link_to_a_missing_source_stops_the_chain() -> None:
    data = dossier([question()], [cites("c1", "x")], sources=[source("x", copy_of="gone")])
    assert Index(data).origin_of == {"x": "x"}
    assert independent_origins(data.claims[0], Index(data)) == 1


def test_counts_follow_a_changed_dossier() -> None:
    one = dossier([question()], [cites("c1", "nbc", "nbc-copy")], sources=SOURCES)
    assert independent_origins(one.claims[0], Index(one)) == 1
    split = [source("nbc"), source("nbc-copy")]
    two = dossier([question()], [cites("c1", "nbc", "nbc-copy")], sources=split)
    assert independent_origins(two.claims[0], Index(two)) == 2
    assert independent_origins(one.claims[0], Index(one)) == 1
