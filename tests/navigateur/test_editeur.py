"""The web editor (Decap CMS at admin/) for real: the built admin/ page in Chromium, decap-server (npm) as the local
backend writing into a copy of the repository. Forms filled and saved as a contributor would; the files written
pass `communs verifier --strict` and appear in a build; a child's surname is refused by the check."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from communs.core.modele import codes
from playwright.sync_api import Browser, Page

from ..conftest import REPO, Build, build_site, copy_project
from .conftest import serve

SERVER = REPO / "node_modules" / "decap-server" / "dist" / "index.js"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def port() -> int:
    return _free_port()


@pytest.fixture(scope="module")
def admin_url(shipped_site: Build, port: int, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built admin/ page, its local backend pointed at this test's decap-server. decap-server writes files
    directly (its « fs » mode), so the editorial workflow is left out of this copy of the configuration."""
    assert not shipped_site.failed, shipped_site.log
    folder = tmp_path_factory.mktemp("editeur")
    shutil.copytree(shipped_site.site / "admin", folder / "admin")
    config_path = folder / "admin" / "config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    local = f"http://127.0.0.1:{port}/api/v1"
    config["local_backend"] = {"url": local}
    config["backend"] = {"name": "proxy", "proxy_url": local, "branch": "main"}
    config.pop("publish_mode")
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    server, url = serve(folder)
    yield url + "admin/"
    server.shutdown()


@pytest.fixture
def depot(tmp_path: Path, port: int) -> Iterator[Path]:
    """A copy of the repository, and decap-server writing into it."""
    node = shutil.which("node")
    if node is None or not SERVER.is_file():
        pytest.fail("node ou decap-server manque : « make test » l'installe (npm ci).")
    root = copy_project(REPO, tmp_path / "depot")
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(root), "LOG_LEVEL": "error"}
    process = subprocess.Popen([node, str(SERVER)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("decap-server ne répond pas")
    yield root
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def page(browser: Browser, admin_url: str) -> Iterator[Page]:
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    outside: list[str] = []
    opened.on(
        "request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None
    )
    opened.goto(admin_url)
    opened.get_by_role("button", name="Se connecter").click()
    opened.get_by_text("Solutions", exact=True).first.wait_for()
    yield opened
    assert outside == [], "the editor asks nothing of a third-party host"
    context.close()


def _choose(page: Page, field: str, text: str) -> None:
    """A select or relation widget: type, then take the first match."""
    page.locator(f"[id^='{field}-field']").last.fill(text)
    page.get_by_role("option").first.wait_for()
    page.keyboard.press("Enter")


def _body(page: Page, markdown: str) -> None:
    page.get_by_label("markdown field").get_by_role("switch").click()
    page.locator("[contenteditable='true']").last.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(markdown)


def _publish(page: Page, written: Path) -> float:
    """Save as a contributor does; the seconds until the file is on disk."""
    page.get_by_role("button", name="Publier").first.click()
    started = time.monotonic()
    page.get_by_text("Publier maintenant").click()
    while not written.is_file():
        assert time.monotonic() - started < 20, f"{written.name} n'a pas été écrit"
        time.sleep(0.02)
    return time.monotonic() - started


def _new(page: Page, admin_url: str, collection: str, first_field: str) -> None:
    """The empty form of a new entry, in a freshly loaded editor."""
    page.goto("about:blank")
    page.goto(admin_url + f"#/collections/{collection}/new")
    sign_in = page.get_by_role("button", name="Se connecter")
    field = page.locator(f"[id^='{first_field}-field']")
    sign_in.or_(field).first.wait_for()
    if sign_in.is_visible():
        sign_in.click()
    field.wait_for()


def _term(page: Page, admin_url: str, mot: str, prenom: str) -> None:
    _new(page, admin_url, "lexique", "terme")
    page.locator("[id^='terme-field']").fill(mot)
    _choose(page, "categorie", "Matériel")
    page.locator("[id^='definition-field']").fill("Un appareil plat pour lire des livres. Il tient dans la main.")
    page.get_by_role("button", name="Ajouter contributeur").click()
    page.locator("[id^='prenom-field']").fill(prenom)
    _choose(page, "tranche_age", "9 à 11 ans")
    _choose(page, "centre", "Tilleul")
    _choose(page, "statut", "Publié")


def _verifier(root: Path, *files: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "communs", "verifier", "--strict", "--racine", str(root), *files]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_a_term_and_a_sheet_made_in_the_editor_pass_the_check_and_are_built(
    page: Page, admin_url: str, depot: Path, tmp_path: Path
) -> None:
    _term(page, admin_url, "Liseuse", "Inès")
    term = depot / "content" / "lexique" / "liseuse.md"
    _publish(page, term)
    _new(page, admin_url, "fiches", "titre")
    page.locator("[id^='titre-field']").fill("Atelier tablette du jeudi")
    page.locator("[id^='resume-field']").fill("Les participants découvrent la tablette en jouant.")
    _choose(page, "publics", "Seniors")
    page.locator("[id^='duree_minutes-field']").fill("90")
    # Required since issue 12: the group size and the material, from its short list.
    page.locator("[id^='min-field']").fill("4")
    page.locator("[id^='max-field']").fill("8")
    _choose(page, "materiel", "Tablettes ou smartphones")
    _choose(page, "centre", "Tilleul")
    page.locator("[id^='annee-field']").fill("2026")
    _body(
        page,
        "## Déroulé\n\n1. Accueillir.\n2. Jouer.\n\n## Variantes\n\n- En famille.\n\n## Conseils\n\n- Charger les tablettes.\n",
    )
    sheet = depot / "fiches" / "atelier-tablette-du-jeudi.md"
    saved = _publish(page, sheet)
    started = time.monotonic() - saved
    text = sheet.read_text(encoding="utf-8")
    assert "propose_par:\n  centre: centre-social-le-tilleul\n  annee: 2026" in text
    assert "- seniors" in text and "duree_minutes: 90" in text and "- tablette" in text
    assert "prenom: Inès" in term.read_text(encoding="utf-8")
    checked = _verifier(depot)
    assert checked.returncode == 0, checked.stdout
    built = build_site(depot, tmp_path / "site", config_name="mkdocs-hors-ligne.yml")
    assert not built.failed, built.log
    # Measured, not asserted: from the click on « Publier maintenant » to the page in a local build.
    print(f"\nÉditeur : fichier écrit en {saved:.2f} s, page construite {time.monotonic() - started:.1f} s après le clic.")
    page_html = (built.site / "fiches" / "atelier-tablette-du-jeudi.html").read_text(encoding="utf-8")
    assert "Proposé par" in page_html and "Centre Social Le Tilleul (2026)" in page_html
    assert "Inès, 9 à 11 ans" in (built.site / "lexique" / "liseuse.html").read_text(encoding="utf-8")


def test_a_child_surname_typed_in_the_editor_is_refused_by_the_check(page: Page, admin_url: str, depot: Path) -> None:
    _term(page, admin_url, "Stylet", "Inès Martin")
    term = depot / "content" / "lexique" / "stylet.md"
    _publish(page, term)
    checked = _verifier(depot, "content/lexique/stylet.md")
    assert checked.returncode == 1
    assert codes.CONTRIBUTEUR_NOM in checked.stdout and "Inès Martin" in checked.stdout
