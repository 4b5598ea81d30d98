"""Nothing outside the repository is read or published, and no content file is too big to check.

Content folders are walked without following any symbolic link: a link (to a file or a folder, wherever
it points) is an error of its own and is never read. A text file above `LIMITE_OCTETS` is not read either.
"""

from __future__ import annotations

import os
from pathlib import Path

from communs.core.modele import codes
from communs.core.modele.diagnostics import Collector, Diagnostic

LIMITE_OCTETS = 500_000
"""About 500 Ko: a hundred times the longest report of the commons; a bigger text is a mistake or an attack."""

TEXTES = frozenset({".md", ".yml", ".yaml"})


def parcourir(dossier: Path) -> tuple[list[Path], list[Path]]:
    """The regular files under `dossier` and the symbolic links met, without following any; iterative."""
    files: list[Path] = []
    links: list[Path] = []
    if dossier.is_symlink():
        return files, [dossier]
    pending = [dossier]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                found = list(entries)
        except OSError:
            continue
        for entry in found:
            if entry.is_symlink():
                links.append(Path(entry.path))
            elif entry.is_dir(follow_symlinks=False):
                pending.append(Path(entry.path))
            elif entry.is_file(follow_symlinks=False):
                files.append(Path(entry.path))
    return sorted(files), sorted(links)


def lien(rel: str) -> Diagnostic:
    return Diagnostic(
        rel,
        1,
        codes.LIEN_SYMBOLIQUE,
        "Ce fichier ou ce dossier est un lien symbolique : il n'est ni lu ni publié, quelle que soit sa cible.",
        "Remplacez le lien par une vraie copie du fichier dans le dépôt, ou supprimez-le.",
    )


def lire(path: Path, rel: str, collector: Collector) -> bytes | None:
    """The bytes of a regular text file, or None (reported) when it is too big: it is never read whole."""
    size = path.stat(follow_symlinks=False).st_size
    if path.suffix.lower() in TEXTES and size > LIMITE_OCTETS:
        collector.add(
            rel,
            1,
            codes.FICHIER_TROP_GROS,
            f"Ce fichier fait {size // 1000} Ko : au-delà de {LIMITE_OCTETS // 1000} Ko, un fichier de contenu"
            " n'est ni vérifié ni publié.",
            "Découpez-le en plusieurs fiches, ou placez un gros document (PDF…) dans un dossier documents/ et liez-le.",
        )
        return None
    with path.open("rb") as handle:
        return handle.read(LIMITE_OCTETS + 1)


def dossiers_lies(root: Path, dossier: Path) -> list[Diagnostic]:
    """Symbolic links to folders under `dossier` (an engine that follows links would walk into them)."""
    _, links = parcourir(dossier)
    return [lien(link.relative_to(root).as_posix()) for link in links if link.is_dir()]


def _relatif(root: Path, path: Path) -> Path | None:
    """`path` relative to `root`, both made absolute and normalised (links are not resolved), or None."""
    absolute = Path(os.path.normpath(path.absolute()))
    for base in (Path(os.path.normpath(root.absolute())), root.resolve()):
        try:
            return absolute.relative_to(base)
        except ValueError:
            continue
    return None


def _par_un_lien(root: Path, relative: Path) -> bool:
    current = root
    for part in relative.parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


def dans_le_depot(root: Path, path: Path) -> bool:
    """True when `path` stays inside `root`, out of hidden folders (.git…), with no symbolic link on the way."""
    relative = _relatif(root, path)
    if relative is None or any(part.startswith(".") for part in relative.parts):
        return False
    return not _par_un_lien(root, relative)


def exclu(root: Path, exclus: set[str], path: Path) -> bool:
    """Whether an engine must leave out a file of the repository: reported as excluded, or reached through a link.

    Files outside the repository (the theme's own, from its package) are not content and are kept.
    """
    relative = _relatif(root, path)
    if relative is None:
        return False
    return relative.as_posix() in exclus or _par_un_lien(root, relative)
