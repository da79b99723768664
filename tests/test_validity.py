"""When a document is in force (#32, part): entry into force, expiry and
provisional status from the clauses that say so (kg/extract/validity.py,
kg/data/validity_clauses.tsv). Clauses are real ones: the national law and
provincial regulations of shared/corpus-extra, pages of the wild set and
the common forms of 办法 and 通知."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.extract.document import extract_mentions
from kg.models import SourceDocument
from kg.relations import Relation
from kg.read.cleaning import clean
from conftest import select


def validity(text: str) -> dict:
    x = extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8")))
    return {f.name: f.value for f in x.facts if f.name in ("entry_into_force", "expiry", "provisional")}


@pytest.mark.parametrize("text,expected", [
    # a date of entry into force (the law, Shandong's and Liaoning's regulations)
    ("中华人民共和国老年人权益保障法\n第一条 为了保障老年人合法权益,制定本法。\n第八十五条 本法自2013年7月1日起施行。\n",
     {"entry_into_force": date(2013, 7, 1)}),
    ("辽宁省老年人权益保障条例\n第一条 为了保障老年人的合法权益,制定本条例。\n第六十条 本条例自2008年10月1日起实施。\n",
     {"entry_into_force": date(2008, 10, 1)}),
    # from the document's own date, with a term of years (counted from its entry into force)
    ("威海市环翠区人民政府办公室关于印发养老服务补贴办法的通知\n威环政办发〔2022〕3号\n各镇人民政府:\n"
     "现将《养老服务补贴办法》印发给你们。本通知自印发之日起施行,有效期5年。\n威海市环翠区人民政府办公室\n2022年3月1日\n",
     {"entry_into_force": date(2022, 3, 1), "expiry": date(2027, 2, 28)}),
    # an explicit end
    ("温州市养老服务补贴管理办法\n温政发〔2020〕3号\n各县(市、区)人民政府:\n第一条 为了规范补贴。\n"
     "第二十条 本办法自2021年1月1日起施行,有效期至2025年12月31日。\n",
     {"entry_into_force": date(2021, 1, 1), "expiry": date(2025, 12, 31)}),
    # provisional by its own title
    ("上海市保基本养老床位统筹及轮候管理办法(试行)\n沪民规〔2023〕5号\n各区民政局:\n第一条 为了统筹床位。\n",
     {"provisional": True}),
    # …暂行管理办法 (上思 县's 涉农资金 办法)
    ("统筹整合使用财政涉农资金暂行管理办法\n第一章 总 则\n第一条 为了加强涉农资金管理,加大统筹使用力度,提高资金使用效益,"
     "确保财政专项资金有序统筹、有章可循,确保全县打造“脱贫攻坚先行区”目标的实现,\n", {"provisional": True}),
    # the same title run into its first chapter on an aggregator's summary line above it is the title all the same
    ("统筹整合使用财政涉农资金暂行管理办法第一章总则第一条 为了加强涉农资金管理,加大统筹使用力度,提高资金使用效益,确保财政专项"
     "资金有序统筹、有章可循,确保全县打造“脱贫攻坚先行区”目标的实现,根下面是小编为大家整理的【财政办法】上思县统筹整合使用财政"
     "涉农资金暂行管理办法,供大家参考。\n统筹整合使用财政涉农资金暂行管理办法\n第一章 总 则\n", {"provisional": True}),
    # the legislature's announcement or the order above a regulation gives its date (南京 公告, 天津 政府令)
    ("南京市人民代表大会常务委员会公告(第25号)\n《南京市养老服务条例》已由南京市第十六届人民代表大会常务委员会第十九次会议"
     "于2019年12月27日通过。现予公布,自2020年7月1日起施行。\n南京市养老服务条例\n第一条 为了发展养老服务,制定本条例。\n",
     {"entry_into_force": date(2020, 7, 1)}),
    ("天津市人民政府令\n(第110号)\n《天津市养老机构管理办法》已于2007年1月8日经市人民政府第84次常务会议通过,现予公布,"
     "自2007年3月1日起施行。\n天津市养老机构管理办法\n第一条 为促进养老机构的发展,制定本办法。\n",
     {"entry_into_force": date(2007, 3, 1)}),
    # a history note that dates the order and says the rule came into force on publication (广西's and 海南's
    # decisions amending their rules); not an amending decision's (安徽's 乡镇敬老院管理办法: …自公布之日起施行的《…决定》)
    ("(2004年6月29日广西壮族自治区人民政府令第7号公布 自公布之日起施行)\n全文\n为了适应《中华人民共和国行政许可法》的贯彻实施,"
     "深化行政审批制度改革,推动政府职能转变和管理创新。\n",
     {"entry_into_force": date(2004, 6, 29)}),
    ("海南省人民政府关于修改《海南省城市市容和环境卫生管理办法》等30件规章的决定\n\n"
     "2004年2月16日海南省人民政府第30次常务会议审议通过  2004年2月26日海南省人民政府令第171号公布  自公布之日起施行)\n\n"
     "    为了贯彻实施《中华人民共和国行政许可法》,省人民政府决定修改下列30件规章:\n", {"entry_into_force": date(2004, 2, 26)}),
    ("安徽省乡镇敬老院管理办法\n(1992年1月2日安徽省人民政府第二次常务会议通过 1992年2月16日安徽省人民政府令第30号发布 "
     "根据2004年6月21日安徽省人民政府第14次常务会议审议通过 2004年8月10日安徽省人民政府令第175号公布 "
     "自公布之日起施行的《安徽省人民政府关于修改〈安徽省森林植物检疫实施办法〉等规章的决定》第二次修正)\n第一条 为加强乡镇敬老院管理,制定本办法。\n",
     {}),
    # a law database's 1970 for a date it lacks (法宝's record of the 1998 decision) is no entry into force
    ("【颁发部门】 全国人民代表大会\n【发文字号】\n【颁发时间】 1970-08-20\n【实施时间】 1970-08-20\n【效力属性】 有效\n"
     "第九届全国人民代表大会第一次会议听取了国务委员兼国务院秘书长罗干关于国务院机构改革方案的说明。\n", {}),
    # a standard adjusted from a day the government consented to or a meeting decided (上海 民政局's 五保 notice;
    # 湖南 人社厅's 基础养老金 notice)
    ("上海市民政局等关于调整本市农村五保供养标准的通知 |\n各有关区县人民政府:\n"
     "经市政府同意,自2010年4月1日起,调整本市农村五保供养标准,现将有关事项通知如下:\n一、供养标准\n", {"entry_into_force": date(2010, 4, 1)}),
    ("湖南省财政厅关于调整我省城乡居民基本养老保险基础养老金最低标准的通知\n\n  湘人社发〔2014〕37号\n\n各市州、县市区人民政府:\n"
     "  为进一步推进我省城乡居民基本养老保险制度可持续发展,根据湖南省人民政府2014年第30次常务会议精神,从2014年7月1日起,"
     "调整我省城乡居民基本养老保险基础养老金最低标准。现将有关事项通知如下:\n", {"entry_into_force": date(2014, 7, 1)}),
    # a policy the organs decided to carry out from a day (财政部's notice with 发展改革委 and 工业和信息化部)
    ("  为推进节能减排,促进大气污染治理,报经国务院批准同意,财政部、发展改革委、工业和信息化部决定从2013年10月1日起,"
     "实施1.6升及以下节能环保汽车(乘用车,下同)推广政策。现将有关事项通知如下:\n", {"entry_into_force": date(2013, 10, 1)}),
    # a number of days after the order that promulgates it is signed (太原's 令第44号 on a law site; 甘肃's
    # decision, 令第153号, whose portal posted it a week after it was signed)
    ("太原市产权交易管理办法\n\n第44号\n\n\n《太原市产权交易管理办法》已经2004年7月1日市人民政府第14次常务会议通过,"
     "现予发布,自公布之日起三十日后施行。\n\n\n市长 李荣怀\n\n二○○四年七月二十一日\n", {"entry_into_force": date(2004, 8, 20)}),
    ("甘肃省人民政府关于修改《甘肃省城市市容和环境卫生管理办法》等5件政府规章的决定\n  • 时间:2019-12-31\n  • 点击:9\n"
     "  • 来源:省政府办公厅\n\n第153号\n\n \n\n  《甘肃省人民政府关于修改〈甘肃省城市市容和环境卫生管理办法〉等5件政府规章的决定》"
     "已经2019年12月16日十三届省政府第74次常务会议审议通过,本决定自公布之日起30日后实施。\n\n"
     "                         省  长  唐仁健  \n\n                          2019年12月23日\n", {"entry_into_force": date(2020, 1, 22)}),
    # its date set apart by spaces, as 武汉's gazette prints numbers (a law site's copy of its 令)
    ("武汉市信息管网管理办法\n《武汉市信息管网管理办法》已经 2006 年 6 月 19 日市人民政府第 41 次常务会议审议通过,现予公布,"
     "自 2006 年 9 月 1 日起施行。\n武汉市信息管网管理办法\n第一条 为加强信息管网管理,制定本办法。\n",
     {"entry_into_force": date(2006, 9, 1)}),
    # a portal's 实施日期 where the text states none (a law database's page; 商丘 portal's 生效日期)
    ("海南省长期护理保险管理办法(试行)\n\n发布日期\n\n2025-12-16\n\n实施日期\n\n2026-01-01\n\n正文内容\n\n"
     "第一条 为了建立长期护理保险制度,制定本办法。\n", {"entry_into_force": date(2026, 1, 1), "provisional": True}),
    # the field's date without its 日 (山西 省政府's 实施方案 on a law site), or before the comma of the
    # next label (黑龙江 办公厅's 评选 notice on a policy database)
    ("发文机关:山西省人民政府\n发布日期:2018年03月27\n生效日期:2018年03月27\n时效性 :现行有效\n文号 :晋政发〔2018〕13号\n"
     "山西省人民政府关于印发山西省重点群体增收实施方案的通知\n各市、县人民政府:\n现将《山西省重点群体增收实施方案》印发给你们。\n",
     {"entry_into_force": date(2018, 3, 27)}),
    ("政策法规详细信息\n黑龙江省人民政府办公厅关于做好省第十届劳动模范集体和劳动模范评选工作的通知 | |\n通知;规范性文件 | |\n"
     "黑龙江省人民政府 | |\n实施日期:2007-01-29,发布日期:2007-01-29 | |\n来源: 黑龙江省人民政府网站 |\n【 摘 要 】\n"
     "大兴安岭地区行政公署,各市(不含县级市)人民政府,省政府各直属单位: 为表彰先进集体和先进个人,省委、省政府决定召开省第十届劳动模范表彰大会。\n",
     {"entry_into_force": date(2007, 1, 29)}),
    # the announcement's two sentences (四川 公告 as an encyclopedia quotes it)
    ("四川省老年人权益保障条例\n《四川省老年人权益保障条例》已由四川省第十三届人民代表大会常务委员会第五次会议于2018年7月26日"
     "修订通过,现予公布。自2018年10月1日起施行。\n第一条 为了保障老年人合法权益,制定本条例。\n",
     {"entry_into_force": date(2018, 10, 1)}),
    # 实行 and a date in Chinese numerals (国务院 1957 暂行规定; 2008 条例 of 浙江 set the same way)
    ("关于国家机关工作人员福利费掌管使用的暂行规定\n七、本规定自一九五七年六月一日起实行。\n",
     {"entry_into_force": date(1957, 6, 1), "provisional": True}),
    # a regulation set as Markdown with its history one event a line (LawRefBook/Laws, 行政法规):
    # 自公布之日起施行 is the day the order published it
    ("# 城市生活无着的流浪乞讨人员救助管理办法\n\n2003年6月20日 中华人民共和国国务院令第381号公布\n\n<!-- INFO END -->\n\n"
     "第一条 为了对在城市生活无着的流浪、乞讨人员实行救助，制定本办法。\n第十八条 本办法自2003年8月1日起施行。\n",
     {"entry_into_force": date(2003, 8, 1)}),
    ("# 企业职工带薪年休假实施办法\n\n2008年7月17日 经人力资源和社会保障部第6次部务会议通过\n\n<!-- INFO END -->\n\n"
     "第一条 为了实施《职工带薪年休假条例》，制定本实施办法。\n第十九条 本办法自发布之日起施行\n", {}),
    ("# 社会救助暂行办法\n\n2014年2月21日 中华人民共和国国务院令第649号公布\n\n<!-- INFO END -->\n\n"
     "第一条 为了加强社会救助，保障公民的基本生活，制定本办法。\n第七十条 本办法自公布之日起施行。\n",
     {"entry_into_force": date(2014, 2, 21), "provisional": True}),
    # a notice that adjusts a standard is in force when the new standard applies (高碑店 notice, whose
    # copy lost the 年 and 月 of its date; 天津 民政局 and 财政局's notice; 九龙坡 区's 五保 notice)
    ("关于提高农村低保和特困人员供养标准的通知\n各乡镇人民政府:\n二、新标准执行时间\n调整后的标准202271日开始执行。\n",
     {"entry_into_force": date(2022, 7, 1)}),
    ("各区民政局、财政局:\n经市人民政府同意,决定从2017年4月1日起,调整我市居家养老服务(护理)补贴标准,现将有关事项通知如下:\n",
     {"entry_into_force": date(2017, 4, 1)}),
    ("重庆市九龙坡区人民政府办公室关于提高农村五保供养标准的通知\n各镇人民政府:\n"
     "经区政府同意,决定从2015年10月1日起提高农村五保供养标准。\n", {"entry_into_force": date(2015, 10, 1)}),
    # 决定, then the day (金湖 县政府's notice in a mirror's traditional script), and 将 after it (武汉)
    ("為進一步提高城鄉困難群眾的生活水平,經縣政府十四屆三十三次常務會議研究決定,從2019年7月1日起,調整我縣城鄉居民最低生活"
     "保障標準。\n", {"entry_into_force": date(2019, 7, 1)}),
    ("按照市政府统一部署,决定从2014年1月1日起,将我市城乡居民基本养老保险基础养老金标准由原每人每月120元调整为每人每月144元。\n",
     {"entry_into_force": date(2014, 1, 1)}),
    # 于 a day, without 起 (重庆 and 成都 医保局's joint notice)
    ("关于进一步做好成渝地区长期护理保险评估结论互认工作的通知\n各区县医疗保障局:\n(二)本通知于2024年5月1日施行。\n",
     {"entry_into_force": date(2024, 5, 1)}),
    # a portal's 废止时间 / 失效日期 where the text states no term (太湖 县政府's portal; 增城's law database
    # in a mirror's traditional script)
    ("索引号: 003129766/201901-00336 组配分类: 规范性文件发布\n信息分类: 通知   发布机构: 太湖县人民政府办公室\n"
     "发文日期: 2019-01-23 生效时间: 2019-01-23\n废止时间: 2020-01-23 名称: 太湖县人民政府关于印发《太湖县人民政府工作规则》的通知\n"
     "各乡镇人民政府,县政府各部门:\n现将《太湖县人民政府工作规则》印发给你们,请认真遵照执行。\n",
     {"entry_into_force": date(2019, 1, 23), "expiry": date(2020, 1, 23)}),
    ("基本信息\n  • 統一編號: ZC0220200006\n  • 文  號: 增府辦規[2020]6號\n  • 實施日期: 2020年06月05日\n"
     "  • 失效日期: 2023年06月04日\n  • 發布機關: 廣州市增城區人民政府辦公室\n各鎮人民政府、街道辦事處:\n現印發給你們,請認真貫徹執行。\n",
     {"entry_into_force": date(2020, 6, 5), "expiry": date(2023, 6, 4)}),
    # the order or announcement that promulgates says 自公布之日起施行, and is dated under its sentence
    # (交通运输部令 2009年第9号 on a law site; 内蒙古 人大常委会's 公告 of an amending decision)
    ("关于修改《中华人民共和国航道管理条例实施细则》的决定(中华人民共和国交通运输部令2009年第9号)\n\n"
     "  《关于修改〈中华人民共和国航道管理条例实施细则〉的决定》已于2009年5月27日经第5次部务会议通过,现予公布,自公布之日起施行。\n\n\n\n\n"
     "部长 李盛霖\n二○○九年六月二十三日\n\n\n关于修改《中华人民共和国航道管理条例实施细则》的决定\n",
     {"entry_into_force": date(2009, 6, 23)}),
    ("2021年9月29日,内蒙古自治区第十三届人民代表大会常务委员会第三十次会议通过《内蒙古自治区人民代表大会常务委员会关于修改"
     "<内蒙古自治区人民代表大会常务委员会工作条例>等2件地方性法规的决定》,现予公布,自公布之日起施行。\n2021年9月29日\n"
     "内蒙古自治区人民代表大会常务委员会关于修改《内蒙古自治区人民代表大会常务委员会工作条例》等2件地方性法规的决定\n"
     "(2021年9月29日内蒙古自治区第十三届人民代表大会常务委员会第三十次会议通过)\n", {"entry_into_force": date(2021, 9, 29)}),
    # a history note names the order that published the rule and the day it came into force (重庆's
    # 规章管理办法 without its title; 吉林's 五保 办法)
    ("(2022年1月30日重庆市人民政府令第351号公布自2022年3月1日起施行)\n第一章总则\n"
     "第一条为了加强政府规章管理,提高立法质量和效率,根据《中华人民共和国立法法》《规章制定程序条例》等法律法规,结合本市实际,制定本办法。\n",
     {"entry_into_force": date(2022, 3, 1)}),
    ("吉林省农村五保供养办法\n\n(吉林省人民政府第15次常务会议审议通过 2008年12月23日吉林省人民政府令第200号公布 自2009年2月1日起施行)\n"
     "第一条 为了做好农村五保供养工作,制定本办法。\n", {"entry_into_force": date(2009, 2, 1)}),
    # the order that promulgates puts the rule in force as it publishes it: 现予发布施行, on the day the order is
    # signed, with the signing official between (长春 市长令 and 内蒙古 自治区主席令 of 1997)
    ("长春市体育市场管理规定\n\n《长春市体育市场管理规定》业经1997年9月4日市人民政府第九次常务会议讨论通过,现予发布施行。\n\n\n\n"
     "市长:宋春华\n\n一九九七年九月十七日\n", {"entry_into_force": date(1997, 9, 17)}),
    ("内蒙古自治区村庄和集镇规划建设管理实施办法\n\n\n内蒙古自治区人民政府令\n第82号\n\n\n"
     "《内蒙古自治区村庄和集镇规划建设管理实施办法》已经自治区人民政府1997年第六次常务会议通过,现予发布施行。\n\n\n"
     "自治区主席 乌力吉\n1997年7月23日\n\n第一章 总 则\n", {"entry_into_force": date(1997, 7, 23)}),
    # a regulation's adoption note gives the day it comes into force (湖南 and 上海 人大常委会)
    ("湖南省人民代表大会常务委员会制定地方性法规程序的规定\n湖南省人大常委会\n\n\n"
     "(1994年1月17日湖南省第八届人民代表大会常务委员会第六次会议通过 1994年2月1日起施行)\n\n目 录\n\n第一章 总 则\n",
     {"entry_into_force": date(1994, 2, 1)}),
    ("上海市人民代表大会常务委员会关于市人民政府制定规章设定行政处罚罚款限额的规定\n\n"
     "(1996年9月26日上海市第十届人民代表大会常务委员会第三十次会议通过 1996年10月1日起施行)\n\n\n"
     "根据《中华人民共和国行政处罚法》第十三条的规定,在没有相应法律、法规的情况下,市人民政府制定规章对违反行政管理秩序的行为,"
     "可以设定一定数量的罚款,其限额由市人民代表大会常务委员会规定。\n", {"entry_into_force": date(1996, 10, 1)}),
    # an order that names the rule it promulgates (国务院令第227号, the sentence broken over two lines;
    # 陕西 省政府令第1号; 德宏 州's 公告): in force from the day the order is signed
    ("国务院行政机构设置和编制管理条例\n\n  中华人民共和国国务院令\n\n  第227号\n\n  现发布《国务院行政机构设置和编制管理条例》,自\n"
     "发布之日起施行。\n\n  总理李鹏\n\n  1997年8月3日\n\n  第一章总则\n\n  第一条为了规范国务院行政机构的设置,加强编制管\n理,"
     "提高行政效率,根据宪法和国务院组织法,制定本条\n例。\n", {"entry_into_force": date(1997, 8, 3)}),
    ("陕西省实施《宗教活动场所管理条例》办法\n\n陕西省人民政府令第1号\n\n  \n现发布《陕西省实施〈宗教活动场所管理条例〉办法》,"
     "自发布之日起施行。\n\n\n\n\n\n\n\n省长 白清才\n\n\n\n一九九四年四月十日\n", {"entry_into_force": date(1994, 4, 10)}),
    # 现予发布实施, as 现予发布施行 (鞍山 市政府令第16号)
    ("鞍山市人民政府令第16号\n\n\n  《鞍山市行政复议程序规定》业经一九九四年四月二十五日市政府常务会议讨论通过,现予发布实施。\n\n"
     "                               市长:董伟\n                          一九九四年五月十八日\n"
     "             鞍山市行政复议程序规定\n", {"entry_into_force": date(1994, 5, 18)}),
    # a legislature's announcement: adopted, in force from a day (青海 人大 公告 第十二号)
    ("青海省人民代表大会公告\n(第十二号)\n《青海省人民代表大会及其常务委员会立法程序规定》已经青海省第九届人民代表大会第四次会议通过,"
     "于2001年7月1日起施行,特此公告。\n青海省第九届人民代表大会第四次会议主席团\n2001年1月17日\n",
     {"entry_into_force": date(2001, 7, 1)}),
    # a history note: published and in force the same day (广东 农民负担 条例); an announcement numbered with
    # its year in square brackets (彭水 自治条例); an order numbered 第N号令 (国务院's 社会救助暂行办法)
    ("广东省农民负担管理条例\n广东省人大常委会\n\n\n(1996年9月25日广东省第八届人民代表大会常务委员会第二十四次会议通过 "
     "1996年10月14日公布施行)\n\n目 录\n", {"entry_into_force": date(1996, 10, 14)}),
    ("(2010年2月7日彭水苗族土家族自治县第十五届人民代表大会第六次会议通过 2010年5月14日重庆市第三届人民代表大会常务委员会第十七次"
     "会议批准 2010年6月3日彭水苗族土家族自治县人民代表大会常务委员会公告[2010]第9号公布 自2010年10月1日起施行)\n第一章 总则\n",
     {"entry_into_force": date(2010, 10, 1)}),
    ("论文部分内容阅读\n(中华人民共和国国务院令第649号令)《社会救助暂行办法》于2014年2月21日中华人民共和国国务院第649号令公布,"
     "自2014年5月1日起施行。第一章总则第一条为了加强社会救助,保障公民的基本生活,促进社会公平,维护社会和谐稳定,根据宪法,制定本办法。",
     {"entry_into_force": date(2014, 5, 1)}),
    # a 印发 notice's one sentence that issues the rules and puts them in force (安徽 省政府: on a day; 洛阳
    # 政府: from the day it is issued, the date under its sentence)
    ("安徽省人民政府关于印发《安徽省行政机关公文处理实施细则》和《安徽省人民政府公文主题词表》的通知\n皖政〔2000〕48号\n"
     "各市人民政府、行政公署,省政府各部门、各直属机构:\n现将《安徽省行政机关公文处理实施细则》和《安徽省人民政府公文主题词表》"
     "印发你们,自2001年1月1日起施行。\n安徽省人民政府\n二○○○年十二月二十五日\n", {"entry_into_force": date(2001, 1, 1)}),
    ("关于印发洛阳市人民政府工作规则的通知\n\n来源:日期:2023-04-28 08:27:00阅读次数:\n\n洛阳市人民政府\n\n"
     "关于印发洛阳市人民政府工作规则的通知\n\n洛政〔2023〕17号\n\n\n各县区人民政府,市人民政府各部门,各有关单位:\n\n"
     "现将修订后的《洛阳市人民政府工作规则》印发给你们,自印发之日起施行。\n\n\n2023年4月15日\n",
     {"entry_into_force": date(2023, 4, 15)}),
    # a 编者注's 自…起施行的《X》 is the later rule's entry into force, not this one's: the database's 施行日期
    # gives it (贵州 水资源费 办法, KE017)
    ("贵州省水资源费征收管理办法制定机关: 贵州省人民政府 效力级别: 地方政府规章 时 效 性: 失效 发布文号: 公布日期"
     ": 1992.08.17 施行日期: 1992.08.17 题 注 : (1992年8月17日贵州省人民政府文件黔府发["
     "1992]55号发布)(编者注:本办法已被2007年2月27日贵州省人民政府第49次常务会议审议通过 2007年2月28"
     "日贵州省人民政府令第99号公布 自2007年4月1日起施行的《贵州省取水许可和水资源费征收管理办法》废止)\n",
     {"entry_into_force": date(1992, 8, 17)}),
    # a legislature's announcement that 现予公告 the regulation, from a day (云南 人大常委会's 赤水河 条例)
    ('《云南省赤水河流域保护条例》已由云南省第十三届人民代表大会常务委员会第二十四次会议于2021年5月28日审议通过,现予公告,自2021年7月1日起施行。' "\n", {"entry_into_force": date(2021, 7, 1)}),
    # the order or announcement that publishes the rule is signed under its sentence: that day is its 公布, not
    # a portal's later 发布日期 (北京's 令第259号), the signature past blank lines and 特此公告 (日喀则's 公告)
    ("  8. [发布日期] 2014-07-30\n\n北京市人民政府令\n\n第259号\n\n  《北京市人民政府关于修改〈北京市机动车市场管理暂行规定〉等"
     "13项规章部分条款的决定》已经2014年6月30日市人民政府第47次常务会议审议通过,现予公布,自公布之日起施行。\n\n"
     "市长 王安顺\n\n2014年7月9日\n", {"entry_into_force": date(2014, 7, 9)}),
    ("发布时间:2025-12-02 作者: 来源:云端珠峰\n\n日喀则市人民代表大会常务委员会公告\n\n〔2025〕14号\n\n\n"
     "《日喀则市人民代表大会常务委员会关于修改〈日喀则市制定地方性法规条例〉的决定》已由日喀则市第二届人民代表大会常务委员会"
     "第四十次会议于2025年10月28日通过,经西藏自治区第十二届人民代表大会常务委员会第二十次会议于2025年11月28日批准,"
     "现予以公布,自公布之日起施行。\n\n特此公告\n\n\n日喀则市人民代表大会常务委员会\n\n2025年12月1日\n",
     {"entry_into_force": date(2025, 12, 1)}),
    # an empty one states nothing (生效时间: 废止时间: 暂无)
    ("生效时间: 废止时间: 暂无\n关于做好养老服务工作的通知\n各乡镇:\n现将有关事项通知如下。\n", {}),
])
def test_validity_clauses(text, expected):
    assert validity(text) == expected


@pytest.mark.parametrize("text,stated", [
    # a portal's validity field states its status alone (现行有效), or at the end of the sentence that
    # says why (河南 省政府's portal: 此文件宣布失效); the status is the fact, the sentence its evidence
    ("索 引 号 成文日期\n发文机关 发布时间 2017年12月27日\n标  题 河南省人民政府办公厅关于印发河南省贯彻落实“十三五”促进就业规划"
     "实施方案的通知\n发文字号 豫政办〔2017〕162号 时  效 根据《河南省人民政府关于公布省政府规范性文件清理结果的决定》"
     "(豫政〔2023〕7号),此文件宣布失效。\n\n河南省人民政府办公厅\n关于印发河南省贯彻落实“十三五”\n促进就业规划实施方案的通知\n", "失效"),
    ("索引号:11140000MB1957883N/2018-00187\n有效性:现行有效\n山西省人民政府办公厅关于印发山西省重点群体增收实施方案的通知\n"
     "晋政办发〔2018〕28号\n各市、县人民政府:\n现印发给你们。\n", "现行有效"),
    # 安徽 portals' copies that lost a label's first characters (有效性 → 性:; 索引号 → 号:): 怀远 县政府办's
    # 预案, 黄山 教育局's 解读
    ("号: 003043524/202203-00218 信息分类: 规范性文件发布\n发文机关: 怀远县人民政府(办公室) 主题分类: 综合政务,公民,其他\n"
     "成文日期: 2022-03-26 发布日期: 2022-03-26 09:32\n发文字号: 怀政办〔2022〕15号 性: 有效\n"
     "标  题: 怀远县人民政府办公室关于印发怀远县防汛抗旱应急预案的通知\n", "有效"),
    ("号: 003138742/202305-00010 信息分类: 负责人解读\n发布机构: 市教育局 发布日期: 2023-05-17\n"
     "内容概述: 《黄山市“十四五”老年教育发展规划》 性: 有效\n", "有效"),
    # a law database's statuses other than 有效 / 失效: not yet in force (住建部's 令), amended (福州's and
    # 阿坝's regulations), 现行 alone (河北's 条例 on 民主法治网)
    ("城市公园管理制度.\n城市公园管理办法\n\n城市公园管理办法文章属性•【制定机关】住房和城乡建设部•【公布日期】2024.09.30•"
     "【文号】住房和城乡建设部令第59号•【施行日期】2024.12.01•【效力等级】部门规章•【时效性】尚未生效•【主题分类】城市管理正文"
     "城市公园管理办法(2024年9月30日中华人民共和国住房和城乡建设部令第59号公布自2024年12月1日起施行)第一条为了促进城市公园事业"
     "高质量发展,改善城市生态和人居环境,根据《中华人民共和国建筑法》《城市绿化条例》等法律、行政法规,制定本办法。\n", "尚未生效"),
    ("福州市城市公园管理办法【发布部门】福州市人大(含常委会)【公布日期】1996.07.18【实施日期】1996.07.18【时效性】已被修改"
     "【效力级别】设区的市地方性法规福州市城市公园管理办法(1996年5月15日福州市第十届人民代表大会常务委员会第二十二次会议通过"
     "1996年7月18日福建省第八届人民代表大会常务委员会第二十四次会议批准)第一章总则\n", "已被修改"),
    ("河北省地方立法条例\n\n来源: 民主法治网 更新时间:2019-03-11 点击:1010\n\n发布单位:河北省人民代表大会常务委员会\n"
     "发布日期: 2018-07-27\n失效/废止日期:\n发布文号:\n实施日期: 2018-09-01\n状       态: 现行\n备       注:\n\n", "现行"),
    # a regulation amended by a decision (已修正, 玉树's 自治条例 on a law site) and a database's 时效状态
    # field (青海 湖 条例)
    ('玉树藏族自治州自治条例\n(1987年11月19日玉树藏族自治州第七届人民代表大会第三次会议通过 1988年4月20日青海省第七届人民代表大会常务委员会第二次会议批准)\n- 颁布日期:1988-04-20\n- 实施日期:\n- 时 效 性:已修正\n- 发文文号:\n- 颁布单位:玉树藏族自治州人大常委会\n',
     "已修正"),
    ('【发布部门】青海省人大常委会 | 【发布文号】青海省人民代表大会常务委员会公告第56号 |\n【效力级别】省级地方性法规 | 【时效状态】 现行有效 |\n【发布日期】 2022-01-13 | 【实施日期】 2022-01-13 |\n', "现行有效"),
    # the site's mark on the title where no field states it (a law database's (废止); 微山's (已废止) before it);
    # fields named 信息有效性 / 信息时效性 (大兴's portal; 蓝山's)
    ('关于大额现金支付管理的通知(废止)\n\n作者:法律资料网 时间:2024-05-10 11:05:04   浏览:8518   来源:法律资料网\n下载地址: 点击此处下载\n\n关于大额现金支付管理的通知(废止)\n\n中国人民银行\n\n\n关于大额现金支付管理的通知\n\n中国人民银行\n\n银发[1997]339号\n\n\n', "废止"),
    ("当前位置:首页 |\n|\n(已废止)微政办字〔2019〕24号 关于印发微山县重污染天气应急预案的通知 |\n||||||\n|\n||||||\n"
     "各乡、镇人民政府,各街道办事处,微山经济开发区、微山岛旅游度假区、南阳古镇旅游管委会,县政府各部门,各企业:\n", "已废止"),
    ('• 索引号:11N000/ZK-2023-000021\n  • 发文单位:区政府办\n  • 信息名称:关于印发《2023年区政府工作报告重点工作分工方案》的通知\n  • 发文序号:京兴政办发〔2023〕1 号\n  • 信息有效性:有效\n  • 主题分类:发展规划\n', "有效"),
    ("索引号: | 4311270010/2024-60082 | 发文日期: | 发布机构: | 蓝山县人民政府 | |\n公开方式: | 主动公开 | 公开范围: | 面向社会 | "
     "主题词: | 森林防火区 |\n统一登记号: | LSDR-2024-00005 | 信息时效性: | 有效 | 文号 : | 蓝政函〔2024〕21号 |\n", "有效"),
    # 是否有效 answered 是, as written (张掖's portal, 霍城镇; 民乐's)
    ("张掖市立法条例\n索引号 | 6207250033/2025-00049 | 发文字号 | |\n关键词 | 发布机构 | 霍城镇 | |\n公开形式 | 主动公开 | "
     "公开目录 | |\n生成日期 | 2025-04-18 16:26:24 | 是否有效 | 是 |\n张掖市立法条例\n", "是"),
])
def test_a_portal_s_validity_field_gives_its_status(text, stated):
    doc = clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8"))
    facts = {f.name: f.value for f in extract_mentions(doc).facts}
    assert facts.get("validity") == stated


@pytest.mark.parametrize("text", [
    # 江苏 portals' field that says the status is unknown (镇江's 实施意见, 徐州's 应急预案): no status
    "镇江市人民政府办公室关于加快发展养老服务业的实施意见\n政策\n发布部门:市政府办公室\n发布时间:2015年12月11日\n"
    "政策文号:镇政办发〔2015〕212号\n有效性:政策是否有效未知,请慎用\n各辖市、区人民政府,镇江新区管委会,市各委办局,各直属单位、企事业单位:\n",
    "市政府办公室关于印发徐州市生活必需品市场供应应急预案的通知0\n政策\n发布部门:市人民政府办公室\n发布时间:2019年12月06日\n"
    "有效性:政策是否有效未知,请慎用\n市政府办公室关于印发徐州市生活必需品市场供应应急预案的通知\n徐政办发〔2019〕107号\n",
])
def test_a_field_that_says_the_status_is_unknown_states_none(text):
    doc = clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8"))
    assert "validity" not in {f.name for f in extract_mentions(doc).facts}


def test_a_validity_label_over_a_value_of_another_kind_states_no_status():
    """A law database's table whose values slid under the wrong labels (新疆 通报):
    【时 效 性】 over an index number is no status."""
    doc = clean(SourceDocument(Path("t.txt"), "t.txt",
                               "【时 效 性】 | 010183242/2019-00072 | 【颁布日期】 | |\n【颁布单位】 | 新政发〔2007〕号 | 【实施日期】 | |\n"
                               "新疆维吾尔自治区\n人 民 政 府 文 件\n新政发〔2007〕2号\n"
                               "关于表彰2006年度自治区农田水利基本建设“天山杯”竞赛获奖地(州)、县(市)的通报\n", "utf-8"))
    assert "validity" not in {f.name for f in extract_mentions(doc).facts}


@pytest.mark.parametrize("text", [
    # a place, not the document, takes something up from a day (news of 株洲, 南宁)
    "株洲市提高高龄老人补贴标准\n本市自2018年1月1日起实行新的高龄津贴标准。\n",
    "关于调整高龄津贴标准的通知\n各县(区)民政局:\n本县自2022年1月1日起执行新标准。\n",
    # the 办法 a notice issues has its own clause: not the notice's
    "广州市人民政府办公厅关于印发广州市居家社区养老服务管理办法的通知\n穗府办规〔2022〕13号\n各区人民政府:\n"
    "现印发给你们,请遵照执行。\n广州市居家社区养老服务管理办法\n第三十条 本办法自2022年6月1日起施行,有效期5年。\n",
    # a cited title that is provisional does not make the page so
    "一图读懂 《上海市保基本养老床位统筹及轮候管理办法(试行)》\n近日,市民政局印发了办法。\n",
    # a headline that reports a provisional rule is no rule (海南 游艇 news; 祥云's 印发 notice below is no rule either)
    "海南省出台游艇管理试行办法 方便游艇进出\n",
    # a notice that issues a provisional 办法 is not provisional itself
    "祥云县人民政府关于印发祥云县农村公益性公墓(骨灰堂)管理办法(试行)的通知\n\n祥政规 〔2023〕 2号\n\n\n"
    "云南祥云经开区管委会,各乡、镇人民政府,县级各有关单位\n\n",
    "广州市医疗保障局关于印发广州市长期护理保险试行办法的通知\n穗医保规字〔2020〕5号\n各区:\n",
    # the terms of the surveys a 统计局 notice lists in its attached table are no term of its own (广西)
    "现将2021年1-6月经我局审批的统计调查项目予以公布。\n附件:1.2021年1-6月审批的统计调查项目目录\n自治区统计局\n2021年7月27日\n"
    "附件1\n2021年1-6月审批的统计调查项目目录\n制发部门 |\n调查项目名称 |\n批准文号 |\n生效日期 |\n有效期 截止时间 |\n"
    "中国(广西)自由贸易试验区建设指挥部办公室 |\n中国(广西)自由贸易试验区统计监测管理制度 |\n桂统审批函〔2021〕1号 |\n"
    "2021年1月7日 |\n定报有效期至2024年1月31日、年报有效期至2024年3月31日 |\n",
])
def test_clauses_of_another_document_are_not_the_page_s(text):
    assert "expiry" not in validity(text) and "provisional" not in validity(text)
    assert validity(text).get("entry_into_force") != date(2022, 6, 1)


# --- repeal and amendment, and answers on a day (#32 items 1-3) ---

@pytest.mark.parametrize("text,expected", [
    # the closing clause that repeals an earlier document (a 办法's, an 意见's)
    ("温州市养老服务补贴管理办法\n第二十条 本办法自2021年1月1日起施行。《温州市居家养老服务补贴办法》（温政发〔2015〕12号）同时废止。\n",
     [("repeals", "同时废止", "温政发〔2015〕12号")]),
    ("关于进一步推进养老服务发展的实施意见\n六、本意见自2022年6月1日起施行,原《关于推进养老服务发展的实施意见》"
     "(温政发〔2019〕20号)停止执行。\n", [("repeals", "停止执行", "温政发〔2019〕20号")]),
    # a title that repeals or amends (关于废止《X》的通知, 关于修改《X》的决定)
    ("关于废止《温州市居家养老服务补贴办法》的通知\n各县(市、区)人民政府:\n经研究,决定废止该办法。\n",
     [("repeals", None, "温州市居家养老服务补贴办法")]),
    ("关于修改《温州市居家养老服务补贴办法》的决定\n市政府决定对该办法作如下修改。\n",
     [("amends", None, "温州市居家养老服务补贴办法")]),
    # a decision that amends a rule and others, the first named and the count of the rest (甘肃 省政府's
    # 决定 on 5 rules; 内蒙古 人大常委会's on 2 regulations)
    ("甘肃省人民政府关于修改《甘肃省城市市容和环境卫生管理办法》等5件政府规章的决定\n"
     "根据国家机构改革需要,现对《甘肃省城市市容和环境卫生管理办法》等5件政府规章作如下修改:\n",
     [("amends", None, "甘肃省城市市容和环境卫生管理办法")]),
    ("内蒙古自治区人民代表大会常务委员会关于修改《内蒙古自治区人民代表大会常务委员会工作条例》等2件地方性法规的决定\n"
     "(2021年9月29日内蒙古自治区第十三届人民代表大会常务委员会第三十次会议通过)\n",
     [("amends", None, "内蒙古自治区人民代表大会常务委员会工作条例")]),
    # the verb before the mention: 决定废止《X》(N) (东莞 常平 notice)
    ("关于废止常平镇扩大居家养老服务范围实施方案的通知\n各村(社区):\n经镇政府同意,决定废止《常平镇扩大居家养老服务范围实施方案》"
     "(常府办〔2015〕64号),自4月2日起停止执行。\n",
     [("repeals", None, "常平镇扩大居家养老服务范围实施方案"), ("repeals", "决定废止", "常府办〔2015〕64号")]),
    # each repealed document with its own date and organ (退役士兵安置条例 2011; a 1957 暂行规定)
    ("# 退役士兵安置条例\n第八十三条 本条例自2011年11月1日起施行。1987年12月12日国务院发布的《退伍义务兵安置条例》，"
     "1999年12月13日国务院、中央军委下发的《中国人民解放军士官退出现役安置暂行办法》同时废止。\n",
     [("repeals", "同时废止", "退伍义务兵安置条例"), ("repeals", "同时废止", "中国人民解放军士官退出现役安置暂行办法")]),
    ("# 关于国家机关工作人员福利费掌管使用的暂行规定\n七、本规定自一九五七年六月一日起实行。原中央人民政府政务院于一九五四年三月所发"
     "《关于各级人民政府工作人员福利费掌管使用办法的通知》和本院一九五四年十二月所发《关于各级人民政府工作人员福利费掌管使用问题的补充通知》"
     "都同时废止。\n", [("repeals", "都同时废止", "关于各级人民政府工作人员福利费掌管使用办法的通知"),
                        ("repeals", "都同时废止", "关于各级人民政府工作人员福利费掌管使用问题的补充通知")]),
    # a clean-up decision repeals the first document of a count it names, the verb after them (花垣's
    # 清理 decision, whose 失效 item declares lapse, no repeal; 长春's, a bracketed organ and year for a number)
    ("花垣县人民政府关于公布规范性文件清理结果的决定\n各乡镇人民政府,县政府各工作部门、各直属机构:\n"
     "二、《花垣县人民政府办公室关于印发〈花垣县行政许可事项清单(2022年版)〉的通知》等4件规范性文件失效。\n"
     "三、《花垣县人民政府办公室关于印发〈花垣县农村土地经营权流转管理办法实施细则(试行)〉的通知》等2件规范性文件废止。\n",
     [("repeals", "废止", "花垣县人民政府办公室关于印发〈花垣县农村土地经营权流转管理办法实施细则(试行)〉的通知")]),
    ("长春市人民政府关于修改和废止部分行政规范性文件的决定\n各县(市)、区人民政府:\n市政府决定,对《长春市解放前战争时期之私有房产"
     "买卖纠纷处理办法》(长春市人民政府1950年)等114件行政规范性文件予以废止。\n",
     [("repeals", "予以废止", "长春市解放前战争时期之私有房产买卖纠纷处理办法")]),
    # a decision read without its title, its list under headings that count the items (黑龙江 省政府's
    # 废止9部省政府规章 / 对22部…予以修改; 南昌 and 江西 head theirs the same way)
    ("为贯彻落实《国务院办公厅关于进一步做好“放管服”改革涉及的规章、规范性文件清理工作的通知》(国办发〔2017〕40号)等国家有关要求,"
     "省政府对省政府规章进行了深入清理。经过清理,现决定:\n一、废止9部省政府规章\n"
     "(一)《黑龙江省乡镇船舶和渡口安全管理办法》(1989年省政府令第4号,1998年省政府令第11号修正)。\n"
     "(二)《黑龙江省按比例安排残疾人就业规定》(1999年省政府令第2号)。\n二、对22部省政府规章的部分条款予以修改\n"
     "(一)将《黑龙江省农业植物检疫实施办法》第十五条修改为:“从国外引进种子、苗木,应向省植物检疫机构提出申请。”\n",
     # (each repealed rule with the order that made it, its year written before the order: one document)
     [("repeals", "废止", "黑龙江省人民政府令〔1989〕4号"), ("repeals", "废止", "黑龙江省人民政府令〔1999〕2号"),
      ("amends", "修改", "黑龙江省农业植物检疫实施办法")]),
    # negative: a repeal the text only tells of (已于…废止) is no repeal by this document
    ("养老服务工作情况\n《温州市居家养老服务补贴办法》已于2020年废止。\n", []),
    # negative: a law database's 编者注 that a later rule repealed this one (贵州 水资源费 办法, KE017): the page
    # is repealed, it repeals nothing
    ("贵州省水资源费征收管理办法制定机关: 贵州省人民政府 效力级别: 地方政府规章 时 效 性: 失效 发布文号: 公布日期"
     ": 1992.08.17 施行日期: 1992.08.17 题 注 : (1992年8月17日贵州省人民政府文件黔府发["
     "1992]55号发布)(编者注:本办法已被2007年2月27日贵州省人民政府第49次常务会议审议通过 2007年2月28"
     "日贵州省人民政府令第99号公布 自2007年4月1日起施行的《贵州省取水许可和水资源费征收管理办法》废止)\n", []),
    # negative: what follows the mention repeals another document, not the one mentioned
    ("关于养老服务的通知\n本通知依据《温州市养老服务条例》制定，市政府2019年印发的实施方案同时废止。\n", []),
])
def test_repeals_and_amendments(text, expected):
    from test_linking import links
    assert [link for link in links(text) if link[0] in ("repeals", "amends")] == expected


@pytest.mark.parametrize("facts,day,status", [
    ({"entry": "2022-01-01"}, date(2021, 6, 1), "not-yet"),
    ({"entry": "2022-01-01", "expiry": "2026-12-31"}, date(2024, 1, 1), "in-force"),
    ({"entry": "2019-01-01", "expiry": "2023-12-31"}, date(2024, 1, 1), "expired"),
    ({"own_date": "2019-08-01", "repeals": [("温政发〔2022〕8号", "2022-06-01")]}, date(2022, 6, 1), "repealed"),
    ({"own_date": "2019-08-01", "repeals": [("温政发〔2022〕8号", "2022-06-01")]}, date(2022, 5, 31), "in-force"),
    # a portal's 失效 speaks of the day the page was saved, not of earlier days
    ({"own_date": "2015-01-01", "stated": "已失效"}, date(2016, 1, 1), "in-force"),
    ({"own_date": "2015-01-01", "stated": "已失效"}, date(2030, 1, 1), "stated-not-in-force"),
    ({}, date(2024, 1, 1), "unknown"),
])
def test_status_on_a_day(facts, day, status):
    from kg.network.validity import status_on
    assert status_on(day, reference=date(2026, 12, 5), **facts).status == status


def _repealing_corpus(tmp_path):
    """国办发〔2019〕5号; Wenzhou's 2019 opinion carrying it out (in force from
    2019-09-01); its 2022 opinion (in force from 2022-06-01), which repeals
    the 2019 one."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "national.txt").write_text(
        "国务院办公厅关于推进养老服务发展的意见\n国办发〔2019〕5号\n各省、自治区、直辖市人民政府:\n"
        "为打通“堵点”,消除“痛点”,现就推进养老服务发展提出如下意见。\n一、深化放管服改革。\n国务院办公厅\n2019年3月29日\n",
        encoding="utf-8")
    (corpus / "old.txt").write_text(
        "温州市人民政府关于推进养老服务发展的实施意见\n温政发〔2019〕20号\n各县(市、区)人民政府:\n"
        "为贯彻落实《国务院办公厅关于推进养老服务发展的意见》(国办发〔2019〕5号)精神,结合我市实际,提出如下实施意见。\n"
        "一、加强设施建设。\n本意见自2019年9月1日起施行。\n温州市人民政府\n2019年8月1日\n", encoding="utf-8")
    (corpus / "new.txt").write_text(
        "温州市人民政府关于进一步推进养老服务高质量发展的实施意见\n温政发〔2022〕8号\n各县(市、区)人民政府:\n"
        "为贯彻落实《国务院办公厅关于推进养老服务发展的意见》(国办发〔2019〕5号)精神,结合我市实际,提出如下实施意见。\n"
        "一、完善服务体系。\n本意见自2022年6月1日起施行,《温州市人民政府关于推进养老服务发展的实施意见》(温政发〔2019〕20号)同时废止。\n"
        "温州市人民政府\n2022年5月10日\n", encoding="utf-8")
    return corpus


def test_coverage_and_trace_on_a_day_before_and_after_a_repeal(tmp_path):
    """A city's 2019 opinion carrying out 国办发〔2019〕5号 is repealed by its 2022
    opinion (in force from 2022-06-01): on 2020-06-01 the 2019 one covers the
    city, on 2023-01-01 only the 2022 one does; without a day both stand, the
    2019 one marked repealed."""
    from kg.network.documents import to_networkx
    from kg.network.trace import coverage, flatten, trace
    from kg.pipeline.build import build
    from kg.store.database import load_graph
    corpus = _repealing_corpus(tmp_path)
    build(corpus, tmp_path / "out")
    network = to_networkx(load_graph(tmp_path / "out"))

    def wenzhou(day):
        return next(r for r in coverage(network, "国办发〔2019〕5号", 2, on=day) if r.area == "温州市")

    before, after = wenzhou(date(2020, 6, 1)), wenzhou(date(2023, 1, 1))
    assert before.implementing == ["温政发〔2019〕20号"] and before.in_force_from == "2019-09-01"
    assert after.implementing == ["温政发〔2022〕8号"] and after.in_force_from == "2022-06-01"
    assert wenzhou(None).implementing == ["温政发〔2019〕20号", "温政发〔2022〕8号"]
    statuses = {n.number: n.validity for _, _, n in flatten(trace(network, "国办发〔2019〕5号"))}
    assert statuses["温政发〔2019〕20号"] == "repealed" and statuses["温政发〔2022〕8号"] == "in-force"
    on_2020 = [n.number for _, _, n in flatten(trace(network, "国办发〔2019〕5号", on=date(2020, 6, 1)))]
    assert on_2020 == ["国办发〔2019〕5号", "温政发〔2019〕20号"]
    # the saved query in-force answers the same, for any day
    from kg.store.query import run_query
    store = load_graph(tmp_path / "out")
    for day, expected in (("2021-01-01", {"温政发〔2019〕20号": True, "温政发〔2022〕8号": False}),
                          ("2023-01-01", {"温政发〔2019〕20号": False, "温政发〔2022〕8号": True})):
        result = run_query(store, "in-force", {"date": day})
        number, in_force = result.variables.index("number"), result.variables.index("inForce")
        answers = {str(row[number]): row[in_force].toPython() for row in result.rows if row[number] is not None}
        assert {k: answers[k] for k in expected} == expected, day
    # each page says so, in its header after 文种; the repealing document is linked, and links back
    from kg.views.site import Site
    site = Site(load_graph(tmp_path / "out"))
    old_page = site.resource("https://w3id.org/policy-kg/id/doc/温政发/2019/20", ["text/html"], "zh")[1].decode()
    new_page = site.resource("https://w3id.org/policy-kg/id/doc/温政发/2022/8", ["text/html"], "en")[1].decode()
    assert "<th>效力状态</th><td><a" in old_page and "已被废止 · 2022-06-01 · 温政发〔2022〕8号" in old_page
    assert "In force · 2022-06-01" in new_page and "eli:repeals" in new_page
    assert "eli:repealed_by" in old_page


@pytest.mark.parametrize("day, expected", [
    ("2021-01-01", {"国办发/2019/5": ("InForce-inForce", "dated 2019-03-29"),
                    "温政发/2019/20": ("InForce-inForce", "entry into force 2019-09-01"),
                    "温政发/2022/8": ("InForce-notInForce", "in force from 2022-06-01")}),
    ("2023-01-01", {"国办发/2019/5": ("InForce-inForce", "dated 2019-03-29"),
                    "温政发/2019/20": ("InForce-notInForce", "repealed by 温政发〔2022〕8号"),
                    "温政发/2022/8": ("InForce-inForce", "entry into force 2022-06-01")}),
])
def test_the_graph_states_eli_in_force_on_the_build_s_day(tmp_path, day, expected):
    """kg build --as-of DAY writes each document's eli:in_force on that day,
    with its basis, in the validity graph, which names the day. The graph
    passes the shapes."""
    from click.testing import CliRunner
    from kg.cli import main
    from kg.store.database import load_graph
    corpus = _repealing_corpus(tmp_path)
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out"), "--as-of", day])
    assert result.exit_code == 0, result.output
    rows = select(load_graph(tmp_path / "out"), """
        SELECT ?doc ?status ?basis ?day WHERE { GRAPH <https://w3id.org/policy-kg/id/graph/validity> {
          ?doc eli:in_force ?status ; pol:validityBasis ?basis . ?g pol:validityAsOf ?day } }""")
    doc = "https://w3id.org/policy-kg/id/doc/"
    assert {r[0].removeprefix(doc): (r[1].rsplit("#", 1)[1], r[2]) for r in rows} == expected
    assert {r[3] for r in rows} == {day}
    assert CliRunner().invoke(main, ["validate", str(tmp_path / "out")]).exit_code == 0


@pytest.mark.parametrize("node, expected", [
    ({"stub": False, "date": "2019-03-29"}, "InForce-inForce"),
    ({"stub": True, "date": "2019-03-29"}, None),          # only cited: nothing known keeps it in force
    ({"stub": True, "date": "2015-06-01", "repealed": True}, "InForce-notInForce"),
    ({"stub": False, "date": "2019-07-11", "type": "reply"}, None),    # a reply is never in or out of force
    ({"stub": False, "date": "2019-07-11", "type": "interpretation"}, None),
    ({"stub": False}, None),                               # no date: unknown, not stated
])
def test_which_documents_the_validity_graph_speaks_of(node, expected):
    import networkx as nx
    from kg.network.validity import status_graph
    from kg.rdf.vocab import ELI
    graph = nx.DiGraph()
    graph.add_node("d", **{k: v for k, v in node.items() if k != "repealed"})
    if node.get("repealed"):
        graph.add_node("r", stub=False, number="温政发〔2022〕8号", entry="2022-06-01")
        graph.add_edge("r", "d", relation="repeals")
    found = {str(o).rsplit("#", 1)[1] for s, p, o in status_graph(graph, date(2023, 1, 1))
             if str(s) == "d" and p == ELI.in_force}
    assert found == ({expected} if expected else set())


def test_the_build_s_day_is_source_date_epoch_s_else_today(tmp_path, monkeypatch):
    """Rebuilding on another day gives the same bytes where SOURCE_DATE_EPOCH
    is set; without it the day is today's; a value that is no number is
    refused by name before anything is written."""
    from click.testing import CliRunner
    from kg.cli import main
    from kg.network.validity import reference_day
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1654041600")
    assert reference_day() == date(2022, 6, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert reference_day() == date.today()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = CliRunner().invoke(main, ["build", str(_repealing_corpus(tmp_path)), "-o", str(tmp_path / "out")])
    assert result.exit_code != 0 and "SOURCE_DATE_EPOCH='yesterday'" in result.output
    assert not (tmp_path / "out").exists()


def test_kg_eval_scores_validity_where_the_gold_checked_it(tmp_path):
    """validity.json beside a gold file: entry into force, expiry, repeals are
    scored on the pages it checked, and nowhere else."""
    import json
    from kg.pipeline.evaluation import evaluate
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text(
        "温州市养老服务补贴管理办法\n第一条 为规范补贴,制定本办法。\n第二十条 本办法自2021年1月1日起施行,有效期至2025年12月31日。"
        "《温州市居家养老服务补贴办法》(温政发〔2015〕12号)同时废止。\n", encoding="utf-8")
    (tmp_path / "pages" / "b.txt").write_text("关于开展敬老月活动的通知\n本通知自2022年10月1日起施行。\n", encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps({"docs": {
        "a": {"file": "pages/a.txt"}, "b": {"file": "pages/b.txt"}}}), encoding="utf-8")
    (tmp_path / "validity.json").write_text(json.dumps({"docs": {"a": {
        "entry_into_force": "2021-01-01", "expiry": "2025-12-31", "repeals": ["温政发〔2015〕12号"]}}}), encoding="utf-8")
    fields = evaluate(tmp_path / "gold.json").fields
    assert (fields["entry_into_force"].true_positives, fields["entry_into_force"].predicted) == (1, 1)   # b not checked
    assert fields["expiry"].recall == 1.0 and fields["repeals"].recall == 1.0 and fields["repeals"].precision == 1.0


def test_a_stated_validity_the_texts_contradict_goes_to_the_quality_report(tmp_path):
    """A portal says 现行有效 of a plan whose own clause ended it in 2020: the
    build says so instead of letting either win silently."""
    from kg.pipeline.build import build
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_text(
        "时效性:现行有效\n温州市居家养老服务补贴办法\n温政发〔2015〕12号\n各县(市、区)人民政府:\n"
        "第一条 为规范补贴,制定本办法。\n第二十条 本办法自2016年1月1日起施行,有效期至2020年12月31日。\n", encoding="utf-8")
    report = build(corpus, tmp_path / "out")
    assert report.quality.validity_conflicts == ["plan.txt: stated 现行有效, but expired 2020-12-31"]
    assert "stated validity contradicted: 1" in report.quality.summary()


@pytest.mark.parametrize("text,decisions", [
    # a history note whose later line opens with the amendment (上海 市容环境卫生 条例, 法律资料网's copy),
    # and one event a line (宁夏 乡镇人大 条例): each decision amends the page's rule
    ("上海市市容环境卫生管理条例\n\n (2001年11月14日上海市第十一届人民代表大会常务委员会第三十三次会议通过\n"
     "  根据2003年4月24日上海市第十二届人民代表大会常务委员会第三次会议《关于修改〈上海市市容环境卫生管理条例〉的决定》修正)\n\n"
     "  \n  第一章总则\n",
     ["关于修改〈上海市市容环境卫生管理条例〉的决定"]),
    ("宁夏回族自治区乡镇人民代表大会工作条例\n\n1990年12月28日宁夏回族自治区第六届人民代表大会常务委员会第十六次会议通过\n\n"
     "根据1995年8月16日宁夏回族自治区第七届人民代表大会常务委员会第十四次会议《关于修改〈宁夏回族自治区乡镇人民代表大会工作暂行条例〉"
     "的决定》修正\n\n根据2005年5月20日宁夏回族自治区第九届人民代表大会常务委员会第十六次会议《关于修改〈宁夏回族自治区乡镇人民代表大会"
     "工作条例〉的决定》第二次修正\n\n第一章 总则\n",
     ["关于修改〈宁夏回族自治区乡镇人民代表大会工作暂行条例〉的决定", "关于修改〈宁夏回族自治区乡镇人民代表大会工作条例〉的决定"]),
    # the note run into one line with the page's metadata and text, its lines lost (海南 on a law site;
    # 玉树's 自治条例 after the 公告 that promulgates it): the decision that names the page's rule amends it
    ("当前位置:首页 > 创业 > 正文\n\n海南省生态保护红线管理规定(最新版本全文)\n\n  • 创业\n  • 2024-12-20 23:49:16\n  • 13\n\n"
     "法律效力位阶:地方性法规 制定机关:海南省人民代表大会常务委员会 时效性:有效 施行日期:2022-05-31 公布日期"
     ":2022-05-31 海南省生态保护红线管理规定 (2016年7月29日海南省第五届人民代表大会常务委员会第二十二次会"
     "议通过 根据2022年5月31日海南省第六届人民代表大会常务委员会第三十六次会议《关于修改〈海南省生态保护红线管理规定〉"
     "的决定》修正) 第一条 为了加强生态保护红线管理,保障本省生态安全和生态环境质量,促进经济社会可持续发展,根据《中华人民"
     "共和国环境保护法》、《中华人民共和国海洋环境保护法》等法律、法规,结合本省实际,制定本规定。 第二条 本省行政区域内生态"
     "保护红线的划定和管理,适用本规定。 本规定所称生态保护红线,是指在生态空间范围内具有特殊重要生态功能、应当强制性严格保护"
     "的区域。 第三条 生态保护红线的划定和管理,应当遵循科学划定、保护优先、功能稳定、刚性控制、分类管控的原则。 第四条 省"
     "和市、县、自治县人民政府应当将生态保护红线纳入本行政区域的国土空间规划,并作为省和市、县、自治县国土空间规划的刚性约束,"
     "控制城乡发展边界和产业布局,促进经济建设\n",
     ["关于修改〈海南省生态保护红线管理规定〉的决定"]),
    ("《玉树藏族自治州自治条例》业经2005年4月27日自治州十届人大六次会议修订,并经2005年11月26日青海省十届人大常委会第十九次会议批准,"
     "现予公布,自2005年11月26日施行。 特此公告 玉树州人大常委会 2005年12月12日 玉树藏族自治州自治条例 (1987年11月19日玉树藏族自治州"
     "第七届人民代表大会第三次会议通过1988年4月20日青海省第七届人民代表大会常务委员会第二次会议批准根据2005年4月27日玉树藏族自治州"
     "第十届人民代表大会第六次会议通过2005年11月26日青海省第十届人民代表大会常务委员会第十九次会议批准的《玉树藏族自治州人民代表大会"
     "关于修改<玉树藏族自治州自治条例>的决定》修正) 第一章 总则\n",
     ["玉树藏族自治州人民代表大会关于修改<玉树藏族自治州自治条例>的决定"]),
])
def test_a_history_names_the_decisions_that_amended_the_rule(text, decisions):
    x = extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8")))
    assert [c.source.title for c in x.citations
            if c.relation == Relation.AMENDS and c.target == x.identity and c.source is not None] == decisions
