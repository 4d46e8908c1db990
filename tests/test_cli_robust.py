"""The CLI answers bad settings, non-databases and Ctrl-C with one line and an exit code."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsgraph.cli import INTERRUPTED, main


@pytest.mark.parametrize("value", ["0", "-3"])
def test_batch_size_must_be_positive(tmp_path, value):
    (tmp_path / "a.txt").write_text("Some words " * 20)
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--db", str(tmp_path / "kb.sqlite"),
                                       "--batch-size", value, "--quiet"])
    assert result.exit_code == 2
    assert "batch_size must be at least 1" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("content", [b"not a database at all", b"", b"SQLite format 3\x00" + b"\x00" * 200])
def test_export_of_a_non_database_is_a_store_error(tmp_path, content):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["export", "--db", str(path)])
    assert result.exit_code == 5, result.output
    assert "not a newsgraph database" in result.output


def test_export_of_a_folder_is_a_store_error(tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path)])
    assert result.exit_code in (2, 5)
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_ctrl_c_exits_130_with_one_line(monkeypatch, tmp_path):
    import newsgraph.pipeline as pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(pipeline, "run", interrupted)
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--db", str(tmp_path / "kb.sqlite"),
                                       "--quiet"])
    assert result.exit_code == INTERRUPTED == 130
    assert result.output.strip() == "interrupted"


def test_too_many_cli_search_words(tmp_path):
    from tests import handmade
    db = handmade.build_store(tmp_path / "kb.sqlite")
    result = CliRunner().invoke(main, ["search", " ".join(["x"] * 200), "--db", str(db)])
    assert result.exit_code == 2 and "too many search words" in result.output
