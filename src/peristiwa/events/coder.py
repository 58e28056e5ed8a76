"""The Indonesian event coder: triggers, roles, modality, attribution, date and place -> Event records."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from peristiwa.actors.context import fill_countries
from peristiwa.events.attribution import attribution_for, find_attributions
from peristiwa.events.filters import Candidate, FilterContext, merge_events, run_filters
from peristiwa.events.lexicon import EventLexicon, Pattern, load_lexicon
from peristiwa.events.matcher import BOUNDARY, Match, Word, find_triggers, words_of
from peristiwa.events.modality import modality_of
from peristiwa.events.quotes import find_quotes
from peristiwa.events.roles import RoleFinder, Roles
from peristiwa.events.words import words
from peristiwa.ontology import DEFAULT_CAMEO, event_types, intended_variant, lookup
from peristiwa.schema import Actor, Article, Event, Quote
from peristiwa.schema import Span as TextSpan

# How the roles were found -> confidence of the record.
_CONFIDENCE = {"parse": 0.8, "order": 0.7}
# The coder's vocabulary (data/events/coder.yaml); _END/_OPEN/_CLOSE below are punctuation and stay here.
W = words("coder")
# Which event types a rule applies to: data/events/types.yaml.
T = event_types()


class IndonesianCoder:
    """Codes one analysed Doc; built once per process (lexicons load once)."""

    def __init__(self, lexicon: EventLexicon | None = None, resolver=None, gazetteer=None) -> None:
        from peristiwa.actors import ActorResolver
        from peristiwa.actors import load_lexicon as load_actor_lexicon

        self.lex = lexicon or load_lexicon()
        self.resolver = resolver or ActorResolver(load_actor_lexicon())
        self._gazetteer = gazetteer
        # candidates dropped and events merged, by reason, since this coder was built (peristiwa.events.filters)
        self.dropped: Counter[str] = Counter()
        # called with (the Event a dropped candidate would have been, the reason): for evaluations only
        self.on_drop: Callable[[Event, str], None] | None = None

    # -- public ---------------------------------------------------------------------------------------
    def code(self, doc: Doc, article: Article, actors=None) -> tuple[list[Quote], list[Event]]:
        """Quotes and rule-coded events of `doc`; `actors` (the resolver's DocActors) when already found."""
        if actors is None:
            actors = self.resolver.annotate(doc, article.published)
        cues = self.lex.cues
        quotes = find_quotes(doc, article.text, actors, cues)
        doc_key = str(doc.user_data.get("doc_id") or hashlib.sha1(article.text.encode()).hexdigest()[:16])
        events: list[Event] = []
        for si, sent in enumerate(_sentences(doc)):
            events += self._sentence(doc, sent, si, actors, article, doc_key)
        return quotes, events

    # -- one sentence ------------------------------------------------------------------------------
    def _sentence(self, doc: Doc, sent: Span, si: int, actors, article: Article, doc_key: str,
                  found_words: tuple[list[Word], list[Match]] | None = None) -> list[Event]:
        """The sentence's rule events. `found_words`: its words and lexicon matches (outside actor names)
        when the caller found them already (the learned coder reads both for its features)."""
        cues = self.lex.cues
        if found_words is not None:
            words, matches = found_words
        else:
            words = words_of(doc, sent.start, sent.end)
            # a trigger word inside an actor's name is not an event ("Organisasi Kerja Sama Islam")
            matches = [m for m in find_triggers(doc, words, self.lex)
                       if not _inside_mention(actors, m.start, m.end)]
        if not matches:
            return []
        trigger_tokens = {i for m in matches for i in range(m.start, m.end)}
        finder = RoleFinder(doc, sent.start, sent.end, actors, cues, trigger_tokens)
        mentions = finder.mentions
        atts = find_attributions(doc, words, mentions, cues, earlier=actors.mentions)
        subject_tokens = {x.start for x in mentions}
        post = [a for a in atts if not a.preposed and a.speaker is not None]
        finder.speaker = post[0].speaker if post else None
        found: list[tuple[Match, Roles, str]] = []
        for m in matches:
            # the speaker this trigger is reported by ("X menambahkan, ..." or "..., kata X")
            finder.speaker = attribution_for(m.start, atts) or (post[0].speaker if post else None)
            roles = finder.roles(m)
            modality = m.pattern.modality or (m.light.modality if m.light else "") or \
                modality_of(words, m.w_start, cues, subject_tokens)
            found.append((m, roles, modality))
        found = [(m, r, _future_noun(doc, sent, m, trigger_tokens, mod)) for m, r, mod in found]
        found = self._demands(doc, words, found, cues)
        found = _absorb_object_nouns(found)
        out: list[Event] = []
        named = {x.actor.country for x in mentions if x.actor.country}
        for m, roles, modality in found:
            ev = self._event(doc, sent, si, m, roles, modality, atts, actors, article, doc_key, named)
            if ev is not None:
                out.append(ev)
        return merge_events(out, sent.start_char, self.dropped)

    def _demands(self, doc: Doc, words: list[Word], found: list, cues) -> list:
        """'meminta X untuk Y': the act Y is demanded of X (its actor, unless Y names its own)."""
        out = list(found)
        for k, (m, roles, _mod) in enumerate(found):
            if not m.pattern.demand:
                continue
            link = None
            for j in range(m.w_end, min(len(words), m.w_end + 10)):
                if words[j].text in cues.demand_links:
                    link = j
                    break
                if words[j].text in BOUNDARY:
                    break
            if link is None:
                # "menuntut Presiden segera menandatangani ...": the act follows the asked party directly
                if not roles.recipients:
                    continue
                last = max(x.end for x in roles.recipients)
                link = next((j for j, w in enumerate(words) if w.start >= last), None)
                if link is None:
                    continue
                link -= 1
            for n in range(k + 1, len(found)):
                m2, r2, mod2 = found[n]
                if m2.w_start <= link or m2.w_start - link > 6:
                    continue
                own = [x for x in r2.actors if x.start > words[link].start]
                r2 = Roles(actors=own or list(roles.recipients), recipients=r2.recipients, how=r2.how)
                out[n] = (m2, r2, "negated" if mod2 == "negated" else "demanded")
                if not roles.recipients and own:  # "menuntut agar tentara AS ...": asked of tentara AS
                    out[k] = (m, Roles(actors=roles.actors, recipients=own, how=roles.how), _mod)
                break
        return out

    def _event(self, doc: Doc, sent: Span, si: int, m: Match, roles: Roles, modality: str, atts,
               actors, article: Article, doc_key: str, named: set[str]) -> Event | None:
        p: Pattern = m.pattern
        src = _dedupe([a for x in roles.actors for a in (x.actor, *x.also)])
        tgt = _dedupe([a for x in roles.recipients for a in (x.actor, *x.also) if all(a.name != b.name for b in src)])
        location = self._place(sent, m.head, actors, article) if src or tgt else None
        if src and not tgt and lookup(p.cameo).quad == 4 and \
                (place := self._object_place(sent, m.head, actors, aimed=p.event in T.aimed_acts)):
            tgt = [place]  # "Rusia membombardir kota Aleppo": the place attacked, with its country
        if any(not a.country for a in (*src, *tgt)):
            where = location.country if location is not None and location.country else ""
            src, tgt = fill_countries(src, tgt, named, lookup(p.if_recipient or p.cameo).quad, where)
        # "mengirim pasukan" is MOBILIZE, "mengirim pasukan ke Somalia" AID: the type without a recipient is
        # the base code's own
        base = (lookup(p.cameo).plover or p.event) if p.if_recipient and not tgt else p.event
        cand = Candidate(m, roles, modality, src, tgt, base)
        ctx = FilterContext(doc, sent, actors, self.lex.cues,
                            lambda c: self._unaimed_ok(doc, sent, c.match, c.base, c.roles))
        reason = run_filters(cand, ctx, self.dropped)
        if reason is None:
            return self._record(doc, sent, si, cand, atts, article, doc_key, location)
        if self.on_drop is not None:  # an evaluation asks what the dropped candidate would have been
            self.on_drop(self._record(doc, sent, si, cand, atts, article, doc_key, location), reason)
        return None

    def _record(self, doc: Doc, sent: Span, si: int, cand: Candidate, atts, article: Article, doc_key: str,
                location) -> Event:
        m, p, roles, modality, src, tgt, base = cand.match, cand.pattern, cand.roles, cand.modality, cand.src, \
            cand.tgt, cand.base
        event, cameo = base, p.cameo
        if p.if_recipient and tgt:
            cameo = p.if_recipient
            event = lookup(cameo).plover or event
        if modality == "intended":
            event, cameo = intended_variant(event, cameo)
        row = lookup(cameo)
        if p.event and p.event != row.plover and event == p.event:
            quad = lookup(_type_root(event)).quad
        else:
            quad = row.quad
        start_char, end_char = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)
        trig = TextSpan(article.text[start_char:end_char], start_char, end_char)
        eid = hashlib.sha1(f"{doc_key}:{si}:{start_char}".encode()).hexdigest()[:16]
        speaker = attribution_for(m.start, atts)
        date, precision = self._date(sent, article)
        return Event(
            id=eid, sentence=si, text=sent.text, event=event, cameo=cameo, quad=quad,
            goldstein=row.goldstein, trigger=trig, mode=[p.mode] if p.mode else ([row.mode] if row.mode else []),
            context=list(row.context), actor=src, recipient=tgt, modality=modality,
            attribution=replace(speaker.actor) if speaker is not None else None,
            date=date, date_precision=precision, location=location,
            confidence=_confidence(roles, src, tgt, p),
        )

    def _unaimed_ok(self, doc: Doc, sent: Span, m: Match, event: str, roles: Roles) -> bool:
        """Directed acts that stand without a named target: condemning an act whose author is not named
        ("mengecam serangan bom di Baghdad") and threatening to act ("mengancam akan melakukan uji coba")."""
        cues = self.lex.cues
        if event in cues.unaimed_at_act and roles.aimed_at_act:
            return True
        return event in cues.unaimed_with_link and m.end < sent.end and doc[m.end].lower_ in cues.threat_links

    # -- dates and places (their own stages) ---------------------------------------------------------
    def _date(self, sent: Span, article: Article) -> tuple[str | None, str | None]:
        try:
            from peristiwa.dates import resolve_date
        except ImportError:  # the dates stage is not installed in this build
            return None, None
        date, precision = resolve_date(sent, article.published)
        return date, precision

    def _places(self):
        """The place gazetteer (loaded once), or None where the places stage is not installed."""
        if self._gazetteer is None:
            try:
                from peristiwa.places import load_gazetteer
            except ImportError:  # the places stage is not installed in this build
                return None
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def _place(self, sent: Span, trigger_i: int, actors, article: Article):
        locate = getattr(self._places(), "locate", None)
        return locate(sent, trigger_i, actors, article) if locate is not None else None

    def _object_place(self, sent: Span, trigger_i: int, actors, aimed: bool = False) -> Actor | None:
        """The place a material act is done to ("menyerang kota Aleppo"; `aimed`: also "serangan udara ke
        Gaza") as its recipient: the place's name and country, no sector (peristiwa.places.rules.object_place)."""
        find = getattr(self._places(), "object_place", None)
        pm = find(sent, trigger_i, actors, aimed=aimed) if find is not None else None
        if pm is None:
            return None
        span = sent.doc[pm.start:pm.end]
        return Actor(text=span.text, start=span.start_char, end=span.end_char, name=pm.place.name,
                     country=pm.place.country or "")


def _absorb_object_nouns(found: list) -> list:
    """'Kuba menolak tuduhan AS': a verbal event noun right after a verb is that verb's object; its
    actor becomes the verb's recipient and the noun is not an event of its own. Material acts named
    by a noun ("mengecam serangan Israel") stay events."""
    drop: set[int] = set()
    out = list(found)
    for k, (m, roles, mod) in enumerate(found):
        if m.pattern.kind != "verb" or k + 1 >= len(found):
            continue
        n, n_roles, _ = found[k + 1]
        if n.pattern.kind != "noun" or n.light is not None or n.w_start - m.w_end > 1:
            continue
        mine = {x.start for x in roles.actors}
        others = [x for x in n_roles.actors if x.start not in mine]
        theme = m.pattern.theme  # "menangguhkan bantuan pangan ke Korea Utara": the noun is what is held back
        if not roles.recipients and others and not theme:
            out[k] = (m, Roles(actors=roles.actors, recipients=others, how=roles.how, aimed_at_act=True), mod)
        elif not roles.recipients and n_roles.recipients and (lookup(n.pattern.cameo).verbal or theme):
            # "menunda perundingan dengan Uni Eropa", "membatalkan kunjungan ke China": the talks' partner
            out[k] = (m, Roles(actors=roles.actors, recipients=list(n_roles.recipients), how=roles.how,
                               aimed_at_act=True), mod)
        else:
            out[k] = (m, Roles(actors=roles.actors, recipients=roles.recipients, how=roles.how,
                               aimed_at_act=True), mod)
        if lookup(n.pattern.cameo).verbal or theme:
            drop.add(k + 1)
    return [x for k, x in enumerate(out) if k not in drop]


def _future_noun(doc: Doc, sent: Span, m: Match, triggers: set[int], modality: str) -> str:
    """'pertemuan dengan X dan Y akan menjadi pembahasan tak resmi': a meeting, visit or joint act named by a
    noun whose clause goes on in the future is planned, not held."""
    if modality != "asserted" or m.pattern.kind != "noun" or m.light is not None \
            or m.pattern.event not in T.plannable:
        return modality
    for i in range(m.end, min(sent.end, m.end + 15)):
        t = doc[i].lower_
        if t in BOUNDARY and t != "," or (i in triggers and i >= m.end):
            break
        if t in W.future:
            return "intended"
    return modality


def _inside_mention(actors, start: int, end: int) -> bool:
    first = actors.covering(start)
    return first is not None and first.start <= start and end <= first.end and first.end - first.start > 1 \
        and first.via in ("lexicon", "ner", "abbrev")


def _type_root(event: str) -> str:
    return DEFAULT_CAMEO[event]


def _dedupe(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    seen: set[tuple[int, int, str]] = set()
    for a in actors:
        if (a.start, a.end, a.name) not in seen:  # "kedua negara" is two actors over one span
            seen.add((a.start, a.end, a.name))
            out.append(replace(a))
    return out


def _confidence(roles: Roles, src: list[Actor], tgt: list[Actor], p: Pattern) -> float:
    c = _CONFIDENCE.get(roles.how, 0.6)
    if not src:
        c -= 0.2
    if not tgt and not p.symmetric:
        c -= 0.1
    if p.kind == "noun":
        c -= 0.1
    return round(max(0.1, min(1.0, c)), 2)


_END = {".", "!", "?"}
_OPEN = {"\"", "“", "'", "‘", "("}
_CLOSE = {"\"", "”", "'", "’"}


def _sentences(doc: Doc) -> list[Span]:
    """The model's sentences, split again after a full stop that is followed by a capitalised word:
    the coder reads roles within a sentence and must not let one run into the next."""
    bounds = [(sp.start, sp.end) for sp in doc.sents] if doc.has_annotation("SENT_START") else [(0, len(doc))]
    texts = _texts(doc)
    # a model sentence that opens in lower case continues the one before it ("... Menteri Budi Santoso | tiba di Dili")
    merged: list[tuple[int, int]] = []
    for lo, hi in bounds:
        first = next((texts[k] for k in range(lo, hi) if not texts[k].isspace()), None)
        if merged and first is not None and first[:1].islower() and first.isalpha() \
                and texts[merged[-1][1] - 1] not in _END:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    # a straight quote opens when an even number of them came before it (paragraphs reset the count)
    opening: set[int] = set()
    n = 0
    for k, text in enumerate(texts):
        if text == "\"":
            if n % 2 == 0:
                opening.add(k)
            n += 1
        elif text.count("\n") > 1 and text.isspace():
            n = 0
    out: list[Span] = []
    for start, end in merged:
        for i in range(start, end - 1):
            text = texts[i]
            if i < start or not (text in _END or text in _CLOSE):
                continue
            j = i + 1
            while j < end and texts[j].isspace():
                j += 1
            if j >= end:
                continue
            nxt = texts[j]
            closes = text in _CLOSE and i not in opening and i > start and texts[i - 1] in _END
            starts = nxt[:1].isupper() or nxt in _OPEN and (nxt != "\"" or j in opening)
            if (text in _END or closes) and starts and not _abbreviation(doc, i):
                out.append(doc[start:i + 1])
                start = j
        if start < end:
            out.append(doc[start:end])
    return out


def _texts(doc: Doc) -> list[str]:
    """The words' texts without making a spaCy Token for each (which was a fifth of the coder's time)."""
    strings = doc.vocab.strings
    seen: dict[int, str] = {}
    out = []
    for orth in doc.to_array(ORTH).tolist():
        text = seen.get(orth)
        if text is None:
            text = seen[orth] = strings[orth]
        out.append(text)
    return out


def _abbreviation(doc: Doc, i: int) -> bool:
    """'Dr. X', 'No. 5', 'H. Agus': a full stop after a short capitalised token is not a sentence end."""
    if i == 0:
        return False
    prev = doc[i - 1].text
    return len(prev) <= 3 and prev[:1].isupper() and prev.isalpha() and doc[i - 1].whitespace_ == ""
