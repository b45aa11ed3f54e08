"""The engine speaks of no dossier in particular: no name, outlet or id of the first dossier
appears in its code, templates, scripts or help (its examples are neutral), nor in the JSON
Schema generated from the model. The words are read from claims.yaml, not listed here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_plugins.dossier.records.model import ClaimsFile

from .kit import CLAIMS

ENGINE = CLAIMS.parent / "site_plugins" / "dossier"
SCHEMA = CLAIMS.parent / "claims.schema.json"


def _words(data: ClaimsFile) -> set[str]:
    """Names, outlets, bylines and hyphenated ids of the first dossier."""
    names = [a.name for a in data.actors] + [s.outlet for s in data.sources]
    names += [part for s in data.sources for part in s.byline.split(" and ")]
    ids = [r.id for r in [*data.sources, *data.actors, *data.questions, *data.claims]]
    words = {n for n in names if not n.lower().startswith(("unknown", "unnamed"))}
    return words | {i for i in ids if "-" in i}


def _engine_files() -> list[Path]:
    suffixes = {".py", ".html", ".js", ".md", ".j2", ".txt"}
    return [p for p in sorted(ENGINE.rglob("*")) if p.suffix in suffixes and "vendor" not in p.parts]


def test_no_first_dossier_word_in_the_engine(data: ClaimsFile) -> None:
    words = _words(data)
    assert "troops-sent" in words and "Lloyd Austin" in words  # the words are really read
    pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(w)}(?![\w-])" for w in sorted(words)))
    found = [
        f"{path.relative_to(CLAIMS.parent)}:{n}: {m.group(0)}"
        for path in [*_engine_files(), SCHEMA]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for m in pattern.finditer(line)
    ]
    assert found == []


@pytest.mark.parametrize("word", ["NBC", "troops", "Korea"])
def test_the_dossier_subject_is_not_in_the_engine_either(word: str) -> None:
    hits = [
        p.relative_to(CLAIMS.parent).as_posix()
        for p in _engine_files()
        if re.search(rf"\b{word}\b", p.read_text(encoding="utf-8"), re.IGNORECASE)
    ]
    assert hits == []
