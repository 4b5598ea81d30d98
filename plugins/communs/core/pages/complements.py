"""Front-matter fields shown in the body of an item's page: the lead (accroche, résumé), the figures and the
recommendations. Plain Markdown, escaped: front-matter text is text."""

from __future__ import annotations

import html

from communs.core.modele import modeles
from communs.core.modele.projet import Item, Project
from communs.core.urls import escape, link


def chapeau(item: Item) -> str:
    """The lead, before the body: what the item is, in two or three sentences (raw HTML, needs no extension)."""
    model = item.model
    parts = []
    accroche = getattr(model, "accroche", None)
    if accroche:
        parts.append(f"<p><strong>{html.escape(accroche)}</strong></p>")
    resume = getattr(model, "resume", None)
    if resume:
        parts.append(f"<p>{html.escape(resume)}</p>")
    if not parts:
        return ""
    return '<div class="communs-chapeau">\n' + "\n".join(parts) + "\n</div>\n"


def _source(source: modeles.Source | None, here: str, project: Project) -> str:
    if source is None:
        return ""
    report = project.find("rapport", source.rapport)
    where = ", ".join(
        x for x in (f"p. {source.page}" if source.page else "", f"lignes {source.lignes}" if source.lignes else "") if x
    )
    name = link(report.title, here, report.src_uri) if report else escape(source.rapport)
    return f" — source : {name}" + (f" ({where})" if where else "")


def _chiffres(chiffres: list[modeles.Chiffre], here: str, project: Project) -> list[str]:
    lines = []
    for chiffre in chiffres:
        year = f" ({chiffre.annee})" if chiffre.annee else ""
        lines.append(
            f"- **{escape(str(chiffre.valeur))}** {escape(chiffre.libelle)}{year}{_source(chiffre.source, here, project)}"
        )
    return lines


def suite(item: Item, project: Project) -> str:
    """What comes after the body: figures and recommendations."""
    model, here = item.model, item.src_uri
    lines: list[str] = []
    if isinstance(model, modeles.Prototype) and model.chiffres:
        lines += ["## En chiffres", "", *_chiffres(model.chiffres, here, project), ""]
    if isinstance(model, modeles.Rapport):
        if model.chiffres_cles:
            lines += ["## Chiffres clés", "", *_chiffres(model.chiffres_cles, here, project), ""]
        if model.preconisations:
            lines += ["## Préconisations", "", *[f"{n}. {escape(p)}" for n, p in enumerate(model.preconisations, 1)], ""]
    return "\n".join(lines)
