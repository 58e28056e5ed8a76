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
from peristiwa.schema import Actor

# Longest name tried, in tokens: longer lexicon entries are rare and cost a lookup per token each.
_MAX_TOKENS = 10


@dataclass(slots=True)
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    actor: Actor
    kind: str  # "country" | "name" | "agent"


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


class ActorFinder:
    def __init__(self, project: ActorLexicon, lex: EnglishLexicon) -> None:
        self.project = project
        self.lex = lex

    def find(self, doc: Doc, published: str | None) -> list[Mention]:
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
        return _combine(doc, raw)

    def _at(self, doc: Doc, tokens: list[str], lowers: list[str], i: int, published: str | None) -> Mention | None:
        first = tokens[i]
        found: list[Mention] = []
        if first[:1].isupper():
            def project_ok(alias, a: int, b: int) -> bool:
                if alias.exact:
                    return "".join(tokens[a:b]) == "".join(alias.text.split())
                return True

            hit = _longest(self.project.actors, tokens, lowers, i, project_ok)
            if hit:
                end, alias = hit
                entry = alias.entry
                country, sector = entry.at(published)
                kind = "country" if entry.kind in ("country", "metonym") else "name"
                found.append(Mention(i, end, _actor(doc, i, end, entry.name, country, sector, entry.wikidata), kind))

            def phoenix_ok(value, a: int, b: int) -> bool:
                name = value[0]
                text = "".join(tokens[a:b])
                # short names are acronyms ("UN", "PKK"): only in capitals, so "us" and "aid" never match
                return not (len(compact(name)) <= 4 and not text.isupper())

            hit = _longest(self.lex.actors, tokens, lowers, i, phoenix_ok)
            if hit and (not found or hit[0] > found[0].end):
                end, (name, country, sector) = hit
                found = [Mention(i, end, _actor(doc, i, end, doc[i:end].text, country, sector, None), "name")]
        hit = _longest(self.lex.agents, tokens, lowers, i, lambda v, a, b: True)
        if hit and (not found or hit[0] > found[0].end):
            end, (phrase, sector) = hit
            if sector:
                found = [Mention(i, end, _actor(doc, i, end, phrase, "", sector, None), "agent")]
        return found[0] if found else None


def _actor(doc: Doc, start: int, end: int, name: str, country: str, sector: str, wikidata: str | None) -> Actor:
    span = doc[start:end]
    return Actor(text=span.text, start=span.start_char, end=span.end_char, name=name, country=country,
                 sector=sector, wikidata=wikidata)


def _merge(doc: Doc, a: Mention, b: Mention, *, country_from: Mention, sector_from: Mention,
           name_from: Mention, kind: str) -> Mention:
    actor = _actor(doc, a.start, b.end, name_from.actor.name, country_from.actor.country or name_from.actor.country,
                   sector_from.actor.sector or name_from.actor.sector, name_from.actor.wikidata)
    return Mention(a.start, b.end, actor, kind)


def _combine(doc: Doc, raw: list[Mention]) -> list[Mention]:
    """Fold adjacent mentions into one actor, left to right:
    country/name + agent ("Libyan troops", "Kabul police", "Russia's foreign minister") -> the agent's sector
    with the country; agent + name ("President Barack Obama") -> the name with the agent's sector;
    agent + of + country ("the president of France") -> the agent's sector with the country."""
    out: list[Mention] = []
    for m in raw:
        prev = out[-1] if out else None
        if prev is not None:
            gap = [t.lower_ for t in doc[prev.end:m.start]]
            if m.kind == "agent" and prev.kind in ("country", "name") and gap in ([], ["'s"], ["’s"]):
                out[-1] = _merge(doc, prev, m, country_from=prev, sector_from=m, name_from=prev,
                                 kind="country" if prev.kind == "country" else "name")
                continue
            if prev.kind == "agent" and m.kind == "name" and gap == []:
                out[-1] = _merge(doc, prev, m, country_from=m, sector_from=m if m.actor.sector else prev,
                                 name_from=m, kind="name")
                continue
            if prev.kind == "agent" and m.kind == "country" and gap in (["of"], ["of", "the"]):
                out[-1] = _merge(doc, prev, m, country_from=m, sector_from=prev, name_from=m, kind="country")
                continue
        out.append(m)
    return out
