"""Laws and regulations revised over time: one work, dated versions.

``law_versions.tsv`` lists, for the national laws and rules of the field,
each version: when it was adopted, amended or revised, the order that
published it (中华人民共和国主席令第72号) and when it came into force, each
row with its source. A citation of the work resolves to the version in force
on the citing document's date; a citation by an order's number names that
version. An order's number does not say whose term it is in (主席令第24号
published both the 2015 and the 2018 amendment), so a number is matched
without the 中华人民共和国 that some pages write before it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import date as Day      # for the field named date, which hides the type in its class
from functools import lru_cache
from typing import Optional

from kg.datafiles import read_tsv
from kg.lexicon.titles import title_key

NATION_PREFIX = "中华人民共和国"


@dataclass(frozen=True)
class Version:
    work: str            # the work's title: 中华人民共和国老年人权益保障法
    issuer: str
    date: Day            # adopted, amended or revised on
    event: str           # adopted, amended, revised
    number: str          # the order that published it
    in_force: Day
    source: str


def number_key(number: str) -> str:
    """An order's number as the table matches it: 民政部令第66号 and
    中华人民共和国民政部令第66号 are one."""
    return number.removeprefix(NATION_PREFIX)


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[Version, ...]], dict[str, str]]:
    works: dict[str, list[Version]] = {}
    numbers: dict[str, str] = {}
    for row in read_tsv("law_versions.tsv"):
        v = Version(row["work"], row["issuer"], date.fromisoformat(row["version_date"]), row["event"], row["number"],
                    date.fromisoformat(row["in_force"]), row["source"])
        works.setdefault(title_key(v.work), []).append(v)
        numbers.setdefault(number_key(v.number), title_key(v.work))
    return {k: tuple(sorted(vs, key=lambda v: v.date)) for k, vs in works.items()}, numbers


def work_key(title: Optional[str] = None, number: Optional[str] = None) -> Optional[str]:
    """The listed work a title or an order's number names, as a title key."""
    works, numbers = _table()
    if title and title_key(title) in works:
        return title_key(title)
    return numbers.get(number_key(number)) if number else None


def listed_works() -> tuple[str, ...]:
    """The title keys of the works the table lists."""
    return tuple(sorted(_table()[0]))


def versions(key: str) -> tuple[Version, ...]:
    return _table()[0].get(key, ())


def version_cited(key: str, on: Optional[date], number: Optional[str] = None) -> Optional[Version]:
    """The version a citation names: the one its number names (of those, the
    latest not after ``on``), else the one in force on ``on``; None when the
    citation is undated and names no number (it cites the work)."""
    listed = versions(key)
    if number:
        named = [v for v in listed if number_key(v.number) == number_key(number)]
        if named:
            fitting = [v for v in named if on is None or v.date <= on]
            return (fitting or named)[-1]
    if on is None:
        return None
    in_force = [v for v in listed if v.in_force <= on]
    return in_force[-1] if in_force else None
