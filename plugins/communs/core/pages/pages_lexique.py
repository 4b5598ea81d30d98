"""The generated pages of the lexicon, as Markdown: the A-Z index, one page per category, the requested words
(how to ask, how to propose) and the booklet to print; and the end of each term's page."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from communs.core.contribution import modele_terme
from communs.core.contribution.depot import DEMANDER, PROPOSER, Depot
from communs.core.domaine.lexique import AUTRES, Lexique, categorie_src_uri, terme
from communs.core.modele import genres
from communs.core.modele.projet import Item, Project
from communs.core.modele.suggestions import slugify
from communs.core.modele.vocabulaires import label
from communs.core.urls import escape, link

PREFIX = genres.TERME.url_prefix
INDEX = f"{PREFIX}/index.md"
DEMANDES = f"{PREFIX}/demandes.md"
LIVRET = f"{PREFIX}/livret.md"
TITRE = "Lexique « Quand les enfants deviennent profs »"
INTRO = (
    "Les mots du numérique expliqués simplement. Dans les centres du réseau, des enfants deviennent les « profs » "
    "des seniors : ils leur expliquent les mots qu'ils entendent tous les jours."
)
_MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")


def _text(text: str) -> str:
    """Text inside an HTML element of the booklet."""
    return html.escape(text, quote=False)


def date_fr(day: dt.date) -> str:
    return f"{'1er' if day.day == 1 else day.day} {_MOIS[day.month - 1]} {day.year}"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


MOT_CHERCHE = "MOT-CHERCHE"
"""Stands for the searched word in the links the search box fills in (« Demander ce mot »)."""


@dataclass(frozen=True)
class Liens:
    """Where to ask for a word and to propose a definition without git; None without a repository."""

    depot: Depot | None
    modele: str | None = None
    """The text of content/_modeles/terme.md, for GitHub's editor."""

    def demander(self, mot: str = "") -> str | None:
        if self.depot is None:
            return None
        return self.depot.nouvelle_issue(DEMANDER, f"Demande de mot : {mot}" if mot else "", mot=mot)

    def proposer(self, mot: str = "") -> str | None:
        if self.depot is None:
            return None
        return self.depot.nouvelle_issue(PROPOSER, f"Définition : {mot}" if mot else "", mot=mot)

    def editeur(self, mot: str = "") -> str | None:
        if self.depot is None or self.modele is None:
            return None
        name = f"{slugify(mot) or 'nouveau-mot'}.md"
        return self.depot.nouveau_fichier(genres.TERME.folder, name, modele_terme.rempli(self.modele, mot))


def liens(project: Project, depot: Depot | None) -> Liens:
    return Liens(depot, modele_terme.modele(project.root))


def _entry(item: Item, here: str) -> str:
    return f"- {link(item.title, here, item.src_uri)} — {escape(terme(item).definition)}"


def _how_to(links: Liens, here: str) -> list[str]:
    ask, propose, edit = links.demander(), links.proposer(), links.editeur()
    lines = [f"- {link('Les mots demandés par les habitants', here, DEMANDES)}, qui attendent leur définition"]
    if ask:
        lines.append(f"- [Demander un mot qui manque]({ask}) : un formulaire en ligne, sans rien installer")
    if propose:
        lines.append(f"- [Proposer une définition]({propose}), écrite avec des enfants en atelier")
    if edit:
        lines.append(f"- [Écrire directement le fichier du mot dans l'éditeur de GitHub]({edit}), pour les habitués")
    lines.append(f"- {link('Le livret de tous les mots, à imprimer', here, LIVRET)}")
    return lines


def index(lexique: Lexique, links: Liens) -> str:
    """The A-Z index: letters to jump to, the categories, every published term with its definition."""
    here = INDEX
    vocab = lexique.project.vocabularies
    letters = lexique.par_lettre()
    lines = [f"# {genres.TERME.plural}", "", escape(INTRO), ""]
    lines += [f"{_plural(len(lexique.publies), 'mot publié', 'mots publiés')}.", ""]
    lines += ["## Demander, proposer, imprimer", "", *_how_to(links, here), ""]
    lines += ["## Les catégories", ""]
    for name, items in lexique.par_categorie().items():
        count = _plural(len(items), "mot", "mots") if items else "aucun mot pour l'instant"
        lines.append(f"- {link(label(vocab, 'categories', name), here, categorie_src_uri(name))} — {count}")
    lines += ["", "## De A à Z", ""]
    if not letters:
        lines += ["Aucun mot n'est encore publié.", ""]
    else:
        lines += [_letters_nav(letters), ""]
        for letter, items in letters.items():
            title = "Autres" if letter == AUTRES else letter
            lines += [f'<h3 id="{_letter_id(letter)}">{title}</h3>', "", *[_entry(i, here) for i in items], ""]
    if lexique.en_cours:
        lines += ["## En cours d'écriture", "", "Ces mots ont une page, mais leur définition n'est pas terminée.", ""]
        lines += [f"- {link(i.title, here, i.src_uri)}" for i in lexique.en_cours]
        lines.append("")
    lines += ["## Vous ne trouvez pas un mot ?", ""]
    lines += [
        "Cherchez-le aussi sous un autre nom dans la recherche, en haut de la page : chaque mot y est "
        "retrouvé par ses autres écritures. S'il manque vraiment, demandez-le : "
        + (f"[remplissez le formulaire « Demander un mot »]({links.demander()})" if links.demander() else "")
        + (" ou " if links.demander() else "")
        + "demandez-le à l'accueil de votre centre, qui le transmettra.",
        "",
    ]
    return "\n".join(lines).rstrip() + "\n"


def _letter_id(letter: str) -> str:
    return "lettre-autres" if letter == AUTRES else f"lettre-{letter.lower()}"


def _letters_nav(letters: dict[str, list[Item]]) -> str:
    cells = []
    for code in range(ord("A"), ord("Z") + 1):
        letter = chr(code)
        if letter in letters:
            cells.append(f'<a href="#{_letter_id(letter)}">{letter}</a>')
        else:
            cells.append(f'<span class="communs-lettres__vide" title="Aucun mot en {letter}">{letter}</span>')
    if AUTRES in letters:
        cells.append(f'<a href="#{_letter_id(AUTRES)}">Autres</a>')
    return '<nav class="communs-lettres" aria-label="Aller à une lettre du lexique">\n' + "\n".join(cells) + "\n</nav>"


def categorie(lexique: Lexique, name: str, items: list[Item], links: Liens) -> str:
    here = categorie_src_uri(name)
    title = label(lexique.project.vocabularies, "categories", name)
    lines = [f"# {escape(title)}", "", f"Les mots du lexique de la catégorie « {escape(title)} ».", ""]
    if items:
        lines += [f"{_plural(len(items), 'mot', 'mots')}.", "", *[_entry(i, here) for i in items], ""]
    else:
        lines += ["Aucun mot n'est encore publié dans cette catégorie.", ""]
    lines += [f"Voir aussi : {link('tous les mots de A à Z', here, INDEX)}"]
    if links.proposer():
        lines[-1] += f", ou [proposer la définition d'un mot]({links.proposer()})"
    lines[-1] += "."
    return "\n".join(lines) + "\n"


def demandes(lexique: Lexique, links: Liens) -> str:
    """The requested words, each with a way to propose its definition; how to ask and how to propose."""
    here = DEMANDES
    requests = lexique.demandes()
    lines = [
        "# Les mots demandés",
        "",
        "Des habitants ont demandé ces mots dans leur centre. Un centre du réseau peut en choisir un et écrire "
        "sa définition avec des enfants, lors d'un atelier mené par un accompagnateur.",
        "",
        "## Demander un mot",
        "",
    ]
    ask = links.demander()
    if ask:
        lines += [
            f"[Remplissez le formulaire « Demander un mot »]({ask}) : il suffit d'écrire le mot et le nom de "
            "votre centre (un compte GitHub gratuit est nécessaire). Vous pouvez aussi demander le mot à l'accueil "
            "de votre centre : un accompagnateur l'ajoutera à cette liste.",
            "",
        ]
    else:
        lines += ["Demandez le mot à l'accueil de votre centre : un accompagnateur l'ajoutera à cette liste.", ""]
    lines += ["## Les mots qui attendent leur définition", ""]
    if not requests:
        lines += ["Aucun mot n'attend pour l'instant.", ""]
    for demande in requests:
        model = demande.modele
        who = link(demande.demandeur.title, here, demande.demandeur.src_uri) if demande.demandeur else escape(model.demande_par)
        line = f"- **{escape(model.mot)}** — demandé par {who} le {date_fr(model.date)}"
        if demande.preneur:
            line += f" ; {link(demande.preneur.title, here, demande.preneur.src_uri)} écrit sa définition"
        actions = []
        propose, edit = links.proposer(model.mot), links.editeur(model.mot)
        if propose:
            actions.append(f"[proposer la définition de « {escape(model.mot)} »]({propose})")
        if edit:
            actions.append(f"[l'écrire dans l'éditeur de GitHub]({edit})")
        lines.append(line + (" — " + " ou ".join(actions) if actions else "") + ".")
    lines += [
        "",
        "## Proposer une définition",
        "",
        "1. En atelier, les enfants expliquent le mot avec leurs mots ; l'accompagnateur les aide à écrire une "
        "définition courte : 40 mots au plus, des phrases de 20 mots au plus.",
        "2. Notez un exemple de la vie de tous les jours, et la phrase d'un enfant si elle est parlante.",
        "3. Pour les enfants, on n'écrit que leur **prénom** (ou le nom du groupe), leur **tranche d'âge** et leur "
        "**centre** : jamais de nom de famille, d'e-mail, de téléphone, d'adresse ni de date de naissance.",
    ]
    propose = links.proposer()
    if propose:
        lines.append(
            f"4. [Remplissez le formulaire « Proposer une définition »]({propose}). Une personne du réseau "
            "relit la proposition et la publie : le mot apparaît alors sur ce site."
        )
    else:
        lines.append("4. Transmettez la définition à votre fédération, qui la publiera sur ce site.")
    lines += ["", f"Voir aussi : {link('tous les mots de A à Z', here, INDEX)}.", ""]
    return "\n".join(lines)


def livret(lexique: Lexique) -> str:
    """Every published term on one page, for paper: no navigation, A4 print styles (see the theme's CSS)."""
    vocab = lexique.project.vocabularies
    lines = [
        "---",
        "title: Livret du lexique",
        "hide:",
        "  - navigation",
        "  - toc",
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# {escape(TITRE)}",
        "",
        f'<p class="communs-livret__consigne">{_text(INTRO)} Pour avoir ce livret sur papier, utilisez la '
        "commande « Imprimer » de votre navigateur (touches Ctrl et P).</p>",
        "",
        '<div class="communs-livret">',
    ]
    for letter, items in lexique.par_lettre().items():
        title = "Autres" if letter == AUTRES else letter
        lines.append(f'<section class="communs-livret__lettre" aria-labelledby="livret-{_letter_id(letter)}">')
        lines.append(f'<h2 id="livret-{_letter_id(letter)}">{title}</h2>')
        for item in items:
            model = terme(item)
            lines.append('<div class="communs-livret__terme">')
            lines.append(f"<h3>{_text(item.title)}</h3>")
            category = _text(label(vocab, "categories", model.categorie))
            lines.append(f'<p class="communs-livret__categorie">{category}</p>')
            lines.append(f'<p class="communs-livret__definition">{_text(model.definition)}</p>')
            if model.exemple:
                lines.append(f"<p><em>Exemple :</em> {_text(model.exemple)}</p>")
            if model.mot_d_enfant:
                lines.append(f"<p><em>Avec les mots d'un enfant :</em> « {_text(model.mot_d_enfant)} »</p>")
            lines.append("</div>")
        lines.append("</section>")
    lines += ["</div>", ""]
    if not lexique.publies:
        lines += ["Aucun mot n'est encore publié.", ""]
    return "\n".join(lines)


def pied_de_terme(lexique: Lexique, item: Item, links: Liens) -> str:
    """The end of a term's page: its category, a way to improve it, back to the index."""
    here = item.src_uri
    model = terme(item)
    category = label(lexique.project.vocabularies, "categories", model.categorie)
    lines = [
        "## Pour aller plus loin",
        "",
        f"- Les autres mots de la catégorie {link(category, here, categorie_src_uri(model.categorie))}",
    ]
    propose = links.proposer(item.title)
    if propose:
        lines.append(f"- [Proposer une définition plus claire de « {escape(item.title)} »]({propose})")
    lines += [f"- {link('Tous les mots du lexique, de A à Z', here, INDEX)}", ""]
    return "\n".join(lines)


def pages(project: Project, depot: Depot | None) -> dict[str, str]:
    """Site path -> Markdown of every generated lexicon page."""
    lexique = Lexique(project)
    links = liens(project, depot)
    out = {INDEX: index(lexique, links), DEMANDES: demandes(lexique, links), LIVRET: livret(lexique)}
    for name, items in lexique.par_categorie().items():
        out[categorie_src_uri(name)] = categorie(lexique, name, items, links)
    return out


def chemins(project: Project) -> set[str]:
    """The site paths of the generated lexicon pages (for the link checks)."""
    return {INDEX, DEMANDES, LIVRET, *(categorie_src_uri(c) for c in project.vocabularies.get("categories", {}))}
