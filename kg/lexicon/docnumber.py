"""Document numbers (发文字号): one value that parses and formats itself.

``DocNumber.parse("国办发[2019]05号")`` and every other bracket, width and
spacing variant give the same canonical form, ``国办发〔2019〕5号``: ASCII
digits, the year in 〔〕, no leading zeros, no 第. Announcement numbers keep
their own form, ``2019年第76号``, and so do orders, which have no year:
``广州市人民政府令第179号``, ``中华人民共和国主席令第二十四号`` (→ 第24号).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from kg.datafiles import name_endings, phrase_pattern
from kg.lexicon.areas import gazetteer
from kg.lexicon.folding import fold
from kg.lexicon.issuers import boundary_cut
from kg.models import Span

OPEN = re.escape("〔[［(（【﹝〖{｛")
CLOSE = re.escape("〕]］)）】﹞〗}｝")
CJK = "\u4e00-\u9fff"
# The issuer code is found separately (see issuers.find_code_start): the
# regex only anchors on the bracketed year and the sequence number.
NUMBER_TAIL = re.compile(
    rf"[{OPEN}]\s*(?P<year>(?:19|20)\d{{2}})\s*[{CLOSE}]\s*第?\s*(?P<seq>0*\d{{1,5}})\s*号")
DAMAGED_FORMS = (
    re.compile(rf"[{OPEN}]\s*(?P<year>(?:19|20)\d{{2}})(?P<seq>[1-9]\d{{0,3}})\s*号"),         # close lost
    re.compile(rf"(?<![{OPEN}\d])(?P<year>(?:19|20)\d{{2}})\s*[{CLOSE}]\s*第?\s*(?P<seq>0*\d{{1,5}})\s*号"),  # open lost
)
BRACKETED_TAIL = re.compile(r"\s*(?:文件|文)?\s*[)）]")
LIST_CONTINUATION = re.compile(r"\s*[、，,和及]\s*第?\s*(?P<seq>0*\d{1,5})\s*号")
ANNOUNCEMENT = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年\s*第\s*(?P<seq>0*\d{1,5})\s*号(?!\s*(?:委员)?(?:提案|建议|议案))")
CN_SEQ = "[〇零一二三四五六七八九十百千]{1,8}"
# An order of a government, a ministry or the President: the organ's name
# then 令; where the organ's name starts is found by order_start().
# A legislature's announcement is numbered like an order, within its term:
# 营口市人民代表大会常务委员会公告〔十七届〕第28号. An order may be written in
# parentheses or without 第: 天津市人民政府令(第110号), 自治区政府令124号.
ORDER = re.compile(rf"(?P<organ>[{CJK}]{{2,30}}?(?:令|公告))\s*[（(]?\s*"
                   rf"(?:[〔\[［(（【]\s*(?P<term>[一二三四五六七八九十]+届)\s*[〕\]］)）】])?\s*"
                   rf"第?\s*(?P<seq>\d{{1,5}}|{CN_SEQ})\s*号\s*[)）]?")
ORDER_ORGAN_ENDINGS = name_endings("order_organ")
CJK_CHAR = re.compile(f"[{CJK}]")
MAX_JOINT_ORGAN = 20       # characters of one organ's full name in a joint order
CANONICAL = re.compile(rf"^(?P<code>[{CJK}]+)〔(?P<year>\d{{4}})〕(?P<seq>[1-9]\d*)号$")


@dataclass(frozen=True)
class DocNumber:
    code: Optional[str]   # issuer code (机关代字), or an order's organ + 令; None for an announcement number
    year: Optional[int]   # None for an order
    seq: int

    @property
    def is_announcement(self) -> bool:
        return self.code is None

    @property
    def is_order(self) -> bool:
        return self.year is None

    @property
    def is_filing(self) -> bool:
        """A filing number (备案号: 渝文备〔2017〕1218号), printed above a normative
        document's heading beside its own number: it registers the document
        with the government that reviews it; it is neither its number nor a
        document it cites."""
        return bool(self.code) and bool(phrase_pattern("filing_code").search(self.code or ""))

    def __str__(self) -> str:
        if self.code is None:
            return f"{self.year}年第{self.seq}号"
        if self.year is None:
            return f"{self.code}第{self.seq}号"
        return f"{self.code}〔{self.year}〕{self.seq}号"

    @classmethod
    def parse(cls, text: str) -> "DocNumber":
        """Parse one number written in any variant; ValueError if it is none."""
        view = re.sub(r"\s+", "", fold(text))
        m = re.fullmatch(rf"(?P<code>[{CJK}]+)" + NUMBER_TAIL.pattern.replace(r"\s*", ""), view)
        if m:
            return cls(m.group("code"), int(m.group("year")), int(m.group("seq")))
        m = ANNOUNCEMENT.fullmatch(view)
        if m:
            return cls(None, int(m.group("year")), int(m.group("seq")))
        joint, _, single = view.rpartition(JOINT)
        m = ORDER.fullmatch(single)
        if m and m.group("organ").endswith(ORDER_ORGAN_ENDINGS) and all(_order_organ(o) for o in joint.split(JOINT) if joint):
            return cls((joint + JOINT if joint else "") + _order_code(m), None, cn_integer(m.group("seq")))
        raise ValueError(f"not a document number: {text!r}")


def normalise(text: str) -> str:
    """The canonical key of a written document number."""
    return str(DocNumber.parse(text))


@dataclass(frozen=True)
class NumberMatch:
    number: DocNumber
    span: Span            # the whole written number, issuer code included
    code_known: bool      # the issuer code was recognised by the issuer tables
    damaged: bool = False  # read from a form with a bracket lost (国办发〔20195号)


def find_numbers(view: str, code_start) -> Iterator[NumberMatch]:
    """Every document number in a (folded) text, in order.

    ``code_start(view, end)`` returns where the issuer code ending at ``end``
    begins and whether it is a known code (see ``issuers.find_code_start``).
    Lists such as ``鲁政办发〔2019〕5号、6号`` yield one match per number.
    """
    taken_until = 0
    for m in NUMBER_TAIL.finditer(view):
        code_end = m.start()
        while code_end > 0 and view[code_end - 1] in " \t\n":
            code_end -= 1
        found = code_start(view, code_end)
        if found is None:
            continue
        start, known = found
        if start < taken_until:
            continue
        code = view[start:code_end]
        year = int(m.group("year"))
        yield NumberMatch(DocNumber(code, year, int(m.group("seq"))), Span(start, m.end()), known)
        end = m.end()
        while True:
            cont = LIST_CONTINUATION.match(view, end)
            if not cont:
                break
            yield NumberMatch(DocNumber(code, year, int(cont.group("seq"))),
                              Span(cont.start("seq"), cont.end()), known)
            end = cont.end()
        taken_until = end
    yield from _damaged_numbers(view, code_start)
    for m in ANNOUNCEMENT.finditer(view):
        yield NumberMatch(DocNumber(None, int(m.group("year")), int(m.group("seq"))),
                          Span(m.start(), m.end()), True)
    yield from find_orders(view)


def _damaged_numbers(view: str, code_start) -> Iterator[NumberMatch]:
    """Numbers that lost a bracket in the source (国办发〔20195号, 国办发2019〕5号),
    read only where the code is a known one, or where the whole number stands
    in parentheses (《…》（浙民福〔201028号）): then the four digits after the
    code can only be the year."""
    for pattern in DAMAGED_FORMS:
        for m in pattern.finditer(view):
            found = code_start(view, m.start())
            if found is None:
                continue
            start, known = found
            if not known and not (start > 0 and view[start - 1] in "（(" and BRACKETED_TAIL.match(view, m.end())):
                continue
            yield NumberMatch(DocNumber(view[start:m.start()], int(m.group("year")), int(m.group("seq"))),
                              Span(start, m.end()), True, damaged=True)


def find_orders(view: str) -> Iterator[NumberMatch]:
    """Orders: 广州市人民政府令第179号, also across a line break; the organ's
    name starts at 中华人民共和国 or an area name, else after the run's
    first four characters at most (民政部令)."""
    for m in ORDER.finditer(view):
        organ = m.group("organ")
        if not organ.endswith(ORDER_ORGAN_ENDINGS):
            continue
        start = m.start() + order_start(organ)
        # 1992年10月22日省人民政府令第18号: a date before the organ is no part of it
        dates = list(DATE_TAIL.finditer(view, max(0, m.start() - 1), m.end("organ")))
        if dates:
            start = max(start, dates[-1].end())
        start = _joint_start(view, start)
        yield NumberMatch(DocNumber(_order_code(m, view[start:m.end("organ")]), None, cn_integer(m.group("seq"))),
                          Span(start, m.end()), True)


DATE_TAIL = re.compile(r"[0-9０-９〇○零一二三四五六七八九十]{1,4}[年月日]")
TERM_IN_NAME = re.compile(r"第(?P<term>[一二三四五六七八九十]+届)(?=人民代表大会)")
JOINT = "、"     # 中华人民共和国国务院、中华人民共和国中央军事委员会令第413号: a joint order


def _joint_start(view: str, start: int) -> int:
    """Where a joint order's organs start: before the order's organ, other
    organs named in full and joined by 、 (国务院 and 中央军委 order the
    regulations of military affairs together)."""
    while start > 0 and view[start - 1] == JOINT:
        run_start = start - 1
        while run_start > 0 and CJK_CHAR.match(view[run_start - 1]) and start - 1 - run_start < MAX_JOINT_ORGAN:
            run_start -= 1
        organ = view[run_start:start - 1]
        begin = next((i for i in range(len(organ) - 1) if _order_organ(organ[i:])), None)
        if begin is None:
            break
        start = run_start + begin
    return start


def _order_organ(name: str) -> bool:
    """An organ that orders, named in full: 中华人民共和国国务院, 民政部."""
    from kg.lexicon.agencies import parse_agency
    found = parse_agency(name)
    return found is not None and found.area.level == "national" and name.startswith(("中华人民共和国", found.name))


def _order_code(m: re.Match, organ: Optional[str] = None) -> str:
    """The organ (and the term of a legislature's announcement, 〔十七届〕)."""
    organ = organ if organ is not None else m.group("organ")
    term = m.group("term")
    named = TERM_IN_NAME.search(organ)
    if named and not term:
        # 内蒙古自治区第十一届人民代表大会常务委员会公告第35号: the term the name
        # holds is the number's, as 〔十七届〕第28号 writes it
        organ, term = organ[:named.start()] + organ[named.end():], named.group("term")
    return _legislature_in_full(organ) + (f"〔{term}〕" if term else "")


ANNOUNCING_LEGISLATURE = "npc-standing-committee"


def _legislature_in_full(organ: str) -> str:
    """A legislature's announcement under its short name is its full name's
    (江苏省人大常委会公告 → 江苏省人民代表大会常务委员会公告, as 甘肃省人大常委会公告第39号
    is cited): one number, one key."""
    from kg.lexicon.agencies import organs
    legislature = organs()[ANNOUNCING_LEGISLATURE]
    full = legislature.names["province_name"]
    for short in sorted(legislature.short_names, key=len, reverse=True):
        if organ.endswith(short + "公告") and len(short) > 2:
            return organ[:-len(short) - 2] + full + "公告"
    return organ


def order_start(organ: str) -> int:
    """Where the organ's name starts in a run of characters ending in 令."""
    for i in range(len(organ) - 2):
        rest = organ[i:]
        if rest.startswith("中华人民共和国") or gazetteer().split_area_prefix(rest, None):
            return i
    for i in range(max(0, len(organ) - 1 - MAX_JOINT_ORGAN), len(organ) - 2):
        if _order_organ(organ[i:-1]):
            return i        # a central organ named in full, a word like 和 in its name (住房和城乡建设部令)
    for ending in sorted(ORDER_ORGAN_ENDINGS, key=len, reverse=True):
        if organ.endswith(ending):
            # a central organ without an area (民政部令, 国家卫生健康委令),
            # after the last word that cannot be part of a name (及, 和 …)
            start = max(0, len(organ) - len(ending) - 6)
            return start + boundary_cut(organ[start:len(organ) - len(ending)])
    return 0


def cn_integer(text: str) -> int:
    """179, 一百七十九, 二十四, 一七九 -> an int."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if not any(c in "十百千" for c in text):
        return int("".join(str(digits[c]) for c in text))
    total, current = 0, 0
    for c in text:
        if c in digits:
            current = digits[c]
        else:
            total += (current or 1) * {"十": 10, "百": 100, "千": 1000}[c]
            current = 0
    return total + current
