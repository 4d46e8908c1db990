"""Shared schema machinery: strict pydantic models and readable DataErrors.

Every lexicon file is validated against a model that forbids unknown keys; a failure
becomes a `DataError` naming the file and the entry ("events.yaml: entry 'strike':
unknown key 'trigers'"). Checks that need other data (PLOVER types, predicates, actor
ids) run after the structural check and raise through `fail`.

The model is a `Strict` pydantic model, or, where the runtime form has the file's own
fields, the frozen dataclass itself (decorated with `@strict`): then one class
describes the file, and `validate` returns the runtime object.
"""
from __future__ import annotations

from pathlib import Path
import dataclasses
from functools import lru_cache
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, TypeAdapter, ValidationError, with_config

from ..errors import DataError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml is ~10x faster
_NAME_KEYS = ("id", "name", "lemmas", "term", "mode", "type", "words")

M = TypeVar("M")
_CONFIG = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)
_UNKNOWN = ("extra_forbidden", "unexpected_keyword_argument")
_MISSING = ("missing", "missing_keyword_only_argument")


class Strict(BaseModel):
    """A schema that rejects keys it does not know."""
    model_config = _CONFIG


def strict(cls: type[M]) -> type[M]:
    """A frozen dataclass as the schema of its own data file: unknown keys rejected,
    numbers read as strings where a string is wanted (fields with `init=False` are
    derived, not read)."""
    return with_config(_CONFIG)(cls)


def _lower(words: Any) -> Any:
    return [w.lower() if isinstance(w, str) else w for w in words] if isinstance(words, list) else words


def _casefold(words: Any) -> Any:
    return [w.casefold() if isinstance(w, str) else w for w in words] if isinstance(words, list) else words


# word lists compared in lower case (or case-folded), as a set or in the file's order
LowerSet = Annotated[frozenset[str], BeforeValidator(_lower)]
LowerTuple = Annotated[tuple[str, ...], BeforeValidator(_lower)]
FoldedSet = Annotated[frozenset[str], BeforeValidator(_casefold)]


def read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataError(f"{path.name}: cannot read YAML: {exc}") from exc


def read_rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of a data text file, '#' comment and blank lines dropped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path.name}: cannot read: {exc}") from exc
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=None)
def _adapter(model: type) -> TypeAdapter:
    """One validator per schema class: building one costs milliseconds, and the KB
    validates each of its hundreds of actors with the same class."""
    return TypeAdapter(model)


def validate(model: type[M], data: Any, *, file: str, entry: str | None = None) -> M:
    """`data` as `model`, or a DataError naming the file, the entry and the fault
    (`entry` names `data` itself when it is one entry of a file)."""
    try:
        if dataclasses.is_dataclass(model):
            return _adapter(model).validate_python(data if data is not None else {})
        return model.model_validate(data if data is not None else {})  # type: ignore[attr-defined]
    except ValidationError as exc:
        errors = exc.errors()      # a misspelt key first: it explains the key missing
        err = next((e for e in errors if e["type"] in _UNKNOWN), errors[0])
        raise DataError(describe(file, tuple(err["loc"]), data, err, entry=entry)) from None


def describe(file: str, loc: tuple, data: Any, err: dict, *, entry: str | None = None) -> str:
    """'<file>: entry '<name>': <fault>' for the first error pydantic found."""
    path = list(loc)
    last = path.pop() if err["type"] in (*_UNKNOWN, *_MISSING) and path else None
    where: list[str] = []
    node = data
    for part in path:          # parts pydantic adds itself (union branch names) are skipped
        if isinstance(part, int) and isinstance(node, list) and part < len(node):
            node = node[part]
            name = entry_name(node, part)
            # a named entry ('assault') stands alone; a numbered one keeps its path
            where = [name] if isinstance(node, dict) and not name.startswith("#") else [*where, name]
        elif isinstance(node, dict) and part in node:
            node = node[part]
            where.append(str(part))
    field = where.pop() if last is None and where and not isinstance(node, (dict, list)) else None
    if last is not None:
        fault = f"{'unknown' if err['type'] in _UNKNOWN else 'missing'} key '{last}'"
    else:
        fault = f"{field}: {err['msg']}" if field else err["msg"]
    where = [entry, *where] if entry else where
    place = f"entry '{'.'.join(where)}': " if where else ""
    return f"{file}: {place}{fault}"


def entry_name(node: Any, index: int) -> str:
    """How an entry is named in a message: its id, name, lemmas... or its position."""
    if isinstance(node, dict):
        for k in _NAME_KEYS:
            if isinstance(node.get(k), (str, int)):
                return str(node[k])
    return str(node) if isinstance(node, (str, int)) else f"#{index + 1}"


def fail(file: str, entry: object, fault: str) -> DataError:
    return DataError(f"{file}: entry '{entry}': {fault}")
