"""The templates' helpers (``site/environment.py``): front matter and shortened text."""

from __future__ import annotations

import jinja2
import pytest
import yaml

from site_plugins.dossier.site.environment import environment, front_matter, shorten
from site_plugins.dossier.site.i18n import translations


def test_front_matter_escapes_and_quotes_the_title() -> None:
    text = str(
        front_matter(
            'Title: "quoted" </title><script>x</script>',
            description="a\nb",
            tags=["south-korea", "a"],
            hide=["tags"],
        )
    )
    meta = yaml.safe_load(text.strip().strip("-"))
    assert meta["title"] == "Title: &quot;quoted&quot; &lt;/title&gt;&lt;script&gt;x&lt;/script&gt;"
    assert meta["description"] == "a\nb"
    assert meta["tags"] == ["A", "South Korea"]  # readable names, in the order of the ids
    assert meta["hide"] == ["tags"]


def test_shorten_cuts_at_a_word() -> None:
    assert shorten("one two three", 9) == "one two…"
    assert shorten("short", 90) == "short"


@pytest.mark.parametrize("language", [None, "ko", "uk"])
def test_the_templates_words_are_those_of_jinjas_own_gettext(language: str | None) -> None:
    """The quick ``_``/``gettext``/``ngettext`` give what Jinja's i18n extension gives: the
    translation, autoescaped variables, ``%%`` read as a format string even without variables."""
    source = (
        '{{ _("Answer") }}|{{ _("100%% sure") }}|{{ _("Source details: %(outlet)s", outlet="<b>&") }}|'
        '{{ gettext("Who") }}|{% for n in [1, 2, 5] %}'
        '{{ ngettext("%(num)d claim", "%(num)d claims", n) }};'
        '{{ ngettext("%(num)s pair of conflicting claims", "%(num)s pairs of conflicting claims", n, num="<%s>" % n) }};'
        "{% endfor %}"
    )
    ours = environment(language).from_string(source).render()
    theirs = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    theirs.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    assert ours == theirs.from_string(source).render()
    assert "&lt;b&gt;&amp;" in ours and "100% sure" in ours
