"""Evidence version 2 of the graph contract: every asserted fact points with
prov:wasDerivedFrom to a span of its document's text (an IRI ending in
#char=start,end) described once, whose offsets give back its text exactly;
every asserted link has one. On the seeds and on shared/corpus-extra."""
from __future__ import annotations

import re

import pytest

from conftest import CORPUS, EXTRA, select
from kg.pipeline.build import build
from kg.read.loading import load_corpus
from kg.store.database import load_graph

SPANS = """SELECT ?x ?file ?exact ?start ?end WHERE {
  ?x oa:hasSource ?doc ; oa:exact ?exact ; oa:start ?start ; oa:end ?end . ?doc pol:sourceFile ?file }"""
LINKS_WITHOUT_SPAN = """SELECT ?s ?p ?o WHERE {
  GRAPH ?g { ?s ?p ?o } VALUES ?p { eli:cites eli:applies eli:based_on cito:repliesTo pol:promulgates }
  FILTER(?g != <https://w3id.org/policy-kg/id/graph/inferred>)
  FILTER NOT EXISTS { ?a rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?x .
                      ?x oa:hasSource ?d } }"""


@pytest.fixture(scope="module", params=["seeds", "corpus-extra"])
def built(request, seed_build, tmp_path_factory):
    if request.param == "seeds":
        return CORPUS, load_graph(seed_build[1])
    if not EXTRA.is_dir():
        pytest.skip(f"{EXTRA} not present (shared/corpus-extra is optional)")
    out = tmp_path_factory.mktemp("extra-build")
    build(EXTRA, out)
    return EXTRA, load_graph(out)


def test_every_span_gives_back_its_text(built):
    corpus, graph = built
    texts = {s.relative_path: s.text for s in load_corpus(corpus)[0]}
    spans = select(graph, SPANS)
    assert len(spans) > 50
    for iri, file, exact, start, end in spans:
        assert re.search(r"#char=(\d+),(\d+)$", iri).groups() == (start, end), iri
        assert texts[file][int(start):int(end)] == exact, iri


def test_every_asserted_link_has_a_span(built):
    _, graph = built
    assert select(graph, LINKS_WITHOUT_SPAN) == []


def test_one_sentence_one_span_however_many_facts(built):
    _, graph = built
    described = select(graph, "SELECT ?x (COUNT(?e) AS ?n) WHERE { ?x oa:exact ?e } GROUP BY ?x HAVING (COUNT(?e) > 1)")
    assert described == []
    shared = select(graph, """SELECT (COUNT(*) AS ?n) WHERE {
        { SELECT ?x WHERE { ?a prov:wasDerivedFrom ?x } GROUP BY ?x HAVING (COUNT(?a) > 1) } }""")
    assert int(shared[0][0]) > 0


def test_assertions_carry_no_repeated_types(built):
    _, graph = built
    assert select(graph, "SELECT ?a WHERE { ?a a pol:Assertion , rdf:Statement } LIMIT 1") == []
    assert select(graph, "SELECT ?a WHERE { ?a a pol:Assertion , prov:Entity } LIMIT 1") == []
