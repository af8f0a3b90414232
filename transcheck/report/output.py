"""One place that turns findings into any output format, for `check` and `scan` alike,
so every format shows the same paths (see :mod:`.paths`)."""

from __future__ import annotations

from typing import Collection, Iterable, Iterator, Literal, Sequence, assert_never, get_args

from transcheck.findings import Finding, Severity
from transcheck.report.paths import PathStyle

MachineFormat = Literal["json", "sarif", "github", "junit", "gitlab"]
MACHINE_FORMATS: tuple[MachineFormat, ...] = get_args(MachineFormat)


def iter_machine(
    fmt: MachineFormat,
    findings: list[Finding],
    style: PathStyle,
    files: Collection[tuple[str, str | None]],
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

        if pairs_in_json:  # a site: files in the order of their shown paths
            yield from iter_json(shown, _in_shown_order(files, style), ((style.listed(a), style.listed(b)) for a, b in pairs))
        else:
            yield from iter_json(shown, [(style(path), language) for path, language in files])
    elif fmt == "github":
        from transcheck.report.github import format_github

        yield format_github(shown)
    elif fmt == "junit":
        from transcheck.report.junit import format_junit

        yield format_junit([(style.listed(a), style.listed(b)) for a, b in pairs], shown, threshold)
    elif fmt == "gitlab":
        from transcheck.report.gitlab import format_gitlab

        yield format_gitlab(shown)
    else:
        assert_never(fmt)


def _in_shown_order(files: Collection[tuple[str, str | None]], style: PathStyle) -> Iterable[tuple[str, str | None]]:
    """The files as shown, sorted. A site's files sorted by path are most often already in the
    order of their shown paths (the paths less the part above the working directory): then they
    are shown one by one as the report is written, never all held at once. Else sorted whole."""
    previous: tuple[str, str | None] | None = None
    for path, language in files:
        item = (style.listed(path), language)
        if previous is not None and item < previous:
            return sorted((style.listed(p), lang) for p, lang in files)
        previous = item
    return ((style.listed(p), lang) for p, lang in files)


def statistics_text(findings: list[Finding]) -> str:
    from transcheck.report.text import format_statistics

    return format_statistics(findings)
