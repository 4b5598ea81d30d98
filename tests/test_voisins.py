"""The previous and next items of an item's page are a decision of the core (communs.core.pages.voisins): the order of
its catalogue, by title as a reader sorts it (accents and case aside), with the way back to the catalogue."""

from __future__ import annotations

from pathlib import Path

from communs.core.modele.suggestions import fold
from communs.core.site import Site
from communs.core.urls import Urls

from .conftest import SITES, build_site


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


def test_the_mkdocs_build_shows_the_same_neighbours_below_the_page(tmp_path: Path) -> None:
    """MkDocs shows the core's previous/next links too, below the article (its text stays the Pelican build's) and
    once: Material's own footer links, in the order of its menu, stay off (no `navigation.footer`)."""
    built = build_site(SITES / "lexique", tmp_path / "site")
    assert not built.failed, built.log
    pages = sorted((tmp_path / "site" / "lexique").glob("*/index.html"))
    shown = [p for p in pages if '<nav class="communs-voisins"' in p.read_text(encoding="utf-8")]
    assert len(shown) > 3
    for path in shown:
        page = path.read_text(encoding="utf-8")
        assert page.count('<nav class="communs-voisins"') == 1
        assert "md-footer__link" not in page, "one footer of neighbours, not Material's as well"
        article = page.split('class="md-content__inner', 1)[1].split("</article>", 1)[0]
        assert "communs-voisins" not in article, "below the article, as in the Pelican theme"
