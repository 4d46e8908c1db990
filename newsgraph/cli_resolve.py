"""`newsgraph resolve`: resolve a store again, in full or over the blocks of the articles
not resolved yet (resolve/batch.py)."""
from __future__ import annotations

import json

import click


@click.command("resolve")
@click.option("--db", default="newsgraph.sqlite", show_default=True,
              type=click.Path(dir_okay=False),
              help="SQLite database file, or a postgresql://user@host/dbname URL.")
@click.option("--full", is_flag=True, help="Resolve the whole store and freeze the linking "
              "statistics again (docs/linking.md), instead of only the blocks new articles touch.")
@click.option("--linker", type=click.Choice(["hand", "learned"]), default="hand",
              show_default=True, help="Event linking across articles (as for build).")
@click.pass_context
def resolve_command(ctx: click.Context, db: str, full: bool, linker: str) -> None:
    """Resolve the store: entities, event clusters, disputes, groups, incidents.

    `newsgraph build` does this after every run; run it with --full after editing the
    data files or the KB, or to count the linking statistics afresh.

    \b
    Example:
      newsgraph resolve --db kb.sqlite --full
    """
    from . import lexicons
    from .resolve.batch import resolve
    from .resolve.link_model import load_model
    from .settings import Settings
    from .store import build_lock, connect
    settings = Settings.load(config=ctx.obj.get("config") if ctx.obj else None)
    data = lexicons.load(settings.kb_paths)
    with build_lock(db):
        conn = connect(db)
        try:
            done = resolve(conn, data=data, mode="full" if full else "auto",
                           linker=load_model() if linker == "learned" else None)
        finally:
            conn.close()
    how = f"full ({done.reason})" if done.mode == "full" else (
        f"incremental: {done.articles} new articles, {sum(done.rows.values())} rows written")
    click.echo(f"resolved {how} in {done.seconds:.1f} s")
    if done.rows:
        click.echo(json.dumps(done.rows, sort_keys=True))
