"""Benchmark: load and validate generated claims files of 1,000 and 10,000 claims.

Run from the repository root:

    .venv/bin/python benchmarks/bench_validate.py            # 1,000 and 10,000 claims
    .venv/bin/python benchmarks/bench_validate.py 1000 30000 --runs 5
    .venv/bin/python benchmarks/bench_validate.py --profile 10000

The files are generated deterministically (same sizes give the same bytes) in a temporary
folder, shaped like a real dossier: quantity, yes/no and choice questions, claims citing one or
two sources, supersessions, wire copies and republications. Prints, per size, the file size and
the median time of loading alone and of load-and-validate as a whole (what editors, the CLI and
the site build pay), and the growth factor between the sizes. Goal: under 2 s at 10,000 claims,
growing linearly.

This is a script, not a test: timings depend on the machine, so no test asserts them.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from site_plugins.dossier.checking import rules as semantics  # noqa: E402
from site_plugins.dossier.checking.validate import _gc_paused, load_and_validate  # noqa: E402
from site_plugins.dossier.reading import load  # noqa: E402
from site_plugins.dossier.records.model import ClaimsFile  # noqa: E402

WORDS = [
    "officials",
    "said",
    "the",
    "troops",
    "were",
    "moved",
    "to",
    "the",
    "border",
    "region",
    "after",
    "training",
    "near",
    "the",
    "coast",
    "according",
    "to",
    "intelligence",
    "assessments",
    "shared",
    "with",
    "reporters",
    "on",
    "condition",
    "of",
    "anonymity",
]


def _sentence(seed: int, n: int) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(n)).capitalize() + "."


def generate(n_claims: int) -> str:
    """A valid claims file with ``n_claims`` claims (deterministic)."""
    n_sources = max(4, n_claims // 20)
    n_actors = max(3, n_claims // 25)
    n_questions = max(3, n_claims // 100)
    out: list[str] = [
        "# Generated for benchmarking; not real reporting.",
        "dossier:",
        '  title: "Benchmark dossier"',
        '  summary: "Generated claims for measuring the loader and validator."',
        '  updated: "2024-11-30"',
        "",
        "sources:",
    ]
    for s in range(n_sources):
        day = 1 + s % 28
        out += [
            f"  - id: source-{s}",
            f"    outlet: Outlet {s % 50}",
            f'    headline: "{_sentence(s, 8)}"',
            f"    byline: Reporter {s % 90}",
            f'    published: "2024-10-{day:02d}"',
        ]
        if s % 10 == 3:
            out += ["    kind: republication", f"    copy_of: source-{s - 1}"]
        elif s % 10 == 5:
            out += ["    kind: wire"]
        else:
            out += ["    kind: original"]
        out += [
            f"    url: https://example.org/news/{s}",
            "    reliability: B",
            f'    reliability_note: "{_sentence(s + 1, 12)}"',
        ]
    out += ["", "actors:"]
    for a in range(n_actors):
        out += [
            f"  - id: actor-{a}",
            f"    name: Actor {a}",
            f"    role: Spokesperson {a % 7}",
            f"    affiliation: Agency {a % 11}",
        ]
    out += ["", "questions:"]
    kinds = ["quantity", "yes-no", "choice"]
    for q in range(n_questions):
        kind = kinds[q % 3]
        out += [
            f"  - id: question-{q}",
            f'    text: "Question number {q}?"',
            f"    kind: {kind}",
            "    status: disputed",
            f'    assessment: "{_sentence(q, 20)}"',
            '    assessed: "2024-11-30"',
        ]
        if kind == "quantity":
            out += ["    unit: troops", "    scopes: [sent, pledged]", "    only_grows: true"]
        elif kind == "choice":
            out += [
                "    options:",
                "      - id: combat",
                "        label: Combat",
                "        excludes: [support]",
                "      - id: support",
                "        label: Support only",
                "    multiple: true",
            ]
    out += ["", "claims:"]
    for c in range(n_claims):
        q = c % n_questions
        kind = kinds[q % 3]
        day = 1 + c % 28
        out += [
            f"  - id: claim-{c}",
            f"    question: question-{q}",
            "    statement: >-",
            f"      {_sentence(c, 14)}",
            f"      {_sentence(c + 1, 12)}",
            f"    actor: actor-{c % n_actors}",
            f'    made: "2024-10-{day:02d}"',
            "    value:",
        ]
        if kind == "quantity":
            if c % 4 == 0:
                out += [f"      min: {1000 + c % 9000}", f"      max: {12000 + c % 9000}"]
            else:
                out += [f"      exactly: {1000 + c % 11000}"]
            out += [
                "      unit: troops",
                f"      scope: {'sent' if c % 5 else 'pledged'}",
                f'      as_of: "2024-10-{day:02d}"',
            ]
        elif kind == "yes-no":
            out += [f"      answer: {'yes' if c % 3 else 'no'}"]
        else:
            out += [f"      option: {'combat' if c % 2 else 'support'}"]
        out += [
            "    citations:",
            f"      - source: source-{c % n_sources}",
            f'        quote: "{_sentence(c + 3, 22)}"',
        ]
        if c % 3 == 0:
            out += [
                f"      - source: source-{(c + 7) % n_sources}",
                f'        quote: "{_sentence(c + 5, 18)}"',
            ]
        out += [
            f"    status: {'reported' if c % 4 else 'confirmed'}",
            "    confidence: likely",
            f"    credibility: {1 + c % 6}",
            f"    tags: [tag-{c % 13}, tag-{c % 7}]",
        ]
        if c >= 3 and c % 3 == 1:
            out += [f"    related: [claim-{c - 1}, claim-{c - 3}]"]
        if c % 3 == 2:
            out += ["    notes: >-", f"      {_sentence(c + 9, 16)}", f"      {_sentence(c + 11, 14)}"]
        if c >= n_questions and c % 17 == 0:
            out += [
                "    supersedes:",
                f"      - claim: claim-{c - n_questions}",
                "        note: Newer figure.",
            ]
    return "\n".join(out) + "\n"


def _measure(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``fn`` over ``runs`` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        gc.collect()
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        cpus.append(time.process_time() - c0)
        walls.append(time.perf_counter() - w0)
    return statistics.median(walls), statistics.median(cpus)


def _phases(path: Path) -> tuple[float, float, float]:
    """CPU seconds of the three passes, measured once: load, schema, dossier rules."""
    with _gc_paused():
        c0 = time.process_time()
        loaded = load.load_file(path)
        c1 = time.process_time()
        assert loaded.located is not None
        ClaimsFile.model_validate(loaded.located.data)
        c2 = time.process_time()
        semantics.check(loaded.located, path.name, dt.date.today())
        c3 = time.process_time()
    return c1 - c0, c2 - c1, c3 - c2


# Hostile files (the loader must refuse each within seconds, with a clear problem).
def _bombs(tmp: Path) -> dict[str, Path]:
    laughs = ['lol0: &a0 "lol"']
    laughs += [f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    files = {
        "billion laughs": "\n".join(laughs) + "\n",
        "nesting 100,000 deep": "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "50 MB file": "# padding\n" * (50 * 1024 * 1024 // 10),
        "10-million-character string": "a: " + "x" * 10_000_000 + "\n",
        "a million tiny values": "[" + "1," * 1_000_000 + "1]\n",
    }
    out = {}
    for i, (name, text) in enumerate(files.items()):
        path = tmp / f"bomb-{i}.yaml"
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


#: Loads one file in a fresh interpreter: prints the seconds it took and the first problem.
_ONE_FILE = """
import sys, time
from pathlib import Path
from site_plugins.dossier.checking.validate import load_and_validate
start = time.perf_counter()
result = load_and_validate(Path(sys.argv[1]))
print(time.perf_counter() - start)
# The peak resident memory of this interpreter since it started (not of the process before
# exec, which rusage would count: a fork of the benchmark holding its own large files).
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
print(result.problems[0].message if result.problems else "NO PROBLEM REPORTED")
"""
GOAL_BOMB_SECONDS = 5.0
GOAL_BOMB_MB = 250


def _in_fresh_process(path: Path) -> tuple[float, float, str]:
    """Seconds, peak resident memory (MB) and first problem of loading ``path`` in a new process."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _ONE_FILE, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    output = proc.stdout.read() if proc.stdout else ""
    if proc.wait() != 0:
        return float("nan"), float("nan"), "CRASHED"
    seconds, peak_kb, message = output.split("\n", 2)
    return float(seconds), int(peak_kb) / 1024, message.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5, help="runs per size (the median is shown)")
    parser.add_argument("--profile", type=int, metavar="N", help="profile one run at N claims instead")
    parser.add_argument("--no-bombs", action="store_true", help="skip the hostile-file timings")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if args.profile:
            path = tmp / "claims.yaml"
            path.write_text(generate(args.profile), encoding="utf-8")
            prof = cProfile.Profile()
            prof.enable()
            result = load_and_validate(path)
            prof.disable()
            assert result.ok, result.problems[:5]
            pstats.Stats(prof).sort_stats("tottime").print_stats(25)
            return 0

        rows = []
        for n in args.sizes:
            path = tmp / f"claims-{n}.yaml"
            path.write_text(generate(n), encoding="utf-8")
            result = load_and_validate(path)
            if not result.ok:
                print(f"generated file of {n} claims is invalid:", *result.problems[:5], sep="\n  ")
                return 1
            wall, cpu = _measure(lambda p=path: load_and_validate(p), args.runs)  # type: ignore[misc]
            rows.append((n, path.stat().st_size, wall, cpu, *_phases(path)))

        bombs = []
        if not args.no_bombs:
            small = tmp / "small.yaml"
            small.write_text(generate(10), encoding="utf-8")
            seconds, mb, message = _in_fresh_process(small)
            bombs.append(
                ("(baseline: 10 valid claims)", seconds, mb, "valid" if "NO PROBLEM" in message else message)
            )
            for name, path in _bombs(tmp).items():
                bombs.append((name, *_in_fresh_process(path)))

    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load_avg:.1f}; "
        f"median of {args.runs} runs of load_and_validate"
    )
    print(
        f"{'claims':>8} {'file MB':>8} {'wall s':>7} {'CPU s':>7} {'µs/claim':>9} "
        f"{'load':>6} {'schema':>7} {'rules':>6}  (CPU s per pass)"
    )
    print(
        "(CPU: this process only; a file over 1 MB has the later part of its claims parsed in a second one)"
    )
    for n, size, wall, cpu, t_load, t_schema, t_rules in rows:
        print(
            f"{n:>8,} {size / 1e6:>8.2f} {wall:>7.3f} {cpu:>7.3f} {cpu / n * 1e6:>9.1f} "
            f"{t_load:>6.3f} {t_schema:>7.3f} {t_rules:>6.3f}"
        )
    if len(rows) > 1:
        (n0, _, w0, c0, *_), (n1, _, w1, c1, *_) = rows[0], rows[-1]
        print(f"growth {n0:,} -> {n1:,} claims (x{n1 / n0:.0f}): wall x{w1 / w0:.1f}, CPU x{c1 / c0:.1f}")
    if bombs:
        print(
            f"\nHostile files, each loaded in a fresh process (goal: refused within "
            f"{GOAL_BOMB_SECONDS:.0f} s, peak memory under {GOAL_BOMB_MB} MB):"
        )
        for name, wall, mb, message in bombs:
            ok = wall < GOAL_BOMB_SECONDS and mb < GOAL_BOMB_MB
            print(f"  {name:<30} {wall:>6.2f} s {mb:>6.0f} MB {'ok' if ok else 'MISSED'}  {message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
