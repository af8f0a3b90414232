"""Message wording: plurals, untitled sections, the text before the first heading, line
ranges, shortcode labels, and where a file's language was learnt."""

import json
import re

from click.testing import CliRunner

from transcheck.cli import main
from transcheck.checking.engine import check_texts
from transcheck.wording import in_section, line_range, named, plural, said_by, section_phrase
from conftest import findings

# a few of the grammar slips this file exists to keep out
SLIPS = re.compile(r"\b1 (items|paragraphs|rows|columns|blocks)\b|in this the |section \"\"|\{\{[<%] [\w-]+ \}\}|as the command line says")


def messages(a: str, b: str) -> list[str]:
    found = [f.message for f in findings(a, b)]
    for message in found:
        assert not SLIPS.search(message), message
    return found


def test_the_text_before_the_first_heading_is_named_without_this():
    found = messages("Intro med [länk](https://a.example/x).\n\n## Rubrik\n\nText.\n",
                     "Intro without a link.\n\n## Heading\n\nText.\n")
    assert any("has no counterpart in the text before the first heading here" in m for m in found), found


def test_one_paragraph_is_singular():
    found = messages("## Rubrik\n\nEtt stycke.\n\n## Nästa\n\nText.\n",
                     "## Heading\n\nOne paragraph.\n\nTwo paragraphs.\n\n## Next\n\nText.\n")
    assert 'section "Rubrik" has 1 paragraph here but 2 in b.md:1' in found


def test_one_item_is_singular():
    found = messages("## Rubrik\n\nText.\n\n- Ett\n\nMer.\n", "## Heading\n\nText.\n\nMore.\n")
    assert any(m.startswith("list of 1 item (a.md:5") for m in found), found
    counted = messages("## Rubrik\n\n- Ett\n- Två\n", "## Heading\n\n- One\n")
    assert any(m.startswith("list has 1 item here but 2 in a.md:3") for m in counted), counted


def test_one_row_and_one_column_are_singular():
    found = messages("## R\n\n| A |\n|---|\n| 1 |\n", "## H\n\n| A |\n|---|\n| 1 |\n| 2 |\n")
    assert any(m.startswith("table has 1 row × 1 column here but 2 × 1") for m in found), found


def test_a_heading_with_only_an_id_is_an_untitled_section():
    found = messages("## {#x}\n\nEtt stycke.\n\n## Nästa\n\nText.\n",
                     "## {#x}\n\nOne paragraph.\n\nTwo paragraphs.\n\n## Next\n\nText.\n")
    assert "an untitled section has 1 paragraph here but 2 in b.md:1" in found
    # an empty heading starts no section (tests/test_empty_heading.py): its text is before the first heading
    found = messages("## \n\nEtt stycke.\n\n## Nästa\n\nText.\n",
                     "## \n\nOne paragraph.\n\nTwo paragraphs.\n\n## Next\n\nText.\n")
    assert "the text before the first heading has 1 paragraph here but 2 in b.md:1" in found


def test_shortcode_label_is_balanced():
    text = '{{< icon-block title="Fast and secure cloud storage for everyone" >}}\n\n## R\n\nText.\n'
    found = messages(text, text.replace("## R", "## H"))
    assert any(m.startswith('{{< icon-block >}} title="Fast and secure') for m in found), found


def test_phrases():
    assert plural(1, "item") == "1 item" and plural(0, "item") == "0 items" and plural(2, "entry", "entries") == "2 entries"
    assert line_range(101, 98) == "lines 98–101" and line_range(7, 7) == "line 7"
    assert named("") == "an untitled section" and named("  ") == "an untitled section" and named("Om") == '"Om"'

    class Info:
        def __init__(self, title: str, section: object) -> None:
            self.title, self.section = title, section

    assert section_phrase(Info("", None)) == "the text before the first heading"
    assert section_phrase(Info("", object())) == "an untitled section"
    assert section_phrase(Info("Om oss", object())) == 'section "Om oss"'
    assert in_section(Info("", None)) == "" and in_section(Info("Om", object())) == ' in section "Om"'
    assert said_by("") == "front matter" and said_by("site") == "site's layout" and said_by("command line") == "--lang option"


def test_the_site_not_the_command_line_says_which_language(tmp_path):
    hugo = 'defaultContentLanguage = "sv"\n[languages.sv]\ncontentDir = "content/sv"\n[languages.en]\ncontentDir = "content/en"\n'
    files = {
        "hugo.toml": hugo,
        "content/sv/a.md": "---\ntitle: Om oss\nlanguage: en\n---\n## Om oss\n\nText.\n",
        "content/en/a.md": "---\ntitle: About us\nlanguage: sv\n---\n## About us\n\nText.\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    data = json.loads(CliRunner().invoke(main, ["scan", str(tmp_path), "--format", "json"]).stdout)
    mismatch = [f["message"] for f in data["findings"] if f["rule"] == "language-mismatch"]
    assert mismatch and all("the site's layout says" in m for m in mismatch), mismatch
    assert not any("command line" in f["message"] for f in data["findings"])
    # with --lang the command line did say it
    given = check_texts(files["content/sv/a.md"], files["content/en/a.md"], "a.md", "b.md", languages=("sv", "en"))
    assert any("but the --lang option says Swedish (sv)" in f.message for f in given if f.rule == "language-mismatch")


def test_no_message_of_the_broken_samples_has_a_grammar_slip():
    from conftest import SAMPLES

    output = CliRunner().invoke(main, ["check", str(SAMPLES / "broken" / "posting.sv.md"),
                                       str(SAMPLES / "broken" / "posting.en.md")]).stdout
    assert output and not SLIPS.search(output), SLIPS.search(output)


def test_empty_text_is_named_not_quoted_empty():
    # a blank line is no code: the first line of code that differs is named
    code = messages("## R\n\n```\nx\n```\n", "## H\n\n```\nx\n\ny\n```\n")
    assert any(m.endswith('"(end of block)" here, "y" there') for m in code), code
    assert messages("## R\n\n```\nx\ny\n```\n", "## H\n\n```\nx\n\ny\n```\n") == []
    nested = messages("## R\n\n- Ett\n-\n  - Under\n", "## H\n\n- One\n-\n")
    assert any("nested list of 1 item under an item without text (a.md:4)" in m for m in nested), nested
    for message in code + nested:
        assert '""' not in message


def test_one_pair_checked_is_singular(tmp_path):
    hugo = 'defaultContentLanguage = "sv"\n[languages.sv]\ncontentDir = "content/sv"\n[languages.en]\ncontentDir = "content/en"\n'
    for name, text in {"hugo.toml": hugo, "content/sv/a.md": "## Om\n", "content/en/a.md": "## About\n"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    output = CliRunner().invoke(main, ["scan", str(tmp_path), "--no-progress"]).stdout
    assert re.search(r"(?m)^1 pair checked in ", output), output


def test_two_long_links_that_part_late_are_shown_where_they_differ():
    from transcheck.wording import contrast

    a = "https://learn.microsoft.com/en-us/dotnet/core/deploying/#publish-self-contained"
    b = "https://learn.microsoft.com/en-us/dotnet/core/deploying/#publish-as-self-contained"
    shown_a, shown_b = contrast(a, b)
    assert shown_a != shown_b
    assert "publish-self-contained" in shown_a and "publish-as-self-contained" in shown_b
    assert shown_a.startswith('"…/deploying/')


def test_two_long_links_that_differ_at_the_end_too_show_both_places():
    from transcheck.wording import contrast

    a = "https://github.com/example-org/example-site/blob/main/scripts/content-modules/adjust-pages.pl"
    b = "https://github.com/example-org/example-site/tree/main/scripts/content-modules/adjust-pages"
    shown_a, shown_b = contrast(a, b, every_change=True)
    assert "/blob/" in shown_a and "/tree/" in shown_b  # where they part
    assert shown_a.endswith('adjust-pages.pl"') and shown_b.endswith('adjust-pages"')  # and how they end
    assert max(len(shown_a), len(shown_b)) <= 80


def test_short_or_early_parting_texts_are_quoted_as_usual():
    from transcheck.wording import contrast, quote

    assert contrast("https://a.example/x", "https://a.example/y") == ('"https://a.example/x"', '"https://a.example/y"')
    a, b = "https://one.example/" + "x" * 80, "https://two.example/" + "x" * 80
    assert contrast(a, b) == (quote(a), quote(b))


def test_a_changed_long_link_names_both_versions_legibly():
    from transcheck.checking.engine import check_texts

    base = "https://docs.example.com/en-us/platform/guides/deploying/"
    sv = f"## Drift\n\nSe [guiden]({base}#publish-self-contained) för detaljer.\n"
    en = f"## Deploying\n\nSee [the guide]({base}#publish-as-self-contained) for details.\n"
    found = [f for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "link-mismatch"]
    assert len(found) == 1
    assert "#publish-self-contained" in found[0].message and "#publish-as-self-contained" in found[0].message
