"""The article layout: paragraphs, title lines, headline, dateline (text only) and the
sentences read from a parsed article (model). The texts are written for these tests."""
from __future__ import annotations

import pytest

from newsgraph.nlp.layout import is_title, read_layout
from newsgraph.nlp.text import normalise


def _text(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0]:span[1]] if span else None


def test_paragraphs_are_lines_whether_cut_by_one_newline_or_a_blank_line() -> None:
    text = "First line here.\nSecond line here.\n\n  Third after a blank.  \n"
    lay = read_layout(text)
    assert [_text(text, p) for p in lay.paragraphs] == [
        "First line here.", "Second line here.", "Third after a blank."]
    assert lay.paragraph_start(text.index("line here.\nSecond")) == 0
    assert lay.paragraph(text.index("Second")) == lay.paragraphs[1]
    assert lay.same_paragraph(text.index("First"), text.index("here."))
    assert not lay.same_paragraph(text.index("First"), text.index("Second"))
    assert not lay.same_paragraph(text.index("Second"), text.index("Third"))


def test_title_lines_are_short_and_unpunctuated() -> None:
    assert is_title("Rebels seize the northern town")
    assert is_title("By Jane Roe")
    assert not is_title("Rebels seized the northern town on Monday.")
    assert not is_title("The rebels, who arrived at dawn,")          # a broken prose line
    assert not is_title(" ".join(["word"] * 30))                       # too long for a title


def test_headline_only_when_the_first_line_is_a_title() -> None:
    text = "Rebels seize northern town\nRebels seized the town of Xville on Monday."
    lay = read_layout(text)
    assert _text(text, lay.headline) == "Rebels seize northern town"
    assert lay.in_title(0) and not lay.in_title(text.index("Rebels seized"))
    text = "Rebels seized the town of Xville on Monday.\nThey met no resistance."
    assert read_layout(text).headline is None
    assert read_layout("Rebels seize northern town").headline is None   # a single line


@pytest.mark.parametrize(("text", "dateline", "city", "region", "date", "agency"), [
    ("XVILLE (Wire Agency) \u2013 Rebels seized the town.", "XVILLE (Wire Agency) \u2013 ",
     "XVILLE", None, None, "Wire Agency"),
    ("XVILLE, Nov 28 (Wire) - Rebels seized the town.", "XVILLE, Nov 28 (Wire) - ",
     "XVILLE", None, "Nov 28", "Wire"),
    ("XVILLE, Dec. 9 (Wire) -- Rebels seized the town.", "XVILLE, Dec. 9 (Wire) -- ",
     "XVILLE", None, "Dec. 9", "Wire"),
    ("XVILLE: Rebels seized the town on Monday.", "XVILLE: ", "XVILLE", None, None, None),
    ("XVILLE, Nov 28 : Rebels seized the town.", "XVILLE, Nov 28 : ",
     "XVILLE", None, "Nov 28", None),
    ("Xville, Freedonia \u2014 Rebels seized the town.", "Xville, Freedonia \u2014 ",
     "Xville", "Freedonia", None, None),
    ("XVILLE, Freedonia (Wire) - Rebels seized the town.", "XVILLE, Freedonia (Wire) - ",
     "XVILLE", "Freedonia", None, "Wire"),
    ("XVILLE/YTOWN - Rebels seized the town.", "XVILLE/YTOWN - ", "XVILLE/YTOWN",
     None, None, None),
    ("XVILLE\u2014Rebels seized the town.", "XVILLE\u2014", "XVILLE", None, None, None),
    ("(Wire) Xville \u2013 Rebels seized the town.", "(Wire) Xville \u2013 ",
     "Xville", None, None, "Wire"),
    ("Jan. 3 (Wire) -- Rebels seized the town.", "Jan. 3 (Wire) -- ",
     None, None, "Jan. 3", "Wire"),
])
def test_dateline_forms(text: str, dateline: str, city: str | None, region: str | None,
                        date: str | None, agency: str | None) -> None:
    for form in (text, normalise(text)):        # typographic dashes or ASCII ones
        d = read_layout(form).dateline
        assert d is not None
        assert form[d.start:d.end] == (dateline if form == text else normalise(dateline))
        assert (_text(form, d.city), _text(form, d.region), _text(form, d.date),
                d.agency) == (city, region, date, agency)


def test_dateline_under_a_headline_and_a_byline() -> None:
    text = "Rebels seize town\nBy Jane Roe\nXVILLE (Wire) - Rebels seized the town."
    d = read_layout(text).dateline
    assert d is not None and _text(text, d.city) == "XVILLE"
    assert d.covers(text.index("XVILLE")) and not d.covers(text.index("Rebels seized"))
    text = "Rebels seize town\n\nXVILLE\n\nRebels seized the town on Monday."
    d = read_layout(text).dateline
    assert d is not None and _text(text, d.city) == "XVILLE"


@pytest.mark.parametrize("text", [
    "Freedonia: rebels seize the town\nRebels seized the town.",     # a headline's colon
    "REBELS: WE HOLD THE TOWN\nRebels seized the town.",             # upper case, but a title
    "JANE ROE-SMITH\nRebels seized the town.",                       # a hyphenated byline
    "Xville and Ytown - two towns - fell to rebels on Monday.",
    "U.S.-backed forces retook the town on Monday.",
    "Rebels seized the town.\nIt was calm.\nA.\nB.\nC.\nXVILLE - Late line.",   # too far down
])
def test_not_a_dateline(text: str) -> None:
    assert read_layout(text).dateline is None


@pytest.mark.model
def test_headline_and_lead_on_single_newlines_are_two_sentences(nlp) -> None:
    from newsgraph.nlp.layout import layout, sentences
    text = ("Rebels seize northern town\n"
            "XVILLE (Wire) - Rebels seized the town of Xville on Monday, residents said.\n"
            "By Jane Roe\n"
            "The army had left the town a week earlier.")
    doc = nlp(normalise(text))
    assert all("\n" not in s.text.strip() for s in doc.sents)
    assert any(s.text.startswith("Rebels seized") for s in doc.sents)
    got = [s.text.strip() for s in sentences(doc)]
    assert got == ["Rebels seized the town of Xville on Monday, residents said.",
                   "The army had left the town a week earlier."]
    assert layout(doc) is layout(doc)       # computed once per Doc


def test_the_component_reads_the_layout_once_and_keeps_the_doc_serialisable(monkeypatch) -> None:
    import spacy
    from spacy.tokens import Doc

    from newsgraph.nlp import layout as module
    text = "Rebels seize northern town\nXVILLE, Mar 3 (Wire) - Rebels seized Xville.\nBy Jane Roe"
    nlp = spacy.blank("en")
    nlp.add_pipe(module.LINE_BREAKS)
    doc = nlp(text)
    Doc(nlp.vocab).from_bytes(doc.to_bytes())        # user data stays plain
    monkeypatch.setattr(module, "read_layout", lambda _text: pytest.fail("read twice"))
    assert module.layout(doc) == read_layout(text)
    assert module.layout(doc).dateline.city == (27, 33)
