"""Typed links: which citations a document implements or rests on.

A citation is ``applies`` (the document carries out the cited one) or
``based_on`` (its legal basis) only in the sentence where the document states
its own basis — 为贯彻落实《X》…现提出如下实施意见; 根据《…法》…结合本省实际，
制定本条例 — and only when a trigger phrase (``link_triggers.tsv``) governs the
mention. Everything else stays ``cites``. A reply letter describes work and
implements nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from kg.models import Citation, DocRef, Document, Span
from kg.relations import Relation, of_kind
from kg.datafiles import phrase_pattern, read_lines, read_tsv
from kg.lexicon.titles import document_type, forwards_in_title, title_key

# The phrases of a basis sentence (phrase_patterns.tsv): what counts as one
# mention, what may stand between a trigger and the mention it governs, and
# how the list of mentions closes.
MENTION = phrase_pattern("cited_mention")
BETWEEN = phrase_pattern("cited_list_glue").pattern
PURPOSE_CLOSE = phrase_pattern("cited_list_close")
BASIS_LEAD = phrase_pattern("basis_sentence_lead")
REPEAL_AFTER = phrase_pattern("repeal_after")
REPEALED_BY = phrase_pattern("repealed_by_lead")
AMEND_LEAD = phrase_pattern("amend_lead")
AMEND_AFTER = phrase_pattern("amend_after")
FORWARD_OPENING = re.compile(phrase_pattern("forward_opening").pattern.rstrip("$") + BETWEEN)
FORWARD_AFTER = phrase_pattern("forward_after")
BASIS_HEADING = phrase_pattern("basis_heading")
REPORTED = phrase_pattern("reported_speech_lead")
RUN_IN_HEADING = re.compile(BASIS_HEADING.pattern.removeprefix("^"))    # the heading mid-line, after a full stop
HAN = re.compile(r"[\u4e00-\u9fff]")
# what may stand before a mention in a list of bases: a trigger word opening the list (依据《X》《Y》),
# other mentions, and items' numbers (1.《X》 / 2.《Y》: one a line)
LIST_SO_FAR = re.compile(r"[\s\u3000]*(?:(?:依据|根据|按照)[\s\u3000]*)?(?:(?:\d{1,2}[.、．][\s\u3000]*)?X[）)]?[、，,和及与\s\u3000]*)*"
                         r"(?:\d{1,2}[.、．][\s\u3000]*)?")
LIST_ITEM_LINE = re.compile(r"[\s\u3000]*\d{1,2}[.、．][\s\u3000]*X")
MAX_LIST_LINES = 30         # items of a numbered list of bases, one a line, under its heading
REPLY = "reply"
# the act a cited notice issues: the notice is typed, the pair joins them
ISSUED_ACT_RULES = ("citation.wrapped", "citation.title-in-notice")


@dataclass(frozen=True)
class Trigger:
    pattern: re.Pattern           # the phrase, then what may stand before the mention
    phrase: re.Pattern            # the phrase alone (the trigger a link names)
    relation: Relation
    needs_production_clause: bool


@lru_cache(maxsize=1)
def _triggers() -> tuple[Trigger, ...]:
    rows = read_tsv("link_triggers.tsv")
    return tuple(Trigger(re.compile(r["pattern"].rstrip("$") + BETWEEN), re.compile(r["pattern"].rstrip("$")),
                         Relation(r["relation"]), r["needs_production_clause"] == "yes") for r in rows)


@lru_cache(maxsize=1)
def _production_clauses() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in read_lines("production_clauses.txt"))


@lru_cache(maxsize=1)
def _basis_types() -> frozenset[str]:
    return frozenset(read_lines("basis_target_types.txt"))


@lru_cache(maxsize=1)
def _rule_title_endings() -> tuple[str, ...]:
    return tuple(read_lines("rule_title_endings.txt"))


def _is_basis(target: DocRef) -> bool:
    """A law, regulation or decision, or a rule by its title (…管理办法,
    …实施细则, with or without 试行 / 暂行): what a document may rest on."""
    if target.type_concept in _basis_types():
        return True
    title = PROVISIONAL_MARK.sub("", target.title or "")
    return title.endswith(_rule_title_endings())


PROVISIONAL_MARK = re.compile(r"[(（〔](?:试行|暂行)[)）〕]$")


def _production_type(sentence: str) -> Optional[tuple[str, Optional[str]]]:
    """Whether the sentence states the document's basis, and the document
    type word it names for itself (制定本办法 -> 办法)."""
    for pattern in _production_clauses():
        m = pattern.search(sentence)
        if m:
            words = [g for g in m.groupdict().values() if g]
            return m.group(0), (words[0] if words else None)
    return None


def _production_next(doc: Document, sentence: Span) -> Optional[tuple[str, Optional[str]]]:
    """A notice's or 公示's basis stated in one sentence and acted on in the next
    (根据《X》…，经评定…。现将评定结果公告如下): the next sentence opens with what
    the document does."""
    nxt = doc.view[sentence.end:sentence.end + NEXT_SENTENCE_WINDOW]
    nxt = nxt[:nxt.find("。") + 1] if "。" in nxt else nxt
    if not phrase_pattern("acting_opening").match(nxt.lstrip(" 。\n")):
        return None
    return _production_type(nxt)


NEXT_SENTENCE_WINDOW = 120


def _masked_prefix(view: str, start: int, end: int) -> str:
    return MENTION.sub("X", view[start:end])


def type_links(doc: Document, citations: list[Citation], own: DocRef, body_start: int = 0) -> list[Citation]:
    """The citations with ``applies`` / ``based_on`` where the text says so."""
    if own.type_concept == REPLY and not phrase_pattern("approval_title").search(own.title or ""):
        return citations        # a reply explains others' documents; an approval (批复) decides on its own basis
    wrapped = [c.target for c in citations if c.source is None and c.relation in of_kind("issuing")]
    opening = _opening_sentence(doc, body_start)
    out = []
    for c in citations:
        if c.source is not None or c.relation != Relation.CITES:
            out.append(c)
            continue
        typed = _typed(doc, c, own, wrapped, opening, citations)
        out.append(typed or c)
    return _named_by_the_title(_clean_up_items(doc, out, own, body_start))


def _named_by_the_title(citations: list[Citation]) -> list[Citation]:
    """关于废止《X》的决定 … 决定废止《X》(2000年…令第84号公布…) (上海's decision): the
    body's mention of the act the own title repeals or amends, with its number,
    is that act, and the link says so with the number."""
    acted = {title_key(c.target.title): c for c in citations
             if c.evidence.rule == "identity.title-wraps" and c.relation in (Relation.REPEALS, Relation.AMENDS)
             and c.target.title}
    out = []
    for c in citations:
        by_title = acted.get(title_key(c.target.title or ""))
        if by_title is not None and c.relation == Relation.CITES and c.source is None and c.target.number:
            c = replace(c, relation=by_title.relation, trigger=by_title.trigger,
                        link_rule=f"link.{by_title.relation}-title-named")
        out.append(c)
    return out


def _clean_up_items(doc: Document, citations: list[Citation], own: DocRef, body_start: int) -> list[Citation]:
    """A decision that repeals or amends rules by a list (关于废止《山东省信访规定》等3件
    省政府规章的决定: 一、山东省信访规定(省政府令第114号)。…; 江西's 关于废止4件和修改7件
    省政府规章的决定: 一、废止4件省政府规章 (一)…办法(2016年…令第225号公布…); 北京's
    一、北京市机动车市场管理暂行规定(1990年…第9号令发布, 根据…修改); 广西's 一、《X》(1989年…
    桂政发〔1989〕141号发布, …)): each item names the rule, by its name, the number
    that published it or both, and the decision repeals or amends it, as its title
    or the heading the item stands under says. An unquoted name joins its number;
    a name alone on its item's line, in no 《》 and with no number (南昌 人大常委会's
    一、废止3件地方性法规 / (一)南昌市安全生产条例; 上海's (一)上海市公共法律服务办法), is
    a mention of its own."""
    view = doc.view
    title = own.title or ""
    if phrase_pattern("clean_up_decision_title").search(title):
        verbs, items_from = [v for v in CLEAN_UP_VERBS if v in title], body_start
    # the sentence that introduces the list may stand where the layout saw addressees (…予以废止:)
    elif (intro := phrase_pattern("clean_up_list_intro").search(view)) is not None:
        verbs, items_from = [intro.group("verb")], intro.end()
    elif (heading := phrase_pattern("clean_up_list_heading").search(view, body_start)) is not None:
        # a decision read without its title, its list under headings (一、废止9部省政府规章): each
        # item takes the verb of the heading it stands under
        verbs, items_from = list(CLEAN_UP_VERBS), heading.start()
    else:
        return citations
    out = list(citations)
    for item in ITEM_OPENING.finditer(view, items_from):
        found = _item_rule(view, item.end(), citations)
        bare = (_bare_item_name(view, item.end())
                if found is None and not _lists_attachments(view, item.start()) else None)
        if found is None and bare is None:
            continue
        verb = verbs[0] if len(verbs) == 1 else _nearest_verb(view, body_start, item.start())
        if verb is None:
            continue
        relation = Relation.REPEALS if verb == "废止" else Relation.AMENDS
        if bare is not None:
            out.append(_bare_item_citation(doc, bare, relation, verb))
        elif found is not None:
            name, indexes = found
            for i in indexes:
                c = citations[i]
                target = c.target if c.target.title or not name else replace(c.target, title=name)
                out[i] = replace(c, target=target, relation=relation, trigger=verb,
                                 link_rule=f"link.{relation}-clean-up-item")
    return out


CLEAN_UP_VERBS = ("废止", "修改")
# an item opens a line or follows the last one's full stop, or the quotation that closes the last
# item's new wording (…修改为:“…。”四、《X》…: 天津's decision, its line breaks lost)
ITEM_OPENING = re.compile(r"(?:^|(?<=[\s。；;”」]))(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[.、．])[ \t\u3000]*", re.M)
ITEM_NAME = re.compile(r"[^\s（()）《。；;，,：:][^\s（()）。；;，,：:]{3,59}?(?=[ \t\u3000]*[（(])")   # 江西省实施《退役士兵安置条例》办法
OPEN_BRACKET = re.compile(r"[（(]")
ITEM_LEAD = re.compile(r"(?:对|将|在|关于)?[ \t\u3000]*")
ITEM_AMENDMENT = phrase_pattern("item_amendment")
ITEM_AMENDMENT_REACH = 40   # characters after the rule's title to the words that amend it (第七条中增加)
MAX_ITEM = 200      # characters from an item's ordinal to its number


def _item_rule(view: str, at: int, citations: list[Citation]) -> Optional[tuple[Optional[str], list[int]]]:
    """The rule a list item at ``at`` names: a 《title》 citation standing
    first (with the number its history bracket pairs it with), or a name of a
    rule's form before a bracket whose first number, before any 根据 of a
    later amendment, published it (山东省信访规定(省政府令第114号)). The unquoted
    name, and the citations that name the rule."""
    lead = ITEM_LEAD.match(view, at)         # it matches the empty string too
    lead_end = lead.end() if lead else at
    # the mention standing first: a title, and the notice that issued it where its history names one
    # (一、《…森林防火实施办法》(1989年…桂政发〔1989〕141号发布…): the act and the notice, both)
    first = [i for i, c in enumerate(citations) if c.evidence.span.start == lead_end and c.source is None]
    titled = next((i for i in first if citations[i].target.title), None)
    if titled is not None:
        # 一、《X》(…): the item is the rule; 一、对《X》作出修改 / 1.在《X》第七条中增加…: it amends the rule
        end = citations[titled].evidence.span.end
        if lead_end == at or ITEM_AMENDMENT.match(view[at:lead_end].strip() + "X"
                                                  + _masked_prefix(view, end, end + ITEM_AMENDMENT_REACH)):
            return None, first
        if view[at:lead_end].strip() == "关于" and not _rest_of_line(view, end).strip():
            return None, first      # (一)关于《X》 over the changes to X (天津's decision)
        return None
    m = ITEM_NAME.match(view, at)
    bracket = OPEN_BRACKET.search(view, m.end()) if m is not None and document_type(m.group(0)) else None
    if m is None or bracket is None:
        return None
    published = min(((c.evidence.span.start, i) for i, c in enumerate(citations)
                     if c.target.number and c.source is None and bracket.start() < c.evidence.span.start < at + MAX_ITEM),
                    default=None)
    if published is None or "根据" in view[bracket.start():published[0]]:
        return None
    return m.group(0), [published[1]]


def _bare_item_name(view: str, at: int) -> Optional[Span]:
    """The rule a list item names alone on its line, in no 《》: its span,
    where the line is a rule's name and nothing else."""
    line = _rest_of_line(view, at)
    text = line.strip()
    start = at + line.index(text) if text else at
    if not (MIN_BARE_ITEM <= len(text) <= MAX_BARE_ITEM) or BARE_ITEM_STOPS.search(text) or not document_type(text):
        return None
    return Span(start, start + len(text))


BARE_ITEM_STOPS = re.compile(r"[。；;，,：:《》“”（()）]")
MIN_BARE_ITEM, MAX_BARE_ITEM = 6, 60


def _lists_attachments(view: str, at: int) -> bool:
    """Whether the item at ``at`` is one of the attachments a decision lists
    (长春's 附件:1. …决定修改的行政规范性文件 / 2. …决定废止的行政规范性文件目录):
    its own line, or the first line above that is no item, opens with 附件."""
    line_start = view.rfind("\n", 0, at) + 1
    while True:
        line = _rest_of_line(view, line_start).strip()
        if line.startswith("附件"):
            return True
        if line and not ITEM_OPENING.match(line):
            return False
        if line_start == 0:
            return False
        line_start = view.rfind("\n", 0, line_start - 1) + 1


def _rest_of_line(view: str, at: int) -> str:
    end = view.find("\n", at)
    return view[at:] if end < 0 else view[at:end]


def _bare_item_citation(doc: Document, span: Span, relation: Relation, verb: str) -> Citation:
    from kg.extract.citations import doc_ref
    from kg.models import Evidence
    name = doc.view[span.start:span.end]
    return Citation(doc_ref(name, None, None), relation, Evidence("citation.clean-up-item", span, doc.sentence_of(span)),
                    trigger=verb, link_rule=f"link.{relation}-clean-up-item")


def _nearest_verb(view: str, body_start: int, at: int) -> Optional[str]:
    """The verb of the heading the item stands under (一、废止4件省政府规章 / 二、修改7件…)."""
    found = [(view.rfind(v, body_start, at), v) for v in CLEAN_UP_VERBS]
    pos, verb = max(found)
    return verb if pos >= 0 else None


def _closed_by_purpose(view: str, start: int, end: int) -> bool:
    """根据《X》（…）、《Y》要求: the list of mentions ends in the word that makes
    it the document's basis (精神, 要求, 部署, 规定, 安排)."""
    rest = _masked_prefix(view, start, min(end, start + 200))
    return bool(PURPOSE_CLOSE.match(rest))


def _opening_sentence(doc: Document, body_start: int):
    """The body's first sentence after the addressees: a document states its
    basis there (根据《X》要求，经综合考评，拟推荐…) even without a clause
    that names what it produces."""
    for s in doc.sentences:
        # the addressees may share the sentence's line: 各乡镇人民政府: 根据《X》…
        text = doc.view[max(s.start, body_start):s.end].strip()
        # a line of page chrome (a table's stray "|") is no sentence of the body
        if s.end > body_start and HAN.search(text) and not text.endswith((":", "：")):
            return s
    return None


def _repeal(prefix: str, after: str) -> Optional[re.Match]:
    """本办法自…起施行，《X》（N）同时废止: this document repeals X; not
    本办法已被…《X》废止, where X repealed it."""
    repeal = REPEAL_AFTER.match(after)
    return repeal if repeal and not REPEALED_BY.search(prefix) else None


def _typed(doc: Document, c: Citation, own: DocRef, wrapped: list[DocRef], opening,
           citations: list[Citation]) -> Optional[Citation]:
    view = doc.view
    sentence = c.evidence.sentence
    if c.evidence.rule in ISSUED_ACT_RULES:
        return None
    after = _masked_prefix(view, c.evidence.span.end, sentence.end).lstrip("）) ")
    # a prefix that ends in an opening bracket belongs to the number standing alone in it
    prefix = _masked_prefix(view, sentence.start, c.evidence.span.start).rstrip("（( ")
    repeal = _repeal(prefix, after)
    if repeal:
        return replace(c, relation=Relation.REPEALS, trigger=repeal.group("verb"), link_rule="link.repeals-trigger")
    amend = AMEND_AFTER.match(after) if AMEND_LEAD.search(prefix) else None
    if amend:           # …会议决定对《X》作如下修改: this decision amends X
        return replace(c, relation=Relation.AMENDS, trigger=amend.group("verb"), link_rule="link.amends-trigger")
    forwarded = FORWARD_AFTER.match(after)
    if forwarded and not wrapped and not forwards_in_title(own.title or "") and FORWARD_OPENING.search(prefix):
        # 现将《X》转发给你们，请认真贯彻执行: the notice passes X on for its addressees to carry
        # out. Where the page's own title forwards (关于转发《X》的通知, 办公厅转发…的通知) the title says it.
        return replace(c, relation=Relation.APPLIES, trigger=forwarded.group("verb"),
                       link_rule="link.applies-forwarded")
    heading = _basis_heading(view, c.evidence.span.start)
    if heading is not None:     # 1.2编制依据 / 《X》、《Y》…: the list under the heading is the document's basis
        relation = Relation.BASED_ON if _is_basis(c.target) else Relation.APPLIES
        return replace(c, relation=relation, trigger=heading, link_rule=f"link.{relation}-heading")
    if REPORTED.match(prefix):
        return None     # 《通知》指出,根据《X》…: a news item reports another document's basis
    production = _production_type(view[sentence.start:sentence.end]) or _production_next(doc, sentence)
    for trigger in _triggers():
        m = trigger.pattern.search(prefix)
        if not m:
            continue
        while (later := trigger.pattern.search(prefix, m.start() + 1)) is not None:
            m = later       # 编制依据 根据…《X》: the trigger nearest the mention governs it
        if phrase_pattern("reference_lead").search(prefix, m.start()):
            return None     # 根据《宪法》…，参照《拉萨市人民政府工作规则》: a model followed, no basis
        if trigger.needs_production_clause and production is None and not (
                (sentence == opening or BASIS_LEAD.match(prefix[:m.start()]))
                and _closed_by_purpose(view, c.evidence.span.end, sentence.end)):
            continue
        relation = trigger.relation
        is_basis_type = _is_basis(c.target)
        if relation == Relation.BASED_ON and not is_basis_type:
            continue
        if relation == Relation.APPLIES and is_basis_type and trigger.needs_production_clause:
            relation = Relation.BASED_ON   # 根据《…条例》…制定本办法: a legal basis
        source = (_named_product(doc, c, citations)
                  or _source_of(production[1] if production else None, own, wrapped))
        trigger_text = _trigger_phrase(trigger, prefix, m)
        return replace(c, relation=relation, trigger=trigger_text.strip().lstrip("，,；;：:").strip(), source=source,
                       link_rule=f"link.{relation}-trigger")
    return None


def _basis_heading(view: str, at: int) -> Optional[str]:
    """The heading a list of the document's bases stands under (编制依据, 制定依据:
    an emergency plan's 1.2, a 起草说明's 一、), when the mention at ``at`` is in
    a list (nothing but mentions before it) on the heading's line after it or
    on the line below it: the heading's words. Not 本《办法》主要依据《X》: a
    sentence names the bases by its own trigger."""
    line_start = view.rfind("\n", 0, at) + 1
    own_line = BASIS_HEADING.match(view, line_start) or _run_in_heading(view, line_start, at)
    list_start = own_line.end() if own_line and own_line.end() <= at else line_start
    if not LIST_SO_FAR.fullmatch(_masked_prefix(view, list_start, at)):
        return None
    if own_line is not None and list_start > line_start:
        return own_line.group("words")
    lines_above = view[:max(line_start - 1, 0)].rstrip().split("\n")[-MAX_LIST_LINES:]
    if LIST_ITEM_LINE.match(_masked_prefix(view, line_start, at) + "X"):
        # a numbered list, an item a line: the heading stands above its first item
        while lines_above and LIST_ITEM_LINE.match(MENTION.sub("X", lines_above[-1])):
            lines_above.pop()
    above = lines_above[-1] if lines_above else ""
    m = BASIS_HEADING.fullmatch(above.strip())
    return m.group("words") if m else None


def _run_in_heading(view: str, line_start: int, at: int) -> Optional[re.Match]:
    """A numbered basis heading run into the paragraph after a sentence's end,
    where a page lost its line breaks (…运行。 2.编制依据 《X》、《Y》等有关规定。,
    闵行 古美路街道; …意义重大而深远。 1.2 编制依据 根据…, 林芝): the heading
    opens after the last full stop before the mention, and carries its number."""
    stop = max(view.rfind("。", line_start, at), view.rfind("；", line_start, at))
    if stop < 0:
        return None
    m = RUN_IN_HEADING.match(view, stop + 1)
    if m is None or m.end() > at or not RUN_IN_NUMBER.match(view, stop + 1, m.start("words")):
        return None
    return m


RUN_IN_NUMBER = re.compile(r"[ \t\u3000]*(?:\d+(?:\.\d+)*[.．、]?|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])")


def _trigger_phrase(trigger: Trigger, prefix: str, m: re.Match) -> str:
    """The shortest trigger phrase whose rest is what may stand before the
    mention (根据 of 根据省民政厅、省财政厅联合出台《X》)."""
    tail = re.compile(BETWEEN)
    for k in range(m.start() + 1, m.end() + 1):
        if trigger.phrase.fullmatch(prefix, m.start(), k) and tail.fullmatch(prefix, k, m.end()):
            return prefix[m.start():k].strip()
    return m.group(0).strip()


def _source_of(type_word: Optional[str], own: DocRef, wrapped: list[DocRef]) -> Optional[DocRef]:
    """The document that states the basis: the file's own document, or the
    measure a promulgation notice wraps when the clause names its type
    (通知 … 制定本办法 belongs to the 办法)."""
    if not type_word or not wrapped:
        return None
    own_type = document_type(own.title or "")
    if own_type is not None and type_word.endswith(own_type.suffix):
        return None
    for ref in wrapped:
        ref_type = document_type(ref.title or "")
        if ref_type is not None and (type_word.endswith(ref_type.suffix) or ref_type.suffix.endswith(type_word)):
            return ref
    return None


def _named_product(doc: Document, c: Citation, citations: list[Citation]) -> Optional[DocRef]:
    """根据《X》…制定了《Y》（常政办发〔2021〕71号）: X is the basis of Y, an
    issued (numbered) document the text names, not of the document itself."""
    sentence = c.evidence.sentence
    m = phrase_pattern("named_product").search(doc.view, c.evidence.span.end, sentence.end)
    if not m:
        return None
    title_start = m.end() - 1
    return next((other.target for other in citations
                 if other.evidence.span.start == title_start and other.target.number and other.source is None),
                None)
