"""The answers of a GitHub issue form, read back from the issue's body.

GitHub writes each answer as a section « ### Label », a blank line, the value (« _No response_ » when left empty).
The labels are read from the form itself (.github/ISSUE_TEMPLATE/), so a form can change its wording.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from communs.core.modele.suggestions import fold

SANS_REPONSE = {"_no response_", "_aucune réponse_", "none", "aucun", "aucune"}
_HEADING = re.compile(r"^###\s+(.+?)\s*$")


def champs(form_path: Path) -> dict[str, str]:
    """Field id -> label, from the issue form."""
    data: Any = yaml.safe_load(form_path.read_text(encoding="utf-8"))
    return {
        str(element["id"]): str(element["attributes"]["label"])
        for element in data.get("body", [])
        if isinstance(element, dict) and element.get("id") and element.get("type") != "markdown"
    }


def lire(body: str, labels: dict[str, str]) -> dict[str, str]:
    """Field id -> answer (empty when not answered) of an issue body; sections of unknown labels are ignored."""
    by_label = {fold(text): ident for ident, text in labels.items()}
    answers: dict[str, list[str]] = {}
    current: str | None = None
    for line in body.replace("\r\n", "\n").split("\n"):
        heading = _HEADING.match(line)
        if heading:
            current = by_label.get(fold(heading.group(1)))
            if current is not None:
                answers[current] = []
            continue
        if current is not None:
            answers[current].append(line)
    out: dict[str, str] = {}
    for ident, lines in answers.items():
        value = "\n".join(lines).strip()
        out[ident] = "" if value.lower() in SANS_REPONSE else value
    return out


def one_line(text: str) -> str:
    return " ".join(text.split())


def unquote(text: str) -> str:
    text = text.strip()
    for opening, closing in (("«", "»"), ('"', '"'), ("“", "”")):
        if text.startswith(opening) and text.endswith(closing) and len(text) > 1:
            return text[len(opening) : -len(closing)].strip()
    return text
