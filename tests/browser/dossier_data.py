"""What the browser tests expect, read straight from ``claims.yaml`` (never hard-coded).

Plain PyYAML, independent of the project's own loader, so that a mistake there (a wrong
line number, a dropped question) shows up as a difference on the page.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from site_plugins.dossier.records.index import Index


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def claim_lines(path: Path) -> dict[str, int]:
    """The 1-based line where each claim record starts in ``path`` (its ``- id:`` line)."""
    root = yaml.compose(path.read_text(encoding="utf-8"))
    assert isinstance(root, yaml.MappingNode)
    lines: dict[str, int] = {}
    for key, value in root.value:
        if key.value != "claims":
            continue
        for item in value.value:
            ids = [v.value for k, v in item.value if k.value == "id"]
            lines[ids[0]] = item.start_mark.line + 1
    return lines


WORD = re.compile(r"[A-Za-z][a-z]{5,}")


def distinctive_word(data: dict[str, Any]) -> tuple[str, str]:
    """A (claim id, word) pair: a word of that claim's statement found in no other statement.

    Longer words first, so that the search's stemming cannot blur it into a common word.
    """
    statements = {claim["id"]: claim["statement"] for claim in data["claims"]}
    counts: Counter[str] = Counter()
    for text in statements.values():
        counts.update({w.lower() for w in WORD.findall(text)})
    everything = " ".join(
        [q["text"] + " " + q.get("assessment", "") for q in data["questions"]]
        + [a["name"] for a in data["actors"]]
    ).lower()
    best: tuple[int, str, str] | None = None
    for claim_id, text in statements.items():
        for word in {w.lower() for w in WORD.findall(text)}:
            if counts[word] == 1 and word not in everything:
                candidate = (len(word), claim_id, word)
                if best is None or candidate > best:
                    best = candidate
    assert best is not None, "no claim statement has a word of its own"
    return best[1], best[2]


def representative_claims(data: dict[str, Any]) -> list[str]:
    """One claim per shape of record (which optional fields, which kind of value, one or more
    citations, conflicts declared ...): every path through the claim template, without
    loading all the claim pages."""
    chosen: dict[tuple[Any, ...], str] = {}
    for claim in data["claims"]:
        signature = (
            tuple(sorted(claim)),
            tuple(sorted(claim.get("value", {}))),
            len(claim["citations"]) > 1,
            tuple(sorted({key for c in claim["citations"] for key in c})),
        )
        chosen.setdefault(signature, claim["id"])
    return sorted(chosen.values())


def pages_to_check(site_root: Path, data: dict[str, Any]) -> list[str]:
    """Site-relative paths of every page except claim pages, plus the representative claims."""
    pages = sorted(p.relative_to(site_root).as_posix() for p in site_root.rglob("*.html"))
    others = [p for p in pages if not p.startswith("claims/")]
    return others + [f"claims/{claim_id}/index.html" for claim_id in representative_claims(data)]


def expected_conflicts(claims_file: Path) -> list[Any]:
    """The conflicts the project's analysis finds in the records (what the pages must show)."""
    from site_plugins.dossier.analysis.conflicts import analyse
    from site_plugins.dossier.checking.validate import load_and_validate

    snapshots = os.environ.get("DOSSIER_SNAPSHOTS")
    result = load_and_validate(claims_file, snapshots=Path(snapshots) if snapshots else None)
    assert result.ok and result.data is not None, [str(p) for p in result.problems]
    return list(analyse(Index(result.data)).conflicts)
