"""The event pattern lexicon: data/events/{verbs,nouns,cues}.yaml read into lookup tables.

Verb entries name a root; the Indonesian surface forms (meN-, di-, ter-, ber-, memper- with -kan/-i)
are derived here so that analysts write "serang" once and the coder finds menyerang, diserang,
terserang. Everything is keyed by lower-case word sequences for a longest-match lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from peristiwa.ontology import DEFAULT_CAMEO, PLOVER_TYPES, lookup

VOWELS = set("aiueo")
PASSIVE_PREFIXES = ("di", "ter", "ke")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One way of saying an event: the words, what they code, and how roles attach."""

    words: tuple[str, ...]
    kind: str  # "verb" | "noun" | "light"
    event: str = ""
    cameo: str = ""
    mode: str = ""
    voice: str = "active"  # "active" | "passive"
    symmetric: bool = False
    reverse: bool = False
    demand: bool = False
    modality: str = ""
    need_recipient: bool = False
    need_actor: bool = False
    need_light: bool = False
    recipient_country_only: bool = False
    objects: tuple[tuple[str, ...], ...] = ()
    objects_not: tuple[str, ...] = ()
    recipient_via: tuple[str, ...] = ()
    actor_sector: tuple[str, ...] = ()
    recipient_sector: tuple[str, ...] = ()
    if_recipient: str = ""
    theme: bool = False  # the bare object is what is sent/done; the recipient needs a preposition
    speaker: bool = False  # an impersonal frame ("penting bagi X untuk ..."): the actor is who says it
    root: str = ""


@dataclass
class Cues:
    intended: list[tuple[str, ...]]
    negated: list[tuple[str, ...]]
    hypothetical: list[tuple[str, ...]]
    demand_links: set[str]
    attribution_post: list[tuple[str, ...]]
    attribution_pre: set[str]
    complementisers: set[str]
    recipient_preps: set[str]
    agent_preps: set[str]
    between: set[str]
    partner_preps: set[str]
    directed_types: set[str]
    unaimed_at_act: set[str] = field(default_factory=set)
    unaimed_with_link: set[str] = field(default_factory=set)
    threat_links: set[str] = field(default_factory=set)
    protest_sites: set[str] = field(default_factory=set)
    not_negation: list[tuple[str, ...]] = field(default_factory=list)
    claim_verbs: set[str] = field(default_factory=set)
    claim_glue: set[str] = field(default_factory=set)


@dataclass
class EventLexicon:
    # first word -> patterns starting with it, longest first
    index: dict[str, list[Pattern]] = field(default_factory=dict)
    # verb root -> patterns (for tokens whose lemma is the root but whose form we did not derive)
    by_root: dict[str, list[Pattern]] = field(default_factory=dict)
    cues: Cues | None = None

    def add(self, pattern: Pattern) -> None:
        self.index.setdefault(pattern.words[0], []).append(pattern)

    def finish(self) -> None:
        for pats in self.index.values():
            # longer phrases first; within a phrase, patterns with object constraints first
            pats.sort(key=lambda p: (-len(p.words), not p.objects))


def men_forms(root: str) -> list[str]:
    """meN- + root with the nasal assimilation of standard Indonesian (and the common unassimilated
    spellings of loanwords: mempengaruhi, mentransfer)."""
    r = root
    first = r[0]
    second = r[1] if len(r) > 1 else ""
    out: list[str] = []
    if _syllables(r) == 1:
        out.append("menge" + r)
    if first in VOWELS or first in "gh":
        out.append("meng" + r)
    elif first == "k":
        out.append("meng" + (r[1:] if second in VOWELS else r))
        out.append("meng" + r)
    elif first == "p":
        out.append("mem" + (r[1:] if second in VOWELS else r))
        out.append("mem" + r)
    elif first in "bfv":
        out.append("mem" + r)
    elif first == "t":
        out.append("men" + (r[1:] if second in VOWELS else r))
        out.append("men" + r)
    elif first in "cdjz":
        out.append("men" + r)
    elif first == "s":
        out.append("meny" + r[1:] if second in VOWELS else "men" + r)
    else:  # l m n r w y, ng-, ny-
        out.append("me" + r)
    return list(dict.fromkeys(out))


def ber_forms(root: str) -> list[str]:
    if root.startswith("r"):
        return ["be" + root, "ber" + root]
    if len(root) > 3 and root[1:3] == "er" and root[0] not in VOWELS:  # bekerja, beternak
        return ["be" + root, "ber" + root]
    return ["ber" + root]


def _syllables(word: str) -> int:
    n, prev = 0, False
    for ch in word:
        v = ch in VOWELS
        if v and not prev:
            n += 1
        prev = v
    return n


def derive(root: str, affixes: list[str], suffixes: list[str]) -> list[tuple[str, str]]:
    """(surface form, voice) pairs for a root; multi-word roots inflect their first word."""
    head, _, rest = root.partition(" ")
    tail = (" " + rest) if rest else ""
    out: list[tuple[str, str]] = []
    for suffix in suffixes:
        base = head + suffix
        for affix in affixes:
            if affix == "bare":
                out.append((base, "active"))
            elif affix == "meN":
                out += [(f + suffix, "active") for f in men_forms(head)]
            elif affix == "di":
                out.append(("di" + base, "passive"))
            elif affix == "ter":
                out.append(("ter" + base, "passive"))
            elif affix == "ber":
                out += [(f + suffix, "active") for f in ber_forms(head)]
            elif affix == "memper":
                out.append(("memper" + base, "active"))
            elif affix == "diper":
                out.append(("diper" + base, "passive"))
            else:
                raise ValueError(f"verbs.yaml: unknown affix {affix!r} for root {root!r}")
    seen: dict[str, str] = {}
    for w, v in out:
        seen.setdefault(w + tail, v)
    return list(seen.items())


def voice_of(word: str) -> str:
    """Voice read off a surface form: di-/ter-/ke- passives, everything else active."""
    w = word.lower()
    if w.startswith("di") and len(w) > 4 and not w.startswith(("dia", "diri")):
        return "passive"
    if w.startswith("ter") and len(w) > 5:
        return "passive"
    return "active"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.lower().split())


def _entry_fields(event: str, entry: dict[str, Any], where: str) -> dict[str, Any]:
    cameo = str(entry.get("cameo") or DEFAULT_CAMEO[event])
    row = lookup(cameo)  # raises on unknown codes: a typo in the YAML is an error, not a silent miss
    ev = entry.get("event") or event
    if ev not in PLOVER_TYPES:
        raise ValueError(f"{where}: unknown PLOVER type {ev!r}")
    return dict(
        event=ev, cameo=cameo, mode=str(entry.get("mode") or row.mode or ""),
        symmetric=bool(entry.get("symmetric")), reverse=bool(entry.get("reverse")),
        demand=bool(entry.get("demand")), modality=str(entry.get("modality") or ""),
        need_recipient=bool(entry.get("need_recipient")), need_actor=bool(entry.get("need_actor")),
        need_light=bool(entry.get("need_light")),
        recipient_country_only=bool(entry.get("recipient_country_only")),
        objects=tuple(_words(o) for o in entry.get("object") or []),
        objects_not=tuple(str(o).lower() for o in entry.get("object_not") or []),
        recipient_via=tuple(entry.get("recipient_via") or []),
        actor_sector=tuple(entry.get("actor_sector") or []),
        recipient_sector=tuple(entry.get("recipient_sector") or []),
        if_recipient=str(entry.get("if_recipient") or ""),
        theme=bool(entry.get("theme")), speaker=bool(entry.get("speaker")),
    )


def _read_yaml(name: str) -> dict[str, Any]:
    text = resources.files("peristiwa").joinpath(f"data/events/{name}").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"data/events/{name}: expected a mapping of PLOVER type -> entries")
    return data


@lru_cache(maxsize=1)
def load_lexicon() -> EventLexicon:
    """The shipped lexicon (parsed once per process)."""
    lex = EventLexicon()
    for event, entries in _read_yaml("verbs.yaml").items():
        for n, entry in enumerate(entries):
            where = f"verbs.yaml {event}[{n}]"
            if event == "LIGHT":
                for w in entry["words"]:
                    lex.add(Pattern(words=_words(w), kind="light", reverse=bool(entry.get("reverse")),
                                    modality=str(entry.get("modality") or ""), voice=voice_of(w)))
                continue
            fields = _entry_fields(event, entry, where)
            root = str(entry.get("root") or "")
            if entry.get("words"):
                forms = [(w, str(entry.get("voice") or voice_of(w))) for w in entry["words"]]
            elif root:
                forms = derive(root, list(entry.get("affixes") or ["meN", "di"]),
                               [str(s) for s in (entry.get("suffixes") or [""])])
            else:
                raise ValueError(f"{where}: an entry needs 'root' or 'words'")
            for form, voice in forms:
                pat = Pattern(words=_words(form), kind="verb", voice=voice, root=root, **fields)
                lex.add(pat)
                if root and " " not in root and not pat.objects and len(pat.words) == 1:
                    lex.by_root.setdefault(root, []).append(pat)
    for event, entries in _read_yaml("nouns.yaml").items():
        for n, entry in enumerate(entries):
            fields = _entry_fields(event, entry, f"nouns.yaml {event}[{n}]")
            for w in entry["words"]:
                lex.add(Pattern(words=_words(w), kind="noun", **fields))
    lex.finish()
    lex.cues = _load_cues()
    return lex


def _load_cues() -> Cues:
    data = _read_yaml("cues.yaml")
    mod, att, roles = data["modality"], data["attribution"], data["roles"]
    return Cues(
        intended=[_words(w) for w in mod["intended"]],
        negated=[_words(w) for w in mod["negated"]],
        hypothetical=[_words(w) for w in mod["hypothetical"]],
        demand_links=set(data["demand_links"]),
        attribution_post=[_words(w) for w in att["postposed"]],
        attribution_pre=set(att["preposed"]),
        complementisers=set(att["complementisers"]),
        recipient_preps=set(roles["recipient_preps"]),
        agent_preps=set(roles["agent_preps"]),
        between=set(roles["between"]),
        partner_preps=set(roles["partner_preps"]),
        directed_types=set(roles.get("directed_types") or []),
        unaimed_at_act=set(roles.get("unaimed_at_act") or []),
        unaimed_with_link=set(roles.get("unaimed_with_link") or []),
        threat_links=set(roles.get("threat_links") or []),
        protest_sites=set(roles.get("protest_sites") or []),
        not_negation=[_words(w) for w in mod.get("not_negation") or []],
        claim_verbs=set(roles.get("claim_verbs") or []),
        claim_glue=set(roles.get("claim_glue") or []),
    )
