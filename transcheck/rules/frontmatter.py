"""Front-matter rules: duplicate-key, frontmatter-missing-key, frontmatter-mismatch."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Iterator

from transcheck.lazyre import lazy_compile
from transcheck.pair.comparison import Check, Comparison, Side
from transcheck.findings import Example, Rule, Severity
from transcheck.rules.language import FALLBACK_FLAGS, UNTRANSLATED
from transcheck.languages.detect import same_language
from transcheck.languages.tags import LANGUAGE_NAMES
from transcheck.wording import clip, line_range, listed, shorten
from transcheck.document.model import FrontMatterEntry
from transcheck.history.markers import follows_source

# --- the rules of this module: code, name, default severity, summary, documentation ---

FRONTMATTER_MISSING_KEY = Rule("TC301", "frontmatter-missing-key", Severity.WARNING, "A front-matter key of one version is missing in the other.",
         "Keys are compared as Hugo reads them: case-insensitively. Keys that are naturally "
         "per-translation (language fields, ai, slug, url, aliases, lastmod, translationKey, "
         "default_lang_commit, drifted_from_default, l10n and l10n.*, cSpell:ignore, and keys configured "
         "in [front-matter] local) are not compared, nor a key whose value says nothing (\"\", false, "
         "0, [], {}, null). A language or lang key in one version while the other declares no "
         "language at all is reported. A key whose name was translated but holds the same value "
         "(dokumentbild / dokumentbilde) is information, and so is one whose value names the "
         "version's own language (tags: [\"Svenska\"]): the other version needs its own language's "
         "name there, not a copy. A key is reported in the version that lacks it, but one only the "
         "first version has, where that version records the source commit it follows "
         "(default_lang_commit, l10n.sourceCommit) and the other does not, is told there: added in the translation or "
         "since removed from the source; information, or a warning for a key by which Hugo "
         "publishes the page (draft, build, headless, dates, outputs, type, layout, cascade, "
         "toc_hide, sitemap). A key of six letters or more one letter from a field Hugo reads "
         "(descriptions, keyword, aliasses, linkTitles), in a version without that field, is told as "
         "a likely misspelling in that version, not as a key for the other to copy.",
    example=Example(
        "---\ntitle: \"Utvecklare i Umeå\"\ncategory: \"IT\"\n---\nVi söker en utvecklare som vill bygga tjänster för kommuner och regioner.\n",
        "---\ntitle: \"Developer in Umeå\"\n---\nWe are looking for a developer who wants to build services for municipalities and regions.\n",
        "The Swedish front matter has a category key that the English front matter lacks.",
    ),
)

FRONTMATTER_MISMATCH = Rule("TC302", "frontmatter-mismatch", Severity.ERROR, "A front-matter value that must be the same differs.",
         "Booleans such as draft, numbers, URLs, paths and images must be equal across languages "
         "(draft: true on one side and no draft key on the other is a difference: Hugo publishes "
         "a page without one); "
         "translated text is expected to differ and is not compared. Dates and a page's place in "
         "a listing (weight, cardorder …) differing are a warning: a translation is often dated "
         "when it was written; the date of a section's list page (_index.md) is information.",
    example=Example(
        "---\ntitle: \"Utvecklare i Umeå\"\ndraft: false\n---\nVi söker en utvecklare som vill bygga tjänster för kommuner och regioner.\n",
        "---\ntitle: \"Developer in Umeå\"\ndraft: true\n---\nWe are looking for a developer who wants to build services for municipalities and regions.\n",
        "The English page is marked as a draft (draft: true) while the Swedish one is published.",
    ),
)

DUPLICATE_KEY = Rule("TC303", "duplicate-key", Severity.ERROR, "A front-matter key is written twice.",
         "YAML keeps only the last of two equal keys and Hugo reads keys case-insensitively, so "
         "`category` and `Category` in one front matter are one key written twice: only one "
         "value survives. It is reported only when the two values differ; two language fields "
         "that disagree (`language` and `Language`) are language-conflict instead.",
    example=Example(
        "---\ntitle: \"Utvecklare i Umeå\"\ncategory: \"IT\"\ncategory: \"Utveckling\"\n---\nVi söker en utvecklare som vill bygga tjänster för kommuner och regioner.\n",
        "---\ntitle: \"Developer in Umeå\"\ncategory: \"IT\"\n---\nWe are looking for a developer who wants to build services for municipalities and regions.\n",
        "The Swedish front matter writes the key category twice, so only the last value is kept.",
    ),
    compares=False,
)

RULES: tuple[Rule, ...] = (FRONTMATTER_MISSING_KEY, FRONTMATTER_MISMATCH, DUPLICATE_KEY,)


_DATE = lazy_compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_URL = lazy_compile(r"^(?:[a-z][a-z0-9+.-]*://|mailto:|tel:)\S+$", re.I)
_PATH = lazy_compile(r"^(?:/|\./|\.\./)\S*$|^[\w./-]+\.(?:jpe?g|png|gif|svg|webp|avif|pdf|mp4|webm|md|html?|ico)$", re.I)
_NUMBER = lazy_compile(r"^[+-]?\d+(?:\.\d+)?$")


def check_duplicate_keys(c: Comparison) -> None:
    for side in (c.a, c.b):
        seen: dict[str, FrontMatterEntry] = {}
        for entry in side.doc.front_matter.entries:
            folded = entry.key.lower()
            first = seen.get(folded)
            if first is None:
                seen[folded] = entry
                continue
            if comparable_value(first.value) == comparable_value(entry.value):
                continue  # the same value twice loses nothing
            if folded in c.settings.language_keys:
                continue  # two language fields that disagree: language-conflict says it
            if first.key == entry.key:
                message = (
                    f"key '{entry.key}' is written twice (lines {first.line} and {entry.line}); "
                    f"only one value survives: {clip(first.raw, 30)} or {clip(entry.raw, 30)}"
                )
            else:
                message = (
                    f"key '{entry.key}' repeats '{first.key}' (line {first.line}): Hugo reads keys "
                    f"case-insensitively, so only one of {clip(first.raw, 30)} and "
                    f"{clip(entry.raw, 30)} is used"
                )
            c.report(DUPLICATE_KEY, side, entry.line, message, [(side, first.line)], key=f"{first.key}|{entry.key}")


def _effective(side: Side) -> dict[str, FrontMatterEntry]:
    """Key (lower-cased, as Hugo reads it) → the entry Hugo would use (the last one)."""
    result: dict[str, FrontMatterEntry] = {}
    for entry in side.doc.front_matter.entries:
        result[entry.key.lower()] = entry
    return result


# Keys that belong to one language version by design: a translation records which
# source commit it follows (opentelemetry.io's default_lang_commit, drifted_from_default),
# its l10n state, and translationKey only links versions; a spell checker's word list
# (``cSpell:ignore``) is the words of that language. Never "missing", never compared.
PER_LANGUAGE_KEYS = frozenset({"default_lang_commit", "drifted_from_default", "l10n", "translationkey", "spell:ignore"})
PER_LANGUAGE_PREFIXES = ("l10n.", "l10n_", "cspell:", "cspell.")
# The keys that say a page's language: one side with such a key and the other with none is
# a finding (a page that states its language while its version does not).
_LANGUAGE_KEYS_REPORTED = ("language", "lang")


def shown_raw(raw: str) -> str:
    """A value as written, for a message line: a block value (a YAML mapping or list over
    several lines) on one line, its white space collapsed; a one-line value as it is."""
    return shorten(raw) if "\n" in raw else clip(raw)


def per_language(key: str) -> bool:
    """A front-matter key that belongs to one language version by design (a fallback copy's
    flag, ``generated_fallback_page: true``, is on the copy only)."""
    return key in PER_LANGUAGE_KEYS or key in FALLBACK_FLAGS or key.startswith(PER_LANGUAGE_PREFIXES)


def _ignored(c: Comparison, key: str) -> bool:
    settings = c.settings
    return key in settings.local_keys or key in settings.language_keys or per_language(key)


def empty_value(value: Any) -> bool:
    """A value that says nothing: "", false, 0, [], {}, null. A key holding it on one side
    only loses nothing (Hugo reads a missing key as the same)."""
    if value is None or value is False:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value == 0
    if isinstance(value, (list, dict, tuple)):
        return len(value) == 0
    return False


def _hugo_params(keys: dict[str, FrontMatterEntry]) -> dict[str, Any]:
    """The page's own parameters as Hugo's ``.Params`` holds them: the keys of a ``params:``
    map and the other keys at the top, one namespace (lower-cased)."""
    params = keys.get("params")
    inner = params.value if params is not None and isinstance(params.value, dict) else {}
    return {**{str(k).lower(): v for k, v in inner.items()}, **{k: e.value for k, e in keys.items()}}


def _said_as_param(key: str, entry: FrontMatterEntry, theirs: dict[str, Any]) -> bool:
    """Does the other page set the same parameters, at the top or under ``params:``?
    (``params: {show_banner: true}`` here, ``show_banner: true`` there)."""
    if key == "params" and isinstance(entry.value, dict) and entry.value:
        return all(str(k).lower() in theirs and theirs[str(k).lower()] == v for k, v in entry.value.items())
    return key in theirs and theirs[key] == entry.value


def check_missing_keys(c: Comparison) -> None:
    keys_a, keys_b = _effective(c.a), _effective(c.b)
    params_a, params_b = _hugo_params(keys_a), _hugo_params(keys_b)
    for having, lacking, mine, theirs, their_params in ((c.a, c.b, keys_a, keys_b, params_b), (c.b, c.a, keys_b, keys_a, params_a)):
        gone: list[FrontMatterEntry] = []
        for key in sorted(set(mine) - set(theirs), key=lambda k: mine[k].line):
            if _ignored(c, key) or empty_value(mine[key].value) or _said_as_param(key, mine[key], their_params):
                continue
            if key == "draft" and mine[key].value is True:
                continue  # a draft on one side only: check_front_matter_values
            entry = mine[key]
            meant = _misspelt_field(key)
            if meant is not None and meant not in mine:
                # "descriptions:": the other version should not copy it; this one should mend it
                spelt = _GENERATOR_FIELDS[meant]
                there = (f"{lacking.name}:{theirs[meant].line} has '{theirs[meant].key}'" if meant in theirs
                         else f"neither this version nor {lacking.name} has '{spelt}'")
                c.report(
                    FRONTMATTER_MISSING_KEY,
                    having,
                    entry.line,
                    f"'{entry.key}' is likely a misspelling of '{spelt}', a field Hugo reads; {there}",
                    [(lacking, theirs[meant].line if meant in theirs else _anchor(lacking))],
                    key=f"{entry.key}|misspelt",
                    severity=Severity.WARNING,
                )
                continue
            renamed = _same_value_under_other_key(entry, theirs, set(mine))
            if not renamed:
                gone.append(entry)
                continue
            c.report(
                FRONTMATTER_MISSING_KEY,
                lacking,
                renamed.line,
                f"front matter has no '{entry.key}' here; {having.name}:{entry.line} has "
                f"{entry.key}: {shown_raw(entry.raw)}; its value stands under '{renamed.key}' (line {renamed.line}) here",
                [(having, entry.line)],
                key=f"{entry.key}",
                # the key's name was translated ('dokumentbild' / 'dokumentbilde'): the theme reads
                # one of them, so worth knowing, but the value is there
                severity=Severity.INFO,
            )
        if having is c.a and follows_source(c.a.doc.front_matter.entries) \
                and not follows_source(c.b.doc.front_matter.entries):  # two translations: peers
            gone = _report_extra_keys(c, gone)
        _report_missing_keys(c, having, lacking, gone)
    _missing_language_key(c, keys_a, keys_b)


# Front-matter fields Hugo reads by name, as its documentation spells them, that no theme
# field lies one letter from ("weight" does: "height"; "title": "titles"; "tags": "tag")
_GENERATOR_FIELDS = {name.lower(): name for name in (
    "aliases", "categories", "description", "expiryDate", "keywords", "lastmod", "linkTitle", "publishDate",
    "summary", "translationKey",
)}
MISSPELT_MIN_LENGTH = 6  # shorter keys one letter apart are often other words ("titel", "data")


def _misspelt_field(key: str) -> str | None:
    """The lower-cased generator field that ``key`` (not itself one) misses by one letter
    added, dropped or changed ("descriptions"; "weigth", two swapped, is not taken), or None."""
    if key in _GENERATOR_FIELDS or len(key) < MISSPELT_MIN_LENGTH:
        return None
    return next((field for field in sorted(_GENERATOR_FIELDS) if _one_edit_apart(key, field)), None)


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    return short[i:] == long[i + 1:]


# Keys by which Hugo decides whether, where and how a page is published: one only a
# translation has changes that version's page, not just its metadata
_PUBLISHING_KEYS = frozenset({
    "draft", "build", "_build", "headless", "date", "publishdate", "pubdate", "published", "expirydate",
    "unpublishdate", "outputs",
    "type", "layout", "cascade", "toc_hide", "sitemap",
})


def _report_extra_keys(c: Comparison, gone: list[FrontMatterEntry]) -> list[FrontMatterEntry]:
    """Keys only the first version has, where it records the source commit it follows
    (opentelemetry.io's default_lang_commit): the source is written first and the
    translation follows it, so a key the source lacks was added in the translation or has
    since left the source. It is told in the translation, where it stands; information
    unless the key changes how the page is published. Returns the keys left to report
    otherwise (a key naming the page's own language: see :func:`_report_missing_keys`)."""
    extra = [e for e in gone if not _names_its_language(e, c.a)]
    if len(extra) >= 3:  # a sidebar's six fields: one finding, as for missing keys
        c.report(
            FRONTMATTER_MISSING_KEY,
            c.a,
            extra[0].line,
            f"front matter has {listed([repr(e.key) for e in extra], 4)} here "
            f"({line_range(extra[0].line, extra[-1].line)}), which {c.b.name}, the source this version follows, "
            f"does not have: added here, or since removed there",
            [(c.b, _anchor(c.b))],
            key="extra|" + "|".join(sorted(e.key for e in extra)),
            severity=None if any(e.key.lower() in _PUBLISHING_KEYS for e in extra) else Severity.INFO,
        )
        return [e for e in gone if e not in extra]
    for entry in extra:
        c.report(
            FRONTMATTER_MISSING_KEY,
            c.a,
            entry.line,
            f"front matter has {entry.key}: {shown_raw(entry.raw)} here, which {c.b.name}, the source this "
            f"version follows, does not have: added here, or since removed there",
            [(c.b, _anchor(c.b))],
            key=f"extra|{entry.key}",
            severity=None if entry.key.lower() in _PUBLISHING_KEYS else Severity.INFO,
        )
    return [e for e in gone if e not in extra]


def _names_its_language(entry: FrontMatterEntry, side: Side) -> bool:
    """Is the value the name of the page's own language (``tags: ["Svenska"]``, the way some
    sites file each version under its language)? Then the other version needs its own
    language's name there, not this value."""
    values = entry.value if isinstance(entry.value, list) else [entry.value]
    codes = [LANGUAGE_NAMES.get(v.strip().lower()) if isinstance(v, str) else None for v in values]
    return bool(codes) and side.language is not None and all(code is not None and same_language(code, side.language) for code in codes)


def _report_missing_keys(c: Comparison, having: Side, lacking: Side, gone: list[FrontMatterEntry]) -> None:
    """One finding per missing key; three or more (a sidebar's six fields) as one finding."""
    for entry in [e for e in gone if _names_its_language(e, having)]:
        gone.remove(entry)
        c.report(
            FRONTMATTER_MISSING_KEY,
            lacking,
            _anchor(lacking),
            f"front matter has no '{entry.key}' here; {having.name}:{entry.line} has "
            f"{entry.key}: {shown_raw(entry.raw)}, the name of its own language: "
            f"if the site files pages by language, this version needs the name of its own",
            [(having, entry.line)],
            key=f"{entry.key}|language-name",
            severity=Severity.INFO,  # a site convention, not lost content
        )
    if not gone:
        return
    if len(gone) < 3:
        for entry in gone:
            c.report(
                FRONTMATTER_MISSING_KEY,
                lacking,
                _anchor(lacking),
                f"front matter has no '{entry.key}' here; {having.name}:{entry.line} has "
                f"{entry.key}: {shown_raw(entry.raw)}",
                [(having, entry.line)],
                key=f"{entry.key}",
            )
        return
    names = listed([f"'{e.key}'" for e in gone], 4)
    c.report(
        FRONTMATTER_MISSING_KEY,
        lacking,
        _anchor(lacking),
        f"front matter has no {names} here; {having.name} has these {len(gone)} keys "
        f"({line_range(gone[0].line, gone[-1].line)})",
        [(having, gone[0].line)],
        key="keys|" + "|".join(sorted(e.key for e in gone)),
    )


def _same_value_under_other_key(
    entry: FrontMatterEntry, theirs: dict[str, FrontMatterEntry], mine: set[str]
) -> FrontMatterEntry | None:
    """A key of the other version, absent here, holding the same distinctive value."""
    value = entry.value
    if not isinstance(value, str) or len(value.strip()) < 6:
        return None
    return next((e for k, e in theirs.items() if k not in mine and isinstance(e.value, str)
                 and e.value.strip() == value.strip()), None)


def _anchor(side: Side) -> int:
    fm = side.doc.front_matter
    return fm.end_line if fm.end_line else 1


def _missing_language_key(c: Comparison, keys_a: dict[str, FrontMatterEntry], keys_b: dict[str, FrontMatterEntry]) -> None:
    """One version says its language (``language:``/``lang:``), the other says nothing."""
    declared_a = [keys_a[k] for k in _LANGUAGE_KEYS_REPORTED if k in keys_a]
    declared_b = [keys_b[k] for k in _LANGUAGE_KEYS_REPORTED if k in keys_b]
    other_a = any(k in keys_a for k in c.settings.language_keys)
    other_b = any(k in keys_b for k in c.settings.language_keys)
    for declared, lacking, having, lacking_has_any in ((declared_a, c.b, c.a, other_b), (declared_b, c.a, c.b, other_a)):
        if not declared or lacking_has_any or empty_value(declared[0].value):
            continue
        entry = declared[0]
        c.report(
            FRONTMATTER_MISSING_KEY,
            lacking,
            _anchor(lacking),
            f"front matter says no language here; {having.name}:{entry.line} has {entry.key}: {shown_raw(entry.raw)}",
            [(having, entry.line)],
            key=f"language|{entry.key}",
        )


def comparable(value: Any, key: str, c: Comparison) -> bool:
    """Is this a value that translation must not change?"""
    if key in c.settings.text_keys:
        return False
    if key in c.settings.equal_keys:
        return True
    if isinstance(value, bool) or isinstance(value, (int, float)) or isinstance(value, (_dt.date, _dt.time)):
        return True
    if isinstance(value, str):
        text = value.strip()
        return bool(_DATE.match(text) or _NUMBER.match(text))
    return False


def is_link_value(value: Any) -> bool:
    """URL and path values are links: link-mismatch / image-mismatch compare them."""
    return isinstance(value, str) and bool(_URL.match(value.strip()) or _PATH.match(value.strip()))


def comparable_value(value: Any) -> Any:
    """Equal meaning, equal form: dates as ISO text, numbers as numbers, URLs without trailing slash."""
    if isinstance(value, bool):
        return value
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if _NUMBER.match(text):
            return float(text)
        if _DATE.match(text):
            return text.replace(" ", "T")
        if _URL.match(text) or _PATH.match(text):
            return text.rstrip("/") or "/"
        return text
    return value


def _leaves(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Scalar leaves of nested maps (``params.color``); lists are compared whole."""
    if isinstance(value, dict):
        for key in sorted(value, key=str):
            yield from _leaves(value[key], f"{path}.{key}")
    else:
        yield path, value


def _list_comparable(value: list[Any], key: str, c: Comparison) -> bool:
    return bool(value) and all(not isinstance(v, (dict, list)) and comparable(v, key, c) for v in value)


def check_translated_keys(c: Comparison) -> None:
    """Keys the config names as translated (``[front-matter] translated``) with the same
    text in both versions: untranslated, reported as the body text is (rules/language.py
    does the keys it knows, such as title and description, itself)."""
    from transcheck.rules.language import TRANSLATABLE_KEYS, _neighbours, fold_for_comparison, translatable
    from transcheck.languages.detect import same_language

    wanted = [k for k in c.settings.text_keys if k not in TRANSLATABLE_KEYS and not per_language(k)]
    if not wanted or same_language(c.a.language, c.b.language):
        return
    keys_a, keys_b = _effective(c.a), _effective(c.b)
    min_words = 6 if _neighbours(c) else 2  # sv, nb and da share many short phrases
    for key in wanted:
        entry_a, entry_b = keys_a.get(key), keys_b.get(key)
        if entry_a is None or entry_b is None:
            continue
        value_a, value_b = entry_a.value, entry_b.value
        if not (isinstance(value_a, str) and isinstance(value_b, str)):
            continue
        if fold_for_comparison(value_a) != fold_for_comparison(value_b) or not translatable(value_a) or len(value_a.split()) < min_words:
            continue
        c.report(
            UNTRANSLATED,
            c.a,
            entry_a.line,
            f'{entry_a.key}: "{clip(" ".join(value_a.split()))}" is identical in {c.b.name}:{entry_b.line}',
            [(c.b, entry_b.line)],
            key=f"fm|{key}|{fold_for_comparison(value_a)[:60]}",
        )


def check_front_matter_values(c: Comparison) -> None:
    keys_a, keys_b = _effective(c.a), _effective(c.b)
    for having, lacking, mine, theirs in ((c.a, c.b, keys_a, keys_b), (c.b, c.a, keys_b, keys_a)):
        draft = mine.get("draft")
        if draft is not None and draft.value is True and "draft" not in theirs and not _ignored(c, "draft"):
            # no draft key is draft: false: one version is published, the other is not
            c.report(
                FRONTMATTER_MISMATCH,
                lacking,
                _anchor(lacking),
                f"draft is not set here, so this page is published, but {having.name}:{draft.line} has draft: true",
                [(having, draft.line)],
                key="draft|missing",
            )
    for key in sorted(set(keys_a) & set(keys_b), key=lambda k: keys_a[k].line):
        if _ignored(c, key):
            continue
        entry_a, entry_b = keys_a[key], keys_b[key]
        leaves_b = dict(_leaves(entry_b.value, key))
        for path, value_a in _leaves(entry_a.value, key):
            if path not in leaves_b:
                continue
            value_b = leaves_b[path]
            leaf = path.rsplit(".", 1)[-1]
            if isinstance(value_a, list) or isinstance(value_b, list):
                if not (isinstance(value_a, list) and isinstance(value_b, list)):
                    continue
                if not (_list_comparable(value_a, leaf, c) and _list_comparable(value_b, leaf, c)):
                    continue
                if [comparable_value(v) for v in value_a] == [comparable_value(v) for v in value_b]:
                    continue
            else:
                if not (comparable(value_a, leaf, c) and comparable(value_b, leaf, c)):
                    continue
                if comparable_value(value_a) == comparable_value(value_b) or _same_day(value_a, value_b):
                    continue
            shown = path if path != key else entry_a.key
            c.report(
                FRONTMATTER_MISMATCH,
                c.a,
                entry_a.line,
                f"{shown} is {_show(value_a, entry_a, path == key)} here but "
                f"{_show(value_b, entry_b, path == key)} in {c.b.name}:{entry_b.line}",
                [(c.b, entry_b.line)],
                key=f"{path}|{comparable_value(value_a)}|{comparable_value(value_b)}",
                # the date of a section's list page (_index.md): seldom shown, and set when each
                # file was written, not something its readers see as drift
                severity=Severity.INFO if _list_page(c) and _dates(value_a, value_b)
                else Severity.WARNING if _metadata(leaf, value_a, value_b) else None,
            )


def _list_page(c: Comparison) -> bool:
    """Are both files a section's list page (Hugo's ``_index.md``)?"""
    return all(side.path.replace("\\", "/").rsplit("/", 1)[-1].split(".")[0] == "_index" for side in (c.a, c.b))


# keys that order or place a page: a different order in one language is worth a look
_ORDER_KEY = lazy_compile(r"(?:weight|order|position|priority|sort|rank)$", re.I)


def _metadata(leaf: str, value_a: Any, value_b: Any) -> bool:
    """A date (a translation is often written and dated later than its source) or a
    page's place in a listing: real, but not what a reader of the page sees as wrong."""
    if _ORDER_KEY.search(leaf):
        return True
    return _dates(value_a, value_b)


def _dates(value_a: Any, value_b: Any) -> bool:
    return all(isinstance(v, (_dt.date, _dt.datetime)) or (isinstance(v, str) and _DATE.match(v.strip())) for v in (value_a, value_b))


def _show(value: Any, entry: FrontMatterEntry, top: bool) -> str:
    if top and entry.raw:
        return shown_raw(entry.raw)
    if isinstance(value, bool):
        return "true" if value else "false"
    return clip(str(value))


def _same_day(a: Any, b: Any) -> bool:
    """'2026-02-16' and '2026-02-16T00:00:00' name the same day: not a mismatch."""
    texts = [comparable_value(v) for v in (a, b)]
    if not all(isinstance(t, str) and _DATE.match(t) for t in texts):
        return False
    short, long = sorted(texts, key=len)
    return len(short) == 10 and long.startswith(short) and long[10:].lstrip("T").startswith("00:00")


# --- what the engine runs: each check with the rules it reports --------------------------------

CHECKS: tuple[Check, ...] = (
    Check(check_duplicate_keys, (DUPLICATE_KEY,)),
    Check(check_missing_keys, (FRONTMATTER_MISSING_KEY,)),
    Check(check_front_matter_values, (FRONTMATTER_MISMATCH,)),
    Check(check_translated_keys, (UNTRANSLATED,)),
)
