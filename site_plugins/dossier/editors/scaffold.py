"""``dossier new claim``: add a skeleton claim record to ``claims.yaml`` for an editor to fill in.

The record is inserted as text after the last record of the ``claims:`` list; every other byte
of the file (comments, blank lines, quoting, key order) stays as it was. Re-dumping the YAML
would lose the editors' comments and layout, so this module never does that.

The new claim's id is ``QUESTION-N``: the question's id and one more than the highest number
already used that way (``people-evacuated-1``, ``people-evacuated-2`` ...). Numbers are never reused, so
an id that was published once and then deleted does not come back with another meaning.

The skeleton is valid YAML with the structure of a claim, but the fields an editor must fill
in are left empty and marked ``# TODO``: ``dossier validate`` then names each one with its line,
and a record cannot be published half-written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..records.model import ID_RE, ClaimStatus, Confidence

try:  # libyaml keeps the same marks and is much faster on a large dossier
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_ID = 80


class ScaffoldError(Exception):
    """The record cannot be added; the message says why and what to do."""


class UnknownReference(ScaffoldError):
    """A question, actor or source named on the command line is not in the file."""


@dataclass(frozen=True)
class NewClaim:
    text: str  # the whole new file
    claim_id: str
    line: int  # 1-based line where the new record starts
    block: str  # the inserted text


# ---------------------------------------------------------------------------
# Reading the file's structure (node marks, not values)
# ---------------------------------------------------------------------------


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return v
    return None


def _scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _items(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _ids(node: yaml.Node | None) -> list[str]:
    return [i for i in (_scalar(_get(item, "id")) for item in _items(node)) if i]


def _last_index(node: yaml.Node) -> int:
    """Where the last value inside ``node`` ends (a character index into the text)."""
    if isinstance(node, yaml.ScalarNode):
        return int(node.end_mark.index)
    if isinstance(node, yaml.SequenceNode | yaml.MappingNode) and node.flow_style:
        return int(node.end_mark.index)
    children: list[yaml.Node] = []
    if isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    elif isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    return max((_last_index(child) for child in children), default=int(node.end_mark.index))


def _plain(value: str) -> str:
    """``value`` as a YAML scalar that reads back as the same string."""
    try:
        if value and yaml.safe_load(value) == value and not value.startswith(("#", "-", "&", "*", "!")):
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)


# ---------------------------------------------------------------------------
# The skeleton
# ---------------------------------------------------------------------------


def next_claim_id(question: str, existing: list[str]) -> str:
    """``QUESTION-N`` with N one more than the highest number used after ``QUESTION-``."""
    pattern = re.compile(re.escape(question) + r"-(\d+)$")
    numbers = [int(m.group(1)) for m in (pattern.match(i) for i in existing) if m]
    n = max(numbers, default=0) + 1
    taken = set(existing)
    base = question if len(question) + 1 + len(str(n)) <= MAX_ID else "claim"
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _value_lines(question: yaml.Node | None, value: str | None = None) -> list[str]:
    kind = _scalar(_get(question, "kind"))
    if kind == "quantity":
        scopes = [s for s in (_scalar(n) for n in _items(_get(question, "scopes"))) if s]
        figure = f"exactly: {value}" if value is not None and _is_number(value) else ""
        lines = [figure or 'exactly: ""  # TODO: the figure; for a range use min: and/or max: instead']
        if len(scopes) == 1:
            lines.append(f"scope: {_plain(scopes[0])}")
        elif scopes:
            lines.append(f'scope: ""  # TODO: what is counted: {", ".join(scopes)}')
        lines.append("# as_of: YYYY-MM-DD  (optional: the date the figure describes, if not the date made)")
        return lines
    if kind == "yes-no":
        if value in ("yes", "no"):
            return [f'answer: "{value}"']
        return ['answer: ""  # TODO: "yes" or "no" (keep the quotes)']
    if kind == "choice":
        options = _ids(_get(question, "options"))
        if value is not None and value in options:
            return [f"option: {_plain(value)}"]
        listed = f": {', '.join(options)}" if options else ""
        return [f'option: ""  # TODO: the id of one of the question\'s options{listed}']
    return ['exactly: ""  # TODO: the value, in the form the question asks for (quantity, yes-no or choice)']


def _is_number(value: str) -> bool:
    return re.fullmatch(r"-?\d+(\.\d+)?", value) is not None


@dataclass(frozen=True)
class Filled:
    """What the editor gave on the command line beyond the question (else left to fill in)."""

    actor: str | None = None
    source: str | None = None
    made: str | None = None  # YYYY-MM-DD
    value: str | None = None  # a figure, yes or no, or an option's id
    updated: str | None = None  # the day the record is added (YYYY-MM-DD)


def skeleton(
    claim_id: str,
    question_id: str,
    question: yaml.Node | None,
    *,
    actor: str | None,
    source: str | None,
    dash: int,
    indent: int,
    filled: Filled | None = None,
) -> list[str]:
    """The new record's lines (without line ends), for a list whose dashes are at ``dash``."""
    pad, sub, subsub = " " * indent, " " * (indent + 2), " " * (indent + 4)
    statuses = ", ".join(s.value for s in ClaimStatus)
    words = ", ".join(c.value for c in Confidence)
    filled = filled or Filled()
    made = (
        f'{pad}made: "{filled.made}"'
        if filled.made
        else f'{pad}made: ""  # TODO: when the claim was made: YYYY-MM-DD'
    )
    lines = [
        " " * dash + "-" + " " * (indent - dash - 1) + f"id: {_plain(claim_id)}",
        f"{pad}question: {_plain(question_id)}",
        f'{pad}statement: ""  # TODO: the claim in your own words, one plain sentence',
        f"{pad}actor: {_plain(actor)}" if actor else f'{pad}actor: ""  # TODO: the id of who made the claim',
        made,
        f"{pad}value:",
        *(sub + line for line in _value_lines(question, filled.value)),
        f"{pad}citations:",
        f"{sub}- source: {_plain(source)}" if source else f'{sub}- source: ""  # TODO: the id of the source',
        f'{subsub}quote: ""  # TODO: the exact words from the source, copied, not retyped',
        f'{pad}status: ""  # TODO: one of {statuses}',
        f"{pad}# confidence: likely  # optional: {words}",
    ]
    if filled.updated:
        lines.append(f"{pad}updated: {_plain(filled.updated)}")
    return lines


# ---------------------------------------------------------------------------
# Insertion
# ---------------------------------------------------------------------------


def _is_blank(line: str) -> bool:
    return not line.strip()


def _comment_indent(line: str) -> int | None:
    stripped = line.lstrip(" ")
    return len(line) - len(stripped) if stripped.startswith("#") else None


def add_claim(
    text: str,
    *,
    question: str,
    actor: str | None = None,
    source: str | None = None,
    filled: Filled | None = None,
) -> NewClaim:
    """``text`` with a skeleton claim added at the end of its ``claims:`` list.

    Raises :class:`UnknownReference` when the question, actor or source is not in the file and
    :class:`ScaffoldError` when the file cannot take a new record safely.
    """
    root = _compose(text)
    question_node = _referenced_question(root, question=question, actor=actor, source=source)
    claims = _get(root, "claims")
    if claims is None:
        raise ScaffoldError(
            "the file has no `claims:` list; add a line `claims:` at the end of the file first"
        )
    newline = "\r\n" if "\r\n" in text else "\n"
    claim_id = next_claim_id(question, _ids(claims))
    spot = _insertion_spot(text, claims, newline)
    body = skeleton(
        claim_id,
        question,
        question_node,
        actor=actor,
        source=source,
        dash=spot.dash,
        indent=spot.indent,
        filled=filled,
    )
    return _inserted(text, spot, body, claim_id, "claims", newline)


def _inserted(
    text: str, spot: _Spot, body: list[str], record_id: str, section: str, newline: str
) -> NewClaim:
    """The file with the record's lines put in at ``spot``, checked to change nothing else."""
    block = spot.gap + "".join(line + newline for line in body)
    new_text = spot.prefix + block + spot.suffix
    first_line = spot.prefix.count("\n") + 1 + (1 if spot.gap else 0)
    _check(text, new_text, record_id, section)
    return NewClaim(text=new_text, claim_id=record_id, line=first_line, block=block)


def _compose(text: str) -> yaml.MappingNode:
    """The file's top-level mapping, as nodes with their marks."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ScaffoldError(
            f"the file is not valid YAML{where}, so no record was added; run `dossier validate` "
            "and fix that first"
        ) from None
    if not isinstance(root, yaml.MappingNode):
        raise ScaffoldError("the file does not hold the dossier's sections (dossier:, sources:, claims: ...)")
    return root


def _referenced_question(
    root: yaml.MappingNode, *, question: str, actor: str | None, source: str | None
) -> yaml.Node:
    """The question's node, once the question, actor and source named are known to be in the file."""
    questions = _items(_get(root, "questions"))
    question_node = next((q for q in questions if _scalar(_get(q, "id")) == question), None)
    if question_node is None:
        known = ", ".join(_ids(_get(root, "questions"))) or "none yet"
        raise UnknownReference(f"there is no question with id '{question}' (questions: {known})")
    for label, section, wanted in (("actor", "actors", actor), ("source", "sources", source)):
        if wanted is None:
            continue
        ids = _ids(_get(root, section))
        if wanted not in ids:
            shown = ", ".join(ids[:30]) + (" ..." if len(ids) > 30 else "")
            raise UnknownReference(
                f"there is no {label} with id '{wanted}' ({section}: {shown or 'none yet'})"
            )
    for label, wanted in (("question", question), ("actor", actor), ("source", source)):
        if wanted is not None and not ID_RE.match(wanted):
            raise UnknownReference(f"'{wanted}' is not a valid {label} id")
    return question_node


@dataclass(frozen=True)
class _Spot:
    """Where the new record goes: ``prefix + gap + record + suffix`` is the new file."""

    prefix: str  # the text before the record, ending with a line break (or empty)
    suffix: str  # the text after it
    dash: int  # the column of the record's dash
    indent: int  # the column of its fields
    gap: str = ""  # a blank line before the record, or nothing


def _insertion_spot(text: str, claims: yaml.Node, newline: str) -> _Spot:
    flow_empty = isinstance(claims, yaml.SequenceNode) and claims.flow_style and not claims.value
    null_value = isinstance(claims, yaml.ScalarNode) and claims.tag == "tag:yaml.org,2002:null"
    if flow_empty or null_value:
        return _instead_of_value(text, claims, newline)
    if isinstance(claims, yaml.SequenceNode) and not claims.flow_style:
        return _after_last_record(text, claims, newline)
    raise ScaffoldError(
        "`claims:` is written in flow style ([...]) or is not a list; write it as a block list, "
        "one `- id: ...` record after another"
    )


def _with_line_end(prefix: str, newline: str) -> str:
    return prefix + newline if prefix and not prefix.endswith(("\n", "\r")) else prefix


def _instead_of_value(text: str, claims: yaml.Node, newline: str) -> _Spot:
    """`claims: []` (or `claims:` with nothing after it): the value is replaced by the record."""
    start, end = int(claims.start_mark.index), int(claims.end_mark.index)
    head = text[:start].rstrip(" \t") + text[end:]
    key_line = int(claims.start_mark.line)
    head_lines = head.splitlines(keepends=True)
    cut = sum(len(line) for line in head_lines[: key_line + 1])
    return _Spot(_with_line_end(head[:cut], newline), head[cut:], dash=2, indent=4)


def _after_last_record(text: str, claims: yaml.SequenceNode, newline: str) -> _Spot:
    """A block list: the record goes after the last one, in the same columns."""
    lines = text.splitlines(keepends=True)
    last = claims.value[-1]
    content_col = int(last.start_mark.column)
    start_line = lines[last.start_mark.line]
    dash = start_line.rfind("-", 0, content_col)
    if dash < 0:  # the record starts on the line after a lone dash
        dash = max(content_col - 2, 0)
    end_index = _last_index(last)
    end_line = text.count("\n", 0, end_index)
    at = end_line if end_index == 0 or text[end_index - 1] == "\n" else end_line + 1
    # Comments indented as deep as the record's fields still belong to it.
    probe = at
    while probe < len(lines):
        depth = _comment_indent(lines[probe])
        if depth is not None and depth >= content_col:
            at = probe + 1
        elif not _is_blank(lines[probe]):
            break
        probe += 1
    # Keep the list's rhythm: a blank line between records if the last one had one before it.
    gap = ""
    first_of_last = int(last.start_mark.line)
    if len(claims.value) > 1 and first_of_last > 0 and _is_blank(lines[first_of_last - 1]):
        gap = newline
    prefix = _with_line_end("".join(lines[:at]), newline)
    return _Spot(prefix, "".join(lines[at:]), dash=dash, indent=content_col, gap=gap)


def _check(old_text: str, new_text: str, claim_id: str, section: str = "claims") -> None:
    """The new file must parse to the old data plus the new record at the end of ``section``,
    nothing else."""
    old: Any = None
    new: Any = None
    try:
        old = yaml.load(old_text, Loader=_Loader)  # a safe loader (libyaml when present)
        new = yaml.load(new_text, Loader=_Loader)
    except yaml.YAMLError:
        pass
    ok = isinstance(old, dict) and isinstance(new, dict)
    if ok:
        old_claims = old.get(section) or []
        new_claims = new.get(section)
        ok = (
            isinstance(new_claims, list)
            and len(new_claims) == len(old_claims) + 1
            and new_claims[:-1] == old_claims
            and isinstance(new_claims[-1], dict)
            and new_claims[-1].get("id") == claim_id
            and {k: v for k, v in old.items() if k != section}
            == {k: v for k, v in new.items() if k != section}
        )
    if ok:
        return
    if not old_text.endswith(("\n", "\r")):
        raise ScaffoldError(
            "the file does not end with a line break, and adding one would change the last "
            "record's text; add a line break at the end of the file, then run this again"
        )
    raise ScaffoldError(
        "the record could not be added without changing the rest of the file; add it by hand "
        "(see the editors' guide)"
    )
