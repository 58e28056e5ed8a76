"""Find the actors of one document: lexicon names, titles, NER fallbacks, abbreviations and coreference.

annotate() makes one left-to-right pass per layer over the tokens (dict lookups only). The first two
layers are one scan (`_compose`); the rest are LAYERS, run in that order (a test holds this list to it):
  1. lexicon aliases (longest match wins): countries, capitals as metonyms, IGOs, groups, people (a person's
     one-word name borne by someone else is left to the NER: `_other_bearers`);
  2. titles around them: TITLE [COUNTRY|ORG] [,] [NAME] -> one actor ("Menteri Luar Negeri AS Mike Pompeo"
     -> Mike Pompeo, USA, GOV; "pasukan Rusia" -> Russia, MIL; "Presiden Rusia" -> the office holder at the
     article's date, else Russia GOV); a title alone is a generic actor with no country ("para diplomat");
  3. ner_fallback: NER entities (PER/ORG) the lexicon lacks -> actors with empty country;
  4. abbreviations: defined in parentheses after an actor ("Tentara Nasional Libya (LNA)") -> the same actor;
  5. short_names: later short forms of multi-word person names ("Pompeo" after "Mike Pompeo");
  6. pronouns: dia, ia, beliau, mereka, "negara itu" -> the most recent compatible actor in the same or the
     previous sentences;
  7. counted_people: "20 orang", "puluhan warga" -> civilians;
  8. pairs: "kedua negara/pemimpin/pihak" -> the two most recent actors of different countries;
  9. appositive_names: an untagged name beside a title with a country -> a person of that country;
  10. appositive_titles: a title set beside a name gives the name its country;
  11. local_country: generic agents with no country take the sentence's setting;
  12. appositive_titles again: the setting then reaches the roles those titles lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from peristiwa.actors.lexicon import ActorEntry, ActorLexicon, Alias, KeyIndex, Title, compact, load_lexicon
from peristiwa.actors.phoenix import phoenix_role
from peristiwa.actors.words import words
from peristiwa.places.rules import home_country
from peristiwa.schema import Actor

Via = str  # "lexicon" | "title" | "ner" | "coref" | "abbrev"

# The resolver's vocabulary (not-names, place words, pronouns, counted people): data/actors/resolver.yaml;
# the sectors and country codes it shares with the per-event rules: data/actors/context.yaml.
W = words("resolver")
C = words("context")
# Words that may refer back: pronouns, country nouns ("negara itu") and the enclitic -nya (a suffix the
# tokenizer splits off, not a word an analyst lists).
_ANAPHORS = W.person_pronouns | W.group_pronouns | W.country_nouns | {"nya"}
# What a list of coordinated actors may hold.
_LIST_GLUE = W.conjunctions | W.list_fillers
# Left in code, as they are the schemes of the code and the models, not vocabulary: the kinds of mention
# the resolver itself assigns, NER labels and UD dependency labels.
_ENGLISH_PREMODIFIERS = {"country", "metonym", "group", "igo"}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9\-&.]{1,9}$")
_PER_LABELS = {"PER", "PERSON"}
_ORG_LABELS = {"ORG", "ORGANISATION", "ORGANIZATION", "NORP"}
# Dependency relations through which an argument token still "stands for" a mention below it.
_CLAUSE_ARGS = {"nsubj", "nsubj:pass", "obj", "iobj", "csubj", "root", "ROOT", "xcomp", "ccomp", "advcl"}
_ARG_DEPS = {"nmod", "nmod:poss", "compound", "flat", "flat:name", "appos", "conj", "amod", "det", "nummod",
             "fixed", "flat:foreign", "compound:plur"}


@dataclass(slots=True)
class ActorMention:
    start: int  # token index
    end: int  # token index, exclusive
    actor: Actor
    head: int
    via: Via
    kind: str = ""  # country | metonym | igo | group | person | role | ner | pronoun | pair
    also: tuple[Actor, ...] = ()  # "kedua negara": the second of the two actors it stands for


@dataclass
class DocActors:
    doc: Doc
    mentions: list[ActorMention] = field(default_factory=list)
    _cover: dict[int, int] = field(default_factory=dict)

    def _index(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self._cover = {i: k for k, m in enumerate(self.mentions) for i in range(m.start, m.end)}

    def covering(self, token_i: int) -> ActorMention | None:
        k = self._cover.get(token_i)
        return None if k is None else self.mentions[k]

    def in_span(self, start_tok: int, end_tok: int) -> list[ActorMention]:
        return [m for m in self.mentions if m.start >= start_tok and m.end <= end_tok]

    def for_token(self, token: Token) -> list[ActorMention]:
        """The actor(s) an argument token stands for, with coordinated actors ("Mesir, UEA dan Rusia")."""
        out: list[ActorMention] = []
        seen: set[int] = set()
        self._collect(token, out, seen, depth=0)
        if out:
            self._surface_conjuncts(out)
        return out

    def _surface_conjuncts(self, out: list[ActorMention]) -> None:
        """Lists the parser broke ("oleh Mesir, UEA, dan sebagian besar tentara bayaran Rusia" with the last
        conjunct hung on the verb): follow ", / dan / serta" to the next mention, unless that mention is
        the subject or object of a new clause ("..., dan Rusia mengirim tentara")."""
        doc = self.doc
        n = len(doc)
        while True:
            last = max(out, key=lambda m: m.end)
            i, joined = last.end, False
            while i < n and doc[i].lower_ in _LIST_GLUE:
                joined = joined or doc[i].lower_ in W.conjunctions or doc[i].text == ","
                i += 1
            nxt = self.covering(i) if joined and i < n else None
            if nxt is None or nxt.start != i or any(x is nxt for x in out):
                return
            if doc.has_annotation("DEP") and doc[nxt.head].dep_ in _CLAUSE_ARGS:
                return
            out.append(nxt)

    def _collect(self, token: Token, out: list[ActorMention], seen: set[int], depth: int) -> None:
        if depth > 6 or token.i in seen:
            return
        seen.add(token.i)
        m = self.covering(token.i)
        if m is not None:
            if all(x is not m for x in out):
                out.append(m)
            # Coordinated actors hang off the mention's tokens as conj.
            for i in range(m.start, m.end):
                for child in self.doc[i].children:
                    if child.dep_ == "conj" and not (m.start <= child.i < m.end):
                        self._collect(child, out, seen, depth + 1)
            return
        found_before = len(out)
        for child in token.children:
            if child.dep_ in _ARG_DEPS and child.dep_ != "conj" and not _prepositional(child):
                self._collect(child, out, seen, depth + 1)
        # Coordination of a non-actor head ("pasukan dan polisi Rusia") still collects the conjuncts.
        if len(out) > found_before or depth == 0:
            for child in token.children:
                if child.dep_ == "conj":
                    self._collect(child, out, seen, depth + 1)


def _prepositional(token: Token) -> bool:
    """A modifier introduced by a preposition other than 'dari'/'oleh' ("senjata ke Libya", "konferensi di
    Departemen Luar Negeri AS") is a place or a circumstance, not the actor the head stands for."""
    return any(c.dep_ == "case" and c.lower_ in W.non_arg_case for c in token.children)


@dataclass(slots=True)
class _Match:
    start: int
    end: int
    entry: ActorEntry | None = None
    title: Title | None = None
    spelled_out: bool = False  # matched a full name ("Kementerian Luar Negeri"), not an acronym ("KPK")


def _scan(tokens: list[str], lowers: list[str], index: KeyIndex, covered: list[bool],
          accept) -> list[tuple[int, int, list]]:
    """Longest matches of index keys over runs of tokens not yet covered, left to right."""
    found = []
    n = len(tokens)
    i = 0
    while i < n:
        if covered[i] or not lowers[i]:
            i += 1
            continue
        best = None
        key = ""
        stop = i + index.max_tokens + 1
        for j in range(i, stop if stop < n else n):
            if covered[j] or not lowers[j]:
                break
            low = lowers[j]
            if len(low) > 5 and low.endswith("nya"):
                # enclitic -nya on the last word: "Tentara Mahdinya", "pemerintahnya"
                values = index.keys.get(key + low[:-3])
                if values:
                    ok = [v for v in values if accept(v, tokens[i:j] + [tokens[j][:-3]])]
                    if ok:
                        best = (i, j + 1, ok)
            key += low
            if key not in index.prefixes:
                break
            values = index.keys.get(key)
            if values:
                ok = [v for v in values if accept(v, tokens[i:j + 1])]
                if ok:
                    best = (i, j + 1, ok)
        if best:
            found.append(best)
            i = best[1]
        else:
            i += 1
    return found


def _leader_of(tokens: list[str], name_end: int, body_start: int) -> bool:
    """Between a name and a body: an optional age "(25)", a comma, then leader words only."""
    i = name_end
    if i + 2 < body_start and tokens[i] == "(" and tokens[i + 1].isdigit() and tokens[i + 2] == ")":
        i += 3
    if i >= body_start or tokens[i] != ",":
        return False
    words = [w.lower() for w in tokens[i + 1:body_start]]
    return 0 < len(words) <= 3 and words[0] in W.leader_words and all(w in W.leader_words for w in words)


def _origin(lowered: list[str], end: int, origin: dict[int, set[str]]) -> set[str]:
    """The country of a place named after "asal" within a few words of a mention ("nelayan tradisional
    asal Kecamatan Sei Lepan, Kabupaten Langkat"): the first place after it with one country."""
    for i in range(end, min(len(lowered), end + 4)):
        if lowered[i] != "asal":
            continue
        for j in range(i + 1, min(len(lowered), i + 8)):
            got = origin.get(j)
            if got and len(got) == 1:
                return got
            if lowered[j] in (".", ";", "yang"):
                break
        return set()
    return set()


def _foreign(lowered: list[str], end: int) -> bool:
    """"warga (negara) asing", "pekerja asing": foreigners are not of the country they are in."""
    nxt = lowered[end:end + 2]
    return bool(nxt) and (nxt[0] in ("asing", "luar") or nxt[:2] == ["negara", "asing"])


def _dominant(places: list) -> set[str]:
    """The country of a place name's reading that is at least five times as populous as every other."""
    ranked = sorted(places, key=lambda p: p.population, reverse=True)
    top = ranked[0]
    if all(p.country == top.country or top.population >= 5 * max(p.population, 1) for p in ranked[1:]):
        return {top.country}
    return set()


def _name_token(token: str) -> bool:
    """A word of a personal name: capitalised and alphabetic (hyphens allowed), not a weekday or glue."""
    return token[:1].isupper() and token.replace("-", "").isalpha() and token.lower() not in W.not_name


def _after_locative(lowered: list[str], start: int) -> bool:
    """Is token `start` inside a locative phrase: "di" followed only by place nouns, directions and names
    ("di sebelah selatan Baghdad", "di wilayah Kaukasus utara Rusia")?"""
    i = start - 1
    while i >= 0 and start - i <= 6:
        w = lowered[i]
        if w in W.locative:
            return True
        if w in W.place_words or w == ",":
            i -= 1
            continue
        return False
    return False


def _disambiguate(matches: list[_Match], ambiguous: list[tuple[_Match, list[ActorEntry]]]) -> None:
    """An alias several actors share ("Partai Demokrat": Indonesia's or the US party) goes to the one whose
    country the document mentions most; on a tie, the entry listed last in the data."""
    profile: dict[str, int] = {}
    for m in matches:
        if all(m is not a for a, _ in ambiguous):
            profile[m.entry.country] = profile.get(m.entry.country, 0) + 1
    for m, entries in ambiguous:
        best = max(range(len(entries)), key=lambda k: (profile.get(entries[k].country, 0), k))
        m.entry = entries[best]


def _yield_to_foreign(matches: list[_Match], covered: list[bool]) -> list[_Match]:
    """"Kementerian Luar Negeri Rusia", "Mahkamah Agung AS": an Indonesian body's spelled-out name that
    describes an office any state has is that state's office when another country follows; the titles
    layer then reads it ("Kementerian" + Russia). Acronyms (KPK, Polri) never yield."""
    starts = {m.start: m for m in matches}
    kept = []
    for m in matches:
        nxt = starts.get(m.end)
        if (m.spelled_out and m.entry.kind == "group" and m.entry.country == "IDN" and nxt is not None
                and nxt.entry.kind == "country" and nxt.entry.country != "IDN"):
            for i in range(m.start, m.end):
                covered[i] = False
            continue
        kept.append(m)
    return kept


def _extend_to_entities(doc: Doc, matches: list[_Match], covered: list[bool]) -> list[_Match]:
    """"Polres Metro Jakarta Selatan", "Kejari Jakarta Selatan": a body's name that the NER tagged as one
    organisation beginning with a lexicon alias is that body, over the whole span (a place inside it,
    "Jakarta" as a metonym, is part of the name)."""
    if not doc.has_annotation("ENT_IOB"):
        return matches
    org_end = {e.start: e.end for e in doc.ents if e.label_.upper() in _ORG_LABELS}
    inside: set[int] = set()
    for m in matches:
        end = org_end.get(m.start, 0)
        if m.entry.kind != "group" or end <= m.end:
            continue
        within = [x for x in matches if m.end <= x.start < end]
        if all(x.entry.kind in ("country", "metonym") and x.end <= end for x in within):
            inside.update(id(x) for x in within)
            covered[m.end:end] = [True] * (end - m.end)
            m.end = end
    return [m for m in matches if id(m) not in inside]


# a person's one-word name inside a longer name of these kinds is someone else's, or a street's
_NAME_LABELS = {"PER", "PERSON", "LOC", "GPE", "FAC"}
_PERSON_LABELS = {"PER", "PERSON"}


# how alike two spellings of a given name are (difflib ratio): Mahmud / Mahmoud 0.92, Benyamin / Benjamin
# 0.88; Ahmad / Mohammed 0.46, Jerome / Colin 0.18
_SAME_NAME = 0.75


def _entity_index(doc: Doc) -> dict[int, Span]:
    """Each token inside an NER entity -> that entity (empty when the pipeline has no NER)."""
    if not doc.has_annotation("ENT_IOB"):
        return {}
    return {i: e for e in doc.ents for i in range(e.start, e.end)}


# lexicon kinds that name a state: a country, or a capital standing for it
_STATE_KINDS = ("country", "metonym")


_PLACE_LABELS = frozenset({"LOC", "GPE"})


def _entity_end(doc: Doc, k: int, labels) -> int | None:
    """End of the NER entity of one of `labels` that starts at token k, else None."""
    if k >= len(doc) or doc[k].ent_iob_ != "B" or doc[k].ent_type_ not in labels:
        return None
    j = k + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return j


def _person_entity_end(doc: Doc, k: int) -> int | None:
    """End of the person's name the NER starts at token k ("Kepala BNN Marthinus Hukom"), else None."""
    return _entity_end(doc, k, _PERSON_LABELS)


def _past_rank(doc: Doc, k: int, forces: bool = False) -> int:
    """Where a person's name starts after a title: past a police or military rank and its corps ("Kapolres Bogor
    AKBP Abbas", "Irjen Pol Nanang"), also when capitalised words of the office come before the rank ("Kapolda
    Metro Jaya Irjen Karyoto": the gazetteer's place is "Metro"); k itself when no rank follows within three words.
    NERGrit and the news NER keep ranks outside the person, and so does the actor's name. After a military or
    police title (`forces`) a general officer's rank counts too ("Panglima TNI Jenderal Agus Subiyanto")."""
    ranks = _ranks(forces)
    for r in range(k, min(k + 4, len(doc))):
        if doc[r].text in ranks:
            r += 1
            if r < len(doc) and doc[r].text in _rank_corps():
                r += 1
            return r if r < len(doc) and doc[r].text[:1].isupper() else k
        if not (doc[r].text[:1].isupper() and doc[r].text.isalpha()):
            break
    return k


@lru_cache(maxsize=1)
def _rank_corps() -> frozenset[str]:
    from peristiwa.nlp.entity_edges import load_rules

    return frozenset(load_rules()["rank_corps"])


@lru_cache(maxsize=2)
def _ranks(forces: bool = False) -> frozenset[str]:
    """One-word Indonesian police and military ranks (data/nlp/entity_edges.yaml); with `forces`, also the
    general officers' ranks that count only after a military or police title (resolver.yaml forces_ranks)."""
    from peristiwa.nlp.entity_edges import load_rules

    ranks = frozenset(r for r in load_rules()["ranks"] if " " not in r)
    return ranks | frozenset(W.forces_ranks) if forces else ranks


def _accept_alias(alias: Alias, toks: list[str]) -> bool:
    text = "".join(toks)
    if alias.exact:
        return text.replace(" ", "") == alias.text.replace(" ", "")
    first = toks[0][:1]
    if len(toks) == 1 and toks[0].isupper() and len(toks[0]) <= 3 and not alias.text.isupper():
        return False  # "XI" (a Roman numeral, an acronym) is not "Xi"
    # the Arabic article is written in lower case before a capitalised name: "al-Qaeda", "al-Shabaab"
    head, dash, rest = toks[0].partition("-")
    if not dash and len(toks) > 2 and toks[1] == "-":  # a tokenizer that splits "al - Qaeda"
        head, dash, rest = toks[0], "-", toks[2]
    arabic = bool(dash) and head.lower() in W.arabic_articles and rest[:1].isupper()
    return first.isupper() or arabic or not alias.text[:1].isupper()


def _accept_title(_value, _toks: list[str]) -> bool:
    return True


def _inside_name(tokens: list[str], start: int, covered: list[bool]) -> bool:
    """A capitalised title word inside a run of capitalised words is part of a proper name
    ("Front Pembela Rakyat Merdeka"), unless the run starts the sentence ("Kemarin Presiden ...")."""
    if start == 0 or not tokens[start][:1].isupper():
        return False
    prev = tokens[start - 1]
    if not (prev[:1].isupper() and prev.isalpha()) or covered[start - 1]:
        return False
    if prev.lower() in W.not_name or prev.lower() in W.sentence_openers:
        return False
    return not (start - 1 == 0 or tokens[start - 2] in {".", "!", "?", "\n", "\n\n", '"', "“", ","}
                or not tokens[start - 2].strip())


# The layers annotate() runs after the lexicon-and-titles scan, in order (the module docstring numbers them
# 3-12). appositive_titles runs twice: a title beside a name says more than the setting, and the setting,
# once local_country has given it, reaches the roles the titles lead.
LAYERS = ("ner_fallback", "abbreviations", "short_names", "pronouns", "counted_people", "pairs",
          "appositive_names", "appositive_titles", "local_country", "appositive_titles")


class ActorResolver:
    """Built once per process; annotate() is cheap per document."""

    def __init__(self, lexicon: ActorLexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self._words_of: dict[int, set[str]] | None = None  # a person entry's name words (_name_words)

    # -- public -----------------------------------------------------------------------------------
    def annotate(self, doc: Doc, published: str | None = None) -> DocActors:
        strings = doc.vocab.strings
        tokens = [strings[o] for o in doc.to_array(ORTH).tolist()]
        lowered = [strings[o] for o in doc.to_array(LOWER).tolist()]
        lowers = [w if w.isalnum() else compact(w) for w in lowered]
        covered = [False] * len(tokens)
        matches: list[_Match] = []
        ambiguous: list[tuple[_Match, list[ActorEntry]]] = []
        for s, e, values in _scan(tokens, lowers, self.lex.actors, covered, _accept_alias):
            entries = list({id(v.entry): v.entry for v in values}.values())
            m = _Match(s, e, entry=entries[-1], spelled_out=not any(v.exact for v in values))
            matches.append(m)
            if len({x.country for x in entries}) > 1:
                ambiguous.append((m, entries))
            for i in range(s, e):
                covered[i] = True
        ents = _entity_index(doc)
        matches = self._other_bearers(tokens, matches, covered, ents)
        matches = self._states_in_person_names(lowers, matches, covered, ents)
        matches = _yield_to_foreign(matches, covered)
        # "500 juta dolar AS", "won Korea Selatan": a currency's country is no actor, nor is the country in a sea's
        # name ("Laut China Selatan", "Selat Taiwan"); their words stay covered
        matches = [m for m in matches if not (m.entry is not None and m.entry.kind in ("country", "metonym")
                                              and m.start > 0 and (lowers[m.start - 1] in W.currencies
                                                                   or lowers[m.start - 1] in W.waters
                                                                   and not (m.start > 1
                                                                            and lowers[m.start - 2] in W.services)))]
        if ambiguous:
            _disambiguate(matches, ambiguous)
        matches = _extend_to_entities(doc, matches, covered)
        # Named entities from the model that the lexicon lacks are names, not places for titles
        # ("Front Pembela Rakyat Merdeka" holds the agent noun "Rakyat").
        if doc.has_annotation("ENT_IOB"):
            for ent in doc.ents:
                if lowers[ent.start] in self.lex.titles.prefixes:
                    continue  # the model's span starts with a title: let the title rule read it
                if not any(covered[i] for i in range(ent.start, ent.end)):
                    for i in range(ent.start + 1, ent.end):
                        covered[i] = True
        title_matches = [
            _Match(s, e, title=values[-1][1])
            for s, e, values in _scan(tokens, lowers, self.lex.titles, covered, _accept_title)
            if not _inside_name(tokens, s, covered)
        ]
        mentions = self._compose(doc, matches, title_matches, published)
        out = DocActors(doc, mentions)
        out._index()
        sent_of = _sentence_index(doc, tokens)  # reads the tokens only: the same before any layer
        layers = {
            "ner_fallback": lambda: self._ner_fallback(doc, out, published),
            "abbreviations": lambda: self._abbreviations(doc, out, tokens),
            "short_names": lambda: self._short_names(doc, out, tokens),
            "pronouns": lambda: self._pronouns(doc, out, lowered, sent_of),
            "counted_people": lambda: self._counted_people(doc, out, lowered),
            "pairs": lambda: self._pairs(doc, out, lowered, sent_of),
            "appositive_names": lambda: self._appositive_names(doc, out, tokens),
            "appositive_titles": lambda: self._appositive_titles(out, tokens),
            "local_country": lambda: self._local_country(out, lowered, sent_of),
        }
        for name in LAYERS:
            layers[name]()
        out._index()
        return out

    def _other_bearers(self, tokens: list[str], matches: list[_Match], covered: list[bool],
                       ents: dict[int, Span]) -> list[_Match]:
        """A one-word name of a known person borne by someone else: after a given name the person's names do
        not hold, inside one name the NER tagged ("Jerome Powell" is not Colin Powell, "Jalan KH Ahmad Dahlan"
        not Mohammed Dahlan), after an Indonesian police or military rank ("AKBP Abbas" is not Mahmoud Abbas),
        after a word that introduces a name ("warga bernama Maliki") or alone in brackets after another name
        (`_short_form`); and anywhere in a doc that names
        someone else by that word in full ("Jerome Powell ... kata Powell").
        The word is left to the NER, as a person of no known country."""
        ranks = _ranks()
        per_start = {i: e.start for i, e in ents.items() if e.label_.upper() in _NAME_LABELS}
        # the doc's longer person names: (last word, the words before it)
        names = [(tokens[e.end - 1].lower(), [w.lower() for w in tokens[e.start:e.end - 1]])
                 for e in dict.fromkeys(ents.values()) if e.label_.upper() in _PERSON_LABELS and len(e) > 1]
        kept = []
        for m in matches:
            entry = m.entry
            if entry is None or entry.kind != "person" or m.end - m.start != 1:
                kept.append(m)
                continue
            prev = tokens[m.start - 1] if m.start else ""
            first = per_start.get(m.start, m.start)
            before = [w.lower() for w in tokens[first:m.start]]
            other_name = first < m.start and not covered[first] and not any(
                w in self.lex.titles.prefixes for w in before) and not self._own_names(before, entry)
            # the word opens a longer name whose other words are not the person's ("Anwar Usman", the judge,
            # is not Anwar Ibrahim)
            ent = ents.get(m.start)
            opens_other = ent is not None and ent.label_.upper() in _PERSON_LABELS and ent.start == m.start \
                and ent.end > m.end and not self._own_names([w.lower() for w in tokens[m.end:ent.end]], entry)
            # the doc named someone else by this word in full ("Jerome Powell ... kata Powell")
            named_other = any(last == tokens[m.start].lower() and not any(w in self.lex.titles.prefixes for w in rest)
                              and not self._own_names(rest, entry) for last, rest in names)
            if (other_name or opens_other or named_other or prev in ranks or prev.lower() in W.naming_words
                    or self._short_form(tokens, m.start, entry, ents)):
                covered[m.start] = False
                continue
            kept.append(m)
        return kept

    def _states_in_person_names(self, lowers: list[str], matches: list[_Match], covered: list[bool],
                                ents: dict[int, Span]) -> list[_Match]:
        """A capital or a country inside a person's name the NER tagged ("Denzel Washington", "Ade
        Wellington", "Praveen Jordan", "Willy Indra Yunani") is part of the name, not a state. A country as
        the name's first word stays ("Kanada Shawn Mendes": a nationality before the name), and so does
        anything after a title inside the span ("Presiden AS Donald Trump")."""
        person = {i: e.start for i, e in ents.items() if e.label_.upper() in _PERSON_LABELS and len(e) > 1}
        if not person:
            return matches
        kept = []
        for m in matches:
            first = person.get(m.start)
            if (m.entry is not None and first is not None and person.get(m.end - 1) == first
                    and (m.entry.kind == "metonym" or (m.entry.kind == "country" and m.start > first))
                    and not any(w in self.lex.titles.prefixes for w in lowers[first:m.start])):
                for i in range(m.start, m.end):
                    covered[i] = False
                continue
            kept.append(m)
        return kept

    def _short_form(self, tokens: list[str], i: int, entry: ActorEntry, ents: dict[int, Span]) -> bool:
        """The word alone in brackets right after a name of two words or more that shares no word with the
        person's: the short form of that name ("Universitas Islam Negeri Maulana Malik Ibrahim (Maliki)" is
        not Nouri al-Maliki; "Joko Widodo (Jokowi)" and "Presiden Indonesia (Prabowo)" keep theirs)."""
        if not (2 <= i < len(tokens) - 1 and tokens[i - 1] == "(" and tokens[i + 1] == ")"):
            return False
        e = ents.get(i - 2)
        start, end = (e.start, e.end) if e is not None else (i - 2, i - 2)
        own = self._name_words(entry)
        return end - start >= 2 and end == i - 1 and not any(w.lower() in own for w in tokens[start:end])

    def _own_names(self, words: list[str], entry: ActorEntry) -> bool:
        """Every word is one of the person's names, or a spelling of one ("Mahmud" Abbas, "Benyamin"
        Netanyahu: Indonesian transliterations the aliases may lack)."""
        names = self._name_words(entry)
        return all(w in names or any(SequenceMatcher(None, w, n).ratio() >= _SAME_NAME for n in names)
                   for w in words)

    def _name_words(self, entry: ActorEntry) -> set[str]:
        """The lower-case words of a person's name and aliases."""
        if self._words_of is None:
            self._words_of = {}
            for values in self.lex.actors.keys.values():
                for v in values:
                    if v.entry.kind == "person":
                        self._words_of.setdefault(id(v.entry), set(v.entry.name.lower().split())).update(
                            v.text.lower().split())
        return self._words_of.get(id(entry), set(entry.name.lower().split()))

    def _appositive_names(self, doc: Doc, out: DocActors, tokens: list[str]) -> None:
        """"Kamran Rasool, menteri pertahanan Pakistan": a capitalised name no layer took (or the model
        tagged as a place) set beside a title with a country is a person of that country."""
        added = []
        for m in out.mentions:
            if not m.actor.country or m.start < 3:
                continue
            if m.via == "title" and m.kind == "role" and tokens[m.start][:1].islower():
                comma = m.start - 1
            elif m.kind in ("group", "country", "igo"):
                # "Yusuf Nasser (31), pemimpin senior Hamas": leader words stand between
                comma = m.start - 1
                while comma > 0 and m.start - comma <= 3 and tokens[comma].lower() in W.leader_words:
                    comma -= 1
                if comma == m.start - 1:
                    continue
            else:
                continue
            if tokens[comma] != ",":
                continue
            end = comma
            if end >= 3 and tokens[end - 1] == ")" and tokens[end - 2].isdigit() and tokens[end - 3] == "(":
                end -= 3  # an age in brackets
            start = end
            while start > 0 and out.covering(start - 1) is None and _name_token(tokens[start - 1]):
                start -= 1
            if end - start < 2 or end - start > 4:
                continue  # one capitalised word is too often a place or a sentence opener
            span = doc[start:end]
            sector = "GOV" if m.kind == "country" else m.actor.sector or "GOV"
            actor = Actor(span.text, span.start_char, span.end_char, span.text, m.actor.country, sector)
            added.append(ActorMention(start, end, actor, end - 1, "title", "person"))
        if added:
            out.mentions.extend(added)
            out._index()

    @staticmethod
    def _appositive_titles(out: DocActors, tokens: list[str]) -> None:
        """"Ahmad Karim, menteri pertahanan Pakistan": a name without a country takes the country and
        sector of the title set beside it with a comma, or of the body it leads ("yang dipimpin")."""
        for k, m in enumerate(out.mentions):
            # "delegasi India yang dipimpin Menteri Pertahanan X": the leader belongs to what he leads
            if m.kind == "person" and not m.actor.country and k > 0:
                before = [w.lower() for w in tokens[max(0, m.start - 3):m.start]]
                prev = out.mentions[k - 1]
                if prev.actor.country and prev.end >= m.start - 3 and (
                        before[-2:] == ["yang", "dipimpin"] or before[-1:] == ["pimpinan"]
                        or before[-3:] == ["yang", "dipimpin", "oleh"]):
                    m.actor = replace(m.actor, country=prev.actor.country)
            if k + 1 >= len(out.mentions):
                break
            nxt = out.mentions[k + 1]
            # "Ahmad Karim (25), pemimpin senior Jihad Islam": the group or country the title is of
            if m.kind == "person" and not m.actor.country and nxt.actor.country and nxt.kind in (
                    "group", "country", "igo") and _leader_of(tokens, m.end, nxt.start):
                m.actor = replace(m.actor, country=nxt.actor.country,
                                  sector=m.actor.sector or ("GOV" if nxt.kind == "country" else nxt.actor.sector))
                continue
            if (m.kind == "person" and not m.actor.country and m.end < len(tokens) and tokens[m.end] == ","
                    and nxt.start == m.end + 1 and nxt.via == "title" and nxt.kind == "role"
                    and nxt.actor.country):
                m.actor = replace(m.actor, country=nxt.actor.country, sector=m.actor.sector or nxt.actor.sector)

    # -- layer 2: titles + lexicon matches + names -----------------------------------------------
    def _compose(self, doc: Doc, matches: list[_Match], titles: list[_Match],
                 published: str | None) -> list[ActorMention]:
        by_start = {m.start: m for m in matches}
        by_end = {m.end: m for m in matches}
        english = doc.lang_ == "en"
        places = self._places_after_titles(doc, titles, by_start)
        place_spans = self._places_at_titles(doc, titles)
        titled: dict[int, str] = {}
        used: set[int] = set()
        mentions: list[ActorMention] = []
        title_by_start = {t.start: t for t in titles}
        consumed_titles: set[int] = set()
        for t in sorted(titles, key=lambda m: m.start):
            if t.start in consumed_titles:
                continue
            # Stacked titles ("Menteri Luar Negeri" after "Wakil") — take the last of a run.
            j = t.end
            title = t.title
            while j in title_by_start:
                consumed_titles.add(j)
                title = self._merge_titles(title, title_by_start[j].title)
                j = title_by_start[j].end
            of = j + 1 if j + 1 < len(doc) and doc[j].lower_ in W.of and by_start.get(j + 1) is not None else j
            qualifier = by_start.get(of)
            end = j
            start = t.start
            if qualifier is not None and qualifier.entry.kind != "person":
                used.add(qualifier.start)
                end = qualifier.end
            elif english and t.start in by_end and by_end[t.start].entry.kind in _ENGLISH_PREMODIFIERS:
                # English puts the country first: "Russian President Vladimir Putin", "US troops"
                qualifier = by_end[t.start]
                used.add(qualifier.start)
                start = qualifier.start
            else:
                qualifier = None
            # A portfolio after a minister's title is part of the title: "Menteri Sosial Saifullah Yusuf".
            if title.name in W.ministers and qualifier is None:
                end = self._portfolio_end(doc, end, by_start)
                # a country after the portfolio is the minister's: "Menteri Haji dan Umrah Republik Indonesia",
                # "Menteri Agama Arab Saudi" (a same-titled minister of another state elsewhere in the article
                # had lent this one its country); a city-state's name reads as its capital ("Singapura")
                after = by_start.get(end)
                if end > j and after is not None and after.entry.kind in _STATE_KINDS:
                    qualifier = after
                    used.add(after.start)
                    end = after.end
            # A place after the title: "Gubernur Jawa Barat", "Kapolda Metro Jaya", "Wali Kota Surabaya".
            place = None
            if qualifier is None and title.regional and _bracketed_short_form(doc, end) and end + 3 in places:
                consumed_titles.add(end + 1)
                end += 3
            if qualifier is None and end in places and title.regional:
                place_end, place = places[end]
                end = place_end
            # Optional comma, then a person: from the lexicon, or a run of capitalised words.
            k = end + 1 if end < len(doc) and doc[end].text == "," else end
            if _bracketed_short_form(doc, k) \
                    and (doc[k + 3].ent_type_ in _PERSON_LABELS or doc[k + 3].text in _ranks(True)):
                # the title's short form in brackets before the name: "Menteri Agama (Menag) Nasaruddin Umar"
                consumed_titles.add(k + 1)
                k += 3
            past = _past_rank(doc, k, forces=title.sector in ("MIL", "COP"))
            consumed_titles.update(j for j in range(k, past) if j in title_by_start)  # "Jenderal" is the rank here
            k = past
            person = by_start.get(k)
            name_end = None
            if person is not None and person.entry.kind == "person":
                used.add(person.start)
                name_end = person.end
            elif title.office and (person is None or person.entry.kind != "person"):
                name_end = _person_entity_end(doc, k)
                if name_end is None and qualifier is not None and (past := _entity_end(doc, k, _PLACE_LABELS)):
                    # the body's region stands between it and the holder ("Ketua DPD Golkar Sulawesi Tengah
                    # Hendra Wiratama")
                    past += past < len(doc) and doc[past].text == ","
                    if (name_end := _person_entity_end(doc, past)) is not None:
                        k = past
            elif person is None and not title.collective:
                name_end = self._name_run(doc, k, by_start)
                if name_end == k:
                    name_end = None
            if name_end is not None:
                end = name_end
            if title.org and name_end is not None:
                # "Kementerian Keuangan", "Partai Buruh": the capitalised run names the body, not a person;
                # a country right after it is the body's ("Kementerian Keuangan Jepang")
                if title.name in W.ministries:
                    end = self._portfolio_end(doc, end, by_start)
                after = by_start.get(end)
                if qualifier is None and after is not None and after.entry.kind in _STATE_KINDS:
                    qualifier = after
                    used.add(after.start)
                    end = after.end
                actor = self._title_actor(doc, start, end, title, qualifier, None, None, published)
                actor = replace(actor, name=doc[start:end].text)
                mention = ActorMention(start, end, actor, self._head(doc, start, end), "title", "group")
                titled[id(mention)] = title.name
                mentions.append(mention)
                continue
            if qualifier is None and name_end is None and not title.alone:
                continue  # "solusi militer", "orang lain": an adjective or a generic word, not an actor
            if name_end is not None and t.start in place_spans and place_spans[t.start] >= name_end:
                continue  # "Raja Ampat" is a regency, not King Ampat
            actor = self._title_actor(doc, start, end, title, qualifier, person if name_end else None,
                                      (k, name_end) if name_end else None, published)
            if place is not None and place.country and not actor.country:
                actor = replace(actor, country=place.country)
                if name_end is None:
                    actor = replace(actor, name=f"{title.name} of {place.name}")
            if not actor.country and name_end is not None and person is None and name_end - k > 1 \
                    and (known := phoenix_role(doc[k:name_end].text, published)) is not None and known.country:
                # a titled holder the lexicon lacks but the Phoenix dictionaries know ("Presiden Muhammadu Buhari"
                # had no country; without a title the NER fallback already looked such names up)
                actor = replace(actor, country=known.country)
            if not actor.country and name_end is not None and qualifier is None and title.name in W.ministers \
                    and (home := home_country(doc.lang_)) is not None:
                # Indonesian news names a foreign minister's state ("Menteri Luar Negeri Turki Mevlut
                # Cavusoglu"): in the training split every one of 38 named ministers without one was Indonesia's,
                # and "Menteri Perdagangan Budi Santoso" had become South African in an article on Ramaphosa's visit
                actor = replace(actor, country=home)
            kind = "person" if name_end else "role"
            mention = ActorMention(start, end, actor, self._head(doc, start, end), "title", kind)
            if kind == "role" and qualifier is None and not actor.country:
                # a bare definite description ("Presiden", "pemerintah") is the last one of its kind
                for prev in reversed(mentions):
                    if titled.get(id(prev)) == title.name and prev.actor.country:
                        mention.actor = replace(prev.actor, text=actor.text, start=actor.start, end=actor.end)
                        mention.via = "coref"
                        break
            titled[id(mention)] = title.name
            mentions.append(mention)
        for m in matches:
            if m.start in used or any(x.start <= m.start < x.end for x in mentions):
                continue
            mentions.append(ActorMention(m.start, m.end, self._entry_actor(doc, m.start, m.end, m.entry, published),
                                         self._head(doc, m.start, m.end), "lexicon", m.entry.kind))
        return mentions

    def _portfolio_end(self, doc: Doc, j: int, by_start: dict[int, _Match]) -> int:
        """End of the portfolio words after a minister's title ("Energi dan Sumber Daya Mineral")."""
        portfolio = self.lex.portfolio
        end = j
        while j < len(doc) and j not in by_start:
            low = doc[j].lower_
            if low in portfolio and doc[j].text[:1].isupper():
                j += 1
                end = j
            elif low in ("dan", "&", ",") and j > end - 1 and j + 1 < len(doc) \
                    and doc[j + 1].lower_ in portfolio and doc[j + 1].text[:1].isupper():
                j += 1
            else:
                break
        return end

    @staticmethod
    def _places_at_titles(doc: Doc, titles: list[_Match]) -> dict[int, int]:
        """Places that begin with a title word ("Raja Ampat"): start -> end, only where titles are."""
        starts = {t.start for t in titles if doc[t.start].text[:1].isupper()}
        if not starts:
            return {}
        from peristiwa.places import places_in

        out: dict[int, int] = {}
        for pm in places_in(doc):
            if pm.start in starts and pm.place.country == "IDN" and pm.end - pm.start > 1:
                out[pm.start] = max(out.get(pm.start, 0), pm.end)
        return out

    @staticmethod
    def _places_after_titles(doc: Doc, titles: list[_Match], by_start: dict[int, _Match]) -> dict:
        """Gazetteer places that start right after a title (start -> (end, place)); {} when none could."""
        ends = {t.end for t in titles if t.title.regional}
        # past the title's short form in brackets: "Wakil Gubernur (Wagub) Kaltim Seno Aji"
        ends |= {e + 3 for e in ends if _bracketed_short_form(doc, e)}
        if not any(e < len(doc) and e not in by_start and doc[e].text[:1].isupper() for e in ends):
            return {}
        from peristiwa.places import places_in

        out: dict[int, tuple[int, object]] = {}
        for pm in places_in(doc):
            start = pm.start
            if start + 1 in ends and doc[start].lower_ in W.region_nouns:
                start += 1  # "Wali Kota Surabaya": the gazetteer's "Kota Surabaya" overlaps the title
            if doc[start].ent_type_ in _PERSON_LABELS:
                continue  # "Gubernur Ahmad Luthfi": a name the NER reads as a person's, not the Kuwaiti town Ahmadi
            if start in ends and start not in by_start:
                best = out.get(start)
                # several readings of one name: the Indonesian one first (regional offices), then the larger
                if best is None or (pm.place.country == "IDN", pm.place.population) > (
                        best[1].country == "IDN", best[1].population):
                    out[start] = (pm.end, pm.place)
        return out

    @staticmethod
    def _merge_titles(first: Title, second: Title) -> Title:
        if first.office or second.office:
            # "anggota polisi" are police, "Wakil Ketua" and "Presiden Direktur" hold the second office: the
            # later title says what the holder is; an office gives no role of its own
            return replace(second, role="")
        # "Wakil Menteri Luar Negeri", "Juru Bicara Kementerian Luar Negeri": the role of the office it
        # qualifies is not the speaker's own, so keep the sector and drop the role.
        return Title(second.name, first.sector or second.sector, "", first.country or second.country,
                     first.alone and second.alone, first.org, second.regional, second.collective,
                     second.subordinate)

    def _name_run(self, doc: Doc, k: int, by_start: dict[int, _Match] | None = None) -> int:
        """End of a run of capitalised words starting at k (a name the lexicon lacks), max 5 tokens."""
        j = k
        while j < len(doc) and j - k < 5:
            tok = doc[j]
            text = tok.text
            low = text.lower()
            if j > k and by_start and j in by_start:
                break  # the lexicon knows what follows
            if (low in W.not_name and not (j > k and low in W.directions)) or (text.isupper() and len(text) > 1):
                break  # an acronym after a title names an organisation ("juru bicara FPRM"), not a person
            if text[:1].isupper() and text.isalpha() or (low in W.name_glue and j > k and j + 1 < len(doc)
                                                          and doc[j + 1].text[:1].isupper()):
                j += 1
                continue
            if text == "-" and j > k and j + 1 < len(doc) and doc[j + 1].text[:1].isupper() \
                    and doc[j].idx == doc[j - 1].idx + len(doc[j - 1].text):
                j += 1
                continue
            break
        # A single capitalised word that is sentence-initial glue is not a name.
        return j

    def _title_actor(self, doc: Doc, start: int, end: int, title: Title, qualifier: _Match | None,
                     person: _Match | None, name_span: tuple[int, int] | None, published: str | None
                     ) -> Actor | None:
        country, sector, name, wikidata = title.country, title.sector, title.name, None
        if qualifier is not None:
            q_country, q_sector = qualifier.entry.at(published)
            country = q_country or country
            if not sector:
                sector = q_sector if qualifier.entry.kind != "country" else "GOV"
            if qualifier.entry.kind == "igo":
                sector = q_sector or "IGO"  # an intergovernmental body's officials are its own ("Dirjen IAEA")
            name = qualifier.entry.name
            wikidata = qualifier.entry.wikidata
        if person is not None:
            p_country, p_sector = person.entry.at(published)
            country = country or p_country
            sector = sector or p_sector
            name, wikidata = person.entry.name, person.entry.wikidata
            if title.subordinate:  # "mantan perwira Gaddafi" is an officer of Gaddafi's, not Gaddafi
                name, wikidata = f"{title.name} of {person.entry.name}", None
        elif name_span is not None:
            name = doc[name_span[0]:name_span[1]].text
            wikidata = None
        if person is None and name_span is None and title.role and country:
            holder = self.lex.holder(country, title.role, published)
            if holder is not None:
                name, wikidata = holder.name, holder.wikidata
        span = doc[start:end]
        return Actor(span.text, span.start_char, span.end_char, name, country, sector, wikidata)

    def _entry_actor(self, doc: Doc, start: int, end: int, entry: ActorEntry, published: str | None) -> Actor:
        country, sector = entry.at(published)
        span = doc[start:end]
        return Actor(span.text, span.start_char, span.end_char, entry.name, country, sector, entry.wikidata)

    @staticmethod
    def _head(doc: Doc, start: int, end: int) -> int:
        if doc.has_annotation("DEP"):
            for i in range(start, end):
                h = doc[i].head.i
                if h == i or not (start <= h < end):
                    return i
        return start

    # -- layer 3: NER fallback ---------------------------------------------------------------------
    def _ner_fallback(self, doc: Doc, out: DocActors, published: str | None = None) -> None:
        """Names the NER found and the lexicon lacks: a person the Phoenix dictionaries know takes their
        country and sector (at the article's date); the others are actors with no country."""
        added = self._hyphen_pairs(doc, out, published)
        if added:
            out.mentions.extend(added)
            out._index()
        if not doc.has_annotation("ENT_IOB"):
            return
        added = []
        for ent in doc.ents:
            label = ent.label_.upper()
            if label not in _PER_LABELS and label not in _ORG_LABELS:
                continue
            if any(out.covering(i) is not None for i in range(ent.start, ent.end)):
                continue
            if not ent.text[:1].isupper() or (len(ent) == 1 and ent.text.isupper() is False and len(ent.text) < 3):
                continue  # "embargo" tagged PER: names are capitalised
            if len(ent) == 1 and ent.text.lower() in W.not_name:
                continue  # "gerilyawan Sunni": a sect, weekday or direction word is no one's name
            kind = "person" if label in _PER_LABELS else "ner"
            actor = Actor(ent.text, ent.start_char, ent.end_char, ent.text)
            known = phoenix_role(ent.text, published) if kind == "person" and len(ent) > 1 else None
            if known is not None:
                actor = Actor(ent.text, ent.start_char, ent.end_char, known.canonical, known.country, known.sector)
            added.append(ActorMention(ent.start, ent.end, actor, self._head(doc, ent.start, ent.end), "ner", kind))
        if added:
            out.mentions.extend(added)
            out._index()

    def _hyphen_pairs(self, doc: Doc, out: DocActors, published: str | None) -> list[ActorMention]:
        """A running pair written as one word ("Prabowo-Gibran", "Anies-Sandi"), which the tokenizer keeps whole:
        both people, when the lexicon knows one of them by that name; the other is a person of no known country."""
        added = []
        for tok in doc:
            text = tok.text
            if "-" not in text or not text[:1].isupper() or out.covering(tok.i) is not None:
                continue
            parts = text.split("-")
            if len(parts) != 2 or not all(p[:1].isupper() and p.isalpha() for p in parts):
                continue
            people = []
            at = tok.idx
            for part in parts:
                known = [v.entry for v in self.lex.actors.keys.get(compact(part), ()) if v.entry.kind == "person"]
                if known:
                    country, sector = known[0].at(published)
                    people.append(Actor(part, at, at + len(part), known[0].name, country, sector,
                                        known[0].wikidata))
                else:
                    people.append(Actor(part, at, at + len(part), part))
                at += len(part) + 1
            if any(a.country for a in people):
                added.append(ActorMention(tok.i, tok.i + 1, people[0], tok.i, "ner", "person", also=(people[1],)))
        return added

    # -- layer 4: abbreviations and short forms ----------------------------------------------------
    def _abbreviations(self, doc: Doc, out: DocActors, tokens: list[str]) -> None:
        defined: dict[str, ActorMention] = {}
        added = []
        for m in list(out.mentions):
            e = m.end
            if e + 2 < len(doc) and tokens[e] == "(" and tokens[e + 2] == ")" and _ACRONYM.match(tokens[e + 1]):
                abbr = tokens[e + 1]
                cov = out.covering(e + 1)
                if cov is None:
                    added.append(self._copy(doc, m, e + 1, e + 2, "abbrev"))
                defined.setdefault(abbr, m)
        if not defined:
            out.mentions.extend(added)
            out._index()
            return
        out.mentions.extend(added)
        out._index()
        for i, text in enumerate(tokens):
            m = defined.get(text)
            if m is not None and out.covering(i) is None and i > m.start:
                out.mentions.append(self._copy(doc, m, i, i + 1, "abbrev"))
        out._index()

    def _short_names(self, doc: Doc, out: DocActors, tokens: list[str]) -> None:
        """Later single-word mentions of a multi-word person name ("Haftar", "Pompeo")."""
        short: dict[str, tuple[ActorMention, int]] = {}
        for m in out.mentions:
            if m.kind != "person":
                continue
            # a word the NER swept into the name ("Lisa Mariana Jadi Tersangka") is no short form of it
            parts = [p for p in re.split(r"[\s\-]+", m.actor.name) if p[:1].isupper() and len(p) > 2
                     and p.lower() not in W.not_name]
            for p in parts[-1:] + parts[:1]:
                short.setdefault(p, (m, m.end))
        if not short:
            return
        for i, text in enumerate(tokens):
            hit = short.get(text)
            if hit is None or i < hit[1]:
                continue
            cur = out.covering(i)
            if cur is None:
                out.mentions.append(self._copy(doc, hit[0], i, i + 1, "coref"))
            elif cur.via == "ner" and (cur.start, cur.end) == (i, i + 1) and not cur.actor.country:
                # the NER found the surname too, but knows nothing of whom it names: "Menteri Keuangan AS
                # Steven Mnuchin ... Mnuchin mengatakan" had left the second a person of no country (then the
                # chooser's China, the other state of its sentence)
                out.mentions[out.mentions.index(cur)] = self._copy(doc, hit[0], i, i + 1, "coref")
        out._index()

    @staticmethod
    def _copy(doc: Doc, m: ActorMention, start: int, end: int, via: Via) -> ActorMention:
        span = doc[start:end]
        actor = replace(m.actor, text=span.text, start=span.start_char, end=span.end_char)
        return ActorMention(start, end, actor, start, via, m.kind)

    # -- layer 5: pronouns -------------------------------------------------------------------------
    def _pronouns(self, doc: Doc, out: DocActors, lowered: list[str], sent_of: list[int]) -> None:
        added = []
        n = len(lowered)
        for i, low in enumerate(lowered):
            if low not in _ANAPHORS or out.covering(i) is not None:
                continue
            if low in W.person_pronouns or low in W.group_pronouns or low == "nya":
                ante = self._antecedent(out, i, sent_of, low)
                if ante is not None:
                    added.append(self._copy(doc, ante, i, i + 1, "coref"))
            elif i + 1 < n and lowered[i + 1] in W.demonstratives:
                ante = self._antecedent(out, i, sent_of, "negara")
                if ante is not None and out.covering(i + 1) is None:
                    added.append(self._copy(doc, ante, i, i + 2, "coref"))
        if added:
            for m in added:
                m.kind = "pronoun"
            out.mentions.extend(added)
            out._index()

    @staticmethod
    def _pairs(doc: Doc, out: DocActors, lowered: list[str], sent_of: list[int]) -> None:
        """"kedua negara", "kedua pemimpin", "kedua belah pihak": the two most recent actors of different
        countries in this or the two previous sentences (countries for "negara", people for "pemimpin")."""
        added = []
        for i in range(len(lowered) - 1):
            if lowered[i] != "kedua" or lowered[i + 1] not in W.pair_nouns or out.covering(i) is not None:
                continue
            end = i + 3 if lowered[i + 1] == "belah" and i + 2 < len(lowered) else i + 2
            kinds = W.pair_nouns[lowered[i + 1]]
            found: list[ActorMention] = []
            for m in reversed(out.mentions):
                if m.start >= i or sent_of[m.start] < sent_of[i] - 2:
                    continue
                if m.kind in ("pair", "igo") or not m.actor.country or kinds and m.kind not in kinds:
                    continue
                if all(m.actor.country != f.actor.country for f in found):
                    found.append(m)
                if len(found) == 2:
                    break
            span = doc[i:end]
            if len(found) < 2:
                # no two earlier actors: still two parties, of unknown countries, when they open the sentence
                # as its subject ("Kedua negara sepakat ...")
                if i > 0 and sent_of[i - 1] == sent_of[i]:
                    continue
                sector = "" if lowered[i + 1] == "pihak" or lowered[i + 1] == "belah" else "GOV"
                actor = Actor(span.text, span.start_char, span.end_char, "both sides", "", sector)
                added.append(ActorMention(i, end, actor, i + 1, "coref", "pair"))
                continue
            first, second = (replace(f.actor, text=span.text, start=span.start_char, end=span.end_char)
                             for f in reversed(found))
            added.append(ActorMention(i, end, first, i + 1, "coref", "pair", (second,)))
        if added:
            out.mentions.extend(added)
            out._index()

    @staticmethod
    def _counted_people(doc: Doc, out: DocActors, lowered: list[str]) -> None:
        """"menewaskan 20 orang", "tiga warga tewas": a counted group of people is a civilian actor (its
        country comes from the sentence's setting, as for "warga sipil"); a number alone is not."""
        added = []
        for i in range(1, len(lowered)):
            if lowered[i] not in W.counted or out.covering(i) is not None or out.covering(i - 1) is not None:
                continue
            if not (doc[i - 1].like_num or lowered[i - 1] in W.counts):
                continue
            span = doc[i - 1:i + 1]
            actor = Actor(span.text, span.start_char, span.end_char, "civilians", "", "CVL")
            added.append(ActorMention(i - 1, i + 1, actor, i, "lexicon", "role"))
        if added:
            out.mentions.extend(added)
            out._index()

    @staticmethod
    def _local_country(out: DocActors, lowered: list[str], sent_of: list[int]) -> None:
        """Generic agents with no country ("gerilyawan", "warga sipil", "pemerintah") take the country of the
        place the sentence is set in ("di Irak", "di sebelah selatan Baghdad", "di wilayah Kaukasus utara
        Rusia", "di kota Miranshah") when there is exactly one. Armed forces are left alone: troops abroad are
        the usual story ("tentara ... di Irak" are often foreign)."""
        needy = [m for m in out.mentions if m.kind == "role" and not m.actor.country
                 and m.actor.sector in W.local_sectors and m.actor.name not in W.abroad
                 and not _foreign(lowered, m.end)]
        if not needy:
            return
        settings: dict[int, set[str]] = {}
        for m in out.mentions:
            if m.kind == "country" and _after_locative(lowered, m.start):
                settings.setdefault(sent_of[m.start], set()).add(m.actor.country)
        from peristiwa.places import places_in  # the gazetteer knows towns and regions the lexicon does not

        readings: dict[tuple[int, int], set[str]] = {}
        largest: dict[tuple[int, int], list] = {}
        # "nelayan asal Kabupaten Langkat", "ulama asal Indonesia": the origin named after "asal"
        origin: dict[int, set[str]] = {}
        for m in out.mentions:
            if m.kind == "country":
                origin.setdefault(m.start, set()).add(m.actor.country)
        for pm in places_in(out.doc):
            if pm.place.country:
                origin.setdefault(pm.start, set()).add(pm.place.country)
        for pm in places_in(out.doc):
            cover = out.covering(pm.start)  # capitals are metonyms ("di Tripoli"): the gazetteer has all readings
            if pm.place.country and (cover is None or cover.kind == "metonym") and _after_locative(lowered, pm.start):
                readings.setdefault((pm.start, pm.end), set()).add(pm.place.country)
                largest.setdefault((pm.start, pm.end), []).append(pm.place)
        named: dict[int, set[str]] = {}
        for m in out.mentions:
            if m.actor.country and m.kind != "metonym":
                named.setdefault(sent_of[m.start], set()).add(m.actor.country)
        for (start, end), countries in readings.items():
            # "di Tripoli" is Libya or Lebanon: the sentence's named actors decide, else a city far larger
            # than its namesakes ("di Birmingham"), else it says nothing
            if len(countries) > 1:
                cover = out.covering(start)
                countries = countries & named.get(sent_of[start], set()) or (
                    {cover.actor.country} if cover is not None else _dominant(largest[(start, end)]))
            if len(countries) == 1:
                settings.setdefault(sent_of[start], set()).update(countries)
        for m in needy:
            countries = _origin(lowered, m.end, origin) or settings.get(sent_of[m.start], set())
            if not countries and m.actor.sector not in C.armed:
                # no setting: a sentence whose named actors are all of one country ("putra mahkota" beside
                # "Raja Birendra") speaks of that country; armed forces are left alone (troops abroad)
                countries = named.get(sent_of[m.start], set()) - C.non_state
            if len(countries) == 1:
                m.actor = replace(m.actor, country=next(iter(countries)))

    @staticmethod
    def _antecedent(out: DocActors, i: int, sent_of: list[int], pronoun: str) -> ActorMention | None:
        """Most recent compatible mention before token i, in the same or the two previous sentences."""
        window = sent_of[i] - 2
        fallback = None
        for m in reversed(out.mentions):
            if m.start >= i or m.kind == "pronoun":
                continue
            if sent_of[m.start] < window:
                break
            if pronoun == "negara":
                if m.kind in ("country", "metonym"):
                    return m
                continue
            if pronoun in W.person_pronouns or pronoun == "nya":
                if m.kind == "person":
                    return m
                if pronoun == "ia" and fallback is None and m.kind in ("group", "igo", "ner"):
                    fallback = m
                continue
            # mereka: groups, generic agents, countries acting together
            if m.kind in ("group", "role", "igo", "ner", "country"):
                return m
        return fallback


def _bracketed_short_form(doc: Doc, k: int) -> bool:
    """A capitalised word in brackets at token k, with something after it: a title's short form ("(Menag)")."""
    return k + 3 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")" and doc[k + 1].text[:1].isupper()


def _sentence_index(doc: Doc, tokens: list[str]) -> list[int]:
    """Sentence number of every token (from the pipeline's boundaries, else from . ! ?)."""
    idx, k = [], 0
    if doc.has_annotation("SENT_START"):
        for i, start in enumerate(doc.to_array("SENT_START").tolist()):
            k += start == 1 and i > 0
            idx.append(k)
        return idx
    for t in tokens:
        idx.append(k)
        k += t in (".", "!", "?")
    return idx


def actor_of_span(span: Span) -> Actor:
    """An Actor record for an arbitrary span (no lexicon knowledge): name = text."""
    return Actor(span.text, span.start_char, span.end_char, span.text)
