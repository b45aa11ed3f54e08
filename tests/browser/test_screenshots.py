"""Screenshots of the main pages, desktop and phone, written outside the repository.

The folder is ``SCREENSHOT_DIR`` when set, otherwise a fresh temporary folder (printed in the
test's output). The README's own screenshots are regenerated with
``.venv/bin/python -m tests.browser.screenshots docs/screenshots``.
"""

from __future__ import annotations

import os
import struct
import tempfile
from pathlib import Path
from typing import Any

import pytest

from .conftest import Site
from .harness import DESKTOP, PHONE, REPO, Monitor
from .screenshots import Shot, capture
from .test_reader import _main_pages

pytestmark = pytest.mark.browser


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_screenshots_of_the_main_pages(browser: Any, dossier_site: Site, monitor: Monitor) -> None:
    out_dir = Path(os.environ.get("SCREENSHOT_DIR") or tempfile.mkdtemp(prefix="dossier-screenshots-"))
    assert REPO not in out_dir.resolve().parents and out_dir.resolve() != REPO, (
        "keep screenshots out of the repo"
    )
    shots = []
    for path in _main_pages(dossier_site):
        name = path.strip("/").replace("/", "-") or "home"
        shots += [Shot(f"{name}-desktop", path, DESKTOP), Shot(f"{name}-phone", path, PHONE)]
    written = capture(browser, dossier_site.url, shots, out_dir, watch=monitor.watch)
    print(f"screenshots in {out_dir}")
    assert len(written) == len(shots)
    for shot, png in zip(shots, written, strict=True):
        assert _png_size(png) == (shot.viewport["width"], shot.viewport["height"]), png
        assert png.stat().st_size > 5_000, f"{png} looks blank"
