"""The visible text of an HTML page, as a browser would show it: no scripts,
styles or head; block elements on lines of their own; whitespace collapsed.

Offsets in the graph's evidence refer to this text. Which elements are
skipped, break lines or separate cells is data (``kg/data/html_text.tsv``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

from kg.datafiles import read_tsv

SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")


@lru_cache(maxsize=None)
def _roles() -> dict[str, str]:
    return {row["tag"]: row["role"] for row in read_tsv("html_text.tsv")}


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.roles = _roles()
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping: list[str] = []

    def _break(self) -> None:
        line = SPACES.sub(" ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag, attrs) -> None:
        role = self.roles.get(tag)
        if role == "skip":
            self.skipping.append(tag)
        elif not self.skipping and role == "break":
            self._break()
        elif not self.skipping and role == "cell":
            self.current.append(" ")

    def handle_startendtag(self, tag, attrs) -> None:
        if not self.skipping and self.roles.get(tag) == "break":
            self._break()

    def handle_endtag(self, tag) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if self.roles.get(tag) == "break":
            self._break()

    def handle_data(self, data) -> None:
        if not self.skipping:
            self.current.append(data)


def visible_text(markup: str) -> str:
    """The page's visible text, one line per block."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    parser._break()
    return "\n".join(parser.lines) + "\n"


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)
