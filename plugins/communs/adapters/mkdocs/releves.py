"""What a build in two processes logs (adapters/mkdocs/peuplement.py): each record noted with the number of the page
being made, its text made final so that it may cross to the other process, then given to the handlers in the order of
the pages, as one process logs them."""

from __future__ import annotations

import logging

Releve = tuple[int, logging.LogRecord]
"""(number of the page being made, a record logged meanwhile)."""


class Journal(logging.Handler):
    """The records meant for the handlers, noted once with the page being made, their text made final (they may cross
    to the other process)."""

    def __init__(self, releves: list[Releve], page: list[int]) -> None:
        super().__init__(logging.NOTSET)
        self.releves, self.page = releves, page
        self.vus: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if id(record) in self.vus:
            return  # met again on its way up to the root
        self.vus.add(id(record))
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.releves.append((self.page[0], record))


_LOGGERS = ("", "mkdocs")
"""The loggers with handlers: the root and MkDocs' own (which does not propagate)."""


def noter(releves: list[Releve], page: list[int]) -> dict[str, list[logging.Handler]]:
    """Every record goes to `releves` instead of the handlers, which are returned (to be put back)."""
    handlers, journal = {}, Journal(releves, page)
    for nom in _LOGGERS:
        logger = logging.getLogger(nom)
        handlers[nom] = list(logger.handlers)
        logger.handlers = [journal]
    return handlers


def rendre_releves(releves: list[Releve], jusqu_a: int | None = None) -> None:
    """The records given to the handlers in the order of the pages, as one process logs them (up to the page whose
    making failed, where one process stops)."""
    for numero, record in sorted(releves, key=lambda releve: releve[0]):
        if jusqu_a is not None and numero > jusqu_a:
            break
        logging.getLogger(record.name).callHandlers(record)  # its logger's filters passed it already
