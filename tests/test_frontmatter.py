import datetime

import pytest

from transcheck.source import InputError
from conftest import doc


def test_yaml_keys_have_their_file_lines_and_values():
    d = doc(
        """
        ---
        title: "Hej"
        date: 2026-02-16
        draft: false
        tags: [a, b]
        ---
        Body
        """
    )
    fm = d.front_matter
    assert fm.format == "yaml"
    assert [(e.key, e.line) for e in fm.entries] == [("title", 2), ("date", 3), ("draft", 4), ("tags", 5)]
    assert fm.get("date").value == datetime.date(2026, 2, 16)
    assert fm.get("draft").value is False and fm.get("draft").value_kind == "bool"
    assert fm.get("tags").value == ["a", "b"]
    assert fm.end_line == 6
    assert d.body.blocks[0].line == 7


def test_yaml_duplicate_keys_are_all_kept_and_marked():
    d = doc(
        """
        ---
        language: "sv"
        title: x
        language: "en"
        ---
        """
    )
    languages = [e for e in d.front_matter.entries if e.key == "language"]
    assert [(e.value, e.line, e.duplicate) for e in languages] == [("sv", 2, True), ("en", 4, True)]
    assert d.front_matter.get("title").duplicate is False


def test_case_variant_keys_are_kept_apart():
    d = doc(
        """
        ---
        language: "sv"
        Language: "En"
        ---
        """
    )
    entries = d.front_matter.entries
    assert [(e.key, e.value, e.line, e.duplicate) for e in entries] == [
        ("language", "sv", 2, False),
        ("Language", "En", 3, False),
    ]


def test_yaml_11_booleans_keep_the_text_as_written():
    d = doc(
        """
        ---
        language: no
        comments: on
        ---
        """
    )
    language = d.front_matter.get("language")
    assert language.value is False
    assert language.raw == "no"
    assert d.front_matter.get("comments").raw == "on"


def test_toml_front_matter_keys_and_tables_with_lines():
    d = doc(
        """
        +++
        title = "Hej"
        date = 2026-02-16
        draft = true
        description = \"\"\"
        many = lines
        \"\"\"
        [params]
        color = "red"
        +++
        # Heading
        """
    )
    fm = d.front_matter
    assert fm.format == "toml"
    assert [(e.key, e.line) for e in fm.entries] == [
        ("title", 2), ("date", 3), ("draft", 4), ("description", 5), ("params", 8)
    ]
    assert fm.get("params").value == {"color": "red"}
    assert d.body.sections[0].line == 11


def test_json_front_matter_keeps_duplicates_and_lines():
    d = doc(
        """
        {
          "title": "Hej",
          "draft": false,
          "title": "Hello"
        }
        ## Rubrik
        """
    )
    fm = d.front_matter
    assert fm.format == "json"
    assert [(e.key, e.value, e.line, e.duplicate) for e in fm.entries] == [
        ("title", "Hej", 2, True),
        ("draft", False, 3, False),
        ("title", "Hello", 4, True),
    ]
    assert d.body.sections[0].line == 6


def test_no_front_matter():
    d = doc("# Title\n\nText\n")
    assert d.front_matter.format == "none"
    assert d.body.sections[0].line == 1


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("---\ntitle: x\n\n# no end\n", 1, "never closed"),
        ("+++\ntitle = 'x'\n", 1, "never closed"),
        ("---\ntitle: [unclosed\nother: 1\n---\n", 3, "malformed YAML"),
        ("---\n- a\n- b\n---\n", 2, "not a mapping"),
        ("+++\ntitle = \n+++\n", 2, "malformed TOML"),
        ('{\n  "title": "x",\n  "draft": \n}\n', 4, "malformed JSON"),
    ],
)
def test_malformed_front_matter_names_the_line(text, line, words):
    with pytest.raises(InputError) as caught:
        doc(text)
    assert caught.value.line == line
    assert words in caught.value.message


def test_yaml_alias_bomb_is_refused_not_expanded():
    lines = ["---", 'a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for index in range(1, 9):
        prev = chr(ord("a") + index - 1)
        name = chr(ord("a") + index)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]")
    lines.append("---")
    with pytest.raises(InputError) as caught:
        doc("\n".join(lines) + "\n")
    assert "alias bomb" in caught.value.message
