"""Agencies: organ names by level, and agency names bound to their area.

An agency is an organ (民政, 人民政府办公室 …, from ``organs.tsv``) of an area.
Its full name depends on the area's level: 吉林省民政厅, 重庆市民政局,
威海市环翠区人民政府办公室; national organs have names of their own (民政部).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

from kg.lexicon.areas import LEVEL_PREFIXES, Gazetteer, gazetteer
from kg.models import AgencyRef, AreaRef
from kg.datafiles import phrase_pattern, read_lines, read_tsv, split_list

LEVEL_COLUMNS = {"province": "province_name", "city": "city_name",
                 "county": "county_name", "township": "county_name"}


@dataclass(frozen=True)
class Organ:
    key: str
    doc_codes: tuple[str, ...]
    national_name: str
    national_short_names: tuple[str, ...]
    names: dict            # level column -> name form
    short_names: tuple[str, ...]
    kind: str

    def name_forms(self) -> set[str]:
        """Every way a local organ is written after an area or level prefix."""
        forms = {n.replace("{area}", "") for n in self.names.values() if n}
        forms.update(self.short_names)
        return forms


@lru_cache(maxsize=1)
def organs() -> dict[str, Organ]:
    out = {}
    for row in read_tsv("organs.tsv"):
        names = {col: row[col] for col in ("province_name", "municipality_name", "sub_provincial_name", "city_name",
                                           "county_name")}
        out[row["key"]] = Organ(row["key"], split_list(row["doc_codes"]), row["national_name"],
                                split_list(row["national_short_names"]), names,
                                split_list(row["short_names"]), row["kind"])
    return out


def organ_name(organ: Organ, area: AreaRef, gaz: Gazetteer) -> str:
    """The organ's name in this area: one name per organ and area, whatever
    form a text writes (an agency is one node with one label)."""
    if area.level == "national":
        return organ.national_name
    name = _default_name(organ, area, gaz)
    if not name:        # a national-only organ (中央军委): no form reads it below the nation
        raise ValueError(f"{organ.key} has no organ in {area.name}")
    return name


def _default_name(organ: Organ, area: AreaRef, gaz: Gazetteer) -> str:
    by_type = _area_type_names().get((gaz.types.get(area.code, ""), organ.key))
    if by_type:
        return by_type      # a 地区's or 盟's government is its 行政公署
    if gaz.is_municipality(area):
        return organ.names["municipality_name"]
    if area.code in gaz.sub_provincial or (area.level == "province" and gaz.is_zone(area)):
        # a sub-provincial city has a 办公厅 like a municipality, but bureaus
        # (局), not a municipality's commissions (住房和城乡建设委员会); so has
        # the province-level 新疆生产建设兵团 (兵团民政局)
        return organ.names["sub_provincial_name"]
    return organ.names[LEVEL_COLUMNS[area.level]]


@lru_cache(maxsize=1)
def _area_type_names() -> dict[tuple[str, str], str]:
    """(area type, organ) -> the organ's name in areas of that type (area_type_organ_names.tsv)."""
    return {(r["area_type"], r["organ"]): r["name"] for r in read_tsv("area_type_organ_names.tsv")}


@dataclass(frozen=True)
class Succession:
    successor: str      # the organ key that replaced it
    date: date
    source: str


@lru_cache(maxsize=1)
def successions() -> dict[str, Succession]:
    """Organ key -> the organ a reform replaced it with (``organ_successions.tsv``)."""
    return {r["predecessor"]: Succession(r["successor"], date.fromisoformat(r["date"]), r["source"])
            for r in read_tsv("organ_successions.tsv")}


def agency(organ_key: str, area: AreaRef, gaz: Optional[Gazetteer] = None) -> AgencyRef:
    """The agency that is this organ of this area, with its full name."""
    gaz = gaz or gazetteer()
    organ = organs()[organ_key]
    form = organ_name(organ, area, gaz)
    if area.level == "national":
        full = form
    elif "{area}" in form:
        full = form.replace("{area}", gaz.qualified_name(area))
    elif AREA_SHORT in form:        # 国家金融监督管理总局常州监管分局: the area's short name
        full = form.replace(AREA_SHORT, gaz.names_of(area)[-1])
    else:
        full = gaz.qualified_name(area) + form
    parent = (None if organ.kind in ("government", "party", "legislature", "cppcc", "democratic-party",
                                     "mass-organisation", "judicial") or area.level == "national"
              else agency("government", area, gaz))
    return AgencyRef(key=organ_key, name=full, area=area, parent=parent)


@lru_cache(maxsize=1)
def _forms_longest_first() -> tuple[tuple[str, str], ...]:
    pairs = {(form, organ.key) for organ in organs().values() for form in organ.name_forms()}
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0], p[1])))



def tail_of_an_organ_name(text: str) -> bool:
    """社会保障局 of 人力资源社会保障局: the end of an organ's name that a
    narrow table cell wrapped onto a line of its own, no name itself."""
    return any(len(form) > len(text) and form.endswith(text) for form, _ in _forms_longest_first())


def known_organ_after_words(text: str) -> bool:
    """指导财政局: a known organ's form after words that do not open with a
    level (县行政审批局 does: a name); the organ is known, the words are no
    part of its name."""
    return any(MIN_FORM <= len(form) < len(text) and text.endswith(form)
               and not text.startswith(tuple(LEVEL_PREFIXES)) for form, _ in _forms_longest_first())


MIN_FORM = 2        # 委 alone is a form of a name's end, no organ


@lru_cache(maxsize=1)
def _national_names() -> dict[str, str]:
    out = {}
    for organ in organs().values():
        for name in (organ.national_name, *organ.national_short_names):
            if name:
                out[name] = organ.key
    return out


@lru_cache(maxsize=1)
def _central_signing_names() -> dict[str, str]:
    """The central organs' standard short names (发展改革委, 医保局), which
    name a central organ only on a national page (central_signing_names.tsv)."""
    return {r["name"]: r["organ"] for r in read_tsv("central_signing_names.tsv")}


def parse_agency(name: str, context: Optional[AreaRef] = None) -> Optional[AgencyRef]:
    """Resolve a written agency name to an agency, or None.

    Accepts full names (威海市环翠区人民政府办公室, 吉林省民政厅), national ones
    (民政部, 国务院办公厅) and level-prefixed short ones resolved in the context
    area (市民政局 in a Weihai text, 区政府 in a 环翠区 one).
    """
    found = split_agency(name, context)
    return found[0] if found else None


@lru_cache(maxsize=16384)
def split_agency(name: str, context: Optional[AreaRef] = None) -> Optional[tuple[AgencyRef, str]]:
    """The agency a name denotes and the area/level prefix it was written
    with (区 in 区民政局), so that a list can pass the prefix on. Kept per
    name and area: a page asks of the same names many times (its lists,
    signature, title and headings)."""
    gaz = gazetteer()
    # a legislature's or a CPPCC committee's term is no part of the organ (甘肃省第十四届人民代表大会
    # 常务委员会; 中国人民政治协商会议甘肃省第十三届委员会提案委员会): one organ over its terms
    name = phrase_pattern("organ_term").sub("", name.strip())
    # a central organ as its full name writes it: 中华人民共和国民政部, (中华人民共和国)国务院令
    national = _national_names().get(name.removeprefix(gaz.nation.name) or name)
    if national is None and context is not None and context.level == "national":
        national = _central_signing_names().get(name)
    if national:
        return agency(national, gaz.nation, gaz), ""
    # 中共威海市委员会: the party's short name before a full name with the area inside
    full_name = _full_opening(name)
    templates = _area_templates() if full_name.startswith(_template_openings()) else ()
    for pattern, key in templates:
        m = pattern.fullmatch(full_name)
        chain = gaz.split_area_prefix(m.group("area"), context) if m else None
        if m and chain and chain[-1][0] == len(m.group("area")):
            return agency(key, chain[-1][1], gaz), ""
    for form, key in _forms_ending(name):
        prefix = name[: len(name) - len(form)]
        area = _area_of_prefix(prefix, context, gaz)
        # a national-only organ's short form has no agency below the nation (国家移民管理局)
        if area is not None and (area.level == "national" or _default_name(organs()[key], area, gaz)):
            return agency(key, area, gaz), prefix
    department = phrase_pattern("ministry_department").search(name)
    ministry = split_agency(name[:department.start()], context) if department else None
    if department is not None and ministry is not None and ministry[0].area.code == gaz.nation.code:
        # a central organ's department (国家卫生健康委老龄健康司): a part of it, named as written
        parent = ministry[0]
        return AgencyRef(key=f"{parent.key}{DEPARTMENT_SEPARATOR}{department.group('department')}",
                         name=parent.name + department.group("department"), area=parent.area, parent=parent), ""
    office = phrase_pattern("organ_office").search(name)
    organ = split_agency(name[:office.start()], context) if office else None
    if office is not None and organ is not None:
        # the organs whose offices are organs of their own (人民政府办公室, 老龄委办公室)
        # were matched above; this is a department's office, part of the department
        parent, prefix = organ
        return AgencyRef(key=f"{parent.key}{OFFICE_SUFFIX}", name=parent.name + office.group("office"),
                         area=parent.area, parent=parent), prefix
    return None


def _forms_ending(name: str):
    """The organ forms a name ends with, longest first (a look-up per length
    of the name's tail, not a scan of every form)."""
    by_form = _forms_by_text()
    for length in _form_lengths().get(name[-1:], ()):
        if length <= len(name):
            yield from ((name[-length:], key) for key in by_form.get(name[-length:], ()))


@lru_cache(maxsize=1)
def _forms_by_text() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for form, key in _forms_longest_first():
        out.setdefault(form, []).append(key)
    return {form: tuple(keys) for form, keys in out.items()}


@lru_cache(maxsize=1)
def _form_lengths() -> dict[str, tuple[int, ...]]:
    """The lengths of the forms ending in each character, longest first."""
    out: dict[str, set[int]] = {}
    for form in _forms_by_text():
        out.setdefault(form[-1], set()).add(len(form))
    return {char: tuple(sorted(lengths, reverse=True)) for char, lengths in out.items()}


@lru_cache(maxsize=1)
def _area_templates() -> tuple[tuple[re.Pattern, str], ...]:
    """Full names with the area inside them (中国共产党{area}委员会), longest first."""
    templates = {(name, organ.key) for organ in organs().values() for name in organ.names.values()
                 if name and AREA_SLOT.search(name)}
    area = "(?P<area>[\u4e00-\u9fff]{2,12}?)"
    return tuple((re.compile(AREA_SLOT.sub(lambda _: area, re.escape(name).replace("\\{", "{").replace("\\}", "}"))), key)
                 for name, key in sorted(templates, key=lambda p: (-len(p[0]), p)))


@lru_cache(maxsize=1)
def _template_openings() -> tuple[str, ...]:
    """What names with the area inside start with (中国共产党, 中国人民银行 …):
    only such names are tried against the templates."""
    return tuple(sorted({AREA_SLOT.split(name)[0] for organ in organs().values() for name in organ.names.values()
                         if name and AREA_SLOT.search(name) and AREA_SLOT.split(name)[0]}))


def abbreviates(short: str, full: str) -> bool:
    """Whether a short form takes its characters from a full name in their
    order (住建局 from 住房和城乡建设局, 卫健委 from 卫生健康委员会; not 水务局
    from 水利局, nor 教体局 from 教育局)."""
    rest = iter(full)
    return all(char in rest for char in short)


def organ_named_otherwise(written: str, key: str, table: str) -> Optional[tuple[str, str]]:
    """The name an area's organ goes by when a text writes it, after its level
    word, otherwise than the tables' name for that level abbreviates (县水务局
    where the table has 水利局, 市卫健委 where it has 卫生健康局, 县教体局 where it
    has 教育局): the organ's full name at another level that the written form
    is, or abbreviates (水务局 -> 水务局, basis written; 卫健委 -> 卫生健康委员会,
    basis table), else the written form itself (教体局, basis short-form);
    None where the table's name is what the text abbreviates, or the written
    form names no organ (民政部门)."""
    organ = organs().get(key)
    if organ is None or not written or abbreviates(written, table) or not written.endswith(_organ_ending_words()):
        return None
    full_names = sorted({n for n in organ.names.values() if n and not AREA_SLOT.search(n)}, key=len)
    if written in full_names:
        return written, "written"
    named = next((n for n in full_names if abbreviates(written, n)), None)
    return (named, "table") if named else (written, "short-form")


@lru_cache(maxsize=1)
def _organ_ending_words() -> tuple[str, ...]:
    """What an organ's name ends with (局, 委, 委员会, 办 …)."""
    return tuple(read_lines("agency_suffixes.txt"))


def organ_of_form(form: str) -> Optional[str]:
    """The organ a bare department name denotes (民政 -> civil-affairs)."""
    return next((key for f, key in _forms_longest_first() if f == form), None)


def organ_forms() -> tuple[tuple[str, str], ...]:
    """(written form, organ key) pairs, longest form first."""
    return _forms_longest_first()


def _area_of_prefix(prefix: str, context: Optional[AreaRef], gaz: Gazetteer) -> Optional[AreaRef]:
    if not prefix:
        return None
    # 中共 / 中国共产党 before a party committee's area.
    for party in (PARTY_FULL, PARTY_SHORT):
        if prefix.startswith(party):
            prefix = prefix[len(party):]
    chain = gaz.split_area_prefix(prefix, context)
    if chain and chain[-1][0] == len(prefix):
        return chain[-1][1]
    return gaz.resolve_level_prefix(prefix, context)


PARTY_FULL, PARTY_SHORT = "中国共产党", "中共"


@lru_cache(maxsize=1)
def _name_openings() -> tuple[tuple[str, str], ...]:
    return tuple((row["short"], row["full"]) for row in read_tsv("name_openings.tsv"))


def _full_opening(name: str) -> str:
    """A name whose full form holds the area (中国共产党{area}委员会) written
    with its common short opening (中共威海市委员会, 共青团石嘴山市委员会), in full."""
    for short, full in _name_openings():
        if name.startswith(short) and not name.startswith(full):
            return full + name[len(short):]
    return name


# A body named in full rather than by organ, bound to its area: 威海市里口山
# 管理服务中心, 西安市养老服务工作领导小组办公室 (endings: named_body_suffixes.txt).
WHOLE_AREA = re.compile(r"^全(?P<level>[省市区县])")
MAX_NAMED_BODY = 40
ZONE_ENDINGS = ("新区", "开发区")     # areas governed by a 管委会 (两江新区 has a GB/T 2260 code)


@lru_cache(maxsize=1)
def _named_suffixes() -> tuple[str, ...]:
    return tuple(sorted(read_lines("named_body_suffixes.txt") + _organisation_suffixes(), key=len, reverse=True))


@lru_cache(maxsize=1)
def _organisation_suffixes() -> tuple[str, ...]:
    return read_lines("organisation_suffixes.txt")


def parse_named_body(item: str, context: Optional[AreaRef]) -> Optional[AgencyRef]:
    """A named body of the area its name starts with, else of the context;
    a social organisation or school that names its place keeps its own name."""
    if not item.endswith(_named_suffixes()) or len(item) > MAX_NAMED_BODY:
        return None
    written = item
    suffix = next(sfx for sfx in _named_suffixes() if item.endswith(sfx))
    if len(item) - len(suffix) < 2:      # 街道办事处 alone: a kind of body, not one body
        return None
    gaz = gazetteer()
    area = context
    whole = WHOLE_AREA.match(item)
    if whole:
        area = gaz.resolve_level_prefix(whole.group("level"), context) or context
        item = item[whole.end():]
    chain = gaz.split_area_prefix(item, context)
    if chain:
        area = chain[-1][1]
        item = item[chain[-1][0]:]
    # a zone's own 管委会 is named by the zone alone (贵安新区管委会, 两江新区管委会)
    zone = area is not None and (gaz.is_zone(area) or area.name.endswith(ZONE_ENDINGS))
    if area is None or (len(item) < 4 and not (zone and item in _named_suffixes())):
        return None
    if chain and written.endswith(_organisation_suffixes()):
        return AgencyRef(key=f"named:{item}", name=written, area=area, parent=None)
    return AgencyRef(key=f"named:{item}", name=gaz.qualified_name(area) + item, area=area, parent=None)


def parse_township_organ(name: str, context: Optional[AreaRef]) -> Optional[AgencyRef]:
    """A township's government or party committee (中共渡市镇委员会, 南郊乡党委) in
    the county its name starts with, else in the context county, else where the
    national township table places its name within the area named or the
    context (马桥镇人民政府 in a 上海 page); the township becomes an area below
    its county."""
    gaz = gazetteer()
    name = name.removeprefix(PARTY_FULL).removeprefix(PARTY_SHORT)
    chain = gaz.split_area_prefix(name, context)
    # 重庆市铜梁区人民政府旧县街道办事处: a street's office written as its district government's agency
    rest = name[chain[-1][0]:].removeprefix(COUNTY_GOVERNMENT) if chain else name
    readings = ([(chain[-1][1], rest)] if chain else []) + [(context, name)]
    matches = [(area, m) for area, m in ((area, phrase_pattern("township_organ").fullmatch(rest))
                                         for area, rest in readings) if m is not None]
    # 五华区西翥街道办事处; 白塔镇… (白塔 is also a district)
    town = next((gaz.township(m.group("town"), area) for area, m in matches
                 if area is not None and area.level == "county"), None)
    if town is None:
        town = next((t for t in (gaz.place_township(m.group("town"), area) for area, m in matches) if t), None)
    if town is None:
        return None
    m = next(m for _, m in matches if m.group("town") == town.name)
    return township_organ(town, m.group("organ"))


COUNTY_GOVERNMENT = "人民政府"


def township_organ(town: AreaRef, organ: Optional[str] = None) -> AgencyRef:
    """A township's government (人民政府, 政府), a street's office (办事处) or
    its party committee (委员会, 党委), below its county's. A township named
    alone is its government, a street (街道) its office: a street has no
    人民政府."""
    if organ is None:
        organ = "办事处" if town.name.endswith("街道") else "人民政府"
    gaz = gazetteer()
    assert town.parent, "a township lies in its county"
    county = gaz.by_code[town.parent]
    if organ in ("委员会", "党委"):
        return AgencyRef(key="party-committee", name=PARTY_FULL + gaz.qualified_name(town) + "委员会", area=town,
                         parent=agency("party-committee", county, gaz))
    organ = "办事处" if organ == "办事处" else "人民政府"
    return AgencyRef(key="government", name=gaz.qualified_name(town) + organ, area=town,
                     parent=agency("government", county, gaz))


def parse_issuer(name: str, context: Optional[AreaRef] = None) -> Optional[AgencyRef]:
    """An issuing organ: an agency of a known organ, a township's government,
    else a named body."""
    return parse_agency(name, context) or parse_township_organ(name, context) or parse_named_body(name, context)


SITE_ORGAN_LEVELS = ("province", "city", "county")     # a township has no 局
WHITESPACE = re.compile(r"\s+")


def parse_site_owner(name: str, context: Optional[AreaRef]) -> Optional[AgencyRef]:
    """The organ whose website a 来源 names (财政部网站, 国家卫生健康委官网,
    丰南区政府网): it publishes the page. Not the national government's portal
    (中国政府网), which carries every central organ's documents and news."""
    written = WHITESPACE.sub("", name)
    m = phrase_pattern("site_suffix").search(written)
    found = parse_agency(written[:m.start()], context) if m and m.start() >= 2 else None
    if found is None or (found.key == "government" and found.area.level == "national"):
        return None
    return found


def parse_site_organ(name: str, area: Optional[AreaRef]) -> Optional[AgencyRef]:
    """An organ a portal's publisher or source field names by its kind alone
    (来源:民政局, 发布机构: 民 政 局, 发文机构: 卫生健康局 on a county's or a city's
    portal; 本文来源: 民政厅 on a province's): that organ of the page's area, where
    the area's organ of that kind is so named (民政局 on a province's page is no
    民政厅, 民政厅 on a district's no 民政局: nothing is read)."""
    if area is None or area.level not in SITE_ORGAN_LEVELS:
        return None
    written = WHITESPACE.sub("", name)
    if area.level == "province" and written.endswith("局"):
        # a municipality's 民政局 is so named, but a page placed in 上海市 by a title that
        # only mentions it (学习上海养老经验) is as likely a county's with its 来源:民政局
        return None
    key = organ_of_form(written) if len(written) > 2 else None
    if key is None:
        return None
    found = agency(key, area)
    named_so = (found.name.endswith(written) or found.name[-1] == written[-1]
                or (written.endswith("委") and found.name.endswith("委员会"))
                or (written.endswith("办") and found.name.endswith("办公室")))     # 来源:老龄办
    return found if named_so else None


# An organ no table holds, in the shape organs are named: an area or a level
# prefix, then a stem and an organ ending (phrase pattern unlisted_organ).
UNLISTED_PREFIX = "shape:"
OFFICE_SUFFIX = "-office"       # the key of a department's own office (health-office)
DEPARTMENT_SEPARATOR = "."      # health.老龄健康司: a central organ's department
# where an organ's full name holds its area: {area} as the area is named in
# full (中国人民银行威海市中心支行), {area_short} by its short name (…常州监管分局)
AREA_SHORT = "{area_short}"
AREA_SLOT = re.compile(r"\{area(?:_short)?\}")


LEVEL_CHARACTERS = "省市县区州旗"


def parse_unlisted_organ(name: str, context: Optional[AreaRef]) -> Optional[AgencyRef]:
    """An organ of well-formed shape that no table holds, bound to the area
    its prefix names (its key says it was read by shape)."""
    gaz = gazetteer()
    chain = gaz.split_area_prefix(name, context)
    area: Optional[AreaRef]
    if chain:
        area, rest = chain[-1][1], name[chain[-1][0]:]
        if rest[:1] in LEVEL_CHARACTERS and name[:chain[-1][0]] not in (area.name, gaz.qualified_name(area)):
            return None     # 贵州市人民政府办公厅 (a slip for 贵阳市): a short name with a level it does not have
    elif name[:1] in "省市区县" and context is not None:
        area, rest = gaz.resolve_level_prefix(name[0], context), name[1:]
    else:
        return None
    if area is None or not phrase_pattern("unlisted_organ").fullmatch(rest) or phrase_pattern("collective_words").search(rest):
        return None
    if gaz.first_at_level(rest, ("province", "city", "county")):
        return None     # 国家税务总局海南省税务局: another area inside the stem is no organ of the first
    parent = agency("government", area, gaz) if area.level != "national" else None
    return AgencyRef(key=f"{UNLISTED_PREFIX}{rest}", name=gaz.qualified_name(area) + rest, area=area, parent=parent)
