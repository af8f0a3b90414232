"""Data-driven rule tests: one folder per case under ``tests/cases/<rule>/<case>/``.

A case folder holds two pages, ``a.<lang>.md`` (checked) and ``b.<lang>.md`` (the
reference), and ``expected.txt``: the exact output of

    transcheck check a.<lang>.md b.<lang>.md --select <rule> --quiet --color never

run inside the folder (so paths are short and relative), empty when nothing may be
reported. An optional ``args.txt`` adds arguments (e.g. a second ``--select`` for a rule
that only reports about another rule). Case names start with ``reports-`` or ``quiet-``;
every rule that two files can provoke has at least two of each.

``TRANSCHECK_UPDATE_CASES=1 python -m pytest tests/test_rule_cases.py`` rewrites the
expected files from the current output; read every changed one before committing.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from transcheck.cli import main
from transcheck.rules import RULES

CASES = Path(__file__).resolve().parent / "cases"
UPDATE = os.environ.get("TRANSCHECK_UPDATE_CASES") == "1"

# Rules that two files cannot provoke: they need a site scan (orphan) or a bug in transcheck
# (internal-error); stale-translation needs git history or a page that says it drifted.
NOT_FROM_TWO_FILES = {"internal-error", "orphan"}


def _case_dirs() -> list[Path]:
    return sorted(path for path in CASES.glob("*/*") if path.is_dir())


def _page(folder: Path, stem: str) -> str:
    """The one file ``<stem>.*.md`` (or ``<stem>.md``) of a case folder."""
    found = sorted(p.name for p in folder.iterdir() if p.name.startswith(stem + ".") and p.suffix == ".md")
    assert len(found) == 1, f"{folder}: expected one {stem}.*.md, found {found}"
    return found[0]


def _arguments(folder: Path) -> list[str]:
    rule = folder.parent.name
    args = ["check", _page(folder, "a"), _page(folder, "b"), "--select", rule, "--quiet", "--color", "never"]
    extra = folder / "args.txt"
    if extra.exists():
        args += shlex.split(extra.read_text(encoding="utf-8"))
    return args


@pytest.mark.parametrize("folder", _case_dirs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rule_case(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, _arguments(folder), env={"NO_COLOR": "1"}, catch_exceptions=False)
    expected_file = folder / "expected.txt"
    if UPDATE:
        expected_file.write_text(result.stdout, encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    assert result.stdout == expected
    # 0 when quiet, 1 when an error is reported; 2 (a crash, an unreadable file) is never expected here.
    assert result.exit_code in ((0, 1) if expected else (0,)), result.output
    if folder.name.startswith("quiet-"):
        assert expected == "", "a quiet case must expect no output"
        # Quiet because the pages agree, not because their sections failed to align
        # (then nothing would be compared and every case would pass).
        arguments = _arguments(folder)
        arguments[arguments.index("--select") + 1] = "missing-section"
        aligned = CliRunner().invoke(main, arguments, env={"NO_COLOR": "1"}, catch_exceptions=False)
        assert "missing-section" not in aligned.stdout, aligned.stdout
    else:
        rule = folder.parent.name
        assert rule in expected, f"a reporting case must report {rule}"


def test_case_names_say_their_intent() -> None:
    for folder in _case_dirs():
        assert folder.name.startswith(("reports-", "quiet-")), folder
        assert (folder / "expected.txt").is_file(), folder


def test_every_rule_has_two_reporting_and_two_quiet_cases() -> None:
    names = {rule.name for rule in RULES}
    folders = {path.name for path in CASES.iterdir() if path.is_dir()}
    assert folders <= names, f"case folders of unknown rules: {sorted(folders - names)}"
    assert names - NOT_FROM_TWO_FILES <= folders, f"rules without cases: {sorted(names - NOT_FROM_TWO_FILES - folders)}"
    for rule in sorted(folders):
        cases = [path.name for path in (CASES / rule).iterdir() if path.is_dir()]
        reporting = [name for name in cases if name.startswith("reports-")]
        quiet = [name for name in cases if name.startswith("quiet-")]
        assert len(reporting) >= 2 and len(quiet) >= 2, f"{rule}: {len(reporting)} reporting, {len(quiet)} quiet"
