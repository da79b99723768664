"""Service models, programmes, targets, money, segmentation and `kg terms`."""
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CORPUS, select
from kg.read.cleaning import clean
from kg.models import SourceDocument
from kg.rdf.ontology import ontology_graph
from kg.extract.quantities import find_amounts, find_targets
from kg.terms.segment import segment, user_words
from kg.extract.themes import find_programmes, find_service_models, service_model_labels
from kg.rdf.vocab import POL, SKOS


def doc(text):
    return clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8"))


def test_service_model_scheme_is_rich_and_structured():
    g = ontology_graph()
    concepts = set(g.subjects(SKOS.inScheme, POL.ServiceModelScheme))
    assert len(concepts) >= 40
    for c in concepts:
        assert [l for l in g.objects(c, SKOS.prefLabel) if l.language == "zh"], c
        for broader in g.objects(c, SKOS.broader):
            assert (broader, SKOS.inScheme, POL.ServiceModelScheme) in g
    labels = service_model_labels()
    for label in ("居家养老", "医养结合", "医中设养", "两院一体", "时间银行", "积分养老", "公建民营", "民建公助",
                  "中心带站", "嵌入式养老", "虚拟养老院", "老年助餐", "文养结合", "旅居养老", "智慧养老"):
        assert label in labels, label


@pytest.mark.parametrize("text,expected", [
    ("推进医养结合发展", "医养结合"),
    ("鼓励发展积分养老、养老服务时间银行等", "时间银行"),
    ("探索“文养结合”新模式", "文养结合"),
    ("在城市，实行“中心带站”运营模式", "中心带站"),
])
def test_dictionary_terms_are_found_whatever_the_segmentation(text, expected):
    assert service_model_labels()[expected] in {m.concept for m in find_service_models(doc(text))}


def test_segmentation_masks_titles_and_numbers_and_keeps_offsets():
    d = doc("为贯彻落实《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号）精神，推进医养结合发展。")
    tokens = segment(d)
    kinds = {t.text: t.kind for t in tokens}
    assert kinds["《国务院办公厅关于推进养老服务发展的意见》"] == "title"
    assert kinds["国办发〔2019〕5号"] == "number"
    assert "医养结合" in kinds
    for t in tokens:
        assert d.text[t.span.start:t.span.end] == t.text


def test_user_dictionary_comes_from_the_data():
    words = set(user_words())
    assert {"医养结合", "长期护理保险制度", "民政局"} <= words


@pytest.mark.parametrize("text,name", [
    ("落实职工长期护理保险制度。", "长期护理保险制度"),
    ("落实新建小区配建社区养老服务设施“四同步”机制。", "“四同步”机制"),
    ("（二）实施社区养老服务设施配建工程。", "社区养老服务设施配建工程"),
    ("在“千百工程”的基础上", "千百工程"),
    ("建立养老服务“黑名单”制度", "“黑名单”制度"),
])
def test_programmes(text, name):
    assert name in {p.name for p in find_programmes(doc(text))}


def test_the_six_targets_of_seed_003(seed_extractions):
    x = seed_extractions["003_6668840891539c5f.txt"]
    targets = {(t.indicator, t.value, t.unit, t.deadline) for t in x.targets}
    end = date(2022, 12, 31)
    assert targets == {
        ("有意愿的失能、部分失能特困老年人集中供养率", Decimal(100), "%", end),
        ("社区养老服务设施配建达标率", Decimal(100), "%", end),
        ("街道综合养老服务中心覆盖率", Decimal(100), "%", end),
        ("社区日间照料中心覆盖率", Decimal(90), "%", end),
        ("养老机构护理型床位", Decimal(55), "%", end),
        ("城乡老年助餐服务场所总量", Decimal(75), "处", end),
    }


def test_a_report_of_past_results_sets_no_target():
    d = doc("2019年底，新增街道养老服务中心200个，城市社区设施覆盖率从年初的39%提高到62%。")
    assert find_targets(d, list(d.sentences)) == []


@pytest.mark.parametrize("text,value,low,high,per", [
    ("我市累计争取上级扶持资金3.1亿元", Decimal("310000000"), None, None, None),
    ("投入500万元，在每个区市建立社会组织服务平台", Decimal("5000000"), None, None, None),
    ("分别按每人1500元的标准予以补助", Decimal("1500"), None, None, "人"),
    ("对符合条件的给予每张床位500—4800元/月的运营补贴", None, Decimal(500), Decimal(4800), "张床位/月"),
    ("区县给予5—15万元的运营补助", None, Decimal(50000), Decimal(150000), None),
    ("补贴标准提高至不低于1500元/人/年", Decimal(1500), None, None, "人/年"),
])
def test_amounts_in_yuan(text, value, low, high, per):
    (a,) = find_amounts(doc(text))
    assert (a.value, a.low, a.high, a.per) == (value, low, high, per)
    assert a.raw in text


def test_amount_purpose_is_its_clause():
    (a,) = find_amounts(doc("投入500万元，在每个区市建立平台。"))
    assert a.purpose == "投入"


def test_graph_links_each_seed_to_its_service_models(seed_graph):
    rows = select(seed_graph, """
      SELECT ?file (COUNT(DISTINCT ?c) AS ?n) WHERE { ?d pol:sourceFile ?file ; dcterms:subject ?c .
        ?c skos:inScheme pol:ServiceModelScheme } GROUP BY ?file""")
    assert len(rows) == 5 and all(int(n) >= 10 for _, n in rows)
    rows = select(seed_graph, """
      SELECT ?label WHERE { ?d eli:id_local "渝民函〔2020〕245号" ; pol:mentionsProgramme/skos:prefLabel ?label }""")
    assert ("千百工程",) in rows and ("金民工程",) in rows


def test_amounts_in_every_seed_are_in_yuan_with_raw_text(seed_graph):
    rows = select(seed_graph, """
      SELECT ?file (COUNT(?a) AS ?n) WHERE { ?d pol:sourceFile ?file .
        { ?d pol:mentionsAmount ?a } UNION { ?d pol:hasMeasure/pol:mentionsAmount ?a }
        ?a a schema:MonetaryAmount ; schema:currency "CNY" ; pol:rawText ?raw } GROUP BY ?file""")
    files = {f for f, _ in rows}
    assert {"000_c29c45a3fc6aae4a.txt", "001_1410279ce797c75e.txt", "002_2fea882c3007dd06.txt",
            "004_bf979cae9d091433.txt"} <= files


def test_measure_targets_in_the_graph(seed_graph):
    rows = select(seed_graph, """
      SELECT ?v ?u ?d WHERE { ?doc eli:id_local "威环政办发〔2022〕2号" ; pol:hasMeasure/pol:hasTarget ?t .
        ?t schema:value ?v ; schema:unitText ?u ; pol:deadline ?d }""")
    assert len(rows) == 6 and all(d == "2022-12-31" for _, _, d in rows)


def test_kg_terms_lists_unknown_candidates():
    from kg.cli import main
    result = CliRunner().invoke(main, ["terms", str(CORPUS), "-n", "15"])
    assert result.exit_code == 0, result.output
    # the table is on stdout; stderr may carry what the garbage collector reports of other tests' objects
    lines = result.stdout.splitlines()[1:]
    assert len(lines) == 15
    known = set(user_words())
    assert not any(line.split()[0] in known for line in lines)


def test_kg_terms_scores_every_candidate():
    """Compounds and keywords alike carry a summed TF-IDF (no row at 0.000),
    and the compounds are listed by how many files hold them."""
    from kg.terms.candidates import candidate_terms
    found = candidate_terms(CORPUS, top=30)
    assert found and all(c.score > 0 for c in found)
