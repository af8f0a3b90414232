"""`transcheck stamp`: the source commit written into a translation's front matter."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from transcheck.history import status as st
from transcheck.cli import main
from transcheck.site.stamp import stamp_text
from conftest import GitSite

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

SHA = "0123456789abcdef0123456789abcdef01234567"
HUGO = 'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n[languages.sv]\ncontentDir = "content/sv"\n'
EN = "---\ntitle: Job\n---\n\nIntro.\n\n## Requirements\n\n- Python\n"
SV = "---\ntitle: Jobb  # kept\ntags: [a, b]\n---\n\nIntro.\n\n## Krav\n\n- Python\n"


# --- the pure edit ---------------------------------------------------------------------------


def test_yaml_without_marker_gets_one_entry_at_the_end_and_nothing_else_moves():
    result = stamp_text(SV, "sv.md", "default_lang_commit", SHA)
    assert result.after == SV.replace("tags: [a, b]\n", f"tags: [a, b]\ndefault_lang_commit: {SHA}\n")
    assert result.note == "" and result.changed


def test_toml_entry_goes_before_the_first_table_where_it_stays_top_level():
    text = '+++\ntitle = "Jobb"\n# a comment\n[params]\nx = 1\n+++\n\nBody.\n'
    after = stamp_text(text, "sv.md", "default_lang_commit", SHA).after
    assert after == text.replace("# a comment\n", f'# a comment\ndefault_lang_commit = "{SHA}"\n')
    plain = '+++\ntitle = "Jobb"\n+++\nBody.\n'
    assert stamp_text(plain, "sv.md", "default_lang_commit", SHA).after == \
        plain.replace('"Jobb"\n', f'"Jobb"\ndefault_lang_commit = "{SHA}"\n')


def test_json_entry_follows_the_last_with_a_comma_and_its_indent():
    text = '{\n  "title": "Jobb",\n  "tags": ["a", "b"]\n}\n\nBody.\n'
    after = stamp_text(text, "sv.md", "default_lang_commit", SHA).after
    assert after == text.replace('["a", "b"]\n', f'["a", "b"],\n  "default_lang_commit": "{SHA}"\n')
    one_line = '{"title": "Jobb"}\nBody.\n'
    assert stamp_text(one_line, "sv.md", "default_lang_commit", SHA).after == \
        f'{{"title": "Jobb", "default_lang_commit": "{SHA}"}}\nBody.\n'


@pytest.mark.parametrize("written, expected", [
    ('default_lang_commit: "abc1234" # synced\n', f'default_lang_commit: "{SHA}" # synced\n'),
    ("default_lang_commit: 'abc1234'\n", f"default_lang_commit: '{SHA}'\n"),
    ("default_lang_commit: abc1234\n", f"default_lang_commit: {SHA}\n"),
    ("default_lang_commit:\n", f"default_lang_commit: {SHA}\n"),
])
def test_existing_yaml_marker_is_updated_in_place_with_its_quoting(written: str, expected: str):
    text = f"---\ntitle: Jobb\n{written}weight: 3\n---\nBody.\n"
    assert stamp_text(text, "sv.md", "default_lang_commit", SHA).after == text.replace(written, expected)


def test_existing_nested_mdn_marker_is_updated_even_when_another_key_is_asked_for():
    text = "---\ntitle: Jobb\nl10n:\n  sourceCommit: abc1234\n  other: x\nslug: a\n---\nBody.\n"
    result = stamp_text(text, "sv.md", "default_lang_commit", SHA)
    assert result.after == text.replace("abc1234", SHA)
    assert any("l10n.sourceCommit" in remark for remark in result.remarks)
    json_text = '{"title": "x", "l10n": {"sourceCommit": "abc1234"}}\n'
    assert stamp_text(json_text, "sv.md", "default_lang_commit", SHA).after == json_text.replace("abc1234", SHA)
    toml_text = '+++\nl10n.other = 1\nl10n.sourceCommit = "abc1234"\n+++\n'
    assert stamp_text(toml_text, "sv.md", "default_lang_commit", SHA).after == toml_text.replace("abc1234", SHA)


def test_a_chosen_dotted_key_is_added_as_a_nested_mapping():
    text = "---\ntitle: Jobb\n---\nBody.\n"
    after = stamp_text(text, "sv.md", "l10n.sourceCommit", SHA).after
    assert after == f"---\ntitle: Jobb\nl10n:\n  sourceCommit: {SHA}\n---\nBody.\n"


def test_a_page_already_stamped_with_the_commit_is_unchanged():
    text = f"---\ntitle: Jobb\ndefault_lang_commit: {SHA}\n---\nBody.\n"
    result = stamp_text(text, "sv.md", "default_lang_commit", SHA)
    assert not result.changed and result.note == ""


def test_crlf_and_a_page_without_front_matter():
    text = "---\r\ntitle: Jobb\r\n---\r\nBody.\r\n"
    assert stamp_text(text, "sv.md", "default_lang_commit", SHA).after == \
        f"---\r\ntitle: Jobb\r\ndefault_lang_commit: {SHA}\r\n---\r\nBody.\r\n"
    assert stamp_text("Body.\n", "sv.md", "default_lang_commit", SHA).after == \
        f"---\ndefault_lang_commit: {SHA}\n---\nBody.\n"


def test_drift_flag_is_kept_and_mentioned():
    text = "---\ntitle: Jobb\ndrifted_from_default: true\ndefault_lang_commit: abc1234\n---\nBody.\n"
    result = stamp_text(text, "sv.md", "default_lang_commit", SHA)
    assert result.after == text.replace("abc1234", SHA)
    assert any("drifted_from_default" in remark for remark in result.remarks)


@pytest.mark.parametrize("text", [
    "---\ntitle: Jobb\ndefault_lang_commit: [a, b]\n---\n",  # not a plain value
    "---\ntitle: Jobb\ndefault_lang_commit: |\n  abc\n---\n",  # a block string
    '+++\n[l10n]\nsourceCommit = "abc"\n+++\n',  # a TOML table stamp does not edit
    "---\nl10n: {other: x}\n---\n",  # the parent is there, the marker not: by hand
    "---\n{title: x}\n---\n",  # a flow mapping: an appended line would not parse
    "---\ntitle: [unclosed\n---\n",  # front matter that does not parse
])
def test_what_cannot_be_edited_safely_is_refused_and_left_as_it_is(text: str):
    key = "l10n.sourceCommit" if "l10n" in text else "default_lang_commit"
    result = stamp_text(text, "sv.md", key, SHA)
    assert not result.changed and result.note.startswith("not changed: ")


# --- the command on a git repository ---------------------------------------------------------


Repo = GitSite


pytestmark = pytest.mark.usefixtures("fresh_git_memory")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    r = Repo(tmp_path / "site")
    r.write("content/en/job.md", EN)
    r.write("content/sv/job.md", SV)
    r.commit("both")
    r.write("content/en/job.md", EN + "- Git\n")
    r.commit("source changed")
    return r


def run(repo: Repo, *args: str):
    cwd = os.getcwd()
    os.chdir(repo.root)
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        os.chdir(cwd)


def state(repo: Repo) -> str:
    st.reset_memory()
    result = run(repo, "status", ".", "--format", "json")
    assert result.exit_code == 0, result.output
    return next(p for p in json.loads(result.output)["pages"] if p["translation"] == "content/sv/job.md")["state"]


@needs_git
def test_stamp_brings_a_page_that_is_behind_up_to_date(repo: Repo):
    source_commit = repo.git("log", "-1", "--format=%H", "--", "content/en/job.md")
    repo.commit("later, unrelated")  # HEAD is not the source's last commit
    assert state(repo) == "behind"
    result = run(repo, "stamp", "--write", "content/sv/job.md")
    assert result.exit_code == 0, result.output
    assert "stamped content/sv/job.md with " + source_commit[:12] in result.output
    assert "source content/en/job.md" in result.output
    after = (repo.root / "content/sv/job.md").read_text(encoding="utf-8")
    assert after == SV.replace("tags: [a, b]\n", f"tags: [a, b]\ndefault_lang_commit: {source_commit}\n")
    assert state(repo) == "up-to-date"
    again = run(repo, "stamp", "content/sv/job.md")  # already stamped: nothing to show, exit 0
    assert again.exit_code == 0 and "already stamped" in again.output and "+++" not in again.output


@needs_git
def test_diff_is_the_default_and_writes_nothing(repo: Repo):
    before = (repo.root / "content/sv/job.md").read_bytes()
    result = run(repo, "stamp", "content/sv/job.md")
    assert result.exit_code == 1
    assert "+++ b/content/sv/job.md" in result.output and "+default_lang_commit: " in result.output
    assert (repo.root / "content/sv/job.md").read_bytes() == before
    assert state(repo) == "behind"


@needs_git
def test_a_source_with_uncommitted_changes_is_refused(repo: Repo):
    repo.write("content/en/job.md", EN + "- Git\n- Docker\n")
    before = (repo.root / "content/sv/job.md").read_bytes()
    result = run(repo, "stamp", "--write", "content/sv/job.md")
    assert result.exit_code == 2
    assert "uncommitted changes" in result.output and "commit them first" in result.output
    assert (repo.root / "content/sv/job.md").read_bytes() == before


@needs_git
def test_a_source_page_is_refused_and_the_other_files_still_done(repo: Repo):
    repo.write("content/en/other.md", "---\ntitle: Other\n---\nText.\n")
    repo.write("content/sv/other.md", '{\n  "title": "Annan"\n}\nText.\n')
    repo.commit("other")
    result = run(repo, "stamp", "--write", "content/en/job.md", "content/sv/other.md")
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("transcheck: error:")]
    assert errors == ["transcheck: error: content/en/job.md: a source page (en), not a translation: stamp its translations"]
    commit = repo.git("rev-parse", "HEAD")
    assert (repo.root / "content/sv/other.md").read_text(encoding="utf-8") == \
        f'{{\n  "title": "Annan",\n  "default_lang_commit": "{commit}"\n}}\nText.\n'
    assert (repo.root / "content/en/job.md").read_text(encoding="utf-8") == EN + "- Git\n"


@needs_git
def test_a_file_without_source_is_refused(repo: Repo):
    repo.write("content/sv/only.md", "---\ntitle: Bara\n---\n")
    repo.commit("only sv")
    repo.write("content/sv/both.md", "---\ntitle: Bara\n---\n")  # a page of two translations, no source
    repo.write("content/de/both.md", "---\ntitle: Nur\n---\n")
    repo.write("hugo.toml", HUGO + '[languages.de]\ncontentDir = "content/de"\n')
    repo.commit("only translations")
    result = run(repo, "stamp", "content/sv/only.md", "content/sv/both.md", "content/de/both.md")
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("transcheck: error:")]
    assert errors == [f"transcheck: error: content/sv/{name}.md: no source page found for it (the site has no en "
                      "version of it)" for name in ("only", "both")]
    # the pairing (as status sees it) makes the Swedish page the German one's source
    assert "+++ b/content/de/both.md" in result.output


@needs_git
def test_a_merge_of_two_changes_of_the_source_stamps_the_merge(repo: Repo):
    repo.git("checkout", "-q", "-b", "side")
    repo.write("content/en/job.md", "---\ntitle: Job\n---\n\nIntro, longer.\n\n## Requirements\n\n- Python\n- Git\n")
    repo.commit("side edit")
    repo.git("checkout", "-q", "main")
    repo.write("content/en/job.md", EN + "- Git\n- Docker\n")
    repo.commit("main edit")
    repo.git("merge", "-q", "--no-edit", "side")
    assert state(repo) == "behind"
    result = run(repo, "stamp", "--write", "content/sv/job.md")
    assert result.exit_code == 0, result.output
    assert "with " + repo.git("rev-parse", "HEAD")[:12] in result.output  # the merge holds the text
    assert state(repo) == "up-to-date"


@needs_git
def test_a_hard_linked_translation_keeps_its_link_and_other_bytes(repo: Repo):
    crlf = SV.replace("\n", "\r\n")
    page = repo.write("content/sv/job.md", crlf)
    repo.commit("crlf")
    link = repo.root.parent / "link.md"
    os.link(page, link)
    result = run(repo, "stamp", "--write", "content/sv/job.md")
    assert result.exit_code == 0, result.output
    text = link.read_bytes().decode("utf-8")
    assert text.startswith("---\r\ntitle: Jobb  # kept\r\ntags: [a, b]\r\ndefault_lang_commit: ")
    assert text.endswith("\r\n---\r\n\r\nIntro.\r\n\r\n## Krav\r\n\r\n- Python\r\n")


def test_a_marker_from_a_yaml_merge_is_refused():
    text = "---\nbase: &b\n  x: 1\n<<: {default_lang_commit: abc1234}\ntitle: Jobb\n---\n"
    result = stamp_text(text, "sv.md", "default_lang_commit", SHA)
    assert not result.changed and "merge" in result.note


def test_the_diff_of_a_page_without_a_last_line_break_is_a_valid_patch(tmp_path: Path):
    text = "---\ntitle: Jobb\n---"
    result = stamp_text(text, "sv.md", "default_lang_commit", SHA)
    assert result.after == f"---\ntitle: Jobb\ndefault_lang_commit: {SHA}\n---"
    assert result.diff().endswith(" ---\n\\ No newline at end of file\n")
    if shutil.which("patch"):
        page = tmp_path / "sv.md"
        page.write_text(text, encoding="utf-8")
        subprocess.run(["patch", "-s", "-p1", "-d", str(tmp_path)], input=result.diff(),
                       text=True, check=True)
        assert page.read_text(encoding="utf-8") == result.after


@needs_git
def test_outside_a_git_repository_nothing_is_stamped(tmp_path: Path):
    site = tmp_path / "nogit"
    (site / "content/en").mkdir(parents=True)
    (site / "content/sv").mkdir(parents=True)
    (site / "hugo.toml").write_text(HUGO, encoding="utf-8")
    (site / "content/en/job.md").write_text(EN, encoding="utf-8")
    (site / "content/sv/job.md").write_text(SV, encoding="utf-8")
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}  # never find a repository above the test folder
    result = CliRunner(env=env).invoke(main, ["stamp", "--write", str(site / "content/sv/job.md")])
    assert result.exit_code == 2 and "stamp needs a git repository" in result.output
    assert (site / "content/sv/job.md").read_text(encoding="utf-8") == SV
