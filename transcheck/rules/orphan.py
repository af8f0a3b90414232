"""The orphan rule: a page of the site without a version in one of its languages.

Reported by ``site.scan`` from the site's pairing (one pair's files cannot tell): this module
holds the rule's metadata and documentation."""

from __future__ import annotations

from transcheck.findings import Rule, Severity

# --- the rules of this module: code, name, default severity, summary, documentation ---

ORPHAN = Rule("TC601", "orphan", Severity.WARNING, "A page has no version in one of the site's languages.",
         "Reported by scan for each page whose translation is missing. A language with no page "
         "at all in a top-level section (a blog kept in English) is not missing there; one that "
         "translates under half of the section's pages translates a selection (the site shows "
         "the source language for the rest), so a page missing only in such languages is an "
         "info that says so. Configure [orphans] ignore = [\"blog/**\"] for sections that are "
         "not translated.",
    compares=False,
)

RULES: tuple[Rule, ...] = (ORPHAN,)
