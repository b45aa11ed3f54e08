"""Messages that name the record, and a syntax error that does not hide the file's other
problems (``checking.naming``, ``reading.recover``)."""

from __future__ import annotations

from pathlib import Path

from fixtures import TODAY, VALID

from site_plugins.dossier.analysis.review import review
from site_plugins.dossier.checking.validate import ValidationResult, load_and_validate

TEXT = VALID.read_text(encoding="utf-8")
#: The status line of the first claim (county-300-homes), and where it is.
STATUS = "    status: superseded\n"
STATUS_LINE = TEXT[: TEXT.index(STATUS)].count("\n") + 1


def _check(tmp_path: Path, text: str) -> ValidationResult:
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    return load_and_validate(path, today=TODAY)


def test_every_path_shows_the_records_id_beside_its_index(tmp_path: Path) -> None:
    result = _check(tmp_path, TEXT.replace("credibility: 2\n", "credibility: 9\n", 1))
    (problem,) = result.problems
    assert problem.field.startswith("claims[0].")
    assert problem.record == "county-300-homes"
    assert f": claims[0] (county-300-homes).{problem.field.split('.', 1)[1]}: " in str(problem)


def test_an_id_that_is_not_well_formed_is_not_shown(tmp_path: Path) -> None:
    result = _check(tmp_path, TEXT.replace("- id: county-300-homes", "- id: 'County 300 homes!'", 1))
    assert result.problems and all(p.record == "" for p in result.problems if p.field.startswith("claims[0]"))
    assert "(County" not in "\n".join(map(str, result.problems))


def test_a_missing_colon_is_reported_on_its_own_line_with_its_field(tmp_path: Path) -> None:
    result = _check(tmp_path, TEXT.replace(STATUS, "    status superseded\n"))
    (problem,) = result.problems
    assert (problem.line, problem.col) == (STATUS_LINE, 5)
    assert problem.shown_field == "claims[0] (county-300-homes).status"
    assert "not followed by a colon" in problem.message


def test_the_files_other_problems_are_listed_past_a_syntax_error(tmp_path: Path) -> None:
    text = TEXT.replace(STATUS, "    status superseded\n").replace(
        "actor: dam-operator", "actor: dam-operatr"
    )
    result = _check(tmp_path, text)
    lines = [p.line for p in result.problems]
    assert lines[0] == STATUS_LINE and "colon" in result.problems[0].message
    others = result.problems[1:]
    assert others and all("no actor with id 'dam-operatr'" in p.message for p in others)
    assert [p.line for p in others] == [n + 1 for n, s in enumerate(text.splitlines()) if "dam-operatr" in s]
    # The broken claim's missing status is not reported: the line is there, only unreadable.
    assert not any(p.field.startswith("claims[0]") and "status" in p.message for p in others)
    assert result.data is None and not result.ok


def test_two_syntax_errors_are_both_reported(tmp_path: Path) -> None:
    text = TEXT.replace(STATUS, "    status superseded\n").replace(
        "    confidence: likely\n", "    confidence likely\n"
    )
    result = _check(tmp_path, text)
    syntax = [p for p in result.problems if "colon" in p.message]
    assert len(syntax) >= 2 and syntax[0].line == STATUS_LINE


def test_a_broken_top_level_line_lists_only_the_syntax_error(tmp_path: Path) -> None:
    result = _check(tmp_path, TEXT.replace("questions:\n", "questions\n", 1))
    assert result.problems and all("YAML syntax error" in p.message for p in result.problems)


def test_text_cut_by_a_comment_is_a_warning_with_the_fix(tmp_path: Path) -> None:
    line = '    statement: "The county said about 300 homes were flooded."\n'
    result = _check(
        tmp_path, TEXT.replace(line, "    statement: The county said about 300 # homes were flooded.\n")
    )
    assert result.ok  # a warning, not an error
    (warning,) = [w for w in review(result) if w.code == "comment-cuts-text"]
    assert warning.line == TEXT[: TEXT.index(line)].count("\n") + 1
    assert warning.shown_field == "claims[0] (county-300-homes).statement"
    assert "'# homes were flooded.'" in warning.message and "double quotes" in warning.hint


def test_a_comment_after_one_word_or_quoted_text_is_left_alone(tmp_path: Path) -> None:
    text = TEXT.replace(STATUS, "    status: superseded  # checked twice\n").replace(
        '"about 300 homes were flooded overnight"', '"about 300 homes were flooded overnight"  # p. 2'
    )
    result = _check(tmp_path, text)
    assert result.ok and not [w for w in review(result) if w.code == "comment-cuts-text"]


def test_a_quote_with_dots_gets_a_hint_to_use_two_citations(tmp_path: Path) -> None:
    result = _check(
        tmp_path, TEXT.replace("about 300 homes were flooded overnight", "about 300 homes ... overnight")
    )
    (warning,) = [w for w in review(result) if w.code == "quote-with-gap"]
    assert warning.field == "claims[0].citations[0].quote"
    assert "two citations" in warning.hint
    # Listed even when the schema refuses the file.
    broken = _check(
        tmp_path,
        TEXT.replace("about 300 homes were flooded overnight", "a … b").replace(
            "kind: agency", "kind: robot"
        ),
    )
    assert broken.records is None and [w.code for w in review(broken)] == ["quote-with-gap"]
