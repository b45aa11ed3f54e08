"""Sharing a claim, in Chromium: the embeddable card inside another page's iframe, the social
card image, and axe on the embed in light and dark. The monitor fails any test whose pages make
a request to another host or log a console error."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

from .conftest import Site
from .harness import PHONE

pytestmark = pytest.mark.browser

SCHEMES = ("light", "dark")


def _claim_ids(site: Site) -> list[str]:
    return sorted(c["id"] for c in site.data()["claims"])


def _snippet(site: Site, claim_id: str) -> str:
    page = (site.root / "claims" / claim_id / "index.html").read_text(encoding="utf-8")
    match = re.search(r"<pre><code>(&lt;iframe.*?)</code></pre>", page, re.S)
    assert match, claim_id
    return html.unescape(match.group(1))


def test_the_copied_snippet_shows_the_claim_inside_another_page(new_context: Any, dossier_site: Site) -> None:
    claim_id = _claim_ids(dossier_site)[0]
    statement = " ".join(
        next(c for c in dossier_site.data()["claims"] if c["id"] == claim_id)["statement"].split()
    )
    page = new_context().new_page()
    page.goto("404.html")  # a page of the site's own host, whose body the newsroom's article replaces
    page.set_content(
        f"<!doctype html><title>An article</title><p>Before.</p>{_snippet(dossier_site, claim_id)}"
    )
    frame = page.frame_locator("iframe")
    frame.locator("h1").wait_for()
    assert " ".join(frame.locator("h1").inner_text().split()) == statement
    assert frame.locator("blockquote").count() == 1
    # The card fits the snippet's frame: nothing to scroll inside it.
    inner = page.frames[1]
    height = inner.evaluate("() => document.documentElement.scrollHeight")
    assert height <= 420, height
    link = frame.locator("h1 a")
    assert link.get_attribute("target") == "_blank"
    assert link.evaluate("a => a.href") == f"{dossier_site.url}claims/{claim_id}/"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_embed_has_no_accessibility_violation(
    new_context: Any, dossier_site: Site, axe_source: str, scheme: str
) -> None:
    page = new_context(color_scheme=scheme, viewport=PHONE).new_page()
    found = []
    for claim_id in _claim_ids(dossier_site)[:3]:
        page.goto(f"embed/{claim_id}.html")
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        assert background == ("rgb(255, 255, 255)" if scheme == "light" else "rgb(30, 32, 41)")
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        )
        found += [f"{claim_id} [{scheme}]: {v['id']}: {v['help']}" for v in violations]
    assert not found, "\n".join(found)


def test_a_social_card_renders_as_a_1200_by_630_image(new_context: Any, dossier_site: Site) -> None:
    claim_id = _claim_ids(dossier_site)[0]
    page = new_context().new_page()
    page.goto(f"claims/{claim_id}/")
    image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert image and image.startswith(f"{dossier_site.url}cards/claims/{claim_id}-")
    size = page.evaluate(
        """async (src) => {
            const image = new Image();
            image.src = src;
            await image.decode();
            return [image.naturalWidth, image.naturalHeight];
        }""",
        image,
    )
    assert size == [1200, 630]
