"""`transcheck scan`: pairs from each site layout, config, suppression, baseline, git, formats."""

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from transcheck.cli import main
from transcheck.site.config import Config, ConfigError, load_config
from transcheck.site.layout import plan_pairs
from conftest import SHARED, write

SV = "---\ntitle: Om oss\n---\n## Om oss\n\n- Ett\n- Två\n"
EN = "---\ntitle: About us\n---\n## About us\n\n- One\n- Two\n"
NB = "---\ntitle: Om oss\n---\n## Om oss\n\n- En\n- To\n"




def names(plan):
    return sorted((Path(a.path).relative_to(plan.layout.root).as_posix(), Path(b.path).relative_to(plan.layout.root).as_posix()) for a, b in plan.pairs)


def run(*args, cwd=None):
    return CliRunner().invoke(main, list(args))


def test_hugo_content_dirs(tmp_path):
    write(tmp_path, {
        "hugo.toml": 'defaultContentLanguage = "sv"\n[languages.sv]\ncontentDir = "content/sv"\n'
                     '[languages.en]\ncontentDir = "content/en"\n[languages.nb]\ncontentDir = "content/nb"\n',
        "content/sv/about.md": SV, "content/en/about.md": EN, "content/nb/about.md": NB,
        "content/sv/only.md": SV,
    })
    plan = plan_pairs([tmp_path], Config())
    assert plan.layout.default_language == "sv"
    assert names(plan) == [("content/en/about.md", "content/sv/about.md"), ("content/nb/about.md", "content/sv/about.md")]
    assert [(Path(o[0].path).name, o[1]) for o in plan.orphans] == [("only.md", ["en", "nb"])]
    output = run("scan", str(tmp_path), "--format", "json").stdout
    orphan = [f for f in json.loads(output)["findings"] if f["rule"] == "orphan"]
    assert [(Path(f["path"]).name, f["severity"], f["message"]) for f in orphan] == [
        ("only.md", "warning", "this page (sv) has no version in en, nb")
    ]


def test_a_page_missing_in_a_language_that_translates_a_selection_is_info(tmp_path):
    # en translates one post of four: a selection; nb translates three: the fourth is missing
    files = {
        "hugo.toml": 'defaultContentLanguage = "sv"\n[languages.sv]\ncontentDir = "c/sv"\n'
                     '[languages.en]\ncontentDir = "c/en"\n[languages.nb]\ncontentDir = "c/nb"\n',
        **{f"c/sv/blog/post{i}.md": SV for i in range(4)},
        "c/en/blog/post0.md": EN,
        **{f"c/nb/blog/post{i}.md": NB for i in range(3)},
    }
    write(tmp_path, files)
    output = run("scan", str(tmp_path), "--format", "json").stdout
    orphan = [(Path(f["path"]).name, f["severity"], f["message"]) for f in json.loads(output)["findings"] if f["rule"] == "orphan"]
    assert orphan == [
        ("post1.md", "info", "this page (sv) has no version in en, which translates under half of blog/: a partial translation"),
        ("post2.md", "info", "this page (sv) has no version in en, which translates under half of blog/: a partial translation"),
        ("post3.md", "warning", "this page (sv) has no version in nb (nor in en, which translates under half of blog/)"),
    ]


def test_orphans_can_be_ignored_per_section(tmp_path):
    write(tmp_path, {
        "hugo.toml": 'defaultContentLanguage = "sv"\n[languages.sv]\ncontentDir = "c/sv"\n[languages.en]\ncontentDir = "c/en"\n',
        "transcheck.toml": '[orphans]\nignore = ["blog/*"]\n',
        "c/sv/blog/post.md": SV, "c/sv/a.md": SV, "c/en/a.md": EN,
    })
    assert "orphan" not in run("scan", str(tmp_path)).stdout


def test_hugo_module_mounts_and_config_default_folder(tmp_path):
    write(tmp_path, {
        "config/_default/hugo.toml": 'defaultContentLanguage = "en"\n',
        "config/_default/module.toml": '[[mounts]]\nsource = "site/en"\ntarget = "content"\nlang = "en"\n'
                                       '[[mounts]]\nsource = "site/sv"\ntarget = "content"\nlang = "sv"\n',
        "site/en/a/page.md": EN, "site/sv/a/page.md": SV,
    })
    plan = plan_pairs([tmp_path], Config())
    assert names(plan) == [("site/sv/a/page.md", "site/en/a/page.md")]


def test_file_name_suffixes(tmp_path):
    write(tmp_path, {
        "config.toml": 'defaultContentLanguage = "en"\n[languages.en]\n[languages.sv]\n',
        "content/page.md": EN, "content/page.sv.md": SV, "content/_index.md": EN, "content/_index.sv.md": SV,
    })
    plan = plan_pairs([tmp_path], Config())
    assert names(plan) == [("content/_index.sv.md", "content/_index.md"), ("content/page.sv.md", "content/page.md")]


def test_translation_key_overrides_paths(tmp_path):
    write(tmp_path, {
        "hugo.toml": 'defaultContentLanguage = "en"\n[languages.en]\n[languages.sv]\n',
        "content/about.md": "---\ntranslationKey: about\n---\n## About\n",
        "content/om-oss.sv.md": "---\ntranslationKey: about\n---\n## Om\n",
    })
    assert names(plan_pairs([tmp_path], Config())) == [("content/om-oss.sv.md", "content/about.md")]


def test_layout_from_transcheck_config_with_renames(tmp_path):
    write(tmp_path, {
        "transcheck.toml": 'languages = ["sv", "en"]\nsource = "sv"\n[layout]\ndirs = {sv = "sv", en = "en"}\n'
                           'renames = [["services", "tjanster"]]\n',
        "sv/tjanster/x.md": SV, "en/services/x.md": EN,
    })
    config = load_config(tmp_path / "transcheck.toml")
    assert names(plan_pairs([tmp_path], config)) == [("en/services/x.md", "sv/tjanster/x.md")]


@pytest.mark.parametrize(
    "text, words",
    [
        ("colour = 1\n", "unknown key 'colour'"),
        ('select = ["no-such-rule"]\n', "no-such-rule"),
        ('[severity]\nbullet-count = "loud"\n', "not error, warning or info"),
        ('fail-on = 3\n', "must be a string"),
        ('[links]\nrewrites = ["/a/"]\n', "pairs of strings"),
    ],
)
def test_config_errors_name_the_key_and_file(tmp_path, text, words):
    path = tmp_path / "transcheck.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(path) in str(caught.value) and words in str(caught.value)
    result = run("scan", str(tmp_path), "--config", str(path))
    assert result.exit_code == 2 and words in result.output


def test_pyproject_table_and_command_line_wins(tmp_path):
    write(tmp_path, {
        "pyproject.toml": '[tool.transcheck]\nignore = ["bullet-count"]\n[tool.transcheck.severity]\norphan = "error"\n',
        "hugo.toml": 'defaultContentLanguage = "sv"\n[languages.sv]\ncontentDir = "c/sv"\n[languages.en]\ncontentDir = "c/en"\n',
        "c/sv/a.md": SV + "- Tre\n", "c/en/a.md": EN, "c/sv/b.md": SV,
    })
    result = run("scan", str(tmp_path))
    assert "bullet-count" not in result.output
    assert "TC601 orphan" in result.output and result.exit_code == 1  # orphan made an error by config
    result = run("scan", str(tmp_path), "--select", "bullet-count")
    assert "bullet-count" not in result.output  # the file's ignore still applies


def site_with_drift(tmp_path: Path) -> Path:
    return write(tmp_path, {
        "hugo.toml": 'defaultContentLanguage = "sv"\n[languages.sv]\ncontentDir = "content/sv"\n[languages.en]\ncontentDir = "content/en"\n',
        "content/sv/a.md": SV + "- Tre\n", "content/en/a.md": EN,
        "content/sv/b.md": SV, "content/en/b.md": EN,
    })


def test_suppression_forms(tmp_path):
    site = site_with_drift(tmp_path)
    en = site / "content/en/a.md"
    en.write_text(EN.replace("- One\n", "<!-- transcheck-disable-next-line bullet-count -->\n- One\n"))
    result = run("scan", str(site))
    assert "bullet-count" not in result.output
    en.write_text(EN.replace("## About us\n", "## About us\n<!-- transcheck-disable TC104 -->\n") + "<!-- transcheck-enable -->\n")
    assert "bullet-count" not in run("scan", str(site)).stdout
    en.write_text(EN.replace("title: About us", "title: About us\ntranscheck-disable: [bullet-count]"))
    assert "bullet-count" not in run("scan", str(site)).stdout
    en.write_text(EN.replace("- One\n", "<!-- transcheck-disable-next-line -->\n- One\n"))
    output = run("scan", str(site)).stdout
    assert "suppression-invalid" in output and "blanket" in output and "bullet-count" in output
    (site / "content/en/b.md").write_text(EN + "<!-- transcheck-disable-next-line number-mismatch -->\nText\n")
    assert "suppression-unused" in run("scan", str(site)).stdout


def test_baseline_round_trip_survives_unrelated_edits(tmp_path):
    site = site_with_drift(tmp_path)
    baseline = tmp_path / "baseline.json"
    first = run("scan", str(site), "--write-baseline", str(baseline))
    assert first.exit_code == 1 and baseline.is_file()
    assert run("scan", str(site), "--baseline", str(baseline)).exit_code == 0
    # an unrelated edit moves every line: the old finding is still known
    a = site / "content/sv/a.md"
    a.write_text(a.read_text().replace("## Om oss\n", "## Om oss\n\nNy inledning.\n"))
    again = run("scan", str(site), "--baseline", str(baseline))
    assert "bullet-count" not in again.output
    # a new problem is reported
    (site / "content/sv/b.md").write_text(SV + "- Fyra\n- Fem\n")
    assert "bullet-count" in run("scan", str(site), "--baseline", str(baseline)).stdout


def test_changed_since_in_a_git_repository(tmp_path):
    site = site_with_drift(tmp_path)
    def git(*args):
        subprocess.run(["git", *args], cwd=site, check=True, capture_output=True)
    git("init", "-q", "-b", "main")
    git("-c", "user.email=t@e.st", "-c", "user.name=t", "add", ".")
    git("-c", "user.email=t@e.st", "-c", "user.name=t", "commit", "-qm", "site")
    git("checkout", "-qb", "change")
    (site / "content/sv/b.md").write_text(SV + "- Fyra\n")
    data = json.loads(run("scan", str(site), "--changed-since", "main", "--format", "json").stdout)
    assert [Path(p["translation"]).name for p in data["pairs"]] == ["b.md"]
    assert {Path(f["path"]).name for f in data["findings"]} == {"b.md"}
    bad = run("scan", str(site), "--changed-since", "no-such-ref")
    assert bad.exit_code == 2 and "no-such-ref" in bad.output


def test_sarif_is_valid_and_byte_stable(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = SHARED / "schemas" / "sarif-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip("../shared/schemas is not present")
    site = site_with_drift(tmp_path)
    first = run("scan", str(site), "--format", "sarif").stdout
    second = run("scan", str(site), "--format", "sarif", "-j", "2").stdout
    assert first == second
    log = json.loads(first)
    jsonschema.validate(log, json.loads(schema_path.read_text()))
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "TC104")
    assert result["relatedLocations"] and result["partialFingerprints"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("content/")
    rules = {r["name"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert "bullet-count" in rules and "timestamp" not in first.lower()


def test_github_and_junit_formats(tmp_path):
    site = site_with_drift(tmp_path)
    github = run("scan", str(site), "--format", "github").stdout
    assert github.startswith("::error file=") and ",line=" in github and "title=TC104 bullet-count::" in github
    junit = run("scan", str(site), "--format", "junit").stdout
    assert '<testsuite name="transcheck" tests="2"' in junit and "<failure" in junit


def test_parallel_output_is_in_the_same_order(tmp_path):
    site = site_with_drift(tmp_path)
    assert run("scan", str(site), "-j", "1", "--format", "json").stdout == run("scan", str(site), "-j", "2", "--format", "json").stdout


def _translation_key(path):
    import re

    match = re.search(r"(?mi)^translationKey:\s*\"?([^\"\n]+)", path.read_text(encoding="utf-8"))
    return match.group(1) if match else None


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is not present")
@pytest.mark.parametrize("site", ["safespring-web-beta", "trafiklab.se"])
def test_real_sites_pairs_match_the_corpus_list(site):
    import csv

    corpus = SHARED / "corpus"
    plan = plan_pairs([corpus / site], Config())
    group_of = {}
    for translation, source in plan.pairs:
        group_of[Path(translation.path).resolve()] = Path(source.path).resolve()
        group_of[Path(source.path).resolve()] = Path(source.path).resolve()
    listed = 0
    with open(corpus / "PAIRS.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["corpus"] != site:
                continue
            listed += 1
            a = (corpus / site / row["path_a"]).resolve()
            b = (corpus / site / row["path_b"]).resolve()
            keys = {_translation_key(a), _translation_key(b)}
            if len(keys) > 1:
                # Hugo links pages by translationKey first: these two are not translations of
                # each other on the real site (transcheck reports each as an orphan)
                assert group_of.get(a) != group_of.get(b) or group_of.get(a) is None
                continue
            assert group_of.get(a) == group_of.get(b) is not None, (row["path_a"], row["path_b"])
    assert listed > 50


def test_no_memo_keeps_a_checked_pages_blocks(tmp_path, monkeypatch):
    """Nothing of a finished pair stays alive in a memo: a scan's memory does not grow with
    the pages it has checked (each source's job empties them when done)."""
    from transcheck.document import memo

    write(tmp_path, {
        "hugo.toml": 'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n'
                     '[languages.sv]\ncontentDir = "content/sv"\n[languages.nb]\ncontentDir = "content/nb"\n',
        "content/en/about.md": EN + "\nSee [the docs](/docs/) for 12 items.\n", "content/sv/about.md": SV,
        "content/nb/about.md": NB, "content/en/docs.md": EN, "content/sv/docs.md": SV,
    })
    monkeypatch.chdir(tmp_path)
    asked: list[int] = []
    original = memo.ByIdentity.__call__

    def counting(self, node):  # the memos are used during the scan ...
        asked.append(len(self._known))
        return original(self, node)

    monkeypatch.setattr(memo.ByIdentity, "__call__", counting)
    result = run("scan", "-j", "1", "--no-cache", "--format", "json")
    assert json.loads(result.stdout)["findings"] and max(asked) > 0
    assert [len(m._known) for m in memo._ALL] == [0] * len(memo._ALL)  # ... and hold nothing after it
