"""Light pages at scale (issue 15), on a generated corpus built by MkDocs: no HTML page over 30 KB, every map's
background is one file of the site that exists, and every page, centres and words of the lexicon included, is
reachable from the home page by plain links (no JavaScript)."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from communs.core.rendu import carte

from .conftest import Build, build_site
from .test_corpus import corpus

LIMITE = 30 * 1024
TAILLE = 600
"""Items of the corpus: enough for maps of many centres, a directory of several pages and long territory pages."""


@pytest.fixture(scope="module")
def grand(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("legeres") / "communs"
    corpus.generate(root, TAILLE)
    built = build_site(root, root / "site")
    assert not built.failed, built.log
    return built


class _Liens(HTMLParser):
    """The addresses of a page's links (<a href>) and of its maps' backgrounds (<image href>)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.liens: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if href and tag == "a":
            self.liens.append(href)
        elif href and tag == "image":
            self.images.append(href)


def _lire(page: Path) -> _Liens:
    parser = _Liens()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _cible(site: Path, page: Path, href: str) -> Path | None:
    """The HTML file a relative link leads to, or None for a link out of the site, an anchor or another file."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    relative = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), unquote(parts.path)))
    target = site / relative
    if href.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.suffix == ".html" and target.is_file() else None


def test_no_page_is_over_30_kb(grand: Build) -> None:
    sizes = {p.relative_to(grand.site).as_posix(): p.stat().st_size for p in grand.site.rglob("*.html")}
    heavy = {page: size // 1024 for page, size in sizes.items() if size > LIMITE}
    assert heavy == {}, "territory overviews included: their sub-territories' counts are one table"


def test_every_page_is_reachable_by_plain_links(grand: Build) -> None:
    """From the home page, following <a href> only: every centre, territory, solution, sheet, word and report."""
    site = grand.site
    seen = {site / "index.html"}
    todo = [site / "index.html"]
    while todo:
        page = todo.pop()
        for href in _lire(page).liens:
            target = _cible(site, page, href)
            if target is not None and target not in seen:
                seen.add(target)
                todo.append(target)
    everything = {p for p in site.rglob("*.html") if p.name == "index.html" and p.parent != site / "404"}
    unreached = sorted(p.relative_to(site).as_posix() for p in everything - seen if "admin" not in p.parts)
    assert unreached == []


def test_maps_show_their_background_from_one_shared_file(grand: Build) -> None:
    """Each map names its background by a relative address that exists; pages of the same projection share it."""
    site, uses = grand.site, 0
    for page in site.rglob("*.html"):
        for href in _lire(page).images:
            target = (page.parent / href).resolve()
            assert target.is_file() and target.parent == (site / carte.DOSSIER).resolve(), (page, href)
            uses += 1
    files = list((site / carte.DOSSIER).glob("*.svg"))
    assert uses > len(files) > 0, "backgrounds are shared"
