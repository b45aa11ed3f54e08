"""What the build may use of the machine it runs on. No MkDocs import."""

from __future__ import annotations

import os


def spare_core() -> bool:
    """Whether this process may use more than one core (a second process then runs beside it)."""
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # not on Linux
        return (os.cpu_count() or 1) > 1
