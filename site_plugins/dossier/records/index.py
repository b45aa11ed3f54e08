"""Every lookup over a validated dossier, derived once.

The analysis, the pages, the structured data and the downloads all ask the same questions of
the records: the claim with this id, the claims answering this question in date order, the
report a republished source was copied from, the claims that replace this one. They ask them
here, of one :class:`Index` made once per build, so that each answer has one definition.

No MkDocs import.
"""

from __future__ import annotations

from collections import defaultdict

from .model import Actor, Claim, ClaimsFile, Question, Source, date_mid


def claim_order(claim: Claim) -> tuple[object, ...]:
    """Claims in the order a reader follows them: by the date they describe, then when made."""
    as_of = claim.value.as_of or claim.made
    return (date_mid(as_of), as_of, date_mid(claim.made), claim.id)


class Index:
    """The lookups of one validated dossier (built once; never changes after)."""

    def __init__(self, data: ClaimsFile) -> None:
        self.data = data
        self.claims: dict[str, Claim] = {c.id: c for c in data.claims}
        self.sources: dict[str, Source] = {s.id: s for s in data.sources}
        self.actors: dict[str, Actor] = {a.id: a for a in data.actors}
        self.questions: dict[str, Question] = {q.id: q for q in data.questions}
        #: id -> position in its list in the file (for line numbers and file order)
        self.claim_position = {c.id: i for i, c in enumerate(data.claims)}
        self.question_position = {q.id: i for i, q in enumerate(data.questions)}
        #: claims in reader's order (:func:`claim_order`), grouped three ways
        self.claims_by_question: dict[str, list[Claim]] = defaultdict(list)
        self.claims_by_actor: dict[str, list[Claim]] = defaultdict(list)
        self.claims_by_source: dict[str, list[Claim]] = defaultdict(list)
        #: claim id -> the claims that name it in ``supersedes``, in reader's order
        self.superseded_by: dict[str, list[Claim]] = defaultdict(list)
        for claim in sorted(data.claims, key=claim_order):
            self.claims_by_question[claim.question].append(claim)
            self.claims_by_actor[claim.actor].append(claim)
            for source_id in dict.fromkeys(c.source for c in claim.citations):
                self.claims_by_source[source_id].append(claim)
            for link in claim.supersedes:
                self.superseded_by[link.claim].append(claim)
        #: claim id -> every claim it replaces, directly or through a chain
        self.replaces_all = _closure(
            {c.id: [x.claim for x in c.supersedes] for c in data.claims if c.supersedes}
        )
        #: source id -> the source at the root of its ``copy_of`` chain (its origin)
        self.origin_of = _origins(data.sources)

    def replaces(self, x: str, y: str) -> bool:
        """Whether one of the two claims replaces the other (directly or through a chain)."""
        return bool(self.replaces_all) and (
            y in self.replaces_all.get(x, ()) or x in self.replaces_all.get(y, ())
        )

    def copy_chain(self, source: Source) -> list[Source]:
        """The sources this one was copied from, nearest first (stops at a loop)."""
        chain: list[Source] = []
        seen = {source.id}
        current = source
        while current.copy_of and current.copy_of in self.sources and current.copy_of not in seen:
            current = self.sources[current.copy_of]
            seen.add(current.id)
            chain.append(current)
        return chain


def _closure(direct: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Each key -> everything reachable from it (itself left out). Safe against loops
    (validation also rejects them)."""
    reach: dict[str, frozenset[str]] = {}
    for start in direct:
        seen: set[str] = set()
        stack = list(direct[start])
        while stack:
            current = stack.pop()
            if current in seen or current == start:
                continue
            seen.add(current)
            if current in reach:
                seen |= reach[current]
            else:
                stack.extend(direct.get(current, ()))
        seen.discard(start)  # through a loop (which validation refuses) it would reach itself
        reach[start] = frozenset(seen)
    return reach


def _origins(sources: list[Source]) -> dict[str, str]:
    """Every source id -> the id of the source at the root of its ``copy_of`` chain.

    Safe against loops and dangling links (validation rejects both): a chain stops at the last
    source before it would revisit one, or before a link to a source that does not exist.
    """
    copied_from = {s.id: s.copy_of for s in sources}
    roots: dict[str, str] = {}
    for source in sources:
        chain = [source.id]
        seen = {source.id}
        current = source.id
        while True:
            if current in roots:
                root = roots[current]
                break
            parent = copied_from.get(current)
            if parent is None or parent not in copied_from or parent in seen:
                root = current
                break
            chain.append(parent)
            seen.add(parent)
            current = parent
        for member in chain:
            roots.setdefault(member, root)
    return {s.id: roots[s.id] for s in sources}
