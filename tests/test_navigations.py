"""Material's navigation is rendered once for the pages outside it that would render it alike, never for a page
whose links to it differ (a page of the navigation, or one above a page of it)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from communs.adapters.mkdocs.navigation import Navigations


def _page(url: str) -> Any:
    return SimpleNamespace(url=url, parent=None)


def _config() -> Any:
    return SimpleNamespace(theme={"logo": None}, extra={})


def test_pages_outside_the_navigation_in_one_folder_share_its_rendering() -> None:
    nav = SimpleNamespace(pages=[_page(""), _page("prototypes/"), _page("territoires/nord/")])
    memo = Navigations()
    rendus: list[str] = []

    def rendre(url: str) -> str:
        def caller() -> str:
            rendus.append(url)
            return f"nav de {url}"

        return memo(_page(url), nav, _config(), caller)

    assert rendre("prototypes/a/") == rendre("prototypes/b/") == "nav de prototypes/a/"
    assert rendre("fiches/a/") == "nav de fiches/a/"  # another folder: its links go up from elsewhere
    assert rendre("territoires/") == "nav de territoires/"  # above a page of the navigation: its own
    assert rendre("territoires/") == "nav de territoires/" and rendus.count("territoires/") == 2
    assert rendus == ["prototypes/a/", "fiches/a/", "territoires/", "territoires/"]


def test_a_page_of_the_navigation_renders_its_own() -> None:
    page = _page("prototypes/")
    nav = SimpleNamespace(pages=[page])
    memo = Navigations()
    assert memo(page, nav, _config(), lambda: "une") == "une"
    assert memo(page, nav, _config(), lambda: "deux") == "deux"
    child = SimpleNamespace(url="prototypes/a/", parent=SimpleNamespace())
    assert memo(child, nav, _config(), lambda: "trois") == "trois"
