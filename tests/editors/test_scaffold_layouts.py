"""Property test of `dossier new claim`'s text insertion over many layouts of claims.yaml.

Whatever the indentation, spacing, comments and scalar styles of the existing records, adding a
claim changes no byte outside the inserted block, and the result parses with the new claim last.
"""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from site_plugins.dossier.editors.scaffold import ScaffoldError, add_claim

HEAD = "questions:\n  - id: q\n    kind: yes-no\n"


@st.composite
def claims_files(draw: st.DrawFn) -> str:
    dash = draw(st.sampled_from([0, 2, 4]))
    gap = draw(st.sampled_from(["", "\n", "\n\n"]))
    count = draw(st.integers(min_value=1, max_value=4))
    pad = " " * (dash + 2)
    records = []
    for i in range(count):
        lines = [" " * dash + f"- id: q-{i + 1}", f"{pad}question: q"]
        style = draw(st.sampled_from(["plain", "quoted", "literal", "folded", "flow"]))
        if style == "plain":
            lines.append(f"{pad}statement: a plain statement")
        elif style == "quoted":
            lines.append(f'{pad}statement: "a quoted: statement"')
        elif style in ("literal", "folded"):
            mark = "|" if style == "literal" else ">-"
            lines += [f"{pad}statement: {mark}", f"{pad}  first line", "", f"{pad}  third line"]
            lines += [""] * draw(st.integers(min_value=0, max_value=2))
        else:
            lines.append(f"{pad}value: {{answer: 'yes'}}")
        if draw(st.booleans()):
            lines.append(f"{pad}# a comment inside the record")
        records.append("\n".join(lines) + "\n")
    body = gap.join(records)
    tail = draw(
        st.sampled_from(
            ["", "\n# the next section\nresolutions: []\n", "resolutions: []\n", "\n\n# only a comment\n"]
        )
    )
    text = HEAD + "claims:\n" + body + tail
    if draw(st.booleans()):
        text = text.rstrip("\n")
    return text


@settings(max_examples=300, deadline=None)
@given(claims_files())
def test_insertion_keeps_every_other_byte(text: str) -> None:
    before = yaml.safe_load(text)
    try:
        result = add_claim(text, question="q")
    except ScaffoldError as exc:
        # Only refused when a final line break would change the last record's block text.
        assert not text.endswith("\n") and text.rstrip().endswith("third line"), text
        assert "does not end with a line break" in str(exc)
        return
    new = result.text
    size = len(new) - len(text)
    # Some split of the new text around one inserted block gives back the original exactly.
    lines = new.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: result.line - 1])
    candidates = [start, start - 1, start - 2]  # the block may begin with the records' blank-line gap
    assert any(c >= 0 and new[:c] + new[c + size :] == text for c in candidates) or (
        new.startswith(text) and not text.endswith("\n")  # a final newline was added first
    ), (text, new)
    after = yaml.safe_load(new)
    assert after["claims"][:-1] == before["claims"]
    assert after["claims"][-1]["id"] == result.claim_id == f"q-{len(before['claims']) + 1}"
    assert {k: v for k, v in after.items() if k != "claims"} == {
        k: v for k, v in before.items() if k != "claims"
    }
    assert new.splitlines()[result.line - 1].lstrip(" -").startswith(f"id: {result.claim_id}")
