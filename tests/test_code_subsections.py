"""Code under a sub-heading only one version has is compared with its section's code: the
same code stays quiet, changed code is named, and code left without partner there is told
by its sub-section (missing-section), not twice. Fragments written for the test."""

from __future__ import annotations

from transcheck.checking.engine import check_texts

SV = '---\ntitle: "API"\n---\n\n## API\n\nModellen ser ut så här:\n\n```json\n{"id": 1, "name": "x"}\n```\n'
EN = ('---\ntitle: "API"\n---\n\n## API\n\nIntro.\n\n### API model\n\nThe model looks like this:\n\n'
      '```json\n{"id": 1, "name": "x"}\n```\n')


def _code(sv: str, en: str) -> list[str]:
    return [f.message for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "code-mismatch"]


def test_the_same_code_under_an_extra_sub_heading_is_quiet():
    assert _code(SV, EN) == []


def test_changed_code_under_an_extra_sub_heading_is_named():
    found = _code(SV, EN.replace('"name"', '"title"'))
    assert len(found) == 1 and '"title": "x"' in found[0], found


def test_code_only_in_the_sub_section_is_told_by_the_sub_section():
    en = EN.replace("```json\n", "```json\n{}\n```\n\n```json\n", 1)
    found = [(f.rule, f.message) for f in check_texts(SV, en, "p.sv.md", "p.en.md")]
    assert [m for rule, m in found if rule == "code-mismatch"] == [], found


def test_a_source_compared_again_gives_the_same_findings():
    # the section's code blocks are remembered for the page (a source is compared with each
    # translation): adding a sub-section's code must not change what is remembered
    from transcheck.checking.engine import check_documents
    from transcheck.document.read import parse_text

    sv = parse_text(SV, "p.sv.md")
    en = parse_text(EN.replace("```json\n", "```json\n{}\n```\n\n```json\n", 1), "p.en.md")
    first = check_documents(sv, en)
    assert check_documents(sv, en) == first
    assert check_documents(en, sv) == check_documents(en, sv)
