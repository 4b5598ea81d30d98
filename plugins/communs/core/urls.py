"""Writing generated Markdown safely: front-matter text is text, never Markdown or HTML; links between pages."""

from __future__ import annotations

import html
import posixpath
import re


def escape(text: str) -> str:
    """Text for a Markdown paragraph, list item or table cell."""
    plain = html.escape(text.replace("\n", " "), quote=False)
    return re.sub(r"([\\`*_\[\]|<>])", r"\\\1", plain)


def link(text: str, from_uri: str, to_uri: str) -> str:
    """A Markdown link from the page `from_uri` to the page `to_uri` (both source paths like `centres/x.md`).

    MkDocs checks such links at build time and rewrites them for the chosen URL style.
    """
    return f"[{escape(text)}]({md_path(from_uri, to_uri)})"


def md_path(from_uri: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def page_url(src_uri: str, directory_urls: bool) -> str:
    """The site path of the page built from `src_uri`, as MkDocs computes it."""
    stem, _ = posixpath.splitext(src_uri)
    if not directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) == "index":
        parent = posixpath.dirname(stem)
        return parent + "/" if parent else ""
    return stem + "/"


def href(from_uri: str, to_uri: str, directory_urls: bool) -> str:
    """A relative URL for raw HTML (SVG links, redirections), which MkDocs does not rewrite."""
    source = page_url(from_uri, directory_urls)
    target = page_url(to_uri, directory_urls)
    base = source if source.endswith("/") or not source else posixpath.dirname(source) + "/"
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if directory_urls and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in {"./", "."} else rel
