"""A document's numbered structure (一、 （一） 1. (1) 第一条) and its measures.

A measure is a leaf of the numbered structure: an item with no numbered items
below it. A paragraph that carries its own responsible-unit list after an
item that already had one is a measure of its own, unnumbered (seed 003 has
two). Chapters and sections only group measures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from kg.extract.responsibility import list_forms
from kg.extract.tables import find_table_rows
from kg.models import Document, Measure, MeasureIndex, Span, SpanSet
from kg.datafiles import phrase_pattern, read_lines, read_tsv

HEADING_END = re.compile(r"[。；;]|$", re.M)


@dataclass(frozen=True)
class HeadingPattern:
    level: int
    pattern: re.Pattern
    kind: str


@lru_cache(maxsize=1)
def _patterns() -> tuple[HeadingPattern, ...]:
    return tuple(HeadingPattern(int(r["level"]), re.compile(r["pattern"]), r["kind"])
                 for r in read_tsv("heading_patterns.tsv"))


@lru_cache(maxsize=1)
def _closing_lines() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in read_lines("closing_lines.txt"))


@lru_cache(maxsize=1)
def _inline_list_forms() -> tuple[re.Pattern, ...]:
    """Responsibility lists that close a paragraph inside it (（责任单位：…）,
    ［…按职责分工负责］), not those on a line of their own (the forms named
    …-line: 牵头责任单位：… / 主要协作单位：… under the measure)."""
    return tuple(f.pattern for f in list_forms() if not f.form.endswith("-line"))


@dataclass
class _Item:
    level: int
    kind: str
    ordinal: Optional[str]
    start: int
    end: int
    body_start: int


def _heading_of(line: str) -> Optional[tuple[HeadingPattern, str]]:
    stripped = line.lstrip()
    for p in _patterns():
        m = p.pattern.match(stripped)
        if m:
            return p, m.group(0)
    return None


def opens_numbered_item(line: str) -> bool:
    """Whether a line opens a chapter, article or numbered item (一、 (一) 1. 第三条)."""
    return _heading_of(line) is not None


def find_measures(doc: Document, body_start: int = 0, body_end: Optional[int] = None) -> list[Measure]:
    """Measures of the body between ``body_start`` (after the heading) and
    ``body_end`` (the signature)."""
    view = doc.view
    body_end = len(view) if body_end is None else body_end
    items, closings = _numbered_items(doc, body_start, body_end)
    _set_ends(items, closings)
    leaves = [it for i, it in enumerate(items) if it.kind in ("item", "article", "section")
              and not _holds_deeper(items, i)]
    sections = [it for it in items if it.kind in ("section", "chapter")]
    articles = SpanSet(Span(a.start, a.end) for a in items if a.kind == "article")
    measures: list[Measure] = []
    for leaf in leaves:
        for start, end, numbered in _split_unnumbered(view, leaf):
            measures.append(_measure(view, leaf, start, end, numbered, articles, sections, len(measures) + 1))
    # from the top: a table's cells, one a line, read like heading lines to the heading reader
    for row in find_table_rows(doc, 0, body_end):
        # a task table's row is a measure: its task cell heads it, its unit columns are its list
        task = row.cells["task"]
        measures.append(Measure(position=len(measures) + 1, ordinal=row.ordinal, heading=task.text, span=row.span,
                                heading_span=task.span, section=None))
    return measures


def paragraph_measures(doc: Document, measures: list[Measure], list_spans: list[Span], body_start: int,
                       body_end: Optional[int] = None) -> list[Measure]:
    """Measures of the lists that no numbered measure holds: the text a list
    closes is its measure, from the start of its paragraph or from the list
    before it on the same line (a page cut before its numbering, 安义's
    若干措施 and 广西's 城乡清洁工程 paragraphs; a report's 一是…(责任单位:…);二是…(…),
    铁岭). A list alone on its line closes the paragraph above it."""
    view = doc.view
    end_of_body = len(view) if body_end is None else body_end
    index = MeasureIndex(measures)
    out: list[Measure] = []
    previous_end = body_start
    for span in sorted(list_spans, key=lambda s: s.start):
        if span.start < body_start or span.end > end_of_body or index.innermost(span) is not None:
            continue
        start = max(view.rfind("\n", 0, span.start) + 1, body_start, previous_end)
        while start < span.start and view[start] in PARAGRAPH_GAP:
            start += 1
        if len(view[start:span.start].strip()) < MIN_MEASURE_TEXT:
            line_end = start - 1
            while line_end > body_start and view[line_end - 1] in " \t\n\u3000":
                line_end -= 1
            start = max(view.rfind("\n", 0, line_end) + 1, body_start, previous_end)
        text = view[start:span.start].strip()
        if out and start == previous_end_kept(out, view) and FIELDS_ONLY.fullmatch(text):
            # a list run on after the one before it, only other fields between (责任单位:… 项目责任人:王伟标
            # 配合单位:…): the same task's
            last = out[-1]
            out[-1] = replace(last, span=_trim(view, last.span.start, span.end))
            previous_end = span.end
            continue
        previous_end = span.end
        if len(text) < MIN_MEASURE_TEXT or index.innermost(Span(start, start + 1)) is not None:
            continue
        heading = _first_sentence(view, start, span.start)
        out.append(Measure(position=len(measures) + len(out) + 1, ordinal=None,
                           heading=view[heading.start:heading.end].strip(), span=_trim(view, start, span.end),
                           heading_span=heading, section=None))
    return out


PARAGRAPH_GAP = " \t\u3000；;。，,"
# other fields of a task between two of its lists (项目责任人:王伟标), nothing else
FIELDS_ONLY = re.compile(r"(?:[\u4e00-\u9fff]{2,8}\s*[:：][^\s:：。；;]{0,20}\s*)*")


def previous_end_kept(out: list[Measure], view: str) -> int:
    """Where the last paragraph measure's list ended, past the gap after it."""
    end = out[-1].span.end
    while end < len(view) and view[end] in PARAGRAPH_GAP:
        end += 1
    return end
MIN_MEASURE_TEXT = 8        # characters of a sentence a list may close (not a label or a stray word)


def _numbered_items(doc: Document, body_start: int, body_end: int) -> tuple[list["_Item"], list[int]]:
    """Every numbered heading line of the body, and where closing lines stand."""
    items: list[_Item] = []
    closings: list[int] = []
    pos = 0
    for line in doc.view.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if end <= body_start or start >= body_end or doc.in_residue(Span(start, end)):
            continue
        whole = start >= body_start       # else the line of a heading that runs on into the body (a one-line page)
        if whole and any(p.match(line) for p in _closing_lines()):
            closings.append(start)
            continue
        found = _heading_of(line) if whole else None
        if found is not None:
            pattern, ordinal = found
            lead = len(line) - len(line.lstrip())
            items.append(_Item(pattern.level, pattern.kind, ordinal, start + lead, body_end,
                               start + lead + len(ordinal)))
        # a page that lost its line breaks runs its headings on after a sentence: …提出如下意见。 一、总体要求
        for m in phrase_pattern("inline_heading_start").finditer(doc.view, max(start + 1, body_start), min(end, body_end)):
            at = m.start("ordinal")
            found = _heading_of(doc.view[at:end])
            if found is not None:
                pattern, ordinal = found
                items.append(_Item(pattern.level, pattern.kind, ordinal, at, body_end, at + len(ordinal)))
    return items, closings


def _set_ends(items: list["_Item"], closings: list[int]) -> None:
    """An item runs to the next item of the same or a higher level, and stops
    before a closing line (感谢…, 联系人：…)."""
    for i, item in enumerate(items):
        item.end = next((c for c in closings if c > item.start), item.end)
        for later in items[i + 1:]:
            if later.level <= item.level:
                item.end = min(item.end, later.start)
                break


def _holds_deeper(items: list["_Item"], i: int) -> bool:
    """Whether a deeper heading stands inside item i (items are in text order:
    only those that start before it ends are looked at)."""
    it = items[i]
    for j in range(i + 1, len(items)):
        other = items[j]
        if other.start >= it.end:
            return False
        if other.level > it.level and other.start > it.start:
            return True
    return False


def _measure(view: str, leaf: "_Item", start: int, end: int, numbered: bool, articles: SpanSet,
             sections: list["_Item"], position: int) -> Measure:
    section = next((s for s in reversed(sections)
                    if s.start < leaf.start and s.end >= leaf.end and s.level < leaf.level), None)
    heading_span = _first_sentence(view, leaf.body_start if numbered else start, end)
    in_article = leaf.kind == "article" or articles.overlaps(Span(leaf.start, leaf.start + 1))
    return Measure(
        kind="provision" if in_article else "measure",
        position=position,
        ordinal=leaf.ordinal if numbered else None,
        heading=view[heading_span.start:heading_span.end].strip(),
        span=_trim(view, start, end),
        heading_span=heading_span,
        section=(view[section.body_start:_first_sentence(view, section.body_start, section.end).end].strip()
                 if section else None),
    )


def _split_unnumbered(view: str, item: _Item):
    """(start, end, numbered) parts of an item: a line after the first that
    carries its own responsible-unit list, when the text before it already
    had one, starts an unnumbered measure; so does the sentence after a list
    that closes a sentence inside a line (…信息公开。(市规划国土委负责落实)推进…:
    北京's 政务公开工作要点 give each task of an item its own list)."""
    forms = _inline_list_forms()
    cuts = []
    pos = item.start
    seen_list = False
    for line in view[item.start:item.end].split("\n"):
        line_start = pos
        pos += len(line) + 1
        has_list = any(f.search(line) for f in forms)
        if line_start > item.start and has_list and seen_list and line.strip():
            cuts.append(line_start)
        seen_list = seen_list or has_list
        cuts += [line_start + end for end in _list_ends_inside(line, forms)]
    bounds = [item.start, *sorted(set(cuts)), item.end]
    return [(s, e, i == 0) for i, (s, e) in enumerate(zip(bounds, bounds[1:]))]


AFTER_LIST = " \t\u3000\xa0。；;，,"      # what may stand between a list and the next sentence


def _list_ends_inside(line: str, forms: tuple[re.Pattern, ...]) -> list[int]:
    """Where a list ends a sentence and another sentence follows on the same line."""
    ends = []
    for form in forms:
        for m in form.finditer(line):
            rest = line[m.end():]
            after = m.end() + len(rest) - len(rest.lstrip(AFTER_LIST))
            if after < len(line.rstrip()) and m.start() > 0:
                ends.append(after)
    return ends


def _first_sentence(view: str, start: int, end: int) -> Span:
    while start < end and view[start].isspace():
        start += 1
    m = HEADING_END.search(view, start, end)
    stop = m.start() if m else end
    return Span(start, max(start, min(stop, end)))


def _trim(view: str, start: int, end: int) -> Span:
    while end > start and view[end - 1].isspace():
        end -= 1
    return Span(start, end)


@lru_cache(maxsize=1)
def _provision_exclusions() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(row["pattern"]) for row in read_tsv("provision_exclusions.tsv"))


def is_excluded_provision(view: str, measure: Measure) -> bool:
    """A definition (本条例所称…), a commencement (自…起施行), a penalty (违反本条例
    …罚款) or an interpretation clause: neither a measure nor a provision."""
    text = view[measure.span.start:measure.span.end]
    return measure.kind == "provision" and any(p.search(text) for p in _provision_exclusions())
