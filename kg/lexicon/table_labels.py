"""The column labels of task tables (``table_columns.tsv``): what a header
cell names (序号 number, 牵头单位 lead, 责任单位 responsible …). The table
reader sets rows under them; the layout reader keeps them out of titles."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from kg.datafiles import read_tsv


@lru_cache(maxsize=1)
def _columns() -> dict[str, str]:
    return {r["label"]: r["kind"] for r in read_tsv("table_columns.tsv")}


def column_kind(text: str) -> Optional[str]:
    """The kind of a header cell: its label, a label it opens with
    (重点工作任务(民生实事项目)), or one it ends with after a short qualifier
    (省重点民生实事项目名称)."""
    label = re.sub(r"\s+", "", text)
    columns = _columns()
    if label in columns:
        return columns[label]
    # the first label, longest first, that opens or ends it: looked up by
    # length (the table reader asks this of every line of a text)
    order = _label_order()
    for length in _label_lengths():
        found = [name for name in (label[:length] if len(label) <= length + 12 else None,
                                   label[-length:] if length >= 4 and len(label) <= length + 8 else None)
                 if name in order]
        if found:
            return columns[min(found, key=order.__getitem__)]
    return None


@lru_cache(maxsize=1)
def labels_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(_columns().items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=1)
def _label_order() -> dict[str, int]:
    return {name: i for i, (name, _) in enumerate(labels_longest_first())}


@lru_cache(maxsize=1)
def _label_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(name) for name in _columns()}, reverse=True))


def label_run(text: str, pos: int) -> Optional[tuple[str, str]]:
    """The label written at ``pos`` (the longest), with its kind."""
    return next(((name, kind) for name, kind in labels_longest_first() if text.startswith(name, pos)), None)


def is_header_text(text: str) -> bool:
    """A table's header as a line or cell, not a title: one label exactly (with
    a bracketed qualifier: 重点工作任务(民生实事项目)) or labels written together
    (实事内容工作任务责任单位进展情况)."""
    text = re.sub(r"\s+", "", text)
    if re.sub(r"[（(][^（）()]*[)）]$", "", text) in _columns():
        return True
    pos, count = 0, 0
    while pos < len(text) and (found := label_run(text, pos)) is not None:
        pos, count = pos + len(found[0]), count + 1
    return count >= 2 and pos == len(text)
