"""The glossary: in the HTML of a solution, an activity sheet or a report, the first occurrence of each lexicon
term (or of one of its variants) links to the term's page and carries its definition in a tooltip.

The tooltip is an element the link names with `aria-describedby`: screen readers read it as the link's
description, and the theme's CSS shows it on hover and on keyboard focus, without JavaScript. Never inside
headings, links, code, buttons or drawings, and never on the term's own page.

Matching, for the whole site in one regular expression: word boundaries; an accented letter of the lexicon also
matches its plain and capital forms (« Ecran » finds « Écran tactile »); a lower-case letter of the lexicon
matches either case, an upper-case letter only upper case (« IA », « Zoom » or « Signal » do not match common
words), except the first letter of a term's title; a hyphen may be a space or nothing (« e-mail », « email »);
a final « s » or « x » for plurals; the longest name first (« mot de passe » before « passe »).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import kinds
from .lexique import Lexique, cle, terme
from .texte import href

GENRES = (kinds.PROTOTYPE.name, kinds.FICHE.name, kinds.RAPPORT.name)
"""The kinds of pages the glossary links."""

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
_SPACE = "(?:\\s|&nbsp;|\u00a0)+"
_HYPHEN = "[-\u2011\\s]?"
_BEFORE = r"(?<![\w@/.&\-])"
_AFTER = r"(?![\w@\-])"


def _base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0].lower()


def _letter(char: str, any_case: bool) -> str:
    """An accented letter also matches its plain and capital forms (« É », « E »); a plain lower-case letter never
    matches an accented lower-case one (« touches » is not « touchés »); an upper-case letter only upper case."""
    base = _base(char)
    family = _FAMILIES.get(base, base)
    upper = family.upper()
    if char.isupper() and not any_case:
        return "[" + re.escape(upper) + "]"
    lower = family if char.lower() != base else base
    return "[" + re.escape(lower + upper) + "]"


def motif(name: str, title: bool = False) -> str:
    """The regular expression of one name of a term; `title` for the term's own title (first letter any case)."""
    parts: list[str] = []
    for position, char in enumerate(name.strip()):
        if char.isalpha():
            parts.append(_letter(char, title and position == 0))
        elif char in "'’":
            parts.append(_APOSTROPHE)
        elif char == "-":
            parts.append(_HYPHEN)
        elif char.isspace():
            if parts and parts[-1] != _SPACE:
                parts.append(_SPACE)
        else:
            parts.append(re.escape(char))
    last = name.strip()[-1:]
    acronym = name.isupper()
    if last.isalpha() and last.lower() not in "sxz" and not acronym:
        parts.append("(?:s|x)?")
    return "".join(parts)


@dataclass(frozen=True)
class Entree:
    slug: str
    titre: str
    definition: str
    src_uri: str


@dataclass
class Resultat:
    html: str
    liens: list[str] = field(default_factory=list)
    """The slugs of the terms linked, in page order."""


class Glossaire:
    """Built once per site from the published terms; `lier` then runs on every page."""

    def __init__(self, lexique: Lexique, exclus: Iterable[str] = ()) -> None:
        excluded = {cle(name) for name in exclus}
        self.entrees: dict[str, Entree] = {}
        self.noms: dict[str, str] = {}
        patterns: list[tuple[int, str]] = []
        for item in lexique.publies:
            model = terme(item)
            self.entrees[item.slug] = Entree(item.slug, item.title, model.definition, item.src_uri)
            for position, name in enumerate((item.title, *model.variantes)):
                key = cle(name)
                if not key or key in excluded or key in self.noms:
                    continue
                self.noms[key] = item.slug
                patterns.append((len(name), motif(name, title=position == 0)))
        patterns.sort(key=lambda pair: -pair[0])
        alternatives = "|".join(dict.fromkeys(p for _, p in patterns))
        self.regex: re.Pattern[str] | None = re.compile(f"{_BEFORE}(?:{alternatives}){_AFTER}") if alternatives else None

    def terme_de(self, found: str) -> str | None:
        """The slug of the term a matched text names."""
        key = cle(html.unescape(found))
        if key in self.noms:
            return self.noms[key]
        if key[-1:] in ("s", "x"):
            return self.noms.get(key[:-1])
        return None

    def lier(self, page_html: str, page_src_uri: str, directory_urls: bool = True, sauf: str | None = None) -> Resultat:
        """Link the first occurrence of each term in `page_html`, the page built from `page_src_uri`."""
        result = Resultat(page_html)
        if self.regex is None:
            return result
        done: set[str] = {sauf} if sauf else set()
        out: list[str] = []
        open_skips: list[str] = []
        position = 0
        for token in _TOKEN.finditer(page_html):
            text = page_html[position : token.start()]
            out.append(text if open_skips else self._texte(text, page_src_uri, directory_urls, done, result.liens))
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
        out.append(rest if open_skips else self._texte(rest, page_src_uri, directory_urls, done, result.liens))
        result.html = "".join(out)
        return result

    def _texte(self, text: str, page_src_uri: str, directory_urls: bool, done: set[str], linked: list[str]) -> str:
        assert self.regex is not None
        if not text.strip():
            return text

        def replace(match: re.Match[str]) -> str:
            slug = self.terme_de(match.group(0))
            if slug is None or slug in done:
                return match.group(0)
            done.add(slug)
            linked.append(slug)
            return self.balise(self.entrees[slug], match.group(0), href(page_src_uri, self.entrees[slug].src_uri, directory_urls))

        return self.regex.sub(replace, text)

    @staticmethod
    def balise(entree: Entree, text: str, url: str) -> str:
        """The link and its tooltip. The tooltip is left out of the search index (data-search-exclude)."""
        ident = f"glossaire-{entree.slug}"
        title, definition = html.escape(entree.titre, quote=False), html.escape(entree.definition, quote=False)
        return (
            f'<span class="communs-glossaire"><a href="{html.escape(url)}" aria-describedby="{ident}">{text}</a>'
            f'<span class="communs-glossaire__bulle" id="{ident}" role="tooltip" data-search-exclude>'
            f"<strong>{title}</strong> : {definition}</span></span>"
        )
