"""Every record's history, read from a git repository made in ``tmp_path`` (the mini dossier
and the commits of ``fixtures.git_history.STORY``: a status change, a value change with a
correction, a rename, a removal)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from fixtures import MINI_DIR
from fixtures.git_history import STORY, git, history_repo

from site_plugins.dossier.history import git as history_git
from site_plugins.dossier.history.build import build_history, history_of
from site_plugins.dossier.history.git import Version
from site_plugins.dossier.history.model import History, Kind

CURRENT: dict[Kind, list[str]] = {
    "claim": ["count-12", "count-40", "lit-yes", "lit-never", "owner-city"],
    "question": ["how-many-lanterns", "are-lanterns-lit", "who-owns"],
    "source": ["harbour-gazette", "coast-wire", "copy-site"],
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return history_repo(tmp_path / "project", STORY)


def _history(project: Path) -> History:
    history, level = history_of(project / "claims.yaml", CURRENT)
    assert history.available, history.unavailable
    assert level == "info"
    return history


def test_a_claims_changes_newest_first_in_readers_words(repo: Path) -> None:
    entries = _history(repo).of("claim", "count-12")
    assert [(e.when, e.changes) for e in entries] == [
        ("2024-10-22T11:30:00Z", ("value 12 lanterns lit → 15 lanterns lit",)),
        ("2024-10-21T10:00:00Z", ("status reported → confirmed",)),
        ("2024-10-20T09:00:00Z", ("added to the dossier",)),
    ]
    assert entries[0].correction == "An earlier version gave 12 lanterns; the count was 15."
    assert [e.correction for e in entries[1:]] == [None, None]
    assert _history(repo).last_changed("claim", "count-12") == "2024-10-22"


def test_a_renamed_claim_keeps_its_history_and_its_old_id_leads_to_the_new(repo: Path) -> None:
    history = _history(repo)
    assert history.moved == {"lit-no": "lit-never"}
    entries = history.of("claim", "lit-never")
    assert [(e.event, e.id) for e in entries] == [("renamed", "lit-never"), ("added", "lit-no")]
    assert entries[0].changes == ("new address (formerly lit-no)",)
    assert "lit-no" not in history.withdrawn


def test_a_removed_claim_is_withdrawn_with_what_it_said_and_when(repo: Path) -> None:
    history = _history(repo)
    assert list(history.withdrawn) == ["owner-guild"]
    gone = history.withdrawn["owner-guild"]
    assert gone.statement == "The guild owns the lanterns."
    assert (gone.entry.event, gone.entry.when) == ("removed", "2024-10-24T16:45:00Z")
    assert [e.event for e in gone.entries] == ["removed", "added"]
    # The claim that lost its link to it changed in the same commit.
    assert history.of("claim", "owner-city")[0].changes == ("replaced claims removed",)


def test_the_dossiers_changes_are_newest_first_across_records(repo: Path) -> None:
    entries = _history(repo).entries
    assert [e.when for e in entries] == sorted((e.when for e in entries), reverse=True)
    assert [(e.kind, e.id) for e in entries[:4]] == [
        ("claim", "owner-city"),
        ("claim", "owner-guild"),
        ("claim", "lit-never"),
        ("claim", "count-12"),
    ]


def test_an_uncommitted_change_is_not_history(repo: Path) -> None:
    before = _history(repo)
    claims = repo / "claims.yaml"
    claims.write_text(
        claims.read_text().replace("status: disputed\n    confidence", "status: denied\n    confidence")
    )
    assert _history(repo) == before


def test_the_same_commits_give_the_same_history(repo: Path, tmp_path: Path) -> None:
    again = history_repo(tmp_path / "again", STORY)
    first, second = _history(repo), _history(again)
    assert first == second  # same dates, same commits (the ids are the same hashes)
    assert first.entries[0].commit == git(again, "rev-parse", "HEAD").strip()


def test_each_version_is_read_once_in_two_git_commands(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real = history_git._git

    def counting(
        args: list[str], cwd: Path, stdin: bytes | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        calls.append(args)
        return real(args, cwd, stdin)

    monkeypatch.setattr(history_git, "_git", counting)
    versions = history_git.read_versions(repo / "claims.yaml")
    assert len(versions.versions) == 1 + len(STORY)
    assert [c[0] for c in calls] == ["rev-parse", "log", "cat-file"]


def test_no_repository_is_said_at_info(tmp_path: Path) -> None:
    shutil.copy(MINI_DIR / "claims.yaml", tmp_path / "claims.yaml")
    history, level = history_of(tmp_path / "claims.yaml", CURRENT)
    assert (history.available, level) == (False, "info")
    assert history.unavailable == "claims.yaml is not in a git repository"


def test_a_file_never_committed_is_said_at_info(tmp_path: Path) -> None:
    shutil.copy(MINI_DIR / "claims.yaml", tmp_path / "claims.yaml")
    git(tmp_path, "init", "-q")
    history, level = history_of(tmp_path / "claims.yaml", CURRENT)
    assert (history.unavailable, level) == ("claims.yaml has no commits yet", "info")


def test_a_shallow_clone_is_a_warning_not_a_wrong_history(repo: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow))
    history, level = history_of(shallow / "claims.yaml", CURRENT)
    assert level == "warning"
    assert history.unavailable is not None and "shallow clone" in history.unavailable
    assert history.entries == []


def test_a_version_that_does_not_parse_is_passed_over() -> None:
    text = (MINI_DIR / "claims.yaml").read_text()
    versions = [
        Version("a" * 40, "2024-10-20T09:00:00Z", text),
        Version("b" * 40, "2024-10-21T09:00:00Z", "claims: [unclosed"),
        Version("c" * 40, "2024-10-22T09:00:00Z", text.replace("status: reported", "status: confirmed")),
    ]
    history = build_history(versions, CURRENT)
    assert [(e.commit[0], e.changes) for e in history.of("claim", "count-12")] == [
        ("c", ("status reported → confirmed",)),
        ("a", ("added to the dossier",)),
    ]
