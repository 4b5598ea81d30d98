"""How the Pelican adapter reports: the `communs` logger, and the exception that stops a build after every problem
was logged."""

from __future__ import annotations

import logging

log = logging.getLogger("communs")


class ContenuInvalide(Exception):
    """The content has errors (or warnings, in a strict build): they were all logged, the build stops."""
