"""The overview (``build/graph.html``, ``kg viz`` without --focus or
--chain): a corpus's documents first, laid out by level — national at the
top, then provincial, city, county — and within a level grouped by area,
one box per area in code order, so that a province's cities sit together.
Agencies, measures, service models, programmes and proposals are one click
away: the page holds each node's neighbours and adds them around a node
when it is expanded.

Above AREAS_FIRST_ABOVE documents the page draws areas first: one node per
area box, sized by its documents, and the links between areas (how many
documents of one carry out or cite documents of the other); double-clicking
an area draws its documents in their places. A national corpus's page then
opens in seconds, not in a quarter of a minute.

The page data is compact (nodes and links as arrays, links by node index,
relations by index) because a corpus of 5,000 documents reaches some
200,000 resources; the page draws only what is shown.
"""
from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Optional

import networkx as nx

from kg.relations import link_styles, of_kind, terms as relation_terms
from kg.lexicon.schemes import level_labels
from kg.network.resources import KINDS, NetworkFacts, short_label
from kg.views.site import relation_names
from kg.rdf.vocab import ID

if TYPE_CHECKING:
    from kg.store.database import GraphStore

# the links between documents, by their predicates' names, in the order of kg/data/relations.tsv
DOCUMENT_RELATIONS = tuple(t.local_name for t in relation_terms().values())
# Areas are the boxes the documents sit in: their links are not drawn.
AREA_LINKS = {"jurisdiction", "broader", "subOrganizationOf"}
NAME_LIMIT = 120                 # characters of a name the page carries
COLUMN_GAP, ROW_GAP = 150, 46    # document slots in an area box, in pixels
BOX_PADDING, BOX_HEADER, BOX_GAP = 20, 34, 40
BAND_GAP = 140
UNKNOWN_RANK = 9
# Above this many documents the page opens on areas, documents on demand.
# Drawing every document first: 14.5 frames a second while moving at 500,
# 6.8 at 5,000 and 1.1 at 78,230 (first draw 11.0 s); areas first: 11.2 at
# 5,000 and 7.4 at 78,230 (first draw 2.6 s). Run V in benchmarks/README.md.
AREAS_FIRST_ABOVE = 3000


@dataclass
class OverviewNetwork:
    """What the overview draws: its nodes with the links between documents
    (``net``), and every other link but those to areas as plain (subject,
    object, relation) rows — millions of them on a large corpus, which a
    networkx graph would hold at about ten times the memory."""
    net: nx.MultiDiGraph
    links: list[tuple[str, str, str]]
    evidence: dict[tuple[str, str, str], dict]    # of those links, when few enough to carry
    resources: bool = True      # False: documents only (a corpus above OVERVIEW_RESOURCES_UP_TO documents)


@dataclass
class Box:
    """An area's box: its documents in a grid, then placed in its band."""
    code: str
    name: str
    rank: int
    members: list[str]
    columns: int = 1
    x: float = 0.0
    y: float = 0.0

    @property
    def width(self) -> float:
        return self.columns * COLUMN_GAP + 2 * BOX_PADDING

    @property
    def height(self) -> float:
        rows = math.ceil(len(self.members) / self.columns)
        return BOX_HEADER + rows * ROW_GAP + BOX_PADDING


def _rank(data: dict) -> int:
    return data.get("rank") or UNKNOWN_RANK


def layout(documents: nx.DiGraph) -> tuple[list[Box], list[tuple[int, float, float]], dict]:
    """Boxes of documents by level band and area, and each document's place."""
    groups: dict[tuple[int, str, str], list[str]] = defaultdict(list)
    for n, data in documents.nodes(data=True):
        if data.get("type") == "proposal":
            continue
        groups[(_rank(data), data.get("area_code") or "", data.get("area") or "")].append(n)
    boxes = []
    for (rank, code, name), members in sorted(groups.items()):
        members.sort(key=lambda n: (documents.nodes[n].get("stub", False), documents.nodes[n].get("date") or "",
                                    documents.nodes[n].get("number") or documents.nodes[n].get("title") or n))
        # wider than tall: reads like a page of numbers
        boxes.append(Box(code, name, rank, members, columns=max(1, min(len(members), math.ceil(math.sqrt(len(members) * 2))))))
    # one width for every band, so that the picture is about 16:9
    area = sum((b.width + BOX_GAP) * (b.height + BOX_GAP) for b in boxes)
    width = max([1600.0, math.sqrt(area * 16 / 9)] + [b.width for b in boxes])
    places, bands, top = {}, [], 0.0
    for rank in sorted({b.rank for b in boxes}):
        band = [b for b in boxes if b.rank == rank]
        rows: list[list[Box]] = [[]]
        for box in band:
            used = sum(b.width + BOX_GAP for b in rows[-1])
            if rows[-1] and used + box.width > width:
                rows.append([])
            rows[-1].append(box)
        y = top
        for row in rows:
            x = -(sum(b.width for b in row) + BOX_GAP * (len(row) - 1)) / 2
            for box in row:
                box.x, box.y = x, y
                for i, n in enumerate(box.members):
                    places[n] = (x + BOX_PADDING + COLUMN_GAP * (i % box.columns + 0.5),
                                 y + BOX_HEADER + ROW_GAP * (i // box.columns + 0.5))
                x += box.width + BOX_GAP
            y += max(b.height for b in row) + BOX_GAP
        bands.append((rank, top, y - BOX_GAP))
        top = y + BAND_GAP
    return boxes, bands, places


def _relative(iri: str) -> str:
    """The IRI without the project's base, which the page adds back."""
    return iri[len(ID):] if iri.startswith(str(ID)) else iri


def overview_data(network: OverviewNetwork, documents: nx.DiGraph) -> dict:
    """What the overview page holds: levels, bands, area boxes, every node
    (documents placed) and every link but those to areas, compactly."""
    net = network.net
    boxes, bands, places = layout(documents)
    kept = [n for n, kind in net.nodes(data="kind") if kind != "area"]
    kept.sort(key=lambda n: (n not in places, n))
    index = {n: i for i, n in enumerate(kept)}
    links, importance = _links(network, index)
    importance.update(_document_importance(documents, places))
    nodes = [_node_row(n, net.nodes[n], places.get(n, (None, None)), importance[n]) for n in kept]
    relations = _relations_in_order({link[2] for link in links})
    position = {r: i for i, r in enumerate(relations)}
    for link in links:
        link[2] = position[link[2]]
    labels = level_labels()
    return {
        "base": str(ID),
        "unknown_rank": UNKNOWN_RANK,
        "kinds": list(KINDS),
        "resources": network.resources,
        "levels": [[rank, *labels[rank]] for rank, _, _ in bands if rank in labels],
        "bands": [[rank, round(top, 1), round(bottom, 1)] for rank, top, bottom in bands],
        "areas_first": len(places) > AREAS_FIRST_ABOVE,
        # each box: code, name, level rank, x, y, width, height, its documents' node indices
        "boxes": [[b.code, b.name, b.rank, round(b.x, 1), round(b.y, 1), round(b.width, 1), round(b.height, 1),
                   [index[n] for n in b.members]] for b in boxes],
        "relations": relations,
        "nodes": nodes,
        "links": links,
    }


def _links(network: OverviewNetwork, index: dict[str, int]) -> tuple[list[list], dict[str, int]]:
    """The links between kept nodes (relation by name, for now) with their
    evidence, in order of their ends and relation, and each node's number
    of links."""
    between_documents = [(s, o, k, d) for s, o, k, d in network.net.edges(keys=True, data=True)]
    others = ((s, o, k, network.evidence.get((s, o, k))) for s, o, k in network.links)
    links: list[list] = []
    degree: defaultdict[str, int] = defaultdict(int)
    for s, o, k, d in heapq.merge(sorted(between_documents, key=lambda e: e[:3]), others, key=lambda e: e[:3]):
        if k in AREA_LINKS or s not in index or o not in index:
            continue
        link = [index[s], index[o], k]
        if d and (d.get("basis") or d.get("rule") or d.get("sentences")):
            link += [d.get("basis"), d.get("rule"), list(d.get("sentences") or [])]
        links.append(link)
        degree[o] += 1
        degree[s] += 1
    return links, degree


def _document_importance(documents: nx.DiGraph, places: dict) -> dict[str, int]:
    """How often other documents carry a document out (3) or cite it (1),
    its level (national first) and whether the corpus holds it — not its
    number of measures."""
    importance = {}
    for n in places:
        data = documents.nodes[n]
        carried = sum(3 if documents.edges[s, n]["relation"] in of_kind("carrying-out") else 1
                      for s in documents.predecessors(n))
        importance[n] = carried + (UNKNOWN_RANK - _rank(data)) // 2 + (0 if data.get("stub") else 2)
    return importance


def _node_row(n: str, data: dict, place: tuple, importance: int) -> list:
    """[id, kind, name, label or None, rank, area, x, y, importance, extra]."""
    x, y = place
    name = (data.get("name") or data["label"])[:NAME_LIMIT]
    # the page makes a label from the name (its first characters) unless it differs
    label = None if short_label(name) == data["label"] else data["label"]
    extra = {k: data[k] for k in ("number", "date", "file", "type") if data.get(k)}
    if data.get("stub"):
        extra["stub"] = True
    if data.get("short_names"):
        extra["short"] = data["short_names"]
    return [_relative(n), KINDS.index(data["kind"]), name, label, data.get("rank"), data.get("area"),
            None if x is None else round(x), None if y is None else round(y), importance, extra or None]


def _relations_in_order(used: set[str]) -> list[str]:
    """The links between documents first in the page's toggles, then the others."""
    return sorted(used, key=lambda r: (r not in DOCUMENT_RELATIONS, DOCUMENT_RELATIONS.index(r)
                                       if r in DOCUMENT_RELATIONS else 0, r))


def styles() -> dict[str, dict]:
    """Colour and shape of each kind, and of documents by level rank
    (kg/data/view_kinds.tsv, as the other views draw them)."""
    from kg.datafiles import read_tsv
    ranks = {en: rank for rank, (_, en) in level_labels().items()}
    out = {}
    for row in read_tsv("view_kinds.tsv"):
        key = row["kind"] if row["kind"] != "document" else f"document:{ranks.get(row['level'], UNKNOWN_RANK)}"
        out[key] = {"color": row["color"], "shape": row["shape"], "font": row["font"]}
    return out


def render(network: OverviewNetwork, documents: nx.DiGraph, title: Optional[str] = None) -> str:
    """The overview page: one offline HTML file (vis-network inlined)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from kg.datafiles import read_tsv
    from kg.lexicon.search import folding_spec
    from kg.views.viz import TEMPLATES, script_json, vis_library

    strings = {lang: {row["key"]: row[lang] for row in read_tsv("ui_strings.tsv")} for lang in ("zh", "en")}
    vis_js, vis_css = vis_library()
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    return env.get_template("overview.html").render(
        title=title or strings["zh"]["overview"], vis_js=vis_js, vis_css=vis_css,
        data_json=script_json(overview_data(network, documents)), strings_json=script_json(strings),
        relations_json=script_json(relation_names()), styles_json=script_json(styles()),
        link_styles_json=script_json(link_styles()),
        folding_json=script_json(folding_spec()))


def overview_network(facts: NetworkFacts, documents: nx.DiGraph, kinds: Optional[Iterable[str]] = None,
                     evidence_store: Optional[Callable[[], "GraphStore"]] = None,
                     resources: bool = True) -> OverviewNetwork:
    """The resources the overview holds (``facts``: the network's triples),
    with the sentences behind agency, measure and theme links where they are
    few enough to carry (those between documents always come), from the
    store ``evidence_store`` gives. ``resources`` False: the build gathered
    none (a corpus too large for one page to carry them), the page says so."""
    from kg.network.resources import link_evidence, resource_links, resource_nodes
    from kg.views.viz import EVIDENCE_EDGE_LIMIT

    net = resource_nodes(facts, documents, kinds or KINDS)
    links, count = [], net.number_of_edges()
    for link in resource_links(facts, net):         # in the page's order: by ends, then relation
        count += 1
        if link[2] not in AREA_LINKS:               # areas are the boxes: their links are not drawn
            links.append(link)
    evidence = {}
    if count <= EVIDENCE_EDGE_LIMIT and evidence_store is not None:
        evidence = link_evidence(evidence_store(), links)
    return OverviewNetwork(net, links, evidence, resources=resources)


def store_overview_network(store, documents: nx.DiGraph, kinds: Optional[Iterable[str]] = None) -> OverviewNetwork:
    """``overview_network`` of a built graph's store."""
    return overview_network(NetworkFacts.from_store(store), documents, kinds, evidence_store=lambda: store)


def page_version() -> str:
    """A digest of what draws the page besides its data and the code (the
    templates and the inlined vis-network): part of the key under which a
    build keeps the page it drew."""
    import hashlib
    from kg.views.viz import TEMPLATES, vis_library
    digest = hashlib.sha256("".join(vis_library()).encode("utf-8"))
    for path in sorted(TEMPLATES.iterdir()):
        digest.update(path.name.encode("utf-8") + path.read_bytes())
    return digest.hexdigest()


def write_overview(store, out: Path, documents: Optional[nx.DiGraph] = None,
                   kinds: Optional[Iterable[str]] = None) -> str:
    """Write the overview of the graph in ``store`` to ``out`` (atomically);
    ``kinds`` limits what can be expanded (documents always). Returns a
    one-line summary."""
    from kg.network.documents import to_networkx
    from kg.rdf.trig import atomic_write

    documents = documents if documents is not None else to_networkx(store)
    network = store_overview_network(store, documents, kinds)
    atomic_write(Path(out), render(network, documents).encode("utf-8"))
    placed = sum(1 for _, d in documents.nodes(data=True) if d.get("type") != "proposal")
    return f"{placed} documents by level and area; {network.net.number_of_nodes() - placed} resources one click away"
