"""Finding the translations of each page the way the site links them.

Hugo's own config says which languages exist and where each lives
(``[languages.X] contentDir``, ``[[module.mounts]] lang``); otherwise
``page.sv.md`` beside ``page.md`` (the default language) are translations;
``translationKey`` in the front matter overrides both, as in Hugo.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

from .config import Config
from .frontmatter import parse_front_matter, split_front_matter
from .langs import normalise_tag
from .source import InputError, read_source

HUGO_CONFIG_NAMES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")


@dataclass
class SiteLayout:
    root: Path
    default_language: str | None = None
    languages: list[str] = field(default_factory=list)
    content_dirs: dict[str, list[Path]] = field(default_factory=dict)  # language → folders (absolute)
    config_file: str | None = None


@dataclass(frozen=True)
class Page:
    path: Path
    language: str
    key: str  # what its translations share: a relative path without language, or a translationKey


@dataclass
class PairPlan:
    pairs: list[tuple[Page, Page]]  # (translation, source)
    orphans: list[tuple[Page, list[str]]]  # a page and the languages it has no version in
    problems: list[tuple[str, int | None, str]]  # (path, line, message) for unreadable files
    layout: SiteLayout
    groups: int = 0


def _read_config_file(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        return tomllib.loads(text)
    if path.suffix == ".json":
        return json.loads(text)
    data = yaml.safe_load(text)
    return data if isinstance(data, dict) else {}


def find_site_root(start: Path) -> Path | None:
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        if any((folder / name).is_file() for name in HUGO_CONFIG_NAMES) or (folder / "config" / "_default").is_dir():
            return folder
    return None


def load_hugo_layout(root: Path) -> SiteLayout:
    """Languages and content folders from the site's Hugo config (``config/_default/`` too)."""
    layout = SiteLayout(root=root)
    data: dict[str, Any] = {}
    files = [root / n for n in HUGO_CONFIG_NAMES if (root / n).is_file()][:1]
    default_dir = root / "config" / "_default"
    if default_dir.is_dir():
        files += sorted(p for p in default_dir.iterdir() if p.suffix in (".toml", ".yaml", ".yml", ".json"))
    for path in files:
        try:
            loaded = _read_config_file(path)
        except (OSError, ValueError, yaml.YAMLError, tomllib.TOMLDecodeError):
            continue
        stem = path.stem
        if path.parent == default_dir and stem in ("languages", "module"):
            loaded = {stem: loaded}
        data.update(loaded)
        layout.config_file = layout.config_file or str(path)
    default = data.get("defaultContentLanguage") or data.get("defaultcontentlanguage") or "en"
    layout.default_language = str(default).lower()
    languages = data.get("languages") or {}
    content_dir = str(data.get("contentDir", "content"))
    for code, settings in languages.items() if isinstance(languages, dict) else []:
        code = str(code).lower()
        layout.languages.append(code)
        if isinstance(settings, dict) and settings.get("contentDir"):
            layout.content_dirs.setdefault(code, []).append((root / str(settings["contentDir"])).resolve())
    mounts = (data.get("module") or {}).get("mounts") or []
    for mount in mounts if isinstance(mounts, list) else []:
        if isinstance(mount, dict) and mount.get("lang") and str(mount.get("target", "")).startswith("content"):
            source = (root / str(mount.get("source", ""))).resolve()
            language = str(mount["lang"]).lower()
            if language not in layout.languages:
                layout.languages.append(language)
            layout.content_dirs.setdefault(language, []).append(source)
    if layout.default_language not in layout.languages:
        layout.languages.insert(0, layout.default_language)
    layout.content_dirs.setdefault("", []).append((root / content_dir).resolve())  # shared folder
    return layout


def layout_for(paths: list[Path], config: Config) -> SiteLayout:
    root = find_site_root(paths[0]) if paths else None
    if root is not None:
        layout = load_hugo_layout(root)
    else:
        base = Path(config.path).parent if config.path else (paths[0] if paths else Path.cwd())
        layout = SiteLayout(root=base.resolve(), default_language=config.source or (config.languages[0] if config.languages else None))
        layout.languages = list(config.languages)
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


def iter_markdown(paths: list[Path], config: Config, problems: list[tuple[str, int | None, str]]) -> Iterator[Path]:
    """Markdown files under ``paths``, sorted; symlinks are not followed out of the tree."""
    roots = [p.resolve() for p in paths]
    seen: set[str] = set()  # resolved paths, as strings (a Path object costs several times more)
    for given, root in zip(paths, roots):
        if root.is_file():
            if root.suffix in MARKDOWN_SUFFIXES and str(root) not in seen:
                seen.add(str(root))
                yield root
            continue
        if not root.is_dir():
            problems.append((str(given), None, "no such file or folder"))
            continue

        def on_error(error: OSError) -> None:
            problems.append((str(error.filename), None, f"cannot read folder: {error.strerror}"))

        found: list[Path] = []
        for folder, dirs, files in os.walk(root, onerror=on_error, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "public", "resources"))
            for name in files:
                if not name.endswith(MARKDOWN_SUFFIXES):
                    continue
                path = Path(folder) / name
                if path.is_symlink():
                    target = path.resolve()
                    if not config.follow_symlinks and not any(_inside(target, r) for r in roots):
                        continue  # a link that leads out of the tree is not followed
                relative = path.relative_to(root).as_posix()
                if any(fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(path.as_posix(), pattern) for pattern in config.exclude):
                    continue
                found.append(path)
        found.sort()
        for path in found:
            key = str(path.resolve())
            if key not in seen:
                seen.add(key)
                yield path


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def page_of(path: Path, layout: SiteLayout, config: Config) -> Page:
    """The language of a file and the key its translations share."""
    resolved = path.resolve()
    for language, folders in sorted(layout.content_dirs.items(), key=lambda item: -max(len(str(f)) for f in item[1])):
        for folder in folders:
            if not language or not _inside(resolved, folder):
                continue
            relative = resolved.relative_to(folder).as_posix()
            return Page(path, language, _strip_suffix(relative, layout)[0])
    relative = _relative(resolved, layout.root)
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
    match = re.match(r"^(.*)\.([A-Za-z]{2,3}(?:[-_][A-Za-z]{2})?)(\.[a-z]+)$", relative)
    if match:
        tag = normalise_tag(match.group(2))
        if tag and (not layout.languages or tag.split("-")[0] in [l.split("-")[0] for l in layout.languages]):
            return match.group(1) + match.group(3), tag
    return relative, None


def _translation_key(path: Path, max_bytes: int) -> str | None:
    try:
        source = read_source(path, max_bytes)
        split = split_front_matter(source.text, str(path))
        if "translationkey" not in split.text.lower():
            return None  # most pages: no need to parse the front matter here
        front = parse_front_matter(split, str(path))
    except InputError:
        return None
    for entry in front.entries:
        if entry.key.lower() == "translationkey" and isinstance(entry.value, (str, int)):
            return str(entry.value)
    return None


def _rename(key: str, renames: tuple[tuple[str, str], ...]) -> str:
    """Apply directory renames (a translation's 'tjanster' is the source's 'services')."""
    parts = key.split("/")
    mapping = dict(renames)
    return "/".join(mapping.get(part, part) for part in parts)


def plan_pairs(paths: list[Path], config: Config) -> PairPlan:
    problems: list[tuple[str, int | None, str]] = []
    layout = layout_for(paths, config)
    groups: dict[str, dict[str, Page]] = {}
    for path in iter_markdown(paths, config, problems):
        page = page_of(path, layout, config)
        key = _rename(page.key, config.renames)
        translation_key = _translation_key(path, config.max_file_size)
        if translation_key:
            key = "translationKey:" + translation_key
        group = groups.setdefault(key, {})
        if page.language in group:  # two files for one language: keep both apart
            key = f"{key}#{path}"
            group = groups.setdefault(key, {})
        group[page.language] = Page(path, page.language, key)
    source = config.source or layout.default_language
    present = {language for group in groups.values() for language in group}
    order = [l for l in layout.languages if l in present] or sorted(present)
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
        missing = [l for l in order if l not in group]
        if missing:
            orphans.append((reference, missing))
    return PairPlan(pairs, orphans, problems, layout, len(groups))
