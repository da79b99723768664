"""Whether a document is in force on a day, and on what basis.

From what the graph holds of it: its entry into force (else its own date),
its expiry, a repeal by another document (effective when that one takes
effect), and the validity a portal states (有效 / 失效 / 废止). A stated
失效 or 废止 tells of the day the page was saved, not of an earlier one:
it decides only from the reference day on. Where nothing is known the
status is unknown, never guessed.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Iterable, Optional

import networkx as nx

from kg.network.documents import document_name
from kg.relations import Relation, of_kind

STATED_NOT_IN_FORCE = re.compile(r"失效|废止|^否$")     # 是否有效: 否
# statuses, and their words on a page (ui_strings.tsv validity_<status>)
IN_FORCE, NOT_YET, EXPIRED, REPEALED, STATED_LAPSED, UNKNOWN = (
    "in-force", "not-yet", "expired", "repealed", "stated-not-in-force", "unknown")
NOT_IN_FORCE = (NOT_YET, EXPIRED, REPEALED, STATED_LAPSED)
ISSUING = frozenset(of_kind("issuing"))


@dataclass(frozen=True)
class Validity:
    status: str
    basis: str          # what decided it: the date, the repealing document, the stated field
    since: Optional[str] = None     # ISO date the status holds from, where known


def _day(value) -> Optional[date]:
    if value is None:
        return None
    try:
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def status_on(day: date, entry=None, own_date=None, expiry=None, stated: Optional[str] = None,
              repeals: Iterable[tuple[str, object]] = (), reference: Optional[date] = None) -> Validity:
    """The status on ``day`` of a document with these facts; ``repeals`` are
    (label of the repealing document, the day it takes effect)."""
    repealed = (sorted(((d, label) for label, d in ((label, _day(d)) for label, d in repeals) if d), key=lambda r: r[0])
                if repeals else ())
    if repealed and repealed[0][0] <= day:
        return Validity(REPEALED, f"repealed by {repealed[0][1]}", repealed[0][0].isoformat())
    expiry_day = _day(expiry)
    if expiry_day and expiry_day < day:
        return Validity(EXPIRED, f"expired {expiry_day.isoformat()}", expiry_day.isoformat())
    entry_day = _day(entry)
    start = entry_day or _day(own_date)
    if start and start > day:
        return Validity(NOT_YET, f"in force from {start.isoformat()}", start.isoformat())
    if stated and STATED_NOT_IN_FORCE.search(stated) and day >= (reference or date.today()):
        return Validity(STATED_LAPSED, f"stated: {stated}")
    if start:
        since = start.isoformat()
        return Validity(IN_FORCE, f"{'entry into force' if entry_day else 'dated'} {since}", since)
    return Validity(UNKNOWN, "no date of entry into force")


def node_status(graph: nx.DiGraph, node: str, day: date, reference: Optional[date] = None) -> Validity:
    """A node of the document network on ``day``: repealed where a document
    repeals it or the notice that issued it."""
    data = graph.nodes[node]
    targets = [node] + [n for n in graph.predecessors(node) if graph.edges[n, node].get("relation") in ISSUING]
    repeals = []
    for target in targets:
        for repealer in graph.predecessors(target):
            if graph.edges[repealer, target].get("relation") == Relation.REPEALS:
                r = graph.nodes[repealer]
                repeals.append((r.get("number") or document_name(r), r.get("entry") or r.get("date")))
    return status_on(day, data.get("entry"), data.get("date"), data.get("expiry"), data.get("validity"), repeals,
                     reference)


def in_force_on(graph: nx.DiGraph, node: str, day: date) -> bool:
    """Not known to be out of force on ``day`` (an unknown status counts in)."""
    return node_status(graph, node, day).status not in NOT_IN_FORCE


def reference_day() -> date:
    """The day a build states validity on, by default: that of
    SOURCE_DATE_EPOCH where it is set (the reproducible-builds convention:
    rebuilding a corpus on another day gives the same bytes), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970") from None
    return date.today()


def status_graph(graph: nx.DiGraph, day: date) -> set[tuple]:
    """``eli:in_force`` on ``day`` of every document whose status is known,
    with its basis (``pol:validityBasis``), and the day itself
    (``pol:validityAsOf`` of the validity graph). A stub is stated only out
    of force (a corpus document repeals it): nothing about a text the corpus
    lacks keeps it in force. Stated 失效 counts from ``day``: the page was
    read for this build. A reply, proposal, report or 解读 is never in or
    out of force (``types_without_force``)."""
    from rdflib import Literal, URIRef
    from kg.lexicon.titles import types_without_force
    from kg.rdf import iri
    from kg.rdf.vocab import ELI, POL, XSD
    triples: set[tuple] = {(iri.VALIDITY_GRAPH, POL.validityAsOf, Literal(day.isoformat(), datatype=XSD.date))}
    in_force, not_in_force = ELI["InForce-inForce"], ELI["InForce-notInForce"]
    for node, data in graph.nodes(data=True):
        if data.get("type") in types_without_force():
            continue
        known = node_status(graph, node, day, reference=day)
        if known.status == UNKNOWN or (known.status == IN_FORCE and data.get("stub", True)):
            continue
        triples.add((URIRef(node), ELI.in_force, in_force if known.status == IN_FORCE else not_in_force))
        triples.add((URIRef(node), POL.validityBasis, Literal(known.basis)))
    return triples


def conflicts(graph: nx.DiGraph, day: Optional[date] = None) -> list[str]:
    """Corpus documents whose stated validity (a portal's 有效 / 失效) the
    derived status contradicts on ``day`` (today): stated in force but
    repealed or expired by what the texts say, or stated not in force though
    a stated expiry is still ahead. For the quality report: neither wins
    silently."""
    day = day or date.today()
    out = []
    for node, data in graph.nodes(data=True):
        stated = data.get("validity")
        if not stated or data.get("stub", True):
            continue
        derived = node_status(graph, node, day, reference=date.max)     # the stated field left out of the derivation
        lapsed = bool(STATED_NOT_IN_FORCE.search(stated))
        if not lapsed and derived.status in (REPEALED, EXPIRED):
            out.append(f"{data.get('file') or node}: stated {stated}, but {derived.basis}")
        elif lapsed and derived.status == IN_FORCE and (expiry := _day(data.get("expiry"))) and expiry >= day:
            out.append(f"{data.get('file') or node}: stated {stated}, but in force until {data['expiry']}")
    return sorted(out)
