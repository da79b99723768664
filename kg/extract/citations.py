"""Citations: every document number and 《title》 in a document's body.

A title followed by its number in brackets, also across a line break, is one
mention of one document. A number alone, a list of numbers (…5号、6号) and an
announcement number (2019年第76号) are mentions too. 关于印发《X》的通知 names
two documents. Self-references (本意见) and short forms (以下简称《意见》) are
not documents of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from kg.datafiles import phrase_pattern
from kg.relations import Relation
from kg.lexicon.agencies import parse_agency
from kg.lexicon.areas import LEVEL_PREFIXES, gazetteer
from kg.lexicon.docnumber import BARE_ORDER, DocNumber, NumberMatch, find_numbers, order_of
from kg.lexicon.issuers import find_code_start, resolve_code
from kg.models import AreaRef, Citation, DocRef, Document, Evidence, Span
from kg.lexicon.titles import (TitleMatch, document_type, find_titles, is_bare_type_word,
                     display_title, is_self_reference, issuer_prefix, notice_around, title_key, wrapped_title)

NUMBER_IN_BRACKETS = re.compile(r"\s*[（(]\s*$")
TRAILING_NUMBER = re.compile(r"\s*[（(][^（）()]{4,30}号(?:文件|文)?[)）]$")
ALIAS = re.compile(r"\s*[（(]\s*(?:以下)?简称\s*[《“\"]?(?P<alias>[^》”\")）]{1,20})[》”\"]?\s*[)）]")
NATION_PREFIX = "中华人民共和国"
STANDARD_CONTEXT = re.compile(r"(?:国家|行业|地方|团体)?标准\s*$")
# 《养老机构等级划分与评定》（GB/T 37276-2018）: a standard's code after the title
STANDARD_NUMBER_AFTER = re.compile(r"\s*[（(]\s*(?:GB|DB|MZ|WS|JGJ)\s*\d*\s*(?:/\s*T)?\s*\d")
PROGRAMME_PERIOD = phrase_pattern("programme_period")
TITLE_HISTORY_DATE = phrase_pattern("title_history_date")
TITLE_HISTORY_VERB = phrase_pattern("title_history_verb")
QUALIFIED_PREFIXES = ("中华人民共和国", "中共中央", "国务院", "全国", "国家")


@dataclass
class CitationResult:
    citations: list[Citation] = field(default_factory=list)
    aliases: dict[str, DocRef] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _evidence(doc: Document, rule: str, span: Span) -> Evidence:
    return Evidence(rule, span, doc.sentence_of(span))


def issuers_of_title(title: str, area: Optional[AreaRef]):
    names = issuer_prefix(title)
    found = tuple(parse_agency(n, area) for n in names)
    return found if names and all(found) else ()


def is_qualified(title: str, issuers) -> bool:
    """A title that says whose it is (an issuer or an area before 关于, or a
    national prefix) names one document anywhere; others only within an area."""
    core = phrase_pattern("title_period_prefix").sub("", title)
    if issuers or core.startswith(QUALIFIED_PREFIXES):
        return True
    return bool(gazetteer().split_area_prefix(core, None))


def doc_ref(title: Optional[str], number: Optional[str], area: Optional[AreaRef],
            type_concept: Optional[str] = None) -> DocRef:
    """What a mention tells of a document: the issuer from the title, else
    from the number's code; unqualified titles scoped to the citing area."""
    issuers = issuers_of_title(title, area) if title else ()
    if not issuers and number and not DocNumber.parse(number).is_announcement:
        issuers = _number_issuers(DocNumber.parse(number), area)
    if type_concept is None and title:
        dtype = document_type(title)
        type_concept = dtype.concept if dtype else None
    return DocRef(number=number, title=title, issuers=issuers, type_concept=type_concept,
                  scope=title_scope(title, issuers, area, type_concept))


# The clause before a 《title》 back to the sentence's last punctuation.
CLAUSE_BEFORE = re.compile(r"[^，。；：！？、《》\n]*(?:、[^，。；：！？、《》\n]*)*$")


def issuers_before(view: str, start: int, area: Optional[AreaRef]) -> tuple:
    """The issuers a text names just before a cited title (财政部、税务总局等
    部委印发的《…》): all of them known agencies, else none."""
    window = view[max(0, start - 80):start]
    before = CLAUSE_BEFORE.search(window)
    clause = before.group() if before else ""
    m = phrase_pattern("cited_issuers").search(clause)
    if not m:
        return ()
    names = re.split(r"[、和及与]", m.group("organs"))
    found = tuple(parse_agency(n, area) for n in names)
    return found if all(found) else ()


def _number_issuers(number: DocNumber, area: Optional[AreaRef]) -> tuple:
    """The organ an issuer code or an order names."""
    if number.is_order:
        # 中华人民共和国民政部令: the ministry, named as the organ tables name it
        organ = phrase_pattern("order_ending").sub("", number.code)
        agency = parse_agency(organ, area) or parse_agency(organ.removeprefix(NATION_PREFIX), gazetteer().nation)
        return (agency,) if agency else ()
    code = resolve_code(number.code, area) if number.code else None
    return (code.agency,) if code else ()


def title_scope(title: Optional[str], issuers, area: Optional[AreaRef], type_concept: Optional[str]) -> Optional[str]:
    """An unqualified title (关于加快发展养老服务业的意见) names a document only
    within an area: its issuer's if known, else the citing document's. A
    qualified title — one that names its issuer or area itself, not one whose
    issuer came from a number's code or a signature — or a standard's names
    one document anywhere (None)."""
    if not title or is_qualified(title, issuers_of_title(title, area)) or type_concept == "standard":
        return None
    return issuers[0].area.code if issuers else (area.code if area else None)


@dataclass
class _Scan:
    """One pass over a document's body: what the matchers share."""

    doc: Document
    area: Optional[AreaRef]
    skip: list[Span]
    result: CitationResult = field(default_factory=CitationResult)
    numbers: list[NumberMatch] = field(default_factory=list)
    by_start: dict[int, NumberMatch] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)              # numbers already paired with a title
    mentions: list[tuple[int, Citation]] = field(default_factory=list)
    definitions: list[Span] = field(default_factory=list)   # （以下简称《意见》）: cites nothing

    def skipped(self, span: Span) -> bool:
        return self.doc.in_residue(span) or any(s.overlaps(span) for s in self.skip)

    def add(self, start: int, citation: Citation) -> None:
        self.mentions.append((start, citation))

    def evidence(self, rule: str, span: Span) -> Evidence:
        return _evidence(self.doc, rule, span)


def find_citations(doc: Document, area: Optional[AreaRef], skip: list[Span],
                   own_number: Optional[str]) -> CitationResult:
    """All citations in the body, in text order. ``skip`` holds spans that
    are not citations (the heading, the proposal a reply acknowledges).
    One matcher per form: a title (with its number, if bracketed after it),
    a short form defined earlier, a title wrapped in 印发《X》, a bare number or
    list of numbers, an announcement number."""
    scan = _Scan(doc, area, skip)
    scan.numbers = sorted((m for m in find_numbers(doc.view, find_code_start)
                           if not scan.skipped(m.span) and not m.number.is_filing),
                          key=lambda m: m.span.start)
    for m in scan.numbers:
        scan.by_start.setdefault(m.span.start, m)
        if m.damaged:
            written = doc.text[m.span.start:m.span.end]
            scan.result.warnings.append(f"damaged number {written} at {m.span.start} read as {m.number}")
    for title in find_titles(doc.view):
        if not scan.skipped(title.span) and not any(d.contains(title.span) for d in scan.definitions):
            _title_citation(scan, title)
    _number_citations(scan, own_number)
    scan.mentions.sort(key=lambda item: item[0])
    # the page's own number again beside a title (an order's 令第103号《…实施规定》已于…通过 under a law
    # database's 【字号】 of the same order): the page names itself, it cites nothing
    scan.result.citations = [c for _, c in scan.mentions if not (own_number and c.target.number == own_number)]
    return scan.result


def _title_citation(scan: _Scan, title: TitleMatch) -> None:
    """A 《title》: not a document when it is a self-reference (本意见); a
    short form when it is a bare type word (《意见》); else a titled citation."""
    paired, end = _paired_number(scan.doc.view, title.span.end, scan.by_start)
    start = title.span.start
    if paired is None:
        if _notice_citation(scan, title):
            return
        title, paired = _number_inside(scan, title)
    if paired is None:
        paired = _number_before(scan, title.span.start)
        start = paired.span.start if paired is not None else start
    if paired is not None:
        # the title names the first number of a list; 《…》（…5号、6号）
        # still cites 6号, as a number of its own
        scan.used.add(id(paired))
    if is_self_reference(title.title):
        return
    span = Span(start, end)
    if is_bare_type_word(title.title):
        _short_form_citation(scan, title, span)
    else:
        _titled_citation(scan, title, paired, span)


def _short_form_citation(scan: _Scan, title: TitleMatch, span: Span) -> None:
    target = scan.result.aliases.get(title_key(title.title))
    if target is None:
        scan.result.warnings.append(
            f"short form 《{title.title}》 at {title.span.start} names no earlier document; dropped")
        return
    scan.add(span.start, Citation(target, Relation.CITES, scan.evidence("citation.short-form", span)))


def _titled_citation(scan: _Scan, title: TitleMatch, paired: Optional[NumberMatch], span: Span) -> None:
    view, text = scan.doc.view, title.title
    dtype = document_type(text)
    concept = dtype.concept if dtype else None
    if concept is None and (STANDARD_CONTEXT.search(view[max(0, title.span.start - 6):title.span.start])
                            or STANDARD_NUMBER_AFTER.match(view, title.span.end)):
        concept = "standard"
    if concept is None and PROGRAMME_PERIOD.search(text):
        concept = "programme"
    if concept is None and paired is None:
        # a title with its 文号 beside it is a document whatever its ending
        # (《…若干政策》（温政发〔2022〕6号）); one without is not taken
        scan.result.warnings.append(
            f"《{text}》 at {title.span.start} has no document-type ending; not taken as a document")
        return
    if paired is not None and _issued_by_its_notice(text, dtype, paired):
        _act_of_notice_citation(scan, title, paired, span)
        return
    ref = doc_ref(text, str(_level_order(paired.number, _opening_area(text) or scan.area)) if paired else None,
                  scan.area, concept)
    if not ref.issuers:
        issuers = issuers_before(view, title.span.start, scan.area)
        if issuers:
            ref = replace(ref, issuers=issuers, scope=title_scope(text, issuers, scan.area, concept))
    rule = "citation.title-number" if paired else "citation.title"
    scan.add(span.start, Citation(ref, Relation.CITES, scan.evidence(rule, span)))
    alias = ALIAS.match(view, span.end)
    if alias:
        scan.result.aliases[title_key(alias.group("alias"))] = ref
        scan.definitions.append(Span(alias.start(), alias.end()))
    _wrapped_citations(scan, title, ref, span)


def _wrapped_citations(scan: _Scan, title: TitleMatch, ref: DocRef, span: Span) -> None:
    """《关于印发〈X〉的通知》 also cites X, which the notice promulgates."""
    wrapped = wrapped_title(title.title)
    if wrapped is None:
        return
    inner_ref = doc_ref(wrapped.title, None, scan.area)
    if not inner_ref.issuers and ref.issuers:
        # the promulgating document's issuers, and the scope their area gives an unqualified title
        area = ref.issuers[0].area if ref.issuers else scan.area
        inner_ref = DocRef(None, inner_ref.title, ref.issuers, inner_ref.type_concept,
                           title_scope(inner_ref.title, (), area, inner_ref.type_concept))
    inner_start = title.inner.start + _raw_offset(scan.doc.view, title.inner, wrapped.offset)
    inner_span = Span(inner_start, min(title.inner.end, inner_start + len(wrapped.title)))
    scan.add(span.start, Citation(inner_ref, Relation.CITES, scan.evidence("citation.wrapped", inner_span)))
    scan.add(span.start, Citation(inner_ref, wrapped.relation, scan.evidence("citation.wrapped", span), source=ref))


def _number_inside(scan: _Scan, title: TitleMatch) -> tuple[TitleMatch, Optional[NumberMatch]]:
    """《…的通知（泉财指标〔2022〕80号）》: a page that quotes the number inside
    the title's quotes. The number is the title's; the title ends before it."""
    m = TRAILING_NUMBER.search(title.title)
    if not m:
        return title, None
    inside = [n for n in scan.numbers if title.inner.start <= n.span.start and n.span.end <= title.inner.end]
    if len(inside) != 1 or not re.fullmatch(r"\s*(?:文件|文)?\s*[)）]\s*", scan.doc.view[inside[0].span.end:title.inner.end]):
        return title, None
    return replace(title, title=title.title[:m.start()].rstrip()), inside[0]


def _issued_by_its_notice(text: str, dtype, number: NumberMatch) -> bool:
    """《“十四五”国家老龄事业发展和养老服务体系规划》（国发〔2021〕35号）: a plan, a
    办法, a 方案 is issued by a 印发 notice, whose number pages cite beside the
    act's title. Not an order (主席令, 政府令: the act's own number) nor a title
    that is itself a notice's."""
    return bool(dtype and dtype.issued_by_notice and not number.number.is_order
                and not number.number.is_announcement and wrapped_title(text) is None)


def _act_of_notice_citation(scan: _Scan, title: TitleMatch, number: NumberMatch, span: Span) -> None:
    """The notice (by its number) and the act it issues (by its title), two
    documents joined by promulgates; the notice is what the sentence's
    trigger governs, as the gold of a cited number says."""
    notice = doc_ref(None, str(number.number), scan.area, "notice")
    scan.add(span.start, Citation(notice, Relation.CITES, scan.evidence("citation.title-number", span)))
    act = doc_ref(title.title, None, scan.area)
    if not act.issuers and notice.issuers:
        act = replace(act, issuers=notice.issuers,
                      scope=title_scope(act.title, notice.issuers, notice.issuers[0].area, act.type_concept))
    scan.add(span.start, Citation(act, Relation.CITES, scan.evidence("citation.title-in-notice", title.span)))
    scan.add(span.start, Citation(act, Relation.PROMULGATES, scan.evidence("citation.wrapped", span), source=notice))


def _notice_citation(scan: _Scan, title: TitleMatch) -> bool:
    """关于印发《X》的通知（N）in running text: the notice N, cited by its
    unquoted title, issues X. Both are cited, the pair joined like a quoted
    《关于印发〈X〉的通知》; N is not a citation of its own."""
    around = notice_around(scan.doc.view, title.span)
    if around is None or is_self_reference(title.title) or document_type(title.title) is None:
        return False
    notice_span, relation = around
    number, end = _paired_number(scan.doc.view, notice_span.end, scan.by_start)
    if number is None:
        return False
    scan.used.add(id(number))
    span = Span(notice_span.start, end)
    notice = doc_ref(display_title(scan.doc.view[notice_span.start:notice_span.end]), str(number.number), scan.area)
    scan.add(span.start, Citation(notice, Relation.CITES, scan.evidence("citation.notice-around-title", span)))
    act = doc_ref(title.title, None, scan.area)
    if not act.issuers and notice.issuers:
        area = notice.issuers[0].area
        act = replace(act, issuers=notice.issuers,
                      scope=title_scope(act.title, notice.issuers, area, act.type_concept))
    scan.add(span.start, Citation(act, Relation.CITES, scan.evidence("citation.title-in-notice", title.span)))
    scan.add(span.start, Citation(act, relation, scan.evidence("citation.wrapped", span), source=notice))
    return True


def _number_citations(scan: _Scan, own_number: Optional[str]) -> None:
    """Numbers no title claimed: a number, one of a list, an announcement."""
    for m in scan.numbers:
        if id(m) in scan.used or str(m.number) == own_number:
            continue
        if not m.code_known and m.number.code:
            scan.result.warnings.append(f"issuer code {m.number.code} of {m.number} is not in the tables")
        rule = "citation.announcement" if m.number.is_announcement else "citation.number"
        ref = doc_ref(None, str(_level_order(m.number, scan.area)), scan.area)
        scan.add(m.span.start, Citation(ref, Relation.CITES, scan.evidence(rule, m.span)))


def _opening_area(title: str) -> Optional[AreaRef]:
    """The area a cited title opens with (《浙江省行政规范性文件管理办法》(省政府令第372号):
    the order beside it is that province's, on a page of any area or none)."""
    chain = gazetteer().split_area_prefix(title, None)
    return chain[-1][1] if chain else None


def _level_order(number: DocNumber, area: Optional[AreaRef]) -> DocNumber:
    """An order named by its government's level (省政府令第114号 in 山东's
    repealing decision; (省政府令第289号) in 花垣县's clean-up, 湖南's): the
    order of that level's government over the citing area, named in full."""
    m = BARE_ORDER.fullmatch(number.code or "") if number.is_order else None
    if m is None or not m.group("level") or area is None:
        return number
    levels = LEVEL_PREFIXES.get(m.group("level"), ())
    government = next((a for a in gazetteer().chain(area.code) if a.level in levels), None)
    return order_of(government.name + "人民政府令", number) if government else number


def _number_before(scan: _Scan, title_start: int) -> Optional[NumberMatch]:
    """A number written straight before the title it belongs to, outside
    brackets (按照巴财社(2022)734号《关于下达…的通知》; 现将宝民发(2022)4号文件,
    宝鸡市民政局《关于开展…的通知》转发你们): one document, not two. Not a
    number another title already claimed, nor one in brackets (…（国办发
    〔2019〕5号）《Y》: that number is the title before it)."""
    view = scan.doc.view
    for m in scan.numbers:
        if m.span.end > title_start or id(m) in scan.used:
            continue
        between = view[m.span.end:title_start]
        bracketed = m.span.start > 0 and view[m.span.start - 1] in "（("
        if not bracketed and phrase_pattern("number_before_title").fullmatch(between):
            return m
    return None


def _paired_number(view: str, after: int, by_start) -> tuple[Optional[NumberMatch], int]:
    """The number in brackets right after a title ending at ``after``, or
    written straight after it on the same line (《…的通知》民电〔2021〕111号转发给你们;
    a list of bases: 《…意见》 国办发〔2019〕5号), and where the mention ends."""
    m = re.match(r"\s*[（(]\s*", view[after:after + 12])
    if m and by_start.get(after + m.end()) is None:
        # the year an order was made in, written before it ((1993年市人民政府令第7号): 天津's, 黑龙江's lists)
        m = re.match(r"\s*[（(]\s*(?:(?:19|20)\d{2}\s*年\s*(?=[\u4e00-\u9fff]))?", view[after:after + 18])
    if not m:
        bare = re.match(r"[ \t\u3000]*", view[after:after + 4])
        number = by_start.get(after + bare.end()) if bare else None
        return (number, number.span.end) if number is not None else (None, after)
    number = by_start.get(after + m.end())
    if number is None:
        return _history_number(view, after, by_start)
    close = re.match(r"(?:\s*[、，,]\s*\S{1,12}?号)*\s*[)）]", view[number.span.end:number.span.end + 40])
    end = number.span.end + (close.end() if close else 0)
    return number, end


def _history_number(view: str, after: int, by_start) -> tuple[Optional[NumberMatch], int]:
    """A rule's history in brackets after its title: the date, then the number
    that published it (《X》(2016年12月1日常州市人民政府令第2号发布, 根据…修正)):
    the number is the title's; the mention ends after it, the rest of the
    history (the amending numbers) being citations of their own."""
    date = TITLE_HISTORY_DATE.match(view, after)
    number = by_start.get(date.end()) if date else None
    if number is None or not TITLE_HISTORY_VERB.match(view, number.span.end):
        return None, after
    return number, number.span.end


def _raw_offset(view: str, inner: Span, display_offset: int) -> int:
    """Offset in the raw text of a character at ``display_offset`` in the
    display title (which dropped line breaks)."""
    count = 0
    for i in range(inner.start, inner.end):
        if count == display_offset:
            return i - inner.start
        if view[i] != "\n" and not (view[i].isspace() and "\n" in view[max(inner.start, i - 3):i + 3]):
            count += 1
    return display_offset
