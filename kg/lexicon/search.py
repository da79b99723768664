"""One folding for every search box, as the command line reads references.

``search_key`` turns what a user types and what a page lists into one form:
any bracket of a document number to 〔〕, full-width digits to ASCII, no
title marks, quotes or spaces, no 第 and no leading zeros in a number, lower
case. So 国办发[2019]5号, 国办发〔2019〕第05号 and 《国务院办公厅关于推进养老服务发展
的意见》 find what the CLI finds.

The rules live in ``kg/data/search_folding.tsv``; ``folding_spec`` gives
them to the pages, where a few lines of JavaScript apply the same table to
what is typed, so that Python and the browser fold alike.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.datafiles import DataFileError, read_tsv


@lru_cache(maxsize=1)
def folding_spec() -> dict:
    """{"chars": {char: replacement}, "regex": [[pattern, replacement], …]}
    with JavaScript's $1 group references, as the pages take it."""
    chars: dict[str, str] = {}
    patterns: list[list[str]] = []
    for row in read_tsv("search_folding.tsv"):
        source, target = row["from"], row["to"]
        if row["kind"] == "chars":
            if len(target) > 1 and len(target) != len(source):
                raise DataFileError(f"search_folding.tsv: {source!r} and {target!r} differ in length")
            for i, char in enumerate(source):
                chars[char] = target if len(target) <= 1 else target[i]
        elif row["kind"] == "regex":
            patterns.append([source, target])
        else:
            raise DataFileError(f"search_folding.tsv: unknown kind {row['kind']!r}")
    return {"chars": chars, "regex": patterns}


@lru_cache(maxsize=1)
def _compiled():
    spec = folding_spec()
    table = str.maketrans({c: r for c, r in spec["chars"].items()})
    patterns = [(re.compile(p), re.sub(r"\$(\d)", r"\\\1", r)) for p, r in spec["regex"]]
    return table, patterns


def search_key(text: str) -> str:
    table, patterns = _compiled()
    out = text.lower().translate(table)
    for pattern, replacement in patterns:
        out = pattern.sub(replacement, out)
    return out
