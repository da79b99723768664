"""Who carries each measure: responsibility lists in the forms documents use.

（责任单位：…）, （牵头单位：…；配合单位：…）, a list on a line of its own
after the measure, and ［…按职责分工负责，各区（市）县政府负责］ (whose first
agency leads by convention). Forms are data (``responsibility_lists.tsv``,
each with an example). Items are read by ``agency_mentions.parse_list``:
agencies bound to the document's area, and collective items (各区人民政府,
各镇、街道) kept as the organs of a level rather than dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
import re
from typing import Optional

from kg.datafiles import read_tsv
from kg.extract.agency_mentions import parse_list
from kg.models import AgencyMention, AreaRef, CollectiveResponsibility, Document, Span

RULE = "agency.responsible-unit"
ROLE_OF_GROUP = {"list": "responsible", "lead": "lead", "support": "support", "collective": "responsible"}


@dataclass(frozen=True)
class ListForm:
    pattern: re.Pattern
    form: str
    first_is_lead: bool


@dataclass
class ResponsibilityList:
    span: Span                                   # the whole list, brackets included
    mentions: list[AgencyMention] = field(default_factory=list)
    collective: list[CollectiveResponsibility] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def list_forms() -> tuple[ListForm, ...]:
    return tuple(ListForm(re.compile(r["pattern"], re.M), r["form"], r["first_is_lead"] == "yes")
                 for r in read_tsv("responsibility_lists.tsv"))


def find_responsibility_lists(doc: Document, area: Optional[AreaRef]) -> list[ResponsibilityList]:
    """Every list in text order; a text span is read by the first form that takes it."""
    out: list[ResponsibilityList] = []
    taken: list[Span] = []
    for form in list_forms():
        for m in form.pattern.finditer(doc.view):
            span = Span(m.start(), m.end())
            if doc.in_residue(span) or any(t.overlaps(span) for t in taken):
                continue
            found = _read(doc, m, form, area)
            if found.mentions or found.collective:
                out.append(found)
                taken.append(span)
    return sorted(out, key=lambda r: r.span.start)


def _read(doc: Document, m: re.Match, form: ListForm, area: Optional[AreaRef]) -> ResponsibilityList:
    found = ResponsibilityList(Span(m.start(), m.end()))
    for group, role in ROLE_OF_GROUP.items():
        if group not in m.re.groupindex or m.group(group) is None:
            continue
        span = Span(m.start(group), m.end(group))
        collective: list[tuple[str, Span]] = []
        mentions, unknown = parse_list(doc.view, span, area, role, RULE, collective=collective)
        if form.first_is_lead and group == "list" and mentions:
            first = mentions[0]
            mentions[0] = AgencyMention(first.agency, first.written, first.span, "lead", first.rule)
        found.mentions += mentions
        found.unknown += unknown
        found.collective += [CollectiveResponsibility(text, _collective_level(text, area), s)
                             for text, s in collective]
    return found


# The level a collective item names: 各镇、街道 the townships, 各区（市）县 the
# counties, 各市 one level below a province's document.
COLLECTIVE_LEVELS = (("镇", "township"), ("乡", "township"), ("街道", "township"), ("县", "county"),
                     ("区", "county"))
BELOW = {"national": "province", "province": "city", "city": "county", "county": "township",
         "township": "township"}


def _collective_level(text: str, area: Optional[AreaRef]) -> str:
    head = re.sub(r"[（(].*?[)）]", "", text)[:4]
    for word, level in COLLECTIVE_LEVELS:
        if word in head:
            return level
    return BELOW[area.level] if area else "county"
