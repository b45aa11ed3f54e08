"""The editors' page of error messages shows what the validator really prints.

``content/editors/errors.md`` holds, for each kind of mistake, a YAML snippet (the beginning of a
``claims.yaml``) and the output of ``dossier validate claims.yaml`` for it; for each warning, the
same (the command then succeeds and lists the warning). Each example here becomes a real file
(the snippet, then the page's "rest of the example file" minus the sections the snippet already
has), goes through the real command and the real validator, and the output must be exactly what
the page shows. An example the page calls correct gives neither an error nor a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from site_plugins.dossier.analysis.review import review
from site_plugins.dossier.checking.validate import load_and_validate
from site_plugins.dossier.editors import cli

from .conftest import REPO

PAGE = REPO / "content" / "editors" / "errors.md"
FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
MARKER = re.compile(
    r"<!--\s*(?P<kind>error-example|warning-example|valid-example|snapshot|rest-of-example-file)"
    r"(?::\s*(?P<args>[^>]*?))?\s*-->"
)
TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*):", re.MULTILINE)

#: Every kind of mistake the page must show (the brief's list); removing one fails the test.
REQUIRED = {
    "missing-colon",
    "open-quote",
    "inner-quotes",
    "unclosed-list",
    "tab",
    "duplicate-field",
    "unknown-field",
    "missing-field",
    "wrong-type",
    "unknown-word",
    "yes-no",
    "dates",
    "missing-source",
    "missing-claim",
    "duplicate-id",
    "supersession-cycle",
    "value-kind",
    "bad-url",
    "quote-not-found",
    "superseded-alone",
    "supersedes-later",
    "two-resolutions",
    "period",
}
#: Every warning the tool gives (an editor acknowledges it by this name).
REQUIRED_WARNINGS = {
    "confirmed-needs-two-origins",
    "missing-as-of",
    "resolution-without-conflict",
    "acknowledgement-not-needed",
    "comment-cuts-text",
    "quote-with-gap",
}


@dataclass
class Example:
    name: str
    snippet: str
    output: str | None  # None for a valid example
    snapshots: str | None = None
    line: int = 0
    warning: bool = False  # a warning example: the command succeeds


@dataclass
class Page:
    rest: str
    examples: list[Example] = field(default_factory=list)
    snapshot_files: dict[str, str] = field(default_factory=dict)


def parse_page(text: str) -> Page:
    markers = list(MARKER.finditer(text))
    fences = list(FENCE.finditer(text))

    def fences_after(marker: re.Match[str], count: int) -> list[re.Match[str]]:
        end = next((m.start() for m in markers if m.start() > marker.start()), len(text))
        found = [f for f in fences if marker.end() <= f.start() < end]
        assert len(found) >= count, (
            f"line {text.count(chr(10), 0, marker.start()) + 1}: expected {count} blocks"
        )
        return found[:count]

    rest = None
    page = Page(rest="")
    for marker in markers:
        kind, args = marker["kind"], (marker["args"] or "").strip()
        line = text.count("\n", 0, marker.start()) + 1
        if kind == "rest-of-example-file":
            (block,) = fences_after(marker, 1)
            rest = block["body"]
        elif kind == "snapshot":
            (block,) = fences_after(marker, 1)
            page.snapshot_files[args] = block["body"]
        elif kind == "valid-example":
            (block,) = fences_after(marker, 1)
            assert block["lang"] == "yaml", f"line {line}: the example must be a yaml block"
            page.examples.append(Example(f"valid-at-line-{line}", block["body"], None, line=line))
        else:
            name, _, option = args.partition(";")
            snapshots = option.split(":", 1)[1].strip() if option.strip().startswith("snapshots") else None
            yaml_block, output_block = fences_after(marker, 2)
            assert yaml_block["lang"] == "yaml" and output_block["lang"] == "text", f"line {line}"
            body = output_block["body"].rstrip("\n")
            warning = kind == "warning-example"
            page.examples.append(Example(name.strip(), yaml_block["body"], body, snapshots, line, warning))
    assert rest, "the page must show the rest of the example file"
    page.rest = rest
    return page


def sections(yaml_text: str) -> dict[str, str]:
    """The top-level sections of a YAML file, by key, each with its own lines."""
    starts = [(m.start(), m[1]) for m in TOP_LEVEL_KEY.finditer(yaml_text)]
    return {
        key: yaml_text[start : starts[i + 1][0] if i + 1 < len(starts) else len(yaml_text)]
        for i, (start, key) in enumerate(starts)
    }


def whole_file(snippet: str, rest: str) -> str:
    shown = set(sections(snippet))
    return snippet + "".join(body for key, body in sections(rest).items() if key not in shown)


PAGE_DATA = parse_page(PAGE.read_text(encoding="utf-8"))


def test_the_page_shows_every_kind_of_mistake_and_every_warning() -> None:
    names = [e.name for e in PAGE_DATA.examples if e.output is not None]
    assert len(names) == len(set(names)), "two examples share a name"
    errors = {e.name for e in PAGE_DATA.examples if e.output is not None and not e.warning}
    assert errors >= REQUIRED, f"missing examples: {sorted(REQUIRED - errors)}"
    warnings = {e.name for e in PAGE_DATA.examples if e.warning}
    assert warnings == REQUIRED_WARNINGS, f"the warnings shown: {sorted(warnings)}"


def test_the_rest_of_the_example_file_is_a_valid_dossier(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(PAGE_DATA.rest, encoding="utf-8")
    result = load_and_validate(path)
    assert result.ok, [str(p) for p in result.problems]
    assert set(sections(PAGE_DATA.rest)) == {"dossier", "sources", "actors", "questions", "claims"}


@pytest.mark.parametrize("example", PAGE_DATA.examples, ids=lambda e: e.name)
def test_the_page_shows_what_dossier_validate_prints(
    example: Example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DOSSIER_SNAPSHOTS", raising=False)
    monkeypatch.chdir(tmp_path)
    Path("claims.yaml").write_text(whole_file(example.snippet, PAGE_DATA.rest), encoding="utf-8")
    argv = ["validate", "claims.yaml"]
    if example.snapshots:
        for name, content in PAGE_DATA.snapshot_files.items():
            target = Path(name)
            assert target.parts[0] == example.snapshots, f"snapshot {name} is outside {example.snapshots}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        argv += ["--snapshots", example.snapshots]

    status = cli.main(argv)
    printed = capsys.readouterr()

    if example.output is None:
        assert status == 0, f"the page says this is correct (line {example.line}), but:\n{printed.err}"
        assert printed.err == "", f"the page says this is correct (line {example.line}), but:\n{printed.err}"
        return
    expected_status = 0 if example.warning else 1
    assert status == expected_status, f"{example.name}: exit status {status}\n{printed.out}{printed.err}"
    assert printed.err.rstrip("\n") == example.output, (
        f"{example.name} (page line {example.line}): the page shows\n{example.output}\n"
        f"but dossier validate prints\n{printed.err}"
    )
    # The same problems, straight from the validator the CLI, the plugin and the site build use.
    snapshots = Path(example.snapshots) if example.snapshots else None
    result = load_and_validate(Path("claims.yaml"), snapshots=snapshots)
    listed = [str(p) for p in [*result.problems, *review(result)]]
    assert listed == example.output.splitlines()[:-1]
    if example.warning:  # named in the message as the editor acknowledges it
        assert all(f"warning [{example.name}]: " in line for line in listed), listed


def test_the_message_explained_at_the_top_is_a_real_one() -> None:
    text = PAGE.read_text(encoding="utf-8")
    start = text.index("## How to read a message")
    shown = FENCE.search(text, start)
    assert shown is not None
    outputs = "\n".join(e.output or "" for e in PAGE_DATA.examples)
    assert shown["body"].strip() in outputs.splitlines()


def test_the_tab_example_really_holds_a_tab() -> None:
    (tab,) = [e for e in PAGE_DATA.examples if e.name == "tab"]
    assert "\t" in tab.snippet
    assert all("\t" not in e.snippet for e in PAGE_DATA.examples if e.name != "tab")
