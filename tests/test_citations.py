"""Citation mentions: real sentences in, documents out."""
import pytest

from kg.lexicon.areas import gazetteer
from kg.extract.citations import find_citations
from kg.read.cleaning import clean
from kg.models import SourceDocument
from pathlib import Path


def cite(text: str, area: str = "371002"):
    doc = clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8"))
    return find_citations(doc, gazetteer().get(area), [], None)


def targets(result):
    return [(c.relation, c.target.number, c.target.title) for c in result.citations]


def test_title_and_number_across_a_line_break():
    text = ("为贯彻落实《国务院办公厅关于推进养老服务发展的意见》\n（国办发〔2019〕5号）、"
            "《山东省人民政府办公厅关于推进养老服务发展的实施意见》（鲁政办发〔2019〕31号）精神")
    result = cite(text)
    assert targets(result) == [
        ("cites", "国办发〔2019〕5号", "国务院办公厅关于推进养老服务发展的意见"),
        ("cites", "鲁政办发〔2019〕31号", "山东省人民政府办公厅关于推进养老服务发展的实施意见"),
    ]
    assert [c.evidence.rule for c in result.citations] == ["citation.title-number"] * 2
    assert result.citations[0].target.issuers[0].name == "国务院办公厅"


@pytest.mark.parametrize("text,number,title", [
    # a number written straight after the title, no brackets: one document (仙居 民政 转发 notice;
    # 中山 catalogue's list of bases)
    ("现将《关于做好民政服务机构疫情防控安全防范工作的通知》民电〔2021〕111号转发给你们,请按照通知要求执行。",
     "民电〔2021〕111号", "关于做好民政服务机构疫情防控安全防范工作的通知"),
    ("3.《国务院办公厅关于推进养老服务发展的意见》 国办发〔2019〕5号;", "国办发〔2019〕5号",
     "国务院办公厅关于推进养老服务发展的意见"),
])
def test_a_number_right_after_its_title_is_the_same_document(text, number, title):
    assert targets(cite(text)) == [("cites", number, title)]


def test_a_number_after_a_title_and_a_separator_is_another_document():
    result = cite("根据《威海市养老服务保障条例》、威政办发〔2020〕3号文件精神")
    assert [(c.target.number, c.target.title) for c in result.citations] == [
        (None, "威海市养老服务保障条例"), ("威政办发〔2020〕3号", None)]


def test_promulgation_notice_wraps_a_second_document():
    result = cite("根据《财政部关于印发〈社会保险基金会计制度〉的通知》（财会〔2017〕28号）")
    relations = [(c.relation, c.target.title, c.source.title if c.source else None) for c in result.citations]
    assert ("cites", "财政部关于印发〈社会保险基金会计制度〉的通知", None) in relations
    assert ("cites", "社会保险基金会计制度", None) in relations
    assert ("promulgates", "社会保险基金会计制度", "财政部关于印发〈社会保险基金会计制度〉的通知") in relations
    wrapped = next(c for c in result.citations if c.target.title == "社会保险基金会计制度")
    assert wrapped.target.issuers[0].name == "财政部"


def test_short_form_resolves_to_its_document():
    text = "《威海市养老服务保障条例》（以下简称《条例》）。落实《条例》要求。"
    result = cite(text, "371000")
    assert [c.target.title for c in result.citations] == ["威海市养老服务保障条例"] * 2
    assert result.citations[1].evidence.rule == "citation.short-form"


def test_self_reference_and_unknown_short_form_are_not_documents():
    result = cite("本意见自印发之日起施行。按照《意见》要求。")
    assert result.citations == []
    assert any("《意见》" in w for w in result.warnings)


@pytest.mark.parametrize("text,concept", [
    ("按照《无障碍设计规范》给予最急需的适老化改造", "standard"),
    ("启动国家标准《养老机构等级划分与评定》工作", "standard"),
    ("以立法形式颁布实施《威海市养老服务保障条例》", "regulation"),
    ("根据《中华人民共和国老年人权益保障法》等法律", "law"),
    ("提出的《关于加快养老服务业发展的建议》", "proposal"),
    ("推动《养老服务行动计划》贯彻实施", "programme"),
    # a planning guide (福建 民政厅's notice, wild HN006)
    ("以及《福建省城乡养老服务设施规划及配置导则(试行)》等相关规定", "standard"),
    # a title that ends in the period it covers is a programme whatever its ending (国家卫健委's plan, 安徽's notice)
    ("为贯彻落实《健康中国行动(2019-2030年)》", "programme"),
])
def test_title_types(text, concept):
    assert cite(text).citations[0].target.type_concept == concept


def test_titles_that_are_not_documents_are_left_out():
    result = cite("取得《医疗机构执业许可证》后开展服务，刊登于《人民日报》。")
    assert result.citations == []
    # a campaign's name with no period is no document (a headline's 行动)
    assert cite("开展《银龄行动》宣传").citations == []


@pytest.mark.parametrize("text,number", [
    # the words before a cited number are no part of its code: a reply's addressee, a verb
    # (上海 民政局's 批复 to 黄浦区; 舒城 民政局's reply)
    ("你局黄民[2007]42号文收悉。经验收,你", "黄民〔2007〕42号"),
    ("并会同有关部门和乡镇进一步落实舒办发[2008]29号文件", "舒办发〔2008〕29号"),
])
def test_a_cited_number_starts_where_its_code_does(text, number):
    assert [c.target.number for c in cite(text).citations] == [number]


@pytest.mark.parametrize("text,number", [
    # a title whose ending is no document type, with its 文号 beside it, is a document (温州 若干政策;
    # a 请示 cited by 衡阳 and 厦门 replies; a 指引 of 民政部)
    ("根据《温州市人民政府关于进一步帮扶特殊群体推进共富裕的若干政策》(温政发〔2022〕6号)等文件精神", "温政发〔2022〕6号"),
    ("你局《关于审定<关于建立衡阳市养老服务工作联席会议制度的通知>的请示》(衡民请 〔2021〕6号)收悉。", "衡民请〔2021〕6号"),
    ("《养老机构预收费管工作指引》(民办发〔2025〕9号)", "民办发〔2025〕9号"),
])
def test_a_title_of_no_known_type_with_its_number_is_a_document(text, number):
    assert [(c.target.number, c.evidence.rule) for c in cite(text).citations] == [(number, "citation.title-number")]


@pytest.mark.parametrize("text,expected", [
    # a number written before its title, outside brackets, is the title's (乌拉特前旗 report, 渭滨 forwarding notice)
    ("2025年5月乌拉特前旗民政局按照巴财社(2022)734号《关于下达经济困难老年人养老服务补贴资金的通知》,以每人每月50元的标准发放。",
     [("巴财社〔2022〕734号", "关于下达经济困难老年人养老服务补贴资金的通知")]),
    ("现将宝民发(2022)4号文件,宝鸡市民政局《关于开展全市养老机构安全摸底排查工作的通知》转发你们。",
     [("宝民发〔2022〕4号", "关于开展全市养老机构安全摸底排查工作的通知")]),
    # negatives: a bracketed number is the title's before it; a sentence's end parts them
    ("根据《国务院办公厅关于推进养老服务发展的意见》(国办发〔2019〕5号)《山东省养老服务条例》,制定本方案。",
     [("国办发〔2019〕5号", "国务院办公厅关于推进养老服务发展的意见"), (None, "山东省养老服务条例")]),
    ("已下达威民发〔2022〕4号。《关于开展养老机构安全排查工作的通知》另行印发。",
     [("威民发〔2022〕4号", None), (None, "关于开展养老机构安全排查工作的通知")]),
])
def test_a_number_written_before_its_title(text, expected):
    found = [(c.target.number, c.target.title) for c in cite(text).citations]
    assert sorted(found, key=str) == sorted(expected, key=str)


def test_unqualified_titles_are_scoped_to_an_area():
    weihai = cite("《关于加快发展养老服务业的意见》", "371000").citations[0].target
    wenzhou = cite("《关于加快发展养老服务业的意见》", "330300").citations[0].target
    assert weihai.scope == "371000" and wenzhou.scope == "330300"
    national = cite("《国务院关于加快发展养老服务业的若干意见》").citations[0].target
    assert national.scope is None


def test_a_number_list_after_a_title_cites_every_number():
    text = "《关于做好养老服务工作的通知》（鲁民发〔2020〕3号、4号）"
    result = cite(text, "370000")
    assert [(c.target.number, c.target.title) for c in result.citations] == [
        ("鲁民发〔2020〕3号", "关于做好养老服务工作的通知"), ("鲁民发〔2020〕4号", None)]
    assert result.citations[0].evidence.span.end == len(text)
    assert result.citations[1].target.issuers[0].name == "山东省民政厅"


@pytest.mark.parametrize("text, area, issuers", [
    # 重庆, reply letter: the issuers written before the title
    ("二是落实税费减免政策。财政部、税务总局等部委印发的《关于养老、托育、家政等社区家庭服务业税费优惠政策的公告》"
     "（2019年第76号）等文件", "500000", ["财政部", "国家税务总局"]),
    ("民政部等9部门联合印发的《关于加快推进养老服务业放管服改革的通知》", "500000", ["民政部"]),
    ("市民政局和市财政局联合印发了《关于做好养老服务补贴工作的通知》", "371000", ["威海市民政局", "威海市财政局"]),
    # no issuer, or one no table knows: nothing is guessed
    ("我市制定了《关于加快发展养老服务业的实施意见》", "371000", []),
    ("今年以来，我们出台的《关于加快发展养老服务业的实施意见》", "371000", []),
])
def test_issuers_written_before_a_cited_title(text, area, issuers):
    [citation] = [c for c in cite(text, area).citations if c.target.title]
    assert [a.name for a in citation.target.issuers] == issuers


def test_a_cited_title_with_national_issuers_is_a_national_document():
    text = "财政部、税务总局等部委印发的《关于养老、托育、家政等社区家庭服务业税费优惠政策的公告》（2019年第76号）"
    [citation] = [c for c in cite(text, "500000").citations if c.target.title]
    assert {a.area.code for a in citation.target.issuers} == {"CN"}


@pytest.mark.parametrize("text,number", [
    # an order named by its government's level beside a title that names the province: that province's
    # order, on a page of another area or none (柯桥's and 岳阳楼区's 解读 of their clean-ups; 河南's 办法)
    ("对行政规范性文件进行定期清理是《浙江省行政规范性文件管理办法》(省政府令第372号)规定的一项重要工作。",
     "浙江省人民政府令第372号"),
    ("根据《湖南省规范性文件管理办法》(省政府令第289号)的规定和要求,开展全面清理。", "湖南省人民政府令第289号"),
])
def test_a_level_order_beside_a_title_is_the_order_of_the_province_it_names(text, number):
    doc = clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8"))
    assert [c.target.number for c in find_citations(doc, None, [], None).citations] == [number]
