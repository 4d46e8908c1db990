"""The shipped data (lexicons, place tables, actor KB), loaded once for the test
session; tests pass it, or their own data, to the code under test."""
from __future__ import annotations

from dataclasses import replace
from functools import cache

from newsgraph import lexicons
from newsgraph.kb import KnowledgeBase


@cache
def data() -> lexicons.Lexicons:
    return lexicons.load()


def with_kb(kb: KnowledgeBase) -> lexicons.Lexicons:
    """The shipped lexicons with a knowledge base of the test's own."""
    return replace(data(), kb=kb)
