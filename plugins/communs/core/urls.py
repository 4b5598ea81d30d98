"""The URL policy: where the page built from a source file lives in the site, and the link from one page to another.

An engine hands the core one `Urls` object: the core never assumes an engine's scheme and never writes a link for an
engine to rewrite. A page is named by its source path relative to the content root (« centres/x.md »); that name is
stable whatever the engine, and the policy turns it into the site path and into relative links.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Urls:
    repertoires: bool = True
    """« centres/x/ » (a folder with its index.html) when true, « centres/x.html » otherwise (offline copy)."""

    def page(self, src_uri: str) -> str:
        """The site path of the page built from `src_uri`: « centres/x/ », « centres/x.html », « » for the home."""
        return _page(src_uri, self.repertoires)

    def fichier(self, src_uri: str) -> str:
        """The path of the HTML file written for `src_uri`, relative to the site's folder."""
        path = self.page(src_uri)
        return path + "index.html" if path.endswith("/") or not path else path

    def lien(self, de: str, vers: str, ancre: str = "") -> str:
        """A relative link from the page built from `de` to the page built from `vers`, optionally to an anchor."""
        rel = _relatif(_cible(vers, self.repertoires), _depart(de, self.repertoires))
        if self.repertoires and not rel.endswith("/"):
            rel += "/"
        if rel in {"./", "."}:
            rel = "./"
        return rel + (f"#{ancre}" if ancre else "")

    def statique(self, de: str, chemin: str) -> str:
        """A relative link from the page built from `de` to a file of the site (« assets/javascripts/x.js »)."""
        return _statique(chemin, _base(self.page(de)).rstrip("/") or ".")

    def absolue(self, site_url: str | None, src_uri: str) -> str | None:
        """The full address of a page, when the site's address is known."""
        if not site_url:
            return None
        return site_url.rstrip("/") + "/" + self.page(src_uri)


_MEMOIRE = 1 << 16
"""Paths remembered by the functions below: a site's pages are each asked for hundreds of times (every link to them)."""


@lru_cache(maxsize=_MEMOIRE)
def _page(src_uri: str, repertoires: bool) -> str:
    stem, _ = posixpath.splitext(src_uri)
    if not repertoires:
        return stem + ".html"
    if posixpath.basename(stem) == "index":
        parent = posixpath.dirname(stem)
        return parent + "/" if parent else ""
    return stem + "/"


@lru_cache(maxsize=_MEMOIRE)
def _base(page: str) -> str:
    """The folder a page's relative links start from."""
    return page if page.endswith("/") or not page else posixpath.dirname(page) + "/"


@lru_cache(maxsize=_MEMOIRE)
def _morceaux(chemin: str) -> tuple[str, ...]:
    return tuple(part for part in chemin.split("/") if part and part != ".")


@lru_cache(maxsize=_MEMOIRE)
def _cible(src_uri: str, repertoires: bool) -> tuple[str, ...]:
    """The parts of the site path of the page built from `src_uri`, where links to it lead."""
    return _morceaux(_page(src_uri, repertoires))


@lru_cache(maxsize=_MEMOIRE)
def _depart(src_uri: str, repertoires: bool) -> tuple[str, ...]:
    """The parts of the folder the links of the page built from `src_uri` start from."""
    return _morceaux(_base(_page(src_uri, repertoires)))


@lru_cache(maxsize=_MEMOIRE)
def _statique(chemin: str, dossier: str) -> str:
    return posixpath.relpath(chemin, dossier)


def _relatif(to: tuple[str, ...], start: tuple[str, ...]) -> str:
    """`posixpath.relpath` between two of the site's own relative paths (no « .. » in them), given as their parts,
    without asking the system for the current folder at each of the hundred thousand links of a large site."""
    common, most = 0, min(len(to), len(start))
    while common < most and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + list(to[common:])) or "."


_NOT_WORD = re.compile(r"[^\w\s-]")
_SEPARATORS = re.compile(r"[-\s]+")


def ancre(titre: str) -> str:
    """The anchor of a heading: ASCII letters and digits in lower case, words joined by hyphens (« fiches-dactivite »),
    the scheme of Python-Markdown's `toc` extension, so that a heading keeps its anchor whoever renders it."""
    text = unicodedata.normalize("NFKD", html.unescape(titre)).encode("ascii", "ignore").decode("ascii")
    return _SEPARATORS.sub("-", _NOT_WORD.sub("", text).strip().lower())
