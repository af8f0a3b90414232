"""Reading a site's own configuration (Hugo or Zola): languages, the default one, content folders.

Every place Hugo reads configuration is read: ``hugo.*`` / ``config.*`` at the site root and
the files of ``config/_default/`` (``hugo.*``, ``config.*``, and split files named after a root
key such as ``languages.*`` and ``module.*``; ``module-template.*``, which some sites render to
``module.yaml``, stands in for a missing ``module.*``). Keys are matched case-insensitively, as
Hugo does. Content folders come from ``contentDir`` (per language or global), from
``[[module.mounts]]`` with ``lang`` or a one-language ``sites.matrix``, and from
``content/<code>/`` folders of the configured languages. A mount whose source lies inside
another language's folder is a *fallback* (English pages shown in another language's site),
never a translation.

Zola: ``config.toml`` with ``default_language`` / ``base_url`` and ``[languages.X]``; pages are
``page.md`` plus ``page.X.md`` in one ``content/`` folder.

A config that cannot be read is a problem with its file and line, never skipped silently.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PosixPath
from typing import Any, Literal

from msgspec import Struct, field

import yaml

HUGO_ROOT_NAMES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json")
CONFIG_SUFFIXES = (".toml", ".yaml", ".yml", ".json")
MAX_CONFIG_BYTES = 5 * 1024 * 1024
MAX_CONFIG_NODES = 100_000  # YAML aliases expanding past this are refused (alias bombs)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Problem = tuple[str, "int | None", str]  # (path, line, message)


Generator = Literal["hugo", "zola", ""]  # the site generators whose configuration transcheck reads


class SiteConfig(Struct):
    """What a site's configuration says about its languages."""

    root: Path
    kind: Generator = ""  # "" when no config was found
    files: list[Path] = field(default_factory=list)
    default_language: str | None = None
    languages: list[str] = field(default_factory=list)
    content_dirs: dict[str, list[Path]] = field(default_factory=dict)  # language → folders; "" = shared
    default_in_subdir: bool = False  # Hugo's defaultContentLanguageInSubdir
    problems: list[Problem] = field(default_factory=list)
    fallbacks: list[tuple[str, Path]] = field(default_factory=list)  # (language shown in, folder of another's pages)
    how: str = ""  # "content folders", "file-name suffixes", …
    # Hugo [permalinks]: language ("" for all) → top-level section → (page pattern, section pattern)
    permalinks: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    remove_path_accents: bool = False  # Hugo's removePathAccents: "på" is "pa" in addresses
    build_expired: bool = False  # Hugo's buildExpired: pages past their expiryDate are published
    # baseURL of the site and of each language that has its own ("" for the site's): an
    # absolute link to one of them is a link into the site
    base_urls: dict[str, str] = field(default_factory=dict)


class ConfigReadError(Exception):
    def __init__(self, path: Path, line: int | None, message: str) -> None:
        super().__init__(message)
        self.path, self.line, self.message = path, line, message


# --- reading one file -------------------------------------------------------------------------


def read_config_file(path: Path) -> dict[str, Any]:
    """One TOML, YAML or JSON config file as a dict; ConfigReadError with a line when it is bad."""
    import tomllib  # here, not at import: a one-pair check of loose files reads no config

    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigReadError(path, None, f"cannot read: {error.strerror or error}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigReadError(path, None, f"config file larger than {MAX_CONFIG_BYTES:,} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigReadError(path, data.count(b"\n", 0, error.start) + 1, "not UTF-8 text") from None
    try:
        if path.suffix == ".toml":
            loaded: Any = tomllib.loads(text)
        elif path.suffix == ".json":
            loaded = json.loads(text)
        else:
            loaded = _safe_yaml(text, path)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+)", str(error))
        raise ConfigReadError(path, int(match.group(1)) if match else None, f"malformed TOML: {_first_clause(error)}") from None
    except json.JSONDecodeError as error:
        raise ConfigReadError(path, error.lineno, f"malformed JSON: {error.msg}") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ConfigReadError(path, mark.line + 1 if mark else None, f"malformed YAML: {error.problem or error.context}") from None
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        raise ConfigReadError(path, None, f"malformed config: {_first_clause(error)}") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise ConfigReadError(path, 1, "the config is not a table of settings")
    return loaded


def _first_clause(error: BaseException) -> str:
    return re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error)).strip() or type(error).__name__


def _safe_yaml(text: str, path: Path) -> Any:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        count, stack = 0, [root]
        while stack:
            node = stack.pop()
            count += 1
            if count > MAX_CONFIG_NODES:
                raise ConfigReadError(path, 1, f"YAML expands to more than {MAX_CONFIG_NODES:,} values (alias bomb?)")
            if isinstance(node, yaml.MappingNode):
                stack.extend(part for pair in node.value for part in pair)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)
        return loader.construct_document(root)
    finally:
        loader.dispose()


# --- case-insensitive access ------------------------------------------------------------------


def language_code(code: Any) -> str:
    """A site's language key as a tag: 'pt-br' → 'pt-BR', 'zh-hans' → 'zh-Hans', 'SV' → 'sv'."""
    from transcheck.languages.tags import parse_tag

    text = _key(code)
    return parse_tag(text) or text


def _key(key: Any) -> str:
    # YAML 1.1 reads an unquoted `no:` key (Norwegian) as False; Hugo reads it as "no"
    if key is False:
        return "no"
    if key is True:
        return "yes"
    return str(key).lower()


def _lower(data: Any) -> Any:
    """Keys lower-cased (Hugo's keys are case-insensitive); values kept."""
    if isinstance(data, dict):
        return {_key(k): _lower(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_lower(v) for v in data]
    return data


def _merge(into: dict[str, Any], other: dict[str, Any]) -> None:
    for key, value in other.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


# --- finding and reading a site ---------------------------------------------------------------


def hugo_config_files(root: Path) -> list[Path]:
    """The config files Hugo would read at ``root`` (root file first, then config/_default/)."""
    files = [root / name for name in HUGO_ROOT_NAMES if (root / name).is_file()][:1]
    default_dir = root / "config" / "_default"
    if default_dir.is_dir():
        files += sorted(p for p in default_dir.iterdir() if p.suffix in CONFIG_SUFFIXES and p.is_file())
    return files


def is_zola_config(path: Path) -> bool:
    """A root ``config.toml`` written for Zola (Hugo spells these keys baseURL/defaultContentLanguage)."""
    if path.name not in ("config.toml", "zola.toml") or not path.is_file():
        return False
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:200_000]
    except OSError:
        return False
    return bool(re.search(r"^\s*(base_url|default_language|compile_sass|build_search_index)\s*=", head, re.M))


def looks_like_site(folder: Path) -> bool:
    """Does ``folder`` hold a Hugo or Zola config (and not merely some tool's config.toml)?"""
    if any((folder / name).is_file() for name in HUGO_ROOT_NAMES if name.startswith("hugo.")):
        return True
    if (folder / "config" / "_default").is_dir() or (folder / "zola.toml").is_file():
        return True
    for name in HUGO_ROOT_NAMES:
        path = folder / name
        if path.is_file() and name.startswith("config."):
            if is_zola_config(path):
                return True
            try:
                head = path.read_text(encoding="utf-8", errors="replace")[:200_000].lower()
            except OSError:
                continue
            if re.search(r"baseurl|defaultcontentlanguage|\blanguages\b|contentdir|\btheme\b", head) or (folder / "content").is_dir():
                return True
    return False


def find_site_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds a site config."""
    try:
        here = start.resolve()
    except (OSError, RuntimeError):  # a symlink loop: look from where it stands
        here = start.absolute()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        if looks_like_site(folder):
            return folder
    return None


_SKIP_DIRS = frozenset({"node_modules", "public", "resources", "themes", "vendor", "dist", "build", "__pycache__"})


def find_sites_below(start: Path, depth: int = 3) -> list[Path]:
    """Site roots in the folders below ``start`` (a repository whose site lives in ``website/``)."""
    found: list[Path] = []
    level = [start.resolve()]
    for _ in range(depth):
        following: list[Path] = []
        for folder in level:
            try:
                children = sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink())
            except OSError:
                continue
            for child in children:
                if child.name.startswith(".") or child.name in _SKIP_DIRS:
                    continue
                if looks_like_site(child):
                    found.append(child)
                else:
                    following.append(child)
        level = following
    return found


def load_site_config(root: Path) -> SiteConfig:
    """The languages and content folders of the site at ``root`` (Zola or Hugo)."""
    site = SiteConfig(root=root.resolve())
    for name in ("zola.toml", "config.toml"):
        if is_zola_config(root / name):
            return _load_zola(site, root / name)
    return _load_hugo(site)


def _load_zola(site: SiteConfig, path: Path) -> SiteConfig:
    site.kind = "zola"
    site.files = [path]
    try:
        data = _lower(read_config_file(path))
    except ConfigReadError as error:
        site.problems.append((str(error.path), error.line, error.message))
        return site
    site.default_language = language_code(data.get("default_language") or "en")
    site.languages = [site.default_language]
    languages = data.get("languages")
    for code in languages if isinstance(languages, dict) else []:
        if language_code(code) not in site.languages:
            site.languages.append(language_code(code))
    site.content_dirs[""] = [site.root / "content"]
    site.how = "file-name suffixes (page.md + page.LANG.md)"
    return site


def _load_hugo(site: SiteConfig) -> SiteConfig:
    root = site.root
    files = hugo_config_files(root)
    if not files:
        return site
    site.kind = "hugo"
    default_dir = root / "config" / "_default"
    data: dict[str, Any] = {}
    template: dict[str, Any] | None = None
    for path in files:
        try:
            loaded = _lower(read_config_file(path))
        except ConfigReadError as error:
            site.problems.append((str(error.path), error.line, error.message))
            continue
        site.files.append(path)
        stem = path.stem.lower()
        if path.parent == default_dir and stem not in ("hugo", "config"):
            if "." in stem:
                continue  # menus.en.toml, params.sv.yaml: per-language settings
            if stem == "module-template":
                template = loaded
                continue
            loaded = {stem: loaded}
        _merge(data, loaded)
    if template is not None and not isinstance(data.get("module"), dict):
        data["module"] = template  # rendered by the site into module.yaml before Hugo runs
    site.default_language = language_code(data.get("defaultcontentlanguage") or "en")
    site.default_in_subdir = bool(data.get("defaultcontentlanguageinsubdir"))
    site.permalinks = _permalinks(data)
    site.remove_path_accents = data.get("removepathaccents") is True
    site.build_expired = data.get("buildexpired") is True
    content_dir = str(data.get("contentdir") or "content")
    languages = data.get("languages")
    explicit: dict[str, list[Path]] = {}
    written: dict[str, str] = {}  # language → its key as the config writes it (a folder name)
    if isinstance(data.get("baseurl"), str) and data["baseurl"].strip():
        site.base_urls[""] = data["baseurl"].strip()
    for key, settings in languages.items() if isinstance(languages, dict) else []:
        code = language_code(key)
        written[code] = key
        site.languages.append(code)
        if isinstance(settings, dict) and isinstance(settings.get("baseurl"), str) and settings["baseurl"].strip():
            site.base_urls[code] = settings["baseurl"].strip()
        if isinstance(settings, dict) and settings.get("contentdir"):
            explicit.setdefault(code, []).append((root / str(settings["contentdir"])).resolve())
    mounted = _mounts(data, root, site)
    for code, folders in mounted.items():
        for folder in folders:
            if folder not in explicit.setdefault(code, []):
                explicit[code].append(folder)
        if code not in site.languages:
            site.languages.append(code)
    if site.default_language not in site.languages:
        site.languages.insert(0, site.default_language)
    # content/<code>/ folders of configured languages that have no folder yet
    for code in site.languages:
        for name in dict.fromkeys((written.get(code, code), code, code.lower())):
            folder = (root / content_dir / name).resolve()
            if code not in explicit and folder.is_dir():
                explicit[code] = [folder]
    site.content_dirs = explicit
    site.content_dirs[""] = [(root / content_dir).resolve()]  # a shared folder: suffixes
    per_language = any(code for code in explicit if code)
    site.how = "one content folder per language" if per_language else "file-name suffixes (page.md + page.LANG.md)"
    return site


def _permalinks(data: dict[str, Any]) -> dict[str, dict[str, tuple[str, str]]]:
    """``[permalinks]`` and ``[languages.X.permalinks]``, flat (``blog = "/b/:slug/"``) or split
    into ``page``/``section`` tables."""

    def read(table: Any) -> dict[str, tuple[str, str]]:
        if not isinstance(table, dict):
            return {}
        pages: dict[str, Any] = table["page"] if isinstance(table.get("page"), dict) else {}
        sections: dict[str, Any] = table["section"] if isinstance(table.get("section"), dict) else {}
        flat = {k: v for k, v in table.items() if isinstance(v, str)}
        found: dict[str, tuple[str, str]] = {}
        for name in set(pages) | set(sections) | set(flat):
            page = pages.get(name) or flat.get(name) or ""
            section = sections.get(name) or ""
            if isinstance(page, str) and isinstance(section, str):
                found[str(name)] = (page, section)
        return found

    result: dict[str, dict[str, tuple[str, str]]] = {}
    if read(data.get("permalinks")):
        result[""] = read(data.get("permalinks"))
    languages = data.get("languages")
    for key, settings in languages.items() if isinstance(languages, dict) else []:
        if isinstance(settings, dict) and read(settings.get("permalinks")):
            result[language_code(key)] = read(settings.get("permalinks"))
    return result


def _mount_languages(mount: dict[str, Any]) -> list[str]:
    if mount.get("lang"):
        return [language_code(mount["lang"])]
    sites = mount.get("sites")
    matrix = sites.get("matrix") if isinstance(sites, dict) else None
    languages = matrix.get("languages") if isinstance(matrix, dict) else None
    if isinstance(languages, list):
        return [language_code(code) for code in languages]
    if isinstance(languages, str):
        return [language_code(languages)]
    return []


def _mounts(data: dict[str, Any], root: Path, site: SiteConfig) -> dict[str, list[Path]]:
    """Content mounts per language; fallback mounts (inside another language's folder) left out."""
    module = data.get("module")
    mounts = module.get("mounts") if isinstance(module, dict) else None
    found: list[tuple[str, Path]] = []
    unlabelled: list[Path] = []
    for mount in mounts if isinstance(mounts, list) else []:
        if not isinstance(mount, dict) or str(mount.get("target", "")).strip("/") != "content":
            continue  # only mounts of a whole content tree say where a language lives
        source = (root / str(mount.get("source", ""))).resolve()
        languages = _mount_languages(mount)
        if len(languages) == 1:
            found.append((languages[0], source))
        elif not languages:
            unlabelled.append(source)
    # an unlabelled mount of content/<default> is the default language's folder
    default = site.default_language or "en"
    for source in unlabelled:
        if language_code(source.name) == default:
            found.append((default, source))
    result: dict[str, list[Path]] = {}
    for code, source in found:
        result.setdefault(code, []).append(source)
    # partial mounts (target content/docs) of one language's pages into another are fallbacks
    for mount in mounts if isinstance(mounts, list) else []:
        if not isinstance(mount, dict) or not str(mount.get("target", "")).startswith("content/"):
            continue
        source = (root / str(mount.get("source", ""))).resolve()
        owners = [code for code, folders in result.items() if any(inside(source, f) for f in folders)]
        for code in _mount_languages(mount):
            if owners and code not in owners:
                site.fallbacks.append((code, source))
    return result


def inside(path: Path, folder: Path) -> bool:
    """Is ``path`` at or below ``folder`` (both resolved)?

    Asked thousands of times in planning a large site: on POSIX (case-sensitive, one
    separator, resolved paths hold no "." or "..") the strings answer as ``relative_to``
    does, without parsing the paths again."""
    if isinstance(path, PosixPath) and isinstance(folder, PosixPath):
        text, base = str(path), str(folder)
        return text == base or text.startswith(base if base.endswith("/") else base + "/")
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False
