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


@pytest.mark.parametrize("text,measures,lists", [
    # 调兵山's report on the 民生实事 that concern it (涉及我市的任务): the tasks named 一是…;二是… in one
    # paragraph, each closed by its list
    ("关于铁岭市重点民生实事进展情况的督查专报\n来源:调兵山市政府办督查室 时间:2023-04-12\n"
     "  2023年铁岭市《政府工作报告》确定了7重点民生实事,包涵22个具体任务,其中涉及我市的任务有15个。《2023年铁岭市重点民生实事实施方案》"
     "实施计划中制定了3月末节点目标且涉及我市的任务有3个,分别为:一是维修改造中小学校13所(责任单位:市教育局);二是提高异地就医报销比例,"
     "简化临时外出备案流程(责任单位:市医保局);三是新改建、维修改造农村公路380公里(责任单位:市交通局)。目前,3个任务按照节点目标要求我市都已完成。\n",
     3, [(1, "调兵山市教育局"), (2, "调兵山市医疗保障局"), (3, "调兵山市交通运输局")]),
    # 安义's 若干措施 as a news page quotes them, cut before their numbering: the paragraph the list closes
    ("为推动经济运行整体好转,日前,安义县人民政府出台关于强信心增动能拼经济的若干措施。\n"
     "投入600万元举办“乐购五一”“激情盛夏”“悦享金秋”等系列促销活动,面向全县发放各类电子消费券,对符合条件的零售、餐饮、文旅、大件商品的"
     "消费者给予相应补贴。组织引导重点限上零售、餐饮商家开展促销让利活动。(责任单位:县商务局、县文广新旅局、县农业农村局)\n",
     1, [(1, "安义县商务局"), (1, "安义县文广新旅局"), (1, "安义县农业农村局")]),
    # negative: a list no sentence precedes is no measure
    ("关于做好养老服务工作的通知\n各有关单位:\n(责任单位:市民政局)\n", 0, []),
])
def test_a_list_outside_any_numbered_item_closes_a_measure_of_its_own(text, measures, lists):
    x = _extract(text)
    assert len(x.measures) == measures
    assert [(p, m.agency.name) for p, m in x.responsible] == lists


def test_a_task_division_after_its_notices_signature_keeps_its_tasks_and_lists():
    """衢州's 印发 notice, signed, then the 重点工作责任分解 it issues: 责任分解 is
    a document type, so the signature ends the notice, not the page's body,
    and each task takes its 责任单位 line (unseen set KX)."""
    x = _extract("关于印发2021年政府工作报告重点工作责任分解的通知\n\n各县(市、区)人民政府,市政府各部门,直属各单位:\n\n"
                 "《政府工作报告“十四五”时期重点工作责任分解》已经市政府同意,现印发给你们,请认真贯彻执行。\n\n"
                 "衢州市人民政府办公室\n\n2021年3月24日\n\n(此件公开发布)\n\n政府工作报告“十四五”时期\n\n重点工作责任分解\n\n"
                 "1.聚焦不平衡不充分问题,实施提高居民收入富民行动,加快构建以共同富裕为导向的发展格局。\n\n牵头市领导:汤飞帆\n\n"
                 "责任单位:市发改委、市农业农村局、市文旅局\n\n2.实施做大产业扩大税源行动,加快构建现代产业体系。\n\n牵头市领导:汤飞帆\n\n"
                 "责任单位:市发改委、市经信局、市财政局\n")
    assert [m.ordinal for m in x.measures] == ["1.", "2."]
    assert sorted({(p, m.written) for p, m in x.responsible}) == [
        (1, "市农业农村局"), (1, "市发改委"), (1, "市文旅局"), (2, "市发改委"), (2, "市经信局"), (2, "市财政局")]
