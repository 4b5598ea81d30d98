"""The first screen of a solution's or a sheet's page: what it is, the few facts that decide, and whom to call;
then the sources as a reader can check them (report, page, quotation). Plain data; `tete.html` and `sources.html`
render it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from communs.core.modele import modeles
from communs.core.modele.projet import Item, Project
from communs.core.modele.vocabulaires import label
from communs.core.pages.centres import carte_des_centres
from communs.core.pages.donnees import Lien, Ligne
from communs.core.urls import Urls

FEDERATION = "federation-des-centres-sociaux-du-nord-pas-de-calais"
"""The network's publisher: the contact when a territory, not a centre, carries a solution."""


@dataclass
class Contact:
    nom: Lien
    role: str
    commune: str | None = None
    telephone: str | None = None
    tel: str | None = None
    """The phone number as a `tel:` address."""
    site: str | None = None
    aussi: Lien | None = None
    """The fédération, when the contact is a territory's coordinating centre."""


@dataclass
class Fait:
    libelle: str
    valeur: str | Ligne
    """Plain text, or texts and links (a territory's solutions)."""


@dataclass
class Tete:
    accroche: str | None
    resume: str | None
    faits: list[Fait] = field(default_factory=list)
    contact: Contact | None = None


def _centre(project: Project, slug: str | None) -> Item | None:
    found = project.find("centre", slug) if slug else None
    return found if found is not None and isinstance(found.model, modeles.Centre) else None


def _contact(centre: Item, role: str, here: str, urls: Urls) -> Contact:
    model = centre.model
    assert isinstance(model, modeles.Centre)
    phone = model.telephone
    return Contact(
        nom=Lien(centre.title, urls.lien(here, centre.src_uri)),
        role=role,
        commune=model.commune,
        telephone=phone,
        tel="tel:+33" + phone.replace(" ", "")[1:] if phone else None,
        site=model.site,
    )


def contact(porteur: str | None, here: str, project: Project, urls: Urls) -> Contact | None:
    """The carrying centre; for a territory its coordinating centre (and the fédération), or else the fédération."""
    centre = _centre(project, porteur)
    if centre is not None:
        return _contact(centre, "porte cette solution" if centre.slug != FEDERATION else "anime le réseau", here, urls)
    federation = _centre(project, FEDERATION)
    territory = project.find("territoire", porteur) if porteur else None
    if territory is not None and isinstance(territory.model, modeles.Territoire):
        coordinator = _centre(project, territory.model.coordination)
        if coordinator is not None:
            found = _contact(coordinator, f"coordonne le territoire {territory.title}", here, urls)
            if federation is not None:
                found.aussi = Lien(federation.title, urls.lien(here, federation.src_uri))
            return found
    if federation is None:
        return None
    role = f"anime le réseau ; le territoire {territory.title} porte cette solution" if territory else "anime le réseau"
    return _contact(federation, role, here, urls)


def _minutes(total: int) -> str:
    hours, minutes = divmod(total, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h" + (f" {minutes:02d}" if minutes else "")


def _ages(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"{low} à {high} ans" if low != high else f"{low} ans"
    if low is not None:
        return f"dès {low} ans"
    return f"jusqu'à {high} ans" if high is not None else ""


def _places(model: modeles.Prototype, project: Project) -> str:
    names: list[str] = []
    for reprise in model.essaimage:
        target = project.find("centre", reprise.centre or "") or project.find("territoire", reprise.territoire or "")
        if target is not None and target.title not in names:
            names.append(target.title + (f" ({reprise.nombre})" if reprise.nombre else ""))
    return ", ".join(names[:4]) + (f" et {len(names) - 4} autres" if len(names) > 4 else "")


def tete(item: Item, project: Project, urls: Urls) -> Tete | None:
    model, here, vocab = item.model, item.src_uri, project.vocabularies
    if isinstance(model, modeles.Prototype):
        where = project.find("territoire", model.territoire) if model.territoire else None
        faits = [Fait("Statut", label(vocab, "statuts", model.statut))]
        if where is not None:
            faits.append(Fait("Née dans", where.title))
        if model.essaimage:
            faits.append(Fait("Reprise à", _places(model, project)))
        if model.publics:
            faits.append(Fait("Pour", ", ".join(label(vocab, "publics", p) for p in model.publics[:3])))
        if model.livrables:
            kinds = {label(vocab, "types_livrables", d.type) for d in model.livrables}
            faits.append(Fait("Pour la reprendre", ", ".join(sorted(kinds))))
        faits.append(Fait("Licence", label(vocab, "licences", model.licence) if model.licence else "non précisée"))
        return Tete(model.accroche, model.resume, faits, contact(model.porteur, here, project, urls))
    if isinstance(model, modeles.Fiche):
        faits = []
        if model.duree_minutes:
            faits.append(Fait("Durée", _minutes(model.duree_minutes)))
        ages = _ages(model.age_min, model.age_max)
        if ages:
            faits.append(Fait("Âges", ages))
        elif model.publics:
            faits.append(Fait("Pour", ", ".join(label(vocab, "publics", p) for p in model.publics[:3])))
        if model.participants and (model.participants.min or model.participants.max):
            low, high = model.participants.min, model.participants.max
            faits.append(Fait("Groupe", f"{low} à {high} personnes" if low and high else f"{low or high} personnes"))
        if model.sans_ecran is not None:
            faits.append(Fait("Écran", "sans écran" if model.sans_ecran else "avec écran"))
        if model.materiel:
            faits.append(Fait("Matériel", ", ".join(label(vocab, "materiel", m) for m in model.materiel)))
        return Tete(None, model.resume, faits, contact(model.porteur, here, project, urls) if model.porteur else None)
    return None


def _year(report: Item) -> str:
    model = report.model
    if not isinstance(model, modeles.Rapport):
        return ""
    debut, fin = model.periode.debut, model.periode.fin
    return str(debut) if debut == fin else f"{debut}-{fin}"


def sources(item: Item, project: Project, urls: Urls) -> list[dict[str, Any]]:
    """Each source as a reader can check it: the report's title and years, its page when known, the quotation.
    The line numbers of the transcription stay in the front-matter, for maintainers."""
    out: list[dict[str, Any]] = []
    model = item.model
    cited: list[tuple[str | None, modeles.Source]] = []
    if isinstance(model, modeles.Prototype) and model.statut_source is not None:
        statut = label(project.vocabularies, "statuts", model.statut)
        cited.append((f"Pour le statut « {statut} »", model.statut_source))
    cited.extend((None, source) for source in getattr(model, "sources", None) or [])
    for objet, source in cited:
        report = project.find("rapport", source.rapport)
        if report is None:
            continue
        entry = {
            "objet": objet,
            "rapport": Lien(report.title, urls.lien(item.src_uri, report.src_uri)),
            "annees": _year(report),
            "page": source.page,
            "citation": source.citation,
        }
        if entry not in out:
            out.append(entry)
    return out


def lieux(item: Item, project: Project, urls: Urls) -> dict[str, Any] | None:
    """Where a solution runs: the carrying centre and every centre or territory that took it up, listed and on a
    small map (data of `ou.html`), or None when no source names a place."""
    model, here = item.model, item.src_uri
    if not isinstance(model, modeles.Prototype):
        return None
    lignes: list[list[Any]] = []
    places: list[str] = []
    centres: list[Item] = []
    carrier = _centre(project, model.porteur)
    if carrier is not None:
        centres.append(carrier)
        places.append(carrier.slug)
        lignes.append([Lien(carrier.title, urls.lien(here, carrier.src_uri)), " — porte la solution"])
    for reprise in model.essaimage:
        centre = _centre(project, reprise.centre)
        territory = project.find("territoire", reprise.territoire) if reprise.territoire else None
        when = f" en {reprise.annee}" if reprise.annee else ""
        if centre is not None:
            if centre not in centres:
                centres.append(centre)
            lignes.append([Lien(centre.title, urls.lien(here, centre.src_uri)), f" — l'a reprise{when}"])
            places.append(centre.slug)
        elif territory is not None:
            count = f"{reprise.nombre} {'reprise' if reprise.nombre == 1 else 'reprises'}" if reprise.nombre else "reprise"
            lignes.append(
                [
                    f"{count.capitalize()} dans des centres du territoire ",
                    Lien(territory.title, urls.lien(here, territory.src_uri)),
                    when,
                ]
            )
            places.append(territory.slug)
        if reprise.note:
            lignes[-1].append(f" ({reprise.note.rstrip('.')})")
    if not lignes:
        return None
    return {
        "lignes": lignes,
        "lieux": places,
        "porteur_en_tete": carrier is not None,
        "carte": carte_des_centres(centres, here, f"Carte : où fonctionne {item.title}", urls),
    }
