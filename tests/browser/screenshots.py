"""Screenshots of the dossier's main pages, for the README and for reviewing a change.

    .venv/bin/python -m tests.browser.screenshots docs/screenshots

builds the dossier (a real ``mkdocs build --strict``, snapshots from ``DOSSIER_SNAPSHOTS`` when
set), serves it on 127.0.0.1, and writes PNGs of the home page, a claim page and the
contradiction table (desktop and phone) and of the timeline (phone) into the given folder, in
the light scheme. The browser
tests call :func:`capture` too, writing every main page at both sizes to ``SCREENSHOT_DIR``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .harness import DESKTOP, PHONE, REPO, built_and_served, dossier_claims_file, launch_args


@dataclass(frozen=True)
class Shot:
    name: str  # file name without .png
    path: str  # site-relative address
    viewport: dict[str, int]


def showcase_claim(claims_file: Path) -> str:
    """The claim the README shows: the one with the most citations (the first such)."""
    data = yaml.safe_load(claims_file.read_text(encoding="utf-8"))
    best = max(data["claims"], key=lambda c: (len(c["citations"]), -data["claims"].index(c)))
    return str(best["id"])


def readme_shots(claims_file: Path) -> list[Shot]:
    claim = showcase_claim(claims_file)
    return [
        Shot("home-desktop", "", DESKTOP),
        Shot("home-phone", "", PHONE),
        Shot("claim-desktop", f"claims/{claim}/", DESKTOP),
        Shot("claim-phone", f"claims/{claim}/", PHONE),
        Shot("conflicts-desktop", "conflicts/", DESKTOP),
        Shot("conflicts-phone", "conflicts/", PHONE),
        Shot("timeline-phone", "timeline/", PHONE),
    ]


def capture(
    browser: Any,
    base_url: str,
    shots: Iterable[Shot],
    out_dir: Path,
    watch: Callable[[Any], Any] | None = None,
) -> list[Path]:
    """Load each shot's page in its own light-scheme context and save a PNG of the viewport.

    ``watch`` is called with each new browser context (the tests record its requests).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for shot in shots:
        phone = shot.viewport["width"] < 600
        context = browser.new_context(
            base_url=base_url,
            viewport=shot.viewport,
            is_mobile=phone,
            has_touch=phone,
            device_scale_factor=1,
            color_scheme="light",
            reduced_motion="reduce",
        )
        if watch is not None:
            watch(context)
        try:
            page = context.new_page()
            page.goto(shot.path, wait_until="load")
            page.evaluate("() => document.fonts.ready")
            target = out_dir / f"{shot.name}.png"
            page.screenshot(path=str(target), animations="disabled", caret="hide")
            written.append(target)
        finally:
            context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.browser.screenshots",
        description="Build the dossier and write the README's screenshots (PNG) into a folder.",
    )
    parser.add_argument("out_dir", type=Path, help="folder for the PNG files, e.g. docs/screenshots")
    parser.add_argument(
        "--language",
        help="build the site in this language (theme.language, e.g. ko) and take its claim page only",
    )
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    claims_file = dossier_claims_file()
    shots = readme_shots(claims_file)
    config = REPO / "mkdocs.yml"
    if args.language:
        claim = showcase_claim(claims_file)
        shots = [Shot(f"claim-desktop-{args.language}", f"claims/{claim}/", DESKTOP)]
        # mkdocs.yml with another theme.language; beside it, for its relative paths.
        config = REPO / f".mkdocs-{args.language}.yml"
        config.write_text(f"INHERIT: mkdocs.yml\ntheme:\n  language: {args.language}\n", encoding="utf-8")
    try:
        with (
            tempfile.TemporaryDirectory(prefix="dossier-screenshots-") as tmp,
            built_and_served(config, Path(tmp) / "site", cwd=REPO) as url,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(**launch_args())
            try:
                written = capture(browser, url, shots, args.out_dir)
            finally:
                browser.close()
    finally:
        if args.language:
            config.unlink(missing_ok=True)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
