"""The editors' preview in Chromium: a real ``mkdocs serve`` started on a broken claims.yaml
shows the problem in the page, and the page reloads by itself into the site once the file is
fixed (MkDocs' live-reload script in the error page; the test never navigates again).

Waits have a generous deadline; nothing here is timed.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from adapter.test_serve_broken import BROKEN_STATUS, DEADLINE, PROBLEM, _free_port, _until, start_serve
from fixtures import MINI_DIR
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FIXED_TEXT = "There are 12 lanterns on the pier."


def test_the_error_page_reloads_by_itself_into_the_site_when_the_file_is_fixed(
    tmp_path: Path, page: Any
) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI_DIR, project)
    # Without a repository (and so its edit links): Material's header would ask GitHub for the
    # repository's facts.
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    config.write_text(
        "".join(line for line in lines if not line.startswith(("repo_url:", "edit_uri:"))), encoding="utf-8"
    )
    claims = project / "claims.yaml"
    good = claims.read_text(encoding="utf-8")
    claims.write_text(good.replace(BROKEN_STATUS, "    status disputed\n", 1), encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/questions/"  # in the navigation: answers 200 while broken
    with (tmp_path / "serve.log").open("w", encoding="utf-8") as log:
        proc = start_serve(project, port, log)
        try:
            _until(url, "The dossier cannot be built")
            page.goto(url)
            problems = page.locator("pre.dossier-problems")
            expect(problems).to_be_visible()
            expect(problems).to_contain_text(PROBLEM)  # claims.yaml:LINE:COL: field: message
            expect(page.locator(".md-header")).to_be_visible()  # in the site's look
            expect(page.get_by_text(FIXED_TEXT)).to_have_count(0)

            claims.write_text(good, encoding="utf-8")  # fixed; the page is left alone
            reloaded = page.get_by_text(FIXED_TEXT).first
            expect(reloaded).to_be_visible(timeout=DEADLINE * 1000)
            expect(page.get_by_text("The dossier cannot be built")).to_have_count(0)
            assert page.url == url
        finally:
            proc.terminate()
            proc.wait(timeout=30)
