"""Training the learned parts (`newsgraph train`): candidates from the current
pipeline over annotated corpora, labelled against their gold, cross-validated by
topic, then fitted on everything and written as a versioned artefact into
newsgraph/data/models/. Sits above nlp/ (it runs it) and eval/ (it reads gold spans).
"""
