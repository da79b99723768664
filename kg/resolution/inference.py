"""Links inferred from title structure, and sanity checks on implements links.

Title echo: 《山东省人民政府办公厅关于推进养老服务发展的实施意见》 implements
《国务院办公厅关于推进养老服务发展的意见》 even where no sentence says so:
issuer + 关于 + the same subject + 的 + an implementing type
(``implementing_suffixes.tsv``) of a higher level's document of that subject.
Such links are marked inferred, with the rule.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

import networkx as nx

from kg.lexicon.areas import gazetteer
from kg.lexicon.schemes import level_concepts
from kg.models import DocumentNode, InferredLink
from kg.relations import Relation
from kg.datafiles import read_lines, read_tsv, split_list
from kg.lexicon.titles import TRAILING_NOTE

ECHO_RULE = "inference.title-echo"


@lru_cache(maxsize=1)
def _subject_noise() -> re.Pattern:
    return re.compile("|".join(map(re.escape, read_lines("subject_noise_words.txt"))))


@lru_cache(maxsize=1)
def _implementing() -> dict[str, tuple[str, ...]]:
    return {r["suffix"]: split_list(r["implements"]) for r in read_tsv("implementing_suffixes.tsv")}


def _parts(title: Optional[str]) -> Optional[tuple[str, str]]:
    """(normalised subject, type ending) of a 关于…的… title."""
    if not title:
        return None
    core = TRAILING_NOTE.sub("", re.sub(r"\s+", "", title))
    for suffix in sorted({s for v in _implementing().values() for s in v} | set(_implementing()), key=len,
                         reverse=True):
        if core.endswith(suffix):
            m = re.match(r"^(?P<issuer>.*?)关于(?P<subject>.+)的$", core[: -len(suffix)])
            if m:
                return _subject_noise().sub("", m.group("subject")), suffix
    return None


def rank(node: DocumentNode) -> Optional[int]:
    level = level_concepts().get(node.area.level) if node.area else None
    return level[0] if level else None


def _above(higher: DocumentNode, lower: DocumentNode) -> bool:
    """``higher`` is issued at a higher level, by an area containing ``lower``'s."""
    high, low = rank(higher), rank(lower)
    if high is None or low is None or high >= low or higher.area is None or lower.area is None:
        return False
    return gazetteer().is_within(lower.area.code, higher.area.code)


def title_echoes(nodes: Iterable[DocumentNode], stated: Iterable[tuple] = ()) -> list[InferredLink]:
    """Inferred implements links, leaving out those a sentence already states."""
    nodes = list(nodes)
    known = {(s.key, t.key) for s, t, _ in stated}
    # documents by subject, type ending and area: a document's candidates are
    # looked up in its own area's chain, not searched for among all documents
    by_place: dict[tuple[str, str, str], list[DocumentNode]] = {}
    for node in nodes:
        parts = _parts(node.title)
        if parts and node.area:
            by_place.setdefault((*parts, node.area.code), []).append(node)
    links = []
    for node in nodes:
        parts = _parts(node.title)
        if not parts or parts[1] not in _implementing() or not node.area:
            continue
        subject, suffix = parts
        candidates = [target for area in gazetteer().chain(node.area.code)
                      for target_suffix in _implementing()[suffix]
                      for target in by_place.get((subject, target_suffix, area.code), ())
                      if target.key != node.key and _above(target, node)]
        if not candidates:
            continue
        # the nearest level above: a city opinion echoes its province's, which
        # in turn echoes the nation's
        nearest = max(rank(t) or 0 for t in candidates)     # every candidate is ranked: it lies above
        links += [InferredLink(node, t, Relation.APPLIES, ECHO_RULE) for t in candidates if rank(t) == nearest]
    links = [link for link in links if (link.source.key, link.target.key) not in known]
    return sorted(links, key=lambda link: (link.source.key, link.target.key))


def implements_edges(extractions, resolution, inferred: Iterable[InferredLink]):
    """Every implements link: (implementer, implemented, stated | inferred)."""
    for x in extractions:
        own = resolution.of_extraction(x)
        for c in x.citations:
            if c.relation == Relation.APPLIES:
                source = resolution.node(c.source) if c.source is not None else own
                yield source, resolution.node(c.target), "stated"
    for link in inferred:
        yield link.source, link.target, "inferred"


def implements_warnings(edges: Iterable[tuple[DocumentNode, DocumentNode, str]]) -> list[str]:
    """Warnings for implements links that cannot be right: an implementer
    older than what it implements, one at a higher level, or a cycle."""
    warnings = []
    graph = nx.DiGraph()
    for source, target, how in edges:
        graph.add_node(source.key, label=_label(source))
        graph.add_node(target.key, label=_label(target))
        graph.add_edge(source.key, target.key)
        name = f"{_label(source)} applies {_label(target)} ({how})"
        if source.date and target.date and source.date < target.date:
            warnings.append(f"{name}: the implementer ({source.date}) is older than what it implements ({target.date})")
        source_rank, target_rank = rank(source), rank(target)
        if source_rank is not None and target_rank is not None and source_rank < target_rank:
            warnings.append(f"{name}: the implementer is at a higher level than what it implements")
    for cycle in sorted(sorted(graph.nodes[n]["label"] for n in c) for c in nx.simple_cycles(graph)):
        warnings.append("implements links form a cycle: " + " -> ".join(cycle))
    return warnings


def _label(node: DocumentNode) -> str:
    return node.number or f"《{node.title}》"
