"""An exception inside a check never ends the run: the pair gets an internal-error finding,
every other check and pair still runs, and the exit status is 2 (1 means drift)."""

from msgspec.structs import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from transcheck.checking import engine
from transcheck.pair.settings import Settings
from transcheck.rules import values as value_checks
from transcheck.cli import main
from transcheck.checking.engine import check_texts

SV = "---\ntitle: Om\n---\n## Om oss\n\n- Ett\n- Två\n- Tre\n\nSe [sidan](https://a.example/x).\n"
EN = "---\ntitle: About\n---\n## About us\n\n- One\n- Two\n\nSee [the page](https://a.example/y).\n"


@pytest.fixture
def broken_link_check(monkeypatch):
    def explode(comparison):
        raise ValueError("Port could not be cast to integer value as 'abc'")

    explode.__name__ = "check_links"
    checks = tuple(replace(c, run=explode) if c.run is value_checks.check_links else c for c in engine.CHECKS)
    monkeypatch.setattr(engine, "CHECKS", checks)


def test_a_failing_check_becomes_a_finding_and_the_other_checks_still_run(broken_link_check):
    findings = check_texts(SV, EN, "p.sv.md", "p.en.md")
    rules = [f.rule for f in findings]
    assert "bullet-count" in rules  # the structure checks ran
    crash = [f for f in findings if f.rule == "internal-error"]
    assert len(crash) == 1
    assert crash[0].path == "p.sv.md" and crash[0].code == "TC002"
    assert "links check (link-mismatch, image-mismatch)" in crash[0].message
    assert "ValueError" in crash[0].message and "p.en.md" in crash[0].message


def test_internal_error_cannot_be_selected_away(broken_link_check):
    findings = check_texts(SV, EN, "p.sv.md", "p.en.md", Settings(select=("link-mismatch", "bullet-count")))
    assert sorted({f.rule for f in findings}) == ["bullet-count", "internal-error"]
    # a check whose rules are all off does not run, so it cannot fail
    quiet = check_texts(SV, EN, "p.sv.md", "p.en.md", Settings(select=("bullet-count",)))
    assert sorted({f.rule for f in quiet}) == ["bullet-count"]


def test_check_exits_2_not_1_on_a_crash(broken_link_check, tmp_path):
    (tmp_path / "p.sv.md").write_text(SV, encoding="utf-8")
    (tmp_path / "p.en.md").write_text(EN, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "p.sv.md"), str(tmp_path / "p.en.md")])
    assert result.exit_code == 2, result.output
    assert "internal-error" in result.output and "Traceback" not in result.output


def test_scan_goes_on_after_a_crash_and_exits_2(broken_link_check, tmp_path):
    for name, text in {"a.sv.md": SV, "a.md": EN, "b.sv.md": SV, "b.md": EN}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('languages = ["en", "sv"]\nsource = "en"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "-j", "1", "--format", "json"])
    assert result.exit_code == 2, result.output
    assert result.output.count('"internal-error"') == 2  # both pairs reported, neither lost
    assert result.output.count('"bullet-count"') == 2


def test_a_parser_crash_is_contained(monkeypatch, tmp_path):
    import transcheck.checking.engine as e

    def explode(path, max_bytes=0):
        raise KeyError("boom")

    monkeypatch.setattr(e, "parse_file", explode)
    (tmp_path / "p.sv.md").write_text(SV, encoding="utf-8")
    (tmp_path / "p.en.md").write_text(EN, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "p.sv.md"), str(tmp_path / "p.en.md")])
    assert result.exit_code == 2
    assert result.output.count("internal-error") == 2 and "reading the file" in result.output


@pytest.mark.parametrize(
    "url",
    ["http://example.com:abc/", "http://[::1", "http://host:99999/", "http://[zz]/", "http://localhost:port/",
     "https://x.example/%zz%", "http://[::1]:80/"],
)
def test_bad_urls_are_compared_not_crashed_on(url):
    same = check_texts(f"## A\n\n[x]({url}) här\n", f"## A\n\n[x]({url}) here\n", "p.sv.md", "p.en.md")
    assert [f.rule for f in same] == []
    other = check_texts(f"## A\n\n[x]({url}) här\n", "## A\n\n[x](https://ok.example/) here\n", "p.sv.md", "p.en.md")
    assert [f.rule for f in other] == ["link-mismatch"]


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "a.md").write_text(EN, encoding="utf-8")
    (site / "content" / "a.sv.md").write_text(SV, encoding="utf-8")
    return site


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("command", ["check", "tree"])
def test_a_fifo_given_as_a_file_is_refused_not_read(tmp_path, command):
    import os

    os.mkfifo(tmp_path / "fifo.md")
    (tmp_path / "en.md").write_text(EN, encoding="utf-8")
    args = [str(tmp_path / "fifo.md")] + ([str(tmp_path / "en.md")] if command == "check" else [])
    result = CliRunner().invoke(main, [command, *args])  # would block forever if opened for reading
    assert result.exit_code == 2 and "not a regular file" in result.output


def test_a_symlink_loop_is_a_clear_error(tmp_path):
    (tmp_path / "loop1.md").symlink_to(tmp_path / "loop2.md")
    (tmp_path / "loop2.md").symlink_to(tmp_path / "loop1.md")
    (tmp_path / "en.md").write_text(EN, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "loop1.md"), str(tmp_path / "en.md")])
    assert result.exit_code == 2 and "symbolic links" in result.output and result.exception.__class__ is SystemExit


def test_write_baseline_into_a_missing_folder_is_one_line(tmp_path):
    site = _site(tmp_path)
    result = CliRunner().invoke(main, ["scan", str(site), "--write-baseline", str(tmp_path / "no" / "b.json")])
    assert result.exit_code == 2 and "--write-baseline" in result.stderr and "cannot write" in result.stderr


def test_changed_since_without_git_is_one_line(tmp_path, monkeypatch):
    site = _site(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    result = CliRunner().invoke(main, ["scan", str(site), "--changed-since", "main"])
    assert result.exit_code == 2 and "git is not installed" in result.stderr


def test_an_unforeseen_exception_is_one_line_and_exit_2(monkeypatch, tmp_path):
    import transcheck.site.scan as scan_module

    def explode(*args, **kwargs):
        raise LookupError("nobody saw this coming")

    monkeypatch.setattr(scan_module, "plan_pairs", explode)
    result = CliRunner().invoke(main, ["scan", str(_site(tmp_path))])
    assert result.exit_code == 2
    assert "internal error: LookupError: nobody saw this coming" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("text", ['[tool.transcheck\nselect = ["TC1"]\n', '[tool.transcheck]\nselect = ["TC1"\n'])
def test_a_broken_pyproject_with_our_table_is_an_error_not_ignored(tmp_path, text):
    site = _site(tmp_path)
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", str(site)])
    assert result.exit_code == 2 and "pyproject.toml" in result.stderr and "not valid TOML" in result.stderr


def test_a_page_without_suffix_in_a_loose_folder_has_no_made_up_language(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "about.md").write_text("---\ntitle: About\nlanguage: en\n---\n" + EN.split("---\n", 2)[2], encoding="utf-8")
    (folder / "about.sv.md").write_text(SV, encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", str(folder), "--format", "json"])
    rules = {f["rule"] for f in __import__("json").loads(result.stdout)["findings"]}
    assert not rules & {"language-mismatch", "language-detected"}, result.stdout


@pytest.mark.slow
def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path):
    import subprocess
    import sys

    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    for index in range(300):  # more output than a pipe holds (64 KiB)
        (site / "content" / f"p{index}.md").write_text(EN, encoding="utf-8")
        (site / "content" / f"p{index}.sv.md").write_text(SV, encoding="utf-8")
    command = [sys.executable, "-m", "transcheck", "scan", str(site), "--no-cache", "-j", "1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    stderr = process.stderr.read().decode()
    process.wait(timeout=120)
    assert "Traceback" not in stderr and "internal error" not in stderr
