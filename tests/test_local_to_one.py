"""What the source is told it lacks because one translation alone has it: when three or more
other translations lack it too, it is that translation's own (information), not the source's."""

from pathlib import Path

import pytest

from transcheck.checking.engine import PairResult, Settings, check_group

SOURCE = "## Help\n\nThis page is not translated yet. Read the English version.\n"
PLAIN = {
    "de": "## Hilfe\n\nDiese Seite ist noch nicht übersetzt. Lies die englische Fassung.\n",
    "fr": "## Aide\n\nCette page n'est pas encore traduite. Lisez la version anglaise.\n",
    "es": "## Ayuda\n\nEsta página aún no está traducida. Lee la versión en inglés.\n",
}
# a note for its own readers: a link to a community mirror
LOCAL = ("## Допомога\n\nЦя сторінка ще не перекладена. Читайте англійську версію.\n\n"
         "PS. Неофіційний переклад є на [сайті спільноти](https://mirror.example.org/uk/).\n")


def _checked(tmp_path: Path, versions: dict[str, str], source_text: str = SOURCE) -> list[PairResult]:
    """The group's pair results: the source en.md and each translation LANG.md."""
    source = tmp_path / "en.md"
    source.write_text(source_text, encoding="utf-8")
    translations = []
    for language, text in versions.items():
        path = tmp_path / f"{language}.md"
        path.write_text(text, encoding="utf-8")
        translations.append((str(path), language))
    return check_group(str(source), "en", translations, Settings())


def _group(tmp_path: Path, versions: dict[str, str]) -> dict[str, list[tuple[str, str, str]]]:
    source = tmp_path / "en.md"
    results = _checked(tmp_path, versions)
    return {Path(r.files[0].path).stem: [(f.rule, f.severity.label, f.message) for f in r.findings
                                         if f.path == str(source) and f.rule == "link-mismatch"] for r in results}


def test_a_link_only_one_translation_has_while_three_others_lack_it_is_information(tmp_path: Path) -> None:
    found = _group(tmp_path, {**PLAIN, "uk": LOCAL})
    assert [(rule, severity) for rule, severity, _ in found["uk"]] == [("link-mismatch", "info")]
    assert found["uk"][0][2].endswith("(only the uk version has it; the 3 other translations lack it too: "
                                      "local to that version, or left over there)")


def test_a_link_two_translations_have_or_with_too_few_others_stays_an_error(tmp_path: Path) -> None:
    # two translations have it: the source likely lost it
    shared = {**PLAIN, "uk": LOCAL, "es": PLAIN["es"] + "\nMás en [la réplica](https://mirror.example.org/uk/).\n"}
    found = _group(tmp_path, shared)
    assert [severity for _, severity, _ in found["uk"]] == ["error"]
    assert [severity for _, severity, _ in found["es"]] == ["error"]
    # only two others to compare with: not enough to call it local
    few = {"de": PLAIN["de"], "fr": PLAIN["fr"], "uk": LOCAL}
    assert [severity for _, severity, _ in _group(tmp_path, few)["uk"]] == ["error"]


LOCAL_NUMBERED = LOCAL.replace("(https://mirror.example.org/uk/).", "(https://mirror.example.org/uk/), built from [PR #4321](https://git.example.org/pull/4321).")


def _translation_numbers(tmp_path: Path, versions: dict[str, str]) -> list[tuple[str, str]]:
    uk = next(r for r in _checked(tmp_path, versions) if Path(r.files[0].path).stem == "uk")
    return [(f.severity.label, f.message) for f in uk.findings if f.rule == "number-mismatch"]


def test_the_numbers_of_content_local_to_one_translation_are_information_there_too(tmp_path: Path) -> None:
    found = _translation_numbers(tmp_path, {**PLAIN, "uk": LOCAL_NUMBERED})
    assert [severity for severity, _ in found] == ["info"]
    assert found[0][1].endswith("local to that version, or left over there)")
    # with too few others to call the content local, the number stays what it was
    few = {"de": PLAIN["de"], "fr": PLAIN["fr"], "uk": LOCAL_NUMBERED}
    assert [severity for severity, _ in _translation_numbers(tmp_path, few)] == ["error"]


def test_a_number_changed_beside_local_content_stays_an_error(tmp_path: Path) -> None:
    # the source says 3 days; the uk version says 5 in the paragraph before its local note
    source_text = "## Help\n\nThis page is not translated yet. Read the English version within 3 days.\n"
    versions = {language: text.replace(".\n", " (3).\n", 1) for language, text in PLAIN.items()}
    versions["uk"] = LOCAL_NUMBERED.replace("англійську версію.", "англійську версію (5).")
    uk = next(r for r in _checked(tmp_path, versions, source_text) if Path(r.files[0].path).stem == "uk")
    changed = [f.severity.label for f in uk.findings if f.rule == "number-mismatch" and '"5"' in f.message]
    assert changed and "info" not in changed


def test_a_finding_that_also_names_a_number_away_from_the_local_content_stays(tmp_path: Path) -> None:
    # "PR #4321" in the local note and an unrelated "500" further down: one finding, kept
    uk = LOCAL_NUMBERED + "\nМи відповідаємо протягом 500 хвилин.\n"
    assert [severity for severity, _ in _translation_numbers(tmp_path, {**PLAIN, "uk": uk})] == ["error"]


def _key_findings(tmp_path: Path, versions: dict[str, str], source_text: str) -> dict[str, list[tuple[str, str]]]:
    source = str(tmp_path / "en.md")
    return {Path(r.files[0].path).stem: [(f.severity.label, f.message) for f in r.findings
                                         if f.path == source and f.rule == "frontmatter-missing-key"]
            for r in _checked(tmp_path, versions, source_text)}


def test_a_front_matter_key_one_of_two_translations_alone_has_is_information(tmp_path: Path) -> None:
    source = "---\ntitle: Government\n---\n" + SOURCE
    versions = {"sv": "---\ntitle: Offentlig sektor\n---\n" + PLAIN["de"],
                "nb": '---\ntitle: Offentlig sektor\nsection: "Acme"\n---\n' + PLAIN["fr"]}
    found = _key_findings(tmp_path, versions, source)
    assert [severity for severity, _ in found["nb"]] == ["info"]
    assert found["nb"][0][1].endswith("(only the nb version has it; the other translation lacks it too: "
                                      "local to that version, or left over there)")
    # both translations have it: the source likely lacks it
    versions["sv"] = versions["sv"].replace("title: Offentlig sektor\n", 'title: Offentlig sektor\nsection: "Acme"\n')
    found = _key_findings(tmp_path, versions, source)
    assert [severity for severity, _ in found["nb"]] == ["warning"] and [s for s, _ in found["sv"]] == ["warning"]


RULING = {
    "en": "## The ruling\n\nThe court held this in paragraph 82 of the judgment, and it applies to every transfer.\n",
    "sv": "## Domen\n\nDomstolen slog fast detta i punkt 92 i domen, och det gäller varje överföring.\n",
    "nb": "## Dommen\n\nDomstolen slo fast dette i avsnitt 92 i dommen, og det gjelder hver overføring.\n",
}


def _numbers(tmp_path: Path, versions: dict[str, str]) -> list[tuple[str, int, str, str, list[str]]]:
    results = _checked(tmp_path, {k: v for k, v in versions.items() if k != "en"}, versions["en"])
    return sorted((Path(f.path).name, f.line, f.severity.label, f.message, sorted(Path(r.path).name for r in f.related))
                  for r in results for f in r.findings if f.rule == "number-mismatch")


def test_a_number_every_translation_changes_alike_is_told_in_the_source(tmp_path: Path) -> None:
    found = _numbers(tmp_path, RULING)
    assert [(name, line, severity, related) for name, line, severity, _, related in found] == [
        ("en.md", 3, "error", ["nb.md", "sv.md"])]
    assert found[0][3].startswith('"82" here, where 2 translations agree on "92" instead (')
    assert found[0][3].endswith("likely this version is the one to fix")


def test_a_number_one_translation_alone_changes_stays_in_that_translation(tmp_path: Path) -> None:
    versions = {**RULING, "nb": RULING["nb"].replace("92", "82")}
    found = _numbers(tmp_path, versions)
    assert [(name, severity) for name, _, severity, _, _ in found] == [("sv.md", "error")]
    # two translations with different numbers: no agreement, each is told in its own file
    versions = {**RULING, "nb": RULING["nb"].replace("92", "93")}
    assert [name for name, *_ in _numbers(tmp_path, versions)] == ["nb.md", "sv.md"]


def test_translations_that_follow_their_source_and_agree_are_behind_it_alike(tmp_path: Path) -> None:
    # they record the source commit they follow: the source leads, its new number is right
    marked = {k: (v if k == "en" else "---\ntitle: T\ndefault_lang_commit: 1a2b3c4\n---\n" + v) for k, v in RULING.items()}
    found = _numbers(tmp_path, marked)
    assert sorted(name for name, *_ in found) == ["nb.md", "sv.md"]


def test_a_key_one_translation_alone_has_is_information_when_the_other_lacks_other_keys(tmp_path: Path) -> None:
    """Every missing key is told at the source's closing ---: the sv pair telling the source
    it lacks "metatitle" does not make "section", which only nb has, a key sv has too."""
    source = "---\ntitle: Government\n---\n" + SOURCE
    versions = {"sv": '---\ntitle: Offentlig sektor\nmetatitle: "Offentlig sektor i molnet"\n---\n' + PLAIN["de"],
                "nb": '---\ntitle: Offentlig sektor\nsection: "Acme"\n---\n' + PLAIN["fr"]}
    found = _key_findings(tmp_path, versions, source)
    assert [(severity, "'section'" in message) for severity, message in found["nb"]] == [("info", True)]
    # the key only sv has stays the source's to weigh: nb lacks it too, so it is sv's own
    assert [(severity, "'metatitle'" in message) for severity, message in found["sv"]] == [("info", True)]
    # three keys only sv has, told together: "them"
    three = versions["sv"].replace("metatitle:", "cardtitle: Molnet\ncardtext: Text\nmetatitle:")
    found = _key_findings(tmp_path, {**versions, "sv": three}, source)
    assert [message.endswith("(only the sv version has them; the other translation lacks them too: local to that version, "
                             "or left over there)") for _, message in found["sv"]] == [True]
    # sv has "section" as well: both translations have it, the source likely lacks it
    versions["sv"] = versions["sv"].replace("metatitle:", 'section: "Acme"\nmetatitle:')
    found = _key_findings(tmp_path, versions, source)
    assert [severity for severity, _ in found["nb"]] == ["warning"]


@pytest.mark.parametrize("sv_key, nb_key", [
    ("metaTitle: Hjälp i molnet", "metatitle: Hjelp i skyen"),  # Hugo reads keys without case
    ("lang: sv", "language: nb"),  # two language keys: both versions declare a language
    ('tags: ["Svenska"]', 'tags: ["cloud"]'),  # one told as its own language's name, one as a key
])
def test_a_key_both_translations_have_under_two_spellings_stays_a_warning(tmp_path: Path, sv_key: str, nb_key: str) -> None:
    source = "---\ntitle: Government\n---\n" + SOURCE
    versions = {"sv": f"---\ntitle: Offentlig sektor\n{sv_key}\n---\n" + PLAIN["de"],
                "nb": f"---\ntitle: Offentlig sektor\n{nb_key}\n---\n" + PLAIN["fr"]}
    found = _key_findings(tmp_path, versions, source)
    assert "warning" in [severity for severity, _ in found["nb"]]
    assert not any("lacks it too" in message for language in found for _, message in found[language])


def test_what_one_of_two_translations_that_follow_the_source_alone_has_is_its_own(tmp_path: Path) -> None:
    """Translations that record the source commit they follow: the source leads, so a link
    only the uk version has, which the de version lacks too, is uk's own. Between peers
    (no record) one other translation is too few to tell."""
    follows = "---\ndefault_lang_commit: 0123abc\n---\n"
    found = _group(tmp_path, {"de": follows + PLAIN["de"], "uk": follows + LOCAL})
    assert [(rule, severity) for rule, severity, _ in found["uk"]] == [("link-mismatch", "info")]
    found = _group(tmp_path, {"de": PLAIN["de"], "uk": LOCAL})
    assert [(rule, severity) for rule, severity, _ in found["uk"]] == [("link-mismatch", "error")]


def test_a_misspelt_key_in_the_source_stays_the_source_s_warning(tmp_path: Path) -> None:
    """"descriptions:" in the source: its own typo, told in it, never "only the sv version
    has it"; and the nb version, which has "description", is not asked to copy it."""
    source = '---\ntitle: Government\ndescriptions: "Cloud for the public sector"\n---\n' + SOURCE
    versions = {"sv": "---\ntitle: Offentlig sektor\n---\n" + PLAIN["de"],
                "nb": '---\ntitle: Offentlig sektor\ndescription: "Sky for det offentlige"\n---\n' + PLAIN["fr"]}
    results = _checked(tmp_path, versions, source)
    told = [(Path(f.path).name, f.severity.label, f.message) for r in results for f in r.findings if "descriptions" in f.message]
    assert told and all(name == "en.md" and severity == "warning" and "lacks it too" not in message
                        for name, severity, message in told)
