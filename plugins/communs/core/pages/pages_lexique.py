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
from communs.core.pages import decoupage
from communs.core.pages.donnees import Lien, Meta, PageGeneree
from communs.core.rendu.gabarits import Gabarits
from communs.core.urls import Urls

TITRE = "Lexique « Quand les enfants deviennent profs »"
INTRO = (
    "Les mots du numérique expliqués simplement. Dans les centres du réseau, des enfants deviennent les « profs » "
    "des seniors : ils leur expliquent les mots qu'ils entendent tous les jours."
)
_MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")
EN_COURS = ""
"""The place in the A-Z list of the words being written: after every letter."""
OCTETS_PAR_TOME = 15_000
"""Bytes of terms per volume of the printed booklet: a volume is a page under 30 KB, a few sheets of A4."""
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

    def index(self) -> list[PageGeneree]:
        """The A-Z index: the first page says what the lexicon is, its categories and how to ask for a word; the words
        follow in pages of results (`decoupage.py`) when they are many, each letter's link leading to its page."""
        lexique = self.lexique
        letters = lexique.par_lettre()
        flat = [(letter, item) for letter, items in letters.items() for item in items]
        flat += [(EN_COURS, item) for item in lexique.en_cours]  # the words being written close the list
        split = decoupage.decouper(INDEX, flat, _poids_entree, self.urls)
        page_of = {}
        for tranche, chosen in reversed(split):
            page_of.update({letter: tranche.src_uri for letter, _ in chosen if letter != EN_COURS})
        common = {
            "titre": genres.TERME.plural,
            "intro": INTRO,
            "publies": len(lexique.publies),
            "en_atelier": sum(1 for item in lexique.publies if terme(item).contributeurs),
            "alphabet": [chr(code) for code in range(ord("A"), ord("Z") + 1)],
        }
        pages = []
        for tranche, chosen in split:
            here = tranche.src_uri
            groups: dict[str, list[Item]] = {}
            for letter, item in chosen:
                groups.setdefault(letter, []).append(item)
            en_cours = groups.pop(EN_COURS, [])
            first = tranche.numero == 1
            data = {
                **common,
                "suite": not first,
                "numero": tranche.numero,
                "pages": tranche if tranche.total > 1 else None,
                "premiere": self._lien(here, INDEX, "Présentation du lexique, catégories et livret"),
                "demandes": self._lien(here, DEMANDES, "Les mots demandés par les habitants"),
                "livret": self._lien(here, LIVRET, "Le livret de tous les mots, à imprimer"),
                "demander": self.liens.demander(),
                "proposer": self.liens.proposer(),
                "editeur": self.liens.editeur(),
                "categories": [
                    (self._lien(here, categorie_src_uri(name), label(self.vocab, "categories", name)), len(items))
                    for name, items in lexique.par_categorie().items()
                ]
                if first
                else [],
                "lettres": [
                    {
                        "lettre": letter,
                        "titre": "Autres" if letter == AUTRES else letter,
                        "id": lettre_id(letter),
                        "entrees": [self._entree(i, here) for i in items],
                    }
                    for letter, items in groups.items()
                ],
                "sommaire": [
                    {
                        "lettre": letter,
                        "href": "#" + lettre_id(letter)
                        if page_of[letter] == here
                        else self.urls.lien(here, page_of[letter], lettre_id(letter)),
                    }
                    for letter in letters
                ],
                "en_cours": [self._lien(here, i.src_uri, i.title) for i in en_cours],
            }
            title = genres.TERME.plural if first else f"{genres.TERME.plural}, page {tranche.numero}"
            html = self.gabarits.rendre("lexique/index.html", **data)
            pages.append(PageGeneree(here, title, html, hors_sommaire=frozenset(lettre_id(letter) for letter in groups)))
        return pages

    def categorie(self, name: str, items: list[Item]) -> list[PageGeneree]:
        """The words of a category, in pages of results when they are many (`decoupage.py`)."""
        title = label(self.vocab, "categories", name)
        pages = []
        for tranche, chosen in decoupage.decouper(categorie_src_uri(name), [("", i) for i in items], _poids_entree, self.urls):
            here = tranche.src_uri
            data = {
                "titre": title,
                "nombre": len(items),
                "numero": tranche.numero,
                "pages": tranche if tranche.total > 1 else None,
                "entrees": [self._entree(i, here) for _, i in chosen],
                "index": self._lien(here, INDEX, "tous les mots de A à Z"),
                "proposer": self.liens.proposer(),
            }
            name_ = title if tranche.numero == 1 else f"{title}, page {tranche.numero}"
            pages.append(PageGeneree(here, name_, self.gabarits.rendre("lexique/categorie.html", **data)))
        return pages

    def demandes(self) -> list[PageGeneree]:
        """The requested words, in pages of results when they are many (`decoupage.py`)."""
        out = []
        every = self.lexique.demandes()
        for tranche, chosen in decoupage.decouper(DEMANDES, every, lambda d: 500 + 3 * len(d.modele.mot.encode()), self.urls):
            out.append(self._demandes(tranche, chosen))
        return out

    def _demandes(self, tranche: decoupage.Tranche, chosen: list[Any]) -> PageGeneree:
        here = tranche.src_uri
        requests = []
        for demande in chosen:
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
            "pages": tranche if tranche.total > 1 else None,
        }
        title = "Les mots demandés" + (f", page {tranche.numero}" if tranche.numero > 1 else "")
        return PageGeneree(here, title, self.gabarits.rendre("lexique/demandes.html", **data))

    def livret(self) -> list[PageGeneree]:
        """The published terms for paper (A4 print styles in the theme's CSS), in volumes of a few sheets each, like the
        volumes of a printed dictionary (« A à C », « D à F »…): each volume is one printable page under 30 KB; with
        more than one, `lexique/livret/` lists them. A volume never splits a term and runs in the A-Z order."""
        entries = []
        for letter, items in self.lexique.par_lettre().items():
            for item in items:
                model = terme(item)
                entry = {
                    "titre": item.title,
                    "categorie": label(self.vocab, "categories", model.categorie),
                    "definition": model.definition,
                    "exemple": model.exemple,
                    "mot_d_enfant": model.mot_d_enfant,
                }
                entries.append((letter, entry))
        volumes = decoupage.groupes([_poids_terme(e) for _, e in entries], OCTETS_PAR_TOME) if entries else []
        single = len(volumes) <= 1
        out: list[PageGeneree] = []
        sommaire = []
        for numero, volume in enumerate(volumes or [range(0)], 1):
            here = LIVRET if single else tome_src_uri(numero)
            lettres: list[dict[str, Any]] = []
            for letter, entry in (entries[i] for i in volume):
                if not lettres or lettres[-1]["lettre"] != letter:
                    lettres.append(
                        {
                            "lettre": letter,
                            "titre": "Autres" if letter == AUTRES else letter,
                            "id": lettre_id(letter),
                            "termes": [],
                        }
                    )
                lettres[-1]["termes"].append(entry)
            bornes = f"{lettres[0]['titre']} à {lettres[-1]['titre']}" if lettres else ""
            titre = TITRE if single else f"{TITRE}, tome {numero} : {bornes}"
            data = {"titre": titre, "intro": INTRO, "lettres": lettres, "vide": not entries, "tomes": None}
            html = self.gabarits.rendre("lexique/livret.html", **data)
            hors = frozenset(f"livret-{letter['id']}" for letter in lettres)
            name = "Livret du lexique" if single else f"Livret du lexique, tome {numero} ({bornes})"
            out.append(PageGeneree(here, name, html, Meta(imprimable=True, recherche=False), hors))
            sommaire.append({"lien": self._lien(LIVRET, here, f"Tome {numero} : {bornes}"), "mots": len(volume)})
        if not single:
            data = {"titre": TITRE, "intro": INTRO, "lettres": [], "vide": False, "tomes": sommaire}
            html = self.gabarits.rendre("lexique/livret.html", **data)
            out.insert(0, PageGeneree(LIVRET, "Livret du lexique", html, Meta(recherche=False)))
        return out

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
        out = [*self.index(), *self.demandes(), *self.livret()]
        out += [page for name, items in self.lexique.par_categorie().items() for page in self.categorie(name, items)]
        return out


def tome_src_uri(numero: int) -> str:
    """The source name of a volume of the booklet: « lexique/livret/2.md »."""
    return f"{LIVRET.removesuffix('.md')}/{numero}.md"


def _poids_entree(entry: tuple[str, Item]) -> int:
    """About the bytes of a word's line in the A-Z index."""
    item = entry[1]
    return 100 + 2 * len(item.title.encode()) + len(item.slug) + len(terme(item).definition.encode())


def _poids_terme(entry: dict[str, Any]) -> int:
    """About the bytes of a term in the booklet."""
    return 200 + sum(len(str(value or "").encode()) for value in entry.values())
