"""Agencies in text: lists sharing a level prefix, branches, special forms,
named bodies, roles — and unknown departments reported, not invented."""
import json
from pathlib import Path

import pytest

from kg.extract.agency_mentions import find_agencies, parse_list
from kg.lexicon.areas import gazetteer
from kg.read.cleaning import clean
from kg.models import SourceDocument, Span

gaz = gazetteer()
GOLDEN = Path(__file__).parent / "golden" / "huancui_measures.json"


def names(text: str, area: str, role="responsible", bare_ok=False):
    found, unknown = parse_list(text, Span(0, len(text)), gaz.get(area), role, "test", bare_ok)
    return [m.agency.name for m in found], unknown


@pytest.mark.parametrize("text,area,expected", [
    # a province's 人社厅 under its common short form, without 和 (江苏 人社厅's notices: 省人力资源社会保障厅)
    ("省人力资源社会保障厅、省财政厅", "320000", ["江苏省人力资源和社会保障厅", "江苏省财政厅"]),
    ("区发展和改革局、民政局、财政局，各镇、街道。以下均需各镇、街道负责落实，不再一一列出", "371002",
     ["威海市环翠区发展和改革局", "威海市环翠区民政局", "威海市环翠区财政局"]),
    ("区民政局、住房和城乡建设局、国有资产服务中心、规划环翠分局、里口山管理服务中心", "371002",
     ["威海市环翠区民政局", "威海市环翠区住房和城乡建设局", "威海市环翠区国有资产服务中心",
      "威海市自然资源和规划局环翠分局", "威海市环翠区里口山管理服务中心"]),
    ("区民政局、卫生健康局、大数据中心、公安环翠分局、消防救援大队", "371002",
     ["威海市环翠区民政局", "威海市环翠区卫生健康局", "威海市环翠区大数据中心", "威海市公安局环翠分局",
      "威海市环翠区消防救援大队"]),
    ("区社会信用中心、民政局、人力资源和社会保障局、文明办", "371002",
     ["威海市环翠区社会信用中心", "威海市环翠区民政局", "威海市环翠区人力资源和社会保障局",
      "威海市环翠区精神文明建设委员会办公室"]),
    ("市政府办公室，市政协提案委员会。", "371000",
     ["威海市人民政府办公室", "中国人民政治协商会议威海市委员会提案委员会"]),
    ("市府办，市政协提案委。", "330300", ["温州市人民政府办公室", "中国人民政治协商会议温州市委员会提案委员会"]),
])
def test_lists(text, area, expected):
    assert names(text, area) == (expected, [])


def test_bare_department_list_binds_to_the_document_area():
    found, _ = names("民政、卫健、人社、财政、住建、规划", "371000", "mentions", bare_ok=True)
    assert found == ["威海市民政局", "威海市卫生健康委员会", "威海市人力资源和社会保障局", "威海市财政局",
                     "威海市住房和城乡建设局", "威海市自然资源和规划局"]


def test_unknown_department_is_reported_not_invented():
    found, unknown = names("区民政局、区星际开发署", "371002")
    assert found == ["威海市环翠区民政局"] and unknown == ["区星际开发署"]


def test_branch_belongs_to_the_city_agency():
    found, _ = parse_list("规划环翠分局", Span(0, 6), gaz.get("371002"), "responsible", "t")
    branch = found[0].agency
    assert branch.area.code == "371002" and branch.parent.name == "威海市自然资源和规划局"


def doc(text):
    return clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8"))


def test_running_text_and_special_forms():
    text = ("民建市委会:\n经与市财政局、市人力社保局、团市委、市文化旅游委、市卫生健康委、市医保局和市大数据发展局共同研究办理。"
            "财政部、税务总局等部委印发的文件。")
    found = find_agencies(doc(text), gaz.get("500000"), heading_end=text.index("\n"))
    by_role = {(m.role, m.agency.name) for m in found.mentions}
    assert ("addressee", "中国民主建国会重庆市委员会") in by_role
    for name in ("重庆市财政局", "重庆市人力资源和社会保障局", "中国共产主义青年团重庆市委员会",
                 "重庆市文化和旅游委员会", "重庆市卫生健康委员会", "重庆市医疗保障局",
                 "重庆市大数据应用发展管理局", "财政部", "国家税务总局"):
        assert ("mentions", name) in by_role, name


def test_named_bodies():
    text = "成立了全市医养结合暨养老服务业发展工作领导小组，市政府分管领导任召集人。"
    found = find_agencies(doc(text), gaz.get("371000"), 0)
    assert "威海市医养结合暨养老服务业发展工作领导小组" in {m.agency.name for m in found.mentions}


def test_huancui_measures_and_responsible_units(seed_extractions):
    x = seed_extractions["003_6668840891539c5f.txt"]
    actual = {str(m.position): {"ordinal": m.ordinal, "heading": m.heading,
                                "responsible": [a.agency.name for p, a in x.responsible if p == m.position]}
              for m in x.measures}
    assert actual == json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(actual) == 17 and [m.ordinal for m in x.measures][-2:] == [None, None]


def test_one_node_per_agency(seed_graph):
    from conftest import select
    rows = select(seed_graph, """
      SELECT ?label (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a org:Organization ; skos:prefLabel ?label }
      GROUP BY ?label HAVING (COUNT(DISTINCT ?a) > 1)""")
    assert rows == []


def test_every_agency_has_a_full_name_an_area_and_a_level(seed_graph):
    from conftest import select
    rows = select(seed_graph, """
      SELECT ?a WHERE { ?a a org:Organization .
        FILTER NOT EXISTS { ?a skos:prefLabel ?l ; pol:jurisdiction ?area ; pol:level ?level } }""")
    assert rows == []


def test_responsible_agencies_in_the_graph(seed_graph):
    from conftest import select
    rows = select(seed_graph, """
      SELECT ?pos ?name WHERE { ?d eli:id_local "威环政办发〔2022〕2号" ; pol:hasMeasure ?m .
        ?m pol:position ?pos ; pol:responsibleAgency/skos:prefLabel ?name }""")
    first = sorted(name for pos, name in rows if pos == "1")
    assert first == ["威海市环翠区发展和改革局", "威海市环翠区民政局", "威海市环翠区财政局"]
