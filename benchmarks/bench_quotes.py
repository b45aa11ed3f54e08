"""Benchmark: quote verification of generated dossiers of 1,000 and 10,000 claims.

Run from the repository root:

    .venv/bin/python benchmarks/bench_quotes.py             # 1,000 and 10,000 claims
    .venv/bin/python benchmarks/bench_quotes.py 10000 --runs 5

Each claim has two citations, spread over five made-up snapshot texts of about 6,000 words
(much longer than a news article, so the search is not flattered). Prints, per size, the median
time of ``quotes.verify_quotes`` with every quote right, with 5 % of them wrong (each miss then
searches for the closest passage), and with all of them wrong (closest-passage searches are
capped, so this stays bounded). Goal: a few seconds at most at 10,000 claims.

This is a script, not a test: timings depend on the machine, so no test asserts them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from site_plugins.dossier.checking.quotes import verify_quotes  # noqa: E402
from site_plugins.dossier.records.model import ClaimsFile  # noqa: E402

SOURCES = 5
WORDS_PER_SNAPSHOT = 6_000


def _snapshots(folder: Path, rng: random.Random) -> list[str]:
    vocabulary = [f"w{i}" for i in range(3_000)] + ["the", "a", "of", "troops", "said", "and"] * 200
    texts = []
    for s in range(SOURCES):
        words = [rng.choice(vocabulary) for _ in range(WORDS_PER_SNAPSHOT)]
        lines = [" ".join(words[i : i + 12]) for i in range(0, len(words), 12)]
        text = "\n".join(lines) + "\n"
        (folder / f"source-{s}.txt").write_text(text, encoding="utf-8")
        texts.append(" ".join(text.split()))
    return texts


def _dossier(claims: int, texts: list[str], miss_rate: float, rng: random.Random) -> ClaimsFile:
    records: list[dict[str, Any]] = []
    for i in range(claims):
        citations = []
        for _ in range(2):
            s = rng.randrange(SOURCES)
            text = texts[s]
            at = rng.randrange(len(text) - 200)
            quote = text[at : at + 120].split(" ", 1)[1].rsplit(" ", 1)[0]
            if rng.random() < miss_rate:
                quote = quote.replace(" ", " x ", 1)
            citations.append({"source": f"source-{s}", "quote": quote})
        records.append(
            {
                "id": f"claim-{i}",
                "question": "q",
                "statement": "s",
                "actor": "a",
                "made": "2024-10-01",
                "value": {"exactly": 1},
                "citations": citations,
                "status": "reported",
            }
        )
    raw = {
        "dossier": {"title": "t", "summary": "s", "updated": "2024-11-01"},
        "sources": [
            {
                "id": f"source-{s}",
                "outlet": "o",
                "headline": "h",
                "byline": "b",
                "kind": "original",
                "reliability": "B",
                "reliability_note": "n",
                "snapshot": f"source-{s}.txt",
            }
            for s in range(SOURCES)
        ],
        "actors": [],
        "questions": [],
        "claims": records,
    }
    return ClaimsFile.model_validate(raw)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        texts = _snapshots(folder, random.Random(7))
        print(f"{'claims':>8} {'citations':>10} {'wrong':>7} {'problems':>9} {'median s':>9}")
        for size in args.sizes:
            for rate in (0.0, 0.05, 1.0):
                data = _dossier(size, texts, rate, random.Random(size))
                times = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    problems = verify_quotes(data, folder, lambda path: (1, 1))
                    times.append(time.perf_counter() - start)
                print(
                    f"{size:>8,} {2 * size:>10,} {rate:>7.0%} {len(problems):>9,} "
                    f"{statistics.median(times):>9.2f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
