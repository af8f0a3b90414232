"""`transcheck scan`: every translation of a site checked against its source, in parallel,
with output in a deterministic order. The only module (with the CLI) that walks folders."""

from __future__ import annotations

import fnmatch
from contextlib import nullcontext
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Callable

from .compare import Settings
from .config import Config
from .engine import FileInfo, Options, PairResult, check_group, internal_error
from .findings import Finding, sort_findings
from .rules import rule
from .pagemap import PageMap
from .site import Page, PairPlan, SiteLayout, plan_pairs


@dataclass
class ScanResult:
    pairs: list[tuple[str, str]]
    languages: dict[str, str]  # path → language
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

    def pairing_lines(self, cwd: Path | None = None) -> list[str]:
        """One line per site: how it was paired (config, languages, source, pairs)."""
        return [describe_site(layout, count, cwd) for layout, count in zip(self.layouts, self.pairs_per_site)]


def describe_site(layout: SiteLayout, pairs: int, cwd: Path | None = None) -> str:
    """'site X (hugo: hugo.yaml): languages en, sv; source en; one content folder per language; 41 pairs'."""
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
    return f"{where}: languages {languages}; source {layout.default_language or '?'}{how}{fallbacks}; {counted}"


def options_from(config: Config, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                 severity: tuple[tuple[str, str], ...] = ()) -> Options:
    """Defaults < config file < command line."""
    defaults = Settings()
    settings = Settings(
        local_keys=defaults.local_keys + config.local_keys,
        text_keys=config.translated_keys,
        equal_keys=config.equal_keys,
        language_aliases=tuple(config.language_aliases.items()),
        link_rewrites=config.link_rewrites,
        ignore_fragments=not config.compare_fragments,
    )
    return Options(
        settings=settings,
        select=select or config.select,
        ignore=config.ignore + ignore,
        severity=tuple(config.severity.items()) + severity,
        max_bytes=config.max_file_size,
    )


def changed_files(reference: str, cwd: Path) -> set[Path]:
    """Files changed since the merge base with ``reference``, committed or not."""
    def git(*args: str) -> list[str]:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
        return [line for line in done.stdout.splitlines() if line]

    top = Path(git("rev-parse", "--show-toplevel")[0])
    base = git("merge-base", reference, "HEAD")[0]
    names = set(git("diff", "--name-only", base)) | set(git("ls-files", "--others", "--exclude-standard"))
    return {(top / name).resolve() for name in names}


Job = tuple[str, str, list[tuple[str, str]], Options, int]  # source, its language, translations, options, site

# The page maps of the sites being scanned, set once per worker (not pickled with every job).
_PAGE_MAPS: list[PageMap | None] = []


def _set_page_maps(maps: list[PageMap | None]) -> None:
    global _PAGE_MAPS
    _PAGE_MAPS = maps


def _check_group(job: Job) -> list[PairResult]:
    source, language, translations, options, site = job
    page_map = _PAGE_MAPS[site] if 0 <= site < len(_PAGE_MAPS) else None
    if page_map is not None:
        options = replace(options, settings=replace(options.settings, page_map=page_map))
    try:
        return check_group(source, language, list(translations), options)
    except Exception as error:  # noqa: BLE001 - one group must not end the scan (or a worker pool)
        return [
            PairResult([FileInfo(path, lang), FileInfo(source, language)], [internal_error(path, error, "checking the pair", source)])
            for path, lang in translations
        ]


def _collect(group: list[PairResult], findings: list[Finding]) -> bool:
    """Add a group's findings; True when a file of it could not be read at all."""
    for result in group:
        findings.extend(result.findings)
    return any(result.io_error for result in group)


def _jobs(pairs: list[tuple[Page, Page]], options: Options, layouts: list[SiteLayout]) -> list[Job]:
    """One job per source page, so a source with several translations is parsed once."""
    by_source: dict[str, Job] = {}
    roots = [layout.root for layout in layouts]
    for translation, source in pairs:
        path = str(source.path)
        if path not in by_source:
            site = next((i for i, root in enumerate(roots) if _within(source.path, root)), -1)
            by_source[path] = (path, source.language, [], options, site)
        by_source[path][2].append((str(translation.path), translation.language))
    return list(by_source.values())


def scan(
    paths: list[Path],
    config: Config,
    options: Options,
    jobs: int = 1,
    changed_since: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ScanResult:
    started = time.perf_counter()
    plan: PairPlan = plan_pairs(paths, config)
    pairs = plan.pairs
    orphans = plan.orphans
    if changed_since is not None:
        changed = changed_files(changed_since, paths[0] if paths[0].is_dir() else paths[0].parent)
        pairs = [(a, b) for a, b in pairs if a.path.resolve() in changed or b.path.resolve() in changed]
        orphans = [(page, missing) for page, missing in orphans if page.path.resolve() in changed]
    work = _jobs(pairs, options, plan.layouts)
    maps = [layout.page_map for layout in plan.layouts]
    _set_page_maps(maps)
    # Only the findings of each pair are kept (memory grows with findings, not with pages).
    findings: list[Finding] = []
    io_error = False
    done = 0
    parallel = jobs > 1 and len(work) > 1
    context = get_context("fork" if sys.platform != "win32" else "spawn")
    with context.Pool(jobs, _set_page_maps, (maps,)) if parallel else nullcontext() as pool:
        for group in pool.imap(_check_group, work, chunksize=2) if pool else map(_check_group, work):
            done += len(group)
            io_error = _collect(group, findings) or io_error
            if progress:
                progress(done, len(pairs))
    del work
    findings.extend(_orphan_findings(orphans, plan.layout, config, options))
    parse_error = rule("parse-error")
    for path, line, message in plan.problems:
        findings.append(Finding(path, line or 1, parse_error.name, parse_error.code, parse_error.severity, message))
    findings = _per_path_ignores(findings, config, plan.layout.root)
    languages = {str(page.path): page.language for pair in pairs for page in pair}
    notes = _config_notes(plan.layout)
    return ScanResult(
        pairs=[(str(a.path), str(b.path)) for a, b in pairs],
        languages=languages,
        findings=sort_findings(findings),
        layout=plan.layout,
        groups=plan.groups,
        io_error=io_error or bool(plan.problems),
        seconds=time.perf_counter() - started,
        notes=notes,
        layouts=plan.layouts,
        looked_in=plan.looked_in,
        orphans=len(orphans),
        pairs_per_site=[sum(1 for a, _ in pairs if _within(a.path, layout.root)) for layout in plan.layouts],
    )


def _within(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except ValueError:
        return False


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _orphan_findings(orphans: list, layout: SiteLayout, config: Config, options: Options) -> list[Finding]:
    if not config.orphans or "orphan" not in options.enabled():
        return []
    meta = rule("orphan")
    found = []
    for page, missing in orphans:
        relative = _relative(str(page.path), layout.root)
        if any(fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(page.key, pattern) for pattern in config.orphan_ignore):
            continue
        names = ", ".join(missing)
        finding = Finding(
            str(page.path), 1, meta.name, meta.code, meta.severity,
            f"this page ({page.language}) has no version in {names}", key=f"{page.key}|{names}",
        )
        found.append(finding.with_severity(options.severity_of(finding)))
    return found


def _per_path_ignores(findings: list[Finding], config: Config, root: Path) -> list[Finding]:
    if not config.per_path_ignores:
        return findings
    kept = []
    for finding in findings:
        relative = _relative(finding.path, root)
        ignored = False
        for pattern, selectors in config.per_path_ignores.items():
            if fnmatch.fnmatch(relative, pattern):
                from .rules import resolve

                if finding.rule in {r.name for s in selectors for r in resolve(s)}:
                    ignored = True
        if not ignored:
            kept.append(finding)
    return kept


def _config_notes(layout: SiteLayout) -> list[str]:
    """Mistakes in the site's own config that change what Hugo does."""
    notes = []
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
