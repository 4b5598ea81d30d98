"""`communs site-centre`: a centre's own one-page site, from the commons' data, with its news and their Atom feed.

The command runs in Pelican's environment (.venv-pelican has feedgen); the news used here are test fixtures
(tests/fixtures/actualites/): the shipped content has none."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import PELICAN_PYTHON, REPO, build_pelican, build_site, copy_project

FIXTURES = REPO / "tests" / "fixtures" / "actualites"
CENTRE = "centre-social-la-busette"
ATOM = "{http://www.w3.org/2005/Atom}"
COMPLEMENTS = """horaires:
  - jours: Lundi au vendredi
    heures: 9 h – 12 h, 14 h – 18 h
  - jours: Samedi
    heures: 9 h – 12 h
logo:
  fichier: images/logo-test.png
  alt: Logo de test du centre
"""


def site_centre(racine: Path, sortie: Path, *args: str, depot: bool = True) -> subprocess.CompletedProcess[str]:
    if not PELICAN_PYTHON.is_file():
        pytest.fail("« make test » crée .venv-pelican (requirements-pelican.txt).")
    command = [str(PELICAN_PYTHON), "-m", "communs", "site-centre", *args, "--racine", str(racine), "--sortie", str(sortie)]
    env = {k: v for k, v in os.environ.items() if k not in ("COMMUNS_SITE_URL", "COMMUNS_DEPOT_URL")}
    if depot:
        env["COMMUNS_DEPOT_URL"] = "https://github.com/centres-sociaux-connectes/communs"
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=300, env=env)


@pytest.fixture(scope="module")
def projet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, the test news added, the centre given opening hours and a logo."""
    root = copy_project(REPO, tmp_path_factory.mktemp("centre") / "projet")
    shutil.copytree(FIXTURES, root / "content" / "actualites")
    centre = root / "content" / "centres" / f"{CENTRE}.md"
    text = centre.read_text(encoding="utf-8")
    assert "horaires:" not in text and "logo:" not in text
    centre.write_text(text.replace("---\n", "---\n" + COMPLEMENTS, 1), encoding="utf-8")
    (root / "content" / "centres" / "images").mkdir()
    shutil.copyfile(FIXTURES / "images" / "atelier-photo.png", root / "content" / "centres" / "images" / "logo-test.png")
    (root / "node_modules").symlink_to(REPO / "node_modules")  # the web editor's package, for the commons' build
    return root


@pytest.fixture(scope="module")
def site(projet: Path) -> Path:
    sortie = projet.parent / "site-du-centre"
    result = site_centre(projet, sortie, CENTRE)
    assert result.returncode == 0, result.stderr
    return sortie


def test_the_centre_site_is_one_page_with_its_facts_and_news(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    for expected in ("Centre Social La Busette", "Lundi au vendredi", "9 h – 12 h, 14 h – 18 h", "Logo de test du centre"):
        assert expected in html
    assert html.index("Un atelier pour retoucher ses photos") < html.index("Une permanence pour les démarches en ligne")
    assert '<time datetime="2026-03-12">12 mars 2026</time>' in html
    assert "communs-carte-svg" in html
    assert (site / "images" / "logo-test.png").is_file()
    assert (site / "actualites" / "images" / "atelier-photo.png").is_file()
    assert (site / "style.css").is_file()


def test_links_are_relative_or_lead_back_to_the_commons(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'(?:href|src)="([^"]+)"', html)
    assert not [link for link in links if link.startswith("/")], "no absolute path: the folder works anywhere"
    back = [link for link in links if "centres-sociaux-connectes/communs" in link]
    assert any(link.endswith("/prototypes/le-numerique-a-mon-service.md") for link in back), back
    assert "<script" not in html and " style=" not in html


def test_the_atom_feed_lists_the_news_by_their_own_dates(site: Path, projet: Path, tmp_path: Path) -> None:
    feed = ET.parse(site / "actualites.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Un atelier pour retoucher ses photos",
        "Une permanence pour les démarches en ligne",
    ]
    assert feed.findtext(f"{ATOM}updated") == "2026-03-12T00:00:00+00:00"
    assert [e.findtext(f"{ATOM}published") for e in entries] == ["2026-03-12T00:00:00+00:00", "2026-01-08T00:00:00+00:00"]
    again = site_centre(projet, tmp_path / "encore", CENTRE)
    assert again.returncode == 0, again.stderr
    for name in ("index.html", "actualites.xml"):
        assert (tmp_path / "encore" / name).read_bytes() == (site / name).read_bytes(), f"{name} depends on the clock"


def test_an_unknown_centre_or_a_bad_news_item_is_reported_in_french(projet: Path, tmp_path: Path) -> None:
    unknown = site_centre(projet, tmp_path / "x", "centre-social-la-busete")
    assert unknown.returncode == 2
    assert "Vouliez-vous dire « centre-social-la-busette » ?" in unknown.stderr
    broken = copy_project(projet, tmp_path / "casse")
    news = broken / "content" / "actualites" / "permanence-demarches-busette.md"
    news.write_text(news.read_text(encoding="utf-8").replace("date: 2026-01-08", "date: 2026-02-30"), encoding="utf-8")
    failed = site_centre(broken, tmp_path / "y", CENTRE)
    assert failed.returncode == 1
    assert "content/actualites/permanence-demarches-busette.md:3: erreur CSC" in failed.stderr
    assert not (tmp_path / "y" / "index.html").exists()


def test_the_commons_shows_the_news_on_the_centre_page(projet: Path, tmp_path: Path) -> None:
    built = build_site(projet, tmp_path / "commun")
    assert not built.failed, built.log
    page = built.page(f"centres/{CENTRE}")
    assert 'id="actualites-du-centre"' in page
    assert "../../actualites/atelier-photo-numerique-busette/" in page
    news = built.page("actualites/atelier-photo-numerique-busette")
    assert "Un atelier pour retoucher ses photos" in news


def _liens_vers_le_commun(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"<a\s(?![^>]*href=\"[^\"]+\")", html), "every link has an address"
    return [h for h in re.findall(r'<a [^>]*href="([^"]+)"', html) if not h.startswith(("#", "tel:", "actualites.xml"))]


def test_without_an_address_the_links_lead_to_the_offline_copy_of_the_commons(projet: Path, tmp_path: Path) -> None:
    """`make site-centre` on a computer that knows neither the commons' address nor its repository: the offline copy
    built at the repository's root (make hors-ligne-pelican) is where the links lead, by relative addresses that
    open its pages; with an address, the links lead there; with nothing at all, the command says how to get links."""
    texte = site_centre(projet, tmp_path / "texte", CENTRE, depot=False)
    assert texte.returncode == 0, texte.stderr
    assert "Les liens vers le commun restent du texte" in texte.stderr
    assert 'href=""' not in (tmp_path / "texte" / "index.html").read_text(encoding="utf-8")
    copie = build_pelican(projet, projet / "hors-ligne-pelican", fichiers=True)
    try:
        assert not copie.failed, copie.log
        sortie = projet / "sites-centres" / CENTRE
        made = site_centre(projet, sortie, CENTRE, depot=False)
        assert made.returncode == 0, made.stderr
        liens = _liens_vers_le_commun(sortie / "index.html")
        vers_le_commun = [h for h in liens if h.startswith("../../hors-ligne-pelican/")]
        assert len(vers_le_commun) > 5, liens
        assert "../../hors-ligne-pelican/prototypes/le-numerique-a-mon-service.html" in vers_le_commun
        for lien in vers_le_commun:
            assert (sortie / lien.split("#", 1)[0]).resolve().is_file(), lien
        publie = site_centre(projet, tmp_path / "publie", CENTRE, "--commun", "https://exemple.org/commun/", depot=False)
        assert publie.returncode == 0, publie.stderr
        liens = _liens_vers_le_commun(tmp_path / "publie" / "index.html")
        assert "https://exemple.org/commun/prototypes/le-numerique-a-mon-service/" in liens
        assert not [h for h in liens if h.startswith("../")]
    finally:
        shutil.rmtree(projet / "hors-ligne-pelican", ignore_errors=True)
        shutil.rmtree(projet / "hors-ligne-pelican.cache", ignore_errors=True)
