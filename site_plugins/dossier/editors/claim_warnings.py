"""What ``dossier new claim`` warns about before the editor fills the record in.

- the cited source has no snapshot: a quote from it cannot be checked (and the validator
  refuses quotes of a source without one), so the editor can pick a source that has one;
- a near-duplicate: a claim of the same question, by the same actor, with the same value and
  date is most likely the same claim entered twice.

These read the file as plain data (the command has already refused a file that is not YAML).
"""

from __future__ import annotations

from typing import Any

import yaml

from ..reading.positions import Located


def _records(data: Any, key: str) -> list[dict[str, Any]]:
    items = data.get(key) if isinstance(data, dict) else None
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _value_of(value: Any) -> str | None:
    """A claim's value as the command line gives it: the figure, yes/no or the option."""
    if not isinstance(value, dict):
        return None
    for key in ("exactly", "answer", "option"):
        if key in value and value[key] is not None:
            found = value[key]
            if isinstance(found, float) and found.is_integer():
                found = int(found)
            return str(found).lower() if isinstance(found, bool) else str(found)
    return None


def new_claim_warnings(
    text: str, *, question: str, actor: str | None, source: str | None, made: str | None, value: str | None
) -> list[str]:
    """The warnings, each a sentence with what to do."""
    from ..reading.load import load_text

    loaded = load_text(text)
    located: Located | None = loaded.located
    data = located.data if located is not None else yaml.safe_load(text)
    warnings = []
    if source is not None:
        sources = _records(data, "sources")
        cited = next((s for s in sources if s.get("id") == source), None)
        if cited is not None and not cited.get("snapshot"):
            with_one = [str(s.get("id")) for s in sources if s.get("snapshot")]
            warnings.append(
                f"warning: source '{source}' has no snapshot, so a quote from it cannot be checked "
                f"and the validator refuses it (sources with a snapshot: {', '.join(with_one) or 'none'}; "
                "or add the snapshot to the source)"
            )
    if actor is not None and made is not None and value is not None:
        for i, claim in enumerate(_records(data, "claims")):
            same = (
                claim.get("question") == question
                and claim.get("actor") == actor
                and str(claim.get("made")) == made
                and _value_of(claim.get("value")) == value
            )
            if same:
                line = located.line_of(("claims", i)) if located is not None else None
                at = f" at line {line}" if line else ""
                warnings.append(
                    f"warning: claim '{claim.get('id')}'{at} has the same question, actor, value and "
                    "date: check that this is not the same claim again (if it is, cite the new source "
                    "there instead)"
                )
    return warnings
