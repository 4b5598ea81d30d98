"""The first screen of a territory's page: what a visitor of a territory came for — its centres on a map, the
solutions born or taken up there, and whom to call (the coordinating centre). Plain data for `tete.html` and
`carte.html`; the full data (type, other names, départements, sources) moves to « En détail » lower down, as on a
solution's page."""

from __future__ import annotations

from typing import Any

from communs.core.domaine.arbre import Arbre
from communs.core.modele import modeles
from communs.core.modele.projet import Item
from communs.core.pages import territoires
from communs.core.pages.centres import carte_des_centres, modele_centre
from communs.core.pages.donnees import Lien, Ligne
from communs.core.pages.proximite import point_du_territoire
from communs.core.pages.tete import FEDERATION, Fait, Tete, contact
from communs.core.rendu import carte as cartes
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
    carte = None
    if len(contenu.centres) > territoires.LIMITE_ANNUAIRE and arbre.enfants[slug]:
        carte = carte_par_sous_territoire(arbre, item, urls)
    elif contenu.centres:
        carte = carte_des_centres(contenu.centres, here, f"Carte des centres : {item.title}", urls)
    return head, carte


def carte_par_sous_territoire(arbre: Arbre, item: Item, urls: Urls) -> dict[str, Any] | None:
    """Past `territoires.LIMITE_ANNUAIRE` centres (where the directory goes by sub-territory too), the map shows the territory's
    own centres and one point per sub-territory, at the mean position of its centres, leading to its page and its
    own map: a page does not carry hundreds of points."""
    here, slug = item.src_uri, item.slug
    points = []
    for centre in arbre.centres_de(slug):
        model = modele_centre(centre)
        if model.coordonnees is not None:
            label = f"{centre.title} ({model.commune})"
            points.append(
                cartes.Point(model.coordonnees.lat, model.coordonnees.lon, label, urls.lien(here, centre.src_uri), model.commune)
            )
    for child in arbre.enfants[slug]:
        position = point_du_territoire(arbre, child)
        count = sum(len(arbre.centres_de(s)) for s in arbre.descendants(child))
        if position is not None:
            child_item = arbre.territoires[child]
            label = f"{child_item.title} : {_pluriel(count, 'centre', 'centres')}"
            points.append(cartes.Point(*position, label, urls.lien(here, child_item.src_uri, "les-centres")))
    drawn = cartes.carte(points, f"Carte des centres par sous-territoire : {item.title}", cartes.identifiant(here))
    if drawn is None:
        return None
    caption = (
        "Chaque point mène à un sous-territoire, placé au milieu de ses centres : sa page montre la carte de ses "
        f"centres ; le tableau des sous-territoires donne le nombre de centres de chacun. {cartes.credit()}."
    )
    return {"carte": drawn, "legende": caption, "fond": urls.statique(here, drawn.fond)}
