"""One exception tree. Each class knows its CLI exit code and HTTP status, given as class
keywords (`class NotFound(NewsgraphError, exit_code=6, http_status=404)`); a subclass
that gives neither keeps its parent's."""
from __future__ import annotations


class NewsgraphError(Exception):
    exit_code = 1
    http_status = 500

    def __init_subclass__(cls, *, exit_code: int | None = None, http_status: int | None = None,
                          **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if exit_code is not None:
            cls.exit_code = exit_code
        if http_status is not None:
            cls.http_status = http_status


class UsageError(NewsgraphError, exit_code=2, http_status=400):
    """Bad arguments or options."""


class InputError(NewsgraphError, exit_code=3, http_status=422):
    """An article or source could not be read; the run reports it and goes on."""


class NothingReadError(InputError):
    """No article at all could be read from the sources given."""


class DataError(NewsgraphError, exit_code=4):
    """A data file (knowledge base, lexicon, gold) is invalid."""


class StoreError(NewsgraphError, exit_code=5):
    """The store cannot be opened, migrated or written."""


class NotFound(NewsgraphError, exit_code=6, http_status=404):
    """An id, page or file that does not exist."""


class QualityGateError(NewsgraphError, exit_code=7):
    """A score fell below its pinned floor."""
