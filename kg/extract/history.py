"""A regulation's own history: the lines under its title that say when it
was adopted, amended and revised (2014年9月26日 山东省…会议修订) are its
dated versions, each with the line as evidence (kg.lexicon.versions holds
the national laws' versions as reference data)."""
from __future__ import annotations

from datetime import date
from typing import Optional

from kg.datafiles import phrase_pattern, read_tsv
from kg.lexicon.dates import find_dates
from kg.models import Document, Evidence, Fact, Span


def version_facts(doc: Document, history: list[tuple[Span, str]]) -> list[Fact]:
    """One ``version`` fact per history line that names an event: its value
    (date of the session that decided it, event)."""
    facts: list[Fact] = []
    for span, _ in history:
        found = _version(doc, span)
        if found is not None:
            event = found[1] if found[1] != "adopted" or not facts else "amended"   # a later 通过: a change adopted
            facts.append(Fact("version", (found[0], event), Evidence("identity.version-history", span,
                                                                        doc.sentence_of(span))))
    return facts


def _version(doc: Document, span: Span) -> Optional[tuple[date, str]]:
    text = doc.view[span.start:span.end]
    events = list(phrase_pattern("version_event").finditer(text))
    if not events:
        return None
    event = events[-1]
    # the date of the session that decided it: the first date before the event
    # word that a session follows (not a 施行 date, not the approval's)
    for value, where in find_dates(doc.view, span.start, span.start + event.start()):
        after = doc.view[where.end:span.end]
        if phrase_pattern("session_after_date").match(after):
            return value, _events()[event.group("event")]
    return None


def _events() -> dict[str, str]:
    return {row["word"]: row["event"] for row in read_tsv("version_events.tsv")}
