"""``kg export``: the graph for other tools.

- ``graphml`` / ``gexf``: the resource network for Gephi, yEd, Cytoscape
  (nodes with kind, label, name, level, area; edges with relation, basis,
  rule and evidence count), drawn: positions, colours and sizes as the HTML
  views draw them (GEXF's ``viz:``; GraphML's x, y, size, r, g, b);
- ``csv``: the same network as ``nodes.csv`` and ``edges.csv`` in a folder;
- ``jsonld``: the whole graph as compacted JSON-LD with the project's
  context (``ontology/context.jsonld``), for web developers;
- ``nquads`` and ``trig``: every named graph, for bulk loaders (N-Quads is
  what every store's loader reads the same way); ``turtle``, ``ntriples``
  and ``rdfxml``: the union of the named graphs, for tools that read none.
  The terms are those of ``graph.trig``, converted by Oxigraph.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.datafiles import ONTOLOGY_DIR
from kg.rdf.vocab import PREFIXES
from kg.rdf.trig import atomic_output, atomic_write
from kg.store.query import spreadsheet_safe
from kg.views.viz import drawing

# RDF formats: Oxigraph's serialiser and whether it holds named graphs
RDF_FORMATS = {"nquads": (ox.RdfFormat.N_QUADS, True), "trig": (ox.RdfFormat.TRIG, True),
               "turtle": (ox.RdfFormat.TURTLE, False), "ntriples": (ox.RdfFormat.N_TRIPLES, False),
               "rdfxml": (ox.RdfFormat.RDF_XML, False)}
FORMATS = ("graphml", "gexf", "csv", "jsonld", *RDF_FORMATS)
NODE_FIELDS = ("id", "kind", "label", "name", "level", "area", "number", "date", "stub", "file")
EDGE_FIELDS = ("source", "target", "relation", "basis", "rule", "evidence", "sentence")
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"


def flat_network(net: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar, non-empty attributes (GraphML and GEXF hold
    no lists or nulls): the first sentence stands for the evidence."""
    flat = nx.MultiDiGraph()
    for n, data in sorted(net.nodes(data=True)):
        flat.add_node(n, **{k: data[k] for k in NODE_FIELDS[1:] if data.get(k) not in (None, "")})
    for s, o, k, data in sorted(net.edges(keys=True, data=True), key=lambda e: e[:3]):
        attrs = {"relation": k, "evidence": int(data.get("evidence") or 0)}
        attrs.update({f: data[f] for f in ("basis", "rule") if data.get(f)})
        if data.get("sentences"):
            attrs["sentence"] = " ".join(data["sentences"][0].split())
        flat.add_edge(s, o, key=k, **attrs)
    return flat


def network_bytes(net: nx.MultiDiGraph, fmt: str) -> dict[str, bytes]:
    """File name -> content for a network export."""
    flat = flat_network(net)
    if fmt == "graphml":
        # Gephi and yEd read a drawing from node attributes x, y, size, r, g, b
        for n, d in drawing(net).items():
            flat.nodes[n].update(x=d["x"], y=d["y"], size=d["size"], r=d["rgb"][0], g=d["rgb"][1], b=d["rgb"][2])
        return {"": "\n".join(nx.generate_graphml(flat, named_key_ids=True)).encode("utf-8")}
    if fmt == "gexf":
        # GEXF's viz: namespace: position, colour and size, as the HTML views draw them
        for n, d in drawing(net).items():
            r, g, b = d["rgb"]
            flat.nodes[n]["viz"] = {"position": {"x": d["x"], "y": d["y"], "z": 0.0}, "size": d["size"],
                                    "color": {"r": r, "g": g, "b": b, "a": 1.0}}
        return {"": "\n".join(nx.generate_gexf(flat)).encode("utf-8")}
    if fmt == "csv":
        nodes, edges = io.StringIO(), io.StringIO()
        writer = csv.writer(nodes, lineterminator="\n")
        writer.writerow(NODE_FIELDS)
        for n, data in flat.nodes(data=True):
            writer.writerow([spreadsheet_safe(v) for v in [n] + [data.get(f, "") for f in NODE_FIELDS[1:]]])
        writer = csv.writer(edges, lineterminator="\n")
        writer.writerow(EDGE_FIELDS)
        for s, o, data in flat.edges(data=True):
            writer.writerow([spreadsheet_safe(v) for v in [s, o] + [data.get(f, "") for f in EDGE_FIELDS[2:]]])
        return {"nodes.csv": nodes.getvalue().encode("utf-8"), "edges.csv": edges.getvalue().encode("utf-8")}
    raise ValueError(f"unknown network format {fmt!r}")


def jsonld_bytes(graph_path: Path) -> bytes:
    from kg.store.database import load_dataset

    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    return load_dataset(graph_path).serialize(format="json-ld", context=context, auto_compact=True,
                                              encoding="utf-8")


def rdf_bytes(graph_path: Path, fmt: str) -> bytes:
    """The graph file in an RDF syntax without named graphs: the union of
    the graphs (each triple once)."""
    from kg.store.database import FORMATS as READABLE, graph_path as find_graph

    source = find_graph(graph_path)
    form = RDF_FORMATS[fmt][0]
    parsed = ox.parse(path=str(source), format=READABLE[source.suffix])
    # the union of the graphs, each triple once, in one order: held in memory
    # (the formats with named graphs stream: write_quads)
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in parsed}
    prefixes = None if form == ox.RdfFormat.N_TRIPLES else PREFIXES
    return ox.serialize(sorted(triples, key=str), format=form, prefixes=prefixes) or b""


def write_quads(graph_path: Path, fmt: str, target: Path) -> Path:
    """A format with named graphs (N-Quads, TriG), written as the graph file
    is parsed, quad by quad: memory stays flat however large the graph (a
    national corpus's is gigabytes). The file replaces ``target`` whole."""
    from kg.store.database import FORMATS as READABLE, graph_path as find_graph

    source = find_graph(graph_path)
    form = RDF_FORMATS[fmt][0]
    with atomic_output(target) as fh:
        ox.serialize(ox.parse(path=str(source), format=READABLE[source.suffix]), fh, form)
    return target


def export(graph_path: Path, fmt: str, out: Path) -> list[Path]:
    """Write the export of the graph at ``graph_path``; returns the files
    written. ``out`` is a file, or for csv a folder (or a ``….csv`` name whose
    stem the two files take)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt in RDF_FORMATS and RDF_FORMATS[fmt][1]:
        return [write_quads(graph_path, fmt, _target(Path(out), ""))]
    if fmt == "jsonld":
        files = {"": jsonld_bytes(graph_path)}
    elif fmt in RDF_FORMATS:
        files = {"": rdf_bytes(graph_path, fmt)}
    else:
        from kg.network.resources import to_resource_network
        from kg.store.database import load_graph
        files = network_bytes(to_resource_network(load_graph(graph_path)), fmt)
    written = []
    for name, data in files.items():
        path = _target(Path(out), name)
        atomic_write(path, data)
        written.append(path)
    return written


def _target(out: Path, name: str) -> Path:
    """Where one file of an export goes: ``out`` itself, a file in the folder
    ``out``, or beside ``out`` when it names a CSV file (``g.csv`` ->
    ``g.nodes.csv``, ``g.edges.csv``), never a folder called ``g.csv``."""
    if not name:
        return out
    if out.suffix.lower() == ".csv":
        return out.with_name(f"{out.stem}.{name}")
    return out / name
