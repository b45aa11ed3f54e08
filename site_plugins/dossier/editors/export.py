"""``dossier export OUT``: the generated site as a plain page tree in ``OUT`` (Markdown pages
with their final HTML inline, the assets and downloads, theme overrides and a ``mkdocs.yml``
without the dossier plugin or hooks), which MkDocs + Material builds without the plugin, and
Zensical builds too. The tree is written by a strict build of the site (in a temporary folder)
run with ``DOSSIER_EXPORT=OUT``: see ``adapter/export.py``, which does the writing."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from .check import build_env, build_site

EXPORT_ENV = "DOSSIER_EXPORT"


def cmd_export(args: argparse.Namespace) -> int:
    from .usage import new_folder, site_config

    config = site_config(args.config_file)
    out = new_folder(args.out).resolve()
    env = build_env(args.today, "0")
    env[EXPORT_ENV] = str(out)
    with tempfile.TemporaryDirectory(prefix="dossier-export-") as temp:
        built = build_site(config, Path(temp) / "site", env)
    if built.returncode != 0:
        sys.stderr.write(built.stderr)
        sys.stderr.write(f"dossier export: the site did not build; {args.out} was not written\n")
        return 1
    pages = sum(1 for _ in (out / "docs").rglob("*.md"))
    sys.stdout.write(
        f"{args.out}: the site as a plain page tree ({pages} pages). Build it without the dossier "
        f"plugin with: mkdocs build --strict -f {args.out}/mkdocs.yml\n"
    )
    return 0


def add_export_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from .cli import add_today_argument
    from .usage import add_config_argument

    export = commands.add_parser(
        "export",
        help="write the generated site as a plain page tree that builds without the dossier plugin",
        description="Build the site (strictly) and write it into OUT as a plain page tree: every "
        "page as Markdown with its final HTML inline, the assets and downloads, theme overrides for "
        "the edit link and link previews, and a mkdocs.yml without the dossier plugin or hooks. "
        "MkDocs with Material builds it without the plugin; so does Zensical.",
    )
    export.add_argument("out", metavar="OUT", help="the folder to write (absent or empty)")
    add_config_argument(export)
    add_today_argument(export)
    export.set_defaults(handler=cmd_export)
