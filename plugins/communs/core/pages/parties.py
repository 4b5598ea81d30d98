"""An item's page, assembled around the engine's rendering of its text: the head that answers « can I reuse this,
and whom do I call? », the picture, the section of its genre (territory, centre, term) and the compact details."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from communs.core.domaine.arbre import Arbre
from communs.core.modele import genres
from communs.core.modele.projet import Item, Project
from communs.core.pages import centres, complements, proximite, territoires
from communs.core.pages.illustrations import Illustrations
from communs.core.pages.pages_lexique import PagesLexique
from communs.core.pages.resume import resume
from communs.core.pages.schema_org import Structure
from communs.core.pages.tete import lieux, sources, tete
from communs.core.pages.tete_territoire import tete_territoire
from communs.core.rendu.gabarits import Gabarits
from communs.core.rendu.sommaire import Titre, sommaire
from communs.core.urls import Urls

REPERE = (
    "Durée, taille du groupe et âges sont des repères pour préparer l'activité, choisis par l'équipe qui rédige ces fiches : "
    "les rapports ne les donnent pas toujours. Adaptez-les à votre groupe."
)


@dataclass
class Parties:
    """What an item's page is made of, around the text of its file."""

    titre: str
    genre: str
    description: str | None
    resume: dict[str, Any]
    resume_html: str
    """The summary as HTML (the core's `resume.html`), shown under the title by both engines."""
    avant: str
    """HTML before the text (the lead)."""
    apres: str
    """HTML after the text (figures, a territory's or a centre's section, the end of a term's page)."""
    sommaire_apres: list[Titre]
    jsonld: str | None


@dataclass
class Assembleur:
    """Makes the parts of any item's page from what the façade built once for the whole site."""

    projet: Project
    arbre: Arbre
    urls: Urls
    gabarits: Gabarits
    illustrations: Illustrations
    pages_lexique: PagesLexique
    site_url: str | None
    _vides: dict[tuple[str, ...], str] = field(default_factory=dict, init=False, repr=False)

    def _rendre(self, nom: str, **donnees: Any) -> str:
        """`gabarits.rendre`, made once per build for a template whose data are all empty: most items have no
        figures (`suite.html`), and a solution's or a sheet's summary moves to « En détail » (`resume.html`)."""
        if any(donnees.values()):
            return self.gabarits.rendre(nom, **donnees)
        key = (nom, *(f"{name}={value!r}" for name, value in sorted(donnees.items())))
        if key not in self._vides:
            self._vides[key] = self.gabarits.rendre(nom, **donnees)
        return self._vides[key]

    def parties(self, item: Item, src_uri: str) -> Parties:
        render = self.gabarits.rendre
        lead = complements.chapeau(item)
        summary = resume(item, self.projet, self.urls)
        after = [self._rendre("suite.html", blocs=complements.suite(item, self.projet, self.urls))]
        head = tete(item, self.projet, self.urls)
        before = render("chapeau.html", **lead) if lead else ""
        if head is not None:
            before = render("tete.html", **vars(head), repere=REPERE if item.genre is genres.FICHE else "")
            rows = summary["lignes"]
            where = lieux(item, self.projet, self.urls)
            if where is not None:
                script = self.urls.statique(src_uri, proximite.SCRIPT)
                after.append(render("ou.html", **proximite.liste(where, self.arbre, script)))
            after.append(render("details.html", lignes=rows, sources=sources(item, self.projet, self.urls)))
            summary = {**summary, "lignes": []}
        if item.genre is genres.TERRITOIRE:
            before, territory = self._territoire(item, summary["lignes"])
            after += territory
            summary = {**summary, "lignes": []}
        else:
            after += self._section(item)
        if picture := self.illustrations.donnees(item, src_uri, self.urls):
            before += "\n" + render("illustration.html", v=picture)
        html_after = "\n".join(part for part in after if part.strip())
        description = getattr(item.model, "resume", None) or getattr(item.model, "definition", None)
        return Parties(
            titre=item.title,
            genre=item.genre.name,
            description=description,
            resume=summary,
            resume_html=self._rendre("resume.html", lignes=summary["lignes"]),
            avant=before,
            apres=html_after,
            sommaire_apres=sommaire(html_after),
            jsonld=Structure(self.projet, self.urls, self.site_url, self.illustrations).script(item),
        )

    def _territoire(self, item: Item, lignes: list[Any]) -> tuple[str, list[str]]:
        """A territory's page: its head and its map first, then its sections, then « En détail »."""
        head, carte = tete_territoire(self.arbre, item, self.urls)
        before = self.gabarits.rendre("tete.html", **vars(head), repere="")
        if carte is not None:
            before += self.gabarits.rendre("carte.html", **carte)
        section = territoires.section_territoire(self.arbre, item, self.urls)
        if section.get("centres"):
            section["centres"] = {**section["centres"], "carte": None}  # the map opens the page
        details = self.gabarits.rendre("details.html", lignes=lignes, sources=sources(item, self.projet, self.urls))
        return before, [self.gabarits.rendre("territoire.html", **section), details]

    def _section(self, item: Item) -> list[str]:
        """The section only one genre has: a centre's places and solutions, the end of a term."""
        if item.genre is genres.CENTRE:
            return [self.gabarits.rendre("centre.html", **centres.section_centre(self.arbre, item, self.urls))]
        if item.genre is genres.TERME:
            return [self.pages_lexique.pied_de_terme(item)]
        return []
