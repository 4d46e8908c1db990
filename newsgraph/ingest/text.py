"""Reading files safely: size checked before reading, binary detected, UTF-8 decoded.

Every failure is raised as `InputError` with a sentence a user can act on; the
caller turns it into a `Skipped`.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError

MAX_BYTES_PER_CHAR = 4     # UTF-8: a file over 4 * max_chars bytes is surely too long
BINARY_SAMPLE = 8192       # bytes looked at to tell text from binary
CONTROL_SHARE = 0.10       # share of control bytes above which a file is binary
TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


def byte_limit(max_chars: int) -> int:
    """Bytes above which a file cannot hold max_chars characters or fewer."""
    return MAX_BYTES_PER_CHAR * max_chars


def read_bytes(path: Path, *, max_chars: int) -> bytes:
    """The file's bytes, refusing (without reading it) a file too large to be accepted."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from exc
    if size > byte_limit(max_chars):
        raise InputError(
            f"file is too large ({_megabytes(size)}); articles are limited to "
            f"{max_chars:,} characters (setting max_chars)")
    try:
        with path.open("rb") as fh:
            return fh.read(byte_limit(max_chars) + 1)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from exc


def check_not_binary(data: bytes) -> None:
    """Raise if the bytes look like a binary file (NUL bytes or many control bytes)."""
    sample = data[:BINARY_SAMPLE]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in sample:
        raise InputError("file looks binary (it contains NUL bytes), not text")
    controls = sum(1 for byte in sample if byte < 32 and byte not in TEXT_CONTROLS)
    if sample and controls / len(sample) > CONTROL_SHARE:
        raise InputError(f"file looks binary ({controls} control bytes in the first "
                         f"{len(sample)}), not text")


def decode(data: bytes) -> str:
    """Decode UTF-8 text. A leading byte order mark is removed (so offsets count from
    the first real character); UTF-16 with a BOM is accepted too. Anything else that
    is not valid UTF-8 raises InputError naming the byte offset of the first bad byte.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 despite its byte order mark "
                             f"(byte offset {exc.start})") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
        bad = data[offset:offset + 1].hex()
        raise InputError(
            f"not valid UTF-8: byte 0x{bad} at byte offset {offset} cannot be decoded "
            "(convert the file to UTF-8)") from exc


def read_text(path: Path, *, max_chars: int) -> str:
    """Read, check and decode a text file (see `read_bytes`, `decode`)."""
    data = read_bytes(path, max_chars=max_chars)
    check_not_binary(data)
    return decode(data)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"
