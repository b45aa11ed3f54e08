"""`dossier init DIR`: a new dossier repository that builds strictly and passes `dossier check`
as written."""

from __future__ import annotations

from pathlib import Path

import yaml

from site_plugins.dossier.editors.init import TEMPLATE

from .conftest import Run

FILES = [
    ".github/pull_request_template.md",
    ".github/workflows/site.yml",
    ".gitignore",
    ".pre-commit-config.yaml",
    "README.md",
    "claims.yaml",
    "content/corrections.md",
    "content/editors/guide.md",
    "content/index.md",
    "content/methodology.md",
    "mkdocs.yml",
    "requirements.txt",
]


def files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_init_writes_a_dossier_that_passes_every_check(run: Run, tmp_path: Path) -> None:
    result = run("init", "newsroom", "--title", 'Road works: "what we know"')
    assert result.returncode == 0, result.stderr
    new = tmp_path / "newsroom"
    assert files(new) == FILES
    claims = (new / "claims.yaml").read_text(encoding="utf-8")
    records = yaml.safe_load(claims)
    assert records["dossier"]["title"] == 'Road works: "what we know"'
    assert [len(records[kind]) for kind in ("sources", "actors", "questions", "claims")] == [1, 1, 1, 1]
    assert claims.count("\n#") >= 5  # commented for the editors
    assert yaml.safe_load((new / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    first_screen = (new / "README.md").read_text(encoding="utf-8").splitlines()[:8]
    assert any("mkdocs serve" in line for line in first_screen)
    assert any("dossier check" in line for line in first_screen)

    check = run("check", cwd=new)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.splitlines()[-1] == "dossier check: every check passed"
    assert "2. strict build (mkdocs build --strict): ok" in check.stdout
    assert [p.name for p in new.iterdir() if p.name == "site"] == []  # built elsewhere


def test_init_dates_the_records_by_today(run: Run, tmp_path: Path) -> None:
    assert run("init", "later", "--today", "2099-06-01").returncode == 0
    claims = (tmp_path / "later" / "claims.yaml").read_text(encoding="utf-8")
    assert 'updated: "2099-06-01"' in claims and "@TODAY@" not in claims
    assert run("validate", "later/claims.yaml").returncode == 1  # in the future by the clock
    assert run("validate", "later/claims.yaml", "--today", "2099-06-01").returncode == 0


def test_init_never_writes_over_a_folder_with_files(run: Run, tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("init", "taken")
    assert result.returncode == 2
    assert "taken already exists and is not an empty folder; nothing was written" in result.stderr
    assert files(taken) == ["notes.txt"]


def test_the_template_has_no_token_left_unfilled(run: Run, tmp_path: Path) -> None:
    assert run("init", "fresh").returncode == 0
    for name in FILES:
        text = (tmp_path / "fresh" / name).read_text(encoding="utf-8")
        assert "@TITLE" not in text and "@TODAY@" not in text and "@ENGINE_VERSION@" not in text, name
    assert sorted(p.name for p in TEMPLATE.iterdir()) != []
