"""newsgraph: turn conflict news into an auditable, sourced knowledge base.

The Python API is the same one path the CLI uses:

    import newsgraph
    report = newsgraph.build(["examples/articles"], db="kb.sqlite")   # RunReport
    view = newsgraph.open_store("kb.sqlite")                          # read access
    for entity in newsgraph.query.entities(view)[:5]:
        print(entity["name"], entity["aliases"])
    newsgraph.export_file(view, "acled", "events.csv")

Heavy modules (spaCy) load only when `build` is called.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"
__all__ = ["build", "open_store", "export_file", "query", "__version__"]


def build(sources, *, db, settings=None, progress=None, rebuild: bool = False,
          prune: bool = False):
    """Read `sources` into the SQLite store `db` (see `newsgraph.pipeline.run`)."""
    from .pipeline import run
    return run(sources, db=db, settings=settings, progress=progress, rebuild=rebuild,
               prune=prune)


def open_store(db):
    """A read-only `View` of a built store."""
    from .store import View
    return View.open(db)


def export_file(view, fmt: str, path) -> None:
    """Write one export format (json, acled, plover, geojson, graphml, gexf, ftm) to `path`."""
    from pathlib import Path

    from .errors import UsageError
    from .export import WRITERS, write_export
    if fmt != "json" and fmt not in WRITERS:
        raise UsageError(f"unknown export format {fmt!r}")
    with view.snapshot(), Path(path).open("w", encoding="utf-8", newline="") as out:
        write_export(view, fmt, out)


def __getattr__(name: str) -> Any:
    if name == "query":
        return import_module(".query", __name__)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
