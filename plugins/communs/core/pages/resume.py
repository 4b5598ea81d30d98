"""The summary shown at the top of each item's page, as plain data any template can render."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from communs.core.modele import genres, modeles
from communs.core.modele.projet import Item, Project
from communs.core.modele.vocabulaires import label
from communs.core.urls import Urls


@dataclass
class Value:
    texte: str
    url: str | None = None
    """A link relative to the item's page, or an outside address when `externe`."""
    externe: bool = False


@dataclass
class Row:
    libelle: str
    valeurs: list[Value] = field(default_factory=list)


SECTION_SOURCES = frozenset({genres.PROTOTYPE.name, genres.FICHE.name, genres.TERRITOIRE.name})
"""The genres whose page ends with its own « Sources » section (details.html): each report with its years, its page
and the sentence quoted, in the table of contents, where a reader checks a fact. Their summary leaves the sources
out: a line « Sources » of titles alone would say the same thing twice on the page."""


def resume(item: Item, project: Project, urls: Urls) -> dict[str, Any]:
    """{"type": …, "lignes": [{"libelle", "valeurs": [{"texte", "url", "externe"}]}]} for a valid item."""
    model = item.model
    rows: list[Row] = []
    builder = _BUILDERS.get(item.genre.name)
    if model is not None and builder is not None:
        rows = [row for row in builder(model, project) if row.valeurs]
        sources = getattr(model, "sources", None) or []
        if item.genre.name not in SECTION_SOURCES:
            unique = {(s.rapport, s.page): s for s in sources}
            rows.append(Row("Sources", [_source(s, project) for s in unique.values()]))
        proposition = getattr(model, "propose_par", None)
        if isinstance(proposition, modeles.Proposition):
            rows.append(Row("Proposé par", _ref(project, ("centre",), proposition.centre, f" ({proposition.annee})")))
    for row in rows:
        for value in row.valeurs:
            if value.url and not value.externe:
                value.url = urls.lien(item.src_uri, value.url)
    return {"type": item.genre.label, "genre": item.genre.name, "lignes": [_ligne(r) for r in rows if r.valeurs]}


def _ligne(row: Row) -> dict[str, Any]:
    """`dataclasses.asdict(row)` without its deep copy of every value (texts only, made for this page)."""
    valeurs = [{"texte": v.texte, "url": v.url, "externe": v.externe} for v in row.valeurs]
    return {"libelle": row.libelle, "valeurs": valeurs}


def _vocab(project: Project, name: str, values: list[str] | str | None) -> list[Value]:
    if values is None:
        return []
    values = [values] if isinstance(values, str) else values
    return [Value(label(project.vocabularies, name, v)) for v in values]


def _ref(project: Project, names: tuple[str, ...], slug: str | None, suffix: str = "") -> list[Value]:
    if not slug:
        return []
    for name in names:
        target = project.find(name, slug)
        if target is not None:
            return [Value(target.title + suffix, target.src_uri)]
    return [Value(slug + suffix)]


def _refs(project: Project, names: tuple[str, ...], slugs: list[str]) -> list[Value]:
    return [v for slug in slugs for v in _ref(project, names, slug)]


def _texts(values: list[str]) -> list[Value]:
    return [Value(v) for v in values]


def _link(text: str, url: str | None) -> Value:
    return Value(text, url, bool(url))


def _source(source: modeles.Source, project: Project) -> Value:
    """The report and its page; the transcription's line numbers stay in the front-matter, for maintainers."""
    return _ref(project, ("rapport",), source.rapport, f", p. {source.page}" if source.page else "")[0]


def _prototype(m: BaseModel, p: Project) -> list[Row]:
    assert isinstance(m, modeles.Prototype)
    essaimage = [
        v
        for e in m.essaimage
        for v in _ref(p, ("centre", "territoire"), e.centre or e.territoire, f" ({e.annee})" if e.annee else "")
    ]
    return [
        Row("Statut", _vocab(p, "statuts", m.statut)),
        Row("Porteur", _ref(p, ("centre", "territoire"), m.porteur)),
        Row("Territoire", _ref(p, ("territoire",), m.territoire)),
        Row("Domaines", _vocab(p, "domaines", m.domaines)),
        Row("Thèmes", _vocab(p, "themes", m.themes)),
        Row("Publics", _vocab(p, "publics", m.publics)),
        Row("Années", _texts([str(a) for a in m.annees])),
        Row("Essaimée à", essaimage),
        Row(
            "Livrables",
            [_link(f"{label(p.vocabularies, 'types_livrables', d.type)} : {d.titre}", d.url) for d in m.livrables],
        ),
        Row("Liens", [_link(lien.titre, lien.url) for lien in m.liens]),
        Row("Licence", _vocab(p, "licences", m.licence)),
        Row("Aussi appelée", _texts(m.alias)),
    ]


def _minutes(total: int) -> str:
    hours, minutes = divmod(total, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h" + (f" {minutes:02d}" if minutes else "")


def _range(low: int | None, high: int | None, unit: str) -> str:
    if low is not None and high is not None:
        return f"de {low} à {high} {unit}" if low != high else f"{low} {unit}"
    if low is not None:
        return f"à partir de {low} {unit}"
    if high is not None:
        return f"jusqu'à {high} {unit}"
    return ""


def _fiche(m: BaseModel, p: Project) -> list[Row]:
    assert isinstance(m, modeles.Fiche)
    ages = _range(m.age_min, m.age_max, "ans")
    group = _range(m.participants.min, m.participants.max, "participants") if m.participants else ""
    screen = [] if m.sans_ecran is None else [Value("Oui, sans écran" if m.sans_ecran else "Non, avec écran")]
    return [
        Row("Publics", _vocab(p, "publics", m.publics)),
        Row("Âges", _texts([ages] if ages else [])),
        Row("Durée prévue", _texts([_minutes(m.duree_minutes)])),
        Row("Groupe", _texts([group] if group else [])),
        Row("Niveau", _vocab(p, "niveaux", m.niveau)),
        Row("Sans écran", screen),
        Row("Matériel", _vocab(p, "materiel", m.materiel) + _texts(m.materiel_detail)),
        Row("Objectifs", _texts(m.objectifs)),
        Row("Domaines", _vocab(p, "domaines", m.domaines)),
        Row("Solution utilisée", _ref(p, ("prototype",), m.prototype)),
        Row("Porteur", _ref(p, ("centre", "territoire"), m.porteur)),
        Row("Territoire", _ref(p, ("territoire",), m.territoire)),
        Row("Licence", _vocab(p, "licences", m.licence)),
    ]


def _terme(m: BaseModel, p: Project) -> list[Row]:
    assert isinstance(m, modeles.Terme)
    people = []
    for c in m.contributeurs:
        parts = [c.prenom or c.groupe or "", label(p.vocabularies, "tranches_age", c.tranche_age)]
        centre = p.find("centre", c.centre)
        parts.append(centre.title if centre else c.centre)
        if c.annee:
            parts.append(str(c.annee))
        people.append(Value(", ".join(parts)))
    return [
        Row("Définition", [Value(m.definition)]),
        Row("Exemple", _texts([m.exemple] if m.exemple else [])),
        Row("Avec les mots d'un enfant", _texts([m.mot_d_enfant] if m.mot_d_enfant else [])),
        Row("Autres écritures", _texts(m.variantes)),
        Row("Catégorie", _vocab(p, "categories", m.categorie)),
        Row("Voir aussi", _refs(p, ("terme",), m.voir_aussi)),
        Row("Écrit par", people),
    ]


def _rapport(m: BaseModel, p: Project) -> list[Row]:
    assert isinstance(m, modeles.Rapport)
    periode = str(m.periode.debut) if m.periode.debut == m.periode.fin else f"{m.periode.debut} – {m.periode.fin}"
    return [
        Row("Type", _vocab(p, "types_rapports", m.type)),
        Row("Période", [Value(periode)]),
        Row("Date", _texts([m.date.strftime("%d/%m/%Y")] if m.date else [])),
        Row("Auteurs", _texts(m.auteurs)),
        Row("Commanditaires", _texts(m.commanditaires)),
        Row("Territoires", _refs(p, ("territoire",), m.territoires)),
        Row("Document", [_link("Consulter le document", m.url)] if m.url else []),
        Row("Solutions documentées", _refs(p, ("prototype",), m.prototypes)),
    ]


def _territoire(m: BaseModel, p: Project) -> list[Row]:
    assert isinstance(m, modeles.Territoire)
    return [
        Row("Type", _vocab(p, "types_territoires", m.type)),
        Row("Aussi appelé", _texts(m.alias)),
        Row("Départements", _texts(m.departements)),
        Row("Coordination", _ref(p, ("centre",), m.coordination)),
    ]


def _centre(m: BaseModel, p: Project) -> list[Row]:
    assert isinstance(m, modeles.Centre)
    address = ", ".join(x for x in (m.adresse, " ".join(y for y in (m.code_postal, m.commune) if y)) if x)
    phone = [Value(m.telephone, "tel:+33" + m.telephone.replace(" ", "")[1:], True)] if m.telephone else []
    return [
        Row("Type", _vocab(p, "types_centres", m.type)),
        Row("Adresse", [Value(address)]),
        Row("Téléphone", phone),
        Row("Site web", [_link(m.site, m.site)] if m.site else []),
        Row("Territoire", _ref(p, ("territoire",), m.territoire)),
        Row("Gestionnaire", _texts([m.gestionnaire] if m.gestionnaire else [])),
        Row("Aussi appelé", _texts(m.alias)),
    ]


_BUILDERS = {
    genres.PROTOTYPE.name: _prototype,
    genres.FICHE.name: _fiche,
    genres.TERME.name: _terme,
    genres.RAPPORT.name: _rapport,
    genres.TERRITOIRE.name: _territoire,
    genres.CENTRE.name: _centre,
}
