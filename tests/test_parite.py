"""Pelican builds the commons as MkDocs does: the same page addresses, the same main text of each page, the same search
files byte for byte, the same diagnostics (tests/parite.py says what is compared). Pelican runs in its own environment
(.venv-pelican), through `communs.adapters.pelican.construire`."""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import CAS_INVALIDES, REPO, SITES, Build, build_pelican, build_site
from .parite import diagnostics, differences, pages

BUILDS: dict[str, tuple[Path, str, bool]] = {
    "contenu": (REPO, "mkdocs.yml", False),
    "hors-ligne": (REPO, "mkdocs-hors-ligne.yml", True),
    **{name: (SITES / name, "mkdocs.yml", False) for name in ("lexique", "mini", "recherche", "territoires")},
}


def _both(name: str, tmp: Path) -> tuple[Build, Build]:
    project, config, fichiers = BUILDS[name]
    mkdocs = build_site(project, tmp / "mkdocs", config_name=config)
    pelican = build_pelican(project, tmp / "pelican", fichiers=fichiers)
    assert not mkdocs.failed, mkdocs.log
    assert not pelican.failed, pelican.log
    assert not (mkdocs.site / "pelican").exists(), "MkDocs publishes none of the Pelican theme's files (themes/pelican/)"
    return mkdocs, pelican


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_pelican_builds_the_same_pages_with_the_same_text(name: str, tmp_path: Path) -> None:
    mkdocs, pelican = _both(name, tmp_path)
    assert pages(mkdocs.site) == pages(pelican.site)
    assert len(pages(pelican.site)) > 5
    changed = differences(mkdocs.site, pelican.site)
    assert not changed, "\n".join(f"== {page}\n{diff[:1500]}" for page, diff in list(changed.items())[:3])
    search = sorted(p.relative_to(mkdocs.site) for p in (mkdocs.site / "recherche").rglob("*") if p.is_file())
    assert search, "no search file"
    for path in search:
        assert (pelican.site / path).read_bytes() == (mkdocs.site / path).read_bytes(), path


def test_pelican_stops_on_the_same_diagnostics(tmp_path: Path) -> None:
    mkdocs = build_site(CAS_INVALIDES, tmp_path / "mkdocs")
    pelican = build_pelican(CAS_INVALIDES, tmp_path / "pelican")
    assert mkdocs.failed and pelican.failed
    expected = diagnostics(mkdocs.log)
    assert len(expected) > 30
    assert diagnostics(pelican.log) == expected
    assert not (tmp_path / "pelican" / "index.html").exists(), "a failed build writes no page"


def test_a_pelican_rebuild_reads_only_the_edited_file(tmp_path: Path) -> None:
    """Pelican's content cache: after one edit, the new text is there and the other pages are unchanged."""
    from .conftest import copy_project

    project = copy_project(SITES / "mini", tmp_path / "projet")
    first = build_pelican(project, tmp_path / "site")
    assert not first.failed, first.log
    assert any((tmp_path / "site.cache").iterdir()), "no content cache"
    source = next((project / "prototypes").glob("[!i]*.md"))
    source.write_text(source.read_text(encoding="utf-8") + "\nUne phrase ajoutée après coup.\n", encoding="utf-8")
    second = build_pelican(project, tmp_path / "site")
    assert not second.failed, second.log
    page = tmp_path / "site" / "prototypes" / source.stem / "index.html"
    assert "Une phrase ajoutée après coup." in page.read_text(encoding="utf-8")


def _ids(page: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', page))


def test_pelican_pages_have_a_table_of_contents_and_their_neighbours(tmp_path: Path) -> None:
    """Each page lists its sections (« Sur cette page », as Material's table of contents); each item's page links to
    the previous and next items of its catalogue, whose order the core decides, and back to the catalogue."""
    built = build_pelican(SITES / "lexique", tmp_path / "site")
    assert not built.failed, built.log
    site = tmp_path / "site"
    with_toc = 0
    for path in site.rglob("index.html"):
        page = path.read_text(encoding="utf-8")
        toc = page.split('<nav class="sommaire"', 1)[1].split("</nav>", 1)[0] if 'class="sommaire"' in page else ""
        anchors = re.findall(r'href="#([^"]+)"', toc)
        assert set(anchors) <= _ids(page), path
        with_toc += bool(anchors)
    assert with_toc > 3
    terms = [p.parent.name for p in sorted((site / "lexique").glob("*/index.html"))]
    nav = '<nav class="communs-voisins"'
    pages = [t for t in terms if nav in (site / "lexique" / t / "index.html").read_text(encoding="utf-8")]
    first = [t for t in pages if 'rel="prev"' not in (site / "lexique" / t / "index.html").read_text(encoding="utf-8")]
    assert len(first) == 1, first
    walked, current = [], first[0]
    while current:
        walked.append(current)
        page = (site / "lexique" / current / "index.html").read_text(encoding="utf-8")
        nav = page.split('<nav class="communs-voisins"', 1)[1].split("</nav>", 1)[0]
        assert 'href="../"' in nav, "the way back to the catalogue"
        found = re.search(r'<a href="\.\./([^/"]+)/" rel="next">', nav)
        current = found.group(1) if found else ""
        if current:
            back = (site / "lexique" / current / "index.html").read_text(encoding="utf-8")
            assert f'<a href="../{walked[-1]}/" rel="prev">' in back
    assert len(walked) == len(pages) > 3, "one chain through every term, from the first to the last"


def _lire(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        text: str = response.read().decode("utf-8")
    return text


def _jusqu_a(condition: Callable[[], bool], what: str, delai: float = 300) -> None:
    """Waits for `condition` (a build on a shared machine): a bound so that a broken server fails, not a timing."""
    limit = time.monotonic() + delai
    while True:
        try:
            if condition():
                return
        except OSError:
            pass
        assert time.monotonic() < limit, what
        time.sleep(0.5)


def test_the_served_pelican_site_reloads_itself_after_an_edit(tmp_path: Path) -> None:
    """`make serve-pelican`: the served pages name the live reload script (the built site never does), the server says
    the number of its last build, and after an edit it rebuilds, the number changes and the page has the new text."""
    from .conftest import PELICAN_PYTHON, copy_project

    project = copy_project(SITES / "mini", tmp_path / "projet")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    command = [str(PELICAN_PYTHON), "-m", "communs.adapters.pelican.construire", str(project), str(tmp_path / "site")]
    command += ["--servir", str(port), "--reglages", "{}"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _jusqu_a(lambda: _lire(base + "/__communs/version") == "1", "the server answers after its first build")
        source = next((project / "prototypes").glob("[!i]*.md"))
        page = f"{base}/prototypes/{source.stem}/"
        assert '<script src="/__communs/rechargement.js"></script>' in _lire(page)
        assert "/__communs/version" in _lire(base + "/__communs/rechargement.js")
        assert _lire(base + "/__communs/version?connue=0") == "1", "a page that knows an older build learns it at once"
        source.write_text(source.read_text(encoding="utf-8") + "\nUne phrase ajoutée pendant le service.\n", encoding="utf-8")
        _jusqu_a(lambda: _lire(base + "/__communs/version") != "1", "another build after the edit")
        assert "Une phrase ajoutée pendant le service." in _lire(page)
    finally:
        server.terminate()
        server.wait(timeout=60)
    built = build_pelican(project, tmp_path / "construit")
    assert not built.failed, built.log
    assert all("rechargement" not in p.read_text(encoding="utf-8") for p in (tmp_path / "construit").rglob("*.html"))


def test_pelican_writes_the_sitemap_and_canonical_links_of_the_mkdocs_build(tmp_path: Path) -> None:
    """With the site's address set, both builds write sitemap.xml with the same page addresses and give each page the
    same `<link rel="canonical">`; every page has a link back to its top. Without the address, no sitemap."""
    mkdocs, pelican = _both("lexique", tmp_path)
    locs = [
        set(re.findall(r"<loc>([^<]+)</loc>", (b.site / "sitemap.xml").read_text(encoding="utf-8"))) for b in (mkdocs, pelican)
    ]
    redirections = {path for path in locs[0] if 'http-equiv="refresh"' in mkdocs.page(path.split("/", 3)[3].rstrip("/") or ".")}
    assert len(locs[1]) > 10
    assert locs[1] == locs[0] - redirections, "the same addresses, redirections aside"
    for page in ("", "lexique/"):
        canonical = [re.findall(r'<link rel="canonical" href="([^"]+)"', b.page(page or ".")) for b in (mkdocs, pelican)]
        assert canonical[0] == canonical[1] == [f"https://communs.exemple.fr/{page}"]
    assert '<a href="#top">Haut de page</a>' in pelican.page("lexique")
    assert not (build_pelican(SITES / "mini", tmp_path / "sans-adresse").site / "sitemap.xml").exists()
