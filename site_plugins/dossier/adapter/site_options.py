"""What the adapter tells the engine about the site, from ``mkdocs.yml``: the site's options
(:func:`site_options`, with the "edit this record" address) and the build's date
(:class:`BuildDate`)."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..records.model import date_bounds
from ..site.layout import Layout
from ..site.options import SiteOptions
from .config import DossierConfig


def site_options(
    plugin: DossierConfig, config: MkDocsConfig, claims_path: Path, config_dir: Path, *, quotes_checked: bool
) -> SiteOptions:
    """The engine's options from the plugin's and MkDocs' configuration."""
    layout = Layout(
        claims_dir=plugin.claims_dir.strip("/"),
        questions_dir=plugin.questions_dir.strip("/"),
        downloads_dir=plugin.downloads_dir.strip("/"),
        assets_dir=plugin.assets_dir.strip("/"),
        directory_urls=bool(config.use_directory_urls),
    )
    return SiteOptions(
        site_name=config.site_name,
        site_url=config.site_url,
        layout=layout,
        edit_base=edit_base(plugin, config, claims_path, config_dir),
        claims_name=claims_path.name,
        quotes_checked=quotes_checked,
        search_quotes=plugin.search_quotes,
        background_charts=plugin.background_charts,
        search_view=plugin.search_view,
        compact_html=plugin.compact_html,
        publisher=plugin.publisher or config.site_author or None,
        language=str(config.theme.get("language") or "en"),
    )


def edit_base(plugin: DossierConfig, config: MkDocsConfig, claims_path: Path, config_dir: Path) -> str | None:
    """The address of ``claims.yaml`` on the forge (the plugin's ``edit_base`` option, or made
    from ``repo_url`` and the branch of ``edit_uri``); None without a repository."""
    if plugin.edit_base:
        return str(plugin.edit_base)
    if not config.repo_url:
        return None
    branch = plugin.branch
    match = re.match(r"^/?(?:edit|blob|tree)/([^/]+)/", config.edit_uri or "")
    if match:
        branch = match.group(1)
    try:
        in_repo = claims_path.resolve().relative_to(config_dir).as_posix()
    except ValueError:
        in_repo = claims_path.name
    return f"{config.repo_url.rstrip('/')}/blob/{branch}/{in_repo}"


class BuildDate:
    """Without SOURCE_DATE_EPOCH, the build (the sitemap) is dated by the dossier's ``updated``,
    not by the clock, for the length of one build."""

    def __init__(self) -> None:
        self._set = False

    def pin(self, updated: str) -> None:
        if os.environ.get("SOURCE_DATE_EPOCH") and not self._set:
            return
        day = date_bounds(updated)[0]
        epoch = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
        self._set = True

    def unpin(self) -> None:
        if self._set:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
            self._set = False
