"""Which language a file is in: from the command line, its name, its path or its front matter."""

from __future__ import annotations

import re
from pathlib import PurePath

from transcheck.document.model import FrontMatter
from transcheck.languages.tags import parse_tag, verdict

LANGUAGE_KEYS = ("language", "lang", "languagecode", "locale", "hreflang", "inlanguage")


def from_file_name(path: str) -> str | None:
    """``page.sv.md`` → ``sv``."""
    parts = PurePath(path).name.split(".")
    if len(parts) >= 3:
        return parse_tag(parts[-2])
    return None


CONTENT_DIRS = frozenset({"content", "docs", "pages", "site", "i18n", "translations", "locales"})


def from_path(path: str) -> str | None:
    """``content/sv/jobs/x.md`` → ``sv``: a language code directly under a content
    directory, or as the first directory of a relative path. Elsewhere a two-letter
    directory is too often something else (``sl`` for a transit company, ``it``)."""
    parts = PurePath(path).parent.parts
    for index, segment in enumerate(parts):
        looks_like_code = (len(segment) == 2 and segment.islower()) or bool(
            re.match(r"^[a-z]{2}[-_][A-Za-z]{2}$", segment)
        )
        if not looks_like_code:
            continue
        parent = parts[index - 1].lower() if index > 0 else None
        if (parent in CONTENT_DIRS) or (index == 0 and not PurePath(path).is_absolute()):
            tag = parse_tag(segment)
            if tag:
                return tag
    return None


def declared(front_matter: FrontMatter, aliases: dict[str, str] | None = None) -> str | None:
    """The language the front matter declares: its first usable language field.

    Read as the site means it: a house alias ("Se" = sv), and "se" on a Nordic site
    taken for sv (language-code says so), "No" for Norwegian.
    """
    for entry in front_matter.entries:
        if entry.key.lower() in LANGUAGE_KEYS:
            tag = verdict(entry.value, entry.raw, aliases or {}).tag
            if tag:
                return tag
    return None


def expected_language(path: str, override: str | None = None) -> tuple[str | None, str]:
    """The language a file should be in, and where that was learnt."""
    if override:
        return parse_tag(override) or override, "command line"
    tag = from_file_name(path)
    if tag:
        return tag, "file name"
    tag = from_path(path)
    if tag:
        return tag, "path"
    return None, ""
