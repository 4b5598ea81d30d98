"""The options of the `communs` plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


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
