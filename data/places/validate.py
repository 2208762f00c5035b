"""Check the frozen team places set and print its coverage (standard library only).

Usage: python data/places/validate.py [path/to/places-frozen-v1.jsonl]

Exits 1 and lists every problem when a line breaks the data card's rules, so a
broken edit is caught before anyone scores against the file.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

Row = dict[str, Any]

DEFAULT = Path(__file__).parent / "frozen" / "places-frozen-v1.jsonl"
FEATURES = {"admin2", "city", "admin1", "country", "water", "landform", "region", "facility", "other"}
ENTITY_TYPES = {"PERSON", "ORG", "GROUP"}
ID_RE = re.compile(r"^geo-\d{4}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CC_RE = re.compile(r"^[A-Z]{2}$")
PARAGRAPH_KEYS = {"id", "country", "published_at", "text", "places", "entities", "traps"}
PLACE_KEYS = {"start", "end", "text", "name", "geonames_id", "lat", "lon", "feature", "country_code"}
ENTITY_KEYS = {"start", "end", "text", "type"}


def _span_problems(where: str, text: str, span: Row) -> list[str]:
    start, end = span.get("start"), span.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return [f"{where}: bad offsets {start}..{end}"]
    if text[start:end] != span.get("text"):
        return [f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {span.get('text')!r}"]
    return []


def _place_problems(where: str, place: Row) -> list[str]:
    problems = []
    if set(place) != PLACE_KEYS:
        problems.append(f"{where}: keys {sorted(set(place) ^ PLACE_KEYS)} missing or extra")
    if place.get("feature") not in FEATURES:
        problems.append(f"{where}: feature {place.get('feature')!r} not in {sorted(FEATURES)}")
    gid = place.get("geonames_id")
    if gid is not None and not (isinstance(gid, int) and gid > 0):
        problems.append(f"{where}: geonames_id must be a positive int or null")
    lat, lon = place.get("lat"), place.get("lon")
    if not (isinstance(lat, (int, float)) and -90 <= lat <= 90 and isinstance(lon, (int, float)) and -180 <= lon <= 180):
        problems.append(f"{where}: lat/lon {lat},{lon} out of range (every place needs coordinates)")
    cc = place.get("country_code")
    if cc is not None and not CC_RE.match(cc):
        problems.append(f"{where}: country_code {cc!r} is not ISO 3166-1 alpha-2 or null")
    if not place.get("name"):
        problems.append(f"{where}: empty name")
    return problems


def _overlaps(spans: list[Row]) -> list[tuple[Row, Row]]:
    ordered = sorted(spans, key=lambda s: (s["start"], s["end"]))
    return [(a, b) for a, b in pairwise(ordered) if b["start"] < a["end"]]


def check(lines: list[str]) -> tuple[list[str], list[Row]]:
    problems: list[str] = []
    rows: list[Row] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {n}: not JSON ({exc})")
            continue
        where = f"line {n} ({row.get('id')})"
        if set(row) != PARAGRAPH_KEYS:
            problems.append(f"{where}: keys {sorted(set(row) ^ PARAGRAPH_KEYS)} missing or extra")
            continue
        if not ID_RE.match(row["id"]) or row["id"] in seen:
            problems.append(f"{where}: id missing, malformed or duplicated")
        seen.add(row["id"])
        if not CC_RE.match(row["country"]) or not DATE_RE.match(row["published_at"]):
            problems.append(f"{where}: country or published_at malformed")
        text = row["text"]
        for i, place in enumerate(row["places"]):
            problems += _span_problems(f"{where} place {i}", text, place)
            problems += _place_problems(f"{where} place {i}", place)
        for i, ent in enumerate(row["entities"]):
            problems += _span_problems(f"{where} entity {i}", text, ent)
            if set(ent) != ENTITY_KEYS or ent.get("type") not in ENTITY_TYPES:
                problems.append(f"{where} entity {i}: keys or type {ent.get('type')!r} invalid")
        for a, b in _overlaps(row["places"] + row["entities"]):
            problems.append(f"{where}: spans overlap: {a['text']!r} and {b['text']!r}")
        if not all(isinstance(t, str) and t for t in row["traps"]):
            problems.append(f"{where}: traps must be non-empty strings")
        rows.append(row)
    return problems, rows


def stats(rows: list[Row]) -> str:
    places = [p for r in rows for p in r["places"]]
    ents = [e for r in rows for e in r["entities"]]
    countries = Counter(r["country"] for r in rows)
    place_countries = {p["country_code"] for p in places if p["country_code"]}
    feats = Counter(p["feature"] for p in places)
    etypes = Counter(e["type"] for e in ents)
    traps = Counter(t for r in rows for t in r["traps"])
    with_id = sum(p["geonames_id"] is not None for p in places)
    distinct = {(p["name"], p["feature"], p["country_code"], round(p["lat"], 2), round(p["lon"], 2)) for p in places}
    out = [
        f"paragraphs: {len(rows)}",
        f"paragraph countries: {len(countries)} ({', '.join(sorted(countries))})",
        f"countries among toponyms: {len(place_countries)}",
        f"toponyms: {len(places)} mentions, {len(distinct)} distinct places, {with_id} mentions with a GeoNames id",
        "toponyms per feature: " + ", ".join(f"{k} {v}" for k, v in feats.most_common()),
        f"entities: {len(ents)} mentions: " + ", ".join(f"{k} {v}" for k, v in etypes.most_common()),
        f"traps ({len(traps)} kinds): " + ", ".join(f"{k} {v}" for k, v in traps.most_common()),
    ]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    problems, rows = check(lines)
    for p in problems:
        print("PROBLEM", p)
    print(stats(rows))
    if problems:
        print(f"{len(problems)} problems in {path}: fix the file before its commit (it is frozen afterwards)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
