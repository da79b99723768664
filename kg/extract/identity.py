"""The document itself: its own number, title, issuers, date, type and area.

Read from the heading (title lines, a number line, an issuer line), the
signature at the foot (agency line + date line), adoption lines of laws
(…人民代表大会常务委员会第N次会议通过) and, as a fallback, a web portal's
metadata block. Each value keeps the span it was read from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
import datetime
from typing import Generic, Optional, TypeVar, Union

from kg.lexicon.agencies import (organ_forms, organ_of_form, parse_agency as parse_agency_strict, parse_issuer, parse_site_organ,
                                 parse_site_owner,
                                 parse_township_organ,
                                 parse_unlisted_organ, township_organ)
from kg.lexicon.areas import FULL_NAME_ENDINGS, LEVEL_PREFIXES, gazetteer, organ_word_at
from kg.lexicon.dates import field_date, find_dates, parse_date, parse_signing_date
from kg.lexicon.docnumber import BARE_ORDER, JOINT, DocNumber, find_numbers, order_of
from kg.lexicon.issuers import find_code_start, resolve_code
from kg.extract.measures import opens_numbered_item
from kg.extract.proposals import answers_a_proposal
from kg.models import AgencyRef, AreaRef, Document, Layout, Span, UnboundAgency
from kg.datafiles import level_words, name_endings, phrase_pattern, read_lines, read_tsv
from kg.lexicon.titles import (ORGAN_ENDINGS, display_title, document_type, is_interpretation, is_reply_title,
                               issuer_prefix, title_key, wrapped_title)
from kg.read.layout import bare_number, clean_title, lost_line_breaks, read_layout, space_pieces

T = TypeVar("T")

MAX_HEADING_LINES = 14
LONG_LINE = 60
CUT_FRAGMENT = 3     # characters a page cut mid-line keeps of its last line
CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}")
MIN_TITLE_CHARS = 4
SENTENCE_ENDS = ("。", "；", "！", "？", ";")
# Phrases (a law's adoption line, a report's delivery line, 我局, a signing
# official …) are named patterns of kg/data/phrase_patterns.tsv.
# the levels a title's own level word (县政协, 区人大, 市人民政府) names
OWN_LEVELS = level_words("own")
TOWNSHIP_SUBJECT_LINES = 3   # a page's subject stands in its headline or first sentence
SITE_HEADER_CHARS = 2000   # a portal's header and menus, down to its breadcrumb
TOWNSHIP_SUBJECT_SENTENCES = 3   # a news lead may open with a sentence or two of scene (秋去冬来菊花香…)
COUNTY_NAME_REACH = 12       # characters a county's name takes before a township's, its city's with it
MAX_SIGNING_ORGANS = 16   # lines of a joint signature (one or two organs a line), then the date
HANDLING_ORGAN_REACH = 20    # characters an organ's name takes before 高度重视
GLUED_SIGNATURE_REACH = 60    # characters before a glued date that its organs may take (two organs with their areas)
REPOST_AFTER_DAYS = 365   # a 发布日期 over a year after the 成文日期 is a copy's (portals post replies months late)
AGENCY_SEPARATORS = re.compile(r"[ \t\u3000、，,]+")
INNER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


@dataclass(frozen=True)
class Found(Generic[T]):
    """A value and the rule and span it was read from."""
    value: T
    rule: str
    span: Span


@dataclass
class Identity:
    number: Optional[Found[DocNumber]] = None
    title: Optional[Found[str]] = None
    issuers: list[Found[AgencyRef]] = field(default_factory=list)
    date: Optional[Found[datetime.date]] = None
    publication_date: Optional[Found[datetime.date]] = None
    area: Optional[AreaRef] = None
    heading_end: int = 0
    body_end: Optional[int] = None          # where the signature starts
    history: list[tuple[Span, str]] = field(default_factory=list)   # a law's adoption and revision lines
    warnings: list[str] = field(default_factory=list)
    # an issuer the text names by organ but not by an area it can be bound to (区民政局)
    unbound_issuers: list[Found[UnboundAgency]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _header_elements() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(row["pattern"]) for row in read_tsv("document_header_lines.tsv"))


@lru_cache(maxsize=1)
def _body_openers() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in read_lines("body_openers.txt"))


def _lines(doc: Document):
    """(span, text) of the lines that are not residue; a text pasted on one
    long line (its line breaks lost) is read in the pieces its spaces leave."""
    pos = 0
    for line in doc.view.split("\n"):
        span = Span(pos, pos + len(line))
        pos += len(line) + 1
        if doc.in_residue(span):
            continue
        if lost_line_breaks(doc.view, line):
            yield from space_pieces(line, span.start)
        else:
            yield span, line


def _strip_span(span: Span, line: str) -> tuple[Span, str]:
    stripped = line.strip()
    start = span.start + (len(line) - len(line.lstrip()))
    return Span(start, start + len(stripped)), stripped


def _as_number(text: str) -> Optional[DocNumber]:
    """A heading line that is a number: as written, or as the layout reads a
    number line that lost a part (湖委发〔2018〕20)."""
    try:
        return DocNumber.parse(text)
    except ValueError:
        found = bare_number(text)
        return found[0] if found else None


def _as_agencies(text: str, context: Optional[AreaRef]) -> Optional[list[AgencyRef]]:
    """A line that is nothing but agency names (one or several, also written
    without a separator: 宁国市民政局宁国市财政局)."""
    text = phrase_pattern("letter_spaced").sub(lambda m: re.sub(r"\s", "", m.group()), text.strip())
    parts = [p for p in AGENCY_SEPARATORS.split(text) if p]
    if not parts or any(len(p) > 30 for p in parts):
        return None
    found = [parse_issuer(n, context) for p in parts for n in _glued_organs(p, context)]
    known = [a for a in found if a is not None]
    return known if len(known) == len(found) else None


@dataclass
class Heading:
    """What the lines above the body say: title lines, number lines, issuer
    lines (机关标志) and a law's adoption lines."""

    title_parts: list[tuple[Span, str]] = field(default_factory=list)
    number: Optional[Found] = None
    issuer_lines: list[tuple[Span, list[AgencyRef]]] = field(default_factory=list)
    adoption_lines: list[tuple[Span, str]] = field(default_factory=list)
    end: int = 0

    def title(self) -> str:
        return display_title("".join(t for _, t in self.title_parts))

    def title_open(self) -> bool:
        """No title yet, or one that does not end in a document type yet."""
        return not self.title_parts or document_type(self.title()) is None


@dataclass(frozen=True)
class Sources:
    """Everything an identity field can be read from, for the source
    functions below (one per place a value can stand)."""

    doc: Document
    lines: list
    context: Optional[AreaRef]
    heading: Heading
    signature: Optional[tuple]
    title: Optional[Found] = None
    number: Optional[Found] = None


ADDRESSEE_NEVER = re.compile(r"《|如下\s*[:：]$")    # a line that cites or announces what follows is body
HEADING_ENDS_BEFORE = re.compile(r"[。；;！!？?]")


def read_identity(doc: Document) -> Identity:
    """Each field from the first of its sources that gives a value, in the
    order of ``kg/data/identity_sources.tsv``; the rule of the value names
    the source. The heading is read from where the layout found the title
    (or the version head above it), not from the top of the page."""
    if doc.layout is None:      # cleaning failed: read the layout of the plain text
        doc = replace(doc, layout=read_layout(doc.view, doc.residue, doc.portal))
    lines = list(_lines(doc))
    head_start = _layout(doc).head_start or 0
    context = _context_area(doc, lines)
    heading = _read_heading(doc, [(s, t) for s, t in lines if s.start >= head_start], context)
    layout = _layout(doc)
    sentence_title = layout.title if layout.title is not None and layout.title.rule in SENTENCE_TITLE_RULES else None
    in_sentence = sentence_title is not None
    zones_end = max([0] + [z.span.end for z in layout.zones if z.kind in ("number", "version_head")
                           or (z.kind == "title" and not in_sentence)])
    if heading.end > zones_end > 0 and HEADING_ENDS_BEFORE.search(doc.view, zones_end, heading.end):
        # a page that lost its line breaks: title, number, addressees and body on one line;
        # a heading holds no sentence, so it ends with the title's zones
        heading.end = zones_end
    heading.end = max(heading.end, zones_end)
    if sentence_title is not None:
        # a title its body's sentence names (现公布X报告; 《X》已经…通过): the sentence is the body's,
        # and what it rests on is cited (依据《…条例》第五十条规定,特向社会公布…报告)
        heading.end = min(heading.end, doc.view.rfind("\n", 0, sentence_title.span.start) + 1)
    sources = Sources(doc, lines, context, heading, _signature(doc, lines, context, heading.end))
    ident = Identity(heading_end=heading.end, history=list(heading.adoption_lines))
    ident.title = _first("title", sources)
    ident.number = _first("number", replace(sources, title=ident.title))
    ident.warnings += _number_disagreements(doc)
    sources = replace(sources, title=ident.title, number=ident.number)
    signature = sources.signature
    issued = wrapped_title(ident.title.value, typed=False) if ident.title else None
    if signature and not _issues_attachment(doc.view, (signature[2][1] if signature[2] else signature[0]).end,
                                            issued.title if issued else None):
        ident.body_end = signature[0].start
    ident.issuers = _office_of_its_number(_first("issuer", sources) or [], ident.number, context)
    ident.number = _order_of_its_government(ident.number, ident.issuers)
    if not ident.issuers and context is None:
        ident.unbound_issuers = _unbound_issuers(sources)
    ident.date = _first("date", sources)
    ident.warnings += _date_disagreements(ident.date, doc)
    ident.publication_date = (_publication_date(doc, ident.date, ident.issuers, context, ident.title)
                              or _history_publication(doc, ident.history))
    # a page's subject stands in its headline and lead, below the site's menus
    opening = [(s, t) for s, t in lines if s.start >= head_start]
    ident.area = _page_area(doc, opening, context, ident.issuers, ident.title)
    return ident


SENTENCE_TITLE_RULES = ("identity.title-promulgated", "identity.title-draft", "identity.title-report",
                        "identity.title-amended")


def _order_of_its_government(number: Optional[Found], issuers: list[Found]) -> Optional[Found]:
    """An order written without its organ (政府令〔2010〕第15号 under 河北省人民政府's
    heading; 政府令〔2018〕277号 in 首都之窗's 发文字号 field), or with its level
    only (省人民政府令第18号), is the order of the government that issues the page."""
    if number is None or number.value.code is None or len(issuers) != 1 or issuers[0].value.key != "government":
        return number       # (an announcement's 2026年第1号 has no code: 光泽县人民政府's 禁火令)
    bare = BARE_ORDER.fullmatch(number.value.code)
    # 省人民政府令第18号 in a 1992 history under 江西省人民政府: the order of the government of that level
    if bare is None or not _short(issuers[0].value.name).endswith(_short(bare.group("organ"))):
        return number
    return replace(number, value=order_of(issuers[0].value.name + "令", number.value))


def _office_of_its_number(issuers: list[Found], number: Optional[Found], context: Optional[AreaRef]) -> list[Found]:
    """A government that a law database's organ line (江苏省扬州市人民政府 over
    扬府办发〔2003〕101号) or its decision in the text (省政府决定… under
    辽政办发〔2007〕19号) names, where the number is of its general office's
    series (府办, 政办): the office issued the document, as GB/T 9704's
    发文字号 says. A title that names the government itself (宁波市人民政府
    关于印发… under 甬政办发) stands."""
    if (number is None or len(issuers) != 1 or issuers[0].value.key != "government"
            or issuers[0].rule not in GOVERNMENT_WITHOUT_ITS_OFFICE or number.value.code is None
            or number.value.is_order):
        return issuers
    code = resolve_code(number.value.code, context or issuers[0].value.area)
    office = code.agency if code is not None else None
    if office is None or office.key != "government-office" or office.area.code != issuers[0].value.area.code:
        return issuers
    return [Found(office, "identity.issuer-number", number.span)]


GOVERNMENT_WITHOUT_ITS_OFFICE = ("identity.issuer-heading", "identity.issuer-decides", "identity.issuer-database-line")


def _short(government: str) -> str:
    return government.replace("人民政府", "政府")


def _page_area(doc: Document, opening, context: Optional[AreaRef], issuers: list[Found],
               title: Optional[Found]) -> Optional[AreaRef]:
    """The issuer's area; a page with no issuer is of the township it reports
    on, and so is a news item that a county's bureau posted (来源:民政局) whose
    headline names that township of its area (武进区礼嘉镇开展重阳节走访慰问活动)."""
    if not issuers:
        return _township_subject(doc, opening, context) or context
    area = issuers[0].value.area
    if issuers[0].rule != "identity.issuer-source" or title is None:
        return area
    town = _township_subject(doc, opening, context)
    headline_town = town is not None and town.name in title.value and gazetteer().is_within(town.code, area.code)
    return town if headline_town else area


def _township_subject(doc: Document, lines, context: Optional[AreaRef]) -> Optional[AreaRef]:
    """A page with no issuer that opens with a township as its subject (a
    county's news of 百亩乡; 日前,古井镇…; 双闸街道:心系民生…): that township,
    below the county the text names right before it somewhere (建邺区双闸街道,
    宜昌市夷陵区小溪塔街道办事处), else below the county the page is of, else
    where the national township table places its name."""
    for _, text in [(s, t) for s, t in lines if t.strip()][:TOWNSHIP_SUBJECT_LINES]:
        m = phrase_pattern("township_subject").match(text)
        if m and not _names_an_area(m.group("county")):
            m = None        # 中塘镇创建市级卫生镇: 市 ends no county there, 级卫生镇 is no town
        m = m or _clause_subject(text)
        if not m:
            continue
        glued = _county_glued_to(m.group("town"))
        if glued is not None:       # 定安雷鸣镇梅种村: a county's short name written onto its township
            return gazetteer().township(glued[1], glued[0])
        county = _county_before(doc.view, m.group("town")) or (
            context if context is not None and context.level == "county" else None)
        if county is None:
            # no county named: the township table places a name that is one place
            # in the country, or one in the page's area (官庄镇 in a 南阳 page)
            return gazetteer().place_township(m.group("town"), context, gazetteer().named_in_full(doc.view))
        chain = gazetteer().split_area_prefix(text.strip().lstrip("【"), None)
        named = chain[-1][1] if chain else None
        if named is not None and named.level == "county" and named.code != county.code:
            return None     # another county's township
        return gazetteer().township(m.group("town"), county)
    return None


def _county_glued_to(town: str) -> Optional[tuple[AreaRef, str]]:
    """A township written after its county's short name with nothing between
    (定安雷鸣镇, 汪清东光镇): the county and the township's own name, where the
    whole is no township's name and the rest is one of that county's."""
    gaz = gazetteer()
    if gaz.is_township_name(town):
        return None
    chain = gaz.split_area_prefix(town, None)
    if not chain or chain[-1][1].level != "county":
        return None
    rest = town[chain[-1][0]:]
    placed = gaz.place_township(rest, chain[-1][1], [chain[-1][1]]) if gaz.is_township_name(rest) else None
    return (chain[-1][1], rest) if placed is not None and placed.parent == chain[-1][1].code else None


def _clause_subject(line: str) -> Optional[re.Match]:
    """A township that begins a clause of the line's opening sentences (…新春佳节,
    老城镇积极采取举措): the first whose name some township bears, after nothing
    or its county's name (not 深入都昌县汪墩乡, a visit's destination)."""
    opening = "".join(re.split(r"(?<=。)", line)[:TOWNSHIP_SUBJECT_SENTENCES])
    return next((m for m in phrase_pattern("township_clause_subject").finditer(opening)
                 if gazetteer().is_township_name(m.group("town")) and _names_an_area(m.group("county"))), None)


def _names_an_area(text: Optional[str]) -> bool:
    """Whether a text is nothing or an area's name and nothing else."""
    chain = gazetteer().split_area_prefix(text, None) if text else None
    return not text or bool(chain and chain[-1][0] == len(text))


def _county_before(view: str, town: str) -> Optional[AreaRef]:
    """The county the text names right before a township's name (津南区咸水沽镇),
    the first time it does."""
    gaz = gazetteer()
    for m in re.finditer(re.escape(town), view):
        for reach in range(min(COUNTY_NAME_REACH, m.start()), 1, -1):
            chain = gaz.split_area_prefix(view[m.start() - reach:m.start()], None)
            if chain and chain[-1][0] == reach:
                if chain[-1][1].level == "county":
                    return chain[-1][1]
                break       # the longest name before it is no county's (天津市住房城乡…: not 津市市)
    return None


def _layout(doc: Document) -> Layout:
    """The page's layout: read_identity reads one where cleaning left none."""
    assert doc.layout is not None, "read_identity gives every document a layout"
    return doc.layout


@lru_cache(maxsize=1)
def precedence() -> dict[str, tuple[str, ...]]:
    """field -> the rules of its sources, strongest first (identity_sources.tsv)."""
    out: dict[str, list[str]] = {}
    for row in read_tsv("identity_sources.tsv"):
        out.setdefault(row["field"], []).append(row["rule"])
    return {k: tuple(v) for k, v in out.items()}


def _first(field_name: str, sources: Sources):
    for rule in precedence()[field_name]:
        found = SOURCES[rule](sources)
        if found:
            return found
    return None


def _number_disagreements(doc: Document) -> list[str]:
    """Places that give the own number differently: the stronger one is kept."""
    numbers = _layout(doc).numbers
    if len({n.value for n in numbers}) <= 1:
        return []
    order = precedence()["number"]
    ranked = sorted(numbers, key=lambda n: order.index(n.rule))
    return [f"number: {ranked[0].rule} says {ranked[0].value}, {n.rule} {n.value}; kept the first"
            for n in ranked[1:] if n.value != ranked[0].value]


def _nonblank_heading_lines(lines):
    """(span, stripped text, blank line before it) of the first non-blank
    lines; an order's number split over two lines (广州市人民政府令 / 第179号)
    comes as one."""
    nonblank = []
    blank_before = True
    for span, line in lines:
        if not line.strip():
            blank_before = True
            continue
        span, text = _strip_span(span, line)
        nonblank.append((span, text, blank_before))
        blank_before = False
        if len(nonblank) > MAX_HEADING_LINES:
            break
    i = 0
    while i < min(len(nonblank), MAX_HEADING_LINES):
        span, text, blank_before = nonblank[i]
        if i + 1 < len(nonblank) and text.endswith("令") and phrase_pattern("order_seq_line").match(nonblank[i + 1][1]):
            nxt_span, nxt_text, _ = nonblank[i + 1]
            yield Span(span.start, nxt_span.end), text + nxt_text, blank_before
            i += 2
            continue
        yield span, text, blank_before
        i += 1


def _heading_line_kind(text: str, heading: Heading, context) -> tuple[str, Union[DocNumber, list[AgencyRef], None]]:
    """What a heading line is: number, addressee (ends the heading),
    adoption, issuer, title, or end (the body has begun)."""
    number = _as_number(text)
    if number is not None:
        return "number", number
    if any(p.match(text) for p in _header_elements()):
        return "header", None     # 份号, 密级, 紧急程度, 签发人 … (GB/T 9704): none of them a title
    if heading.title_parts and not heading.title_open() and display_title(text) == heading.title():
        return "repeat", None      # a page shows its title twice (metadata, then the heading)
    if text.endswith(("：", ":")) and not any(p.match(text) for p in _body_openers()) and "。" not in text \
            and not ADDRESSEE_NEVER.search(text):
        # 各县(区)人民政府: — not 根据《X》…，现将名单公布如下:, nor a 解读's opening
        # 2017年5月5日,县政府办公室出台了《…》(…),现就有关政策情况解读如下:
        return "addressee", None
    if text.endswith(("：", ":")):
        return "end", None      # 株洲市人民政府决定对《X》(…)修改如下: announces the body; no title ends in a colon
    if phrase_pattern("adoption_line").match(text) or phrase_pattern("adoption_note").match(text):
        return "adoption", None     # a history line, or the bracketed note that holds all of it
    title_open = heading.title_open()
    agencies = _as_agencies(text, context)
    if agencies and (not heading.title_parts or not title_open):
        return "issuer", agencies
    if heading.title_parts and not title_open:
        return "end", None
    if any(p.match(text) for p in _body_openers()) or len(text) > LONG_LINE or text.endswith(SENTENCE_ENDS):
        return "end", None      # a title has no closing punctuation (GB/T 9704)
    if parse_date(text) is not None or phrase_pattern("signing_official").match(re.sub(r"\s+", "", text)):
        return "end", None
    return "title", None


def _read_heading(doc: Document, lines, context) -> Heading:
    heading = Heading()
    for span, text, blank_before in _nonblank_heading_lines(lines):
        kind, value = _heading_line_kind(text, heading, context)
        if kind == "end":
            break
        heading.end = span.end
        if kind == "addressee":
            break
        if kind == "number" and isinstance(value, DocNumber):
            rule = "identity.number-order" if value.is_order else "identity.number-line"
            heading.number = heading.number or Found(value, rule, span)
        elif kind == "adoption":
            heading.adoption_lines.append((span, text))
        elif kind == "issuer" and isinstance(value, list):
            heading.issuer_lines.append((span, value))
        elif kind == "title":
            if _starts_a_title(heading, text):
                heading.title_parts = []     # what came before was navigation (涉企惠企政策专栏)
            if (not heading.title_parts and heading.issuer_lines and not blank_before
                    and text.startswith("关于")):
                # 威海市环翠区人民政府办公室 / 关于……: the issuer line opens the title
                issuer_span = heading.issuer_lines[-1][0]
                heading.title_parts.append((issuer_span, doc.view[issuer_span.start:issuer_span.end]))
            heading.title_parts.append((span, text))
    return heading


def _starts_a_title(heading: Heading, text: str) -> bool:
    """A line that is a whole 关于… title of its own after an open title
    without 关于: the lines before it were not part of the title."""
    return (bool(heading.title_parts) and heading.title_open() and "关于" not in heading.title()
            and "关于" in text and document_type(display_title(text)) is not None)


# --- sources of each field, in order of how directly the text gives it ---

def _is_title(text: str) -> bool:
    """At least a few Chinese characters: a line of one letter (an HTML page's
    <title>x</title>) names no document."""
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff") >= MIN_TITLE_CHARS


def _layout_title(rule: str):
    def read(s: Sources) -> Optional[Found]:
        title = _layout(s.doc).title
        if title is None or title.rule != rule or not _is_title(title.value):
            return None
        return Found(title.value, title.rule, title.span)
    return read


def _portal_title(s: Sources) -> Optional[Found]:
    """The portal's 标题, else its 内容概述 where that is a document's title
    (江苏 portals: 内容概述 | 2022年度拟补贴…项目(第一批)公示), not a summary
    of the body (内容概述: 旗民政局: 为进一步加强…)."""
    field_ = s.doc.portal_value("title")
    if field_ is not None and _is_title(field_.value):
        return Found(clean_title(field_.value), "identity.title-portal", field_.span)
    field_ = s.doc.portal_value("summary")
    if field_ is None or HEADING_ENDS_BEFORE.search(field_.value) or ":" in field_.value or "：" in field_.value:
        return None
    tail = phrase_pattern("title_tail_number").fullmatch(field_.value.strip())    # …的通知(锡新民卫发〔2026〕2号)
    title = clean_title(tail.group("title") if tail else field_.value)
    return Found(title, "identity.title-portal", field_.span) if _is_title(title) and document_type(title) else None


def _layout_number(rule: str):
    def read(s: Sources) -> Optional[Found]:
        found = _layout(s.doc).number_from(rule)
        number = _as_number(found.value) if found else None
        if found is None or number is None or _cited_above(s.doc.view, number, found.span.start):
            return None
        return Found(number, rule, found.span)
    return read


def _cited_above(view: str, number: DocNumber, at: int) -> bool:
    """Whether the text above a heading's number cites that number after a
    title (现将自治区人民政府《关于同意…的批复》(新政函〔2009〕21号)转发你县): the
    heading below is the forwarded document's, printed after the notice that
    forwards it, not the page's own."""
    return any(m.number == number and view[:m.span.start].rstrip("（( ").endswith("》")
               for m in find_numbers(view[:at], find_code_start))


def _portal_number(s: Sources) -> Optional[Found]:
    """The portal's 文号 field, except on an interpretation (…的政策解读,
    【负责人解读】…解读《…规划》), whose field gives the number of the
    document it explains (杭州 民政局's 解读; 黄山 教育局's)."""
    if s.title is not None and is_interpretation(s.title.value):
        return None
    return _layout_number("identity.number-portal")(s)


def _heading_issuers(s: Sources) -> list[Found]:
    """The organ line above the title (a line of organs right under a title
    without a colon is its addressee, not its issuer)."""
    if s.title is None:
        return []       # an organ line over no title is a site's banner (天津市南开区人民政府 / 2019年12月3日星期二)
    lines = [(span, agencies) for span, agencies in s.heading.issuer_lines if span.start <= s.title.span.start]
    block = lines[:1]
    for span, agencies in lines[1:]:
        if s.doc.view[block[-1][0].end:span.start].strip():
            break
        block.append((span, agencies))      # joint organs a line each (中共吴起县委办公室 / 吴起县人民政府办公室)
    return [Found(a, "identity.issuer-heading", span) for span, agencies in block for a in agencies]


def _database_line_issuers(s: Sources) -> list[Found]:
    """The organ a law database prints between the title and its repeat: its
    发布部门, by the organ's name, not the office that signed (东莞市人民政府
    over a notice signed 东莞市人民政府办公室), so it comes after the signature."""
    if s.title is None:
        return []
    lines = [(span, agencies) for span, agencies in s.heading.issuer_lines
             if span.start > s.title.span.start and _title_repeated_after(s.doc.view, span.end, s.title.value)]
    return [Found(a, "identity.issuer-database-line", span) for span, agencies in lines[:1] for a in agencies]


def _title_repeated_after(view: str, at: int, title: str) -> bool:
    """Whether the next line after ``at`` opens with the title again: law
    databases print title / issuing organ / title (法律资料网: 厦门市…管理规定 /
    福建省厦门市人民政府 / 厦门市…管理规定), where the organ line is the
    issuer's. An organ line under the title followed by the body is its
    addressee with the colon lost (相关乡镇人民政府,城区街道办事处 / 根据…)."""
    core = TITLE_YEAR_NOTE.sub("", title)
    rest = view[at:].lstrip()
    return len(core) >= MIN_TITLE_CHARS and rest.startswith(core)


TITLE_YEAR_NOTE = re.compile(r"[(（]\d{4}年?[)）]$")   # a law site's (2002年) after a rule's name


def _signature_issuers(s: Sources) -> list[Found]:
    return [Found(a, "identity.issuer-signature", s.signature[0]) for a in s.signature[1]] if s.signature else []


def _signature_date(s: Sources) -> Optional[Found]:
    if s.signature and s.signature[2] is not None:
        return Found(s.signature[2][0], "identity.date-signature", s.signature[2][1])
    return None


def _portal_document_date(s: Sources) -> Optional[Found]:
    return _portal_date(s.doc, "date_document", "identity.date-portal")


def _portal_date(doc: Document, name: str, rule: str) -> Optional[Found]:
    """A portal's date field (``field_date``); of several, the earliest: a
    repost's own stamp comes after the date the document was published
    (上海 公积金's 补充通知 on a law site: 发布时间:2023-04-10 over 发布日期:2018年06月20)."""
    dated = [(value, field_) for field_ in doc.portal if field_.field == name
             for value in [field_date(field_.value)] if value]
    if not dated:
        return None
    value, field_ = min(dated, key=lambda d: d[0])
    return Found(value, rule, field_.span)


def _history_publication(doc: Document, history: list[tuple[Span, str]]) -> Optional[Found]:
    """The day a regulation's history says the order or announcement that
    published its text did (2014年2月21日 中华人民共和国国务院令第649号公布)."""
    for span, text in reversed(history):
        if phrase_pattern("history_promulgation").match(text):
            first = next(find_dates(doc.view, span.start, span.end), None)
            if first:
                return Found(first[0], "identity.date-publication-history", first[1])
    return None


def _publication_date(doc: Document, document_date: Optional[Found], issuers: list[Found],
                      context: Optional[AreaRef], title: Optional[Found] = None) -> Optional[Found]:
    """The portal's 发布日期; not where it comes long after the document's own
    date (a mirror or repost shows the day it copied the page), nor where
    another place's organ posted it."""
    found = _portal_date(doc, "date_publication", "identity.date-publication-portal")
    if found is None and title is not None and (document_type(title.value) is None
                                                 or phrase_pattern("first_person_headline").match(title.value)):
        # a news item (a headline, no document's title) carried from a paper or another site is
        # published on the day the site posted it (来源:宁夏日报 发布时间:2020-01-27; 来源:西宁晚报 日期:…)
        found = _portal_date(doc, "date_posted", "identity.date-posted-news")
    if found and document_date and (found.value - document_date.value).days > REPOST_AFTER_DAYS:
        return None
    if found and _posted_by_another_place(doc, issuers, context):
        return None
    return found


def _posted_by_another_place(doc: Document, issuers: list[Found], context: Optional[AreaRef]) -> bool:
    """The page's 来源 or 录入 names an organ of an area no issuer is of: a
    site that reposts another's document (南通市民政局 posting 江苏省民政厅's
    notice, 雁江区民政局 a notice of 资阳's four organs), whose 发布时间 is
    the day it posted its copy."""
    for name in ("source", "aggregator"):
        field_ = doc.portal_value(name)
        poster = parse_agency_strict(field_.value.strip(), context) if field_ else None
        if poster is not None:
            return bool(issuers) and all(i.value.area.code != poster.area.code for i in issuers)
    return False


def _adoption_date(s: Sources) -> Optional[Found]:
    """A law's latest adoption or revision date (not that of a line that
    gives only its entry into force: 2010年1月1日 施行)."""
    dates = [d for span, text in s.heading.adoption_lines if not phrase_pattern("history_in_force").match(text)
             for d in find_dates(s.doc.view, span.start, span.end)
             if not phrase_pattern("in_force_after_date").match(s.doc.view, d[1].end)]
    if not dates:
        return None
    latest = max(dates, key=lambda d: d[0])
    return Found(latest[0], "identity.date-adoption", latest[1])


def _closing_date(s: Sources) -> Optional[Found]:
    """A date on a line of its own after the body, with no organ above it
    (a reply or notice whose signature line was lost or never written); not
    a page's timestamp (2024-04-30 16:20:22)."""
    for span, line in reversed(s.lines):
        text = line.strip()
        if span.start < s.heading.end:
            return None
        value = parse_signing_date(text) if text and not CLOCK_TIME.search(text) else None
        if value is not None:
            found_span, _ = _strip_span(span, line)
            return Found(value, "identity.date-closing", found_span)
    return None


def _heading_date(s: Sources) -> Optional[Found]:
    """The date in brackets on a line of its own in the heading, under the
    title or the number, as documents are published (湖州 市委 市政府's
    实施意见: (2018年7月2日); 海南 办公厅's; 深圳 办公厅's)."""
    head_start = _layout(s.doc).head_start or 0
    for span, line in s.lines:
        text = line.strip()
        if span.start < head_start or not text:
            continue
        m = phrase_pattern("heading_date_line").fullmatch(text)
        written = (m.group("date") or m.group("dated")) if m else None
        value = parse_date(written) if written else None
        if written and value:
            start = span.start + line.index(written)
            return Found(value, "identity.date-heading", Span(start, start + len(written)))
        if text.endswith((":", "：")) or len(text) > LONG_LINE or text.endswith(SENTENCE_ENDS):
            return None     # the addressees or the body: the heading is over
    return None


def _abstract_date(s: Sources) -> Optional[Found]:
    """The date between an abstract's opening number and its addressees, as a
    gazette prints the heading run together (赣府厅字[2018]87号2018年9月18日各市、
    县(区)人民政府…:)."""
    for span, line in s.lines[:MAX_HEADING_LINES * 2]:
        m = phrase_pattern("number_then_addressees").match(line)
        if m and m.group("date") and (value := parse_date(re.sub(r"\s+", "", m.group("date")))) is not None:
            return Found(value, "identity.date-abstract", Span(span.start + m.start("date"), span.start + m.end("date")))
    return None


def _delivered_date(s: Sources) -> Optional[Found]:
    """A report's delivery line: ——2014年9月24日在北京市第十四届人民代表大会常务委员会第十三次会议上."""
    for span, line in s.lines[:MAX_HEADING_LINES * 2]:
        m = phrase_pattern("delivered_line").match(line.strip())
        if m:
            value = parse_date(m.group("date"))
            if value:
                start = span.start + line.index(m.group("date"))
                return Found(value, "identity.date-delivered", Span(start, start + len(m.group("date"))))
    return None


def _date_disagreements(date: Optional[Found], doc: Document) -> list[str]:
    portal = _portal_date(doc, "date_document", "identity.date-portal")
    if date and portal and date.rule != portal.rule and portal.value != date.value:
        return [f"date: the signature says {date.value}, the portal's 成文日期 {portal.value}; kept the signature"]
    return []


def _context_area(doc: Document, lines) -> Optional[AreaRef]:
    """A first guess at the document's area, to read short agency names
    (区民政局) and issuer codes: from the title's issuer, the portal's
    publisher or source, a number line's issuer code or the area a heading
    line starts with, else the first area the text names in full (a page cut
    before its heading)."""
    return (_title_area(doc) or _portal_area(doc) or _heading_area(doc, lines) or _title_subject_area(doc)
            or _first_named_area(doc, lines) or _central_subject(lines) or _lead_subject(doc, lines))


LEAD_LINES = 10         # a news item's lead stands within its first lines
LEAD_CLAUSE_BREAK = re.compile(r"[，,。；;：:！!？?\s]+")
RECENT = ("近日", "日前", "近期", "最近")       # a news lead's time: what the organs did is the news
NEWS_DAY = re.compile(r"\d{1,2}月\d{1,2}日")     # …or its day without a year (a reply's 2019年7月 recounts)


def _central_subject(lines) -> Optional[AreaRef]:
    """A news item on a central organ's document, whose lead makes the
    organs its subject (民政部、自然资源部近日联合印发《…》; 全国老龄工作委员会近日
    印发通知; 近日,民政部、公安部、市场监管总局、中国银保监会印发文件): the nation,
    where no area placed the page. Every organ named must be a central one
    (省民政厅、省财政厅近日联合印发 is a province's news, and its own)."""
    gaz = gazetteer()
    pattern = phrase_pattern("central_issuing")
    for _, line in [(s, t) for s, t in lines if t.strip()][:LEAD_LINES]:
        before = ""
        for clause in LEAD_CLAUSE_BREAK.split(line):
            m = pattern.match(clause)
            if (m and (m.group("recent") or before in RECENT or NEWS_DAY.fullmatch(before)) and all(
                    _is_central(organ) for organ in m.group("organs").split("、"))):
                return gaz.nation
            before = clause
    return None


def _lead_subject(doc: Document, lines) -> Optional[AreaRef]:
    """A news lead whose clause opens with a place named in full, as its
    subject (近年来, 正阳县不断完善社会救助工作机制; 近期,…,德州市武城县各部门、
    各行业领域充分发挥行业力量): that place, where nothing else placed the
    page, when an organ of it or what a subject does follows its name
    (lead_subject_predicate). A place after a verb (活动在桂平市举行) or in short
    (香港长者…) is none, nor the first of a list (天津市南开区等61个市(区)), an
    institution (甘南县医院入选), a medium or a dateline (福州日报, 德州报道), or
    an addressee line."""
    head_start = _layout(doc).head_start or 0
    gaz = gazetteer()
    lead = [t.strip() for s, t in lines if t.strip() and s.start >= head_start][:LEAD_LINES]
    for line in lead:
        if line.startswith("各") or line.endswith((":", "：")):
            continue
        for clause in LEAD_CLAUSE_BREAK.split(line):
            opening = gaz.opening_full_name(clause)
            if opening is None:
                continue
            end, area = opening
            if organ_word_at(clause, end) or phrase_pattern("lead_subject_predicate").match(clause, end):
                return area
    return None


def _is_central(name: str) -> bool:
    agency = parse_agency_strict(name)
    return agency is not None and agency.area.code == gazetteer().nation.code


def _title_area(doc: Document) -> Optional[AreaRef]:
    """The area the title's issuer names (常山县人民政府办公室关于…): stronger
    than an issuer code's initial, which several areas share."""
    title = _layout(doc).title
    if title is None:
        return None
    return _opening_area(re.sub(r"^(?:中共|中国共产党)", "", title.value.lstrip("《〈“\"")))


def _title_subject_area(doc: Document) -> Optional[AreaRef]:
    """A document's title that names no issuer but its subject's place right
    after 关于 (关于泽库县2023年第二批…资金分配计划的公告; 关于印发《托里县…实施方案》
    的通知): that place, named in full, before a province its text cites
    (根据青海省财政厅《…》) or a site that reposts it."""
    title = _layout(doc).title
    if title is None or document_type(title.value) is None:
        return None
    m = phrase_pattern("title_subject_place").match(title.value)
    found = gazetteer().opening_full_name(title.value[m.end():]) if m else None
    return found[1] if found else None


def _opening_area(text: str) -> Optional[AreaRef]:
    """The area a heading line opens with (常山县人民政府办公室关于…, 武进区礼嘉镇开展…);
    a line that opens with 全国 as a word is of the place it names after it
    (全国示范性…名单公布 甘肃省19个社区上榜: a nationwide event, a province's news),
    if any: only an organ after it (全国老龄工作委员会) makes it the nation's."""
    chain = gazetteer().split_area_prefix(text, None)
    if not chain:
        return None
    area = chain[-1][1]
    if area.code == gazetteer().nation.code and _names_the_nation_as_a_word(text):
        return next((a for a in gazetteer().named_in_full(text) if a.code != area.code), None)
    return area


def _names_the_nation_as_a_word(text: str) -> bool:
    """全国示范性…名单公布 (全国 before no organ), 中国青年网石家庄4月27日电 (a national
    news medium's byline): the nation's name as a word of the line, not its area."""
    return ((text.startswith(NATIONWIDE) and not _opens_with_organ(text))
            or bool(phrase_pattern("national_medium").match(text)))


NATIONWIDE = "全国"


def _opens_with_organ(text: str) -> bool:
    """全国老龄工作委员会关于…, 全国人民代表大会常务委员会: the title opens with an organ."""
    return any(parse_agency_strict(text[:end]) is not None for end in range(len(text), 2, -1))


def _portal_area(doc: Document) -> Optional[AreaRef]:
    """The area the portal's publisher, source or owner names (发布机构：明山区人民政府,
    主办单位：双台子区人民政府), else the area of the credit code its 索引号 opens
    with; a publisher named by its level alone (来源:区民政局,
    发布单位:县民政局) is of the first area of that level the page names in full
    (…在芦淞区人民政府门户网上进行公示)."""
    fields = [f for f in (doc.portal_value(name) for name in ("issuer", "source", "site_owner")) if f]
    for field_ in fields:
        if organ_of_form(field_.value.strip()):
            continue        # 发布机构:公安局 — an organ by its kind, not 公安县's 局
        chain = gazetteer().split_area_prefix(field_.value, None)
        if chain and _names_its_area(field_.value, chain[-1][0], chain[-1][1]):
            return chain[-1][1]
    registered = _registration_area(doc)
    if registered is not None:
        return registered
    for field_ in fields:
        m = phrase_pattern("level_named_organ").fullmatch(field_.value.strip())
        found = gazetteer().first_at_level(doc.view, OWN_LEVELS[m.group("level")]) if m else None
        if found:
            return found[1]
    return None


def _names_its_area(value: str, end: int, area: AreaRef) -> bool:
    """A county named without its 县 in a publisher's field names it only before
    its government's words (来源:临湘政府网); else the field's words merely open
    with its name (新疆 文旅厅's 发文机关 资源开发处: 资源 is a county of 广西). A
    province or city goes by its short name (广西, 长沙)."""
    return (area.level not in ("county", "township") or value[:end].endswith(name_endings("area"))
            or bool(GOVERNMENT_WORDS.match(value, end)))


GOVERNMENT_WORDS = re.compile(r"(?:人民)?政府|县委|市委|区委|党委")


def _registration_area(doc: Document) -> Optional[AreaRef]:
    """The area of the publishing organ's 统一社会信用代码 (GB 32100-2015), with
    which many portals open the 索引号: 11 (an organ of state) or 12 (a public
    institution), then the code of the area it is registered in
    (1114058101245507XU361/2023-00319: 140581, 高平市). A code the current
    GB/T 2260 no longer holds (大丰市's 320982) places nothing, nor one that
    no place the page names holds or lies in."""
    field_ = doc.portal_value("index_number")
    m = phrase_pattern("credit_code_index").match(field_.value.strip()) if field_ else None
    if m is None:
        return None
    gaz = gazetteer()
    area = gaz.by_code.get(m.group("area"))
    if area is None or area.level not in ("county", "city", "province"):
        return None
    # a registration the page's own places contradict is not trusted (宣城's 示范区 registered under 池州's code)
    named = gaz.named_in_full(doc.view)
    agrees = not named or any(gaz.is_within(area.code, n.code) or gaz.is_within(n.code, area.code) for n in named)
    return area if agrees else None


def _first_named_area(doc: Document, lines) -> Optional[AreaRef]:
    """A heading that names its own level (关于县政协…第166号提案答复的函), or a
    text that speaks of itself so (推动我省养老托育服务业…): the first area of
    that level the text names; else the first area the text names as an organ's;
    else, where it names organs by level alone (省民政厅), the first area of that level."""
    body = "\n".join(line for _, line in lines)
    own_clause = _own_area_clause(body)
    if own_clause is not None:
        return own_clause
    if phrase_pattern("national_addressees").search(body):
        return gazetteer().nation      # 各省、自治区、直辖市…: a central organ's addressees
    heading = "\n".join(line for _, line in lines[:3])
    own_level = (phrase_pattern("own_level").search(heading) or phrase_pattern("self_level").search(body)
                 or phrase_pattern("session_level").search(body))
    found = None
    if own_level:
        levels = OWN_LEVELS[own_level.group("level")]
        # 我省 holds the places it names; 我市 may be a county-level city or the city that holds it
        found = ((_holding_named_after(body, own_level.end(), levels) if levels == PROVINCE_ONLY else None)
                 or _own_title_after_self(body, levels, gazetteer().first_at_level(body, levels)))
    found = found or gazetteer().first_organ_area(body)
    if found is None and (level := _level_of_organs_named(body)):
        # the addressees (各区、市人民政府，青岛西海岸新区管委) name the areas below, not the page's
        found = (gazetteer().first_at_level(_without_addressee_lines(body), OWN_LEVELS[level])
                 or _holding_first_named(_without_addressee_lines(body), level))
    if found and found[1].level == "province" and not found[1].name.endswith(MUNICIPALITY) \
            and _calls_itself_below(heading, body, found[1]):
        return None     # 区政府…的政策解读 that names no district: no 浙江省 whose rule it cites
    return found[1] if found else None


MUNICIPALITY = "市"      # a municipality's districts call themselves 区 (上海 普陀区's 我区)
SELF_WORDS = ("我", "本")


def _calls_itself_below(heading: str, body: str, province: AreaRef) -> bool:
    """The page calls itself a district, county or city (区政府… in its
    title; 我区, 我县 in its text) by a word the province's name does not end
    in (a 自治区 says 我区 of itself; 浙江省 does not)."""
    pattern = phrase_pattern("self_below_province")
    # the heading's organ by its level word (区政府…); in the text only 我区, 本县 (a rule's articles open
    # with 县人民政府 of the counties it binds)
    words = {m.group("level") for m in pattern.finditer(heading)} | {
        m.group("level") for m in pattern.finditer(body) if m.group(0).startswith(SELF_WORDS)}
    return bool(words) and not any(province.name.endswith(w) for w in words)


def _own_area_clause(body: str) -> Optional[AreaRef]:
    """The area a document's production clause names as its own (结合瑞丽市实际，
    特制定本实施细则; 结合梁河县实际; 结合汉中市实际): named in full."""
    for m in phrase_pattern("own_area_clause").finditer(body):
        ref = gazetteer().resolve_name(m.group("area"), None)
        if ref is not None:
            return ref
    return None


def _holding_named_after(body: str, end: int, levels: tuple[str, ...]) -> Optional[tuple[int, AreaRef]]:
    """我省运城市稷山县、晋中市介休市在列; 我省拟推荐成都市武侯区玉林街道…: the
    area of the text's own level that holds the first place its sentence names
    below that level after 我省 (山西省, though the text names no province in
    full but another one, 山东省)."""
    gaz = gazetteer()
    sentence = SENTENCE_END.split(body[end:end + SELF_SENTENCE_CHARS], maxsplit=1)[0]
    for place in gaz.named_in_full(sentence):
        chain = gaz.chain(place.code)
        holder = next((a for a in chain[:-1] for level in levels
                       if a.level == level or (level == "municipality" and gaz.is_municipality(a))), None)
        if holder is not None:
            return end, holder
    return None


def _own_title_after_self(body: str, levels: tuple[str, ...],
                          first: Optional[tuple[int, AreaRef]]) -> Optional[tuple[int, AreaRef]]:
    """我市只对百岁以上老人…,根据《天门市老年优待实施办法》; 我市出台《义乌市民政局
    义乌市财政局关于印发…》: a document the sentence after 我市 or 我县 calls the
    text's own area's is titled with that area, where the first city the text
    names (``first``: 武汉市 as the province's pilot, 金华市's notice) may be
    another's. A place within that area stays (我区…结合我市实际…制定了《常州市…》
    in a 钟楼区 news item)."""
    gaz = gazetteer()
    own = _self_titled_area(body, levels)
    if own is None or (first is not None and gaz.is_within(first[1].code, own[1].code)):
        return first
    return own


def _self_titled_area(body: str, levels: tuple[str, ...]) -> Optional[tuple[int, AreaRef]]:
    gaz = gazetteer()
    for self_ref in phrase_pattern("self_level").finditer(body):
        if OWN_LEVELS[self_ref.group("level")] != levels:
            continue
        sentence = SENTENCE_END.split(body[self_ref.end():self_ref.end() + SELF_SENTENCE_CHARS], maxsplit=1)[0]
        for title in TITLE_OPENING.finditer(sentence):
            chain = gaz.split_area_prefix(title.group(1), None)
            if chain and chain[-1][1].level in levels:
                return self_ref.start(), chain[-1][1]
    return None


TITLE_OPENING = re.compile(r"《([^《》]{2,})")
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
PROVINCE_ONLY = ("province",)
SELF_SENTENCE_CHARS = 120       # the sentence that says 我省 names its places soon after


HOLDING_LEVELS = {"省": ("province",), "自治区": ("province",), "市": ("municipality", "city")}


def _holding_first_named(body: str, level: str) -> Optional[tuple[int, AreaRef]]:
    """The area of that level that holds the first area the text names in
    full: a 民政厅's 公示 that names only its cities (省政府办公厅 … 拟推荐南京市、
    连云港市…) is of their province."""
    named = gazetteer().named_in_full(body)
    chain = gazetteer().chain(named[0].code) if named else []
    gaz = gazetteer()
    return next(((0, a) for a in chain for wanted in HOLDING_LEVELS.get(level, ())
                 if a.level == wanted or (wanted == "municipality" and gaz.is_municipality(a))), None)


LEVEL_ORDER = ("县", "市", "省", "自治区")      # the lowest level first


def _level_of_organs_named(body: str) -> Optional[str]:
    """A page that names organs by their level alone (省司法厅, 省人大常委会 in a
    贵州 news item; 自治区民政厅 in a 宁夏 one; 市民政局 beside 省财政 in a 三亚
    one) is of the lowest such level; addressee lines (各地、州、市卫生健康委)
    name the levels below, not the page's own; a level word that ends an
    area's name (山西省人民政府办公厅) names no organ by level alone."""
    text = _without_addressee_lines(body)
    levels = {m.group("level") for m in _level_organ_pattern().finditer(text) if not _ends_a_name(text, m.end("level"))}
    return next((level for level in LEVEL_ORDER if level in levels), None)


def _ends_a_name(text: str, end: int) -> bool:
    """Whether an area's full name ends at ``end`` (山西省, 朔州市)."""
    names = gazetteer().by_name
    return any(text[start:end] in names for start in range(max(0, end - gazetteer().max_name_length), end - 1))


def _without_addressee_lines(body: str) -> str:
    return "\n".join(line for line in body.split("\n") if not line.lstrip().startswith("各"))


@lru_cache(maxsize=1)
def _level_organ_pattern() -> re.Pattern:
    """A level word and an organ's form with an organ's ending (省民政厅, 市政府;
    not 县规划 in 市县规划, a pair of levels)."""
    forms = sorted({form for form, _ in organ_forms() if "{" not in form and form.endswith(_organ_endings())},
                   key=len, reverse=True)
    return re.compile(r"(?<![各全外本省市县区])(?P<level>自治区|省|市|县)(?:" + "|".join(map(re.escape, forms)) + ")")


def _heading_area(doc: Document, lines) -> Optional[AreaRef]:
    gaz = gazetteer()
    previous = ""
    for span, line in lines[:MAX_HEADING_LINES * 2]:
        above, previous = previous, (line.strip() or previous)      # the last line with text
        number = _as_number(line.strip())
        if number is not None and number.code:
            code = resolve_code(number.code)
            if code and not _disagrees_with_named(doc, code.agency.area):
                return code.agency.area
        text = line.strip().lstrip("《〈“\"")
        chain = gaz.split_area_prefix(text, None)
        opening = _opening_area(text) if chain else None
        if opening and opening.code == gaz.nation.code and _cites_rather_than_heads(line.strip()):
            continue    # a national law or journal cited on a line of its own makes no page the nation's
        short = opening is not None and opening.level == "county" and text[chain[-1][0] - 1] not in FULL_NAME_ENDINGS
        if short and line.strip().startswith(("“", '"')):
            continue    # words in quotes that start like a county's short name (“安居守护”, “新建改造…”)
        if short and _broken_heading_above(above):
            continue    # 关于…衔接推进乡村 / 振兴补助资金…: a heading broken mid-word, not 振兴区's
        if opening and not phrase_pattern("medium_after_place").match(text, chain[-1][0]):
            return opening     # not a news medium named by its place (天山网讯, 四川在线泸州频道)
    portal_title = doc.portal_value("title")
    if portal_title:
        chain = gaz.split_area_prefix(portal_title.value, None)
        if chain:
            return chain[-1][1]
    return None


def _broken_heading_above(above: str) -> bool:
    """The line above opens a heading (关于…) and stops mid-phrase, with no
    document type, punctuation or date at its end: the line under it goes on
    with it."""
    return (above.startswith("关于") and document_type(above) is None and not above.endswith(SENTENCE_ENDS)
            and bool(re.search(r"[\u4e00-\u9fff]$", above)))


def _cites_rather_than_heads(line: str) -> bool:
    """A line in book-title marks that is no heading: a list of the laws a
    解读 rests on (《中华人民共和国老年人权益保障法》《防范和处置非法集资条例》…),
    a journal's name under 出处 (《中国民政》). A heading so written is one
    document's title and nothing after it (《哈尔滨市优待老年人的规定》).
    (A local title cited so, 《虹口区养老设施布局专项规划》(公示稿)提炼了…, is
    most often the page's own area's, and is still read.)"""
    m = re.fullmatch(r"[《〈](?P<title>[^《》〈〉]+)[》〉](?P<rest>.*)", line)
    return m is not None and (bool(m.group("rest").strip()) or document_type(m.group("title")) is None)


def _title_issuers(s: Sources) -> list[Found]:
    title = s.title
    if title is None:
        return []
    names = [part for name in issuer_prefix(title.value) for part in _glued_organs(name, s.context)]
    # before 关于 the genre names issuers: an organ of that shape no table holds is one
    # (吉林省市场监督管理厅, 蒙自市文化体育旅游和广播电视局)
    agencies = [parse_issuer(n, s.context) or parse_unlisted_organ(n, s.context) for n in names]
    if not names or not all(agencies):
        return []
    return [Found(a, "identity.issuer-title", title.span) for a in agencies]


def _glued_organs(name: str, context: Optional[AreaRef]) -> list[str]:
    """Organs written without a separator (宁波市财政局宁波金融监管局; 民政部财政部):
    cut after an organ's last character where a place name or another organ
    begins, when the whole is no organ of its own."""
    if parse_issuer(name, context):
        return [name]
    gaz = gazetteer()
    for i in range(2, len(name) - 2):
        if name[i - 1] in ORGAN_ENDINGS and parse_issuer(name[:i], context) and (
                gaz.split_area_prefix(name[i:], None) or parse_issuer(name[i:], context)):
            return [name[:i]] + _glued_organs(name[i:], context)
    return [name]


def _signing_line(line: str, context) -> Optional[list[AgencyRef]]:
    """A line of a joint signature: its organs, where every name on it has an
    organ's ending and at least one is an organ the tables know (a vertical
    organ no table holds, 国家金融监督管理总局常州监管分局, does not end the
    signature of the eighteen organs around it)."""
    found = _as_agencies(line, context)
    if found:
        return found
    parts = [p for p in AGENCY_SEPARATORS.split(line.strip()) if p]
    if not parts or any(len(p) > 30 or not p.endswith(_organ_endings()) for p in parts):
        return None
    known = [a for a in (parse_issuer(p, context) or _placed_unlisted_organ(p) for p in parts) if a]
    return known or None


def _joint_signing_line(line: str, context) -> Optional[list[AgencyRef]]:
    """The first line of a joint signature, two organs side by side, one of
    which no table holds (达州市教育局  达州市文化体育和旅游局 over six more
    organs and the date): a signature only where the lines under it lead to
    its date, which the caller checks."""
    parts = [p for p in AGENCY_SEPARATORS.split(line.strip()) if p]
    found = _signing_line(line, context) if len(parts) >= 2 else None
    return found if found and len(found) == len(parts) else None


def _placed_unlisted_organ(name: str) -> Optional[AgencyRef]:
    """An organ no table holds, written in full with its place (达州市文化体育和
    旅游局): read by its shape. Not a central one: the State Council's organs are
    all in the tables, and one they miss is a word changed."""
    if not gazetteer().split_area_prefix(name, None):
        return None
    agency = parse_unlisted_organ(name, None)
    return agency if agency and agency.area.level != "national" else None


@lru_cache(maxsize=1)
def _organ_endings() -> tuple[str, ...]:
    return tuple(read_lines("agency_suffixes.txt"))


def _signature(doc: Document, lines, context, after: int):
    """(span, agencies, (date, span) or None) of the first signature after the
    heading: a line of agency names followed, within two lines, by a date line."""
    body = [(s, l) for s, l in lines if s.start >= after and l.strip()]
    for i, (span, line) in enumerate(body):
        agencies = (_as_agencies(line, context) or _unlisted_signing_organ(line, body[i + 1:i + 2])
                    or _joint_signing_line(line, context))
        if not agencies and not phrase_pattern("signing_official").match(re.sub(r"\s+", "", line)):
            continue
        agencies = list(agencies or [])
        for j, (next_span, next_line) in enumerate(body[i + 1:i + 2 + MAX_SIGNING_ORGANS]):
            text = next_line.strip()
            value = parse_signing_date(text)
            if value is not None:
                dspan, _ = _strip_span(next_span, next_line)
                sspan, _ = _strip_span(span, line)
                # a joint document signs one organ a line (民政局 / 财政局 / date), or two
                for more_span, more in body[i + 1:i + 1 + j]:
                    agencies += _signing_line(more, context) or []
                    sspan = Span(sspan.start, _strip_span(more_span, more)[0].end)
                return sspan, agencies, (value, dspan)
            if not _signing_line(next_line, context):
                break
    return _run_in_signature(doc, context, after)


def _unlisted_signing_organ(line: str, below: list) -> Optional[list[AgencyRef]]:
    """An organ no table holds, named in full with its place, that signs on
    the line right above the date (蒙自市文化体育旅游和广播电视局 / 2018年7月16日;
    灞桥区文化和旅游体育局 / 2020年 6月2日): the genre's signature, by its shape."""
    if not below or parse_signing_date(below[0][1].strip()) is None:
        return None
    # 市民政局办公室 alone: the place is not written, the level word would guess it; the State
    # Council's organs are all in the tables: one they miss is a word changed (卫生康健委 in a mirror)
    agency = _placed_unlisted_organ(line.strip())
    return [agency] if agency else None


def _cut_signature_issuers(s: Sources) -> list[Found]:
    if s.signature:
        return []
    found = _cut_signature([(span, line) for span, line in s.lines if span.start >= s.heading.end and line.strip()],
                           s.context)
    return [Found(a, "identity.issuer-signature-cut", found[0]) for a in found[1]] if found else []


def _cut_signature(body, context):
    """A signature at the very end of a page, its date cut off or left to the
    portal's fields: a block of lines of nothing but organs (国家卫生健康委 /
    教育部 / … / 住; 重庆市经济和信息化委员会 alone), after the body. The
    signature has no date then."""
    lines = [(span, line.strip()) for span, line in body]
    if lines and len(lines[-1][1]) <= CUT_FRAGMENT and not _as_agencies(lines[-1][1], None):
        lines = lines[:-1]      # what the cut left of the next organ or of the date
    block: list = []
    for span, line in reversed(lines):
        agencies = _as_agencies(line, context)
        if not agencies:
            break
        block[:0] = [(span, agencies)]
    if not block or len(block) == len(lines):
        return None     # nothing but organs is no body with a signature under it
    return Span(block[0][0].start, block[-1][0].end), [a for _, agencies in block for a in agencies], None


def _run_in_signature(doc: Document, context, after: int):
    """A signature on the last sentence's line, where the page lost its line
    breaks: …应按规定程序报批。 厦门市人民政府 2021年1月12日 (此件主动公开)."""
    found = None
    for m in phrase_pattern("run_in_signature").finditer(doc.view, after):
        agencies = _as_agencies(m.group("organs").strip(), context)
        value = parse_date(m.group("date"))
        if agencies and value is not None:
            found = (Span(m.start("organs"), m.end("organs")), list(agencies),
                     (value, Span(m.start("date"), m.end("date"))))
    return found or _glued_signature(doc, context, after)


def _glued_signature(doc: Document, context, after: int):
    """A signature glued to what precedes it, where an aggregator's copy lost
    every space and break (…分配表莆田市秀屿区民政局莆田市秀屿区财政局2022年2月11日附件…;
    …投诉电话:…,临沂沂河新区社会发展局2022年11月29日。): the longest run of
    organs that ends right at the date, read backwards from it."""
    found = None
    for m in phrase_pattern("glued_signature_date").finditer(doc.view, after):
        value = parse_date(m.group("date"))
        organs = _organs_ending_at(doc.view, m.start("date"), context, max(after, m.start("date") - GLUED_SIGNATURE_REACH))
        if value is not None and organs is not None:
            found = (organs[0], organs[1], (value, Span(m.start("date"), m.end("date"))))
    return found


def _organs_ending_at(view: str, end: int, context, reach_from: int) -> Optional[tuple[Span, list[AgencyRef]]]:
    """The longest run of organs, written with or without separators, that
    ends at ``end`` and starts no earlier than ``reach_from``: its span and
    its organs."""
    for begin in range(max(reach_from, 0), end - 3):
        names = _glued_organs(view[begin:end], context)
        agencies = [a for a in (parse_issuer(n, context) for n in names) if a]
        if agencies and len(agencies) == len(names):
            return Span(begin, end), agencies
    return None


def _issues_attachment(view: str, after: int, issued: Optional[str] = None) -> bool:
    """A promulgation notice signs before the document it issues: the line
    after its signature is that document's title (…管理办法, or the title the
    notice's own title issues: 国办's 关于印发2016年《政府工作报告》量化指标任务
    分工的通知 over its table), and the body goes on."""
    title = ""
    for line in view[after:].split("\n"):
        text = line.strip()
        if ATTACHMENT_LABEL.fullmatch(text):
            return True     # 附件 / 附件1 over the attachment's title (GB/T 9704): the attachment is the document's
        if DISTRIBUTION_NOTE.fullmatch(text) or not text:
            continue        # (此件公开发布) under the signature, over the document a notice issues
        title += text
        if issued and title_key(title) == title_key(issued):
            return True
        if len(title) > LONG_LINE or text.endswith(("：", ":")) or HEADING_ENDS_BEFORE.search(text):
            return False
        if document_type(title) is not None:
            return True
        if len(title) > ATTACHMENT_TITLE_PART:
            return False    # the issued title broken over lines (立山区政府2023年重点工作 / 任务分解和责任分工方案)
    return False


ATTACHMENT_TITLE_PART = 40


ATTACHMENT_LABEL = re.compile(r"附\s*件\s*\d{0,2}\s*[:：]?")
DISTRIBUTION_NOTE = re.compile(r"[（(]\s*(?:此件|本文)[^）)]{0,12}[）)]")     # (此件公开发布); a repost's (本文有删减)


def _adoption_issuers(s: Sources) -> list[Found]:
    for span, text in s.heading.adoption_lines[:1]:
        adopted = _legislature_of(span, text, s.context)
        if adopted is not None:
            return [adopted] + _amending_legislatures(s, adopted)
    # a rule adopted by a government's or a department's meeting (经…部务会议通过,
    # 省人民政府第N次常务会议通过), in any line of its history; else an older regulation's
    # line that names only the organ that published it (1981年4月6日 国务院发布;
    # 2016年7月22日 青岛市人民代表大会常务委员会公告公布)
    for pattern in ("meeting_organ", "history_publishing_organ"):
        for span, text in s.heading.adoption_lines:
            m = phrase_pattern(pattern).search(text)
            agency = parse_issuer(phrase_pattern("session_term").sub("", m.group("organ")), s.context) if m else None
            if m and agency:
                return [Found(agency, "identity.issuer-adoption", Span(span.start + m.start("organ"),
                                                                       span.start + m.end("organ")))]
    return []


def _legislature_of(span: Span, text: str, context: Optional[AreaRef]) -> Optional[Found]:
    """The legislature whose session a history line names (山东省第十三届人民代表大会
    常务委员会第二十五次会议通过 -> 山东省人民代表大会常务委员会)."""
    m = phrase_pattern("adoption_body").search(text)
    where = Span(span.start + m.start(), span.start + m.end()) if m else span
    if not m:
        # a text extracted from a PDF keeps a space where a line wrapped (人民代表大会常务 委员会第三十
        # 四次会议通过: 江西 regulation on a standards site): the note read without it, the line its evidence
        m = phrase_pattern("adoption_body").search(INNER_SPACE.sub("", text))
    if not m:
        return None
    name = phrase_pattern("session_term").sub("", re.sub(r"^.*?日", "", m.group("body")))
    agency = parse_issuer(name, context)
    return Found(agency, "identity.issuer-adoption", where) if agency else None


def _amending_legislatures(s: Sources, adopted: Found) -> list[Found]:
    """A law the 全国人民代表大会 adopted and its 常务委员会 amended (…第十三届全国人民
    代表大会常务委员会第六次会议《关于修改…的决定》第二次修正): the consolidated text is
    both organs'. A session of another area's legislature that approves a
    city's regulation (山东省…常务委员会第十五次会议批准) amends nothing."""
    out: list[Found] = []
    for span, text in s.heading.adoption_lines[1:]:
        if not phrase_pattern("amending_session").search(text):
            continue
        found = _legislature_of(span, text, s.context)
        if (found is not None and found.value.area == adopted.value.area
                and found.value.name not in {f.value.name for f in [adopted, *out]}):
            out.append(found)
    return out


def _portal_issuers(s: Sources) -> list[Found]:
    field_ = s.doc.portal_value("issuer")
    if field_ is None:
        return []
    # 发文机关: 国家卫生健康委 教育部 科技部 …: a joint document's organs in one
    # field. The field says each part is an organ: one of organ shape that no
    # table holds (海南省医疗保险服务中心; 发文机关:长子县融媒体中心) is read by
    # its shape, one of no shape is left out, not the whole list
    parts = [p for p in AGENCY_SEPARATORS.split(field_.value.strip()) if p] or [field_.value]
    agencies = [parse_issuer(p, s.context) or parse_unlisted_organ(p, s.context) or parse_site_organ(p, s.context)
                for p in parts]
    if not any(agencies):
        # 发布机构: 民 政 局: the organ's name spaced out, not a list
        agencies = [parse_site_organ(field_.value, s.context)]
    found = [Found(a, "identity.issuer-portal", field_.span) for a in agencies if a]
    return _reposted_from(s, found) or found


def _reposted_from(s: Sources, published: list[Found]) -> list[Found]:
    """A site that reposts a higher organ's document names itself as its
    发布机构 and that organ as its 来源 (发布机构: 宣城市民政局 / 来源:安徽省民政厅,
    over the province's 皖民养老函 notice): the document is the 来源's, whose
    area holds the publisher's. Organs of one area (a 区政府 publishing its
    民政局's measure) leave the 发布机构 standing."""
    field_ = s.doc.portal_value("source")
    source = parse_agency_strict(field_.value.strip(), s.context) if field_ else None
    if field_ is None or source is None or len(published) != 1:
        return []
    area = published[0].value.area
    if source.area.code == area.code or not gazetteer().is_within(area.code, source.area.code):
        return []
    return [Found(source, "identity.issuer-portal", field_.span)]


def _order_issuers(s: Sources) -> list[Found]:
    """The organ of an order or a legislature's announcement (广州市人民政府令第179号
    -> 广州市人民政府; 营口市人民代表大会常务委员会公告〔十七届〕第28号 -> its 常委会)."""
    number = s.number
    if number is None or not number.value.is_order:
        return []
    organs = phrase_pattern("order_ending").sub("", number.value.code).split(JOINT)
    agencies = [parse_issuer(organ, s.context) for organ in organs]
    # a joint order names each of its organs (国务院、中央军事委员会令)
    return [Found(a, "identity.issuer-order", number.span) for a in agencies if a] if all(agencies) else []


def _report_issuers(s: Sources) -> list[Found]:
    """我受市政府委托，向市人大常委会报告… / 我代表省政府，向本次会议报告…: the
    government a report to a legislature speaks for (北京市人大 page; 浙江省 report)."""
    m = phrase_pattern("report_on_behalf").search(s.doc.view, s.heading.end)
    agency = parse_issuer(m.group("organ"), s.context) if m else None
    if m is None or agency is None:
        return []
    return [Found(agency, "identity.issuer-report", Span(m.start("organ"), m.end("organ")))]


def _compiler_issuers(s: Sources) -> list[Found]:
    """本报告由临沂市财政局按照…编制: the organ an annual disclosure report says
    compiles it, in its opening."""
    m = phrase_pattern("report_compiler").search(s.doc.view[:s.heading.end + COMPILER_REACH])
    organ = m.group("organ") if m else None
    agency = (parse_issuer(organ, s.context) or parse_unlisted_organ(organ, s.context)) if organ else None
    return [Found(agency, "identity.issuer-compiler", Span(m.start("organ"), m.end("organ")))] if m and agency else []


COMPILER_REACH = 300     # the report's first sentence


def _report_subject_issuers(s: Sources) -> list[Found]:
    """2023年,湛江市财政局坚持以…: the organ a year's report opens with as its
    subject, on the first lines of its body."""
    opening = s.doc.view[:s.heading.end + COMPILER_REACH]
    m = re.compile(phrase_pattern("report_subject").pattern, re.M).search(opening, s.heading.end)
    organ = m.group("organ") if m else None
    agency = (parse_issuer(organ, s.context) or parse_unlisted_organ(organ, s.context)) if organ else None
    return [Found(agency, "identity.issuer-report-subject", Span(m.start("organ"), m.end("organ")))] if m and agency else []


SPEAKER_REACH = 3      # the speaker's line stands within the lines under a delivery line (wrapped or not)


def _speaker_issuers(s: Sources) -> list[Found]:
    """A report delivered to a legislature: the organ of the one who delivers it,
    on the line under its delivery line (——2024 年 4 月 28 日在安阳市第十五届人民代表大会 /
    常务委员会第九次会议上 / 安阳市人大社会建设委员会主任委员 李 阳; 北京市人民政府副市长 戴均良)."""
    lines = s.lines[:MAX_HEADING_LINES * 2]
    at = next((k for k, (_, line) in enumerate(lines) if phrase_pattern("delivered_line").match(line.strip())), None)
    if at is None:
        return []
    for span, line in lines[at + 1:at + 1 + SPEAKER_REACH]:
        m = phrase_pattern("speaker_line").match(line.strip())
        if m:
            organ = m.group("organ")
            agency = parse_issuer(organ, s.context) or parse_unlisted_organ(organ, s.context)
            start = span.start + line.index(organ)
            return [Found(agency, "identity.issuer-speaker", Span(start, start + len(organ)))] if agency else []
    return []


def _self_reference_issuers(s: Sources) -> list[Found]:
    """我局草拟了…: the organ of that kind the page names elsewhere, in its
    metadata (来源, 发布机构) or its text (通讯地址：…市民政局福利慈善科)."""
    m = phrase_pattern("self_reference").search(s.doc.view, s.heading.end)
    if m is None:
        return []
    ending = m.group("kind")
    for name in ("source", "issuer"):
        field_ = s.doc.portal_value(name)
        agency = (parse_issuer(field_.value, s.context) or parse_site_owner(field_.value, s.context)
                  if field_ else None)
        if field_ is not None and agency is not None and agency.name.endswith(ending):
            return [Found(agency, "identity.issuer-self-reference", field_.span)]
    from kg.extract.agency_mentions import find_agencies
    # of that kind, the organ of the page's own area (我市出台《义乌市民政局…》 after 金华市民政局's notice)
    kind = [m for m in find_agencies(s.doc, s.context, 0).mentions
            if m.agency.name.endswith(ending) and not m.agency.key.startswith("named:")]
    own = [m for m in kind if s.context is not None and m.agency.area.code == s.context.code]
    for mention in (own or kind)[:1]:
        return [Found(mention.agency, "identity.issuer-self-reference", mention.span)]
    # 已交我办事处研究办理 … 西翥街道办事处范围内: a township's office, which no organ table holds
    for town in phrase_pattern("township_organ").finditer(s.doc.view, s.heading.end):
        agency = parse_township_organ(town.group(0), s.context)
        if agency is not None and agency.name.endswith(ending):
            return [Found(agency, "identity.issuer-self-reference", Span(town.start(), town.end()))]
    return []


def _handling_issuers(s: Sources) -> list[Found]:
    """A reply that names itself only as the organ that answers, opening the
    answer's line (民政部答复: under a 全国政协 提案; 市民政局回复如下: under a
    问政 question), or as the organ that took the proposal up:
    省医保局高度重视代表建议办理工作 (云南 医保局 reply), 市民政局党组高度重视建议提案
    办理 (攀枝花 summary): that organ, read in the page's area."""
    for span, line in s.lines:
        m = phrase_pattern("answering_organ").match(line) if span.start >= s.heading.end else None
        agency = parse_issuer(m.group("organ"), s.context) if m else None
        if m and agency:
            return [Found(agency, "identity.issuer-handling", Span(span.start + m.start("organ"), span.start + m.end("organ")))]
    if not answers_a_proposal(s.doc) and not is_reply_title(s.title.value if s.title else None):
        return []
    m = phrase_pattern("handling_organ").search(s.doc.view, s.heading.end)
    organs = _organs_ending_at(s.doc.view, m.end("organ"), s.context, m.end("organ") - HANDLING_ORGAN_REACH) if m else None
    return [Found(organs[1][0], "identity.issuer-handling", organs[0])] if organs and len(organs[1]) == 1 else []


def _deciding_issuers(s: Sources) -> list[Found]:
    """A notice cut before its heading whose first paragraph names its organ,
    by its level, as the one that decides (…按照《陕西省养老服务条例》要求,市政府
    决定建立延安市养老服务联席会议制度; …,县减灾委员会决定于6月19日12时启动
    地质灾害三级应急响应): that organ of the page's area. Not 经市政府研究决定 or
    根据市政府决定, where another organ writes."""
    if s.context is None:
        return []
    opening = s.doc.view[s.heading.end:s.heading.end + DECIDING_REACH]
    m = phrase_pattern("deciding_organ").search(opening)
    if m is None:
        return []
    organ = m.group("organ")
    agency = parse_issuer(organ, s.context) or parse_unlisted_organ(organ, s.context)
    start = s.heading.end + m.start("organ")
    return [Found(agency, "identity.issuer-decides", Span(start, start + len(organ)))] if agency else []


DECIDING_REACH = 400     # the first paragraph under the addressees


def _source_issuers(s: Sources) -> list[Found]:
    """The organ a page's 来源 names (a news item of 南宁市民政局), when it is
    one, or the government of the township it names."""
    field_ = s.doc.portal_value("source")
    agency = (parse_agency_strict(field_.value, s.context) or parse_township_organ(field_.value.strip(), s.context)
              or parse_site_organ(field_.value, s.context) or parse_site_owner(field_.value, s.context)
              if field_ else None)
    if field_ is not None and agency is None:
        town = _source_township(field_.value.strip(), s)
        agency = township_organ(town) if town else None
    if agency is not None and agency.key in PROPOSALS_RECEIVED_BY and s.title is not None and is_reply_title(s.title.value):
        return []       # a reply posted on a legislature's site (来源:南县人大常委会): its poster; a department replied
    return [Found(agency, "identity.issuer-source", field_.span)] if field_ is not None and agency else []


# the bodies deputies and members file their suggestions and proposals with: no reply is theirs
PROPOSALS_RECEIVED_BY = ("npc", "npc-standing-committee", "cppcc", "cppcc-proposal-committee")


def _source_township(value: str, s: Sources) -> Optional[AreaRef]:
    """A township that a 来源 names alone, its government the page's source:
    by its name (来源:马桥镇 on 闵行区's portal, 来源:正果镇 on 增城区's), placed
    by the township table within the page's area, or after its county's name
    (来源:谯城区五马镇, 来源:鼓楼区鼓东街道), within that county."""
    gaz = gazetteer()
    chain = gaz.split_area_prefix(value, s.context)
    if chain and chain[-1][1].level == "county" and gaz.is_township_name(value[chain[-1][0]:]):
        return gaz.place_township(value[chain[-1][0]:], chain[-1][1])
    if gaz.is_township_name(value):
        return gaz.place_township(value, s.context, gaz.named_in_full(s.doc.view))
    return None


def _unbound_issuers(s: Sources) -> list[Found[UnboundAgency]]:
    """Where no issuer could be bound to an area, the one the text names by
    its organ and a level word or an area's name that several places bear
    (发布单位: 区民政局; (县民政局) closing a news item; 普陀区民政局 over the
    date that signs a notice): kept as written, its organ and level known.
    Looked for where the bound sources look: the portal's 发布机构 and 来源,
    a bracket closing a news item, an organ's line over a signing date. A
    township named alone (信息来源:下村乡) only where no candidate names an
    organ (发布部门:华庄街道 over 发布机构 华庄街道办事处)."""
    from kg.extract.agency_mentions import unbound_organ, unbound_township
    candidates = [(f.value, f.span) for n in ("issuer", "source") for f in s.doc.portal if f.field == n]
    closing = [m for m in phrase_pattern("news_contributor").finditer(s.doc.view, s.heading.end)
               if not s.doc.in_residue(Span(m.start(), m.end()))]
    if len(closing) == 1:
        candidates.append((closing[0].group("organ"), Span(closing[0].start("organ"), closing[0].end("organ"))))
    body = [(span, line) for span, line in s.lines if span.start >= s.heading.end and line.strip()]
    for (span, line), (_, below) in zip(body, body[1:]):
        if parse_signing_date(below.strip()) is not None:
            candidates.append((line, _strip_span(span, line)[0]))
    for text, span in candidates:
        found = unbound_organ(text, span) if len(text.strip()) <= MAX_UNBOUND_NAME else None
        if found is not None and found.level is not None:
            return [Found(found, "identity.issuer-unbound", span)]
    towns = [t for t in (unbound_township(text, span) for text, span in candidates) if t]
    township = next((t for t in towns if not gazetteer().is_township_name(t.text)), towns[0] if towns else None)
    return [Found(township, "identity.issuer-unbound", township.span)] if township else []


MAX_UNBOUND_NAME = 20


def _contributor_issuers(s: Sources) -> list[Found]:
    """The unit that wrote a news item, in brackets closing its last paragraph
    (…提出具体要求。 (县民政局); (方山县老干局 薛清兰); (古井镇 杨迎春): its
    government): read only on a page with no signature and no document title,
    and only where the page has one such bracket, closing no numbered item
    (a plan's measures each closing with their bureau are no news item's)."""
    if s.signature is not None or (s.title is not None and document_type(s.title.value) is not None):
        return []
    view = s.doc.view
    found = [m for m in phrase_pattern("news_contributor").finditer(view, s.heading.end)
             if not s.doc.in_residue(Span(m.start(), m.end()))
             and not opens_numbered_item(view[view.rfind("\n", 0, m.start()) + 1:m.start()])]
    if len(found) != 1:
        return []
    name = found[0].group("organ")
    agency = parse_issuer(name, s.context)
    if agency is None and gazetteer().is_township_name(name):
        town = gazetteer().place_township(name, s.context, gazetteer().named_in_full(s.doc.view))
        agency = township_organ(town) if town else None
    span = Span(found[0].start("organ"), found[0].end("organ"))
    return [Found(agency, "identity.issuer-contributor", span)] if agency else []


def _site_header_issuers(s: Sources) -> list[Found]:
    """The organ whose site the page stands on, named alone on a line of the
    header above the breadcrumb (重庆市江津区民政局 / 当前位置: …; 吉林省民政厅 /
    当前位置 : 首页 > …): the issuer of a document it posts where nothing else
    names one; not of a news item, which may report another organ's work
    (天津市民政局's 各区动态 of 河东区民政局), nor of a text that calls its area
    by another level than the organ's (我市 on a district's site)."""
    if s.title is None or document_type(s.title.value) is None:
        return []
    welcome = _welcoming_organ(s)
    if welcome:
        return welcome
    pos, header = 0, []
    for line in s.doc.view[:SITE_HEADER_CHARS].split("\n"):
        text = line.strip()
        if phrase_pattern("breadcrumb_line").search(text):
            break
        if phrase_pattern("organ_line").fullmatch(text):
            header.append(Span(pos + line.index(text), pos + line.index(text) + len(text)))
        pos += len(line) + 1
    else:
        return []       # no breadcrumb: no header to tell from the text
    for span in header:
        agency = parse_agency_strict(s.doc.view[span.start:span.end], s.context)
        if agency is not None and not _calls_itself_otherwise(s.doc.view, agency.area):
            return [Found(agency, "identity.issuer-site-header", span)]
    return []


def _welcoming_organ(s: Sources) -> list[Found]:
    """A site's welcome above the title names its owner (欢迎访问赤壁市文化和旅游局
    返回赤壁政府首页; 欢迎来到莒南县人民政府门户网站): the organ whose site posts
    the document, where nothing else names its issuer."""
    assert s.title is not None
    m = phrase_pattern("site_welcome").search(s.doc.view, 0, s.title.span.start)
    agency = parse_agency_strict(m.group("organ"), s.context) if m else None
    if m is None or agency is None or _calls_itself_otherwise(s.doc.view, agency.area):
        return []
    return [Found(agency, "identity.issuer-site-header", Span(m.start("organ"), m.end("organ")))]


def _calls_itself_otherwise(view: str, area: AreaRef) -> bool:
    """Whether the text speaks of its own area by a level word that the
    area's name does not end in: a district's site that reposts its city's
    notice (雁江区民政局's site: 经市政府同意,决定对我市…)."""
    return any(not area.name.endswith(m.group("level")) for m in phrase_pattern("self_level").finditer(view))


def _number_issuers(s: Sources) -> list[Found]:
    number = s.number
    if number is None or number.value.code is None or number.value.is_order:
        return []
    code = resolve_code(number.value.code, s.context)
    if code is None or _named_elsewhere(s, code.agency.area):
        return []
    return [Found(code.agency, "identity.issuer-number", number.span)]


def _named_elsewhere(s: Sources, area: AreaRef) -> bool:
    return _disagrees_with_named(s.doc, area)


def _disagrees_with_named(doc: Document, area: AreaRef) -> bool:
    """The page names its issuer's area (in the title or the portal's 发布机构)
    and none of the places that name can be lies in or holds the code's area:
    海民发 read alone is 海口市's, on a page of 海州区民政局 it is not (and
    海州区 is two counties, so the code cannot say which)."""
    gaz = gazetteer()
    title = doc.layout.title.value if doc.layout and doc.layout.title else _portal_text(doc, "title")
    township = phrase_pattern("own_township_title").match(title) if title else None
    if township and area.level != "township":
        # 关于湖洋镇第十九届人大一次会议第20号…建议的答复 under 湖政函: the township's code, not 湖州's
        return not any(gaz.is_within(r.code, area.code) for r in gaz.candidates(township.group("place")))
    for text in (title, _portal_text(doc, "issuer")):
        readings = _leading_area_readings(text) if text else []
        if readings:
            return not any(r.code == area.code or gaz.is_within(r.code, area.code) or gaz.is_within(area.code, r.code)
                           for r in readings)
        level = _leading_level(text) if text else None
        if level is not None:
            # 县人民政府办公室关于… under 嘉政办发: a county's office, so no city's code (嘉兴)
            return area.level not in level
    return False


def _leading_level(text: str) -> Optional[tuple[str, ...]]:
    """The levels a title's organ named by its level word alone can be of
    (县人民政府办公室关于…: a county's), or None."""
    m = LEVEL_ORGAN_OPENING.match(text)
    if m is None or organ_of_form(m.group("organ")) is None:
        return None
    return LEVEL_PREFIXES.get(m.group("level"))


LEVEL_ORGAN_OPENING = re.compile(r"(?P<level>县|区)(?P<organ>[\u4e00-\u9fff]{2,14}?)关于")


def _leading_area_readings(text: str) -> list[AreaRef]:
    """Every area the longest place name a text opens with can be."""
    gaz = gazetteer()
    text = re.sub(r"^(?:中共|中国共产党)", "", text)
    for length in range(min(gaz.max_name_length, len(text)), 1, -1):
        found = gaz.candidates(text[:length])
        if found:
            return found
    return []


def _portal_text(doc: Document, name: str) -> Optional[str]:
    field_ = doc.portal_value(name)
    return field_.value if field_ else None


SOURCES = {
    "identity.title-heading": _layout_title("identity.title-heading"),
    "identity.title-headline": _layout_title("identity.title-headline"),
    "identity.title-promulgated": _layout_title("identity.title-promulgated"),
    "identity.title-draft": _layout_title("identity.title-draft"),
    "identity.title-report": _layout_title("identity.title-report"),
    "identity.title-amended": _layout_title("identity.title-amended"),
    "identity.title-original": _layout_title("identity.title-original"),
    "identity.title-portal": _portal_title,
    **{rule: _layout_number(rule) for rule in ("identity.number-title-tail", "identity.number-line",
                                                "identity.number-order", "identity.number-abstract",
                                                "identity.number-head", "identity.number-attachment")},
    "identity.number-portal": _portal_number,
    "identity.issuer-title": _title_issuers,
    "identity.issuer-heading": _heading_issuers,
    "identity.issuer-order": _order_issuers,
    "identity.issuer-report": _report_issuers,
    "identity.issuer-speaker": _speaker_issuers,
    "identity.issuer-signature": _signature_issuers,
    "identity.issuer-database-line": _database_line_issuers,
    "identity.issuer-adoption": _adoption_issuers,
    "identity.issuer-compiler": _compiler_issuers,
    "identity.issuer-report-subject": _report_subject_issuers,
    "identity.issuer-self-reference": _self_reference_issuers,
    "identity.issuer-handling": _handling_issuers,
    "identity.issuer-decides": _deciding_issuers,
    "identity.issuer-contributor": _contributor_issuers,
    "identity.issuer-portal": _portal_issuers,
    "identity.issuer-signature-cut": _cut_signature_issuers,
    "identity.issuer-number": _number_issuers,
    "identity.issuer-source": _source_issuers,
    "identity.issuer-site-header": _site_header_issuers,
    "identity.date-signature": _signature_date,
    "identity.date-heading": _heading_date,
    "identity.date-portal": _portal_document_date,
    "identity.date-adoption": _adoption_date,
    "identity.date-delivered": _delivered_date,
    "identity.date-abstract": _abstract_date,
    "identity.date-closing": _closing_date,
}
