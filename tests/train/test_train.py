"""`newsgraph train` on a tiny hand-written corpus: a valid artefact, byte for byte the
same on a second run, that the gate loads and applies. Loads the spaCy model; skipped
without the embedding model package."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.learn import artefact, embed, features
from newsgraph.learn.gate import NAME, VERSION
from newsgraph.train.corpus import topic_of

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "train"
pytestmark = pytest.mark.model
needs_model = pytest.mark.skipif(not embed.available(), reason="embedding model not installed")


def _train(out: Path) -> Path:
    result = CliRunner().invoke(main, ["train", "events", "--newswire", str(FIXTURE / "news"),
                                       str(FIXTURE / "gold.json"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "held-out" in result.output
    return out / f"{NAME}.v{VERSION}.json"


@needs_model
def test_training_writes_a_valid_artefact_deterministically(tmp_path) -> None:
    first, second = _train(tmp_path / "one"), _train(tmp_path / "two")
    assert first.read_bytes() == second.read_bytes()
    art = artefact.load(NAME, VERSION, folder=first.parent)
    assert list(art.features) == features.feature_names(embedding_dim=embed.DIM)
    raw = json.loads(first.read_text())
    assert raw["figures"]["candidates"] > 0
    assert set(raw["figures"]["tuning"]) == {"before", "after"}
    assert raw["figures"]["held-out"]["before"]["candidates"] > 0


def test_topics_and_halves_come_from_the_file_name() -> None:
    assert topic_of("a05_taji_attack.txt") == ("taji_attack", "tuning")
    assert topic_of("g12_port_talks.txt") == ("port_talks", "held-out")
    assert topic_of("000_7f1a5463e2e7aa69.txt") == (None, None)
