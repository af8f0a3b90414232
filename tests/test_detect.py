"""The language detector's shortcuts agree with langdetect itself."""

from __future__ import annotations

from collections import Counter

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.languages.detect import _factory, candidates_for, detect, favours, judge, log_likelihoods, ngrams

CANDIDATES = candidates_for("sv", "en")
# Letters of the candidate languages, capitals, punctuation, digits, spaces, a combining
# mark, CJK, kana, Vietnamese letters and typographic quotes: every branch of langdetect's
# normalisation and of its all-capitals rule.
ALPHABET = "abcxyzABCXYZåäöÅÄÖæøÆØéÉ .,-!?1234\n\t'’–\u0301\u4e00\u3042Ạ\u2003"


def langdetect_ngrams(text: str) -> list[str]:
    detector = _factory(CANDIDATES).create()
    detector.append(text)
    detector.cleaning_text()
    return detector._extract_ngrams()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.sampled_from(["", " https://example.org/x", " a.b@example.se"]))
def test_ngrams_are_exactly_langdetects(text: str, tail: str) -> None:
    known = _factory(CANDIDATES).word_lang_prob_map
    assert Counter(g for g in ngrams(text + tail) if g in known) == Counter(langdetect_ngrams(text + tail))


def test_capitals_and_urls_are_left_out_as_langdetect_does() -> None:
    assert ngrams("ABC") == ["A", " A"]  # after the first capital, a word in capitals is skipped
    assert sorted(ngrams("Abc")) == sorted(["A", " A", "b", "Ab", " Ab", "c", "bc", "Abc"])
    assert not any("example" in g for g in ngrams("see https://example.org/page"))


SWEDISH = "Vi söker en erfaren utvecklare som vill arbeta med molntjänster och öppen källkod i Stockholm."
ENGLISH = "We are looking for an experienced developer who wants to work with cloud services and open source."


def test_exact_model_favours_the_language_the_text_is_in() -> None:
    assert favours(SWEDISH, {"sv"}, CANDIDATES)
    assert favours(ENGLISH, {"en"}, CANDIDATES)
    assert not favours(ENGLISH, {"sv"}, CANDIDATES)
    assert not favours(ENGLISH, {"da", "no"}, CANDIDATES)
    scores = dict(log_likelihoods(SWEDISH, CANDIDATES))
    assert set(scores) == set(CANDIDATES)


def test_judge_still_reports_text_in_another_language() -> None:
    # the shortcuts only ever clear a text; the verdict on English in a Swedish page stands
    found = judge(ENGLISH, "sv", CANDIDATES, threshold=0.95)
    assert found is not None and found[0] == "en"
    assert judge(SWEDISH, "sv", CANDIDATES, threshold=0.95) is None
    assert detect(ENGLISH, CANDIDATES)["en"] > 0.95


def test_nothing_to_read_gives_no_scores() -> None:
    assert log_likelihoods("1234 !!", CANDIDATES) == ()


def test_chinese_text_is_chinese():
    from transcheck.languages.detect import candidates_for, judge

    text = "在安装完扩展后，你需要安装软件开发工具包和一个或多个插桩库。这些库会自动收集链路数据。"
    assert judge(text, "zh", candidates_for("zh", "en")) is None
    assert judge("This text is written in English, the language of the source page.", "zh", candidates_for("zh", "en")) is not None


@pytest.mark.parametrize("expected", ["zh", "ja"])
def test_chinese_and_japanese_are_told_by_their_script(expected):
    mixed = "在安装完扩展后，你需要安装 OpenTelemetry SDK 和一个或多个插桩库。SdkTracerProvider 是 TracerProvider 的实现。"
    if expected == "ja":
        mixed = "拡張機能をインストールした後、OpenTelemetry SDK と計装ライブラリをインストールする必要があります。"
    assert judge(mixed, expected, candidates_for(expected, "en")) is None
    english = "This paragraph was left in English, the language of the source page, and never translated."
    found = judge(english, expected, candidates_for(expected, "en"))
    assert found is not None and found[0] == "en"


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80) | st.text(alphabet=ALPHABET, max_size=80))
def test_letters_counts_what_isalpha_counts(text: str) -> None:
    from transcheck.scripts import letters

    assert letters(text) == sum(map(str.isalpha, text))


# Swedish sentences whose function words Norwegian and Danish share as often ("som", "av",
# "en", "det", "så"): the screen ties, the letters ä and ö tell
TIED_SWEDISH = [
    "Du blir en del av oss i IaaS Team som består av fem skickliga ingenjörer, ledda av Anna Berg.",
    "Klicka på knappen, skicka in det du har, så tar vi det därifrån.",
]


@pytest.mark.parametrize("text", TIED_SWEDISH)
def test_swedish_spelling_settles_a_tie_with_its_neighbours_without_langdetect(text, monkeypatch) -> None:
    import transcheck.languages.detect as detect_module
    from transcheck.languages.detect import screen

    counts = screen(text)
    assert counts["sv"] <= max(counts["no"], counts["da"])  # a tie the function words cannot break
    assert favours(text, {"sv"}, CANDIDATES)  # langdetect's model agrees it is Swedish

    def refused(*args: object, **kwargs: object) -> object:
        raise AssertionError("langdetect was asked")

    monkeypatch.setattr(detect_module, "favours", refused)
    monkeypatch.setattr(detect_module, "detect", refused)
    judge.cache_clear()
    assert judge(text, "sv", CANDIDATES, threshold=0.95) is None
    judge.cache_clear()


@pytest.mark.parametrize("norwegian", [
    "Offentlig sektor i Norge har sannsynligvis flere tusen ansatte som jobber med IKT-tjenester, "
    "og mange av dem bruker skytjenester fra store leverandører hver eneste dag.",
    # tied function words, no æ/ø, and the only ö in a name: langdetect decides, as before
    "Prosjektet ble ledet av Anna Jönsson, som har jobbet med skytjenester i mange år "
    "hos flere store selskaper i Norden.",
])
def test_norwegian_in_a_swedish_page_is_still_told_whatever_names_it_holds(norwegian: str) -> None:
    judge.cache_clear()
    found = judge(norwegian, "sv", CANDIDATES, threshold=0.95)
    assert found is not None and found[0] in ("no", "da")
