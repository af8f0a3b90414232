"""What the source is told it lacks because one translation alone has it: when three or more
other translations lack it too, it is that translation's own (information), not the source's."""

from pathlib import Path

from transcheck.checking.engine import Settings, check_group

SOURCE = "## Help\n\nThis page is not translated yet. Read the English version.\n"
PLAIN = {
    "de": "## Hilfe\n\nDiese Seite ist noch nicht übersetzt. Lies die englische Fassung.\n",
    "fr": "## Aide\n\nCette page n'est pas encore traduite. Lisez la version anglaise.\n",
    "es": "## Ayuda\n\nEsta página aún no está traducida. Lee la versión en inglés.\n",
}
# a note for its own readers: a link to a community mirror
LOCAL = ("## Допомога\n\nЦя сторінка ще не перекладена. Читайте англійську версію.\n\n"
         "PS. Неофіційний переклад є на [сайті спільноти](https://mirror.example.org/uk/).\n")


def _group(tmp_path: Path, versions: dict[str, str]) -> dict[str, list[tuple[str, str, str]]]:
    source = tmp_path / "en.md"
    source.write_text(SOURCE, encoding="utf-8")
    translations = []
    for language, text in versions.items():
        path = tmp_path / f"{language}.md"
        path.write_text(text, encoding="utf-8")
        translations.append((str(path), language))
    results = check_group(str(source), "en", translations, Settings())
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
