"""Diagnostics: one problem in one file, said in French, with its fix."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERREUR = "erreur"
    AVERTISSEMENT = "avertissement"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A content problem. `path` is relative to the repository root, with forward slashes."""

    path: str
    line: int
    code: str
    message: str
    fix: str = ""
    severity: Severity = field(default=Severity.ERREUR, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERREUR

    def human(self) -> str:
        text = f"{self.path}:{self.line}: {self.severity.value} {self.code} : {self.message}"
        if self.fix:
            text += f" {self.fix}"
        return text

    def github(self) -> str:
        level = "error" if self.is_error else "warning"
        body = self.message + (f" {self.fix}" if self.fix else "")
        return f"::{level} file={self.path},line={self.line},title={self.code}::{_escape_github(body)}"

    def as_dict(self) -> dict[str, object]:
        return {
            "fichier": self.path,
            "ligne": self.line,
            "code": self.code,
            "gravite": self.severity.value,
            "message": self.message,
            "correction": self.fix,
        }


def _escape_github(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class Collector:
    """Collects diagnostics; checks append to it and never raise at a contributor."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def add(
        self,
        path: str,
        line: int,
        code: str,
        message: str,
        fix: str = "",
        severity: Severity = Severity.ERREUR,
    ) -> None:
        self._items.append(Diagnostic(path, max(line, 1), code, message, fix, severity))

    def extend(self, items: Iterable[Diagnostic]) -> None:
        self._items.extend(items)

    @property
    def items(self) -> list[Diagnostic]:
        return sorted(set(self._items))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if not d.is_error]
