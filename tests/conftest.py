"""Shared fixtures: the ../shared folder (skip cleanly without it) and built stores."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture(scope="session")
def seeds_db(shared: Path, tmp_path_factory) -> Path:
    """The five seed articles built once for the session (loads the spaCy model)."""
    from newsgraph.pipeline import run
    db = tmp_path_factory.mktemp("seeds") / "seeds.sqlite"
    run([shared / "corpus" / "seeds"], db=db)
    return db


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory) -> Path:
    """The project's own example corpus built once for the session."""
    from newsgraph.pipeline import run
    db = tmp_path_factory.mktemp("examples") / "examples.sqlite"
    run([EXAMPLES], db=db)
    return db


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline (model + KB ruler), loaded once."""
    from newsgraph.nlp.runner import pipeline_for
    from newsgraph.settings import Settings
    from tests import shipped
    return pipeline_for(Settings(), shipped.data())


@pytest.fixture(scope="session")
def model():
    """The stock spaCy model alone (no KB ruler), loaded once: for extractor tests on
    sentences written for them."""
    import spacy

    from newsgraph.settings import Settings
    try:
        return spacy.load(Settings().model)
    except OSError:
        pytest.skip("spaCy model not installed")



@pytest.fixture(params=["sqlite", "postgresql"])
def new_store(request, tmp_path):
    """A function giving a new, empty store on one backend at each call: a SQLite file,
    or a PostgreSQL database dropped after the test (skipped, with the reason, when
    NEWSGRAPH_TEST_PG names no server; see tests/pg.py)."""
    from contextlib import ExitStack

    from tests import pg
    with ExitStack() as stack:
        yield lambda name="kb": stack.enter_context(pg.store(request.param, tmp_path, name))


@pytest.fixture
def store_db(new_store):
    """A new, empty store on each backend (see new_store)."""
    return new_store()
