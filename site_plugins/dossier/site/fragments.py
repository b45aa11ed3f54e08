"""The HTML of the generated pages, kept aside from Markdown: :class:`Fragments`.

A generated page's Markdown is front matter, headings and placeholders; the HTML the templates
make between the headings is kept here (see :mod:`.stash`) and put back into the HTML Markdown
made (:meth:`Fragments.page_html`). The same page rendered with ``search_view`` (what the
templates mark ``data-search-exclude`` left out) gives the search index's copy
(:meth:`Fragments.search_html`). Under ``mkdocs serve``, what a page rendered is kept in the
:class:`~.reuse.RenderCache` under the digest of its inputs, and taken from there when they
have not changed (:meth:`Fragments.reused`). No MkDocs import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from . import stash
from .reuse import RenderCache, Rendered

_SECTION_HEADING = re.compile(r"<h([2-6])\b[^>]*>.*?</h\1>", re.DOTALL)

Render = Callable[..., str]


class Fragments:
    """Every generated page's HTML fragments and search view, for one build."""

    def __init__(self, cache: RenderCache | None = None) -> None:
        #: src -> the HTML fragments of a generated page
        self._fragments: dict[str, list[str]] = {}
        #: src -> the fragments as the search index should see them
        self._search: dict[str, list[str]] = {}
        #: pages whose search view is one entry: their section headings are left out of it
        self._one_entry: set[str] = set()
        self._cache = cache

    def render(
        self,
        render: Render,
        template: str,
        here: str,
        *,
        search_view: bool = True,
        one_search_entry: bool = False,
        key: str | None = None,
        **extra: Any,
    ) -> str:
        """The page's Markdown (headings and placeholders) from ``render(template, here, ...)``;
        its fragments are kept for :meth:`page_html` and, rendered again with ``search_view``,
        for :meth:`search_html`. ``one_search_entry``: the search view has no section headings,
        so the page is one entry of the index. ``key``: the digest of the page's inputs, under
        which the cache keeps what was rendered."""
        if one_search_entry:
            self._one_entry.add(here)
        markdown, self._fragments[here] = stash.split(render(template, here, **extra))
        if search_view:
            lean_markdown, lean = stash.split(render(template, here, search_view=True, **extra))
            # The templates keep headings out of search_view's ifs.
            if stash.headings(lean_markdown) != stash.headings(markdown):
                raise AssertionError(f"{template}: the search view has other headings than the page")
            self._search[here] = lean
        if key is not None and self._cache is not None:
            lean_fragments = self._search.get(here) if search_view else None
            self._cache.put(here, Rendered(key, markdown, self._fragments[here], lean_fragments, one_search_entry))
        return markdown

    def reused(self, here: str, key: str | None) -> str | None:
        """The page's Markdown from the last build, its fragments put back (None: render it)."""
        found = self._cache.get(here, key) if self._cache is not None and key is not None else None
        if found is None:
            return None
        self._fragments[here] = found.fragments
        if found.search_fragments is not None:
            self._search[here] = found.search_fragments
        if found.one_search_entry:
            self._one_entry.add(here)
        return found.markdown

    def has(self, src: str) -> bool:
        return bool(self._fragments.get(src))

    def page_html(self, src: str, html: str) -> str:
        """The HTML Markdown made of a generated page, with the page's own HTML put back."""
        return stash.restore(html, self._fragments.get(src, ()))

    def search_html(self, src: str, html: str) -> str | None:
        """The page as the search index should see it (None: the page has no search view)."""
        lean = self._search.get(src)
        if lean is None:
            return None
        if src in self._one_entry:
            # Markdown's headings only (no fragment is in yet): the page's sections, whose text
            # is left out of the search view anyway or joins the page's one entry (the quotes).
            html = _SECTION_HEADING.sub("", html)
        return stash.restore(html, lean)
