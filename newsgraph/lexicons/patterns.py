"""The schema of a pattern file (data/lexicons/patterns/*.yaml), checked on load.

    version: 1
    patterns:
      - name: hyphen_backing            # unique in the file; the rule asks for it by name
        construction: "A-backed B"      # what it finds, with placeholders
        kind: token                     # spaCy Matcher; or "dependency": DependencyMatcher
        pattern:                        # spaCy's own pattern syntax; "@key" in IN / NOT_IN
          - {TEXT: "-"}                 # stands for a word list the rule supplies
          - {LOWER: {IN: "@backing"}}
        example: "The A-backed militia withdrew."   # a sentence it must match...
        expect: ["-", "backed"]         # ...and the tokens it must match there

A file that breaks the schema is a `DataError` naming the file and the entry.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from ..errors import DataError

TokenSpec = dict[str, Any]


class DependencyNode(BaseModel):
    """One node of a DependencyMatcher pattern (spaCy's keys)."""
    model_config = ConfigDict(extra="forbid")
    RIGHT_ID: str
    RIGHT_ATTRS: TokenSpec
    LEFT_ID: str | None = None
    REL_OP: str | None = None

    @model_validator(mode="after")
    def _linked(self) -> DependencyNode:
        if (self.LEFT_ID is None) != (self.REL_OP is None):
            raise ValueError("LEFT_ID and REL_OP go together")
        return self


class PatternEntry(BaseModel):
    """One construction."""
    model_config = ConfigDict(extra="forbid")
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    construction: str
    kind: Literal["token", "dependency"]
    pattern: list[TokenSpec] = Field(min_length=1)
    example: str = Field(min_length=1)
    expect: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _shape(self) -> PatternEntry:
        if self.kind == "dependency":
            nodes = [DependencyNode.model_validate(p) for p in self.pattern]
            if nodes[0].LEFT_ID is not None or any(n.LEFT_ID is None for n in nodes[1:]):
                raise ValueError("the first node is the anchor (no LEFT_ID); every other node has one")
            known: set[str] = set()
            for n in nodes:
                if n.LEFT_ID is not None and n.LEFT_ID not in known:
                    raise ValueError(f"node {n.RIGHT_ID!r}: LEFT_ID {n.LEFT_ID!r} is not an earlier node")
                known.add(n.RIGHT_ID)
        return self


class PatternFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: Literal[1]
    patterns: list[dict[str, Any]]

    @field_validator("patterns")
    @classmethod
    def _unique(cls, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        names = [p.get("name") for p in value]
        dup = sorted({n for n in names if names.count(n) > 1 and n is not None})
        if dup:
            raise ValueError(f"duplicate names {dup}")
        return value


def read_pattern_file(path: Path) -> list[PatternEntry]:
    """The entries of one pattern file; a `DataError` naming the file (and entry) if bad."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        top = PatternFile.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise DataError(f"{path}: bad pattern file: {exc}") from exc
    out = []
    for i, raw in enumerate(top.patterns):
        try:
            out.append(PatternEntry.model_validate(raw))
        except ValidationError as exc:
            raise DataError(f"{path}: pattern {i} ({raw.get('name', '?')}): {exc}") from exc
    return out
