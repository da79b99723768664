"""Task tables: 序号 | 任务 | 牵头单位 | 责任单位 | 完成时限.

Responsibility is often a table: one task per row, the lead and the other
units in columns. A table is found by its header row, whose cells are column
labels (``table_columns.tsv``: the label and what the column holds), in two
written forms: a row per line with cells separated by ``|`` or tabs, and a
cell per line (portals that lost the table's markup), where a row starts at
the next 序号. A cell left empty under a filled one inherits it (a merged
cell). A row whose cells cannot be set under the header's columns is left
out rather than guessed.

Tables whose rows do not align with their header (a row wrapped over several
lines, a header of two tiers, cells lost or split by a page's extraction,
columns set apart by single spaces) are read as records instead: a record
runs from one sequence number to the next, and its unit cells are found by
their form (every item an organ or a collective of organs), in the order of
the header's unit columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from kg.datafiles import phrase_pattern, read_lines
from kg.lexicon.areas import gazetteer
from kg.lexicon.table_labels import column_kind, label_run
from kg.models import Document, Span, SpanSet

CELL_SEPARATOR = re.compile(r"\s*[|｜\t]\s*")
MIN_LABELS = 3          # a header names at least this many known columns
SEQUENCE = re.compile(r"^\s*(\d{1,3})\s*$")


@dataclass(frozen=True)
class Cell:
    text: str
    span: Span


@dataclass(frozen=True)
class Row:
    cells: dict[str, Cell]      # column kind -> cell (number, task, lead, support, responsible, deadline …)
    span: Span
    ordinal: Optional[str]
    units: tuple[tuple[str, Cell], ...] = ()    # (lead | support | responsible, cell), in column order

    @property
    def unit_cells(self) -> tuple[tuple[str, Cell], ...]:
        return self.units or tuple((k, c) for k, c in self.cells.items() if k in UNIT_KINDS)


UNIT_KINDS = ("lead", "responsible", "support")


def _header(kinds: Sequence[Optional[str]]) -> bool:
    known = [k for k in kinds if k]
    return len(known) >= MIN_LABELS and any(k in ("lead", "responsible", "support") for k in known)


def find_table_rows(doc: Document, start: int = 0, end: Optional[int] = None) -> list[Row]:
    """The rows of every task table between ``start`` and ``end``, in text
    order: rows that align with their header by position, the others as records."""
    end = len(doc.view) if end is None else end
    lines = _lines(doc.view, start, end)
    aligned = _delimited_rows(lines) + _cell_per_line_rows(lines)
    read = SpanSet(r.span for r in aligned)
    records = [r for r in _record_rows(lines) if not read.overlaps(r.span)]
    for r in records:
        read.add(r.span)
    return aligned + records + [r for r in _run_together_rows(lines) if not read.overlaps(r.span)]


def _lines(view: str, start: int, end: int) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in view.split("\n"):
        if start <= pos < end:
            out.append((pos, line))
        pos += len(line) + 1
    return out


def _cells(line: str, offset: int) -> list[Cell]:
    cells, pos = [], 0
    for part in CELL_SEPARATOR.split(line.strip(" |｜")):
        at = line.find(part, pos) if part else pos
        cells.append(Cell(part.strip(), Span(offset + at, offset + at + len(part.strip()))))
        pos = at + len(part)
    return cells


def _delimited_rows(lines: list[tuple[int, str]]) -> list[Row]:
    """A row per line, cells separated by | or tabs, under a header line."""
    rows: list[Row] = []
    header: Optional[list[Optional[str]]] = None
    above: dict[str, Cell] = {}
    for offset, line in lines:
        if not CELL_SEPARATOR.search(line.strip(" |｜")):
            header = None
            continue
        cells = _cells(line, offset)
        kinds = [column_kind(c.text) for c in cells]
        if _header(kinds):
            header, above = _task_column(kinds), {}
            continue
        if header is None or abs(len(cells) - len(header)) > 1:
            continue
        row = {}
        for kind, cell in zip(header, cells):
            if kind is None:
                continue
            if not cell.text and kind in above:        # a merged cell: the one above holds it
                cell = above[kind]
            row[kind] = cell
        if any(k in UNIT_KINDS and c.text and not is_unit_cell(c.text) for k, c in row.items()):
            continue       # cells that do not sit under their labels (a header of two tiers): read as a record
        above.update({k: c for k, c in row.items() if c.text})
        if row.get("task") and row["task"].text:
            rows.append(Row(row, Span(offset, offset + len(line)), _ordinal(row)))
    return rows


def _cell_per_line_rows(lines: list[tuple[int, str]]) -> list[Row]:
    """A cell per line, blank lines between cells or not: a run of header
    labels (a label wrapped over two lines, 省政府十大 / 民生实事名称, stands
    among them unknown), then rows that each start at the next 序号. A row
    with the header's number of cells is read by position; one whose count
    differs — a unit cell written a unit a line, empty cells dropped — by
    the form of its cells (_row_by_form)."""
    filled = _bare_cells(lines)
    rows: list[Row] = []
    i = 0
    while i < len(filled):
        kinds: list[Optional[str]] = []
        j = i
        while j < len(filled) and _header_label(filled[j][1], kinds):
            kinds.append(column_kind(filled[j][1]))
            j += 1
        if not kinds or kinds[0] != "number" or not _header(kinds) or sum(k is None for k in kinds) > MAX_UNKNOWN_LABELS:
            i = max(j, i + 1)
            continue
        rows += _rows_after_header(filled, j, _task_column(kinds))
        i = j
    return rows


def _bare_cells(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The filled cells of a table copied a cell a line, without the bars a
    portal's copy leaves around them (| 序号 | / 责任单位 | / … / | 1 | /
    区民政局 |, 谯城区 民政局's 任务分解; a bar alone between cells)."""
    cells = []
    for off, line in lines:
        inner = line.strip().strip("|｜").strip()
        if inner:
            cells.append((off + line.index(inner), inner))
    return cells


def _task_column(kinds: list[Optional[str]]) -> list[Optional[str]]:
    """A table with no task column states each row's task as its target
    (序号 | 责任单位 | 考核指标 | … | 完成时限: 谯城区 民政局's 任务分解; 目标任务)."""
    if "task" in kinds or "target" not in kinds:
        return kinds
    at = kinds.index("target")
    return kinds[:at] + ["task"] + kinds[at + 1:]


MAX_UNKNOWN_LABELS = 4      # labels no table names, inside a header of known ones (谯城区: 分月序时进度, 监督方式, 实施部门, 实施步骤)
MAX_HEADER_LABEL = 24       # 是否省市统一进度(全省县市区名次)


def _header_label(line: str, kinds: list[Optional[str]]) -> bool:
    """A line of a header copied cell by cell: a known column label, or once
    the header has begun with 序号, a short line that is no number and no
    sentence (a label no table names, though it reads like a unit: 实施部门
    in 谯城区 民政局's 任务分解). Rows start at the first sequence number."""
    text = line.strip()
    if SEQUENCE.match(text) or len(text) > MAX_HEADER_LABEL:
        return False
    if column_kind(text) is not None:
        return True
    return bool(kinds) and not any(c in text for c in "。，,；;")


def _rows_after_header(lines: list[tuple[int, str]], start: int, kinds: list[Optional[str]]) -> list[Row]:
    rows: list[Row] = []
    # a table cut before its first rows (南陵's 分解表 from row 80) goes on from the one it starts at
    first = SEQUENCE.match(lines[start][1]) if start < len(lines) else None
    expected = int(first.group(1)) if first else 1
    k = start
    while k < len(lines) and (m := SEQUENCE.match(lines[k][1])) and int(m.group(1)) == expected:
        nxt = k + 1
        while nxt < len(lines) and not (SEQUENCE.match(lines[nxt][1]) and int(lines[nxt][1]) == expected + 1):
            nxt += 1
        block = lines[k:nxt]
        if len(block) == len(kinds):
            row = {kind: _line_cell(off, line) for kind, (off, line) in zip(kinds, block) if kind is not None}
            last_off, last_line = block[-1]
            if "task" in row:
                rows.append(Row(row, Span(block[0][0], last_off + len(last_line)), str(expected)))
        else:
            rows += [r for r in [_row_by_form(block, kinds, str(expected))] if r is not None]
        expected += 1
        k = nxt
    return rows


def _line_cell(off: int, line: str) -> Cell:
    return Cell(line.strip(), Span(off + len(line) - len(line.lstrip()), off + len(line.rstrip())))


def _row_by_form(block: list[tuple[int, str]], kinds: list[Optional[str]], ordinal: str) -> Optional[Row]:
    """A row whose cells do not count out to the header's (大竹's 分解表: a
    unit a line, 县水务局 / 县住建局 / 县护城河指挥部; 文成's 进度表: the empty
    分管领导 cell dropped): where the header has one column of units, the
    row's one run of unit lines is that column, and the longest line before
    it the task. Where it has a 牵头 column and one more (金东's 分解方案:
    牵头单位 | 协同单位, 区教体局 / 东孝街道 / 孝顺镇 …), the run's first line is
    the lead's cell and the lines after it the other column's."""
    unit_kinds = [k for k in kinds if k in UNIT_KINDS]
    units = [i for i, (_, line) in enumerate(block) if i > 0 and is_unit_cell(line)]
    two_columns = len(unit_kinds) == 2 and unit_kinds[0] == "lead"
    if not (len(unit_kinds) == 1 or two_columns) or "task" not in kinds or not units \
            or units != list(range(units[0], units[-1] + 1)) or units[0] < 2:
        return None
    task = max((_line_cell(off, line) for off, line in block[1:units[0]]), key=lambda c: len(c.text))
    span = Span(block[0][0], block[-1][0] + len(block[-1][1]))
    if two_columns:
        lead = _line_cell(*block[units[0]])
        others = [_line_cell(*block[i]) for i in units[1:]]
        paired = (("lead", lead),) + tuple((unit_kinds[1], c) for c in others)
        return Row({"number": _line_cell(*block[0]), "task": task, "lead": lead}, span, ordinal, paired)
    first_off, first_line = block[units[0]]
    last_off, last_line = block[units[-1]]
    unit = _line_cell(first_off, first_line)
    unit = Cell(unit.text, Span(unit.span.start, last_off + len(last_line.rstrip())))
    return Row({"number": _line_cell(*block[0]), "task": task, unit_kinds[0]: unit}, span, ordinal)


def _ordinal(row: dict[str, Cell]) -> Optional[str]:
    number = row.get("number")
    return number.text if number is not None and number.text else None


# --- tables read as records: rows found by their sequence numbers, unit cells by their form ---

WIDE_GAP = re.compile(r"\s*[|｜\t]\s*|\s{2,}")
NARROW_GAP = re.compile(r"\s*[|｜\t]\s*|\s+")
MAX_LABEL_LINE = 16          # a header line of a table copied cell by cell
MAX_UNIT_CELL = 120
MAX_UNIT_ITEM = 30
UNIT_ITEM_SEPARATORS = re.compile(r"[、，,；;]")


def _record_rows(lines: list[tuple[int, str]]) -> list[Row]:
    rows: list[Row] = []
    i = 0
    while i < len(lines):
        header = _record_header(lines, i)
        if header is None:
            i += 1
            continue
        kinds, splitter, first_row = header
        found, i = _records(lines, first_row, kinds, splitter)
        rows += found
    return rows


def _record_header(lines: list[tuple[int, str]], i: int):
    """A header starting at line ``i``: its column kinds, how its rows split
    into cells (None: a cell per line) and the line its first row starts on.
    Its labels may run over several lines (a second tier, a wrapped label),
    up to the first line that opens with a sequence number."""
    line = _unspaced(lines[i][1])
    splitter = _splitter(line)
    if splitter is None and not (column_kind(line) and len(line.strip()) <= MAX_LABEL_LINE):
        return None
    kinds: list[str] = []
    j = i
    while j < len(lines):
        text = _unspaced(lines[j][1].strip())
        if not text:
            j += 1
            continue
        cells = [c for c in (splitter.split(text.strip(" |｜")) if splitter else [text]) if c.strip()]
        if cells and SEQUENCE.match(cells[0]):
            break
        if splitter is None and len(text) > MAX_LABEL_LINE:
            return None
        if splitter is not None and any(len(c) > MAX_LABEL_LINE for c in cells):
            return None
        kinds += [k for k in map(column_kind, cells) if k]
        j += 1
    if j >= len(lines) or not _header(kinds) or "number" not in kinds:
        return None
    return kinds, splitter, j


LETTER_SPACED_LABEL = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?: [\u4e00-\u9fff])+(?![\u4e00-\u9fff])")


def _unspaced(line: str) -> str:
    """A header's labels set with spaced letters (序号 工 作 任 务 牵头负责部门,
    国办's 量化指标 table; 任 务 名 称 | 指 标 要 求 | 牵 头 部 门, 上城's) as written without."""
    return LETTER_SPACED_LABEL.sub(lambda m: m.group(0).replace(" ", ""), line)


def _splitter(line: str) -> Optional[re.Pattern]:
    """How a header line's cells are set apart: by bars or tabs (its labels
    may go on over the next lines), by wide gaps, or by single spaces where
    that gives the labels (序号 项目名称 责任单位 …)."""
    if re.search(r"[|｜\t]", line.strip(" |｜")) and any(column_kind(c) for c in WIDE_GAP.split(line)):
        return WIDE_GAP
    for gap in (WIDE_GAP, NARROW_GAP):
        cells = [c for c in gap.split(line.strip(" |｜")) if c.strip()]
        if len(cells) >= MIN_LABELS and sum(1 for c in cells if column_kind(c)) >= MIN_LABELS:
            return gap
    return None


def _records(lines: list[tuple[int, str]], start: int, kinds: list[str], splitter: Optional[re.Pattern]
             ) -> tuple[list[Row], int]:
    """The rows from line ``start`` on, one record per sequence number; where
    the table ends, the line to go on from."""
    unit_kinds = [k for k in kinds if k in UNIT_KINDS]
    rows: list[Row] = []
    expected: Optional[int] = None
    record: list[list[Cell]] = []          # lines of cells
    ordinal = ""
    k = start
    while k <= len(lines):
        offset, line = lines[k] if k < len(lines) else (0, "")
        cells = _line_cells(line, offset, splitter)
        number = SEQUENCE.match(cells[0].text) if cells else None
        if k == len(lines) or (number and (expected is None or int(number.group(1)) == expected)):
            rows += _record_rows_of(record, ordinal, unit_kinds, splitter)
            if number is None:       # the end of the text
                break
            ordinal, expected, record = number.group(1), int(number.group(1)) + 1, [cells[1:]]
        elif cells and splitter is not None and _header(list(filter(None, map(column_kind, (c.text for c in cells))))):
            rows += _record_rows_of(record, ordinal, unit_kinds, splitter)
            return rows, k               # the next table's header
        elif cells:
            record.append(cells)
        k += 1
    return rows, k


def _line_cells(line: str, offset: int, splitter: Optional[re.Pattern]) -> list[Cell]:
    if not line.strip():
        return []
    if splitter is None:
        lead = len(line) - len(line.lstrip())
        return [Cell(line.strip(), Span(offset + lead, offset + len(line.rstrip())))]
    cells, pos = [], 0
    for part in splitter.split(line):
        part = part.strip(" |｜")
        if not part:
            continue
        at = line.index(part, pos)
        cells.append(Cell(part, Span(offset + at, offset + at + len(part))))
        pos = at + len(part)
    return cells


def _record_rows_of(record: list[list[Cell]], ordinal: str, unit_kinds: list[str],
                    splitter: Optional[re.Pattern]) -> list[Row]:
    """A record's rows: one, or in a table of a row a line, one for each line
    that brings unit cells of its own (a task's sub-rows, each with its unit)."""
    if not record or not unit_kinds:
        return []
    groups: list[list[Cell]] = [[]]
    for cells in record:
        if splitter is not None and groups[-1] and any(is_unit_cell(c.text) for c in groups[-1]) \
                and any(is_unit_cell(c.text) for c in cells):
            groups.append([])
        groups[-1].extend(cells)
    rows = []
    for cells in groups:
        units = [c for c in cells if is_unit_cell(c.text)]
        task = next((c for c in cells if c not in units and len(c.text) >= 2 and not SEQUENCE.match(c.text)), None)
        if not units or task is None or (splitter is None and len(units) > len(unit_kinds)):
            continue        # a cell per line with more unit cells than unit columns: a cell wrapped, not read
        kinds = unit_kinds if len(units) <= len(unit_kinds) else unit_kinds + [unit_kinds[-1]] * len(units)
        paired = tuple(zip(kinds, units))
        span = Span(min(c.span.start for c in cells), max(c.span.end for c in cells))
        rows.append(Row({"task": task}, span, ordinal or None, paired))
    return rows


def is_unit_cell(text: str) -> bool:
    """A cell that holds only units: each item an organ by its ending (区民政局,
    人社局, 残联) or a collective (各街道, 县级人民政府民政部门), role words aside."""
    text = phrase_pattern("unit_cell_roles").sub("", text.strip())
    if not text or len(text) > MAX_UNIT_CELL or "。" in text:
        return False
    items = [i.strip() for i in UNIT_ITEM_SEPARATORS.split(text) if i.strip()]
    return bool(items) and all(_unit_item(i) for i in items)


def _unit_item(item: str) -> bool:
    """An organ by its ending, a collective, or a township by its name: a 镇 or
    街道 in a unit column stands for its government (金东's 协同单位 孝顺镇, 东孝街道;
    新建's 长堎街道)."""
    return (len(item) <= MAX_UNIT_ITEM and bool(re.fullmatch(r"[\u4e00-\u9fff（）()]+", item))
            and (item.endswith(_unit_endings()) or bool(phrase_pattern("collective_item").search(item))
                 or gazetteer().is_township_name(item)))


@lru_cache(maxsize=1)
def _unit_endings() -> tuple[str, ...]:
    return read_lines("unit_cell_endings.txt")


# --- tables run together into one line (a .docx or PDF copied as text) ---

RUN_NUMBER = re.compile(r"(\d{1,3})(?=[\u4e00-\u9fff“《])")
SENTENCE_END = "。；;"


def _run_together_rows(lines: list[tuple[int, str]]) -> list[Row]:
    """序号工作任务责任单位21树立婚育新风。…省委宣传部、省民政厅牵头;…落实22根据…:
    a header of labels written together, then rows written together. A row
    runs from its number to the next number that stands right after a unit
    cell; its unit cell is what follows its last sentence; its task, its
    first sentence."""
    rows: list[Row] = []
    for offset, line in lines:
        header = _run_header(line)
        if header is None:
            continue
        kinds, pos = header
        if not any(k in UNIT_KINDS for k in kinds):
            continue
        unit_kind = next(k for k in kinds if k in UNIT_KINDS)
        start = RUN_NUMBER.match(line, pos)
        while start is not None:
            number = int(start.group(1))
            end, nxt = _run_row_end(line, start.end(), number + 1)
            row = _run_row(line, offset, start.end(), end, start.group(1), unit_kind)
            if row is not None:
                rows.append(row)
            start = nxt
    return rows


def _run_header(line: str) -> Optional[tuple[list[str], int]]:
    """Labels written together from a 序号 on (序号工作任务责任单位): their kinds
    and where the first row starts, or None."""
    at = min((i for i in (line.find("序号"), line.find("编号")) if i >= 0), default=-1)
    if at < 0:
        return None
    kinds: list[str] = []
    pos = at
    while pos < len(line):
        found = label_run(line, pos)
        if found is None:
            break
        kinds.append(found[1])
        pos += len(found[0])
    return (kinds, pos) if len(kinds) >= MIN_LABELS and RUN_NUMBER.match(line, pos) else None


def _run_row_end(line: str, start: int, expected: int) -> tuple[int, Optional[re.Match]]:
    """Where a row ends: at the next number (``expected``) that follows a unit
    cell, or at the end of the line."""
    for m in RUN_NUMBER.finditer(line, start):
        if int(m.group(1)) != expected:
            continue
        if is_unit_cell(_after_last_sentence(line, start, m.start())):
            return m.start(), m
    return len(line), None


def _after_last_sentence(line: str, start: int, end: int) -> str:
    """What follows a row's last full stop (a unit cell's parts are set apart by semicolons)."""
    cut = line.rfind("。", start, end)
    return line[max(cut + 1, start):end]


def _run_row(line: str, offset: int, start: int, end: int, ordinal: str, unit_kind: str) -> Optional[Row]:
    unit_text = _after_last_sentence(line, start, end)
    if not unit_text or not is_unit_cell(unit_text):
        return None
    unit_start = end - len(unit_text)
    first_end = min((i for i in (line.find(ch, start, unit_start) for ch in SENTENCE_END) if i >= 0),
                    default=unit_start)
    if first_end <= start:
        return None
    task = Cell(line[start:first_end], Span(offset + start, offset + first_end))
    unit = Cell(unit_text, Span(offset + unit_start, offset + end))
    return Row({"task": task}, Span(offset + start, offset + end), ordinal, ((unit_kind, unit),))
