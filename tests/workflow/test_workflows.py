"""The GitHub Actions workflows: actionlint is clean, and the rules the project holds them to.

Rules: triggered by pull requests (never ``pull_request_target``); every action pinned to a full
commit SHA with its release in a comment; no permission by default, each job asking for its own,
write access only where Pages is deployed; a timeout on every job; one deployment at a time;
the site's addresses taken from the repository the workflow runs in.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import REPO, WORKFLOWS, Actionlint

WORKFLOW_FILES = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?:#\s*(?P<comment>.*))?$")
PINNED = re.compile(r"^(?P<action>[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+)@(?P<sha>[0-9a-f]{40})$")
VERSION_COMMENT = re.compile(r"^v\d+(?:\.\d+){0,2}\b")
WRITE_SCOPES_FOR_PAGES = {"pages", "id-token"}
CHECK_LINKS = REPO / ".github" / "scripts" / "check-links.sh"
PIN = "actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e"

Workflows = dict[str, dict[str, Any]]


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    # YAML 1.1 reads the key `on` as the boolean true.
    if True in data:
        data["on"] = data.pop(True)
    return data


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    on = workflow["on"]
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return dict(on)


def _uses(step: dict[str, Any], action: str) -> bool:
    return str(step.get("uses", "")).startswith(f"{action}@")


def steps_using(workflow: dict[str, Any], action: str) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            if _uses(step, action):
                found.append((job_id, step))
    return found


@pytest.fixture(scope="module")
def workflows() -> dict[str, dict[str, Any]]:
    assert WORKFLOW_FILES, "no workflow in .github/workflows"
    return {path.name: load(path) for path in WORKFLOW_FILES}


# ---------------------------------------------------------------------------------------------
# actionlint
# ---------------------------------------------------------------------------------------------


def test_actionlint_finds_nothing_in_the_workflows(actionlint: Actionlint) -> None:
    actionlint.check(WORKFLOW_FILES)


def test_actionlint_fails_the_check_on_a_broken_workflow(actionlint: Actionlint, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "name: broken\n"
        "on:\n"
        "  pull_requets:\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: echo ${{ github.event.pull_request.nonexistent.deeper }} ${{ steps.x.outputs }}\n"
        "      - uses: actions/checkout@v4\n"
        "        with:\n"
        "          no-such-input: true\n",
        encoding="utf-8",
    )
    problems = actionlint.problems([broken])
    kinds = {p.kind for p in problems}
    assert {"events", "action"} <= kinds, problems
    assert any(p.line == 3 and "pull_requets" in p.message for p in problems), problems
    with pytest.raises(AssertionError, match="no-such-input"):
        actionlint.check([broken])


# ---------------------------------------------------------------------------------------------
# Pinning
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment(path: Path) -> None:
    seen: dict[str, set[str]] = {}
    uses_lines = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not re.match(r"^\s*(?:-\s+)?uses:", line):
            continue
        uses_lines += 1
        match = USES_LINE.match(line)
        assert match, f"{path.name}:{number}: cannot read this uses: line: {line.strip()}"
        pinned = PINNED.match(match["ref"])
        assert pinned, f"{path.name}:{number}: {match['ref']} is not pinned to a 40-hex commit SHA"
        comment = (match["comment"] or "").strip()
        assert VERSION_COMMENT.match(comment), (
            f"{path.name}:{number}: {match['ref']} needs its release in a comment, e.g. '# v4.0.5'"
        )
        seen.setdefault(pinned["action"], set()).add(f"{pinned['sha']} {comment}")
    assert uses_lines, f"{path.name}: no action used"
    differing = {action: pins for action, pins in seen.items() if len(pins) > 1}
    assert not differing, f"{path.name}: one action pinned in different ways: {differing}"


def test_the_pinning_check_rejects_tags_and_missing_comments() -> None:
    assert USES_LINE.match("      - uses: actions/checkout@v4") is not None
    assert PINNED.match("actions/checkout@v4") is None
    assert PINNED.match("actions/checkout@08c6903") is None
    ok = USES_LINE.match(f"        uses: {PIN} # v4.0.5")
    assert ok and PINNED.match(ok["ref"]) and VERSION_COMMENT.match(ok["comment"])
    bare = USES_LINE.match(f"      - uses: {PIN}")
    assert bare and not bare["comment"]


# ---------------------------------------------------------------------------------------------
# Triggers, permissions, timeouts, concurrency
# ---------------------------------------------------------------------------------------------


def test_no_workflow_runs_on_pull_request_target(workflows: Workflows) -> None:
    for name, workflow in workflows.items():
        assert "pull_request_target" not in triggers(workflow), name
    for path in WORKFLOW_FILES:
        assert "pull_request_target" not in path.read_text(encoding="utf-8"), path.name


def test_pull_requests_are_checked_and_main_is_published(workflows: Workflows) -> None:
    on_pr = [n for n, w in workflows.items() if "pull_request" in triggers(w)]
    assert on_pr, "no workflow runs on pull requests"
    deploying = [n for n, w in workflows.items() if steps_using(w, "actions/deploy-pages")]
    assert deploying, "no workflow deploys to GitHub Pages"
    for name in deploying:
        push = triggers(workflows[name]).get("push") or {}
        assert push.get("branches") == ["main"], f"{name}: deploys on pushes to {push.get('branches')}"


def test_permissions_are_none_by_default_and_set_per_job(workflows: Workflows) -> None:
    for name, workflow in workflows.items():
        top = workflow.get("permissions")
        assert top in ({}, {"contents": "read"}), f"{name}: top-level permissions {top!r}"
        for job_id, job in workflow["jobs"].items():
            assert "permissions" in job, f"{name}: job {job_id} does not set its permissions"
            perms = job["permissions"]
            assert isinstance(perms, dict), f"{name}: job {job_id}: permissions {perms!r}"
            writes = {scope for scope, level in perms.items() if level == "write"}
            deploys = any(_uses(s, "actions/deploy-pages") for s in job.get("steps", []))
            if deploys:
                assert writes == WRITE_SCOPES_FOR_PAGES, f"{name}: job {job_id} writes {writes}"
                assert set(perms) == WRITE_SCOPES_FOR_PAGES, f"{name}: job {job_id} asks {perms}"
            else:
                assert not writes, f"{name}: job {job_id} asks for write access: {writes}"


def test_every_job_has_a_timeout(workflows: Workflows) -> None:
    for name, workflow in workflows.items():
        for job_id, job in workflow["jobs"].items():
            minutes = job.get("timeout-minutes")
            assert isinstance(minutes, int) and 0 < minutes <= 90, f"{name}: job {job_id}: {minutes!r}"


def test_deployments_run_one_at_a_time_and_are_never_cancelled(workflows: Workflows) -> None:
    for name, workflow in workflows.items():
        for job_id, _step in steps_using(workflow, "actions/deploy-pages"):
            job = workflow["jobs"][job_id]
            group = job.get("concurrency") or workflow.get("concurrency")
            assert isinstance(group, dict), f"{name}: job {job_id} has no concurrency group"
            assert group.get("cancel-in-progress") is False, f"{name}: job {job_id}: {group}"
            assert job.get("environment", {}).get("name") == "github-pages", f"{name}: {job_id}"


def test_checkouts_do_not_keep_the_token(workflows: Workflows) -> None:
    for name, workflow in workflows.items():
        for job_id, step in steps_using(workflow, "actions/checkout"):
            assert (step.get("with") or {}).get("persist-credentials") is False, f"{name}: {job_id}"


def test_jobs_that_build_the_site_fetch_its_whole_history(workflows: Workflows) -> None:
    """A shallow clone has no history for the History sections (the build warns, and strict fails)."""
    building = 0
    for name, workflow in workflows.items():
        for job_id, job in workflow["jobs"].items():
            runs = " ".join(str(step.get("run", "")) for step in job.get("steps", []))
            if "mkdocs build" not in runs:
                continue
            building += 1
            checkouts = [step for j, step in steps_using(workflow, "actions/checkout") if j == job_id]
            assert checkouts, f"{name}: {job_id}"
            for step in checkouts:
                assert (step.get("with") or {}).get("fetch-depth") == 0, f"{name}: {job_id}"
    assert building >= 2


# ---------------------------------------------------------------------------------------------
# What the pull-request check runs
# ---------------------------------------------------------------------------------------------


def _run_lines(workflow: dict[str, Any]) -> list[str]:
    lines = []
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            lines.extend(str(step.get("run", "")).splitlines())
    return [line.strip() for line in lines]


def test_the_check_validates_builds_strictly_checks_links_and_tests(workflows: Workflows) -> None:
    for name, workflow in workflows.items():
        if "pull_request" not in triggers(workflow):
            continue
        runs = _run_lines(workflow)
        assert any(r.startswith("dossier validate claims.yaml") for r in runs), name
        assert "mkdocs build --strict" in runs, name
        assert any(r.startswith(".github/scripts/check-links.sh") for r in runs), name
        assert "make test" in runs, name
        python = [s for _j, s in steps_using(workflow, "actions/setup-python")]
        assert python, f"{name}: Python is not set up"
        for step in python:
            assert step["with"]["python-version"] in ("3.11", "${{ env.PYTHON_VERSION }}"), step
        assert workflow.get("env", {}).get("PYTHON_VERSION", "3.11") == "3.11"


def test_quotes_are_checked_only_where_the_archive_is_configured(workflows: Workflows) -> None:
    snapshot_runs = [
        (name, job_id, job)
        for name, workflow in workflows.items()
        for job_id, job in workflow["jobs"].items()
        if any("--snapshots" in str(s.get("run", "")) for s in job.get("steps", []))
    ]
    assert snapshot_runs, "no job checks quotes against the source snapshots"
    for name, job_id, job in snapshot_runs:
        condition = str(job.get("if", ""))
        assert "vars.DOSSIER_SNAPSHOTS" in condition, f"{name}: job {job_id} runs without an archive"
        # A fork's pull request must not run on the runner that holds the archive.
        assert "head.repo.full_name == github.repository" in condition, f"{name}: job {job_id}"


def test_the_published_site_takes_its_addresses_from_the_repository(workflows: Workflows) -> None:
    mkdocs_yml = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for variable in ("SITE_URL", "REPO_URL", "EDIT_URI"):
        assert re.search(rf"!ENV \[{variable},", mkdocs_yml), f"mkdocs.yml does not read {variable}"
    checked = 0
    for name, workflow in workflows.items():
        for job_id, job in workflow["jobs"].items():
            steps = job.get("steps", [])
            pages_ids = [s.get("id") for s in steps if _uses(s, "actions/configure-pages")]
            if not pages_ids:
                continue
            assert pages_ids[0], f"{name}: job {job_id}: configure-pages needs an id"
            builds = [s for s in steps if "mkdocs build" in str(s.get("run", ""))]
            assert builds, f"{name}: job {job_id} does not build the site"
            env = builds[0].get("env") or {}
            assert env.get("SITE_URL") == f"${{{{ steps.{pages_ids[0]}.outputs.base_url }}}}/", env
            assert env.get("REPO_URL") == "${{ github.server_url }}/${{ github.repository }}", env
            assert "${{" in env.get("EDIT_URI", "") and env["EDIT_URI"].endswith("/content/"), env
            uploads = [s for s in steps if _uses(s, "actions/upload-pages-artifact")]
            assert uploads and uploads[0]["with"]["path"] == "site", f"{name}: job {job_id}"
            checked += 1
    assert checked, "no job builds the site for GitHub Pages"


# ---------------------------------------------------------------------------------------------
# The link check the workflow runs, on a real (small) Material site
# ---------------------------------------------------------------------------------------------


def _small_site(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(
        "site_name: Link check\nsite_url: http://127.0.0.1:8000/\n"
        "theme:\n  name: material\n  font: false\nextra:\n  generator: false\n"
        "plugins: [search]\nmarkdown_extensions:\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    (project / "docs" / "index.md").write_text(
        "# Home\n\nSee [the part](other.md#the-part) and [elsewhere](https://example.org/).\n",
        encoding="utf-8",
    )
    other = "# Other\n\n## The part\n\nBack [home](index.md).\n"
    (project / "docs" / "other.md").write_text(other, encoding="utf-8")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(mkdocs), "build", "--strict", "-q"], cwd=project, env=env, check=True, timeout=300)
    return project / "site"


def _check_links(site: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "LINKCHECKER": str(Path(sys.executable).with_name("linkchecker")),
        "PYTHON": sys.executable,
    }
    return subprocess.run(
        ["bash", str(CHECK_LINKS), str(site)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_the_link_check_passes_a_sound_site_and_fails_a_broken_anchor(tmp_path: Path) -> None:
    site = _small_site(tmp_path)
    ok = _check_links(site)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "0 errors found" in ok.stdout, ok.stdout

    page = site / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("#the-part", "#no-such-part"), encoding="utf-8")
    broken = _check_links(site)
    assert broken.returncode != 0, broken.stdout
    assert "no-such-part" in broken.stdout

    page.write_text(page.read_text(encoding="utf-8").replace("#no-such-part", "#the-part"), encoding="utf-8")
    shutil.rmtree(site / "other")
    missing = _check_links(site)
    assert missing.returncode != 0, missing.stdout
    assert "404" in missing.stdout, missing.stdout


def test_dependabot_proposes_upgrades_of_the_pinned_actions() -> None:
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert ecosystems["github-actions"]["directory"] == "/"


def test_the_pages_build_starts_from_the_last_deploys_social_cards(workflows: Workflows) -> None:
    """Each job that builds for Pages restores ``site/cards`` from the cache before its build
    (the plugin takes the unchanged cards from there: ``tests/adapter/test_share_build.py``)."""
    checked = 0
    for name, workflow in workflows.items():
        for job_id, job in workflow["jobs"].items():
            steps = job.get("steps", [])
            if not any(_uses(s, "actions/upload-pages-artifact") for s in steps):
                continue
            build = next(i for i, s in enumerate(steps) if "mkdocs build" in str(s.get("run", "")))
            caches = [i for i, s in enumerate(steps) if _uses(s, "actions/cache")]
            assert caches and caches[0] < build, f"{name}: job {job_id} draws every card on each deploy"
            with_ = steps[caches[0]]["with"]
            assert with_["path"] == "site/cards", with_
            assert "${{ github.sha }}" in with_["key"] and with_["key"].startswith(with_["restore-keys"])
            checked += 1
    assert checked, "no job builds the site for GitHub Pages"
