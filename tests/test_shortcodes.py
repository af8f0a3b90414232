import pytest

from transcheck.document.model import CodeBlock, Paragraph, Shortcode
from transcheck.document.shortcodes import find_tags, pair_tags
from conftest import doc


@pytest.mark.parametrize(
    "text, name, delimiter, positional, named, self_closing, closing",
    [
        ("{{< figure >}}", "figure", "<", [], [], False, False),
        ("{{% note %}}", "note", "%", [], [], False, False),
        ('{{< icon "fa-x" size=2 >}}', "icon", "<", ["fa-x"], [("size", "2")], False, False),
        ('{{% note "info" %}}', "note", "%", ["info"], [], False, False),
        ('{{< x title="A \\"q\\" b" raw=`C:\\dir` >}}', "x", "<", [], [("title", 'A "q" b'), ("raw", "C:\\dir")], False, False),
        ("{{< button href=https://a.example/x?y=1 />}}", "button", "<", [], [("href", "https://a.example/x?y=1")], True, False),
        ("{{</ ingress >}}", "ingress", "<", [], [], False, True),
        ("{{% /accordion %}}", "accordion", "%", [], [], False, True),
        ("{{<figure src=\"a.png\">}}", "figure", "<", [], [("src", "a.png")], False, False),
        ("{{< dir/name >}}", "dir/name", "<", [], [], False, False),
    ],
)
def test_tag_forms_and_arguments(text, name, delimiter, positional, named, self_closing, closing):
    tags, malformed = find_tags(text)
    assert malformed == []
    [tag] = tags
    assert (tag.name, tag.delimiter, tag.positional, tag.named, tag.self_closing, tag.closing) == (
        name, delimiter, positional, named, self_closing, closing,
    )
    assert tag.raw == text


def test_escaped_shortcode_is_text():
    tags, malformed = find_tags("Write {{</* figure src=x */>}} to embed.")
    assert tags == [] and malformed == []


def test_unterminated_tag_is_malformed_and_scanning_goes_on():
    tags, malformed = find_tags('{{< broken "x\n\n{{< ok >}}')
    assert [t.name for t in tags] == ["ok"]
    assert len(malformed) == 1 and "broken" in malformed[0].message


def test_pairing_nearest_opener_and_orphans():
    tags, _ = find_tags("{{% a %}}{{% b %}}{{% /b %}}{{% /a %}}{{% /c %}}{{< d >}}")
    orphans = pair_tags(tags)
    assert tags[0].partner == 3 and tags[1].partner == 2
    assert orphans == [4]
    assert tags[5].partner is None


def test_paired_block_shortcode_holds_markdown_and_headings():
    d = doc(
        """
        ## Apply

        {{% accordion title="Process" %}}
        Intro

        1. Call
        2. Interview

        ### Flexibility
        We adapt.
        {{% /accordion %}}

        After.
        """
    )
    section = d.body.sections[0]
    accordion, after = section.blocks
    assert isinstance(accordion, Shortcode)
    assert (accordion.name, accordion.line, accordion.closing_line, accordion.paired) == ("accordion", 3, 11, True)
    assert accordion.arg("title") == "Process"
    inner = accordion.body
    assert [b.type for b in inner.blocks] == ["paragraph", "list"]
    assert [(i.text, i.line) for i in inner.blocks[1].items] == [("Call", 6), ("Interview", 7)]
    assert [(s.title, s.level, s.line) for s in inner.sections] == [("Flexibility", 3, 9)]
    assert isinstance(after, Paragraph) and after.text == "After." and after.line == 13
    # the closing tag is not glued onto the paragraph before it
    assert "accordion" not in inner.sections[0].blocks[0].text
    assert [s.title for s in d.iter_sections()] == ["Apply", "Flexibility"]


def test_self_closing_and_standalone_shortcodes_are_blocks():
    d = doc(
        """
        {{< accordion-script >}}

        {{< button href="https://a.example" text="Go" />}}
        Text right after.
        """
    )
    script, button, text = d.body.blocks
    assert (script.name, script.paired, script.line) == ("accordion-script", False, 1)
    assert (button.name, button.self_closing, button.arg("href"), button.line) == ("button", True, "https://a.example", 3)
    assert isinstance(text, Paragraph) and text.line == 4


def test_inline_shortcodes_stay_in_their_paragraph():
    d = doc('Call {{< inline "Sales:" >}} now or read [docs]({{% relref "/docs/x.md" %}}).\n')
    paragraph = d.body.blocks[0]
    assert isinstance(paragraph, Paragraph)
    names = [(s.name, s.inline, s.positional) for s in paragraph.inline.shortcodes]
    assert names == [("inline", True, ["Sales:"]), ("relref", True, ["/docs/x.md"])]
    [link] = paragraph.inline.links
    assert link.kind == "relref" and link.url == '{{% relref "/docs/x.md" %}}'
    assert paragraph.text == "Call  now or read docs."


def test_inline_pair_keeps_its_inner_text():
    d = doc("Before {{< mark >}}marked words{{< /mark >}} after.\n")
    [shortcode] = d.body.blocks[0].inline.shortcodes
    assert (shortcode.name, shortcode.paired, shortcode.inner) == ("mark", True, "marked words")


def test_opening_alone_closing_at_end_of_text_is_a_container():
    d = doc(
        """
        {{< ingress >}}
        The lead paragraph of the page.{{< /ingress >}}

        Body text.
        """
    )
    ingress, body = d.body.blocks
    assert isinstance(ingress, Shortcode) and ingress.paired and ingress.closing_line == 2
    assert [(b.type, b.line, b.text) for b in ingress.body.blocks] == [("paragraph", 2, "The lead paragraph of the page.")]
    assert body.text == "Body text."


def test_several_tags_on_one_line_nest():
    d = doc(
        """
        {{% tabs %}} {{% tab "Json" %}}
        ```json
        {}
        ```
        {{% /tab %}} {{% tab "XML" %}}
        ```xml
        <a/>
        ```
        {{% /tab %}} {{% /tabs %}}
        """
    )
    [tabs] = d.body.blocks
    assert tabs.name == "tabs" and tabs.closing_line == 9
    json_tab, xml_tab = tabs.body.blocks
    assert (json_tab.positional, json_tab.line, xml_tab.positional, xml_tab.line) == (["Json"], 1, ["XML"], 5)
    assert isinstance(json_tab.body.blocks[0], CodeBlock)


def test_shortcodes_in_code_are_code():
    d = doc(
        """
        ```
        {{< figure src="x" >}}
        ```

        Use `{{< note >}}` inline.
        """
    )
    code, paragraph = d.body.blocks
    assert isinstance(code, CodeBlock) and "figure" in code.code
    assert paragraph.inline.shortcodes == []
    assert d.problems == []


def test_orphan_closing_tag_is_a_problem_with_its_line():
    d = doc("Text\n\n{{% /note %}}\n")
    [problem] = d.problems
    assert (problem.line, problem.kind) == (3, "shortcode-orphan-close")


def test_deep_shortcode_nesting_does_not_recurse_without_bound():
    depth = 3000
    text = "".join("{{% box %}}\n" for _ in range(depth)) + "x\n" + "".join("{{% /box %}}\n" for _ in range(depth))
    d = doc(text)
    assert any(p.kind == "too-deep" for p in d.problems)


def _kinds(blocks):
    return [(b.type, b.line) for b in blocks]


def test_tab_indented_shortcode_lines_are_shortcodes_not_code():
    d = doc(
        "Intro.\n\n{{< tabs >}}\n\t{{< tab name=\"A\" >}}\nText A.\n\t{{< /tab >}}\n"
        "\t{{< tab name=\"B\" >}}\nText B.\n\t{{< /tab >}}\n{{< /tabs >}}\n\n"
        "After.\n\n\t{{< figure src=\"/x.png\" >}}\n"
    )
    intro, tabs, after, figure = d.body.blocks
    assert isinstance(tabs, Shortcode) and tabs.body is not None
    assert [(b.name, b.line, b.closing_line) for b in tabs.body.blocks] == [("tab", 4, 6), ("tab", 7, 9)]
    assert [b.body.blocks[0].text for b in tabs.body.blocks] == ["Text A.", "Text B."]
    assert (figure.type, figure.name, figure.line) == ("shortcode", "figure", 14)


def test_indented_shortcode_line_stays_in_its_list_item():
    d = doc("- one\n\n    {{< figure src=\"/a.png\" >}}\n\n- two\n  - nested\n\n        {{< icon \"x\" >}}\n")
    [outer] = d.body.blocks
    first, second = outer.items
    assert _kinds(first.blocks) == [("shortcode", 3)]
    [nested] = second.sublists
    assert _kinds(nested.items[0].blocks) == [("shortcode", 8)]


def test_indented_line_with_text_besides_a_tag_is_still_code():
    d = doc("Para.\n\n    {{< icon \"x\" >}} and words\n")
    assert _kinds(d.body.blocks) == [("paragraph", 1), ("code", 3)]
