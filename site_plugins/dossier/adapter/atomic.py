"""An atomic ``mkdocs build``: the new site is built beside the old one and swapped in whole.

MkDocs writes straight into ``site_dir``, so a build that fails half-way leaves half a site
(and a failing build in CI could publish it). :class:`AtomicSite` points MkDocs at a fresh
sibling folder instead, and on success renames it into place in one step; on failure it
removes it, and the previous site stays as it was. :func:`strict_warnings_seen` tells whether a
strict build is about to abort, under MkDocs or under ProperDocs.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile

#: The loggers that count a strict build's warnings: MkDocs' and its fork ProperDocs' (which
#: answers ``import mkdocs`` itself but logs, and counts, under its own name).
STRICT_LOGGERS = ("mkdocs", "properdocs")


def strict_warnings_seen(loggers: tuple[str, ...] = STRICT_LOGGERS) -> bool:
    """Whether the strict-mode counter (a handler with ``get_counts``, which MkDocs' build puts
    on its top logger) has seen a warning: the build aborts once the plugins' on_post_build
    have run."""
    for name in loggers:
        for handler in logging.getLogger(name).handlers:
            get_counts = getattr(handler, "get_counts", None)
            if callable(get_counts) and get_counts():
                return True
    return False


class AtomicSite:
    """One build's temporary output folder, and the folder it becomes on success."""

    def __init__(self) -> None:
        self.building: str | None = None
        self.final: str | None = None

    @property
    def active(self) -> bool:
        return self.building is not None and self.final is not None

    def start(self, site_dir: str) -> str:
        """Make a fresh sibling of ``site_dir`` and return it: the folder to build into."""
        final = os.path.abspath(site_dir)
        parent = os.path.dirname(final)
        os.makedirs(parent, exist_ok=True)
        self.building = tempfile.mkdtemp(prefix=f".{os.path.basename(final)}.building-", dir=parent)
        self.final = final
        return self.building

    def swap_in(self) -> str | None:
        """Put the new site in place of the old one (then removed); return where it now is."""
        building, final = self.building, self.final
        if building is None or final is None or not os.path.isdir(building):
            return None
        old = None
        if os.path.lexists(final):
            old = tempfile.mkdtemp(prefix=f".{os.path.basename(final)}.old-", dir=os.path.dirname(final))
            os.rmdir(old)
            os.rename(final, old)
        os.rename(building, final)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        os.chmod(final, 0o755)
        self.building = None
        return final

    def discard(self) -> None:
        """Remove the unfinished new site (a failed or interrupted build)."""
        if self.building is not None:
            shutil.rmtree(self.building, ignore_errors=True)
            self.building = None
