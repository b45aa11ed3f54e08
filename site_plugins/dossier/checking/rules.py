"""The dossier's own rules, beyond what the schema can say about one field at a time.

These checks run on the loaded data as written (plain dicts and lists), whether or not the
schema accepted it, so that an editor sees every problem in one pass. Anything of the wrong
type is left to the schema's own message and skipped here.

Checked: ids unique per kind; references to sources, actors, questions, claims, options and
scopes that exist (with a "did you mean"); values that fit their question's kind and unit;
ranges with min <= max and not both exact and a range; real dates, not in the future; a yes-no
answer's ``until`` not before its as-of date; no cycles in ``copy_of`` or ``supersedes``;
quotes and statements that are not blank.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Iterable
from typing import Any, TypeGuard

from ..problems import Problem
from ..reading.loader import Located, Path_, dotted
from ..records.model import DATE_PATTERN, ID_PATTERN, date_bounds

_DATE_RE = re.compile(DATE_PATTERN)
_ID_RE = re.compile(ID_PATTERN)
#: After this many unresolved references, stop searching for "did you mean" suggestions
#: (each search scans every id; a hostile file could have thousands of misses).
_MAX_SUGGESTIONS = 50

_VALUE_FIELDS = {
    "quantity": {"exactly", "min", "max", "unit", "scope", "as_of"},
    "yes-no": {"answer", "as_of", "until"},
    "choice": {"option", "as_of"},
}
_ALL_VALUE_FIELDS = set().union(*_VALUE_FIELDS.values())
_VALUE_HOW = {
    "quantity": "give the figure with 'exactly', or a range with 'min' and/or 'max'",
    "yes-no": "write 'answer: yes' or 'answer: no'",
    "choice": "write 'option:' with the id of one of the question's options",
}


_UNSEEN: Any = object()
_NOT_A_DAY: Any = (dt.date.min, dt.date.min)


def _is_id(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and _ID_RE.match(value) is not None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _show_number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


class _Checker:
    def __init__(self, located: Located, name: str, today: dt.date) -> None:
        self.located = located
        self.name = name
        self.today = today
        self.problems: list[Problem] = []
        self.suggestions_left = _MAX_SUGGESTIONS
        self.absent: set[str] = set()
        self.dates: dict[str, Any] = {}  # date text -> (first, last day), _NOT_A_DAY or None

    # -- helpers --------------------------------------------------------------

    def add(self, path: Path_, message: str, hint: str = "", at_key: bool = False) -> None:
        """Report a problem at the value of ``path`` (or at its field name, with ``at_key``)."""
        line, col = self.located.key_where(path) if at_key else self.located.where(path)
        self.problems.append(Problem(self.name, line, col, dotted(path), message, hint))

    def records(self, root: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
        items = root.get(key)
        if not isinstance(items, list):
            return []
        return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]

    def suggest(self, word: str, choices: Iterable[str]) -> str:
        if self.suggestions_left <= 0:
            return ""
        self.suggestions_left -= 1
        close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
        return f"did you mean '{close[0]}'?" if close else ""

    def reference(self, path: Path_, ref: Any, ids: dict[str, Any], what: str, where: str) -> bool:
        """Report ``ref`` if it names no known ``what``; True when it resolves."""
        if isinstance(ref, str) and ref in ids:
            return True
        if not _is_id(ref):
            return False  # the schema reports a malformed or missing id
        if where in self.absent:
            return False
        hint = self.suggest(ref, ids) or f"add it under {where}, or correct the id"
        self.add(path, f"no {what} with id '{ref}'", hint)
        return False

    def date(self, path: Path_, value: Any, future_ok: bool = False) -> tuple[dt.date, dt.date] | None:
        """Check a date field; return its first and last day when it is a real date."""
        if not isinstance(value, str):
            return None  # missing or not text: the schema says so
        bounds = self.dates.get(value, _UNSEEN)
        if bounds is _UNSEEN:
            bounds = None
            if _DATE_RE.match(value):
                try:
                    bounds = date_bounds(value)
                except ValueError:
                    bounds = _NOT_A_DAY
            self.dates[value] = bounds
        if bounds is None:
            return None  # malformed: the schema says so
        if bounds is _NOT_A_DAY:
            self.add(path, f"'{value}' is not a real date", "check the day and month; write YYYY-MM-DD")
            return None
        if not future_ok and bounds[0] > self.today:
            self.add(
                path,
                f"'{value}' is in the future (today is {self.today.isoformat()})",
                "check the year and month; dates after today are not allowed",
            )
        return bounds

    def unique_ids(self, root: dict[str, Any], key: str, what: str) -> dict[str, int]:
        ids: dict[str, int] = {}
        if not isinstance(root.get(key), list):
            self.absent.add(key)  # the schema reports it; references to it are not checked
        for i, rec in self.records(root, key):
            rid = rec.get("id")
            if not isinstance(rid, str):
                continue
            if rid in ids:
                first = ids[rid]
                line = self.located.line_of((key, first, "id"))
                self.add(
                    (key, i, "id"),
                    f"duplicate {what} id '{rid}': already used by {key}[{first}]"
                    + (f" at line {line}" if line else ""),
                    f"give each {what} its own id",
                )
            else:
                ids[rid] = i
        return ids

    # -- the checks -----------------------------------------------------------

    def run(self) -> None:
        root = self.located.data
        if not isinstance(root, dict):
            return  # the schema reports it
        dossier = root.get("dossier")
        if isinstance(dossier, dict):
            self.date(("dossier", "updated"), dossier.get("updated"))

        sources = self.unique_ids(root, "sources", "source")
        actors = self.unique_ids(root, "actors", "actor")
        questions = self.unique_ids(root, "questions", "question")
        claims = self.unique_ids(root, "claims", "claim")

        self.check_sources(root, sources)
        question_recs = dict(self.records(root, "questions"))
        for i, q in question_recs.items():
            self.check_question(i, q)
        for i, c in self.records(root, "claims"):
            self.check_claim(i, c, sources, actors, questions, claims, question_recs)
        self.check_supersession(root, claims)
        for i, res in self.records(root, "resolutions"):
            ids = res.get("claims")
            if not isinstance(ids, list):
                continue
            for j, ref in enumerate(ids):
                self.reference(("resolutions", i, "claims", j), ref, claims, "claim", "claims")
            if len(ids) == 2 and ids[0] == ids[1] and _is_id(ids[0]):
                self.add(
                    ("resolutions", i, "claims", 1),
                    "a resolution needs two different claims",
                    "name the two claims that conflict",
                )

    def check_sources(self, root: dict[str, Any], sources: dict[str, int]) -> None:
        copy_of: dict[str, str] = {}
        for i, s in self.records(root, "sources"):
            self.date(("sources", i, "published"), s.get("published"))
            target = s.get("copy_of")
            sid = s.get("id")
            if target is None:
                continue
            if _is_id(sid) and target == sid:
                self.add(
                    ("sources", i, "copy_of"),
                    "a source cannot be a copy of itself",
                    "name the source it was copied from, or leave copy_of out",
                )
                continue
            if self.reference(("sources", i, "copy_of"), target, sources, "source", "sources") and _is_id(
                sid
            ):
                copy_of[sid] = target
        # Cycles: each source has at most one copy_of, so follow the chains.
        reported: set[str] = set()
        state: dict[str, int] = {}  # 1 = on the current chain, 2 = done
        for start in sorted(copy_of, key=lambda k: sources[k]):
            chain: list[str] = []
            node: str | None = start
            while node is not None and node in copy_of and state.get(node) is None:
                state[node] = 1
                chain.append(node)
                node = copy_of[node]
            if node is not None and state.get(node) == 1:
                cycle = chain[chain.index(node) :]
                first = min(cycle, key=lambda k: sources[k])
                if first not in reported:
                    reported.update(cycle)
                    order = cycle[cycle.index(first) :] + cycle[: cycle.index(first)]
                    self.add(
                        ("sources", sources[first], "copy_of"),
                        "copy_of goes round in a circle: " + " -> ".join([*order, first]),
                        "the original source must have no copy_of; each copy names what it was copied from",
                    )
            for n in chain:
                state[n] = 2

    def check_question(self, i: int, q: dict[str, Any]) -> None:
        base: Path_ = ("questions", i)
        kind = q.get("kind")
        self.date((*base, "assessed"), q.get("assessed"))
        if not isinstance(kind, str) or kind not in _VALUE_FIELDS:
            return  # missing or not one of the kinds: the schema says so
        if kind == "quantity":
            if q.get("unit") is None:
                self.add(base, "a quantity question needs a unit", "add 'unit:', e.g. unit: troops")
            if q.get("max_growth_per_day") is not None and q.get("only_grows") is not True:
                self.add(
                    (*base, "max_growth_per_day"),
                    "max_growth_per_day needs only_grows: true",
                    "add 'only_grows: true', or leave max_growth_per_day out",
                )
            growth = q.get("max_growth_per_day")
            if isinstance(growth, float) and not math.isfinite(growth):
                self.add((*base, "max_growth_per_day"), "is not a finite number", "write a number")
        else:
            for key in ("unit", "scopes", "max_growth_per_day"):
                if q.get(key) not in (None, []):
                    self.add(
                        (*base, key),
                        f"'{key}' is only for quantity questions",
                        f"leave it out; this question's kind is {kind}, not quantity",
                        at_key=True,
                    )
            if q.get("only_grows") is True:
                self.add(
                    (*base, "only_grows"),
                    "'only_grows' is only for quantity questions",
                    "leave it out",
                    at_key=True,
                )
        if kind == "choice":
            options = q.get("options")
            if options is None or (isinstance(options, list) and len(options) < 2):
                path = (*base, "options") if options is not None else base
                self.add(
                    path,
                    "a choice question needs at least two options",
                    "add options, each with an id and a label",
                )
        else:
            if q.get("options") not in (None, []):
                self.add(
                    (*base, "options"),
                    "'options' are only for choice questions",
                    f"leave them out; this question's kind is {kind}, not choice",
                    at_key=True,
                )
            if q.get("multiple") is True:
                self.add(
                    (*base, "multiple"),
                    "'multiple' is only for choice questions",
                    "leave it out",
                    at_key=True,
                )
        scopes = q.get("scopes")
        if isinstance(scopes, list):
            seen: set[str] = set()
            for j, scope in enumerate(scopes):
                if isinstance(scope, str):
                    if scope in seen:
                        self.add(
                            (*base, "scopes", j), f"scope '{scope}' is listed twice", "list each scope once"
                        )
                    seen.add(scope)
        option_ids: dict[str, int] = {}
        option_recs = self.records(q, "options")
        for j, opt in option_recs:
            oid = opt.get("id")
            if isinstance(oid, str):
                if oid in option_ids:
                    self.add(
                        (*base, "options", j, "id"),
                        f"duplicate option id '{oid}': already used by options[{option_ids[oid]}]",
                        "give each option its own id",
                    )
                else:
                    option_ids[oid] = j
        for j, opt in option_recs:
            excludes = opt.get("excludes")
            if not isinstance(excludes, list):
                continue
            for k, ref in enumerate(excludes):
                path = (*base, "options", j, "excludes", k)
                if ref == opt.get("id") and _is_id(ref):
                    self.add(path, "an option cannot exclude itself", "remove it from excludes")
                elif _is_id(ref) and ref not in option_ids:
                    hint = self.suggest(ref, option_ids) or "name one of this question's options"
                    self.add(path, f"no option with id '{ref}' in this question", hint)

    def check_claim(
        self,
        i: int,
        c: dict[str, Any],
        sources: dict[str, int],
        actors: dict[str, int],
        questions: dict[str, int],
        claims: dict[str, int],
        question_recs: dict[int, dict[str, Any]],
    ) -> None:
        base: Path_ = ("claims", i)
        qref = c.get("question")
        question: dict[str, Any] | None = None
        if self.reference((*base, "question"), qref, questions, "question", "questions") and _is_id(qref):
            question = question_recs.get(questions[qref])
        self.reference((*base, "actor"), c.get("actor"), actors, "actor", "actors")
        made = self.date((*base, "made"), c.get("made"))
        self.date((*base, "updated"), c.get("updated"))
        statement = c.get("statement")
        if isinstance(statement, str) and statement and not statement.strip():
            self.add((*base, "statement"), "the statement is blank", "write the claim in your own words")
        credibility = c.get("credibility")
        if isinstance(credibility, bool):
            self.add(
                (*base, "credibility"),
                f"expected a grade from 1 to 6, found {str(credibility).lower()}",
                "write a number from 1 to 6: 1 is confirmed, 6 cannot be judged",
            )
        elif isinstance(credibility, str):
            # The model would read the text '2' as the grade 2; the JSON Schema editors use would
            # not. Both must agree, and grades are numbers.
            self.add(
                (*base, "credibility"),
                f"a number written as text: '{credibility}'",
                "write the grade without quotes, a number from 1 to 6",
            )

        for j, cit in self.records(c, "citations"):
            self.reference((*base, "citations", j, "source"), cit.get("source"), sources, "source", "sources")
            quote = cit.get("quote")
            if isinstance(quote, str) and quote and not quote.strip():
                self.add(
                    (*base, "citations", j, "quote"),
                    "the quote is blank",
                    "copy the exact words from the source",
                )

        cid = c.get("id")
        for link_kind in ("supersedes", "contradicts"):
            for j, link in self.records(c, link_kind):
                ref = link.get("claim")
                path = (*base, link_kind, j, "claim")
                if _is_id(ref) and ref == cid:
                    verb = "supersede" if link_kind == "supersedes" else "contradict"
                    self.add(path, f"a claim cannot {verb} itself", "name another claim, or remove the link")
                else:
                    self.reference(path, ref, claims, "claim", "claims")
        related = c.get("related")
        if isinstance(related, list):
            for j, ref in enumerate(related):
                if _is_id(ref) and ref == cid:
                    self.add((*base, "related", j), "a claim cannot be related to itself", "remove it")
                else:
                    self.reference((*base, "related", j), ref, claims, "claim", "claims")

        value = c.get("value")
        if isinstance(value, dict):
            self.check_value(base, value, question, made)

    def check_value(
        self,
        base: Path_,
        value: dict[str, Any],
        question: dict[str, Any] | None,
        made: tuple[dt.date, dt.date] | None,
    ) -> None:
        vpath: Path_ = (*base, "value")
        as_of = self.date((*vpath, "as_of"), value.get("as_of"))
        until = self.date((*vpath, "until"), value.get("until"), future_ok=True)
        start = as_of or made
        if until is not None and start is not None and until[1] < start[0]:
            since = value.get("as_of") if as_of else "the claim was made"
            self.add(
                (*vpath, "until"),
                f"'until' ({value.get('until')}) is before {since}",
                "until is the end of the period the answer covers; it cannot be earlier than as_of",
            )
        numbers = {key: _number(value.get(key)) for key in ("exactly", "min", "max")}
        for key, num in numbers.items():
            if num is not None and math.isinf(num):
                self.add((*vpath, key), "is not a finite number", "write a number")
                numbers[key] = None
        low, high = numbers["min"], numbers["max"]
        if low is not None and high is not None and low > high:
            self.add(
                (*vpath, "min"),
                f"min ({_show_number(low)}) is greater than max ({_show_number(high)})",
                "swap them, or correct one of the two",
            )
        if value.get("exactly") is not None and (
            value.get("min") is not None or value.get("max") is not None
        ):
            self.add(
                (*vpath, "exactly"),
                "write either 'exactly' or a range ('min'/'max'), not both",
                "use exactly for one figure, min and max for a range",
            )

        if question is None:
            return
        kind = question.get("kind")
        if not isinstance(kind, str) or kind not in _VALUE_FIELDS:
            return
        allowed = _VALUE_FIELDS[kind]
        for key in value:
            if key in _ALL_VALUE_FIELDS and key not in allowed:
                self.add(
                    (*vpath, key), f"'{key}' does not fit a {kind} question", _VALUE_HOW[kind], at_key=True
                )
        if kind == "quantity":
            if all(value.get(k) is None for k in ("exactly", "min", "max")):
                self.add(vpath, "a quantity question needs a figure", _VALUE_HOW[kind])
            unit, qunit = value.get("unit"), question.get("unit")
            if isinstance(unit, str) and isinstance(qunit, str) and unit != qunit:
                self.add(
                    (*vpath, "unit"),
                    f"unit '{unit}' does not match the question's unit '{qunit}'",
                    f"write unit: {qunit}, or leave unit out",
                )
            scopes = question.get("scopes")
            scope_ids = [s for s in scopes if isinstance(s, str)] if isinstance(scopes, list) else []
            scope = value.get("scope")
            if _is_id(scope):
                if not scope_ids:
                    self.add(
                        (*vpath, "scope"),
                        f"scope '{scope}' is not defined: the question has no scopes",
                        "add the scope to the question's scopes, or leave scope out",
                    )
                elif scope not in scope_ids:
                    hint = self.suggest(scope, scope_ids) or ""
                    words = ", ".join(scope_ids)
                    self.add(
                        (*vpath, "scope"),
                        f"unknown scope '{scope}'",
                        (hint + " Use" if hint else "use") + f" one of the question's scopes: {words}",
                    )
            elif scope is None and scope_ids:
                self.add(vpath, "scope is missing", "add 'scope:' with one of: " + ", ".join(scope_ids))
        elif kind == "yes-no":
            if value.get("answer") is None:
                self.add(vpath, "a yes-no question needs an answer", _VALUE_HOW[kind])
        elif kind == "choice":
            option = value.get("option")
            option_ids = [
                o["id"] for _j, o in self.records(question, "options") if isinstance(o.get("id"), str)
            ]
            if option is None:
                self.add(vpath, "a choice question needs an option", _VALUE_HOW[kind])
            elif _is_id(option) and option not in option_ids:
                hint = self.suggest(option, option_ids) or ""
                self.add(
                    (*vpath, "option"),
                    f"no option '{option}' in question '{question.get('id')}'",
                    (hint + " Use" if hint else "use") + " one of: " + ", ".join(option_ids),
                )

    def check_supersession(self, root: dict[str, Any], claims: dict[str, int]) -> None:
        edges: dict[str, list[tuple[str, int]]] = {}
        for i, c in self.records(root, "claims"):
            cid = c.get("id")
            if not _is_id(cid) or claims.get(cid) != i:
                continue
            for j, link in self.records(c, "supersedes"):
                ref = link.get("claim")
                if _is_id(ref) and ref in claims and ref != cid:
                    edges.setdefault(cid, []).append((ref, j))
        # Iterative depth-first search; report each cycle once, at the first claim in it.
        state: dict[str, int] = {}
        reported: set[frozenset[str]] = set()
        for start in sorted(edges, key=lambda k: claims[k]):
            if state.get(start):
                continue
            stack: list[tuple[str, int]] = [(start, 0)]
            on_path: list[str] = [start]
            state[start] = 1
            while stack:
                node, k = stack[-1]
                out = edges.get(node, [])
                if k >= len(out):
                    stack.pop()
                    on_path.pop()
                    state[node] = 2
                    continue
                stack[-1] = (node, k + 1)
                nxt = out[k][0]
                seen = state.get(nxt)
                if seen == 1:
                    cycle = on_path[on_path.index(nxt) :]
                    key = frozenset(cycle)
                    if key not in reported:
                        reported.add(key)
                        first = min(cycle, key=lambda n: claims[n])
                        at = cycle.index(first)
                        order = cycle[at:] + cycle[:at]
                        succ = order[1] if len(order) > 1 else order[0]
                        j = next(j for ref, j in edges[first] if ref == succ)
                        self.add(
                            ("claims", claims[first], "supersedes", j, "claim"),
                            "supersession goes round in a circle: " + " supersedes ".join([*order, first]),
                            "only the later claim should name the earlier one in supersedes",
                        )
                elif not seen:
                    state[nxt] = 1
                    on_path.append(nxt)
                    stack.append((nxt, 0))


def check(located: Located, name: str, today: dt.date) -> list[Problem]:
    """Every problem with the dossier's own rules, in no particular order."""
    checker = _Checker(located, name, today)
    checker.run()
    return checker.problems
