"""A catalogue with facets, as HTML inside the generated Markdown: the whole list reads without JavaScript.

Each entry carries its facet values in data-* attributes and its number in the search index (`data-doc`);
the form (hidden until the script shows it) has one fieldset per facet, each value with its count.
assets/javascripts/communs-catalogue.js filters the list, updates the counts and keeps the filters in the
address of the page, so that a filtered list can be shared.
"""

from __future__ import annotations

import html

from communs.core.domaine.facettes import Facette, facettes
from communs.core.modele import genres
from communs.core.modele.genres import Genre
from communs.core.modele.projet import Item, Project
from communs.core.recherche.documents import cle
from communs.core.urls import href

LONGUE = 8
"""A facet with more values scrolls inside its box."""


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _extra(item: Item) -> str:
    for name in ("accroche", "resume"):
        value = getattr(item.model, name, None)
        if value:
            return str(value)
    return ""


def _pluriel(genre: Genre) -> str:
    return genre.plural[:1].lower() + genre.plural[1:]


def nombre(genre: Genre, count: int) -> str:
    """« 1 solution », « 12 fiches d'activité »."""
    name = genre.label if count == 1 else genre.plural
    return f"{count} {name[:1].lower() + name[1:]}"


def _facette(facette: Facette) -> list[str]:
    shown = [(code, text) for code, text in facette.valeurs.items() if facette.nombre(code)]
    if not shown:
        return []
    classes = "communs-facette" + (" communs-facette--longue" if len(shown) > LONGUE else "")
    lines = [
        f'<fieldset class="{classes}" data-facette="{_attr(facette.nom)}">',
        f"<legend>{html.escape(facette.libelle)}</legend>",
    ]
    if facette.aide:
        lines.append(f'<p class="communs-facette__aide">{html.escape(facette.aide)}</p>')
    lines.append('<ul class="communs-facette__valeurs">')
    for code, text in shown:
        depth = facette.profondeurs.get(code, 0)
        level = f' class="communs-facette__niveau-{min(depth, 4)}"' if depth else ""
        lines.append(
            f'<li{level}><label><input type="checkbox" name="{_attr(facette.nom)}" value="{_attr(code)}"> '
            f'{html.escape(text)} <span class="communs-facette__nombre">({facette.nombre(code)})</span></label></li>'
        )
    lines += ["</ul>", "</fieldset>"]
    return lines


def _entry(item: Item, here: str, numbers: dict[str, int], facets: list[Facette], directory_urls: bool) -> str:
    attrs = []
    number = numbers.get(cle(item))
    if number is not None:
        attrs.append(f'data-doc="{number}"')
    for facette in facets:
        codes = facette.par_item.get(item.slug)
        if codes:
            attrs.append(f'data-{facette.nom}="{_attr(" ".join(codes))}"')
    link = f'<a href="{_attr(href(here, item.src_uri, directory_urls))}">{html.escape(item.title)}</a>'
    extra = _extra(item)
    text = link + (f" — {html.escape(extra)}" if extra else "")
    return f"<li {' '.join(attrs)}>{text}</li>" if attrs else f"<li>{text}</li>"


def catalogue_filtrable(
    genre: Genre, items: list[Item], project: Project, numbers: dict[str, int], directory_urls: bool
) -> list[str]:
    """The form of facets, the number of results and the list of `items` (already in display order)."""
    here = genre.src_uri("index")
    facets = facettes(genre, project)
    plural = _pluriel(genre)
    lines = [
        f'<div class="communs-catalogue" data-genre="{genre.name}" data-pluriel="{_attr(plural)}" '
        f'data-singulier="{_attr(genre.label[:1].lower() + genre.label[1:])}">',
        f'<form class="communs-filtres" aria-label="Filtrer les {_attr(plural)}" hidden>',
        '<p class="communs-filtres__texte"><label for="communs-filtre-texte">Chercher dans la liste</label>',
        '<input type="search" id="communs-filtre-texte" name="q" autocomplete="off" spellcheck="false"></p>',
        '<div class="communs-filtres__facettes">',
    ]
    for facette in facets:
        lines += _facette(facette)
    lines += [
        "</div>",
        '<p class="communs-filtres__actions"><button type="reset" class="md-button">Tout afficher</button></p>',
        "</form>",
        f'<p class="communs-catalogue__nombre" role="status">{html.escape(nombre(genre, len(items)))}.</p>',
        '<ul class="communs-catalogue__liste">',
        *[_entry(item, here, numbers, facets, directory_urls) for item in items],
        "</ul>",
        "</div>",
    ]
    return lines


FILTRABLES = (genres.PROTOTYPE, genres.FICHE)
"""The genres whose catalogue has facets."""
