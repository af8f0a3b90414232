"""Finding the translations of each page the way the site links them.

Hugo's own config says which languages exist and where each lives
(``[languages.X] contentDir``, ``[[module.mounts]] lang``); otherwise
``page.sv.md`` beside ``page.md`` (the default language) are translations;
``translationKey`` in the front matter overrides both, as in Hugo.
"""

from __future__ import annotations

from collections import Counter
import fnmatch
import os
import re
import stat
import sys
import unicodedata
from pathlib import Path
from typing import Iterator

from msgspec import Struct, field

from transcheck.lazyre import lazy_compile
from transcheck.resolved import forget as forget_resolved, resolved
from transcheck.site import generators
from transcheck.site.config import Config
from transcheck.document.frontmatter import parse_front_matter, split_front_matter
from transcheck.languages.tags import parse_tag
from transcheck.values.pagemap import PageMap, PageMapBuilder, content_url
from transcheck.document.source import InputError, read_source

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")
# Folders of a Hugo or Zola site that never hold pages (templates, themes, build output).
NON_CONTENT_DIRS = frozenset({"archetypes", "layouts", "themes", "static", "assets", "data", "i18n",
                              "resources", "public", "config", "node_modules", "templates", "sass"})

Problem = tuple[str, "int | None", str]


class SiteLayout(Struct):
    root: Path
    default_language: str | None = None
    languages: list[str] = field(default_factory=list)
    content_dirs: dict[str, list[Path]] = field(default_factory=dict)  # language → folders (absolute)
    config_file: str | None = None
    kind: generators.Generator = ""  # "": transcheck's own config or nothing
    config_files: list[str] = field(default_factory=list)
    how: str = ""
    fallbacks: list[tuple[str, Path]] = field(default_factory=list)  # (language, folder shown in it)
    problems: list[Problem] = field(default_factory=list)
    default_in_subdir: bool = False
    page_map: PageMap | None = None  # the site's pages by address, for links (planned sites only)
    permalinks: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)  # Hugo [permalinks]
    remove_path_accents: bool = False
    build_expired: bool = False  # Hugo's buildExpired: expired pages are still on the site
    base_urls: dict[str, str] = field(default_factory=dict)  # language ("" for the site) → baseURL


class Page(Struct, frozen=True):
    """A planned page. Its path is a string (as the walk found it, absolute): a site of 10 000
    pairs plans 20 000 pages, and a ``Path`` costs several times the memory of its text."""

    path: str
    language: str
    key: str  # what its translations share: a relative path without language, or a translationKey


class PairPlan(Struct):
    pairs: list[tuple[Page, Page]]  # (translation, source)
    orphans: list[tuple[Page, list[str]]]  # a page and the languages it has no version in
    problems: list[Problem]  # (path, line, message) for unreadable files and configs
    layout: SiteLayout
    groups: int = 0
    layouts: list[SiteLayout] = field(default_factory=list)  # every site planned (several below a repo root)
    looked_in: list[str] = field(default_factory=list)  # where pages were looked for, for "0 pairs"
    # an orphan's path → the languages it lacks that translate under half of its section
    partial: dict[str, tuple[str, ...]] = field(default_factory=dict)


def find_site_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds a Hugo or Zola config."""
    return generators.find_site_root(start)


def load_hugo_layout(root: Path) -> SiteLayout:
    """Languages and content folders from the site's own config (Hugo or Zola)."""
    site = generators.load_site_config(root)
    return SiteLayout(
        root=site.root,
        default_language=site.default_language,
        languages=list(site.languages),
        content_dirs=dict(site.content_dirs),
        config_file=str(site.files[0]) if site.files else None,
        kind=site.kind,
        config_files=[str(f) for f in site.files],
        how=site.how,
        fallbacks=list(site.fallbacks),
        problems=list(site.problems),
        default_in_subdir=site.default_in_subdir,
        permalinks=dict(site.permalinks),
        remove_path_accents=site.remove_path_accents,
        build_expired=site.build_expired,
        base_urls=dict(site.base_urls),
    )


def _apply_config(layout: SiteLayout, config: Config) -> SiteLayout:
    """transcheck's own config overrides what the site says."""
    if config.languages:
        layout.languages = list(config.languages)
    if config.source:
        layout.default_language = config.source
    base = Path(config.path).parent if config.path else layout.root
    for language, folder in config.layout_dirs.items():
        layout.content_dirs[language] = [(base / folder).resolve()]
        if language not in layout.languages:
            layout.languages.append(language)
    return layout


def layout_for(paths: list[Path], config: Config) -> SiteLayout:
    root = find_site_root(paths[0]) if paths else None
    if root is not None:
        layout = load_hugo_layout(root)
    else:
        base = Path(config.path).parent if config.path else (paths[0] if paths else Path.cwd())
        layout = SiteLayout(root=base.resolve(), default_language=config.source or (config.languages[0] if config.languages else None))
        layout.languages = list(config.languages)
    return _apply_config(layout, config)


class _Site(Struct):
    layout: SiteLayout
    walk: list[Path]  # folders and files to walk for pages
    only: list[Path] | None  # keep pairs touching these (None: the whole site)


def _sites(paths: list[Path], config: Config) -> list[_Site]:
    """Which site each given path belongs to: its config above it, or a site below a repo root.

    A path inside a site is checked against its counterparts wherever they live, so the whole
    site is planned and the pairs are then narrowed to the given paths.
    """
    sites: dict[str, _Site] = {}
    loose: list[Path] = []
    for given in paths:
        resolved = given.resolve()
        root = None if config.layout_dirs else find_site_root(given)
        roots = [root] if root is not None else []
        if not roots and resolved.is_dir() and not config.layout_dirs:
            roots = generators.find_sites_below(resolved)
        if not roots:
            loose.append(given)
            continue
        for site_root in roots:
            key = str(site_root)
            if key not in sites:
                sites[key] = _Site(_apply_config(load_hugo_layout(site_root), config), [site_root], [])
            site = sites[key]
            whole = site_root == resolved or _inside(site_root, resolved)
            if site.only is not None:
                if whole:
                    site.only = None
                else:
                    site.only.append(resolved)
    found = list(sites.values())
    if loose:
        found.append(_Site(layout_for(loose, config), loose, None))
    return found


def iter_markdown(paths: list[Path], config: Config, problems: list[Problem], site_root: Path | None = None) -> Iterator[str]:
    """Markdown files under ``paths`` (as strings), sorted as paths sort (by their parts);
    symlinks are not followed out of the tree.

    Under ``site_root`` (a Hugo or Zola site) the folders that never hold pages (layouts,
    themes, static, …) and the files at the root itself (README.md) are not pages.
    Only regular files are pages: a FIFO or device named ``x.md`` would block a read.
    """
    roots = [p.resolve() for p in paths]
    seen: set[str] = set()  # resolved paths, as strings (a Path object costs several times more)
    for given, root in zip(paths, roots):
        if root.is_file():
            if root.suffix in MARKDOWN_SUFFIXES and str(root) not in seen:
                seen.add(str(root))
                yield str(root)
            continue
        if not root.is_dir():
            if root.exists():
                problems.append((str(given), None, "not a regular file or folder (a FIFO, socket or device): skipped"))
            else:
                problems.append((str(given), None, "no such file or folder"))
            continue

        def on_error(error: OSError) -> None:
            problems.append((str(error.filename), None, f"cannot read folder: {error.strerror}"))

        found: list[str] = []  # strings, not Paths: a site's every page is listed here at once
        for folder, dirs, files in os.walk(root, onerror=on_error, followlinks=False):
            at_site_root = site_root is not None and Path(folder) == site_root
            dirs[:] = sorted(
                d for d in dirs
                if not d.startswith(".") and d not in ("node_modules", "public", "resources")
                and not (at_site_root and d in NON_CONTENT_DIRS)
            )
            if at_site_root:
                continue  # README.md, CHANGELOG.md beside the config are not pages
            for name in files:
                if not name.endswith(MARKDOWN_SUFFIXES):
                    continue
                path = Path(folder) / name
                if path.is_symlink():
                    target = path.resolve()
                    if not config.follow_symlinks and not any(_inside(target, r) for r in roots):
                        continue  # a link that leads out of the tree is not followed
                try:
                    regular = stat.S_ISREG(path.stat().st_mode)
                except OSError as error:
                    problems.append((str(path), None, f"cannot read: {error.strerror or error}"))
                    continue
                if not regular:
                    problems.append((str(path), None, "not a regular file (a FIFO, socket or device): skipped"))
                    continue
                relative = path.relative_to(root).as_posix()
                if any(fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(path.as_posix(), pattern) for pattern in config.exclude):
                    continue
                found.append(str(path))
        found.sort(key=_parts)  # the order of Path objects: by their parts, not their text
        for name in found:
            key = str(resolved(name))
            if key not in seen:
                seen.add(name if key == name else key)  # the path's own string where it is the same text
                yield name


def _parts(path: str) -> list[str]:
    """A walked path's sort key: what ``Path`` compares (its parts; the paths are normalised)."""
    return path.split("/")


_inside = generators.inside


def page_of(path: str, layout: SiteLayout, config: Config) -> Page:
    """The language of a file and the key its translations share."""
    resolved_path = resolved(path)
    for language, folders in sorted(layout.content_dirs.items(), key=lambda item: -max(len(str(f)) for f in item[1])):
        for folder in folders:
            if not language or not _inside(resolved_path, folder):
                continue
            relative = resolved_path.relative_to(folder).as_posix()
            return Page(path, language, _strip_suffix(relative, layout)[0])
    relative = _relative(resolved_path, layout.root)
    stem_key, suffix_language = _strip_suffix(relative, layout)
    language = suffix_language or layout.default_language or "und"
    return Page(path, language, stem_key)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _strip_suffix(relative: str, layout: SiteLayout) -> tuple[str, str | None]:
    """'jobs/x.sv.md' → ('jobs/x.md', 'sv') when sv is one of the site's languages."""
    # BCP 47 subtags too: page.zh-Hans.md, page.pt-BR.md, page.sr-Latn.md
    match = re.match(r"^(.*)\.([A-Za-z]{2,3}(?:[-_](?:[A-Za-z]{4}|[A-Za-z]{2}|\d{3}))?)(\.[a-z]+)$", relative)
    if match:
        tag = parse_tag(match.group(2))
        if tag and (not layout.languages or tag.split("-")[0] in [l.split("-")[0] for l in layout.languages]):
            return match.group(1) + match.group(3), tag
    return relative, None


_ADDRESS_KEYS = lazy_compile(r"""(?im)^\s*["']?(translationkey|url|slug|aliases)["']?\s*[:=]""")
_FIELDS = ("translationkey", "url", "slug", "aliases")
_PERMALINK_KEYS = lazy_compile(r"""(?im)^\s*["']?(translationkey|url|slug|aliases|title|date)["']?\s*[:=]""")
_PERMALINK_FIELDS = ("translationkey", "url", "slug", "aliases", "title", "date")


_SIMPLE_FIELD = lazy_compile(
    r"""^(translationkey|url|slug|title|date)[ \t]*[:=][ \t]*(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s#"'&*!|>{\[][^#\n]*?))[ \t]*(?:#.*)?$""",
    re.I | re.M,
)


def _front_fields(path: str, max_bytes: int, for_permalinks: bool = False) -> dict[str, object]:
    """The front-matter fields that say how a page is linked: translationKey, url, slug, aliases
    (and title and date, which Hugo's permalink patterns use, when the site has them).

    Plain one-line values are read directly (most pages); anything else — anchors, block or
    flow values, JSON — through the front-matter parser.
    """
    keys, names = (_PERMALINK_KEYS, _PERMALINK_FIELDS) if for_permalinks else (_ADDRESS_KEYS, _FIELDS)
    try:
        source = read_source(path, max_bytes)
        split = split_front_matter(source.text, path)
        if not keys.search(split.text):
            return {}  # most pages: no need to parse the front matter here
        if split.format == "yaml":
            simple = _simple_fields(split.text, keys)
            if simple is not None:
                return simple
        front = parse_front_matter(split, path)
    except InputError:
        return {}
    except Exception:  # noqa: BLE001 - planning must survive any page; the check reports it
        return {}
    fields: dict[str, object] = {}
    for entry in front.entries:
        key = entry.key.lower()
        if key in names and key not in fields:
            fields[key] = entry.value
    return fields


def _simple_fields(text: str, keys: re.Pattern[str] = _ADDRESS_KEYS) -> dict[str, object] | None:
    """The fields ``keys`` names, written as plain top-level one-line values; None if any is not."""
    wanted = sum(1 for m in keys.finditer(text) if not m.group(0)[:1].isspace())
    found: dict[str, object] = {}
    for match in _SIMPLE_FIELD.finditer(text):
        if not keys.match(match.group(0)):
            continue  # a field the caller did not ask for (title without permalinks)
        if re.match(r"\n[ \t]+\S", text[match.end():match.end() + 200]):
            return None  # a plain value continued on the next line: the parser reads it whole
        quoted = match.group(2) if match.group(2) is not None else match.group(3)
        value = quoted if quoted is not None else (match.group(4) or "").strip()
        found.setdefault(match.group(1).lower(), value)
    flow = _ALIASES_FLOW.search(text)
    aliases = flow or _ALIASES_BLOCK.search(text)
    if aliases:
        items = aliases.group(1).split(",") if aliases is flow else re.findall(r"(?m)^[ \t]*-[ \t]+(.+?)[ \t]*$", aliases.group(1))
        values = [item.strip().strip("'\"") for item in items if item.strip()]
        if any(v[:1] in "&*!{[|>" for v in values):
            return None
        found["aliases"] = values
    if len(found) != wanted:
        return None  # indented, repeated or complex: let the parser read it
    return found


_ALIASES_FLOW = lazy_compile(r"""^aliases[ \t]*:[ \t]*\[([^\]\n]*)\][ \t]*(?:#.*)?$""", re.I | re.M)
_ALIASES_BLOCK = lazy_compile(r"""^aliases[ \t]*:[ \t]*(?:#.*)?\n((?:[ \t]*-[ \t]+[^\n]*\n?)+)""", re.I | re.M)


def _file_slug(key: str) -> str:
    """The name a page's file (or bundle folder) gives it: "services/devops.md" → "devops"."""
    name = key.rsplit("/", 1)[-1]
    stem = re.sub(r"\.(md|markdown|mdown)$", "", name)  # the key has no language suffix: "release-1.2" stays whole
    return key.rsplit("/", 2)[-2] if stem.split(".")[0] in ("index", "_index") and "/" in key else stem


def permalink_address(key: str, language: str, fields: dict[str, object],
                      permalinks: dict[str, dict[str, tuple[str, str]]], without_accents: bool = False) -> str | None:
    """The address Hugo's ``[permalinks]`` give a page (``/tjanster/:slug/``), or None.

    Tokens: ``:slug`` (the slug, else the title, urlized), ``:title``, ``:filename`` and
    ``:contentbasename`` (the file or bundle name), ``:section``, ``:sections``, ``:year``,
    ``:month``, ``:day`` (from ``date``). A pattern with any other token is not guessed at.
    """
    if not permalinks or "/" not in key:
        return None
    section = key.split("/", 1)[0]
    patterns = permalinks.get(language, {}).get(section) or permalinks.get("", {}).get(section)
    if not patterns:
        return None
    name = key.rsplit("/", 1)[-1]
    stem = re.sub(r"\.(md|markdown|mdown)$", "", name)
    is_index = stem.split(".")[0] in ("_index", "index")
    if stem.split(".")[0] == "_index":
        pattern = patterns[1] if key.count("/") == 1 else ""
    else:
        pattern = patterns[0]
    if not pattern:
        return None
    base = key.rsplit("/", 2)[-2] if is_index else stem
    title = fields.get("title")
    slug = fields.get("slug")
    date = str(fields.get("date") or "")
    def urlize(text: str) -> str:
        return _urlize(_without_accents(text) if without_accents else text)

    values = {
        "slug": urlize(str(slug)) if isinstance(slug, str) and slug.strip() else urlize(str(title)) if isinstance(title, str) else None,
        "title": urlize(str(title)) if isinstance(title, str) else None,
        "filename": base, "contentbasename": base, "section": section,
        "sections": "/".join(key.split("/")[:-1]),
        "year": date[:4] if re.match(r"\d{4}", date) else None,
        "month": date[5:7] if re.match(r"\d{4}-\d{2}", date) else None,
        "day": date[8:10] if re.match(r"\d{4}-\d{2}-\d{2}", date) else None,
    }
    unknown = False

    def fill(match: re.Match[str]) -> str:
        nonlocal unknown
        value = values.get(match.group(1))
        if not value:
            unknown = True
            return ""
        return value

    address = re.sub(r":([a-z]+)", fill, pattern)
    return None if unknown else address


def _urlize(text: str) -> str:
    """Hugo's urlize, closely enough for addresses: lower case, spaces as dashes, no punctuation
    but the dot ("release-1.2" stays so)."""
    text = re.sub(r"[^\w\s.-]", "", text.strip().lower())
    return re.sub(r"[\s_-]+", "-", text).strip("-")


def _without_accents(text: str) -> str:
    """"på" → "pa", "ö" → "o": Hugo's removePathAccents (letters without a decomposition,
    "ø", "æ", stay as they are)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _translation_key(fields: dict[str, object]) -> str | None:
    value = fields.get("translationkey")
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value)
    return None


def _rename(key: str, renames: tuple[tuple[str, str], ...]) -> str:
    """Apply directory renames (a translation's 'tjanster' is the source's 'services')."""
    parts = key.split("/")
    mapping = dict(renames)
    return "/".join(mapping.get(part, part) for part in parts)


def plan_pairs(paths: list[Path], config: Config) -> PairPlan:
    """The pairs (translation, source) and orphans of every site the paths belong to."""
    forget_resolved()  # a new run: links may have changed since the last
    problems: list[Problem] = []
    pairs: list[tuple[Page, Page]] = []
    orphans: list[tuple[Page, list[str]]] = []
    layouts: list[SiteLayout] = []
    looked_in: list[str] = []
    partial: dict[str, tuple[str, ...]] = {}
    groups = 0
    for site in _sites(paths, config):
        layouts.append(site.layout)
        looked_in.extend(str(p) for p in site.walk)
        if site.layout.problems:
            problems.extend(site.layout.problems)  # a broken config: its pairs would be guesses
            continue
        site_root = site.layout.root if site.layout.kind else None
        site_pairs, site_orphans, site_groups, site_partial = _plan_site(site.layout, site.walk, config, problems, site_root)
        partial.update(site_partial)
        if site.only is not None:
            only = site.only
            site_pairs = [(a, b) for a, b in site_pairs if _touches(a.path, only) or _touches(b.path, only)]
            site_orphans = [(page, missing) for page, missing in site_orphans if _touches(page.path, only)]
        pairs.extend(site_pairs)
        orphans.extend(site_orphans)
        groups += site_groups
    layout = layouts[0] if layouts else layout_for(paths, config)
    return PairPlan(pairs, orphans, problems, layout, groups, layouts, looked_in, partial)


def _falls_back(path: str, language: str, layout: SiteLayout) -> bool:
    """Does the site show this page in ``language`` by a fallback mount (so no translation is missing)?

    Asked for every language a page lacks (a site of 11 languages: thousands of times), so
    the path is resolved only where the language has a fallback, and once per page."""
    folders = [folder for code, folder in layout.fallbacks if code == language]
    if not folders:
        return False
    target = resolved(path)
    return any(_inside(target, folder) for folder in folders)


def _touches(path: str, only: list[Path]) -> bool:
    resolved = Path(path).resolve()
    return any(resolved == given or _inside(resolved, given) for given in only)


def _plan_site(
    layout: SiteLayout, walk: list[Path], config: Config, problems: list[Problem], site_root: Path | None
) -> tuple[list[tuple[Page, Page]], list[tuple[Page, list[str]]], int, dict[str, tuple[str, ...]]]:
    # What planning holds for each of a site's pages is kept small (a large site has tens of
    # thousands): the page, its top-level section; the page map is built as the pages come.
    # Strings that many pages repeat are shared: group keys by ``keys``, languages and sections
    # (a few in a site) interned.
    groups: dict[str, dict[str, Page]] = {}
    keys: dict[str, str] = {}
    page_map = PageMapBuilder(layout.languages, layout.content_dirs, layout.base_urls) if site_root is not None else None
    sections: dict[str, str] = {}  # each page's top-level section by its path (its key before translationKey)
    languages = frozenset(l.lower() for l in layout.languages)
    for path in iter_markdown(walk, config, problems, site_root):
        page = page_of(path, layout, config)
        sections[path] = sys.intern(_section(page.key))
        key = _rename(page.key, config.renames)
        fields = _front_fields(path, config.max_file_size, for_permalinks=bool(layout.permalinks))
        permalink = permalink_address(page.key, page.language, fields, layout.permalinks, layout.remove_path_accents)
        if permalink is not None:
            fields = {**fields, "permalink": permalink}
            if not fields.get("slug") and not fields.get("url"):
                # ":slug" falls back to the title ("/tjenester/safespring-devops/"), yet links are
                # written with the file's name ("/tjenester/devops/", as the content path is):
                # that address leads to the page too, unless another page has it (a url wins)
                by_name = permalink_address(page.key, page.language, {**fields, "slug": _file_slug(page.key)},
                                            layout.permalinks, layout.remove_path_accents)
                if by_name is not None and by_name != permalink:
                    fields["permalink_by_name"] = by_name
        translation_key = _translation_key(fields)
        if translation_key:
            key = "translationKey:" + translation_key
        key = keys.setdefault(key, key)  # one string for the group, its pages and its addresses
        group = groups.setdefault(key, {})
        if page.language in group:  # two files for one language: keep both apart
            key = f"{key}#{path}"
            group = groups.setdefault(key, {})
        language = sys.intern(page.language)
        group[language] = Page(path, language, key)
        if page_map is not None:
            page_map.add(path, key, content_url(page.key, languages), fields)
    if page_map is not None:
        layout.page_map = page_map.build()
    source = config.source or layout.default_language
    present = {language for group in groups.values() for language in group}
    order = [l for l in layout.languages if l in present] or sorted(present)
    if not layout.languages:  # nothing configured: the languages are those of the file names
        layout.languages = list(order)
    # A language that translates nothing of a top-level section (a blog kept in English)
    # does so by design: its pages there are not missing. One that translates under half of
    # it translates a selection: its missing pages are told apart (``partial``).
    translated_sections: Counter[tuple[str, str]] = Counter()
    for group in groups.values():
        for language, page in group.items():
            translated_sections[(language, sections[page.path])] += 1
    references: Counter[str] = Counter()
    pairs: list[tuple[Page, Page]] = []
    orphans: list[tuple[Page, list[str]]] = []
    for key in sorted(groups):
        group = groups[key]
        reference_language = source if source in group else next((l for l in order if l in group), None)
        if reference_language is None:
            continue
        reference = group[reference_language]
        for language in order:
            if language in group and language != reference_language:
                pairs.append((group[language], reference))
        section = sections[reference.path]
        missing = [
            l for l in order
            if l not in group and (l, section) in translated_sections and not _falls_back(reference.path, l, layout)
        ]
        if missing:
            orphans.append((reference, missing))
        references[section] += 1
    partial: dict[str, tuple[str, ...]] = {}
    for reference, missing in orphans:
        section = sections[reference.path]
        selective = tuple(l for l in missing if translated_sections[(l, section)] < 0.5 * references[section])
        if selective:
            partial[reference.path] = selective
    return pairs, orphans, len(groups), partial


def _section(key: str) -> str:
    """The top-level section of a page key: 'blog/2025/x.md' → 'blog'; a page at the top → ''."""
    head, slash, _ = key.partition("/")
    return head if slash else ""


def page_map_for(path_a: Path, path_b: Path, config: Config) -> PageMap | None:
    """The page map of the site both files belong to (for `check`); None for loose files."""
    root = None if config.layout_dirs else find_site_root(path_a)
    if root is None or find_site_root(path_b) != root:
        return None
    plan = plan_pairs([root], config)
    return plan.layout.page_map if not plan.problems or plan.layout.page_map else None
