"""The Atom feed of what is new in the commons (RFC 4287), written with the standard library's ElementTree.

A solution, a sheet or a word is dated by the day it entered the commons (`ajoute_le`, the date the home page's
latest additions show). Another item's date is the latest one its front-matter gives (a report's publication date or
the end of its period; a news item's date). A year counts as its first of January. Never the build's clock: two builds of the same
content write the same feed. Items with no date at all stay out of the feed (they are still in the data).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import uuid
import xml.etree.ElementTree as ET
from typing import Any

from communs.core.modele import genres
from communs.core.modele.projet import Item
from communs.core.modele.publications import FLUX
from communs.core.pages.tables import Tables

TITRE = "Nouveautés du commun des Centres Sociaux Connectés"
MAXIMUM = 50
ATOM = "http://www.w3.org/2005/Atom"
_ESPACE = uuid.UUID("4f1c9d0e-5b2a-4c3e-9a51-3d2b8e6f7a10")
"""The namespace of the entries' stable identifiers (uuid5 of the genre and the slug)."""


def _annees(model: Any) -> list[int]:
    years: list[int] = list(getattr(model, "annees", None) or [])
    years += [e.annee for e in getattr(model, "essaimage", None) or [] if e.annee]
    years += [c.annee for c in getattr(model, "contributeurs", None) or [] if c.annee]
    proposal = getattr(model, "propose_par", None)
    if proposal is not None:
        years.append(proposal.annee)
    period = getattr(model, "periode", None)
    if period is not None:
        years.append(period.fin)
    return years


def date_de(item: Item) -> dt.date | None:
    """The day the item entered the commons when it says so, else the latest date its front-matter gives, or None."""
    added = getattr(item.model, "ajoute_le", None)
    if isinstance(added, dt.date):
        return added
    dates = [dt.date(year, 1, 1) for year in _annees(item.model)]
    published = getattr(item.model, "date", None)
    if isinstance(published, dt.date):
        dates.append(published)
    return max(dates) if dates else None


def _horodatage(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _sous(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _lien(tables: Tables, src_uri: str) -> str:
    absolute = tables.urls.absolue(tables.site_url, src_uri)
    if absolute:
        return absolute
    page = tables.urls.page(src_uri)
    relative = posixpath.relpath(page or ".", posixpath.dirname(FLUX) or ".")
    return relative + "/" if page.endswith("/") or not page else relative


def entrees(tables: Tables) -> list[tuple[dt.date, Item]]:
    dated = [(date_de(item), item) for genre in genres.GENRES for item in tables.elements(genre)]
    found = [(day, item) for day, item in dated if day is not None]
    found.sort(key=lambda pair: (-pair[0].toordinal(), pair[1].genre.name, pair[1].slug))
    return found[:MAXIMUM]


def flux(tables: Tables) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "fr"})
    items = entrees(tables)
    _sous(feed, "title", TITRE)
    _sous(feed, "subtitle", "Les solutions, fiches, mots, rapports, territoires et centres ajoutés ou mis à jour.")
    home = tables.urls.absolue(tables.site_url, "index.md")
    _sous(feed, "id", home + FLUX if home else f"urn:uuid:{uuid.uuid5(_ESPACE, FLUX)}")
    _sous(feed, "updated", _horodatage(items[0][0] if items else dt.date(2017, 1, 1)))
    author = _sous(feed, "author")
    _sous(author, "name", "Réseau des Centres Sociaux Connectés")
    if home:
        _sous(feed, "link", rel="self", type="application/atom+xml", href=home + FLUX)
    _sous(feed, "link", rel="alternate", type="text/html", href=_lien(tables, "index.md"))
    for day, item in items:
        entry = _sous(feed, "entry")
        _sous(entry, "title", item.title)
        _sous(entry, "id", f"urn:uuid:{uuid.uuid5(_ESPACE, f'{item.genre.name}/{item.slug}')}")
        _sous(entry, "updated", _horodatage(day))
        _sous(entry, "link", rel="alternate", type="text/html", href=_lien(tables, item.src_uri))
        _sous(entry, "category", term=item.genre.name, label=item.genre.label)
        summary = getattr(item.model, "resume", None) or getattr(item.model, "definition", None)
        if summary:
            _sous(entry, "summary", str(summary))
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
