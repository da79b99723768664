"""What other tools read of the graph: graph.trig with no escaped local
names (Virtuoso's bulk loader keeps the backslashes), the same terms in the
store, in every export and in a push, and the saved query over national
documents answering on the bundled corpus."""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from conftest import select
from kg.store.database import load_graph
from kg.views.export import RDF_FORMATS, export

LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"')
ESCAPED_LOCAL_NAME = re.compile(r"\\[-~.!$&'()*+,;=/?#@%_]")


def quads(path, fmt=ox.RdfFormat.TRIG) -> set:
    return set(ox.parse(path=str(path), format=fmt))


def test_graph_file_has_no_escaped_local_names(seed_build):
    text = (seed_build[1] / "graph.trig").read_text(encoding="utf-8")
    assert ESCAPED_LOCAL_NAME.search(LITERAL.sub('""', text)) is None
    assert text.startswith("@base <https://w3id.org/policy-kg/id/> .\n")


def test_the_store_holds_exactly_the_terms_of_the_file(seed_build):
    """Offsets as xsd:integer and decimals in canonical form: what Oxigraph
    gives back is what the file says, term for term."""
    out = seed_build[1]
    stored = set(load_graph(out).store)
    assert stored == quads(out / "graph.trig")


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_exports_hold_the_graph(seed_build, tmp_path, fmt):
    out = seed_build[1]
    target = tmp_path / f"graph.{fmt}"
    export(out, fmt, target)
    form, named = RDF_FORMATS[fmt]
    expected = quads(out / "graph.trig")
    if named:
        assert quads(target, form) == expected
    else:
        assert {ox.Triple(q.subject, q.predicate, q.object) for q in quads(target, form)} == {
            ox.Triple(q.subject, q.predicate, q.object) for q in expected}


def test_national_stubs_have_their_level(seed_graph):
    level = select(seed_graph, "SELECT ?l WHERE { ?d eli:id_local '国办发〔2019〕5号' ; pol:level ?l }")
    assert level == [("https://w3id.org/policy-kg/ontology/level/national",)]


def test_replies_citing_national_answers_on_the_bundled_corpus(seed_graph):
    """重庆's reply cites 财政部、税务总局等部委印发的《…的公告》（2019年第76号）: a
    national document by its issuers, so the saved query finds it."""
    rows = select(seed_graph, "replies-citing-national")
    assert ("2019年第76号" in {row[4] for row in rows})
