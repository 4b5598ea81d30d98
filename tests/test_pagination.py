"""Long catalogues split into light pages (core/pages/pagination.py), on a generated corpus built by MkDocs: every item
is listed once across the pages, every page is reachable through plain links, and no catalogue page passes 30 KB."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from communs.core.modele import genres
from communs.core.pages import pagination
from communs.core.pages.filtres import FILTRABLES

from .conftest import Build, build_site
from .test_corpus import corpus

LIMITE = 30 * 1024
_CARTE = re.compile(r'<p class="communs-carte__titre"><a href="([^"]+)">')
_SUIVANTE = re.compile(r'<a href="([^"]+)" rel="next">')


@pytest.fixture(scope="module")
def grand(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("pagination") / "communs"
    corpus.generate(root, 400)
    built = build_site(root, root / "site")
    assert not built.failed, built.log
    return built


def _pages(built: Build, genre: genres.Genre) -> list[Path]:
    """The pages of a catalogue, followed from the first one by their « Page suivante » links."""
    page = built.site / genre.url_prefix / "index.html"
    found = [page]
    while match := _SUIVANTE.search(page.read_text(encoding="utf-8")):
        page = (page.parent / match.group(1) / "index.html").resolve()
        assert page not in found
        found.append(page)
    return found


def _donnees(built: Build, nom: str) -> object:
    text = (built.site / pagination.DOSSIER / f"{nom}.js").read_text(encoding="utf-8")
    return json.loads(text.split("]=", 1)[1].rstrip().rstrip(";"))


@pytest.mark.parametrize("genre", FILTRABLES, ids=lambda g: g.name)
def test_split_catalogue_lists_every_item_once_across_its_pages(grand: Build, genre: genres.Genre) -> None:
    pages = _pages(grand, genre)
    assert len(pages) > 3, "a corpus of 400 items gives several pages per catalogue"
    linked: list[Path] = []
    for page in pages:
        for href in _CARTE.findall(page.read_text(encoding="utf-8")):
            linked.append((page.parent / href).resolve())
    expected = {(grand.site / genre.url_prefix / Path(p).stem).resolve() for p in (grand.site.parent / genre.folder).glob("*.md")}
    assert len(linked) == len(set(linked)), "no item twice"
    assert set(linked) == expected, "every item, reachable without JavaScript"
    every = sorted((grand.site / genre.url_prefix / "pages").glob("*/index.html"))
    assert len(every) == len(pages) - 1, "the « next » links reach every page"


@pytest.mark.parametrize("genre", FILTRABLES, ids=lambda g: g.name)
def test_the_data_file_places_every_item_on_its_page(grand: Build, genre: genres.Genre) -> None:
    data = _donnees(grand, genre.name)
    cards = _donnees(grand, f"{genre.name}-cartes")
    assert isinstance(data, dict) and isinstance(cards, list)
    pages = _pages(grand, genre)
    assert len(data["elements"]) == len(cards) == sum(len(_CARTE.findall(p.read_text(encoding="utf-8"))) for p in pages)
    for number, page in enumerate(pages, 1):
        placed = [card for card, e in zip(cards, data["elements"], strict=True) if e[1] == number]
        here = [href.rstrip("/").rsplit("/", 1)[-1] for card in placed for href in _CARTE.findall(card)]
        shown = [href.rstrip("/").rsplit("/", 1)[-1] for href in _CARTE.findall(page.read_text(encoding="utf-8"))]
        assert here == shown
    assert '<form class="communs-filtres"' in data["formulaire"], "the form of facets comes with the data"


def test_no_catalogue_page_over_30_kb(grand: Build) -> None:
    for genre in FILTRABLES:
        for page in _pages(grand, genre):
            assert page.stat().st_size <= LIMITE, page
