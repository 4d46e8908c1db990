"""The per-article step: spaCy with a knowledge-base ruler, then extractors.

`convert.py`/`extract.py` are the only bridge from spaCy objects to model objects.
"""
