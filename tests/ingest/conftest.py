"""Fixtures for the ingest tests (no spaCy model needed); `shared` comes from tests/conftest.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import FIXTURES


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
