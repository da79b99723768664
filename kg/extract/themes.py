"""Service models (SKOS, ontology/service-models.ttl) and named programmes.

Service models are found by their labels, longest first, straight in the text:
a dictionary term is found whatever a segmenter would do around it.
Programmes come from a dictionary (``programmes.tsv``) and from patterns
(实施…工程, 建立…制度, “四同步”机制; ``programme_patterns.tsv``); variants of one
programme (职工长期护理保险制度, 长护险) merge into one.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from kg.models import ConceptMention, Document, ProgrammeMention, Span, SpanSet
from kg.lexicon.schemes import service_model_labels
from kg.datafiles import read_tsv, split_list

MIN_PROGRAMME = 4


def _alternation(words) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))))


@lru_cache(maxsize=1)
def _concept_pattern() -> re.Pattern:
    return _alternation(service_model_labels())


def find_service_models(doc: Document, start: int = 0) -> list[ConceptMention]:
    labels = service_model_labels()
    out = []
    for m in _concept_pattern().finditer(doc.view, start):
        span = Span(m.start(), m.end())
        if not doc.in_residue(span):
            out.append(ConceptMention(labels[m.group(0)], m.group(0), span))
    return out


@lru_cache(maxsize=1)
def programme_names() -> dict[str, str]:
    """Every dictionary name and variant -> the canonical name."""
    out = {}
    for row in read_tsv("programmes.tsv"):
        out[row["name"]] = row["name"]
        for alt in split_list(row["alt_labels"]):
            out.setdefault(alt, row["name"])
    return out


@lru_cache(maxsize=1)
def _programme_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r["pattern"]), r["rule"]) for r in read_tsv("programme_patterns.tsv"))


def canonical_programme(written: str) -> Optional[str]:
    """The dictionary name a written name stands for, or the written name
    itself when it is specific enough to be a programme of its own."""
    names = programme_names()
    if written in names:
        return names[written]
    for variant in sorted(names, key=len, reverse=True):   # 职工长期护理保险制度 ⊃ 长期护理保险制度
        if len(variant) >= MIN_PROGRAMME and variant in written and len(written) - len(variant) <= 4:
            return names[variant]
    core = written.strip("“”\"")
    return written if len(core) >= MIN_PROGRAMME else None


def find_programmes(doc: Document, start: int = 0) -> list[ProgrammeMention]:
    view = doc.view
    found: list[ProgrammeMention] = []
    taken = SpanSet()
    for m in _alternation(programme_names()).finditer(view, start):
        span = Span(m.start(), m.end())
        if not doc.in_residue(span):
            found.append(ProgrammeMention(programme_names()[m.group(0)], m.group(0), span, "programme.dictionary"))
            taken.add(span)
    for pattern, rule in _programme_patterns():
        for m in pattern.finditer(view, start):
            span = Span(m.start("name"), m.end())
            if taken.overlaps(span) or doc.in_residue(span):
                continue
            written = view[span.start:span.end]
            name = canonical_programme(written)
            if name:
                found.append(ProgrammeMention(name, written, span, rule))
                taken.add(span)
    return sorted(found, key=lambda p: p.span.start)
