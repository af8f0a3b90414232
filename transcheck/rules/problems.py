"""Parts of a page that Markdown does not read as the author meant, said with their line.

The parser keeps going where a page is broken. An HTML comment never closed hides the rest
of the page from readers, and lists nested past what Markdown parsers follow are read as
text: those parts are not compared, and an editor must know it, or silence there would look
like agreement. A code fence glued to the end of a sentence, or one at column 1 under a list
item whose code is indented into the item, renders wrong on the site; transcheck reads it as
the author meant (so the rest is compared) and says where it is.
"""

from __future__ import annotations

from transcheck.findings import Example, Rule, Severity

from transcheck.pair.comparison import Check, Comparison, Side
from transcheck.document.model import CONTENT_LOSS_KINDS, Problem
from transcheck.wording import listed, plural

# --- the rules of this module: code, name, default severity, summary, documentation ---

PARSE_ERROR = Rule("TC001", "parse-error", Severity.ERROR, "A file cannot be read or parsed.",
         "The file is missing, unreadable, not UTF-8/UTF-16 text, or its front matter is "
         "malformed. The message names the line where known. Checks that need the file are "
         "skipped; the other file is still checked on its own.",
    compares=False,
)

INTERNAL_ERROR = Rule("TC002", "internal-error", Severity.ERROR, "transcheck failed on this pair (a bug): the other checks still ran.",
         "A check or the parser raised an exception on this page. The message names the check, "
         "the rules it reports and the exception; every other check of the pair and every other "
         "pair are still checked, and the exit status is 2 (not 1, which means drift). It cannot "
         "be selected away or suppressed. Please report it with the two files.",
    can_be_silenced=False,
    compares=False,
)

CONTENT_SKIPPED = Rule("TC003", "content-skipped", Severity.WARNING, "Part of a page could not be read as Markdown and was not compared.",
         "An HTML comment that is never closed (`<!--` without `-->`) hides the rest of the page from "
         "readers and from transcheck; lists or quotes nested deeper than Markdown parsers follow are "
         "read as plain text; a code fence glued to the end of a sentence (`Run:```bash`) opens no "
         "code block, so the page shows the code as text and the rest inside out (transcheck reads "
         "it as meant, so the rest of the page is still compared). The message names the line; "
         "close the comment, flatten the nesting, or put the fence on a line of its own.",
    example=Example(
        "## Om tjänsten\n\nVi söker en utvecklare som vill bygga tjänster för kommuner och regioner.\n",
        "## About the job\n\nWe are looking for a developer who wants to build services for municipalities and regions.\n<!-- TODO: translate the rest\n",
        "The English page has an HTML comment that is never closed, so everything after it is hidden.",
    ),
    compares=False,
)

RULES: tuple[Rule, ...] = (PARSE_ERROR, INTERNAL_ERROR, CONTENT_SKIPPED,)


# Repaired for reading: the page is still compared, but renders wrong on the site.
_REPAIRED = ("glued-fence", "outdented-fence")


def check_content_skipped(c: Comparison) -> None:
    # the messages name no other file, so a source checked against several translations
    # gives the same findings for every pair (and they are reported once)
    for side in (c.a, c.b):
        problems = [p for p in side.doc.problems if p.kind in CONTENT_LOSS_KINDS]
        for problem in problems:
            if problem.kind not in _REPAIRED:
                c.report(
                    CONTENT_SKIPPED, side, problem.line,
                    f"{problem.message}; this part is not compared with the other version",
                    key=f"{problem.kind}|{problem.message}",
                )
        for kind in _REPAIRED:
            _report_repeated(c, side, [p for p in problems if p.kind == kind])


def _report_repeated(c: Comparison, side: Side, problems: list[Problem]) -> None:
    """One finding per kind and file: the first place, and the lines of the others."""
    if not problems:
        return
    first, rest = problems[0], problems[1:]
    also = ""
    if rest:
        lines = listed([str(p.line) for p in rest], 8)
        also = f" (the same on {plural(len(rest), 'more line', 'more lines')}: {lines})"
    c.report(CONTENT_SKIPPED, side, first.line, f"{first.message}{also}", key=f"{first.kind}|{len(problems)}")


# --- what the engine runs: each check with the rules it reports --------------------------------

CHECKS: tuple[Check, ...] = (
    Check(check_content_skipped, (CONTENT_SKIPPED,)),
)
