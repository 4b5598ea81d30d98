"""Children's privacy whatever the key: a contributor block is read as written, not as the model allows.

A block with `courriel`, `age` or `nom` is a privacy problem before it is a typo: each such key, and each
e-mail, phone number, address, birth date, exact age or « Prénom Nom » under any key of a block, has its
privacy code. Anywhere else in a lexicon file (any field, the body, demandes.yml), an e-mail address or a
French phone number is refused too. Works on the raw front-matter, so it runs even when the model fails.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from communs.core.controles import vie_privee as privacy
from communs.core.modele import codes, genres
from communs.core.modele.frontmatter import Document, Path_
from communs.core.modele.projet import Project
from communs.core.modele.suggestions import fold

_CLES: dict[str, str] = {
    **dict.fromkeys(("courriel", "email", "e-mail", "mail", "adresse-mail", "adresse-email"), codes.CONTRIBUTEUR_EMAIL),
    **dict.fromkeys(("telephone", "tel", "portable", "mobile", "numero"), codes.CONTRIBUTEUR_TELEPHONE),
    **dict.fromkeys(("nom", "nom-de-famille", "nom-famille", "famille"), codes.CONTRIBUTEUR_NOM),
    **dict.fromkeys(("naissance", "date-de-naissance", "ne-le", "anniversaire"), codes.CONTRIBUTEUR_NAISSANCE),
    **dict.fromkeys(("adresse", "domicile", "rue", "code-postal", "ville"), codes.CONTRIBUTEUR_ADRESSE),
    **dict.fromkeys(("age", "ans"), codes.CONTRIBUTEUR_AGE),
}
"""Keys (folded, « _ » and spaces as « - ») whose mere presence in a contributor block says too much."""

_CE_QUE = {
    codes.CONTRIBUTEUR_EMAIL: "son adresse e-mail",
    codes.CONTRIBUTEUR_TELEPHONE: "son numéro de téléphone",
    codes.CONTRIBUTEUR_NOM: "son nom de famille",
    codes.CONTRIBUTEUR_NAISSANCE: "sa date de naissance",
    codes.CONTRIBUTEUR_ADRESSE: "son adresse",
    codes.CONTRIBUTEUR_AGE: "son âge exact",
}

_CHAMPS = frozenset({"prenom", "groupe", "tranche_age", "centre", "annee"})
PHONE_FR = re.compile(r"(?:\+33\s*|\b0)[1-9](?:[\s.-]?\d{2}){4}\b")


def check(project: Project, seuls: Collection[str] | None = None) -> None:
    """`seuls`: only these files (reprise.py)."""
    for item in project.of_genre(genres.TERME.name):
        if item.doc.readable and isinstance(item.doc.data, dict) and (seuls is None or item.path in seuls):
            _terme(project, item.doc)
    demandes = project.demandes_doc
    if demandes is not None and demandes.readable and (seuls is None or demandes.path in seuls):
        _partout(project, demandes, _chaines(demandes.data, ()))


def _terme(project: Project, doc: Document) -> None:
    data = doc.data
    blocks = data.get("contributeurs")
    others = {key: value for key, value in data.items() if key not in {"contributeurs", "mot_d_enfant"}}
    _partout(project, doc, _chaines(others, ()))
    _corps(project, doc)
    if isinstance(blocks, list):
        for position, block in enumerate(blocks):
            if isinstance(block, dict):
                _bloc(project, doc, position, block)
            else:
                _valeurs(project, doc, _chaines(block, ("contributeurs", position)))
    elif blocks is not None:
        _valeurs(project, doc, _chaines(blocks, ("contributeurs",)))


def _bloc(project: Project, doc: Document, position: int, block: dict[object, object]) -> None:
    for key, value in block.items():
        path: Path_ = ("contributeurs", position, str(key))
        name = str(key)
        if name in {"prenom", "groupe"} and isinstance(value, str):
            found = privacy.probleme(value, name)
            if found:
                project.collector.add(doc.path, doc.line_of(path), *found)
            continue
        if name in _CHAMPS:
            continue
        code = _CLES.get(fold(name).replace("_", "-").replace(" ", "-"))
        if code is not None:
            project.collector.add(
                doc.path,
                doc.line_of(path),
                code,
                f"Le champ « {name} » d'un contributeur donne {_CE_QUE[code]} : cette information sur un enfant"
                " ne doit jamais être publiée.",
                "Retirez cette ligne : un contributeur, c'est un prénom ou un groupe, une tranche d'âge et un centre.",
            )
            continue
        _valeurs(project, doc, _chaines(value, path))


def _valeurs(project: Project, doc: Document, values: Iterator[tuple[Path_, str]]) -> None:
    """Any text of a contributor block, under any key: what `groupe` refuses is refused."""
    for path, value in values:
        found = privacy.probleme(value, "groupe")
        if found:
            project.collector.add(doc.path, doc.line_of(path), *found)


def _partout(project: Project, doc: Document, values: Iterator[tuple[Path_, str]]) -> None:
    for path, value in values:
        _texte(project, doc, doc.line_of(path), value)


def _corps(project: Project, doc: Document) -> None:
    for offset, line in enumerate(doc.body.split("\n")):
        if "@" in line or any(char.isdigit() for char in line):
            _texte(project, doc, doc.body_line + offset, line)


def _texte(project: Project, doc: Document, line: int, value: str) -> None:
    if privacy.EMAIL_COMPLETE.search(value):
        project.collector.add(
            doc.path,
            line,
            codes.CONTRIBUTEUR_EMAIL,
            "Une adresse e-mail est écrite dans ce fichier du lexique : elle ne doit jamais être publiée.",
            "Retirez l'adresse ; le champ « centre » suffit à dire d'où vient la contribution.",
        )
    elif PHONE_FR.search(value):
        project.collector.add(
            doc.path,
            line,
            codes.CONTRIBUTEUR_TELEPHONE,
            "Un numéro de téléphone est écrit dans ce fichier du lexique : il ne doit jamais être publié.",
            "Retirez le numéro ; le champ « centre » suffit à dire d'où vient la contribution.",
        )


def _chaines(value: object, path: Path_) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _chaines(sub, (*path, str(key)))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from _chaines(sub, (*path, index))
    elif value is not None and not isinstance(value, bool):
        yield path, str(value)
