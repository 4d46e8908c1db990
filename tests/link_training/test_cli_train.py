"""`newsgraph train linking` refuses to run without an annotated set."""
from __future__ import annotations

from click.testing import CliRunner

from newsgraph.cli import main


def test_train_linking_needs_a_set(tmp_path) -> None:
    result = CliRunner().invoke(main, ["train", "linking", "--work", str(tmp_path)])
    assert result.exit_code == 2
    assert "--set CORPUS GOLD" in result.output


def test_train_linking_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["train", "linking", "--help"])
    assert result.exit_code == 0 and "newsgraph train linking" in result.output
