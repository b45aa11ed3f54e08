"""`mkdocs serve`: claims.yaml is watched, and every rebuild reads it afresh.

Drives MkDocs' own serve pieces (config loading, the live-reload server, the build) the way
``mkdocs serve`` does, without starting the server loop.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fixtures import MINI_DIR
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from site_plugins.dossier.adapter.watcher import POLL_SECONDS

SERVE_URL = "http://127.0.0.1:8000/"


def test_claims_file_is_watched_and_reread_on_rebuild(tmp_path: Path, site_env: None) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI_DIR, project)
    site_dir = tmp_path / "served"
    site_dir.mkdir()

    def get_config():  # what `mkdocs serve` does before every build
        return load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        _serve_and_edit(project, site_dir, config, get_config)
    finally:
        config.plugins.on_shutdown()
    # Serve builds in place (its own temporary folder): no swapping folders around.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "served"]


def _serve_and_edit(project: Path, site_dir: Path, config: Any, get_config: Callable[[], Any]) -> None:
    build(config, serve_url=SERVE_URL)
    page = site_dir / "claims" / "count-12" / "index.html"
    assert "There are 12 lanterns on the pier." in page.read_text(encoding="utf-8")

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site_dir))
    try:
        server.watch(config.docs_dir)  # as `mkdocs serve` does before on_serve
        config.plugins.on_serve(server, config=config, builder=lambda: None)
        watched = server._watched_paths  # the paths a change of which triggers a rebuild
        polled = sorted(e.watch.raw_path for e in server.observer.emitters)
        every = server.observer.timeout
    finally:
        server.server_close()
    assert os.path.abspath(project / "claims.yaml") in watched
    # Both watched, and looked at ten times a second (adapter/watcher.py), not twice.
    assert polled == sorted([os.path.abspath(project / "claims.yaml"), config.docs_dir])
    assert every == POLL_SECONDS

    claims = project / "claims.yaml"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace("There are 12 lanterns", "There are 13 lanterns"),
        encoding="utf-8",
    )
    build(get_config(), serve_url=SERVE_URL)
    assert "There are 13 lanterns on the pier." in page.read_text(encoding="utf-8")
