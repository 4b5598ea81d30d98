"""The open data of the commons: every genre as CSV and JSON under donnees/, described by a Frictionless Data Package.

The files are made from the validated items only, in the order of their slugs, with no date of the build in them: two
builds of the same content publish the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from communs.core.modele import genres
from communs.core.modele.publications import DOSSIER, PAQUET, nom
from communs.core.pages.tables import GENRES_PUBLIES, SEPARATEUR, Champ, Tables, champs

LICENCE = {
    "name": "etalab-2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "title": "Licence Ouverte / Open Licence 2.0 (Etalab)",
}
"""The licence of the data (the descriptions of the items); each solution or sheet keeps its own (column « licence »)."""


def _cellule(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return SEPARATEUR.join(_cellule(v) for v in value)
    return str(value)


def _json(value: Any) -> Any:
    if isinstance(value, list):
        return [_json(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def csv_texte(columns: list[Champ], rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.nom for c in columns])
    for row in rows:
        writer.writerow([_cellule(row.get(c.nom)) for c in columns])
    return out.getvalue()


_FEUILLE = json.JSONEncoder(ensure_ascii=False).encode
"""A text, number, boolean or null as JSON, by the C encoder (which never indents)."""


def _indente(value: Any, profondeur: int) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=1)` for the rows of the open data (lists, dictionaries with text
    keys, texts, numbers, booleans, null) at `profondeur`: the pure-Python encoder json uses to indent walked every
    value of thousands of rows; here each leaf is written by the C encoder."""
    if isinstance(value, list):
        if not value:
            return "[]"
        marge = "\n" + " " * (profondeur + 1)
        return "[" + marge + ("," + marge).join(_indente(v, profondeur + 1) for v in value) + "\n" + " " * profondeur + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        marge = "\n" + " " * (profondeur + 1)
        pairs = (_FEUILLE(key) + ": " + _indente(v, profondeur + 1) for key, v in value.items())
        return "{" + marge + ("," + marge).join(pairs) + "\n" + " " * profondeur + "}"
    return _FEUILLE(value)


def json_texte(rows: list[dict[str, Any]]) -> str:
    data = [{str(key): _json(value) for key, value in row.items()} for row in rows]
    return _indente(data, 0) + "\n"


def _champ_schema(champ: Champ) -> dict[str, Any]:
    if champ.liste:
        description = f"{champ.description} Plusieurs valeurs séparées par « {SEPARATEUR} »."
        return {"name": champ.nom, "type": "string", "description": description}
    field: dict[str, Any] = {"name": champ.nom, "type": champ.type, "description": champ.description}
    if champ.type == "boolean":
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    if champ.nom in {"identifiant", "titre", "page"}:
        field["constraints"] = {"required": True} | ({"unique": True} if champ.nom != "titre" else {})
    return field


def ressource(genre: genres.Genre) -> dict[str, Any]:
    return {
        "name": nom(genre),
        "title": genre.plural,
        "path": f"{nom(genre)}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "header": True},
        "schema": {"fields": [_champ_schema(c) for c in champs(genre)], "primaryKey": ["identifiant"]},
    }


def paquet() -> dict[str, Any]:
    return {
        "profile": "tabular-data-package",
        "name": "commun-centres-sociaux-connectes",
        "title": "Le commun des Centres Sociaux Connectés",
        "description": (
            "Les solutions, fiches d'activité, mots du lexique, rapports, territoires et centres du réseau des "
            "Centres Sociaux Connectés des Hauts-de-France : une ligne par élément. Les contributeurs du lexique "
            "n'y figurent pas."
        ),
        "language": "fr",
        "licenses": [LICENCE],
        "resources": [ressource(genre) for genre in GENRES_PUBLIES],
    }


def fichiers(tables: Tables) -> dict[str, str]:
    """Site path -> content of every file of the open data."""
    files: dict[str, str] = {}
    for genre in GENRES_PUBLIES:
        rows = tables.lignes(genre)
        files[f"{DOSSIER}/{nom(genre)}.csv"] = csv_texte(champs(genre), rows)
        files[f"{DOSSIER}/{nom(genre)}.json"] = json_texte(rows)
    files[PAQUET] = json.dumps(paquet(), ensure_ascii=False, indent=1) + "\n"
    return files
