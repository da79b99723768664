"""Same-length folding of written forms, so that rules match what is meant.

``fold`` maps full-width digits and letters and odd spaces (ideographic,
no-break) to ASCII one character for one: offsets into the folded view are
offsets into the original text. (NFKC would change lengths for characters
such as ㈠ and ⑴, and folds punctuation that the rules read, such as ：and （.)
"""
from __future__ import annotations


def _fold_table() -> dict[int, str]:
    table = {0x3000: " ", 0x00A0: " "}
    for code in range(0xFF01, 0xFF5F):
        char = chr(code - 0xFEE0)
        if char.isalnum():
            table[code] = char
    return table


FOLD = _fold_table()


def fold(text: str) -> str:
    """Full-width digits/letters and odd spaces to ASCII, one char for one."""
    return text.translate(FOLD)
