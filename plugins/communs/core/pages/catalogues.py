"""Generated catalogue pages (one per genre), as Markdown: the navigation lists these, never every item."""

from __future__ import annotations

from communs.core.contribution.depot import Depot
from communs.core.domaine.arbre import Arbre
from communs.core.modele import genres
from communs.core.modele.genres import Genre
from communs.core.modele.projet import Item, Project
from communs.core.modele.suggestions import fold
from communs.core.pages import filtres, pages_lexique, sections
from communs.core.recherche.documents import numeros
from communs.core.urls import escape

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
    if item.genre is genres.CENTRE and model is not None:
        extra = str(getattr(model, "commune", ""))
    return f"- [{escape(item.title)}]({item.slug}.md)" + (f" — {escape(extra)}" if extra else "")


def catalogue(genre: Genre, project: Project, directory_urls: bool = True) -> str:
    items = sorted(project.of_kind(genre.name), key=lambda i: fold(i.title))
    here = f"{genre.url_prefix}/index.md"
    lines = [f"# {genre.plural}", "", INTROS.get(genre.name, ""), ""]
    if not items:
        lines.append("Aucun élément pour l'instant.")
        return "\n".join(lines) + "\n"
    if genre in filtres.FILTRABLES:
        # The page's meta asks the template for the script of the facets.
        lines = ["---", "communs_catalogue: true", "---", "", *lines]
        lines += filtres.catalogue_filtrable(genre, items, project, numeros(project, directory_urls), directory_urls)
        return "\n".join(lines).rstrip() + "\n"
    lines += [f"{len(items)} élément{'s' if len(items) > 1 else ''}.", ""]
    valid = [item for item in items if item.model is not None]
    if genre is genres.TERRITOIRE:
        lines += sections.arbre_markdown(Arbre(project), here)
        lines += [_line(item) for item in items if item.model is None]
    elif genre is genres.CENTRE:
        lines += sections.carte_des_centres(valid, here, "Carte des centres du réseau", directory_urls)
        lines += sections.annuaire(valid, here)
        lines += ["", *[_line(item) for item in items if item.model is None]]
    else:
        lines.extend(_line(item) for item in items)
    return "\n".join(lines).rstrip() + "\n"


def generated_pages(project: Project, directory_urls: bool = True, depot: Depot | None = None) -> dict[str, str]:
    """Site path -> Markdown of every page the core generates: catalogues, the territories' alias pages and the
    lexicon's pages (its A-Z index replaces the plain catalogue; `depot` gives the links to ask and propose)."""
    pages = {f"{genre.url_prefix}/index.md": catalogue(genre, project, directory_urls) for genre in genres.GENRES}
    pages.update(sections.pages_alias(Arbre(project), directory_urls))
    pages.update(pages_lexique.pages(project, depot))
    return pages
