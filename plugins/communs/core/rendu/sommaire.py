"""The table of contents of an HTML fragment the core rendered: its headings with an anchor, nested by level."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_SIMPLE = re.compile(r"""[^<]*(?:</?[a-zA-Z][^<>"']*(?:(?:"[^<>"]*"|'[^<>']*')[^<>"']*)*>[^<]*)*""")
"""HTML where every « < » opens a tag, no tag holds « < » or « > » (quoted or not), and quotes are paired: there, a
tag ends at the first « > » after its « < », as the parser reads it."""
_TEXTE_BRUT = re.compile(
    r"<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)(?:[\t\n\r\f /][^>]*)?>(?!</\1>)", re.I
)
"""An element whose content is text, not tags, for a parser of some Python version or other; but an empty one (a
`<script src=…></script>`)."""
_DEBUT = re.compile(r"<h([1-6])(?=[\t\n\r\f />])", re.I)
_FIN = {n: re.compile(rf"</h{n}(?:[\t\n\r\f /][^>]*)?>", re.I) for n in "123456"}
_TITRE_NU = re.compile(r'<h([1-6]) id="([^"&]+)">([^<&]*)</h\1>')
"""A heading as the core's templates write it, its text without tag nor entity: what the parser would read of it is
its level, its anchor and its text as they stand."""


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


def _titres_seuls(html: str) -> list[Titre] | None:
    """The headings of simple HTML (`_SIMPLE`, without text elements), the parser reading only each heading from its
    start tag to its end tag: what it reads elsewhere would change nothing, since only a heading's text is kept; None
    when the HTML is not that simple or its headings overlap, for the parser to read it all."""
    if _SIMPLE.fullmatch(html) is None or _TEXTE_BRUT.search(html):
        return None
    lecteur = _Lecteur()
    starts = list(_DEBUT.finditer(html))
    for index, start in enumerate(starts):
        end = _FIN[start.group(1)].search(html, start.end())
        if end is None or (index + 1 < len(starts) and starts[index + 1].start() < end.end()):
            return None
        if nu := _TITRE_NU.fullmatch(html, start.start(), end.end()):
            lecteur.trouves.append(Titre(int(nu.group(1)), nu.group(2), " ".join(nu.group(3).split())))
            continue
        lecteur.feed(html[start.start() : end.end()])
        if lecteur._courant is not None or lecteur.rawdata:
            return None
    lecteur.close()
    return lecteur.trouves


def _titres(html: str) -> list[Titre]:
    found = _titres_seuls(html)
    if found is not None:
        return found
    lecteur = _Lecteur()
    lecteur.feed(html)
    lecteur.close()
    return lecteur.trouves


def sommaire(html: str, hors: frozenset[str] = frozenset()) -> list[Titre]:
    """Headings of `html` that have an anchor, except those in `hors`; a heading holds the deeper ones that follow."""
    racine: list[Titre] = []
    pile: list[Titre] = []
    for titre in _titres(_sans_dessins(html)):
        if titre.ancre in hors:
            continue
        while pile and pile[-1].niveau >= titre.niveau:
            pile.pop()
        (pile[-1].enfants if pile else racine).append(titre)
        pile.append(titre)
    return racine
