"""The contradiction table in Chromium: it sorts, it filters, and it is whole without JavaScript."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from . import dossier_data
from .conftest import Site

pytestmark = pytest.mark.browser

TABLE = "#conflicts-table"
ROWS = f"{TABLE} > tbody > tr"


def _column_keys(page: Page, index: int) -> list[str]:
    """Each visible row's sort key in column ``index``, as tablesort reads it."""
    return page.eval_on_selector_all(
        ROWS,
        """(rows, i) => rows.filter((r) => !r.hidden).map((r) => {
             const c = r.cells[i];
             return (c.getAttribute('data-sort') || c.textContent || '').trim().toLowerCase();
           })""",
        index,
    )


def _header(page: Page, name: str) -> tuple[int, Locator]:
    headers = page.locator(f"{TABLE} > thead th")
    names = [h.strip() for h in headers.all_inner_texts()]
    assert name in names, names
    return names.index(name), headers.nth(names.index(name))


def test_table_sorts_when_a_header_is_clicked(page: Page, dossier_site: Site) -> None:
    page.goto("conflicts/")
    expect(page.locator(ROWS).first).to_be_visible()
    # The first of these columns whose values differ between rows shows sorting best.
    for name in ("Question", "Type", "Status"):
        index, header = _header(page, name)
        if len(set(_column_keys(page, index))) > 1:
            break
    else:
        pytest.fail("every column holds one value: too few conflicts to show sorting")
    original = _column_keys(page, index)

    header.click()
    first = header.get_attribute("aria-sort")
    assert first in ("ascending", "descending"), first
    keys = _column_keys(page, index)
    assert keys == sorted(original, reverse=first == "descending"), keys

    header.click()
    second = header.get_attribute("aria-sort")
    assert {first, second} == {"ascending", "descending"}
    assert _column_keys(page, index) == sorted(original, reverse=second == "descending")
    assert _column_keys(page, index) != keys  # the click changed the order

    # The rows moved as wholes: each row's question link still matches its data-question.
    mismatched = page.eval_on_selector_all(
        ROWS,
        """rows => rows.filter((r) => !r.cells[0].querySelector('a').href
                                          .includes('/questions/' + r.dataset.question + '/'))
                         .map((r) => r.id)""",
    )
    assert not mismatched, mismatched


def test_table_sorts_from_the_keyboard(page: Page, dossier_site: Site) -> None:
    """A reader without a mouse reaches a header with Tab and sorts with Enter."""
    page.goto("conflicts/")
    index, header = _header(page, "Question")
    original = _column_keys(page, index)
    for _ in range(200):
        page.keyboard.press("Tab")
        if header.evaluate("h => h === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reaches the Question header")
    page.keyboard.press("Enter")
    order = header.get_attribute("aria-sort")
    assert order in ("ascending", "descending"), order
    assert _column_keys(page, index) == sorted(original, reverse=order == "descending")


def _visible_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ROWS, "rows => rows.filter((r) => !r.hidden && r.offsetParent !== null).map((r) => r.id)"
    )


@pytest.mark.parametrize("attribute", ["question", "actors"])
def test_table_filters_hide_the_other_rows(page: Page, dossier_site: Site, attribute: str) -> None:
    page.goto("conflicts/")
    select = page.locator(f"form[data-dossier-filters] select[data-filter='{attribute}']")
    expect(select).to_be_visible()
    every = _visible_ids(page)
    assert every, "the table is empty"
    rows = page.eval_on_selector_all(ROWS, f"rows => rows.map((r) => [r.id, r.dataset['{attribute}']])")
    values = [v for v in select.locator("option").evaluate_all("os => os.map((o) => o.value)") if v]
    # The option that keeps the fewest rows, but at least one: the filter must hide something.
    matching = {v: [rid for rid, have in rows if v in have.split()] for v in values}
    choice = min((v for v in values if matching[v]), key=lambda v: (len(matching[v]), v))
    assert len(matching[choice]) < len(every), f"no {attribute} filter hides a row"

    select.select_option(choice)
    expect(page.locator(f"{ROWS}:visible")).to_have_count(len(matching[choice]))
    assert _visible_ids(page) == matching[choice]
    count = page.locator("form[data-dossier-filters] [data-filter-count]")
    expect(count).to_contain_text(f"{len(matching[choice])} of {len(every)}")

    select.select_option("")
    expect(page.locator(f"{ROWS}:visible")).to_have_count(len(every))


@pytest.fixture
def no_js_page(new_context: Any) -> Page:
    return new_context(java_script_enabled=False).new_page()


def test_table_is_complete_and_readable_without_javascript(no_js_page: Page, dossier_site: Site) -> None:
    conflicts = dossier_data.expected_conflicts(dossier_site.claims_file)
    assert conflicts, "the dossier has no conflicts: the table cannot be checked"
    no_js_page.goto("conflicts/")
    rows = no_js_page.locator(ROWS)
    expect(rows).to_have_count(len(conflicts))
    assert sorted(rows.evaluate_all("rs => rs.map((r) => r.id)")) == sorted(
        f"conflict-{c.id}" for c in conflicts
    )
    for row in rows.all():
        expect(row).to_be_visible()
    # Every row shows both claims' statements and the why-sentence as text.
    texts = dict(zip(rows.evaluate_all("rs => rs.map((r) => r.id)"), rows.all_inner_texts(), strict=True))
    statements = {c["id"]: " ".join(c["statement"].split()) for c in dossier_site.data()["claims"]}
    for conflict in conflicts:
        text = " ".join(texts[f"conflict-{conflict.id}"].split())
        assert " ".join(conflict.why.split()) in text, conflict.id
        assert statements[conflict.a] in text and statements[conflict.b] in text, conflict.id
    # Nothing hides behind a control that needs JavaScript.
    expect(no_js_page.locator("form[data-dossier-filters]")).to_be_hidden()
    hidden_cells = no_js_page.eval_on_selector_all(
        f"{ROWS} > td",
        """cells => cells.filter((c) => {
             const s = getComputedStyle(c);
             return s.visibility !== 'visible' || s.display === 'none' || Number(s.opacity) < 0.5
                    || c.getBoundingClientRect().height === 0;
           }).length""",
    )
    assert hidden_cells == 0
