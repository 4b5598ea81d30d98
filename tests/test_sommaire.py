"""The table of contents reads the same headings whether the parser reads the whole fragment or, in simple HTML, only
each heading: the short way is checked against the long one on every kind of tricky fragment."""

from __future__ import annotations

import random

import pytest
from communs.core.rendu import sommaire as module
from communs.core.rendu.sommaire import Titre, sommaire

PIECES = (
    '<h2 id="a">',
    '<H2 ID="b">',
    "<h3 id=c>",
    "<h2>",
    "</h2>",
    "</H2>",
    "</h3>",
    "</h2 >",
    '<h2 id="x"/>',
    "texte",
    " &amp; ",
    "&eacute;",
    '<a href="x">',
    "</a>",
    "<code>",
    "</code>",
    '<img alt="<h2 id=z>">',
    "<img alt='a>b'>",
    "<!-- <h2 id=q>c</h2> -->",
    "<script>",
    "</script>",
    '<script src="a"></script>',
    "<p>",
    "</p>",
    " < ",
    " > ",
    "<h2\xa0id=n>",
    "<h22 id=m>",
    '<h4 id="d" class="x">',
    "</h4>",
    "<br/>",
    "<textarea>",
    "</textarea>",
    "<title>",
    "</title>",
    '"',
    "'",
    '<h2 id="">',
    "<h2 id=e id=f>",
    "&",
    "<style></style>",
    "<h6 id=g>",
    "</h6>",
)


def _en_entier(html: str) -> list[Titre]:
    lecteur = module._Lecteur()
    lecteur.feed(html)
    lecteur.close()
    return lecteur.trouves


def test_the_short_way_finds_what_the_whole_reading_finds() -> None:
    hasard = random.Random(15)
    courts = 0
    for _ in range(20_000):
        html = "".join(hasard.choice(PIECES) for _ in range(hasard.randint(1, 12)))
        found = module._titres_seuls(html)
        if found is not None:
            courts += 1
            assert found == _en_entier(html), html
    assert courts > 1_000  # the short way is taken often enough for the comparison to mean something


@pytest.mark.parametrize(
    "html",
    [
        '<p>Avant</p><h2 id="ou">Où <em>elle</em> fonctionne</h2><ul><li><a href="x/">X</a></li></ul><h3 id="d">Détails</h3>',
        '<h2 id="a">A</h2><script src="s.js" defer></script><h2 id="b">B &amp; C</h2>',
    ],
)
def test_simple_fragments_take_the_short_way(html: str) -> None:
    assert module._titres_seuls(html) == _en_entier(html)
    assert module._titres_seuls(html) is not None


def test_unsimple_fragments_are_read_whole() -> None:
    for html in ('<img alt="<h2 id=z>">', "<!-- <h2 id=q>c</h2> -->", '<h2 id="a">a<h3 id="b">b</h3></h2>', "<script>x</script>"):
        assert module._titres_seuls(html) is None
    assert [t.ancre for t in sommaire('<h2 id="a">a<h3 id="b">b</h3></h2><!-- x -->')] == ["b"]
