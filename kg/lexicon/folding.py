"""Same-length folding of written forms, so that rules match what is meant.

``fold`` maps full-width digits and letters and odd spaces (ideographic,
no-break) to ASCII, and the quotes a PDF makes of 〔〕 back, one character for one: offsets into the folded view are
offsets into the original text. (NFKC would change lengths for characters
such as ㈠ and ⑴, and folds punctuation that the rules read, such as ：and （.)

``to_simplified`` reads a text in traditional script (a mirror's copy, a Hong
Kong or Taiwan repost) in simplified characters, also one for one, with
OpenCC's conversion tables; a text already simplified is left as it is.
"""
from __future__ import annotations

from functools import lru_cache

# A text is taken as traditional when at least this share of its Chinese
# characters change under conversion (a simplified text changes none).
TRADITIONAL_SHARE = 0.02


def _fold_table() -> dict[int, str]:
    table = {0x3000: " ", 0x00A0: " "}
    # 〔〕 that a PDF's symbol font turned into low and reversed quotes (国办发„2009‟3号, a 湖南 notice)
    table.update({0x201E: "〔", 0x201F: "〕"})
    for code in range(0xFF01, 0xFF5F):
        char = chr(code - 0xFEE0)
        if char.isalnum():
            table[code] = char
    return table


FOLD = _fold_table()


def fold(text: str) -> str:
    """Full-width digits/letters and odd spaces to ASCII, one char for one."""
    return text.translate(FOLD)


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported when a text is read, not when kg is
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """The text in simplified characters, the same length: converted whole
    when conversion keeps its length, else character by character."""
    converted = _converter().convert(text)
    if converted == text:           # a simplified text: nothing to count
        return text
    if len(converted) != len(text):
        converted = "".join(_one(c) for c in text)
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    changed = sum(1 for a, b in zip(text, converted) if a != b)
    return converted if changed >= TRADITIONAL_SHARE * cjk else text


def _one(char: str) -> str:
    out = _converter().convert(char)
    return out if len(out) == 1 else char
