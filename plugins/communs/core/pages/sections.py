"""Generated parts of the territory and centre pages, the alias pages and the navigation tree, as Markdown.

A territory's page is its file's description followed by its section: sub-territories, map, directory of
centres, solutions born or spread there, activity sheets, lexicon contributions, reports and figures.
A centre's page adds what it carried, what it took up, its sheets and its words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from communs.core.domaine.arbre import Arbre, Contenu
from communs.core.modele import genres, modeles
from communs.core.modele.projet import Item, Project
from communs.core.modele.suggestions import slugify
from communs.core.modele.vocabulaires import label
from communs.core.rendu import carte
from communs.core.urls import escape, href, link, md_path

LIMITE_LISTE = 40
"""Past this many entries, a territory lists what is attached to it directly and counts the rest by sub-territory:
a page stays light whatever the size of the network."""
LIMITE_ANNUAIRE = 80


@dataclass
class Noeud:
    """A territory in the navigation tree."""

    titre: str
    src_uri: str
    enfants: list[Noeud] = field(default_factory=list)


def arbre_navigation(arbre: Arbre) -> list[Noeud]:
    def node(slug: str) -> Noeud:
        item = arbre.territoires[slug]
        return Noeud(item.title, item.src_uri, [node(child) for child in arbre.enfants[slug]])

    return [node(root) for root in arbre.racines()]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _centre_model(item: Item) -> modeles.Centre:
    assert isinstance(item.model, modeles.Centre)
    return item.model


def fil_d_ariane(arbre: Arbre, territoire: str, here: str) -> str:
    """« Hauts-de-France › Nord › … » with links, from the page `here`."""
    steps = [link(arbre.territoires[s].title, here, arbre.territoires[s].src_uri) for s in arbre.ancetres(territoire)]
    return " › ".join(steps)


def _tel(number: str) -> str:
    return f"[{number}](tel:+33{number.replace(' ', '')[1:]})"


def annuaire(centres: list[Item], here: str) -> list[str]:
    """The directory of `centres` as a Markdown table (name, commune, address, phone, web site)."""
    lines = ["| Centre | Commune | Adresse | Téléphone | Site web |", "|---|---|---|---|---|"]
    for item in centres:
        model = _centre_model(item)
        address = " ".join(x for x in (model.adresse, model.code_postal) if x)
        site = f"[{escape(_short(model.site))}]({model.site})" if model.site else ""
        phone = _tel(model.telephone) if model.telephone else ""
        cells = [link(item.title, here, item.src_uri), escape(model.commune), escape(address), phone, site]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _short(url: str) -> str:
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/")


def carte_des_centres(centres: list[Item], here: str, titre: str, directory_urls: bool) -> list[str]:
    """The map figure, or nothing when no centre has coordinates."""
    points = []
    for item in centres:
        model = _centre_model(item)
        if model.coordonnees is not None:
            points.append(
                carte.Point(
                    model.coordonnees.lat,
                    model.coordonnees.lon,
                    f"{item.title} ({model.commune})",
                    href(here, item.src_uri, directory_urls),
                    model.commune,
                )
            )
    if not points:
        return []
    unplaced = len(centres) - len(points)
    ident = "carte-" + here.removesuffix(".md").replace("/", "-")
    caption = (
        "Chaque point mène à la page du centre ; l'annuaire ci-dessous donne les mêmes informations en texte."
        + (f" {_plural(unplaced, 'centre n’a', 'centres n’ont')} pas encore de position." if unplaced else "")
        + f" {escape(carte.contours().credit)}."
    )
    return [
        '<figure class="communs-carte">',
        carte.svg(points, titre, ident),
        f"<figcaption>{caption}</figcaption>",
        "</figure>",
        "",
    ]


def _porteur(item: Item, arbre: Arbre, here: str) -> str:
    porteur = getattr(item.model, "porteur", None)
    if porteur in arbre.centres:
        return " — " + link(arbre.centres[porteur].title, here, arbre.centres[porteur].src_uri)
    if porteur in arbre.territoires:
        return " — " + link(arbre.territoires[porteur].title, here, arbre.territoires[porteur].src_uri)
    return ""


def _reprises(contenu: Contenu, here: str, with_centre: bool) -> list[str]:
    lines = []
    for r in contenu.reprises:
        line = "- " + link(r.prototype.title, here, r.prototype.src_uri)
        if with_centre:
            line += ", reprise par " + link(r.centre.title, here, r.centre.src_uri)
        if r.annee:
            line += f" en {r.annee}"
        if r.note:
            line += " — " + escape(r.note)
        lines.append(line)
    return lines


def _contributions(contenu: Contenu, here: str, project: Project, with_centre: bool) -> list[str]:
    lines = []
    for c in contenu.contributions:
        who = [escape(c.qui), escape(label(project.vocabularies, "tranches_age", c.tranche_age))]
        if with_centre:
            who.append(link(c.centre.title, here, c.centre.src_uri))
        if c.annee:
            who.append(str(c.annee))
        lines.append("- " + link(c.terme.title, here, c.terme.src_uri) + " — " + ", ".join(who))
    return lines


def _chiffres(pairs: list[tuple[int, str, str]]) -> list[str]:
    shown = [_plural(n, one, many) for n, one, many in pairs if n]
    return ["## En chiffres", "", '<ul class="communs-chiffres">', *[f"<li>{s}</li>" for s in shown], "</ul>", ""]


def section_territoire(arbre: Arbre, item: Item, directory_urls: bool) -> str:
    """The generated part of a territory's page."""
    project, here, slug = arbre.project, item.src_uri, item.slug
    contenu = arbre.contenu_territoire(slug)
    lines: list[str] = []
    ancestors = arbre.ancetres(slug)[:-1]
    if ancestors:
        lines += [f"Fait partie de : {fil_d_ariane(arbre, ancestors[-1], here)}", ""]
    lines += _chiffres(
        [
            (len(arbre.descendants(slug)) - 1, "sous-territoire", "sous-territoires"),
            (len(contenu.centres), "centre", "centres"),
            (len(contenu.nees), "solution née ici", "solutions nées ici"),
            (len({r.prototype.slug for r in contenu.reprises}), "solution reprise ici", "solutions reprises ici"),
            (len(contenu.fiches), "fiche d'activité", "fiches d'activité"),
            (len({c.terme.slug for c in contenu.contributions}), "mot du lexique écrit ici", "mots du lexique écrits ici"),
            (len(contenu.rapports), "rapport", "rapports"),
        ]
    )
    children = arbre.enfants[slug]
    if children:
        lines += ["## Sous-territoires", ""]
        for child in children:
            child_item = arbre.territoires[child]
            model = child_item.model
            genre = label(project.vocabularies, "types_territoires", model.type) if isinstance(model, modeles.Territoire) else ""
            count = sum(len(arbre.centres_de(s)) for s in arbre.descendants(child))
            lines.append(
                f"- {link(child_item.title, here, child_item.src_uri)} — {escape(genre)}, {_plural(count, 'centre', 'centres')}"
            )
        lines.append("")
    if contenu.centres:
        lines += ["## Les centres", ""]
        lines += carte_des_centres(contenu.centres, here, f"Carte des centres : {item.title}", directory_urls)
        if len(contenu.centres) <= LIMITE_ANNUAIRE:
            for territory in arbre.descendants(slug):
                centres = arbre.centres_de(territory)
                if not centres:
                    continue
                if territory != slug:
                    lines += [f"### {escape(arbre.territoires[territory].title)}", ""]
                lines += [*annuaire(centres, here), ""]
        else:
            own_centres = arbre.centres_de(slug)
            if own_centres:
                lines += [*annuaire(own_centres, here), ""]
            lines += _par_sous_territoire(arbre, slug, here, "les-centres", lambda c: len(c.centres), ("centre", "centres"))
    sub_counts: dict[str, Callable[[Contenu], int]] = {
        "solutions-nees-ici": lambda c: len(c.nees),
        "solutions-reprises-ici": lambda c: len(c.reprises),
        "fiches-dactivite": lambda c: len(c.fiches),
        "mots-du-lexique-ecrits-ici": lambda c: len(c.contributions),
    }
    direct = arbre.contenu_direct(slug)
    for title, anchor, body, body_direct, words in (
        (
            "Solutions nées ici",
            "solutions-nees-ici",
            [_with_porteur(p, arbre, here) for p in contenu.nees],
            [_with_porteur(p, arbre, here) for p in direct.nees],
            ("solution", "solutions"),
        ),
        (
            "Solutions reprises ici",
            "solutions-reprises-ici",
            _reprises(contenu, here, with_centre=True),
            _reprises(direct, here, with_centre=True),
            ("reprise", "reprises"),
        ),
        (
            "Fiches d'activité",
            "fiches-dactivite",
            [_with_porteur(f, arbre, here) for f in contenu.fiches],
            [_with_porteur(f, arbre, here) for f in direct.fiches],
            ("fiche", "fiches"),
        ),
        (
            "Mots du lexique écrits ici",
            "mots-du-lexique-ecrits-ici",
            _contributions(contenu, here, project, with_centre=True),
            _contributions(direct, here, project, with_centre=True),
            ("contribution", "contributions"),
        ),
    ):
        if not body:
            continue
        lines += [f"## {title}", ""]
        if len(body) <= LIMITE_LISTE:
            lines += [*body, ""]
        else:
            lines += [*body_direct[:LIMITE_LISTE], ""] if body_direct else []
            lines += _par_sous_territoire(arbre, slug, here, anchor, sub_counts[anchor], words)
    if contenu.rapports:
        lines += ["## Rapports", "", *["- " + link(r.title, here, r.src_uri) for r in contenu.rapports], ""]
    return "\n".join(lines).rstrip() + "\n"


def _with_porteur(item: Item, arbre: Arbre, here: str) -> str:
    return "- " + link(item.title, here, item.src_uri) + _porteur(item, arbre, here)


def _par_sous_territoire(
    arbre: Arbre, slug: str, here: str, anchor: str, count: Callable[[Contenu], int], words: tuple[str, str]
) -> list[str]:
    """Past the limit, a long list becomes one line per sub-territory, each leading to its own list."""
    lines = ["La liste complète est répartie par sous-territoire :", ""]
    for child in arbre.enfants[slug]:
        number = count(arbre.contenu_territoire(child))
        if number:
            child_item = arbre.territoires[child]
            target = f"{md_path(here, child_item.src_uri)}#{anchor}"
            lines.append(f"- [{escape(child_item.title)}]({target}) : {_plural(number, *words)}")
    return [*lines, ""]


def section_centre(arbre: Arbre, item: Item) -> str:
    """The generated part of a centre's page."""
    project, here = arbre.project, item.src_uri
    contenu = arbre.contenu_centre(item)
    lines: list[str] = []
    territory = arbre.territoire_du_centre(item)
    if territory:
        lines += [f"Territoire : {fil_d_ariane(arbre, territory, here)}", ""]
    for title, body in (
        ("Solutions portées par le centre", ["- " + link(p.title, here, p.src_uri) for p in contenu.nees]),
        ("Solutions reprises par le centre", _reprises(contenu, here, with_centre=False)),
        ("Fiches d'activité", ["- " + link(f.title, here, f.src_uri) for f in contenu.fiches]),
        ("Mots du lexique écrits ici", _contributions(contenu, here, project, with_centre=False)),
        ("Cité dans", ["- " + link(r.title, here, r.src_uri) for r in contenu.rapports]),
    ):
        if body:
            lines += [f"## {title}", "", *body, ""]
    if territory:
        neighbours = [c for c in arbre.centres_de(territory) if c.slug != item.slug]
        if neighbours:
            name = arbre.territoires[territory].title
            lines += [f"## Autres centres du territoire {escape(name)}", "", *annuaire(neighbours, here), ""]
    return "\n".join(lines).rstrip() + "\n"


def page_alias(arbre: Arbre, alias_slug: str, directory_urls: bool) -> tuple[str, str]:
    """(src_uri, Markdown) of the page that leads from an alias (« Versant Sud ») to its territory."""
    target = arbre.territoires[arbre.pages_alias()[alias_slug]]
    names = [a for a in target.aliases if a and alias_slug == slugify(a)]
    name = names[0] if names else alias_slug
    src = genres.TERRITOIRE.src_uri(alias_slug)
    redirect = href(src, target.src_uri, directory_urls)
    markdown = "\n".join(
        [
            "---",
            f'redirection: "{redirect}"',
            "search:",
            "  exclude: true",
            "---",
            "",
            f"# {escape(name)}",
            "",
            f"« {escape(name)} » est un autre nom de {link(target.title, src, target.src_uri)}.",
            "",
        ]
    )
    return src, markdown


def pages_alias(arbre: Arbre, directory_urls: bool) -> dict[str, str]:
    return dict(page_alias(arbre, alias, directory_urls) for alias in arbre.pages_alias())


def arbre_markdown(arbre: Arbre, here: str) -> list[str]:
    """The territory tree as nested Markdown lists, for the territories catalogue."""
    lines: list[str] = []

    def walk(slug: str, depth: int) -> None:
        item = arbre.territoires[slug]
        count = sum(len(arbre.centres_de(s)) for s in arbre.descendants(slug))
        extra = f" — {_plural(count, 'centre', 'centres')}" if count else ""
        aliases = f" (aussi : {escape(', '.join(item.aliases))})" if item.aliases else ""
        lines.append("    " * depth + "- " + link(item.title, here, item.src_uri) + aliases + extra)
        for child in arbre.enfants[slug]:
            walk(child, depth + 1)

    for root in arbre.racines():
        walk(root, 0)
    return lines
