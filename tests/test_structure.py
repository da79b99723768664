"""Numbered structure and measures."""
def test_reply_measures_stop_before_the_closing(seed_extractions):
    x = seed_extractions["001_1410279ce797c75e.txt"]
    assert [m.ordinal for m in x.measures] == ["一是", "二是", "三是", "四是", "五是"]
    last = x.measures[-1].span.slice(x.document.text)
    assert "联系人" not in last and "感谢" not in last


def test_sections_are_the_enclosing_heading(seed_extractions):
    x = seed_extractions["003_6668840891539c5f.txt"]
    assert x.measures[0].section == "加快养老服务设施建设"
    assert x.measures[-1].section == "健全养老服务制度机制"
    assert x.measures[0].heading == "实施特困人员供养服务设施（敬老院）提升改造工程"


def test_measure_spans_verify(seed_extractions):
    for x in seed_extractions.values():
        for m in x.measures:
            assert m.heading in m.span.slice(x.document.text)


# --- pages that lost their line breaks: the heading ends with the title's zones, headings run on after a sentence

import pytest  # noqa: E402
from pathlib import Path  # noqa: E402

from kg.extract.document import extract_mentions  # noqa: E402
from kg.models import SourceDocument  # noqa: E402
from kg.read.cleaning import clean  # noqa: E402


def _extract(text: str):
    return extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8")))


# the wild set's HF001 (湖南, a repost on one line) and HE004 (中山, a reply in an aggregator's record), cut
ONE_LINE_PAGES = [
    ("湖南省人民政府关于深化养老服务改革发展的实施意见 湘政发〔2025〕8号 各市州、县市区人民政府,省政府各厅委、各直属机构: "
     "为实施积极应对人口老龄化国家战略,结合我省实际,提出如下意见。 一、总体要求 坚持以人民为中心,全体老年人享有基本养老服务。 "
     "二、构建养老服务发展协同机制 坚持尽力而为、量力而行,扩大普惠性养老服务供给。发挥社会参与作用,引导社会组织参与养老服务。"
     "(各市州人民政府均为责任单位,以下不再列出)",
     ["一、", "二、"], {"二、": ["各市州人民政府"]}),
    ("中山市人民政府关于中山市养老服务设施空间布局规划(2020-2035年)成果的批复\n"
     "市民政局: 你局《关于报请审批〈中山市养老服务设施空间布局规划(2020-2035)〉的请示》(中民福字〔2022〕3号)收悉。经研究,批复如下: "
     "一、原则同意《中山市养老服务设施空间布局规划(2020-2035年)》(以下简称《规划》)。 二、《规划》成果为我市养老服务设施建设的指导性文件。"
     "在实施过程中应按《规划》推进。 三、你局要会同有关部门、各镇街切实做好《规划》的实施工作。 中山市人民政府 2022年2月9日",
     ["一、", "二、", "三、"], {}),
]


@pytest.mark.parametrize("text,ordinals,collectives", ONE_LINE_PAGES, ids=["HF001", "HE004"])
def test_a_page_on_one_line_keeps_its_numbered_structure_and_lists(text, ordinals, collectives):
    x = _extract(text)
    assert [m.ordinal for m in x.measures] == ordinals
    by_ordinal = {m.position: m.ordinal for m in x.measures}
    assert {by_ordinal[p]: [c.text] for p, c in x.collective} == collectives


def test_first_and_second_grade_is_no_heading():
    x = _extract("关于加强医养结合的通知\n各区卫生健康局：\n全市共有养老机构20家。一、二级医院均设老年医学科。")
    assert x.measures == ()


def test_an_organ_stated_responsible_for_every_later_measure_joins_each():
    """RA002 (湘潭): 以下各项责任单位均包括各县市区人民政府，不再列出 — stated once, carried by every later measure."""
    x = _extract("湘潭市基本养老服务体系建设实施方案\n"
                 "1.完善基本养老服务清单。严格落实清单。(责任单位:市民政局,各县市区人民政府。以下各项责任单位均包括各县市区人民政府,不再列出)\n"
                 "2.建立精准服务主动响应机制。全面建立老年人数据库。(责任单位:市民政局、市卫生健康委、市医保局)\n")
    collective = sorted((p, c.text) for p, c in x.collective)
    assert collective == [(1, "各县市区人民政府"), (2, "各县市区人民政府")]


def test_tasks_numbered_into_the_hundreds_are_measures_with_their_lists():
    """武汉's 政府工作报告 责任分解方案, cut from task 204 on: each numbered task
    is a measure and takes the list in its brackets (wild set RF005)."""
    x = _extract("(湖北省)武汉市2023年《政府工作报告》目标任务责任分解方案\n\n  ——推进教育高质量发展\n\n"
                 "  204.推进学前教育优质普惠发展,新改扩建公办幼儿园45所、新增学位1.2万个。(牵头单位:市教育局;责任单位:各区人民政府)\n\n"
                 "  205.推进普通高中优质多样化发展。(责任单位:市教育局)\n")
    assert [m.ordinal for m in x.measures] == ["204.", "205."]
    assert [(p, m.agency.name) for p, m in x.responsible] == [(1, "武汉市教育局"), (2, "武汉市教育局")]
