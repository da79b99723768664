"""kg serve as SPARQL clients use it: SPARQLWrapper in every result format
and rdflib's SPARQLStore, each saved query giving the rows of the local
store."""
from __future__ import annotations

import csv
import io

import pytest
from rdflib import Graph, Literal, URIRef

from conftest import select, serving
from kg.store.query import prefix_declarations, query_text, saved_queries

pytestmark = pytest.mark.server
SIMPLE = "SELECT ?n WHERE { ?d eli:id_local ?n } ORDER BY ?n LIMIT 3"
PREFIXED = "PREFIX eli: <http://data.europa.eu/eli/ontology#>\n" + SIMPLE
CONSTRUCT = ("PREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
             "CONSTRUCT { ?d eli:id_local ?n } WHERE { ?d eli:id_local ?n }")


@pytest.fixture(scope="module")
def endpoint(seed_build):
    with serving(seed_build[1], timeout=30) as url:
        yield url + "/sparql"


def _wrapper(endpoint, query, fmt, method="GET"):
    from SPARQLWrapper import SPARQLWrapper
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client.query()


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_sparqlwrapper_in_every_result_format(endpoint, seed_graph, fmt, method):
    expected = [row[0] for row in select(seed_graph, SIMPLE)]
    result = _wrapper(endpoint, PREFIXED, fmt, method)
    media = result.info()["content-type"]
    converted = result.convert()
    if fmt == "json":
        assert media == "application/sparql-results+json"
        got = [b["n"]["value"] for b in converted["results"]["bindings"]]
    elif fmt == "xml":
        assert media == "application/sparql-results+xml"
        got = [node.firstChild.data for node in converted.getElementsByTagName("literal")]
    elif fmt == "csv":
        assert media == "text/csv; charset=utf-8"
        got = [row[0] for row in list(csv.reader(io.StringIO(converted.decode("utf-8"))))[1:]]
    else:
        assert media == "text/tab-separated-values; charset=utf-8"
        got = [line.strip('"') for line in converted.decode("utf-8").splitlines()[1:]]
    assert got == expected


@pytest.mark.parametrize("fmt, media", [("turtle", "text/turtle"), ("n3", "text/turtle"),
                                        ("xml", "application/rdf+xml"), ("json-ld", "application/ld+json")])
def test_sparqlwrapper_construct_in_every_graph_format(endpoint, seed_graph, fmt, media):
    result = _wrapper(endpoint, CONSTRUCT, fmt)
    assert result.info()["content-type"] == media
    graph = result.convert()
    if not isinstance(graph, Graph):
        graph = Graph().parse(data=graph, format={"turtle": "turtle", "n3": "turtle"}[fmt])
    numbers = {str(o) for o in graph.objects(None, URIRef("http://data.europa.eu/eli/ontology#id_local"))}
    assert numbers == {row[0] for row in select(seed_graph, "SELECT ?n WHERE { ?d eli:id_local ?n }")}


def test_sparqlstore_answers_every_saved_query_as_the_local_store(endpoint, seed_graph):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    store = SPARQLStore(endpoint, returnFormat="json")
    remote = Graph(store=store)
    declared = prefix_declarations()
    def ordered(rows):
        return sorted(rows, key=lambda row: tuple("" if v is None else v for v in row))
    for name in saved_queries():
        local = ordered(select(seed_graph, name))
        rows = remote.query(declared + query_text(name))
        got = ordered(tuple(None if v is None else str(v) for v in row) for row in rows)
        assert got == local, name


def test_sparqlstore_ask_and_literals(endpoint):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    graph = Graph(store=SPARQLStore(endpoint))
    assert graph.query("ASK { ?d <http://data.europa.eu/eli/ontology#id_local> '国办发〔2019〕5号' }").askAnswer
    assert (None, None, Literal("国办发〔2019〕5号")) in graph
