"""``dossier check``: the checks every dossier needs before it is published, for any dossier.

1. ``claims.yaml`` is valid (``dossier validate``), every quote checked where a snapshots folder
   is given (``--snapshots`` or ``DOSSIER_SNAPSHOTS``);
2. the site builds with ``mkdocs build --strict`` (in a temporary folder, never over ``site/``);
3. every internal link and ``#anchor`` of the built site leads somewhere;
4. the built pages load nothing from another host;
5. a second build, in a fresh interpreter with another hash seed, gives the same bytes.

Each check prints one line (``ok`` or its problems), and the command exits 1 if any failed.
The builds run MkDocs as a command (this module never imports it); ``--today`` reaches them as
``DOSSIER_TODAY``, which a dossier's ``mkdocs.yml`` gives the plugin (``today: !ENV
[DOSSIER_TODAY, null]``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

TODAY_ENV = "DOSSIER_TODAY"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def build_site(config: Path, site_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)]
    return subprocess.run(
        [*command, "--site-dir", str(site_dir)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _validate(args: argparse.Namespace, say: Callable[[str], None]) -> bool:
    from .cli import main as dossier

    command = ["validate", args.file]
    if args.snapshots:
        command += ["--snapshots", args.snapshots]
    if args.today:
        command += ["--today", args.today.isoformat()]
    say(f"1. {args.file} (dossier validate)")
    return dossier(command) == 0


def build_env(today: dt.date | None, seed: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED=seed)
    if today is not None:
        env[TODAY_ENV] = today.isoformat()
    return env


def _report(say: Callable[[str], None], title: str, problems: list[str]) -> bool:
    say(f"{title}: " + ("ok" if not problems else f"{len(problems)} problem(s)"))
    for problem in problems:
        say(f"  {problem}")
    return not problems


def cmd_check(args: argparse.Namespace) -> int:
    from .sitecheck import site_problems
    from .usage import site_config

    config = site_config(args.config_file)

    def say(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    passed = _validate(args, say)
    with tempfile.TemporaryDirectory(prefix="dossier-check-") as temp:
        first, second = Path(temp) / "first" / "site", Path(temp) / "second" / "site"
        built = build_site(config, first, build_env(args.today, "1"))
        log = [line for line in built.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
        if built.returncode != 0:
            _report(say, "2. strict build (mkdocs build --strict)", log or [built.stderr.strip()[-2000:]])
            say("3.-5. not run: the site did not build")
            return 1
        passed = _report(say, "2. strict build (mkdocs build --strict)", []) and passed
        problems = site_problems(first)
        links = [p for p in problems if "from another host" not in p]
        passed = _report(say, "3. internal links and anchors", links) and passed
        off_site = [p for p in problems if "from another host" in p]
        passed = _report(say, "4. no request to another host", off_site) and passed
        again = build_site(config, second, build_env(args.today, "2"))
        if again.returncode != 0:
            different = ["the second build failed: " + again.stderr.strip()[-2000:]]
        else:
            one, two = _tree(first), _tree(second)
            different = sorted(n for n in one.keys() | two.keys() if one.get(n) != two.get(n))
            different = [f"{name}: differs between two builds of the same input" for name in different]
        passed = _report(say, "5. reproducible (a second build, the same bytes)", different) and passed
    say("dossier check: " + ("every check passed" if passed else "some checks failed (above)"))
    return 0 if passed else 1


def add_check_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from .cli import SNAPSHOTS_ENV, add_today_argument
    from .usage import add_config_argument

    check = commands.add_parser(
        "check",
        help="every check a dossier needs before it is published (validate, build, links, ...)",
        description="Validate the claim records (quotes too, given snapshots), build the site with "
        "mkdocs build --strict in a temporary folder, check every internal link and anchor of it, "
        "check that no page loads anything from another host, and build it again to check that "
        "the same input gives the same bytes. Exit status 0 when every check passes, 1 if any "
        "fails, 2 on a usage error.",
    )
    check.add_argument("file", metavar="FILE", nargs="?", default="claims.yaml", help="default: claims.yaml")
    add_config_argument(check)
    check.add_argument(
        "--snapshots",
        metavar="DIR",
        help=f"folder of source snapshots to check every quote against (default: ${SNAPSHOTS_ENV})",
    )
    add_today_argument(check)
    check.set_defaults(handler=cmd_check)
