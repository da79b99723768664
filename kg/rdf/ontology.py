"""The project's ontology files, and the super-terms the build materialises.

rdflib does no inference, so for every pol: term declared a sub-class or
sub-property of another, the build writes the super-term's triple as well
(graph contract, rule of alignment).
"""
from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, URIRef

from kg.datafiles import ONTOLOGY_DIR
from kg.rdf.vocab import POL, RDF, RDFS

SHAPES_FILE = "shapes.ttl"


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """Every Turtle file of ontology/ except the SHACL shapes."""
    graph = Graph()
    for path in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        if path.name != SHAPES_FILE:
            graph.parse(path, format="turtle")
    return graph


def shapes_graph() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / SHAPES_FILE, format="turtle")


def _closure(graph: Graph, predicate: URIRef) -> dict[URIRef, frozenset[URIRef]]:
    direct: dict = {}       # rdflib gives its terms as plain Nodes
    for sub, sup in graph.subject_objects(predicate):
        direct.setdefault(sub, set()).add(sup)
    out = {}
    for term in direct:
        seen, todo = set(), list(direct[term])
        while todo:
            nxt = todo.pop()
            if nxt not in seen:
                seen.add(nxt)
                todo.extend(direct.get(nxt, ()))
        out[term] = frozenset(seen)
    return out


@lru_cache(maxsize=1)
def super_properties() -> dict[URIRef, frozenset[URIRef]]:
    return _closure(ontology_graph(), RDFS.subPropertyOf)


@lru_cache(maxsize=1)
def super_classes() -> dict[URIRef, frozenset[URIRef]]:
    return _closure(ontology_graph(), RDFS.subClassOf)


# The contract's one exception to the rule of alignment: pol:Assertion is
# declared under rdf:Statement and prov:Entity, but those types are not
# written on each of the graph's many assertions (evidence version 2).
NOT_MATERIALISED = frozenset({POL.Assertion})


def materialise(graph: set) -> None:
    """Add the super-class and super-property triples of every triple of a
    graph being written (a set of triples)."""
    props, classes, rdf_type = super_properties(), super_classes(), RDF.type
    additions: list[tuple] = []
    for s, p, o in graph:
        sups = props.get(p)
        if sups:
            additions.extend((s, sup, o) for sup in sups)
        elif o in classes and o not in NOT_MATERIALISED and str.__eq__(p, rdf_type):
            additions.extend((s, rdf_type, c) for c in classes[o])
    graph.update(additions)
