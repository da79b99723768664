"""The layout of a page: where its title, own number and version head stand.

A person finds a document's identity at a glance wherever the page puts it:
after breadcrumbs, a metadata table, a view counter or a repeated title. So
this reader does not walk down from the top of the file. It scores every
line of the opening (and runs of two or three short lines, a title broken
over lines) as a title by the conventions of GB/T 9704-2012 and of
government portals — a document-type ending (通知, 意见, 办法, 答复 …), 关于,
an organ's name first, no sentence punctuation, agreement with the portal's
标题 — and anchors on the best. The own number is then read only where the
genre puts it, around the title: the line above or below it (bare, in
brackets or parentheses, with a suffix such as (B)类), the title line's
tail, the version head (XX文件 / 签发人 / number), the portal's 文号 field or
the first words of a journal abstract (<正>X号各市…). A number in a running
sentence is a citation and never the own number.

The result is a ``Layout`` (``kg.models``): zones with spans, the title and
the number, each naming the rule that placed it. Patterns are named phrase
patterns of ``kg/data/phrase_patterns.tsv``; what the scores weigh is below.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from kg.datafiles import phrase_pattern, read_lines
from kg.lexicon.agencies import parse_agency
from kg.lexicon.areas import gazetteer
from kg.lexicon.dates import parse_date, parse_signing_date
from kg.lexicon.docnumber import ORDER_ORGAN_ENDINGS, DocNumber, find_numbers, find_orders
from kg.lexicon.issuers import ends_in_kind_suffix, find_code_start
from kg.lexicon.table_labels import is_header_text
from kg.lexicon.titles import (display_title, document_type, find_titles, is_reply_title, issuer_prefix, title_key,
                               wrapped_title)
from kg.models import Layout, LayoutValue, PortalField, Span, Zone
from kg.read.portal import first_label_at, label_field, title_before_labels

ONE_LINE_TEXT = 300        # a line this long is a whole text whose line breaks were lost
OPENING_LINES = 80          # where a page's identity can stand
OPENING_CHARS = 5000
MAX_TITLE_CHARS = 110
MAX_TITLE_PART = 60         # a line that is a part of a title broken over lines
MAX_TITLE_LINES = 4         # a long title set in a narrow column: 县人民政府办公室关于 / 对县…2021年 / 重点工作…的 / 重点事项…的通知
MIN_TITLE_CJK = 5
MAX_ADDRESSEES = 120        # the addressees of a title glued to them, up to their colon
MAX_TITLE_LEAD = 12         # a column's name glued before a 关于 title (养老服务业发展福彩关于…)
MIN_ORGAN_STEM, MAX_ADDRESSEE = 2, 30      # 民政|局 … (市民政局、资源规划局: 资源规划 is no title before 局)
ADDRESSEE_SEPARATORS = re.compile(r"[、，,]")
NUMBER_WINDOW = 7           # non-blank lines after the title the number may stand in
LONG_LINE = 60
SENTENCE_ENDS = ("。", "；", "！", "？", ";")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")      # an escape sequence is no part of a title
INNER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
LETTER_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])([\u4e00-\u9fff]) ([\u4e00-\u9fff])$")
BULLET = re.compile(r"^[•·●▪◆]\s*")
PLACE_COLON = re.compile(r"^([\u4e00-\u9fff]{2,9})[:：]\s*")
SENTENCE_PUNCTUATION = re.compile(r"[。；！？;!?]|[，,](?![^《]*》)")
CJK = re.compile(r"[\u4e00-\u9fff]")

# What makes a line a title, and how much (a score, not a rule order):
TYPE_ENDING = 4             # ends in a document type (通知, 实施意见, 答复 …)
ABOUT = 2                   # 关于
ORGAN_FIRST = 1             # starts with an area or organ name
PORTAL_AGREES = 3           # equals the portal's 标题 / 名称 field
NUMBER_BESIDE = 2           # a bare number line right above or below, or in its tail
FOLLOWED_BY_ADDRESSEE = 1   # the next line is an addressee line (…：)
ADOPTION_BESIDE = 3         # a law's title: the next line is its adoption note ((2019年…会议通过))
DELIVERED_BESIDE = 3        # a report's own heading: the next line says where it was delivered (——…在…会议上)
AFTER_BODY = -4             # after a paragraph of running text (an attachment's title)
NEWS_VERB = -4              # 重庆市出台…办法: a headline about a document, not its title
MIN_SCORE = TYPE_ENDING
HEADLINE_LINES = 12         # a headline stands among the first lines of a page, below its breadcrumb
BREADCRUMB_LINES = 40       # a portal's header and menus above the breadcrumb, an item a line
MIN_HEADLINE_CJK = 8
ORDER_WORDS = ("令", "公告")
ORDER_PLACES = ("identity.number-line", "identity.number-head")   # an order read there is an order


@dataclass(frozen=True)
class _Line:
    index: int
    span: Span        # of the stripped text
    text: str
    chrome: bool      # residue: navigation, metadata, widgets
    blank_before: bool = False


@lru_cache(maxsize=1)
def _body_openers() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in read_lines("body_openers.txt"))


def _lines(view: str, residue: tuple[Span, ...]) -> list[_Line]:
    """The non-blank lines; a text pasted on one long line (its line breaks
    lost) is read in the pieces its spaces leave."""
    lines: list[_Line] = []
    pos, blank = 0, True
    for raw in view.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            pieces = (space_pieces(stripped, start) if lost_line_breaks(view, stripped)
                      else [(Span(start, start + len(stripped)), stripped)])
            split_at: set[int] = set()
            if start < OPENING_CHARS:
                unglued = _unglued(pieces)      # a title stands in the opening
                # a piece cut from its neighbour stands apart, as if a line break were left
                split_at = {span.start for span, _ in unglued[1:]} - {span.start for span, _ in pieces}
                pieces = unglued
            for span, text in pieces:
                blank = blank or span.start in split_at
                chrome = any(r.overlaps(span) for r in residue)
                bullet = BULLET.match(text)        # • 80周岁及以上老年人高龄津贴政策: the bullet is no part of it
                if bullet and bullet.end() < len(text):
                    span, text = Span(span.start + bullet.end(), span.end), text[bullet.end():]
                lines.append(_Line(len(lines), span, text, chrome, blank))
                blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return lines


def lost_line_breaks(view: str, line: str) -> bool:
    """Whether a line is a whole text whose line breaks were lost: a long
    line, or a page's only line that opens with a title set apart by a
    space (广州 办公厅's notice on a law site: title, addressees, body and
    date set apart by spaces alone)."""
    if len(line.strip()) > ONE_LINE_TEXT:
        return True
    if view.strip() != line.strip():
        return False
    pieces = space_pieces(line.strip(), 0)
    return len(pieces) > 1 and document_type(clean_title(pieces[0][1])) is not None


def _unglued(pieces: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """A text on one line with no space after its title runs the title into
    what follows it: its addressees, or its body's first words."""
    if not pieces:
        return pieces
    span, text = pieces[0]
    split = _run_into_addressees(span, text) or _run_into_body(span, text) or _run_into_articles(span, text)
    return split + pieces[1:] if split else pieces


def _run_into_addressees(span: Span, text: str) -> Optional[list[tuple[Span, str]]]:
    """…的通知灵川镇民政办、华亭镇民政办:根据…: the title is the piece's head
    up to the first document-type ending after which come organ names, then
    a colon (the longest such head: 关于…第12号提案的答复, not 关于…第12号提案)."""
    colon = next((i for i, ch in enumerate(text[:MAX_TITLE_CHARS + MAX_ADDRESSEES]) if ch in ":："), None)
    if colon is None:
        return None
    head = text[:colon]
    for end in range(min(len(head) - MIN_ORGAN_STEM, MAX_TITLE_CHARS), MIN_TITLE_CJK - 1, -1):   # the longest title
        if document_type(head[:end]) is None:       # the cheap test first: most ends are no title's
            continue
        names = [n for n in ADDRESSEE_SEPARATORS.split(head[end:]) if n]
        if names and all(_organ_name(n) for n in names):
            return [(Span(span.start, span.start + end), head[:end]),
                    (Span(span.start + end, span.end), text[end:])]
    return None


def _run_into_body(span: Span, text: str) -> Optional[list[tuple[Span, str]]]:
    """关于…情况公示一、项目信息… (a column's name before it), …拟命名名单的公示根据
    国家卫生健康委…: a 关于 title run into its body's first words (a body
    opener right after a document-type ending), the title a piece of its own."""
    about = text.find("关于", 0, MAX_TITLE_LEAD + len("关于"))
    if about < 0 or _is_sentence(text[:about]):
        return None         # 近日,市民政局关于…: a sentence that names a document
    for m in _body_opener_anywhere().finditer(text, about + MIN_TITLE_CJK, about + MAX_TITLE_CHARS):
        title = text[about:m.start()]
        if document_type(title) is not None and not _is_sentence(title):
            lead = [(Span(span.start, span.start + about), text[:about])] if about else []
            return lead + [(Span(span.start + about, span.start + m.start()), title),
                           (Span(span.start + m.start(), span.end), text[m.start():])]
    return None


def _run_into_articles(span: Span, text: str) -> Optional[list[tuple[Span, str]]]:
    """统筹整合使用财政涉农资金暂行管理办法第一章总则第一条 为了…, 白山市清真食品生产经营
    管理暂行规定第一条 为加强…: a rule's title with no 关于 run into its first
    chapter or article (an aggregator's summary of the text, a law site's
    text run together), the title a piece of its own."""
    m = phrase_pattern("first_article").search(text, MIN_TITLE_CJK, MAX_TITLE_CHARS + 1)
    if m is None:
        return None
    title = text[:m.start()].strip()
    if not (document_type(title) is not None and _title_shape(clean_title(title))):
        return None         # 依照本办法第一条的规定…, 《X条例》第一条: a sentence or a citation
    return [(Span(span.start, span.start + len(title)), title), (Span(span.start + m.start(), span.end), text[m.start():])]


@lru_cache(maxsize=1)
def _body_opener_anywhere() -> re.Pattern:
    return re.compile("|".join(f"(?:{p.pattern.lstrip('^')})" for p in _body_openers()))


def _organ_name(name: str) -> bool:
    """An organ's name: an organ's ending after at least two characters of its
    own (民政局, 县政协提案委员会; not 委员会 alone, not 局)."""
    ending = max((e for e in _organ_endings() if name.endswith(e)), key=len, default=None)
    return (ending is not None and len(name) - len(ending) >= MIN_ORGAN_STEM and len(name) <= MAX_ADDRESSEE
            and not phrase_pattern("site_name").search(name))     # NEWS / 新闻中心: a site's section


@lru_cache(maxsize=1)
def _organ_endings() -> tuple[str, ...]:
    return tuple(read_lines("agency_suffixes.txt"))


def space_pieces(line: str, start: int) -> list[tuple[Span, str]]:
    """Pieces of a line between runs of spaces outside 《》 and brackets."""
    pieces, depth, piece_start = [], 0, None
    for i, ch in enumerate(line + " "):
        if ch in "《（(〔[":
            depth += 1
        elif ch in "》）)〕]":
            depth = max(0, depth - 1)
        if ch.isspace() and depth == 0:
            if piece_start is not None:
                pieces.append((Span(start + piece_start, start + i), line[piece_start:i]))
                piece_start = None
        elif piece_start is None:
            piece_start = i
    if piece_start is not None:     # a text cut inside a bracket: its last piece runs to the end
        pieces.append((Span(start + piece_start, start + len(line)), line[piece_start:]))
    return pieces


def bare_number(text: str) -> Optional[tuple[DocNumber, int, int]]:
    """A line that is nothing but a document number: bare, in brackets or
    parentheses, after 文号/编号 words the portal reader left, or with a
    suffix (潼民发【2024】275号, （苏政发〔2017〕121号）, X民提复〔2025〕3号(B)类).
    Returns the number and its start and end in the text."""
    m = phrase_pattern("number_line").fullmatch(text)
    if not m:
        return _stripped_number(text)
    try:
        number = DocNumber.parse(m.group("number"))
    except ValueError:
        return None
    return None if number.is_filing else (number, m.start("number"), m.end("number"))


def _stripped_number(text: str) -> Optional[tuple[DocNumber, int, int]]:
    """A number line that lost its brackets and 号 (亳政秘202331, 汕价函〔2014135):
    read where the code ends in a kind's suffix, or where the opening bracket
    still sets the code apart (沙政〔2012478, 舞教〔2022106)."""
    m = phrase_pattern("stripped_number_line").fullmatch(text)
    if not m or not (ends_in_kind_suffix(m.group("code")) or OPENING_BRACKET.match(text, m.end("code"))):
        return None
    number = DocNumber(m.group("code"), int(m.group("year")), int(m.group("seq")))
    return None if number.is_filing else (number, m.start("number"), m.end("number"))


OPENING_BRACKET = re.compile(r"\s*[〔\[［(（【﹝]")


def _tail_number(text: str) -> Optional[tuple[str, DocNumber, int, int]]:
    """A title line that ends in its own number: …的通知(X民规字〔2019〕6号)."""
    return _number_in_title_line(text, "title_tail_number")


def _leading_number(text: str) -> Optional[tuple[str, DocNumber, int, int]]:
    """A title line that opens with its own number: 津民政函〔2025〕35号关于…的答复函;
    after a site's validity mark ((已废止)微政办字〔2019〕24号 关于…的通知 |)."""
    mark = phrase_pattern("title_validity_mark").match(text.lstrip())
    skip = len(text) - len(text.lstrip()) + mark.end() if mark else 0
    found = _number_in_title_line(text[skip:].rstrip(" \t|"), "title_head_number")
    return (found[0], found[1], found[2] + skip, found[3] + skip) if found else None


def _spaced_number(text: str) -> Optional[tuple[str, DocNumber, int, int]]:
    """A title line whose next piece, after a space, is its own number, as a
    law database sets title, number, organ and date on one line
    (国务院关于同意…合并的批复 国函〔1998〕73号 中华人民共和国国务院 1998年8月27日)."""
    pieces = space_pieces(text, 0)
    if len(pieces) < 2 or document_type(clean_title(pieces[0][1])) is None:
        return None
    number = pieces[1][1]
    if len(pieces) > 2 and number.endswith(ORDER_WORDS):
        # an order's organ and its 第N号 a space apart (广西壮族自治区人民政府令 第116号),
        # as order lines are set (中华人民共和国交通运输部令 2009年第9号)
        number = text[pieces[1][0].start:pieces[2][0].end]
    found = bare_number(re.sub(r"\s+", "", number))
    if found is None or found[1] != 0 or found[2] != len(re.sub(r"\s+", "", number)):
        return None
    start = pieces[1][0].start
    return pieces[0][1], found[0], start, start + len(number)


def _glued_number(text: str) -> Optional[tuple[str, DocNumber, int, int]]:
    """A heading whose line breaks were lost: the title, its number and the
    addressees run together (济南市民政局关于…的通知济民发〔2024〕2号各区县民政局,…;
    a forum's 批复全文如下:国务院关于…的批复国函〔2025〕87号自然资源部:…)."""
    first = next(find_numbers(text, find_code_start), None)
    if first is None or not phrase_pattern("addressee_opening").match(text, first.span.end):
        return None
    title = re.split(r"[:：]", text[:first.span.start])[-1]
    if document_type(clean_title(title)) is None or first.number.is_filing:
        return None
    return title, first.number, first.span.start, first.span.end


def _number_in_title_line(text: str, pattern: str) -> Optional[tuple[str, DocNumber, int, int]]:
    """(title, number, where the number starts and ends) of a title line that
    holds its own number where the pattern puts it."""
    m = phrase_pattern(pattern).fullmatch(text)
    if not m or document_type(clean_title(m.group("title"))) is None:
        return None
    try:
        number = DocNumber.parse(m.group("number"))
    except ValueError:
        return None
    if number.is_filing:       # 渝文备〔2017〕1218号重庆市开州区人民政府关于…: no number of the title's
        return None
    return m.group("title"), number, m.start("number"), m.end("number")


@lru_cache(maxsize=8192)
def clean_title(text: str) -> str:
    """A title without the marks a portal adds: (有效), 【现行有效】, a leading
    标题：, an aggregator's place before a colon (广东:深圳市司法局关于…).
    Kept per text: the layout cleans each line several times over."""
    marks = phrase_pattern("title_marks")
    while (unmarked := marks.sub("", text)) != text:      # 标题: 【转载】…: one mark after another
        text = unmarked
    text = display_title(CONTROL.sub("", text).strip())
    text = LETTER_SPACED.sub(r"\1\2", text)     # 答 复, 通 知: a heading set with spaced letters
    m = PLACE_COLON.match(text)
    if m and _place_only(m.group(1)) and document_type(text[m.end():]) is not None:
        text = text[m.end():]       # a news headline keeps its place (广西:印发通知加强…)
    note = ORGAN_NOTE.search(text)
    if note and _noted_organ(note.group("organ")) and document_type(text[:note.start()]) is not None:
        text = text[:note.start()]      # …的答复(水利局), …实施办法(国务院): the site's note of who issued it
    # a mirror that repeats a piece of the title (X X Y) said it once
    pieces = text.split(" ")
    return " ".join(p for i, p in enumerate(pieces) if i == 0 or p != pieces[i - 1])


ORGAN_NOTE = re.compile(r"[（(](?P<organ>[^（()）]{2,20})[)）]$")


def _noted_organ(text: str) -> bool:
    """An organ a site notes after a title: a local organ by its ending
    (水利局, 长垣市交通管理局) or a central one by its name (国务院)."""
    return _organ_name(text) or parse_agency(text) is not None


def _place_only(text: str) -> bool:
    """广东, 长沙, 内蒙古自治区, 双闸街道: a place's name and nothing after it."""
    gaz = gazetteer()
    chain = gaz.split_area_prefix(text, None)
    # a name several areas share (长沙: the city and the county) is a place all the same
    return bool(chain) and chain[-1][0] >= len(text) - 1 or text in gaz.by_name or gaz.is_township_name(text)


def _headline_shape(text: str) -> bool:
    """A headline may open with its place and a colon (长沙:住宅小区需“标配”养老服务用房,
    双闸街道:心系民生纳民意): the rest has a title's shape."""
    m = PLACE_COLON.match(text)
    if m and _place_only(m.group(1)):
        return _title_shape(text[m.end():])
    # a column's name or a first clause before the colon (全球微速讯:河北宁晋开展…;
    # 海口调整…标准:90至99周岁老年人提高至400元/人/月), not a label and its value
    c = phrase_pattern("headline_colon").match(text)
    if c and not label_field(c.group("head")) and not phrase_pattern("label_head").search(c.group("head")):
        rest = c.group("rest")
        return _title_shape(c.group("head") + rest)
    return _title_shape(text)


def _is_sentence(text: str) -> bool:
    return bool(SENTENCE_PUNCTUATION.search(text)) or any(p.match(text) for p in _body_openers())


def _title_shape(text: str) -> bool:
    """Could be a title: enough Chinese, not too long, no running sentence,
    not a cited title (《X》 inside a line), not a metadata label."""
    if len(text) > MAX_TITLE_CHARS or len(CJK.findall(text)) < MIN_TITLE_CJK:
        return False
    if _is_sentence(text) or phrase_pattern("not_a_title").search(text):
        return False
    return not _organ_and_type(text)


def _organ_and_type(text: str) -> bool:
    """湖北省人民代表大会常务委员会公告, 广州市人民政府令: an organ and a
    document type only, the head of an announcement or order, not a title."""
    text = re.sub(r"\s*[（(][^（）()]{0,20}[）)]$", "", text)        # …公告（第25号）
    if text.endswith(ORDER_ORGAN_ENDINGS) and text.endswith("令"):
        # 中华人民共和国交通部令 over 2006 年第 8 号: the head of an order
        return bool(phrase_pattern("organ_line").fullmatch(text[:-1]))
    dtype = document_type(text)
    return (dtype is not None and dtype.concept == "announcement"
            and bool(phrase_pattern("organ_line").fullmatch(text[:-len(dtype.suffix)] or "-")))


@dataclass(frozen=True)
class _Candidate:
    first: int        # index of its first line
    last: int
    title: str
    span: Span
    score: int
    tail: Optional[tuple[DocNumber, Span]] = None
    rule: Optional[str] = None      # where it is not the heading's own
    lead_in: bool = False           # read after a repost's "X发布" (it yields to the document's own heading)


def _score(title: str) -> int:
    score = 0
    if document_type(title) is not None:
        score += TYPE_ENDING
    if phrase_pattern("news_headline").search(title):
        score += NEWS_VERB
    if "关于" in title:
        score += ABOUT
    if title.startswith(("中共", "中国共产党")) or gazetteer().split_area_prefix(title, None):
        score += ORGAN_FIRST
    return score


def _candidates(lines: list[_Line], portal_title: Optional[str]) -> Iterator[_Candidate]:
    portal_key = title_key(clean_title(portal_title)) if portal_title else None
    for i, line in enumerate(lines):
        if line.chrome:
            # a metadata line that a title runs into (its line breaks lost):
            # the title before its first label is a candidate
            label_at = first_label_at(line.text)
            head = line.text[:label_at].strip() if label_at else ""
            if head and title_before_labels(head) and _title_shape(clean_title(head)):
                title = clean_title(head)
                span = Span(line.span.start, line.span.start + len(head))
                yield _Candidate(i, i, title, span, _score(title) + _bonus(title, portal_key))
            continue
        yield from _line_candidates(lines, i, portal_key)


def _repost_lead_in(text: str) -> Optional[int]:
    """Where the title starts in a repost's headline that says a place or an
    organ published it (唐山路北区发布关于…的通知; 江苏省人民政府办公厅发布…的实施意见),
    or None."""
    m = phrase_pattern("repost_lead_in").match(text)
    if m is None:
        return None
    lead = m.group("lead")
    chain = gazetteer().split_area_prefix(lead, None)
    return m.start("title") if (chain and chain[-1][0] == len(lead)) or _organ_name(lead) else None


def _quoted_line(line: _Line) -> Optional[tuple[str, Span, Optional[tuple[DocNumber, Span]]]]:
    """A line that is one title in 《》, with the document's number before it
    or 原文 after it (黑政办发〔2016〕28号《…的通知》, 《…指导意见》原文): a
    mirror's or repost's heading, not a citation."""
    m = phrase_pattern("quoted_title_line").fullmatch(line.text)
    if not m:
        return None
    start = line.span.start + m.start("title")
    number = None
    if m.group("number"):
        found = bare_number(m.group("number"))
        if found:
            number = (found[0], Span(line.span.start + m.start("number"), line.span.start + m.end("number")))
    return m.group("title"), Span(start, start + len(m.group("title"))), number


def _table_line(text: str) -> bool:
    """A table's header or row (实事内容工作任务责任单位进展情况; 1 | 养老服务通用政策 |
    … | 信息公开规定 | …): its cells are no title, though one may end like one."""
    cells = [c.strip() for c in TABLE_CELL_BREAK.split(text) if c.strip()]
    return is_header_text(text) or (len(cells) >= MIN_TABLE_CELLS and (
        cells[0].isdigit() or sum(map(is_header_text, cells)) >= 2))


TABLE_CELL_BREAK = re.compile(r"[|｜\t]")
MIN_TABLE_CELLS = 3        # a page title and its site's names have fewer


def _line_candidates(lines: list[_Line], i: int, portal_key: Optional[str]) -> Iterator[_Candidate]:
    line = lines[i]
    if _table_line(line.text):
        return
    quoted = _quoted_line(line)
    if quoted is not None:
        title = clean_title(quoted[0])
        if _title_shape(title):
            yield _Candidate(i, i, title, quoted[1], _score(title) + _bonus(title, portal_key), quoted[2])
        return
    tail = _tail_number(line.text) or _leading_number(line.text) or _spaced_number(line.text) or _glued_number(line.text)
    text = tail[0] if tail else line.text
    lead_in = _repost_lead_in(text)
    text = text[lead_in:] if lead_in else text
    pieces = [text] + [p for p in phrase_pattern("page_title_separator").split(text) if p != text]
    label_at = first_label_at(text)
    if label_at and title_before_labels(text[:label_at]):
        pieces.append(text[:label_at])        # a title run into the page's metadata
    for piece in pieces:
        title = clean_title(piece)
        if not _title_shape(title):
            continue
        start = line.span.start + max(0, line.text.find(piece.strip()))
        span = Span(start, start + len(piece.strip()))
        tail_found = (tail[1], Span(line.span.start + tail[2], line.span.start + tail[3])) if tail else None
        yield _Candidate(i, i, title, span, _score(title) + _bonus(title, portal_key), tail_found,
                         lead_in=bool(lead_in))
    if _title_part(line.text) and not _is_head_line(line.text) and not lead_in:
        # a version head's line (同意公开, B类, 签发人) opens no title: the title is below it (临湘 住建局's reply)
        yield from _broken_title_candidates(lines, i, portal_key)


def _broken_title_candidates(lines: list[_Line], i: int, portal_key: Optional[str]) -> Iterator[_Candidate]:
    """A title broken over two or three lines (an issuer line, then 关于…; or
    关于进一步推动我市养老服务 / 高质量发展的实施意见), with a version mark on
    the line under it."""
    parts = [lines[i]]
    for j in range(i + 1, min(i + MAX_TITLE_LINES, len(lines))):
        nxt = lines[j]
        period_only = phrase_pattern("title_period_part").fullmatch(nxt.text.strip())
        if (VERSION_MARK_LINE.fullmatch(nxt.text) and not nxt.blank_before or period_only) and not nxt.chrome:
            # (试行), (征求意见稿) on the line under a title belong to it (浑江区 奖补办法; 湘潭市
            # 监管办法's draft)
            title = clean_title("".join(p.text for p in parts) + nxt.text.strip())
            if _title_shape(title) and document_type(title) is not None:
                yield _Candidate(i, j, title, Span(parts[0].span.start, nxt.span.end),
                                 _score(title) + _bonus(title, portal_key))
            break
        if nxt.chrome or len(parts[-1].text) > MAX_TITLE_PART or not _title_part(nxt.text):
            break
        if _ends_the_title(parts, nxt):
            break
        if nxt.text == parts[-1].text:
            continue    # a mirror repeats a part of the title
        parts.append(nxt)
        joined = "".join(p.text for p in parts)
        lead = _leading_number(joined)
        if lead is not None and lead[3] <= len(parts[0].text):
            # 丽文广旅体函〔2022〕69号丽水市文化和广电旅游体育局 / 关于…的答复: a title that opens
            # with its own number, broken over lines as the single-line one is not
            start = parts[0].span.start
            title = clean_title(lead[0])
            if _title_shape(title):
                yield _Candidate(i, j, title, Span(start + lead[3], parts[-1].span.end),
                                 _score(title) + _bonus(title, portal_key), (lead[1], Span(start + lead[2], start + lead[3])))
            continue
        title = clean_title(joined)
        if _title_shape(title) and document_type(title) is not None:
            span = Span(parts[0].span.start, parts[-1].span.end)
            yield _Candidate(i, j, title, span, _score(title) + _bonus(title, portal_key))


def _ends_the_title(parts: list[_Line], nxt: _Line) -> bool:
    """Whether the next line starts something other than the rest of the title."""
    if phrase_pattern("title_period_part").match(nxt.text.strip()):
        return False    # 吉林大地规划 / (2021-2030年)的通知: a plan's period opens the heading's next line
    if phrase_pattern("proposal_number_part").match(nxt.text.strip()):
        return False    # …人大四次会议代表建议 / 第0043号的答复: the proposal's number opens a reply's next line
    if parts[-1].text.rstrip().endswith(OPEN_TITLE_ENDINGS):
        return False    # 修水县人民政府办公室关于印发 / 修水县…应急预案的通知: the verb's object is on the next line
    issuing = ISSUING_VERB_END.search(parts[-1].text.rstrip())
    if issuing and _organ_name(parts[-1].text.rstrip()[:issuing.start()]) and nxt.text.startswith(("关于", "《")):
        return False    # 鹤岗市人民政府 鹤岗市中级人民法院印发 / 关于…的意见的通知: the organs issue what follows
    if nxt.blank_before and (nxt.text.startswith("关于") or _is_whole_title(clean_title(nxt.text))):
        return True     # an organ's name set apart above 关于… is the version head, not the title
    if nxt.blank_before and document_type(clean_title(nxt.text)) is not None \
            and _organ_name(clean_title("".join(p.text for p in parts))):
        return True     # 国家海洋局 / (blank) / 海洋预报业务管理暂行规定: a law site's issuing organ over a rule's name
    if _is_whole_title(clean_title(nxt.text)) and issuer_prefix(clean_title(nxt.text)):
        return True     # a title that names its own issuers (东山县人社局 东山县财政局关于…): the site's organ above is no part
    about = nxt.text.find("关于")
    if about > 0 and _organ_name(nxt.text[:about].strip()) and not _organ_name(clean_title("".join(p.text for p in parts))):
        return True     # 今日要闻 / 文化和旅游部关于公布 / …的通知: a title opens with its organ and 关于
    whole_below = nxt.text.startswith(("关于", "对")) and document_type(clean_title(nxt.text)) is not None
    if (nxt.text.startswith("关于") or whole_below or _is_whole_title(clean_title(nxt.text))) \
            and not _organ_name(clean_title("".join(p.text for p in parts))):
        # only an issuer line stands above the 关于 of its title, or above a whole title: a headline,
        # a site's section (NEWS / 新闻中心) or its menu (…智能问答繁体登录注册) above it is another line
        return True
    opened = "".join(p.text for p in parts)
    # the line before is a whole title already, unless a 《 it opened is still to close (关于印发《2023年市〈政府
    # 工作报告〉任务分解 / 和责任分工方案》的通知)
    return document_type(clean_title(parts[-1].text)) is not None and opened.count("《") <= opened.count("》")


# a title line that ends in what must be followed: the rest of the title is on the next line
OPEN_TITLE_ENDINGS = ("关于印发", "关于转发", "关于")
ISSUING_VERB_END = re.compile(r"(?:印发|转发)$")
VERSION_MARK_LINE = re.compile(r"\s*[（(](?:试行|暂行|征求意见稿|修订|修订稿|草案|送审稿)[)）]\s*")


def _is_whole_title(text: str) -> bool:
    """A typed title that also has 关于 or starts with an organ: not the tail
    of a title broken over lines (提案的答复 is a tail)."""
    return document_type(text) is not None and _score(text) > TYPE_ENDING


def _title_part(text: str) -> bool:
    """A line that can be part of a title broken over lines: short, Chinese,
    no date, number, label, validity mark or sentence, not a cited title."""
    period = phrase_pattern("title_period_part").match(text.strip())
    if period:      # (2021-2030年)的通知: the period of the plan the title names, then its rest
        rest = text.strip()[period.end():]
        return not rest or _title_part(rest)
    if len(text) > MAX_TITLE_PART or len(CJK.findall(text)) < 2 or text.endswith("》"):
        return False
    if _is_sentence(text) or phrase_pattern("not_a_title").search(text) or bare_number(text):
        return False
    return not (parse_date(text) or phrase_pattern("title_marks").fullmatch(text)
                or phrase_pattern("validity_value").fullmatch(text))


def _bonus(title: str, portal_key: Optional[str]) -> int:
    return PORTAL_AGREES if portal_key and title_key(title) == portal_key else 0


def _first_body_line(lines: list[_Line]) -> int:
    """Index of the first line of the body: the addressees (各县(区)人民政府，…：)
    or running text (a long sentence, or any line ending a sentence), below
    the breadcrumb if the opening has one; or len(lines)."""
    for line in lines[_below_breadcrumb(lines):]:
        if not line.chrome and (_is_addressee(line.text) or line.text.endswith(SENTENCE_ENDS)
                                or (len(line.text) > LONG_LINE and _is_sentence(line.text))):
            return line.index
    return len(lines)


def _below_breadcrumb(lines: list[_Line]) -> int:
    """Index of the first line below the page's breadcrumb (您当前的位置:首页>…),
    or 0: what stands above it is the site's header and menus, however many
    lines they take (a portal's menu copied an item a line)."""
    crumbs = [line.index for line in lines[:BREADCRUMB_LINES]
              if line.chrome and phrase_pattern("breadcrumb_line").search(line.text)]
    return crumbs[-1] + 1 if crumbs else 0


def _is_addressee(text: str) -> bool:
    return bool(phrase_pattern("addressee_line").fullmatch(text))


def _number_near(lines: list[_Line], first: int, last: int) -> Optional[tuple[DocNumber, Span, str]]:
    """The own number where the genre puts it around a title on lines
    first..last: the line above, the lines below (past metadata, the version
    head and 签发人), before the addressees or the body begin."""
    for j in (first - 1, first - 2, first - 3):
        if j < 0 or (lines[j].chrome and not _is_head_line(lines[j].text)):
            break
        # the sequence under its order's organ (中华人民共和国交通部令 / 2006 年第 8 号): the two lines' order
        found = (_number_on(lines[j - 1], lines[j]) if j > 0 and not lines[j - 1].chrome
                 and phrase_pattern("order_head_line").search(lines[j - 1].text) else None) \
            or _number_on(lines[j], lines[j + 1])
        if found:
            return found + ("identity.number-line",)
        if not (_is_head_line(lines[j].text) or phrase_pattern("organ_line").fullmatch(lines[j].text)):
            break
    seen = 0
    for line in lines[last + 1:]:
        if seen >= NUMBER_WINDOW:
            break
        if line.chrome:
            continue
        found = _number_on(line, _next(lines, line)) or _organ_announcement(lines, line) or _number_opening(line)
        if found:
            return found + ("identity.number-line",)
        seen += 1
        if (line.text.endswith(("：", ":")) and not _empty_label(line.text) and not _section_label(line.text)) or (
                len(line.text) > LONG_LINE and _is_sentence(line.text)):
            break       # the addressees (各有关单位:) or the body: a number stands above them
    return None


def _section_label(text: str) -> bool:
    """A portal's section name set as a label over the number (政策文件: / 闽政〔2015〕19 号,
    a district's repost of 福建's 实施意见): a short word and its colon, no addressee."""
    head = text.rstrip("：:").strip()
    return 2 <= len(head) <= MAX_SECTION_LABEL and bool(CJK_ONLY.fullmatch(head)) and not _is_addressee(text) \
        and not head.endswith(SECTION_LABEL_NEVER)


MAX_SECTION_LABEL = 4
CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
SECTION_LABEL_NEVER = ("如下", "附件")      # 现通知如下: announces the body; 附件: lists attachments


def _empty_label(text: str) -> bool:
    """A portal's label left without its value (【字体:, 来源:): no addressee."""
    return label_field(text.strip().lstrip("【[").rstrip(":：")) is not None


def _number_on(line: _Line, nxt: Optional[_Line] = None) -> Optional[tuple[DocNumber, Span]]:
    """A bare number on the line, or an order split over it and the next
    (广州市人民政府令 / 第179号)."""
    found = bare_number(line.text)
    if found is not None:
        number, start, end = found
        return number, Span(line.span.start + start, line.span.start + end)
    if nxt is not None and phrase_pattern("order_head_line").search(line.text) \
            and phrase_pattern("order_seq_line").match(nxt.text):
        # the organ's line may be letter-spaced as a version head is (黄 山 市 人 民 政 府 令, 公 告)
        found = bare_number(INNER_SPACE.sub("", line.text) + nxt.text)
        if found is not None:
            return found[0], Span(line.span.start, nxt.span.end)
    return None


def _organ_announcement(lines: list[_Line], line: _Line) -> Optional[tuple[DocNumber, Span]]:
    """A legislature's announcement set over three lines: the organ, 公 告,
    the sequence (营口市人民代表大会常务委员会 / 公 告 / 〔十七届〕第28号)."""
    i = line.index
    if i + 2 >= len(lines) or not phrase_pattern("organ_line").fullmatch(line.text):
        return None
    word, seq = lines[i + 1], lines[i + 2]
    if re.sub(r"\s+", "", word.text) != "公告" or not phrase_pattern("order_seq_line").match(seq.text):
        return None
    found = bare_number(line.text + "公告" + seq.text)
    return (found[0], Span(line.span.start, seq.span.end)) if found else None


def _next(lines: list[_Line], line: _Line) -> Optional[_Line]:
    return lines[line.index + 1] if line.index + 1 < len(lines) else None


def _number_opening(line: _Line) -> Optional[tuple[DocNumber, Span]]:
    """A body whose line breaks were lost opens with the own number, then the
    addressees: <正>鲁政办发[2019]31号各市人民政府,…：; or a journal's
    abstract with the number first (<正>京政发[2015]17号为有效降低…), or an
    order's in parentheses ((民政部公告第349号)经财政部核准…)."""
    m = phrase_pattern("number_then_addressees").match(line.text) or phrase_pattern("abstract_number").match(line.text)
    if m is None:
        return None
    return _number_group(line, m, "order" if m.groupdict().get("order") else "number")


def _number_group(line: _Line, m: re.Match, group: str) -> Optional[tuple[DocNumber, Span]]:
    """The number a match of the line holds in ``group``, placed in the view;
    a version head glued before it is no part of its code (<正>辽宁省人民政府文件
    辽政发[2021]19号: the 发文机关标志 ends in 文件, the code starts after it)."""
    text, start = m.group(group), m.start(group)
    head = VERSION_HEAD_GLUED.match(text)
    if head:
        text, start = text[head.end():], start + head.end()
    try:
        number = DocNumber.parse(text)
    except ValueError:
        return None
    return number, Span(line.span.start + start, line.span.start + m.end(group))


VERSION_HEAD_GLUED = re.compile(r"[\u4e00-\u9fff]{2,30}文件(?=[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【﹝])")


def _order_seq_signed_by_the_head(lines: list[_Line], best: _Candidate) -> Optional[tuple[DocNumber, Span, str]]:
    """A government's order copied without its 令 line: the sequence alone
    under the heading (第 36 号; 第153号), a sentence that promulgates (现予发布,
    本决定自公布之日起…) and the signature of the head of government (市 长 /
    二OO七年四月二十三日; 省  长  唐仁健): the order of the government the heading
    names (the organ line 江西省萍乡市人民政府 above the title, or the title's
    甘肃省人民政府关于…), by its own area's name."""
    for _, last in sorted(_occurrences(lines, best)):
        window = [line for line in lines[last + 1:] if not line.chrome][:ORDER_SIGNATURE_LINES]
        seq = next((line for line in window[:NUMBER_WINDOW] if ORDER_SEQ_ALONE.fullmatch(line.text)), None)
        if seq is not None and any(PROMULGATES.search(line.text) for line in window) \
                and any(HEAD_OF_GOVERNMENT.fullmatch(line.text) for line in window):
            break
    else:
        return None
    above = [line.text for line in lines[max(0, best.first - 3):best.first] if not line.chrome]
    # or the organ line between the title and the sequence (a law site's 辽宁省农产品质量安全管理办法 /
    # 辽宁省人民政府 / 第251号)
    between = [line.text for line in lines[last + 1:seq.index] if not line.chrome]
    named = [name for name in [*above, *issuer_prefix(best.title), *between] if name.endswith(GOVERNMENT)]
    chain = gazetteer().split_area_prefix(named[-1], None) if named else None
    if not chain or named[-1][chain[-1][0]:] != GOVERNMENT:
        return None
    organ = chain[-1][1].name + GOVERNMENT
    sequence = int(re.sub(r"\D", "", seq.text))
    return DocNumber(f"{organ}令", None, sequence), seq.span, "identity.number-order"


ORDER_SIGNATURE_LINES = 12      # the sequence, the promulgating sentence and the signature under the heading
ORDER_SEQ_ALONE = re.compile(r"第\s*(?P<seq>\d{1,5})\s*号")
PROMULGATES = re.compile(r"现予(?:发布|公布|公告)|自公布之日起")
# 省  长  唐仁健; 市长:宋春华 (长春's order on a law site)
HEAD_OF_GOVERNMENT = re.compile(r"(?:代理)?[省市区县州旗]\s*长(?:\s*[:：]?\s*[\u4e00-\u9fff·]{2,4})?"
                                r"|自治区\s*主\s*席(?:\s*[:：]?\s*[\u4e00-\u9fff·]{2,4})?")
GOVERNMENT = "人民政府"


def _order_in_adoption_note(lines: list[_Line], best: Optional[_Candidate]) -> Optional[tuple[DocNumber, Span, str]]:
    """A regulation's history under its title names the order that issued it
    (…1992年2月16日安徽省人民政府令第30号发布 …) and those of its revised texts
    (…令第788号第三次修订): the last of them published this text. Not an order
    that published an amending decision (根据1997年…令第99号发布的《…决定》修正).
    Collections set the history one event a line, without brackets
    (2014年2月21日 中华人民共和国国务院令第649号公布). A page copied without its
    title opens with the history (重庆's 规章管理办法, 广西's 机关事务管理办法:
    (…人民政府令第351号公布自2022年3月1日起施行) / 第一条 …)."""
    found = None
    # below the title's last copy: a law site prints title / organ / title over the note
    start = max(last for _, last in _occurrences(lines, best)) + 1 if best else 0
    for line in (line for line in lines[start:] if not line.chrome):
        if not (phrase_pattern("adoption_note").match(line.text) or phrase_pattern("adoption_line").match(line.text)):
            break
        before = 0
        for m in find_orders(line.text):
            amending = phrase_pattern("order_amending_lead").search(line.text, before, m.span.start)
            if not amending and phrase_pattern("issued_by_order").match(line.text, m.span.end):
                found = (m.number, Span(line.span.start + m.span.start, line.span.start + m.span.end),
                         "identity.number-order")
            before = m.span.end
    return found


def _is_head_line(text: str) -> bool:
    """A line of the version head between the number and the title: the
    发文机关标志 (XX文件), 签发人, 份号, 密级 …"""
    return bool(phrase_pattern("version_head_line").match(text))


def _version_head(lines: list[_Line], before: int) -> list[Span]:
    return [line.span for line in lines[:before] if not line.chrome and _is_head_line(line.text)]


def _head_number(lines: list[_Line], stop: int) -> Optional[tuple[DocNumber, Span, str]]:
    """A number line above the title (the version head under XX文件, or an
    unlabelled metadata block), or the first words of an abstract
    (<正>X号各市…); before the body."""
    for line in lines[:stop + 1]:
        if line.chrome:
            continue
        found = _number_opening(line)
        if found:
            return found + ("identity.number-abstract",)
        found = _number_on(line, _next(lines, line)) or _organ_announcement(lines, line)
        if found:
            return found + ("identity.number-head",)
        if len(line.text) > LONG_LINE and _is_sentence(line.text):
            return None
    return None


def _portal_title_number(portal: tuple[PortalField, ...], title: str) -> Optional[tuple[DocNumber, Span, str]]:
    """A portal's 标题 or 内容概述 that gives the title with its number after
    it: 关于公布…的通知(锡新民卫发〔2026〕2号)."""
    for field_ in portal:
        if field_.field in ("title", "summary"):
            tail = _tail_number(field_.value.strip())
            if tail and title_key(clean_title(tail[0])) == title_key(title):
                start = field_.span.start + field_.value.index(field_.value.strip())
                return tail[1], Span(start + tail[2], start + tail[3]), "identity.number-title-tail"
    return None


def _portal_number(portal: tuple[PortalField, ...]) -> Optional[tuple[DocNumber, Span, str]]:
    for field_ in portal:
        if field_.field == "number":
            m = phrase_pattern("number_line").fullmatch(field_.value.strip())
            text = m.group("number") if m else field_.value
            try:
                number = DocNumber.parse(text)
            except ValueError:
                continue
            if not number.is_filing:
                return number, field_.span, "identity.number-portal"
    return None


def _attachment_number(view: str, title: Optional[str]) -> Optional[tuple[DocNumber, Span, str]]:
    """A portal's attachment whose file the document's number names: with the
    page's own title (黔农办发(2018)93号-…的通知.zip) or as its 附件
    (1.黑林办发〔2015〕123号附件.doc)."""
    for m in phrase_pattern("attachment_file_number").finditer(view):
        if m.group("title") and (title is None or title_key(clean_title(m.group("title"))) != title_key(title)):
            continue
        try:
            number = DocNumber.parse(m.group("number"))
        except ValueError:
            continue
        return number, Span(m.start("number"), m.end("number")), "identity.number-attachment"
    return None


def read_layout(view: str, residue: tuple[Span, ...], portal: tuple[PortalField, ...]) -> Layout:
    """Where the page's identity stands (see the module's docstring)."""
    lines = [line for line in _lines(view, residue) if line.span.start < OPENING_CHARS][:OPENING_LINES]
    portal_title = next((f.value for f in portal if f.field == "title"), None)
    body_line = _first_body_line(lines)
    best = _best_title(lines, portal_title, body_line)
    zones = [Zone("chrome", r) for r in residue]
    title, head_start = None, None
    numbers: list[tuple[DocNumber, Span, str]] = []
    if best is not None:
        rule = best.rule or ("identity.title-heading" if document_type(best.title) else "identity.title-headline")
        title = LayoutValue(best.title, best.span, rule)
        zones.append(Zone("title", best.span))
        head_start = best.span.start
        numbers += _numbers_beside_title(lines, best)
    elif (original := _original_headline(view)) is not None:
        title = original        # no title zone: a 原标题 at the foot does not make the page its heading
    else:
        numbers += [found] if (found := _order_in_adoption_note(lines, None)) else []
    head_number = _head_number(lines, best.last if best is not None else body_line)
    numbers += [head_number] if head_number else []
    numbers += [found] if best is not None and (found := _portal_title_number(portal, best.title)) else []
    numbers += [found] if (found := _portal_number(portal)) else []
    numbers += [found] if (found := _attachment_number(view, best.title if best else None)) else []
    head = _version_head(lines, best.first if best else body_line)
    zones += [Zone("version_head", s) for s in head]
    if best is not None:
        head_start = _head_above(lines, best.first)
    values = tuple(LayoutValue(str(n), span, "identity.number-order" if n.is_order and rule in ORDER_PLACES
                               else rule) for n, span, rule in numbers)
    # a portal's field or an attachment's file name gives the number, not the heading
    zones += [Zone("number", v.span) for v in values if v.rule not in ("identity.number-portal",
                                                                       "identity.number-attachment")]
    body_start = lines[body_line].span.start if body_line < len(lines) else len(view)
    return Layout(zones=tuple(sorted(set(zones), key=lambda z: (z.span.start, z.kind))), title=title,
                  numbers=values, head_start=head_start, body_start=body_start)


def _numbers_beside_title(lines: list[_Line], best: _Candidate) -> list[tuple[DocNumber, Span, str]]:
    """The own number where the genre puts it beside the title: in its tail,
    on a line above or below any of its copies; else an order's sequence
    under a head of government's signature, or the order a history note
    names."""
    numbers: list[tuple[DocNumber, Span, str]] = []
    if best.tail:
        numbers.append((best.tail[0], best.tail[1], "identity.number-title-tail"))
    near = next(filter(None, (_number_near(lines, first, last) for first, last in _occurrences(lines, best))), None)
    numbers += [near] if near else []
    if not numbers:
        order = _order_seq_signed_by_the_head(lines, best) or _order_in_adoption_note(lines, best)
        numbers += [order] if order else []
    return numbers


def _original_headline(view: str) -> Optional[LayoutValue]:
    """A repost with no heading of its own says what it first ran under:
    (原标题:…) at its top (营口 街道 news on 163.com) or 原标题:… at its foot
    (人民日报 item of 四川's 办法)."""
    m = phrase_pattern("original_headline").search(view)
    if m is None or not _title_shape(clean_title(m.group("title"))):
        return None
    return LayoutValue(clean_title(m.group("title")), Span(m.start("title"), m.end("title")), "identity.title-original")


def _head_above(lines: list[_Line], first: int) -> int:
    """Where the heading starts: the title, or the block right above it of
    version-head lines, number lines and organ names (温民提〔2017〕77号 /
    温州市民政局 / 关于…)."""
    start = lines[first].span.start
    for line in reversed(lines[:first]):
        # a reply's marks (分类:(A1), 公开情况:(主动公开)) read like portal fields but stand in its head
        if (line.chrome and not _is_head_line(line.text)) or not (
                _is_head_line(line.text) or bare_number(line.text) or phrase_pattern("organ_line").fullmatch(line.text)):
            break
        start = line.span.start
    return start


def _best_title(lines: list[_Line], portal_title: Optional[str], body_line: int) -> Optional[_Candidate]:
    scored = []
    for c in _candidates(lines, portal_title):
        score = c.score
        numbered = bool(c.tail or _number_near(lines, c.first, c.last))
        score += NUMBER_BESIDE if numbered else 0
        nxt = next((line for line in lines[c.last + 1:] if not line.chrome), None)
        addressed = nxt is not None and _is_addressee(nxt.text)
        score += FOLLOWED_BY_ADDRESSEE if addressed else 0
        prev = next((line for line in reversed(lines[:c.first]) if not line.chrome), None)
        announced = prev is not None and bool(phrase_pattern("full_text_follows").search(prev.text))
        if c.first > body_line and not (numbered or addressed or announced):
            score += AFTER_BODY       # an attachment's title after the notice; a document after a news lead keeps its head
        if c.first > body_line and _issued_by_a_signed_notice_above(lines, body_line, c):
            continue
        if nxt is not None and phrase_pattern("adoption_note").match(nxt.text):
            score += ADOPTION_BESIDE
        if nxt is not None and phrase_pattern("delivered_line").match(nxt.text.strip()):
            score += DELIVERED_BESIDE
        scored.append((score, c))
    good = [(s, c) for s, c in scored if s >= MIN_SCORE and _typed_title(c.title)]
    if not good:
        return _promulgated(lines, body_line) or _headline(lines, body_line)
    top = max(s for s, _ in good)
    # the earliest of the best; of candidates on the same first line, the longest; a repost's
    # headline read after its "X发布" yields to a heading of the same score
    best = min((c for s, c in good if s == top), key=lambda c: (c.lead_in, c.first, -len(c.title)))
    return _page_document(lines, best, good, body_line)


def _page_document(lines: list[_Line], best: _Candidate, good: list[tuple[int, _Candidate]],
                   body_line: int) -> _Candidate:
    """The document the page is, given its best-scored heading."""
    promulgated = _promulgated(lines, body_line)
    if promulgated is not None and (best.first > body_line or _announced_below(lines, best, body_line, promulgated)):
        # an order's or an announcement's page: the document its opening sentence promulgates,
        # not a heading under its signature (呼和浩特's 公告 of a 决定, then the region's 决议 approving it),
        # nor a portal's headline over the announcement's own head (日喀则市人大常委会最新公告 over
        # 日喀则市人民代表大会常务委员会公告 / 〔2025〕14号)
        return promulgated
    return (_issued_measure_above(lines, best) or _headed_repeat(lines, best, good) or _reply_to(best, good)
            or _reply_by_its_session(best, good) or _without_site_words(best, good) or best)


def _announced_below(lines: list[_Line], best: _Candidate, body_line: int, promulgated: _Candidate) -> bool:
    """An order's or an announcement's head (its organ's 令 or 公告 line) stands
    between the best heading and the body: the heading is the page's, the
    document is the one the head promulgates. Not where the heading is the
    regulation the promulgated decision amends (宁夏's 乡镇人民代表大会工作条例
    over the 公告 of 关于修改〈…工作条例〉的决定): the page is that regulation."""
    if title_key(best.title) in title_key(promulgated.title):
        return False
    return any(phrase_pattern("order_head_line").search(line.text) for line in lines[best.last + 1:body_line]
               if not line.chrome)


def _reply_to(best: _Candidate, good: list[tuple[int, _Candidate]]) -> Optional[_Candidate]:
    """A page that shows a proposal's title and the reply to it (松原 体育局:
    对…第55号提案的答复 above 关于用好、管好我市体育公共设施的建议; 北辰's page
    titled by the 建议, 对…第0668号建议的答复 below): the page is the reply."""
    found = document_type(best.title)
    if found is None or found.concept != PROPOSAL:
        return None
    # the reply's title names what it answers: its number, or 关于/对 its subject (not a record's label 议案办理情况)
    return next((c for _, c in good if is_reply_title(c.title) and REPLY_NAMES_ITS_PROPOSAL.search(c.title)), None)


REPLY_NAMES_ITS_PROPOSAL = re.compile(r"第\s*[A-Za-z\d]+\s*号|关于|^对")


def _without_site_words(best: _Candidate, good: list[tuple[int, _Candidate]]) -> Optional[_Candidate]:
    """A page title that sets the site's name and section before the title,
    words apart (江苏省人力资源和社会保障厅 政策法规 省人力资源社会保障厅 关于发布…的通知),
    where the page gives the title alone below: the title alone."""
    key = title_key(best.title)
    for _, c in good:
        words = best.title[:len(best.title) - len(c.title)] if best.title.endswith(c.title) else ""
        if (c is not best and c.first > best.last and key.endswith(title_key(c.title)) and len(words.split()) >= 2
                and _is_whole_title(c.title) and c.first == c.last):
            return c
    return None


def _reply_by_its_session(best: _Candidate, good: list[tuple[int, _Candidate]]) -> Optional[_Candidate]:
    """A reply page titled by the portal with the proposal's subject (关于钱学森小学附近路段交通拥堵的建议的答复;
    对《关于促进集体增收、农民增富的提案》的答复) over the letter's own heading, which names
    it by the session and number it was filed under (关于区政协第十届三次会议第138号提案的回复;
    对县政协十届二次会议第2号提案的答复): the letter's heading is the reply's title."""
    if not is_reply_title(best.title) or phrase_pattern("reply_names_session").search(best.title):
        return None
    return next((c for _, c in good if c is not best and is_reply_title(c.title)
                 and phrase_pattern("reply_names_session").search(c.title)), None)


def _issued_by_a_signed_notice_above(lines: list[_Line], body_line: int, c: _Candidate) -> bool:
    """A cover notice cut before its heading, signed, then the document it
    issues or forwards (现将《明溪县防洪防台风应急预案(修订)》印发给你们 … 明溪县人民政府办公室 /
    2018年3月16日 / 明溪县防洪防台风应急预案; 现将自治区人民政府《关于同意…的批复》…转发你县 …
    二〇〇九年三月十八日 / 关于同意…的批复): the title below is the attachment's, not
    the page's. A news lead that names the document has no signature, and the
    document under it keeps its head."""
    above = lines[body_line:c.first]
    if not any(parse_signing_date(line.text) for line in above):
        return False
    key = title_key(c.title)
    return any((title_key(PARENTHESISED_MARK.sub("", t.title)) == key or title_key(t.title) == key)
               and ISSUES_OR_FORWARDS.match(line.text, t.span.end)
               for line in above for t in find_titles(line.text))


PARENTHESISED_MARK = re.compile(r"[（(](?:修订|修订稿|修正|试行|暂行|\d{4}年修订)[)）]$")
# what the cover notice does with the quoted document: 印发 or 转发 it (not a legislature's 现予公布,
# whose page is the regulation it promulgates)
ISSUES_OR_FORWARDS = re.compile(r"[》〉]?\s*(?:[（(][^（()）]{0,30}[)）])?\s*(?:印发|转发|下发)")


def _typed_title(title: str) -> bool:
    """A title that ends in a document type; a proposal's says what it is about
    (关于…的建议, 关于…的提案): 人大建议和政协提案 is a portal's section."""
    found = document_type(title)
    return found is not None and (found.concept != PROPOSAL or "关于" in title)


PROPOSAL = "proposal"


def _headed_repeat(lines: list[_Line], best: _Candidate, good: list[tuple[int, _Candidate]]) -> Optional[_Candidate]:
    """A portal's title line above the document's own heading, which gives the
    same title again under its version head (湖委发〔2018〕20 / 中共湖州市委
    湖州市人民政府 / 关于…的实施意见): the heading is the document's, and its
    organ line names the issuers."""
    if _head_above(lines, best.first) < lines[best.first].span.start:
        return None
    key = title_key(best.title)
    return next((c for _, c in good if c.first > best.last and (
        (title_key(c.title) == key and any(phrase_pattern("organ_line").fullmatch(line.text)
                                           for line in lines[:c.first] if line.span.start >= _head_above(lines, c.first)))
        or _names_its_organs_where_the_portal_named_a_place(lines, best, c))), None)


def _names_its_organs_where_the_portal_named_a_place(lines: list[_Line], best: _Candidate, c: _Candidate) -> bool:
    """北京市关于加强新时代街道工作的意见 (a repost's headline) / … / 中共北京市委
    北京市人民政府关于加强新时代街道工作的意见 / (2019年2月23日): the same subject
    after 关于, the portal's line with a place where the heading names its organs,
    and the heading's date or number under it."""
    subject, portal_head = _about_subject(best.title), best.title.split("关于", 1)[0]
    if subject is None or subject != _about_subject(c.title) or (portal_head and not _place_only(portal_head)):
        return False
    if not issuer_prefix(c.title):
        return False
    below = next((line for line in lines[c.last + 1:] if not line.chrome), None)
    return below is not None and bool(phrase_pattern("heading_date_line").fullmatch(below.text) or bare_number(below.text))


def _about_subject(title: str) -> Optional[str]:
    return title_key(title[title.index("关于"):]) if "关于" in title else None


def _issued_measure_above(lines: list[_Line], best: _Candidate) -> Optional[_Candidate]:
    """A collection files a measure under its own title with the notice that
    issued it below (# 工资支付暂行规定 / 关于印发《工资支付暂行规定》的通知 / 劳部发〔1994〕489号;
    人事部's 实施办法 / 关于印发《…实施办法》的通知 / 人薪发［1995］32号): the page is
    the measure, known, as citations write it, by the notice's number."""
    wrapped = wrapped_title(best.title)
    above = next((line for line in reversed(lines[:best.first]) if not line.chrome), None)
    if wrapped is None or above is None or title_key(clean_title(above.text)) != title_key(wrapped.title):
        return None
    title = clean_title(above.text)
    return _Candidate(above.index, above.index, title, above.span, _score(title))


def _promulgated(lines: list[_Line], body_line: int) -> Optional[_Candidate]:
    """A page with no title line of its own that names its document in its
    sentence: the regulation an order or a legislature's announcement
    promulgates (《X》已经…通过，现予发布), the draft a consultation presents
    (我们起草了《X（征求意见稿）》，现向社会公开征求意见), the annual disclosure
    report a sentence publishes (现公布X乡人民政府2024年度政府信息公开工作报告), the
    regulation whose history note, standing where its lost heading was, names
    the decision that amended it (…会议《关于修改〈吉林省黑土地保护条例〉的决定》修正)."""
    # the sentence opens the body, however many lines of chrome stand above it
    for line in [line for line in lines[:max(HEADLINE_LINES, body_line + 1)] if not line.chrome]:
        for pattern, rule in (("promulgation_sentence", "identity.title-promulgated"),
                              ("consultation_sentence", "identity.title-draft"),
                              ("report_publication_sentence", "identity.title-report"),
                              ("amended_in_lost_heading", "identity.title-amended")):
            m = phrase_pattern(pattern).search(line.text)
            if m and document_type(clean_title(m.group("title"))) is not None:
                start = line.span.start + m.start("title")
                return _Candidate(line.index, line.index, clean_title(m.group("title")),
                                  Span(start, start + len(m.group("title"))), 0, _order_before(line, m), rule=rule)
    return None


def _order_before(line: _Line, m: re.Match) -> Optional[tuple[DocNumber, Span]]:
    """The order number a promulgating sentence opens with where the order's
    line breaks were lost (吉林省人民政府令第243号《…》已经…通过,现予公布)."""
    if "order" not in m.re.groupindex or not m.group("order"):
        return None
    return _number_group(line, m, "order")


def _headline(lines: list[_Line], body_line: int) -> Optional[_Candidate]:
    """A page without a document's heading (a news item, a 公示 list, a
    解读): the line right above its byline, else its first line of title
    shape before the body, not a site's or an organ's name."""
    top = _below_breadcrumb(lines)
    above_byline = _headline_above_byline(lines, top, body_line)
    if above_byline is not None:
        return above_byline
    for line in lines[top:min(body_line, top + HEADLINE_LINES)]:
        if _table_line(line.text):
            break           # a table has begun: the page's head, if it had one, is above it
        if line.chrome:
            continue
        text = clean_title(phrase_pattern("page_title_separator").split(line.text)[0])
        if len(CJK.findall(text)) < MIN_HEADLINE_CJK or not (_headline_shape(text) or _question_headline(text)):
            continue
        if _no_headline(text):
            continue
        start = line.span.start + line.text.find(text[:4])
        return _Candidate(line.index, line.index, text, Span(start, start + len(text)), 0)
    return None


def _question_headline(text: str) -> bool:
    """A portal's policy Q&A item is headed by its question (急难型救助对象如何认定?;
    申请最低生活保障的条件有哪些?), one clause or two, each ending in its question
    mark: a headline, though a sentence's punctuation closes it."""
    return bool(phrase_pattern("question_headline").fullmatch(text))


def _no_headline(text: str) -> bool:
    """A site's or an organ's name, a slogan or a sentence (not_a_headline), or
    the speaker under a report's delivery line (北京市人民政府副市长 卢彦)."""
    return bool(phrase_pattern("site_name").search(text) or phrase_pattern("organ_line").fullmatch(text)
                or phrase_pattern("not_a_headline").search(text) or phrase_pattern("speaker_line").fullmatch(text))


def _headline_above_byline(lines: list[_Line], top: int, body_line: int) -> Optional[_Candidate]:
    """A news item's headline stands right above its byline (时间:… 来源:…;
    日期:…; 作者:… 发布时间:; 全媒体记者 …; a bare timestamp). So placed it may
    be written in two clauses (吉林提出九大重点任务,深入探索居家养老服务“吉林模式”;
    回眸“十三五”:求新求变求突破,养老服务体系取得新发展), after a column's tag
    (【优服务 办实事 惠民生】洪绪镇以爱心食堂为抓手…), but holds no sentence
    (``not_a_byline_headline``)."""
    for line, below in zip(lines[top:body_line], lines[top + 1:body_line + 1]):
        if line.chrome or below.index != line.index + 1 or not phrase_pattern("headline_byline").match(below.text):
            continue
        text = clean_title(line.text)
        if (len(text) > MAX_TITLE_CHARS or len(CJK.findall(text)) < MIN_HEADLINE_CJK
                or (phrase_pattern("not_a_byline_headline").search(text) and not _question_headline(text))
                or _labelled(text) or _no_headline(text)):
            continue
        start = line.span.start + line.text.find(text[:4])
        return _Candidate(line.index, line.index, text, Span(start, start + len(text)), 0)
    return None


def _labelled(text: str) -> bool:
    """A label and its value (来源:…, 标题:…), not a headline's column or first clause."""
    c = phrase_pattern("headline_colon").match(text)
    if c is None:
        return bool(re.search(r"[:：]", text))
    return bool(label_field(c.group("head")) or phrase_pattern("label_head").search(c.group("head")))


def _occurrences(lines: list[_Line], best: _Candidate) -> list[tuple[int, int]]:
    """Every place the title stands (a page shows it in its metadata, then as
    its heading): its number may stand beside any of them."""
    key = title_key(best.title)
    found = [(best.first, best.last)]
    for line in lines:
        if line.index != best.first and not line.chrome and title_key(clean_title(line.text)) == key:
            found.append((line.index, line.index))
    return found
