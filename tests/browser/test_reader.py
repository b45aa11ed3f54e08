"""What a reader gets, in Chromium: the home page, navigation, search, edit links, phones, no JS.

Every test here also fails on any request to another host and on any console error (see the
``new_context`` fixture in ``conftest.py``).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from . import dossier_data
from .conftest import Site
from .harness import PHONE, effective_repo_url

pytestmark = pytest.mark.browser

ARTICLE = "article.md-content__inner"


def _question_with_claims(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The first question that has a claim, and its first claim."""
    for question in data["questions"]:
        for claim in data["claims"]:
            if claim["question"] == question["id"]:
                return question, claim
    raise AssertionError("no question has a claim")


# From the link to the question's page (whose text is the question), the smallest enclosing
# block that shows the status as a label of its own (an element whose whole text is the
# status); that block must not hold another question's link.
FIND_QUESTION_BLOCK = """
([text, status, id, others]) => {
  const norm = (s) => s.replace(/\\s+/g, ' ').trim().toLowerCase();
  const links = [...document.querySelectorAll(`article a[href*="questions/${id}/"]`)]
    .filter((a) => norm(a.textContent).includes(norm(text)));
  if (!links.length) return {error: 'no link to the question page with the question as its text'};
  const otherLinks = (el) => others.filter(([oid, otext]) =>
    [...el.querySelectorAll(`a[href*="questions/${oid}/"]`)]
      .some((a) => norm(a.textContent) === norm(otext)));
  const errors = [];
  for (const link of links) {
    for (let el = link.parentElement; el && el.tagName !== 'ARTICLE'; el = el.parentElement) {
      const label = [...el.querySelectorAll('*')].find((e) => norm(e.textContent) === status);
      if (!label) continue;
      const clash = otherLinks(el);
      if (clash.length) {
        errors.push('status shown only in a block shared with ' + clash.map((c) => c[0]));
        break;
      }
      const r = label.getBoundingClientRect();
      return {ok: true, visible: r.width > 0 && r.height > 0, label: label.outerHTML.slice(0, 200)};
    }
  }
  return {error: errors.join('; ') || 'the status is not shown beside the question'};
}
"""


def test_home_presents_every_question_with_its_status(page: Page, dossier_site: Site) -> None:
    data = dossier_site.data()
    questions = data["questions"]
    assert questions, "claims.yaml has no questions"
    page.goto("")
    failures = []
    for question in questions:
        others = [[q["id"], q["text"]] for q in questions if q["id"] != question["id"]]
        found = page.evaluate(
            FIND_QUESTION_BLOCK, [question["text"], question["status"], question["id"], others]
        )
        if not found.get("ok") or not found.get("visible"):
            failures.append(f"{question['id']} ({question['status']}): {found}")
    assert not failures, "home page:\n" + "\n".join(failures)


def test_reader_goes_home_question_claim_source_and_back(page: Page, dossier_site: Site) -> None:
    data = dossier_site.data()
    question, claim = _question_with_claims(data)
    source_id = claim["citations"][0]["source"]
    url = dossier_site.url
    question_url = re.compile(re.escape(f"{url}questions/{question['id']}/") + r"(#.*)?$")
    claim_url = re.compile(re.escape(f"{url}claims/{claim['id']}/") + r"(#.*)?$")
    sources_url = re.compile(re.escape(url) + r"sources/(#.*)?$")

    page.goto("")
    home_url = page.url
    # home -> question
    page.locator(f'{ARTICLE} a[href*="questions/{question["id"]}/"]').first.click()
    expect(page).to_have_url(question_url)
    expect(page.locator("h1").first).to_contain_text(question["text"])
    # question -> claim
    page.locator(f'{ARTICLE} a[href*="claims/{claim["id"]}/"]').first.click()
    expect(page).to_have_url(claim_url)
    expect(page.locator("h1").first).to_contain_text(claim["statement"].split("\n")[0][:60])
    # claim -> source (the bibliography entry of its first citation)
    page.locator(f'{ARTICLE} a[href*="sources/"][href*="{source_id}"]').first.click()
    expect(page).to_have_url(sources_url)
    fragment = page.url.partition("#")[2]
    assert source_id in fragment, f"{page.url} does not point at the entry of {source_id}"
    entry = page.locator(f"[id='{fragment}']")
    expect(entry).to_be_visible()
    expect(entry).to_be_in_viewport()

    # ... and back by clicking: source -> a claim citing it -> its question -> home
    page.locator(f'{ARTICLE} a[href*="claims/{claim["id"]}/"]').first.click()
    expect(page).to_have_url(claim_url)
    page.locator(f'{ARTICLE} a[href*="questions/{question["id"]}/"]').first.click()
    expect(page).to_have_url(question_url)
    page.locator("a.md-header__button.md-logo").click()
    expect(page).to_have_url(home_url)

    # ... and with the browser's back button, all the way
    for expected in (question_url, claim_url, sources_url, claim_url, question_url):
        page.go_back()
        expect(page).to_have_url(expected)
    page.go_back()
    expect(page).to_have_url(home_url)


def test_search_finds_a_claim_by_a_word_of_its_statement(page: Page, dossier_site: Site) -> None:
    claim_id, word = dossier_data.distinctive_word(dossier_site.data())
    page.goto("")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(word, delay=20)
    hit = page.locator(f'.md-search-result__list a[href*="claims/{claim_id}/"]')
    expect(hit.first).to_be_attached(timeout=15_000)
    hit.first.click()
    expect(page).to_have_url(re.compile(re.escape(f"{dossier_site.url}claims/{claim_id}/")))


def test_claim_edit_links_point_at_the_claims_line_in_claims_yaml(page: Page, dossier_site: Site) -> None:
    lines = dossier_data.claim_lines(dossier_site.claims_file)
    data = dossier_site.data()
    repo_url = effective_repo_url().rstrip("/")
    name = dossier_site.claims_file.name
    # The first, the middle and the last record: an off-by-one or a stale index shows on one.
    claims = data["claims"]
    for claim in {c["id"]: c for c in (claims[0], claims[len(claims) // 2], claims[-1])}.values():
        page.goto(f"claims/{claim['id']}/")
        record_link = page.locator("a.dossier-edit")
        expect(record_link).to_have_count(1)
        hrefs = page.eval_on_selector_all(f'a[href*="{name}"]', "els => els.map(e => e.href)")
        assert hrefs, f"claims/{claim['id']}/ has no link to {name}"
        for href in hrefs:
            assert href.startswith(repo_url + "/"), href
            assert href.endswith(f"/{name}#L{lines[claim['id']]}"), (
                f"{claim['id']}: {href} should end with {name}#L{lines[claim['id']]}"
            )


def _main_pages(site: Site) -> list[str]:
    data = site.data()
    question, claim = _question_with_claims(data)
    pages = ["", f"questions/{question['id']}/", f"claims/{claim['id']}/"]
    pages += ["conflicts/", "sources/", "actors/", "timeline/"]
    missing = [p for p in pages if not (site.root / p / "index.html").exists()]
    assert not missing, f"pages missing from the built site: {missing}"
    return pages


def test_no_request_leaves_127_0_0_1_on_any_page(page: Page, dossier_site: Site, monitor: Any) -> None:
    """Every page but the claim pages, and one claim page of each shape of record, loaded with
    their scripts, styles and images."""
    pages = dossier_data.pages_to_check(dossier_site.root, dossier_site.data())
    assert len(pages) > 10, pages
    for path in pages:
        page.goto(path, wait_until="load")
    assert monitor.requests, "no request recorded: the monitor is not watching"
    assert not monitor.foreign_requests(), monitor.foreign_requests()
    assert not monitor.console_errors(), monitor.console_errors()


@pytest.fixture
def phone_page(new_context: Any) -> Page:
    return new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()


def test_nothing_scrolls_sideways_on_a_phone(phone_page: Page, dossier_site: Site) -> None:
    wide = []
    for path in _main_pages(dossier_site):
        phone_page.goto(path)
        sizes = phone_page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if sizes[0] > sizes[1]:
            culprits = phone_page.evaluate(
                """(w) => [...document.querySelectorAll('body *')]
                   .filter((e) => e.getBoundingClientRect().right > w + 1)
                   .slice(0, 5).map((e) => e.tagName + '.' + e.className)""",
                sizes[1],
            )
            wide.append(f"/{path}: scrollWidth {sizes[0]} > clientWidth {sizes[1]}; e.g. {culprits}")
    assert not wide, "\n".join(wide)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def no_js_page(new_context: Any) -> Page:
    return new_context(java_script_enabled=False).new_page()


def test_claim_pages_are_complete_without_javascript(no_js_page: Page, dossier_site: Site) -> None:
    data = dossier_site.data()
    sources = {s["id"]: s for s in data["sources"]}
    claims = {c["id"]: c for c in data["claims"]}
    conflicts = dossier_data.expected_conflicts(dossier_site.claims_file)
    with_conflicts = 0
    for claim in (claims[claim_id] for claim_id in dossier_data.representative_claims(data)):
        no_js_page.goto(f"claims/{claim['id']}/")
        assert no_js_page.evaluate("() => typeof window.document$") == "undefined", "JavaScript ran"
        heading = no_js_page.locator("h1").first
        expect(heading).to_be_visible()
        assert _normalise(heading.inner_text()) == _normalise(claim["statement"])
        article = _normalise(no_js_page.locator(ARTICLE).inner_text())
        for citation in claim["citations"]:
            assert _normalise(citation["quote"]) in article, citation["quote"][:80]
            source = sources[citation["source"]]
            if source["outlet"] != "unknown":
                assert _normalise(source["outlet"]) in article
        for quote in no_js_page.locator(f"{ARTICLE} blockquote").all():
            expect(quote).to_be_visible()
        expect(no_js_page.locator("a.dossier-edit")).to_be_visible()
        # Its conflicts, each with the other claim's statement.
        own = [c for c in conflicts if claim["id"] in (c.a, c.b)]
        for conflict in own:
            other = conflict.b if conflict.a == claim["id"] else conflict.a
            assert _normalise(claims[other]["statement"]) in article, (claim["id"], conflict.id)
        listed = no_js_page.locator(f"{ARTICLE} [id^='conflict-']")
        expect(listed).to_have_count(len(own))
        with_conflicts += bool(own)
    assert with_conflicts, "none of the claims checked has a conflict"
