"""Who carries each measure: responsibility lists in the forms documents use.

（责任单位：…）, （牵头单位：…；配合单位：…）, (完成时间:…;责任单位:…), a list on
a line of its own after the measure, ［…按职责分工负责，各区（市）县政府负责］,
〔X牵头，Y按职责分工负责〕, 由X牵头，Y配合. Forms are data
(``responsibility_lists.tsv``, each with an example). Roles: 牵头 leads, 配合
supports; a list that does not say leads as a whole, or by its first unit
where the document says so (排在第一位的为牵头单位). Items are read by ``agency_mentions.parse_list``:
agencies bound to the document's area, and collective items (各区人民政府,
各镇、街道) kept as the organs of a level rather than dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
import re
from typing import Optional

from kg.datafiles import level_words, phrase_pattern, read_tsv
from kg.extract.agency_mentions import parse_list
from kg.extract.tables import Cell, find_table_rows, is_unit_cell
from kg.lexicon.agencies import known_organ_after_words, tail_of_an_organ_name
from kg.lexicon.areas import LEVEL_PREFIXES
from kg.models import AgencyMention, AreaRef, CollectiveResponsibility, Document, Span, SpanSet, UnboundAgency

RULE = "agency.responsible-unit"
# 牵头 / 负责 lead, 配合 / 参与 / 协助 support; a list that does not say (责任单位：A、B;
# A、B按职责分工负责) leads as a whole, unless the document states that the first
# unit named leads (排在第一位的为牵头单位)
ROLE_OF_GROUP = {"list": "lead", "lead": "lead", "support": "support", "collective": "lead"}


@dataclass(frozen=True)
class ListForm:
    pattern: re.Pattern
    form: str
    first_leads_if_stated: bool     # the document's own convention decides (first_is_lead = stated)
    # a form without a role word, (市发改委) after a task: a list only where the
    # document closes at least two tasks that way and every item is a unit, as
    # 任务分解 do (宁波 2007, 西安 2018); once, after a news paragraph, it names a source
    recurring: bool = False


@dataclass
class ResponsibilityList:
    span: Span                                   # the whole list, brackets included
    mentions: list[AgencyMention] = field(default_factory=list)
    collective: list[CollectiveResponsibility] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    unbound: list[UnboundAgency] = field(default_factory=list)     # agencies of an unknown area (市民政局)
    # 以下各项工作均需各区、市政府负责落实，不再一一列出: organs that carry every later measure too
    onward: list[CollectiveResponsibility] = field(default_factory=list)
    form: str = ""                               # the row of responsibility_lists.tsv that read it


@lru_cache(maxsize=1)
def list_forms() -> tuple[ListForm, ...]:
    return tuple(ListForm(re.compile(r["pattern"], re.M), r["form"], r["first_is_lead"] == "stated",
                          r["recurring"] == "yes")
                 for r in read_tsv("responsibility_lists.tsv"))


RECURRING_AT_LEAST = 2


def find_responsibility_lists(doc: Document, area: Optional[AreaRef]) -> list[ResponsibilityList]:
    """Every list in text order; a text span is read by the first form that takes it."""
    out: list[ResponsibilityList] = []
    taken = SpanSet()
    first_leads = bool(phrase_pattern("lead_first_statement").search(doc.view))
    for form in list_forms():
        found_here = []
        for m in form.pattern.finditer(doc.view):
            span = Span(m.start(), m.end())
            if doc.in_residue(span) or taken.overlaps(span):
                continue
            found = _read(doc, m, form, area, first_leads and form.first_leads_if_stated)
            if (found.mentions or found.collective or found.unbound) and not (form.recurring and found.unknown):
                found.form = form.form
                found_here.append(found)
        if form.recurring and len(found_here) < RECURRING_AT_LEAST:
            continue
        out += found_here
        for found in found_here:
            taken.add(found.span)
    out += [t for t in table_lists(doc, area) if not taken.overlaps(t.span)]
    return _supporting_under_a_lead_line(doc.view, sorted(out, key=lambda r: r.span.start))


def _supporting_under_a_lead_line(view: str, lists: list[ResponsibilityList]) -> list[ResponsibilityList]:
    """A 责任单位: line right under a 牵头单位: line names the units that join
    the lead, as a 责任单位 column beside a 牵头 column does (立山's 任务分解
    方案; 辽宁's 十二五 task division): its units support."""
    for above, below in zip(lists, lists[1:]):
        if above.form == LEAD_LINE and below.form == RESPONSIBLE_LINE and not view[above.span.end:below.span.start].strip():
            below.mentions = [replace(m, role="support") for m in below.mentions]
            below.unbound = [replace(u, role="support") for u in below.unbound]
            below.collective = [replace(c, role="support") for c in below.collective]
    return lists


LEAD_LINE, RESPONSIBLE_LINE = "lead-line", "responsible-line"


def table_lists(doc: Document, area: Optional[AreaRef]) -> list[ResponsibilityList]:
    """The unit columns of each task-table row, as that row's list: the lead
    column leads, the others support; a 责任单位 column leads where no 牵头
    column stands beside it."""
    out = []
    for row in find_table_rows(doc):
        found = ResponsibilityList(row.span)
        has_lead = any(kind == "lead" for kind, _ in row.unit_cells)
        for kind, whole in row.unit_cells:
            role = TABLE_ROLES.get(kind)
            if role is None or not whole.text:
                continue
            for cell, role in _cell_parts(whole, "support" if kind == "responsible" and has_lead else role):
                collective: list[tuple[str, Span]] = []
                # a unit cell holds units only: a bare organ (人社局) is the document's area's
                mentions, unknown = parse_list(doc.view, cell.span, area, role, TABLE_RULE, bare_ok=True,
                                               collective=collective, unbound=found.unbound, lead_in=False)
                found.mentions += mentions
                if area is None:
                    found.unbound += _units_as_written(doc.view, cell, unknown, role)
                else:
                    found.unknown += unknown
                found.collective += [CollectiveResponsibility(text, _collective_level(text, area), s, role)
                                     for text, s in collective]
        if found.mentions or found.collective or found.unbound:
            out.append(found)
    return out


TABLE_RULE = "agency.table-column"


def _units_as_written(view: str, cell: Cell, items: list[str], role: str, wrapped: bool = True) -> list[UnboundAgency]:
    """Units of a table's unit column or of a list that no organ table knows
    (a 开发区's 招商工作部 and 改革办, 霍山; a county's 县代建中心 …): kept as
    written, an organ by their form, of no known kind. ``wrapped``: a table's
    narrow cell may have wrapped a name's end onto a line of its own; a list
    run on in the text has not (永康's 国土资源局 is a name)."""
    out, pos = [], cell.span.start
    for item in items:
        at = view.find(item, pos, cell.span.end)
        if at < 0 or not _unit_as_written(item, wrapped):
            continue
        level = next((LEVEL_PREFIXES[w][0] for w in sorted(LEVEL_PREFIXES, key=len, reverse=True) if item.startswith(w)),
                     None)
        out.append(UnboundAgency(item, UNKNOWN_ORGAN, level, Span(at, at + len(item)), role))
        pos = at + len(item)
    return out


UNKNOWN_ORGAN = ""      # an organ by its form whose kind no table names


def _unit_as_written(item: str, wrapped: bool = True) -> bool:
    """One unit by its form: not the wrapped end of an organ's name (社会保障局),
    nor a unit standing for more (州交通运输局等州级有关部门, 市级各有关部门及各县市区政府)
    or for a kind (…部门),
    nor a known organ after words that name no level (指导财政局)."""
    return (is_unit_cell(item) and not any(w in item for w in NOT_ONE_UNIT) and not item.endswith(GENERIC_UNIT_ENDINGS)
            and not (wrapped and tail_of_an_organ_name(item)) and not known_organ_after_words(item))


GENERIC_UNIT_ENDINGS = ("部门", "单位")
NOT_ONE_UNIT = ("等", "各", "及")      # 州交通运输局等…, 市级各有关部门及各县市区政府


def _cell_parts(cell: Cell, role: str) -> list[tuple[Cell, str]]:
    """A unit cell that says who leads (省财政厅、省卫生健康委牵头;…成员单位配合;各州(市)党委和政府落实):
    each part with its role, the 牵头 part leading and the others supporting;
    a cell that does not say takes its column's role."""
    if "牵头" not in cell.text:
        return [(cell, role)]
    parts, pos = [], 0
    for text in re.split(r"[；;]", cell.text):
        start = cell.span.start + pos
        pos += len(text) + 1
        words = phrase_pattern("unit_cell_roles").search(text)
        leads = words is not None and "牵头" in words.group(0)
        body = text[:words.start()] if words is not None else text
        if body.strip():
            parts.append((Cell(body, Span(start, start + len(body))), "lead" if leads else "support"))
    return parts
TABLE_ROLES = {"lead": "lead", "support": "support", "responsible": "lead"}


def _read(doc: Document, m: re.Match, form: ListForm, area: Optional[AreaRef],
          first_leads: bool) -> ResponsibilityList:
    found = ResponsibilityList(Span(m.start(), m.end()))
    for group, role in ROLE_OF_GROUP.items():
        if group not in m.re.groupindex or m.group(group) is None:
            continue
        span = Span(m.start(group), m.end(group))
        collective: list[tuple[str, Span]] = []
        unbound: list[UnboundAgency] = []
        mentions, unknown = parse_list(doc.view, span, area, role, RULE, collective=collective, unbound=unbound)
        if not form.recurring:
            written = _units_as_written(doc.view, Cell(doc.view[span.start:span.end], span), unknown, role,
                                        wrapped=False)
            unbound += written
            unknown = [u for u in unknown if u not in {w.text for w in written}]
        if first_leads and group == "list" and (mentions or unbound):
            # the unit named first leads, whether its area is known or not
            first = min([m.span.start for m in mentions] + [u.span.start for u in unbound])
            mentions = [m if m.span.start == first else AgencyMention(m.agency, m.written, m.span, "support", m.rule)
                        for m in mentions]
            unbound = [u if u.span.start == first else replace(u, role="support") for u in unbound]
        found.unbound += unbound
        found.mentions += mentions
        found.unknown += unknown
        found.collective += [CollectiveResponsibility(text, _collective_level(text, area), s,
                                                      "support" if role == "support" else "lead")
                             for text, s in collective]
    for statement in ONWARD_STATEMENTS:
        onward = phrase_pattern(statement).search(doc.view, m.start(), m.end())
        if onward:
            text = onward.group("collective")
            found.onward.append(CollectiveResponsibility(text, _collective_level(text, area),
                                                         Span(onward.start("collective"), onward.end("collective"))))
            break
    return found


# A list's statement that some organs carry every later measure: 以下均需X负责落实,
# 以下各项责任单位均包括X，不再列出; X均为责任单位，以下不再列出 (phrase_patterns.tsv)
ONWARD_STATEMENTS = ("responsible_for_the_rest", "responsible_for_all")


# The level a collective item names: 各镇、街道 the townships, 各区（市）县 the
# counties, 各市 one level below a province's document.
COLLECTIVE_LEVELS = tuple((word, levels[0]) for word, levels in level_words("collective").items())
BELOW = {"national": "province", "province": "city", "city": "county", "county": "township",
         "township": "township"}


def _collective_level(text: str, area: Optional[AreaRef]) -> str:
    head = re.sub(r"[（(].*?[)）]", "", text)[:4]
    for word, level in COLLECTIVE_LEVELS:
        if word in head:
            return level
    return BELOW[area.level] if area else "county"
