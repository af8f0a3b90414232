"""A long body parsed in pieces, and plain inline text read without mistune, give exactly
what the whole parse gives (issue 15: a 20 MiB page in bounded memory)."""

from __future__ import annotations

import random
import re

import pytest

from transcheck.document import markdown as mdparse
from transcheck.document import mistune_adapter
from transcheck.document.read import parse_text

PAGE = """---
title: Sida
---

Intro with a [reference link][later] and `code`.

## First

- item one
- item two

      indented code under the list

# Heading after a list

```text
fenced code

# not a heading: inside the fence

still code
```

## After the fence

<!-- a comment that runs

# over a heading-looking line

and ends here -->

<div>
html kind 6
</div>

## Shortcodes

{{< note >}}
Inside a note.

## A section inside the note
{{< /note >}}

> a quote
>
> # quoted heading

## Tricky

    ```
    an indented "fence" is indented code

```
a real fence the scanner takes for a closing one

# inside mistune's fence, not a heading
```

## Last

Text with a line
break and the [later] link again.

[later]: https://example.com/later
"""


def _whole_and_pieces(text: str, monkeypatch: pytest.MonkeyPatch, size: int) -> tuple[str, str]:
    monkeypatch.setattr(mdparse, "CHUNK_CHARS", 10**9)
    whole = parse_text(text, "page.md")
    monkeypatch.setattr(mdparse, "CHUNK_CHARS", size)
    pieces = parse_text(text, "page.md")
    return repr((whole.body, whole.problems)), repr((pieces.body, pieces.problems))


@pytest.mark.parametrize("size", [1, 40, 200])
def test_pieces_parse_as_the_whole(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    whole, pieces = _whole_and_pieces(PAGE, monkeypatch, size)
    assert pieces == whole


@pytest.mark.parametrize("size", [1, 40])
def test_pieces_without_reference_definitions(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    page = PAGE.replace("[later]: https://example.com/later\n", "")
    whole, pieces = _whole_and_pieces(page, monkeypatch, size)
    assert pieces == whole


def test_reference_defined_late_still_resolves_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mdparse, "CHUNK_CHARS", 1)
    document = parse_text(PAGE, "page.md")
    links = [link for block in document.body.blocks for link in getattr(block, "inline", mdparse.Inline()).links]
    assert [link.url for link in links] == ["https://example.com/later"]


def test_chunks_cut_only_before_a_heading_after_a_blank_line() -> None:
    source = "a\n\n# one\ntext\n# two\n\n```\n\n# in code\n```\n\n<!--\n\n# in comment\n-->\n\n## three\n"
    pieces = mdparse.chunks(source, size=1)
    assert "".join(piece for _, piece in pieces) == source
    starts = [piece.split("\n", 1)[0] for _, piece in pieces]
    assert starts == ["a", "# one", "## three"]
    lines = source.split("\n")
    for line, piece in pieces:
        assert lines[line] == piece.split("\n", 1)[0]


def test_short_text_is_one_piece() -> None:
    assert mdparse.chunks("# a\n\n# b\n") == [(0, "# a\n\n# b\n")]


def test_a_large_generated_page_parses_as_the_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    section = "## Avsnitt {i}\n\nText {i} om [saken](https://example.com/{i}).\n\n- punkt {i}\n- mer\n\n| a | b |\n|---|---|\n| {i} | x |\n\n"
    page = "".join(section.format(i=i) for i in range(300))
    whole, pieces = _whole_and_pieces(page, monkeypatch, 2000)
    assert pieces == whole


_ALPHABET = list("ab hå1.,;:-()?'\"/%#+=\t\n\n   \xa0\u2028\r\f") + ["*", "_", "[", "]", "`", "<", "\\", "http://x.se "]


def test_plain_inline_text_reads_as_mistune_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path for text without inline syntax against the inline parser itself."""
    parser = mdparse.BodyParser("", 1)
    fast = mdparse._INLINE_SYNTAX
    rng = random.Random(15)
    for _ in range(3000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 24)))
        monkeypatch.setattr(mdparse, "_INLINE_SYNTAX", fast)
        quick = parser.inline(text, 3)
        monkeypatch.setattr(mdparse, "_INLINE_SYNTAX", re.compile(""))
        assert quick == parser.inline(text, 3), text


def test_the_glued_fence_precheck_never_misses_a_line_the_repair_would_take() -> None:
    """unglue_fences skips its walk over every line when no fence mark follows text."""
    rng = random.Random(14)
    pieces = ["a", " ", "\t", "\n", "`", "~", "```", "~~~", "x`", "\xa0", "``"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        if any(mdparse._GLUED_FENCE.match(line) for line in text.split("\n")):
            assert mdparse._may_have_glued_fence(text), text
    assert not mdparse._may_have_glued_fence("Text\n\n```bash\nls\n```\n")
    assert mdparse.unglue_fences("Intro\nRun this:```bash\nls\n```\n")[1] == [(1, "```bash")]


def test_a_piece_left_open_sends_the_rest_to_one_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Code the piece-finder took for closed (an indented "fence", then a real one) is
    joined with everything after it at once: one extra parse, not one per piece after it."""
    page = "# Top\n\n    ```\n    indented code\n\n```\nreal fence\n\n" + "".join(
        f"# In the fence {i}\n\nstill code\n\n" for i in range(40)
    ) + "```\n\n# After\n\ntext\n"
    monkeypatch.setattr(mdparse, "CHUNK_CHARS", 1)
    pieces = len(mdparse.chunks(page + "\n"))
    calls = 0
    parse = mistune_adapter.MARKDOWN.block.parse

    def counting(state, rules=None):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return parse(state, rules)

    monkeypatch.setattr(mistune_adapter.MARKDOWN.block, "parse", counting)
    in_pieces = parse_text(page, "page.md")
    top_level = calls
    monkeypatch.setattr(mdparse, "CHUNK_CHARS", 10**9)
    whole = parse_text(page, "page.md")
    assert repr(in_pieces.body) == repr(whole.body)
    assert pieces > 40 and top_level <= 4  # the pieces before the fence, then the rest once
