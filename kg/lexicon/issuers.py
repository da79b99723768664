"""Issuer codes (机关代字) of document numbers: who issued it, at which level.

A code is either listed whole (国办发, 民发, 财社 …, ``issuer_codes.tsv``) or
composed: an area abbreviation (鲁, 渝, 威 …; a county adds the first character
of its name: 威环 = 威海市环翠区), an organ code (政, 政办, 民, 卫健 …, from
``organs.tsv``) and a kind suffix (发, 函, 规字 …, ``issuer_suffixes.tsv``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from kg.lexicon.agencies import agency, organs
from kg.lexicon.areas import NATION, gazetteer
from kg.models import AgencyRef, AreaRef
from kg.datafiles import read_lines, read_tsv

MAX_CODE = 10
SHORT_CODE = 5                      # a run this short, set apart, is one code
CODE_OPENERS = "（(【[〔、，,;；:：《》 \t\n"


@dataclass(frozen=True)
class IssuerCode:
    code: str
    agency: AgencyRef
    kind: str             # document | normative | letter | reply | …


@lru_cache(maxsize=1)
def _tables():
    listed = {row["code"]: (row["organ"], row["area"]) for row in read_tsv("issuer_codes.tsv")}
    provinces: dict[str, list[str]] = {}
    for row in read_tsv("province_abbreviations.tsv"):
        provinces.setdefault(row["abbreviation"], []).append(row["code"])
    cities: dict[str, list[str]] = {}
    for row in read_tsv("city_abbreviations.tsv"):
        cities.setdefault(row["abbreviation"], []).append(row["code"])
    organ_codes: dict[str, str] = {}
    for organ in organs().values():
        for code in organ.doc_codes:
            organ_codes.setdefault(code, organ.key)
    suffixes = {row["suffix"]: row["document_kind"] for row in read_tsv("issuer_suffixes.tsv")}
    return listed, provinces, cities, organ_codes, suffixes


@lru_cache(maxsize=1)
def _division_codes() -> dict[str, tuple[str, ...]]:
    """The codes of an organ's divisions (处室代字) that may stand between its
    code and the suffix (闽民养老, 莆财社, 豫卫老龄函): the organ issues them."""
    out: dict[str, list[str]] = {}
    for row in read_tsv("division_codes.tsv"):
        out.setdefault(row["organ"], []).append(row["code"])
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _boundary_words() -> tuple[str, ...]:
    return read_lines("code_boundary_words.txt")


def _county_by_initial(city_code: str, initial: str) -> Optional[AreaRef]:
    gaz = gazetteer()
    found = [a for a in gaz.by_code.values() if a.parent == city_code and a.name.startswith(initial)]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=1)
def _cities_by_initial() -> dict[str, tuple[str, ...]]:
    """Prefecture-level divisions by the first character of their name."""
    out: dict[str, list[str]] = {}
    for ref in gazetteer().by_code.values():
        if ref.level == "city":
            out.setdefault(ref.name[0], []).append(ref.code)
    return {k: tuple(v) for k, v in out.items()}


def _city_codes(head: str, context: Optional[AreaRef]) -> tuple[str, ...]:
    """The cities an abbreviation names: those listed (city_abbreviations.tsv),
    else the one city of the context's province whose name starts with it
    (most cities write the first character of their name: 潍政发, 聊政发)."""
    _, provinces, cities, _, _ = _tables()
    if head in cities or len(head) != 1:
        return tuple(cities.get(head, ()))
    if context is None:
        return ()
    gaz = gazetteer()
    province = next((a for a in gaz.chain(context.code) if a.level == "province"), None)
    inside = [c for c in _cities_by_initial().get(head, ()) if province and gaz.is_within(c, province.code)]
    return tuple(inside) if len(inside) == 1 else ()


def _area_readings(code: str, context: Optional[AreaRef] = None) -> list[tuple[int, AreaRef, bool]]:
    """(length consumed, area, is_city_reading) for each way the code can start."""
    gaz = gazetteer()
    _, provinces, _, _, _ = _tables()
    out = []
    for length in range(1, 4):
        head = code[:length]
        for area_code in provinces.get(head, ()):
            province = gaz.get(area_code)
            out.append((length, province, False))
            if gaz.is_municipality(province) and len(code) > length:
                # 津滨政发: a municipality's district by its first character
                districts = gazetteer().counties_starting(code[length], area_code)
                if len(districts) == 1:
                    out.append((length + 1, districts[0], True))
        if context is not None and context.level in ("county", "township"):
            # 静府办发, 二七政办: a district's own code, within the document's city
            city = next((a for a in gaz.chain(context.code) if a.level in ("city", "province")), None)
            counties = gazetteer().counties_starting(head, city.code) if city else []
            county = next((a for a in gaz.chain(context.code) if a.level == "county"), None)
            if len(counties) > 1 and county in counties:
                counties = [county]     # 东民发 on a page of 东丰县, which shares 东 with 东辽县
            if len(counties) == 1:
                out.append((length, counties[0], True))
        for area_code in _city_codes(head, context):
            city = gaz.get(area_code)
            out.append((length, city, True))
            if code[length:length + 1] in ("市", "州"):
                out.append((length + 1, city, True))    # 赣市府发, 延州政发
            if len(code) > length:
                county = _county_by_initial(area_code, code[length])
                if county is not None:
                    out.append((length + 1, county, True))
    return out


def _parses(code: str, context: Optional[AreaRef] = None) -> list[tuple[AreaRef, str, str, int, bool]]:
    """Every (area, organ key, kind, organ-code length, city reading) of a composed code."""
    _, _, _, organ_codes, suffixes = _tables()
    readings = []
    for consumed, area, is_city in _area_readings(code, context):
        rest = code[consumed:]
        for organ_code, organ_key in organ_codes.items():
            if not rest.startswith(organ_code):
                continue
            after = rest[len(organ_code):]
            tails = [after] + [after[len(d):] for d in _division_codes().get(organ_key, ()) if after.startswith(d)]
            kind = next((suffixes[t] for t in tails if t in suffixes), None)
            if kind is not None:
                readings.append((area, organ_key, kind, len(organ_code), is_city))
    return readings


def resolve_code(code: str, context: Optional[AreaRef] = None) -> Optional[IssuerCode]:
    """The issuer of a code, or None when the code is not understood.

    Where readings disagree (青 is 青海省 and 青岛市), the one inside the
    context area's province wins; then the province reading.
    """
    gaz = gazetteer()
    listed, *_ = _tables()
    if code in listed:
        organ_key, area_code = listed[code]
        return IssuerCode(code, agency(organ_key, gaz.get(area_code)), "document")
    readings = _parses(code, context)
    if not readings:
        return None
    if context is not None and len(readings) > 1:
        # the reading that agrees with the page's own area wins (常政办发 on a
        # page of 常山县 is 常山县's, not 常州市's)
        agreeing = [r for r in readings if r[0].code == context.code or gaz.is_within(context.code, r[0].code)
                    or gaz.is_within(r[0].code, context.code)]
        readings = agreeing or readings
        province = next((a for a in gaz.chain(context.code) if a.level == "province"), None)
        if province is not None:
            inside = [r for r in readings if gaz.is_within(r[0].code, province.code)]
            readings = inside or readings
    # The longest organ code reads best (政办+发, not 政+办发); then the page's
    # own area (苏政发 on a page of 江苏省 is the province's, not 苏州市's); with
    # no context a province abbreviation beats a city one (青 = 青海省); then
    # the most specific area (威环 is a county of 威海); then a stable order.
    readings.sort(key=lambda r: (-r[3], context is not None and r[0].code != context.code,
                                 r[4] if context is None else False, -len(gaz.chain(r[0].code)), r[1]))
    area, organ_key, kind, *_ = readings[0]
    return IssuerCode(code, agency(organ_key, area), kind)


def ends_in_kind_suffix(code: str) -> bool:
    """Whether a code ends in a document kind's suffix (发, 函, 规字, 秘 …):
    the shape of an issuer code, where the code itself is not understood."""
    suffixes = _tables()[4]
    return any(s and code.endswith(s) for s in suffixes)


def code_area(code: str) -> Optional[AreaRef]:
    """The area an issuer code's leading abbreviation names, whatever organ
    follows (京民老龄发 -> 北京市 even where 民老龄 is in no table): a
    province reading before a city one (青 is 青海省), then the longest."""
    readings = _area_readings(code, None)
    if not readings:
        return None
    length, area, is_city = min(readings, key=lambda r: (r[2], -r[0]))
    return area


def boundary_cut(run: str) -> int:
    """Where a name can start in a run of characters: after the last word
    that cannot be part of one (根据, 和, 及 … ``code_boundary_words.txt``)."""
    cut = 0
    for word in _boundary_words():
        pos = run.rfind(word)
        if pos >= 0:
            cut = max(cut, pos + len(word))
    return cut


def find_code_start(view: str, end: int) -> Optional[tuple[int, bool]]:
    """Where the issuer code that ends at ``end`` starts, and whether it is known.

    The longest run of CJK characters before the bracket that reads as a
    code wins; failing that, the code starts after the last boundary word.
    """
    start = end
    while start > 0 and end - start < MAX_CODE + 6 and "\u4e00" <= view[start - 1] <= "\u9fff":
        start -= 1
    if start == end:
        return None
    run = view[start:end]
    if len(run) <= SHORT_CODE and (start == 0 or view[start - 1] in CODE_OPENERS) and boundary_cut(run) == 0 \
            and resolve_code(run) is None and any(resolve_code(run[i:]) for i in range(1, len(run))):
        # (莲民发〔2023〕145号): a short run set apart by a bracket is the whole
        # code, its first characters an area abbreviation no table holds
        # (莲 for 莲都区), not the national code its tail reads as (民发)
        return start, False
    for offset in range(len(run)):
        candidate = run[offset:]
        known = resolve_code(candidate) if len(candidate) <= MAX_CODE else None
        if known is None:
            continue
        head = run[boundary_cut(run):offset]
        if known.agency.area.code == NATION and len(head) == 1 and head in _cities_by_initial():
            # 现将宝民发(2022)4号文件: a city's initial that no table holds (宝 for
            # 宝鸡市) before a code that reads as a national one (民发) is the city's code
            return start + offset - 1, False
        return start + offset, True
    cut = boundary_cut(run)
    if len(run) - cut < MIN_UNKNOWN_CODE:
        # a boundary word inside the code itself (农经发: 经 as in 经研究) leaves too little of it
        cut = boundary_cut(run[:len(run) - MIN_UNKNOWN_CODE])
    candidate = run[cut:]
    if MIN_UNKNOWN_CODE <= len(candidate) <= MAX_CODE:
        return end - len(candidate), False
    return None


MIN_UNKNOWN_CODE = 2       # an issuer code no table holds has an issuer's character and a kind's
