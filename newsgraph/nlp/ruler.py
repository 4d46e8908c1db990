"""The spaCy pipeline: the model plus a gazetteer ruler fed from the KB and place names.

The ruler is a registered spaCy component, `newsgraph_kb_ruler_v1` (config:
`overwrite_ents`), that carries its patterns to and from disk like spaCy's own rulers.
It is not spaCy's SpanRuler/EntityRuler because one ruler here needs two phrase
attributes (LOWER for KB names, ORTH for acronyms and places) chosen together by one
ranking (longest, then KB before places), which a single SpanRuler cannot express and
two chained ones would rank separately.

The ruler runs BEFORE `ner` and overwrites its entities, so militias the small model
calls PERSON and towns it calls ORG come out with the KB / gazetteer type. KB names
match case-insensitively (with generated spelling variants: al- article, hyphens,
apostrophes); acronyms, short names and place names match case-sensitively, so an upper-case
acronym is not the pronoun and a town named like an English verb is not the verb. Each ruler entity carries the KB actor
id as `ent.ent_id_` (places carry "" ). Longest match wins, KB names before places.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..kb import KnowledgeBase
from ..lexicons import NameLexicon
from ..names.keys import is_acronym, spelling_variants
from .attribute_index import replace_attribute_ruler
from .layout import LINE_BREAKS

log = logging.getLogger(__name__)

RULER_NAME = "entity_ruler"
RULER_FACTORY = "newsgraph_kb_ruler_v1"   # spaCy forbids "." in factory names
RULER_SPANS = "newsgraph_ruler_spans"   # doc.user_data key: [[start_char, end_char], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Pattern:
    text: str
    label: str
    id: str = ""          # KB actor id ("" for gazetteer places)
    exact_case: bool = False


def build_nlp(model_name: str, kb: KnowledgeBase, *, names: NameLexicon,
              place_names: Iterable[tuple[str, str]] = ()) -> Language:
    """Load `model_name` and add the KB + gazetteer ruler before `ner` (spelling
    variants from the name lexicon `names`)."""
    nlp = spacy.load(model_name)
    replace_attribute_ruler(nlp)                   # same rules, looked up by array
    nlp.add_pipe(LINE_BREAKS, before="parser")     # no sentence across a line break
    patterns = _patterns_cached(_kb_items(kb), tuple(sorted(set(place_names))), names)
    ruler = nlp.add_pipe(RULER_FACTORY, name=RULER_NAME,
                         before="ner" if "ner" in nlp.pipe_names else None)
    assert isinstance(ruler, KBRuler)
    ruler.add_patterns(patterns)
    log.info("ruler: %d patterns from %d actors", len(patterns), len(kb.actors))
    return nlp


def _kb_items(kb: KnowledgeBase) -> tuple[tuple[str, str, str], ...]:
    return tuple(sorted((name, actor.type, actor.id)
                        for actor in kb.actors.values() for name in actor.names))


@lru_cache(maxsize=4)
def _patterns_cached(kb_items: tuple[tuple[str, str, str], ...],
                     places: tuple[tuple[str, str], ...], lex: NameLexicon) -> tuple[Pattern, ...]:
    return tuple(kb_patterns(kb_items, lex)) + tuple(place_patterns(places, lex))


def kb_patterns(items: Iterable[tuple[str, str, str]], lex: NameLexicon) -> list[Pattern]:
    """Patterns for every KB name and its spelling variants."""
    out: dict[tuple[str, bool], Pattern] = {}
    for name, label, actor_id in items:
        if _case_sensitive(name):
            out.setdefault((name, True), Pattern(text=name, label=label, id=actor_id,
                                                  exact_case=True))
            if is_acronym(name) and not name.endswith("s"):
                plural = name + "s"
                out.setdefault((plural, True), Pattern(text=plural, label=label, id=actor_id,
                                                        exact_case=True))
            continue
        for variant in sorted(spelling_variants(name, lex)):
            key = (variant.lower(), False)
            out.setdefault(key, Pattern(text=variant, label=label, id=actor_id))
    return list(out.values())


def place_patterns(places: Iterable[tuple[str, str]], lex: NameLexicon) -> list[Pattern]:
    """Case-sensitive patterns for gazetteer names (as written and title-cased)."""
    out: dict[str, Pattern] = {}
    for name, label in places:
        if len(name) < 3:
            continue
        for form in sorted(place_variants(name, lex.lowercase_place_heads)):
            out.setdefault(form, Pattern(text=form, label=label, exact_case=True))
    return list(out.values())


_PLACE_ARTICLE = re.compile(r"^(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)[- ](?=[A-Z])")


def place_variants(name: str, heads: frozenset[str]) -> set[str]:
    """"Al X" also as "X", "al-X", "Al-X"; "A al-X" also as "A Al-X", "A al X"; a final
    -a also as -ah and back; a generic head word of `heads` ("Governorate", "Square")
    also in lower case."""
    base = _PLACE_ARTICLE.sub("", name.title() if name.islower() else name)
    stems = {base}
    if base.endswith("ah") and len(base) > 4:
        stems.add(base[:-1])
    elif base.endswith("a") and len(base) > 3:
        stems.add(base + "h")
    out = {name} | stems
    if base != name:
        out |= {f"{art}{s}" for s in stems for art in ("al-", "Al-", "Al ", "al ")}
    out |= {v for form in out for v in _inner_articles(form)}
    for form in list(out):          # "Diyala Governorate" also as "Diyala governorate"
        words = form.split(" ")
        if len(words) > 1 and words[-1].istitle() and words[-1].lower() in heads:
            out.add(" ".join([*words[:-1], words[-1].lower()]))
    return {v for v in out if len(v) >= 3}


_INNER_ARTICLE = re.compile(r"(?<= )[Aa]l[- ](?=[A-Z])")


def _inner_articles(name: str) -> set[str]:
    """'Ain al-Asad' also as 'Ain Al-Asad', 'Ain al Asad', 'Ain Al Asad' (an article
    inside the name, written either case, with a hyphen or a space)."""
    if not _INNER_ARTICLE.search(name):
        return set()
    return {_INNER_ARTICLE.sub(art, name) for art in ("al-", "Al-", "al ", "Al ")}


def _case_sensitive(name: str) -> bool:
    """Acronyms, short names and all-lower-case names must match as written."""
    letters = [c for c in name if c.isalpha()]
    return is_acronym(name) or len(letters) <= 4 or name.islower()


class KBRuler:
    """Two phrase matchers (case-folded KB names, exact-case acronyms and places).

    Reads the tokens; writes `doc.ents` (ruler spans win over the model's unless
    `overwrite_ents` is off) and `doc.user_data[RULER_SPANS]`."""

    def __init__(self, nlp: Language, name: str = RULER_NAME, *, overwrite_ents: bool = True) -> None:
        self.nlp = nlp
        self.name = name
        self.overwrite_ents = overwrite_ents
        self.clear()

    def clear(self) -> None:
        """Drop every pattern."""
        self.lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.info: dict[int, tuple[str, str, int]] = {}   # key -> (label, id, priority)
        self.patterns: list[Pattern] = []

    def add_patterns(self, patterns: Iterable[Pattern]) -> None:
        patterns = list(patterns)
        self.patterns += patterns
        tokens = _tokenised(self.nlp, [p.text for p in patterns])
        groups: dict[tuple[str, str, bool], list[Doc]] = {}
        for p, words in zip(patterns, tokens):
            doc = Doc(self.nlp.vocab, words=words)
            groups.setdefault((p.label, p.id, p.exact_case), []).append(doc)
        for (label, actor_id, exact_case), docs in groups.items():
            key = f"{label}|{actor_id}|{int(exact_case)}"
            key_hash = self.nlp.vocab.strings.add(key)
            self.info[key_hash] = (label, actor_id, 1 if actor_id else 0)
            (self.exact if exact_case else self.lower).add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        matches = [*self.lower(doc), *self.exact(doc)]
        if not matches:
            return doc
        # longest first, then KB names before places, then leftmost
        ranked = sorted(matches, key=lambda m: (-(m[2] - m[1]), -self.info[m[0]][2], m[1]))
        spans = []
        for key, start, end in ranked:
            label, actor_id, _ = self.info[key]
            spans.append(Span(doc, start, end, label=label, span_id=actor_id))
        chosen = filter_spans(spans)
        doc.user_data[RULER_SPANS] = [[s.start_char, s.end_char] for s in chosen]
        if not self.overwrite_ents:
            chosen = [s for s in chosen if not any(e.start < s.end and s.start < e.end for e in doc.ents)]
        kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in chosen)]
        doc.ents = filter_spans([*chosen, *kept])
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the patterns (one JSON object a line) and the config."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps({"overwrite_ents": self.overwrite_ents}))
        lines = (json.dumps({"text": p.text, "label": p.label, "id": p.id,
                             "exact_case": p.exact_case}) for p in self.patterns)
        (path / "patterns.jsonl").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "KBRuler":
        """Read what `to_disk` wrote (replacing the patterns held)."""
        path = Path(path)
        cfg = json.loads((path / "cfg.json").read_text())
        self.overwrite_ents = bool(cfg.get("overwrite_ents", True))
        lines = (path / "patterns.jsonl").read_text(encoding="utf-8").splitlines()
        self.clear()
        self.add_patterns(Pattern(**json.loads(line)) for line in lines if line.strip())
        return self


@Language.factory(RULER_FACTORY, default_config={"overwrite_ents": True},
                  assigns=["doc.ents", "token.ent_type", "token.ent_iob"])
def make_kb_ruler(nlp: Language, name: str, overwrite_ents: bool) -> KBRuler:
    """The KB + gazetteer entity ruler (patterns added by `build_nlp` or `from_disk`)."""
    return KBRuler(nlp, name, overwrite_ents=overwrite_ents)


def _tokenised(nlp: Language, texts: list[str]) -> list[list[str]]:
    """Token words of each pattern text; cached on disk (tokenising ~10k names takes
    seconds, reading them back milliseconds). The key covers the texts and the model."""
    h = hashlib.sha256(nlp.meta.get("name", "").encode() + nlp.meta.get("version", "").encode())
    for t in texts:
        h.update(t.encode() + b"\n")
    base = Path(os.environ.get("NEWSGRAPH_CACHE", Path.home() / ".cache" / "newsgraph"))
    path = base / f"ruler-{h.hexdigest()[:16]}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    words = [[t.text for t in doc] for doc in nlp.tokenizer.pipe(texts)]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(words), encoding="utf-8")
        tmp.replace(path)
    except OSError as err:
        log.warning("cannot write ruler cache %s: %s", path, err)
    return words
