"""One call for both side panels: attendees and numbered objectives of one article.

``extract`` runs in the app's worker thread and in ``newsread extract``; ``to_dict``
gives the JSON shape of ``newsread extract --format json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarize.attendees import Attendees, extract_attendees
from summarize.language import detect_language
from summarize.objectives import ObjectiveList, extract_objectives


@dataclass(frozen=True, slots=True)
class Extraction:
    """Who attended and which objectives were listed, for one text."""

    language: str
    attendees: Attendees
    objectives: tuple[ObjectiveList, ...]


def extract(text: str, lang: str | None = None) -> Extraction:
    """Attendees and objective lists of ``text``; the language is detected when not given."""
    lang = lang or detect_language(text)
    return Extraction(lang, extract_attendees(text, lang), extract_objectives(text, lang))


def to_dict(result: Extraction) -> dict[str, Any]:
    """The JSON object of ``newsread extract``: attendees, attendee_groups, objectives."""
    return {
        "attendees": [{"name": p.name, "title": p.title, "aliases": list(p.aliases)} for p in result.attendees.people],
        "attendee_groups": [g.text for g in result.attendees.groups],
        "objectives": [
            {
                "lead_in": o.lead_in,
                "topic": o.topic,
                "announced_count": o.announced_count,
                "items": list(o.items),
                "count_mismatch": o.count_mismatch,
            }
            for o in result.objectives
        ],
    }
