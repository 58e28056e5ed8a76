"""The Indonesian event coder with a learned model: rules propose, the model decides.

Per document: the resolver finds actor mentions once; per sentence the event lexicon marks what words can
mean, the rule coder says what it would code, and the trained model (events.model) picks triggers and
participants with those as features. Participants become actors (a mention, or the noun phrase around
the chosen word), actors without a country take one from context (actors.context), and each event gets
modality, attribution, date, place and a calibrated confidence.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc, Span

from peristiwa.actors.context import article_country, fill_countries, sentence_country
from peristiwa.events.attribution import attribution_for, find_attributions
from peristiwa.events.calibration import Calibrator, event_features, with_modality
from peristiwa.events.coder import IndonesianCoder, _inside_mention, _sentences
from peristiwa.events.countries import fill_from_sentence
from peristiwa.events.features import (
    LexiconSimilarity,
    SentenceView,
    TokenTable,
    lexicon_by_token,
)
from peristiwa.events.gold import span_head
from peristiwa.events.labels import event_label, label_code, label_quad, label_type
from peristiwa.events.matcher import find_triggers, words_of
from peristiwa.events.modality import modality_of
from peristiwa.events.model import MODEL_DIR, EventModel, Predicted
from peristiwa.events.participants import actors_of
from peristiwa.ontology import event_types, lookup
from peristiwa.places import dateline_country, home_country, named_places
from peristiwa.schema import Actor, Article, Event, Quote
from peristiwa.schema import Span as TextSpan
from peristiwa.util.repeats import without_repeats

# Which event types a rule applies to: data/events/types.yaml.
T = event_types()

# The country of the outlets this coder reads: generic actors of an Indonesian article are Indonesian
# unless the article or the sentence is about another state (actors.context).
HOME = home_country("id") or "IDN"


class LearnedCoder:
    def __init__(self, rules: IndonesianCoder | None = None, model: EventModel | None = None,
                 calibrator: Calibrator | None = None, nlp=None) -> None:
        self.rules = rules or IndonesianCoder()
        self.model = model
        self.calibrator = calibrator
        self.nlp = nlp
        self.similar: LexiconSimilarity | None = None

    @classmethod
    def load(cls, path: Path = MODEL_DIR) -> LearnedCoder:
        return cls(model=EventModel.load(path), calibrator=Calibrator.load(path))

    @classmethod
    def for_training(cls) -> LearnedCoder:
        from peristiwa.nlp import load_model

        return cls(nlp=load_model("id"))

    # -- what the model reads ---------------------------------------------------------------------------
    def views(self, doc: Doc, article: Article, *, rules: bool = True, actors=None,
              quotes: list[Quote] | None = None) -> list[SentenceView]:
        """The sentences as the model reads them; `quotes`: the document's quotations when already found
        (the event stage finds them once and reports the same list)."""
        rc = self.rules
        if actors is None:
            actors = rc.resolver.annotate(doc, article.published)
        doc_key = _doc_key(doc, article)
        home = _home(actors, article, doc)
        if quotes is None:
            quotes = self._quotes(doc, article, actors)
        table = TokenTable.of(doc)
        out = []
        for si, sent in enumerate(_sentences(doc)):
            out.append(self._view(doc, sent, si, actors, article, doc_key, rules, home, quotes, table))
        return out

    def _quotes(self, doc: Doc, article: Article, actors) -> list[Quote]:
        from peristiwa.events.quotes import find_quotes

        return find_quotes(doc, article.text, actors, self.rules.lex.cues)

    def _view(self, doc: Doc, sent: Span, si: int, actors, article: Article, doc_key: str,
              rules: bool, home: str, quotes: list[Quote], table: TokenTable) -> SentenceView:
        rc = self.rules
        words = words_of(doc, sent.start, sent.end)
        matches = [m for m in find_triggers(doc, words, rc.lex) if not _inside_mention(actors, m.start, m.end)]
        view = SentenceView(doc, sent.start, sent.end, actors, table, lexicon_by_token(matches),
                            similar=self._similar(doc), home=home)
        mentions = actors.in_span(sent.start, sent.end)
        view.n_mentions = len(mentions)
        view.words = words
        view.blocked = _blocked(words, rc.lex)
        view.quotes = [(q.start, q.end, q.speaker) for q in quotes if q.start < sent.end_char and sent.start_char < q.end]
        view.attributions = find_attributions(doc, words, mentions, rc.lex.cues, earlier=actors.mentions)
        for a in view.attributions:
            if a.speaker is not None:
                view.speakers.update(range(a.speaker.start, a.speaker.end))
        if rules and matches:
            # the rule coder reads the same words and matches: found once, here
            for ev in rc._sentence(doc, sent, si, actors, article, doc_key, found_words=(words, matches)):
                t = _token_at(doc, ev.trigger.start, ev.trigger.end)
                if t is None:
                    continue
                view.rule_events.append((t, ev))
                view.rule_types.setdefault(t, ev.event)
                for side, group in (("src", ev.actor), ("tgt", ev.recipient)):
                    for a in group:
                        c = _token_at(doc, a.start, a.end)
                        if c is not None:
                            m = actors.covering(c)
                            view.rule_roles[(t, m.head if m is not None else c)] = side
        return view

    def _similar(self, doc: Doc) -> LexiconSimilarity:
        if self.similar is None:
            self.similar = LexiconSimilarity(self.rules.lex, doc.vocab)
        return self.similar

    # -- coding -----------------------------------------------------------------------------------------
    def code(self, doc: Doc, article: Article, actors=None) -> tuple[list[Quote], list[Event]]:
        rc = self.rules
        if actors is None:
            actors = rc.resolver.annotate(doc, article.published)
        quotes = self._quotes(doc, article, actors)
        doc_key = _doc_key(doc, article)
        home = _home(actors, article, doc)
        table = TokenTable.of(doc)
        rules = self.model.settings.rules
        views = [self._view(doc, sent, si, actors, article, doc_key, rules, home, quotes, table)
                 for si, sent in enumerate(_sentences(doc))]
        scores = self.model.trigger_scores(views)
        events: list[Event] = []
        for si, (view, scored) in enumerate(zip(views, scores, strict=True)):
            events += self.events_of(view, si, article, doc_key, scored)
        return quotes, events

    def events_of(self, view: SentenceView, si: int, article: Article, doc_key: str, scored=None,
                  predicted: list[Predicted] | None = None) -> list[Event]:
        keep = self.model.settings.keep
        kept = [ev for ev, _ in self.candidates(view, si, article, doc_key, scored, predicted)
                if ev.confidence >= keep]
        return demanded_acts(without_repeats(kept), article.text, self.rules.lex.cues.demand_links)

    def candidates(self, view: SentenceView, si: int, article: Article, doc_key: str, scored=None,
                   predicted: list[Predicted] | None = None) -> list[tuple[Event, list[float]]]:
        """Every event the model proposes and every rule event it did not propose itself, with the
        features their confidence is computed from: the rules propose, the calibrated model decides.
        `predicted`: the sentence's triggers with their roles, when components found them already."""
        assert self.model is not None, "no event model loaded"
        if predicted is None:
            predicted = self.model.predict(view, scored)
        window = self.model.settings.window
        n_events = len(predicted) + len(view.rule_events)
        out = [self._event(view, si, p, article, doc_key, _twin(view, p, window), n_events) for p in predicted]
        for t, ev in view.rule_events:
            if any(abs(p.trigger - t) < window and label_quad(p.label) == ev.quad for p in predicted):
                continue
            out.append(self._rule_event(view, t, ev, len(predicted) + len(view.rule_events)))
        return self._asked_for(out, article.text)

    def _asked_for(self, out: list[tuple[Event, list[float]]], text: str) -> list[tuple[Event, list[float]]]:
        """A candidate that follows a proposed request through a link word ("meminta LNA untuk mengakhiri
        ofensifnya") is scored as demanded, the modality `demanded_acts` gives it on output: the calibrator
        weighs it as an act asked for, not as a plan of its own ("untuk" alone reads as intended)."""
        links = self.rules.lex.cues.demand_links
        asks = [e for e, _ in out if e.event == "REQUEST"]
        if not asks:
            return out
        res = []
        for ev, feats in out:
            if ev.modality not in ("negated", "demanded") and asking_event(ev, asks, text, links) is not None:
                ev = replace(ev, modality="demanded")
                feats = with_modality(feats, "demanded")
                if self.calibrator is not None:
                    ev = replace(ev, confidence=round(self.calibrator.probability(feats), 3))
            res.append((ev, feats))
        return res

    def _known(self, view: SentenceView, i: int) -> bool:
        known = self.model.known
        return known is None or view.t.lower[i] in known or view.t.lemma[i] in known

    def _rule_event(self, view: SentenceView, t: int, ev: Event, n_events: int) -> tuple[Event, list[float]]:
        """A rule-coded event scored by the model: how likely its word is a trigger of its type, and its
        participants' role probabilities."""
        model = self.model
        label = event_label(ev.event, ev.cameo[:2])
        p_event, p_label = model.word_score(view, t, label)
        roles = {c: (ps, pt) for c, ps, pt in model.role_scores(view, t, label)}
        p = Predicted(t, label, p_event, p_label)
        p.best_src = max((roles.get(_token_at(view.doc, a.start, a.end), (0.0, 0.0))[0] for a in ev.actor), default=0.0)
        p.best_tgt = max((roles.get(_token_at(view.doc, a.start, a.end), (0.0, 0.0))[1] for a in ev.recipient),
                         default=0.0)
        m = view.lexicon.get(t)
        feats = event_features(p, ev.actor, ev.recipient, ev.event, ev.quad, m.pattern.event if m else "",
                               ev.event, from_rules=True, modality=ev.modality, pos=view.t.pos[t],
                               n_events=n_events, attributed=ev.attribution is not None,
                               known=self._known(view, t), home=view.home)
        conf = round(self.calibrator.probability(feats), 3) if self.calibrator else ev.confidence
        return replace(ev, confidence=conf), feats

    def _event(self, view: SentenceView, si: int, p: Predicted, article: Article, doc_key: str,
               rule: Event | None = None, n_events: int = 1) -> tuple[Event, list[float]]:
        """The event of a model prediction. `rule`: the rule coder's event at the same word and quad class,
        which fills a side the model left empty (the rules read constructions such as a passive subject or a
        causative's object that the model rarely saw) and names the act more exactly (its CAMEO code)."""
        doc = view.doc
        rc = self.rules
        sent = doc[view.start:view.end]
        critic_names: set[str] = set()
        if critics := _critic_sources(view, p):
            kept = [s for s in p.sources if s[0] not in critics]
            if kept or (rule is not None and rule.actor):
                p = replace(p, sources=kept)  # the other authors, or the rules' author of the act, stand
            else:
                # no other author is named: the act is left without one on output, and its confidence stays the
                # one the model gave it as proposed (a critic taken out cannot make the act less right)
                critic_names = {a.name for c in critics for a in actors_of(view, c)}
        src = _unique([a for c, _ in p.sources for a in actors_of(view, c)])
        tgt = _unique([a for c, _ in p.targets for a in actors_of(view, c) if all(a.name != b.name for b in src)])
        if rule is not None and self.model.settings.rule_sides:
            src = src or [replace(a) for a in rule.actor]
            tgt = tgt or [replace(a) for a in rule.recipient if all(a.name != b.name for b in src)]
        quad = label_quad(p.label)
        named = {m.actor.country for m in view.actors.in_span(view.start, view.end) if m.actor.country}
        location = rc._place(sent, p.trigger, view.actors, article)
        src, tgt = _without_place(src, location), _without_place(tgt, location)
        if quad == 4 and (place := rc._object_place(sent, p.trigger, view.actors,
                                                    label_type(p.label) in T.aimed_acts)) is not None:
            # "Israel membombardir kota Rafah": the place attacked, with its country, is the target (also when
            # the model chose the place's name itself, which as a bare name has no country of its own)
            tgt = [place if not a.country and a.start < place.end and place.start < a.end else a for a in tgt] \
                or [place]
        if any(not a.country for a in (*src, *tgt)):
            where = location.country if location is not None and location.country else ""
            src, tgt = fill_countries(src, tgt, named, quad, where)
            here = sentence_country(named, view.home)
            if self.model.countries is not None:
                src = fill_from_sentence(self.model.countries, view, src, here)
                tgt = fill_from_sentence(self.model.countries, view, tgt, here)
            else:
                src = [a if a.country or not here else replace(a, country=here) for a in src]
                tgt = [a if a.country or not here else replace(a, country=here) for a in tgt]
        event = label_type(p.label)
        cameo = label_code(p.label)
        m = view.lexicon.get(p.trigger)
        if m is not None and m.pattern.event == event and m.pattern.cameo and lookup(m.pattern.cameo).quad == quad:
            cameo = m.pattern.cameo
        if rule is not None and self.model.settings.rule_type:
            event, cameo = rule.event, rule.cameo
        row = lookup(cameo)
        lo, hi = (m.start, m.end) if m is not None and m.start <= p.trigger < m.end else (p.trigger, p.trigger + 1)
        start_char, end_char = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        words = view.words
        w_idx = next((k for k, w in enumerate(words) if w.start <= lo < w.end), 0)
        modality = (m.pattern.modality if m is not None and m.pattern.modality else "") or \
            modality_of(words, w_idx, rc.lex.cues, {x.start for x in view.actors.in_span(view.start, view.end)})
        speaker = attribution_for(lo, view.attributions)
        if view.date is None:
            view.date = rc._date(sent, article)
        date, precision = view.date
        feats = event_features(p, src, tgt, event, quad, m.pattern.event if m is not None else "",
                               view.rule_types.get(p.trigger, ""), from_rules=False, modality=modality,
                               pos=view.t.pos[p.trigger], n_events=n_events, attributed=speaker is not None,
                               known=self._known(view, p.trigger), home=view.home)
        confidence = round(self.calibrator.probability(feats), 3) if self.calibrator else round(p.p_event, 3)
        if critic_names:
            src = [a for a in src if a.name not in critic_names]
        # after the features: the calibrator was fitted on the participants as proposed
        if view.mention_kinds is None:
            view.mention_kinds = {(x.actor.start, x.actor.end): x.kind for x in view.actors.in_span(view.start, view.end)}
        src, tgt = _without_containers(src, view.mention_kinds), _without_containers(tgt, view.mention_kinds)
        return Event(
            id=hashlib.sha1(f"{doc_key}:{si}:{start_char}".encode()).hexdigest()[:16], sentence=si,
            text=sent.text, event=event, cameo=cameo, quad=quad, goldstein=row.goldstein,
            trigger=TextSpan(article.text[start_char:end_char], start_char, end_char),
            mode=[row.mode] if row.mode else [], context=list(row.context), actor=src, recipient=tgt,
            modality=modality, attribution=replace(speaker.actor) if speaker is not None else None,
            date=date, date_precision=precision, location=location, confidence=confidence), feats



def asking_event(e: Event, events: list[Event], text: str, links: set[str]) -> Event | None:
    """The request an act is asked through: the nearest REQUEST before it, with a link word ("untuk",
    "agar") among at most ten words between them."""
    ask = max((r for r in events if r.event == "REQUEST" and r.trigger.end <= e.trigger.start),
              key=lambda r: r.trigger.end, default=None)
    if ask is None:
        return None
    between = text[ask.trigger.end:e.trigger.start].lower().split()
    if len(between) > 10 or not any(w.strip(",.") in links for w in between):
        return None
    return ask


def demanded_acts(events: list[Event], text: str, links: set[str]) -> list[Event]:
    """'X meminta Y untuk mengakhiri serangan': an act that follows a request through a link word is
    demanded, not done; with no source of its own it is asked of the request's target (the guideline codes
    both the request and the demanded act)."""
    events = sorted(events, key=lambda e: e.trigger.start)
    for k, e in enumerate(events):
        if e.modality == "negated":
            continue
        ask = asking_event(e, events[:k], text, links)
        if ask is None:
            continue
        e.modality = "demanded"
        if not e.actor and ask.recipient:
            e.actor = [replace(a) for a in ask.recipient]
    return events


def _twin(view: SentenceView, p: Predicted, window: int) -> Event | None:
    """The rule coder's event at the prediction's word (or next to it) in the same quad class."""
    return next((ev for t, ev in view.rule_events
                 if abs(t - p.trigger) < window and ev.quad == label_quad(p.label)), None)


def _blocked(words: list, lex) -> set[int]:
    """Tokens whose lexicon entry names the next word as making them no event ("menahan diri", object_not in
    verbs.yaml): the model does not propose them either."""
    out: set[int] = set()
    for k in range(len(words) - 1):
        w, nxt = words[k], words[k + 1]
        if any(nxt.alt in p.objects_not for p in (*lex.index.get(w.text, ()), *lex.index.get(w.alt, ()))):
            out.add(w.start)
    return out


def _critic_sources(view: SentenceView, p: Predicted) -> set[int]:
    """'Liga Arab mengecam serangan Israel ...': the model gave the act named by a noun to the subject of the
    verbal act (criticism, rejection, a call) the noun is the object of, alone or beside the act's author.
    The one who condemns an attack is not its author: the source tokens that are that subject (neutral in
    cross-validation on the training split, where the construction is rare; frequent in wire copy and
    headlines)."""
    t = view.t
    i = p.trigger
    h = t.head[i]
    if not p.sources or t.pos[i] != "NOUN" or h == i:
        return set()
    m = view.lexicon.get(h)
    if m is None or m.light is not None or m.pattern.event not in T.comments_on_acts:
        return set()
    subj = [c for c in t.children[h] if t.dep[c] == "nsubj"]
    mentions = {id(x) for c in subj if (x := view.actors.covering(c)) is not None}
    return {c for c, _ in p.sources if c in subj or id(view.actors.covering(c)) in mentions}


def _without_place(side: list[Actor], location) -> list[Actor]:
    """One side's participants less the event's own place ("menculik 20 pelajar ... di Kaduna": the students,
    not Kaduna; "Polisi di Karachi menangkap ...": the police, not Karachi), unless the place is the only one
    (an attack "ke Gaza" is on Gaza)."""
    if location is None or len(side) < 2:
        return side
    name = location.name.casefold()
    kept = [a for a in side if a.text.casefold() != name]
    return kept or side


def _home(actors, article: Article, doc: Doc) -> str:
    """The article's own country: a foreign dateline's ("Dhaka (ANTARA) -": Bangladesh, where the reporter
    files from and the story mostly happens), else the outlet's home, unless a state its actors name dominates."""
    return article_country(actors.mentions, dateline_country(article.dateline_place) or HOME, named_places(doc))


def _doc_key(doc: Doc, article: Article) -> str:
    return str(doc.user_data.get("doc_id") or hashlib.sha1(article.text.encode()).hexdigest()[:16])


def _token_at(doc: Doc, start: int, end: int) -> int | None:
    t = span_head(doc, start, end)
    return None if t is None else t.i


def _without_containers(actors: list[Actor], mentions: dict[tuple[int, int], str]) -> list[Actor]:
    """One participant once: a noun phrase the role model chose around an actor of the resolver it also chose
    ("Bapak Presiden" beside "Presiden", "organisasi HAM Amnesty International" beside "Amnesty
    International") is that actor. `mentions`: the sentence's resolver mentions, (start, end) -> kind. A
    resolver's own mention stays ("Ketua The Fed Jerome Powell"), and so does a phrase around a state's name,
    which is often a body of that state ("Danone Indonesia", "bank sentral AS")."""
    def named_inside(b: Actor, a: Actor) -> bool:
        kind = mentions.get((b.start, b.end))
        return (a.start <= b.start and b.end <= a.end and (a.start, a.end) != (b.start, b.end)
                and kind is not None and kind not in ("country", "metonym", "ner") and bool(b.sector)
                and (b.country == a.country or not a.country))

    return [a for a in actors
            if (a.start, a.end) in mentions or not any(named_inside(b, a) for b in actors if b is not a)]


def _unique(actors: list[Actor]) -> list[Actor]:
    """One actor once per side: "Kami" in Pompeo's quotation and "Pompeo" are the same participant."""
    out, seen = [], set()
    for a in actors:
        key = (a.name, a.country)
        if key not in seen:
            seen.add(key)
            out.append(replace(a))
    return out
