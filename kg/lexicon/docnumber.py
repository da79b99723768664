"""Document numbers (发文字号): one value that parses and formats itself.

``DocNumber.parse("国办发[2019]05号")`` and every other bracket, width and
spacing variant give the same canonical form, ``国办发〔2019〕5号``: ASCII
digits, the year in 〔〕, no leading zeros, no 第. Announcement numbers keep
their own form, ``2019年第76号``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from kg.lexicon.folding import fold
from kg.models import Span

OPEN = re.escape("〔[［(（【")
CLOSE = re.escape("〕]］)）】")
CJK = "\u4e00-\u9fff"
# The issuer code is found separately (see issuers.find_code_start): the
# regex only anchors on the bracketed year and the sequence number.
NUMBER_TAIL = re.compile(
    rf"[{OPEN}]\s*(?P<year>(?:19|20)\d{{2}})\s*[{CLOSE}]\s*第?\s*(?P<seq>0*\d{{1,5}})\s*号")
LIST_CONTINUATION = re.compile(r"\s*[、，,和及]\s*第?\s*(?P<seq>0*\d{1,5})\s*号")
ANNOUNCEMENT = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年\s*第\s*(?P<seq>0*\d{1,5})\s*号(?!\s*(?:委员)?(?:提案|建议|议案))")
CANONICAL = re.compile(rf"^(?P<code>[{CJK}]+)〔(?P<year>\d{{4}})〕(?P<seq>[1-9]\d*)号$")


@dataclass(frozen=True, order=True)
class DocNumber:
    code: Optional[str]   # issuer code (机关代字); None for an announcement number
    year: int
    seq: int

    @property
    def is_announcement(self) -> bool:
        return self.code is None

    def __str__(self) -> str:
        if self.code is None:
            return f"{self.year}年第{self.seq}号"
        return f"{self.code}〔{self.year}〕{self.seq}号"

    @classmethod
    def parse(cls, text: str) -> "DocNumber":
        """Parse one number written in any variant; ValueError if it is none."""
        view = re.sub(r"\s+", "", fold(text))
        m = re.fullmatch(rf"(?P<code>[{CJK}]+)" + NUMBER_TAIL.pattern.replace(r"\s*", ""), view)
        if m:
            return cls(m.group("code"), int(m.group("year")), int(m.group("seq")))
        m = ANNOUNCEMENT.fullmatch(view)
        if m:
            return cls(None, int(m.group("year")), int(m.group("seq")))
        raise ValueError(f"not a document number: {text!r}")


def normalise(text: str) -> str:
    """The canonical key of a written document number."""
    return str(DocNumber.parse(text))


@dataclass(frozen=True)
class NumberMatch:
    number: DocNumber
    span: Span            # the whole written number, issuer code included
    code_known: bool      # the issuer code was recognised by the issuer tables


def find_numbers(view: str, code_start) -> Iterator[NumberMatch]:
    """Every document number in a (folded) text, in order.

    ``code_start(view, end)`` returns where the issuer code ending at ``end``
    begins and whether it is a known code (see ``issuers.find_code_start``).
    Lists such as ``鲁政办发〔2019〕5号、6号`` yield one match per number.
    """
    taken_until = 0
    for m in NUMBER_TAIL.finditer(view):
        code_end = m.start()
        while code_end > 0 and view[code_end - 1] in " \t\n":
            code_end -= 1
        found = code_start(view, code_end)
        if found is None:
            continue
        start, known = found
        if start < taken_until:
            continue
        code = view[start:code_end]
        year = int(m.group("year"))
        yield NumberMatch(DocNumber(code, year, int(m.group("seq"))), Span(start, m.end()), known)
        end = m.end()
        while True:
            cont = LIST_CONTINUATION.match(view, end)
            if not cont:
                break
            yield NumberMatch(DocNumber(code, year, int(cont.group("seq"))),
                              Span(cont.start("seq"), cont.end()), known)
            end = cont.end()
        taken_until = end
    for m in ANNOUNCEMENT.finditer(view):
        yield NumberMatch(DocNumber(None, int(m.group("year")), int(m.group("seq"))),
                          Span(m.start(), m.end()), True)
