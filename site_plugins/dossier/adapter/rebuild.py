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
of MkDocs' second loop over the pages, its search entries put in where it would have put them,
while every plugin allows it (:mod:`.page_loop`). A build's records and pages are freed once the
browser has reloaded, the garbage collector paused till then (:mod:`.collector`).

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
import hashlib
import json
import logging
import os
import re
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
from .collector import Collector
from .compiled_templates import CompiledTemplates
from .kept_files import KeptFiles
from .kept_site import KeptSite
from .page_loop import PageLoop

#: The template a page whose output is taken from the last build is rendered with.
EMPTY_TEMPLATE = "dossier-reused.html"
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
        #: the pages' canonical and absolute addresses
        self.addresses = Addresses()
        self._content_keys: dict[str, str] = {}  # src -> the key of its content, this build
        #: the generated files (downloads, citations, embeds), kept as the site folder keeps them
        self.files = KeptFiles(self.kept)
        self._output_keys: dict[str, str] = {}  # src -> its key, this build
        self._reused_output: dict[str, str] = {}  # src -> the output to write, this build
        self._warm = False  # a build has finished: the caches hold its pages
        #: the theme's loop without the unchanged pages, and the pages' search entries
        self.loop = PageLoop()
        #: the garbage collector's pause, and the last build till it is let go
        self.collector = Collector()
        #: pages whose Markdown conversion and whose template were skipped, in the last build
        self.converted_again = self.templates_skipped = 0

    # -- a new build -----------------------------------------------------------------------
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
        self.collector.drop()

    def close(self) -> None:
        """The command ends: the second process too."""
        self.failed()
        self.rendered.workers.close()

    def start(self, config: MkDocsConfig) -> None:
        """A build begins (the plugin's first event): the last build let go, the collector
        paused, the counts reset."""
        self.collector.drop()
        self.collector.pause(self._warm)
        self._markdown_config = _digest(
            json.dumps([_plain(config.markdown_extensions), _plain(config.mdx_configs)], sort_keys=True)
        )
        self._output_keys = {}
        self._content_keys = {}
        self._reused_output = {}
        self.files.start()
        self.loop.start()
        self.converted_again = self.templates_skipped = 0
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
            self.addresses.made,
        )
        for store in stores:
            for src in [s for s in store if s not in pages]:
                del store[src]
        self.files.finish()
        self.loop.finish()
        rendered = self.rendered
        return (
            f"Rebuilt from the last build: {rendered.reused} of {rendered.reused + rendered.rendered} "
            f"claim and question pages' templates, {self.converted_again} pages' Markdown, "
            f"{self.templates_skipped} pages' theme templates; {kept} files kept in place, "
            f"{removed} removed; {self.compiled.taken} theme templates not compiled again; "
            f"{self.loop.left_out} pages not sent through the theme; "
            f"{self.loop.entries_taken} pages' search entries taken."
        )

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

    # -- the theme's loop and the search index (see :mod:`.page_loop`) ----------------------
    def theme_pages(
        self, pages: Sequence[File], inclusion: Callable[[InclusionLevel], bool]
    ) -> Sequence[File]:
        return self.loop.theme_pages(pages, inclusion, self._kept_output, self._leave)

    def _kept_output(self, file: File) -> str | None:
        """The key of the page's output if it is the last build's and still in the site folder."""
        src = file.src_uri
        key = self._output_keys.get(src)
        if key is None or src not in self._reused_output:
            return None
        return key if self.kept.unchanged(file.dest_uri, self._written[src][0]) else None

    def _leave(self, file: File) -> None:
        del self._reused_output[file.src_uri]  # left out of the theme's loop: not written

    def before_search(self, page: Page, entries: list[Any] | None) -> None:
        src = page.file.src_uri
        reused = src in self._reused_output
        self.loop.before_search(page, entries, self._frame, self._output_keys.get(src), reused)

    def after_search(self, page: Page, entries: list[Any] | None) -> None:
        self.loop.after_search(page, entries, self._output_keys.get(page.file.src_uri))

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


def with_empty_template(env: jinja2.Environment, compiled: CompiledTemplates) -> jinja2.Environment:
    """The theme's environment, with the empty template a page whose output is known gets, and
    its templates' code taken from the ``compiled`` ones where their source is the same."""
    env.bytecode_cache = compiled
    loader = env.loader
    extra = jinja2.DictLoader({EMPTY_TEMPLATE: ""})
    env.loader = jinja2.ChoiceLoader([extra, loader] if loader is not None else [extra])
    return env


class Addresses:
    """The pages' canonical and absolute addresses of the last build."""

    def __init__(self) -> None:
        #: src -> (the site's address, the page's), and the addresses made of them
        self.made: dict[str, tuple[tuple[str | None, str], tuple[str | None, str | None]]] = {}

    def of(
        self, page: Page, base: str | None, make: Callable[[str | None], None]
    ) -> tuple[str | None, str | None]:
        """The page's canonical and absolute address: the last build's if the site's address
        and the page's are the same, else as ``make(base)`` sets them."""
        src, url = page.file.src_uri, page.url
        found = self.made.get(src)
        if found is not None and found[0] == (base, url):
            return found[1]
        make(base)
        made = (page.canonical_url, page.abs_url)
        self.made[src] = ((base, url), made)
        return made


class ReusablePage(Page):
    """A generated page that takes its HTML from the last build when its Markdown is the same."""

    def __init__(self, rebuild: Rebuild, file: File, config: MkDocsConfig) -> None:
        self._rebuild = rebuild
        #: the digest of the page's Markdown (and the Markdown configuration), once rendered
        self.markdown_key = ""
        super().__init__(None, file, config)

    def _set_canonical_url(self, base: str | None) -> None:
        # As Page does (two URL parses a page), unless the last build made the same address.
        self.canonical_url, self.abs_url = self._rebuild.addresses.of(self, base, super()._set_canonical_url)

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
