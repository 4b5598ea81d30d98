"""Structured data of every item's page as schema.org JSON-LD: a solution is a `CreativeWork`, a sheet a
`LearningResource`, a report a `Report`, a centre an `Organization` at a `Place`, a territory an `AdministrativeArea`;
a lexicon term stays a `DefinedTerm` (`jsonld.py`). Only what the page itself shows; nothing about a person."""

from __future__ import annotations

from typing import Any

from communs.core.modele import genres, modeles
from communs.core.modele.projet import Item, Project
from communs.core.modele.vocabulaires import label
from communs.core.pages import jsonld
from communs.core.pages.illustrations import Illustrations
from communs.core.urls import Urls

LICENCES = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC-BY-NC-SA-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "etalab-2.0": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
"""schema.org wants a licence as an address; the SPDX list gives the others'."""


class Structure:
    def __init__(self, project: Project, urls: Urls, site_url: str | None, illustrations: Illustrations | None = None) -> None:
        self.project, self.urls, self.site_url, self.illustrations = project, urls, site_url, illustrations

    def _base(self, item: Item, kind: str, description: str | None) -> dict[str, Any]:
        data: dict[str, Any] = {"@context": "https://schema.org", "@type": kind, "name": item.title, "inLanguage": "fr"}
        if description:
            data["description"] = description
        url = self.urls.absolue(self.site_url, item.src_uri)
        if url:
            data["@id"] = url
            data["url"] = url
        self._image(data, item)
        return data

    def _image(self, data: dict[str, Any], item: Item) -> None:
        """The picture the page shows (its largest published width), when the site's address is known: the same
        words as the page (its description, caption, author, licence); the original file is never named."""
        found = self.illustrations.de(item) if self.illustrations and self.site_url else None
        if found is None or not self.site_url:
            return
        largest = found.traitee.repli[-1]
        node: dict[str, Any] = {
            "@type": "ImageObject",
            "contentUrl": self.site_url.rstrip("/") + "/" + largest.chemin,
            "encodingFormat": largest.type,
            "width": largest.largeur,
            "height": largest.hauteur,
            "description": found.image.alt,
        }
        if found.image.legende:
            node["caption"] = found.image.legende
        if found.image.credit:
            node["creditText"] = found.image.credit
        self._licence(node, found.image.licence)
        data["image"] = node

    def _ref(self, names: tuple[str, ...], slug: str | None) -> dict[str, Any] | None:
        """Another item as a small node: its type, its name and, when the site's address is known, its page."""
        for name in names if slug else ():
            target = self.project.find(name, slug or "")
            if target is not None:
                kind = {"centre": "Organization", "territoire": "AdministrativeArea"}.get(name, "CreativeWork")
                node: dict[str, Any] = {"@type": kind, "name": target.title}
                url = self.urls.absolue(self.site_url, target.src_uri)
                if url:
                    node["url"] = url
                return node
        return None

    def _vocab(self, name: str, codes: list[str]) -> list[str]:
        return [label(self.project.vocabularies, name, code) for code in codes]

    def _licence(self, data: dict[str, Any], code: str | None) -> None:
        if code:
            data["license"] = LICENCES.get(code, f"https://spdx.org/licenses/{code}.html")

    def prototype(self, item: Item, m: modeles.Prototype) -> dict[str, Any]:
        data = self._base(item, "CreativeWork", m.resume)
        data["keywords"] = self._vocab("domaines", m.domaines) + self._vocab("themes", m.themes)
        data["creativeWorkStatus"] = label(self.project.vocabularies, "statuts", m.statut)
        if m.publics:
            data["audience"] = [{"@type": "Audience", "audienceType": p} for p in self._vocab("publics", m.publics)]
        creator = self._ref(("centre", "territoire"), m.porteur)
        if creator:
            data["creator"] = creator
        if m.annees:
            data["dateCreated"] = str(min(m.annees))
        if m.alias:
            data["alternateName"] = list(m.alias)
        self._licence(data, m.licence)
        return data

    def fiche(self, item: Item, m: modeles.Fiche) -> dict[str, Any]:
        data = self._base(item, "LearningResource", m.resume)
        data["learningResourceType"] = "Fiche d'activité"
        if m.objectifs:
            data["teaches"] = list(m.objectifs)
        if m.age_min is not None or m.age_max is not None:
            data["typicalAgeRange"] = f"{m.age_min if m.age_min is not None else ''}-{m.age_max if m.age_max is not None else ''}"
        if m.duree_minutes:
            data["timeRequired"] = f"PT{m.duree_minutes}M"
        if m.niveau:
            data["educationalLevel"] = label(self.project.vocabularies, "niveaux", m.niveau)
        if m.publics:
            data["audience"] = [{"@type": "Audience", "audienceType": p} for p in self._vocab("publics", m.publics)]
        if m.domaines:
            data["keywords"] = self._vocab("domaines", m.domaines)
        solution = self._ref(("prototype",), m.prototype)
        if solution:
            data["isBasedOn"] = solution
        creator = self._ref(("centre", "territoire"), m.porteur)
        if creator:
            data["creator"] = creator
        self._licence(data, m.licence)
        return data

    def rapport(self, item: Item, m: modeles.Rapport) -> dict[str, Any]:
        data = self._base(item, "Report", m.resume)
        data["genre"] = label(self.project.vocabularies, "types_rapports", m.type)
        data["temporalCoverage"] = f"{m.periode.debut}/{m.periode.fin}"
        if m.date:
            data["datePublished"] = m.date.isoformat()
        if m.auteurs:
            data["author"] = [{"@type": "Organization", "name": name} for name in m.auteurs]
        if m.commanditaires:
            data["funder"] = [{"@type": "Organization", "name": name} for name in m.commanditaires]
        places = [self._ref(("territoire",), slug) for slug in m.territoires]
        if any(places):
            data["spatialCoverage"] = [p for p in places if p]
        if m.url:
            data["sameAs"] = m.url
        return data

    def territoire(self, item: Item, m: modeles.Territoire) -> dict[str, Any]:
        data = self._base(item, "AdministrativeArea", None)
        data["additionalType"] = label(self.project.vocabularies, "types_territoires", m.type)
        parent = self._ref(("territoire",), m.parent)
        if parent:
            data["containedInPlace"] = parent
        if m.alias:
            data["alternateName"] = list(m.alias)
        return data

    def centre(self, item: Item, m: modeles.Centre) -> dict[str, Any]:
        data = self._base(item, "Organization", None)
        address: dict[str, Any] = {"@type": "PostalAddress", "addressLocality": m.commune, "addressCountry": "FR"}
        if m.adresse:
            address["streetAddress"] = m.adresse
        if m.code_postal:
            address["postalCode"] = m.code_postal
        data["address"] = address
        place: dict[str, Any] = {"@type": "Place", "name": m.commune, "address": address}
        if m.coordonnees:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": m.coordonnees.lat, "longitude": m.coordonnees.lon}
        data["location"] = place
        if m.telephone:
            data["telephone"] = m.telephone
        if m.site:
            data["sameAs"] = m.site
        area = self._ref(("territoire",), m.territoire)
        if area:
            data["areaServed"] = area
        return data

    def donnees(self, item: Item) -> dict[str, Any] | None:
        m = item.model
        if isinstance(m, modeles.Prototype):
            return self.prototype(item, m)
        if isinstance(m, modeles.Fiche):
            return self.fiche(item, m)
        if isinstance(m, modeles.Rapport):
            return self.rapport(item, m)
        if isinstance(m, modeles.Territoire):
            return self.territoire(item, m)
        if isinstance(m, modeles.Centre):
            return self.centre(item, m)
        if item.genre is genres.TERME:
            return jsonld.donnees(item, self.project, self.urls, self.site_url)
        return None

    def script(self, item: Item) -> str | None:
        data = self.donnees(item)
        return jsonld.script(data) if data else None
