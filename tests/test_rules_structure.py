"""bullet-count, list-kind, paragraph-count, table-shape, code-mismatch: reports and stays quiet."""

import pytest

from conftest import findings, rules_of

BASE_EN = """
## Stack

We run Python and Go.

- Python services
- Go services
  - gRPC APIs
  - Kafka consumers
- PostgreSQL

| Team | People |
|------|--------|
| Core | 6      |
| Data | 3      |

```bash
make test
```

Run `make deploy` when green.
"""

BASE_SV = """
## Stack

Vi kör Python och Go.

- Python-tjänster
- Go-tjänster
  - gRPC-API:er
  - Kafka-konsumenter
- PostgreSQL

| Team | Personer |
|------|----------|
| Kärna | 6       |
| Data  | 3       |

```bash
make test
```

Kör `make deploy` när allt är grönt.
"""


def test_faithful_translation_is_quiet():
    assert findings(BASE_SV, BASE_EN) == []


def test_bullet_count_names_the_missing_item():
    sv = BASE_SV.replace("- PostgreSQL\n", "")
    found = findings(sv, BASE_EN)
    assert rules_of(found) == [("bullet-count", "a.md", 5)]
    assert "list has 2 items here but 3 in b.md:5" in found[0].message
    assert '"PostgreSQL" (b.md:9)' in found[0].message


def test_bullet_count_in_a_nested_list_is_reported_in_the_file_with_fewer_items():
    en = BASE_EN.replace("  - Kafka consumers\n", "")
    found = findings(BASE_SV, en)
    assert rules_of(found) == [("bullet-count", "b.md", 7)]
    assert found[0].message.startswith("nested list has 1 item here but 2 in a.md:7")


def test_nested_list_missing_under_an_item():
    sv = BASE_SV.replace("  - gRPC-API:er\n  - Kafka-konsumenter\n", "")
    found = findings(sv, BASE_EN)
    assert [f.rule for f in found] == ["bullet-count"]
    assert "nested list of 2 items" in found[0].message


def test_list_missing_in_an_aligned_section():
    sv = BASE_SV.replace("- Python-tjänster\n- Go-tjänster\n  - gRPC-API:er\n  - Kafka-konsumenter\n- PostgreSQL\n", "")
    found = findings(sv, BASE_EN)
    assert [f.rule for f in found] == ["bullet-count"]
    assert "list of 3 items (b.md:5" in found[0].message


def test_list_kind():
    sv = (
        BASE_SV.replace("- Python-tjänster\n- Go-tjänster", "1. Python-tjänster\n2. Go-tjänster")
        .replace("  - gRPC", "   - gRPC")
        .replace("  - Kafka", "   - Kafka")
        .replace("- PostgreSQL", "3. PostgreSQL")
    )
    found = findings(sv, BASE_EN)
    assert rules_of(found) == [("list-kind", "a.md", 5)]
    assert "numbered list here but bullet list in b.md:5" in found[0].message


def test_paragraph_count_is_information():
    sv = BASE_SV.replace("Vi kör Python och Go.", "Vi kör Python.\n\nOch Go.")
    found = findings(sv, BASE_EN)
    assert [(f.rule, f.severity.label) for f in found] == [("paragraph-count", "info")]
    assert "3 paragraphs here but 2" in found[0].message


def test_table_shape():
    sv = BASE_SV.replace("| Data  | 3       |\n", "")
    found = findings(sv, BASE_EN)
    assert rules_of(found) == [("table-shape", "a.md", 11)]
    assert "1 row × 2 columns here but 2 × 2" in found[0].message


def test_code_block_differs_at_the_line_that_differs():
    sv = BASE_SV.replace("make test\n```", "make test-all\n```")
    found = findings(sv, BASE_EN)
    assert rules_of(found) == [("code-mismatch", "a.md", 17)]
    assert '"make test-all" here, "make test" there' in found[0].message


def test_code_trailing_whitespace_is_not_a_difference():
    sv = BASE_SV.replace("make test\n```", "make test   \n```")
    assert findings(sv, BASE_EN) == []


def test_code_block_inside_a_list_item_is_compared_with_the_top_level_one():
    sv = BASE_SV.replace("- PostgreSQL\n", "- PostgreSQL\n\n  ```bash\n  make test\n  ```\n").replace(
        "```bash\nmake test\n```\n", "", 1
    )
    en = BASE_EN
    found = findings(sv, en)
    assert "code-mismatch" not in [f.rule for f in found]


def test_inline_code_missing():
    sv = BASE_SV.replace("Kör `make deploy`", "Kör make deploy")
    found = findings(sv, BASE_EN)
    # told in the version that lacks it, where its counterpart text stands
    assert rules_of(found) == [("code-mismatch", "a.md", 20)]
    assert found[0].message == 'inline code span `make deploy` (b.md:20) is written as plain text here (section "Stack")'



def test_inline_code_missing_is_reported_at_its_table_row_and_list_item():
    """The line to fix is the row or the item at the span's place in the version that lacks
    it, not the list's first line (a row that version lacks: table-shape names it, the
    table's line stands for it)."""
    en = ("## Skript\n\n| Skript | Gör |\n|---|---|\n| `build` | bygger |\n| `test` | testar |\n| `is:clean` | kollar |\n\n"
          "## Lista\n\n- ett\n- två `make lint`\n")
    sv = ("## Scripts\n\n| Script | Does |\n|---|---|\n| `build` | builds |\n| `test` | tests |\n\n"
          "## List\n\n- one\n- two\n")
    found = findings(sv, en)
    assert sorted((f.rule, f.path, f.line) for f in found if f.rule == "code-mismatch") == [
        ("code-mismatch", "a.md", 3), ("code-mismatch", "a.md", 11)]


def test_table_span_lines_stay_linear_when_a_span_is_not_in_the_cell_text():
    from transcheck.document.model import TableBlock
    from transcheck.rules.structure import _table_span_lines

    table = TableBlock(3, ["a", "b"], [["x", "`y`"], ["z", "w"], ["q", "v"]])
    assert _table_span_lines(table, ["z", "nowhere", "v"]) == [6, 6, 6]
    assert _table_span_lines(table, ["b", "x", "q"]) == [3, 5, 7]

def test_code_indentation_from_list_nesting_is_not_a_difference():
    sv = "## S\n\n1. Kör detta:\n```bash\n   $ make test\n   ```\n"
    en = "## S\n\n1. Run this:\n   ```bash\n   $ make test\n   ```\n"
    assert "code-mismatch" not in [f.rule for f in findings(sv, en)]


def test_an_html_table_is_a_table():
    from conftest import doc, findings

    d = doc('<table>\n<thead><tr><th>Namn</th><th>Typ</th></tr></thead>\n<tbody><tr><td><p>Id</p></td><td>int</td></tr>\n'
            '<tr><td>Name</td><td>string</td></tr></tbody>\n</table>\n')
    table = d.body.blocks[0]
    assert (table.type, table.header, table.rows) == ("table", ["Namn", "Typ"], [["Id", "int"], ["Name", "string"]])
    assert [table.row_line(0), table.row_line(1)] == [3, 4]
    sv = "## Fält\n\n<table>\n<tr><th>Namn</th><th>Typ</th></tr>\n<tr><td>Id</td><td>int</td></tr>\n<tr><td>Name</td><td>string</td></tr>\n</table>\n"
    same = "## Fields\n\n| Name | Type |\n|---|---|\n| Id | int |\n| Name | string |\n"
    short = "## Fields\n\n| Name | Type |\n|---|---|\n| Id | int |\n"
    assert [f.rule for f in findings(sv, same)] == []
    assert [f.rule for f in findings(sv, short)] == ["table-shape"]


def test_code_that_differs_only_in_translated_comments_is_the_same_code():
    from conftest import findings

    sv = "## Kod\n\n```python\n# Skapa en klient\nclient = Client(url)  # standardadressen\nclient.send()\n```\n"
    en = "## Code\n\n```python\n# Create a client\nclient = Client(url)  # the default address\nclient.send()\n```\n"
    changed = en.replace("client.send()", "client.send(retry=True)")
    assert [f.rule for f in findings(sv, en)] == []
    found = [f for f in findings(sv, changed) if f.rule == "code-mismatch"]
    assert len(found) == 1 and "client.send()" in found[0].message and found[0].line == 6


def test_a_url_in_code_is_not_a_comment():
    from conftest import findings

    sv = "## Kod\n\n```sh\ncurl http://example.org/a\n```\n"
    en = "## Code\n\n```sh\ncurl http://example.org/b\n```\n"
    assert [f.rule for f in findings(sv, en)] == ["code-mismatch"]


def _severities(sv: str, en: str, rule: str) -> list[tuple[str, str]]:
    from transcheck.checking.engine import check_texts

    return [(f.severity.label, f.message) for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == rule]


_LIST_SV = ("## Data\n\nVi delar data om trafiken.\n\n- TrainMessage: meddelanden om tåg\n- TrainStation: stationer\n"
            "- WeatherStation: väderstationer\n\nLäs mer nedan.\n")


def test_a_list_written_as_a_table_of_the_same_names_is_info():
    table = ("## Data\n\nWe share traffic data.\n\n| Type | What |\n|---|---|\n| TrainMessage | train messages |\n"
             "| TrainStation | stations |\n| WeatherStation | weather stations |\n\nRead more below.\n")
    found = _severities(_LIST_SV, table, "bullet-count")
    # the same three names in the table: the content is there in another form
    assert [s for s, _ in found] == ["info"] and "a table stands in its place (line 5)" in found[0][1]
    assert [s for s, _ in _severities(_LIST_SV, table, "table-shape")] == ["info"]
    # a table with other names in that place: worth a look
    other = table.replace("TrainStation", "BusStation").replace("WeatherStation", "FerryStation")
    assert [s for s, _ in _severities(_LIST_SV, other, "bullet-count")] == ["warning"]


_TYPES_SV = ("## Data\n\nTillgängliga datatyper är:\n\n- **TrainMessage** - Tågtrafikmeddelande, exempelvis Banarbete, "
             "Olyckor och Kolonnkörning.\n- **TrainStation** - Trafikplatser med Resandeutbyte.\n- **Icon** - Ikoner för "
             "Kartor.\n- **WeatherStation** - Väderstationer med Mätdata\n\n## Mer\n\nLäs mer.\n")
_TYPES_EN = ("## Data\n\nThe following data types are available:\n\n| Data type | Description |\n|---|---|\n"
             "| TrainMessage | Messages about works. |\n| TrainStation | Stop places. |\n| Icon | Icons for maps. |\n"
             "| WeatherStation | Roadside weather. |\n\n## More\n\nRead more.\n")


def test_a_list_of_terms_shown_as_a_table_of_the_same_terms_is_info_on_both_sides():
    """Eight data types as '- **TrainMessage** - …' here, as rows '| TrainMessage | … |'
    there: the descriptions differ in length and in capitalised words, the things named do not."""
    assert [s for s, _ in _severities(_TYPES_SV, _TYPES_EN, "bullet-count")] == ["info"]
    assert [s for s, _ in _severities(_TYPES_SV, _TYPES_EN, "table-shape")] == ["info"]


def test_a_table_naming_other_terms_than_the_list_is_not_the_same_content():
    other = _TYPES_EN.replace("TrainStation", "FerryRoute").replace("| Icon |", "| BusStop |")
    assert [s for s, _ in _severities(_TYPES_SV, other, "bullet-count")] != ["info"]
    # a row more than the list has items: something was added, not only reshaped
    added = _TYPES_EN.replace("| Icon |", "| RoadCondition | Road status. |\n| Icon |")
    assert [s for s, _ in _severities(_TYPES_SV, added, "table-shape")] != ["info"]


def test_a_list_written_as_prose_is_a_warning_and_a_deleted_list_an_error():
    sv = ("## Tjänster\n\nVi erbjuder detta.\n\n- lagring för stora mängder\n- beräkning i molnet\n- säkerhetskopior varje natt\n"
          "\n## Pris\n\nDet kostar.\n")
    prose = ("## Services\n\nWe offer this.\n\nStorage for large amounts, computing in the cloud and backups "
             "every night.\n\n## Price\n\nIt costs.\n")
    deleted = "## Services\n\nWe offer this.\n\n## Price\n\nIt costs.\n"
    assert [s for s, _ in _severities(sv, prose, "bullet-count")] == ["warning"]
    assert [s for s, _ in _severities(sv, deleted, "bullet-count")] == ["error"]


def test_a_table_whose_rows_ran_together_stays_an_error_and_says_so():
    sv = ("## Pris\n\nSå här kostar det.\n\n| Tjänst | Pris |\n|---|---|\n| Lagring | 10 |\n| Beräkning | 20 |\n")
    broken = ("## Price\n\nThis is what it costs.\n\n| Service | Price | |---|---| | Storage | 10 | | Compute\n"
              "| 20 |\n")
    found = _severities(sv, broken, "table-shape")
    assert [s for s, _ in found] == ["error"]
    assert "the text at line 5 looks like it with its rows run together" in found[0][1]


def test_a_table_with_one_cell_too_many_under_its_header_is_reported_at_that_row():
    from transcheck.checking.engine import check_texts

    sv = ("## Pris\n\nSå här kostar det.\n\n| Tjänst | Pris | Per |\n|---|---|---|\n| Lagring | 10 | GB |\n"
          "| Beräkning | 20 | timme |\n")
    # a column dropped from the header only: GitHub shows the whole table as a paragraph,
    # Hugo's Goldmark pads the header and draws an empty column
    broken = ("## Price\n\nThis is what it costs.\n\n| Service | Price |\n|---|---|---|\n| Storage | 10 | GB |\n"
              "| Compute | 20 | hour |\n")
    found = [f for f in check_texts(sv, broken, "p.sv.md", "p.en.md") if f.rule == "table-shape"]
    assert [(f.path, f.line, f.severity.label) for f in found] == [("p.en.md", 6, "error")]
    assert ("is written here (line 5), but its header row has 2 cells and the row of dashes under it 3. Hugo (Goldmark) "
            "draws it with the last header cell blank, so headers may stand over other columns; GitHub's Markdown shows "
            "a paragraph of pipes") in found[0].message
    assert (found[0].related[0].path, found[0].related[0].line) == ("p.sv.md", 5)
    # a header cell more than the dashes: a table nowhere
    broken = ("## Price\n\nThis is what it costs.\n\n| Service | Price | Per |\n|---|---|\n| Storage | 10 | GB |\n"
              "| Compute | 20 | hour |\n")
    found = [f for f in check_texts(sv, broken, "p.sv.md", "p.en.md") if f.rule == "table-shape"]
    assert [(f.path, f.line) for f in found] == [("p.en.md", 6)]
    assert found[0].message.endswith("but does not render as a table: its header row has 3 cells and the row of dashes "
                                     "under it 2, and neither Hugo nor GitHub's Markdown draws a table whose header has "
                                     "more cells than its row of dashes")


def test_a_table_whose_header_and_dashes_agree_is_not_called_broken():
    from transcheck.document.table_text import is_delimiter_row, row_cells, table_break

    assert row_cells("| a | b \\| c |") == [" a ", " b \\| c "]
    assert is_delimiter_row("| :--- | ---: | :-: |") and not is_delimiter_row("| a - b | c |")
    assert table_break(["| a | b |", "|---|---|", "| 1 | 2 |"], 5) is None
    cause = table_break(["| a | b |", "| --- | --- | --- |", "| 1 | 2 |"], 5)
    assert cause is not None and (cause.header_line, cause.delimiter_line, cause.header_cells, cause.delimiter_cells) == (5, 6, 2, 3)


def test_a_list_replaced_by_unrelated_text_with_other_names_stays_an_error():
    other = ("## Data\n\nWe share traffic data.\n\nThe Kafka stream from Stockholm and Uppsala carries GTFS "
             "feeds for SL and UL, updated hourly.\n\nRead more below.\n")
    assert [s for s, _ in _severities(_LIST_SV, other, "bullet-count")] == ["error"]


def test_a_card_grid_standing_in_for_a_list_is_a_warning_on_both_sides():
    sv = ("## Områden\n\nVi arbetar med två saker.\n\n{{< card-grid >}}\n{{< card-item title=\"Infrastruktur\" >}}\n"
          "Vi levererar lagring och servrar för forskning.\n{{< /card-item >}}\n{{< card-item title=\"Plattform\" >}}\n"
          "Vi levererar verktyg för analys av data.\n{{< /card-item >}}\n{{< /card-grid >}}\n")
    en = ("## Areas\n\nWe work on two things.\n\n1. Infrastructure: we deliver storage and servers for research.\n"
          "2. Platform: we deliver tools for analysing data.\n")
    assert [s for s, _ in _severities(sv, en, "bullet-count")] == ["warning"]
    found = _severities(sv, en, "shortcode-mismatch")
    assert [s for s, _ in found] == ["warning"] and "a list without counterpart stands in its place" in found[0][1]


def test_inline_code_written_as_quoted_text_on_the_other_side_is_info():
    from transcheck.checking.engine import check_texts

    sv = '## Inställningar\n\nÄndra filen "settings.yml" och starta om.\n'
    en = "## Settings\n\nChange the file `settings.yml` and restart.\n"
    found = [(f.severity.label, f.message) for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "code-mismatch"]
    assert [s for s, _ in found] == ["info"] and "written as plain text" in found[0][1]
    gone = "## Inställningar\n\nÄndra filen och starta om.\n"
    assert [f.severity.label for f in check_texts(gone, en, "p.sv.md", "p.en.md") if f.rule == "code-mismatch"] == ["warning"]


def test_sub_sections_whose_text_stands_in_the_parent_without_headings_are_a_warning():
    en = ("## Four myths\n\nWe looked at four common myths about the cloud.\n\n"
          "### Myth 1: Encryption solves everything\n\nEncryption helps, but the keys must stay with the customer "
          "and the provider must not be able to read them.\n\n"
          "### Myth 2: Local clouds are expensive\n\nCompared over five years, a local cloud costs about the same as "
          "a global one once transfer fees are counted.\n\n## Contact\n\nWrite to us.\n")
    merged = ("## Fyra myter\n\nVi tittade på fyra vanliga myter om molnet.\n\n"
              "- Myt 1, kryptering löser allt: kryptering hjälper, men nycklarna måste stanna hos kunden och "
              "leverantören får inte kunna läsa dem.\n"
              "- Myt 2, lokala moln är dyra: över fem år kostar ett lokalt moln ungefär lika mycket som ett globalt "
              "när överföringsavgifterna räknas in.\n\n## Kontakt\n\nSkriv till oss.\n")
    dropped = "## Fyra myter\n\nVi tittade på fyra vanliga myter om molnet.\n\n## Kontakt\n\nSkriv till oss.\n"
    found = _severities(merged, en, "missing-section")
    assert [s for s, _ in found] == ["warning", "warning"] and "what it holds stands in" in found[0][1]
    assert [s for s, _ in _severities(dropped, en, "missing-section")] == ["error", "error"]


def test_a_whole_sentence_in_bold_is_emphasis_not_a_heading():
    from conftest import doc
    from transcheck.document.model import Paragraph

    d = doc("## Keys\n\nText.\n\n**Once again: the keypair holds only the public key, so sharing it is safe.**\n\nMore text.\n")
    assert [s.title for s in d.iter_sections()] == ["Keys"]
    assert len(next(d.iter_sections()).blocks) == 3
    assert all(isinstance(b, Paragraph) for b in next(d.iter_sections()).blocks)
    # a short bold label still opens a part of its own
    label = doc("## Keys\n\n**Requirements:**\n\nText.\n")
    assert [(s.title, s.style) for s in label.iter_sections()] == [("Keys", "atx"), ("Requirements:", "bold")]


def test_a_line_that_is_one_labelled_styling_shortcode_is_a_heading_like_a_bold_line():
    from conftest import doc

    d = doc('## A\n\nText.\n\n{{< inline "Supplementary recommendations" >}} 13\n\n- one\n- two\n')
    assert [(s.title, s.style) for s in d.iter_sections()] == [("A", "atx"), ("Supplementary recommendations^13", "bold")]
    for text in ('## A\n\n{{< inline "Del II" >}} handlar om lagen.\n', '## A\n\n{{< inline "Call us" >}} [+46](tel:+46)\n'):
        assert [s.title for s in doc(text).iter_sections()] == ["A"]
    sv = "## Ansvar\n\nText.\n\n### Kompletterande rekommendationer 13\n\n- kontrollera leverantörerna\n- granska avtalen\n"
    en = ('## Responsibility\n\nText.\n\n{{< inline "Supplementary recommendations" >}} 13\n\n'
          "- check the providers\n- review the contracts\n")
    found = _severities(sv, en, "missing-section") + _severities(sv, en, "bullet-count")
    assert found == []


def test_a_heading_over_nothing_but_aligned_sub_sections_is_a_warning_and_its_other_sub_sections_are_reported():
    en = ("## Format\n\nJSON.\n\n## Request\n\n### Parameters\n\n| Name | Type |\n|---|---|\n| Key | String |\n| maxNo | Integer |\n\n"
          "### Example call\n\n```\nGET https://api.example.org/nearby?key=KEY\n```\n\n## Response\n\nA list of stops.\n")
    sv = ("## Format\n\nJSON.\n\n## Parametrar\n\n| Namn | Typ |\n|---|---|\n| Key | String |\n| maxNo | Integer |\n\n"
          "## Svar\n\nEn lista med hållplatser.\n")
    found = sorted((s, m.split(" (")[0]) for s, m in _severities(sv, en, "missing-section"))
    assert found == [("error", '"Example call"'), ("warning", '"Request"')]


def test_sections_of_a_page_whose_other_version_has_no_headings_but_the_same_text_are_a_warning():
    nb = ("Kubernetes på Safespring kjører i Sverige.\n\n## Krav\n\nOpenShift og Rancher kjører i våre datasentre, "
          "ISO 27001 sertifisert.\n\n## Drift\n\nVi tar backup med Velero og overvåker med Prometheus.\n")
    en = ("Kubernetes on Safespring runs in Sweden. OpenShift and Rancher run in our data centres, ISO 27001 "
          "certified. We take backups with Velero and monitor with Prometheus.\n")
    assert [s for s, _ in _severities(nb, en, "missing-section")] == ["warning", "warning"]
    other = "Kubernetes on Safespring runs in Sweden. We sell storage by the terabyte and bill by the hour.\n"
    assert [s for s, _ in _severities(nb, other, "missing-section")] == ["error", "error"]


def test_an_inline_code_span_inside_a_longer_word_is_not_written_as_text():
    from transcheck.checking.engine import check_texts

    sv = "## Installera\n\nKör `pip install tools` först.\n"
    en = "## Install\n\nRun `pip install tool` first.\n"
    found = [(f.severity.label, f.message) for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "code-mismatch"]
    assert found == [("warning", 'inline code span "pip install tools" here but "pip install tool" in p.en.md:3')]


def test_a_whole_cjk_sentence_in_bold_is_emphasis_not_a_heading():
    from conftest import doc

    d = doc("## 報告\n\n本文。\n\n**GitHub の公開 Issue として脆弱性を報告しないでください。**\n\n続き。\n")
    assert [s.title for s in d.iter_sections()] == ["報告"]
    label = doc("## 報告\n\n**要件**\n\n本文。\n")  # a short bold label without a full stop still is one
    assert [(s.title, s.style) for s in label.iter_sections()] == [("報告", "atx"), ("要件", "bold")]


def test_a_bold_label_with_its_colon_outside_or_wrapped_once_is_the_same_heading():
    from conftest import doc

    for label in ("**Limitations**:", "**Limitations:**", "**Known\nlimitations**"):
        d = doc(f"## Export\n\nText.\n\n{label}\n\n- one\n- two\n")
        assert [s.style for s in d.iter_sections()] == ["atx", "bold"], label
    assert [s.title for s in doc("## Export\n\n**Limitations**:\n\n- one\n").iter_sections()] == ["Export", "Limitations:"]
    # three lines of bold are a paragraph, not a label
    assert [s.title for s in doc("## Export\n\n**one\ntwo\nthree**\n").iter_sections()] == ["Export"]


def test_a_table_under_a_sub_heading_only_one_version_has_is_compared_where_the_other_has_it():
    from transcheck.checking.engine import check_texts

    en = ("## Support and consulting\n\nWe offer three levels of support.\n\n"
          "| Level | Price |\n|---|---|\n| Base | 0 |\n| Standard | 100 |\n| Premium | 500 |\n\n"
          "## Consulting\n\nOur experts help you.\n")
    nb = ("## Støtte og konsulenttjenester\n\nVi tilbyr tre nivåer av støtte.\n\n### Støtte\n\nTre nivåer.\n\n"
          "| Nivå | Pris |\n|---|---|\n| Basis | 0 |\n| Standard | 100 |\n| Premium | 500 |\n\n"
          "## Konsulenttjenester\n\nVåre eksperter hjelper deg.\n")
    found = [(f.rule, f.severity.label) for f in check_texts(en, nb, "p.en.md", "p.nb.md")]
    # only the added heading is worth a look: the table is there, with the same rows and values
    assert found == [("missing-section", "warning")]
    shorter = nb.replace("| Premium | 500 |\n", "")
    found = [(f.rule, f.severity.label) for f in check_texts(en, shorter, "p.en.md", "p.nb.md")]
    assert ("table-shape", "error") in found and ("number-mismatch", "error") in found
    assert not any(rule == "table-shape" and "no counterpart" in f for rule, f in
                   [(f.rule, f.message) for f in check_texts(en, shorter, "p.en.md", "p.nb.md")])


def test_a_bold_label_over_a_code_block_is_a_line_of_text_not_a_section():
    from transcheck.checking.engine import check_texts
    from transcheck.document.read import parse_text

    en = ("## Options\n\nIntro text.\n\n**Config argument:**\n\n```sh\nobi --config x\n```\n\n**Config environment variable:**\n\n"
          "```sh\nOBI_X=1\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    ja = ("## オプション\n\n紹介文。\n\n設定引数の場合は次のとおりです。\n\n```sh\nobi --config x\n```\n\n設定環境変数の場合は次のとおりです。\n\n"
          "```sh\nOBI_X=1\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert [f.rule for f in check_texts(en, ja, "p.en.md", "p.ja.md") if f.severity.label != "info"] == []
    assert [s.title for s in parse_text(en).body.sections] == ["Options"]
    # a bold label over text still opens a section ("**Limitations:**" then its points)
    limits = parse_text("## A\n\n**Limitations:**\n\nIt cannot do X.\n")
    assert [s.title for s in limits.body.sections[0].sections] == ["Limitations:"]


def test_an_introduction_put_under_a_heading_of_its_own_is_compared_with_the_text_before_the_first_heading():
    from transcheck.checking.engine import check_texts

    en = ("A distribution is a customized version:\n\n- Language-specific instrumentation libraries\n- Collector binary\n\n"
          "## What is a distribution\n\nText here about it.\n")
    zh = ("## 简介 {#introduction}\n\n发行版是定制版本：\n\n- 特定语言的插桩库\n- Collector 二进制文件\n\n"
          "## 什么是发行版\n\n这里是关于它的文字。\n")
    found = [(f.rule, f.severity.label) for f in check_texts(en, zh, "p.en.md", "p.zh.md") if f.severity.label != "info"]
    assert found == [("missing-section", "warning")]
    one_item = zh.replace("- Collector 二进制文件\n", "")
    found = [(f.rule, f.severity.label) for f in check_texts(en, one_item, "p.en.md", "p.zh.md")]
    assert ("bullet-count", "error") in found


@pytest.mark.parametrize(
    "en, zh, dropped",
    [
        # sub-bullets whose numbers the English item has
        ("## A\n\n- If rolls is valid: return status 200 and a number between 1 and 6, or an array of n numbers.\n- Otherwise return 400.\n",
         "## A\n\n- 如果 rolls 有效：返回状态码 200：\n  - 单个 1 到 6 之间的数字\n  - 或 n 个数字的数组\n- 否则返回 400。\n",
         " and a number between 1 and 6, or an array of n numbers"),
        # sub-bullets with hardly a name: the English item is as long as the lead and them
        ("## A\n\n- the library checks whether rolls is a positive number. If not, it throws an exception, which the app "
         "catches and answers with a 500 error\n- the app returns the result\n",
         "## A\n\n- library 负责检查 rolls 是否为正数：\n  - 若不是，则抛出异常\n  - app 捕获错误并返回 500 错误\n- app 返回结果\n",
         ". If not, it throws an exception, which the app catches and answers with a 500 error"),
    ],
)
def test_a_nested_list_whose_points_the_other_item_says_as_sentences_is_info(en, zh, dropped):
    from transcheck.checking.engine import check_texts

    found = [(f.rule, f.severity.label) for f in check_texts(en, zh, "p.en.md", "p.zh.md") if f.rule == "bullet-count"]
    assert found == [("bullet-count", "info")]
    # the English item without those points: the nested list says more than it
    found = [(f.rule, f.severity.label) for f in check_texts(en.replace(dropped, ""), zh, "p.en.md", "p.zh.md") if f.rule == "bullet-count"]
    assert found == [("bullet-count", "error")]


@pytest.mark.parametrize(
    "en, es, severity",
    [
        # a translated diagram: the same nodes and edges
        ("graph LR\n  A[Client] -->|sends| B(Collector)", "graph LR\n  A[Cliente] -->|envía| B(Colector)", None),
        ("graph LR\n  A[Client] --> B(Collector)", "graph LR\n  A[Cliente] --> C(Colector)", "warning"),
        # text on a link, in mermaid's three arrow styles, and a quoted label in brackets
        ("graph LR\n  A -- Uses --> B\n  B == Sends spans ==> C\n  C -. Implemented by .-> D",
         "graph LR\n  A -- Usa --> B\n  B == Envía trazas ==> C\n  C -. Implementado por .-> D", None),
        ('graph LR\n  App["Application"]:::node --> B', 'graph LR\n  App["Aplicación"]:::node --> B', None),
        # a sequence diagram: participants' aliases, messages, notes and block labels are text
        ("sequenceDiagram\n  participant R as Reviewer\n  R->>GH: Submits review\n  Note over GH: review event\n  loop Each PR\n  GH->>R: Done\n  end",
         "sequenceDiagram\n  participant R as Revisor\n  R->>GH: Envía la revisión\n  Note over GH: evento de revisión\n  loop Cada PR\n  GH->>R: Listo\n  end", None),
        # a colon inside a label is the label's ("example: my_branch", "例如：my_branch")
        ("graph LR\n  3[Create a branch<br>example: my_branch] --> 3a[Edit the text]",
         "graph LR\n  3[创建分支<br>例如：my_branch] --> 3a[编辑文本]", None),
        ("sequenceDiagram\n  participant R as Reviewer\n  R->>GH: Submits review",
         "sequenceDiagram\n  participant R as Revisor\n  R->>T: Envía la revisión", "warning"),
        ("graph LR\n  Pre --> | Metrics | Aggregation", "graph LR\n  Pre[Preagregado] --> | Métricas | Aggregation", None),
        ("---\ntitle: Figure 1, the pipeline\n---\ngraph LR\n  %% the collector\n  A --> B",
         "---\ntitle: Figura 1, la canalización\n---\ngraph LR\n  %% el colector\n  A --> B", None),
        ("graph LR\n  A -- Uses --> B\n  B == Sends spans ==> C", "graph LR\n  A -- Usa --> B\n  B == Envía trazas ==> D", "warning"),
        ("graph LR\n  A -- Uses --> B", "graph LR\n  A -- Usa --x B", "warning"),
    ],
)
def test_a_diagram_with_translated_labels_is_the_same_code(en, es, severity):
    from transcheck.checking.engine import check_texts

    found = [f.severity.label for f in check_texts(f"## A\n\n```mermaid\n{en}\n```\n", f"## A\n\n```mermaid\n{es}\n```\n",
                                                   "p.en.md", "p.es.md") if f.rule == "code-mismatch"]
    assert found == ([severity] if severity else [])


@pytest.mark.parametrize(
    "en, es, severity",
    [
        ('c := meter.Counter("dice.rolls", Desc("The number of rolls"))', 'c := meter.Counter("dice.rolls", Desc("El número de tiradas"))', "info"),
        ('c := meter.Counter("dice.rolls", Desc("The number of rolls"))', 'c := meter.Counter("dice.roll", Desc("El número de tiradas"))', "warning"),
        ("## The receivers\nreceivers: [otlp]", "## Los receptores\nreceivers: [otlp]", None),
        ("%% start the app\napplication:start(app).", "%% démarrer l'application\napplication:start(app).", None),
    ],
)
def test_code_whose_strings_or_comments_are_translated(en, es, severity):
    from transcheck.checking.engine import check_texts

    found = [f.severity.label for f in check_texts(f"## A\n\n```go\n{en}\n```\n", f"## A\n\n```go\n{es}\n```\n",
                                                   "p.en.md", "p.es.md") if f.rule == "code-mismatch"]
    assert found == ([severity] if severity else [])


def test_a_bold_line_with_a_picture_on_the_next_line_is_a_heading_over_the_picture():
    from transcheck.document.read import parse_text

    doc = parse_text("Intro.\n\n**FAKTA OM TJÄNSTEN**\n![Appen](/app.jpg \"Appen\")\n\n**Lansering:** 2014\n")
    section = doc.body.sections[0]
    assert section.title == "FAKTA OM TJÄNSTEN" and section.blocks[0].line == 4
    assert [link.url for link in section.blocks[0].inline.links] == ["/app.jpg"]
    # a bold line with text after it stays a paragraph
    assert parse_text("Intro.\n\n**Obs**\nDetta gäller alla.\n").body.sections == []


def test_a_list_of_links_that_the_other_version_links_in_a_sentence_is_info():
    from transcheck.checking.engine import check_texts

    en = ("## A\n\nRead more: [What are connectors?](https://example.com/blog/connectors), and "
          "[Connector configuration](/docs/collector/configuration/#connectors).\n")
    ja = ("## A\n\n詳しくは以下をご覧ください。\n\n- [コネクターとは？](https://example.com/blog/connectors)\n"
          "- [コネクターの設定](/docs/collector/configuration/#connectors)\n")
    found = [(f.rule, f.severity.label) for f in check_texts(en, ja, "p.en.md", "p.ja.md") if f.rule == "bullet-count"]
    assert found == [("bullet-count", "info")]
    one_link = en.replace(", and [Connector configuration](/docs/collector/configuration/#connectors)", "")
    found = [(f.rule, f.severity.label) for f in check_texts(one_link, ja, "p.en.md", "p.ja.md") if f.rule == "bullet-count"]
    assert found == [("bullet-count", "error")]


def test_the_footnote_number_after_a_labelled_heading_is_no_value():
    from transcheck.checking.engine import check_texts

    sv = "## Ansvar\n\nText.\n\n### Kompletterande rekommendationer\n\n- kontrollera leverantörerna\n- granska avtalen\n"
    en = ('## Responsibility\n\nText.\n\n{{< inline "Supplementary recommendations" >}} 13\n\n'
          "- check the providers\n- review the contracts\n")
    assert [f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "number-mismatch"] == []
    nb = sv.replace("### Kompletterande rekommendationer", "### Kompletterende anbefalinger (13)")
    assert [f.rule for f in check_texts(nb, en, "p.nb.md", "p.en.md") if f.rule == "number-mismatch"] == []
    changed = en.replace("- check the providers", "- check the 40 providers")
    assert [f.rule for f in check_texts(sv, changed, "p.sv.md", "p.en.md") if f.rule == "number-mismatch"] == ["number-mismatch"]


def test_a_missing_section_in_a_page_whose_sections_stand_in_another_order_belongs_after_what_it_follows():
    from transcheck.checking.engine import check_texts

    en = ("## Stockholm North\n\nThe site in Kista has 2 MW and Tier III.\n\n## Stockholm South\n\nThe site in Sätra has 4 MW and ISO 14001.\n\n"
          "### Other features\n\nUPS and cooling are N+1.\n\n## Oslo\n\nThe site in Lysaker has 6 MW and Green Mountain.\n")
    nb = ("## Oslo\n\nStedet på Lysaker har 6 MW og Green Mountain.\n\n## Stockholm Nord\n\nStedet i Kista har 2 MW og Tier III.\n\n"
          "## Stockholm Sør\n\nStedet i Sätra har 4 MW og ISO 14001.\n")
    found = [(f.line, f.message) for f in check_texts(nb, en, "p.nb.md", "p.en.md") if f.rule == "missing-section"]
    assert len(found) == 1 and found[0][1].endswith('it belongs after "Stockholm Sør"') and found[0][0] == 11
    # in the same order, it belongs before the next section, as it always did
    same_order = ("## Stockholm Nord\n\nStedet i Kista har 2 MW og Tier III.\n\n## Stockholm Sør\n\nStedet i Sätra har 4 MW og ISO 14001.\n\n"
                  "## Oslo\n\nStedet på Lysaker har 6 MW og Green Mountain.\n")
    found = [f.message for f in check_texts(same_order, en, "p.nb.md", "p.en.md") if f.rule == "missing-section"]
    assert len(found) == 1 and found[0].endswith('it belongs before "Oslo"')


_CODES_EN = (
    "## Errors\n\n| Code | Message |\n|---|---|\n"
    "| E101 | Key is missing. The request was not signed. |\n"
    "| E102 | Key is invalid. Ask for a new one. |\n"
    "| E103 | Too many requests per minute. |\n"
)
# each message wrapped onto a row of its own, the first cell left empty
_CODES_SV_WRAPPED = (
    "## Fel\n\n| Kod | Meddelande |\n|---|---|\n"
    "| E101 | Nyckel saknas. |\n|  | Anropet var inte signerat. |\n"
    "| E102 | Nyckeln är ogiltig. |\n|  | Be om en ny. |\n"
    "| E103 | För många anrop per minut. |\n"
)


def test_a_cell_wrapped_onto_a_row_of_its_own_is_the_same_row():
    assert [f.rule for f in findings(_CODES_SV_WRAPPED, _CODES_EN)] == []


def test_rows_missing_from_a_table_are_named_by_their_first_cell():
    en = _CODES_EN + "| R201 | Unknown method. |\n| R202 | Internal error. |\n"
    found = [f for f in findings(_CODES_SV_WRAPPED, en) if f.rule == "table-shape"]
    assert [(f.path, f.line, f.severity.label) for f in found] == [("a.md", 3, "error")]
    assert "3 rows × 2 columns here but 5 × 2 in b.md:3" in found[0].message
    assert found[0].message.endswith('rows "R201", "R202" there are not here')
    assert [(r.path, r.line) for r in found[0].related] == [("b.md", 8)]  # the row "R201"


def test_a_row_the_other_table_has_twice_is_named_once():
    en = _CODES_EN + "| E103 | Too many requests per minute. |\n"
    sv = _CODES_SV_WRAPPED
    found = [f for f in findings(sv, en) if f.rule == "table-shape"]
    # a name on two rows there, one here: which row is the extra one, the names do not say
    assert found[0].message.endswith('; "E103" names 2 rows there (lines 7, 8), 1 here')
    assert [(r.path, r.line) for r in found[0].related] == [("b.md", 8)]  # the second one


def test_rows_named_in_words_each_version_translates_are_only_counted():
    sv = "## Förmåner\n\n| Förmån | Ingår |\n|---|---|\n| Friskvård | Ja |\n| Pension | Ja |\n| Lunch | Nej |\n"
    en = "## Benefits\n\n| Benefit | Included |\n|---|---|\n| Wellness | Yes |\n| Pension | Yes |\n"
    found = [f for f in findings(sv, en) if f.rule == "table-shape"]
    assert [f.message for f in found] == ["table has 3 rows × 2 columns here but 2 × 2 in b.md:3"]


def test_rows_under_a_category_repeated_down_the_first_column_are_only_counted():
    head = "| Group | Metric |\n|---|---|\n"
    en = "## Metrics\n\n" + head + "".join(f"| Runtime | metric.{n} |\n" for n in "abcd") + "| Process | cpu |\n"
    sv = "## Mått\n\n" + head + "".join(f"| Runtime | metric.{n} |\n" for n in "abc") + "| Process | cpu |\n"
    found = [f for f in findings(sv, en) if f.rule == "table-shape"]
    assert [f.message for f in found] == ["table has 4 rows × 2 columns here but 5 × 2 in b.md:3"]


@pytest.mark.parametrize(
    "doubled, once, reported_in",
    [
        # the line pasted twice in the source: reported there, at the second copy
        ("```text\nhttps://api.example.se/v2/lines.json?key=[key]\n\nhttps://api.example.se/v2/lines.json?key=[key]\n```",
         "```text\nhttps://api.example.se/v2/lines.json?key=[key]\n```", "p.en.md"),
        # "}" twice closes two blocks: the version with one lacks a brace (as before, at the translation)
        ("```js\nif (a) {\n  if (b) {\n    run();\n  }\n}\n```", "```js\nif (a) {\n  if (b) {\n    run();\n  }\n```", "p.sv.md"),
    ],
)
def test_a_line_written_twice_is_reported_where_it_is_repeated(doubled, once, reported_in):
    from transcheck.checking.engine import check_texts

    found = [f for f in check_texts(f"## A\n\n{once}\n", f"## A\n\n{doubled}\n", "p.sv.md", "p.en.md") if f.rule == "code-mismatch"]
    assert [f.path for f in found] == [reported_in]
    if reported_in == "p.en.md":
        assert (found[0].line, found[0].message) == (6, 'code repeats line 4 here: "https://api.example.se/v2/lines.json?key=[key]"; p.sv.md:3 has it once')


def test_a_changed_inline_span_is_one_finding_and_unlike_spans_stay_two():
    from transcheck.checking.engine import check_texts

    sv = "## Loggar\n\nFilelog läser `/var/log/pods/*/*.log` på varje nod.\n"
    en = "## Logs\n\nFilelog reads `/var/log/pods/*/*/*.log` on every node.\n"
    found = [(f.path, f.line, f.message, [r.line for r in f.related]) for f in check_texts(sv, en, "p.sv.md", "p.en.md")
             if f.rule == "code-mismatch"]
    assert found == [("p.sv.md", 3, 'inline code span "/var/log/pods/*/*.log" here but "/var/log/pods/*/*/*.log" in p.en.md:3', [3])]
    # two spans with nothing in common are a span each version lacks, told in each
    other = en.replace("`/var/log/pods/*/*/*.log`", "`journalctl --unit kubelet`")
    found = sorted(f.message for f in check_texts(sv, other, "p.sv.md", "p.en.md") if f.rule == "code-mismatch")
    assert found == ['inline code span `/var/log/pods/*/*.log` not found in p.en.md (section "Logs", line 1)',
                     'inline code span `journalctl --unit kubelet` (p.en.md:3) has no counterpart here (section "Loggar")']


def test_many_spans_changed_in_one_section_are_one_finding():
    from transcheck.checking.engine import check_texts

    names = ["rpc.client", "rpc.server", "http.client", "http.server"]
    sv = "## Mått\n\n" + "".join(f"- `{n}.duration` mäter tiden.\n" for n in names)
    en = "## Metrics\n\n" + "".join(f"- `{n}.call.duration` measures the time.\n" for n in names)
    found = [f.message for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "code-mismatch"]
    assert len(found) == 1 and found[0].startswith("4 inline code spans differ from p.en.md")
    assert '"rpc.client.duration" here but "rpc.client.call.duration" (line 3)' in found[0] and found[0].endswith("here at lines 3, 4, 5, 6")


@pytest.mark.parametrize("ja, quiet", [
    ("`Internal（内部）`", True),  # the term with its translation beside it, inside the span
    ("`内部（Internal）`", True),
    ("`Internal (内部)`", True),
    ("`External（外部）`", False),  # another term
    ("`kind(内部)`", False),  # a call, not a gloss
])
def test_a_code_span_that_glosses_its_term_is_the_same_span(ja, quiet):
    from transcheck.checking.engine import check_texts

    found = [f.message for f in check_texts(f"## 種類\n\nスパンの種類は {ja} です。\n", "## Kinds\n\nThe span kind is `Internal`.\n",
                                            "p.ja.md", "p.en.md") if f.rule == "code-mismatch"]
    assert (found == []) is quiet, found


def test_a_table_broken_into_headings_is_named_by_table_shape_not_missing_sections():
    from transcheck.checking.engine import check_texts

    en = ("## Repositories\n\nThe code lives in several repositories:\n\n| Repository | Description |\n"
          "| ---------- | ----------- |\n| [core](https://example.org/core) | API and SDK |\n"
          "| [contrib](https://example.org/contrib) | Extras |\n\n## Dependencies\n\nUse the BOM.\n")
    pt = ("## Repositórios\n\nO código está em vários repositórios:\n\n| Repositório | Descrição\n|\\n|\n\n---\n\n## |\n\n"
          "## | ---------- | ----------- |\n\n| | [core](https://example.org/core) | API e SDK |\n\n## Dependências\n\nUse o BOM.\n")
    found = [(f.rule, f.path, f.message) for f in check_texts(pt, en, "p.pt.md", "p.en.md")
             if f.rule in ("table-shape", "missing-section")]
    assert [(rule, path) for rule, path, _ in found] == [("table-shape", "p.pt.md")]
    assert found[0][2].endswith("the table is broken here: 2 headings made of its cells' markup (line 10, line 12) stand where its rows should be")
    from transcheck.document.sections import table_debris

    assert table_debris("|") and table_debris("| --- | :--: |") and not table_debris("Tables | charts") and not table_debris("---")


def test_spans_pair_most_alike_first_and_a_missing_items_spans_go_with_it():
    from transcheck.checking.engine import check_texts

    base = "https://api.example.se/v1/planner/{}?key=DEMO-KEY-2024{}"
    sv = ("## Adresser\n\n"
          f"- Resa: `{base.format('trip.json', '&amp;<parametrar>')}`\n"
          f"- Karta: `{base.format('map.json', '&amp;<parametrar>')}`\n")
    en = ("## Addresses\n\n"
          f"- Trip: `{base.format('trip.json', '&<parameters>')}`\n"
          f"- Map: `{base.format('map.json', '&<parameters>')}`\n"
          f"- XSD: `{base.format('xsd.xml', '')}`\n")
    found = [(f.rule, f.path, f.line, [r.line for r in f.related]) for f in check_texts(sv, en, "p.sv.md", "p.en.md")
             if f.rule in ("code-mismatch", "bullet-count")]
    # the XSD item is missing (one finding); each changed span is paired with its own line
    assert ("bullet-count", "p.sv.md", 3, [3]) in found
    assert [(path, line, related) for rule, path, line, related in found if rule == "code-mismatch"] == [
        ("p.sv.md", 3, [3]), ("p.sv.md", 4, [4])]


JA_DIAGRAM = ("flowchart BT\n    %% ノードを定義する\n    BA[ブループリント A]\n    BB[ブループリント B]\n"
              "    RA[リファレンス実装 A]\n    RB[リファレンス実装 B]\n    %% 関係を定義する\n"
              "    RA -->|実装する| BA\n    RB -->|実装する| BA\n    RB -->|実装する| BB\n")
EN_DIAGRAM = ("flowchart BT\n    %% Define nodes\n    BA[Blueprint A]\n    BB[Blueprint B]\n"
              "    RA[Reference implementation A]\n    RB[Reference implementation B]\n    %% Define relations\n"
              "    RA -->|implements| BA\n    RB -->|implements| BA\n    RB -->|implements| BB\n")


@pytest.mark.parametrize("edited, found", [(EN_DIAGRAM, []), (EN_DIAGRAM.replace("RB -->|implements| BB", "RB -->|implements| BC"), ["p.ja.md"])])
def test_a_diagram_whose_every_label_is_translated_is_paired_with_its_counterpart(edited, found):
    from transcheck.checking.engine import check_texts

    setup = "```bash\nnpm install --save @example/blueprints\n```\n\n"
    ja = f"## 実装\n\nリファレンス実装はブループリントを実装します。\n\n{setup}```mermaid\n{JA_DIAGRAM}```\n"
    en = f"## Implementations\n\nReference implementations implement blueprints.\n\n{setup}```mermaid\n{edited}```\n"
    assert [f.path for f in check_texts(ja, en, "p.ja.md", "p.en.md") if f.rule == "code-mismatch"] == found
    from transcheck.rules.structure import CodeBlock, _as_aligned, code_similarity

    # blocks are paired by their nodes and edges: the two diagrams are one
    ja_block, en_block = CodeBlock(1, JA_DIAGRAM, "```", "mermaid"), CodeBlock(1, EN_DIAGRAM, "```", "mermaid")
    assert code_similarity(_as_aligned(ja_block), _as_aligned(en_block)) == 1.0
    assert code_similarity(JA_DIAGRAM, EN_DIAGRAM) < 0.5


@pytest.mark.parametrize("sv, quiet", [
    ("`1,[minavstånd],[maxavstånd],[hastighet]`", True),  # the placeholders translated
    ("`1,[minavstånd],[maxavstånd]`", False),  # one value fewer
    ("`2,[minavstånd],[maxavstånd],[hastighet]`", False),  # the literal changed
])
def test_placeholders_in_a_list_of_values_may_be_translated(sv, quiet):
    from transcheck.checking.engine import check_texts

    found = [f.message for f in check_texts(f"## Parametrar\n\nAnge {sv} för gång.\n",
                                            "## Parameters\n\nGive `1,[min distance],[max distance],[speed]` for walking.\n",
                                            "p.sv.md", "p.en.md") if f.rule == "code-mismatch"]
    assert (found == []) is quiet, found


def test_an_english_ordinal_around_a_code_span_is_the_translations_grammar():
    from transcheck.checking.engine import check_texts

    en = "## Logs\n\nOnly every `Nth` message is written, and the `2nd` one too. Set `depth` to 3.\n"
    ja = "## ログ\n\n`N` 番目ごとのメッセージだけが書かれ、`2` 番目も同じです。`depth` を 3 に設定します。\n"
    found = [f for f in check_texts(ja, en, "content/ja/p.md", "content/en/p.md") if f.rule == "code-mismatch"]
    assert found == []
    # another placeholder is another span
    changed = ja.replace("`N` 番目", "`M` 番目")
    found = [f for f in check_texts(changed, en, "content/ja/p.md", "content/en/p.md") if f.rule == "code-mismatch"]
    assert sorted(f.message for f in found) == [
        'inline code span `M` not found in content/en/p.md (section "Logs", line 1)',
        'inline code span `Nth` (content/en/p.md:3) has no counterpart here (section "ログ")']


def test_an_english_plural_of_a_type_name_is_its_singular_in_chinese_japanese_and_korean():
    from transcheck.checking.engine import check_texts

    en = ("## Monitors\n\nThe operator reads `ServiceMonitors` and `PodMonitors` and serves the `APIs`"
          " on `Kubernetes`.\n")
    ja = "## モニター\n\nオペレーターは `ServiceMonitor` と `PodMonitor` を読み、`Kubernetes` 上で `API` を提供します。\n"
    found = [f for f in check_texts(ja, en, "content/ja/p.md", "content/en/p.md") if f.rule == "code-mismatch"]
    assert found == []
    # in a language with plurals the singular is another name; and a renamed type stays told
    sv = "## Övervakning\n\nOperatorn läser `ServiceMonitor` och `PodMonitors` och ger `APIs` på `Kubernetes`.\n"
    found = [f.message for f in check_texts(sv, en, "content/sv/p.md", "content/en/p.md") if f.rule == "code-mismatch"]
    assert len(found) == 1 and "only a plural ending differs" in found[0]
    renamed = ja.replace("`PodMonitor`", "`PodScraper`")
    found = [f.message for f in check_texts(renamed, en, "content/ja/p.md", "content/en/p.md") if f.rule == "code-mismatch"]
    assert any("`PodScraper`" in message for message in found)


MINOR_EN = ("## Answer\n\nThe answer comes as JSON or XML, in the language of the question.\n\n### XSD\n\n"
            "`https://api.example.com/v2/schema.xml?key=DEMO-KEY-2024&name=AnswerRest.xsd`\n\n## Support\n\nAsk us.\n")
MINOR_SV = ("## Svar\n\nSvaret kommer som JSON eller XML, på frågans språk.\n\n### XSD\n\n#### Url\n\nExempel:\n"
            "https://api.example.com/v2/schema.xml?key=DEMO-KEY-2024&name=AnswerRest.xsd\n\n## Support\n\nFråga oss.\n")


@pytest.mark.parametrize("level, severity", [("####", "info"), ("#####", "info")])
def test_a_minor_sub_heading_over_text_both_have_is_information(level, severity):
    from transcheck.checking.engine import check_texts

    sv = MINOR_SV.replace("#### Url", f"{level} Url")
    found = [f for f in check_texts(sv, MINOR_EN, "sv.md", "en.md") if f.rule == "missing-section"]
    assert [(f.path, f.severity.label) for f in found] == [("en.md", severity)]
    assert found[0].message.endswith("; a heading below the table of contents")


def test_a_table_of_contents_heading_over_text_both_have_stays_a_warning():
    from transcheck.checking.engine import check_texts

    en = MINOR_EN.replace("### XSD", "## XSD")
    sv = MINOR_SV.replace("### XSD", "## XSD").replace("#### Url", "### Url")
    found = [f for f in check_texts(sv, en, "sv.md", "en.md") if f.rule == "missing-section"]
    assert [(f.path, f.severity.label) for f in found] == [("en.md", "warning")]
    assert "table of contents" not in found[0].message


def test_a_diagram_whose_subgraph_titles_are_translated_is_the_same_code():
    from transcheck.checking.engine import check_texts

    en = ("## Routing\n\nEach gateway sees all spans of a trace.\n\n```mermaid\ngraph LR\n    subgraph Applications\n"
          "        A1[App 1]\n    end\n    subgraph \"Agent Collectors (DaemonSet)\"\n        AC1[Agent 1<br/>loadbalancing]\n"
          "    end\n    A1 --> AC1\n```\n")
    ja = ("## ルーティング\n\n各ゲートウェイはトレースのすべてのスパンを確認できます。\n\n```mermaid\ngraph LR\n    subgraph アプリケーション\n"
          "        A1[App 1]\n    end\n    subgraph \"エージェント Collector (DaemonSet)\"\n        AC1[エージェント 1<br/>loadbalancing]\n"
          "    end\n    A1 --> AC1\n```\n")
    assert [f for f in check_texts(ja, en, "ja.md", "en.md") if f.rule == "code-mismatch"] == []
    # an edge that leads elsewhere is still a change
    moved = [f.message for f in check_texts(ja.replace("A1 --> AC1", "A1 --> AC2"), en, "ja.md", "en.md") if f.rule == "code-mismatch"]
    assert moved == ['code differs from en.md:13: "A1 --> AC2" here, "A1 --> AC1" there']


def test_words_set_as_code_are_found_in_plain_text_joined_by_a_hyphen():
    from transcheck.rules.structure import _written_in

    assert _written_in("page local", "add it to a page-local `x` list")
    assert _written_in("page-local", "add it to a page local list")
    assert not _written_in("page local", "add it to a pagelocal list")
    assert not _written_in("page local", "a page-locality list")
    assert not _written_in("make check", "make-checks")
    assert _written_in("settings.yml", 'edit "settings.yml" first')


def test_a_span_the_first_file_lacks_is_told_at_the_paired_item_when_the_other_list_has_an_extra_one():
    from transcheck.checking.engine import check_texts

    a = ("## Settings\n\nSome intro text that explains the settings of the tool in detail.\n\n"
         "- The first option sets the speed of the engine.\n- The port option sets where the server listens.\n"
         "- The log option sets the level of logging output.\n")
    b = ("## Settings\n\nSome intro text that explains the settings of the tool in detail.\n\n"
         "- A brand new option about colour themes `theme` with extra words here.\n"
         "- The first option sets the speed of the engine.\n- The port option sets where the server listens, `port`.\n"
         "- The log option sets the level of logging output.\n")
    found = [(f.line, f.message) for f in check_texts(a, b, "a.md", "b.md") if f.rule == "code-mismatch"]
    assert found == [(6, 'inline code span `port` (b.md:7) is written as plain text here (section "Settings")')]


def test_diagram_ids_and_dot_edges_on_a_subgraph_line_are_still_code():
    from transcheck.checking.engine import check_texts

    dot = ("## Graph\n\nThe graph shows how the services talk.\n\n```dot\ndigraph G {\n  subgraph cluster_0 { api -> %s;\n"
           "    label = \"Backend\";\n  }\n}\n```\n")
    found = [f.message for f in check_texts(dot % "db", dot % "cache", "a.md", "b.md") if f.rule == "code-mismatch"]
    assert found == ['code differs from b.md:7: "subgraph cluster_0 { api -> db;" here, "subgraph cluster_0 { api -> cache;" there']
    mermaid = ("## Graph\n\nThe graph shows how the services talk.\n\n```mermaid\nflowchart LR\n  subgraph %s [Backend]\n"
               "    api --> db\n  end\n  web --> backend\n```\n")
    found = [f.message for f in check_texts(mermaid % "backend", mermaid % "frontend", "a.md", "b.md") if f.rule == "code-mismatch"]
    assert found == ['code differs from b.md:7: "subgraph backend [Backend]" here, "subgraph frontend [Backend]" there']


def test_code_words_that_end_like_an_ordinal_are_not_ordinals():
    from transcheck.rules.structure import _without_ordinal

    assert [_without_ordinal(x) for x in ("Nth", "2nd", "kth", "end", "and", "first", "rst")] == ["N", "2", "k", "end", "and", "first", "rst"]
