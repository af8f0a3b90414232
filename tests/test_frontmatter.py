import datetime

import pytest

from transcheck.document.source import InputError
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


# --- where each key is written (issue 12 item 3, issue 14 item 4) -------------------

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcheck.cli import main
from transcheck.document.read import parse_text


def test_toml_hash_and_brackets_inside_strings_do_not_move_later_keys():
    d = doc(
        """
        +++
        tags = ["C#", "F#"]
        note = 'a # b'
        esc = "say \\"[x]\\" # not a comment"
        language = "sv"
        +++
        """
    )
    assert [(e.key, e.line) for e in d.front_matter.entries] == [("tags", 2), ("note", 3), ("esc", 4), ("language", 5)]


def test_toml_multi_line_arrays_and_strings_keep_key_lines():
    d = doc(
        '''
        +++
        tags = [
          "a", # comment with ] and =
          "b",
        ]
        body = """
        key = "not a key"
        [not.a.table]
        """
        raw = \'\'\'
        x = 1\'\'\'
        lang = "sv"
        [params]
        inner = """
        [fake]
        """
        [[menu]]
        name = "x"
        +++
        '''
    )
    assert [(e.key, e.line) for e in d.front_matter.entries] == [
        ("tags", 2), ("body", 6), ("raw", 10), ("lang", 12), ("params", 13), ("menu", 17)
    ]


def test_yaml_lines_are_counted_on_newlines_only():
    d = parse_text('---\ntitle: "a\u2028b\u0085c\u2029d"\nlang: sv\n---\n', "p.md")
    assert [(e.key, e.line) for e in d.front_matter.entries] == [("title", 2), ("lang", 3)]


@pytest.mark.parametrize("value", ["2026-02-30", "2026-13-45", "2026-02-30 25:61:00"])
def test_impossible_yaml_dates_are_kept_as_text(value):
    d = doc(f"---\ndate: {value}\ntime: 25:00\n---\n")
    assert d.front_matter.get("date").value == value and d.front_matter.get("date").value_kind == "str"
    assert d.front_matter.get("date").line == 2


def test_yaml_merge_keys_are_read_as_yaml_does():
    d = doc(
        """
        ---
        base: &base {draft: true, lang: sv}
        <<: *base
        lang: en
        params:
          <<: *base
          x: 1
        ---
        """
    )
    entries = {(e.key, e.line): e.value for e in d.front_matter.entries}
    assert entries[("draft", 3)] is True  # merged, on the << line
    assert entries[("lang", 4)] == "en"  # written keys win over merged ones
    assert ("lang", 3) not in entries
    assert entries[("params", 5)] == {"draft": True, "lang": "sv", "x": 1}


def test_binary_and_set_values_are_safe_values():
    d = doc("---\nb: !!binary aGVsbG8=\ns: !!set {b, a}\n---\n")
    assert d.front_matter.get("b").value == "aGVsbG8=" and d.front_matter.get("s").value == ["b", "a"]


def test_tree_json_shows_binary_and_set_values(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("---\nb: !!binary aGVsbG8=\ns: !!set {a}\nd: 2026-02-30\n---\n# R\n")
    result = CliRunner().invoke(main, ["tree", "--format", "json", str(page)])
    assert result.exit_code == 0, result.output
    values = {e["key"]: e["value"] for e in json.loads(result.output)["front_matter"]}
    assert values == {"b": "aGVsbG8=", "s": ["a"], "d": "2026-02-30"}


DEEP = 100_000


@pytest.mark.parametrize(
    "text, line, words",
    [
        ('{"a": ' + "[" * DEEP + "]" * DEEP + "}\n", 1, "nested too deeply"),
        ("+++\na = " + "[" * DEEP + "]" * DEEP + "\n+++\n", 2, "nested too deeply"),
        ("+++\na = " + "{b = " * 500 + "1" + "}" * 500 + "\n+++\n", 2, "nested too deeply"),
        ('{"a": ' + "[" * 500 + "]" * 500 + "}\n", 1, "nested too deeply"),
        ("---\na: " + "1" * 5000 + "\n---\n", 2, "more digits"),
        ("+++\na = " + "1" * 5000 + "\n+++\n", 2, "more digits"),
        ('{"a": ' + "1" * 5000 + "}\n", 1, "more digits"),
    ],
    ids=["json-deep", "toml-deep", "toml-inline-tables-deep", "json-500", "yaml-int", "toml-int", "json-int"],
)
def test_deep_nesting_and_huge_integers_are_clear_errors(text, line, words):
    with pytest.raises(InputError) as caught:
        parse_text(text, "p.md")
    assert words in caught.value.message and caught.value.line == line


from click.testing import CliRunner  # noqa: E402


@pytest.mark.parametrize("text", ['{"a": ' + "[" * DEEP + "]" * DEEP + "}\n", "---\na: " + "9" * 5000 + "\n---\n"])
def test_tree_json_gives_a_message_not_a_traceback(tmp_path, text):
    page = tmp_path / "p.md"
    page.write_text(text)
    result = CliRunner().invoke(main, ["tree", "--format", "json", str(page)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


# property: the line of every entry starts with its key

_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}  # YAML 1.1 reads these as no string
_KEY = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True).filter(lambda key: key not in _YAML_WORDS)
_STRING = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from(["#", '"', "'", "=", "[", "]", "{", "}", ",", ":", "\u2028", "\u0085", "\u2029", "\\"]),
    max_size=10,
)
_SCALAR = st.one_of(_STRING, st.integers(-999, 999), st.booleans())
_VALUE = st.one_of(_SCALAR, st.lists(_SCALAR, max_size=3), st.dictionaries(_KEY, _SCALAR, max_size=2))


def _toml_value(value, multiline: bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        parts = [_toml_value(v, False) for v in value]
        return "[\n  " + ",\n  ".join(parts) + ",\n]" if multiline and parts else "[" + ", ".join(parts) + "]"
    return "{" + ", ".join(f"{k} = {_toml_value(v, False)}" for k, v in value.items()) + "}"


def _yaml_value(value, block: bool) -> str:
    if isinstance(value, dict) and block and value:
        return "\n" + "\n".join(f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items())
    if isinstance(value, list) and block and value:
        return "\n" + "\n".join(f"  - {json.dumps(v, ensure_ascii=False)}" for v in value)
    return json.dumps(value, ensure_ascii=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(_KEY, _VALUE, st.booleans()), min_size=1, max_size=6, unique_by=lambda item: item[0]),
    st.sampled_from(["yaml", "toml", "json"]),
)
def test_the_line_of_every_entry_starts_with_its_key(entries, syntax):
    if syntax == "yaml":
        text = "---\n" + "\n".join(f"{k}: {_yaml_value(v, flag)}" for k, v, flag in entries) + "\n---\n# R\n"
    elif syntax == "toml":
        lines = [f"{k} = {_toml_value(v, flag)}" + (" # c = [" if flag else "") for k, v, flag in entries]
        text = "+++\n" + "\n".join(lines) + "\n+++\n# R\n"
    else:
        pairs = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, indent=2 if flag else None)}" for k, v, flag in entries]
        text = "{\n" + ",\n".join(pairs) + "\n}\n# R\n"
    lines = text.split("\n")
    found = parse_text(text, "p.md").front_matter.entries
    assert [e.key for e in found] == [k for k, _, _ in entries]
    for entry in found:
        written = lines[entry.line - 1].lstrip()
        assert written.startswith(entry.key) or written.startswith(json.dumps(entry.key)), (entry, written)
