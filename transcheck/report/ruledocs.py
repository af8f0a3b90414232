"""The rules' documentation as people read it: `transcheck rules`, `transcheck rules NAME`, and
the README's rule table (`transcheck rules --markdown`; a test keeps the README equal to it)."""

from __future__ import annotations

import textwrap

from transcheck.findings import Rule

WIDTH = 76


def rules_list(rules: tuple[Rule, ...]) -> str:
    """One line a rule: code, name, default severity, summary."""
    width = max(len(r.name) for r in rules)
    return "\n".join(f"{r.code}  {r.name:<{width}}  {r.severity.label:<7}  {r.summary}" for r in rules)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def rules_markdown(rules: tuple[Rule, ...]) -> str:
    """The README's rule table."""
    rows = ["| code | name | severity | what it reports |", "|---|---|---|---|"]
    rows += [f"| {r.code} | {r.name} | {r.severity.label} | {_cell(r.summary)} |" for r in rules]
    return "\n".join(rows)


def _indented(text: str, prefix: str) -> list[str]:
    return [f"{prefix}{line}".rstrip() for line in text.rstrip("\n").split("\n")]


def silencing(rule: Rule) -> str:
    """How to silence the rule, everywhere transcheck offers it."""
    if not rule.can_be_silenced:
        return "It cannot be silenced: a failure of transcheck itself must always show."
    return (
        f"Silence one place with <!-- transcheck-disable-next-line {rule.name} --> above it (or "
        f"<!-- transcheck-disable {rule.name} --> … <!-- transcheck-enable --> around a passage), "
        f"a whole page with `transcheck-disable: [{rule.name}]` in its front matter, a site with "
        f"ignore = [\"{rule.name}\"] or [per-path-ignores] in transcheck.toml, one run with "
        f"--ignore {rule.name}; change its severity with [severity] {rule.name} = \"warning\"."
    )


def rule_text(rule: Rule) -> str:
    """`transcheck rules NAME`: what it reports and why, an example of each side, how to silence it."""
    lines = [f"{rule.code} {rule.name} ({rule.severity.label})", f"  {rule.summary}"]
    if rule.doc:
        lines += [""] + [f"  {line}" for line in textwrap.wrap(rule.doc, WIDTH, break_on_hyphens=False)]
    if rule.example is not None:
        lines += ["", "  Example: p.sv.md", *_indented(rule.example.a, "    | "), "", "  against p.en.md",
                  *_indented(rule.example.b, "    | "), ""]
        lines += [f"  {line}" for line in textwrap.wrap(rule.example.why, WIDTH, break_on_hyphens=False)]
    lines += [""] + [f"  {line}" for line in textwrap.wrap(silencing(rule), WIDTH, break_on_hyphens=False)]
    return "\n".join(lines)
