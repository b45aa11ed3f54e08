"""Build, serve and open the dossier site in Debian's Chromium.

Shared by the browser tests (``conftest.py``) and the screenshot command (``screenshots.py``):
a real ``mkdocs build --strict`` into a folder, a threaded ``http.server`` on 127.0.0.1, and
Chromium launched by Playwright with the flags this machine needs (no background networking,
so the browser itself never talks to another host).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
NODE_MODULES = REPO / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LOCAL_HOST = "127.0.0.1"

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


class BuildFailed(RuntimeError):
    """``mkdocs build`` exited non-zero; the message carries its output."""


def launch_args() -> dict[str, Any]:
    """Keyword arguments for ``playwright.chromium.launch``."""
    return {"executable_path": str(CHROMIUM), "headless": True, "args": list(CHROMIUM_ARGS)}


def mkdocs_build(
    config: Path,
    site_dir: Path,
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run a real ``mkdocs build --strict`` of ``config`` into ``site_dir``; return the process.

    ``env`` entries are added to the environment; an entry whose value is empty is removed
    (e.g. ``{"DOSSIER_SNAPSHOTS": ""}`` builds without snapshots).
    """
    run_env = dict(os.environ)
    run_env["NO_MKDOCS_2_WARNING"] = "1"
    for key, value in (env or {}).items():
        if value:
            run_env[key] = value
        else:
            run_env.pop(key, None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["--config-file", str(config), "--site-dir", str(site_dir)]
    return subprocess.run(
        command,
        cwd=cwd or config.parent,
        env=run_env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def build_or_raise(config: Path, site_dir: Path, **kwargs: Any) -> Path:
    proc = mkdocs_build(config, site_dir, **kwargs)
    if proc.returncode != 0:
        raise BuildFailed(f"mkdocs build --strict failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def bind_server(directory: Path) -> http.server.ThreadingHTTPServer:
    """A threaded static server for ``directory`` bound to a free port on 127.0.0.1 (not yet serving).

    Binding first lets the caller know the address before the site is built into ``directory``.
    """
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    server.daemon_threads = True
    return server


def server_url(server: http.server.ThreadingHTTPServer) -> str:
    port = server.server_address[1]
    return f"http://{LOCAL_HOST}:{port}/"


@contextmanager
def serving(server: http.server.ThreadingHTTPServer) -> Iterator[str]:
    """Serve in a background thread while the block runs; yield the base URL."""
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield server_url(server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@contextmanager
def built_and_served(config: Path, site_dir: Path, **build_kwargs: Any) -> Iterator[str]:
    """Build ``config`` into ``site_dir`` with ``site_url`` set to the served address, then serve it."""
    site_dir.mkdir(parents=True, exist_ok=True)
    server = bind_server(site_dir)
    try:
        env = dict(build_kwargs.pop("env", None) or {})
        env.setdefault("SITE_URL", server_url(server))
        build_or_raise(config, site_dir, env=env, **build_kwargs)
    except BaseException:
        server.server_close()
        raise
    with serving(server) as url:
        yield url


def is_local(url: str) -> bool:
    """True for URLs that stay on this machine's site server (or never touch the network)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname == LOCAL_HOST


@dataclass
class Monitor:
    """Everything the browser did that a test must know about: requests, console, dialogs."""

    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str, str]] = field(default_factory=list)  # (type, text, page url)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[tuple[str, str]] = field(default_factory=list)  # (type, message)

    def watch(self, context: Any) -> Any:
        """Record every request, console message, uncaught error and dialog of ``context``."""
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("console", self._on_console)
        context.on("weberror", lambda error: self.page_errors.append(str(error.error)))
        context.on("dialog", self._on_dialog)
        return context

    def _on_console(self, message: Any) -> None:
        page = message.page
        self.console.append((message.type, message.text, page.url if page else ""))

    def _on_dialog(self, dialog: Any) -> None:
        self.dialogs.append((dialog.type, dialog.message))
        with contextlib.suppress(Exception):  # the page may already be gone
            dialog.dismiss()

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]

    def console_errors(self) -> list[str]:
        return [f"{text} (on {url})" for kind, text, url in self.console if kind == "error"]

    def problems(self) -> list[str]:
        found = [f"request to another host: {url}" for url in self.foreign_requests()]
        found += [f"console error: {text}" for text in self.console_errors()]
        found += [f"uncaught page error: {text}" for text in self.page_errors]
        found += [f"dialog opened: {kind}: {text}" for kind, text in self.dialogs]
        return found


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for ``!ENV [NAME, default]``; other tags read as None."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    names = loader.construct_sequence(node)  # type: ignore[arg-type]
    for name in names[:-1]:
        if name in os.environ:
            return os.environ[name]
    return names[-1] if len(names) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_config() -> dict[str, Any]:
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def effective_repo_url() -> str:
    """The ``repo_url`` the site is built with (environment first, as ``!ENV`` reads it)."""
    return str(mkdocs_config()["repo_url"])


def dossier_claims_file() -> Path:
    for plugin in mkdocs_config().get("plugins", []):
        if isinstance(plugin, dict) and "dossier" in plugin:
            options = plugin["dossier"] or {}
            return REPO / options.get("claims", "claims.yaml")
    return REPO / "claims.yaml"
