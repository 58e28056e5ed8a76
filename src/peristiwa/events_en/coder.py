"""The shallow English event coder, in the TABARI/PETRARCH-1 tradition: what English gets when no statistical
pipeline is installed (peristiwa.events_en.tree.EnglishCoder calls it for a Doc without a parse, and builds on
its records, dates, places and quotes).

    quotes, events = ShallowCoder().code(doc, article)   # doc = blank_english_nlp()(article.text)

It reads no parse: roles come from word order within a clause. The source is the actor group nearest
before the verb, the target the first actor group after it (directly, or after to/against/with/on/...);
passives ("was attacked by X") swap them; coordinated actors ("X and Y") stay together. Modality comes
from the words before the verb. See docs/events-en.md.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from peristiwa.events_en.actors import ActorFinder, Mention
from peristiwa.events_en.lexicon import EnglishLexicon, load_lexicon
from peristiwa.events_en.triggers import Trigger, TriggerFinder, governor_forms
from peristiwa.events_en.words import words
from peristiwa.ontology import DEFAULT_CAMEO, event_types, intended_variant, lookup
from peristiwa.schema import Actor, Article, Event, Quote
from peristiwa.schema import Span as TextSpan

# The English coder's vocabulary (names, pronouns, clause words): data/events_en/words.yaml.
W = words()
# Which event types a rule applies to: data/events/types.yaml.
T = event_types()

# Words that join actors into one group: "X and Y", "X, Y and Z", "X as well as Y", "X or Y".
_JOINERS = ([","], ["and"], [",", "and"], ["or"], ["as", "well", "as"], ["along", "with"], ["&"])
_QUOTE_CHARS = {"\"", "“", "”"}
# How far (tokens) roles are looked for from the trigger.
_REACH = 14


@dataclass
class _Found:
    trig: Trigger
    actors: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    modality: str = "asserted"
    drop: bool = False
    passive: bool = False
    governor: _Found | None = None  # the THREATEN/REJECT verb that absorbed this one
    purpose_of: _Found | None = None  # "X met Y to discuss": the act whose purpose this is
    asked: _Found | None = None  # "X urged Y to Z": the REQUEST that demands this act


# sectors whose violence against a protest crowd is repression (CAMEO 175)
_OFFICIALS = frozenset({"GOV", "LEG", "JUD", "IGO", "MIL", "COP", "SPY"})
_REPRESSORS = {"COP", "MIL", "GOV", "SPY"}


class ShallowCoder:
    """Codes one English Doc (blank English tokenizer + sentencizer) by word order; lexicons load once."""

    def __init__(self, lexicon: EnglishLexicon | None = None, actor_lexicon=None, gazetteer=None) -> None:
        from peristiwa.actors import load_lexicon as load_actor_lexicon

        self.lex = lexicon or load_lexicon()
        self.actors = ActorFinder(actor_lexicon or load_actor_lexicon(), self.lex)
        self.triggers = TriggerFinder(self.lex)
        c = self.lex.cues
        self._intent = governor_forms(c.intent_governors)
        self._absorb = governor_forms(c.absorbing_governors)
        self._demand = governor_forms(c.demand_governors)
        self._gazetteer = gazetteer
        self._covered: set[int] = set()

    # -- public -------------------------------------------------------------------------------------------
    def code(self, doc: Doc, article: Article) -> tuple[list[Quote], list[Event]]:
        mentions = self.actors.find(doc, article.published)
        doc_key = str(doc.user_data.get("doc_id") or hashlib.sha1(article.text.encode()).hexdigest()[:16])
        events: list[Event] = []
        sents = _sentences(doc)
        speakers: list[Mention | None] = []
        for si, sent in enumerate(sents):
            in_sent = [m for m in mentions if sent.start <= m.start < sent.end]
            speaker = self._attribution(doc, sent, in_sent)
            speakers.append(speaker)
            events += self._sentence(doc, sent, si, in_sent, speaker, article, doc_key)
        return _quotes(article.text, sents, speakers), events

    # -- one sentence -------------------------------------------------------------------------------------
    def _sentence(self, doc: Doc, sent: Span, si: int, mentions: list[Mention], speaker: Mention | None,
                  article: Article, doc_key: str) -> list[Event]:
        covered = {i for m in mentions for i in range(m.start, m.end)}
        self._covered = covered
        adjectives = {m.end - 1 for m in mentions if m.kind in ("country", "name") and m.end - m.start == 1
                      and m.actor.text != m.actor.name and m.actor.text.lower().endswith(W.adjective_endings)}
        trigs = self.triggers.find(doc, sent.start, sent.end, covered, adjectives)
        if not trigs:
            return []
        found = [_Found(t) for t in sorted(trigs, key=lambda t: t.start)]
        for k, f in enumerate(found):
            self._modality(doc, sent, f, found[:k])
            self._roles(doc, sent, f, found[:k], mentions)
        verb_tokens = {k for f in found if f.trig.kind == "verb" for k in range(f.trig.start, f.trig.end)}
        nouns = self.triggers.instrument_nouns(doc, sent.start, sent.end, verb_tokens)
        out: list[Event] = []
        for f in found:
            if f.drop or f.trig.kind == "noun":
                continue
            _refine(f.trig, nouns)
            ev = self._event(doc, sent, si, f, speaker, article, doc_key)
            if ev is not None:
                out.append(ev)
        if not out:  # "Clashes between X and Y", "an air strike on Z": the noun is the event
            for f in found:
                if f.trig.kind == "noun" and not f.drop:
                    ev = self._event(doc, sent, si, f, speaker, article, doc_key)
                    if ev is not None:
                        out.append(ev)
        return _dedupe(out)

    def _modality(self, doc: Doc, sent: Span, f: _Found, before: list[_Found]) -> None:
        """Negation, intention and governors ("threatened to", "plans to", "urged X to") before the verb."""
        c = self.lex.cues
        i = f.trig.start
        k = i - 1
        seen_to = False
        while k >= max(sent.start, i - 6):
            w = doc[k].lower_
            if w in ("if", "unless"):
                f.modality = "hypothetical"  # "if Turkey attacks ...": a condition, not a report
                return
            if w in c.boundaries or self._say(doc, k):
                if w == "that" and k > sent.start and doc[k - 1].lower_ in W.denials:
                    f.modality = "negated"  # "Cuba denied that Havana supplied arms": the act is denied
                break
            if w in c.negation and f.trig.kind == "verb":
                f.modality = "negated"
                return
            if w == "to":
                seen_to = True
            elif seen_to and (gov := next((g for g in before if g.trig.start <= k < g.trig.end), None)) \
                    and not (w in self._absorb or w in self._intent or w in self._demand):
                # "met with Cambodia to discuss ...": the purpose of an act is that act, or done by its actor
                f.purpose_of = gov
                if gov.trig.code[:2] == f.trig.code[:2]:
                    f.drop = True
                return
            elif seen_to and (w in self._absorb or w in self._intent or w in self._demand):
                gov = next((g for g in before if g.trig.start == k), None)
                if w in self._absorb:
                    # "threatened to attack", "refused to meet": the governor is the event
                    if gov is not None and gov.trig.code != "---":
                        f.drop = True
                        f.governor = gov
                    else:
                        f.modality = "negated" if self._absorb[w] in ("refuse", "decline", "deny") \
                            else "intended"
                    return
                if w in self._demand:
                    f.modality = "demanded"
                    f.asked = gov  # the act is asked of the governor's target, known or not
                    return
                f.modality = "intended"
                if gov is not None:
                    gov.drop = True  # "agreed to meet": the meeting (intended) says it; one event
                return
            elif w in c.modal and doc[k].text.islower() and not (k > sent.start and doc[k - 1].like_num) \
                    or seen_to and w in ("going", "due", "set", "likely", "expected", "about", "ready",
                                                    "poised"):
                f.modality = "intended"
                return
            k -= 1

    def _roles(self, doc: Doc, sent: Span, f: _Found, before: list[_Found], mentions: list[Mention]) -> None:
        t = f.trig
        passive = t.kind == "verb" and t.form == "ed" and self._after_be(doc, sent, t.start)
        reduced = t.kind == "verb" and t.form == "ed" and not passive and t.end < sent.end \
            and doc[t.end].lower_ == "by" and t.start > sent.start \
            and any(t.end < m.start <= t.end + 2 for m in mentions)  # "sent by the EU", not "spoke by phone"
        passive = passive or reduced
        f.passive = passive
        subject = self._subject(doc, sent, t.start, mentions)
        if reduced:
            # "the observers sent by the EU", "Somali troops, backed by U.S. jets,": a participle after a noun;
            # only an actor right before it (or before its comma) is its target
            edge = t.start - 1 if doc[t.start - 1].text == "," else t.start
            subject = [m for m in mentions if m.end == edge][-1:]
        if t.kind == "verb":
            # "X attacked Y and killed Z": a verb coordinated with an earlier one shares its subject; the
            # actor between them is the earlier verb's object
            prev = self._coordinated_with(doc, sent, t.start, before)
            shared = (prev.targets if prev.passive else prev.actors) if prev is not None else []
            if shared and (not subject or subject[0].start > prev.trig.start):
                subject = shared
        if t.kind == "noun":
            subject = subject if self._noun_subject(doc, sent, t.start, subject) else []
        obj, agent = self._objects(doc, sent, t, mentions, passive)
        if t.kind == "noun" and not subject and agent:
            subject, agent = agent, []  # "the attack by Boko Haram on the village"
        if t.kind == "verb" and not subject and not passive:
            # "The attack by Boko Haram ... killed 40 people": the event noun in subject position lends its actor
            noun = next((g for g in reversed(before) if g.trig.kind == "noun" and g.actors
                         and g.trig.start < t.start), None)
            if noun is not None and not any(self._say(doc, k) or doc[k].text == ";"
                                            for k in range(noun.trig.end, t.start)):
                subject = noun.actors
        if passive:
            actors, targets = agent, subject
        else:
            actors, targets = subject, obj
        if f.asked is not None:
            actors = list(f.asked.targets)  # "urged the world to investigate": asked of no actor we know
        elif f.purpose_of is not None and not passive:
            actors = f.purpose_of.actors
        if not targets and not passive and t.kind == "verb" and t.end < sent.end and doc[t.end].lower_ == "that" \
                and t.code[:2] in ("02", "10"):
            # "Iran demanded that Britain release ...": who is asked is the subject of the that-clause
            nxt = next((m for m in mentions if t.end < m.start <= t.end + 3), None)
            if nxt is not None:
                targets = self._group_right(doc, nxt, mentions, sent.end)
        names = {m.actor.name for m in actors}
        f.actors = actors
        f.targets = [m for m in targets if m.actor.name not in names]
        if f.governor is not None and not f.governor.targets:
            # "threatened to attack South Korea": whom the threat is aimed at is the threatened act's target
            f.governor.targets = [m for m in f.targets if m.actor.name not in
                                  {a.actor.name for a in f.governor.actors}]

    def _say(self, doc: Doc, k: int) -> bool:
        """A verb of saying, not a word of a name ("United States", "Reporters Without Borders") nor a noun
        ("as a state", "the reports")."""
        return doc[k].lower_ in self.lex.cues.say and k not in self._covered \
            and not (k > 0 and doc[k - 1].lower_ in self.lex.cues.determiners)

    def _after_be(self, doc: Doc, sent: Span, i: int) -> bool:
        k = i - 1
        while k >= sent.start and (doc[k].lower_ in self.triggers.skip_words or doc[k].lower_ in self.lex.cues.negation):
            k -= 1
        return k >= sent.start and doc[k].lower_ in self.lex.cues.be

    def _subject(self, doc: Doc, sent: Span, i: int, mentions: list[Mention]) -> list[Mention]:
        """The actor group nearest before token i in its clause, not inside a prepositional phrase. A subject
        pronoun nearer than any actor is the subject: unresolved, except right after a verb of saying
        ("Russia said it would ...": the speaker)."""
        lo = max(sent.start, i - 2 * _REACH)  # bounded: a run-on "sentence" of 20,000 words stays linear
        for k in range(i - 1, lo - 1, -1):
            w = doc[k].lower_
            if k in self._covered:
                break
            if w in W.subject_pronouns:
                return self._speaker_of(doc, sent, k, mentions)
            if self._say(doc, k) or w in _QUOTE_CHARS or w == ";" or w in W.clause_words:
                lo = k + 1
                break
        cands = [m for m in mentions if lo <= m.start and m.end <= i and i - m.end <= _REACH]
        heads = [m for m in cands if not self._after_prep(doc, m, lo)]
        if not heads:
            return []
        last = heads[-1]
        # a pronoun or a clause word between the actor and the verb: the actor belongs to another clause
        if any(doc[k].lower_ in W.subject_pronouns for k in range(last.end, i)):
            return []
        return self._group_left(doc, last, mentions, lo)

    def _speaker_of(self, doc: Doc, sent: Span, k: int, mentions: list[Mention]) -> list[Mention]:
        j = k - 1
        if j >= sent.start and doc[j].lower_ == "that":
            j -= 1
        if j < sent.start or not self._say(doc, j):
            return []
        before = [m for m in mentions if m.end <= j and j - m.end <= 2 and m.start >= sent.start]
        return self._group_left(doc, before[-1], mentions, sent.start) if before else []

    def _after_prep(self, doc: Doc, m: Mention, lo: int) -> bool:
        c = self.lex.cues
        k = m.start - 1
        # "at two Filipino boats", "in the northern Syrian town": determiners, numbers and modifiers
        while k >= lo and m.start - k <= 4 and (doc[k].lower_ in ("the", "a", "an") or doc[k].like_num
                                                or doc[k].is_lower and doc[k].is_alpha
                                                and doc[k].lower_ not in self.lex.verbs
                                                and doc[k].lower_ not in c.target_preps
                                                and doc[k].lower_ not in c.place_preps
                                                and doc[k].lower_ not in c.boundaries
                                                and doc[k].lower_ not in ("by", "between", "among", "of", "and")):
            k -= 1
        if k - 1 >= lo and doc[k].lower_ == "of" and (doc[k - 1].lower_ in c.quantities or doc[k - 1].like_num):
            return False  # "hundreds of protesters rallied": the protesters rallied
        return k >= lo and (doc[k].lower_ in c.target_preps or doc[k].lower_ in c.place_preps
                            or doc[k].lower_ in ("by", "between", "among", "including", "like"))

    def _group_left(self, doc: Doc, m: Mention, mentions: list[Mention], lo: int) -> list[Mention]:
        group = [m]
        idx = mentions.index(m)
        while idx > 0:
            prev = mentions[idx - 1]
            gap = [t.lower_ for t in doc[prev.end:group[0].start] if t.lower_ not in ("the", "a", "an")]
            if prev.start < lo or gap not in _JOINERS:
                break
            if gap == [","] and group[0].titled and group[0].kind != "person" and prev.kind in ("person", "name") \
                    and group[0].end < len(doc) and doc[group[0].end].text == ",":
                group[0] = prev  # "Sergei Lavrov, Russia's foreign minister, said": one person, named twice
                idx -= 1
                continue
            if self._after_prep(doc, prev, lo) and not self._after_between(doc, prev, lo):
                break  # "support for Manila, and the United States said": Manila is another verb's object
            group.insert(0, prev)
            idx -= 1
        return group

    def _after_between(self, doc: Doc, m: Mention, lo: int) -> bool:
        """'Talks between Serbia and Kosovo collapsed': both sides of 'between' are one group."""
        k = m.start - 1
        while k >= lo and doc[k].lower_ in ("the", "a", "an"):
            k -= 1
        return k >= lo and doc[k].lower_ == "between"

    def _group_right(self, doc: Doc, m: Mention, mentions: list[Mention], hi: int) -> list[Mention]:
        group = [m]
        idx = mentions.index(m)
        while idx + 1 < len(mentions):
            nxt = mentions[idx + 1]
            gap = [t.lower_ for t in doc[group[-1].end:nxt.start] if t.lower_ not in ("the", "a", "an")]
            if nxt.end > hi or gap not in _JOINERS or self._starts_clause(doc, nxt.end):
                break
            group.append(nxt)
            idx += 1
        return group

    def _starts_clause(self, doc: Doc, k: int) -> bool:
        """A verb right after an actor makes it the subject of a new clause ("..., and Japan said")."""
        if k >= len(doc):
            return False
        w = doc[k].lower_
        c = self.lex.cues
        return w in c.say or w in c.modal or w in c.be or w in self.lex.verbs and w not in c.not_verbs \
            and any(self.triggers.is_verb(doc, k, 0, form, self._covered) for form in {v.form for v in self.lex.verbs[w]})

    def _objects(self, doc: Doc, sent: Span, t: Trigger, mentions: list[Mention], passive: bool
                 ) -> tuple[list[Mention], list[Mention]]:
        """(object group, by-agent group) after the trigger, within its clause."""
        c = self.lex.cues
        hi = min(sent.end, t.end + _REACH)
        for k in range(t.end, hi):
            w = doc[k].lower_
            if self._say(doc, k) or w in _QUOTE_CHARS or w == ";" or (w in c.boundaries and w not in ("as", "after",
                                                                                                  "before", "since")):
                hi = k
                break
        obj: list[Mention] = []
        agent: list[Mention] = []
        fallback: list[Mention] = []
        after = [m for m in mentions if t.end <= m.start and m.end <= hi]
        for m in after:
            k = m.start - 1
            while k >= t.end and doc[k].lower_ in ("the", "a", "an"):
                k -= 1
            prev = doc[k].lower_ if k >= t.end else ""
            if prev in W.possessives:
                continue  # "withdrew its troops": the actor's own, not a target
            if prev == "by":
                if not agent:
                    agent = self._group_right(doc, m, mentions, hi)
                continue
            if prev in c.place_preps:
                if not fallback:
                    fallback = self._group_right(doc, m, mentions, hi)
                continue
            if not obj and (k < t.end or prev in c.target_preps or prev in ("between", "and")
                            or self._direct(doc, t.end, m.start)):
                if self._theme(t, m) and (k < t.end or self._direct(doc, t.end, m.start)):
                    continue  # "offered troops for", "deployed soldiers to": what is sent, not to whom
                obj = self._group_right(doc, m, mentions, hi)
        if not obj and not passive and t.kind == "verb":
            obj = fallback
        return obj, agent

    def _theme(self, t: Trigger, m: Mention) -> bool:
        """Troops or police without a country (or with "its", "their") right after a verb of sending, offering or
        withdrawing are the actor's own: the thing moved, not the recipient."""
        if m.actor.country and not m.owned or m.actor.sector not in W.moved_forces:
            return False
        try:
            return lookup(t.code).plover in T.en_sending
        except KeyError:
            return False

    def _direct(self, doc: Doc, a: int, b: int) -> bool:
        """A mention a few words after the verb with no preposition or punctuation between is its object
        ("killed 12 people", "expelled the Chinese ambassador")."""
        c = self.lex.cues
        between = doc[a:b]
        return len(between) <= 4 and not any(
            t.is_punct or t.lower_ in c.target_preps or t.lower_ in c.place_preps or t.lower_ == "by"
            or t.lower_ in c.boundaries for t in between)

    def _coordinated_with(self, doc: Doc, sent: Span, i: int, before: list[_Found]) -> _Found | None:
        k = i - 1
        while k >= sent.start and doc[k].lower_ in self.triggers.skip_words:
            k -= 1
        if k < sent.start or doc[k].lower_ not in ("and", ",", "then", "before", "after"):
            return None
        return next((g for g in reversed(before) if g.trig.kind == "verb"), None)

    def _noun_subject(self, doc: Doc, sent: Span, i: int, subject: list[Mention]) -> bool:
        """An event noun takes the actor right before it ("Israeli air strikes", "Russia's offensive")."""
        if not subject:
            return False
        gap = [t.lower_ for t in doc[subject[-1].end:i]]
        return len(gap) <= 2 and all(w in ("'s", "’s", "the", "a", "an", "new", "fresh", "latest", "deadly")
                                     or not doc[subject[-1].end + n].is_punct for n, w in enumerate(gap))

    # -- attribution and quotes ---------------------------------------------------------------------------
    def _attribution(self, doc: Doc, sent: Span, mentions: list[Mention]) -> Mention | None:
        """'X said', 'said X', 'according to X', 'X told reporters'."""
        say = self.lex.cues.say
        for k in range(sent.start, sent.end):
            w = doc[k].lower_
            if w not in say or any(m.start <= k < m.end for m in mentions) or \
                    k > sent.start and doc[k - 1].lower_ in self.lex.cues.determiners:
                continue
            if w == "according":
                if k + 1 < sent.end and doc[k + 1].lower_ == "to":
                    nxt = next((m for m in mentions if k + 2 <= m.start <= k + 4), None)
                    if nxt is not None:
                        return nxt
                continue
            before = next((m for m in reversed(mentions) if m.end <= k and k - m.end <= 2
                           and not any(doc[j].is_punct for j in range(m.end, k))), None)
            if before is not None:
                return before
            after = next((m for m in mentions if k < m.start <= k + 3), None)
            if after is not None and k > sent.start and doc[k - 1].is_punct:
                return after
        return None

    # -- records ------------------------------------------------------------------------------------------
    def _event(self, doc: Doc, sent: Span, si: int, f: _Found, speaker: Mention | None, article: Article,
               doc_key: str, unnamed: bool = False) -> Event | None:
        """The record of one trigger; None when it has no PLOVER type or lacks the participants it needs.
        `unnamed`: attacks, seizures and protests may have none at all (the tree coder asks for that only
        when the sentence has no event with a named participant)."""
        t = f.trig
        if t.code == "---":
            return None
        try:
            row = lookup(t.code)
        except KeyError:
            return None
        if not row.plover and not any(t.code in codes for codes in W.guideline_types.values()):
            return None  # 01x statements and other codes without a PLOVER type are not events
        src = _actors(f.actors)
        tgt = [a for a in _actors(f.targets) if all(a.name != b.name for b in src)]
        # attacks, arrests, seizures and protests are news without a named actor ("a grenade exploded in the
        # market", "rallies were held across the country"); anything else needs one
        unnamed_ok = row.quad == 4 or row.plover in T.en_unnamed
        if not src and not tgt and not (unnamed_ok and unnamed):
            return None
        if not src and not unnamed_ok:
            return None
        if t.kind == "noun" and self.lex.nouns.get(t.lemma) is not None and self.lex.nouns[t.lemma].need_actor \
                and not src:
            return None
        event, cameo = row.plover, t.code
        if event in T.en_crowd_violence | T.en_crowd_obstruction and src \
                and all(a.text.lower().split()[-1] in self.lex.cues.crowds for a in src):
            # "protesters threw stones at police" is a violent protest (145); "demonstrators blocked the
            # highway", "occupied the ministry" obstruct (144)
            cameo = "145" if event in T.en_crowd_violence else "144"
            event = lookup(cameo).plover
        elif src and row.verbal and (event in T.en_crowd_demands
                                             or t.lemma in self.lex.cues.crowd_gathering) and \
                all(a.text.lower().split()[-1] in self.lex.cues.crowds for a in src):
            # "demonstrators demanded the mayor's resignation": a crowd makes its demands by demonstrating
            # (the CAMEO manual codes demonstrations by their demands, 141x)
            cameo = "141"
            event = lookup(cameo).plover
        elif event == lookup("175").plover and tgt and src and all(a.sector in _REPRESSORS for a in src) and \
                all(a.text.lower().split()[-1] in self.lex.cues.crowds for a in tgt) and cameo[:2] != "20":
            # "police opened fire on protesters", "an officer hit a demonstrator": the state's force against a
            # protest is violent repression (175)
            cameo = "175"
            event = lookup(cameo).plover
        if cameo[:2] == "14" and t.kind == "verb" and _diplomatic_protest(doc[t.start]) and src and \
                all(a.sector in _OFFICIALS for a in src):
            # "Japan protested to China": a government protests in words (a diplomatic protest, 111), it does
            # not demonstrate; one it makes by a diplomatic step is that step's event (below)
            if doc[t.start].head.lemma_.lower() in W.protest_governors and doc[t.start].dep_ in ("xcomp", "advcl"):
                return None
            cameo = "111"
            event = lookup(cameo).plover
        elif t.kind == "verb" and doc[t.start].lemma_.lower() in W.protest_governors and src and tgt and \
                any(ch.dep_ in ("xcomp", "advcl") and ch.lemma_.lower() in W.protest_verbs
                    for ch in doc[t.start].children):
            # "the ministry summoned the ambassador to protest the interference": the summons is the protest
            cameo = "111"
            event = lookup(cameo).plover
        if event in T.en_riot_prone and cameo[:3] in ("140", "141") and \
                any(w.lower_ in self.lex.cues.riot_words for w in sent):
            cameo = "145"  # "protesters clashed with police during the rally": violent
            event = lookup(cameo).plover
        if f.modality == "intended":
            event, cameo = intended_variant(event, cameo)
        row = lookup(cameo)
        quad = row.quad
        filed = next((ty for ty, codes in W.guideline_types.items() if cameo in codes), None)
        if filed is not None:
            # the events guideline files some CAMEO codes under another PLOVER type than the CAMEO table:
            # declaring a ceasefire is a verbal concession (CONCEDE), as the Indonesian lexicon codes it
            event = filed
            quad = lookup(DEFAULT_CAMEO[event]).quad
        start_char, end_char = doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1].text)
        trig = TextSpan(article.text[start_char:end_char], start_char, end_char)
        eid = hashlib.sha1(f"{doc_key}:{si}:{start_char}".encode()).hexdigest()[:16]
        date, precision = self._date(sent, article, t.start)
        location = self._place(sent, t.start, article)
        if location is not None and len(location.country or "") == 3:
            # "Police arrested 12 protesters in Jakarta": agents named without a country act where it happens
            for a in src + tgt:
                if not a.country and a.sector and a.sector not in ("IGO", "NGO"):
                    a.country = location.country
        conf = 0.6 if t.kind == "verb" else 0.45
        if not src:
            conf -= 0.2
        if not tgt:
            conf -= 0.1
        return Event(
            id=eid, sentence=si, text=sent.text, event=event, cameo=cameo, quad=quad, goldstein=row.goldstein,
            trigger=trig, mode=[t.mode] if t.mode and cameo == t.code else [row.mode] if row.mode else [], context=list(row.context), actor=src,
            recipient=tgt, modality=f.modality,
            attribution=replace(speaker.actor) if speaker is not None else None,
            date=date, date_precision=precision, location=location,
            confidence=round(max(0.1, conf), 2),
        )

    def _date(self, sent: Span, article: Article, i: int) -> tuple[str | None, str | None]:
        from peristiwa.dates import resolve_date

        return resolve_date(sent, article.published, i)

    def places(self):
        """The place gazetteer (loaded once)."""
        if self._gazetteer is None:
            from peristiwa.places import load_gazetteer

            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def _place(self, sent: Span, i: int, article: Article):
        return self.places().locate(sent, i, None, article)


# Root codes a verb's general sense gives ("killed", "attacked", "injured", "demonstrated"), which an event noun
# of the same type in the sentence makes precise ("killed in a suicide bombing" -> 1831).
_ROOTS = {"190", "180", "193", "140", "141", "170", "182", "1823"}


def _refine(trig: Trigger, nouns: list[Trigger], dominant: set[str] = frozenset()) -> None:
    """A verb's code gives way to a noun's of the same type that is finer: a child code ("exploded" 183 +
    "suicide bomber" -> 1831), any specific code when the verb's is a root ("killed" 190 + "air strike"), or
    the same code with a mode ("exploded" 183 + "grenade" -> 183, mode grenade). A noun in `dominant`
    ("warplanes", "chlorine") decides the means of any attack ("fired missiles" 194 -> 195)."""
    try:
        plover = lookup(trig.code).plover
        better = next((n for n in nouns if lookup(n.code).plover == plover and n.lemma in dominant
                       and n.code != trig.code), None) or \
            next((n for n in nouns if lookup(n.code).plover == plover and (
            n.code == trig.code and n.mode and not trig.mode
            or n.code != trig.code and (n.code.startswith(trig.code)
                                        or trig.code in _ROOTS and n.code not in _ROOTS - {"193"}))), None)
    except KeyError:
        return
    if better is not None:
        trig.code = better.code
        trig.mode = better.mode or trig.mode


def _quotes(text: str, sents: list[Span], speakers: list[Mention | None]) -> list[Quote]:
    """Quoted passages of three words or more, across sentence ends ("We will respond. This is war," she said):
    the speaker is the one named in the sentence where the quote closes, else where it opens. Quotes do not
    run across paragraphs."""
    out: list[Quote] = []
    ends = [s.end_char for s in sents]
    pos = 0
    while True:
        a = min((p for p in (text.find("“", pos), text.find("\"", pos)) if p >= 0), default=-1)
        if a < 0:
            break
        b = min((p for p in (text.find("”", a + 1), text.find("\"", a + 1)) if p >= 0), default=-1)
        if b < 0:
            break
        inner = text[a + 1:b]
        if "\n\n" in inner:
            pos = a + 1  # an unclosed quote: the next one opens afresh
            continue
        if len(inner.split()) >= 3:
            close = bisect.bisect_right(ends, b)
            open_ = bisect.bisect_right(ends, a)
            speaker = next((speakers[k] for k in (close, open_) if k < len(speakers) and speakers[k] is not None),
                           None)
            out.append(Quote(text=inner, start=a + 1, end=b,
                             speaker=replace(speaker.actor) if speaker is not None else None))
        pos = b + 1
    return out


def _actors(mentions: list[Mention]) -> list[Actor]:
    out: list[Actor] = []
    seen: set[tuple[int, str]] = set()
    for m in mentions:
        if (m.actor.start, m.actor.name) not in seen:
            seen.add((m.actor.start, m.actor.name))
            out.append(replace(m.actor))
    return out


def _dedupe(events: list[Event]) -> list[Event]:
    """The same type with the same actors twice in a sentence ("attacked and shelled") is one event."""
    out: list[Event] = []
    for ev in events:
        key = (ev.event, tuple(a.name for a in ev.actor), tuple(a.name for a in ev.recipient))
        if any((o.event, tuple(a.name for a in o.actor), tuple(a.name for a in o.recipient)) == key for o in out):
            continue
        out.append(ev)
    return out


def _sentences(doc: Doc) -> list[Span]:
    return list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]


def _diplomatic_protest(v) -> bool:
    """A verb of protest addressed to someone ("protested to Beijing") or the purpose of a diplomatic step
    ("summoned the ambassador to protest"): words, not a demonstration."""
    if v.lemma_.lower() not in W.protest_verbs:
        return False
    return any(ch.dep_ == "prep" and ch.lower_ == "to" for ch in v.children) or \
        v.dep_ in ("xcomp", "advcl") and v.head.lemma_.lower() in W.protest_governors
