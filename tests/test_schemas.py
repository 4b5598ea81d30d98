"""JSON Schemas are generated from the models and shipped up to date; templates match the models."""

from __future__ import annotations

import json

import pytest
import yaml
from communs.core import kinds, schemas, vocabulary

from .conftest import REPO


def test_shipped_schemas_are_up_to_date() -> None:
    assert schemas.stale(REPO) == [], "lancez « make schemas »"


def test_schemas_carry_vocabularies_and_references() -> None:
    prototype = json.loads((REPO / schemas.SCHEMAS_DIR / "prototype.schema.json").read_text(encoding="utf-8"))
    assert prototype["additionalProperties"] is False
    assert set(prototype["required"]) == {"titre", "resume", "statut", "domaines"}
    assert prototype["anyOf"] == [{"required": ["sources"]}, {"required": ["propose_par"]}]
    assert prototype["properties"]["statut"]["enum"] == list(vocabulary.default()["statuts"])
    assert "Déployé" in prototype["properties"]["statut"]["markdownEnumDescriptions"]
    territoire = prototype["properties"]["territoire"]["anyOf"][0]
    assert territoire["x-reference"] == ["territoire"]


@pytest.mark.parametrize("kind", kinds.KINDS, ids=[k.name for k in kinds.KINDS])
def test_each_kind_has_a_template_with_every_field(kind: kinds.Kind) -> None:
    text = (REPO / kinds.TEMPLATES_DIR / kind.template).read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert list(front) == list(kind.model.model_fields)
    for section in kind.sections:
        assert f"## {section}" in text
