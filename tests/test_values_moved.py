"""No cascade after a rewrite (issue 13): a value missing from an aligned section but
present elsewhere in the other file is "moved" (info, naming the place), never an error,
and no finding points at a section that holds what it calls missing. A value gone from
the whole file is still an error. Fragments written for the test."""

from __future__ import annotations

import pytest

from transcheck.checking.engine import check_texts
from transcheck.findings import Severity

VALUE_RULES = {"number-mismatch", "date-mismatch", "contact-mismatch", "link-mismatch", "salary-mismatch", "image-mismatch"}

SV = """# Tjänsten

Vi driver molnet i egna datacenter.

## Priser

Lagring kostar 250 kr per månad.

## Kontakt

Ring 08-123 45 67 eller läs [villkoren](https://example.com/terms). Avtalet gäller från 1 mars 2026.
Vi har 4711 kunder.
"""

# The English page was rewritten: the contact details and the date went to the top,
# the price into the contact section.
EN = """# The service

We run the cloud in our own data centres. Call +46 8 123 45 67 or read
[the terms](https://example.com/terms). The agreement applies from March 1, 2026.
We have 4711 customers.

## Prices

Our prices are listed below.

## Contact

Storage costs 250 kr per month.
"""


def value_findings(sv: str, en: str):
    found = check_texts(sv, en, "content/sv/page.md", "content/en/page.md")
    return [f for f in found if f.rule in VALUE_RULES]


def test_moved_values_are_info_only():
    found = value_findings(SV, EN)
    assert found, "a move is worth an info"
    assert all(f.severity == Severity.INFO for f in found), [(f.rule, f.severity, f.message) for f in found]
    assert all(f.message.startswith("moved: ") for f in found)


def test_moved_finding_names_where_the_value_stands():
    found = {f.rule: f for f in value_findings(SV, EN)}
    contact = found["contact-mismatch"]
    # "Kontakt" and "Prices" share none of their names and numbers: no pair, so the
    # contact is told where it stands on the English page, with the Swedish place
    assert (contact.path, contact.line) == ("content/en/page.md", 3)
    assert 'it stands in section "Kontakt", line 11 there' in contact.message
    assert [(r.path, r.line) for r in contact.related] == [("content/sv/page.md", 11)]


@pytest.mark.parametrize(
    "change, rule",
    [
        ("250 kr per month", "salary-mismatch"),
        ("+46 8 123 45 67", "contact-mismatch"),
        ("March 1, 2026", "date-mismatch"),
        ("https://example.com/terms", "link-mismatch"),
        ("4711", "number-mismatch"),
    ],
)
def test_a_value_gone_from_the_whole_file_is_still_an_error(change, rule):
    replacement = {"250 kr per month": "260 kr per month", "+46 8 123 45 67": "+46 8 123 45 99",
                   "March 1, 2026": "March 2, 2026", "https://example.com/terms": "https://example.com/other",
                   "4711": "4712"}[change]
    found = value_findings(SV, EN.replace(change, replacement))
    errors = [f for f in found if f.severity == Severity.ERROR]
    # the old value is missing where the source has it, the new one where the translation has it
    assert errors and {f.rule for f in errors} == {rule}, [(f.rule, f.message) for f in found]


def _section_at(text: str, line: int) -> str:
    """The lines of the section that starts at ``line`` (1-based), up to the next heading."""
    lines = text.splitlines()[line - 1 :]
    body = [lines[0]] + [x for x in _until_heading(lines[1:])]
    return "\n".join(body)


def _until_heading(lines: list[str]):
    for line in lines:
        if line.startswith("#"):
            return
        yield line


@pytest.mark.parametrize("sv_value, en_value", [("250 kr", "260 kr"), ("4711", "4712"), ("08-123 45 67", "+46 8 123 45 67")])
def test_no_finding_points_at_a_section_that_holds_the_value(sv_value, en_value):
    sv = SV.replace("08-123 45 67", "08-123 45 68") if sv_value.startswith("08") else SV
    en = EN.replace(sv_value, en_value) if not sv_value.startswith("08") else EN
    texts = {"content/sv/page.md": sv, "content/en/page.md": en}
    for finding in value_findings(sv, en):
        if "has no counterpart in this section" not in finding.message:
            continue
        missing = finding.message.split('"')[1]
        assert missing not in _section_at(texts[finding.path], finding.line), finding.message


def test_faithful_translation_is_quiet():
    en = """# The service

We run the cloud in our own data centres.

## Prices

Storage costs 250 kr per month.

## Contact

Call +46 8 123 45 67 or read [the terms](https://example.com/terms). The agreement applies from March 1, 2026.
We have 4711 customers.
"""
    assert value_findings(SV, en) == []


def test_value_in_a_block_without_counterpart_of_the_aligned_section_is_left_to_the_structure_rule():
    sv = "# Rubrik\n\nLäs [villkoren](https://example.com/terms).\n\n- en punkt\n- 4711 kunder\n"
    en = "# Title\n\nRead the terms.\n\n```\ncode\n```\n\n- one item\n- 4711 customers\n- [the terms](https://example.com/terms)\n"
    found = value_findings(sv, en)
    assert not any("it stands in section \"Title\"" in f.message for f in found)
    assert not any(f.severity == Severity.ERROR and "terms" in f.message for f in found), [(f.rule, f.message) for f in found]


def test_targets_written_alike_are_equal_whatever_the_page_map_says():
    """Two pages of a site resolve a relative "card.jpg" to two addresses; written alike in
    both versions, it is the same file (the theme finds it), never a mismatch."""
    from transcheck.pair.settings import Settings
    class Map:  # every page resolves every relative target to its own folder
        def resolve(self, text, page):
            return None

        def address(self, text, page):
            return page.rsplit("/", 1)[0] + "/" + text if not text.startswith(("/", "http")) else None

    sv = "---\ncard: card.jpg\n---\n# Rubrik\n\n![bild](team.webp) och [sidan](https://example.com/x)\n"
    en = "---\ncard: card.jpg\n---\n# Title\n\n![image](team.webp) and [the page](https://example.com/x)\n"
    options = Settings(page_map=Map())
    found = check_texts(sv, en, "content/sv/page.md", "content/en/page.md", options)
    assert [f for f in found if f.rule in VALUE_RULES] == []
    found = check_texts(sv, en.replace("team.webp", "group.webp"), "content/sv/page.md", "content/en/page.md", options)
    assert [f.rule for f in found if f.rule in VALUE_RULES] == ["image-mismatch"]


def test_a_place_in_the_aligned_section_wins_over_one_elsewhere():
    """The link stands in the aligned section (in a list the structure rule reports) and,
    earlier, in another section: the aligned section holds it, so it is not "moved"."""
    sv = "# Rubrik\n\nVälkommen hit.\n\n## Detaljer\n\nLäs [guiden](https://example.com/guide).\n"
    en = ("# Title\n\nWelcome, see [the guide](https://example.com/guide).\n\n## Details\n\nRead the guide.\n\n"
          "- one\n- [the guide](https://example.com/guide)\n")
    found = value_findings(sv, en)
    # nothing about the Swedish link (the aligned English section holds it); the extra
    # English mention at the top is an info at most
    assert not any(f.path == "content/sv/page.md" for f in found), [(f.rule, f.severity, f.message) for f in found]
    assert all(f.severity == Severity.INFO for f in found)
    # without the list, the link is only elsewhere: moved, an info naming the place
    found = value_findings(sv, en.replace("- one\n- [the guide](https://example.com/guide)\n", ""))
    assert [(f.path, f.severity) for f in found if f.path == "content/sv/page.md"] == [("content/sv/page.md", Severity.INFO)]
    assert all(f.severity == Severity.INFO for f in found)


def test_a_changed_small_number_is_found_although_it_stands_elsewhere():
    """Small numbers are everywhere (list numbers, table cells): standing elsewhere proves
    nothing, so "3 data centres" → "4 datacenter" stays a number-mismatch."""
    sv = "# Om oss\n\nVi har 4 datacenter.\n\n## Team\n\n| team | antal |\n|---|---|\n| a | 3 |\n| b | 4 |\n"
    en = "# About\n\nWe have 3 data centres.\n\n## Team\n\n| team | count |\n|---|---|\n| a | 3 |\n| b | 4 |\n"
    found = value_findings(sv, en)
    assert [(f.rule, f.severity) for f in found] == [("number-mismatch", Severity.ERROR)]
