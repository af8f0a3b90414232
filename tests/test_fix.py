"""`transcheck fix --lang-tags`: only the language lines change, byte for byte, atomically."""

import os
import stat

import pytest

from click.testing import CliRunner

from transcheck.cli import main
from transcheck.site.fix import fix_text

SEED_LIKE = (
    "---\r\n"
    "# the page's metadata\r\n"
    "title: 'Utvecklare'\r\n"
    'language: "sv"\r\n'
    "draft: false   # keep\r\n"
    'Language: "En"\r\n'
    "---\r\n"
    "## Rubrik\r\n"
    "\r\n"
    "Text med language: en i brödtexten.\r\n"
)


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_duplicate_removed_everything_else_byte_for_byte(tmp_path):
    page = tmp_path / "posting.sv.md"
    page.write_bytes(SEED_LIKE.encode("utf-8"))
    result = run("fix", "--lang-tags", "--write", str(page))
    assert result.exit_code == 0, result.output
    expected = SEED_LIKE.replace('Language: "En"\r\n', "")
    assert page.read_bytes() == expected.encode("utf-8")


def test_wrong_code_is_replaced_keeping_key_spelling_and_quotes():
    result = fix_text("---\nLang: 'Se'\ntitle: x\n---\nText\n", "p.sv.md", "sv")
    assert result.after == "---\nLang: 'sv'\ntitle: x\n---\nText\n"
    result = fix_text("---\nlanguage: no\n---\n", "p.nb.md", "nb")
    assert result.after == '---\nlanguage: nb\n---\n'  # unquoted stays unquoted: nb is no YAML boolean
    result = fix_text('+++\nlanguageCode = "en-US"\n+++\n', "p.sv.md", "sv")
    assert result.after == '+++\nlanguageCode = "sv"\n+++\n'


def test_right_file_is_left_alone():
    text = '---\nlanguage: "sv-SE"\n---\n'
    assert not fix_text(text, "p.sv.md", "sv").changed


def test_diff_is_the_default_and_writes_nothing(tmp_path):
    page = tmp_path / "posting.sv.md"
    page.write_bytes(SEED_LIKE.encode("utf-8"))
    before = page.read_bytes()
    result = run("fix", "--lang-tags", str(page))
    assert result.exit_code == 1
    assert '-Language: "En"' in result.output
    assert page.read_bytes() == before


def test_unparsable_front_matter_is_refused(tmp_path):
    page = tmp_path / "bad.sv.md"
    page.write_text("---\nlanguage: [sv\n---\n")
    before = page.read_bytes()
    result = run("fix", "--lang-tags", "--write", str(page))
    assert result.exit_code == 2
    assert "not changed" in result.output
    assert page.read_bytes() == before


def test_unknown_language_is_refused(tmp_path):
    page = tmp_path / "page.md"
    page.write_text('---\nlanguage: "xx"\n---\n')
    result = run("fix", "--lang-tags", "--write", str(page))
    assert result.exit_code == 2 and "cannot tell which language" in result.output


def test_write_is_atomic_and_keeps_permissions(tmp_path):
    page = tmp_path / "posting.sv.md"
    page.write_bytes(SEED_LIKE.encode("utf-8"))
    os.chmod(page, 0o640)
    inode = os.stat(page).st_ino
    run("fix", "--lang-tags", "--write", str(page))
    assert stat.S_IMODE(os.stat(page).st_mode) == 0o640
    assert os.stat(page).st_ino != inode  # replaced by rename, never rewritten in place
    assert [p.name for p in tmp_path.iterdir()] == ["posting.sv.md"]  # no temporary file left


# --- edits are spans, never lines (issue 14, items 1 and 2) ----------------------

from transcheck.document.read import parse_text


def values(text):
    return [(e.key, e.value) for e in parse_text(text, "p.md").front_matter.entries]


def test_one_line_json_keeps_the_keys_that_share_the_line():
    text = '{"title": "Hej", "lang": "sv", "Lang": "en", "tags": ["a", "b"]}\n# Rubrik\n'
    result = fix_text(text, "p.sv.md", "sv")
    assert result.after == '{"title": "Hej", "lang": "sv", "tags": ["a", "b"]}\n# Rubrik\n'


def test_json_duplicate_first_in_the_object_is_removed_with_its_comma():
    text = '{"Lang": "sv", "lang": "en", "title": "x"}\n'
    assert fix_text(text, "p.sv.md", "sv").after == '{"Lang": "sv", "title": "x"}\n'
    text = '{"lang": "en", "Lang": "sv"}\n'
    assert fix_text(text, "p.sv.md", "sv").after == '{"lang": "sv"}\n'


def test_multi_line_json_stays_valid_and_keeps_its_layout():
    text = '{\n  "title": "Hej",\n  "Lang": "en",\n  "lang": "sv",\n  "tags": ["a",\n    "b"]\n}\n# R\n'
    after = fix_text(text, "p.sv.md", "sv").after
    assert after == '{\n  "title": "Hej",\n  "Lang": "sv",\n  "tags": ["a",\n    "b"]\n}\n# R\n'


def test_yaml_flow_mapping_keeps_the_keys_that_share_the_line():
    text = '---\n{title: Hej, language: "sv", Language: "En", date: 2026-01-01}\n---\n# R\n'
    after = fix_text(text, "p.sv.md", "sv").after
    assert after == '---\n{title: Hej, language: "sv", date: 2026-01-01}\n---\n# R\n'


def test_anchor_stays_and_only_the_scalar_changes():
    assert fix_text("---\nlang: &l se\nx: 1\n---\n", "p.sv.md", "sv").after == "---\nlang: &l sv\nx: 1\n---\n"
    assert fix_text("---\nlang: !!str 'en'\n---\n", "p.sv.md", "sv").after == "---\nlang: !!str 'sv'\n---\n"


def test_an_alias_of_the_edited_value_elsewhere_refuses_the_edit():
    text = "---\nlang: &l se\nsummary: *l\n---\n"
    result = fix_text(text, "p.sv.md", "sv")
    assert not result.changed and "summary" in result.note and result.note.startswith("not changed")


def test_empty_value_gets_the_code_after_the_colon():
    assert fix_text("---\ntitle: x\nlang:\ndraft: true\n---\n", "p.sv.md", "sv").after == (
        "---\ntitle: x\nlang: sv\ndraft: true\n---\n"
    )
    assert fix_text("---\nlang: &l\n---\n", "p.sv.md", "sv").after == "---\nlang: &l sv\n---\n"


def test_line_separators_inside_an_earlier_value_do_not_shift_the_edit():
    text = '---\ntitle: "a\u2028b\u0085c\u2029d"\nlang: se\nnote: se\n---\n# R\n'
    result = fix_text(text, "p.sv.md", "sv")
    assert result.after == text.replace("lang: se", "lang: sv")
    assert "\u2028b\u0085c" in result.diff()  # the diff also splits on "\n" only


def test_toml_table_named_lang_is_left_alone_with_a_note(tmp_path):
    text = '+++\ntitle = "x"\n[lang]\ncode = "en"\n+++\n# R\n'
    result = fix_text(text, "p.sv.md", "sv")
    assert not result.changed and any("table" in r for r in result.remarks)
    page = tmp_path / "p.sv.md"
    page.write_text(text)
    run_result = run("fix", "--lang-tags", "--write", str(page))
    assert run_result.exit_code == 0 and "left alone" in run_result.output
    assert page.read_text() == text


def test_toml_inline_table_and_hash_in_strings():
    text = '+++\ntags = ["C#", "F#"] # langs\nlang = { code = "en" }\nlanguage = "en" # keep me\nLanguage = "x"\n+++\n'
    result = fix_text(text, "p.sv.md", "sv")
    assert result.after == '+++\ntags = ["C#", "F#"] # langs\nlang = { code = "en" }\nlanguage = "sv" # keep me\n+++\n'
    assert any("lang on line 3" in r for r in result.remarks)


def test_toml_multi_line_values_before_the_language_field():
    text = '+++\ndescription = """\nlang = "en"\n"""\ntags = [\n  "a",\n  "b",\n]\nlang = \'en\'\n+++\n'
    result = fix_text(text, "p.sv.md", "sv")
    assert result.after == text.replace("lang = 'en'", "lang = 'sv'")


def test_crlf_line_endings_are_kept_when_a_line_is_removed():
    text = "---\r\ntitle: x\r\nlanguage: sv\r\nLanguage: en\r\nlang: \"dk\"\r\n---\r\n# R\r\n"
    result = fix_text(text, "p.sv.md", "sv")
    assert result.after == "---\r\ntitle: x\r\nlanguage: sv\r\nlang: \"sv\"\r\n---\r\n# R\r\n"


def test_block_and_multi_line_values_are_left_alone():
    result = fix_text("---\nlang: |\n  en\n---\n", "p.sv.md", "sv")
    assert not result.changed and "block" in result.remarks[0]


def test_plain_code_that_yaml_would_misread_is_quoted():
    assert fix_text("---\nlang: en\n---\n", "p.no.md", "no").after == '---\nlang: "no"\n---\n'


# --- which language (issue 14, item 3) --------------------------------------------

from transcheck.site.fix import expected_for_fix


@pytest.mark.parametrize(
    "path, code, source",
    [
        ("no/content/en/jobb.md", "en", "content folder"),
        ("ss/site/content/sv/jobb.md", "sv", "content folder"),
        ("no/jobb.sv.md", "sv", "file name"),
        ("/abs/no/jobb.md", None, ""),
    ],
)
def test_language_comes_from_suffix_or_content_folder_not_the_first_segment(path, code, source):
    found = expected_for_fix(path)
    assert (found.code, found.source) == (code, source)


def test_a_folder_name_guess_writes_nothing_and_asks_for_lang(tmp_path, monkeypatch):
    (tmp_path / "ss").mkdir()
    page = tmp_path / "ss" / "jobb.md"
    page.write_text('---\nlanguage: "sv"\n---\n# R\n')
    monkeypatch.chdir(tmp_path)
    result = run("fix", "--lang-tags", "--write", "ss/jobb.md")
    assert result.exit_code == 2 and "--lang ss" in result.output and "guess" in result.output
    assert page.read_text() == '---\nlanguage: "sv"\n---\n# R\n'
    result = run("fix", "--lang-tags", "--write", "--lang", "en", "ss/jobb.md")
    assert result.exit_code == 0 and page.read_text() == '---\nlanguage: "en"\n---\n# R\n'


def test_the_content_folder_after_a_misleading_first_segment_wins(tmp_path, monkeypatch):
    folder = tmp_path / "no" / "content" / "en"
    folder.mkdir(parents=True)
    (folder / "jobb.md").write_text('---\nlanguage: "En"\n---\n# R\n')
    monkeypatch.chdir(tmp_path)
    result = run("fix", "--lang-tags", "no/content/en/jobb.md")
    assert result.exit_code == 0 and result.output == ""  # "En" is English: nothing to do, never "no"


def test_the_site_config_gives_the_language(tmp_path):
    (tmp_path / "hugo.toml").write_text(
        'defaultContentLanguage = "sv"\n[languages.sv]\ncontentDir = "innehall/svenska"\n[languages.en]\ncontentDir = "innehall/engelska"\n'
    )
    folder = tmp_path / "innehall" / "engelska"
    folder.mkdir(parents=True)
    (folder / "jobb.md").write_text('---\nlang: "se"\n---\n')
    found = expected_for_fix(str(folder / "jobb.md"))
    assert (found.code, found.source) == ("en", "site config")
