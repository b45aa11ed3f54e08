"""The last build's social cards, kept for the next build of the same process.

A build copies each unchanged card from the previous site instead of drawing it again. An
atomic ``mkdocs build`` has that site beside it (:mod:`.atomic`); ``mkdocs serve``, a
``--dirty`` build or ``atomic: false`` build in place, and MkDocs empties ``site_dir`` before
the plugin adds its files. :class:`CardCache` moves the cards folder out of ``site_dir`` just
before (``on_pre_build``) into a folder of its own, which the build then reads as the previous
site, so that a rebuild of ``mkdocs serve`` draws only the cards that changed. The folder
lives as long as the plugin's command (removed in ``on_shutdown``).
"""

from __future__ import annotations

import os
import shutil
import tempfile

from ..site.share import CARDS_DIR


class CardCache:
    """A folder of the plugin's own that holds the last build's ``cards/`` between builds."""

    def __init__(self) -> None:
        self._folder: str | None = None
        #: the last site, whose unchanged cards the build copies (None: every card is drawn)
        self.previous: str | None = None

    def before_build(self, site_dir: str, published: str | None, in_place: bool) -> None:
        """Find the last site before MkDocs cleans ``site_dir``: ``published``, the one an
        atomic build replaces, or for a build ``in_place`` the cards taken out of ``site_dir``."""
        self.previous = self._keep(site_dir) if in_place else published

    def _keep(self, site_dir: str) -> str | None:
        """Take the cards out of ``site_dir`` (before MkDocs cleans it); return the folder that
        now holds them, to read as the previous site (None when there were none)."""
        cards = os.path.join(site_dir, CARDS_DIR)
        if not os.path.isdir(cards):  # none built (the first build, or the last one failed)
            return self._folder
        if self._folder is None:
            self._folder = tempfile.mkdtemp(prefix="dossier-cards-")
        kept = os.path.join(self._folder, CARDS_DIR)
        shutil.rmtree(kept, ignore_errors=True)
        shutil.move(cards, kept)
        return self._folder

    def remove(self) -> None:
        """Remove the folder (the command has ended)."""
        folder, self._folder = self._folder, None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
