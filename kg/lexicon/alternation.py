"""A regular expression that matches any of many words, factored by their
shared openings.

Python's ``re`` tries an alternation's branches one by one at every
position, so a pattern of hundreds of labels (portal_fields.tsv) costs a
scan per label. Written as a trie (民政局|民政厅 -> 民政(?:局|厅)), a
position whose character opens no word fails at once. The longest word
still wins where one word opens another (字体 and 字体大小), as with the
branches sorted longest first.
"""
from __future__ import annotations

import re
from typing import Iterable

END = ""      # a trie node's mark that a word ends there


def word_alternation(words: Iterable[str], gap: str = "") -> str:
    """The regex text of a group matching any of ``words``; ``gap`` (a regex)
    may stand between any two of a word's characters (索 引 号)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[END] = {}
    if not any(trie):
        raise ValueError("no words to match")
    return _branches(trie, gap)


def _branches(node: dict, gap: str) -> str:
    branches = []
    for char in sorted(k for k in node if k != END):
        below = node[char]
        rest = ""
        if any(k != END for k in below):
            # the gap belongs to the continuation: a word that ends here takes no gap after it
            rest = f"(?:{gap}{_branches(below, gap)})" + ("?" if END in below else "")
        branches.append(re.escape(char) + rest)
    return "(?:" + "|".join(branches) + ")"
