"""Under ``mkdocs serve``: the theme's templates compiled once per process, not on every save.

MkDocs makes a new Jinja environment for every build, so each rebuild compiles the theme's
templates again (Material's ``main.html``, ``base.html``, its partials, ``404.html``, the
sitemap: some fifty templates, a fifth of a one-claim rebuild at 1,000 claims). Jinja's own
answer is a bytecode cache; :class:`CompiledTemplates` keeps it in memory for the ``mkdocs
serve`` process. Jinja takes a template's code from it only when the template's source is the
same (it checks a digest of the source), and this cache also keys the code by the
environment's settings that change what a template compiles to, so an edited override or a
changed theme option compiles again.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket


def _settings(env: jinja2.Environment) -> tuple[object, ...]:
    """What, besides a template's source, decides the code Jinja compiles it to."""
    autoescape = env.autoescape
    return (
        tuple(sorted(env.extensions)),
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        autoescape if isinstance(autoescape, bool) else getattr(autoescape, "__qualname__", repr(autoescape)),
    )


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates, kept in memory from build to build."""

    def __init__(self) -> None:
        self._code: dict[tuple[tuple[object, ...], str], bytes] = {}
        #: templates whose code was taken from here (since the count was last set to 0)
        self.taken = 0

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get((_settings(bucket.environment), bucket.key))
        if code is not None:
            bucket.bytecode_from_string(code)  # left empty (so compiled again) if the source changed
            self.taken += bucket.code is not None

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[(_settings(bucket.environment), bucket.key)] = bucket.bytecode_to_string()
