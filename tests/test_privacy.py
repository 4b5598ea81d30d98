"""Protecting children: what the lexicon's privacy check accepts and refuses in a first name, a group's name and the
child's own words. (The same check on real files, with their lines: tests/cas-invalides/content/lexique/.)"""

from __future__ import annotations

import pytest
from communs.core.controles import verification
from communs.core.controles.vie_privee import probleme
from communs.core.modele import codes

from .conftest import CAS_INVALIDES

ACCEPTED = [
    ("prenom", "Inès"),
    ("prenom", "Jean-Pierre"),
    ("prenom", "Maël"),
    ("groupe", "Les CM2 du centre"),
    ("groupe", "les 9-11 ans du mercredi"),
    ("groupe", "Les enfants de 9 à 11 ans"),
    ("groupe", "Atelier Robotique"),
    ("groupe", "Club Numérique"),
    ("groupe", "Les seniors de la Busette"),
    ("mot_d_enfant", "C'est comme une boîte aux lettres, mais dans l'ordinateur."),
    ("mot_d_enfant", "On tape un @ entre le prénom et le nom du site."),
    ("mot_d_enfant", "Il y a 10 chiffres dans un numéro, et 4 dans un code."),
]

REFUSED = [
    ("prenom", "lucas@exemple.fr", codes.CONTRIBUTEUR_EMAIL),
    ("prenom", "Lucas @lucas59", codes.CONTRIBUTEUR_EMAIL),
    ("groupe", "Les CM2 (contact : anim@centre.fr)", codes.CONTRIBUTEUR_EMAIL),
    ("prenom", "Lucas 06 12 34 56 78", codes.CONTRIBUTEUR_TELEPHONE),
    ("groupe", "Les CM2, +33 6 12 34 56 78", codes.CONTRIBUTEUR_TELEPHONE),
    ("prenom", "Lucas Martin", codes.CONTRIBUTEUR_NOM),
    ("prenom", "Inès M.", codes.CONTRIBUTEUR_NOM),
    ("prenom", "Inès et Lucas", codes.CONTRIBUTEUR_NOM),
    ("prenom", "Inès, Lucas", codes.CONTRIBUTEUR_NOM),
    ("groupe", "Famille Durand", codes.CONTRIBUTEUR_NOM),
    ("groupe", "Inès Martin", codes.CONTRIBUTEUR_NOM),
    ("prenom", "Lucas né le 3 mai 2015", codes.CONTRIBUTEUR_NAISSANCE),
    ("prenom", "Inès 03/05/2015", codes.CONTRIBUTEUR_NAISSANCE),
    ("groupe", "Les CM2 nés en 2015", codes.CONTRIBUTEUR_NAISSANCE),
    ("prenom", "Inès (2015-05-03)", codes.CONTRIBUTEUR_NAISSANCE),
    ("prenom", "Inès 10 ans", codes.CONTRIBUTEUR_AGE),
    ("groupe", "Lucas, 9 ans, et ses amis", codes.CONTRIBUTEUR_AGE),
    ("groupe", "Les enfants du 12 rue des Lilas", codes.CONTRIBUTEUR_ADRESSE),
    ("groupe", "Les CM2 de la rue Victor Hugo", codes.CONTRIBUTEUR_ADRESSE),
    ("groupe", "Résidence des Lilas", codes.CONTRIBUTEUR_ADRESSE),
    ("groupe", "Les CM2 de 59100 Roubaix", codes.CONTRIBUTEUR_ADRESSE),
    ("mot_d_enfant", "Écris-moi : lucas2015@exemple.fr", codes.CONTRIBUTEUR_EMAIL),
    ("mot_d_enfant", "Appelle-moi au 06 12 34 56 78.", codes.CONTRIBUTEUR_TELEPHONE),
    ("mot_d_enfant", "J'habite au 3 avenue Foch, viens voir.", codes.CONTRIBUTEUR_ADRESSE),
    ("mot_d_enfant", "Je suis né le 3 mai 2015.", codes.CONTRIBUTEUR_NAISSANCE),
]


@pytest.mark.parametrize(("field", "value"), ACCEPTED)
def test_what_may_be_published(field: str, value: str) -> None:
    assert probleme(value, field) is None


@pytest.mark.parametrize(("field", "value", "code"), REFUSED)
def test_what_is_refused_with_its_code_and_a_french_fix(field: str, value: str, code: str) -> None:
    found = probleme(value, field)
    assert found is not None, value
    assert found[0] == code, found
    assert found[1] and found[2], "a message and a fix"
    assert codes.DESCRIPTIONS[code]


def test_privacy_problems_are_errors_that_fail_the_build() -> None:
    privacy_codes = {code for _, _, code in REFUSED}
    found = [d for d in verification.run(CAS_INVALIDES).collector.items if d.code in privacy_codes]
    assert {d.code for d in found} == privacy_codes
    assert all(d.is_error for d in found)
