"""The controlled vocabularies (domaines, publics, statuts…), each value with its French label."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import yaml

Vocabularies = dict[str, dict[str, str]]


def load(path: Path | None = None) -> Vocabularies:
    """Load a vocabulary file; without a path, the one shipped with the package."""
    if path is None:
        return default()
    return _parse(path.read_text(encoding="utf-8"))


@cache
def default() -> Vocabularies:
    text = resources.files("communs").joinpath("data/vocabulaires.yml").read_text(encoding="utf-8")
    return _parse(text)


def _parse(text: str) -> Vocabularies:
    data = yaml.safe_load(text) or {}
    return {str(name): {str(k): str(v) for k, v in values.items()} for name, values in data.items()}


def label(vocabularies: Vocabularies, name: str, value: str) -> str:
    return vocabularies.get(name, {}).get(value, value)
