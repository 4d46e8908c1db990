"""SQLite store: one Writer, one View, numbered migrations. SQL never leaves this package."""
from .sqlite import connect, migrate
from .view import View
from .writer import Writer

__all__ = ["connect", "migrate", "View", "Writer"]
