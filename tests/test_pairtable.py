"""The scan's compact pair table answers as the list and dict it replaces."""

from __future__ import annotations

import random

import pytest

from transcheck.site.pairtable import PairTable


def _reference(rows: list[tuple[str, str, str, str]]) -> tuple[list[tuple[str, str]], dict[str, str]]:
    languages: dict[str, str] = {}
    for translation, translation_language, source, source_language in rows:
        languages[translation] = translation_language
        languages[source] = source_language
    return [(t, s) for t, _, s, _ in rows], languages


def _random_rows(seed: int) -> list[tuple[str, str, str, str]]:
    rng = random.Random(seed)
    parts = ["content", "sv", "en", "blogg", "tjänster", "日本", "a b", "x\udcff", "_index.md", "page.md", "ö"]
    rows = []
    for _ in range(rng.randint(1, 60)):
        source = "/site/" + "/".join(rng.choice(parts) for _ in range(rng.randint(1, 4)))
        for language in rng.sample(["sv", "nb", "de", "ja"], rng.randint(1, 3)):
            rows.append((f"{source}.{language}", language, source, "en"))
    return rows


@pytest.mark.parametrize("seed", range(40))
def test_answers_as_a_list_and_a_dict(seed: int) -> None:
    rows = _random_rows(seed)
    pairs, languages = _reference(rows)
    table = PairTable(rows)
    assert list(table) == pairs
    assert [table[i] for i in range(len(table))] == pairs
    assert table[-1] == pairs[-1] and table[1:3] == pairs[1:3]
    assert len(table) == len(pairs)
    assert dict(table.languages) == languages
    assert list(table.languages) == sorted(languages)
    assert list(table.files) == sorted(languages.items())
    assert len(table.files) == len(table.languages) == len(languages)
    for path, language in languages.items():
        assert path in table.languages and table.languages[path] == language
        assert (path, language) in table.files and (path, language + "x") not in table.files


def test_unknown_paths_are_not_found() -> None:
    table = PairTable([("/s/a.sv.md", "sv", "/s/a.md", "en")])
    for absent in ("/s/a", "/s/a.sv.mdx", "/s/", "/t/a.md", "", "/s/a.mc", "/s/b.md"):
        assert absent not in table.languages
        assert table.languages.get(absent) is None
    with pytest.raises(KeyError):
        table.languages["/s/zz.md"]
    with pytest.raises(IndexError):
        table[1]


def test_a_path_paired_in_two_languages_keeps_the_later() -> None:
    table = PairTable([("/s/a.md", "sv", "/s/b.md", "en"), ("/s/c.md", "de", "/s/a.md", "en")])
    assert table.languages["/s/a.md"] == "en"
    assert list(table.indexes()) == [(0, 1), (2, 0)]


def test_empty() -> None:
    table = PairTable([])
    assert list(table) == [] and len(table) == 0
    assert dict(table.languages) == {} and list(table.files) == []
    assert "/x" not in table.languages

