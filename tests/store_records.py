"""Builders for real Result/Event/Actor records used by the store, merge and export tests."""

from __future__ import annotations

from peristiwa.schema import Actor, Article, Event, Location, Result, Span

POLICE = Actor("polisi", 0, 6, "Kepolisian Negara Republik Indonesia", "IDN", "COP", "Q1503050")
KKB = Actor("KKB", 0, 3, "Kelompok Kriminal Bersenjata", "IDN", "REB", None)
TNI = Actor("TNI", 0, 3, "Tentara Nasional Indonesia", "IDN", "MIL", "Q1467405")
VILLAGERS = Actor("warga", 0, 5, "warga", "IDN", "CVL", None)
TURKEY = Actor("Turki", 0, 5, "Turki", "TUR", "GOV", "Q43")
LIBYA = Actor("Libya", 0, 5, "Libya", "LBY", "GOV", "Q1016")

JAYAPURA = Location("Jayapura", "IDN", -2.533, 140.717, 2082600)
WAMENA = Location("Wamena", "IDN", -4.097, 138.951, 1621395)


def event(kind: str = "ASSAULT", *, actor=(KKB,), recipient=(TNI,), date: str | None = "2024-03-05",
          location: Location | None = JAYAPURA, confidence: float = 0.8, cameo: str = "190", quad: int = 4,
          goldstein: float = -10.0, sentence: str = "KKB menyerang pos TNI.", trigger: str = "menyerang",
          modality: str = "asserted") -> Event:
    start = sentence.find(trigger)
    return Event(id=f"e{abs(hash((kind, sentence))) % 1000}", sentence=0, text=sentence, event=kind, cameo=cameo,
                 quad=quad, goldstein=goldstein, trigger=Span(trigger, start, start + len(trigger)),
                 actor=list(actor), recipient=list(recipient), date=date,
                 date_precision="day" if date else None, location=location, confidence=confidence,
                 modality=modality)


def result(doc_id: str, events: list[Event], *, outlet: str = "kompas", published: str | None = "2024-03-05",
           text: str | None = None) -> Result:
    body = text or " ".join(e.text for e in events) or f"Artikel {doc_id} tanpa peristiwa."
    art = Article(title=f"Judul {doc_id}", outlet=outlet, published=published, text=body)
    return Result(doc_id=doc_id, source=f"test://{doc_id}", language="id", article=art, events=events)


def store_results(db_url: str, results: list[Result]):
    """Write results through the real writer, merge, and return the Engine."""
    from peristiwa.schema import Document
    from peristiwa.store import connect, init_db
    from peristiwa.store.merge import rebuild
    from peristiwa.store.writer import Item, write_batch

    engine = connect(db_url)
    init_db(engine)
    items = [Item.of(Document(doc_id=r.doc_id, source=r.source, kind="clean", text=r.article.text + r.doc_id,
                              url=f"https://example.org/{r.doc_id}"), r) for r in results]
    write_batch(engine, items)
    rebuild(engine)
    return engine


def sample_corpus() -> list[Result]:
    """A small corpus: one attack in three outlets, a second attack elsewhere, a protest, a diplomatic act."""
    return [
        result("a", [event(sentence="KKB menyerang pos TNI di Jayapura.", confidence=0.7)], outlet="kompas"),
        result("b", [event(sentence="Pos TNI di Jayapura diserang KKB.", trigger="diserang", confidence=0.9,
                           date=None)], outlet="detik", published="2024-03-06"),
        result("c", [event(sentence="Kelompok bersenjata menyerang TNI.", actor=(), confidence=0.6,
                           location=None)], outlet="tempo"),
        result("d", [event(sentence="KKB menembaki pos TNI di Wamena.", trigger="menembaki", location=WAMENA)],
               outlet="detik"),
        result("e", [event("PROTEST", actor=(VILLAGERS,), recipient=(POLICE,), cameo="141", quad=3,
                           goldstein=-6.5, sentence="Warga berunjuk rasa di depan polres Wamena.",
                           trigger="berunjuk rasa", location=WAMENA, date="2024-04-01")],
               published="2024-04-01"),
        result("f", [event("AGREE", actor=(TURKEY,), recipient=(LIBYA,), cameo="057", quad=1, goldstein=8.0,
                           sentence="Turki dan Libya menandatangani kesepakatan keamanan.",
                           trigger="menandatangani", location=None, date="2019-11-27")],
               outlet="bisnis", published="2019-11-28"),
    ]


# columns that record when a row was written, not what it holds
VOLATILE = {"ingested_at", "created_at", "applied_at"}


def snapshot(db_url: str) -> dict[str, list[tuple]]:
    """Every table's rows (without timestamps), sorted: for row-by-row comparison of two databases."""
    from peristiwa.store import connect
    from peristiwa.store import schema as s

    engine = connect(db_url)
    out = {}
    with engine.connect() as conn:
        for name, table in s.metadata.tables.items():
            cols = [c for c in table.columns if c.name not in VOLATILE]
            rows = conn.execute(table.select().with_only_columns(*cols)).all()
            out[name] = sorted(tuple(repr(v) for v in r) for r in rows)
    engine.dispose()
    return out


def write_corpus(path, n: int, *, start: int = 0) -> None:
    """A JSONL corpus of n short articles we write ourselves (numbers vary so each one is distinct)."""
    import json

    cities = ["Jakarta", "Surabaya", "Medan", "Makassar", "Jayapura"]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            city = cities[i % len(cities)]
            text = (f"Gubernur bertemu dengan perwakilan buruh di {city} pada Senin untuk membahas upah "
                    f"minimum nomor {i}. Pertemuan itu berlangsung selama {i % 7 + 1} jam.\n\n"
                    f"Polisi mengamankan jalannya pertemuan ke-{i} tanpa insiden.")
            fh.write(json.dumps({"id": f"doc-{i}", "text": text, "title": f"Pertemuan {i} di {city}",
                                 "published": f"2024-03-{i % 28 + 1:02d}"}) + "\n")
