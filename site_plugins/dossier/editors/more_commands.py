"""``dossier new source`` and ``dossier ids``: the parsers and handlers (``cli`` registers them).

``dossier ids`` lists the ids an editor types into a claim (questions, actors, sources), each
with what it names, so that nobody has to search the file for them.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .cli import (
    EXIT_OK,
    EXIT_PROBLEMS,
    _add_file_argument,
    _claims_file,
    _Commands,
    add_record,
)

_KINDS = {
    "questions": ("text", "question"),
    "actors": ("name", "actor"),
    "sources": ("outlet", "source"),
}


def cmd_new_source(args: argparse.Namespace) -> int:
    from .new_source import SourceFields, add_source

    fields = SourceFields(args.id, args.outlet, args.url, args.archive_url, args.snapshot, args.published)
    new = add_record(args.file, "source", lambda text: add_source(text, fields))
    if isinstance(new, int):
        return new
    if args.snapshot is None:
        sys.stderr.write(
            "warning: no --snapshot: quotes from this source cannot be checked until its text is in "
            "the snapshots folder and `snapshot:` names the file\n"
        )
    return EXIT_OK


def cmd_ids(args: argparse.Namespace) -> int:
    from ..reading.load import load_file

    path = _claims_file(args.file)
    loaded = load_file(path)
    data: Any = loaded.located.data if loaded.located is not None else None
    if not isinstance(data, dict):
        for problem in loaded.problems:
            sys.stderr.write(f"{problem}\n")
        sys.stderr.write(f"{args.file}: cannot be read; run `dossier validate {args.file}`\n")
        return EXIT_PROBLEMS
    wanted = [args.kind] if args.kind else list(_KINDS)
    for key in wanted:
        label, _ = _KINDS[key]
        found = data.get(key)
        items = found if isinstance(found, list) else []
        sys.stdout.write(f"{key}:\n")
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                what = " ".join(str(item.get(label, "")).split())
                extra = "" if key != "sources" or item.get("snapshot") else "  (no snapshot)"
                sys.stdout.write(f"  {item['id']}  {what}{extra}\n")
    return EXIT_OK


def add_ids(commands: _Commands) -> None:
    ids = commands.add_parser(
        "ids",
        help="list the ids of the questions, actors and sources (what a claim refers to)",
        description="List the ids of the questions, actors and sources, each with its text, name or "
        "outlet; a source without a snapshot (whose quotes cannot be checked) is marked.",
    )
    ids.add_argument("--kind", choices=sorted(_KINDS), help="only this kind of record")
    _add_file_argument(ids)
    ids.set_defaults(handler=cmd_ids)


def add_new_source(kinds: _Commands) -> None:
    source = kinds.add_parser(
        "source",
        help="add a skeleton source, with its snapshot and archive fields",
        description="Add a skeleton source at the end of the sources: list, changing nothing else in "
        "the file. What is not given is left empty and marked # TODO. The id is the source's address "
        "on the site: choose it once (e.g. outlet-report or outlet-YYYY-MM-DD).",
    )
    source.add_argument("--id", required=True, metavar="ID", help="the new source's id")
    source.add_argument("--outlet", metavar="NAME", help="who published it")
    source.add_argument("--url", metavar="URL", help="where it was published (http/https); never guess")
    source.add_argument("--archive-url", metavar="URL", help="an archived copy (e.g. the Wayback Machine)")
    source.add_argument(
        "--snapshot", metavar="FILE", help="file name of its text in the snapshots folder (for quote checks)"
    )
    source.add_argument("--published", metavar="DATE", help="publication date, YYYY-MM-DD")
    _add_file_argument(source)
    source.set_defaults(handler=cmd_new_source)
