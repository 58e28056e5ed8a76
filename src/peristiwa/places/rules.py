"""Where an event happened: the rules of peristiwa.places (its docstring gives the order of preference).

The gazetteer comes in as an argument, never loaded here: the Gazetteer's own `locate` method calls into
this module, and this module imports the gazetteer's types only for annotations, so the two make no circle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.attrs import ORTH

from peristiwa.places.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from peristiwa.actors import DocActors
    from peristiwa.places.gazetteer import Gazetteer, Place, PlaceMention
    from peristiwa.schema import Article, Location

# The place stage's vocabulary (prepositions, place nouns, clause breaks): data/places/words.yaml.
# _TIE_DEPS below stays: UD dependency labels are the parser's scheme, not vocabulary.
W = words()
_TIE_DEPS = {"obl", "obl:tmod", "obl:arg", "nmod", "obj", "iobj", "flat", "flat:name", "compound", "appos", "conj",
             "advcl", "xcomp"}

# the NER labels of a place: the Indonesian model's LOC, the English model's GPE, LOC and FAC
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})

_cache: dict[int, tuple[Doc, list[PlaceMention]]] = {}


def places_in(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """All gazetteer names in the document (computed once per Doc)."""
    hit = _cache.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    strings = doc.vocab.strings
    found = gazetteer.find([strings[o] for o in doc.to_array(ORTH).tolist()])
    _cache.clear()  # one document at a time: the coder asks for every event of the same Doc
    _cache[id(doc)] = (doc, found)
    return found


def home_country(lang: str) -> str | None:
    """The country a text in `lang` makes the likelier one (data/places/words.yaml `home_country`), or None."""
    home = W.home_country.get(lang)
    return home[0] if home else None


def named_places(doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(start, end, country) of each town or region of `doc` whose gazetteer readings all lie in one country and
    that the NER reads as a whole place, or a place noun and the place ("Semarang", "Kota Semarang"; not the town
    Balboa inside a housing estate's name, "Balboa Estate"). Countries are left out: actor mentions name them."""
    whole: set[tuple[int, int]] = set()
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            start = ent.start
            while start < ent.end - 1 and doc[start].lower_ in W.place_nouns:
                whole.add((start, ent.end))
                start += 1
            whole.add((start, ent.end))
    groups: dict[tuple[int, int], set[str]] = {}
    for pm in places_in(doc, gazetteer):
        if (pm.start, pm.end) in whole:
            groups.setdefault((pm.start, pm.end), set()).add("" if pm.place.kind == "country" else pm.place.country)
    return [(start, end, next(iter(cs))) for (start, end), cs in groups.items() if len(cs) == 1 and "" not in cs]


def _preposition(doc: Doc, start: int, sent_start: int, words: set[str] = W.locative) -> bool:
    i = start - 1
    while i >= sent_start and doc[i].lower_ in W.place_nouns:
        i -= 1
    return i >= sent_start and doc[i].lower_ in words




def _named_place(doc: Doc, start: int, end: int) -> bool:
    """Whether the NER read the name as a place (always, for a Doc without NER). Without a preposition a
    gazetteer name needs this: one the NER left alone or read as something else is a word that only looks
    like a town ("Kasubdit Harda", Harda in India; "Surat Ketetapan Pajak", Surat in India; "Pemprov Banten")."""
    if not doc.has_annotation("ENT_IOB"):
        return True
    return any(doc[i].ent_type_ in PLACE_LABELS for i in range(start, end))


def _clause_between(doc: Doc, a: int, b: int) -> bool:
    lo, hi = (a, b) if a < b else (b, a)
    return any(doc[i].lower_ in W.clause_breaks for i in range(lo + 1, hi))


def _tied(doc: Doc, start: int, end: int, trigger_i: int) -> bool:
    if not doc.has_annotation("DEP"):
        return False
    tok = doc[start]
    for i in range(start, end):  # the name's own head inside the span
        if not (start <= doc[i].head.i < end) or doc[i].head.i == i:
            tok = doc[i]
            break
    for _ in range(3):
        if tok.dep_ not in _TIE_DEPS and tok.dep_.split(":")[0] not in _TIE_DEPS:
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == trigger_i:
            return True
    return False


def _choose(places: list[Place], sent_countries: set[str], doc_countries: set[str], home: str | None) -> Place:
    """The reading of an ambiguous name: a country the sentence's actors name, then the document's, then a
    country's own name ("Cina" is China, not the Indonesian district), then a place of the text's language
    other than a district ("Flores" in Indonesian text is the island, not the Brazilian town; a district's
    name is too often a foreign town's too: "Kajang"), then size."""
    return max(places, key=lambda p: (p.country in sent_countries, p.country in doc_countries, p.kind == "country",
                                      p.country == home and p.kind != "district", p.population))


def object_place(sent: Span, trigger_i: int, actors: DocActors | None, gazetteer: Gazetteer, *,
                 aimed: bool = False) -> PlaceMention | None:
    """A place the act at `trigger_i` is done to ("menyerang kota Aleppo", "membombardir Rafah"): a gazetteer
    place after the trigger, tied to it in the parse as its object, with no locative word before it ("di
    Aleppo" is where, not what) and no actor over it (a country named as an actor is one already). `aimed`:
    an `aimed_at` preposition may introduce it ("serangan udara ke Gaza", "serangan terhadap Khan Younis")."""
    doc = sent.doc
    best = None
    for pm in places_in(doc, gazetteer):
        if not (trigger_i < pm.start < sent.end) or not pm.place.country or pm.start - trigger_i > 5:
            continue
        if not _tied(doc, pm.start, pm.end, trigger_i) or not _named_place(doc, pm.start, pm.end):
            continue
        if _preposition(doc, pm.start, sent.start) and not (aimed and _preposition(doc, pm.start, sent.start,
                                                                                   W.aimed_at)):
            continue
        if actors is not None and actors.covering(pm.start) is not None:
            continue
        if best is None or pm.start < best.start:
            best = pm
    return best


def locate(sent: Span, trigger_i: int, actors: DocActors | None, article: Article | None,
           gazetteer: Gazetteer) -> Location | None:
    """The event's place in `sent` for the trigger at token `trigger_i`, or None (rules: peristiwa.places)."""
    doc = sent.doc
    groups: dict[tuple[int, int], list[Place]] = {}
    for pm in places_in(doc, gazetteer):
        if sent.start <= pm.start < sent.end:
            groups.setdefault((pm.start, pm.end), []).append(pm.place)
    if not groups:
        return None
    best_key, best = None, None
    for (start, end), places in groups.items():
        sent_countries: set[str] = set()
        doc_countries: set[str] = set()
        if actors is not None and len({p.country for p in places}) > 1:
            for m in actors.mentions:
                if m.start < end and start < m.end:
                    continue  # the ambiguous name itself, read as a capital, says nothing
                doc_countries.add(m.actor.country)
                if sent.start <= m.start < sent.end:
                    sent_countries.add(m.actor.country)
        place = _choose(places, sent_countries, doc_countries, home_country(doc.lang_))
        prep = _preposition(doc, start, sent.start)
        tied = _tied(doc, start, end, trigger_i)
        is_actor = actors is not None and actors.covering(start) is not None
        if not prep and not (tied and not is_actor and _named_place(doc, start, end)):
            continue
        if place.kind == "country" and not _preposition(doc, start, sent.start, W.at):
            continue  # "dukungan dari UEA", "senjata ke Libya": a direction, not where it happened
        if not tied and _clause_between(doc, start, trigger_i):
            continue  # "..., sementara LNA menerima dukungan dari UEA" belongs to the other clause
        distance = min(abs(start - trigger_i), abs(end - 1 - trigger_i))
        key = (tied and prep, tied, place.kind != "country", -distance)
        if best_key is None or key > best_key:
            best_key, best = key, place
    return best.location() if best else None
