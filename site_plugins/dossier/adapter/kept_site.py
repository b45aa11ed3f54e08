"""Under ``mkdocs serve``: the site folder kept between rebuilds, with only what changed written.

Before every build MkDocs empties the site folder, and then writes every file again: at 10,000
claims that is some 40,000 files, most of them the same bytes as before. :class:`KeptSite` lets
a rebuild keep the files that have not changed instead:

1. before MkDocs empties the folder (``on_pre_build``), :meth:`KeptSite.hold` moves what the
   folder holds into a hidden folder inside it, which MkDocs leaves alone (it never removes
   hidden entries), and :meth:`KeptSite.release` moves it back once MkDocs has emptied the rest
   (``on_files``): a rename per top-level entry, whatever the number of files;
2. a generated file whose bytes are those the last build wrote (:meth:`KeptSite.unchanged`), a
   page whose output is the last build's, and a social card already drawn
   (:meth:`KeptSite.keep_all`) stay as they are instead of being written again;
3. after the build (:meth:`KeptSite.sweep`), every file that this build neither wrote nor kept
   (a deleted claim's page, a renamed file) is removed, and the folders left empty with it, so
   that the folder holds what a clean build writes.

A build that fails, or one that shows error pages, starts from an empty folder again (MkDocs'
own cleaning), and so does the first build. No other module touches the site folder this way.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

#: The hidden folder the last build's files wait in while MkDocs empties the site folder.
HELD = ".dossier-held"
_SINCE = ".since"


class KeptSite:
    """The files of the last build of one ``mkdocs serve``, and what this build keeps of them."""

    def __init__(self) -> None:
        self._digests: dict[str, str] = {}  # dest path -> digest of the bytes the last build wrote
        self._new_digests: dict[str, str] = {}
        self._kept: set[str] = set()  # dest paths kept from the last build, this build
        self._valid = False  # the site folder holds exactly what the last build wrote
        self._holding = False
        self._since = 0  # when this build started (the clock of the files' modification times)

    @property
    def kept_count(self) -> int:
        """How many files this build has kept so far."""
        return len(self._kept)

    # -- before and after MkDocs empties the folder ----------------------------------------
    def hold(self, site_dir: str) -> bool:
        """Move the last build's files aside, where MkDocs' cleaning does not reach; whether
        it did (not on a first build, nor after a failed one)."""
        self._kept = set()
        self._new_digests = {}
        self._holding = False
        held = os.path.join(site_dir, HELD)
        shutil.rmtree(held, ignore_errors=True)
        if not self._valid or not os.path.isdir(site_dir):
            self._digests = {}
            return False
        os.mkdir(held)
        self._since = _tick(os.path.join(held, _SINCE))
        for entry in os.listdir(site_dir):
            if not entry.startswith("."):
                os.rename(os.path.join(site_dir, entry), os.path.join(held, entry))
        self._valid = False  # until this build has swept the folder
        self._holding = True
        return True

    def release(self, site_dir: str) -> None:
        """After MkDocs emptied the folder: the last build's files back in their places."""
        if not self._holding:
            return
        held = os.path.join(site_dir, HELD)
        for entry in os.listdir(held):
            if entry != _SINCE:
                _move(os.path.join(held, entry), os.path.join(site_dir, entry))
        shutil.rmtree(held, ignore_errors=True)

    # -- what stays ------------------------------------------------------------------------
    def unchanged(self, dest_uri: str, digest: str) -> bool:
        """Whether the file at ``dest_uri`` already holds the bytes of ``digest`` (then it is
        kept; either way the digest is remembered for the next build)."""
        self._new_digests[dest_uri] = digest
        if self._holding and self._digests.get(dest_uri) == digest:
            self._kept.add(dest_uri)
            return True
        return False

    def keep_all(self, dest_uris: list[str]) -> None:
        """The files at ``dest_uris`` are this build's, whoever wrote or kept them (the social
        cards, named after what they show: one already in the folder is not drawn again)."""
        if self._holding:
            self._kept.update(dest_uris)

    # -- after the build -------------------------------------------------------------------
    def sweep(self, site_dir: str) -> int:
        """Remove what this build neither wrote nor kept; the folder is then this build's.
        Returns how many files were removed."""
        removed = 0
        if self._holding:
            removed, _ = self._sweep(site_dir, "")
        self._digests = self._new_digests
        self._new_digests = {}
        self._holding = False
        self._valid = True
        return removed

    def _sweep(self, folder: str, prefix: str) -> tuple[int, int]:
        """How many files were removed from ``folder``, and how many entries it still has."""
        removed = left = 0
        with os.scandir(folder) as entries:
            for entry in entries:
                left += 1
                if entry.name.startswith(".") and not prefix:
                    continue
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    gone, inside = self._sweep(entry.path, rel + "/")
                    removed += gone
                    if not inside:
                        os.rmdir(entry.path)
                        left -= 1
                elif rel not in self._kept and entry.stat(follow_symlinks=False).st_mtime_ns <= self._since:
                    os.unlink(entry.path)
                    removed += 1
                    left -= 1
        return removed, left

    def forget(self) -> None:
        """The folder is not the last build's any more (a build failed, or showed error pages)."""
        self._valid = False
        self._holding = False
        self._digests = {}


def _tick(marker: str) -> int:
    """A modification time that every file older than now has at most and every file written
    from now on exceeds: the file system's clock is coarse (a few milliseconds), so wait until
    it has moved on from the marker's time."""
    Path(marker).touch()
    since = os.stat(marker).st_mtime_ns
    for _ in range(1000):
        os.utime(marker)
        if os.stat(marker).st_mtime_ns > since:
            break
        time.sleep(0.001)
    return since


def _move(source: str, target: str) -> None:
    """Move ``source`` to ``target``; where something is already there (another plugin wrote
    into the folder first), what is there wins and the rest of ``source`` joins it."""
    if not os.path.lexists(target):
        os.rename(source, target)
    elif os.path.isdir(source) and os.path.isdir(target):
        for entry in os.listdir(source):
            _move(os.path.join(source, entry), os.path.join(target, entry))
