"""Entity edges: small corrections of the statistical NER's spans and labels, right after it.

- A person's name ends with a word: in sports and crime copy the model takes the minute or the age
  after a name into it ("Marinus Mariyanto 16 '", "Budi ( 35"); a PER entity loses trailing tokens
  that do not start with a letter.
- A name after a police or military rank is a person, and the rank is not part of it ("Kombes Argo
  Yuwono"): the model saw few ranks in training and often tags the name ORG or LOC.
- "Wali Kota Makassar": the "Kota" belongs to the title; the place is "Makassar".
- Crime copy names suspects by their initials and age, "MA ( 35 )": two or three capitals before an
  age in brackets are a person (NERGrit's and the news NER dev set's convention), where the model
  found nothing.
- The speaker after a quotation's speech verb is a person: `", sebut Rum ."`, `", tandas Argo ."` (one or
  two capitalised words, then the sentence or clause ends), where the model found nothing or took the
  name for an organisation or place. The speech verbs are the attribution's (`data/events/cues.yaml`,
  `attribution.postposed`), so both read the same list.
Ranks and titles are data (`data/nlp/entity_edges.yaml`).
(Trimming lower-case words off other entities, "kota Cirebon" -> "Cirebon", was tried too: +1.6 F1 on
the news dev set's tune split but -2.7 on NERGrit test, whose spans often hold them; it is not done.)
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

_PERSON = {"PER", "PERSON"}
_PLACE = {"LOC", "GPE"}
_MAX_NAME = 4


@lru_cache(maxsize=1)
def load_rules() -> dict:
    path = Path(str(resources.files("peristiwa").joinpath("data", "nlp", "entity_edges.yaml")))
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """One-word speech verbs that come before their speaker ("..., kata X")."""
    path = Path(str(resources.files("peristiwa").joinpath("data", "events", "cues.yaml")))
    cues = yaml.safe_load(path.read_text(encoding="utf-8"))
    return frozenset(w for w in cues["attribution"]["postposed"] if " " not in w)


_CLAUSE_END = {".", ",", "!", "?", ";", ")", '"', "”", "’", "'"}
_QUOTE_OR_COMMA = {",", '"', "”", "’", "'", "''"}


def _speaker_after_verb(doc: Doc, i: int, titles: set[str]) -> int:
    """End of a one- or two-word name at i that follows a postposed speech verb (", kata X ."), else i."""
    if i < 2 or doc[i - 1].lower_ not in speech_verbs() or doc[i - 2].text not in _QUOTE_OR_COMMA:
        return i
    end = i
    while end < len(doc) and end - i < 3 and doc[end].text[:1].isupper() and doc[end].text.isalpha() \
            and not (doc[end].text.isupper() and len(doc[end].text) > 1):
        end += 1
    if end == i or end - i > 2 or doc[i].text in titles:
        return i
    return end if end == len(doc) or doc[end].text in _CLAUSE_END else i


def _name_like(span: Span) -> bool:
    """One to four capitalised words of letters, no acronyms: how a person's name looks."""
    return 0 < len(span) <= _MAX_NAME and all(
        t.text[:1].isupper() and t.text.replace("-", "").replace("'", "").isalpha()
        and not (t.text.isupper() and len(t.text) > 1) for t in span)


def _rank_before(doc: Doc, i: int, ranks: set[tuple[str, ...]], corps: set[str]) -> bool:
    """A rank ("Jenderal Polisi"), perhaps followed by its corps ("Kombes Pol"), ends right before token i."""
    ends = [i, i - 1] if i > 0 and doc[i - 1].text in corps else [i]
    return any(j >= len(r) and tuple(t.text for t in doc[j - len(r):j]) == r for j in ends for r in ranks)


def _edit(doc: Doc, e: Span, ranks: set[tuple[str, ...]], corps: set[str],
          city_titles: set[tuple[str, ...]]) -> Span | None:
    start, end, label = e.start, e.end, e.label_
    if label in _PERSON:
        while end > start and not doc[end - 1].text[:1].isalpha():
            end -= 1
        while start < end - 1 and ((doc[start].text,) in ranks or doc[start].text in corps):
            start += 1
    elif _rank_before(doc, start, ranks, corps) and _name_like(e):
        label = "PER"
    elif label in _PLACE and end - start > 1 and doc[start].text == "Kota" and any(
            tuple(t.text for t in doc[max(0, start + 1 - len(title)):start + 1]) == title
            for title in city_titles):
        start += 1
    if start >= end:
        return None
    return e if (start, end, label) == (e.start, e.end, e.label_) else Span(doc, start, end, label=label)


def _initials(doc: Doc, i: int) -> bool:
    w = doc[i].text
    return (2 <= len(w) <= 3 and w.isalpha() and w.isupper() and i + 3 < len(doc) and doc[i + 1].text == "("
            and doc[i + 2].text.isdigit() and len(doc[i + 2].text) <= 2 and doc[i + 3].text in (")", "tahun"))


@Language.component("person_edges")
def person_edges(doc: Doc) -> Doc:
    rules = load_rules()
    ranks = {tuple(r.split()) for r in rules["ranks"]}
    corps = set(rules["rank_corps"])
    city_titles = {tuple(t.split()) for t in rules["city_titles"]}
    ents, changed = [], False
    for e in doc.ents:
        new = _edit(doc, e, ranks, corps, city_titles)
        changed |= new is not e
        if new is not None:
            ents.append(new)
    titles = {r.split()[0] for r in rules["ranks"]} | set(rules.get("speaker_titles") or ())
    for i in range(2, len(doc)):
        end = _speaker_after_verb(doc, i, titles)
        if end == i:
            continue
        same = next((e for e in ents if (e.start, e.end) == (i, end)), None)
        if same is not None and same.label_ not in _PERSON:
            ents[ents.index(same)] = Span(doc, i, end, label="PER")
            changed = True
        elif same is None and not any(e.start < end and i < e.end for e in ents):
            ents.append(Span(doc, i, end, label="PER"))
            changed = True
    taken = {i for e in ents for i in range(e.start, e.end)}
    for i in range(len(doc)):
        if i not in taken and _initials(doc, i):
            ents.append(Span(doc, i, i + 1, label="PER"))
            changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda e: e.start)
    return doc
