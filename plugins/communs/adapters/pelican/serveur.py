"""The local server of `make serve-pelican`: the built site, and the number of the last build at /__communs/version
for the theme's live reload script (rechargement.js). A request that names the number it knows waits (at most
`ATTENTE` seconds) until a newer build is done, so that a page reloads as soon as its rebuild is written."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

VERSION = "/__communs/version"
SCRIPT = "/__communs/rechargement.js"
ATTENTE = 20.0


class Versions:
    """The number of the last build; each rebuild wakes the pages waiting for it."""

    def __init__(self) -> None:
        self.numero = 0
        self._condition = threading.Condition()

    def suivante(self) -> None:
        with self._condition:
            self.numero += 1
            self._condition.notify_all()

    def apres(self, connue: str | None, attente: float = ATTENTE) -> int:
        with self._condition:
            if connue is not None:
                self._condition.wait_for(lambda: str(self.numero) != connue, timeout=attente)
            return self.numero


class _Gestionnaire(http.server.SimpleHTTPRequestHandler):
    versions: Versions
    script: Path

    def do_GET(self) -> None:
        adresse = urlsplit(self.path)
        if adresse.path == SCRIPT:
            self._envoyer(self.script.read_bytes(), "text/javascript; charset=utf-8")
        elif adresse.path == VERSION:
            connue = parse_qs(adresse.query).get("connue", [None])[0]
            self._envoyer(str(self.versions.apres(connue)).encode(), "text/plain; charset=utf-8")
        else:
            super().do_GET()

    def _envoyer(self, corps: bytes, type_: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", type_)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(corps)))
        self.end_headers()
        self.wfile.write(corps)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows the builds, not every request."""


def serveur(dossier: str, port: int, versions: Versions, script: Path) -> http.server.ThreadingHTTPServer:
    """A server on 127.0.0.1:`port` for the folder `dossier`, answering /__communs/version from `versions` and
    /__communs/rechargement.js with the theme's `script`."""
    gestionnaire = type("Gestionnaire", (_Gestionnaire,), {"versions": versions, "script": script})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(gestionnaire, directory=dossier))
    server.daemon_threads = True
    return server
