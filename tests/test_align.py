from transcheck.align.alignment import align_sequences
from conftest import findings, rules_of

EN = """
## Why this role

We build the cloud with Ceph and Kubernetes for 40 customers.

## What you will do

- Run Ceph clusters
- Automate with Ansible
- Join the on-call rota

## What you need

- Linux experience
- Kubernetes knowledge

## Bonus points

- BGP networking
- Rook operator

## How we hire

1. Intro call
2. Tech interview
3. Offer
"""

SV = """
## Varför rollen

Vi bygger molnet med Ceph och Kubernetes för 40 kunder.

## Vad du gör

- Driva Ceph-kluster
- Automatisera med Ansible
- Vara med i jourschemat

## Vad du behöver

- Erfarenhet av Linux
- Kunskap om Kubernetes

## Extra plus

- BGP-nätverk
- Rook-operatorn

## Så anställer vi

1. Inledande samtal
2. Teknisk intervju
3. Erbjudande
"""


def test_sequence_alignment_keeps_order_and_gaps():
    a = ["x", "y", "z"]
    b = ["x", "z"]
    pairs = align_sequences(3, 2, lambda i, j: 1.0 if a[i] == b[j] else 0.0, 0.5)
    assert pairs == [(0, 0), (1, None), (2, 1)]


def test_translated_pair_aligns_without_findings():
    assert findings(SV, EN) == []


def test_one_section_deleted_in_the_middle_gives_exactly_one_finding():
    sv = SV.replace("## Vad du behöver\n\n- Erfarenhet av Linux\n- Kunskap om Kubernetes\n\n", "")
    found = findings(sv, EN)
    assert rules_of(found) == [("missing-section", "a.md", 11)]
    assert '"What you need" (b.md:11, a level-2 heading) has no counterpart here' in found[0].message
    assert 'belongs before "Extra plus"' in found[0].message
    assert found[0].related[0].path == "b.md" and found[0].related[0].line == 11


def test_section_missing_in_the_second_file_is_reported_there():
    en = EN.replace("## Bonus points\n\n- BGP networking\n- Rook operator\n\n", "")
    found = findings(SV, en)
    assert rules_of(found) == [("missing-section", "b.md", 16)]
    assert found[0].related[0].line == 16


def test_heading_level_change_is_reported_once_for_a_shifted_subtree():
    sv = SV.replace("## Vad du behöver", "### Vad du behöver")
    found = findings(sv, EN)
    assert rules_of(found) == [("heading-level", "a.md", 11)]
    assert "level-3 heading here but level 2" in found[0].message


_WRAP_SV = ("# Guide\n\nOm tjänsten.\n\n## Installera\n\nKör `tc install` på servern.\n\n## Konfigurera\n\n"
            "Redigera `tc.toml` och starta om.\n\n## Felsöka\n\nLäs loggen i `/var/log/tc`.\n")


def test_sections_under_a_heading_only_one_version_has_are_not_each_a_level_change():
    """'## Getting started' over '### Install' and '### Configure' there, '## Installera' here:
    one heading added around them, which missing-section reports; their levels follow from it."""
    from transcheck.checking.engine import check_texts

    en = ("# Guide\n\nAbout the service.\n\n## Getting started\n\n### Install\n\nRun `tc install` on the server.\n\n"
          "### Configure\n\nEdit `tc.toml` and restart.\n\n## Troubleshoot\n\nRead the log in `/var/log/tc`.\n")
    found = check_texts(_WRAP_SV, en, "p.sv.md", "p.en.md")
    assert [(f.rule, f.line) for f in found] == [("missing-section", 5)]
    # the same wrapper in the Swedish version, the English flat: quiet the other way round
    found = check_texts(en, _WRAP_SV, "p.en.md", "p.sv.md")
    assert [(f.rule, f.path) for f in found] == [("missing-section", "p.sv.md")]


def test_a_section_moved_under_a_heading_both_versions_have_is_still_a_level_change():
    from transcheck.checking.engine import check_texts

    # "Konfigurera" under "Installera" in English only: no heading was added, the level changed
    en = ("# Guide\n\nAbout the service.\n\n## Install\n\nRun `tc install` on the server.\n\n### Configure\n\n"
          "Edit `tc.toml` and restart.\n\n## Troubleshoot\n\nRead the log in `/var/log/tc`.\n")
    found = check_texts(_WRAP_SV, en, "p.sv.md", "p.en.md")
    assert [(f.rule, f.path, f.line) for f in found] == [("heading-level", "p.sv.md", 9)]


def test_two_swapped_sections_are_a_section_order_finding_not_missing_ones():
    blocks = SV.split("\n## ")
    swapped = "\n## ".join([blocks[0], blocks[1], blocks[3], blocks[2], blocks[4], blocks[5]])
    found = findings(swapped, EN)
    assert [f.rule for f in found] == ["section-order"]


def test_bold_line_versus_heading_is_recognised_as_the_same_section():
    sv = SV.replace("## Varför rollen", "**Varför rollen**")
    found = findings(sv, EN)
    assert rules_of(found) == [("heading-level", "a.md", 1)]
    assert "is a bold line here but a level-2 heading" in found[0].message


def test_blocks_align_past_an_added_paragraph():
    en = EN.replace("## What you will do\n\n", "## What you will do\n\nA new intro sentence.\n\n")
    found = findings(SV, en)
    # the list is still compared with its real counterpart: no bullet-count finding
    assert [f.rule for f in found] == ["paragraph-count"]


# --- anchored alignment (pages beyond EXACT_CELLS) ---------------------------------

import random
from difflib import SequenceMatcher

import pytest

import transcheck.align.alignment as align_module
from transcheck.align.alignment import align_items, align_sections
from conftest import doc


def _covers_both_in_order(pairs, n, m) -> bool:
    return [i for i, _ in pairs if i is not None] == list(range(n)) and [j for _, j in pairs if j is not None] == list(range(m))


@pytest.fixture
def always_anchored(monkeypatch):
    """Every alignment anchored, however small: the path large pages take."""
    monkeypatch.setattr(align_module, "EXACT_CELLS", 0)
    monkeypatch.setattr(align_module, "RATIO_CELLS", 0)


def test_anchored_alignment_returns_every_index_once_in_order(always_anchored):
    rng = random.Random(14)
    for _ in range(300):
        n, m = rng.randint(0, 50), rng.randint(0, 50)
        a = [rng.randint(0, 15) for _ in range(n)]
        b = [rng.randint(0, 15) for _ in range(m)]
        noise = {(i, j): rng.random() * 0.5 for i in range(n) for j in range(m)}
        pairs = align_sequences(n, m, lambda i, j: 1.0 if a[i] == b[j] else noise[i, j], 0.45, a, b)  # noqa: B023 (used at once)
        assert _covers_both_in_order(pairs, n, m)
        assert all(a[i] == b[j] or noise[i, j] > 0.45 for i, j in pairs if i is not None and j is not None)


def test_banded_alignment_is_the_exact_one_when_the_band_spans_everything(monkeypatch):
    monkeypatch.setattr(align_module, "BAND", 40)
    rng = random.Random(15)
    for _ in range(200):
        n, m = rng.randint(1, 14), rng.randint(1, 14)
        table = [[rng.random() for _ in range(m)] for _ in range(n)]
        score = lambda i, j: table[i][j]  # noqa: E731, B023 (used at once)
        assert align_module._align_banded(n, m, score, 0.5) == align_module._align_exact(n, m, score, 0.5)


def test_banded_alignment_stays_in_order_when_one_side_is_much_longer():
    for n, m in ((500, 20), (20, 500), (300, 301), (1, 90)):
        pairs = align_module._align_banded(n, m, lambda i, j: 1.0 if i == j else 0.0, 0.5)
        assert _covers_both_in_order(pairs, n, m)


def test_one_added_item_in_a_long_list_is_found_where_it_is():
    a = doc("".join(f"- Punkt {i}\n" for i in range(3000))).body.blocks[0].items
    b = doc("".join(f"- Item {i}\n" for i in range(3000)).replace("- Item 1500\n", "- Item 1500\n- Item about Ceph\n"))
    pairs = align_items(a, b.body.blocks[0].items)
    lonely = [(x, y) for x, y in pairs if x is None or y is None]
    assert len(lonely) == 1 and lonely[0][0] is None and lonely[0][1].text == "Item about Ceph"
    assert all(x.text.split()[1] == y.text.split()[1] for x, y in pairs if x is not None and y is not None)


def test_look_alike_items_without_anchors_still_pair_all_but_one():
    words = ("kort rad", "en längre rad om saken", "mellan")
    a = doc("".join(f"- {words[i % 3]}\n" for i in range(3000))).body.blocks[0].items
    b = doc("".join(f"- {words[i % 3]}\n" for i in range(3001))).body.blocks[0].items
    pairs = align_items(a, b)
    assert sum(1 for x, y in pairs if x is None or y is None) == 1


def test_one_missing_section_among_thousands_is_the_only_leftover():
    sv = doc("".join(f"## Avsnitt {i}\n\nText {i}.\n\n" for i in range(2500)))
    en = doc("".join(f"## Section {i}\n\nText {i}.\n\n" for i in range(2500) if i != 1234))
    alignment = align_sections(sv, en)
    assert [x.title for x in alignment.only_a] == ["Avsnitt 1234"] and not alignment.only_b
    assert not alignment.moved
    assert all(x.title.split()[1] == y.title.split()[1] for x, y in alignment.pairs[1:])


def test_small_pages_align_the_same_when_forced_through_the_anchored_path(always_anchored):
    sv = SV.replace("## Vad du behöver\n\n- Erfarenhet av Linux\n- Kunskap om Kubernetes\n\n", "")
    assert rules_of(findings(sv, EN)) == [("missing-section", "a.md", 11)]
    assert findings(SV, EN) == []


def test_partner_order_answers_as_a_scan_of_all_partners_would():
    rng = random.Random(16)
    size = 60
    order = align_module._PartnerOrder(size)
    partner: dict[int, int] = {}
    for _ in range(40):
        x, y = rng.randrange(size), rng.randrange(100)
        if x in partner:
            continue
        for probe_x in range(size):
            for probe_y in range(0, 100, 7):
                before = max((partner[i] for i in range(probe_x) if i in partner), default=-1)
                after = min((partner[i] for i in range(probe_x + 1, size) if i in partner), default=10**9)
                assert order.in_order(probe_x, probe_y) == (before < probe_y < after)
        order.add(x, y)
        partner[x] = y


def test_subtree_ends_cover_exactly_the_descendants():
    page = doc(
        "## A\n\n### A1\n\n#### A1a\n\n### A2\n\n## B\n\n{{< accordion >}}\n### In\n{{< /accordion >}}\n\n### B1\n\n## C\n"
    )
    infos = align_module.flatten(page)
    ends = align_module._subtree_ends(infos)
    for info in infos[1:]:
        descendants = []
        for other in infos:
            parent = other.parent
            while parent is not None and parent != info.index:
                parent = infos[parent].parent
            if parent == info.index:
                descendants.append(other.index)
        assert descendants == list(range(info.index + 1, ends[info.index] + 1))


def test_long_ratio_is_exact_up_to_its_limit_and_close_beyond():
    rng = random.Random(17)
    for _ in range(100):
        a = [rng.choice("abc") for _ in range(rng.randint(1, 40))]
        b = [rng.choice("abc") for _ in range(rng.randint(1, 40))]
        assert align_module._ratio(a, b) == SequenceMatcher(None, a, b, autojunk=False).ratio()
    many = ["paragraph"] * 20_000
    assert align_module._ratio(many, many) == 1.0
    assert 0.99 < align_module._ratio(many, many + ["list"]) < 1.0
    assert align_module._ratio(many, ["code"] * 20_000) == 0.0


def test_block_inlines_walks_lists_quotes_and_shortcodes_in_reading_order() -> None:
    from transcheck.align.alignment import block_inlines
    from transcheck.document.model import Inline, walk_nodes
    from transcheck.document.read import parse_text

    doc = parse_text(
        "- first [a](https://a.example)\n  > quoted [b](https://b.example)\n"
        "- second\n  - nested [c](https://c.example)\n\n"
        "{{< note >}}\nInside [d](https://d.example).\n{{< /note >}}\n"
    )
    urls = [link.url for block in doc.body.blocks for inline in block_inlines(block) for link in inline.links]
    assert urls == [f"https://{name}.example" for name in "abcd"]
    for block in doc.body.blocks:
        walked = [n.inline for n in walk_nodes([block]) if isinstance(getattr(n, "inline", None), Inline)]
        assert [id(i) for i in block_inlines(block)] == [id(i) for i in walked]
        assert block_inlines(block) is block_inlines(block)  # remembered, not walked again


def test_headings_whose_levels_swap_keep_their_own_partners():
    """'### Svar' over '#### Plats' here, '#### Platser' and '### Plats' there: the sections
    of one level pair by position first; the swap puts each with its true partner."""
    from transcheck.checking.engine import check_texts

    sv = ("## Resultat\n\n### Struktur\n\n| Namn | Typ |\n|---|---|\n| StatusCode | Integer |\n| Message | String |\n\n"
          "### Svarsdata\n\n| Namn | Typ |\n|---|---|\n| Sites | List |\n\n"
          "#### Site\n\n| Namn | Typ |\n|---|---|\n| Name | String |\n| SiteId | Integer |\n| Type | String |\n| X | String |\n\n"
          "## Support\n\nSkriv till oss.\n")
    en = ("## Results\n\n### Structure\n\n| Name | Type |\n|---|---|\n| StatusCode | Integer |\n| Message | String |\n\n"
          "#### Sites\n\n| Name | Type |\n|---|---|\n| Sites | List |\n\n"
          "### Site\n\n| Name | Type |\n|---|---|\n| Name | String |\n| SiteId | Integer |\n| Type | String |\n| X | String |\n\n"
          "## Support\n\nWrite to us.\n")
    found = check_texts(sv, en, "p.sv.md", "p.en.md")
    assert "table-shape" not in [f.rule for f in found]
    levels = sorted((f.line, f.rule) for f in found if f.rule == "heading-level")
    assert levels == [(10, "heading-level"), (16, "heading-level")]


def test_a_weak_move_between_unrelated_parents_is_two_sections_of_their_own():
    """'The court's ruling' under Part I and 'This paper has three parts' under Background
    look alike only in shape (a lead-in and a list): not one section that moved."""
    from transcheck.align.alignment import align_sections
    from transcheck.document.read import parse_text

    sv = ("## Bakgrund\n\nDomstolen dömde i juli 2020.\n\n## Del I\n\nReglerna för överföring skärptes.\n\n"
          "### Domstolens beslut\n\nDomstolen sade att:\n\n- skyddet i USA räcker inte\n- avtalen måste prövas\n- tillsynen ska agera\n")
    en = ("## Background\n\nThe court ruled in July 2020.\n\n### This paper has three parts\n\nWe go through:\n\n"
          "- the rules\n- the cloud\n- the road ahead\n\n## Part I\n\nThe rules for transfers were tightened. The court said "
          "that protection in the US is not enough, that contracts must be reviewed and that supervisors must act.\n")
    alignment = align_sections(parse_text(sv), parse_text(en))
    assert alignment.moved == []
    assert [x.title for x in alignment.only_a] == ["Domstolens beslut"]
    assert [y.title for y in alignment.only_b] == ["This paper has three parts"]


def test_a_translated_heading_that_keeps_the_source_anchor_is_its_counterpart():
    """Translators keep the source heading's anchor ({#code-reviews} for "Code reviews") so
    links work in every language: that pairs the sections even when another section is
    missing and the order of what is left would pair them otherwise."""
    from transcheck.checking.engine import check_texts

    en = ("## Onboarding\n\nWelcome aboard, read this first.\n\n## Triage\n\nWe sort new issues every week.\n\n"
          "## Code reviews\n\nEvery change needs two approvals.\n\n### General\n\nBe kind and specific.\n")
    zh = ("## 加入 {#onboarding}\n\n欢迎加入，请先阅读本文。\n\n## 代码审查 {#code-reviews}\n\n每个变更都需要两次批准。\n\n"
          "### 通用原则 {#general}\n\n友善而具体。\n")
    found = [(f.rule, f.message) for f in check_texts(zh, en, "p.zh.md", "p.en.md") if f.rule == "missing-section"]
    assert len(found) == 1 and '"Triage"' in found[0][1], found


def test_a_headings_attribute_list_is_not_part_of_its_title() -> None:
    """Hugo reads "## Title {.notranslate lang=en #id}" as attributes: the title a message
    names is "Title", the id is kept; braces that are not an attribute list stay text."""
    from transcheck.document.markdown import heading_attributes
    from transcheck.document.read import parse_text

    page = ("## CSPELL check {.notranslate lang=en #cspell}\n\nText.\n\n## Plain {.notranslate}\n\nText.\n\n"
            "## Price {50}\n\nText.\n\n## Call {{< ref \"x.md\" >}}\n\nText.\n\n## Keep {#keep}\n\nText.\n")
    sections = parse_text(page, "p.en.md").body.sections
    assert [(s.title, s.id) for s in sections] == [
        ("CSPELL check", "cspell"), ("Plain", None), ("Price {50}", None), ("Call", None),
        ("Keep", "keep")]
    assert heading_attributes('Call {{< ref "x.md" >}}') == ('Call {{< ref "x.md" >}}', None)


def test_an_anchor_that_is_the_other_headings_slug_is_evidence_both_ways():
    from transcheck.align.alignment import _same_anchor, flatten
    from transcheck.document.read import parse_text

    a = flatten(parse_text("## Granskning {#code-reviews}\n\nText.\n", "a.sv.md"))[1]
    b = flatten(parse_text("## Code reviews\n\nText.\n", "b.en.md"))[1]
    c = flatten(parse_text("## Something else\n\nText.\n", "c.en.md"))[1]
    d = flatten(parse_text("## Code reviews\n\nText.\n", "d.en.md"))[1]
    assert _same_anchor(a, b) and _same_anchor(b, a)
    assert not _same_anchor(a, c)
    assert not _same_anchor(b, d)  # two headings without ids: no evidence (same words are scored elsewhere)


def test_a_part_number_in_a_heading_does_not_pair_parts_whose_content_differs():
    from transcheck.checking.engine import check_texts

    sv = ("## Del I\n\nOm domen från EU-domstolen och GDPR.\n\n## Del II\n\nOm Cloud Act och FISA i USA.\n\n"
          "## Del III – Ansvar\n\nOm Datainspektionen, MSB och regeringens roll.\n\n"
          "## Del IV – Framåt\n\nOm GAIA-X, Kubernetes och OpenStack i Europa.\n")
    en = ("## Part I\n\nOn the ruling of the EU Court and the GDPR.\n\n## Part II\n\nOn the Cloud Act and FISA in the US.\n\n"
          "## Part III – The road ahead\n\nOn GAIA-X, Kubernetes and OpenStack in Europe.\n")
    missing = [f.message for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "missing-section"]
    assert len(missing) == 1 and '"Del III – Ansvar"' in missing[0]


def _glossary(entries: list[tuple[str, str, str]]) -> str:
    return "## Glossary\n\n" + "".join(f"### {title} {{#{anchor}}}\n\n{text}\n\n" for title, anchor, text in entries)


GLOSSARY_EN = [
    ("Attribute", "attribute", "A key and a value on telemetry."),
    ("Baggage", "baggage", "Values carried along a request."),
    ("Label", "label", "See attribute."),
    ("Metric", "metric", "A measurement over time."),
    ("Sampling", "sampling", "Choosing which traces to keep."),
    ("Span", "span", "One operation of a trace."),
]
GLOSSARY_ES = sorted([
    ("Atributo", "attribute", "Una clave y un valor en la telemetría."),
    ("Equipaje", "baggage", "Valores que viajan con una petición."),
    ("Etiqueta", "label", "Véase atributo."),
    ("Métrica", "metric", "Una medición a lo largo del tiempo."),
    ("Muestreo", "sampling", "Elegir qué trazas se guardan."),
    ("Tramo", "span", "Una operación de una traza."),
], key=lambda entry: entry[0].casefold())


def test_a_glossary_sorted_in_each_language_pairs_entries_by_their_anchors():
    alignment = align_sections(doc(_glossary(GLOSSARY_EN)), doc(_glossary(GLOSSARY_ES)))
    paired = {(x.id, y.id) for x, y in alignment.pairs + alignment.moved if x.id}
    assert paired == {(anchor, anchor) for _, anchor, _ in GLOSSARY_EN}
    assert "section-order" not in [f.rule for f in findings(_glossary(GLOSSARY_ES), _glossary(GLOSSARY_EN))]


def test_a_moved_section_of_a_page_in_no_alphabetical_order_is_still_reported():
    en = [("Install", "install", "Get it."), ("Configure", "configure", "Set it up."), ("Run", "run", "Start it."),
          ("Upgrade", "upgrade", "Get a newer one."), ("Remove", "remove", "Take it away.")]
    sv = [("Installera", "install", "Hämta den."), ("Kör", "run", "Starta den."), ("Konfigurera", "configure", "Ställ in den."),
          ("Uppgradera", "upgrade", "Hämta en nyare."), ("Ta bort", "remove", "Ta bort den.")]
    assert "section-order" in [f.rule for f in findings(_glossary(sv), _glossary(en))]


SLOT_EN = """## Our storage

Acme Cloud stores research data for Lund University and KTH in Stockholm, with backups in Uppsala.

## Run your project with us

Large projects need storage and compute. Acme has worked with SUNET since 2019 to meet the NREN rules.

{{% custom-card image="/img/card/anna.webp" cardtitle="Anna Berg" %}}
I am the CTO of Acme and help you order through the OCRE agreement.

Call +46 70 123 45 67 or write to [anna.berg@acme.example](mailto:anna.berg@acme.example).
{{% /custom-card %}}
"""


SLOT_NB = """## Vår lagring

Acme Cloud lagrer forskningsdata for Lund University og KTH i Stockholm, med sikkerhetskopier i Uppsala.

## Ordliste

Her forklarer vi ord og begreper fra teksten om Acme og leveransen til Karolinska.

{{% accordion title="Virtuell maskin (VM)" %}}
VM er en virtuell maskin: programvare som simulerer en datamaskin (CPU, RAM, NIC).
{{% /accordion %}}

{{% accordion title="Service Level Agreement (SLA)" %}}
SLA er en avtale om nivået på tjenesten, målt per kvartal (Q1, Q2).
{{% /accordion %}}
"""


def test_sections_in_one_slot_that_name_different_things_are_not_paired():
    """A glossary one version ends with and a contact section the other ends with share
    their slot and shape, but none of their names, numbers and links: each is missing."""
    from transcheck.checking.engine import check_texts

    found = [(f.path, f.rule, f.severity.label) for f in check_texts(SLOT_NB, SLOT_EN, "nb.md", "en.md")]
    assert found == [("en.md", "missing-section", "error"), ("nb.md", "missing-section", "error")]


def test_a_translated_section_in_the_same_slot_stays_paired():
    from transcheck.checking.engine import check_texts
    from transcheck.document.read import parse_text

    # the same contact section, translated: its names and numbers agree
    nb = SLOT_NB[:SLOT_NB.index("## Ordliste")] + (
        "## Kjør prosjektet ditt hos oss\n\nStore prosjekter trenger lagring. Acme har jobbet med SUNET siden 2019 "
        "for å møte NREN-reglene.\n\n"
        + SLOT_EN[SLOT_EN.index("{{% custom-card"):].replace("I am the CTO of Acme and help you order through the OCRE agreement.",
                                                          "Jeg er CTO i Acme og hjelper deg å bestille gjennom OCRE-avtalen."))
    pairs = [(x.title, y.title) for x, y in align_sections(parse_text(nb), parse_text(SLOT_EN)).pairs]
    assert ("Kjør prosjektet ditt hos oss", "Run your project with us") in pairs
    assert not [f for f in check_texts(nb, SLOT_EN, "nb.md", "en.md") if f.rule == "missing-section"]


def test_a_translated_section_whose_words_are_all_translated_names_stays_paired():
    """Day, month and language names are translated ("Montag" for "Monday"): they are not
    names a translation keeps, so they never undo a pair."""
    from transcheck.checking.engine import check_texts

    en = ("Intro with [a link](https://example.org/meetup) for all.\n\n## Schedule\n\n"
          "The meetup runs on Monday and Tuesday in January, in English and Swedish.\n\n"
          "## Venue\n\nWe meet at https://example.org/venue, floor 3, room 12.\n\n- Bring a laptop.\n- Bring coffee.\n")
    de = ("Einleitung mit [einem Link](https://example.org/meetup) für alle.\n\n## Zeitplan\n\n"
          "Das Treffen findet am Montag und Dienstag im Januar statt.\n\n"
          "Es wird auf Englisch und Schwedisch gesprochen, die Sprache wechselt täglich.\n\n> Achtung: Anmeldung erforderlich.\n\n"
          "## Ort\n\nWir treffen uns bei https://example.org/venue, Etage 3, Raum 12.\n\n- Laptop mitbringen.\n- Kaffee mitbringen.\n")
    assert [f for f in check_texts(en, de, "a.en.md", "b.de.md") if f.rule == "missing-section"] == []


REORDERED_EN = """Intro about Acme and ISO 9001.

## Scope

The scope covers Acme Cloud in Oslo and Bergen, version 3.

## Certificate facts

Issued by Nordcert on 2026-01-04, number 55123, valid until 2029.

## What the certificate confirms

Nordcert audited Acme against ISO 9001:2015 and found no deviations.

## Why this matters in audits

ISO 9001 gives customers and auditors a reference they know.

## How Acme uses ISO 9001

At Acme, ISO 9001 is part of daily work, not a one-off project.

## Related material

For more certificates, see our [FR2000 page](/compliance/fr2000/).

## Contact Jane Doe

Questions about the certificate go to Jane Doe, our CISO.

{{< contact name="Jane Doe" title="CTO" phone="+47 22 33 44 55" email="jane.doe@acme.example" >}}
"""

REORDERED_NB = """Innledning om Acme og ISO 9001.

## Omfang

Omfanget dekker Acme Cloud i Oslo og Bergen, versjon 3.

## Sertifikatfakta

Utstedt av Nordcert 2026-01-04, nummer 55123, gyldig til 2029.

## Hva sertifikatet bekrefter

Nordcert reviderte Acme mot ISO 9001:2015 og fant ingen avvik.

## Hva ISO 9001 betyr for Acme

Hos Acme er ISO 9001 en del av det daglige arbeidet, ikke et engangsprosjekt.

## Hva det betyr for kundene

For kundene gir dette trygghet i hverdagen.

## Hvorfor det er viktig i revisjoner

ISO 9001 gir kunder og revisorer et kjent referansepunkt.

## Kontinuerlig forbedring

Arbeidet følges opp over tid. Les mer om [FR2000](/compliance/fr2000/).

{{< card title="Kontakt Acme" text="Vil du vite mer? Kontakt oss." link="/kontakt" >}}
"""


def test_a_sentence_opening_with_the_same_function_word_ties_no_sections():
    """"For" opens a sentence in both languages: grammar, not a name the two share. A
    section without names is not the counterpart of one with a link for that word alone,
    and the link's section finds its own."""
    from transcheck.align.alignment import flatten
    from transcheck.align.neutral import similarity
    from transcheck.document.read import parse_text

    def tokens(text: str):
        return flatten(parse_text("## Del\n\n" + text + "\n"))[1].tokens

    assert similarity(tokens("For kundene gir dette trygghet."), tokens("For more, see the page.")) is None
    # a name opening a sentence in both still counts
    assert similarity(tokens("Kubernetes kjører alt."), tokens("Kubernetes runs it all.")) == 1.0
    alignment = align_sections(parse_text(REORDERED_NB), parse_text(REORDERED_EN))
    pairs = {(x.title, y.title) for x, y in alignment.pairs + alignment.moved}
    assert ("Kontinuerlig forbedring", "Related material") in pairs
    assert "Hva det betyr for kundene" in {x.title for x in alignment.only_a}
    assert "Contact Jane Doe" in {y.title for y in alignment.only_b}
