"""The layout stage: a page's title and own number wherever the page puts
them (kg/read/layout.py). Each row is a page opening in a form real pages use
(lines from tests/data/wild/pages and shared/corpus-pages, cut short); each
form has examples from at least two sources, and negative rows say what must
never become the own number or the title."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.document import extract_mentions
from kg.models import SourceDocument
from kg.read.cleaning import clean
from kg.read.portal import find_portal, read_metadata_line


def page(text: str):
    return clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8"))


def extract(text: str):
    return extract_mentions(page(text))


BODY = "为加快发展养老服务业，现提出如下意见。\n一、总体要求\n"

# --- the title, anchored wherever it stands ---

TITLES = [
    # a page title that sets the site's name and section before the title, words apart, over the title alone
    # (江苏 人社厅's portal)
    ("江苏省人力资源和社会保障厅 政策法规 省人力资源社会保障厅 关于发布2020年高技能人才培训补贴紧缺型职业(工种)目录的通知\n"
     "作者: 来源:政府 2020-05-09 13:37:47\n"
     "省人力资源社会保障厅关于发布2020年高技能人才培训补贴紧缺型职业(工种)目录的通知各设区市人力资源社会保障局,昆山市、泰兴市、沭阳县人力资源社会保障局:"
     "为贯彻落实省委、省政府关于新型冠状病毒感染的肺炎疫情防控...\n"
     "省人力资源社会保障厅 关于发布2020年高技能人才培训补贴紧缺型职业(工种)目录的通知\n"
     "各设区市人力资源社会保障局,昆山市、泰兴市、沭阳县人力资源社会保障局:\n",
     "省人力资源社会保障厅 关于发布2020年高技能人才培训补贴紧缺型职业(工种)目录的通知"),
    # a report's own heading is the one over the line that says where it was delivered, not a portal's or a
    # site's headline above it (天津 河西区's and 山南's 政府工作报告)
    ("2022年天津市河西区人民政府工作报告\n\n政府工作报告\n\n——2021年12月11日在河西区第十八届人民代表大会第一次会议上\n\n"
     "河西区人民政府区长  胡学明\n\n各位代表:\n\n现在,我代表河西区人民政府,向大会作政府工作报告,请予审议。\n", "政府工作报告"),
    ("首页 新闻中心 政务公开 政务服务 互动交流 招商引资 走进山南\n当前位置:首页>政务公开>政府工作报告\n\n2022年山南市人民政府工作报告\n\n"
     "时间:2022-02-23 10:42:17 来源:山南市人民政府办公室 作者:\n\n政府工作报告\n\n——2022年1月10日在山南市第二届人民代表大会第二次会议上\n\n"
     "山南市人民政府市长  次仁平措\n\n各位代表:\n\n现在,我代表市人民政府向大会报告工作,请予审议。\n", "政府工作报告"),
    # a reply page the portal titles by the proposal's subject: the letter's own heading, which names it by
    # the session and number it was filed under, is the reply's title (上街区 公安局's 回复; 罗村镇's
    # 答复 under a reply database's record; 沂水 教体局's under its portal table)
    ("  • 00528361X/2024-00036\n  • 上街区公安局\n  • 政协提案\n  • 2024-06-20\n  • 2024-06-20\n"
     "关于钱学森小学附近路段交通拥堵的建议的答复\n关于区政协第十届三次会议第138号提案的回复\n\n刘源委员:\n\n"
     "您提出的《关于钱学森小学附近路段交通拥堵的建议》收悉。现答复如下:\n",
     "关于区政协第十届三次会议第138号提案的回复"),
    ("关于“对省道湖南路、省道102罗村镇段路灯进行提升”提案的答复\n政协第十二届淄川区委员会第四次会议\n92\n"
     "建议人: 崔洪 阎朝忠 李哲 曹振兵 封吉荣\n主办单位: 淄川区罗村镇人民政府\n答复时间: 2020-09-10\n  • 答复内容\n  • 建议内容\n\n"
     "罗村镇人民政府\n\n对区政协十二届四次会议第92号提案的答复\n\n \n\n崔洪、阎朝忠、李哲、曹振兵、封吉荣委员:\n\n"
     "您们提出的“关于对省道湖南路、省道102罗村镇段路灯进行提升的提案 ”收悉,现答复如下:\n",
     "对区政协十二届四次会议第92号提案的答复"),
    ("沂水县教育和体育局对《关于崔家峪镇中心小学学生操场整修的建议》的答复\n"
     "索 引 号: | yishuixjytyj2251918/2024-0000114 | 主 题 词: | 公开方式: | 主动公开 | |\n"
     "文 号: | 沂教复字(2024)第5号 | 发布机构: | 沂水县教育和体育局 | 发布日期: | 2024-07-06 |\n"
     "浏览次数: | 有 效 性: | 有效中 | 成文日期: | ||\n"
     "标 题: | 沂水县教育和体育局对《关于崔家峪镇中心小学学生操场整修的建议》的答复 |\nA:解决采纳\n"
     "对县十九届人大三次会议第55号建议的答复\n郭相迎代表:\n您提出的《关于崔家峪镇中心小学学生操场整修的建议》收悉,现答复如下:\n",
     "对县十九届人大三次会议第55号建议的答复"),
    # ... as it does over a portal's title that names the number without its session (柘城 市场监管局: its
    # heading broken over two lines under its number and 办理结果)
    ("索引号: | 071-zcxscjdglj-00000040 | 发布机构: | |\n成文日期: | 2023-12-22 | 有效性: | 有效 |\n"
     "文 号: | 所属主题: | 政协委员提案办理 |\n柘城县市场监管局对县政协136号提案的回复\n柘市监复字〔2023〕02号 签发人:吴文华\n"
     "办理结果:A\n对县政协十一届二次会议\n第136号提案的答复\n尊敬的余传鑫委员:\n"
     "您提出的“关于对保健品行业加大规范力度的建议”的提案收悉,现答复如下:\n",
     "对县政协十一届二次会议第136号提案的答复"),
    # a repost's headline that says a place or an organ published the document: what follows 发布 is
    # the title, and the document's own heading below, where the page keeps it, is the page's (a content
    # farm's copy of 柞村镇's 公告; a parenting site's of 路北区's 通知; an investment site's of 江苏's 意见)
    ("2022年莱州市发布柞村镇关于停办寒同山枫叶节公告\n\n更新时间:2022-10-21 15:59:30作者:智慧百科\n\n"
     "2022年莱州市发布柞村镇关于停办寒同山枫叶节公告\n\n  发布时间:2022年10月20日\n\n  莱州市:柞村镇关于停办寒同山枫叶节的公告\n\n"
     "  目前,疫情防控形势严峻复杂,为有效做好我镇“外防输入、内防反弹”工作,切实降低疫情输入传播风险及做好护林防火工作,现将有关事项公告如下:\n",
     "柞村镇关于停办寒同山枫叶节的公告"),
    ("请选择时期:\n怀孕准备 怀孕 分娩 宝宝0-1岁 宝宝1-3岁 宝宝3-6岁\n\n唐山路北区发布关于认真做好扫雪除冰工作的通知\n\n"
     "来源: 最后更新:22-09-27 06:46:34\n\n导读:11月7日,唐山普降大雪,为防止棚类建筑物、苗木被积雪压垮和折断,确保雪后道路通畅和人民群众出行安全。\n\n"
     "  路北区爱国卫生运动委员会办公室\n\n  关于认真做好扫雪除冰工作的通知\n\n  各镇(街道)、区直各部门:11月7日,我区普降大雪。\n",
     "关于认真做好扫雪除冰工作的通知"),
    ("社交媒体分享\n搜索\n\n江苏省人民政府办公厅发布进一步加大基础设施领域补短板力度的实施意见\n\n2019-03-25\n\n"
     "为认真贯彻党中央、国务院部署要求,深入落实《国务院办公厅关于保持基础设施领域补短板力度的指导意见》(国办发〔2018〕101号)精神,"
     "经省政府同意,现就进一步加大基础设施领域补短板力度提出如下实施意见。\n",
     "进一步加大基础设施领域补短板力度的实施意见"),
    # a portal's 收藏 button on a line of its own over the heading is no part of it (洮南, 白城 portals)
    ("工作报告\n一网搜\n发布时间:2023-01-12 14:14:00 来源:\n收藏\n2022年政府工作报告\n"
     "—2022年12月22日在洮南市第十九届人民代表大会第二次会议上\n洮南市人民政府市长  高熙礼\n各位代表:\n", "2022年政府工作报告"),
    ("政府机构 信息公开 办事服务 互动交流 走进白城\n发布时间:2026-01-12 09:06:00    来源:\n收藏\n\n"
     "白城市第七届人民代表大会第七次会议关于白城市人民政府工作报告的决议\n\n"
     "(2026年1月12日白城市第七届人民代表大会第七次会议第三次全体会议通过)\n\n",
     "白城市第七届人民代表大会第七次会议关于白城市人民政府工作报告的决议"),
    # a document-sharing site shows the file's name, extension and all (文秘 site; 乌审旗 portal's attachment link)
    ("2021年重大民生实事项目目标任务责任分解表.docx\n《2021年重大民生实事项目目标任务责任分解表.docx》由会员分享,可在线阅读。\n"
     "1、2021年重大民生实事项目\n", "2021年重大民生实事项目目标任务责任分解表"),
    ("乌审旗发展和改革委员会关于核定养老服务收费标准及有关事项的通知.doc\n\n各有关单位:\n" + BODY,
     "乌审旗发展和改革委员会关于核定养老服务收费标准及有关事项的通知"),
    # a site's year after a document's type is no part of its title (the State Council's 批复 on a law
    # site; 民政部 and 财政部's 通知 on a repost)
    ("国务院关于同意四川省撤销眉山地区设立地级眉山市的批复(2000年)\n四川省人民政府:\n你省《关于撤销眉山地区设立地级眉山市的请示》"
     "(川府〔1999〕30号)收悉。现批复如下:\n", "国务院关于同意四川省撤销眉山地区设立地级眉山市的批复"),
    ("民政部财政部关于组织开展中央财政支持经济困难失能老年人集中照护服务工作的通知(2023年)\n\n"
     "各省、自治区、直辖市民政厅(局)、财政厅(局),各计划单列市民政局、财政局,新疆生产建设兵团民政局、财政局:\n" + BODY,
     "民政部财政部关于组织开展中央财政支持经济困难失能老年人集中照护服务工作的通知"),
    # a law site's (2006年修正本) after a regulation's name (阿坝's 自治条例); the document's date in brackets,
    # doubled, on its title line (哈尔滨 办公厅's 通知 on a law database)
    ('阿坝藏族羌族自治州自治条例(2006年修正本)制定机关: 阿坝藏族羌族自治州人民代表大会常务委员会效力级别: 地方性法规时效性: 已修改发布文号: 公布日期: 2006.08.18施行日期: 2006.08.18题注: (1986年7月12'
     "\n", "阿坝藏族羌族自治州自治条例"),
    ("哈尔滨市人民政府办公厅关于转发哈尔滨市志编纂方案的通知 ((1990年11月16日))\n各区、县(市)人民政府,市政府各委、办、局,"
     "中直、省属在哈单位,驻哈部队: 经市政府同意,现将哈尔滨史志编纂委员会制定的《哈尔滨市志编纂方案》转发给你们。\n",
     "哈尔滨市人民政府办公厅关于转发哈尔滨市志编纂方案的通知"),
    # after breadcrumbs, a source line and a category line (潼关, 青浦 portals)
    ("首页/ 政府信息公开 / 建议提案 / 正文\n\n潼关县民政局\n关于对政协十届三次会议第52号提案的答复\n\n"
     "来源:潼关县民政局 发布时间:2024-09-11 11:23\n类别:提案\n马青、周丽等委员:\n" + BODY,
     "潼关县民政局关于对政协十届三次会议第52号提案的答复"),
    ("当前位置 > 首页 > 信息公开 > 政府文件\n014180233/2021-00034\n市政府文件\n张家港市人民政府\n2021-03-09\n"
     "张政发规〔2021〕3号\n有效\n\n市政府关于印发《关于进一步推动我市养老服务高质量发展的实施意见》的通知\n\n"
     "张政发规〔2021〕3号\n\n各镇政府,市政府各部门:\n" + BODY,
     "市政府关于印发《关于进一步推动我市养老服务高质量发展的实施意见》的通知"),
    # an organ line right above 关于… belongs to the title (乌兰察布, 潼关) …
    ("您所在的位置:首页>市政府文件>正文\n中共乌兰察布市委 乌兰察布市人民政府\n关于加快发展养老服务业的实施意见\n——\n"
     "乌党发〔2015〕21号\n" + BODY, "中共乌兰察布市委 乌兰察布市人民政府关于加快发展养老服务业的实施意见"),
    # … but set apart by a blank line it is the version head (温州 seed, 郑州 repost, 石家庄 portal)
    (" 温民提〔2017〕77号\n温州市民政局\n\n关于对市政协十一届一次会议第589号\n\n提案的答复函\n\n薛利霞等4位委员：\n",
     "关于对市政协十一届一次会议第589号提案的答复函"),
    ("石家庄市民政局\n \n石家庄市人民政府办公厅关于印发石家庄市养老服务体系建设“十三五”规划的通知\n"
     "发布时间:2016-03-29    来源:石家庄市人民政府\n石政办发〔2016〕24号\n各县(市)、区人民政府,市政府有关部门:\n",
     "石家庄市人民政府办公厅关于印发石家庄市养老服务体系建设“十三五”规划的通知"),
    # a mirror's heading: the title in 《》 after its own number, or with 原文
    ("黑政办发〔2016〕28号《黑龙江省人民政府办公厅转发省卫生计生委等部门关于推进医疗卫生与养老服务相结合实施意见的通知》\n\n"
     "浏览量:          时间:2021-02-07 07:35:03\n",
     "黑龙江省人民政府办公厅转发省卫生计生委等部门关于推进医疗卫生与养老服务相结合实施意见的通知"),
    ("NEWS / 新闻中心\n《关于加快发展农村养老服务的指导意见》原文\n\n\n(十九)营造农村养老助老良好氛围。\n",
     "关于加快发展农村养老服务的指导意见"),
    # a law's title with its adoption note beside it, after a promulgation 公告
    ("营口市人民代表大会常务委员会\n公 告\n〔十七届〕第28号\n《营口市养老服务促进条例》由营口市第十七届人民代表大会常务委员会"
     "第三十三次会议于2025年11月28日通过,现予公布,自2026年3月1日起施行。\n营口市人民代表大会常务委员会\n2026年2月11日\n"
     "营口市养老服务促进条例\n(2025年11月28日营口市第十七届人民代表大会常务委员会第三十三次会议通过)\n",
     "营口市养老服务促进条例"),
    ("意库资讯网\n当前位置: 首页 » 热门动态 »\n湖北省养老服务条例 (2025年11月27日湖北省第十四届人民代表大会常务委员会"
     "第二十一次会议通过)\n湖北省人民代表大会常务委员会公告\n(第三百七十五号)\n", "湖北省养老服务条例"),
    # a page title with its site's names after bars is no table row (its cells are not a row's)
    ("关于推进养老服务发展的实施意见 | 常山县人民政府\n各乡镇人民政府:\n", "关于推进养老服务发展的实施意见"),
    ("关于印发养老服务补贴办法的通知｜政策文件｜丽水市民政局\n各县(市、区)民政局:\n", "关于印发养老服务补贴办法的通知"),
    # marks a portal adds: (有效), a version tag, a repeated piece
    ("关于印发尚志市养老托育服务健康发展实施方案的通知(有效)\n各乡镇人民政府:\n",
     "关于印发尚志市养老托育服务健康发展实施方案的通知"),
    ("韶关市人民政府印发韶关市老年人优待办法的通知(2008修订)\n各县(市、区)人民政府:\n",
     "韶关市人民政府印发韶关市老年人优待办法的通知"),
    ("国务院办公厅关于发展银发经济 国务院办公厅关于发展银发经济 增进老年人福祉的意见\n\n发布时间:2024-01-23\n",
     "国务院办公厅关于发展银发经济 增进老年人福祉的意见"),
    ("法规库\n安徽省乡镇敬老院管理办法【2004年修订版】\n(1992年1月2日安徽省人民政府令第30号发布)\n",
     "安徽省乡镇敬老院管理办法"),
    # a heading set with spaced letters, over three lines (张谷英镇 mirror; 通 知 headings)
    ("张政字〔2025〕1号 B1类 同意公开\n岳阳县张谷英镇人民政府\n对县十八届人大四次会议第153号建议的\n答 复\n肖东红等代表:\n",
     "岳阳县张谷英镇人民政府对县十八届人大四次会议第153号建议的答复"),
    ("乐清市民政局\n关于下拨福彩公益金的\n通 知\n各乡镇人民政府:\n", "乐清市民政局关于下拨福彩公益金的通知"),
    # a title run into the page's metadata, its line breaks lost (南京 portal; a 通知 of the same form)
    ("南京市老年人能力评估标准日期:2014-08-05 浏览次数:122字号: 视力保护色:(试行)本标准以民政部标准为依据。\n",
     "南京市老年人能力评估标准"),
    ("杭州市民政局关于做好养老服务补贴发放工作的通知发布时间:2021-03-02 来源:市民政局 各区县民政局:为做好补贴发放,现通知如下。\n",
     "杭州市民政局关于做好养老服务补贴发放工作的通知"),
    # an order or a legislature's announcement with no title line: the regulation it promulgates (哈尔滨, 南京)
    ("好律师> 法律法规库> 地方法规> 哈尔滨市人民政府令\n哈尔滨市人民政府令\n\n(第31号)\n\n"
     "《哈尔滨市优待老年人的规定》已经1999年4月6日市人民政府第33次常务会议通过,现予发布,自1999年4月15日施行。\n",
     "哈尔滨市优待老年人的规定"),
    ("南京市人民代表大会常务委员会公告(第25号)\n《南京市养老服务条例》已由南京市第十六届人民代表大会常务委员会第十九次会议"
     "于2019年12月27日通过,江苏省第十三届人民代表大会常务委员会第十三次会议于2020年1月9日批准。现予公布,自2020年3月1日起施行。\n",
     "南京市养老服务条例"),
    # a bulleted headline (夏县 portal mirror)
    ("• 网站支持IPv6\n• 80周岁及以上老年人高龄津贴政策\n\n时间:2024-05-30      信息来源: 夏县人民政府\n(一)发放对象\n",
     "80周岁及以上老年人高龄津贴政策"),
    # a page without a document heading is known by its headline (news, 公示)
    ("甘肃省5类困难老年人每人每月补贴100元\n2016-05-12 来源:甘肃日报\n近日,省民政厅印发通知。\n",
     "甘肃省5类困难老年人每人每月补贴100元"),
    ("市政协四届四次会议第16号提案办理协商会召开\n\n9月10日,市政协召开提案办理协商会。\n",
     "市政协四届四次会议第16号提案办理协商会召开"),
    # a spam mirror's header of ad words as a comma-separated list is no body (邵阳 news and 北京 解读 mirrors)
    ("国产欧美一区二区精品性色,欧美日韩国产电影,午夜国产精品视频,久久久久国产成人精品\n首页\n武冈市着力打造“宜居平安敬老院”\n"
     "来源:邵阳新闻网 作者:沈程华 2017-12-22 15:31\n邵阳新闻网讯 为进一步加强全市敬老院消防安全管理工作,有效预防消防安全隐患。\n",
     "武冈市着力打造“宜居平安敬老院”"),
    # a news headline may open with its place and a colon, and keeps it (新华网 item of 长沙's opinion;
    # 建邺 news of 双闸街道); an aggregator's place before a document's title is no part of it (中国养老网)
    ("新华网 正文\n长沙:住宅小区需“标配”养老服务用房\n2019-01-29 10:50:06 来源: 新华网\n"
     "新华社长沙1月29日电(记者 谢樱)记者29日从长沙市民政局获悉,长沙将全面放开养老服务市场。\n",
     "长沙:住宅小区需“标配”养老服务用房"),
    ("双闸街道:心系民生纳民意 代表接待解民忧 |\n“马上好哦!”昨日上午,在建邺区双闸街道白龙江西街60号“江湾食堂”芳香四溢。\n",
     "双闸街道:心系民生纳民意 代表接待解民忧"),
    ("广东:深圳市司法局关于公开征求《深圳市长期护理保险办法(征求意见稿)》意见的通告\n"
     "为积极应对人口老龄化,现将办法全文公布,征求社会各界意见。\n",
     "深圳市司法局关于公开征求《深圳市长期护理保险办法(征求意见稿)》意见的通告"),
    # a meeting's name ends in 会 like an association, but is a headline, not an organ line (贺兰 portal)
    ("★全国文明县城  ★国家卫生城市\n自治区政协在我县召开小区配建养老服务设施的政协提案调研现场会\n"
     "发布时间:2021-07-16 保护视力色:\n为高质量办好自治区政协十一届四次会议关于养老服务设施的提案,贺兰县高度重视。\n",
     "自治区政协在我县召开小区配建养老服务设施的政协提案调研现场会"),
    # a column's tag before a 解读 page's heading holds a label's word (文字), but is no label (全椒 portal)
    ("【文字解读】关于印发《襄河镇2023年“敬老月”活动实施方案》的通知\n\n    发布时间:2023-10-13 09:05\n    【字体:打印\n"
     "    2023年10月7日,襄河镇印发方案,现由襄河镇人民政府对此政策作如下解读:\n",
     "关于印发《襄河镇2023年“敬老月”活动实施方案》的通知"),
    # a mirror's summary paragraph above the breadcrumb is not the body: the title below it is the page's
    # (昔阳 county portal mirror; the same order on a 区政府 portal)
    ("截止目前,我县已建成老年人日间照料中心125个,其中正常运行的占到70%以上。\n"
     "首页 » 政务公开 » 县政府信息公开目录 » 提案办理 » 人大提案 » 正文 |\n"
     "关于提高农村老年人日间照料中心年运行补助标准的建议办理情况\n截止目前,我县已建成老年人日间照料中心125个。\n",
     "关于提高农村老年人日间照料中心年运行补助标准的建议办理情况"),
    ("近年来,我区养老服务工作取得明显成效,现将有关情况报告如下。\n当前位置:首页 > 政务公开 > 建议提案办理\n"
     "关于区政协三届二次会议第45号提案的答复\n王委员:\n您提出的提案收悉。\n",
     "关于区政协三届二次会议第45号提案的答复"),
]


TITLES += [
    # the rule an order promulgates, its number before the sentence (北京 市政府's 令第227号 on a papers site)
    ("论文部分内容阅读\n北京市人民政府令第227号《北京市小客车数量调控暂行规定》已经2010年12月22日市人民政府第81次常务会议审议通过,"
     "现予公布,自公布之日起施行。市长郭金龙第一条为了落实本市城市总体规划,制定本暂行规定。\n", "北京市小客车数量调控暂行规定"),
    # a plan's period in brackets opens the heading's last line (吉林省 办公厅's 绿化美化 规划 notice, blank lines
    # between the parts; 儋州市 卫健委's 规划, its period alone under it)
    ("吉林省人民政府办公厅关于印发\n\n吉林省第三个十年绿化美化吉林大地规划\n\n(2021-2030年)的通知\n\n吉政办发〔2021〕11号\n\n"
     "各市(州)人民政府,长白山管委会:\n\n  《吉林省第三个十年绿化美化吉林大地规划(2021-2030年)》已经省政府同意,现印发给你们,"
     "请认真贯彻落实。\n",
     "吉林省人民政府办公厅关于印发吉林省第三个十年绿化美化吉林大地规划(2021-2030年)的通知"),
    ("第七章 打造特色健康产业 24\n一、坚持党的领导 30\n儋州市“十四五”卫生健康规划\n(2021-2025年)\n“十四五”是围绕海南自由贸易港"
     "建设的关键时期。\n", "儋州市“十四五”卫生健康规划(2021-2025年)"),
    # a title line that opens with its own number is the title without it (江津区; 柳州)
    ("津民政函〔2025〕35号关于区十八届人大七次会议第188号建议办理情况的答复函\n发布日期:2025-05-22 17:25:26\n唐倩代表:\n",
     "关于区十八届人大七次会议第188号建议办理情况的答复函"),
    ("柳民复字〔2022〕81号 柳州市民政局关于对市政协十三届二次会议第201号提案的答复\n\n来源: 柳州市民政局\n",
     "柳州市民政局关于对市政协十三届二次会议第201号提案的答复"),
    # an order with no title line is known by the regulation its sentence promulgates, however the
    # sentence words it (广州 令第8号: 业经…通过,现予以发布; 遵义 令第55号: 经…常务会议同意,现予公布)
    ("广州市人民政府令\n广州市人民政府令\n(第8号)\n《广州市老年人优待办法》业经2001年5月21日市政府常务会议讨论通过,"
     "现予以发布,自2001年10月1日起施行。\n市长 林树森\n二00一年六月十三日\n广州市老年人优待办法\n"
     "第一条 为保障老年人合法权益,制定本办法。\n", "广州市老年人优待办法"),
    ("遵义市人民政府令第55号\n\n《遵义市中心城区部分道路禁止货运车辆通行的管理规定》经市人民政府(2010)第21次常务会议同意,"
     "现予公布,自2011年2月1日起施行。\n\n市长:王晓光\n\n二〇一一年一月三十一日\n",
     "遵义市中心城区部分道路禁止货运车辆通行的管理规定"),
    # a headline's colon after a column's name or a first clause (中国青年网 news; a 大洼区 reply)
    ("全球微速讯:河北宁晋开展养老机构安全生产大检查\n2023-04-27 09:44:27来源:中国青年网\n(资料图片仅供参考)\n"
     "中国青年网石家庄4月27日电为进一步做好养老机构安全生产和消防安全管理工作,河北省宁晋县民政局协调应急部门开展检查。\n",
     "全球微速讯:河北宁晋开展养老机构安全生产大检查"),
    ("top_img.png\n\n区十八届人大一次会议建议:第046号--关于修建养老院的建议的答复\n\n发布时间:2018-12-10 浏览次数:683\n\n"
     "孙经东代表:\n\n您提出的关于修建养老院的建议已收悉。\n",
     "区十八届人大一次会议建议:第046号--关于修建养老院的建议的答复"),
    # the posting date a portal's list writes after the title is no part of it; a plan's years are
    # (上海市民政局: a 印发 notice and a 通知)
    ("上海市民政局关于印发《关于深化推进老年认知障碍友好社区建设的实施方案(2025—2030年)》的通知 ( 2025-09-28 )\n"
     "索取号: | 0024204128/2025-00060 | 发布机构: | 上海市民政局 |\n各区民政局:\n",
     "上海市民政局关于印发《关于深化推进老年认知障碍友好社区建设的实施方案(2025—2030年)》的通知"),
    ("关于确定第二期康复辅助器具社区租赁点的通知 ( 2020-08-28 )\n\n索取号: 0024204128/2020-00113 发布机构: 上海市民政局\n"
     "各区民政局:\n", "关于确定第二期康复辅助器具社区租赁点的通知"),
    # a headline below the breadcrumb, however many lines the site's menu takes above it
    # (武进区 portal: one menu item a line; 中原区 政务公开 page)
    ("• 今天是\n• 登录个人中心\n• 繁體中文\n• 无障碍浏览\n• 英文版\n• 智能问答\n• 移动端应用\n• 首页\n• 政务动态\n"
     "• 政府信息公开\n• 服务大厅\n• 政民互动\n• 走进武进\n• 数据开放\n\n您当前的位置:首页> 政务动态> 部门动态> 内容\n\n"
     "武进区礼嘉镇开展重阳节走访慰问活动\n发布日期: 2025-10-31    来源:民政局  浏览次数:  字号:〖大 中 小〗\n"
     "为弘扬中华民族尊老、敬老、爱老、助老的传统美德,10月28日上午,礼嘉镇组织开展走访慰问活动。\n",
     "武进区礼嘉镇开展重阳节走访慰问活动"),
    # a page pasted on one line with no break after its title: the title runs into the
    # addressees (莆田 城厢区 notice; a 县 reply)
    ("莆田市城厢区民政局关于确定全区养老机构等级名单的通知灵川镇民政办、华亭镇民政办:根据莆田市民政局《关于开展2023年度"
     "养老服务设施星级评定工作的通知》,我局组建评定委员会。\n", "莆田市城厢区民政局关于确定全区养老机构等级名单的通知"),
    ("关于县政协十届二次会议第12号提案的答复县政协提案委员会、县民政局:您提出的提案收悉,现答复如下。\n",
     "关于县政协十届二次会议第12号提案的答复"),
    # the headline below a spam mirror's betting-site header, and below a breadcrumb written with >> and no
    # colon (海门 and 磴口 mirrors)
    ("哪个平台可以买球\n\n民办养老机构床位建设补贴、运营补贴申请流程\n来源:海门区民政局 发布时间:2021-01-07 字体:[ ]\n\n"
     "一、 补贴名称\n", "民办养老机构床位建设补贴、运营补贴申请流程"),
    ("沙巴体育手机版\n\n图片\n  当前位置 >> 沙巴体育手机版>>磴口县门户网站>>政府信息公开>>法定主动公开内容>>养老服务\n"
     "磴口县城乡低保老人能力评估公示表\n发布日期: 2024-06-25 信息来源: 磴口县民政局 编辑:杨娇 打印本页\n"
     "  为全面掌握低保 60 岁以上老年人的生活自理能力情况,现将评估结果公示如下。\n", "磴口县城乡低保老人能力评估公示表"),
    # a collection files a measure under its own title, the notice that issued it below (劳动部's
    # 工资支付暂行规定, 人事部's 实施办法 in LawRefBook/Laws); a portal's notice keeps its own title
    ("# 工资支付暂行规定\n\n关于印发《工资支付暂行规定》的通知\n\n劳部发〔1994〕489号\n\n各省、自治区、直辖市劳动(劳动人事)厅(局):\n\n"
     "为配合《劳动法》的贯彻实施,特制定《工资支付暂行规定》。现印发给你们,请结合实际情况贯彻执行。\n",
     "工资支付暂行规定"),
    ("# 国家机关、事业单位贯彻《国务院关于职工工作时间的规定》的实施办法\n\n"
     "关于印发《国家机关、事业单位贯彻<国务院关于职工工作时间的规定>的实施办法》的通知\n\n人薪发［1995］32号\n\n"
     "各省、自治区、直辖市人事(人事劳动)厅(局):\n\n根据《国务院关于职工工作时间的规定》,我部制定了实施办法,现印发给你们。\n",
     "国家机关、事业单位贯彻《国务院关于职工工作时间的规定》的实施办法"),
    ("首页 > 政策文件\n关于印发《常山县养老服务补贴办法》的通知\n常政办发〔2023〕47号\n各乡镇人民政府:\n"
     "《常山县养老服务补贴办法》已经县政府同意,现印发给你们。\n常山县养老服务补贴办法\n",
     "关于印发《常山县养老服务补贴办法》的通知"),
    # 【转载】 marks a county portal's copy of the city's notice; it is no label (鄄城 mirror)
    # a 关于 title run into its body's first words, with a column's name glued before it or
    # none (通川区 福彩 公示; 安徽 卫健委 公示 on a news page); a sentence that names a document is none
    ("养老服务业发展福彩关于达州市通川区北山敬老院维修改造情况公示一、项目信息项目名称:达州市通川区北山敬老院维修改造项目"
     "项目主要内容和绩效目标:根据发改委印发《关于转下达积极应对人口老龄化工程和托育建设2021年中央预算内投资计划的通知》"
     "(川发改投资〔2021〕324号)等文件精神,对达州市通川区北山敬老院进行维修改造。\n",
     "关于达州市通川区北山敬老院维修改造情况公示"),
    ("全省示范!淮北这些村上榜\n关于2023年“全国示范性老年友好型社区”拟推荐名单及“全省示范性老年友好型社区”拟命名名单的公示"
     "根据国家卫生健康委、全国老龄办联合印发《关于开展2023年全国示范性老年友好型社区创建工作的通知》(国卫老龄发〔2023〕35号)"
     "有关要求,经各市卫生健康委(老龄办)推荐,现将具体名单予以公示(详见附件)。\n",
     "关于2023年“全国示范性老年友好型社区”拟推荐名单及“全省示范性老年友好型社区”拟命名名单的公示"),
    ("索 引 号: 11371726004495004C/2024-17736 分  类: 政策文件\n发布机构: 鄄城县民政局 成文日期: 2025 年 05 月 02 日\n"
     "标  题: 【转载】菏泽市民政局 菏泽市财政局关于提高全市困难群众救助保障水平的通知 发布日期: 2025 年 05 月 02 日\n"
     "各县区民政局、财政局:\n", "菏泽市民政局 菏泽市财政局关于提高全市困难群众救助保障水平的通知"),
    # only the issuer's line stands above the 关于 of a title broken over lines (GB/T 9704); a repost's
    # headline lines above the document's own title are not part of it (国家卫生健康委 公示 on a repost)
    ("好消息\n2021年全国示范性老年友好型社区 拟命名名单\n关于2021年全国示范性老年友好型社区 拟命名名单的公示\n"
     "根据国家卫生健康委、全国老龄办《关于开展2021年全国示范性老年友好型社区创建工作的通知》(国卫老龄函〔2021〕25号)有关要求,"
     "经各省(区、市)卫生健康委(老龄办)推荐,现将名单予以公示。\n", "关于2021年全国示范性老年友好型社区 拟命名名单的公示"),
    # a version mark on the line under the title belongs to it (浑江区 奖补办法, its number below; the
    # 沈阳 实施细则 (试行) of a 印发 page is set the same way)
    ("白山市浑江区节地生态安葬奖补办法\n(试行)\n浑江民财联发〔2025〕5 号\n为进一步深化殡葬改革,保障困难群众基本殡葬需求,"
     "根据国务院《殡葬管理条例》,制定本办法。\n", "白山市浑江区节地生态安葬奖补办法(试行)"),
    # a navigation list's item number before the title it carries (夏县 卫体局's reply on a mirror, in
    # simplified form; 安徽 殡葬 实施办法, whose title a list repeats)
    ("1. 无障碍浏览 |\n      2. 登录 | 注册\n      3. 网站支持IPv6\n      4. 夏县卫体局关于对夏县第十七届人民代表大会第四次会议"
     "第44号建议的答复\n\n        时间:2023-12-29      信息来源: 夏县人民政府     浏览次数:     【字体:\n\n          "
     "夏卫体函〔2023〕128号\n\n        李巧引代表:\n\n          您好,首先感谢您提出的宝贵建议。\n",
     "夏县卫体局关于对夏县第十七届人民代表大会第四次会议第44号建议的答复"),
    # a repost's headline names only the place where the document's heading, under it, names its organs
    # and its date (北京 意见 on a portal of e-government news; 湖州's version head does so with a number)
    ("北京市关于加强新时代街道工作的意见\n来源:中国电子政务网 更新时间:2019-02-27\n中共北京市委 北京市人民政府关于加强新时代"
     "街道工作的意见\n\n(2019年2月23日)\n街道是城市管理和社会治理的基础,是巩固基层政权、落实党和国家路线方针政策的依托。为加强和"
     "改进街道工作,构建具有首都特色的超大城市治理体系,提出如下意见。\n",
     "中共北京市委 北京市人民政府关于加强新时代街道工作的意见"),
    # organs that issue, on the line above the 关于 of what they issue (鹤岗 市政府 and 中院's notice)
    ("鹤政发〔2025〕4号\n鹤岗市人民政府 鹤岗市中级人民法院印发\n关于完善“府院联动”机制的意见的通知\n"
     "各县(区)人民政府、法院,市政府各部门:\n《鹤岗市人民政府 鹤岗市中级人民法院关于完善“府院联动”机制的意见》已经市政府十七届61次"
     "常务会议审议通过,现印发给你们,请认真贯彻执行。\n鹤岗市人民政府 鹤岗市中级人民法院\n2025年4月30日\n",
     "鹤岗市人民政府 鹤岗市中级人民法院印发关于完善“府院联动”机制的意见的通知"),
    # a portal's section named like a proposal (人大建议和政协提案) under a login menu, and a garbled
    # copy of the title in the body (临湘人大次会议第88建议), are no titles: a proposal's says what it
    # is about (绿春 交通运输局's reply; 临湘 自然资源局's)
    ("登录 | 注册\n  • 人大建议和政协提案\n  • 索引号\n    000014348/2020-01628\n  • 发布机构\n    县交通运输局\n  • 文号\n"
     "    绿交函〔2018〕11号\n  • 发布日期\n    2018-09-30\n\n绿春县交通运输局对县政协提案第21号的答复\n\n刘苍林政协绿春县委员:\n\n"
     "你在政协绿春县十三届委员会第二次会议提出的《关于硬化土卡河电站至二甫村边防巡逻路的建议》21号提案,已转交我局研究办理,"
     "现将办理情况答复如下:\n", "绿春县交通运输局对县政协提案第21号的答复"),
    ("对临湘市十八届人大二次会议第88号建议的答复\n来源:临湘政府网   日期: 2023-11-08 11:47\n浏览量:1 | | | |\n\n"
     " 临自然资字〔2023〕5号 B1类 同意公开\n\n临湘人大次会议第88建议\n\n曾楚雄等代表\n\n你们提出的《关于提请政府解决107国道沿线老屋场"
     "控建区危房改建问题的建议》收悉。\n", "对临湘市十八届人大二次会议第88号建议的答复"),
    # 通报 is a document type of its own (党政机关公文处理工作条例): 成都's 2003 通报 on a mirror, its number
    # before the title in 《》 (in simplified form); 宁波 民政局's 等级评定结果的通报
    ("成府发〔2003〕61号《成都市人民政府关于命名锦江区盐市口成华区新鸿路等17个街道办事处为成都市社区建设示范街道的通报》\n"
     "《成都市人民政府关于命名锦江区盐市口成华区新鸿路等17个街道办事处为成都市社区建设示范街道的通报》\n成府发〔2003〕61号\n"
     "各区(市)县政府,市政府各部门:\n2001年以来,锦江区盐市口、成华区新鸿路等17个街道办事处按照全市统一安排部署,深入开展创建社区"
     "建设示范街道活动。\n",
     "成都市人民政府关于命名锦江区盐市口成华区新鸿路等17个街道办事处为成都市社区建设示范街道的通报"),
    # a law database's validity mark after the title, on a line with its number and date (税屋's 条例 [全文废止])
    ("农村五保供养工作条例[全文废止] 国务院令第141号 1994-01-23 税屋提示——依据中华人民共和国国务院令第456号 农村五保供养工作条例,"
     "自2006年3月1日起本法规全文废止。\n第一条 为做好农村五保供养工作,保障农村五保对象的正常生活,健全农村的社会保障制度,制定本条例。\n",
     "农村五保供养工作条例"),
    # a list item's posting date after the title (天津 发改委's 办理结果公开 and 委内文件 lists)
    ("当前位置: 首页  >  政务公开  >  建议提案办理  >  办理结果公开\n办理结果公开\n"
     "  • 对市政协十四届三次会议第0566号提案的答复 2020-12-29\n\n       \n      李洪远委员:\n       \n"
     "      接到天津市政协第十四届三次会议第0566号“关于我市资源循环利用产业绿色智能发展的建议”的提案,我委高度重视。\n",
     "对市政协十四届三次会议第0566号提案的答复"),
    ("当前位置: 首页  >  政务公开  >  政策文件  >  委内文件\n委内文件\n"
     "  • 市发展改革委 市商务局委关于印发天津市加快冷链物流发展实施方案的通知 2022-10-18\n\n      各有关单位:\n",
     "市发展改革委 市商务局委关于印发天津市加快冷链物流发展实施方案的通知"),
    # a legislature's signed 公告 that promulgates (现予公布) is the regulation's page: its title below stays
    # the page's (营口 公告 of its 条例), unlike a notice that issues or forwards an attachment
    ("营口市人民代表大会常务委员会\n公 告\n〔十七届〕第28号\n《营口市养老服务促进条例》由营口市第十七届人民代表大会常务委员会"
     "第三十三次会议于2025年11月28日通过,现予公布,自2026年3月1日起施行。\n营口市人民代表大会常务委员会\n2026年2月11日\n"
     "营口市养老服务促进条例\n(2025年11月28日营口市第十七届人民代表大会常务委员会第三十三次会议通过)\n目 录\n第一章 总则\n",
     "营口市养老服务促进条例"),
    # ... and where a heading under its signature is another document's (呼和浩特's 公告 of its 决定, then
    # the region's 决议 approving it), the page is the document its sentence promulgates
    ('呼和浩特市人民代表大会常务委员会\n\n公 告\n\n﹝十六届﹞第二十二号\n\n《呼和浩特市人民代表大会常务委员会关于修改〈呼和浩特市地名管理条例〉等6件地方性法规的决定》已于2024年3月6日呼和浩特市第十六届人民代表大会常务委员会第十四次会议通过,经2024年3月26日内蒙古自治区第十四届人民代表大会常务委员会第九次会议批准'
     ',现予公布,自公布之日起施行。\n\n呼和浩特市人民代表大会常务委员会\n\n2024年4月12日\n\n\n\n内蒙古自治区人民代表大会常务委员会\n\n关于批准《呼和浩特市人民代表大会常务委员会\n\n关于修改〈呼和浩特市地名管理条例〉等6件\n\n地方性法规的决定》的决议\n\n(2024年 3月26日内蒙古自治区第十四届人民代表大会\n\n常务委员会第九次会议通过)'
     '\n',
     "呼和浩特市人民代表大会常务委员会关于修改〈呼和浩特市地名管理条例〉等6件地方性法规的决定"),
    # a version head's line above a heading broken over lines opens no title (临湘 住建局's reply: its
    # 公开属性 同意公开; 舞阳 教育局's: its 办理结果:B)
    ("对市政协九届四次会议第58号提案的答复\n来源:临湘市政府建议提案办   日期: 2020-10-13 16:50\n浏览量:1 | | | |\n\n"
     "临建字[2020]2号 B类\n\n同意公开\n\n \n\n对市政协九届四次会议第58号提案的\n\n答   复\n\n \n\n陈以平委员:\n\n"
     "您在市政协九届四次会议提出的《关于对原机械厂老宿舍楼实施危旧改造的提案》收悉。现答复如下:\n",
     "对市政协九届四次会议第58号提案的答复"),
    ("舞教〔2022106                    签发人:魏红涛\n\n办理结果:B\n\n对市政协十一届一次会议\n\n第 112号提案的答复\n\n"
     "张伟鹏、孙爱玲、杨巧云委员:\n",
     "对市政协十一届一次会议第 112号提案的答复"),
]


@pytest.mark.parametrize("text,title", TITLES, ids=lambda v: v[:12] if isinstance(v, str) else None)
def test_the_title_is_found_wherever_it_stands(text, title):
    assert extract(text).identity.title == title


NO_TITLE = [
    # a newspaper e-edition's page labels and navigation (株洲日报: 第A7版:要闻·民生 上一版3  4下一版 /
    # 版面导航 / 第A1版 / 头版 …; 湖南日报's the same), above an article whose headline is broken over lines
    "第A7版:要闻·民生 上一版3  4下一版\n \n版面导航\n\n第A1版\n头版\n\n第A2版\n要闻/声音\n\n第A3版\n深度解读\n \n标题导航\n"
    "进入华声在线 | 湖南在线 | 版面导航 | 标题导航 | 旧版数据\n2017年11月30日 星期四\n3 上一篇  下一篇 4 放大 缩小 默认\n"
    "株洲实施80—99周岁\n高龄补贴新政\n\n    本报11月29日讯 “株洲是全省首个在市级层面实施高龄补贴的城市。”\n",
    # a label and its value are no headline, though the value reads like one (横山 人大网's 建议 page;
    # 卡若区's 绩效评价报告 metadata)
    "欢迎访问横山人大网! 今天是:\n议案建议 当前位置:首页 -> 人事代表 -> 议案建议\n案  由: 关于启动石湾镇养老服务项目的建议\n"
    "提 案 者: 杨飞宫\n承办单位: 民政局\n提案内容: 随着农民大量外出务工,留守老人的养老问题突出。\n",
    "委托单位:昌都市卡若区财政局\n项目主管部门:昌都市卡若区民政局\n本次评价采用定量与定性相结合的方法。\n",
    # addressees whose last name ends like a type (资源规划局) are no title glued to them (厦门 批复)
    "市民政局、资源规划局: 你们《关于提请批准实施〈厦门市养老设施专项规划(2020-2035年)〉的请示》收悉。经研究,批复如下:\n",
    # a page cut before its heading: the attachment's title after the signature is not the page's
    "各县(区)人民政府,市直各单位:\n《阳泉市推进养老服务发展的实施方案》已经市人民政府同意,现印发给你们。\n"
    "阳泉市人民政府办公室\n2020年7月30日\n阳泉市推进养老服务发展的实施方案\n",
    # navigation, slogans and bylines are no headline
    "首页 政务公开 渝快办 互动交流\n近年来,我区养老服务体系取得新发展。\n",
    "★全国文明县城 ★国家卫生城市 ★国家园林县城\n近日,自治区政协在我县召开现场会。\n",
    "大河报·豫视频记者 蔡君彦\n6月28日,河南省政府新闻办召开新闻发布会。\n",
    # a spam mirror's betting-site header and a breadcrumb written with >> and no colon are no headline
    # (海门 and 磴口 mirrors); 体育彩票 of a welfare notice is no betting word
    "哪个平台可以买球\n来源:海门区民政局 发布时间:2021-01-07\n根据有关规定,现将补贴申请流程公布如下。\n",
    "沙巴体育手机版\n当前位置 >> 沙巴体育手机版>>磴口县门户网站>>政府信息公开>>养老服务\n为全面掌握低保老年人的生活自理能力情况,现予公示。\n",
    # a news sentence that names a notice with no 《》 is no title run into its body
    "近日,市民政局关于开展敬老月活动的通知根据上级要求作了部署,全市各地积极开展活动。\n",
    # an association's name over the body is an organ line, no headline (a 老龄 association's page)
    "中国老龄事业发展基金会\n近日,基金会在京召开养老服务座谈会。\n",
    # an organ and a type only is the head of an announcement, not a title
    "湖北省人民代表大会常务委员会公告\n(第三百七十五号)\n现予公布。\n",
    # a table's header or row is no title, though a cell ends like one (西湖 民生实事 table, a cell a line;
    # 余杭 labels written together; 海丰 and 凤庆 catalogues, whose 公开依据 cell is 信息公开规定)
    "序号\n重点工作任务(民生实事项目)\n牵头单位\n负责科室\n1\n新增老年食堂(助餐点)15个\n区民政局\n",
    "主题:\n养老助残\n实事内容工作任务责任单位进展情况\n一季度二季度三季度四季度\n",
    "序号 | 公开事项 | 公开内容 (要素) | 公开依据 | 公开时限 | 公开主体 |\n"
    "1 | 养老服务业务办理 | 养老机构备案 | ●备案流程 | 信息公开规定 | 制定之日起10个工作日内 | 乡人民政府 |\n",
    # a cover notice cut before its heading, signed, then the document it issues or forwards (明溪's
    # 预案 issued anew, its title without the (修订) of the notice's sentence; 巴州's forwarded 批复,
    # with its own number and addressees): the heading below is the attachment's, not the page's
    "经县政府同意,现将《明溪县防洪防台风应急预案(修订)》印发给你们,请认真贯彻执行。2012年9月印发的《明溪县防洪防台风应急预案》"
    "(明政办〔2012〕116号)同时废止。\n明溪县人民政府办公室\n2018年3月16日\n(此件主动公开)\n明溪县防洪防台风应急预案\n"
    "(2018年修订)\n目 录\n1总则\n",
    # a menu that opens with 首页, its items set apart by spaces (天水's 纲要 notice on a 宝鸡 site, whose
    # own heading line is cut; 海原's portal menu)
    "首页 宝鸡信息 宝鸡资讯\n\n(来源:网站编辑 2023-11-24 19:38)\n文章正文\n\n各县区人民政府,经开区管委会,市政府各部门:\n\n"
    "《天水市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》已经天水市第七届人民代表大会第六次会议审议通过,现印发你们。\n",
    "首页 政府信息公开 新闻中心 网上办事 政民互动 走进海原\n近日,县民政局对全县养老机构开展安全检查,排查隐患12处。\n",
    "和静县人民政府:\n现将自治区人民政府《关于同意和静县巴音乌鲁乡区划调整的批复》(新政函〔2009〕21号)转发你县。请按照批复精神和要求,"
    "切实加强领导,精心组织实施。\n巴音郭楞蒙古自治州人民政府\n二〇〇九年三月十八日\n关于同意和静县巴音乌鲁乡区划调整的批复\n"
    "新政函〔2009〕21号\n巴音郭楞蒙古自治州人民政府:\n你们《关于我州和静县巴音乌鲁乡撤乡建镇的请示》(巴政发〔2008〕68号)收悉。\n",
]


@pytest.mark.parametrize("text", NO_TITLE, ids=lambda v: v[:10])
def test_chrome_and_attachments_are_no_title(text):
    assert extract(text).identity.title is None


# --- the own number, read where the genre puts it ---

OWN_NUMBERS = [
    # a law database's attribute line whose 【字号】 holds an order, not the font-size widget (贵阳's 实施规定 on a
    # sharing site, 北大法宝's form)
    ("贵阳市殡葬管理办法(2016)\n- 格式:doc\n- 大小:28.00 KB\n- 文档页数:4\n"
     "贵阳市殡葬管理实施规定文章属性•【制定机关】贵阳市人民政府•【公布日期】2002.07.24•【字号】贵阳市人民政府令第103号•"
     "【施行日期】2002.09.01•【效力等级】地方政府规章•【时效性】失效•【主题分类】公墓殡葬管理正文贵阳市人民政府令第103号"
     "《贵阳市殡葬管理实施规定》已于2002年7月1日经市政府常务会议通过。\n现予发布,自2002年9月1日起施行。\n",
     "贵阳市人民政府令第103号", "identity.number-portal"),
    # a rule's history note under the title's last copy (a sharing site prints the title twice; the
    # order is kept as printed, 市 missing: 石家庄's 令第184号)
    ("石家庄市大气污染防治管理办法.docx\n- 文档编号:4375544\n- 上传时间:2022-12-01\n- 格式:DOCX\n- 页数:10\n- 大小:23.77KB\n"
     "石家庄市大气污染防治管理办法.docx\n《石家庄市大气污染防治管理办法.docx》由会员分享,可在线阅读,更多相关《石家庄市大气污染防治管理办法.docx"
     "(10页珍藏版)》请在冰豆网上搜索。\n石家庄市大气污染防治管理办法\n"
     "石家庄市大气污染防治管理办法\n(2013年10月14日市第十三届人民政府第十次常务会议讨论通过2013年10月27日"
     "石家庄人民政府令第184号发布自2013年12月1日起施行)\n第一章总则\n第一条为防治大气污染,改善大气环境质量,制定本办法。\n",
     "石家庄人民政府令第184号", "identity.number-order"),
    # the line under the title, in parentheses (江苏 repost, 广西 portal)
    ("江苏省政府关于全面放开养老服务市场提升养老服务质量的实施意见\n(苏政发〔2017〕121号)\n各市、县(市、区)人民政府:\n"
     "为贯彻落实《国务院办公厅关于全面放开养老服务市场提升养老服务质量的若干意见》(国办发〔2016〕91号),提出如下意见。\n",
     "苏政发〔2017〕121号", "identity.number-line"),
    ("广西壮族自治区人民政府关于印发广西壮族自治区老年人优待规定的通知\n(桂政发〔2009〕76号)\n各市、县人民政府:\n",
     "桂政发〔2009〕76号", "identity.number-line"),
    # the version head: XX文件 / 签发人 / number, below the title on a portal (潼关) or above it (GB/T 9704)
    ("潼关县民政局\n关于对政协十届三次会议第52号提案的答复\n\n来源:潼关县民政局 发布时间:2024-09-11 11:23\n类别:提案\n"
     "潼关县民政局文件\n签发人:杨宏亮\n潼民发【2024】275号\n\n马青、周丽等委员:\n",
     "潼民发〔2024〕275号", "identity.number-line"),
    ("威海市环翠区人民政府办公室文件\n\n威环政办发〔2022〕2号\n\n威海市环翠区人民政府办公室\n关于进一步推进养老服务高质量发展的实施意见\n",
     "威环政办发〔2022〕2号", "identity.number-line"),
    # the title line's tail (portal summary; a list page)
    ("关于公布2025年度新吴区惠老助餐服务机构赋星管理结果(第二批)的通知\n\n时间:2026-01-30 11:58\n"
     "发布机构 新吴区民政和卫生健康局\n内容概述 关于公布2025年度新吴区惠老助餐服务机构赋星管理结果(第二批)的通知(锡新民卫发〔2026〕2号)\n",
     "锡新民卫发〔2026〕2号", "identity.number-title-tail"),
    ("上海市民政局关于印发《上海市养老机构管理办法》的通知(沪民规〔2019〕6号)\n各区民政局:\n",
     "沪民规〔2019〕6号", "identity.number-title-tail"),
    # …or in square brackets (浙江省交通运输厅's reply, its proposal numbered by its delegation, 温36号)
    ("3234综合信息/col/col1676887/index.html政务公开/col/col1676949/index.html提案办理/col/col1676951/index.html\n\n"
     "关于省十三届人大一次会议温36号建议的答复[浙交建〔2018〕101号]\n\n2018-07-11 09:01    信息来源:浙江省交通运输厅   "
     "字号:[ 大 中 小 ]   访问次数:\n\n\n蓝德云代表:\n\n您在省十三届人大一次会议上提出的温36号《关于要求将文成铜岭山-泰顺司前-"
     "百丈-筱村-泗溪-雅阳-福建福鼎管阳的南北旅游大通道增补为规划省道的建议》收悉。经研究,现答复如下:\n",
     "浙交建〔2018〕101号", "identity.number-title-tail"),
    # a law database's line of title and order, the order's organ and sequence a space apart, under a
    # template site's compilation headline whose keyword names another province's order (广西's 办法)
    ("贵州省人民政府令116号\n\n2024-08-15\n\n贵州省人民政府令116号(精选7篇)\n\n贵州省人民政府令116号 篇1\n\n"
     "【发布文号】广西壮族自治区人民政府令2016年第116号 【发布日期】2016-12-06 【生效日期】2017-03-01 【失效日期】 "
     "【所属类别】地方法规\n\n【文件来源】广西壮族自治区人民政府\n\n广西壮族自治区土地整治办法 广西壮族自治区人民政府令 第116号\n\n"
     "《广西壮族自治区土地整治办法》已经2016年11月18日自治区十二届人民政府第84次常务会议审议通过,现予发布,自2017年3月1日起施行。\n",
     "广西壮族自治区人民政府令第116号", "identity.number-title-tail"),
    # or its head: the number opens the title line, with or without a space (江津区 民政局's 答复函;
    # 柳州市民政局's 答复)
    ("重庆市江津区民政局\n当前位置: 重庆市江津区民政局>政务公开>政府信息公开目录>建议提案办理>人大代表建议办理\n"
     "津民政函〔2025〕35号关于区十八届人大七次会议第188号建议办理情况的答复函\n发布日期:2025-05-22 17:25:26\n唐倩代表:\n",
     "津民政函〔2025〕35号", "identity.number-title-tail"),
    ("柳民复字〔2022〕81号 柳州市民政局关于对市政协十三届二次会议第201号提案的答复\n\n来源: 柳州市民政局  |   "
     "发布日期: 2022-08-23 15:25\n",
     "柳民复字〔2022〕81号", "identity.number-title-tail"),
    # and after a site's validity mark before it (微山's (已废止)微政办字〔2019〕24号 关于…)
    ("当前位置:首页 |\n|\n(已废止)微政办字〔2019〕24号 关于印发微山县重污染天气应急预案的通知 |\n||||||\n|\n||||||\n"
     "各乡、镇人民政府,各街道办事处,微山经济开发区、微山岛旅游度假区、南阳古镇旅游管委会,县政府各部门,各企业:\n",
     "微政办字〔2019〕24号", "identity.number-title-tail"),
    # a portal's section name set as a label between the title and its number is no addressee (政策文件:
    # on 马尾区's repost of 福建's 实施意见; 访谈解读: on 福建 农业农村厅's reply)
    ('福建省人民政府关于进一步做好为农民工服务工作的实施意见\n日期:2017-05-09 00:00\n政策文件:\n\n闽政〔2015〕19 号\n\n各设区市人民政府,平潭综合实验区管委会,省人民政府各部门、各直属机构,各大企业:\n  农民工是产业工人的重要组成部分,是我省改革开放、城乡经济社会发展和现代化建设的重要力量,为我省经济社会发展作出了重大贡献。根据《国务院关于进一步做好为农民工服务工作的意见》(国发〔2014〕40号)和省委省政府关于有序推进农业转移人口市民化的部署,经研究,现就进一步做好新形势下为农民工服务工作提出如下意见:\n', "闽政〔2015〕19号", "identity.number-line"),
    ('欢迎您访问福建省农业农村厅网站\n\n关于省十四届人大二次会议第1117号建议的答复\n\n来源:省农业农村厅 发布时间: 2024-08-09 17:40\n相关文章:\n\n访谈解读:\n\n  闽农督函〔202478 \n\n  答复类别:A \n', "闽农督函〔2024〕78号", "identity.number-line"),
    # and where the title is broken over two lines, its number and organ on the first (丽水 文广旅体局's 答复)
    ('当前位置:首页\n>> 政务公开 >> 市文广旅体局 >> 建议提案 >> 人大代表建议\n索引号 11332500MB19859724/2022-39884 文号\n组配分类 人大代表建议 发布机构 市文广旅体局\n成文日期 2022-11-03 公开方式 主动公开\n丽文广旅体函〔2022〕69号丽水市文化和广电旅游体育局\n关于市五届人大一次会议第236号建议的答复\n发布时间:2022-11-03 14:38浏览次数: 信息来源: 市文广旅体局\n',
     "丽文广旅体函〔2022〕69号", "identity.number-title-tail"),
    # an order whose line breaks were lost opens with its number, then the sentence that promulgates
    # the rule (吉林 省政府's 令第243号 as an abstract; 武汉 市政府's 令第254号 on a papers site)
    ("论文部分内容阅读\n吉林省人民政府令第243号《吉林省封山禁牧管理办法》已经2013年12月2日省政府第11次常务会议讨论通过,现予公布,"
     "自2014年2月1日起施行。省长巴音朝鲁2013年12月6日第一条为了保护林草植被,巩固造林绿化和草原建设成果,制定本办法。\n",
     "吉林省人民政府令第243号", "identity.number-title-tail"),
    ("论文部分内容阅读\n武汉市人民政府令第254号《武汉市山体保护办法》已经2014年7月7日市人民政府第96次常务会议审议通过,现予公布,"
     "自2014年9月1日起施行。市长唐良智2014年7月17日第一章总则第一条为了加强山体保护,改善生态环境,制定本办法。\n",
     "武汉市人民政府令第254号", "identity.number-title-tail"),
    # a heading whose line breaks were lost: title, number and addressees run together (济南 民政局's
    # notice, the addressees' colon lost too, the text cut inside a bracket; 国务院's 批复 quoted on a forum)
    ("济南市民政局关于做好2024年全市民政政策理论研究工作的通知济民发〔2024〕2号各区县民政局,全市民政系统深入扎实开展民政政策理论研究"
     "工作,根据《山东省民政厅关于做好2024年全省民政政策理论研究工作的通知》(鲁民函〔2024〕2号)有关要求,聚焦贯彻实施山东民政事业"
     "高质量发展“1261”行动计划(2024年)和2",
     "济民发〔2024〕2号", "identity.number-title-tail"),
    ("大老郭 发表于 2025-9-10 17:54\n\n国务院:同意新建黄岩岛国家级自然保护区\n\n本帖最后由 大老郭 于 2025-9-10 18:15 编辑\n\n"
     "今天,国务院批复同意新建黄岩岛国家级自然保护区。\n批复全文如下:国务院关于新建黄岩岛国家级自然保护区的批复国函〔2025〕87号"
     "自然资源部:你部关于报请新建黄岩岛国家级自然保护区的请示收悉。\n",
     "国函〔2025〕87号", "identity.number-title-tail"),
    # or in parentheses at its head (通州区 人民政府's 工作规则 notice, the same number alone under it)
    ("(通政发〔2022〕1号)北京市通州区人民政府关于印发通州区人民政府工作规则的通知\n\n分享:\n字号:        \n(通政发〔2022〕1号)\n\n"
     "各街道办事处,各乡、镇人民政府,区政府各委、办、局,各区属机构:\n\n    现将《通州区人民政府工作规则》印发给你们,请认真遵照执行。\n",
     "通政发〔2022〕1号", "identity.number-title-tail"),
    # the number and the day it was issued in one bracket under the title (河北 省政府's 工作规则)
    ("法制查询\n \n 首页→ 政府规章\n \n \n河北省人民政府工作规则\n(冀政发〔2018〕11号 2018年5月18日印发)\n\n发布时间:2018年05月29日\n"
     " \n       第一章 总  则\n  一、河北省第十三届人民代表大会第一次会议产生的新一届河北省人民政府,制定本规则。\n",
     "冀政发〔2018〕11号", "identity.number-line"),
    # an abstract that runs the version head into the number (辽宁 省政府文件辽政发…), or the date into the
    # addressees (江西 办公厅's gazette abstract)
    ("摘要\n\n<正>辽宁省人民政府文件辽政发[2021]19号各市人民政府,省政府各厅委、各直属机构:根据党中央、国务院和省委相关要求,"
     "省政府决定取消下放调整一批行政许可等职权事项59项。\n", "辽政发〔2021〕19号", "identity.number-abstract"),
    ("摘要\n赣府厅字[2018]87号2018年9月18日各市、县(区)人民政府,省政府各部门:一年来,全省各地按照省委、省政府的部署,"
     "认真落实森林防火责任和各项措施。\n", "赣府厅字〔2018〕87号", "identity.number-abstract"),
    # a journal abstract that opens with the number, then the addressees (山东, 西安)
    ("摘要\n\n<正>鲁政办发[2019]31号各市人民政府,各县(市、区)人民政府,省政府各部门、各直属机构:为贯彻落实"
     "《国务院办公厅关于推进养老服务发展的意见》(国办发[2019]5号)精神,提出如下实施意见。\n",
     "鲁政办发〔2019〕31号", "identity.number-abstract"),
    ("<正>市民发[2021]105号各区县民政局、财政局、卫生健康局、残联,各开发区相关单位:为深入贯彻落实"
     "《国务院办公厅关于推进养老服务发展的意见》(国办发﹝2019﹞5号),制定本方案。\n",
     "市民发〔2021〕105号", "identity.number-abstract"),
    # addressees that open 有关 (农业部办公厅's abstract), and an abstract a portal's 摘 要 field holds (工商总局)
    ("<正>农办财[2016]10号有关省(自治区)畜牧(农牧、农业、农村经济)厅(局、委)、财政厅,新疆生产建设兵团畜牧兽医局、财务局,"
     "黑龙江省农垦总局:经国务院批准,\"十三五\"期间,国家将在河北、山西等13个省(自治区)启动实施新一轮草原生态保护补助奖励政策。\n",
     "农办财〔2016〕10号", "identity.number-abstract"),
    ("国家工商行政管理总局 关于加强元旦、春节市场监管确保消费安全的紧急通知 |\n| |\n"
     "摘 要: | 工商明电[2005]37号各省、自治区、直辖市及计划单列市工商行政管理局:2006年元旦、春节即将来临。\n",
     "工商明电〔2005〕37号", "identity.number-line"),
    # an abstract's run-in body that opens with an order's or an announcement's number in parentheses
    # (民政部's 公告 and 国务院's 暂行办法 on a journal site)
    ("论文部分内容阅读\n(民政部公告第349号)经财政部核准,民政部本级2014年彩票公益金使用额度为224892万元,"
     "占中央集中的彩票公益金额度的5%,专项用于民政社会福利、社会公益事业。\n", "民政部公告第349号", "identity.number-abstract"),
    ("论文部分内容阅读\n(中华人民共和国国务院令第649号令)《社会救助暂行办法》于2014年2月21日中华人民共和国国务院第649号令公布,"
     "自2014年5月1日起施行。第一章总则第一条为了加强社会救助,保障公民的基本生活,促进社会公平,维护社会和谐稳定,根据宪法,制定本办法。\n",
     "国务院令第649号", "identity.number-abstract"),
    # orders and a legislature's announcements, over two or three lines
    ("法搜网--中国法律信息搜索网\n天津市养老机构管理办法\n\n天津市人民政府令\n(第110号)\n\n\n"
     "《天津市养老机构管理办法》已于2007年1月8日经市人民政府第84次常务会议通过,现予公布。\n",
     "天津市人民政府令第110号", "identity.number-order"),
    ("辽宁省老年人权益保障条例\n\n辽宁省人民代表大会常务委员会公告\n(第1号)\n\n\n《辽宁省老年人权益保障条例》已审议通过,现予公布。\n",
     "辽宁省人民代表大会常务委员会公告第1号", "identity.number-order"),
    ("营口市人民代表大会常务委员会\n公 告\n〔十七届〕第28号\n《营口市养老服务促进条例》已通过,现予公布。\n",
     "营口市人民代表大会常务委员会公告〔十七届〕第28号", "identity.number-order"),
    # its term in ﹝﹞ and its sequence in words (呼和浩特)
    ('呼和浩特市人民代表大会常务委员会\n\n公 告\n\n﹝十六届﹞第二十二号\n\n《呼和浩特市人民代表大会常务委员会关于修改〈呼和浩特市地名管理条例〉等6件地方性法规的决定》已于2024年3月6日呼和浩特市第十六届人民代表大会常务委员会第十四次会议通过,经2024年3月26日内蒙古自治区第十四届人民代表大会常务委员会第九次会议批准'
     ',现予公布,自公布之日起施行。\n\n呼和浩特市人民代表大会常务委员会\n\n2024年4月12日\n\n\n\n内蒙古自治区人民代表大会常务委员会\n\n关于批准《呼和浩特市人民代表大会常务委员会\n\n关于修改〈呼和浩特市地名管理条例〉等6件\n\n地方性法规的决定》的决议\n\n(2024年 3月26日内蒙古自治区第十四届人民代表大会\n\n常务委员会第九次会议通过)'
     '\n',
     "呼和浩特市人民代表大会常务委员会公告〔十六届〕第22号", "identity.number-order"),
    # a legislature's announcement under its short name is its full name's (江苏's 条例 on a law site)
    ("法搜网--中国法律信息搜索网\n江苏省老年人权益保障条例\n\n江苏省人大常委会公告\n(第77号)\n\n\n"
     "  《江苏省老年人权益保障条例》已由江苏省第十一届人民代表大会常务委员会第二十次会议于2011年1月21日通过,现予公布,"
     "自2011年3月1日起施行。\n",
     "江苏省人民代表大会常务委员会公告第77号", "identity.number-order"),
    # a law database's line of the date, then the number (法律资料网's 税委会 notice; a law site's 酒泉 notice)
    ("国务院关税税则委员会关于调整若干商品进出口关税税率的通知\n\n\n2000年12月28日 税委会[2000]17号\n\n海关总署:\n"
     "  经国务院关税税则委员会第三次全体会议审议通过,并报国务院批准,决定自2001年1月1日起调整部分商品进出口关税税率。\n",
     "税委会〔2000〕17号", "identity.number-line"),
    ("酒泉市人民政府关于印发酒泉市城市管理暂行规定的通知(2004/06/23)\n2004-6-23酒政发〔2004〕89号\n\n"
     "各县(市、区)人民政府,市政府各部门、各直属事业单位,中央、省属驻酒各单位:\n", "酒政发〔2004〕89号", "identity.number-line"),
    # its year in brackets under the organ's line (日喀则's 公告 under a portal's headline, whose page is
    # the decision it promulgates; 河北's 令 in its gazette)
    ("当前位置: 首页>发布厅>公示公告\n\n日喀则市人大常委会最新公告\n\n发布时间:2025-12-02 作者: 来源:云端珠峰\n\n"
     "日喀则市人民代表大会常务委员会公告\n\n〔2025〕14号\n\n\n《日喀则市人民代表大会常务委员会关于修改〈日喀则市制定地方性法规条例〉"
     "的决定》已由日喀则市第二届人民代表大会常务委员会第四十次会议于2025年10月28日通过,经西藏自治区第十二届人民代表大会常务委员会"
     "第二十次会议于2025年11月28日批准,现予以公布,自公布之日起施行。\n",
     "日喀则市人民代表大会常务委员会公告〔2025〕14号", "identity.number-line"),
    ("河北省人民政府令\n〔2011〕第10号\n为推进依法行政,加强法治政府建设,使政府立法更好地适应全省经济社会发展的需要,在2010年全面清理"
     "省政府规章的基础上,经2011年10月9日省政府第95次常务会议通过,决定对《河北省城市维护建设税实施细则》等18件省政府规章进行修改,"
     "现予公布。\n", "河北省人民政府令〔2011〕10号", "identity.number-order"),
    # a ministry's order numbered within its year, over two lines (交通部's 规定) or before the rule's name
    # on a law database's line (商务部's 办法)
    ("中华人民共和国交通部令\n2006 年第 8 号\n《老旧运输船舶管理规定》已于2006年6月7日经第7次部务会议通过,现予公布,"
     "自2006年8月1日起施行。 部 长 李盛霖 二○○六年七月五日\n附件:老旧运输船舶管理规定\n",
     "交通部令〔2006〕8号", "identity.number-order"),
    ("商业特许经营备案管理办法\n\n商务部\n\n\n商务部令2007年第15号 商业特许经营备案管理办法\n\n"
     "  《商业特许经营备案管理办法》已于2007年4月6日经中华人民共和国商务部第六次部务会讨论通过,现予以公布,自2007年5月1日起施行。\n",
     "商务部令〔2007〕15号", "identity.number-title-tail"),
    # the number and its date in the brackets under the title, as a gazette prints them (宁夏 办公厅's two)
    ("宁夏回族自治区人民政府办公厅关于印发\n《宁夏回族自治区人民政府公文格式规定》的通知\n(宁政办发〔2001〕99号 2001年5月29日)\n"
     "固原行署,各市、县(区)人民政府,自治区政府各部门、直属机构:\n",
     "宁政办发〔2001〕99号", "identity.number-line"),
    ("宁夏回族自治区人民政府办公厅关于严肃民生计划新闻发布纪律的通知\n(宁政办发[2010]9号 2010年1月14日)\n自治区政府各部门、直属机构:\n",
     "宁政办发〔2010〕9号", "identity.number-line"),
    # an order's organ letter-spaced as a version head is, its sequence under it (黄山's 规定 on a law site);
    # a legislature's announcement over three lines below the rule's title and its organ (无锡's 条例)
    ("黄山市行政许可听证程序规定\n\n安徽省黄山市人民政府\n\n\n黄山市人民政府公报(2004年第7号)\n\n黄 山 市 人 民 政 府 令\n\n\n"
     "第 28 号\n\n \n《黄山市行政许可听证程序规定》已经2004年6月29日市政府第十八次常务会议通过,现予发布,自2004年7月1日起施行。\n",
     "黄山市人民政府令第28号", "identity.number-order"),
    ("无锡市盐业管理条例\n\n江苏省无锡市人大常委会\n\n\n无锡市第十四届人民代表大会常务委员会\n\n公 告\n\n第1号\n\n"
     "《无锡市盐业管理条例》已由无锡市第十四届人民代表大会常务委员会第四次会议于2008年6月27日制定,现予公布。\n",
     "无锡市人民代表大会常务委员会公告〔十四届〕第1号", "identity.number-order"),
    # only the name of the attachment's file gives it: with the page's title (贵州 农委's 通知) or as its 附件
    # (黑龙江 林业厅's 转发 notice)
    ("省农委办公室关于开展农业产业化国家重点龙头企业监测工作的通知\n有关市(州)农业委员会,农业产业化国家重点龙头企业:\n"
     "近日,农业农村部下发《关于开展农业产业化国家重点龙头企业监测工作的通知》(以下简称《通知》),经研究,现将有关事项通知如下。\n"
     "附件:农业农村部关于开展农业产业化国家重点龙头\n企业监测工作的通知\n贵州省农业委员会\n2018年5月22日\n"
     "黔农办发(2018)93号-省农委办公室关于开展农业产业化国家重点龙头企业监测工作的通知.zip\n",
     "黔农办发〔2018〕93号", "identity.number-attachment"),
    ("黑龙江省林业厅办公室关于转发《国家林业局关于印发〈2015年集体林地承包经营纠纷调处考评工作实施方案〉通知》的通知\n"
     "各市(地)林业局:\n现将国家林业局关于印发《2015年集体林地承包经营纠纷调处考评工作实施方案》的通知(林改发〔2015〕172号)转发给你们。\n"
     "1.黑林办发〔2015〕123号附件.doc       下载\n",
     "黑林办发〔2015〕123号", "identity.number-attachment"),
    # a regulation's history note under its title names the order that issued it (安徽, 广东 law sites)
    ("安徽省乡镇敬老院管理办法【2004年修订版】\n(1992年1月2日安徽省人民政府第二次常务会议通过 1992年2月16日"
     "安徽省人民政府令第30号发布 根据1997年12月25日安徽省人民政府令第99号发布)\n第一条 为了加强乡镇敬老院的管理,制定本办法。\n",
     "安徽省人民政府令第30号", "identity.number-order"),
    ("广东省农村五保供养工作规定\n(2009年11月25日广东省人民政府第十一届41次常务会议通过 2010年1月20日"
     "广东省人民政府令第143号公布 自2010年3月1日起施行)\n第一条 为了做好农村五保供养工作,制定本规定。\n",
     "广东省人民政府令第143号", "identity.number-order"),
    # a history set one event a line, without brackets, as collections of laws set it (LawRefBook/Laws
    # Markdown; the 北大法宝-style 题注 above): the last order that published a text of it is its own
    ("# 社会救助暂行办法\n\n2014年2月21日 中华人民共和国国务院令第649号公布\n\n<!-- INFO END -->\n\n第一条 为了加强社会救助,制定本办法。\n",
     "国务院令第649号", "identity.number-order"),
    ("# 浙江省残疾人保障条例\n\n2009年11月27日 浙江省第十一届人民代表大会常务委员会第十四次会议通过\n\n"
     "2009年11月27日 浙江省第十一届人民代表大会常务委员会公告第16号公布\n\n2010年1月1日 施行\n\n<!-- INFO END -->\n\n"
     "第一条 为了维护残疾人的合法权益,制定本条例。\n",
     "浙江省人民代表大会常务委员会公告〔十一届〕第16号", "identity.number-order"),
    ("# 军人抚恤优待条例\n\n2004年8月1日 中华人民共和国中央军事委员会令第413号公布\n\n"
     "2011年7月29日 《国务院、中央军事委员会关于修改〈军人抚恤优待条例〉的决定》第一次修订\n\n"
     "2024年8月5日 中华人民共和国中央军事委员会令第788号第三次修订）\n\n<!-- INFO END -->\n\n第一条 为了保障国家对军人的抚恤优待,制定本条例。\n",
     "中央军事委员会令第788号", "identity.number-order"),
    # a government's order copied without its 令 line: the sequence alone under the heading, the sentence
    # that promulgates and the head of government's signature (萍乡's 暂行办法 on a law site; 甘肃's 决定)
    ("萍乡市市政设施管理暂行办法\n\n江西省萍乡市人民政府\n\n\n萍乡市市政设施管理暂行办法\n\n第 36 号\n\n\n"
     "《萍乡市市政设施管理暂行办法》已经2007年3月22日市人民政府第8次常务会议讨论通过,现予发布,自2007年5月1日起施行。\n\n\n\n\n"
     "市 长\n\n二OO七年四月二十三日\n\n\n\n萍乡市市政设施管理暂行办法\n\n\n第一章 总 则\n",
     "萍乡市人民政府令第36号", "identity.number-order"),
    ("甘肃省人民政府关于修改《甘肃省城市市容和环境卫生管理办法》等5件政府规章的决定\n  • 时间:2019-12-31\n  • 点击:9\n"
     "  • 来源:省政府办公厅\n\n第153号\n\n \n\n  《甘肃省人民政府关于修改〈甘肃省城市市容和环境卫生管理办法〉等5件政府规章的决定》"
     "已经2019年12月16日十三届省政府第74次常务会议审议通过,本决定自公布之日起30日后实施。\n\n"
     "                         省  长  唐仁健  \n\n                          2019年12月23日\n\n \n\n"
     "甘肃省人民政府关于修改《甘肃省城市市容和\n\n环境卫生管理办法》等5件政府规章的决定\n",
     "甘肃省人民政府令第153号", "identity.number-order"),
    # … its organ's line between the title and the sequence, the head signing with a colon or not (law
    # sites' copies of 长春's 规定 and 辽宁's 办法)
    ("长春市体育市场管理规定\n\n吉林省长春市人民政府\n\n\n第63号\n\n\n\n"
     "《长春市体育市场管理规定》业经1997年9月4日市人民政府第九次常务会议讨论通过,现予发布施行。\n\n\n\n"
     "市长:宋春华\n\n一九九七年九月十七日\n\n\n\n长春市体育市场管理规定\n\n\n\n第一章 总则\n",
     "长春市人民政府令第63号", "identity.number-order"),
    ("辽宁省农产品质量安全管理办法\n\n辽宁省人民政府\n\n\n第251号\n"
     "  《辽宁省农产品质量安全管理办法》业经2011年1月7日辽宁省第十一届人民政府第44次常务会议审议通过,现予公布,"
     "自2011年2月20日起施行。\n\n\n\n省 长 陈政高\n\n二〇一一年一月十七日\n\n\n\n辽宁省农产品质量安全管理办法\n\n第一章 总  则\n",
     "辽宁省人民政府令第251号", "identity.number-order"),
    # a page copied without its title opens with the history note that names its order (重庆's
    # 规章管理办法; 广西's 机关事务管理办法)
    ("(2022年1月30日重庆市人民政府令第351号公布自2022年3月1日起施行)\n第一章总则\n"
     "第一条为了加强政府规章管理,提高立法质量和效率,根据《中华人民共和国立法法》《规章制定程序条例》等法律法规,结合本市实际,制定本办法。\n",
     "重庆市人民政府令第351号", "identity.number-order"),
    ("(2017年10月27日广西壮族自治区人民政府令第119号公布自2017年12月1日起施行)\n第一条为了规范机关事务管理工作,保障机关正常运行,"
     "降低机关运行成本,建设节约型机关,根据国务院《机关事务管理条例》等法律、法规,结合本自治区实际,制定本办法。\n",
     "广西壮族自治区人民政府令第119号", "identity.number-order"),
    # portal metadata: several pairs on a line, glued labels, bulleted lines
    ("张政字〔2025〕1号 B1类 同意公开\n岳阳县张谷英镇人民政府\n对县十八届人大四次会议第153号建议的\n答 复\n肖东红等代表:\n",
     "张政字〔2025〕1号", "identity.number-line"),
    ("公开方式 主动公开 文号 苏政办规〔2022〕4号\n江苏省人民政府办公厅关于加快推进养老服务体系建设的实施意见\n各市、县人民政府:\n",
     "苏政办规〔2022〕4号", "identity.number-portal"),
    ("- 索引号000014348/2020-02432\n- 发布机构弥勒市政府办公室\n- 文号弥民函〔2017〕14号\n- 发布日期2018-08-19\n"
     "弥勒市民政局关于市人大代表建议第200号答复的函\n李文章代表:\n",
     "弥民函〔2017〕14号", "identity.number-portal"),
    # a law database's pipe table whose 颁布单位 holds its own code, not the organ (江苏's 通知)
    ("名称 | 省政府办公厅关于表彰2006年度省市驻沪办事机构先进单位的通知 | ||\n颁布单位 | 155 | 发文文号 | 苏政办发〔2007〕19号 |\n"
     "法规类型 | 101103 | 所属行业 | 100 |\n有效与否 | 江苏 | 发布日期 | 2007-03-07 |\n各市人民政府,省有关厅、局,省有关直属单位:\n",
     "苏政办发〔2007〕19号", "identity.number-portal"),
    # a number line that lost its brackets and 号 (谯城区 town portal reposting 亳州's notice), or its
    # closing bracket and 号 below a widget's empty label (汕头 portal's 复函)
    ("【转载上级】亳州市人民政府关于调整2023年最低生活保障标准的通知\n发布时间:2024-12-13 11:46 来源:谯城区淝河镇\n"
     "亳政秘202331\n各县、区人民政府,市政府各部门:\n经市政府同意,现将有关事项通知如下。\n",
     "亳政秘〔2023〕31号", "identity.number-line"),
    ("汕头市物价局关于调整托养服务收费的复函\n2019-03-29 16:12\n【字体:\n汕价函〔2014135\n\n汕头市福利院:\n"
     "你院《关于要求调整老人托养服务收费的请示》收悉。现就调整你院托养服务收费问题函复如下:\n",
     "汕价函〔2014〕135号", "identity.number-line"),
    # …or where its opening bracket still sets the code apart, beside the 签发人 the version head
    # sets on its line (舞阳 教育局's and 周村 交通局's replies), or under its county's organ line (沙县)
    ("对市政协十一届一次会议 第 112号提案的答复\n\n发布日期:2022-10-27 来源: 浏览次数:\n\n"
     "舞教〔2022106                    签发人:魏红涛\n\n办理结果:B\n\n对市政协十一届一次会议\n\n第 112号提案的答复\n",
     "舞教〔2022〕106号", "identity.number-line"),
    ("关于加快第三产业发展的实施意见(试行)\n\n日期:2012-10-11 16:17 来源:本网\n| | | |\n\n沙县人民政府\n\n"
     "关于加快第三产业发展的实施意见(试行)\n\n沙政〔2012478\n",
     "沙政〔2012〕478号", "identity.number-line"),
    # the same, of a code that ends in the office that issues it (良庆区's 政办, no kind word after)
    ("当前位置:首页 > 政府文件\n\n南宁市良庆区人民政府办公室关于印发南宁市良庆区自然灾害救助应急预案的通知\n\n"
     "发布时间:2018-07-05 17:08 来源:政府办 \n字体+ | 字体- 分享:\n\n  \n\n良政办〔201824\n\n \n\n \n\n"
     "南宁市良庆区人民政府办公室关于印发\n\n南宁市良庆区自然灾害救助应急预案的通知\n\n \n",
     "良政办〔2018〕24号", "identity.number-line"),
    # …and before a reply's marks (临湘 水利局's reply: B1类 同意公开, as other replies of the genre print them)
    ("对临湘市政协十届二次会议第35号建议的答复\n来源:临湘政府网   日期: 2023-11-08 16:01\n浏览量:1 | | | |\n\n \n\n \n\n"
     "                                                 临水字〔202313B1类 同意公开\n\n \n",
     "临水字〔2023〕13号", "identity.number-line"),
    # a government office's numbered announcement, its organ line over its sequence (德宏州's 办法 on a law site)
    ("德宏州州级储备菜籽油管理办法(试行)\n\n云南省德宏傣族景颇族自治州人民政府办公室\n\n\n德宏州州级储备菜籽油管理办法(试行)\n\n"
     "德宏州人民政府办公室公告\n\n第8号\n\n",
     "德宏州人民政府办公室公告第8号", "identity.number-order"),
]


@pytest.mark.parametrize("text,number,rule", OWN_NUMBERS, ids=lambda v: v[:12] if isinstance(v, str) else None)
def test_the_own_number_is_read_where_the_genre_puts_it(text, number, rule):
    x = extract(text)
    assert x.identity.number == number
    assert {f.name: f.evidence.rule for f in x.facts}["number"] == rule
    # never also a citation (of the document: an amending decision its history names amends it)
    assert number not in {c.target.number for c in x.citations if c.target != x.identity}


COMPILATIONS = [
    # a template site's compilation: its announcement (a headline K(精选N篇), or an introduction that names
    # 《K》) and each part's heading are the site's lines; below them the document's own lines stand, the
    # keyword's words among them (湖南's 办公厅文件 head; 宁夏's 条例 under its announcement)
    ("湖南省人民政府办公厅文件\n\n时间:2019-05-14 10:45:55下载本文作者:会员上传\n"
     "简介:写写帮文库小编为你整理了多篇相关的《湖南省人民政府办公厅文件》,但愿对你工作学习有帮助,当然你在写写帮文库还可以找到更多《湖南省人民政府办公厅文件》。\n\n"
     "第一篇:湖南省人民政府办公厅文件\n\n湖南省人民政府办公厅文件\n\n湘政办发〔2009〕24号\n\n湖南省人民政府办公厅关于加强普通高等学校\n\n"
     "毕业生就业工作的通知\n\n各市州、县市区人民政府,省政府各厅委、各直属机构:\n",
     ["简介:写写帮文库", "第一篇:湖南省人民政府办公厅文件"], ["湖南省人民政府办公厅文件\n\n湘政办发"]),
    ("吉林省第人民政府令\n\n2024-09-30\n\n吉林省第人民政府令(精选8篇)\n\n吉林省第人民政府令 篇1\n\n【发布单位】吉林省人民政府\n\n"
     "吉林省农村五保供养办法\n\n(吉林省人民政府令第200号)\n\n",
     ["吉林省第人民政府令\n\n2024", "吉林省第人民政府令(精选8篇)", "吉林省第人民政府令 篇1"], ["吉林省农村五保供养办法"]),
]


METADATA_RUNS = [
    # a law database's block of 【label】value pairs run into one line between the title and the body (青海's
    # 通知, bulleted; 福州's 办法, without bullets): its pairs are read, the title and the body stay; the
    # last pair's value only as far as its field's form reaches (设区的市地方性法规 is no rank the table holds)
    ("青海省人民政府关于印发严格规范行政执法促进公正文明执法意见的通知文章属性•【制定机关】青海省人民政府•【公布日期】2010.10.19"
     "•【字号】青政[2010]93号•【施行日期】2010.10.19•【效力等级】地方规范性文件•【时效性】现行有效•【主题分类】机关工作正文"
     "青海省人民政府关于印发严格规范行政执法促进公正文明执法意见的通知(青政〔2010〕93号)西宁市、各自治州人民政府,海东行署,"
     "省政府各委、办、厅、局:《严格规范行政执法促进公正文明执法的意见》省政府研究同意,现印发给你们,请认真贯彻落实。",
     {"issuer": "青海省人民政府", "date_publication": "2010.10.19", "number": "青政[2010]93号",
      "date_effective": "2010.10.19", "legal_rank": "地方规范性文件", "validity": "现行有效"}, "西宁市、各自治州人民政府"),
    ("福州市城市公园管理办法【发布部门】福州市人大(含常委会)【公布日期】1996.07.18【实施日期】1996.07.18【时效性】已被修改"
     "【效力级别】设区的市地方性法规福州市城市公园管理办法(1996年5月15日福州市第十届人民代表大会常务委员会第二十二次会议通过"
     "1996年7月18日福建省第八届人民代表大会常务委员会第二十四次会议批准)第一章总则第一条为了加强城市公园规划、建设、保护和管理,"
     "改善生态环境,美化城市,促进经济繁荣,增进人民身心健康,根据《中华人民共和国城市规划法》和《城市绿化条例》等法律、法规,制定本办法。",
     {"issuer": "福州市人大(含常委会)", "date_publication": "1996.07.18", "date_effective": "1996.07.18",
      "validity": "已被修改"}, "第一章总则"),
    # the same block as label: value pairs, after the title (贵州's 办法) or opening the line (海南's 规定): an
    # empty value (发布文号:) is no field, and the last pair (题注, whose value has no form) is left to the text
    ("贵州省水资源费征收管理办法制定机关: 贵州省人民政府 效力级别: 地方政府规章 时 效 性: 失效 发布文号: 公布日期: 1992.08.17 "
     "施行日期: 1992.08.17 题 注 : (1992年8月17日贵州省人民政府文件黔府发[1992]55号发布)(编者注:本办法已被2007年2月27日贵州省"
     "人民政府第49次常务会议审议通过 2007年2月28日贵州省人民政府令第99号公布 自2007年4月1日起施行的《贵州省取水许可和水资源费"
     "征收管理办法》废止) 全文 第一条为加强水资源管理,促进水资源的合理开发利用和保护,根据《中华人民共和国水法》、"
     "《贵州省实施〈中华人民共和国水法〉办法》的有关规定,结合我省实际,制定本办法。 第二条在本省行政区域内",
     {"issuer": "贵州省人民政府", "legal_rank": "地方政府规章", "validity": "失效", "date_publication": "1992.08.17",
      "date_effective": "1992.08.17"}, "第一条为加强水资源管理"),
    ("法律效力位阶:地方性法规 制定机关:海南省人民代表大会常务委员会 时效性:有效 施行日期:2022-05-31 公布日期:2022-05-31 "
     "海南省生态保护红线管理规定 (2016年7月29日海南省第五届人民代表大会常务委员会第二十二次会议通过 根据2022年5月31日海南省"
     "第六届人民代表大会常务委员会第三十六次会议《关于修改〈海南省生态保护红线管理规定〉的决定》修正) 第一条 为了加强生态保护红线管理,"
     "保障本省生态安全和生态环境质量,促进经济社会可持续发展,根据《中华人民共和国环境保护法》、《中华人民共和国海洋",
     {"legal_rank": "地方性法规", "issuer": "海南省人民代表大会常务委员会", "validity": "有效",
      "date_effective": "2022-05-31", "date_publication": "2022-05-31"}, "海南省生态保护红线管理规定 (2016年"),
]

NOT_METADATA_RUNS = [
    # labels in running prose, their values long: a site's disclaimer (正阳), a consultation's contact line (遂宁)
    "免责声明:凡本网注明“来源:XXX(非驻马店广视网、驻马店融媒、驻马店网络问政、掌上驻马店、驻马店头条、驻马店广播电视台)”的作品,"
    "均转载自其它媒体,转载目的在于传递更多信息,并不代表本网赞同其观点和对其真实性负责,作品版权归原作者所有,如有侵犯您的原创版权请告知,"
    "我们将尽快删除相关内容。凡是本网原创的作品,拒绝任何不保留版权的转载,如需转载请标注来源并添加本文链接:http://www.zmdt",
    "市直有关部门: 为切实做好防汛减灾工作,按照市政府安排部署,市防汛办修订完善形成了《遂宁市防汛应急预案(征求意见稿)》。"
    "请各单位结合部门职能职责,于6月18日(星期二)上午下班前,将修改意见经单位主要负责人签字并盖章后,通过邮箱或者传真方式反馈至市防汛办,"
    "无修改意见也请反馈。联系人:邓长青,电话:2710900,传真:2710028,邮箱:snsfb@163.com 1 总 则 1.1 编制目的 "
    "为主动预防、应对洪涝灾害及其衍生灾害,规范防汛减灾应对行动,做好突发暴雨、洪涝的防范与处置工作,确保抗洪抢险救灾工作快速",
]


@pytest.mark.parametrize("line,expected,body", METADATA_RUNS, ids=lambda v: v[:8] if isinstance(v, str) else None)
def test_a_run_of_metadata_pairs_between_title_and_body(line, expected, body):
    fields, residue = find_portal(line + "\n")
    assert {f.field: f.value for f in fields} == expected
    assert not any(span.start <= line.index(body) < span.end for span in residue)


@pytest.mark.parametrize("line", NOT_METADATA_RUNS, ids=lambda v: v[:8])
def test_labels_in_running_prose_are_no_metadata_run(line):
    fields, residue = find_portal(line + "\n")
    assert fields == [] and residue == []


@pytest.mark.parametrize("text,site,document", COMPILATIONS, ids=lambda v: v[:8] if isinstance(v, str) else None)
def test_a_compilations_announcement_and_part_headings_are_the_sites(text, site, document):
    _, residue = find_portal(text)

    def covered(line: str) -> bool:
        at = text.index(line)
        return any(span.start <= at < span.end for span in residue)
    assert all(covered(line) for line in site)
    assert not any(covered(line) for line in document)


NOT_OWN = [
    # a number in a running sentence, after a trigger or beside a 《》 title, is a citation
    "关于加快发展养老服务业的实施意见\n各市人民政府:\n为贯彻落实《国务院办公厅关于推进养老服务发展的意见》"
    "(国办发〔2019〕5号)精神,提出如下意见。\n",
    "根据《株洲市民政局关于印发〈株洲市养老机构等级评定实施细则(试行)〉的通知》(株民发(2021)11号),"
    "经养老机构申报,认定白关镇敬老院等级为一级。\n",
    # a number in a news item about another document
    "两部门发文推进养老服务设施布局规划编制\n民政部、自然资源部印发通知(民发〔2023〕46号),要求各地编制规划。\n",
]


@pytest.mark.parametrize("text,number", [
    # an order written without its organ is the order of the government that issues the page (河北's
    # 规定 on a law site, 政府令〔2010〕第15号 under its heading; 首都之窗's 发文字号 field of a 决定); its
    # year stays where that government numbers within each year (河北 since 2002), not where it numbers on
    ("河北省人工影响天气管理规定\n\n河北省人民政府\n\n\n河北省人工影响天气管理规定\n\n政府令〔2010〕第15号\n\n\n"
     "《河北省人工影响天气管理规定》已经2010年12月14日省政府第76次常务会议通过,现予公布,自2011年2月1日起施行。\n\n"
     "省长\n\n二○一○年十二月二十五日\n", "河北省人民政府令〔2010〕15号"),
    ("政務公開 > 政策公開 > 政策文件 > 廢止及修改 > 修改\n  1. [主題分類] 綜合政務/其他\n  2. [發文機構] 北京市人民政府\n"
     "  6. [發文字號] 政府令〔2018〕277號\n\n北京市人民政府關於修改《北京市利用文物保護單位拍攝電影、電視管理暫行辦法》"
     "等26項規章部分條款的決定\n", "北京市人民政府令第277号"),
])
def test_an_order_without_its_organ_is_its_governments(text, number):
    assert extract(text).identity.number == number


def test_a_sequence_without_a_heads_signature_is_no_order():
    """第N号 under a heading that no head of government signs (a bulletin's issue) is no order."""
    x = extract("关于2024年第二季度养老机构检查情况的通报\n\n第3号\n\n各县(区)民政局:\n现将检查情况通报如下。\n"
                "市民政局\n2024年7月2日\n")
    assert x.identity.number is None


@pytest.mark.parametrize("text", NOT_OWN, ids=lambda v: v[:10])
def test_a_cited_number_never_becomes_the_own_number(text):
    x = extract(text)
    assert x.identity.number is None
    assert x.citations


@pytest.mark.parametrize("text", [
    # digits glued to a headline or a label are no stripped number: the code must end in a kind's suffix
    # (双塔区 portal's headline and its date; a contact line)
    "双塔区民办养老机构运营补贴信息公开\n养老扶持补贴信息20221229\n各民办养老机构:\n现将补贴发放情况公开如下。\n",
    "关于开展养老服务质量提升行动的通知\n咨询电话2023456\n各有关单位:\n现将有关事项通知如下。\n",
], ids=lambda v: v[:10])
def test_digits_glued_to_words_are_no_stripped_number(text):
    assert extract(text).identity.number is None


def test_an_issuer_code_is_read_in_the_title_area():
    # 常 is 常州市 alone; on a page of 常山县 (浙江) it is 常山县's
    x = extract("常山县人民政府办公室关于印发《常山县基本养老服务清单(2023年版)》的通知\n\n常政办发〔2023〕58号\n\n"
                "各乡(镇)人民政府、街道办事处:\n")
    assert x.area.name == "常山县"
    assert {a.area.name for a in x.identity.issuers} == {"常山县"}


@pytest.mark.parametrize("text", [
    # 海州区 is two counties (连云港, 阜新); 海民发 read alone is 海口市's: the page says otherwise
    "海州区民政局关于下达2021年度养老服务体系建设专项资金的通知(第一批)\n海民发〔2021〕8号\n各街道:\n",
    # 常 alone is 常州市; this page is 常山县's (浙江)
    "常山县人民政府办公室关于印发常山县养老服务补贴办法的通知\n常政办发〔2023〕47号\n各乡镇:\n",
    # a township's reply names its own session in its title and signs as the township: 湖政函 is 湖洋镇's
    # (福建), not 湖州市's
    "关于湖洋镇第十九届人大一次会议第20号蓝天禄等代表建议的答复\n湖政函〔2022〕20号\n"
    "关于湖洋镇第十九届人大一次会议第20号蓝天禄等代表建议的答复\n办理结果:B类\n蓝天禄、张开盛、何小聪、邱桥新代表:\n"
    "您们在湖洋镇第十九届人大一次会议上提出的《关于对寨背市镇大桥危桥改建的建议》收悉,现答复如下:\n湖洋镇人民政府\n2022年4月28日\n",
])
def test_an_issuer_code_never_overrules_the_area_the_page_names(text):
    x = extract(text)
    assert not any(a.area.name in ("海口市", "常州市", "湖州市") for a in x.identity.issuers)
    assert x.area is None or x.area.name not in ("海口市", "常州市", "湖州市")


@pytest.mark.parametrize("text", [
    # a district's 解读 that names no district: the province whose rule it cites is not its area (柯桥: 区政府…;
    # 岳阳楼区: …优化我区营商环境)
    "区政府行政规范性文件清理工作情况汇报的政策解读\n索引号: | 00258207-5/2022-62769 | 公开方式: | 主动公开 |\n"
    "发布机构: | 区政府办(外事办) | 发文日期: | 2022-10-14 |\n一、起草背景\n对行政规范性文件进行定期清理是《浙江省行政规范性文件管理办法》"
    "(省政府令第372号)规定的一项重要工作。\n",
    "《关于公布规范性文件全面清理结果的决定》政策解读\n一、文件目的及背景\n为确保法制统一和政令畅通,持续优化我区营商环境,"
    "加快法治政府建设,此次清理的文件范围是2018年1月1日至2025年2月28日区政府及其办公室、所属部门制定的规范性文件。"
    "本次重点梳理和查找与《湖南省行政规范性文件管理办法》不相符的文件。\n",
])
def test_a_page_that_calls_itself_a_district_is_no_province_it_cites(text):
    x = extract(text)
    assert x.area is None or x.area.level != "province"


@pytest.mark.parametrize("text,title,issuer,day", [
    # Markdown's heading marks are no part of the title; a department's or government's meeting adopted
    # the rule (LawRefBook/Laws 部门规章; the Wikisource-converter form # 名称 / ## 第一章)
    ("# 企业职工带薪年休假实施办法\n\n2008年7月17日 经人力资源和社会保障部第6次部务会议通过\n\n<!-- INFO END -->\n\n"
     "第一条 为了实施《职工带薪年休假条例》,制定本实施办法。\n", "企业职工带薪年休假实施办法", "人力资源和社会保障部", "2008-07-17"),
    ("# 天津市养老机构管理办法\n\n2007年1月8日 天津市人民政府第84次常务会议通过\n\n## 第一章 总则\n第一条 为促进养老机构的发展,制定本办法。\n",
     "天津市养老机构管理办法", "天津市人民政府", "2007-01-08"),
    # the bracketed note of all of it (广东 law site): its latest date that is no entry into force
    ("广东省农村五保供养工作规定\n(2009年11月25日广东省人民政府第十一届41次常务会议通过 2010年1月20日"
     "广东省人民政府令第143号公布 自2010年3月1日起施行)\n第一条 为了做好农村五保供养工作,制定本规定。\n",
     "广东省农村五保供养工作规定", "广东省人民政府", "2010-01-20"),
    # the order's organ named with the nation's name (中华人民共和国国务院令)
    ("# 殡葬管理条例\n\n1997年7月21日 中华人民共和国国务院令第225号发布\n\n<!-- INFO END -->\n\n第一条 为了加强殡葬管理,制定本条例。\n",
     "殡葬管理条例", "国务院", "1997-07-21"),
    # a joint order of the State Council and the Central Military Commission (军人抚恤优待条例;
    # 退役士兵安置条例): both organs, one number
    ("# 军人抚恤优待条例\n\n2004年8月1日 中华人民共和国国务院、中华人民共和国中央军事委员会令第413号公布\n\n<!-- INFO END -->\n\n"
     "第一条 为了保障国家对军人的抚恤优待,制定本条例。\n", "军人抚恤优待条例", ["国务院", "中央军事委员会"], "2004-08-01"),
    ("# 退役士兵安置条例\n\n2011年10月29日 中华人民共和国国务院、中华人民共和国中央军事委员会令第608号公布\n\n<!-- INFO END -->\n\n"
     "第一条 为了规范退役士兵安置工作,制定本条例。\n", "退役士兵安置条例", ["国务院", "中央军事委员会"], "2011-10-29"),
    # an older regulation's line names only the organ that issued or approved it (国务院 1983 暂行规定;
    # 海关 1997 暂行规定, approved by the State Council)
    ("# 国务院关于高级专家离休退休若干问题的暂行规定\n\n1983年9月12日 国务院发布\n\n发布之日施行\n\n<!-- INFO END -->\n\n"
     "第七条 本规定自发布之日起施行。\n", "国务院关于高级专家离休退休若干问题的暂行规定", "国务院", "1983-09-12"),
    # a law the 全国人民代表大会 adopted and its 常务委员会 amended is both organs' (慈善法 2023,
    # 妇女权益保障法 2018); a province's session that approves a city's regulation amends nothing (德州)
    ("# 中华人民共和国慈善法\n\n2016年3月16日 第十二届全国人民代表大会第四次会议通过\n\n2023年12月29日 第十四届全国人民代表大会"
     "常务委员会第七次会议《关于修改〈中华人民共和国慈善法〉的决定》修正\n\n<!-- INFO END -->\n\n第一条 为了发展慈善事业,制定本法。\n",
     "中华人民共和国慈善法", ["全国人民代表大会", "全国人民代表大会常务委员会"], "2023-12-29"),
    ("# 中华人民共和国妇女权益保障法\n\n1992年4月3日 第七届全国人民代表大会第五次会议通过\n\n2005年8月28日 第十届全国人民代表大会"
     "常务委员会第十七次会议《关于修改〈中华人民共和国妇女权益保障法〉的决定》第一次修正\n\n2018年10月26日 第十三届全国人民代表大会"
     "常务委员会第六次会议《关于修改〈中华人民共和国野生动物保护法〉等十五部法律的决定》第二次修正\n\n<!-- INFO END -->\n\n"
     "第一条 为了保障妇女的合法权益,制定本法。\n",
     "中华人民共和国妇女权益保障法", ["全国人民代表大会", "全国人民代表大会常务委员会"], "2018-10-26"),
    ("# 德州市养老服务条例\n\n2019年6月28日 德州市第十八届人民代表大会常务委员会第二十次会议通过\n\n2019年9月27日 山东省第十三届"
     "人民代表大会常务委员会第十四次会议批准\n\n<!-- INFO END -->\n\n第一条 为了规范养老服务,制定本条例。\n",
     "德州市养老服务条例", "德州市人民代表大会常务委员会", "2019-09-27"),
    # an older regulation's line that names only the organ that published it (国务院 1981 规定; a 青岛
    # regulation published by its legislature's 公告)
    ("# 国家机关工作人员病假期间生活待遇的规定\n\n1981年4月6日 国务院发布\n\n发布之日施行\n\n<!-- INFO END -->\n\n"
     "一、工作人员病假在两个月以内的,发给原工资。\n", "国家机关工作人员病假期间生活待遇的规定", "国务院", "1981-04-06"),
    ("# 青岛市残疾人保障条例\n\n2016年7月22日 青岛市人民代表大会常务委员会公告公布\n\n<!-- INFO END -->\n\n"
     "第一条 为了保障残疾人的合法权益,制定本条例。\n", "青岛市残疾人保障条例", "青岛市人民代表大会常务委员会", "2016-07-22"),
    # a text extracted from a PDF keeps a space where a line wrapped, inside the adoption note too (江西
    # regulation on a standards site; the same site's 银发经济 意见 wraps 各直 属机构)
    ("全网唯一标准王\n"
     "江西省养老服务条例 (2021年11月19日江西省第十三届人民代表大会常务 委员会第三十 四次会议通过) 目 录 第一章 总 则 第二章 设施规划与建设 第三章 居家和社区养老服务"
     " 第四章 机构养老服务 第五章 医养康养结合 第六章 养老服务从业人员 第七章 扶持与保障 第八章 监督管理 第九章 法律责任 第十章 附 则 第一章 总 则 第一条 为了积极应对"
     "人口老龄化 ,规范养老服务工作,完 1善养老服务体系,促进养老服务高质量发展,根据《中华人民 共和国老年人权益保障法》等 有关法律、行政法规,结合本省 实际,制定本条例。 第二条 "
     "本省行政区域内的养老服务以及相关扶持保障、监 督管理等活动,适用本条例。 本条例所称养老服务,是指在家庭成员承担赡养、扶养义 务的基础上,由政府和社会为老年人提供的生活照料、康复护"
     " 理、健康管理、精神慰藉、文体娱乐、紧急救援 、临终关怀等 服务"
     "\n",
     "江西省养老服务条例", "江西省人民代表大会常务委员会", "2021-11-19"),
])
def test_a_regulation_s_history_gives_its_issuer_and_date(text, title, issuer, day):
    x = extract(text)
    issuers = issuer if isinstance(issuer, list) else [issuer]
    assert (x.identity.title, [a.name for a in x.identity.issuers], x.date.isoformat() if x.date else None) == (
        title, issuers, day)


def test_the_orders_and_decisions_of_a_history_note_are_cited():
    """安徽 law site: the note names the orders that published the amending
    decisions; they are cited (the order that issued the rule is its own)."""
    x = extract("安徽省乡镇敬老院管理办法\n(1992年1月2日安徽省人民政府第二次常务会议通过 1992年2月16日安徽省人民政府令第30号发布 "
                "根据1997年12月25日安徽省人民政府令第99号发布 1998年1月1日起施行的《安徽省人民政府关于修改〈安徽省森林植物检疫"
                "实施办法〉等规章的决定》第一次修正)\n第一条 为了加强乡镇敬老院的管理,制定本办法。\n")
    assert x.identity.number == "安徽省人民政府令第30号" and x.date.isoformat() == "1997-12-25"
    assert {c.target.number for c in x.citations if c.target.number and c.target != x.identity} == {"安徽省人民政府令第99号"}
    # the decision amends this rule (its history says so) and, by its title, the first rule it names
    amended = {(c.source.title, c.target.title) for c in x.citations if c.relation == "amends" and c.source is not None}
    decision = "安徽省人民政府关于修改〈安徽省森林植物检疫实施办法〉等规章的决定"
    assert amended == {(decision, "安徽省乡镇敬老院管理办法"), (decision, "安徽省森林植物检疫实施办法")}


@pytest.mark.parametrize("history,decision", [
    # an amending decision whose title holds the amended title, which holds a law's: written without
    # 《》 of its own (山东, 上海 histories) or in a third level of brackets (浙江)
    ("2017年3月29日 山东省第十二届人民代表大会常务委员会第二十七次会议关于修改《山东省实施〈中华人民共和国残疾人保障法〉办法》的决定修正",
     "关于修改《山东省实施〈中华人民共和国残疾人保障法〉办法》的决定"),
    ("1999年7月12日 上海市第十一届人民代表大会常务委员会第十一次会议关于修改《上海市实施〈中华人民共和国残疾人保障法〉办法》的决定第一次修正",
     "关于修改《上海市实施〈中华人民共和国残疾人保障法〉办法》的决定"),
    ("2009年11月27日 浙江省第十一届人民代表大会常务委员会第十四次会议《关于修改〈浙江省实施《中华人民共和国老年人权益保障法》办法〉的决定》第一次修正",
     "关于修改〈浙江省实施《中华人民共和国老年人权益保障法》办法〉的决定"),
])
def test_an_amending_decision_that_nests_titles_amends_the_regulation(history, decision):
    x = extract("# 某省实施办法\n\n1993年2月6日 某省人民代表大会常务委员会第四十一次会议通过\n\n" + history
                + "\n\n<!-- INFO END -->\n\n第一条 为了实施法律,制定本办法。\n")
    from kg.lexicon.titles import title_key
    amended = [title_key(c.source.title) for c in x.citations if c.relation == "amends" and c.source is not None]
    assert amended == [title_key(decision)]


@pytest.mark.parametrize("title,issuers", [
    ("温州市民政局温州市财政局关于下拨资金的通知", ["温州市民政局", "温州市财政局"]),        # glued, no separator
    ("乐清市民政局 乐清市财政局关于下拨2015年度福彩公益金的通知", ["乐清市民政局", "乐清市财政局"]),
    ("国家医保局 财政部关于做好2024年城乡居民基本医疗保障工作的通知", ["国家医疗保障局", "财政部"]),
    # the central government's administrations and their departments (国家能源局综合司's notice; 海关总署
    # among seven organs; 国家知识产权局's 令)
    ("国家能源局综合司关于开展省级“十四五”可再生能源发展规划备案的通知", ["国家能源局综合司"]),
    ("公安部 商务部 海关总署关于印发《全国防疫物资产品质量和市场秩序专项整治行动方案》的通知", ["公安部", "商务部", "海关总署"]),
])
def test_joint_issuers_of_a_title(title, issuers):
    x = extract(title + "\n各有关单位:\n")
    assert [a.name for a in x.identity.issuers] == issuers


@pytest.mark.parametrize("line,expected", [
    ("公开方式 主动公开 文号 苏政办规〔2022〕4号", {"disclosure": "主动公开", "number": "苏政办规〔2022〕4号"}),
    ("发布机构 昆明市五华区人民政府 发布日期 2017-07-13", {"issuer": "昆明市五华区人民政府", "date_publication": "2017-07-13"}),
    ("文号弥民函〔2017〕14号", {"number": "弥民函〔2017〕14号"}),
    ("编号 | 宁住建函〔2024〕353号 | 办理部门 | 住建局", {"number": "宁住建函〔2024〕353号", "issuer": "住建局"}),
    ("政策文号:镇政办发〔2015〕212号", {"number": "镇政办发〔2015〕212号"}),
    # a law database's fields glued to their labels (国家医保局 答复 mirror; 肇庆 page writes 效力级别:地方规范性文件)
    ("效力级别部门规范性文件", {"legal_rank": "部门规范性文件"}),
    ("施行日期2022年08月18日", {"date_effective": "2022年08月18日"}),
    ("效力级别:地方规范性文件", {"legal_rank": "地方规范性文件"}),
    # the rank of the State Council's own documents (国函 批复 on a law database and its traditional-script mirror)
    ("效力级别国务院规范性文件", {"legal_rank": "国务院规范性文件"}),
])
def test_metadata_pairs_in_every_written_form(line, expected):
    fields = read_metadata_line(line, 0)
    assert {f.field: f.value for f in fields if f.field in expected} == expected


@pytest.mark.parametrize("line,expected", [
    # a metadata line too long for one, whose summary runs on with the body's opening (宣城 苏皖 示范区, 乌审旗)
    ("信息名称 关于市五届人大一次会议第025号建议的会办函 内容概述 关于市五届人大一次会议第025号建议的会办函市民政局:"
     "现就市人大代表杨德祥关于加快推进军天湖“康养小镇”融入长三角养老一体化发展的建议,提出如下会办意见:" + "在长三角一体化"
     "上升为国家战略、人口老龄化日益加剧的大背景下,建设军天湖“康养小镇”既是贯彻落实国家战略的宣城行动。" * 3,
     {"title": "关于市五届人大一次会议第025号建议的会办函"}),
    ("索 引 号: 000014349/2025-02700 发布机构:乌审旗发展和改革委员会 内容概述: 旗民政局: 为进一步加强我旗养老院收费管理,"
     + "规范养老服务收费行为,维护老年人合法权益。" * 10, {"issuer": "乌审旗发展和改革委员会"}),
])
def test_a_metadata_line_that_ends_in_a_summary_is_read_however_long(line, expected):
    assert len(line) > 240
    fields = read_metadata_line(line, 0)
    assert {f.field: f.value for f in fields if f.field in expected} == expected


def test_a_long_body_line_with_a_label_word_is_no_metadata():
    line = "根据有关规定,现将内容概述如下:" + "养老服务补贴按月发放,来源为市级财政资金。" * 12
    assert not read_metadata_line(line, 0)


@pytest.mark.parametrize("line", ["来源网友的意见很多", "文号不全的文件应当补正。", "分类指导,因地制宜推进养老服务"])
def test_sentences_that_start_with_a_label_word_are_not_metadata(line):
    assert not read_metadata_line(line, 0)


# --- replies: the proposal's number in every form ---

@pytest.mark.parametrize("title,number", [
    ("潼关县民政局\n关于对政协十届三次会议第52号提案的答复", "52"),
    ("弥勒市民政局关于市人大代表建议第200号答复的函", "200"),              # no session before it
    ("对区政协十四届四次会议第144032号提案的会办意见", "144032"),          # six digits, 会办意见
    ("对区政协十四届四次会议第144033提案的会办意见", "144033"),            # without 号
    ("关于对政协五华区九届一次会议 第17D22号提案的答复", "17D22"),          # letters inside
    ("关于县政协十一届四次会议第20250166号提案答复的函", "20250166"),        # eight digits, not the last five
    ("关于省十三届人大一次会议温36号建议的答复", "温36"),                 # a delegation's own numbering (温州's)
    ("对市十三届人大三次会议拱6号建议的会办意见", "拱6"),                # (杭州 拱墅's)
    ("对市十三届人大三次会议第6号建议的会办意见", "6"),                 # 第 is no delegation
    ("宁津县教育和体育局对县政协十一届二次会议第202302B46号提案的答复", "202302B46"),   # a letter inside a long number
])
def test_proposal_numbers(title, number):
    x = extract(title + "\n\n张三委员:\n您提出的《关于加快养老服务业发展的建议》收悉,现答复如下:\n")
    assert x.proposal is not None
    assert (str(x.proposal.number) if x.proposal.number is not None else x.proposal.raw_number) == number


def test_portal_fields_are_kept_on_the_document():
    x = extract("索引号: 11370883004325582C/2024-14341 主题分类: 民政\n有效性: 有效\n来源: 邹城市民政局\n"
                "邹城市民政局关于做好养老服务工作的通知\n各镇街:\n")
    facts = {f.name: f.value for f in x.facts}
    assert facts["index_number"] == "11370883004325582C/2024-14341"
    assert facts["subject_category"] == "民政"
    assert facts["validity"] == "有效"
    assert facts["source"] == "邹城市民政局"


@pytest.mark.parametrize("text,expected", [
    # a template's ordered list of bracketed labels (首都之窗's pages: 西城区's 纲要; a 政府令 in big5)
    ("政务公开 > 规划 > 区级规划纲要\n  1. [主题分类] 国民经济、国有资产监管\\其他\n  2. [规划分类] 区级规划纲要\n"
     "  3. [发文单位] 北京市西城区人民政府\n  4. [发布日期]2018-01-16\n\n北京市西城区国民经济和社会发展第十三个五年规划纲要\n",
     {"issuer": "北京市西城区人民政府", "date_publication": "2018-01-16"}),
    ("政務公開 > 政策公開 > 政策文件 > 廢止及修改 > 修改\n  1. [主題分類] 綜合政務/其他\n  2. [發文機構] 北京市人民政府\n"
     "  3. [聯合發文單位]\n  4. [實施日期] 2018-02-12\n  5. [成文日期] 2018-02-12\n  6. [發文字號] 政府令〔2018〕277號\n",
     {"issuer": "北京市人民政府", "date_effective": "2018-02-12", "number": "政府令〔2018〕277号"}),
])
def test_an_ordered_list_of_bracketed_labels_is_metadata(text, expected):
    fields = page(text).portal
    assert {f.field: f.value for f in fields if f.field in expected} == expected


@pytest.mark.parametrize("text,title", [
    # a repost with no heading of its own is known by what it first ran under: at its top in
    # brackets (163.com repost of 营口 街道 news), at its foot (人民日报 item of 四川's 办法)
    ("(原标题:清华街道办事处开展“尊老、爱老、助老、敬老”为主题的敬老月活动)\n为营造尊老敬老的良好社会氛围,"
     "倡导“感恩父母,孝敬老人,共创和谐”的新理念,清华街道办事处开展敬老月活动。\n",
     "清华街道办事处开展“尊老、爱老、助老、敬老”为主题的敬老月活动"),
    ("本报成都10月12日电 (记者王明峰)12日,记者从四川省民政厅了解到:《四川省政府购买居家养老服务实施办法》正式披露,"
     "该办法规定由政府“兜底”购买居家养老服务。\n对于购买的服务,该办法规定包括助餐、助浴、助洁等居家养老支持服务。\n"
     "原标题:四川政府“兜底”居家养老\n", "四川政府“兜底”居家养老"),
])
def test_a_repost_is_known_by_its_original_headline(text, title):
    title_found = page(text).layout.title
    assert (title_found.value, title_found.rule) == (title, "identity.title-original")


def test_an_original_headline_does_not_displace_the_pages_own():
    # 广安日报 repost: its headline stands first; the 原标题 below it only agrees
    found = page("广安市积极落实优待政策提升老年人幸福指数\n2015-10-13 11:26  广安日报\n"
                "    原标题:广安市积极落实优待政策提升老年人幸福指数——来源:广安日报\n    老年人优待是政府和社会的责任。\n")
    assert (found.layout.title.value, found.layout.title.rule) == (
        "广安市积极落实优待政策提升老年人幸福指数", "identity.title-headline")


@pytest.mark.parametrize("text,title", [
    # a news headline right above its byline, written in two clauses or with a column's tag (滕州 portal's
    # 洪绪镇 item; 芥末堆 repost of 吉林's plan; 黔江 portal's review; 日照 daily's item under its reporters;
    # 江西网络台's item over its timestamp)
    ("您的位置:首页 > 本市动态 > 乡镇街道 > 洪绪镇\n\n【优服务 办实事 惠民生】洪绪镇以爱心食堂为抓手 夯实基本公共服务“民生基石”\n\n"
     "时间:2025-08-25 来源:宣传信息岗 生淑娴\n\n在推进基本公共服务成效提升工作的进程中,洪绪镇立足镇域实际,聚焦农村老年人“吃饭难”问题。\n",
     "【优服务 办实事 惠民生】洪绪镇以爱心食堂为抓手 夯实基本公共服务“民生基石”"),
    ("芥末堆芥末堆\n\n吉林提出九大重点任务,深入探索居家养老服务“吉林模式”\n\n作者:FYQ 发布时间:\n\n"
     "摘要:2025年前,每个街道至少建有1所社区老年食堂,乡镇覆盖率达到60%。\n",
     "吉林提出九大重点任务,深入探索居家养老服务“吉林模式”"),
    ("您当前的位置: 首页 > 工作情况\n\n回眸“十三五”:求新求变求突破,养老服务体系取得新发展\n\n日期:2021-01-04\n\n"
     "    牵头编制《养老产业发展规划(2019—2035年)》,统筹布局、科学规划全区养老产业发展。\n",
     "回眸“十三五”:求新求变求突破,养老服务体系取得新发展"),
    ("市老龄工作委员会办公室开展 2024 年“敬老月”系列活动,营造敬老爱老孝老良好社会氛围——\n全媒体记者 马丹 滕伟伟\n"
     "今年10月是全国第十五个“敬老月”,10月11日(重阳节)是全国第十二个“老年节”。\n",
     "市老龄工作委员会办公室开展 2024 年“敬老月”系列活动,营造敬老爱老孝老良好社会氛围——"),
])
def test_a_headline_above_its_byline_may_have_two_clauses(text, title):
    found = page(text).layout.title
    assert (found.value, found.rule) == (title, "identity.title-headline")


@pytest.mark.parametrize("text", [
    # above a byline, but no headline: a sentence, a keyword list, a site's title with its column,
    # an item's code (新郑 reply page; 大庆 repost; 吉林 power list)
    "为进一步做好养老服务工作,现将有关事项通知如下。\n发布时间:2021-08-11\n各乡镇:\n",
    "提案,建议提案,提案答复函\n发布时间:2017-09-20 来源:新郑市民政局\n马委员:您提出的建议收悉。\n",
    "老年餐厅预计10月中旬将全部实行运营|天天速读\n来源:大庆日报\n市民政局回复如下:很感谢您的提问。\n",
    "220000-MZ-QT-041 养老服务补贴资金分配\n时间:2016-09-26 14:25:00\n来源:\n项目编码\n",
])
def test_no_byline_headline_from_sentences_keywords_or_codes(text):
    found = page(text).layout.title
    assert found is None or found.value != text.split("\n")[0]


@pytest.mark.parametrize("text,title", [
    # a site's section name or its menu above a whole title is not the title's first part (民政部's
    # news centre; 武汉 portal's header)
    ("NEWS / 新闻中心\n民政部 人力资源社会保障部关于举办全国养老护理职业技能大赛的通知\n\n(二)周密制定各类安全预案。\n",
     "民政部 人力资源社会保障部关于举办全国养老护理职业技能大赛的通知"),
    ("武汉市数据开放平台智能问答繁体登录注册\n\n对市政协十四届四次会议第20250486号提案的答复\n\n2025-09-15 18:12 武汉市民政局\n"
     "白宓委员:\n您提出的建议收悉,现答复如下:\n", "对市政协十四届四次会议第20250486号提案的答复"),
    # an issuer line above 关于 still joins it (潼关 portal)
    ("潼关县民政局\n关于对政协十届三次会议第52号提案的答复\n\n马青、周丽等委员:\n", "潼关县民政局关于对政协十届三次会议第52号提案的答复"),
])
def test_a_sites_section_above_a_whole_title_is_no_part_of_it(text, title):
    assert page(text).layout.title.value == title




@pytest.mark.parametrize("text", [
    # a report copied from its delivery line down has no title: neither that line nor the speaker's
    # (北京 副市长's report to the 人大常委会; 安阳 人大社会建设委员会's, cut above its title)
    "——2019年5月30日在北京市第十五届人民代表大会常务委员会第十三次会议上\n北京市人民政府副市长 卢彦\n"
    "主任、各位副主任、秘书长、各位委员:\n我代表市人民政府,向市人大常委会报告议案的办理情况。\n",
    "——2024 年 4 月 28 日在安阳市第十五届人民代表大会\n常务委员会第九次会议上\n安阳市人大社会建设委员会主任委员 李 阳\n"
    "主任、各位副主任、秘书长、各位委员:\n现将审议结果报告如下:\n",
])
def test_a_delivery_line_and_its_speaker_are_no_title(text):
    assert page(text).layout.title is None


@pytest.mark.parametrize("title,organs", [
    # joint organs whose lines a page joined with nothing between, each opening with the same place, and a
    # 和 inside one organ's name (滨州's three bureaus; 安康's two)
    ("滨州市发展和改革委员会滨州市财政局滨州市住房和城乡建设局关于明确恒信安康及安兴花园居住小区公共租赁住房租金标准的通知",
     ["滨州市发展和改革委员会", "滨州市财政局", "滨州市住房和城乡建设局"]),
    ("安康市行政审批服务局安康市民政局关于印发社会组织登记办事指南的通知", ["安康市行政审批服务局", "安康市民政局"]),
    # one organ whose name holds its place once (韶关市人民政府印发…)
    ("韶关市人民政府印发韶关市老年人优待办法的通知", ["韶关市人民政府"]),
])
def test_the_organs_a_title_opens_with(title, organs):
    from kg.lexicon.titles import issuer_prefix
    assert issuer_prefix(title) == organs


def test_a_legislature_that_posts_a_reply_on_its_site_is_not_its_issuer():
    """南县 人大常委会's site posts a deputy's suggestion and the reply to it
    (信息来源: the standing committee): the reply is a department's; the body
    that received the suggestion answers none (no reply in the wild set's gold
    is a legislature's or a CPPCC's)."""
    x = extract("关于维修武圣宫镇百联村南丰二桥、百万一桥的建议\n\n"
                "发布时间:2025-10-30 15:13 信息来源:南县人民代表大会常务委员会 作者: 浏览量:\n字体:\n\n"
                "关于南县第十八届人大第四次会议\n\n26号建议的答复\n\n向**代表:\n\n"
                "你提出的《关于维修武圣宫镇百联村南丰二桥、百万一桥的建议》已收悉,经认真研究,现将提案办理情况答复如下:\n")
    assert not any(a.key in ("npc", "npc-standing-committee") for a in x.identity.issuers)
