"""Regenerate kg/data/common_hanzi.txt: the 1,500 Chinese characters most
frequent in jieba's dictionary (each word's frequency counted for every
character it holds), which kg.read.loading scores a decoding by.

    python tools/generate_common_hanzi.py
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import jieba

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "common_hanzi.txt"
SIZE = 1500
PER_LINE = 50


def main() -> None:
    counts: Counter[str] = Counter()
    with (Path(jieba.__file__).parent / "dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            word, frequency = line.split(" ")[:2]
            for char in word:
                if "\u4e00" <= char <= "\u9fff":
                    counts[char] += int(frequency)
    chars = [char for char, _ in counts.most_common(SIZE)]
    lines = ["".join(chars[i:i + PER_LINE]) for i in range(0, SIZE, PER_LINE)]
    OUT.write_text(f"# The {SIZE} Chinese characters most frequent in jieba's dictionary (word frequencies\n"
                   "# summed per character), most frequent first; written by tools/generate_common_hanzi.py.\n"
                   "# kg.read.loading reads a text that is not UTF-8 as GB18030 or as Big5 by which\n"
                   "# decoding gives more of these (a wrong decoding gives rare characters).\n"
                   + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
