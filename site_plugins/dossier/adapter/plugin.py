"""The MkDocs plugin: a thin adapter between MkDocs and the dossier engine.

It validates ``claims.yaml`` (aborting the build with every problem listed: the engine returns
problems, and this boundary turns them into one ``PluginError``; warnings only get their count
logged at INFO, so that even a strict build goes on), hands the generated pages,
assets and downloads to MkDocs, fills the home page's "What we know" section, puts each
generated page's own HTML back after Markdown has run (and lets the search plugin index a lean
copy of it), points "edit this page" at the record's line in ``claims.yaml``, adds what the
generated pages need to the head (:meth:`DossierSite.finish_html`), takes blank lines and
indentation out of the HTML, makes ``mkdocs build`` atomic (:mod:`.atomic`), and keeps the last
build's social cards for a build in place, as under ``mkdocs serve`` (:mod:`.card_cache`).
Under serve it keeps what a rebuild can take from the last build (:mod:`.rebuild`) and has the
server notice a save sooner (:mod:`.watcher`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..analysis.review import review
from ..checking.validate import load_and_validate
from ..editors.schema import reference_markdown
from ..problems import Problem
from ..site.pages import WHAT_WE_KNOW_MARKER, DossierSite, assets, error_page
from ..site.reuse import RenderCache
from ..site.texts import PERMALINK_TITLE
from ..site.whitespace import squeeze
from .atomic import AtomicSite, strict_warnings_seen
from .card_cache import CardCache
from .config import DossierConfig
from .export import PageTree, export_target
from .history import read_history
from .page_loop import ThemeLoopFiles
from .rebuild import Rebuild, with_empty_template
from .serve_errors import BrokenDossier, not_found
from .site_options import BuildDate, site_options
from .watcher import quicken

log = get_plugin_logger(__name__)

StaticFile = Callable[[MkDocsConfig, str, bytes | str], File]


def _reader_settings(config: MkDocsConfig, assets_dir: str, site: DossierSite) -> None:
    """What the theme needs for the generated pages: their stylesheet, first, and the title of
    Markdown's permanent links (toc) in the site's language, unless mkdocs.yml gives one."""
    css = posixpath.join(assets_dir, "dossier.css")
    if css not in [str(x) for x in config.extra_css]:
        config.extra_css.insert(0, css)
    toc = config.mdx_configs.get("toc")
    if isinstance(toc, dict) and toc.get("permalink") and "permalink_title" not in toc:
        toc["permalink_title"] = site.words.gettext(PERMALINK_TITLE)


def _error_page(
    plugin: DossierPlugin, output: str, /, *, template_name: str, config: MkDocsConfig
) -> str | None:
    """MkDocs' ``on_post_template``: the theme's error page for readers in the site's language."""
    site = plugin._site
    return error_page(output, site.words) if site is not None and template_name == "404.html" else None


class DossierPlugin(BasePlugin[DossierConfig]):
    """Generates the dossier's pages from ``claims.yaml``."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._command: str = "build"
        self._dirty = False
        self._site: DossierSite | None = None
        self._claims_path: Path | None = None
        self._atomic: AtomicSite | None = None
        self._build_date = BuildDate()
        self._config: MkDocsConfig | None = None
        self._full_content: dict[str, str] = {}  # src -> the page's HTML while search reads a lean copy
        self._started = False  # on_startup seen: MkDocs' command line will call on_shutdown
        self._built = False  # on_post_build ran; the swap waits for on_shutdown
        self._broken: BrokenDossier | None = None  # under serve: the problems the pages show
        self._generated: list[str] = []  # the generated pages of the last good build
        self._export: PageTree | None = None  # `dossier export`: the page tree written as it builds
        self._files: Files | None = None
        self._rebuild: Rebuild | None = None  # under serve: what a build takes from the last one
        self._cards = CardCache()  # the last site's cards (see on_pre_build)

    # -- lifecycle -------------------------------------------------------------------------
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Having on_startup also keeps this plugin instance across `mkdocs serve` rebuilds.
        self._command, self._dirty, self._started = command, dirty, True
        self._rebuild = Rebuild() if command == "serve" and not dirty else None

    def on_shutdown(self) -> None:
        # MkDocs' command line calls this in a ``finally`` after the whole build, after every
        # other plugin's on_post_build and after the strict-mode check: the one safe moment to
        # publish the new site. A failed build has already removed it in on_build_error.
        if self._built:
            self._swap_in()
        elif self._atomic is not None:  # interrupted (Ctrl-C) before the build ended
            self._atomic.discard()
        if self._site is not None:
            self._site.close()
        self._cards.remove()
        if self._rebuild is not None:
            self._rebuild.close()
        # MkDocs keeps this instance for the whole process (it has on_startup): forget the command.
        self._command, self._dirty, self._started, self._built = "build", False, False, False
        self._site = self._rebuild = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._site = None
        self._full_content = {}
        if not self.config.enabled:
            return None
        config_dir = Path(config.config_file_path or ".").resolve().parent
        self._claims_path = claims_path = config_dir / self.config.claims  # an absolute path stays
        snapshots = Path(self.config.snapshots) if self.config.snapshots else None
        self._export = _start_export(config)  # before the engine lays out the site (plain .html URLs)
        if snapshots is None:
            log.info("No snapshots folder configured (DOSSIER_SNAPSHOTS): quotes are not checked.")
        if self._rebuild is not None:
            self._rebuild.start(config)  # the garbage collector paused till on_post_build
        loaded = _load(
            self.config, config, (claims_path, snapshots, config_dir), self._rebuild, self._command
        )
        self._site, self._broken = (loaded, None) if isinstance(loaded, DossierSite) else (None, loaded)
        if self._site is None:  # serve, with problems: error pages (serve_errors)
            return config
        self._build_date.pin(self._site.data.dossier.updated)
        _reader_settings(config, self.config.assets_dir, self._site)
        wanted = self.config.atomic and self._command != "serve" and not self._dirty
        self._atomic = _start_atomic(config, wanted)
        return config

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled and self._claims_path is not None:
            server.watch(str(self._claims_path))
        quicken(server)  # a save shown sooner: MkDocs looks for changes twice a second
        return server

    # -- content ---------------------------------------------------------------------------
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Before MkDocs cleans site_dir. Under serve, the last build's files are set aside and
        # put back after (kept_site), cards included; else the last site, whose unchanged cards
        # are copied: the published one beside an atomic build, or the last build's cards.
        if self._rebuild is not None and self._rebuild.hold(config.site_dir, self._broken is None):
            self._cards.previous = config.site_dir  # the cards stay where they are
            return
        in_place = self._site is not None and self._atomic is None and self._started
        self._cards.before_build(config.site_dir, self._atomic.final if self._atomic else None, in_place)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self._rebuild is not None:
            self._rebuild.release(config.site_dir)  # the last build's files, back in place
        site = self._site
        self._files = files
        if self._broken is not None:
            self._broken.add_pages(files, config, self._generated)
            return files
        if site is None:
            return None
        self._generated = _add_pages(files, config, site, self._rebuild)  # kept for error pages
        _add_files(files, config, site, self._rebuild.files.file if self._rebuild else _generated)
        # The social cards go straight into the new site (MkDocs has cleaned it by now),
        # copied from the last one where unchanged (see on_pre_build).
        site.start_cards(config.site_dir, self._cards.previous)
        if self._rebuild is not None:  # unchanged pages left out of the theme's loop
            self._files = files = ThemeLoopFiles(files, self._rebuild.theme_pages)
        return files

    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self._rebuild is not None and self._site is not None:
            self._rebuild.set_frame(nav, config)
        return nav

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self._rebuild is None:
            return env
        if self._site is not None and self._export is None:
            self._rebuild.loop.allow(config, self, _search_entries(config))
        return with_empty_template(env, self._rebuild.compiled)

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self._broken is not None:
            return self._broken.markdown
        if self._site is None or WHAT_WE_KNOW_MARKER not in markdown:
            return None
        section = self._site.what_we_know(page.file.src_uri)
        return markdown.replace(WHAT_WE_KNOW_MARKER, "\n" + section + "\n", 1)

    def _fill_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        site = self._site
        src = page.file.src_uri
        if site is None or not site.has_fragments(src):
            return None
        full, lean = _page_html(site, src, html, page, self._rebuild)
        if lean is None:
            return full
        # The search plugin indexes page.content in its on_page_context; the whole page goes
        # back in ours, which runs after it (see _put_back_content).
        self._full_content[src] = full
        return lean

    # Priority -100: once every plugin has changed the page's HTML, which the choice reads.
    @event_priority(-100)
    def _choose_template(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self._rebuild is not None and self._site is not None:
            src = page.file.src_uri
            edit_url = self._site.edit_url_for_page(src)
            self._rebuild.choose_template(page, self._full_content.get(src, html), edit_url)
        return html

    on_page_content = CombinedEvent(_fill_content, _choose_template)

    # Priority 100: before the theme and other plugins read the page in on_page_context.
    @event_priority(100)
    def _set_edit_url(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self._site is not None and page.file.generated_by:
            page.edit_url = self._site.edit_url_for_page(page.file.src_uri)
        if self._rebuild is not None:
            self._rebuild.before_search(page, _search_entries(config))
        return context

    # Priority -100: after the search plugin (priority 0) has indexed the lean copy, and before
    # the template is rendered with page.content.
    @event_priority(-100)
    def _put_back_content(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self._rebuild is not None:
            self._rebuild.after_search(page, _search_entries(config))
        full = self._full_content.pop(page.file.src_uri, None)
        if full is not None:
            page.content = full
            context["page"] = page
        return context

    on_page_context = CombinedEvent(_set_edit_url, _put_back_content)
    on_post_template = _error_page  # the reader's error page, in the site's language

    # Priority -100: after the other plugins and hooks have written the page.
    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self._export is not None:
            self._export.add_page(page, config)
        if self._site is None:
            return None
        if self._rebuild is not None and (reused := self._rebuild.reused_output(page)) is not None:
            return reused
        output = self._site.finish_html(output, page.file.src_uri)
        output = squeeze(output) if self._site.options.compact_html else output
        return self._rebuild.keep_output(page, output) if self._rebuild is not None else output

    # Priority 100: before the search plugin (priority 0) writes its index, which then has the
    # entries of the last pages left out of the theme's loop.
    @event_priority(100)
    def _last_search_entries(self, *, config: MkDocsConfig) -> None:
        if self._rebuild is not None:
            self._rebuild.loop.last_entries(_search_entries(config))

    # -- atomic output ---------------------------------------------------------------------
    # Priority -100: for a build started from Python without MkDocs' command line (no
    # on_startup, so no on_shutdown to wait for), the swap happens here, after the other
    # plugins' on_post_build (search writes its index there).
    @event_priority(-100)
    def _finish_build(self, *, config: MkDocsConfig) -> None:
        if self._broken is not None:
            self._broken.write_not_found(config)
        if self._site is not None:
            drawn, total = self._site.finish_cards()
            log.info(f"Social cards: {drawn} drawn, {total - drawn} unchanged since the last build.")
            self._site.close()
        if self._rebuild is not None:  # after every file of the build is written
            _finish_rebuild(self._rebuild, self._site, self._generated, config.site_dir)
            # Serve keeps this instance: this build's records and pages are let go (freed once
            # the browser has reloaded) before the garbage collector runs again, so that it
            # does not scan them between saves.
            self._rebuild.collector.let_go(self._site, self._files)
            self._site = self._files = None
        if self._export is not None and self._files is not None:
            self._export.finish(config, self._files)
        self._build_date.unpin()
        if self._atomic is None or not self._atomic.active:
            return
        self._config = config
        if self._started:
            self._built = True  # on_shutdown swaps, unless something fails first
            return
        if config.strict and strict_warnings_seen():
            return  # MkDocs aborts the build next; on_build_error removes the new folder
        self._swap_in()

    on_post_build = CombinedEvent(_last_search_entries, _finish_build)

    def _swap_in(self) -> None:
        self._built = False
        _swap(self._atomic, self._config)

    def on_build_error(self, *, error: Exception) -> None:
        if self._rebuild is not None:
            self._rebuild.failed()
        if self._site is not None:
            self._site.close()
        self._build_date.unpin()
        self._built = False
        if self._atomic is not None:
            self._atomic.discard()


def _add_files(files: Files, config: MkDocsConfig, site: DossierSite, static: StaticFile) -> None:
    """The dossier's downloads, assets, history files and shared files (citations, embeds), as
    ``static`` makes them (under serve, files that stay in place when unchanged)."""
    for name, content in site.downloads().items():
        files.append(static(config, site.layout.download(name), content))
    for name, content in assets().items():
        files.append(static(config, site.layout.asset(name), content))
    for path, content in site.history_files().items():
        if files.get_file_from_path(path) is None:
            files.append(static(config, path, content))
    for path, content in site.shared_files().items():
        files.append(static(config, path, content))


def _problems_message(count: int, name: str) -> str:
    noun = "problem" if count == 1 else "problems"
    return f"dossier: {count} {noun} in {name} (listed above); the site was not built."


def _nav_paths(nav: Any) -> set[str]:
    """Every page path the ``nav`` configuration names."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return {path for value in nav.values() for path in _nav_paths(value)}
    if isinstance(nav, list):
        return {path for item in nav for path in _nav_paths(item)}
    return set()


def _generated(config: MkDocsConfig, path: str, content: bytes | str) -> File:
    return File.generated(config, path, content=content)


def _page_html(
    site: DossierSite, src: str, html: str, page: Page, rebuild: Rebuild | None
) -> tuple[str, str | None]:
    """The page's whole HTML and its search view (None: the page itself), under serve taken
    from the last build where the page's inputs and Markdown are the same."""
    if rebuild is None:
        return site.page_html(src, html), site.search_html(src, html)

    def make() -> tuple[str, str]:
        lean = site.search_html(src, html)
        full = site.page_html(src, html)
        return full, full if lean is None else lean

    full, lean = rebuild.content(page, site.page_key(src), make)
    return full, None if lean is full else lean


def _search_entries(config: MkDocsConfig) -> list[Any] | None:
    """The entries of Material's search index being made (None: another search, or none)."""
    search = config.plugins.get("material/search")
    entries = getattr(getattr(search, "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None


def _load(
    options: DossierConfig,
    config: MkDocsConfig,
    paths: tuple[Path, Path | None, Path],
    rebuild: Rebuild | None,
    command: str,
) -> DossierSite | BrokenDossier:
    """The dossier's pages (``paths``: the claims file, the snapshots folder, the folder of
    ``mkdocs.yml``); under serve, with problems, the error pages listing them."""
    claims_path, snapshots, config_dir = paths
    cache = rebuild.rendered if rebuild is not None else None
    loaded = _load_site(options, config, claims_path, snapshots, config_dir, cache)
    if isinstance(loaded, DossierSite):
        return loaded
    name = claims_path.name
    if command == "serve":  # the problems listed once, and error pages
        broken = BrokenDossier(loaded, name)
        for line in broken.log_lines():
            log.info(line)  # not a warning: strict mode would fail the build and stall the server
        return broken
    if not claims_path.is_file():
        raise PluginError(f"dossier: the claim records file {name} was not found (plugin option 'claims').")
    for problem in loaded:
        log.error(str(problem))
    raise PluginError(_problems_message(len(loaded), name))


def _load_site(
    options: DossierConfig,
    config: MkDocsConfig,
    claims_path: Path,
    snapshots: Path | None,
    config_dir: Path,
    cache: RenderCache | None,
) -> DossierSite | list[Problem]:
    """The dossier's pages, or the problems that stop them (the file missing or not valid)."""
    name = claims_path.name
    if not claims_path.is_file():
        return [not_found(name)]
    result = load_and_validate(claims_path, snapshots=snapshots, today=options.today)
    if not result.ok or result.data is None:
        return list(result.problems)
    site = DossierSite(
        result.data,
        site_options(options, config, claims_path, config_dir, quotes_checked=snapshots is not None),
        line_of=result.line_of,
        reference_markdown=reference_markdown(),
        history=read_history(options, claims_path, result.data),
        cache=cache,
    )
    # Warnings never stop a build (not even a strict one): their count, once, at INFO.
    warnings = review(result, index=site.index, analysis=site.analysis)
    if warnings:
        noun = "warning" if len(warnings) == 1 else "warnings"
        log.info(f"{len(warnings)} {noun} in {name}: `dossier validate {name}` lists them.")
    return site


def _add_pages(files: Files, config: MkDocsConfig, site: DossierSite, rebuild: Rebuild | None) -> list[str]:
    """The generated pages, out of the navigation (under serve, the claim and question pages
    that can take their HTML from the last build); their paths."""
    pages = site.pages()
    in_nav = _nav_paths(config.nav)
    for src_uri, markdown in pages.items():
        if files.get_file_from_path(src_uri) is not None:
            # A hand-written page with the same path wins; say so, since it hides data.
            log.warning(f"content/{src_uri} replaces the page the dossier would generate there.")
            continue
        file = File.generated(config, src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(file)
        if rebuild is not None and site.layout.is_record_page(src_uri) and src_uri not in in_nav:
            rebuild.adopt(file, config)
    return list(pages)


def _start_export(config: MkDocsConfig) -> PageTree | None:
    """Under `dossier export`: the page tree it writes, started."""
    out = export_target()
    tree = PageTree(out) if out is not None else None
    if tree is not None:
        tree.start(config)
    return tree


def _start_atomic(config: MkDocsConfig, wanted: bool) -> AtomicSite | None:
    """When ``wanted``: the build goes into a new folder, swapped in once it is complete."""
    if not wanted:
        return None
    atomic = AtomicSite()
    config.site_dir = atomic.start(config.site_dir)
    return atomic


def _swap(atomic: AtomicSite | None, config: MkDocsConfig | None) -> None:
    final = atomic.swap_in() if atomic is not None else None
    if final is not None and config is not None:
        config.site_dir = final


def _finish_rebuild(rebuild: Rebuild, site: DossierSite | None, generated: list[str], site_dir: str) -> None:
    """Under serve, after every file of the build is written: the kept site swept, and what was
    taken from the last build said (not for error pages)."""
    cards = site.card_files() if site is not None else None
    said = rebuild.finish(set(generated), site_dir, cards)
    if cards is not None:
        log.info(said)
