"""The templates' helpers (``site/environment.py``): front matter and shortened text."""

from __future__ import annotations

import yaml

from site_plugins.dossier.site.environment import front_matter, shorten


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
