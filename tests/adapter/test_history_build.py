"""Real strict builds of the mini dossier in a git repository of its own (the commits of
``fixtures.git_history.STORY``): History sections, "last updated", the page of changes, the
Atom feeds, and the old addresses of a renamed and a removed claim; and builds without git
history (none at all, a shallow clone)."""

from __future__ import annotations

import logging
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fixtures import MINI_DIR
from fixtures.git_history import STORY, git, history_repo

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return history_repo(tmp_path_factory.mktemp("history") / "project", STORY)


@pytest.fixture(scope="module")
def story(build_once: Callable[..., Any], repo: Path) -> Any:
    return build_once(repo)


def _history_section(html: str) -> str:
    start = html.index('id="history"')
    return html[start : html.index("</div>", start)]


def test_a_claim_page_has_its_history_newest_first_with_dates(story: Any) -> None:
    section = _history_section(story.content("claims/count-12/"))
    items = re.findall(r'<li class="([^"]*)"><time datetime="([^"]+)">([^<]+)</time>: (.*?)</li>', section)
    assert [(when, words) for _cls, when, _day, words in items] == [
        (
            "2024-10-22T11:30:00Z",
            '<strong class="dossier-correction-mark">Correction</strong>: '
            "value 12 lanterns lit → 15 lanterns lit"
            '<span class="dossier-note">An earlier version gave 12 lanterns; the count was 15.</span>',
        ),
        ("2024-10-21T10:00:00Z", "status reported → confirmed"),
        ("2024-10-20T09:00:00Z", "added to the dossier"),
    ]
    assert "dossier-history__entry--correction" in items[0][0]
    assert items[0][2] == "22 October 2024"


def test_last_updated_comes_from_history(story: Any) -> None:
    html = story.content("claims/count-12/")
    # The dossier says 2024-11-02; the record last changed on 22 October.
    assert '<dt>Last updated</dt><dd><time datetime="2024-10-22">22 October 2024</time>' in html
    count_40 = story.content("claims/count-40/")
    assert '<dt>Last updated</dt><dd><time datetime="2024-10-20">20 October 2024</time>' in count_40


def test_the_correction_shows_on_the_claim_page(story: Any) -> None:
    html = story.content("claims/count-12/")
    verdict_end = html.index('class="dossier-facts"')
    correction = html.index('<p class="admonition-title">Correction</p>')
    assert verdict_end < correction < html.index('id="evidence"')
    assert "An earlier version gave 12 lanterns; the count was 15." in html[correction:]


def test_question_and_source_pages_have_their_history(story: Any) -> None:
    question = _history_section(story.content("questions/how-many-lanterns/"))
    assert '<time datetime="2024-10-20T09:00:00Z">20 October 2024</time>: added to the dossier' in question
    sources = story.content("sources/")
    assert sources.count('class="dossier-source-history"') == 3


def test_the_page_of_changes_groups_by_day_and_links_each_record(story: Any) -> None:
    html = story.content("changes/")
    days = re.findall(r'<h2 id="day-([0-9-]+)">', html)
    assert days == ["2024-10-24", "2024-10-23", "2024-10-22", "2024-10-21", "2024-10-20"]
    day_22 = html[html.index('id="day-2024-10-22"') : html.index('id="day-2024-10-21"')]
    assert 'class="dossier-change dossier-change--correction"' in day_22
    assert '<a href="../claims/count-12/">There are 12 lanterns on the pier.</a>' in day_22
    assert html.count("dossier-change--correction") == 1
    assert (
        '<a href="../claims/lit-never/">The lanterns are never lit.</a>: new address (formerly lit-no)'
        in html
    )
    assert (
        '<a href="../claims/owner-guild/">The guild owns the lanterns.</a>: removed from the dossier' in html
    )
    assert '<a href="../feed.xml" type="application/atom+xml">' in html


def test_a_renamed_claims_old_address_leads_to_the_new_one(story: Any) -> None:
    old = story.page("claims/lit-no/")
    assert '<meta http-equiv="refresh" content="0; url=../lit-never/">' in old
    assert '<link rel="canonical" href="http://127.0.0.1:8000/claims/lit-never/">' in old
    assert '<a href="../lit-never/">The lanterns are never lit.</a>' in old
    assert story.path("claims/lit-never/").is_file()


def test_a_removed_claims_address_says_it_was_withdrawn_and_why(story: Any) -> None:
    html = story.content("claims/owner-guild/")
    assert '<h1 id="claim">Withdrawn: The guild owns the lanterns.</h1>' in html
    assert '<time datetime="2024-10-24T16:45:00Z">24 October 2024</time>' in html
    assert "The guild&#39;s claim rested on one misread quote; the editors took it out." in html


def _feed(story: Any, path: str) -> ET.Element:
    root = ET.fromstring(story.path(path).read_bytes())
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{name}") is not None, name
    return root


def test_the_feed_is_atom_with_absolute_links(story: Any) -> None:
    root = _feed(story, "feed.xml")
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {"self": SITE_URL + "feed.xml", "alternate": SITE_URL + "changes/"}
    assert root.findtext(f"{ATOM}updated") == "2024-10-24T16:45:00Z"
    entries = root.findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids)) > 5
    for entry in entries:
        assert entry.findtext(f"{ATOM}title")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", entry.findtext(f"{ATOM}updated") or "")
        href = entry.find(f"{ATOM}link").get("href")  # type: ignore[union-attr]
        assert href and href.startswith(SITE_URL), href
    corrections = [e for e in entries if e.find(f"{ATOM}category[@term='correction']") is not None]
    assert [e.findtext(f"{ATOM}title") for e in corrections] == [
        "Correction: Claim: There are 12 lanterns on the pier."
    ]


def test_each_question_has_a_feed_announced_on_its_page(story: Any) -> None:
    root = _feed(story, "feed-are-lanterns-lit.xml")
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert "Claim: The lanterns are never lit." in titles
    assert not any("lanterns on the pier" in (t or "") for t in titles)  # another question's claims
    head = story.page("questions/are-lanterns-lit/").split("</head>")[0]
    assert f'href="{SITE_URL}feed-are-lanterns-lit.xml"' in head
    assert f'href="{SITE_URL}feed.xml"' in head


def test_every_page_announces_the_feed(story: Any) -> None:
    pages = [p for p in story.site_dir.rglob("*.html") if "<html" in p.read_text()[:200]]
    # Not the redirect, nor the theme's 404 page (a template of its own, not a page), nor the
    # claims' embeddable cards (standalone pages shown inside other sites).
    redirects = {story.path("claims/lit-no/"), story.path("404.html")}
    embeds = story.site_dir / "embed"
    assert any(embeds.glob("*.html")), "the fixture has no embed pages to leave out"
    for page in pages:
        if page in redirects or page.parent == embeds:
            continue
        head = page.read_text().split("</head>")[0]
        assert '<link rel="alternate" type="application/atom+xml"' in head, page


def test_a_rebuild_is_byte_identical_whatever_the_working_trees_dates(
    story: Any, repo: Path, build_once: Callable[..., Any]
) -> None:
    (repo / "claims.yaml").touch()
    again = build_once(repo)
    assert story.files() == again.files()
    for name in story.files():
        assert (story.site_dir / name).read_bytes() == (again.site_dir / name).read_bytes(), name


def test_without_a_repository_the_build_says_so_at_info(
    build_site: Callable[..., Any], tmp_path: Path
) -> None:
    project = tmp_path / "plain"
    shutil.copytree(MINI_DIR, project)
    site = build_site(project)
    info = [r.getMessage() for r in site.records if r.levelno == logging.INFO]
    assert any(
        m.endswith("History of claims.yaml not available: claims.yaml is not in a git repository.")
        for m in info
    )
    html = site.content("claims/count-12/")
    assert "This record's history is not available in this build of the site." in html
    assert '<dt>Last updated</dt><dd><time datetime="2024-11-02">' in html  # the dossier's date
    assert "application/atom+xml" not in site.page("")
    assert not site.path("feed.xml").exists()


def test_a_shallow_clone_warns_and_builds_without_history(
    build_site: Callable[..., Any], repo: Path, tmp_path: Path
) -> None:
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow))
    site = build_site(shallow, expect=["shallow clone"], strict=False)
    assert any(
        "History of claims.yaml not available: the repository is a shallow clone" in m
        for m in site.problems()
    )
    assert "history is not available" in site.content("claims/count-12/")
    assert not site.path("claims/lit-no/").exists()
