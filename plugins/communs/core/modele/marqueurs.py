"""Walk a validated model and list every value that carries a Vocab or Ref marker, with its path."""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from communs.core.modele.frontmatter import Path_
from communs.core.modele.modeles import Ref, Vocab

Marker = Vocab | Ref


Found = list[tuple[Path_, Marker, str]]
Walker = Callable[[Any, Path_, Found], None]
"""Adds to its third argument what a value (the first, at the path given second) holds."""


def marked_values(model: BaseModel, path: Path_ = ()) -> Found:
    found: Found = []
    _model(model, path, found)
    return found


def _model(model: BaseModel, path: Path_, found: Found) -> None:
    for name, walker in _plan(type(model)):
        value = getattr(model, name)
        if value is not None:
            walker(value, (*path, name), found)


@functools.cache
def _plan(cls: type[BaseModel]) -> tuple[tuple[str, Walker], ...]:
    """The walker of each field of `cls` that can hold a marked value, made once per model class: the annotations
    are read here, not again for every value of thousands of files."""
    fields = cls.model_fields
    return tuple((name, _walker(fields[name].annotation, tuple(fields[name].metadata))) for name in _marked_fields(cls))


def _walker(annotation: Any, metadata: tuple[Any, ...]) -> Walker:
    """What walking a value of `annotation` finds: the markers of `metadata` when the value is a text, the marked
    values of a model, of the first type of a union that accepts it, of the items of a list."""
    markers = tuple(meta for meta in metadata if isinstance(meta, (Vocab, Ref)))
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    inner: Walker | None = None
    branches: tuple[tuple[type | None, Walker], ...] = ()
    if origin is typing.Annotated:
        inner = _walker(args[0], tuple(args[1:]))
    elif origin in (typing.Union, types.UnionType):
        branches = tuple((_type(arg), _walker(arg, ())) for arg in args if arg is not type(None))
    elif origin is list and args:
        element = _walker(args[0], ())

        def items(value: Any, path: Path_, found: Found) -> None:
            if isinstance(value, list):
                for index, item in enumerate(value):
                    element(item, (*path, index), found)

        inner = items

    leaf = inner is None and not branches

    def walk(value: Any, path: Path_, found: Found) -> None:
        if isinstance(value, str):  # most values: asked first, a text is no model
            if markers:
                found.extend((path, meta, value) for meta in markers)
            if leaf:
                return
        elif isinstance(value, BaseModel):
            _model(value, path, found)
            return
        if inner is not None:
            inner(value, path, found)
        else:
            for accepted, branch in branches:
                if accepted is not None and isinstance(value, accepted):
                    branch(value, path, found)
                    return

    return walk


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


def _type(annotation: Any) -> type | None:
    """The type whose values a union's member `annotation` accepts (None: no type to test)."""
    base = annotation
    while typing.get_origin(base) is typing.Annotated:
        base = typing.get_args(base)[0]
    origin = typing.get_origin(base) or base
    return origin if isinstance(origin, type) else None
