"""Organisations of Indonesian public life as entities: a ruler after the statistical NER.

The statistical NER learnt ORG from NERGrit/NERP (Wikipedia bands, universities, clubs) and misses the
bodies Indonesian political news is made of: KPK, DPR, Polri, the parties, the ministries. This
component puts what the project knows on top of it, all of it from data files:
- known names: every alias of `data/actors/organisations_id.yaml` written with a capital or a digit
  first (the actor lexicon reads the same file), matched exactly in case over runs of tokens, spaces
  ignored ("PDI-P" = "PDI - P");
- units named by their place, `place_heads` in `data/nlp/org_patterns.yaml` ("Polres Metro Jakarta
  Selatan", "Kejari Jakarta Selatan", "DPRD DKI Jakarta"), also where the head alone is a known name;
- names opened by an organisation word, `name_heads` ("Partai Buruh Inggris", "Universitas Negeri
  Makassar"), where no known name starts;
- an acronym in brackets after an organisation ("Komisi Pemberantasan Korupsi (KPK)") is one too,
  as NERGrit writes it: two entities, brackets outside;
- a `sub_units` word before an organisation is part of it ("Ditpolair Polda NTB", "Bareskrim Mabes Polri").
- a `state_suffix` ("RI") after an organisation is part of it ("Kemenkes RI"), and after a run opened by a
  `state_titles` word it is an organisation of its own ("Presiden RI"); a country after a `foreign_heads`
  body is part of it ("Kementerian Keuangan India").
- an organ of a body is one organisation with it: a name-head run followed by a known organisation or unit
  ("Dewan Etik MK", "Komite Eksekutif PSSI"), and an `organ_heads` word with a name of its own and its body
  ("Biro Humas KPK", "Tim Ahli Kementerian PANRB"); alone, an organ word makes no name.
- the name after a `source_cues` phrase ("dilansir Billboard", "kantor berita Anadolu") is a medium, an
  organisation (a country stays a place); a number the model read into a team before a dash and a number is
  a score ("Bhayangkara FC 2 - 0 ...") and is left out.
A run of name words ends at a `stop` word, at a police or military rank of `data/nlp/entity_edges.yaml`
("Polres Sleman | Kompol ..."), at a person the model found, after `max_words`, or at a connector ("dan")
followed by the start of another organisation.

Against the model's entities: a rule's span replaces those it overlaps, except a longer model entity
(not a person, no brackets inside) that holds it whole — the model read more of the name than the rule.
A two-letter acronym followed by "(<number>" is a suspect's initials with an age ("MA (35)"), not an
institution; a `generic` unit word alone ("Polsek") and a `not_names` phrase ("Badan Usaha Milik Negara")
are no entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from peristiwa.nlp.org_names import known_names, load_rules, lower_case_names

_CONNECTORS = {"dan", "untuk", "&", "-", "/"}
# words an acronym leaves out when it spells a name ("Badan Meteorologi , Klimatologi , dan Geofisika")
_SPELL_SKIP = {"dan", "of", "the", "and", "for", ","}
_QUOTES = {'"', "“", "'", "‘"}
_ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"}
_PERSON = {"PER", "PERSON"}
_PLACE = {"LOC", "GPE"}
# a product's model code: "8", "V30", "U11", "2i", "S8"
_MODEL = re.compile(r"^[A-Z]{0,3}\d+[A-Za-z]*$")


def _longest_country(words: list[str], i: int) -> int:
    """End of the longest country name or variant of the actor lexicon at word i, else i."""
    from peristiwa.nlp.entity_edges import country_names

    for n in range(min(4, len(words) - i), 0, -1):
        if tuple(words[i:i + n]) in country_names():
            return i + n
    return i


def _without_covered(ents: list[Span]) -> list[Span]:
    """The entities, sorted, less any that a longer one holds (a place "RI" inside "Kemenkes RI")."""
    ents = sorted(ents, key=lambda e: (e.start, -e.end))
    out: list[Span] = []
    for e in ents:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


def _key(words: Iterable[str]) -> str:
    return "".join("".join(w.split()) for w in words)


class _Index:
    """Exact-case keys over concatenated token texts, with their prefixes, for left-to-right scans."""

    def __init__(self, names: Iterable[str]) -> None:
        self.keys: set[str] = set()
        self.prefixes: set[str] = set()
        for name in names:
            key = _key([name])
            if not key:
                continue
            self.keys.add(key)
            self.prefixes.update(key[:i] for i in range(1, len(key) + 1))

    def longest(self, words: list[str], i: int, limit: int = 12) -> int:
        """End of the longest key starting at word i (i when none)."""
        best, key = i, ""
        for j in range(i, min(len(words), i + limit)):
            key += words[j]
            if key not in self.prefixes:
                break
            if key in self.keys:
                best = j + 1
        return best




@lru_cache(maxsize=1)
def _rank_words() -> frozenset[str]:
    """The first words of the police and military ranks of `data/nlp/entity_edges.yaml` ("Inspektur",
    "Kompol", "Laksma"): a rank ends an organisation's name ("Polrestabes Surabaya | Inspektur Polisi Satu ...")."""
    from peristiwa.nlp.entity_edges import load_rules as edge_rules

    return frozenset(r.split()[0] for r in edge_rules()["ranks"])


@lru_cache(maxsize=2)
class OrgRuler:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        rules = load_rules()
        skip = set(rules.get("skip_names") or ())
        self.names = _Index(n for n in known_names() if n not in skip)
        self._known_set = frozenset(known_names())
        self._current: tuple[Doc, list[str]] | None = None
        self.lower_case = lower_case_names()  # read here, at load, not at the first document
        self.competition_before = _Index(w[::-1] for w in rules.get("competition_before") or ())
        self.competition_after = _Index(rules.get("competition_after") or ())
        self.place_heads = _Index(rules["place_heads"])
        self.name_heads = _Index(rules["name_heads"])
        self.organ_heads = _Index(rules.get("organ_heads") or ())
        self.source_cues = _Index(rules.get("source_cues") or ())
        self.source_firsts = frozenset(c.split()[0] for c in rules.get("source_cues") or ())
        self.acronym_org_words = frozenset(rules.get("acronym_org_words") or ())
        self.work_nouns = frozenset(rules.get("work_nouns") or ())
        self.stop = set(rules["stop"]) | _rank_words()
        self.generic = _Index(rules.get("generic") or ())
        self.not_names = _Index(rules.get("not_names") or ())
        self.max_words = int(rules.get("max_words", 6))
        self.buildings = set(rules.get("buildings") or ())
        self.not_first = set(rules.get("not_first") or ())
        self.sub_units = _Index(w[::-1] for w in rules.get("sub_units") or ())
        self.state_suffix = _Index(rules.get("state_suffix") or ())
        self.state_titles = _Index(rules.get("state_titles") or ())
        self.foreign_heads = _Index(rules.get("foreign_heads") or ())
        self.products = _Index(rules.get("products") or ())
        self.product_makers = _Index(rules.get("product_makers") or ())

    # -- spans -------------------------------------------------------------------------------------
    def _words(self, doc: Doc) -> list[str]:
        """The token texts of `doc`, built once per document (building spaCy tokens is the slow part here)."""
        if self._current is None or self._current[0] is not doc:
            self._current = (doc, [t.text for t in doc])
        return self._current[1]

    def spans(self, doc: Doc) -> list[tuple[int, int]]:
        words = self._words(doc)
        person_start = {e.start for e in doc.ents if e.label_ in _PERSON}
        found: list[tuple[int, int]] = []
        i, n = 0, len(words)
        while i < n:
            if not (words[i][:1].isupper() or words[i][:1].isdigit()):
                i += 1
                continue
            end = self.names.longest(words, i)
            if end == i + 1 and doc[i].is_sent_start and words[i] in self.not_first:
                end = i  # "Antara lain ...": the preposition, capitalised, not the news agency
            if end > i and self._in_competition(words, i, end):
                i = end  # "Piala UEFA", "AFC Cup": the competition's name, no entity in it
                continue
            if end > i and (end - i == 1 and self._initials(words, i) or self.generic.longest(words, i) == end):
                end = i  # "MA (35)" is a suspect's initials; "Polsek" alone is no one police station
            if self.not_names.longest(words, i) > i:
                i = self.not_names.longest(words, i)
                continue
            head = self.place_heads.longest(words, i)
            if head > i:
                run = self._run(words, head, person_start, acronyms=True)
                end = max(end, run if run > head else i)
            elif end == i:
                head = self.name_heads.longest(words, i)
                if head > i:
                    run = self._run(words, head, person_start, acronyms=False)
                    # a head word alone is no name ("Partai itu"); an organ's name runs into its body's
                    # ("Dewan Etik MK", "Komite Eksekutif PSSI")
                    end = self._with_body(words, run, person_start) if run > head else i
                elif self.organ_heads.longest(words, i) > i:
                    end = self._organ(words, i, person_start)
            if end > i:
                found.append((i, self._with_unit(words, i, found), end))
                i = end
            else:
                i += 1
        return [(start, end) for _, start, end in found]

    def _with_unit(self, words: list[str], i: int, found: list[tuple[int, int, int]]) -> int:
        """Where the name found at i starts once a sub-unit word before it is read with it ("Ditpolair |
        Polda NTB"): the sub-unit's start, taking over a span the sub-unit was found as on its own."""
        before = [w[::-1] for w in reversed(words[max(0, i - 3):i])]
        n = self.sub_units.longest(before, 0)
        if not n:
            return i
        start = i - n
        if start > 0 and words[start - 1] in self.stop:
            return i  # "Kabid Humas Polda Riau": the unit word belongs to the title before it
        if found and found[-1][2] > start:
            if found[-1][1] < start:
                return i  # the word belongs to a longer name before it
            found.pop()  # "Bareskrim" was found alone: it is now part of this name
        return start

    def _run(self, words: list[str], j: int, person_start: set[int], acronyms: bool) -> int:
        """End of the name words from j on; j itself (no name) when the first word is not one."""
        start, last = j, j
        known = self.names.longest(words, j)
        if known > j and not acronyms:
            return known  # "Fraksi Hanura", "Partai Golkar": a known name is the whole of it
        while j < len(words) and j - start < self.max_words and j not in person_start:
            w = words[j]
            if w in self.stop and not self.name_heads.longest(words, j - 1) > j:
                break  # "Jenderal" stops a name, except inside "Direktorat Jenderal"
            # "Fraksi PKS", "Badan Litbang Kementerian PUPR": an acronym may name the body, first in the run
            # or after a word that opens an organisation's name
            if self._name_word(w, acronyms or j == start or self.name_heads.longest(words, j - 1) == j):
                j += 1
                last = j
            elif w.lower() in _CONNECTORS and j > start and j + 1 < len(words) \
                    and self._name_word(words[j + 1], acronyms) and words[j + 1] not in self.stop \
                    and not self._opens_name(words, j + 1):
                j += 1  # "Kementerian Kelautan dan Perikanan", not "Polres X dan Kejaksaan Negeri Y"
            else:
                break
        return last

    def _with_body(self, words: list[str], end: int, person_start: set[int]) -> int:
        """Where a name that ends at `end` ends once the organisation right after it is read with it: an
        organ of a body is named with the body ("Dewan Etik | MK", "Biro Humas | KPK", "Komite Eksekutif |
        PSSI"), as NERGrit and the news NER sentences write them; `end` where no known organisation or unit
        starts there."""
        if end in person_start or end >= len(words) or _longest_country(words, end) > end:
            return end
        return self._known_or_unit(words, end, person_start)

    def _known_or_unit(self, words: list[str], k: int, person_start: set[int]) -> int:
        """End of a known organisation or of a unit with its place ("Polres Bogor") named at k, else k."""
        end = self.names.longest(words, k)
        head = self.place_heads.longest(words, k)
        if head > k:
            run = self._run(words, head, person_start, acronyms=True)
            end = max(end, run if run > head else k)
        return max(end, k)

    def _organ(self, words: list[str], i: int, person_start: set[int]) -> int:
        """End of an organ's name opened by an `organ_heads` word at i ("Tim Ahli Kementerian PANRB", "Biro
        Humas KPK"): the organ with its body, only where it has a word of its own and an organisation is
        named in it or right after it; i (no name) otherwise, and after a capitalised word that is no title ("Kantor Pusat
        BNI", "Jakarta Pusat": the word belongs to another name)."""
        if i > 0 and words[i - 1][:1].isupper() and words[i - 1] not in self.stop and not self._sentence_start(words, i):
            return i
        head = self.organ_heads.longest(words, i)
        run = self._run(words, head, person_start, acronyms=False)
        if run == head or self.names.longest(words, head) > head:
            return i  # no word of its own: "Tim Persib" is the club's team
        for k in range(head + 1, run):  # the body named inside the run, read to its own end
            body = self._body(words, k, person_start)
            if body > k:
                return self._with_body(words, max(run, body), person_start)
        end = self._with_body(words, run, person_start)
        return end if end > run else i

    def _body(self, words: list[str], k: int, person_start: set[int]) -> int:
        """End of an organisation named at k (a known name, a unit with its place, a name opened by a name
        head), else k; not a country ("Tim Amerika Serikat" is a national team)."""
        if _longest_country(words, k) > k:
            return k
        end = self._known_or_unit(words, k, person_start)
        head = self.name_heads.longest(words, k)
        if head > k and end == k:
            run = self._run(words, head, person_start, acronyms=False)
            end = run if run > head else k
        return end

    @staticmethod
    def _sentence_start(words: list[str], i: int) -> bool:
        return i == 0 or words[i - 1] in (".", '"', "“", ":", "(")

    def _opens_name(self, words: list[str], j: int) -> bool:
        """A known organisation or a word that opens one starts at j: a second body, not more of this one."""
        return any(index.longest(words, j) > j for index in (self.names, self.place_heads, self.name_heads))

    @staticmethod
    def _name_word(w: str, acronyms: bool) -> bool:
        if w in _ROMAN or w.isdigit():
            return True
        if not w[:1].isupper():
            return False
        if w.isupper() and len(w) > 1:
            return acronyms and len(w) <= 6
        return w.replace("-", "").replace(".", "").isalpha()

    def _in_competition(self, words: list[str], i: int, end: int) -> bool:
        # the words before i, read backwards, against the reversed keys of competition_before
        before = [w[::-1] for w in reversed(words[max(0, i - 3):i])]
        return self.competition_before.longest(before, 0) > 0 or self.competition_after.longest(words, end) > end

    @staticmethod
    def _in_person(doc: Doc, person: Span, s: int, e: int) -> bool:
        """"Oka Antara": a word the model read inside a person's name, after its first word, is the
        person's, unless it is an acronym ("Ketua DPR" the model took into a name)."""
        return s > person.start and not any(t.text.isupper() and len(t.text) > 1 for t in doc[s:e])

    def _building(self, doc: Doc, start: int, org_start: int) -> bool:
        """"Gedung MK", "Kantor Komnas HAM": a building word and the body in it; the body is the entity."""
        # "gedung KPK", "kantor Kemenag": written in lower case, the building word is still no part of a name
        words = doc[start:org_start].text
        return org_start > start and (words in self.buildings or words[:1].upper() + words[1:] in self.buildings)

    @staticmethod
    def _initials(words: list[str], i: int) -> bool:
        """"MA (35)": two capitals and an age in brackets are a person's initials."""
        return (len(words[i]) == 2 and i + 2 < len(words) and words[i + 1] == "("
                and words[i + 2][:1].isdigit())

    def _brackets(self, doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """An acronym in brackets right after an organisation: "Komisi Pemilihan Umum (KPU)"."""
        orgs = spans + [(e.start, e.end) for e in doc.ents if e.label_ == "ORG"]
        taken = {i for s, e in spans for i in range(s, e)}
        out = []
        for _, e in orgs:
            if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and e + 1 not in taken:
                w = doc[e + 1].text
                letters = [c for c in w if c.isalpha()]
                if 2 <= len(letters) <= 10 and sum(c.isupper() for c in letters) >= 2 and w[:1].isupper():
                    out.append((e + 1, e + 2))
                    taken.add(e + 1)
        return out

    # -- merge -------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        spans = self.spans(doc)
        spans += self._brackets(doc, spans)
        if not spans:
            doc.ents = self._finish(doc, self._state_suffix(doc, list(doc.ents)))
            return doc
        ents = list(doc.ents)
        keep_rule = []
        for s, e in sorted(spans):
            holder = next((x for x in ents if x.start <= s and e <= x.end and (x.start, x.end) != (s, e)
                           and not any(t.text in "()" for t in x) and not self._building(doc, x.start, s)
                           and (x.label_ not in _PERSON or self._in_person(doc, x, s, e))), None)
            if holder is not None:
                continue  # the model's longer name holds the rule's
            # a person the model ran into the organisation keeps the words after it ("DPR Setya Novanto")
            rest = [Span(doc, e, x.end, label=x.label_) for x in ents
                    if x.label_ in _PERSON and s <= x.start < e < x.end and doc[e].text[:1].isupper()]
            ents = [x for x in ents if x.end <= s or x.start >= e] + rest
            keep_rule.append(Span(doc, s, e, label="ORG"))
        ents = self._state_suffix(doc, sorted(ents + keep_rule, key=lambda x: x.start))
        doc.ents = self._finish(doc, ents)
        return doc

    def _finish(self, doc: Doc, ents: list[Span]) -> list[Span]:
        ents = self._no_works(doc, self._no_products(doc, self._cased_names(doc, ents)))
        return self._scores(doc, self._sources(doc, self._spelt_out(doc, ents)))

    def _spelt_out(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """An acronym in brackets and the words right before it that it spells with their first letters are
        one kind of thing, as NERGrit writes them (two entities of one label, or none):
        - words that name an organisation (one of `acronym_org_words` in them, "Millennium Challenge Corporation
          ( MCC )", or a name head or organ word first, "Tim Pencari Fakta Gabungan ( TPFG )"), all capitalised
          and holding no entity, are an organisation, and so is the acronym;
        - after other words (a product, a measure, a title, a programme: "Sigaret Putih Mesin ( SPM )",
          "same-store sales growth ( SSSG )", "Nomor Pokok Wajib Pajak ( NPWP )") holding no entity, the
          acronym is no organisation though the model read it as one; a known organisation's acronym stays
          (the model may have missed its long name)."""
        words = self._words(doc)
        if "(" not in words:
            return ents
        out = list(ents)
        for i in range(1, len(doc) - 2):
            if words[i] != "(" or words[i + 2] != ")":
                continue
            acronym = words[i + 1]
            letters = [c for c in acronym if c.isalpha()]
            if not (2 <= len(letters) <= 6 and acronym.isupper() and acronym.isalpha()):
                continue
            start = self._spelling(doc, i, letters)
            if start is None or any(x.start < i and x.end > start for x in out):
                continue
            spelt = [w for w in words[start:i] if w not in _SPELL_SKIP and w not in ("-", "&")]
            at = next((x for x in out if x.start <= i + 1 < x.end), None)
            kind = self.not_names.longest(words, start) > start  # "Badan Usaha Milik Negara ( BUMN )"
            if not kind and all(w[:1].isupper() for w in spelt) and self._names_a_body(spelt):
                if at is None or (at.label_ == "ORG" and len(at) == 1):
                    out = [x for x in out if x is not at] + [Span(doc, start, i, label="ORG"),
                                                             Span(doc, i + 1, i + 2, label="ORG")]
            elif at is not None and at.label_ == "ORG" and len(at) == 1 and (kind or acronym not in self._known_set):
                out.remove(at)
        return sorted(out, key=lambda e: e.start) if out != ents else ents

    @staticmethod
    def _spelling(doc: Doc, i: int, letters: list[str]) -> int | None:
        """Start of the words before the bracket at i whose first letters spell `letters` (connectors
        skipped), else None."""
        k, j = len(letters), i - 1
        while k > 0 and j >= 0:
            w = doc[j].text
            if w in ("-", "&") or w.lower() in _SPELL_SKIP:
                j -= 1
                continue
            if not w[:1].isalpha() or w[:1].upper() != letters[k - 1]:
                return None
            k, j = k - 1, j - 1
        return j + 1 if k == 0 else None

    def _names_a_body(self, words: list[str]) -> bool:
        """One of `acronym_org_words` anywhere ("Millennium Challenge Corporation"), a name head or organ word
        first ("Tim Pencari Fakta Gabungan"; not "Kurikulum Tingkat Satuan Pendidikan"), except "Unit", which
        spells kinds of office ("Unit Pelaksana Teknis ( UPT )")."""
        return any(w in self.acronym_org_words for w in words) or (words[0] != "Unit" and any(
            index.longest(words, 0) > 0 for index in (self.name_heads, self.organ_heads)))

    def _sources(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """The name right after a `source_cues` phrase ("dilansir Billboard", "dikutip dari Soccerway",
        "kantor berita Anadolu") is the medium quoted, an organisation: where the model found nothing, one
        to four capitalised words (a web address too: "News.com.au"); where it found a person or a place
        that is no country ("laman Fashionista", "dikutip Independent"), the same span as ORG. A country
        stays a place ("kantor berita Iran")."""
        lowers = [w.lower() for w in self._words(doc)]
        if not self.source_firsts.intersection(lowers):
            return ents
        out = list(ents)
        for i in range(len(doc)):
            end = self.source_cues.longest(lowers, i, 3)
            if end == i or end >= len(doc) or not doc[end].text[:1].isupper() or doc[end].text in self.stop:
                continue
            at = next((e for e in out if e.start <= end < e.end), None)
            if at is None:
                taken = {k for e in out for k in range(e.start, e.end)}
                stop = end
                while stop < len(doc) and stop - end < 4 and doc[stop].text[:1].isupper() \
                        and doc[stop].text not in self.stop and stop not in taken:
                    stop += 1
                # not a word before a name the model found ("Majalah | Fortune"), nor a letter ("E !")
                if stop > end and stop not in taken and len(doc[end:stop].text) > 1:
                    out.append(Span(doc, end, stop, label="ORG"))
            elif at.start == end and at.label_ in _PERSON | _PLACE and _longest_country(
                    self._words(doc), end) < at.end:
                out[out.index(at)] = Span(doc, at.start, at.end, label="ORG")
        return sorted(out, key=lambda e: e.start) if out != ents else ents

    @staticmethod
    def _scores(doc: Doc, ents: list[Span]) -> list[Span]:
        """"Bhayangkara FC 2 - 0 Persib Bandung", "Arema FC 4 - 3 - 3": the number before a dash and a number is
        a score or a formation, not part of the team's name the model read it into."""
        out = []
        for e in ents:
            if e.label_ == "ORG" and len(e) > 1 and doc[e.end - 1].text.isdigit() and e.end + 1 < len(doc) \
                    and doc[e.end].text in ("-", "–") and doc[e.end + 1].text.isdigit():
                e = Span(doc, e.start, e.end - 1, label=e.label_)
            out.append(e)
        return out

    def _no_works(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A title after a word for a work ("film Black Panther", "lagu One Dance", 'film " Susah Sinyal "') is no
        entity: the news NER set and NERGrit leave works out, and the model read their titles as organisations
        or places. Only an organisation or place of two words or more, or a whole title in quotes (a person's name
        after such a word is mostly the artist's: "album Taylor Swift", "film Adam Sandler"); not a name known as
        an organisation, a person or a place (`ner_names.tsv`, the actor files, countries), which is the maker
        or the country ("film Disney", "film Indonesia"); only in cased text (NERP, lower-cased, writes titles
        as organisations)."""
        out, cased = [], None
        for e in ents:
            p = e.start - 1
            if p < 0 or doc[p].lower_ not in self.work_nouns and (p < 1 or doc[p - 1].lower_ not in self.work_nouns):
                out.append(e)  # the common case: no word for a work right before the name or its quote
                continue
            if cased is None:
                cased = any(c.isupper() for w in self._words(doc) for c in w)  # NERP, lower-cased, writes titles as organisations
            if not cased:
                out.append(e)
                continue
            # the whole title in quotes ('film " Susah Sinyal "'; not a name inside one: 'lagu " Suzan Punya ... "')
            quoted = p >= 0 and doc[p].text in _QUOTES and e.end < len(doc) and doc[e.end].text in _QUOTES | {"”", "’"}
            p -= quoted
            if p >= 0 and doc[p].lower_ in self.work_nouns and (e.label_ in _PLACE | {"ORG"} and len(e) > 1 or quoted
                                                                and e.label_ in _PERSON | _PLACE | {"ORG"}) \
                    and not self._known_anything(e):
                continue
            out.append(e)
        return out

    def _known_anything(self, e: Span) -> bool:
        from peristiwa.nlp.name_lists import load_matcher, name_words

        # load_matcher(None): the NER's known-name features read the same cached matcher
        return e.text in self._known_set or _longest_country([t.text for t in e], 0) == len(e) \
            or name_words(e.text) in load_matcher(None).table

    def _no_products(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Products and works are no entity (the news NER set leaves them out; the model read them as
        organisations): a name that opens with one of `products` ("iPhone X", "Galaxy Note 8", "Star Wars",
        "Toyota Innova"), or one of `product_makers` with a model code after it ("Nokia 8 Sirocco",
        "Xiaomi Mi 6")."""
        words = self._words(doc)
        out = []
        for e in ents:
            if e.label_ in _PERSON or e.label_ == "ORG":
                if self.products.longest(words, e.start, e.end - e.start) > e.start:
                    continue
                if e.end - e.start > 1 and self.product_makers.longest(words, e.start, 1) == e.start + 1 and any(
                        _MODEL.match(w) and "-" not in words[k - 1:k + 2] for k, w in enumerate(words[e.start + 1:e.end], e.start + 1)):
                    continue  # "U - 17" is a team's age group, "2 - 1" a score
            out.append(e)
        return out

    def _cased_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """In a sentence written with capitals, a person, organisation or place with none ("oli", "sirene",
        "smart city", "warung nasi") is a common word the model, trained on lower-cased copies of its corpora as
        well, took for a name; news writes names capitalised. Kept: web addresses ("kumparan.com") and the names
        the actor files write in lower case ("kumparan"). A sentence with no capital at all (NERP,
        lower-cased) keeps everything. Places were kept at first, as NERGrit's training sentences write some in
        lower case ("desa karangasem"); on its valid split, on the news sentences and tune split the
        lower-case places the model found were more often wrong than right."""
        if not any(c.isupper() for w in self._words(doc) for c in w):
            return ents
        return [e for e in ents if e.label_ not in {"PER", "ORG", "LOC"} or "." in e.text
                or any(c.isupper() or c.isdigit() for c in e.text) or e.text in self.lower_case]

    def _state_suffix(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"Kementerian Ketenagakerjaan RI" is one organisation, so is a ministry or police named with its
        country ("Kementerian Keuangan India", "Kepolisian Inggris"); and "RI" after a state title ("Presiden RI",
        "Menteri Luar Negeri RI", "Duta Besar RI") is the state as an organisation, as NERGrit writes both."""
        words = self._words(doc)
        out: list[Span] = []
        for x in ents:
            end = self.state_suffix.longest(words, x.end, 3)
            if end == x.end and self.foreign_heads.longest(words, x.start, 3) > x.start:
                end = _longest_country(words, x.end)  # "Kementerian Keuangan India"
            if x.label_ == "ORG" and end > x.end and all(e.start >= end or e.end <= x.end or e.label_ in _PLACE for e in ents):
                out.append(Span(doc, x.start, end, label="ORG"))
            else:
                out.append(x)
        # a place the model made of the suffix alone ("Wakil Presiden RI": LOC) does not hold it
        taken = {i for e in out for i in range(e.start, e.end)
                 if not (e.label_ in _PLACE and self.state_suffix.longest(words, e.start, 3) == e.end)}
        titled = self._titled_states(words, taken)
        out = [e for e in out if e.start not in titled]
        return _without_covered(out + [Span(doc, i, i + 1, label="ORG") for i in titled])

    def _titled_states(self, words: list[str], taken: set[int]) -> list[int]:
        """Indices of a state suffix ("RI") that ends a run of capitalised words opened by a state title."""
        found = []
        for i in range(len(words)):
            if i in taken or self.state_suffix.longest(words, i, 1) != i + 1:
                continue
            j = i
            while j > 0 and i - j < 5 and words[j - 1][:1].isupper() and j - 1 not in taken:
                j -= 1
            if any(self.state_titles.longest(words, k, 3) > k for k in range(j, i)):
                found.append(i)
        return found

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    # The rules live in the package's data files, not in the saved pipeline.
    def to_disk(self, path: Path, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: Path, exclude: Iterable[str] = ()) -> OrgRuler:
        return self


@Language.factory("org_ruler")
def make_org_ruler(nlp: Language, name: str) -> OrgRuler:
    return OrgRuler(nlp, name)
