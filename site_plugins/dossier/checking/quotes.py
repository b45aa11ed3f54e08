"""Quote verification: every citation's quote must occur in its source's text snapshot.

Snapshots are plain-text copies of the cited documents, kept in a folder outside the repository
(the documents are copyrighted). A source names its file with ``snapshot:``; the folder comes
from ``dossier validate --snapshots DIR``, the plugin's ``snapshots`` option or the environment
variable ``DOSSIER_SNAPSHOTS``.

Quote and snapshot are both compared after :func:`normalise`, which forgives only what a copy
and paste or a different typeface changes: spacing and line breaks, curly versus straight quotes
and apostrophes, the various dashes, the ellipsis character, and Unicode compatibility forms.
Letters, digits, case and word order must match exactly, and a quote starts and ends on
word boundaries of the text (no part of a word or a figure).

A miss names the claim, the source and the closest passage of the snapshot, found quickly:
candidate places are where the quote's rarest words occur in the snapshot, and only those windows
are scored with :class:`difflib.SequenceMatcher`. A dossier of 10,000 claims (20,000 citations)
verifies in about half a second when its quotes are right (``benchmarks/bench_quotes.py``).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from ..problems import Problem
from ..reading.positions import Path_, dotted
from ..records.model import Citation, Claim, ClaimsFile, Source

#: where(("claims", 3, "citations", 0, "quote")) -> (line, col) of that value in the YAML file.
Where = Callable[[tuple[object, ...]], tuple[int, int]]

MAX_SNAPSHOT_BYTES = 20_000_000  # far above any article; keeps a wrong file from eating memory
PASSAGE_LIMIT = 200  # characters of the closest passage shown in a message
_ANCHORS = 4  # rarest words of a quote used to find candidate places
_PLACES_PER_ANCHOR = 40  # occurrences of one anchor word scored at most
_EXACT_SCORES = 5  # windows scored exactly, after a linear first ranking
MAX_PASSAGE_SEARCHES = 500  # misses beyond this many are reported without a closest passage

_FOLD = str.maketrans(
    {
        # double quotes
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2033": '"',  # double prime
        "\u00ab": '"',  # left-pointing double angle quotation mark
        "\u00bb": '"',  # right-pointing double angle quotation mark
        "\u301d": '"',
        "\u301e": '"',
        # single quotes and apostrophes
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark (and the typographic apostrophe)
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime
        "\u2039": "'",  # single left-pointing angle quotation mark
        "\u203a": "'",  # single right-pointing angle quotation mark
        "\u02bc": "'",  # modifier letter apostrophe
        "\u0060": "'",  # grave accent used as an opening quote
        "\u00b4": "'",  # acute accent used as an apostrophe
        # dashes and minus
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\ufe58": "-",  # small em dash
        "\ufe63": "-",  # small hyphen-minus
        "\uff0d": "-",  # fullwidth hyphen-minus
        # invisible characters that copy and paste leaves behind
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u2060": None,  # word joiner
        "\ufeff": None,  # byte-order mark / zero-width no-break space
    }
)
_WORD = re.compile(r"\w+")
#: The characters _FOLD changes, for a regular expression that visits only those (str.translate
#: looks up every character: most of the time of checking a large dossier's quotes).
_FOLDED = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]")


def _fold(text: str) -> str:
    """``text.translate(_FOLD)``, faster on text where few characters change (all of it)."""
    if text.isascii():
        return text.replace("`", "'")  # the only ASCII character _FOLD changes
    return _FOLDED.sub(lambda m: _FOLD[ord(m.group())] or "", text)


def normalise(text: str) -> str:
    """Text folded for comparing a quote with its source; case is kept (quotes are verbatim).

    Unicode NFKC (so non-breaking spaces become spaces and the ellipsis character becomes
    ``...``), typographic quotes and apostrophes to ASCII ``"`` and ``'``, every dash to ``-``
    (a run of dashes made one, the spaces around it dropped), invisible characters removed, and
    every run of whitespace, line breaks included, to one space.
    """
    # Fold before NFKC too: NFKC would turn a double prime into two single primes.
    text = _fold(text)
    if not text.isascii():
        text = _fold(unicodedata.normalize("NFKC", text))
    text = " ".join(text.split())  # str.split() splits on every Unicode space, like \s
    if "-" in text:
        # A dash with or without spaces around it ("a — b", "a—b", "a - b", "a -- b") reads the same.
        text = text.replace(" -", "-").replace("- ", "-")
        while "--" in text:
            text = text.replace("--", "-")
    return text


@dataclass
class _Snapshot:
    """One snapshot file, normalised once; its word index is built only when a quote misses."""

    text: str
    _positions: dict[str, list[int]] | None = field(default=None, repr=False)
    _lower: str | None = field(default=None, repr=False)

    def lower(self) -> str:
        if self._lower is None:
            low = self.text.lower()
            if len(low) != len(self.text):  # keep offsets aligned with the text (e.g. for "İ")
                low = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)
            self._lower = low
        return self._lower

    def positions(self) -> dict[str, list[int]]:
        if self._positions is None:
            positions: dict[str, list[int]] = defaultdict(list)
            for match in _WORD.finditer(self.lower()):
                positions[match.group()].append(match.start())
            self._positions = dict(positions)
        return self._positions

    def closest_passage(self, quote: str) -> str:
        """The passage of the snapshot most like ``quote`` (empty if nothing is alike)."""
        text = self.text
        if not text or not quote:
            return ""
        low_quote = quote.lower()
        positions = self.positions()
        words = [(m.group(), m.start()) for m in _WORD.finditer(low_quote)]
        present = [(w, at) for w, at in words if w in positions]
        # Rarest words first: they pin the quote to few places in the text.
        present.sort(key=lambda item: (len(positions[item[0]]), -len(item[0])))
        size = len(quote)
        starts: set[int] = set()
        seen_words: set[str] = set()
        for word, at in present:
            if word in seen_words:
                continue
            seen_words.add(word)
            for place in positions[word][:_PLACES_PER_ANCHOR]:
                starts.add(max(0, place - at))
            if len(seen_words) >= _ANCHORS:
                break
        if not starts:
            return ""
        low_text = self.lower()
        # Scored word by word (a window is a few dozen words, so this is quick): quick_ratio
        # (linear) ranks every window, the exact ratio decides among the best few.
        matcher: difflib.SequenceMatcher[str] = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(low_quote.split())
        ranked: list[tuple[float, int]] = []
        for start in sorted(starts):
            matcher.set_seq1(low_text[start : start + size].split())
            ranked.append((matcher.quick_ratio(), start))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        best_ratio, best_start = -1.0, ranked[0][1]
        for _, start in ranked[:_EXACT_SCORES]:
            matcher.set_seq1(low_text[start : start + size].split())
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best_ratio, best_start = ratio, start
        return _trim(text, best_start, size)


def _trim(text: str, start: int, size: int) -> str:
    """The window text[start:start+size], widened to whole words and cut to PASSAGE_LIMIT."""
    end = min(len(text), start + size)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    passage = text[start:end].strip()
    if len(passage) > PASSAGE_LIMIT:
        passage = passage[:PASSAGE_LIMIT].rsplit(" ", 1)[0] + " ..."
    return passage


def occurs_as_words(quote: str, text: str) -> bool:
    """Whether ``quote`` occurs in ``text`` with whole words at both ends.

    Both are normalised. A quote that begins or ends with a letter or digit must not begin or
    end inside a word of the text: "0,000 people" is not a quote of "10,000 people", nor
    "ill" of "will".
    """
    start = text.find(quote)
    while start != -1:
        end = start + len(quote)
        if not (quote[0].isalnum() and start > 0 and text[start - 1].isalnum()) and not (
            quote[-1].isalnum() and end < len(text) and text[end].isalnum()
        ):
            return True
        start = text.find(quote, start + 1)
    return False


#: Stands for an id that is not text in :func:`lenient_view`: no citation can name it.
_UNUSABLE = "\x00"


def lenient_view(raw: object) -> ClaimsFile | None:
    """The sources and citations of a file the schema refused, for checking their quotes too.

    An editor sees every problem in one pass, quotes included, even when another field is
    wrong. Only what quote checking reads is taken (ids, snapshot names, quotes), each record
    kept at its place in the file so that problems point at the right line; a record whose
    fields for this are not text is left out of the check (the schema reports it). The
    records are made without validation (``model_construct``), with only those fields.
    """
    if not isinstance(raw, dict):
        return None
    sources: list[Source] = []
    for i, s in enumerate(_list(raw.get("sources"))):
        fields = s if isinstance(s, dict) else {}
        sid, snapshot = fields.get("id"), fields.get("snapshot")
        usable = isinstance(sid, str) and (snapshot is None or isinstance(snapshot, str))
        sources.append(_construct(Source, id=sid if usable else f"{_UNUSABLE}{i}", snapshot=snapshot))
    claims: list[Claim] = []
    for c in _list(raw.get("claims")):
        fields = c if isinstance(c, dict) else {}
        citations: list[Citation] = []
        for cit in _list(fields.get("citations")):
            ref = cit.get("source") if isinstance(cit, dict) else None
            quote = cit.get("quote") if isinstance(cit, dict) else None
            usable = isinstance(ref, str) and isinstance(quote, str)
            citations.append(
                _construct(Citation, source=ref if usable else _UNUSABLE, quote=quote if usable else "")
            )
        cid = fields.get("id")
        claims.append(_construct(Claim, id=cid if isinstance(cid, str) else "?", citations=citations))
    return _construct(ClaimsFile, sources=sources, claims=claims)


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


_Model = TypeVar("_Model", bound=BaseModel)


def _construct(model: type[_Model], **fields: Any) -> _Model:
    """``model`` with only ``fields`` set, unvalidated (what quote checking reads)."""
    return model.model_construct(**fields)


def verify_quotes(
    data: ClaimsFile, snapshots: Path, where: Where, *, file: str = "claims.yaml"
) -> list[Problem]:
    """Check every citation's quote against its source's snapshot; one Problem per miss.

    ``where`` gives the (line, col) of a value from its path in the file; ``file`` is the name
    problems report. Citations of unknown sources are left to the validator.
    """
    report = _Report(where, file)
    if not snapshots.is_dir():
        report.problems.append(
            Problem(
                file,
                1,
                1,
                "snapshots",
                f"the snapshots folder {snapshots} does not exist or is not a folder, so no quote "
                "could be checked",
                "give the folder of source snapshots with --snapshots DIR, the DOSSIER_SNAPSHOTS "
                "environment variable or the plugin's snapshots option",
            )
        )
        return report.problems
    sources = {source.id: (index, source) for index, source in enumerate(data.sources)}
    folder = _SnapshotFolder(snapshots, sources, report)
    searches = 0
    for i, claim in enumerate(data.claims):
        for j, citation in enumerate(claim.citations):
            if citation.source not in sources:
                continue  # a missing source is reported by the validator
            _, source = sources[citation.source]
            if source.snapshot is None:
                report.add(
                    ("claims", i, "citations", j, "source"),
                    f"claim {claim.id} cites source {source.id}, which has no snapshot, so its quote "
                    "cannot be checked",
                    f"add `snapshot:` to source {source.id} or cite another source",
                )
                continue
            snap = folder.snapshot_of(source.id)
            if snap is None:
                continue  # reported once, at the source
            quote = normalise(citation.quote)
            if quote and occurs_as_words(quote, snap.text):
                continue
            hint = "copy the words exactly as in the source"
            searches += 1
            if searches <= MAX_PASSAGE_SEARCHES:
                passage = snap.closest_passage(quote)
                hint += f"; closest passage: '{passage}'" if passage else "; no similar passage was found"
            report.add(
                ("claims", i, "citations", j, "quote"),
                f"quote of claim {claim.id} not found in source {source.id} (snapshot '{source.snapshot}')",
                hint,
            )
    return report.problems


class _Report:
    """The problems of quote checking, each at its value in the file."""

    def __init__(self, where: Where, file: str) -> None:
        self.where = where
        self.file = file
        self.problems: list[Problem] = []

    def add(self, path: Path_, message: str, hint: str) -> None:
        line, col = self._locate(path)
        self.problems.append(Problem(self.file, line, col, dotted(path), message, hint))

    def _locate(self, path: Path_) -> tuple[int, int]:
        # The value's own place, else its nearest enclosing record's (never a crash here).
        for end in range(len(path), 0, -1):
            try:
                return self.where(path[:end])
            except (LookupError, ValueError, TypeError):
                continue
        return (1, 1)


class _SnapshotFolder:
    """The sources' snapshots, each read and normalised once; a file that cannot be used is
    reported once, at its source."""

    def __init__(self, folder: Path, sources: dict[str, tuple[int, Source]], report: _Report) -> None:
        self.folder = folder
        self.sources = sources
        self.report = report
        self.cache: dict[str, _Snapshot | None] = {}  # source id -> its snapshot, None when unusable

    def snapshot_of(self, source_id: str) -> _Snapshot | None:
        if source_id not in self.cache:
            index, source = self.sources[source_id]
            self.cache[source_id] = None
            text = self._read(index, source)
            if text is not None:
                self.cache[source_id] = _Snapshot(normalise(text))
        return self.cache[source_id]

    def _read(self, index: int, source: Source) -> str | None:
        """The snapshot file's text, or None (and a problem) when it cannot be used."""
        name = source.snapshot
        assert name is not None
        path = self.folder / name
        where_path = ("sources", index, "snapshot")
        about = f"snapshot file '{name}' of source {source.id}"
        try:
            if name in (".", "..") or "/" in name or "\\" in name or not path.is_file():
                self.report.add(
                    where_path,
                    f"{about} is not in the snapshots folder {self.folder}",
                    "check the file name, or point --snapshots (DOSSIER_SNAPSHOTS, the plugin's "
                    "snapshots option) at the folder that holds it",
                )
                return None
            if path.stat().st_size > MAX_SNAPSHOT_BYTES:
                self.report.add(
                    where_path,
                    f"{about} is larger than {MAX_SNAPSHOT_BYTES // 1_000_000} MB",
                    "a snapshot is the plain text of one document",
                )
                return None
            return path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            self.report.add(where_path, f"{about} is not UTF-8 text", "save the snapshot as plain UTF-8 text")
        except OSError as exc:
            self.report.add(
                where_path, f"{about} cannot be read: {exc.strerror or exc}", "check the file's permissions"
            )
        return None
