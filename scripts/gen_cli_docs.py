"""Write docs/cli.md from the CLI's own --help (checked in CI by tests/test_cli.py)."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from newsgraph.cli import main

OUT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def render() -> str:
    runner = CliRunner()
    parts = ["# Command-line reference\n",
             "Generated from `--help` by `python -m scripts.gen_cli_docs`; do not edit.\n",
             "```\n" + runner.invoke(main, ["--help"], prog_name="newsgraph").output + "```\n"]
    for name in sorted(main.commands):
        text = runner.invoke(main, [name, "--help"], prog_name="newsgraph").output
        parts.append(f"## newsgraph {name}\n\n```\n{text}```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
