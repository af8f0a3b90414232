"""--select: each rule's findings are exactly those of a full run, and rules that are not
selected cost nothing (no language detection, no value extraction)."""

import pytest

from transcheck.languages import detect
from transcheck.rules import values as value_checks
from transcheck.checking.engine import check_paths
from transcheck.pair.settings import Settings
from conftest import SAMPLES

BROKEN = (str(SAMPLES / "broken" / "posting.sv.md"), str(SAMPLES / "broken" / "posting.en.md"))
FULL = check_paths(*BROKEN).findings


@pytest.mark.parametrize("rule", sorted({f.rule for f in FULL}))
def test_selecting_one_rule_gives_exactly_its_findings(rule):
    assert check_paths(*BROKEN, Settings(select=(rule,))).findings == [f for f in FULL if f.rule == rule]


def test_structure_rules_alone_run_no_detection_and_no_value_extraction(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("ran although no rule needs it")

    monkeypatch.setattr(detect, "_detect", forbidden)
    monkeypatch.setattr(detect, "log_likelihoods", forbidden)
    monkeypatch.setattr(value_checks, "collect", forbidden)
    found = check_paths(*BROKEN, Settings(select=("bullet-count", "missing-section"))).findings
    assert {f.rule for f in found} == {"bullet-count", "missing-section"}
    assert "internal-error" not in {f.rule for f in found}
