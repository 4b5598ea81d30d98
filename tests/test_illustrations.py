"""Pictures in the built site, with both engines: only processed copies are published (no metadata, read back with
Pillow; upright; the expected widths), item pages and cards show them as the templates say, an item without a
picture shows its pictogram, every page has its Open Graph tags and preview card; the cache by content is used."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from communs.core.pages import partage
from communs.core.rendu import carte_sociale, images
from communs.core.site import Reglages, Site
from communs.core.urls import Urls
from frictionless import validate
from PIL import Image

from .conftest import Build, build_pelican, build_site
from .illustrees import ALT_DESSIN, ALT_PHOTO, COMMENTAIRE, CREDIT, site_illustre


@pytest.fixture(scope="module")
def projet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return site_illustre(tmp_path_factory.mktemp("illustre") / "projet")


@pytest.fixture(scope="module", params=["mkdocs", "pelican"])
def construit(request: pytest.FixtureRequest, projet: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    target = tmp_path_factory.mktemp(request.param) / "site"
    built = build_site(projet, target) if request.param == "mkdocs" else build_pelican(projet, target)
    assert not built.failed, built.log
    return built


def _medias(site: Path) -> dict[str, bytes]:
    folder = site / "medias"
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_originals_are_never_published(construit: Build) -> None:
    names = {p.name for p in construit.site.rglob("*") if p.is_file()}
    assert not {"borne.jpg", "robot.png", "facade.jpg"} & names


def test_published_pictures_carry_no_metadata_and_stand_upright(construit: Build) -> None:
    files = _medias(construit.site)
    assert len(files) == 18, sorted(files)  # three pictures, three widths, two formats
    for name, data in files.items():
        picture = Image.open(io.BytesIO(data))
        picture.load()
        assert not picture.getexif(), name
        assert not {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(picture.info), name
        assert b"GPS" not in data and COMMENTAIRE not in data and "Téléphone".encode() not in data, name
    photos = {n: Image.open(io.BytesIO(d)) for n, d in files.items() if n.endswith(".jpg")}
    assert sorted(p.size for p in photos.values()) == [(320, 480), (320, 569), (640, 960), (640, 1138), (800, 1200), (900, 1600)]
    drawings = [Image.open(io.BytesIO(d)) for n, d in files.items() if n.endswith(".png")]
    assert sorted(p.width for p in drawings) == [320, 640, 700] and all(p.mode == "RGBA" for p in drawings)


def test_the_item_page_shows_its_picture_with_sizes_caption_and_credit(construit: Build) -> None:
    page = construit.page("prototypes/borne-test")
    figure = re.search(r'<figure class="communs-illustration">.*?</figure>', page, re.S)
    assert figure, "no figure"
    html = figure.group(0)
    assert re.search(r'<source type="image/webp" srcset="[^"]*-320\.webp 320w, [^"]*-640\.webp 640w, [^"]*-900\.webp 900w"', html)
    assert 'sizes="(min-width: 60em) 40rem, 100vw"' in html
    assert 'width="900" height="1600"' in html and 'loading="lazy"' not in html, "the first screen is not lazy"
    assert f'alt="{ALT_PHOTO.replace(chr(39), "&#39;")}"' in html
    assert "La borne, dans le hall" in html and f"Image : {CREDIT} (CC-BY-SA-4.0)" in html
    for source in re.findall(r'(?:src|srcset)="([^"]+)"', html):
        for address in source.split(", "):
            target = (construit.site / "prototypes" / "borne-test" / address.split(" ")[0]).resolve()
            assert target.is_file(), address


def test_cards_show_the_picture_lazily_or_the_pictogram(construit: Build) -> None:
    catalogue = construit.page("prototypes")
    cards = re.findall(r'<li class="communs-carte".*?</li>\n</ul>|<li class="communs-carte".*?</div>\n</li>', catalogue, re.S)
    with_picture = next(c for c in cards if "Borne de test" in c)
    without = next(c for c in cards if "Borne sans image" in c)
    assert 'loading="lazy"' in with_picture and 'class="communs-carte__image"' in with_picture
    assert 'width="900" height="1600"' in with_picture and "communs-picto" not in with_picture
    assert "<picture" not in without and 'class="communs-picto communs-picto--accueil-administration"' in without
    assert f'alt="{ALT_DESSIN}"' in construit.page("fiches")


def test_every_page_has_open_graph_tags_and_its_card(construit: Build) -> None:
    pages = [p for p in construit.site.rglob("*.html") if p.name != "404.html" and "admin" not in p.parts]
    assert len(pages) > 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a redirection of an alias
        found = re.search(r'<meta property="og:image" content="([^"]+)">', html)
        assert found, path
        assert '<meta property="og:title"' in html and '<meta property="og:type"' in html
        card = Image.open((path.parent / found.group(1)).resolve())
        assert card.size == (carte_sociale.LARGEUR, carte_sociale.HAUTEUR) and card.format == "PNG"
    item = construit.page("prototypes/borne-test")
    assert '<meta property="og:type" content="article">' in item and '<meta property="og:title" content="Borne de test">' in item
    assert "og:url" not in item, "no address without the site's address"


def test_with_the_site_address_og_tags_are_absolute(projet: Path) -> None:
    site = Site(projet, Urls(), Reglages(site_url="https://communs.exemple.fr/"))
    site.plan  # noqa: B018 - the generated pages
    tags = site.og("prototypes/borne-test.md", "Borne de test")
    assert '<meta property="og:url" content="https://communs.exemple.fr/prototypes/borne-test/">' in tags
    assert re.search(r'<meta property="og:image" content="https://communs\.exemple\.fr/medias/partage/\w+\.png">', tags)
    assert partage.NOM in tags


def test_with_the_site_address_the_structured_data_names_the_published_picture(projet: Path) -> None:
    site = Site(projet, Urls(), Reglages(site_url="https://communs.exemple.fr/"))
    parts = site.parties("prototypes/borne-test.md")
    assert parts is not None and parts.jsonld
    image = json.loads(parts.jsonld)["image"]
    assert image["@type"] == "ImageObject" and image["description"] == ALT_PHOTO
    assert image["caption"] == "La borne, dans le hall" and image["creditText"] == CREDIT
    assert image["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    chemin = image["contentUrl"].removeprefix("https://communs.exemple.fr/")
    assert chemin in site.medias(), "the address of a published file, never the original"
    assert "borne.jpg" not in parts.jsonld
    without = Site(projet, Urls()).parties("prototypes/borne-test.md")
    assert without is not None and without.jsonld and "image" not in json.loads(without.jsonld)


def test_the_open_data_gives_each_published_picture_with_its_words(construit: Build) -> None:
    package = construit.site / "donnees" / "datapackage.json"
    report = validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = {row["identifiant"]: row for row in json.loads((construit.site / "donnees" / "prototypes.json").read_text())}
    picture = rows["borne-test"]
    assert (construit.site / picture["image"]).is_file() and picture["image"].startswith("medias/")
    assert picture["image_description"] == ALT_PHOTO and picture["image_credit"] == CREDIT
    assert picture["image_licence"] == "CC-BY-SA-4.0"
    assert rows["borne-sans-image"]["image"] is None
    with (construit.site / "donnees" / "prototypes.csv").open(encoding="utf-8") as table:
        assert [row["image"] for row in csv.DictReader(table) if row["identifiant"] == "borne-test"] == [picture["image"]]


def test_an_unchanged_picture_and_card_come_from_the_cache(projet: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Site(projet, Urls()).medias()
    monkeypatch.setattr(images, "_propre", lambda picture: pytest.fail("picture processed again"))
    monkeypatch.setattr(carte_sociale, "dessiner", lambda *args: pytest.fail("card drawn again"))
    again = Site(projet, Urls()).medias()
    assert again == first, "the same bytes: two builds give the same site"


def test_a_refused_picture_is_not_published_and_its_card_shows_the_pictogram(tmp_path: Path) -> None:
    root = site_illustre(tmp_path / "projet")
    solution = root / "prototypes" / "borne-test.md"
    solution.write_text(solution.read_text(encoding="utf-8").replace("autorisation: oui", "autorisation: non"))
    built = build_site(root, tmp_path / "site", strict=False)
    assert not built.failed, built.log
    assert "CSC607" in built.log
    assert "<figure" not in built.page("prototypes/borne-test")
    assert len(_medias(built.site)) == 12, "only the sheet's and the centre's pictures"


def test_cards_drawn_by_the_second_process_are_the_bytes_the_build_draws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(carte_sociale, "processeurs", lambda: 2)
    cards = [(f"Atelier numéro {i} pour les seniors du quartier", "Fiche d'activité", partage.NOM) for i in range(48)]
    assert len(cards) >= carte_sociale.SEUIL
    process = carte_sociale.en_arriere_plan(cards, tmp_path)
    assert process is not None and process.wait() == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(carte_sociale.chemin(tmp_path, *c).name for c in cards)
    for card in cards[:5]:
        assert carte_sociale.chemin(tmp_path, *card).read_bytes() == carte_sociale.dessiner(*card)


def test_items_cards_draw_before_the_plan_and_each_card_is_written_once(
    projet: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The items' cards start drawing before the plan is made; `ecrire` puts every card into the site, drawn by
    whichever process, with the bytes the build draws, and leaves a card already there as it is."""
    monkeypatch.setattr(carte_sociale, "SEUIL", 1)
    monkeypatch.setattr(carte_sociale, "processeurs", lambda: 2)
    site = Site(projet, Urls())
    asked: list[bool] = []

    def generees() -> dict[str, partage.PageGeneree]:
        asked.append(True)
        return site.plan.generees

    shared = partage.Partage(site.projet, generees, site.urls, None, site.gabarits, tmp_path / "cache")
    shared.commencer()
    assert not asked and len(shared._dessins) == 1, "a second process draws the items' cards before the plan"
    shared.continuer()
    assert asked
    shared.ecrire(tmp_path / "site")
    assert not shared._dessins, "the second processes are waited for"
    folder = tmp_path / "site" / partage.PARTAGE
    cards = {Path(path).name: (title, kind) for title, kind, path in shared._cartes.values()}
    assert sorted(p.name for p in folder.iterdir()) == sorted(cards)
    for name, (title, kind) in cards.items():
        assert (folder / name).read_bytes() == carte_sociale.dessiner(title, kind, partage.NOM)
    written = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    shared.ecrire(tmp_path / "site")
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == written, "a card already there stays"
