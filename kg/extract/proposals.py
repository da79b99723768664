"""Reply letters to CPPCC / NPC proposals and the proposal each answers.

A reply names the session and number (市政协十三届三次会议第245号提案) in its
title, and the proposal's own title where it acknowledges it (您提出的《…建议》
收悉). The number is an integer: 第0607号 is 607.
"""
from __future__ import annotations

import re
from typing import Optional

from kg.datafiles import phrase_pattern
from kg.lexicon.agencies import parse_agency
from kg.lexicon.areas import gazetteer
from kg.models import AreaRef, Document, Evidence, Proposal, Span
from kg.lexicon.titles import display_title

# The session (市政协十三届三次会议, 政协五华区九届一次会议, 本溪市第十六届人大二次会议),
# the proposal's number after it (第245号提案, 代表建议（第24号）, 第17D22号) and the
# acknowledged title are phrase patterns (kg/data/phrase_patterns.tsv).
def answers_a_proposal(doc: Document) -> bool:
    """The words of a reply letter: the proposal acknowledged, then 答复如下."""
    return bool(phrase_pattern("reply_acknowledgement").search(doc.view))


def find_proposal(doc: Document, title_span: Optional[Span], area: Optional[AreaRef]) -> Optional[Proposal]:
    """The proposal a reply letter answers, or None if the text names none."""
    found = _session_and_number(doc, title_span.start if title_span else 0)
    if found is None:
        return _title_number(doc, title_span) or _acknowledged_number(doc) or _acknowledged_title(doc)
    session_match, number_match = found
    start = _session_start(session_match)
    span = Span(start, number_match.end())
    body = parse_agency(_body_name(session_match, start), area) if area else None
    session = re.sub(r"\s+", "", doc.view[start:session_match.end("session")])
    if body is not None and session[0] in "省市区县州":
        session = body.area.name + session[1:]
    ack = phrase_pattern("proposal_acknowledged").search(doc.view, number_match.end())
    quoted = phrase_pattern("proposal_title_after_number").match(doc.view, number_match.end())
    raw = number_match.group("num")
    return Proposal(
        number=int(raw) if raw.isdigit() else None,
        session=session,
        title=quoted.group(0).strip()[1:-1] if quoted else _quoted_title(ack),
        body=body,
        evidence=Evidence("reply.session-number", span, doc.sentence_of(span)),
        raw_number=raw,
    )


def _title_number(doc: Document, title_span: Optional[Span]) -> Optional[Proposal]:
    """A reply whose title gives the number with no session before it
    (关于市人大代表建议第200号答复的函)."""
    if title_span is None:
        return None
    m = phrase_pattern("proposal_number_in_title").search(doc.view, title_span.start, title_span.end)
    if m is None:
        return None
    raw = m.group("num1") or m.group("num2")
    span = Span(m.start(), m.end())
    ack = phrase_pattern("proposal_acknowledged").search(doc.view, title_span.end)
    return Proposal(number=int(raw) if raw.isdigit() else None, session=None,
                    title=_quoted_title(ack), body=None,
                    evidence=Evidence("reply.title-number", span, doc.sentence_of(span)), raw_number=raw)


def _acknowledged_number(doc: Document) -> Optional[Proposal]:
    """A reply that gives the number only where it acknowledges the proposal:
    您提出的《关于启动石湾镇养老服务项目的建议》（第19号）收悉; …的建议》(DH269号)已收悉
    (a register's letters before the number); …的建议》(第205号)交我们办理."""
    m = next((m for m in phrase_pattern("proposal_acknowledged").finditer(doc.view) if _acknowledged_raw(m)), None)
    if m is None:
        return None
    span = Span(m.start(), m.end())
    raw = _acknowledged_raw(m) or ""
    return Proposal(number=int(raw) if raw.isdigit() else None, session=None, title=_quoted_title(m),
                    body=None, evidence=Evidence("reply.acknowledged-number", span, doc.sentence_of(span)),
                    raw_number=raw)


def _acknowledged_title(doc: Document) -> Optional[Proposal]:
    """A reply that names the proposal by its title only (您提出的《关于…的建议》收悉,
    现答复如下: 鄂温克旗 交通运输局, 郑州 教育局, 息烽 教育局, 马关 交通运输局):
    the proposal is known by its title, with no number."""
    m = next((m for m in phrase_pattern("proposal_acknowledged").finditer(doc.view) if _quoted_title(m)), None)
    if m is None:
        return None
    span = Span(m.start(), m.end())
    return Proposal(number=None, session=None, title=_quoted_title(m), body=None,
                    evidence=Evidence("reply.acknowledged-title", span, doc.sentence_of(span)), raw_number="")


def _session_start(m: re.Match) -> int:
    """Where the session's name starts: at the area before the body (本溪市,
    or 市 for the document's own), not at the words before it (关于市政协…)."""
    before = m.group("before")
    if not before or m.group("lead"):
        return m.start("session")       # 十三届全国人大三次会议: the term stands first
    for i in range(len(before)):
        rest = before[i:]
        chain = gazetteer().split_area_prefix(rest, None)
        if (chain and chain[-1][0] == len(rest)) or (len(rest) == 1 and rest in "省市区县州"):
            return m.start("before") + i
    return m.start("before") + len(before)


def session_area(proposal: Proposal) -> Optional[AreaRef]:
    """The area a reply's session names in full (楚雄州第十三届人大四次会议, 新余市第十届
    人大三次会议): a proposal is answered by the organs of its legislature's area,
    so a reply whose text names no issuer and no area is of that area. The
    body may come first (政协安康市五届二次会议, 政协文山州十三届二次会议), and
    the term (十三届全国人大三次会议: the nation's)."""
    session = SESSION_BODY_FIRST.sub("", proposal.session) if proposal.session else None
    chain = gazetteer().split_area_prefix(session, None) if session else None
    return chain[-1][1] if chain else None


SESSION_BODY_FIRST = re.compile(r"^(?:第?[一二三四五六七八九十]+届)?(?:(?:中国人民)?(?:政治协商会议|政协))?")


def _body_name(m: re.Match, start: int) -> str:
    """政协五华区 -> 五华区政协: the area, then the body, as organs are named."""
    body = {"人民代表大会": "人大", "政治协商会议": "政协"}.get(m.group("body"), m.group("body"))
    before = m.string[start:m.start("body")] if m.group("before") else ""
    return (m.group("after") or re.sub(r"第[一二三四五六七八九十]+届", "", before) or "") + body


def _session_and_number(doc: Document, search_from: int) -> Optional[tuple[re.Match, re.Match]]:
    """The first session named outside the residue (the heading's, not the
    portal title's) that a proposal number follows, with that number."""
    for start in (search_from, 0):
        for m in phrase_pattern("proposal_session").finditer(doc.view, start):
            if doc.in_residue(Span(m.start(), m.end())):
                continue
            number = phrase_pattern("proposal_number_after").match(doc.view, m.end())
            if number and (number.group("kind1") or number.group("kind2")
                           or _kind_near(doc.view, number.end())):
                return m, number
    return None


def _kind_near(view: str, end: int) -> bool:
    """答复 / 办理 right after the number (《…的建议》（2301号）办理情况的答复), or the
    proposal's own title in quotes (第16号“关于将…纳入…改造项目的建议”的答复, 兴庆区 住建局;
    第0566号“关于…的建议”的提案, 天津 发改委)."""
    return bool(re.match(r"\s*(?:[)）]\s*)?(?:办理|的?答复|的?复函)", view[end:end + 12])
                or phrase_pattern("proposal_title_after_number").match(view, end))


def acknowledged_title_spans(doc: Document) -> list[Span]:
    """Spans of 《…》 (or “…”) that name the proposal being answered (not citations)."""
    return [Span(m.start(_title_group(m)) - 1, m.end(_title_group(m)) + 1)
            for m in phrase_pattern("proposal_acknowledged").finditer(doc.view) if _quoted_title(m)]


def _title_group(m: re.Match) -> str:
    """The group of an acknowledged proposal's title: in 《》 or in quotes."""
    return "title" if m.group("title") is not None else "qtitle"


def _quoted_title(m: Optional[re.Match]) -> Optional[str]:
    """The acknowledged proposal's title where quotes mark where it ends: one
    written without them (您提出的关于…的提案已收悉) makes the letter a reply
    and may carry its number, but its extent is a guess, so it names nothing."""
    if m is None or (m.group("title") is None and m.group("qtitle") is None):
        return None
    return display_title(m.group(_title_group(m)))


def _acknowledged_raw(m: re.Match) -> Optional[str]:
    """The number after the acknowledged title ((第19号)) or before it (第18号“…”)."""
    return m.group("num") or m.group("pre")
