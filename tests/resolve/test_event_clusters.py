"""Clustering event reports across articles and the contradictions between them."""
from __future__ import annotations

import dataclasses

import pytest

from newsgraph.model import DateRef, Event, Evidence, Location
from newsgraph.resolve.event_link import build_profiles, link_score
from newsgraph.resolve.events import cluster_events, event_contradictions
from tests.shipped import data

TOWN = Location(name="Koro", country="XX", admin1="North", kind="city")
OTHER_TOWN = Location(name="Lanto", country="XX", admin1="South", kind="city")
COUNTRY = Location(name="Xland", country="XX", kind="country")
SITE = Location(name="Koro Bridge", country="XX", admin1="North", kind="site")


STRIKE = "A drone strike hit the fuel depot in Koro, killing guards."


def ev(eid: str, doc: str, *, type: str = "ASSAULT", mode: str | None = "drone",
       date: str | None = "2021-03-07", loc: Location | None = TOWN,
       actors: tuple[str, ...] = (), fatalities: int | None = None, start: int = 0,
       text: str = STRIKE) -> Event:
    d = DateRef(start=0, end=5, text="x", date=date, precision="day") if date else None
    if loc is not None and loc.evidence is None:      # stated in the event's sentence
        loc = dataclasses.replace(loc, evidence=Evidence(doc=doc, start=start, end=start + 4,
                                                         text=text[:4]))
    return Event(id=eid, doc=doc, type=type, mode=mode, date=d, location=loc, actors=actors,
                 fatalities=fatalities,
                 evidence=Evidence(doc=doc, start=start, end=start + 10, text=text))


def clusters(events):
    return cluster_events(events, entity_of={"m1": "E1", "m2": "E1", "m3": "E3"}, published={}, cfg=data().linking)


def test_same_event_in_two_articles_share_a_cluster() -> None:
    c = clusters([ev("a", "d1"), ev("b", "d2", loc=COUNTRY, mode=None)])
    assert c["a"] == c["b"]


def test_one_day_off_needs_a_tie() -> None:
    tied = clusters([ev("a", "d1", actors=("m1",)), ev("b", "d2", date="2021-03-08", actors=("m2",))])
    assert tied["a"] == tied["b"]
    loose = clusters([ev("a", "d1", mode=None, text="Gunmen attacked a checkpoint."),
                      ev("b", "d2", date="2021-03-08", mode=None, text="A convoy was ambushed.")])
    assert loose["a"] != loose["b"]


def test_incompatible_reports_stay_apart() -> None:
    c = clusters([ev("a", "d1"), ev("b", "d2", date="2021-03-20"),
                  ev("c", "d3", loc=OTHER_TOWN), ev("d", "d4", type="CONSULT", mode=None)])
    assert len({c["a"], c["b"], c["c"], c["d"]}) == 4


def test_two_happenings_of_one_article_never_merge() -> None:
    other_day = clusters([ev("a", "d1"), ev("b", "d1", start=50, date="2021-03-06"),
                          ev("c", "d2")])
    assert other_day["a"] != other_day["b"] and other_day["c"] == other_day["a"]
    other_town = clusters([ev("a", "d1"), ev("b", "d1", start=50, loc=OTHER_TOWN),
                           ev("c", "d2")])
    assert other_town["a"] != other_town["b"]
    other_type = clusters([ev("a", "d1"), ev("b", "d1", start=50, type="PROTEST", mode=None),
                           ev("c", "d2")])
    assert other_type["a"] != other_type["b"]


def test_one_happening_told_twice_by_one_article_joins_one_cluster() -> None:
    """Two reports of one article, of one type, day and town (a re-mention the article
    grouping missed), join the other outlet's report of that happening."""
    c = clusters([ev("a", "d1"), ev("b", "d1", start=50), ev("c", "d2", mode=None)])
    assert c["a"] == c["b"] == c["c"]
    undated = clusters([ev("a", "d1"), ev("b", "d1", start=50, date=None),
                        ev("c", "d2", mode=None)])
    assert undated["a"] == undated["c"] and undated["b"] != undated["a"]


def test_cluster_ids_are_deterministic() -> None:
    events = [ev("a", "d1"), ev("b", "d2")]
    assert clusters(events) == clusters(list(reversed(events)))


def test_contradictions_on_date_toll_and_actor() -> None:
    events = [ev("a", "d1", fatalities=10, actors=("m1",)),
              ev("b", "d2", date="2021-03-08", fatalities=12, actors=("m1", "m3"))]
    events.append(ev("c", "d3", date="2021-03-08", fatalities=12, actors=("m1",)))
    c = clusters(events)
    assert len(set(c.values())) == 1
    found = {x.field: x for x in event_contradictions(events, clusters=c, entity_of={"m1": "E1", "m3": "E3"}, cfg=data().linking)}
    assert set(found) == {"date", "fatalities"}
    assert {v.value for v in found["fatalities"].values} == {"10", "12"}
    assert all(v.evidence for v in found["date"].values)


def test_disjoint_actor_sets_are_no_contradiction_responsibility_is_read_instead() -> None:
    events = [ev("a", "d1", actors=("m1",)), ev("b", "d2", actors=("m3",))]
    c = clusters(events)
    assert c["a"] == c["b"]
    fields = [x.field for x in event_contradictions(events, clusters=c, entity_of={"m1": "E1", "m3": "E3"}, cfg=data().linking)]
    assert fields == []          # two names of one side; stance_disputes reads who is blamed


def test_undated_report_joins_on_shared_participant_and_words() -> None:
    a = ev("a", "d1", type="CONCEDE", mode="resign", date=None, loc=None, actors=("m1",),
           text="Prime Minister Tarek Olu resigned after weeks of protests.")
    b = ev("b", "d2", type="CONCEDE", mode="resign", date="2021-05-02", loc=COUNTRY,
           actors=("m2",), text="The resignation of Prime Minister Olu was announced.")
    c = ev("c", "d3", type="CONCEDE", mode="resign", date=None, loc=None, actors=("m3",),
           text="The finance minister resigned.")
    found = clusters([a, b, c])
    assert found["a"] == found["b"]
    assert found["c"] != found["a"]


def test_riot_and_attack_on_one_site_same_day_are_one_event() -> None:
    riot = ev("a", "d1", type="PROTEST", mode="riot", loc=None,
              text="Militia supporters stormed the embassy compound in Koro.")
    attack = ev("b", "d2", type="ASSAULT", mode="destroy",
                text="Militiamen attacked the embassy in Koro and destroyed parts of it.")
    other_day = ev("c", "d3", type="PROTEST", mode="riot", date="2021-03-20", loc=None,
                   text="Supporters stormed the embassy compound in Koro.")
    filler = [ev(f"f{i}", f"d{i + 4}", type="CONSULT", mode=None, loc=None, text=t)
              for i, t in enumerate(["Ministers met in Lanto.", "Talks resumed on trade."])]
    found = clusters([riot, attack, other_day, *filler])
    assert found["a"] == found["b"] != found["c"]
    fields = {x.field for x in event_contradictions([riot, attack], clusters=found,
                                                    entity_of={}, cfg=data().linking)}
    assert "type" in fields


def test_no_chaining_through_a_vague_report() -> None:
    vague = ev("v", "d1", date=None, loc=None, text="A drone strike hit the depot.")
    early = ev("a", "d2", date="2021-03-01", text="A drone strike hit the depot in Koro.")
    late = ev("b", "d3", date="2021-03-20", text="A drone strike hit the depot in Koro.")
    found = clusters([vague, early, late])
    assert found["a"] != found["b"]


def test_protest_wave_start_dates_weeks_apart_are_one_wave_and_disputed() -> None:
    kw = dict(type="PROTEST", mode="demo", loc=COUNTRY)
    a = ev("a", "d1", date="2021-10-01", text="Mass protests began in Xland on 1 October.", **kw)
    b = ev("b", "d2", date="2021-10-25", text="The uprising has continued since October 25.",
           **kw)
    found = clusters([a, b])
    assert found["a"] == found["b"]
    dates = [x for x in event_contradictions([a, b], clusters=found, entity_of={}, cfg=data().linking)
             if x.field == "date"]
    assert dates and {v.value for v in dates[0].values} == {"2021-10-01", "2021-10-25"}


def test_coarser_date_and_containing_place_are_not_contradictions() -> None:
    a = ev("a", "d1", date="2021-03", loc=COUNTRY)
    b = ev("b", "d2")
    found = clusters([a, b])
    assert found["a"] == found["b"]
    assert event_contradictions([a, b], clusters=found, entity_of={}, cfg=data().linking) == []


def test_only_stated_places_can_keep_reports_apart() -> None:
    """A place inferred from elsewhere in the article, or a country, never vetoes."""
    elsewhere = dataclasses.replace(OTHER_TOWN, evidence=Evidence(doc="d2", start=500, end=504,
                                                                  text="Town"))
    inferred = clusters([ev("a", "d1"), ev("b", "d2", loc=elsewhere)])
    assert inferred["a"] == inferred["b"]
    stated = clusters([ev("a", "d1"), ev("b", "d2", loc=OTHER_TOWN)])
    assert stated["a"] != stated["b"]


def _with_published(events, published):
    return cluster_events(events, entity_of={}, published=published, cfg=data().linking)


GUNFIRE = "Gunmen opened fire on a crowd in Koro, the police said."
SHELLING = "Shelling struck a market in Koro."


def test_undated_report_joins_recent_event_at_the_same_named_site() -> None:
    town = _with_published([ev("a", "d1", mode=None, date=None, text=GUNFIRE),
                            ev("b", "d2", mode=None, date="2021-03-01", text=SHELLING)],
                           {"d1": "2021-03-20"})
    assert town["a"] != town["b"]          # a whole town is too coarse to tie reports
    a = ev("a", "d1", mode=None, date=None, loc=SITE, text=GUNFIRE)
    b = ev("b", "d2", mode=None, date="2021-03-01", loc=SITE, text=SHELLING)
    assert _with_published([a, b], {"d1": "2021-03-20"})["a"] == _with_published(
        [a, b], {"d1": "2021-03-20"})["b"]
    late = _with_published([a, b], {"d1": "2021-02-20"})    # article older than the event
    assert late["a"] != late["b"]
    stale = _with_published([a, b], {"d1": "2023-03-20"})   # not recent news
    assert stale["a"] != stale["b"]


def test_undated_report_with_two_candidates_in_one_article_stays_alone() -> None:
    a = ev("a", "d1", mode=None, date=None, loc=SITE, text=GUNFIRE)
    b = ev("b", "d2", mode=None, date="2021-03-01", loc=SITE, text=SHELLING)
    c = ev("c", "d2", mode=None, date="2021-03-09", loc=SITE, start=100, text=SHELLING)
    got = _with_published([a, b, c], {"d1": "2021-03-20"})
    assert got["a"] not in (got["b"], got["c"])


def test_protest_wave_reports_of_one_country_link_when_recent() -> None:
    a = ev("a", "d1", type="PROTEST", mode="demo", date="2021-11", loc=COUNTRY,
           text="Protests flared across Xland and beyond.")
    b = ev("b", "d2", type="PROTEST", mode="demo", date=None, loc=COUNTRY,
           text="Parallel uprisings in Xland weaken the rulers.")
    assert _with_published([a, b], {"d2": "2022-01-15"})["a"] == _with_published(
        [a, b], {"d2": "2022-01-15"})["b"]
    other = dataclasses.replace(b, location=Location(name="Yland", country="YY", kind="country"))
    got = _with_published([a, other], {"d2": "2022-01-15"})
    assert got["a"] != got["b"]


def test_undated_protest_wave_reports_link_when_their_articles_are_close() -> None:
    a = ev("a", "d1", type="PROTEST", mode="demo", date=None, loc=COUNTRY,
           text="Protests flared across Xland and beyond.")
    b = ev("b", "d2", type="PROTEST", mode="demo", date=None, loc=COUNTRY,
           text="Parallel uprisings in Xland weaken the rulers.")
    close = _with_published([a, b], {"d1": "2021-12-29", "d2": "2022-01-21"})
    assert close["a"] == close["b"]
    apart = _with_published([a, b], {"d1": "2021-06-01", "d2": "2022-01-21"})
    assert apart["a"] != apart["b"]
    unknown = _with_published([a, b], {"d1": "2021-12-29"})
    assert unknown["a"] != unknown["b"]


SQUARE = Location(name="Koro Square", country="XX", admin1="North", kind="site",
                  lat=33.3250, lon=44.4210)
BRIDGE = Location(name="Koro Bridge", country="XX", admin1="North", kind="site",
                  lat=33.3230, lon=44.4170)            # about 430 m from the square
FAR_SITE = Location(name="Koro Barracks", country="XX", admin1="North", kind="site",
                    lat=33.3700, lon=44.5000)          # about 9 km away


def test_undated_report_joins_recent_event_at_a_site_beside_its_own() -> None:
    a = ev("a", "d1", mode=None, date=None, loc=BRIDGE,
           text="A bloody attack targeted the squares and Koro Bridge.")
    b = ev("b", "d2", mode="firearms", date="2021-03-06", loc=SQUARE,
           text="Gunmen opened fire on protesters in Koro Square, killing 19.")
    near = _with_published([a, b], {"d1": "2021-03-29"})
    assert near["a"] == near["b"]
    far = _with_published([a, dataclasses.replace(b, location=dataclasses.replace(
        FAR_SITE, evidence=b.location.evidence))], {"d1": "2021-03-29"})
    assert far["a"] != far["b"]


def test_syndicated_copies_cluster_as_one_report_would() -> None:
    one = [ev("a", "d1"), ev("b", "d2", loc=COUNTRY, mode=None)]
    single = clusters(one)
    copies = one + [ev("a2", "d3"), ev("a3", "d4")]        # the same report, other articles
    got = clusters(copies)
    assert single["a"] == single["b"]
    assert got["a"] == got["a2"] == got["a3"] == got["b"]
    twice = clusters([ev("a", "d1"), ev("a2", "d1", start=300)])   # one article, twice
    assert twice["a"] != twice["a2"]


def test_reports_with_several_evidence_spans_cluster() -> None:
    a = ev("a", "d1")
    more = (Evidence(doc="d1", start=40, end=60, text="Guards died at Koro."),)
    c = clusters([dataclasses.replace(a, more_evidence=more), ev("b", "d2", loc=COUNTRY, mode=None)])
    assert c["a"] == c["b"]


def test_learned_linker_joins_one_strike_and_keeps_an_article_s_two_apart() -> None:
    from newsgraph.resolve.link_model import load_model
    events = [ev("a", "d1", actors=("m1",)), ev("b", "d2", actors=("m2",)),
              ev("c", "d1", start=80, date="2020-06-01", loc=OTHER_TOWN, mode="firearms",
                 text="Gunmen ambushed a patrol near Lanto at night.")]
    c = cluster_events(events, entity_of={"m1": "E1", "m2": "E1"}, published={},
                       cfg=data().linking, model=load_model())
    assert c["a"] == c["b"]
    assert c["c"] != c["a"]


BLAME_TRAILS = "Four guards were killed in a drone strike on the Koro depot, an attack blamed on rebels."
BLAME_FIRST = "Officials blamed rebels for the drone strike on the Koro depot that killed four guards."


def _accuse(eid: str, doc: str, text: str, **kw) -> Event:
    return dataclasses.replace(ev(eid, doc, type="ACCUSE", mode=None, text=text, **kw),
                               trigger="blamed")


def test_a_blame_trailing_the_attack_tells_the_attack() -> None:
    c = clusters([ev("a", "d1", actors=("m1",), text="A drone strike hit the Koro depot, killing four guards."),
                  _accuse("b", "d2", BLAME_TRAILS, actors=("m3",))])
    assert c["a"] == c["b"]


def test_an_accusation_told_first_stays_its_own_happening() -> None:
    c = clusters([ev("a", "d1", actors=("m1",), text="A drone strike hit the Koro depot, killing four guards."),
                  _accuse("b", "d2", BLAME_FIRST, actors=("m3",))])
    assert c["a"] != c["b"]


def test_related_types_need_dates_close_in_time() -> None:
    c = clusters([ev("a", "d1", text="A drone strike hit the Koro depot, killing four guards."),
                  _accuse("b", "d2", BLAME_TRAILS, date="2021-03-20")])
    assert c["a"] != c["b"]


def test_talks_told_by_the_deal_they_produced_link_with_the_deal() -> None:
    deal = "Xland and Yland agreed to reopen their embassies in Koro on Sunday."
    talks = "State radio reported the deal, saying it came during a meeting in Koro."
    meeting = dataclasses.replace(ev("b", "d2", type="CONSULT", mode=None, text=talks),
                                  trigger="meeting")
    c = clusters([ev("a", "d1", type="AGREE", mode=None, text=deal), meeting])
    assert c["a"] == c["b"]
    plain = dataclasses.replace(meeting, evidence=dataclasses.replace(
        meeting.evidence, text="The two sides held a meeting in Koro on Sunday."))
    assert len(set(clusters([ev("a", "d1", type="AGREE", mode=None, text=deal), plain]).values())) == 2


def test_an_undated_report_in_the_next_morning_s_article_means_that_day() -> None:
    """One side gives no date: when its article appeared on the other's day or within
    `fresh_days` after, the pair earns the `fresh_for_undated` points, not later."""
    cfg = data().linking
    a = ev("a", "d1")
    b = ev("b", "d2", date=None, loc=COUNTRY, mode=None, text="Guards died in the depot attack.")

    def score(published: str) -> float | None:
        pa, pb = build_profiles([a, b], entity_of={}, cfg=cfg,
                                published={"d1": "2021-03-07", "d2": published})
        return link_score(pa, pb, cfg)

    fresh, late = score("2021-03-08"), score("2021-03-20")
    assert fresh is not None and late is not None and cfg.weights["fresh_for_undated"] > 0
    assert fresh - late == pytest.approx(cfg.weights["fresh_for_undated"])
    assert score("2021-03-07") == pytest.approx(fresh)


BACKDROP = "The strike came days after the army launched a drone strike on the Koro depot."


def test_a_background_mention_does_not_join_its_article_s_report() -> None:
    """A report its own sentence tells as the background of another ("came days after
    ...") is not the article's happening told twice, though of one type, day and town."""
    lede = ev("a", "d1", text="A drone strike hit the fuel depot in Koro, killing guards.")
    plain = ev("b", "d1", start=50, text="A drone strike hit the Koro depot, killing guards.")
    backdrop = dataclasses.replace(ev("b", "d1", start=50, text=BACKDROP), trigger="launched")
    other = ev("c", "d2", mode=None)
    told_twice = clusters([lede, plain, other])
    assert told_twice["a"] == told_twice["b"] == told_twice["c"]
    kept = clusters([lede, backdrop, other])
    assert kept["a"] == kept["c"] and kept["b"] != kept["a"]


def test_an_undated_background_mention_links_to_no_other_article() -> None:
    """The cue counts before the report's trigger only (the whole sentence when the
    trigger is not in it)."""
    cfg = data().linking
    report = ev("a", "d1")

    def score(text: str, trigger: str) -> float | None:
        told = dataclasses.replace(ev("b", "d2", date=None, text=text), trigger=trigger)
        return link_score(*build_profiles([report, told], entity_of={}, cfg=cfg), cfg)

    assert score("Guards were killed in the drone strike on the fuel depot in Koro.", "killed")
    assert score("Guards had already been killed in the drone strike on the fuel depot in Koro.",
                 "killed") is None
    assert score("Guards were killed in the drone strike on the fuel depot in Koro, as rebels "
                 "had already warned.", "killed")
    assert score("Guards had already been killed in the drone strike on the fuel depot in Koro.",
                 "") is None


def test_an_article_s_day_and_month_dates_of_one_happening_join_one_cluster() -> None:
    """A re-mention dated only by its month ("in March") agrees with the article's
    dated report at the month's precision: one happening told twice; another month not."""
    def told_twice(month: str) -> dict[str, str]:
        remention = ev("b", "d1", start=50, date=month)
        remention = dataclasses.replace(remention, date=dataclasses.replace(
            remention.date, date=month, precision="month"))
        return clusters([ev("a", "d1"), remention, ev("c", "d2", mode=None)])

    same = told_twice("2021-03")
    assert same["a"] == same["b"] == same["c"]
    other = told_twice("2021-02")
    assert other["a"] == other["c"] and other["b"] != other["a"]
