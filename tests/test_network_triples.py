"""The overview of a build is drawn from the network's triples gathered
graph by graph while the graph is written: they must be those a store of
the whole graph gives, and make the same network, on the seeds and on
corpus-extra."""
from __future__ import annotations

import pytest

from conftest import CORPUS, EXTRA, present
from kg.network.documents import to_networkx
from kg.network.resources import NetworkFacts, network_rows, resource_links, resource_nodes, to_resource_network
from kg.pipeline.build import build, network_part
from kg.store.database import GraphStore, load_dataset


def gathered(graph_file) -> NetworkFacts:
    """The network's triples as the build gathers them: one named graph at a time."""
    facts = NetworkFacts()
    for graph in load_dataset(graph_file).graphs():
        facts.add(network_part(graph))
    return facts.finish()


def as_table(net):
    return (sorted((n, sorted(d.items(), key=str)) for n, d in net.nodes(data=True)),
            sorted((s, o, k, sorted(d.items(), key=str)) for s, o, k, d in net.edges(keys=True, data=True)))


@pytest.mark.parametrize("corpus", [CORPUS, EXTRA], ids=["seeds", "corpus-extra"])
def test_the_gathered_triples_are_those_of_the_whole_graph(corpus, tmp_path):
    build(present(corpus), tmp_path / "out")
    graph_file = tmp_path / "out" / "graph.trig"
    whole = GraphStore.from_file(graph_file)
    facts, from_store = gathered(graph_file), NetworkFacts.from_store(whole)
    assert (facts.rows, facts.links) == (from_store.rows, from_store.links)
    assert len(facts.rows) + len(facts.links) < len(whole) / 3
    documents = to_networkx(whole)
    net = resource_nodes(facts, documents)
    for s, o, relation in resource_links(facts, net):
        net.add_edge(s, o, key=relation, relation=relation, basis=None, rule=None, sentences=[], evidence=0)
    assert as_table(net) == as_table(to_resource_network(whole, documents, evidence=False))


def test_the_network_rows_are_labels_kinds_and_links():
    """Labels (with their language), kinds and links kept; evidence, titles and dates left out."""
    from rdflib import Literal, URIRef
    from kg.rdf.vocab import ID, ORG, POL, PREFIXES, RDF
    agency, measure = ID["agency/x"], ID["measure/y"]
    pref = URIRef(PREFIXES["skos"] + "prefLabel")
    triples = [(agency, RDF.type, ORG.Organization), (agency, pref, Literal("民政局")),
               (ID["level/city"], pref, Literal("city", lang="en")),
               (measure, POL.responsibleAgency, agency), (measure, RDF.type, POL.Measure),
               (ID["a/1"], RDF.type, POL.Assertion), (ID["a/1"], POL.rule, Literal("agency.name"))]
    assert network_rows(triples) == [(str(s), str(p), str(o), lang) for (s, p, o), lang
                                     in zip(triples[:5], (None, None, "en", None, None))]
    facts = NetworkFacts()
    facts.add(network_rows(triples + triples))       # a triple stated in two graphs counts once
    facts.finish()
    assert facts.links == [(str(measure), str(agency), "responsibleAgency")] and len(facts.rows) == 4
