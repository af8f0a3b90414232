"""The settings of a run: one object, built once from transcheck's config file and the command
line (``site.config.settings_from``: defaults < file < command line), handed to every layer.

Rules read what they are told from it (``Comparison.settings``); which findings are kept and
at which severity is decided from it in one place, ``checking.decide``.
"""

from __future__ import annotations

from msgspec import Struct

from transcheck.document.source import DEFAULT_MAX_BYTES
from transcheck.values.pagemap import PageMap

# Front-matter keys that are by nature per language (never reported missing or different).
DEFAULT_LOCAL_KEYS: tuple[str, ...] = (
    "ai", "slug", "url", "aliases", "lastmod", "translator", "translated", "machine_translated",
    "transcheck-disable", "transcheck_disable",
)


class Settings(Struct, frozen=True):
    # --- which findings: rule selectors (codes, names, prefixes), as in the config file --------
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (rule selector, severity), later ones win
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, rule selectors)
    # --- what the rules are told ---------------------------------------------------------------
    local_keys: tuple[str, ...] = DEFAULT_LOCAL_KEYS
    language_keys: tuple[str, ...] = (
        "language", "lang", "languagecode", "languagename", "locale", "hreflang", "inlanguage",
    )
    text_keys: tuple[str, ...] = ()  # front-matter keys always treated as translated text
    equal_keys: tuple[str, ...] = ()  # front-matter keys that must always be equal
    language_aliases: tuple[tuple[str, str], ...] = ()  # house spellings: ("Se", "sv")
    link_rewrites: tuple[tuple[str, str], ...] = ()  # (in A's links, in B's links) that mean the same
    compare_fragments: bool = False  # by default "#ansok" vs "#apply" on one page is no mismatch
    # the site's pages by address: links leading to two versions of one page are equal
    page_map: PageMap | None = None
    # --- reading ---------------------------------------------------------------------------------
    max_bytes: int = DEFAULT_MAX_BYTES
