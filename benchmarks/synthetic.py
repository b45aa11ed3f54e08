"""Deterministic synthetic dossiers for scale benchmarks, and their "plain twin" sites.

    .venv/bin/python -m benchmarks.synthetic N OUTDIR [--seed S] [--no-snapshots] [--plain]

writes into ``OUTDIR``:

``dossier/``
    ``claims.yaml`` with N claims spread over questions of all three kinds (about one
    question per 50 claims), actors and sources shaped like a real dossier: original reports,
    wire stories, republications and aggregator pages that point at what they copy
    (``copy_of``), official statements, Admiralty reliability grades; claims with one to three
    citations, estimative confidence, credibility grades, tags, notes, supersession chains,
    related claims and editor-declared contradictions (some with resolutions), and values that
    disagree often enough for the conflict analysis to find conflicts of every kind.
    ``snapshots/``: one text file per source holding every quote cited from it among filler
    text, so the build verifies quotes exactly as the real dossier's CI build does (the plugin's
    ``snapshots`` option points there). ``--no-snapshots`` leaves them and the option out.
    ``content/``: a home page with the ``<!-- dossier:what-we-know -->`` marker and the other
    hand-written pages the navigation names. ``mkdocs.yml``: the repository's own, with only
    the paths changed (``docs_dir``, ``claims``, ``snapshots``, ``custom_dir``, ``hooks``).

``plain/`` (with ``--plain``; the benchmark writes it itself after calibrating the page size)
    The same site written by hand: one Markdown page per claim (title, prose, quotes, source
    details, padded with prose to a given number of words), the same index pages (questions,
    timeline, sources, who said what, tags) as hand-written link lists, out of the navigation
    with ``not_in_nav``, and the same ``mkdocs.yml`` minus the dossier plugin.

The same N and seed give the same bytes, always: only ``random.Random(seed)`` is used, never
the clock, hash order or the file system's order. The data is made up; the words are random
picks from a small vocabulary and the web addresses use reserved example domains.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
START = dt.date(2024, 10, 1)
MARKER = "<!-- dossier:what-we-know -->"

# ---------------------------------------------------------------------------
# Vocabulary (made up; deterministic picks only)
# ---------------------------------------------------------------------------

SYLLABLES = (  # noqa: SIM905 (a word list is easier to read as text)
    "ka ro ven tal mir dos bar len sko vin tar ose lak dre mon pel ruk sal tem vor zan gil hed "
    "nor pas quin ral sev tod ul yar bek cor dun fen gor hal"
).split()
FIRST_NAMES = (  # noqa: SIM905 (a word list is easier to read as text)
    "Anna Boris Chen Dana Elif Farid Greta Hyun Ivan Jana Kofi Lena Marek Nadia Oleg Priya "
    "Quentin Rosa Stefan Tomas Ute Viktor Wen Yusuf Zofia"
).split()
ROLES = (
    "defence minister",
    "foreign minister",
    "intelligence chief",
    "military spokesperson",
    "senior analyst",
    "lawmaker",
    "ambassador to the U.N.",
    "press secretary",
    "research fellow",
    "regional governor",
)
ORG_KINDS = (
    ("Ministry of Defence", "government"),
    ("National Intelligence Service", "agency"),
    ("Institute for Strategic Studies", "organisation"),
    ("General Staff", "agency"),
    ("Presidential Office", "government"),
    ("Security Council", "government"),
    ("Monitoring Mission", "organisation"),
    ("Broadcasting Corporation", "media"),
)
FILLER = (  # noqa: SIM905 (a word list is easier to read as text)
    "officials said the units had moved toward the border after weeks of training near the coast "
    "according to assessments shared with reporters who were not authorised to speak publicly and "
    "the figures could not be independently verified while analysts cautioned that satellite "
    "images showed vehicles and barracks at several sites along the railway line where convoys "
    "were seen during the night and local residents described checkpoints fuel shortages and new "
    "restrictions on travel in the region"
).split()
QUANTITY_TOPICS = (
    ("troops", ("sent", "pledged", "planned"), "How many troops have been {scope} to {place}?"),
    (
        "artillery shells",
        ("delivered", "promised"),
        "How many artillery shells have been {scope} to {place}?",
    ),
    ("casualties", ("reported", "estimated"), "How many casualties have been {scope} near {place}?"),
    ("workers", ("sent", "planned"), "How many workers have been {scope} to {place}?"),
    ("missiles", ("delivered", "launched"), "How many missiles have been {scope} from {place}?"),
    ("vehicles", ("seen", "destroyed"), "How many military vehicles have been {scope} around {place}?"),
)
YES_NO_TOPICS = (
    "Are foreign troops fighting near {place}?",
    "Has the government of {place} confirmed the deployment?",
    "Were the units at {place} trained for combat?",
    "Has the border crossing at {place} been closed?",
    "Is the railway through {place} used for arms deliveries?",
)
CHOICE_TOPICS = (
    (
        "What role do the units near {place} have?",
        ("combat", "engineering", "logistics", "training", "guard duty"),
    ),
    (
        "Where are the units from {place} stationed?",
        ("the front line", "rear bases", "training grounds", "ports"),
    ),
    (
        "Who commands the units at {place}?",
        ("the regular army", "special forces", "a joint command", "local militia"),
    ),
)
STATUS_WEIGHTS = (
    ("reported", 45),
    ("confirmed", 15),
    ("unverified", 15),
    ("disputed", 12),
    ("denied", 5),
    ("retracted", 1),
)
CONFIDENCE = (
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
)
RELIABILITY = (("A", 5), ("B", 35), ("C", 35), ("D", 15), ("E", 5), ("F", 5))
TAGS = (  # noqa: SIM905 (a word list is easier to read as text)
    "deployment troop-numbers denials combat logistics arms-transfers satellite-images "
    "intelligence diplomacy sanctions casualties training border railway ports united-nations "
    "treaty economy refugees air-defence drones artillery navy cyber"
).split()


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _word(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _day(offset: int) -> str:
    return (START + dt.timedelta(days=offset)).isoformat()


def _date_words(offset: int) -> str:
    d = START + dt.timedelta(days=offset)
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _figure(x: float) -> int:
    """Round to two significant figures, like reported numbers."""
    if x < 100:
        return max(1, round(x))
    digits = len(str(int(x))) - 2
    return int(round(x, -digits))


def _number_words(x: float) -> str:
    return f"{int(x):,}"


def _filler(rng: random.Random, words: int) -> str:
    """Sentences of filler prose, about ``words`` words."""
    out: list[str] = []
    while len(out) < words:
        n = rng.randint(9, 18)
        start = rng.randrange(len(FILLER))
        sentence = [FILLER[(start + i) % len(FILLER)] for i in range(n)]
        sentence[0] = sentence[0].capitalize()
        out.extend(sentence)
        out[-1] += "."
    text = " ".join(out)
    return text if text.endswith(".") else text + "."


# ---------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------


@dataclass
class Dossier:
    """A generated dossier as plain dicts in ``claims.yaml`` order (with a few extras)."""

    n: int
    days: int
    sources: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    questions: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    resolutions: list[dict[str, Any]] = field(default_factory=list)
    #: source id -> quotes cited from it (file order), for the snapshots.
    quotes: dict[str, list[str]] = field(default_factory=dict)
    #: claim id -> day offset it was made on.
    claim_day: dict[str, int] = field(default_factory=dict)


def make_dossier(n: int, seed: int = 0) -> Dossier:
    """Generate ``n`` claims (deterministic for a given ``n`` and ``seed``)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    rng = random.Random(f"dossier-{seed}-{n}")
    days = 120 + n // 20  # 170 days for 1,000 claims, 620 for 10,000
    d = Dossier(n=n, days=days)
    places = sorted({_word(rng, 3).capitalize() for _ in range(max(40, n // 20))})

    # -- actors -------------------------------------------------------------------------
    n_actors = max(8, n // 40)
    for i in range(n_actors):
        if rng.random() < 0.55:
            name = f"{rng.choice(FIRST_NAMES)} {_word(rng).capitalize()}"
            actor = {
                "id": f"{_slug(name)}-{i}",
                "name": name,
                "role": rng.choice(ROLES),
                "affiliation": f"Government of {rng.choice(places)}",
                "kind": "person",
            }
        else:
            org, kind = rng.choice(ORG_KINDS)
            name = f"{rng.choice(places)} {org}"
            actor = {"id": f"{_slug(name)}-{i}", "name": name, "affiliation": name, "kind": kind}
        d.actors.append(actor)

    # -- sources ------------------------------------------------------------------------
    n_sources = max(6, n // 8)
    outlets = [
        f"The {rng.choice(places)} {rng.choice(('Times', 'Herald', 'Post', 'News', 'Daily', 'Observer'))}"
        for _ in range(max(4, n_sources // 12))
    ]
    agencies = [f"{rng.choice(places)} Press Agency" for _ in range(max(2, n_sources // 100))]
    source_days = sorted(rng.randrange(days) for _ in range(n_sources))
    copyable: list[tuple[int, int]] = []  # (day, index) of originals and wire stories
    for i, day in enumerate(source_days):
        roll = rng.random()
        kind = "original"
        copy_of = None
        if roll < 0.15:
            kind = "wire"
        elif roll < 0.40 and copyable:
            recent = [j for dd, j in copyable[-8:] if day - dd <= 3] or [copyable[-1][1]]
            copy_of = d.sources[rng.choice(recent)]["id"]
            kind = "republication" if roll < 0.36 else "aggregator"
        elif roll < 0.46:
            kind = "official"
        outlet = rng.choice(agencies if kind == "wire" else outlets)
        if kind == "official":
            outlet = f"Government of {rng.choice(places)}"
        headline = _filler(rng, rng.randint(6, 12)).rstrip(".").capitalize()
        sid = f"{_slug(outlet)}-{_day(day)}-{i}"
        source: dict[str, Any] = {
            "id": sid,
            "outlet": outlet,
            "headline": headline,
            "byline": "unknown"
            if rng.random() < 0.2
            else f"{rng.choice(FIRST_NAMES)} {_word(rng).capitalize()}",
            "published": _day(day),
            "kind": kind,
        }
        if copy_of:
            source["copy_of"] = copy_of
        if rng.random() < 0.6:
            source["url"] = (
                f"https://{_slug(outlet)}.example/{_day(day).replace('-', '/')}/{_slug(headline)[:60]}"
            )
        if rng.random() < 0.2:
            source["archive_url"] = f"https://archive.example/{sid}"
        source["reliability"] = _weighted(rng, RELIABILITY)
        source["reliability_note"] = _filler(rng, rng.randint(12, 25))
        if rng.random() < 0.15:
            source["notes"] = _filler(rng, rng.randint(10, 30))
        d.sources.append(source)
        d.quotes[sid] = []
        if kind in ("original", "wire"):
            copyable.append((day, i))
    copies_of: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(d.sources):
        if "copy_of" in s:
            copies_of[s["copy_of"]].append(i)

    # -- questions ------------------------------------------------------------------------
    n_questions = max(3, n // 50)
    plans: list[dict[str, Any]] = []
    for i in range(n_questions):
        place = rng.choice(places)
        kind = "qyqcqyqycq"[i % 10]  # half quantity, 30% yes-no, 20% choice
        if kind == "q":
            unit, scopes, text = QUANTITY_TOPICS[rng.randrange(len(QUANTITY_TOPICS))]
            grows = rng.random() < 0.5
            base = rng.choice((800, 1500, 3000, 6000, 12000, 30000))
            growth = base / rng.choice((60, 120, 240))
            q: dict[str, Any] = {
                "id": f"{_slug(unit)}-{_slug(place)}-{i}",
                "text": text.format(scope=scopes[0], place=place),
                "kind": "quantity",
                "unit": unit,
                "scopes": list(scopes),
                "window_days": rng.choice((7, 14, 30)),
            }
            if grows:
                q["only_grows"] = True
                q["max_growth_per_day"] = _figure(growth * 6)
            plans.append({"kind": "quantity", "base": base, "growth": growth, "place": place})
        elif kind == "y":
            text = YES_NO_TOPICS[rng.randrange(len(YES_NO_TOPICS))].format(place=place)
            q = {
                "id": f"{_slug(text)[:50].strip('-')}-{i}",
                "text": text,
                "kind": "yes-no",
                "window_days": rng.choice((14, 30)),
            }
            plans.append({"kind": "yes-no", "truth": "yes" if rng.random() < 0.8 else "no", "place": place})
        else:
            text, labels = CHOICE_TOPICS[rng.randrange(len(CHOICE_TOPICS))]
            text = text.format(place=place)
            options: list[dict[str, Any]] = [
                {"id": _slug(label), "label": label.capitalize()} for label in labels
            ]
            multiple = rng.random() < 0.3
            if multiple:
                options[0]["excludes"] = [options[1]["id"]]
            q = {
                "id": f"{_slug(text)[:50].strip('-')}-{i}",
                "text": text,
                "kind": "choice",
                "window_days": 30,
                "options": options,
            }
            if multiple:
                q["multiple"] = True
            plans.append({"kind": "choice", "favourite": rng.randrange(len(options)), "place": place})
        q["status"] = rng.choice(("settled", "disputed", "open"))
        q["assessment"] = _filler(rng, rng.randint(30, 70))
        q["assessed"] = _day(days - 1)
        q["tags"] = sorted(set(rng.sample(TAGS, rng.randint(0, 2))))
        d.questions.append(q)

    # -- claims -------------------------------------------------------------------------
    by_question_actor: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_question: dict[int, list[int]] = defaultdict(list)
    superseded: set[int] = set()
    for i in range(n):
        qi = rng.randrange(n_questions)
        q, plan = d.questions[qi], plans[qi]
        # Actors speak mostly on a few questions: pick from a per-question slice.
        ai = (qi * 7 + rng.randrange(min(n_actors, 12))) % n_actors
        actor = d.actors[ai]
        si = rng.randrange(n_sources)
        primary = d.sources[si]
        source_day = source_days[si]
        day = max(0, source_day - rng.choice((0, 0, 0, 1, 2)))
        as_of_day = max(0, day - rng.choice((0, 0, 0, 0, 1, 3, 7)))
        value: dict[str, Any] = {}
        place = plan["place"]
        name = actor["name"]
        if plan["kind"] == "quantity":
            # Most claims repeat the current official figure (revised every 15 days); some
            # hedge it, some are off, a few are far off (those make most of the conflicts).
            figure = _figure(plan["base"] + plan["growth"] * (as_of_day // 15 * 15))
            scope = q["scopes"][0] if rng.random() < 0.75 else rng.choice(q["scopes"])
            form = rng.random()
            if form < 0.55:
                value["exactly"] = figure
                words = f"about {_number_words(figure)}"
            elif form < 0.7:
                figure = _figure(figure * 0.9)
                value["min"] = figure
                words = f"at least {_number_words(figure)}"
            elif form < 0.8:
                figure = _figure(figure * 1.1)
                value["max"] = figure
                words = f"as many as {_number_words(figure)}"
            elif form < 0.92:
                figure = _figure(figure * rng.choice((0.3, 0.7, 1.4, 3.0)))
                value["exactly"] = figure
                words = f"about {_number_words(figure)}"
            else:
                low, high = _figure(figure * 0.8), _figure(figure * 1.25)
                value["min"], value["max"] = low, high
                words = f"between {_number_words(low)} and {_number_words(high)}"
            if rng.random() < 0.3:
                value["unit"] = q["unit"]
            value["scope"] = scope
            when = _date_words(as_of_day)
            statement = (
                f"{name} said {words} {q['unit']} had been {scope} in connection with {place} by {when}."
            )
            quote = (
                f"\u201c{words.capitalize()} {q['unit']} were {scope} by {when},\u201d "
                f"{name} told reporters in {rng.choice(places)}"
            )
            keyword = f"{_slug(q['unit'])}-{scope}"
        elif plan["kind"] == "yes-no":
            answer = plan["truth"] if rng.random() < 0.9 else ("no" if plan["truth"] == "yes" else "yes")
            value["answer"] = answer
            if rng.random() < 0.1:
                value["until"] = _day(min(days - 1, as_of_day + 30))
            verb = "said" if answer == "yes" else "denied"
            statement = (
                f"{name} {verb} that the answer to \u201c{q['text']}\u201d was yes, "
                f"speaking about {place} on {_date_words(day)}."
            )
            verdict = "accurate" if answer == "yes" else "false"
            quote = f"{name} {verb} it, saying the reports about {place} were {verdict}"
            keyword = "confirms" if answer == "yes" else "denies"
        else:
            options = q["options"]
            pick = plan["favourite"] if rng.random() < 0.85 else rng.randrange(len(options))
            value["option"] = options[pick]["id"]
            label = options[pick]["label"].lower()
            statement = (
                f"{name} said the units near {place} were assigned to {label}, "
                f"according to reports on {_date_words(day)}."
            )
            quote = f"The units near {place} have been assigned to {label}, {name} said"
            keyword = _slug(label)
        if as_of_day != day:
            value["as_of"] = _day(as_of_day)
        cid = f"{_slug(name)[:30].strip('-')}-{keyword}-{i}"
        citations = [{"source": primary["id"], "quote": quote}]
        d.quotes[primary["id"]].append(quote)
        copies = copies_of.get(primary["id"], [])
        if copies and rng.random() < 0.6:
            copy = d.sources[rng.choice(copies)]
            citations.append({"source": copy["id"], "quote": quote})
            d.quotes[copy["id"]].append(quote)
        if rng.random() < 0.15:
            other = d.sources[min(n_sources - 1, si + rng.randint(1, 3))]
            if other["id"] != primary["id"]:
                q2 = f"{_filler(rng, rng.randint(8, 16)).rstrip('.')}, said {name}"
                citations.append({"source": other["id"], "quote": q2})
                d.quotes[other["id"]].append(q2)
        if rng.random() < 0.05:
            citations[0]["note"] = _filler(rng, rng.randint(8, 16))
        claim: dict[str, Any] = {
            "id": cid,
            "question": q["id"],
            "statement": statement,
            "actor": actor["id"],
            "made": _day(day),
            "value": value,
            "status": _weighted(rng, STATUS_WEIGHTS),
            "citations": citations,
        }
        if rng.random() < 0.4:
            claim["confidence"] = rng.choice(CONFIDENCE)
        if rng.random() < 0.5:
            claim["credibility"] = rng.randint(1, 6)
        tags = sorted(set(rng.sample(TAGS, rng.randint(0, 3))))
        if tags:
            claim["tags"] = tags
        earlier = by_question_actor[(qi, ai)]
        if earlier and rng.random() < 0.12:
            old = earlier[-1]
            # A claim supersedes only one made before it (or the same day): the rules refuse the rest.
            if old not in superseded and d.claims[old]["made"] <= claim["made"]:
                superseded.add(old)
                d.claims[old]["status"] = "superseded"
                claim["supersedes"] = [
                    {"claim": d.claims[old]["id"], "note": _filler(rng, rng.randint(6, 14))}
                ]
        others = [j for j in by_question[qi][-20:] if d.claims[j]["actor"] != actor["id"]]
        if others and rng.random() < 0.015:
            target = d.claims[rng.choice(others)]["id"]
            claim["contradicts"] = [{"claim": target, "note": _filler(rng, rng.randint(6, 14))}]
            if rng.random() < 0.5:
                d.resolutions.append(
                    {
                        "claims": sorted([target, cid]),
                        "status": rng.choice(("open", "resolved")),
                        "note": _filler(rng, rng.randint(10, 20)),
                    }
                )
        if others and rng.random() < 0.06:
            claim["related"] = sorted({d.claims[j]["id"] for j in rng.sample(others, min(len(others), 2))})
        if rng.random() < 0.2:
            claim["updated"] = _day(min(days - 1, day + rng.randint(0, 20)))
        if rng.random() < 0.2:
            claim["notes"] = _filler(rng, rng.randint(15, 40))
        d.claims.append(claim)
        d.claim_day[cid] = day
        by_question_actor[(qi, ai)].append(i)
        by_question[qi].append(i)
    return d


# ---------------------------------------------------------------------------
# Writing claims.yaml (block style, like an editor's file)
# ---------------------------------------------------------------------------


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _emit(out: list[str], value: Any, indent: int) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                if isinstance(item, list) and all(not isinstance(x, dict | list) for x in item):
                    out.append(f"{pad}{key}: [{', '.join(_scalar(x) for x in item)}]")
                else:
                    out.append(f"{pad}{key}:")
                    _emit(out, item, indent + 2)
            elif isinstance(item, dict | list):
                out.append(f"{pad}{key}: {'{}' if isinstance(item, dict) else '[]'}")
            else:
                out.append(f"{pad}{key}: {_scalar(item)}")
    else:
        for item in value:
            if isinstance(item, dict):
                sub: list[str] = []
                _emit(sub, item, indent + 2)
                sub[0] = f"{pad}- " + sub[0][indent + 2 :]
                out.extend(sub)
            else:
                out.append(f"{pad}- {_scalar(item)}")


def claims_yaml(d: Dossier, *, snapshots: bool = True) -> str:
    out = [
        "# yaml-language-server: $schema=./claims.schema.json",
        f"# A synthetic dossier of {d.n} claims, generated for benchmarks: not real reporting.",
        "",
    ]
    top: dict[str, Any] = {
        "dossier": {
            "title": f"Synthetic dossier of {d.n} claims",
            "summary": "Generated claims for measuring how the dossier site scales. Nothing here is real.",
            "updated": _day(d.days - 1),
        }
    }
    _emit(out, top, 0)
    for key, records in (
        ("sources", d.sources),
        ("actors", d.actors),
        ("questions", d.questions),
        ("claims", d.claims),
    ):
        out.append("")
        out.append(f"{key}:")
        for record in records:
            if key == "sources" and snapshots:
                record = {**record, "snapshot": f"{record['id']}.txt"}
                # Keep the model's field order readable: snapshot after kind/copy_of.
            _emit(out, [record], 2)
            out.append("")
    if d.resolutions:
        out.append("resolutions:")
        _emit(out, d.resolutions, 2)
    return "\n".join(out).rstrip("\n") + "\n"


def snapshot_texts(d: Dossier, seed: int = 0) -> dict[str, str]:
    """Source id -> a text holding every quote cited from it among filler paragraphs."""
    out: dict[str, str] = {}
    for source in d.sources:
        rng = random.Random(f"snapshot-{seed}-{source['id']}")
        paragraphs = [source["headline"], ""]
        quotes = list(dict.fromkeys(d.quotes[source["id"]]))
        for quote in quotes:
            paragraphs.append(_filler(rng, rng.randint(20, 60)))
            paragraphs.append(quote + ".")
        paragraphs.append(_filler(rng, rng.randint(150, 300)))
        out[f"{source['id']}.txt"] = "\n\n".join(paragraphs) + "\n"
    return out


# ---------------------------------------------------------------------------
# mkdocs.yml: the repository's own, paths changed
# ---------------------------------------------------------------------------


class _Env:
    """A ``!ENV`` value kept as written."""

    def __init__(self, value: Any) -> None:
        self.value = value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _env_constructor(loader: yaml.SafeLoader, node: yaml.Node) -> _Env:
    if isinstance(node, yaml.SequenceNode):
        return _Env(loader.construct_sequence(node))
    return _Env(loader.construct_scalar(node))  # type: ignore[arg-type]


def _env_representer(dumper: yaml.SafeDumper, env: _Env) -> yaml.Node:
    if isinstance(env.value, list):
        return dumper.represent_sequence("!ENV", env.value, flow_style=True)
    return dumper.represent_scalar("!ENV", str(env.value))


_Loader.add_constructor("!ENV", _env_constructor)
_Dumper.add_representer(_Env, _env_representer)


def repo_mkdocs_config() -> dict[str, Any]:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def _nav_pages(nav: Any) -> list[str]:
    pages: list[str] = []
    if isinstance(nav, str):
        pages.append(nav)
    elif isinstance(nav, list):
        for item in nav:
            pages.extend(_nav_pages(item))
    elif isinstance(nav, dict):
        for item in nav.values():
            pages.extend(_nav_pages(item))
    return pages


def site_config(*, dossier: bool, snapshots: bool) -> dict[str, Any]:
    """The repository's mkdocs.yml for a generated site next to ``content/``."""
    config = repo_mkdocs_config()
    config["docs_dir"] = "content"
    theme = config.get("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((ROOT / theme["custom_dir"]).resolve())
    if config.get("hooks"):
        config["hooks"] = [str((ROOT / h).resolve()) for h in config["hooks"]]
    plugins = []
    for plugin in config.get("plugins", []):
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name != "dossier":
            plugins.append(plugin)
        elif dossier:
            options = dict(plugin["dossier"] or {})
            options["claims"] = "claims.yaml"
            options.pop("snapshots", None)
            if snapshots:
                options["snapshots"] = "snapshots"
            plugins.append({"dossier": options})
    config["plugins"] = plugins
    if not dossier:
        config["not_in_nav"] = "/claims/\n/questions/\n/tags.md\n"
    return config


def _dump_config(config: dict[str, Any]) -> str:
    return "# Generated for benchmarks from the repository's mkdocs.yml (paths changed).\n" + yaml.dump(
        config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100
    )


# ---------------------------------------------------------------------------
# Hand-written pages shared by both sites
# ---------------------------------------------------------------------------


def _hand_pages(rng: random.Random, nav_pages: list[str], *, dossier: bool) -> dict[str, str]:
    """The pages in the navigation that editors write by hand (the plugin makes the rest)."""
    generated = {
        "questions/index.md",
        "conflicts.md",
        "timeline.md",
        "sources.md",
        "actors.md",
        "downloads.md",
        "reference/claims-yaml.md",
    }
    pages: dict[str, str] = {}
    for page in nav_pages:
        if page in generated:
            continue
        title = (
            "What we know"
            if page == "index.md"
            else page.rsplit("/", 1)[-1][:-3].replace("-", " ").capitalize()
        )
        body = [f"# {title}", "", _filler(rng, 80), ""]
        if page == "index.md" and dossier:
            body += [MARKER, ""]
        for heading in ("Background", "How to read this"):
            body += [f"## {heading}", "", _filler(rng, 120), ""]
        pages[page] = "\n".join(body)
    return pages


def _copy_site_assets(content: Path, config: dict[str, Any]) -> None:
    for css in config.get("extra_css", []):
        src = ROOT / "content" / css
        if src.is_file():
            dst = content / css
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_dossier_site(n: int, outdir: Path, *, seed: int = 0, snapshots: bool = True) -> Path:
    """Write ``outdir/dossier`` (see the module docstring); returns that folder."""
    site = Path(outdir) / "dossier"
    if site.exists():
        shutil.rmtree(site)
    d = make_dossier(n, seed)
    _write(site / "claims.yaml", claims_yaml(d, snapshots=snapshots))
    if snapshots:
        for name, text in snapshot_texts(d, seed).items():
            _write(site / "snapshots" / name, text)
    config = site_config(dossier=True, snapshots=snapshots)
    _write(site / "mkdocs.yml", _dump_config(config))
    rng = random.Random(f"content-{seed}")
    for page, text in _hand_pages(rng, _nav_pages(config.get("nav", [])), dossier=True).items():
        _write(site / "content" / page, text)
    _copy_site_assets(site / "content", config)
    return site


# ---------------------------------------------------------------------------
# The plain twin
# ---------------------------------------------------------------------------


def _md_text(text: str) -> str:
    """Text safe in Markdown (the generated words hold no markup; escape the few specials)."""
    return re.sub(r"([\\`*_\[\]<>#])", r"\\\1", text)


def plain_claim_page(d: Dossier, claim: dict[str, Any], words: int, rng: random.Random) -> str:
    """A hand-written-style page about one claim, padded with prose to about ``words`` words."""
    sources = {s["id"]: s for s in d.sources}
    actors = {a["id"]: a for a in d.actors}
    questions = {q["id"]: q for q in d.questions}
    q = questions[claim["question"]]
    actor = actors[claim["actor"]]
    lines = ["---", f"title: {json.dumps(claim['statement'][:90])}"]
    if claim.get("tags"):
        lines.append("tags:")
        lines += [f"  - {t}" for t in claim["tags"]]
    lines += ["---", "", f"# {_md_text(claim['statement'])}", ""]
    lines += [
        f"*{claim['status'].capitalize()}* · Answers: [{_md_text(q['text'])}](../questions/{q['id']}.md)",
        "",
        f"{_md_text(actor['name'])} made this claim on {claim['made']}. Status: {claim['status']}.",
        "",
        "## Evidence",
        "",
    ]
    for citation in claim["citations"]:
        s = sources[citation["source"]]
        lines += [
            f"> {_md_text(citation['quote'])}",
            "",
            f"*{_md_text(s['headline'])}*, {_md_text(s['outlet'])}, {s['published']}: "
            f"reliability {s['reliability']}. {_md_text(s['reliability_note'])}",
            "",
        ]
    lines += ["## Conflicts", "", "The editors compared this claim with the others on the same question.", ""]
    lines += ["## The record", "", f"Claim id `{claim['id']}`.", ""]
    used = len(" ".join(lines).split())
    if words > used:
        lines.insert(lines.index("## Evidence"), _filler(rng, words - used) + "\n")
    return "\n".join(lines)


def write_plain_site(n: int, outdir: Path, *, words: int, seed: int = 0) -> Path:
    """Write ``outdir/plain``: N hand-written-style pages of about ``words`` words each."""
    site = Path(outdir) / "plain"
    if site.exists():
        shutil.rmtree(site)
    d = make_dossier(n, seed)
    content = site / "content"
    config = site_config(dossier=False, snapshots=False)
    _write(site / "mkdocs.yml", _dump_config(config))
    rng = random.Random(f"content-{seed}")
    for page, text in _hand_pages(rng, _nav_pages(config.get("nav", [])), dossier=False).items():
        _write(content / page, text)
    _copy_site_assets(content, config)
    rng = random.Random(f"plain-{seed}-{n}")
    by_question: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_actor: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in d.claims:
        _write(content / "claims" / f"{claim['id']}.md", plain_claim_page(d, claim, words, rng))
        by_question[claim["question"]].append(claim)
        by_actor[claim["actor"]].append(claim)
        for sid in dict.fromkeys(c["source"] for c in claim["citations"]):
            by_source[sid].append(claim)

    def item(claim: dict[str, Any], prefix: str) -> str:
        return f"- [{_md_text(claim['statement'])}]({prefix}claims/{claim['id']}.md) ({claim['made']})"

    index = ["# Questions and claims", ""]
    for q in d.questions:
        index.append(f"- [{_md_text(q['text'])}]({q['id']}.md): {len(by_question[q['id']])} claims")
        lines = [
            "---",
            f"title: {json.dumps(q['text'])}",
            "---",
            "",
            f"# {_md_text(q['text'])}",
            "",
            q["assessment"],
            "",
            "## Claims",
            "",
        ]
        lines += [item(c, "../") for c in sorted(by_question[q["id"]], key=lambda c: (c["made"], c["id"]))]
        _write(content / "questions" / f"{q['id']}.md", "\n".join(lines) + "\n")
    _write(content / "questions" / "index.md", "\n".join(index) + "\n")
    timeline = ["# Timeline", ""]
    for q in d.questions:
        timeline += [f"## {_md_text(q['text'])}", ""]
        timeline += [item(c, "") for c in sorted(by_question[q["id"]], key=lambda c: (c["made"], c["id"]))]
        timeline.append("")
    _write(content / "timeline.md", "\n".join(timeline))
    sources_page = ["# Sources", ""]
    for s in d.sources:
        sources_page += [
            f"## {_md_text(s['outlet'])}: {_md_text(s['headline'])}",
            "",
            f"{s['published']}, {s['kind']}, reliability {s['reliability']}.",
            "",
        ]
        sources_page += [item(c, "") for c in by_source[s["id"]]]
        sources_page.append("")
    _write(content / "sources.md", "\n".join(sources_page))
    actors_page = ["# Who said what", ""]
    for a in d.actors:
        actors_page += [f"## {_md_text(a['name'])}", ""]
        actors_page += [item(c, "") for c in by_actor[a["id"]]]
        actors_page.append("")
    _write(content / "actors.md", "\n".join(actors_page))
    _write(content / "conflicts.md", "# Contradiction table\n\n" + _filler(rng, 60) + "\n")
    _write(content / "downloads.md", "# Downloads\n\n" + _filler(rng, 40) + "\n")
    _write(content / "reference" / "claims-yaml.md", "# claims.yaml fields\n\n" + _filler(rng, 300) + "\n")
    _write(content / "tags.md", "# Tags\n\n<!-- material/tags -->\n")
    return site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.synthetic", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("n", type=int, help="number of claims")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-snapshots", action="store_true", help="no snapshot texts, no quote check")
    parser.add_argument(
        "--plain",
        type=int,
        metavar="WORDS",
        default=None,
        help="also write the plain twin, WORDS words a page",
    )
    args = parser.parse_args(argv)
    site = write_dossier_site(args.n, args.outdir, seed=args.seed, snapshots=not args.no_snapshots)
    print(site)
    if args.plain:
        print(write_plain_site(args.n, args.outdir, words=args.plain, seed=args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
