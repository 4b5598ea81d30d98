"""Every error at once, and children's privacy whatever the key a contributor block uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from communs.core.controles import verification
from communs.core.modele import codes
from communs.core.modele.diagnostics import Diagnostic

from .conftest import build_site
from .hostile import site

TERME = """\
---
terme: Tout à la fois
categorie: martiens
voir_aussi: [mot-inexistant]
statut: publie
contributeurs:
  - prenom: Léa
    courriel: lea.enfant@exemple.fr
    tranche_age: 9-11-ans
    centre: centre-social-test
---
"""

PROTOTYPE = """\
---
titre: Solution incomplète
resume: Il manque l'accroche.
statut: deploye
domaines: [acces-aux-droits]
publics: [martiens]
porteur: centre-social-test
territoire: territoire-inconnu
annees: [2020]
liscence: MIT
---

## Besoin
"""


def _of(root: Path, path: str) -> list[Diagnostic]:
    return [d for d in verification.run(root).collector.items if d.path == path]


def test_four_mistakes_of_one_lexicon_file_are_reported_in_one_run(tmp_path: Path) -> None:
    root = site(tmp_path / "projet", {"content/lexique/tout-a-la-fois.md": TERME})
    found = {(d.line, d.code) for d in _of(root, "content/lexique/tout-a-la-fois.md")}
    assert (1, codes.CHAMP_OBLIGATOIRE) in found  # definition
    assert (3, codes.HORS_VOCABULAIRE) in found  # categorie: martiens
    assert (4, codes.REFERENCE_INCONNUE) in found  # voir_aussi
    assert (8, codes.CONTRIBUTEUR_EMAIL) in found  # the child's e-mail, under a key that does not exist
    result = build_site(root, tmp_path / "site")
    assert result.failed
    for code in (codes.CHAMP_OBLIGATOIRE, codes.HORS_VOCABULAIRE, codes.REFERENCE_INCONNUE, codes.CONTRIBUTEUR_EMAIL):
        assert code in result.log, code


def test_a_rejected_prototype_still_has_its_vocabularies_and_references_checked(tmp_path: Path) -> None:
    root = site(tmp_path, {"prototypes/incomplete.md": PROTOTYPE})
    found = {(d.line, d.code) for d in _of(root, "prototypes/incomplete.md")}
    # « accroche » is optional: the file misses no required field pydantic checks before its other errors.
    assert (5, codes.HORS_VOCABULAIRE) in found  # domaines: [acces-aux-droits]
    assert (10, codes.CHAMP_INCONNU) in found  # liscence
    assert (6, codes.HORS_VOCABULAIRE) in found  # publics: [martiens]
    assert (8, codes.REFERENCE_INCONNUE) in found  # territoire


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("courriel: lea@exemple.fr", codes.CONTRIBUTEUR_EMAIL),
        ("age: 9", codes.CONTRIBUTEUR_AGE),
        ("nom: Martin", codes.CONTRIBUTEUR_NOM),
        ("telephone: 06 12 34 56 78", codes.CONTRIBUTEUR_TELEPHONE),
        ("date_de_naissance: 2014-03-02", codes.CONTRIBUTEUR_NAISSANCE),
        ("adresse: 12 rue des Lilas", codes.CONTRIBUTEUR_ADRESSE),
        ("remarque: écrire à lea@exemple.fr", codes.CONTRIBUTEUR_EMAIL),
        ("enfant: Léa Martin", codes.CONTRIBUTEUR_NOM),
        ("note: née le 2 mars 2014", codes.CONTRIBUTEUR_NAISSANCE),
        ("parent: 03 20 00 00 00", codes.CONTRIBUTEUR_TELEPHONE),
    ],
)
def test_privacy_whatever_the_key(tmp_path: Path, line: str, code: str) -> None:
    text = TERME.replace("categorie: martiens", "categorie: materiel").replace("voir_aussi: [mot-inexistant]\n", "")
    text = text.replace("terme: Tout à la fois", "terme: Tout à la fois\ndefinition: Un mot.")
    text = text.replace("    courriel: lea.enfant@exemple.fr", "    " + line)
    root = site(tmp_path, {"content/lexique/tout-a-la-fois.md": text})
    found = {(d.line, d.code) for d in _of(root, "content/lexique/tout-a-la-fois.md")}
    assert (8, code) in found, found


def test_an_email_anywhere_in_a_lexicon_file_is_reported(tmp_path: Path) -> None:
    text = TERME.replace("categorie: martiens", "categorie: materiel\ndefinition: Écris à lea@exemple.fr.")
    text = text.replace("    courriel: lea.enfant@exemple.fr\n", "") + "\nAppelle le 06 12 34 56 78.\n"
    root = site(tmp_path, {"content/lexique/tout-a-la-fois.md": text})
    found = {(d.line, d.code) for d in _of(root, "content/lexique/tout-a-la-fois.md")}
    assert (4, codes.CONTRIBUTEUR_EMAIL) in found and (13, codes.CONTRIBUTEUR_TELEPHONE) in found, found
