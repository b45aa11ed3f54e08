"""Fast rebuilds under ``mkdocs serve``: what a build takes from the last one (:class:`Rebuild`).

MkDocs rebuilds the whole site on every save (its ``--dirty`` mode leaves Material's search
index with one page). With thousands of claims most of that work makes the same pages again, in
three steps, each of which this module skips for a claim or question page whose inputs are
those of the last build of the same ``mkdocs serve`` process:

1. the engine renders the page's templates: :class:`~..site.reuse.RenderCache` (the engine's
   own digest of what the page reads);
2. Markdown turns the page into HTML: :class:`ReusablePage`, a ``Page`` whose ``render`` takes
   the last HTML, table of contents, title and anchors when the Markdown (and the Markdown
   configuration) are the same; a page whose HTML has links Markdown resolved against other
   files is never kept;
3. the theme renders the page into its template: when the page's content (its search view and
   its whole HTML), title, front matter, addresses and edit link, and the frame every page
   shares (the navigation, the configuration, the theme's overrides and the hooks) are the same,
   the page gets an empty template and its output is the one written last time.

A page whose output is the one of the last build, still in the site folder, is then left out
of MkDocs' second loop over the pages (where each goes through the theme, and on to the plugins'
``on_page_context`` and ``on_post_page``): :class:`ThemeLoopFiles` gives MkDocs that loop's list
without it, and the page's search entries go into the index where the page would have put them.
This holds only while every plugin is one known to need nothing more from such a page
(:data:`LEAVE_OUT_WITH`: this plugin, Material's search and tags) or a hook (site glue whose
``on_page_context`` and ``on_post_page`` change only the page they are given, as this site's
do); with any other plugin every page goes through the theme.

MkDocs also makes a new Jinja environment for every build; the theme's templates keep their
compiled code from build to build while their source is the same (:mod:`.compiled_templates`).

Everything else runs as in a clean build: every plugin sees every page (the search plugin indexes
each one, so the index is complete), and the sitemap and the listing pages are made again. The
files whose bytes have not changed (such pages, and the generated downloads, embeds and
citations) are not written again: they stay in the site folder (:mod:`.kept_site`). A served
site therefore equals a clean build byte for byte; ``tests/adapter/test_fast_rebuild.py`` checks
that after a sequence of edits.
"""

from __future__ import annotations

import copy
import gc
import hashlib
import json
import logging
import os
import re
import threading
import types
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from ..site.reuse import RenderCache, digest_of, folder_digest
from .compiled_templates import CompiledTemplates
from .kept_site import KeptSite

#: Seconds from the end of a build to freeing its records and pages: after the browser has
#: reloaded the page (see :meth:`Rebuild.let_go`).
LET_GO_SECONDS = 0.5
#: The template a page whose output is taken from the last build is rendered with.
EMPTY_TEMPLATE = "dossier-reused.html"
#: The modules of the plugins besides this one with which an unchanged page may be left out of
#: the theme's loop: Material's search (its entries are put in) and tags (it only gives the
#: template the page's tags).
LEAVE_OUT_WITH = frozenset({"material.plugins.search.plugin", "material.plugins.tags.plugin"})
#: What MkDocs writes to the null device for a page that stays in the site folder (MkDocs
#: skips, with a message, a page whose output is blank).
KEPT_IN_PLACE = "<!-- kept in the site folder -->"
#: An address Markdown wrote that points to another file (not to an anchor of the page).
_LINK_OUT = re.compile(r"""\b(?:href|src)=["'](?!#)""")


@dataclass(frozen=True)
class Converted:
    """What Markdown made of a page."""

    key: str
    content: str
    toc: Any
    title: str | None
    anchors: frozenset[str]
    #: the page's links to its own anchors (anchor -> the link as written), which MkDocs checks
    own_links: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Entries:
    """A page's entries in the search index, and what they were made from."""

    #: the digest of what the search plugin read of the page
    search_key: str
    #: the digest of the page's output then (None: a page whose output is never kept)
    output_key: str | None
    entries: list[Any]


class Rebuild:
    """What one ``mkdocs serve`` process keeps from build to build."""

    def __init__(self) -> None:
        #: step 1: the engine's rendered pages
        self.rendered = RenderCache()
        #: the site folder, where unchanged files stay
        self.kept = KeptSite()
        #: the theme's templates, compiled once (MkDocs makes a new environment every build)
        self.compiled = CompiledTemplates()
        self._converted: dict[str, Converted] = {}
        self._written: dict[str, tuple[str, str]] = {}  # src -> (key, output)
        self._markdown_config = ""
        self._frame = ""
        self._sources: dict[str, tuple[str, str, dict[str, Any]]] = {}  # src -> source, Markdown, meta
        self._contents: dict[str, tuple[str, str, str]] = {}  # src -> key, its HTML, its search view
        self._entries: dict[str, Entries] = {}  # src -> its search entries
        self._addresses: dict[str, tuple[tuple[str | None, str], tuple[str | None, str | None]]] = {}
        self._content_keys: dict[str, str] = {}  # src -> the key of its content, this build
        self._entries_before: dict[str, int] = {}  # src -> how many search entries came before it
        self._search_keys: dict[str, str] = {}  # src -> what the search plugin reads of it, this build
        self._static: dict[str, KeptFile] = {}  # path -> the generated file of the last build
        self._static_now: set[str] = set()  # the generated files of this build
        self._output_keys: dict[str, str] = {}  # src -> its key, this build
        self._reused_output: dict[str, str] = {}  # src -> the output to write, this build
        self._warm = False  # a build has finished: the caches hold its pages
        self._may_leave_out = False  # this build's plugins allow leaving pages out of the theme's loop
        self._indexed = False  # Material's search indexes the pages
        self._theme_pages: list[File] | None = None  # the theme's loop, once asked for
        self._order: dict[str, int] = {}  # src -> its place among the pages, this build
        self._left_out: deque[str] = deque()  # pages left out whose search entries are not in yet
        #: pages left out of the theme's loop, and pages whose search entries were taken from the
        #: build before (those pages among them), in the last build
        self.left_out = self.entries_taken = 0
        self._paused = False
        self._held: list[object] = []  # the last build's records and pages, till let go
        self._lock = threading.Lock()
        #: pages whose Markdown conversion and whose template were skipped, in the last build
        self.converted_again = 0
        self.templates_skipped = 0

    # -- a new build -----------------------------------------------------------------------
    def pause_collector(self) -> None:
        """A rebuild allocates much and frees most of it at once; Python's cyclic garbage
        collector would scan the whole heap (every cached page) many times over meanwhile.
        Paused from the plugin's first event of a build to its last, once a build has filled
        the caches (a first build allocates the most and keeps it collected)."""
        if self._warm and gc.isenabled():
            gc.disable()
            self._paused = True

    def resume_collector(self) -> None:
        if self._paused:
            gc.enable()
            self._paused = False

    def let_go(self, *held: object) -> None:
        """After a build: its records and pages (``held``) are freed, and the collector resumed,
        :data:`LET_GO_SECONDS` later, or when the next build starts if that is sooner. Freeing
        a large dossier's pages takes a while (half a second at 10,000 claims), which the
        editor would otherwise wait for before the browser reloads."""
        with self._lock:
            older, self._held = self._held, list(held)
        del older  # (none: the build's start let the one before go)
        timer = threading.Timer(LET_GO_SECONDS, self._drop)
        timer.daemon = True
        timer.start()

    def _drop(self) -> None:
        with self._lock:
            held, self._held = self._held, []
            del held  # the last references: freed here
            self.resume_collector()

    def hold(self, site_dir: str, site_made: bool) -> bool:
        """Before MkDocs empties the site folder: set the last build's files aside (when this
        build makes the site, not error pages, and the folder is the last build's)."""
        if site_made and self.kept.hold(site_dir):
            return True
        self.kept.forget()  # the first build, or error pages: from an empty folder
        return False

    def release(self, site_dir: str) -> None:
        """After MkDocs emptied the folder: the last build's files back in place."""
        self.kept.release(site_dir)

    def failed(self) -> None:
        """The build failed: the next starts from an empty folder."""
        self.kept.forget()
        self._drop()

    def close(self) -> None:
        """The command ends: the second process too."""
        self.failed()
        self.rendered.workers.close()

    def start(self, config: MkDocsConfig) -> None:
        """A build begins (the plugin's first event): the last build let go, the collector
        paused, the counts reset."""
        self._drop()
        self.pause_collector()
        self._markdown_config = _digest(
            json.dumps([_plain(config.markdown_extensions), _plain(config.mdx_configs)], sort_keys=True)
        )
        self._output_keys = {}
        self._content_keys = {}
        self._entries_before = {}
        self._search_keys = {}
        self._static_now = set()
        self._reused_output = {}
        self._may_leave_out = False
        self._theme_pages = None
        self._order = {}
        self._left_out = deque()
        self.converted_again = self.templates_skipped = self.left_out = self.entries_taken = 0
        self.compiled.taken = 0

    def adopt(self, file: File, config: MkDocsConfig) -> None:
        """Make ``file``'s page one that can take its HTML from the last build."""
        ReusablePage(self, file, config)

    def set_frame(self, nav: Navigation, config: MkDocsConfig) -> None:
        """What every page's template shows besides the page (after the navigation is made)."""
        self._frame = _digest(
            self._markdown_config,
            json.dumps(list(_nav_items(nav.items)), ensure_ascii=False),
            _config_text(config),
            folder_digest(config.theme.custom_dir),
            os.environ.get("SOURCE_DATE_EPOCH", ""),
        )

    def finish(self, pages: set[str], site_dir: str, cards: list[str] | None) -> str:
        """After the build: the site folder swept (see :mod:`.kept_site`; ``cards``: the paths of
        this build's social cards, None without a site), what belongs to pages the site no
        longer has dropped; what was taken from the last build, in words."""
        if cards is not None:
            self.kept.keep_all(cards)
        kept = self.kept.kept_count
        removed = self.kept.sweep(site_dir)
        self._warm = True
        stores = (
            self._converted,
            self._written,
            self._sources,
            self._contents,
            self._addresses,
        )
        for store in stores:
            for src in [s for s in store if s not in pages]:
                del store[src]
        for path in [p for p in self._static if p not in self._static_now]:
            del self._static[path]
        self._static_now = set()
        for src in [s for s in self._entries if s not in self._search_keys and s not in self._order]:
            del self._entries[src]  # the search entries of every page this build has
        rendered = self.rendered
        return (
            f"Rebuilt from the last build: {rendered.reused} of {rendered.reused + rendered.rendered} "
            f"claim and question pages' templates, {self.converted_again} pages' Markdown, "
            f"{self.templates_skipped} pages' theme templates; {kept} files kept in place, "
            f"{removed} removed; {self.compiled.taken} theme templates not compiled again; "
            f"{self.left_out} pages not sent through the theme; "
            f"{self.entries_taken} pages' search entries taken."
        )

    def addresses(
        self, page: Page, base: str | None, make: Callable[[str | None], None]
    ) -> tuple[str | None, str | None]:
        """The page's canonical and absolute address: the last build's if the site's address
        and the page's are the same, else as ``make(base)`` sets them."""
        src, url = page.file.src_uri, page.url
        found = self._addresses.get(src)
        if found is not None and found[0] == (base, url):
            return found[1]
        make(base)
        made = (page.canonical_url, page.abs_url)
        self._addresses[src] = ((base, url), made)
        return made

    # -- step 2: Markdown ------------------------------------------------------------------
    def source(self, page: Page, source: str) -> None:
        """Set the page's Markdown and front matter from ``source``, as ``Page.read_source``
        does, reading the front matter again only if the source changed."""
        src = page.file.src_uri
        found = self._sources.get(src)
        if found is not None and found[0] == source:
            page.markdown, page.meta = found[1], copy.deepcopy(found[2])
            return
        page.markdown, page.meta = meta.get_data(source)
        self._sources[src] = (source, page.markdown, copy.deepcopy(page.meta))

    def converted(self, page: Page) -> tuple[str, Converted | None]:
        key = _digest(self._markdown_config, page.file.src_uri, page.file.url, page.markdown or "")
        if isinstance(page, ReusablePage):
            page.markdown_key = key
        found = self._converted.get(page.file.src_uri)
        if found is not None and found.key == key:
            self.converted_again += 1
            return key, found
        return key, None

    def keep_conversion(self, page: Page, key: str) -> None:
        links = page.links_to_anchors or {}
        if (
            page.content is None
            or _LINK_OUT.search(page.content)
            or any(target.src_uri != page.file.src_uri for target in links)
        ):
            self._converted.pop(page.file.src_uri, None)  # links to other files: never kept
            return
        own = tuple(sorted(link for found in links.values() for link in found.items()))
        anchors = frozenset(page.present_anchor_ids or ())
        self._converted[page.file.src_uri] = Converted(
            key, page.content, page.toc, page._title_from_render, anchors, own
        )

    # -- the page's HTML, with the engine's fragments put back ----------------------------------
    def content(
        self, page: Page, engine_key: str | None, make: Callable[[], tuple[str, str]]
    ) -> tuple[str, str]:
        """The page's whole HTML and its search view, made by ``make()`` unless the engine's
        inputs and the Markdown's HTML are those of the last build."""
        if not isinstance(page, ReusablePage) or engine_key is None or not page.markdown_key:
            return make()
        src = page.file.src_uri
        key = _digest(engine_key, page.markdown_key)
        self._content_keys[src] = key
        found = self._contents.get(src)
        if found is not None and found[0] == key:
            return found[1], found[2]
        whole, lean = make()
        self._contents[src] = (key, whole, lean)
        return whole, lean

    # -- step 3: the theme's template ------------------------------------------------------
    def choose_template(self, page: Page, whole_html: str, edit_url: str | None) -> None:
        """Before the theme renders ``page``: the empty template if its output is known."""
        if not isinstance(page, ReusablePage) or not self._frame:
            return
        src = page.file.src_uri
        # The whole HTML is the engine's, known by its key where it was made from a cache; so is
        # the page's HTML while it is the very text the engine gave (no plugin changed it since).
        content_key = self._content_keys.get(src)
        whole = "key:" + content_key if content_key is not None else whole_html
        shown = page.content or ""
        made = self._contents.get(src)
        if content_key is not None and made is not None and made[0] == content_key:
            if page.content is made[2]:
                shown = "search view:" + content_key
            elif page.content is made[1]:
                shown = "whole:" + content_key
        key = _digest(
            self._frame,
            src,
            page.url,
            str(page.canonical_url),
            str(page.update_date),
            str(page.title),
            json.dumps(page.meta, sort_keys=True, ensure_ascii=False, default=str),
            str(page.toc),
            shown,
            whole,
            str(edit_url),
        )
        self._output_keys[src] = key
        found = self._written.get(src)
        if found is not None and found[0] == key:
            self._reused_output[src] = found[1]
            page.meta["template"] = EMPTY_TEMPLATE
            self.templates_skipped += 1

    # -- the theme's loop ---------------------------------------------------------------------
    def theme_loop(self, config: MkDocsConfig, owner: object, entries: list[Any] | None) -> None:
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
        self, pages: Sequence[File], inclusion: Callable[[InclusionLevel], bool]
    ) -> Sequence[File]:
        """The pages MkDocs sends through the theme (``inclusion``: the pages it asks for):
        without those whose output is the last build's and still in the site folder. Only
        the loop that writes the pages asks with serve's inclusion once the pages are read;
        the sitemap and the error page see every page."""
        if not self._may_leave_out or inclusion is not InclusionLevel.is_in_serve:
            return pages
        if self._theme_pages is None:
            self._theme_pages = self._leave_out(pages)
        return self._theme_pages

    def _leave_out(self, pages: Sequence[File]) -> list[File]:
        through: list[File] = []
        for place, file in enumerate(pages):
            src = file.src_uri
            self._order[src] = place
            key = self._output_keys.get(src)
            if (
                key is not None
                and src in self._reused_output
                and (not self._indexed or (src in self._entries and self._entries[src].output_key == key))
                and self.kept.unchanged(file.dest_uri, self._written[src][0])
            ):
                del self._reused_output[src]
                self._left_out.append(src)
            else:
                through.append(file)
        self.left_out = len(self._left_out)
        return through

    def _put_in_entries(self, before: str | None, entries: list[Any]) -> None:
        """The search entries of the pages left out that come before page ``before`` (None:
        all that are left), in the index where those pages would have put them."""
        place = self._order.get(before, -1) if before is not None else len(self._order)
        while self._left_out and self._order[self._left_out[0]] < place:
            entries.extend(self._entries[self._left_out.popleft()].entries)
            self.entries_taken += 1

    def last_entries(self, entries: list[Any] | None) -> None:
        """Before the search plugin writes its index: the entries of the last pages left out."""
        if entries is not None:
            self._put_in_entries(None, entries)

    # -- the search index ---------------------------------------------------------------------
    def before_search(self, page: Page, entries: list[Any] | None) -> None:
        """Before the search plugin reads ``page``: a page whose output is the last build's, or
        whose HTML, table of contents, address, title and front matter (what the search plugin
        reads) are, is left out (its entries, the same as then, go in after it:
        :meth:`after_search`)."""
        src = page.file.src_uri
        if entries is not None and self._left_out:
            self._put_in_entries(src, entries)
        if entries is None or not self._frame:
            return
        found = self._entries.get(src)
        output_key = self._output_keys.get(src)
        if found is not None and src in self._reused_output and found.output_key == output_key:
            self._search_keys[src] = found.search_key  # the output, so what search read, is the same
        else:
            self._search_keys[src] = _digest(
                self._frame,
                "search",
                page.url,
                str(page.title),
                str(page.toc),
                json.dumps(page.meta, sort_keys=True, ensure_ascii=False, default=str),
                page.content or "",
            )
        if found is not None and found.search_key == self._search_keys[src]:
            search = dict(page.meta.get("search") or {})
            page.meta["search"] = {**search, "exclude": True}
            self._entries_before[src] = -1
        else:
            self._entries_before[src] = len(entries)

    def after_search(self, page: Page, entries: list[Any] | None) -> None:
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
            self._entries[src] = Entries(self._search_keys[src], self._output_keys.get(src), entries[before:])

    def reused_output(self, page: Page) -> str | None:
        """The page's output from the last build, if its template was skipped; when the site
        folder still holds it, MkDocs writes a line in its place nowhere (the null device)
        and the page stays (MkDocs would otherwise encode the whole page to throw it away)."""
        src = page.file.src_uri
        output = self._reused_output.pop(src, None)
        if output is not None and self.kept.unchanged(page.file.dest_uri, self._written[src][0]):
            page.file.abs_dest_path = os.devnull  # a cached_property: this build's value
            return KEPT_IN_PLACE
        return output

    def keep_output(self, page: Page, output: str) -> str:
        """Keep the page's finished output for the next build."""
        key = self._output_keys.pop(page.file.src_uri, None)
        if key is not None:
            self._written[page.file.src_uri] = (key, output)
            self.kept.unchanged(page.file.dest_uri, key)  # remembered: written under this key
        return output

    def static_file(self, config: MkDocsConfig, path: str, content: bytes | str) -> File:
        """A generated file that stays in the site folder when its bytes have not changed; the
        last build's ``File`` with the new content where the site's folder and addresses and
        the plugin making it are the same (making 30,000 of them anew is a quarter of a second)."""
        made_for = (config.site_dir, config.use_directory_urls, config.plugins._current_plugin)
        file = self._static.get(path)
        if file is None or file.made_for != made_for:
            made = KeptFile.generated(config, path, content=content)
            assert isinstance(made, KeptFile)
            file, file.made_for, file.kept = made, made_for, self.kept
            self._static[path] = file
        else:
            file.inclusion = InclusionLevel.UNDEFINED  # MkDocs sets it again, as for a new file
            file.abs_src_path = None
            file._content = content
        self._static_now.add(path)
        return file


def with_empty_template(env: jinja2.Environment, compiled: CompiledTemplates) -> jinja2.Environment:
    """The theme's environment, with the empty template a page whose output is known gets, and
    its templates' code taken from the ``compiled`` ones where their source is the same."""
    env.bytecode_cache = compiled
    loader = env.loader
    extra = jinja2.DictLoader({EMPTY_TEMPLATE: ""})
    env.loader = jinja2.ChoiceLoader([extra, loader] if loader is not None else [extra])
    return env


class ThemeLoopFiles(Files):
    """The build's files, as MkDocs is given them under serve: the list of pages its loop
    through the theme asks for leaves out those :meth:`Rebuild.theme_pages` says."""

    def __init__(self, files: Files, rebuild: Rebuild) -> None:
        super().__init__(files)
        self._rebuild = rebuild

    def documentation_pages(
        self, *, inclusion: Callable[[InclusionLevel], bool] = InclusionLevel.is_included
    ) -> Sequence[File]:
        return self._rebuild.theme_pages(super().documentation_pages(inclusion=inclusion), inclusion)


class KeptFile(File):
    """A generated file that is not written again when the site folder holds its bytes."""

    kept: KeptSite | None = None
    #: the site folder, the kind of addresses and the plugin it was made for
    made_for: tuple[str, bool, str | None] = ("", False, None)

    def copy_file(self, dirty: bool = False) -> None:
        digest = hashlib.sha256(self.content_bytes).hexdigest()
        if self.kept is not None and self.kept.unchanged(self.dest_uri, digest):
            return
        super().copy_file(dirty)


class ReusablePage(Page):
    """A generated page that takes its HTML from the last build when its Markdown is the same."""

    def __init__(self, rebuild: Rebuild, file: File, config: MkDocsConfig) -> None:
        self._rebuild = rebuild
        #: the digest of the page's Markdown (and the Markdown configuration), once rendered
        self.markdown_key = ""
        super().__init__(None, file, config)

    def _set_canonical_url(self, base: str | None) -> None:
        # As Page does (two URL parses a page), unless the last build made the same address.
        self.canonical_url, self.abs_url = self._rebuild.addresses(self, base, super()._set_canonical_url)

    def read_source(self, config: MkDocsConfig) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        self._rebuild.source(self, self.file.content_string if source is None else source)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        key, found = self._rebuild.converted(self)
        if found is None:
            super().render(config, files)
            self._rebuild.keep_conversion(self, key)
            return
        self.content = found.content
        self.toc = found.toc
        self._title_from_render = found.title
        self.present_anchor_ids = set(found.anchors)
        if logging.getLogger("mkdocs").getEffectiveLevel() > logging.DEBUG:  # as Page.render
            self.links_to_anchors = {self.file: dict(found.own_links)} if found.own_links else {}


# -- digests -------------------------------------------------------------------------------
def _digest(*parts: str) -> str:
    return str(digest_of(hashlib.sha256(), *parts).hexdigest())


def _plain(value: Any) -> Any:
    """``value`` as JSON data; an object without a stable text becomes its type's name only if
    it has none (its default text names its address, which would change every build)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if type(value).__str__ is object.__str__ and type(value).__repr__ is object.__repr__:
        return type(value).__qualname__
    return str(value)


def _config_text(config: MkDocsConfig) -> str:
    data: dict[str, Any] = {}
    for key, value in config.items():
        if key == "plugins":
            # A hook is a module among the plugins: what it does is its file.
            data[key] = {
                name: _plain(dict(plugin.config))
                if hasattr(plugin, "config")
                else _file_digest(getattr(plugin, "__file__", None))
                for name, plugin in value.items()
            }
        elif key == "theme":
            data[key] = {"name": value.name, "dirs": list(value.dirs), **_plain(dict(value.items()))}
        else:
            data[key] = _plain(value)
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)


def _nav_items(items: list[Any]) -> Iterator[Any]:
    for item in items:
        children = getattr(item, "children", None) or []
        url = str(getattr(item, "url", ""))
        yield [type(item).__name__, str(item.title), url, list(_nav_items(children))]


def _file_digest(path: str | None) -> str:
    if not path or not os.path.isfile(path):
        return ""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
