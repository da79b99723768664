"""Task tables: 序号 | 任务 | 牵头单位 | 责任单位 | 完成时限.

Responsibility is often a table: one task per row, the lead and the other
units in columns. A table is found by its header row, whose cells are column
labels (``table_columns.tsv``: the label and what the column holds), in two
written forms: a row per line with cells separated by ``|`` or tabs, and a
cell per line (portals that lost the table's markup), where a row starts at
the next 序号. A cell left empty under a filled one inherits it (a merged
cell). A row whose cells cannot be set under the header's columns is left
out rather than guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from kg.datafiles import read_tsv
from kg.models import Document, Span

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


@lru_cache(maxsize=1)
def _columns() -> dict[str, str]:
    return {r["label"]: r["kind"] for r in read_tsv("table_columns.tsv")}


def column_kind(text: str) -> Optional[str]:
    """The kind of a header cell: its label, or a label it opens with (重点工作任务(民生实事项目))."""
    label = re.sub(r"\s+", "", text)
    columns = _columns()
    if label in columns:
        return columns[label]
    return next((kind for name, kind in _columns_longest_first()
                 if label.startswith(name) and len(label) <= len(name) + 12), None)


@lru_cache(maxsize=1)
def _columns_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(_columns().items(), key=lambda kv: -len(kv[0])))


def _header(kinds: Sequence[Optional[str]]) -> bool:
    known = [k for k in kinds if k]
    return len(known) >= MIN_LABELS and any(k in ("lead", "responsible", "support") for k in known)


def find_table_rows(doc: Document, start: int = 0, end: Optional[int] = None) -> list[Row]:
    """The rows of every task table between ``start`` and ``end``, in text order."""
    end = len(doc.view) if end is None else end
    lines = _lines(doc.view, start, end)
    return _delimited_rows(lines) + _cell_per_line_rows(lines)


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
            header, above = kinds, {}
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
        above.update({k: c for k, c in row.items() if c.text})
        if row.get("task") and row["task"].text:
            rows.append(Row(row, Span(offset, offset + len(line)), _ordinal(row)))
    return rows


def _cell_per_line_rows(lines: list[tuple[int, str]]) -> list[Row]:
    """A cell per line: a run of header labels, then rows that each start at
    the next 序号; a row with exactly the header's number of cells is read."""
    rows: list[Row] = []
    i = 0
    while i < len(lines):
        kinds: list[str] = []
        j = i
        while j < len(lines) and (kind := column_kind(lines[j][1])) is not None and len(lines[j][1].strip()) <= 16:
            kinds.append(kind)
            j += 1
        if len(kinds) < MIN_LABELS or not _header(kinds) or kinds[0] != "number":
            i = max(j, i + 1)
            continue
        rows += _rows_after_header(lines, j, kinds)
        i = j
    return rows


def _rows_after_header(lines: list[tuple[int, str]], start: int, kinds: list[str]) -> list[Row]:
    rows: list[Row] = []
    expected = 1
    k = start
    while k < len(lines) and (m := SEQUENCE.match(lines[k][1])) and int(m.group(1)) == expected:
        nxt = k + 1
        while nxt < len(lines) and not (SEQUENCE.match(lines[nxt][1]) and int(lines[nxt][1]) == expected + 1):
            nxt += 1
        block = [(off, line) for off, line in lines[k:nxt] if line.strip()]
        if len(block) == len(kinds):
            row = {kind: Cell(line.strip(), Span(off + len(line) - len(line.lstrip()), off + len(line.rstrip())))
                   for kind, (off, line) in zip(kinds, block)}
            last_off, last_line = block[-1]
            rows.append(Row(row, Span(block[0][0], last_off + len(last_line)), str(expected)))
        expected += 1
        k = nxt
    return rows


def _ordinal(row: dict[str, Cell]) -> Optional[str]:
    number = row.get("number")
    return number.text if number is not None and number.text else None
