"""Walk a validated model and yield every value that carries a Vocab or Ref marker, with its path."""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from communs.core.modele.frontmatter import Path_
from communs.core.modele.modeles import Ref, Vocab

Marker = Vocab | Ref


def marked_values(model: BaseModel, path: Path_ = ()) -> Iterator[tuple[Path_, Marker, str]]:
    fields = type(model).model_fields
    for name in _marked_fields(type(model)):
        info = fields[name]
        value = getattr(model, name)
        if value is None:
            continue
        yield from _walk(value, info.annotation, tuple(info.metadata), (*path, name))


def _walk(value: Any, annotation: Any, metadata: tuple[Any, ...], path: Path_) -> Iterator[tuple[Path_, Marker, str]]:
    for meta in metadata:
        if isinstance(meta, (Vocab, Ref)) and isinstance(value, str):
            yield path, meta, value
    if isinstance(value, BaseModel):
        yield from marked_values(value, path)
        return
    origin, args = _forme(annotation)
    if origin is typing.Annotated:
        yield from _walk(value, args[0], tuple(args[1:]), path)
    elif origin in (typing.Union, types.UnionType):
        for arg in args:
            if arg is not type(None) and _accepts(arg, value):
                yield from _walk(value, arg, (), path)
                return
    elif origin is list and isinstance(value, list) and args:
        for index, item in enumerate(value):
            yield from _walk(item, args[0], (), (*path, index))


_FORMES: dict[int, tuple[Any, Any, tuple[Any, ...]]] = {}
"""id of an annotation -> (the annotation, kept alive so that its id is never reused, its origin, its arguments)."""


def _forme(annotation: Any) -> tuple[Any, tuple[Any, ...]]:
    """`typing.get_origin` and `typing.get_args` of an annotation, asked once per annotation of the models."""
    known = _FORMES.get(id(annotation))
    if known is None:
        known = _FORMES[id(annotation)] = (annotation, typing.get_origin(annotation), typing.get_args(annotation))
    return known[1], known[2]


@functools.cache
def _marked_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `cls` that can hold a marked value: the others are never walked."""
    return tuple(name for name, info in cls.model_fields.items() if _may_hold(info.annotation, tuple(info.metadata)))


def _may_hold(annotation: Any, metadata: tuple[Any, ...]) -> bool:
    if any(isinstance(meta, (Vocab, Ref)) for meta in metadata):
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return bool(_marked_fields(annotation))
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _may_hold(args[0], tuple(args[1:]))
    return any(_may_hold(arg, ()) for arg in args)


def _accepts(annotation: Any, value: Any) -> bool:
    base = annotation
    while typing.get_origin(base) is typing.Annotated:
        base = typing.get_args(base)[0]
    origin = typing.get_origin(base) or base
    return isinstance(origin, type) and isinstance(value, origin)
