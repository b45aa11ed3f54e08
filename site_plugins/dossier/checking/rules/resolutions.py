"""A resolution's rules: the claims it resolves exist, and are two different claims."""

from __future__ import annotations

from typing import Any

from .base import Checker, is_id


def check_resolution(checker: Checker, i: int, res: dict[str, Any], claims: dict[str, int]) -> None:
    ids = res.get("claims")
    if not isinstance(ids, list):
        return
    for j, ref in enumerate(ids):
        checker.reference(("resolutions", i, "claims", j), ref, claims, "claim", "claims")
    if len(ids) == 2 and ids[0] == ids[1] and is_id(ids[0]):
        checker.add(
            ("resolutions", i, "claims", 1),
            "a resolution needs two different claims",
            "name the two claims that conflict",
        )
