"""The generated pages of the lexicon, as plain data for the templates of `lexique/`: the A-Z index, one page per
category, the requested words (how to ask, how to propose) and the booklet to print; and the end of each term's page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from communs.core.contribution import modele_terme
from communs.core.contribution.depot import DEMANDER, PROPOSER, Depot
from communs.core.domaine.lexique import AUTRES, DEMANDES, INDEX, LIVRET, Lexique, categorie_src_uri, terme
from communs.core.modele import genres
from communs.core.modele.projet import Item, Project
from communs.core.modele.suggestions import slugify
from communs.core.modele.vocabulaires import label
from communs.core.pages.donnees import Lien, Meta, PageGeneree
from communs.core.rendu.gabarits import Gabarits
from communs.core.urls import Urls

TITRE = "Lexique « Quand les enfants deviennent profs »"
INTRO = (
    "Les mots du numérique expliqués simplement. Dans les centres du réseau, des enfants deviennent les « profs » "
    "des seniors : ils leur expliquent les mots qu'ils entendent tous les jours."
)
_MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")
MOT_CHERCHE = "MOT-CHERCHE"
"""Stands for the searched word in the links the search box fills in (« Demander ce mot »)."""


def date_fr(day: dt.date) -> str:
    return f"{'1er' if day.day == 1 else day.day} {_MOIS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Liens:
    """Where to ask for a word and to propose a definition without git; None without a repository."""

    depot: Depot | None
    modele: str | None = None
    """The text of content/_modeles/terme.md, for GitHub's editor."""

    def demander(self, mot: str = "") -> str | None:
        if self.depot is None:
            return None
        return self.depot.nouvelle_issue(DEMANDER, f"Demande de mot : {mot}" if mot else "", mot=mot)

    def proposer(self, mot: str = "") -> str | None:
        if self.depot is None:
            return None
        return self.depot.nouvelle_issue(PROPOSER, f"Définition : {mot}" if mot else "", mot=mot)

    def editeur(self, mot: str = "") -> str | None:
        if self.depot is None or self.modele is None:
            return None
        name = f"{slugify(mot) or 'nouveau-mot'}.md"
        return self.depot.nouveau_fichier(genres.TERME.folder, name, modele_terme.rempli(self.modele, mot))


def liens(project: Project, depot: Depot | None) -> Liens:
    return Liens(depot, modele_terme.modele(project.root))


def lettre_id(letter: str) -> str:
    return "lettre-autres" if letter == AUTRES else f"lettre-{letter.lower()}"


class PagesLexique:
    """The lexicon's generated pages for one build."""

    def __init__(self, lexique: Lexique, links: Liens, urls: Urls, gabarits: Gabarits) -> None:
        self.lexique, self.liens, self.urls, self.gabarits = lexique, links, urls, gabarits
        self.vocab = lexique.project.vocabularies

    def _entree(self, item: Item, here: str) -> dict[str, Any]:
        return {"lien": Lien(item.title, self.urls.lien(here, item.src_uri)), "definition": terme(item).definition}

    def _lien(self, here: str, to: str, texte: str) -> Lien:
        return Lien(texte, self.urls.lien(here, to))

    def index(self) -> PageGeneree:
        here, lexique = INDEX, self.lexique
        letters = lexique.par_lettre()
        data = {
            "titre": genres.TERME.plural,
            "intro": INTRO,
            "publies": len(lexique.publies),
            "en_atelier": sum(1 for item in lexique.publies if terme(item).contributeurs),
            "demandes": self._lien(here, DEMANDES, "Les mots demandés par les habitants"),
            "livret": self._lien(here, LIVRET, "Le livret de tous les mots, à imprimer"),
            "demander": self.liens.demander(),
            "proposer": self.liens.proposer(),
            "editeur": self.liens.editeur(),
            "categories": [
                (self._lien(here, categorie_src_uri(name), label(self.vocab, "categories", name)), len(items))
                for name, items in lexique.par_categorie().items()
            ],
            "lettres": [
                {
                    "lettre": letter,
                    "titre": "Autres" if letter == AUTRES else letter,
                    "id": lettre_id(letter),
                    "entrees": [self._entree(i, here) for i in items],
                }
                for letter, items in letters.items()
            ],
            "alphabet": [chr(code) for code in range(ord("A"), ord("Z") + 1)],
            "autres": AUTRES in letters,
            "en_cours": [self._lien(here, i.src_uri, i.title) for i in lexique.en_cours],
        }
        lettres = frozenset(lettre_id(letter) for letter in letters)
        return PageGeneree(here, genres.TERME.plural, self.gabarits.rendre("lexique/index.html", **data), hors_sommaire=lettres)

    def categorie(self, name: str, items: list[Item]) -> PageGeneree:
        here = categorie_src_uri(name)
        title = label(self.vocab, "categories", name)
        data = {
            "titre": title,
            "entrees": [self._entree(i, here) for i in items],
            "index": self._lien(here, INDEX, "tous les mots de A à Z"),
            "proposer": self.liens.proposer(),
        }
        return PageGeneree(here, title, self.gabarits.rendre("lexique/categorie.html", **data))

    def demandes(self) -> PageGeneree:
        here = DEMANDES
        requests = []
        for demande in self.lexique.demandes():
            model = demande.modele
            requests.append(
                {
                    "mot": model.mot,
                    "demandeur": self._lien(here, demande.demandeur.src_uri, demande.demandeur.title)
                    if demande.demandeur
                    else model.demande_par,
                    "date": date_fr(model.date),
                    "preneur": self._lien(here, demande.preneur.src_uri, demande.preneur.title) if demande.preneur else None,
                    "proposer": self.liens.proposer(model.mot),
                    "editeur": self.liens.editeur(model.mot),
                }
            )
        data = {
            "demander": self.liens.demander(),
            "proposer": self.liens.proposer(),
            "demandes": requests,
            "index": self._lien(here, INDEX, "tous les mots de A à Z"),
        }
        return PageGeneree(here, "Les mots demandés", self.gabarits.rendre("lexique/demandes.html", **data))

    def livret(self) -> PageGeneree:
        """Every published term on one page, for paper: no navigation, A4 print styles (see the theme's CSS)."""
        lettres = []
        for letter, items in self.lexique.par_lettre().items():
            termes = []
            for item in items:
                model = terme(item)
                categorie = label(self.vocab, "categories", model.categorie)
                termes.append(
                    {
                        "titre": item.title,
                        "categorie": categorie,
                        "definition": model.definition,
                        "exemple": model.exemple,
                        "mot_d_enfant": model.mot_d_enfant,
                    }
                )
            lettres.append({"titre": "Autres" if letter == AUTRES else letter, "id": lettre_id(letter), "termes": termes})
        data = {"titre": TITRE, "intro": INTRO, "lettres": lettres, "vide": not self.lexique.publies}
        html = self.gabarits.rendre("lexique/livret.html", **data)
        hors = frozenset(f"livret-{letter['id']}" for letter in lettres)
        return PageGeneree(LIVRET, "Livret du lexique", html, Meta(imprimable=True, recherche=False), hors)

    def pied_de_terme(self, item: Item) -> str:
        """The end of a term's page: its category, a way to improve it, back to the index."""
        here, model = item.src_uri, terme(item)
        data = {
            "categorie": self._lien(here, categorie_src_uri(model.categorie), label(self.vocab, "categories", model.categorie)),
            "proposer": self.liens.proposer(item.title),
            "titre": item.title,
            "index": self._lien(here, INDEX, "Tous les mots du lexique, de A à Z"),
        }
        return self.gabarits.rendre("lexique/pied.html", **data)

    def pages(self) -> list[PageGeneree]:
        out = [self.index(), self.demandes(), self.livret()]
        out += [self.categorie(name, items) for name, items in self.lexique.par_categorie().items()]
        return out
