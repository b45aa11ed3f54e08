"""The ``dossier`` command's usage error, in a module of its own: every command module raises
the same class whether the command runs as ``dossier`` or as ``python -m ...editors.cli``."""

from __future__ import annotations


class UsageError(Exception):
    """A mistake in how the command was called (exit status 2)."""
