"""salary-, number-, date-, link-, image- and contact-mismatch: reports and stays quiet,
on constructed pages and on mutations of the real seed posting."""

import pytest

from transcheck.checking.engine import check_texts
from conftest import CORPUS, findings, needs_corpus, rules_of

EN = """
## Pay

**Salary range:**
€50,000 - €80,000 annually

We are 5 engineers in 3 teams and ship twice a week. Apply by February 16, 2026.

Questions: jobs@example.com or +46 8 123 45 67. Read [the handbook](https://example.com/en/handbook/).

![Team photo](/img/team.jpg)
"""

SV = """
## Lön

**Lönespann:**
50 000–80 000 euro per år

Vi är fem ingenjörer i 3 team och levererar två gånger i veckan. Ansök senast 16 februari 2026.

Frågor: jobs@example.com eller 08-123 45 67. Läs [handboken](https://example.com/sv/handbook/).

![Teamfoto](/img/team.jpg)
"""


def test_equal_values_written_the_local_way_are_quiet():
    assert findings(SV, EN) == []


def test_salary_upper_bound():
    found = findings(SV.replace("80 000", "85 000"), EN)
    assert rules_of(found) == [("salary-mismatch", "a.md", 4)]
    assert found[0].message == (
        'salary "50 000–85 000 euro per år" (EUR 50000–85000 per year) ≠ b.md:4 '
        '"€50,000 - €80,000 annually" (EUR 50000–80000 per year)'
    )


@pytest.mark.parametrize("change", [("euro", "kr"), ("per år", "per månad")], ids=["currency", "period"])
def test_salary_currency_and_period(change):
    found = findings(SV.replace(*change), EN)
    assert [f.rule for f in found] == ["salary-mismatch"]


def test_salary_line_missing_on_one_side():
    found = findings(SV.replace("50 000–80 000 euro per år", "Enligt överenskommelse"), EN)
    assert rules_of(found) == [("salary-mismatch", "a.md", 1)]
    assert "has no counterpart" in found[0].message


def test_number_changed():
    found = findings(SV.replace("i 3 team", "i 4 team"), EN)
    assert rules_of(found) == [("number-mismatch", "a.md", 6)]
    assert '"4" (line 6) in a.md; "3" (line 6) in b.md' in found[0].message


def test_numbers_left_over_point_at_the_one_most_like_the_changed_number():
    sv = "## Parametrar\n\nHållplats via, till exempel 9117.\n\nMer text här.\n"
    en = ("## Parameters\n\nCoordinates, for example 17.50.\n\nMore text here.\n\n"
          "Via stop, for example 300109117.\n")
    found = [f for f in findings(sv, en) if f.rule == "number-mismatch"]
    assert len(found) == 1
    assert '"9117" (line 3)' in found[0].message and '"300109117" (line 7)' in found[0].message
    assert [(r.path, r.line) for r in found[0].related] == [("b.md", 7)]  # not 17.50's line 3


def test_number_word_equals_digit_but_small_lonely_numbers_stay_quiet():
    assert findings(SV.replace("fem ingenjörer", "5 ingenjörer"), EN) == []
    # "två gånger" / "twice": no digit anywhere, nothing to report
    assert findings(SV.replace("två gånger", "ett par gånger"), EN) == []


def test_date_changed_and_year_dropped():
    found = findings(SV.replace("16 februari 2026", "17 februari 2026"), EN)
    assert [(f.rule, f.severity.label) for f in found] == [("date-mismatch", "error")]
    found = findings(SV.replace("16 februari 2026", "16 februari"), EN)
    assert [(f.rule, f.severity.label) for f in found] == [("date-mismatch", "info")]


def test_contacts():
    found = findings(SV.replace("08-123 45 67", "08-123 45 68"), EN)
    assert rules_of(found) == [("contact-mismatch", "a.md", 8)]
    found = findings(SV.replace("jobs@example.com", "job@example.com"), EN)
    assert [f.rule for f in found] == ["contact-mismatch"]


def test_links_and_images():
    found = findings(SV.replace("/sv/handbook/", "/sv/guide/"), EN)
    assert rules_of(found) == [("link-mismatch", "a.md", 8)]
    found = findings(SV.replace("/img/team.jpg", "/img/team-2.jpg"), EN)
    assert rules_of(found) == [("image-mismatch", "a.md", 10)]


def test_translated_slug_is_only_a_warning():
    sv = SV.replace("https://example.com/sv/handbook/", "/sv/handbok/")
    en = EN.replace("https://example.com/en/handbook/", "/en/handbook/")
    found = findings(sv, en)
    assert [(f.rule, f.severity.label) for f in found] == [("link-mismatch", "warning")]


@pytest.mark.parametrize("sv_link, severity", [
    ("[våra webbsändningar](/webinar/)", "info"),  # the list that holds the one webinar: less specific
    ("[webbsändningen](/webinar/cloud-basics/)", "warning"),  # another webinar (or a translated slug)
    ("[webbsändningen](/webbinarier/)", "error"),  # another folder
    ("[webbsändningen](/webinar/#partner)", "error"),  # a place on the list page: as specific as the other
])
def test_a_link_to_the_list_page_above_the_other_target_is_info(sv_link, severity):
    sv = f"## Lagring\n\nSe {sv_link} om lagringen.\n"
    en = "## Storage\n\nSee [this webinar](/webinar/partner-webinar-1/) about the storage.\n"
    found = findings(sv, en)
    assert [(f.rule, f.severity.label) for f in found] == [("link-mismatch", severity)]


def test_anchor_links_pointing_at_aligned_headings_are_equal():
    sv = "## Ansök\n\nSe [nedan](#villkor).\n\n## Villkor\n\nText.\n"
    en = "## Apply\n\nSee [below](#terms).\n\n## Terms\n\nText.\n"
    assert findings(sv, en) == []
    wrong = sv.replace("(#villkor)", "(#ansök)")  # Hugo keeps the ö in the anchor
    assert [f.rule for f in findings(wrong, en)] == ["link-mismatch"]


ANCHORED_EN = """
## Checks

- Sign the [CLA](#cla)
- [Deploy through Netlify](#netlify-deployment)

## CLA

Text.

## Netlify deployment

Text.
"""

ANCHORED_SV = """
## Kontroller

- Skriv under [CLA](#cla)
- [Driftsätt med Netlify](#netlify-deployment)

## CLA

Text.

## Driftsättning med Netlify

Text.
"""


def test_an_in_page_link_to_a_translated_heading_is_reported_where_it_goes_nowhere():
    found = findings(ANCHORED_SV, ANCHORED_EN)
    assert [(f.rule, f.severity.label, f.path, f.line) for f in found] == [("link-mismatch", "warning", "a.md", 4)]
    message = found[0].message
    assert message.startswith('in-page link "#netlify-deployment" leads to no heading here; in b.md:4 it leads to '
                              '"Netlify deployment" (line 10)')
    assert '"Driftsättning med Netlify" (line 10), has the anchor "driftsättning-med-netlify"' in message
    assert message.endswith("give it the id {#netlify-deployment}")
    assert [(r.path, r.line) for r in found[0].related] == [("b.md", 4)]


@pytest.mark.parametrize("fix", [
    ("## Driftsättning med Netlify\n", "## Driftsättning med Netlify {#netlify-deployment}\n"),  # the id is given
    ("Netlify\n\nText.", 'Netlify\n\n<a id="netlify-deployment"></a>Text.'),  # the page names the anchor itself
])
def test_an_in_page_link_that_leads_somewhere_in_both_versions_is_quiet(fix):
    assert findings(ANCHORED_SV.replace(*fix), ANCHORED_EN) == []


def test_an_in_page_link_written_twice_is_told_once_and_nothing_else():
    sv = ANCHORED_SV.replace("[Driftsätt med Netlify](#netlify-deployment)",
                             "[Driftsätt](#netlify-deployment) med [Netlify](#netlify-deployment)")
    found = findings(sv, ANCHORED_EN)
    assert [(f.rule, f.line) for f in found] == [("link-mismatch", 4)]
    assert found[0].message.startswith('in-page link "#netlify-deployment" leads to no heading here')


def test_a_word_like_the_anchor_elsewhere_on_the_page_does_not_hide_a_broken_link():
    # "netlify-deployment" in code is not an id: only id=, {#…} and shortcode arguments define one
    sv = ANCHORED_SV.replace("Text.\n", "Kör `make netlify-deployment`.\n", 1)
    en = ANCHORED_EN.replace("Text.\n", "Run `make netlify-deployment`.\n", 1)
    assert [f.rule for f in findings(sv, en) if f.rule == "link-mismatch"] == ["link-mismatch"]


def test_a_counterpart_heading_with_an_id_of_its_own_is_linked_to_not_given_another():
    sv = ANCHORED_SV.replace("## Driftsättning med Netlify\n", "## Driftsättning med Netlify {#driftsattning}\n")
    found = findings(sv, ANCHORED_EN)
    assert [f.rule for f in found] == ["link-mismatch"]
    assert found[0].message.endswith('has the id "driftsattning": link to "#driftsattning"')


def test_a_link_to_a_section_missing_here_is_left_to_missing_section():
    # the whole section is untranslated: one finding, whose fix (translating it, with its
    # id) mends the link too
    sv = ANCHORED_SV.replace("## Driftsättning med Netlify\n\nText.\n", "")
    found = findings(sv, ANCHORED_EN)
    assert [(f.rule, f.path) for f in found] == [("missing-section", "a.md")]
    assert "Netlify deployment" in found[0].message


def test_an_anchor_that_leads_nowhere_known_stands_for_another_versions_anchor_not_its_own_pages():
    # "#distribution" goes to no heading here (a raw HTML id, say): it may stand for the other
    # version's "#netlify-deployment", and must not be taken as a repeat of this page's "#cla"
    sv = ANCHORED_SV.replace("(#netlify-deployment)", "(#distribution)")
    assert findings(sv, ANCHORED_EN) == []


def test_values_inside_a_missing_item_are_not_reported_twice():
    sv = "## S\n\n- Ett\n- Två\n"
    en = "## S\n\n- One\n- Two\n- Read [more](https://example.com/x) about 2027\n"
    assert [f.rule for f in findings(sv, en)] == ["bullet-count"]


# --- the real seed posting ---------------------------------------------------------------


def seed():
    return (CORPUS / "seed" / "posting.sv.md").read_text(encoding="utf-8"), (
        CORPUS / "seed" / "posting.en.md"
    ).read_text(encoding="utf-8")


VALUE_RULES = {"salary-mismatch", "number-mismatch", "date-mismatch", "link-mismatch", "image-mismatch", "contact-mismatch"}


def value_findings(sv, en):
    return [f for f in check_texts(sv, en, "sv.md", "en.md") if f.rule in VALUE_RULES]


@needs_corpus
def test_seed_has_no_value_finding():
    assert value_findings(*seed()) == []


@needs_corpus
@pytest.mark.parametrize(
    "old, new, rule",
    [
        ("€50,000 - €80,000 per år", "€50,000 - €85,000 per år", "salary-mismatch"),
        ("€50,000 - €80,000 per år", "50 000–80 000 kr per år", "salary-mismatch"),
        ("€50,000 - €80,000 per år", "€50,000 - €80,000 per månad", "salary-mismatch"),
        ("består av 5 skickliga", "består av 6 skickliga", "number-mismatch"),
        ('#applyNow" >}}', '#apply" >}}', "link-mismatch"),
        ('sidebarlinkurl: "https://safespring.careers.haileyhr.app/en-GB/job/738d81c0', 'sidebarlinkurl: "https://safespring.careers.haileyhr.app/en-GB/job/738d81c1', "link-mismatch"),
    ],
    ids=["upper-bound", "currency", "period", "body-number", "apply-link-shortcode", "apply-link-front-matter"],
)
def test_seed_mutation_gives_exactly_one_finding(old, new, rule):
    sv, en = seed()
    assert old in sv
    found = value_findings(sv.replace(old, new, 1), en)
    assert [f.rule for f in found] == [rule], [f.message for f in found]


@needs_corpus
@pytest.mark.parametrize(
    "rewrite", ["50 000–80 000 € per år", "50k–80k EUR per år", "mellan 50 000 och 80 000 euro om året"]
)
def test_seed_salary_rewritten_the_swedish_way_is_quiet(rewrite):
    sv, en = seed()
    assert value_findings(sv.replace("€50,000 - €80,000 per år", rewrite), en) == []


def test_national_number_in_an_english_page_equals_the_swedish_one():
    sv = "## Kontakt\n\nRing 0708-375566.\n"
    en = "## Contact\n\nCall 0708-375566 or +46 708 375566.\n"
    found = check_texts(sv, en, "x.sv.md", "x.en.md")
    # the second number in English is the same phone in international form
    assert [f.rule for f in found] == []


def test_an_email_linked_in_one_version_and_written_out_in_the_other_is_no_mismatch():
    from transcheck.checking.engine import check_texts

    sv = "## Kontakt\n\nSkriv till gdpr@example.org om du har frågor.\n"
    en = "## Contact\n\nWrite to [gdpr@example.org](mailto:gdpr@example.org) with questions.\n"
    assert [f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md")] == []
    other = "## Contact\n\nWrite to [us](mailto:privacy@example.org) with questions.\n"
    assert "link-mismatch" in [f.rule for f in check_texts(sv, other, "p.sv.md", "p.en.md")]


def test_a_raw_html_link_to_a_relref_is_read_whole():
    from transcheck.checking.engine import check_texts

    sv = '## A\n\n<a href="{{% relref "/services/x.md" %}}">Läs mer</a>\n'
    en = '## A\n\n<a href="{{% relref "/services/x.md" %}}">Read more</a>\n'
    assert "link-mismatch" not in [f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md")]
    other = en.replace("/services/x.md", "/services/y.md")
    found = [f.message for f in check_texts(sv, other, "p.sv.md", "p.en.md") if f.rule == "link-mismatch"]
    assert found and "{{%" in found[0] and "/services/x.md" in found[0]


@pytest.mark.parametrize(
    "sv_image, en_image, severity",
    [
        ("/img/key-points-1.svg", "/img/key-points-3.svg", "warning"),  # one copy per language
        ("/img/social_33.jpg", "/img/social_33-2.gif", "warning"),
        ("/img/card_21.svg", "/img/card_22.svg", "error"),  # two pictures of a numbered library
        ("sampling-process.png", "sampling-process.svg", "warning"),  # a translation's copy in another format
        ("/img/sampling.png", "/img/other/sampling.svg", "error"),  # another folder: another picture
        ("/img/team.jpg", "/img/office.jpg", "error"),
    ],
)
def test_copies_of_one_picture_are_a_warning(sv_image, en_image, severity):
    from transcheck.checking.engine import check_texts

    sv = f"## Om oss\n\n![Bild]({sv_image})\n\nVi är ett team.\n"
    en = f"## About us\n\n![Picture]({en_image})\n\nWe are a team.\n"
    found = [f.severity.label for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "image-mismatch"]
    assert found == [severity]


def test_a_price_list_in_each_market_s_currency_is_one_info():
    from transcheck.checking.engine import check_texts

    sv = "## Priser\n\n- Lagring: 490 kr\n- Beräkning: 900 kr\n- Säkerhetskopior: 120 kr\n"
    en = "## Prices\n\n- Storage: €44\n- Compute: €81\n- Backups: €11\n"
    found = [(f.rule, f.severity.label) for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "salary-mismatch"]
    assert found == [("salary-mismatch", "info")]
    same_currency = en.replace("€44", "490 kr").replace("€81", "900 kr").replace("€11", "130 kr")
    assert [f.severity.label for f in check_texts(sv, same_currency, "p.sv.md", "p.en.md") if f.rule == "salary-mismatch"] == ["error"]


def test_a_link_that_continues_a_shortcode_value_is_read_whole():
    from transcheck.checking.engine import check_texts

    sv = '## Bidra\n\n- [Bra första ärende](<{{% param _issue %}}%22good+first+issue%22>)\n'
    en = '## Contribute\n\n- [Good first issue](<{{% param _issue %}}%22good%20first%20issue%22>)\n'
    assert "link-mismatch" not in [f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md")]
    other = en.replace("good%20first%20issue", "help%20wanted")
    found = [f.message for f in check_texts(sv, other, "p.sv.md", "p.en.md") if f.rule == "link-mismatch"]
    assert found and "{{% param _issue %}}" in found[0] and "\ue000" not in found[0]


@pytest.mark.parametrize(
    "sv_url, en_url, severity",
    [
        # a branch's file and a permalink of it (GitHub's "copy permalink"): the same document
        ("https://github.com/org/repo/blob/main/docs/guide.md", "https://github.com/org/repo/blob/25f0275/docs/guide.md", "info"),
        ("https://github.com/org/repo/blob/main/a.md", "https://github.com/org/repo/blob/514a684/a.md?from_branch=main", "info"),
        # two named versions, or two commits: worth a look
        ("https://github.com/org/repo/tree/v1.2/src", "https://github.com/org/repo/tree/v1.3/src", "warning"),
        ("https://github.com/org/repo/blob/25f0275/a.md", "https://github.com/org/repo/blob/514a684/a.md", "warning"),
        ("https://github.com/org/repo/blob/main/docs/guide.md", "https://github.com/org/repo/blob/main/docs/other.md", "error"),
    ],
)
def test_the_same_repository_file_at_another_revision_is_a_warning_or_information(sv_url, en_url, severity):
    from transcheck.checking.engine import check_texts

    sv = f"## Källor\n\nLäs [guiden]({sv_url}).\n"
    en = f"## Sources\n\nRead [the guide]({en_url}).\n"
    assert [f.severity.label for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "link-mismatch"] == [severity]


def test_a_changed_mailto_address_shown_as_text_is_one_contact_finding():
    from transcheck.checking.engine import check_texts

    sv = "## Kontakt\n\nSkriv till [hello@example.se](mailto:hello@example.se).\n"
    en = "## Contact\n\nWrite to [anna@example.se](mailto:anna@example.se).\n"
    assert sorted(f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md")) == ["contact-mismatch"]
    # behind a label the address is only in the link: the link rule reports it
    sv_label = "## Kontakt\n\n[Skriv till oss](mailto:hello@example.se).\n"
    en_label = "## Contact\n\n[Write to us](mailto:anna@example.se).\n"
    assert "link-mismatch" in [f.rule for f in check_texts(sv_label, en_label, "p.sv.md", "p.en.md")]
    # the same for a tel: link whose number the page shows
    sv_tel = "## Kontakt\n\nRing [08-657 61 00](tel:+4686576100).\n"
    en_tel = "## Contact\n\nCall [+46(0)8-657 61 99](tel:+4686576199).\n"
    assert sorted(f.rule for f in check_texts(sv_tel, en_tel, "p.sv.md", "p.en.md")) == ["contact-mismatch"]
    en_tel_label = "## Contact\n\n[Call us](tel:+4686576199).\n"
    assert "link-mismatch" in [f.rule for f in check_texts(sv_tel, en_tel_label, "p.sv.md", "p.en.md")]


@pytest.mark.parametrize("title, anchor", [("API & SDK", "api--sdk"), ("Code reviews", "code-reviews"), ("What is OTel?", "what-is-otel")])
def test_heading_anchors_as_hugo_writes_them(title, anchor):
    from transcheck.document.sections import heading_anchor

    assert heading_anchor(title) == anchor


def test_a_wikipedia_article_in_the_language_of_each_page_is_the_same_link():
    from transcheck.checking.engine import check_texts

    en = "## A\n\nUse [no-op instructions](https://en.wikipedia.org/wiki/NOP_(code)) here.\n"
    pt = "## A\n\nUse [instruções sem operação](https://pt.wikipedia.org/wiki/NOP) aqui.\n"
    assert [f.rule for f in check_texts(en, pt, "p.en.md", "p.pt.md") if f.rule == "link-mismatch"] == []
    # another English article, or a Wikipedia of a third language: a changed link
    for other in ("https://en.wikipedia.org/wiki/Other", "https://de.wikipedia.org/wiki/NOP"):
        changed = pt.replace("https://pt.wikipedia.org/wiki/NOP", other)
        assert [f.rule for f in check_texts(en, changed, "p.en.md", "p.pt.md") if f.rule == "link-mismatch"] == ["link-mismatch"]


def test_a_footnote_without_spaces_is_no_link_definition():
    from transcheck.checking.engine import check_texts
    from transcheck.document.read import parse_text

    en = "## A\n\nSome roles.[^1]\n\n[^1]: If none fits, [let us know][].\n\n[let us know]: https://example.org/issues/new\n"
    ja = "## A\n\nいくつかの役割。[^1]\n\n[^1]: 当てはまらない場合は、[教えて下さい][]。\n\n[教えて下さい]: https://example.org/issues/new\n"
    assert [f.rule for f in check_texts(en, ja, "p.en.md", "p.ja.md") if f.rule == "link-mismatch"] == []
    changed = ja.replace("issues/new\n", "issues/old\n")
    assert [f.rule for f in check_texts(en, changed, "p.en.md", "p.ja.md") if f.rule == "link-mismatch"] == ["link-mismatch"]
    # inside fenced code the line stays as written
    doc = parse_text("```md\n[^1]: 注\n```\n")
    assert doc.body.blocks[0].code == "[^1]: 注\n"


def test_another_front_matter_picture_is_a_warning_and_another_picture_in_the_text_an_error():
    from transcheck.checking.engine import check_texts

    sv = "---\ntitle: Om oss\nsidebarimage: team-sv.webp\n---\n\n## Kontoret\n\n![Kontoret](/img/office.jpg)\n"
    en = "---\ntitle: About us\nsidebarimage: team-en.webp\n---\n\n## The office\n\n![The office](/img/office.jpg)\n"
    assert [(f.rule, f.severity.label) for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "image-mismatch"] == \
        [("image-mismatch", "warning")]
    other = en.replace("sidebarimage: team-en.webp", "sidebarimage: team-sv.webp").replace("/img/office.jpg", "/img/hall.jpg")
    assert [(f.rule, f.severity.label) for f in check_texts(sv, other, "p.sv.md", "p.en.md") if f.rule == "image-mismatch"] == \
        [("image-mismatch", "error")]


PRICES_SV = """## Maskiner med GPU

Vi erbjuder flera maskiner med GPU.

| Produkt ID        | vCPU | RAM (GB) | Per timme |
|-------------------|-----:|---------:|----------:|
| flavor-c4r16-a2   | 4    | 16       | 4,65 kr   |
| flavor-c8r32-a2   | 8    | 32       | 6,49 kr   |
| flavor-c32r192-h1 | 32   | 192      | 32,91 kr  |
"""

PRICES_EN = """## Machines with GPU

We offer several machines with GPU.

| Product ID        | vCPU | RAM (GB) | Per hour  |
|-------------------|-----:|---------:|----------:|
| flavor-c4r16-a2   | 4    | 16       | 4,65 kr   |
| flavor-c8r32-a2   | 8    | 32       | 6,49 kr   |
"""


def test_the_values_of_a_table_row_one_version_lacks_are_left_to_table_shape():
    found = [(f.rule, f.message) for f in findings(PRICES_SV, PRICES_EN)]
    assert [rule for rule, _ in found] == ["table-shape"]
    assert 'row "flavor-c32r192-h1" here is not there' in found[0][1]
    # a number changed in a row both tables have is still a number-mismatch
    changed = PRICES_EN.replace("| 32       |", "| 64       |")
    assert [f.rule for f in findings(PRICES_SV, changed)] == ["table-shape", "number-mismatch"]


@pytest.mark.parametrize("sv, severity", [
    ("Att öppna ett ärende kan kännas omständligt och onödigt.", "warning"),  # "in 2022" left out
    ("Att öppna ett ärende kunde kännas omständligt och onödigt 2021.", "error"),  # another year
])
def test_a_year_said_in_one_version_only_is_a_warning_a_changed_year_an_error(sv, severity):
    en = "Opening a support ticket might feel tedious and unnecessary in 2022."
    found = [(f.severity.label, f.message) for f in findings(f"## Ärenden\n\n{sv}\n", f"## Tickets\n\n{en}\n") if f.rule == "number-mismatch"]
    assert [s for s, _ in found] == [severity]
    assert found[0][1].endswith("a year said in one version only") is (severity == "warning")


_CARD_EN = ("## Contact\n\nI am the CCO and happy to help.\n\nCall +46 (0)76 629 25 02 or write to "
            "anna.berg@example.com.\n")


def test_a_general_address_and_switchboard_for_a_persons_own_are_a_warning_that_says_so():
    sv = ("## Kontakt\n\nJag är CCO och hjälper gärna till.\n\nRing +46 8 55 10 73 70 eller skriv till "
          "hello@example.com.\n")
    found = [f for f in check_texts(sv, _CARD_EN, "p.sv.md", "p.en.md") if f.rule == "contact-mismatch"]
    assert [(f.severity.label, f.line) for f in found] == [("warning", 5), ("warning", 5)]
    assert all(f.message.endswith("a general address here for a person's own there: likely chosen for this "
                                  "version's readers") for f in found)


def test_another_persons_address_or_a_changed_number_stays_an_error():
    other_person = ("## Kontakt\n\nJag är CCO och hjälper gärna till.\n\nRing +46 (0)76 629 25 02 eller skriv till "
                    "bo.ek@example.com.\n")
    changed_number = ("## Kontakt\n\nJag är CCO och hjälper gärna till.\n\nRing +46 (0)76 629 25 03 eller skriv till "
                      "anna.berg@example.com.\n")
    for sv in (other_person, changed_number):
        found = [f for f in check_texts(sv, _CARD_EN, "p.sv.md", "p.en.md") if f.rule == "contact-mismatch"]
        assert [f.severity.label for f in found] == ["error"], sv


def test_an_icon_missing_from_a_heading_is_a_warning_and_a_picture_in_the_text_an_error():
    from transcheck.checking.engine import check_texts

    en = ("## Extensions <img width=\"32\" alt=\"\" src=\"/img/logos/ext.svg\"> {#extensions}\n\n"
          "Extensions add features to the Collector such as health checks.\n\n"
          "## Receivers <img alt=\"\" src=\"/img/logos/rec.svg\">\n\nReceivers collect data.\n")
    ja = ("## 拡張機能 {#extensions}\n\n拡張機能は Collector にヘルスチェックなどの機能を追加します。\n\n"
          "## レシーバー <img alt=\"\" src=\"/img/logos/rec.svg\">\n\nレシーバーはデータを集めます。\n")
    found = [(f.severity.label, f.line, f.message.split("; ")[-1]) for f in check_texts(ja, en, "content/ja/p.md", "content/en/p.md")
             if f.rule == "image-mismatch"]
    assert found == [("warning", 1, "an icon in its heading")]
    with_picture = en.replace("health checks.", "health checks. ![Diagram](/img/diagram.png)")
    found = [(f.severity.label, f.message) for f in check_texts(ja, with_picture, "content/ja/p.md", "content/en/p.md")
             if f.rule == "image-mismatch"]
    assert ("error", 'image "/img/diagram.png" (content/en/p.md:3) has no counterpart in section "拡張機能" here') in found


_HOW_TO_ADD_EN = ("## Adopters\n\nIf your company uses the project, we would love to add it. You can "
                  "[submit a request](#how-to-add) or fill in the form.\n\n## How to add {#how-to-add}\n\nOpen a PR.\n")


@pytest.mark.parametrize("es_text, line", [
    ("[enviar una solicitud] (#how-to-add)", 3),  # a space before the parenthesis
    ("[enviar una\n\n> solicitud](#how-to-add)", 5),  # the opening bracket in another paragraph
])
def test_a_link_whose_markup_broke_is_told_where_it_shows_as_text(es_text, line):
    es = ("## Usuarios\n\nSi tu empresa usa el proyecto, nos encantaría añadirla. Puedes "
          f"{es_text} o completar el formulario.\n\n## Cómo añadirla {{#how-to-add}}\n\nAbre un PR.\n")
    found = [(f.path, f.line, f.severity.label, f.message) for f in check_texts(es, _HOW_TO_ADD_EN, "es.md", "en.md",
                                                                                languages=("es", "en"))
             if f.rule == "link-mismatch"]
    assert [(path, at, severity) for path, at, severity, _ in found] == [("es.md", line, "warning")]
    assert "is written here but does not render as a link" in found[0][3]


def test_a_link_missing_whose_target_stands_only_in_code_is_still_missing():
    es = ("## Usuarios\n\nSi tu empresa usa el proyecto, nos encantaría añadirla.\n\n```md\n[texto] (#how-to-add)\n```\n\n"
          "## Cómo añadirla {#how-to-add}\n\nAbre un PR.\n")
    found = [f.message for f in check_texts(es, _HOW_TO_ADD_EN, "es.md", "en.md", languages=("es", "en"))
             if f.rule == "link-mismatch"]
    assert len(found) == 1 and "has no counterpart" in found[0]


_NOTES_SV = ("## Bakgrund\n\nDomen kom 2020[^1] och ändrade läget för alla.\n\n"
             "## Del III – Myndigheternas ansvar\n\nTillsynen bör skärpas enligt tillsynsplanen[^2].\n\n"
             "## Källor\n\n[^1]: Domstolen, mål C-311/18, 16 juli 2020, https://curia.example.eu/c-311-18.\n\n"
             "[^2]: Datainspektionen DI-2019-841, 15 mars 2019, https://imy.example.se/di-2019-841.\n")
_NOTES_EN = ("## Background\n\nThe ruling came in 2020[^1] and changed things for everyone.\n\n"
             "## Sources\n\n[^1]: Court of Justice, case C-311/18, 16 July 2020, https://curia.example.eu/c-311-18.\n")


def test_sources_cited_only_in_a_section_the_other_version_lacks_are_that_section_s():
    """The Swedish part III is reported as missing; the date, link and numbers of the source
    only it cites are part of it, not three more errors in "Sources"."""
    found = [(f.rule, f.path) for f in check_texts(_NOTES_SV, _NOTES_EN, "sv.md", "en.md", languages=("sv", "en"))
             if f.severity.label != "info"]
    assert found == [("missing-section", "en.md")]


def test_a_source_also_cited_where_both_versions_agree_is_still_compared():
    sv = _NOTES_SV.replace("Domen kom 2020[^1] och", "Domen kom 2020[^1][^2] och")
    found = {f.rule for f in check_texts(sv, _NOTES_EN, "sv.md", "en.md", languages=("sv", "en"))
             if f.severity.label != "info"}
    assert {"missing-section", "date-mismatch", "link-mismatch"} <= found


def test_a_broken_link_is_told_once_in_its_own_section_and_a_missing_one_still_missing():
    en = ("## Adopters\n\nYou can [submit a request](#how-to-add) or fill in the form.\n\n"
          "## Listing\n\nOnce listed, [edit the request](#how-to-add) to change it.\n\n## How to add {#how-to-add}\n\nOpen a PR.\n")
    es = ("## Usuarios\n\nPuedes [enviar una solicitud] (#how-to-add) o completar el formulario.\n\n"
          "## Listado\n\nUna vez en la lista, puedes cambiarla cuando quieras.\n\n## Cómo añadirla {#how-to-add}\n\nAbre un PR.\n")
    found = sorted((f.line, "does not render" in f.message) for f in check_texts(es, en, "es.md", "en.md", languages=("es", "en"))
                   if f.rule == "link-mismatch")
    assert found == [(3, True), (5, False)]


@pytest.mark.parametrize("where", [
    '---\ndescription: "Ver [la solicitud](#how-to-add)"\n---\n',  # front matter
    "<!-- [la solicitud] (#how-to-add) -->\n\n",  # an HTML comment: nothing shows
    "Un ejemplo: `[la solicitud] (#how-to-add)`.\n\n",  # a code span
])
def test_a_target_in_brackets_outside_prose_is_no_broken_link(where):
    es = where + "## Usuarios\n\nPuedes enviar una solicitud o completar el formulario.\n\n## Cómo añadirla {#how-to-add}\n\nAbre un PR.\n"
    found = [f.message for f in check_texts(es, _HOW_TO_ADD_EN, "es.md", "en.md", languages=("es", "en"))
             if f.rule == "link-mismatch"]
    assert len(found) == 1 and "has no counterpart" in found[0]
