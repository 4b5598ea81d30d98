"""The lexicon « Quand les enfants deviennent profs » as plain data: its terms in A-Z order, by letter and by
category, the names (term and variants) that designate each one, and the words people asked for.

Only valid terms count; a term's page exists whatever its status, but the index, the categories, the booklet
and the glossary show the published ones (`statut: publie`).
"""

from __future__ import annotations

from dataclasses import dataclass

from communs.core.modele import genres, modeles
from communs.core.modele.projet import Item, Project
from communs.core.modele.suggestions import fold

PUBLIE = "publie"
RESERVES = ("index", "categories", "demandes", "livret")
"""Names of the generated lexicon pages: no term file may take them."""
CATEGORIES_DIR = f"{genres.TERME.url_prefix}/categories"
AUTRES = "#"
"""The letter of a term that does not start with a letter."""


def cle_de_mot(name: str) -> str:
    """The key under which two spellings of a name are the same: « E-mail », « email », « e mail »."""
    return fold(name).replace(" ", "")


def lettre(title: str) -> str:
    """The index letter of a title, accents ignored: « Écran tactile » is under E."""
    first = fold(title)[:1]
    return first.upper() if first.isalpha() else AUTRES


def terme(item: Item) -> modeles.Terme:
    assert isinstance(item.model, modeles.Terme)
    return item.model


@dataclass(frozen=True)
class Demande:
    position: int
    """Position in demandes.yml (0 for the first request)."""
    modele: modeles.Demande
    demandeur: Item | None
    preneur: Item | None


class Lexique:
    def __init__(self, project: Project) -> None:
        self.project = project
        valid = [i for i in project.of_genre(genres.TERME.name) if isinstance(i.model, modeles.Terme)]
        valid.sort(key=lambda i: (fold(i.title), i.slug))
        self.termes = valid
        self.publies = [i for i in valid if terme(i).statut == PUBLIE]
        self.en_cours = [i for i in valid if terme(i).statut != PUBLIE]
        self._par_cle: dict[str, Item] | None = None

    def par_lettre(self) -> dict[str, list[Item]]:
        """A to Z (and « # » last) -> published terms, only for letters that have some."""
        letters: dict[str, list[Item]] = {}
        for item in self.publies:
            letters.setdefault(lettre(item.title), []).append(item)
        return dict(sorted(letters.items(), key=lambda pair: (pair[0] == AUTRES, pair[0])))

    def par_categorie(self) -> dict[str, list[Item]]:
        """Every category of the vocabulary, in its order -> its published terms (possibly none)."""
        groups: dict[str, list[Item]] = {name: [] for name in self.project.vocabularies.get("categories", {})}
        for item in self.publies:
            groups.setdefault(terme(item).categorie, []).append(item)
        return groups

    def noms(self, items: list[Item] | None = None) -> list[tuple[str, Item]]:
        """(name, term) for the title and every variant of each term, in A-Z order of the terms."""
        return [
            (name, item) for item in (self.termes if items is None else items) for name in (item.title, *terme(item).variantes)
        ]

    def trouver(self, mot: str) -> Item | None:
        """The term that `mot` names (its title or a variant, case, accents and hyphens ignored)."""
        if self._par_cle is None:
            self._par_cle = {}
            for name, item in self.noms():
                self._par_cle.setdefault(cle_de_mot(name), item)  # the first term in A-Z order, as before
        return self._par_cle.get(cle_de_mot(mot))

    def demandes(self) -> list[Demande]:
        out = []
        for position, demande in self.project.demandes:
            out.append(
                Demande(
                    position,
                    demande,
                    self.project.find(genres.CENTRE.name, demande.demande_par),
                    self.project.find(genres.CENTRE.name, demande.pris_en_charge_par) if demande.pris_en_charge_par else None,
                )
            )
        return out


def categorie_src_uri(categorie: str) -> str:
    return f"{CATEGORIES_DIR}/{categorie}.md"


PREFIX = genres.TERME.url_prefix
INDEX = f"{PREFIX}/index.md"
DEMANDES = f"{PREFIX}/demandes.md"
LIVRET = f"{PREFIX}/livret.md"


def chemins(project: Project) -> set[str]:
    """The site paths of the lexicon's generated pages (index, requests, booklet, categories): links may point there."""
    return {INDEX, DEMANDES, LIVRET, *(categorie_src_uri(c) for c in project.vocabularies.get("categories", {}))}
