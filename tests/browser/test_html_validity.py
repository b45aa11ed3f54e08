"""The Nu HTML Checker (npm ``vnu-jar``) over every page of the built dossier.

No error may come from our templates. The few that Material's own templates cause, in parts
our overrides cannot reach, are listed below, each with the reason; anything else fails.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from . import dossier_data
from .conftest import Site, _missing

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class MaterialError:
    message: str  # regular expression on the checker's message
    extract: str  # regular expression on the quoted markup: pins it to Material's element
    reason: str


MATERIAL_ERRORS = (
    MaterialError(
        message=r"^Attribute “autocomplete” is only allowed when the input type is",
        extract=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
        reason="Material's base.html gives its drawer and search toggle checkboxes autocomplete=off "
        "(so browsers do not restore their state) outside any template block an override can replace.",
    ),
    MaterialError(
        message=r"^Bad value “” for attribute “tabindex” on element “label”",
        extract=r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
        reason='Material\'s partials/nav-item.html writes tabindex="" on the labels of navigation '
        "sections (navigation.sections): it sets the value only for collapsible items.",
    ),
    MaterialError(
        message=r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden",
        extract=r'<label class="md-nav__title" for="__toc">',
        reason="Material's partials/toc.html labels the page's table of contents for the __toc toggle, "
        "which nav-item.html only writes for pages in the navigation; claim pages stay out of it.",
    ),
)


def _allowed(message: dict[str, object]) -> bool:
    text, extract = str(message.get("message", "")), str(message.get("extract", ""))
    return any(re.search(a.message, text) and re.search(a.extract, extract) for a in MATERIAL_ERRORS)


def _run_vnu(java: str, jar: Path, files: list[Path]) -> list[dict[str, object]]:
    proc = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--skip-non-html", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    report = json.loads(proc.stderr or proc.stdout)
    return list(report["messages"])


@pytest.fixture(scope="session")
def java() -> str:
    found = shutil.which("java")
    if not found:
        _missing("java is not installed (apt-get install default-jre-headless)")
    return str(found)


def test_every_page_is_valid_html(dossier_site: Site, vnu_jar: Path, java: str) -> None:
    """Every page but the claim pages, and one claim page of each shape of record."""
    pages = [
        dossier_site.root / p for p in dossier_data.pages_to_check(dossier_site.root, dossier_site.data())
    ]
    kinds = {p.relative_to(dossier_site.root).parts[0] for p in pages}
    for expected in ("index.html", "claims", "questions", "conflicts", "sources", "actors", "timeline"):
        assert expected in kinds, f"{expected} is not in the built site"
    messages = _run_vnu(java, vnu_jar, pages)
    errors = [
        m for m in messages if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"
    ]
    ours = [m for m in errors if not _allowed(m)]
    report = "\n".join(
        f"{str(m.get('url', '')).removeprefix('file:').replace(str(dossier_site.root), '')}:"
        f"{m.get('lastLine')}: {m.get('message')}\n      {str(m.get('extract', '')).strip()[:160]}"
        for m in ours[:40]
    )
    assert not ours, f"{len(ours)} HTML errors not from Material:\n{report}"
    # Each allowance must still be needed: when Material fixes its markup, drop the entry.
    for allowance in MATERIAL_ERRORS:
        assert any(re.search(allowance.message, str(m.get("message", ""))) for m in errors), (
            f"no longer needed, remove it: {allowance.message}"
        )
