"""An article's layout, defined once: headline, dateline, paragraphs and sentences.

Every extractor reads the same `layout(doc)` (computed once per Doc) instead of cutting
the text itself. All offsets are character offsets into the stored article text (the
Doc is built from `normalise(article.text)`, which has the same length).

- Paragraphs are the non-empty lines: wire copy separates paragraphs with a single
  newline, web copy with a blank line; either way a line break ends a paragraph.
- Title lines are lines that are not prose: short (under 25 words) and without final
  punctuation (headlines, bylines, captions, a lone "CITY" line).
- The headline is the first line when that line is a title line.
- The dateline opens one of the first lines: 'CITY (Agency) -', 'CITY, Mon DD (Agency) -',
  'CITY:', 'CITY, Mon DD :', 'City, Country -', '(Agency) City -', 'Mon DD (Agency) -', or
  a lone upper-case 'CITY' line under the headline. Its city is where the story was
  filed from: context for the article, never the place of the events it tells.
- Sentences are spaCy's, never across a line break (the `newsgraph_line_breaks`
  component marks a sentence start after every newline and after the dateline before
  the parser runs), with the sentences of title lines and the dateline left out.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .dates.patterns import MONTHS
from .text import doc_text

LINE_BREAKS = "newsgraph_line_breaks"
TITLE_WORDS = 25           # a title line has fewer words than this
DATELINE_LINES = 5         # the dateline opens one of the article's first lines

_FINAL = frozenset('.!?"\'):,;\u201d\u2019')   # a line ending so is prose
_LINE = re.compile(r"[^\n]+")

Offsets = tuple[int, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    """Where and by whom a story was filed: 'CITY, Country (Agency) -'."""
    start: int
    end: int                       # past the dash or colon (and the spaces after it)
    city: Offsets | None = None    # 'CITY' or 'CITY/CITY'
    region: Offsets | None = None  # ', Country' after the city
    date: Offsets | None = None    # ', Mon DD' (or a date opening the line)
    agency: str | None = None      # '(Agency)'

    def covers(self, at: int) -> bool:
        return self.start <= at < self.end


@dataclass(frozen=True, slots=True, kw_only=True)
class Layout:
    """Paragraphs (stripped lines, in order), title lines, headline and dateline."""
    paragraphs: tuple[Offsets, ...]
    titles: tuple[Offsets, ...]
    headline: Offsets | None = None
    dateline: Dateline | None = None

    def paragraph(self, at: int) -> Offsets:
        """The paragraph holding `at` (or the last one before it); (0, 0) before the first."""
        k = bisect_right(self.paragraphs, (at, float("inf"))) - 1
        return self.paragraphs[k] if k >= 0 else (0, 0)

    def paragraph_start(self, at: int) -> int:
        return self.paragraph(at)[0]

    def same_paragraph(self, a: int, b: int) -> bool:
        """No paragraph break between offsets a <= b."""
        return self.paragraph(a) == self.paragraph(b)

    def in_title(self, at: int) -> bool:
        k = bisect_right(self.titles, (at, float("inf"))) - 1
        return k >= 0 and self.titles[k][0] <= at < self.titles[k][1]

    def in_dateline(self, at: int) -> bool:
        return self.dateline is not None and self.dateline.covers(at)


def read_layout(text: str) -> Layout:
    """The layout of an article's text (no model needed)."""
    paragraphs = tuple(_stripped(m.start(), m.end(), text) for m in _LINE.finditer(text)
                       if not m.group().isspace())
    titles = tuple(p for p in paragraphs if is_title(text[p[0]:p[1]]))
    headline = paragraphs[0] if titles and titles[0] == paragraphs[0] and len(paragraphs) > 1 \
        else None
    return Layout(paragraphs=paragraphs, titles=titles, headline=headline,
                  dateline=find_dateline(text, paragraphs, titles=titles))


def _stripped(start: int, end: int, text: str) -> Offsets:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_title(line: str) -> bool:
    """A line that is not prose: short, without final punctuation."""
    words = line.split()
    return 0 < len(words) < TITLE_WORDS and line.rstrip()[-1] not in _FINAL


_KEY = "newsgraph_layout"            # doc.user_data: the Layout, once an extractor asked
_PLAIN_KEY = "newsgraph_layout_plain"  # doc.user_data: what the component found, as plain data


def layout(doc: Doc) -> Layout:
    """The Doc's layout, computed once and kept with the Doc: the one the line-break
    component read before the parser, else read here."""
    found = doc.user_data.get(_KEY)
    if found is None:
        plain = doc.user_data.get(_PLAIN_KEY)
        found = from_plain(plain) if plain is not None else read_layout(doc_text(doc))
        doc.user_data[_KEY] = found
    return found


def to_plain(lay: Layout) -> list:
    """The layout as lists, numbers and strings (what a Doc's user data may hold to be
    serialised: `nlp.pipe(n_process=N)` sends Docs between processes)."""
    d = lay.dateline
    return [lay.paragraphs, lay.titles, lay.headline,
            None if d is None else [d.start, d.end, d.city, d.region, d.date, d.agency]]


def from_plain(plain: list) -> Layout:
    """`to_plain` undone (lists back to offset tuples)."""
    pairs = lambda xs: tuple(tuple(x) for x in xs)
    pair = lambda x: None if x is None else (x[0], x[1])
    paragraphs, titles, headline, d = plain
    dateline = None if d is None else Dateline(start=d[0], end=d[1], city=pair(d[2]),
                                               region=pair(d[3]), date=pair(d[4]), agency=d[5])
    return Layout(paragraphs=pairs(paragraphs), titles=pairs(titles), headline=pair(headline),
                  dateline=dateline)


def sentences(doc: Doc) -> list[Span]:
    """The sentences extractors read: spaCy's, cut where a sentence must start (a no-op
    once the line-break component has run), title lines (headline, bylines, captions)
    and the dateline left out."""
    lay = layout(doc)
    starts = sentence_starts(doc, lay)
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for i in starts[bisect_right(starts, sent.start):bisect_left(starts, sent.end)]:
            out.append(doc[start:i])
            start = i
        out.append(doc[start:sent.end])
    return [s for s in out if s.text.strip() and not lay.in_title(_first_char(s))
            and not lay.in_dateline(_last_char(s))]


def sentence_starts(doc: Doc, lay: Layout) -> list[int]:
    """Tokens a sentence must start at: the first word after a newline, and the first
    after the dateline."""
    out: list[int] = []
    after_break = False
    for tok in doc:
        if tok.is_space:
            after_break = after_break or "\n" in tok.text
        elif after_break:
            out.append(tok.i)
            after_break = False
    span = _dateline_tokens(doc, lay)
    if span is not None and span.end < len(doc) and not doc[span.end].is_space:
        out.append(span.end)
    return sorted(set(out))


def _dateline_tokens(doc: Doc, lay: Layout) -> Span | None:
    dateline = lay.dateline
    if dateline is None:
        return None
    return doc.char_span(dateline.start, dateline.end, alignment_mode="expand")


def _first_char(sent: Span) -> int:
    return next((t.idx for t in sent if not t.is_space), sent.start_char)


def _last_char(sent: Span) -> int:
    return next((t.idx for t in reversed(sent) if not t.is_space), sent.start_char)


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Mark the sentence starts (`sentence_starts`) and none inside the dateline, before
    the parser, which keeps boundaries set before it: a headline is never glued to the
    lead, and the lead parses without its dateline. The layout read here is kept with
    the Doc as plain data (a Doc leaving the pipeline keeps only serialisable user data),
    so `layout(doc)` does not read it again."""
    lay = read_layout(doc_text(doc))
    doc.user_data[_PLAIN_KEY] = to_plain(lay)
    span = _dateline_tokens(doc, lay)
    for tok in span[1:] if span is not None else ():
        tok.is_sent_start = False
    for i in sentence_starts(doc, lay):
        doc[i].is_sent_start = True
        if i + 1 < len(doc) and not doc[i + 1].is_space:
            # and goes on past it: left to itself the parser would sometimes cut a
            # lead's first word off ('Five | Americans were freed')
            doc[i + 1].is_sent_start = False
    return doc


# --- datelines --------------------------------------------------------------------

_MONTH = "|".join(sorted((m.title() for m in MONTHS), key=len, reverse=True))
_DATE = rf"(?:{_MONTH})\.?\s+[0-3]?\d(?:,?\s+(?:19|20)\d\d)?"
_UPPER = r"[A-Z][A-Z.'\-]*[A-Z.]"
_TITLE = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*"
_CITY = rf"{_UPPER}(?:(?:\ |\s?/\s?){_UPPER}){{0,3}}"
_PLACE = rf"{_TITLE}(?:\ {_TITLE}){{0,2}}"
_AFTER = (rf",\s*(?:(?P<date>{_DATE})|(?P<region>{_PLACE}|{_UPPER})(?:,\s*(?P<date2>{_DATE}))?)")
_AGENCY = r"\s*\((?P<agency>[^()\n]{1,40})\)"
_DASH = r"\s*(?:--?|[\u2013\u2014])(?:\s+|(?=[A-Z][a-z]|[\"'\u201c]))"   # 'CITY-Word', not 'ABDUL-ZAHRA'
_COLON = r"\s*:\s+"

_FORMS = tuple(re.compile(rx) for rx in (
    rf"(?P<city>{_CITY})(?:{_AFTER})?(?:{_AGENCY})?(?:{_DASH}|{_COLON})",  # CITY, Iraq (AFP) -
    rf"(?P<city>{_PLACE}){_AFTER}(?:{_AGENCY})?{_DASH}",                   # City, Country -
    rf"(?P<city>{_PLACE}){_AGENCY}{_DASH}",                                 # City (Agency) -
    rf"\((?P<agency>[^()\n]{{1,40}})\)\s*(?:(?P<city>{_PLACE}|{_CITY}))?{_DASH}",  # (Agency) City -
    rf"(?P<date>{_DATE}){_AGENCY}{_DASH}",                                  # Mon DD (Agency) -
))
_LONE = re.compile(rf"(?P<city>{_UPPER})(?:,\s*(?P<region>{_PLACE}|{_UPPER}))?\Z")


def find_dateline(text: str, paragraphs: tuple[Offsets, ...], *,
                  titles: tuple[Offsets, ...] = ()) -> Dateline | None:
    """The dateline opening one of the first lines (a colon form only on a prose line,
    a lone 'CITY' only on a title line below the first)."""
    lone = None
    for k, (start, end) in enumerate(paragraphs[:DATELINE_LINES]):
        title = (start, end) in titles
        for form in _FORMS:
            m = form.match(text, start, end)
            if m and not (title and m.group().rstrip().endswith(":")):
                return _dateline(m)
        if lone is None and title and k > 0:
            lone = _LONE.match(text, start, end)
    return _dateline(lone) if lone else None


def _dateline(m: re.Match) -> Dateline:
    groups = m.groupdict()

    def span(name: str) -> Offsets | None:
        return m.span(name) if groups.get(name) else None

    return Dateline(start=m.start(), end=m.end(), city=span("city"), region=span("region"),
                    date=span("date") or span("date2"), agency=groups.get("agency"))
