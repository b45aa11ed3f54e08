"""Sharing a claim, in a real build of the fixture dossier: link-preview cards on every page,
the embeddable card of each claim with its snippet and oEmbed file, and "Cite this claim"."""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
from pathlib import Path
from typing import Any

from fixtures import MINI_DIR
from PIL import Image

SITE_URL = "http://127.0.0.1:8000/"
CLAIMS = ["count-12", "count-40", "lit-no", "lit-yes", "owner-city", "owner-guild"]


def _meta(page: str, key: str) -> str:
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', page)
    assert match, key
    return html_lib.unescape(match.group(1))


def _local(site: Any, address: str) -> Path:
    assert address.startswith(SITE_URL), address
    return site.site_dir / address[len(SITE_URL) :]


def test_every_page_has_a_large_card_image_that_exists(mini: Any) -> None:
    pages = sorted(mini.site_dir.rglob("index.html"))
    assert len(pages) > 15
    for path in pages:
        page = path.read_text(encoding="utf-8")
        image = _local(mini, _meta(page, "og:image"))
        assert image.is_file(), (path, image)
        assert Image.open(image).size == (1200, 630)
        assert _meta(page, "og:image:alt")
        assert _meta(page, "twitter:card") == "summary_large_image"


def test_a_claim_page_has_its_own_card_naming_status_statement_and_who(mini: Any) -> None:
    page = mini.page("claims/count-40/")
    assert "/cards/claims/count-40-" in _meta(page, "og:image")
    alt = _meta(page, "og:image:alt")
    assert alt.startswith("Disputed: There are at least 40 lanterns")
    home = mini.page("")
    assert "/cards/site-" in _meta(home, "og:image")
    assert "/cards/questions/how-many-lanterns-" in _meta(
        mini.page("questions/how-many-lanterns/"), "og:image"
    )


def test_each_claim_has_a_small_standalone_embed_without_scripts_or_other_hosts(mini: Any) -> None:
    for claim_id in CLAIMS:
        path = mini.site_dir / "embed" / f"{claim_id}.html"
        raw = path.read_bytes()
        assert len(raw) < 20_000, claim_id
        text = raw.decode("utf-8")
        assert "<script" not in text.lower()
        # No address outside the site: every href and src is relative.
        for address in re.findall(r'(?:href|src)="([^"]*)"', text):
            assert not re.match(r"^[a-z]+:|^//", address), (claim_id, address)
        assert "prefers-color-scheme:dark" in text
        assert f'href="../claims/{claim_id}/"' in text
    embed = (mini.site_dir / "embed" / "count-40.html").read_text(encoding="utf-8")
    assert "There are at least 40 lanterns" in embed
    assert "<blockquote>\n<p>at least 40 lanterns</p>" in embed
    assert "Disputed" in embed and "Coast Wire" in embed


def test_the_claim_page_offers_the_iframe_snippet_and_oembed_discovery(mini: Any) -> None:
    page = mini.page("claims/count-40/")
    snippet = html_lib.unescape(re.search(r"<pre><code>(&lt;iframe.*?)</code></pre>", page, re.S).group(1))
    assert f'src="{SITE_URL}embed/count-40.html"' in snippet
    assert 'sandbox="allow-popups allow-popups-to-escape-sandbox"' in snippet
    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page)
    assert link
    oembed = json.loads(_local(mini, link.group(1)).read_text(encoding="utf-8"))
    assert oembed["type"] == "rich" and oembed["version"] == "1.0"
    assert oembed["html"] == snippet
    assert oembed["provider_name"] == "Lanterns: a test dossier"


def test_cite_this_claim_gives_the_text_and_a_csl_json_download(mini: Any) -> None:
    page = mini.content("claims/count-40/")
    assert 'id="cite"' in page
    text = html_lib.unescape(re.search(r'<p class="dossier-cite__text">(.*?)</p>', page, re.S).group(1))
    assert text.startswith("“There are at least 40 lanterns")
    assert "Lanterns: a test dossier" in text and text.endswith(f"{SITE_URL}claims/count-40/")
    href = re.search(r'<a href="([^"]+)" download="count-40.json"', page).group(1)
    assert href == "../../cite/count-40.json"
    items = json.loads((mini.site_dir / "cite" / "count-40.json").read_text(encoding="utf-8"))
    assert items[0]["URL"] == f"{SITE_URL}claims/count-40/"
    assert items[0]["type"] == "webpage" and items[0]["title"].startswith("There are at least 40 lanterns")


def test_a_rebuild_copies_the_unchanged_cards_byte_for_byte(build_site: Any, tmp_path: Path) -> None:
    site_dir = tmp_path / "again"
    first = build_site(MINI_DIR, site_dir=site_dir)
    before = {p.relative_to(site_dir): p.read_bytes() for p in (site_dir / "cards").rglob("*.png")}
    assert len(before) == 1 + 3 + len(CLAIMS)  # the site, each question and each claim
    assert any(f"Social cards: {len(before)} drawn, 0 unchanged" in m for m in first.messages)
    second = build_site(MINI_DIR, site_dir=site_dir)
    after = {p.relative_to(site_dir): p.read_bytes() for p in (site_dir / "cards").rglob("*.png")}
    assert after == before
    assert any(f"Social cards: 0 drawn, {len(before)} unchanged" in m for m in second.messages)


def test_a_site_folder_holding_only_the_last_cards_spares_drawing_them(
    build_site: Any, tmp_path: Path
) -> None:
    """The Pages workflow restores the last deploy's ``site/cards`` from its cache before the
    build: the build takes every unchanged card from there and publishes a whole site."""
    first_dir, restored = tmp_path / "first", tmp_path / "restored"
    build_site(MINI_DIR, site_dir=first_dir)
    before = {p.relative_to(first_dir): p.read_bytes() for p in (first_dir / "cards").rglob("*.png")}
    shutil.copytree(first_dir / "cards", restored / "cards")
    second = build_site(MINI_DIR, site_dir=restored)
    assert any(f"Social cards: 0 drawn, {len(before)} unchanged" in m for m in second.messages)
    after = {p.relative_to(restored): p.read_bytes() for p in (restored / "cards").rglob("*.png")}
    assert after == before
    assert (restored / "index.html").is_file() and (restored / "claims" / "count-40" / "index.html").is_file()
