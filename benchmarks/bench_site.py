"""Benchmark: a generated dossier site against its "plain twin", at several sizes.

Run from the repository root:

    .venv/bin/python -m benchmarks.bench_site                       # 1,000 and 10,000 claims, 3 runs
    .venv/bin/python -m benchmarks.bench_site --sizes 200 --runs 1  # a quick look (about a minute)
    .venv/bin/python -m benchmarks.bench_site --sizes 1000 --profile  # and cProfile one dossier build

For each size N it writes (see ``benchmarks/synthetic.py``) a synthetic dossier of N claims
with snapshot texts (so quotes are verified, as in CI) and, once the first dossier build has
shown how many words a claim page carries, the plain twin: N hand-written-style Markdown pages
of the same number of words, out of the navigation, with the same mkdocs.yml minus the dossier
plugin. It then runs ``mkdocs build`` in subprocesses, alternating dossier and plain, ``--runs``
times each, and prints:

* the median wall time of each, the ratio of the medians, and each run's ratio dossier / plain
  (the two builds side by side). The first dossier build draws every social card; the later ones
  find the last site's cards and draw only the changed ones, as a deploy of the Pages workflow
  does (it keeps the cards between deploys): the goal, at most 1.15, is for the median of those
  later runs' ratios;
* the peak resident memory of each build (``wait4`` rusage of the build process);
* the size of the built site and of Material's search index (goal: under 5 MB at 10,000
  claims) with its entries per claim page, and whether every claim is found by the words of its
  statement;
* the largest claim page: its own HTML, the article the page adds to the theme's frame (goal:
  under 30 KB), and the whole file with the theme's header, navigation and footer;
* the time of our own phases, measured here in-process on the same file: loading
  (``load.load_file``), validation with quote verification (``validate.validate_located``),
  conflict analysis (``conflicts.analyse``) and rendering every generated page and download
  (``pages.DossierSite(...)``); goal: validation and analysis each under 1 s at 10,000 claims
  and growing at most 12 times from 1,000.

The generated sites are written under ``--workdir`` (default: a temporary folder, removed at
the end unless ``--keep``). This is a script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import site_shape, synthetic
from site_plugins.dossier.records.index import Index

ROOT = Path(__file__).resolve().parent.parent
GOAL_RATIO = 1.15
GOAL_INDEX_BYTES = 5_000_000
GOAL_PAGE_BYTES = 30_000
GOAL_PHASE_SECONDS = 1.0
GOAL_GROWTH = 12.0


#: Runs MkDocs with the dossier package imported from another folder (``--plugin-path``): that
#: folder goes first on ``sys.path`` and the editable install's import finder is set aside.
_BOOT = """
import runpy, sys
if __name__ == "__main__":  # not again in a process the build spawns
    sys.path.insert(0, sys.argv.pop(1))
    sys.meta_path[:] = [f for f in sys.meta_path if "__editable__" not in getattr(f, "__module__", "")]
    sys.argv[0] = "mkdocs"
    runpy.run_module("mkdocs", run_name="__main__")
"""


@dataclass
class Build:
    seconds: float
    max_rss_kb: int
    cpu_seconds: float = 0.0
    #: the plugin's "Social cards: N drawn, M unchanged ..." line: (drawn, of how many)
    cards: tuple[int, int] | None = None


@dataclass
class SiteReading:
    site_bytes: int = 0
    site_files: int = 0
    index_bytes: int = 0
    index_entries: int = 0
    #: The index as it would be with the plugin's ``search_quotes: false`` (claim pages' Evidence
    #: entries left out), worked out from this index.
    index_bytes_without_quotes: int = 0
    claim_entries_max: int = 0
    claim_entries_mean: float = 0.0
    claims_findable: int = 0
    claims_total: int = 0
    largest_claim_page: str = ""
    largest_claim_html: int = 0
    largest_claim_article: int = 0
    mean_claim_html: float = 0.0
    mean_claim_words: float = 0.0
    nav_links_to_claims: int = 0


@dataclass
class SizeResult:
    n: int
    dossier_builds: list[Build] = field(default_factory=list)
    plain_builds: list[Build] = field(default_factory=list)
    dossier: SiteReading = field(default_factory=SiteReading)
    plain: SiteReading = field(default_factory=SiteReading)
    in_process: dict[str, float] = field(default_factory=dict)
    conflicts: int = 0
    pairs_compared: int = 0
    claims_yaml_bytes: int = 0
    words_per_page: int = 0

    def median(self, which: str) -> float:
        builds = self.dossier_builds if which == "dossier" else self.plain_builds
        return statistics.median(b.seconds for b in builds) if builds else float("nan")

    def ratio(self) -> float:
        return self.median("dossier") / self.median("plain")

    def pair_ratios(self) -> list[float]:
        """Each run's dossier build over the plain build right after it (side by side, so
        that a machine slowing down or speeding up over the runs weighs on both alike)."""
        return [d.seconds / p.seconds for d, p in zip(self.dossier_builds, self.plain_builds, strict=False)]

    def rebuild_ratio(self) -> float:
        """The median of the pairs' ratios after the first: builds that find the last site's
        unchanged social cards, as every deploy of the Pages workflow does (it keeps them)."""
        later = self.pair_ratios()[1:]
        return statistics.median(later) if later else float("nan")

    def median_cpu(self, which: str) -> float:
        builds = self.dossier_builds if which == "dossier" else self.plain_builds
        return statistics.median(b.cpu_seconds for b in builds) if builds else float("nan")

    def peak_rss(self, which: str) -> int:
        builds = self.dossier_builds if which == "dossier" else self.plain_builds
        return max((b.max_rss_kb for b in builds), default=0)


# ---------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------


def mkdocs_build(site: Path, *, profile: Path | None = None, plugin_path: Path | None = None) -> Build:
    """``mkdocs build`` of ``site/mkdocs.yml`` into ``site/site`` in a subprocess."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    command = [sys.executable]
    if profile is not None:
        command += ["-m", "cProfile", "-o", str(profile)]
    if plugin_path is not None:
        boot = site.parent / "boot_mkdocs.py"
        boot.write_text(_BOOT, encoding="utf-8")
        command += [str(boot), str(plugin_path)]
    else:
        command += ["-m", "mkdocs"]
    command += ["build", "-f", str(site / "mkdocs.yml"), "-d", str(site / "site")]
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=site, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {site} (exit {proc.returncode}):\n{output[-4000:]}")
    return Build(
        seconds=seconds,
        max_rss_kb=int(usage.ru_maxrss),
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        cards=_cards_drawn(output),
    )


_CARDS_LINE = re.compile(r"Social cards: (\d+) drawn, (\d+) unchanged")


def _cards_drawn(output: str) -> tuple[int, int] | None:
    """(drawn, of how many) from the build's log, None when it does not say."""
    found = _CARDS_LINE.search(output)
    if found is None:
        return None
    drawn, unchanged = int(found.group(1)), int(found.group(2))
    return drawn, drawn + unchanged


def read_site(site_dir: Path, statements: dict[str, str]) -> SiteReading:
    """Sizes and shape of a built site; ``statements`` maps claim id -> statement."""
    reading = SiteReading()
    reading.site_bytes, reading.site_files = site_shape.tree_size(site_dir)
    index = site_shape.search_index(site_dir)
    reading.index_bytes = index.size
    reading.index_entries = len(index.docs)
    per_page = index.entries_for("claims/")
    # A claim page's quotes are the text of its entry (search_quotes: false leaves it empty).
    quotes = sum(
        len(json.dumps(entry.get("text", ""))) - 2 for entries in per_page.values() for entry in entries
    )
    reading.index_bytes_without_quotes = index.size - quotes
    counts = [len(v) for v in per_page.values()]
    reading.claim_entries_max = max(counts, default=0)
    reading.claim_entries_mean = statistics.fmean(counts) if counts else 0.0
    reading.claims_total = len(statements)
    reading.claims_findable = sum(
        1
        for claim_id, statement in statements.items()
        if site_shape.findable(statement, per_page.get(f"claims/{claim_id}/", []))
    )
    html_sizes: list[int] = []
    words: list[int] = []
    for claim_id in statements:
        page = site_dir / "claims" / claim_id / "index.html"
        text = page.read_text(encoding="utf-8")
        size = len(text.encode("utf-8"))
        html_sizes.append(size)
        article = site_shape.article_html(text)
        words.append(site_shape.visible_words(article))
        if size > reading.largest_claim_html:
            reading.largest_claim_html = size
            reading.largest_claim_page = f"claims/{claim_id}/"
            reading.largest_claim_article = len(article.encode("utf-8"))
        if len(html_sizes) == 1:
            reading.nav_links_to_claims = sum(1 for href in site_shape.nav_links(text) if "claims/" in href)
    reading.mean_claim_html = statistics.fmean(html_sizes)
    reading.mean_claim_words = statistics.fmean(words)
    return reading


# ---------------------------------------------------------------------------
# Our own phases, in-process
# ---------------------------------------------------------------------------


def time_phases(site: Path, repeat: int) -> tuple[dict[str, float], int, int]:
    """Best-of-``repeat`` CPU seconds of load, validate, analyse and render on ``site/claims.yaml``.

    CPU time of this process, not wall time: the phases are single-threaded, so on an idle
    machine the two agree, and on a shared one CPU time is the steadier reading."""
    from site_plugins.dossier.analysis import conflicts
    from site_plugins.dossier.checking import validate
    from site_plugins.dossier.reading import load

    claims = site / "claims.yaml"
    snapshots = site / "snapshots"
    times: dict[str, list[float]] = {"load": [], "validate": [], "analyse": [], "render": []}
    n_conflicts = pairs = 0
    for _ in range(repeat):
        # The two halves of validate.load_and_validate, as it runs them (garbage collector paused).
        with validate._gc_paused():
            start = time.process_time()
            loaded = load.load_file(claims)
            times["load"].append(time.process_time() - start)
            if loaded.located is None or loaded.problems:
                raise SystemExit(f"the generated dossier does not load: {loaded.problems[:5]}")
            start = time.process_time()
            data, problems = validate.validate_located(
                loaded.located, "claims.yaml", snapshots=snapshots if snapshots.is_dir() else None
            )
            times["validate"].append(time.process_time() - start)
        result = validate.ValidationResult(data=data, problems=problems, located=loaded.located)
        if problems or data is None:
            raise SystemExit(f"the generated dossier does not validate: {problems[:5]}")
        for _ in range(5):  # cheap, and the shortest of the phases: more samples
            start = time.process_time()
            analysis = conflicts.analyse(Index(result.data))
            times["analyse"].append(time.process_time() - start)
        n_conflicts, pairs = len(analysis.conflicts), analysis.pairs_compared
        try:
            from site_plugins.dossier.site.options import SiteOptions
            from site_plugins.dossier.site.pages import DossierSite
        except ImportError:
            continue
        start = time.process_time()
        # The charts drawn in this process, so that the time counts them.
        options = SiteOptions(site_name="bench", background_charts=False)
        rendered = DossierSite(result.data, options, line_of=result.line_of)
        rendered.pages()
        rendered.downloads()
        times["render"].append(time.process_time() - start)
    return {k: min(v) for k, v in times.items() if v}, n_conflicts, pairs


# ---------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------


def _kb(n: float) -> str:
    return f"{n / 1000:,.1f} KB"


def _mb(n: float) -> str:
    return f"{n / 1_000_000:,.2f} MB"


def _ok(flag: bool) -> str:
    return "ok" if flag else "MISSED"


def _cards_text(result: SizeResult) -> str:
    counts = [b.cards for b in result.dossier_builds]
    return ", ".join(f"{c[0]:,} / {c[1]:,}" if c else "?" for c in counts) or "?"


def report(results: list[SizeResult], runs: int) -> str:
    import material
    import mkdocs

    lines = [
        f"Dossier site vs plain twin — {dt.date.today().isoformat()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, MkDocs {mkdocs.__version__}, "
        f"Material {getattr(material, '__version__', '?')}; {runs} run(s) each, alternating; medians.",
        "",
    ]
    header = ["", *[f"N = {r.n:,}" for r in results]]
    rows: list[list[str]] = [
        ["claims.yaml", *[_mb(r.claims_yaml_bytes) for r in results]],
        ["conflicts found / pairs compared", *[f"{r.conflicts:,} / {r.pairs_compared:,}" for r in results]],
        ["dossier build (s)", *[f"{r.median('dossier'):.2f}" for r in results]],
        ["plain twin build (s)", *[f"{r.median('plain'):.2f}" for r in results]],
        ["ratio of the medians dossier/plain", *[f"{r.ratio():.2f}" for r in results]],
        [
            "ratio of each run's pair, run by run",
            *[", ".join(f"{x:.2f}" for x in r.pair_ratios()) for r in results],
        ],
        [
            "first build (every card drawn) / plain, run 1",
            *[f"{r.pair_ratios()[0]:.2f}" if r.pair_ratios() else "?" for r in results],
        ],
        [
            f"rebuild (cards unchanged) / plain, median of runs 2+ (goal ≤ {GOAL_RATIO})",
            *[f"{r.rebuild_ratio():.2f} {_ok(r.rebuild_ratio() <= GOAL_RATIO)}" for r in results],
        ],
        [
            "CPU time dossier / plain (s), ratio",
            *[
                f"{r.median_cpu('dossier'):.1f} / {r.median_cpu('plain'):.1f}, "
                f"{r.median_cpu('dossier') / r.median_cpu('plain'):.2f}"
                for r in results
            ],
        ],
        [
            "peak RSS dossier / plain (MB)",
            *[f"{r.peak_rss('dossier') / 1024:.0f} / {r.peak_rss('plain') / 1024:.0f}" for r in results],
        ],
        [
            "site size dossier / plain",
            *[f"{_mb(r.dossier.site_bytes)} / {_mb(r.plain.site_bytes)}" for r in results],
        ],
        [
            "search index dossier / plain",
            *[f"{_mb(r.dossier.index_bytes)} / {_mb(r.plain.index_bytes)}" for r in results],
        ],
        [
            "search index with search_quotes: false",
            *[_mb(r.dossier.index_bytes_without_quotes) for r in results],
        ],
        [
            "search entries per claim page (max / mean)",
            *[f"{r.dossier.claim_entries_max} / {r.dossier.claim_entries_mean:.1f}" for r in results],
        ],
        [
            "claims found by their statement words",
            *[f"{r.dossier.claims_findable:,} of {r.dossier.claims_total:,}" for r in results],
        ],
        [
            "words per claim page dossier / plain",
            *[f"{r.dossier.mean_claim_words:.0f} / {r.plain.mean_claim_words:.0f}" for r in results],
        ],
        [
            "claim page HTML mean dossier / plain",
            *[f"{_kb(r.dossier.mean_claim_html)} / {_kb(r.plain.mean_claim_html)}" for r in results],
        ],
        [
            f"largest claim page: its own HTML (goal < {GOAL_PAGE_BYTES // 1000} KB) / with the theme",
            *[
                f"{_kb(r.dossier.largest_claim_article)} "
                f"{_ok(r.dossier.largest_claim_article < GOAL_PAGE_BYTES)} "
                f"/ {_kb(r.dossier.largest_claim_html)}"
                for r in results
            ],
        ],
        ["nav links to claim pages", *[str(r.dossier.nav_links_to_claims) for r in results]],
        ["social cards drawn / of, each dossier build", *[_cards_text(r) for r in results]],
    ]
    for name in ("load", "validate", "analyse", "render"):
        rows.append(
            [
                f"in-process {name} (CPU s, best of runs)",
                *[f"{r.in_process.get(name, float('nan')):.3f}" for r in results],
            ]
        )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    goals = []
    for r in results:
        index_ok = r.n < 10_000 or r.dossier.index_bytes < GOAL_INDEX_BYTES
        goals.append(
            f"N={r.n:,}: search index {_mb(r.dossier.index_bytes)} "
            f"{'(goal < 5 MB at 10,000) ' + _ok(index_ok) if r.n >= 10_000 else ''}".rstrip()
        )
        for name in ("validate", "analyse"):
            took = r.in_process.get(name)
            if took is not None and r.n >= 10_000:
                goals.append(f"N={r.n:,}: {name} {took:.3f}s (goal < 1 s) {_ok(took < GOAL_PHASE_SECONDS)}")
    by_n = {r.n: r for r in results}
    if 1000 in by_n and 10_000 in by_n:
        for name in ("validate", "analyse"):
            a, b = by_n[1000].in_process.get(name), by_n[10_000].in_process.get(name)
            if a and b:
                goals.append(
                    f"{name} growth 1,000 -> 10,000: {b / a:.1f}x "
                    f"(goal ≤ {GOAL_GROWTH:.0f}x) {_ok(b / a <= GOAL_GROWTH)}"
                )
    return "\n".join([*lines, "", *goals])


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def run_size(
    n: int, runs: int, workdir: Path, *, profile: bool, seed: int, plugin_path: Path | None = None
) -> SizeResult:
    result = SizeResult(n=n)
    out = workdir / f"n{n}"
    print(f"[N={n:,}] generating the dossier", file=sys.stderr, flush=True)
    dossier = synthetic.write_dossier_site(n, out, seed=seed)
    result.claims_yaml_bytes = (dossier / "claims.yaml").stat().st_size
    statements = {c["id"]: c["statement"] for c in synthetic.make_dossier(n, seed).claims}
    plain: Path | None = None
    for run in range(runs):
        print(f"[N={n:,}] run {run + 1}/{runs}: dossier build", file=sys.stderr, flush=True)
        result.dossier_builds.append(mkdocs_build(dossier, plugin_path=plugin_path))
        if plain is None:
            result.dossier = read_site(dossier / "site", statements)
            result.words_per_page = round(result.dossier.mean_claim_words)
            print(f"[N={n:,}] plain twin: {result.words_per_page} words a page", file=sys.stderr, flush=True)
            plain = synthetic.write_plain_site(n, out, words=_plain_words(result.words_per_page), seed=seed)
        print(f"[N={n:,}] run {run + 1}/{runs}: plain build", file=sys.stderr, flush=True)
        result.plain_builds.append(mkdocs_build(plain))
        print(
            f"[N={n:,}]   dossier {result.dossier_builds[-1].seconds:.2f}s "
            f"(cards drawn / of: {result.dossier_builds[-1].cards}), "
            f"plain {result.plain_builds[-1].seconds:.2f}s",
            file=sys.stderr,
            flush=True,
        )
    assert plain is not None
    result.plain = read_site(plain / "site", statements)
    print(f"[N={n:,}] timing load/validate, analyse, render in-process", file=sys.stderr, flush=True)
    result.in_process, result.conflicts, result.pairs_compared = time_phases(
        dossier, repeat=max(1, min(runs, 3))
    )
    if profile:
        prof = workdir / f"dossier-{n}.prof"
        mkdocs_build(dossier, profile=prof, plugin_path=plugin_path)
        stats = pstats.Stats(str(prof))
        print(f"\n[N={n:,}] cProfile of one dossier build ({prof}), by cumulative time:")
        stats.sort_stats("cumulative").print_stats(45)
        print(f"[N={n:,}] by own time:")
        stats.sort_stats("tottime").print_stats(25)
    return result


def _plain_words(dossier_words: int) -> int:
    """Words to ask of the plain page generator so that its pages carry ``dossier_words``.

    The plain generator counts the Markdown words it writes; the rendered page shows about the
    same (headings, quotes and captions included), so the target is passed through unchanged.
    """
    return max(50, dossier_words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_site", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 10_000], help="claim counts (default 1000 10000)"
    )
    parser.add_argument("--runs", type=int, default=3, help="builds of each site per size (default 3)")
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where the sites go (default: a temporary folder)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated sites")
    parser.add_argument("--profile", action="store_true", help="also cProfile one dossier build per size")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--plugin-path",
        type=Path,
        default=None,
        help="import the dossier package (site_plugins/) from this folder instead of the installed one",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the raw results as JSON")
    args = parser.parse_args(argv)
    if args.plugin_path is not None:
        args.plugin_path = args.plugin_path.resolve()
        sys.path.insert(0, str(args.plugin_path))
        sys.meta_path[:] = [f for f in sys.meta_path if "__editable__" not in getattr(f, "__module__", "")]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        results = [
            run_size(
                n, args.runs, workdir, profile=args.profile, seed=args.seed, plugin_path=args.plugin_path
            )
            for n in args.sizes
        ]
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(report(results, args.runs))
    if args.json:
        args.json.write_text(json.dumps([_jsonable(r) for r in results], indent=2) + "\n", encoding="utf-8")
    return 0


def _jsonable(result: SizeResult) -> dict[str, Any]:
    data = asdict(result)
    data["median_dossier"] = result.median("dossier")
    data["median_plain"] = result.median("plain")
    return data


if __name__ == "__main__":
    sys.exit(main())
