"""Which language a file is in: from the command line, its name, its path or its front matter."""

from __future__ import annotations

import re
from pathlib import PurePath

from transcheck.document.model import FrontMatter

# ISO 639-1 codes: a path segment or file-name part is taken for a language only if it is one.
ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la
    lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj
    om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv
    sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()
)
_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}|\d{3}|[a-zA-Z]{4}))?$")
LANGUAGE_KEYS = ("language", "lang", "languagecode", "locale", "hreflang", "inlanguage")


def normalise_tag(text: str) -> str | None:
    """'sv', 'SV', 'sv-SE', 'sv_se' → 'sv' / 'sv-SE'; anything that is no language tag → None."""
    match = _TAG.match(text.strip())
    if not match:
        return None
    primary = match.group(1).lower()
    if len(primary) == 2 and primary not in ISO_639_1:
        return None
    region = match.group(2)
    if region:
        region = region.upper() if len(region) == 2 else region.title() if len(region) == 4 else region
        return f"{primary}-{region}"
    return primary


def from_file_name(path: str) -> str | None:
    """``page.sv.md`` → ``sv``."""
    parts = PurePath(path).name.split(".")
    if len(parts) >= 3:
        return normalise_tag(parts[-2])
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
            tag = normalise_tag(segment)
            if tag:
                return tag
    return None


def declared(front_matter: FrontMatter, aliases: dict[str, str] | None = None) -> str | None:
    """The language the front matter declares: its first usable language field.

    Read as the site means it: a house alias ("Se" = sv), and "se" on a Nordic site
    taken for sv (language-code says so), "No" for Norwegian.
    """
    from transcheck.languages.tags import verdict

    for entry in front_matter.entries:
        if entry.key.lower() in LANGUAGE_KEYS:
            tag = verdict(entry.value, entry.raw, aliases or {}).tag
            if tag:
                return tag
    return None


def expected_language(path: str, override: str | None = None) -> tuple[str | None, str]:
    """The language a file should be in, and where that was learnt."""
    if override:
        return normalise_tag(override) or override, "command line"
    tag = from_file_name(path)
    if tag:
        return tag, "file name"
    tag = from_path(path)
    if tag:
        return tag, "path"
    return None, ""
