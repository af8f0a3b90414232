from transcheck.document.model import (
    BlockQuote,
    CodeBlock,
    HtmlBlock,
    ListBlock,
    Paragraph,
    TableBlock,
    ThematicBreak,
)
from conftest import doc


def test_atx_and_setext_headings_nest_by_level():
    d = doc(
        """
        Intro text

        # Top

        ## Child one

        Child two
        ---------

        ### Grandchild

        # Second top
        """
    )
    assert isinstance(d.body.blocks[0], Paragraph)
    top, second = d.body.sections
    assert (top.title, top.level, top.line, top.style) == ("Top", 1, 3, "atx")
    assert [(s.title, s.level, s.line, s.style) for s in top.sections] == [
        ("Child one", 2, 5, "atx"),
        ("Child two", 2, 7, "setext"),
    ]
    assert [(s.title, s.line) for s in top.sections[1].sections] == [("Grandchild", 10)]
    assert (second.title, second.line) == ("Second top", 12)


def test_heading_explicit_id_is_kept_and_removed_from_title():
    d = doc("## Om rollen {#about}\n")
    section = d.body.sections[0]
    assert section.title == "Om rollen"
    assert section.id == "about"


def test_bold_line_is_a_pseudo_heading_at_the_level_of_its_neighbours():
    d = doc(
        """
        **Why this role matters?**

        Text one.

        ## Who are you?

        Text two.

        **Good to know**

        Text three.
        """
    )
    first, second = d.body.sections
    assert (first.title, first.style, first.level, first.line) == ("Why this role matters?", "bold", 2, 1)
    assert (second.title, second.level) == ("Who are you?", 2)
    bold_child = second.sections[0]
    assert (bold_child.title, bold_child.style, bold_child.level, bold_child.line) == ("Good to know", "bold", 3, 9)
    assert bold_child.blocks[0].text == "Text three."


def test_bold_label_followed_by_text_is_not_a_heading():
    d = doc("**Start date:**  \nAs soon as possible\n")
    assert d.body.sections == []
    assert isinstance(d.body.blocks[0], Paragraph)


def test_lists_items_lines_start_numbers_and_nesting():
    d = doc(
        """
        ## S

        - one
        - two
          - two a
          - two b
            1. deep
        - three

        3. third
        4. fourth
        """
    )
    bullets, ordered = d.body.sections[0].blocks
    assert isinstance(bullets, ListBlock) and not bullets.ordered
    assert [(i.text, i.line) for i in bullets.items] == [("one", 3), ("two", 4), ("three", 8)]
    nested = bullets.items[1].sublists[0]
    assert [(i.text, i.line) for i in nested.items] == [("two a", 5), ("two b", 6)]
    deep = nested.items[1].sublists[0]
    assert deep.ordered and [(i.text, i.line) for i in deep.items] == [("deep", 7)]
    assert ordered.ordered and ordered.start == 3
    assert [(i.text, i.line) for i in ordered.items] == [("third", 10), ("fourth", 11)]


def test_loose_list_items_with_several_paragraphs():
    d = doc(
        """
        1. First item

           more about it

        2. Second item
        """
    )
    items = d.body.blocks[0].items
    assert [(i.text, i.line) for i in items] == [("First item", 1), ("Second item", 5)]
    assert isinstance(items[0].blocks[0], Paragraph) and items[0].blocks[0].line == 3


def test_task_list_items():
    items = doc("- [ ] todo\n- [x] done\n").body.blocks[0].items
    assert [(i.text, i.task) for i in items] == [("todo", False), ("done", True)]


def test_code_blocks_fence_info_and_indented():
    d = doc(
        """
        Text

        ```python title="x"
        print("hi")
        ```

        ~~~
        raw
        ~~~

            indented code
        """
    )
    fenced, tilde, indented = [b for b in d.body.blocks if isinstance(b, CodeBlock)]
    assert (fenced.line, fenced.fence, fenced.info, fenced.code) == (3, "```", 'python title="x"', 'print("hi")\n')
    assert (tilde.line, tilde.fence) == (7, "~~~")
    assert (indented.line, indented.fence, indented.code) == (11, "", "indented code")


def test_table_rows_columns_and_line():
    d = doc(
        """
        Intro

        | A | B | C |
        |---|---|---|
        | 1 | 2 | 3 |
        | 4 | [x](https://x.example) | 6 |
        """
    )
    table = d.body.blocks[1]
    assert isinstance(table, TableBlock)
    assert table.line == 3
    assert table.header == ["A", "B", "C"]
    assert table.rows == [["1", "2", "3"], ["4", "x", "6"]]
    assert table.shape == (2, 3)
    assert [(l.url, l.line) for l in table.inline.links] == [("https://x.example", 6)]


def test_block_quote_html_and_thematic_break():
    d = doc(
        """
        > quoted
        > - item

        <div class="x">
        <a href="https://html.example/page">link</a>
        </div>

        ---
        """
    )
    quote, html, hr = d.body.blocks
    assert isinstance(quote, BlockQuote) and quote.line == 1
    assert isinstance(quote.blocks[0], Paragraph)
    assert isinstance(quote.blocks[1], ListBlock) and quote.blocks[1].items[0].line == 2
    assert isinstance(html, HtmlBlock) and html.line == 4
    assert [(l.url, l.line, l.kind) for l in html.inline.links] == [("https://html.example/page", 5, "html")]
    assert isinstance(hr, ThematicBreak) and hr.line == 8


def test_links_of_every_kind_with_lines():
    d = doc(
        """
        See [inline](https://a.example/x "T") and
        ![an image](/img/a.png) then <https://auto.example>
        and https://bare.example/path plus [ref][r] and
        <a href="https://html.example">html</a>.

        [r]: https://ref.example/
        """
    )
    links = [(l.kind, l.url, l.line) for l in d.body.blocks[0].inline.links]
    assert links == [
        ("link", "https://a.example/x", 1),
        ("image", "/img/a.png", 2),
        ("autolink", "https://auto.example", 2),
        ("bare", "https://bare.example/path", 3),
        ("reference", "https://ref.example/", 3),
        ("html", "https://html.example", 4),
    ]


def test_inline_code_is_collected():
    d = doc("Run `make test` then `make deploy`.\n")
    assert d.body.blocks[0].inline.code == ["make test", "make deploy"]


def test_front_matter_counts_in_every_line():
    d = doc(
        """
        ---
        title: x
        ---

        ## A

        - item [l](https://l.example)
        """
    )
    section = d.body.sections[0]
    assert section.line == 5
    item = section.blocks[0].items[0]
    assert item.line == 7 and item.inline.links[0].line == 7


def test_reference_images_and_links_are_placed_where_they_are_used():
    # A reference image inside a reference link, a reference whose URL is also
    # written earlier, a label broken over two lines, and an <a> whose href is
    # on the line after the tag: each link stands on the line that uses it.
    d = doc(
        """
        Intro [direct](/docs/a/#x) text that goes on for a while and then
        some more words before the second line ends here.
        [![Logo][]][home] and [Again][] then [two
        lines][home] and <a rel="x"
          href="https://html.example/">h</a>.

        [home]: https://home.example
        [logo]: /img/logo.svg
        [again]: /docs/a/#x
        """
    )
    links = [(l.kind, l.url, l.line) for l in d.body.blocks[0].inline.links]
    assert links == [
        ("link", "/docs/a/#x", 1),
        ("reference", "https://home.example", 3),
        ("image-label", "/img/logo.svg", 3),  # "![Logo][]": its alt text is its label
        ("reference", "/docs/a/#x", 3),
        ("reference", "https://home.example", 3),
        ("html", "https://html.example/", 5),
    ]


def test_html_block_text_is_what_a_reader_sees_line_for_line():
    d = doc(
        """
        Intro.

        <div class="stats">
          <p>We stored <b>3&nbsp;PB</b> in 2023 &amp; grew.</p>
          <!-- <p>old: 2 PB</p> -->
          <script>var x = "<p>not text</p>";</script>
          <p>{{< icon "disk" >}} Over 3 < 5 <a
             href="/x/">racks</a></p>
        </div>
        """
    )
    html = d.body.blocks[1]
    assert isinstance(html, HtmlBlock) and html.line == 3
    lines = html.text.split("\n")
    assert len(lines) == html.html.count("\n") + 1
    assert lines[1] == "We stored 3 PB in 2023 & grew."  # file line 4
    assert lines[2] == lines[3] == ""  # comment and script are not read
    assert (lines[4], lines[5]) == ("Over 3 < 5", "racks")  # the shortcode tag is data, not text
    assert "2 PB" not in html.text and "not text" not in html.text


def test_html_text_of_tables_details_and_unclosed_markup():
    d = doc("<details>\n<summary>Pris</summary>\n<table><tr><td>5 kr</td><td>per dag</td></tr></table>\n</details>\n")
    [html] = d.body.blocks
    assert html.text.split("\n") == ["", "Pris", "5 kr per dag", ""]
    d = doc("<p>cut <b\n")
    assert d.body.blocks[0].text == "cut <b"
    d = doc("<!DOCTYPE html>\n<?xml version=\"1.0\"?><p>Hej</p>\n")
    assert [b.text for b in d.body.blocks] == ["", "Hej"]


def test_html_text_is_linear_on_hostile_markup():
    import time

    started = time.monotonic()
    doc("<div>\n" + "<a x" * 40_000 + "<!-- y -->" * 20_000 + "\n</div>\n")
    assert time.monotonic() - started < 30  # catastrophic only: it takes well under a second


def test_dialogue_dash_typed_as_hyphen_is_a_paragraph_not_a_list():
    d = doc(
        """
        Hon tittade upp.
        - Hej, sa hon.

        Han svarade:

        - Vi ses i morgon, säger Anna.

        – En-dash dialogue stays a paragraph, says Bo.
        """
    )
    first, between, second, third = d.body.blocks
    assert all(isinstance(b, Paragraph) for b in d.body.blocks)
    assert (first.line, first.end_line, first.text) == (1, 2, "Hon tittade upp.\nHej, sa hon.")
    assert (second.line, second.text) == (6, "Vi ses i morgon, säger Anna.")
    assert third.line == 8


def test_real_lists_stay_lists_beside_dialogue_rules():
    d = doc(
        """
        Krav:

        - Erfarenhet av Go, säger vi.
        - Python

        * Ett enda krav, sa hon.

        1. Numrerat, says the doc.

        - Only one short item.

        Text.

        - Outer
          - Nested line, says Bo.
        """
    )
    kinds = [(b.type, len(b.items)) for b in d.body.blocks if isinstance(b, ListBlock)]
    assert kinds == [("list", 2), ("list", 1), ("list", 1), ("list", 1), ("list", 1)]
    assert d.body.blocks[-1].items[0].sublists[0].items[0].text == "Nested line, says Bo."


def test_long_dialogue_line_alone_in_a_quotation_is_a_paragraph():
    words = " ".join(["ord"] * 24)
    d = doc(f'{{{{< quote "Anna" >}}}}\n- {words}.\n{{{{< /quote >}}}}\n\n> - {words}.\n\n> - kort rad\n')
    quote_sc, block_quote, short_quote = d.body.blocks
    [inside] = quote_sc.body.blocks
    assert isinstance(inside, Paragraph) and inside.line == 2
    assert isinstance(block_quote.blocks[0], Paragraph)
    assert isinstance(short_quote.blocks[0], ListBlock)


def test_a_table_row_with_more_or_fewer_cells_than_the_header_keeps_the_table():
    """GFM (Hugo's goldmark) cuts extra cells and pads missing ones; the table stays a table."""
    from conftest import doc
    from transcheck.document.model import TableBlock

    d = doc("| A | B |\n|---|---|\n| 1 | 2 | 3 |\n| 4 |\n")
    table = d.body.blocks[0]
    assert isinstance(table, TableBlock)
    assert table.rows == [["1", "2"], ["4", ""]]
    broken = doc("| A | B | C |\n|---|---|\n| 1 | 2 |\n")  # header and delimiter disagree: no table in GFM either
    assert not isinstance(broken.body.blocks[0], TableBlock)


def test_reference_links_inside_a_shortcode_use_the_definitions_of_the_page():
    # the shortcode's inside is parsed apart, before the page's definitions are read by
    # mistune: it finds them through the page's own collection, under mistune's keys
    d = doc(
        """
        {{% alert title="Note" %}}
        Use [WSL][Windows-WSL] or [Docker][] and [the guide](#setup).[^1]
        {{% /alert %}}

        [windows-wsl]: https://learn.example/wsl
        [docker]: https://docker.example/
        [^1]: A footnote, not a definition.
        """
    )
    alert = d.body.blocks[0]
    links = [(link.url, link.line) for link in alert.body.blocks[0].inline.links]
    assert links == [("https://learn.example/wsl", 2), ("https://docker.example/", 2), ("#setup", 2)]


def test_a_line_of_nothing_but_tags_is_a_container_with_what_stands_between():
    from transcheck.document.model import Shortcode

    d = doc(
        """
        Before.

        {{% alert %}} {{% param logBridgeWarning %}} {{% /alert %}}

        Text with {{< b >}}bold{{< /b >}} inside stays inline.
        """
    )
    alert = d.body.blocks[1]
    assert isinstance(alert, Shortcode) and alert.name == "alert" and alert.body is not None
    assert [(b.name, b.positional) for b in alert.body.blocks if isinstance(b, Shortcode)] == [("param", ["logBridgeWarning"])]
    assert len(d.body.blocks) == 3  # the param is inside the alert, not beside it
    paragraph = d.body.blocks[2]
    assert isinstance(paragraph, Paragraph) and [sc.name for sc in paragraph.inline.shortcodes] == ["b"]
