"""The MkDocs plugin: a thin adapter between MkDocs and the dossier engine.

It validates ``claims.yaml`` (aborting the build with every problem listed), hands the
generated pages, assets and downloads to MkDocs, fills the home page's "What we know" section,
puts each generated page's own HTML back after Markdown has run (and lets the search plugin
index a lean copy of it), points "edit this page" at the record's line in ``claims.yaml``,
takes blank lines and indentation out of the HTML, and makes ``mkdocs build`` atomic: the site
is built into a fresh sibling folder and swapped into place only when the build succeeded, so
a failed build leaves the previous site untouched.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
import re
import shutil
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from ..checking import validate
from ..problems import DossierError
from ..records.model import date_bounds
from ..site.layout import Layout
from ..site.render import WHAT_WE_KNOW_MARKER, DossierSite, SiteOptions
from ..site.whitespace import squeeze

log = get_plugin_logger(__name__)

#: Files of the plugin's ``assets`` folder published under ``assets_dir``.
ASSETS = (
    "dossier.css",
    "dossier-tables.js",
    "vendor/tablesort/tablesort.min.js",
    "vendor/tablesort/tablesort.number.min.js",
    "vendor/tablesort/LICENCE",
)


class DossierConfig(base.Config):
    """Options of the ``dossier`` plugin in ``mkdocs.yml``."""

    enabled = c.Type(bool, default=True)
    """Generate the dossier. With ``false`` the site is built from ``docs_dir`` alone."""

    claims = c.File(exists=False, default="claims.yaml")
    """The claim records, relative to ``mkdocs.yml``."""

    snapshots = c.Optional(c.Dir(exists=True))
    """Folder of source snapshots for quote verification (usually ``!ENV DOSSIER_SNAPSHOTS``).
    Unset: quotes are not checked, and the build says so."""

    edit_base = c.Optional(c.Type(str))
    """Address of ``claims.yaml`` on the forge, e.g.
    ``https://github.com/OWNER/REPO/blob/main/claims.yaml``; ``#L<line>`` is added per record.
    Default: ``repo_url`` + ``/blob/<branch>/`` + the path of ``claims`` in the repository,
    with the branch taken from ``edit_uri`` (``edit/<branch>/...``) or ``branch``."""

    branch = c.Type(str, default="main")
    """Branch for edit links when ``edit_uri`` does not name one."""

    claims_dir = c.Type(str, default="claims")
    """Folder (in the site) of the claim pages."""

    questions_dir = c.Type(str, default="questions")
    """Folder (in the site) of the question pages and the questions index."""

    downloads_dir = c.Type(str, default="downloads")
    """Folder (in the site) of the JSON and CSV downloads."""

    assets_dir = c.Type(str, default="assets/dossier")
    """Folder (in the site) of the plugin's stylesheet and scripts."""

    search_quotes = c.Type(bool, default=True)
    """Index claim pages' quotes for search. ``false`` keeps only statements (and the rest of
    the site) in the search index: a much smaller index for dossiers of thousands of claims."""

    background_charts = c.Type(bool, default=True)
    """Draw the charts (matplotlib, a fraction of a second each) in a second process while
    MkDocs builds the pages, where the machine has a second core. The charts are the same
    either way."""

    compact_html = c.Type(bool, default=True)
    """Take the blank lines and indentation out of every page's HTML (not inside ``pre``,
    ``textarea``, ``script`` or ``style``): the page shows the same, with about a fifth fewer
    bytes."""

    search_view = c.Type(bool, default=True)
    """Let the search plugin read a lean copy of each generated page (without the parts marked
    ``data-search-exclude``, which the index leaves out) instead of the whole page, which it
    would parse only to drop most of it; and index each claim page as one entry, its statement
    as the title and its quotes as the text. ``false``: the search plugin reads the whole page
    (the same words, in a larger index: a claim page's Evidence section is an entry of its
    own)."""

    atomic = c.Type(bool, default=True)
    """``mkdocs build`` writes into a temporary sibling of ``site_dir`` and swaps it in only on
    success. (Never for ``mkdocs serve``, which builds into its own temporary folder.)"""


class DossierPlugin(BasePlugin[DossierConfig]):
    """Generates the dossier's pages from ``claims.yaml``."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._command: str = "build"
        self._dirty = False
        self._site: DossierSite | None = None
        self._claims_path: Path | None = None
        self._final_site_dir: str | None = None
        self._building_dir: str | None = None
        self._epoch_set = False
        self._config: MkDocsConfig | None = None
        self._full_content: dict[str, str] = {}  # src -> the page's HTML while search reads a lean copy
        self._started = False  # on_startup seen: MkDocs' command line will call on_shutdown
        self._built = False  # on_post_build ran; the swap waits for on_shutdown

    # -- lifecycle -------------------------------------------------------------------------
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Having on_startup also keeps this plugin instance across `mkdocs serve` rebuilds.
        self._command = command
        self._dirty = dirty
        self._started = True

    def on_shutdown(self) -> None:
        # MkDocs' command line calls this in a ``finally`` after the whole build, after every
        # other plugin's on_post_build and after the strict-mode check: the one safe moment to
        # publish the new site. A failed build has already removed it in on_build_error.
        if self._built:
            self._swap_in()
        elif self._building_dir is not None:  # interrupted (Ctrl-C) before the build ended
            shutil.rmtree(self._building_dir, ignore_errors=True)
            self._building_dir = None
        if self._site is not None:
            self._site.close()
        # MkDocs keeps this instance for the whole process (it has on_startup): forget the command.
        self._command = "build"
        self._dirty = False
        self._site = None
        self._started = False
        self._built = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._site = None
        self._full_content = {}
        if not self.config.enabled:
            return None
        config_dir = Path(config.config_file_path or ".").resolve().parent
        claims_path = Path(self.config.claims)
        if not claims_path.is_absolute():
            claims_path = config_dir / claims_path
        self._claims_path = claims_path
        snapshots = Path(self.config.snapshots) if self.config.snapshots else None
        if snapshots is None:
            log.info("No snapshots folder configured (DOSSIER_SNAPSHOTS): quotes are not checked.")
        self._site = self._load(claims_path, snapshots, config, config_dir)
        self._pin_build_date(self._site.data.dossier.updated)

        css = posixpath.join(self.config.assets_dir, "dossier.css")
        if css not in [str(x) for x in config.extra_css]:
            config.extra_css.insert(0, css)
        self._start_atomic(config)
        return config

    def _load(
        self, claims_path: Path, snapshots: Path | None, config: MkDocsConfig, config_dir: Path
    ) -> DossierSite:
        name = claims_path.name
        if not claims_path.is_file():
            raise PluginError(
                f"dossier: the claim records file {name} was not found (plugin option 'claims')."
            )
        try:
            result = validate.load_and_validate(claims_path, snapshots=snapshots)
        except DossierError as exc:
            for problem in exc.problems:
                log.error(str(problem))
            raise PluginError(_problems_message(len(exc.problems), name)) from exc
        if not result.ok or result.data is None:
            for problem in result.problems:
                log.error(str(problem))
            raise PluginError(_problems_message(len(result.problems), name)) from DossierError(
                result.problems
            )

        layout = Layout(
            claims_dir=self.config.claims_dir.strip("/"),
            questions_dir=self.config.questions_dir.strip("/"),
            downloads_dir=self.config.downloads_dir.strip("/"),
            assets_dir=self.config.assets_dir.strip("/"),
            directory_urls=bool(config.use_directory_urls),
        )
        options = SiteOptions(
            site_name=config.site_name,
            site_url=config.site_url,
            layout=layout,
            edit_base=self._edit_base(config, claims_path, config_dir),
            claims_name=name,
            quotes_checked=snapshots is not None,
            search_quotes=self.config.search_quotes,
            background_charts=self.config.background_charts,
        )
        try:
            from ..editors.schema import reference_markdown
        except ImportError:  # the editors' reference is optional
            reference = None
        else:
            reference = reference_markdown()
        return DossierSite(result.data, options, line_of=result.line_of, reference_markdown=reference)

    def _edit_base(self, config: MkDocsConfig, claims_path: Path, config_dir: Path) -> str | None:
        if self.config.edit_base:
            return str(self.config.edit_base)
        if not config.repo_url:
            return None
        branch = self.config.branch
        match = re.match(r"^/?(?:edit|blob|tree)/([^/]+)/", config.edit_uri or "")
        if match:
            branch = match.group(1)
        try:
            in_repo = claims_path.resolve().relative_to(config_dir).as_posix()
        except ValueError:
            in_repo = claims_path.name
        return f"{config.repo_url.rstrip('/')}/blob/{branch}/{in_repo}"

    def _pin_build_date(self, updated: str) -> None:
        """Without SOURCE_DATE_EPOCH, date the build (sitemap) by the dossier's ``updated``, not the clock."""
        if os.environ.get("SOURCE_DATE_EPOCH") and not self._epoch_set:
            return
        day = date_bounds(updated)[0]
        epoch = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
        self._epoch_set = True

    def _unpin_build_date(self) -> None:
        if self._epoch_set:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
            self._epoch_set = False

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled and self._claims_path is not None:
            server.watch(str(self._claims_path))
        return server

    # -- content ---------------------------------------------------------------------------
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        site = self._site
        if site is None:
            return None
        for src_uri, markdown in site.pages().items():
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                # A hand-written page with the same path wins; say so, since it hides data.
                log.warning(f"content/{src_uri} replaces the page the dossier would generate there.")
                continue
            files.append(
                File.generated(config, src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV)
            )
        for name, content in site.downloads().items():
            files.append(File.generated(config, site.layout.download(name), content=content))
        assets = resources.files("site_plugins.dossier.site") / "assets"
        for name in ASSETS:
            files.append(
                File.generated(config, site.layout.asset(name), content=(assets / name).read_bytes())
            )
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self._site is None or WHAT_WE_KNOW_MARKER not in markdown:
            return None
        section = self._site.what_we_know(page.file.src_uri)
        return markdown.replace(WHAT_WE_KNOW_MARKER, "\n" + section + "\n", 1)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        site = self._site
        src = page.file.src_uri
        if site is None or not site.has_fragments(src):
            return None
        full = site.page_html(src, html)
        lean = site.search_html(src, html) if self.config.search_view else None
        if lean is None:
            return full
        # The search plugin indexes page.content in its on_page_context; the whole page goes
        # back in ours, which runs after it (see _put_back_content).
        self._full_content[src] = full
        return lean

    # Priority 100: before the theme and other plugins read the page in on_page_context.
    @event_priority(100)
    def _set_edit_url(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self._site is not None and page.file.generated_by:
            page.edit_url = self._site.edit_url_for_page(page.file.src_uri)
        return context

    # Priority -100: after the search plugin (priority 0) has indexed the lean copy, and before
    # the template is rendered with page.content.
    @event_priority(-100)
    def _put_back_content(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        full = self._full_content.pop(page.file.src_uri, None)
        if full is not None:
            page.content = full
            context["page"] = page
        return context

    on_page_context = CombinedEvent(_set_edit_url, _put_back_content)

    # Priority -100: after the other plugins and hooks have written the page.
    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled or not self.config.compact_html:
            return None
        return squeeze(output)

    # -- atomic output ---------------------------------------------------------------------
    def _start_atomic(self, config: MkDocsConfig) -> None:
        self._final_site_dir = None
        self._building_dir = None
        if not self.config.atomic or self._command == "serve" or self._dirty:
            return
        final = os.path.abspath(config.site_dir)
        parent = os.path.dirname(final)
        os.makedirs(parent, exist_ok=True)
        self._building_dir = tempfile.mkdtemp(prefix=f".{os.path.basename(final)}.building-", dir=parent)
        self._final_site_dir = final
        config.site_dir = self._building_dir

    # Priority -100: for a build started from Python without MkDocs' command line (no
    # on_startup, so no on_shutdown to wait for), the swap happens here, after the other
    # plugins' on_post_build (search writes its index there).
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._site is not None:
            self._site.close()
        self._unpin_build_date()
        if self._building_dir is None or self._final_site_dir is None:
            return
        self._config = config
        if self._started:
            self._built = True  # on_shutdown swaps, unless something fails first
            return
        if config.strict and _strict_warnings():
            return  # MkDocs aborts the build next; on_build_error removes the new folder
        self._swap_in()

    def _swap_in(self) -> None:
        building, final = self._building_dir, self._final_site_dir
        self._built = False
        if building is None or final is None or not os.path.isdir(building):
            return
        old = None
        if os.path.lexists(final):
            old = tempfile.mkdtemp(prefix=f".{os.path.basename(final)}.old-", dir=os.path.dirname(final))
            os.rmdir(old)
            os.rename(final, old)
        os.rename(building, final)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        os.chmod(final, 0o755)
        if self._config is not None:
            self._config.site_dir = final
        self._building_dir = None

    def on_build_error(self, *, error: Exception) -> None:
        if self._site is not None:
            self._site.close()
        self._unpin_build_date()
        self._built = False
        if self._building_dir is not None:
            shutil.rmtree(self._building_dir, ignore_errors=True)
            self._building_dir = None


def _problems_message(count: int, name: str) -> str:
    noun = "problem" if count == 1 else "problems"
    return f"dossier: {count} {noun} in {name} (listed above); the site was not built."


def _strict_warnings() -> bool:
    """Whether MkDocs' strict-mode counter has seen a warning (the build will abort)."""
    for handler in logging.getLogger("mkdocs").handlers:
        if isinstance(handler, CountHandler) and handler.get_counts():
            return True
    return False
