"""The English coder's lexicons, loaded from data/events_en/ (see README.md there).

Verbs come from the PETRARCH-2 CAMEO dictionary as lemmas with their irregular forms; the regular forms
(-s, -ed, -ing, with and without a doubled final consonant) are generated here, so a surface word is looked
up directly instead of being lemmatised. Patterns refine a verb's code by the words around it
("sign * &treaty" -> 057). Agents are generic nouns ("police", "rebels") with a PLOVER sector.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from peristiwa.actors.lexicon import KeyIndex
from peristiwa.events_en.words import words as word_lists

# The English coder's vocabulary (names, pronouns, clause words): data/events_en/words.yaml.
W = word_lists()

DATA = Path(__file__).resolve().parents[1] / "data" / "events_en"


@dataclass(frozen=True, slots=True)
class Verb:
    lemma: str
    particle: str  # "" or the word(s) that must follow: "ask for", "shut down"
    code: str  # CAMEO code, or "---" when only a pattern gives one
    block: str  # the dictionary's synonym block: patterns are shared within it
    form: str  # "base" | "s" | "ed" | "ing"


@dataclass(frozen=True, slots=True)
class Pattern:
    before: tuple[tuple[str, ...], ...]  # word alternatives, in order, before the verb
    after: tuple[tuple[str, ...], ...]  # word alternatives, in order, after the verb
    code: str
    curated: bool = False  # a hand-written row (patterns_extra.tsv): it may move a material verb's quad

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after)


@dataclass(frozen=True, slots=True)
class Noun:
    code: str
    need_actor: bool
    mode: str = ""  # the means, where it says more than the code ("grenade")
    instrument: bool = False  # a weapon: "hurled a grenade" is the weapon's event (frames.yaml)
    dominant: bool = False  # decides the means of any attack in its sentence ("warplanes fired missiles")
    unnamed: bool = True  # an event without a named participant where the sentence codes nothing else
    alongside: bool = False  # an event of its own beside the verbs' ("carried out a joint operation, killing")


@dataclass(frozen=True, slots=True)
class Frame:
    """A verb whose object is of one of `classes` is the event `code` ("instrument": the object noun's)."""

    verbs: frozenset[str]  # lemmas, or "lemma particle"
    classes: frozenset[str]
    code: str


@dataclass
class Cues:
    """Closed-class words that steer roles and modality (cues.yaml)."""

    negation: set[str] = field(default_factory=set)
    modal: set[str] = field(default_factory=set)
    intent_governors: set[str] = field(default_factory=set)
    absorbing_governors: set[str] = field(default_factory=set)
    demand_governors: set[str] = field(default_factory=set)
    say: set[str] = field(default_factory=set)
    be: set[str] = field(default_factory=set)
    aux: set[str] = field(default_factory=set)
    determiners: set[str] = field(default_factory=set)
    target_preps: set[str] = field(default_factory=set)
    place_preps: set[str] = field(default_factory=set)
    boundaries: set[str] = field(default_factory=set)
    pronouns: set[str] = field(default_factory=set)
    not_verbs: set[str] = field(default_factory=set)
    pattern_only: set[str] = field(default_factory=set)
    plural_nouns: set[str] = field(default_factory=set)
    quantities: set[str] = field(default_factory=set)
    crowds: set[str] = field(default_factory=set)
    riot_words: set[str] = field(default_factory=set)
    hazards: set[str] = field(default_factory=set)
    crowd_gathering: set[str] = field(default_factory=set)
    verbs_when_tagged: set[str] = field(default_factory=set)
    obligation: set[str] = field(default_factory=set)
    demand_reporters: set[str] = field(default_factory=set)
    commit_governors: set[str] = field(default_factory=set)
    refusal_aux: set[str] = field(default_factory=set)
    background_marks: set[str] = field(default_factory=set)
    attempt_governors: set[str] = field(default_factory=set)
    # CAMEO code prefix of an act -> the code of the event it becomes (cues.yaml: threat_codes, refusal_codes)
    threat_codes: dict[str, str] = field(default_factory=dict)
    refusal_codes: dict[str, str] = field(default_factory=dict)


@dataclass
class EnglishLexicon:
    verbs: dict[str, list[Verb]]  # surface word (lower case) -> verbs it can be
    patterns: dict[str, list[Pattern]]  # block -> patterns, most specific first
    nouns: dict[str, Noun]  # event noun (lower case, singular and plural) -> code
    agents: KeyIndex  # compact phrase -> [(phrase, sector)]
    actors: KeyIndex  # compact name -> [(canonical name, country, sector)]
    cues: Cues
    frames: list[Frame] = field(default_factory=list)  # frames.yaml
    classes: dict[str, set[str]] = field(default_factory=dict)  # object classes of frames.yaml, singular and plural


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))


_VOWELS = set("aeiou")


def inflections(lemma: str) -> dict[str, str]:
    """Regular English verb forms of `lemma` -> their kind. Both spellings of a doubled final consonant are
    produced ("visited"/"visitted"): a form that never occurs costs nothing, a missing one loses events."""
    out = {lemma: "base"}
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        out[lemma + "es"] = "s"
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        out[lemma[:-1] + "ies"] = "s"
    else:
        out[lemma + "s"] = "s"
    if lemma.endswith("e"):
        out[lemma + "d"] = "ed"
        out[(lemma[:-1] if not lemma.endswith("ee") else lemma) + "ing"] = "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        out[lemma[:-1] + "ied"] = "ed"
        out[lemma + "ing"] = "ing"
    else:
        out[lemma + "ed"] = "ed"
        out[lemma + "ing"] = "ing"
        if len(lemma) >= 3 and lemma[-1] not in _VOWELS | {"w", "x", "y"} and lemma[-2] in _VOWELS \
                and lemma[-3] not in _VOWELS:
            out[lemma + lemma[-1] + "ed"] = "ed"
            out[lemma + lemma[-1] + "ing"] = "ing"
    return out


def _irregular_kind(form: str, lemma: str) -> str:
    if form.endswith("ing"):
        return "ing"
    if form.endswith("s") and not lemma.endswith("s"):
        return "s"
    return "ed"


def _alternatives(word: str, synsets: dict[str, list[str]]) -> tuple[str, ...]:
    if word.startswith("&"):
        return tuple(synsets.get(word.rstrip("_"), ()))
    return (word,)


def _load_verbs(folder: Path) -> dict[str, list[Verb]]:
    verbs: dict[str, list[Verb]] = {}
    extra = _rows(folder / "verbs_extra.tsv") if (folder / "verbs_extra.tsv").exists() else []
    mine = {(r["verb"].strip(), (r["particle"] or "").strip()) for r in extra}
    for n, row in enumerate(extra + _rows(folder / "verbs.tsv")):
        lemma, particle = row["verb"].strip(), (row["particle"] or "").strip()
        if not lemma or n >= len(extra) and (lemma, particle) in mine:
            continue  # a hand-written verb replaces the generated one
        forms = inflections(lemma)
        for f in (row["forms"] or "").split("|"):
            f = f.strip()
            if not f:
                continue
            word = f.split()[0]  # "asked for" -> "asked"; the particle is matched separately
            forms[word] = _irregular_kind(word, lemma)
        if lemma in W.same_past or lemma in {f.strip() for f in (row["forms"] or "").split("|")}:
            forms[lemma + " "] = "ed"  # "cut", "hit", "put": the base form is also the past
        for word, kind in forms.items():
            verbs.setdefault(word.strip(), []).append(Verb(lemma, particle, row["code"].strip(),
                                                           row["block"].strip(), kind))
    return verbs


def _load_patterns(folder: Path) -> dict[str, list[Pattern]]:
    synsets: dict[str, list[str]] = {}
    for row in _rows(folder / "synsets.tsv"):
        synsets.setdefault(row["name"].rstrip("_"), []).append(row["word"].strip().replace("_", " ").strip())
    out: dict[str, list[Pattern]] = {}
    extra = folder / "patterns_extra.tsv"
    rows = _rows(extra) if extra.exists() else []
    seen: set[tuple[str, str, str]] = set()
    curated = len(rows)
    for n, row in enumerate(rows + _rows(folder / "patterns.tsv")):
        key = (row["block"], row["before"] or "", row["after"] or "")
        if key in seen:
            continue  # a hand-written correction replaces the generated row
        seen.add(key)
        before = tuple(a for w in (row["before"] or "").split() if (a := _alternatives(w, synsets)))
        after = tuple(a for w in (row["after"] or "").split() if (a := _alternatives(w, synsets)))
        if before or after:
            out.setdefault(row["block"], []).append(Pattern(before, after, row["code"].strip(), n < curated))
    for pats in out.values():
        pats.sort(key=lambda p: -p.size)
    return out


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _load_nouns(folder: Path) -> dict[str, Noun]:
    out: dict[str, Noun] = {}
    for item in yaml.safe_load((folder / "nouns.yaml").read_text(encoding="utf-8")) or []:
        noun = Noun(str(item["cameo"]), bool(item.get("need_actor", False)), str(item.get("mode") or ""),
                    bool(item.get("instrument", False)), bool(item.get("dominant", False)),
                    bool(item.get("unnamed", True)), bool(item.get("alongside", False)))
        for word in item.get("words") or ():
            word = str(word).lower()
            out.setdefault(word, noun)
            if " of " not in word:  # "suicide bombers", not "exchanges of fire"
                head = word.rsplit(" ", 1)
                out.setdefault(" ".join([*head[:-1], _plural(head[-1])]), noun)
    return out


def _load_frames(folder: Path) -> tuple[list[Frame], dict[str, set[str]]]:
    path = folder / "frames.yaml"
    if not path.exists():
        return [], {}
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    classes: dict[str, set[str]] = {}
    for name, words in (raw.get("classes") or {}).items():
        forms = {str(w).lower() for w in words}
        classes[name] = forms | {_plural(w) for w in forms}
    frames = [Frame(frozenset(str(v).lower() for v in f["verbs"]), frozenset(f["object"]), str(f["cameo"]))
              for f in raw.get("frames") or ()]
    return frames, classes


def _load_cues(folder: Path) -> Cues:
    raw = yaml.safe_load((folder / "cues.yaml").read_text(encoding="utf-8")) or {}
    cues = Cues()
    for name in cues.__dataclass_fields__:
        value = raw.get(name) or ()
        if isinstance(getattr(cues, name), dict):
            setattr(cues, name, {str(k): str(v) for k, v in dict(value).items()})
        else:
            setattr(cues, name, {str(w).lower() for w in value})
    return cues


def build_lexicon(folder: Path = DATA) -> EnglishLexicon:
    agents = KeyIndex()
    # hand-written agents (agents_extra.tsv) come first: the first value under a key wins
    for name in ("agents_extra.tsv", "agents.tsv"):
        if (folder / name).exists():
            for r in _rows(folder / name):
                if r["phrase"] and r["sector"] is not None:
                    agents.add(r["phrase"].strip(), (r["phrase"].strip(), r["sector"].strip()))
    actors = KeyIndex()
    # hand-written names (actors_extra.tsv) first: the first value under a key wins
    extra = [folder / "actors_extra.tsv"] if (folder / "actors_extra.tsv").exists() else []
    for r in (row for path in [*extra, folder / "actors.tsv"] for row in _rows(path)):
        if r["name"]:
            actors.add(r["name"].strip(), (r["canonical"].strip(), r["country"].strip(), r["sector"].strip()))
    frames, classes = _load_frames(folder)
    return EnglishLexicon(verbs=_load_verbs(folder), patterns=_load_patterns(folder), nouns=_load_nouns(folder),
                          agents=agents, actors=actors, cues=_load_cues(folder), frames=frames, classes=classes)


@lru_cache(maxsize=2)
def load_lexicon(folder: str | None = None) -> EnglishLexicon:
    """The English lexicons, built once per process."""
    return build_lexicon(Path(folder) if folder else DATA)
