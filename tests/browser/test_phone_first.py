"""The reader's site on a phone first (390 x 844) and on a 1280 px desktop, in Chromium.

What each page must do for a reader, read from the records (never hard-coded): the home
page's short answer in the first screen and the questions as scannable lists; the
contradiction table as cards on a phone (nothing scrolls sideways) and as a full-width table
on a desktop, without layout shift; the timeline as one chronology; a claim page's verdict
first. Every test also fails on a request to another host or a console error (conftest.py).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from site_plugins.dossier.records.model import date_mid
from site_plugins.dossier.records.values import format_date

from . import dossier_data
from .conftest import Site
from .harness import DESKTOP, PHONE

pytestmark = pytest.mark.browser

ARTICLE = "article.md-content__inner"
CARDS = "#conflicts-table > tbody > tr"


@pytest.fixture
def phone(new_context: Any) -> Page:
    return new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()


@pytest.fixture
def desktop(new_context: Any) -> Page:
    return new_context(viewport=DESKTOP).new_page()


def _words(text: str) -> str:
    return " ".join(text.split())


def _plain(markdown: str) -> str:
    """Editor Markdown as the page shows it in text (links and emphasis marks gone)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return _words(re.sub(r"[*_`]", "", text))


# -- home --------------------------------------------------------------------------------
def test_the_short_answer_comes_first_in_reading_type_on_a_phone(phone: Page, dossier_site: Site) -> None:
    summary = _plain(dossier_site.data()["dossier"]["summary"])
    phone.goto("")
    found = phone.evaluate(
        """() => {
          const article = document.querySelector('article.md-content__inner');
          const h1 = article.querySelector('h1');
          const box = document.querySelector('.dossier-short-answer');
          // What follows the title (Material's edit button sits before it).
          let next = h1.nextElementSibling;
          const byLength = (a, b) => b.textContent.length - a.textContent.length;
          const p = [...box.querySelectorAll('p')].sort(byLength)[0];
          const r = p.getBoundingClientRect();
          return {next: next === box, text: box.textContent, bottom: r.bottom, height: innerHeight,
                  size: parseFloat(getComputedStyle(p).fontSize),
                  body: parseFloat(getComputedStyle(article).fontSize)};
        }"""
    )
    assert found["next"], "the short answer is not the first thing under the title"
    assert summary in _words(found["text"])
    assert found["bottom"] <= found["height"], (
        f"the short answer ends at {found['bottom']} px, below the first screen"
    )
    assert found["size"] >= 17 and found["size"] >= found["body"], found


def test_home_lists_each_question_with_its_status_and_one_line_answer(
    phone: Page, dossier_site: Site
) -> None:
    data = dossier_site.data()
    phone.goto("")
    items = phone.eval_on_selector_all(
        f"{ARTICLE} li.dossier-answer",
        """lis => lis.map((li) => ({
             href: li.querySelector('a').getAttribute('href'),
             question: li.querySelector('a').textContent,
             text: li.textContent,
             answer: li.querySelector('.dossier-answer__text').textContent,
           }))""",
    )
    by_href = {item["href"]: item for item in items}
    assert len(items) == len(data["questions"]) == len(by_href)
    for question in data["questions"]:
        item = by_href[f"questions/{question['id']}/"]
        assert _words(item["question"]) == _words(question["text"])
        assert question["status"].capitalize() in item["text"]
        # The one-line answer is the assessment's opening sentence (the page of the question has it all).
        answer = _words(item["answer"])
        assessment = _plain(question["assessment"])
        assert answer and assessment.startswith(answer), (question["id"], answer)
        assert answer == assessment or assessment[len(answer)] == " ", (question["id"], answer)
    # The date the answers were assessed is said once, not on every question.
    dates = [q["assessed"] for q in data["questions"]]
    common = max(set(dates), key=lambda d: (dates.count(d), d))
    article = _words(phone.locator(ARTICLE).inner_text())
    assert article.count(format_date(common)) == 1


# -- the contradiction table ---------------------------------------------------------------
def _sideways(page: Page) -> list[str]:
    """Elements of the article wider than their box or than the screen (what would scroll);
    text kept for screen readers only (a 1 px box) does not count."""
    return page.evaluate(
        """() => {
          const w = document.documentElement.clientWidth;
          const shown = (e) => {
            for (; e; e = e.parentElement) if (e.getBoundingClientRect().width <= 1) return false;
            return true;
          };
          return [...document.querySelectorAll('article.md-content__inner *')]
            .filter((e) => { const r = e.getBoundingClientRect();
                             const scrolls = e.scrollWidth > e.clientWidth + 1
                                             && getComputedStyle(e).overflowX !== 'visible';
                             return r.width > 1 && shown(e) && (r.right > w + 0.5 || scrolls); })
            .slice(0, 5).map((e) => e.tagName + '.' + e.className);
        }"""
    )


def test_each_conflict_is_one_card_and_nothing_scrolls_sideways_on_a_phone(
    phone: Page, dossier_site: Site
) -> None:
    conflicts = dossier_data.expected_conflicts(dossier_site.claims_file)
    assert conflicts
    claims = {c["id"]: c for c in dossier_site.data()["claims"]}
    phone.goto("conflicts/")
    assert phone.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert not _sideways(phone), _sideways(phone)
    cards = phone.locator(CARDS)
    expect(cards).to_have_count(len(conflicts))
    # One card per conflict, as wide as the article, its parts one under the other: the
    # question, A says, against, B says, why, status.
    for conflict in conflicts[:: max(1, len(conflicts) // 6)]:
        card = phone.locator(f"[id='conflict-{conflict.id}']")
        card.scroll_into_view_if_needed()
        shape = card.evaluate(
            """(tr) => {
              const cells = [...tr.cells].map((c) => c.getBoundingClientRect());
              const r = tr.getBoundingClientRect();
              return {width: r.width, article: tr.closest('article').getBoundingClientRect().width,
                      stacked: cells.slice(0, 4)
                        .every((c, i, all) => i === 0 || c.top >= all[i - 1].bottom - 1),
                      against: getComputedStyle(tr.querySelector('.dossier-cards__against')).display};
            }"""
        )
        assert shape["stacked"] and shape["width"] > 0.9 * shape["article"], (conflict.id, shape)
        assert shape["against"] != "none", conflict.id
        text = _words(card.text_content() or "")  # (innerText is empty until a card is laid out)
        for side in (claims[conflict.a], claims[conflict.b]):
            assert _words(side["statement"]) in text, (conflict.id, side["id"])
            assert format_date(side["made"]) in text, (conflict.id, side["id"])
        assert _words(conflict.why) in text


def test_on_a_desktop_the_table_is_full_width_with_every_column_visible(
    desktop: Page, dossier_site: Site
) -> None:
    desktop.goto("conflicts/")
    layout = desktop.evaluate(
        """() => {
          const table = document.getElementById('conflicts-table');
          const heads = [...table.tHead.rows[0].cells].map((th) => {
            const r = th.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return {name: th.textContent.trim(), left: r.left, right: r.right, width: r.width,
                    shown: th.contains(hit)};
          });
          const sidebars = [...document.querySelectorAll('.md-sidebar')]
            .filter((s) => s.getBoundingClientRect().width > 0 && getComputedStyle(s).display !== 'none');
          const outer = table.parentElement;
          return {heads, view: document.documentElement.clientWidth,
                  table: table.getBoundingClientRect().width,
                  grid: document.querySelector('.md-main__inner').getBoundingClientRect().width,
                  sidebars: sidebars.length, wrap: outer.scrollWidth - outer.clientWidth};
        }"""
    )
    names = [h["name"] for h in layout["heads"]]
    assert names[:3] == ["Question", "Claim A", "Claim B"] and "Status" in names and "Type" in names
    for head in layout["heads"]:
        assert head["left"] >= 0 and head["right"] <= layout["view"], head
        assert head["width"] >= 70, head  # no column squeezed to nothing
        assert head["shown"], head  # the heading is seen (and clicked to sort), not clipped away
    assert layout["sidebars"] == 0, "an empty side column takes room from the table"
    assert layout["table"] >= 0.9 * layout["grid"], layout
    assert layout["wrap"] <= 0, "the table scrolls sideways"
    assert not _sideways(desktop), _sideways(desktop)


def test_on_a_desktop_a_question_pages_claims_have_their_column_headings(
    desktop: Page, dossier_site: Site
) -> None:
    """On a phone the headings are for screen readers only; on a desktop the rows are a table."""
    question = next(iter(dossier_site.data()["questions"]))["id"]
    desktop.goto(f"questions/{question}/")
    heads = desktop.evaluate(
        """() => [...document.querySelectorAll('table.dossier-rows > thead th')].map((th) => {
             const r = th.getBoundingClientRect();
             th.scrollIntoView({block: 'center'});
             const s = th.getBoundingClientRect();
             const hit = document.elementFromPoint(s.left + s.width / 2, s.top + s.height / 2);
             return {name: th.textContent.trim(), height: r.height, shown: th.contains(hit)};
           })"""
    )
    assert heads, "the question page has no table of claims"
    for head in heads:
        assert head["height"] >= 10 and head["shown"], head


LAYOUT_SHIFT = """async () => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
  }).observe({type: 'layout-shift', buffered: true});
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return total;
}"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_table_page_does_not_shift_as_it_loads(
    new_context: Any, dossier_site: Site, viewport: str
) -> None:
    size = PHONE if viewport == "phone" else DESKTOP
    page = new_context(viewport=size, is_mobile=viewport == "phone").new_page()
    # A slow script must not move the page: hold the filter script back until the page is painted.
    release: list[Any] = []
    page.route("**/dossier-filters.js", lambda route: release.append(route))
    page.goto("conflicts/", wait_until="commit")  # the held script blocks the rest of the load
    form = page.locator("form[data-dossier-filters]")
    expect(form).to_be_visible()
    before = form.bounding_box()
    page.wait_for_timeout(300)
    assert release, "the filter script was not requested"
    release[0].continue_()
    page.wait_for_load_state("load")
    expect(form.locator("[data-filter-count]")).to_have_text(re.compile(r"^\d+ of \d+ shown$"))
    assert form.bounding_box() == before
    assert page.evaluate(LAYOUT_SHIFT) == 0


def test_the_table_is_complete_without_javascript_on_a_phone(new_context: Any, dossier_site: Site) -> None:
    page = new_context(viewport=PHONE, is_mobile=True, java_script_enabled=False).new_page()
    conflicts = dossier_data.expected_conflicts(dossier_site.claims_file)
    page.goto("conflicts/")
    expect(page.locator("form[data-dossier-filters]")).to_be_hidden()
    cards = page.locator(CARDS)
    expect(cards).to_have_count(len(conflicts))
    heights = cards.evaluate_all("rs => rs.map((r) => r.getBoundingClientRect().height)")
    assert min(heights) > 50, "a card has no height"
    assert not _sideways(page)


# -- the timeline --------------------------------------------------------------------------
def test_the_timeline_is_one_chronology_filterable_by_question(phone: Page, dossier_site: Site) -> None:
    data = dossier_site.data()
    phone.goto("timeline/")
    entries = phone.eval_on_selector_all(
        f"{ARTICLE} li.dossier-entry",
        """lis => lis.map((li) => ({
             datetime: li.querySelector('time[datetime]')?.getAttribute('datetime'),
             question: li.dataset.question,
             claim: li.querySelector('a[href*="/claims/"]').getAttribute('href'),
           }))""",
    )
    assert len(entries) == len(data["claims"]), "every claim once, in one list"
    made = {c["id"]: c["made"] for c in data["claims"]}
    for entry in entries:
        claim_id = entry["claim"].rstrip("/").rsplit("/", 1)[-1]
        assert entry["datetime"] == made[claim_id], entry
    days = [date_mid(e["datetime"]) for e in entries]
    assert days == sorted(days), "not in date order"
    assert len({e["question"] for e in entries}) > 1, "the chronology mixes questions"
    assert not _sideways(phone)

    # Filter by the question with the fewest claims: only its entries, and only their dates, remain.
    counts = {q: sum(e["question"] == q for e in entries) for q in {e["question"] for e in entries}}
    choice = min(counts, key=lambda q: (counts[q], q))
    select = phone.locator("form[data-dossier-filters] select[data-filter='question']")
    select.select_option(choice)
    visible = phone.locator(f"{ARTICLE} li.dossier-entry:visible")
    expect(visible).to_have_count(counts[choice])
    assert set(visible.evaluate_all("ls => ls.map((l) => l.dataset.question)")) == {choice}
    days_shown = phone.locator(f"{ARTICLE} section.dossier-day:visible")
    expect(days_shown).to_have_count(len({e["datetime"] for e in entries if e["question"] == choice}))
    expect(phone.locator("form[data-dossier-filters] [data-filter-count]")).to_have_text(
        f"{counts[choice]} of {len(entries)} shown"
    )


# -- claim pages ---------------------------------------------------------------------------
def _claim_to_show(data: dict[str, Any]) -> dict[str, Any]:
    """A claim with an as-of date and tags (or the one with most of the two): every part of the verdict."""
    return max(
        data["claims"],
        key=lambda c: (bool(c["value"].get("as_of")), bool(c.get("tags")), len(c["citations"])),
    )


def test_a_claim_page_opens_with_its_verdict(phone: Page, dossier_site: Site) -> None:
    data = dossier_site.data()
    claim = _claim_to_show(data)
    actors = {a["id"]: a for a in data["actors"]}
    lines = dossier_data.claim_lines(dossier_site.claims_file)
    phone.goto(f"claims/{claim['id']}/")
    verdict = phone.locator(f"{ARTICLE} .dossier-verdict")
    expect(verdict).to_be_in_viewport(ratio=1)
    first = phone.evaluate(
        """() => { const h1 = document.querySelector('article h1');
                   return h1.nextElementSibling === document.querySelector('.dossier-verdict')
                          && !h1.previousElementSibling?.matches('nav.md-tags:not([hidden])'); }"""
    )
    assert first, "the verdict is not the first thing under the statement (or tags come first)"
    text = _words(verdict.inner_text())
    assert claim["status"].capitalize() in text
    assert actors[claim["actor"]]["name"] in text
    assert format_date(claim["made"]) in text
    if claim["value"].get("as_of"):
        assert f"as of {format_date(claim['value']['as_of'])}" in text
    # Tags by their names, linked to the tags page; no raw id on show.
    topics = phone.locator(f"{ARTICLE} .dossier-topics a")
    names = [_words(t) for t in topics.all_inner_texts()]
    assert len(names) == len(set(claim["tags"]))
    for tag, name in zip(sorted(claim["tags"]), names, strict=True):
        assert name == " ".join(w.capitalize() for w in tag.split("-")), (tag, name)
    # The editorial record only in the small footer for editors, at the end.
    footer = phone.locator(f"{ARTICLE} footer.dossier-for-editors")
    expect(footer).to_contain_text(claim["id"])
    expect(footer).to_contain_text(f"line {lines[claim['id']]} of")
    expect(footer.locator("a.dossier-edit")).to_have_count(1)
    # (The citation's permanent address names the claim's page, whose address is its id.)
    before_footer = _words(
        phone.evaluate(
            """() => {
              const hidden = [...document.querySelectorAll('footer.dossier-for-editors, .dossier-cite')];
              hidden.forEach((e) => { e.style.display = 'none'; });
              const text = document.querySelector('article').innerText;
              hidden.forEach((e) => { e.style.display = ''; });
              return text;
            }"""
        )
    )
    assert f"line {lines[claim['id']]}" not in before_footer and claim["id"] not in before_footer
    footer_is_last = phone.evaluate(
        """() => { const f = document.querySelector('footer.dossier-for-editors');
                   const after = (e) => e.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_PRECEDING;
                   return [...document.querySelectorAll('article > *')]
                     .filter((e) => after(e) && e.offsetHeight).length === 0; }"""
    )
    assert footer_is_last, "something readers need comes after the editors' footer"


def test_source_boxes_of_a_claim_page_have_one_width(desktop: Page, dossier_site: Site) -> None:
    data = dossier_site.data()
    claim = max(
        data["claims"], key=lambda c: (len({x["source"] for x in c["citations"]}), len(c["citations"]))
    )
    desktop.goto(f"claims/{claim['id']}/")
    for details in desktop.locator(f"{ARTICLE} details.dossier-source-details").all():
        details.locator("summary").click()
    widths = desktop.eval_on_selector_all(
        f"{ARTICLE} figure.dossier-citation, {ARTICLE} details.dossier-source-details",
        "els => els.map((e) => [e.tagName, Math.round(e.getBoundingClientRect().width)])",
    )
    figures = {w for tag, w in widths if tag == "FIGURE"}
    boxes = {w for tag, w in widths if tag == "DETAILS"}
    assert len(claim["citations"]) == len([1 for tag, _w in widths if tag == "FIGURE"])
    assert len(figures) == 1 and len(boxes) <= 1, widths


def test_values_show_their_as_of_date_in_the_table_and_on_the_question_page(
    page: Page, dossier_site: Site
) -> None:
    data = dossier_site.data()
    conflicts = dossier_data.expected_conflicts(dossier_site.claims_file)
    dated = {c["id"]: c for c in data["claims"] if c["value"].get("as_of")}
    assert dated, "no claim has an as-of date"
    in_table = [(x, dated[side]) for x in conflicts for side in (x.a, x.b) if side in dated]
    page.goto("conflicts/")
    for conflict, claim in in_table:
        text = _words(page.locator(f"[id='conflict-{conflict.id}']").text_content() or "")
        assert f"as of {format_date(claim['value']['as_of'])}" in text, conflict.id
    claim = next(iter(dated.values()))
    page.goto(f"questions/{claim['question']}/")
    row = page.locator(
        f"{ARTICLE} table.dossier-rows tr", has=page.locator(f"a[href$='claims/{claim['id']}/']")
    )
    expect(row).to_contain_text(f"as of {format_date(claim['value']['as_of'])}")
