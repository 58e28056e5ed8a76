"""Reports to events: constructed cases for the merge rule, stored and merged on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import func, select

from peristiwa.schema import Document
from peristiwa.store import connect, init_db
from peristiwa.store import schema as s
from peristiwa.store.merge import rebuild
from peristiwa.store.writer import Item, write_batch
from tests.store_records import JAYAPURA, KKB, LIBYA, POLICE, TNI, TURKEY, VILLAGERS, WAMENA, event, result


def _store(db_url, results):
    engine = connect(db_url)
    init_db(engine)
    items = [Item.of(Document(doc_id=r.doc_id, source=r.source, kind="clean", text=r.article.text
                              + r.doc_id), r) for r in results]
    write_batch(engine, items)
    rebuild(engine)
    return engine


def _events(engine):
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(s.events).order_by(s.events.c.date, s.events.c.id))
                .mappings()]


def test_same_attack_in_three_outlets_is_one_event_with_three_mentions(db_url):
    results = [
        result("a", [event(sentence="KKB menyerang pos TNI di Jayapura.", confidence=0.7)], outlet="kompas"),
        result("b", [event(sentence="Pos TNI di Jayapura diserang KKB.", trigger="diserang", confidence=0.9,
                           date=None)], outlet="detik", published="2024-03-06"),
        result("c", [event(sentence="Kelompok bersenjata menyerang TNI.", actor=(), confidence=0.6,
                           location=None)], outlet="tempo"),
    ]
    engine = _store(db_url, results)
    events = _events(engine)
    assert len(events) == 1
    ev = events[0]
    assert (ev["num_mentions"], ev["num_sources"], ev["num_articles"]) == (3, 3, 3)
    assert ev["rep_text"] == "Pos TNI di Jayapura diserang KKB."  # the most confident report
    assert ev["rep_trigger_text"] == "diserang"
    assert str(ev["first_seen"]) == "2024-03-05" and str(ev["last_seen"]) == "2024-03-06"
    assert ev["location_name"] == "Jayapura" and ev["country"] == "IDN"
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.mentions)
                            .where(s.mentions.c.event_id == ev["id"])).scalar() == 3
        roles = conn.execute(select(s.event_actors.c.role, s.actors.c.name)
                             .join(s.actors, s.actors.c.id == s.event_actors.c.actor_id)
                             .where(s.event_actors.c.event_id == ev["id"])
                             .order_by(s.event_actors.c.role)).all()
    assert [tuple(r) for r in roles] == [("actor", KKB.name), ("recipient", TNI.name)]


def test_two_attacks_on_one_day_in_different_cities_are_two_events(db_url):
    results = [
        result("a", [event(sentence="KKB menyerang pos TNI di Jayapura.", location=JAYAPURA)]),
        result("b", [event(sentence="KKB menyerang pos TNI di Wamena.", location=WAMENA)], outlet="detik"),
    ]
    events = _events(_store(db_url, results))
    assert sorted(e["location_name"] for e in events) == ["Jayapura", "Wamena"]
    assert all(e["num_mentions"] == 1 for e in events)


def test_dates_more_than_a_day_apart_or_other_type_or_other_actors_stay_apart(db_url):
    results = [
        result("a", [event(date="2024-03-05")]),
        result("b", [event(date="2024-03-08")], outlet="detik"),  # three days later
        result("c", [event("PROTEST", actor=(VILLAGERS,), recipient=(POLICE,), cameo="141", quad=3,
                           goldstein=-6.5, sentence="Warga berunjuk rasa di depan polres.", trigger="berunjuk rasa")]),
        result("d", [event(actor=(TURKEY,), recipient=(LIBYA,), location=None,
                           sentence="Turki menyerang Libya.")], outlet="tempo"),
    ]
    events = _events(_store(db_url, results))
    assert len(events) == 4


def test_unresolved_dates_merge_by_publication_within_a_day(db_url):
    results = [
        result("a", [event(date=None)], published="2024-05-01"),
        result("b", [event(date=None)], outlet="detik", published="2024-05-02"),
        result("c", [event(date=None)], outlet="tempo", published="2024-05-04"),
    ]
    events = _events(_store(db_url, results))
    assert sorted(e["num_mentions"] for e in events) == [1, 2]


def test_merge_does_not_depend_on_arrival_order(tmp_path):
    rs = [result(x, [event(sentence=f"KKB menyerang pos TNI {x}.", date=d)], outlet=o)
          for x, d, o in [("a", "2024-03-05", "k"), ("b", "2024-03-06", "d"), ("c", "2024-03-07", "t"),
                          ("e", "2024-03-06", "r")]]
    one = _events(_store(str(tmp_path / "1.db"), rs))
    two = _events(_store(str(tmp_path / "2.db"), list(reversed(rs))))
    assert one == two
    assert sorted(e["num_mentions"] for e in one) == [1, 3]  # 5/6/6 form one; 7 is 2 days after the 5th


def test_mentions_without_any_date_are_not_merged(db_url):
    results = [result(x, [event(date=None)], published=None, outlet=x) for x in ("a", "b")]
    events = _events(_store(db_url, results))
    assert [e["num_mentions"] for e in events] == [1, 1]


def test_adding_a_report_later_updates_the_event_in_place(db_url):
    first = [result("a", [event(sentence="KKB menyerang pos TNI di Jayapura.")]),
             result("w", [event(sentence="KKB menyerang pos TNI di Wamena.", location=WAMENA)], outlet="detik")]
    engine = _store(db_url, first)
    before = {e["location_name"]: e for e in _events(engine)}
    later = result("b", [event(sentence="Pos TNI Jayapura diserang KKB.", trigger="diserang", confidence=0.95)],
                   outlet="tempo")
    write_batch(engine, [Item.of(Document(doc_id="b", source="b", kind="clean", text="b"), later)])
    rebuild(engine)
    after = {e["location_name"]: e for e in _events(engine)}
    assert after["Wamena"] == before["Wamena"]  # untouched
    assert after["Jayapura"]["id"] == before["Jayapura"]["id"]
    assert after["Jayapura"]["num_mentions"] == 2 and after["Jayapura"]["rep_trigger_text"] == "diserang"
