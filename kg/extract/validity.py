"""When a document is in force: its entry into force, its expiry and whether
it is provisional, each from the clause that says so.

The clauses are data (``kg/data/validity_clauses.tsv``): 本办法自2022年1月1日
起施行 (a date), 本通知自印发之日起施行 (the document's own date),
本规定自公布之日起施行 (its publication), 有效期5年 (counted from the entry into
force), 有效期至2025年12月31日. A clause speaks of the document whose type it
names (本办法, 本通知): on a page that issues another document (关于印发X的通知)
the clause of X is X's, not the notice's, and is left to X. 试行 and 暂行 in the
title make it provisional.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from kg.datafiles import read_tsv
from kg.lexicon.dates import field_date, parse_date, parse_signing_date
from kg.lexicon.docnumber import cn_integer
from kg.datafiles import phrase_pattern
from kg.lexicon.titles import display_title, document_type, find_titles, self_references, title_key, wrapped_title
from kg.models import AreaRef, Citation, DocRef, Document, Evidence, Fact, Span
from kg.relations import Relation

# provisional by its own title's ending: …办法（试行）, …暂行办法, …暂行管理办法 (上思's 涉农资金 办法; 湘西's
# 名牌产品 办法) (not a 《…（试行）》 it cites, nor the document a 印发 notice issues)
PROVISIONAL = re.compile(r"(?:[（(]\s*(?:试行|暂行)\s*[)）]|(?:暂行|试行)(?:管理|实施)?(?:办法|规定|条例|细则|方案))$")


ABOVE_THE_BODY = ("in_force_promulgated", "in_force_promulgated_on_publication", "in_force_promulgated_now",
                  "in_force_adoption_note", "in_force_history_note", "in_force_history_published", "in_force_published_note",
                  "in_force_days_after_publication")


@lru_cache(maxsize=1)
def _clauses() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((row["kind"], re.compile(row["pattern"])) for row in read_tsv("validity_clauses.tsv"))


def find_validity(doc: Document, title: Optional[tuple[str, Span]], own_date: Optional[date],
                  publication_date: Optional[date], body_start: int) -> list[Fact]:
    """Facts of the document's validity: ``entry_into_force`` and ``expiry``
    (dates), ``provisional`` (True), each with the sentence behind it."""
    facts: list[Fact] = []
    entry: Optional[date] = None
    title_text, title_span = title if title else (None, None)
    for kind, pattern in _clauses():
        # the announcement or order that promulgates the page's regulation stands above its heading
        for m in pattern.finditer(doc.view, 0 if kind in ABOVE_THE_BODY else body_start):
            span = Span(m.start(), m.end())
            subject = _subject(doc, m, span)
            if not (_is_a_document(subject) and _speaks_of_own(subject, title_text)):
                continue       # 本市自…起实行新标准: a place, not a document, takes it up
            if subject is None and kind.startswith("expiry"):
                continue       # a term no 本X claims (a table's 定报有效期至2024年1月31日 of a survey it lists)
            evidence = Evidence(f"validity.{kind.replace('_', '-')}", span, doc.sentence_of(span))
            value = _clause_value(doc.view, kind, m, own_date, publication_date, entry)
            if value is None:
                continue
            if kind.startswith("in_force") and entry is None:
                entry = value
                facts.append(Fact("entry_into_force", value, evidence))
            elif kind.startswith("expiry") and not any(f.name == "expiry" for f in facts):
                facts.append(Fact("expiry", value, evidence))
            break
    effective = doc.portal_value("date_effective")
    if entry is None and effective is not None and (value := field_date(effective.value)) is not None:
        # a portal's 实施日期 / 施行日期 where the text states none
        facts.append(Fact("entry_into_force", value,
                          Evidence("validity.portal-effective", effective.span, doc.sentence_of(effective.span))))
    repealed = doc.portal_value("date_repealed")
    if (not any(f.name == "expiry" for f in facts) and repealed is not None
            and (value := field_date(repealed.value)) is not None):
        # a portal's 废止时间 / 失效日期 where the text states no term
        facts.append(Fact("expiry", value,
                          Evidence("validity.portal-expiry", repealed.span, doc.sentence_of(repealed.span))))
    if (title_text and title_span and wrapped_title(title_text) is None and PROVISIONAL.search(title_text.strip())
            and not phrase_pattern("news_headline").search(title_text)):
        # 海南省出台游艇管理试行办法: a headline reports the provisional rule; the page is no rule
        facts.append(Fact("provisional", True, Evidence("validity.provisional-title", title_span,
                                                        doc.sentence_of(title_span))))
    return facts


def _clause_value(view: str, kind: str, m: re.Match, own_date: Optional[date], publication_date: Optional[date],
                  entry: Optional[date]) -> Optional[date]:
    """The date a clause gives, where the promulgating order stands it may be dated under its sentence."""
    if kind == "in_force_promulgated_now":       # 现予发布施行: the day the order is signed
        return _dated_below(view, m.end()) or own_date
    if kind == "in_force_days_after_publication":
        return _days_after_publication(view, m, own_date, publication_date)
    if kind == "in_force_promulgated_on_publication":
        # the order that publishes the rule is signed under its sentence: that day is its 公布, before a
        # portal's 发布日期, which may be the meeting's (天津's 2014 decision, 北京's 令第259号, 日喀则's 公告)
        return _dated_below(view, m.end()) or _value(kind, m, own_date, publication_date, entry)
    return _value(kind, m, own_date, publication_date, entry)


def _dated_below(view: str, end: int) -> Optional[date]:
    """The date a promulgating announcement or order is signed on, a line of
    its own within the lines under its sentence (…现予公布,自公布之日起施行。 /
    2021年9月29日; … / 部长 李盛霖 / 二○○九年六月二十三日): the day it published
    the rule."""
    lines = [line.strip() for line in view[end:].split("\n")[1:] if line.strip()][:PROMULGATION_SIGNATURE_LINES]
    return next((d for d in map(parse_signing_date, lines) if d), None)


PROMULGATION_SIGNATURE_LINES = 6      # non-blank: 特此公告 / the organ / its date, blank lines between (日喀则)


def _days_after_publication(view: str, m: re.Match, own_date: Optional[date],
                            publication_date: Optional[date]) -> Optional[date]:
    """自公布之日起三十日后施行: that many days after the day the order that
    promulgates it is signed (the date under its sentence), else after the
    document's own date or the day a portal published it."""
    published = _dated_below(view, m.end()) or own_date or publication_date
    return published + timedelta(days=cn_integer(m.group("days"))) if published else None


def _value(kind: str, m: re.Match, own_date, publication_date, entry) -> Optional[date]:
    if "date" in m.re.groupindex:       # a clause that states the date itself (202271日: 年 and 月 lost)
        return parse_signing_date(re.sub(r"\s+", "", m.group("date")))
    if kind in ("in_force_on_issue", "in_force_issued_now"):
        return own_date
    if kind in ("in_force_on_publication", "in_force_promulgated_on_publication"):
        return publication_date or own_date
    if kind == "expiry_years" and entry is not None:
        years = cn_integer(m.group("years"))
        try:
            return entry.replace(year=entry.year + years) - timedelta(days=1)
        except ValueError:        # 29 February
            return entry.replace(year=entry.year + years, day=28) - timedelta(days=1)
    return None


SUBJECT = re.compile(r"本(?P<type>[\u4e00-\u9fff]{1,4}?)(?:自|从|于|的|有效期)")


def _subject(doc: Document, m: re.Match, span: Span) -> Optional[str]:
    """The document type a clause speaks of: its own 本办法, or for 有效期5年
    the 本X its sentence names before it."""
    if "type" in m.re.groupindex:
        return m.group("type")
    sentence = doc.sentence_of(span)
    found = [s.group("type") for s in SUBJECT.finditer(doc.view, sentence.start, span.start)]
    return found[-1] if found else None


def _is_a_document(type_word: Optional[str]) -> bool:
    """本办法, 本实施意见, 本文件: a document speaks of itself; 本市, 本县 are places."""
    return type_word is None or document_type(type_word) is not None or f"本{type_word}" in self_references()


def _speaks_of_own(type_word: Optional[str], title: Optional[str]) -> bool:
    """本办法 on a page whose title is that of a 办法, or of no wrapper: the
    page's own document; on 关于印发《X办法》的通知 the 办法 is X."""
    if not title or not type_word:
        return True
    wrapped = wrapped_title(title)
    own = document_type(title)
    if wrapped is not None:
        inner = document_type(wrapped.title)
        return not (inner and type_word and inner.suffix.endswith(type_word)) or (
            own is not None and own.suffix.endswith(type_word))
    return True


HISTORY_CHARS = 2000        # a regulation's history stands under its title, at the top


def history_amendments(doc: Document, own: DocRef, area: Optional[AreaRef]) -> list[Citation]:
    """The decisions a regulation's history names as amending it
    (2023年12月29日 …《关于修改〈中华人民共和国慈善法〉的决定》修正; 根据…令第99号发布的
    《…决定》第一次修正): each amends this document (eli:amends from the
    decision, eli:amended_by from this one), with its history line."""
    from kg.extract.citations import doc_ref
    out = []
    start = 0
    for line in doc.view[:HISTORY_CHARS].split("\n"):
        end = start + len(line)
        text = line.strip()
        # a note's later line may open with its amendment (上海 市容 条例, 宁夏 乡镇人大 条例: 根据2003年…《关于修改〈X〉的决定》修正)
        if (phrase_pattern("adoption_line").match(text) or phrase_pattern("adoption_note").match(text)
                or phrase_pattern("order_amending_lead").match(text)):
            quoted = [(t.title, t.span, t.span.end) for t in find_titles(doc.view[:end]) if t.span.start >= start]
            for title, span, after in quoted + _nested_decisions(doc.view, start, end, [q[1] for q in quoted]):
                m = phrase_pattern("amended_in_history").match(doc.view, after, end)
                if m is None:
                    continue
                evidence = Evidence("validity.amended-history", span, doc.sentence_of(span))
                out.append(Citation(target=own, relation=Relation.AMENDS, evidence=evidence,
                                    source=doc_ref(title, None, area), trigger=m.group(0).strip(),
                                    link_rule="link.amends-history"))
        start = end + 1
    return out + _amending_decisions_of_own(doc, own, area, {c.evidence.span for c in out})


def _amending_decisions_of_own(doc: Document, own: DocRef, area: Optional[AreaRef],
                               taken: set[Span]) -> list[Citation]:
    """A decision that amends the page's own regulation by name, said so
    where the history's lines are not: a note run into one line with the
    text (海南's 生态保护红线 规定 on a law site: …通过 根据…《关于修改〈海南省生态保护红线
    管理规定〉的决定》修正) or an editor's note (福州's 办法: 本篇法规已被《…关于修改
    <福州市流动人口计划生育管理办法>的决定》(发布日期:…)修改)."""
    from kg.extract.citations import doc_ref
    if not own.title:
        return []
    own_key = title_key(own.title)
    out = []
    for t in find_titles(doc.view[:HISTORY_CHARS]):
        inner = phrase_pattern("decision_amends_title").fullmatch(t.title)
        if t.span in taken or inner is None or title_key(inner.group("amended")) != own_key:
            continue
        m = phrase_pattern("amended_by_named_decision").match(doc.view, t.span.end)
        if m is None:
            continue
        out.append(Citation(target=own, relation=Relation.AMENDS,
                            evidence=Evidence("validity.amended-history", t.span, doc.sentence_of(t.span)),
                            source=doc_ref(t.title, None, area), trigger=m.group("verb"),
                            link_rule="link.amends-history"))
    return out


def _nested_decisions(view: str, start: int, end: int, quoted: list[Span]) -> list[tuple[str, Span, int]]:
    """An amending decision whose title holds the amended one's, which holds
    a law's (关于修改《山东省实施〈中华人民共和国残疾人保障法〉办法》的决定修正, written
    without its own 《》 as 山东 and 上海 histories do, or in a third level of
    brackets, 《关于修改〈浙江省实施《…》办法〉的决定》, which the plain title
    reader cannot pair): (title, span, where its trigger may start)."""
    out = []
    for m in phrase_pattern("nested_amending_decision").finditer(view, start, end):
        span = Span(m.start("title"), m.end("title"))
        if any(q.start <= span.start and span.end <= q.end for q in quoted):
            continue        # a title the plain reader found whole
        out.append((display_title(m.group("title")), span, m.end()))
    return out
