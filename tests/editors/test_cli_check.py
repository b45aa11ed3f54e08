"""`dossier check` on a dossier written by `dossier init`: each check fails on its own mistake."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_plugins.dossier.editors.init import write_dossier

from .conftest import Run


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    folder = tmp_path / "dossier"
    write_dossier(folder, title="A check dossier", today=dt.date(2024, 11, 5))
    return folder


def add_to_home(dossier: Path, markdown: str) -> None:
    home = dossier / "content" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n" + markdown + "\n", encoding="utf-8")


def test_a_link_to_a_missing_anchor_in_raw_html_fails_the_link_check(run: Run, dossier: Path) -> None:
    # MkDocs validates Markdown links only; this one is in raw HTML.
    add_to_home(dossier, '<p><a href="methodology/#no-such-part">the method</a></p>')
    result = run("check", cwd=dossier)
    assert result.returncode == 1
    assert "2. strict build (mkdocs build --strict): ok" in result.stdout
    assert "3. internal links and anchors: 1 problem(s)" in result.stdout
    assert "link to methodology/#no-such-part: no #no-such-part in methodology/index.html" in result.stdout
    assert "4. no request to another host: ok" in result.stdout
    assert result.stdout.splitlines()[-1] == "dossier check: some checks failed (above)"


def test_an_image_from_another_host_fails_the_off_site_check(run: Run, dossier: Path) -> None:
    add_to_home(dossier, '<p><img src="https://images.example/map.png" alt="A map"></p>')
    result = run("check", cwd=dossier)
    assert result.returncode == 1
    assert "4. no request to another host: 1 problem(s)" in result.stdout
    assert (
        "index.html" in result.stdout
        and "loads https://images.example/map.png from another host" in result.stdout
    )


def test_a_build_that_differs_each_time_fails_the_reproducibility_check(run: Run, dossier: Path) -> None:
    (dossier / "stamp.py").write_text(
        "import os\n\ndef on_post_page(output, /, *, page, config):\n"
        "    return output + '<!-- ' + os.urandom(8).hex() + ' -->'\n",
        encoding="utf-8",
    )
    config = dossier / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - stamp.py\n", encoding="utf-8")
    result = run("check", cwd=dossier)
    assert result.returncode == 1
    assert "5. reproducible (a second build, the same bytes): " in result.stdout
    assert "index.html: differs between two builds of the same input" in result.stdout


def test_a_dossier_dated_ahead_passes_with_today_in_validation_and_build(run: Run, tmp_path: Path) -> None:
    ahead = tmp_path / "ahead"
    write_dossier(ahead, title="An exercise", today=dt.date(2099, 6, 1))
    refused = run("check", cwd=ahead)
    assert refused.returncode == 1
    assert "is in the future" in refused.stderr
    assert "3.-5. not run: the site did not build" in refused.stdout
    result = run("check", "--today", "2099-06-01", cwd=ahead)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_missing_configuration_is_a_usage_error(run: Run, dossier: Path) -> None:
    result = run("check", "--config-file", "nope.yml", cwd=dossier)
    assert result.returncode == 2
    assert "nope.yml not found" in result.stderr
