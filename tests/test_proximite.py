"""The nearest places first (pages/proximite.py): the distances the core writes into a solution's page."""

from __future__ import annotations

from communs.core.controles import verification
from communs.core.domaine.arbre import Arbre
from communs.core.pages import proximite

from .conftest import REPO


def test_distance_between_lille_and_boulogne_is_about_a_hundred_km() -> None:
    assert 95 < proximite.distance_km((50.6292, 3.0573), (50.7264, 1.6147)) < 110
    assert proximite.distance_km((50.0, 2.0), (50.0, 2.0)) == 0


def test_each_place_knows_its_distance_from_every_territory() -> None:
    """A centre lies in its own territory and its parents (0 km for the script); the Boulonnais is far from Lille;
    the territories to pick from are one file of the site."""
    arbre = Arbre(verification.run(REPO))
    choix = proximite.reperes(arbre)
    slugs = [r.slug for r in choix]
    assert "boulonnais" in slugs and "calaisis" in slugs and "hauts-de-france" not in slugs
    position, dans = proximite.lieu(arbre, "centre-social-la-busette")
    assert {"croissant-sud", "nord"} <= set(dans.split())
    boulogne = next(r for r in choix if r.slug == "boulonnais")
    here = tuple(float(x) for x in position.split(","))
    assert proximite.distance_km(here, (boulogne.lat, boulogne.lon)) > 80  # type: ignore[arg-type]
    _, dans_boulonnais = proximite.lieu(arbre, "boulonnais")
    assert {"boulonnais", "pas-de-calais"} <= set(dans_boulonnais.split())
    data = proximite.fichier(arbre)
    assert data.startswith("window.communsReperes=[") and '"boulonnais","Boulonnais"' in data and "hauts-de-france" not in data


def test_without_the_script_the_carrier_comes_first_then_places_by_territory() -> None:
    arbre = Arbre(verification.run(REPO))
    lieux = ["centre-social-la-busette", "boulonnais", "centre-social-des-4-saisons"]
    assert proximite.ordre(arbre, lieux, porteur_en_tete=True) == [0, 1, 2]
    assert proximite.ordre(arbre, lieux, porteur_en_tete=False) == [1, 2, 0]
