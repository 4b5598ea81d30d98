"""The generated part of a territory's page, the alias pages and the tree of territories, as plain data.

A territory's page is its file's description followed by its section (`territoire.html`): sub-territories, map,
directory of centres, solutions born or spread there, activity sheets, lexicon contributions, reports and figures.
Past a limit, a long list names what is attached to the territory itself and counts the rest by sub-territory, so a
page stays light whatever the size of the network.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from communs.core.domaine.arbre import Arbre, Contenu
from communs.core.modele import genres, modeles
from communs.core.modele.projet import Item
from communs.core.modele.suggestions import slugify
from communs.core.modele.vocabulaires import label
from communs.core.pages.centres import annuaire, carte_des_centres, contributions, fil_d_ariane, reprises
from communs.core.pages.donnees import Lien, Ligne, Meta, PageGeneree
from communs.core.rendu.gabarits import Gabarits
from communs.core.urls import Urls, ancre

LIMITE_LISTE = 5
"""Lines a list of a territory's page shows; past it, the page gives the count by sub-territory and a link to the whole
list, in pages of results (`listes_territoire.py`), so that the page stays an overview under 30 KB."""
LIMITE_ANNUAIRE = 8
"""Centres a territory's page lists and maps one by one; past it, by sub-territory (each with its own page)."""
TITRE_CATALOGUE = "Tous les territoires"
"""The catalogue of territories heads the tree of territories in the navigation."""


@dataclass
class Noeud:
    """A territory in the tree (navigation, catalogue)."""

    titre: str
    src_uri: str
    enfants: list[Noeud] = field(default_factory=list)
    alias: list[str] = field(default_factory=list)
    centres: int = 0


@dataclass
class Navigation:
    """The « Territoires » entry of the navigation: its catalogue first, then the tree."""

    catalogue: str
    titre: str
    titre_catalogue: str
    noeuds: list[Noeud]


NAVIGATION_MAX = 20
"""Territories the navigation names at most: past that, it names the first two levels (the region and its
départements) and each deeper territory is reached from its parent's « Sous-territoires » and from the catalogue's
tree, as items are (the navigation lists catalogues, never every item): a page does not carry a tree of hundreds."""


def navigation(arbre: Arbre) -> Navigation:
    genre = genres.TERRITOIRE
    tree = arbre_des_territoires(arbre)
    if _compte(tree) > NAVIGATION_MAX:
        tree = [
            Noeud(n.titre, n.src_uri, [Noeud(c.titre, c.src_uri, [], c.alias, c.centres) for c in n.enfants], n.alias, n.centres)
            for n in tree
        ]
    return Navigation(genre.src_uri("index"), genre.plural, TITRE_CATALOGUE, tree)


def _compte(noeuds: list[Noeud]) -> int:
    return sum(1 + _compte(n.enfants) for n in noeuds)


def arbre_des_territoires(arbre: Arbre) -> list[Noeud]:
    def node(slug: str) -> Noeud:
        item = arbre.territoires[slug]
        count = sum(len(arbre.centres_de(s)) for s in arbre.descendants(slug))
        return Noeud(item.title, item.src_uri, [node(child) for child in arbre.enfants[slug]], item.aliases, count)

    return [node(root) for root in arbre.racines()]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _porteur(item: Item, arbre: Arbre, here: str, urls: Urls) -> Ligne:
    porteur = getattr(item.model, "porteur", None)
    for index in (arbre.centres, arbre.territoires):
        if porteur in index:
            return [" — ", Lien(index[porteur].title, urls.lien(here, index[porteur].src_uri))]
    return []


COLONNES: tuple[tuple[str, Callable[[Contenu], int]], ...] = (
    ("Centres", lambda c: len(c.centres)),
    ("Solutions nées ici", lambda c: len(c.nees)),
    ("Reprises", lambda c: len(c.reprises)),
    ("Fiches d'activité", lambda c: len(c.fiches)),
    ("Mots du lexique", lambda c: len(c.contributions)),
    ("Rapports", lambda c: len(c.rapports)),
)
"""The counts of the table of sub-territories: one row per sub-territory instead of one list per section (the
counts of a long list used to be repeated under each section, a line per sub-territory: 60 links on a département).
communs.css names them in this order on a phone."""


def tableau_sous_territoires(arbre: Arbre, slug: str, here: str, urls: Urls) -> dict[str, Any] | None:
    """The sub-territories of `slug`, each with its type and its counts (every column, zeros included: on a phone
    the stylesheet names each count by its column)."""
    children = arbre.enfants[slug]
    if not children:
        return None
    project = arbre.project
    rows = []
    for child in children:
        child_item = arbre.territoires[child]
        model = child_item.model
        genre = label(project.vocabularies, "types_territoires", model.type) if isinstance(model, modeles.Territoire) else ""
        contenu = arbre.contenu_territoire(child)
        link = Lien(child_item.title, urls.lien(here, child_item.src_uri))
        rows.append({"lien": link, "type": genre, "nombres": [count(contenu) for _, count in COLONNES]})
    return {"colonnes": [name for name, _ in COLONNES], "lignes": rows}


def section_territoire(arbre: Arbre, item: Item, urls: Urls) -> dict[str, Any]:
    """The data of `territoire.html`."""
    here, slug = item.src_uri, item.slug
    contenu = arbre.contenu_territoire(slug)
    ancestors = arbre.ancetres(slug)[:-1]
    chiffres = [
        _plural(n, one, many)
        for n, one, many in (
            (len(arbre.descendants(slug)) - 1, "sous-territoire", "sous-territoires"),
            (len(contenu.centres), "centre", "centres"),
            (len(contenu.nees), "solution née ici", "solutions nées ici"),
            (len({r.prototype.slug for r in contenu.reprises}), "solution reprise ici", "solutions reprises ici"),
            (len(contenu.fiches), "fiche d'activité", "fiches d'activité"),
            (len({c.terme.slug for c in contenu.contributions}), "mot du lexique écrit ici", "mots du lexique écrits ici"),
            (len(contenu.rapports), "rapport", "rapports"),
        )
        if n
    ]
    centres: dict[str, Any] | None = None
    if contenu.centres:
        groupes: list[tuple[str | None, Any]] = []
        repartition = False
        if len(contenu.centres) <= LIMITE_ANNUAIRE:
            for territory in arbre.descendants(slug):
                found = arbre.centres_de(territory)
                if found:
                    title = arbre.territoires[territory].title if territory != slug else None
                    groupes.append((title, annuaire(found, here, urls)))
        else:
            own = arbre.centres_de(slug)
            if own:
                groupes.append((None, annuaire(own, here, urls)))
            repartition = bool(arbre.enfants[slug])
        carte = carte_des_centres(contenu.centres, here, f"Carte des centres : {item.title}", urls)
        centres = {"carte": carte, "groupes": groupes, "repartition": repartition}
    direct = arbre.contenu_direct(slug)

    listes: list[dict[str, Any]] = []
    shown = listes_du_territoire(arbre, _debut(contenu), _debut(direct), here, urls)
    for title, anchor, body, body_direct, count, words in shown:
        if not body:
            continue
        if count(contenu) <= LIMITE_LISTE:
            listes.append({"titre": title, "ancre": anchor, "lignes": body, "repartition": False, "complete": None})
        else:
            split = bool(arbre.enfants[slug])
            whole = _plural(count(contenu), *words)
            complete = Lien(f"La liste complète : {whole}", urls.lien(here, liste_src_uri(slug, anchor)))
            lines = body_direct if count(direct) <= LIMITE_LISTE else []
            listes.append({"titre": title, "ancre": anchor, "lignes": lines, "repartition": split, "complete": complete})
    return {
        "fil": fil_d_ariane(arbre, ancestors[-1], here, urls) if ancestors else [],
        "chiffres": chiffres,
        "sous_territoires": tableau_sous_territoires(arbre, slug, here, urls),
        "centres": centres,
        "listes": listes,
        **_rapports(arbre, slug, here, urls, contenu, direct),
    }


def _debut(contenu: Contenu) -> Contenu:
    """`contenu` with its lists cut past `LIMITE_LISTE` (one more line tells a longer list): the lines a territory's
    page may show, made without the thousands of a region's whole lists (`listes_territoire.py` makes those)."""
    cut = LIMITE_LISTE + 1
    return dataclasses.replace(
        contenu,
        nees=contenu.nees[:cut],
        reprises=contenu.reprises[:cut],
        fiches=contenu.fiches[:cut],
        contributions=contenu.contributions[:cut],
    )


def _rapports(arbre: Arbre, slug: str, here: str, urls: Urls, contenu: Contenu, direct: Contenu) -> dict[str, Any]:
    """The reports about the territory; past `LIMITE_LISTE`, those about it alone (the table of sub-territories counts
    the others)."""
    if len(contenu.rapports) <= LIMITE_LISTE:
        every: list[Ligne] = [[Lien(r.title, urls.lien(here, r.src_uri))] for r in contenu.rapports]
        return {"rapports": every, "rapports_repartition": False}
    split = bool(arbre.enfants[slug])
    own: list[Ligne] = [[Lien(r.title, urls.lien(here, r.src_uri))] for r in direct.rapports[:LIMITE_LISTE]]
    return {"rapports": own or [["Aucun rapport sur le territoire seul."]], "rapports_repartition": split}


Liste = tuple[str, str, list[Ligne], list[Ligne], Callable[[Contenu], int], tuple[str, str]]
"""(title, anchor, lines of the territory and its sub-territories, lines of the territory alone, count, words)."""


def liste_src_uri(slug: str, ancre_: str) -> str:
    """The page of a territory's whole list past `LIMITE_LISTE` (« territoires/x/solutions-nees-ici.md »)."""
    return f"{genres.TERRITOIRE.url_prefix}/{slug}/{ancre_}.md"


def listes_du_territoire(arbre: Arbre, contenu: Contenu, direct: Contenu, here: str, urls: Urls) -> list[Liste]:
    """The lists of a territory's page, with links from `here`."""
    project = arbre.project

    def with_porteur(items: list[Item]) -> list[Ligne]:
        return [[Lien(i.title, urls.lien(here, i.src_uri)), *_porteur(i, arbre, here, urls)] for i in items]

    return [
        (
            "Solutions nées ici",
            "solutions-nees-ici",
            with_porteur(contenu.nees),
            with_porteur(direct.nees),
            lambda c: len(c.nees),
            ("solution", "solutions"),
        ),
        (
            "Solutions reprises ici",
            "solutions-reprises-ici",
            reprises(contenu, here, urls, True),
            reprises(direct, here, urls, True),
            lambda c: len(c.reprises),
            ("reprise", "reprises"),
        ),
        (
            "Fiches d'activité",
            "fiches-dactivite",
            with_porteur(contenu.fiches),
            with_porteur(direct.fiches),
            lambda c: len(c.fiches),
            ("fiche", "fiches"),
        ),
        (
            "Mots du lexique écrits ici",
            "mots-du-lexique-ecrits-ici",
            contributions(contenu, here, project, urls, True),
            contributions(direct, here, project, urls, True),
            lambda c: len(c.contributions),
            ("contribution", "contributions"),
        ),
    ]


def page_alias(arbre: Arbre, alias_slug: str, urls: Urls, gabarits: Gabarits) -> PageGeneree:
    """The page that leads from an alias (« Versant Sud ») to its territory."""
    target = arbre.territoires[arbre.pages_alias()[alias_slug]]
    names = [a for a in target.aliases if a and alias_slug == slugify(a)]
    name = names[0] if names else alias_slug
    src = genres.TERRITOIRE.src_uri(alias_slug)
    redirect = urls.lien(src, target.src_uri)
    html = gabarits.rendre("alias.html", nom=name, cible=Lien(target.title, redirect), ancre=ancre(name))
    return PageGeneree(src, name, html, Meta(recherche=False, redirection=redirect))


def pages_alias(arbre: Arbre, urls: Urls, gabarits: Gabarits) -> list[PageGeneree]:
    return [page_alias(arbre, alias, urls, gabarits) for alias in arbre.pages_alias()]
