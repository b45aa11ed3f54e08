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


#: Sizes a reader can hold in mind (templates aside).
MAX_MODULE_LINES, MAX_CLASS_LINES, MAX_FUNCTION_LINES = 500, 250, 80


def _oversized(path: Path, root: Path = REPO) -> list[str]:
    source = path.read_text(encoding="utf-8")
    where = str(path.relative_to(root))
    found = []
    if source.count("\n") > MAX_MODULE_LINES:
        found.append(f"{where}: {source.count(chr(10))} lines")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            size = (node.end_lineno or node.lineno) - node.lineno + 1
            limit = MAX_CLASS_LINES if isinstance(node, ast.ClassDef) else MAX_FUNCTION_LINES
            if size > limit:
                found.append(f"{where}:{node.lineno}: {node.name} is {size} lines (at most {limit})")
    return found


def test_modules_classes_and_functions_stay_small() -> None:
    paths = sorted([*CORE.rglob("*.py"), *(REPO / "hooks").rglob("*.py")])
    assert len(paths) > 20
    assert [problem for path in paths for problem in _oversized(path)] == []


def test_the_size_check_can_fail(tmp_path: Path) -> None:
    big = tmp_path / "big.py"
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES + 1))
    big.write_text(f"def f():\n{body}\n", encoding="utf-8")
    expected = f"big.py:1: f is {MAX_FUNCTION_LINES + 2} lines (at most {MAX_FUNCTION_LINES})"
    assert _oversized(big, tmp_path) == [expected]
