"""Hostile inputs for the robustness suite: each case writes odd input next to one good
article and says what a build must answer (exit code, report line, articles kept).

The texts are written for these tests; names and places are fictional.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

GOOD = ("Fighters of the Northern Brigades attacked a checkpoint near the town of Velmar on "
        "Monday, 3 March 2021, killing two guards, a local official told reporters. The "
        "brigade's commander said the attack answered earlier shelling of his positions.")
OTHER = ("Hundreds of people marched through the centre of Dravik on Friday to demand the "
         "release of detained students, witnesses said. Police used tear gas to break up the "
         "crowd near the university, and the governor promised an inquiry into the arrests.")
FRENCH = ("Des centaines de personnes ont défilé vendredi dans le centre de la ville pour "
          "exiger la libération des étudiants détenus, selon des témoins. La police a utilisé "
          "des gaz lacrymogènes pour disperser la foule près de l'université.")
DEEP = 100_000    # nesting far past Python's recursion limit


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    name: str
    make: Callable[[Path], None]      # writes the hostile input into the folder
    report: str | None                # a line of the report must contain this
    kept: int = 2                     # articles in the store afterwards (good one included)
    rc: int = 0
    good: bool = True                 # also write the good article
    env: dict = field(default_factory=dict)


def _write(name: str, content: str | bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return make


def _lines(name: str, *records: object) -> Callable[[Path], None]:
    """A JSONL file; str records are written as they are (raw lines)."""
    return _write(name, "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n")


def _meta(**fields: object) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / "other.txt").write_text(OTHER, encoding="utf-8")
        (folder / "meta.jsonl").write_text(json.dumps({"file": "other.txt", **fields}) + "\n")
    return make


def _symlink(name: str, target: str) -> Callable[[Path], None]:
    return lambda folder: os.symlink(target, folder / name)


def _loop(folder: Path) -> None:
    os.symlink("loop_b", folder / "loop_a")
    os.symlink("loop_a", folder / "loop_b")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def _deep_json() -> str:
    return '{"id": "deep", "text": ' + "[" * DEEP + "]" * DEEP + "}"


def _nested_html() -> str:
    return "<html><body>" + "<div>" * 5000 + OTHER + "</div>" * 5000 + "</body></html>"


CASES = [
    Case(name="surrogate_text", make=_lines("in.jsonl", '{"id": "s", "text": "\\ud800 ' + OTHER + '"}'),
         report="lone surrogate", kept=1),
    Case(name="surrogate_title", make=_lines("in.jsonl", '{"id": "s", "title": "\\udfff", "text": "'
                                             + OTHER + '"}'), report="lone surrogate"),
    Case(name="deep_json_line", make=_write("in.jsonl", _deep_json() + "\n"),
         report="nested too deeply", kept=1),
    Case(name="deep_meta_line", make=lambda f: (_write("other.txt", OTHER)(f), _write(
        "meta.jsonl", '{"file": "other.txt", "x": ' + "[" * DEEP + "]" * DEEP + "}\n")(f)),
         report="nested too deeply"),
    Case(name="symlink_loop", make=_loop, report="symlink loop", kept=1),
    Case(name="dangling_symlink", make=_symlink("gone.txt", "nowhere.txt"),
         report="dangling symlink", kept=1),
    Case(name="fifo", make=_fifo, report="FIFO", kept=1),
    Case(name="binary", make=_write("bin.txt", bytes(range(256)) * 4), report="binary", kept=1),
    Case(name="latin1", make=_write("latin.txt", OTHER.encode() + b" caf\xe9"),
         report="not valid UTF-8", kept=1),
    Case(name="empty", make=_write("empty.txt", ""), report="file is empty", kept=1),
    Case(name="whitespace", make=_write("blank.txt", " \n\t \n"), report="only whitespace", kept=1),
    Case(name="punctuation", make=_write("dots.txt", "... !!! ??? --- ;;; " * 30),
         report="too short", kept=1),
    Case(name="too_short", make=_write("short.txt", "Two words."), report="too short", kept=1),
    Case(name="french", make=_write("fr.txt", FRENCH), report="not English", kept=1),
    Case(name="invalid_json", make=_lines("in.jsonl", "{not json"), report="invalid JSON", kept=1),
    Case(name="json_list", make=_lines("in.jsonl", [1, 2]), report="expected a JSON object", kept=1),
    Case(name="text_not_string", make=_lines("in.jsonl", {"text": 5}), report="should be a string",
         kept=1),
    Case(name="no_text", make=_lines("in.jsonl", {"id": "x"}), report='neither "text" nor "html"',
         kept=1),
    Case(name="duplicate_ids", make=_lines("in.jsonl", {"id": "d", "text": OTHER},
                                           {"id": "d", "text": OTHER + " No one was hurt."}),
         report="duplicate record id"),
    Case(name="duplicate_text", make=_write("copy.txt", GOOD), report="duplicate of", kept=1),
    Case(name="future_date", make=_meta(published="2999-01-01"), report="in the future"),
    Case(name="year_9999", make=_meta(published="9999-12-31"), report="in the future"),
    Case(name="before_1900", make=_meta(published="1066-10-14"), report="before 1900"),
    Case(name="bad_calendar_date", make=_meta(published="2021-02-30"),
         report="not a valid calendar date"),
    Case(name="meta_for_missing_file", make=_write("meta.jsonl", '{"file": "nope.txt"}\n'),
         report="no such article file", kept=1),
    Case(name="html_without_text", make=_write("empty.html", "<html><body></body></html>"),
         report="no article text found", kept=1),
    Case(name="nested_html", make=_write("deep.html", _nested_html()), report=None, kept=None),
    Case(name="control_characters", make=_write("ctl.txt", OTHER.replace(" ", "\x01 ", 3)),
         report=None),
    Case(name="nul_in_record", make=_lines("in.jsonl", {"id": "n", "text": OTHER + "\u0000"}),
         report=None),
    Case(name="too_long_line", make=_lines("in.jsonl", {"id": "l", "text": OTHER * 40}),
         report="too long", kept=1, env={"NEWSGRAPH_MAX_CHARS": "2000"}),
    Case(name="too_large_file", make=_write("big.txt", OTHER * 40), report="too large", kept=1,
         env={"NEWSGRAPH_MAX_CHARS": "2000"}),
    Case(name="only_hostile", make=_write("empty.txt", ""), report="no article could be read",
         kept=0, rc=3, good=False),
]
