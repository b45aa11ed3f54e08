"""The ``dossier`` command: validate claim records, keep the editors' schema current, scaffold.

Exit status: 0 success, 1 the dossier (or the committed schema) has problems, 2 usage error
(unknown option, a file or folder that does not exist, an id that is not in the file). Warnings
(records to look at again) are listed after the errors and leave the status 0, unless
``dossier validate --strict``.
Bad input never produces a traceback: every problem is one line,
``claims.yaml:LINE:COL: field: what is wrong (how to fix it)``.

Each command imports what it needs (the record model, the checks, YAML, the schema generator)
inside its handler, not at the top of this module: those imports take several times longer
than the rest of the command, and ``dossier --help`` or a usage error needs none of them.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from ..problems import Problem
from .usage import UsageError

if TYPE_CHECKING:
    from .scaffold import NewClaim

DEFAULT_FILE = "claims.yaml"
SNAPSHOTS_ENV = "DOSSIER_SNAPSHOTS"

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------
# dossier validate
# ---------------------------------------------------------------------------


def _snapshots_folder(option: str | None) -> Path | None:
    value = option if option is not None else os.environ.get(SNAPSHOTS_ENV) or None
    if value is None:
        return None
    folder = Path(value)
    if not folder.is_dir():
        origin = "--snapshots" if option is not None else f"{SNAPSHOTS_ENV}"
        raise UsageError(f"snapshots folder {value} not found (from {origin})")
    return folder


def _claims_file(value: str) -> Path:
    path = Path(value)
    if not path.is_file():
        what = "is a folder, not a file" if path.is_dir() else "not found"
        raise UsageError(f"{value} {what} (give the claim records file as FILE; default: {DEFAULT_FILE})")
    return path


def day(value: str) -> dt.date:
    """``--today``'s value: a calendar day as YYYY-MM-DD (argparse reports anything else)."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day as YYYY-MM-DD, not {value!r}") from None


def cmd_validate(args: argparse.Namespace) -> int:
    path = _claims_file(args.file)
    snapshots = _snapshots_folder(args.snapshots)
    from ..analysis.review import review
    from ..checking.validate import load_and_validate

    result = load_and_validate(path, snapshots=snapshots, today=args.today)
    problems = list(result.problems)
    data = result.data if result.ok else None
    if data is None and not problems:  # defensive: no data must always come with a reason
        problems = [Problem(path.name, 1, 1, "(file)", "the file could not be read as a dossier")]
    warnings = review(result)

    valid = data is not None and not problems
    passed = valid and not (args.strict and warnings)
    if args.format == "json":
        report = {"valid": passed, "problems": [p.as_dict() for p in problems + warnings]}
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK if passed else EXIT_PROBLEMS

    for problem in problems + warnings:
        sys.stderr.write(_one_line(str(problem)) + "\n")
    if problems or warnings:
        sys.stderr.write(_count_line(len(problems), len(warnings), args.file, strict=args.strict) + "\n")
    if not passed:
        return EXIT_PROBLEMS
    assert data is not None
    counts = ", ".join(
        [
            _plural(len(data.claims), "claim"),
            _plural(len(data.questions), "question"),
            _plural(len(data.sources), "source"),
            _plural(len(data.actors), "actor"),
        ]
    )
    quotes = (
        f"quotes verified against {snapshots}"
        if snapshots is not None
        else f"quotes not checked (no --snapshots, {SNAPSHOTS_ENV} not set)"
    )
    sys.stdout.write(f"{args.file}: {counts}: valid; {quotes}\n")
    return EXIT_OK


def _count_line(problems: int, warnings: int, file: str, *, strict: bool) -> str:
    """'2 problems in claims.yaml', '1 problem and 3 warnings in ...', '1 warning in ...'."""
    counted = [_plural(problems, "problem")] if problems else []
    if warnings:
        counted.append(_plural(warnings, "warning"))
    line = f"{' and '.join(counted)} in {file}"
    if warnings and strict and not problems:
        line += " (--strict: warnings fail the check)"
    return line


# ---------------------------------------------------------------------------
# dossier schema / reference
# ---------------------------------------------------------------------------


def cmd_schema(args: argparse.Namespace) -> int:
    from . import schema

    output = Path(args.output)
    if args.ids is not None:
        return _ids_schema(Path(args.ids), args.output)
    if args.check:
        if schema.schema_is_current(output):
            sys.stdout.write(f"{args.output} is up to date with the claim-record model\n")
            return EXIT_OK
        state = "does not exist" if not output.exists() else "is out of date with the claim-record model"
        sys.stderr.write(f"{args.output} {state}: run `dossier schema` to regenerate it, and commit it\n")
        return EXIT_PROBLEMS
    if output.parent and not output.parent.is_dir():
        raise UsageError(f"folder {output.parent} not found (--output)")
    changed = schema.write_schema(output)
    sys.stdout.write(f"{'wrote' if changed else 'unchanged:'} {args.output}\n")
    return EXIT_OK


def _ids_schema(claims: Path, output: str) -> int:
    from .dossier_schema import IDS_SCHEMA, write_dossier_schema

    target = Path(IDS_SCHEMA if output == "claims.schema.json" else output)
    if not write_dossier_schema(_claims_file(str(claims)), target):
        sys.stderr.write(f"{claims}: cannot be read; run `dossier validate {claims}` first\n")
        return EXIT_PROBLEMS
    sys.stdout.write(f"wrote {target}: the schema with the ids of {claims} to complete\n")
    return EXIT_OK


def cmd_reference(args: argparse.Namespace) -> int:
    from .schema import reference_markdown

    sys.stdout.write(reference_markdown())
    return EXIT_OK


# ---------------------------------------------------------------------------
# dossier new claim
# ---------------------------------------------------------------------------


def _write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that an interruption never leaves half a file."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        with contextlib.suppress(OSError):
            os.chmod(temp, path.stat().st_mode & 0o7777)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def add_record(file: str, kind: str, make: Callable[[str], NewClaim]) -> NewClaim | int:
    """Add the record ``make`` builds from the file's text: the record, or the exit status."""
    from .scaffold import ScaffoldError, UnknownReference

    path = _claims_file(file)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        sys.stderr.write(f"{file}: not UTF-8 text; no record was added\n")
        return EXIT_PROBLEMS
    try:
        new = make(text)
    except UnknownReference as exc:
        raise UsageError(str(exc)) from None
    except ScaffoldError as exc:
        sys.stderr.write(f"{file}: {exc}\n")
        return EXIT_PROBLEMS
    _write_atomically(path, new.text.encode("utf-8"))
    sys.stdout.write(
        f"{file}:{new.line}: added {kind} {new.claim_id}; fill in the fields marked TODO, "
        f"then run `dossier validate {file}`\n"
    )
    return new


def cmd_new_claim(args: argparse.Namespace) -> int:
    from .claim_warnings import new_claim_warnings
    from .scaffold import Filled, add_claim

    filled = Filled(args.actor, args.source, args.made, args.value, updated=dt.date.today().isoformat())
    text = ""

    def make(read: str) -> NewClaim:
        nonlocal text
        text = read
        return add_claim(read, question=args.question, actor=args.actor, source=args.source, filled=filled)

    new = add_record(args.file, "claim", make)
    if isinstance(new, int):
        return new
    for warning in new_claim_warnings(
        text, question=args.question, actor=args.actor, source=args.source, made=args.made, value=args.value
    ):
        sys.stderr.write(warning + "\n")
    return EXIT_OK


# ---------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier",
        description="Work with a dossier's claim records (claims.yaml).",
        epilog="Exit status: 0 success, 1 problems found, 2 usage error.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    _add_validate(commands)
    _add_schema(commands)
    _add_reference(commands)
    _add_new(commands)
    from .check import add_check_command
    from .export import add_export_command
    from .init import add_init_command

    add_check_command(commands)
    add_init_command(commands)
    add_export_command(commands)
    from .more_commands import add_ids

    add_ids(commands)
    return parser


#: What ``parser.add_subparsers()`` returns (argparse keeps the class's name private).
_Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _add_file_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument("file", metavar="FILE", nargs="?", default=DEFAULT_FILE, help="default: claims.yaml")


def add_today_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=day,
        help="the day the records' dates are checked against: a date after it is refused "
        "(default: today by the clock; for a dossier dated ahead on purpose, e.g. an exercise)",
    )


def _add_validate(commands: _Commands) -> None:
    validate = commands.add_parser(
        "validate",
        help="check the claim records and report every problem",
        description="Check the claim records (and, given a snapshots folder, every quote) and report "
        "every problem at once as FILE:LINE:COL: field: message (hint), then the warnings (records "
        "to look at again, as FILE:LINE:COL: field: warning [name]: message (hint)). Exit status 0 "
        "when valid (warnings or not, unless --strict), 1 when not, 2 on a usage error.",
    )
    _add_file_argument(validate)
    validate.add_argument(
        "--snapshots",
        metavar="DIR",
        help=f"folder of source snapshots; every quote is checked against its source's snapshot "
        f"(default: ${SNAPSHOTS_ENV} if set; otherwise quotes are not checked)",
    )
    add_today_argument(validate)
    validate.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit status 1) on warnings too, not only on errors",
    )
    validate.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help='text (problems, then warnings, on stderr, one per line) or json ({"valid": ..., '
        '"problems": [...]} on stdout, each with its "severity": error or warning)',
    )
    validate.set_defaults(handler=cmd_validate)


def _add_schema(commands: _Commands) -> None:
    schema = commands.add_parser(
        "schema",
        help="write claims.schema.json (the JSON Schema for editors) from the claim-record model",
        description="Write the JSON Schema that gives editors completion and inline errors for "
        "claims.yaml, generated from the claim-record model. With --check, write nothing and exit 1 "
        "if the file differs from what the model generates.",
    )
    schema.add_argument("--check", action="store_true", help="only check that the file is current")
    schema.add_argument(
        "--ids",
        metavar="FILE",
        help="instead, write claims.ids.schema.json: the schema with the ids of FILE's questions, "
        "actors, sources and claims, for editors to complete (not committed; regenerate after adding "
        "a record)",
    )
    schema.add_argument(
        "--output", metavar="PATH", default="claims.schema.json", help="default: claims.schema.json"
    )
    schema.set_defaults(handler=cmd_schema)


def _add_reference(commands: _Commands) -> None:
    reference = commands.add_parser(
        "reference",
        help="print the editors' reference to every field of claims.yaml (Markdown)",
        description="Print the editors' reference to every field of every record type, as Markdown.",
    )
    reference.set_defaults(handler=cmd_reference)


_NEW_CLAIM_DESCRIPTION = """\
Add a skeleton claim at the end of the claims: list, changing nothing else in
the file (comments and layout included), and print the line where it starts.

The new claim's id is QUESTION-N: the question's id followed by one more than
the highest number already used that way (e.g. people-evacuated-3
after people-evacuated-2). You may rename it before it is published; never change it
afterwards, since it is the claim page's address.

The fields still to fill in are left empty and marked # TODO, so
`dossier validate` lists each of them until the record is complete."""


def _add_new(commands: _Commands) -> None:
    new = commands.add_parser(
        "new", help="add a skeleton record to claims.yaml", description="Add a skeleton record."
    )
    kinds = new.add_subparsers(dest="kind", metavar="KIND")
    kinds.required = True
    claim = kinds.add_parser(
        "claim",
        help="add a skeleton claim for a question",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_NEW_CLAIM_DESCRIPTION,
    )
    claim.add_argument("--question", required=True, metavar="Q", help="id of the question the claim answers")
    claim.add_argument("--actor", metavar="A", help="id of who made the claim (else left to fill in)")
    claim.add_argument(
        "--source", metavar="S", help="id of the source of the first citation (else left to fill in)"
    )
    claim.add_argument("--made", metavar="DATE", help="when the claim was made, YYYY-MM-DD")
    claim.add_argument("--value", metavar="V", help="the figure, yes or no, or the option's id")
    _add_file_argument(claim)
    claim.set_defaults(handler=cmd_new_claim)
    from .more_commands import add_new_source

    add_new_source(kinds)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with status 2 on a usage error
    try:
        return int(args.handler(args))
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"dossier {args.command}: error: {exc}\n")
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `dossier reference | head`
        return EXIT_OK
    except Exception as exc:  # never a traceback for an editor; say it is our bug
        if os.environ.get("DOSSIER_DEBUG"):
            raise
        sys.stderr.write(
            f"dossier {args.command}: internal error ({type(exc).__name__}: {_one_line(str(exc))[:500]}); "
            "this is a bug in the dossier tool, not in your file: please report it "
            "(set DOSSIER_DEBUG=1 to see the details)\n"
        )
        return EXIT_PROBLEMS
    return EXIT_OK  # pragma: no cover - parser.exit does not return


if __name__ == "__main__":
    sys.exit(main())
