"""The overview of a build reads a store of the network's triples only
(gathered while the graph is written): it must answer the network queries
exactly as the whole graph does, on the seeds and on corpus-extra."""
from __future__ import annotations

import pytest

from conftest import CORPUS, EXTRA
from kg.network.documents import to_networkx
from kg.network.resources import network_triples, to_resource_network
from kg.pipeline.build import build
from kg.rdf.trig import trig_block, trig_header
from kg.store.database import GraphStore, load_dataset


def network_store(graph_file) -> GraphStore:
    """The graph's network triples, one TriG block per named graph, as the build gathers them."""
    blocks = []
    for graph in load_dataset(graph_file).graphs():
        if len(graph):
            blocks.append(trig_block(graph.identifier, network_triples(graph)))
    return GraphStore.in_memory(trig_header(), blocks, str(graph_file))


def as_table(net):
    return (sorted((n, sorted(d.items(), key=str)) for n, d in net.nodes(data=True)),
            sorted((s, o, k, sorted(d.items(), key=str)) for s, o, k, d in net.edges(keys=True, data=True)))


@pytest.mark.parametrize("corpus", [CORPUS, EXTRA], ids=["seeds", "corpus-extra"])
def test_the_network_triples_answer_the_network_queries_as_the_whole_graph(corpus, tmp_path):
    build(corpus, tmp_path / "out")
    graph_file = tmp_path / "out" / "graph.trig"
    whole = GraphStore.from_file(graph_file)
    documents = to_networkx(whole)
    subset = network_store(graph_file)
    assert len(subset) < len(whole) / 3
    assert as_table(to_resource_network(subset, documents, evidence=False)) == \
        as_table(to_resource_network(whole, documents, evidence=False))


def test_the_network_triples_are_those_of_the_queries():
    """Labels, kinds and links kept; evidence, titles and dates left out."""
    from rdflib import Literal, URIRef
    from kg.rdf.vocab import ID, ORG, POL, PREFIXES, RDF
    agency, measure = ID["agency/x"], ID["measure/y"]
    triples = [(agency, RDF.type, ORG.Organization), (agency, URIRef(PREFIXES["skos"] + "prefLabel"), Literal("民政局")),
               (measure, POL.responsibleAgency, agency), (measure, RDF.type, POL.Measure),
               (ID["a/1"], RDF.type, POL.Assertion), (ID["a/1"], POL.rule, Literal("agency.name"))]
    assert network_triples(triples) == triples[:4]
