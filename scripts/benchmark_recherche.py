#!/usr/bin/env python3
"""Benchmark of the search: our prebuilt French index against Material's default search, on generated corpora.

    python scripts/benchmark_recherche.py                     # 1,000 and 5,000 items
    python scripts/benchmark_recherche.py -n 1000 -n 5000 --requete atelier --repetitions 3

For each size N, a corpus of N valid items is generated (35 % solutions, 30 % activity sheets, 25 % lexicon terms,
5 % centres, 3 % territories, 2 % reports, each page with a body of a few hundred French words), then built twice:
- « commun »: the site as shipped (our plugin, our theme, our index, Material's search switched off);
- « Material »: the same pages with Material's own search plugin and its default settings (full-text index
  built in the browser at each visit).
Each site is served on 127.0.0.1; headless Chromium (Debian's) opens the home page with the CPU slowed four times
(CDP Emulation.setCPUThrottlingRate), types the query in the header's search box as soon as the page is loaded (by
Chromium's keyboard; `--saisie fill` with Playwright's page.fill(), as before, see SAISIES) and waits for the first
result.
Measured: the bytes the server sent from the opening of the page to the first result (and what gzip would have
sent), and the time from the opening of the page to the first result. The output is a Markdown table.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import logging
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from communs.core.modele.suggestions import slugify
from navigateur import CHROMIUM_FLAGS
from playwright.sync_api import sync_playwright

RACINE = Path(__file__).resolve().parent.parent


# --- A small generator of valid French content --------------------------------------------------------------

NOMS = [
    "atelier",
    "borne",
    "malle",
    "plateforme",
    "café",
    "carnet",
    "guide",
    "kit",
    "webradio",
    "espace",
    "jardin",
    "réseau",
    "point",
    "forum",
    "défi",
]
ADJECTIFS = [
    "numérique",
    "solidaire",
    "partagé",
    "des familles",
    "des seniors",
    "d'accueil",
    "des parents",
    "pour l'emploi",
    "sans écran",
    "collaboratif",
    "itinérant",
    "du quartier",
]
MOTS = [
    "habitants",
    "enfants",
    "parents",
    "seniors",
    "animateurs",
    "bénévoles",
    "écrans",
    "ordinateurs",
    "tablettes",
    "internet",
    "démarches",
    "ateliers",
    "jeux",
    "robots",
    "programmation",
    "vidéo",
    "radio",
    "photos",
    "courriel",
    "messagerie",
    "sécurité",
    "données",
    "logiciels",
    "libres",
    "accueil",
    "emploi",
    "insertion",
    "école",
    "familles",
    "quartier",
    "centre",
    "réseau",
    "formation",
    "accompagnement",
    "autonomie",
    "confiance",
    "partage",
    "fabrication",
    "réparation",
    "recyclage",
    "énergie",
    "jardin",
    "cuisine",
    "santé",
    "lecture",
    "écriture",
    "mémoire",
    "découverte",
]
VERBES = [
    "découvrir",
    "apprendre",
    "partager",
    "fabriquer",
    "réparer",
    "accompagner",
    "créer",
    "programmer",
    "échanger",
    "écrire",
    "jouer",
]
COMMUNES = [
    "Lille",
    "Roubaix",
    "Tourcoing",
    "Arras",
    "Lens",
    "Calais",
    "Boulogne-sur-Mer",
    "Dunkerque",
    "Valenciennes",
    "Douai",
    "Béthune",
    "Cambrai",
]
SECTIONS_PROTO = ("Besoin", "Présentation", "À quoi ça sert ?", "Animation de la solution", "Améliorations")


def _phrase(rng: random.Random, words: int = 14) -> str:
    chosen = [rng.choice(MOTS) for _ in range(words)]
    text = f"{rng.choice(VERBES).capitalize()} " + " ".join(
        w + (" et" if i % 5 == 4 else (" avec les" if i % 7 == 3 else "")) for i, w in enumerate(chosen)
    )
    return text + "."


def _paragraphe(rng: random.Random, phrases: int) -> str:
    return " ".join(_phrase(rng, rng.randint(10, 18)) for _ in range(phrases))


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class Corpus:
    folder: Path
    items: int


AJOUTE_LE = "2024-03-01"
"""The day every generated item entered the commons (a fixed date: the corpus is the same at every run)."""


def generer(folder: Path, n: int, graine: int = 0) -> Corpus:
    """A valid project of `n` items in `folder` (its own mkdocs.yml, content/, prototypes/, fiches/)."""
    rng = random.Random(graine)
    counts = {k: max(m, round(n * s)) for k, s, m in (("territoire", 0.03, 3), ("centre", 0.05, 2), ("rapport", 0.02, 1))}
    counts["terme"] = max(2, round(n * 0.25))
    counts["fiche"] = max(1, round(n * 0.30))
    counts["prototype"] = max(1, n - sum(counts.values()))
    content = folder / "content"
    for sub in ("territoires", "centres", "rapports", "lexique"):
        (content / sub).mkdir(parents=True, exist_ok=True)
    (folder / "prototypes").mkdir(exist_ok=True)
    (folder / "fiches").mkdir(exist_ok=True)
    (content / "index.md").write_text("# Corpus de test\n\n" + _paragraphe(rng, 3) + "\n", encoding="utf-8")

    territoires = ["hauts-de-france", "nord", "pas-de-calais"]
    write = _writer(folder)
    write("content/territoires/hauts-de-france.md", {"nom": "Hauts-de-France", "type": "region"}, "La région.")
    write("content/territoires/nord.md", {"nom": "Nord", "type": "departement", "parent": "hauts-de-france"}, "Le Nord.")
    write(
        "content/territoires/pas-de-calais.md",
        {"nom": "Pas-de-Calais", "type": "departement", "parent": "hauts-de-france"},
        "Le Pas-de-Calais.",
    )
    types_t = ["assemblee-territoriale", "versant", "territoire-projet", "collectif-rural"]
    for i in range(counts["territoire"] - 3):
        slug = f"territoire-{i}"
        data = {"nom": f"Territoire {rng.choice(COMMUNES)} {i}", "type": rng.choice(types_t), "parent": rng.choice(territoires)}
        write(f"content/territoires/{slug}.md", data, _paragraphe(rng, 2))
        territoires.append(slug)
    write(
        "content/rapports/rapport-0.md",
        {"titre": "Bilan du réseau", "type": "bilan", "periode": "{debut: 2019, fin: 2021}", "resume": _q(_phrase(rng))},
        _paragraphe(rng, 4),
    )
    for i in range(1, counts["rapport"]):
        data = {"titre": _q(f"Rapport {i} sur les {rng.choice(MOTS)}"), "type": "evaluation"}
        data |= {"periode": "{debut: 2020, fin: 2022}", "resume": _q(_phrase(rng))}
        write(f"content/rapports/rapport-{i}.md", data, _paragraphe(rng, 4))
    centres = []
    for i in range(counts["centre"]):
        commune = rng.choice(COMMUNES)
        data = {"nom": _q(f"Centre social {rng.choice(MOTS).capitalize()} {i}"), "type": "centre-social"}
        data |= {"commune": commune, "territoire": rng.choice(territoires[1:])}
        write(f"content/centres/centre-{i}.md", data, _paragraphe(rng, 2))
        centres.append(f"centre-{i}")
    source = "\n  - rapport: rapport-0\n    page: 3"
    for i in range(counts["terme"]):
        mot = f"{rng.choice(MOTS)} {rng.choice(MOTS)} {i}"
        data = {"terme": _q(mot.capitalize()), "variantes": f"[{_q(mot.replace(' ', '-'))}]", "categorie": "notions"}
        data |= {"definition": _q(_phrase(rng, 12)), "statut": "publie", "ajoute_le": AJOUTE_LE}
        write(f"content/lexique/terme-{i}.md", data, _paragraphe(rng, 2))
    domaines = ["emploi-insertion", "accueil-administration", "parentalite-education", "pouvoir-d-agir"]
    publics = ["habitants", "enfants", "parents", "seniors", "familles", "jeunes"]
    for i in range(counts["prototype"]):
        titre = f"{rng.choice(NOMS).capitalize()} {rng.choice(ADJECTIFS)} {i}"
        data = {"titre": _q(titre), "accroche": _q(_phrase(rng, 8)), "resume": _q(_paragraphe(rng, 2))}
        data |= {"statut": rng.choice(["prototype", "deploye", "essaime"]), "domaines": f"[{rng.choice(domaines)}]"}
        data |= {"publics": f"[{', '.join(rng.sample(publics, 2))}]", "porteur": rng.choice(centres)}
        data |= {"territoire": rng.choice(territoires), "sources": source, "ajoute_le": AJOUTE_LE}
        if data["statut"] != "prototype":  # a deployed or spread solution cites what shows it (CSC207)
            data["statut_source"] = "{rapport: rapport-0, page: 3}"
        body = "\n\n".join(f"## {s}\n\n{_paragraphe(rng, 6)}" for s in SECTIONS_PROTO)
        write(f"prototypes/{slugify(titre)}.md", data, body)
    for i in range(counts["fiche"]):
        titre = f"{rng.choice(VERBES).capitalize()} : {rng.choice(NOMS)} {rng.choice(ADJECTIFS)} {i}"
        age = rng.randint(3, 60)
        data = {"titre": _q(titre), "resume": _q(_paragraphe(rng, 2)), "publics": f"[{rng.choice(publics)}]"}
        data |= {"age_min": str(age), "age_max": str(age + rng.randint(2, 40))}
        data |= {"duree_minutes": str(rng.choice([30, 45, 60, 90, 120]))}
        data |= {"participants": f"{{min: 3, max: {rng.randint(6, 16)}}}", "materiel": "[papier]"}
        data |= {"sans_ecran": rng.choice(["true", "false"]), "domaines": f"[{rng.choice(domaines)}]", "sources": source}
        data["ajoute_le"] = AJOUTE_LE
        steps = "\n".join(f"{k}. {_phrase(rng, 12)}" for k in range(1, 7))
        body = f"## Déroulé\n\n{steps}\n\n## Variantes\n\n{_paragraphe(rng, 4)}\n\n## Conseils\n\n{_paragraphe(rng, 4)}"
        write(f"fiches/{slugify(titre)}.md", data, body)
    return Corpus(folder, n)


def _writer(folder: Path) -> Any:
    def write(path: str, data: dict[str, str], body: str) -> None:
        front = "\n".join(f"{k}: {v}" for k, v in data.items())
        (folder / path).write_text(f"---\n{front}\n---\n\n{body}\n", encoding="utf-8")

    return write


CONFIG = """site_name: Banc d'essai de la recherche
docs_dir: content
use_directory_urls: true
theme:
  name: material
  language: fr
  font: false
{theme_extra}plugins:
{plugins}
validation:
  nav:
    omitted_files: ignore
nav:
  - Accueil: index.md
  - Solutions: prototypes/index.md
  - Fiches d'activité: fiches/index.md
  - Lexique: lexique/index.md
  - Rapports: rapports/index.md
  - Territoires: territoires/index.md
  - Centres: centres/index.md
"""


def configurer(corpus: Corpus, variante: str) -> Path:
    """mkdocs-commun.yml (the shipped search) or mkdocs-material.yml (Material's default search)."""
    if variante == "commun":
        text = CONFIG.format(theme_extra=f"  custom_dir: {RACINE / 'themes'}\n", plugins="  - communs")
    else:
        text = CONFIG.format(theme_extra="", plugins="  - search\n  - communs")
    path = corpus.folder / f"mkdocs-{variante}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def construire(config: Path, site: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    started = time.perf_counter()
    build(load_config(config_file=str(config), site_dir=str(site), strict=True))
    return time.perf_counter() - started


# --- Measuring in Chromium ---------------------------------------------------------------------------------


class _Compteur(http.server.SimpleHTTPRequestHandler):
    """Serves the site and counts what it sends (bytes of each file, and their gzip size)."""

    envois: ClassVar[list[tuple[str, int, int]]] = []
    gzip_cache: ClassVar[dict[str, int]] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        try:
            outputfile.write(data)
        except ConnectionError:  # the page was closed at its first result, with later files on their way
            return
        path = self.path.split("?", 1)[0]
        if path not in self.gzip_cache:
            self.gzip_cache[path] = len(gzip.compress(data, 6))
        self.envois.append((path, len(data), self.gzip_cache[path]))


@contextmanager
def servir(site: Path) -> Iterator[str]:
    _Compteur.gzip_cache.clear()  # the same path in another site is another file
    handler = functools.partial(_Compteur, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


SELECTEURS = {
    "commun": ("#communs-recherche-champ", ".communs-resultat"),
    "Material": (".md-search__input", ".md-search-result__item"),
}
SAISIES = ("clavier", "fill")
"""How the query is typed. « clavier » (the default): the box is focused by the page's own focus(), the text comes
from Chromium's keyboard (Input.insertText) and a key is released, as a reader's typing ends. « fill »: Playwright's
page.fill(), which first evaluates Playwright's own selector script in the page (about 50 ms of the page's main
thread with the CPU slowed four times) and charges it to the page."""
PRET_MATERIAL = "() => !/Initialisation/.test(document.querySelector('.md-search-result__meta').textContent)"
"""Material drops a query typed before its worker has built the index: the reader types once it is ready."""

OBSERVATEUR = """(selecteur) => {
  window.__premier = null;
  new MutationObserver(() => {
    if (window.__premier === null && document.querySelector(selecteur)) window.__premier = performance.now();
  }).observe(document, { subtree: true, childList: true });
}"""
"""Notes, in the page's own clock (0 = start of the navigation), when the first result appears."""


@dataclass
class Mesure:
    octets: int
    octets_gzip: int
    requetes: int
    ouverture: float
    """Seconds from the opening of the page to the first result."""
    frappe: float
    """Seconds from the query typed to the first result."""
    page: float
    """Seconds from the opening to the page loaded (the same theme for both: Material's script and styles)."""


def mesurer(browser: Any, url: str, variante: str, requete: str, saisie: str = "clavier") -> Mesure:
    champ, resultat = SELECTEURS[variante]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(f"({OBSERVATEUR})({resultat!r})")
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    _Compteur.envois.clear()
    delai = int(os.environ.get("BANC_DELAI", "600000"))
    page.goto(url, wait_until="load")
    if variante == "Material":
        page.wait_for_function(PRET_MATERIAL, timeout=delai)
    if saisie == "clavier":  # the time then the focus in one call: no round trip to the page between them
        tape = float(page.evaluate("(s) => { const t = performance.now(); document.querySelector(s).focus(); return t; }", champ))
        page.keyboard.insert_text(requete)
        page.keyboard.press("End")  # the key released at the end of typing (Material listens to keyup)
    else:
        tape = float(page.evaluate("() => performance.now()"))
        page.fill(champ, requete)
    waited = 0
    while not page.evaluate("() => window.__premier !== null"):
        page.wait_for_timeout(100)
        waited += 100
        if variante == "Material" and waited % 2000 == 0:
            page.press(champ, "End")  # Material sometimes misses the first input: a key, as a reader would
        if waited > delai:
            raise TimeoutError(f"aucun résultat pour « {requete} » ({variante})")
    premier, loaded = page.evaluate("() => [window.__premier, performance.getEntriesByType('navigation')[0].loadEventEnd]")
    sent = list(_Compteur.envois)
    context.close()
    return Mesure(
        sum(s[1] for s in sent), sum(s[2] for s in sent), len(sent), premier / 1000, (premier - tape) / 1000, loaded / 1000
    )


def _ko(octets: float) -> str:
    return f"{octets / 1024:,.0f} Kio".replace(",", " ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", dest="tailles", type=int, action="append", help="nombre d'éléments (répétable)")
    parser.add_argument("--requete", default="atelier", help="le mot tapé dans la boîte de recherche")
    parser.add_argument("--repetitions", type=int, default=3, help="mesures par site (la médiane est gardée)")
    parser.add_argument(
        "--saisie",
        choices=SAISIES,
        default="clavier",
        help="clavier : focus puis texte et touche par le clavier de Chromium ; fill : page.fill() de Playwright",
    )
    parser.add_argument("--garder", type=Path, help="dossier où garder les corpus et les sites construits")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")  # a failed build says why
    tailles = args.tailles or [1000, 5000]
    executable = shutil.which("chromium")
    if executable is None:
        print("Chromium est introuvable (paquet Debian chromium).", file=sys.stderr)
        return 1
    work = args.garder or Path(tempfile.mkdtemp(prefix="banc-recherche-"))
    lignes = [
        "| éléments | recherche | construction du site | index sur disque | chargé avant le 1er résultat | (si gzip) "
        "| requêtes | page chargée | ouverture → 1er résultat | frappe → 1er résultat |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        for n in tailles:
            corpus = generer(work / f"corpus-{n}", n)
            for variante in ("commun", "Material"):
                site = work / f"site-{n}-{variante}"
                duree = construire(configurer(corpus, variante), site)
                disque = sum(p.stat().st_size for p in (site / "recherche").glob("*.js")) if variante == "commun" else 0
                if variante == "Material":
                    disque = (site / "search" / "search_index.json").stat().st_size
                with servir(site) as url:
                    mesures = [mesurer(browser, url, variante, args.requete, args.saisie) for _ in range(args.repetitions)]
                m = mesures[0]
                ouverture = statistics.median(x.ouverture for x in mesures)
                frappe = statistics.median(x.frappe for x in mesures)
                chargee = statistics.median(x.page for x in mesures)
                lignes.append(
                    f"| {n} | {variante} | {duree:.0f} s | {_ko(disque)} | {_ko(m.octets)} | {_ko(m.octets_gzip)} "
                    f"| {m.requetes} | {chargee:.2f} s | {ouverture:.2f} s | {frappe:.2f} s |"
                )
                print(lignes[-1], file=sys.stderr, flush=True)
        version = browser.version
        browser.close()
    print(f"Requête « {args.requete} » ({args.saisie}), médiane de {args.repetitions} mesures, Chromium {version}.\n")
    print("\n".join(lignes))
    if not args.garder:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
