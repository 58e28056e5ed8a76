"""Entity edges: small corrections of the statistical NER's spans and labels, right after it.

- A person's name ends with a word: in sports and crime copy the model takes the minute or the age
  after a name into it ("Marinus Mariyanto 16 '", "Budi ( 35"); a PER entity loses trailing tokens
  that do not start with a letter.
- A name after a police or military rank is a person, and the rank is not part of it ("Kombes Argo
  Yuwono"): the model saw few ranks in training and often tags the name ORG or LOC.
- "Wali Kota Makassar": the "Kota" belongs to the title; the place is "Makassar".
- Crime copy names suspects by their initials and age, "MA ( 35 )": two or three capitals before an
  age in brackets are a person (NERGrit's and the news NER dev set's convention), where the model
  found nothing; so is a name the model read as an organisation or place before an age ("Ce Ming ( 37 )"),
  unless it is a known organisation or a country or the sentence counts points or medals (`tally_words`).
- The speaker after a quotation's speech verb is a person: `", sebut Rum ."`, `", tandas Argo ."` (one or
  two capitalised words, then the sentence or clause ends), where the model found nothing or took the
  name for an organisation or place. The speech verbs are the attribution's (`data/events/cues.yaml`,
  `attribution.postposed`), so both read the same list.
Ranks and titles are data (`data/nlp/entity_edges.yaml`).

Places (`place_edges`, after the country gazetteer):
- the actor lexicon's country names and variants are places ("Korut", "Republik Indonesia", "Kerajaan
  Inggris"), over a shorter place the model found inside them;
- a place head before a place or a run of capitalised words joins it ("Semenanjung Korea", "Samudera
  Pasifik"), and a toll road named by its two ends is one place ("Tol Jakarta - Cikampek");
- a seat of government written for its body is an organisation ("Gedung Putih menyatakan").
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

from peristiwa.util.countries import read_countries

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
    lengths = {len(r) for r in ranks}
    return any(j >= n and tuple(t.text for t in doc[j - n:j]) in ranks for j in ends for n in lengths)


def _edit(doc: Doc, e: Span, ranks: set[tuple[str, ...]], corps: set[str],
          city_titles: set[tuple[str, ...]], short_titles: frozenset[str] = frozenset()) -> Span | None:
    start, end, label = e.start, e.end, e.label_
    if label in _PERSON:
        while end > start and not doc[end - 1].text[:1].isalpha():
            end -= 1
        while start < end - 1 and ((doc[start].text,) in ranks or doc[start].text in corps):
            start += 1
        # "Raja Salman", "Gus Sholah": a title before one name word is outside it ("Raja Juli Antoni" is a name)
        if end - start == 2 and doc[start].text in short_titles and not doc[start + 1].text.isupper():
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


def _aged_names(doc: Doc, ents: list[Span], tally_words: frozenset[str]) -> list[Span] | None:
    """"Ce Ming ( 37 )", "Kadijah ( 36 )", "YIK ( 31 )": a name with an age in brackets right after it is a
    person's (crime and accident copy gives ages so), where the model read it as an organisation or a place.
    Not a known organisation or a country, and not in a sentence of `tally_words` ("poin", "medali"), where
    the number in brackets is a team's or a country's tally ("Liverpool ( 44 )")."""
    from peristiwa.nlp.org_names import known_name_set

    out, changed, tally = [], False, None
    for e in ents:
        if (e.label_ in _PLACE or e.label_ == "ORG") and e.end + 2 < len(doc) and doc[e.end].text == "(" \
                and doc[e.end + 1].text.isdigit() and len(doc[e.end + 1].text) <= 2 \
                and doc[e.end + 2].text in (")", "tahun") and len(e) <= 3 \
                and (_name_like(e) or (len(e) == 1 and 2 <= len(e.text) <= 3 and e.text.isalpha() and e.text.isupper())):
            if tally is None:
                tally = any(t.lower_ in tally_words for t in doc)
            if not tally and e.text not in known_name_set() and tuple(t.text for t in e) not in country_names():
                out.append(Span(doc, e.start, e.end, label="PER"))
                changed = True
                continue
        out.append(e)
    return out if changed else None


def _hyphenated_given_names(doc: Doc, ents: list[Span]) -> list[Span] | None:
    """"Kim Jong - un", "Choe Myong - nam", "Son Heung - min": a Korean given name written with a hyphen, which
    the tokenizer splits and the model cuts at ("Kim Jong"); the lower-case syllable after the dash is the
    person's. Not a common word ("Robert De Niro - yang ...") or a doubled word ("Yel - yel"), and only in
    text written with capitals (NERP is lower-cased throughout)."""
    from spacy.lang.id import Indonesian

    stop = Indonesian.Defaults.stop_words
    out, changed = [], False
    for e in ents:
        end = e.end
        if (e.label_ in _PERSON and end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[e.start].text[:1].isupper()
                and doc[end - 1].text[:1].isupper() and len(doc[end - 1].text) <= 6):
            syl = doc[end + 1].text
            if (syl.isalpha() and syl.islower() and 2 <= len(syl) <= 4 and syl not in stop
                    and syl != doc[end - 1].text.lower()
                    and all(x.label_ in _PERSON and (x.start, x.end) == (end + 1, end + 2)
                            for x in ents if x.start <= end + 1 < x.end)):
                out.append(Span(doc, e.start, end + 2, label=e.label_))
                changed = True
                continue
        out.append(e)
    if not changed:
        return None
    return [x for x in out if not any(y.start < x.start < y.end for y in out)]


def _cued_initials(doc: Doc, cues: set[str]) -> list[int]:
    """"berinisial SN dan RA", "tersangka R , SA , E", "Brigadir TM": one to three capitals after a word
    that introduces a suspect or after a rank are a person's initials (the press names suspects so), and so
    are more of them in a list right after; not a known organisation ("saudara KPK")."""
    from peristiwa.nlp.org_names import known_name_set

    def initials(w: str) -> bool:
        return 1 <= len(w) <= 3 and w.isalpha() and w.isupper() and w not in orgs

    orgs = known_name_set()
    found = []
    for i in range(1, len(doc)):
        if doc[i - 1].text in cues and initials(doc[i].text):
            found.append(i)
            j = i
            while j + 2 < len(doc) and doc[j + 1].text in (",", "dan") and initials(doc[j + 2].text):
                j += 2
                found.append(j)
    return found


@Language.component("person_edges")
def person_edges(doc: Doc) -> Doc:
    rules = load_rules()
    ranks = {tuple(r.split()) for r in rules["ranks"]}
    corps = set(rules["rank_corps"])
    city_titles = {tuple(t.split()) for t in rules["city_titles"]}
    short_titles = frozenset(rules.get("short_titles") or ())
    ents, changed = [], False
    for e in doc.ents:
        new = _edit(doc, e, ranks, corps, city_titles, short_titles)
        changed |= new is not e
        if new is not None:
            ents.append(new)
    titles = {r.split()[0] for r in rules["ranks"]} | set(rules.get("speaker_titles") or ())
    verbs = speech_verbs()
    lowers = [t.lower_ for t in doc]
    for i in range(2, len(doc)):
        if lowers[i - 1] not in verbs:
            continue  # the common case, without building a Token
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
    aged = _aged_names(doc, ents, frozenset(rules.get("tally_words") or ()))
    if aged is not None:
        ents, changed = aged, True
    joined = _hyphenated_given_names(doc, ents)
    if joined is not None:
        ents, changed = joined, True
    cues = set(rules.get("initials_cues") or ()) | {r for r in rules["ranks"] if " " not in r}
    for i in _cued_initials(doc, cues):
        old = next((e for e in ents if e.start <= i < e.end), None)
        if old is not None and (len(old) > 1 or old.label_ in _PERSON):
            continue
        ents = [e for e in ents if e is not old] + [Span(doc, i, i + 1, label="PER")]
        changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


# -- places -------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def country_names() -> frozenset[tuple[str, ...]]:
    """The names and variants of `data/actors/countries.tsv` written with a capital, as word tuples
    ("Korut",), ("Republik", "Indonesia"); `not_places` left out."""
    skip = set(load_rules().get("not_places") or ())
    return frozenset(tuple(name.split()) for row in read_countries() for name in row.names
                     if name[:1].isupper() and name not in skip)


def _longest(words: list[str], i: int, names: frozenset[tuple[str, ...]], longest: int) -> int:
    """End of the longest name of `names` at word i, else i."""
    for n in range(min(longest, len(words) - i), 0, -1):
        if tuple(words[i:i + n]) in names:
            return i + n
    return i


def _title_run(doc: Doc, i: int, limit: int = 3) -> int:
    """End of one to `limit` capitalised words of letters from i (no acronyms), else i."""
    j = i
    while j < len(doc) and j - i < limit and doc[j].text[:1].isupper() and doc[j].text.isalpha() \
            and not (doc[j].text.isupper() and len(doc[j].text) > 1) and not doc[j].ent_type_:
        j += 1
    return j


def _with_place(ents: list[Span], doc: Doc, start: int, end: int) -> list[Span] | None:
    """`ents` with [start, end) as one place over the places it holds whole, or None where it would cut
    another entity or take in a non-place."""
    inside = [e for e in ents if e.start < end and start < e.end]
    if any(e.start < start or e.end > end or e.label_ not in _PLACE for e in inside):
        return None
    return [e for e in ents if e not in inside] + [Span(doc, start, end, label="LOC")]


@lru_cache(maxsize=1)
def _place_rules() -> tuple[frozenset, frozenset, frozenset, frozenset, int, frozenset[str]]:
    """institutions, country names, place heads, road heads (word tuples), the longest name, and every
    word that starts one of the first three (a word that starts none is skipped at once)."""
    rules = load_rules()
    institutions = frozenset(tuple(x.split()) for x in rules.get("institutions") or ())
    heads = frozenset(tuple(x.split()) for x in rules.get("place_heads") or ())
    roads = frozenset(tuple(x.split()) for x in rules.get("road_heads") or ())
    names = country_names()
    firsts = frozenset(t[0] for t in (*institutions, *names, *heads))
    return institutions, names, heads, roads, max(map(len, names), default=1), firsts


@Language.component("place_edges")
def place_edges(doc: Doc) -> Doc:
    institutions, names, heads, roads, longest, firsts = _place_rules()
    words = [t.text for t in doc]
    ents = list(doc.ents)
    i = 0
    while i < len(words):
        if words[i] not in firsts:
            i += 1
            continue
        end = _longest(words, i, institutions, 3)
        if end > i:
            inside = [e for e in ents if e.start < end and i < e.end]
            if all(i <= e.start and e.end <= end for e in inside):
                ents = [e for e in ents if e not in inside] + [Span(doc, i, end, label="ORG")]
            i = end
            continue
        end = _longest(words, i, names, longest)
        if end > i:
            # a name the model labelled otherwise keeps its label: NERGrit writes "Duta Besar RI" with an ORG
            if not any((e.start, e.end) == (i, end) for e in ents):
                ents = _with_place(ents, doc, i, end) or ents
            i = end
            continue
        end = _longest(words, i, heads, 2)
        if end > i and not (i > 0 and words[i - 1][:1].isupper()):
            place = next((e for e in ents if e.start == end and e.label_ in _PLACE), None)
            stop = place.end if place is not None else _title_run(doc, end)
            if stop > end:
                ents = _with_place(ents, doc, i, stop) or ents
                i = stop
                continue
        i += 1
    road_words = {r[0].lower() for r in roads}
    if any(w.lower() in road_words for w in words):
        ents = _roads(doc, ents, roads)
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def _roads(doc: Doc, ents: list[Span], roads: frozenset[tuple[str, ...]]) -> list[Span]:
    """"Tol Jakarta - Cikampek": a place opened by a road word, or right after one, and the place after a
    dash are one place, with the road word when it is capitalised ("tol Padang - Pekanbaru": the ends
    alone, as the news NER dev set writes it)."""
    lower = [t.lower_ for t in doc]
    heads = {tuple(w.lower() for w in r) for r in roads}
    places = sorted((e for e in ents if e.label_ in _PLACE), key=lambda e: e.start)
    out = list(ents)
    for a, b in zip(places, places[1:], strict=False):
        if b.start != a.end + 1 or doc[a.end].text not in ("-", "–") or a not in out:
            continue
        start = a.start
        inner = next((len(h) for h in heads if tuple(lower[a.start:a.start + len(h)]) == h), 0)
        outer = next((len(h) for h in heads if a.start >= len(h) and tuple(lower[a.start - len(h):a.start]) == h), 0)
        if inner and not doc[a.start].text[:1].isupper():
            start += inner
        elif outer and doc[a.start - outer].text[:1].isupper():
            start -= outer
        elif not inner and not outer:
            continue
        out = [e for e in out if e is not a and e is not b] + [Span(doc, start, b.end, label=a.label_)]
    return out
