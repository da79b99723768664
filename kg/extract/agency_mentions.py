"""Agencies named in a document's text, and the roles lists give them.

- Lists: 责任单位 of a measure, 抄送 recipients, the 主送 addressee line, and
  department lists (民政、卫健、人社…等19个部门). An item without a level
  prefix takes the one before it: 区发展和改革局、民政局 is two 区 agencies.
- Running text: a name with an area or level prefix that ends like an agency
  (市财政局, 重庆市医疗保障局), national bodies (民政部, 税务总局).
- Forms of their own: 团市委, 民建市委会 (``agency_forms.tsv``), branches of a
  city agency (规划环翠分局), bodies named in full (里口山管理服务中心,
  …工作领导小组). Collective addressees (各镇政府) are no agency; an item
  that is none of these is reported, never invented.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional, Sequence

from kg.lexicon.agencies import (parse_named_body, parse_unlisted_organ, agency, organ_forms, organ_of_form, organs, split_agency,
                                 township_organ)
from kg.lexicon.areas import LEVEL_PREFIXES, gazetteer
from kg.models import AgencyMention, AgencyRef, AreaRef, Document, Span, SpanSet, UnboundAgency
from kg.lexicon.titles import ORGAN_ENDINGS
from kg.datafiles import name_endings, phrase_pattern, read_lines, read_tsv

ITEM_SEPARATORS = re.compile(r"[、，,；;\n]")     # a table's unit cell may hold a unit a line
# a collective item is whole when it ends in an organ: 各区人民政府, 各有关部门
COLLECTIVE_ENDINGS = name_endings("collective")
MAX_NAME = 40
LEVEL_ENDINGS = "".join(name_endings("area"))


@dataclass
class AgencyFindings:
    mentions: list[AgencyMention] = field(default_factory=list)
    responsible_lists: list = field(default_factory=list)    # responsibility.ResponsibilityList, in text order
    unknown: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _forms() -> tuple[tuple[tuple[re.Pattern, str], ...], dict[str, str]]:
    """The written forms of agency_forms.tsv (团市委, 民建市委会 …) and the organ of each party."""
    parties = {r["party"]: r["organ"] for r in read_tsv("party_organs.tsv")}
    out = []
    for row in read_tsv("agency_forms.tsv"):
        out.append((re.compile(row["pattern"]), row["organ"]))
    return tuple(out), parties



@lru_cache(maxsize=1)
def _agency_suffixes() -> tuple[str, ...]:
    return read_lines("agency_suffixes.txt")


@lru_cache(maxsize=1)
def _markers() -> dict[str, re.Pattern]:
    return {r["role"]: re.compile(r["pattern"], re.M) for r in read_tsv("role_markers.tsv")}


@lru_cache(maxsize=1)
def _running_text_pattern() -> re.Pattern:
    """Every organ form that ends like an agency, and national names."""
    forms = {f for f, _ in organ_forms() if f.endswith(_agency_suffixes())}
    for organ in organs().values():
        forms.update(n for n in (organ.national_name, *organ.national_short_names) if n)
    return re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))


def resolve_item(item: str, prefix: str, context: Optional[AreaRef], bare_ok: bool) -> tuple[Optional[AgencyRef], str]:
    """The agency a list item names, and the prefix to pass on."""
    gaz = gazetteer()
    found = _with_level_prefix(split_agency(item, context))
    if found:
        return found[0], found[1] or prefix
    if prefix:
        found = _with_level_prefix(split_agency(prefix + item, context))
        if found:
            return found[0], prefix
    special = _special_form(item, context)
    if special:
        return special, prefix
    branch = _branch(item, context)
    if branch:
        return branch, prefix
    named = parse_named_body(item, context)
    if named:
        return named, prefix
    unlisted = parse_unlisted_organ(item, context) or (parse_unlisted_organ(prefix + item, context) if prefix else None)
    if unlisted:
        return unlisted, prefix
    if bare_ok and context is not None:
        key = organ_of_form(item)
        if key:
            return agency(key, context, gaz), prefix
        # a township a unit cell names stands for its government, a street for its office
        # (金东's 协同单位 孝顺镇, 东孝街道; 临安's 天目山镇)
        town = gaz.place_township(item, context) if context.level == "county" else None
        if town is not None:
            return township_organ(town), prefix
    return None, prefix


def _with_level_prefix(found):
    """Keep a reading only if its area prefix says its level (威海市, 区) or it
    has none: a county's short name is too often an ordinary word (会同财政 is
    'together with finance', not 会同县)."""
    if found and found[1] and found[1][-1] not in LEVEL_ENDINGS:
        return None
    return found


def _special_form(item: str, context: Optional[AreaRef]) -> Optional[AgencyRef]:
    patterns, parties = _forms()
    for pattern, organ_key in patterns:
        m = pattern.match(item)
        if not m:
            continue
        if organ_key == "{party}":
            organ_key = parties[m.group("party")]
        area = gazetteer().resolve_level_prefix(m.group("level"), context)
        if area is not None:
            return agency(organ_key, area)
    return None


def _branch(item: str, context: Optional[AreaRef]) -> Optional[AgencyRef]:
    """规划环翠分局: the 环翠 branch of the city's planning (natural-resources)
    bureau, working in 环翠区."""
    m = re.fullmatch(r"(?P<organ>[\u4e00-\u9fff]{2,8}?)(?P<county>[\u4e00-\u9fff]{2,3})分局", item)
    if not m or context is None:
        return None
    gaz = gazetteer()
    key = organ_of_form(m.group("organ"))
    city = next((a for a in gaz.chain(context.code) if a.level in ("city", "province")), None)
    if key is None or city is None:
        return None
    county = next((a for a in gaz.counties_starting(m.group("county"), city.code) if a.parent == city.code), None)
    if county is None:
        return None
    parent = agency(key, city)
    return AgencyRef(key=f"{key}-branch", name=f"{parent.name}{m.group('county')}分局", area=county, parent=parent)


def list_items(text: str) -> list[tuple[int, str]]:
    """(offset, raw item) of a list: split at 、，；, outside brackets
    (各县（市、区）人民政府 is one item), and at 和 after an organ's name
    (市住房城乡建设委和各区人民政府; not 发展和改革局, nor 各州(市)党委和政府,
    the committees and governments of each prefecture, one collective)."""
    items, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and (ITEM_SEPARATORS.match(ch)
                             or (ch == "和" and text[start:i].rstrip().endswith(ORGAN_ENDINGS)
                                 and i + 1 < len(text) and not text[i + 1].isspace()
                                 and not phrase_pattern("governments_after_and").match(text, i + 1))):
            items.append((start, text[start:i]))
            start = i + 1
    items.append((start, text[start:]))
    return items


def parse_list(view: str, span: Span, context: Optional[AreaRef], role: str, rule: str,
               bare_ok: bool = False, collective: Optional[list] = None,
               unbound: Optional[list] = None, lead_in: bool = True) -> tuple[list[AgencyMention], list[str]]:
    """The agencies of a list, passing a level prefix on (区民政局、财政局).
    Collective items (各区人民政府, 各镇、街道) go to ``collective`` as
    (text, span) when it is given, else are passed over. Without an area,
    an item that is an organ by its form (市民政局; 财政局 after 市卫健委) goes
    to ``unbound`` as an ``UnboundAgency`` when it is given. ``lead_in``: the
    first item may carry words before the list (要强化与公安), which a table's
    unit cell never does (农林水务局 is not 水务局)."""
    found: list[AgencyMention] = []
    unknown: list[str] = []
    prefix = ""
    text = view[span.start:span.end]
    taken_until = span.start          # a collective item may take the items after it
    for offset, raw in list_items(text):
        if span.start + offset < taken_until:
            if "。" in raw:      # the list ended inside the item a collective took
                break
            continue
        start = span.start + offset + (len(raw) - len(raw.lstrip()))
        # a full stop inside an item ends the list after it (…，各县市区人民政府。以下各项…)
        item, ends_list = raw.strip().rstrip("。.").strip(), False
        if "。" in item:
            item, ends_list = item.split("。")[0].strip(), True
        item = phrase_pattern("list_item_etc").sub("", item)
        item = phrase_pattern("list_item_tail").sub("", item)
        if item and (phrase_pattern("collective_item").search(item) or item in ("镇", "街道", "单位", "部门")):
            if collective is not None and phrase_pattern("collective_item").search(item):
                collective.append(_collective_item(item, raw, text, offset, span.start))
                taken_until = collective[-1][1].end
        elif item:
            if len(item) > MAX_NAME:     # the list ended inside this item
                break
            prefix = _read_item(item, start, prefix, context, role, rule, bare_ok, found, unknown, unbound, lead_in)
        if ends_list:
            break
    return found, unknown


def _read_item(item: str, start: int, prefix: str, context: Optional[AreaRef], role: str, rule: str,
               bare_ok: bool, found: list, unknown: list, unbound: Optional[list], lead_in: bool = True) -> str:
    """One list item into ``found``, ``unbound`` or ``unknown``; the level prefix to pass on."""
    ref, prefix = resolve_item(item, prefix, context, bare_ok)
    if ref is None and not found and bare_ok and lead_in:
        # the first item may carry the words before the list: 要强化与公安
        for cut in range(1, len(item) - 1):
            ref, prefix = resolve_item(item[cut:], prefix, context, bare_ok)
            if ref is not None:
                start, item = start + cut, item[cut:]
                break
    if ref is None and unbound is not None and context is None:
        loose = unbound_item(item, prefix, Span(start, start + len(item)), role)
        if loose is not None:
            unbound.append(loose)
            return loose.text[:len(loose.text) - len(_organ_part(loose.text))] or prefix
    if ref is None:
        unknown.append(item)
    else:
        found.append(AgencyMention(ref, item, Span(start, start + len(item)), role, rule))
    return prefix


def unbound_item(item: str, prefix: str, span: Span, role: str) -> Optional[UnboundAgency]:
    """An organ named by level word and form (市民政局, 县卫健委), or by form alone
    after an item that gave the level (财政局 after 市卫健委), where the area is unknown."""
    organ = _organ_part(item)
    key = organ_of_form(organ) if organ else None
    if key is None:
        return _unbound_form(item, span, role)
    level_word = item[:len(item) - len(organ)] or prefix
    levels = LEVEL_PREFIXES.get(level_word)
    if item[:len(item) - len(organ)] and not levels:
        return None          # a word before the organ that names no level (会同财政局) is no prefix
    return UnboundAgency(item, key, levels[0] if levels else None, span, role)


def unbound_organ(name: str, span: Span) -> Optional[UnboundAgency]:
    """An issuer that names its organ but no area it can be bound to: by
    level word (区民政局 on a district's portal, (县民政局) closing a county's
    news) or by an area's name that several places bear (普陀区民政局: 上海's
    or 舟山's), where the text names neither."""
    name = name.strip()
    found = unbound_item(name, "", span, "issuer")
    if found is not None:
        return found
    gaz = gazetteer()
    for end in range(len(name) - 2, 1, -1):
        codes = gaz.by_name.get(name[:end], [])
        key = organ_of_form(name[end:])
        levels = {gaz.get(code).level for code in codes}
        if len(codes) > 1 and key is not None and len(levels) == 1:
            return UnboundAgency(name, key, levels.pop(), span, "issuer")
    return _unbound_township_organ(name, span)


TOWNSHIP_ORGAN = re.compile(r"(?P<town>[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道|苏木))(?P<organ>[\u4e00-\u9fff]{2,10})")
NOT_A_TOWN_NAME = re.compile(r"^[各全本该我每]|乡镇")


def _unbound_township_organ(name: str, span: Span) -> Optional[UnboundAgency]:
    """A township's organ named in full, its county never named (峨山镇人民政府,
    神山镇人民政府 over the date that signs a reply): GB/T 2260 ends at the
    county, so the township is kept as written, at its level. Not 各乡镇人民政府."""
    m = TOWNSHIP_ORGAN.fullmatch(name)
    if m is None or NOT_A_TOWN_NAME.search(m.group("town")):
        return None
    key = organ_of_form(m.group("organ"))
    return UnboundAgency(name, key, "township", span, "issuer") if key is not None else None


def unbound_township(name: str, span: Span) -> Optional[UnboundAgency]:
    """A township that names itself alone as a page's publisher or source
    (信息来源:下村乡 on 炎陵县's portal, 信息来源:白杨街道 on 钱塘区's), or its
    government so (发布机构 华庄街道办事处), where several bear its name and
    the text names no county: its government, kept as written."""
    name = name.strip()
    m = phrase_pattern("township_organ").fullmatch(name)
    town = m.group("town") if m and m.group("organ") in ("人民政府", "政府", "办事处") else name
    if not gazetteer().is_township_name(town) or NOT_A_TOWN_NAME.search(town):
        return None
    return UnboundAgency(name, "government", "township", span, "issuer")


def _unbound_form(item: str, span: Span, role: str) -> Optional[UnboundAgency]:
    """A form of its own with a level word in it (团省委, 民建市委会), where the area is unknown."""
    patterns, parties = _forms()
    for pattern, organ_key in patterns:
        m = pattern.fullmatch(item)
        if m is not None and "level" in pattern.groupindex and m.group("level") in LEVEL_PREFIXES:
            key = parties[m.group("party")] if organ_key == "{party}" else organ_key
            return UnboundAgency(item, key, LEVEL_PREFIXES[m.group("level")][0], span, role)
    return None


def _organ_part(item: str) -> str:
    """The organ form an item ends with after an optional level word (市民政局 -> 民政局)."""
    for word in sorted(LEVEL_PREFIXES, key=len, reverse=True):
        if item.startswith(word) and organ_of_form(item[len(word):]):
            return item[len(word):]
    return item if organ_of_form(item) else ""


def _collective_item(item: str, raw: str, text: str, offset: int, base: int) -> tuple[str, Span]:
    """各镇、街道 and 各区、市政府 are one collective each: an item that names
    no organ yet takes the next one that does (or a bare level word)."""
    start = base + offset + raw.index(item)
    end = start + len(item)
    if not item.endswith(COLLECTIVE_ENDINGS):
        rest = text[end - base:]
        tail = phrase_pattern("collective_tail").match(rest)
        if tail:
            end += tail.end()
    return text[start - base:end - base], Span(start, end)


def find_agencies(doc: Document, area: Optional[AreaRef], heading_end: int,
                  responsibility_lists: Sequence = ()) -> AgencyFindings:
    """Agencies in lists (responsibility lists, found before, by
    ``kg.extract.responsibility``; 抄送; department lists), the addressees,
    and the rest of the running text."""
    view = doc.view
    out = AgencyFindings()
    covered = SpanSet()
    markers = _markers()

    for found_list in responsibility_lists:
        out.responsible_lists.append(found_list)
        out.mentions += found_list.mentions
        out.unknown += found_list.unknown
        covered.add(found_list.span)
    for m in markers["copy_to"].finditer(view):
        span = Span(m.start("list"), m.end("list"))
        found, unknown = parse_list(view, span, area, "copy_to", "agency.copy-to")
        out.mentions += found
        out.unknown += unknown
        covered.add(span)
    for m in markers["mentions"].finditer(view):
        span = Span(m.start("list"), m.end("list"))
        if covered.overlaps(span) or doc.in_residue(span):
            continue
        found, unknown = parse_list(view, span, area, "mentions", "agency.department-list", bare_ok=True)
        if len(found) >= 2:            # a real list of departments, not a phrase
            out.mentions += found
            out.unknown += unknown
            covered.add(span)
    addressee = _addressee_line(view, heading_end)
    if addressee is not None:
        found, _ = parse_list(view, addressee, area, "addressee", "agency.addressee")
        out.mentions += found
        covered.add(addressee)
    out.mentions += _running_text(doc, area, covered)
    out.mentions.sort(key=lambda m: (m.span.start, m.role))
    return out


def _addressee_line(view: str, heading_end: int) -> Optional[Span]:
    """The 主送 line: the heading's last line when it ends with a colon."""
    if heading_end <= 0:
        return None
    line_start = view.rfind("\n", 0, heading_end) + 1
    line = view[line_start:heading_end]
    if line.rstrip().endswith(("：", ":")):
        text = line.rstrip().rstrip("：:")
        lead = len(text) - len(text.lstrip())
        return Span(line_start + lead, line_start + len(text))
    return None


def _running_text(doc: Document, area: Optional[AreaRef], covered: SpanSet) -> list[AgencyMention]:
    """Prefixed agency names anywhere in the text (市财政局, 团市委, 民政部)."""
    gaz = gazetteer()
    view = doc.view
    out = []
    taken_until = 0
    for m in _running_text_pattern().finditer(view):
        end = m.end()
        best = None
        if not all("\u4e00" <= c <= "\u9fff" for c in m.group(0)):
            continue
        # a candidate name is all Chinese characters: look back no further
        # than the run of them that ends where the match starts
        run = 0
        limit = min(gaz.max_name_length * 2, m.start())
        while run < limit and "\u4e00" <= view[m.start() - run - 1] <= "\u9fff":
            run += 1
        for length in range(run, -1, -1):
            start = m.start() - length
            candidate = view[start:end]
            found = _with_level_prefix(split_agency(candidate, area))
            # in running text a name needs a prefix that says its level, or is national
            if found and (found[1] or found[0].area.level == "national"):
                best = (start, found[0])
                break
        if best is None:
            continue
        span = Span(best[0], end)
        if span.start < taken_until or doc.in_residue(span) or covered.overlaps(span):
            continue
        taken_until = span.end
        out.append(AgencyMention(best[1], view[span.start:span.end], span, "mentions", "agency.name"))
    for m in re.finditer(r"团[省市区县]委|(?:民建|民盟|民进)[省市区县]委(?:员)?会", view):
        span = Span(m.start(), m.end())
        special = _special_form(m.group(0), area)
        if special and not covered.overlaps(span) and not doc.in_residue(span):
            out.append(AgencyMention(special, m.group(0), span, "mentions", "agency.form"))
    for m in re.finditer(r"(?:成立|建立|设立)了?(?P<name>[\u4e00-\u9fff]{4,30}?(?:工作)?领导小组)", view):
        span = Span(m.start("name"), m.end("name"))
        named = parse_named_body(m.group("name"), area)
        if named and not covered.overlaps(span):
            out.append(AgencyMention(named, m.group("name"), span, "mentions", "agency.named-body"))
    return out
