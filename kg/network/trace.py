"""Implementation chains: what implements a document, level by level, and
which areas have (or lack) an implementing document.

Functions take the document network (``network.to_networkx``) first and
return plain data.
"""
from __future__ import annotations

import difflib
from typing import Optional

import networkx as nx

from kg.lexicon.docnumber import normalise
from kg.models import AreaCoverage, TraceNode
from kg.network.documents import implements_graph


class UnknownReference(LookupError):
    def __init__(self, ref: str, suggestions: list[str]):
        self.ref, self.suggestions = ref, suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no document or resource named {ref!r} in the graph{hint}")


def _label(graph: nx.DiGraph, node: str) -> str:
    data = graph.nodes[node]
    return data.get("number") or (f"《{data['title']}》" if data.get("title") else node)


def find_node(graph: nx.Graph, ref: str) -> str:
    """The node a reference names: an IRI, a document number in any written
    form, or a title or name (with or without 《》). Works on the document
    network and on the resource network alike."""
    if ref in graph:
        return ref
    try:
        number = normalise(ref)
    except ValueError:
        number = None
    title = ref.strip().strip("《》")
    for node, data in graph.nodes(data=True):
        if (number and data.get("number") == number) or title in (data.get("title"), data.get("name")):
            return node
    names = sorted({n for _, d in graph.nodes(data=True) for n in (d.get("number"), d.get("title"), d.get("name"))
                    if n})
    raise UnknownReference(ref, difflib.get_close_matches(number or title, names, n=3, cutoff=0.4))


def trace(graph: nx.DiGraph, ref: str, direction: str = "down") -> TraceNode:
    """The tree of documents that implement ``ref`` (``down``) or that ``ref``
    implements (``up``), children ordered by level, area and number."""
    if direction not in ("down", "up"):
        raise ValueError("direction is 'down' or 'up'")
    implements = implements_graph(graph)
    root = find_node(graph, ref)
    seen: set[str] = set()

    def node(iri: str, edge: Optional[dict], path: tuple[str, ...]) -> TraceNode:
        data = graph.nodes[iri]
        out = TraceNode(iri, data.get("number"), data.get("title"), data.get("level"), data.get("area"),
                        data.get("date"), data.get("stub", True))
        if edge:
            out.basis, out.rule, out.sentence = edge.get("basis"), edge.get("rule"), edge.get("sentence")
        if iri in seen:
            out.repeated = True
            return out
        seen.add(iri)
        if iri not in implements:
            return out
        if direction == "down":
            nxt = [(n, implements.edges[n, iri]) for n in implements.predecessors(iri)]
        else:
            nxt = [(n, implements.edges[iri, n]) for n in implements.successors(iri)]
        nxt.sort(key=lambda item: (graph.nodes[item[0]].get("rank") or 9, graph.nodes[item[0]].get("area") or "",
                                   _label(graph, item[0])))
        out.children = [node(n, e, path + (iri,)) for n, e in nxt if n not in path]
        return out

    return node(root, None, ())


def flatten(tree: TraceNode, depth: int = 0, parent: Optional[str] = None):
    yield depth, parent, tree
    for child in tree.children:
        yield from flatten(child, depth + 1, tree.iri)


def format_tree(tree: TraceNode) -> str:
    lines = []

    def describe(n: TraceNode) -> str:
        head = " ".join(x for x in (n.number, f"《{n.title}》" if n.title else None) if x)
        where = " · ".join(x for x in (n.level, n.area, n.date) if x)
        tail = f"  [{n.basis}: {n.rule}]" if n.basis else ""
        return f"{head}  ({where}){tail}" + ("  (see above)" if n.repeated else "")

    def walk(n: TraceNode, prefix: str, last: bool, top: bool) -> None:
        connector = "" if top else ("└── " if last else "├── ")
        lines.append(prefix + connector + describe(n))
        child_prefix = prefix + ("" if top else ("    " if last else "│   "))
        if n.sentence and not top:
            lines.append(child_prefix + "    “" + " ".join(n.sentence.split()) + "”")
        for i, c in enumerate(n.children):
            walk(c, child_prefix, i == len(n.children) - 1, False)

    walk(tree, "", True, True)
    return "\n".join(lines)


def coverage(graph: nx.DiGraph, ref: str) -> list[AreaCoverage]:
    """For every area with a document in the corpus or an implementing
    document: its implementing documents and the shortest chain to ``ref``,
    or none (a gap)."""
    root = find_node(graph, ref)
    implements = implements_graph(graph)
    implementers = nx.ancestors(implements, root) if root in implements else set()
    areas: dict[str, dict] = {}
    for node, data in graph.nodes(data=True):
        if not data.get("area_code") or node == root:
            continue
        in_corpus, implementing = not data.get("stub", True), node in implementers
        if in_corpus or implementing:
            entry = areas.setdefault(data["area_code"], {"level": data.get("level"), "rank": data.get("rank"),
                                                         "area": data.get("area"), "docs": [], "corpus": []})
            if implementing:
                entry["docs"].append(node)
            if in_corpus:
                entry["corpus"].append(_label(graph, node))
    out = []
    for code, entry in sorted(areas.items(), key=lambda kv: (kv[1]["rank"] or 9, kv[0])):
        chain: list[str] = []
        if entry["docs"]:
            paths = [nx.shortest_path(implements, d, root) for d in entry["docs"]]
            best = min(paths, key=lambda p: (len(p), [_label(graph, n) for n in p]))
            chain = [_label(graph, n) for n in best]
        out.append(AreaCoverage(entry["level"], entry["area"], code,
                                sorted(_label(graph, d) for d in entry["docs"]), chain, sorted(entry["corpus"])))
    return out
