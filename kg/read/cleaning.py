"""Clean a decoded file: a matching view, web-page residue, sentences.

The text itself is never changed. ``Document.view`` is a copy of the same
length in which full-width digits, letters and spaces are folded to ASCII
(``kg.lexicon.folding``), so a regex run over the view gives offsets that are
valid in the text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.lexicon.folding import fold
from kg.models import Document, PortalField, SourceDocument, Span
from kg.datafiles import read_lines, read_tsv

BULLETS = "•·●▪◆-*"
# A line that opens with a bracketed document number continues the sentence
# before it: 《…意见》\n（国办发〔2019〕5号）.
NUMBER_LINE_START = re.compile(r"[（(]\s*(?:[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*\d{4}|\d{4}\s*年\s*第)")
HEADING_START = re.compile(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\(?\d+[.、．)）]|第[一二三四五六七八九十百]+[章节条]")
SENTENCE_END = "。！？!?；;"


@lru_cache(maxsize=1)
def _portal_labels() -> dict[str, str]:
    return {row["label"]: row["field"] for row in read_tsv("portal_fields.tsv")}


@lru_cache(maxsize=1)
def _residue_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in read_lines("residue_lines.txt"))


def _lines(text: str):
    """(start, end, line) for every line, end excluding the newline."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _strip_bullet(line: str) -> tuple[str, int, bool]:
    """The line without leading space and bullet; its offset; was it bulleted."""
    stripped = line.lstrip()
    offset = len(line) - len(stripped)
    bulleted = bool(stripped) and stripped[0] in BULLETS
    if bulleted:
        rest = stripped[1:]
        offset += 1 + (len(rest) - len(rest.lstrip()))
        stripped = rest.lstrip()
    return stripped.rstrip(), offset, bulleted


def _label(candidate: str) -> str | None:
    return _portal_labels().get(re.sub(r"\s+", "", candidate))


LEADING_BLOCK_LINES = 40


def find_portal(text: str) -> tuple[list[PortalField], list[Span]]:
    """Portal metadata (label/value pairs) and every residue line's span."""
    fields: list[PortalField] = []
    residue: list[Span] = []
    lines = list(_lines(text))
    patterns = _residue_patterns()
    i = 0
    while i < len(lines):
        start, end, line = lines[i]
        content, offset, bulleted = _strip_bullet(line)
        if any(p.search(line) for p in patterns):
            residue.append(Span(start, end))
            i += 1
            continue
        field = _label(content) if bulleted else None
        if field:
            residue.append(Span(start, end))
            # A bulleted label's value is the next bulleted line, unless that
            # line is itself a label (the field is empty then).
            if i + 1 < len(lines):
                vstart, vend, vline = lines[i + 1]
                value, voffset, vbulleted = _strip_bullet(vline)
                if vbulleted and value and not _label(value):
                    fields.append(PortalField(field, content, value,
                                              Span(vstart + voffset, vstart + voffset + len(value))))
                    residue.append(Span(vstart, vend))
                    i += 2
                    continue
            i += 1
            continue
        if i < LEADING_BLOCK_LINES:
            m = re.match(r"^\s*([^:：\s]{2,6}(?:\s[^:：\s]){0,3})\s*[:：]\s*(\S.*?)\s*$", line)
            if m and _label(m.group(1)) and not bulleted:
                fields.append(PortalField(_label(m.group(1)), m.group(1), m.group(2),
                                          Span(start + m.start(2), start + m.end(2))))
                residue.append(Span(start, end))
        i += 1
    return fields, residue


def split_sentences(view: str) -> list[Span]:
    """Sentence spans: cut after 。！？； and at line breaks, except a break
    inside an open 《 or before a parenthesised document number, so that a
    citation broken over two lines stays in one sentence."""
    spans = []
    start = 0
    depth = 0
    n = len(view)
    for i, ch in enumerate(view):
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth = max(0, depth - 1)
        cut = False
        if ch in SENTENCE_END and depth == 0:
            cut = True
        elif ch == "\n":
            nxt = view[i + 1:i + 40].lstrip(" \t")
            continues_citation = bool(NUMBER_LINE_START.match(nxt))
            cut = depth == 0 and not continues_citation
        if cut:
            if view[start:i + 1].strip():
                spans.append(_trim(view, start, i + 1))
            start = i + 1
    if start < n and view[start:].strip():
        spans.append(_trim(view, start, n))
    return spans


def _trim(view: str, start: int, end: int) -> Span:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return Span(start, end)


def clean(source: SourceDocument) -> Document:
    view = fold(source.text)
    fields, residue = find_portal(view)
    sentences = [s for s in split_sentences(view)
                 if not any(r.contains(s) for r in residue)]
    return Document(
        source=source,
        text=source.text,
        view=view,
        residue=tuple(residue),
        portal=tuple(fields),
        sentences=tuple(sentences),
    )


def plain_document(source: SourceDocument) -> Document:
    """The text with no layout read: one sentence, no residue or portal
    fields (what the build keeps of a file whose cleaning failed)."""
    return Document(source=source, text=source.text, view=fold(source.text), residue=(), portal=(),
                    sentences=(Span(0, len(source.text)),) if source.text else ())
