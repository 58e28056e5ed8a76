"""GDELT 2.0 events layout: 61 tab-separated columns, no header (as GDELT's own export files).

What we emit (also in docs/corpus.md):
  - GLOBALEVENTID: our events.id (a 60-bit integer, stable for the same stored mentions);
  - Actor*Code: CAMEO actor code = country (ISO-3, which CAMEO uses for states) + sector
    (PLOVER/CAMEO role code, e.g. IDNGOV); Actor*CountryCode the ISO-3 code; IGO/NGO/UNO/EUR... go to
    KnownGroupCode; Type1Code is the sector. Religion/ethnic/Type2-3 codes are left empty;
  - EventCode / EventBaseCode / EventRootCode: the CAMEO code and its 3- and 2-digit prefixes;
  - IsRootEvent: 1 when the representative sentence is among the article's first three;
  - AvgTone: empty (we do not score tone);
  - ActionGeo_*: the event's place; *Geo_CountryCode is the FIPS 10-4 code as GDELT uses it,
    ADM1Code the FIPS code alone (we do not resolve provinces to FIPS ADM1), FeatureID the GeoNames id,
    Geo_Type 4 (world city) for a place with coordinates, 1 (country) for a country-level place;
    Actor1Geo_/Actor2Geo_ are left empty (we locate events, not actors);
  - DATEADDED: first_seen as YYYYMMDDHHMMSS (00:00:00); SOURCEURL: the representative article's URL,
    else its source path.
"""

from __future__ import annotations

import datetime as dt
from typing import IO, Any

from sqlalchemy import Connection

from peristiwa.export.common import country_codes, country_names, events_with_actors
from peristiwa.store.queries import EventFilter

_ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in _ACTOR_FIELDS] + [f"Actor2{f}" for f in _ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{f}" for f in _GEO_FIELDS] + [f"Actor2Geo_{f}" for f in _GEO_FIELDS]
    + [f"ActionGeo_{f}" for f in _GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(COLUMNS) == 61

# codes CAMEO treats as groups rather than states
_GROUPS = {"IGO", "NGO", "UNO", "EUR", "MNC", "ISM", "AFR", "ASA", "WST", "MEA", "NAF", "SAS", "SEA"}


def _actor(name: str | None, country: str | None, sector: str | None) -> list[str]:
    if not name:
        return [""] * 10
    country, sector = (country or "").upper(), (sector or "").upper()
    group = country if country in _GROUPS else ""
    state = country if len(country) == 3 and not group else ""
    code = (state or group) + (sector if len(sector) == 3 else "")
    return [code, name.upper(), state, group, "", "", "", sector, "", ""]


def _geo(row: dict[str, Any]) -> list[str]:
    country = row.get("country") or ""
    name = row.get("location_name")
    if not name:
        return ["0"] + [""] * 7
    fips = country_codes().get(country, {}).get("fips", "")
    is_country = name.strip().lower() == country_names().get(country, "").lower()
    full = name if is_country or not country else f"{name}, {country_names().get(country, country)}"
    return ["1" if is_country else ("4" if row.get("lat") is not None else "1"), full, fips, fips, "",
            _num(row.get("lat")), _num(row.get("lon")), str(row.get("geonameid") or "")]


def _num(v: float | None) -> str:
    return "" if v is None else f"{v:.4f}"


def row_of(e: dict[str, Any]) -> list[str]:
    date: dt.date | None = e["date"]
    cameo = e.get("cameo") or ""
    first = e.get("first_seen") or date
    day_of_year = date.timetuple().tm_yday if date else 0
    return ([str(e["id"]),
             date.strftime("%Y%m%d") if date else "", date.strftime("%Y%m") if date else "",
             str(date.year) if date else "", f"{date.year + day_of_year / 365:.4f}" if date else ""]
            + _actor(e.get("actor1_name"), e.get("actor1_country"), e.get("actor1_sector"))
            + _actor(e.get("actor2_name"), e.get("actor2_country"), e.get("actor2_sector"))
            + ["1" if (e.get("rep_sentence") or 0) < 3 else "0", cameo, cameo[:3], cameo[:2],
               str(e.get("quad") or ""), "" if e.get("goldstein") is None else f"{e['goldstein']:.1f}",
               str(e["num_mentions"]), str(e["num_sources"]), str(e["num_articles"]), ""]
            + ["0"] + [""] * 7 + ["0"] + [""] * 7 + _geo(e)
            + [first.strftime("%Y%m%d000000") if first else "", e.get("rep_url") or e.get("rep_source") or ""])


_BLANKS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def _clean(v: str) -> str:
    return v.translate(_BLANKS)


def write(conn: Connection, out: IO[str], f: EventFilter | None = None, *, header: bool = False) -> int:
    if header:
        out.write("\t".join(COLUMNS) + "\n")
    n = 0
    for e in events_with_actors(conn, f):
        out.write("\t".join(_clean(v) for v in row_of(e)) + "\n")
        n += 1
    return n
