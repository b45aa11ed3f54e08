"""The shape that lets a dossier scale (not timed; the timings are ``benchmarks/bench_site.py``'s).

* Claim pages stay out of the navigation, so Material's navigation, rendered on every page,
  does not grow with the number of claims (a nav of N pages costs O(N²) to build).
* Every claim page is reached through an index page (its question's page).
* Material's search index holds a bounded number of entries per claim page, and every claim is
  still found by the words of its statement.
* Conflict analysis compares only claims of one question that are close in time: never more
  pairs than the sweep's window allows, far below all pairs.
* The synthetic generator behind the benchmark is deterministic.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from benchmarks import site_shape, synthetic
from site_plugins.dossier.analysis import conflicts
from site_plugins.dossier.checking.validate import load_and_validate
from site_plugins.dossier.records.index import Index
from site_plugins.dossier.records.model import ClaimsFile, date_bounds

#: Sections of a claim page Material's search may index: the page itself, Evidence,
#: Conflicts, Supersession, Related claims, The record, plus slack for a section added later.
MAX_SEARCH_ENTRIES_PER_CLAIM = 8


def _claims(project: Path) -> list[dict[str, object]]:
    return yaml.safe_load((project / "claims.yaml").read_text(encoding="utf-8"))["claims"]


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# ---------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------


def test_generator_is_deterministic(tmp_path: Path) -> None:
    first = _tree(synthetic.write_dossier_site(150, tmp_path / "a"))
    second = _tree(synthetic.write_dossier_site(150, tmp_path / "b"))
    assert first == second
    other_seed = _tree(synthetic.write_dossier_site(150, tmp_path / "c", seed=1))
    assert other_seed["claims.yaml"] != first["claims.yaml"]
    plain_a = _tree(synthetic.write_plain_site(150, tmp_path / "a", words=300))
    plain_b = _tree(synthetic.write_plain_site(150, tmp_path / "b", words=300))
    assert plain_a == plain_b


def test_generated_dossier_is_valid_and_shaped_like_a_real_one(tmp_path: Path) -> None:
    project = synthetic.write_dossier_site(500, tmp_path)
    result = load_and_validate(project / "claims.yaml", snapshots=project / "snapshots")
    assert result.ok, [str(p) for p in result.problems[:10]]
    data = result.data
    assert data is not None
    assert len(data.claims) == 500
    assert {q.kind.value for q in data.questions} == {"quantity", "yes-no", "choice"}
    assert {s.kind.value for s in data.sources} >= {"original", "wire", "republication", "official"}
    assert any(s.copy_of for s in data.sources)
    assert len({s.reliability for s in data.sources}) >= 4
    assert sum(1 for c in data.claims if c.supersedes) >= 5
    assert sum(1 for c in data.claims if len(c.citations) > 1) >= 50
    analysis = conflicts.analyse(Index(data))
    assert {c.kind for c in analysis.conflicts} == {"yes-no", "quantity", "choice", "declared"}


# ---------------------------------------------------------------------------
# Navigation
# ---------------------------------------------------------------------------


@pytest.mark.slow
def test_claim_pages_are_out_of_the_navigation(generated_site) -> None:
    project, site = generated_site(300)
    claims = _claims(project)
    for claim in claims[::25]:
        page = site.page(f"claims/{claim['id']}/")
        links = site_shape.nav_links(page)
        assert links, "the page has no primary navigation: the reading is broken"
        assert not [href for href in links if "claims/" in href], claim["id"]
    home_links = site_shape.nav_links(site.page(""))
    assert not [href for href in home_links if "claims/" in href]


@pytest.mark.slow
def test_navigation_does_not_grow_with_the_number_of_claims(generated_site) -> None:
    small_project, small = generated_site(100)
    large_project, large = generated_site(300)
    small_claim = _claims(small_project)[0]["id"]
    large_claim = _claims(large_project)[0]["id"]
    for url_small, url_large in (("", ""), (f"claims/{small_claim}/", f"claims/{large_claim}/")):
        nav_small = site_shape.primary_nav(small.page(url_small))
        nav_large = site_shape.primary_nav(large.page(url_large))
        assert len(site_shape.nav_links(nav_small)) == len(site_shape.nav_links(nav_large))
        # Same entries, whatever the dossier holds (lengths may differ only by the site's texts).
        assert abs(len(nav_small) - len(nav_large)) < 200


@pytest.mark.slow
def test_every_claim_page_is_reached_through_its_question_page(generated_site) -> None:
    project, site = generated_site(300)
    claims = _claims(project)
    linked: set[str] = set()
    for question_page in (site.site_dir / "questions").glob("*/index.html"):
        content = site_shape.article_html(question_page.read_text(encoding="utf-8"))
        linked |= set(re.findall(r'href="\.\./\.\./claims/([^/"#]+)/"', content))
    missing = sorted({str(c["id"]) for c in claims} - linked)
    assert not missing, missing[:10]


# ---------------------------------------------------------------------------
# Search
# ---------------------------------------------------------------------------


@pytest.mark.slow
def test_search_entries_per_claim_page_are_bounded_and_every_claim_is_found(generated_site) -> None:
    _, small = generated_site(100)
    project, site = generated_site(300)
    claims = _claims(project)
    index = site_shape.search_index(site.site_dir)
    per_page = index.entries_for("claims/")
    assert len(per_page) == len(claims)
    largest = max(len(entries) for entries in per_page.values())
    assert largest <= MAX_SEARCH_ENTRIES_PER_CLAIM
    small_index = site_shape.search_index(small.site_dir)
    # Entries per claim page do not grow with the dossier.
    small_largest = max(len(e) for e in small_index.entries_for("claims/").values())
    assert largest <= max(small_largest, MAX_SEARCH_ENTRIES_PER_CLAIM)
    lost = [
        c["id"]
        for c in claims
        if not site_shape.findable(str(c["statement"]), per_page.get(f"claims/{c['id']}/", []))
    ]
    assert not lost, lost[:10]


# ---------------------------------------------------------------------------
# Conflict analysis: the sweep
# ---------------------------------------------------------------------------


def _sweep_bound(data: ClaimsFile) -> int:
    """Pairs the sweep may compare: claims of one question whose periods come within the
    question's window of each other, plus one per editor-declared link."""
    windows = {q.id: q.window_days for q in data.questions}
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for claim in data.claims:
        first, last = date_bounds(claim.value.as_of or claim.made)
        end = last.toordinal()
        if claim.value.until:
            end = max(end, date_bounds(claim.value.until)[1].toordinal())
        spans[claim.question].append((first.toordinal(), end))
    bound = 0
    for question_id, items in spans.items():
        items.sort()
        starts = [s for s, _ in items]
        longest = max(e - s for s, e in items)
        reach = windows[question_id] + longest
        for i, (start, _) in enumerate(items):
            # Later claims (by start) whose start is within reach of this one.
            bound += bisect.bisect_right(starts, start + reach) - i - 1
    return bound + sum(len(c.contradicts) for c in data.claims)


def test_conflict_analysis_compares_no_more_pairs_than_the_sweep_allows() -> None:
    n = 5_000
    text = synthetic.claims_yaml(synthetic.make_dossier(n), snapshots=False)
    data = ClaimsFile.model_validate(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    analysis = conflicts.analyse(Index(data))
    bound = _sweep_bound(data)
    all_pairs = n * (n - 1) // 2
    assert analysis.conflicts, "the generated dossier has conflicts to find"
    assert 0 < analysis.pairs_compared <= bound
    # The bound itself is small: claims per question per window, not the whole dossier.
    assert bound < all_pairs // 100
    # Every conflict found is within the bound's reach (no conflict is lost by the sweep):
    # analysing each question alone finds the same conflicts.
    first_question = data.questions[0].id
    alone = data.model_copy(update={"claims": [c for c in data.claims if c.question == first_question]})
    found_alone = {c.id for c in conflicts.analyse(Index(alone)).conflicts if c.kind != "declared"}
    found_all = {c.id for c in analysis.conflicts if c.question == first_question and c.kind != "declared"}
    assert found_alone == found_all
