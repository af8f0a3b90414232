"""The rules about transcheck's own inline directives (``<!-- transcheck-disable … -->``).

The directives are read and applied by ``checking.suppress``, after every check, because a
directive can only be judged against all findings: this module holds the rules' metadata and
documentation."""

from __future__ import annotations

from transcheck.findings import Rule, Severity

# --- the rules of this module: code, name, default severity, summary, documentation ---

SUPPRESSION_INVALID = Rule("TC602", "suppression-invalid", Severity.WARNING, "A transcheck directive is malformed.",
         "A directive must name the rules it silences: <!-- transcheck-disable-next-line "
         "bullet-count -->. A bare directive or one naming an unknown rule silences nothing.",
    compares=False,
)

SUPPRESSION_UNUSED = Rule("TC603", "suppression-unused", Severity.INFO, "A transcheck directive silences nothing.",
         "The finding it was written for is gone: remove the directive.",
    compares=False,
)

RULES: tuple[Rule, ...] = (SUPPRESSION_INVALID, SUPPRESSION_UNUSED,)
