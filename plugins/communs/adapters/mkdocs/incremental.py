"""`mkdocs serve --dirty` made exact: MkDocs rebuilds only the pages whose source file is newer than their output,
and the generated pages; a page that shows another file's front-matter (a territory listing a solution, a glossary
link…) would keep an old copy. So the folder of the site is emptied, and every page rebuilt, unless all that pages
take from other files (`Site.empreinte`), what every page shows (`config.extra`), the configuration and the theme are
the same as at the last build of that folder by this process. A text edited below its front-matter rebuilds one page;
anything else, the whole site.

The generated files (catalogues, lexicon, search index, pictures, preview cards) are written again by such a build
only when their content changed since the last complete build of the folder: a generated page's output depends only
on its own content and on what the digest above covers."""

from __future__ import annotations

import gc
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import clean_directory

from communs.core.site import Site


@dataclass
class Construction:
    """One build of a site's folder: its digest, and the digest of each generated file's content."""

    empreinte: str
    precedents: dict[str, str] = field(default_factory=dict)
    """Generated file -> digest of its content at the last complete build, when the folder was kept."""
    contenus: dict[str, str] = field(default_factory=dict)
    valeurs: dict[str, tuple[object, ...]] = field(default_factory=dict)
    """Generated file -> what its digest was computed from at this build: the same objects give the same digest."""
    connues: dict[str, tuple[tuple[object, ...], str]] = field(default_factory=dict)
    """Generated file -> (objects, digest) of the previous build of this process, kept or not."""


_CONSTRUITS: dict[str, Construction] = {}
"""Folder of a site -> its last complete build in this process."""


class Genere(File):
    """A generated file that MkDocs writes (and, for a page, renders) again only when its content changed."""

    inchange = False

    def is_modified(self) -> bool:
        return not self.inchange and super().is_modified()


def _empreinte(site: Site, config: MkDocsConfig) -> str:
    digest = hashlib.sha256(site.empreinte().encode())
    digest.update(repr(sorted((str(k), repr(v)) for k, v in config.extra.items())).encode())
    if config.config_file_path:
        digest.update(Path(config.config_file_path).read_bytes())
    custom = Path(config.theme.custom_dir).resolve() if config.theme.custom_dir else None
    for folder in config.theme.dirs:
        digest.update(folder.encode())
        if Path(folder).resolve() != custom:
            continue  # an installed theme (Material: 14,000 files) changes only when reinstalled, server restarted
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                digest.update(f"{path}:{path.stat().st_mtime_ns}".encode())
    return digest.hexdigest()


RAMASSAGE_PENDANT = 50_000
"""Objects made between two passes of Python's cycle collector while MkDocs builds (its default: 700)."""
_SEUILS: list[tuple[int, int, int]] = []


def ramassage(pendant: bool) -> None:
    """Fewer passes of the cycle collector during a build: each one walks what the process keeps between rebuilds and
    what the build made so far (a fifth of a rebuild of one page under `mkdocs serve`), and finds few cycles. Memory
    stays bounded: it still runs every 50,000 objects; its thresholds come back once the build is complete."""
    if pendant and not _SEUILS:
        _SEUILS.append(gc.get_threshold())
        gc.set_threshold(RAMASSAGE_PENDANT, *_SEUILS[0][1:])
    elif not pendant and _SEUILS:
        gc.set_threshold(*_SEUILS.pop())


def avant(site: Site, config: MkDocsConfig) -> Construction:
    """Empty the site's folder unless the pages of unchanged files are still right; this build."""
    empreinte = _empreinte(site, config)
    last = _CONSTRUITS.pop(config.site_dir, None)
    known = {uri: (values, last.contenus[uri]) for uri, values in last.valeurs.items()} if last is not None else {}
    if last is None or last.empreinte != empreinte:
        clean_directory(config.site_dir)
        return Construction(empreinte, connues=known)
    return Construction(empreinte, last.contenus, connues=known)


def _digest(construction: Construction, uri: str, values: tuple[str | bytes, ...]) -> str:
    """The digest of a generated file's content; not computed again for the very objects of the previous build (the
    façade keeps what it made while nothing it is made of changed)."""
    construction.valeurs[uri] = values
    known = construction.connues.get(uri)
    if known is not None and len(known[0]) == len(values) and all(a is b for a, b in zip(known[0], values, strict=True)):
        return known[1]
    digest = hashlib.sha256()
    for value in values:
        digest.update(value.encode() if isinstance(value, str) else value)
    return digest.hexdigest()


def genere(config: MkDocsConfig, construction: Construction, uri: str, content: str | bytes, *autres: str) -> File:
    """A generated file of `content`; a page also depends on `autres` (the body the core renders for it)."""
    construction.contenus[uri] = key = _digest(construction, uri, (content, *autres))
    file = Genere.generated(config, uri, content=content)
    assert isinstance(file, Genere)
    file.inchange = construction.precedents.get(uri) == key and os.path.isfile(file.abs_dest_path)
    return file


def apres(config: MkDocsConfig, construction: Construction) -> None:
    """The build is complete: the next one may keep its pages."""
    construction.connues = {}
    ramassage(False)
    _CONSTRUITS[config.site_dir] = construction


class Compilations(BytecodeCache):
    """The theme's templates compiled by a build of this process, by name and source: MkDocs makes a new Jinja
    environment at each build, which would compile them again (a tenth of a rebuild of one page). Jinja compares the
    source's checksum: an edited template is compiled again."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self.codes.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


COMPILATIONS = Compilations()


def gabarits(env: Environment) -> None:
    """The theme's templates compiled once per process (`COMPILATIONS`), and, once loaded, never checked on disk again
    during a build: Material includes some thirty partials in each page, each include would ask for the file's date
    (MkDocs makes a new environment at each build, so an edited template is read again by the next one)."""
    env.bytecode_cache = COMPILATIONS
    env.auto_reload = False
