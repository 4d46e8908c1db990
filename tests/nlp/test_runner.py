"""The per-article runner: GC handling while loading long-lived data."""
from __future__ import annotations

import gc

import pytest

from newsgraph.nlp.runner import loading


def test_loading_pauses_gc_and_restores_it():
    assert gc.isenabled()
    with loading(freeze=False):
        assert not gc.isenabled()
    assert gc.isenabled()


def test_loading_keeps_gc_off_when_the_caller_had_it_off():
    gc.disable()
    try:
        with loading(freeze=False):
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_loading_freezes_what_was_loaded():
    before = gc.get_freeze_count()
    with loading():
        kept = [[i] for i in range(1000)]      # long-lived, GC-tracked objects
    try:
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()


def test_loading_restores_gc_after_an_error():
    with pytest.raises(ValueError):
        with loading(freeze=False):
            raise ValueError("load failed")
    assert gc.isenabled()
