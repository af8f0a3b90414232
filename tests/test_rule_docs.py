"""Every rule documents itself: what it reports, an example that it really reports on, and how
to silence it; the README's rule table is generated from the registry."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from transcheck.checking.engine import check_texts
from transcheck.cli import main
from transcheck.findings import Severity
from transcheck.rules import CHECKS, RULES
from transcheck.report.ruledocs import rule_text, rules_markdown

README = Path(__file__).resolve().parent.parent / "README.md"
# the rules a pair check reports (the rest are raised by reading, scan or the directives)
PAIR_RULES = sorted({r.name: r for check in CHECKS for r in check.reports}.values(), key=lambda r: r.code)


def test_every_rule_a_pair_check_reports_has_an_example():
    assert [r.name for r in PAIR_RULES if r.example is None] == []


@pytest.mark.parametrize("rule", PAIR_RULES, ids=lambda r: r.name)
def test_each_example_is_reported_by_its_rule_and_by_no_other_error(rule):
    assert rule.example is not None
    found = check_texts(rule.example.a, rule.example.b, "p.sv.md", "p.en.md")
    assert rule.name in {f.rule for f in found}, rule.example.why
    others = [f"{f.rule}: {f.message}" for f in found if f.rule != rule.name and f.severity is Severity.ERROR]
    assert others == []


def test_the_rule_documentation_shows_the_example_and_how_to_silence():
    rule = next(r for r in PAIR_RULES if r.name == "bullet-count")
    text = CliRunner().invoke(main, ["rules", "bullet-count"]).output
    assert text.strip() == rule_text(rule)
    assert "Example: p.sv.md" in text and "against p.en.md" in text
    assert "transcheck-disable-next-line bullet-count" in text and "--ignore bullet-count" in text
    assert rule.example is not None and rule.example.a.splitlines()[0] in text


def test_a_rule_that_cannot_be_silenced_says_so():
    text = CliRunner().invoke(main, ["rules", "internal-error"]).output
    assert "cannot be silenced" in text and "transcheck-disable" not in text


def test_the_readme_rule_table_is_the_generated_one():
    """``TRANSCHECK_UPDATE_CASES=1`` (which also rewrites the rule cases' expected output)
    writes the table into the README: a new rule module needs no hand edit there."""
    readme = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- rules:start.*?-->\n(.*?)\n<!-- rules:end -->", readme, re.S)
    assert block is not None, "README.md needs the <!-- rules:start --> … <!-- rules:end --> markers"
    if os.environ.get("TRANSCHECK_UPDATE_CASES") == "1":
        readme = readme[: block.start(1)] + rules_markdown(RULES) + readme[block.end(1):]
        README.write_text(readme, encoding="utf-8")
        block = re.search(r"<!-- rules:start.*?-->\n(.*?)\n<!-- rules:end -->", readme, re.S)
        assert block is not None
    assert block.group(1).strip() == rules_markdown(RULES)
    assert CliRunner().invoke(main, ["rules", "--markdown"]).output.strip() == rules_markdown(RULES)


def test_a_summary_with_a_pipe_keeps_the_table_intact():
    from msgspec.structs import replace

    rule = replace(RULES[0], summary="a | b")
    assert rules_markdown((rule,)).splitlines()[-1].count(" | ") == 3
