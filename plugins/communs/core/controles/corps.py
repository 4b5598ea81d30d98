"""The Markdown body: expected sections, left-over template text, missing images and files (HTML: controles; the
pictures of the front-matter: photos.py)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Iterator

from communs.core.domaine import lexique
from communs.core.modele import codes, genres, publications
from communs.core.modele.diagnostics import Severity
from communs.core.modele.frontmatter import Document
from communs.core.modele.projet import Project
from communs.core.modele.suggestions import fold

_PLACEHOLDER_LOWER = re.compile(r"à compléter|a completer|\blorem ipsum\b|\btodo\b")
_PLACEHOLDER_WORDS = ("à compléter", "a completer", "lorem ipsum", "todo")
"""What every match of `_PLACEHOLDER_LOWER` contains (« compl » alone is in « complet », common in a real text)."""
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)[^)]*\)")
_HTML_SRC = re.compile(r"""<(img|a)\b[^>]*\s(?:src|href)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")


_CODE_INDENTE = ("    ", "\t")
_PAS_DU_CODE = ("-", "*", "1", "<")
"""What an indented line starts with when it is in a list or HTML, not a block of code."""


def prose_lines(doc: Document) -> list[tuple[int, str]]:
    """The body's lines with their file line numbers, code blocks and inline code blanked out."""
    if "`" not in doc.body and "~~~" not in doc.body:  # most bodies: no code but indented blocks, one pass
        first = doc.body_line
        return [
            (first + offset, line)
            for offset, line in enumerate(doc.body.split("\n"))
            if not line.startswith(_CODE_INDENTE) or line.strip().startswith(_PAS_DU_CODE)
        ]
    return list(_prose_lines(doc))


def _prose_lines(doc: Document) -> Iterator[tuple[int, str]]:
    fence: str | None = None
    for offset, line in enumerate(doc.body.split("\n")):
        number = doc.body_line + offset
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(2)[0] == fence[0] and len(match.group(2)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(2)
            continue
        if line.startswith(_CODE_INDENTE) and not line.strip().startswith(_PAS_DU_CODE):
            continue
        yield number, _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line) if "`" in line else line


def check(project: Project, seuls: Collection[str] | None = None) -> None:
    """`seuls`: only these files (reprise.py)."""
    site_files = site_files_of(project)
    documents = [(item.doc, item.src_uri, item.genre.sections) for item in project.items]
    documents += [(page, project.site_uri(page.path), ()) for page in project.pages]
    for doc, site_uri, sections in documents:
        if not doc.readable or (seuls is not None and doc.path not in seuls):
            continue
        _placeholders(project, doc)
        lines = prose_lines(doc)
        _links(project, doc, posixpath.dirname(site_uri), lines, site_files)
        if sections and doc.has_front_matter:
            _sections(project, doc, lines, sections)
    demandes = project.demandes_doc
    if demandes is not None and demandes.readable and (seuls is None or demandes.path in seuls):
        _placeholders(project, demandes)


def _placeholders(project: Project, doc: Document) -> None:
    text = doc.text.lower()
    if not any(words in text for words in _PLACEHOLDER_WORDS):
        return  # plain substring tests are much faster than the regular expression
    seen: set[int] = set()
    number, counted = 1, 0
    for match in _PLACEHOLDER_LOWER.finditer(text):
        number += text.count("\n", counted, match.start())  # from the previous match only: linear
        counted = match.start()
        if number not in seen:
            seen.add(number)
            project.collector.add(
                doc.path,
                number,
                codes.TEXTE_MODELE,
                f"Le texte du modèle « {match.group(0).upper()} » est resté dans le fichier.",
                "Remplacez-le par le vrai contenu, ou retirez la ligne si l'information est inconnue.",
            )


def site_files_of(project: Project) -> set[str]:
    files = set(project.assets)
    files.update(item.src_uri for item in project.items)
    files.update(project.site_uri(page.path) for page in project.pages)
    files.update(f"{genre.url_prefix}/index.md" for genre in genres.GENRES)
    files.update(lexique.chemins(project))
    files.update(publications.chemins())
    return files


def _links(project: Project, doc: Document, here: str, lines: list[tuple[int, str]], site_files: set[str]) -> None:
    """`here` is the folder of the page in the site, against which relative links resolve."""
    for number, line in lines:
        if "](" not in line and "<" not in line:
            continue
        targets = [(m.group(1) == "!", m.group(2)) for m in _LINK.finditer(line)]
        targets += [(m.group(1).lower() == "img", m.group(2)) for m in _HTML_SRC.finditer(line)]
        for is_image, target in targets:
            if _SCHEME.match(target) or target.startswith(("#", "//")):
                continue
            clean = target.split("#", 1)[0].split("?", 1)[0]
            if not clean or not posixpath.splitext(clean)[1]:
                continue
            resolved = posixpath.normpath(clean.lstrip("/") if clean.startswith("/") else posixpath.join(here, clean))
            if resolved not in site_files:
                what = "L'image" if is_image else "Le fichier lié"
                project.collector.add(
                    doc.path,
                    number,
                    codes.FICHIER_INTROUVABLE,
                    f"{what} « {target} » est introuvable.",
                    "Vérifiez l'orthographe et le chemin (relatif à cette page), et que le fichier est dans le dépôt.",
                )


def _sections(project: Project, doc: Document, lines: list[tuple[int, str]], expected: tuple[str, ...]) -> None:
    present = {fold(m.group(1)) for _, line in lines if line.startswith("##") and (m := _HEADING.match(line))}
    missing = [name for name in expected if fold(name) not in present]
    for name in missing:
        project.collector.add(
            doc.path,
            doc.body_line,
            codes.SECTION_MANQUANTE,
            f"La section « ## {name} » attendue pour ce type de fiche est absente.",
            f"Ajoutez une ligne « ## {name} » suivie de son contenu (voir le modèle dans content/_modeles/).",
            Severity.AVERTISSEMENT,
        )
