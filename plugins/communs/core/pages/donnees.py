"""The plain data a page is made of, shared by every page builder: links, lines of text and links, generated pages.

Nothing here is HTML: the templates of `rendu/templates/` turn these into markup, and any engine can read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Lien:
    texte: str
    href: str


@dataclass(frozen=True)
class Fort:
    """Text set apart (a figure's value)."""

    texte: str


Morceau = Lien | Fort | str
"""A piece of a line: plain text, a link or strong text."""
Ligne = list[Morceau]
"""A line of a list: « [Titre](…) — porteur [Centre](…) » as pieces."""


@dataclass(frozen=True)
class Meta:
    """What a page asks of the engine's theme, in the core's words (the adapter maps them to its own keys)."""

    catalogue: bool = False
    """The page holds a catalogue with facets: its script is needed."""
    imprimable: bool = False
    """A page made for paper: no navigation, no table of contents."""
    recherche: bool = True
    """Whether the engine's own search may index it."""
    redirection: str | None = None
    """A relative address the page leads to at once (an alias of a territory)."""


@dataclass
class PageGeneree:
    """A page that has no source file of its own (a catalogue, the lexicon's index), or that replaces one."""

    src_uri: str
    titre: str
    html: str
    meta: Meta = field(default_factory=Meta)
    hors_sommaire: frozenset[str] = frozenset()
    """Anchors of headings left out of the page's table of contents (the letters of the lexicon)."""
