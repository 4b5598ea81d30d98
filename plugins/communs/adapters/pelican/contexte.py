"""What the Pelican theme receives for one page: the core's answers (title, summary, HTML, needs of the page) and the
relative addresses of the site's root and of the navigation, as plain data. No decision about content here."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any

from communs.core.pages.donnees import PageGeneree
from communs.core.site import Site


@dataclass
class PageTheme:
    src_uri: str
    titre: str
    html: str
    racine: str
    """The site's root relative to this page (« ../../ », « ./ »)."""
    navigation: list[dict[str, Any]]
    genre: str | None = None
    type: str | None = None
    resume: dict[str, Any] = field(default_factory=dict)
    resume_html: str = ""
    description: str | None = None
    jsonld: str | None = None
    glossaire: bool = False
    catalogue: bool = False
    imprimable: bool = False
    redirection: str | None = None
    edition: str | None = None
    sommaire: list[Any] = field(default_factory=list)
    """The page's table of contents from the core (its `Titre`s), its first heading's entry aside as in Material."""
    voisins: str = ""
    """The previous and next items in the catalogue's order (HTML of the core)."""
    og: str = ""
    """The Open Graph tags of the page's head, from the core."""
    canonique: str | None = None
    """The page's address on the published site, when its address is set (`<link rel="canonical">`, sitemap.xml)."""


def racine(site: Site, src_uri: str) -> str:
    folder = posixpath.dirname(site.urls.fichier(src_uri))
    return posixpath.relpath(".", folder) + "/" if folder else "./"


def navigation(site: Site, src_uri: str, entrees: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """The top entries of the site (settings), the current one marked: a short menu, whatever the number of items."""
    here = site.urls.page(src_uri)
    out = []
    for titre, cible in entrees:
        target = site.urls.page(cible)
        courant = here == target or (bool(target) and here.startswith(posixpath.dirname(target.rstrip("/")) + "/"))
        out.append({"titre": titre, "href": site.urls.lien(src_uri, cible), "courant": courant})
    return out


def adresse(site: Site, src_uri: str) -> str | None:
    """The page's address on the published site (as MkDocs' `canonical_url`), or None without the site's address."""
    base = site.reglages.site_url
    return base.rstrip("/") + "/" + site.urls.page(src_uri) if base else None


def _edition(site: Site, src_uri: str, edit_url: str | None) -> str | None:
    return edit_url.rstrip("/") + "/" + site.edition(src_uri) if edit_url else None


def page_source(site: Site, src_uri: str, titre: str, html: str, nav: list[tuple[str, str]], edit: str | None) -> PageTheme:
    """A page built from a file: an item's parts around its text, or a plain page (home, how to contribute)."""
    parts = site.parties(src_uri)
    page = PageTheme(src_uri, titre, html, racine(site, src_uri), navigation(site, src_uri, nav))
    page.edition, page.og = _edition(site, src_uri, edit), site.og(src_uri, titre)
    page.canonique = adresse(site, src_uri)
    page.sommaire = _sans_titre(site.sommaire_source(src_uri, html))
    if parts is None:
        return page
    page.voisins = site.voisins.html(src_uri)
    page.html, liens = site.finir(src_uri, html)
    page.titre, page.genre, page.resume, page.resume_html = parts.titre, parts.genre, parts.resume, parts.resume_html
    page.type = str(parts.resume.get("type", "")) or None
    page.description, page.jsonld, page.glossaire = parts.description, parts.jsonld, liens > 0
    return page


def page_generee(site: Site, generee: PageGeneree, nav: list[tuple[str, str]]) -> PageTheme:
    """A page of the core without a source file (its HTML holds its title as first heading)."""
    page = PageTheme(
        generee.src_uri,
        generee.titre,
        generee.html,
        racine(site, generee.src_uri),
        navigation(site, generee.src_uri, nav),
    )
    page.catalogue, page.imprimable = generee.meta.catalogue, generee.meta.imprimable
    page.sommaire = [] if generee.meta.imprimable else _sans_titre(site.sommaire(generee))
    page.redirection, page.og = generee.meta.redirection, site.og(generee.src_uri, generee.titre)
    page.canonique = None if generee.meta.redirection else adresse(site, generee.src_uri)
    return page


def _sans_titre(titres: list[Any]) -> list[Any]:
    """The table of contents without the page's title: a lone first-level heading gives way to its sections."""
    return titres[0].enfants if len(titres) == 1 and titres[0].niveau == 1 else titres


def page_absente(site: Site, nav: list[tuple[str, str]]) -> PageTheme:
    """The page a static host shows for an unknown address (404.html at the root, as in the MkDocs build)."""
    html = '<h1 id="page-introuvable">Page introuvable</h1>\n<p>Cette adresse ne mène à aucune page du site.</p>'
    return PageTheme("404.md", "Page introuvable", html, "./", navigation(site, "index.md", nav))
