"""The index as files the browser loads with a <script> tag (which works from a folder, where fetch() does not).

- `recherche/index.js`: the terms and their forms, the field lengths, the stop words and synonyms: all a query
  needs to choose the terms it looks for. A synonym's token is left out when it is its phrase without spaces.
- `recherche/postes-N.js`: the postings of a run of consecutive terms (about `POSTES_PAR_FICHIER` characters), loaded
  for the terms of a query only: a word and the words it begins are neighbours, so a query loads one file or two.
- `recherche/pages-N.js`: title, genre, address and line of context of `TRANCHE` pages each, loaded only for
  the results shown.

Numbers are written as variable-length base-32 digits (`varint`): a posting usually takes one or two characters.
A posting stores the gap to the previous document, doubled, plus one when a term frequency (>1) follows.
"""

from __future__ import annotations

import json
from typing import Any

from communs.core.modele.projet import Project
from communs.core.recherche.analyse import MIN_LENGTH, mots_vides
from communs.core.recherche.documents import PageIndexee
from communs.core.recherche.index import CHAMPS, Index, construire, synonymes

TRANCHE = 40
"""Pages per file of results: the first result shown waits for its file only (about 8 KB), not for 100 pages."""

POSTES_PAR_FICHIER = 16_000
"""Characters of postings per file (before gzip): at 5,000 items the postings are about 200,000 characters."""

DOSSIER = "recherche"
VARIABLE = "communsRechercheDonnees"
"""The global object every file adds itself to."""

_CHIFFRES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
"""64 characters: the first 32 end a number, the last 32 say that more digits follow."""


def varint(value: int) -> str:
    """A non-negative integer: five bits per character, least significant first."""
    if 0 <= value < len(_PETITS):
        return _PETITS[value]
    return _varint(value)


def _varint(value: int) -> str:
    if value < 0:
        raise ValueError(value)
    out = []
    while True:
        low, value = value & 31, value >> 5
        if value:
            out.append(_CHIFFRES[32 + low])
        else:
            out.append(_CHIFFRES[low])
            return "".join(out)


_PETITS = [_varint(value) for value in range(4096)]
"""The small numbers, which are most of the gaps and frequencies of the postings, written once."""


def varints(values: list[int]) -> str:
    return "".join(varint(v) for v in values)


def decode_varints(text: str) -> list[int]:
    """The inverse of `varints` (the browser has the same loop)."""
    values: list[int] = []
    value = shift = 0
    for char in text:
        digit = _CHIFFRES.index(char)
        value |= (digit & 31) << shift
        if digit >= 32:
            shift += 5
        else:
            values.append(value)
            value = shift = 0
    return values


def _postings(postings: list[tuple[int, int]]) -> str:
    out = []
    previous = 0
    for number, frequency in postings:
        gap = number - previous
        previous = number
        if frequency > 1:
            out.append(varint(gap * 2 + 1) + varint(frequency))
        else:
            out.append(varint(gap * 2))
    return "".join(out)


def _formes(term: str, forms: set[str]) -> str:
    return ",".join(f[len(term) :] if f.startswith(term) else "=" + f for f in sorted(forms))


def donnees_index(index: Index, postes: list[str] | None = None) -> dict[str, Any]:
    """The content of recherche/index.js, as plain data (`postes`: `_tous_les_postes(index)`, when already made)."""
    genres: list[list[str]] = []
    for entree in index.entrees:
        if [entree.genre, entree.libelle] not in genres:
            genres.append([entree.genre, entree.libelle])
    return {
        "version": 1,
        "documents": len(index.entrees),
        "tranche": TRANCHE,
        "champs": [[name, boost] for name, boost in CHAMPS],
        "longueurs": [varints(index.longueurs[name]) for name, _ in CHAMPS],
        "termes": " ".join(index.termes),
        "postesDebuts": debuts_des_postes(_tous_les_postes(index) if postes is None else postes),
        "formes": ";".join(_formes(t, index.formes.get(t, set())) for t in index.termes),
        "vides": sorted(mots_vides()),
        "longueurMin": MIN_LENGTH,
        "synonymes": [[p] if t == p.replace(" ", "") else [p, t] for p, t in index.synonymes.as_list()],
        "genres": genres,
        "genreParPage": "".join(_CHIFFRES[genres.index([e.genre, e.libelle])] for e in index.entrees),
    }


def _tous_les_postes(index: Index) -> list[str]:
    """Each term's postings, field after field (« , » between fields)."""
    return [",".join(_postings(index.postes[t][name]) for name, _ in CHAMPS) for t in index.termes]


def debuts_des_postes(postes: list[str]) -> list[int]:
    """The number of the first term of each file of postings."""
    debuts: list[int] = []
    taille = 0
    for numero, texte in enumerate(postes):
        if not debuts or taille + len(texte) > POSTES_PAR_FICHIER:
            debuts.append(numero)
            taille = 0
        taille += len(texte) + 1
    return debuts


def _page(entree: PageIndexee, genres: list[str]) -> list[Any]:
    return [genres.index(entree.genre), entree.url, entree.titre, entree.contexte]


def _script(key: str, data: Any) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"(window.{VARIABLE}=window.{VARIABLE}||{{}})[{json.dumps(key)}]={payload};\n"


def fichiers(index: Index) -> dict[str, str]:
    """Site path -> content of every file of the search."""
    postes = _tous_les_postes(index)
    data = donnees_index(index, postes)
    genres = [genre for genre, _ in data["genres"]]
    files = {f"{DOSSIER}/index.js": _script("index", data)}
    debuts = data["postesDebuts"]
    for number, start in enumerate(debuts):
        end = debuts[number + 1] if number + 1 < len(debuts) else len(postes)
        files[f"{DOSSIER}/postes-{number}.js"] = _script(f"postes-{number}", ";".join(postes[start:end]))
    for start in range(0, len(index.entrees), TRANCHE):
        number = start // TRANCHE
        pages = [_page(e, genres) for e in index.entrees[start : start + TRANCHE]]
        files[f"{DOSSIER}/pages-{number}.js"] = _script(f"pages-{number}", pages)
    return files


def fichiers_du_site(project: Project, pages: list[PageIndexee]) -> dict[str, str]:
    """Every file of the search of a project's site."""
    return fichiers(construire(pages, synonymes(project)))
