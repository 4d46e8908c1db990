"""The office a holds_office relation names, written as the KB writes it when the KB can
tell: the KB is a prior that chooses the office's name, never evidence that a tie exists.

Only a bare office -- one that names no country and has no "of" -- is rewritten; an office
that says whose it is stays as written ("Iran's foreign ministry spokesman"). In order:
1. an office phrase of data/offices.yaml ("Kurdistan Region prime minister") -> that
   office's name ("Prime Minister of the Kurdistan Region");
2. a bare office ("President", "Defense minister") -> the one office the KB records for
   the holder that is this office with a jurisdiction ("Defence Minister of Israel");
3. a bare office of a person the KB gives a country -> the office "of" that country
   ("Interior Minister" of an Xian politician -> "Interior Minister of Xland").
Otherwise the office stays as written.
"""
from __future__ import annotations

import re
from typing import Any

from ...kb import Actor, KnowledgeBase
from ...model import Mention
from ...names.offices import country_names, jurisdiction_of, office_words

# `ctx` below is the relation context (context.Ctx, which imports this module): typed Any
# here so that the two modules do not import each other.
Ctx = Any

# KB sectors whose people hold the offices of their own state.
STATE_SECTORS = frozenset({"government", "military"})


def office_name(office: str, actor: Actor | None, kb: KnowledgeBase | None) -> str:
    """The office `office` (as written) of `actor`, named as the KB names it when it can."""
    if kb is None or not _bare(office):
        return office
    listed = _phrases(kb).get(_key(office))
    if listed:
        return listed
    if actor is None:
        return office
    known = [t.office for t in actor.ties if t.predicate == "holds_office" and t.office]
    return jurisdiction_of(office, known) or _of_country(office, actor) or office


def office_phrase(ctx: Ctx, start: int, end: int, obj: Mention | None, title_end: int = -1) -> str:
    """The office a description names, as a name: after the title, the words describing
    the organisation left out ("a spokesman for the Xian-backed Y Front" -> "Spokesman
    for Y Front")."""
    doc = ctx.doc
    os_, oe = ctx.span.get(obj.id, (-1, -1)) if obj is not None else (-1, -1)
    if not start <= os_ < oe <= end:
        return office_text(doc[start:end].text)
    words = []
    for t in doc[start:end]:
        if os_ <= t.i < oe:
            if t.i == os_:       # the organisation by its full name ("HRW" -> "Human Rights Watch")
                words.append(_full_name(obj, doc[os_:oe].text) + doc[oe - 1].whitespace_)
        elif t.i == title_end and t.lower_ == "for":
            words.append("of ")  # "spokesman for Y" is the spokesman of Y
        elif not (0 <= title_end <= t.i and _describing(ctx, t.i)):
            words.append(t.text_with_ws)
    return office_text("".join(words))


def _full_name(m: Mention, written: str) -> str:
    """The name a short form stands for in its article ("HRW" -> "Human Rights Watch"),
    else the name as written (a full name is kept in the words the text chose)."""
    name = m.name.strip()
    core = written.removesuffix("'s").removesuffix("\u2019s").strip()
    short = core.replace(".", "").isupper() and len(core) <= 8    # "SDF", "U.N."
    return written.replace(core, name, 1) if short and len(name) > len(core) else written


def _describing(ctx: Ctx, i: int) -> bool:
    """A word between a title's preposition and its organisation that describes it: an
    article, a people's name that names no country ("the Kurdish Zeravani Forces"; "the
    Iraqi Interior Ministry" keeps its jurisdiction), a hyphenated modifier ("Xian-led")."""
    doc = ctx.doc
    m = ctx.mention(i)
    if doc[i].pos_ == "DET" or (m is not None and m.label == "NORP" and not _national(m.text)):
        return True
    return "-" in (doc[i].text, doc[i - 1].text if i else "", doc[i + 1].text if i + 1 < len(doc) else "")


def _national(word: str) -> bool:
    """A nationality word of a country ("Iraqi"), by the office folding."""
    return any(w.startswith("@") for w in office_words(word))


def _of_country(office: str, actor: Actor) -> str | None:
    """'Interior Minister' + an Xian politician -> 'Interior Minister of Xland'."""
    if actor.type != "PERSON" or not actor.country or (actor.sector or "") not in STATE_SECTORS:
        return None
    country = country_names().get(actor.country)
    return f"{office} of {country}" if country else None


def _bare(office: str) -> bool:
    words = office_words(office)
    return bool(words) and not any(w.startswith("@") for w in words) and \
        " of " not in f" {office.lower()} "


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("\u2019", "'").split())


# Phrase tables of the KBs of this process, by identity (a derived index built once per KB).
_BUILT: dict[int, tuple[KnowledgeBase, dict[str, str]]] = {}


def _phrases(kb: KnowledgeBase) -> dict[str, str]:
    """Lower-case office phrase or name -> the office's name."""
    hit = _BUILT.get(id(kb))
    if hit is not None and hit[0] is kb:
        return hit[1]
    out: dict[str, str] = {}
    for office in kb.offices.values():
        for form in (office.name, *office.phrases):
            out.setdefault(_key(form), office.name)
    if len(_BUILT) > 8:
        _BUILT.clear()
    _BUILT[id(kb)] = (kb, out)
    return out


_BRACKETED = re.compile(r"\s*\([^()]{1,12}\)")


def office_text(words: str) -> str:
    """'governor of x province' -> 'Governor of x province' (first letter up; a bracketed
    short form, "Xland Corps (XC) deputy", is left out)."""
    words = " ".join(_BRACKETED.sub("", words).split())
    return words[:1].upper() + words[1:]
