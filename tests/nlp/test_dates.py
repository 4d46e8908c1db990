"""find_dates: detection, anchoring, precision, periods, weekdays (no model needed)."""
from __future__ import annotations

import pytest
import spacy

from newsgraph.nlp.dates.extract import find_dates

NLP = spacy.blank("en")


def dates(text: str, published: str | None = "2020-01-04") -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.date, d.precision) for d in find_dates(NLP(text), published)]


def resolved(text: str, published: str | None = "2020-01-04") -> dict[str, str | None]:
    return {t: d for t, d, _ in dates(text, published)}


def test_offsets_point_into_the_text() -> None:
    text = "Protesters gathered on 6 December. The following day they returned."
    for ref in find_dates(NLP(text), "2020-01-04"):
        assert text[ref.start:ref.end] == ref.text


def test_year_less_date_is_the_most_recent_past() -> None:
    assert dates("A rocket hit the base on December 27.") == [("on December 27", "2019-12-27", "day")]
    assert resolved("Talks resumed on 2 January.")["on 2 January"] == "2020-01-02"


def test_full_dates_and_months() -> None:
    got = dates("It began on 1 October 2019 and peaked in December 2019; by January 21, 2020 it was over.")
    assert ("on 1 October 2019", "2019-10-01", "day") in got
    assert ("in December 2019", "2019-12", "month") in got
    assert ("by January 21, 2020", "2020-01-21", "day") in got


def test_month_only_has_month_precision() -> None:
    assert dates("In November, crowds burned a consulate.") == [("In November", "2019-11", "month")]


def test_following_day_is_anchored_on_the_discourse() -> None:
    got = resolved("Clashes erupted on 21 December. Strikes spread the following day. "
                   "Two days later the roads were closed.")
    assert got["the following day"] == "2019-12-22"
    assert got["Two days later"] == "2019-12-24"


def test_same_day_and_that_day() -> None:
    got = resolved("On 3 January a drone struck a convoy. On that day the ministry spoke. "
                   "Hours earlier, on the same day, talks failed.")
    assert got["On that day"] == "2020-01-03"
    assert got["on the same day"] == "2020-01-03"


def test_anaphora_without_anchor_is_unresolved() -> None:
    assert resolved("The following day, troops withdrew.")["The following day"] is None


def test_anchor_with_month_precision_cannot_give_a_day() -> None:
    assert resolved("In November protests grew. The next day they spread.")["The next day"] is None


def test_periods_are_null() -> None:
    text = ("Over the past nine months, since 2003, and in the 1980s, for years, "
            "three-and-half months of unrest.")
    got = dates(text)
    assert got, "periods must still be detected"
    assert all(d is None and p is None for _, d, p in got)


def test_duration_since_a_start_dates_the_start() -> None:
    got = resolved("During the three-and-half months that pass from the beginning of the "
                   "protests, the regime hesitated.", "2020-01-21")
    assert got == {"During the three-and-half months that pass from the beginning of": "2019-10"}
    assert dates("In the two months since the protests began, hundreds died.", "2020-01-21") == [
        ("In the two months since the protests began", "2019-11", "month")]
    assert resolved("the 10 days since the start of the strike", "2020-01-21") == {
        "the 10 days since the start of": "2020-01-11"}
    assert resolved("In the past nine months, prices rose.") == {"In the past nine months": None}
    assert resolved("In the two months since the protests began.", None) == {
        "In the two months since the protests began": None}


def test_weekday_is_the_most_recent_on_or_before_publication() -> None:
    # 2020-01-21 is a Tuesday
    assert resolved("Protests continued on Tuesday.", "2020-01-21")["on Tuesday"] == "2020-01-21"
    assert resolved("The strike was early Friday.", "2020-01-21")["early Friday"] == "2020-01-17"


def test_weekday_after_an_old_anchor_follows_the_discourse() -> None:
    text = "On December 27, 2019 a contractor was killed. On Sunday the US struck back."
    assert resolved(text, "2020-03-01")["On Sunday"] == "2019-12-29"


def test_stated_weekday_picks_the_year() -> None:
    # 9 November was a Saturday in 2019, not in 2018
    text = "In 2009 it began. On Saturday, November 9 crowds marched."
    assert resolved(text, "2019-12-02")["On Saturday, November 9"] == "2019-11-09"


def test_relative_to_publication() -> None:
    got = resolved("Yesterday the envoy left; two days ago he met the premier; last week was calm.",
                   "2020-01-22")
    assert got["Yesterday"] == "2020-01-21"
    assert got["two days ago"] == "2020-01-20"
    assert got["last week"] == "2020-01"


def test_without_publication_date_nothing_is_guessed() -> None:
    got = resolved("The attack came on December 27. Yesterday was calm.", None)
    assert got["on December 27"] is None and got["Yesterday"] is None


def test_three_months_after_an_event_is_not_a_date() -> None:
    got = resolved("On 28 December tribes met, three months after protests began.")
    assert got["three months after"] is None


def test_may_the_verb_is_not_a_month() -> None:
    assert dates("The protests May spread, officials said.") == []
    assert dates("It happened in May 2016.") == [("in May 2016", "2016-05", "month")]


def test_years() -> None:
    assert resolved("The invasion came in 2003.")["in 2003"] == "2003"
    assert resolved("There have been US troops since 2003.")["since 2003"] is None


@pytest.mark.parametrize("published", ["2020-01-04", None, "not a date"])
def test_never_raises(published: str | None) -> None:
    find_dates(NLP("On 31 February, the 45th day, 3 weeks later, the next week, on that night."),
               published)


_VOCAB = ("on since by until in early late mid last this next the coming of during from before "
          "after Monday Sunday January Jan. Sept. May March December 27 27th 3rd 2003 1990s "
          "mid-1990s mid1990s '90s a an two few several hundreds and half days weeks months "
          "years ago later earlier following previous same day morning night that yesterday "
          "today tonight up to till present for recent over throughout 2024-01-05 twentyfive "
          "fifteen-year 3-day _the ON The").split()


def test_word_start_scan_finds_exactly_what_a_full_scan_finds() -> None:
    """The pre-filtered scan (_starts_by_pattern + _finditer) equals rx.finditer."""
    import random

    from newsgraph.nlp.dates import patterns as mod
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(_VOCAB) + rng.choice([" ", " ", "-", ", ", "\n", ""])
                       for _ in range(rng.randint(1, 25)))
        for (kind, rx), starts in zip(mod.PATTERNS, mod._starts_by_pattern(text)):
            full = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
            fast = [(m.span(), m.groupdict()) for m in mod._finditer(rx, text, starts)]
            assert fast == full, (kind, text)


def test_non_ascii_text_is_scanned_in_full() -> None:
    from newsgraph.nlp.dates import patterns as mod
    assert mod._starts_by_pattern("on 3 J\u00e9nuary 2020") == [None] * len(mod.PATTERNS)
    assert resolved("It happened on 5 March 2019 in caf\u00e9s.")["on 5 March 2019"] == "2019-03-05"


def test_hours_later_is_the_anchors_day() -> None:
    got = dates("A drone struck a depot on Saturday. Hours later, jets struck back. "
                "Two hours later, it was over.", "2021-03-08")
    assert ("Hours later", "2021-03-06", "day") in got and ("Two hours later", "2021-03-06", "day") in got
    assert resolved("Hours later, jets struck back.", "2021-03-08") == {"Hours later": None}


def test_a_weekday_is_anchored_in_its_paragraph_only_and_a_line_is_a_paragraph() -> None:
    same = "The siege began on March 2, 2019. On Monday, the rebels left."
    assert resolved(same)["On Monday"] == "2019-03-04"
    for text in ("The siege began on March 2, 2019.\nOn Monday, the rebels left.",
                 "The siege began on March 2, 2019.\n\nOn Monday, the rebels left."):
        assert resolved(text)["On Monday"] == "2019-12-30"     # from the publication date


def test_this_past_month_and_month_this_year_resolve() -> None:
    got = resolved("The feud peaked this past November with a raid.", "2020-03-12")
    assert got == {"this past November": "2019-11"}
    got = resolved("In July this year the envoys met; in May last year they had quarrelled.",
                   "2021-12-09")
    assert got == {"In July this year": "2021-07", "in May last year": "2020-05"}


def test_the_last_few_days_date_only_within_one_month() -> None:
    assert resolved("Forty people died in the last 8 days.", "2019-10-17") == {
        "in the last 8 days": "2019-10"}
    assert resolved("Forty people died in the last 20 days.", "2019-10-17") == {
        "in the last 20 days": None}


def test_the_weekend_is_dated_by_its_saturday() -> None:
    assert resolved("Details of the weekend raid emerged.", "2019-10-31") == {
        "the weekend": "2019-10-26"}
    assert resolved("Over the weekend, crowds grew.", "2019-10-27") == {
        "Over the weekend": "2019-10-26"}
    assert resolved("They met last weekend.", "2019-10-27") == {"last weekend": "2019-10-19"}
    got = resolved("On Monday the talks opened. Over the weekend they stalled; that day was "
                   "long.", "2019-10-31")
    assert got["that day"] == "2019-10-28"
