"""Value parsing alone (no Markdown): numbers, money, dates, contacts, links. Table-driven;
the equal cases matter as much as the unequal ones."""

from decimal import Decimal

import pytest

from transcheck.values.contacts import find_contacts, normalise_phone
from transcheck.values.dates import find_dates
from transcheck.values.links import LinkRules, comparable_url, ref_target, same_target
from transcheck.values.money import find_money
from transcheck.values.numbers import find_number_words, find_numbers, readings


@pytest.mark.parametrize(
    "text, values",
    [
        ("50 000", {Decimal(50000)}),
        ("50\u00a0000", {Decimal(50000)}),
        ("50\u202f000", {Decimal(50000)}),
        ("50,000", {Decimal(50000), Decimal("50.000")}),  # ambiguous: both readings kept
        ("50.000", {Decimal(50000), Decimal("50.000")}),
        ("1 000,5", {Decimal("1000.5")}),
        ("1,000.5", {Decimal("1000.5")}),
        ("1.000,5", {Decimal("1000.5")}),
        ("3,1", {Decimal("3.1")}),
        ("3.14", {Decimal("3.14")}),
        ("1,000,000", {Decimal(1000000)}),
        ("1'000", {Decimal(1000)}),
        ("2026", {Decimal(2026)}),
    ],
)
def test_number_readings(text, values):
    assert set(readings(text)) == values


@pytest.mark.parametrize(
    "a, b, equal",
    [
        ("1 000,5", "1,000.5", True),
        ("50,000", "50 000", True),
        ("50,000", "50", True),  # a Swedish 50,000 may be fifty: never guess wrong
        ("3,5 %", "3.5%", True),
        ("1st", "1", True),
        ("2:a", "2", True),
        ("2020-2024", "2020–2024", True),
        ("50 000", "60 000", False),
        ("3.1", "3.2", False),
        ("1,000.5", "1 000,6", False),
    ],
)
def test_numbers_equal_by_value(a, b, equal):
    first, second = find_numbers(a)[0], find_numbers(b)[0]
    assert first.same(second) is equal


def test_number_words_sv_nb_da_en():
    for text, value in [("fem", 5), ("five", 5), ("två", 2), ("two", 2), ("tolv", 12), ("syv", 7), ("tredje", 3), ("third", 3), ("tvåveckorssprintar", 2)]:
        [number] = find_number_words(text)
        assert number.values == frozenset({Decimal(value)}) and number.word
    assert find_number_words("en av våra kunder, one of ours") == []


def test_minus_sign_only_when_it_is_one():
    assert [n.text for n in find_numbers("2020-2024")] == ["2020", "2024"]
    assert find_numbers("-5 grader")[0].values == frozenset({Decimal(-5)})


def money(text):
    [found] = find_money(text)
    return found


EQUAL_MONEY = [
    ("€50,000 - €80,000 annually", "50 000–80 000 euro per år"),
    ("€50,000 - €80,000 per år", "€50,000 - €80,000 annually"),
    ("€50,000 - €80,000 annually", "50k–80k EUR per year"),
    ("50 000 € per år", "€50,000 a year"),
    ("45 000 kr/mån", "SEK 45,000 per month"),
    ("45 000:- i månaden", "45 000 kronor per månad"),
    ("från 40 till 50 tkr i månaden", "40–50k SEK monthly"),
    ("between $50k and $60k a year", "50 000 – 60 000 USD yearly"),
    ("mellan 400 och 500 kr per timme", "400–500 kr/h"),
    ("NOK 1.000,50", "1 000,50 kr"),
    ("£30,000 per annum", "30 000 GBP per år"),
    ("3 MSEK", "3 000 000 kr"),
    ("Årslön: 600 000 kr", "600,000 SEK per year"),
]


@pytest.mark.parametrize("a, b", EQUAL_MONEY)
def test_money_equal(a, b):
    assert money(a).same(money(b)), (money(a).normalised(), money(b).normalised())


@pytest.mark.parametrize(
    "a, b, what",
    [
        ("€50,000 - €85,000 per år", "€50,000 - €80,000 annually", "amount"),
        ("€50,000 - €80,000 per år", "50 000–80 000 kr per år", "currency"),
        ("€50,000 - €80,000 per år", "€50,000 - €80,000 per month", "period"),
        ("45 000 kr/mån", "45 000 kr/h", "period"),
        ("$50k", "$50", "amount"),
        ("50 000 €", "50 000 $", "currency"),
        ("€50,000", "€50,000 - €80,000", "range"),
    ],
)
def test_money_not_equal(a, b, what):
    assert not money(a).same(money(b)), what


def test_money_normalised_form_for_messages():
    assert money("€50,000 - €85,000 per år").normalised() == "EUR 50000–85000 per year"
    assert money("45 tkr/mån").normalised() == "KR 45000 per month"


def test_no_money_without_currency():
    assert find_money("We have 5 engineers and 2026 plans") == []


def date(text):
    [found] = find_dates(text)
    return found


@pytest.mark.parametrize(
    "text",
    ["2026-02-16", "16 februari 2026", "16 Feb 2026", "February 16, 2026", "Feb 16 2026", "16/2 2026",
     "16.2.2026", "16. februar 2026", "16 febr. 2026", "the 16th of February 2026", "16:e februari 2026"],
)
def test_date_spellings_mean_the_same_day(text):
    assert date(text).normalised() == "2026-02-16"


def test_dates_with_and_without_year():
    with_year, without = date("16 februari 2026"), date("February 16")
    assert with_year.same_day(without) and not with_year.same(without)
    assert date("1 maj").normalised() == "????-05-01"
    assert date("May 1").same_day(date("1 maj"))


def test_not_dates():
    assert find_dates("support 24/7 and version 3.1") == []


@pytest.mark.parametrize(
    "a, b, language",
    [
        ("+46 8 123 45 67", "08-123 45 67", "sv"),
        ("+46 8 123 45 67", "+46812345 67", "sv"),
        ("0046 8 123 45 67", "+46 8 1234567", "en"),
        ("+47 22 12 34 56", "22 12 34 56", None),
    ],
)
def test_phone_numbers(a, b, language):
    first, second = normalise_phone(a, language), normalise_phone(b, language)
    if b.startswith(("0", "+")):
        assert first == second
    else:
        assert second is None  # no leading + or 0: could be anything


def test_emails_and_phones_found():
    found = find_contacts("Mail Jobs@Example.com or call 08-123 45 67.", "sv")
    assert [(c.kind, c.value) for c in found] == [("email", "jobs@example.com"), ("phone", "+4681234567")]
    assert find_contacts("in 2020-2024 we sold 12 000 000 units", "sv") == []


RULES = LinkRules(languages=("sv", "en"))


@pytest.mark.parametrize(
    "a, b",
    [
        ("HTTPS://Example.COM/jobs/", "https://example.com/jobs"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com/sv/jobs/", "https://example.com/en/jobs/"),
        ("https://example.com/sv-SE/jobs", "https://example.com/en-GB/jobs"),
        ("https://sv.example.com/x", "https://en.example.com/x"),
        ("https://example.com/x?lang=sv&a=1", "https://example.com/x?a=1&lang=en"),
        ("/jobs/x#ansok", "/jobs/x#apply"),
        ("/about.md", "/about/"),
        ('{{% relref "/services/compute.md" %}}', '{{< ref "services/compute" >}}'),
        ("https://example.com/a/index.html", "https://example.com/a/"),
    ],
)
def test_links_equal(a, b):
    assert same_target(a, b, RULES), (comparable_url(a, RULES), comparable_url(b, RULES, "b"))


@pytest.mark.parametrize(
    "a, b",
    [
        ("https://example.com/jobs/1", "https://example.com/jobs/2"),
        ("https://example.com/x?id=1", "https://example.com/x?id=2"),
        ("https://a.example.com/x", "https://b.example.com/x"),
        ("/kontakt/", "/contact/"),
        ("https://ats.example/job/1#applyNow", "https://ats.example/job/1#apply"),
    ],
)
def test_links_not_equal(a, b):
    assert not same_target(a, b, RULES)


def test_configured_rewrites_make_language_specific_urls_equal():
    rules = LinkRules(languages=("sv", "en"), rewrites=(("/kontakt/", "/contact/"),))
    assert same_target("/kontakt/", "/contact/", rules)
    assert not same_target("/kontakt/", "/about/", rules)


def test_ref_target():
    assert ref_target('{{< relref "/blog/x.md#part" >}}') == "ref:blog/x"
    assert ref_target("https://example.com") is None


def test_dates_as_chinese_japanese_and_korean_write_them():
    from transcheck.checking.engine import check_texts
    from transcheck.values.dates import find_dates

    assert [d.normalised() for d in find_dates("2026年3月19日、プロジェクトは")] == ["2026-03-19"]
    assert [d.normalised() for d in find_dates("2026년 3월 19일")] == ["2026-03-19"]
    ja = "## お知らせ\n\n2026年3月19日、プロジェクトは変更をマージしました。\n"
    en = "## News\n\nOn March 19, 2026, the project merged the change.\n"
    assert [f.rule for f in check_texts(ja, en, "p.ja.md", "p.en.md") if f.rule in ("date-mismatch", "number-mismatch")] == []
    changed = en.replace("March 19", "March 20")
    assert "date-mismatch" in [f.rule for f in check_texts(ja, changed, "p.ja.md", "p.en.md")]


@pytest.mark.parametrize(
    "text, dates",
    [
        ("Andra februari kommer EU-kommissionen överens", ["????-02-02"]),
        ("Den andre februar blir kommisjonen enig", ["????-02-02"]),
        ("Den andra februari 2016 beslutade kommissionen", ["2016-02-02"]),
        ("the second of June", ["????-06-02"]),
        ("the second may be wrong", []),
        ("the first march of the army", []),
        ("Den andra gången i mars", []),
    ],
)
def test_days_written_as_ordinal_words(text, dates):
    from transcheck.values.dates import find_dates

    assert [d.normalised() for d in find_dates(text)] == dates


@pytest.mark.parametrize("a, b, equal", [
    ("https://www.jaegertracing.io/", "https://jaegertracing.io", True),  # www and the root's slash
    ("http://api.example.se/", "https://api.example.se/", True),  # moved to https: the same page
    ("https://www.example.com/docs/", "https://example.com/docs", True),
    ("https://example.com/", "https://example.org/", False),
    ("https://www.example.com/a", "https://example.com/b", False),
    ("https://www.com/", "https://com/", False),  # "www" is only dropped before a real domain
])
def test_equivalent_spellings_of_one_external_address(a, b, equal):
    from transcheck.values.links import LinkRules, same_target

    assert same_target(a, b, LinkRules()) is equal
