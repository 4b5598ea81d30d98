"""Find and read every content file of the repository; validate each against its genre's model."""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from communs.core.modele import codes, complexite, genres, lecture_parallele, modeles, vocabulaires
from communs.core.modele import lecture_sure as fichiers
from communs.core.modele.diagnostics import Collector, Diagnostic
from communs.core.modele.frontmatter import Document, read_document
from communs.core.modele.genres import Genre
from communs.core.modele.lecture_parallele import en_deux, lu, lu_memorise, sans_objets
from communs.core.modele.validation import validate


@dataclass
class Item:
    genre: Genre
    slug: str
    doc: Document
    model: BaseModel | None = None

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def title(self) -> str:
        if self.model is not None:
            return str(getattr(self.model, self.genre.title_field))
        data = self.doc.data if isinstance(self.doc.data, dict) else {}
        return str(data.get(self.genre.title_field) or self.slug)

    @property
    def aliases(self) -> list[str]:
        return list(getattr(self.model, "alias", []) or [])

    @property
    def url(self) -> str:
        return self.genre.url(self.slug)

    @property
    def src_uri(self) -> str:
        return self.genre.src_uri(self.slug)


@dataclass
class Project:
    root: Path
    vocabularies: vocabulaires.Vocabularies
    items: list[Item] = field(default_factory=list)
    pages: list[Document] = field(default_factory=list)
    """Other Markdown pages of content/ (home, how to contribute…)."""
    demandes: list[tuple[int, modeles.Demande]] = field(default_factory=list)
    demandes_doc: Document | None = None
    assets: set[str] = field(default_factory=set)
    """Site paths of the non-Markdown files (images, documents)."""
    stray: list[tuple[str, str]] = field(default_factory=list)
    """Files in a genre's folder that are neither an item nor an asset: (path, reason)."""
    collector: Collector = field(default_factory=Collector)
    exclus: set[str] = field(default_factory=set)
    """Repository paths never read nor published: symbolic links and files too big (each one reported)."""
    _index: dict[tuple[str, str], Item] = field(default_factory=dict, repr=False)
    _genres: dict[str, list[Item]] = field(default_factory=dict, repr=False)
    _index_etat: tuple[int, int, int, int] = field(default=(0, -1, 0, 0), repr=False)
    """The list of items, its length and its first and last items when the indexes were made."""

    def by_slug(self) -> dict[str, list[Item]]:
        index: dict[str, list[Item]] = {}
        for item in self.items:
            index.setdefault(item.slug, []).append(item)
        return index

    def of_genre(self, name: str) -> list[Item]:
        """The items of a genre, in the project's order (a new list: the caller may change it)."""
        self._indexer()
        return list(self._genres.get(name, ()))

    def find(self, name: str, slug: str) -> Item | None:
        self._indexer()
        return self._index.get((name, slug))

    def _indexer(self) -> None:
        """The indexes by genre and by (genre, slug), made again when items were added: a centre's page asks for
        the news of its genre, a solution's for its carrier, at each of thousands of pages."""
        items = self.items
        state = (id(items), len(items), id(items[0]) if items else 0, id(items[-1]) if items else 0)
        if self._index_etat != state:
            self._index, self._genres = {}, {}
            for item in items:
                self._index.setdefault((item.genre.name, item.slug), item)
                self._genres.setdefault(item.genre.name, []).append(item)
            self._index_etat = state

    def site_uri(self, rel_path: str) -> str:
        """Where a repository file lands in the site (path relative to the site root)."""
        if rel_path.startswith(genres.CONTENT_DIR + "/"):
            return rel_path[len(genres.CONTENT_DIR) + 1 :]
        return rel_path


_MEMOIRE: dict[tuple[str, str, bytes], bytes] = {}
"""Each item as read and validated the last time, keyed by (genre, path, sha256 of its bytes), pickled so that no
build can change what the next one gets. It lives as long as the process: `mkdocs serve` rebuilds after an edit
without parsing again the files that did not change. Only the files of the last load are kept."""


def _lire_item(genre: Genre, rel_root: str, raw: bytes, memoire: dict[tuple[str, str, bytes], bytes]) -> Item:
    """The item of a file, from the memory of the previous load when its bytes are the same."""
    key = (genre.name, rel_root, hashlib.sha256(raw).digest())
    known = _MEMOIRE.get(key)
    if known is not None:
        memoire[key] = known
        doc, model = pickle.loads(known)
        return Item(genre=genre, slug=Path(rel_root).stem, doc=doc, model=model)
    doc, model = lecture_parallele.lire(genre, rel_root, raw)
    memoire[key] = pickle.dumps((doc, model), protocol=pickle.HIGHEST_PROTOCOL)
    return Item(genre=genre, slug=Path(rel_root).stem, doc=doc, model=model)


_UNSAFE_YAML = frozenset({codes.YAML_ALIAS, codes.YAML_TROP_PROFOND, codes.CONTENU_TROP_COMPLEXE})


def _skipped(rel: Path) -> bool:
    return any(part.startswith((".", "_")) for part in rel.parts)


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _walk(project: Project, folder: Path) -> list[Path]:
    """The regular files of `folder`; symbolic links are reported and excluded, never followed."""
    files, links = fichiers.parcourir(folder)
    for link in links:
        rel = _rel(link, project.root)
        if rel not in project.exclus:
            project.exclus.add(rel)
            project.collector.extend([fichiers.lien(rel)])
    return files


def _read(project: Project, path: Path, rel: str) -> bytes | None:
    raw = fichiers.lire(path, rel, project.collector)
    if raw is None:
        project.exclus.add(rel)
    return raw


def load(root: Path, vocabularies: vocabulaires.Vocabularies | None = None, *, memoriser: bool = True) -> Project:
    """Read every content file under `root`. Problems land in `project.collector`; nothing raises.

    `memoriser=False` (a one-off check) neither uses nor keeps the memory of the items read: copying them costs a
    fifth of a cold check."""
    project = Project(root=root, vocabularies=vocabularies or vocabulaires.default())
    kind_folders = {genre.folder: genre for genre in genres.GENRES}
    memoire: dict[tuple[str, str, bytes], bytes] | None = {} if memoriser else None
    a_lire: list[lecture_parallele.Tache] = []  # all files at once, unless the memory has the previous load's
    for genre in genres.GENRES:
        folder = root / genre.folder
        if folder.is_dir():
            _load_kind(project, genre, folder, memoire if _MEMOIRE else None, a_lire)
    if memoire is None:
        for (genre, _, rel_root), (problems, doc, model) in zip(a_lire, en_deux(a_lire, lu), strict=True):
            _ajouter(project, genre, rel_root, problems, None if doc is None else (doc, model))
    else:
        for (genre, _, rel_root), (problems, key, copy, item) in zip(
            a_lire, en_deux(a_lire, lu_memorise, sans_objets), strict=True
        ):
            if key is not None:
                memoire[key] = copy
            _ajouter(project, genre, rel_root, problems, item or (pickle.loads(copy) if key is not None else None))
    if memoire is not None:
        _MEMOIRE.clear()
        _MEMOIRE.update(memoire)
    content = root / genres.CONTENT_DIR
    if content.is_dir():
        for path in _walk(project, content):
            rel = path.relative_to(content)
            if _skipped(rel):
                continue
            rel_root = _rel(path, root)
            if any(rel_root.startswith(folder + "/") for folder in kind_folders):
                continue
            if path.suffix == ".md":
                if (raw := _read(project, path, rel_root)) is not None:
                    project.pages.append(read_document(raw, rel_root, front_matter=None))
            else:
                project.assets.add(project.site_uri(rel_root))
    demandes = root / genres.DEMANDES
    if demandes.is_file() and not demandes.is_symlink() and _rel(demandes, root) not in project.exclus:
        _load_demandes(project, demandes)
    for page in project.pages:  # an item's file was measured when read (lecture_parallele.lire)
        if page.readable and (costly := complexite.verifier(page)) is not None:
            page.diagnostics.append(costly)
    for doc in [item.doc for item in project.items] + project.pages:
        project.collector.extend(doc.diagnostics)
        if any(d.code in _UNSAFE_YAML for d in doc.diagnostics):
            project.exclus.add(doc.path)  # an engine's own YAML reader must never see it
    return project


def _ajouter(
    project: Project, genre: Genre, rel_root: str, problems: list[Diagnostic], item: tuple[Document, BaseModel | None] | None
) -> None:
    project.collector.extend(problems)
    if item is None:
        project.exclus.add(rel_root)
    else:
        project.items.append(Item(genre=genre, slug=Path(rel_root).stem, doc=item[0], model=item[1]))


def _load_kind(
    project: Project,
    genre: Genre,
    folder: Path,
    memoire: dict[tuple[str, str, bytes], bytes] | None,
    a_lire: list[lecture_parallele.Tache],
) -> None:
    """The items of `genre`: read at once, from the memory of the previous load, with `memoire`; else added to
    `a_lire` (lecture_parallele reads them all)."""
    for path in _walk(project, folder):
        rel = path.relative_to(folder)
        if _skipped(rel):
            continue
        rel_root = _rel(path, project.root)
        if rel_root == genres.DEMANDES:
            continue
        if path.suffix.lower() in genres.ASSET_SUFFIXES:
            project.assets.add(project.site_uri(rel_root))
        elif path.suffix != ".md":
            project.stray.append((rel_root, "extension"))
        elif len(rel.parts) > 1:
            project.stray.append((rel_root, "sous-dossier"))
        elif memoire is None:
            a_lire.append((genre, path, rel_root))
        elif (raw := _read(project, path, rel_root)) is not None:
            project.items.append(_lire_item(genre, rel_root, raw, memoire))


def _load_demandes(project: Project, path: Path) -> None:
    raw = _read(project, path, _rel(path, project.root))
    if raw is None:
        return
    doc = read_document(raw, _rel(path, project.root), front_matter=False)
    project.demandes_doc = doc
    data: Any = doc.data
    if data is not None and not isinstance(data, list):
        doc.problem(
            1,
            codes.ENTETE_PAS_DICTIONNAIRE,
            "demandes.yml doit être une liste de demandes (« - mot: … »).",
            "Commencez chaque demande par « - mot: ».",
        )
    elif data:
        for index in range(len(data)):
            if not isinstance(data[index], dict):
                doc.problem(
                    doc.line_of((index,)),
                    codes.TYPE_INVALIDE,
                    f"La demande n°{index + 1} n'est pas une suite de champs.",
                    "Écrivez « - mot: … » puis « demande_par: … ».",
                )
                continue
            model, problems = validate(doc, modeles.Demande, loc_prefix=(index,))
            doc.diagnostics.extend(lecture_parallele.sans_redite(doc, problems))
            if model is not None:
                project.demandes.append((index, model))
    project.collector.extend(doc.diagnostics)


def empreinte(project: Project) -> str:
    """A digest of all that a page may take from other files than its own: every file's front-matter (titles,
    links, places, terms), which files exist, the vocabularies. The texts below the front-matter are left out: only
    their own page and the search files show them. Two loads with the same digest give the same pages but for the
    pages of the files whose text changed (`mkdocs serve --dirty` rebuilds only those)."""
    digest = hashlib.sha256()
    docs = sorted([item.doc for item in project.items] + project.pages, key=lambda doc: doc.path)
    for doc in docs:
        head = doc.text[: len(doc.text) - len(doc.body)] if doc.body and doc.text.endswith(doc.body) else doc.text
        digest.update(repr((doc.path, doc.readable, head)).encode())
    if project.demandes_doc is not None:
        digest.update(project.demandes_doc.text.encode())
    digest.update(repr((sorted(project.assets), sorted(project.exclus), project.stray, project.vocabularies)).encode())
    return digest.hexdigest()
