"""Independent origins: copies and syndications of one report count once."""

from __future__ import annotations

from fixtures.records import COPY_CHAINS, cites, dossier, question, source

from site_plugins.dossier.analysis.corroboration import independent_origins, origins_of_claim
from site_plugins.dossier.records.index import Index


def test_copies_count_once() -> None:
    data = dossier(
        [question()],
        [
            cites("copies", "nbc", "nbc-copy"),
            cites("chain", "rewrite-of-rewrite", "reuters", "rewrite"),
            cites("three", "nbc-copy", "rewrite", "yonhap"),
            cites("one", "yonhap"),
        ],
        sources=COPY_CHAINS,
    )
    counts = {c.id: independent_origins(c, Index(data)) for c in data.claims}
    assert counts == {"copies": 1, "chain": 1, "three": 3, "one": 1}
    assert origins_of_claim(data.claims[2], Index(data)) == ["nbc", "reuters", "yonhap"]


def test_the_same_source_cited_twice_counts_once() -> None:
    data = dossier([question()], [cites("c1", "nbc", "nbc")], sources=COPY_CHAINS)
    assert independent_origins(data.claims[0], Index(data)) == 1


def test_a_loop_or_a_dangling_copy_of_still_gives_a_count() -> None:
    # validation rejects both; analysis must still come back (the origins: tests/records/test_index.py)
    sources = [source("x", copy_of="y"), source("y", copy_of="z"), source("z", copy_of="x"), source("w")]
    looped = dossier([question()], [cites("c1", "x", "y", "z", "w")], sources=sources)
    assert independent_origins(looped.claims[0], Index(looped)) == 2
    dangling = dossier([question()], [cites("c1", "x")], sources=[source("x", copy_of="gone")])
    assert independent_origins(dangling.claims[0], Index(dangling)) == 1


def test_counts_follow_a_changed_dossier() -> None:
    one = dossier([question()], [cites("c1", "nbc", "nbc-copy")], sources=COPY_CHAINS)
    assert independent_origins(one.claims[0], Index(one)) == 1
    split = [source("nbc"), source("nbc-copy")]
    two = dossier([question()], [cites("c1", "nbc", "nbc-copy")], sources=split)
    assert independent_origins(two.claims[0], Index(two)) == 2
    assert independent_origins(one.claims[0], Index(one)) == 1
