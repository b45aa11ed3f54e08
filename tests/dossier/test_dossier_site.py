"""A real strict build of the repository's dossier, checked against its own claims.yaml.

The expectations come from the records (through the validator and the conflict analysis), so
the tests follow the dossier as editors change it. The disagreements the first dossier must
show are named in test_first_dossier.py; this site's links and its byte-identical rebuilds are
tests/hardening/'s (test_links.py, test_reproducible.py).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from html_reader import parse
from markupsafe import escape

from site_plugins.dossier.analysis import conflicts
from site_plugins.dossier.checking import validate
from site_plugins.dossier.records.index import Index
from site_plugins.dossier.records.model import ClaimsFile, QuestionKind

REPO = Path(__file__).resolve().parents[2]
CLAIMS = REPO / "claims.yaml"
#: Quote checking during the build when the snapshots are at hand (CI sets this).
SNAPSHOTS = os.environ.get("DOSSIER_SNAPSHOTS")


@pytest.fixture(scope="module")
def records() -> tuple[ClaimsFile, Any]:
    result = validate.load_and_validate(CLAIMS)
    assert result.ok and result.data is not None, "\n".join(str(p) for p in result.problems)
    return result.data, result


@pytest.fixture(scope="module")
def analysis(records: tuple[ClaimsFile, Any]) -> conflicts.Analysis:
    return conflicts.analyse(Index(records[0]))


@pytest.fixture(scope="module")
def dossier(build_once: Callable[..., Any]) -> Any:
    return build_once(REPO, env={"DOSSIER_SNAPSHOTS": SNAPSHOTS} if SNAPSHOTS else None)


def text(value: str) -> str:
    """How plain editor text appears in the page source (escaped as the templates escape it)."""
    return str(escape(value))


def test_every_claim_and_question_has_a_page(dossier: Any, records: tuple[ClaimsFile, Any]) -> None:
    data = records[0]
    for claim in data.claims:
        assert dossier.path(f"claims/{claim.id}/").is_file(), claim.id
    for question in data.questions:
        assert dossier.path(f"questions/{question.id}/").is_file(), question.id
    for url in ("", "questions/", "conflicts/", "timeline/", "sources/", "actors/", "downloads/"):
        assert dossier.path(url).is_file(), url


def _claim_with_most_conflicts(data: ClaimsFile, analysis: conflicts.Analysis) -> Any:
    return max(data.claims, key=lambda c: (len(analysis.by_claim.get(c.id, [])), len(c.citations), c.id))


def test_claim_page_shows_its_record(
    dossier: Any, records: tuple[ClaimsFile, Any], analysis: conflicts.Analysis
) -> None:
    data, result = records
    sources = {s.id: s for s in data.sources}
    claim = _claim_with_most_conflicts(data, analysis)
    page = dossier.content(f"claims/{claim.id}/")
    assert text(claim.statement) in page
    for citation in claim.citations:
        assert text(citation.quote) in page
        source = sources[citation.source]
        assert f"<dt>Outlet</dt><dd>{text(source.outlet)}</dd>" in page
        assert f"<dt>Byline</dt><dd>{text(source.byline)}</dd>" in page
        if source.url:
            assert f'href="{text(source.url)}" rel="nofollow noopener"' in page
    # Its conflicts, each with the why-sentence and a link to the other claim.
    for conflict in analysis.by_claim.get(claim.id, []):
        other = conflict.b if conflict.a == claim.id else conflict.a
        assert f'id="conflict-{conflict.id}"' in page
        assert text(conflict.why) in page
        assert f'href="../{other}/"' in page
    # The edit link points at the claim's line of claims.yaml.
    line = result.line_of(("claims", data.claims.index(claim)))
    assert line is not None
    assert re.search(rf'href="https://github\.com/[^"]+/blob/main/claims\.yaml#L{line}"', page)
    assert CLAIMS.read_text(encoding="utf-8").splitlines()[line - 1].strip() == f"- id: {claim.id}"


def test_every_quote_and_statement_appears(dossier: Any, records: tuple[ClaimsFile, Any]) -> None:
    for claim in records[0].claims:
        page = dossier.content(f"claims/{claim.id}/")
        assert text(claim.statement) in page, claim.id
        for citation in claim.citations:
            assert text(citation.quote) in page, claim.id


def test_contradiction_table_has_a_row_per_conflict(dossier: Any, analysis: conflicts.Analysis) -> None:
    page = dossier.content("conflicts/")
    rows = re.findall(r'<tr id="conflict-([^"]+)" data-question="([^"]+)" data-kind="([^"]+)"', page)
    assert [r[0] for r in rows] == [c.id for c in analysis.conflicts]
    assert {(c.question, c.kind) for c in analysis.conflicts} == {(q, k) for _, q, k in rows}
    for conflict in analysis.conflicts:
        assert text(conflict.why) in page


def test_jsonld_on_every_claim_page(dossier: Any, records: tuple[ClaimsFile, Any]) -> None:
    for claim in records[0].claims:
        scripts = [
            body
            for attrs, body in parse(dossier.page(f"claims/{claim.id}/")).scripts
            if attrs.get("type") == "application/ld+json"
        ]
        assert len(scripts) == 1, claim.id
        review = json.loads(scripts[0])
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == claim.statement
        assert review["url"].endswith(f"/claims/{claim.id}/")
        assert review["author"]["name"]
        assert review["datePublished"]
        rating = review["reviewRating"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["alternateName"]
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["author"]["name"]
        assert review["itemReviewed"]["datePublished"] == claim.made


def test_downloads_parse_and_match_the_records(
    dossier: Any, records: tuple[ClaimsFile, Any], analysis: conflicts.Analysis
) -> None:
    data = records[0]
    expected = {
        "claims": len(data.claims),
        "sources": len(data.sources),
        "conflicts": len(analysis.conflicts),
    }
    for name, count in expected.items():
        loaded = json.loads(dossier.path(f"downloads/{name}.json").read_text(encoding="utf-8"))
        items = loaded if isinstance(loaded, list) else loaded[name]
        assert len(items) == count, name
        table = dossier.path(f"downloads/{name}.csv").read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(table)))
        assert len(rows) == count, name
        assert f'href="{name}.json"' in dossier.content("downloads/")


def test_home_page_answers_question_by_question(dossier: Any, records: tuple[ClaimsFile, Any]) -> None:
    page = dossier.content("")
    assert "<!-- dossier:what-we-know -->" not in dossier.page("")
    for question in records[0].questions:
        assert f'<a href="questions/{question.id}/">{text(question.text)}</a>' in page
        assert f"dossier-badge--{question.status.value}" in page
    statuses = {q.status.value for q in records[0].questions}
    if "disputed" in statuses:
        assert 'id="disputed"' in page
    if "open" in statuses:
        assert 'id="open"' in page


def test_charts_for_quantity_questions(dossier: Any, records: tuple[ClaimsFile, Any]) -> None:
    quantity = [q for q in records[0].questions if q.kind is QuestionKind.quantity]
    assert quantity
    charted = [q for q in quantity if "<svg" in dossier.content(f"questions/{q.id}/")]
    assert charted
    # The timeline is one chronology; it points to the questions' charts.
    timeline = dossier.content("timeline/")
    for question in charted:
        assert f'href="../questions/{question.id}/"' in timeline


def test_link_previews_name_the_page(dossier: Any, records: tuple[ClaimsFile, Any]) -> None:
    """The site's hook (hooks/open_graph.py) adds Open Graph tags, escaped once."""
    claim = records[0].claims[0]
    head = dossier.page(f"claims/{claim.id}/").split("</head>")[0]
    metas = {
        a.get("property") or a.get("name"): a.get("content") for tag, a in parse(head).tags if tag == "meta"
    }
    assert metas["og:site_name"] == "What we know: North Korean troops in Russia"
    assert metas["og:url"] == f"http://127.0.0.1:8000/claims/{claim.id}/"
    assert metas["og:title"] and claim.statement.startswith(metas["og:title"].rstrip("…"))
