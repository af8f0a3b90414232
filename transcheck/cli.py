"""Command line: options → engine → formatter → exit status. Nothing else lives here."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from itertools import chain
from typing import TYPE_CHECKING, Any, Callable, Iterable, TextIO

import click

import os

from transcheck import __version__
from transcheck.site.config import Config
from transcheck.checking.engine import compare_paths
from transcheck.findings import Finding, Severity
from transcheck.report.text import format_text
from transcheck.document.read import parse_file
from transcheck.rules import RULES, resolve
from transcheck.document.source import DEFAULT_MAX_BYTES, InputError

if TYPE_CHECKING:
    from datetime import datetime
    from transcheck.site.fix import ReadFile
    from transcheck.report.html import ViewCollector

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _error(message: str) -> None:
    from transcheck.report.paths import visible

    # messages quote file names and page text: never a terminal sequence, never a crash on a bad name
    click.echo(f"transcheck: error: {visible(message)}", err=True)


def _enable_semantic(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """--semantic: the embedding backend for the sentence rules, or one line and exit 2."""
    if value:
        from transcheck.align import semantic

        try:
            semantic.enable()
        except semantic.SemanticUnavailable as error:
            _error(str(error))
            ctx.exit(EXIT_USAGE)


_semantic_option = click.option(
    "--semantic", is_flag=True, expose_value=False, callback=_enable_semantic,
    help="Compare sentences by meaning too (sentence-replaced); needs pip install 'transcheck[semantic]'.")


class _Guarded(click.Group):
    """The last line of defence: an exception nobody foresaw is one line and exit 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            # the reader went away (`transcheck scan | head`): stop quietly, as Unix tools do
            import os

            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(141)
        except RecursionError:
            _error("input nested too deeply to read (a bug; please report it with the file)")
            sys.exit(EXIT_USAGE)
        except Exception as error:  # noqa: BLE001
            detail = " ".join(str(error).split())[:300]
            _error(f"internal error: {type(error).__name__}: {detail} (a bug; please report it with the files)")
            sys.exit(EXIT_USAGE)


@click.group(cls=_Guarded, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="transcheck")
def main() -> None:
    """Check that the language versions of a Markdown page say the same thing."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Indented outline, or the model as JSON.")
@click.option("--max-file-size", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse files larger than this many bytes.")
def tree(files: tuple[str, ...], fmt: str, max_file_size: int) -> None:
    """Show how transcheck reads FILE: front matter keys and the section tree, with lines."""
    from transcheck.report.treeview import tree_json, tree_text

    status = EXIT_OK
    outputs = []
    for path in files:
        try:
            doc = parse_file(path, max_file_size)
        except InputError as error:
            _error(str(error))
            status = EXIT_USAGE
            continue
        outputs.append(tree_json(doc) if fmt == "json" else _visible_lines(tree_text(doc)))
    if outputs:
        click.echo(("\n" if fmt == "json" else "\n\n").join(outputs))
    sys.exit(status)


def _visible_lines(text: str) -> str:
    """Terminal text built from page text: control characters escaped, line breaks kept."""
    from transcheck.report.paths import visible

    return "\n".join(visible(line) for line in text.split("\n"))


def _use_colour(choice: str, stream: object) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _check_selectors(selectors: tuple[str, ...], option: str) -> None:
    for selector in selectors:
        if not resolve(selector):
            raise click.BadParameter(f"no rule is named or coded {selector!r} (see 'transcheck rules')", param_hint=option)


def _report_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """Options every reporting command has, as linters' users expect them."""
    for option in reversed((
        click.option("--root", "root_dir", type=click.Path(file_okay=False), default=None,
                      help="Show paths relative to this folder (default: the working directory)."),
        click.option("-q", "--quiet", is_flag=True, help="Only the findings: no summary line."),
        click.option("--statistics", is_flag=True, help="After the findings, the number of findings per rule."),
        click.option("--exit-zero", is_flag=True,
                     help="Exit 0 even when findings are reported (still 2 when a file cannot be read or transcheck fails)."),
    )):
        function = option(function)
    return function


def _finish(text: str | Iterable[str], output: str | None, fmt: str, findings: list[Finding], statistics: bool,
            colour: bool, failed: bool, exit_zero: bool, threshold: Severity) -> None:
    """Write the report (statistics after text findings, else on standard error) and exit.
    ``text`` is the report, or its pieces in order (written as they come)."""
    from transcheck.report.output import statistics_text

    if statistics and (counts := statistics_text(findings)):
        if fmt == "text" and isinstance(text, str):
            text = f"{text}\n\n{counts}" if text else counts
        else:
            click.echo(counts, err=True)
    _emit(text, output, colour)
    if failed:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if not exit_zero and any(f.severity >= threshold for f in findings) else EXIT_OK)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@main.command()
@click.argument("file_a", type=click.Path(dir_okay=False))
@click.argument("file_b", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html", "sarif", "github", "junit", "gitlab"]),
              default="text", show_default=True,
              help="Output format; html is the side-by-side report for a browser (use -o); gitlab is Code Quality JSON.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit with status 1 when a finding of this severity or higher is reported (default: config, else error).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Use this config file (otherwise found by walking up from FILE_A).")
@click.option("--lang", nargs=2, metavar="A_LANG B_LANG", default=None,
              help="The languages of FILE_A and FILE_B (otherwise from file name, path or front matter).")
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rules (codes, names or prefixes; comma-separated or repeated).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (codes, names or prefixes).")
@click.option("--color", "colour", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour in text output (auto: only on a terminal, never with NO_COLOR).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("--link-rewrite", "rewrites", nargs=2, multiple=True, metavar="IN_A IN_B",
              help="Text in FILE_A's links that means the same as text in FILE_B's (e.g. /kontakt/ /contact/); repeatable.")
@click.option("--compare-fragments", is_flag=True,
              help="Compare #fragments of site-internal links too (by default they follow translated headings).")
@click.option("--max-file-size", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse files larger than this many bytes.")
@_semantic_option
@_report_options
def check(file_a: str, file_b: str, fmt: str, fail_on: str | None, config_path: str | None, lang: tuple[str, str] | None,
          select: tuple[str, ...], ignore: tuple[str, ...], colour: str, output: str | None,
          rewrites: tuple[tuple[str, str], ...], compare_fragments: bool, max_file_size: int,
          root_dir: str | None, quiet: bool, statistics: bool, exit_zero: bool) -> None:
    """Compare FILE_A with FILE_B (the reference) and report where they drift apart.

    Findings about something both files have are reported in FILE_A; a missing
    section, item or key is reported in the file that lacks it.
    """
    from msgspec.structs import replace

    from pathlib import Path as _Path

    from transcheck.site.config import settings_from
    from transcheck.site.generators import find_site_root

    select, ignore = _split(select), _split(ignore)
    _check_selectors(select, "--select")
    _check_selectors(ignore, "--ignore")
    config = _load_config(config_path, file_a)
    settings = settings_from(config, select, ignore)
    page_map = None
    # links are compared by the page they lead to when the files belong to a site (loose files,
    # the usual one-pair check, never load the site machinery)
    if not config.layout_dirs and find_site_root(_Path(file_a)) is not None:
        from transcheck.site.layout import page_map_for

        page_map = page_map_for(_Path(file_a), _Path(file_b), config)
    settings = replace(
        settings,
        link_rewrites=settings.link_rewrites + tuple(rewrites),
        compare_fragments=settings.compare_fragments or compare_fragments,
        page_map=page_map,
        max_bytes=max_file_size,
    )
    fail_on = fail_on or config.fail_on
    languages = (lang[0], lang[1]) if lang else (None, None)
    comparison, result = compare_paths(file_a, file_b, settings, languages)
    from transcheck.report.output import MACHINE_FORMATS, iter_machine
    from transcheck.report.paths import PathStyle

    style = PathStyle(root_dir)
    threshold = Severity.parse(fail_on)
    coloured = fmt == "text" and _use_colour(colour, None if output else sys.stdout)
    if fmt == "html":
        from transcheck.report.html import PairView, render_report

        # a file that cannot be parsed has no side-by-side view: its findings are listed
        views = [PairView(comparison, result.findings)] if comparison is not None else []
        others = [] if views else result.findings
        text = render_report(views, f"transcheck: {style(file_a)} ↔ {style(file_b)}", style, others)
    elif fmt in MACHINE_FORMATS:
        files = [(f.path, f.language) for f in result.files]
        text = "".join(iter_machine(fmt, result.findings, style, files, [(file_a, file_b)], threshold))
    else:
        text = format_text(style.findings(result.findings), len(result.files), coloured, quiet)
    _finish(text, output, fmt, result.findings, statistics, coloured, result.io_error or _crashed(result.findings),
            exit_zero, threshold)


def _page_to_rewrite(path: str) -> ReadFile | None:
    """The page fix or stamp would rewrite; None (and one error line) when it cannot be read."""
    from transcheck.site.fix import read_for_fix

    try:
        return read_for_fix(path)
    except InputError as error:
        _error(str(error))
        return None


def _write_or_show(page: object, result: object, mode: str, path: str, done: str) -> int:
    """``--write``: write the result safely and say ``done``; ``--diff``: show the diff.
    The exit status this file asks for (2 when a write was refused)."""
    from transcheck.site.fix import WriteRefused, write_safely

    if mode != "write":
        click.echo(result.diff(), nl=False)  # type: ignore[attr-defined]
        return EXIT_OK
    try:
        write_safely(page, result.after)  # type: ignore[arg-type, attr-defined]
    except WriteRefused as error:
        _error(f"{path}: not written: {error}")
        return EXIT_USAGE
    except OSError as error:
        _error(f"{path}: cannot write: {error.strerror or error}")
        return EXIT_USAGE
    click.echo(done)
    return EXIT_OK


def _crashed(findings: list[Finding]) -> bool:
    """transcheck itself failed somewhere (exit 2, never 1: 1 means the translations drifted)."""
    from transcheck.checking.engine import INTERNAL_ERROR

    return any(f.rule == INTERNAL_ERROR for f in findings)


def _emit(text: str | Iterable[str], output: str | None, colour: bool = False) -> None:
    if not isinstance(text, str):
        _emit_pieces(text, output)
        return
    if output is None:
        if text:
            # click strips colour codes when standard output is not a terminal, unless told
            click.echo(text, color=True if colour else None)
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)  # not text + "\n": an HTML report of megabytes is not copied again
            handle.write("\n")
    except (OSError, UnicodeError) as error:
        from transcheck.report.paths import visible

        reason = error.strerror if isinstance(error, OSError) else None
        _error(f"{visible(output)}: cannot write the report: {reason or error}")
        sys.exit(EXIT_USAGE)


def _write(handle: TextIO | None, text: str) -> None:
    if handle is None:
        click.echo(text, nl=False)
    else:
        handle.write(text)


def _emit_pieces(pieces: Iterable[str], output: str | None) -> None:
    """As _emit, for a report made in pieces (machine formats: no colour), never joined whole."""
    try:
        with open(output, "w", encoding="utf-8") if output is not None else nullcontext(None) as handle:
            buffer: list[str] = []
            size = 0
            for piece in chain(pieces, ("\n",)):
                buffer.append(piece)
                size += len(piece)
                if size >= 1 << 16:
                    _write(handle, "".join(buffer))
                    buffer, size = [], 0
            _write(handle, "".join(buffer))
    except (OSError, UnicodeError) as error:
        if output is None:
            raise
        from transcheck.report.paths import visible

        reason = error.strerror if isinstance(error, OSError) else None
        _error(f"{visible(output)}: cannot write the report: {reason or error}")
        sys.exit(EXIT_USAGE)


@main.command()
@click.argument("rule_name", required=False)
@click.option("--markdown", is_flag=True, help="Print the rule table as Markdown (the README's table).")
def rules(rule_name: str | None, markdown: bool) -> None:
    """List every rule with its code, name and default severity; with RULE, show its
    documentation: what it reports, an example, how to silence it."""
    from transcheck.report.ruledocs import rule_text, rules_list, rules_markdown

    if rule_name:
        found = resolve(rule_name)
        if not found:
            _error(f"no rule is named or coded {rule_name!r}")
            sys.exit(EXIT_USAGE)
        click.echo("\n\n".join(rule_text(item) for item in found))
        return
    click.echo(rules_markdown(RULES) if markdown else rules_list(RULES))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--lang-tags", is_flag=True, required=True, help="Repair the language fields of the front matter.")
@click.option("--diff", "mode", flag_value="diff", default=True, help="Show the changes as a unified diff (default).")
@click.option("--write", "mode", flag_value="write", help="Apply the changes (atomically).")
@click.option("--lang", default=None, metavar="CODE",
              help="The language the files are in (otherwise from the file name, a content/<lang>/ folder "
                   "or the site's Hugo config; never guessed from another folder name).")
@click.option("--alias", "aliases", nargs=2, multiple=True, metavar="SPELLING CODE",
              help="A house spelling that is right as it is (e.g. --alias Se sv); repeatable.")
def fix(files: tuple[str, ...], lang_tags: bool, mode: str, lang: str | None,
        aliases: tuple[tuple[str, str], ...]) -> None:
    """Repair language fields: one field with the expected code, conflicting duplicates removed.

    Only the values are edited, and only when the re-parsed front matter keeps every
    other key; everything else stays byte for byte. With --diff (the default) nothing
    is written and the exit status is 1 when something would change; a refusal is 2.
    """
    from transcheck.site.fix import expected_for_fix, fix_text

    status = EXIT_OK
    for path in files:
        expected = expected_for_fix(path, lang)
        if not expected.code:
            _error(f"{path}: cannot tell which language it is in; {expected.need}")
            status = EXIT_USAGE
            continue
        page = _page_to_rewrite(path)
        if page is None:
            status = EXIT_USAGE
            continue
        result = fix_text(page.text, path, expected.code, dict(aliases))
        for remark in result.remarks:
            click.echo(f"{path}: {remark}", err=True)
        if result.note:
            click.echo(f"{path}: {result.note}", err=True)
            if result.note.startswith("not changed: ") and "no language field" not in result.note:
                status = max(status, EXIT_USAGE)
            continue
        if not result.changed:
            continue
        done = _write_or_show(page, result, mode, path, f"fixed {path}")
        status = max(status, done if mode == "write" else EXIT_FINDINGS)
    sys.exit(status)


def _clock(clock: str | None) -> datetime | None:
    """``--clock``: the time expiry dates are judged at (None: now); a usage error if unreadable."""
    if clock is None:
        return None
    from transcheck.document.expiry import parse_clock

    now = parse_clock(clock)
    if now is None:
        _error(f"--clock {clock}: not a date or an ISO 8601 time (e.g. 2026-12-01 or 2026-12-01T10:00:00+01:00)")
        sys.exit(EXIT_USAGE)
    return now


_EXPIRED_OPTIONS = (
    click.option("--include-expired", is_flag=True,
                 help="Include pairs whose pages have both passed their expiryDate (Hugo no longer publishes them)."),
    click.option("--clock", metavar="TIME", default=None,
                 help="Judge expiry dates at this date or ISO 8601 time instead of now (as Hugo's --clock)."),
)


def _expired_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_EXPIRED_OPTIONS):
        command = option(command)
    return command


def _load_config(config_path: str | None, start: str) -> Config:
    from pathlib import Path

    from transcheck.site.config import Config, ConfigError, find_config, load_config

    try:
        if config_path:
            return load_config(Path(config_path))
        found = find_config(Path(start))
        return load_config(found) if found else Config()
    except ConfigError as error:
        _error(str(error))
        sys.exit(EXIT_USAGE)


class _Progress:
    """A one-line progress count on standard error, for scans of more than a moment."""

    def __init__(self, enabled: bool) -> None:
        import time

        self.enabled = enabled
        self.started = time.perf_counter()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        import time

        if not self.enabled or time.perf_counter() - self.started < 1.0:
            return
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} pairs")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=False))
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Use this config file (otherwise transcheck.toml, .transcheck.toml or pyproject.toml "
                   "found by walking up from the first PATH).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "junit", "gitlab", "html"]), default="text",
              show_default=True, help="Output format; html is the side-by-side report of every pair (use -o).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write the report to FILE.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit 1 when a finding of this severity or higher is reported (default: config, else error).")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules (codes, names or prefixes).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Pairs checked in parallel (default: the number of cores).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None,
              help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False), default=None,
              help="Record today's findings in this file (and report them).")
@click.option("--changed-since", metavar="REF", default=None,
              help="Only pairs where either file changed since the merge base with this git ref.")
@click.option("--color", "colour", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour in text output.")
@click.option("--progress/--no-progress", default=True, help="Show progress on a terminal for long scans.")
@click.option("--no-cache", is_flag=True, envvar="TRANSCHECK_NO_CACHE",
              help="Check every pair again instead of reusing the findings of unchanged pairs.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, envvar="TRANSCHECK_CACHE_DIR",
              help="Where the cache lives (default: .transcheck_cache beside transcheck's config, else at the site's root).")
@_expired_options
@_semantic_option
@_report_options
def scan(paths: tuple[str, ...], config_path: str | None, fmt: str, output: str | None, fail_on: str | None,
         select: tuple[str, ...], ignore: tuple[str, ...], jobs: int | None, baseline_path: str | None,
         write_baseline_path: str | None, changed_since: str | None, colour: str, progress: bool,
         root_dir: str | None, quiet: bool, statistics: bool, exit_zero: bool, no_cache: bool,
         cache_dir: str | None, include_expired: bool, clock: str | None) -> None:
    """Check every translation of a site against its source language.

    Pairs are found the way the site links them: Hugo's config (languages, contentDir,
    module mounts, defaultContentLanguage), file-name suffixes (page.sv.md beside page.md)
    and translationKey; or transcheck's config for other layouts.
    """
    from pathlib import Path

    from transcheck.site.baseline import BaselineError, only_new, read_baseline, write_baseline
    from transcheck.report.html import draw_pair
    from transcheck.site.config import settings_from
    from transcheck.site.scan import default_jobs, scan as run_scan

    roots = [Path(p) for p in (paths or (".",))]
    config = _load_config(config_path, str(roots[0]))
    select, ignore = _split(select), _split(ignore)
    _check_selectors(select, "--select")
    _check_selectors(ignore, "--ignore")
    settings = settings_from(config, select, ignore)
    threshold = Severity.parse(fail_on or config.fail_on)
    now = _clock(clock)
    baseline = None
    if baseline_path:
        try:
            baseline = read_baseline(baseline_path)
        except BaselineError as error:
            _error(str(error))
            sys.exit(EXIT_USAGE)
    bar = _Progress(progress and sys.stderr.isatty())
    try:
        cache = None if no_cache else (cache_dir or "")
        views = _html_views() if fmt == "html" else None  # drawn by the workers, from the same comparisons
        result = run_scan(roots, config, settings, jobs or default_jobs(), changed_since, bar, cache, views,
                          draw_pair if views is not None else None, now, include_expired)
    except (subprocess_error(), OSError) as error:
        bar.close()
        reason = "git is not installed" if isinstance(error, FileNotFoundError) else str(error).strip()
        _error(f"--changed-since {changed_since}: git could not tell what changed ({reason})")
        sys.exit(EXIT_USAGE)
    bar.close()
    root = str(result.layout.root)
    for note in result.notes:
        click.echo(f"transcheck: note: {note}", err=True)
    for line in [] if quiet else result.pairing_lines():  # --quiet: findings only
        click.echo(f"transcheck: {line}", err=True)
    if not result.pairs and not result.orphans and not result.io_error:
        given_files = all(Path(p).is_file() for p in (paths or (".",)))
        if given_files:  # e.g. pre-commit passing a README: nothing of a site to check
            click.echo("transcheck: none of the given files is a page with a translation; nothing to check", err=True)
            sys.exit(EXIT_OK)
        looked = ", ".join(result.looked_in) or ", ".join(paths or (".",))
        _error(
            f"no translation pairs found (looked in {looked}). Hugo and Zola sites are found by their "
            "config (hugo.toml, config.toml, config/_default/) at or above the path, or up to three "
            "folders below it; other layouts need [layout] in transcheck.toml (see the README)"
        )
        sys.exit(EXIT_USAGE)
    findings = result.findings
    if write_baseline_path:
        try:
            write_baseline(write_baseline_path, findings, root)
        except OSError as error:
            _error(f"--write-baseline {write_baseline_path}: cannot write: {error.strerror or error}")
            sys.exit(EXIT_USAGE)
    if baseline is not None:
        findings = only_new(findings, baseline, root)
    from transcheck.report.output import MACHINE_FORMATS, iter_machine
    from transcheck.report.paths import PathStyle

    # paths outside the working directory (or --root) are shown relative to the site
    style = PathStyle(root_dir, fallback=root)
    coloured = fmt == "text" and _use_colour(colour, None if output else sys.stdout)
    if fmt in MACHINE_FORMATS:
        text: str | Iterable[str] = iter_machine(fmt, findings, style, result.files, result.pairs,
                                                 threshold, True)
    elif fmt == "html":
        assert views is not None  # made above for html
        from transcheck.report.html import scan_report

        text = scan_report(result, findings, settings, style, views)
    else:
        text = format_text(style.findings(findings), len(result.languages), coloured, quiet)
        if not quiet:
            from transcheck.wording import plural

            expired = sum(result.expired_per_site)
            gone = f" ({expired} expired, not reported)" if expired else ""
            text += f"\n{plural(len(result.pairs), 'pair')} checked{gone} in {result.seconds:.2f}s."
    _finish(text, output, fmt, findings, statistics, coloured, result.io_error or _crashed(result.findings),
            exit_zero, threshold)


def subprocess_error() -> type[Exception]:
    import subprocess

    return subprocess.CalledProcessError


def _html_views() -> ViewCollector:
    from transcheck.report.html import ViewCollector

    return ViewCollector()


@main.command()
@click.argument("path", required=False, default=".", type=click.Path(exists=False))
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Use this config file (otherwise found by walking up from PATH).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html", "sarif", "github", "junit", "gitlab"]),
              default="text", show_default=True, help="Output format; html is the site dashboard (sortable table); "
              "the CI formats list the pages behind as stale-translation and missing pages as orphan findings.")
@click.option("--marker", "markers", multiple=True, metavar="KEY",
              help="Front-matter key holding the source commit a translation follows (repeatable; dots reach "
                   "into tables). Default: default_lang_commit, l10n.sourceCommit.")
@click.option("--all", "show_all", is_flag=True, help="List the pages that are up to date too.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write the report to FILE.")
@click.option("--root", "root_dir", type=click.Path(file_okay=False), default=None,
              help="Show paths relative to this folder (default: the working directory).")
@_expired_options
def status(path: str, config_path: str | None, fmt: str, markers: tuple[str, ...], show_all: bool,
           output: str | None, root_dir: str | None, include_expired: bool, clock: str | None) -> None:
    """Which translations fell behind their source in git, and which sections changed.

    A translation is up to date with the source commit in its front matter (default_lang_commit,
    l10n.sourceCommit), else with its last commit; per language, the pages translated."""
    from pathlib import Path

    from transcheck.report.output import MACHINE_FORMATS, iter_machine
    from transcheck.report.paths import PathStyle
    from transcheck.report.status import status_findings, status_json, status_text
    from transcheck.site.layout import plan_pairs
    from transcheck.history.status import DEFAULT_MARKER_KEYS, GitError, site_status

    config = _load_config(config_path, path)
    plan = plan_pairs([Path(path)], config)
    only = None
    target = Path(path).resolve()
    if len(plan.layouts) == 1 and plan.layout.root.resolve() in target.parents:
        # a part of a site: its pages, with their languages' completeness over the whole site
        plan, only = plan_pairs([plan.layout.root], config), target
    for problem_path, line, message in plan.problems:
        _error(f"{problem_path}:{line or 1}: {message}")
    now = _clock(clock)
    if not include_expired:  # pages Hugo no longer publishes are nobody's translation work
        from datetime import datetime, timezone

        from transcheck.site.expired import without_expired

        without_expired(plan, now or datetime.now(timezone.utc), config.max_file_size)
    if not plan.pairs and not plan.orphans:
        if not plan.problems:  # a problem already said why
            _error(f"no translation pairs found in {path} (see 'transcheck scan')")
        sys.exit(EXIT_USAGE)
    try:
        report = site_status(plan, _split(markers) or DEFAULT_MARKER_KEYS, config.max_file_size, only)
    except GitError as error:
        _error(f"status needs a git repository: {error}")
        sys.exit(EXIT_USAGE)
    if only is not None and not report.pairs:
        _error(f"no translation pairs found in {path} (see 'transcheck scan')")
        sys.exit(EXIT_USAGE)
    style = PathStyle(root_dir, fallback=str(plan.layout.root))
    if fmt == "text":
        text = status_text(report, style, show_all or target.is_file())  # one page: its status, whatever it is
    elif fmt == "json":
        text = status_json(report, style)
    elif fmt == "html":
        from transcheck.report.status import status_html

        text = status_html(report, PathStyle(root_dir or str(plan.layout.root), fallback=str(plan.layout.root)))
    else:
        from transcheck.findings import Severity, sort_findings

        assert fmt in MACHINE_FORMATS  # click's choice lists these and the three above
        files = sorted({(p.translation or p.source or "", p.language) for p in report.pairs})
        pairs = [(p.translation, p.source) for p in report.pairs if p.translation and p.source]
        text = "".join(iter_machine(fmt, sort_findings(status_findings(report)), style, files, pairs, Severity.ERROR, True))
    _emit(text, output)
    sys.exit(EXIT_USAGE if plan.problems else EXIT_OK)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--diff", "mode", flag_value="diff", default=True, help="Show the changes as a unified diff (default).")
@click.option("--write", "mode", flag_value="write", help="Apply the changes (atomically).")
@click.option("--key", default="default_lang_commit", show_default=True, metavar="KEY",
              help="The front-matter key to add when the page has no marker (dots make nested keys). A page "
                   "that has KEY, default_lang_commit or l10n.sourceCommit has that one updated.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Use this config file (otherwise found by walking up from each file).")
def stamp(files: tuple[str, ...], mode: str, key: str, config_path: str | None) -> None:
    """Mark translations as up to date: their source's current commit in the front matter.

    The commit is the last one that touched the source page (the site's pairing says which
    page that is); a source with uncommitted changes is refused. Only the marker's value is
    written (or one entry added at the end of the front matter); everything else stays byte
    for byte. With --diff (the default) nothing is written and the exit status is 1 when
    something would change; a refusal is 2, the other files are still done.
    """
    from pathlib import Path

    from transcheck.report.paths import PathStyle, visible
    from transcheck.site.layout import find_site_root, plan_pairs
    from transcheck.site.stamp import source_commit, stamp_text
    from transcheck.history.status import GitError

    if not key.strip() or any(not part.strip() for part in key.split(".")):
        _error(f"--key {key!r}: a key is one or more non-empty names joined by dots")
        sys.exit(EXIT_USAGE)
    status = EXIT_OK
    plans: dict[tuple[str, str], Any] = {}  # (site root, config) → its pairing, planned once
    commits: dict[Path, tuple[str, str]] = {}
    for path in files:
        file = Path(path)
        if not file.is_file():
            _error(f"{path}: no such file" if not file.exists() else f"{path}: not a regular file")
            status = EXIT_USAGE
            continue
        root = find_site_root(file) or file.resolve().parent
        config = _load_config(config_path, path)
        plan_key = (str(root), str(config.path or ""))
        if plan_key not in plans:
            planned = plan_pairs([root], config)
            by_translation = {Path(t.path).resolve(): (t, s) for t, s in planned.pairs}
            languages = {Path(page.path).resolve(): page.language for page in
                         [s for _, s in planned.pairs] + [page for page, _ in planned.orphans]}
            plans[plan_key] = (planned, by_translation, languages)
        plan, by_translation, languages = plans[plan_key]
        me = file.resolve()
        pair = by_translation.get(me)
        if pair is None:
            source_language = config.source or plan.layout.default_language
            language = languages.get(me)
            if language and language == source_language:
                _error(f"{path}: a source page ({language}), not a translation: stamp its translations")
            else:
                _error(f"{path}: no source page found for it (the site has no {source_language or 'source'} "
                       "version of it)")
            status = EXIT_USAGE
            continue
        source_path = Path(pair[1].path)
        shown = PathStyle(fallback=str(root))(str(source_path))
        try:
            if source_path not in commits:  # a source of ten translations asks git once
                commits[source_path] = source_commit(source_path)
            commit, remark = commits[source_path]
        except GitError as error:
            _error(f"{path}: stamp needs a git repository: {error}")
            status = EXIT_USAGE
            continue
        except ValueError as error:
            _error(f"{path}: not stamped: {error}")
            status = EXIT_USAGE
            continue
        page = _page_to_rewrite(path)
        if page is None:
            status = EXIT_USAGE
            continue
        result = stamp_text(page.text, path, key, commit)
        for note in ((remark,) if remark else ()) + result.remarks:
            click.echo(visible(f"{path}: {note}"), err=True)
        if result.note:
            _error(f"{path}: {result.note}")
            status = EXIT_USAGE
            continue
        if not result.changed:
            click.echo(visible(f"{path}: already stamped with {commit[:12]} (source {shown})"), err=True)
            continue
        done = _write_or_show(page, result, mode, path, visible(f"stamped {path} with {commit[:12]} (source {shown})"))
        status = max(status, done if mode == "write" else EXIT_FINDINGS)
    sys.exit(status)
