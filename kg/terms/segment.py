"""Word segmentation with jieba and the project's own dictionaries.

jieba splits text into blocks on punctuation before it looks words up, so a
term holding 〔〕 or 《》 never matches: document numbers and titles are masked
first and come back as single tokens. The tokenizer is private (jieba's module
functions share one global), built once, lazily, with a user dictionary made
from the SKOS service-model labels, the programme table and the organ names —
the same data the extractors read. jieba's dictionary ships with the package;
its prefix cache is written to the project cache directory, nothing is
downloaded.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.extract.citations import find_titles
from kg.lexicon.docnumber import find_numbers
from kg.lexicon.issuers import find_code_start
from kg.models import Document, Span

USER_WORD_FREQ = 50_000
MASK = "\u3000"


@dataclass(frozen=True)
class Token:
    text: str
    span: Span
    kind: str = "word"        # word | title | number


def cache_dir() -> Path:
    base = os.environ.get("POLICY_KG_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "policy-kg"
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_words() -> list[str]:
    """The project's vocabulary: service-model labels, programme names and
    variants, organ names (one source of truth: the data files)."""
    from kg.lexicon.agencies import organ_forms, organs
    from kg.extract.themes import programme_names, service_model_labels

    words = set(service_model_labels()) | set(programme_names())
    words.update(form for form, _ in organ_forms() if len(form) >= 2)
    for organ in organs().values():
        words.update(n for n in (organ.national_name, *organ.national_short_names) if n)
    return sorted(w for w in words if not any(c in w for c in "“”《》〔〕 "))


@lru_cache(maxsize=1)
def tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(cache_dir())
    tok.cache_file = "jieba.cache"
    for word in user_words():
        tok.add_word(word, freq=USER_WORD_FREQ)
    return tok


def masked_spans(doc: Document) -> list[tuple[Span, str]]:
    spans = [(t.span, "title") for t in find_titles(doc.view)]
    spans += [(m.span, "number") for m in find_numbers(doc.view, find_code_start)]
    spans.sort(key=lambda s: (s[0].start, -s[0].end))
    out, end = [], -1
    for span, kind in spans:
        if span.start >= end:
            out.append((span, kind))
            end = span.end
    return out


def segment(doc: Document) -> list[Token]:
    """Tokens of the whole text, with offsets into ``doc.text``."""
    masks = masked_spans(doc)
    chars = list(doc.view)
    for span, _ in masks:
        chars[span.start:span.end] = MASK * (span.end - span.start)
    tokens = [Token(doc.text[s.start:s.end], s, kind) for s, kind in masks]
    for word, start, end in tokenizer().tokenize("".join(chars)):
        if word.strip() and MASK not in word:
            tokens.append(Token(word, Span(start, end)))
    tokens.sort(key=lambda t: t.span.start)
    return tokens
