"""The contribution tools are built on the models: the issue forms, the web editor's configuration and
`communs nouveau` follow every field of each model, and nothing else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from communs.core.contribution import champs_des_modeles as champs
from communs.core.contribution import decap, formulaires, issues
from communs.core.modele import genres, modeles, projet, vocabulaires
from communs.core.modele.suggestions import slugify

from .conftest import REPO, SITES, copy_project

FORMS = REPO / ".github" / "ISSUE_TEMPLATE"


@pytest.mark.parametrize("form", [issues.FICHE, issues.SOLUTION])
def test_each_question_of_a_form_is_a_field_or_a_section_and_lists_the_vocabulary(form: str) -> None:
    genre = issues.GENRES[form]
    fields = {c.nom: c for c in champs.champs(genre.model)}
    data: Any = yaml.safe_load((FORMS / form).read_text(encoding="utf-8"))
    sections = {slugify(section) for section in genre.sections}
    assert sections <= set(formulaires.questions(FORMS / form)), "every expected section is asked"
    for element in data["body"]:
        ident = element.get("id")
        if not ident or element["type"] in {"markdown", "checkboxes"}:
            continue
        if ident in sections:
            continue
        group, _, sub = ident.partition("__")
        assert group in fields, f"{ident} n'est pas un champ du modèle {genre.model.__name__}"
        champ = fields[group]
        if sub:
            champ = {c.nom: c for c in champ.champs}[sub]
        if champ.vocabulaire:
            labels = list(vocabulaires.default()[champ.vocabulaire].values())
            assert element["attributes"]["options"] == labels, ident


def _names(widgets: list[dict[str, Any]]) -> set[str]:
    return {w["name"] for w in widgets}


def _compare(model_fields: tuple[champs.Champ, ...], widgets: list[dict[str, Any]], where: str) -> None:
    assert {c.nom for c in model_fields} == _names(widgets), where
    by_name = {w["name"]: w for w in widgets}
    for champ in model_fields:
        widget = by_name[champ.nom]
        # A picture's fields are optional in the form (Decap would refuse an entry with an empty optional picture);
        # the content check says what a given picture lacks instead.
        picture = where.rsplit(".", 1)[-1] in {"image", "logo"}
        assert widget["required"] is (champ.obligatoire and not picture), f"{where}.{champ.nom}"
        if champ.champs:
            _compare(champ.champs, widget["fields"], f"{where}.{champ.nom}")
        if champ.vocabulaire:
            options = widget.get("options") or widget.get("field", {}).get("options")
            assert [o["value"] for o in options] == list(vocabulaires.default()[champ.vocabulaire])


def test_every_model_field_has_a_widget_and_every_widget_a_field() -> None:
    project = projet.load(REPO)
    config = decap.configuration(project, "https://github.com/exemple/communs")
    collections = {c["name"]: c for c in config["collections"]}
    for genre in genres.GENRES:
        collection = collections[decap.COLLECTIONS[genre.name]]
        assert collection["folder"] == genre.folder
        widgets = [w for w in collection["fields"] if w["name"] != "body"]
        _compare(champs.champs(genre.model), widgets, genre.name)
    demandes = collections[decap.DEMANDES]["files"][0]
    assert demandes["file"] == genres.DEMANDES
    _compare(champs.champs(modeles.Demande), demandes["fields"][0]["fields"], "demande")


def test_editor_speaks_french_and_goes_through_pull_requests() -> None:
    config = decap.configuration(
        projet.load(REPO), "https://github.com/exemple/communs", authentification="https://auth.exemple.fr/"
    )
    assert config["locale"] == "fr"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {
        "name": "github",
        "repo": "exemple/communs",
        "branch": "main",
        "open_authoring": True,
        "base_url": "https://auth.exemple.fr",
    }
    lexique = next(c for c in config["collections"] if c["name"] == "lexique")
    contributeurs = next(w for w in lexique["fields"] if w["name"] == "contributeurs")
    assert "Jamais de nom de famille" in contributeurs["hint"]
    fiches = next(c for c in config["collections"] if c["name"] == "fiches")
    porteur = next(w for w in fiches["fields"] if w["name"] == "porteur")
    prototype = next(w for w in fiches["fields"] if w["name"] == "prototype")
    assert prototype["widget"] == "relation" and prototype["collection"] == "solutions"
    assert porteur["widget"] == "select" and any("(centre)" in o["label"] for o in porteur["options"])
    rapports = next(c for c in config["collections"] if c["name"] == "rapports")
    assert next(w for w in rapports["fields"] if w["name"] == "fichier")["widget"] == "file"
    assert rapports["media_folder"] == "", "the PDF is stored next to the report's page"
    body = next(w for w in fiches["fields"] if w["name"] == "body")
    assert body["default"].startswith("## Déroulé")


def test_without_a_repository_the_editor_only_talks_to_the_local_server() -> None:
    config = decap.configuration(projet.load(REPO), None)
    assert config["backend"]["name"] == "proxy"
    assert config["backend"]["proxy_url"].startswith("http://localhost:")


def _communs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communs", *args], cwd=cwd, capture_output=True, text=True, check=False)


def test_nouveau_writes_a_sheet_that_passes_once_filled(tmp_path: Path) -> None:
    root = copy_project(SITES / "lexique", tmp_path / "depot")
    made = _communs("nouveau", "fiche", "Atelier tablette", "--centre", "centre-des-tilleuls", cwd=root)
    assert made.returncode == 0, made.stderr
    assert "Fichier créé : fiches/atelier-tablette.md" in made.stdout
    assert "le champ « resume »" in made.stdout and "la section « Déroulé »" in made.stdout
    path = root / "fiches" / "atelier-tablette.md"
    text = path.read_text(encoding="utf-8")
    assert 'titre: "Atelier tablette"' in text and "## Déroulé" in text and "## Conseils" in text
    unfilled = _communs("verifier", "--strict", "fiches/atelier-tablette.md", cwd=root)
    assert unfilled.returncode == 1 and "CSC502" in unfilled.stdout
    filled = text.replace('resume: "À COMPLÉTER"', 'resume: "On découvre la tablette en jouant."')
    filled = filled.replace("À COMPLÉTER : les étapes", "1. Accueillir.\n2. Jouer.\n\nFin : les étapes", 1)
    filled = "\n".join("- Une idée." if line.startswith("À COMPLÉTER") else line for line in filled.split("\n"))
    filled = filled.replace("Fin : les étapes dans l'ordre, en liste numérotée (« 1. », « 2. »…), une action par étape.", "")
    # A sheet's duration, group and material are required, and its public or ages (issue 12).
    filled = filled.replace("duree_minutes: À COMPLÉTER", "duree_minutes: 60").replace(
        "materiel: [À COMPLÉTER]", "materiel: [tablette]"
    )
    filled = filled.replace("min: À COMPLÉTER", "min: 3").replace("max: À COMPLÉTER", "max: 8")
    filled = filled.replace("# publics: […]", "publics: [seniors]\n# publics: […]")
    path.write_text(filled, encoding="utf-8")
    passed = _communs("verifier", "--strict", cwd=root)
    assert passed.returncode == 0, passed.stdout
    again = _communs("nouveau", "fiche", "Atelier Tablette", cwd=root)
    assert again.returncode == 1 and "déjà pris par fiches/atelier-tablette.md" in again.stderr


def test_nouveau_knows_every_kind(tmp_path: Path) -> None:
    root = copy_project(SITES / "lexique", tmp_path / "depot")
    for genre in ("solution", "terme", "rapport", "territoire", "centre"):
        made = _communs("nouveau", genre, f"Essai {genre}", cwd=root)
        assert made.returncode == 0, made.stderr
    unknown = _communs("nouveau", "recette", "Crêpes", cwd=root)
    assert unknown.returncode == 1 and "n'est pas un genre connu" in unknown.stderr


def test_pre_commit_hook_reports_only_the_staged_files(tmp_path: Path) -> None:
    config: Any = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"].startswith(".venv/bin/communs verifier")
    root = copy_project(SITES / "lexique", tmp_path / "depot")
    (root / "fiches" / "cassee.md").write_text("---\ntitre: Cassée\n---\n", encoding="utf-8")
    other = _communs("verifier", "--strict", "content/lexique/souris.md", cwd=root)
    assert other.returncode == 0, other.stdout
    staged = _communs("verifier", "--strict", "fiches/cassee.md", cwd=root)
    assert staged.returncode == 1 and "fiches/cassee.md" in staged.stdout


def test_without_addresses_the_site_links_to_no_repository(shipped_site: Any) -> None:
    assert not shipped_site.failed, shipped_site.log
    for url in ("", "fiches/malle-d-alie-coder-sans-ecran/", "lexique/", "lexique/demandes/", "lexique/wi-fi/"):
        html = shipped_site.page(url)
        assert 'class="md-source"' not in html and "/edit/" not in html and "issues/new" not in html, url
    assert (shipped_site.site / "admin" / "index.html").is_file()
    assert (shipped_site.site / "admin" / "decap-cms.js").is_file()
    config: Any = yaml.safe_load((shipped_site.site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["name"] == "proxy", "no repository: only the local server"


def test_addresses_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.config import load_config

    monkeypatch.setenv("COMMUNS_DEPOT_URL", "https://github.com/exemple/communs")
    monkeypatch.setenv("COMMUNS_SITE_URL", "https://exemple.github.io/communs/")
    config = load_config(config_file=str(REPO / "mkdocs.yml"))
    assert config.repo_url == "https://github.com/exemple/communs"
    assert config.site_url == "https://exemple.github.io/communs/"
