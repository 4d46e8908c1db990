"""WHERE clauses from optional filters: a condition counts only when its value is given."""
from __future__ import annotations

from collections.abc import Iterable


def given(conditions: Iterable[tuple[str, object]]) -> tuple[list[str], list]:
    """The SQL conditions whose value is given (truthy), and their arguments: the value
    once per '?' of its condition ("(cluster = ? OR id = ?)" takes it twice)."""
    clauses: list[str] = []
    args: list = []
    for sql, value in conditions:
        if value:
            clauses.append(sql)
            args += [value] * sql.count("?")
    return clauses, args


def where_clause(clauses: list[str]) -> str:
    """'WHERE a AND b', or '' when there is no condition."""
    return "WHERE " + " AND ".join(clauses) if clauses else ""
