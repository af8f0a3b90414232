"""Parts of a page that Markdown does not read as the author meant, said with their line.

The parser keeps going where a page is broken (an HTML comment never closed hides the rest
of the page from readers; lists nested past what Markdown parsers follow are read as text),
but an editor must know that those lines were not checked, or silence there would look like
agreement.
"""

from __future__ import annotations

from ..compare import Comparison
from ..model import CONTENT_LOSS_KINDS


def check_content_skipped(c: Comparison) -> None:
    # the message names no other file, so a source checked against several translations
    # gives one finding, not one per pair
    for side in (c.a, c.b):
        for problem in side.doc.problems:
            if problem.kind in CONTENT_LOSS_KINDS:
                # a glued fence is read as the author meant it (and compared); the others are not
                tail = "" if problem.kind == "glued-fence" else "; this part is not compared with the other version"
                c.report(
                    "content-skipped",
                    side,
                    problem.line,
                    f"{problem.message}{tail}",
                    key=f"{problem.kind}|{problem.message}",
                )
