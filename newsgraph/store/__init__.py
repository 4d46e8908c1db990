"""SQLite store: one Writer, one View, numbered migrations. SQL never leaves this package."""
from .sqlite import build_lock, connect, migrate
from .view import View
from .writer import Writer

__all__ = ["build_lock", "connect", "migrate", "View", "Writer"]
