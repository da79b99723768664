"""Dictionaries that cover China: issuer codes, organ names and their
variants, responsibility lists in every form real documents use. Rows are
real names and lists from documents of many provinces."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.datafiles import read_tsv
from kg.extract.document import extract_mentions
from kg.lexicon.agencies import parse_agency, parse_issuer
from kg.lexicon.areas import gazetteer
from kg.lexicon.issuers import resolve_code
from kg.models import SourceDocument
from kg.read.cleaning import clean


def extract(text: str):
    return extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8")))


def area(code: str):
    return gazetteer().get(code)


# --- organ names at every level, merged and renamed ones, short forms ---

@pytest.mark.parametrize("written,context,full", [
    ("市教育体育局", "510100", "成都市教育局"),          # a merged organ read as the city's education organ;
    # a sub-provincial city has bureaus (局), not a municipality's commissions (#30)
    ("区生态环境局", "371002", "威海市环翠区生态环境分局"),
    ("市交通运输局", "370100", "济南市交通运输局"),
    ("市审计局", "371000", "威海市审计局"),
    ("市地方金融监管局", "510100", "成都市地方金融监督管理局"),
    ("市金融工作局", "440100", "广州市地方金融监督管理局"),
    ("区公安消防大队", "371002", "威海市环翠区消防救援大队"),
    ("市自然资源和规划局", "330300", "温州市自然资源和规划局"),
    ("市规划资源局", "120000", "天津市规划和自然资源局"),
    ("市规划国土资源局", "440300", "深圳市规划和自然资源局"),
    ("市经济信息化局", "371000", "威海市工业和信息化局"),
    ("市绿化市容局", "310000", "上海市绿化和市容管理局"),
    ("市司法局", "500000", "重庆市司法局"),
    ("市文广影视局", "330300", "温州市文化和旅游局"),
    ("市新闻出版局", "110000", "北京市新闻出版局"),
    ("市体育局", "371000", "威海市体育局"),
    ("市卫健委", "440100", "广州市卫生健康委员会"),
    ("市人社局", "440100", "广州市人力资源和社会保障局"),
    ("市发改委", "510100", "成都市发展和改革委员会"),
    ("区市场监管局", "440106", "广州市天河区市场监督管理局"),
    ("市委社治委", "510100", "中国共产党成都市委员会城乡社区发展治理委员会"),
    ("市住房城乡建设委", "120000", "天津市住房和城乡建设委员会"),
    ("市营商局", "230100", "哈尔滨市营商环境建设局"),
    ("区残联", "371002", "威海市环翠区残疾人联合会"),
    # organs a national administration heads that every level also has (天津's 任务分解: 市地震局牵头; 楚雄's
    # 地震应急预案; 吴起县's 来源: 吴起县档案局)
    ("市地震局", "120000", "天津市地震局"),
    ("州地震局", "532300", "楚雄彝族自治州地震局"),
    ("吴起县档案局", None, "吴起县档案局"),
])
def test_organ_names_and_short_forms(written, context, full):
    agency = parse_agency(written, area(context) if context else None)
    assert agency is not None and agency.name == full


@pytest.mark.parametrize("written,context,full", [
    ("西安市养老服务工作领导小组办公室", None, "西安市养老服务工作领导小组办公室"),
    ("五华区西翥街道办事处", "530102", "昆明市五华区西翥街道办事处"),
    ("区城市更新局", "440106", "广州市天河区城市更新局"),      # no table holds it: kept by its shape
    # a command headquarters and its office, named in full (海口's 公告, 遂宁's office)
    ("海口市防汛防风防旱指挥部", None, "海口市防汛防风防旱指挥部"),
    ("遂宁市人民政府防汛抗旱指挥部办公室", None, "遂宁市人民政府防汛抗旱指挥部办公室"),
    # a county's name several counties bear, then a township only one of them holds (鞍山's 铁东区 has a
    # 和平街道, 四平's none: 和平街道's 活动总结; 佳木斯's 郊区 a 友谊街道: a 黑龙江 老年 news item)
    ("铁东区和平街道办事处", None, "鞍山市铁东区和平街道办事处"),
    ("佳木斯市郊区友谊街道办事处", None, "佳木斯市郊区友谊街道办事处"),
    ("郊区友谊街道办事处", None, "佳木斯市郊区友谊街道办事处"),
])
def test_issuers_beyond_the_organ_tables(written, context, full):
    from kg.extract.agency_mentions import resolve_item
    found = parse_issuer(written, area(context) if context else None) or resolve_item(
        written, "", area(context) if context else None, False)[0]
    assert found is not None and found.name == full


# --- issuer codes for the whole country ---

@pytest.mark.parametrize("code,context,issuer", [
    ("国办发", None, "国务院办公厅"),
    ("中办发", None, "中共中央办公厅"),
    ("国卫老龄发", None, "国家卫生健康委员会"),
    ("民发", None, "民政部"),
    ("鲁政办发", None, "山东省人民政府办公厅"),
    ("威环政办发", None, "威海市环翠区人民政府办公室"),
    ("穗府办规", None, "广州市人民政府办公厅"),
    ("穗府", None, "广州市人民政府"),                       # the organ code alone
    ("郑政", None, "郑州市人民政府"),
    ("莆政", None, "莆田市人民政府"),
    ("镇政发", None, "镇江市人民政府"),
    ("衢政发", None, "衢州市人民政府"),
    ("湘政办发", None, "湖南省人民政府办公厅"),
    ("成府发", None, "成都市人民政府"),
    ("盘委办发", "211100", "中国共产党盘锦市委员会办公室"),
    ("常政办发", "320400", "常州市人民政府办公室"),         # 常: 常州 in Jiangsu …
    ("常政办发", "430700", "常德市人民政府办公室"),         # … 常德 in Hunan
    ("德政发", "370000", "德州市人民政府"),                 # a city's first character, within its province
    ("津滨政发", None, "天津市滨海新区人民政府"),           # a municipality's district
    ("静府办发", "310106", "上海市静安区人民政府办公室"),   # a district's own code
    ("二七政办", "410103", "郑州市二七区人民政府办公室"),
    ("哈政办规", None, "哈尔滨市人民政府办公厅"),
    # on a province's own page its abbreviation is the province's, though a city of it starts with the
    # same character (辽宁 卫健委 page of 辽老龄办发; 江苏, 湖北, 甘肃 cite their own 政发)
    ("辽老龄办发", "210000", "辽宁省老龄工作委员会办公室"),
    ("苏政发", "320000", "江苏省人民政府"),
    ("鄂政发", "420000", "湖北省人民政府"),
    ("甘政发", "620000", "甘肃省人民政府"),
    ("赣市府发", "360000", "赣州市人民政府"),             # a city's own code still reads as the city's
    ("甘政办发", "623000", "甘南藏族自治州人民政府办公室"),  # and on the city's page, the city's
    ("宣政秘", "340000", "宣城市人民政府"),                 # 政秘: the government's secretariat
    # 民政 written out as the organ's code (鄂托克旗, 梁平区, 金平县, 哈尔滨 in the wild set)
    ("鄂民政发", "150624", "鄂托克旗民政局"),
    ("梁平民政发", "500155", "重庆市梁平区民政局"),
    ("哈民政规", None, "哈尔滨市民政局"),
    ("津民政函", "500116", "重庆市江津区民政局"),           # 江津区 writes its second character …
    ("津民政函", None, "天津市民政局"),                     # … which is 天津's without such a page
])
def test_issuer_codes(code, context, issuer):
    found = resolve_code(code, area(context) if context else None)
    assert found is not None and found.agency.name == issuer


def test_an_ambiguous_initial_stays_unread_without_context():
    assert resolve_code("德政发") is None        # 德州, 德阳, 德宏 …


@pytest.mark.parametrize("row", read_tsv("city_abbreviations.tsv"), ids=lambda r: r["abbreviation"] + r["code"])
def test_every_city_abbreviation_reads_its_example_in_its_province(row):
    example = re.search(r"[（(]([\u4e00-\u9fff]+)", row["note"])
    assert example, f"{row['abbreviation']}: the note gives no example code"
    gaz = gazetteer()
    province = next(a for a in gaz.chain(row["code"]) if a.level == "province")
    found = resolve_code(example.group(1), gaz.get(row["code"]))
    assert found is not None, example.group(1)
    assert gaz.is_within(found.agency.area.code, province.code), (example.group(1), found.agency.name)


def test_codes_learned_from_the_corpus_resolve_cited_stubs(tmp_path):
    from kg.pipeline.build import build
    from kg.store.database import load_graph
    from kg.store.query import run_query
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("成都市人民政府办公厅关于印发养老服务工作方案的通知\n成办发〔2021〕5号\n各区（市）县政府：\n"
                                  "现印发给你们。\n成都市人民政府办公厅\n2021年3月1日\n", encoding="utf-8")
    (corpus / "b.txt").write_text("成都市武侯区人民政府办公室关于养老服务的实施方案\n各街道办事处：\n为贯彻落实《成都市人民政府"
                                  "办公厅关于加快发展养老服务业的意见》（成办发〔2022〕28号）精神，结合我区实际，制定本方案。\n",
                                  encoding="utf-8")
    report = build(corpus, tmp_path / "out", use_cache=False)
    assert report.learned_codes == {"成办发": "成都市人民政府办公厅"}
    assert not any("成办发" in w for w in report.warnings)
    rows = run_query(load_graph(tmp_path / "out"), """SELECT ?issuer WHERE {
        ?d eli:id_local "成办发〔2022〕28号" ; pol:isStub true ; eli:passed_by/skos:prefLabel ?issuer }""").rows
    assert [str(r[0]) for r in rows] == ["成都市人民政府办公厅"]


# --- responsibility lists in every form ---



HEAD = "成都市人民政府办公厅关于推进养老服务发展的实施意见\n成办发〔2022〕28号\n各区（市）县政府：\n一、主要任务\n（一）加强设施建设。新建小区配建养老服务设施。"


@pytest.mark.parametrize("closing,roles,collective", [
    # a list that does not say who leads: all lead (#30); the document's statement decides otherwise (below)
    ("［市民政局、市委社治委、市财政局、市发改委按职责分工负责，各区（市）县政府（管委会）负责］",
     [("lead", "成都市民政局"), ("lead", "中国共产党成都市委员会城乡社区发展治理委员会"),
      ("lead", "成都市财政局"), ("lead", "成都市发展和改革委员会")],
     [("各区（市）县政府（管委会）", "county")]),
    ("（牵头单位：市人社局；配合单位：市民政局、市卫健委）",
     [("lead", "成都市人力资源和社会保障局"), ("support", "成都市民政局"), ("support", "成都市卫生健康委员会")], []),
    # the units that share the lead's work under another name (连云港 民生实事: 共同责任单位)
    ("(牵头单位:市教育局;共同责任单位:市发改委、市财政局、市自然资源局、市住建局,各县区)",
     [("lead", "成都市教育局"), ("support", "成都市发展和改革委员会"), ("support", "成都市财政局"),
      ("support", "成都市规划和自然资源局"), ("support", "成都市住房和城乡建设局")], [("各县区", "county")]),
    ("(市民政局、市规划资源局、市住房城乡建设委和各区人民政府按职责分工负责)",
     [("lead", "成都市民政局"), ("lead", "成都市规划和自然资源局"),
      ("lead", "成都市住房和城乡建设局")], [("各区人民政府", "county")]),
    # 〔X牵头，Y按职责分工负责〕 (云南 opinion): X leads, Y supports
    ("〔市民政局牵头,市财政局、市商务局按职责分工负责〕",
     [("lead", "成都市民政局"), ("support", "成都市财政局"), ("support", "成都市商务局")], []),
    # other fields before the list in the same brackets (湖北 plan)
    ("(完成时间:2026年2月底前;责任单位:市民政局、市卫健委等)",
     [("lead", "成都市民政局"), ("lead", "成都市卫生健康委员会")], []),
    # 由X牵头，Y配合 in running text
    ("由市民政局牵头，市财政局、市卫健委配合。",
     [("lead", "成都市民政局"), ("support", "成都市财政局"), ("support", "成都市卫生健康委员会")], []),
    ("(市民政局牵头,各区、市政府负责落实。以下各项工作均需各区、市政府负责落实)",
     [("lead", "成都市民政局")], [("各区、市政府", "county")]),
    ("（责任单位：市民政局、财政局，各镇、街道）",
     [("lead", "成都市民政局"), ("lead", "成都市财政局")], [("各镇、街道", "township")]),
    ("（责任单位：市民政局、省直有关部门，各市、州、县人民政府）",
     [("lead", "成都市民政局")], [("省直有关部门", "province"), ("各市、州、县人民政府", "county")]),
    # the lead alone in the brackets (安化 民生实事 items: (县教育局牵头), (县人社局牵头))
    ("(市教育局牵头)。", [("lead", "成都市教育局")], []),
    # units that carry it, 负责 without 按职责分工 (东莞 稳就业 opinion, in a mirror's traditional script;
    # 按职责分工 lists above)
    ("(市人力資源社會保障局、市醫保局、市財政局、市稅務局負責)",
     [("lead", "成都市人力资源和社会保障局"), ("lead", "成都市医疗保障局"), ("lead", "成都市财政局"),
      ("lead", "国家税务总局成都市税务局")], []),
    # a 牵头单位 field run into the item's line (六安 民生办's 进度通报 of 2021 and of 2017: 牵头部门)
    (",牵头单位:市民政局。其中,高龄津贴发放进度较慢的为霍邱县。", [("lead", "成都市民政局")], []),
    (",牵头部门:市民政局。生活无着人员社会救助,市本级完成进度较慢。", [("lead", "成都市民政局")], []),
    # an administration every level has (天津's 任务分解: 市地震局牵头); a national-only one's short form with a
    # city's prefix (市移民管理局) is named as written, and the page's other lists still read
    ("(市地震局牵头)", [("lead", "成都市地震局")], []),
    ("(市民政局、市移民管理局牵头)", [("lead", "成都市民政局"), ("lead", "成都市移民管理局")], []),
    # 由 before the lead, 会同 before the units that join it (广东's 十件民生实事 分工方案; 由X牵头，Y配合 above)
    ("(由市财政局牵头,会同市民政局、市商务局等单位负责落实)",
     [("lead", "成都市财政局"), ("support", "成都市民政局"), ("support", "成都市商务局")], []),
    # units that carry it each for its part: 分别负责(落实) (北京's 政务公开工作要点; 黑龙江's 重点工作责任分工)
    ("(市发展改革委、市经济信息化委、市环保局分别负责落实)",
     [("lead", "成都市发展和改革委员会"), ("lead", "成都市工业和信息化局"), ("lead", "成都市生态环境局")], []),
    ("(市发改委、统计局分别负责)", [("lead", "成都市发展和改革委员会"), ("lead", "成都市统计局")], []),
])
def test_responsibility_lists(closing, roles, collective):
    x = extract(HEAD + closing + "\n")
    assert [(m.role, m.agency.name) for _, m in x.responsible] == roles
    assert [(c.text, c.level) for _, c in x.collective] == collective
    assert {p for p, _ in x.responsible} <= {1}


@pytest.mark.parametrize("text,unbound,collective", [
    # pages cut before their heading, which never name their city (#30, unseen set RA: a 山东 city's
    # opinion, 湘潭's plan, a 医养结合 plan): each item kept as written, its organ and level read
    ("6.建立精准服务主动响应机制。推动评估结果部门互认。(市民政局牵头,市人力资源社会保障局、市卫生健康委、"
     "市统计局按职责分工负责)\n",
     [("市民政局", "civil-affairs", "city", "lead"), ("市人力资源社会保障局", "human-resources", "city", "support"),
      ("市卫生健康委", "health", "city", "support"), ("市统计局", "statistics", "city", "support")], []),
    ("1.完善基本养老服务清单。建立定期发布机制。(责任单位:市民政局,各县市区人民政府。以下各项责任单位均包括"
     "各县市区人民政府,不再列出)\n",
     [("市民政局", "civil-affairs", "city", "lead")], ["各县市区人民政府"]),
    # a level word passes on: 医保局 after 市卫健委 is the city's too
    ("2.开展家庭病床服务。制定鼓励性价格政策。\n(市卫健委、医保局按职责分工负责,各县区人民政府负责)\n",
     [("市卫健委", "health", "city", "lead"), ("医保局", "medical-security", "city", "lead")], ["各县区人民政府"]),
    # a unit no organ table knows is kept as written, of no known kind, its level read (房县's 具体措施;
    # 云南's and 楚雄's 国土资源厅, 州招商合作局 alike)
    ('(一)深化政务服务标准化建设。定期公布政务服务事项基本目录和实施清单,公开办事指南,实现同一事项无差别受理、同标准办理。持续推进政务服务“510”模式、扩大“跨域通办”成果,落实“好差评”制度,对县乡政务服务情况进行定期评估。加快建设“城市大'
     '脑”,推进线上线下融合,实现“一网通办”“一网统管”。大力推进掌办高频政务服务事项数量和覆盖率。深入推行“集成办”“就近办”“网上办”“掌上办”“容缺办”等“个性化”服务场景。(牵头单位:县行政审批局,责任单位:县直各有关单位,各乡镇人民政府)' "\n",
     [("县行政审批局", "", "county", "lead")], ["县直各有关单位", "各乡镇人民政府"]),
    # negatives: a word before an organ that names no level is no prefix; a document of a known area binds
    ("2.开展家庭病床服务。制定政策。\n(指导财政局按职责分工负责)\n", [], []),
])
def test_a_list_of_a_page_without_its_area_keeps_its_agencies_as_written(text, unbound, collective):
    x = extract(text)
    assert [(u.text, u.organ, u.level, u.role) for _, u in x.unbound] == unbound
    assert [c.text for _, c in x.collective] == collective
    assert not x.responsible


@pytest.mark.parametrize("text,unbound", [
    # a unit no organ table knows, on a page whose area is known, is kept as written rather than dropped
    # (#30: 杭州's 市科委, whose city has a 科技局 in the table; 广西's 产业园区改革发展办公室 beside organs it knows)
    ("杭州市推进“互联网+”行动实施意见\n(征求意见稿V2.2)\n(2015年9月15日)\n一、 工作目标\n"
     "1.大力发展众创空间。三年内认定市级众创空间60家以上。(牵头单位:市科委,配合单位:各区县市)\n",
     [(1, "市科委", "lead")]),
    ("各市、县人民政府,自治区人民政府各组成部门、各直属机构:\n《广西实施新一轮工业振兴三年行动的若干政策措施》已经自治区人民政府同意,"
     "现印发给你们,请认真贯彻执行。\n2024年2月7日\n(此件公开发布)\n广西实施新一轮工业振兴三年行动的若干政策措施\n"
     "一、继续加大财政对工业的扶持力度\n1.加大工业发展资金投入。2024—2026年,每年统筹安排一般公共预算资金支持重大工业项目建设。"
     "(牵头单位:自治区财政厅、工业和信息化厅、发展改革委、国资委、产业园区改革发展办公室,各市人民政府;配合单位:自治区党委金融委员会办公室,"
     "广西证监局)\n",
     [(1, "产业园区改革发展办公室", "lead"), (1, "自治区党委金融委员会办公室", "support")]),
])
def test_a_unit_no_table_knows_is_kept_as_written_where_the_area_is_known(text, unbound):
    x = extract(text)
    assert [(p, u.text, u.role) for p, u in x.unbound] == unbound


@pytest.mark.parametrize("text,responsible,unbound", [
    # the units run on after the measure's sentence or after another field, each field closed by ；or 。
    # (#30: 徐州's 2010 task division, 主办单位:…; 红寺堡's report on its proposals, 主办单位:…;协办单位:…)
    ("市政府关于印发《2010年〈政府工作报告〉主要目标任务分解方案》的通知\n徐政发〔2010〕29号\n"
     "各县(市)、区人民政府,徐州经济开发区管委会,市各委、办、局(公司),市各直属单位:\n特此通知。\n"
     "2010年《政府工作报告》主要目标任务分解方案\n一、目标分解\n1.地区生产总值增长13.5%。主办单位:市发展和改革委员会、统计局。\n"
     "2.财政一般预算收入增长18%。主办单位:市财政局。\n",
     [(1, "市发展和改革委员会", "lead"), (1, "统计局", "lead"), (2, "市财政局", "lead")], []),
    ("您当前的位置:首页 > 政府信息公开 > 议案提案\n名称\n关于政协红寺堡区委员会三届五次会议委员提案办理情况的报告\n\n吴忠市红寺堡区人民政府\n\n"
     "(2021年10月)\n\n根据会议安排,现将政协红寺堡区委员会三届五次会议委员提案办理情况报告如下:\n\n(一)重点提案办理情况(6件)\n\n"
     "第1号“关于进一步推进乡村振兴和产业发展的建议”(A类)。主办单位:农业农村局;协办单位:文体局、住建交通局。\n",
     [], [(1, "农业农村局", "lead"), (1, "文体局", "support")]),
    # a task's officials before its units on the same line (永康's 2008 重点工作任务): no page's metadata; a
    # list run on in the text keeps a name a table cell might have wrapped (国土资源局)
    ("永政办发〔2008〕31号\n永康市人民政府办公室\n关于印发政府工作报告若干重点工作任务的通知\n"
     "各镇人民政府、街道办事处,经济开发区管委会,城西新区管委会,市府各部门:\n一、突出工业转型升级,进一步夯实五金名城的产业基础\n"
     "1.推进总部中心、会展中心、物流中心和省五金科技创新服务中心建设。\n"
     "责任领导:按《市委工作要点》分工(蒋永根、俞福才、金跃民);责任单位:总部办、经济开发区、五金城、科技局;配合单位:经贸局、国土资源局、"
     "建设局、规划局、交通局、东城街道。\n2.加大招商引资力度,引进一批技术含量高、带动能力强的合资合作项目落户永康。\n"
     "责任领导:吴晓平;责任单位:外贸局、发改局;配合单位:相关镇街区,有关部门。\n",
     [], [(1, "总部办", "lead"), (1, "科技局", "lead"), (1, "经贸局", "support"), (1, "国土资源局", "support"),
          (1, "建设局", "support"), (1, "规划局", "support"), (1, "交通局", "support"), (1, "东城街道", "support"),
          (2, "外贸局", "lead"), (2, "发改局", "lead")]),
    # fields set one after another on a line, each field's value ending where the next label begins
    # (宁波日报's 民生实事 公示: 牵头领导:… 责任单位:… 项目责任人:… 配合单位:… 实际完成情况:…)
    ("2014年市政府民生实事项目共有42项任务,各责任单位高度重视,确保民生实事项目各项目标任务圆满完成。 "
     "1.轨道交通1号线一期工程投入试运营。 牵头领导:林静国 责任单位:市轨道交通工程建设指挥部 项目责任人:尹文德 "
     "实际完成情况:轨道交通1号线一期工程已于2014年5月30日通车试运营。 2.新增安装300套路口交通信息视频采集设备。 "
     "牵头领导:王仁洲 责任单位:市公安局 项目责任人:王伟标 配合单位:市城管局、市财政局 实际完成情况:中心设备调试。\n",
     [], [(1, "市轨道交通工程建设指挥部", "lead"), (2, "市公安局", "lead"), (2, "市城管局", "support"),
          (2, "市财政局", "support")]),
    # negative: a site's footer names its host, no measure's unit
    ("关于做好养老服务工作的通知\n各有关单位:\n一、加强组织领导。\n主办单位:市政府办公室 承办单位:市大数据中心\n", [], []),
])
def test_units_run_on_after_a_sentence_or_a_field(text, responsible, unbound):
    x = extract(text)
    assert [(p, m.written, m.role) for p, m in x.responsible] == responsible
    assert [(p, u.text, u.role) for p, u in x.unbound] == unbound


def test_a_list_of_a_page_with_its_area_binds_its_agencies():
    x = extract(HEAD + "（市卫健委、医保局按职责分工负责,各县区人民政府负责）\n")
    assert [m.agency.name for _, m in x.responsible] == ["成都市卫生健康委员会", "成都市医疗保障局"]
    assert not x.unbound


def test_each_sentence_a_list_closes_inside_a_line_is_a_measure_of_its_own():
    """北京's 政务公开工作要点 give each task of an item its own list, the next
    task running on after it on the same line (RE008); a list that ends the
    line closes the item as before."""
    x = extract(HEAD.rsplit("\n", 1)[0] + "\n(一)围绕抓好“三件大事”、打赢“三大攻坚战”做好信息公开。制定发布城市设计导则以及核心区控制性详细规划、城市副中心规划、新城控制性详细规划"
                "等规划信息。(市规划国土委负责落实)推进支持雄安新区建设、加强京津冀产业对接协作、区域污染联防联控和教育、医疗、社保等基本公共服务合作等信息公开。(市发展改革委、市经济信息化委、市环保局、市教委、市卫生计生委、市人力社保局分别负责落实)\n")
    by_measure: dict[int, list[str]] = {}
    for position, m in x.responsible:
        by_measure.setdefault(position, []).append(m.written)
    assert sorted(by_measure.values()) == [["市发展改革委", "市经济信息化委", "市环保局", "市教委", "市卫生计生委", "市人力社保局"],
                                           ["市规划国土委"]]


# a unit in bare parentheses after each task (宁波's 2007 任务分解, 西安's 财税措施): a list where the document
# closes two tasks or more that way; once, after a news item's paragraph, it names the item's source (沙县 交通局)
NINGBO_TASKS = ("\n1.地区生产总值增长12%。\n全市生产总值达到3260亿元,增长12%。其中一产增加值1"
                "47亿元,增长5%;二产增加值1800亿元,增长12%;三产增加值1313亿元,增长13%"
                "。(市发改委)\n2.财政一般预算收入增长12%,其中市本级增长10%。\n全市财政一般预算收"
                "入623亿元,同口径比上年增长12%,其中市本级一般预算收入111.62亿元,同口径比上年"
                "增长10%。(市财政局)\n")
NEWS_PARAGRAPH = ("\n做好巡查整治。加大对重点场站运营和疫情防控举措落实情况巡查力度,强化事故易发路段等重点区"
                  "域巡查养护,今年来已开展各类执法检查32趟次,查处交通违法违规处罚案件7起,巡查列养农村公"
                  "路1032公里。做好运输服务。加大对客运从业人员教育培训,组织春运行车安全文明服务培训会3"
                  "场次,培训200余人次。(区交通运输局)\n")


@pytest.mark.parametrize("body,lists", [
    (NINGBO_TASKS, [["市发改委"], ["市财政局"]]),
    (NEWS_PARAGRAPH, []),
])
def test_a_unit_in_bare_parentheses_is_a_list_where_the_document_recurs_to_it(body, lists):
    x = extract(HEAD.rsplit("\n", 1)[0] + body)
    by_measure: dict[int, list[str]] = {}
    for position, m in x.responsible:
        by_measure.setdefault(position, []).append(m.written)
    assert list(by_measure.values()) == lists


@pytest.mark.parametrize("statement", [
    "（排在第一位的为牵头单位）",
    # 内江's 就业 意见 (a traditional mirror, folded) and 湖州's 责任分解: 列第一位者为…牵头单位
    "(市發展改革委、市經濟和信息化委、市財政局等負責,列第一位者為牽頭單位,下同)",
    "(列第一位者为工作牵头单位或汇总单位,下同)",
])
def test_the_document_s_statement_makes_the_first_unit_lead(statement):
    x = extract(HEAD.replace("\n", statement + "\n", 1)
                + "［市民政局、市财政局按职责分工负责，各区（市）县政府负责］\n")
    assert [(m.role, m.agency.name) for _, m in x.responsible] == [("lead", "成都市民政局"), ("support", "成都市财政局")]


def test_organs_stated_for_every_later_measure_carry_them():
    """以下各项工作均需各区、市政府负责落实，不再一一列出 (青岛 opinion): the
    collective carries the measures after the one that says so."""
    x = extract(HEAD.rsplit("\n", 1)[0] + "\n1.建立基本养老服务制度。"
                "(市民政局牵头,各区、市政府负责落实。以下各项工作均需各区、市政府负责落实,不再一一列出。)\n"
                "2.健全养老服务兜底保障制度。健全特困老年人救助供养制度。\n3.建立基本养老服务清单。逐步丰富发展服务项目。\n")
    carried = [p for p, c in x.collective if c.text == "各区、市政府"]
    measures = [m.position for m in x.measures if m.label.startswith(("1.", "2.", "3."))] if hasattr(
        x.measures[0], "label") else carried
    assert len(set(carried)) == 3, (carried, measures)


def test_lead_and_collective_in_the_graph(tmp_path):
    from kg.pipeline.build import build
    from kg.store.database import load_graph
    from kg.store.query import run_query
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(HEAD + "［市民政局、市财政局按职责分工负责，各区（市）县政府负责］\n", encoding="utf-8")
    build(corpus, tmp_path / "out", use_cache=False)
    store = load_graph(tmp_path / "out")
    leads = run_query(store, "SELECT ?n WHERE { ?m pol:leadAgency/skos:prefLabel ?n } ORDER BY ?n").rows
    all_ = run_query(store, "SELECT ?n WHERE { ?m pol:responsibleAgency/skos:prefLabel ?n } ORDER BY ?n").rows
    groups = run_query(store, """SELECT ?label ?level WHERE { ?m pol:collectiveResponsibility ?g .
        ?g a pol:CollectiveResponsibility ; skos:prefLabel ?label ; pol:level ?level }""").rows
    assert [str(r[0]) for r in leads] == ["成都市民政局", "成都市财政局"]     # the list does not say: both lead
    assert sorted(str(r[0]) for r in all_) == ["成都市民政局", "成都市财政局"]
    assert [(str(a), str(b).rsplit("/", 1)[-1]) for a, b in groups] == [("各区（市）县政府", "county")]


# --- regulations have provisions, not measures ---



def test_articles_of_a_regulation_are_provisions_without_definitions_commencement_and_penalties():
    x = extract("某市居家养老服务条例\n第一章 总则\n第一条 为了规范居家养老服务，根据有关法律，结合本市实际，制定本条例。\n"
                "第二条 本条例所称居家养老服务，是指以家庭为基础的养老服务。\n第三条 市民政部门主管本市居家养老服务工作。\n"
                "第四条 违反本条例规定，由民政部门责令改正，处一万元以上罚款。\n第五条 本条例自2024年1月1日起施行。\n")
    assert [(m.kind, m.ordinal) for m in x.measures] == [("provision", "第一条"), ("provision", "第三条")]


def test_items_of_an_opinion_stay_measures():
    x = extract(HEAD + "（责任单位：市民政局）\n（二）完善政策。加大支持力度。（责任单位：市财政局）\n")
    assert {m.kind for m in x.measures} == {"measure"}


# --- dictionaries check themselves: each row is read back from what it says ---

@pytest.mark.parametrize("row", read_tsv("organs.tsv"), ids=lambda r: r["key"])
def test_every_organ_is_read_back_from_its_full_names(row):
    from kg.lexicon.agencies import agency
    gaz = gazetteer()
    for code in ("370000", "371000", "371002", "500000"):     # a province, a city, a district, a municipality
        column = {"province": "province_name", "city": "city_name", "county": "county_name"}[gaz.get(code).level]
        if code == "500000":
            column = "municipality_name"
        if not row[column]:
            continue
        full = agency(row["key"], gaz.get(code)).name
        found = parse_agency(full)
        assert found is not None and found.key == row["key"] and found.area.code == code, (full, found)


@pytest.mark.parametrize("row", read_tsv("issuer_codes.tsv"), ids=lambda r: r["code"])
def test_every_listed_issuer_code_resolves_to_its_row(row):
    found = resolve_code(row["code"])
    assert found is not None and (found.agency.key, found.agency.area.code) == (row["organ"], row["area"])


@pytest.mark.parametrize("row", read_tsv("province_abbreviations.tsv"), ids=lambda r: r["abbreviation"])
def test_every_province_abbreviation_reads_its_government(row):
    found = resolve_code(row["abbreviation"] + "政发")
    assert found is not None and found.agency.area.code == row["code"] and found.agency.key == "government"


def test_an_agency_is_labelled_as_the_corpus_writes_its_full_name():
    """#30 item 4: 天津 writes 天津市住房和城乡建设委员会 in full in one document
    and 市住房城乡建设委 in another: the label is the written full name; a short
    name after the area (江苏省政府) never replaces the table's full one."""
    from kg.lexicon.agencies import parse_agency
    from kg.rdf.named_graphs import agency_label
    tianjin = parse_agency("市住房城乡建设委", area("120000"))
    assert agency_label(tianjin, {"市住房城乡建设委", "天津市住房和城乡建设委员会"}) == (
        "天津市住房和城乡建设委员会", "written")
    assert agency_label(tianjin, {"市住房城乡建设委"}) == (tianjin.name, "table")
    jiangsu = parse_agency("省政府", area("320000"))
    assert agency_label(jiangsu, {"江苏省政府", "省政府"}) == ("江苏省人民政府", "table")
    qingdao = parse_agency("青岛西海岸新区管委", area("370200"))
    if qingdao is not None:      # a short area name before the organ leaves no clean organ part
        assert agency_label(qingdao, {"青岛西海岸新区管委"})[1] == "table"


@pytest.mark.parametrize("written,context,label", [
    # a county that writes its water organ 水务局 (大竹 民生实事 table, wild RC001) has a 水务局, the
    # name the table gives a municipality's, not the 水利局 of a county's table row
    ("县水务局", "511724", ("大竹县水务局", "written")),
    # a 卫健委 written where the level's table has 卫生健康局: the 委员会 it abbreviates
    ("县卫健委", "341882", ("广德市卫生健康委员会", "table")),
    # a short form no table name abbreviates is kept after the area's name (广德's 教体局, wild HX022)
    ("市教体局", "341882", ("广德市教体局", "short-form")),
    # forms the table's name abbreviates keep the table's name
    ("县住建局", "511724", ("大竹县住房和城乡建设局", "table")),
    ("县政府办", "511724", ("大竹县人民政府办公室", "table")),
])
def test_a_short_form_the_table_does_not_abbreviate_names_the_organ(written, context, label):
    from kg.lexicon.agencies import parse_agency
    from kg.rdf.named_graphs import agency_label
    found = parse_agency(written, area(context))
    assert agency_label(found, {written}) == label


@pytest.mark.parametrize("written,area_name", [
    # since the 2018 reform a forestry bureau is often named 林业和草原局 (建水县's reply; 吉林省's, in
    # the wild set's pages; 甘南州's): the forestry organ of its area
    ("建水县林业和草原局", "建水县"),
    ("吉林省林业和草原局", "吉林省"),
    ("甘南州林业和草原局", "甘南藏族自治州"),
])
def test_a_forestry_and_grassland_bureau_is_the_forestry_organ(written, area_name):
    found = parse_agency(written)
    assert found is not None and (found.key, found.area.name) == ("forestry", area_name)


def test_a_reformed_organ_keeps_its_name_and_names_its_successor(tmp_path):
    """A 2016 document's 省卫生计生委 is the 卫生和计划生育委员会 of its time (黑龙江
    notice in shared/corpus-pages), not the 卫生健康委员会 that replaced it in
    2018; the graph links the two (#30 item 4)."""
    from kg.lexicon.agencies import parse_agency
    from kg.pipeline.build import build
    from kg.store.database import load_graph
    from kg.store.query import run_query
    assert parse_agency("省卫生计生委", area("230000")).name == "黑龙江省卫生和计划生育委员会"
    assert parse_agency("省卫健委", area("230000")).name == "黑龙江省卫生健康委员会"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("黑龙江省人民政府办公厅关于推进医疗卫生与养老服务相结合的实施意见\n黑政办发〔2016〕28号\n"
                                  "各市人民政府:\n一、加强合作。推动医养结合。（责任单位：省卫生计生委、省民政厅）\n",
                                  encoding="utf-8")
    build(corpus, tmp_path / "out", use_cache=False)
    rows = run_query(load_graph(tmp_path / "out"), """SELECT ?old ?new ?when WHERE {
        ?a pol:succeededBy ?b ; skos:prefLabel ?old ; pol:successionDate ?when . ?b skos:prefLabel ?new }""").rows
    assert [(str(a), str(b), str(c)) for a, b, c in rows] == [
        ("黑龙江省卫生和计划生育委员会", "黑龙江省卫生健康委员会", "2018-03-17")]


def test_a_successor_the_corpus_names_keeps_the_name_it_is_written_by(tmp_path):
    """东莞's 卫生和计划生育局 (its 2016 转发 notice) was succeeded by the
    卫生健康局 a 2021 公示 names: one node with one name, the written one,
    not also the table's 卫生健康委员会 (wild set JA038, HF020)."""
    from kg.pipeline.build import build
    from kg.store.database import load_graph
    from kg.store.query import run_query
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("各镇街(园区)卫生、计生行政管理部门,各医院、社区卫生服务中心,局直属各单位:\n"
                                  "现将省卫生计生委通告转发给你们,请周知。\n附件:东卫函〔2016〕94号.pdf\n粤卫通〔2016〕4号.pdf\n"
                                  "东莞市卫生和计划生育局2016年4月20日\n", encoding="utf-8")
    (corpus / "b.txt").write_text(
        "根据广东省卫生健康委下发的《关于开展2021年全国示范性老年友好型社区创建工作的通知》要求,经发动镇街申报、资料审核、"
        "召集东莞市卫生健康局、东莞市民政局、东莞市农业农村局专家评比后,拟推荐企石镇上洞村为全国示范性老年友好型社区。\n"
        "东莞市卫生健康局\n2021年4月20日\n", encoding="utf-8")
    build(corpus, tmp_path / "out", use_cache=False)
    rows = run_query(load_graph(tmp_path / "out"), """SELECT ?old ?new WHERE {
        ?a pol:succeededBy ?b ; skos:prefLabel ?old . ?b skos:prefLabel ?new }""").rows
    assert [(str(a), str(b)) for a, b in rows if str(a).startswith("东莞")] == [("东莞市卫生和计划生育局", "东莞市卫生健康局")]


@pytest.mark.parametrize("title,issuer,organ", [
    # price bureaus, an organ of every level until the 2018-2019 reforms (wild set HI016, HI018)
    ("大连市物价局关于中山区社会福利院自费养员收费标准的批复", "大连市物价局", "price"),
    ("汕头市物价局关于调整托养服务收费的复函", "汕头市物价局", "price"),
    # negatives: price work of a development and reform commission stays with it
    ("大连市发展和改革委员会关于养老机构收费的通知", "大连市发展和改革委员会", "development-reform"),
    ("汕头市发展改革委关于调整托养服务收费的复函", "汕头市发展和改革委员会", "development-reform"),
])
def test_an_organ_a_reform_merged_is_read_under_its_own_name(title, issuer, organ):
    """#30 item 4: an organ the 2018 reform merged into another (物价局 into
    发展和改革委员会) is read as itself, named as written, and linked to its successor."""
    from kg.extract.citations import issuers_of_title
    from kg.lexicon.agencies import successions
    found = issuers_of_title(title, None)
    assert [(a.name, a.key) for a in found] == [(issuer, organ)]
    if organ == "price":
        assert successions()["price"].successor == "development-reform"


@pytest.mark.parametrize("written,full,area_name", [
    # development zones and new areas that sign documents (wild set: 青岛, 重庆, 威海 pages)
    ("青岛西海岸新区民政局", "青岛西海岸新区民政局", "青岛西海岸新区"),
    ("重庆市万盛经开区财政局", "重庆市万盛经济技术开发区财政局", "万盛经济技术开发区"),
    ("威海临港区民政局", "威海临港经济技术开发区民政局", "威海临港经济技术开发区"),
    # a zone that became a GB/T 2260 district is that district
    ("无锡高新区(新吴区)民政局", "无锡市新吴区民政局", "新吴区"),
    # the organs zones and merged districts sign with (新吴区, 钱塘, 临港 signatures), and the
    # party's 社会工作部 (2023) that took over 民政's elderly-care work in several places
    ("无锡高新区(新吴区)民政和卫生健康局", "无锡市新吴区民政和卫生健康局", "新吴区"),
    ("杭州钱塘新区社会发展局", "杭州市钱塘区社会发展局", "钱塘区"),
    ("威海临港区社会工作部", "中国共产党威海临港经济技术开发区委员会社会工作部", "威海临港经济技术开发区"),
])
def test_development_zones_sign_as_areas_below_their_city(written, full, area_name):
    from kg.lexicon.agencies import parse_issuer
    found = parse_issuer(written, None)
    assert found is not None and (found.name, found.area.name) == (full, area_name)
    assert found.area.level == "county"


@pytest.mark.parametrize("written,full,area_name,level", [
    # new areas that sign or are addressed as governments of their own (临沂 公示 signature;
    # 贵州 consultation addressing 贵安新区管委会 beside the cities; 重庆 notice to 两江新区)
    ("临沂沂河新区社会发展局", "临沂沂河新区社会发展局", "临沂沂河新区", "county"),
    ("贵安新区管委会", "贵州贵安新区管委会", "贵州贵安新区", "city"),
    ("两江新区管委会", "重庆市两江新区管委会", "两江新区", "county"),
])
def test_new_areas_and_their_committees(written, full, area_name, level):
    from kg.lexicon.agencies import parse_issuer
    found = parse_issuer(written, None)
    assert found is not None and (found.name, found.area.name, found.area.level) == (full, area_name, level)


@pytest.mark.parametrize("written", ["临沂市管委会", "市管委会"])
def test_a_committee_needs_a_zone(written):
    from kg.lexicon.agencies import parse_issuer
    assert parse_issuer(written, None) is None


@pytest.mark.parametrize("written", ["兵团民政局", "新疆生产建设兵团民政局"])
def test_the_corps_is_a_province_level_area_with_bureaus(written):
    """新疆生产建设兵团 (兵团 pages of the wild set): outside GB/T 2260, of province
    level, its organs bureaus (民政局, not a province's 民政厅)."""
    from kg.lexicon.agencies import parse_issuer
    found = parse_issuer(written, None)
    assert (found.name, found.area.name, found.area.level) == ("新疆生产建设兵团民政局", "新疆生产建设兵团", "province")


@pytest.mark.parametrize("use,word,levels", [
    ("prefix", "市", ("city", "province")), ("prefix", "乡", ("township",)),
    ("own", "市", ("municipality", "city", "county")), ("collective", "县直", ("county",)),
])
def test_level_words_are_read_from_their_table(use, word, levels):
    """#36 item 5: the words that name levels are data (level_words.tsv), read
    by the one loader, in the file's order (the collective words are tried in it)."""
    from kg.datafiles import level_words
    assert level_words(use)[word] == levels
    assert list(level_words("collective"))[:3] == ["省直", "市直", "县直"]


@pytest.mark.parametrize("kind,inside,outside", [
    ("organ", "局", "镇"), ("collective", "管委会", "公司"), ("area", "旗", "镇"), ("order_organ", "政府令", "公告"),
])
def test_name_endings_are_read_from_their_table(kind, inside, outside):
    from kg.datafiles import name_endings
    assert inside in name_endings(kind) and outside not in name_endings(kind)


def test_every_township_lies_in_an_area_of_the_gazetteer():
    """townships.tsv (NBS 统计用区划代码) is read back through areas.tsv: each
    township's county (or county-less city) is a GB/T 2260 area, and its code
    starts with that area's."""
    gaz = gazetteer()
    rows = read_tsv("townships.tsv")
    assert len(rows) > 38000
    for row in rows:
        parent = gaz.get(row["county"])
        assert parent.level in ("county", "city"), row
        assert row["code"].startswith(row["county"].rstrip("0")[:4]), row
        assert row["name"].endswith(("镇", "乡", "街道")), row


@pytest.mark.parametrize("town,context,county", [
    ("三阳港镇", None, "桃源县"),             # one in the country
    ("常平镇", None, "东莞市"),               # a city with no counties holds its townships
    ("官庄镇", "411300", "宛城区"),           # ten in the country, one in 南阳市
    ("马桥镇", "310000", "闵行区"),           # seven, one in 上海市
])
def test_the_township_table_places_a_name(town, context, county):
    found = gazetteer().place_township(town, gazetteer().get(context) if context else None)
    assert found is not None and gazetteer().get(found.parent).name == county


@pytest.mark.parametrize("town,context", [
    ("城关镇", None), ("马桥镇", None), ("官庄镇", "410000"),   # shared, and the area does not choose
    ("百亩乡", None),                                         # not in the table (a 2022 name it lacks)
])
def test_the_township_table_does_not_guess(town, context):
    assert gazetteer().place_township(town, gazetteer().get(context) if context else None) is None
