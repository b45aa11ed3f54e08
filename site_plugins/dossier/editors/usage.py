"""The one error class of the ``dossier`` command's usage (exit status 2).

In a module of its own so that every command module raises the same class, also when the
command runs as ``python -m site_plugins.dossier.editors.cli`` (then ``cli`` is loaded twice).
"""

from __future__ import annotations


class UsageError(Exception):
    """A mistake in how the command was called (exit status 2)."""
