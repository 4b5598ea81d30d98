"""The Jinja templates of the core: every HTML fragment the core produces is one of them, rendered from plain data.

The templates ship with the package (`rendu/templates/`); a theme overrides any of them by putting a file of the same
name in its own folder (for MkDocs: `themes/communs/`). Escaping is automatic: front-matter text is text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

from communs.core.urls import ancre


def _pluriel(count: int, un: str, plusieurs: str) -> str:
    return f"{count} {un if count == 1 else plusieurs}"


class Gabarits:
    """The template environment of one build: the theme's folder first, then the core's templates."""

    def __init__(self, surcharges: Path | None = None) -> None:
        loaders: list[Any] = []
        if surcharges is not None and surcharges.is_dir():
            loaders.append(FileSystemLoader(str(surcharges)))
        loaders.append(PackageLoader("communs.core.rendu", "templates"))
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters["pluriel"] = _pluriel
        self.env.filters["ancre"] = ancre

    def rendre(self, nom: str, /, **donnees: Any) -> str:
        return self.env.get_template(nom).render(**donnees)


@cache
def pour(surcharges: Path | None) -> Gabarits:
    """The templates of a theme's folder, compiled once per process (Jinja still reloads a template whose file
    changed): `mkdocs serve` makes a new site at each rebuild."""
    return Gabarits(surcharges)


@cache
def par_defaut() -> Gabarits:
    """The core's own templates, without a theme (tests, the CLI, a centre's site)."""
    return Gabarits()
