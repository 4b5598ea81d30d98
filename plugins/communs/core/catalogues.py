"""Generated catalogue pages (one per kind), as Markdown: the navigation lists these, never every item."""

from __future__ import annotations

import html
import re

from . import kinds
from .kinds import Kind
from .project import Item, Project
from .suggest import fold

INTROS: dict[str, str] = {
    "prototype": "Les solutions inventées par les centres du réseau, pour les reprendre chez vous.",
    "fiche": "Des activités prêtes à animer, à imprimer sur une page.",
    "terme": "Les mots du numérique expliqués simplement, « Quand les enfants deviennent profs ».",
    "rapport": "Les rapports de capitalisation du réseau, d'où viennent les informations de ce site.",
    "territoire": "Les territoires du réseau, de la région aux versants.",
    "centre": "L'annuaire des centres et structures du réseau.",
}


def _line(item: Item) -> str:
    model = item.model
    extra = ""
    for name in ("accroche", "resume", "definition"):
        value = getattr(model, name, None)
        if value:
            extra = str(value).replace("\n", " ")
            break
    if item.kind is kinds.CENTRE and model is not None:
        extra = str(getattr(model, "commune", ""))
    return f"- [{_escape(item.title)}]({item.slug}.md)" + (f" — {_escape(extra)}" if extra else "")


def _escape(text: str) -> str:
    """Front-matter text is text, never Markdown or HTML."""
    plain = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]])", r"\\\1", plain)


def catalogue(kind: Kind, project: Project) -> str:
    items = sorted(project.of_kind(kind.name), key=lambda i: fold(i.title))
    lines = [f"# {kind.plural}", "", INTROS.get(kind.name, ""), ""]
    if not items:
        lines.append("Aucun élément pour l'instant.")
    else:
        lines.append(f"{len(items)} élément{'s' if len(items) > 1 else ''}.")
        lines.append("")
        lines.extend(_line(item) for item in items)
    return "\n".join(lines) + "\n"


def generated_pages(project: Project) -> dict[str, str]:
    """Site path -> Markdown of every page the core generates."""
    return {f"{kind.url_prefix}/index.md": catalogue(kind, project) for kind in kinds.KINDS}
