"""Check a file that is not written yet, with every check of the repository, and keep its own problems."""

from __future__ import annotations

from pathlib import Path

from communs.core.controles import verification
from communs.core.modele.diagnostics import Diagnostic
from communs.core.modele.frontmatter import Document, read_document
from communs.core.modele.genres import Genre
from communs.core.modele.projet import Item, Project
from communs.core.modele.validation import validate


def verifier(project: Project, genre: Genre, path: str, text: str) -> tuple[Document, list[Diagnostic]]:
    """The document read from `text` and the diagnostics of `path` once added to `project` (left unchanged)."""
    doc = read_document(text.encode("utf-8"), path)
    item = Item(genre, Path(path).stem, doc)
    if isinstance(doc.data, dict):
        item.model, problems = validate(doc, genre.model)
        doc.diagnostics.extend(problems)
    project.items.append(item)
    project.collector.extend(doc.diagnostics)
    try:
        for run in verification.CHECKS:
            run(project)
    finally:
        project.items.remove(item)
    return doc, [d for d in project.collector.items if d.path == path]
