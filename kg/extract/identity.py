"""The document itself: its own number, title, issuers, date, type and area.

Read from the heading (title lines, a number line, an issuer line), the
signature at the foot (agency line + date line), adoption lines of laws
(…人民代表大会常务委员会第N次会议通过) and, as a fallback, a web portal's
metadata block. Each value keeps the span it was read from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from kg.lexicon.agencies import parse_agency
from kg.lexicon.areas import gazetteer
from kg.lexicon.dates import find_dates, parse_date
from kg.lexicon.docnumber import DocNumber
from kg.lexicon.issuers import resolve_code
from kg.models import AgencyRef, AreaRef, Document, Span
from kg.datafiles import read_lines
from kg.lexicon.titles import display_title, document_type, issuer_prefix

MAX_HEADING_LINES = 14
LONG_LINE = 60
# A line of a law's history: a date, then a session that passed, revised,
# amended or approved it.
ADOPTION_LINE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})年.*会议.*(?:通过|修订|修正|批准|施行)")
ADOPTION_BODY = re.compile(r"(?P<body>[\u4e00-\u9fff]*?人民代表大会(?:常务委员会)?)第[一二三四五六七八九十]+次会议")
TERM = re.compile(r"第[一二三四五六七八九十]+届")
AGENCY_SEPARATORS = re.compile(r"[ \t\u3000、，,]+")


@dataclass(frozen=True)
class Found:
    """A value and the rule and span it was read from."""
    value: object
    rule: str
    span: Span


@dataclass
class Identity:
    number: Optional[Found] = None          # value: DocNumber
    title: Optional[Found] = None           # value: str
    issuers: list[Found] = field(default_factory=list)   # value: AgencyRef
    date: Optional[Found] = None            # value: date
    publication_date: Optional[Found] = None
    area: Optional[AreaRef] = None
    heading_end: int = 0
    body_end: Optional[int] = None          # where the signature starts
    warnings: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _body_openers() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in read_lines("body_openers.txt"))


def _lines(doc: Document):
    pos = 0
    for line in doc.view.split("\n"):
        span = Span(pos, pos + len(line))
        pos += len(line) + 1
        if not doc.in_residue(span):
            yield span, line


def _strip_span(span: Span, line: str) -> tuple[Span, str]:
    stripped = line.strip()
    start = span.start + (len(line) - len(line.lstrip()))
    return Span(start, start + len(stripped)), stripped


def _as_number(text: str) -> Optional[DocNumber]:
    try:
        return DocNumber.parse(text)
    except ValueError:
        return None


def _as_agencies(text: str, context: Optional[AreaRef]) -> Optional[list[AgencyRef]]:
    """A line that is nothing but agency names (one or several)."""
    parts = [p for p in AGENCY_SEPARATORS.split(text.strip()) if p]
    if not parts or any(len(p) > 30 for p in parts):
        return None
    found = [parse_agency(p, context) for p in parts]
    return found if all(found) else None


def read_identity(doc: Document) -> Identity:
    ident = Identity()
    lines = list(_lines(doc))
    context = _context_area(doc, lines)

    # --- heading: title, number, issuer lines ---
    title_parts: list[tuple[Span, str]] = []
    pending_issuer: Optional[tuple[Span, list[AgencyRef]]] = None
    heading_issuers: list[tuple[Span, list[AgencyRef]]] = []
    adoption_lines: list[tuple[Span, str]] = []
    seen = 0
    last_blank = True
    for span, line in lines:
        if not line.strip():
            last_blank = True
            continue
        seen += 1
        if seen > MAX_HEADING_LINES:
            break
        span, text = _strip_span(span, line)
        title_open = not title_parts or document_type(display_title("".join(t for _, t in title_parts))) is None
        number = _as_number(text)
        if number is not None:
            if ident.number is None:
                ident.number = Found(number, "identity.number-line", span)
            ident.heading_end = span.end
            last_blank = False
            continue
        if text.endswith(("：", ":")):
            ident.heading_end = span.end
            break
        if ADOPTION_LINE.match(text):
            adoption_lines.append((span, text))
            ident.heading_end = span.end
            last_blank = False
            continue
        agencies = _as_agencies(text, context)
        if agencies and (not title_parts or not title_open):
            pending_issuer = (span, agencies)
            heading_issuers.append(pending_issuer)
            ident.heading_end = span.end
            last_blank = False
            continue
        if title_parts and not title_open:
            break
        if any(p.match(text) for p in _body_openers()) or len(text) > LONG_LINE:
            break
        if not title_parts and pending_issuer is not None and not last_blank and text.startswith("关于"):
            title_parts.append(pending_issuer)  # 威海市环翠区人民政府办公室 / 关于……
            title_parts[-1] = (pending_issuer[0], doc.view[pending_issuer[0].start:pending_issuer[0].end])
        title_parts.append((span, text))
        ident.heading_end = span.end
        last_blank = False

    if title_parts:
        title = display_title("".join(t for _, t in title_parts))
        ident.title = Found(title, "identity.title-heading",
                            Span(title_parts[0][0].start, title_parts[-1][0].end))
    portal_title = doc.portal_value("title")
    if ident.title is None and portal_title is not None:
        ident.title = Found(display_title(portal_title.value), "identity.title-portal", portal_title.span)
    portal_number = doc.portal_value("number")
    if ident.number is None and portal_number is not None:
        number = _as_number(portal_number.value)
        if number is not None:
            ident.number = Found(number, "identity.number-portal", portal_number.span)

    # --- issuers, in order of how directly the text names them ---
    signature = _signature(doc, lines, context, ident.heading_end)
    if signature and not _issues_attachment(doc.view, signature[2][1].end):
        ident.body_end = signature[0].start
    ident.issuers = (_title_issuers(doc, ident.title, context)
                     or [Found(a, "identity.issuer-heading", span) for span, ags in heading_issuers[:1] for a in ags]
                     or (signature and [Found(a, "identity.issuer-signature", signature[0]) for a in signature[1]])
                     or _adoption_issuers(adoption_lines, context)
                     or _portal_issuers(doc, context)
                     or _number_issuers(ident.number, context)
                     or [])

    # --- dates ---
    if signature and signature[2] is not None:
        ident.date = Found(signature[2][0], "identity.date-signature", signature[2][1])
    elif doc.portal_value("date_document") is not None:
        field_ = doc.portal_value("date_document")
        value = parse_date(field_.value)
        if value:
            ident.date = Found(value, "identity.date-portal", field_.span)
    elif adoption_lines:
        dates = [d for span, _ in adoption_lines for d in find_dates(doc.view, span.start, span.end)]
        if dates:
            latest = max(dates, key=lambda d: d[0])
            ident.date = Found(latest[0], "identity.date-adoption", latest[1])
    portal_date = doc.portal_value("date_document")
    if ident.date and portal_date and ident.date.rule != "identity.date-portal":
        value = parse_date(portal_date.value)
        if value and value != ident.date.value:
            ident.warnings.append(
                f"date: the signature says {ident.date.value}, the portal's 成文日期 {value}; kept the signature")
    published = doc.portal_value("date_publication")
    if published and parse_date(published.value):
        ident.publication_date = Found(parse_date(published.value), "identity.date-publication-portal", published.span)

    # --- area ---
    if ident.issuers:
        ident.area = ident.issuers[0].value.area
    else:
        ident.area = context
    return ident


def _context_area(doc: Document, lines) -> Optional[AreaRef]:
    """A first guess at the document's area, to read short agency names:
    from a number line's issuer code, or the area a heading line starts with."""
    gaz = gazetteer()
    for span, line in lines[:MAX_HEADING_LINES * 2]:
        number = _as_number(line.strip())
        if number is not None and number.code:
            code = resolve_code(number.code)
            if code:
                return code.agency.area
        chain = gaz.split_area_prefix(line.strip(), None)
        if chain:
            return chain[-1][1]
    portal_title = doc.portal_value("title")
    if portal_title:
        chain = gaz.split_area_prefix(portal_title.value, None)
        if chain:
            return chain[-1][1]
    return None


def _title_issuers(doc: Document, title: Optional[Found], context) -> list[Found]:
    if title is None:
        return []
    names = issuer_prefix(title.value)
    agencies = [parse_agency(n, context) for n in names]
    if not names or not all(agencies):
        return []
    return [Found(a, "identity.issuer-title", title.span) for a in agencies]


def _signature(doc: Document, lines, context, after: int):
    """(span, agencies, (date, span) or None) of the first signature after the
    heading: a line of agency names followed, within two lines, by a date line."""
    body = [(s, l) for s, l in lines if s.start >= after and l.strip()]
    for i, (span, line) in enumerate(body):
        agencies = _as_agencies(line, context)
        if not agencies:
            continue
        for next_span, next_line in body[i + 1:i + 3]:
            text = next_line.strip()
            value = parse_date(text)
            if value is not None:
                dspan, _ = _strip_span(next_span, next_line)
                sspan, _ = _strip_span(span, line)
                return sspan, agencies, (value, dspan)
    return None


def _issues_attachment(view: str, after: int) -> bool:
    """A promulgation notice signs before the document it issues: the line
    after its signature is that document's title (…管理办法), and the body goes
    on."""
    for line in view[after:].split("\n"):
        text = line.strip()
        if text:
            return len(text) <= LONG_LINE and document_type(text) is not None and not text.endswith(("：", ":"))
    return False


def _adoption_issuers(adoption_lines, context) -> list[Found]:
    for span, text in adoption_lines[:1]:
        m = ADOPTION_BODY.search(text)
        if not m:
            continue
        name = TERM.sub("", re.sub(r"^.*?日", "", m.group("body")))
        agency = parse_agency(name, context)
        if agency:
            return [Found(agency, "identity.issuer-adoption", Span(span.start + m.start(), span.start + m.end()))]
    return []


def _portal_issuers(doc: Document, context) -> list[Found]:
    field_ = doc.portal_value("issuer")
    if field_ is None:
        return []
    agency = parse_agency(field_.value, context)
    return [Found(agency, "identity.issuer-portal", field_.span)] if agency else []


def _number_issuers(number: Optional[Found], context) -> list[Found]:
    if number is None or number.value.code is None:
        return []
    code = resolve_code(number.value.code, context)
    return [Found(code.agency, "identity.issuer-number", number.span)] if code else []
