"""Who did it and to whom: the actor and recipient mentions of a trigger.

Two readings, Indonesian word order first and the dependency parse second. Word order finds the roles
(`_verb`, `_noun`, `_reverse`): the subject is the nearest actor to the left that is not inside a
prepositional phrase, the object the first actor to the right before a clause boundary, the agent of a
di- passive the actor after "oleh" or right after the verb. The parse then only fills the roles word
order left empty (`_from_parse`: nsubj inherited along xcomp/conj/advcl, obj, obl with "oleh"), and
`Roles.how` says which reading found them ("order" or "parse").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from peristiwa.actors.resolver import ActorMention
from peristiwa.events.lexicon import Cues
from peristiwa.events.matcher import Match
from peristiwa.events.words import words
from peristiwa.ontology import event_types, lookup
from peristiwa.schema import Actor

# The role finder's vocabulary (prepositions, clause links, glue words): data/events/roles.yaml.
W = words("roles")
# Which event types a rule applies to: data/events/types.yaml.
T = event_types()
# Any clause end, hard or soft: an object is not looked for across one.
RIGHT_BOUNDARY = W.strong_boundary | W.soft_boundary
# Dependency labels stay here: they are the parser's scheme (UD), not vocabulary an analyst corrects.
SUBJ_DEPS = {"nsubj", "csubj"}
PASS_SUBJ_DEPS = {"nsubj:pass", "csubj:pass"}
OBJ_DEPS = {"obj", "iobj"}


@dataclass
class Roles:
    actors: list = field(default_factory=list)  # ActorMention
    recipients: list = field(default_factory=list)
    how: str = "order"  # "parse" | "order"
    aimed_at_act: bool = False  # the object is an event noun ("mengecam serangan bom itu")


def _premodifiers(between) -> bool:
    """True when the words between a noun and a mention are only quantifiers and 'mantan'-like words."""
    return 0 < len(between) <= 3 and all(t.lower_ in W.premodifiers or t.like_num for t in between)


def _prev_word(doc: Doc, i: int, sent_start: int) -> str:
    return doc[i - 1].lower_ if i - 1 >= sent_start else ""


class RoleFinder:
    def __init__(self, doc: Doc, sent_start: int, sent_end: int, actors, cues: Cues,
                 trigger_tokens: set[int]) -> None:
        self.doc = doc
        self.s, self.e = sent_start, sent_end
        self.actors = actors
        self.cues = cues
        self.mentions = [m for m in actors.mentions if m.start >= sent_start and m.end <= sent_end]
        self.triggers = trigger_tokens
        self.parsed = doc.has_annotation("DEP")
        self.tagged = doc.has_annotation("POS")
        # mentions already taken as the object of an earlier verb: not the subject of a later one
        self.taken: set[int] = set()
        self.done: list = []  # (Match, Roles) of the triggers already read, in order
        self.speaker = None  # the sentence's attributed speaker ("kata X"), for first-person subjects
        self.current: Match | None = None  # the trigger being read
        self._allow_taken = False

    # -- public -------------------------------------------------------------------------------------
    def roles(self, m: Match) -> Roles:
        p = m.pattern
        self.current = m
        self._allow_taken = False
        if m.light is not None and m.light.reverse:
            r = self._reverse(m)
        elif p.kind == "noun" and m.light is None:
            r = self._noun(m)
        else:
            r = self._verb(m)
        self.done.append((m, r))
        return r

    def _verb(self, m: Match) -> Roles:
        p = m.pattern
        passive = m.voice == "passive"
        r = Roles()
        chained, inherited = self._inherited(m)
        # a passive's patient may be the main clause's object ("membebaskan X setelah disandera")
        self._allow_taken = passive
        accused = [] if passive else self._accused(m.start)
        if p.speaker:  # "Adalah penting bagi X untuk ..., kata Y": Y asks it of X
            subj = [self.speaker] if self.speaker is not None else []
        elif accused:
            subj = accused
        elif chained:
            subj = inherited
        else:
            subj = self._subject(m.start) or self._speaker_pronoun(m.start) or self._main_subject(m.start) \
                or ([] if passive else self._operation_subject(m.start))
        if passive and self.doc[m.end - 1].lower_.endswith("nya") and m.light is None:
            # "pasca ditetapkannya Novanto sebagai tersangka": a passive made a noun; what follows is its patient
            after = [x for x in self.mentions if m.end <= x.start <= m.end + 1]
            r.recipients = self._coordinated_right(after[0]) if after else []
            past = max((x.end for x in r.recipients), default=m.end)
            r.actors = [x for x in self._agent(past) if x.start >= past and
                        _prev_word(self.doc, x.start, self.s) == "oleh"]
        elif passive:
            r.recipients = subj
            r.actors = self._agent(m.end)
            if not r.actors and r.recipients and p.event in T.done_by_authorities:
                r.actors = self._authority_of_place(m.end)
        else:
            r.actors = subj
            if m.light is not None and _is_pen_an(self.doc[m.noun_start].lower_):
                # "memerintahkan pembebasan lima tahanan Taliban": the noun's patient follows it
                r.recipients = self._object(m.end, p, theme=False)
            else:
                r.recipients = self._object(m.end, p, theme=p.theme or m.light is not None)
            if not r.recipients and m.light is not None:
                r.recipients = self._between(m.end)
            if not r.recipients and m.light is None and not p.theme and p.cameo != "057" \
                    and self.doc[m.end - 1].lower_.endswith("nya"):  # a signed "-nya" is a document
                r.recipients = self._clitic_object(m.start, r.actors)
        if self.parsed:
            self._from_parse(m, r, passive, theme=p.theme or m.light is not None)
        if not r.recipients and p.event in T.aimed_at_site:
            r.recipients = self._protest_site(m.end)
        if not r.recipients and not passive and p.event in T.hit_site_owner:
            r.recipients = self._owner_of_place(m.end, direct=m.light is None)
        if not passive:
            self.taken |= {x.start for x in r.recipients}
        return r

    def _authority_of_place(self, te: int) -> list:
        """"Para nelayan itu dibebaskan di Dili", "wartawan itu ditahan di Moskow": a release or detention
        with no agent is the act of the authorities of the capital or country where it happened."""
        for i in range(te, min(self.e - 1, te + 3)):
            if self.doc[i].lower_ in RIGHT_BOUNDARY:
                return []
            if self.doc[i].lower_ == "di":
                x = self.actors.covering(i + 1)
                if x is not None and x.start == i + 1 and x.kind in ("metonym", "country"):
                    return [x]
                return []
        return []

    def _protest_site(self, te: int) -> list:
        """"berunjuk rasa di depan Kedutaan Besar Denmark", "demonstrasi di luar kantor PBB": a protest outside
        a site is aimed at whose the site is."""
        for i in range(te, min(self.e, te + 8)):
            t = self.doc[i]
            if t.lower_ in RIGHT_BOUNDARY and t.text != ",":
                return []
            if t.lower_ in self.cues.protest_sites and i > self.s and (
                    self.doc[i - 1].lower_ in W.preps or self.doc[i - 1].lower_ in W.locative):
                for x in self.mentions:
                    if i < x.start <= i + 3 or x.start <= i < x.end:
                        return self._coordinated_right(x)
                return []
        return []

    def _accused(self, ts: int) -> list:
        """'Ukraina menuduh Rusia mendeportasi anak-anak': the one an accusation names is the doer of the act
        that follows it (with adverbs only between), not the accuser."""
        if not self.done:
            return []
        prev, prev_roles = self.done[-1]
        if self.doc[prev.start].lower_ not in W.object_doers or not prev_roles.recipients:
            return []
        last = max(x.end for x in prev_roles.recipients)
        if last > ts or any(t.lower_ not in W.vp_adverbs for t in self.doc[last:ts]):
            return []
        return list(prev_roles.recipients)

    def _inherited(self, m: Match) -> tuple[bool, list]:
        """'X melepaskan tembakan ..., sehingga menewaskan Y': a verb that opens a chained clause with no
        actor of its own takes the actor of the verb it is chained to (none if that one has none)."""
        # the verb it is chained to: the latest verb read, past event nouns in between ("X membalas dengan
        # walk-out dari pertemuan ..., dan membatalkan ...")
        verbs = [(d, r) for d, r in self.done if not (d.pattern.kind == "noun" and d.light is None)]
        if not verbs:
            return False, []
        prev, prev_roles = verbs[-1]
        if prev.voice == "passive" or m.voice == "passive":
            return False, []  # an actor is not the patient of the passive chained to it
        links = [t for t in self.doc[prev.end:m.start] if t.lower_ in W.chain]
        if not links:
            return False, []
        last = links[-1]
        tail = self.doc[last.i:m.start]
        if any(t.lower_ in W.strong_boundary for t in tail):
            return False, []
        if last.lower_ in ("dan", "serta") and self.doc[last.i - 1].text != "," and \
                any(x.end == last.i for x in self.mentions):
            return False, []  # "A menyerang B dan C": a coordinated object, not a chained clause
        if any(x.start >= last.i for x in self.mentions if x.end <= m.start):
            return False, []
        return True, list(prev_roles.actors)

    def _operation_subject(self, ts: int) -> list:
        """"penggerebekan anti-teror menahan sembilan orang": an operation named as the subject of an arrest
        or attack stands for the security forces that carried it out (their country: the setting's)."""
        if self.current is None or self.current.pattern.event not in T.operations:
            return []
        for d, _r in reversed(self.done):
            if d.pattern.kind != "noun" or d.light is not None or d.pattern.event not in T.operations:
                continue
            gap = self.doc[d.end:ts]
            if len(gap) > 3 or any(not t.text.replace("-", "").isalpha() and t.text != "-" or t.i in self.triggers
                                   for t in gap):
                return []
            span = self.doc[d.start:ts]
            actor = Actor(span.text, span.start_char, span.end_char, "security forces", "", "COP")
            return [ActorMention(d.start, ts, actor, d.start, "coref", "role")]
        return []

    def _main_subject(self, ts: int) -> list:
        """'Pakistan membalas dengan boikot ..., dan mengurungkan rencana kunjungan': a predicate joined
        by ", dan" with no subject of its own shares the sentence's subject, the first actor that opens it
        outside any prepositional phrase."""
        i = ts - 1
        while i > self.s and self.doc[i].lower_ in W.vp_adverbs:
            i -= 1
        if i <= self.s + 1 or self.doc[i].lower_ not in W.chain or self.doc[i - 1].text != ",":
            return []
        left = [x for x in self.mentions if x.end <= i]
        in_pp = self._in_pp(left)
        for k, x in enumerate(left):
            if in_pp[k] or x.start in self.taken:
                continue
            before = [t.lower_ for t in self.doc[self.s:x.start]]
            if any(w in W.strong_boundary or w in ("kata", "ujar", "menurut", "yang") for w in before):
                return []
            return self._coordinated_right(x)
        return []

    def _speaker_pronoun(self, ts: int) -> list:
        """'Kami ingin bekerja dengan Rusia, kata Pompeo': a first-person subject is the speaker."""
        for t in reversed(self.doc[max(self.s, ts - 6):ts]):
            if t.lower_ in W.strong_boundary or self.actors.covering(t.i) is not None:
                return []
            if t.lower_ in W.first_person:
                return [self.speaker] if self.speaker is not None else []
        return []

    def _between(self, te: int) -> list:
        """'pertemuan antara para pemimpin Israel dan Palestina': the parties after "antara"."""
        for t in self.doc[te:min(self.e, te + 4)]:
            if t.lower_ in self.cues.between:
                after = [x for x in self.mentions if x.start > t.i and x.start - t.i <= 3]
                return self._coordinated_right(after[0]) if after else []
        return []

    # -- word order -----------------------------------------------------------------------------------
    def _subject(self, ts: int) -> list:
        """Nearest actor to the left that is not the object of a preposition, with its coordinates.

        In "X yang V" the subject of V is X; a "yang" that does not follow the candidate directly means
        the relative clause belongs to another noun, and there is no actor subject to find.
        """
        left = [x for x in self.mentions if x.end <= ts]
        in_pp = self._in_pp(left)
        aside = self._asides(ts)
        for k in range(len(left) - 1, -1, -1):
            x = left[k]
            if x.start in aside:
                continue
            between = [t.lower_ for t in self.doc[x.end:ts] if t.i not in aside]
            if any(w in W.strong_boundary for w in between):
                return []
            if "yang" in between:
                if in_pp[k] and _prev_word(self.doc, x.start, self.s) in ("di", "ke", "dari"):
                    continue  # "pasar di Suriah, yang menewaskan": the place is not the clause's subject
                last = max(i for i, w in enumerate(between) if w == "yang")
                # "X yang V", "X, yang V", "X bersenjata yang V" (a modifier or two between)
                glue = self.doc[x.end:x.end + last]
                if last > 2 or any(t.text != "," and (t.i in self.triggers or t.lower_ in W.preps
                                                      or t.text[:1].isupper() and t.lower_ not in W.affiliations)
                                   for t in glue):
                    return []
                if any(t.text == "," for t in glue) and any(t.text != "," for t in glue):
                    return []  # "... apa yang dilakukan AS selanjutnya, yang mendorong": "yang" sums up a clause
                return self._coordinated_left(x, left)
            if in_pp[k] or x.start in self.taken and not self._allow_taken:
                continue
            if x.start > self.s and self.doc[x.start - 1].lower_ in {"kata", "ujar", "menurut"}:
                continue
            return self._coordinated_left(x, left)
        return []

    def _asides(self, ts: int) -> set[int]:
        """Tokens of comma-enclosed relative clauses before ts ("As-Sadr, yang ... ke Iran, menuntut"):
        the subject is read across them."""
        out: set[int] = set()
        i = self.s
        while i < ts - 1:
            if self.doc[i].text == "," and self.doc[i + 1].lower_ == "yang":
                j = i + 2
                while j < ts and self.doc[j].text != ",":
                    j += 1
                if j < ts:  # closed before the trigger
                    out.update(range(i, j + 1))
                i = j
            i += 1
        return out

    def _in_pp(self, mentions: list) -> list[bool]:
        """Whether each mention sits in a prepositional phrase, coordination carrying it ("dari A dan B")."""
        flags: list[bool] = []
        for k, x in enumerate(mentions):
            j = x.start - 1
            while j >= self.s and self.doc[j].lower_ in W.locative:
                j -= 1
            flag = j >= self.s and self.doc[j].lower_ in W.preps
            if not flag and k and flags[k - 1]:
                gap = [t.lower_ for t in self.doc[mentions[k - 1].end:x.start]]
                flag = bool(gap) and all(w in W.coord for w in gap) and (
                    any(w in W.conj for w in gap) or self._list_ends(x))
            flags.append(flag)
        return flags

    def _coordinated_left(self, x, left: list) -> list:
        """'A, B dan C V': commas join only once a conjunction has been seen to their right."""
        out = [x]
        cur = x
        conj = False
        for y in reversed([m for m in left if m.end <= x.start]):
            gap = [t.lower_ for t in self.doc[y.end:cur.start]]
            if not gap:
                continue
            if not all(w in W.coord for w in gap):
                break
            if any(w in W.conj for w in gap):
                conj = True
            elif not conj:
                break
            out.insert(0, y)
            cur = y
        return out

    def _specific(self, x):
        """A generic role with no country ("pasukan") followed by whose it is ("pasukan sekutu Serraj",
        "pasukan yang dipimpin Khalifa Haftar") stands for that owner."""
        if x.actor.country:
            return x
        for y in self.mentions:
            if y.start < x.end:
                continue
            gap = [t.lower_ for t in self.doc[x.end:y.start]]
            if len(gap) <= 3 and all(w in W.owner_glue for w in gap) and (y.actor.country or y.kind == "person"):
                return y
            break
        return x

    def _coordinated_right(self, x) -> list:
        x = self._specific(x)
        out = [x]
        cur = x
        for y in [m for m in self.mentions if m.start >= x.end]:
            gap = [t.lower_ for t in self.doc[cur.end:y.start]]
            if gap and all(w in W.coord for w in gap) and gap != [","] or gap == [","] and self._list_ends(y):
                out.append(y)
                cur = y
            elif not gap:
                continue
            else:
                break
        return out

    def _list_ends(self, y) -> bool:
        """'A, B dan C': a comma joins only when the list goes on to a conjunction."""
        for t in self.doc[y.end:min(self.e, y.end + 8)]:
            if t.lower_ in {"dan", "serta", "maupun"}:
                return True
            if t.lower_ in RIGHT_BOUNDARY and t.text != ",":
                return False
        return False

    def _object(self, te: int, p, theme: bool = False) -> list:
        """First actor to the right before a clause boundary or another verb, not in a place/source phrase.

        With `theme` (mengirim pasukan ke X, memasok senjata kepada X, melakukan serangan terhadap X) the
        bare object is what is sent or done, so the recipient must come with a preposition.
        """
        via = set(p.recipient_via)
        for x in self._right(te):
            between = self.doc[te:max(te, x.start)]
            if len(between) > 8:
                return []
            if any(t.lower_ in RIGHT_BOUNDARY for t in between):
                return []
            if any(t.i in self.triggers or self._verbish(t) for t in between):
                return []
            prev = self._prep_before(te, x)
            prep = prev
            inner = self._inner_direction(x, via, theme)
            if inner is not None:
                return [inner]
            if via:
                if (prev if prev in W.preps else "obj") in via:
                    return self._coordinated_right(x)
                continue
            if theme:
                if prev in self.cues.recipient_preps:
                    return self._coordinated_right(x)
                continue
            if prep in W.not_recipient or prev in ("dengan", "bersama") and not p.symmetric:
                continue
            return self._coordinated_right(x)
        return []

    def _inner_direction(self, x, via: set[str], theme: bool):
        """"menarik pasukan dari Irak", "mengirim tentara ke Lebanon": the resolver reads the theme and the
        place as one actor ("troops of Iraq"); the place after the preposition is the recipient. Returns a
        mention for that place, or None."""
        if not (via or theme):
            return None
        for k in range(x.start + 1, x.end - 1):
            w = self.doc[k].lower_
            if (w in via if via else w in self.cues.recipient_preps) and w in ("dari", "ke", "kepada", "untuk"):
                first, last = self.doc[k + 1], self.doc[x.end - 1]
                text = self.doc[k + 1:x.end].text
                actor = replace(x.actor, text=text, start=first.idx, end=last.idx + len(last.text), name=text,
                                sector="GOV")
                return type(x)(k + 1, x.end, actor, x.end - 1, x.via, "country")
        return None

    def _prep_before(self, te: int, x) -> str:
        """The preposition governing mention x ("atas helikopter Apache AS" -> atas), or the word before it."""
        for t in reversed(self.doc[te:x.start]):
            if t.lower_ in W.preps:
                return t.lower_
        # "diperlukan dari pihak Palestina": the trigger's own last word, past quantifiers and "pihak"
        i = x.start - 1
        while i > self.s and (self.doc[i].lower_ in W.premodifiers or self.doc[i].like_num):
            i -= 1
        return self.doc[i].lower_ if i >= self.s else ""

    def _right(self, te: int) -> list:
        """Mentions after token te, and one that overlaps te ("bantuan [militer dari Jerman]")."""
        return [x for x in self.mentions if x.start >= te or x.start < te < x.end]

    def _verbish(self, t: Token) -> bool:
        """A verb the object scan must not cross: tagged VERB, or a lower-case meN-/ber-/di- word."""
        if t.i > 0 and self.doc[t.i - 1].lower_ == "secara":  # "secara berkala": an adverb
            return False
        if t.lower_.endswith("nya") and not t.lower_.startswith(("me", "di")):
            return False  # "masuknya kapal China": a verb made a noun by -nya
        if self.tagged:
            return t.pos_ == "VERB"
        w = t.text
        low = t.lower_
        return (w[:1].islower() and len(w) > 5 and w.startswith(W.verb_prefixes)
                and low not in W.preps and low not in W.not_verbs and not low.startswith(("dia", "diri")))

    def _agent(self, te: int) -> list:
        """Agent of a passive: after "oleh", or right after the verb ("disampaikan Menteri X")."""
        for x in self._right(te):
            between = self.doc[te:max(te, x.start)]
            prev = _prev_word(self.doc, x.start, self.s)
            # "dicap sebagai unsur paling berbahaya di Irak oleh Pentagon": an "oleh" agent may follow a
            # longer complement
            if len(between) > (10 if prev == "oleh" else 6) or any(t.lower_ in RIGHT_BOUNDARY for t in between):
                return []
            if prev == "oleh" or x.start <= te or (x.start == te + 1 and prev in {"pihak", "para"}):
                return self._coordinated_right(x)
        return []

    def _reverse(self, m: Match) -> Roles:
        """menerima/mendapat + noun: the subject receives; the actor follows (dari/oleh) the noun."""
        r = Roles(recipients=self._subject(m.start))
        for x in self._right(m.end):
            between = self.doc[m.end:max(m.end, x.start)]
            if len(between) > 5 or any(t.lower_ in RIGHT_BOUNDARY for t in between):
                break
            prev = _prev_word(self.doc, x.start, self.s)
            if prev in self.cues.agent_preps or x.start <= m.end or prev in {"penuh", "besar"}:
                r.actors = self._coordinated_right(x)
                break
        return r

    def _noun(self, m: Match) -> Roles:
        """An event noun on its own: "serangan LNA ke Tripoli", "dukungan Mesir", "antara X dan Y",
        "penembakan yang dilakukan X". The possessor right after a peN-an noun is its patient
        ("pembunuhan Rafik Hariri", "pembebasan wartawan Italia"), after an -an noun its agent
        ("serangan LNA", "dukungan Mesir")."""
        r = Roles()
        p = m.pattern
        head_word = self.doc[m.noun_start if m.noun_start >= 0 else m.start].lower_
        # "pembunuhan X": X was killed; but "pertemuan X dengan Y", "perundingan X": X takes part
        patient_first = _is_pen_an(head_word) and not (p.symmetric and p.event in T.agent_after_noun)
        k = m.end
        if k + 1 < self.e and self.doc[k].lower_ == "yang" and self.doc[k + 1].lower_ in W.done_by:
            agent = self._agent(k + 2)
            if agent:
                r.actors = agent
            k += 2
        owner = self._owner_of_place(k)
        if owner:
            r.recipients = owner
        for x in self._right(k):
            between = self.doc[k:max(k, x.start)]
            if len(between) > 6 or any(t.lower_ in RIGHT_BOUNDARY for t in between):
                break
            if any(t.i in self.triggers or self._verbish(t) for t in between):
                break
            prev = self._prep_before(k, x)
            if prev in self.cues.between:
                r.actors = self._coordinated_right(x)
                break
            if prev in self.cues.agent_preps and not r.actors:
                r.actors = self._coordinated_right(x)
                continue
            if (x.start <= k or _premodifiers(between)) and not r.actors and not r.recipients:
                if patient_first:
                    r.recipients = self._coordinated_right(x)
                else:
                    r.actors = self._coordinated_right(x)
                continue
            if prev in self.cues.recipient_preps and prev != "dengan" or prev == "dengan" and p.symmetric:
                if not r.recipients:
                    r.recipients = self._coordinated_right(x)
                break
        if not r.actors and p.event in T.claimed:
            r.actors = self._claimed_agent(k)
        if not r.recipients:
            r.recipients = self._unnamed_recipient(k)
        if not r.recipients and p.event in T.aimed_at_site:
            r.recipients = self._protest_site(k)
        if not r.actors and not r.recipients and p.event in T.with_victims:
            r.recipients = self._victims(m.start)
        if not r.actors and r.recipients and self.speaker is not None and self._introduced(r.recipients[0]) \
                and lookup(p.cameo).verbal and all(x.start != self.speaker.start for x in r.recipients):
            # "Tuduhan terhadap mereka ..., kata X", "..., kata X dalam pertemuan dengan Y": a verbal act
            # named by a noun with no actor of its own is the speaker's
            r.actors = [self.speaker]
        if not r.actors and r.recipients and p.symmetric and p.event in T.joint:
            # "Rice mengatakan pertemuan dengan Olmert ...": the clause's subject, a verb away, takes part
            near = [x for x in self._subject(m.start) if m.start - x.end <= 3]
            r.actors = near
        return r

    def _owner_of_place(self, te: int, direct: bool = False) -> list:
        """"serangan terhadap pangkalan yang dioperasikan perusahaan X", "serangan ke kapal milik Y", "menembaki
        bus yang membawa peziarah Z": an attack on a site or vehicle that is not an actor hits its owner,
        operator or passengers. `direct`: a verb's object may follow with no preposition."""
        if te + 2 >= self.e:
            return []
        if self.doc[te].lower_ in self.cues.recipient_preps - {"dengan"}:
            first = te + 1
        elif direct:
            first = te
        else:
            return []
        for i in range(first, min(self.e, first + 5)):
            if self.actors.covering(i) is not None:
                return []  # the recipient is named directly
            w = self.doc[i].lower_
            if w == "milik" or w == "yang" and i + 1 < self.e and self.doc[i + 1].lower_ in W.owned_by:
                start = i + 1 if w == "milik" else i + 2
                for x in self.mentions:
                    if start <= x.start <= start + 6 and not any(
                            t.lower_ in RIGHT_BOUNDARY for t in self.doc[start:x.start]):
                        return self._coordinated_right(x)
                return []
        return []

    def _claimed_agent(self, te: int) -> list:
        """"serangan atas X ..., yang disebut sebagai aksi Al-Qaeda", "pengeboman ... yang diklaim oleh
        kelompok Y": the group a relative clause blames or credits is the attack's actor."""
        claims = self.cues.claim_verbs
        for i in range(te, min(self.e - 1, te + 20)):
            t = self.doc[i]
            if t.lower_ in W.strong_boundary:
                return []
            if t.lower_ != "yang" or self.doc[i + 1].lower_ not in claims:
                continue
            for j in range(i + 2, min(self.e, i + 8)):
                x = self.actors.covering(j)
                if x is not None and x.start == j:
                    return self._coordinated_right(x)
                if self.doc[j].lower_ not in self.cues.claim_glue:
                    return []
            return []
        return []

    def _introduced(self, x) -> bool:
        """Is mention x introduced by a recipient preposition ("terhadap mereka", "dengan X"), not a
        possessor ("pengakuan warga")?"""
        i = x.start - 1
        while i > self.s and (self.doc[i].lower_ in W.premodifiers or self.doc[i].like_num):
            i -= 1
        return i >= self.s and self.doc[i].lower_ in self.cues.recipient_preps

    def _unnamed_recipient(self, te: int) -> list:
        """"tuduhan terhadap mereka" with no antecedent for "mereka": aimed at someone unknown. A mention
        with no country stands for them, so the act counts as aimed."""
        if te + 1 >= self.e or self.doc[te].lower_ not in self.cues.recipient_preps - {"dengan"}:
            return []
        t = self.doc[te + 1]
        if t.lower_ not in W.unnamed or self.actors.covering(t.i) is not None:
            return []
        actor = Actor(t.text, t.idx, t.idx + len(t.text), t.text)
        return [ActorMention(t.i, t.i + 1, actor, t.i, "coref", "pronoun")]

    def _clitic_object(self, ts: int, actors: list) -> list:
        """"Olmert menelepon Abbas dan mendesaknya": the object clitic -nya is the latest other actor
        before the verb in this sentence."""
        mine = {x.start for x in actors}
        for x in reversed([x for x in self.mentions if x.end <= ts]):
            if x.start not in mine and x.actor.name not in {a.actor.name for a in actors}:
                return [x]
        return []

    def _victims(self, ts: int) -> list:
        """"Seorang tentara Inggris tewas akibat bom pinggir jalan", "delapan orang tewas dalam bentrokan":
        the subject of a death or injury word just before "akibat/karena/dalam/oleh" + attack noun is the
        attack's target."""
        k = ts - 1
        while k > self.s and self.doc[k].lower_ in W.determiners:
            k -= 1
        if k <= self.s or self.doc[k].lower_ not in W.cause_preps:
            return []
        for j in range(k - 1, max(self.s, k - 4) - 1, -1):
            if self.doc[j].lower_ in W.harmed:
                return self._subject(j)
        return []

    # -- dependency parse ---------------------------------------------------------------------------
    def _from_parse(self, m: Match, r: Roles, passive: bool, theme: bool = False) -> None:
        """Fill what word order missed from the parse (subject inherited along xcomp/conj/advcl chains)."""
        head = self.doc[m.head]
        if not r.actors and not passive:
            subj = self._dep_subject(head, SUBJ_DEPS)
            if subj is not None:
                r.actors = self._resolve(subj)
                if r.actors:
                    r.how = "parse"
        if not r.recipients and not passive and not theme:  # a theme object is not the recipient
            for child in head.children:
                if child.dep_ in OBJ_DEPS and child.i >= m.end:
                    got = self._resolve(child)
                    if got:
                        r.recipients, r.how = got, "parse"
                        break
        if passive and not r.actors:
            for child in head.children:
                if child.dep_.startswith("obl") and any(c.lower_ == "oleh" for c in child.children):
                    got = self._resolve(child)
                    if got:
                        r.actors, r.how = got, "parse"
                        break

    def _dep_subject(self, tok: Token, deps: set[str]) -> Token | None:
        for _ in range(4):
            for child in tok.children:
                if child.dep_ in deps:
                    return child
            if tok.dep_ in {"xcomp", "conj", "advcl"} and tok.head is not tok:
                tok = tok.head
            else:
                return None
        return None

    def _resolve(self, tok: Token) -> list:
        if not (self.s <= tok.i < self.e):
            return []
        return list(self.actors.for_token(tok))


def _is_pen_an(word: str) -> bool:
    """peN-...-an / per-...-an nominalisations (pembunuhan, penangkapan, pembebasan, perlindungan)."""
    return word.endswith("an") and word.startswith(("pem", "pen", "peng", "peny", "pe", "per")) and len(word) > 7
