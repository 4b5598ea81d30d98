"""What a build makes from every front-matter at once (the plan of generated pages, their tables of contents, the open
data), kept by the process for its next build: `mkdocs serve` rebuilds after an edit of a text below its front-matter
without making them again. The key says all they are made of; a new key forgets the previous build."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from communs.core.modele.projet import Project

_T = TypeVar("_T")
_MEMOIRE: dict[str, Any] = {}
_SEULS: dict[str, tuple[str, Any]] = {}
"""Name -> (its own key, what was made under it): one value per name, whatever the key of the build."""


def cle(project: Project, empreinte_: str, reglages: object, gabarits: Path | None, *autres: object) -> str:
    """Every front-matter and file (`empreinte_`: `Site.empreinte`), the other pages' whole texts (the home page), the
    settings and the theme's templates."""
    digest = hashlib.sha256(f"{empreinte_}{project.root}{reglages}{autres}".encode())
    for doc in project.pages:
        digest.update(doc.text.encode())
    for path in sorted(gabarits.rglob("*")) if gabarits is not None and gabarits.is_dir() else []:
        digest.update(f"{path}:{path.stat().st_mtime_ns}".encode())
    return digest.hexdigest()


def garder(cle_: str, nom: str, faire: Callable[[], _T]) -> _T:
    """`faire()`, or what it gave at the previous build of this process under the same key."""
    if _MEMOIRE.get("cle") != cle_:
        _MEMOIRE.clear()
        _MEMOIRE["cle"] = cle_
    if nom not in _MEMOIRE:
        _MEMOIRE[nom] = faire()
    return cast(_T, _MEMOIRE[nom])


def garder_seul(nom: str, cle_: str, faire: Callable[[], _T]) -> _T:
    """`faire()`, or what it gave the last time `nom` was made under the key `cle_`; only that last one is kept. For
    what depends on less than the whole build's key (the search files: the texts' headings but not their sentences)."""
    known = _SEULS.get(nom)
    if known is None or known[0] != cle_:
        _SEULS[nom] = known = (cle_, faire())
    return cast(_T, known[1])


def empreinte_de(*valeurs: object) -> str:
    """A digest of values whose `repr` says all they hold (frozen dataclasses, strings, lists of them)."""
    return hashlib.sha256(repr(valeurs).encode()).hexdigest()
