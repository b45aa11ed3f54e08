"""Every message the validator can give, read from its code (for the errors page's list).

The messages are the texts passed where a problem is made: ``Checker.add(path, MESSAGE, ...)``,
``Problem(file, line, col, field, MESSAGE, ...)``, the loader's ``problem(mark, path, MESSAGE)``
and ``refused(file, line, col, MESSAGE)``, the schema's ``return MESSAGE, HINT`` explanations,
the syntax errors' table and the warnings' ``_Raised(code, path, MESSAGE, hint)``. Each is a
template: what the code fills in is shown as ``…``.
"""

from __future__ import annotations

import ast
from pathlib import Path

#: Which argument holds the message, by the name of the function called.
_MESSAGE_ARG = {"add": 1, "Problem": 4, "problem": 2, "refused": 3, "_Raised": 2}


def _scanned(engine: Path) -> list[Path]:
    return sorted(
        [*engine.glob("reading/*.py"), *engine.glob("checking/**/*.py"), engine / "analysis" / "review.py"]
    )


def _constants(trees: list[ast.Module]) -> dict[str, str]:
    """Module-level text constants (``TAB_MESSAGE = "..."``), by name."""
    found: dict[str, str] = {}
    for tree in trees:
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        found[target.id] = node.value.value
    return found


def _template(node: ast.AST, names: dict[str, str]) -> str | None:
    """The text of ``node`` with what the code fills in as ``…`` (None if no text at all)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and node.id in names:
        return names[node.id]
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            elif isinstance(value, ast.FormattedValue) and isinstance(value.value, ast.Name):
                parts.append(names.get(value.value.id, "…"))
            else:
                parts.append("…")
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left, names), _template(node.right, names)
        return (left or "…") + (right or "…")
    return None


def _called(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def messages(engine: Path) -> set[str]:
    """Every message template of the validator under ``engine`` (site_plugins/dossier)."""
    return set(catalogue(engine))


def catalogue(engine: Path) -> dict[str, str]:
    """Every message template, with the module it is in (``checking/rules/claims.py``)."""
    paths = _scanned(engine)
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in paths]
    names = _constants(trees)
    out: dict[str, str] = {}
    for path, tree in zip(paths, trees, strict=True):
        for message in sorted(_messages_of(path.name, tree, names)):
            out.setdefault(message, path.relative_to(engine).as_posix())
    return out


def _messages_of(file: str, tree: ast.Module, names: dict[str, str]) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            index = _MESSAGE_ARG.get(_called(node))
            message = _message_node(node, index) if index is not None else None
            if message is not None:
                found.add(_template(message, names) or "…")
        elif file == "schema_problems.py" and isinstance(node, ast.Return):
            if isinstance(node.value, ast.Tuple) and len(node.value.elts) == 2:
                found.add(_template(node.value.elts[0], names) or "…")  # the schema's (message, hint)
        elif (
            file == "syntax.py"
            and isinstance(node, ast.Tuple)
            and len(node.elts) == 3
            and all(isinstance(e, ast.Constant) for e in node.elts)
        ):
            # The syntax errors' table, (libyaml's words, ours, hint), shown after this prefix.
            found.add("YAML syntax error: " + (_template(node.elts[1], names) or "…"))
    return {" ".join(m.split()) for m in found if m.strip("…").strip()}


def _message_node(node: ast.Call, index: int) -> ast.AST | None:
    """The message argument (a ``*line_col(...)`` before it stands for a line and a column)."""
    if any(isinstance(arg, ast.Starred) for arg in node.args[:index]):
        index -= 1
    return node.args[index] if len(node.args) > index else None
