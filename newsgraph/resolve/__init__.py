"""Resolution: name keys and matching for transliterated names, KB linking, entity
clustering across articles, event clusters and contradictions."""
