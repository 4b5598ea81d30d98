"""Clean rendered HTML against an allowlist with nh3 (Ammonia), and say what was removed.

`nettoyer` is engine-free: HTML in, cleaned HTML and the list of removals out. Removals are found by
comparing, tag by tag and attribute by attribute, what the input holds with what the sanitizer kept.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

ETIQUETTES: frozenset[str] = frozenset(
    {
        *("a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del"),
        *("details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("hr", "i", "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "samp", "section"),
        *("small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead"),
        *("time", "tr", "u", "ul", "var", "wbr"),
    }
)
"""What Markdown and the commons' own page parts produce; nothing that loads, embeds or sends."""

ATTRIBUTS: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir", "role", "aria-label", "aria-labelledby", "aria-hidden"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "details": {"open"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}

SCHEMAS: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})
"""Addresses allowed besides relative ones, checked by the sanitizer after entity decoding and folding."""

SCHEMAS_DANGEREUX = frozenset({"javascript", "vbscript", "data", "livescript", "mocha"})
ADRESSES = frozenset({"href", "src", "cite"})
EXECUTABLES = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "form"}
    | {"svg", "math", "style", "template", "noscript", "input", "button", "textarea", "select", "portal"}
)
"""Tags that run, load, embed or send something: their removal is reported as dangerous HTML."""

COMMENTAIRE = "!--"
"""The name given to a removed comment that hid markup."""


@dataclass(frozen=True)
class Retrait:
    """One thing the sanitizer removed. `indices` are texts to look for in the source to find its line."""

    etiquette: str
    attribut: str = ""
    valeur: str = ""
    evenement: bool = False
    """A removed tag that carried an « on… » attribute (<body onload>, <marquee onstart>)."""

    @property
    def schema(self) -> str:
        """The scheme the browser would read: without blanks or control characters, in lower case."""
        folded = "".join(char for char in self.valeur if ord(char) > 0x20).lower()
        return folded.split(":", 1)[0] if ":" in folded else ""

    @property
    def dangereux(self) -> bool:
        if self.adresse:
            return self.schema in SCHEMAS_DANGEREUX
        if self.attribut:
            return self.attribut.startswith("on") or self.attribut in {"style", "srcdoc"}
        return self.evenement or self.etiquette in EXECUTABLES

    @property
    def adresse(self) -> bool:
        return self.attribut in ADRESSES

    def decrire(self) -> str:
        if self.adresse:
            return f"l'adresse « {_court(self.valeur)} » dans <{self.etiquette} {self.attribut}>"
        if self.attribut.startswith("on"):
            return f"l'attribut « {self.attribut} » (on…=) de <{self.etiquette}>, qui exécute du code"
        if self.attribut:
            return f"l'attribut « {self.attribut} » de <{self.etiquette}>"
        if self.etiquette == COMMENTAIRE:
            return "un commentaire HTML <!-- … --> qui contient des balises"
        return f"la balise <{self.etiquette}>"

    @property
    def secours(self) -> tuple[str, ...]:
        """Texts to look for when `indices` are not found (an address written with entities)."""
        return (f"{self.attribut}=", "](", "]:") if self.adresse else ()

    @property
    def indices(self) -> tuple[str, ...]:
        if self.adresse:
            tail = self.valeur.rsplit(":", 1)[-1].strip()
            return tuple(text for text in (self.valeur.strip(), tail) if len(text) >= 3) or (self.attribut,)
        if self.attribut:
            return (self.attribut,)
        return ("<" + self.etiquette,)


@dataclass(frozen=True)
class Nettoyage:
    html: str
    retraits: list[Retrait]


def _court(text: str) -> str:
    shown = text.replace("\t", "␉").replace("\n", "␤")
    return shown if len(shown) <= 60 else shown[:57] + "…"


class _Releve(HTMLParser):
    """Counts start tags and (tag, attribute) pairs; the first value seen of each pair is kept for the message."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.etiquettes: Counter[str] = Counter()
        self.attributs: Counter[tuple[str, str]] = Counter()
        self.valeurs: dict[tuple[str, str], str] = {}
        self.commentaires = 0
        """Comments that hide markup (« <!--[if IE]><script>… »): the sanitizer drops every comment."""

    def handle_comment(self, data: str) -> None:
        if "<" in data:
            self.commentaires += 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.etiquettes[tag] += 1
        for name, value in attrs:
            self.attributs[(tag, name)] += 1
            self.valeurs.setdefault((tag, name), value or "")


def relever(html: str) -> _Releve:
    releve = _Releve()
    releve.feed(html)
    releve.close()
    return releve


PROFONDEUR_MAX = 200
"""HTML5 tree building costs the depth of the open elements at each tag: deeper input is refused, not parsed."""

_VIDES = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class _Profondeur(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VIDES:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag: str) -> None:
        self.depth = max(0, self.depth - 1)


def trop_profond(html: str) -> bool:
    """Whether `html` opens more than PROFONDEUR_MAX elements inside each other (one linear pass)."""
    if html.count("<") <= PROFONDEUR_MAX:
        return False
    parser = _Profondeur()
    parser.feed(html)
    parser.close()
    return parser.deepest > PROFONDEUR_MAX


def _filtre(element: str, attribute: str, value: str) -> str | None:
    """An image comes from the site itself: any address with a scheme or a host would be a foreign request."""
    if element == "img" and attribute == "src":
        folded = "".join(char for char in value if ord(char) > 0x20)
        if folded.startswith("//") or ":" in folded.split("/", 1)[0]:
            return None
    return value


def nettoyer(html: str) -> Nettoyage:
    """The HTML with only allowed tags, attributes and addresses; and what was taken away."""
    propre = nh3.clean(
        html,
        tags=set(ETIQUETTES),
        attributes=ATTRIBUTS,
        url_schemes=set(SCHEMAS),
        link_rel=None,
        strip_comments=True,
        attribute_filter=_filtre,
    )
    if propre == html:
        return Nettoyage(propre, [])
    avant, apres = relever(html), relever(propre)
    retraits: list[Retrait] = []
    for tag, count in avant.etiquettes.items():
        if apres.etiquettes[tag] < count:
            evenement = any(name.startswith("on") for (owner, name) in avant.attributs if owner == tag)
            retraits.append(Retrait(tag, evenement=evenement))
    if avant.commentaires:
        retraits.append(Retrait(COMMENTAIRE))
    for (tag, name), count in avant.attributs.items():
        if tag in ETIQUETTES and apres.attributs[(tag, name)] < count:
            retraits.append(Retrait(tag, name, avant.valeurs[(tag, name)]))
    return Nettoyage(propre, retraits)
