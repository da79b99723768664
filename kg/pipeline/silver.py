"""Silver checks: failures of reading a page's identity that show without
gold. Each check looks at the text around what the reader found, not at the
reader's own rules, so that it catches what the rules miss:

- ``number_unread``: a document number stands beside the title (on the lines
  just above or below it, or in its line), or a 文号 field holds one, but the
  page got no own number;
- ``title_unread``: a line of the opening has a title's shape (a
  document-type ending, 关于, no sentence punctuation) but the page got no
  title;
- ``labels_unread``: a line of the opening is ``label: value`` with a short
  label the portal reader does not know (its value then stays unread);
- ``code_disagrees``: the own number's issuer code, as read in the page's
  area, names an area that neither holds nor lies in the area the title's
  issuer names.

``kg build`` lists the flagged files in the quality report; benchmarks keep
the rate per set.
"""
from __future__ import annotations

import re
from typing import Optional

from kg.datafiles import phrase_pattern
from kg.lexicon.areas import gazetteer
from kg.lexicon.docnumber import DocNumber, find_numbers
from kg.lexicon.issuers import find_code_start, resolve_code
from kg.extract.measures import opens_numbered_item
from kg.lexicon.titles import document_type, is_interpretation
from kg.models import Extraction, Span
from kg.read.portal import label_field
from kg.lexicon.table_labels import column_kind

CHECKS = ("number_unread", "title_unread", "labels_unread", "code_disagrees")
OPENING_LINES = 30
NEIGHBOURHOOD = 3          # lines above and below the title
LABEL_LINE = re.compile(r"^[\s•·\-*|]*(?P<label>[\u4e00-\u9fff]{2,6})\s*[:：]\s*\S")
NUMBER_LABEL = re.compile(r"(?:文\s*号|字\s*号|发文字号|编\s*号)\s*[:：|]?\s*(?P<value>[^\s|:：]{4,40})")
MAX_VALUE = 40             # a longer value with sentence punctuation is a sentence's lead-in
TITLE_SHAPE = re.compile(r"^[^。；;，,:：]{6,80}$")


def silver_flags(x: Extraction) -> list[str]:
    """The names of the checks this extraction fails."""
    lines = _opening(x)
    flags = []
    if x.identity.number is None and not is_interpretation(x.identity.title) and (
            _number_near_title(x, lines) or _number_field(lines)):
        flags.append("number_unread")       # an interpretation's 文号 field is another document's
    if x.identity.title is None and any(_has_title_shape(text) for _, text in lines):
        flags.append("title_unread")
    if any(_unknown_label(text) for start, text in lines if not x.document.in_residue(Span(start, start + 1))):
        flags.append("labels_unread")
    if _code_disagrees(x):
        flags.append("code_disagrees")
    return flags


def _opening(x: Extraction) -> list[tuple[int, str]]:
    """(start, stripped text) of the first non-blank lines."""
    out, pos = [], 0
    for raw in x.document.view.split("\n"):
        if raw.strip():
            out.append((pos, raw.strip()))
            if len(out) >= OPENING_LINES:
                break
        pos += len(raw) + 1
    return out


def _number_near_title(x: Extraction, lines: list[tuple[int, str]]) -> bool:
    title = next((f for f in x.facts if f.name == "title"), None)
    if title is None:
        return False
    at = [i for i, (start, text) in enumerate(lines) if start <= title.evidence.span.start < start + len(text) + 1]
    if not at:
        return False
    near = lines[max(0, at[0] - NEIGHBOURHOOD):at[0] + NEIGHBOURHOOD + 1]
    for _, text in near:
        for m in find_numbers(text, find_code_start):
            before = text[:m.span.start]
            if not phrase_pattern("citation_context").search(before[-12:]):
                return True
    return False


def _number_field(lines: list[tuple[int, str]]) -> bool:
    for _, text in lines:
        for m in NUMBER_LABEL.finditer(text):
            try:
                DocNumber.parse(re.split(r"\s", m.group("value"))[0])
                return True
            except ValueError:
                continue
    return False


def _has_title_shape(text: str) -> bool:
    """A line that could be a document's title: not a numbered heading of its
    body (三、关于建议内容的逐条答复), nor a sentence that names a title inside
    it (市九三学社提出《关于…的建议》)."""
    core = text.strip("《》 ")
    if opens_numbered_item(text) or "《" in core:
        return False
    return bool(TITLE_SHAPE.match(core)) and "关于" in core and document_type(core) is not None


def _unknown_label(text: str) -> bool:
    """label: value with a short label no table knows; not a headline that
    opens with a place (北京:年味渐浓) and not a lead-in before a sentence."""
    m = LABEL_LINE.match(text)
    if not m or label_field(m.group("label")) is not None or column_kind(m.group("label")) is not None:
        return False        # a portal's label, or a task's field the list reader reads (牵头单位:, 完成情况:)
    label, value = m.group("label"), text[m.end("label"):]
    if phrase_pattern("known_non_labels").search(label) or label in gazetteer().by_name:
        return False        # 长沙:住宅小区需“标配”养老服务用房 — a place, even one two areas share
    if value.rstrip().endswith(("。", "；", "！", "？")):
        return False        # 存在问题:…配比不足。 — a sentence with its lead-in, not a field
    return not (len(value) > MAX_VALUE and re.search(r"[，,。；]", value))


def _code_disagrees(x: Extraction) -> bool:
    number = DocNumber.parse(x.identity.number) if x.identity.number else None
    if number is None or number.code is None or number.is_order or x.identity.title is None:
        return False
    title_area = _title_area(x.identity.title)
    code = resolve_code(number.code, x.area)
    if title_area is None or code is None:
        return False
    gaz = gazetteer()
    a, b = code.agency.area.code, title_area
    return not (a == b or gaz.is_within(a, b) or gaz.is_within(b, a))


def _title_area(title: str) -> Optional[str]:
    chain = gazetteer().split_area_prefix(re.sub(r"^(?:中共|中国共产党)", "", title), None)
    return chain[-1][1].code if chain else None
