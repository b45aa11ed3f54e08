"""Benchmark: Lighthouse (mobile) on one page of each type, served as GitHub Pages serves them.

Run from the repository root:

    .venv/bin/python -m benchmarks.bench_lighthouse             # 3 runs per page, medians
    .venv/bin/python -m benchmarks.bench_lighthouse --runs 1 --pages home conflicts

It builds the dossier (``mkdocs build --strict``, with ``site_url`` set to the address it is
served at), serves the built folder on 127.0.0.1 the way GitHub Pages serves a site (text
files gzip-compressed when the browser asks for it, ``Cache-Control: max-age=600``, ETag and
Last-Modified, answers to conditional requests), and runs Lighthouse from npm
(``benchmarks/lighthouse/package-lock.json``, installed there with ``npm ci`` when missing) in
Debian's Chromium with its default mobile settings: a mid-range phone's screen, simulated slow
4G and a 4x slower CPU. For each page type (home, question, claim, contradiction table,
timeline, sources, who said what) it prints the median of ``--runs`` runs of the four category
scores (goal: performance >= 90, accessibility, best practices and SEO 100) and of the metrics
behind the performance score, the page's DOM size, and Lighthouse's measure of the machine's
speed (its CPU benchmark index: on a busy machine the blocking time, and so the score, is
worse than a reader's phone would see; run it on a quiet one).

This is a script, not a test: the scores depend on the machine. ``--json FILE`` keeps the
medians; ``--reports DIR`` keeps every Lighthouse report (JSON).
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import hashlib
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = Path(__file__).resolve().parent / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = Path("/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = {
    "first-contentful-paint": ("FCP", "ms"),
    "largest-contentful-paint": ("LCP", "ms"),
    "total-blocking-time": ("TBT", "ms"),
    "cumulative-layout-shift": ("CLS", ""),
    "speed-index": ("SI", "ms"),
    "dom-size": ("DOM nodes", ""),
}
#: What GitHub Pages compresses (by media type); everything else is sent as it is.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
#: GitHub Pages' cache lifetime for every file.
MAX_AGE = 600


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder as GitHub Pages does: gzip for text, Cache-Control, ETag, 304s."""

    protocol_version = "HTTP/1.1"
    _cache: ClassVar[dict[Path, tuple[bytes, bytes, str]]] = {}  # path -> (body, gzipped, etag)
    _lock = threading.Lock()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?", 1)[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        body, zipped, etag = self._read(path)
        ctype = self.guess_type(str(path))
        use_gzip = ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self._cache_headers(etag, path)
            self.end_headers()
            return None
        payload = zipped if use_gzip else body
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if use_gzip:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(payload)))
        self._cache_headers(etag, path)
        self.end_headers()
        return _Body(payload)

    def _not_found(self) -> None:
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def _cache_headers(self, etag: str, path: Path) -> None:
        self.send_header("Cache-Control", f"max-age={MAX_AGE}")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(path.stat().st_mtime, usegmt=True))

    @classmethod
    def _read(cls, path: Path) -> tuple[bytes, bytes, str]:
        with cls._lock:
            if path not in cls._cache:
                body = path.read_bytes()
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                cls._cache[path] = (body, gzip.compress(body, compresslevel=6, mtime=0), etag)
            return cls._cache[path]

    def copyfile(self, source: Any, outputfile: Any) -> None:
        outputfile.write(source.data)


class _Body:
    """What send_head returns for copyfile: the bytes to send."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def close(self) -> None:
        pass


class PagesServer(http.server.ThreadingHTTPServer):
    # http.server's backlog of 5 drops connections when a browser opens many at once.
    request_queue_size = 128
    daemon_threads = True


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1 while the block runs; yield its address."""
    server = PagesServer(("127.0.0.1", 0), functools.partial(PagesHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def page_types(claims_file: Path) -> dict[str, str]:
    """One site-relative address per page type, chosen from the records (never hard-coded)."""
    import yaml

    data = yaml.safe_load(claims_file.read_text(encoding="utf-8"))
    # The question and the claim with the most claims and citations: the longest pages.
    counts: dict[str, int] = {}
    for claim in data["claims"]:
        counts[claim["question"]] = counts.get(claim["question"], 0) + 1
    question = max(data["questions"], key=lambda q: (counts.get(q["id"], 0), q["id"]))
    claim = max(data["claims"], key=lambda c: (len(c["citations"]), c["id"]))
    return {
        "home": "",
        "question": f"questions/{question['id']}/",
        "claim": f"claims/{claim['id']}/",
        "conflicts": "conflicts/",
        "timeline": "timeline/",
        "sources": "sources/",
        "actors": "actors/",
    }


def build(site_dir: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}")


def ensure_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is needed to install Lighthouse (apt-get install nodejs npm)")
    command = [npm, "ci", "--no-audit", "--no-fund", "--silent"]
    subprocess.run(command, cwd=LIGHTHOUSE_DIR, check=True)


def lighthouse(url: str, report: Path) -> dict[str, Any]:
    """One Lighthouse run (mobile, its defaults) of ``url``; the parsed JSON report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)
    if proc.returncode != 0 or not report.exists():
        raise RuntimeError(f"lighthouse failed on {url} ({proc.returncode}):\n{proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


def readings(report: dict[str, Any]) -> dict[str, float]:
    """Category scores (0-100) and metric values of one report."""
    out = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    for audit in METRICS:
        out[audit] = float(report["audits"][audit].get("numericValue") or 0)
    # Lighthouse's own measure of the machine's speed (its throttling assumes about 1,000+).
    out["benchmark-index"] = float(report["environment"]["benchmarkIndex"])
    return out


def failing_audits(report: dict[str, Any]) -> list[str]:
    """The audits below full marks in the categories whose goal is 100."""
    names = []
    for category in CATEGORIES[1:]:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                names.append(f"{category}: {ref['id']}")
    return names


def table(medians: dict[str, dict[str, float]]) -> str:
    heads = ["page", *CATEGORIES] + [label for label, _unit in METRICS.values()]
    lines = [" | ".join(heads), " | ".join("---" for _ in heads)]
    for page, values in medians.items():
        cells = [page] + [f"{values[c]:.0f}" for c in CATEGORIES]
        for audit, (_label, unit) in METRICS.items():
            value = values[audit]
            cells.append(
                f"{value:.3f}" if audit == "cumulative-layout-shift" else f"{value:,.0f}{unit and ' ' + unit}"
            )
        lines.append(" | ".join(cells))
    return "\n".join(f"| {line} |" for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_lighthouse", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median); default 3")
    parser.add_argument("--pages", nargs="*", help="page types to run (default: all)")
    parser.add_argument("--site", type=Path, help="serve this built site instead of building one")
    parser.add_argument("--json", type=Path, help="write the medians to this file")
    parser.add_argument("--reports", type=Path, help="keep every Lighthouse report (JSON) in this folder")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is needed (apt-get install chromium)")
    ensure_lighthouse()
    pages = page_types(ROOT / "claims.yaml")
    chosen = args.pages or list(pages)
    unknown = sorted(set(chosen) - set(pages))
    if unknown:
        sys.exit(f"unknown page types: {unknown}; known: {sorted(pages)}")
    with tempfile.TemporaryDirectory(prefix="dossier-lighthouse-") as tmp:
        folder = args.site or Path(tmp) / "site"
        reports = args.reports or Path(tmp) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        if args.site is None:
            folder.mkdir()
        with serve(folder) as url:
            if args.site is None:
                build(folder, url)
            medians: dict[str, dict[str, float]] = {}
            version = chromium = ""
            for name in chosen:
                runs = []
                for run in range(args.runs):
                    report = lighthouse(url + pages[name], reports / f"{name}-{run + 1}.json")
                    runs.append(readings(report))
                    version = report["lighthouseVersion"]
                    chromium = report["environment"]["hostUserAgent"].split("Chrome/")[-1].split(" ")[0]
                    chromium = f"Chromium {chromium}"
                    for problem in failing_audits(report):
                        print(f"  {name} run {run + 1}: {problem}", file=sys.stderr)
                medians[name] = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
                print(f"{name} ({pages[name] or 'home'}): {json.dumps(medians[name])}", file=sys.stderr)
    print(table(medians))
    index = statistics.median(values["benchmark-index"] for values in medians.values())
    print(
        f"Lighthouse {version}, {chromium}; median CPU benchmark index {index:.0f}, {args.runs} runs per page"
    )
    below = [
        f"{page} {category} {values[category]:.0f} < {goal}"
        for page, values in medians.items()
        for category, goal in GOALS.items()
        if values[category] < goal
    ]
    print("goals met" if not below else "below the goals: " + "; ".join(below))
    if args.json:
        args.json.write_text(json.dumps(medians, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
