"""Content the parser cannot show as it is written: kept as a problem with its line, in linear time."""

import time

from transcheck.document.model import HtmlBlock, Paragraph, Shortcode, walk_nodes
from conftest import doc


def _nodes(d):
    found = list(walk_nodes(list(d.body.blocks)))
    for section in d.iter_sections():
        found.extend(walk_nodes(list(section.blocks)))
    return found


def test_unclosed_comment_at_line_start_hides_the_rest_and_is_a_problem():
    d = doc(
        """
        Intro.

        <!-- a note never closed

        Hidden paragraph.
        """
    )
    [problem] = d.problems
    assert (problem.kind, problem.line) == ("unclosed-comment", 3)
    assert "lines 3–5" in problem.message
    assert isinstance(d.body.blocks[-1], HtmlBlock)


def test_closed_comment_is_no_problem_and_hides_its_shortcodes():
    d = doc(
        """
        <!-- {{< button link="/old/" >}} -->

        {{< figure src="/a.png" >}}
        """
    )
    assert d.problems == []
    assert [n.name for n in _nodes(d) if isinstance(n, Shortcode)] == ["figure"]


def test_unclosed_comment_inside_a_line_is_text_and_hides_nothing():
    d = doc(
        """
        Write <!-- to start a comment.

        {{< figure src="/a.png" >}}
        """
    )
    assert d.problems == []
    assert [n.name for n in _nodes(d) if isinstance(n, Shortcode)] == ["figure"]


def test_comment_opener_inside_code_hides_nothing():
    d = doc(
        """
        ```html
        <!--
        ```

        {{< figure src="/a.png" >}}
        """
    )
    assert [n.name for n in _nodes(d) if isinstance(n, Shortcode)] == ["figure"]


def test_many_unclosed_comment_openers_stay_linear():
    # Each "<!--" used to search to the end of the page: 100 KB took seconds, 300 KB a minute.
    text = "Intro.\n\n" + "a <!-- b " * 30_000 + "\n\n" + "<!-- c\n" * 30_000
    started = time.monotonic()
    d = doc(text)
    assert time.monotonic() - started < 30  # catastrophic only: it takes well under a second
    assert [p.kind for p in d.problems] == ["unclosed-comment"]


def test_lists_nested_past_the_limit_keep_their_text_and_say_so():
    depth = 25
    text = "".join("  " * i + f"- item {i}\n" for i in range(depth)) + "\nAfter.\n"
    d = doc(text)
    [problem] = d.problems
    assert problem.kind == "too-deep"
    assert 19 <= problem.line <= 21
    words = " ".join(n.text for n in _nodes(d) if hasattr(n, "text"))
    assert "item 24" in words
    assert isinstance(d.body.blocks[-1], Paragraph) and d.body.blocks[-1].line == depth + 2


def test_quotes_nested_past_the_limit_say_so_on_their_line():
    d = doc("Intro.\n\n" + "> " * 30 + "deep\n")
    assert [(p.kind, p.line) for p in d.problems] == [("too-deep", 3)]


def test_lists_within_the_limit_are_no_problem():
    text = "".join("  " * i + f"- item {i}\n" for i in range(12))
    d = doc(text)
    assert d.problems == []
    assert sum(1 for n in _nodes(d) if n.type == "item") == 12
