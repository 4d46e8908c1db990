"""`newsgraph serve`: the HTTP API and web UI over one database (read-only)."""
from __future__ import annotations

import click

ANY_INTERFACE = ("0.0.0.0", "::", "")


def allowed_hosts(host: str) -> tuple[str, ...]:
    """Host headers the server accepts: the loopback names, plus the address it is
    bound to; any when bound to every interface (its names are not known)."""
    from .api import LOOPBACK
    if host in ANY_INTERFACE:
        return ("*",)
    return LOOPBACK if host in LOOPBACK else (host, *LOOPBACK)


@click.command("serve")
@click.option("--db", default="newsgraph.sqlite", show_default=True,
              type=click.Path(dir_okay=False), help="SQLite database file or postgresql:// URL (opened read-only).")
@click.option("--host", help="Interface to listen on (settings: host, default 127.0.0.1).")
@click.option("--port", type=int, help="TCP port (settings: port, default 8765).")
@click.pass_context
def serve_command(ctx: click.Context, db: str, host: str | None, port: int | None) -> None:
    """Serve the web UI at / and the JSON API at /api (OpenAPI doc at /docs).

    \b
    Example:
      newsgraph serve --db kb.sqlite --port 8765
      # then open http://127.0.0.1:8765/ (works offline; run `make web` once for assets)
    """
    import uvicorn

    from .api import LOOPBACK, create_app
    from .settings import Settings
    settings = Settings.load(config=(ctx.obj or {}).get("config"), host=host, port=port)
    host, port = settings.host, settings.port
    app = create_app(db, allowed_hosts=allowed_hosts(host))
    if host not in LOOPBACK:
        click.secho(f"warning: serving on {host}: other machines can reach this API, which "
                    "has no authentication; use --host 127.0.0.1 to keep it local",
                    fg="yellow", err=True)
    click.echo(f"newsgraph: serving {db} on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
