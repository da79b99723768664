"""Document numbers (发文字号): one value that parses and formats itself.

``DocNumber.parse("国办发[2019]05号")`` and every other bracket, width and
spacing variant give the same canonical form, ``国办发〔2019〕5号``: ASCII
digits, the year in 〔〕, no leading zeros, no 第. Announcement numbers keep
their own form, ``2019年第76号``, and so do orders, which have no year:
``广州市人民政府令第179号``, ``中华人民共和国主席令第二十四号`` (→ 第24号).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterator, Optional

from kg.datafiles import name_endings, phrase_pattern, read_tsv
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
    # close and 号 lost, the number ending its line, its parenthesis or before a wide gap
    # (周交政发〔202527     签发人:, 舞教〔2022106, 沙政〔2012478, (莆委发〔201714))
    re.compile(rf"[{OPEN}]\s*(?P<year>(?:19|20)\d{{2}})(?P<seq>[1-9]\d{{0,3}})(?=[ \t]*(?:[)）]|\n|$)|[ \t]{{2,}})"),
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
# A ministry may number its orders within each year (交通部令2006年第8号,
# 商务部令2007年第15号); the year then is part of the number.
ORDER_YEAR = r"(?:(?P<oyear>(?:19|20)\d{2})\s*年\s*)?"
ORDER = re.compile(rf"(?P<organ>[{CJK}]{{2,30}}?(?:令|\s*公\s*告))\s*[（(]?\s*"
                   rf"(?:[〔\[［(（【﹝]\s*(?P<term>[一二三四五六七八九十]+届)\s*[〕\]］)）】﹞])?\s*{ORDER_YEAR}"
                   rf"第?\s*(?P<seq>\d{{1,5}}|{CN_SEQ})\s*号\s*[)）]?")
# …or with the sequence before 令: 国务院第394号令, 北京市人民政府第9号令, 海关总署第61号令
ORDER_SEQUENCE_FIRST = re.compile(rf"(?P<organ>[{CJK}]{{2,30}}?)(?P<term>)\s*{ORDER_YEAR}"
                                  rf"第\s*(?P<seq>\d{{1,5}}|{CN_SEQ})\s*号令")
ORDER_ORGAN_ENDINGS = name_endings("order_organ")
CONTINUOUS_ORDER_ENDINGS = name_endings("continuous_order")
YEAR_ORDER_ENDINGS = tuple(e for e in ORDER_ORGAN_ENDINGS if e.endswith("令"))
CJK_CHAR = re.compile(f"[{CJK}]")
MAX_JOINT_ORGAN = 20       # characters of one organ's full name in a joint order
CANONICAL = re.compile(rf"^(?P<code>[{CJK}]+)〔(?P<year>\d{{4}})〕(?P<seq>[1-9]\d*)号$")


@dataclass(frozen=True)
class DocNumber:
    code: Optional[str]   # issuer code (机关代字), or an order's organ + 令; None for an announcement number
    year: Optional[int]   # None for an order
    seq: int
    # the year written beside an order numbered on (河北省人民政府令〔2011〕第10号 before
    # 2002), no part of its key but kept for when its organ is named in full
    written_year: Optional[int] = field(default=None, compare=False, repr=False)

    @property
    def is_announcement(self) -> bool:
        return self.code is None

    @property
    def is_order(self) -> bool:
        """An order: of an organ that numbers its orders on (广州市人民政府令第179号),
        or within each year (中华人民共和国交通部令2006年第8号); not a code that
        only ends in 令 (沈政令〔1997〕29号)."""
        return self.year is None or (self.code or "").endswith(YEAR_ORDER_ENDINGS)

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
            return _numbered(m.group("code"), int(m.group("year")), int(m.group("seq")))
        m = ANNOUNCEMENT.fullmatch(view)
        if m:
            return cls(None, int(m.group("year")), int(m.group("seq")))
        abbreviated = next(_abbreviated_orders(view), None)
        if abbreviated is not None and abbreviated.span == Span(0, len(view)):
            return abbreviated.number
        joint, _, single = view.rpartition(JOINT)
        m = ORDER.fullmatch(single) or ORDER_SEQUENCE_FIRST.fullmatch(single)
        if m and _order_organ_name(m) and all(_order_organ(o) for o in joint.split(JOINT) if joint):
            return _order_number(joint + JOINT + _order_code(m, whole=False) if joint else _order_code(m), m)
        raise ValueError(f"not a document number: {text!r}")


def _order_organ_name(m: re.Match) -> bool:
    """The run before 令 (or 第N号令) ends as an ordering organ's name does."""
    organ = SPACE.sub("", m.group("organ"))
    return (organ if organ.endswith(("令", "公告")) else organ + "令").endswith(ORDER_ORGAN_ENDINGS)


def _order_number(code: str, m: re.Match, year_before: Optional[int] = None) -> DocNumber:
    """``year_before``: the year written before a government's order (2010年省政府令第4号),
    not a ministry's (2012年10月12日国土资源部第55号令: the day it was made)."""
    year = int(m.group("oyear")) if m.group("oyear") else None
    if year is None and code.endswith(CONTINUOUS_ORDER_ENDINGS):
        year = year_before
    return _numbered(code, year, cn_integer(m.group("seq")))


def _numbered(code: str, year: Optional[int], seq: int) -> DocNumber:
    """A government numbers its orders on from the first (continuous_order in
    name_endings.tsv): a year written beside one (广西壮族自治区人民政府令2016年第116号)
    is no part of its number; another organ's year is (交通部令2006年第8号), and
    so is the year of a government that numbers within each year
    (year_numbered_orders.tsv: 河北省人民政府令〔2013〕第2号 and 〔2014〕第2号 are two
    rules). An order without its organ's name (省政府令, 政府令〔2010〕第15号) keeps
    its year until the organ is known (``order_of``)."""
    if (year is not None and code.endswith(CONTINUOUS_ORDER_ENDINGS) and not BARE_ORDER.fullmatch(code)
            and not _numbered_within_years(code, year)):
        return DocNumber(code, None, seq, written_year=year)
    return DocNumber(code, year, seq)


def order_of(organ: str, number: DocNumber) -> DocNumber:
    """The order ``number`` of ``organ`` named in full (省政府令第4号 under 黑龙江省's
    heading is 黑龙江省人民政府令's), its written year read again for that organ."""
    return _numbered(organ, number.year if number.year is not None else number.written_year, number.seq)


def _numbered_within_years(code: str, year: int) -> bool:
    table = _year_numbered_orders()
    return code in table and (table[code] is None or year >= (table[code] or 0))


@lru_cache(maxsize=None)
def _year_numbered_orders() -> dict[str, Optional[int]]:
    """Governments whose orders are numbered within each year, from the year they began."""
    return {r["organ"]: int(r["since"]) if r["since"] else None for r in read_tsv("year_numbered_orders.tsv")}


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
        yield NumberMatch(_numbered(code, year, int(m.group("seq"))), Span(start, m.end()), known)
        end = m.end()
        while True:
            cont = LIST_CONTINUATION.match(view, end)
            if not cont:
                break
            yield NumberMatch(_numbered(code, year, int(cont.group("seq"))),
                              Span(cont.start("seq"), cont.end()), known)
            end = cont.end()
        taken_until = end
    yield from _damaged_numbers(view, code_start)
    orders = list(find_orders(view))
    for m in ANNOUNCEMENT.finditer(view):
        if any(o.span.start <= m.start() and m.end() <= o.span.end for o in orders):
            continue        # 交通部令2006年第8号: the year and sequence of an order numbered within its year
        yield NumberMatch(DocNumber(None, int(m.group("year")), int(m.group("seq"))),
                          Span(m.start(), m.end()), True)
    yield from orders


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


@lru_cache(maxsize=1)
def _order_abbreviations() -> tuple[dict[str, str], re.Pattern]:
    """Orders written by an abbreviation of their organ (国令第711号: the State
    Council's, order_abbreviations.tsv), and a pattern that finds them."""
    orders = {r["abbreviation"]: r["order"] for r in read_tsv("order_abbreviations.tsv")}
    names = "|".join(map(re.escape, sorted(orders, key=len, reverse=True)))
    return orders, re.compile(rf"(?<![{CJK}])(?P<abbr>{names})\s*第?\s*(?P<seq>\d{{1,5}})\s*号")


def _abbreviated_orders(view: str) -> Iterator[NumberMatch]:
    orders, pattern = _order_abbreviations()
    for m in pattern.finditer(view):
        yield NumberMatch(DocNumber(orders[m.group("abbr")], None, int(m.group("seq"))), Span(m.start(), m.end()), True)


def find_orders(view: str) -> Iterator[NumberMatch]:
    """Orders: 广州市人民政府令第179号, also across a line break, or with the
    sequence first (国务院第394号令); the organ's name starts at 中华人民共和国
    or an area name, else after the run's first four characters at most (民政部令);
    or by an abbreviation of the organ (国令第711号)."""
    if "令" not in view and "告" not in view:
        return      # every order's form holds 令 or 公告: the patterns' lazy organ runs need not be tried
    yield from _abbreviated_orders(view)
    for pattern in (ORDER, ORDER_SEQUENCE_FIRST):
        for m in pattern.finditer(view):
            if not _order_organ_name(m):
                continue
            organ_end = m.end("organ")
            # 呼和浩特市人民代表大会常务委员会\n\n公 告: a heading spaces its two-character kind (GB/T 9704)
            organ = SPACE.sub("", view[m.start():organ_end])
            start = m.start() + order_start(organ if organ.endswith(("令", "公告")) else organ + "令")
            # 1992年10月22日省人民政府令第18号: a date before the organ is no part of it
            dates = list(DATE_TAIL.finditer(view, max(0, m.start() - 1), organ_end))
            if dates:
                start = max(start, dates[-1].end())
            start = _joint_start(view, start)
            # (2010年省政府令第4号) in 黑龙江's list of its rules: the year the order was made
            year_before = YEAR_BEFORE_ORDER.search(view, max(0, start - 12), start)
            first = _order_number(_order_code(m, SPACE.sub("", view[start:organ_end])), m,
                                  int(year_before.group("year")) if year_before else None)
            yield NumberMatch(first, Span(start, m.end()), True)
            # 国务院令第709号、第710号、第714号: the organ's further orders in a list
            end = m.end()
            while (cont := LIST_CONTINUATION.match(view, end)) is not None:
                yield NumberMatch(replace(first, seq=int(cont.group("seq"))),
                                  Span(cont.start("seq"), cont.end()), True)
                end = cont.end()


# an order named by its government's level only, or not even that (省政府令第114号, 政府令〔2010〕第15号)
BARE_ORDER = re.compile(r"(?P<organ>(?P<level>省|自治区|市|州|盟|县|区|旗)?(?:人民)?政府)令")
SPACE = re.compile(r"\s+")
YEAR_BEFORE_ORDER = re.compile(r"(?P<year>(?:19|20)\d{2})年(?:\d{1,2}月(?:\d{1,2}日)?)?$")
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


def _order_code(m: re.Match, organ: Optional[str] = None, whole: bool = True) -> str:
    """The organ (and the term of a legislature's announcement, 〔十七届〕); the
    last of a joint order's organs (not ``whole``) as written."""
    organ = organ if organ is not None else m.group("organ")
    if not organ.endswith(("令", "公告")):
        organ += "令"         # 国务院第394号令: the organ's order
    term = m.group("term")
    named = TERM_IN_NAME.search(organ)
    if named and not term:
        # 内蒙古自治区第十一届人民代表大会常务委员会公告第35号: the term the name
        # holds is the number's, as 〔十七届〕第28号 writes it
        organ, term = organ[:named.start()] + organ[named.end():], named.group("term")
    return _legislature_in_full(_without_the_state(organ) if whole else organ) + (f"〔{term}〕" if term else "")


STATE = "中华人民共和国"


def _without_the_state(organ: str) -> str:
    """中华人民共和国商务部令 is 商务部令, as 国务院令第394号 is cited: a central
    organ's order has one number (the President's keeps the state's name:
    中华人民共和国主席令)."""
    from kg.lexicon.agencies import parse_agency
    rest = organ.removeprefix(STATE)
    if rest == organ or JOINT in rest or not rest[:-1] or rest.startswith("主席"):
        return organ
    found = parse_agency(rest[:-1])      # a central organ, by its name of the day (交通部 before 2008)
    return rest if found is not None and found.area.level == "national" else organ


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
    for i in range(max(0, len(organ) - 1 - MAX_JOINT_ORGAN), len(organ) - 2):
        if _order_organ(organ[i:-1]):
            # a central organ named in full, a word like 和 in its name (住房和城乡建设部令),
            # or a county's name in it (国土资源部令: 资源 is a county of 广西)
            return i
    for i in range(len(organ) - 2):
        rest = organ[i:]
        if rest.startswith("中华人民共和国") or gazetteer().split_area_prefix(rest, None):
            return i
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
