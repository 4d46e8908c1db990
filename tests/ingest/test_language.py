"""The light English check on its own."""
from __future__ import annotations

import pytest

from newsgraph.ingest.language import non_english

from .helpers import ENGLISH

OTHER = {
    "German": "Der Präsident sagte am Dienstag, dass die Sicherheitskräfte in der Hauptstadt "
              "eingesetzt wurden, um die Demonstranten zu schützen, aber mehrere Menschen wurden "
              "bei Zusammenstößen mit der Polizei verletzt.",
    "Spanish": "El presidente dijo el martes que las fuerzas de seguridad fueron desplegadas en "
               "la capital para proteger a los manifestantes, pero varias personas resultaron "
               "heridas en los enfrentamientos con la policía.",
}


@pytest.mark.parametrize("language", sorted(OTHER))
def test_other_languages_are_named(language: str) -> None:
    assert non_english(OTHER[language]) == language


@pytest.mark.parametrize("text", [
    ENGLISH,
    "Protesters gathered in the square.",                      # too short to judge
    "Iraq: PM resigns",                                        # headline-like
    "El-Sisi, de Mistura, Le Drian, van der Berg and al-Sadr spoke to the press in Rome, "
    "Madrid, Paris and Berlin; Lavrov and Çavuşoğlu joined them by video on Sunday.",
])
def test_english_is_accepted(text: str) -> None:
    assert non_english(text) is None


def test_cyrillic_script() -> None:
    text = "Министр заявил во вторник, что переговоры возобновятся на следующей неделе."
    assert non_english(text) == "Cyrillic script"
