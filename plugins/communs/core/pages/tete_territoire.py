"""The first screen of a territory's page: what a visitor of a territory came for — its centres on a map, the
solutions born or taken up there, and whom to call (the coordinating centre). Plain data for `tete.html` and
`carte.html`; the full data (type, other names, départements, sources) moves to « En détail » lower down, as on a
solution's page."""

from __future__ import annotations

from typing import Any

from communs.core.domaine.arbre import Arbre
from communs.core.modele import modeles
from communs.core.modele.projet import Item
from communs.core.pages.centres import carte_des_centres
from communs.core.pages.donnees import Lien, Ligne
from communs.core.pages.tete import FEDERATION, Fait, Tete, contact
from communs.core.urls import Urls

NOMMEES = 3
"""How many solutions the first screen names before « et N autres »."""


def _pluriel(n: int, un: str, plusieurs: str) -> str:
    return f"{n} {un if n == 1 else plusieurs}"


def _noms(items: list[Item], here: str, ancre: str, urls: Urls) -> Ligne:
    """The first few items as links, then a link to the full list on the page."""
    ligne: Ligne = []
    for position, item in enumerate(items[:NOMMEES]):
        if position:
            ligne.append(", ")
        ligne.append(Lien(item.title, urls.lien(here, item.src_uri)))
    if len(items) > NOMMEES:
        ligne += [" et ", Lien(_pluriel(len(items) - NOMMEES, "autre", "autres"), "#" + ancre)]
    return ligne


def tete_territoire(arbre: Arbre, item: Item, urls: Urls) -> tuple[Tete, dict[str, Any] | None]:
    """The head of a territory's page and the map of its centres (None when no centre has a position)."""
    here, slug = item.src_uri, item.slug
    contenu = arbre.contenu_territoire(slug)
    faits: list[Fait] = []
    if contenu.centres:
        faits.append(Fait("Centres", [Lien(_pluriel(len(contenu.centres), "centre", "centres"), "#les-centres")]))
    if contenu.nees:
        faits.append(Fait("Solutions nées ici", _noms(contenu.nees, here, "solutions-nees-ici", urls)))
    reprises = list({r.prototype.slug: r.prototype for r in contenu.reprises}.values())
    if reprises:
        faits.append(Fait("Reprises ici", _noms(reprises, here, "solutions-reprises-ici", urls)))
    if contenu.fiches:
        faits.append(Fait("Fiches d'activité", [Lien(_pluriel(len(contenu.fiches), "fiche", "fiches"), "#fiches-dactivite")]))
    model = item.model
    coordinated = isinstance(model, modeles.Territoire) and model.coordination in arbre.centres
    head = Tete(None, None, faits, contact(slug if coordinated else FEDERATION, here, arbre.project, urls))
    carte = carte_des_centres(contenu.centres, here, f"Carte des centres : {item.title}", urls) if contenu.centres else None
    return head, carte
