"""The previous and next items of an item's page are a decision of the core (communs.core.pages.voisins): the order of
its catalogue, by title as a reader sorts it (accents and case aside), with the way back to the catalogue."""

from __future__ import annotations

from communs.core.modele.suggestions import fold
from communs.core.site import Site
from communs.core.urls import Urls

from .conftest import SITES


def test_neighbours_follow_the_catalogue_order_by_title() -> None:
    site = Site(SITES / "lexique", Urls(repertoires=True))
    terms = sorted((i for i in site.projet.of_genre("terme") if i.model is not None), key=lambda i: fold(i.title))
    assert len(terms) > 3
    for position, item in enumerate(terms):
        liens = site.voisins.liens(item.src_uri)
        assert liens is not None
        before = liens["precedent"]
        after = liens["suivant"]
        assert (before.texte if before else None) == (terms[position - 1].title if position else None)
        assert (after.texte if after else None) == (terms[position + 1].title if position + 1 < len(terms) else None)
        assert liens["catalogue"] is not None and liens["catalogue"].href == "../"
    html = site.voisins.html(terms[1].src_uri)
    assert 'rel="prev"' in html and 'rel="next"' in html and 'aria-label="Pages voisines"' in html
    assert site.voisins.liens("index.md") is None and site.voisins.html("index.md") == ""
