"""What every extractor asks of a spaCy dependency parse, answered once.

- `args`: subjects (and the verbs that share one), objects, voice and the agent of a
  passive, prepositional objects, possessors, prenominal modifiers, apposition,
  relative antecedents and coordination (conjuncts).
- `mood`: negation (of a word, of a clause) and modality (modal, conditional, future,
  imperative, infinitive, perfect).
- `clauses`: which clause a token belongs to, what dominates what, background
  clauses, clausal complements and attachment to a clause's verbs.

Each function answers one question with a docstring example on placeholders and is
unit-tested on hand-built parses (tests/nlp/grammar).

The functions read a parse (labels of the English ClearNLP scheme spaCy uses) and know
no domain words: cue words that are domain knowledge are passed in from the lexicons;
closed-class English words (modal auxiliaries, 'if', 'by') may be defaults here.
"""
from __future__ import annotations

from .args import (
    MODIFIERS,
    NOMINAL_SLOTS,
    OBJECTS,
    SUBJECTS,
    agent,
    apposed_to,
    appositives,
    conjunct_after,
    conjuncts,
    direct_object,
    direct_objects,
    expand,
    first_conjunct,
    is_passive,
    is_subject,
    later_conjunct,
    modified_noun,
    participle_agent,
    passive_participle,
    pobjects,
    possessors,
    prep_objects,
    quantified,
    relative_antecedent,
    reporter,
    stands_as_noun,
    subject,
    subject_chain,
    subjects,
)
from .clauses import (
    BACKGROUND,
    CLAUSE_LINKS,
    clause_anchors,
    clause_path,
    clause_verb,
    complements,
    dominates,
    embedding,
    governing_verb,
    hangs_from,
    in_complement,
)
from .mood import (
    CONDITIONS,
    FUTURE,
    MODALS,
    conditional,
    future,
    imperative,
    infinitive,
    marked,
    modal,
    negated,
    negated_clause,
    perfect,
)

__all__ = [
    "BACKGROUND", "CLAUSE_LINKS", "CONDITIONS", "FUTURE", "MODALS", "MODIFIERS",
    "NOMINAL_SLOTS", "OBJECTS", "SUBJECTS", "agent", "apposed_to", "appositives", "clause_anchors",
    "clause_path", "clause_verb", "complements", "conditional", "conjunct_after",
    "conjuncts", "direct_object", "direct_objects", "dominates", "embedding", "expand",
    "first_conjunct", "future", "governing_verb", "hangs_from", "imperative",
    "in_complement", "infinitive", "is_passive", "is_subject", "later_conjunct",
    "marked", "modal", "modified_noun", "negated", "negated_clause", "participle_agent",
    "passive_participle", "perfect", "pobjects", "possessors", "prep_objects", "quantified",
    "relative_antecedent", "reporter", "stands_as_noun", "subject", "subject_chain", "subjects",
]
