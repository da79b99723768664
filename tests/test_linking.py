"""Typed links: implements (applies) and legal basis (based_on) from the
sentence that states a document's basis; reply letters implement nothing."""
from pathlib import Path

import pytest

from kg.read.cleaning import clean
from kg.extract.document import extract_mentions
from kg.models import SourceDocument


def _extracted(text: str):
    return extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8")))


def links(text: str):
    return [(c.relation, c.trigger, c.target.number or c.target.title) for c in _extracted(text).citations]


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
    # 制定如下 / 现制定以下 states it too (广东 银发经济 方案: 根据《…》工作部署,制定如下实施方案)
    ("根据《国务院办公厅关于发展银发经济增进老年人福祉的意见》工作部署,制定如下实施方案。",
     [("applies", "根据", "国务院办公厅关于发展银发经济增进老年人福祉的意见")]),
    # 根据 without a clause that states the document's own basis: a plain citation
    ("根据《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号），养老机构实行备案管理。",
     [("cites", None, "国办发〔2019〕5号")]),
    # 作为落实…: 落实 does not open the clause
    ("将养老护理员培训作为落实《山东省职业技能提升行动实施方案（2019—2021年）》（鲁政办发〔2019〕24号）的重要内容。",
     [("cites", None, "鲁政办发〔2019〕24号"), ("cites", None, "山东省职业技能提升行动实施方案（2019—2021年）"),
      ("promulgates", None, "山东省职业技能提升行动实施方案（2019—2021年）")]),
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
    # the list closed by 文件, then the act (泽库's fund 公告; 城厢 华亭镇's 拨付 notice)
    ("关于泽库县2023年第二批中央财政衔接推进乡村振兴补助资金分配计划的公告\n社会各界广大人民群众:\n"
     "根据青海省财政厅《关于下达2023年中央财政衔接推进乡村振兴补助资金的通知》(青财农字〔2023〕505号)、《关于继续支持脱贫县统筹整合"
     "使用财政涉农资金的通知》(青财农字〔2021〕1790号)文件,乡村振兴衔接补助资金围绕乡村产业发展、补齐必要的村内基础设施短板,"
     "将衔接资金用于能够促进农牧民发展产业增收和改善生产生活条件的项目。\n",
     [("applies", "根据", "青财农字〔2023〕505号"), ("applies", "根据", "青财农字〔2021〕1790号")]),
    ("根据《福建省财政厅 福建省农业农村厅关于下达2024年度省级财政衔接推进乡村振兴补助资金(整村推进资金)的通知》(闽财农指〔2024〕115号)、"
     "《关于印发<2024年度省级财政衔接推进乡村振兴补助资金和“机关+农村”结对共建村补助资金分配方案>的通知》(莆城委农办〔2025〕4号)文件,"
     "已安排补助华亭镇后塘村2024年度省级财政衔接推进乡村振兴补助资金(整村推进资金)20万元。\n",
     [("applies", "根据", "闽财农指〔2024〕115号"), ("applies", "根据", "莆城委农办〔2025〕4号")]),
])
def test_notices_that_act_on_their_basis(text, expected):
    assert [link for link in links(text) if link[0] in ("applies", "based_on")] == expected


@pytest.mark.parametrize("text,expected", [
    # an emergency plan lists its bases under 1.2编制依据 (民政部 template; 安徽 plan on the 宣城 portal):
    # laws and regulations are its legal basis, a plan it carries out
    ("养老机构突发事件应急预案\n1 总则\n1.1总体要求\n以习近平新时代中国特色社会主义思想为指导。\n\n    1.2编制依据\n\n"
     "    《中华人民共和国突发事件应对法》、《中华人民共和国消防法》、《生产安全事故应急条例》等法律法规。\n",
     [("based_on", "编制依据", "中华人民共和国突发事件应对法"), ("based_on", "编制依据", "中华人民共和国消防法"),
      ("based_on", "编制依据", "生产安全事故应急条例")]),
    ("安徽省养老机构突发事件应急预案\n1.2编制依据\n《中华人民共和国老年人权益保障法》、《国家突发公共事件总体应急预案》\n",
     [("based_on", "编制依据", "中华人民共和国老年人权益保障法"), ("applies", "编制依据", "国家突发公共事件总体应急预案")]),
    # the list opening with 依据 under the heading (兴城 预案); a numbered list, an item a line, each
    # with its order's number (庆阳 预案: 1.《…安全生产法》(中华人民共和国主席令第13号) / 2.《…》)
    ("兴城市突发水污染事件应急预案\n\n1.2编制依据\n\n依据《中华人民共和国环境保护法》《中华人民共和国水污染防治法》"
     "《国家突发环境事件应急预案》《葫芦岛市突发环境事件应急预案》等。\n",
     [("based_on", "编制依据", "中华人民共和国环境保护法"), ("based_on", "编制依据", "中华人民共和国水污染防治法"),
      ("applies", "编制依据", "国家突发环境事件应急预案"), ("applies", "编制依据", "葫芦岛市突发环境事件应急预案")]),
    ("庆阳市非煤矿山生产安全事故应急预案\n1.2 编制依据\n1.《中华人民共和国安全生产法》(中华人民共和国主席令第13号)\n"
     "2.《中华人民共和国突发事件应对法》(中华人民共和国主席令第69号)\n"
     "12.《甘肃省生产安全事故应急预案》(甘政办发〔2013〕172号)\n1.3 适用范围\n非煤矿山生产安全事故。\n",
     [("based_on", "编制依据", "中华人民共和国主席令第13号"), ("based_on", "编制依据", "中华人民共和国主席令第69号"),
      ("applies", "编制依据", "甘政办发〔2013〕172号")]),
    # a sentence under such a heading names its bases by its own trigger (巴彦淖尔 解读): the document
    # it speaks of (本《优待办法》) is no basis
    ("《巴彦淖尔市老年人优待办法》政策解读\n(二)制定依据\n本《优待办法》主要依据《中华人民共和国老年人权益保障法》"
     "《内蒙古自治区老年人权益保障条例》以及相关法律法规结合全市实际制定。\n",
     [("based_on", "依据", "中华人民共和国老年人权益保障法"), ("based_on", "依据", "内蒙古自治区老年人权益保障条例")]),
])
def test_a_list_under_the_heading_of_bases(text, expected):
    assert links(text) == expected


@pytest.mark.parametrize("text,expected", [
    # 关于印发《X》的通知（N）unquoted around the act: the notice N is what the text implements (宁波, 怀远 pages)
    ("关于开展老年人意外伤害保险工作的实施方案\n各区民政局:\n为增强老年群体意外风险抵御能力,根据浙江省民政厅等三部门关于印发"
     "《浙江省2025年为70周岁以上户籍老年人购买意外伤害保险工作的实施方案》的通知(浙民龄〔2025〕34号)和宁波市民政局等六部门"
     "《关于开展老年人意外伤害保险工作的实施意见》(甬民发〔2018〕145号)精神,制定本实施方案。",
     [("applies", "根据", "浙民龄〔2025〕34号"), ("applies", "根据", "甬民发〔2018〕145号")]),
    ("关于下拨低收入老年人居家养老补贴资金的通知\n各乡镇人民政府:\n为提升老年人幸福指数,根据《安徽省人民政府关于加快发展养老服务业的实施意见》"
     "(皖政〔2014〕60号)、关于印发《蚌埠市2021年33项民生工程实施办法(运行方案)》的通知(蚌民〔2021〕8号),经研究决定,同意下拨资金。",
     [("applies", "根据", "皖政〔2014〕60号"), ("applies", "根据", "蚌民〔2021〕8号")]),
    # the area whose document is cited stands before its quotes (海盐, 常山 pages)
    ("海盐县关于推进养老服务高质量发展的工作方案\n为认真贯彻嘉兴市《关于推进养老服务高质量发展的实施意见》,积极应对人口老龄化,特制订本方案。",
     [("applies", "为认真贯彻", "关于推进养老服务高质量发展的实施意见")]),
    ("关于印发常山县基本养老服务清单的通知\n各乡(镇)人民政府:\n为进一步完善我县的基本养老服务体系建设,全面贯彻落实浙江省人民政府办公厅"
     "《关于加快建设基本养老服务体系的实施意见》精神,现将清单印发给你们。",
     [("applies", "全面贯彻落实", "关于加快建设基本养老服务体系的实施意见")]),
    # 根据 after the purpose clause, the list closed by 要求 / 规定: the page's basis even past its first sentence (普陀, 绩溪 pages)
    ("关于征求规划意见的公告\n目前,区民政局正在进行规划的编制工作。为提高规划编制的科学性,根据《重大行政决策程序暂行条例》"
     "《上海市重大行政决策程序规定》等相关要求,现将规划全文公布。",
     [("based_on", "根据", "重大行政决策程序暂行条例"), ("based_on", "根据", "上海市重大行政决策程序规定")]),
    ("改革实施方案的起草说明\n一、起草背景\n敬老院是兜底保障的重要设施。为有序推进体制机制改革,根据《安徽省人民政府办公厅关于全面放开养老服务市场"
     "提升养老服务质量的实施意见》(皖政办〔2018〕1号)《安徽省推进基本养老服务体系建设实施方案》(皖政办〔2022〕15号)等相关政策规定,"
     "按照县政府要求起草了方案。",
     [("applies", "根据", "皖政办〔2018〕1号"), ("applies", "根据", "皖政办〔2022〕15号")]),
    # a standard's number in brackets is one mention of the list (兵团, 四川 pages)
    ("兵团养老机构评定等级公告\n根据《养老机构等级划分与评定》(GB/T 37276-2018)《民政部关于加快建立全国统一养老机构等级评定体系的指导意见》"
     "(民发〔2019〕137号)要求,经过初评,现予公告。",
     [("applies", "根据", "养老机构等级划分与评定"), ("applies", "根据", "民发〔2019〕137号")]),
    # a body paragraph that ends in a colon (…名单公布如下:) is no addressee line: the heading ends before it (十堰, 兵团 pages)
    ("关于2024年养老机构等级评定参评资格审核情况的公告\n日期: 2024-11-08 09:39:32\n来源: 十堰市民政局\n"
     "根据《省民政厅关于开展2024年度养老机构等级评定工作的通知》要求,全市共有65家养老机构自愿申报。经严格审查,共有56家符合参评条件。"
     "根据《湖北省养老机构等级评定管理办法》,现将符合参评资格条件的养老机构名单公布如下:\n",
     [("applies", "根据", "省民政厅关于开展2024年度养老机构等级评定工作的通知"),
      ("based_on", "根据", "湖北省养老机构等级评定管理办法")]),
    # the closing words in any order, a stray bracket among them (南陵 公示, 资阳 notice), and an organ
    # 等单位 before the last mention of the list (肇庆 notice)
    ("关于2020年计划生育特殊困难家庭老年护理补贴对象的公示\n根据《南陵县人民政府办公室关于印发南陵县关于调整完善计划生育利益导向机制"
     "实施意见的通知》(政办秘〔2020〕40号)文件的有关规定,对生活长期不能自理的老年人给予护理补贴。",
     [("applies", "根据", "政办秘〔2020〕40号")]),
    ("资阳市民政局 资阳市财政局关于调整全市80-89周岁老年人高龄津贴标准的通知\n根据《中共资阳市委办公室资阳市人民政府办公室关于印发"
     "(2022年全市10件民生实事实施方案>)的通知》资委办〔2022〕1号)文件要求,将全市高龄津贴标准统一调整为每人30元/月。",
     [("applies", "根据", "资委办〔2022〕1号")]),
    ("广东省肇庆市人民政府办公室关于进一步做好老年人优待服务工作的通知\n各县(市、区)人民政府:\n为弘扬尊老敬老的传统美德,根据"
     "《中华人民共和国老年人权益保障法》、《广东省老年人权益保障条例》和省老龄办等单位《关于进一步加强老年人优待工作的意见》"
     "(粤老龄办[2006]20号)精神,经市政府同意,现就进一步加强我市老年人优待服务工作通知如下:",
     [("based_on", "根据", "中华人民共和国老年人权益保障法"), ("based_on", "根据", "广东省老年人权益保障条例"),
      ("applies", "根据", "粤老龄办〔2006〕20号")]),
    # the organ before a mention may be a level's government or the Party centre (辽宁 方案, 广东 通知)
    ("辽宁省“敬老行动”实施方案\n为深入贯彻省政府《关于加快养老产业发展的意见》(辽政发[2004]19号),加快推进以养老为重点的社会福利"
     "社会化进程,省民政厅决定从今年开始用3年时间在全省开展“敬老行动”。结合民政部精神,制定本方案。",
     [("applies", "为深入贯彻", "辽政发〔2004〕19号")]),
    ("各地级以上市卫生健康局(委)、中医药局:\n为贯彻落实中共中央、国务院《关于加强新时代老龄工作的意见》(中发〔2021〕42号)和"
     "国家卫生健康委、国家中医药管理局《关于开展建设老年友善医疗机构工作的通知》(国卫老龄函〔2020〕457号)要求,在全省范围内"
     "持续推进老年友善医疗机构创建工作。现将有关事项通知如下:",
     [("applies", "为贯彻落实", "中发〔2021〕42号"), ("applies", "为贯彻落实", "国卫老龄函〔2020〕457号")]),
    # a guide to a quoted standard whose own brackets the page left off is one item of the list (昆山, 大连 公告)
    ("昆山市养老机构2023年等级评定结果公告\n根据《养老机构等级划分与评定》(GB/T37276-2018)、《养老机构等级划分与评定》"
     "国家标准实施指南(2023版)、《江苏省养老机构等级评定管理办法(试行)》以及《苏州市养老机构等级评定管理办法(试行)》,"
     "经各养老机构组织申报、专家现场评定等程序,共评出1家养老机构符合三级评定标准。现将等级评定结果公告如下:",
     [("applies", "根据", "养老机构等级划分与评定"), ("based_on", "根据", "江苏省养老机构等级评定管理办法(试行)"),
      ("based_on", "根据", "苏州市养老机构等级评定管理办法(试行)")]),
    ("2021年大连市养老机构等级评定结果公示\n按照《养老机构等级划分与评定》(GB/T 37276-2018)、《养老机构等级划分与评定》"
     "国家标准实施指南(试行)以及《大连市养老机构等级评定管理办法(试行)》要求,经自愿申报、审核等程序,现将通过本次评定的"
     "养老机构名单公示如下(共14家):",
     [("applies", "按照", "养老机构等级划分与评定"), ("based_on", "按照", "大连市养老机构等级评定管理办法(试行)")]),
    # a number whose year the page put in round brackets of its own is one mention of the list (东丰 方案, 莒南 公示)
    ("东丰县高龄老年人生活津贴工作方案\n为提高高龄老年人的生活质量,依据《吉林省人民政府办公厅关于印发吉林省为老年人办实事清单的通知》"
     "(吉政办发(2023)4号)和《关于调整全市老年人生活津贴的通知》(辽民联发〔2023〕5号)文件,经县政府同意,对全县80-89周岁老年人发放高龄补贴。",
     [("applies", "依据", "吉政办发〔2023〕4号"), ("applies", "依据", "辽民联发〔2023〕5号")]),
    ("莒南县养老服务业专项资金公示\n根据临沂市民政局 临沂市财政局关于印发《临沂市养老服务业专项资金补助项目实施方案》的通知"
     "(临民(2016)100号)、《关于规范和增加养老服务业发展资金补助项目的通知》(临民函[2020]116号)有关规定,经县民政局审核,"
     "现将专项资金项目予以公示。",
     [("applies", "根据", "临民〔2016〕100号"), ("applies", "根据", "临民函〔2020〕116号")]),
    # a line of page chrome between the title and the body (a stray "|") is not the body's opening sentence (乐清, 泸州 pages)
    ("关于乐清市养老机构消防安全标准化评定结果的通知\n|\n各养老机构: 为巩固养老机构消防安全专项整治成果,根据《浙江省民政厅 浙江省"
     "消防救援总队 关于印发<浙江省养老机构消防安全标准化管理规定(试行)>》(浙民养〔2021〕113号)要求,乐清市在全市养老机构中开展了"
     "消防安全标准化创建。",
     [("applies", "根据", "浙民养〔2021〕113号")]),
    ("泸州市高龄津贴补助资金下达\n|\n为提高我市高龄老人生活质量,根据《泸州市人民政府办公室关于建立高龄津贴制度的通知》"
     "(泸市府办发〔2016〕31号)要求,市财政下达补助资金。",
     [("applies", "根据", "泸市府办发〔2016〕31号")]),
    # negative: with the chrome line skipped, a later sentence of the body still states no basis
    ("关于乐清市养老机构消防安全标准化评定结果的通知\n|\n各养老机构: 近年来全市开展了消防安全专项整治。2024年7月,根据"
     "《温州市养老机构消防安全标准化管理评定细则(试行)》,对参评养老机构进行了实地验收。",
     []),
    # negative: a measure that tells others to act 根据《X》要求 states no basis of this document
    ("关于推进养老服务发展的实施意见\n各县区政府:\n一、加强设施建设。各县区要根据《城市居住区规划设计标准》要求,配建养老服务设施。",
     []),
    # negative: a page summary cut mid-title does not swallow the page into one sentence (江苏 page)
    ("江苏省政府关于全面放开养老服务市场的实施意见(苏政发〔2017〕121号)各市人民政府:《省政府关于加快发展养老服务业完善\n"
     "江苏省政府关于全面放开养老服务市场的实施意见\n各市人民政府:\n《省政府关于加快发展养老服务业完善养老服务体系的实施意见》"
     "(苏政发〔2014〕39号)出台后,服务体系进一步完善。为贯彻落实《国务院办公厅关于全面放开养老服务市场提升养老服务质量的若干意见》"
     "(国办发〔2016〕91号),现提出如下实施意见。",
     [("applies", "为贯彻落实", "国办发〔2016〕91号")]),
])
def test_basis_lists_as_pages_write_them(text, expected):
    assert [link for link in links(text) if link[0] in ("applies", "based_on")] == expected


def test_number_inside_the_quotes_and_a_lost_bracket_are_the_titles_own():
    """《…的通知（泉财指标〔202280号）》 (德化 page) and 《…》（浙民福〔201028号） (永嘉
    page): the number belongs to the title, its lost 〕 restored."""
    text = ("关于下达配套资金的报告\n县人民政府:\n根据《泉州市财政局 泉州市民政局关于下达2022年为民办实事项目市级补助资金的通知"
            "(泉财指标〔202280号)》《浙江省民政厅关于下达2010年养老服务体系建设项目任务的通知》(浙民福〔201028号)文件精神,现将资金下达。")
    assert [link for link in links(text) if link[0] == "applies"] == [
        ("applies", "根据", "泉财指标〔2022〕80号"), ("applies", "根据", "浙民福〔2010〕28号")]


def test_a_lost_bracket_of_an_unknown_code_outside_brackets_is_not_a_number():
    assert [link for link in links(HEAD + "攀共富办发〔202328号文件已收悉。") if link[2] and "攀共富" in link[2]] == []
    # a known code's (浙民福: the civil-affairs department's welfare division) is restored
    assert [link[2] for link in links(HEAD + "浙民福〔201028号文件已收悉。") if link[2] and "浙民福" in link[2]] == [
        "浙民福〔2010〕28号"]


@pytest.mark.parametrize("title,expected", [
    # a page whose own title says it carries out a quoted document (云南, 三门峡)
    ("云南省人民政府办公厅关于认真落实《云南省老年人权益保障条例》有关对老年人实行优待内容的通知",
     [("applies", "认真落实", "云南省老年人权益保障条例")]),
    ("三门峡市民政局关于落实《养老机构新型冠状病毒肺炎疫情防控指南(第一版)》的紧急通知",
     [("applies", "落实", "养老机构新型冠状病毒肺炎疫情防控指南(第一版)")]),
    # negatives: a notice that issues X, a reading of X
    ("辽宁省民政厅关于印发《辽宁省养老机构等级评定管理办法》的通知", []),
    ("关于《湖北省养老服务条例》的解读", []),
])
def test_a_title_that_says_it_carries_out_a_document(title, expected):
    found = [link for link in links(title + "\n各有关单位:\n现将有关事项通知如下。")
             if link[0] in ("applies", "based_on")]
    assert found == expected


@pytest.mark.parametrize("text,expected", [
    # a notice that passes a higher document on for its addressees to carry out (仙居, 渭滨)
    ("关于转发民政部关于切实做好中秋、国庆假期民政服务机构疫情防控安全防范工作的紧急通知\n各乡镇(街道):\n"
     "现将民政部《关于切实做好中秋、国庆假期民政服务机构疫情防控安全防范工作的通知》民电〔2021〕111号转发给你们,"
     "请按照通知精神要求,组织相关人员对辖区内的养老机构进行全面排查。", []),
    ("关于开展全市养老机构安全摸底排查工作的通知\n各养老机构:\n现将宝民发(2022)4号文件,宝鸡市民政局"
     "《关于开展全市养老机构安全摸底排查工作的通知》转发你们,请各养老机构高度重视,明确责任人。",
     [("applies", "转发", "宝民发〔2022〕4号")]),
    ("仙居县民政局关于做好中秋国庆期间养老机构安全工作的通知\n各乡镇(街道):\n"
     "现将民政部《关于切实做好中秋、国庆假期民政服务机构疫情防控安全防范工作的通知》民电〔2021〕111号转发给你们,"
     "请按照通知精神要求,组织相关人员对辖区内的养老机构进行全面排查。",
     [("applies", "转发", "民电〔2021〕111号")]),
    # negatives: a title that forwards says it already (内蒙古: 办公厅转发…的通知); a notice that issues its own act
    ("内蒙古自治区人民政府办公厅转发自治区卫生计生委等部门关于推进医疗卫生与养老服务相结合实施意见的通知\n"
     "各盟行政公署、市人民政府:\n经自治区人民政府同意,现将自治区卫生计生委、民政厅《关于推进医疗卫生与养老服务"
     "相结合的实施意见》转发给你们,请认真贯彻执行。", []),
    ("商丘市卫生健康委员会关于印发商丘市2023年老年健康宣传周活动实施方案的通知\n各县(市、区)卫生健康委:\n"
     "现将《商丘市2023年老年健康宣传周活动实施方案》印发给你们,请认真贯彻执行。", []),
])
def test_a_notice_that_forwards_a_document_to_be_carried_out(text, expected):
    assert [link for link in links(text) if link[0] in ("applies", "based_on")] == expected


def test_reply_letters_implement_nothing():
    text = ("关于市政协十六届一次会议第12号提案的答复\n威民提〔2021〕12号\n张某委员：\n"
            "为贯彻落实《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号）精神，现提出如下意见。")
    assert [r for r, _, _ in links(text)] == ["cites"]


@pytest.mark.parametrize("text,expected", [
    # 公告 / 公示 that state their basis in one sentence and act on it in the next (昆山, 宁波; wild HC009, HC010):
    # the rules (办法, 细则) they rest on are their legal basis
    ("根据《江苏省养老机构等级评定管理办法(试行)》以及《苏州市养老机构等级评定管理办法(试行)》,经各养老机构组织申报、"
     "专家现场评定等程序,共评出1家养老机构符合三级评定标准。现将等级评定结果公告如下:",
     ["based_on", "based_on"]),
    ("根据《浙江省养老机构等级评定管理办法》《浙江省养老机构等级评定工作实施细则》,经评定,6家养老机构被评为三星级。"
     "现将有关情况通报如下:", ["based_on", "based_on"]),
    # negative: a next sentence that does not act (it goes on describing)
    ("根据《浙江省养老机构等级评定管理办法》,养老机构实行等级评定。评定结果向社会公开。", ["cites"]),
])
def test_a_basis_acted_on_in_the_next_sentence(text, expected):
    assert [r for r, _, _ in links("宁波市民政局关于养老机构等级评定结果的公告\n" + text)] == expected


@pytest.mark.parametrize("text,expected", [
    # approvals (GB/T 9704 批复) decide on a basis of their own (乌审旗 发改委, 中山市 发改局; wild set HI006, HI009)
    ("乌审旗发展和改革委员会关于养老院床位费、护理费收费标准的批复\n乌发改发〔2025〕25号\n旗民政局:\n"
     "根据《国家发展改革委、民政部关于规范养老机构服务收费管理促进养老服务业健康发展的指导意见》《内蒙古自治区定价目录》"
     "等有关规定,结合我旗实际,经旗人民政府同意,现将收费标准通知如下:",
     ["applies", "applies"]),
    ("中山市发展和改革局关于港口镇敬老院收费标准的批复\n镇敬老院:\n"
     "根据《广东省定价目录(2022年版)》,结合我市实际,现批复如下:", ["applies"]),
    # negatives: an answer to a proposal explains others' documents (its 根据 is no basis of its own)
    ("关于市政协十六届一次会议第12号提案的答复\n张某委员：\n"
     "根据《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号），结合我市实际，制定了实施意见。", ["cites"]),
])
def test_an_approval_states_its_basis_an_answer_does_not(text, expected):
    assert [r for r, _, _ in links(text)] == expected


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


@pytest.mark.parametrize("text,expected", [
    # 制订 is 制定 (宁波 细则 on a forum; 海盐 方案, shared C45), its number wrapped inside the bracket's line
    ("宁波市长期护理保险试点实施细则\n根据《宁波市人民政府办公厅关于印发宁波市长期护理保险制度试点方案的通知》(\n"
     "甬政办发〔 〕115号,以下简称《试点方案》),制订本实施细则。",
     [("applies", "根据", "宁波市人民政府办公厅关于印发宁波市长期护理保险制度试点方案的通知")]),
    # a 公示 or 公告 that acts in the sentence of its basis (渭南, 夏河 portals)
    ("2023年度渭南市评定三星级养老机构公示公告\n根据《渭南市民政局关于做好全市养老机构星级评定工作的通知》(渭民发〔2023〕46号)"
     "要求,按照《陕西省养老机构星级评定办法》(陕民发〔2021〕55号),在全市范围内开展了三星级(含)以下养老机构评审工作,"
     "经机构自评、各县(市、区)民政部门审核推荐、专家实地评估等程序,拟评定渭南市景华医养院等18家养老机构为三星级机构,现予以公示",
     [("applies", "根据", "渭民发〔2023〕46号"), ("applies", "按照", "陕民发〔2021〕55号")]),
    # 现就…通告如下 / 公告如下 acts on the sentence's basis as 通知如下 does (开州 区政府's 通告; the wild
    # set's 中山 民政局 and 达孜 住建局 公告 close their basis sentences so)
    ("重庆市开州区人民政府\n关于加强汉丰湖国家级水利风景区保护区管理的通告\n为切实加强汉丰湖国家级水利风景区管理,保护汉丰湖水资源和"
     "生态环境,按照《中华人民共和国水污染防治法》《水利风景区管理办法》等法律法规的相关规定,现就加强汉丰湖国家级水利风景区保护区"
     "管理有关事项通告如下:\n",
     [("based_on", "按照", "中华人民共和国水污染防治法"), ("based_on", "按照", "水利风景区管理办法")]),
    # models the rules follow (参照《X》) after their bases are no bases (尼木 县政府's 工作规则; 阿里 行署's)
    ("尼木县人民政府工作规则\n第一章 总则\n第一条 根据《中华人民共和国宪法》《中华人民共和国地方各级人民代表大会和地方各级人民政府"
     "组织法》,参照《拉萨市人民政府工作规则》,结合实际,制定本规则。\n",
     [("based_on", "根据", "中华人民共和国宪法"), ("based_on", "根据", "中华人民共和国地方各级人民代表大会和地方各级人民政府组织法")]),
    # an organ that decides in the sentence of its basis (麻阳 县减灾委员会's 应急响应 notice)
    ("各乡镇(铜矿管理处)、县减灾委成员单位:\n我县已进入主汛期,最近24小时全县普降暴雨到大暴雨。按照《麻阳苗族自治县突发性地质灾害"
     "应急预案(试行)》,县减灾委员会决定于6月19日12时启动地质灾害三级应急响应。\n",
     [("applies", "按照", "麻阳苗族自治县突发性地质灾害应急预案(试行)")]),
    # the addressees share the line of the basis sentence (夏河 民政局's 公告)
    ("Copyright©2011-2016 版权所有:甘肃省甘南州夏河县人民政府 地址:甘肃省甘南州夏河县拉卜楞镇浪格塘046号\n"
     "投稿信箱:gnzdjg@126.com ICP备案:陇ICP备11000231号-1 网站标识码:6230270001\n"
     "甘公网安备:62302702270003 技术维护单位:博达软件\n时间:2024-02-23 作者: 点击数: |\n|\n"
     "全县广大居民朋友: 为进一步完善老年人权益,确保高龄津贴全面、及时、精准发放,切实保障老年人利益,根据《甘南州规范老年人"
     "高龄津贴发放工作方案》文件要求,全面落实老年人高龄津贴发放政策,现予以发布,根据有关事项明确如下: 一、发放对象\n",
     [("applies", "根据", "甘南州规范老年人高龄津贴发放工作方案")]),
    # 民政部等9部委《X》 in a list of bases (浑江区 奖补办法)
    ("白山市浑江区节地生态安葬奖补办法(试行)\n为进一步深化殡葬改革,根据国务院《殡葬管理条例》、民政部《关于全面推行惠民殡葬政策的"
     "指导意见》(民发〔2012〕211号)、民政部等9部委《关于推行节地生态安葬的指导意见》(民发〔2016〕21号)、民政部等16部委"
     "《关于进一步推动殡葬改革促进殡葬事业发展的指导意见》(民发〔2018〕5号)、《吉林省殡葬管理办法》、省民政厅等11部门"
     "《吉林省公益性安葬设施建设指导意见》(吉民发〔2021〕48号)等精神,结合我区实际,制定本办法(试行)。",
     [("based_on", "根据", "殡葬管理条例"), ("applies", "根据", "民发〔2012〕211号"), ("applies", "根据", "民发〔2016〕21号"),
      ("applies", "根据", "民发〔2018〕5号"), ("based_on", "根据", "吉林省殡葬管理办法"), ("applies", "根据", "吉民发〔2021〕48号")]),
    # 结合《X》(N)要求 states the basis too (甘肃 统计局's notice; 高平 马村镇's 结合《…规划》…精神); not
    # 结合我市实际，制定《Y》, which names the product (无锡's 规划, below)
    ("关于集中报批2022年统计年报和2023年定期统计报表制度的通知\n发布日期:2022-12-27 信息来源: 浏览次数:\n\n局机关各有关处、室、中心:\n\n"
     "为进一步做好我省2022年统计年报和2023年定期报表集中报批工作,结合《国家统计局关于印发2022年统计年报和2023年定期统计报表"
     "制度主要修订内容的通知》(国统字〔2022〕90号)要求,现将我省2022年统计年报和2023年定期报表制度报批要求通知如下。\n",
     [("applies", "结合", "国统字〔2022〕90号")]),
    ("无锡市老龄事业发展“十三五”规划\n为积极应对人口老龄化,加快我市老龄事业发展,根据《中华人民共和国老年人权益保障法》和"
     "《无锡市国民经济和社会发展第十三个五年规划纲要》,结合我市实际,制定《无锡市老龄事业发展“十三五”规划》。\n",
     [("based_on", "根据", "中华人民共和国老年人权益保障法"), ("applies", "根据", "无锡市国民经济和社会发展第十三个五年规划纲要")]),
    # an organ named 署 before its title in the list (审计署《X》: 六盘水's 暂行规定)
    ("六盘水市国家建设项目审计监督暂行规定\n第一条 为了加强对国家建设项目的审计监督,提高投资效益,根据《中华人民共和国审计法》、"
     "《中华人民共和国审计法实施条例》、审计署《政府投资项目审计管理办法》和《贵州省国家建设项目审计办法》等有关法律法规,"
     "结合本市实际,制定本规定。\n",
     [("based_on", "根据", "中华人民共和国审计法"), ("based_on", "根据", "中华人民共和国审计法实施条例"),
      ("based_on", "根据", "政府投资项目审计管理办法"), ("based_on", "根据", "贵州省国家建设项目审计办法")]),
    # a plan compiled on its basis: 依据《X》和《Y》编制 (福建's 科技创新 规划), 根据《X》编制 (昌都's 纲要)
    ("福建省人民政府办公厅关于印发福建省“十四五”科技创新发展专项规划的通知\n各市、县(区)人民政府:\n"
     "《福建省“十四五”科技创新发展专项规划》依据《福建省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》和"
     "《“十四五”国家科技创新规划》编制,主要明确“十四五”时期我省科技创新发展的总体思路。\n",
     [("applies", "依据", "福建省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"),
      ("applies", "依据", "“十四五”国家科技创新规划")]),
    ("昌都市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n昌都市国民经济和社会发展第十四个五年(2021-2025年)规划和"
     "二〇三五年远景目标纲要,根据《中共昌都市委员会关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》编制,"
     "全面贯彻党中央方针政策、区党委重要部署,主要阐明昌都市战略意图。\n",
     [("applies", "根据", "中共昌都市委员会关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议")]),
    # an annual disclosure report rests on the regulation its first sentence names, the sentence
    # that names the report itself (连生乡: 特向社会公布…报告; 西集镇: 编制本报告)
    ("依据《中华人民共和国政府信息公开条例》(以下简称《条例》)第五十条规定,特向社会公布2024年连生乡人民政府政府信息公开工作情况报告。"
     "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。\n一、总体情况\n",
     [("based_on", "依据", "中华人民共和国政府信息公开条例")]),
    ("北京市通州区西集镇人民政府2024年\n政府信息公开工作年度报告\n工作年度报\n依据《中华人民共和国政府信息公开条例》(以下简称《政府信息公开条例》)第五十条规定,"
     "编制本报告。\n一、总体情况\n",
     [("based_on", "依据", "中华人民共和国政府信息公开条例")]),
    # negative: a numbered item's heading before 根据 makes it a directive, not the document's basis
    ("关于推进养老服务发展的实施意见\n各县区政府:\n一、加强设施建设。\n(三)资金保障:根据《关于下达养老服务体系建设补助资金的通知》"
     "要求,各地统筹安排资金。", []),
])
def test_basis_sentences_as_the_genre_writes_them(text, expected):
    assert [link for link in links(text) if link[0] in ("applies", "based_on")] == expected


@pytest.mark.parametrize("text,expected", [
    # a 复函 that decides an organ's request states its basis like a 批复 (衡阳 市政府办公室: its attached
    # 制度 carries out the provincial opinion; 广州 发改委 on a mirror)
    ("衡阳市人民政府办公室\n关于同意建立衡阳市养老服务工作联席会议制度的复函\n衡政办函〔2021〕10号\n市民政局:\n"
     "你局《关于审定<关于建立衡阳市养老服务工作联席会议制度的通知>的请示》(衡民请 〔2021〕6号)收悉。经市人民政府同意,现函复如下:\n"
     "同意建立衡阳市养老服务工作联席会议制度。\n附件:衡阳市养老服务工作联席会议制度\n衡阳市人民政府办公室\n2021年5月20日\n"
     "衡阳市养老服务工作联席会议制度\n为贯彻落实省政府《湖南省人民政府办公厅关于推进养老服务高质量发展的实施意见》"
     "(湘政办发〔2020〕59号)精神,切实加强对全市养老服务工作的组织领导,强化部门协作配合。",
     [("applies", "为贯彻", "湘政办发〔2020〕59号")]),
    ("广州市发展改革委关于广州市老人院扩建工程一期床位费标准有关问题的复函\n市民政局:\n"
     "转来《广州市民政局关于商请核定广州市老人院扩建工程一期床位收费标准的函》(穗民函〔2022〕161号)收悉。"
     "根据《广州市发展改革委 广州市财政局 广州市民政局关于规范养老服务收费问题的通知》(穗发改规字〔2017〕7号)"
     "相关规定以及你局审核意见,经研究,现函复如下:",
     [("applies", "根据", "穗发改规字〔2017〕7号")]),
    # negative: a 复函 that answers a proposal explains others' documents
    ("关于市政协六届一次会议第0622号提案办理情况的复函\n张某委员:\n"
     "为贯彻落实《国务院办公厅关于推进养老服务发展的意见》(国办发〔2019〕5号)精神,我局制定了实施方案。", []),
])
def test_a_reply_letter_that_decides_a_request_states_its_basis(text, expected):
    assert [link for link in links(text) if link[0] in ("applies", "based_on")] == expected


@pytest.mark.parametrize("text,expected", [
    # a rule (规章: 办法, 细则) a document is made on is its legal basis, as a law is (合肥 殡葬管理办法 on
    # 安徽省殡葬管理办法; 辽宁 民政厅's 预收费 办法 on 民政部's 养老机构管理办法; 浙江 民政厅's 指引)
    ("合肥市殡葬管理办法\n第一条 为了加强殡葬管理,推进殡葬改革,根据国务院《殡葬管理条例》和《安徽省殡葬管理办法》,"
     "结合本市实际,制定本办法。",
     [("based_on", "根据", "殡葬管理条例"), ("based_on", "根据", "安徽省殡葬管理办法")]),
    ("辽宁省养老机构预收费监管办法\n第一条为规范养老机构预收费管理,依据《中华人民共和国老年人权益保障法》《防范和处置非法集资条例》"
     "《养老机构管理办法》《民政部 国家发展改革委 公安部 财政部 中国人民银行 市场监管总局 金融监管总局关于加强养老机构预收费监管的"
     "指导意见》(民发〔2024〕19号)等法律法规和文件规定,制定本办法。",
     [("based_on", "依据", "中华人民共和国老年人权益保障法"), ("based_on", "依据", "防范和处置非法集资条例"),
      ("based_on", "依据", "养老机构管理办法"), ("applies", "依据", "民发〔2024〕19号")]),
    ("浙江省慈善组织公开募捐管理指引\n第一条 为规范我省慈善募捐工作,根据《中华人民共和国慈善法》《浙江省实施〈中华人民共和国慈善法〉办法》"
     "以及民政部《慈善组织公开募捐管理办法》《慈善组织信息公开办法》等有关法律、行政法规的具体规定,制定本指引。",
     [("based_on", "根据", "中华人民共和国慈善法"), ("based_on", "根据", "浙江省实施〈中华人民共和国慈善法〉办法"),
      ("based_on", "根据", "慈善组织公开募捐管理办法"), ("based_on", "根据", "慈善组织信息公开办法")]),
    # negative: an opinion or plan the document is made on is carried out, not rested on (济南, 江苏 pages)
    ("关于深化市县同权改革的实施意见\n为推动改革向纵深发展,根据市委、市政府《关于争创营商环境创新改革示范区的实施意见》"
     "(济发〔2021〕9号)要求,结合我市实际,制定本意见。",
     [("applies", "根据", "济发〔2021〕9号")]),
])
def test_a_rule_made_on_another_rule_rests_on_it(text, expected):
    assert [(r, t, target) for r, t, target in links(text) if r in ("applies", "based_on")] == expected


@pytest.mark.parametrize("text,expected", [
    # a document decides in the sentence of its basis, no organ named before 决定 (金水区 准予决定;
    # 武汉 人社局's 通知; 合川 民政局's 公告)
    ("公民杜素蓉:\n你提交的《关于申请设立郑州市金水区兰诗幼儿园的请示》,本机关已于2017年4月5日受理。\n"
     "经评审,依据《中华人民共和国民办教育促进法》《中华人民共和国行政许可法》规定,决定准予你举办郑州市金水区兰诗幼儿园,"
     "实施学前教育。",
     [("based_on", "依据", "中华人民共和国民办教育促进法"), ("based_on", "依据", "中华人民共和国行政许可法")]),
    ("关于调整我市城乡居民基本养老保险基础养老金标准的通知\n为进一步保障和改善民生,使广大城乡居民共享经济社会发展成果,"
     "根据《市人民政府关于实施城乡居民社会养老保险制度的意见》(武政〔2011〕61号)有关精神,按照市政府统一部署,"
     "决定从2014年1月1日起,将我市城乡居民基本养老保险基础养老金标准由原每人每月120元调整为每人每月144元。",
     [("applies", "根据", "武政〔2011〕61号")]),
    # negative: a news item that reports the sentence of another document's basis (江门 新会区: 《通知》指出)
    ("点赞!江门市新会区获评为第一批全国医养结合示范区\n《通知》指出,根据《国家卫生健康委关于印发医养结合示范项目工作方案的通知》"
     "(国卫老龄发〔2022〕14号)和《国家卫生健康委办公厅关于开展第一批全国医养结合示范县(市、区)和示范机构创建工作的通知》"
     "(国卫办老龄函〔2022〕128号),经自评申报、省级推荐、专家评审,决定命名北京市海淀区等100个县(市、区)为全国医养结合示范县(市、区)。",
     []),
])
def test_a_decision_made_on_its_basis(text, expected):
    assert [(r, t, target) for r, t, target in links(text) if r in ("applies", "based_on")] == expected


@pytest.mark.parametrize("text,expected", [
    # a numbered basis heading run into the paragraph after a full stop, where the page lost its line
    # breaks (古美路街道 防汛防台 预案; 林芝 总体应急预案, whose list opens 根据有关法律、法规和《X》)
    ("关于印发《古美路街道防汛防台专项应急预案》(2022年版)的通知\n一、总则 1.编制目的 有效抗御台风、暴雨、高潮、洪水等灾害侵袭,"
     "保障社会经济持续稳定发展和城市安全运行。 2.编制依据 《中华人民共和国防洪法》、《中华人民共和国水法》、《上海市防汛条例》等法律、"
     "法规和《上海市防汛防台专项应急预案》、《上海市闵行区突发公共事件总体应急预案》等有关规定。 3.适用范围 本预案适用于发生在本街道的"
     "台风、暴雨、高潮、洪水等灾害侵袭。",
     [("based_on", "编制依据", "中华人民共和国防洪法"), ("based_on", "编制依据", "中华人民共和国水法"),
      ("based_on", "编制依据", "上海市防汛条例")]),
    ("林芝地区突发公共事件总体应急预案\n  当前,林芝地区正处于建设社会主义新农村的关键时期,意义重大而深远。 1.2 编制依据   "
     "根据有关法律、法规和《西藏自治区突发公共事件总体应急预案》,结合林芝地区实际,制定本预案。 1.3 工作原则 (1)以人为本。",
     [("applies", "根据", "西藏自治区突发公共事件总体应急预案")]),
    # a number closed by a dot (仙人桥镇 自然灾害救助应急预案: 1.2. 编制依据)
    ("抚松县仙人桥镇人民政府关于印发抚松县仙人桥镇自然灾害救助应急预案的通知\n1.2. 编制依据\n依据《中华人民共和国突发事件应对法》"
     "《中华人民共和国防洪法》《自然灾害救助条例》《国家自然灾害救助应急预案》《吉林省自然灾害救助应急预案》等法律法规和应急预案。\n"
     "1.3. 适用范围\n",
     [("based_on", "编制依据", "中华人民共和国突发事件应对法"), ("based_on", "编制依据", "中华人民共和国防洪法"),
      ("based_on", "编制依据", "自然灾害救助条例"), ("applies", "编制依据", "国家自然灾害救助应急预案"),
      ("applies", "编制依据", "吉林省自然灾害救助应急预案")]),
])
def test_a_basis_heading_run_into_the_paragraph(text, expected):
    assert [(r, t, target) for r, t, target in links(text) if r in ("applies", "based_on")] == expected


@pytest.mark.parametrize("text,expected", [
    # a decision that repeals rules by a list: each item's number, the first in the bracket after its
    # name, is a rule repealed (山东 省政府's decision, its list a line an item; 江西 省政府's, its items
    # run into one line under the heading 一、废止4件省政府规章, the 修正 orders after each 公布 one cited only)
    ("山东省人民政府关于废止《山东省信访规定》等3件省政府规章的决定\n依照《中华人民共和国行政许可法》等有关法律、法规以及行政审批"
     "制度改革要求,省政府对现行有效的省政府规章进行了清理。经过清理,省政府决定废\n一、山东省信访规定(省政府令第114号)。\n"
     "二、山东省安全生产监督管理规定(省政府令第141号)。\n三、山东省高等教育自学考试若干规定(鲁政发〔1983〕90号)。\n"
     "本决定自公布之日起施行。\n",
     [("repeals", "山东省信访规定"), ("repeals", "山东省人民政府令第114号"), ("repeals", "山东省人民政府令第141号"),
      ("repeals", "鲁政发〔1983〕90号")]),
    ("江西省人民政府关于废止4件和修改7件省政府规章的决定\n经清理,省政府决定:废止4件省政府规章,对7件省政府规章的部分条款予以修改。\n"
     "一、废止4件省政府规章 (一)江西省实施《退役士兵安置条例》办法(2016年12月8日江西省人民政府令第225号公布2019年11月28日"
     "江西省人民政府令第242号修正) (二)江西省长江河道采砂管理实施办法(2003年8月8日江西省人民政府令第121号公布2010年11月29日"
     "江西省人民政府令第186号第一次修正) 二、对7件省政府规章的部分条款予以修改 (一)江西省工资支",
     [("repeals", "江西省人民政府令第225号"), ("repeals", "江西省人民政府令第121号")]),
])
def test_a_decision_that_repeals_rules_by_a_list(text, expected):
    assert [(r, n) for r, _, n in links(text) if r in ("repeals", "amends")] == expected


def acted_on(text: str):
    """(relation, title, number) of what the page repeals or amends."""
    return [(c.relation.value, c.target.title, c.target.number) for c in _extracted(text).citations
            if c.relation in ("repeals", "amends")]


@pytest.mark.parametrize("text,expected", [
    # items after the closing quotation of the last item's new wording (…。”四、《X》…), each rule
    # with the order that made it, its year written before it (天津's decision of 2014, 津政令第7号)
    ('关于修改部分市政府规章的决定\n根据《中华人民共和国 的规定实施处罚。”四、《天津市电磁辐射环境保护管理办法》(2005年市人民政府令第96号)。\n删去第九条第二款。\n五、《天津市防止拆船污染环境管理实施办法》(1993年市人民政府令第7号)。\n将第七条第一款修改为:“拆船排放未经处理的洗舱水、压舱水和舱底水,须事先向监督拆船污染的主管部门提出申请,经批准后方可排放。”六、《天津市房地产抵押管理规定》(1997年市人民政府令第89号)。\n删去第十五条。\n',
     [("amends", "天津市电磁辐射环境保护管理办法", "天津市人民政府令〔2005〕96号"),
      ("amends", "天津市防止拆船污染环境管理实施办法", "天津市人民政府令〔1993〕7号"),
      ("amends", "天津市房地产抵押管理规定", "天津市人民政府令〔1997〕89号")]),
    # an item of an amending decision that names a rule without 《》, then its history in brackets: the
    # name and the number that published it, not the later amending orders (北京's decision of 13 rules)
    ("北京市人民政府关于修改《北京市机动车市场管理暂行规定》等13项规章部分条款的决定\n"
     "  北京市人民政府决定对《北京市机动车市场管理暂行规定》等13项规章的部分条款作如下修改:\n"
     "  一、北京市机动车市场管理暂行规定(1990年5月28日北京市人民政府第9号令发布,根据1997年12月31日北京市人民政府第12号令"
     "第一次修改,根据2007年11月23日北京市人民政府第200号令第二次修改)\n  1.删去第八条。\n",
     [("amends", "北京市机动车市场管理暂行规定", None), ("amends", "北京市机动车市场管理暂行规定", None),
      ("amends", "北京市机动车市场管理暂行规定", "北京市人民政府令第9号")]),
    # a list item that amends the rule it names first (广西's 附件2; 甘肃 人大's 在/将《X》第七条…)
    ("广西壮族自治区人民政府关于废止和修改部分政府规章的决定\n附件2\n\n自治区人民政府决定修改的政府规章\n\n"
     "一、对《广西壮族自治区防御雷电灾害管理办法》作出修改\n\n(一)删去第四条第三款、第八条、第九条、第十二条。\n",
     [("amends", "广西壮族自治区防御雷电灾害管理办法", None)]),
    ("甘肃省人民代表大会常务委员会关于修改部分地方性法规的决定\n甘肃省第十一届人民代表大会常务委员会第十七次会议决定,修改下列地方性法规:\n"
     "一、对下列明显不适应经济社会发展要求和我省实际的法规进行修改\n1.在《甘肃省农村能源建设管理条例》第七条中增加一项作为第六项。\n"
     "第九条修改为:“各级人民政府应当发挥本地优势。”\n2.将《甘肃省气象条例》第七条 项修改为:“为地方经济建设和防灾减灾服务设置的气象机构。”\n",
     [("amends", "甘肃省农村能源建设管理条例", None), ("amends", "甘肃省气象条例", None)]),
    # a decision's sentence that amends the rule it names (西藏 人大; 株洲's, the rule with its order)
    ("2005年7月29日\n\n自治区八届人大常委会第十九次会议决定对《西藏自治区人民代表大会常务委员会议事规则》作如下修改:\n\n"
     "1、第三条中的“使用藏语言文字和国家通用语言文字。”一句修改为:“使用藏语言文字和国家通用语言文字,或者其中一种语言文字。”\n",
     [("amends", "西藏自治区人民代表大会常务委员会议事规则", None)]),
    ("京公网安备\n11010502035627号\n株洲市人民政府决定对《株洲市城市户外广告设置管理办法》(株洲市人民政府令第4号)修改如下:\n"
     "一、将第十二条第一款修改为“在市政公用设施上设置户外广告的,应当由城市管理部门出让其使用权”。\n二、删除第三十一条。\n",
     [("amends", "株洲市城市户外广告设置管理办法", "株洲市人民政府令第4号")]),
    # a list under the sentence that introduces it, a rule an item with its history (常州's decision)
    ("为维护法治统一,及时清理与改革决策和经济社会发展不相适应的市政府规章,市政府决定对以下2件市政府规章予以废止:\n"
     "一、《常州市城市市容管理办法》(2016年12月1日常州市人民政府令第2号发布)\n"
     "二、《常州市生活垃圾分类管理办法》(2018年11月23日常州市人民政府令第8号发布)\n本决定自公布之日起施行。\n",
     [("repeals", "常州市城市市容管理办法", "常州市人民政府令第2号"), ("repeals", "常州市生活垃圾分类管理办法", "常州市人民政府令第8号")]),
    # the act the own title repeals, named in the body with the number that published it (上海's decision)
    ("上海市人民政府关于废止《上海市一次性塑料饭盒管理暂行办法》的决定\n经研究,市人民政府决定废止《上海市一次性塑料饭盒管理暂行办法》"
     "(2000年6月14日上海市人民政府令第84号公布,根据2010年12月20日上海市人民政府令第52号公布的决定修正)。\n本决定自公布之日起生效。\n",
     [("repeals", "上海市一次性塑料饭盒管理暂行办法", None),
      ("repeals", "上海市一次性塑料饭盒管理暂行办法", "上海市人民政府令第84号")]),
    # a decision that amends some rules and, in the same sentence, repeals another (安徽 人大常委会, 2018)
    ("核心提示: 为了保证法律、行政法规在我省的遵守和执行,维护社会主义法制统一,实现立法和改革决策相衔接,安徽省人民代表大会常务委员会决定对"
     "《安徽省邮政条例》等十四部地方性法规作出修改,并废止《安徽省著名商标认定和保护条例》。\n",
     [("amends", "安徽省邮政条例", None), ("repeals", "安徽省著名商标认定和保护条例", None)]),
    # a list whose items name the rules alone, in no 《》 and with no number, under headings that say what is
    # done (南昌 人大常委会; 上海 市政府令第24号); an item that opens with 关于《X》 over its changes (天津)
    ("南昌市人民代表大会常务委员会关于废止3件和修改7件地方性法规的决定\n(2023年6月30日南昌市第十六届人民代表大会常务委员会"
     "第十五次会议通过 2023年9月27日江西省第十四届人民代表大会常务委员会第四次会议批准)\n南昌市第十六届人民代表大会常务委员会"
     "第十五次会议决定:\n一、废止3件地方性法规\n(一)南昌市国有企业法定代表人任期经济责任审计条例\n(二)南昌市娱乐场所治安管理条例\n"
     "(三)南昌市安全生产条例\n二、修改7件地方性法规\n(一)南昌市人民代表大会议事规则\n",
     [("repeals", "南昌市国有企业法定代表人任期经济责任审计条例", None), ("repeals", "南昌市娱乐场所治安管理条例", None),
      ("repeals", "南昌市安全生产条例", None), ("amends", "南昌市人民代表大会议事规则", None)]),
    ("上海市人民政府关于修改和废止部分市政府规章的决定\n\n(2025年12月29日上海市人民政府令第24号公布 自2026年3月1日起施行)\n\n"
     "  经研究,市政府决定,对下列市政府规章予以修改、废止:\n\n  一、对下列政府规章的部分条款予以修改\n\n"
     "  (一)上海市公共法律服务办法\n\n",
     [("amends", "上海市公共法律服务办法", None)]),
    ("天津市人民政府关于修改和废止部分规章的决定\n一、对17部规章的部分条款予以修改\n(一)关于《天津市防止拆船污染环境管理实施办法》\n"
     "1.将第三条、第五条、第六条中的“环境保护行政主管部门”修改为“生态环境主管部门”。\n",
     [("amends", "天津市防止拆船污染环境管理实施办法", None)]),
    # negative: the attachments a decision lists are no rules it acts on (长春's 附件:1. …文件 / 2. …目录)
    ("长春市人民政府关于修改和废止部分行政规范性文件的决定\n长府规〔2022〕2号\n\n  附件:1. 长春市人民政府决定修改的行政规范性文件\n\n"
     "     2. 长春市人民政府决定废止的行政规范性文件目录\n\n     3. 长春市人民政府现行有效的行政规范性文件目录\n\n"
     "  长春市人民政府\n\n  2022年11月21日\n", []),
    # negatives: a reply that will amend a rule, and a news item's 对《X》 of another act, amend nothing
    ("关于市政协十三届二次会议第201号提案的答复\n我局将对《株洲市城市户外广告设置管理办法》作出修改,进一步规范管理。\n", []),
    ("市人大常委会对《株洲市城市户外广告设置管理办法》开展执法检查\n近日,市人大常委会对《株洲市城市户外广告设置管理办法》贯彻实施情况开展执法检查。\n", []),
])
def test_a_decision_amends_or_repeals_the_rules_it_names(text, expected):
    assert sorted(acted_on(text), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text,expected", [
    # an order named by its government's level is that level's government's over the citing page's area
    # (贺州's 实施细则 citing 自治区人民政府令第62号; 山东's repeal list, 省政府令第114号, above)
    ("贺州市农村五保供养实施细则\n第一条 为进一步做好农村五保供养工作,根据《农村五保供养工作条例》(国务院令第456号)和"
     "《广西壮族自治区实施﹤农村五保供养工作条例﹥办法》(自治区人民政府令第62号),结合我市实际,特制定本实施细则。\n",
     ["国务院令第456号", "广西壮族自治区人民政府令第62号"]),
    # the year written before it stays where that government numbers within each year (黑龙江's decision
    # repealing its rules: three rules are 第4号 of 1989, 2010 and 2013; its 2007 劳动模范 notice)
    ("黑龙江省人民政府关于废止和修改部分省政府规章的决定\n一、废止9部省政府规章\n"
     "(一)《黑龙江省乡镇船舶和渡口安全管理办法》(1989年省政府令第4号,1998年省政府令第11号修正)。\n"
     "(五)《黑龙江省相对集中行政处罚权规定》(2010年省政府令第4号)\n",
     ["黑龙江省人民政府令〔1989〕4号", "黑龙江省人民政府令〔1998〕11号", "黑龙江省人民政府令〔2010〕4号"]),
    ("黑龙江省人民政府关于召开省第十届劳动模范表彰大会的通知\n根据《黑龙江省劳动模范评选和管理规定》(1998年省政府令第19号)的有关规定,"
     "省委、省政府决定召开省第十届劳动模范表彰大会。\n", ["黑龙江省人民政府令〔1998〕19号"]),
    # 天津 numbers its orders within each government's term: the 2014 decision (津政令第7号) amends the
    # 1993 第7号, which the year written with it tells apart (2005's 第96号 after 1998's 第126号; 2020's 第20号)
    ("关于修改部分市政府规章的决定\n四、《天津市电磁辐射环境保护管理办法》(2005年市人民政府令第96号)。\n删去第九条第二款。\n"
     "五、《天津市防止拆船污染环境管理实施办法》(1993年市人民政府令第7号)。\n",
     ["天津市人民政府令〔2005〕96号", "天津市人民政府令〔1993〕7号"]),
    # negative: an order named in full keeps its organ
    ("贺州市农村五保供养实施细则\n第一条 根据《农村五保供养工作条例》(国务院令第456号),特制定本实施细则。\n", ["国务院令第456号"]),
])
def test_an_order_named_by_its_level_is_of_that_level_s_government(text, expected):
    assert [n for _, _, n in links(text) if n and "令" in n] == expected
