"""The theme's templates compiled once per ``mkdocs serve`` process (:mod:`.compiled_templates`):
real Jinja environments, as MkDocs makes a new one for every build."""

from __future__ import annotations

from typing import Any

import jinja2

from site_plugins.dossier.adapter.compiled_templates import CompiledTemplates


class CountingEnvironment(jinja2.Environment):
    """A Jinja environment that counts the templates it compiles."""

    compiled = 0

    def compile(self, *args: Any, **kwargs: Any) -> Any:
        CountingEnvironment.compiled += 1
        return super().compile(*args, **kwargs)


def _env(templates: dict[str, str], cache: CompiledTemplates, **settings: Any) -> CountingEnvironment:
    env = CountingEnvironment(loader=jinja2.DictLoader(templates), **settings)
    env.bytecode_cache = cache
    return env


def test_a_new_environment_takes_the_code_of_an_unchanged_template() -> None:
    cache = CompiledTemplates()
    templates = {"page.html": "Hello {{ name }}!"}
    CountingEnvironment.compiled = 0
    first = _env(templates, cache).get_template("page.html").render(name="reader")
    assert (CountingEnvironment.compiled, cache.taken) == (1, 0)
    second = _env(templates, cache).get_template("page.html").render(name="reader")
    assert (first, second) == ("Hello reader!", "Hello reader!")
    assert (CountingEnvironment.compiled, cache.taken) == (1, 1)


def test_a_changed_template_is_compiled_again() -> None:
    cache = CompiledTemplates()
    CountingEnvironment.compiled = 0
    assert _env({"page.html": "old"}, cache).get_template("page.html").render() == "old"
    assert _env({"page.html": "new"}, cache).get_template("page.html").render() == "new"
    assert (CountingEnvironment.compiled, cache.taken) == (2, 0)
    # and the new code is the one kept
    assert _env({"page.html": "new"}, cache).get_template("page.html").render() == "new"
    assert cache.taken == 1


def test_environments_that_compile_differently_do_not_share_code() -> None:
    cache = CompiledTemplates()
    source = {"page.html": "{% if true %}\nyes\n{% endif %}\n"}
    plain = _env(source, cache).get_template("page.html").render()
    trimmed = _env(source, cache, trim_blocks=True).get_template("page.html").render()
    assert (plain, trimmed) == ("\nyes\n", "yes\n")
    markup = {"page.html": "{{ x }}"}
    raw = _env(markup, cache).get_template("page.html").render(x="<b>")
    escaped = _env(markup, cache, autoescape=True).get_template("page.html").render(x="<b>")
    assert (raw, escaped) == ("<b>", "&lt;b&gt;")
    assert cache.taken == 0
