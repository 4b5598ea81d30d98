"""JSON Schemas are generated from the models and shipped up to date; templates match the modeles."""

from __future__ import annotations

import json

import pytest
import yaml
from communs.core.modele import genres, schemas, vocabulaires

from .conftest import REPO


def test_shipped_schemas_are_up_to_date() -> None:
    assert schemas.stale(REPO) == [], "lancez « make schemas »"


def test_schemas_carry_vocabularies_and_references() -> None:
    prototype = json.loads((REPO / schemas.SCHEMAS_DIR / "prototype.schema.json").read_text(encoding="utf-8"))
    assert prototype["additionalProperties"] is False
    assert set(prototype["required"]) == {"titre", "ajoute_le", "resume", "statut", "domaines"}
    assert prototype["anyOf"] == [{"required": ["sources"]}, {"required": ["propose_par"]}]
    assert prototype["properties"]["statut"]["enum"] == list(vocabulaires.default()["statuts"])
    assert "Déployé" in prototype["properties"]["statut"]["markdownEnumDescriptions"]
    territoire = prototype["properties"]["territoire"]["anyOf"][0]
    assert territoire["x-reference"] == ["territoire"]


@pytest.mark.parametrize("genre", genres.GENRES, ids=[k.name for k in genres.GENRES])
def test_each_kind_has_a_template_with_every_field(genre: genres.Genre) -> None:
    text = (REPO / genres.TEMPLATES_DIR / genre.template).read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert list(front) == list(genre.model.model_fields)
    for section in genre.sections:
        assert f"## {section}" in text
