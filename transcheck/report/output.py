"""One place that turns findings into any output format, for `check` and `scan` alike,
so every format shows the same paths (see :mod:`.paths`)."""

from __future__ import annotations

from typing import Iterator, Literal, Sequence, assert_never, get_args

from transcheck.findings import Finding, Severity
from transcheck.report.paths import PathStyle

MachineFormat = Literal["json", "sarif", "github", "junit", "gitlab"]
MACHINE_FORMATS: tuple[MachineFormat, ...] = get_args(MachineFormat)


def iter_machine(
    fmt: MachineFormat,
    findings: list[Finding],
    style: PathStyle,
    files: Sequence[tuple[str, str | None]],
    pairs: Sequence[tuple[str, str]],
    threshold: Severity,
    pairs_in_json: bool = False,
) -> Iterator[str]:
    """``findings`` (as checked, paths as given) in one of MACHINE_FORMATS, in pieces: JSON is
    written as it is made (a site's report lists every file and pair); the other formats
    hold only findings and come whole."""
    if fmt == "sarif":
        from transcheck.report.sarif import format_sarif

        yield format_sarif(findings, style)
        return
    shown = style.findings(findings)
    if fmt == "json":
        from transcheck.report.jsonout import iter_json

        listed = [(style(path), language) for path, language in files]
        if pairs_in_json:  # a site: files in the order of their shown paths
            listed.sort()
        yield from iter_json(shown, listed, ((style(a), style(b)) for a, b in pairs) if pairs_in_json else None)
    elif fmt == "github":
        from transcheck.report.github import format_github

        yield format_github(shown)
    elif fmt == "junit":
        from transcheck.report.junit import format_junit

        yield format_junit([(style(a), style(b)) for a, b in pairs], shown, threshold)
    elif fmt == "gitlab":
        from transcheck.report.gitlab import format_gitlab

        yield format_gitlab(shown)
    else:
        assert_never(fmt)


def statistics_text(findings: list[Finding]) -> str:
    from transcheck.report.text import format_statistics

    return format_statistics(findings)
