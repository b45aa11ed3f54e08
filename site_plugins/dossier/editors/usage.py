"""The ``dossier`` command's usage error, in a module of its own: every command module raises
the same class whether the command runs as ``dossier`` or as ``python -m ...editors.cli``."""

from __future__ import annotations

import argparse
from pathlib import Path


class UsageError(Exception):
    """A mistake in how the command was called (exit status 2)."""


def new_folder(value: str) -> Path:
    """A folder a command writes: it must not exist, or be empty (nothing is ever overwritten)."""
    folder = Path(value)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"{value} already exists and is not an empty folder; nothing was written")
    return folder


def site_config(value: str) -> Path:
    """The site's ``mkdocs.yml`` (``--config-file``), which must exist."""
    config = Path(value).resolve()
    if not config.is_file():
        raise UsageError(f"{value} not found (--config-file: the site's mkdocs.yml)")
    return config


def add_config_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--config-file", metavar="MKDOCS_YML", default="mkdocs.yml", help="the site's configuration"
    )
