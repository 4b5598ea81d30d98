"""Structured data of a lexicon term: a schema.org `DefinedTerm` in the `DefinedTermSet` of the lexicon, as JSON-LD
text ready to sit in a <script type="application/ld+json"> element (the theme writes it in the page's head)."""

from __future__ import annotations

import json
from typing import Any

from communs.core.domaine.lexique import INDEX, terme
from communs.core.modele.projet import Item, Project
from communs.core.modele.vocabulaires import label
from communs.core.pages.pages_lexique import TITRE
from communs.core.urls import Urls


def donnees(item: Item, project: Project, urls: Urls, site_url: str | None = None) -> dict[str, Any]:
    """The DefinedTerm as a dictionary; addresses are absolute only when the site's address is known."""
    model = terme(item)
    term_set: dict[str, Any] = {"@type": "DefinedTermSet", "name": TITRE, "inLanguage": "fr"}
    set_url = urls.absolue(site_url, INDEX)
    if set_url:
        term_set["@id"] = set_url
        term_set["url"] = set_url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "name": item.title,
        "description": model.definition,
        "termCode": item.slug,
        "inLanguage": "fr",
        "inDefinedTermSet": term_set,
    }
    if model.variantes:
        data["alternateName"] = list(model.variantes)
    data["keywords"] = label(project.vocabularies, "categories", model.categorie)
    url = urls.absolue(site_url, item.src_uri)
    if url:
        data["@id"] = url
        data["url"] = url
    return data


def script(data: dict[str, Any]) -> str:
    """JSON safe inside a <script> element: no « < », « > » or « & » that could close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def terme_jsonld(item: Item, project: Project, urls: Urls, site_url: str | None = None) -> str:
    return script(donnees(item, project, urls, site_url))
