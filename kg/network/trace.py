"""Implementation chains: what implements a document, level by level, and
which areas have (or lack) an implementing document.

Functions take the document network (``network.to_networkx``) first and
return plain data.
"""
from __future__ import annotations

import difflib
import re
from datetime import date
from typing import Optional

import networkx as nx

from kg.lexicon.areas import gazetteer
from kg.lexicon.docnumber import normalise
from kg.lexicon.schemes import level_concepts
from kg.network.validity import IN_FORCE, UNKNOWN, in_force_on, node_status
from kg.models import AreaCoverage, TraceNode
from kg.relations import Relation, of_kind, traced


class UnknownReference(LookupError):
    def __init__(self, ref: str, suggestions: list[str]):
        self.ref, self.suggestions = ref, suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no document or resource named {ref!r} in the graph{hint}")


def _label(graph: nx.DiGraph, node: str) -> str:
    """A document as a reader names it: its number, its title, else the
    corpus file it was read from (never the raw IRI where a file is known)."""
    data = graph.nodes[node]
    return (data.get("number") or (f"《{data['title']}》" if data.get("title") else None)
            or (f"[{data['file']}]" if data.get("file") else node))


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


# The relations that make a chain: a document carries out (applies), rests
# on (based_on) or issues (promulgates) the one above it.
VERTICAL_RELATIONS = traced()


def relation_graph(graph: nx.DiGraph, relations: tuple[str, ...]) -> nx.DiGraph:
    """Every document, and only the edges of these relations (citing -> cited).
    Built as a graph of its own: algorithms walk a filtered view many times
    slower."""
    links = nx.DiGraph()
    links.add_nodes_from(graph)
    links.add_edges_from((s, o, data) for s, o, data in graph.edges(data=True) if data["relation"] in relations)
    return links


ISSUING_RELATIONS = of_kind("issuing")


def issuing_unit(graph: nx.DiGraph, node: str) -> dict[str, dict]:
    """A 印发 / 转发 notice and the acts it issues are one unit: the other
    members of ``node``'s unit, each with the edge that joins it to ``node``
    (国发〔2021〕35号 and the plan it issues, from either end)."""
    out = {}
    for other in list(graph.successors(node)) + list(graph.predecessors(node)):
        data = graph.edges[node, other] if graph.has_edge(node, other) else graph.edges[other, node]
        if data.get("relation") in ISSUING_RELATIONS and other != node:
            out[other] = data
    return out


def trace(graph: nx.DiGraph, ref: str, direction: str = "down",
          relations: tuple[str, ...] = VERTICAL_RELATIONS, on: Optional[date] = None) -> TraceNode:
    """The tree of documents linked to ``ref`` by ``relations``: those that
    carry it out (``down``) or those it carries out (``up``), level by level.
    Each document stands once, under a parent on its longest chain (national →
    provincial → city → county); a direct link that skips a level is a note
    (``also``), not a repeated subtree. With ``on``, only documents not known
    to be out of force that day (and what hangs below them); every node
    carries its status on that day, else today."""
    if direction not in ("down", "up"):
        raise ValueError("direction is 'down' or 'up'")
    root = find_node(graph, ref)
    day = on or date.today()
    # the root's notice and act are one unit: what carries out (or is carried out by) either hangs below the root
    unit_edges = issuing_unit(graph, root) if Relation.PROMULGATES in relations else {}
    tree = _tree_graph(graph, root, direction, relations, on, unit_edges)
    members = set(tree)
    depth = _longest_depths(tree, root)
    order = {n: (graph.nodes[n].get("rank") or 9, graph.nodes[n].get("area") or "", _label(graph, n)) for n in members}

    parent_of: dict[str, str] = {}
    for n in sorted(members - {root}, key=order.__getitem__):
        parents = sorted((p for p in tree.predecessors(n) if depth[p] == depth[n] - 1), key=order.__getitem__)
        parent_of[n] = parents[0] if parents else min(tree.predecessors(n), key=order.__getitem__)
    children_of: dict[str, list[str]] = {}      # in sort order: parent_of was filled in it
    for child, parent in parent_of.items():
        children_of.setdefault(parent, []).append(child)

    def edge(parent: str, child: str) -> dict:
        if parent == root and child in unit_edges:
            return unit_edges[child]
        return graph.edges[child, parent] if direction == "down" else graph.edges[parent, child]

    def build(n: str, parent: Optional[str]) -> TraceNode:
        out = _trace_node(graph, n, edge(parent, n) if parent else None, day)
        out.also = [f"{edge(p, n)['relation']} {_label(graph, p)}"
                    for p in sorted(tree.predecessors(n), key=order.__getitem__) if p != parent and parent is not None]
        out.children = [build(c, n) for c in children_of.get(n, ())]
        return out

    return build(root, None)


def _tree_graph(graph: nx.DiGraph, root: str, direction: str, relations: tuple[str, ...], on: Optional[date],
                unit_edges: dict[str, dict]) -> nx.DiGraph:
    """The documents a trace reaches from ``root`` and the links among them,
    pointing away from it: root -> implementer (down) or root -> implemented
    (up); the members of the root's unit hang from the root. With ``on``, a
    document not in force that day is left out, with its links; a member of
    the unit is not, but hangs from the root alone. Walked from the root,
    into a graph of its own: only what it reaches is copied (algorithms walk
    a filtered view many times slower)."""
    linked = graph.pred if direction == "down" else graph.succ     # away from the root: implementers, or implemented
    followed = frozenset(relations)
    kept: dict[str, bool] = {root: True}

    def is_kept(n: str) -> bool:
        if n not in kept:
            kept[n] = on is None or in_force_on(graph, n, on)
        return kept[n]

    links, reached, queue = [], {root}, [root]
    while queue:
        node = queue.pop()
        if not is_kept(node):       # a member of the unit not in force that day: no links of its own
            continue
        away = [n for n, data in linked[node].items() if data.get("relation") in followed and is_kept(n)]
        if node == root:
            away += [n for n in unit_edges if n not in away]
        elif node in unit_edges and root in away:
            away.remove(root)
        for n in away:
            links.append((node, n))
            if n not in reached:
                reached.add(n)
                queue.append(n)
    tree = nx.DiGraph()
    tree.add_node(root)
    tree.add_edges_from(links)
    return tree


def _longest_depths(tree: nx.DiGraph, root: str) -> dict[str, int]:
    """Each member's longest distance from the root (its place in the chain);
    the shortest where links form a cycle. Without a cycle the root is the
    only document nothing links to: a document's generation in topological
    order is its longest distance from it."""
    try:
        return {n: depth for depth, generation in enumerate(nx.topological_generations(tree)) for n in generation}
    except nx.NetworkXUnfeasible:
        return dict(nx.single_source_shortest_path_length(tree, root))


def _trace_node(graph: nx.DiGraph, n: str, edge: Optional[dict] = None, day: Optional[date] = None) -> TraceNode:
    data = graph.nodes[n]
    out = TraceNode(n, data.get("number"), data.get("title"), data.get("level"), data.get("area"),
                    data.get("date"), data.get("stub", True), file=data.get("file"),
                    validity=node_status(graph, n, day or date.today()).status)
    if edge:
        out.relation, out.basis, out.rule, out.sentence = (edge.get("relation"), edge.get("basis"), edge.get("rule"),
                                                           edge.get("sentence"))
    return out


def flatten(tree: TraceNode, depth: int = 0, parent: Optional[str] = None):
    yield depth, parent, tree
    for child in tree.children:
        yield from flatten(child, depth + 1, tree.iri)


def format_tree(tree: TraceNode, sentences: bool = True, width: Optional[int] = None) -> str:
    """The tree as text; ``sentences`` adds the sentence behind each link,
    cut to ``width`` characters when given."""
    lines = []

    def describe(n: TraceNode) -> str:
        head = (" ".join(x for x in (n.number, f"《{n.title}》" if n.title else None) if x)
                or (f"[{n.file}]" if n.file else n.iri))
        where = " · ".join(x for x in (n.level, n.area, n.date) if x)
        tail = f"  [{n.relation}, {n.basis}: {n.rule}]" if n.relation else ""
        status = f"  <{n.validity}>" if n.validity and n.validity not in (IN_FORCE, UNKNOWN) else ""
        return f"{head}  ({where}){tail}{status}"

    def walk(n: TraceNode, prefix: str, last: bool, top: bool) -> None:
        connector = "" if top else ("└── " if last else "├── ")
        lines.append(prefix + connector + describe(n))
        child_prefix = prefix + ("" if top else ("    " if last else "│   "))
        if n.also:
            lines.append(child_prefix + "    also directly: " + "; ".join(n.also))
        if sentences and n.sentence and not top:
            sentence = " ".join(n.sentence.split())
            if width and len(sentence) > width:
                sentence = sentence[:max(1, width - 1)] + "…"
            lines.append(child_prefix + "    “" + sentence + "”")
        for i, c in enumerate(n.children):
            walk(c, child_prefix, i == len(n.children) - 1, False)

    walk(tree, "", True, True)
    return "\n".join(lines)


# Relations by which a document carries another out: implements it, or (a
# regulation) rests on it.
CARRYING_OUT = of_kind("carrying-out")
NOT_AN_IMPLEMENTATION = ("reply", "proposal")


def _number_year_start(number: Optional[str]) -> Optional[str]:
    """The first day of a document number's year (国办发〔2019〕5号 -> 2019-01-01)."""
    m = re.search(r"〔(\d{4})〕", number or "")
    return f"{m.group(1)}-01-01" if m else None


def coverage(graph: nx.DiGraph, ref: str, depth: int = 1, on: Optional[date] = None) -> list[AreaCoverage]:
    """Which areas below ``ref``'s own area (every province under a national
    document; Shandong's cities under 鲁政办发…, ``depth`` levels down) carry
    it out, by which document, when and how long after it; which hold
    documents but none carrying it out; which hold nothing. Reply letters and
    documents dated before ``ref`` never count as carrying it out, nor as
    documents that could have (an area holding only those holds none). A
    notice and the act it issues are one unit: carrying out either counts.
    With ``on``, only documents not known to be out of force that day count;
    each area says when its implementing document came into force and
    whether it is in force that day (else today)."""
    gaz = gazetteer()
    root = find_node(graph, ref)
    own = graph.nodes[root].get("area_code")
    if not own:
        raise ValueError(f"{_label(graph, root)} has no area: coverage needs the area it applies to")
    links = relation_graph(graph, CARRYING_OUT)
    counted = _counts_as_carrying_out(graph, root)
    day = on or date.today()

    def counts(node: str) -> bool:
        return counted(node) and (on is None or in_force_on(graph, node, on))
    unit = {root} | set(issuing_unit(graph, root))
    carriers = {n for member in unit if member in links for n in nx.ancestors(links, member) if counts(n)} - unit
    areas = _areas_below(gaz, own, depth)
    by_area: dict[str, list[str]] = {code: [] for code in areas}
    corpus: dict[str, list[str]] = {code: [] for code in areas}
    for node, data in graph.nodes(data=True):
        code = data.get("area_code")
        area = next((a for a in areas if gaz.is_within(code, a)), None) if code and node not in unit else None
        if area is None:
            continue
        if node in carriers:
            by_area[area].append(node)
        if not data.get("stub", True) and counts(node):
            corpus[area].append(_label(graph, node))    # a document that could have carried it out
    return [_area_coverage(graph, links, root, unit, gaz.get(code), by_area[code], corpus[code], day)
            for code in sorted(areas)]


def _counts_as_carrying_out(graph: nx.DiGraph, root: str):
    """Whether a document can carry ``root`` out: no reply, nothing dated
    before it — and a stub has no date, but its number has a year: nothing
    dated before that year (a 2006 notice cannot implement 国办发〔2019〕5号)."""
    not_before = graph.nodes[root].get("date") or _number_year_start(graph.nodes[root].get("number"))

    def counts(node: str) -> bool:
        data = graph.nodes[node]
        if data.get("type") in NOT_AN_IMPLEMENTATION:
            return False
        return not (not_before and data.get("date") and data["date"] < not_before)
    return counts


def _area_coverage(graph: nx.DiGraph, links: nx.DiGraph, root: str, unit: set[str], area, carriers: list[str],
                   corpus: list[str], day: date) -> AreaCoverage:
    """One area's line: its earliest carrier (among undated ones, the area's
    own, highest-level document first), the chain from it to the root, the lag."""
    docs = sorted(carriers, key=lambda n: (graph.nodes[n].get("date") or "9999", graph.nodes[n].get("rank") or 9,
                                           _label(graph, n)))
    chain: list[str] = []
    basis: list[str] = []
    first_date = lag = None
    root_date = graph.nodes[root].get("date")
    if docs:
        # from the first of them, to the root or to the act it issues (then the root)
        reached = next(m for m in sorted(unit, key=lambda m: m != root) if nx.has_path(links, docs[0], m))
        path = nx.shortest_path(links, docs[0], reached)
        chain = [_label(graph, n) for n in path]
        basis = [links.edges[a, b].get("basis") or "stated" for a, b in zip(path, path[1:])]
        if reached != root:
            chain, basis = chain + [_label(graph, root)], basis + ["issues"]
        first_date = graph.nodes[docs[0]].get("date")
        if first_date and root_date:
            lag = (date.fromisoformat(first_date) - date.fromisoformat(root_date)).days
    status = "implemented" if docs else ("not-implementing" if corpus else "no-documents")
    # in force that day if any of the area's carriers is (a repealed one may have a successor)
    statuses = [node_status(graph, d, day) for d in docs]
    validity = next((v for v in statuses if v.status == IN_FORCE), statuses[0] if statuses else None)
    in_force_from = (graph.nodes[docs[0]].get("entry") or graph.nodes[docs[0]].get("date")) if docs else None
    return AreaCoverage(_level_label(area.level), area.name, area.code, status, [_label(graph, d) for d in docs],
                        chain, sorted(corpus), first_date, lag, basis, in_force_from,
                        validity.status if validity else None)


def _level_label(level: str) -> str:
    return level_concepts().get(level, (None, level))[1]


def _areas_below(gaz, code: str, depth: int) -> list[str]:
    """The areas ``depth`` levels below an area (GB/T 2260 children)."""
    current = [code]
    for _ in range(depth):
        # zones (functional_areas.tsv) are no GB/T 2260 area: their documents count for the area they lie in
        current = [child for parent in current for child in gaz.children(parent) if not gaz.is_zone(gaz.get(child))]
    return current
