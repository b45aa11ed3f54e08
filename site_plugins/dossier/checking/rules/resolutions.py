"""The resolutions' rules: the claims a resolution names exist and are two different claims, and
no two resolutions judge the same pair (their verdicts would contradict each other)."""

from __future__ import annotations

from typing import Any

from .base import Checker, is_id, records


def check_resolutions(checker: Checker, root: dict[str, Any], claims: dict[str, int]) -> None:
    seen: dict[frozenset[str], int] = {}  # the pair -> the first resolution that names it
    for i, res in records(root, "resolutions"):
        ids = res.get("claims")
        if not isinstance(ids, list):
            continue
        for j, ref in enumerate(ids):
            checker.reference(("resolutions", i, "claims", j), ref, claims, "claim", "claims")
        if len(ids) != 2 or not all(is_id(ref) for ref in ids):
            continue
        if ids[0] == ids[1]:
            checker.add(
                ("resolutions", i, "claims", 1),
                "a resolution needs two different claims",
                "name the two claims that conflict",
            )
            continue
        pair = frozenset(ids)
        if pair in seen:
            line = checker.located.line_of(("resolutions", seen[pair]))
            checker.add(
                ("resolutions", i, "claims"),
                f"the conflict between {ids[0]} and {ids[1]} already has a resolution: "
                f"resolutions[{seen[pair]}]" + (f" at line {line}" if line else ""),
                "keep one resolution for each pair of claims, with the editors' current verdict",
            )
        else:
            seen[pair] = i
