"""The corpus of bad inputs: each file is the valid fixture with one kind of mistake.

Every case states the exact line, column and field reported, words of the message and of
the hint, and how many problems the file has in all (so that one mistake does not drown in
follow-on errors, and a file with several mistakes gets all of them at once).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import BAD_INPUTS, TODAY, VALID

from site_plugins.dossier.checking.validate import load_and_validate

# file -> (problems in all, line, col, field,
#          words of the message, words of the hint)
# fmt: off
CASES: dict[str, tuple[int, int, int, str, str, str]] = {
    # YAML itself
    "syntax_unclosed_quote": (1, 10, 15, "sources[0].headline",
        "quotation mark opened here is never closed", "same line"),
    "syntax_colon_in_value": (1, 130, 33, "claims[4].statement",
        "YAML syntax error: a colon here", "double quotes"),
    "syntax_bad_indentation": (1, 88, 4, "claims",
        "YAML syntax error: this line does not fit", "indentation"),
    "syntax_unclosed_bracket": (1, 42, 11, "questions[0].scopes",
        "square brackets is not closed", "close it"),
    "tab_indentation": (1, 33, 1, "actors[1]",
        "tabs are not allowed", "indent with spaces"),
    "tab_after_spaces": (1, 96, 7, "claims[1].citations[0]",
        "tabs are not allowed", "indent with spaces"),
    "duplicate_key": (1, 84, 5, "claims[0].status",
        "duplicate field 'status': it is already set at line 82", "keep one"),
    "anchors_aliases": (2, 12, 16, "sources[0].published",
        "anchors and aliases (&, *) are not supported", "write the value out"),
    "yaml_tag": (1, 32, 11, "actors[1].name",
        "tags such as !!python/name:os.system are not supported", "remove the tag"),
    "too_deep": (1, 85, 48, "claims[0].tags",
        "nesting is too deep (more than 40 levels)", "indentation"),
    "multi_document": (1, 141, 1, "(file)",
        "a second YAML document starts here", "remove the '---' line"),
    "empty_file": (1, 1, 1, "(file)",
        "the file is empty", "example"),
    "comments_only": (1, 1, 1, "(file)",
        "the file is empty", "example"),
    "non_string_key": (1, 34, 5, "actors[1]",
        "a field name must be text, not the number 2024", "field name"),
    "null_key": (1, 34, 5, "actors[1]",
        "a field name must be text, not null", "field name"),
    "not_a_mapping": (1, 2, 1, "(file)",
        "the file must be a mapping with the fields dossier", "example"),
    # Fields and types
    "unknown_field_top": (1, 7, 1, "sourcse",
        "unknown field 'sourcse'", "did you mean 'sources'?"),
    "unknown_field_citation": (1, 110, 9, "claims[2].citations[0].sorce",
        "unknown field 'sorce'", "did you mean 'source'?"),
    "unknown_field_unrelated": (1, 33, 5, "actors[1].twitter",
        "unknown field 'twitter'", "id, name, role, affiliation, kind"),
    "missing_required_field": (1, 113, 5, "claims[3].made",
        "required field 'made' is missing", "add 'made:'"),
    "missing_required_top": (1, 2, 1, "claims",
        "required field 'claims' is missing", "add 'claims:'"),
    "wrong_type_list": (1, 85, 11, "claims[0].tags",
        "expected a list, found the text 'casualties'", "'- '"),
    "wrong_type_mapping": (1, 133, 12, "claims[4].value",
        "expected a record", "own lines"),
    "wrong_type_text": (1, 32, 11, "actors[1].name",
        "expected text, found the number 1234", "put it in quotes: \"1234\""),
    "number_as_text": (1, 45, 18, "questions[0].window_days",
        "a number written as text: '7'", "without quotes"),
    "number_with_underscore": (1, 92, 12, "claims[1].value.min",
        "a number written as text: '1_000'", ": 1000"),
    "no_as_boolean": (1, 46, 17, "questions[0].only_grows",
        "'no' is not a boolean", "write true or false"),
    "bare_date_as_number": (1, 75, 16, "claims[0].value.exactly",
        "expected a number, found the date '2024-10-20'", "write a number"),
    "boolean_as_answer": (1, 108, 15, "claims[2].value.answer",
        "true is not one of the allowed words", "use one of: yes, no"),
    "boolean_as_credibility": (1, 84, 18, "claims[0].credibility",
        "expected a grade from 1 to 6, found true", "1 to 6"),
    "credibility_as_text": (1, 84, 18, "claims[0].credibility",
        "a number written as text: '2'", "without quotes"),
    "year_as_number": (1, 12, 16, "sources[0].published",
        "expected a date in quotes, found the number 2024", "\"2024\""),
    "enum_typo": (1, 13, 11, "sources[0].kind",
        "'orginal' is not one of the allowed words", "did you mean 'original'?"),
    "bad_id_format": (2, 69, 9, "claims[0].id",
        "'County_300_Homes' is not a valid id", "lower-case letters, digits and single hyphens"),
    "date_wrong_format": (1, 21, 16, "sources[1].published",
        "'21 October 2024' is not a date in the form YYYY-MM-DD", "write YYYY-MM-DD"),
    "javascript_url": (1, 14, 10, "sources[0].url",
        "is not a web address starting with http:// or https://", "javascript:"),
    "empty_text": (1, 130, 16, "claims[4].statement",
        "is empty", "write some text"),
    # The dossier's own rules
    "duplicate_claim_id": (3, 113, 9, "claims[3].id",
        "duplicate claim id 'county-dam-breached': already used by claims[2] at line 102", "its own id"),
    "duplicate_source_id": (4, 17, 9, "sources[1].id",
        "duplicate source id 'valley-courier-2024-10-20': already used by sources[0] at line 8",
        "its own id"),
    "missing_source": (1, 110, 17, "claims[2].citations[0].source",
        "no source with id 'valley-courier-2024-10-02'", "did you mean 'valley-courier-2024-10-20'?"),
    "missing_actor": (1, 116, 12, "claims[3].actor",
        "no actor with id 'dam-operater'", "did you mean 'dam-operator'?"),
    "missing_question": (1, 129, 15, "claims[4].question",
        "no question with id 'flood-causes'", "did you mean 'flood-cause'?"),
    "missing_claim_link": (1, 100, 16, "claims[1].supersedes[0].claim",
        "no claim with id 'county-30-homes'", "did you mean 'county-300-homes'?"),
    "withdrawn_claim_still_there": (1, 147, 12, "withdrawn[0].claim",
        "claim 'operator-rainfall' is in the dossier (claims[4]), so it is not withdrawn",
        "remove this entry, or the claim"),
    "missing_resolution_claim": (1, 142, 35, "resolutions[0].claims[1]",
        "no claim with id 'operator-breach'", "did you mean 'operator-no-breach'?"),
    "value_kind_mismatch": (2, 92, 7, "claims[1].value.answer",
        "'answer' does not fit a quantity question", "exactly"),
    "choice_without_option": (1, 134, 7, "claims[4].value",
        "a choice question needs an option", "option:"),
    "unknown_option": (1, 134, 15, "claims[4].value.option",
        "no option 'rain' in question 'flood-cause'", "rainfall, spillway-fault, sabotage"),
    "unit_mismatch": (1, 76, 13, "claims[0].value.unit",
        "unit 'houses' does not match the question's unit 'homes'", "unit: homes"),
    "unknown_scope": (1, 93, 14, "claims[1].value.scope",
        "unknown scope 'destroyed'", "flooded, evacuated"),
    "figure_too_large": (1, 92, 12, "claims[1].value.min",
        "45000000000000000000 is too large: it must be at most 9007199254740991", "extra digits"),
    "figure_infinite": (1, 92, 12, "claims[1].value.min",
        "is not a finite number", "write a number"),
    "min_greater_than_max": (1, 92, 12, "claims[1].value.min",
        "min (450) is greater than max (400)", "swap them"),
    "exactly_with_range": (1, 75, 16, "claims[0].value.exactly",
        "either 'exactly' or a range", "exactly for one figure"),
    "future_date": (1, 132, 11, "claims[4].made",
        "'2031-10-21' is in the future (today is 2024-11-05)", "check the year"),
    "invalid_date": (1, 106, 11, "claims[2].made",
        "'2024-02-30' is not a real date", "YYYY-MM-DD"),
    "until_before_as_of": (1, 121, 14, "claims[3].value.until",
        "'until' (2024-10-01) is before 2024-10-21", "as_of"),
    "period_ends_before_it_starts": (1, 96, 14, "claims[1].value.period.end",
        "the period ends (2024-10-12) before it starts (2024-10-19)", "swap them"),
    "period_with_as_of": (1, 78, 7, "claims[0].value.as_of",
        "write either 'as_of' or a 'period', not both", "leave as_of out"),
    "one_way_on_a_quantity": (1, 47, 5, "questions[0].one_way",
        "'one_way' is only for yes-no questions", "this question's kind is quantity, not yes-no"),
    "empty_quote": (1, 137, 16, "claims[4].citations[0].quote",
        "the quote is blank", "exact words"),
    "supersession_cycle": (1, 87, 16, "claims[0].supersedes[0].claim",
        "county-300-homes supersedes county-450-homes supersedes county-300-homes", "later claim"),
    "supersede_self": (1, 100, 16, "claims[1].supersedes[0].claim",
        "a claim cannot supersede itself", "another claim"),
    "superseded_without_superseder": (1, 82, 13, "claims[0].status",
        "claim county-300-homes is marked superseded, but no claim supersedes it",
        "name county-300-homes under supersedes: in the claim that replaces it, or give it another status"),
    "supersedes_later_claim": (1, 100, 16, "claims[1].supersedes[0].claim",
        "claim county-450-homes (made 2024-10-19) supersedes county-300-homes, which was made later "
        "(2024-10-20)", "name county-450-homes under supersedes in county-300-homes instead"),
    "duplicate_resolution": (1, 145, 13, "resolutions[1].claims",
        "the conflict between operator-no-breach and county-dam-breached already has a resolution: "
        "resolutions[0] at line 142", "keep one resolution for each pair of claims"),
    "copy_of_cycle": (1, 14, 14, "sources[0].copy_of",
        "valley-courier-2024-10-20 -> river-wire-2024-10-21 -> valley-courier-2024-10-20", "original"),
    "copy_of_missing": (1, 23, 14, "sources[1].copy_of",
        "no source with id 'reuters-2024-10-21'", "river-wire-2024-10-21"),
    "excludes_missing_option": (1, 62, 20, "questions[2].options[0].excludes[0]",
        "no option with id 'sabotge' in this question", "did you mean 'sabotage'?"),
    "question_kind_fields": (1, 50, 5, "questions[1].scopes",
        "'scopes' is only for quantity questions", "yes-no"),
    "five_errors": (5, 10, 5, "sources[0].sourcse",
        "unknown field 'sourcse'", "the fields allowed here are"),
}
# fmt: on


def _files() -> list[str]:
    return sorted(p.stem for p in BAD_INPUTS.glob("*.yaml"))


def test_corpus_is_complete() -> None:
    """Every file in the corpus has an expectation and every expectation a file."""
    assert _files() == sorted(CASES)
    assert len(CASES) >= 35


def test_the_valid_fixture_is_valid() -> None:
    result = load_and_validate(VALID, today=TODAY)
    assert result.problems == []
    assert result.ok and result.data is not None
    assert len(result.data.claims) == 5


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input(name: str) -> None:
    count, line, col, field, message, hint = CASES[name]
    path = BAD_INPUTS / f"{name}.yaml"
    result = load_and_validate(path, today=TODAY)

    assert not result.ok
    assert result.data is None
    shown = "\n".join(str(p) for p in result.problems)
    assert len(result.problems) == count, shown
    at = [p for p in result.problems if (p.line, p.col, p.field) == (line, col, field)]
    assert at, f"nothing reported at {line}:{col} {field}; got:\n{shown}"
    assert any(message in p.message and hint in p.hint for p in at), shown


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_problem_is_placed_sorted_and_explained(name: str) -> None:
    result = load_and_validate(BAD_INPUTS / f"{name}.yaml", today=TODAY)
    keys = [(p.line, p.col) for p in result.problems]
    assert keys == sorted(keys)
    for p in result.problems:
        assert p.line >= 1 and p.col >= 1
        assert p.message and p.hint, p
        assert p.file.endswith(f"{name}.yaml")
        # The editor-facing line: FILE:LINE:COL: field: message (hint)
        assert str(p) == f"{p.file}:{p.line}:{p.col}: {p.shown_field}: {p.message} ({p.hint})"


def test_five_errors_are_reported_at_once() -> None:
    result = load_and_validate(BAD_INPUTS / "five_errors.yaml", today=TODAY)
    got = [(p.line, p.col, p.field) for p in result.problems]
    assert got == [
        (10, 5, "sources[0].sourcse"),
        (47, 17, "questions[0].only_grows"),
        (73, 12, "claims[0].actor"),
        (93, 12, "claims[1].value.min"),
        (139, 16, "claims[4].citations[0].quote"),
    ]


def test_anchor_and_alias_are_both_reported() -> None:
    result = load_and_validate(BAD_INPUTS / "anchors_aliases.yaml", today=TODAY)
    assert [(p.line, p.col, p.field) for p in result.problems] == [
        (12, 16, "sources[0].published"),
        (73, 11, "claims[0].made"),
    ]
    assert "found alias *day" in result.problems[1].message


def test_problem_file_name_is_relative_to_the_working_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "dossier"
    folder.mkdir()
    (folder / "claims.yaml").write_text("dossier: [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = load_and_validate(folder / "claims.yaml")
    assert result.problems[0].file == "dossier/claims.yaml"
    assert str(result.problems[0]).startswith("dossier/claims.yaml:")
