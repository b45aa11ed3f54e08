"""Readings of a built site's shape, shared by the scale benchmark and the scale tests.

Everything here reads the files MkDocs wrote (``site_dir``): page HTML, the primary
navigation, the page's own article, and Material's search index. No MkDocs import.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_HREF = re.compile(r'href="([^"#?]*)')


def article_html(page: str) -> str:
    """The page's own content: Material's ``<article>``, without the theme's header, nav, footer."""
    match = _ARTICLE.search(page)
    return match.group(1) if match else ""


def visible_words(fragment: str) -> int:
    """Words a reader sees in an HTML fragment (scripts, such as JSON-LD, left out)."""
    text = html.unescape(_TAG.sub(" ", _SCRIPT.sub(" ", fragment)))
    return len(text.split())


def primary_nav(page: str) -> str:
    """The HTML of Material's primary navigation (the left sidebar) of a page."""
    start = page.find('<nav class="md-nav md-nav--primary"')
    if start < 0:
        return ""
    # The primary nav ends where the main content begins (the secondary nav or the article).
    end = page.find('<div class="md-content"', start)
    return page[start : end if end > 0 else len(page)]


def nav_links(page: str) -> list[str]:
    """Every link target in the page's primary navigation."""
    return _HREF.findall(primary_nav(page))


@dataclass(frozen=True)
class SearchIndex:
    path: Path
    size: int
    docs: list[dict[str, Any]]

    def entries_for(self, prefix: str) -> dict[str, list[dict[str, Any]]]:
        """Page location (without anchor) -> its entries, for pages under ``prefix``."""
        out: dict[str, list[dict[str, Any]]] = {}
        for doc in self.docs:
            location = doc.get("location", "")
            page = location.split("#", 1)[0]
            if page.startswith(prefix):
                out.setdefault(page, []).append(doc)
        return out


def search_index(site_dir: Path) -> SearchIndex:
    path = Path(site_dir) / "search" / "search_index.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return SearchIndex(path=path, size=path.stat().st_size, docs=list(data.get("docs", [])))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", html.unescape(_TAG.sub(" ", text)).casefold()))


def findable(statement: str, entries: list[dict[str, Any]]) -> bool:
    """Whether every word of ``statement`` is in the page's search entries (title or text)."""
    indexed: set[str] = set()
    for entry in entries:
        indexed |= _words(entry.get("title", "")) | _words(entry.get("text", ""))
    return _words(statement) <= indexed


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) under ``folder``."""
    total = count = 0
    for path in Path(folder).rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            count += 1
    return total, count
