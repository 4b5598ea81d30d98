"""The fields of a rejected front-matter that are still valid, so that every check can run on them.

When the model rejects a file (a required field missing, a misspelled key), its vocabularies and
references are still checked on the fields that were read: the contributor sees every error at once.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

M = typing.TypeVar("M", bound=BaseModel)


@functools.cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    annotation: Any = info.annotation
    if info.metadata:
        annotation = typing.Annotated[(annotation, *info.metadata)]
    return TypeAdapter(annotation)


def modele_partiel(data: Any, model: type[M]) -> M | None:
    """A model holding each field of `data` that validates on its own; the others are None (never validated)."""
    if not isinstance(data, dict):
        return None
    values: dict[str, Any] = {}
    for name in model.model_fields:
        if name in data:
            try:
                values[name] = _adapter(model, name).validate_python(data[name])
                continue
            except ValidationError:
                values[name] = _partielle(model.model_fields[name].annotation, data[name])
                continue
        values[name] = None
    return model.model_construct(**values)


def _modele(annotation: Any) -> type[BaseModel] | None:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        found = [m for arg in typing.get_args(annotation) if (m := _modele(arg)) is not None]
        return found[0] if len(found) == 1 else None
    return None


def _partielle(annotation: Any, value: Any) -> Any:
    """A rejected value made of blocks (a block, a list of blocks): each block kept, whole or partial."""
    sub = _modele(annotation)
    if sub is not None:
        return modele_partiel(value, sub)
    if typing.get_origin(annotation) is list and isinstance(value, list):
        (element,) = typing.get_args(annotation) or (None,)
        sub = _modele(element)
        if sub is not None:
            return [_bloc(sub, block) for block in value if isinstance(block, dict)]
    return None


def _bloc(model: type[BaseModel], block: dict[str, Any]) -> BaseModel | None:
    try:
        return model.model_validate(block)
    except ValidationError:
        return modele_partiel(block, model)
