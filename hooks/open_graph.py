"""Link previews for this dossier: Open Graph and Twitter card tags on every page.

Site-specific glue: when someone shares a page of this dossier, the preview names the dossier
and the page. The image (``og:image``, ``twitter:card``) is the dossier plugin's: each page's
social card. (The dossier plugin knows nothing of social networks; a second dossier may want
other tags or none.)
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def _tag(prop: str, content: str, attr: str = "property") -> str:
    return f'<meta {attr}="{prop}" content="{html.escape(content, quote=True)}">'


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    site_name = config.site_name
    # page.title arrives HTML-escaped from the dossier's front matter; unescape, re-escape once.
    title = html.unescape(str(page.title or site_name))
    meta: Mapping[str, Any] = page.meta or {}
    description = html.unescape(str(meta.get("description") or config.site_description or ""))
    tags = [
        _tag("og:site_name", site_name),
        _tag("og:title", title),
        _tag("og:type", "article" if not page.is_homepage else "website"),
    ]
    if description:
        tags.append(_tag("og:description", description))
    if page.canonical_url:
        tags.append(_tag("og:url", page.canonical_url))
    head_end = output.find("</head>")
    if head_end < 0:
        return output
    return output[:head_end] + "\n".join(tags) + "\n" + output[head_end:]
