"""The strict loader: YAML 1.2 core scalars only, positions for every value, clean errors."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from fixtures import TODAY, VALID

from site_plugins.dossier.checking.validate import load_and_validate
from site_plugins.dossier.reading import limits
from site_plugins.dossier.reading.load import load_file, load_text
from site_plugins.dossier.reading.positions import dotted


def _value(text: str) -> object:
    result = load_text(f"v: {text}\n")
    assert result.problems == [], result.problems
    assert result.located is not None
    return result.located.data["v"]


@pytest.mark.parametrize(
    "text",
    # YAML 1.1 would turn every one of these into a boolean, a date, a number or a time.
    [
        "yes",
        "no",
        "Yes",
        "NO",
        "on",
        "off",
        "y",
        "n",
        "2024-10-23",
        "2024-10-23T10:00:00",
        "1_000",
        "12:30:00",
        "0b101",
        "017_0",
        "+.5e",
        "1,500",
        ".NaNx",
        "0o",
        "0x",
    ],
)
def test_yaml_11_words_stay_text(text: str) -> None:
    assert _value(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("FALSE", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("NULL", None),
        ("0", 0),
        ("-12", -12),
        ("+7", 7),
        ("0123", 123),
        ("0o17", 15),
        ("0x1F", 31),
        ("1.5", 1.5),
        ("-0.25", -0.25),
        (".5", 0.5),
        ("1e3", 1000.0),
        ("2.", 2.0),
        ("6E-1", 0.6),
    ],
)
def test_core_schema_scalars(text: str, expected: object) -> None:
    got = _value(text)
    assert got == expected and type(got) is type(expected)


def test_infinity_and_nan_follow_the_core_schema() -> None:
    assert _value(".inf") == math.inf
    assert _value("-.Inf") == -math.inf
    assert math.isnan(_value(".nan"))  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ['"true"', "'no'", '"3000"', '"~"', "'2024-10-23'", '""'])
def test_quoted_scalars_are_always_text(text: str) -> None:
    assert _value(text) == text[1:-1]


def test_block_scalars_are_text_and_may_hold_tabs() -> None:
    result = load_text("a: |\n  line one\n  \tindented with a tab inside the text\nb: >\n  folded\n  text\n")
    assert result.problems == []
    assert result.located is not None
    assert result.located.data == {
        "a": "line one\n\tindented with a tab inside the text\n",
        "b": "folded text\n",
    }


def test_a_number_too_long_to_be_a_number_is_an_error() -> None:
    result = load_text("v: " + "9" * (limits.MAX_NUMBER_CHARS + 1) + "\n")
    assert result.fatal
    (p,) = result.problems
    assert (p.line, p.col, p.field) == (1, 4, "v")
    assert "at most" in p.message and "quotes" in p.hint


def test_positions_of_values_and_keys() -> None:
    text = VALID.read_text(encoding="utf-8")
    located = load_text(text).located
    assert located is not None
    assert located.where(("claims", 3, "citations", 0, "quote")) == (123, 16)
    assert located.key_where(("claims", 3, "citations", 0, "quote")) == (123, 9)
    assert located.where(("claims", 3)) == (113, 5)
    assert located.where(("questions", 0, "scopes", 1)) == (41, 23)
    assert located.key_where(("sources",)) == (7, 1)
    assert located.where(()) == (2, 1)
    # A path that does not exist gives the deepest part that does.
    assert located.where(("claims", 3, "no-such-field")) == (113, 5)
    assert located.where(("claims", 99, "id")) == (69, 3)


def test_every_value_and_key_has_a_position_matching_the_text() -> None:
    text = VALID.read_text(encoding="utf-8")
    lines = text.split("\n")
    located = load_text(text).located
    assert located is not None
    checked = 0

    def walk(value: object, path: tuple[str | int, ...]) -> None:
        nonlocal checked
        if isinstance(value, dict):
            for key, child in value.items():
                kline, kcol = located.key_where((*path, key))
                assert lines[kline - 1][kcol - 1 :].startswith(f"{key}:"), (path, key)
                walk(child, (*path, key))
        elif isinstance(value, list):
            for i, child in enumerate(value):
                walk(child, (*path, i))
        elif isinstance(value, str):
            line, col = located.where(path)
            written = lines[line - 1][col - 1 :]
            assert written.lstrip("\"'").startswith(value[:10]), (path, written, value)
        checked += 1

    walk(located.data, ())
    assert checked > 150


def test_line_of_is_the_contract_for_edit_links() -> None:
    result = load_and_validate(VALID, today=TODAY)
    assert result.line_of(("claims", 0)) == 69
    assert result.line_of(("claims", 3)) == 113
    assert result.line_of(("questions", 2)) == 53
    assert result.line_of(("claims", 3, "citations", 0, "quote")) == 123
    assert result.line_of(("claims", 5)) is None
    assert result.line_of(("nothing",)) is None


def test_dotted_paths() -> None:
    assert dotted(("claims", 3, "citations", 0, "quote")) == "claims[3].citations[0].quote"
    assert dotted(()) == "(file)"
    assert dotted(("sources",)) == "sources"


def test_duplicate_keys_keep_the_first_value_and_name_both_lines() -> None:
    result = load_text("a:\n  b: 1\n  c: 2\n  b: 3\n")
    assert not result.fatal
    assert result.located is not None and result.located.data == {"a": {"b": 1, "c": 2}}
    (p,) = result.problems
    assert (p.line, p.col, p.field) == (4, 3, "a.b")
    assert "line 2" in p.message


def test_complex_keys_are_rejected() -> None:
    result = load_text("? [a, b]\n: value\nok: 1\n")
    (p,) = result.problems
    assert (p.line, p.col) == (1, 3)
    assert "a list or mapping" in p.message


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes("\ufeffa: 1\n".encode())
    result = load_file(path)
    assert result.problems == [] and result.located is not None
    assert result.located.data == {"a": 1}


def test_invalid_utf8_is_reported_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    (p,) = load_file(path).problems
    assert (p.line, p.col) == (2, 7)
    assert "UTF-8" in p.message


@pytest.mark.parametrize(("text", "line", "col"), [("a: 1\nb: x\x00y\n", 2, 5), ("a: \x07\n", 1, 4)])
def test_control_characters_are_reported(text: str, line: int, col: int) -> None:
    result = load_text(text)
    assert result.fatal
    (p,) = result.problems
    assert (p.line, p.col) == (line, col)


def test_missing_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    result = load_and_validate(tmp_path / "nope.yaml")
    (p,) = result.problems
    assert "cannot read the file" in p.message
    assert result.data is None and not result.ok


def test_tabs_inside_a_flow_list_continuation_are_reported() -> None:
    # libyaml accepts this tab; the loader still tells the editor to use spaces.
    result = load_text("a: [1,\n\t2]\n")
    (p,) = result.problems
    assert (p.line, p.col, p.message) == (2, 1, "tabs are not allowed")


def test_tab_between_key_and_value_is_fine() -> None:
    result = load_text("a:\tvalue\n")
    assert result.problems == []


def test_empty_items_and_values_are_null() -> None:
    result = load_text("a:\n  -\n  - x\n  - 12\nb:\nc: [~, '', 1]\n")
    assert result.problems == []
    assert result.located is not None
    assert result.located.data == {"a": [None, "x", 12], "b": None, "c": [None, "", 1]}


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('a:\n  quote: "He said "no" today"\n  b: 1\n', (2, 20, "a.quote"), 'as \\"'),
        ("a: 'it's'\n", (1, 8, "a"), "two ('')"),
        ('a:\n  b:\n    c: 1\n  d: "never closed\n', (4, 6, "a.d"), "same kind of quotation mark"),
        ("a:\n  - b: [1, 2\n", (3, 1, "a[0].b"), "close it with ']'"),
    ],
)
def test_syntax_errors_name_the_cause(text: str, where: tuple[int, int, str], words: str) -> None:
    result = load_text(text)
    assert result.fatal
    (p,) = result.problems
    assert (p.line, p.col, p.field) == where
    assert p.message.startswith("YAML syntax error: ")
    assert words in p.hint


def test_control_character_after_non_ascii_text_is_placed_by_characters() -> None:
    (p,) = load_text("a: \u00e9\u00e9\u00e9\u00e9\u00e9\nb: x\x07\n").problems
    assert (p.line, p.col) == (2, 5)
