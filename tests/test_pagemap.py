"""Links compared by the page they lead to: a translation links to its own language's pages."""

import json

import pytest
from click.testing import CliRunner

from transcheck.cli import main
from transcheck.site.config import Config
from transcheck.values.pagemap import content_url
from transcheck.site.layout import plan_pairs
from conftest import write




HUGO = {
    "hugo.toml": 'defaultContentLanguage = "sv"\n[languages.sv]\ncontentDir = "content/sv"\n'
                 '[languages.en]\ncontentDir = "content/en"\n',
    "content/sv/sakerhet.md": "---\ntitle: Säkerhet\ntranslationKey: security\n---\n## Säkerhet\n",
    "content/en/security.md": "---\ntitle: Security\ntranslationKey: security\n---\n## Security\n",
    "content/sv/kontakt.md": "---\ntitle: Kontakt\nslug: kontakta-oss\ntranslationKey: contact\n---\n## K\n",
    "content/en/contact.md": "---\ntitle: Contact\ntranslationKey: contact\n---\n## C\n",
    "content/sv/gdpr.md": "## GDPR\n", "content/en/gdpr.md": "## GDPR\n",
    "content/sv/docs/_index.md": "## Dokument\n", "content/en/docs/_index.md": "## Docs\n",
    "content/sv/docs/languages.md": "## Språk\n", "content/en/docs/languages.md": "## Languages\n",
    "content/sv/pris.md": "## Pris\n", "content/en/pricing.md": "## Pricing\n",
}


def page(link_lines: str, title: str) -> str:
    return f"---\ntitle: {title}\n---\n## {title}\n\n{link_lines}\n"


def _intro_rules(tmp_path, monkeypatch, sv_link: str, en_link: str) -> list[tuple[list[str], list[str], str]]:
    """(command, rules found on intro.md, output) for scan and for check of a one-link page pair."""
    write(tmp_path, HUGO)
    write(tmp_path, {
        "content/sv/docs/intro.md": page(f"Läs [mer]({sv_link}) här.", "Intro"),
        "content/en/docs/intro.md": page(f"Read [more]({en_link}) here.", "Intro"),
    })
    monkeypatch.chdir(tmp_path)
    runs = []
    for args in (["scan", "content/en/docs/intro.md"], ["check", "content/en/docs/intro.md", "content/sv/docs/intro.md"]):
        result = CliRunner().invoke(main, [*args, "--format", "json"])
        rules = [f["rule"] for f in json.loads(result.stdout)["findings"] if f["path"].endswith("intro.md")]
        runs.append((args, rules, result.stdout))
    return runs


@pytest.mark.parametrize(
    "sv_link, en_link",
    [
        ("../../sakerhet/", "../../security/"),  # translated slug, relative to the page's address
        ("/gdpr/", "/en/gdpr/"),  # language prefix on one side only
        ("/kontakta-oss/#form", "/contact/#form"),  # front-matter slug, translated anchor
        ("/docs/languages", "../languages"),  # absolute and relative to one page
        ("languages.md", "/en/docs/languages/"),  # a file link resolved from the file's folder
        ("{{< relref \"languages.md\" >}}", "{{< relref \"languages\" >}}"),
    ],
)
def test_links_to_the_two_versions_of_one_page_are_equal(tmp_path, monkeypatch, sv_link, en_link):
    for args, rules, output in _intro_rules(tmp_path, monkeypatch, sv_link, en_link):
        assert "link-mismatch" not in rules, (args, output)


@pytest.mark.parametrize(
    "sv_link, en_link",
    [
        ("../pris/", "../security/"),  # two different pages of the site
        ("/gdpr/", "/en/docs/"),
        ("/docs/languages", "../missing-page"),  # one side leads nowhere known
    ],
)
def test_links_to_different_pages_are_reported(tmp_path, monkeypatch, sv_link, en_link):
    for args, rules, output in _intro_rules(tmp_path, monkeypatch, sv_link, en_link):
        assert "link-mismatch" in rules, (args, output)


def test_zola_internal_links(tmp_path, monkeypatch):
    write(tmp_path, {
        "config.toml": 'base_url = "https://x.example"\ndefault_language = "en"\n[languages.sv]\n',
        "content/donate/index.md": "## Donate\n", "content/donate/index.sv.md": "## Donera\n",
        "content/about.md": "## About\n", "content/about.sv.md": "## Om\n",
        "content/page.md": page("See [donate](@/donate/index.md) and [x](@/about.md).", "P"),
        "content/page.sv.md": page("Se [donera](@/donate/index.sv.md) och [x](@/donate/index.sv.md).", "P"),
    })
    monkeypatch.chdir(tmp_path)
    findings = json.loads(CliRunner().invoke(main, ["scan", "--format", "json"]).stdout)["findings"]
    links = [f for f in findings if f["rule"] == "link-mismatch"]
    assert len(links) == 1 and "@/about.md" in links[0]["message"]


def test_the_map_knows_every_page_once(tmp_path):
    write(tmp_path, HUGO)
    plan = plan_pairs([tmp_path], Config())
    urls = plan.layout.page_map.urls
    assert urls["/sakerhet"] == urls["/security"] == "translationKey:security"
    assert urls["/kontakta-oss"] == urls["/contact"] == "translationKey:contact"
    assert urls["/docs"] == "docs/_index.md" and urls["/docs/languages"] == "docs/languages.md"


@pytest.mark.parametrize(
    "relative, url",
    [("docs/a.md", "/docs/a"), ("docs/_index.md", "/docs"), ("docs/b/index.md", "/docs/b"), ("_index.md", "/"),
     ("about.sv.md", "/about"), ("about.zh-hans.md", "/about")],
)
def test_content_urls(relative, url):
    assert content_url(relative, frozenset({"sv", "en", "zh-hans"})) == url


def test_a_relref_equals_a_path_to_the_same_page_in_the_other_language(tmp_path, monkeypatch):
    write(tmp_path, HUGO)
    write(tmp_path, {
        "content/sv/tjanster.md": "---\ntitle: Tjänster\naliases:\n  - /tjanster/lagring/\ntranslationKey: storage\n---\n## T\n",
        "content/en/storage.md": "---\ntitle: Storage\ntranslationKey: storage\n---\n## S\n",
        "content/sv/docs/intro.md": page("Läs om [lagring](/tjanster/lagring/) och [mer]({{% relref \"/gdpr.md\" %}}).", "Intro"),
        "content/en/docs/intro.md": page("Read about [storage]({{% relref \"/storage.md\" %}}) and [more](/en/gdpr/).", "Intro"),
    })
    monkeypatch.chdir(tmp_path)
    data = json.loads(CliRunner().invoke(main, ["scan", "content/en/docs/intro.md", "--format", "json"]).stdout)
    assert [f for f in data["findings"] if f["rule"] == "link-mismatch"] == []


def test_per_language_permalinks_give_each_page_its_address(tmp_path, monkeypatch):
    write(tmp_path, {
        "hugo.toml": 'defaultContentLanguage = "en"\n'
                     '[languages.en]\ncontentDir = "content/en"\n[languages.en.permalinks.page]\nservices = "/services/:slug/"\n'
                     '[languages.sv]\ncontentDir = "content/sv"\n[languages.sv.permalinks.page]\nservices = "/tjanster/:slug/"\n',
        "content/en/services/storage.md": "---\ntitle: Object Storage\n---\n## S\n",
        "content/sv/services/storage.md": "---\ntitle: Objektlagring\nslug: lagring\n---\n## S\n",
        "content/en/about.md": page("Read about [storage](/services/object-storage/).", "About"),
        "content/sv/about.md": page("Läs om [lagring](/tjanster/lagring/).", "Om"),
    })
    monkeypatch.chdir(tmp_path)
    plan = plan_pairs([tmp_path], Config())
    urls = plan.layout.page_map.urls
    assert urls["/services/object-storage"] == urls["/tjanster/lagring"] == "services/storage.md"
    data = json.loads(CliRunner().invoke(main, ["scan", "--format", "json"]).stdout)
    assert [f for f in data["findings"] if f["rule"] == "link-mismatch"] == []


@pytest.mark.parametrize("remove_accents, address", [(True, "/tjanster/lagring-pa-natet"), (False, "/tjanster/lagring-på-nätet")])
def test_permalinks_follow_remove_path_accents(tmp_path, remove_accents, address):
    write(tmp_path, {
        "hugo.toml": f'defaultContentLanguage = "en"\nremovePathAccents = {str(remove_accents).lower()}\n'
                     '[languages.en]\ncontentDir = "content/en"\n'
                     '[languages.sv]\ncontentDir = "content/sv"\n[languages.sv.permalinks.page]\nservices = "/tjanster/:slug/"\n',
        "content/en/services/storage.md": "---\ntitle: Storage\n---\n## S\n",
        "content/sv/services/storage.md": "---\ntitle: Lagring på nätet\n---\n## S\n",
    })
    urls = plan_pairs([tmp_path], Config()).layout.page_map.urls
    assert urls[address] == "services/storage.md"


MULTI_DOMAIN = (
    'baseURL = "https://example.eu/"\ndefaultContentLanguage = "en"\n'
    '[languages.en]\ncontentDir = "content/en"\nbaseURL = "https://example.eu/"\n'
    '[languages.sv]\ncontentDir = "content/sv"\nbaseURL = "https://www.example.se/"\n'
    '[languages.nb]\ncontentDir = "content/nb"\nbaseURL = "https://example.no/"\n'
)


def test_an_absolute_link_to_a_language_s_base_url_is_a_link_into_the_site(tmp_path):
    write(tmp_path, {
        "hugo.toml": MULTI_DOMAIN,
        "content/en/research.md": "---\ntitle: Research\ntranslationKey: research\n---\n## R\n",
        "content/sv/forskning.md": "---\ntitle: Forskning\ntranslationKey: research\n---\n## F\n",
    })
    pages = plan_pairs([tmp_path], Config()).layout.page_map
    here = str(tmp_path / "content/en/research.md")
    assert pages.resolve("https://WWW.example.se/forskning/", here) == pages.group_of(here) == "translationKey:research"
    assert pages.resolve("/forskning/", here) == "translationKey:research"
    assert pages.address("https://other.example.se/forskning/", here) is None  # another site


def test_a_language_chooser_only_one_version_has_is_info(tmp_path, monkeypatch):
    chooser = (
        "## Choose your country\n\nPick the page in your language.\n\n"
        "- [Sweden](https://www.example.se/forskning/)\n- [Norway](https://example.no/forskning/)\n"
        "- [Denmark](https://example.dk/forskning/)\n\n"
    )
    write(tmp_path, {
        "hugo.toml": MULTI_DOMAIN.replace("[languages.nb]", '[languages.da]\ncontentDir = "content/da"\nbaseURL = "https://example.dk/"\n[languages.nb]'),
        "content/en/research.md": "---\ntitle: Research\ntranslationKey: research\n---\n## Research\n\nWe serve research.\n\n" + chooser + "## About\n\nText.\n",
        "content/sv/forskning.md": "---\ntitle: Forskning\ntranslationKey: research\n---\n## Forskning\n\nVi tjänar forskningen.\n\n## Om\n\nText.\n",
        "content/nb/forskning.md": "---\ntitle: Forskning\ntranslationKey: research\n---\n## Forskning\n\nVi tjener forskningen.\n\n## Om\n\nTekst.\n",
    })
    monkeypatch.chdir(tmp_path)
    data = json.loads(CliRunner().invoke(main, ["scan", "--format", "json"]).stdout)
    missing = [(f["path"], f["severity"]) for f in data["findings"] if f["rule"] == "missing-section"]
    assert missing == [("content/nb/forskning.md", "info"), ("content/sv/forskning.md", "info")]
    # a link anywhere else in it: a section with content of its own, still an error
    write(tmp_path, {"content/en/research.md": (tmp_path / "content/en/research.md").read_text().replace(
        "- [Denmark]", "- [Our grants](/grants/)\n- [Denmark]")})
    data = json.loads(CliRunner().invoke(main, ["scan", "--format", "json"]).stdout)
    assert {f["severity"] for f in data["findings"] if f["rule"] == "missing-section"} == {"error"}


def test_groups_by_address_answer_as_the_dict_they_were_built_from():
    import pickle

    from transcheck.values.pagemap import GroupsByAddress

    groups = {"/": "_index.md", "/docs": "docs/_index.md", "/docs/a": "docs/a.md", "/docs/b": "docs/b/index.md",
              "/sakerhet": "translationKey:security", "/x": "x.md#/site/content/sv/x.md", "/y": "other/y.md",
              "/index": "index.md", "/z": "z/index.md"}
    mapped = GroupsByAddress(groups)
    assert dict(mapped) == groups and len(mapped) == len(groups) and list(mapped) == list(groups)
    assert sorted(mapped.items()) == sorted(groups.items())
    for address, group in groups.items():
        assert mapped[address] == mapped.get(address) == group
    assert mapped.get("/nowhere") is None and "/nowhere" not in mapped
    assert dict(pickle.loads(pickle.dumps(mapped))) == groups
    # only the keys the address does not spell are held as strings
    assert sum(isinstance(v, str) for v in mapped._codes.values()) == 3


def test_a_permalink_written_with_the_files_name_leads_to_the_page_unless_another_page_has_it(tmp_path, monkeypatch):
    # Hugo's :slug falls back to the title ("/tjenester/safespring-devops/"); editors write the
    # file's name ("/tjenester/devops/"), as the content path is written in the other language
    hugo = ('defaultContentLanguage = "en"\n'
            '[languages.en]\ncontentDir = "content/en"\n[languages.en.permalinks.page]\nservices = "/services/:slug/"\n'
            '[languages.nb]\ncontentDir = "content/nb"\n[languages.nb.permalinks.page]\nservices = "/tjenester/:slug/"\n')
    write(tmp_path, {
        "hugo.toml": hugo,
        "content/en/services/devops.md": "---\ntitle: Acme DevOps\n---\n## S\n",
        "content/nb/services/devops.md": "---\ntitle: Acme DevOps\n---\n## S\n",
        "content/en/blog.md": page("Read about [DevOps](/services/devops/).", "Blog"),
        "content/nb/blog.md": page("Les om [DevOps](/tjenester/devops/).", "Blogg"),
    })
    monkeypatch.chdir(tmp_path)
    urls = plan_pairs([tmp_path], Config()).layout.page_map.urls
    assert urls["/tjenester/acme-devops"] == urls["/tjenester/devops"] == "services/devops.md"
    data = json.loads(CliRunner().invoke(main, ["scan", "--format", "json"]).stdout)
    assert [f for f in data["findings"] if f["rule"] == "link-mismatch"] == []
    # a page whose own address that is keeps it
    write(tmp_path, {"content/nb/services/other.md": "---\ntitle: Annet\nslug: devops\n---\n## S\n",
                     "content/en/services/other.md": "---\ntitle: Other\n---\n## S\n"})
    urls = plan_pairs([tmp_path], Config()).layout.page_map.urls
    assert urls["/tjenester/devops"] == "services/other.md"


def test_a_dotted_file_name_keeps_its_whole_name_in_a_permalink(tmp_path):
    # Hugo's :filename of "release-1.2.md" is "release-1.2" (the key has no language suffix left)
    write(tmp_path, {
        "hugo.toml": 'defaultContentLanguage = "en"\n[permalinks.page]\nnews = "/news/:filename/"\n'
                     '[languages.en]\ncontentDir = "content/en"\n[languages.sv]\ncontentDir = "content/sv"\n'
                     '[languages.sv.permalinks.page]\nnews = "/nyheter/:slug/"\n',
        "content/en/news/release-1.2.md": "---\ntitle: Release\n---\n## R\n",
        "content/sv/news/release-1.2.md": "---\ntitle: Utgåva\n---\n## U\n",
    })
    urls = plan_pairs([tmp_path], Config()).layout.page_map.urls
    assert urls["/news/release-1.2"] == "news/release-1.2.md"
    assert urls["/nyheter/release-1.2"] == urls["/nyheter/utgåva"] == "news/release-1.2.md"
