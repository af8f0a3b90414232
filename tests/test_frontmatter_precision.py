"""Front matter without noise (issues 13 and 19): keys whose value says nothing, keys that
belong to one language by design, a language key on one side only, and text keys the
config names as translated checked for being untranslated. Both ways each time."""

from __future__ import annotations

import pytest

from transcheck.rules.frontmatter import empty_value, per_language
from conftest import findings, rules_of


def page(front: str, body: str = "Text.") -> str:
    return f"---\n{front.strip()}\n---\n{body}\n"


SV = 'title: "Om oss"\nweight: 10'
EN = 'title: "About us"\nweight: 10'


@pytest.mark.parametrize(
    "extra",
    ['sidebartitle: ""', "hideintro: false", "count: 0", "tags: []", "params: {}", "note:", "note: null", 'blank: "  "'],
)
def test_key_on_one_side_with_an_empty_value_is_quiet(extra):
    assert findings(page(SV), page(EN + "\n" + extra)) == []
    assert findings(page(SV + "\n" + extra), page(EN)) == []


@pytest.mark.parametrize(
    "extra", ['sidebartitle: "Mer"', "hideintro: true", "count: 3", 'tags: ["a"]', "params: {x: 1}"]
)
def test_key_on_one_side_with_a_value_is_reported(extra):
    found = findings(page(SV), page(EN + "\n" + extra))
    assert [f.rule for f in found] == ["frontmatter-missing-key"]
    assert found[0].path == "a.md"


@pytest.mark.parametrize(
    "extra",
    [
        "default_lang_commit: 3f2a9c1b7e",
        "drifted_from_default: true",
        'l10n: {translator: "A. B."}',
        "l10n_state: reviewed",
        'translationKey: "about"',
        "translationkey: about-page",
        "cSpell:ignore: kubectl otel",
    ],
)
def test_per_language_keys_are_never_missing(extra):
    # (a page that says it drifted is told once by stale-translation: tests/test_declared_drift.py)
    assert [f for f in findings(page(SV + "\n" + extra), page(EN)) if f.rule != "stale-translation"] == []
    assert [f for f in findings(page(SV), page(EN + "\n" + extra)) if f.rule != "stale-translation"] == []


def test_per_language_keys_are_never_compared():
    found = findings(page(SV + "\ndefault_lang_commit: 1\ndrifted_from_default: true"), page(EN + "\ndefault_lang_commit: 2\ndrifted_from_default: false"))
    assert [f.rule for f in found] == ["stale-translation"]


def test_other_keys_are_still_compared_and_missing():
    found = findings(page(SV + "\ndraft: true\nshowtoc: true"), page(EN + "\ndraft: false"))
    assert sorted(f.rule for f in found) == ["frontmatter-mismatch", "frontmatter-missing-key"]


@pytest.mark.parametrize("key", ["language", "lang"])
def test_language_key_on_one_side_only_is_reported(key):
    found = findings(page(SV + f'\n{key}: "sv"'), page(EN))
    assert rules_of(found) == [("frontmatter-missing-key", "b.md", 4)]  # at the closing ---
    assert "says no language here" in found[0].message and f'{key}: "sv"' in found[0].message


@pytest.mark.parametrize(
    "a, b",
    [('language: "sv"', 'language: "en"'), ('lang: "sv"', 'language: "en"'), ('lang: "sv"', "languageCode: en"), ("", "")],
)
def test_language_key_on_both_sides_is_quiet(a, b):
    found = findings(page(SV + "\n" + a), page(EN + "\n" + b))
    assert [f for f in found if f.rule == "frontmatter-missing-key"] == []


SETTINGS = {"text_keys": ("cardtitle", "cardintro", "title")}


def test_configured_translated_key_identical_is_untranslated():
    sv = page(SV + '\ncardtitle: "Secure cloud storage for research"')
    en = page(EN + '\ncardtitle: "Secure cloud storage for research"')
    found = findings(sv, en, **SETTINGS)
    assert rules_of(found) == [("untranslated", "a.md", 4)]
    assert found[0].message.startswith('cardtitle: "Secure cloud storage for research" is identical in b.md:4')


@pytest.mark.parametrize(
    "a, b",
    [
        ("Säker molnlagring för forskning", "Secure cloud storage for research"),  # translated
        ("Safespring Backup", "Safespring Backup"),  # a name: no ordinary word
        ("Compliant Kubernetes", "Compliant Kubernetes"),  # a product name
        ("backup", "backup"),  # too short to say
    ],
)
def test_configured_translated_key_translated_or_a_name_is_quiet(a, b):
    found = findings(page(SV + f'\ncardtitle: "{a}"'), page(EN + f'\ncardtitle: "{b}"'), **SETTINGS)
    assert found == []


def test_unconfigured_key_is_not_checked_for_translation():
    text = '\ncardintro: "Secure cloud storage for research"'
    assert findings(page(SV + text), page(EN + text)) == []


def test_title_is_reported_once_by_the_language_rule():
    found = findings(page('title: "Secure cloud storage"'), page('title: "Secure cloud storage"'), **SETTINGS)
    assert [f.rule for f in found] == ["untranslated"]


@pytest.mark.parametrize("value", ["", "  ", None, False, 0, 0.0, [], {}])
def test_empty_values(value):
    assert empty_value(value)


@pytest.mark.parametrize("value", ["x", True, 1, -1, [""], {"a": None}, "false"])
def test_values_that_say_something(value):
    assert not empty_value(value)


def test_per_language():
    assert per_language("default_lang_commit") and per_language("l10n.state") and per_language("translationkey")
    assert per_language("cspell:ignore") and per_language("cspell:words")
    assert not per_language("title") and not per_language("l10")


@pytest.mark.parametrize("flag", ["generated_fallback_page: true", "is_fallback_source_page: true", "fallback_page: true"])
def test_a_fallback_copys_flag_is_never_missing_in_the_real_translation(flag):
    found = findings(page(SV + "\n" + flag), page(EN))
    assert [f.rule for f in found if f.rule.startswith("frontmatter")] == []
    found = findings(page(SV), page(EN + "\n" + flag))
    assert [f.rule for f in found if f.rule.startswith("frontmatter")] == []


@pytest.mark.parametrize("marker", ["default_lang_commit: 3f2a9c1b7e", "l10n:\n  sourceCommit: 3f2a9c1b7e"])
def test_a_key_only_a_translation_that_follows_its_source_has_is_told_there(marker):
    # the translation records the source commit it follows: a key the source lacks was added
    # in the translation or has left the source since, so it is told where it stands
    found = findings(page(SV + f"\n{marker}\ndescription: Om företaget"), page(EN))
    assert [(f.rule, f.path, f.line, f.severity.name) for f in found] == [
        ("frontmatter-missing-key", "a.md", 3 + marker.count("\n") + 2, "INFO")]
    assert "description: Om företaget here, which b.md, the source this version follows, does not have" in found[0].message
    assert found[0].related[0].path == "b.md"
    # one by which Hugo publishes the page otherwise stays a warning
    found = findings(page(SV + f"\n{marker}\nbuild:\n  render: link"), page(EN))
    assert [(f.path, f.severity.name) for f in found] == [("a.md", "WARNING")]


def test_a_key_only_the_translation_has_stays_in_the_source_without_a_source_marker():
    # no record of a source followed: the versions are peers, and the one lacking it is told
    found = findings(page(SV + "\ndescription: Om företaget"), page(EN))
    assert [(f.path, f.severity.name) for f in found] == [("b.md", "WARNING")]
    # a key only the source has is told in the translation as before, marker or not
    found = findings(page(SV + "\ndefault_lang_commit: 3f2a9c1b7e"), page(EN + "\ndescription: About the firm"))
    assert [(f.path, f.severity.name) for f in found] == [("a.md", "WARNING")]
    assert "front matter has no 'description' here" in found[0].message


def test_the_date_of_a_section_list_page_is_information_and_of_a_page_a_warning():
    from transcheck.checking.engine import check_texts

    sv = page('title: "Publikationer"\ndate: 2025-03-03', "Våra publikationer.")
    en = page('title: "Publications"\ndate: 2025-04-30', "Our publications.")
    for name, severity in (("_index", "INFO"), ("paper", "WARNING")):
        found = [f for f in check_texts(sv, en, f"content/sv/papers/{name}.md", f"content/en/papers/{name}.md")
                 if f.rule == "frontmatter-mismatch"]
        assert [(f.line, f.severity.name) for f in found] == [(3, severity)], name
    # another value on a list page is compared as on any page
    found = [f for f in check_texts(page("title: P\nweight: 3"), page("title: P\nweight: 9"), "sv/_index.md", "en/_index.md")
             if f.rule == "frontmatter-mismatch"]
    assert [f.severity.name for f in found] == ["WARNING"]


def test_extra_keys_of_a_source_following_translation_review_cases():
    marker = "default_lang_commit: 3f2a9c1b7e"
    # two translations compared with each other: peers, the key stays told where it lacks
    found = findings(page(SV + f"\n{marker}\ndescription: Om företaget"), page(EN + f"\n{marker}"))
    assert [(f.path, f.severity.name) for f in found] == [("b.md", "WARNING")]
    # an empty marker records no commit
    found = findings(page(SV + "\ndefault_lang_commit: \ndescription: Om företaget"), page(EN))
    assert [f.path for f in found] == ["b.md"]
    # a publish date under any of Hugo's names is a warning
    for key in ("date", "pubdate", "published"):
        found = findings(page(SV + f"\n{marker}\n{key}: 2031-01-01"), page(EN))
        assert [(f.path, f.severity.name) for f in found] == [("a.md", "WARNING")], key
    # three keys or more: one finding
    found = findings(page(SV + f"\n{marker}\nsidebartext: Hej\nsidebarphone: '+4681234567'\nsidebarmail: a@b.se"), page(EN))
    assert [(f.path, f.line, f.severity.name) for f in found] == [("a.md", 5, "INFO")]
    assert "'sidebartext', 'sidebarphone', 'sidebarmail' here (lines 5–7)" in found[0].message


def test_a_key_a_drifted_translation_alone_has_is_a_difference_its_mark_is_right_about():
    from transcheck.checking.engine import check_texts

    es = page("title: Página\ndefault_lang_commit: 3f2a9c1b7e\ndrifted_from_default: true\nauthor: Ana Pérez",
              "Esta página explica cómo configurar el recolector.")
    en = page("title: Page", "This page explains how to configure the collector.")
    found = {f.rule: f for f in check_texts(es, en, "p.es.md", "p.en.md")}
    assert found["frontmatter-missing-key"].severity.name == "INFO"
    assert found["stale-translation"].severity.name == "WARNING"
    assert "may be out of date" not in found["stale-translation"].message


def test_a_key_one_letter_from_a_generator_field_is_told_as_a_misspelling_where_it_stands():
    """"descriptions:" in one version, no description in either: the other version should
    not copy the typo; this one should mend it."""
    found = findings(page(SV), page(EN + '\ndescriptions: "A display system for buses"'))
    assert rules_of(found) == [("frontmatter-missing-key", "b.md", 4)]
    assert found[0].message == ("'descriptions' is likely a misspelling of 'description', a field Hugo reads; "
                                "neither this version nor a.md has 'description'")
    assert [(r.path, r.line) for r in found[0].related] == [("a.md", 4)]
    # the other version has the field: it is named, and not asked to copy the typo
    found = findings(page(SV + '\ndescription: "Bussar"'), page(EN + '\ndescriptions: "A display system for buses"'))
    assert [(f.path, f.line, f.message) for f in found if "descriptions" in f.message] == [
        ("b.md", 4, "'descriptions' is likely a misspelling of 'description', a field Hugo reads; a.md:4 has 'description'")]


@pytest.mark.parametrize("extra_en, extra_sv", [
    ('descriptions: "A display system"\ndescription: "Buses"', 'description: "Bussar"'),  # the field is there too
    ("height: 400", ""),  # a theme's own field one letter from "weight"
    ('titel: "Om"', ""),  # too short to tell from another word
])
def test_a_key_that_is_not_a_misspelling_stays_a_missing_key(extra_en, extra_sv):
    sv, en = SV.replace("\nweight: 10", ""), EN.replace("\nweight: 10", "")  # no "weight" beside "height"
    found = findings(page(sv + ("\n" + extra_sv if extra_sv else "")), page(en + "\n" + extra_en))
    assert found and all("misspelling" not in f.message for f in found)
    assert all(f.path == "a.md" for f in found if f.rule == "frontmatter-missing-key")
