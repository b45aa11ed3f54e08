"""`dossier validate`: exit 0 valid, 1 invalid, 2 usage error; text and JSON reports; no traceback."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .conftest import VALID, Run

PROBLEM_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<field>[^:]+): (?P<message>.+)$")


def test_valid_file_exits_0_with_a_summary(run: Run, claims: Path) -> None:
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "claims.yaml: 2 claims, 2 questions, 1 source, 2 actors: valid; "
        "quotes not checked (no --snapshots, DOSSIER_SNAPSHOTS not set)\n"
    )
    assert result.stderr == ""


def test_quotes_verified_with_snapshots_option(run: Run, claims: Path, snapshots: Path) -> None:
    result = run("validate", "claims.yaml", "--snapshots", str(snapshots))
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith(f"valid; quotes verified against {snapshots}")


def test_snapshots_from_the_environment(run: Run, claims: Path, snapshots: Path) -> None:
    result = run("validate", env={"DOSSIER_SNAPSHOTS": str(snapshots)})
    assert result.returncode == 0, result.stderr
    assert "quotes verified" in result.stdout


def test_invalid_file_exits_1_with_every_problem_on_stderr(run: Run, claims: Path) -> None:
    bad = VALID.replace(
        '    made: "2024-10-20"\n    value: {exactly', '    made: "20 Oct"\n    value: {exactly'
    )
    bad = bad.replace(
        '      - source: town-crier\n        quote: "The bells',
        '      - sourcse: town-crier\n        quote: "The bells',
    )
    claims.write_text(bad, encoding="utf-8")
    result = run("validate")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[-1] == f"{len(lines) - 1} problems in claims.yaml"
    problems = [PROBLEM_LINE.match(line) for line in lines[:-1]]
    assert all(problems), lines
    fields = {m.group("field"): m for m in problems if m}
    assert "claims[0] (how-many-bells-1).made" in fields
    assert fields["claims[0] (how-many-bells-1).made"].group("line") == str(
        bad.splitlines().index('    made: "20 Oct"') + 1
    )
    assert any("sourcse" in line for line in lines)
    assert "Traceback" not in result.stderr


def test_quote_miss_names_the_closest_passage(run: Run, claims: Path, snapshots: Path) -> None:
    claims.write_text(
        VALID.replace("eight bells hang in the tower", "nine bells hang in the tower"), encoding="utf-8"
    )
    result = run("validate", "--snapshots", str(snapshots))
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    line = VALID.splitlines().index('        quote: "eight bells hang in the tower"') + 1
    assert first.startswith(f"claims.yaml:{line}:")
    assert "claims[0] (how-many-bells-1).citations[0].quote" in first
    assert "closest passage: '" in first and "bells hang in the tower" in first
    assert result.stderr.splitlines()[-1] == "1 problem in claims.yaml"


def test_json_format_valid(run: Run, claims: Path) -> None:
    result = run("validate", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"valid": True, "problems": []}


def test_json_format_invalid(run: Run, claims: Path) -> None:
    claims.write_text(VALID.replace("kind: organisation", "kind: robot"), encoding="utf-8")
    result = run("validate", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert len(report["problems"]) >= 1
    problem = report["problems"][0]
    assert set(problem) == {
        "file",
        "line",
        "col",
        "field",
        "record",
        "message",
        "hint",
        "severity",
        "warning",
    }
    assert (problem["severity"], problem["warning"]) == ("error", None)
    assert (problem["field"], problem["record"]) == ("actors[1].kind", "council")
    assert problem["line"] == VALID.splitlines().index("    kind: organisation") + 1


def test_yaml_syntax_error_is_a_problem_not_a_traceback(run: Run, claims: Path) -> None:
    claims.write_text(VALID.replace("  - id: sexton\n", "  - id: sexton\n\tname: tab\n"), encoding="utf-8")
    result = run("validate")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert PROBLEM_LINE.match(result.stderr.splitlines()[0]), result.stderr


def test_empty_and_binary_files_are_problems(run: Run, claims: Path) -> None:
    for content in (b"", b"\xff\xfe\x00garbage", b"- just\n- a list\n"):
        claims.write_bytes(content)
        result = run("validate")
        assert result.returncode == 1, (content, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr


def test_missing_file_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    result = run("validate", "nowhere.yaml")
    assert result.returncode == 2
    assert "nowhere.yaml not found" in result.stderr
    assert "Traceback" not in result.stderr
    result = run("validate")  # the default claims.yaml is not there either
    assert result.returncode == 2 and "claims.yaml not found" in result.stderr


def test_folder_as_file_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    result = run("validate", "folder")
    assert result.returncode == 2 and "is a folder" in result.stderr


def test_missing_snapshots_folder_is_a_usage_error(run: Run, claims: Path, tmp_path: Path) -> None:
    result = run("validate", "--snapshots", str(tmp_path / "nowhere"))
    assert result.returncode == 2 and "snapshots folder" in result.stderr
    result = run("validate", env={"DOSSIER_SNAPSHOTS": str(tmp_path / "nowhere")})
    assert result.returncode == 2 and "DOSSIER_SNAPSHOTS" in result.stderr


def test_bad_options_are_usage_errors(run: Run, claims: Path) -> None:
    for args in (("validate", "--format", "xml"), ("validate", "--bogus"), ("frobnicate",), ()):
        result = run(*args)
        assert result.returncode == 2, args
        assert "usage:" in result.stderr
        assert "Traceback" not in result.stderr


def test_help_lists_the_commands(run: Run) -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("validate", "schema", "new", "reference"):
        assert command in result.stdout


def test_problems_name_the_file_as_given(run: Run, tmp_path: Path, snapshots: Path) -> None:
    folder = tmp_path / "dossiers"
    folder.mkdir()
    other = folder / "bells.yaml"
    other.write_text(VALID.replace("eight bells hang", "ten bells hang"), encoding="utf-8")
    result = run("validate", "dossiers/bells.yaml", "--snapshots", str(snapshots))
    assert result.returncode == 1
    assert result.stderr.startswith("dossiers/bells.yaml:"), result.stderr
    assert result.stderr.splitlines()[-1] == "1 problem in dossiers/bells.yaml"


# ---------------------------------------------------------------------------
# Warnings: listed after the errors, exit 0 unless --strict
# ---------------------------------------------------------------------------

CONFIRMED = VALID.replace(
    "    status: reported\n    # checked against the parish newsletter",
    "    status: confirmed\n    # checked",
)
#: The line of that status in the file (counted, so that the sample dossier may change).
STATUS_LINE = CONFIRMED[: CONFIRMED.index("    status: confirmed\n    # checked")].count("\n") + 1
WARNING_LINE = (
    f"claims.yaml:{STATUS_LINE}:13: claims[1] (bells-rung-1).status: warning [confirmed-needs-two-origins]: "
    "confirmed on one independent origin (town-crier), not two (cite a second independent origin, "
    "or use reported; if the actor states its own act, write party_concerned: true; "
    "or, once reviewed, acknowledge it)"
)


def test_a_warning_is_listed_and_the_file_is_still_valid(run: Run, claims: Path) -> None:
    claims.write_text(CONFIRMED, encoding="utf-8")
    result = run("validate")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [WARNING_LINE, "1 warning in claims.yaml"]
    assert result.stdout.startswith("claims.yaml: 2 claims, 2 questions, 1 source, 2 actors: valid;")


def test_strict_makes_a_warning_fail(run: Run, claims: Path) -> None:
    claims.write_text(CONFIRMED, encoding="utf-8")
    result = run("validate", "--strict")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        WARNING_LINE,
        "1 warning in claims.yaml (--strict: warnings fail the check)",
    ]
    assert result.stdout == ""
    assert run("validate", "--strict", "--format", "json").returncode == 1


def test_json_carries_the_severity_and_the_warnings_name(run: Run, claims: Path) -> None:
    claims.write_text(CONFIRMED, encoding="utf-8")
    result = run("validate", "--format", "json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["valid"] is True
    (warning,) = report["problems"]
    assert (warning["line"], warning["col"], warning["field"]) == (STATUS_LINE, 13, "claims[1].status")
    assert (warning["severity"], warning["warning"]) == ("warning", "confirmed-needs-two-origins")
    strict = json.loads(run("validate", "--format", "json", "--strict").stdout)
    assert strict["valid"] is False and strict["problems"] == report["problems"]


def test_warnings_come_after_the_errors(run: Run, claims: Path) -> None:
    """Warnings about single records come with the errors of the dossier's rules (not when the
    schema refuses the file: then the records cannot be read)."""
    claims.write_text(CONFIRMED.replace("scope: hung}", "scope: hang}"), encoding="utf-8")
    result = run("validate")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "claims[0] (how-many-bells-1).value.scope: unknown scope 'hang'" in lines[0]
    assert lines[1:] == [WARNING_LINE, "1 problem and 1 warning in claims.yaml"]
    claims.write_text(CONFIRMED.replace("kind: organisation", "kind: robot"), encoding="utf-8")
    assert run("validate").stderr.splitlines()[-1] == "1 problem in claims.yaml"


def test_an_acknowledged_warning_stays_quiet(run: Run, claims: Path) -> None:
    acknowledged = CONFIRMED.replace(
        "    status: confirmed\n    # checked",
        "    status: confirmed\n    acknowledged:\n      - warning: confirmed-needs-two-origins\n"
        '        note: "The parish newsletter, not yet a source here, says the same."',
    )
    claims.write_text(acknowledged, encoding="utf-8")
    result = run("validate", "--strict")
    assert (result.returncode, result.stderr) == (0, "")


def test_today_option_sets_the_day_dates_are_checked_against(run: Run, claims: Path) -> None:
    # The fixture's dates are of October and November 2024: judged from 1 January 2024, they are
    # in the future; from the clock's today, they are not.
    early = run("validate", "--today", "2024-01-01")
    assert early.returncode == 1
    assert re.search(
        r"claims\[0\] \([a-z0-9-]+\)\.made: '2024-10-20' is in the future \(today is 2024-01-01\)",
        early.stderr,
    )
    assert run("validate", "--today", "2024-11-02").returncode == 0


def test_today_option_lets_a_dossier_dated_ahead_validate(run: Run, claims: Path) -> None:
    claims.write_text(VALID.replace('"2024-', '"2099-'), encoding="utf-8")
    assert "is in the future" in run("validate").stderr
    result = run("validate", "--today", "2099-12-31")
    assert result.returncode == 0, result.stderr


def test_today_option_refuses_what_is_not_a_day(run: Run, claims: Path) -> None:
    result = run("validate", "--today", "2024-13-01")
    assert result.returncode == 2
    assert "--today: expected a day as YYYY-MM-DD, not '2024-13-01'" in result.stderr
