"""The façade of the core: one object, built once per build, that answers everything an engine needs.

An adapter builds a `Site` from the repository, a URL policy and its settings, then only asks: which pages to add,
drop or replace (`plan`), what each item's page is made of (`parties`, `finir`), the generated pages, the navigation
tree, the extra files (search index) and the diagnostics. Every decision about content is taken here or below; an
adapter only maps these answers to its engine's objects.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from communs.core.contribution import decap
from communs.core.contribution.depot import Depot
from communs.core.controles import csp, securite, verification
from communs.core.controles.verification import sans_ramassage as sans_ramassage
from communs.core.domaine.arbre import Arbre
from communs.core.domaine.lexique import Lexique
from communs.core.modele import genres, lecture_sure, vocabulaires
from communs.core.modele.diagnostics import Diagnostic
from communs.core.modele.fourche import Fourche as Fourche
from communs.core.modele.lecture_parallele import deux_processus as deux_processus
from communs.core.modele.projet import Item, Project, empreinte
from communs.core.pages import accueil, catalogues, listes_territoire, memoire, proximite, territoires
from communs.core.pages.avant_fourche import avant_fourche as avant_fourche
from communs.core.pages.avant_fourche import ecrire_fonds_de_carte as ecrire_fonds_de_carte
from communs.core.pages.donnees import PageGeneree
from communs.core.pages.hors_plan import HorsPlan
from communs.core.pages.illustrations import Illustrations
from communs.core.pages.pages_lexique import MOT_CHERCHE, PagesLexique, liens
from communs.core.pages.partage import Partage
from communs.core.pages.parties import Assembleur, Parties
from communs.core.pages.territoires import Navigation
from communs.core.pages.voisins import Voisins
from communs.core.recherche.documents import PageIndexee, entrees, numeros
from communs.core.rendu import carte as cartes
from communs.core.rendu import gabarits
from communs.core.rendu.glossaire import GENRES as GENRES_GLOSSAIRE
from communs.core.rendu.glossaire import Glossaire
from communs.core.rendu.sommaire import Titre, sommaire
from communs.core.urls import Urls

CACHE = ".cache"
"""The processed pictures and the preview cards, by content, at the repository's root (ignored by git)."""
SANS_RETRAIT = gabarits.SansRetrait
"""The Jinja extension an engine adds to its theme's templates: they lose their indentation (rendu/gabarits.py)."""


@dataclass(frozen=True)
class Reglages:
    """What the site's configuration may change (mkdocs.yml, pelicanconf.py…)."""

    vocabulaires: Path | None = None
    """Another vocabulary file than the one shipped with the package (tests)."""
    glossaire: bool = True
    glossaire_exclus: tuple[str, ...] = ()
    site_url: str | None = None
    depot: Depot | None = None
    """The repository, for « Demander un mot » and the editor's links; None when the site names none."""
    gabarits: Path | None = None
    """The theme's folder of templates that override the core's."""
    licence: str | None = None
    """The licence of the site's content, as the footer states it; None while the fédération has not chosen one."""
    editeur: bool = False
    """Publish the web editor (Decap CMS) at admin/, its configuration generated from the models."""
    editeur_auth: str | None = None
    """Address of the sign-in service of the editor's GitHub backend (the fédération's OAuth relay)."""
    memoriser: bool = True
    """Keep what the check read for the next build of this process (`mkdocs serve`); a one-off build need not."""


@dataclass(frozen=True)
class Source:
    """A content file the engine must read although it lies outside its content folder (prototypes/, fiches/)."""

    src_uri: str
    chemin: str
    """Relative to the repository root."""


@dataclass
class Plan:
    ajouts: list[Source] = field(default_factory=list)
    retraits: list[str] = field(default_factory=list)
    """Source pages the engine must not build: their file could not be read (the diagnostics say why)."""
    generees: dict[str, PageGeneree] = field(default_factory=dict)
    """Pages without a source file; one with the name of a source page replaces it."""
    fichiers: dict[str, str] = field(default_factory=dict)
    """Files the generated pages need (the data of the catalogues with facets), by site path."""


@dataclass
class Editeur:
    """The web editor's files: generated texts, files copied from the npm package, and what is missing."""

    textes: dict[str, str]
    copies: dict[str, Path]
    manque: str | None


def politique_de_securite() -> str:
    """The Content-Security-Policy every page carries: only the site's own files run."""
    return csp.politique()


def avant_construction(racine: Path, dossier_contenu: Path) -> list[Diagnostic]:
    """Symbolic links to folders in the content: an engine that lists its pages would walk into them, so the build
    must stop before it starts (the check reports them too)."""
    return lecture_sure.dossiers_lies(racine, dossier_contenu)


class Site:
    def __init__(self, racine: Path, urls: Urls, reglages: Reglages | None = None) -> None:
        self.racine, self.urls = racine, urls
        self.reglages = reglages or Reglages()
        vocab = vocabulaires.load(self.reglages.vocabulaires) if self.reglages.vocabulaires else None
        self.projet: Project = verification.run(racine, vocab, memoriser=self.reglages.memoriser)
        self.gabarits = gabarits.pour(self.reglages.gabarits).nouvelle_construction()
        self.arbre = Arbre(self.projet)
        self.lexique = Lexique(self.projet)
        self.liens = liens(self.projet, self.reglages.depot)
        self.pages_lexique = PagesLexique(self.lexique, self.liens, urls, self.gabarits)
        self.encadrement = securite.Encadrement()
        self.illustrations = Illustrations(self.projet, racine / CACHE / "images")
        self._empreinte = empreinte(self.projet) + self.illustrations.signature
        glossaire = lambda: Glossaire(self.lexique, self.reglages.glossaire_exclus, self.gabarits)  # noqa: E731
        self.glossaire = memoire.garder(self._cle, "glossaire", glossaire) if self.reglages.glossaire else None
        self.assembleur = Assembleur(
            self.projet, self.arbre, self.urls, self.gabarits, self.illustrations, self.pages_lexique, self.reglages.site_url
        )
        self._parties: dict[str, Parties | None] = {}
        cartes.utiliser(memoire.garder(self._cle, "cartes", dict))  # the backgrounds of this content's maps

    def empreinte(self) -> str:
        """What every page may depend on besides its own file (`projet.empreinte`): unchanged, an engine rebuilds
        only the pages of the files that changed, the generated pages and the extra files."""
        return self._empreinte

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.projet.collector.items

    @cached_property
    def pages_indexees(self) -> list[PageIndexee]:
        """What the search knows of each page, computed once: the index and the catalogues' lists share it."""
        return entrees(self.projet, self.urls)

    @cached_property
    def _cle(self) -> str:
        return memoire.cle(self.projet, self._empreinte, self.reglages, self.reglages.gabarits, self.urls)

    @cached_property
    def plan(self) -> Plan:
        return memoire.garder(self._cle, "plan", self._faire_plan)

    def _faire_plan(self) -> Plan:
        self.hors_plan.commencer()
        plan = Plan()
        for item in self.projet.items:
            uri = self.projet.site_uri(item.path)
            if not item.doc.readable:
                plan.retraits.append(uri)
            elif item.genre.folder in genres.EXTERNAL_FOLDERS:
                plan.ajouts.append(Source(uri, item.path))
        numbers = numeros(self.pages_indexees)
        cards = lambda item, here: self.illustrations.donnees(item, here, self.urls, carte=True)  # noqa: E731
        pages: list[PageGeneree] = []
        for genre in (g for g in genres.GENRES if g.catalogue):
            made = catalogues.catalogue(genre, self.projet, self.arbre, numbers, self.urls, self.gabarits, cards)
            pages += made.pages
            plan.fichiers.update(made.fichiers)
        plan.fichiers[proximite.FICHIER] = proximite.fichier(self.arbre)  # the territories « Où elle fonctionne » offers
        pages += territoires.pages_alias(self.arbre, self.urls, self.gabarits)
        pages += listes_territoire.pages_listes(self.arbre, self.urls, self.gabarits)
        pages += self.pages_lexique.pages()
        if (self.racine / genres.CONTENT_DIR / accueil.INDEX).is_file():
            pages.append(accueil.accueil(self.projet, self.urls, self.gabarits))
        plan.generees = {page.src_uri: page for page in pages}
        return plan

    @cached_property
    def _items(self) -> dict[str, Item]:
        """Source page -> its item, for the items whose page is built (not replaced by a generated page)."""
        found = {self.projet.site_uri(item.path): item for item in self.projet.items if item.doc.readable}
        return {uri: item for uri, item in found.items() if uri not in self.plan.generees}

    def item(self, src_uri: str) -> Item | None:
        return self._items.get(src_uri)

    def edition(self, src_uri: str) -> str:
        """The repository file to edit for the page `src_uri` (« Modifier cette page »)."""
        item = self._items.get(src_uri)
        return item.path if item else f"{genres.CONTENT_DIR}/{src_uri}"

    def exclu(self, chemin: Path) -> bool:
        """Whether a file the engine found must stay out of the site: a symbolic link or a file too big (reported), or
        the original of a picture (only its processed copies, without metadata, are published)."""
        return lecture_sure.exclu(self.racine, self.projet.exclus, chemin) or self.illustrations.original(chemin)

    def encadrer(self, markdown: str) -> str:
        """A contributor's Markdown, with an end mark: only what comes before it is cleaned (`nettoyer`)."""
        return self.encadrement.encadrer(markdown)

    def nettoyer(self, src_uri: str, html: str) -> tuple[str, list[Diagnostic]]:
        """The engine's rendering of a contributor's text, cleaned by the allowlist sanitizer; what was removed is
        reported with the file and the line (an error: the strict build fails rather than silently change a page)."""
        return self.encadrement.nettoyer_page(self.projet, self.edition(src_uri), html)

    def parties(self, src_uri: str) -> Parties | None:
        """The parts of an item's page, or None for another page (made once per page and build)."""
        if src_uri not in self._parties:
            self._parties[src_uri] = self._faire_parties(src_uri)
        return self._parties[src_uri]

    def oublier(self, src_uri: str) -> None:
        """The engine has the page of `src_uri` whole: its parts need not stay in memory."""
        self._parties.pop(src_uri, None)

    def _faire_parties(self, src_uri: str) -> Parties | None:
        item = self._items.get(src_uri)
        if item is None or item.model is None:
            return None
        return self.assembleur.parties(item, src_uri)

    def finir(self, src_uri: str, html: str) -> tuple[str, int]:
        """The HTML of an item's page around the engine's rendering of its text, glossary links added; and how many
        glossary links the page holds (the theme adds the glossary's script when there is one)."""
        parts = self.parties(src_uri)
        if parts is None:
            return html, 0
        item = self._items[src_uri]
        whole = (parts.avant + "\n" if parts.avant else "") + html + ("\n" + parts.apres if parts.apres else "")
        if self.glossaire is None or item.genre.name not in GENRES_GLOSSAIRE:
            return whole, 0
        linked = self.glossaire.lier(whole, src_uri, self.urls, sauf=item.slug)
        return linked.html, len(linked.liens)

    @cached_property
    def voisins(self) -> Voisins:
        """The previous and next items of each item's page in its catalogue's order (`voisins.html(src_uri)`)."""
        return Voisins(self._items.values(), self.urls, self.gabarits)

    def sommaire(self, page: PageGeneree) -> list[Titre]:
        return memoire.garder(self._cle, f"sommaire:{page.src_uri}", lambda: sommaire(page.html, page.hors_sommaire))

    def sommaire_source(self, src_uri: str, html: str) -> list[Titre]:
        """The table of contents of a page built from a file: its text's headings, then those the core adds after it."""
        parts = self.parties(src_uri)
        return sommaire(html) + (parts.sommaire_apres if parts else [])

    def navigation(self) -> Navigation:
        """The tree of territories, for the « Territoires » entry of the navigation."""
        return territoires.navigation(self.arbre)

    def fichiers(self) -> dict[str, str]:
        """Extra files of the site (the search index, the open data and the Atom feed), by site path."""
        return self.hors_plan.fichiers(self.plan.fichiers)

    @cached_property
    def hors_plan(self) -> HorsPlan:
        return HorsPlan(self, self._cle, une_fois=not self.reglages.memoriser)  # made while the plan is, when one-off

    def fonds_de_carte(self, deja: Callable[[str], bool] | None = None) -> dict[str, str]:
        """The background of each map drawn so far, by site path, but those `deja` says are written (named by their
        content, a file already there is the same): an engine writes them once its pages are made."""
        fonds = {path: b for path, b in cartes.fonds().items() if deja is None or not deja(path)}
        return {path: self.gabarits.rendre("fond_carte.svg", **cartes.fond_de_carte(b)) for path, b in fonds.items()}

    def medias(self) -> Mapping[str, bytes]:
        """The site's pictures, by site path: the items' processed pictures and every page's preview card."""
        return memoire.garder(self._cle, "medias", lambda: self.partage.fichiers(self.illustrations.fichiers()))

    @cached_property
    def partage(self) -> Partage:
        cache = self.racine / CACHE / "partage"
        partage = Partage(self.projet, lambda: self.plan.generees, self.urls, self.reglages.site_url, self.gabarits, cache)
        partage.commencer()  # the items' cards missing from the cache are drawn while the engine makes the pages
        return partage

    def og(self, src_uri: str, titre: str) -> str:
        """The Open Graph tags of a page's head (the title the engine gives is used for a page of no item)."""
        parts = self.parties(src_uri)
        return self.partage.balises(src_uri, titre, parts.description if parts else None)

    def extras(self) -> dict[str, Any]:
        """What every page's theme may show: the links of a search with no result, the footer."""
        return {
            "communs_mot_absent": self.mot_absent(),
            "communs_pied": self.pied(),
            "communs_resultats": self.gabarits.rendre("recherche.html"),
        }

    def pied(self) -> str:
        return accueil.pied(self.projet, self.reglages.licence, self.gabarits)

    def editeur(self) -> Editeur | None:
        """The web editor at admin/, when the site publishes it."""
        if not self.reglages.editeur:
            return None
        bundle = decap.paquet(self.racine)
        depot = self.reglages.depot.url if self.reglages.depot else None
        settings = decap.configuration(
            self.projet, depot, site_url=self.reglages.site_url, authentification=self.reglages.editeur_auth
        )
        missing = None if bundle else f"L'éditeur web (decap-cms) n'est pas installé dans {decap.PAQUET} : lancez « npm ci »."
        return Editeur(decap.fichiers(settings), bundle, missing)

    def mot_absent(self) -> dict[str, str]:
        """The links a search with no result offers: ask for the word, propose its definition."""
        return {
            "demander": self.liens.demander(MOT_CHERCHE) or "",
            "proposer": self.liens.proposer(MOT_CHERCHE) or "",
            "jeton": MOT_CHERCHE,
        }
