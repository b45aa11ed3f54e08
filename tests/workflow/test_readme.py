"""Every command in the README works: each is checked here, or run by ``.ci/run``.

The commands are read from the README's ``sh`` code blocks, so a command added to the README
without a way to check it fails :func:`test_every_readme_command_is_covered`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import REPO

README = REPO / "README.md"
MAKEFILE = REPO / "Makefile"
BIN = Path(sys.executable).parent
SITE_ENV = ("SITE_URL", "REPO_URL", "EDIT_URI", "DOSSIER_SNAPSHOTS")
FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```\s*$", re.MULTILINE | re.DOTALL)
#: Upper-case words in a command stand for what the reader fills in (e.g. ARCHIVE_FOLDER).
PLACEHOLDER = re.compile(r"^[A-Z][A-Z0-9_]{2,}$")


def readme() -> str:
    return README.read_text(encoding="utf-8")


def sh_blocks(text: str) -> list[tuple[int, str]]:
    """(offset, body) of every ``sh`` code block."""
    return [
        (m.start(), m["body"])
        for m in FENCE.finditer(text)
        if m["lang"] in ("sh", "bash", "shell", "console")
    ]


def commands(body: str) -> list[str]:
    found = []
    for line in body.splitlines():
        line = re.sub(r"\s+#.*$", "", line).strip()
        if line and not line.startswith("#"):
            found.append(line)
    return found


def readme_commands() -> list[str]:
    return [command for _offset, body in sh_blocks(readme()) for command in commands(body)]


def make_targets() -> set[str]:
    return set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", MAKEFILE.read_text(encoding="utf-8"), re.MULTILINE))


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SITE_ENV}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(extra)
    return env


def run(
    args: list[str], cwd: Path = REPO, timeout: float = 300, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=clean_env(**env), capture_output=True, text=True, timeout=timeout, check=False
    )


# ---------------------------------------------------------------------------------------------
# The first screen
# ---------------------------------------------------------------------------------------------


def test_the_first_screen_has_exactly_the_two_commands() -> None:
    text = readme()
    first_heading = text.index("\n## ")
    blocks = [body for offset, body in sh_blocks(text) if offset < first_heading]
    assert len(blocks) == 1, "the first screen must hold one code block"
    assert commands(blocks[0]) == ["make serve", "make test"]
    assert len(text[:first_heading].splitlines()) <= 25, "the two commands must be on the first screen"


def test_the_readme_names_no_machine_paths() -> None:
    text = readme()
    for pattern in (r"/work/", r"/tmp/", r"/home/", r"/root\b", r"/opt/", r"/usr/", r"[A-Z]:\\"):
        assert not re.search(pattern, text), f"README names a machine path ({pattern})"


def test_the_readme_links_to_files_that_exist() -> None:
    text = readme()
    links = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text) + re.findall(r'<img src="([^"]+)"', text)
    local = [link for link in links if not re.match(r"^[a-z]+:", link)]
    assert local, "expected links to the editors' pages"
    for link in local:
        assert (REPO / link).exists(), f"README links to {link}, which does not exist"
    assert any(link.endswith(".png") for link in local), "the README shows no screenshot"


# ---------------------------------------------------------------------------------------------
# Each command, checked
# ---------------------------------------------------------------------------------------------


def check_make(argv: list[str]) -> None:
    target = argv[1]
    assert target in make_targets(), f"`make {target}`: no such target in the Makefile"
    dry = run(["make", "-n", target])
    assert dry.returncode == 0, f"`make -n {target}` failed:\n{dry.stdout}{dry.stderr}"
    recipe = dry.stdout
    expected = {
        "serve": "mkdocs serve",
        "test": "pytest",
        "lock": "requirements.lock",
        "build": "mkdocs build --strict",
    }.get(target)
    if expected:
        assert expected in recipe, f"`make {target}` does not run {expected!r}:\n{recipe}"
    if target == "test":
        ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
        assert re.search(r"^make test\b", ci, re.MULTILINE), ".ci/run must run the README's test command"


def check_dossier(argv: list[str]) -> None:
    dossier = str(BIN / "dossier")
    words = [w for w in argv[1:] if not w.startswith("-")]
    subcommand = words[:2] if words[:1] == ["new"] else words[:1]
    helped = run([dossier, *subcommand, "--help"])
    assert helped.returncode == 0, f"`dossier {' '.join(subcommand)} --help` failed:\n{helped.stderr}"
    for option in (w for w in argv if w.startswith("--")):
        assert option in helped.stdout, f"`dossier {' '.join(subcommand)}` has no option {option}"
    if subcommand == ["init"]:
        check_init(dossier, argv)
        return
    if subcommand == ["check"]:
        return  # the options are checked above; .ci/run runs it for real (`make check`)
    if any(PLACEHOLDER.match(w) for w in argv):
        snapshots = os.environ.get("DOSSIER_SNAPSHOTS")
        if not snapshots:
            return  # the option is checked above; .ci/run gives the folder, and then it runs for real
        argv = [snapshots if PLACEHOLDER.match(w) else w for w in argv]
    if subcommand == ["validate"]:
        done = run([dossier, *argv[1:]])
        assert done.returncode == 0, f"`{shlex.join(argv)}` reports problems:\n{done.stderr}"
        assert "valid" in done.stdout
    elif subcommand == ["new", "claim"]:
        check_new_claim(dossier, argv)
    else:
        pytest.fail(f"no check for `{shlex.join(argv)}`")


def check_init(dossier: str, argv: list[str]) -> None:
    """`dossier init NEW_FOLDER ...` writes a new dossier there (its checks: tests/editors)."""
    folder = Path(os.environ.get("PYTEST_README_TMP", "")) / "new-dossier"
    words = [str(folder) if w == "NEW_FOLDER" else w for w in argv[1:]]
    done = run([dossier, *words])
    assert done.returncode == 0, f"`{shlex.join(argv)}` failed:\n{done.stdout}{done.stderr}"
    assert (folder / "claims.yaml").is_file() and (folder / "mkdocs.yml").is_file()


def check_new_claim(dossier: str, argv: list[str], tmp: Path | None = None) -> None:
    work = Path(os.environ.get("PYTEST_README_TMP", "")) if tmp is None else tmp
    work.mkdir(parents=True, exist_ok=True)
    before = (REPO / "claims.yaml").read_bytes()
    (work / "claims.yaml").write_bytes(before)
    done = run([dossier, *argv[1:]], cwd=work)
    assert done.returncode == 0, f"`{shlex.join(argv)}` failed:\n{done.stdout}{done.stderr}"
    after = (work / "claims.yaml").read_bytes()
    assert len(after) > len(before), "no claim was added"
    assert (REPO / "claims.yaml").read_bytes() == before, "the repository's claims.yaml was changed"


def check_pre_commit(argv: list[str]) -> None:
    assert argv[1:] == ["install"], f"no check for `{shlex.join(argv)}`"
    work = Path(os.environ["PYTEST_README_TMP"]) / "repo"
    work.mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)
    shutil.copy(REPO / ".pre-commit-config.yaml", work)
    done = run([str(BIN / "pre-commit"), "install"], cwd=work, PRE_COMMIT_HOME=str(work.parent / "home"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert (work / ".git" / "hooks" / "pre-commit").is_file()


def check_python(argv: list[str]) -> None:
    """A script (benchmarks, screenshots): it exists and starts (its ``--help``), and a folder it is
    given exists. Running them is left to the benchmark runs and the browser tests (timings are
    not tests; the screenshots test takes the same pictures)."""
    target = argv[1:3] if argv[1] == "-m" else argv[1:2]
    if target[0] != "-m":
        assert (REPO / target[0]).is_file(), f"{target[0]} does not exist"
    for word in argv[len(target) + 1 :]:
        assert not word.startswith("-"), f"no check for the option {word} of `{shlex.join(argv)}`"
        assert (REPO / word).is_dir(), f"`{shlex.join(argv)}`: {word} is not a folder of the repository"
    helped = run([sys.executable, *target, "--help"], timeout=120)
    assert helped.returncode == 0, f"`python {' '.join(target)} --help` failed:\n{helped.stderr}"


def check_pybabel(argv: list[str]) -> None:
    """The catalogues' commands, for real on copies: ``extract`` gives the committed template,
    and ``update`` from it leaves every catalogue complete (nothing new, nothing fuzzy)."""
    from babel.messages.pofile import read_po

    work = Path(os.environ["PYTEST_README_TMP"])
    args = list(argv[1:])
    if args[0] == "extract":
        committed = REPO / args[args.index("-o") + 1]
        args[args.index("-o") + 1] = str(work / "dossier.pot")
        done = run([str(BIN / "pybabel"), *args], cwd=REPO)
        assert done.returncode == 0, done.stderr
        with (work / "dossier.pot").open("rb") as new, committed.open("rb") as old:
            assert [m.id for m in read_po(new)] == [m.id for m in read_po(old)], "the .pot is not current"
    elif args[0] == "update":
        folder = REPO / args[args.index("-d") + 1]
        shutil.copytree(folder, work / "locale")
        args[args.index("-d") + 1] = str(work / "locale")
        done = run([str(BIN / "pybabel"), *args], cwd=REPO)
        assert done.returncode == 0, done.stderr
        for po in sorted((work / "locale").glob("*/LC_MESSAGES/dossier.po")):
            with po.open("rb") as f:
                catalogue = read_po(f)
            untranslated = [
                m.id
                for m in catalogue
                if m.id and (m.fuzzy or not all(m.string if isinstance(m.string, tuple) else [m.string]))
            ]
            assert not untranslated, f"{po.parent.parent.name}: {untranslated}"
    else:
        pytest.fail(f"no check for `{shlex.join(argv)}`")


CHECKS: dict[str, Callable[[list[str]], None]] = {
    "pybabel": check_pybabel,
    "make": check_make,
    "dossier": check_dossier,
    "pre-commit": check_pre_commit,
    "python": check_python,
}


def checker(command: str) -> tuple[Callable[[list[str]], None] | None, list[str]]:
    argv = shlex.split(command)
    program = argv[0]
    if program.startswith(".venv/bin/"):
        program = program.removeprefix(".venv/bin/")
        assert (BIN / program).exists(), f"{argv[0]}: not installed by the set-up"
    return CHECKS.get(program), [program, *argv[1:]]


def test_every_readme_command_is_covered() -> None:
    found = readme_commands()
    assert "make serve" in found and "make test" in found
    uncovered = [c for c in found if checker(c)[0] is None]
    assert not uncovered, f"README commands no test checks: {uncovered}"


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_README_TMP", str(tmp_path))
    check, argv = checker(command)
    assert check is not None, f"no check for `{command}`"
    check(argv)


def test_an_unknown_command_is_not_covered() -> None:
    assert checker("rm -rf site")[0] is None
    assert commands("make serve   # comment\n# only a comment\n\nmake test\n") == ["make serve", "make test"]


# ---------------------------------------------------------------------------------------------
# `make serve` serves the dossier
# ---------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_make_serve_command_serves_the_dossier_on_127_0_0_1() -> None:
    """The command `make serve` runs (its set-up is already done here), for real."""
    dry = run(["make", "-n", "serve"])
    serve_line = next(line for line in dry.stdout.splitlines() if "mkdocs serve" in line)
    argv = [*shlex.split(serve_line), "--dev-addr", f"127.0.0.1:{_free_port()}"]
    address = f"http://{argv[-1]}/"
    server = subprocess.Popen(
        argv, cwd=REPO, env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 240
        page = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(address, timeout=5) as response:
                    page = response.read().decode("utf-8")
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        if page is None:
            server.terminate()
            log, _ = server.communicate(timeout=30)
            pytest.fail(f"`{shlex.join(argv)}` did not serve the site:\n{log[-4000:]}")
        assert "<title>" in page and "North Korea" in page, page[:500]
        assert "livereload" in page.lower(), "the page is not served with live reload"
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if server.stdout is not None:
            server.stdout.close()
