"""The JSON Schema for editors and the editors' field reference, both generated from ``model.py``.

``claims.schema.json`` (committed at the top of the repository) lets an editor's YAML tooling
(yaml-language-server, used by VS Code's YAML extension and many other editors) complete field
names, show each field's description on hover and mark mistakes as they type. It is generated
here from :class:`model.ClaimsFile` and never edited by hand: ``dossier schema`` rewrites it and
``dossier schema --check`` (and a test) fail when the committed copy has drifted from the model.

The schema declares JSON Schema draft 2020-12 but uses only keywords that draft-07 tools read the
same way (``$ref`` into ``$defs`` by JSON pointer, ``enum``, ``pattern``, ``anyOf`` ...), because
yaml-language-server implements draft-07. Enumerations carry ``enumDescriptions`` (read by the
VS Code family for completion) and list their values' meanings in ``description`` (for hover).

:func:`reference_markdown` writes the editors' reference page: every field of every record type
with whether it is required, its type in plain words, its allowed values and its description.

The meanings of enumeration values are the comments beside each member in ``model.py``; they are
read from the source, so the model stays the one place where they are written.
"""

from __future__ import annotations

import inspect
import io
import json
import re
import tokenize
from collections.abc import Iterator
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any

from markdown.extensions.toc import slugify
from pydantic import BaseModel

from ..records import model

SCHEMA_FILE = "claims.schema.json"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: A name, not an address: the schema is used from the repository, never fetched.
SCHEMA_ID = "urn:whatweknow:dossier:claims-schema"
SCHEMA_TITLE = "Dossier claim records (claims.yaml)"

# Keys of a schema object in the order they are written (others follow, sorted).
_KEY_ORDER = [
    "$schema",
    "$id",
    "title",
    "description",
    "$ref",
    "type",
    "enum",
    "enumDescriptions",
    "const",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "items",
    "minItems",
    "maxItems",
    "anyOf",
    "properties",
    "required",
    "additionalProperties",
    "default",
    "$defs",
]
# A backslash (not itself escaped) before a character that needs no escape in ECMA-262.
_NEEDLESS_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\([\"'<>#%&,:;=@_`~!])")

# ---------------------------------------------------------------------------
# Enumerations: value meanings from the comments in model.py
# ---------------------------------------------------------------------------


def _member_comments(enum_cls: type[Enum]) -> dict[str, str]:
    """Member name -> the comment written at the end of its line in the model's source."""
    try:
        source = inspect.getsource(enum_cls)
    except (OSError, TypeError):  # no source available (frozen build): no value meanings
        return {}
    comments: dict[str, str] = {}
    line_name: dict[int, str] = {}
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    for index, token in enumerate(tokens):
        if (
            token.type == tokenize.NAME
            and index + 1 < len(tokens)
            and tokens[index + 1].string == "="
            and token.start[1] > 0
            and token.start[0] not in line_name
        ):
            line_name[token.start[0]] = token.string
        elif token.type == tokenize.COMMENT and token.start[0] in line_name:
            comments[line_name[token.start[0]]] = token.string.lstrip("#").strip()
    return comments


def enum_meanings(enum_cls: type[Enum]) -> list[tuple[str | int, str]]:
    """Each allowed value of an enumeration with what it means, in declaration order.

    The meaning is the member's comment in ``model.py``; without one, the member's name in words
    when it says more than the value (``probably_true`` for credibility 2), else nothing.
    """
    comments = _member_comments(enum_cls)
    meanings: list[tuple[str | int, str]] = []
    for member in enum_cls:
        value = member.value
        meaning = comments.get(member.name, "")
        if not meaning and str(value) != member.name:
            words = member.name.replace("_", " ")
            if words != str(value):
                meaning = words
        meanings.append((value, meaning))
    return meanings


def _enum_classes() -> dict[str, type[Enum]]:
    return {
        name: obj
        for name, obj in vars(model).items()
        if inspect.isclass(obj) and issubclass(obj, Enum) and obj.__module__ == model.__name__
    }


def record_classes() -> list[type[BaseModel]]:
    """Every record type reachable from ``ClaimsFile``, the file itself first, in field order."""
    found: list[type[BaseModel]] = []

    def visit(cls: type[BaseModel]) -> None:
        if cls in found:
            return
        found.append(cls)
        for field in cls.model_fields.values():
            for inner in _model_types(field.annotation):
                visit(inner)

    visit(model.ClaimsFile)
    return found


def _model_types(annotation: Any) -> Iterator[type[BaseModel]]:
    if inspect.isclass(annotation) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _model_types(arg)


# ---------------------------------------------------------------------------
# JSON Schema
# ---------------------------------------------------------------------------


def _rst_to_markdown(text: str) -> str:
    return re.sub(r"``([^`]+)``", r"`\1`", text)


def _ordered(schema: Any) -> Any:
    """The same schema with every object's keys in one fixed order (deterministic output)."""
    if isinstance(schema, list):
        return [_ordered(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    rank = {key: index for index, key in enumerate(_KEY_ORDER)}
    out: dict[str, Any] = {}
    for key in sorted(schema, key=lambda k: (rank.get(k, len(rank)), k)):
        value = schema[key]
        if key in ("properties",):  # fields keep the model's order: the order editors write them
            out[key] = {name: _ordered(sub) for name, sub in value.items()}
        elif key == "$defs":
            out[key] = {name: _ordered(value[name]) for name in sorted(value)}
        elif key in ("enum", "required", "enumDescriptions", "default", "examples", "const"):
            out[key] = value
        else:
            out[key] = _ordered(value)
    return out


def _tidy_property(prop: dict[str, Any]) -> None:
    """Drop pydantic's generated titles (they only repeat the field name)."""
    prop.pop("title", None)
    for sub in prop.get("anyOf", []):
        sub.pop("title", None)
    items = prop.get("items")
    if isinstance(items, dict):
        items.pop("title", None)


def _walk(schema: Any) -> Iterator[dict[str, Any]]:
    if isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from _walk(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _walk(value)


def ecma_pattern(pattern: str) -> str:
    """A Python regular expression as JSON Schema tools read it (ECMA-262, Unicode mode).

    Python accepts escapes that ECMA-262 rejects in Unicode mode, such as ``\\"`` for a plain
    double quote; editors' tools would then ignore the whole pattern (or the whole schema).
    """
    return _NEEDLESS_ESCAPE.sub(r"\1\2", pattern)


def _fill_enum_description(definition: dict[str, Any], enum_cls: type[Enum]) -> None:
    meanings = enum_meanings(enum_cls)
    head = _rst_to_markdown(inspect.cleandoc(enum_cls.__doc__ or "")) if enum_cls.__doc__ else ""
    lines = [f"- `{value}`: {meaning}" if meaning else f"- `{value}`" for value, meaning in meanings]
    definition["description"] = (head + "\n\n" if head else "") + "\n".join(lines)
    definition["enumDescriptions"] = [meaning for _, meaning in meanings]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``claims.yaml``, for editors' tools (see the module's documentation)."""
    raw = model.ClaimsFile.model_json_schema()
    defs: dict[str, Any] = raw.pop("$defs", {})
    enums = _enum_classes()

    for name, definition in defs.items():
        if name in enums:
            _fill_enum_description(definition, enums[name])
    for definition in [raw, *defs.values()]:
        if definition.get("type") == "object":
            for prop in definition.get("properties", {}).values():
                _tidy_property(prop)
                if "description" not in prop:
                    described = _described_by_type(prop, defs)
                    if described:
                        prop["description"] = described
    for node in _walk([raw, defs]):
        # Every record forbids unknown fields: a typo like `sourcse:` is marked at once.
        if node.get("type") == "object" or "properties" in node:
            node["additionalProperties"] = False
        if isinstance(node.get("description"), str):
            node["description"] = _rst_to_markdown(node["description"])
        pattern = node.get("pattern")
        if isinstance(pattern, str):
            node["pattern"] = ecma_pattern(pattern)

    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        **raw,
        "title": SCHEMA_TITLE,
        "description": _rst_to_markdown(inspect.cleandoc(model.ClaimsFile.__doc__ or ""))
        + " Generated from the claim-record model; regenerate with `dossier schema`, never edit by hand.",
        "$defs": defs,
    }
    ordered: dict[str, Any] = _ordered(schema)
    return ordered


def _described_by_type(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    """A description for a field the model leaves undescribed: what its records or items are."""
    target = prop
    prefix = ""
    if prop.get("type") == "array" and isinstance(prop.get("items"), dict):
        target = prop["items"]
        prefix = "A list. Each item: "
    ref = target.get("$ref")
    text = ""
    if isinstance(ref, str):
        definition = defs.get(ref.rsplit("/", 1)[-1], {})
        text = str(definition.get("description", "")).split("\n\n")[0]
    elif target.get("pattern") == ecma_pattern(model.ID_PATTERN):
        text = "lower-case letters, digits and single hyphens."
    if not text:
        return ""
    if prefix:
        text = text[:1].lower() + text[1:]
    return prefix + text


def schema_text() -> str:
    """``claims.schema.json`` exactly as committed: stable, two-space indented, trailing newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path) -> bool:
    """Write the schema to ``path``; True when the file changed."""
    text = schema_text()
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    path.write_text(text, encoding="utf-8", newline="\n")
    return True


def schema_is_current(path: Path) -> bool:
    """True when the file at ``path`` is exactly what :func:`schema_text` generates."""
    try:
        return path.read_bytes() == schema_text().encode("utf-8")
    except OSError:
        return False


# ---------------------------------------------------------------------------
# The editors' reference
# ---------------------------------------------------------------------------

_TYPE_WORDS_BY_PATTERN = {  # patterns as they are in the schema
    ecma_pattern(model.ID_PATTERN): "id",
    ecma_pattern(model.DATE_PATTERN): "date (YYYY-MM-DD, or YYYY-MM / YYYY)",
    ecma_pattern(model.URL_PATTERN): "web address (http:// or https://)",
}


def _md_cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _count(n: int) -> str:
    return f"{n:,}"


def _type_words(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    """A field's type in plain words, from its JSON Schema."""
    options = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
    if len(options) != 1:
        return " or ".join(_type_words(p, defs) for p in options)
    sub = options[0]
    ref = sub.get("$ref")
    if isinstance(ref, str):
        name = ref.rsplit("/", 1)[-1]
        definition = defs[name]
        if "enum" in definition:
            return (
                "one of the words listed"
                if definition.get("type") == "string"
                else "one of the numbers listed"
            )
        article = "an" if name[:1] in "AEIOU" else "a"
        return f"{article} [{name}](#{slugify(name, '-')}) record"
    kind = sub.get("type")
    if kind == "array":
        items = _type_words(sub.get("items", {}), defs)
        size = ""
        low, high = sub.get("minItems"), sub.get("maxItems")
        if low is not None and low == high:
            size = f" (exactly {low})"
        elif low:
            size = f" (at least {low})"
        return f"list of: {items}{size}"
    if kind == "string":
        if "enum" in sub:
            return "one of the words listed"
        pattern = sub.get("pattern")
        if pattern in _TYPE_WORDS_BY_PATTERN:
            words = _TYPE_WORDS_BY_PATTERN[pattern]
            if words == "id" and sub.get("maxLength") and sub["maxLength"] < 80:
                limit = sub["maxLength"]
                words = f"tag (lower-case letters, digits and single hyphens, up to {limit} characters)"
            elif words == "id":
                words = "id (lower-case letters, digits and single hyphens)"
            return words
        if pattern == r"^[a-z]{2,3}$":
            return "language code (two or three lower-case letters, e.g. en)"
        if pattern:
            return "file name (letters, digits, dots, hyphens and underscores)"
        limit = sub.get("maxLength")
        if limit is not None and limit <= model.MAX_SHORT:
            return f"short text (up to {_count(limit)} characters)"
        if limit is not None:
            return f"text (up to {_count(limit)} characters)"
        return "text"
    if kind in ("number", "integer"):
        noun = "whole number" if kind == "integer" else "number"
        low, high = sub.get("minimum"), sub.get("maximum")
        if low is not None and high is not None:
            return f"{noun} from {_count(low)} to {_count(high)}"
        if low is not None:
            return f"{noun}, {_count(low)} or more"
        return noun
    if kind == "boolean":
        return "true or false"
    return str(kind or "value")


def _enum_ref(prop: dict[str, Any], defs: dict[str, Any]) -> str | None:
    """The name of the enumeration a field takes its values from, if any."""
    for sub in prop.get("anyOf", [prop]):
        target = sub.get("items", sub) if sub.get("type") == "array" else sub
        name = str(target.get("$ref", "")).rsplit("/", 1)[-1]
        if name in defs and "enum" in defs[name]:
            return name
    return None


def _enum_heading(name: str) -> str:
    """``SourceKind`` -> ``Source kind``."""
    words = re.findall(r"[A-Z][a-z0-9]*", name)
    return " ".join([words[0], *(w.lower() for w in words[1:])]) if words else name


def _allowed_words(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    options = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
    values: list[Any] = []
    for sub in options:
        if sub.get("type") == "array" and isinstance(sub.get("items"), dict):
            sub = sub["items"]
        target = defs.get(str(sub.get("$ref", "")).rsplit("/", 1)[-1], sub)
        values.extend(target.get("enum", []))
    text = ", ".join(f"`{v}`" for v in values)
    enum_name = _enum_ref(prop, defs)
    if enum_name and any(meaning for _, meaning in enum_meanings(_enum_classes()[enum_name])):
        text += f" ([what they mean](#{slugify(_enum_heading(enum_name), '-')}))"
    return text


def _default_words(field: Any) -> str:
    if field.is_required():
        return ""
    if field.default_factory is not None:
        return ""
    default = field.default
    if default is None:
        return ""
    if isinstance(default, Enum):
        default = default.value
    if isinstance(default, bool):
        default = "true" if default else "false"
    return f" Default: `{default}`."


@lru_cache(maxsize=1)
def reference_markdown() -> str:
    """The editors' reference to ``claims.yaml``: every field of every record type, as Markdown
    (made once per process: it reads the model's source code)."""
    schema = json_schema()
    defs: dict[str, Any] = schema["$defs"]
    out: list[str] = [
        "# The fields of claims.yaml",
        "",
        "This page is generated from the claim-record model, like `claims.schema.json` (which gives "
        "editors completion and inline errors in their editor). It lists every field of every "
        "record type: whether it is required, what it holds and which values it allows. A field "
        "that is not listed here is an error: check its spelling.",
        "",
    ]
    enums_used: dict[str, list[str]] = {}
    for cls in record_classes():
        name = cls.__name__
        definition = schema if cls is model.ClaimsFile else defs[name]
        title = "The file as a whole" if cls is model.ClaimsFile else name
        out += [f"## {title}", ""]
        doc = _rst_to_markdown(inspect.cleandoc(cls.__doc__ or ""))
        if doc:
            out += [doc, ""]
        out += [
            "| Field | Required | Type | Allowed values | Description |",
            "| --- | --- | --- | --- | --- |",
        ]
        properties: dict[str, Any] = definition["properties"]
        for field_name, field in cls.model_fields.items():
            prop = properties[field_name]
            enum_name = _enum_ref(prop, defs)
            if enum_name:
                enums_used.setdefault(enum_name, []).append(f"`{field_name}` of {title}")
            required = "required" if field.is_required() else "optional"
            description = str(prop.get("description", "")).split("\n\n")[0]
            cells = [
                f"`{field_name}`",
                required,
                _md_cell(_type_words(prop, defs)),
                _md_cell(_allowed_words(prop, defs)),
                _md_cell(description + _default_words(field)),
            ]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    enums = _enum_classes()
    described = {
        name: users
        for name, users in enums_used.items()
        if any(meaning for _, meaning in enum_meanings(enums[name]))
    }
    if described:
        out += ["## What the allowed values mean", ""]
        for name, users in described.items():
            enum_cls = enums[name]
            out += [f"### {_enum_heading(name)}", ""]
            doc = _rst_to_markdown(inspect.cleandoc(enum_cls.__doc__ or ""))
            if doc and doc != "An enumeration.":
                out += [doc, ""]
            out += ["Used by " + ", ".join(users) + ".", ""]
            for value, meaning in enum_meanings(enum_cls):
                out.append(f"- `{value}`" + (f": {meaning}" if meaning else ""))
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
