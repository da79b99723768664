"""Portal metadata around a saved page: label/value fields, wherever a
government portal or a repost puts them.

Forms read (examples in ``kg/data/portal_fields.tsv``): ``label: value``
(ASCII, full-width or no colon), ``【label】 value``, table rows of cells
split by ``|``, tabs or runs of spaces (``索 引 号 | … | 分 类 | …``), labels
glued to the previous value (``17:06信息来源:``), spaces inside a label
(``文　　号``), a bulleted label with its value on the next bulleted line,
and a line that opens with a date before its labels (``2021年02月27日 来源:``,
the publication date). A metadata line is residue, never body. An
aggregator's line (an author or publisher that reposts) keeps its fields
out: its date is the repost's, not the document's. A filled view count
says nothing of the kind: portals count views too (发布时间:2018-12-10
浏览次数:683 on a district's portal).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from kg.datafiles import phrase_pattern, read_lines, read_tsv
from kg.lexicon.alternation import word_alternation
from kg.models import PortalField, Span

LEADING_BLOCK_LINES = 40
TRAILING_BLOCK_LINES = 12    # a page's footer: 主办单位, 版权所有
MAX_METADATA_LINE = 240
MAX_VALUE_LINE = 60        # a value on the line after its label; a linked article's title
SENTENCE_ENDS = ("。", "；", "！", "？")
VALUE_BELOW_LINES = 3      # a value below its label, blank lines between (a table copied cell by cell)
BULLETS = "•·●▪◆-*"
GAP = r"[ \t\u3000]*"
WIDE_BORDER_BEFORE = re.compile(r"(?:^[ \t\u3000]*|\S[ \t\u3000]{2,})$")
WIDE_BORDER_AFTER = re.compile(r"[ \t\u3000]{2,}\S|[ \t\u3000]*$")     # a value, or an empty cell closing the line
CELL_START = re.compile(r"(?:^|[|｜\t】\]]|\s{2,}|[ \t]+)$")
VALUE_TRIM = " \t\u3000|｜:：【】[]"
# a page's date before its labelled pairs, set apart by spaces or a bar (2016年02月25日 14:17 | 来源:…)
# (its clock time may be glued to 日: 2020年07月07日05:28 | 来源:人民网-人民日报)
LEADING_DATE = re.compile(r"^\s*(?P<date>\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?)(?:(?:\s+|(?<=日))\d{1,2}:\d{2}(?::\d{2})?)?"
                          r"(?:\s*[|｜]\s*|\s+)")
# fields that mark a line as an aggregator's
AGGREGATOR_FIELDS = {"aggregator"}
# the writers a government portal names as 作者 (王建宁; 张 三, 李四): people, not a reposting site
# (未知, 佚名, 消息: an aggregator's placeholder, no one)
PERSON_NAMES = re.compile(r"(?!未知|佚名|匿名|不详|本站|管理员|编辑|消息|小编|网友)[\u4e00-\u9fff·]{2,4}(?:[ 　、,，]+[\u4e00-\u9fff·]{2,4})*")
REPOST_FIELDS = {"aggregator", "date_publication", "source"}
CELL_BREAK = re.compile(r"\s*[|｜]\s*")
# fields whose value is a name (an organ, a paper, a person): a date after it is a cell of its own
NAME_FIELDS = {"source", "issuer", "aggregator", "site_owner", "signer", "letter_author", "proposer"}
# a name's value ends at a wide gap, after which a widget's words stand (来源:茶陵县人民政府     来源截图)
WIDE_GAP_AFTER_NAME = re.compile(r"[ \t\u3000]{3,}(?=\S)")
TRAILING_DATE = re.compile(r"[ \t\u3000]+(?=(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2})")
# what a cell without a label can be, tried in this order (portal_value_forms.tsv)
UNLABELLED_FIELDS = ("date_publication", "number", "index_number", "validity")


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    return {row["label"]: row["field"] for row in read_tsv("portal_fields.tsv")}


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern:
    """Any label, spaces allowed between its characters, in 【】 or [] or
    bare, with the separator after it."""
    alternation = word_alternation(_labels(), GAP)
    return re.compile(rf"[【\[]?{GAP}(?P<label>{alternation}){GAP}[】\]]?{GAP}(?P<sep>[:：]|(?=[|｜\t])|(?=\s{{2}})|$)?"
                      rf"(?P<space>(?<=[ \u3000])(?<![ \t\u3000]{{2}})(?=\S))?")


@lru_cache(maxsize=1)
def _residue_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in read_lines("residue_lines.txt"))


def label_field(candidate: str) -> Optional[str]:
    return _labels().get(re.sub(r"\s+", "", candidate))


def _label_hits(line: str) -> list[re.Match]:
    """Labels standing as labels: followed by a separator or a cell break, or
    opening a cell of their own; or followed by one space where the line
    holds several pairs (公开方式 主动公开 文号 X政办规〔2022〕4号); or glued to
    a value of their field's form at the start of a line (文号弥民函〔2017〕14号)."""
    return list(_line_label_hits(line))


@lru_cache(maxsize=4096)
def _line_label_hits(line: str) -> tuple[re.Match, ...]:
    """_label_hits, kept per line: the layout asks of each line several times
    (a run, a block, the title's search), five times over on real pages."""
    hits, spaced = [], []
    for m in _label_pattern().finditer(line):
        # 【发布机构】X is a label; 【文字解读】 (a column's tag) holds a label's word, not a label
        glued = m.group("sep") in (":", "：") or (line[m.start()] == "【" and "】" in m.group())
        # a label set apart by wide gaps mid-line (索 引 号  X  发文字号  新文旅发〔2021〕55号): the gaps before
        # and after it are the cells' borders, though the pattern's own gaps took them
        wide = bool(WIDE_BORDER_BEFORE.search(line, 0, m.start("label"))) and bool(
            WIDE_BORDER_AFTER.match(line, m.end("label")))
        at_cell = (bool(CELL_START.search(line[:m.start()])) and m.group("sep") is not None) or wide
        if glued or at_cell:
            hits.append(m)
        elif m.group("space") is not None and CELL_START.search(line[:m.start("label")]):
            spaced.append(m)
        elif m.start() == 0 and _value_has_form(label_field(m.group("label")), line[m.end():]):
            hits.append(m)
    if spaced and (len(spaced) + len(hits) >= 2 or spaced[0].start() == 0):
        hits = sorted(hits + spaced, key=lambda m: m.start())
    return tuple(hits)


def _pairs_then_summary(line: str) -> list[re.Match]:
    """A metadata line too long for one: its pairs, when a summary ends it
    (信息名称 X 内容概述 …, 宁国, 宣城; …发文日期:… 内容概述 …, 乌审旗), whose
    value runs on with the body's opening. Labels inside the summary's text
    are the body's words, not pairs."""
    hits = _label_hits(line)
    summary = next((i for i, m in enumerate(hits) if label_field(m.group("label")) == "summary"), None)
    if summary is None or hits[summary].start() > MAX_METADATA_LINE:
        return []
    return hits[:summary + 1]


def _metadata_run(line: str, start: int) -> Optional[tuple[list[PortalField], Span]]:
    """A law database's block of label–value pairs run into one line with
    the title before it and the body after it, where the page lost its line
    breaks. Two written forms: 【label】value (青海's 通知: …的通知文章属性•【制定机关】
    青海省人民政府•【公布日期】2010.10.19•【字号】青政[2010]93号•…•【主题分类】机关工作
    正文…; 住建部's 办法; 福州's 办法: 【发布部门】…【时效性】已被修改【效力级别】…), and
    label: value pairs opening the line or following its title (贵州's 办法:
    …管理办法制定机关: 贵州省人民政府 效力级别: 地方政府规章 时 效 性: 失效 发布文号:
    公布日期: 1992.08.17 …; 海南's 规定: 法律效力位阶:地方性法规 制定机关:… 时效性:有效
    施行日期:2022-05-31 …). Each value runs to the next label, the last only as
    far as its field's form reaches; the line's other words are no field, and
    only the run is residue. The fields, and the run's span."""
    if read_metadata_line(line, start) is not None:
        return None
    hits = [m for m in _label_hits(line) if line[m.start()] == "【"]
    if len(hits) < MIN_RUN:
        hits = _colon_run(line)
    if len(hits) < MIN_RUN:
        return None
    fields = []
    for hit, after in zip(hits, hits[1:] + [None]):
        field = label_field(hit.group("label"))
        # a bullet before a bracket opens another pair, a label of it unknown or not
        value = line[hit.end():after.start() if after else len(line)].split("•【")[0].strip(VALUE_TRIM + BULLETS)
        if after is None:
            form = _value_forms().get(field or "")
            m = form.match(value) if form else None
            if m is None:
                continue
            value = m.group(0)
        if value:
            at = start + line.index(value, hit.end())
            fields.append(PortalField(_field_of(field, value), hit.group("label"), value, Span(at, at + len(value))))
    return (fields, Span(start + hits[0].start(), fields[-1].span.end)) if fields else None


def _colon_run(line: str) -> list[re.Match]:
    """The label: value pairs that open a line (after its title, if one
    stands before them), each value short, up to the first long one: a
    database's metadata run into the text, not labels in running prose
    (免责声明:凡本网注明"来源:XXX"…; 市直有关部门: …联系人:邓长青,电话:…)."""
    hits = [m for m in _label_hits(line) if m.group("sep") in (":", "：")]
    if not hits or not (not line[:hits[0].start()].strip() or title_before_labels(line[:hits[0].start()])):
        return []
    run = hits[:1]
    for hit in hits[1:]:
        if hit.start() - run[-1].end() > MAX_RUN_VALUE:
            break
        run.append(hit)
    return run


MIN_RUN = 3       # pairs that make a run a metadata block, not a title's tag or a sentence's label
MAX_RUN_VALUE = 40     # a value inside a run of label: value pairs (an organ's name, a rank, a date)


def _value_has_form(field: Optional[str], value: str) -> bool:
    """A value glued to its label is read only where it has its field's form:
    a number, a date, an index number, a validity word, an organ's name."""
    forms = _value_forms()
    return field in forms and bool(forms[field].match(value.strip()))


@lru_cache(maxsize=1)
def _value_forms() -> dict[str, re.Pattern]:
    return {row["field"]: re.compile(row["pattern"]) for row in read_tsv("portal_value_forms.tsv")}


def title_before_labels(head: str) -> bool:
    """A page whose line breaks were lost runs its title into its metadata
    (南京市老年人能力评估标准日期:2014-08-05 浏览次数:122): a head of title
    shape (a document-type ending, no sentence punctuation) before the first
    label."""
    from kg.lexicon.titles import document_type
    head = head.strip()
    return (6 <= len(head) <= 100 and not re.search(r"[。；;，,！？]", head)
            and document_type(head) is not None)


def first_label_at(line: str) -> Optional[int]:
    """Where the first label standing as a label starts in a line, if any."""
    hits = _label_hits(line)
    return hits[0].start() if hits else None


def _dateline(line: str, start: int) -> Optional[list[PortalField]]:
    """A portal's line without labels: the date, then the organ or paper that
    published the page (2022-02-24 市规划资源局; 2015-10-13 11:26  广安日报);
    or the site's address, then the date (http://mzj.bynr.gov.cn 2026-01-12)."""
    site = phrase_pattern("site_dateline").match(line)
    if site is not None:
        return [PortalField("date_publication", "", site.group("date"),
                            Span(start + site.start("date"), start + site.end("date")))]
    stamp = phrase_pattern("bare_timestamp").match(line)
    if stamp is not None:
        # a timestamp alone (2023-06-09 09:52:42 under a repost's headline): the day the site posted
        # the item, which dates a news item and no document
        return [PortalField(POSTED, "", stamp.group("date"), Span(start + stamp.start("date"), start + stamp.end("date")))]
    m = phrase_pattern("dateline").match(line)
    if m is None:
        return None
    source = m.group("source")
    if phrase_pattern("media_source").match(source):
        # a paper's item on a site: the day the site posted it (2015-12-09 14:29:20 青岛日报 on
        # 青岛新闻网; 2021-01-15 08:44 青岛新闻网), a news item's own date
        return [PortalField("aggregator", "", line.strip(), Span(start, start + len(line))),
                PortalField(POSTED, "", m.group("date"), Span(start + m.start("date"), start + m.end("date")))]
    return [PortalField("date_publication", "", m.group("date"), Span(start + m.start("date"), start + m.end("date"))),
            PortalField("source", "", source, Span(start + m.start("source"), start + m.end("source")))]


def _field_of(field: Optional[str], value: str) -> str:
    """A label's field, unless its value says otherwise: 字号 is the font-size
    widget on most portals and the 发文字号 on some (字号 云民发〔2023〕128号).
    A person named as 作者 writes for the portal; a site or a user name
    (作者:rising) marks a repost.
    (Every label read is in the table: ``field`` is None only for a caller's slip.)"""
    if field == "widget" and _value_has_form("number", value):
        return "number"
    if field == "aggregator" and PERSON_NAMES.fullmatch(value.strip()):
        return "writer"     # 作者: 王建宁 (合水县's portal): its own staff, not a reposting site
    if field == "validity_term":
        # 有效期: 长期有效 (景德镇's portals) states the page's validity; 有效期: 2025-12-31 a term
        return "validity" if _value_has_form("validity", value) else field
    return field or "unknown"


def _value_alone(field: Optional[str], value: str) -> tuple[str, str]:
    """A value, and what follows it on the line without a label of its own:
    a 文号 field's value is the number (文 号: X〔2023〕17号 所属主题: …: a pair
    whose label no table knows yet); any other field's value ends where an
    unlabelled date begins (来源:长乐区民政局 2025-05-22 16:55, 来源:三阳港镇党政办
    2015-01-09 08:59: the page's date, not part of the organ's name)."""
    if field == "number":
        m = _value_forms()["number"].match(value)
        return (value[:m.end()], value[m.end():]) if m else (value, "")
    if field not in NAME_FIELDS:
        return value, ""
    m = TRAILING_DATE.search(value) or WIDE_GAP_AFTER_NAME.search(value) or _trailing_widget().search(value)
    return (value[:m.start()], value[m.start():].strip()) if m and m.start() > 0 else (value, "")


@lru_cache(maxsize=1)
def _trailing_widget() -> re.Pattern:
    """A widget's word closing the line after a name, one space between (来源:交通局 打印):
    a button, not part of the organ's name."""
    widgets = sorted((label for label, field in _labels().items() if field == "widget"), key=len, reverse=True)
    return re.compile(rf"[ \t\u3000]+(?:{'|'.join(map(re.escape, widgets))})[ \t\u3000]*$")


def _unlabelled_cells(line: str, start: int, at: int, cells: list[str]) -> list[PortalField]:
    """Cells after a labelled value with no label of their own (文章来源:规划财务 |
    2017-03-28), from offset ``at`` of the line: each placed by its form, if it has one."""
    out = []
    for cell in filter(None, cells):
        at = line.index(cell, at)
        field = next((f for f in UNLABELLED_FIELDS if _value_has_form(f, cell)), None)
        if field is not None:
            out.append(PortalField(field, "", cell, Span(start + at, start + at + len(cell))))
        at += len(cell)
    return out


def read_metadata_line(line: str, start: int) -> Optional[list[PortalField]]:
    """The fields of one line, or None when the line is not metadata."""
    if phrase_pattern("task_fields_line").search(line):
        return None     # a task's officials and units (责任领导:…;责任单位:…): its list, no page's metadata
    hits = _label_hits(line) if len(line) <= MAX_METADATA_LINE else _pairs_then_summary(line)
    if not hits:
        return _dateline(line, start)
    head = line[:hits[0].start()]
    leading_date = LEADING_DATE.match(line)
    if head.strip(" \t|｜【[" + BULLETS) and not (leading_date and leading_date.end() >= len(head.rstrip())) \
            and not title_before_labels(head):
        return None
    fields = []
    if leading_date and head.strip():
        date = leading_date.group("date")
        fields.append(PortalField("date_publication", "", date, Span(start + leading_date.start("date"),
                                                                     start + leading_date.end("date"))))
    for hit, after in zip(hits, hits[1:] + [None]):
        raw_end = after.start() if after else len(line)
        value_start = hit.end()
        value = line[value_start:raw_end]
        stripped = value.strip(VALUE_TRIM)
        if not stripped:
            continue
        offset = value_start + value.index(stripped)
        label = hit.group("label")
        labelled, *cells = CELL_BREAK.split(stripped)
        labelled, rest = _value_alone(label_field(label), labelled)
        cells = [rest, *cells]
        fields.append(PortalField(_field_of(label_field(label), labelled), label, labelled,
                                  Span(start + offset, start + offset + len(labelled))))
        fields += _unlabelled_cells(line, start, offset + len(labelled), cells)
    aggregated = any(f.field in AGGREGATOR_FIELDS and not _value_has_form("issuer", f.value) for f in fields)
    if aggregated or any(f.field == "source" and phrase_pattern("media_source").match(f.value) for f in fields):
        # an author or publisher that is no organ (作者:rising) reposts; 作者:区民政局 is the portal's own;
        # a newspaper, a news site or a 发布 account as 来源 (来源:海南日报) marks a repost too;
        # a 来源 that is an organ still names where the repost took the document from
        return [PortalField("aggregator", "" if aggregated else MEDIA, line.strip(), Span(start, start + len(line)))] + [
            f for f in fields if f.field == "source" and _value_has_form("issuer", f.value)] + (
            [] if aggregated else _as_posted(fields))
    return fields


def _as_posted(fields: list[PortalField]) -> list[PortalField]:
    """The dates of a portal's line that names a paper as its source (来源:宁夏日报
    发布时间:…), kept apart from the document's own: the day the site posted a
    paper's item, which dates a news item (it has no other date). An
    aggregator's line (作者:佚名, a publisher that is no organ) dates nothing."""
    return [PortalField(POSTED, f.label, f.value, f.span) for f in fields if f.field == "date_publication"]


def _block_line(lines: list, i: int, fields: list[PortalField]) -> Optional[int]:
    """A line of the page's leading or trailing block read as metadata: how many
    lines it takes, or None where it is no metadata line."""
    start, _, line = lines[i]
    content, offset, bulleted = _strip_bullet(line)
    # a bulleted line holds a pair (- 文号弥民函〔2017〕14号) or a label alone
    found = read_metadata_line(content, start + offset) if bulleted else read_metadata_line(line, start)
    if found and _uploaders_stamp(lines, i):
        return 0        # a copy's upload time (admin / 2023-08-09 14:40:41 on a content farm): no date of the item
    if found:
        fields.extend(found)
        return 1
    if found is not None and not bulleted and not label_field(content.rstrip(":：")):
        return 1        # a label alone has its value below it (read after this)
    return None


def _uploaders_stamp(lines: list, i: int) -> bool:
    """A bare timestamp beside an uploader's mark (admin, 创始人, 作者:admin): the
    time a content farm copied the item, not when its news ran."""
    if not phrase_pattern("bare_timestamp").match(lines[i][2]):
        return False
    near = [lines[j][2] for j in range(max(0, i - 2), min(len(lines), i + 3)) if j != i and lines[j][2].strip()]
    return any(phrase_pattern("uploader_mark").search(text) for text in near)


POSTED = "date_posted"
MEDIA = "media"     # the label of a repost's mark that a paper as 来源 made, not an aggregator's field


def _read_line(lines: list, i: int, fields: list[PortalField]) -> int:
    """How many lines from line i are metadata or residue (0, 1 or 2); the
    fields they hold are added to ``fields``."""
    start, end, line = lines[i]
    content, offset, bulleted = _strip_bullet(line)
    if i < LEADING_BLOCK_LINES or i >= len(lines) - TRAILING_BLOCK_LINES:
        taken = _block_line(lines, i, fields)
        if taken is not None:
            return taken
    residue = len(line) <= MAX_METADATA_LINE and any(p.search(line) for p in _residue_patterns())
    label_alone = label_field(content.rstrip(":：")) if content else None
    if not label_alone or i + 1 >= len(lines):
        return 1 if residue else 0
    # a label on a line of its own (bulleted, or a table copied cell by
    # cell, blank lines between the cells): its value is the next non-blank
    # line of the same kind, unless that line is a label too (the field is
    # empty then)
    below = next((j for j in range(i + 1, min(i + 1 + VALUE_BELOW_LINES, len(lines))) if lines[j][2].strip()), None)
    if below is None:
        return 1
    vstart, _, vline = lines[below]
    value, voffset, vbulleted = _strip_bullet(vline)
    if label_alone == "widget" and _field_of(label_alone, value) == label_alone:
        return 1        # 字号 (大 中 小) over the addressees: the widget alone, the body below it
    if first_label_at(value) == 0:
        return 1        # 发布部门: over 发文字号:…: an empty field, then a line of its own
    if below > i + 1 and label_alone in _value_forms() and not _value_has_form(label_alone, value):
        return 1        # past blank lines only a value of the field's form (●发文部门 / ●《X》(主席令…): a list's item)
    if (value and not value.endswith((":", "：")) and vbulleted == bulleted and not label_field(value.rstrip(":："))
            and (len(value) <= MAX_VALUE_LINE or (_value_has_form(label_alone, value) and len(value) <= MAX_METADATA_LINE))):
        fields.append(PortalField(_field_of(label_alone, value), content, value,
                                  Span(vstart + voffset, vstart + voffset + len(value))))
        return below - i + 1
    return 1


def _byline(lines: list, i: int) -> Optional[tuple[list[PortalField], int]]:
    """A byline without labels, on two lines: the organ that published the
    page over its timestamp (• 陆良县人民政府 / • 2020-07-31 12:18; 巴彦淖尔市民政局 /
    http://mzj.bynr.gov.cn 2026-01-12). The timestamp (a clock time, or the
    site's address) tells it from a signature, whose date has neither. The
    organ is the source; a site's line is read on its own after it. The
    fields, and how many lines they take."""
    start, _, line = lines[i]
    content, offset, _ = _strip_bullet(line)
    organ = phrase_pattern("byline_organ").match(content)
    below = next((j for j in range(i + 1, min(i + 1 + VALUE_BELOW_LINES, len(lines))) if lines[j][2].strip()), None)
    if organ is None or below is None:
        return None
    stamp_start, _, stamp_line = lines[below]
    stamp, stamp_offset, _ = _strip_bullet(stamp_line)
    m = phrase_pattern("byline_stamp").match(stamp)
    if m is None:
        return None
    out = [PortalField("source", "", organ.group("organ"), Span(start + offset, start + offset + len(content)))]
    if not m.group("date"):
        return out, 1       # the site's line: site_dateline reads its date
    at = stamp_start + stamp_offset
    out.append(PortalField("date_publication", "", m.group("date"), Span(at + m.start("date"), at + m.end("date"))))
    return out, below - i + 1


def _bullet_block(lines: list, i: int) -> Optional[tuple[list[PortalField], int]]:
    """A template's metadata as bullets without labels under the title, each
    value placed by its form: the publishing organ, the number, the index
    number, the date, the validity (• 富源县民政局 / • 富民复〔2021〕17号 / • 015158708/2022-07268 /
    • 2021-08-04 18:08; • 2017年06月08日 / • 廊坊市民政局; • 有效). Bullets tell it from
    a signature, and every item but a category's cell or two must have a form, the
    organ or a date among them. The fields, and how many lines they take."""
    fields: list[PortalField] = []
    j, unformed = i, 0
    while j < len(lines) and j < i + MAX_BULLET_BLOCK:
        start, _, line = lines[j]
        if not line.strip():
            j += 1
            continue
        content, offset, bulleted = _strip_bullet(line)
        if not bulleted:
            break
        field = _bullet_value_field(content)
        if field is None:
            if len(content.strip()) > MAX_CATEGORY_CELL or (unformed := unformed + 1) > MAX_CATEGORY_CELLS:
                return None
            j += 1
            continue        # a category's cell (其他; 建议,建议提案): no field the page's identity needs
        date = BULLET_DATE.match(content) if field == "date_publication" else None
        value = date.group(0) if date else content
        fields.append(PortalField(field, "", value, Span(start + offset, start + offset + len(value))))
        j += 1
    if len(fields) < 2 or not {"source", "date_publication"} & {f.field for f in fields}:
        return None
    while j > i and not lines[j - 1][2].strip():
        j -= 1
    return fields, j - i


def _bullet_value_field(content: str) -> Optional[str]:
    if phrase_pattern("byline_organ").match(content):
        return "source"
    if BULLET_DATE.match(content) and not BULLET_DATE.sub("", content).strip(" \t:0123456789"):
        return "date_publication"
    return next((f for f in ("number", "index_number", "validity") if _value_forms()[f].fullmatch(content)), None)


MAX_BULLET_BLOCK = 10
# a template's category cells among its bullets (铜梁 农业农村委: • 其他 / • 其他; 新郑 梨河镇: • 建议,建议提案)
MAX_CATEGORY_CELLS = 2
MAX_CATEGORY_CELL = 12
BULLET_DATE = re.compile(r"(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}日?")


def _related_links(lines: list) -> list[Span]:
    """A news page's list of other articles under 相关文章 / 相关阅读 / 相关推荐: the
    heading and every short line below it that ends no sentence (a title, often
    with its date: 青岛市崂山区…“保驾护航”04-15), up to the first line of
    running text, when the heading follows the body (a sidebar's 推荐阅读 above the
    title is not this). Their places and organs are not the page's."""
    out: list[Span] = []
    body_seen = False
    for i, (start, end, line) in enumerate(lines):
        text = line.strip()
        body_seen = body_seen or len(text) > MAX_VALUE_LINE or text.endswith(SENTENCE_ENDS)
        if not body_seen or not phrase_pattern("related_links_heading").fullmatch(text):
            continue
        out.append(Span(start, end))
        for below_start, below_end, below in lines[i + 1:]:
            text = below.strip()
            if len(text) > MAX_VALUE_LINE or text.endswith(SENTENCE_ENDS + ("：", ":")):
                break
            out.append(Span(below_start, below_end))
        break
    return out


def _compilation_lines(lines) -> list[Span]:
    """A template site's compilation under a search keyword, announced by a
    headline (K(精选7篇)) or an introduction (简介:…整理了多篇相关的《K》): the
    announcement, a headline's keyword standing above it and
    each part's heading (K 篇1; 第一篇:K) are the site's lines, not the
    document's. Below the announcement the keyword may be the document's own
    words (湖南省人民政府办公厅文件), so only its part headings go; above an
    introduction it is the page's headline, which the document's title may be."""
    announcement = phrase_pattern("aggregator_compilation")
    found = next(((i, m) for i, (_, _, line) in enumerate(lines[:LEADING_BLOCK_LINES])
                  if (m := announcement.match(line.strip()))), None)
    if found is None:
        return []
    at, m = found
    keyword = (m.group("keyword") or m.group("listed")).strip()
    part = phrase_pattern("compilation_part_heading")
    # a headline's keyword was searched for (贵州省人民政府令116号 over 广西's order); an
    # introduction's names the page's document, its headline, which may be its title
    out = [Span(start, end) for start, end, line in lines[:at] if line.strip() == keyword and m.group("keyword")]
    out.append(Span(lines[at][0], lines[at][1]))
    for start, end, line in lines[at + 1:]:
        text = line.strip()
        if part.match(text.removeprefix(keyword).strip() if text.startswith(keyword) and text != keyword else text):
            out.append(Span(start, end))
    return out


def _lines(text: str):
    """(start, end, line) for every line, end excluding the newline."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _strip_bullet(line: str) -> tuple[str, int, bool]:
    """The line without leading space and bullet; its offset; was it bulleted."""
    stripped = line.lstrip()
    offset = len(line) - len(stripped)
    numbered = ORDERED_ITEM.match(stripped)
    bulleted = bool(stripped) and (stripped[0] in BULLETS or numbered is not None)
    if bulleted:
        rest = stripped[numbered.end() if numbered else 1:]
        offset += len(stripped) - len(rest) + (len(rest) - len(rest.lstrip()))
        stripped = rest.lstrip()
    return stripped.rstrip(), offset, bulleted


# an ordered list's item number before a bracketed label (  3. [发文单位] 北京市西城区人民政府: a
# template's <ol> as saved text, as • is its <ul>); a body's 1. before words is a heading
ORDERED_ITEM = re.compile(r"\d{1,2}\.\s*(?=[\[【［])")


def find_portal(text: str) -> tuple[list[PortalField], list[Span]]:
    """Portal metadata (label/value pairs) and every residue line's span."""
    fields: list[PortalField] = []
    residue: list[Span] = []
    lines = list(_lines(text))
    i = 0
    while i < len(lines):
        byline = (_bullet_block(lines, i) or _byline(lines, i)) if i < LEADING_BLOCK_LINES else None
        run = None if byline else _metadata_run(lines[i][2], lines[i][0])
        if byline:
            fields += byline[0]
            taken = byline[1]
        elif run:
            fields += run[0]
            residue.append(run[1])
            i += 1
            continue
        else:
            taken = _read_line(lines, i, fields)
        residue += [Span(start, end) for start, end, _ in lines[i:i + taken]]
        i += max(taken, 1)
    residue += _related_links(lines) + _compilation_lines(lines)
    reposted = [f for f in fields if f.field == "aggregator" and not _value_has_form("issuer", f.value)]
    if reposted:
        # a repost (an author, a publisher that is no organ, a view count):
        # dates and sources are the repost's, not the document's; a source that
        # is an organ names where the repost took the document from; where only
        # a paper named as 来源 marks it (稿源:滨海时报 under 发布日期:…), its dates
        # are the site's posting days
        posted = _as_posted(fields) if all(f.label == MEDIA for f in reposted) else []
        fields = [f for f in fields if f.field not in REPOST_FIELDS
                  or (f.field == "source" and _value_has_form("issuer", f.value))] + posted
    return fields, residue
