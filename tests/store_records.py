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


def result(doc_id: str, events: list[Event], *, outlet: str = "kompas", published: str = "2024-03-05",
           text: str | None = None) -> Result:
    body = text or " ".join(e.text for e in events) or f"Artikel {doc_id} tanpa peristiwa."
    art = Article(title=f"Judul {doc_id}", outlet=outlet, published=published, text=body)
    return Result(doc_id=doc_id, source=f"test://{doc_id}", language="id", article=art, events=events)
