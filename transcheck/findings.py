"""Findings: immutable values, sorted by one key, so output is deterministic."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from enum import IntEnum

from msgspec import Struct



class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use error, warning or info)") from None


class Example(Struct, frozen=True):
    """Two small versions of one page that the rule reports on: ``a`` is Swedish (p.sv.md),
    ``b`` English (p.en.md); ``why`` says in an editor's words what differs. Shown by
    ``transcheck rules NAME``; a test checks the rule really reports on it."""

    a: str
    b: str
    why: str


class Rule(Struct, frozen=True):
    """What a rule is to everyone outside its module: code, name, default severity and its
    documentation. Names and codes are interface (configs, suppressions and baselines name
    them); a renamed rule keeps its old name in ``aliases``. Each rule is defined in its
    module under ``transcheck/rules/``; ``transcheck.rules`` lists them all."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    aliases: tuple[str, ...] = ()
    example: Example | None = None
    can_be_silenced: bool = True  # internal-error cannot: a crash must show
    # Reports a difference between the two versions (not a fault of one file): on a page that
    # declares itself behind its source (drifted_from_default: true) its errors are warnings.
    compares: bool = True


@dataclass(frozen=True, order=True, slots=True)
class Location:
    path: str
    line: int


# a dataclass, unlike the other records (msgspec Structs): ``key`` stays out of equality and hash
@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    rule: str
    code: str
    severity: Severity
    message: str
    related: tuple[Location, ...] = ()
    column: int = 1
    # what identifies the finding apart from line numbers (section path, values):
    # used for baselines, fingerprints and de-duplication
    key: str = field(default="", compare=False)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def with_severity(self, severity: Severity) -> "Finding":
        return replace(self, severity=severity)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Sorted and without exact duplicates (two rules paths can reach the same place)."""
    unique: dict[tuple[object, ...], Finding] = {}
    for finding in findings:
        unique.setdefault(
            (finding.path, finding.line, finding.column, finding.rule, finding.message, finding.related),
            finding,
        )
    return sorted(unique.values(), key=Finding.sort_key)
