"""Benchmark: what a one-claim edit costs under ``mkdocs serve``, and where the time goes.

Run from the repository root:

    .venv/bin/python -m benchmarks.bench_rebuild                       # 1,000 and 10,000 claims
    .venv/bin/python -m benchmarks.bench_rebuild --sizes 100 --runs 1  # a quick look

For each size N it writes a synthetic dossier (``benchmarks/synthetic.py``, with snapshots, so
quotes are verified as in CI) and builds it in this process the way ``mkdocs serve`` does: the
plugins started once with the ``serve`` command, a fresh configuration for every build, the
same site folder. It times, side by side in one run, ``--runs`` times each:

* a full build: the plugins started again (so nothing is kept from an earlier build, as on the
  first build of ``mkdocs serve``, and as on every save before the plugin kept its pages);
* then a rebuild after a one-claim edit (the statement of one claim), which takes the pages
  whose inputs did not change from the full build before it (see ``adapter/rebuild.py``);

each a second after the build before, as an editor's saves are apart;

and prints the medians, the ratio edit / full (the goal: at most 0.2 at 1,000 claims and 0.1 at
10,000) and, from a profile of one more rebuild, the share of its time in each part:

* the dossier plugin (``site_plugins``: reading, checking, analysing, rendering its pages);
* MkDocs turning each page's Markdown into HTML (``_populate_page``);
* the theme rendering each page into its template (``_build_page``: Material's frame, its
  navigation and search data);
* the search plugin writing its index (``on_post_build``);
* the rest (copying files, the sitemap, plugins' other events).

With ``--serve`` it also runs the real ``mkdocs serve`` on the dossier and times, from the
moment the edited ``claims.yaml`` is saved, how long until the edited claim's page is in hand as
a browser showing it gets it: waiting on the live-reload address the server put in the page
(which answers once the new build is in place), then loading the page again (``--serve-runs``
edits, 5 by default, each a second after the last was served); beside the full first build and
the rebuilds the server logs.

This is a script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from benchmarks import synthetic

GOALS = {1000: 0.2, 10000: 0.1}
#: Seconds between one build and the next save, as between an editor's saves (the plugin frees
#: the last build's pages half a second after it: adapter/rebuild.py, Rebuild.let_go).
PAUSE_SECONDS = 1.0
#: The live-reload script MkDocs' server puts in every page it serves: the build it shows.
LIVE_RELOAD = re.compile(r"livereload\((\d+), (\d+)\);")
SERVE_URL = "http://127.0.0.1:8000/"
#: MkDocs' per-page steps, with the plugin's events that run inside each.
STEPS = {
    "Markdown to HTML (_populate_page)": ("_populate_page", ("page_markdown", "page_content")),
    "theme template (_build_page)": ("_build_page", ("page_context", "post_page")),
}


class Timed:
    """The wall time of each of the dossier plugin's events, summed over a build."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, config) -> None:  # type: ignore[no-untyped-def]
        for event, methods in config.plugins.events.items():
            for i, method in enumerate(methods):
                owner = getattr(method, "__self__", None)
                if owner is not None and type(owner).__module__.startswith("site_plugins."):
                    methods[i] = self._timed(event, method)

    def _timed(self, event, method):  # type: ignore[no-untyped-def]
        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds[event] = self.seconds.get(event, 0.0) + time.perf_counter() - start

        return timed


class Served:
    """A dossier project built as ``mkdocs serve`` builds it (plugins kept between builds)."""

    def __init__(self, project: Path, site_dir: Path) -> None:
        self.project = project
        self.site_dir = site_dir
        self.timed: Timed | None = None
        self.config = self._config()
        self.config.plugins.on_startup(command="serve", dirty=False)

    def _config(self):  # type: ignore[no-untyped-def]
        config = load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.site_dir))
        config.site_url = SERVE_URL
        if self.timed is not None:
            self.timed.wrap(config)
        return config

    def restart(self) -> None:
        """Start the plugins again: a build after this keeps nothing from the builds before."""
        self.config.plugins.on_shutdown()
        self.config = self._config()
        self.config.plugins.on_startup(command="serve", dirty=False)

    def build(self) -> float:
        start = time.perf_counter()
        build(self._config(), serve_url=SERVE_URL)
        return time.perf_counter() - start

    def close(self) -> None:
        self.config.plugins.on_shutdown()


def _claim_to_edit(claims: Path) -> str:
    """The id of the claim :func:`_edit` edits."""
    text = claims.read_text(encoding="utf-8")
    at = text.index("    statement: ", len(text) // 2)
    return str(re.findall(r"- id: \"?([^\"\s]+)", text[:at])[-1])


def _edit(claims: Path, n: int) -> str:
    """Change the statement of one claim (the same claim, another text each time); its id."""
    text = claims.read_text(encoding="utf-8")
    at = text.index("    statement: ", len(text) // 2)
    end = text.index("\n", at)
    claims.write_text(f'{text[:at]}    statement: "Edited claim, version {n}."{text[end:]}', encoding="utf-8")
    return str(re.findall(r"- id: \"?([^\"\s]+)", text[:at])[-1])


def in_the_browser(project: Path, runs: int) -> None:
    """The real ``mkdocs serve``: seconds from a save to the edited page being served."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mkdocs = Path(sys.executable).with_name("mkdocs")
    server = subprocess.Popen(
        [str(mkdocs), "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    built: list[float] = []
    serving = threading.Event()

    def read_log() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            if found := re.search(r"Documentation built in ([0-9.]+) seconds", line):
                built.append(float(found.group(1)))
            if "Serving on" in line:
                serving.set()

    threading.Thread(target=read_log, daemon=True).start()
    try:
        if not serving.wait(timeout=1800):
            raise SystemExit("mkdocs serve did not start")
        seen = []
        base = f"http://127.0.0.1:{port}"
        for i in range(runs):
            time.sleep(PAUSE_SECONDS)  # the editor reads the page, then saves
            claim_id = _claim_to_edit(project / "claims.yaml")
            url = f"{base}/claims/{claim_id}/"
            # As the browser showing the page: it waits on the live-reload address the server
            # put in the page, which answers once a newer build is in place; then it reloads.
            reload_at = LIVE_RELOAD.search(_get(url))
            if reload_at is None:
                raise SystemExit(f"no live reload in {url}")
            epoch, request = reload_at.groups()
            _edit(project / "claims.yaml", 1000 + i)
            start = time.perf_counter()
            while True:
                newer = _get(f"{base}/livereload/{epoch}/{request}").strip()
                if newer.isdigit() and int(newer) > int(epoch):
                    epoch = newer
                    if f"Edited claim, version {1000 + i}." in _get(url):
                        break
                if time.perf_counter() - start > 300:
                    raise SystemExit(f"the edit did not show at {url}")
            seen.append(time.perf_counter() - start)
        time.sleep(PAUSE_SECONDS)  # the last build's log line read before the server stops
    finally:
        server.terminate()
        server.wait(timeout=60)
    first = built[0] if built else float("nan")
    edit = statistics.median(seen)
    rebuilds = ", ".join(f"{b:.2f}" for b in built[1:])
    print(
        f"    mkdocs serve: first (full) build {first:.2f} s; a saved edit served after {edit:.2f} s "
        f"(median of {len(seen)}), ratio {edit / first:.3f}; the server's rebuilds took {rebuilds} s"
    )


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=600) as response:
            return str(response.read().decode("utf-8", "replace"))
    except OSError:
        return ""


def _report(profile: cProfile.Profile, total: float, plugin: dict[str, float]) -> None:
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    ours = sum(plugin.values())
    print(f"    dossier plugin, all events       {ours:6.2f} s  {ours / total:6.1%}")
    for event, seconds in sorted(plugin.items(), key=lambda kv: -kv[1])[:6]:
        print(f"      on_{event:<28} {seconds:6.2f} s")
    rest = total - ours
    for step, (function, inside) in STEPS.items():
        cumulative = sum(
            ct
            for (file, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.items()
            if name == function and file.endswith("mkdocs/commands/build.py")
        )
        own = max(0.0, cumulative - sum(plugin.get(e, 0.0) for e in inside))
        rest -= own
        print(f"    {step:<33} {own:6.2f} s  {own / total:6.1%}")
    print(f"    the rest (files, search, sitemap) {max(rest, 0.0):6.2f} s  {max(rest, 0.0) / total:6.1%}")
    print(f"    (one rebuild, profiled: {total:.2f} s)")


def run(n: int, runs: int, workdir: Path, serve: bool = False, serve_runs: int = 5) -> None:
    project = synthetic.write_dossier_site(n, workdir / f"n{n}")
    served = Served(project, workdir / f"site{n}")
    claims = project / "claims.yaml"
    try:
        fulls, edits = [], []
        served.build()  # warm: imports, the templates compiled
        for i in range(runs):
            time.sleep(PAUSE_SECONDS)
            served.restart()
            fulls.append(served.build())
            time.sleep(PAUSE_SECONDS)
            _edit(claims, i)
            edits.append(served.build())
        profile = cProfile.Profile()
        time.sleep(PAUSE_SECONDS)
        _edit(claims, runs)
        served.timed = Timed()
        start = time.perf_counter()
        profile.enable()
        served.build()
        profile.disable()
        profiled = time.perf_counter() - start
    finally:
        served.close()
    full, edit = statistics.median(fulls), statistics.median(edits)
    goal = GOALS.get(n)
    verdict = f" (goal: at most {goal})" if goal else ""
    ratio = edit / full
    print(f"{n:,} claims: full build {full:.2f} s, one-claim edit {edit:.2f} s, ratio {ratio:.3f}{verdict}")
    _report(profile, profiled, served.timed.seconds if served.timed else {})
    if serve:
        in_the_browser(project, serve_runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--serve", action="store_true", help="also time edits under the real mkdocs serve")
    parser.add_argument("--serve-runs", type=int, default=5, help="edits timed under mkdocs serve")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-rebuild-") as tmp:
        for n in args.sizes:
            run(n, args.runs, Path(tmp), serve=args.serve, serve_runs=args.serve_runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
