"""Safe HTML by construction: the sanitizer's removals fail the strict build, with their file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from communs.core.controles import nettoyage, securite, verification
from communs.core.modele import codes

from .conftest import build_site
from .hostile import pages_xss, site, vecteurs

SECURITE = {
    codes.HTML_DANGEREUX,
    codes.HTML_NON_PERMIS,
    codes.ADRESSE_REFUSEE,
    codes.CHEMIN_HORS_SITE,
    codes.FICHIER_INTROUVABLE,
}

# The three payloads of the issue: (vector, code, text of the message).
TROIS = [
    ("<img/src=x/onerror=alert(2)>", codes.FICHIER_INTROUVABLE, "x/onerror=alert(2)"),
    ("[Cliquez](jav&#x61;script:alert(1))", codes.HTML_DANGEREUX, "javascript:alert(1)"),
    ('<a href="&#106;avascript:alert(3)">lien</a>', codes.HTML_DANGEREUX, "javascript:alert(3)"),
]


def test_the_corpus_holds_at_least_forty_known_vectors() -> None:
    found = vecteurs()
    assert len(found) >= 40
    families = ("onerror", "&#x09;", "data:", "vbscript:", "<svg", "<math", "style=", "<base", "http-equiv", "<form", "srcdoc")
    for family in families:
        assert any(family in vector for vector in found), family


@pytest.mark.parametrize(("vector", "code", "text"), TROIS)
def test_the_three_payloads_are_reported_on_their_line(tmp_path: Path, vector: str, code: str, text: str) -> None:
    body = "## Présentation\n\nUn texte honnête.\n\n" + vector + "\n"
    root = site(tmp_path, {"content/page.md": body})
    found = [d for d in verification.run(root).collector.items if d.path == "content/page.md"]
    assert [(d.line, d.code) for d in found] == [(5, code)], [d.human() for d in found]
    assert text in found[0].message and found[0].fix


def test_nothing_executable_survives_the_sanitizer() -> None:
    for vector in vecteurs():
        cleaned = nettoyage.nettoyer(securite.rendre(vector)).html
        seen = nettoyage.relever(cleaned)
        assert set(seen.etiquettes) <= nettoyage.ETIQUETTES, (vector, cleaned)
        for (tag, name), value in seen.valeurs.items():
            assert not name.startswith("on") and name not in {"style", "srcdoc", "srcset"}, (vector, cleaned)
            if name in nettoyage.ADRESSES:
                scheme = "".join(c for c in value if ord(c) > 0x20).lower().split(":", 1)
                assert len(scheme) == 1 or scheme[0] in nettoyage.SCHEMAS, (vector, cleaned)
                assert tag != "img" or len(scheme) == 1, (vector, cleaned)


def test_markdown_of_the_commons_passes_unchanged() -> None:
    body = (
        "## Titre\n\nDu **gras**, de l'*italique*, un [lien](https://exemple.org), un [courriel](mailto:a@exemple.org),\n"
        'un [numéro](tel:+33320000000), une [page](../fiches/atelier.md) et une ![image](images/photo.png "titre").\n\n'
        '- une liste\n- à puces\n\n1. des étapes\n2. numérotées\n\n> une citation\n\n!!! note "À savoir"\n    Un encadré.\n\n'
        "Un paragraphe avec un identifiant.\n{: #ancre .important }\n"
    )
    assert nettoyage.nettoyer(securite.rendre(body)).retraits == []


def test_each_vector_fails_the_check_and_the_strict_build(tmp_path: Path) -> None:
    pages = pages_xss()
    root = site(tmp_path / "projet", pages)
    diagnostics = verification.run(root).collector.items
    for path in pages:
        mine = [d for d in diagnostics if d.path == path]
        assert mine and {d.code for d in mine} <= SECURITE, (path, [d.human() for d in mine])
        assert all(d.fix and d.line >= 1 for d in mine)
    result = build_site(root, tmp_path / "site")
    assert result.failed
    for path in pages:
        assert f"{path}:" in result.log, path
    assert "Traceback" not in result.log


def test_links_and_images_that_leave_the_site_are_reported(tmp_path: Path) -> None:
    root = site(
        tmp_path,
        {"content/page.md": "# Page\n\n![Photo](../../../../etc/passwd)\n\n[Secret](../../.git/config)\n\n[Voisin](index.md)\n"},
    )
    found = [(d.line, d.code) for d in verification.run(root).collector.items if d.path == "content/page.md"]
    assert (3, codes.CHEMIN_HORS_SITE) in found and (5, codes.CHEMIN_HORS_SITE) in found
    assert all(line != 7 for line, _ in found)


def test_the_adapter_cleans_the_contributor_part_of_a_page(tmp_path: Path) -> None:
    """The cleaning of the built page is the wall: the mark is random, the parts the commons adds after it are kept."""
    project = verification.run(site(tmp_path, {"content/page.md": "# Page\n"}))
    frame = securite.Encadrement()
    assert frame.encadrer("# Titre").startswith("# Titre"), "the heading stays first: MkDocs takes the title from it"
    html = '<h1>Titre</h1><img src=x onerror="alert(1)">' + f"<p>{frame.fin}</p>" + "<svg><title>carte</title></svg>"
    cleaned, removed = frame.nettoyer_page(project, "content/page.md", html)
    assert cleaned.endswith("<svg><title>carte</title></svg>") and "onerror" not in cleaned and frame.fin not in cleaned
    assert [d.code for d in removed] == [codes.HTML_DANGEREUX]


def test_only_markdown_that_cannot_produce_unsafe_html_skips_the_rendering() -> None:
    """The check renders a body unless it is plainly safe; every vector of the corpus is rendered."""
    assert all(not securite.sans_risque(vector) for vector in vecteurs())
    for risky in ("![x](https://exemple.org/a.png)", "[x](../../../etc/passwd)", "[x](ftp:a)", "[x]: javascript:a"):
        assert not securite.sans_risque(risky), risky
    assert securite.sans_risque("## Titre\n\nUn [lien](https://exemple.org) et un [courriel](mailto:a@exemple.org).\n")
    assert securite.sans_risque("## Titre\n\nUne [fiche](fiche.md#etapes) et une ![image](images/a.png).\n")
    assert securite.sans_risque("Une [fiche](../fiches/atelier.md).", "prototypes")
    assert not securite.sans_risque("Une [fiche](../fiches/atelier.md).", "")


SVG_INERTE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#123"/></svg>'
SVG_HOSTILES = {
    "script.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "onload.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
    "lien.svg": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    '<a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "objet.svg": '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
    "bombe.svg": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;">]>'
    '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
}


def test_svg_pictures_are_published_only_when_inert(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {f"content/images/{name}": text for name, text in SVG_HOSTILES.items()}
    files["content/images/inerte.svg"] = SVG_INERTE
    found = {d.path: d.code for d in verification.run(site(tmp_path, files)).collector.items}
    assert {path: code for path, code in found.items() if path.startswith("content/images/")} == {
        f"content/images/{name}": codes.HTML_DANGEREUX for name in SVG_HOSTILES
    }


def test_titles_and_descriptions_from_the_front_matter_are_escaped(tmp_path: Path) -> None:
    """Material writes page.meta.title and page.meta.description raw: the adapter makes them safe Markup."""
    hostile = '"><script>alert(1)</script><meta http-equiv="refresh" content="0;url=https://exemple.org">'
    page = f"---\ntitle: '{hostile}'\ndescription: '{hostile}'\n---\n\n# Page\n\nTexte.\n"
    result = build_site(site(tmp_path / "projet", {"content/page.md": page}), tmp_path / "site", strict=False)
    assert not result.failed, result.log
    html = (tmp_path / "site" / "page" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and 'http-equiv="refresh"' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count('http-equiv="Content-Security-Policy"') == 1
