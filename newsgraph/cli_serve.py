"""`newsgraph serve`: the HTTP API and web UI over one database (read-only)."""
from __future__ import annotations

import click


@click.command("serve")
@click.option("--db", default="newsgraph.sqlite", show_default=True,
              type=click.Path(dir_okay=False), help="SQLite database file (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port.")
def serve_command(db: str, host: str, port: int) -> None:
    """Serve the web UI at / and the JSON API at /api (OpenAPI doc at /docs).

    \b
    Example:
      newsgraph serve --db kb.sqlite --port 8000
      # then open http://127.0.0.1:8000/ (works offline; run `make web` once for assets)
    """
    import uvicorn

    from .api import create_app
    app = create_app(db)
    click.echo(f"newsgraph: serving {db} on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
