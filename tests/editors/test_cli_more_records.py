"""`dossier new source`, `dossier ids` and the warnings of `dossier new claim` (real processes)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

from .conftest import ROOT, Run


def _dossier_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "claims.yaml"
    copy.write_bytes((ROOT / "claims.yaml").read_bytes())
    return copy


def test_the_readme_example_works_as_written(run: Run, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = [x for x in readme.splitlines() if x.startswith(".venv/bin/dossier new claim ")]
    args = shlex.split(line)[1:]
    copy = _dossier_copy(tmp_path)
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no warning: the source has a snapshot
    added = yaml.safe_load(copy.read_text(encoding="utf-8"))["claims"][-1]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", added["updated"])
    assert added["citations"][0]["source"] == args[args.index("--source") + 1]


def test_new_claim_warns_about_a_source_without_snapshot(run: Run, tmp_path: Path) -> None:
    _dossier_copy(tmp_path)
    result = run("new", "claim", "--question", "troops-sent", "--source", "reuters-report")
    assert result.returncode == 0
    assert "source 'reuters-report' has no snapshot" in result.stderr
    assert "ireland-la-rewrite" in result.stderr  # one that has a snapshot


def test_new_claim_warns_about_a_near_duplicate(run: Run, tmp_path: Path) -> None:
    copy = _dossier_copy(tmp_path)
    data = yaml.safe_load(copy.read_text(encoding="utf-8"))
    twin = next(c for c in data["claims"] if "exactly" in c["value"] and c["question"] == "troops-sent")
    args = ["--question", "troops-sent", "--actor", twin["actor"], "--made", str(twin["made"])]
    result = run("new", "claim", *args, "--value", str(twin["value"]["exactly"]))
    assert result.returncode == 0
    line = copy.read_text(encoding="utf-8").splitlines().index(f"  - id: {twin['id']}") + 1
    assert (
        f"claim '{twin['id']}' at line {line} has the same question, actor, value and date" in result.stderr
    )
    added = yaml.safe_load(copy.read_text(encoding="utf-8"))["claims"][-1]
    assert added["value"]["exactly"] == twin["value"]["exactly"] and added["made"] == str(twin["made"])
    other = run("new", "claim", *args, "--value", str(twin["value"]["exactly"] + 1))
    assert "same question" not in other.stderr


def test_new_source_adds_snapshot_and_archive_fields(run: Run, tmp_path: Path) -> None:
    copy = _dossier_copy(tmp_path)
    before = yaml.safe_load(copy.read_text(encoding="utf-8"))
    result = run(
        "new",
        "source",
        "--id",
        "harbour-gazette-report",
        "--url",
        "https://example.org/story",
        "--archive-url",
        "https://web.archive.org/web/2024/https://example.org/story",
        "--snapshot",
        "005_example.txt",
    )
    assert result.returncode == 0, result.stderr
    assert re.match(r"claims\.yaml:\d+: added source harbour-gazette-report; fill in", result.stdout)
    after = yaml.safe_load(copy.read_text(encoding="utf-8"))
    new = after["sources"][-1]
    assert (new["id"], new["snapshot"]) == ("harbour-gazette-report", "005_example.txt")
    assert new["archive_url"].startswith("https://web.archive.org/")
    assert after["sources"][:-1] == before["sources"]
    assert {k: v for k, v in after.items() if k != "sources"} == {
        k: v for k, v in before.items() if k != "sources"
    }
    # The fields left to fill in are listed by validate, at the new record.
    check = run("validate", "claims.yaml")
    assert check.returncode == 1 and "sources[7] (harbour-gazette-report).kind" in check.stderr
    again = run("new", "source", "--id", "harbour-gazette-report")
    assert again.returncode == 2 and "already a source with id" in again.stderr


def test_ids_lists_questions_actors_and_sources(run: Run, tmp_path: Path) -> None:
    copy = _dossier_copy(tmp_path)
    data = yaml.safe_load(copy.read_text(encoding="utf-8"))
    result = run("ids")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for key in ("questions", "actors", "sources"):
        assert f"{key}:" in lines
        for record in data[key]:
            assert any(line.startswith(f"  {record['id']}  ") for line in lines), record["id"]
    assert "  reuters-report  Reuters  (no snapshot)" in lines
    only = run("ids", "--kind", "actors").stdout.splitlines()
    assert only[0] == "actors:" and len(only) == len(data["actors"]) + 1
