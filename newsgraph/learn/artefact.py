"""Versioned model artefacts: one JSON file per model under `data/models/`, holding the
feature names, the coefficients, the version, the hash of the training data and the
cross-validation figures. A missing or corrupt artefact is a DataError that names the
file and the command that rebuilds it.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import numpy as np

from ..errors import DataError
from .logreg import Linear

MODELS_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
FORMAT = 1
REBUILD = "newsgraph train (or: make train)"


@dataclass(frozen=True, slots=True, kw_only=True)
class Artefact:
    name: str                          # e.g. "event_real"
    version: int                       # bumped when features or meaning change
    features: tuple[str, ...]          # one name per coefficient
    model: Linear
    threshold: float = 0.5
    data_hash: str = ""                # sha256 of the training examples
    figures: dict = field(default_factory=dict)   # cross-validation figures

    def to_dict(self) -> dict:
        return {"format": FORMAT, "name": self.name, "version": self.version,
                "threshold": self.threshold, "data_hash": self.data_hash,
                "features": list(self.features), "bias": float(f"{self.model.bias:.7g}"),
                "weights": _rounded(self.model.weights), "mean": _rounded(self.model.mean),
                "scale": _rounded(self.model.scale), "figures": self.figures}


def _rounded(values: np.ndarray) -> list[float]:
    return [float(f"{float(v):.7g}") for v in values]


def path_of(name: str, version: int, *, folder: Path = MODELS_DIR) -> Path:
    return folder / f"{name}.v{version}.json"


def save(artefact: Artefact, *, folder: Path = MODELS_DIR) -> Path:
    """Write the artefact (stable key order and rounding, so retraining on the same
    data gives the same bytes) and return its path."""
    path = path_of(artefact.name, artefact.version, folder=folder)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(artefact.to_dict(), indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")
    return path


def load(name: str, version: int, *, folder: Path = MODELS_DIR) -> Artefact:
    path = path_of(name, version, folder=folder)
    if not path.is_file():
        raise DataError(f"model artefact missing: {path}; rebuild it with `{REBUILD}`")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return _parse(raw, name=name, version=version)
    except (ValueError, KeyError, TypeError) as exc:
        raise DataError(f"model artefact corrupt: {path} ({exc}); rebuild it with "
                        f"`{REBUILD}`") from exc


def _parse(raw: dict, *, name: str, version: int) -> Artefact:
    if raw["format"] != FORMAT or raw["name"] != name or raw["version"] != version:
        raise ValueError(f"expected {name} v{version} in format {FORMAT}, found "
                         f"{raw.get('name')} v{raw.get('version')} format {raw.get('format')}")
    features = tuple(str(f) for f in raw["features"])
    arrays = [np.asarray(raw[k], dtype=np.float64) for k in ("weights", "mean", "scale")]
    if any(a.shape != (len(features),) for a in arrays) or not all(
            np.isfinite(a).all() for a in arrays):
        raise ValueError("weights, mean and scale must be finite, one per feature")
    if np.any(arrays[2] <= 0):
        raise ValueError("scale must be positive")
    model = Linear(weights=arrays[0], bias=float(raw["bias"]), mean=arrays[1], scale=arrays[2])
    return Artefact(name=name, version=version, features=features, model=model,
                    threshold=float(raw["threshold"]), data_hash=str(raw["data_hash"]),
                    figures=dict(raw.get("figures") or {}))


def data_hash(lines: Iterable[str]) -> str:
    """sha256 over one line per training example (its source, evidence and label)."""
    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode("utf-8") + b"\n")
    return h.hexdigest()
