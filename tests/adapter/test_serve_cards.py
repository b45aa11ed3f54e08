"""`mkdocs serve` keeps the last build's social cards: a rebuild draws only the changed ones.

Drives MkDocs' own build the way ``mkdocs serve`` does (one plugin instance, ``on_startup``
once, a fresh config and a build into the same temporary folder on every change,
``on_shutdown`` at the end), without starting the server loop.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fixtures import MINI_DIR
from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"
DRAWN = re.compile(r"Social cards: (\d+) drawn, (\d+) unchanged")


@contextmanager
def _drawn() -> Iterator[list[tuple[int, int]]]:
    """The (drawn, unchanged) counts the builds inside log."""
    counts: list[tuple[int, int]] = []

    class Counter(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            found = DRAWN.search(record.getMessage())
            if found:
                counts.append((int(found.group(1)), int(found.group(2))))

    logger, handler = logging.getLogger("mkdocs"), Counter(level=logging.INFO)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        yield counts
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


def _cards(site_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in (site_dir / "cards").rglob("*.png")}


@pytest.mark.parametrize("command", ["serve", "build"])
def test_a_rebuild_in_place_draws_only_the_changed_cards(
    command: str, tmp_path: Path, site_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under serve the cards stay in the site folder with the rest of the last build (see
    adapter/kept_site.py); a build in place (``atomic: false``) keeps them in a folder of the
    plugin's own while MkDocs cleans."""
    project, served, temporary = tmp_path / "project", tmp_path / "served", tmp_path / "tmp"
    shutil.copytree(MINI_DIR, project)
    if command == "build":
        yml = project / "mkdocs.yml"
        yml.write_text(
            yml.read_text(encoding="utf-8").replace(
                "claims: claims.yaml", "claims: claims.yaml\n      atomic: false"
            ),
            encoding="utf-8",
        )
    served.mkdir()
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))  # where the plugin keeps its folder

    def get_config():  # what `mkdocs serve` does before every build
        return load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(served))

    config = get_config()
    config.plugins.on_startup(command=command, dirty=False)  # type: ignore[arg-type]
    try:
        with _drawn() as counts:
            build(config, serve_url=SERVE_URL)
            first = _cards(served)
            build(get_config(), serve_url=SERVE_URL)
            second = _cards(served)
            claims = project / "claims.yaml"
            text = claims.read_text(encoding="utf-8")
            assert "There are 12 lanterns" in text
            edited = text.replace("There are 12 lanterns", "There are 13 lanterns")
            claims.write_text(edited, encoding="utf-8")
            build(get_config(), serve_url=SERVE_URL)
            third = _cards(served)
        kept_aside = any(p.name.startswith("dossier-cards-") for p in temporary.iterdir())
        assert kept_aside == (command == "build")
    finally:
        config.plugins.on_shutdown()
    assert not any(p.name.startswith("dossier-cards-") for p in temporary.iterdir())

    assert len(first) == 10  # the site, the three questions and the six claims
    assert counts[0] == (len(first), 0)
    # Nothing changed: nothing drawn, every card the same bytes.
    assert counts[1] == (0, len(first))
    assert second == first
    # One statement changed: its claim's card (a new name) is drawn, the others copied.
    changed = sorted(set(third) - set(first))
    assert changed and all(name.startswith("cards/claims/count-12-") for name in changed)
    assert counts[2] == (len(changed), len(third) - len(changed))
    assert {name: third[name] for name in third if name not in changed} == {
        name: first[name] for name in first if name in third
    }
    # The same bytes as a clean build of the edited dossier.
    clean = tmp_path / "clean"
    build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(clean)))
    assert _cards(clean) == third
