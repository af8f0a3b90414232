"""`transcheck scan`: every translation of a site checked against its source, in parallel,
with output in a deterministic order. The only module (with the CLI) that walks folders."""

from __future__ import annotations

import base64
import fnmatch
import zlib
from contextlib import nullcontext
import os
import subprocess
import sys
import time
from datetime import datetime, timezone
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Collection, Iterable, Iterator, Mapping, Sequence

from msgspec import Struct, field
from msgspec.structs import replace

from transcheck.rules.orphan import ORPHAN
from transcheck.rules.problems import INTERNAL_ERROR, PARSE_ERROR
from transcheck.checking.decide import enabled_rules, relative_to_root, severity_of, without_per_path_ignores
from transcheck.pair.comparison import Comparison
from transcheck.pair.settings import Settings
from transcheck.resolved import resolved
from transcheck.site.config import Config
from transcheck.checking.engine import FileInfo, PairResult, _load, check_group_pairs, compare_paths, internal_error, settle_group
from transcheck.document.expiry import has_expired
from transcheck.document.memo import forget_all
from transcheck.findings import Finding, Severity, sort_findings
from transcheck.site.cache import CACHE_DIR_NAME, PairCache, file_digest, finding_from_json, finding_to_json, pair_key, settings_digest
from transcheck.values.pagemap import PageMap
from transcheck.site.layout import Page, PairPlan, SiteLayout, plan_pairs
from transcheck.site.pairtable import PairTable
from transcheck.site.expired import built_expired, page_expired
from transcheck.history.status import scan_salt as stale_salt


class ScanResult(Struct):
    pairs: Sequence[tuple[str, str]]  # (translation, source)
    languages: Mapping[str, str]  # path → language
    files: Collection[tuple[str, str]]  # (path, language), in path order
    findings: list[Finding]
    layout: SiteLayout
    groups: int = 0
    io_error: bool = False
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    layouts: list[SiteLayout] = field(default_factory=list)
    looked_in: list[str] = field(default_factory=list)
    orphans: int = 0
    pairs_per_site: list[int] = field(default_factory=list)
    # pairs of each site whose pages have both expired (not reported; see document.expiry)
    expired_per_site: list[int] = field(default_factory=list)
    expired_pairs: list[tuple[str, str]] = field(default_factory=list)  # (translation, source)
    # pages without a version in some language: (path, its language, the languages missing)
    missing: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)

    def pairing_lines(self, cwd: Path | None = None) -> list[str]:
        """One line per site: how it was paired (config, languages, source, pairs)."""
        expired = self.expired_per_site or [0] * len(self.layouts)
        return [describe_site(layout, count, cwd, gone)
                for layout, count, gone in zip(self.layouts, self.pairs_per_site, expired)]


def describe_site(layout: SiteLayout, pairs: int, cwd: Path | None = None, expired: int = 0) -> str:
    """'site X (hugo: hugo.yaml): languages en, sv; source en; one content folder per language;
    41 pairs (2 expired, not reported: …)'."""
    base = (cwd or Path.cwd()).resolve()

    def shown(path: str | Path) -> str:
        try:
            return Path(path).resolve().relative_to(base).as_posix() or "."
        except ValueError:
            return str(path)

    if layout.kind:
        files = ", ".join(shown(f) for f in layout.config_files) or "no readable config"
        where = f"{layout.kind} site {shown(layout.root)} ({files})"
    else:
        where = f"folder {shown(layout.root)} (no Hugo or Zola config; transcheck's config and file names)"
    languages = ", ".join(layout.languages) or "none configured"
    how = f"; {layout.how}" if layout.how else ""
    fallbacks = f"; {len(layout.fallbacks)} fallback mounts not paired" if layout.fallbacks else ""
    counted = f"{pairs} pair" if pairs == 1 else f"{pairs} pairs"
    if expired:
        counted += (f" ({expired} of them expired: both pages are past their expiryDate, which Hugo no "
                    "longer publishes; not reported, --include-expired reports them)")
    source = layout.default_language or "none configured (each page against its first language in order; set source in transcheck.toml)"
    return f"{where}: languages {languages}; source {source}{how}{fallbacks}; {counted}"


def changed_files(reference: str, cwd: Path) -> set[Path]:
    """Files changed since the merge base with ``reference``, committed or not."""
    def git(*args: str) -> list[str]:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
        return [line for line in done.stdout.splitlines() if line]

    top = Path(git("rev-parse", "--show-toplevel")[0])
    base = git("merge-base", reference, "HEAD")[0]
    names = set(git("diff", "--name-only", base)) | set(git("ls-files", "--others", "--exclude-standard"))
    return {(top / name).resolve() for name in names}


Job = tuple[str, str | None, list[tuple[str, str | None]], Settings, int]
Detail = Callable[[PairResult, "str | None"], None]  # source, its language, translations, settings, site


class _SiteContext(Struct, frozen=True):
    """What every job of one site shares: set once per worker, not pickled with every job."""

    page_map: PageMap | None
    settings_digest: str
    cache_dir: str | None
    # draws each pair's side-by-side view for the HTML report (report.html.draw_pair), else None;
    # passed in by the caller, so that this layer never imports the report layer
    draw: Callable[[Comparison | None], str | None] | None = None


_SITES: list[_SiteContext] = []


def _set_sites(sites: list[_SiteContext]) -> None:
    global _SITES
    _SITES = sites


def _known(language: str) -> str | None:
    """A page's language for the checks: "und" (a file without suffix where nothing says the
    default) is no language, so the language rules fall back to what the page declares."""
    return None if language in ("", "und") else language


Checked = tuple[PairResult, "str | None"]  # a pair's result and its side-by-side view (HTML), if drawn


def _check_group(job: Job) -> list[Checked]:
    source, language, translations, settings, site = job
    context = _SITES[site] if 0 <= site < len(_SITES) else None
    if context is not None and context.page_map is not None:
        settings = replace(settings, page_map=context.page_map)
    draw = context.draw if context is not None else None
    try:
        if context is not None and context.cache_dir:
            checked = _cached_group(source, language, list(translations), settings, context)
        elif draw is not None:
            checked = _rendered_group(source, language, list(translations), settings, draw)
        else:
            checked = [(result, None) for result in check_group_pairs(source, language, list(translations), settings)]
        # weighed across the group after the cache: a pair from it and one checked now count alike
        settle_group(source, [result for result, _ in checked], settings)
        return checked
    except Exception as error:  # noqa: BLE001 - one group must not end the scan (or a worker pool)
        return [
            (PairResult([FileInfo(path, lang), FileInfo(source, language)], [internal_error(path, error, "checking the pair", source)]), None)
            for path, lang in translations
        ]
    finally:
        forget_all()  # the group's pages are done: no memo keeps their blocks alive


def _rendered_group(source: str, language: str | None, translations: list[tuple[str, str | None]], settings: Settings,
                    draw: Callable[[Comparison | None], str | None]) -> list[Checked]:
    """As engine.check_group (the source parsed once), keeping each comparison long enough to
    draw the pair's view from it: the HTML report never aligns a pair a second time."""
    loaded = {source: _load(source, settings.max_bytes)}
    done: list[Checked] = []
    for path, lang in translations:
        comparison, result = compare_paths(path, source, settings, (lang, language), loaded, given_by="site")
        done.append((result, draw(comparison)))
    return done


def _cached_group(source: str, language: str | None, translations: list[tuple[str, str | None]], settings: Settings,
                  context: _SiteContext) -> list[Checked]:
    """Pairs whose files, settings and code are unchanged come from the cache; the rest are checked.

    For the HTML report a pair's view is cached with its findings; an entry without one (left by
    a scan in another format) has its pair compared again to draw it."""
    store = PairCache(Path(context.cache_dir or ""))
    source_digest = file_digest(source)
    keys: list[str | None] = []
    for path, lang in translations:
        digest = file_digest(path)
        usable = source_digest is not None and digest is not None
        keys.append(pair_key(path, source, (lang, language), (digest or "", source_digest or ""), context.settings_digest)
                    if usable else None)
    results: list[Checked | None] = []
    for key in keys:
        entry = store.get(key) if key else None
        result = _result_from(entry) if entry else None
        view = _view_from(entry) if entry and context.draw else None
        results.append((result, view) if result is not None and (view is not None or not context.draw) else None)
    missing = [i for i, result in enumerate(results) if result is None]
    if missing:
        wanted = [translations[i] for i in missing]
        if context.draw is not None:
            checked = _rendered_group(source, language, wanted, settings, context.draw)
        else:
            checked = [(result, None) for result in check_group_pairs(source, language, wanted, settings)]
        for index, (result, view) in zip(missing, checked):
            results[index] = (result, view)
            key = keys[index]
            if key and not result.io_error and not any(f.rule == INTERNAL_ERROR.name for f in result.findings):
                store.put(key, _result_to(result, view))
    return [r for r in results if r is not None]


def _result_to(result: PairResult, view: str | None = None) -> dict[str, object]:
    entry: dict[str, object] = {
        "files": [[f.path, f.language, f.language_source, f.expires, f.follows_source] for f in result.files],
        "findings": [finding_to_json(f) for f in result.findings],
    }
    if view is not None:  # compressed (fast): a view is some 20 KB of markup
        entry["view"] = base64.b64encode(zlib.compress(view.encode("utf-8"), 1)).decode("ascii")
    return entry


def _view_from(entry: dict[str, object]) -> str | None:
    try:
        return zlib.decompress(base64.b64decode(str(entry["view"]))).decode("utf-8")
    except (KeyError, ValueError, zlib.error):
        return None


def _result_from(entry: dict[str, object]) -> PairResult | None:
    try:
        # follows_source: the group weighing reads it, so a cached pair must weigh as a fresh one
        files = [FileInfo(path, language, how, expires, follows_source=bool(follows))
                 for path, language, how, expires, follows in entry["files"]]  # type: ignore[attr-defined]
        found = [finding_from_json(dict(f)) for f in entry["findings"]]  # type: ignore[attr-defined]
    except (KeyError, TypeError, ValueError):
        return None  # an entry of another shape: checked again
    return PairResult(files, found, False)


def _collect(group: list[Checked], findings: list[Finding], detail: Detail | None,
             gone: Callable[[PairResult], bool] = lambda result: False) -> bool:
    """Add a group's findings (and hand its views on), but those of pairs ``gone`` from the
    site (expired); True when a file of it could not be read at all."""
    for result, view in group:
        if gone(result):
            continue
        findings.extend(result.findings)
        if detail is not None:
            detail(result, view)
    return any(result.io_error for result, _ in group)


def _jobs(pairs: list[tuple[Page, Page]], table: PairTable, settings: Settings,
          layouts: list[SiteLayout]) -> tuple[int, Iterable[Job]]:
    """One job per source page, so a source with several translations is parsed once; and how
    many jobs. ``table``: the same pairs' paths and languages, held compactly.

    Planning lists a source's pairs one after another, and each page is paired in one
    language: then the jobs are made from ``table`` as they are handed out, and a large site's
    jobs (2 MiB for 10 000 pairs) are never all held at once. Otherwise (pages of overlapping
    sites) they are listed first, as they always were."""
    roots = [layout.root for layout in layouts]
    sources: set[int] = set()
    previous = -1
    in_runs = True
    for (translation, source), (translation_index, source_index) in zip(pairs, table.indexes()):
        if table.language(translation_index) != translation.language or table.language(source_index) != source.language:
            in_runs = False
        if source_index != previous:
            in_runs = in_runs and source_index not in sources
            sources.add(source_index)
            previous = source_index
    if in_runs:
        return len(sources), _jobs_as_handed_out(table, settings, roots)
    by_source: dict[str, Job] = {}
    for translation, source in pairs:
        if source.path not in by_source:
            site = next((i for i, root in enumerate(roots) if _within(source.path, root)), -1)
            by_source[source.path] = (source.path, _known(source.language), [], settings, site)
        by_source[source.path][2].append((translation.path, _known(translation.language)))
    return len(by_source), list(by_source.values())


def _jobs_as_handed_out(table: PairTable, settings: Settings, roots: list[Path]) -> Iterator[Job]:
    """The jobs of ``_jobs``, one run of pairs of a source at a time."""
    job: Job | None = None
    current = -1
    for translation_index, source_index in table.indexes():
        if job is None or source_index != current:
            if job is not None:
                yield job
            path = table.path(source_index)
            site = next((i for i, root in enumerate(roots) if _within(path, root)), -1)
            job = (path, _known(table.language(source_index)), [], settings, site)
            current = source_index
        job[2].append((table.path(translation_index), _known(table.language(translation_index))))
    if job is not None:
        yield job


def scan(
    paths: list[Path],
    config: Config,
    settings: Settings,
    jobs: int = 1,
    changed_since: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cache: str | None = None,
    detail: Detail | None = None,
    draw: Callable[[Comparison | None], str | None] | None = None,
    now: datetime | None = None,
    include_expired: bool = False,
) -> ScanResult:
    """Check every pair of the sites the paths belong to.

    ``cache``: None for no cache, "" for the default folder (``.transcheck_cache`` beside
    transcheck's config, else at the site's root), or a folder. ``detail``: called in this
    process, in a deterministic order, with each pair's result and its side-by-side view
    (``draw``, e.g. report.html.draw_pair, called by the worker that compared the pair; None
    when a file of the pair could not be compared or no ``draw`` is given). A pair whose two
    pages have expired by ``now`` (default: the current time) is checked but not reported,
    unless ``include_expired`` or its site is built with Hugo's buildExpired."""
    started = time.perf_counter()
    plan: PairPlan = plan_pairs(paths, config)
    pairs = plan.pairs
    orphans = plan.orphans
    if changed_since is not None:
        changed = changed_files(changed_since, paths[0] if paths[0].is_dir() else paths[0].parent)
        pairs = [(a, b) for a, b in pairs if Path(a.path).resolve() in changed or Path(b.path).resolve() in changed]
        orphans = [(page, missing) for page, missing in orphans if Path(page.path).resolve() in changed]
    cache_dir = None
    if cache is not None:
        cache_dir = Path(cache) if cache else (Path(config.path).parent if config.path else plan.layout.root) / CACHE_DIR_NAME
    # Compact records of the pairs (for the jobs, the report's file list and its pair list); the
    # pages themselves are let go before checking.
    table = PairTable((a.path, a.language, b.path, b.language) for a, b in pairs)
    pairs_per_site = [sum(1 for a, _ in pairs if _within(a.path, layout.root)) for layout in plan.layouts]
    count, work = _jobs(pairs, table, settings, plan.layouts)
    del pairs
    plan.pairs = []
    sites = [
        _SiteContext(layout.page_map, _site_digest(settings, layout, cache_dir is not None),
                     str(cache_dir) if cache_dir else None, draw if detail is not None else None)
        for layout in plan.layouts
    ]
    _set_sites(sites)
    # Only the findings of each pair are kept (memory grows with findings, not with pages).
    findings: list[Finding] = []
    io_error = False
    done = 0
    expired_per_site = [0] * len(plan.layouts)
    expired_pairs: list[tuple[str, str]] = []
    clock = now or datetime.now(timezone.utc)

    def gone(result: PairResult) -> bool:
        if include_expired or len(result.files) < 2 or not all(has_expired(f.expires, clock) for f in result.files):
            return False
        if built_expired(result.files[0].path, plan.layouts):
            return False
        site = next((i for i, layout in enumerate(plan.layouts) if _within(result.files[0].path, layout.root)), -1)
        if site >= 0:
            expired_per_site[site] += 1
        expired_pairs.append((result.files[0].path, result.files[1].path))
        return True

    parallel = jobs > 1 and count > 1
    context = get_context("fork" if sys.platform != "win32" else "spawn")
    with context.Pool(jobs, _set_sites, (sites,)) if parallel else nullcontext() as pool:
        for group in pool.imap(_check_group, work, chunksize=2) if pool else map(_check_group, work):
            done += len(group)
            io_error = _collect(group, findings, detail, gone) or io_error
            if progress:
                progress(done, len(table))
    del work
    if cache_dir is not None:
        PairCache(cache_dir).prune()
    if not include_expired:  # a page Hugo no longer publishes needs no translation
        orphans = [(page, missing) for page, missing in orphans
                   if built_expired(page.path, plan.layouts) or not page_expired(page.path, clock, settings.max_bytes)]
    findings.extend(_orphan_findings(orphans, plan.layout, config, settings, plan.partial))
    parse_error = PARSE_ERROR
    for path, line, message in plan.problems:
        findings.append(Finding(path, line or 1, parse_error.name, parse_error.code, parse_error.severity, message))
    findings = without_per_path_ignores(findings, settings, plan.layout.root)
    notes = _config_notes(plan.layout)
    return ScanResult(
        pairs=table,
        languages=table.languages,
        files=table.files,
        findings=sort_findings(findings),
        layout=plan.layout,
        groups=plan.groups,
        io_error=io_error or bool(plan.problems),
        seconds=time.perf_counter() - started,
        notes=notes,
        layouts=plan.layouts,
        looked_in=plan.looked_in,
        orphans=len(orphans),
        pairs_per_site=pairs_per_site,
        expired_per_site=expired_per_site,
        expired_pairs=expired_pairs,
        missing=[(str(page.path), page.language, tuple(languages)) for page, languages in orphans],
    )


def _site_digest(settings: Settings, layout: SiteLayout, cached: bool) -> str:
    """The cache key part of one site. The page map's digest (a JSON text of every address of
    the site: megabytes on a large one) only when a cache asks for it; the history's salt
    always, since it also reads the history once here for the forked workers."""
    salt = stale_salt(layout.root, enabled_rules(settings))
    return settings_digest(settings, layout.page_map) + salt if cached else salt


def _within(path: str, root: Path) -> bool:
    try:
        resolved(path).relative_to(root)
        return True
    except ValueError:
        return False


def _orphan_findings(orphans: list[tuple[Page, list[str]]], layout: SiteLayout, config: Config, settings: Settings,
                     partial: dict[str, tuple[str, ...]] | None = None) -> list[Finding]:
    """One finding per page without a version in some of the site's languages. A language
    that translates under half of the page's section translates a selection (a site that
    falls back to its source language elsewhere): its missing page is an info, not a warning."""
    if not config.orphans or ORPHAN.name not in enabled_rules(settings):
        return []
    meta = ORPHAN
    found = []
    for page, missing in orphans:
        relative = relative_to_root(str(page.path), layout.root)
        if any(fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(page.key, pattern) for pattern in config.orphan_ignore):
            continue
        names = ", ".join(missing)
        selective = (partial or {}).get(page.path, ())
        full = [language for language in missing if language not in selective]
        message = f"this page ({page.language}) has no version in {', '.join(full or selective)}"
        if selective:
            section = _top_section(page.key)
            where = f"{section}/" if section else "the site"
            which = "which translates" if len(selective) == 1 else "each translating"
            message += (f" (nor in {', '.join(selective)}, {which} under half of {where})" if full
                        else f", {which} under half of {where}: a partial translation")
        finding = Finding(
            str(page.path), 1, meta.name, meta.code, meta.severity if full else Severity.INFO,
            message, key=f"{page.key}|{names}",
        )
        found.append(finding.with_severity(severity_of(settings, finding)))
    return found


def _top_section(key: str) -> str:
    head, slash, _ = key.partition("/")
    return head if slash else ""


def _config_notes(layout: SiteLayout) -> list[str]:
    """Mistakes in the site's own config that change what Hugo does."""
    notes: list[str] = []
    if layout.config_file and layout.config_file.endswith(".toml"):
        import tomllib

        try:
            data = tomllib.loads(Path(layout.config_file).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return notes
        for table, value in data.items():
            if isinstance(value, dict) and "defaultContentLanguage" in value:
                notes.append(
                    f"{layout.config_file}: defaultContentLanguage stands inside [{table}], where Hugo "
                    f"ignores it; the default language is therefore {layout.default_language!r}. "
                    "Move it above the first [table] (or set source in transcheck's config)."
                )
    return notes


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)
