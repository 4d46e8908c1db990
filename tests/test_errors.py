"""The exception tree: each class's exit code and HTTP status, inherited unless given."""
from __future__ import annotations

import pytest

from newsgraph import errors


@pytest.mark.parametrize(("cls", "exit_code", "http_status"), [
    (errors.NewsgraphError, 1, 500), (errors.UsageError, 2, 400), (errors.InputError, 3, 422),
    (errors.NothingReadError, 3, 422), (errors.DataError, 4, 500), (errors.StoreError, 5, 500),
    (errors.NotFound, 6, 404), (errors.QualityGateError, 7, 500),
])
def test_codes(cls: type[errors.NewsgraphError], exit_code: int, http_status: int) -> None:
    assert (cls.exit_code, cls.http_status) == (exit_code, http_status)


def test_a_subclass_overrides_one_code_and_keeps_the_other() -> None:
    class Teapot(errors.UsageError, http_status=418):
        pass
    assert (Teapot.exit_code, Teapot.http_status) == (2, 418)
    assert (errors.UsageError.exit_code, errors.UsageError.http_status) == (2, 400)
