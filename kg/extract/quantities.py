"""Targets (deadline, indicator, value, unit) and money amounts in yuan.

``2022年底前，街道综合养老服务中心、社区日间照料中心覆盖率分别达到100%、90%``
gives two targets with deadline 2022-12-31; ``投入500万元`` an amount of
5,000,000 yuan; ``500—4800元/月`` a range per month. Patterns and units are
data (target_patterns.tsv, deadline_patterns.tsv, units.tsv).
"""
from __future__ import annotations

from bisect import bisect_left

import re
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Optional

from kg.models import Amount, Document, Span, Target
from kg.datafiles import read_tsv

MAGNITUDE = {"": Decimal(1), "万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1000)}
NUMBER = r"\d+(?:\.\d+)?"
MONEY = re.compile(
    rf"(?P<per_before>每(?:人|张床位?|个|户|家|月|年|床)?)?(?P<low>{NUMBER})\s*(?P<low_mag>万|亿|千)?"
    rf"(?:\s*(?:—|－|-|~|～|至|到)\s*(?P<high>{NUMBER})\s*(?P<high_mag>万|亿|千)?)?\s*(?P<yuan>元)"
    r"(?:\s*/\s*(?P<per_after>[人月年户床张次](?:\s*/\s*[人月年户床张次])?))?")
CLAUSE_END = "，。；：,;:\n"


@lru_cache(maxsize=1)
def _target_patterns():
    units = "|".join(map(re.escape, _units()))
    return tuple((re.compile(r["pattern"].replace("{UNITS}", units)), r["shape"])
                 for r in read_tsv("target_patterns.tsv"))


@lru_cache(maxsize=1)
def _deadline_patterns():
    return tuple((re.compile(r["pattern"]), r["when"]) for r in read_tsv("deadline_patterns.tsv"))


@lru_cache(maxsize=1)
def _units() -> tuple[str, ...]:
    return tuple(sorted((r["unit"] for r in read_tsv("units.tsv")), key=len, reverse=True))


def deadline_in(text: str) -> Optional[tuple[date, int]]:
    """The deadline a sentence sets, and where its phrase ends."""
    for pattern, when in _deadline_patterns():
        m = pattern.search(text)
        if m:
            year = int(m.group("year"))
            return (date(year, 12, 31) if when == "year-end" else date(year - 1, 12, 31)), m.end()
    return None


def _split_value(text: str) -> tuple[Decimal, Optional[str]]:
    m = re.match(rf"\s*({NUMBER})\s*(.*)", text)
    assert m is not None, "called on a value that opens with a number"
    rest = m.group(2).strip()
    unit = next((u for u in _units() if rest.startswith(u)), None)
    return Decimal(m.group(1)), unit


def find_targets(doc: Document, sentences: list[Span]) -> list[Target]:
    """Quantified targets. A deadline (2022年底前) governs its sentence and the
    sentences after it in the same paragraph."""
    out = []
    view = doc.view
    deadline, paragraph = None, -1
    line_starts = [i for i, ch in enumerate(view) if ch == "\n"]
    for sentence in sentences:
        this_paragraph = bisect_left(line_starts, sentence.start)      # line breaks before it: one count per text
        if this_paragraph != paragraph:
            deadline, paragraph = None, this_paragraph
        text = view[sentence.start:sentence.end]
        found = deadline_in(text)
        rest_start = sentence.start
        if found is not None:
            deadline, after = found
            rest_start = sentence.start + after
            while rest_start < sentence.end and view[rest_start] in "，, 前":
                rest_start += 1
        if deadline is None:
            continue
        for pattern, shape in _target_patterns():
            matches = [t for m in pattern.finditer(view, rest_start, sentence.end)
                       for t in _targets_of(view, m, shape, deadline)]
            if matches:
                out += matches
                break
    return out


def _targets_of(view: str, m: re.Match, shape: str, deadline: date):
    span = Span(m.start(), m.end())
    if shape == "indicator-value":
        units = "|".join(map(re.escape, _units()))
        values = list(re.finditer(rf"{NUMBER}\s*(?:{units})?", m.group("values")))
        indicator = re.sub(r"从.*$", "", m.group("indicator")).strip()
        subjects = [s.strip() for s in re.split(r"[、和]", indicator)]
        head = _indicator_head(subjects[-1]) if len(values) > 1 and len(subjects) == len(values) else ""
        comparison = m.group("cmp") + ("…以上" if m.group("above") else "")
        for i, v in enumerate(values):
            value, unit = _split_value(v.group(0))
            if unit is None and not v.group(0).strip().replace(".", "").isdigit():
                continue
            name = (subjects[i] + head if head and not subjects[i].endswith(head) else subjects[i]) \
                if len(values) > 1 and len(subjects) == len(values) else indicator
            start = m.start("values") + v.start()
            yield Target(name, value, unit, comparison, deadline, span, Span(start, start + len(v.group(0))),
                         rule=f"target.{shape}")
    else:
        pos = m.start("items")
        for item in m.group("items").split("、"):
            start = pos
            pos += len(item) + 1
            number = re.match(rf"\s*({NUMBER})\s*", item)
            if not number:
                continue
            rest = item[number.end():]
            unit = next((u for u in _units() if rest.startswith(u)), None)
            if unit is None:
                continue
            yield Target(m.group("verb") + rest[len(unit):].strip(), Decimal(number.group(1)), unit,
                         m.group("verb"), deadline, span, Span(start + number.start(1), start + number.end() + len(unit)),
                         rule=f"target.{shape}")


def _indicator_head(last: str) -> str:
    """The measure word shared by a list of indicators (覆盖率 in
    街道综合养老服务中心、社区日间照料中心覆盖率)."""
    m = re.search(r"(覆盖率|达标率|入住率|占比|比例|比重|率|数量|总量)$", last)
    return m.group(1) if m else ""


def find_amounts(doc: Document, start: int = 0) -> list[Amount]:
    view = doc.view
    out = []
    for m in MONEY.finditer(view, start):
        span = Span(m.start(), m.end())
        if doc.in_residue(span):
            continue
        low = Decimal(m.group("low")) * MAGNITUDE[m.group("low_mag") or ""]
        high = None
        if m.group("high"):
            # 5—15万元: a magnitude written once applies to both ends
            mag = m.group("high_mag") or m.group("low_mag") or ""
            high = Decimal(m.group("high")) * MAGNITUDE[mag]
            if not m.group("low_mag") and m.group("high_mag"):
                low = Decimal(m.group("low")) * MAGNITUDE[m.group("high_mag")]
        per = "/".join(p for p in ((m.group("per_before") or "")[1:], re.sub(r"\s", "", m.group("per_after") or ""))
                       if p) or None
        out.append(Amount(view[span.start:span.end], None if high else low, low if high else None, high,
                          per, _clause_without(view, span), span))
    return out


def _clause_without(view: str, span: Span) -> str:
    start = span.start
    while start > 0 and view[start - 1] not in CLAUSE_END:
        start -= 1
    end = span.end
    while end < len(view) and view[end] not in CLAUSE_END:
        end += 1
    return (view[start:span.start] + view[span.end:end]).strip()
