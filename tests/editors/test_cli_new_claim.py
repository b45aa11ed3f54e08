"""`dossier new claim`: a skeleton record added as text; every other byte of the file unchanged."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from site_plugins.dossier.editors.scaffold import ScaffoldError, UnknownReference, add_claim, next_claim_id

from .conftest import ROOT, VALID, Run

ADDED = re.compile(
    r"^(?P<file>.+):(?P<line>\d+): added claim (?P<id>[a-z0-9-]+); fill in the fields marked TODO"
)


def _split(old: str, new: str) -> tuple[str, str, str]:
    """(prefix, inserted, suffix) with old == prefix + suffix and new == prefix + inserted + suffix."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    # The insertion is at a line boundary: back up to one.
    start = old.rfind("\n", 0, start) + 1 if start < len(old) else start
    size = len(new) - len(old)
    prefix, inserted, suffix = new[:start], new[start : start + size], new[start + size :]
    assert prefix + suffix == old, "bytes outside the inserted block changed"
    return prefix, inserted, suffix


def _claims(text: str) -> list[dict[str, Any]]:
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return list(data["claims"] or [])


def test_new_claim_is_inserted_after_the_last_claim(run: Run, claims: Path) -> None:
    result = run(
        "new", "claim", "--question", "how-many-bells", "--actor", "sexton", "--source", "town-crier"
    )
    assert result.returncode == 0, result.stderr
    match = ADDED.match(result.stdout)
    assert match, result.stdout
    assert match.group("id") == "how-many-bells-2"
    new_bytes = claims.read_bytes()
    new = new_bytes.decode("utf-8")
    # Everything before and after the inserted block is the original, byte for byte: the block
    # goes after the last claim's own trailing comment and before the next section's comment.
    anchor = "    # checked against the parish newsletter\n"
    cut = VALID.index(anchor) + len(anchor)
    before, after = VALID[:cut], VALID[cut:]
    assert new_bytes.startswith(before.encode()) and new_bytes.endswith(after.encode())
    assert after.startswith("\n# Resolutions come last.")
    inserted = new[len(before) : len(new) - len(after)]
    assert _split(VALID, new)[0] + _split(VALID, new)[2] == VALID
    # The line printed is where the new record starts.
    lines = new.splitlines()
    assert lines[int(match.group("line")) - 1] == "  - id: how-many-bells-2"
    # A blank line between records, as in the file.
    assert inserted.startswith("\n  - id: how-many-bells-2\n")
    # The block parses on its own and the whole file parses, with the new claim last.
    block = yaml.safe_load(inserted)
    assert isinstance(block, list) and block[0]["id"] == "how-many-bells-2"
    everything = _claims(new)
    assert [c["id"] for c in everything] == ["how-many-bells-1", "bells-rung-1", "how-many-bells-2"]
    record = everything[-1]
    assert record["question"] == "how-many-bells" and record["actor"] == "sexton"
    assert record["citations"] == [{"source": "town-crier", "quote": ""}]
    assert set(record["value"]) == {"exactly", "scope"}
    assert yaml.safe_load(new)["resolutions"] == []


def test_fields_to_fill_are_marked_todo_and_reported_by_validate(run: Run, claims: Path) -> None:
    result = run("new", "claim", "--question", "bells-rung")
    assert result.returncode == 0, result.stderr
    new = claims.read_text(encoding="utf-8")
    _, inserted, _ = _split(VALID, new)
    todo_lines = [line for line in inserted.splitlines() if "# TODO" in line]
    todo_fields = {line.split(":")[0].strip(" -") for line in todo_lines}
    assert todo_fields == {"statement", "actor", "made", "answer", "source", "quote", "status"}
    record = _claims(new)[-1]
    assert record["id"] == "bells-rung-2" and record["value"] == {"answer": ""}
    # Not publishable until filled in: validate names each field still to fill, with its line.
    check = run("validate")
    assert check.returncode == 1
    reported = check.stderr
    new_lines = new.splitlines()
    for field in ("statement", "actor", "made", "status"):
        line = next(i for i, text in enumerate(new_lines, 1) if text.startswith(f'    {field}: ""  # TODO'))
        assert f"claims.yaml:{line}:" in reported, (field, reported)


def test_next_free_id_skips_used_numbers() -> None:
    assert next_claim_id("q", []) == "q-1"
    assert next_claim_id("q", ["q-1", "q-7", "q-x", "other-9"]) == "q-8"
    assert next_claim_id("q", ["q-2", "q-3"]) == "q-4"  # never reuses a deleted lower number
    long_q = "a" * 79
    assert next_claim_id(long_q, []) == "claim-1"


@pytest.mark.parametrize(
    ("layout", "expected_gap"),
    [
        # indentless list, claims last in the file, no final newline
        ("claims:\n- id: a-1\n  question: a\n  statement: x", False),
        # block scalar with trailing blank lines, then a comment for the next section
        ("claims:\n  - id: a-1\n    notes: |\n      line\n\n# next\nresolutions: []\n", False),
        # deeper comment after the last record belongs to it; CRLF line ends
        ("claims:\r\n  - id: a-1\r\n\r\n  - id: a-2\r\n    # note\r\nresolutions: []\r\n", True),
    ],
)
def test_layouts(layout: str, expected_gap: bool) -> None:
    head = "questions:\n  - id: a\n    kind: choice\n    options: [{id: x}, {id: y}]\n"
    if "\r\n" in layout:
        head = head.replace("\n", "\r\n")
    text = head + layout
    result = add_claim(text, question="a")
    prefix, inserted, suffix = _split(text, result.text)
    assert prefix + suffix == text
    if expected_gap:
        assert inserted.startswith("\r\n  - id: ")
    else:
        assert not inserted.startswith(("\n\n", "\r\n\r\n"))
    assert ("\r\n" in inserted) == ("\r\n" in text)
    data = yaml.safe_load(result.text)
    assert data["claims"][-1]["id"] == result.claim_id
    assert data["claims"][-1]["value"] == {"option": ""}
    assert "one of the question's options: x, y" in inserted
    assert result.text.splitlines()[result.line - 1].lstrip(" -").startswith(f"id: {result.claim_id}")
    if "# note" in text:
        assert prefix.endswith("    # note\r\n")


@pytest.mark.parametrize("empty", ["claims: []\n", "claims:\n", "claims: []  # none yet\nresolutions: []\n"])
def test_empty_claims_list(empty: str) -> None:
    text = "questions:\n  - id: q\n    kind: quantity\n    scopes: [sent]\n" + empty
    result = add_claim(text, question="q")
    data = yaml.safe_load(result.text)
    assert [c["id"] for c in data["claims"]] == ["q-1"]
    assert data["claims"][0]["value"] == {"exactly": "", "scope": "sent"}  # the only scope is filled in
    assert result.text.startswith(text.split("claims:")[0] + "claims:")
    if "# none yet" in empty:
        assert "# none yet" in result.text and yaml.safe_load(result.text)["resolutions"] == []


def test_unknown_ids_are_refused(run: Run, claims: Path) -> None:
    for args, word in (
        (("--question", "nope"), "question"),
        (("--question", "bells-rung", "--actor", "nobody"), "actor"),
        (("--question", "bells-rung", "--source", "nowhere"), "source"),
    ):
        result = run("new", "claim", *args)
        assert result.returncode == 2, result.stderr
        assert f"no {word} with id" in result.stderr
        assert claims.read_text(encoding="utf-8") == VALID  # nothing written
    with pytest.raises(UnknownReference):
        add_claim(VALID, question="bells-rung", actor="Bad Id")


def test_broken_or_flow_files_are_refused_without_writing(run: Run, claims: Path) -> None:
    claims.write_text("claims: [\n", encoding="utf-8")
    result = run("new", "claim", "--question", "q")
    assert result.returncode == 1 and "not valid YAML" in result.stderr
    assert claims.read_text(encoding="utf-8") == "claims: [\n"
    with pytest.raises(ScaffoldError, match="flow style"):
        add_claim("questions: [{id: q, kind: yes-no}]\nclaims: [{id: q-1}]\n", question="q")
    with pytest.raises(ScaffoldError, match="no `claims:` list"):
        add_claim("questions: [{id: q, kind: yes-no}]\n", question="q")


def test_missing_file_is_a_usage_error(run: Run) -> None:
    result = run("new", "claim", "--question", "q", "nowhere.yaml")
    assert result.returncode == 2 and "nowhere.yaml not found" in result.stderr
    assert run("new", "claim").returncode == 2  # --question is required
    assert run("new").returncode == 2


def test_help_explains_the_id_pattern(run: Run) -> None:
    result = run("new", "claim", "--help")
    assert result.returncode == 0
    assert "QUESTION-N" in result.stdout and "# TODO" in result.stdout


def test_on_the_dossier_itself(run: Run, tmp_path: Path) -> None:
    """The real claims.yaml (comments, block scalars, flow mappings): only the block is added."""
    original = (ROOT / "claims.yaml").read_bytes()
    copy = tmp_path / "dossier.yaml"
    copy.write_bytes(original)
    data = yaml.safe_load(original)
    question = data["questions"][-1]["id"]
    result = run("new", "claim", "--question", question, "dossier.yaml")
    assert result.returncode == 0, result.stderr
    new = copy.read_bytes()
    match = ADDED.match(result.stdout)
    assert match
    line = int(match.group("line"))
    lines = new.splitlines(keepends=True)
    start = sum(len(x) for x in lines[: line - 1])
    end = start + len(new) - len(original)
    # The block is the record, preceded by a blank line when the records are spaced that way.
    assert new[:start] + new[end:] == original or (
        new[start - 2 : start] == b"\n\n" and new[: start - 1] + new[end - 1 :] == original
    )
    after = yaml.safe_load(new)
    assert len(after["claims"]) == len(data["claims"]) + 1
    assert after["claims"][-1]["id"] == match.group("id")
    assert after["claims"][:-1] == data["claims"]
    assert {k: v for k, v in after.items() if k != "claims"} == {
        k: v for k, v in data.items() if k != "claims"
    }
