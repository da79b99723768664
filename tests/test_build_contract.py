"""The built seed graph answers the graph contract's questions."""
import os
import subprocess
import sys


from conftest import CORPUS, ROOT, select

SEEDS = {
    # file: (own number, issuer, date, area code)
    "000_c29c45a3fc6aae4a.txt": (None, "威海市民政局", "2019-07-11", "371000"),
    "001_1410279ce797c75e.txt": ("温民提〔2017〕77号", "温州市民政局", "2017-08-18", "330300"),
    "002_2fea882c3007dd06.txt": ("吉民议字〔2019〕7号", "吉林省民政厅", "2019-07-28", "220000"),
    "003_6668840891539c5f.txt": ("威环政办发〔2022〕2号", "威海市环翠区人民政府办公室", None, "371002"),
    "004_bf979cae9d091433.txt": ("渝民函〔2020〕245号", "重庆市民政局", "2020-04-25", "500000"),
}

DOC_FACTS = """
SELECT ?file ?number ?issuer ?date ?code WHERE {
  ?doc pol:sourceFile ?file ; a eli:LegalResource ; pol:isStub false ;
       eli:passed_by/skos:prefLabel ?issuer ; eli:jurisdiction/skos:notation ?code .
  OPTIONAL { ?doc eli:id_local ?number }
  OPTIONAL { ?doc eli:date_document ?date }
}"""


def test_each_seed_has_number_issuer_date_area(seed_graph):
    rows = {r[0]: r[1:] for r in select(seed_graph, DOC_FACTS)}
    assert rows == SEEDS


def test_document_numbers_through_eli_id_local(seed_graph):
    numbers = {r[0] for r in select(seed_graph, "SELECT DISTINCT ?n WHERE { ?d a eli:LegalResource ; eli:id_local ?n }")}
    assert len(numbers) == 16 and "国办发〔2019〕5号" in numbers and "2019年第76号" in numbers


def test_huancui_cites_national_and_provincial_opinions_with_titles(seed_graph):
    rows = select(seed_graph, """
      SELECT ?n ?t WHERE { ?d eli:id_local "威环政办发〔2022〕2号" ; eli:cites ?c .
                           ?c eli:id_local ?n ; dcterms:title ?t ; pol:isStub true }""")
    assert ("国办发〔2019〕5号", "国务院办公厅关于推进养老服务发展的意见") in rows
    assert ("鲁政办发〔2019〕31号", "山东省人民政府办公厅关于推进养老服务发展的实施意见") in rows


def test_four_proposals_answered(seed_graph):
    rows = select(seed_graph, """
      SELECT ?file ?n WHERE { ?d pol:sourceFile ?file ; cito:repliesTo ?p . ?p a pol:Proposal ;
                              a eli:LegalResource ; pol:proposalNumber ?n }""")
    assert sorted(rows) == [("000_c29c45a3fc6aae4a.txt", "245"), ("001_1410279ce797c75e.txt", "589"),
                            ("002_2fea882c3007dd06.txt", "3"), ("004_bf979cae9d091433.txt", "607")]


def test_one_node_per_document(seed_graph):
    rows = select(seed_graph, """
      SELECT ?n (COUNT(DISTINCT ?d) AS ?c) WHERE { ?d eli:id_local ?n } GROUP BY ?n HAVING (COUNT(DISTINCT ?d) > 1)""")
    assert rows == []
    # cited by title alone and by title and number in 004: one node for the plan, issued
    # by the notice the number names (#31: 《X》（N） is the act X of notice N)
    rows = select(seed_graph, """
      SELECT DISTINCT ?d ?notice WHERE { ?d dcterms:title "重庆市社区居家养老服务全覆盖实施方案"@zh .
                                         ?notice pol:promulgates ?d }""")
    assert len(rows) == 1
    assert str(rows[0][1]).endswith("doc/渝府办发/2019/110")


def test_every_link_has_evidence_whose_offsets_verify(seed_graph):
    texts = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    links = select(seed_graph, """
      SELECT ?s ?p ?o WHERE { ?s ?p ?o . VALUES ?p { eli:cites eli:applies eli:based_on cito:repliesTo } }""")
    assert links
    for s, p, o in links:
        rows = select(seed_graph, """
          SELECT ?s ?p ?o ?rule ?exact ?start ?end ?file WHERE {
            ?a a pol:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
               pol:rule ?rule ; prov:wasDerivedFrom ?x .
            ?x oa:hasSource ?doc ; oa:exact ?exact ; oa:start ?start ; oa:end ?end .
            ?doc pol:sourceFile ?file }""", s=f"<{s}>", p=f"<{p}>", o=f"<{o}>")
        assert rows, (s, p, o)
        for *_, rule, exact, start, end, file in rows:
            assert rule
            assert texts[file][int(start):int(end)] == exact


def test_super_terms_are_materialised(seed_graph):
    typed = select(seed_graph, """
      SELECT ?d WHERE { ?d a ?c . ?c rdfs:subClassOf+ eli:LegalResource . FILTER NOT EXISTS { ?d a eli:LegalResource } }""")
    assert typed == []
    promulgated = select(seed_graph, """
      SELECT ?s WHERE { ?s pol:promulgates ?o FILTER NOT EXISTS { ?s eli:cites ?o } }""")
    assert promulgated == []


def test_areas_are_coded_and_placed(seed_graph):
    rows = select(seed_graph, """
      SELECT ?name ?code ?parent WHERE { ?a skos:inScheme pol:AdminDivisionScheme ; skos:prefLabel ?name ;
                                         skos:notation ?code . OPTIONAL { ?a skos:broader/skos:notation ?parent } }""")
    by_name = {r[0]: (r[1], r[2]) for r in rows}
    assert by_name["环翠区"] == ("371002", "371000")
    assert by_name["威海市"] == ("371000", "370000")
    assert by_name["山东省"] == ("370000", "CN")
    assert by_name["中华人民共和国"] == ("CN", None)


def test_output_is_deterministic(tmp_path):
    """Two builds in fresh processes, with different hash seeds, give the same bytes."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(CORPUS), "-o", str(out)],
                       check=True, env=env, cwd=ROOT, capture_output=True)
        outputs.append((out / "graph.trig").read_bytes())
    assert outputs[0] == outputs[1]


def test_stub_facts_come_with_evidence(seed_graph):
    rows = select(seed_graph, """
      SELECT ?rule WHERE { ?a rdf:subject ?d ; rdf:predicate dcterms:title ; pol:rule ?rule .
                           ?d eli:id_local "国办发〔2019〕5号" }""")
    assert rows == [("citation.title-number",)]
