"""CLI: every command works, documents itself with an example, and fails clearly."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _commands():
    return sorted(main.commands)


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_an_example_and_is_documented(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"newsgraph {name}" in (ROOT / "docs" / "cli.md").read_text()


def test_cli_docs_are_generated_from_help():
    from scripts.gen_cli_docs import render
    assert (ROOT / "docs" / "cli.md").read_text() == render(), \
        "docs/cli.md is stale: run `python -m scripts.gen_cli_docs`"


def test_missing_database_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["entities", "--db", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 5
    assert "database not found" in result.output


def test_explain_match_prints_reasons():
    result = CliRunner().invoke(main, ["explain-match", "Abdul-Mahdi", "Abu Mahdi"])
    assert result.exit_code == 0
    assert result.output.strip()


@pytest.mark.model
def test_build_export_search_entities(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.txt").write_text(
        "Iraqi President Barham Salih met Kurdish leaders in Erbil on Monday. Salih said "
        "the talks were constructive and that a new government would be formed soon.",
        encoding="utf-8")
    db = str(tmp_path / "kb.sqlite")
    runner = CliRunner()
    built = runner.invoke(main, ["build", str(folder), "--db", db, "--quiet"])
    assert built.exit_code == 0, built.output
    assert "articles read      1" in built.output and "words/s" in built.output
    out = runner.invoke(main, ["export", "--db", db, "--format", "json"])
    data = json.loads(out.output)
    assert data["documents"][0]["source"] == "x.txt"
    hits = runner.invoke(main, ["search", "Erbil", "--db", db])
    assert "x.txt" in hits.output
    ents = runner.invoke(main, ["entities", "--db", db, "--json"])
    assert any("Salih" in e["name"] for e in json.loads(ents.output))


def test_build_with_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "e.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "e.txt"), "--db",
                                       str(tmp_path / "kb.sqlite"), "--quiet"])
    assert result.exit_code == 3
    assert "no article could be read" in result.output
