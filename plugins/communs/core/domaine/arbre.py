"""The tree of territories and what belongs where: centres, solutions, sheets, lexicon contributions, reports.

Everything here reads the validated models only; a broken reference is reported by the checks and simply
ignored here, so a missing file never breaks a page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from communs.core.modele import modeles
from communs.core.modele.projet import Item, Project
from communs.core.modele.suggestions import fold, slugify


@dataclass(frozen=True)
class Reprise:
    """A solution taken up by a centre (`essaimage`), or by centres of a territory the report does not name."""

    prototype: Item
    centre: Item
    """The centre, or the territory when `territoriale`."""
    annee: int | None
    note: str | None
    territoriale: bool = False
    nombre: int | None = None


@dataclass(frozen=True)
class Contribution:
    terme: Item
    qui: str
    tranche_age: str
    centre: Item
    annee: int | None


@dataclass
class Contenu:
    """What a territory (with its sub-territories) or a centre holds."""

    centres: list[Item] = field(default_factory=list)
    nees: list[Item] = field(default_factory=list)
    reprises: list[Reprise] = field(default_factory=list)
    fiches: list[Item] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    rapports: list[Item] = field(default_factory=list)


class Arbre:
    """The hierarchy of content/territoires/ (through `parent`) and the centres attached to it."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.territoires: dict[str, Item] = {i.slug: i for i in project.of_genre("territoire") if i.model is not None}
        self.centres: dict[str, Item] = {i.slug: i for i in project.of_genre("centre") if i.model is not None}
        self._cache: _Index | None = None
        self._contenus: dict[str, Contenu] = {}
        self._par_territoire: dict[str, list[Item]] | None = None
        self.enfants: dict[str, list[str]] = {slug: [] for slug in self.territoires}
        for slug, item in self.territoires.items():
            parent = self._model_t(item).parent
            if parent in self.territoires and slug not in self.ancetres(parent):
                self.enfants[parent].append(slug)
        for children in self.enfants.values():
            children.sort(key=lambda s: fold(self.territoires[s].title))

    @staticmethod
    def _model_t(item: Item) -> modeles.Territoire:
        assert isinstance(item.model, modeles.Territoire)
        return item.model

    @staticmethod
    def _model_c(item: Item) -> modeles.Centre:
        assert isinstance(item.model, modeles.Centre)
        return item.model

    def parent(self, slug: str) -> str | None:
        parent = self._model_t(self.territoires[slug]).parent
        return parent if parent in self.territoires else None

    def ancetres(self, slug: str) -> list[str]:
        """From the root down to `slug` included; stops on a cycle (the checks report cycles)."""
        chain: list[str] = []
        current: str | None = slug
        while current is not None and current in self.territoires and current not in chain:
            chain.append(current)
            current = self._model_t(self.territoires[current]).parent
        return list(reversed(chain))

    def racines(self) -> list[str]:
        roots = [s for s in self.territoires if self.parent(s) is None or s not in self.enfants.get(self.parent(s) or "", [])]
        return sorted(roots, key=lambda s: fold(self.territoires[s].title))

    def descendants(self, slug: str) -> list[str]:
        """`slug` and every territory below it, depth first, in title order."""
        out: list[str] = []
        stack = [slug]
        while stack:
            current = stack.pop()
            if current in out:
                continue
            out.append(current)
            stack.extend(reversed(self.enfants.get(current, [])))
        return out

    def territoire_du_centre(self, centre: Item) -> str | None:
        slug = self._model_c(centre).territoire
        return slug if slug in self.territoires else None

    def centres_de(self, territoire: str) -> list[Item]:
        """The centres attached directly to `territoire`, by name."""
        if self._par_territoire is None:
            self._par_territoire = {}
            for centre in sorted(self.centres.values(), key=lambda c: fold(c.title)):
                self._par_territoire.setdefault(self._model_c(centre).territoire, []).append(centre)
        return list(self._par_territoire.get(territoire, []))

    def par_alias(self) -> dict[str, str]:
        """Folded name or alias -> territory slug (for the alias pages and for search)."""
        index: dict[str, str] = {}
        for slug, item in self.territoires.items():
            for name in [item.title, *item.aliases]:
                index.setdefault(fold(name), slug)
        return index

    def pages_alias(self) -> dict[str, str]:
        """Slug of an alias -> slug of the territory, when the alias slug names nothing else."""
        taken = {item.slug for item in self.project.items}
        out: dict[str, str] = {}
        for slug, item in sorted(self.territoires.items()):
            for alias in item.aliases:
                alias_slug = slugify(alias)
                if alias_slug and alias_slug not in taken and alias_slug not in out:
                    out[alias_slug] = slug
        return out

    # What lives where -------------------------------------------------------------------------------------

    def lieu(self, *slugs: str | None) -> set[str]:
        """The territories named by `slugs`: a territory is itself, a centre stands for its territory."""
        places: set[str] = set()
        for slug in slugs:
            if slug in self.territoires:
                places.add(slug)
            elif slug in self.centres:
                home = self.territoire_du_centre(self.centres[slug])
                if home:
                    places.add(home)
        return places

    def _indexes(self) -> _Index:
        """Who belongs where, computed once: a territory's content is then the union over its sub-territories."""
        if self._cache is not None:
            return self._cache
        index = _Index()
        for item in self.project.of_genre("prototype"):
            model = item.model
            if not isinstance(model, modeles.Prototype):
                continue
            for place in self.lieu(model.porteur, model.territoire):
                index.nees.setdefault(place, []).append(item)
            if model.porteur:
                index.portees.setdefault(model.porteur, []).append(item)
            for reprise in model.essaimage:
                if reprise.centre in self.centres:
                    found = Reprise(item, self.centres[reprise.centre], reprise.annee, reprise.note)
                    index.reprises.setdefault(reprise.centre, []).append(found)
                elif reprise.territoire in self.territoires:
                    where = self.territoires[reprise.territoire]
                    found = Reprise(item, where, reprise.annee, reprise.note, True, reprise.nombre)
                    index.reprises.setdefault(reprise.territoire, []).append(found)
        for item in self.project.of_genre("fiche"):
            model = item.model
            if not isinstance(model, modeles.Fiche):
                continue
            for place in self.lieu(model.porteur, model.territoire):
                index.fiches.setdefault(place, []).append(item)
            if model.porteur:
                index.fiches_portees.setdefault(model.porteur, []).append(item)
        for item in self.project.of_genre("terme"):
            model = item.model
            if not isinstance(model, modeles.Terme):
                continue
            for person in model.contributeurs:
                if person.centre in self.centres:
                    name = person.prenom or person.groupe or ""
                    found_c = Contribution(item, name, person.tranche_age, self.centres[person.centre], person.annee)
                    index.contributions.setdefault(person.centre, []).append(found_c)
        for item in self.project.of_genre("rapport"):
            if isinstance(item.model, modeles.Rapport):
                for place in item.model.territoires:
                    index.rapports.setdefault(place, []).append(item)
        self._cache = index
        return index

    def contenu_territoire(self, slug: str) -> Contenu:
        """What a territory and its sub-territories hold (a copy: the caller may change its lists). Made once per
        territory: its page, its lists, its map and its parent's counts all ask for it."""
        if slug not in self._contenus:
            self._contenus[slug] = self._contenu_territoire(slug)
        k = self._contenus[slug]
        return Contenu(list(k.centres), list(k.nees), list(k.reprises), list(k.fiches), list(k.contributions), list(k.rapports))

    def _contenu_territoire(self, slug: str) -> Contenu:
        index = self._indexes()
        zone = self.descendants(slug)
        contenu = Contenu()
        contenu.centres = [c for s in zone for c in self.centres_de(s)]
        centres = [c.slug for c in contenu.centres]
        contenu.nees = _unique(p for s in zone for p in index.nees.get(s, []))
        contenu.fiches = _unique(f for s in zone for f in index.fiches.get(s, []))
        contenu.reprises = [r for c in [*centres, *zone] for r in index.reprises.get(c, [])]
        contenu.contributions = [x for c in centres for x in index.contributions.get(c, [])]
        contenu.rapports = _unique(r for s in [*zone, *self.ancetres(slug)] for r in index.rapports.get(s, []))
        return _sorted(contenu)

    def contenu_direct(self, slug: str) -> Contenu:
        """What is attached to the territory itself, not to its sub-territories."""
        index = self._indexes()
        contenu = Contenu()
        contenu.centres = self.centres_de(slug)
        contenu.nees = list(index.nees.get(slug, []))
        contenu.fiches = list(index.fiches.get(slug, []))
        contenu.reprises = [r for c in contenu.centres for r in index.reprises.get(c.slug, [])]
        contenu.reprises += index.reprises.get(slug, [])
        contenu.contributions = [x for c in contenu.centres for x in index.contributions.get(c.slug, [])]
        return _sorted(contenu)

    def contenu_centre(self, centre: Item) -> Contenu:
        index = self._indexes()
        contenu = Contenu()
        contenu.nees = list(index.portees.get(centre.slug, []))
        contenu.fiches = list(index.fiches_portees.get(centre.slug, []))
        contenu.reprises = list(index.reprises.get(centre.slug, []))
        contenu.contributions = list(index.contributions.get(centre.slug, []))
        cited = {source.rapport for source in self._model_c(centre).sources}
        contenu.rapports = [r for r in self.project.of_genre("rapport") if r.slug in cited]
        return _sorted(contenu)


@dataclass
class _Index:
    nees: dict[str, list[Item]] = field(default_factory=dict)
    portees: dict[str, list[Item]] = field(default_factory=dict)
    fiches: dict[str, list[Item]] = field(default_factory=dict)
    fiches_portees: dict[str, list[Item]] = field(default_factory=dict)
    reprises: dict[str, list[Reprise]] = field(default_factory=dict)
    contributions: dict[str, list[Contribution]] = field(default_factory=dict)
    rapports: dict[str, list[Item]] = field(default_factory=dict)


def _unique(items: Iterable[Item]) -> list[Item]:
    return list({id(item): item for item in items}.values())


def _sorted(contenu: Contenu) -> Contenu:
    contenu.nees.sort(key=lambda i: fold(i.title))
    contenu.reprises.sort(key=lambda r: (fold(r.prototype.title), fold(r.centre.title)))
    contenu.fiches.sort(key=lambda i: fold(i.title))
    contenu.contributions.sort(key=lambda c: (fold(c.terme.title), fold(c.qui)))
    contenu.rapports.sort(key=_report_order)
    return contenu


def _report_order(item: Item) -> tuple[int, str]:
    model = item.model
    start = model.periode.debut if isinstance(model, modeles.Rapport) else 0
    return (-start, fold(item.title))
