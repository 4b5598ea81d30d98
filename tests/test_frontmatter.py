"""The front-matter reader: lines of every key, encodings and line endings, problems collected."""

from __future__ import annotations

import pytest
import yaml
from communs.core.modele import codes, frontmatter
from communs.core.modele.frontmatter import read_document

TEXT = """---
titre: Chill
essaimage:
  - centre: echo
    annee: 2020
  - centre: pile
sources: [{rapport: bilan, page: 3}]
---
## Besoin
"""


def test_every_key_and_list_item_has_its_line() -> None:
    doc = read_document(TEXT.encode(), "prototypes/chill.md")
    assert doc.diagnostics == []
    assert doc.lines[("titre",)] == 2
    assert doc.lines[("essaimage", 0, "centre")] == 4
    assert doc.lines[("essaimage", 1, "centre")] == 6
    assert doc.lines[("sources", 0, "page")] == 7
    assert doc.body_line == 9
    assert doc.body.startswith("## Besoin")


def test_bom_and_crlf_give_the_same_lines() -> None:
    doc = read_document(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode(), "x.md")
    assert doc.diagnostics == []
    assert doc.data["essaimage"][1] == {"centre": "pile"}
    assert doc.lines[("essaimage", 1, "centre")] == 6


def test_latin1_file_is_reported_with_its_line() -> None:
    doc = read_document("---\ntitre: Été\n---\n".encode("latin-1"), "x.md")
    assert [(d.code, d.line) for d in doc.diagnostics] == [(codes.FICHIER_BINAIRE, 2)]


def test_all_problems_of_a_file_are_collected() -> None:
    doc = read_document(b"---\ntitre: a\ntitre: b\ndate: 2021-13-01\n---\n", "x.md")
    assert sorted((d.code, d.line) for d in doc.diagnostics) == [(codes.CLE_DUPLIQUEE, 3), (codes.DATE_IMPOSSIBLE, 4)]


def test_a_plain_page_may_have_no_front_matter() -> None:
    doc = read_document(b"# Accueil\n", "content/index.md", front_matter=None)
    assert doc.diagnostics == []
    assert doc.body == "# Accueil\n"


def test_french_booleans_and_quoted_codes() -> None:
    from communs.core.modele.modeles import Centre, Fiche

    fiche = Fiche.model_validate(
        {
            "titre": "t",
            "ajoute_le": "2024-03-01",
            "resume": "r",
            "publics": ["habitants"],
            "duree_minutes": 60,
            "participants": {"min": 2},
            "materiel": ["papier"],
            "sans_ecran": "oui",
            "sources": [{"rapport": "r", "page": 1}],
        }
    )
    assert fiche.sans_ecran is True
    centre = Centre.model_validate({"nom": "n", "type": "mjc", "commune": "Lille", "territoire": "t", "code_postal": 59000})
    assert centre.code_postal == "59000"


_PLAIN = ["oui", "yes", "No", "on", "OFF", "~", "null", "Null", "", "12", "-3", "+4", "0x1F", "0o17", "1_000", "1.5", ".5"]
_PLAIN += ["Lille", "Yes", "True", "Null", "~x"]
_PLAIN += [".inf", "-.Inf", ".nan", "2020-03-16", "2020-02-30", "2001-12-14t21:59:43.10-05:00", "<<", "=", "titre", "-x"]


@pytest.mark.parametrize("text", _PLAIN)
def test_each_plain_text_gets_the_tag_the_safe_loader_gives(text: str) -> None:
    """frontmatter._Loader keeps the tag of a short plain text: asked again, it gives the same one as PyYAML's."""
    source = f"a: {text}\nb: [{text}]\n" if text else "a:\nb: []\n"
    expected = yaml.compose(source, Loader=yaml.SafeLoader)
    for _ in range(2):  # the second time from what was kept
        found = yaml.compose(source, Loader=frontmatter._Loader)
        assert [(k.tag, v.tag) for k, v in found.value] == [(k.tag, v.tag) for k, v in expected.value]


def test_the_kept_tags_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frontmatter, "_ETIQUETTES", {})
    monkeypatch.setattr(frontmatter, "ETIQUETTES_MAX", 5)
    yaml.compose("\n".join(f"t{n}: n{n}" for n in range(20)), Loader=frontmatter._Loader)
    assert len(frontmatter._ETIQUETTES) == 5


def test_a_text_no_implicit_resolver_looks_at_is_a_text_without_being_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frontmatter, "_ETIQUETTES", {})
    node = yaml.compose("Lille: Atelier numérique\n", Loader=frontmatter._Loader)
    assert [(k.tag, v.tag) for k, v in node.value] == [("tag:yaml.org,2002:str", "tag:yaml.org,2002:str")]
    assert frontmatter._ETIQUETTES == {}
