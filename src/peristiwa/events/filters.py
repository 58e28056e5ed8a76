"""The rule coder's filters and merge rules, each a small named function that gives its reason.

A trigger with its roles is a *candidate*. `EVENT_FILTERS` are asked in order; the first that returns a
reason drops the candidate, and the runner (`run_filters`) logs the reason at DEBUG on the
"peristiwa.events" logger and counts it. The kept events of a sentence then go through `MERGE_RULES`
(one act reported twice becomes one event) and, once every event of the sentence is known, `TOLL_RULES`
(a shooting and its toll are one attack). A merge rule that returns a reason has folded the event into one
already kept (or found it a duplicate of one); the event itself is not kept.

Each function's docstring gives one sentence it keeps and one it drops (or merges). A new rule is one
function, one entry in its list, and a test built from its sentences.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peristiwa.events.words import words
from peristiwa.ontology import event_types, lookup

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from peristiwa.events.lexicon import Cues, Pattern
    from peristiwa.events.matcher import Match
    from peristiwa.events.roles import Roles
    from peristiwa.schema import Actor, Event

log = logging.getLogger("peristiwa.events")
# The filters' vocabulary (reflexives, toll verbs, clause links): data/events/coder.yaml.
W = words("coder")
# Which event types a rule applies to: data/events/types.yaml.
T = event_types()


@dataclass(slots=True)
class Candidate:
    """A trigger with its roles, before it is an Event: `src`/`tgt` are the actors with countries filled in,
    `base` the PLOVER type before the recipient and modality refine it."""

    match: Match
    roles: Roles
    modality: str
    src: list[Actor]
    tgt: list[Actor]
    base: str

    @property
    def pattern(self) -> Pattern:
        return self.match.pattern


@dataclass(frozen=True, slots=True)
class FilterContext:
    """What a filter may read besides the candidate (read-only)."""

    doc: Doc
    sent: Span
    actors: object  # the resolver's DocActors
    cues: Cues
    unaimed_ok: Callable[[Candidate], bool]  # IndonesianCoder._unaimed_ok for this candidate


Filter = Callable[[Candidate, FilterContext], "str | None"]


def no_participants(c: Candidate, ctx: FilterContext) -> str | None:
    """Keeps "Mesir mendukung LNA"; drops "Serangan itu dikecam" (no actor, no recipient)."""
    return "no actor and no recipient" if not c.src and not c.tgt else None


def directed_without_recipient(c: Candidate, ctx: FilterContext) -> str | None:
    """Keeps "AS mengecam serangan bom di Baghdad" (an unattributed act) and "meminta negara peserta untuk
    berkomitmen" (demanded); drops "Menlu itu mengecam" (a directed act aimed at no one)."""
    p = c.pattern
    if c.tgt:
        return None
    if p.need_recipient:
        return "directed act without a recipient"
    if c.base in ctx.cues.directed_types and not p.symmetric and c.modality != "negated" \
            and not (c.modality == "demanded" and lookup(p.cameo).verbal) and not ctx.unaimed_ok(c):
        return "directed act without a recipient"
    return None


def needs_actor(c: Candidate, ctx: FilterContext) -> str | None:
    """Keeps a pattern marked need_actor with its actor named; drops it when no actor is found."""
    return "pattern needs an actor" if c.pattern.need_actor and not c.src else None


def actor_sector(c: Candidate, ctx: FilterContext) -> str | None:
    """Keeps "polisi menangkap X" for an arrest pattern limited to police and army; drops "warga menangkap
    X" (an actor of another sector), and the pattern with no actor at all."""
    p = c.pattern
    if p.actor_sector and c.src and not any(a.sector in p.actor_sector for a in c.src):
        return "actor not of the pattern's sector"
    if p.actor_sector and not c.src:
        return "actor of a sector-bound pattern missing"
    return None


def recipient_sector(c: Candidate, ctx: FilterContext) -> str | None:
    """Keeps a pattern limited to recipients of some sectors when one recipient is of them; drops it
    otherwise."""
    p = c.pattern
    if p.recipient_sector and not any(a.sector in p.recipient_sector for a in c.tgt):
        return "recipient not of the pattern's sector"
    return None


def recipient_country(c: Candidate, ctx: FilterContext) -> str | None:
    """Keeps "mencaplok wilayah Ukraina" (annexation of a country's land); drops the pattern when no
    recipient has a country."""
    if c.pattern.recipient_country_only and not any(a.country for a in c.tgt):
        return "recipient without a country"
    return None


def unnamed_actor(c: Candidate, ctx: FilterContext) -> str | None:
    """Keeps "Tiga polisi tewas diserang" (material conflict is reported without its author); drops
    "Bantuan dikirim ke Gaza" (cooperation needs its actor named) and a bare noun other than an attack."""
    p, m = c.pattern, c.match
    if not c.src and (lookup(p.cameo).quad != 4 or p.kind == "noun" and m.light is None and p.event not in T.unnamed_noun):
        return "no named actor for an act other than material conflict"
    return None


def bare_agent(c: Candidate, ctx: FilterContext) -> str | None:
    """Keeps "ditangkap polisi" (the agent is an actor); drops "dihantam badai PHK" (the agent is named,
    and it is not a political actor)."""
    m = c.match
    if c.src or m.voice != "passive" or m.end >= len(ctx.doc):
        return None
    t = ctx.doc[m.end]  # a noun right after a di- verb is its agent
    if t.pos_ in ("NOUN", "PROPN") and ctx.actors.covering(t.i) is None and t.lower_ not in ("mati", "tewas"):
        return "passive agent that is not an actor"
    return None


def reflexive(c: Candidate, ctx: FilterContext) -> str | None:
    """Keeps "meledakkan diri di pos pemeriksaan" (a suicide bombing); drops "menembak dirinya sendiri"
    (done to oneself, no one is acted upon)."""
    m, p = c.match, c.pattern
    if m.end < ctx.sent.end and ctx.doc[m.end].lower_ in W.reflexive and "diri" not in p.words[-1] \
            and not p.cameo.startswith("183"):
        return "act done to oneself"
    return None


def relative_description(c: Candidate, ctx: FilterContext) -> str | None:
    """Keeps "X, yang dieksekusi atas tuduhan ..." (with its comma it reports an act); drops "wartawan yang
    diculik" (a description of who someone is)."""
    m, doc = c.match, ctx.doc
    if not c.src and m.voice == "passive" and m.light is None and m.start > ctx.sent.start + 1 \
            and doc[m.start - 1].lower_ == "yang" and doc[m.start - 2].text != ",":
        return "agentless passive in a relative clause"
    return None


def bare_verbal_noun(c: Candidate, ctx: FilterContext) -> str | None:
    """Keeps "kecaman AS terhadap Rusia" (a verbal noun aimed at someone); drops "komitmen pemerintah"
    (a bare verbal noun with no target)."""
    p = c.pattern
    if p.kind == "noun" and c.match.light is None and not c.tgt and lookup(p.cameo).verbal \
            and not p.symmetric:
        return "verbal noun without a target"
    return None


# In this order; the first reason wins (the order of the checks the coder has always made).
EVENT_FILTERS: list[Filter] = [
    no_participants, directed_without_recipient, needs_actor, actor_sector, recipient_sector, recipient_country,
    unnamed_actor, bare_agent, reflexive, relative_description, bare_verbal_noun,
]


def run_filters(c: Candidate, ctx: FilterContext, counts: Counter[str] | None = None,
                filters: list[Filter] = EVENT_FILTERS) -> str | None:
    """The first filter's reason to drop `c` (logged at DEBUG and counted in `counts`), or None to keep it."""
    for f in filters:
        reason = f(c, ctx)
        if reason is not None:
            log.debug("dropped %s %r (%s): %s", c.base or c.pattern.event, ctx.doc[c.match.start:c.match.end].text,
                      f.__name__, reason)
            if counts is not None:
                counts[reason] += 1
            return reason
    return None


# -- merging the events of one sentence -------------------------------------------------------------------


@dataclass(slots=True)
class MergeContext:
    offset: int  # the sentence's first character (event offsets are the document's)
    tolls: list[Event] = field(default_factory=list)  # the toll-verb attacks with actor and recipient


MergeRule = Callable[["Event", list["Event"], MergeContext], "str | None"]


def _names(actors: list[Actor]) -> set[str]:
    return {x.name for x in actors}


def _new_clause(first: Event, second: Event, offset: int) -> bool:
    """'X walk-out dari pertemuan ..., dan mengurungkan rencana ...': a second act in a clause of its own
    is a second event, even of the same type and by the same actor."""
    lo, hi = first.trigger.end - offset, second.trigger.start - offset
    gap = first.text[lo:hi] if 0 <= lo <= hi else ""
    return any(link in gap for link in W.clause_links)


def same_act_twice(ev: Event, kept: list[Event], ctx: MergeContext) -> str | None:
    """Merges "serangan Israel ke Lebanon ... Israel menyerang Lebanon" (one act reported twice in a clause);
    keeps "X walk-out dari pertemuan ..., dan mengurungkan rencana ..." (a second clause is a second act)."""
    a, r = _names(ev.actor), _names(ev.recipient)
    twin = next((o for o in kept if o.event == ev.event and _names(o.actor) == a
                 and r <= _names(o.recipient) and not _new_clause(o, ev, ctx.offset)), None)
    return "same act twice" if twin is not None else None


def toll_of_earlier_attack(ev: Event, kept: list[Event], ctx: MergeContext) -> str | None:
    """Merges "serangan militer Israel terhadap konvoi ... yang menewaskan 12 orang" (a toll with no actor of
    its own belongs to the attack named before it); keeps such a toll when no attack with an actor precedes."""
    if ev.event not in T.with_toll or ev.actor or ev.trigger.text.lower() not in W.toll_verbs:
        return None
    earlier = next((o for o in kept if o.event in T.with_toll and o.actor and o.trigger.end <= ev.trigger.start),
                   None)
    if earlier is None:
        return None
    earlier.recipient = earlier.recipient or ev.recipient
    return "toll of an earlier attack"


def toll_of_attack_noun(ev: Event, kept: list[Event], ctx: MergeContext) -> str | None:
    """Merges "Serangan udara AS ... menewaskan warga sipil" (the actor was read off the attack noun that is
    the toll verb's subject; whom it killed is the attack's target when the noun named none); keeps "AS
    menewaskan ..." with no attack noun before its actor."""
    a = _names(ev.actor)
    if ev.event not in T.with_toll or not a or ev.trigger.text.lower() not in W.toll_verbs:
        return None
    noun = next((o for o in kept if o.event in T.with_toll and _names(o.actor) == a
                 and o.trigger.end <= min(x.start for x in ev.actor)
                 and max(x.end for x in ev.actor) <= ev.trigger.start), None)
    if noun is None:
        return None
    noun.recipient = noun.recipient or ev.recipient
    return "toll verb of an attack noun"


def two_halves(ev: Event, kept: list[Event], ctx: MergeContext) -> str | None:
    """Merges "tewas ditembak dalam insiden penembakan yang dilakukan X" (one act, its recipient found at
    one trigger and its actor at the other); keeps two such triggers 80 characters or more apart."""
    half = next((o for o in kept if o.event == ev.event and abs(o.trigger.start - ev.trigger.start) < 80
                 and (not o.actor and o.recipient and ev.actor and not ev.recipient
                      or o.actor and not o.recipient and not ev.actor and ev.recipient)), None)
    if half is None:
        return None
    half.actor = half.actor or ev.actor
    half.recipient = half.recipient or ev.recipient
    return "two halves of one act"


def shooting_without_victims(ev: Event, kept: list[Event], ctx: MergeContext) -> str | None:
    """Merges "X melepaskan tembakan ..., sehingga menewaskan Y" (the shooting and the killing are one
    attack; the toll verb names whom it hit, so the version without a recipient goes); keeps a shooting
    by an actor with no toll verb of its own."""
    if ev.event in T.with_toll and ev.actor and not ev.recipient and any(
            t is not ev and _names(t.actor) == _names(ev.actor) for t in ctx.tolls):
        return "shooting with a toll verb"
    return None


def toll_joins_shooting(ev: Event, kept: list[Event], ctx: MergeContext) -> str | None:
    """Merges the dead of "X menembaki Y ..., dan menewaskan Z" into the shooting's recipients (it names
    whom it aimed at too); keeps a toll whose shooting differs in actor or modality."""
    if not any(ev is t for t in ctx.tolls):
        return None
    first = next((f for f in kept if f.event in T.with_toll and f.recipient and f.trigger.end <= ev.trigger.start
                  and f.modality == ev.modality and _names(f.actor) == _names(ev.actor)), None)
    if first is None:
        return None
    known = _names(first.recipient)
    first.recipient = first.recipient + [x for x in ev.recipient if x.name not in known]
    return "toll joins its shooting"


# First pass, event by event against the ones kept so far; second pass, once the toll-verb attacks of
# the whole sentence are known.
MERGE_RULES: list[MergeRule] = [same_act_twice, toll_of_earlier_attack, toll_of_attack_noun, two_halves]
TOLL_RULES: list[MergeRule] = [shooting_without_victims, toll_joins_shooting]


def _merge_pass(events: list[Event], rules: list[MergeRule], ctx: MergeContext,
                counts: Counter[str] | None) -> list[Event]:
    kept: list[Event] = []
    for ev in events:
        for rule in rules:
            reason = rule(ev, kept, ctx)
            if reason is not None:
                log.debug("merged %s %r (%s): %s", ev.event, ev.trigger.text, rule.__name__, reason)
                if counts is not None:
                    counts[reason] += 1
                break
        else:
            kept.append(ev)
    return kept


def merge_events(events: list[Event], offset: int = 0, counts: Counter[str] | None = None) -> list[Event]:
    """One act reported twice in a sentence ("serangan Israel ke Lebanon menewaskan ...") is one event."""
    ctx = MergeContext(offset)
    out = _merge_pass(events, MERGE_RULES, ctx, counts)
    ctx.tolls = [o for o in out if o.event in T.with_toll and o.actor and o.recipient
                 and o.trigger.text.lower() in W.toll_verbs]
    return _merge_pass(out, TOLL_RULES, ctx, counts)
