"""A real strict build of the small fixture dossier (tests/fixtures/mini), read back as HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from fixtures import MINI_DIR
from html_reader import parse


def test_every_generated_page_exists(mini: Any) -> None:
    for url in (
        "",
        "questions/",
        "questions/how-many-lanterns/",
        "questions/are-lanterns-lit/",
        "questions/who-owns/",
        "conflicts/",
        "timeline/",
        "sources/",
        "actors/",
        "downloads/",
        "tags/",
    ):
        assert mini.path(url).is_file(), url
    claims = sorted(p.parent.name for p in (mini.site_dir / "claims").glob("*/index.html"))
    assert claims == ["count-12", "count-40", "lit-no", "lit-yes", "owner-city", "owner-guild"]


def test_claim_page_shows_statement_value_citation_and_source(mini: Any) -> None:
    html = mini.content("claims/count-40/")
    assert "There are at least 40 lanterns" in html
    assert "dossier-badge--disputed" in html and ">Disputed</span>" in html
    assert "<blockquote>\n<p>at least 40 lanterns</p>" in html
    # Source details: outlet, headline, byline, date "unknown", kind, copy chain, grade.
    assert "<dt>Outlet</dt><dd>Coast Wire</dd>" in html
    assert "<dt>Headline</dt><dd>Pier lantern count disputed</dd>" in html
    assert "<dt>Published</dt><dd>unknown" in html
    assert '<dt>Copied from</dt><dd><a href="../../sources/#source-coast-wire">' in html
    assert "fairly reliable" in html
    # Two documents, one origin (the copy counts once).
    assert "1 independent origin behind 2 citations" in html
    # Its conflict, with the other claim linked.
    assert 'id="conflict-count-12--count-40"' in html
    assert '<a href="../count-12/">There are 12 lanterns on the pier.</a>' in html


def test_source_url_only_when_known_and_nofollow(mini: Any) -> None:
    html = mini.content("claims/count-12/")
    assert '<a href="https://example.org/lanterns" rel="nofollow noopener">' in html
    assert '<blockquote cite="https://example.org/lanterns">' in html
    no_url = mini.content("claims/lit-no/")
    assert "<dt>Address</dt>" not in no_url


def test_edit_links_point_at_the_record_in_claims_yaml(mini: Any) -> None:
    html = mini.page("claims/count-40/")
    edits = re.findall(r'href="(https://github.com/example/lanterns/blob/trunk/claims.yaml[^"]*)"', html)
    assert edits, "no edit link"
    # Branch from edit_uri (edit/trunk/...), file outside docs_dir.
    lines = (MINI_DIR / "claims.yaml").read_text(encoding="utf-8").splitlines()
    for href in edits:
        match = re.search(r"#L(\d+)$", href)
        if match:  # the line of "- id: count-40"
            assert lines[int(match.group(1)) - 1].strip() == "- id: count-40"


def test_supersession_shown_both_ways(mini: Any) -> None:
    newer = mini.content("claims/owner-city/")
    older = mini.content("claims/owner-guild/")
    assert "Replaces:" in newer and '<a href="../owner-guild/">' in newer
    assert "Replaced by:" in older and '<a href="../owner-city/">' in older


def test_markdown_fields_are_rendered_and_sanitised(mini: Any) -> None:
    html = mini.content("questions/how-many-lanterns/")
    assert "<em>between 12 and 40</em>" in html
    assert "<script>" not in html
    assert "javascript:" not in html


def test_jsonld_claim_review_has_required_fields(mini: Any) -> None:
    scripts = [
        body
        for attrs, body in parse(mini.page("claims/count-40/")).scripts
        if attrs.get("type") == "application/ld+json"
    ]
    assert len(scripts) == 1
    assert "<" not in scripts[0]  # escaped as \u003c: nothing can close the script element
    data = json.loads(scripts[0])
    assert data["@type"] == "ClaimReview"
    assert data["claimReviewed"].startswith("There are at least 40 lanterns <img")
    assert data["url"] == "http://127.0.0.1:8000/claims/count-40/"
    assert data["author"]["name"] == "Lanterns: a test dossier"
    rating = data["reviewRating"]
    assert {"ratingValue", "bestRating", "worstRating", "alternateName"} <= set(rating)
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    item = data["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "Lantern Guild"
    assert item["datePublished"] == "2024-10-22"
    assert [a.get("headline") for a in item["appearance"]] == [
        "Pier lantern count disputed",
        "Lantern count disputed (copied)",
    ]


def test_contradiction_table(mini: Any) -> None:
    html = mini.content("conflicts/")
    assert "<caption>" in html and '<th scope="col">Why they conflict</th>' in html
    rows = re.findall(
        r'<tr id="conflict-([^"]+)" data-question="([^"]+)" data-kind="([^"]+)" data-status="([^"]+)"', html
    )
    found = {r[0]: r[1:] for r in rows}
    assert found["count-12--count-40"] == ("how-many-lanterns", "quantity", "open")
    assert found["lit-no--lit-yes"] == ("are-lanterns-lit", "yes-no", "resolved")
    assert "Photographs show the lanterns lit." in html
    # The filters are in the page from the start, marked as needing JavaScript (the head's
    # <noscript> style hides them without it); the table library is served locally.
    assert '<form class="dossier-filters dossier-needs-js"' in html
    page = mini.page("conflicts/")
    assert "<noscript><style>.dossier-needs-js{display:none!important}</style></noscript>" in page
    assert '<script src="../assets/dossier/vendor/tablesort/tablesort.min.js"></script>' in page
    assert mini.path("assets/dossier/vendor/tablesort/tablesort.min.js").is_file()
    # Full width: Material leaves out the navigation and the empty table of contents.
    assert re.search(r'data-md-type="navigation"\s+hidden', page) and re.search(
        r'data-md-type="toc"\s+hidden', page
    )


def test_claim_pages_are_not_in_the_nav(mini: Any) -> None:
    for url in ("", "conflicts/", "claims/count-12/"):
        html = mini.page(url)
        outside = html.replace(mini.content(url), "")  # header, navigation, footer
        hrefs = [a.get("href") or "" for tag, a in parse(outside).tags if tag == "a"]
        assert any(h.endswith("questions/") for h in hrefs), url
        assert not [h for h in hrefs if "claims/" in h], url


def test_home_page_what_we_know(mini: Any) -> None:
    html = mini.content("")
    assert "<!-- dossier:what-we-know -->" not in mini.page("")
    assert html.index("What is disputed") < html.index("What we don") < html.index("The end of the home page")
    # Each question with its status and its one-line answer (its assessment's first sentence).
    assert (
        '<p class="dossier-answer__question"><a href="questions/how-many-lanterns/">'
        "How many lanterns are on the pier?</a></p>" in html
    )
    assert "<p>The harbour master says yes; the guild says no.</p>" in html
    # The short answer first, the assessed date said once (every question has the same).
    assert html.index("dossier-short-answer") < html.index("What is disputed")
    assert html.count("1 November 2024") == 1


def test_downloads_parse_and_count(mini: Any) -> None:
    claims = json.loads(mini.path("downloads/claims.json").read_text(encoding="utf-8"))
    records = claims if isinstance(claims, list) else claims.get("claims", [])
    assert len(records) == 6
    assert "claims.json" in mini.content("downloads/")


def test_no_request_to_another_host(mini: Any) -> None:
    for page in Path(mini.site_dir).rglob("*.html"):
        for tag, attrs in parse(page.read_text(encoding="utf-8")).tags:
            if tag in {"script", "img", "iframe"} or (
                tag == "link" and attrs.get("rel") in {"stylesheet", "preconnect"}
            ):
                ref = attrs.get("src") or attrs.get("href") or ""
                assert not ref.startswith(("http://", "https://", "//")), (page, tag, ref)
