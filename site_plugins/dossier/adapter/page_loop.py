"""Under ``mkdocs serve``: MkDocs' loop through the theme without the unchanged pages, and the
search entries taken from the last build (:class:`PageLoop`).

MkDocs reads every page, then sends each through the theme and the plugins' ``on_page_context``
and ``on_post_page``. A page whose output is the last build's and still in the site folder needs
none of that: :class:`ThemeLoopFiles` gives that loop its list without it, and its search
entries go into the index where the page would have put them. This holds only while every
plugin is one known to need nothing more from such a page (:data:`LEAVE_OUT_WITH`: this plugin,
Material's search and tags) or a hook (site glue whose ``on_page_context`` and ``on_post_page``
change only the page they are given, as this site's do); with any other plugin every page goes
through the theme.

Any page whose search view (address, title, table of contents, front matter, HTML) is the last
build's keeps its entries: the search plugin does not parse it again.
"""

from __future__ import annotations

import hashlib
import json
import types
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..site.reuse import digest_of

#: The modules of the plugins besides this one with which an unchanged page may be left out of
#: the theme's loop: Material's search (its entries are put in) and tags (it only gives the
#: template the page's tags).
LEAVE_OUT_WITH = frozenset({"material.plugins.search.plugin", "material.plugins.tags.plugin"})


@dataclass(frozen=True)
class Entries:
    """A page's entries in the search index, and what they were made from."""

    #: the digest of what the search plugin read of the page
    search_key: str
    #: the digest of the page's output then (None: a page whose output is never kept)
    output_key: str | None
    entries: list[Any]


class PageLoop:
    """The pages left out of the theme's loop, and every page's search entries."""

    def __init__(self) -> None:
        self._entries: dict[str, Entries] = {}  # src -> its search entries
        self._entries_before: dict[str, int] = {}  # src -> how many search entries came before it
        self._search_keys: dict[str, str] = {}  # src -> what the search plugin reads of it, this build
        self._may_leave_out = False  # this build's plugins allow leaving pages out of the theme's loop
        self._indexed = False  # Material's search indexes the pages
        self._theme_pages: list[File] | None = None  # the theme's loop, once asked for
        self._order: dict[str, int] = {}  # src -> its place among the pages, this build
        self._left_out: deque[str] = deque()  # pages left out whose search entries are not in yet
        #: pages left out of the theme's loop, and pages whose search entries were taken from the
        #: build before (those pages among them), in the last build
        self.left_out = self.entries_taken = 0

    def start(self) -> None:
        self._entries_before, self._search_keys, self._order = {}, {}, {}
        self._may_leave_out, self._theme_pages, self._left_out = False, None, deque()
        self.left_out = self.entries_taken = 0

    def finish(self) -> None:
        """After the build: the entries of the pages it no longer has dropped."""
        for src in [s for s in self._entries if s not in self._search_keys and s not in self._order]:
            del self._entries[src]

    # -- the theme's loop ---------------------------------------------------------------------
    def allow(self, config: MkDocsConfig, owner: object, entries: list[Any] | None) -> None:
        """Every page has been read and converted (MkDocs' ``on_env``): pages may be left out of
        the loop that follows if every plugin allows it (``owner``: this plugin; ``entries``:
        those of Material's search index, when it runs)."""
        self._indexed = entries is not None
        self._may_leave_out = all(
            plugin is owner
            or isinstance(plugin, types.ModuleType)
            or type(plugin).__module__ in LEAVE_OUT_WITH
            for plugin in config.plugins.values()
        )

    def theme_pages(
        self,
        pages: Sequence[File],
        inclusion: Callable[[InclusionLevel], bool],
        kept: Callable[[File], str | None],
        leave: Callable[[File], None],
    ) -> Sequence[File]:
        """The pages MkDocs sends through the theme (``inclusion``: the pages it asks for):
        without those whose output is the last build's and still in the site folder
        (``kept(file)``: the output's key, else None) and whose search entries were made from
        that output; ``leave(file)`` is told of each left out. Only the loop that writes the
        pages asks with serve's inclusion once the pages are read; the sitemap and the error
        page see every page."""
        if not self._may_leave_out or inclusion is not InclusionLevel.is_in_serve:
            return pages
        if self._theme_pages is not None:
            return self._theme_pages
        through: list[File] = []
        for place, file in enumerate(pages):
            src = file.src_uri
            self._order[src] = place
            found = self._entries.get(src)
            key = kept(file)
            if key is not None and (not self._indexed or (found is not None and found.output_key == key)):
                leave(file)
                self._left_out.append(src)
            else:
                through.append(file)
        self.left_out = len(self._left_out)
        self._theme_pages = through
        return through

    def _put_in(self, before: str | None, entries: list[Any]) -> None:
        """The search entries of the pages left out that come before page ``before`` (None:
        all that are left), in the index where those pages would have put them."""
        place = self._order.get(before, -1) if before is not None else len(self._order)
        while self._left_out and self._order[self._left_out[0]] < place:
            entries.extend(self._entries[self._left_out.popleft()].entries)
            self.entries_taken += 1

    def last_entries(self, entries: list[Any] | None) -> None:
        """Before the search plugin writes its index: the entries of the last pages left out."""
        if entries is not None:
            self._put_in(None, entries)

    # -- the search index ---------------------------------------------------------------------
    def before_search(
        self, page: Page, entries: list[Any] | None, frame: str, output_key: str | None, reused: bool
    ) -> None:
        """Before the search plugin reads ``page``: a page whose output is the last build's
        (``reused``, under ``output_key``), or whose address, title, table of contents, front
        matter and HTML (what the search plugin reads) are, is left out (its entries, the same
        as then, go in after it: :meth:`after_search`). ``frame``: what every page shares."""
        src = page.file.src_uri
        if entries is not None and self._left_out:
            self._put_in(src, entries)
        if entries is None or not frame:
            return
        found = self._entries.get(src)
        if found is not None and reused and found.output_key == output_key:
            self._search_keys[src] = found.search_key  # the output, so what search read, is the same
        else:
            meta = json.dumps(page.meta, sort_keys=True, ensure_ascii=False, default=str)
            parts = (frame, "search", page.url, str(page.title), str(page.toc), meta, page.content or "")
            self._search_keys[src] = str(digest_of(hashlib.sha256(), *parts).hexdigest())
        if found is not None and found.search_key == self._search_keys[src]:
            search = dict(page.meta.get("search") or {})
            page.meta["search"] = {**search, "exclude": True}
            self._entries_before[src] = -1
        else:
            self._entries_before[src] = len(entries)

    def after_search(self, page: Page, entries: list[Any] | None, output_key: str | None) -> None:
        src = page.file.src_uri
        before = self._entries_before.pop(src, None)
        if entries is None or before is None:
            return
        if before < 0:
            entries.extend(self._entries[src].entries)
            self.entries_taken += 1
            search = {k: v for k, v in page.meta["search"].items() if k != "exclude"}
            if search:
                page.meta["search"] = search
            else:
                del page.meta["search"]
        else:
            self._entries[src] = Entries(self._search_keys[src], output_key, entries[before:])


class ThemeLoopFiles(Files):
    """The build's files, as MkDocs is given them under serve: the list of pages its loop
    through the theme asks for leaves out those ``theme_pages`` says."""

    def __init__(
        self,
        files: Files,
        theme_pages: Callable[[Sequence[File], Callable[[InclusionLevel], bool]], Sequence[File]],
    ) -> None:
        super().__init__(files)
        self._theme_pages = theme_pages
        #: the Markdown pages among the files, found once: MkDocs and the plugins ask for them
        #: six times a build, each time going through every file (the cards and downloads too)
        self._markdown: list[File] | None = None

    def documentation_pages(
        self, *, inclusion: Callable[[InclusionLevel], bool] = InclusionLevel.is_included
    ) -> Sequence[File]:
        if self._markdown is None:
            self._markdown = [file for file in self if file.is_documentation_page()]
        pages = [file for file in self._markdown if inclusion(file.inclusion)]  # as Files does
        return self._theme_pages(pages, inclusion)

    def append(self, file: File) -> None:
        self._markdown = None
        super().append(file)

    def remove(self, file: File) -> None:
        self._markdown = None
        super().remove(file)
