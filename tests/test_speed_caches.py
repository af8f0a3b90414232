"""What is remembered for speed (issue 15) gives the same answers as computing afresh."""

from __future__ import annotations

from transcheck.sentences import split_sentences


def test_remembered_sentences_are_a_fresh_list_each_time() -> None:
    text = "Vi driver Ceph. Vi har 40 kunder! Är det bra?"
    first = split_sentences(text, "sv")
    first.pop()
    again = split_sentences(text, "sv")
    assert [s.text for s in again] == ["Vi driver Ceph.", "Vi har 40 kunder!", "Är det bra?"]
    assert again is not first
