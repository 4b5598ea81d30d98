"""JSON Schemas of the front-matter of each genre, generated from the modeles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from communs.core.modele import genres, modeles

SCHEMAS_DIR = "content/donnees/schemas"


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, for every genre and for the word requests."""
    result: dict[str, dict[str, Any]] = {}
    for genre in genres.GENRES:
        schema = genre.model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"{genre.label} : en-tête d'un fichier de {genre.folder}/"
        result[f"{genre.name}.schema.json"] = schema
    demandes = TypeAdapter(list[modeles.Demande]).json_schema()
    demandes["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    demandes["title"] = "Demandes de mots : content/lexique/demandes.yml"
    result["demandes.schema.json"] = demandes
    return result


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write(root: Path) -> list[Path]:
    folder = root / SCHEMAS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def stale(root: Path) -> list[str]:
    """Schema files that are missing or differ from the modeles."""
    folder = root / SCHEMAS_DIR
    return [
        f"{SCHEMAS_DIR}/{name}"
        for name, schema in schemas().items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != render(schema)
    ]
