"""The Jinja templates of the core: every HTML fragment the core produces is one of them, rendered from plain data.

The templates ship with the package (`rendu/templates/`); a theme overrides any of them by putting a file of the same
name in its own folder (for MkDocs: `themes/communs/`). Escaping is automatic: front-matter text is text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, Template
from jinja2.ext import Extension

from communs.core.urls import ancre


def _pluriel(count: int, un: str, plusieurs: str) -> str:
    return f"{count} {un if count == 1 else plusieurs}"


class SansRetrait(Extension):
    """Drops the indentation at the start of each line of a template's source, before Jinja reads it: a theme's
    templates (Material's navigation, table of contents, header) are indented for their authors, and that indentation
    was 5 to 10 % of every page. Only spaces and tabs after a line break go: the HTML is the same, word for word.
    (No template of the site has a <pre> or <textarea>, where leading spaces would count.)"""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return "\n".join(line.lstrip(" \t") for line in source.split("\n"))


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
        self._modeles: dict[str, Template] = {}
        """The templates this build has used: Jinja's own lookup asks the disk whether each file changed, at each
        of the tens of thousands of fragments of a large site."""

    def rendre(self, nom: str, /, **donnees: Any) -> str:
        modele = self._modeles.get(nom)
        if modele is None:
            modele = self._modeles[nom] = self.env.get_template(nom)
        return modele.render(**donnees)

    def nouvelle_construction(self) -> Gabarits:
        """A new build starts: each template is looked up again once (Jinja reloads one whose file changed)."""
        self._modeles.clear()
        return self


@cache
def pour(surcharges: Path | None) -> Gabarits:
    """The templates of a theme's folder, compiled once per process (Jinja still reloads a template whose file
    changed): `mkdocs serve` makes a new site at each rebuild, which calls `nouvelle_construction`."""
    return Gabarits(surcharges)


@cache
def par_defaut() -> Gabarits:
    """The core's own templates, without a theme (tests, the CLI, a centre's site)."""
    return Gabarits()
