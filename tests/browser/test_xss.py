"""Hostile text in every free-text field never becomes script, handlers, frames or forms, in
Chromium.

The hostile dossier (``tests/fixtures/hostile/claims.yaml``, written by
``tests/hardening/vectors.py``) carries OWASP XSS filter-evasion vectors in every free-text
field. ``tests/hardening/test_hostile_text.py`` checks that it does, and reads every page's
HTML; here the same fixture is built (quotes unchecked) and every page is loaded in Chromium:
no dialog may open, no injected element or attribute may appear once the theme's scripts have
run, no page may navigate away or reach another host, and Material's search results show the
text as text too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures import HOSTILE
from hardening import kit
from playwright.sync_api import expect

from .harness import Monitor, bind_server, build_or_raise, server_url, serving

pytestmark = pytest.mark.browser

NO_SNAPSHOTS = {"DOSSIER_SNAPSHOTS": ""}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = kit.write_project(tmp_path_factory.mktemp("hostile"), HOSTILE.read_text(encoding="utf-8"))
    site_dir = root / "site"
    site_dir.mkdir()
    server = bind_server(site_dir)
    # The site's address is the served one (claim pages name absolute addresses: the oEmbed
    # link, beside which Material's script looks for a sitemap).
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(kit.SITE_URL, server_url(server)), encoding="utf-8"
    )
    try:
        build_or_raise(config, site_dir, env=NO_SNAPSHOTS)
    except BaseException:
        server.server_close()
        raise
    with serving(server) as url:
        yield url, site_dir


# ---------------------------------------------------------------------------------------------
# In the browser
# ---------------------------------------------------------------------------------------------

#: Forms the site itself puts in pages: Material's search and palette switch, the table filters.
OWN_FORMS = "form.md-search__form, form.md-header__option, form[data-dossier-filters]"

INJECTED = r"""
() => {
  const found = [];
  const where = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                        (el.className && typeof el.className === 'string' ? '.' + el.className : '');
  const bad = /^\s*(javascript|vbscript|data)\s*:/i;
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background',
                    'srcdoc'];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${where(el)} has event handler ${name}="${attr.value}"`);
      if (urlAttrs.includes(name) && bad.test(attr.value.replace(/[\u0000-\u0020]/g, '')))
        found.push(`${where(el)} has ${name}="${attr.value}"`);
      if (name === 'style' && /javascript|position\s*:\s*fixed|url\(/i.test(attr.value))
        found.push(`${where(el)} has style="${attr.value}"`);
    }
  }
  for (const el of document.querySelectorAll('iframe, frame, frameset, object, embed, applet, base, ' +
                                             'meta[http-equiv], math, details[ontoggle]'))
    found.push(`injected element ${where(el)}`);
  for (const el of document.querySelectorAll('form')) if (!el.matches(OWN_FORMS))
    found.push(`injected form ${where(el)}`);
  const controls = 'article input, article button, article textarea, article select';
  for (const el of document.querySelectorAll(controls))
    if (!el.closest(OWN_FORMS)) found.push(`injected control ${where(el)}`);
  for (const el of document.querySelectorAll('article style, article link, article img[src="x"]'))
    found.push(`injected element ${where(el)}`);
  for (const el of document.querySelectorAll('svg script, svg a, svg [onload]'))
    found.push(`injected svg content ${where(el)}`);
  for (const el of document.querySelectorAll('script')) {
    const type = (el.type || 'text/javascript').toLowerCase();
    if (el.src) {
      if (!el.src.startsWith(location.origin + '/') || el.textContent.trim())
        found.push(`foreign or mixed script ${el.src}`);
    } else if (type === 'application/json' || type === 'application/ld+json') {
      try { JSON.parse(el.textContent); } catch (e) { found.push(`unparseable ${type} script: ${e}`); }
    } else if (/alert|INJ/.test(el.textContent)) {
      found.push(`injected inline script: ${el.textContent.slice(0, 80)}`);
    }
  }
  if (/INJ49/.test(document.documentElement.innerHTML)) found.push('template expression evaluated (INJ49)');
  return found;
}
""".replace("OWN_FORMS", json.dumps(OWN_FORMS))


def test_no_hostile_text_becomes_markup_in_any_page(
    browser: Any, hostile_site: tuple[str, Path], monitor: Monitor
) -> None:
    url, site_dir = hostile_site
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    for expected in (
        "index.html",
        "claims/few-sent/index.html",
        "conflicts/index.html",
        "sources/index.html",
    ):
        assert expected in pages, pages
    context = monitor.watch(browser.new_context(base_url=url, viewport={"width": 1280, "height": 800}))
    page = context.new_page()
    problems = []
    for path in pages:
        page.goto(path, wait_until="load")
        # Give handlers that fire on their own (autofocus, ontoggle, meta refresh) and on
        # hover a chance to run, then look at the DOM.
        page.mouse.move(640, 400)
        page.mouse.move(200, 600)
        page.wait_for_timeout(50)
        problems += [f"/{path}: {p}" for p in page.evaluate(INJECTED)]
        assert page.url == url + path, f"/{path} navigated away to {page.url}"
    context.close()
    assert not monitor.dialogs, f"dialogs opened: {monitor.dialogs}"
    assert not problems, f"{len(problems)} injected:\n" + "\n".join(problems[:40])
    assert monitor.requests and not monitor.foreign_requests(), monitor.foreign_requests()


def test_search_results_show_hostile_text_as_text(
    browser: Any, hostile_site: tuple[str, Path], monitor: Monitor
) -> None:
    """Material's search renders snippets of the indexed pages: they must stay text too."""
    url, _ = hostile_site
    context = monitor.watch(browser.new_context(base_url=url, viewport={"width": 1280, "height": 800}))
    page = context.new_page()
    page.goto("")
    search = page.locator("input.md-search__input")
    for word in ("onerror", "Statement", "Quote", "Name"):
        search.click()
        search.fill("")
        search.press_sequentially(word, delay=10)
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
        for more in page.locator(".md-search-result__more > summary").all():
            more.click()
        page.mouse.move(640, 300)
        found = page.evaluate(INJECTED)
        assert not found, f"searching {word!r}: {found}"
    context.close()
    assert not monitor.dialogs, monitor.dialogs
