"""The stale-translation rule: the source changed in git since the translation was brought up
to date; reported per changed source section, at its counterpart in the translation.

Silent outside a git repository or without git: history is extra knowledge, never a failure.
The history is read once per repository and HEAD (see :mod:`transcheck.status`)."""

from __future__ import annotations

from pathlib import Path

from .. import status as st
from ..compare import Comparison


def check_stale(c: Comparison) -> None:
    if not (Path(c.a.path).is_file() and Path(c.b.path).is_file()):
        return  # texts checked in memory (the Python API) have no history
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
        c.report("stale-translation", c.a, line, message, [(c.b, source_line)], key=key)
