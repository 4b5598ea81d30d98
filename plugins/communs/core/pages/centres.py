"""The parts of the pages about centres: the directory (a table), the map of centres, and what a centre's page adds
under its description: what it carried, what it took up, its sheets, its words, the reports citing it, its
neighbours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from communs.core.domaine.arbre import Arbre, Contenu
from communs.core.modele import modeles
from communs.core.modele.projet import Item, Project
from communs.core.modele.vocabulaires import label
from communs.core.pages.donnees import Lien, Ligne
from communs.core.rendu import carte as cartes
from communs.core.urls import Urls, ancre


@dataclass(frozen=True)
class LigneAnnuaire:
    centre: Lien
    commune: str
    adresse: str
    telephone: Lien | None
    site: Lien | None


def modele_centre(item: Item) -> modeles.Centre:
    assert isinstance(item.model, modeles.Centre)
    return item.model


def telephone(numero: str) -> Lien:
    return Lien(numero, "tel:+33" + numero.replace(" ", "")[1:])


def court(url: str) -> str:
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/")


def annuaire(centres: list[Item], here: str, urls: Urls) -> list[LigneAnnuaire]:
    """The directory of `centres`: name, commune, address, phone, web site."""
    rows = []
    for item in centres:
        model = modele_centre(item)
        rows.append(
            LigneAnnuaire(
                Lien(item.title, urls.lien(here, item.src_uri)),
                model.commune,
                " ".join(x for x in (model.adresse, model.code_postal) if x),
                telephone(model.telephone) if model.telephone else None,
                Lien(court(model.site), model.site) if model.site else None,
            )
        )
    return rows


def carte_des_centres(centres: list[Item], here: str, titre: str, urls: Urls) -> dict[str, Any] | None:
    """The map and its caption (`carte.html`), or None when no centre has coordinates."""
    points = []
    for item in centres:
        model = modele_centre(item)
        if model.coordonnees is not None:
            lat, lon = model.coordonnees.lat, model.coordonnees.lon
            points.append(cartes.Point(lat, lon, f"{item.title} ({model.commune})", urls.lien(here, item.src_uri), model.commune))
    drawn = cartes.carte(points, titre, cartes.identifiant(here))
    if drawn is None:
        return None
    unplaced = len(centres) - len(points)
    caption = (
        "Chaque point mène à la page du centre ; l'annuaire ci-dessous donne les mêmes informations en texte."
        + (f" {unplaced} {'centre n’a' if unplaced == 1 else 'centres n’ont'} pas encore de position." if unplaced else "")
        + f" {cartes.credit()}."
    )
    return {"carte": drawn, "legende": caption, "fond": urls.statique(here, drawn.fond)}


def reprises(contenu: Contenu, here: str, urls: Urls, with_centre: bool) -> list[Ligne]:
    lines: list[Ligne] = []
    for r in contenu.reprises:
        line: Ligne = [Lien(r.prototype.title, urls.lien(here, r.prototype.src_uri))]
        if with_centre and r.territoriale:
            line += [", reprise par des centres du territoire ", Lien(r.centre.title, urls.lien(here, r.centre.src_uri))]
        elif with_centre:
            line += [", reprise par ", Lien(r.centre.title, urls.lien(here, r.centre.src_uri))]
        if r.nombre:
            line.append(f" ({r.nombre} {'reprise' if r.nombre == 1 else 'reprises'})")
        if r.annee:
            line.append(f" en {r.annee}")
        if r.note:
            line.append(" — " + r.note)
        lines.append(line)
    return lines


def contributions(contenu: Contenu, here: str, project: Project, urls: Urls, with_centre: bool) -> list[Ligne]:
    lines: list[Ligne] = []
    for c in contenu.contributions:
        line: Ligne = [Lien(c.terme.title, urls.lien(here, c.terme.src_uri)), " — ", c.qui, ", "]
        line.append(label(project.vocabularies, "tranches_age", c.tranche_age))
        if with_centre:
            line += [", ", Lien(c.centre.title, urls.lien(here, c.centre.src_uri))]
        if c.annee:
            line.append(f", {c.annee}")
        lines.append(line)
    return lines


MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")


def date_fr(jour: dt.date) -> str:
    """« 1er mars 2026 »."""
    return f"{'1er' if jour.day == 1 else jour.day} {MOIS[jour.month - 1]} {jour.year}"


def nouvelles(project: Project, centre: Item) -> list[Item]:
    """The centre's news, the latest first."""
    found = [i for i in project.of_genre("actualite") if isinstance(i.model, modeles.Actualite) and i.model.centre == centre.slug]
    return sorted(found, key=lambda i: (_date(i), i.slug), reverse=True)


def _date(item: Item) -> dt.date:
    assert isinstance(item.model, modeles.Actualite)
    return item.model.date


def actualites(project: Project, centre: Item, here: str, urls: Urls) -> list[Ligne]:
    return [[Lien(n.title, urls.lien(here, n.src_uri)), f" — {date_fr(_date(n))}"] for n in nouvelles(project, centre)]


def fil_d_ariane(arbre: Arbre, territoire: str, here: str, urls: Urls) -> list[Lien]:
    """« Hauts-de-France › Nord › … », from the root to `territoire`."""
    return [Lien(arbre.territoires[s].title, urls.lien(here, arbre.territoires[s].src_uri)) for s in arbre.ancetres(territoire)]


def section_centre(arbre: Arbre, item: Item, urls: Urls) -> dict[str, Any]:
    """The data of `centre.html`, the generated part of a centre's page."""
    project, here = arbre.project, item.src_uri
    contenu = arbre.contenu_centre(item)
    territory = arbre.territoire_du_centre(item)

    def links(items: list[Item]) -> list[Ligne]:
        return [[Lien(i.title, urls.lien(here, i.src_uri))] for i in items]

    listes = [
        (titre, lignes)
        for titre, lignes in (
            ("Actualités du centre", actualites(project, item, here, urls)),
            ("Solutions portées par le centre", links(contenu.nees)),
            ("Solutions reprises par le centre", reprises(contenu, here, urls, with_centre=False)),
            ("Fiches d'activité", links(contenu.fiches)),
            ("Mots du lexique écrits ici", contributions(contenu, here, project, urls, with_centre=False)),
            ("Cité dans", links(contenu.rapports)),
        )
        if lignes
    ]
    voisins = None
    if territory:
        neighbours = [c for c in arbre.centres_de(territory) if c.slug != item.slug]
        if neighbours:
            titre = f"Autres centres du territoire {arbre.territoires[territory].title}"
            voisins = {
                "titre": titre,
                "ancre": ancre(titre),
                "annuaire": annuaire(neighbours, here, urls),
                "carte": carte_des_centres([item, *neighbours], here, f"Carte : {item.title} et ses voisins", urls),
            }
    return {
        "fil": fil_d_ariane(arbre, territory, here, urls) if territory else [],
        "listes": [{"titre": t, "ancre": ancre(t), "lignes": lignes} for t, lignes in listes],
        "voisins": voisins,
    }
