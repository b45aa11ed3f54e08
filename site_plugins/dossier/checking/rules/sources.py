"""A source's rules: a real publication date; ``copy_of`` naming another source that exists;
no source a copy of itself, and no circle of copies."""

from __future__ import annotations

from typing import Any

from .base import Checker, cycles, is_id, records


def check_sources(checker: Checker, root: dict[str, Any], sources: dict[str, int]) -> None:
    copy_of: dict[str, list[str]] = {}  # a copy's id -> [the source it names]
    for i, s in records(root, "sources"):
        checker.date(("sources", i, "published"), s.get("published"))
        target = s.get("copy_of")
        sid = s.get("id")
        if target is None:
            continue
        if is_id(sid) and target == sid:
            checker.add(
                ("sources", i, "copy_of"),
                "a source cannot be a copy of itself",
                "name the source it was copied from, or leave copy_of out",
            )
            continue
        if checker.reference(("sources", i, "copy_of"), target, sources, "source", "sources") and is_id(sid):
            copy_of[sid] = [target]
    for cycle in cycles(copy_of, sources):
        first = cycle[0]
        checker.add(
            ("sources", sources[first], "copy_of"),
            "copy_of goes round in a circle: " + " -> ".join([*cycle, first]),
            "the original source must have no copy_of; each copy names what it was copied from",
        )
