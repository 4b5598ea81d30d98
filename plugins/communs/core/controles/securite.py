"""Safe HTML by construction: what the sanitizer would remove from a page is an error, with its line.

The body of every page is rendered with Python-Markdown (the extensions of the site that change HTML),
cleaned by `nettoyage.nettoyer`, and each removal is reported where its text appears in the source.
Links and images that leave the site are reported too, whatever their extension. Front-matter values are
text: the templates and the adapter escape them.
"""

from __future__ import annotations

import posixpath
import secrets
from collections.abc import Collection
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from communs.core.controles import corps as body
from communs.core.controles import nettoyage
from communs.core.modele import codes, complexite
from communs.core.modele.diagnostics import Diagnostic
from communs.core.modele.frontmatter import Document
from communs.core.modele.projet import Project

if TYPE_CHECKING:
    import markdown

EXTENSIONS = ("attr_list", "admonition")
"""The Markdown extensions of mkdocs.yml that change which tags and attributes a body can produce."""

_PROFOND = f"imbrique plus de {nettoyage.PROFONDEUR_MAX} éléments HTML les uns dans les autres"
_CODES = frozenset({codes.HTML_DANGEREUX, codes.HTML_NON_PERMIS, codes.ADRESSE_REFUSEE})
_SURS = ("http", "https", "mailto", "tel")
_FIN_ADRESSE = (" ", ")", "\t", '"', "'", "\n")
_rendu: markdown.Markdown | None = None


def rendre(body: str) -> str:
    """The HTML of a body, with one Markdown engine reused from file to file."""
    global _rendu
    if _rendu is None:
        import markdown  # only here: most bodies are safe without being rendered (sans_risque), and start sooner

        _rendu = markdown.Markdown(extensions=list(EXTENSIONS))
    return _rendu.reset().convert(body)


def _hors_site(ici: str, address: str, images: bool) -> bool:
    """A relative address that climbs above the site, or (in a body with images) one without an extension."""
    clean = address.split("#", 1)[0].split("?", 1)[0]
    joined = posixpath.normpath(clean.lstrip("/") if clean.startswith("/") else posixpath.join(ici, clean or "."))
    return joined == ".." or joined.startswith("../") or (images and bool(clean) and not posixpath.splitext(clean)[1])


def sans_risque(body: str, ici: str = "") -> bool:
    """Markdown that can only produce allowed HTML: no raw HTML, entity or attribute list, and every link
    (« ](adresse » or « ]: adresse ») to an allowed scheme, or relative and inside the site from the page's
    folder `ici` (images: relative only, with an extension). One pass; anything else is rendered and cleaned."""
    if "<" in body or "&" in body or "{" in body:
        return False
    images = "![" in body
    for sign in ("](", "]:"):
        start = body.find(sign)
        while start != -1:
            target = body[start + 2 : start + 200].lstrip(" ")
            cut = min((i for i in (target.find(c) for c in _FIN_ADRESSE) if i != -1), default=len(target))
            address = target[:cut]
            head = address.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
            if ":" in head and (images or head.split(":", 1)[0].lower() not in _SURS):
                return False
            if "\\" in address or address.startswith("//") or (":" not in head and _hors_site(ici, address, images)):
                return False
            start = body.find(sign, start + 2)
    return True


def check(project: Project, seuls: Collection[str] | None = None) -> None:
    """`seuls`: only these files (reprise.py)."""
    known = body.site_files_of(project)
    documents = [(item.doc, item.src_uri) for item in project.items]
    documents += [(page, project.site_uri(page.path)) for page in project.pages]
    for doc, site_uri in documents:
        if not doc.readable or doc.path in project.exclus or (seuls is not None and doc.path not in seuls):
            continue
        if not sans_risque(doc.body, posixpath.dirname(site_uri)):
            html = rendre(doc.body)
            if nettoyage.trop_profond(html):
                project.exclus.add(doc.path)
                project.collector.extend([complexite.trop(doc, doc.body_line, _PROFOND)])
                continue
            resultat = nettoyage.nettoyer(html)
            signaler(project, doc, resultat.retraits)
            _sorties(project, doc, posixpath.dirname(site_uri), resultat.html, known)


def signaler(project: Project, doc: Document, retraits: list[nettoyage.Retrait]) -> None:
    """Report each removal on the first source line, after the previous one, that shows its text."""
    lines = doc.body.split("\n")
    folded = [line.lower() for line in lines]
    start = 0
    for retrait in retraits:
        found = _trouver(folded, retrait.indices, start)
        if found is None:
            found = _trouver(folded, retrait.indices, 0)
        if found is None:
            found = _trouver(folded, retrait.secours, start)
        if found is not None:
            start = found
        line = doc.body_line + (found if found is not None else 0)
        what = retrait.decrire()
        if retrait.dangereux:
            code = codes.HTML_DANGEREUX
            fix = "Retirez ce HTML ; pour une vidéo ou un lien, écrivez un lien Markdown [texte](https://…)."
        elif retrait.adresse:
            code = codes.ADRESSE_REFUSEE
            fix = (
                "Placez l'image dans le dépôt, à côté de la page, et écrivez son chemin relatif (aucune image d'un autre site)."
                if retrait.etiquette == "img"
                else "Écrivez une adresse qui commence par https://, http://, mailto: ou tel:, ou un chemin relatif."
            )
        else:
            code = codes.HTML_NON_PERMIS
            fix = "Écrivez-le en Markdown (titres ##, listes, **gras**, liens [texte](adresse)) ou retirez ce HTML."
        project.collector.add(
            doc.path,
            line,
            code,
            f"Le contenu contient {what} : le nettoyage du site retirerait ce HTML de la page publiée.",
            fix,
        )


def _trouver(folded: list[str], indices: tuple[str, ...], start: int) -> int | None:
    wanted = [text.lower() for text in indices]
    for index in range(start, len(folded)):
        if any(text in folded[index] for text in wanted):
            return index
    return None


class _Adresses(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.adresses: list[tuple[bool, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (tag, name) in {("a", "href"), ("img", "src")}:
                self.adresses.append((tag == "img", value))


def _sorties(project: Project, doc: Document, here: str, html: str, known: set[str]) -> None:
    """Relative links and images whose path climbs above the site root: never published, always an error.

    An image without a file extension is checked here too (the Markdown check only knows files with one).
    """
    parser = _Adresses()
    parser.feed(html)
    parser.close()
    folded = [line.lower() for line in doc.body.split("\n")]
    for is_image, target in parser.adresses:
        if ":" in target.split("/", 1)[0] or target.startswith(("#", "//")):
            continue
        clean = target.split("#", 1)[0].split("?", 1)[0]
        if not clean:
            continue
        joined = posixpath.normpath(clean.lstrip("/") if clean.startswith("/") else posixpath.join(here, clean))
        found = _trouver(folded, (target,), 0)
        if is_image and not posixpath.splitext(clean)[1] and joined not in known and not joined.startswith("../"):
            project.collector.add(
                doc.path,
                doc.body_line + (found or 0),
                codes.FICHIER_INTROUVABLE,
                f"L'image « {target} » est introuvable.",
                "Vérifiez l'orthographe et le chemin (relatif à cette page), et que le fichier est dans le dépôt.",
            )
        if not joined.startswith("../") and joined != "..":
            continue
        project.collector.add(
            doc.path,
            doc.body_line + (found or 0),
            codes.CHEMIN_HORS_SITE,
            f"{'L’image' if is_image else 'Le lien'} « {target} » sort du dossier du site : il ne serait jamais publié.",
            "Placez le fichier dans le dépôt, à côté de la page (par exemple images/…), et écrivez un chemin relatif.",
        )


class Encadrement:
    """Marks where a contributor's Markdown ends, so that only the page up to there is cleaned.

    The page parts the commons appends (territory maps, the foot of a lexicon term) are built from checked
    data and escaped; the mark is random for each build, so a contributor cannot write it. There is no mark
    before the contributor's text: MkDocs takes a page's title from its first element, which must stay its
    « # » heading.
    """

    def __init__(self) -> None:
        self.fin = f"communsfin{secrets.token_hex(16)}"

    def encadrer(self, markdown: str) -> str:
        return f"{markdown}\n\n{self.fin}\n"

    def nettoyer_page(self, project: Project, path: str, html: str) -> tuple[str, list[Diagnostic]]:
        """The page cleaned up to the mark (the whole page if the mark is not found exactly once)."""
        ferme = f"<p>{self.fin}</p>"
        milieu, apres = html, ""
        if html.count(ferme) == 1:
            milieu, apres = html.split(ferme)
        if nettoyage.trop_profond(milieu):
            refus = complexite.trop(Document(path), 1, _PROFOND)
            return "<p>Cette page n'a pas pu être publiée (contenu trop imbriqué).</p>" + apres, [refus]
        resultat = nettoyage.nettoyer(milieu)
        propre = resultat.html + apres
        if not resultat.retraits or any(d.path == path and d.code in _CODES for d in project.collector.items):
            return propre, []
        return propre, [
            Diagnostic(
                path,
                1,
                codes.HTML_DANGEREUX if retrait.dangereux else codes.HTML_NON_PERMIS,
                f"Le nettoyage a retiré de la page publiée {retrait.decrire()}.",
                "Écrivez ce contenu en Markdown simple (titres, listes, liens https://) ou retirez ce HTML.",
            )
            for retrait in resultat.retraits
        ]
