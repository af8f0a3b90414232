"""Parts of a page that Markdown does not read as the author meant, said with their line.

The parser keeps going where a page is broken. An HTML comment never closed hides the rest
of the page from readers, and lists nested past what Markdown parsers follow are read as
text: those parts are not compared, and an editor must know it, or silence there would look
like agreement. A code fence glued to the end of a sentence, or one at column 1 under a list
item whose code is indented into the item, renders wrong on the site; transcheck reads it as
the author meant (so the rest is compared) and says where it is.
"""

from __future__ import annotations

from ..compare import Comparison, Side
from ..model import CONTENT_LOSS_KINDS, Problem
from ..wording import plural

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
                    "content-skipped", side, problem.line,
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
        lines = ", ".join(str(p.line) for p in rest[:8]) + (f" and {len(rest) - 8} more" if len(rest) > 8 else "")
        also = f" (the same on {plural(len(rest), 'more line', 'more lines')}: {lines})"
    c.report("content-skipped", side, first.line, f"{first.message}{also}", key=f"{first.kind}|{len(problems)}")
