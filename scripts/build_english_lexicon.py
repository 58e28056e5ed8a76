"""Build the English coder's lexicons (src/peristiwa/data/events_en/) from the PETRARCH-2 / Phoenix dictionaries.

    python scripts/build_english_lexicon.py [../shared/data/lexicons/petrarch-dictionaries]

Only facts carry over (MIT, "ship (facts: names, codes)" in the data README): verb words and their
irregular forms, the word sequences of verb patterns and their CAMEO codes, synonym-set members, agent
nouns and their sector codes, actor names and their country/sector codes. The dictionaries' comments,
coder notes and headers are dropped. Output (all TSV, `#` comments, one fact per row):

    verbs.tsv     verb  particle  forms  code  block
    patterns.tsv  block  before  after  code
    synsets.tsv   name  word
    agents.tsv    phrase  sector  code
    actors.tsv    name  canonical  country  sector  source
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "peristiwa" / "data" / "events_en"
DEFAULT_SRC = ROOT.parent / "shared" / "data" / "lexicons" / "petrarch-dictionaries"

# Phoenix agent codes -> the PLOVER sectors the project uses (data/actors/README.md).
SECTOR = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "COP": "COP", "OPP": "OPP", "PTY": "PTY", "JUD": "JUD",
    "LEG": "LEG", "CVL": "CVL", "REF": "REF", "JRN": "JRN", "BUS": "BUS", "MED": "MED", "NGO": "NGO",
    "IGO": "IGO", "REL": "REL", "EDU": "EDU", "LAB": "LAB", "SPY": "GOV", "UAF": "REB", "INS": "REB",
    "ELI": "GOV", "CRM": "CVL", "AGR": "CVL", "HLH": "CVL", "HRI": "NGO", "ENV": "CVL", "DEV": "CVL",
    "MUS": "REL", "CHR": "REL", "JEW": "REL", "HIN": "REL", "BUD": "REL", "RAD": "REB", "PPL": "CVL",
    "SEP": "REB", "MOD": "REL", "SHI": "REL", "SUN": "REL", "CTH": "REL", "MNC": "BUS", "SET": "CVL",
}
# CAMEO country codes that are not ISO 3166 alpha-3.
CAMEO_ISO = {"JAP": "JPN", "ITL": "ITA", "KOS": "XKX", "ROM": "ROU", "GER": "DEU"}


def _words(text: str) -> str:
    """Dictionary token(s) -> plain lower-case words: underscores join words, a final '_' marks an exact word."""
    return text.replace("_", " ").strip().lower()


def _code(text: str) -> str:
    """'[042:043]' -> '042'; '[:195]' -> '195'; '[---]' -> '---' (a pattern that blocks coding)."""
    inner = text.strip("[] ")
    first, _, second = inner.partition(":")
    return (first or second).strip()


def build_verbs(cameo: Path) -> tuple[list[tuple], list[tuple], list[tuple]]:
    verbs: list[tuple] = []
    patterns: list[tuple] = []
    synsets: list[tuple] = []
    block, block_code = "", "---"
    synset = ""
    for raw in cameo.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("&"):
            synset = line.strip()
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            block, block_code, synset = m.group(1).lower(), _code(m.group(2)), ""
            continue
        if synset and line.startswith("+") and not block:
            synsets.append((synset.lower(), line[1:].strip().lower()))
            continue
        if not block:
            continue
        if line.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*(\[[^\]]*\])\s*$", line)
            if not m or "*" not in m.group(1):
                continue
            before, _, after = m.group(1).partition("*")
            clean = [re.sub(r"[{}()$%^]", " ", s) for s in (before, after)]
            before, after = (" ".join(s.split()).lower() for s in clean)
            patterns.append((block, before, after, _code(m.group(2))))
            continue
        # a verb line: WORD or +MULTI_WORD, optional {irregular forms}, optional [code]
        m = re.match(r"^(\+?[A-Z][A-Z_\-']*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", line.strip())
        if not m:
            continue
        words = m.group(1).lstrip("+").strip("_").lower().split("_")
        forms = [f.lstrip("+").strip("_").lower().replace("_", " ") for f in (m.group(2) or "{}").strip("{}").split()]
        code = _code(m.group(3)) if m.group(3) else block_code
        verbs.append((words[0], " ".join(words[1:]), "|".join(forms), code, block))
    return verbs, patterns, synsets


_PERSON = ("man", "men", "woman", "women", "person")
_MINIST = ("minister", "ministers", "ministry", "ministries")


def _expand_agent(name: str) -> list[str]:
    if "!person!" in name:
        return [name.replace("!person!", p) for p in _PERSON]
    if "!minist!" in name:
        return [name.replace("!minist!", p) for p in _MINIST]
    return [name]


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def build_agents(path: Path) -> list[tuple]:
    rows: dict[str, tuple] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^([A-Z!][A-Z_!\-'.]*)\s*(\{[^}]*\})?\s*\[~?([A-Z]+)\]", line)
        if not m:
            continue
        code = m.group(3)
        sector = SECTOR.get(code[:3])
        if not sector:
            continue
        base = m.group(1).lower().strip("_")
        names = _expand_agent(base)
        plurals = [p.lower().strip("_") for p in (m.group(2) or "{}").strip("{}").split()]
        for name in names:
            words = name.split("_")
            forms = [" ".join(words), " ".join(words[:-1] + [_plural(words[-1])])]
            for f in forms:
                rows.setdefault(f, (f, sector, code))
        for p in plurals:
            for name in _expand_agent(p):
                rows.setdefault(name.replace("_", " "), (name.replace("_", " "), sector, code))
    # Phoenix keeps a few prefixes of longer names ("embassy in"): an agent never ends in a preposition
    return sorted(r for r in rows.values() if r[0].split()[-1] not in _PREPOSITIONS)


_PREPOSITIONS = {"in", "of", "to", "for", "at", "on", "with", "from", "by", "ins", "ofs"}


def _actor_code(code: str) -> tuple[str, str] | None:
    """Phoenix actor code -> (country, sector): 'AFGGOV' -> ('AFG', 'GOV'); 'IGOUNO' -> ('UNO', 'IGO')."""
    code = code.upper()
    head, rest = code[:3], code[3:]
    if head == "IGO":
        return ("UNO" if rest.startswith("UNO") else "EUR" if rest.startswith(("EEC", "EUR")) else "IGO"), "IGO"
    if head == "NGO":
        return "NGO", "NGO"
    if head == "MNC":
        return "MNC", "BUS"
    if head == "IMG":
        return "", "REB"
    if not head.isalpha():
        return None
    sector = SECTOR.get(rest[:3], "GOV" if not rest else "")
    return CAMEO_ISO.get(head, head), sector


def _latest(codes: list[tuple[str, str]]) -> str | None:
    """The code in force last: an open range ('>011222') or an undated code beats a closed range."""
    if not codes:
        return None
    def key(item: tuple[str, str]) -> tuple[int, str]:
        _code_, dates = item
        if not dates:
            return (1, "")
        if dates.startswith(">"):
            return (2, dates[1:])
        end = dates.split("-")[-1]
        return (0, end if len(end) == 8 else ("20" if end < "50" else "19") + end)
    return max(codes, key=key)[0]


def _flush(rows: dict[str, tuple], names: list[str], codes: list[tuple[str, str]], known: set[str],
           source: str) -> None:
    code = _latest(codes)
    got = _actor_code(code) if code else None
    # companies are not political actors: MNC entries are left out
    if got and (got[0] in known or got[0] in ("UNO", "EUR", "IGO", "NGO", "")):
        for n in names:
            rows.setdefault(n, (n, names[0], got[0], got[1], source))


def phoenix_entries(path: Path):
    """(names, dated codes) of each Phoenix actor entry: a name, its '+' synonyms, then its codes with their
    date ranges ("[IDNGOV 041020-]")."""
    names: list[str] = []
    codes: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        found = re.findall(r"\[([A-Z0-9]+)\s*([^\]]*)\]", line)
        text = re.sub(r"\[[^\]]*\]", "", line).strip()
        if text and not line[0].isspace() and not text.startswith("+"):
            yield names, codes
            names, codes = [], []
        if text:
            name = re.sub(r"\([^)]*\)", "", text.lstrip("+")).replace("_", " ").strip().lower()
            name = " ".join(name.split())
            if len(name) > 2 and not name.startswith(("mr ", "mr. ")):
                names.append(name)
        codes += [(c, d.strip()) for c, d in found]
    yield names, codes


def build_actors(files: list[Path], known: set[str], generic: set[str] = frozenset()) -> list[tuple]:
    """Phoenix actor entries (a name, its '+' synonyms, then its dated codes) -> one row per name. Names that
    are generic agents ("senate") stay agents: the country would be a guess."""
    rows: dict[str, tuple] = {}
    for path in files:
        for names, codes in phoenix_entries(path):
            _flush(rows, names, codes, known, path.stem)
    return sorted(r for r in rows.values() if r[0] not in generic)


def _write(path: Path, header: str, columns: str, rows: list[tuple]) -> None:
    lines = [f"# {h}" for h in header.strip().splitlines()] + [columns]
    lines += ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(src: Path = DEFAULT_SRC) -> None:
    petr = src / "petrarch2"
    OUT.mkdir(parents=True, exist_ok=True)
    verbs, patterns, synsets = build_verbs(petr / "CAMEO.2.0.txt")
    note = ("Generated by scripts/build_english_lexicon.py from the PETRARCH-2 dictionaries "
            "(MIT, (c) Open Event Data Alliance): facts only.\nEdit by hand freely; see README.md here.")
    _write(OUT / "verbs.tsv", note, "verb\tparticle\tforms\tcode\tblock", verbs)
    _write(OUT / "patterns.tsv", note, "block\tbefore\tafter\tcode", patterns)
    _write(OUT / "synsets.tsv", note, "name\tword", synsets)
    agents = build_agents(petr / "Phoenix.agents.txt")
    _write(OUT / "agents.tsv", note, "phrase\tsector\tcode", agents)
    countries = ROOT / "src" / "peristiwa" / "data" / "actors" / "countries.tsv"
    known = {ln.split("\t", 1)[0] for ln in countries.read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")}
    actors = build_actors([petr / "Phoenix.Countries.actors.txt", petr / "Phoenix.International.actors.txt",
                           petr / "Phoenix.MilNonState.actors.txt"], known, {a[0] for a in agents})
    _write(OUT / "actors.tsv", note, "name\tcanonical\tcountry\tsector\tsource", actors)
    print(f"verbs {len(verbs)}, patterns {len(patterns)}, synset words {len(synsets)}, actors {len(actors)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SRC)
