"""`dossier schema [--check]` and `dossier reference`."""

from __future__ import annotations

import json
from pathlib import Path

from site_plugins.dossier.editors.schema import reference_markdown, schema_text

from .conftest import Run


def test_schema_writes_the_generated_file(run: Run, tmp_path: Path) -> None:
    result = run("schema")
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "claims.schema.json").read_text(encoding="utf-8")
    assert written == schema_text()
    assert json.loads(written)["$schema"].endswith("2020-12/schema")
    again = run("schema")
    assert again.returncode == 0 and "unchanged" in again.stdout


def test_schema_output_option(run: Run, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    result = run("schema", "--output", "out/s.json")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "s.json").read_text(encoding="utf-8") == schema_text()
    assert run("schema", "--output", "missing/s.json").returncode == 2


def test_check_passes_on_an_up_to_date_schema(run: Run, tmp_path: Path) -> None:
    # (whether the committed claims.schema.json is up to date: test_schema_drift.py)
    (tmp_path / "claims.schema.json").write_text(schema_text(), encoding="utf-8")
    result = run("schema", "--check")
    assert result.returncode == 0, result.stderr
    assert "claims.schema.json is up to date" in result.stdout


def test_check_fails_on_drift_and_says_how_to_fix_it(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "claims.schema.json"
    schema = json.loads(schema_text())
    schema["$defs"]["Claim"]["properties"].pop("statement")
    path.write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
    result = run("schema", "--check")
    assert result.returncode == 1
    assert "run `dossier schema`" in result.stderr
    assert path.read_text(encoding="utf-8") != schema_text()  # --check writes nothing
    path.write_text(schema_text().rstrip("\n"), encoding="utf-8")  # even a missing final newline
    assert run("schema", "--check").returncode == 1


def test_check_fails_when_the_file_is_missing(run: Run) -> None:
    result = run("schema", "--check")
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "run `dossier schema`" in result.stderr


def test_reference_prints_the_markdown(run: Run) -> None:
    result = run("reference")
    assert result.returncode == 0
    assert result.stdout == reference_markdown()
    assert "## Claim" in result.stdout
