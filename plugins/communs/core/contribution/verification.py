"""Check a file that is not written yet, with every check of the repository, and keep its own problems."""

from __future__ import annotations

from pathlib import Path

from .. import check
from ..diagnostics import Diagnostic
from ..frontmatter import Document, read_document
from ..kinds import Kind
from ..project import Item, Project
from ..validate import validate


def verifier(project: Project, kind: Kind, path: str, text: str) -> tuple[Document, list[Diagnostic]]:
    """The document read from `text` and the diagnostics of `path` once added to `project` (left unchanged)."""
    doc = read_document(text.encode("utf-8"), path)
    item = Item(kind, Path(path).stem, doc)
    if isinstance(doc.data, dict):
        item.model, problems = validate(doc, kind.model)
        doc.diagnostics.extend(problems)
    project.items.append(item)
    project.collector.extend(doc.diagnostics)
    try:
        for run in check.CHECKS:
            run(project)
    finally:
        project.items.remove(item)
    return doc, [d for d in project.collector.items if d.path == path]
