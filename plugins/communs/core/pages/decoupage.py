"""A long list split into light pages of results, each linked to the others by plain links (`_pages.html`): the
directory of centres, the lexicon's lists, the reports. The same design as the catalogues with facets
(`pagination.py`), without the facets: the first page keeps its address, the next ones are « …/pages/N/ », and every
entry is on exactly one page, in the list's order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from communs.core.urls import Urls

_T = TypeVar("_T")

OCTETS_PAR_PAGE = 14_000
"""Bytes of entries per page: with the theme and the page's head around them, a page stays under 30 KB of HTML."""
VOISINES = 2
"""Pages named on each side of the current one (the first and the last are always named)."""


def src_uri(premiere: str, numero: int) -> str:
    """The source name of the page `numero` (from 1) of the list whose first page is `premiere` (« centres/index.md »
    → « centres/pages/2.md »)."""
    if numero == 1:
        return premiere
    folder = premiere.rsplit("/", 1)[0] if premiere.endswith("/index.md") else premiere.removesuffix(".md")
    return f"{folder}/pages/{numero}.md"


def groupes(tailles: Sequence[int], octets: int = OCTETS_PAR_PAGE) -> list[range]:
    """Consecutive entries, as many per page as fit in `octets` (at least one a page, one page at least)."""
    groups: list[range] = []
    start, size = 0, 0
    for index, bytes_ in enumerate(tailles):
        if index > start and size + bytes_ > octets:
            groups.append(range(start, index))
            start, size = index, 0
        size += bytes_
    groups.append(range(start, len(tailles)))
    return groups


def liens(premiere: str, numero: int, total: int, urls: Urls) -> list[dict[str, Any]]:
    """Previous, the first page, the neighbours of the current one, the last page, next; « … » for a gap."""
    here = src_uri(premiere, numero)
    shown = sorted({1, total, *range(max(1, numero - VOISINES), min(total, numero + VOISINES) + 1)})
    out: list[dict[str, Any]] = []
    if numero > 1:
        out.append({"texte": "Page précédente", "href": urls.lien(here, src_uri(premiere, numero - 1)), "rel": "prev"})
    previous = 0
    for page in shown:
        if page > previous + 1:
            out.append({"texte": "…", "href": None, "rel": None})
        href = None if page == numero else urls.lien(here, src_uri(premiere, page))
        out.append({"texte": str(page), "href": href, "rel": None})
        previous = page
    if numero < total:
        out.append({"texte": "Page suivante", "href": urls.lien(here, src_uri(premiere, numero + 1)), "rel": "next"})
    return out


@dataclass(frozen=True)
class Tranche:
    """One page of a split list: its source name, its number, how many pages, its entries and its links."""

    src_uri: str
    numero: int
    total: int
    debut: int
    """The rank (from 0) of its first entry in the whole list."""
    liens: list[dict[str, Any]]


def decouper(
    premiere: str, entrees: Sequence[_T], taille: Callable[[_T], int], urls: Urls, octets: int = OCTETS_PAR_PAGE
) -> list[tuple[Tranche, list[_T]]]:
    """The pages of `entrees` (in order), each with the entries it shows; `taille` estimates an entry's bytes."""
    groups = groupes([taille(entry) for entry in entrees], octets)
    total = len(groups)
    return [
        (
            Tranche(src_uri(premiere, n), n, total, group.start, liens(premiere, n, total, urls) if total > 1 else []),
            [entrees[i] for i in group],
        )
        for n, group in enumerate(groups, 1)
    ]
