"""A word alternation factored as a trie matches what the plain alternation,
longest word first, matches: on the portal labels and real pages' lines."""
import re
from pathlib import Path

import pytest

from kg.datafiles import read_tsv
from kg.lexicon.alternation import word_alternation

GAP = r"[ \t\u3000]*"
LABELS = [row["label"] for row in read_tsv("portal_fields.tsv")]
WILD = Path(__file__).parent / "data" / "wild" / "pages"


def plain(words, gap=""):
    return "(?:" + "|".join(gap.join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True)) + ")"


@pytest.mark.parametrize("text,found", [
    # a label that opens a longer one: the longer wins, and no gap is taken after the shorter
    ("时间:2026-01-30 11:58 字体大小:放大 正常 缩小", ["时间", "字体大小"]),
    ("放大字体 | 缩小字体 | 已收藏,点击取消收藏 点击收藏 点击收藏 | 打印 |", ["字体", "字体", "点击", "点击", "点击", "打印"]),
    # a label spaced out as portals set it in their tables (公开日 is no label of the table)
    ("索 引 号 010600106/2023-00071 发布机构 高昌区政府办公室 公开日 2023-07-04", ["索 引 号", "发布机构"]),
])
def test_the_longest_label_is_found_as_written(text, found):
    assert [m.group(0) for m in re.compile(word_alternation(LABELS, GAP)).finditer(text)] == found


def test_words_not_in_the_list_are_not_found():
    assert re.compile(word_alternation(["民政局", "民政厅"])).search("财政局、教育局") is None
    with pytest.raises(ValueError):
        word_alternation([])


def test_the_trie_finds_what_the_plain_alternation_finds_on_real_lines():
    trie = re.compile(word_alternation(LABELS, GAP))
    flat = re.compile(plain(LABELS, GAP))
    pages = sorted(WILD.glob("*.txt"))[::10]
    assert pages
    for page in pages:
        for line in page.read_text(encoding="utf-8").split("\n"):
            assert [m.span() for m in trie.finditer(line)] == [m.span() for m in flat.finditer(line)], (page.name, line)
