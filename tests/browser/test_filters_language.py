"""The filters in the site's language, in Chromium: the fixture dossier built with
``theme.language: ko``; the count the filter script writes as the reader filters says it in
Korean, as the page did before the script ran."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fixtures import MINI_DIR
from playwright.sync_api import expect

from .harness import REPO, bind_server, serving

ROWS = "#conflicts-table tbody tr"


@pytest.fixture(scope="module")
def korean_site(build_once: Callable[..., Any]) -> Iterator[str]:
    # The project's overrides: Material's own repository link would ask the code host's API.
    theme = {"name": "material", "language": "ko", "font": False, "custom_dir": str(REPO / "overrides")}
    # No site_url: the site is served at another address, and nothing must point elsewhere.
    site = build_once(MINI_DIR, theme=theme, site_url="")
    with serving(bind_server(site.site_dir)) as url:
        yield url


def test_the_filter_count_speaks_the_sites_language(new_context: Any, korean_site: str) -> None:
    page = new_context().new_page()
    page.goto(korean_site + "conflicts/")
    count = page.locator("form[data-dossier-filters] [data-filter-count]")
    total = page.locator(ROWS).count()
    assert total > 1, "the fixture dossier's contradiction table has too few rows to filter"
    expect(count).to_have_text(f"{total}건 중 {total}건 표시")
    select = page.locator("form[data-dossier-filters] select[data-filter='question']")
    values = [v for v in select.locator("option").evaluate_all("os => os.map((o) => o.value)") if v]
    rows = page.eval_on_selector_all(ROWS, "rows => rows.map((r) => r.dataset.question)")
    choice = min(values, key=lambda v: (rows.count(v), v))
    select.select_option(choice)
    expect(page.locator(f"{ROWS}:visible")).to_have_count(rows.count(choice))
    expect(count).to_have_text(f"{total}건 중 {rows.count(choice)}건 표시")
