"""The records' history in Chromium: the page of what changed leads to a record whose History
section holds that change, and "last updated" is its latest date; on a phone, without sideways
scrolling. (The site is the repository's dossier, built from its own git history.)"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .conftest import Site
from .harness import PHONE

pytestmark = pytest.mark.browser

ARTICLE = "article.md-content__inner"


def _datetimes(page: Page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all("(els) => els.map((e) => e.getAttribute('datetime'))")


def test_the_changes_page_leads_to_the_records_history(page: Page, dossier_site: Site) -> None:
    page.goto("changes/")
    expect(page.locator(f"{ARTICLE} h1")).to_have_text("What changed")
    days = page.locator(f"{ARTICLE} h2[id^='day-']")
    assert days.count() >= 1
    changes = _datetimes(page, f"{ARTICLE} .dossier-change time")
    assert changes and changes == sorted(changes, reverse=True), "not newest first"
    first = page.locator(f"{ARTICLE} .dossier-change").filter(has=page.locator("a[href*='claims/']")).first
    expect(first).to_be_visible()
    when = first.locator("time").get_attribute("datetime")
    first.locator("a").first.click()
    page.wait_for_url("**/claims/**")
    heading = page.locator(f"{ARTICLE} h2#history")
    expect(heading).to_be_visible()
    history = _datetimes(page, f"{ARTICLE} .dossier-history time")
    assert when in history, (when, history)
    assert history == sorted(history, reverse=True)
    entry = page.locator(f"{ARTICLE} .dossier-history__entry").first
    heading.scroll_into_view_if_needed()
    expect(entry).to_be_visible()
    last_updated = page.locator(f"{ARTICLE} dt:text-is('Last updated') + dd time")
    if last_updated.count():  # a claim's page (a withdrawn claim's has none)
        assert last_updated.get_attribute("datetime") == history[0][:10]


def test_history_reads_on_a_phone_without_sideways_scrolling(new_context: Any, dossier_site: Site) -> None:
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto("changes/")
    href = page.locator(f"{ARTICLE} .dossier-change a[href*='claims/']").first.get_attribute("href")
    assert href
    for url in ("changes/", "changes/" + href):
        page.goto(url)
        expect(page.locator(f"{ARTICLE} h1")).to_be_visible()
        wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, (url, wide)
