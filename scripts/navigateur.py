"""What the scripts that open pages in Chromium share: the flags the project requires (Debian's chromium, never a
downloaded browser, no background traffic) and a local server that keeps quiet."""

from __future__ import annotations

import http.server

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class ServeurSilencieux(http.server.SimpleHTTPRequestHandler):
    """Serves a folder without writing a line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass
