"""Name keys for transliterated Arabic / Persian names (and plain English ones).

A name is folded (case, diacritics, apostrophes), split into words, stripped of titles
("Grand Ayatollah"), articles ("al-", "as-") and connectors ("bin"), and grouped into
parts: a kunya "Abu X" / "Umm X" and an "Abd" name "Abdul X" are one part each. Each
part gets a consonant skeleton (variant letter classes from data, vowels dropped,
doubled letters collapsed), so spellings of one name that differ only in
vowels, doubled letters or q/gh/k share a key.
Keys find candidates; `match.py` decides.

The word lists come from the name lexicon (`Lexicons.names`), which every function that
reads it takes as an argument; `parse` memoises per (name, lexicon).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from anyascii import anyascii

from ..lexicons.names import NameLexicon

_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc\u02bb\u02be\u02bf`\u00b4\u2032]")
# a lower-case letter glued to a capitalised word ("AlSadr"), but not the Gaelic
# patronymic prefixes of one surname ("McKenzie", "MacArthur")
_CAMEL = re.compile(r"(?<=[a-z])(?<!\bMc)(?<!\bMac)(?=[A-Z][a-z])")
_WORD = re.compile(r"[a-z0-9]+-?")
_VOWELS = frozenset("aeiouy")
_DEMONYM = re.compile(r"(?:iy|i|y)ans?$")
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s?$")


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedName:
    """A name split into titles and parts, with one skeleton key per part."""
    text: str
    titles: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()      # folded words / units ("abu x", "rahman")
    keys: tuple[str, ...] = ()       # skeletons ("abu:mhd", "mhnds")
    acronym: bool = False

    @property
    def key(self) -> str:
        return " ".join(self.keys)

    @property
    def flat(self) -> str:
        """The key without spaces or unit marks (a glued compound given name = its two words)."""
        return "".join(k.replace(":", "") for k in self.keys)

    @property
    def last(self) -> str:
        return self.keys[-1] if self.keys else ""

    @property
    def first(self) -> str:
        return self.keys[0] if self.keys else ""


def fold(text: str) -> str:
    """ASCII, lower case, no apostrophes (ayn / hamza), single spaces."""
    text = _APOSTROPHES.sub("", text)
    return " ".join(anyascii(text).lower().replace("'", "").split())


def skeleton(word: str, lex: NameLexicon) -> str:
    """Consonant skeleton of one folded word: vowels out, letter classes merged."""
    w = re.sub(r"[^a-z0-9]", "", word.lower())
    if not w or w.isdigit():
        return w
    demonym = _DEMONYM.search(w) if len(w) > 5 else None  # the -ian adjective is not the noun
    if demonym:
        return skeleton(w[:demonym.start()], lex) + "yn"
    nisba = len(w) > 3 and w.endswith(("i", "y", "ee"))    # a nisba -i is kept
    if len(w) > 2 and w.endswith("h") and w[-2] in _VOWELS:
        w = w[:-1]                                   # final -ah = final -a
    w = lex.letter_re.sub(lambda m: lex.letter_map[m.group(0)], w)
    head = "a" if w[0] in _VOWELS and w[0] != "y" else w[0]
    body = "".join(c for c in w[1:] if c not in _VOWELS)
    out = re.sub(r"(.)\1+", r"\1", head + body)
    return out + "y" if nisba and not out.endswith("y") else out


def is_acronym(text: str) -> bool:
    t = text.strip().replace(".", "")
    core = t[:-1] if len(t) > 2 and t.endswith("s") and t[:-1].isupper() else t
    return 2 <= len(core) <= 7 and core.isalpha() and core.isupper()


def words(text: str) -> list[tuple[str, bool]]:
    """Folded words, each with whether a hyphen glued it to the next one."""
    text = _POSSESSIVE.sub("", text.strip())
    text = _CAMEL.sub(" ", anyascii(_APOSTROPHES.sub("", text)))
    return [(m.rstrip("-"), m.endswith("-")) for m in _WORD.findall(text.lower())]


def _strip_titles(ws: list[str], lex: NameLexicon) -> tuple[tuple[str, ...], list[str]]:
    found: list[str] = []
    changed = True
    while changed and len(ws) > 1:
        changed = False
        for title in lex.titles:
            n = len(title)
            if len(ws) > n and tuple(ws[:n]) == title:
                found.append(" ".join(title))
                ws = ws[n:]
                changed = True
                break
    return tuple(found), ws


def _drop_articles(tokens: list[tuple[str, bool]], lex: NameLexicon) -> list[str]:
    out: list[str] = []
    for i, (w, hyphen) in enumerate(tokens):
        last = i == len(tokens) - 1
        if not last and (w in lex.articles or (hyphen and w in lex.assimilated)):
            if w != "the" or not out:
                continue
        if w in lex.connectors and out and not last:
            continue
        out.append(w)
    return out


def _split_glued(w: str, lex: NameLexicon) -> list[str]:
    """'aboumohandes' -> ['abou', 'mohandes']; 'abdulmahdi' -> ['abdul', 'mahdi']."""
    for prefix in (*lex.abd, "abou", "abu", "umm"):
        rest = w[len(prefix):]
        if w.startswith(prefix) and len(rest) >= 2 and w not in lex.abd and w not in lex.kunya:
            if prefix in lex.abd or len(rest) >= 3:
                return [prefix, rest]
    return [w]


def _units(ws: list[str], lex: NameLexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    flat = [piece for w in ws for piece in _split_glued(w, lex)]
    parts: list[str] = []
    keys: list[str] = []
    i = 0
    while i < len(flat):
        w = flat[i]
        nxt = flat[i + 1] if i + 1 < len(flat) else None
        if nxt and (w in lex.kunya or w in lex.abd):
            mark = lex.kunya.get(w, "abd")
            rest = skeleton(nxt, lex)
            rest = rest[1:] if rest.startswith("a") and len(rest) > 1 else rest
            parts.append(f"{w} {nxt}")
            keys.append(f"{mark}:{rest}")
            i += 2
            continue
        parts.append(w)
        keys.append(skeleton(lex.org_head_class.get(w, w), lex))
        i += 1
    return tuple(parts), tuple(keys)


@lru_cache(maxsize=200_000)
def parse(name: str, lex: NameLexicon) -> ParsedName:
    """Split a name into titles and keyed parts, with the word lists of `lex`
    (cached per name and lexicon: names repeat a lot)."""
    if is_acronym(name):
        core = name.strip().replace(".", "")
        core = core[:-1] if core.endswith("s") else core
        return ParsedName(text=name, parts=(core.lower(),), keys=("#" + core.upper(),),
                          acronym=True)
    tokens = words(name)
    if tokens and tokens[0][0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    titles, ws = _strip_titles([w for w, _ in tokens], lex)
    kept = tokens[len(tokens) - len(ws):]
    parts, keys = _units(_drop_articles(kept, lex), lex)
    return ParsedName(text=name, titles=titles, parts=parts, keys=keys)


def name_key(name: str, lex: NameLexicon) -> str:
    """One string key for a name: the part skeletons joined by spaces."""
    return parse(name, lex).key


def looks_like_org(name: str, lex: NameLexicon) -> bool:
    """True when a word of the name marks an organisation (head words and the Arabic words for brigades etc.)."""
    return any(w in lex.org_words for w, _ in words(name))


def title_sector(name: str, lex: NameLexicon) -> str | None:
    """Sector implied by a leading title ("General X" -> military), if any."""
    for title in parse(name, lex).titles:
        if title in lex.title_sectors:
            return lex.title_sectors[title]
    return None


_ARTICLE_RE = re.compile(r"\b([Aa]l|[Ee]l)[- ](?=[A-Za-z])")


def spelling_variants(alias: str, lex: NameLexicon) -> set[str]:
    """Written variants of an alias: apostrophes kept or dropped, hyphens or spaces,
    the article al- written "al-", "al " or left out."""
    base = _APOSTROPHES.sub("'", alias)
    apos = {base, base.replace("'", "")}
    hyph = {v2 for v in apos for v2 in (v, v.replace("-", " "))}
    out: set[str] = set()
    for v, form in product(hyph, ("al-", "al ", "al- ", "")):
        out.add(" ".join(_ARTICLE_RE.sub(form, v).split()))
    return {v for v in out if v} | _head_synonyms(out, lex)


def _head_synonyms(variants: set[str], lex: NameLexicon) -> set[str]:
    """"X Alliance" also as "X coalition" (org head words of one class, from data)."""
    out = set()
    for v in variants:
        head = v.rsplit(" ", 1)
        if len(head) == 2 and head[1].lower() in lex.org_head_class:
            canon = lex.org_head_class[head[1].lower()]
            out |= {f"{head[0]} {w}" for w, c in lex.org_head_class.items() if c == canon}
    return out
