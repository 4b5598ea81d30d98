"""Bodies the Markdown engine could not lay out in bounded time: refused before any engine sees them.

Python-Markdown's link pattern costs, in one paragraph, the number of « [ » times the paragraph's length,
and its lists and quotes recurse once per level. One linear pass measures both; a body over the budget
is an error and the file is left out of the build.
"""

from __future__ import annotations

from communs.core.modele import codes
from communs.core.modele.diagnostics import Diagnostic
from communs.core.modele.frontmatter import Document

BUDGET_CROCHETS = 2_000_000
"""Sum over the paragraphs of (« [ » count × length): about two seconds of layout; the longest report uses 3 %."""

NIVEAUX_MAX = 16
"""Nested lists (four spaces a level) or quotes (« > »): more is never a real page."""

_RETRAITS = (" ", ">", "\t")


def verifier(doc: Document) -> Diagnostic | None:
    """The first reason why the body of `doc` is too costly to lay out, or None."""
    cost = 0
    worst_line = doc.body_line
    worst = 0
    block_start = 0
    brackets = 0
    length = 0
    for offset, line in enumerate(doc.body.split("\n")):
        stripped = line.lstrip(" >\t") if line[:1] in _RETRAITS else line  # most lines start with a letter
        prefix = line[: len(line) - len(stripped)]
        if prefix and (prefix.count(">") > NIVEAUX_MAX or len(prefix.expandtabs(4)) - prefix.count(">") > 4 * NIVEAUX_MAX):
            return trop(doc, doc.body_line + offset, "imbrique plus de 16 niveaux de listes ou de citations")
        if not stripped:
            cost += brackets * length
            if brackets * length > worst:
                worst, worst_line = brackets * length, doc.body_line + block_start
            brackets, length, block_start = 0, 0, offset + 1
            continue
        brackets += line.count("[")
        length += len(line) + 1
    cost += brackets * length
    if brackets * length > worst:
        worst_line = doc.body_line + block_start
    if cost > BUDGET_CROCHETS:
        return trop(doc, worst_line, "a trop de crochets « [ » dans de longs paragraphes")
    return None


def trop(doc: Document, line: int, why: str) -> Diagnostic:
    return Diagnostic(
        doc.path,
        line,
        codes.CONTENU_TROP_COMPLEXE,
        f"Ce texte {why} : sa mise en page prendrait un temps démesuré, il n'est ni vérifié plus avant ni publié.",
        "Découpez les longs paragraphes, écrivez les crochets seuls entre `accents graves`, et limitez l'imbrication.",
    )
