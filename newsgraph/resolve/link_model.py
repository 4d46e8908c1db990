"""The learned event linker: a logistic model over link_features, read from a shipped
artefact (data/models/event_link.v2.json), never fetched.

The artefact records the feature names it was fitted on, its coefficients, the
clustering threshold chosen by cross-validation, a hash of the training data and the
cross-validated figures. `newsgraph train linking` rebuilds it (link_training).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DataError
from .event_facets import LinkConfig
from .event_link import Profile
from .link_features import NAMES, pair_features

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "event_link.v2.json"
REBUILD = "newsgraph train linking"
FORMAT = "newsgraph.event_link"


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkModel:
    """Coefficients over link_features.NAMES and the average-link merge threshold."""
    version: str
    features: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, a: Profile, b: Profile, cfg: LinkConfig) -> float:
        """P(the two reports tell one happening)."""
        return self.probability_of(pair_features(a, b, cfg))

    def probability_of(self, x: list[float]) -> float:
        z = self.intercept + sum(w * v for w, v in zip(self.coef, x))
        return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, z))))


def model_from_dict(data: dict, *, source: str = "<dict>") -> LinkModel:
    """Parse an artefact dict; DataError naming the file and the rebuild command when
    it is not one, or was fitted on other features than this code computes."""
    try:
        if data.get("format") != FORMAT:
            raise ValueError(f"format is {data.get('format')!r}, expected {FORMAT!r}")
        model = LinkModel(version=str(data["version"]), features=tuple(data["features"]),
                          coef=tuple(float(c) for c in data["coef"]),
                          intercept=float(data["intercept"]),
                          threshold=float(data["threshold"]))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"{source}: not a valid event-link model ({exc}); "
                        f"rebuild it with `{REBUILD}`") from exc
    if model.features != NAMES or len(model.coef) != len(NAMES):
        raise DataError(f"{source}: fitted on features {list(model.features)}, this code "
                        f"computes {list(NAMES)}; rebuild it with `{REBUILD}`")
    return model


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> LinkModel:
    """The shipped model (cached); DataError when missing or corrupt."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(f"{path}: event-link model missing; rebuild it with `{REBUILD}`") from exc
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"{path}: event-link model unreadable ({exc}); "
                        f"rebuild it with `{REBUILD}`") from exc
    if not isinstance(data, dict):
        raise DataError(f"{path}: not a valid event-link model; rebuild it with `{REBUILD}`")
    return model_from_dict(data, source=str(path))
