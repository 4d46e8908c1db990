"""Command-line front end: parse, call one function, render. Every command has an example."""
from __future__ import annotations

import json
import logging
import sys

import click

from . import query
from .errors import NewsgraphError, UsageError
from .settings import Settings
from .store import View

INTERRUPTED = 130     # the shell's code for a command ended by Ctrl-C (128 + SIGINT)
DB = click.option("--db", default="newsgraph.sqlite", show_default=True,
                  type=click.Path(dir_okay=False),
                  help="SQLite database file, or a postgresql://user@host/dbname URL.")


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except NewsgraphError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.secho("interrupted", fg="red", err=True)
            sys.exit(INTERRUPTED)


@click.group(cls=_Group)
@click.option("--config", type=click.Path(dir_okay=False), help="Settings file (newsgraph.toml).")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.pass_context
def main(ctx: click.Context, config: str | None, verbose: int) -> None:
    """newsgraph: turn conflict news into an auditable, sourced knowledge base.

    \b
    Example:
      newsgraph build examples/articles --db kb.sqlite
      newsgraph entities --db kb.sqlite
    """
    logging.basicConfig(level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = {"config": config}


def _settings(ctx: click.Context, **flags: object) -> Settings:
    return Settings.load(config=ctx.obj.get("config"), **flags)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@DB
@click.option("--processes", type=int, help="Worker processes for the per-article step.")
@click.option("--batch-size", type=int, help="Articles per spaCy batch (bounds memory).")
@click.option("--engine", type=click.Choice(["local", "dask"]),
              help="Where the per-article step runs: this machine's process pool (local), "
              "or a Dask cluster (dask; a local one of --processes workers without "
              "--address).")
@click.option("--address", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
@click.option("--kb", "kb_paths", multiple=True, help="Extra actor YAML file or folder.")
@click.option("--rebuild", is_flag=True, help="Analyse articles already in the store again.")
@click.option("--prune", is_flag=True,
              help="Remove the articles of sources (under the paths given) that are gone.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--full-resolve", is_flag=True, help="Resolve the whole store (default on a "
              "resolved store: only the blocks the new articles touch; docs/linking.md).")
@click.option("--linker", type=click.Choice(["hand", "learned"]), default="hand",
              show_default=True, help="Event linking across articles: the hand weights of "
              "event_linking.yaml, or the learned model data/models/event_link.v2.json.")
@click.pass_context
def build(ctx, sources, db, processes, batch_size, engine, address, kb_paths, rebuild, prune,
          quiet, full_resolve, linker) -> None:
    """Read articles (folders, .txt, .html, .jsonl) into the knowledge base.

    An edited file replaces its article; a file that is gone is reported, and its
    article removed with --prune.

    \b
    Example:
      newsgraph build examples/articles more/*.jsonl --db kb.sqlite --processes 2
      newsgraph build examples/articles --db kb.sqlite --prune
      newsgraph build more/ --db kb.sqlite --full-resolve
      newsgraph build corpus/ --db kb.sqlite --engine dask --processes 2
      newsgraph build ../shared/corpus/newswire --db nw.sqlite --linker learned
    """
    from .cli_report import ProgressBar, render_report
    from .pipeline import run
    from .resolve.link_model import load_model
    settings = _settings(ctx, processes=processes, batch_size=batch_size, engine=engine,
                         address=address, kb_paths=tuple(kb_paths) or None)
    with ProgressBar(disable=quiet) as bar:
        report = run(sources, db=db, settings=settings, progress=bar.update, rebuild=rebuild,
                     prune=prune, linker=load_model() if linker == "learned" else None,
                     resolve="full" if full_resolve else "auto")
    click.echo(render_report(report, db=db))


@main.command()
@DB
@click.option("--format", "fmt", default="json", show_default=True,
              type=click.Choice(["json", "acled", "plover", "geojson", "graphml", "gexf",
                                 "ftm"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File (default: stdout).")
@click.option("--per", type=click.Choice(["article", "incident"]), default="article",
              show_default=True, help="ACLED: one row per article event or per incident.")
def export(db, fmt, output, per) -> None:
    """Export the knowledge base (JSON contract, ACLED CSV, PLOVER, GeoJSON, GraphML,
    GEXF, FtM). Formats that leave events out (ACLED, PLOVER, GeoJSON) say how
    many, and why, on stderr.

    \b
    Example:
      newsgraph export --db kb.sqlite --format json -o kb.json
      newsgraph export --db kb.sqlite --format acled -o events.csv
      newsgraph export --db kb.sqlite --format acled --per incident -o incidents.csv
      newsgraph export --db kb.sqlite --format geojson -o events.geojson
    """
    from .export import write_export
    view = View.open(db)
    with view.snapshot():          # one read transaction: consistent during a build
        if output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                summary = write_export(view, fmt, fh, per=per)
        else:
            summary = write_export(view, fmt, sys.stdout, per=per)
    if summary:
        click.echo(_export_summary(fmt, summary), err=True)


def _export_summary(fmt: str, summary: dict) -> str:
    skipped = summary.get("skipped") or {}
    clusters = f" (+ {summary['clusters']} clusters)" if "clusters" in summary else ""
    lines = [f"{fmt}: {summary['rows']} rows written{clusters},"
             f" {sum(skipped.values())} {summary.get('per', 'event')}s left out"]
    lines += [f"  {count:5d}  {reason}" for reason, count in skipped.items()]
    return "\n".join(lines)


@main.command()
@click.argument("query_text")
@DB
@click.option("--limit", default=10, show_default=True)
def search(query_text, db, limit) -> None:
    """Full-text search over article text (SQLite FTS5 syntax; PostgreSQL: websearch syntax).

    \b
    Example:
      newsgraph search "drone strike" --db kb.sqlite
    """
    from .store import operational_errors
    if len(query_text.split()) > query.MAX_TERMS:
        raise UsageError(f"too many search words (at most {query.MAX_TERMS})")
    try:
        hits = View.open(db).search(query_text, limit=limit)
    except operational_errors() as exc:
        raise UsageError(f"bad search query {query_text!r}: {exc}") from exc
    for h in hits:
        click.echo(f"{h['published'] or '????-??-??'}  {h['source']}  {h['title'] or ''}")
        click.echo(f"    {h['snippet']}")
    if not hits:
        click.echo("no match")


@main.command()
@DB
@click.option("--type", "etype", help="Only this entity type (PERSON, ORG, GPE, ...).")
@click.option("--limit", default=40, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
def entities(db, etype, limit, as_json) -> None:
    """List entities, most mentioned first, with their aliases.

    \b
    Example:
      newsgraph entities --db kb.sqlite --type PERSON
    """
    from .cli_report import entity_table
    rows = [e for e in View.open(db).entities() if not etype or e.type == etype.upper()]
    rows.sort(key=lambda e: (-len(e.mentions), e.name))
    if as_json:
        click.echo(json.dumps([query.entity(e) | {"mentions": len(e.mentions)}
                               for e in rows[:limit]], ensure_ascii=False, indent=1))
    else:
        click.echo(entity_table(rows[:limit]))


@main.command("explain-match")
@click.argument("name_a")
@click.argument("name_b")
def explain_match(name_a, name_b) -> None:
    """Show why two names do or do not match.

    \b
    Example:
      newsgraph explain-match "Abd al-Rahman Yusuf" "Abdulrahman Youssef"
    """
    from . import lexicons
    from .names.match import MatchContext
    from .names.match import explain_match as explain
    context = MatchContext(lex=lexicons.load().names)
    for line in explain(name_a, name_b, context=context):
        click.echo(line)


from .cli_eval import eval_command  # noqa: E402  (registered below)

main.add_command(eval_command)
from .cli_serve import serve_command  # noqa: E402
from .cli_train import train_command  # noqa: E402

main.add_command(train_command)

main.add_command(serve_command)
from .cli_resolve import resolve_command  # noqa: E402

main.add_command(resolve_command)
from .cli_train import train_command  # noqa: E402

main.add_command(train_command)

if __name__ == "__main__":
    main()
