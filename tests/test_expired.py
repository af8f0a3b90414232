"""Pages past their expiry date: Hugo no longer publishes them, so a scan does not report
their pairs (nor that they lack a translation), unless asked to or the site builds them."""

import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from transcheck.cli import main
from transcheck.document.expiry import expiry_of, has_expired, parse_clock
from transcheck.document.read import parse_text
from conftest import write

HUGO = ('defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n'
        '[languages.sv]\ncontentDir = "content/sv"\n')


def page(title: str, expiry: str | None, bullets: list[str]) -> str:
    front = f"title: {title}\n" + (f"expiryDate: {expiry}\n" if expiry else "")
    return f"---\n{front}---\n## {title}\n\n" + "".join(f"- {b}\n" for b in bullets)


EN_OLD = page("Old offer", "2020-03-01", ["One", "Two", "Three"])
SV_OLD = page("Gammalt erbjudande", "2020-03-01", ["Ett", "Två"])  # a bullet missing: a real difference
EN_NOW = page("Offer", None, ["One", "Two", "Three"])
SV_NOW = page("Erbjudande", None, ["Ett", "Två"])


def scan_json(root: Path, *args: str) -> tuple[dict, str]:
    result = CliRunner().invoke(main, ["scan", str(root), "--format", "json", "--no-cache", "-j", "1", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout), result.stderr


def reported(data: dict) -> set[str]:
    return {Path(f["path"]).name for f in data["findings"]}


# --- reading the expiry date -------------------------------------------------------------------


@pytest.mark.parametrize("front, expected", [
    ("expiryDate: 2025-07-01", "2025-07-01T00:00:00+00:00"),
    ("expirydate: 2025-07-01T10:30:00+02:00", "2025-07-01T08:30:00+00:00"),
    ('ExpiryDate: "2025-07-01T10:30:00Z"', "2025-07-01T10:30:00+00:00"),
    ("unpublishdate: 2025-07-01 10:30:00", "2025-07-01T10:30:00+00:00"),
    ("expiryDate: 2025-06-11 # keep", "2025-06-11T00:00:00+00:00"),
    ("expiryDate: 1751328000", "2025-07-01T00:00:00+00:00"),  # a whole number: Unix seconds, as Hugo casts it
])
def test_the_expiry_date_is_read_from_any_of_hugos_keys_and_forms(front, expected):
    doc = parse_text(f"---\ntitle: T\n{front}\n---\nText.\n")
    assert expiry_of(doc.front_matter) == expected


def test_toml_and_json_dates_are_read_too():
    toml = parse_text("+++\ntitle = 'T'\nexpiryDate = 2025-07-01T00:00:00Z\n+++\nText.\n")
    assert expiry_of(toml.front_matter) == "2025-07-01T00:00:00+00:00"
    js = parse_text('{"title": "T", "expiryDate": "2025-07-01"}\nText.\n')
    assert expiry_of(js.front_matter) == "2025-07-01T00:00:00+00:00"


@pytest.mark.parametrize("front", [
    "title: T", "expiryDate: soon", "expiryDate: 2025-02-30", "expiryDate: ", "expiryDate: [1]",
    "expiryDate: true", "expiryDate: 99999999999999999999",
])
def test_no_expiry_or_one_that_is_no_date_is_none(front):
    assert expiry_of(parse_text(f"---\n{front}\n---\nText.\n").front_matter) == ""


def test_expired_is_strictly_before_the_clock():
    moment = "2025-07-01T00:00:00+00:00"
    assert has_expired(moment, datetime(2025, 7, 1, 0, 0, 1, tzinfo=timezone.utc))
    assert not has_expired(moment, datetime(2025, 7, 1, tzinfo=timezone.utc))
    assert not has_expired(moment, datetime(2025, 6, 30))  # a time without zone is UTC
    assert not has_expired("", datetime(2999, 1, 1))
    assert not has_expired("not a time", datetime(2999, 1, 1))


def test_the_clock_option_takes_a_date_or_a_time():
    assert parse_clock("2026-12-01") == datetime(2026, 12, 1, tzinfo=timezone.utc)
    assert parse_clock("2026-12-01T10:00:00+01:00") == datetime(2026, 12, 1, 9, tzinfo=timezone.utc)
    assert parse_clock("yesterday") is None
    assert parse_clock("2026-13-01") is None
    assert date(2026, 12, 1) == parse_clock("2026-12-01").date()


# --- what a scan reports -------------------------------------------------------------------------


def test_a_pair_whose_pages_have_both_expired_is_not_reported(tmp_path):
    write(tmp_path, {"hugo.toml": HUGO, "content/en/old.md": EN_OLD, "content/sv/old.md": SV_OLD,
                     "content/en/now.md": EN_NOW, "content/sv/now.md": SV_NOW})
    data, stderr = scan_json(tmp_path)
    assert reported(data) == {"now.md"}  # the same defect on the live page is still reported
    assert "2 pairs (1 of them expired" in stderr and "--include-expired" in stderr
    everything, _ = scan_json(tmp_path, "--include-expired")
    assert reported(everything) == {"now.md", "old.md"}


def test_the_clock_decides_and_the_text_summary_counts_them(tmp_path):
    write(tmp_path, {"hugo.toml": HUGO, "content/en/old.md": EN_OLD, "content/sv/old.md": SV_OLD})
    before, _ = scan_json(tmp_path, "--clock", "2020-02-29")
    assert reported(before) == {"old.md"}  # not yet expired then
    text = CliRunner().invoke(main, ["scan", str(tmp_path), "--no-cache", "-j", "1", "--clock", "2020-03-02"])
    assert text.exit_code == 0, text.output
    assert "1 pair checked (1 expired, not reported)" in text.stdout
    bad = CliRunner().invoke(main, ["scan", str(tmp_path), "--clock", "next week"])
    assert bad.exit_code == 2 and "--clock next week" in bad.stderr


def test_a_page_expired_in_one_language_only_is_still_compared(tmp_path):
    # the Swedish page still runs: both versions are on the site for a while, and differ
    sv_live = page("Gammalt erbjudande", None, ["Ett", "Två"])
    write(tmp_path, {"hugo.toml": HUGO, "content/en/old.md": EN_OLD, "content/sv/old.md": sv_live})
    data, stderr = scan_json(tmp_path)
    assert "old.md" in reported(data)
    assert "of them expired" not in stderr


def test_a_site_built_with_build_expired_reports_them(tmp_path):
    write(tmp_path, {"hugo.toml": "buildExpired = true\n" + HUGO,
                     "content/en/old.md": EN_OLD, "content/sv/old.md": SV_OLD})
    data, stderr = scan_json(tmp_path)
    assert reported(data) == {"old.md"}
    assert "of them expired" not in stderr


def test_an_expired_page_without_translation_is_no_orphan(tmp_path):
    write(tmp_path, {"hugo.toml": HUGO, "content/en/old.md": EN_OLD, "content/en/live.md": EN_NOW,
                     "content/en/now.md": EN_NOW, "content/sv/now.md": SV_NOW})
    data, _ = scan_json(tmp_path)
    orphans = sorted(Path(f["path"]).name for f in data["findings"] if f["rule"] == "orphan")
    assert orphans == ["live.md"]
    everything, _ = scan_json(tmp_path, "--include-expired")
    assert sorted(Path(f["path"]).name for f in everything["findings"] if f["rule"] == "orphan") == ["live.md", "old.md"]


def test_expiry_is_judged_after_the_cache(tmp_path, monkeypatch):
    # a cached pair keeps its pages' expiry: a later clock hides it without checking again
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRANSCHECK_CACHE_DIR", raising=False)
    write(tmp_path, {"hugo.toml": HUGO, "content/en/old.md": EN_OLD, "content/sv/old.md": SV_OLD})
    runner = CliRunner()
    first = runner.invoke(main, ["scan", ".", "--format", "json", "-j", "1", "--clock", "2020-01-01"])
    assert reported(json.loads(first.stdout)) == {"old.md"}
    later = runner.invoke(main, ["scan", ".", "--format", "json", "-j", "1", "--clock", "2021-01-01"])
    assert reported(json.loads(later.stdout)) == set()
    again = runner.invoke(main, ["scan", ".", "--format", "json", "-j", "1", "--clock", "2020-01-01"])
    assert json.loads(again.stdout)["findings"] == json.loads(first.stdout)["findings"]


def test_the_html_report_leaves_expired_pairs_out(tmp_path):
    write(tmp_path, {"hugo.toml": HUGO, "content/en/old.md": EN_OLD, "content/sv/old.md": SV_OLD,
                     "content/en/now.md": EN_NOW, "content/sv/now.md": SV_NOW})
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "--format", "html", "-o", str(out), "--no-cache", "-j", "1"])
    assert result.exit_code == 1, result.output
    html = out.read_text(encoding="utf-8")
    assert "now.md" in html and "old.md" not in html
    assert "1 pair; paths relative" in html


@pytest.mark.parametrize("front", ["expiryDate: '0001-01-01T00:00:00+01:00'", "expiryDate: 0001-01-01 00:00:00 +01:00"])
def test_a_date_before_the_first_utc_time_is_no_expiry_and_no_crash(front):
    assert expiry_of(parse_text(f"---\n{front}\n---\nText.\n").front_matter) == ""
    assert parse_clock("0001-01-01T00:00:00+01:00") is None


def test_an_empty_expiry_date_falls_back_to_unpublishdate():
    doc = parse_text("---\nexpiryDate: ''\nunpublishdate: 2025-07-01\n---\nText.\n")
    assert expiry_of(doc.front_matter) == "2025-07-01T00:00:00+00:00"


def test_a_check_of_a_page_with_an_odd_expiry_date_reports_its_findings(tmp_path):
    write(tmp_path, {"a.sv.md": SV_NOW.replace("title:", "expiryDate: '0001-01-01T00:00:00+01:00'\ntitle:"),
                     "a.en.md": EN_NOW})
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.sv.md"), str(tmp_path / "a.en.md")])
    assert result.exit_code == 1 and "bullet-count" in result.stdout and "internal-error" not in result.stdout
