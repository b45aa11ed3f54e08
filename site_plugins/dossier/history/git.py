"""The versions of ``claims.yaml`` that git knows: one ``git log`` and one ``git cat-file
--batch`` (each version read once), through the ``git`` command.

History depends on the commits alone (never on the clock, the working tree or its mtimes): an
uncommitted change to the file is not part of it. When there is no history to read (no ``git``
command, not a repository, the file never committed) :func:`read_versions` says why, as an
``info`` line; a shallow clone (whose oldest commit would seem to add every record) or a git
that fails says so as a ``warning``. It never raises.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

#: How long one git command may take before history is given up (seconds).
GIT_TIMEOUT = 120


@dataclass(frozen=True)
class Version:
    """The file as one commit left it."""

    commit: str
    #: the commit's date (committer date), in UTC, e.g. "2024-10-23T08:00:00Z"
    when: str
    text: str

    @property
    def day(self) -> str:
        return self.when[:10]


@dataclass(frozen=True)
class Versions:
    """The file's versions, oldest first, or why there are none."""

    versions: list[Version] = field(default_factory=list)
    #: why history is not available (None: it is)
    unavailable: str | None = None
    level: Literal["info", "warning"] = "info"


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    return subprocess.run(
        ["git", "-c", "log.showSignature=false", "-c", "core.quotePath=false", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=env,
        timeout=GIT_TIMEOUT,
        check=False,
    )


def read_versions(path: Path) -> Versions:
    """Every committed version of the file at ``path``, oldest first (on the first-parent line
    of the checked-out commit: a merged branch's changes count once, dated by the merge)."""
    if shutil.which("git") is None:
        return Versions(unavailable="the git command is not installed")
    folder = path.resolve().parent
    try:
        top = _git(["rev-parse", "--show-toplevel", "--is-shallow-repository"], folder)
        if top.returncode != 0:
            return Versions(unavailable=f"{path.name} is not in a git repository")
        root, shallow = top.stdout.decode("utf-8", "replace").splitlines()[:2]
        if shallow.strip() == "true":
            return Versions(
                unavailable="the repository is a shallow clone (fetch its full history: "
                "git fetch --unshallow, or fetch-depth: 0 in GitHub Actions)",
                level="warning",
            )
        relative = path.resolve().relative_to(Path(root).resolve()).as_posix()
        log = _git(["log", "--first-parent", "--format=%H %ct", "--", relative], Path(root))
        # A repository without a commit: git log fails with "does not have any commits yet".
        empty = b"does not have any commits" in log.stderr
        if log.returncode != 0 and not empty:
            return _failed("git log", log)
        commits = [line.split() for line in log.stdout.decode("ascii", "replace").splitlines() if line]
        if empty or not commits:
            return Versions(unavailable=f"{path.name} has no commits yet")
        commits.reverse()
        wanted = "".join(f"{sha}:{relative}\n" for sha, _ in commits).encode("utf-8")
        batch = _git(["cat-file", "--batch"], Path(root), stdin=wanted)
        if batch.returncode != 0:
            return _failed("git cat-file", batch)
        texts = _batch_texts(batch.stdout, len(commits))
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        return Versions(unavailable=f"git could not be read ({exc})", level="warning")
    versions = [
        Version(sha, _utc(int(stamp)), text)
        for (sha, stamp), text in zip(commits, texts, strict=True)
        if text is not None
    ]
    return Versions(versions)


def _batch_texts(out: bytes, count: int) -> list[str | None]:
    """The contents ``git cat-file --batch`` printed, in order (None: the file was deleted)."""
    texts: list[str | None] = []
    at = 0
    for _ in range(count):
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) < 3 or header[1] != b"blob":
            texts.append(None)  # "<name> missing": the commit deleted the file
            continue
        size = int(header[2])
        texts.append(out[at : at + size].decode("utf-8-sig", "replace"))
        at += size + 1
    return texts


def _failed(what: str, result: subprocess.CompletedProcess[bytes]) -> Versions:
    message = result.stderr.decode("utf-8", "replace").strip().splitlines()
    return Versions(
        unavailable=f"{what} failed: {message[-1] if message else result.returncode}", level="warning"
    )


def _utc(stamp: int) -> str:
    return dt.datetime.fromtimestamp(stamp, tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
