"""The home page of the network and the footer of every page, as plain data for `accueil.html` and `pied.html`.

The home page replaces content/index.md: what the commons is, four entry points as large cards, entries by need,
the latest additions (by the day each entered the commons, `ajoute_le`), the key figures of the most recent report
(each with its source) and the solutions that report documents.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from communs.core.modele import genres, modeles
from communs.core.modele.projet import Item, Project
from communs.core.modele.suggestions import fold
from communs.core.pages.centres import date_fr
from communs.core.pages.donnees import Lien, Meta, PageGeneree
from communs.core.pages.tete import FEDERATION
from communs.core.rendu.gabarits import Gabarits
from communs.core.urls import Urls

INDEX = "index.md"
CHIFFRES = 4
"""How many key figures of the most recent report the home page shows."""
ADDITIONS = 6
"""How many of the latest additions the home page shows."""
GENRES_AJOUTES = {"prototype": "Solution", "fiche": "Fiche d'activité", "terme": "Mot du lexique"}
"""The kinds of item that carry `ajoute_le`, and how the home page names each."""


def _recent(project: Project) -> Item | None:
    reports = [r for r in project.of_genre("rapport") if isinstance(r.model, modeles.Rapport)]

    def order(item: Item) -> tuple[int, int, str]:
        model = item.model
        assert isinstance(model, modeles.Rapport)
        return (model.periode.fin, model.periode.debut, fold(item.title))

    return max(reports, key=order, default=None)


def _valid(project: Project, genre: str) -> list[Item]:
    return [i for i in project.of_genre(genre) if i.model is not None]


def dernieres_additions(project: Project, nombre: int = ADDITIONS) -> list[tuple[dt.date, Item]]:
    """The latest items to enter the commons, newest first; on the same day the kinds take turns (a solution, a
    sheet, a word, then again), each kind by title."""
    ranked: list[tuple[int, int, int, str, dt.date, Item]] = []
    for order, genre in enumerate(GENRES_AJOUTES):
        dated = [(d, i) for i in _valid(project, genre) if isinstance(d := getattr(i.model, "ajoute_le", None), dt.date)]
        dated.sort(key=lambda pair: (-pair[0].toordinal(), fold(pair[1].title)))
        ranked += [(-day.toordinal(), turn, order, fold(item.title), day, item) for turn, (day, item) in enumerate(dated)]
    return [(day, item) for *_, day, item in sorted(ranked, key=lambda r: r[:4])[:nombre]]


def accueil(project: Project, urls: Urls, gabarits: Gabarits) -> PageGeneree:
    def lien(to: str, texte: str) -> Lien:
        return Lien(texte, urls.lien(INDEX, to))

    entrees = [
        (
            "autre",
            lien(genres.PROTOTYPE.src_uri("index"), "Les solutions"),
            len(_valid(project, "prototype")),
            "inventées par les centres, pour les reprendre chez vous",
        ),
        (
            "fiche",
            lien(genres.FICHE.src_uri("index"), "Les fiches d'activité"),
            len(_valid(project, "fiche")),
            "prêtes à animer et à imprimer sur une page",
        ),
        (
            "lexique",
            lien(genres.TERME.src_uri("index"), "Le lexique"),
            len(_valid(project, "terme")),
            "les mots du numérique expliqués simplement",
        ),
        (
            "animation-territoriale",
            lien(genres.TERRITOIRE.src_uri("index"), "Les territoires et la carte"),
            len(_valid(project, "centre")),
            "les centres du réseau, près de chez vous",
        ),
    ]
    besoins = [
        lien(
            genres.PROTOTYPE.src_uri("index") + "?domaine=accueil-administration",
            "une solution pour l'accueil et les démarches en ligne",
        ),
        lien(genres.FICHE.src_uri("index") + "?age=6-8-ans&sans-ecran=oui", "une activité sans écran pour des 6-8 ans"),
        lien(genres.FICHE.src_uri("index") + "?public=seniors", "un atelier pour des seniors"),
        lien(genres.CENTRE.src_uri("index"), "le centre le plus proche"),
    ]
    data: dict[str, Any] = {"entrees": entrees, "besoins": besoins, "chiffres": [], "rapport": None, "recentes": []}
    data["additions"] = [
        (GENRES_AJOUTES[item.genre.name], lien(item.src_uri, item.title), day.isoformat(), date_fr(day))
        for day, item in dernieres_additions(project)
    ]
    report = _recent(project)
    if report is not None and isinstance(report.model, modeles.Rapport):
        data["rapport"] = lien(report.src_uri, report.title)
        data["chiffres"] = [(str(c.valeur), c.libelle) for c in report.model.chiffres_cles[:CHIFFRES]]
        found = [project.find("prototype", slug) for slug in report.model.prototypes]
        data["recentes"] = [lien(p.src_uri, p.title) for p in found if p is not None][:6]
    pages = {project.site_uri(doc.path) for doc in project.pages}
    data["contribuer"] = lien("contribuer.md", "comment contribuer") if "contribuer.md" in pages else None
    data["donnees"] = lien("donnees/index.md", "ouvertes") if "donnees/index.md" in pages else None
    html = gabarits.rendre("accueil.html", **data)
    return PageGeneree(INDEX, "Le commun des Centres Sociaux Connectés", html, Meta())


def pied(project: Project, licence: str | None, gabarits: Gabarits) -> str:
    """The footer: the publisher and its contact, the licence of the content, the funders as the reports name them."""
    federation = project.find("centre", FEDERATION)
    data: dict[str, Any] = {"editeur": None, "licence": licence}
    if federation is not None and isinstance(federation.model, modeles.Centre):
        model = federation.model
        data["editeur"] = {
            "nom": federation.title,
            "adresse": ", ".join(x for x in (model.adresse, f"{model.code_postal or ''} {model.commune or ''}".strip()) if x),
            "telephone": model.telephone,
            "tel": "tel:+33" + model.telephone.replace(" ", "")[1:] if model.telephone else None,
        }
    return gabarits.rendre("pied.html", **data)
