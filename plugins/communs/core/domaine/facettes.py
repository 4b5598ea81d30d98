"""The facets of the catalogues: for each facet, its values (code and French label) and the values of each item.

Solutions: domain, public, territory (a territory holds what is in its sub-territories), status.
Activity sheets: age, duration, group size, material, « sans écran », domain.
The catalogue writes them into the page (data-* attributes and counts) so that it reads without JavaScript;
the browser only filters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from communs.core.domaine.arbre import Arbre
from communs.core.modele import genres, modeles
from communs.core.modele.projet import Item, Project


@dataclass
class Facette:
    nom: str
    """Code, used in data-* attributes and in the address of a filtered list: « domaine »."""
    libelle: str
    aide: str = ""
    valeurs: dict[str, str] = field(default_factory=dict)
    """Code -> label, in display order."""
    profondeurs: dict[str, int] = field(default_factory=dict)
    """For a tree (territories): code -> depth."""
    par_item: dict[str, list[str]] = field(default_factory=dict)
    """Item slug -> its codes."""

    def nombre(self, code: str) -> int:
        return sum(code in codes for codes in self.par_item.values())

    def nombres(self) -> dict[str, int]:
        """`nombre` of every code at once: one pass over the items, not one per code."""
        counts: dict[str, int] = {}
        for codes in self.par_item.values():
            for code in set(codes):
                counts[code] = counts.get(code, 0) + 1
        return counts


AGES: tuple[tuple[str, str, int, int], ...] = (
    ("moins-de-6-ans", "Moins de 6 ans", 0, 5),
    ("6-8-ans", "6 à 8 ans", 6, 8),
    ("9-11-ans", "9 à 11 ans", 9, 11),
    ("12-14-ans", "12 à 14 ans", 12, 14),
    ("15-17-ans", "15 à 17 ans", 15, 17),
    ("adultes", "Adultes", 18, 59),
    ("seniors", "Seniors (60 ans et plus)", 60, 200),
)
DUREES: tuple[tuple[str, str, int, int], ...] = (
    ("30-min", "30 min ou moins", 0, 30),
    ("1-h", "De 31 min à 1 h", 31, 60),
    ("2-h", "De 1 h à 2 h", 61, 120),
    ("plus-de-2-h", "Plus de 2 h", 121, 100_000),
)
GROUPES: tuple[tuple[str, str, int, int], ...] = (
    ("1-2", "Seul ou à deux", 1, 2),
    ("3-8", "Petit groupe (3 à 8)", 3, 8),
    ("9-15", "Groupe moyen (9 à 15)", 9, 15),
    ("16-plus", "Grand groupe (16 et plus)", 16, 100_000),
)


def _bands(bands: tuple[tuple[str, str, int, int], ...], low: int | None, high: int | None) -> list[str]:
    """The bands a range [low, high] overlaps; an open end reaches every band on its side."""
    if low is None and high is None:
        return []
    lo = low if low is not None else 0
    hi = high if high is not None else 10**9
    return [code for code, _, start, end in bands if lo <= end and hi >= start]


def _vocab_facet(
    project: Project, name: str, vocab: str, libelle: str, items: list[Item], values: Callable[[Item], list[str]]
) -> Facette:
    facette = Facette(name, libelle, valeurs=dict(project.vocabularies.get(vocab, {})))
    for item in items:
        facette.par_item[item.slug] = [v for v in values(item) if v in facette.valeurs]
    return facette


def _band_facet(
    name: str,
    libelle: str,
    bands: tuple[tuple[str, str, int, int], ...],
    items: list[Item],
    span: Callable[[Item], tuple[int | None, int | None]],
) -> Facette:
    facette = Facette(name, libelle, valeurs={code: text for code, text, _, _ in bands})
    for item in items:
        facette.par_item[item.slug] = _bands(bands, *span(item))
    return facette


def _proto(item: Item) -> modeles.Prototype:
    assert isinstance(item.model, modeles.Prototype)
    return item.model


def _fiche(item: Item) -> modeles.Fiche:
    assert isinstance(item.model, modeles.Fiche)
    return item.model


def _groupe(item: Item) -> tuple[int | None, int | None]:
    participants = _fiche(item).participants
    return (participants.min, participants.max) if participants else (None, None)


def _territoires(arbre: Arbre, item: Item) -> list[str]:
    """Where a solution was born (its porteur and territoire) or taken up (essaimage), with every ancestor."""
    model = _proto(item)
    places = arbre.lieu(model.porteur, model.territoire, *(e.centre or e.territoire for e in model.essaimage))
    return sorted({ancestor for place in places for ancestor in arbre.ancetres(place)})


def _territoire_facet(arbre: Arbre, items: list[Item]) -> Facette:
    facette = Facette("territoire", "Territoire", "où la solution est née ou a été reprise, sous-territoires compris")
    for item in items:
        facette.par_item[item.slug] = _territoires(arbre, item)
    used = {code for codes in facette.par_item.values() for code in codes}
    for root in arbre.racines():
        for slug in arbre.descendants(root):
            if slug in used:
                facette.valeurs[slug] = arbre.territoires[slug].title
                facette.profondeurs[slug] = len(arbre.ancetres(slug)) - 1
    return facette


def facettes(genre: genres.Genre, project: Project, arbre: Arbre | None = None) -> list[Facette]:
    """The facets of the catalogue of `genre` (none for the other genres); `arbre`, the build's tree of territories."""
    items = [item for item in project.of_genre(genre.name) if item.model is not None]
    if genre is genres.PROTOTYPE:
        return [
            _vocab_facet(project, "domaine", "domaines", "Domaine", items, lambda i: _proto(i).domaines),
            _vocab_facet(project, "public", "publics", "Public", items, lambda i: _proto(i).publics),
            _territoire_facet(arbre or Arbre(project), items),
            _vocab_facet(project, "statut", "statuts", "Statut", items, lambda i: [_proto(i).statut]),
        ]
    if genre is genres.FICHE:
        screen = Facette("sans-ecran", "Écran", valeurs={"oui": "Sans écran", "non": "Avec écran"})
        for item in items:
            value = _fiche(item).sans_ecran
            screen.par_item[item.slug] = [] if value is None else ["oui" if value else "non"]
        return [
            _vocab_facet(project, "public", "publics", "Public", items, lambda i: _fiche(i).publics),
            _band_facet("age", "Âge", AGES, items, lambda i: (_fiche(i).age_min, _fiche(i).age_max)),
            _band_facet("duree", "Durée", DUREES, items, lambda i: (_fiche(i).duree_minutes, _fiche(i).duree_minutes)),
            _band_facet(
                "groupe",
                "Taille du groupe",
                GROUPES,
                items,
                _groupe,
            ),
            _vocab_facet(project, "materiel", "materiel", "Matériel", items, lambda i: _fiche(i).materiel),
            screen,
            _vocab_facet(project, "domaine", "domaines", "Domaine", items, lambda i: _fiche(i).domaines),
        ]
    return []
