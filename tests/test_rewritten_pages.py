"""A page whose two versions were written apart gets one finding, not a cascade; a
translation that lags or moves a section is still compared section by section (the words
English capitalises and Swedish does not, "Monday", "Swedish", are no evidence either way).
Fragments written for the test."""

from __future__ import annotations

from pathlib import Path

from transcheck.checking.engine import check_texts

CASES = Path(__file__).parent / "cases"


def _found(a: str, b: str) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in check_texts(a, b, "p.sv.md", "p.en.md")]


def test_a_rewritten_page_is_one_finding_with_every_rule():
    folder = CASES / "missing-section" / "reports-rewritten-page-once"
    found = _found((folder / "a.sv.md").read_text(encoding="utf-8"), (folder / "b.en.md").read_text(encoding="utf-8"))
    assert [rule for rule, _ in found] == ["missing-section"], found
    assert "do not correspond" in found[0][1]


LAGGING_SV = """---
title: "Vår tjänst"
---

Tjänsten finns sedan 2019.

## Öppettider

Vi har öppet måndag till fredag, och du kan ringa på svenska eller engelska.

## Språk

Dokumentationen finns på svenska, engelska och tyska, och uppdateras 2 gånger om året, i januari och juli.

## Priser

- 120 kronor i månaden
- 200 kronor i månaden
"""

LAGGING_EN = """---
title: "Our service"
---

The service has existed since 2019.

## Opening hours

We are open Monday to Friday, and you can call in Swedish or English.

## Languages

The documentation is in Swedish, English and German, and is updated 3 times a year, in January and July.

## Prices

- SEK 120 a month
- SEK 200 a month
- SEK 300 a month

## Support

Call +46 8 555 01 01.

## Security

Certified under ISO 27001 since 2021.

## Roadmap

More in 2026.
"""


def test_a_lagging_translation_with_capitalised_english_words_is_compared_section_by_section():
    found = _found(LAGGING_SV, LAGGING_EN)
    missing = [message for rule, message in found if rule == "missing-section"]
    assert not any("do not correspond" in message for message in missing), missing
    assert sum('"Support"' in m or '"Security"' in m or '"Roadmap"' in m for m in missing) == 3, missing
    assert any(rule == "number-mismatch" and '"2"' in message and '"3"' in message for rule, message in found), found
    assert any(rule == "bullet-count" for rule, _ in found), found


MOVED_SV = """---
title: "Vår tjänst"
---

Tjänsten finns sedan 2019.

## Priser

- 120 kronor i månaden
- 200 kronor i månaden

## Support

Ring +46 8 555 01 01 eller skriv till support@example.se.

## Språk

Dokumentationen finns på svenska, engelska och tyska, och uppdateras varje januari och juli.
"""

MOVED_EN = """---
title: "Our service"
---

The service has existed since 2019.

## Languages

The documentation is in Swedish, English and German, and is updated every January and July.

## Prices

- SEK 120 a month
- SEK 200 a month

## Support

Call +46 8 555 01 01 or write to support@example.se.
"""


def test_a_moved_section_is_a_move_not_two_missing_sections():
    found = _found(MOVED_SV, MOVED_EN)
    assert [rule for rule, _ in found if rule in ("missing-section", "section-order")] == ["section-order"], found


OLD_PAGE_NB = """---
title: "Maskinlæring med GPU"
---

{{< ingress >}}
Vi tilbyr MLFlow, RStudio og RShiny på IaaS, med PostgreSQL som database.
{{< /ingress >}}

Plattformen kjører PyTorch og TensorFlow og følger GDPR.

- Lagring i S3
- Jupyter-notatbøker
- GPU fra NVIDIA
"""

NEW_PAGE_EN = """---
title: "Federated learning with FEDn"
---

Train models where the data lives with FEDn 2.0 on OpenStack, from 2025.

## Scale securely with FEDn

FEDn runs on Kubernetes with OIDC login, and each client talks gRPC to an aggregator.

- Hierarchical aggregation
- Real-time monitoring

## Frequently asked questions

Read the FAQ at https://docs.example.com/fedn/ or mail fedn@example.com.
"""


def test_another_page_without_headings_under_the_same_name_is_one_finding():
    # an old page never replaced: no heading, and its text names other things than the new one
    found = [(f.rule, f.path, f.line, f.message) for f in check_texts(OLD_PAGE_NB, NEW_PAGE_EN, "p.nb.md", "p.en.md")
             if f.rule in ("missing-section", "bullet-count", "shortcode-mismatch")]
    assert [(rule, path, line) for rule, path, line, _ in found] == [("missing-section", "p.nb.md", 4)], found
    assert "no headings here, 2 there" in found[0][3]
    assert "Without counterpart there: the text before the first heading (line 4)" in found[0][3]


def test_a_translation_lacking_every_section_but_its_introduction_is_told_section_by_section():
    # the same introduction (FEDn, 2.0, OpenStack, 2025 kept): a translation that stops early
    intro_nb = "---\ntitle: Føderert læring\n---\n\nTren modeller der dataene er, med FEDn 2.0 på OpenStack, fra 2025.\n"
    found = [(f.rule, f.message) for f in check_texts(intro_nb, NEW_PAGE_EN, "p.nb.md", "p.en.md") if f.rule == "missing-section"]
    assert len(found) == 2 and not any("do not correspond" in message for _, message in found)


def test_a_faithful_translation_written_without_headings_is_not_another_page():
    # every section's names (zones, versions, links, addresses) stand in the headingless text,
    # which is weighed against the whole English page, not only its introduction
    sections_en = "".join(
        f"## Region {i}\n\nZone sto{i} runs OpenStack 2024.{i} with Ceph 18.{i}, see https://docs.example.com/sto{i}/ "
        f"and mail ops{i}@example.com.\nIt has {i * 10} GPU nodes and {i * 100} TB of NVMe.\n\n" for i in range(1, 9))
    text_sv = "".join(
        f"Zonen sto{i} kör OpenStack 2024.{i} med Ceph 18.{i}, se https://docs.example.com/sto{i}/ "
        f"och mejla ops{i}@example.com.\nDen har {i * 10} GPU-noder och {i * 100} TB NVMe.\n\n" for i in range(1, 9))
    en = "---\ntitle: Regions\n---\n\nAcme Compute runs in Sweden on OpenStack and KVM, since 2019.\n\n" + sections_en
    sv = "---\ntitle: Regioner\n---\n\nAcme Compute körs i Sverige på OpenStack och KVM, sedan 2019.\n\n" + text_sv
    found = [f.message for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "missing-section"]
    assert not any("do not correspond" in message for message in found)
