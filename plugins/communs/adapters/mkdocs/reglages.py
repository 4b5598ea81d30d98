"""The options of the `communs` plugin in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig

from communs.adapters.mkdocs import peuplement
from communs.core.contribution.depot import Depot
from communs.core.site import Reglages


class CommunsConfig(Config):  # type: ignore[no-untyped-call]
    vocabulaires = c.Optional(c.File(exists=True))
    """Another vocabulary file than the one shipped with the package (for tests)."""
    glossaire = c.Type(bool, default=True)
    """In solutions, sheets and reports, link the first occurrence of each lexicon term, with its definition."""
    glossaire_exclus = c.ListOfItems(c.Type(str), default=[])
    """Names of terms or variants never linked by the glossary (common words with another meaning)."""
    editeur = c.Type(bool, default=False)
    """Publish the web editor (Decap CMS) at admin/, its configuration generated from the models."""
    editeur_auth = c.Optional(c.Type(str))
    """Address of the sign-in service of the editor's GitHub backend (the fédération's OAuth relay)."""


def reglages(options: CommunsConfig, config: MkDocsConfig) -> Reglages:
    """The façade's settings from the plugin's options and the site's configuration."""
    theme_dir = config.theme.custom_dir
    return Reglages(
        vocabulaires=Path(options.vocabulaires) if options.vocabulaires else None,
        glossaire=options.glossaire,
        glossaire_exclus=tuple(options.glossaire_exclus),
        site_url=config.site_url,
        depot=Depot.depuis(config.repo_url, config.edit_uri),
        gabarits=Path(theme_dir) / "communs" if theme_dir else None,
        editeur=options.editeur,
        editeur_auth=options.editeur_auth,
        memoriser=not peuplement.une_fois(),
    )
