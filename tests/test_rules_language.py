"""language-conflict, language-code, language-mismatch, language-detected, untranslated."""

import pytest

from transcheck.languages.detect import candidates_for, detect, judge
from transcheck.checking.engine import check_texts
from transcheck.pair.settings import Settings
from transcheck.languages.tags import verdict

SV_TEXT = (
    "Vi bygger molnet som Europa förtjänar och söker nu en utvecklare som vill arbeta med "
    "lagring, nätverk och automation tillsammans med ett litet men erfaret team i Stockholm."
)
EN_TEXT = (
    "We are building the cloud Europe deserves and are now looking for a developer who wants to "
    "work with storage, networking and automation together with a small but experienced team in Stockholm."
)
NB_TEXT = (
    "Vi bygger skyen Europa fortjener og søker nå en utvikler som vil jobbe med lagring, "
    "nettverk og automatisering sammen med et lite, men erfarent team i Stockholm."
)


def page(language_lines: str, text: str, heading: str = "## Om oss") -> str:
    return f"---\n{language_lines}\n---\n{heading}\n\n{text}\n"


def check(sv: str, en: str, options: Settings | None = None):
    return check_texts(sv, en, "content/sv/page.md", "content/en/page.md", options)


def rules(found):
    return [(f.rule, f.path.split("/")[1], f.line, f.severity.label) for f in found]


def test_right_languages_are_quiet():
    assert check(page('language: "sv"', SV_TEXT), page('language: "en"', EN_TEXT, "## About us")) == []


def test_language_conflict_points_at_both_lines():
    found = check(page('language: "sv"\nLanguage: "En"', SV_TEXT), page('language: "en"', EN_TEXT, "## About us"))
    assert rules(found) == [("language-conflict", "sv", 3, "error")]
    assert found[0].related[0].line == 2
    assert "says English" in found[0].message and "says Swedish" in found[0].message


def test_case_of_a_code_does_not_matter():
    found = check(page('language: "sv"\nlang: "SV"', SV_TEXT), page('language: "En"', EN_TEXT, "## About us"))
    assert found == []


def test_language_code_slips_and_booleans():
    found = check(page('language: "Se"', SV_TEXT), page("language: en", EN_TEXT, "## About us"))
    assert rules(found) == [("language-code", "sv", 2, "warning")]
    assert "Northern Sami" in found[0].message and "did you mean sv" in found[0].message
    found = check_texts(page("language: no", NB_TEXT), page("language: en", EN_TEXT, "## About us"), "content/nb/p.md", "content/en/p.md")
    assert [f.rule for f in found] == ["language-code"]
    assert "boolean false" in found[0].message


def test_aliases_make_a_house_convention_quiet():
    options = Settings(language_aliases=(("Se", "sv"),))
    assert check(page('language: "Se"', SV_TEXT), page('language: "en"', EN_TEXT, "## About us"), options) == []


def test_language_mismatch_with_the_path_and_with_the_other_file():
    found = check(page('language: "en"', SV_TEXT), page('language: "en"', EN_TEXT, "## About us"))
    assert ("language-mismatch", "sv", 2, "error") in rules(found)
    assert "the path says Swedish" in next(f.message for f in found if f.rule == "language-mismatch")
    both = check_texts(page('language: "sv"', SV_TEXT), page('language: "sv"', EN_TEXT, "## About us"), "a.md", "b.md")
    assert [f.rule for f in both if f.rule == "language-mismatch"] == ["language-mismatch"]


def test_document_in_the_wrong_language():
    body = "\n\n".join([NB_TEXT] * 3)
    found = check(page('language: "sv"', body), page('language: "en"', "\n\n".join([EN_TEXT] * 3), "## About us"))
    assert rules(found) == [("language-detected", "sv", 4, "error")]
    assert "Norwegian" in found[0].message


def test_one_block_in_a_third_language_is_a_warning():
    sv = page('language: "sv"', "\n\n".join([SV_TEXT, NB_TEXT, SV_TEXT]))
    en = page('language: "en"', "\n\n".join([EN_TEXT, EN_TEXT.replace("Stockholm", "Oslo"), EN_TEXT]), "## About us")
    found = check(sv, en)
    assert [(f.rule, f.severity.label) for f in found] == [("language-detected", "warning")]
    assert found[0].line == 8


def test_untranslated_identical_and_other_language():
    sv = page('language: "sv"', SV_TEXT + "\n\n" + EN_TEXT)
    en = page('language: "en"', EN_TEXT + "\n\n" + EN_TEXT.replace("developer", "designer"), "## About us")
    found = check(sv, en)
    assert [f.rule for f in found] == ["untranslated"]
    assert "written in English" in found[0].message


def test_untranslated_identical_text_and_front_matter():
    sv = page('language: "sv"\ntitle: "Backend developer"', SV_TEXT + "\n\n- Apply before Friday\n- Läs mer")
    en = page('language: "en"\ntitle: "Backend developer"', EN_TEXT + "\n\n- Apply before Friday\n- Read more", "## About us")
    found = check(sv, en)
    assert sorted((f.rule, f.line) for f in found) == [("untranslated", 3), ("untranslated", 9)]


def test_names_and_codes_are_not_untranslated():
    sv = page('language: "sv"\ntitle: "Safespring Compute"', SV_TEXT + "\n\n- Kubernetes\n- OpenStack Nova")
    en = page('language: "en"\ntitle: "Safespring Compute"', EN_TEXT + "\n\n- Kubernetes\n- OpenStack Nova", "## About us")
    assert check(sv, en) == []


def test_sample_data_written_as_assignments_is_not_untranslated():
    data = ("\n\n- value = 1, name = `apple`, color = `red`\n- value = 2, name = `lemon`, color = `yellow`\n"
            "- value = 5, name = `apple`, color = `green`")
    sv = page('language: "sv"', SV_TEXT + data)
    en = page('language: "en"', EN_TEXT + data, "## About us")
    assert [f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "untranslated"] == []
    # a sentence with an assignment in it is prose: left in English, it is untranslated
    prose = "\n\nSet the value = 5 before you start the service, then wait for the build to finish."
    sv = page('language: "sv"', SV_TEXT + prose)
    en = page('language: "en"', EN_TEXT + prose, "## About us")
    assert [f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "untranslated"] == ["untranslated"]


def test_detection_is_deterministic_and_restricted():
    candidates = candidates_for("sv", "en")
    assert candidates == ("da", "en", "no", "sv")
    first = [detect(NB_TEXT, candidates) for _ in range(3)]
    assert first[0] == first[1] == first[2]
    assert judge(SV_TEXT, "sv", candidates) is None
    assert judge(EN_TEXT, "sv", candidates)[0] == "en"
    assert detect("Hej", candidates) == {}  # too short to judge


def test_tag_verdicts():
    assert verdict("sv", '"sv"', {}).tag == "sv"
    assert verdict("en-UK", '"en-UK"', {}).problem.endswith("did you mean en-GB?")
    assert verdict("dk", "dk", {}).suggestion == "da"
    assert verdict("Nei", '"Nei"', {}, "nb").tag is None
    assert verdict("Svenska", '"Svenska"', {}).problem


def test_norwegian_prose_with_an_english_command_is_not_english():
    # Bokmål and Danish share their function words; a tie between them is no reason to
    # doubt the text, even with a shell command in it (a real false positive, fixed).
    nb_line = (
        "Deretter bruker vi curl for å hente data fra tjenesten, og så sjekker vi at svaret er riktig:"
        " curl -s -H \"Content-Type: application/json\" -d \"$(make_auth_request)\" \"${API_URL}/auth/tokens\""
    )
    candidates = candidates_for("nb", "en")
    assert judge(nb_line, "nb", candidates, threshold=0.95) is None
    assert judge(EN_TEXT, "nb", candidates, threshold=0.95)[0] == "en"  # English still is English


def test_a_page_that_says_it_is_an_untranslated_fallback_gets_no_language_findings():
    from transcheck.checking.engine import check_texts

    body = "## Nyheter\n\nThe new API replaces the old departures endpoint from March onwards.\n"
    en = "---\ntitle: News\n---\n" + body.replace("Nyheter", "News")
    for flag in ("generated_fallback_page: true", "untranslated: true", "translated: false", "is_fallback_source_page: true"):
        sv = f"---\ntitle: News\n{flag}\n---\n" + body
        found = {f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md")}
        assert not found & {"untranslated", "language-detected"}, (flag, found)
    plain = "---\ntitle: News\n---\n" + body
    assert "untranslated" in {f.rule for f in check_texts(plain, en, "p.sv.md", "p.en.md")}


@pytest.mark.parametrize("title, reported", [("Hosted Server vs IaaS", False), ("Kubernetes via Rancher", False),
                                             ("Hosted servers for everyone", True)])
def test_a_title_of_names_joined_by_vs_is_not_untranslated(title, reported):
    from transcheck.checking.engine import check_texts

    sv = f'---\ntitle: "{title}"\n---\n\nVi jämför två sätt att driva servrar i molnet.\n'
    en = f'---\ntitle: "{title}"\n---\n\nWe compare two ways to run servers in the cloud.\n'
    found = [f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "untranslated"]
    assert (found == ["untranslated"]) is reported, found


def test_a_quotation_kept_in_its_own_words_is_not_untranslated():
    from transcheck.checking.engine import check_texts

    quote = "> We fixed the race in the scheduler and the nodes now boot in order.\n"
    sv = f"## Erfarenheter\n\nUtvecklarna skrev så här i ärendet:\n\n{quote}\nDet löste problemet.\n"
    en = f"## Experience\n\nThe developers wrote this in the issue:\n\n{quote}\nThat solved the problem.\n"
    assert "untranslated" not in [f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md")]
    plain = sv.replace("> We fixed", "We fixed")
    assert "untranslated" in [f.rule for f in check_texts(plain, en.replace("> We fixed", "We fixed"), "p.sv.md", "p.en.md")]


def test_a_label_repeated_in_many_sections_is_untranslated_once():
    from transcheck.checking.engine import check_texts

    sv = "".join(f"## Del {i}\n\nText om del {i} på svenska här.\n\nLink to the article\n\n" for i in range(1, 5))
    en = "".join(f"## Part {i}\n\nText about part {i} in English here.\n\nLink to the article\n\n" for i in range(1, 5))
    assert [f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md")].count("untranslated") == 1


def test_a_few_short_lines_in_a_neighbour_language_are_no_evidence(monkeypatch):
    # the detector reads short Swedish bullets as Norwegian (as it did on a real site): Swedish
    # and Norwegian share such phrases, so a section's few short lines are not reported
    import transcheck.rules.language as language

    def as_norwegian(text, expected, candidates, threshold=0.95):
        return ("no", 0.99) if "Fältnamn" in text else None

    monkeypatch.setattr(language, "judge", as_norwegian)
    bullets = "".join(f"- Fältnamn {n} blir kolumner i tabellen\n" for n in range(6))
    sv = page('language: "sv"', SV_TEXT + "\n\n" + bullets)
    en = page('language: "en"', EN_TEXT + "\n\n" + "".join(f"- Field name {n} becomes a column\n" for n in range(6)), "## About us")
    assert [f for f in check(sv, en) if f.rule == "language-detected"] == []
    # one long sentence the detector is sure of is evidence
    long_line = "Fältnamn " + " ".join(["orden"] * 24)
    sv = page('language: "sv"', SV_TEXT + "\n\n" + long_line + ".\n")
    en = page('language: "en"', EN_TEXT + "\n\n" + "Field " + " ".join(["words"] * 24) + ".\n", "## About us")
    assert [f.rule for f in check(sv, en) if f.rule == "language-detected"] == ["language-detected"]


def test_a_quotation_and_a_name_argument_keep_their_words():
    quote_en = '"Cilium now routes host traffic with BPF, which conflicts with the default setup", wrote a maintainer.'
    sv = page('language: "sv"', SV_TEXT + "\n\n" + quote_en + "\n\n{{< contact-small name=\"Research Institutes of Sweden\" >}}\n")
    en = page('language: "en"', EN_TEXT + "\n\n" + quote_en + "\n\n{{< contact-small name=\"Research Institutes of Sweden\" >}}\n", "## About us")
    assert [f for f in check(sv, en) if f.rule == "untranslated"] == []
    # the same sentence without quotation marks is untranslated
    plain = quote_en.replace('"', "")
    sv = page('language: "sv"', SV_TEXT + "\n\n" + plain + "\n")
    en = page('language: "en"', EN_TEXT + "\n\n" + plain + "\n", "## About us")
    assert [f.rule for f in check(sv, en) if f.rule == "untranslated"] == ["untranslated"]


def test_sources_are_cited_in_their_own_words():
    cited = "- Digital Sovereignty and Structural Dependencies, report by the Civil Security Agency, May 2026"
    sv = page('language: "sv"', SV_TEXT + "\n\n## Källor\n\n" + cited + "\n")
    en = page('language: "en"', EN_TEXT + "\n\n## Sources\n\n" + cited + "\n", "## About us")
    assert [f for f in check(sv, en) if f.rule in ("untranslated", "language-detected")] == []
    sv = page('language: "sv"', SV_TEXT + "\n\n## Läs mer\n\n" + cited + "\n")
    en = page('language: "en"', EN_TEXT + "\n\n## Read more\n\n" + cited + "\n", "## About us")
    assert [f.rule for f in check(sv, en) if f.rule == "untranslated"] == ["untranslated"]


def test_sources_cited_by_the_titles_of_their_links_are_no_untranslated_text():
    cited = ("1. [Application performance monitoring is dying and that is fine](https://example.com/blog/apm)\n"
             "2. [Understanding tracing, metrics and logs together](https://example.org/understanding)\n")
    sv = page('language: "sv"', SV_TEXT + "\n\nVi tackar dessa källor:\n\n" + cited)
    en = page('language: "en"', EN_TEXT + "\n\nWe thank these sources:\n\n" + cited, "## About us")
    assert [f for f in check(sv, en) if f.rule in ("untranslated", "language-detected")] == []
    # a label the site gives to its own page is translated
    own = "- [Read more about how we build the cloud together](/about/cloud/)\n"
    sv = page('language: "sv"', SV_TEXT + "\n\n" + own)
    en = page('language: "en"', EN_TEXT + "\n\n" + own, "## About us")
    assert [f.rule for f in check(sv, en) if f.rule == "untranslated"] == ["untranslated"]


def test_links_named_after_their_targets_are_no_untranslated_text():
    # a GitHub label or a repository is linked by its own name, which every version keeps
    labels = ("- [Good first issue](<{{% param issues %}}label%3A%22good%20first%20issue%22>)\n"
              "- [Help wanted](https://github.com/example/site/labels/help_wanted)\n")
    sv = page('language: "sv"', SV_TEXT + "\n\nVälj ett ärende med en av dessa etiketter:\n\n" + labels)
    en = page('language: "en"', EN_TEXT + "\n\nPick an issue with one of these labels:\n\n" + labels, "## About us")
    assert [f for f in check(sv, en) if f.rule in ("untranslated", "language-detected")] == []
    # a label whose words are not in the target is text the page gives: translated
    own = ("- [Issues for new contributors](<{{% param issues %}}label%3A%22good%20first%20issue%22>)\n"
           "- [Help wanted](https://github.com/example/site/labels/needs-help)\n")
    sv = page('language: "sv"', SV_TEXT + "\n\nVälj ett ärende med en av dessa etiketter:\n\n" + own)
    en = page('language: "en"', EN_TEXT + "\n\nPick an issue with one of these labels:\n\n" + own, "## About us")
    assert [f.rule for f in check(sv, en) if f.rule == "untranslated"] == ["untranslated"]


@pytest.mark.parametrize("picture", ["![demo-server disconnected](demo-server-disconnected.png)",
                                     "![image1](team-type.png) ![image2](region.png)\n![Screenshot 3](vendor.png)"])
def test_an_image_named_after_its_file_or_numbered_is_no_text_to_translate(picture):
    sv = page('language: "sv"', SV_TEXT + "\n\n" + picture + "\n")
    en = page('language: "en"', EN_TEXT + "\n\n" + picture + "\n", "## About us")
    assert [f for f in check(sv, en) if f.rule in ("untranslated", "language-detected")] == []


def test_identical_alt_text_of_an_image_alone_is_told_as_alt_text():
    picture = "![The demo server, cut off from the collector](server.png)\n"
    sv = page('language: "sv"', SV_TEXT + "\n\n" + picture)
    en = page('language: "en"', EN_TEXT + "\n\n" + picture, "## About us")
    found = [f.message for f in check(sv, en) if f.rule == "untranslated"]
    assert len(found) == 1 and found[0].startswith('image alt text "The demo server, cut off from the collector" is identical')


@pytest.mark.parametrize("image", ["![Course completion badge][]", "![Course completion badge]"])
def test_an_image_named_by_its_reference_label_is_no_text_to_translate(image):
    # "![Course completion badge][]": the alt text is the key of the reference definition
    # below, which every version writes alike
    picture = f"{image}\n{{.badge .m-auto}}\n\n[Course completion badge]: /img/badge.svg\n"
    sv = page('language: "sv"', SV_TEXT + "\n\n" + picture)
    en = page('language: "en"', EN_TEXT + "\n\n" + picture, "## About us")
    assert [f for f in check(sv, en) if f.rule in ("untranslated", "language-detected")] == []


def test_an_image_with_alt_text_of_its_own_still_counts_as_text():
    # "![alt][key]": the alt text is written for readers, apart from the key
    picture = "![Course completion badge for the page][badge]\n\n[badge]: /img/badge.svg\n"
    sv = page('language: "sv"', SV_TEXT + "\n\n" + picture)
    en = page('language: "en"', EN_TEXT + "\n\n" + picture, "## About us")
    assert [(f.rule, f.line) for f in check(sv, en)] == [("untranslated", 8)]


def test_a_tool_with_its_version_is_no_text_to_translate():
    from transcheck.rules.language import translatable

    assert not translatable("protoc 3.21+") and not translatable("grpcio-tools 1.48+")
    assert translatable("install protoc 3.21+ before the build") and translatable("Python 3.10 or later")


def test_template_code_is_no_text_to_translate():
    from transcheck.rules.language import translatable

    assert not translatable("{{ if .Params.show }}") and not translatable("{{ end }}") and not translatable("{.otel-logo}")
    assert translatable("this is text {{ .Site.Title }}")
    # a product name with a dot and a version: nothing to translate; a sentence around it is
    assert not translatable("Node.js 16+") and not translatable("ASP.NET Core 8") and not translatable("Vue.js")
    assert translatable("Install Node.js 16 or later")


def test_source_text_in_one_translation_s_language_is_reported_once(tmp_path):
    """Swedish text on the English page is untranslated against the Swedish page and
    in a third language against the Norwegian one: one defect, one finding."""
    from transcheck.checking.engine import check_group

    swedish = ("Skapar en sektion med två knappar. Den första knappen leder till en demo och den andra "
               "till kontaktformuläret, och båda öppnas i samma fönster som sidan.")
    (tmp_path / "page.en.md").write_text(f"---\ntitle: Buttons\n---\n\n## Buttons\n\n{swedish}\n", encoding="utf-8")
    (tmp_path / "page.sv.md").write_text(f"---\ntitle: Knappar\n---\n\n## Knappar\n\n{swedish}\n", encoding="utf-8")
    (tmp_path / "page.nb.md").write_text(
        "---\ntitle: Knapper\n---\n\n## Knapper\n\nLager en seksjon med to knapper. Den første knappen leder til en demo "
        "og den andre til kontaktskjemaet, og begge åpnes i samme vindu som siden.\n", encoding="utf-8")
    results = check_group(str(tmp_path / "page.en.md"), "en",
                          [(str(tmp_path / "page.sv.md"), "sv"), (str(tmp_path / "page.nb.md"), "nb")])
    on_source = [(f.rule, f.line) for r in results for f in r.findings if f.path.endswith("page.en.md")]
    assert ("untranslated", 7) in on_source and ("language-detected", 7) not in on_source


@pytest.mark.parametrize("sections, expected", [(3, 3), (4, 1)])
def test_identical_text_in_many_sections_is_told_once_for_the_page(sections, expected):
    from transcheck.checking.engine import check_texts

    body = "".join(f"## Del {n}\n\nThis paragraph was never translated and says the same in both, part {n}.\n\n"
                   for n in range(1, sections + 1))
    en = body.replace("## Del", "## Part")
    found = [f for f in check_texts(body, en, "p.sv.md", "p.en.md") if f.rule == "untranslated"]
    assert len(found) == expected
    if expected == 1:
        assert f"{sections} paragraphs or list items in {sections} sections" in found[0].message
        assert found[0].line == 3 and "lines 3, 7, 11, 15" in found[0].message


def test_a_page_told_untranslated_as_a_whole_tells_its_other_english_blocks_at_once():
    # four sections identical to the English page, and two more in English but not identical
    # (excerpts quoted as their sources wrote them): the page once, the excerpts in one finding
    body = "".join(f"## Del {n}\n\nThis paragraph was never translated and says the same in both, part {n}.\n\n"
                   for n in range(1, 5))
    excerpts = [("The authorities may require the disclosure of data by service providers, regardless of where "
                 "the data is stored, and the board stresses that an agreement is the most appropriate instrument."),
                ("Public bodies should assess every cloud contract against the law on secrecy before any personal "
                 "data is moved to a provider whose parent company is based outside the union.")]
    translated = ["Myndigheterna kan kräva att tjänsteleverantörer lämnar ut data, oavsett var uppgifterna lagras, "
                  "och styrelsen betonar att ett avtal är det lämpligaste instrumentet för detta.",
                  "Offentliga organ bör pröva varje molnavtal mot sekretesslagen innan personuppgifter flyttas till "
                  "en leverantör vars moderbolag finns utanför unionen."]
    sv = body + "".join(f"## Del {n}\n\n- {text}\n\n" for n, text in ((5, excerpts[0]), (6, excerpts[1])))
    en = body.replace("## Del", "## Part") + "".join(f"## Part {n}\n\n- {text}\n\n" for n, text in ((5, translated[0]), (6, translated[1])))
    found = [(f.line, f.message) for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "untranslated" and f.path == "p.sv.md"]
    assert len(found) == 2, found
    assert "4 paragraphs or list items in 4 sections" in found[0][1]
    assert "written in English" in found[1][1] and "and so is 1 more block in 1 more section" in found[1][1]
    # three identical sections only: no page finding, and each excerpt is told on its own
    sv3 = sv.replace("## Del 4\n\nThis paragraph was never translated and says the same in both, part 4.", "## Del 4\n\nDet här stycket är översatt till svenska, del fyra.")
    found = [m for _, m in ((f.line, f.message) for f in check_texts(sv3, en, "p.sv.md", "p.en.md")
                            if f.rule == "untranslated" and f.path == "p.sv.md") if "is written in English" in m]
    assert len(found) == 2 and not any("more block" in m for m in found)


def test_a_few_identical_lines_do_not_hide_a_paragraph_left_in_english():
    # the same short link line under each of four headings: told once for the page, but the
    # page is translated, and a paragraph left in English is still told on its own
    topics = [("Lagring", "Storage", "Vi lagrar all data i svenska datacenter med hög tillgänglighet och kryptering i vila.",
               "We store all data in Swedish data centres with high availability and encryption at rest."),
              ("Nätverk", "Network", "Nätverket är redundant och skyddat mot överbelastningsattacker dygnet runt.",
               "The network is redundant and protected against denial-of-service attacks around the clock."),
              ("Säkerhet", "Security", "Alla system granskas regelbundet av oberoende revisorer enligt ISO 27001.",
               "All systems are audited regularly by independent auditors according to ISO 27001."),
              ("Support", "Support", "Vår support svarar på svenska och engelska alla vardagar mellan åtta och fem.",
               "Our support answers in Swedish and English every weekday between eight and five.")]
    sv = "".join(f"## {s}\n\n{ps}\n\n- Read the {e.lower()} guide for administrators\n\n" for s, e, ps, _ in topics)
    en = "".join(f"## {e}\n\n{pe}\n\n- Read the {e.lower()} guide for administrators\n\n" for _, e, _, pe in topics)
    sv += ("## Priser\n\nThe price list below was updated in March and applies to every new contract signed after "
           "that date, with discounts for public sector customers.\n")
    en += ("## Prices\n\nThe price list below was revised in March and applies to all new contracts signed from "
           "then on, with a discount for customers in the public sector.\n")
    found = [f.message for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "untranslated" and f.path == "p.sv.md"]
    assert any("4 paragraphs or list items in 4 sections" in m for m in found)
    assert any(m.startswith('paragraph "The price list below') and "written in English" in m for m in found)


def test_text_in_the_other_language_in_many_sections_is_told_once():
    from transcheck.checking.engine import check_texts

    swedish = [
        "Den här delen beskriver hur tjänsten fungerar och vad du behöver göra innan du börjar använda den på riktigt.",
        "Här förklarar vi hur du skapar ett konto, hur du loggar in och hur du bjuder in alla dina kollegor till arbetsytan.",
        "Den här texten handlar om hur du säkerhetskopierar dina data och hur du återställer dem när något går fel.",
        "Till sist berättar vi hur du avslutar tjänsten och vad som händer med alla dina uppgifter efteråt hos oss.",
    ]
    english = ("This part of the guide was translated: it explains in plain words what the service does for you, "
               "what it costs and where to turn when you need help from our support team.")
    en = "".join(f"## Part {n}\n\n{text}\n\n{english}\n\n{english}\n\n" for n, text in enumerate(swedish, start=1))
    sv = "".join(f"## Del {n}\n\nEn kortare svensk text om del {n} av tjänsten, med andra ord än på engelska sidan.\n\n"
                 f"En annan svensk text.\n\nOch en tredje.\n\n" for n in range(1, 5))
    found = [f for f in check_texts(en, sv, "p.en.md", "p.sv.md") if f.rule == "untranslated" and f.path == "p.en.md"]
    assert len(found) == 1 and "3 more blocks in 3 more sections" in found[0].message and "lines 3, 11, 19, 27" in found[0].message


ES_COURSE = (
    "Un taller **gratuito** ofrecido en [Observability Engineering Fundamentals for Beginners]"
    "(https://training.example/obs) y dictado por la Example Software Foundation:"
)
EN_COURSE = (
    "A **free** workshop offered at [Observability Engineering Fundamentals for Beginners]"
    "(https://training.example/obs) and taught by the Example Software Foundation:"
)


@pytest.mark.parametrize("language, text", [
    ("es", ES_COURSE),
    ("pt", "Um curso **gratuito** oferecido em [Observability Engineering Fundamentals for Beginners]"
           "(https://training.example/obs) e ministrado pela Example Software Foundation:"),
    ("fr", "Un atelier **gratuit** proposé sur [Observability Engineering Fundamentals for Beginners]"
           "(https://training.example/obs) et animé par la Example Software Foundation :"),
])
def test_a_sentence_around_an_english_title_is_in_its_own_language(language, text):
    # half of its letters are the English name of a course; its own words are Spanish
    # (Portuguese, French), and their function words settle it before any n-gram model
    translated = page(f'language: "{language}"', text, "## Cursos")
    en = page('language: "en"', EN_COURSE, "## Courses")
    found = check_texts(translated, en, f"content/{language}/page.md", "content/en/page.md")
    assert [(f.rule, f.line) for f in found if f.rule in ("untranslated", "language-detected")] == []


def test_a_paragraph_left_in_english_on_a_spanish_page_is_still_untranslated():
    left = ("We offer a free workshop for beginners, taught by the people who wrote the tools, "
            "and you can take it at your own pace from anywhere in the world.")
    es = page('language: "es"', left, "## Cursos")
    en = page('language: "en"', EN_COURSE, "## Courses")
    found = check_texts(es, en, "content/es/page.md", "content/en/page.md")
    assert [(f.rule, f.line) for f in found if f.rule in ("untranslated", "language-detected")] == [("untranslated", 6)]


TALKS = [
    ("Beyond the Ephemeral: Mastering Serverless Metrics at Scale", "（エフェメラルの先へ：サーバーレスメトリクスの大規模運用）", "Pedro Tanaka (Shopify)"),
    ("The State of OpenTelemetry Profiling", "（OpenTelemetry Profilingの現状）", "Damien Mathieu (Elastic) & Felix Geisendoerfer (Datadog)"),
    ("Who Are You? Solving the Container ID Resolution With Cgroupv2", "（あなたは誰？Cgroupv2によるコンテナID解決）", "Kokilavani Kathiresan (Intuit)"),
]


def _listing(japanese: bool) -> str:
    return "".join(
        f"- **[{title}](https://sched.example/{i})**{gloss if japanese else ''}<br>\n"
        f"  {names}<br> {'4月1日（火）' if japanese else 'Tuesday, April 1'} • 16:30 - 16:55\n"
        for i, (title, gloss, names) in enumerate(TALKS)
    )


@pytest.mark.parametrize("share, reported", [(None, False), (99.0, True)])
def test_a_listing_with_its_english_titles_translated_beside_them_is_japanese(monkeypatch, share, reported):
    """Talks listed by their English titles with the Japanese title beside each (a few wide
    characters among many Latin names) are translated; without the script share (the
    second case switches it off) langdetect reads the names as English."""
    import transcheck.rules.language as language

    if share is not None:
        monkeypatch.setattr(language, "WIDE_SHARE", share)
    en = "## Sessions\n\nHere are the OpenTelemetry sessions at KubeCon. We hope to see you there in person.\n\n" + _listing(False)
    ja = "## セッション\n\nKubeConで行われるOpenTelemetry関連のセッションを紹介します。ぜひ会場でお会いしましょう。\n\n" + _listing(True)
    found = [f.rule for f in check_texts(ja, en, "content/ja/page.md", "content/en/page.md")
             if f.rule in ("untranslated", "language-detected")]
    assert (found != []) is reported, found


def test_english_with_a_japanese_date_in_it_is_still_english():
    english = ("We will meet at the booth on the first day and talk about profiling, tracing and metrics "
               "with everyone who comes by, so do drop in. 4月1日")
    ja = "## セッション\n\nKubeConで行われるOpenTelemetry関連のセッションを紹介します。\n\n" + english + "\n"
    en = "## Sessions\n\nHere are the OpenTelemetry sessions at KubeCon.\n\n" + english.replace("4月1日", "April 1") + "\n"
    found = [f.rule for f in check_texts(ja, en, "content/ja/page.md", "content/en/page.md")
             if f.rule in ("untranslated", "language-detected")]
    assert found == ["untranslated"], found


def test_short_identical_text_full_of_names_is_reported_in_the_version_whose_language_it_is_not():
    """'Otto Dyberg, IT-chef på Keolis' and 'KeoScreens ombord på de blåa innerstadsbussarna i
    Stockholm.' as alt text in both versions: Swedish, so the English page is the one to fix,
    although the names leave the n-gram margin short."""
    images = ("\n\n![Otto Dyberg, IT-chef på Keolis](/media/otto.jpg)\n\n"
              "![KeoScreens ombord på de blåa innerstadsbussarna i Stockholm.](/media/screens.jpg)\n")
    sv = "## Om projektet\n\nVi byggde skärmar för bussarna." + images
    en = "## About the project\n\nWe built screens for the buses." + images
    found = [f for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "untranslated"]
    assert [f.path for f in found] == ["p.en.md"]
    # the same names in English words stay English: reported where they are not the page's language
    english = images.replace("IT-chef på", "IT manager at").replace("ombord på de blåa innerstadsbussarna i",
                                                                     "on board the blue inner-city buses in")
    found = [f for f in check_texts("## Om projektet\n\nVi byggde skärmar för bussarna." + english,
                                    "## About the project\n\nWe built screens for the buses." + english,
                                    "p.sv.md", "p.en.md") if f.rule == "untranslated"]
    assert {f.path for f in found} <= {"p.sv.md"}


def test_code_in_an_html_block_and_a_value_after_a_code_span_are_not_text_to_translate():
    from transcheck.checking.engine import check_texts

    en = ('## Logs\n\nCheck the logs on stdout, one JSON object per line. Example:\n\n<details>\n'
          '  <summary> <code>{"resourceLogs":[{"resource" ...}]}</code> </summary>\n\nbody\n\n</details>\n\n'
          'Each metric also has these attributes:\n\n- `source`: obi\n- `client` and `client_namespace`\n')
    ja = ('## ログ\n\nstdout のログを確認してください。1行につき1つの JSON オブジェクトです。例:\n\n<details>\n'
          '  <summary> <code>{"resourceLogs":[{"resource" ...}]}</code> </summary>\n\nbody\n\n</details>\n\n'
          '各メトリクスには次の属性もあります。\n\n- `source`: obi\n- `client` と `client_namespace`\n')
    assert [f for f in check_texts(ja, en, "ja.md", "en.md", languages=("ja", "en")) if f.rule == "untranslated"] == []
    # words a reader reads in the same HTML, left in English, are still told
    words = "Click to see the whole log record"
    found = [(f.path, f.message) for f in check_texts(ja.replace('<code>{"resourceLogs":[{"resource" ...}]}</code>', words),
                                                       en.replace('<code>{"resourceLogs":[{"resource" ...}]}</code>', words),
                                                       "ja.md", "en.md", languages=("ja", "en")) if f.rule == "untranslated"]
    assert found == [("ja.md", f'HTML block "{words}" is identical in en.md:5')]


def test_an_english_word_beside_a_number_is_still_two_words_to_read():
    from transcheck.checking.engine import check_texts

    card = ('## {title}\n\n{lead}\n\n{{{{% custom-card image="/img/anna.webp" cardtitle="{card}" %}}}}\n'
            '{{{{< inline "{support}" >}}}} support@example.com  \n{{{{< inline "{sales}" >}}}} +46855107370 or sales@example.com\n'
            '{{{{% /custom-card %}}}}\n')
    en = card.format(title="Contact", lead="We help you choose.", card="Contact us", support="Support:", sales="Sales:")
    nb = card.format(title="Kontakt", lead="Vi hjelper deg å velge.", card="Ta kontakt", support="Kundestøtte:", sales="Salg:")
    found = [(f.path, f.message) for f in check_texts(nb, en, "nb.md", "en.md", languages=("nb", "en")) if f.rule == "untranslated"]
    assert found == [("nb.md", 'paragraph "+46855107370 or" is identical in en.md:6')]


_TERM_EN = ("---\ntitle: {title}\nlinkTitle: {link}\n---\n\n## Overview\n\n"
            "The demo ships several feature flags that you can toggle to simulate failures in each service.\n")
_TERM_ES = ("---\ntitle: {title}\nlinkTitle: {link}\n---\n\n## Resumen\n\n"
            "La demo incluye varios {term} que puedes activar para simular fallos en cada servicio.\n")


def _identical_titles(es: str, en: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in check_texts(es, en, "es.md", "en.md", languages=("es", "en")) if f.rule == "untranslated"]


@pytest.mark.parametrize("es_title, es_link, term", [
    ("Feature flags", "Flags", "feature flags"),  # the page writes the title in its text
    ("Los Helm charts de Acme", "Helm charts", "interruptores"),  # the link title inside the title
])
def test_a_short_title_the_translation_writes_in_its_own_text_is_a_kept_term(es_title, es_link, term):
    """"Feature flags" over a Spanish page that says "varios feature flags": its translators
    keep the English term on purpose."""
    en = _TERM_EN.format(title="Feature flags", link="Helm charts" if es_link == "Helm charts" else "Flags")
    es = _TERM_ES.format(title=es_title, link=es_link, term=term)
    assert _identical_titles(es, en) == []


def test_a_title_left_in_english_that_the_page_never_writes_is_still_told():
    en = _TERM_EN.format(title="Feature flags", link="Flags")
    es = _TERM_ES.format(title="Feature flags", link="Flags", term="interruptores")
    assert _identical_titles(es, en) == [(2, 'title: "Feature flags" is identical in en.md:2')]
    # a long title is a sentence to translate, whatever the text repeats
    long_title = "Toggle the feature flags of every demo service"
    en = _TERM_EN.format(title=long_title, link="Flags") + f"\n{long_title} from the admin page.\n"
    es = _TERM_ES.format(title=long_title, link="Flags", term="interruptores") + f"\n{long_title} desde la página.\n"
    assert [line for line, _ in _identical_titles(es, en)][:1] == [2]


@pytest.mark.parametrize("en_label, told", [
    ("Pull requests", True),  # the English words and their case: left as they were
    ("Pull Requests", False),  # recased to Swedish sentence case: a translator kept the term
])
def test_a_short_text_recased_by_the_translation_is_kept_on_purpose(en_label, told):
    card = ('## Bidra\n\n{text}\n\n{{{{< icon-block icon="fa-code" text="{label}" >}}}}\n')
    en = card.format(text="We welcome your help with the project, in code and in words.", label=en_label)
    sv = card.format(text="Vi välkomnar din hjälp med projektet, i kod och i ord.", label="Pull requests")
    found = [f.message for f in check_texts(sv, en, "sv.md", "en.md", languages=("sv", "en")) if f.rule == "untranslated"]
    assert found == (['{{< icon-block >}} text="Pull requests" is identical in en.md:5'] if told else [])


@pytest.mark.parametrize("es_extra, en_extra", [
    ("# Feature flags\n\n", "# Feature flags\n\n"),  # the page's own heading repeats its title
    ("```yaml\n# feature flags of the demo\n```\n\n", "```yaml\n# feature flags of the demo\n```\n\n"),  # a code comment
    ("Los metadata feature flagsets se describen aparte.\n\n", "The metadata feature flagsets are described apart.\n\n"),
    ("The demo has feature flags for every service.\n\n", "The demo has feature flags for every service.\n\n"),
])
def test_a_title_repeated_only_where_nothing_is_translated_is_still_told(es_extra, en_extra):
    """Headings, code, a longer word, and a sentence the other version has alike (itself left
    untranslated) are no evidence that the translators keep the term."""
    en = _TERM_EN.format(title="Feature flags", link="Flags").replace("## Overview", en_extra + "## Overview")
    es = _TERM_ES.format(title="Feature flags", link="Flags", term="interruptores").replace("## Resumen", es_extra + "## Resumen")
    assert (2, 'title: "Feature flags" is identical in en.md:2') in _identical_titles(es, en)


def test_a_field_holding_the_title_is_no_evidence_when_it_is_itself_untranslated():
    en = _TERM_EN.format(title="Feature flags", link="Flags").replace("linkTitle: Flags", "description: Feature flags in the demo")
    es = _TERM_ES.format(title="Feature flags", link="Flags", term="interruptores").replace(
        "linkTitle: Flags", "description: Feature flags in the demo")
    assert [line for line, _ in _identical_titles(es, en)] == [2, 3]


@pytest.mark.parametrize("es_title, told", [
    ("Getting started", False),  # the source's title case put into Spanish sentence case
    ("GETTING STARTED today", True),  # other capitals: not a translator's sentence case
])
def test_a_title_in_sentence_case_of_the_source_title_case_is_kept_on_purpose(es_title, told):
    en = _TERM_EN.format(title="Getting Started Today" if told else "Getting Started", link="Flags")
    es = _TERM_ES.format(title=es_title, link="Flags", term="interruptores")
    assert bool(_identical_titles(es, en)) is told


@pytest.mark.parametrize("en_title, es_title", [
    ("Code of Conduct", "Code of conduct"),  # title case leaves small words low
    ("Using Kubernetes Operators", "Using Kubernetes operators"),  # a name keeps its capital
])
def test_title_case_with_small_words_or_names_put_into_sentence_case_is_kept_on_purpose(en_title, es_title):
    en = _TERM_EN.format(title=en_title, link="Flags")
    es = _TERM_ES.format(title=es_title, link="Flags", term="interruptores")
    assert _identical_titles(es, en) == []
