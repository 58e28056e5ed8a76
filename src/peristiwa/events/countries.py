"""The country of a participant nothing names a country for: a learned choice between the article's own
country and each state its sentence names.

"Pengunjuk rasa" beside a foreign prime minister, an unknown town beside two states, a party's member in a
sentence on a foreign visit: the rules of actors.context give such a participant the sentence's one
foreign state, else the article's country. Read on the training split, that rule is wrong in both
directions: a sentence naming one foreign state often still speaks of Indonesians (the Indonesian
embassy's citizens in Egypt), and one naming two states leaves the participant with the article's
country where it is one of the two. The chooser scores every candidate country of a participant with a
binary linear model (events.linear) over where the state is named (how far from the participant, in its
phrase, above it, beside it on the same head), what the participant is (its head word's lemma, sector,
mention kind, capital letter, dependency) and how many states the sentence names, and takes the best. It is
trained (events.train) on the participants of the training gold whose actor has no country of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from peristiwa.actors.context import NON_STATE
from peristiwa.events.features import SentenceView
from peristiwa.events.gold import GoldEvent, range_head, span_head
from peristiwa.events.linear import LinearModel
from peristiwa.events.participants import actors_of
from peristiwa.places import PLACE_LABELS, places_in
from peristiwa.schema import Actor

YES = "yes"


def _distance(d: int) -> str:
    return "1" if d <= 2 else "3" if d <= 5 else "6" if d <= 10 else "11" if d <= 20 else "far"


def state_mentions(view: SentenceView) -> list:
    """The sentence's actor mentions that name a state."""
    return [m for m in view.actors.in_span(view.start, view.end) if m.actor.country not in NON_STATE]


def candidates(view: SentenceView, mentions: list) -> list[str]:
    """The countries a participant may take: the article's own and each state the sentence names."""
    return sorted({m.actor.country for m in mentions} | ({view.home} - NON_STATE))


def country_features(view: SentenceView, head: int, actor: Actor, country: str, mentions: list) -> list[str]:
    """Features of `country` as the country of the participant whose head word is `head`."""
    doc, t = view.doc, view.t
    home = country == view.home
    named = {m.actor.country for m in mentions}
    n_foreign = len(named - {view.home})
    m = view.actors.covering(head)
    tag = f"|home={home}"
    out = [f"home={home}", f"nf={min(n_foreign, 3)}{tag}", f"idn_named={'IDN' in named}{tag}",
           f"kind={m.kind if m is not None else 'np'}{tag}", f"sector={actor.sector}{tag}",
           f"cap={doc[head].text[:1].isupper()}{tag}", f"dep={t.dep[head]}{tag}",
           # the word itself: an unqualified "Presiden" or "Polri" is the article's own, "warga" often not
           f"lemma={t.lemma[head]}{tag}"]
    same = [x for x in mentions if x.actor.country == country]
    if not same:
        return [*out, "unnamed"]
    near = min(same, key=lambda x: abs(x.head - head))
    below = {w.i for w in doc[head].subtree}
    above = {w.i for w in doc[head].ancestors}
    out += [f"dist={_distance(abs(near.head - head))}", f"before={near.head < head}", f"ckind={near.kind}",
            f"n_ment={min(len(same), 3)}"]
    if any(x.head in below for x in same):
        out.append("in_phrase")
    if any(x.head in above for x in same):
        out.append("above")
    if any(t.head[x.head] == t.head[head] for x in same):
        out.append("sibling")
    return out


def choose(model: LinearModel, view: SentenceView, head: int, actor: Actor, mentions: list | None = None) -> str:
    """The most likely country of a participant without one (the article's country when the sentence
    names no other state); `mentions`: the sentence's state_mentions, when already found."""
    if mentions is None:
        mentions = state_mentions(view)
    cands = candidates(view, mentions)
    if len(cands) <= 1:
        return cands[0] if cands else ""
    probs = model.proba_many([country_features(view, head, actor, c, mentions) for c in cands])
    k = model.labels.index(YES)
    return cands[int(probs[:, k].argmax())]


def training_rows(view: SentenceView, gold: Sequence[GoldEvent]) -> tuple[list[list[str]], list[str]]:
    """(features, "yes" | "no") of every candidate country of every gold participant with a known country
    whose actor names none, for a sentence's aligned gold events (events.gold.align) and its view."""
    mentions = state_mentions(view)
    cands = candidates(view, mentions)
    X: list[list[str]] = []
    y: list[str] = []
    if len(cands) <= 1:
        return X, y
    for g in gold:
        for span in (*g.sources, *g.targets):
            country = g.countries.get(span, "")
            h = range_head(view.doc, span) if country else None
            if h is None or not view.start <= h.i < view.end:
                continue
            found = actors_of(view, h.i)
            if not found or found[0].country:
                continue
            for c in cands:
                X.append(country_features(view, h.i, found[0], c, mentions))
                y.append(YES if c == country else "no")
    return X, y


def head_of(view: SentenceView, actor: Actor) -> int | None:
    """The head word of an actor's text in the sentence."""
    h = span_head(view.doc, actor.start, actor.end)
    return h.i if h is not None and view.start <= h.i < view.end else None


def place_country(view: SentenceView, head: int) -> str:
    """The country of the place a participant's head word names ("kota Kharkiv" attacked, "Gaza utara"), when
    the gazetteer gives that name one country: a place is in its own country, whichever states the sentence
    names (the chooser's candidates are only those). Not for a word the NER read as something else than a place:
    "Iskandar Muda" is a person (and a Kodam), not the Uzbek town Iskandar."""
    word = view.doc[head]
    if not word.text[:1].isupper() or word.ent_type_ and word.ent_type_ not in PLACE_LABELS:
        return ""
    found = {pm.place.country for pm in places_in(view.doc) if pm.start <= head < pm.end and pm.place.country}
    return next(iter(found)) if len(found) == 1 else ""


def fill_from_sentence(model: LinearModel, view: SentenceView, actors: Sequence[Actor], fallback: str) -> list[Actor]:
    """`actors` with a chosen country for those that have none: a named place's own, else the chooser's;
    `fallback` for one whose words are not found in the sentence."""
    out = []
    mentions = None  # the sentence's states, found once for all its participants without a country
    for a in actors:
        if a.country:
            out.append(a)
            continue
        head = head_of(view, a)
        if head is not None and mentions is None:
            mentions = state_mentions(view)
        country = (place_country(view, head) or choose(model, view, head, a, mentions)) if head is not None \
            else fallback
        out.append(replace(a, country=country) if country else a)
    return out
