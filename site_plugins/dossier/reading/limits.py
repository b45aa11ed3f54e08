"""Limits that keep a hostile or broken input file from exhausting time or memory.

A dossier of 10,000 claims is about 9 MB and 220,000 values; the limits leave room for more than
twice that, while making sure that a file built to hurt the build (a huge file, deep nesting,
millions of tiny values, one enormous string) fails within seconds with a clear message.
Anchors and aliases are refused outright, so no "billion laughs" expansion can happen.
"""

from __future__ import annotations

#: Largest claims file read at all (bytes). Checked before anything is parsed.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Most values (scalars, lists and mappings) in one file: about 25,000 claims (a claim has ~22).
MAX_VALUES = 600_000
#: Deepest nesting of mappings and lists (the schema itself needs 5 levels).
MAX_DEPTH = 40
#: Longest single text value, in characters (the schema's own limit on free text is far lower).
MAX_SCALAR_CHARS = 100_000
#: Longest number written in digits (anything longer is an error, not a number).
MAX_NUMBER_CHARS = 100
#: Problems reported by the loader before it gives up on a file (a hostile file could
#: otherwise produce millions of them).
MAX_LOAD_PROBLEMS = 200
