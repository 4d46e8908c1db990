"""Every public grammar function says what it answers, with an example on placeholders."""
from __future__ import annotations

import inspect

import pytest

from newsgraph.nlp import grammar as g

FUNCTIONS = [name for name in g.__all__ if inspect.isfunction(getattr(g, name))]


def test_the_package_exports_its_functions():
    assert len(FUNCTIONS) >= 30


@pytest.mark.parametrize("name", FUNCTIONS)
def test_function_is_documented_with_an_example(name):
    fn = getattr(g, name)
    doc = inspect.getdoc(fn) or ""
    assert "'" in doc and "->" in doc, f"{name}: no example ('...' -> ...) in its docstring"
    assert "return" in inspect.get_annotations(fn), f"{name}: no return type"
