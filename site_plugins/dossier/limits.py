"""Limits that keep a hostile or broken input file from exhausting time or memory.

A real dossier of 10,000 claims is about 6 MB; the limits leave ample room for growth while
making sure a file built to hurt the build fails at once with a clear message.
"""

from __future__ import annotations

#: Largest claims file read at all (bytes). Checked before anything is parsed.
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Deepest nesting of mappings and lists (the schema itself needs 5 levels).
MAX_DEPTH = 40
#: Longest single text value, in characters (the schema's own limit on free text is far lower).
MAX_SCALAR_CHARS = 100_000
#: Longest number written in digits (anything longer is an error, not a number).
MAX_NUMBER_CHARS = 100
#: Problems reported by the loader before it gives up on a file (a hostile file could
#: otherwise produce millions of them).
MAX_LOAD_PROBLEMS = 200
