"""Generated catalogue pages (one per kind), as Markdown: the navigation lists these, never every item."""

from __future__ import annotations

from . import filtres, kinds, pages_lexique, sections
from .arbre import Arbre
from .depot import Depot
from .kinds import Kind
from .project import Item, Project
from .recherche.documents import numeros
from .suggest import fold
from .texte import escape

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
    return f"- [{escape(item.title)}]({item.slug}.md)" + (f" — {escape(extra)}" if extra else "")


def catalogue(kind: Kind, project: Project, directory_urls: bool = True) -> str:
    items = sorted(project.of_kind(kind.name), key=lambda i: fold(i.title))
    here = f"{kind.url_prefix}/index.md"
    lines = [f"# {kind.plural}", "", INTROS.get(kind.name, ""), ""]
    if not items:
        lines.append("Aucun élément pour l'instant.")
        return "\n".join(lines) + "\n"
    if kind in filtres.FILTRABLES:
        # The page's meta asks the template for the script of the facets.
        lines = ["---", "communs_catalogue: true", "---", "", *lines]
        lines += filtres.catalogue_filtrable(kind, items, project, numeros(project, directory_urls), directory_urls)
        return "\n".join(lines).rstrip() + "\n"
    lines += [f"{len(items)} élément{'s' if len(items) > 1 else ''}.", ""]
    valid = [item for item in items if item.model is not None]
    if kind is kinds.TERRITOIRE:
        lines += sections.arbre_markdown(Arbre(project), here)
        lines += [_line(item) for item in items if item.model is None]
    elif kind is kinds.CENTRE:
        lines += sections.carte_des_centres(valid, here, "Carte des centres du réseau", directory_urls)
        lines += sections.annuaire(valid, here)
        lines += ["", *[_line(item) for item in items if item.model is None]]
    else:
        lines.extend(_line(item) for item in items)
    return "\n".join(lines).rstrip() + "\n"


def generated_pages(project: Project, directory_urls: bool = True, depot: Depot | None = None) -> dict[str, str]:
    """Site path -> Markdown of every page the core generates: catalogues, the territories' alias pages and the
    lexicon's pages (its A-Z index replaces the plain catalogue; `depot` gives the links to ask and propose)."""
    pages = {f"{kind.url_prefix}/index.md": catalogue(kind, project, directory_urls) for kind in kinds.KINDS}
    pages.update(sections.pages_alias(Arbre(project), directory_urls))
    pages.update(pages_lexique.pages(project, depot))
    return pages
