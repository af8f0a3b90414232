"""A page that says it is behind its source (drifted_from_default: true): told once, and its
differences from the source are warnings, not errors; faults of one file stay errors."""

from __future__ import annotations

from transcheck.checking.engine import check_texts
from transcheck.findings import Severity
from transcheck.pair.settings import Settings

EN = "---\ntitle: About us\n---\n## About us\n\nWe build open services for municipalities.\n\n- Umeå\n- Luleå\n- Kiruna\n"
SV = "---\ntitle: Om oss\n{flag}---\n## Om oss\n\nVi bygger öppna tjänster för kommuner.\n\n- Umeå\n- Luleå\n"


def _found(flag: str, settings: Settings | None = None) -> dict[str, Severity]:
    return {f.rule: f.severity for f in check_texts(SV.format(flag=flag), EN, "p.sv.md", "p.en.md", settings)}


def test_a_missing_item_is_an_error_on_an_ordinary_page():
    assert _found("")["bullet-count"] is Severity.ERROR
    assert "stale-translation" not in _found("")


def test_on_a_page_that_says_it_drifted_it_is_a_warning_and_the_drift_is_told_once():
    found = _found("drifted_from_default: true\n")
    assert found["bullet-count"] is Severity.WARNING
    assert found["stale-translation"] is Severity.WARNING
    assert _found("drifted_from_default: false\n")["bullet-count"] is Severity.ERROR


def test_a_configured_severity_still_wins():
    settings = Settings(severity=(("bullet-count", "error"),))
    assert _found("drifted_from_default: true\n", settings)["bullet-count"] is Severity.ERROR


def test_a_fault_of_one_file_stays_an_error():
    found = _found("drifted_from_default: true\ncategory: a\ncategory: b\n")
    assert found["duplicate-key"] is Severity.ERROR


def test_a_page_that_says_it_is_an_untranslated_copy_has_warnings_not_errors():
    from transcheck.checking.engine import check_texts

    en = "---\ntitle: APIs\n---\n\n## APIs\n\nAll our APIs.\n"
    sv = ("---\ntitle: APIs\nis_fallback_source_page: true\n---\n\n{{% warning %}}\nDetta innehåll finns inte på svenska.\n"
          "{{% /warning %}}\n\n## APIs\n\nAll our APIs.\n")
    found = [(f.rule, f.severity.label) for f in check_texts(sv, en, "p.sv.md", "p.en.md")]
    assert ("shortcode-mismatch", "warning") in found and not [f for f in found if f[1] == "error"]
    plain = sv.replace("is_fallback_source_page: true\n", "")
    assert ("shortcode-mismatch", "error") in [(f.rule, f.severity.label) for f in check_texts(plain, en, "p.sv.md", "p.en.md")]


def test_a_page_that_says_its_content_is_only_in_another_language_has_warnings_not_errors():
    from transcheck.checking.engine import check_texts

    en = ("---\ntitle: Data\n---\n\n## Introduction\n\nOur open data is described in the guides.\n\n"
          "## Using it\n\nRead [Using the API]({{< ref \"using-api/\" >}}) first.\n")
    sv = "---\ntitle: Data\n---\n\n## Öppna data\n\nVår dokumentation om öppna data är bara tillgänglig på engelska.\n"
    found = [(f.rule, f.severity.label) for f in check_texts(sv, en, "p.sv.md", "p.en.md")]
    assert found and not [f for f in found if f[1] == "error"]
    silent = sv.replace("Vår dokumentation om öppna data är bara tillgänglig på engelska.", "Vår dokumentation om öppna data.")
    assert "error" in [f.severity.label for f in check_texts(silent, en, "p.sv.md", "p.en.md")]


def test_the_quick_look_for_another_language_agrees_with_the_pattern():
    """The statement is looked for with a case-folded pre-check first; it must find what the
    case-insensitive pattern finds, in any capitals and with İ ı ſ K (which match ASCII letters
    under re.I)."""
    from transcheck.document.read import parse_text
    from transcheck.rules.language import _ONLY_IN_ANOTHER_LANGUAGE, says_it_is_kept_in_another_language

    sentences = ["Only in English.", "ONLY AVAILABLE IN ENGLISH", "bara på svenska", "ikke tilgjengelig på norsk",
                 "only in \u017fwedish", "not translated into Engl\u0130sh", "only in norwegian\u212a",
                 "not avaılable in english", "Nothing to see.", "kun på engelsk"]
    for sentence in sentences:
        doc = parse_text(f"---\ntitle: x\n---\n\n{sentence}\n", "p.md")
        expected = bool(_ONLY_IN_ANOTHER_LANGUAGE.search(doc.text, doc.text.index(sentence)))
        assert says_it_is_kept_in_another_language(doc) is expected, sentence


def test_a_page_that_says_it_drifted_but_matches_its_source_has_an_outdated_mark():
    complete = SV.replace("- Luleå\n", "- Luleå\n- Kiruna\n")
    found = [f for f in check_texts(complete.format(flag="drifted_from_default: true\n"), EN, "p.sv.md", "p.en.md")
             if f.rule == "stale-translation"]
    assert [f.severity for f in found] == [Severity.INFO]
    assert "finds no difference from p.en.md worth a look: the mark may be out of date" in found[0].message
    # with only some rules selected, "nothing found" proves nothing: the mark stays a warning
    only = Settings(select=("stale-translation", "bullet-count"))
    selected = [f for f in check_texts(complete.format(flag="drifted_from_default: true\n"), EN, "p.sv.md", "p.en.md", only)
                if f.rule == "stale-translation"]
    assert [f.severity for f in selected] == [Severity.WARNING]


def test_an_outdated_mark_is_not_told_over_a_configured_severity_or_a_failure():
    complete = SV.replace("- Luleå\n", "- Luleå\n- Kiruna\n").format(flag="drifted_from_default: true\n")
    configured = Settings(severity=(("stale-translation", "error"),))
    found = [f for f in check_texts(complete, EN, "p.sv.md", "p.en.md", configured) if f.rule == "stale-translation"]
    assert [f.severity for f in found] == [Severity.ERROR]
    # a finding at warning or above of any rule (one file's own fault too) keeps the mark a warning
    faulty = complete.replace("title: Om oss\n", "title: Om oss\ncategory: a\ncategory: b\n")
    found = [f for f in check_texts(faulty, EN, "p.sv.md", "p.en.md") if f.rule == "stale-translation"]
    assert [f.severity for f in found] == [Severity.WARNING]


OLD_SV = ("---\ntitle: Om oss\n{flag}---\n## Om oss\n\nVi bygger öppna tjänster för kommuner.\n\n- Umeå\n- Luleå\n- Kiruna\n\n"
          "## Vårt gamla kontor\n\nVi satt tidigare i ett hus vid älven, nära stationen i Umeå.\n")


def test_what_only_a_page_that_says_it_is_behind_has_is_left_over_there_not_work_for_the_source():
    # the Swedish page keeps a section its English source has since removed
    found = [(f.rule, f.path, f.severity.label, f.message) for f in check_texts(
        OLD_SV.format(flag="drifted_from_default: true\n"), EN, "p.sv.md", "p.en.md") if f.rule == "missing-section"]
    assert [(rule, path, severity) for rule, path, severity, _ in found] == [("missing-section", "p.en.md", "info")]
    assert found[0][3].endswith("(the other version says it is behind its source: likely left over there)")
    # without the mark the source is told, as before
    found = [(f.path, f.severity.label) for f in check_texts(OLD_SV.format(flag=""), EN, "p.sv.md", "p.en.md")
             if f.rule == "missing-section"]
    assert found == [("p.en.md", "error")]
