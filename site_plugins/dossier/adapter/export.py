"""The generated site as a plain page tree that MkDocs + Material (or Zensical) builds without
this plugin: ``dossier export OUT`` runs a build with ``DOSSIER_EXPORT=OUT``, and this module
writes, as the build goes, into ``OUT``:

* ``docs/<page>.md`` for every page: front matter (title, description, edit link and the
  page's own meta) and the page's final HTML inline, in one raw HTML block;
* ``docs/...`` every other file of the site's source: the plugin's assets and downloads, and
  the static files of ``docs_dir``;
* ``overrides/``: the theme's ``custom_dir`` (if any) and two templates of the export's own: the
  edit link from the front matter (``partials/actions.html``) and the Open Graph tags from the
  page's title and description (``main.html``);
* ``mkdocs.yml``: the site's configuration without this plugin and without ``hooks:``, with
  ``docs_dir: docs`` and ``use_directory_urls: false``
  and the generated pages ``not_in_nav`` (as they were).

The export's build has ``use_directory_urls: false`` (set before the engine lays out the site),
so each page's URL is its source file's path with ``.html``: every link in the HTML is then
relative to the source file, and reads the same in any builder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import yaml_load

EXPORT_ENV = "DOSSIER_EXPORT"
PLUGIN = "dossier"

#: The export's own theme overrides (the edit link, the Open Graph tags), laid over custom_dir.
OVERRIDES = Path(__file__).resolve().parent / "export_overrides"


def export_target() -> Path | None:
    value = os.environ.get(EXPORT_ENV)
    return Path(value).resolve() if value else None


class PageTree:
    """What one build writes into the export folder."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.docs = out / "docs"

    def start(self, config: MkDocsConfig) -> None:
        if self.out.exists():
            shutil.rmtree(self.out)
        self.docs.mkdir(parents=True)
        config.use_directory_urls = False

    def add_page(self, page: Page, config: MkDocsConfig) -> None:
        meta: dict[str, Any] = {k: v for k, v in (page.meta or {}).items() if _plain(v)}
        meta["title"] = str(page.title or config.site_name)
        if page.edit_url:
            meta["edit_url"] = page.edit_url
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1_000)
        body = f'<div class="dossier-export">\n{page.content or ""}\n</div>\n'
        target = self.docs / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")

    def finish(self, config: MkDocsConfig, files: Files) -> None:
        docs_dir = os.path.abspath(config.docs_dir)
        for file in files:
            if file.is_documentation_page():
                continue
            target = self.docs / file.src_uri
            if file.generated_by:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(file.content_bytes)
            elif file.abs_src_path and os.path.abspath(file.abs_src_path).startswith(docs_dir + os.sep):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file.abs_src_path, target)
        self._overrides(config)
        hidden = [
            f.src_uri for f in files if f.is_documentation_page() and f.inclusion is InclusionLevel.NOT_IN_NAV
        ]
        self._config(config, hidden)

    def _overrides(self, config: MkDocsConfig) -> None:
        overrides = self.out / "overrides"
        custom_dir = config.theme.custom_dir
        if custom_dir:
            shutil.copytree(custom_dir, overrides)
        shutil.copytree(OVERRIDES, overrides, dirs_exist_ok=True)

    def _config(self, config: MkDocsConfig, not_in_nav: list[str]) -> None:
        with open(str(config.config_file_path), "rb") as source:
            data: dict[str, Any] = yaml_load(source)
        data.pop("hooks", None)
        data["plugins"] = [p for p in data.get("plugins", []) if _plugin_name(p) != PLUGIN]
        data["docs_dir"] = "docs"
        data.pop("site_dir", None)
        data["use_directory_urls"] = False
        # The generated pages stay out of the navigation, as they were (no omitted-files warning).
        data["not_in_nav"] = "".join(f"/{src}\n" for src in sorted(not_in_nav)) or None
        theme = data.get("theme")
        data["theme"] = {**(theme if isinstance(theme, dict) else {"name": theme}), "custom_dir": "overrides"}
        data["extra_css"] = [str(css) for css in config.extra_css]
        data["extra_javascript"] = [str(script) for script in config.extra_javascript]
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000)
        (self.out / "mkdocs.yml").write_text(
            "# The dossier as a plain page tree, written by `dossier export`: MkDocs + Material\n"
            "# (without the dossier plugin) or Zensical build it as it is.\n" + text,
            encoding="utf-8",
        )


def _plugin_name(entry: object) -> str:
    if isinstance(entry, dict):
        return str(next(iter(entry), ""))
    return str(entry)


def _plain(value: object) -> bool:
    """Whether a front-matter value can be written back as YAML as it is."""
    if isinstance(value, str | int | float | bool) or value is None:
        return True
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False
