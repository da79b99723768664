"""Clean a decoded file: a matching view, web-page residue, sentences.

The text itself is never changed. ``Document.view`` is a copy of the same
length in which full-width digits, letters and spaces are folded to ASCII
(``kg.lexicon.folding``), so a regex run over the view gives offsets that are
valid in the text.
"""
from __future__ import annotations

import re

from kg.datafiles import phrase_pattern
from kg.lexicon.folding import fold, to_simplified
from kg.models import Document, SourceDocument, Span
from kg.read.layout import read_layout
from kg.read.portal import find_portal

# A line that opens with a bracketed document number continues the sentence
# before it: 《…意见》\n（国办发〔2019〕5号）.
NUMBER_LINE_START = re.compile(r"[（(]\s*(?:[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*\d{4}|\d{4}\s*年\s*第)")
SENTENCE_END = "。！？!?；;"
MAX_TITLE_LINES = 3


def split_sentences(view: str) -> list[Span]:
    """Sentence spans: cut after 。！？； and at line breaks, except a break
    inside an open 《 or an open parenthesis, or before a parenthesised
    document number, so that a citation broken over two lines stays in one
    sentence."""
    spans = []
    start = 0
    open_title = False      # inside 《…》
    breaks_in_title = 0     # line breaks since that 《 opened
    open_paren = 0          # ( or （ opened in this sentence and not yet closed
    breaks_in_paren = 0     # line breaks since the first of them opened
    n = len(view)
    for i, ch in enumerate(view):
        # 《 does not nest (a title inside a title is written 〈〉), so a second
        # 《 means the first was never closed: a page summary cut mid-title
        # must not swallow the rest of the page into one sentence.
        if ch == "《":
            open_title, breaks_in_title = True, 0
        elif ch == "》":
            open_title = False
        elif ch in "(（":
            breaks_in_paren = 0 if open_paren == 0 else breaks_in_paren
            open_paren += 1
        elif ch in ")）":
            open_paren = max(open_paren - 1, 0)
        cut = False
        if ch in SENTENCE_END and not open_title:
            cut = True
        elif ch == "\n":
            nxt = view[i + 1:i + 40].lstrip(" \t")
            continues_citation = bool(NUMBER_LINE_START.match(nxt))
            if open_title:
                breaks_in_title += 1
                # a title runs over at most MAX_TITLE_LINES lines
                open_title = breaks_in_title < MAX_TITLE_LINES
            # a line wrapped inside a parenthesis (》(⏎甬政办发〔 〕115号)), once:
            # an unclosed ( of page chrome must not swallow the page
            in_paren = open_paren > 0 and breaks_in_paren == 0 and view[i + 1:i + 2] not in ("\n", "")
            breaks_in_paren += 1
            cut = not open_title and not continues_citation and not in_paren
        if cut:
            open_paren = 0
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
    view = _without_markup(fold(to_simplified(source.text)))
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
        layout=read_layout(view, tuple(residue), tuple(fields)),
    )


BLANKED = ("markdown_markup", "lost_indent")


def _without_markup(view: str) -> str:
    """Markdown's heading marks and comments blanked (# 社会救助暂行办法 reads as
    the title), and the question marks a lossy conversion left for a line's
    ideographic indent (??上海市静安区人民政府办公室 / ??2023年4月23日 reads as a
    signature): the view keeps its length, so offsets still point into the text."""
    for name in BLANKED:
        view = phrase_pattern(name).sub(lambda m: " " * len(m.group(0)), view)
    return view


def plain_document(source: SourceDocument) -> Document:
    """The text with no layout read: one sentence, no residue or portal
    fields (what the build keeps of a file whose cleaning failed)."""
    return Document(source=source, text=source.text, view=fold(source.text), residue=(), portal=(),
                    sentences=(Span(0, len(source.text)),) if source.text else ())
