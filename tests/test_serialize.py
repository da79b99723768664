"""The TriG/Turtle writer: whatever the terms, Oxigraph reads back exactly the
triples written, and the bytes do not depend on the order they came in."""
from __future__ import annotations

import random

import pyoxigraph as ox
import pytest
from hypothesis import given, settings, strategies as st
from rdflib import BNode, Literal, URIRef

from kg.rdf.trig import to_turtle, trig_block, trig_header
from kg.rdf.vocab import DCTERMS, ID, OA, POL, RDF, XSD

GRAPH = ID["graph/seeds/001-weihai.txt"]

# Terms from the graph, and the corner cases of prefixed names and literals.
TRICKY = [
    (ID["doc/国办发/2019/5"], DCTERMS.title, Literal("关于推进养老服务发展的意见", lang="zh")),
    (ID["doc/t/9d870231c1"], DCTERMS.title, Literal('引号"与\\反斜杠\n换行\r回车', lang="zh")),
    (ID["text/9d870231c1#char=3504,3513"], OA.start, Literal(3504)),
    (ID["evidence/9d870231c1/3504-3513"], OA.start, Literal(3504, datatype=XSD.nonNegativeInteger)),
    (ID["doc/国办发/2019/5"], RDF.type, POL.Document),
    (ID["-leading-hyphen."], POL.rule, Literal("trailing dot and leading hyphen")),
    (ID["all~.!$&'()*+,;=/?#@%20escapes"], POL.rule, Literal("every PN_LOCAL_ESC character")),
    (ID["colon:inside"], POL.rule, Literal("a colon: written as a full IRI")),
    (ID["①-not-a-name-start"], POL.rule, Literal("①")),
    (URIRef("http://example.org/no-prefix"), POL.rule, Literal("2019-02-02", datatype=XSD.date)),
    (BNode("b1"), POL.isStub, Literal(True)),
    (ID["doc/x"], POL.rule, Literal("")),
]


def parsed(data: bytes, fmt) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(data, format=fmt)}


def oxigraph_term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    if term.language:
        return ox.Literal(term, language=term.language)
    return ox.Literal(term, datatype=ox.NamedNode(term.datatype)) if term.datatype else ox.Literal(term)


def reference(triples) -> set[tuple[str, str, str]]:
    """The triples as Oxigraph terms, built directly (no syntax between)."""
    return {tuple(str(oxigraph_term(t)) for t in triple) for triple in triples}


@pytest.mark.parametrize("triple", TRICKY, ids=[str(t[0])[-24:] for t in TRICKY])
def test_each_tricky_triple_reads_back(triple):
    data = trig_header() + trig_block(GRAPH, [triple])
    assert parsed(data, ox.RdfFormat.TRIG) == reference([triple])


def test_subjects_grouped_and_order_free():
    shuffled = TRICKY[:]
    random.Random(7).shuffle(shuffled)
    block = trig_block(GRAPH, TRICKY + TRICKY[:3])
    assert block == trig_block(GRAPH, shuffled)
    assert block.count("<doc/国".encode()) == 1       # one subject, written once
    assert parsed(trig_header() + block, ox.RdfFormat.TRIG) == reference(TRICKY)
    assert parsed(to_turtle(shuffled), ox.RdfFormat.TURTLE) == reference(TRICKY)


def test_empty_graph():
    assert parsed(trig_header() + trig_block(GRAPH, []), ox.RdfFormat.TRIG) == set()


# Characters a valid IRI path may hold: ASCII letters and digits, the
# unreserved and sub-delimiter marks, ':' '@' '/', and letters of any script.
IRI_PATH_TEXT = st.text(st.sampled_from(list("aZ09-._~!$&'()*+,;=:@/") + list("国办发号养老①éΩ")),
                        min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(IRI_PATH_TEXT, IRI_PATH_TEXT, st.text(max_size=12)), min_size=1, max_size=6))
def test_any_terms_read_back(rows):
    triples = [(ID[s], URIRef(str(POL) + p), Literal(o, lang="zh") if len(o) % 2 else Literal(o)) for s, p, o in rows]
    data = trig_header() + trig_block(GRAPH, triples)
    assert parsed(data, ox.RdfFormat.TRIG) == reference(triples)


def test_an_empty_named_graph_writes_no_block():
    """<graph/inferred> {} is valid TriG, but Virtuoso's bulk loader stops on it."""
    from kg.rdf.iri import INFERRED_GRAPH
    from kg.rdf.trig import trig_block
    assert trig_block(INFERRED_GRAPH, []) == b""
