"""The HTML report, opened in a real headless Chromium (Debian's package; .ci/run installs it)."""

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from transcheck.cli import main
from conftest import REPO, SAMPLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
ARTIFACTS = REPO / "tests" / "artifacts"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def browser(url: str, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{time.monotonic_ns()}"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *extra, url],
        capture_output=True, text=True, timeout=120,
    )


def report(tmp_path: Path, a: str, b: str) -> Path:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", a, b, "--format", "html", "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    return out


def test_report_is_self_contained_and_escapes_page_text(tmp_path):
    a = tmp_path / "page.sv.md"
    b = tmp_path / "page.en.md"
    a.write_text('---\ntitle: "<img src=x onerror=alert(1)>"\n---\n## Rubrik\n\n<script>alert("sv")</script>\n\nText </div> & mer.\n')
    b.write_text('---\ntitle: "x"\n---\n## Heading\n\n<script>alert("en")</script>\n\nText & more.\n')
    html = report(tmp_path, str(a), str(b)).read_text()
    assert html.count("<script>") == 1  # only the report's own
    assert "&lt;script&gt;alert(&quot;sv&quot;)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing from the network


@needs_browser
def test_report_in_a_browser_shows_both_columns_findings_in_place_and_filters(tmp_path):
    out = report(tmp_path, str(SAMPLES / "broken" / "posting.sv.md"), str(SAMPLES / "broken" / "posting.en.md"))
    dom = browser(out.as_uri(), tmp_path, "--dump-dom")
    assert 'data-ready="1"' in dom.stdout, dom.stderr[-2000:]
    assert "Uncaught" not in dom.stderr and "SyntaxError" not in dom.stderr
    assert "samples/broken/posting.sv.md</strong>" in dom.stdout and "samples/broken/posting.en.md</strong>" in dom.stdout
    # the bullet-count finding stands in the Swedish list, after its last item, before the next block
    import json

    found = json.loads(CliRunner().invoke(main, ["check", "--format", "json", str(SAMPLES / "broken" / "posting.sv.md"),
                                                 str(SAMPLES / "broken" / "posting.en.md")]).output)["findings"]
    line = next(f["line"] for f in found if f["rule"] == "bullet-count")
    page = dom.stdout
    start = page.index(f'id="1-a-{line}"')
    anchors = [(int(m.group(1)), m.start()) for m in re.finditer(r'id="1-a-(\d+)"', page)]
    following = min(position for number, position in anchors if number > line + 2)
    assert start < page.index("TC104 bullet-count", start) < following
    # the missing section is a visible gap on the Swedish side
    assert "no counterpart here" in dom.stdout
    filtered = browser(out.as_uri() + "#filter=error", tmp_path, "--dump-dom").stdout
    warnings = re.findall(r'<div class="finding sev-warning[^"]*"', filtered)
    errors = re.findall(r'<div class="finding sev-error[^"]*"', filtered)
    assert warnings and all("hidden" in w for w in warnings)
    assert errors and not any("hidden" in e for e in errors)
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report-broken-pair.png"
    browser(out.as_uri(), tmp_path, f"--screenshot={shot}", "--window-size=1400,2000")
    assert shot.is_file() and shot.stat().st_size > 10_000


@needs_browser
def test_report_of_a_300_page_site_opens(tmp_path):
    site = tmp_path / "site"
    (site / "content" / "sv").mkdir(parents=True)
    (site / "content" / "en").mkdir(parents=True)
    (site / "hugo.toml").write_text('defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n[languages.sv]\ncontentDir = "content/sv"\n')
    sv = (SAMPLES / "broken" / "posting.sv.md").read_text()
    en = (SAMPLES / "broken" / "posting.en.md").read_text()
    for number in range(150):
        (site / "content" / "sv" / f"p{number}.md").write_text(sv)
        (site / "content" / "en" / f"p{number}.md").write_text(en)
    out = tmp_path / "site.html"
    result = CliRunner().invoke(main, ["scan", str(site), "--format", "html", "-o", str(out), "--no-progress"])
    assert result.exit_code == 1, result.output
    started = time.perf_counter()
    dom = browser(out.as_uri(), tmp_path, "--dump-dom")
    seconds = time.perf_counter() - started
    assert 'data-ready="1"' in dom.stdout
    assert dom.stdout.count('class="pair"') == 150
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "site-report-size.txt").write_text(f"{out.stat().st_size} bytes, loaded in {seconds:.2f} s\n")
