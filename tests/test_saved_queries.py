"""The saved queries of queries/ on the seed graph: a table of query, bindings
and rows that must be in the answer (or the whole answer where it is short)."""
from __future__ import annotations

import re

import pytest

from conftest import select

NATIONAL = "国办发〔2019〕5号"
WEIHAI_OPINION = "威海市人民政府办公室关于进一步推进养老服务高质量发展的实施意见"

CASES = [
    # tracing: the chain national → Shandong → Weihai → Huancui, in level order
    ("downstream", {"target": NATIONAL, "provinceCode": "370000"},
     lambda rows: [(r[3], r[5], r[6]) for r in rows] == [
         ("鲁政办发〔2019〕31号", "provincial", "山东省"), (None, "city", "威海市"),
         ("威环政办发〔2022〕2号", "county / district", "环翠区")]),
    ("downstream", {"target": NATIONAL, "provinceCode": "500000"}, lambda rows: rows == []),
    ("chains", {}, lambda rows: ("威环政办发〔2022〕2号", "鲁政办发〔2019〕31号", NATIONAL)
     in {(r[0], r[2], r[4]) for r in rows}),
    # aggregation: Huancui's civil-affairs bureau carries all 17 measures of its plan
    ("agencies-by-measures", {}, lambda rows: rows[0][1:] == ("威海市环翠区民政局", "371002", "17", "1")),
    ("agencies-by-measures", {"code": "500000"}, lambda rows: rows == []),
    # its measures, all lead (环翠's lists do not say who leads), each with its list's sentence
    ("measures-by-agency", {"agency": "威海市环翠区民政局"},
     lambda rows: len({r[5] for r in rows}) == 17 and {r[2] for r in rows} == {"lead"}
     and all(r[6] and "民政局" in r[6] for r in rows)),
    ("measures-by-agency", {"agency": "威海市环翠区民政局", "code": "500000"}, lambda rows: rows == []),
    ("documents-by-level", {}, lambda rows: ("371002", "环翠区", "county / district", "1") in rows
     and ("371000", "威海市", "city", "11") in rows and sum(int(r[3]) for r in rows) >= 25),
]


@pytest.mark.parametrize("name,bindings,expected", CASES,
                         ids=[f"{c[0]}-{'-'.join(c[1].values()) or 'all'}" for c in CASES])
def test_saved_query(seed_graph, name, bindings, expected):
    rows = select(seed_graph, name, **bindings)
    assert expected(rows), rows


def _selected(text: str) -> list[str]:
    """The variables of a query's outer SELECT, in order."""
    head = re.search(r"^SELECT\s+(?:DISTINCT\s+)?(.+?)\s+WHERE", text, re.M | re.S).group(1)
    return re.findall(r"\?(\w+)", re.sub(r"\((?:[^()]|\([^()]*\))*\s+AS\s+(\?\w+)\)", r"\1", head))


@pytest.mark.parametrize("name", sorted(__import__("kg.store.query", fromlist=["x"]).saved_queries()))
def test_saved_query_orders_by_every_column(name):
    """A total order: every store (Oxigraph, Virtuoso, Jena) gives the rows in
    the same order, so answers compare row for row."""
    from kg.store.query import saved_query
    text = saved_query(name).text
    order = re.search(r"^ORDER BY (.+)$", text, re.M).group(1)
    ordered = set(re.findall(r"\?(\w+)", order))
    missing = [v for v in _selected(text) if v not in ordered]
    assert not missing, f"{name}: ORDER BY leaves out {missing}"


def test_computed_booleans_are_declared():
    """cited-by computes `implements` with EXISTS; the header declares it, so
    that a store answering 0/1 (Virtuoso) still gives a boolean."""
    from kg.store.query import saved_query
    assert saved_query("cited-by").boolean_columns == ("implements",)
    assert saved_query("documents").boolean_columns == ("stub",)      # a boolean parameter
    assert saved_query("cited-by").summary == "Who cites a document, whether it implements it, and the sentence."


def test_every_saved_query_says_what_it_does_in_chinese():
    """The pages are Chinese first (#33 item 6): each saved query has a # @zh
    summary and a # @param-zh meaning for each parameter."""
    from kg.store.query import saved_queries
    for q in saved_queries().values():
        assert q.summary_zh, q.name
        assert {name for name, _ in q.meanings_zh} == {p.name for p in q.parameters}, q.name
        summary, hints = q.described("zh")
        assert summary == q.summary_zh and all(hint for hint in hints)
        assert q.described("en")[0] == q.summary and "@zh" not in q.summary


def test_the_sparql_page_lists_saved_queries_in_the_page_s_language(seed_build):
    from kg.store.database import load_graph
    from kg.views.site import Site
    site = Site(load_graph(seed_build[1]))
    zh = site.sparql_page("", "zh")[1].decode("utf-8")
    en = site.sparql_page("", "en")[1].decode("utf-8")
    def listed(page):
        # the editor's menu where YASGUI is installed (make), else the plain form's list
        m = (re.search(r'<option value="measures-by-agency">([^<]*)</option>', page)
             or re.search(r'query=measures-by-agency">(measures-by-agency)</a>( — [^<]*)</li>', page))
        return "".join(m.groups())
    assert listed(zh).startswith("measures-by-agency — 某机构的措施")
    assert listed(en).startswith("measures-by-agency — An agency")


# What two saved queries ask, written plainly: the saved forms keep one of each
# fact before their joins (a document several files state has its facts in each
# of their graphs, and the union of the graphs repeats them), and must answer the same.
PLAIN_FORMS = {
    "documents-by-level": """
SELECT ?code ?area ?level (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  ?doc a eli:LegalResource ; pol:isStub ?stub .
  FILTER NOT EXISTS { ?reply cito:repliesTo ?doc }
  OPTIONAL {
    ?doc eli:jurisdiction ?a ; pol:level ?l .
    ?a skos:notation ?code ; skos:prefLabel ?area .
    ?l skos:prefLabel ?level FILTER(lang(?level) = "en")
  }
}
GROUP BY ?code ?area ?level
ORDER BY DESC(?documents) STR(?code) STR(?area) STR(?level)""",
    "documents": """
SELECT ?doc ?number ?title ?type ?issuer ?code ?areaName ?level ?date ?dateKind ?stub ?file WHERE {
  ?doc a eli:LegalResource ; pol:isStub ?stub .
  OPTIONAL { ?doc eli:id_local ?number }
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc eli:type_document/skos:prefLabel ?type FILTER(lang(?type) = "zh") }
  OPTIONAL { ?doc eli:passed_by/skos:prefLabel ?issuer }
  OPTIONAL { ?doc eli:jurisdiction ?area . ?area skos:prefLabel ?areaName ; skos:notation ?code }
  OPTIONAL { ?doc pol:level/skos:prefLabel ?level FILTER(lang(?level) = "en") }
  OPTIONAL { ?doc eli:date_document ?own }
  OPTIONAL { ?doc eli:date_publication ?published }
  BIND(COALESCE(?own, ?published) AS ?date)
  BIND(IF(BOUND(?own), "document", IF(BOUND(?published), "publication", ?none)) AS ?dateKind)
  OPTIONAL { ?doc pol:sourceFile ?file }
}
ORDER BY ?stub STR(?areaName) STR(?number) SUBSTR(STR(?title), 1, 100) STR(?doc) STR(?type) STR(?issuer) STR(?code)
         STR(?level) ?date ?dateKind STR(?file)""",
    "evidence": """
SELECT ?subject ?p ?object ?rule ?exact ?start ?end ?file WHERE {
  ?a rdf:predicate ?p ; a pol:Assertion ; rdf:subject ?subject ; rdf:object ?object ;
     pol:rule ?rule ; prov:wasDerivedFrom ?x .
  ?x oa:hasSource ?doc ; oa:exact ?exact ; oa:start ?start ; oa:end ?end .
  ?doc pol:sourceFile ?file .
}
ORDER BY STR(?file) ?start STR(?p) STR(?subject) isLiteral(?object) SUBSTR(STR(?object), 1, 200) STR(?rule) ?end
         SUBSTR(STR(?exact), 1, 200)""",
    "in-force": """
SELECT ?on ?doc ?number ?title ?entry ?expiry ?validity ?inForce WHERE {
  ?doc pol:sourceFile ?file .
  OPTIONAL { ?doc eli:id_local ?number }
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc eli:first_date_entry_in_force ?entry }
  OPTIONAL { ?doc eli:date_no_longer_in_force ?expiry }
  OPTIONAL { ?doc pol:statedValidity ?validity }
  OPTIONAL { ?doc eli:date_document ?dated }
  BIND(COALESCE(?date, xsd:date(SUBSTR(STR(NOW()), 1, 10))) AS ?on)
  BIND(COALESCE(?entry, ?dated) AS ?from)
  BIND(EXISTS { ?repealer eli:repeals ?doc .
                OPTIONAL { ?repealer eli:first_date_entry_in_force ?repealedFrom }
                OPTIONAL { ?repealer eli:date_document ?repealerDated }
                FILTER(COALESCE(?repealedFrom, ?repealerDated) <= ?on) } AS ?repealed)
  BIND((BOUND(?from) && ?from <= ?on) && (!BOUND(?expiry) || ?expiry >= ?on) && !?repealed
       && !(BOUND(?validity) && (CONTAINS(STR(?validity), "失效") || CONTAINS(STR(?validity), "废止"))) AS ?inForce)
}
ORDER BY STR(?number) SUBSTR(STR(?title), 1, 100) STR(?doc) ?on ?entry ?expiry SUBSTR(STR(?validity), 1, 100) ?inForce""",
    "chains": """
SELECT DISTINCT ?bottomNumber ?bottomTitle ?middleNumber ?middleTitle ?topNumber ?topTitle WHERE {
  ?bottom eli:applies ?middle .
  ?middle eli:applies+ ?top .
  OPTIONAL { ?bottom eli:id_local ?bottomNumber } OPTIONAL { ?bottom dcterms:title ?bottomTitle }
  OPTIONAL { ?middle eli:id_local ?middleNumber } OPTIONAL { ?middle dcterms:title ?middleTitle }
  OPTIONAL { ?top eli:id_local ?topNumber }       OPTIONAL { ?top dcterms:title ?topTitle }
}
ORDER BY STR(?topNumber) STR(?middleNumber) STR(?bottomNumber) SUBSTR(STR(?topTitle), 1, 100)
         SUBSTR(STR(?middleTitle), 1, 100) SUBSTR(STR(?bottomTitle), 1, 100)""",
}


@pytest.fixture(scope="module")
def chain_graph(tmp_path_factory):
    """The chain fixture (national → province → city → district, a direct
    link that skips levels, a reply): more chains than the seeds hold."""
    from pathlib import Path
    from kg.pipeline.build import build
    from kg.store.database import load_graph
    out = tmp_path_factory.mktemp("chain")
    build(Path(__file__).parent / "fixtures" / "chain", out)
    return load_graph(out / "graph.trig")


@pytest.mark.parametrize("name", sorted(PLAIN_FORMS))
@pytest.mark.parametrize("graph", ["seed_graph", "chain_graph"])
def test_a_query_that_keeps_one_of_each_fact_answers_as_its_plain_form(name, graph, request):
    store = request.getfixturevalue(graph)
    saved = select(store, name)
    assert saved == select(store, PLAIN_FORMS[name]) and len(saved) > 2


@pytest.fixture(scope="module")
def twice_stated_graph(tmp_path_factory):
    """A reply read from two files (a page saved twice): one node, its facts in both files' graphs."""
    import shutil
    from pathlib import Path
    from kg.pipeline.build import build
    from kg.store.database import load_graph
    corpus = tmp_path_factory.mktemp("twice")
    reply = Path(__file__).parent.parent / "corpus" / "001_1410279ce797c75e.txt"
    for name in ("reply.txt", "reply-saved-again.txt"):
        shutil.copy(reply, corpus / name)
    out = tmp_path_factory.mktemp("twice-out")
    build(corpus, out)
    return load_graph(out / "graph.trig")


def test_a_document_two_files_state_is_listed_once_for_each(twice_stated_graph):
    plain = select(twice_stated_graph, PLAIN_FORMS["documents"])
    saved = select(twice_stated_graph, "documents")
    number = "温民提〔2017〕77号"        # one row for each file it was read from, no more
    assert sorted(r[-1] for r in saved if r[1] == number) == ["reply-saved-again.txt", "reply.txt"]
    assert len([r for r in plain if r[1] == number]) > 2
    assert sorted(set(plain)) == sorted(saved)
    assert select(twice_stated_graph, "documents-by-level") == select(twice_stated_graph,
                                                                      PLAIN_FORMS["documents-by-level"])
    in_force = select(twice_stated_graph, "in-force")
    assert len([r for r in in_force if r[2] == number]) == 1
    assert sorted(set(select(twice_stated_graph, PLAIN_FORMS["in-force"]))) == sorted(in_force)
    # each piece of evidence once, with the file whose graph holds it
    evidence = select(twice_stated_graph, "evidence")
    assert len(evidence) == len(set(evidence)) < len(select(twice_stated_graph, PLAIN_FORMS["evidence"]))


@pytest.fixture(scope="module")
def repealed_graph(tmp_path_factory):
    """test_trace's corpus: Weihai's 2020 subsidy measures, repealed from 2023-06-01 by the 2023 ones."""
    from conftest import build_texts
    from test_trace import REPEALED_CORPUS
    from kg.store.database import load_graph
    return load_graph(build_texts(tmp_path_factory, "repealed", REPEALED_CORPUS) / "graph.trig")


@pytest.mark.parametrize("day", ["2021-01-01", "2023-04-30", "2023-05-31", "2023-06-01", "2024-01-01"])
def test_in_force_reads_a_repeal_as_its_plain_form_does(repealed_graph, day):
    """The repeal's first day once for all documents, not an EXISTS for each (96 s → 3 s at 10,000 files);
    the same answer on each day around the repeal."""
    saved = select(repealed_graph, "in-force", date=day)
    plain = select(repealed_graph, PLAIN_FORMS["in-force"].replace(
        "WHERE {", f'WHERE {{ VALUES ?date {{ "{day}"^^xsd:date }}', 1))
    assert saved == plain
    repealed = [r[-1] for r in saved if r[2] == "威政发〔2020〕3号"]
    assert repealed == {"2021-01-01": ["true"], "2024-01-01": ["false"]}.get(day, repealed) and len(repealed) == 1
