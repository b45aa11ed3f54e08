"""The code stays within the project's lint and type rules (configured in pyproject.toml)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CORE = REPO / "site_plugins" / "dossier"
#: The package that adapts the core to MkDocs; nothing else in the engine may import MkDocs.
ADAPTER = CORE / "adapter"


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_passes(command: list[str]) -> None:
    result = subprocess.run(
        [str(BIN / command[0]), *command[1:]], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_domain_core_has_no_mkdocs_import() -> None:
    offenders = {
        str(path.relative_to(CORE)): sorted(name for name in _imports(path) if name.split(".")[0] == "mkdocs")
        for path in sorted(CORE.rglob("*.py"))
        if ADAPTER not in path.parents
    }
    assert len(offenders) > 20  # the whole core was read
    assert {name: mods for name, mods in offenders.items() if mods} == {}
    # The adapter really is where MkDocs comes in (so this test can fail).
    assert any(name.startswith("mkdocs") for name in _imports(ADAPTER / "plugin.py"))
