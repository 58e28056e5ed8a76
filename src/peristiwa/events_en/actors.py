"""English actor mentions: names from the project's actor lexicon and the Phoenix-derived list, generic agents
("police", "rebels") with their sector, and their combinations ("Libyan troops", "the president of France",
"Russian Foreign Minister Sergei Lavrov").

Matching reuses the project's compact keys (peristiwa.actors.lexicon.KeyIndex): token texts are concatenated
in lower case, so "al-Qaeda" matches however the tokenizer splits it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from peristiwa.actors.lexicon import ActorLexicon, KeyIndex, compact
from peristiwa.events_en.lexicon import EnglishLexicon
from peristiwa.events_en.words import words
from peristiwa.schema import Actor

# The English coder's vocabulary (names, pronouns, clause words): data/events_en/words.yaml.
W = words()

# Longest name tried, in tokens: longer lexicon entries are rare and cost a lookup per token each.
_MAX_TOKENS = 10


@dataclass(slots=True)
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    actor: Actor
    kind: str  # "country" | "name" | "agent" | "person"
    titled: bool = False  # ends with an agent noun ("police", "Foreign Minister")
    name_start: int = -1  # where the name proper starts after a title ("Foreign Minister | Kojo Mensah")
    title: Actor | None = None  # the title's own reading, when a known name was merged after it
    owned: bool = False  # "its troops": the country is the clause subject's (events_en.actors._owned_by_subject)
    capital: bool = False  # a capital read as its state ("Washington", "Paris")


def _longest(index: KeyIndex, tokens: list[str], lowers: list[str], i: int, accept) -> tuple[int, object] | None:
    """The longest key starting at token i whose value `accept(value, i, j)` takes: (end, value)."""
    best = None
    acc = ""
    keys, prefixes = index.keys, index.prefixes
    for j in range(i, min(len(tokens), i + _MAX_TOKENS)):
        acc += lowers[j]
        if acc not in prefixes:
            break
        for value in keys.get(acc, ()):
            if accept(value, i, j + 1):
                best = (j + 1, value)
                break
    return best


def _states_outside_person_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Drop a capital read inside a person's name of two words or more that the NER tagged, and a country
    read there after the name's first word: "Denzel Washington" and "Michael Jordan" are people, not the
    United States and Jordan. A country as the first word stays: the small English NER sometimes runs a
    state into the name that follows it."""
    person: dict[int, int] = {}
    for e in doc.ents:
        if e.label_ == "PERSON" and len(e) > 1:
            for i in range(e.start, e.end):
                person[i] = e.start
    if not person:
        return mentions
    return [m for m in mentions if not (m.kind == "country" and m.start in person
                                        and person.get(m.end - 1) == person[m.start]
                                        and (m.capital or m.start > person[m.start]))]


class ActorFinder:
    def __init__(self, project: ActorLexicon, lex: EnglishLexicon) -> None:
        self.project = project
        self.lex = lex

    def find(self, doc: Doc, published: str | None, named: list[Mention] | None = None) -> list[Mention]:
        """Actor mentions in token order. `named`: names found otherwise (the statistical NER), kept where
        no lexicon mention overlaps them, before surnames and pronouns are read."""
        tokens = [t.text for t in doc]
        lowers = [compact(t) for t in tokens]
        raw: list[Mention] = []
        i, n = 0, len(tokens)
        while i < n:
            m = self._at(doc, tokens, lowers, i, published)
            if m is None:
                i += 1
                continue
            raw.append(m)
            i = m.end
        raw = _states_outside_person_names(doc, raw)
        mentions = _surnames(doc, _names_after_titles(doc, _led_bodies(doc, _combine(doc, raw, self.lex))))
        if named:
            # after surnames: "Manalo" alone is the Philippine minister named in full before, not a new name
            taken = {i for m in mentions for i in range(m.start, m.end)}
            mentions = sorted(mentions + [m for m in named if not any(i in taken for i in range(m.start, m.end))],
                              key=lambda m: m.start)
        return _owned_by_subject(doc, _pronouns(doc, mentions))

    def _at(self, doc: Doc, tokens: list[str], lowers: list[str], i: int, published: str | None) -> Mention | None:
        first = tokens[i]
        found: list[Mention] = []
        # names start with a capital, or with a particle and a hyphen ("al-Shabaab", "el-Sisi")
        if first[:1].isupper() or first.lower() in W.name_particles and i + 1 < len(tokens) and tokens[i + 1] == "-":
            def project_ok(alias, a: int, b: int) -> bool:
                if alias.exact:
                    return "".join(tokens[a:b]) == "".join(alias.text.split())
                return True

            hit = _longest(self.project.actors, tokens, lowers, i, project_ok)
            if hit:
                end, alias = hit
                entry = alias.entry
                country, sector = entry.at(published)
                kind = "country" if entry.kind in ("country", "metonym") else \
                    "person" if entry.kind == "person" else "name"
                found.append(Mention(i, end, _actor(doc, i, end, entry.name, country, sector, entry.wikidata), kind,
                                     capital=entry.kind == "metonym"))

            def phoenix_ok(value, a: int, b: int) -> bool:
                name = value[0]
                text = "".join(tokens[a:b])
                # short names are acronyms ("UN", "PKK"): only in capitals, so "us" and "aid" never match
                return not (len(compact(name)) <= 4 and not text.isupper())

            hit = _longest(self.lex.actors, tokens, lowers, i, phoenix_ok)
            if hit and (not found or hit[0] > found[0].end):
                end, (canonical, country, sector) = hit
                found = [self._phoenix(doc, i, end, canonical, country, sector)]
        hit = _longest(self.lex.agents, tokens, lowers, i, lambda v, a, b: True)
        if hit and (not found or hit[0] > found[0].end):
            end, (phrase, sector) = hit
            found = [Mention(i, end, _actor(doc, i, end, phrase, "", sector, None), "agent", True)]
        if found and found[0].kind == "country" and i >= 2 and tokens[i - 1].lower() == "of" \
                and tokens[i - 2].lower() in W.waters:
            return None  # "the Sea of Japan", "the Gulf of Oman": a body of water, not the state
        return found[0] if found else None

    def _phoenix(self, doc: Doc, i: int, end: int, canonical: str, country: str, sector: str) -> Mention:
        """A Phoenix name: its entry's first name, or the project's country when the entry is the country's
        own (cities and provinces listed under it stand for its government, as in Phoenix)."""
        own = self.project.countries.get(country)
        hits = self.project.actors.keys.get(compact(canonical), ())
        if own is not None and any(a.entry.kind == "country" and a.entry.country == country for a in hits):
            return Mention(i, end, _actor(doc, i, end, own.name, country, sector, own.wikidata), "country")
        return Mention(i, end, _actor(doc, i, end, _display(canonical), country, sector, None), "name")


def _display(name: str) -> str:
    """A Phoenix name (lower case) as people write it: 'al qaeda in the arabian peninsula' ->
    'Al Qaeda in the Arabian Peninsula'; short one-word names are acronyms ('rsf' -> 'RSF')."""
    words = name.split()
    if len(words) == 1 and len(name) <= 4:
        return name.upper()
    return " ".join(w if n and w in W.small_words else w[:1].upper() + w[1:] for n, w in enumerate(words))


_shared: list[ActorFinder] = []


def shared_finder() -> ActorFinder:
    """One finder per process over the shipped lexicons (the English pipeline's entity component uses it)."""
    if not _shared:
        from peristiwa.actors import load_lexicon as load_actor_lexicon
        from peristiwa.events_en.lexicon import load_lexicon

        _shared.append(ActorFinder(load_actor_lexicon(), load_lexicon()))
    return _shared[0]


def _actor(doc: Doc, start: int, end: int, name: str, country: str, sector: str, wikidata: str | None) -> Actor:
    span = doc[start:end]
    return Actor(text=span.text, start=span.start_char, end=span.end_char, name=name, country=country,
                 sector=sector, wikidata=wikidata)


def _merge(doc: Doc, a: Mention, b: Mention, *, country_from: Mention, sector_from: Mention,
           name_from: Mention, kind: str) -> Mention:
    actor = _actor(doc, a.start, b.end, name_from.actor.name, country_from.actor.country or name_from.actor.country,
                   sector_from.actor.sector or name_from.actor.sector, name_from.actor.wikidata)
    return Mention(a.start, b.end, actor, kind)


def _combine(doc: Doc, raw: list[Mention], lex: EnglishLexicon) -> list[Mention]:
    """Fold adjacent mentions into one actor, left to right:
    country/name + agent ("Libyan troops", "Kabul police", "Russia's foreign minister") -> the agent's sector
    with the country; agent + name ("President Barack Obama") -> the name with the agent's sector;
    agent + of + country ("the president of France") -> the agent's sector with the country."""
    c = lex.cues
    closed = c.boundaries | c.target_preps | c.place_preps | c.determiners | c.aux | c.negation | c.be | c.say
    out: list[Mention] = []
    for m in raw:
        prev = out[-1] if out else None
        if prev is not None:
            gap = [t.lower_ for t in doc[prev.end:m.start]]
            if m.kind == "agent" and prev.kind in ("country", "name", "person") and gap in ([], ["'s"], ["’s"]):
                out[-1] = _merge(doc, prev, m, country_from=prev, sector_from=m, name_from=prev,
                                 kind="country" if prev.kind == "country" else "name")
                out[-1].titled = True
                continue
            if m.kind == "agent" and prev.kind == "country" and len(gap) == 1 and doc[prev.end].is_lower \
                    and doc[prev.end].is_alpha and gap[0] not in W.not_modifiers and gap[0] not in lex.verbs \
                    and doc[prev.end].lemma_.lower() not in lex.verbs and doc[prev.end].pos_ not in ("VERB", "AUX") \
                    and gap[0] not in closed:
                # "Russian naval forces", "Israeli security officials": one modifier between
                out[-1] = _merge(doc, prev, m, country_from=prev, sector_from=m, name_from=prev, kind="country")
                out[-1].titled = True
                continue
            if m.kind == "agent" and prev.kind in ("country", "name") and not prev.titled and \
                    _possessor_of(doc, prev, m, closed):
                # (one agent per possessor: "Kuwait's emir dissolved parliament", which the parser may read as
                # one noun phrase, is the emir acting on parliament)
                # "Yemen's internationally recognised government", "Israel's security cabinet": the parse
                # says whose agent it is across the modifiers between them
                out[-1] = _merge(doc, prev, m, country_from=prev, sector_from=m, name_from=prev, kind=prev.kind)
                out[-1].titled = True
                continue
            if (prev.kind == "agent" or prev.titled) and m.kind in ("name", "person") and gap == []:
                out[-1] = _merge(doc, prev, m, country_from=m, sector_from=m if m.actor.sector else prev,
                                 name_from=m, kind=m.kind)
                out[-1].name_start = m.start
                out[-1].title = prev.actor
                continue
            if prev.kind == "agent" and m.kind in ("country", "name") and gap in (["of"], ["of", "the"]):
                # "the president of France" is France's government; "the leader of Hamas" is Hamas
                out[-1] = _merge(doc, prev, m, country_from=m, sector_from=prev if m.kind == "country" else m,
                                 name_from=m, kind=m.kind)
                continue
        out.append(m)
    return out


# How many modifier words may stand between a possessor and its agent ("Sudan's army - aligned government")
_POSSESSOR_GAP = 5


def _possessor_of(doc: Doc, owner: Mention, agent: Mention, closed: set[str]) -> bool:
    """The owner ends in a possessive ('s) whose head is the agent's head word, and every word between them
    modifies the agent's phrase (adverbs, adjectives, participles, compounds: no verb, no clause word)."""
    last = doc[owner.end - 1]
    if last.dep_ != "poss" or not agent.start <= last.head.i < agent.end:
        return False
    gap = doc[owner.end:agent.start]
    if not gap or gap[0].lower_ not in ("'s", "’s") or len(gap) > _POSSESSOR_GAP + 1:
        return False
    return all(t.lower_ not in closed and t.pos_ != "AUX" and agent.start <= t.head.i < agent.end + 1
               or t.head.i in range(owner.end, agent.end) for t in gap[1:])


def _led_bodies(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"the Saudi-led coalition", "US-led forces": the leading country's armed forces (`led_bodies` in
    words.yaml), over a mention of the body itself."""
    out: list[Mention] = []
    skip_to = -1
    for m in mentions:
        if m.start < skip_to:
            continue
        k = m.end
        if m.kind == "country" and k + 2 < len(doc) and doc[k].text in ("-", "–") and doc[k + 1].lower_ == "led" \
                and doc[k + 2].lower_ in W.led_bodies:
            m = Mention(m.start, k + 3, _actor(doc, m.start, k + 3, m.actor.name, m.actor.country, "MIL",
                                                m.actor.wikidata), "country", True)
            skip_to = k + 3
        out.append(m)
    return out


def _name_token(doc: Doc, k: int) -> bool:
    t = doc[k]
    return t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.lower_ not in W.not_names \
        and not t.is_sent_start


def _names_after_titles(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'Foreign Secretary Enrique Manalo', 'Philippine President Juan Cruz': capitalised words right after a
    title (an agent) are a person's name the lexicon lacks; the person takes the title's country and sector."""
    out: list[Mention] = []
    for n, m in enumerate(mentions):
        nxt = mentions[n + 1].start if n + 1 < len(mentions) else len(doc)
        # a title, or a title with a one-word name the lexicon knows ("Army chief Khalid"), may go on with
        # the rest of the name
        if (m.titled or m.name_start == m.end - 1) and m.end < len(doc) and _name_token(doc, m.end) \
                or m.name_start == m.end - 1 and m.end < len(doc) and doc[m.end].lower_ in W.name_particles:
            k = m.end
            while k < min(nxt, m.end + 6):
                if _name_token(doc, k):
                    k += 1
                elif doc[k].text == "-" and k > m.end and k + 1 < nxt and _name_token(doc, k + 1):
                    k += 2  # "Mensah-Adu": the tokenizer splits a hyphenated surname
                elif doc[k].lower_ in W.name_particles and k + 1 < nxt and (
                        _name_token(doc, k + 1) or doc[k + 1].text == "-" and k + 2 < nxt
                        and _name_token(doc, k + 2)):
                    k += 1  # "Abdel Fattah al-Burhan", "Ursula von der Leyen"
                else:
                    break
            if k > m.end:
                first = m.name_start if m.name_start >= 0 else m.end
                name = doc[first:k].text
                # a known one-word name that goes on is someone else: the title says who they are
                who = m.title or m.actor
                actor = _actor(doc, m.start, k, name, who.country, who.sector, None)
                out.append(Mention(m.start, k, actor, "person", True, first))
                continue
        out.append(m)
    return out


def _surnames(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A person named once in full is named later by surname alone ("Manalo told reporters")."""
    people = {doc[m.end - 1].text: m for m in mentions if m.kind == "person"}
    if not people:
        return mentions
    covered = {i for m in mentions for i in range(m.start, m.end)}
    extra: list[Mention] = []
    for t in doc:
        first = people.get(t.text)
        if first is None or t.i in covered or t.i < first.end:
            continue
        a = first.actor
        extra.append(Mention(t.i, t.i + 1, _actor(doc, t.i, t.i + 1, a.name, a.country, a.sector, None), "person"))
    return sorted(mentions + extra, key=lambda m: m.start)


def _owned_by_subject(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'Israel denied that its troops had opened fire', 'Maduro said his government was ready': an agent with
    no country whose possessor is a pronoun (`owner_pronouns`) belongs to the subject of a clause above it
    (the nearest one with a country), not to a place the sentence names."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    out = []
    for m in mentions:
        head = doc[m.end - 1]
        if m.kind != "agent" or m.actor.country or not any(
                c.dep_ == "poss" and c.lower_ in W.owner_pronouns for c in head.children):
            out.append(m)
            continue
        owner = None
        node = head
        while owner is None and node.head.i != node.i:
            node = node.head
            for c in node.children:
                other = by_token.get(c.i)
                if c.dep_ in ("nsubj", "nsubjpass") and other is not None and other is not m and other.actor.country:
                    owner = other
                    break
        if owner is None:
            out.append(m)
            continue
        a = m.actor
        out.append(Mention(m.start, m.end, _actor(doc, m.start, m.end, a.name, owner.actor.country, a.sector,
                                                  a.wikidata), m.kind, m.titled, m.name_start, m.title, True))
    return out


# How far back (tokens) "he"/"she" looks for the person it names.
_PRONOUN_REACH = 80


def _pronouns(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'He' and 'she' name the last person mentioned before them, when one was within reach; the mention
    keeps the pronoun's own text and offsets. 'It' and 'they' stay unresolved: too often not an actor."""
    people = [m for m in mentions if m.kind == "person"]
    if not people:
        return mentions
    extra: list[Mention] = []
    for t in doc:
        if t.lower_ not in W.person_pronouns:
            continue
        before = [m for m in people if m.end <= t.i and t.i - m.end <= _PRONOUN_REACH]
        if before:
            a = before[-1].actor
            extra.append(Mention(t.i, t.i + 1, _actor(doc, t.i, t.i + 1, a.name, a.country, a.sector, a.wikidata),
                                 "pronoun"))
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions
