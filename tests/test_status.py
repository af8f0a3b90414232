"""`transcheck status` and the stale-translation rule, on throw-away git repositories."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from transcheck.history import status as st
from transcheck.cli import main
from transcheck.checking.engine import check_paths
from transcheck.pair.settings import Settings
from conftest import GitSite

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

EN_JOB = """\
---
title: Job
---

Intro text.

## Requirements

- Python
- Git

## Benefits

Good pay and a {{< link "https://example.com/pay" >}}.
"""
SV_JOB = """\
---
title: Jobb
---

Introtext.

## Krav

- Python
- Git

## Förmåner

Bra lön och en {{< link "https://example.com/pay" >}}.
"""
EN_JOB_CHANGED = EN_JOB.replace("- Python\n- Git\n", "- Python 3\n- Git\n- Docker\n- Linux\n")
HUGO = 'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n[languages.sv]\ncontentDir = "content/sv"\n'


Repo = GitSite


pytestmark = pytest.mark.usefixtures("fresh_git_memory")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    r = Repo(tmp_path / "site")
    r.write("content/en/job.md", EN_JOB)
    r.write("content/sv/job.md", SV_JOB)
    return r


def stale(repo: Repo, name: str = "job.md") -> list:
    result = check_paths(repo.path(f"content/sv/{name}"), repo.path(f"content/en/{name}"),
                         Settings(select=("stale-translation",)), ("sv", "en"))
    return result.findings


def status_json(repo: Repo, *args: str) -> dict:
    result = CliRunner().invoke(main, ["status", str(repo.root), "--format", "json", "--root", str(repo.root), *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def page(data: dict, translation: str) -> dict:
    return next(p for p in data["pages"] if p["translation"] == translation)


# --- pure functions -------------------------------------------------------------------------


def test_parse_diff_reads_hunk_headers_with_and_without_counts():
    text = (
        "diff --git a/content/en/a.md b/content/en/a.md\nindex 1..2 100644\n--- a/content/en/a.md\n"
        "+++ b/content/en/a.md\n@@ -9 +9,3 @@ x\n-a\n+b\n+c\n+d\n@@ -20,2 +22,0 @@\n-e\n-f\n"
        "diff --git a/new.md b/new.md\nnew file mode 100644\n--- /dev/null\n+++ b/new.md\n@@ -0,0 +1,2 @@\n+x\n+y\n"
    )
    hunks = st.parse_diff(text)
    assert hunks["content/en/a.md"] == [st.Hunk(9, 1, 9, 3), st.Hunk(20, 2, 22, 0)]
    assert hunks["new.md"] == [st.Hunk(0, 0, 1, 2)] and st.is_whole_file(hunks["new.md"])


def test_changed_lines_fall_into_their_sections_and_front_matter():
    sections = [("", 4, "preamble"), ("Requirements", 7, "section"), ("Benefits", 12, "section")]
    hunks = [st.Hunk(2, 1, 2, 1), st.Hunk(9, 1, 9, 3), st.Hunk(13, 2, 15, 0)]
    assert st.sections_changed(hunks, sections, front_matter_end=3) == [(-1, 1, 1), (1, 3, 1), (2, 0, 2)]


def test_since_follows_the_graph_not_the_dates():
    # a ← b ← d (merge of b and c); c branched from a. Since b: c and d are new, a and b are not.
    parents = {"d": ("b", "c"), "c": ("a",), "b": ("a",), "a": ()}
    history = st.History(Path("/"), "d", parents, {k: 0 for k in parents}, {}, {})
    assert history.since("b") == {"c", "d"}
    assert history.since("c") == {"b", "d"}
    assert history.since("a") == {"b", "c", "d"}
    assert history.since("d") == set()


def test_markers_are_read_from_the_default_keys_and_nested_tables():
    assert st.marker_of({"default_lang_commit": "abc1234"}) == ("default_lang_commit", "abc1234")
    assert st.marker_of({"l10n": {"sourceCommit": "deadbeef"}}) == ("l10n.sourceCommit", "deadbeef")
    assert st.marker_of({"title": "x"}) == ("", "")
    assert st.marker_of({"synced": "abc"}, ["synced"]) == ("synced", "abc")


# --- status on a repository -----------------------------------------------------------------


@needs_git
def test_up_to_date_pair_is_quiet(repo: Repo):
    repo.commit("both")
    assert stale(repo) == []
    data = status_json(repo)
    assert page(data, "content/sv/job.md")["state"] == "up-to-date"
    assert data["languages"] == [{"language": "sv", "source_pages": 1, "translated": 1, "percent": 100,
                                  "up_to_date": 1, "behind": 0, "missing": 0, "without_source": 0}]


@needs_git
def test_behind_without_marker_counts_source_commits_since_the_translations_last_commit(repo: Repo):
    repo.commit("both")
    repo.write("content/en/job.md", EN_JOB.replace("Good pay", "Good pay!"))
    first = repo.commit("en 1")
    repo.write("content/en/job.md", EN_JOB_CHANGED.replace("Good pay", "Good pay!"))
    second = repo.commit("en 2")
    item = page(status_json(repo), "content/sv/job.md")
    assert item["state"] == "behind" and item["synced_by"] == "last commit"
    assert item["commit_ids"] == [second, first]
    assert item["oldest_change"] == st.format_date(repo.clock - 86_400)
    titles = [(s["source_title"], s["translation_title"], s["translation_line"]) for s in item["sections"]]
    assert titles == [("Requirements", "Krav", 7), ("Benefits", "Förmåner", 12)]


@needs_git
def test_the_rule_names_the_changed_section_and_its_counterpart(repo: Repo):
    repo.commit("both")
    repo.write("content/en/job.md", EN_JOB_CHANGED)
    repo.commit("en")
    found = stale(repo)
    assert [(f.rule, f.line) for f in found] == [("stale-translation", 7)]
    message = found[0].message
    assert message.startswith('en: "Requirements" changed (+3 \u22121 lines) since sv was updated \u2192 update "Krav" (sv line 7)')
    assert "1 commit since" in message and "(last commit)" in message
    assert found[0].related[0].line == 7  # the source's section


@needs_git
def test_a_marker_wins_over_the_translations_last_commit(repo: Repo):
    base = repo.commit("both")
    repo.write("content/en/job.md", EN_JOB_CHANGED)
    repo.commit("en")
    # the translator fixes a typo later but has not caught up with the source: the marker says so
    repo.write("content/sv/job.md", SV_JOB.replace("---\n\n", f"default_lang_commit: {base}\n---\n\n", 1).replace("Bra", "Mycket bra"))
    repo.commit("sv typo")
    item = page(status_json(repo), "content/sv/job.md")
    assert item["state"] == "behind" and item["synced_by"] == "marker default_lang_commit"
    assert item["commits"] == 1 and item["synced_at"] == base
    # brought up to date: the marker names the source's latest commit
    head = repo.git("rev-parse", "HEAD")
    repo.write("content/sv/job.md", SV_JOB.replace("---\n\n", f"default_lang_commit: {head}\n---\n\n", 1))
    repo.commit("sv synced")
    assert page(status_json(repo), "content/sv/job.md")["state"] == "up-to-date"
    assert stale(repo) == []


@needs_git
def test_l10n_source_commit_marker_and_an_abbreviated_id(repo: Repo):
    base = repo.commit("both")
    repo.write("content/sv/job.md", SV_JOB.replace("---\n\n", f"l10n:\n  sourceCommit: {base[:10]}\n---\n\n", 1))
    repo.write("content/en/job.md", EN_JOB_CHANGED)
    repo.commit("en and sv together")  # the last commit touched both: the marker still says behind
    item = page(status_json(repo), "content/sv/job.md")
    assert item["state"] == "behind" and item["synced_by"] == "marker l10n.sourceCommit"


@needs_git
def test_an_unknown_marker_is_reported_and_the_last_commit_counts(repo: Repo):
    repo.write("content/sv/job.md", SV_JOB.replace("---\n\n", "default_lang_commit: 0123456789abcdef0123456789abcdef01234567\n---\n\n", 1))
    repo.commit("both")
    item = page(status_json(repo), "content/sv/job.md")
    assert item["state"] == "up-to-date" and item["synced_by"] == "last commit"
    assert "is not a commit in this repository's history" in item["marker_problem"]
    result = CliRunner().invoke(main, ["status", str(repo.root), "--root", str(repo.root)])
    assert result.exit_code == 0 and "note: content/sv/job.md: default_lang_commit 0123456789ab is not a commit" in result.output
    repo.write("content/en/job.md", EN_JOB_CHANGED)
    repo.commit("en")
    found = stale(repo)
    assert len(found) == 1 and "so the translation's last commit counts" in found[0].message


@needs_git
def test_missing_translation_and_translation_without_source(repo: Repo):
    repo.write("content/en/only.md", "---\ntitle: Only\n---\n\nText.\n")
    repo.write("content/sv/ensam.md", "---\ntitle: Ensam\n---\n\nText.\n")
    repo.commit("pages")
    data = status_json(repo)
    states = [(p["state"], p["translation"], p["source"]) for p in data["pages"]]
    assert states == [("missing", None, "content/en/only.md"), ("no-source", "content/sv/ensam.md", None),
                      ("up-to-date", "content/sv/job.md", "content/en/job.md")]
    assert data["languages"][0] | {} == {"language": "sv", "source_pages": 2, "translated": 1, "percent": 50,
                                         "up_to_date": 1, "behind": 0, "missing": 1, "without_source": 1}
    text = CliRunner().invoke(main, ["status", str(repo.root), "--root", str(repo.root)]).output
    assert "content/en/only.md: missing in sv" in text
    assert "content/sv/ensam.md: no source (en version missing)" in text
    assert text.rstrip().endswith("sv: 1 of 2 pages translated (50%): 1 up to date, 0 behind, 1 missing; 1 without source")


@needs_git
def test_a_source_changed_and_changed_back_is_up_to_date(repo: Repo):
    repo.commit("both")
    repo.write("content/en/job.md", EN_JOB_CHANGED)
    repo.commit("en")
    repo.write("content/en/job.md", EN_JOB)
    repo.commit("en reverted")
    assert page(status_json(repo), "content/sv/job.md")["state"] == "up-to-date"
    assert stale(repo) == []


@needs_git
def test_uncommitted_source_edit_is_behind_and_an_edited_translation_is_being_updated(repo: Repo):
    repo.commit("both")
    repo.write("content/en/job.md", EN_JOB_CHANGED)  # not committed: the pre-commit case
    item = page(status_json(repo), "content/sv/job.md")
    assert item["state"] == "behind" and item["uncommitted_source_changes"] and item["commits"] == 0
    assert [s["translation_title"] for s in item["sections"]] == ["Krav"]
    repo.write("content/sv/job.md", SV_JOB.replace("- Git\n", "- Git\n- Docker\n- Linux\n"))
    assert page(status_json(repo), "content/sv/job.md")["state"] == "up-to-date"
    assert stale(repo) == []


@needs_git
def test_a_merged_branch_counts_by_the_graph_not_by_date(repo: Repo):
    repo.commit("both")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("content/en/job.md", EN_JOB_CHANGED)
    side = repo.commit("en on a branch")  # older than the translation's last commit
    repo.git("checkout", "-q", "main")
    repo.write("content/sv/job.md", SV_JOB.replace("Bra", "Mycket bra"))
    repo.commit("sv typo on main")
    repo.git("merge", "-q", "--no-edit", "feature")
    item = page(status_json(repo), "content/sv/job.md")
    assert item["state"] == "behind" and item["commit_ids"] == [side]


@needs_git
def test_front_matter_change_maps_to_the_front_matter(repo: Repo):
    repo.commit("both")
    repo.write("content/en/job.md", EN_JOB.replace("title: Job", "title: A job"))
    repo.commit("en title")
    found = stale(repo)
    assert [(f.line, f.message.split(" since")[0]) for f in found] == [(1, "en: front matter changed (+1 \u22121 lines)")]


@needs_git
def test_a_source_renamed_since_the_marker_is_followed_to_its_old_name(repo: Repo):
    base = repo.commit("both")
    repo.git("mv", "content/en/job.md", "content/en/work.md")
    repo.git("mv", "content/sv/job.md", "content/sv/work.md")
    repo.write("content/sv/work.md", SV_JOB.replace("---\n\n", f"default_lang_commit: {base}\n---\n\n", 1))
    repo.commit("renamed")
    assert page(status_json(repo), "content/sv/work.md")["state"] == "up-to-date"  # only the name changed
    assert stale(repo, "work.md") == []
    repo.write("content/en/work.md", EN_JOB_CHANGED)
    repo.commit("en")
    item = page(status_json(repo), "content/sv/work.md")
    assert item["state"] == "behind" and not item["whole_file"] and item["commits"] == 2
    assert [s["translation_title"] for s in item["sections"]] == ["Krav"]


@needs_git
def test_a_source_that_did_not_exist_at_the_marker_is_reported_once_for_the_page(repo: Repo):
    base = repo.commit("both")
    repo.write("content/en/new.md", EN_JOB.replace("Intro text.", "A new page."))
    repo.write("content/sv/new.md", SV_JOB.replace("---\n\n", f"default_lang_commit: {base}\n---\n\n", 1))
    repo.commit("a new page, its translation marked with an older commit")
    item = page(status_json(repo), "content/sv/new.md")
    assert item["state"] == "behind" and item["whole_file"] and item["sections"] == []
    found = stale(repo, "new.md")
    assert [(f.line, "did not exist then (new or renamed since)" in f.message) for f in found] == [(1, True)]


@needs_git
def test_a_new_translation_not_yet_committed_is_being_written_now(repo: Repo):
    repo.commit("both")
    repo.write("content/en/new.md", EN_JOB)
    repo.commit("new en page")
    repo.write("content/sv/new.md", SV_JOB)
    item = page(status_json(repo), "content/sv/new.md")
    assert item["state"] == "up-to-date" and item["synced_by"] == "never committed"


# --- the rule stays quiet where it cannot know ----------------------------------------------


def test_the_rule_is_quiet_outside_a_repository(tmp_path: Path):
    (tmp_path / "sv.md").write_text(SV_JOB, encoding="utf-8")
    (tmp_path / "en.md").write_text(EN_JOB_CHANGED, encoding="utf-8")
    result = check_paths(str(tmp_path / "sv.md"), str(tmp_path / "en.md"), Settings(select=("stale-translation",)), ("sv", "en"))
    assert result.findings == []


@needs_git
def test_the_rule_is_quiet_when_git_is_missing(repo: Repo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    repo.commit("both")
    repo.write("content/en/job.md", EN_JOB_CHANGED)
    repo.commit("en")
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    assert stale(repo) == []


@needs_git
def test_no_git_call_when_the_rule_is_not_selected(repo: Repo, monkeypatch: pytest.MonkeyPatch):
    repo.commit("both")
    repo.write("content/en/job.md", EN_JOB_CHANGED)
    repo.commit("en")
    calls: list[tuple[str, ...]] = []
    real = st.run_git
    monkeypatch.setattr(st, "run_git", lambda args, cwd, check=True: calls.append(tuple(args)) or real(args, cwd, check))
    result = CliRunner().invoke(main, ["scan", str(repo.root), "--no-cache", "-j", "1", "--select", "bullet-count",
                                       "--format", "json"])
    assert calls == [] and '"bullet-count"' in result.output
    result = CliRunner().invoke(main, ["scan", str(repo.root), "--no-cache", "-j", "1", "--format", "json"])
    assert '"stale-translation"' in result.output
    logs = [c for c in calls if c and c[0] == "log"]
    assert len(logs) == 2  # the graph and the files touched: once for the site, not per pair


@needs_git
def test_scan_cache_does_not_hide_a_new_commit(repo: Repo, tmp_path: Path):
    repo.commit("both")
    repo.write("content/en/job.md", EN_JOB_CHANGED)
    cache = str(tmp_path / "cache")
    args = ["scan", str(repo.root), "--cache-dir", cache, "-j", "1", "--select", "stale-translation", "--format", "json"]
    first = json.loads(CliRunner().invoke(main, args).stdout)
    assert [f["rule"] for f in first["findings"]] == ["stale-translation"]  # uncommitted source change
    repo.write("content/sv/job.md", SV_JOB.replace("- Git\n", "- Git\n- Docker\n- Linux\n"))
    repo.commit("both updated")
    repo.write("content/sv/job.md", SV_JOB)  # same bytes as in the first run, but history moved on
    repo.write("content/en/job.md", EN_JOB_CHANGED)
    repo.commit("sv back")
    second = json.loads(CliRunner().invoke(main, args).stdout)
    assert second["findings"] == []


# --- the command ----------------------------------------------------------------------------


def test_status_outside_a_repository_is_one_line_and_exit_2(tmp_path: Path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    site = tmp_path / "site"
    (site / "content/en").mkdir(parents=True)
    (site / "content/sv").mkdir(parents=True)
    (site / "hugo.toml").write_text(HUGO, encoding="utf-8")
    (site / "content/en/job.md").write_text(EN_JOB, encoding="utf-8")
    (site / "content/sv/job.md").write_text(SV_JOB, encoding="utf-8")
    result = CliRunner().invoke(main, ["status", str(site)])
    assert result.exit_code == 2
    assert "status needs a git repository" in result.output and "Traceback" not in result.output


@needs_git
def test_status_formats_are_deterministic_and_ci_formats_carry_the_findings(repo: Repo):
    repo.commit("both")
    repo.write("content/en/job.md", EN_JOB_CHANGED)
    repo.commit("en")
    runs = [CliRunner().invoke(main, ["status", str(repo.root), "--root", str(repo.root), "--all"]).output for _ in range(2)]
    assert runs[0] == runs[1]
    assert runs[0].splitlines()[:2] == [
        f"content/sv/job.md: behind content/en/job.md: 1 commit since {repo.git('rev-parse', 'HEAD~1')[:7]} (last commit), "
        f"oldest change {st.format_date(repo.clock)}",
        '  en: "Requirements" changed (+3 \u22121 lines) since sv was updated \u2192 update "Krav" (sv line 7)',
    ]
    github = CliRunner().invoke(main, ["status", str(repo.root), "--root", str(repo.root), "--format", "github"]).output
    assert github.startswith("::warning file=content/sv/job.md,line=7,")
    sarif = json.loads(CliRunner().invoke(main, ["status", str(repo.root), "--format", "sarif"]).output)
    assert sarif["runs"][0]["results"][0]["ruleId"] == "TC701"


@needs_git
def test_a_configured_marker_key_in_toml_front_matter(repo: Repo):
    base = repo.commit("both")
    repo.write("content/sv/job.md", SV_JOB.replace("---\ntitle: Jobb\n---", f'+++\ntitle = "Jobb"\nsynced_with = "{base}"\n+++', 1))
    repo.write("content/en/job.md", EN_JOB_CHANGED)
    repo.commit("en and sv together")
    assert page(status_json(repo), "content/sv/job.md")["state"] == "up-to-date"  # the default keys: last commit
    item = page(status_json(repo, "--marker", "synced_with"), "content/sv/job.md")
    assert item["state"] == "behind" and item["synced_by"] == "marker synced_with" and item["marker"] == base


@needs_git
def test_parallel_scan_workers_share_the_history(repo: Repo):
    repo.write("content/en/b.md", EN_JOB)
    repo.write("content/sv/b.md", SV_JOB)
    repo.commit("both")
    repo.write("content/en/job.md", EN_JOB_CHANGED)
    repo.write("content/en/b.md", EN_JOB_CHANGED)
    repo.commit("en")
    outputs = []
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, ["scan", str(repo.root), "--no-cache", "-j", jobs, "--select", "stale-translation",
                                           "--format", "json", "--root", str(repo.root)])
        outputs.append([(f["path"], f["line"]) for f in json.loads(result.stdout)["findings"]])
    assert outputs[0] == outputs[1] == [("content/sv/b.md", 7), ("content/sv/job.md", 7)]


@needs_git
def test_a_repository_without_commits_and_a_marker_that_is_no_commit_id(repo: Repo):
    data = status_json(repo)
    assert page(data, "content/sv/job.md")["state"] == "up-to-date" and data["head"] == ""
    repo.write("content/sv/job.md", SV_JOB.replace("---\n\n", 'default_lang_commit: "main\\u001b[31m"\n---\n\n', 1))
    repo.commit("both")
    item = page(status_json(repo), "content/sv/job.md")
    assert item["state"] == "up-to-date" and "is not a commit" in item["marker_problem"]
    text = CliRunner().invoke(main, ["status", str(repo.root), "--root", str(repo.root)]).output
    assert "\x1b" not in text and "is not a commit" in text


@needs_git
def test_status_of_a_part_of_the_site_keeps_the_whole_sites_completeness(repo: Repo):
    repo.write("content/en/only.md", "---\ntitle: Only\n---\n\nText.\n")
    repo.write("content/en/docs/a.md", EN_JOB)
    repo.write("content/sv/docs/a.md", SV_JOB)
    repo.commit("pages")
    data = status_json(repo)
    part = CliRunner().invoke(main, ["status", str(repo.root / "content/sv/docs"), "--format", "json", "--root", str(repo.root)])
    listed = json.loads(part.output)
    assert [p["translation"] for p in listed["pages"]] == ["content/sv/docs/a.md"]
    assert listed["languages"] == data["languages"] and data["languages"][0]["missing"] == 1
    one = CliRunner().invoke(main, ["status", str(repo.root / "content/sv/job.md"), "--root", str(repo.root)]).output
    assert one.startswith("content/sv/job.md: up to date (")  # a page asked for is shown whatever its state


@needs_git
def test_many_missing_pages_are_one_line_unless_all(repo: Repo):
    for i in range(21):
        repo.write(f"content/en/p{i:02}.md", f"---\ntitle: P{i}\n---\n\nText {i}.\n")
    repo.commit("pages")
    text = CliRunner().invoke(main, ["status", str(repo.root), "--root", str(repo.root)]).output
    assert "sv: 21 pages missing (--all lists them)" in text and "missing in sv" not in text
    everything = CliRunner().invoke(main, ["status", str(repo.root), "--root", str(repo.root), "--all"]).output
    assert everything.count("missing in sv") == 21 and "content/sv/job.md: up to date" in everything


@needs_git
def test_status_of_a_folder_without_pairs_is_an_error(repo: Repo):
    repo.write("content/en/notes/a.md", EN_JOB)
    repo.commit("both")
    result = CliRunner().invoke(main, ["status", str(repo.root / "content/en/notes")])
    assert result.exit_code == 2 and "no translation pairs found" in result.output


@needs_git
def test_pages_past_their_expiry_date_are_no_translation_work(repo: Repo):
    expired = "---\ntitle: {t}\nexpiryDate: 2020-03-01\n---\n\nText.\n"
    repo.write("content/en/old.md", expired.format(t="Old"))  # missing in sv, but gone from the site
    repo.write("content/en/gone.md", expired.format(t="Gone"))
    repo.write("content/sv/gone.md", expired.format(t="Borta"))
    repo.commit("expired pages")
    repo.write("content/en/gone.md", expired.format(t="Gone") + "\nMore.\n")  # the source moved on
    repo.commit("source changed")
    data = status_json(repo, "--clock", "2026-01-01")
    assert [p["translation"] or p["source"] for p in data["pages"]] == ["content/sv/job.md"]
    before = status_json(repo, "--clock", "2020-01-01")
    states = sorted((p["state"], p["translation"] or p["source"]) for p in before["pages"])
    assert states == [("behind", "content/sv/gone.md"), ("missing", "content/en/old.md"), ("up-to-date", "content/sv/job.md")]
    assert status_json(repo, "--include-expired")["pages"] == before["pages"]
