"""Reply letters to CPPCC / NPC proposals and the proposal each answers.

A reply names the session and number (市政协十三届三次会议第245号提案) in its
title, and the proposal's own title where it acknowledges it (您提出的《…建议》
收悉). The number is an integer: 第0607号 is 607.
"""
from __future__ import annotations

import re
from typing import Optional

from kg.lexicon.agencies import parse_agency
from kg.models import AreaRef, Document, Evidence, Proposal, Span
from kg.lexicon.titles import display_title

SESSION_NUMBER = re.compile(
    r"(?P<session>(?P<body>[省市区县州]?(?:政协|人大))\s*(?P<term>[一二三四五六七八九十]+届[一二三四五六七八九十]+次)\s*会议)"
    r"\s*(?:期间|上)?\s*第\s*(?P<num>\d{1,5})\s*号\s*(?:委员|代表)?\s*(?P<kind>提案|建议|议案)")
ACKNOWLEDGED = re.compile(
    r"(?:提出的|所提的?|提交的|领衔提出的)\s*(?:关于)?[《“\"](?P<title>[^》”\"]{4,120})[》”\"]"
    r"\s*(?:[（(]\s*第\s*\d+\s*号\s*[)）])?\s*(?:已)?收悉")
REPLY_WORDS = ("答复", "复函", "办理情况")


def is_reply_title(title: Optional[str]) -> bool:
    return bool(title) and any(w in title for w in REPLY_WORDS) and bool(
        re.search(r"提案|建议|议案", title))


def find_proposal(doc: Document, title_span: Optional[Span], area: Optional[AreaRef]) -> Optional[Proposal]:
    """The proposal a reply letter answers, or None if the text names none."""
    view = doc.view
    search_from = title_span.start if title_span else 0
    m = SESSION_NUMBER.search(view, search_from)
    if m is None or doc.in_residue(Span(m.start(), m.end())):
        # the portal title repeats the heading; take the heading's occurrence
        m = next((x for x in SESSION_NUMBER.finditer(view) if not doc.in_residue(Span(x.start(), x.end()))), None)
    if m is None:
        return None
    span = Span(m.start(), m.end())
    body = parse_agency(m.group("body"), area) if area else None
    session = re.sub(r"\s+", "", m.group("session"))
    if body is not None and session[0] in "省市区县州":
        session = body.area.name + session[1:]
    ack = ACKNOWLEDGED.search(view, m.end())
    title = display_title(ack.group("title")) if ack else None
    return Proposal(
        number=int(m.group("num")),
        session=session,
        title=title,
        body=body,
        evidence=Evidence("reply.session-number", span, doc.sentence_of(span)),
        raw_number=m.group("num"),
    )


def acknowledged_title_spans(doc: Document) -> list[Span]:
    """Spans of 《…》 that name the proposal being answered (not citations)."""
    return [Span(m.start("title") - 1, m.end("title") + 1) for m in ACKNOWLEDGED.finditer(doc.view)]
