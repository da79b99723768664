"""Titles: 《…》 spans, their normal form, document type and issuer.

A title is the name a document is cited by. Its type comes from its ending
(…实施意见, …条例, …规范; ``document_types.tsv``); its issuer from the agency
names before 关于; ``关于印发《X》的通知`` wraps a second document, X.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from kg.models import Span
from kg.relations import Relation
from kg.datafiles import name_endings, phrase_pattern, read_lines, read_tsv
from kg.lexicon.folding import fold

TITLE = re.compile(r"《([^《》]{1,200})》")
TRAILING_NOTE = re.compile(r"[（(][^（）()]{0,20}[）)]$")     # （试行）, （2019—2021年）
NOTICE_ENDING = r"的(?:通知|决定|公告|通告)"
WRAP_TAIL = re.compile(NOTICE_ENDING + "$")
ISSUER_SPLIT = re.compile(r"[\s、，,和]+")


@dataclass(frozen=True)
class TitleMatch:
    title: str            # display form: no 《》, line breaks removed
    span: Span            # span of 《…》 including the brackets
    inner: Span           # span of the text between the brackets


@dataclass(frozen=True)
class DocumentType:
    suffix: str
    concept: str
    cls: str
    issued_by_notice: bool = False    # a 方案, 规划, 办法 …: the number cited with it is its 印发 notice's
    in_force: bool = True             # is in or out of force (a reply, proposal, report or 解读 is neither)


@lru_cache(maxsize=1)
def _types() -> tuple[DocumentType, ...]:
    rows = [DocumentType(r["suffix"], r["concept"], r["class"], r["issued_by_notice"] == "yes", r["in_force"] == "yes")
            for r in read_tsv("document_types.tsv")]
    return tuple(sorted(rows, key=lambda t: -len(t.suffix)))


@lru_cache(maxsize=1)
def types_without_force() -> frozenset[str]:
    """Document type concepts that are never in or out of force: a reply to a
    proposal, the proposal, a report, a 解读 (document_types.tsv in_force)."""
    return frozenset(t.concept for t in _types() if not t.in_force)


@lru_cache(maxsize=1)
def self_references() -> frozenset[str]:
    return frozenset(read_lines("self_references.txt"))


@lru_cache(maxsize=1)
def _verbs() -> dict[str, Relation]:
    return {r["verb"]: Relation(r["relation"]) for r in read_tsv("promulgation_verbs.tsv")}


@lru_cache(maxsize=1)
def _wrap() -> re.Pattern:
    verbs = "|".join(map(re.escape, _verbs()))
    after_organ = "|".join(re.escape(r["verb"]) for r in read_tsv("promulgation_verbs.tsv") if r["after_organ"] == "yes")
    organ_end = "".join(sorted({e[-1] for e in ORGAN_ENDINGS}))
    # the verb after 关于, or right after the issuing organ (国务院办公厅转发民政部关于…的意见的通知);
    # the act in 《》, 〈〉, <> (上海's 关于废止<…暂行办法>的决定) or quotes only where they enclose all of it: 关于印发“十四五”…规划的通知 keeps its “
    return re.compile(rf"(?:关于(?P<verb>{verbs})|(?<=[{organ_end}])(?P<verb_after_organ>{after_organ}))"
                      rf"(?:(?:《(?P<q1>.+?)》|〈(?P<q2>.+?)〉|[<﹤](?P<q5>.+?)[>﹥]){MORE_ACTS}|“(?P<q3>[^“”]+?)”|\"(?P<q4>[^\"]+?)\"|(?P<bare>.+?))"
                      rf"{NOTICE_ENDING}$")


# the first act a decision names, then how many more (关于修改《甘肃省城市市容和环境卫生管理办法》等5件政府规章的决定,
# 关于修改《内蒙古自治区人民代表大会常务委员会工作条例》等2件地方性法规的决定): the decision acts on the first
MORE_ACTS = r"(?:等[一二三四五六七八九十百\d]*件?[\u4e00-\u9fff]{0,10}?)?"


@lru_cache(maxsize=1)
def _wrap_before() -> re.Pattern:
    return re.compile(rf"关于(?P<verb>{'|'.join(map(re.escape, _verbs()))})\s*$")


def notice_around(view: str, title: Span) -> Optional[tuple[Span, Relation]]:
    """关于印发《X》的通知 written in running text, the notice's title
    unquoted around the quoted act X (根据省民政厅关于印发《X》的通知（浙民龄〔2025〕34号）):
    the notice's span and its relation to X (promulgates, forwards)."""
    before = _wrap_before().search(view, max(0, title.start - 8), title.start)
    after = re.compile(NOTICE_ENDING).match(view, title.end)
    if not before or not after:
        return None
    return Span(before.start(), after.end()), _verbs()[before.group("verb")]


def display_title(raw: str) -> str:
    """A title as written, on one line: line breaks and the spaces around
    them removed, other space runs kept as one space."""
    text = re.sub(r"\s*\n\s*", "", raw)
    return re.sub(r"[ \t\u3000]+", " ", text).strip()


INNER_TITLE_MARKS = str.maketrans({"〈": "《", "〉": "》", "<": "《", ">": "》", "﹤": "《", "﹥": "》"})


def title_key(title: str) -> str:
    """The matching key of a title: no spaces, no quotes (a mirror or a
    citation may lose one of a pair: 十四五”国家…), one bracket and dash style,
    ASCII digits; （试行） and （暂行） stay: a trial rule is another document."""
    key = re.sub(r"[\s“”\"'‘’「」『』]+", "", fold(title))
    # a title inside a title: 〈X〉, <X> (上海's and 西安's decisions), ﹤X﹥ (贺州's 细则) are 《X》
    key = key.translate(INNER_TITLE_MARKS).replace("（", "(").replace("）", ")")
    return re.sub(r"[—–\-－~～]+", "-", key)


def find_titles(view: str) -> Iterator[TitleMatch]:
    for m in TITLE.finditer(view):
        yield TitleMatch(display_title(m.group(1)), Span(m.start(), m.end()), Span(m.start(1), m.end(1)))


@lru_cache(maxsize=1)
def _types_by_suffix() -> tuple[tuple[int, ...], dict[str, DocumentType], frozenset[str]]:
    """The suffix lengths, longest first, each suffix's type (its first
    row) and the characters a suffix ends in: a title's ending is looked up
    once per length, not compared with every suffix, and most strings end in
    no suffix's last character (the layout asks this of every prefix of an
    opening line)."""
    by_suffix: dict[str, DocumentType] = {}
    for t in _types():
        by_suffix.setdefault(t.suffix, t)
    return (tuple(sorted({len(s) for s in by_suffix}, reverse=True)), by_suffix,
            frozenset(s[-1] for s in by_suffix))


def document_type(title: str) -> Optional[DocumentType]:
    """The type a title's ending gives (its longest suffix), ignoring a
    trailing note such as （试行）."""
    core = title.strip()
    if core.endswith((")", "）")):
        core = TRAILING_NOTE.sub("", core)
    lengths, by_suffix, last_chars = _types_by_suffix()
    if not core or core[-1] not in last_chars:
        return None
    for length in lengths:
        found = by_suffix.get(core[-length:]) if length <= len(core) else None
        if found is not None:
            return found
    return None


def is_interpretation(title: Optional[str]) -> bool:
    """A title of an interpretation (…的政策解读, 【负责人解读】…解读《…规划》):
    the page explains another document, whose number its 文号 field gives."""
    return title is not None and "解读" in title


def type_by_concept(concept: str) -> DocumentType:
    return next(t for t in _types() if t.concept == concept)


def is_self_reference(title: str) -> bool:
    return title in self_references()


def is_bare_type_word(title: str) -> bool:
    """《意见》, 《办法》: a short form, not a title (以下简称《意见》)."""
    t = document_type(title)
    return t is not None and len(title) <= len(t.suffix) + 2


def issuer_prefix(title: str) -> list[str]:
    """The agency names a title starts with, before 关于 (several for a joint
    document: 国家医保局 财政部关于…)."""
    # the organs stand before 关于, or before the verb of a notice that
    # issues or forwards (韶关市人民政府印发…的通知, …办公厅转发省发改委…)
    verbs = "|".join(map(re.escape, _verbs())) if WRAP_TAIL.search(title) else None
    m = re.match(rf"^(?P<head>.*?)(?:关于{'|' + verbs if verbs else ''})", title)
    # without 关于, an organ's name right before the year or the 《》 of its subject
    # (高台县残疾人联合会2023年…实施方案; 成安县民政局2020年度…自评表; 临洮县残疾人联合会《…》政策解读),
    # or after the year a disclosure report opens with (2024年连生乡人民政府政府信息公开工作情况报告),
    # or before the 对 of a reply (屏边县农业农村和科学技术局对…第99号建议的答复)
    m = m or phrase_pattern("organ_before_subject").match(title) or phrase_pattern("organ_after_year").match(title) \
        or phrase_pattern("organ_before_reply").match(title)
    head = m.group("head") if m else ""
    if not head.strip():
        return []
    parts: list[str] = []
    for part, separator in _split_keeping(head.strip()):
        # 发展和改革委员会, 人力资源和社会保障局: a 和 inside one organ's name
        # joins two halves, the first of which is no organ of its own
        if parts and separator == "和" and not parts[-1].endswith(ORGAN_ENDINGS):
            parts[-1] += separator + part
        elif part:
            parts.append(part)
    return [name for part in parts for name in _glued_organs(part)]


def _glued_organs(part: str) -> list[str]:
    """Joint organs whose lines were joined with nothing between, each opening
    with the same place (滨州市发展和改革委员会滨州市财政局滨州市住房和城乡建设局;
    安康市行政审批服务局安康市民政局): one name each, cut where an organ's name
    ends and the place opens again."""
    from kg.lexicon.areas import gazetteer      # areas read titles' tables: imported when first needed
    chain = gazetteer().split_area_prefix(part, None)
    if not chain:
        return [part]
    place = part[:chain[-1][0]]
    cuts = [i for i in range(len(place) + 1, len(part)) if part.startswith(place, i) and part[i - 1] in ORGAN_LAST_CHARS]
    bounds = [0, *cuts, len(part)]
    return [part[a:b] for a, b in zip(bounds, bounds[1:])]



# The last character of an organ's name: 局, 委, 厅 … (中共中央, 国务院, 市委).
ORGAN_ENDINGS = name_endings("organ")
ORGAN_LAST_CHARS = frozenset(e[-1] for e in ORGAN_ENDINGS)


def _split_keeping(head: str) -> list[tuple[str, str]]:
    """The parts of an issuer list, each with the separator before it."""
    out, last, separator = [], 0, ""
    for m in ISSUER_SPLIT.finditer(head):
        out.append((head[last:m.start()], separator))
        separator, last = m.group(0).strip(), m.end()
    out.append((head[last:], separator))
    return out


@dataclass(frozen=True)
class Wrapped:
    title: str
    relation: Relation    # promulgates | forwards
    offset: int           # where the inner title starts within the outer one


def forwards_in_title(title: str) -> bool:
    """Whether a title passes on another's document, with 关于 or without it:
    关于转发《X》的通知, 国务院办公厅转发民政部等部门关于…的意见的通知."""
    return any(verb in title for verb, relation in _verbs().items() if relation == Relation.FORWARDS)


def wrapped_title(title: str, typed: bool = True) -> Optional[Wrapped]:
    """关于印发《X》的通知 -> X; None for any other title, or (``typed``) where X
    has no document type's ending (…量化指标任务分工: a table the notice issues)."""
    m = _wrap().search(title)
    if not m:
        return None
    group = next(g for g in ("q1", "q2", "q5", "q3", "q4", "bare") if m.group(g) is not None)
    inner = m.group(group).strip()
    if typed and document_type(inner) is None:
        return None
    offset = title.find(inner, m.start(group))
    return Wrapped(inner, _verbs()[m.group("verb") or m.group("verb_after_organ")], offset)


def is_reply_title(title: Optional[str]) -> bool:
    """A title that answers a proposal: a reply word (答复, 复函, 会办意见 …)
    and 提案, 建议 or 议案 (phrase pattern reply_title)."""
    if not title:
        return False
    return bool(re.search(r"提案|建议|议案", title)) and bool(phrase_pattern("reply_title").search(title))
