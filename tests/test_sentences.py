"""Sentence splitting and the monotonic sentence aligner (transcheck.align.sentences)."""

import pytest

from transcheck.align.sentences import (
    Bead, LengthModel, align_sentences, calibrated, cognates, evidence, length_model, split_sentences,
)
from transcheck.wording import quote


def texts(text: str, language: str | None = None) -> list[str]:
    return [s.text for s in split_sentences(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vi använder t.ex. Ceph. Det går bra.", ["Vi använder t.ex. Ceph.", "Det går bra."]),
        ("Vi har bl.a. Oslo och dvs. Bergen. Sedan mer.", ["Vi har bl.a. Oslo och dvs. Bergen.", "Sedan mer."]),
        ("Use e.g. Kubernetes or i.e. Nomad. Then stop.", ["Use e.g. Kubernetes or i.e. Nomad.", "Then stop."]),
        ("Ask Dr. Berg. She knows.", ["Ask Dr. Berg.", "She knows."]),
        ("Vi bruker f.eks. Ceph. Det virker.", ["Vi bruker f.eks. Ceph.", "Det virker."]),
        ("Version 3.5 is out. It costs 3,5 kr. Done.", ["Version 3.5 is out.", "It costs 3,5 kr.", "Done."]),
        ("See https://example.org/a.b. Then go.", ["See https://example.org/a.b.", "Then go."]),
        ("We build servers, disks etc. Then we test.", ["We build servers, disks etc.", "Then we test."]),
        ("Wait... Then go.", ["Wait...", "Then go."]),
        ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
        ("J. Smith came. He left.", ["J. Smith came.", "He left."]),
        ("Se nr. 5 i listan. Klart.", ["Se nr. 5 i listan.", "Klart."]),
        ('He said "Go." Then he left.', ['He said "Go."', "Then he left."]),
        ("Det kostar 100 kr. nu och sedan mer.", ["Det kostar 100 kr. nu och sedan mer."]),  # lower case follows
        ("1. Install it.\n2. Run it.", ["1. Install it.", "2. Run it."]),
        ("Det finns tjenester.7 I Frankrike er det.", ["Det finns tjenester.7", "I Frankrike er det."]),  # footnote
        ("Version 2.1 Release is out.", ["Version 2.1 Release is out."]),
        ("", []),
        ("   \n ", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert texts(text, "sv") == expected


def test_line_offsets_count_newlines_before_each_sentence() -> None:
    sentences = split_sentences("First line goes on\nand ends here. Second\nstarts. Third.")
    assert [(s.text, s.line_offset) for s in sentences] == [
        ("First line goes on and ends here.", 0),
        ("Second starts.", 1),
        ("Third.", 2),
    ]


def test_whitespace_is_collapsed_and_offsets_point_into_the_text() -> None:
    text = "  Hej   där.   Nästa  mening."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Hej där.", "Nästa mening."]
    assert text[sentences[1].start :].startswith("Nästa")


def test_length_model_is_calibrated_for_the_nordic_pairs_and_symmetric() -> None:
    assert calibrated("sv", "en") and calibrated("nb", "sv") and calibrated("en", "no")
    assert not calibrated("fr", "en")
    forward, backward = length_model("sv", "en"), length_model("en", "sv")
    assert forward.ratio == pytest.approx(1 / backward.ratio)
    assert length_model("fr", "de") == LengthModel()


def test_delta_sign_and_scale() -> None:
    model = LengthModel(1.0, 4.0)
    assert model.delta(100, 100) == 0
    assert model.delta(100, 50) < -2.5 < model.delta(100, 90) < 0
    assert model.delta(0, 0) == 0


def model() -> LengthModel:
    return length_model("sv", "en")


def test_one_to_one() -> None:
    a = split_sentences("Vi bygger moln i Stockholm. Teamet är litet men erfaret. Välkommen!")
    b = split_sentences("We build clouds in Stockholm. The team is small but experienced. Welcome!")
    assert align_sentences(a, b, model()) == [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), (2,))]


def test_two_sentences_merged_into_one_are_a_2_1_bead() -> None:
    a = split_sentences("Vi driver ett moln i Stockholm och Oslo. Det bygger på Ceph och OpenStack. Välkommen hit!")
    b = split_sentences("We run a cloud in Stockholm and Oslo, built on Ceph and OpenStack. Welcome here!")
    assert align_sentences(a, b, model()) == [Bead((0, 1), (0,)), Bead((2,), (1,))]


def test_a_dropped_sentence_is_a_1_0_bead_where_the_anchors_say() -> None:
    a = split_sentences(
        "Vi driver ett moln i Stockholm. Plattformen bygger på Ceph och OpenStack. Varje dag hjälper vi forskare."
    )
    b = split_sentences("We run a cloud in Stockholm. Every day we help researchers.")
    assert align_sentences(a, b, model()) == [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), (1,))]


def test_a_lone_sentence_on_each_side_at_one_place_is_one_pair() -> None:
    a = split_sentences("Kort.")
    b = split_sentences("This one sentence is very much longer than the other one is.")
    assert align_sentences(a, b, model()) == [Bead((0,), (0,))]


def test_empty_sides() -> None:
    one = split_sentences("En mening här.")
    assert align_sentences([], [], model()) == []
    assert align_sentences(one, [], model()) == [Bead((0,), ())]
    assert align_sentences([], one, model()) == [Bead((), (0,))]


def test_cognates_fold_spelling_and_skip_function_words() -> None:
    assert "appli" in cognates("Native-applikation") & cognates("Native application")
    assert "dokum" in cognates("dokumentation") & cognates("documentation")
    assert not cognates("eller också detta")
    assert evidence("Vi kör Ceph 3 gånger", "We run Ceph 3 times") >= 2


def test_quote_for_messages() -> None:
    assert quote("a  b") == '"a b"'
    long = quote("x" * 100)
    assert len(long) == 62 and long.endswith('…"')


def test_alignment_of_many_sentences_stays_fast() -> None:
    """60 × 60 sentences (the cap per unit): well under a second; a guard against a blow-up."""
    import time

    a = split_sentences(" ".join(f"Mening nummer {i} handlar om sak {i}." for i in range(60)))
    b = split_sentences(" ".join(f"Sentence number {i} is about thing {i}." for i in range(60)))
    start = time.perf_counter()
    beads = align_sentences(a, b, model())
    assert time.perf_counter() - start < 10  # generous: must not hang
    assert beads == [Bead((i,), (i,)) for i in range(60)]


def test_splitting_a_huge_paragraph_is_linear() -> None:
    """50,000 short sentences (and as many newlines): a few seconds at most, never minutes."""
    import time

    text = "\n".join(f"Mening {i} slutar här." for i in range(50_000))
    start = time.perf_counter()
    sentences = split_sentences(text)
    assert time.perf_counter() - start < 20  # generous: must not hang
    assert len(sentences) == 50_000 and sentences[-1].line_offset == 49_999


def test_fold_writes_loan_words_alike() -> None:
    from transcheck.align.sentences import fold

    assert fold("sverige")[:3] == fold("sweden")[:3] == "sve"
    assert fold("kärnfrågor") == "karnfragor" and fold("cloud") == "kloud"
