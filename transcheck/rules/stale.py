"""The stale-translation rule: the source changed in git since the translation was brought up
to date; reported per changed source section, at its counterpart in the translation. A page
whose front matter says it drifted from its source is reported once, and its differences are
warnings (checking.decide): the site already knows them.

Silent outside a git repository or without git: history is extra knowledge, never a failure.
The history is read once per repository and HEAD (see :mod:`transcheck.history.status`)."""

from __future__ import annotations

from pathlib import Path

from transcheck.findings import Example, Rule, Severity
from transcheck.history.markers import declared_drift, may_be_in_repository
from transcheck.pair.comparison import Check, Comparison

# --- the rules of this module: code, name, default severity, summary, documentation ---

STALE_TRANSLATION = Rule("TC701", "stale-translation", Severity.WARNING, "The source changed in git since the translation was brought up to date.",
         "Inside a git repository: the source commits since the translation's marker "
         "(default_lang_commit, l10n.sourceCommit) or, without one, since the last commit that "
         "touched the translation, and the source's uncommitted changes. Reported per changed "
         "source section at its counterpart in the translation, with the lines added and removed, "
         "the number of commits and the date of the oldest. A source changed and changed back is "
         "up to date. Silent outside a git repository or without git; `transcheck status` lists "
         "every page. A page whose front matter says it drifted from its source "
         "(`drifted_from_default: true`, as opentelemetry.io's tooling writes) is reported once, "
         "and its differences from the source are warnings instead of errors: the site knows them "
         "already, and they should not fail a build again (a `[severity]` setting still wins); what "
         "only that page has is information in the source (likely left over in the page). When "
         "every rule runs and finds nothing worth a warning, the mark is told as information: it "
         "is likely out of date.",
    example=Example(
        "---\ntitle: \"Om oss\"\ndrifted_from_default: true\n---\n## Om oss\n\nVi bygger öppna tjänster för kommuner.\n",
        "---\ntitle: \"About us\"\n---\n## About us\n\nWe build open services for municipalities.\n",
        "The Swedish page says it is behind the English one; its differences are shown as warnings.",
    ),
    compares=False,
)

RULES: tuple[Rule, ...] = (STALE_TRANSLATION,)



def check_stale(c: Comparison) -> None:
    if not (Path(c.a.path).is_file() and Path(c.b.path).is_file()):
        return  # texts checked in memory (the Python API) have no history
    if not may_be_in_repository(Path(c.b.path)):
        return  # as git would say: no repository (and no git started, no history layer loaded)
    from transcheck.history import status as st

    try:
        located = st.locate_pair(Path(c.a.path), Path(c.b.path))
    except st.GitError:
        return  # no repository, no git: nothing to say
    if located is None:
        return
    front = st.front_matter_dict(c.a.doc.front_matter.entries)
    found = st.pair_status(located, Path(c.a.path), Path(c.b.path), front, c.a.language or "", c.b.language or "")
    if found.state != st.BEHIND:
        return
    try:
        hunks = st.source_hunks(located.history, found.synced_at or located.history.head, located.source)
    except st.GitError:
        return
    found = st.with_changes(found, hunks, c.sections,
                            c.b.doc.front_matter.end_line, c.a.doc.front_matter.end_line)
    for line, source_line, message, key in st.stale_messages(found, c.b.name):
        c.report(STALE_TRANSLATION, c.a, line, message, [(c.b, source_line)], key=key)


def check_declared_drift(c: Comparison) -> None:
    """A page that says it is behind its source (``drifted_from_default: true``): once."""
    for side in (c.a, c.b):
        entry = declared_drift(side.doc.front_matter.entries)
        if entry is None:
            continue
        other = c.other(side)
        c.report(
            STALE_TRANSLATION,
            side,
            entry.line,
            f"the page says it is behind its source ({entry.key}: true): its differences from "
            f"{other.name} are reported as warnings, not errors, until it is brought up to date",
            [(other, 1)],
            key=f"declared|{entry.key}",
        )


# --- what the engine runs: each check with the rules it reports --------------------------------

CHECKS: tuple[Check, ...] = (
    Check(check_stale, (STALE_TRANSLATION,)),
    Check(check_declared_drift, (STALE_TRANSLATION,)),
)
