"""Finding the site and its pairs as a new user runs transcheck: the big real layouts (Hugo's
config folder, sites-matrix mounts with fallbacks, Zola), a site below a repository root, one
page or one folder given, and every way of finding nothing said out loud."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from transcheck.cli import main
from transcheck.site.config import Config
from transcheck.site.layout import plan_pairs
from conftest import CORPUS, needs_corpus, write

EN = "---\ntitle: About\n---\n## About us\n\n- One\n- Two\n"
SV = "---\ntitle: Om\n---\n## Om oss\n\n- Ett\n- Två\n"
SV_SHORT = "---\ntitle: Om\n---\n## Om oss\n\n- Ett\n"
JA = "---\ntitle: 概要\ndefault_lang_commit: 0123abc\n---\n## 私たちについて\n\n- 一\n- 二\n"




def names(plan, root):
    return sorted((Path(a.path).relative_to(root).as_posix(), Path(b.path).relative_to(root).as_posix()) for a, b in plan.pairs)


def run(*args):
    return CliRunner().invoke(main, list(args))


MATRIX_SITE = {
    "config/_default/hugo.yaml": "baseURL: https://x.example\ndefaultContentLanguage: en\n"
                                 "languages:\n  en: {languageName: English}\n  ja: {languageName: 日本語}\n"
                                 "  fr: {languageName: Français}\n",
    "config/_default/module-template.yaml": (
        "mounts:\n"
        "  - source: content/en\n    target: content\n"
        "  - source: content/ja\n    target: content\n    sites: &ja\n      matrix: { languages: [ja] }\n"
        "  - source: content/en/docs\n    target: content/docs\n    sites: *ja\n"
        "  - source: content/fr\n    target: content\n    sites:\n      matrix: { languages: [fr] }\n"
    ),
    "content/en/docs/a.md": EN, "content/en/docs/b.md": EN, "content/en/blog/p.md": EN,
    "content/ja/docs/a.md": JA,
    "content/fr/docs/a.md": SV,
    "README.md": "# the repository\n", "layouts/partials/x.md": "not a page\n",
}


def test_config_folder_sites_matrix_and_fallbacks(tmp_path):
    write(tmp_path, MATRIX_SITE)
    plan = plan_pairs([tmp_path], Config())
    assert plan.layout.languages == ["en", "ja", "fr"] and plan.layout.default_language == "en"
    assert names(plan, tmp_path) == [("content/fr/docs/a.md", "content/en/docs/a.md"),
                                     ("content/ja/docs/a.md", "content/en/docs/a.md")]
    assert all(a.path != b.path for a, b in plan.pairs)  # a fallback never pairs a page with itself
    # ja shows content/en/docs through a fallback mount: b.md is not missing in ja, only in fr;
    # no language translates the blog, so p.md is missing nowhere; README/layouts are not pages
    assert [(Path(o[0].path).relative_to(tmp_path).as_posix(), o[1]) for o in plan.orphans] == [("content/en/docs/b.md", ["fr"])]


def test_languages_without_content_dir_use_content_lang_folders(tmp_path):
    write(tmp_path, {
        "hugo.yaml": "defaultContentLanguage: sv\nlanguages:\n  sv: {}\n  en: {}\n  no: {}\n",
        "content/sv/a.md": SV, "content/en/a.md": EN, "content/no/a.md": SV,
    })
    plan = plan_pairs([tmp_path], Config())
    assert plan.layout.languages == ["sv", "en", "no"]  # YAML's `no:` is Norwegian, not false
    assert names(plan, tmp_path) == [("content/en/a.md", "content/sv/a.md"), ("content/no/a.md", "content/sv/a.md")]


@pytest.mark.parametrize("default, other", [("en", "sv"), ("sv", "en")])
def test_zola_pairs_against_its_default_language(tmp_path, default, other):
    # Zola: page.md is in default_language; page.LANG.md (BCP 47 subtags too) are translations
    write(tmp_path, {
        "config.toml": f'base_url = "https://x.example"\ndefault_language = "{default}"\n'
                       f'[languages.{other}]\n[languages.zh-Hans]\n[languages.pt-BR]\n',
        "content/page.md": EN, f"content/page.{other}.md": SV, "content/page.zh-Hans.md": EN,
        "content/page.pt-BR.md": EN, "content/af/page.md": EN,
    })
    plan = plan_pairs([tmp_path], Config())
    assert plan.layout.kind == "zola" and plan.layout.default_language == default
    assert names(plan, tmp_path) == sorted([
        ("content/page.pt-BR.md", "content/page.md"), (f"content/page.{other}.md", "content/page.md"),
        ("content/page.zh-Hans.md", "content/page.md"),
    ])
    assert {b.language for _, b in plan.pairs} == {default}
    languages = {Path(a.path).name: a.language for a, _ in plan.pairs}
    assert languages["page.zh-Hans.md"] == "zh-Hans" and languages["page.pt-BR.md"] == "pt-BR"


def test_site_in_a_subfolder_of_the_repository(tmp_path, monkeypatch):
    write(tmp_path, {
        "website/hugo.toml": 'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n'
                             '[languages.sv]\ncontentDir = "content/sv"\n',
        "website/content/en/a.md": EN, "website/content/sv/a.md": SV_SHORT,
        "website/content/en/b.md": EN, "website/content/sv/b.md": SV,
        "README.md": "# repo\n", "docs/notes.md": "# notes\n",
    })
    monkeypatch.chdir(tmp_path)
    result = run("scan", "--format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert sorted(p["translation"] for p in data["pairs"]) == ["website/content/sv/a.md", "website/content/sv/b.md"]
    assert "hugo site website (website/hugo.toml): languages en, sv; source en" in result.stderr


def test_one_page_or_one_folder_is_checked_against_its_counterparts(tmp_path, monkeypatch):
    write(tmp_path, {
        "hugo.toml": 'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n'
                     '[languages.sv]\ncontentDir = "content/sv"\n',
        "content/en/a.md": EN, "content/sv/a.md": SV_SHORT, "content/en/jobs/b.md": EN, "content/sv/jobs/b.md": SV_SHORT,
    })
    monkeypatch.chdir(tmp_path)
    one = json.loads(run("scan", "content/sv/a.md", "--format", "json").stdout)
    assert [p["translation"] for p in one["pairs"]] == ["content/sv/a.md"]
    source = json.loads(run("scan", "content/en/jobs/b.md", "--format", "json").stdout)
    assert [(p["translation"], p["source"]) for p in source["pairs"]] == [("content/sv/jobs/b.md", "content/en/jobs/b.md")]
    folder = json.loads(run("scan", "content/sv/jobs", "--format", "json").stdout)
    assert [p["translation"] for p in folder["pairs"]] == ["content/sv/jobs/b.md"]
    # pre-commit passes changed files: each is checked, the others are not
    both = json.loads(run("scan", "content/sv/a.md", "content/sv/jobs/b.md", "--format", "json").stdout)
    assert len(both["pairs"]) == 2


def test_nothing_found_is_exit_2_saying_where_it_looked(tmp_path, monkeypatch):
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    result = run("scan", "empty")
    assert result.exit_code == 2
    assert "no translation pairs found (looked in empty" in result.stderr


def test_files_that_are_no_pages_are_nothing_to_check(tmp_path, monkeypatch):
    write(tmp_path, {"README.md": "# x\n"})
    monkeypatch.chdir(tmp_path)
    result = run("scan", "README.md")
    assert result.exit_code == 0 and "nothing to check" in result.stderr


@pytest.mark.parametrize(
    "name, text, line, says",
    [
        ("config.toml", 'baseURL = "https://x.example/"\ntitle = "x\ndefaultContentLanguage = "en"\n', 2, "malformed TOML"),
        ("hugo.yaml", "baseURL: x\nlanguages:\n  en: {\n", 4, "malformed YAML"),
        ("hugo.json", '{"baseURL": "x",\n "languages": }\n', 2, "malformed JSON"),
        ("hugo.yaml", "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdefgh", "bcdefghi")), 1, "YAML expands to more than 100,000 values (alias bomb?)"),
    ],
)
def test_a_broken_site_config_is_exit_2_naming_file_and_line(tmp_path, monkeypatch, name, text, line, says):
    write(tmp_path, {name: text, "content/a.md": EN, "content/a.sv.md": SV})
    monkeypatch.chdir(tmp_path)
    result = run("scan")
    assert result.exit_code == 2, result.output
    assert f"{name}:{line}:1: error TC001 parse-error: {says}" in result.stdout, result.stdout
    assert "Traceback" not in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_md_is_skipped_not_read(tmp_path, monkeypatch):
    write(tmp_path, {"hugo.toml": 'defaultContentLanguage = "en"\n[languages.en]\n[languages.sv]\n',
                     "content/a.md": EN, "content/a.sv.md": SV})
    os.mkfifo(tmp_path / "content" / "b.sv.md")
    monkeypatch.chdir(tmp_path)
    result = run("scan", "--format", "json")  # would block forever if the FIFO were opened
    assert result.exit_code == 2
    assert "not a regular file" in result.stdout and len(json.loads(result.stdout)["pairs"]) == 1


@needs_corpus
def test_opentelemetry_pairs_every_translation_with_its_english_source():
    site = CORPUS / "opentelemetry.io"
    if not site.is_dir():
        pytest.skip("opentelemetry.io is not in the corpus")
    plan = plan_pairs([site], Config())
    assert 1000 <= len(plan.pairs) <= 1060
    assert not [a for a, b in plan.pairs if Path(a.path).resolve() == Path(b.path).resolve()]
    english = sum(1 for _, b in plan.pairs if b.language == "en")
    assert english >= len(plan.pairs) - 2  # a page missing in English pairs with another translation
    assert {a.language for a, _ in plan.pairs} == {"ja", "zh", "pt", "es", "fr", "ro", "bn", "uk", "ko", "pl"}


@pytest.mark.parametrize(
    "front, expected",
    [
        ("title: x\nurl: /om-oss/\nslug: \"om\"\n", {"url": "/om-oss/", "slug": "om"}),
        ("translationKey: about # shared\naliases: [/a/, '/b/']\n", {"translationkey": "about", "aliases": ["/a/", "/b/"]}),
        ("aliases:\n  - /old/\n  - \"/older/\"\ntitle: y\n", {"aliases": ["/old/", "/older/"]}),
        ("menu:\n  url: /nested/\n", {}),
    ],
)
def test_link_fields_read_fast_as_the_parser_reads_them(front, expected):
    from transcheck.site.layout import _simple_fields

    assert _simple_fields(front) == expected


@pytest.mark.parametrize("front", ["url: &u /x/\n", "slug: |\n  x\n", "url: /a/\nurl: /b/\n", "aliases: [*a]\n"])
def test_link_fields_the_fast_reader_leaves_to_the_parser(front):
    from transcheck.site.layout import _simple_fields

    assert _simple_fields(front) is None


@needs_corpus
def test_fast_link_fields_equal_the_parser_on_every_corpus_page():
    from transcheck.document.frontmatter import parse_front_matter, split_front_matter
    from transcheck.site.layout import _ADDRESS_KEYS, _FIELDS, _PERMALINK_FIELDS, _PERMALINK_KEYS, _simple_fields
    from transcheck.document.source import InputError, read_source

    for keys, names in ((_ADDRESS_KEYS, _FIELDS), (_PERMALINK_KEYS, _PERMALINK_FIELDS)):
        compared = 0
        for path in sorted(CORPUS.rglob("*.md")):
            try:
                split = split_front_matter(read_source(path, 1 << 24).text, str(path))
                if split.format != "yaml" or not keys.search(split.text):
                    continue
                fast = _simple_fields(split.text, keys)
                if fast is None:
                    continue
                entries = parse_front_matter(split, str(path)).entries
            except InputError:
                continue
            slow: dict = {}
            for entry in entries:
                if entry.key.lower() in names:
                    slow.setdefault(entry.key.lower(), entry.value)
            # a date is read as a date by the parser and as text here: permalinks use its day
            as_text = lambda d: {k: [str(x) for x in v] if isinstance(v, list) else str(v)[:10] if k == "date" else str(v)  # noqa: E731
                                 for k, v in d.items()}
            assert as_text(fast) == as_text(slow), path
            compared += 1
        assert compared > 500


def test_inside_answers_as_relative_to() -> None:
    """The string test of ``site.generators.inside`` (POSIX) against ``Path.relative_to``."""
    from pathlib import PurePosixPath, PosixPath

    from transcheck.site.generators import inside

    names = ["/", "/a", "/a/b", "/a/bc", "/ab", "/a/b/c.md", "/a/b/", "/x/a/b", "/a/b c", "/å/b"]
    for path in names:
        for folder in names:
            expected = PurePosixPath(path).is_relative_to(PurePosixPath(folder))
            assert inside(PosixPath(path), PosixPath(folder)) is expected, (path, folder)
