"""The dossier's own rules, beyond what the schema can say about one field at a time.

These checks run on the loaded data as written (plain dicts and lists), whether or not the
schema accepted it, so that an editor sees every problem in one pass. Anything of the wrong
type is left to the schema's own message and skipped here.

Checked: ids unique per kind; references to sources, actors, questions, claims, options and
scopes that exist (with a "did you mean"); values that fit their question's kind and unit;
ranges with min <= max and not both exact and a range; real dates, not in the future; a yes-no
answer's ``until`` not before its as-of date; no cycles in ``copy_of`` or ``supersedes``;
quotes and statements that are not blank; statuses that agree with the records (a claim marked
``superseded`` is superseded by another, and supersedes only earlier claims); one resolution for
each pair of claims.

One module per kind of record, so a new rule goes with the record it is about:

- ``sources.py``: a source (its date, ``copy_of`` and circles of copies);
- ``questions.py``: a question (the fields of its kind, its scopes and options);
- ``claims.py``: a claim (its references, dates, statement, citations and links);
- ``values.py``: a claim's value, on its own and against its question;
- ``supersession.py``: circles of claims superseding one another, the ``superseded`` status,
  a claim superseding a later one;
- ``resolutions.py``: a resolution's claims, one resolution for each pair;
- ``base.py``: what they share: the :class:`~.base.Checker` that collects problems, with the
  checks of a reference, a date and unique ids; the search for cycles of references.

The dossier's own date and the unique ids of each kind are checked in :func:`check` below, which
runs the rest in order. A new kind of record gets a module of its own, called from there.
"""

from __future__ import annotations

import datetime as dt

from ...problems import Problem
from ...reading.positions import Located
from .base import Checker, Ids, records
from .claims import check_claim, check_withdrawn
from .questions import check_question
from .resolutions import check_resolutions
from .sources import check_sources
from .supersession import check_supersession


def check(located: Located, name: str, today: dt.date) -> list[Problem]:
    """Every problem with the dossier's own rules, in no particular order."""
    checker = Checker(located, name, today)
    root = located.data
    if not isinstance(root, dict):
        return checker.problems  # the schema reports it
    dossier = root.get("dossier")
    if isinstance(dossier, dict):
        checker.date(("dossier", "updated"), dossier.get("updated"))
    ids = Ids(
        sources=checker.unique_ids(root, "sources", "source"),
        actors=checker.unique_ids(root, "actors", "actor"),
        questions=checker.unique_ids(root, "questions", "question"),
        claims=checker.unique_ids(root, "claims", "claim"),
    )
    check_sources(checker, root, ids.sources)
    questions = dict(records(root, "questions"))
    for i, q in questions.items():
        check_question(checker, i, q)
    for i, c in records(root, "claims"):
        check_claim(checker, i, c, ids, questions)
    check_supersession(checker, root, ids.claims)
    check_resolutions(checker, root, ids.claims)
    check_withdrawn(checker, root, ids.claims)
    return checker.problems
