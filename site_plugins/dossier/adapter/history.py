"""The records' history for a build (see :mod:`..history`), its absence logged: at INFO when
there is no history to read (no git, not a repository, the file never committed: the test
fixtures, a download of the sources), with a WARNING in a shallow clone or when git fails (a
site published without its history). Never fatal."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from ..history.build import history_of
from ..history.model import History, Kind
from ..records.model import ClaimsFile
from .config import DossierConfig

log = get_plugin_logger(__name__)


def read_history(config: DossierConfig, claims_path: Path, data: ClaimsFile) -> History | None:
    """The history of ``claims_path`` (None with ``history: false``)."""
    if not config.history:
        return None
    current: dict[Kind, list[str]] = {
        "claim": [c.id for c in data.claims],
        "question": [q.id for q in data.questions],
        "source": [s.id for s in data.sources],
    }
    history, level = history_of(claims_path, current)
    if history.unavailable is not None:
        message = f"History of {claims_path.name} not available: {history.unavailable}."
        if level == "warning":
            log.warning(message)
        else:
            log.info(message)
    return history
