"""transcheck's configuration: ``[tool.transcheck]`` in pyproject.toml, or transcheck.toml /
.transcheck.toml, found by walking up from the checked path. Defaults < file < command line.

Validated strictly: an unknown key, rule or value is a :class:`ConfigError` naming the key
and the file, never a silent default.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from transcheck.findings import Severity
from transcheck.pair.settings import DEFAULT_LOCAL_KEYS, Settings
from transcheck.rules import resolve

CONFIG_NAMES = ("transcheck.toml", ".transcheck.toml", "pyproject.toml")


class ConfigError(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class Config(Struct):
    path: str | None = None  # the file it came from
    languages: tuple[str, ...] = ()
    source: str | None = None
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "error"
    per_path_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    layout_dirs: dict[str, str] = field(default_factory=dict)  # language → content dir
    renames: tuple[tuple[str, str], ...] = ()  # (segment in a translation, segment in the source)
    link_rewrites: tuple[tuple[str, str], ...] = ()
    compare_fragments: bool = False
    language_aliases: dict[str, str] = field(default_factory=dict)
    equal_keys: tuple[str, ...] = ()
    translated_keys: tuple[str, ...] = ()
    local_keys: tuple[str, ...] = ()
    orphans: bool = True
    orphan_ignore: tuple[str, ...] = ()
    follow_symlinks: bool = False
    max_file_size: int = 20 * 1024 * 1024


_SCHEMA: dict[str, type | tuple[type, ...]] = {
    "languages": list, "source": str, "exclude": list, "select": list, "ignore": list,
    "severity": dict, "fail-on": str, "per-path-ignores": dict, "layout": dict, "links": dict,
    "language-aliases": dict, "front-matter": dict, "orphans": dict, "follow-symlinks": bool,
    "max-file-size": int,
}
_SUBKEYS: dict[str, dict[str, type]] = {
    "layout": {"dirs": dict, "renames": list},
    "links": {"rewrites": list, "compare-fragments": bool},
    "front-matter": {"equal": list, "translated": list, "local": list},
    "orphans": {"enabled": bool, "ignore": list},
}


def find_config(start: Path) -> Path | None:
    """The nearest config file walking up from ``start`` (a pyproject.toml counts only with
    a [tool.transcheck] table)."""
    try:
        here = start.resolve()
    except (OSError, RuntimeError):  # a symlink loop: look from where it stands
        here = start.absolute()
    if here.is_file() or not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            try:
                text = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            import tomllib  # here, not at import: most runs read no TOML

            try:
                if "transcheck" in tomllib.loads(text).get("tool", {}):
                    return candidate
            except tomllib.TOMLDecodeError:
                if re.search(r"(?m)^\s*\[\s*tool\.transcheck", text):
                    return candidate  # ours, but broken: load_config says where, never a silent default
                continue
    return None


def load_config(path: Path) -> Config:
    import tomllib  # here, not at import: most runs read no TOML

    name = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(name, "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(name, f"cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(name, f"not valid TOML: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("transcheck", {})
        prefix = "tool.transcheck."
    else:
        data = data.get("tool", {}).get("transcheck", data) if "tool" in data else data
        prefix = ""
    return parse_config(data, name, prefix)


def _check_type(value: Any, expected: type | tuple[type, ...], key: str, name: str) -> None:
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        wanted = expected.__name__ if isinstance(expected, type) else " or ".join(t.__name__ for t in expected)
        raise ConfigError(name, f"{key} must be a {_type_word(wanted)}, not {value!r}")


def _type_word(name: str) -> str:
    return {"list": "list", "dict": "table", "str": "string", "bool": "boolean (true or false)", "int": "whole number"}.get(name, name)


def _strings(value: list[Any], key: str, name: str) -> tuple[str, ...]:
    for item in value:
        if not isinstance(item, str):
            raise ConfigError(name, f"{key} must list strings, not {item!r}")
    return tuple(value)


def _pairs(value: list[Any], key: str, name: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)):
            raise ConfigError(name, f"{key} must list pairs of strings like [\"/kontakt/\", \"/contact/\"], not {item!r}")
        pairs.append((item[0], item[1]))
    return tuple(pairs)


def _rules(selectors: tuple[str, ...], key: str, name: str) -> tuple[str, ...]:
    for selector in selectors:
        if not resolve(selector):
            raise ConfigError(name, f"{key}: no rule is named or coded {selector!r}")
    return selectors


def parse_config(data: dict[str, Any], name: str, prefix: str = "") -> Config:
    config = Config(path=name)
    for key, value in data.items():
        full = prefix + key
        if key not in _SCHEMA:
            raise ConfigError(name, f"unknown key {full!r} (known: {', '.join(sorted(_SCHEMA))})")
        _check_type(value, _SCHEMA[key], full, name)
        if key in _SUBKEYS:
            known = _SUBKEYS[key]
            for sub, sub_value in value.items():
                if sub not in known:
                    raise ConfigError(name, f"unknown key {full}.{sub!r} (known: {', '.join(sorted(known))})")
                _check_type(sub_value, known[sub], f"{full}.{sub}", name)
    if "languages" in data:
        config.languages = _strings(data["languages"], prefix + "languages", name)
    config.source = data.get("source")
    if "exclude" in data:
        config.exclude = _strings(data["exclude"], prefix + "exclude", name)
    if "select" in data:
        config.select = _rules(_strings(data["select"], prefix + "select", name), prefix + "select", name)
    if "ignore" in data:
        config.ignore = _rules(_strings(data["ignore"], prefix + "ignore", name), prefix + "ignore", name)
    for rule_name, severity in data.get("severity", {}).items():
        _rules((rule_name,), f"{prefix}severity", name)
        if not isinstance(severity, str):
            raise ConfigError(name, f"{prefix}severity.{rule_name} must be error, warning or info")
        try:
            Severity.parse(severity)
        except ValueError:
            raise ConfigError(name, f"{prefix}severity.{rule_name}: {severity!r} is not error, warning or info") from None
        config.severity[rule_name] = severity
    if "fail-on" in data:
        if data["fail-on"] not in ("error", "warning", "info"):
            raise ConfigError(name, f"{prefix}fail-on must be error, warning or info, not {data['fail-on']!r}")
        config.fail_on = data["fail-on"]
    for pattern, rules in data.get("per-path-ignores", {}).items():
        _check_type(rules, list, f"{prefix}per-path-ignores.{pattern}", name)
        config.per_path_ignores[pattern] = _rules(_strings(rules, f"{prefix}per-path-ignores", name), f"{prefix}per-path-ignores.{pattern}", name)
    layout = data.get("layout", {})
    for language, folder in layout.get("dirs", {}).items():
        if not isinstance(folder, str):
            raise ConfigError(name, f"{prefix}layout.dirs.{language} must be a folder path")
        config.layout_dirs[language] = folder
    config.renames = _pairs(layout.get("renames", []), f"{prefix}layout.renames", name)
    links = data.get("links", {})
    config.link_rewrites = _pairs(links.get("rewrites", []), f"{prefix}links.rewrites", name)
    config.compare_fragments = links.get("compare-fragments", False)
    for alias, code in data.get("language-aliases", {}).items():
        if not isinstance(code, str):
            raise ConfigError(name, f"{prefix}language-aliases.{alias} must be a language code")
        config.language_aliases[alias] = code
    front = data.get("front-matter", {})
    config.equal_keys = tuple(k.lower() for k in _strings(front.get("equal", []), f"{prefix}front-matter.equal", name))
    config.translated_keys = tuple(k.lower() for k in _strings(front.get("translated", []), f"{prefix}front-matter.translated", name))
    config.local_keys = tuple(k.lower() for k in _strings(front.get("local", []), f"{prefix}front-matter.local", name))
    orphans = data.get("orphans", {})
    config.orphans = orphans.get("enabled", True)
    config.orphan_ignore = _strings(orphans.get("ignore", []), f"{prefix}orphans.ignore", name)
    config.follow_symlinks = data.get("follow-symlinks", False)
    config.max_file_size = data.get("max-file-size", config.max_file_size)
    if config.source and config.languages and config.source not in config.languages:
        raise ConfigError(name, f"{prefix}source {config.source!r} is not one of languages {list(config.languages)}")
    return config


def settings_from(config: Config, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                  severity: tuple[tuple[str, str], ...] = ()) -> Settings:
    """The run's one settings object: defaults < config file < command line (``select``
    replaces the file's, ``ignore`` and ``severity`` add to them)."""
    return Settings(
        select=select or config.select,
        ignore=config.ignore + ignore,
        severity=tuple(config.severity.items()) + severity,
        per_path_ignores=tuple(config.per_path_ignores.items()),
        local_keys=DEFAULT_LOCAL_KEYS + config.local_keys,
        text_keys=config.translated_keys,
        equal_keys=config.equal_keys,
        language_aliases=tuple(config.language_aliases.items()),
        link_rewrites=config.link_rewrites,
        compare_fragments=config.compare_fragments,
        max_bytes=config.max_file_size,
    )
