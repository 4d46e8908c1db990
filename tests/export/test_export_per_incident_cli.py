"""`newsgraph export --format acled --per incident` on the hand-made store."""
from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from newsgraph.cli import main
from tests import handmade


def test_cli_writes_one_acled_row_per_incident(examples_db):
    runner = CliRunner()
    db = str(examples_db)
    per_article = runner.invoke(main, ["export", "--db", db, "--format", "acled"])
    per_incident = runner.invoke(main, ["export", "--db", db, "--format", "acled",
                                        "--per", "incident"])
    assert per_article.exit_code == 0 and per_incident.exit_code == 0, per_incident.output
    articles = list(csv.DictReader(io.StringIO(per_article.stdout)))
    incidents = list(csv.DictReader(io.StringIO(per_incident.stdout)))
    assert 0 < len(incidents) < len(articles)
    shared = [r for r in incidents if "; " in r["source"]]
    assert shared, "no incident told by two outlets"
    for row in shared:
        same = [a for a in articles if a["event_date"] == row["event_date"]
                and a["source"] in row["source"].split("; ")]
        assert int(row["fatalities"]) <= max(int(a["fatalities"]) for a in same)
    assert "incidents left out" in per_incident.stderr


def test_per_incident_is_only_for_acled(tmp_path):
    db = str(handmade.build_store(tmp_path / "kb.sqlite"))
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "json",
                                       "--per", "incident"])
    assert result.exit_code != 0 and "acled format only" in result.output
