"""Open data: every genre as CSV and JSON with a Frictionless Data Package, schema.org JSON-LD on every item's page,
an Atom feed linked from every page; never a contributor of the lexicon, never the build's clock."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser
import pytest
from communs.core.modele import genres, publications
from communs.core.site import Reglages, Site
from communs.core.urls import Urls
from frictionless import validate

from .conftest import REPO, SITES, Build, build_site

FIXTURE = SITES / "lexique"
ADRESSE = "https://communs.exemple.fr/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    built = build_site(FIXTURE, tmp_path_factory.mktemp("donnees"))
    assert not built.failed, built.log
    return built


def _jsonld(html: str) -> dict[str, Any]:
    head = html.split("</head>", 1)[0]
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.DOTALL)
    assert len(found) == 1, "one JSON-LD block in the head"
    data = json.loads(found[0])
    assert isinstance(data, dict)
    return data


def test_the_built_data_package_is_valid_for_frictionless(site: Build) -> None:
    package = site.site / "donnees" / "datapackage.json"
    report = validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    described = json.loads(package.read_text(encoding="utf-8"))
    assert described["licenses"][0]["name"] == "etalab-2.0"
    assert {r["name"] for r in described["resources"]} == {g.url_prefix for g in genres.GENRES}


def test_the_shipped_content_publishes_a_valid_package(tmp_path: Path) -> None:
    files = Site(REPO, Urls()).fichiers()
    for path, text in files.items():
        if path.startswith("donnees/"):
            (tmp_path / path.removeprefix("donnees/")).write_text(text, encoding="utf-8")
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_one_row_per_item_with_labels_and_addresses(site: Build) -> None:
    rows = list(csv.DictReader(io.StringIO((site.site / "donnees" / "fiches.csv").read_text(encoding="utf-8"))))
    assert [row["identifiant"] for row in rows] == ["atelier-souris"]
    row = rows[0]
    assert row["page"] == ADRESSE + "fiches/atelier-souris/"
    data = json.loads((site.site / "donnees" / "fiches.json").read_text(encoding="utf-8"))
    assert data[0]["identifiant"] == "atelier-souris"
    lexique = json.loads((site.site / "donnees" / "lexique.json").read_text(encoding="utf-8"))
    souris = next(term for term in lexique if term["identifiant"] == "souris")
    assert souris["categorie"] == "materiel" and souris["categorie_libelles"] == "Matériel et connexion"
    assert souris["page"] == ADRESSE + "lexique/souris/"
    for neighbour, page in zip(souris["voir_aussi"], souris["voir_aussi_pages"], strict=True):
        assert page == f"{ADRESSE}lexique/{neighbour}/"


def test_references_are_slugs_and_site_paths_without_the_sites_address() -> None:
    files = Site(FIXTURE, Urls(repertoires=False)).fichiers()
    rows = list(csv.DictReader(io.StringIO(files["donnees/centres.csv"])))
    row = next(r for r in rows if r["identifiant"] == "centre-social-test")
    assert row["page"] == "centres/centre-social-test.html"
    assert row["territoire_pages"] == f"territoires/{row['territoire']}.html"


def test_no_contributor_of_the_lexicon_is_ever_published(site: Build) -> None:
    """The pages show a first name or a group; the data never does (copied elsewhere, nothing protects it)."""
    published = "\n".join(p.read_text(encoding="utf-8") for p in (site.site / "donnees").iterdir() if p.is_file())
    names = [
        c.prenom or c.groupe or ""
        for item in Site(FIXTURE, Urls()).projet.of_genre("terme")
        for c in getattr(item.model, "contributeurs", [])
    ]
    assert "Inès" in names
    for secret in [*names, "tranche_age", "prenom", "9-11-ans", '"contributeurs"']:
        assert secret not in published, secret


def test_two_builds_publish_the_same_bytes() -> None:
    first = Site(REPO, Urls(), Reglages(site_url=ADRESSE)).fichiers()
    second = Site(REPO, Urls(), Reglages(site_url=ADRESSE)).fichiers()
    assert first == second
    assert publications.PAQUET in first and publications.FLUX in first


def test_the_json_files_are_what_json_dumps_writes_with_an_indent() -> None:
    """The JSON of the open data is written leaf by leaf (paquet_donnees._indente): the same bytes as the json module."""
    from communs.core.pages import paquet_donnees

    rows: list[dict[str, Any]] = [
        {"titre": 'Guillemets " et \\ barre, « é » \u2028\n\t\x01', "n": 3, "x": 1.5, "vrai": True, "rien": None},
        {"liste": ["a", 2, 0.1, False, None, []], "vide": [], "imbrique": [["b"], []]},
        {},
    ]
    assert paquet_donnees.json_texte(rows) == json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    assert paquet_donnees.json_texte([]) == json.dumps([], ensure_ascii=False, indent=1) + "\n"
    files = Site(REPO, Urls(), Reglages(site_url=ADRESSE)).fichiers()
    for path, text in files.items():
        if path.startswith(publications.DOSSIER + "/") and path.endswith(".json") and path != publications.PAQUET:
            assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n", path


def test_the_feed_is_valid_atom_with_dates_from_the_content(site: Build) -> None:
    text = (site.site / publications.FLUX).read_text(encoding="utf-8")
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title and feed.feed.id and feed.feed.updated
    assert feed.entries, "the fixture has dated items"
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids)
    for entry in feed.entries:
        assert entry.title and entry.updated and entry.link.startswith(ADRESSE)
    report = next(e for e in feed.entries if e.link == ADRESSE + "rapports/rapport-test/")
    assert report.updated.startswith("20")
    dates = [entry.updated for entry in feed.entries]
    assert dates == sorted(dates, reverse=True), "newest first"
    solution = next(e for e in feed.entries if e.link == ADRESSE + "prototypes/borne-test/")
    assert solution.updated.startswith("2024-03-01"), "a solution's entry is dated by the day it entered the commons"


def test_the_home_shows_the_latest_additions_with_their_kind_and_date(site: Build) -> None:
    """The home page's « Dernières additions »: at most six, each with its kind, its title and the same day as the
    feed (ajoute_le), never the build's clock."""
    home = (site.site / "index.html").read_text(encoding="utf-8")
    section = home.split('id="dernieres-additions"', 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", section, re.S)
    assert 1 <= len(items) <= 6
    assert all(re.search(r'<time datetime="\d{4}-\d\d-\d\d">', item) for item in items)
    assert any("Solution" in item and "2024-03-01" in item for item in items)


def test_every_page_links_the_feed(site: Build) -> None:
    for page in ("", "lexique/souris/", "prototypes/", "centres/centre-social-test/"):
        html = (site.site / page / "index.html").read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        link = re.search(r'<link rel="alternate feed" type="application/atom\+xml"[^>]*href="([^"]+)"', head)
        assert link, page
        assert link.group(1).endswith("nouveautes.xml") and "donnees" not in link.group(1)


# schema.org, for the types the pages claim: the properties a consumer expects, and every property the type has
# (a hand-made subset of schema.org's, enough to catch an invented or misplaced property).
CREATIVE_WORK = {
    "@context", "@type", "@id", "url", "name", "description", "inLanguage", "keywords", "license", "creator",
    "audience", "dateCreated", "alternateName", "creativeWorkStatus", "isBasedOn", "author", "funder",
    "datePublished", "spatialCoverage", "temporalCoverage", "genre", "sameAs", "image",
}  # fmt: skip
PLACE = {
    "@context", "@type", "@id", "url", "name", "description", "alternateName", "containedInPlace", "address", "geo",
    "image",
}  # fmt: skip
DEFINED_TERM = {
    "@context", "@type", "@id", "url", "name", "description", "inLanguage", "inDefinedTermSet", "termCode",
    "alternateName", "keywords",
}  # fmt: skip
ORGANIZATION = {
    "@context", "@type", "@id", "url", "name", "inLanguage", "address", "location", "telephone", "sameAs", "areaServed",
    "image",
}  # fmt: skip
TYPES: dict[str, tuple[set[str], set[str]]] = {
    "CreativeWork": ({"name", "description", "inLanguage", "keywords"}, CREATIVE_WORK),
    "LearningResource": (
        {"name", "description", "learningResourceType"},
        CREATIVE_WORK | {"learningResourceType", "teaches", "typicalAgeRange", "timeRequired", "educationalLevel"},
    ),
    "Report": ({"name", "description", "temporalCoverage"}, CREATIVE_WORK),
    "DefinedTerm": ({"name", "description", "inDefinedTermSet", "termCode"}, DEFINED_TERM),
    "Organization": ({"name", "address", "location"}, ORGANIZATION),
    "AdministrativeArea": ({"name"}, PLACE | {"inLanguage", "additionalType"}),
}
PAGES = {
    "prototypes/borne-test/": "CreativeWork",
    "fiches/atelier-souris/": "LearningResource",
    "rapports/rapport-test/": "Report",
    "lexique/souris/": "DefinedTerm",
    "centres/centre-social-test/": "Organization",
    "territoires/hauts-de-france/": "AdministrativeArea",
}


@pytest.mark.parametrize(("page", "kind"), PAGES.items())
def test_each_item_page_claims_its_schema_org_type(site: Build, page: str, kind: str) -> None:
    data = _jsonld((site.site / page / "index.html").read_text(encoding="utf-8"))
    assert data["@context"] == "https://schema.org" and data["@type"] == kind
    expected, allowed = TYPES[kind]
    assert expected <= data.keys(), expected - data.keys()
    assert data.keys() <= allowed, data.keys() - allowed
    assert data["url"] == ADRESSE + page


def test_a_centre_is_an_organization_at_a_place_with_coordinates() -> None:
    site = Site(REPO, Urls(), Reglages(site_url=ADRESSE))
    centres = [i for i in site.projet.of_genre("centre") if getattr(i.model, "coordonnees", None)]
    assert centres
    parts = site.parties(centres[0].src_uri)
    assert parts is not None and parts.jsonld
    data = json.loads(parts.jsonld)
    assert data["@type"] == "Organization" and data["address"]["@type"] == "PostalAddress"
    place = data["location"]
    assert place["@type"] == "Place" and place["geo"]["@type"] == "GeoCoordinates"
    assert isinstance(place["geo"]["latitude"], float) and isinstance(place["geo"]["longitude"], float)


def test_a_sheet_gives_its_ages_and_duration_as_schema_org_expects() -> None:
    site = Site(REPO, Urls())
    for item in site.projet.of_genre("fiche"):
        parts = site.parties(item.src_uri)
        if parts is None or not parts.jsonld:
            continue
        data = json.loads(parts.jsonld)
        assert data["@type"] == "LearningResource"
        if "timeRequired" in data:
            assert re.fullmatch(r"PT\d+M", data["timeRequired"])
        if "typicalAgeRange" in data:
            assert re.fullmatch(r"\d*-\d*", data["typicalAgeRange"])
