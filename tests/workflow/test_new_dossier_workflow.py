"""The workflow `dossier init` writes into a new dossier: actionlint finds nothing in it, every
action is pinned as in this repository's own workflow (the same commits), and it runs
`dossier check`."""

from __future__ import annotations

import re

from site_plugins.dossier.editors.init import TEMPLATE

from .conftest import WORKFLOWS, Actionlint

NEW_WORKFLOW = TEMPLATE / "dot-github" / "workflows" / "site.yml"
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)\s*(#.*)?$", re.MULTILINE)


def test_actionlint_finds_nothing_in_the_new_dossier_workflow(actionlint: Actionlint) -> None:
    actionlint.check([NEW_WORKFLOW])


def test_the_new_dossier_pins_the_actions_this_repository_pins() -> None:
    ours = {
        ref: comment for ref, comment in USES.findall((WORKFLOWS / "site.yml").read_text(encoding="utf-8"))
    }
    theirs = USES.findall(NEW_WORKFLOW.read_text(encoding="utf-8"))
    assert theirs
    for ref, comment in theirs:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), ref
        assert ours.get(ref) == comment, f"{ref} {comment}: not as pinned in .github/workflows/site.yml"


def test_the_new_dossier_workflow_runs_dossier_check() -> None:
    assert "run: .venv/bin/dossier check\n" in NEW_WORKFLOW.read_text(encoding="utf-8")
