"""The glossary: in the HTML of a solution, an activity sheet or a report, the first occurrence of each lexicon
term (or of one of its variants) links to the term's page and carries its definition in a tooltip.

The tooltip is an element the link names with `aria-describedby`: screen readers read it as the link's
description, and the theme's CSS shows it on hover and on keyboard focus, without JavaScript. Never inside
headings, links, code, buttons or drawings, and never on the term's own page.

Matching, with one regular expression for the whole site: word boundaries; a hyphen may be a space or nothing
(« e-mail », « email »); a final « s » or « x » for plurals; the longest name first (« souris d'ordinateur »
before « souris »). The expression is a tree of the names' common beginnings, letters compared without case
or accents, so that its cost grows slowly with the lexicon. Each match is then checked against the name it
found: an upper-case letter of the lexicon must be upper case in the text (« IA », « Zoom » or « Signal » are not
« ia », « zoom » or « signal »), except the first letter of a term's title; a plain lower-case letter of the
lexicon is never an accented one (« touches » is not « touchés »), while an accented letter of the lexicon may
lose its accent (« Ecran » finds « Écran tactile »).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from communs.core.domaine.lexique import Lexique, cle_de_mot, terme
from communs.core.modele import genres
from communs.core.rendu.gabarits import Gabarits, par_defaut
from communs.core.urls import Urls

GENRES = (genres.PROTOTYPE.name, genres.FICHE.name, genres.RAPPORT.name)
"""The genres of pages the glossary links."""

SKIP = frozenset(
    {
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "code",
        "dl",
        "q",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "svg",
        "button",
        "label",
        "select",
        "textarea",
        "summary",
        "abbr",
        "dfn",
        "th",
        "title",
    }
)
"""Elements whose text is never linked."""

_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_FAMILIES = {
    "a": "aàâäáã",
    "c": "cç",
    "e": "eéèêë",
    "i": "iîïíì",
    "n": "nñ",
    "o": "oôöóò",
    "u": "uùûüú",
    "y": "yÿ",
}
_APOSTROPHE = "(?:'|’|&\\#39;|&\\#x27;|&rsquo;)"
_SEPARATOR = "(?:[-\u2011\\s\u00a0]|&nbsp;)*"
_PLURAL = "(?:s|x)?"
_BEFORE = r"(?<![\w@/.&\-])"
_AFTER = r"(?![\w@\-])"
_END = ""
_WORD_END = re.compile(r"(?![\w@\-])")


def _base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0].lower()


def _letter(char: str) -> str:
    """A letter in any case, with or without accent."""
    family = _FAMILIES.get(_base(char), _base(char))
    return "[" + re.escape(family + family.upper()) + "]"


def atomes(name: str) -> list[str]:
    """The pieces of the expression of one name: one per letter or sign, one for the plural."""
    parts: list[str] = []
    for char in name.strip():
        if char.isalpha():
            parts.append(_letter(char))
        elif char in "'’":
            parts.append(_APOSTROPHE)
        elif char == "-" or char.isspace():
            if parts and parts[-1] != _SEPARATOR:
                parts.append(_SEPARATOR)
        else:
            parts.append(re.escape(char))
    last = name.strip()[-1:]
    if last.isalpha() and last.lower() not in "sxz" and not name.isupper():
        parts.append(_PLURAL)
    return parts


def arbre(names: list[list[str]]) -> str:
    """One expression for all the names, as a tree of their common beginnings: at each character the engine tries
    a few branches instead of every name. A name that goes on is tried before the shorter one it starts with."""
    root: dict[str, dict[str, Any]] = {}
    for pieces in names:
        node = root
        for piece in pieces:
            node = node.setdefault(piece, {})
        node[_END] = {}

    def emit(node: dict[str, Any]) -> str:
        children = sorted((key for key in node if key != _END), key=lambda key: key == _PLURAL)
        branches = [key + emit(node[key]) for key in children]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if _END in node else body

    return emit(root)


def accepte(text: str, name: str, title: bool = False) -> bool:
    """Whether `text`, found by the expression, really is `name`: its upper-case letters, its plain letters."""
    found = [c for c in html.unescape(text) if c.isalpha()]
    wanted = [c for c in name if c.isalpha()]
    if len(found) < len(wanted):
        return False
    for position, (letter, expected) in enumerate(zip(found, wanted, strict=False)):
        if expected.isupper() and not (title and position == 0) and not letter.isupper():
            return False
        if expected.islower() and _base(expected) == expected and letter.islower() and letter != expected:
            return False
    return True


@dataclass(frozen=True)
class Nom:
    texte: str
    titre: bool
    """The term's own title (its first letter in either case), not a variant."""
    slug: str


def _capitale(name: Nom) -> bool:
    """Whether a name is written with capitals of its own (« Wi-Fi », « IA », a variant « Internet »), not only
    because it is a term's title (« Souris »)."""
    return any(c.isupper() for c in name.texte[1:]) or (not name.titre and name.texte[:1].isupper())


@dataclass(frozen=True)
class Definition:
    slug: str
    titre: str
    definition: str
    src_uri: str


@dataclass
class PageLiee:
    html: str
    liens: list[str] = field(default_factory=list)
    """The slugs of the terms linked, in page order."""


class Glossaire:
    """Built once per site from the published terms; `lier` then runs on every page."""

    def __init__(self, lexique: Lexique, exclus: Iterable[str] = (), gabarits: Gabarits | None = None) -> None:
        self.gabarits = gabarits or par_defaut()
        excluded = {cle_de_mot(name) for name in exclus}
        self.entrees: dict[str, Definition] = {}
        self.noms: dict[str, list[Nom]] = {}
        patterns: list[list[str]] = []
        for item in lexique.publies:
            model = terme(item)
            self.entrees[item.slug] = Definition(item.slug, item.title, model.definition, item.src_uri)
            for position, name in enumerate((item.title, *model.variantes)):
                key = cle_de_mot(name)
                if not key or key in excluded:
                    continue
                self.noms.setdefault(key, []).append(Nom(name, position == 0, item.slug))
                patterns.append(atomes(name))
        tree = arbre(patterns)
        self.regex: re.Pattern[str] | None = re.compile(f"{_BEFORE}(?:{tree}){_AFTER}") if tree else None

    def terme_de(self, found: str) -> str | None:
        """The slug of the term a matched text names, if its case and accents agree with one of the names."""
        key = cle_de_mot(html.unescape(found))
        for candidate in (key, key[:-1] if key[-1:] in ("s", "x") else None):
            for name in self.noms.get(candidate or "", []):
                if accepte(found, name.texte, name.titre):
                    return name.slug
        return None

    def lier(self, page_html: str, page_src_uri: str, urls: Urls, sauf: str | None = None) -> PageLiee:
        """Link the first occurrence of each term in `page_html`, the page built from `page_src_uri`."""
        result = PageLiee(page_html)
        if self.regex is None:
            return result
        done: set[str] = {sauf} if sauf else set()
        out: list[str] = []
        open_skips: list[str] = []
        position = 0
        for token in _TOKEN.finditer(page_html):
            text = page_html[position : token.start()]
            out.append(text if open_skips else self._texte(text, page_src_uri, urls, done, result.liens))
            tag = token.group(0)
            out.append(tag)
            position = token.end()
            match = _TAG.match(tag)
            if match is None:
                continue
            name = match.group(2).lower()
            if name not in SKIP:
                continue
            if match.group(1):
                if name in open_skips:
                    del open_skips[len(open_skips) - 1 - open_skips[::-1].index(name)]
            elif not tag.endswith("/>"):
                open_skips.append(name)
        rest = page_html[position:]
        out.append(rest if open_skips else self._texte(rest, page_src_uri, urls, done, result.liens))
        result.html = "".join(out)
        return result

    def _texte(self, text: str, page_src_uri: str, urls: Urls, done: set[str], linked: list[str]) -> str:
        regex = self.regex
        assert regex is not None
        out: list[str] = []
        position = 0
        search_from = 0
        while (match := regex.search(text, search_from)) is not None:
            found = self._trouve(text, match)
            if found is None:
                search_from = match.start() + 1
                continue
            end, slug = found
            if slug not in done:
                done.add(slug)
                linked.append(slug)
                url = urls.lien(page_src_uri, self.entrees[slug].src_uri)
                out += [text[position : match.start()], self.balise(self.entrees[slug], text[match.start() : end], url)]
                position = end
            search_from = end
        out.append(text[position:])
        return "".join(out)

    def _trouve(self, text: str, match: re.Match[str]) -> tuple[int, str] | None:
        """(end, slug) of the longest name that really starts at `match`: when the longest text found is refused
        (« Clavier AZERTY » written « clavier AZERTY »), a shorter one may be a name (« clavier »)."""
        regex = self.regex
        assert regex is not None
        if self._nom_propre(text, match.start()):
            return None
        slug = self.terme_de(match.group(0))
        if slug is not None:
            return match.end(), slug
        for end in range(match.end() - 1, match.start(), -1):
            if not (text[end - 1].isalnum() and _WORD_END.match(text, end)):
                continue
            shorter = regex.fullmatch(text, match.start(), end)
            slug = self.terme_de(shorter.group(0)) if shorter else None
            if slug is not None:
                return end, slug
        return None

    def _nom_propre(self, text: str, start: int) -> bool:
        """Whether the word at `start` belongs to a proper name, a title or a brand (« Les Bons Clics », « Mon Espace
        Santé »): it starts with a capital and so does the word before it; then a lower-case term is not meant."""
        if not text[start : start + 1].isupper():
            return False
        before = text[:start].rstrip()
        previous = re.search(r"(\w[\w'’-]*)$", before)
        if previous is None or len(before) == start or not previous.group(1)[0].isupper():
            return False
        opening = before[: previous.start()].rstrip()
        if not opening or opening[-1] in '.!?:;«"(>':
            return False  # « Un Écran… » opens a sentence: the capital says nothing
        key = cle_de_mot(html.unescape(text[start:].split(" ", 1)[0]))
        names = self.noms.get(key, []) + self.noms.get(key[:-1], [])
        return not any(_capitale(name) for name in names)

    def balise(self, entree: Definition, text: str, url: str) -> str:
        """The link and its tooltip (`glossaire.html`); `text` is already HTML of the page."""
        return self.gabarits.rendre(
            "glossaire.html", href=url, slug=entree.slug, texte=Markup(text), titre=entree.titre, definition=entree.definition
        )
