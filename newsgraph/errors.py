"""One exception tree. Each class knows its CLI exit code and HTTP status."""
from __future__ import annotations


class NewsgraphError(Exception):
    exit_code = 1
    http_status = 500


class UsageError(NewsgraphError):
    exit_code = 2
    http_status = 400


class InputError(NewsgraphError):
    """An article or source could not be read; the run reports it and goes on."""
    exit_code = 3
    http_status = 422


class NothingReadError(InputError):
    """No article at all could be read from the sources given."""


class DataError(NewsgraphError):
    """A data file (knowledge base, lexicon, gold) is invalid."""
    exit_code = 4
    http_status = 500


class StoreError(NewsgraphError):
    exit_code = 5
    http_status = 500


class NotFound(NewsgraphError):
    exit_code = 6
    http_status = 404


class QualityGateError(NewsgraphError):
    exit_code = 7
