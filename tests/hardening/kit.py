"""Shared pieces of the hardening tests: a small dossier of our own, the schema's free-text
fields, and a site project around a dossier (pages are read with ``html_reader``).

The dossier is written as Python data by :func:`dossier`, which takes the text of every
free-text field from a callback: the plain version reads like a (made-up) dossier, the hostile
version puts XSS vectors everywhere. Every optional text field is present, so a test can check
that it covers the whole schema.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from site_plugins.dossier.records.model import ClaimsFile

REPO = Path(__file__).resolve().parents[2]
HOME_PAGE = "# A test dossier\n\nMade-up records for the hardening tests.\n\n<!-- dossier:what-we-know -->\n"
SITE_URL = "http://127.0.0.1:8000/"

#: (record type, field, is_long) -> text
TextFor = Callable[[str, str, bool], str]


def plain_text(record: str, field: str, long: bool) -> str:
    return f"Plain {record} {field}."


def dossier(text: TextFor = plain_text) -> dict[str, Any]:
    """A valid dossier using every record type and every free-text field of the schema."""

    def long(record: str, field: str) -> str:
        return text(record, field, True)

    def short(record: str, field: str) -> str:
        return text(record, field, False)

    unit = short("Question", "unit")

    def source(sid: str, kind: str, copy_of: str | None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": sid,
            "outlet": short("Source", "outlet"),
            "headline": short("Source", "headline"),
            "byline": short("Source", "byline"),
            "published": "2024-10-20",
            "date_note": long("Source", "date_note"),
            "kind": kind,
            "url": f"https://example.org/{sid}",
            "archive_url": f"https://archive.example.org/{sid}",
            "snapshot": f"{sid}.txt",
            "reliability": "C",
            "reliability_note": long("Source", "reliability_note"),
            "notes": long("Source", "notes"),
            "correction": long("Source", "correction"),
        }
        if copy_of:
            out["copy_of"] = copy_of
        return out

    def claim(
        cid: str, question: str, actor: str, made: str, value: dict[str, Any], status: str, **links: Any
    ) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": cid,
            "question": question,
            "statement": long("Claim", "statement"),
            "actor": actor,
            "made": made,
            "value": value,
            "citations": [
                {"source": src, "quote": long("Citation", "quote"), "note": long("Citation", "note")}
                for src in ("first-report", "copy-of-first")
            ],
            "status": status,
            "confidence": "likely",
            "tags": ["test-tag"],
            "notes": long("Claim", "notes"),
            "correction": long("Claim", "correction"),
        }
        for key, other in links.items():
            out[key] = [{"claim": other, "note": long("Link", "note")}]
        return out

    return {
        "dossier": {
            "title": short("Dossier", "title"),
            "summary": long("Dossier", "summary"),
            "updated": "2024-11-01",
        },
        "sources": [
            source("first-report", "original", None),
            source("copy-of-first", "republication", "first-report"),
        ],
        "actors": [
            {
                "id": f"actor-{n}",
                "name": short("Actor", "name"),
                "role": short("Actor", "role"),
                "affiliation": short("Actor", "affiliation"),
                "kind": "person",
            }
            for n in (1, 2)
        ],
        "questions": [
            {
                "id": "how-many",
                "text": short("Question", "text"),
                "kind": "quantity",
                "status": "disputed",
                "assessment": long("Question", "assessment"),
                "assessed": "2024-11-01",
                "correction": long("Question", "correction"),
                "unit": unit,
                "scopes": ["sent"],
                "tags": ["numbers"],
            },
            {
                "id": "is-it-so",
                "text": short("Question", "text"),
                "kind": "yes-no",
                "status": "open",
                "assessment": long("Question", "assessment"),
                "assessed": "2024-11-01",
            },
            {
                "id": "which-one",
                "text": short("Question", "text"),
                "kind": "choice",
                "status": "settled",
                "assessment": long("Question", "assessment"),
                "assessed": "2024-11-01",
                "options": [
                    {"id": "first", "label": short("Option", "label"), "excludes": ["second"]},
                    {"id": "second", "label": short("Option", "label")},
                ],
                "multiple": True,
            },
        ],
        "claims": [
            claim(
                "few-sent",
                "how-many",
                "actor-1",
                "2024-10-20",
                {"exactly": 1500, "unit": unit, "scope": "sent", "as_of": "2024-10-20"},
                "reported",
            ),
            claim(
                "many-sent",
                "how-many",
                "actor-2",
                "2024-10-21",
                {"min": 10000, "scope": "sent", "as_of": "2024-10-21"},
                "disputed",
                contradicts="few-sent",
            ),
            {
                **claim("says-yes", "is-it-so", "actor-1", "2024-10-22", {"answer": "yes"}, "confirmed"),
                # Both its sources are one report (a copy): a warning the editors have reviewed.
                "acknowledged": [
                    {"warning": "confirmed-needs-two-origins", "note": long("Acknowledgement", "note")}
                ],
            },
            claim("says-no", "is-it-so", "actor-2", "2024-10-22", {"answer": "no"}, "denied"),
            claim("picks-first", "which-one", "actor-1", "2024-10-23", {"option": "first"}, "superseded"),
            claim(
                "picks-second",
                "which-one",
                "actor-2",
                "2024-10-24",
                {"option": "second"},
                "reported",
                supersedes="picks-first",
            ),
        ],
        "resolutions": [
            {"claims": ["few-sent", "many-sent"], "status": "open", "note": long("Resolution", "note")},
            {"claims": ["says-no", "says-yes"], "status": "resolved", "note": long("Resolution", "note")},
        ],
        "withdrawn": [{"claim": "taken-out", "note": long("Withdrawal", "note")}],
    }


def free_text_fields() -> dict[str, set[str]]:
    """Per record type of the schema: the fields that hold free text (strings with no pattern or
    enum: not ids, dates, addresses or words from a list)."""
    schema = ClaimsFile.model_json_schema()
    fields: dict[str, set[str]] = {}
    for name, definition in [("ClaimsFile", schema), *schema.get("$defs", {}).items()]:
        for prop, spec in definition.get("properties", {}).items():
            for option in spec.get("anyOf", [spec]):
                if option.get("type") == "string" and "pattern" not in option and "enum" not in option:
                    fields.setdefault(name, set()).add(prop)
    return fields


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking each ``!ENV [NAME, default]`` as its default."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        return items[-1] if items else None
    return None


_EnvLoader.add_constructor("!ENV", _env)


def project_config(project: Path) -> dict[str, Any]:
    """A project's ``mkdocs.yml``, each ``!ENV`` setting at its default."""
    with (project / "mkdocs.yml").open(encoding="utf-8") as f:
        loaded: dict[str, Any] = yaml.load(f, Loader=_EnvLoader)  # a SafeLoader with !ENV
    return loaded


def repo_config() -> dict[str, Any]:
    return project_config(REPO)


def write_project(
    root: Path,
    claims: dict[str, Any] | str,
    *,
    hooks: tuple[Path, ...] = (),
    strict: bool = True,
) -> Path:
    """A site like the repository's (theme, overrides, hooks, Markdown settings) around ``claims``.

    Returns the project folder (with ``mkdocs.yml``); quotes are not checked (no snapshots)."""
    repo = repo_config()
    theme = dict(repo["theme"])
    theme["custom_dir"] = str(REPO / theme.get("custom_dir", "overrides"))
    dossier_options: dict[str, Any] = {"claims": "claims.yaml"}
    config = {
        "site_name": "Hardening test dossier",
        "site_url": SITE_URL,
        "repo_url": "https://github.com/example/hardening",
        "edit_uri": "edit/main/content/",
        "docs_dir": "content",
        "strict": strict,
        "theme": theme,
        "extra": repo.get("extra", {}),
        "extra_css": repo.get("extra_css", []),
        "hooks": [str(REPO / h) for h in repo.get("hooks", [])] + [str(h) for h in hooks],
        "plugins": ["search", "tags", {"dossier": dossier_options}],
        "markdown_extensions": repo.get("markdown_extensions", []),
        "validation": repo.get("validation", {}),
    }
    content = root / "content"
    for css in repo.get("extra_css", []):
        target = content / css
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((REPO / "content" / css).read_bytes())
    content.mkdir(parents=True, exist_ok=True)
    (content / "index.md").write_text(HOME_PAGE, encoding="utf-8")
    (root / "claims.yaml").write_text(claims if isinstance(claims, str) else dump(claims), encoding="utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative POSIX path -> bytes)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
