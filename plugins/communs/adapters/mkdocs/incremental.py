"""`mkdocs serve --dirty` made exact: MkDocs rebuilds only the pages whose source file is newer than their output,
and the generated pages; a page that shows another file's front-matter (a territory listing a solution, a glossary
link…) would keep an old copy. So the folder of the site is emptied, and every page rebuilt, unless all that pages
take from other files (`Site.empreinte`), the configuration and the theme are the same as at the last build of that
folder by this process. A text edited below its front-matter rebuilds one page; anything else, the whole site."""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import clean_directory

from communs.core.site import Site

_CONSTRUITS: dict[str, str] = {}
"""Folder of a site -> the digest of its last complete build in this process."""


def _empreinte(site: Site, config: MkDocsConfig) -> str:
    digest = hashlib.sha256(site.empreinte().encode())
    if config.config_file_path:
        digest.update(Path(config.config_file_path).read_bytes())
    for folder in config.theme.dirs:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                digest.update(f"{path}:{path.stat().st_mtime_ns}".encode())
    return digest.hexdigest()


def avant(site: Site, config: MkDocsConfig) -> str:
    """Empty the site's folder unless the pages of unchanged files are still right; the digest of this build."""
    empreinte = _empreinte(site, config)
    if _CONSTRUITS.pop(config.site_dir, None) != empreinte:
        clean_directory(config.site_dir)
    return empreinte


def apres(config: MkDocsConfig, empreinte: str) -> None:
    """The build is complete: the next one may keep its pages."""
    _CONSTRUITS[config.site_dir] = empreinte
