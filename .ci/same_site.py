"""Build the dossier at a git revision and from the working tree, and compare the two sites.

    python .ci/same_site.py [BASE]      (default BASE: HEAD; `make same-site BASE=...`)

Proof that a change (a restructuring, a refactoring) changed nothing for readers: both trees
are built strictly with the same ``SOURCE_DATE_EPOCH``, each with its own copy of the plugin
(whatever module path its ``pyproject.toml`` gives the ``dossier`` entry point), and every
file of the two sites is compared byte for byte. Exit status 0 when they are identical; 1 with
the differing files listed otherwise.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: A fixed build date, so that the sitemap's dates cannot differ between the two builds.
EPOCH = "1733011200"  # 2024-12-01T00:00:00Z

#: Runs in a fresh interpreter: build ``tree`` into ``out`` with the plugin from ``tree``.
_DRIVER = """
import sys, tomllib
from importlib.metadata import EntryPoint
tree, out = sys.argv[1], sys.argv[2]
sys.path.insert(0, tree)
with open(tree + "/pyproject.toml", "rb") as f:
    value = tomllib.load(f)["project"]["entry-points"]["mkdocs.plugins"]["dossier"]
import mkdocs.plugins
installed = mkdocs.plugins.get_plugins
def get_plugins():
    found = dict(installed())
    found["dossier"] = EntryPoint(name="dossier", value=value, group="mkdocs.plugins")
    return found
mkdocs.plugins.get_plugins = get_plugins
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict", "--quiet", "-f", tree + "/mkdocs.yml", "-d", out]
cli()
"""


def _export(rev: str, into: Path) -> None:
    """The tree of ``rev`` checked out into ``into`` as a git worktree, so that its build reads
    the history of ``claims.yaml`` up to ``rev`` as the working tree's build reads it up to
    HEAD (an archive without git would give a site without its History sections)."""
    subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(into), rev], cwd=REPO, check=True)


def _remove(into: Path) -> None:
    subprocess.run(["git", "worktree", "remove", "--force", str(into)], cwd=REPO, check=False)


def _build(tree: Path, out: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-c", _DRIVER, str(tree), str(out)], env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the build of {tree} failed (its messages are above)")


def _differences(a: Path, b: Path) -> list[str]:
    out: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        out.extend(f"only in base: {prefix}{name}" for name in cmp.left_only)
        out.extend(f"only in working tree: {prefix}{name}" for name in cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        out.extend(f"differs: {prefix}{name}" for name in mismatch + errors)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", nargs="?", default="HEAD", help="git revision to compare against")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="same-site-") as tmp:
        base_tree = Path(tmp) / "base"
        _export(args.base, base_tree)
        try:
            _build(base_tree, Path(tmp) / "base-site")
        finally:
            _remove(base_tree)
        _build(REPO, Path(tmp) / "work-site")
        files = sum(1 for p in (Path(tmp) / "work-site").rglob("*") if p.is_file())
        differences = _differences(Path(tmp) / "base-site", Path(tmp) / "work-site")
    if differences:
        print("\n".join(differences))
        print(f"{len(differences)} differences between {args.base} and the working tree.")
        return 1
    print(f"Identical: {files} files, byte for byte, built from {args.base} and from the working tree.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
