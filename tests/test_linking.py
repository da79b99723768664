"""Typed links: implements (applies) and legal basis (based_on) from the
sentence that states a document's basis; reply letters implement nothing."""
from pathlib import Path

import pytest

from kg.read.cleaning import clean
from kg.extract.document import extract_mentions
from kg.models import SourceDocument


def links(text: str):
    x = extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8")))
    return [(c.relation, c.trigger, c.target.number or c.target.title) for c in x.citations]


HEAD = "威海市环翠区人民政府办公室关于推进养老服务发展的实施意见\n威环政办发〔2022〕2号\n各镇政府：\n"


@pytest.mark.parametrize("sentence,expected", [
    ("为贯彻落实《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号）精神，现提出如下实施意见。",
     [("applies", "为贯彻落实", "国办发〔2019〕5号")]),
    ("为深入贯彻《山东省人民政府办公厅关于推进养老服务发展的实施意见》（鲁政办发〔2019〕31号）、"
     "《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号），现提出如下意见。",
     [("applies", "为深入贯彻", "鲁政办发〔2019〕31号"), ("applies", "为深入贯彻", "国办发〔2019〕5号")]),
    ("根据《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号）精神，结合我区实际，制定本方案。",
     [("applies", "根据", "国办发〔2019〕5号")]),
    ("根据《中华人民共和国老年人权益保障法》等法律、行政法规，结合本省实际，制定本条例。",
     [("based_on", "根据", "中华人民共和国老年人权益保障法")]),
    # 根据 without a clause that states the document's own basis: a plain citation
    ("根据《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号），养老机构实行备案管理。",
     [("cites", None, "国办发〔2019〕5号")]),
    # 作为落实…: 落实 does not open the clause
    ("将养老护理员培训作为落实《山东省职业技能提升行动实施方案（2019—2021年）》（鲁政办发〔2019〕24号）的重要内容。",
     [("cites", None, "鲁政办发〔2019〕24号")]),
    # an article applying a law is not the document's legal basis
    ("依照《中华人民共和国行政处罚法》的规定予以处罚。", [("cites", None, "中华人民共和国行政处罚法")]),
])
def test_sentence_links(sentence, expected):
    assert links(HEAD + sentence) == expected


@pytest.mark.parametrize("text,expected", [
    # the basis of a notice that acts on it (下拨, 下达): 现决定 / 现将…下达 state its own act (临平, 永嘉 pages)
    ("关于下拨2021年度疫情期间养老服务机构扶持资金的通知\n各镇街:\n为缓解运营压力,根据省民政厅、省财政厅联合出台"
     "《关于积极应对新冠肺炎疫情扶持养老机构发展的通知》(浙民养〔2020〕23号),现决定下拨扶持资金,相关事项通知如下:",
     [("applies", "根据", "浙民养〔2020〕23号")]),
    ("关于下达2010年度养老服务体系建设项目任务的通知\n各乡镇人民政府:\n为加快推进我县老年福利事业发展,根据"
     "《浙江省人民政府关于加快推进养老服务体系建设的意见》(浙政发〔2008〕72号)文件精神,现将2010年度全县养老服务"
     "体系建设项目任务下达给你们。", [("applies", "根据", "浙政发〔2008〕72号")]),
    # the addressees on the same line as the body's first sentence (莲都 portal)
    ("关于下拨居家养老服务照料中心运营补助的通知\n各乡镇人民政府、街道办事处: 根据《关于明确莲都区居家养老服务资金补助政策的通知》"
     "(莲民发〔2023〕145号)文件精神,经委托第三方专业机构实地评估,给予相应的年度运营补助。",
     [("applies", "根据", "莲民发〔2023〕145号")]),
    # 根据《X》，经… in the body's opening sentence (株洲 portal)
    ("白关镇敬老院等级评定结果\n根据《株洲市民政局关于印发养老机构等级评定实施细则的通知》(株民发(2021)11号),"
     "经养老机构申报,认定白关镇敬老院等级为一级。", [("applies", "根据", "株民发〔2021〕11号")]),
])
def test_notices_that_act_on_their_basis(text, expected):
    assert [link for link in links(text) if link[0] in ("applies", "based_on")] == expected


def test_reply_letters_implement_nothing():
    text = ("关于市政协十六届一次会议第12号提案的答复\n威民提〔2021〕12号\n张某委员：\n"
            "为贯彻落实《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号）精神，现提出如下意见。")
    assert [r for r, _, _ in links(text)] == ["cites"]


def test_basis_of_a_promulgated_measure_belongs_to_the_measure():
    text = ("广州市人民政府办公厅关于印发广州市居家社区养老服务管理办法的通知\n穗府办规〔2022〕13号\n各区人民政府：\n"
            "现印发给你们，请遵照执行。\n广州市居家社区养老服务管理办法\n第一章 总则\n"
            "第一条 为了规范本市居家社区养老服务工作，根据《广东省养老服务条例》等有关规定，结合本市实际，制定本办法。")
    x = extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8")))
    based = [c for c in x.citations if c.relation == "based_on"]
    assert [(c.target.title, c.source.title) for c in based] == [("广东省养老服务条例", "广州市居家社区养老服务管理办法")]


def test_a_measure_of_the_same_title_promulgated_by_two_cities_is_two_documents(tmp_path):
    from kg.pipeline.build import build
    from kg.store.database import load_graph
    from kg.store.query import run_query
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for city, code in (("威海市", "威政发"), ("烟台市", "烟政发")):
        (corpus / f"{code}.txt").write_text(
            f"{city}人民政府关于印发《居家养老服务管理办法》的通知\n{code}〔2021〕3号\n各区人民政府：\n"
            f"现将《居家养老服务管理办法》印发给你们，请认真贯彻执行。\n{city}人民政府\n2021年3月1日\n", encoding="utf-8")
    build(corpus, tmp_path / "out", use_cache=False)
    rows = run_query(load_graph(tmp_path / "out"), """SELECT ?d ?issuer WHERE {
        ?d dcterms:title "居家养老服务管理办法"@zh ; eli:passed_by/skos:prefLabel ?issuer } ORDER BY ?issuer""").rows
    assert sorted(str(r[1]) for r in rows) == sorted(["烟台市人民政府", "威海市人民政府"])
    assert len({r[0] for r in rows}) == 2


def test_each_target_names_the_rule_that_read_it():
    from kg.extract.quantities import find_targets
    text = HEAD + "到2022年，社区日间照料中心覆盖率达到90%。\n到2022年，培训2000名养老护理员。"
    doc = clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8"))
    rules = {t.indicator: t.rule for t in find_targets(doc, list(doc.sentences))}
    assert rules == {"社区日间照料中心覆盖率": "target.indicator-value", "培训养老护理员": "target.verb-count"}
