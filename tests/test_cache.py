"""The scan cache: an unchanged pair is not checked again; any change of file, settings or
code is a miss; the cache is atomic, bounded, ignored by git and never required."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from transcheck.site import scan as scan_module
from transcheck.site.cache import PairCache
from transcheck.cli import main

EN = "---\ntitle: About\n---\n## About us\n\n- One\n- Two\n\nCall +46 8 123 45 67.\n"
SV = "---\ntitle: Om\n---\n## Om oss\n\n- Ett\n\nRing 08-123 45 68.\n"
SITE = {
    "hugo.toml": 'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n'
                 '[languages.sv]\ncontentDir = "content/sv"\n',
    "content/en/a.md": EN, "content/sv/a.md": SV, "content/en/b.md": EN, "content/sv/b.md": SV,
}


@pytest.fixture
def site(tmp_path, monkeypatch):
    for name, text in SITE.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRANSCHECK_CACHE_DIR", raising=False)
    return tmp_path


@pytest.fixture
def checked(monkeypatch):
    """The translations actually checked (not taken from the cache)."""
    seen: list[str] = []
    real = scan_module.check_group_pairs

    def spy(source, language, translations, options):
        seen.extend(Path(path).name + "@" + Path(path).parent.name for path, _ in translations)
        return real(source, language, translations, options)

    monkeypatch.setattr(scan_module, "check_group_pairs", spy)
    return seen


def scan(*args):
    result = CliRunner().invoke(main, ["scan", "-j", "1", "--format", "json", *args])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_an_unchanged_site_is_not_checked_again(site, checked):
    first = scan()
    assert sorted(checked) == ["a.md@sv", "b.md@sv"]
    assert (site / ".transcheck_cache" / ".gitignore").read_text().strip().endswith("*")
    checked.clear()
    assert scan() == first  # byte for byte
    assert checked == []


def test_a_changed_file_is_checked_again_and_only_its_pair(site, checked):
    scan()
    checked.clear()
    (site / "content/sv/b.md").write_text(SV.replace("Ett", "Ett\n- Två"), encoding="utf-8")
    data = json.loads(scan())
    assert checked == ["b.md@sv"]
    assert sum(1 for f in data["findings"] if f["rule"] == "bullet-count") == 1  # a.md's, from the cache


def test_other_settings_are_another_cache(site, checked):
    scan()
    checked.clear()
    data = json.loads(scan("--select", "contact-mismatch"))
    assert sorted(checked) == ["a.md@sv", "b.md@sv"]
    assert {f["rule"] for f in data["findings"]} == {"contact-mismatch"}


def test_no_cache_and_cache_dir(site, checked, tmp_path_factory):
    scan("--no-cache")
    assert not (site / ".transcheck_cache").exists()
    elsewhere = tmp_path_factory.mktemp("cache")
    scan("--cache-dir", str(elsewhere))
    assert list(elsewhere.glob("*/*.json")) and not (site / ".transcheck_cache").exists()


def test_a_damaged_entry_is_a_miss_not_an_error(site, checked):
    first = scan()
    for entry in (site / ".transcheck_cache").glob("*/*.json"):
        entry.write_text("{not json", encoding="utf-8")
    checked.clear()
    assert scan() == first and len(checked) == 2


def test_an_unwritable_cache_still_scans(site, checked):
    (site / "blocked").write_text("a file where the cache's subfolders should go", encoding="utf-8")
    first = scan("--cache-dir", str(site / "blocked" / "cache"))
    assert json.loads(first)["findings"]


def test_the_cache_is_bounded(tmp_path):
    store = PairCache(tmp_path)
    for index in range(30):
        store.put(f"{index:064x}", {"files": [], "findings": []})
    store.prune(keep=10)
    assert len(list(tmp_path.glob("*/*.json"))) == 10


@pytest.mark.skipif(os.name != "posix", reason="file names of arbitrary bytes are POSIX's")
def test_a_file_name_that_is_not_utf8_is_cached_as_it_is(site):
    """A page named with bytes that are not UTF-8 gets its findings with the cache on, from
    the cache the second time, exactly as without it (not an internal error)."""
    for language, text in (("en", EN), ("sv", SV)):
        with open(os.fsencode(site / "content" / language) + b"/z\xff.md", "w", encoding="utf-8") as handle:
            handle.write(text)

    def findings(*extra: str) -> list[tuple[str, int, str]]:
        out = CliRunner().invoke(main, ["scan", "--format", "json", "-j", "1", *extra]).stdout
        return [(f["path"], f["line"], f["rule"]) for f in json.loads(out)["findings"]]

    uncached = findings("--no-cache")
    assert any("/z" in path and rule != "internal-error" for path, _, rule in uncached)
    assert findings() == uncached  # checked, and stored
    assert findings() == uncached  # from the cache
    assert all(rule != "internal-error" for _, _, rule in uncached)


def test_what_the_group_decides_is_the_same_for_pairs_from_the_cache(tmp_path, monkeypatch, checked):
    """A link only the uk page has, which de, fr and es lack too, is that page's own (info in
    the English page). A rerun after the uk page changed checks only its pair and takes the
    others from the cache: the group is weighed after the cache, alike."""
    languages = ("de", "fr", "es", "uk")
    config = 'defaultContentLanguage = "en"\n' + "".join(
        f'[languages.{code}]\ncontentDir = "content/{code}"\n' for code in ("en", *languages))
    texts = {
        "en": "## Help\n\nThis page is not translated yet.\n",
        "de": "## Hilfe\n\nDiese Seite ist noch nicht übersetzt.\n",
        "fr": "## Aide\n\nCette page n'est pas encore traduite.\n",
        "es": "## Ayuda\n\nEsta página aún no está traducida.\n",
        "uk": "## Допомога\n\nЦя сторінка ще не перекладена.\n\nPS. Дзеркало: [сайт](https://mirror.example.org/uk/).\n",
    }
    (tmp_path / "hugo.toml").write_text(config, encoding="utf-8")
    for code, text in texts.items():
        (tmp_path / "content" / code).mkdir(parents=True)
        (tmp_path / "content" / code / "help.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRANSCHECK_CACHE_DIR", raising=False)

    def uk_link() -> list[str]:
        result = CliRunner().invoke(main, ["scan", "-j", "1", "--format", "json"])
        data = json.loads(result.stdout)
        return [f["severity"] for f in data["findings"] if f["rule"] == "link-mismatch" and "mirror" in f["message"]]

    assert uk_link() == ["info"]
    checked.clear()
    (tmp_path / "content/uk/help.md").write_text(texts["uk"] + "\nДякуємо.\n", encoding="utf-8")
    assert uk_link() == ["info"]  # the uk pair checked alone, the others from the cache
    assert checked == ["help.md@uk"]


def test_a_cached_pair_keeps_whether_its_translation_follows_the_source() -> None:
    """The group weighing reads it: a pair read back from the cache must weigh as a fresh one."""
    from transcheck.checking.engine import FileInfo, PairResult
    from transcheck.site.scan import _result_from, _result_to

    result = PairResult([FileInfo("uk.md", "uk", "site", "", follows_source=True), FileInfo("en.md", "en", "site", "")], [], False)
    back = _result_from(_result_to(result))
    assert back is not None and [f.follows_source for f in back.files] == [True, False]
