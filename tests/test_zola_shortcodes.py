"""Zola shortcodes: ``{{ name(args) }}`` and ``{% name(args) %}`` … ``{% end %}`` as shortcode nodes."""

import pytest

from transcheck.document.model import CodeBlock, ListBlock, Paragraph, Shortcode
from transcheck.document.shortcodes import find_tags, pair_tags
from conftest import doc, findings, rules_of


@pytest.mark.parametrize(
    "text, name, delimiter, named, self_closing",
    [
        ("{{ crypto_table() }}", "crypto_table", "{", [], True),
        ("{{youtube(id=\"abc\")}}", "youtube", "{", [("id", "abc")], True),
        ("{{ gallery(n=3, wide=true, ratio=-1.5) }}", "gallery", "{", [("n", "3"), ("wide", "true"), ("ratio", "-1.5")], True),
        ("{{ pick(names=['a', \"b\", 1], ) }}", "pick", "{", [("names", '["a", "b", 1]')], True),
        ("{{ quote(by=`Ann`, text='Hi, you') }}", "quote", "{", [("by", "Ann"), ("text", "Hi, you")], True),
        ("{% note(kind=\"warning\") %}", "note", "%", [("kind", "warning")], False),
        ("{%note()%}", "note", "%", [], False),
    ],
)
def test_zola_tag_forms_and_arguments(text, name, delimiter, named, self_closing):
    [tag], malformed = find_tags(text)
    assert malformed == []
    assert (tag.syntax, tag.name, tag.delimiter, tag.named, tag.self_closing, tag.closing) == (
        "zola", name, delimiter, named, self_closing, False
    )
    assert (tag.start, tag.end) == (0, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "{{ .Title }}",
        "{{ range (where .Pages \"Section\" \"x\") }}",
        "{{ or (.Get `alt`) (.Get `title`) }}",
        "{{ name (a=1) }} is a function call with a space",
        "{{ f(a=\"never closed) }}",
        "{{ f(1, 2) }}",
        "{{ f(a=b) }}",
        "{{ f(a=1) }",
        "{% if page.title %}",
        "{% f(a=1) }}",
        "{{/* crypto_table() */}}",
        "{%/* note() */%}",
        "Set {{ }} or {% %} or {{{ x() }}} braces.",
    ],
)
def test_things_that_are_not_zola_calls_are_text(text):
    tags, malformed = find_tags(text)
    assert (tags, malformed) == ([], [])


def test_end_closes_the_nearest_open_zola_body_and_orphans_are_reported():
    tags, _ = find_tags("{% a() %} {% b() %} x {% end %} {%end%} {% end %}")
    orphans = pair_tags(tags)
    assert [(t.name, t.closing, t.partner) for t in tags] == [
        ("a", False, 3),
        ("b", False, 2),
        ("end", True, 1),
        ("end", True, 0),
        ("end", True, None),
    ]
    assert orphans == [4]


def test_hugo_closer_never_closes_a_zola_body():
    tags, _ = find_tags("{% note() %}\nx\n{{% /note %}}")
    assert pair_tags(tags) == [1]
    assert tags[0].partner is None


def test_zola_page_parses_into_shortcode_nodes_with_lines():
    d = doc(
        """
        Intro {{ icon(name="heart") }} text.

        {{ crypto_table(currencies=["btc", "eth"]) }}

        {% note(kind="warning") %}
        Read **this** first.

        - one
        - two
        {% end %}

        ```
        {{ crypto_table() }} and {{ .Title }}
        ```

        Braces {{ like this }} and {% if x %} stay text.
        """
    )
    intro, table, note, code, braces = d.body.blocks
    assert isinstance(intro, Paragraph) and intro.text.split() == ["Intro", "text."]
    [icon] = intro.inline.shortcodes
    assert (icon.name, icon.syntax, icon.line, icon.named) == ("icon", "zola", 1, [("name", "heart")])
    assert isinstance(table, Shortcode) and (table.name, table.line, table.inline) == ("crypto_table", 3, False)
    assert table.named == [("currencies", '["btc", "eth"]')]
    assert isinstance(note, Shortcode) and (note.name, note.line, note.closing_line, note.paired) == ("note", 5, 10, True)
    assert note.body is not None
    para, items = note.body.blocks
    assert (para.text, para.line) == ("Read this first.", 6)
    assert isinstance(items, ListBlock) and [i.line for i in items.items] == [8, 9]
    assert isinstance(code, CodeBlock) and "crypto_table" in code.code
    assert isinstance(braces, Paragraph) and "{{ like this }}" in braces.text
    assert d.problems == []


def test_unclosed_zola_body_and_orphan_end_are_problems():
    d = doc("Text.\n\n{% end %}\n")
    [problem] = d.problems
    assert (problem.kind, problem.line) == ("shortcode-orphan-close", 3)
    assert "{% end %}" in problem.message
    d = doc("Text.\n\n{% note() %}\nNever closed.\n")
    assert [(p.kind, p.line, p.message) for p in d.problems] == [
        ("shortcode-syntax", 3, "shortcode '{% note() %}' is never closed with '{% end %}'")
    ]


def test_labels_are_written_in_zola_syntax():
    d = doc('{{ youtube(id="x") }}\n\n{% note() %}\nA\n{% end %}\n')
    first, second = d.body.blocks
    assert first.label() == "{{ youtube() }}"
    assert (second.label(), second.closing_label()) == ("{% note() %}", "{% end %}")


SV = """
    ## Donera

    Vi tar emot gåvor i kryptovaluta {{ icon(name="heart") }} och via bank.

    {{ crypto_table(currencies=["btc", "eth"], compact=true) }}

    {% note(kind="warning", title="Läs först") %}
    Läs det här innan du skickar pengar till oss.
    {% end %}
    """

EN = """
    ## Donate

    We accept gifts in cryptocurrency {{ icon(name="heart") }} and by bank transfer.

    {{ crypto_table(currencies=["btc", "eth"], compact=true) }}

    {% note(kind="warning", title="Read first") %}
    Read this before you send money to us.
    {% end %}
    """


def test_faithful_zola_translation_stays_quiet():
    assert rules_of(findings(SV, EN)) == []


def test_changed_zola_data_arguments_are_reported_with_zola_labels():
    changed = EN.replace('"eth"]', '"eth", "xmr"]').replace('kind="warning"', 'kind="info"')
    found = [f for f in findings(SV, changed) if f.rule == "shortcode-mismatch"]
    assert [(f.line, f.message.split(" argument")[0]) for f in found] == [
        (5, "{{ crypto_table() }}"),
        (7, "{% note() %}"),
    ]


def test_missing_zola_shortcode_is_reported():
    without = EN.replace('{{ crypto_table(currencies=["btc", "eth"], compact=true) }}\n', "")
    found = [f for f in findings(SV, without) if f.rule == "shortcode-mismatch"]
    assert len(found) == 1 and "crypto_table" in found[0].message
