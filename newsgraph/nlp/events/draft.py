"""An event as read from one clause, before its roles, date and place are settled."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .clauses import Clause
from .lexicon import Rule


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    rule: Rule
    tokens: tuple[Token, ...]

    @property
    def head(self) -> Token:
        inside = {t.i for t in self.tokens}
        for tok in self.tokens:
            if tok.head.i not in inside or tok.head == tok:
                return tok
        return self.tokens[0]


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    sent: Span
    type: str
    hits: tuple[Hit, ...]
    fatalities: int | None = None
    injuries: int | None = None
    toll_source: str | None = None
    named: bool = False      # the toll counts victims named one by one
    clause: Clause | None = None    # its own clause when the sentence tells several
    toll_span: tuple[int, int] | None = None   # another sentence the toll was read from
    rivals: frozenset[int] = frozenset()       # trigger tokens of the sentence's other events

    def span(self) -> tuple[int, int]:
        """Characters of the article this event is read from."""
        if self.clause is not None:
            return self.clause.start, self.clause.end
        return self.sent.start_char, self.sent.end_char

    def admits(self, offset: int, *, date: bool = False) -> bool:
        """May a date (`date`) or place at this offset of the sentence be this event's?"""
        if self.clause is None:
            return True
        if date:
            return self.clause.admits_date(offset, self.sent.start_char)
        return self.clause.admits(offset, self.sent.start_char)
