"""shortcode-mismatch and shortcode-unclosed: reports and stays quiet."""

from transcheck.document.shortcode_args import is_data_argument
from conftest import findings, rules_of

EN = """
## Apply

{{< figure src="/img/team.jpg" class="wide" alt="Our team" >}}

{{% note "info" %}}
Write to us before you apply.
{{% /note %}}

Call {{< phone >}} today.

{{< button href="https://jobs.example/apply" text="Apply now" icon="fa-arrow" color="#3C9BCD" />}}
"""

SV = """
## Ansök

{{< figure src="/img/team.jpg" class="wide" alt="Vårt team" >}}

{{% note "info" %}}
Skriv till oss innan du ansöker.
{{% /note %}}

Ring {{< phone >}} i dag.

{{< button href="https://jobs.example/apply" text="Ansök nu" icon="fa-arrow" color="#3C9BCD" />}}
"""


def test_translated_text_arguments_are_quiet():
    assert findings(SV, EN) == []


def test_non_text_argument_differs():
    sv = SV.replace('color="#3C9BCD"', 'color="#FF0000"')
    found = findings(sv, EN)
    assert rules_of(found) == [("shortcode-mismatch", "a.md", 11)]
    assert '{{< button >}} argument color is "#FF0000" here but "#3C9BCD" in b.md:11' == found[0].message


def test_several_arguments_of_one_block_that_differ_are_one_finding():
    """Icon and colour both other: perhaps another block altogether, told once with both."""
    sv = SV.replace('icon="fa-arrow" color="#3C9BCD"', 'icon="fa-star" color="#FF0000"')
    found = findings(sv, EN)
    assert rules_of(found) == [("shortcode-mismatch", "a.md", 11)]
    assert found[0].message == ('{{< button >}} differs from b.md:11 in 2 arguments: color "#FF0000" here, "#3C9BCD" '
                                'there; icon "fa-star" here, "fa-arrow" there')


def test_positional_type_argument_differs():
    sv = SV.replace('{{% note "info" %}}', '{{% note "warning" %}}')
    found = findings(sv, EN)
    assert rules_of(found) == [("shortcode-mismatch", "a.md", 5)]
    assert 'argument 1 is "warning" here but "info"' in found[0].message


def test_missing_and_extra_shortcode_blocks():
    sv = SV.replace('{{< figure src="/img/team.jpg" class="wide" alt="Vårt team" >}}\n\n', "")
    found = findings(sv, EN)
    assert [(f.rule, f.path) for f in found] == [("shortcode-mismatch", "a.md")]
    assert "shortcode {{< figure >}} (b.md:3) has no counterpart" in found[0].message
    en = EN.replace("Call {{< phone >}} today.", "Call us today.")
    found = findings(SV, en)
    assert rules_of(found) == [("shortcode-mismatch", "a.md", 9)]
    assert "inline shortcode 'phone' appears 1 time(s) here but 0" in found[0].message


def test_closing_tag_without_opening():
    sv = SV.replace("Ring {{< phone >}} i dag.", "Ring oss i dag.\n\n{{< /phone >}}").replace(
        "Call {{< phone >}} today.", ""
    )
    en = EN.replace("Call {{< phone >}} today.", "Call us today.")
    found = findings(sv, en)
    assert rules_of(found) == [("shortcode-unclosed", "a.md", 11)]
    assert "has no opening tag" in found[0].message


def test_opening_tag_never_closed_while_the_other_version_closes_it():
    sv = SV.replace("Skriv till oss innan du ansöker.\n{{% /note %}}", "Skriv till oss innan du ansöker.")
    found = findings(sv, EN)
    assert ("shortcode-unclosed", "a.md", 5) in rules_of(found)
    message = next(f.message for f in found if f.rule == "shortcode-unclosed")
    assert "never closed here" in message and "{{% /note %}}" in message


def test_standalone_shortcode_used_the_same_way_is_not_unclosed():
    text = "{{< accordion-script >}}\n\nText.\n"
    assert findings(text, text) == []


def test_unterminated_tag_is_reported():
    sv = SV.replace('{{< figure src="/img/team.jpg" class="wide" alt="Vårt team" >}}', '{{< figure src="/img/team.jpg"')
    found = findings(sv, EN)
    assert ("shortcode-unclosed", "a.md", 3) in rules_of(found)


def test_argument_classification():
    assert is_data_argument("color", "#fff")
    assert is_data_argument(None, "info")
    assert is_data_argument(None, "fa-solid fa-x") is False  # two words: looks like text
    assert is_data_argument("icon", "fa-solid fa-x")
    assert not is_data_argument("title", "info")
    assert not is_data_argument(None, "Support:")
    assert not is_data_argument(None, "Klicka här")


# --- cosmetic arguments (issue 13) ---------------------------------------------------

import pytest  # noqa: E402

from transcheck.rules.shortcodes import token  # noqa: E402


def _block(arguments: str, title: str = "Rubrik", text: str = "Text.") -> str:
    return f"## {title}\n\n{{{{< icon-block {arguments} >}}}}\n\n{text}\n"


@pytest.mark.parametrize(
    "a, b",
    [
        ('color="#32cd32"', 'color="#32CD32"'),
        ('color="#abc"', 'color="#AABBCC"'),
        ('icon="fas fa-sliders"', 'icon="fa-solid fa-sliders"'),
        ('icon="fak fa-safespring-icon"', 'icon="fa-kit fa-safespring-icon"'),
        ('icon="fa-brands fa-github"', 'icon="fab fa-github"'),
    ],
)
def test_cosmetic_spellings_of_one_value_are_quiet(a, b):
    assert findings(_block(a), _block(b, "Title")) == []


@pytest.mark.parametrize(
    "a, b",
    [
        ('color="#32cd32"', 'color="#32CD33"'),
        ('color="#abc"', 'color="#aabbcd"'),
        ('icon="fas fa-gauge"', 'icon="fa-solid fa-gauge-high"'),
        ('icon="fas fa-server"', 'icon="far fa-server"'),
        ('open="true"', 'open="false"'),
    ],
)
def test_changed_cosmetic_values_are_reported(a, b):
    found = findings(_block(a), _block(b, "Title"))
    assert [f.rule for f in found] == ["shortcode-mismatch"]


def accordion(title: str, anchor: str, heading: str = "Rubrik") -> str:
    return f'## {heading}\n\n{{{{% accordion title="{title}" id="{anchor}" %}}}}\nText.\n{{{{% /accordion %}}}}\n'


@pytest.mark.parametrize(
    "a, b",
    [
        (("Skalning av resurser", "skalning-av-resurser"), ("Resource Scaling", "resource-scaling")),
        (("Prestanda och nätverk", "prestanda"), ("Performance and Network", "performance")),
        (("Lagring och säkerhet", "sakerhet"), ("Storage and security", "security")),
    ],
)
def test_anchor_id_that_is_the_slug_of_the_translated_title_is_quiet(a, b):
    assert findings(accordion(*a), accordion(*b, heading="Title")) == []


def test_anchor_id_slug_of_a_heading_is_quiet():
    sv = '## Vår säkerhet\n\n{{< anchor id="var-sakerhet" >}}\n\nText.\n'
    en = '## Our security\n\n{{< anchor id="our-security" >}}\n\nText.\n'
    assert findings(sv, en) == []


@pytest.mark.parametrize(
    "a, b",
    [
        (("Prestanda", "prestanda"), ("Performance", "pricing")),  # not the slug of its title
        (("Prestanda", "sektion-2"), ("Performance", "sektion-3")),  # ids that are data
    ],
)
def test_anchor_id_that_is_no_slug_of_its_text_is_reported(a, b):
    found = findings(accordion(*a), accordion(*b, heading="Title"))
    assert [f.rule for f in found] == ["shortcode-mismatch"]


def test_token():
    assert token("#32CD32") == token("#32cd32") == "#32cd32"
    assert token("fas fa-x") == token("fa-x fa-solid")
    assert token("Warning") == "Warning"  # other words keep their case: templates compare them as written


def test_looks_are_warnings_and_content_is_an_error():
    from transcheck.checking.engine import check_texts

    def found(sv_sc: str, en_sc: str):
        sv = f"## Om\n\nText om oss här.\n\n{sv_sc}\n"
        en = f"## About\n\nText about us here.\n\n{en_sc}\n"
        return [(f.rule, f.severity.label) for f in check_texts(sv, en, "p.sv.md", "p.en.md")]

    assert found('{{< card icon="fa-solid fa-gauge" >}}', '{{< card icon="fas fa-gauge-high" >}}') == [("shortcode-mismatch", "warning")]
    assert found('{{< card colour="#aa0000" >}}', '{{< card colour="#00aa00" >}}') == [("shortcode-mismatch", "warning")]
    # an anchor id: info when no link on either page uses the other's id, a warning when one does
    assert found('{{< card id="sakerhet" >}}', '{{< card id="security-x" >}}') == [("shortcode-mismatch", "info")]
    assert found('[Läs](#security-x)\n\n{{< card id="sakerhet" >}}', '[Read](#security-x)\n\n{{< card id="security-x" >}}') \
        == [("shortcode-mismatch", "warning")]
    assert found('{{< card type="video" >}}', '{{< card type="audio" >}}') == [("shortcode-mismatch", "error")]
    assert found('{{< card icon="fas fa-x" >}}', '{{< card icon="fa-solid fa-x" >}}') == []


def test_a_missing_layout_shortcode_is_info_and_a_missing_figure_an_error():
    from transcheck.checking.engine import check_texts

    sv = "## Om\n\nText om oss här.\n"
    spacer = "## About\n\nText about us here.\n\n{{< distance >}}\n"
    figure = '## About\n\nText about us here.\n\n{{< figure src="/img/a.png" >}}\n'
    assert [(f.rule, f.severity.label) for f in check_texts(sv, spacer, "p.sv.md", "p.en.md")] == [("shortcode-mismatch", "info")]
    assert ("shortcode-mismatch", "error") in [(f.rule, f.severity.label) for f in check_texts(sv, figure, "p.sv.md", "p.en.md")]


def test_a_shortcode_on_the_other_side_of_a_heading_is_moved_not_missing():
    from transcheck.checking.engine import check_texts

    sv = "Intro här.\n\n{{< ingress >}}\nKort om tjänsten.\n{{< /ingress >}}\n\n## Skala säkert\n\nText om skalning.\n"
    en = "Intro here.\n\n## Scale securely\n\n{{< ingress >}}\nShort on the service.\n{{< /ingress >}}\n\nText on scaling.\n"
    found = [(f.rule, f.severity.label, f.line) for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "shortcode-mismatch"]
    assert found == [("shortcode-mismatch", "info", 3)]
    only_sv = "Intro här.\n\n{{< ingress >}}\nKort.\n{{< /ingress >}}\n\n## Skala säkert\n\nText om skalning.\n"
    no_ingress = "Intro here.\n\n## Scale securely\n\nText on scaling.\n"
    # a styled paragraph fewer in a part that has other text: a warning, like a paragraph fewer
    assert [(f.rule, f.severity.label) for f in check_texts(only_sv, no_ingress, "p.sv.md", "p.en.md")
            if f.rule == "shortcode-mismatch"] == [("shortcode-mismatch", "warning")]


def test_a_shortcode_under_an_extra_sub_heading_is_compared_where_the_other_version_has_it():
    from transcheck.checking.engine import check_texts

    sv = ("## Support\n\nVi hjälper dig.\n\n### Kontakt\n\n{{< contact email=\"support@example.org\" >}}\n\n"
          "## Pris\n\nDet kostar.\n")
    en = "## Support\n\nWe help you.\n\n{{< contact email=\"support@example.org\" >}}\n\n## Price\n\nIt costs.\n"
    # the added "### Kontakt" holds the shortcode "## Support" has: it is compared there
    found = [(f.rule, f.severity.label) for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "shortcode-mismatch"]
    assert found == []
    other = en.replace("support@example.org", "sales@example.org")
    assert ("shortcode-mismatch", "error") in [(f.rule, f.severity.label) for f in check_texts(sv, other, "p.sv.md", "p.en.md")]


def test_a_shortcode_on_its_own_line_inside_raw_html_is_a_block_too():
    from conftest import doc
    from transcheck.checking.engine import check_texts

    d = doc('<div class="grid">\n{{< flexbox >}}\n{{< fact title="ISO" >}}\n{{< /flexbox >}}\n</div>\n\nText.\n')
    assert [(type(b).__name__, b.line) for b in d.body.blocks] == [("HtmlBlock", 1), ("Shortcode", 2), ("Paragraph", 7)]
    sv = '## Fakta\n\n{{< flexbox >}}\n{{< fact title="ISO" >}}\n{{< /flexbox >}}\n'
    en = '## Facts\n\n<div class="grid">\n{{< flexbox >}}\n{{< fact title="ISO" >}}\n{{< /flexbox >}}\n</div>\n'
    assert "shortcode-mismatch" not in [f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md")]


def test_a_styling_wrapper_around_text_the_other_version_has_plain_is_info():
    from transcheck.checking.engine import check_texts

    sv = "{{< ingress >}}\nVi bygger molnet i Sverige.\n{{< /ingress >}}\n\n## Om\n\nText.\n"
    plain = "We build the cloud in Sweden.\n\n## About\n\nText.\n"
    nothing = "## About\n\nText.\n"
    assert [(f.rule, f.severity.label) for f in check_texts(sv, plain, "p.sv.md", "p.en.md")
            if f.rule == "shortcode-mismatch"] == [("shortcode-mismatch", "info")]
    assert ("shortcode-mismatch", "error") in [(f.rule, f.severity.label) for f in check_texts(sv, nothing, "p.sv.md", "p.en.md")]


def _shortcode_findings(sv: str, en: str) -> list[tuple[str, str]]:
    from transcheck.checking.engine import check_texts

    return [(f.severity.label, f.message) for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "shortcode-mismatch"]


def test_an_argument_naming_each_page_s_own_language_is_quiet():
    sv = '## Priser\n\n{{< price-list language="sv" >}}\n'
    en = '## Prices\n\n{{< price-list language="en" >}}\n'
    assert _shortcode_findings(sv, en) == []
    # left to the default on one side: still its own language
    assert _shortcode_findings('## Priser\n\n{{< price-list >}}\n', en) == []
    # naming a third language is a real difference
    wrong = _shortcode_findings('## Priser\n\n{{< price-list language="de" >}}\n', en)
    assert [s for s, _ in wrong] == ["error"]
    assert 'argument language is "de" here but "en"' in wrong[0][1]


def test_a_positional_word_argument_that_differs_is_a_warning():
    sv = '## Uppdatering\n\n{{% disclaimer "uppdatering" %}}\nSidan är ny.\n{{% /disclaimer %}}\n'
    en = '## Update\n\n{{% disclaimer "update" %}}\nThe page is new.\n{{% /disclaimer %}}\n'
    assert [s for s, _ in _shortcode_findings(sv, en)] == ["warning"]
    # a value that is not a plain word (a number, a path) stays an error
    sv_num = sv.replace('"uppdatering"', '"2024"')
    en_num = en.replace('"update"', '"2025"')
    assert [s for s, _ in _shortcode_findings(sv_num, en_num)] == ["error"]


def test_inline_styling_shortcodes_counted_differently_are_a_warning():
    sv = '## Del\n\n{{< inline "Del II" >}} handlar om lagen.\n'
    en = '## Part\n\nPart II is about the law.\n'
    assert [s for s, _ in _shortcode_findings(sv, en)] == ["warning"]
    # an inline shortcode that inserts something (no arguments, or data) stays an error
    sv_phone = '## Kontakt\n\nRing {{< phone >}} i dag.\n'
    en_phone = '## Contact\n\nCall us today.\n'
    assert [s for s, _ in _shortcode_findings(sv_phone, en_phone)] == ["error"]


def test_a_button_whose_target_the_other_version_links_as_raw_html_is_info():
    sv = '## Tjänster\n\nVi har många tjänster.\n\n{{< localbutton link="/files/catalogue.pdf" text="Katalog" >}}\n'
    en = ('## Services\n\nWe have many services.\n\n'
          '<a href="/files/catalogue.pdf" class="button">Catalogue</a>\n')
    found = _shortcode_findings(sv, en)
    assert [s for s, _ in found] == ["info"]  # the same button as a plain link: looks only
    assert "its link target is at line 5 here" in found[0][1]
    # no link to that target anywhere: the button is missing
    other = en.replace("/files/catalogue.pdf", "/files/other.pdf")
    assert [s for s, _ in _shortcode_findings(sv, other)] == ["error"]


def test_a_wrapper_whose_text_is_merged_into_the_next_paragraph_is_info():
    sv = ("## Oslo\n\n{{< ingress >}}\nDatacentret är det största i Norge och drivs av vattenkraft.\n{{< /ingress >}}\n\n"
          "Det samarbetar med flera parter för att göra det enklare att erbjuda tjänster.\n")
    merged = ("## Oslo\n\nThe data centre is the largest in Norway and runs on hydropower. It works with several "
              "parties to make it easier to offer services.\n")
    dropped = "## Oslo\n\nIt works with several parties to make it easier to offer services.\n"
    assert [(s, "plain paragraph" in m) for s, m in _shortcode_findings(sv, merged)] == [("info", True)]
    assert [(s, "may lack that paragraph" in m) for s, m in _shortcode_findings(sv, dropped)] == [("warning", True)]
    # nothing left of the part's text: the wrapper and its text are missing
    assert [s for s, _ in _shortcode_findings(sv, "## Oslo\n\n- a list\n")] == ["error"]


def test_an_argument_less_shortcode_is_a_warning_unless_it_is_a_spacer():
    sv = "## Om\n\nText om oss här.\n"
    assert [s for s, _ in _shortcode_findings(sv, "## About\n\nText about us here.\n\n{{< button-row >}}\n")] == ["warning"]
    assert [s for s, _ in _shortcode_findings(sv, "## About\n\nText about us here.\n\n{{< divider >}}\n")] == ["info"]


def test_a_chart_is_content_not_a_styling_wrapper():
    sv = "## Plan\n\nSå här går det till.\n\n{{< chart >}}\ntimeline\nsection Vecka 1\nBeställning: offert\n{{< /chart >}}\n"
    en = "## Plan\n\nThis is how it works.\n"
    assert [s for s, _ in _shortcode_findings(sv, en)] == ["error"]


def test_an_anchor_id_each_page_links_under_its_own_name_is_quiet():
    sv = accordion("Lagring", "sakerhet") + "\nSe [säkerhet](#sakerhet).\n"
    en = accordion("Storage", "security", heading="Title") + "\nSee [security](#security).\n"
    assert findings(sv, en) == []
    # the Swedish page still links the English id: its own anchor is broken
    broken = accordion("Lagring", "sakerhet") + "\nSe [säkerhet](#security).\n"
    assert [f.rule for f in findings(broken, en)] == ["shortcode-mismatch"]


def test_a_contact_card_whose_address_and_phone_stand_in_the_front_matter_is_information():
    sv = ('---\ntitle: Tjänsten\nsidebarphone: "+46855107370"\nsidebarmail: "hello@example.se"\n---\n\n'
          "## Pris\n\nDet kostar lite.\n")
    en = ("---\ntitle: The service\n---\n\n## Price\n\nIt costs little.\n\n"
          '{{% card image="/img/anna.webp" title="Contact us" %}}\nCall [+46 8 55 10 73 70](tel:+46855107370)\n'
          "Mail [hello@example.se](mailto:hello@example.se)\n{{% /card %}}\n")
    found = _shortcode_findings(sv, en)
    assert [s for s, _ in found] == ["info"] and "stand at line 3 here" in found[0][1]
    other = sv.replace("hello@example.se", "sales@example.se")
    assert [s for s, _ in _shortcode_findings(other, en)] == ["error"]
    # a card with more to say than how to get in touch: its text is worth a look
    long_card = en.replace("Call [", "Our team of engineers can walk you through " + "the migration plan, step by step, " * 6 + "\nCall [")
    assert [s for s, _ in _shortcode_findings(sv, long_card)] == ["warning"]


def test_a_comment_shortcode_is_not_part_of_the_page():
    from transcheck.checking.engine import check_texts

    en = ("## Courses\n\nWe teach three courses.\n\n{{% comment %}}\nAn alternative design kept for later:\n\n"
          "- one\n- two\n{{% /comment %}}\n\nSee you there.\n")
    sv = "## Kurser\n\nVi ger tre kurser.\n\nVi ses där.\n"
    assert [f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md")] == []
    # the lines after it keep their numbers
    moved = en.replace("See you there.", "See you [there](https://example.com/).")
    found = [f for f in check_texts(sv, moved, "p.sv.md", "p.en.md") if f.rule == "link-mismatch"]
    assert found and found[0].related[0].line == 12


def test_a_shortcode_on_its_own_lines_here_and_inside_a_paragraph_there_is_one_shortcode():
    from transcheck.checking.engine import check_texts

    en = ("## Features\n\nWe trace requests across services.\n\n{{< figure src=\"model.png\" caption=\"The model\" >}}\n\n"
          "{{% config_option name=\"otel.x.enabled\" %}}\nTurns it on.\n{{% /config_option %}}\n")
    sv = ("## Funktioner\n\nVi spårar anrop mellan tjänster. {{< figure src=\"model.png\" caption=\"Modellen\" >}}\n\n"
          "{{% config_option name=\"otel.x.enabled\" %}} Slår på den.\n{{% /config_option %}}\n")
    assert [f for f in check_texts(en, sv, "p.en.md", "p.sv.md") if f.rule == "shortcode-mismatch"] == []
    # the figure gone from the Swedish paragraph: still missing
    without = sv.replace(" {{< figure src=\"model.png\" caption=\"Modellen\" >}}", "")
    found = [(f.rule, f.severity.label) for f in check_texts(en, without, "p.en.md", "p.sv.md") if f.rule == "shortcode-mismatch"]
    assert found == [("shortcode-mismatch", "error")]


TIMELINE_SV = ("## Om webbinariet\n\nIntro om GDPR och molnet.\n\n{{% timeline %}}\n"
               "{{% timeline-item label=\"Myt 1\" title=\"Amerikanska molntjänster och GDPR\" %}}\n"
               "Många tror att Safespring och Elastisys inte kan ersätta amerikanska moln, men GDPR kräver mer av dem.\n"
               "{{% /timeline-item %}}\n"
               "{{% timeline-item label=\"Myt 2\" title=\"Kryptering\" %}}\n"
               "Lars menar att kryptering med Kubernetes inte löser juridiska problem med GDPR på egen hand.\n"
               "{{% /timeline-item %}}\n{{% /timeline %}}\n")
TIMELINE_EN = ("## About the webinar\n\nIntro on GDPR and the cloud.\n\n### Myth 1: U.S. cloud services and the GDPR\n\n"
               "Many believe Safespring and Elastisys cannot replace U.S. clouds, but the GDPR asks more of them.\n\n"
               "### Myth 2: Encryption\n\nLars says encryption with Kubernetes does not solve legal problems with the GDPR alone.\n")


def test_a_timeline_here_and_headings_over_the_same_text_there_is_a_difference_of_form():
    from transcheck.checking.engine import check_texts

    found = [(f.rule, f.severity.label) for f in check_texts(TIMELINE_SV, TIMELINE_EN, "p.sv.md", "p.en.md")]
    assert ("shortcode-mismatch", "warning") in found and ("missing-section", "warning") in found
    assert not [f for f in found if f[1] == "error"]
    # without the headings' text, the timeline is missing
    intro_only = TIMELINE_EN.split("### Myth 1")[0]
    found = [(f.rule, f.severity.label) for f in check_texts(TIMELINE_SV, intro_only, "p.sv.md", "p.en.md")]
    assert ("shortcode-mismatch", "error") in found


@pytest.mark.parametrize("arguments", ['title="Nota"', 'title="Nota" color="warning"'])
def test_an_alert_shortcode_here_and_a_github_alert_quote_there_are_one_note(arguments):
    from transcheck.checking.engine import check_texts

    en = "## A\n\nIntro text here.\n\n> [!NOTE]\n>\n> Use the collector for this. It is faster.\n\nMore text.\n"
    es = f"## A\n\nTexto de introducción.\n\n{{{{% alert {arguments} %}}}}\nUsa el colector. Es más rápido.\n{{{{% /alert %}}}}\n\nMás texto.\n"
    found = [(f.rule, f.severity.label) for f in check_texts(en, es, "p.en.md", "p.es.md") if f.rule == "shortcode-mismatch"]
    assert found == [("shortcode-mismatch", "info")]
    plain_quote = en.replace("> [!NOTE]\n>\n", "")
    found = [(f.rule, f.severity.label) for f in check_texts(plain_quote, es, "p.en.md", "p.es.md") if f.rule == "shortcode-mismatch"]
    assert found and found[0][1] != "info"


def test_an_accordion_whose_text_the_other_version_writes_as_an_html_card_is_info():
    sv = ("## Forskning\n\nProjekten körs på plattformen.\n\n{{% accordion title=\"DDS\" %}}\nDDS betyder Data Delivery "
          "System och används av SciLifeLab och NGI för att leverera data, se [DDS](https://dds.example.org/).\n"
          "{{% /accordion %}}\n")
    card = ("## Research\n\nThe projects run on the platform.\n\n<div class=\"card\">\n<h3>DDS</h3>\n<p>DDS stands for Data "
            "Delivery System, used by SciLifeLab and NGI to deliver data.</p>\n<a href=\"https://dds.example.org/\">DDS</a>\n"
            "</div>\n")
    found = _shortcode_findings(sv, card)
    assert [s for s, _ in found] == ["info"]
    assert found[0][1].endswith("its text stands here in HTML (line 5)")
    # an HTML block about something else: the accordion's text is missing
    other = card.replace("DDS", "Portal").replace("SciLifeLab and NGI", "the team").replace("dds.example", "portal.example")
    assert [s for s, _ in _shortcode_findings(sv, other)] != ["info"]


CARD_EN = """
## Price

You pay per hour for what you use, from 0.20 EUR an hour for the smallest database.

{{% info-card image="/img/card/team.webp" title="Talk to us" %}}
Questions about the database service? Our team answers the same day.

Call [+46 8 123 45 67](tel:+4681234567) or write to [sales@example.com](mailto:sales@example.com).
{{% /info-card %}}
"""

CTA_SV = """
## Pris

Du betalar per timme för det du använder, från 0,20 EUR i timmen för den minsta databasen.

{{< two-buttons "Se demo" "/demo/db/" "Kontakta oss" "/kontakt/" >}}
"""


def test_each_version_ending_a_part_with_its_own_call_to_action_is_a_warning():
    found = [(f.path, f.severity.label, f.message) for f in findings(CTA_SV, CARD_EN) if f.rule == "shortcode-mismatch"]
    assert [(path, severity) for path, severity, _ in found] == [("a.md", "warning"), ("b.md", "warning")]
    assert "{{< two-buttons >}} without counterpart, another call to action, stands in this part here (line 5)" in found[0][2]
    assert "{{% info-card %}} without counterpart, another call to action" in found[1][2]


def test_a_call_to_action_missing_with_none_in_its_place_stays_an_error():
    no_buttons = CTA_SV.replace('{{< two-buttons "Se demo" "/demo/db/" "Kontakta oss" "/kontakt/" >}}\n', "")
    found = [(f.path, f.severity.label) for f in findings(no_buttons, CARD_EN) if f.rule == "shortcode-mismatch"]
    assert found == [("a.md", "error")]
    # a shortcode in its place that is no call to action (a picture) does not stand for it
    picture = CTA_SV.replace('{{< two-buttons "Se demo" "/demo/db/" "Kontakta oss" "/kontakt/" >}}',
                             '{{< figure src="/img/db.png" alt="Databas" >}}')
    found = [(f.path, f.severity.label) for f in findings(picture, CARD_EN) if f.rule == "shortcode-mismatch"]
    assert ("a.md", "error") in found


def test_a_lead_paragraph_styled_in_one_version_beside_accordions_the_other_writes_in_html_is_info():
    nb = ("## Forskning\n\n{{< ingress >}}\nSciLifeLab har flere forskningsprogrammer som trenger store datamengder.\n"
          "{{< /ingress >}}\n\nTo store plattformer bygger på infrastrukturen.\n\n{{% accordion title=\"DDS\" %}}\nDDS betyr Data "
          "Delivery System og brukes av SciLifeLab og NGI for å levere data, se [DDS](https://dds.example.org/).\n"
          "{{% /accordion %}}\n")
    en = ("## Research\n\nSciLifeLab runs several research programs that need large amounts of data.\n\n"
          "Two large platforms build on the infrastructure.\n\n<div class=\"card\">\n<h3>DDS</h3>\n<p>DDS stands for Data "
          "Delivery System, used by SciLifeLab and NGI to deliver data.</p>\n<a href=\"https://dds.example.org/\">DDS</a>\n"
          "</div>\n")
    found = sorted(_shortcode_findings(nb, en), key=lambda f: f[1])
    assert [severity for severity, _ in found] == ["info", "info"]
    assert any(message.endswith("it styles text, which stands here as a plain paragraph") for _, message in found)
    assert any(message.endswith("its text stands here in HTML (line 7)") for _, message in found)


def test_a_card_with_a_date_is_no_call_to_action():
    release = ("## Latest release\n\nOur newest version brings many improvements to the engine and the tools.\n\n"
               "{{< release-card version=\"2.0\" >}}\nVersion 2.0 was released on 2024-01-15 with a faster engine.\n"
               "{{< /release-card >}}\n")
    button = ("## Latest release\n\nOur newest version brings many improvements to the engine and the tools.\n\n"
              "{{< button href=\"/download\" >}}\n")
    found = [(severity, message.split(" (")[0]) for severity, message in _shortcode_findings(release, button)]
    assert ("error", "shortcode {{< release-card >}}") in found and ("error", "shortcode {{< button >}}") in found
