"""What each page gives the search: a title, keywords, a short text and the line of context a result shows.

Only what tells what a page is about is indexed (titles, summaries, definitions, variants, aliases, material,
headings), never the whole body: at 5,000 items a full-text index would be tens of megabytes in the browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from communs.core.modele import modeles
from communs.core.modele.projet import Item, Project
from communs.core.modele.vocabulaires import label
from communs.core.urls import Urls

CONTEXTE_MAX = 160
"""Characters of the line of context under a result."""

PAGE = "page"
PAGE_LABEL = "Page"

_HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_MARKUP = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)|[*_`>#|]|<[^<>]+>|\{[:#.][^{}]*\}")
"""Each repetition stops at the next opening sign: linear on « [[[[ », « <<<< » or « {:{:{: »."""


@dataclass(frozen=True)
class PageIndexee:
    """One searchable page."""

    genre: str
    """The genre's name (« prototype », « fiche »…) or « page »."""
    libelle: str
    """What a result says it is: « Solution », « Fiche d'activité », « Lexique »…"""
    titre: str
    url: str
    """Site path from the site root: « prototypes/chill/ »."""
    mots: str
    """Keywords: variants, aliases, material, headings."""
    texte: str
    """The short text: catchline, summary, definition, objectives."""
    contexte: str
    identifiant: str
    """« genre/slug » for an item, the source path for another page: stable across builds."""


def entrees(project: Project, urls: Urls) -> list[PageIndexee]:
    """Every valid item then every other page, in the order of the project (the same at every build)."""
    found = [_item(item, project, urls) for item in project.items if item.model is not None]
    for doc in sorted(project.pages, key=lambda d: d.path):
        uri = project.site_uri(doc.path)
        title = _page_title(doc.data, doc.body) or uri
        headings = [h for h in _headings(doc.body) if h != title]
        first = _first_paragraph(doc.body)
        found.append(PageIndexee(PAGE, PAGE_LABEL, title, urls.page(uri), _join(headings), first, _line(first), uri))
    return found


def numeros(pages: list[PageIndexee]) -> dict[str, int]:
    """`identifiant` -> number of the page in the search index (the catalogues filter their lists with it)."""
    return {entree.identifiant: number for number, entree in enumerate(pages)}


def identifiant(item: Item) -> str:
    return f"{item.genre.name}/{item.slug}"


def _join(parts: Iterable[str | None]) -> str:
    return " ; ".join(p.replace("\n", " ").strip() for p in parts if p and p.strip())


def _line(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= CONTEXTE_MAX:
        return text
    cut = text[: CONTEXTE_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def _item(item: Item, project: Project, urls: Urls) -> PageIndexee:
    model = item.model
    vocab = project.vocabularies
    headings = [h for h in _headings(item.doc.body) if h not in item.genre.sections]
    mots: list[str | None] = [*item.aliases, *headings]
    texte: list[str | None] = []
    contexte = ""
    if isinstance(model, modeles.Prototype):
        texte = [model.accroche, model.resume]
        contexte = model.accroche or model.resume
    elif isinstance(model, modeles.Fiche):
        mots += [label(project.vocabularies, "materiel", m) for m in model.materiel] + model.materiel_detail
        texte = [model.resume, *model.objectifs]
        contexte = model.resume
    elif isinstance(model, modeles.Terme):
        mots += model.variantes
        texte = [model.definition, model.mot_d_enfant]
        contexte = model.definition
    elif isinstance(model, modeles.Rapport):
        debut, fin = model.periode.debut, model.periode.fin
        years = [str(debut)] if debut == fin else [f"{debut}-{fin}", *(str(y) for y in range(debut, fin + 1))]
        mots += [*years, label(vocab, "types_rapports", model.type)]
        texte = [model.resume]
        contexte = model.resume
    elif isinstance(model, modeles.Territoire):
        genre = label(vocab, "types_territoires", model.type)
        parent = project.find("territoire", model.parent) if model.parent else None
        contexte = genre + (f" — {parent.title}" if parent else "")
        texte = [_first_paragraph(item.doc.body)]
    elif isinstance(model, modeles.Centre):
        genre = label(vocab, "types_centres", model.type)
        mots += [model.commune, model.gestionnaire]
        contexte = f"{genre} — {model.commune}"
        texte = [_first_paragraph(item.doc.body)]
    url = urls.page(item.src_uri)
    return PageIndexee(
        item.genre.name, item.genre.label, item.title, url, _join(mots), _join(texte), _line(contexte), identifiant(item)
    )


def _page_title(data: object, body: str) -> str:
    if isinstance(data, dict) and isinstance(data.get("title"), str):
        return str(data["title"])
    for level, text in _heading_levels(body):
        if level == 1:
            return text
    return ""


def _headings(body: str) -> list[str]:
    return [text for _, text in _heading_levels(body)]


def _heading_levels(body: str) -> list[tuple[int, str]]:
    found = []
    fenced = False
    for line in body.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match:
            found.append((len(match.group(1)), _plain(match.group(2))))
    return found


def _plain(markdown: str) -> str:
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or " ", markdown).split())


def _first_paragraph(body: str) -> str:
    """The first paragraph of plain text of a body (no heading, list, table or HTML block)."""
    lines: list[str] = []
    for line in body.splitlines():
        stripped = line.strip()
        if not stripped:
            if lines:
                break
            continue
        if stripped.startswith(("#", "-", "*", "|", "<", ">", "!", "```", "~~~", "{")) or re.match(r"^\d+\.", stripped):
            if lines:
                break
            continue
        lines.append(stripped)
    return _plain(" ".join(lines))
