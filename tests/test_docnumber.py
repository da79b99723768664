"""Document numbers: every written variant to one canonical key."""
import pytest

from kg.lexicon.docnumber import DocNumber, find_numbers, normalise
from kg.lexicon.issuers import find_code_start

VARIANTS = [
    ("国办发〔2019〕5号", "国办发〔2019〕5号"),
    ("国办发[2019]5号", "国办发〔2019〕5号"),
    ("国办发［2019］5号", "国办发〔2019〕5号"),
    ("国办发(2019)5号", "国办发〔2019〕5号"),
    ("国办发（2019）5号", "国办发〔2019〕5号"),
    ("国办发【2019】5号", "国办发〔2019〕5号"),
    ("国办发〔２０１９〕５号", "国办发〔2019〕5号"),
    ("国办发〔2019〕05号", "国办发〔2019〕5号"),
    ("国办发〔2019〕第5号", "国办发〔2019〕5号"),
    ("国办发 〔 2019 〕 5 号", "国办发〔2019〕5号"),
    ("威环政办发〔2022〕2号", "威环政办发〔2022〕2号"),
    ("渝民函〔2020〕245号", "渝民函〔2020〕245号"),
    ("2019年第76号", "2019年第76号"),
    ("2019年第076号", "2019年第76号"),
    # a legislature's announcement: the term its name holds is the number's (内蒙古, 浙江), its short name its full one
    ("内蒙古自治区第十一届人民代表大会常务委员会公告第35号", "内蒙古自治区人民代表大会常务委员会公告〔十一届〕第35号"),
    ("浙江省第十一届人民代表大会常务委员会公告第16号", "浙江省人民代表大会常务委员会公告〔十一届〕第16号"),
    ("营口市人民代表大会常务委员会公告〔十七届〕第28号", "营口市人民代表大会常务委员会公告〔十七届〕第28号"),
    ("江苏省人大常委会公告第77号", "江苏省人民代表大会常务委员会公告第77号"),
    ("甘肃省人大常委会公告第39号", "甘肃省人民代表大会常务委员会公告第39号"),
    # a ministry's order numbered within its year keeps the year, in 〔〕 as every year is (交通部, 商务部,
    # 交通运输部 on law sites);
    # a central organ's order is one number with or without the state's name before it
    ("中华人民共和国交通部令2006年第8号", "交通部令〔2006〕8号"),
    ("商务部令2007年第15号", "商务部令〔2007〕15号"),
    ("中华人民共和国交通运输部令 2009年第9号", "交通运输部令〔2009〕9号"),
    # a government's order is numbered on: a year beside it is no part of it (广西 on a law site, 湘西's
    # 预案 citing 国务院令〔2003〕第394号) ...
    ("广西壮族自治区人民政府令2016年第116号", "广西壮族自治区人民政府令第116号"),
    ("国务院令〔2003〕第394号", "国务院令第394号"),
    # ... but not by a government that numbers within each year (year_numbered_orders.tsv: 河北 since
    # 2002, its gazette and its 2019 repeal decision, which names 〔2013〕第2号 and 〔2014〕第2号 as two rules)
    ("河北省人民政府令〔2011〕第10号", "河北省人民政府令〔2011〕10号"),
    ("河北省人民政府令〔2013〕第2号", "河北省人民政府令〔2013〕2号"),
    ("河北省人民政府令〔2014〕第2号", "河北省人民政府令〔2014〕2号"),
    # the sequence before 令 (北京's decisions, 西城's 规程, 甘肃's 办法)
    ("北京市人民政府第9号令", "北京市人民政府令第9号"),
    ("国务院第394号令", "国务院令第394号"),
    ("海关总署第61号令", "海关总署令第61号"),
    # negative: a code that only ends in 令 is a code (沈阳's 沈政令〔1997〕29号)
    ("沈政令[1997]29号", "沈政令〔1997〕29号"),
]


@pytest.mark.parametrize("written,canonical", VARIANTS)
def test_normalise(written, canonical):
    assert normalise(written) == canonical


@pytest.mark.parametrize("text", ["第245号", "国办发5号", "养老服务", "〔2019〕5号", "发布第3号令"])
def test_not_a_number(text):
    with pytest.raises(ValueError):
        DocNumber.parse(text)


def test_parse_and_format_round_trip():
    n = DocNumber.parse("鲁政办发〔2019〕31号")
    assert (n.code, n.year, n.seq) == ("鲁政办发", 2019, 31)
    assert DocNumber.parse(str(n)) == n


FOUND = [
    # sentence from the corpus -> numbers found, in order
    ("市政府先后出台了《加快社会服务体系建设的意见》（威政发〔2013〕21号）《关于加快发展养老服务业的意见》（威政发〔2014〕38号）",
     ["威政发〔2013〕21号", "威政发〔2014〕38号"]),
    ("按照《重庆市社区居家养老服务全覆盖实施方案》(渝府办发〔2019〕110号)要求", ["渝府办发〔2019〕110号"]),
    ("《关于养老、托育、家政等社区家庭服务业税费优惠政策的公告》(2019年第76号)等文件", ["2019年第76号"]),
    ("根据国办发〔2019〕5号、6号文件精神", ["国办发〔2019〕5号", "国办发〔2019〕6号"]),
    ("按照某某政发（２０２０）第３号要求", ["某某政发〔2020〕3号"]),
    ("关于市政协十三届三次会议第245号提案的答复", []),
    ("2019年第3号提案", []),
    # a city's initial that no table holds before a code that reads as a national one
    # (宝鸡 民政局 forwarded by 渭滨区; 厦门's 厦民 reply) is the city's code, not 民政部's 民发
    ("现将宝民发(2022)4号文件,宝鸡市民政局《关于开展全市养老机构安全摸底排查工作的通知》转发你们", ["宝民发〔2022〕4号"]),
    ("根据《厦门市民政局关于印发养老服务设施专项规划的请示》(厦民〔2020〕196号)", ["厦民〔2020〕196号"]),
    # 按 before a code nobody listed is the running text's (广东 物价局's 按粤价[2008]215号文件规定; 富阳's 按富民〔2019〕56号文件)
    ("按粤价[2008]215号文件规定", ["粤价〔2008〕215号"]),
    ("由区民政局和相关乡镇(街道)按富民〔2019〕56号文件有关规定具体组织实施", ["富民〔2019〕56号"]),
    # the national code itself, after a boundary word or an organ's name
    ("现将民发〔2022〕4号文件转发你们", ["民发〔2022〕4号"]),
    ("根据民政部民发〔2019〕88号文件", ["民发〔2019〕88号"]),    # the State Council's order by the abbreviation gov.cn's 发文字号 field gives it (巴彦木仁苏木's 年报;
    # 武威 医保's 公告), the same order as 国务院令第N号
    ("本年度报告根据《中华人民共和国政府信息公开条例》(国令第711号)、《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》(国办公开办函〔2021〕30号)制作。",
     ["国务院令第711号", "国办公开办函〔2021〕30号"]),
    ("《医疗保障基金使用监督管理条例》(国令第735号)", ["国务院令第735号"]),
]


@pytest.mark.parametrize("text,expected", FOUND)
def test_find_numbers(text, expected):
    from kg.lexicon.folding import fold
    found = sorted(find_numbers(fold(text), find_code_start), key=lambda m: m.span.start)
    assert [str(m.number) for m in found] == expected


@pytest.mark.parametrize("text,expected", [
    # a history's orders, the sequence before 令, one after a date (北京's decision of 13 rules)
    ("一、北京市机动车市场管理暂行规定(1990年5月28日北京市人民政府第9号令发布,根据1997年12月31日北京市人民政府第12号令第一次修改)",
     ["北京市人民政府令第9号", "北京市人民政府令第12号"]),
    # a central organ named in full before a county's name in it (资源, 广西: 国土资源部's 办法, mirrored)
    ("(2012年10月12日国土资源部第55号令公布", ["国土资源部令第55号"]),
    # an order numbered within its year is no announcement of that number (交通部's order on a law site)
    ("中华人民共和国交通部令\n2006 年第 8 号\n", ["交通部令〔2006〕8号"]),
    # a legislature's 公告 with its kind spaced as a heading spaces it (呼和浩特's page title; 营口 over three lines)
    ("呼和浩特市人民代表大会常务委员会公 告﹝十六届﹞第二十二号\n", ["呼和浩特市人民代表大会常务委员会公告〔十六届〕第22号"]),
    ("营口市人民代表大会常务委员会\n公 告\n〔十七届〕第28号\n", ["营口市人民代表大会常务委员会公告〔十七届〕第28号"]),
    # a government's order under its short code, 政令 or 府令 (天津's 文号 field; 白山's heading; 重庆's gazette)
    ("文 号:津政令第7号\n发布日期:2014-3-25\n", ["津政令第7号"]),
    ("白山政令〔1997〕3号\n", ["白山政令〔1997〕3号"]),
    ("渝府令第 121 号", ["渝府令第121号"]),
    # negative: an organ that announces without a number (a 公告 saying 现将…公告如下)
    ("营口市人民代表大会常务委员会\n公 告\n现将有关事项公告如下:\n", []),
])
def test_orders_in_every_written_form(text, expected):
    assert [str(m.number) for m in find_numbers(text, find_code_start)] == expected
