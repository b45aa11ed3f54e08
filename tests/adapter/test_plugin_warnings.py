"""Warnings in the records never stop a build: a strict MkDocs build goes on, and the plugin
says how many there are, once, at INFO. Real builds of the small fixture dossier."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fixtures import MINI_DIR

MINI = MINI_DIR
#: The fixture's claim lit-yes is confirmed on one source: a warning.
CONFIRMED = '        quote: "lit every night"\n    status: confirmed\n'


def counts(site: Any) -> list[str]:
    return [
        r.getMessage()
        for r in site.records
        if "claims.yaml" in r.getMessage() and "warning" in r.getMessage()
    ]


def test_a_strict_build_with_a_warning_succeeds_and_counts_it_once_at_info(
    build_site: Callable[..., Any],
) -> None:
    assert CONFIRMED in (MINI / "claims.yaml").read_text(encoding="utf-8")
    site = build_site(MINI)
    assert site.problems() == []
    assert site.path("claims/lit-yes/").is_file()
    said = [r for r in site.records if r.getMessage() in counts(site)]
    assert [(r.levelno, r.getMessage()) for r in said] == [
        (logging.INFO, "site_plugins: 1 warning in claims.yaml: `dossier validate claims.yaml` lists them.")
    ]


def test_an_acknowledged_warning_is_not_counted(build_site: Callable[..., Any], tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    claims = project / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(
        text.replace(
            CONFIRMED,
            CONFIRMED + "    acknowledged:\n      - warning: confirmed-needs-two-origins\n"
            '        note: "The harbour master lights them; the gazette saw it."\n',
        ),
        encoding="utf-8",
    )
    site = build_site(project)
    assert site.problems() == []
    assert counts(site) == []
