"""Every output format: the same paths, orphans and parse errors everywhere, exit status and
JUnit failures in agreement, linter options, escaping of page text and file names."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from transcheck.cli import main
from transcheck.findings import Finding, Location, Severity
from transcheck.report.paths import PathStyle, visible
from conftest import SAMPLES, SHARED, write

SV = "---\ntitle: Om oss\n---\n## Om oss\n\n- Ett\n- Två\n"
EN = "---\ntitle: About us\n---\n## About us\n\n- One\n- Two\n"
HUGO = 'defaultContentLanguage = "sv"\n[languages.sv]\ncontentDir = "content/sv"\n[languages.en]\ncontentDir = "content/en"\n'
BROKEN = [str(SAMPLES / "broken" / "posting.sv.md"), str(SAMPLES / "broken" / "posting.en.md")]
FORMATS = ["text", "json", "sarif", "github", "junit", "gitlab", "html"]




def small_site(root: Path) -> Path:
    """A pair with drift, a page without a translation and a page that cannot be parsed."""
    return write(root, {
        "hugo.toml": HUGO,
        "content/sv/a.md": SV + "- Tre\n", "content/en/a.md": EN,
        "content/sv/only.md": SV,
        "content/sv/bad.md": "---\ntitle: [x\n---\n## Hej\n", "content/en/bad.md": EN,
    })


def run(*args):
    return CliRunner().invoke(main, list(args))


def paths_in(fmt: str, output: str) -> set[str]:
    """The finding paths an output names, read the way its consumer reads them."""
    if fmt == "text":
        return set(re.findall(r"(?m)^(\S+):\d+:\d+: (?:error|warning|info) TC\d+ ", output))
    if fmt == "json":
        return {f["path"] for f in json.loads(output)["findings"]}
    if fmt == "sarif":
        results = json.loads(output)["runs"][0]["results"]
        return {unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results}
    if fmt == "github":
        return set(re.findall(r"(?m)^::\w+ file=([^,]+),", output))
    if fmt == "junit":
        suite = ET.fromstring(output)
        return {f.text.split(":", 1)[0] for f in suite.iter("failure")}
    if fmt == "gitlab":
        return {issue["location"]["path"] for issue in json.loads(output)}
    assert fmt == "html"  # a pair's findings name their side; the files without a view their path
    paths = set(re.findall(r'<span class="where">([^<]+):\d+</span>', output))
    pairs = r'<summary><span class="pa">([^<]+)</span> ↔ <span class="pb">([^<]+)</span>.*?</summary>(.*?)</details>'
    for a, b, body in re.findall(pairs, output, re.S):
        paths |= {a if side == "a" else b for side in re.findall(r'<div class="finding [^>]*data-s="([ab])"', body)}
    return paths


def test_every_format_shows_the_same_relative_paths(tmp_path, monkeypatch):
    small_site(tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    expected = {"site/content/en/a.md", "site/content/sv/only.md", "site/content/sv/bad.md"}
    statuses = set()
    for fmt in FORMATS:
        result = run("scan", "site", "--format", fmt, "--fail-on", "info", "--no-progress")
        statuses.add(result.exit_code)
        assert paths_in(fmt, result.stdout) == expected, fmt
    assert statuses == {1}  # the same exit status in every format
    # the message names the other file by the same path
    data = json.loads(run("scan", "site", "--format", "json").stdout)
    bullet = next(f for f in data["findings"] if f["rule"] == "bullet-count")
    assert "in site/content/sv/a.md:6" in bullet["message"]
    assert all(r["path"].startswith("site/content/") for f in data["findings"] for r in f["related"])
    assert {f["path"] for f in data["files"]} >= {"site/content/sv/a.md", "site/content/en/a.md"}


def test_root_option_and_sites_outside_the_working_directory(tmp_path, monkeypatch):
    site = small_site(tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    with_root = json.loads(run("scan", "site", "--format", "json", "--root", "site").stdout)
    assert {f["path"] for f in with_root["findings"]} == {"content/en/a.md", "content/sv/only.md", "content/sv/bad.md"}
    monkeypatch.chdir(SAMPLES)  # the site is elsewhere: shown relative to the site's root, never absolute
    outside = json.loads(run("scan", str(site), "--format", "json").stdout)
    assert {f["path"] for f in outside["findings"]} == {"content/en/a.md", "content/sv/only.md", "content/sv/bad.md"}


def test_check_paths_are_relative_to_the_working_directory_or_root(monkeypatch):
    monkeypatch.chdir(SAMPLES.parent)
    absolute = [str(Path(p).resolve()) for p in BROKEN]
    text = run("check", *absolute).stdout
    assert text.startswith("samples/broken/posting.en.md:5:1: error TC503 ")
    assert str(SAMPLES) not in text  # messages too name the other file relative to here
    assert "(samples/broken/posting.en.md:42) has no counterpart here (section" in text
    rooted = run("check", *absolute, "--root", "samples/broken", "--format", "json").stdout
    assert {f["path"] for f in json.loads(rooted)["findings"]} == {"posting.sv.md", "posting.en.md"}


def test_sarif_of_every_finding_is_valid(tmp_path, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = SHARED / "schemas" / "sarif-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip("../shared/schemas is not present")
    small_site(tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    log = json.loads(run("scan", "site", "--format", "sarif").stdout)
    jsonschema.validate(log, json.loads(schema_path.read_text()))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert "site/content/sv/only.md" in uris


def test_junit_failures_agree_with_the_exit_status(tmp_path, monkeypatch):
    write(tmp_path, {"hugo.toml": HUGO, "content/sv/a.md": SV, "content/en/a.md": EN, "content/sv/only.md": SV})
    monkeypatch.chdir(tmp_path)
    for fail_on, status, failures in (("error", 0, 0), ("warning", 1, 1)):  # the orphan is a warning
        result = run("scan", ".", "--format", "junit", "--fail-on", fail_on)
        suite = ET.fromstring(result.stdout)
        assert result.exit_code == status
        assert int(suite.get("failures")) == failures == len(list(suite.iter("failure")))
        assert int(suite.get("tests")) == len(list(suite.iter("testcase"))) == 2  # the pair and the orphan
    orphan_case = [c for c in ET.fromstring(run("scan", ".", "--format", "junit", "--fail-on", "info").stdout).iter("testcase")
                   if c.get("name") == "content/sv/only.md"]
    assert orphan_case and orphan_case[0].find("failure") is not None


def test_html_shows_orphans_and_parse_errors(tmp_path, monkeypatch):
    small_site(tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    html = run("scan", "site", "--format", "html").stdout
    assert "Files without a side-by-side view" in html
    assert "TC601 orphan" in html and "TC001 parse-error" in html and "malformed YAML front matter" in html


def test_check_html_is_html_even_when_a_file_cannot_be_parsed(tmp_path):
    bad = write(tmp_path, {"bad.sv.md": "---\ntitle: [x\n---\n## Hej\n"}) / "bad.sv.md"
    result = run("check", str(bad), BROKEN[1], "--format", "html")
    assert result.exit_code == 1
    assert result.stdout.startswith("<!doctype html>")
    assert "TC001 parse-error" in result.stdout and "malformed YAML front matter" in result.stdout
    assert '<span class="sev-error">1 error</span>' in result.stdout


def test_text_lines_spell_the_severity():
    lines = [l for l in run("check", *BROKEN).stdout.splitlines() if ": TC" in l or re.search(r":\d+:\d+: ", l)]
    assert lines
    for line in lines:
        assert re.match(r"^\S+:\d+:\d+: (error|warning|info) TC\d{3} [a-z-]+: ", line), line
    assert any(": warning TC" in l for l in lines) and any(": info TC" in l for l in lines)


def test_color_always_works_in_a_pipe():
    command = [sys.executable, "-m", "transcheck", "check", *BROKEN]
    piped = subprocess.run(command + ["--color", "always"], capture_output=True, text=True)
    assert "\033[31merror TC" in piped.stdout
    plain = subprocess.run(command, capture_output=True, text=True)  # auto: not a terminal
    assert "\033[" not in plain.stdout and plain.returncode == 1
    never = subprocess.run(command + ["--color", "never"], capture_output=True, text=True)
    assert "\033[" not in never.stdout


def test_quiet_statistics_exit_zero_and_short_version(tmp_path):
    quiet = run("check", *BROKEN, "-q")
    assert quiet.exit_code == 1 and "in 2 files." not in quiet.stdout and ": error TC" in quiet.stdout
    assert run("check", *[str(SAMPLES / "clean" / n) for n in ("posting.sv.md", "posting.en.md")], "--quiet").stdout == ""
    stats = run("check", *BROKEN, "--statistics").stdout
    tail = stats.rstrip().split("\n\n")[-1].splitlines()
    assert any(re.fullmatch(r"\s*1  TC302 frontmatter-mismatch \(error\)", l) for l in tail), tail  # draft
    assert any(re.fullmatch(r"\s*1  TC302 frontmatter-mismatch \(warning\)", l) for l in tail), tail  # date
    counts = [int(l.split()[0]) for l in tail]
    assert counts == sorted(counts, reverse=True)
    as_json = run("check", *BROKEN, "--statistics", "--format", "json")
    json.loads(as_json.stdout)  # statistics go to standard error, the JSON stays valid
    assert "TC302 frontmatter-mismatch" in as_json.stderr
    assert run("check", *BROKEN, "--exit-zero").exit_code == 0
    assert run("check", str(tmp_path / "missing.md"), BROKEN[1], "--exit-zero").exit_code == 2
    version = run("-V")
    assert version.exit_code == 0 and version.stdout.startswith("transcheck, version ")
    site = write(tmp_path / "site", {"hugo.toml": HUGO, "content/sv/a.md": SV + "- Tre\n", "content/en/a.md": EN})
    scanned = run("scan", str(site), "-q", "--statistics", "--exit-zero")
    assert scanned.exit_code == 0 and "checked in" not in scanned.stdout
    assert "hugo site" not in scanned.stderr and "hugo site" in run("scan", str(site)).stderr  # the pairing line
    assert re.search(r"(?m)^1  TC104 bullet-count \(error\)$", scanned.stdout)


def test_gitlab_code_quality(tmp_path):
    result = run("check", *BROKEN, "--format", "gitlab")
    issues = json.loads(result.stdout)
    assert result.exit_code == 1 and issues
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert set(issue["location"]) == {"path", "lines"} and issue["location"]["lines"]["begin"] >= 1
        assert not issue["location"]["path"].startswith("/")
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert {i["severity"] for i in issues} == {"major", "minor", "info"}
    assert run("check", *BROKEN, "--format", "gitlab").stdout == result.stdout  # stable
    clean = [str(SAMPLES / "clean" / n) for n in ("posting.sv.md", "posting.en.md")]
    assert json.loads(run("check", *clean, "--format", "gitlab").stdout or "[]") == []


CONTROL_SV = "---\ntitle: Om\n---\n## Om oss\n\nText.\n\n## Rubrik\x01 med \x1b[31mfärg\x1b[0m\x07\n\nMer text.\n"
CONTROL_EN = "---\ntitle: About\n---\n## About us\n\nText.\n"


def test_control_characters_never_reach_the_terminal_or_break_xml(tmp_path):
    write(tmp_path, {"hugo.toml": HUGO, "content/sv/a.md": CONTROL_SV, "content/en/a.md": CONTROL_EN})
    a, b = str(tmp_path / "content/en/a.md"), str(tmp_path / "content/sv/a.md")
    text = run("check", a, b, "--lang", "en", "sv").stdout
    assert "missing-section" in text
    assert "\x1b" not in text and "\x01" not in text and "\x07" not in text
    assert "\\x1b[31mfärg" in text and "\\x01" in text  # shown, visibly
    github = run("check", a, b, "--lang", "en", "sv", "--format", "github").stdout
    assert "\x1b" not in github and "\\x1b" in github
    junit = run("scan", str(tmp_path), "--format", "junit").stdout
    suite = ET.fromstring(junit)  # valid XML although a heading holds control characters
    assert any("\\x1b" in (f.get("message") or "") for f in suite.iter("failure"))


def test_visible_escapes():
    assert visible("a\x1b[2Jb\u202ec\x85\u2028") == "a\\x1b[2Jb\\u202ec\\x85\\u2028"
    assert visible("Åäö – ok\u00a0") == "Åäö – ok\u00a0"
    assert visible(os.fsdecode(b"sida-\xff.md")) == "sida-\\xff.md"


@pytest.mark.skipif(sys.platform == "win32" or sys.getfilesystemencoding() != "utf-8", reason="POSIX byte file names")
def test_a_file_name_that_is_not_utf8_does_not_crash_any_format(tmp_path, monkeypatch):
    folder = os.fsencode(tmp_path)
    name_a = os.fsdecode(folder + b"/sida-\xff.sv.md")
    Path(name_a).write_text(SV + "- Tre\n", encoding="utf-8")
    (tmp_path / "sida.en.md").write_text(EN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    relative = os.fsdecode(b"sida-\xff.sv.md")
    for fmt in FORMATS:
        result = run("check", relative, "sida.en.md", "--format", fmt)
        assert result.exit_code == 1, (fmt, result.output, result.exception)
        shown = result.stdout.replace("\\\\", "\\")  # JSON doubles the backslash
        assert "sida-\\xff.sv.md" in shown or "sida-%FF.sv.md" in shown, fmt
    sarif = json.loads(run("check", relative, "sida.en.md", "--format", "sarif").stdout)
    result = sarif["runs"][0]["results"][0]
    related = [r["physicalLocation"]["artifactLocation"]["uri"] for r in result["relatedLocations"]]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sida.en.md"
    assert related == ["sida-%FF.sv.md"]  # the bytes of the name, percent-encoded
    report = os.fsdecode(b"rapport-\xfe.sarif")
    result = run("check", relative, "sida.en.md", "--format", "sarif", "-o", report)
    assert result.exit_code == 1, result.output
    assert json.loads(Path(report).read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_path_style_keeps_messages_and_paths_together(tmp_path):
    style = PathStyle(str(tmp_path))
    a, b = str(tmp_path / "x" / "b" / "a.md"), str(tmp_path / "b" / "a.md")
    finding = Finding(a, 3, "bullet-count", "TC104", Severity.ERROR, f"list has 1 item here but 2 in {b}:4",
                      (Location(b, 4),))
    shown = style.finding(finding)
    assert shown.path == "x/b/a.md" and shown.related[0].path == "b/a.md"
    assert shown.message == "list has 1 item here but 2 in b/a.md:4"
    outside = PathStyle(str(tmp_path / "x"))("/elsewhere/page.md")
    assert outside == "/elsewhere/page.md"


def test_tree_and_error_messages_escape_terminal_sequences(tmp_path):
    page = tmp_path / "esc.md"
    page.write_text("---\ntitle: x\n---\n## Rubrik \x1b[31mröd\x1b[0m\n\nText \x1b]0;title\x07 här.\n", encoding="utf-8")
    tree = run("tree", str(page))
    assert tree.exit_code == 0 and "\x1b" not in tree.stdout and "\x07" not in tree.stdout
    assert "Rubrik \\x1b[31mröd" in tree.stdout and "\n" in tree.stdout.strip()  # lines kept, only controls escaped
    missing = run("tree", str(tmp_path / "no\x1b[2J.md"))
    assert missing.exit_code == 2 and "\x1b" not in missing.stderr and "no\\x1b[2J.md" in missing.stderr


def test_no_message_names_a_path_as_given_when_it_is_shown_otherwise(tmp_path, monkeypatch):
    site = small_site(tmp_path / "site")
    (site / "content/sv/c.md").write_text(
        "---\ntitle: Tjänster\n---\n## Tjänster\n\nVi erbjuder lagring och beräkning i svenska datacenter "
        "med hög tillgänglighet och tydliga avtal.\n", encoding="utf-8")
    (site / "content/en/c.md").write_text(
        "---\ntitle: Services\n---\n## Services\n\nVi erbjuder lagring och beräkning i svenska datacenter "
        "med hög tillgänglighet och tydliga avtal.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data = json.loads(run("scan", str(site.resolve()), "--format", "json").stdout)
    assert len(data["findings"]) >= 4
    assert not [f["message"] for f in data["findings"] if str(tmp_path) in f["message"]]
    assert any(f["rule"] == "untranslated" for f in data["findings"])
