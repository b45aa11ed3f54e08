"""The editors' page on text fields says what the code does.

The page is ``content/editors/text-fields.md`` once it is in the site's navigation; until then
its text is kept beside this test (``text-fields.md``), since a page outside the navigation
fails the strict build.
"""

from __future__ import annotations

import re
from pathlib import Path

from site_plugins.dossier.site.sanitise import ALLOWED_TAGS, MARKDOWN_FIELDS, URL_SCHEMES

from .kit import REPO, free_text_fields

PUBLISHED = REPO / "content" / "editors" / "text-fields.md"
DRAFT = Path(__file__).with_name("text-fields.md")
PAGE = PUBLISHED if PUBLISHED.is_file() else DRAFT


def _section(title: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def test_the_markdown_fields_are_the_ones_the_renderer_sanitises() -> None:
    listed = re.findall(r"^\| `([^`]+)` \|", _section("Markdown fields"), flags=re.M)
    assert sorted(listed) == sorted(MARKDOWN_FIELDS)


def test_every_other_free_text_field_is_listed_as_plain_text() -> None:
    markdown = {name.rsplit(".", 1)[-1] for name in MARKDOWN_FIELDS}
    plain_section = _section("Plain-text fields")
    missing = [
        f"{record}.{prop}"
        for record, props in sorted(free_text_fields().items())
        for prop in sorted(props)
        if f"`{prop}`" not in plain_section and prop not in markdown
    ]
    assert not missing, f"free-text fields the page does not mention: {missing}"


def test_the_page_names_what_the_sanitiser_allows() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for scheme in URL_SCHEMES:
        assert f"`{scheme}:" in text
    assert "nh3" in text
    # The page promises no images and no style: the sanitiser keeps neither.
    assert "img" not in ALLOWED_TAGS and "style" not in ALLOWED_TAGS
