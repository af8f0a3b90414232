import json

from click.testing import CliRunner

from transcheck.cli import main
from transcheck.rules import RULES
from conftest import REPO, SAMPLES

CLEAN = [str(SAMPLES / "clean" / "posting.sv.md"), str(SAMPLES / "clean" / "posting.en.md")]
BROKEN = [str(SAMPLES / "broken" / "posting.sv.md"), str(SAMPLES / "broken" / "posting.en.md")]


def run(*args, env=None, color=False):
    return CliRunner().invoke(main, list(args), env=env, color=color)


def test_clean_pair_exits_0_with_a_summary():
    result = run("check", *CLEAN)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "No findings in 2 files."


def test_broken_pair_shows_every_rule_and_exits_1():
    result = run("check", *BROKEN)
    assert result.exit_code == 1
    lines = [l for l in result.output.splitlines() if l.startswith("samples") or "/samples/" in l]
    rules = {line.split(": ", 2)[1].split()[2].rstrip(":") for line in lines}
    assert {line.split(": ", 2)[1].split()[0] for line in lines} == {"error", "warning", "info"}
    expected = {r.name for r in RULES} - {"parse-error", "internal-error", "orphan", "suppression-invalid", "suppression-unused",
                                          "stale-translation",  # git history, not the files: tests/test_status.py
                                          "content-skipped",  # broken Markdown: tests/test_rules_content_skipped.py
                                          "sentence-missing", "clause-drift", "sentence-replaced"}  # prose drift: tests/test_rules_sentences.py
    # The sample shows the rules it was written for (its whole output is pinned in the README,
    # tests/test_project.py); a rule added since is shown by its own cases under tests/cases/.
    assert rules <= expected
    assert [r for r in sorted(expected - rules) if not (REPO / "tests" / "cases" / r).is_dir()] == []
    assert len(rules) >= 24
    for line in lines:
        path, line_no, col, rest = line.split(":", 3)
        assert int(line_no) >= 1 and col == "1"
        assert rest.split()[0] in ("error", "warning", "info") and rest.split()[1].startswith("TC")
    assert result.output.rstrip().endswith("infos in 2 files.") or "info in 2 files." in result.output


def test_json_output_is_the_documented_shape():
    result = run("check", "--format", "json", *BROKEN)
    data = json.loads(result.output)
    assert data["version"] == 1
    assert [f["language"] for f in data["files"]] == ["sv", "en"]
    finding = data["findings"][0]
    assert set(finding) == {"path", "line", "column", "rule", "code", "severity", "message", "related"}
    assert set(data["summary"]) == {"errors", "warnings", "infos"}
    assert data["summary"]["errors"] == sum(f["severity"] == "error" for f in data["findings"])
    missing = next(f for f in data["findings"] if f["rule"] == "missing-section")
    assert missing["related"][0]["path"].endswith("posting.en.md")


def test_output_is_deterministic():
    first = run("check", "--format", "json", *BROKEN).output
    second = run("check", "--format", "json", *BROKEN).output
    assert first == second


def test_fail_on_and_select_and_ignore():
    assert run("check", "--select", "paragraph-count", *BROKEN).exit_code == 0
    assert run("check", "--select", "paragraph-count", "--fail-on", "info", *BROKEN).exit_code == 1
    only = run("check", "--select", "TC1", *BROKEN).output
    assert "TC1" in only and "TC2" not in only and "TC3" not in only
    ignored = run("check", "--ignore", "shortcode-,frontmatter-", *BROKEN).output
    assert "shortcode-" not in ignored and "frontmatter-" not in ignored and "missing-section" in ignored


def test_unknown_rule_is_a_usage_error():
    result = run("check", "--select", "no-such-rule", *BROKEN)
    assert result.exit_code == 2
    assert "no-such-rule" in result.output


def test_missing_file_exits_2_and_names_it(tmp_path):
    result = run("check", str(tmp_path / "nope.md"), CLEAN[1])
    assert result.exit_code == 2
    assert "nope.md:1:1: error TC001 parse-error: no such file" in result.output
    assert "Traceback" not in result.output


def test_malformed_front_matter_is_a_finding_exit_1(tmp_path):
    bad = tmp_path / "bad.sv.md"
    bad.write_text("---\ntitle: [x\n---\n# Hej\n")
    result = run("check", str(bad), CLEAN[1])
    assert result.exit_code == 1
    assert f"{bad}:2:1: error TC001 parse-error: malformed YAML front matter" in result.output


def test_colour_only_when_asked_and_never_with_no_color():
    plain = run("check", *BROKEN, color=True).output  # not a terminal: no colour
    assert "\033[" not in plain
    coloured = run("check", "--color", "always", *BROKEN, color=True).output
    assert "\033[31m" in coloured
    assert "\033[" not in run("check", "--color", "auto", *BROKEN, env={"NO_COLOR": "1"}, color=True).output


def test_output_file(tmp_path):
    target = tmp_path / "report.txt"
    result = run("check", "-o", str(target), *BROKEN)
    assert result.exit_code == 1 and result.output == ""
    assert "missing-section" in target.read_text()


def test_lang_option_sets_the_languages():
    data = json.loads(run("check", "--format", "json", "--lang", "nb", "da", *CLEAN).output)
    assert [f["language"] for f in data["files"]] == ["nb", "da"]


def test_rules_lists_every_rule_and_shows_docs():
    listing = run("rules").output
    for item in RULES:
        assert item.code in listing and item.name in listing
    doc = run("rules", "shortcode-mismatch").output
    assert "TC201 shortcode-mismatch (error)" in doc and "title=" in doc
    assert run("rules", "nope").exit_code == 2


def test_every_rule_has_documentation_and_tests():
    tests_text = "".join(p.read_text(encoding="utf-8") for p in (REPO / "tests").glob("test_*.py"))
    for item in RULES:
        assert item.summary
        assert item.doc or item.name in ("list-kind", "table-shape")
        has_cases = (REPO / "tests" / "cases" / item.name).is_dir()
        assert has_cases or f'"{item.name}"' in tests_text, f"no test names {item.name} and no tests/cases/{item.name}/"
