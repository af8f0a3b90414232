"""duplicate-key, frontmatter-missing-key, frontmatter-mismatch: reports and stays quiet."""

import pytest

from conftest import findings, rules_of

EN = """
---
title: "Backend developer"
date: 2026-03-02
draft: false
weight: 10
tags: ["jobs"]
ai: true
language: "en"
---
Text.
"""

SV = """
---
title: "Backendutvecklare"
date: 2026-03-02
draft: false
weight: 10
tags: ["jobb"]
language: "sv"
---
Text.
"""


def test_translated_text_and_per_language_keys_are_quiet():
    assert findings(SV, EN) == []


def test_draft_mismatch_names_both_values_and_lines():
    sv = SV.replace("draft: false", "draft: true")
    found = findings(sv, EN)
    assert rules_of(found) == [("frontmatter-mismatch", "a.md", 4)]
    assert found[0].message == "draft is true here but false in b.md:4"
    assert found[0].related[0].line == 4


def test_dates_and_numbers_compare_by_value():
    sv = SV.replace("date: 2026-03-02", 'date: "2026-03-02T00:00:00"').replace("weight: 10", "weight: 10.0")
    assert findings(sv, EN) == []
    sv = SV.replace("date: 2026-03-02", "date: 2026-03-09").replace("weight: 10", "weight: 20")
    found = findings(sv, EN)
    assert [(f.rule, f.line) for f in found] == [("frontmatter-mismatch", 3), ("frontmatter-mismatch", 5)]


def test_missing_key_is_reported_in_the_file_that_lacks_it():
    sv = SV.replace("weight: 10\n", "")
    found = findings(sv, EN)
    assert rules_of(found) == [("frontmatter-missing-key", "a.md", 7)]
    assert "no 'weight' here; b.md:5 has weight: 10" in found[0].message



def test_a_missing_tag_that_names_the_own_language_is_information_not_a_copy():
    # some sites file each version under its language's name: the English page needs "English"
    sv = SV.replace('tags: ["jobb"]', 'tags: ["Svenska"]')
    en = EN.replace('tags: ["jobs"]\n', "")
    found = findings(sv, en)
    assert [(f.rule, f.path, f.severity.name) for f in found] == [("frontmatter-missing-key", "b.md", "INFO")]
    assert 'has tags: ["Svenska"], the name of its own language' in found[0].message
    # another language's name, or an ordinary tag, is a key to copy as before
    for tag in ('["English"]', '["Svenska", "jobb"]'):
        found = findings(SV.replace('tags: ["jobb"]', f"tags: {tag}"), en)
        assert [(f.rule, f.severity.name) for f in found] == [("frontmatter-missing-key", "WARNING")], tag


def test_a_missing_block_value_is_shown_on_one_line():
    """A YAML mapping written over several lines is quoted on one line (no line break, no
    escape code in the message)."""
    en = EN.replace("weight: 10\n", "params:\n  banner: true\n  color: blue\nweight: 10\n")
    found = findings(SV, en)
    assert rules_of(found) == [("frontmatter-missing-key", "a.md", 8)]
    assert "has params: banner: true color: blue" in found[0].message
    assert "\n" not in found[0].message

def test_keys_compare_case_insensitively_like_hugo():
    sv = SV.replace("title:", "Title:")
    assert findings(sv, EN) == []


def test_duplicate_keys_exact_and_by_case():
    sv = SV.replace("weight: 10", "weight: 10\nWeight: 20")
    found = findings(sv, EN)
    assert ("duplicate-key", "a.md", 6) in rules_of(found)
    assert "Hugo reads keys case-insensitively" in next(f.message for f in found if f.rule == "duplicate-key")
    sv = SV.replace("weight: 10", "weight: 10\nweight: 30")
    found = findings(sv, EN)
    assert ("duplicate-key", "a.md", 6) in rules_of(found)
    assert "written twice (lines 5 and 6)" in next(f.message for f in found if f.rule == "duplicate-key")


def test_the_same_value_twice_loses_nothing():
    sv = SV.replace("weight: 10", "weight: 10\nWeight: 10")
    assert [f.rule for f in findings(sv, EN)] == []


def test_malformed_front_matter_is_a_parse_error_and_nothing_else():
    sv = SV.replace("draft: false", "draft: [unclosed")
    found = findings(sv, EN)
    assert [(f.rule, f.path) for f in found] == [("parse-error", "a.md")]
    assert "malformed YAML front matter" in found[0].message


@pytest.mark.parametrize(
    "key, sv_value, en_value, severity",
    [
        ("date", "2024-09-22", "2024-09-20", "warning"),  # a translation dated when it was written
        ("cardorder", '"3"', '"1"', "warning"),  # its place in a listing
        ("weight", "10", "20", "warning"),
        ("draft", "false", "true", "error"),  # published in one language only
        ("price", '"490"', '"590"', "error"),
    ],
)
def test_dates_and_listing_order_in_front_matter_are_warnings(key, sv_value, en_value, severity):
    from transcheck.checking.engine import check_texts

    sv = f"---\ntitle: Sidan\n{key}: {sv_value}\n---\n\nText på svenska om tjänsten.\n"
    en = f"---\ntitle: The page\n{key}: {en_value}\n---\n\nText in English about the service.\n"
    found = [f.severity.label for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "frontmatter-mismatch"]
    assert found == [severity]


def test_a_key_whose_name_was_translated_but_holds_the_same_value_is_info():
    from transcheck.checking.engine import check_texts

    sv = '---\ntitle: Kakor\ndokumentbild: "card_22.jpg"\n---\n\nText om kakor.\n'
    nb = '---\ntitle: Informasjonskapsler\ndokumentbilde: "card_22.jpg"\n---\n\nTekst om informasjonskapsler.\n'
    found = [(f.severity.label, f.path) for f in check_texts(sv, nb, "p.sv.md", "p.nb.md") if f.rule == "frontmatter-missing-key"]
    assert found == [("info", "p.nb.md"), ("info", "p.sv.md")]
    other = nb.replace("card_22.jpg", "card_23.jpg")
    assert {f.severity.label for f in check_texts(sv, other, "p.sv.md", "p.nb.md") if f.rule == "frontmatter-missing-key"} == {"warning"}


def test_three_or_more_missing_keys_are_one_finding():
    from transcheck.checking.engine import check_texts

    sv = ('---\ntitle: Lagring\nsidebarphone: "+46855107370"\nsidebarmail: "hello@example.se"\n'
          'sidebarimage: "anna.webp"\nsidebarname: "Anna"\n---\n\nText om lagring.\n')
    en = "---\ntitle: Storage\n---\n\nText about storage.\n"
    found = [f for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "frontmatter-missing-key"]
    assert len(found) == 1
    assert found[0].message.startswith("front matter has no 'sidebarphone', 'sidebarmail', 'sidebarimage', 'sidebarname' here")
    assert "these 4 keys (lines 3–6)" in found[0].message
    two = "\n".join(line for line in sv.splitlines() if not line.startswith(("sidebarimage", "sidebarname"))) + "\n"
    assert len([f for f in check_texts(two, en, "p.sv.md", "p.en.md") if f.rule == "frontmatter-missing-key"]) == 2
