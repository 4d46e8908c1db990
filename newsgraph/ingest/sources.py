"""Walking the sources given: folders (recursively, sorted), single files, JSONL files.

Folders are walked one directory at a time with sorted entries, so the order is
deterministic and memory holds at most one listing per folder level, never the
list of all files or their contents. Hidden entries
(".name") are ignored, and symlinked folders are not followed (no loops).
"""
from __future__ import annotations

import errno
import logging
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import Skipped
from .draft import Draft
from .jsonl import read_jsonl
from .meta import META_FILE, InputWarning, Meta, load_folder_meta
from .text import check_not_binary, decode, read_bytes, read_text

log = logging.getLogger(__name__)

KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


@dataclass(slots=True, kw_only=True)
class FolderMeta:
    """The meta.jsonl of one folder and which of its entries were used."""
    folder: Path
    entries: dict[str, tuple[Meta, str]]
    used: set[str] = field(default_factory=set)

    def find(self, path: Path) -> Meta | None:
        key = path.relative_to(self.folder).as_posix()
        if key in self.entries:
            self.used.add(key)
            return self.entries[key][0]
        return None

    def unused(self) -> Iterator[InputWarning]:
        for key, (_, where) in self.entries.items():
            if key not in self.used:
                yield InputWarning(source=where, reason=f"meta line names {key}, but there is no such article file")


def iter_drafts(sources: Iterable[str | Path], *, max_chars: int) -> Iterator[Draft | Skipped]:
    """Drafts, skips and warnings from every source, in the order given."""
    sidecars: dict[Path, FolderMeta] = {}   # meta.jsonl next to files given one by one
    for source in sources:
        try:
            yield from _source(Path(source), sidecars=sidecars, max_chars=max_chars)
        except (OSError, ValueError, RecursionError) as exc:
            yield Skipped(source=str(source), reason=f"cannot read: {_why(exc)}")


def _source(path: Path, *, sidecars: dict[Path, FolderMeta],
            max_chars: int) -> Iterator[Draft | Skipped]:
    if path.is_dir():
        yield from _walk(path, root=path, metas=[], max_chars=max_chars)
    elif path.is_file():
        yield from _single(path.absolute(), sidecars=sidecars, max_chars=max_chars)
    elif path.is_symlink():
        reason = "symlink loop" if path.exists() or _loops(path) else "dangling symlink (its target does not exist)"
        yield Skipped(source=str(path), reason=reason)
    elif path.exists():
        yield Skipped(source=str(path), reason="not a regular file or folder")
    else:
        yield Skipped(source=str(path), reason="path not found")


def _loops(path: Path) -> bool:
    try:
        path.stat()
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _single(path: Path, *, sidecars: dict[Path, FolderMeta],
            max_chars: int) -> Iterator[Draft | Skipped]:
    """One file given directly; a meta.jsonl next to it is used for its metadata."""
    if path.name == META_FILE:
        yield Skipped(source=path.name, reason=f"{META_FILE} holds metadata, not articles; "
                      "give its folder instead")
        return
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        yield Skipped(source=path.name, reason=f"unsupported file type {path.suffix or '(none)'!r}: "
                      "expected .txt, .html, .htm or .jsonl")
        return
    if kind != "jsonl" and path.parent not in sidecars:
        entries, warnings = load_folder_meta(path.parent, label=str(path.parent / META_FILE))
        sidecars[path.parent] = FolderMeta(folder=path.parent, entries=entries)
        yield from warnings
    metas = [sidecars[path.parent]] if kind != "jsonl" else []
    yield from _file(path, label=path.name, kind=kind, metas=metas, max_chars=max_chars)


def _walk(folder: Path, *, root: Path, metas: list[FolderMeta],
          max_chars: int) -> Iterator[Draft | Skipped]:
    """Every article file under `folder`, sorted, with the meta.jsonl files above it."""
    label = _relative(folder, root)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Skipped(source=label or str(root), reason=f"cannot list folder: {exc.strerror or exc}")
        return
    meta_label = f"{label}/{META_FILE}" if label else META_FILE
    found, warnings = load_folder_meta(folder, label=meta_label)
    yield from warnings
    here = FolderMeta(folder=folder, entries=found)
    metas = [*metas, here]
    for entry in entries:
        if entry.name.startswith(".") or entry.name == META_FILE:
            continue
        path = Path(entry.path)
        try:
            yield from _entry(entry, path=path, root=root, metas=metas, max_chars=max_chars)
        except (OSError, ValueError, RecursionError) as exc:   # one bad entry, not the run
            yield Skipped(source=_relative(path, root), reason=f"cannot read: {_why(exc)}")
    yield from here.unused()


def _entry(entry: os.DirEntry, *, path: Path, root: Path, metas: list[FolderMeta],
           max_chars: int) -> Iterator[Draft | Skipped]:
    """One folder entry: a sub-folder walked, an article file read, anything else reported."""
    kind = KINDS.get(path.suffix.lower())
    if entry.is_dir(follow_symlinks=False):
        yield from _walk(path, root=root, metas=metas, max_chars=max_chars)
    elif entry.is_file():
        if kind:
            yield from _file(path, label=_relative(path, root), kind=kind, metas=metas,
                             max_chars=max_chars)
    elif kind or entry.is_symlink():
        yield Skipped(source=_relative(path, root), reason=_odd_entry(entry))


def _odd_entry(entry: os.DirEntry) -> str:
    """Why an entry that is neither a folder nor a regular file is not read."""
    if entry.is_symlink():
        if entry.is_dir():
            return "symlinked folder not followed (give its target instead)"
        return "dangling symlink (its target does not exist)"
    mode = entry.stat(follow_symlinks=False).st_mode
    kinds = {stat.S_ISFIFO: "a FIFO (named pipe)", stat.S_ISSOCK: "a socket",
             stat.S_ISCHR: "a device", stat.S_ISBLK: "a device"}
    what = next((name for test, name in kinds.items() if test(mode)), "not a regular file")
    return f"not a regular file: {what}"


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return "symlink loop" if exc.errno == errno.ELOOP else exc.strerror or str(exc)
    if isinstance(exc, RecursionError):
        return "structure nested too deeply"
    return f"{type(exc).__name__}: {exc}"


def _file(path: Path, *, label: str, kind: str, metas: list[FolderMeta],
          max_chars: int) -> Iterator[Draft | Skipped]:
    if kind == "jsonl":
        yield from read_jsonl(path, label=label, max_chars=max_chars)
        return
    meta = next((m for m in (fm.find(path) for fm in reversed(metas)) if m is not None), Meta())
    try:
        if kind == "html":
            content: str | bytes = _read_html(path, max_chars=max_chars)
        else:
            content = read_text(path, max_chars=max_chars)
    except InputError as exc:
        yield Skipped(source=label, reason=str(exc))
        return
    yield Draft(source=label, content=content, kind=kind, meta=meta,
                origin=os.path.abspath(path))


def _read_html(path: Path, *, max_chars: int) -> str | bytes:
    """The page as text if it is UTF-8, else as bytes for trafilatura's charset detection."""
    data = read_bytes(path, max_chars=max_chars)
    check_not_binary(data)
    try:
        return decode(data)
    except InputError:
        log.debug("%s is not UTF-8; leaving charset detection to trafilatura", path)
        return data


def _relative(path: Path, root: Path) -> str:
    rel = path.relative_to(root).as_posix()
    return "" if rel == "." else rel
