"""A small store for the web tests, written through the store's own writer and merge from real
peristiwa.schema records. The articles are our own text (Indonesian, about the Libyan war), plus one
hostile article whose title, text, actor names and quotes carry HTML/JS."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from peristiwa.schema import Actor, Article, Event, Quote, Result, Span
from peristiwa.store import connect, init_db
from peristiwa.store.merge import rebuild
from peristiwa.store.writer import Item, write_batch

# name, country, sector
ACTORS = {
    "Amerika Serikat": ("United States", "USA", "GOV"),
    "Rusia": ("Russia", "RUS", "GOV"),
    "LNA": ("Libyan National Army", "LBY", "MIL"),
    "Tripoli": ("Libya", "LBY", "GOV"),
    "Turki": ("Turkey", "TUR", "GOV"),
    "Mesir": ("Egypt", "EGY", "GOV"),
    "Uni Emirat Arab": ("United Arab Emirates", "ARE", "GOV"),
    "Yunani": ("Greece", "GRC", "GOV"),
    "Libya": ("Libya", "LBY", "GOV"),
}

HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">Evil</b>'
HOSTILE_TITLE = '<script>window.__pwned=1</script>Judul "berbahaya" & <b>tebal</b>'


@dataclass
class Spec:
    sentence: str
    trigger: str
    event: str
    cameo: str
    quad: int
    goldstein: float
    actor: list[str]
    recipient: list[str]
    date: str | None = None


ARTICLES: list[tuple[str, str, str, list[Spec]]] = [
    ("libya-1", "Turki kirim drone ke Tripoli, Mesir dukung LNA", "2019-07-10", [
        Spec("Turki mengirim pesawat tanpa awak dan truk lapis baja ke Tripoli pekan lalu.",
             "mengirim", "AID", "070", 2, 7.0, ["Turki"], ["Tripoli"], "2019-07-03"),
        Spec("Mesir dan Uni Emirat Arab mendukung LNA dengan senjata.",
             "mendukung", "SUPPORT", "050", 2, 3.5, ["Mesir", "Uni Emirat Arab"], ["LNA"], "2019-07-10"),
        Spec("LNA menyerang pinggiran Tripoli pada Selasa malam.",
             "menyerang", "ASSAULT", "190", 4, -10.0, ["LNA"], ["Tripoli"], "2019-07-09"),
    ]),
    ("libya-2", "Amerika Serikat minta LNA hentikan serangan", "2019-11-20", [
        Spec("Amerika Serikat meminta LNA menghentikan serangan ke Tripoli.",
             "meminta", "REQUEST", "020", 1, -2.0, ["Amerika Serikat"], ["LNA"], "2019-11-20"),
        Spec("Amerika Serikat memperingatkan Rusia soal embargo senjata PBB.",
             "memperingatkan", "THREATEN", "130", 3, -4.4, ["Amerika Serikat"], ["Rusia"], "2019-11-19"),
        Spec("Amerika Serikat siap bekerja sama dengan Rusia di Libya.",
             "bekerja sama", "COOPERATE", "060", 1, 4.0, ["Amerika Serikat"], ["Rusia"], "2019-11-18"),
    ]),
    ("libya-3", "Yunani usir duta besar Libya", "2019-12-06", [
        Spec("Libya dan Turki menandatangani kesepakatan keamanan dan maritim.",
             "menandatangani", "AGREE", "057", 1, 8.0, ["Libya"], ["Turki"], "2019-11-27"),
        Spec("Yunani mengusir duta besar Libya dari Athena.",
             "mengusir", "REJECT", "1246", 3, -5.0, ["Yunani"], ["Libya"], "2019-12-06"),
    ]),
]


def _actor(text: str, surface: str, at: int, name: str | None = None) -> Actor:
    start = text.index(surface, at)
    if name is not None:
        return Actor(text=surface, start=start, end=start + len(surface), name=name, country="", sector="")
    canon, country, sector = ACTORS[surface]
    return Actor(text=surface, start=start, end=start + len(surface), name=canon, country=country, sector=sector)


def result_of(doc_id: str, title: str, published: str, specs: list[Spec], lead: str = "") -> Result:
    """A Result whose offsets point into the article text, as the pipeline's would."""
    paragraphs = ([lead] if lead else []) + [sp.sentence for sp in specs]
    text = "\n\n".join(paragraphs)
    events, at = [], 0
    for i, sp in enumerate(specs):
        start = text.index(sp.sentence, at)
        at = start
        t = text.index(sp.trigger, start)
        events.append(Event(
            id=f"{doc_id}-e{i}", sentence=i + (1 if lead else 0), text=sp.sentence, event=sp.event, cameo=sp.cameo,
            quad=sp.quad, goldstein=sp.goldstein, trigger=Span(sp.trigger, t, t + len(sp.trigger)),
            actor=[_actor(text, a, start) for a in sp.actor],
            recipient=[_actor(text, r, start + len(sp.actor[0])) for r in sp.recipient],
            date=sp.date, date_precision="day" if sp.date else None, confidence=0.8))
    article = Article(title=title, outlet="Contoh News", published=published, text=text)
    return Result(doc_id=doc_id, source=f"tests/{doc_id}.txt", language="id", article=article, events=events)


def hostile_result() -> Result:
    """An article built to break a page that does not escape: markup everywhere a string can go."""
    sentence = 'Kelompok <img src=x onerror="window.__pwned=1"> menyerang <script>window.__pwned=2</script> markas.'
    text = "Paragraf pembuka dengan <iframe src=javascript:alert(1)></iframe> di dalamnya.\n\n" + sentence
    start = text.index(sentence)
    t = text.index("menyerang", start)
    evil = Actor(text="Kelompok", start=start, end=start + len("Kelompok"), name=HOSTILE_NAME, country="IRQ",
                 sector="REB")
    victim_at = text.index("markas", start)
    victim = Actor(text="markas", start=victim_at, end=victim_at + 6, name="Markas </script><script>x=1</script>",
                   country="IRQ", sector="MIL")
    ev = Event(id="hostile-e0", sentence=1, text=sentence, event="ASSAULT", cameo="190", quad=4, goldstein=-10.0,
               trigger=Span("menyerang", t, t + len("menyerang")), actor=[evil], recipient=[victim],
               date="2020-01-05", date_precision="day", confidence=0.7)
    quote = Quote(text='<script>window.__pwned=3</script>', start=0, end=10, speaker=evil)
    article = Article(title=HOSTILE_TITLE, outlet="<i>Outlet</i>", published="2020-01-05", text=text)
    return Result(doc_id="hostile", source="tests/hostile.html", language="id", article=article,
                  events=[ev], quotes=[quote])


def all_results() -> list[Result]:
    return [result_of(*a) for a in ARTICLES] + [hostile_result()]


def build_db(url: str, results: list[Result] | None = None) -> str:
    """Write `results` (default: all above) into a fresh store at `url` and merge them into events."""
    engine = connect(url)
    init_db(engine)
    items = [Item(hash=hashlib.sha256(r.doc_id.encode()).hexdigest()[:32], result=r, kind="clean")
             for r in (results if results is not None else all_results())]
    write_batch(engine, items)
    rebuild(engine)
    engine.dispose()
    return url


def doc_hash(doc_id: str) -> str:
    return hashlib.sha256(doc_id.encode()).hexdigest()[:32]
