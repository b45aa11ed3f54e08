"""``dossier init DIR``: write a new dossier repository from the template in ``new_dossier/``.

The template is a whole repository that builds strictly and passes ``dossier check`` as
written: a minimal valid ``claims.yaml`` (one made-up source, actor, question and claim, with
comments), ``content/`` (home, methodology, corrections, the editors' guide), ``mkdocs.yml``,
``requirements.txt``, the GitHub workflow, the pull-request template, the pre-commit
configuration, ``.gitignore`` and a README.

Files whose name starts with ``dot-`` are written with a leading dot instead (``dot-github`` is
``.github``), so that the template's files are all plain package data. ``@TITLE@`` (and
``@TITLE_YAML@``, quoted for YAML), ``@TODAY@`` and ``@ENGINE_VERSION@`` are filled in.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from importlib import metadata
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "new_dossier"
DEFAULT_TITLE = "What we know: a new dossier"
DISTRIBUTION = "whatweknow-dossier"


def _engine_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0.1.0"


def template_files() -> list[tuple[str, Path]]:
    """Every file of the template: (its path in the new repository, the template file)."""
    files = []
    for path in sorted(TEMPLATE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            parts = [("." + p[4:]) if p.startswith("dot-") else p for p in path.relative_to(TEMPLATE).parts]
            files.append(("/".join(parts), path))
    return files


def render(text: str, *, title: str, today: dt.date) -> str:
    for token, value in [
        ("@TITLE_YAML@", json.dumps(title, ensure_ascii=False)),
        ("@TITLE@", title),
        ("@TODAY@", today.isoformat()),
        ("@ENGINE_VERSION@", _engine_version()),
    ]:
        text = text.replace(token, value)
    return text


def write_dossier(target: Path, *, title: str, today: dt.date) -> list[str]:
    """Write the new repository into ``target`` (absent or empty); return the files written."""
    written = []
    for name, source in template_files():
        out = target / name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(render(source.read_text(encoding="utf-8"), title=title, today=today), encoding="utf-8")
        written.append(name)
    return written


def cmd_init(args: argparse.Namespace) -> int:
    from .usage import UsageError, new_folder

    target = new_folder(args.dir)
    title = " ".join(str(args.title).split())
    if not title:
        raise UsageError("--title is empty")
    written = write_dossier(target, title=title, today=args.today or dt.date.today())
    sys.stdout.write(
        f"{args.dir}: wrote a new dossier ({len(written)} files). Next, in {args.dir}:\n"
        "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
        "  .venv/bin/mkdocs serve     # preview\n"
        "  .venv/bin/dossier check    # every check a pull request must pass\n"
    )
    return 0


def add_init_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from .cli import add_today_argument

    init = commands.add_parser(
        "init",
        help="write a new dossier repository (claims.yaml, pages, mkdocs.yml, CI) into DIR",
        description="Write a new dossier repository into DIR (which must not exist, or be empty): "
        "a minimal valid claims.yaml with a made-up example of each record, the home, methodology, "
        "corrections and editors' pages, mkdocs.yml, requirements.txt, the GitHub workflow that "
        "runs `dossier check`, a pull-request template, a pre-commit configuration, .gitignore and "
        "a README. It builds and passes `dossier check` as written.",
    )
    init.add_argument("dir", metavar="DIR", help="the new repository's folder")
    init.add_argument(
        "--title", default=DEFAULT_TITLE, help=f"the dossier's title (default: {DEFAULT_TITLE!r})"
    )
    add_today_argument(init)
    init.set_defaults(handler=cmd_init)
