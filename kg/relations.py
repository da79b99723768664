"""The relations between documents: one vocabulary, read from
``kg/data/relations.tsv`` — each relation once, with the name the code and
the CLI use, the predicate it is written as (and the inverse the other end is
told), its kind (carrying-out, issuing, repeal, amendment, citation, reply),
how specific it is when two link the same pair (the network keeps the most
specific), whether kg trace follows it by default, and its names and meaning
for the glossary and the pages.

Every module names a relation by a ``Relation`` member (a string, so that
extractions, graphs of the network and the CLI compare and print it as
``applies``), and asks this module for its predicate, its inverse, its kind
and its names; no module keeps a table of relations of its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Iterable, Optional

from kg.datafiles import DataFileError, read_tsv


class Relation(str, Enum):
    """A relation's name (its row in relations.tsv)."""

    APPLIES = "applies"
    BASED_ON = "based_on"
    PROMULGATES = "promulgates"
    FORWARDS = "forwards"
    REPEALS = "repeals"
    AMENDS = "amends"
    CITES = "cites"
    REPLIES_TO = "replies_to"

    # printed and formatted as its name, as a plain string would be
    __str__ = str.__str__
    __format__ = str.__format__  # type: ignore[assignment]      # Enum's would print Relation.APPLIES


@dataclass(frozen=True)
class RelationTerm:
    relation: Relation
    predicate: str              # CURIE: eli:applies
    inverse: Optional[str]      # CURIE told to the other end (eli:repealed_by), if any
    kind: str                   # carrying-out | issuing | repeal | amendment | citation | reply
    specificity: int            # of two links between the same pair, the network keeps the higher
    traced: bool                # kg trace follows it by default
    colour: str                 # its links' colour in the network views
    width: int                  # and their width
    chain: bool                 # a view's chain up follows it
    zh: str
    en: str
    meaning_zh: str
    meaning_en: str

    @property
    def local_name(self) -> str:
        """The predicate's name without its prefix (repliesTo), as SPARQL answers name it."""
        return self.predicate.split(":", 1)[1]


KINDS = ("carrying-out", "issuing", "repeal", "amendment", "citation", "reply")


@lru_cache(maxsize=1)
def terms() -> dict[Relation, RelationTerm]:
    """Every relation's row, in the table's order (the order views list them in)."""
    out: dict[Relation, RelationTerm] = {}
    for row in read_tsv("relations.tsv"):
        try:
            relation = Relation(row["relation"])
        except ValueError:
            raise DataFileError(f"relations.tsv: {row['relation']!r} is no Relation member") from None
        if row["kind"] not in KINDS:
            raise DataFileError(f"relations.tsv: {row['relation']}: unknown kind {row['kind']!r}")
        out[relation] = RelationTerm(relation, row["predicate"], row["inverse"] or None, row["kind"],
                                     int(row["specificity"]), row["traced"] == "yes", row["colour"], int(row["width"]),
                                     row["chain"] == "yes", row["zh"], row["en"], row["meaning_zh"], row["meaning_en"])
    missing = set(Relation) - set(out)
    if missing:
        raise DataFileError(f"relations.tsv: no row for {sorted(r.value for r in missing)}")
    return out


@lru_cache(maxsize=None)     # asked per link in loops over a whole network
def of_kind(*kinds: str) -> tuple[Relation, ...]:
    return tuple(r for r, t in terms().items() if t.kind in kinds)


def between_documents() -> tuple[Relation, ...]:
    """The links from a document to a document (a reply's goes to a proposal)."""
    return tuple(r for r, t in terms().items() if t.kind != "reply")


def traced() -> tuple[Relation, ...]:
    return tuple(r for r, t in terms().items() if t.traced)


def by_local_name(name: str) -> Optional[Relation]:
    """The relation a predicate's local name (repliesTo, applies) stands for."""
    return next((r for r, t in terms().items() if t.local_name == name), None)


def link_styles() -> dict[str, dict]:
    """How the network views draw each relation's links, by its predicate's
    name (as their data names it): colour, width, and whether the chain up
    follows it."""
    return {t.local_name: {"colour": t.colour, "width": t.width, "chain": t.chain} for t in terms().values()}


def glossary_rows() -> list[dict[str, str]]:
    """The relations as rows of the glossary (term, zh, en, property, meanings)."""
    return [{"term": r.value, "zh": t.zh, "en": t.en, "property": t.predicate,
             "meaning_zh": t.meaning_zh, "meaning_en": t.meaning_en} for r, t in terms().items()]


def names(relations: Iterable[Relation]) -> list[str]:
    return [r.value for r in relations]
