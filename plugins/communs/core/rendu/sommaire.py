"""The table of contents of an HTML fragment the core rendered: its headings with an anchor, nested by level."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_HEADINGS = {f"h{n}": n for n in range(1, 7)}


@dataclass
class Titre:
    niveau: int
    ancre: str
    texte: str
    enfants: list[Titre] = field(default_factory=list)


class _Lecteur(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.trouves: list[Titre] = []
        self._courant: Titre | None = None
        self._texte: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id")
        if tag in _HEADINGS and ident:
            self._courant, self._texte = Titre(_HEADINGS[tag], ident, ""), []

    def handle_endtag(self, tag: str) -> None:
        if self._courant is not None and tag == f"h{self._courant.niveau}":
            self._courant.texte = " ".join("".join(self._texte).split())
            self.trouves.append(self._courant)
            self._courant = None

    def handle_data(self, data: str) -> None:
        if self._courant is not None:
            self._texte.append(data)


def _sans_dessins(html: str) -> str:
    """`html` without the drawings of the core's maps (`<svg>…</svg>`, never nested): they hold no heading, and their
    thousands of points would be most of what the parser reads."""
    out: list[str] = []
    start = 0
    while (begin := html.find("<svg", start)) >= 0 and (end := html.find("</svg>", begin)) >= 0:
        out.append(html[start:begin])
        start = end + len("</svg>")
    out.append(html[start:])
    return "".join(out)


def sommaire(html: str, hors: frozenset[str] = frozenset()) -> list[Titre]:
    """Headings of `html` that have an anchor, except those in `hors`; a heading holds the deeper ones that follow."""
    lecteur = _Lecteur()
    lecteur.feed(_sans_dessins(html))
    lecteur.close()
    racine: list[Titre] = []
    pile: list[Titre] = []
    for titre in lecteur.trouves:
        if titre.ancre in hors:
            continue
        while pile and pile[-1].niveau >= titre.niveau:
            pile.pop()
        (pile[-1].enfants if pile else racine).append(titre)
        pile.append(titre)
    return racine
