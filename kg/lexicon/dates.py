"""Dates as Chinese documents write them: 2019年7月11日, 二〇一九年七月十一日,
2020-12-01."""
from __future__ import annotations

import re
from datetime import date
from typing import Iterator, Optional

from kg.models import Span
from kg.datafiles import phrase_pattern

CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_YEAR = "[〇○零ＯO0一二三四五六七八九]{4}"     # 二00八年: a typist's zeros among the characters
CN_SMALL = "[一二三四五六七八九十]{1,3}"
FIRST_MONTH = "元"      # 2018年元月22日: 元月 is January
DATE = re.compile(
    rf"(?P<y>(?:19|20)\d{{2}}|{CN_YEAR})\s*年\s*(?P<m>\d{{1,2}}|{CN_SMALL}|{FIRST_MONTH})\s*月\s*(?P<d>\d{{1,2}}|{CN_SMALL})\s*日"
    r"|(?P<iy>(?:19|20)\d{2})[-./](?P<im>\d{1,2})[-./](?P<id>\d{1,2})(?!\d)")


def cn_number(text: str) -> int:
    """A small Chinese or Arabic number: 七 -> 7, 十一 -> 11, 二十八 -> 28, 2019."""
    if text.isdigit():
        return int(text)
    if text == FIRST_MONTH:
        return 1
    if all(c in CN_DIGITS for c in text):
        return int("".join(str(CN_DIGITS[c]) for c in text))
    if "十" in text:
        tens, _, units = text.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[units] if units else 0)
    raise ValueError(text)


def parse_match(m: re.Match) -> Optional[date]:
    try:
        if m.group("iy"):
            return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        return date(cn_number(m.group("y")), cn_number(m.group("m")), cn_number(m.group("d")))
    except ValueError:
        return None


def find_dates(view: str, start: int = 0, end: Optional[int] = None) -> Iterator[tuple[date, Span]]:
    for m in DATE.finditer(view, start, len(view) if end is None else end):
        value = parse_match(m)
        if value is not None:
            yield value, Span(m.start(), m.end())


TIME_OF_DAY = re.compile(r"\s+\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2}(?:\.\d+)?)?$")


def parse_date(text: str) -> Optional[date]:
    """A whole field or line that is one date (a portal's time of day after it
    is allowed: 2017-07-13 09:17)."""
    m = DATE.fullmatch(TIME_OF_DAY.sub("", text.strip()))
    return parse_match(m) if m else None


def field_date(value: str) -> Optional[date]:
    """A portal field's date: the whole value, one that lost its 日 or its
    marks as a signature's may (生效日期:2018年03月27), or the date it opens
    with, before a widget's words or the comma of the next label
    (2025-11-06 选择阅读; 实施日期:2007-01-29,发布日期:…). Not a day of
    1970, the epoch a site's software writes for a date it does not have
    (更新时间:1970-01-01 08:00:00; a law database's 【颁发时间】 1970-08-20)."""
    found = parse_signing_date(value.strip())
    if found is None:
        first = next(find_dates(value.strip()), None)
        found = first[0] if first and first[1].start == 0 else None
    return None if found is not None and found.year == EPOCH_YEAR else found


EPOCH_YEAR = 1970


def parse_signing_date(text: str) -> Optional[date]:
    """The date line under a signature, also where the writer left off the 日
    (2015年11月26) or the page lost the 月 and 日
    a portal sets apart (2023年724, 20221024日, 2025521): the digits after the
    year read as a month and a day in exactly one way (724 is 7-24, 213 is
    2-13; 118 could be 1-18 or 11-8 and is no date)."""
    found = parse_date(text)
    if found is not None:
        return found
    unmarked = phrase_pattern("unmarked_day_date").fullmatch(text.strip())
    if unmarked is not None:
        try:
            return date(int(unmarked.group("year")), int(unmarked.group("month")), int(unmarked.group("day")))
        except ValueError:
            return None
    m = phrase_pattern("stripped_date").fullmatch(text.strip())
    if m is None:
        return None
    year, digits = int(m.group("year")), m.group("rest")
    readings = set()
    for cut in range(1, len(digits)):
        month, day = digits[:cut], digits[cut:]
        if month.startswith("0") or day.startswith("0") or len(month) > 2 or len(day) > 2:
            continue
        try:
            readings.add(date(year, int(month), int(day)))
        except ValueError:
            continue
    return readings.pop() if len(readings) == 1 else None
