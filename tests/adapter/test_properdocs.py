"""ProperDocs, the MkDocs 1.6 fork: it builds the dossier at the root of the repository (whichever
it is) as MkDocs does, byte for byte but for the generator meta tag; and a strict build that
aborts under it publishes nothing, from its command line and from Python (where the plugin
itself reads the strict-mode counter, which ProperDocs keeps on its own logger)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MKDOCS, PROPERDOCS, REPO, run_mkdocs
from fixtures import MINI_DIR
from hardening.kit import tree

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')

#: A strict build started from Python, as a tool built on MkDocs (or on ProperDocs) starts one.
BUILD_FROM_PYTHON = """\
import sys
if sys.argv[1] == "properdocs":
    import properdocs.replacement  # what the properdocs command does first: mkdocs.* is ProperDocs
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
config = load_config(config_file=sys.argv[2], site_dir=sys.argv[3], strict=True)
try:
    build(config)
except Abort as exc:
    print("aborted:", exc, build.__module__)
    sys.exit(1)
"""


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The repository's dossier built by ``mkdocs build --strict`` and ``properdocs build --strict``."""
    root = tmp_path_factory.mktemp("properdocs")
    sites = []
    for program in (MKDOCS, PROPERDOCS):
        site_dir = root / program.name
        result = run_mkdocs(REPO, site_dir, program=program)
        assert result.returncode == 0, result.stderr
        sites.append(tree(site_dir))
    return sites[0], sites[1]


def test_properdocs_builds_the_dossier_as_mkdocs_does(
    both: tuple[dict[str, bytes], dict[str, bytes]],
) -> None:
    mkdocs_site, properdocs_site = both
    assert list(properdocs_site) == list(mkdocs_site)
    assert "claims" in {name.split("/")[0] for name in mkdocs_site}
    differ = [name for name in mkdocs_site if mkdocs_site[name] != properdocs_site[name]]
    assert "index.html" in differ  # really two builders: their generator tags differ
    assert b"ProperDocs 1.6.7" in GENERATOR.search(properdocs_site["index.html"]).group(0)  # type: ignore[union-attr]
    for name in differ:
        assert GENERATOR.sub(b"", mkdocs_site[name]) == GENERATOR.sub(b"", properdocs_site[name]), name


def broken_link_project(tmp_path: Path) -> Path:
    """The fixture dossier with a broken link on its home page: strict builds abort at the end."""
    project = tmp_path / "late"
    shutil.copytree(MINI_DIR, project)
    index = project / "content" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[A broken link](missing.md)\n", encoding="utf-8")
    return project


@pytest.mark.parametrize(
    "builder, started",
    [("mkdocs", "python"), ("properdocs", "python"), ("properdocs", "command")],
)
def test_a_strict_build_that_aborts_leaves_the_previous_site(
    tmp_path: Path, builder: str, started: str
) -> None:
    site_dir = tmp_path / "site"
    assert run_mkdocs(MINI_DIR, site_dir).returncode == 0
    before = tree(site_dir)
    project = broken_link_project(tmp_path)
    if started == "command":
        result = run_mkdocs(project, site_dir, program=PROPERDOCS)
    else:
        result = subprocess.run(
            [sys.executable, "-c", BUILD_FROM_PYTHON, builder, str(project / "mkdocs.yml"), str(site_dir)],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode != 0
    if started == "python":  # no log output without the command line: the aborting builder says
        assert result.stdout == f"aborted: Aborted with 1 warnings in strict mode! {builder}.commands.build\n"
    else:
        assert "missing.md" in result.stderr
    assert tree(site_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["late", "site"]
