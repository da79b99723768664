"""Reading documents as they are published: portal metadata, numbers in every
written form, orders, proposals, dates, traditional script, damaged copies.
Each row is a real line or sentence of the kind that portals and reposts
show (from shared/corpus-pages and its sources)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.datafiles import phrase_pattern, read_tsv
from kg.extract.document import extract_mentions
from kg.lexicon.docnumber import DocNumber, find_numbers
from kg.lexicon.issuers import find_code_start
from kg.models import SourceDocument
from kg.read.cleaning import clean
from kg.read.loading import remove_pinyin_annotations
from kg.read.portal import find_portal, label_field, read_metadata_line


def extract(text: str):
    return extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8")))


def issuer_names(text: str) -> list[str]:
    """The names of the issuers the text is read to have, in order."""
    return [a.name for a in extract(text).identity.issuers]


def area_name(text: str):
    """The name of the area the text is read to be of, or None."""
    found = extract(text).area
    return found.name if found else None


# --- portal metadata: every row of portal_fields.tsv has an example that reads so ---

@pytest.mark.parametrize("row", read_tsv("portal_fields.tsv"), ids=lambda r: r["label"])
def test_every_portal_label_reads_in_its_example(row):
    assert row["example"], f"{row['label']}: no example"
    fields = read_metadata_line(row["example"], 0)
    assert fields is not None, row["example"]
    labels = {label_field(f.label) for f in fields if f.label}
    kinds = {f.field for f in fields}
    # a label with an empty value reads nothing; a repost's line is one aggregator field
    assert row["field"] in labels | kinds or "aggregator" in kinds or row["label"] in row["example"], row


@pytest.mark.parametrize("line,expected", [
    ("索引号: | 发布机构: | 明山区人民政府 | |", {"issuer": "明山区人民政府"}),
    ("发布日期: | 2019-11-21 | 成文日期: | 2019-11-21 |",
     {"date_publication": "2019-11-21", "date_document": "2019-11-21"}),
    ("【发文字号】 湘政办发〔2006〕28号", {"number": "湘政办发〔2006〕28号"}),
    ("文　　号：成办发〔2022〕28号", {"number": "成办发〔2022〕28号"}),
    ("2021年02月27日 来源: 廊坊市政府信息公开平台 作者: 字体:",
     {"date_publication": "2021年02月27日", "source": "廊坊市政府信息公开平台"}),
    ("发布时间:2018-12-26 17:06信息来源:字体大小: 打印", {"date_publication": "2018-12-26 17:06"}),
    # the same set apart by a bar (农工党遵义市委's page); a newspaper there marks a repost (南方日报, 中国新闻网)
    ("2016年02月25日 14:17 | 来源:农工党遵义市委", {"date_publication": "2016年02月25日", "source": "农工党遵义市委"}),
    ("2017-08-30 09:36:00 | 来源: 南方日报 ", {}),
    ("来源:天津市政府官网 | 作者:rising | 发布时间: 2025-10-30 | 23 次浏览 | 分享到:", {}),
    # a person as 作者 writes for the portal: no repost (合水县 portal; 荣成 花园社区's page); an
    # aggregator's placeholder author still marks one (a 卫健委 notice reposted with 作者:未知)
    ("来源:老龄办 作者: 王建宁 发布时间:2015-04-23 09:26:18 浏览次数: 【字体:",
     {"source": "老龄办", "writer": "王建宁", "date_publication": "2015-04-23 09:26:18"}),
    ("来源:花园社区 作者:荣成 人气: 发布时间:2018-07-18", {"source": "花园社区", "writer": "荣成",
                                                  "date_publication": "2018-07-18"}),
    ("来源:国家卫健委作者:未知时间:2024-01-31", {"source": "国家卫健委"}),
    # a cell without a label after a labelled one is placed by its form (宁夏民政厅 portal, a 区 portal)
    ("文章来源:规划财务 | 2017-03-28", {"source": "规划财务", "date_publication": "2017-03-28"}),
    ("发布机构:区民政局 | 吉区民发〔2021〕3号", {"issuer": "区民政局", "number": "吉区民发〔2021〕3号"}),
    # the site's address, then the date (巴彦淖尔 民政局 portal; a 县 portal)
    ("    http://mzj.bynr.gov.cn 2026-01-12", {"date_publication": "2026-01-12"}),
    ("www.yanggu.gov.cn  2023年5月6日", {"date_publication": "2023年5月6日"}),
    # a 文号 field's value is the number; a pair after it whose label is unknown is not (商丘; a 区 portal)
    ("文 号: 商卫老龄函〔2023〕17号 所属主题: 其他文件", {"number": "商卫老龄函〔2023〕17号"}),
    ("文号: 吉区民发〔2021〕3号 公开属性 主动公开", {"number": "吉区民发〔2021〕3号"}),
    # an organ's name ends where an unlabelled date begins (长乐区, 岳阳, 桃源 portals);
    # a title keeps its dates
    ("来源:长乐区民政局 2025-05-22 16:55 浏览量:", {"source": "长乐区民政局", "date_publication": "2025-05-22 16:55"}),
    ("来源:市卫健委   2019-07-08 09:50   浏览量:1   | | | |",
     {"source": "市卫健委", "date_publication": "2019-07-08 09:50"}),
    ("来源:三阳港镇党政办 2015-01-09 08:59 字体:【", {"source": "三阳港镇党政办", "date_publication": "2015-01-09 08:59"}),
    # a date label whose last word is a label of its own (发表时间, 添加时间: not 时间 after a source's
    # value), a contributor and a print button after the source (丹棱, 宿州, 葫芦岛, 霍邱, 沙河 portals)
    ("来源:张场镇 发表时间:2024-04-30 16:49 【字号:", {"source": "张场镇", "date_publication": "2024-04-30 16:49"}),
    ("来源:宿州市民政局 浏览量: 发表时间:2025-06-26 18:16 编辑:宿州信息公开011",
     {"source": "宿州市民政局", "date_publication": "2025-06-26 18:16"}),
    ("文章来源:葫芦岛市城市管理公共服务中心环卫科 添加时间:2024-08-05 字号:【 】",
     {"source": "葫芦岛市城市管理公共服务中心环卫科", "date_publication": "2024-08-05"}),
    ("日期:2025-07-25 08:29来源:县政府办 供稿:孔德利 浏览量: 字体:【",
     {"source": "县政府办", "date_publication": "2025-07-25 08:29"}),
    ("发布时间:2023-07-21    来源:交通局 打印", {"source": "交通局", "date_publication": "2023-07-21"}),
    ("发布时间:2022-11-04 10:57 来源:赵县人民政府 【字体: 打印", {"source": "赵县人民政府"}),
    # labels set apart by wide gaps mid-line, an empty cell closing it (新疆 文旅厅's 公告: its pairs two on a line)
    (" 索 引 号  MB1620703/2021-00246  发文字号  新文旅发〔2021〕55号  公文种类 ",
     {"index_number": "MB1620703/2021-00246", "number": "新文旅发〔2021〕55号"}),
    (" 发文机关  资源开发处  成文日期  2021-09-03  主题分类 ", {"issuer": "资源开发处", "date_document": "2021-09-03"}),
    # …or at a wide gap, a widget's or an unknown label's words after it (茶陵 portal; 托里's 商务厅 repost)
    ("时间:2007-08-09 16:20:00    来源: 茶陵县人民政府     来源截图",
     {"date_publication": "2007-08-09 16:20:00", "source": "茶陵县人民政府"}),
    ("文章来源:新疆维吾尔自治区商务厅   文章类型:转载   内容分类:政策发布   发布时间:2020-09-17",
     {"source": "新疆维吾尔自治区商务厅", "subject_category": "政策发布", "date_publication": "2020-09-17"}),
    # portals count views too: a filled count is no repost's mark (大洼区 portal; 市卫健委's 浏览量:1 above)
    ("发布时间:2018-12-10 浏览次数:683", {"date_publication": "2018-12-10"}),
    ("标题: 关于做好 2023年1月1日起调整高龄津贴工作的通知", {"title": "关于做好 2023年1月1日起调整高龄津贴工作的通知"}),
])
def test_metadata_lines(line, expected):
    fields = read_metadata_line(line.replace("\u3000", " "), 0)
    assert fields is not None
    assert {f.field: f.value for f in fields if f.field in expected} == expected
    # a repost's line gives the document no date (the day a site posted a paper's item is kept apart)
    assert not any(f.field.startswith("date") and f.field != "date_posted" for f in fields) or expected


@pytest.mark.parametrize("line", ["我们的来源:很多地方", "详见 http://mzj.bynr.gov.cn 2026年的通知",
                                  "根据《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号）"])
def test_body_lines_are_not_metadata(line):
    assert read_metadata_line(line, 0) is None


@pytest.mark.parametrize("text,expected", [
    # a table copied cell by cell, blank lines between label and value (a law database's page;
    # a 民政厅 portal where 字号 is the 发文字号, not the font-size widget)
    ("海南省长期护理保险管理办法(试行)\n\n发布日期\n\n2025-12-16\n\n发文字号\n\n/\n\n有效地区\n\n海南省\n\n"
     "颁发部门\n\n海南省医疗保障局、海南省财政厅、海南省民政厅\n\n正文内容\n",
     {"date_publication": "2025-12-16", "area": "海南省", "issuer": "海南省医疗保障局、海南省财政厅、海南省民政厅"}),
    ("当前位置:首页> 政府信息公开 > 养老服务\n索引号\n5300000160509/20230043\n字号\n云民发〔2023〕128号\n"
     "文章来源\n云南省民政厅养老服务处\n发布日期\n2023-11-24 17:28:25\n",
     {"index_number": "5300000160509/20230043", "number": "云民发〔2023〕128号", "date_publication": "2023-11-24 17:28:25"}),
    # an empty field over a labelled line, and the widget 字号 over the addressees, take nothing from below
    ("发布部门:\n\n发文字号:肇府办(2008)36号\n\n时效性:已失效\n\n字号\n\n各县(市、区)人民政府,肇庆高新区管委会:\n",
     {"number": "肇府办(2008)36号", "validity": "已失效"}),
    # 有效期 that states the page's validity (景德镇 民政局's and 珠山区's portals), not a term
    ("公开方式:主动公开 有效期:长期有效 公开时限:长期公开 公开范围:面向全社会 信息索取号:014544551/2025-13882\n",
     {"validity": "长期有效"}),
    ("公开方式: 主动公开 有效期: 长期有效 公开时限: 长期公开 公开范围\n", {"validity": "长期有效"}),
])
def test_a_label_alone_takes_the_value_below_it(text, expected):
    fields, _ = find_portal(text)
    assert {f.field: f.value for f in fields if f.field in expected} == expected
    assert not any(f.value.startswith(("各县", "发文字号")) for f in fields)

@pytest.mark.parametrize("text,title", [
    # an empty 关键词 field, a blank line, then the heading: keywords are short terms, a heading is no value of
    # theirs past a blank line (嘉定 镇街道's 会办意见, 明山区's 政务公开 目录, 本溪 住建局's reply)
    ("发文日期: 2024年08月27日 主题分类: 人大代表建议和政协提案办理\n关键词:\n\n"
     "嘉嘉办理〔2024〕2号关于对区七届人大四次会议 第T014号代表建议的会办意见\n\n发布时间:2024-08-27 浏览次数: 【字体:\n\n"
     "区住房保障房屋管理局\n\n薄韫代表提出的关于加快推进老城区老旧小区综合改造的代表建议收悉,经研究,现将会办意见函告如下\n",
     "关于对区七届人大四次会议 第T014号代表建议的会办意见"),
    ("关键词:\n\n明山区养老服务领域基层政务公开事项标准目录\n\n", "明山区养老服务领域基层政务公开事项标准目录"),
])
def test_an_empty_keywords_field_leaves_the_heading_below_it(text, title):
    fields, _ = find_portal(text)
    assert not any(f.field == "keywords" for f in fields)
    assert extract(text).identity.title == title


def test_a_portal_list_of_organs_keeps_every_organ_it_can_read():
    """颁发部门 of eight organs (海南 长护险 办法): a vertical organ by its official name
    (国家税务总局海南省税务局), an organ no table holds by its shape; a name of no organ's
    shape is left out, and the list is not dropped for it."""
    x = extract("海南省长期护理保险管理办法(试行)\n\n颁发部门\n\n海南省医疗保障局、海南省民政厅、"
                "国家税务总局海南省税务局、海南省医疗保险服务中心、海南康养集团有限公司\n\n正文内容\n\n"
                "第一条 为了规范管理,制定本办法。\n")
    assert [a.name for a in x.identity.issuers] == [
        "海南省医疗保障局", "海南省民政厅", "国家税务总局海南省税务局", "海南省医疗保险服务中心"]


def test_a_portal_field_of_one_organ_reads_it_by_its_shape():
    """发文机关:长子县融媒体中心 (长子 portal): one organ no table holds, named in
    the field that says it is the issuer; a name of no organ's shape gives none."""
    x = extract("索引号:000014349/2022-53686 | |\n发文字号: | 发文时间:2022-08-31 |\n发文机关:长子县融媒体中心 | 主题词:积蓄 |\n"
                "标题:县公安局:用心守护“养老钱” 织密诈骗防护网 | |\n一个电话、一条短信,毕生积蓄都有可能会瞬间“蒸发”。\n")
    assert [a.name for a in x.identity.issuers] == ["长子县融媒体中心"]
    x = extract("发文机关:海南康养集团有限公司\n标题:关于开展养老服务的通知\n各单位:现将有关事项通知如下。\n")
    assert x.identity.issuers == ()


@pytest.mark.parametrize("text,issuer", [
    # a county's or a city's portal names its own bureau by its kind alone in 来源 or 发布机构, spaced
    # out or glued to a view counter (友好区 portal's 来源:民政局访问量:; 成安县's 发布机构: 民 政 局;
    # 安州区's 发文机构: 卫生健康局 号:, its next label cut)
    ("友好区人民政府\n政府信息公开\n友好区老年人服务中心消防改造项目\n\n发布时间:2021-08-11 14:49来源:民政局访问量:\n"
     "字体:\n\n友好区老年人服务中心消防改造项目,建设规模及主要建设内容:项目建设规模1817.36平方米。\n", "伊春市友好区民政局"),
    ("成安县民政局2020年度预算项目绩效自评表\n\n发布日期: 2021.07.14 索引号: 00062104-2-0404-2011-1033\n"
     "发布机构: 民 政 局 文号:\n主题 词: 组织机构 主题分类: 组织机构\n一、基本情况 项目名称: 19名百岁老人高龄津贴\n",
     "成安县民政局"),
    ("您的位置:首页 > 政务公开 > 政府信息公开目录 > 卫生健康局\n号: 81569416/202006-00012 主题分类:\n"
     "组配分类: 工作动态 发文日期: 2020-06-30\n发文机构: 卫生健康局 号:\n"
     "称: 绵阳市安州区召开创建四川省敬老模范区 验收工作协调推进会\n\n绵阳市安州区召开创建四川省敬老模范区 验收工作协调推进会\n",
     "绵阳市安州区卫生健康局"),
    # an office by its short form (合水县 portal's 来源:老龄办)
    ("您的位置: 首页 >政务动态>部门动态>详细内容\n\n我县互助老人幸福院建设推进有力\n\n"
     "来源:老龄办 作者: 王建宁 发布时间:2015-04-23 09:26:18 浏览次数: 【字体:\n"
     "    近年来,我县按照抓点示范,逐步推进。印发了《合水县十二五社会养老服务体系建设规划》。\n",
     "合水县老龄工作委员会办公室"),
    # a province's page names its 厅 so (青海's and 黑龙江's 本文来源: 民政厅 / 林业厅, headline read first)
    ("青海省再次调整提高城乡最低生活保障标准全省62.7万困难群众受益\n10.07.2014 11:28\n本文来源: 民政厅\n"
     "目前,全省城乡低保对象共计62.7万人,其中:城市低保22.4万人,农村低保40.3万人。\n", "青海省民政厅"),
    # not where the page's area is a province, whose organ of that kind is no 局, or unknown; nor a
    # 厅 on a district's page (集美区民政局's item, 来源: 民政厅)
    ("集美区民政局开展老龄工作检查\n来源: 民政厅\n近日,集美区民政局对辖区内养老机构开展检查。\n", None),
    ("吉林省关于开展养老机构检查的通知\n来源:民政局 发布时间:2021-08-11\n各市(州)民政局:现将有关事项通知如下。\n", None),
    ("关于开展养老机构检查的通知\n来源:民政局 发布时间:2021-08-11\n各有关单位:现将有关事项通知如下。\n", None),
])
def test_a_portal_names_its_own_bureau_by_its_kind(text, issuer):
    assert issuer_names(text)[:1] == ([issuer] if issuer else [])


@pytest.mark.parametrize("text,area", [
    # a news item a county's bureau posted (来源:民政局) is of the township its headline names (武进 portal);
    # not of one a section of its text is headed by (乌尔禾区's 十件民生实事, a 乌尔禾镇 project among them)
    ("您当前的位置:首页> 政务动态> 部门动态> 内容\n\n武进区礼嘉镇开展重阳节走访慰问活动\n"
     "发布日期: 2025-10-31    来源:民政局  浏览次数:  字号:〖大 中 小〗\n\n"
     "为弘扬中华民族尊老、敬老、爱老、助老的传统美德,10月28日上午,礼嘉镇组织开展“情暖重阳”系列走访慰问活动。\n", "礼嘉镇"),
    ("2024年,乌尔禾区始终秉持以人民为中心的发展思想,全力推动2024年十件民生实事落地实施。\n乌尔禾镇\n养老服务中心改建项目\n"
     "为进一步完善海棠别院的适老化建设,区民政人社局实施改建。\n来源:中共克拉玛依市乌尔禾区委员会宣传部\n", "乌尔禾区"),
])
def test_a_news_item_posted_by_a_county_bureau_is_of_the_township_it_reports(text, area):
    assert extract(text).area.name == area


@pytest.mark.parametrize("text,issuer", [
    # the organ whose site posts a document, alone on a header line above the breadcrumb, where
    # nothing else names the issuer (江津区民政局's 答复函; 吉林省民政厅's page of a 批复)
    ("重庆市江津区民政局\n\n当前位置: 重庆市江津区民政局>政务公开>政府信息公开目录>建议提案办理>人大代表建议办理\n\n"
     "津民政函〔2025〕35号关于区十八届人大七次会议第188号建议办理情况的答复函\n\n发布日期:2025-05-22 17:25:26\n\n唐倩代表:\n\n"
     "您提出的《关于加强社区食堂的可持续运营的建议》(第188号)收悉。经研究办理,现将办理情况答复如下。\n",
     "重庆市江津区民政局"),
    ("吉林省民政厅\n\n当前位置 : 首页 > 政府信息公开 > 行政权力公开 > 其他职权\n关于同意设立养老机构的批复\n"
     "时间:2016-09-26 14:25:00\n长春市民政局:\n你局《关于设立养老机构的请示》收悉。经研究,批复如下。\n", "吉林省民政厅"),
    # nor a document that calls its area by another level (雁江区民政局's site posting 资阳市's notice: 我市)
    ("雁江区民政局\n政府信息公开\n当前位置:首页 > 雁江区民政局 > 法定主动公开内容 > 重大民生信息 > 社会救助\n"
     "关于调整城乡居民最低生活保障和 特困人员基本生活标准的通知\n发布时间:2022-09-09   录入:雁江区民政局\n\n"
     "根据有关要求,经市政府同意,决定对我市现行城乡居民最低生活保障和特困人员基本生活标准进行调整。\n", None),
    # not a news item, which may report another organ's work (天津市民政局's 各区动态 of 河东区)
    ("天津市民政局\n首页 > 前端复用 > 通用头部\n各区动态丨迎战强降雪 民政在行动——河东区民政局开展养老机构寒潮雨雪天气大排查行动\n\n"
     "近日,我市寒潮雨雪天气来袭,气温骤降,河东区民政局对辖区内养老机构进行工作督导。\n", None),
])
def test_a_site_header_organ_issues_the_document_it_posts(text, issuer):
    assert issuer_names(text)[:1] == ([issuer] if issuer else [])


@pytest.mark.parametrize("text,title", [
    # a news item that announces the document it reposts in full: the title under the announcement heads
    # the page, though it stands after the lead (贵州 政协办公厅's 公告; 茂名 农业农村局's 通告)
    ("10月11日,贵州省政协办公厅发布公告,10月11日至10月25日,向社会各界公开征集省政协十三届二次会议提案线索。具体内容如下:\n"
     "关于公开征集政协提案线索的公告\n提案是人民政协履行职能的重要方式,是政协委员和政协各参加单位向党政部门反映各方意见诉求、"
     "提出建议的重要形式。现将有关事项公告如下:\n一、征集时间\n", "关于公开征集政协提案线索的公告"),
    ("The Beginning\n为顺利开展我市珠江禁渔期工作,2月28日,茂名市农业农村局发布《关于实施茂名市珠江禁渔期制度的通告》。"
     "通告明确要求3月1日0时至6月30日24时,禁止所有捕捞作业。\n通告全文如下\n关于实施茂名市珠江禁渔期制度的通告\n"
     "为顺利开展我市珠江禁渔期工作,特通告如下:\n一、禁渔水域范围\n", "关于实施茂名市珠江禁渔期制度的通告"),
])
def test_a_document_a_news_item_announces_in_full(text, title):
    assert extract(text).identity.title == title


@pytest.mark.parametrize("text,title,issuers", [
    # a title set over four lines in a narrow column; its organ named by the level alone (县人民政府办公室)
    # is a county's, so 嘉政办发 is no city's (嘉兴) code: the page names no issuer it can place (嘉鱼 RD page)
    ("嘉政办发〔2021〕5号\n县人民政府办公室关于\n对县《政府工作报告》确定的2021年\n重点工作及市《政府工作报告》涉及嘉鱼的\n"
     "重点事项进行责任分解的通知\n各镇人民政府,县政府各部门,嘉鱼经济开发区、武汉新港潘湾工业园:\n"
     "经县人民政府同意,现将县第十八届人民代表大会第五次会议审议通过的县《政府工作报告》确定的2021年重点工作责任分解给你们。\n",
     "县人民政府办公室关于对县《政府工作报告》确定的2021年重点工作及市《政府工作报告》涉及嘉鱼的重点事项进行责任分解的通知", []),
    # negative: a column's name above a title that opens with its organ and 关于 is no part of it (文化和旅游部 page)
    ("第一批国家级夜间文化和旅游消费集聚区名单公布\n时间:2021-11-22 10:50 浏览:960\n今日要闻\n文化和旅游部关于公布\n"
     "第一批国家级夜间文化和旅游\n消费集聚区名单的通知\n各省、自治区、直辖市文化和旅游厅(局)、新疆生产建设兵团文化体育广电和旅游局:\n",
     "文化和旅游部关于公布第一批国家级夜间文化和旅游消费集聚区名单的通知", ["文化和旅游部"]),
    # a law database prints title / issuing organ / title (法律资料网, 世界资料网): the organ line under
    # the title issues it, the download link between is chrome, and the site's year after a rule's
    # name tells versions apart and is no part of it
    ("厦门市新型墙体材料管理规定(2002年)\n\n作者:法律资料网 时间:2024-06-25 14:15:56   浏览:8552   来源:法律资料网\n"
     "下载地址: 点击此处下载\n\n厦门市新型墙体材料管理规定(2002年)\n\n福建省厦门市人民政府\n\n\n厦门市新型墙体材料管理规定\n\n"
     "  第一条为推进本市墙体材料革新和建筑节能工作,根据《厦门市建筑条例》等有关法规、规章,制定本规定。\n",
     "厦门市新型墙体材料管理规定", ["厦门市人民政府"]),
    ("热门站点| 世界资料网 | 专利资料网 | 世界资料网论坛\n收藏本站| 设为首页| 首页\n\n"
     "关于修改《中华人民共和国航道管理条例实施细则》的决定\n\n作者:法律资料网 时间:2024-06-29 00:01:24  浏览:8188   来源:法律资料网\n"
     "下载地址: 点击此处下载\n\n关于修改《中华人民共和国航道管理条例实施细则》的决定\n\n交通运输部\n\n\n"
     "关于修改《中华人民共和国航道管理条例实施细则》的决定(中华人民共和国交通运输部令2009年第9号)\n",
     "关于修改《中华人民共和国航道管理条例实施细则》的决定", ["交通运输部"]),
    # the organ set apart over the rule's name is its issuer, not a part of the title
    ("您的位置: 首页 » 法律资料网 » 法律法规 »\n\n海洋预报业务管理暂行规定\n\n时间:2024-07-09 20:26:51 来源: 法律资料网\n"
     "下载地址: 点击此处下载\n\n海洋预报业务管理暂行规定\n\n国家海洋局\n\n\n海洋预报业务管理暂行规定\n1999年7月13日,国家海洋局\n\n\n"
     "第一章 总则\n", "海洋预报业务管理暂行规定", ["国家海洋局"]),
    ("热门站点| 世界资料网 | 专利资料网 | 世界资料网论坛\n收藏本站| 设为首页| 首页\n\n铁路货物集装化用具准运证管理办法\n\n"
     "作者:法律资料网 时间:2024-07-01 13:16:35  浏览:8817   来源:法律资料网\n下载地址: 点击此处下载\n\n"
     "铁路货物集装化用具准运证管理办法\n\n铁道部\n\n\n铁路货物集装化用具准运证管理办法\n\n1990年3月10日,铁道部\n\n"
     "第1条 为了加强集装化运输质量管理,确保行车、货物、人身安全,特制定本办法。\n",
     "铁路货物集装化用具准运证管理办法", ["铁道部"]),
    # a legislature's standing committee by its short name (河北省人大常委会 over 承德's 条例 on the same site)
    ('承德避暑山庄及周围寺庙保护管理条例\n\n作者:法律资料网 时间:2024-07-11 19:25:23   浏览:8586   来源:法律资料网\n下载地址: 点击此处下载\n\n承德避暑山庄及周围寺庙保护管理条例\n\n河北省人大常委会\n\n\n承德避暑山庄及周围寺庙保护管理条例\n\n\n\n', "承德避暑山庄及周围寺庙保护管理条例", ["河北省人民代表大会常务委员会"]),
    # an adoption note that opens with the session that adopted it names its legislature (哈尔滨's 条例 on a
    # law blog; a database's 国务院第21次常务会议通过… opens the same way)
    ("当前位置: 法律博客 > 法律法规 > 地方法规 > 正文\n\n哈尔滨市城市道路管理条例(2020)\n\n"
     "日期:2021-09-13 10:23:24 来源:互联网 热度:753 ℃\n\n"
     "(哈尔滨市第十三届人民代表大会常务委员会第二十八次会议通过 黑龙江省第十一届人民代表大会常务委员会第二十四次会议批准 根"
     "据哈尔滨市第十四届人民代表大会常务委员会第十次会议通过黑"
     "龙江省第十二届人民代表大会常务委员会第六次会议批准的《关于修改〈哈尔滨市城市道路管理条例〉的决定》第一次修正 根据哈尔滨"
     "市第十四届人民代表大会常务委员会第十四次会议通过日黑龙江省第十二届人民代表大会常务委员会第十一次会议批准的《关于修改<哈"
     "尔滨市历史文化名城保护条例>等十二部地方性法规的决定》第二次修正 根据哈尔滨市第十五届人民代表大会常务委员会第十七次会议"
     "通过黑龙江省第十三届人民代表大会常务委员会第八次会议批准的《关于修改〈哈尔滨市城市道路管理条例〉等十部地方性法规的决定》"
     "第三次修正 根据2020年6月30日哈尔滨市第十五届人民代表大会常务委员会第三十一次会议通过2020年10月22日黑龙江"
     "省第十三届人民代表大会常务委员会第二十一次会议批准的《关于修改〈哈尔滨市劳动保障监察条例〉等二十一部地方性法规的决定》第"
     "四次修正)\n\n目 录\n",
     "哈尔滨市城市道路管理条例", ["哈尔滨市人民代表大会常务委员会"]),
    # a regulation whose heading the page lost is the one its history note's amending decision names
    # (吉林 黑土地保护条例 on a law mirror; 乌鲁木齐 制定地方性法规条例 on a law-text site)
    ("(2018年3月30日吉林省第十三届人民代表大会常务委员会第二次会议通过 根据2021年5月27日吉林省第十三届人民代表大会常务委员会"
     "第二十八次会议《吉林省人民代表大会常务委员会关于修改〈吉林省黑土地保护条例〉的决定》修正)\n第一章 总 则\n"
     "第一条 为了保护黑土地资源,防止黑土地数量减少质量下降,保障国家粮食安全,促进黑土地资源可持续利用,维护生态系统平衡,"
     "根据有关法律法规,结合本省实际,制定本条例。\n", "吉林省黑土地保护条例", ["吉林省人民代表大会常务委员会"]),
    ("(2004年2月11日乌鲁木齐市第十三届人民代表大会第二次会议通过 2004年3月26日新疆维吾尔自治区第十届人民代表大会常务委员会"
     "第八次会议批准 根据2015年12月25日乌鲁木齐市第十五届人民代表大会常务委员会第三十次会议《关于修改〈乌鲁木齐市制定地方性"
     "法规条例〉的决定》第一次修正 2016年3月31日新疆维吾尔自治区第十二届人民代表大会常务委员会第二十一次会议批准)\n"
     "第一章 总 则\n", "乌鲁木齐市制定地方性法规条例", ["乌鲁木齐市人民代表大会"]),
    # negative: a decision that amends several laws is named by its first, another law (广东 水利工程 条例's history)
    ("(1999年11月27日广东省第九届人民代表大会常务委员会第十三次会议通过 根据2014年9月25日广东省第十二届人民代表大会常务委员会"
     "第十一次会议《关于修改〈广东省商品房预售管理条例〉等二十七项地方性法规的决定》第一次修正)\n第一章 总 则\n",
     None, ["广东省人民代表大会常务委员会"]),
    # a rule's title run into its first chapter on a summary line above it (上思 县's 办法 on an aggregator);
    # negative: a sentence that refers to an article opens no title (依照本办法第一条…)
    ("统筹整合使用财政涉农资金暂行管理办法第一章总则第一条 为了加强涉农资金管理,加大统筹使用力度,提高资金使用效益,确保财政专项"
     "资金有序统筹、有章可循,确保全县打造“脱贫攻坚先行区”目标的实现,根下面是小编为大家整理的【财政办法】上思县统筹整合使用财政"
     "涉农资金暂行管理办法,供大家参考。\n统筹整合使用财政涉农资金暂行管理办法\n第一章 总 则\n",
     "统筹整合使用财政涉农资金暂行管理办法", []),
    # an annual disclosure report with no title line is the report its first sentence publishes, its
    # organ before the year (北票 长皋乡; 吉林 两家子满族乡), or after it (绥滨 连生乡), as a title
    # that opens with the year names it (鄱阳 莲湖乡's 乡政府 before 信息公开; 微山 南阳镇's 目录)
    ("根据《中华人民共和国政府信息公开条例》(以下简称《条例》)及《中华人民共和国政府信息公开工作年度报告格式》"
     "(国办公开办函〔2021〕30号)相关要求,现公布北票市长皋乡人民政府2024年度政府信息公开工作报告。"
     "本报告所列数据的统计期限为2024年1月1日至2024年12月31日。\n一、总体情况\n",
     "北票市长皋乡人民政府2024年度政府信息公开工作报告", ["北票市长皋乡人民政府"]),
    ("按照吉林市人民政府政务公开(政府信息公开)领导小组办公室《关于做好2020年全市政府信息公开工作年度报告的通知》"
     "(吉市政公办发〔2020〕13号)文件要求,我乡编制了吉林市昌邑区两家子满族乡人民政府2020年政府信息公开工作年度报告"
     "(以下简称《年报》)。\n",
     "吉林市昌邑区两家子满族乡人民政府2020年政府信息公开工作年度报告", ["吉林市昌邑区两家子满族乡人民政府"]),
    ("依据《中华人民共和国政府信息公开条例》(以下简称《条例》)第五十条规定,特向社会公布2024年连生乡人民政府"
     "政府信息公开工作情况报告。本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。\n一、总体情况\n",
     "2024年连生乡人民政府政府信息公开工作情况报告", ["绥滨县连生乡人民政府"]),
    ("当前位置: 首页\n索 引 号: pydn370/2025-00310 分 类: 信息公开年报\n责任部门: 发文日期: 2025年01月20日\n"
     "标 题: 2024年鄱阳县莲湖乡政府信息公开工作年度报告\n公开方式: 主动公开 公开时限: 常年公开 公开范围: 面向社会\n"
     "2024年鄱阳县莲湖乡政府信息公开工作年度报告\n\n根据《中华人民共和国政府信息公开条例》\n",
     "2024年鄱阳县莲湖乡政府信息公开工作年度报告", ["鄱阳县莲湖乡人民政府"]),
    # a policy Q&A item is headed by its question (荆州 民政局; 黔江 民政局, its organ left to the breadcrumb)
    ("当前位置:民政局\n\n急难型救助对象如何认定?\n\n发布时间:2021-12-31 15:49\n\n来源: 荆州市民政局\n\n字体大小:\n\n"
     "发生火灾、交通事故、溺水等意外事件造成重大人员伤亡;家庭成员突发重大疾病,需紧急入院抢救;遭遇其他特殊困难等。\n",
     "急难型救助对象如何认定?", ["荆州市民政局"]),
    ("您当前的位置: 区民政局>政务公开>政府信息公开目录>政策咨询问答库\n\n申请最低生活保障的条件有哪些?\n\n"
     "日期:2021-12-27\n\n持有本区常住户口的居民,凡共同生活的家庭成员人均收入低于当地低保标准,且家庭收入、财产、消费支出"
     "符合《重庆市最低生活保障条件认定办法》\n", "申请最低生活保障的条件有哪些?", []),
    # negative: an organ line under the title with the body after it is the addressee, its colon lost
    # (巴州区民政局's 通知; 普陀区's 会办意见 to 区民政局)
    ("下拨2022年日间照料中心运营补贴的通知\n\n发布日期:2023-04-16 09:22信息来源:巴州区民政局 【字体:  \n\n\n"
     "相关乡镇人民政府,城区街道办事处\n\n根据《四川省民政厅办公室关于做好民办养老机构运营补贴和社区老年人日间照料中心运营补贴工作的通知》"
     "(厅办〔201847号)要求,经局党组会研究同意,现下达2022度城乡日间照料中心运营补贴资金70.2万元。\n",
     "下拨2022年日间照料中心运营补贴的通知", ["巴中市巴州区民政局"]),
    ("正文内容区域请使用tab按钮切换浏览\n\n对区政协十四届四次会议第144033提案的会办意见\n\n区民政局\n\n"
     "徐军等委员提出的关于社会化运作为老助餐的提案收悉,经研究,现将会办意见函告如下:\n",
     "对区政协十四届四次会议第144033提案的会办意见", []),
])
def test_the_heading_s_title_and_issuers(text, title, issuers):
    identity = extract(text).identity
    assert (identity.title, [a.name for a in identity.issuers]) == (title, issuers)


@pytest.mark.parametrize("text,title", [
    # a 政府信息公开 block's 内容概述 that is the document's title, on a page with no heading
    # (无锡市民政局's 公示; 新吴区's 通知 with its number after the title)
    ("信息索引号 | 014006438/2023-06424 | 生成日期 | 2023-11-14 |\n文件编号 | — — | 发布机构 | 无锡市民政局 | ||\n"
     "内容概述 | 2022年度拟补贴社会办养老机构建设项目(第一批)公示 |\n依据《无锡市养老服务项目补贴办法》等文件规定,"
     "拟对符合申报条件的养老服务项目给予补贴。\n", "2022年度拟补贴社会办养老机构建设项目(第一批)公示"),
    ("索引号 | 01400964X/2026-00012 | 发布机构 | 新吴区民政和卫生健康局 |\n"
     "内容概述 关于公布2025年度新吴区惠老助餐服务机构赋星管理结果(第二批)的通知(锡新民卫发〔2026〕2号)\n"
     "各街道:现将赋星管理结果公布如下。\n", "关于公布2025年度新吴区惠老助餐服务机构赋星管理结果(第二批)的通知"),
    # one that sums up the body is no title (乌审旗 批复: its addressee and first sentence)
    ("索 引 号: 000014349/2025-02700 发布机构:乌审旗发展和改革委员会 内容概述: 旗民政局: 为进一步加强我旗养老院收费管理,"
     "规范收费行为,提高服务质量...\n为进一步加强我旗养老院收费管理。\n", None),
])
def test_a_portal_summary_that_is_a_title_names_the_page(text, title):
    assert extract(text).identity.title == title


@pytest.mark.parametrize("text,title", [
    # the organ a site notes after the title it heads is no part of it (舒城 人大's 议案建议 pages; 法律资料网's
    # 国务院 rules; 长垣's 通告 on an aggregator)
    ("您当前所在的位置:首页 > 议案建议 > 县十六届人大二次会议\n\n关于对县十六届人大二次会议第8号议事原案的答复(水利局)\n\n"
     "发布日期:2013-08-02 0:0    作者:xksh     来源:人大办公室    阅读:次   字体大小:[大] [中] [小]\n\n"
     "王玉书、薛维功、王家传、陈传慧、花敬玲、韦九青、陈留根、吴本松、宋茂谷、黄光秀、周宗福、王世凤、韩芳代表:\n",
     "关于对县十六届人大二次会议第8号议事原案的答复"),
    ("您的位置: 首页 » 法律资料网 » 法律法规 »\n\n中华人民共和国母婴保健法实施办法(国务院)\n\n"
     "作者:法律资料网 时间:2024-07-12 10:17:46  浏览:8030   来源:法律资料网\n下载地址: 点击此处下载\n\n"
     "中华人民共和国母婴保健法实施办法(国务院)\n\n国务院\n\n\n中华人民共和国母婴保健法实施办法(国务院)\n\n"
     "中华人民共和国国务院第308号\n\n现公布《中华人民共和国母婴保健法实施办法》,自公布之日起施行。\n",
     "中华人民共和国母婴保健法实施办法"),
    # a news site's picture mark after a headline is no part of it ([图], 巢湖's 快讯; (图), 中新网's report)
    ("当前位置: 首页巢湖快讯\n\n庙岗乡第九届人民代表大会第四次会议胜利召开[图]\n\n发布时间:2017-10-26 11:46:39 来源:本站 阅读次数:1407\n\n\n"
     "3月28日,庙岗乡第九届人民代表大会第四次会议胜利召开。61名乡人大代表出席了大会。\n", "庙岗乡第九届人民代表大会第四次会议胜利召开"),
    ("四海资讯\n首页 > 国内资讯 > 国内要闻\n\n新疆有关部门现场答复人大代表提出建议(图)\n\n时间:2019-01-17\n\n"
     "新疆有关部门现场答复人大代表提出建议(图)\n\n人大代表发言。 王小军 摄\n\n", "新疆有关部门现场答复人大代表提出建议"),
    # nor a wiki's skip link on the line above the heading (维基文库's 遵义 政府工作报告; its 云南 条例)
    ('跳转到内容\n\n2022年遵义市人民政府工作报告\n\n维基文库,自由的图书馆\n\n', "2022年遵义市人民政府工作报告"),
    # nor is a site's 全文 after the rule's name (河南 地方立法条例 on an aggregator, its version note with it)
    ("河南省地方立法条例(2024年修正)全文\n\n来源:南康家具网 | 来源:河南省人大常务委员会 | 时间:2024-04-22 | 5419 次浏览 | 分享到:\n"
     "《河南省地方立法条例》2016年1月31日河南省第十二届人民代表大会第五次会议通过,2024年1月31日河南省第十四届人民代表大会第二次会议修正。\n",
     "河南省地方立法条例"),
    # negatives: a number or a version in brackets after the title stays as the title's tail
    ("关于印发《上海市养老机构管理办法》的通知(沪民规字〔2019〕6号)\n各区民政局:\n", "关于印发《上海市养老机构管理办法》的通知"),
])
def test_a_site_s_note_after_the_title_is_no_part_of_it(text, title):
    assert extract(text).identity.title == title


@pytest.mark.parametrize("written,context,full", [
    # a department's own office signs in its name (广西 卫健委 notice; national 办公厅 函)
    ("自治区卫生健康委办公室", "450000", "广西壮族自治区卫生健康委员会办公室"),
    ("国家卫生健康委办公厅", None, "国家卫生健康委员会办公厅"),
    ("民政部办公厅", None, "民政部办公厅"),
    # organs with their area inside their official names (国家金融监督管理总局 2023; tax)
    ("国家金融监督管理总局常州监管分局", None, "国家金融监督管理总局常州监管分局"),
    ("国家税务总局海南省税务局", None, "国家税务总局海南省税务局"),
    ("区税务局", "371002", "国家税务总局威海市环翠区税务局"),
    # the statistics bureau's survey teams co-sign 低保 standards (资阳 notice; 四川 总队 in the title it carries out)
    ("国家统计局资阳调查队", "512000", "国家统计局资阳调查队"),
    ("国家统计局四川调查总队", None, "国家统计局四川调查总队"),
    # a central organ's department signs 公示 in its name (河南 repost of the 老龄司's 公示; 黔西南 mirror)
    ("国家卫生健康委老龄司", None, "国家卫生健康委员会老龄司"),
    ("国家卫生健康委老龄健康司", None, "国家卫生健康委员会老龄健康司"),
    # and after the organ's name written in full (HQ013's gold; a 民政部 department)
    ("国家卫生健康委员会老龄健康司", None, "国家卫生健康委员会老龄健康司"),
    ("民政部养老服务司", None, "民政部养老服务司"),
])
def test_offices_and_vertical_organs_are_read_by_their_official_names(written, context, full):
    from kg.lexicon.agencies import parse_issuer
    from kg.lexicon.areas import gazetteer
    found = parse_issuer(written, gazetteer().get(context) if context else None)
    assert found is not None and found.name == full


@pytest.mark.parametrize("written", [
    # 司 is a department only of a central organ; a company (公司) is none
    "中国人寿保险股份有限公司", "省民政厅养老服务司", "国家卫生健康委老龄健康司司长",
    # a survey team is no organ of its own without the bureau's name
    "资阳调查队",
])
def test_no_department_but_a_central_organs(written):
    from kg.lexicon.agencies import parse_issuer
    assert parse_issuer(written) is None


@pytest.mark.parametrize("text,issuers", [
    # joint organs over the title, a line each (吴起 县委办 and 县政府办; 来苏镇 党委 and 政府)
    ("关于开展镇村志部门志编纂工作的通知\n\n \n发布时间:来源: 吴起县档案局\n\n \n\n吴办发〔2018〕号\n\n \n\n中共吴起县委办公室\n\n"
     "吴起县人民政府办公室\n\n关于开展镇村志部门志编纂工作的通知\n\n \n\n各镇、街道办,县委和县级国家机关各部门,各人民团体:\n\n"
     "    为积极适应新型城镇化建设和地方志事业发展需要,全面记录全县镇街、部门、村的历史和现状。\n",
     ["中国共产党吴起县委员会办公室", "吴起县人民政府办公室"]),
    ("来苏委发〔2021〕68号\n\n中共重庆市永川区来苏镇委员会\n\n重庆市永川区来苏镇人民政府\n\n"
     "关于印发《来苏镇第十一届村民委员会换届选举工作方案》的通知\n\n各村党支部、村委会:\n\n现将方案印发给你们,请认真贯彻执行。\n",
     ["中国共产党重庆市永川区来苏镇委员会", "重庆市永川区来苏镇人民政府"]),
])
def test_joint_organs_a_line_each_over_the_title(text, issuers):
    assert issuer_names(text) == issuers


def test_a_joint_signature_of_two_organs_a_line_is_read_whole():
    """Eighteen organs, two a line, one a vertical organ (常州 健康老龄化 方案)."""
    signature = ("常州市卫生健康委员会 常州市发展和改革委员会\n常州市教育局 常州市工业和信息化局\n常州市民政局 常州市财政局\n"
                 "常州市人力资源和社会保障局 常州市自然资源和规划局\n常州市住房和城乡建设局 常州市文化广电和旅游局\n"
                 "常州市退役军人事务局 常州市市场监督管理局\n常州市体育局 常州市医疗保障局\n"
                 "国家金融监督管理总局常州监管分局 常州市中医药管理局\n常州市残疾人联合会 常州市老龄工作委员会办公室\n"
                 "2023年12月29日\n")
    x = extract("各设辖市区卫生健康局、民政局:\n现将《常州市健康老龄化三年行动实施方案(2023-2025年)》印发给你们,"
                "请认真贯彻执行。\n" + signature)
    names = [a.name for a in x.identity.issuers]
    assert len(names) == 18 and names[0] == "常州市卫生健康委员会" and "国家金融监督管理总局常州监管分局" in names
    assert str(x.date) == "2023-12-29"


@pytest.mark.parametrize("text,issuers", [
    # ministries written without a space in a title (民政部's notice on a law site; the 指导意见 a
    # 中山 批复 cites): each organ issues it, and the page is the nation's
    ("民政部财政部关于组织开展中央财政支持经济困难失能老年人集中照护服务工作的通知(2023年)\n\n"
     "各省、自治区、直辖市民政厅(局)、财政厅(局),各计划单列市民政局、财政局:\n", ["民政部", "财政部"]),
    ("国家发展改革委民政部关于规范养老机构服务收费管理促进养老服务业健康发展的指导意见\n"
     "各省、自治区、直辖市发展改革委、民政厅(局):\n", ["国家发展和改革委员会", "民政部"]),
])
def test_organs_glued_in_a_title_are_each_an_issuer(text, issuers):
    x = extract(text)
    assert [a.name for a in x.identity.issuers] == issuers
    assert x.area.name == "中华人民共和国"


def test_a_repost_block_keeps_its_dates_out():
    fields, residue = find_portal("西安市…的通知\n发布人:西安老博会\n发布日期:2023-07-12\n阅读量:2777\n正文")
    assert not any(f.field == "date_publication" for f in fields)
    assert len(residue) == 3


@pytest.mark.parametrize("text,published", [
    # a portal's news item carried from a paper is published the day the portal posted it (西宁's
    # party-building portal: 来源:西宁晚报 日期:…; 宁夏 portal: 文章来源:宁夏日报 发布时间:…)
    ("西宁市城中区开展民族团结进步宣传月集中宣传活动\n来源:西宁晚报 日期:2025-09-22 浏览量:\n"
     "9月19日,城中区组织辖区30余家单位在人民广场开展“民族团结进步活动月”集中宣传活动。\n", date(2025, 9, 22)),
    ("无障碍浏览 长者模式\n\n我区决定:大专院校、中小学、幼儿园将推迟开学\n\n作者: 文章来源:宁夏日报 发布时间:2020-01-27 19:45 点击:\n\n"
     "1月27日,记者从自治区政府办公厅了解到,我区决定,各地大专院校、中小学、幼儿园将推迟开学。\n", date(2020, 1, 27)),
    # the paper named on a line of its own below the portal's date (滨海新区 国资委: 稿源:滨海时报)
    ("天津市滨海新区人民政府国有资产监督管理委员会\n\n当前位置: 首页>国资委>新闻中心\n\n让市民过一个欢乐祥和平安的节日\n"
     "发布日期: 2020-09-26 22:20     \n字号:\n  • 扫一扫在手机打开当前页\n\n    稿源:滨海时报\n\n"
     "    9月25日,区委副书记、区长杨茂荣带队检查节日期间市场供应和安全生产工作。\n", date(2020, 9, 26)),
    # a paper's item on a city's news site, its dateline the day and the paper (青岛新闻网: 2015-12-09 14:29:20 青岛日报;
    # 广安's 2015-10-13 11:26  广安日报)
    ("中文ENG\n青岛新闻城市档案区市撷英城市印象魅力青岛影像青岛青岛风光青岛概况\n李沧明年再建20处助老大食堂\n"
     "2015-12-09 14:29:20 青岛日报\n\n    昨日,李沧区又一处助老大食堂开进老人居住密度较大的社区——李村街道枣园路社区。\n",
     date(2015, 12, 9)),
    ("导航\n\n广安市积极落实优待政策提升老年人幸福指数\n\n2015-10-13 11:26  广安日报\n\n"
     "    原标题:广安市积极落实优待政策提升老年人幸福指数——来源:广安日报\n", date(2015, 10, 13)),
    # a headline told by the writer's own place is news, though it ends in a document's word (西藏 民政厅's
    # portal carrying 中国西藏新闻网)
    ("我区提高城乡最低生活保障标准\n\n发布时间: 2020年03月20日 来源: 中国西藏新闻网\n背景色:\n\n"
     "为提高我区困难群众生活保障水平,经自治区研究决定,从2020年1月1日起再次提高城乡居民最低生活保障标准。\n", date(2020, 3, 20)),
    # a day of 1970 is the epoch a site's software writes for a date it lacks (天津消防网's 更新时间)
    ("天津津南召开养老机构消防安检整治会议\n来源: 更新时间:1970-01-01 08:00:00 编辑:管理员 浏览:1237\n"
     "天津消防网讯 日前,天津市津南区民政局按照《津南区深入开展消防安全大排查大整治活动工作方案》文件要求,"
     "组织开展了全区养老机构消防安全排查整治会议。\n", None),
    # a timestamp alone under the headline, or under the medium's name (繁昌's 区长 item; 央视新闻客户端's);
    # not beside an uploader's mark (a content farm's admin over its copy time)
    ("区长许有龙调研养老机构消防安全工作\n2025-10-17 10:37:16\n10月15日上午,区委副书记、区长许有龙带队赴繁阳镇、孙村镇"
     "部分养老机构,实地调研督导养老机构消防安全工作。\n", date(2025, 10, 17)),
    ("民政部:地名命名、更名后应当按照规定报送备案\n央视新闻客户端\n2023-06-13 17:46\n为加强地名工作统一监督管理,"
     "规范地名备案、公告工作,民政部今天印发《地名备案公告管理办法(试行)》。\n", date(2023, 6, 13)),
    ("有多少项目入选西藏第五批非遗代表性项目名录?\nadmin\n2023-08-09 14:40:41\n\n西藏自治区人民政府近日正式批准137个项目"
     "列入第五批自治区非物质文化遗产代表性项目名录。\n", None),
    # an aggregator's line (作者:佚名) dates nothing (民生内参's repost of 西藏长安网)
    ("欢迎访问民生内参!\n当前所在:首页 > 法制在线\n\n西藏出台15条新措施推进养老服务\n\n来源:西藏长安网 作者:佚名时间:2022-06-29\n\n"
     "  根据国务院办公厅《关于推进养老服务发展的意见》,近日,自治区人民政府办公厅印发《关于推进养老服务高质量发展的若干措施》。\n", None),
])
def test_a_news_item_carried_from_a_paper_is_dated_by_its_posting(text, published):
    x = extract(text)
    assert next((f.value for f in x.facts if f.name == "publication_date"), None) == published


@pytest.mark.parametrize("text,published", [
    # of two publication stamps the earlier is the document's, the later the copy's (a law site's 日期 over
    # 广西's decision's 发布日期; a repost's 发布时间 over 上海 公积金's 发布日期 written without its 日)
    ("广西壮族自治区人民政府关于废止和修改部分政府规章的决定\n\n   日期:2021-09-15     浏览:0    \n"
     "发文字号:     时效性: 有效    发布日期: 2016-11-18    实施日期: 2000年2月1日    发布部门:\n"
     "核心提示:  为依法推进简政放权和放管结合,自治区人民政府对取消和下放行政审批事项涉及的政府规章进行了清理。\n", date(2016, 11, 18)),
    ("关于调整2018年度上海市住房公积金缴存比例的补充通知\n\n发布时间:2023-04-10 11:08:29   浏览:\n\n"
     "发文机关:上海市住房公积金管理委员会\n发布日期:2018年06月20\n生效日期:2018年06月20\n时效性   :现行有效\n"
     "文号      :沪公积金管委会〔2018〕6号\n各住房公积金缴存单位:\n  三、本通知自发布之日起施行。\n", date(2018, 6, 20)),
])
def test_of_several_publication_stamps_the_earliest_is_the_documents(text, published):
    x = extract(text)
    assert next((f.value for f in x.facts if f.name == "publication_date"), None) == published


# --- document numbers in every written form ---

@pytest.mark.parametrize("written,canonical", [
    ("苏政办发﹝2019﹞33号", "苏政办发〔2019〕33号"),
    # a legislature's announcement, its term in the same brackets (呼和浩特 人大常委会), or its plenary's (青海);
    # a ministry's 公告 numbered within its year (环境保护部, as 国家卫生健康委员会's)
    ("呼和浩特市人民代表大会常务委员会公告﹝十六届﹞第二十二号", "呼和浩特市人民代表大会常务委员会公告〔十六届〕第22号"),
    ("青海省人民代表大会公告第12号", "青海省人民代表大会公告第12号"),
    ("环境保护部公告2011年第75号", "环境保护部公告〔2011〕75号"),
    # a bureau's, as tax bureaus number theirs at every level (深圳, 贵州)
    ("国家税务总局深圳市税务局公告2019年第5号", "国家税务总局深圳市税务局公告〔2019〕5号"),
    ("贵州省国家税务局公告2016年第6号", "贵州省国家税务局公告〔2016〕6号"),
    ("闽政〔2014〕3 号", "闽政〔2014〕3号"),
    ("国办发［２０１９］５号", "国办发〔2019〕5号"),
    ("京民老龄发【2016】244号", "京民老龄发〔2016〕244号"),
    ("渝府令〔2019〕326号", "渝府令第326号"),       # a government numbers its orders on: the year is no part
    ("广州市人民政府令第179号", "广州市人民政府令第179号"),
    ("中华人民共和国主席令第二十四号", "中华人民共和国主席令第24号"),
    ("民政部令第49号", "民政部令第49号"),
])
def test_number_forms(written, canonical):
    assert str(DocNumber.parse(written)) == canonical


def test_brackets_a_pdf_turned_into_quotes_are_read_as_brackets():
    """〔〕 that a PDF's symbol font gave as „‟ (湖南 省政府办公厅's 2009 notice on graduates' jobs)."""
    x = extract("各市州人民政府:\n根据《国务院办公厅关于加强普通高等学校毕业生就业工作的通知》(国办发„2009‟3号)精神,结合我省实际,"
                "经省人民政府同意,现就加强普通高等学校毕业生就业工作有关问题通知如下:\n")
    assert [(c.target.number, c.relation.value) for c in x.citations] == [("国办发〔2009〕3号", "applies")]


@pytest.mark.parametrize("text,number", [
    # a code that holds a boundary word (经 of 经研究) is read whole: 农业农村部's 农经发 (山东 农业农村厅's
    # 公示), after 按照 too
    ("根据《农业农村部中央宣传部司法部关于开展第三批乡村治理示范村镇创建工作的通知》(农经发〔2023〕2号)要求", "农经发〔2023〕2号"),
    ("按照农经发〔2023〕2号文件要求", "农经发〔2023〕2号"),
    # the boundary words still end the running text before a code (经研究; 你局)
    ("经研究,现将湘民发〔2023〕2号转发给你们", "湘民发〔2023〕2号"),
    ("你局黄民〔2007〕42号收悉", "黄民〔2007〕42号"),
])
def test_a_code_no_table_holds_starts_where_the_running_text_ends(text, number):
    assert [str(m.number) for m in find_numbers(text, find_code_start)] == [number]


def test_orders_in_running_text_start_at_the_organ():
    text = "根据《中华人民共和国老年人权益保障法》（中华人民共和国主席令第72号）和广州市人民政府令\n第179号及民政部令第49号"
    assert [str(m.number) for m in find_numbers(text, find_code_start)] == [
        "中华人民共和国主席令第72号", "广州市人民政府令第179号", "民政部令第49号"]


def test_an_organs_orders_in_a_list_are_each_a_number():
    """天津 市政府's decision, 国务院令第709号、第710号、第714号: the organ's
    further orders in a list, as 鲁政办发〔2019〕5号、6号 lists its code's."""
    text = "对照3个《国务院关于修改部分行政法规的决定》(国务院令第709号、第710号、第714号)对现行有效的规章进行了清理"
    assert [str(m.number) for m in find_numbers(text, find_code_start)] == [
        "国务院令第709号", "国务院令第710号", "国务院令第714号"]


@pytest.mark.parametrize("text,number", [
    # a central organ whose name holds a word that ends running text elsewhere (和: 住房和城乡建设部令,
    # 琼海 公租房 办法)
    ("根据《公共租赁住房管理办法》(住房和城乡建设部令第11号)、《国务院办公厅关于保障性安居工程建设和管理的指导意见》",
     "住房和城乡建设部令第11号"),
    # a date before the organ is no part of it (江西 1992 用地管理办法's history; 河北 人工影响天气 规定's signing);
    # its year stays with an order whose organ is not yet named in full, for a government that numbers
    # within each year (year_numbered_orders.tsv) to keep
    ("(1992年7月25日省人民政府第一三七次常务会议通过, 1992年10月22日省人民政府令第18号发布", "省人民政府令〔1992〕18号"),
    ("二○一○年十二月二十五日省人民政府令第15号公布", "省人民政府令第15号"),
])
def test_an_order_starts_at_its_organ_not_before(text, number):
    assert [str(m.number) for m in find_numbers(text, find_code_start) if m.number.is_order] == [number]


def test_an_order_named_by_its_level_is_of_the_government_that_issues_the_page():
    # 江西 1992 rule on a law database: the history names 省人民政府令第18号 under 江西省人民政府
    text = ("江西省外商投资企业用地管理办法\n\n江西省人民政府\n\n\n江西省外商投资企业用地管理办法\n \n\n"
            "(1992年7月25日省人民政府第一三七次常务会议通过, 1992年10月22日省人民政府令第18号发布\n\n\n\n"
            "  第一条 为加强本省外商投资企业的用地管理,根据《中华人民共和国土地管理法》的规定,结合本省实际情况,制定本办法。\n")
    assert extract(text).identity.number == "江西省人民政府令第18号"


@pytest.mark.parametrize("text,number", [
    # a journal abstract opens with the own number, addressees after it or not (北京 通告 has none;
    # 农业部 办公厅's notice to 有关省)
    ("论文部分内容阅读\n<正>京政发[2015]17号为有效降低机动车污染物排放,持续改善首都空气质量,市政府决定自2015年4月11日至"
     "2016年4月10日,继续实施工作日高峰时段区域限行交通管理措施。现就有关事项通告如下:\n", "京政发〔2015〕17号"),
    ("<正>农办财[2016]10号有关省(自治区)畜牧(农牧、农业、农村经济)厅(局、委):为贯彻落实《农业部 财政部关于印发"
     "新一轮草原生态保护补助奖励政策实施指导意见的通知》精神,现就有关事项通知如下:\n", "农办财〔2016〕10号"),
    # a 批复 names its addressees one by one (国务院公报's abstract of the 东北虎豹 reply)
    ("摘要\n\n国函[2021]103号吉林省、黑龙江省人民政府,自然资源部、国家林草局(国家公园局):自然资源部关于设立东北虎豹国家公园的请示收悉。"
     "现批复如下:一、同意设立东北虎豹国家公园。\n", "国函〔2021〕103号"),
    # negative: an abstract that opens with the number it cites
    ("<正>国发〔2013〕35号文件要求各地加快发展养老服务业,我市出台了一系列政策措施。\n", None),
    ("国务院国发〔1980〕121号文件批转了民政部、国家劳动总局、财政部和教育部《关于普通高等学校毕业生工资待遇问题的请示报告》"
     "(以下简称《请示报告》),现对贯彻执行中的若干具体问题,提出如下处理意见:\n", None),
])
def test_a_journal_abstract_opens_with_its_own_number(text, number):
    assert extract(text).identity.number == number


def test_an_order_over_two_heading_lines_signed_by_the_mayor():
    x = extract("广州市人民政府令\n第179号\n\n《广州市居家社区养老服务管理办法》已经市人民政府常务会议审议通过，"
                "现予公布，自2021年7月1日起施行。\n\n市　长：温国辉\n2021年6月1日\n")
    assert x.identity.number == "广州市人民政府令第179号"
    assert [a.name for a in x.identity.issuers] == ["广州市人民政府"]
    assert str(x.date) == "2021-06-01"
    assert {f.name: f.evidence.rule for f in x.facts}["number"] == "identity.number-order"


# --- the page's own number is never a citation ---

@pytest.mark.parametrize("text,number", [
    ("天津市人民政府关于深化养老服务改革发展的实施意见\n来源:天津市政府官网 | 作者:rising | 23 次浏览\n\n"
     "天津市人民政府关于深化养老服务改革发展的实施意见\n\n津政发〔2025〕13号\n\n各区人民政府:\n根据《中共中央 国务院关于"
     "深化养老服务改革发展的意见》,结合本市实际,提出如下实施意见。", "津政发〔2025〕13号"),
    ("成都市人民政府办公厅关于印发某方案的通知\n文　　号：成办发〔2022〕28号\n各区（市）县政府：\n现印发给你们。",
     "成办发〔2022〕28号"),
    # the number and 签发人 on one line, as GB/T 9704 heads a document sent upward (柘城 reply; a 区 report)
    ("柘城县市场监管局对县政协136号提案的回复\n柘市监复字〔2023〕02号 签发人:吴文华\n对县政协十一届二次会议\n第136号提案的答复\n"
     "尊敬的余传鑫委员:\n您提出的提案收悉,现答复如下:\n", "柘市监复字〔2023〕2号"),
    ("海曙区民政局\n海民〔2022〕15号      签发人：王  明\n关于海曙区养老服务工作情况的报告\n区人民政府：\n现将有关情况报告如下。\n",
     "海民〔2022〕15号"),
    # a share button's label under the title is the page's widget, not an addressee line: the number
    # that lost its closing bracket and 号 stands below it (荣昌 文旅委's reply)
    ("当前位置:首页 > 政务公开 > 建议提案办理 > 人大代表建议议案办理\n"
     "重庆市荣昌区文化和旅游发展委员会关于区十八届人大四次会议第274号建议的复函\n日期:2023-06-27\n字体:【 默认 超大\n分享:\n\n"
     "荣文旅委函〔202366\n\n罗丹代表\n\n您提出的《关于打造荣昌乡村旅游的建议》(第274号)收悉。\n", "荣文旅委函〔2023〕66号"),
    # a law database's field labels (发文文号, 发文部门 …)
    ("发文标题: 上海市人民政府关于建立老年综合津贴制度的通知\n发文文号: 沪府发[2016]24号\n发文部门: 上海市人民政府\n"
     "发文时间: 2016-4-7\n发文内容:\n\n各区、县人民政府:\n为贯彻《老年人权益保障法》,现就有关事项通知如下。\n", "沪府发〔2016〕24号"),
    # a reply's marks between its number and its heading: the class of its answer and whether it is
    # published (九江 农业农村局: 分类:(A1) / 公开情况:(主动公开), under a portal's title line)
    ("关于市政协十六届五次会议第341号提案答复的函\n\n发布时间:2025-09-02 17:16 来源:本网字体: [ ]\n\n  • 信息类别:\n  • 文件编号:\n"
     "  • 公开方式: 主动公开\n  • 生成日期: 2025-09-02\n  • 公开时限: 常年公开\n  • 公开范围: 面向全社会\n"
     "  • 信息索取号: 000014349/2025-02560\n  • 规范性文件有效性:\n  • 责任部门:\n\n九江市农业农村局\n\n.\n\n九农案字(2025)4号\n\n分类:(A1)\n\n公开情况:(主动公开)\n\n"
     "关于市政协十六届五次会议\n\n第341号提案答复的函\n\n民革九江市委会:\n\n关于《关于做深做实“土特产”地理标志文章的提案》的"
     "提案收悉。我局高度重视贵单位的提案,现就该提案办理情况形成答复清单(见附件)。\n", "九农案字〔2025〕4号"),
    # title, number, organ and date set apart by spaces on one line, as a law database does (国务院's 批复 of
    # 1998 under its repeated title; 湖南's 实施意见 on a one-line page)
    ("国务院关于同意广西壮族自治区桂林市和桂林地区合并的批复\n国务院关于同意广西壮族自治区桂林市和桂林地区合并的批复 国函〔1998〕73号 "
     "中华人民共和国国务院 1998年8月27日 |\n|\n广西壮族自治区人民政府:\n你区《关于广西桂林市和桂林地区合并的请示》"
     "(桂政报〔1998〕119号)收悉。现批复如下:\n一、同意桂林市和桂林地区合并,组建新的桂林市(地级)。\n中华人民共和国国务院\n"
     "一九九八年八月二十七日\n", "国函〔1998〕73号"),
    # a filing number (备案号: 渝文备) printed above a 重庆 normative document and in its 发文字号 field is
    # neither its number nor a citation (开州 区政府's 通告, its own number below the title having lost
    # its bracket and 号; 九龙坡 区政府办公室's notice)
    ("[ 索引号 ]11500234008646033P/2018-01065 [ 发文字号 ]渝文备〔2017〕1218号 [ 发布机构 ]开州区人民政府 [ 成文日期 ]2018-01-04\n\n"
     "渝文备〔2017〕1218号重庆市开州区人民政府关于加强汉丰湖国家级水利风景区保护区管理的通告\n\n渝文备〔20171218\n\n"
     "重庆市开州区人民政府\n关于加强汉丰湖国家级水利风景区保护区\n管理的通告\n开州府通〔20178\n为切实加强汉丰湖国家级水利风景区管理,"
     "按照《中华人民共和国水污染防治法》《水利风景区管理办法》等法律法规的相关规定,现就有关事项通告如下:\n", "开州府通〔2017〕8号"),
    ("文件名称:[重庆]重庆市九龙坡区关于提高农村五保对象供养标准的通知\n文件编号:渝文备〔2016〕331号\n发布时间:\n实施时间:\n"
     "渝文备〔2016〕331号\n重庆市九龙坡区人民政府办公室\n关于提高农村五保对象供养标准的通知\n九龙坡府办发〔2016〕53号\n"
     "各镇人民政府,区政府相关部门:\n为认真落实有关文件精神,现将有关事项通知如下:\n", "九龙坡府办发〔2016〕53号"),
])
def test_own_number_under_a_repeated_title_or_in_a_field(text, number):
    x = extract(text)
    assert x.identity.number == number
    assert number not in {c.target.number for c in x.citations}


def test_a_forwarded_documents_number_under_its_title_is_no_own_number():
    """A notice cut before its heading forwards a 批复 and prints it after its signature, the 批复's
    title and number below (巴州 政府's notice on a mirror): the number the notice cites is the
    批复's, not the page's."""
    x = extract("和静县人民政府:\n现将自治区人民政府《关于同意和静县巴音乌鲁乡区划调整的批复》(新政函〔2009〕21号)转发你县。"
                "请按照批复精神和要求,切实加强领导,精心组织实施。\n巴音郭楞蒙古自治州人民政府\n二〇〇九年三月十八日\n"
                "关于同意和静县巴音乌鲁乡区划调整的批复\n新政函〔2009〕21号\n巴音郭楞蒙古自治州人民政府:\n"
                "你们《关于我州和静县巴音乌鲁乡撤乡建镇的请示》(巴政发〔2008〕68号)收悉。现批复如下:\n")
    assert x.identity.number is None


# --- proposals answered by replies ---

@pytest.mark.parametrize("title,raw,session", [
    ("关于市政协十三届三次会议第245号提案的答复", "245", None),
    ("区人大八届四次会议代表建议(第24号)答复意见", "24", "区人大八届四次会议"),
    ("关于对政协五华区九届一次会议 第17D22号提案的答复", "17D22", None),
    ("本溪市第十六届人大二次会议《关于在程和鑫居进行社区养老试点的建议》 (2301号)办理情况的答复", "2301",
     "本溪市第十六届人大二次会议"),
    ("仙居县民政局关于县十七届人大三次会议第005号建议答复的函", "005", None),
    # a session of the national legislature, its term before 全国 (国家卫生健康委's reply)
    ("对十三届全国人大三次会议第4969号建议的答复", "4969", "十三届全国人大三次会议"),
    # a key proposal (重点提案) keeps its number (昆明 统计局's account of one)
    ("政协第十三届四次会议第134454号重点提案办理情况", "134454", None),
    # a group's 集体提案, its number lettered (长春 房管局's reply to 民建)
    ("对市政协第十四届第四次会议第2025D048号集体提案的答复", "2025D048", None),
    # the proposal's own title in quotes after its number (兴庆区 住建局; 天津 发改委 writes it so in the body)
    ("关于兴庆区人大四届三次会议第16号“关于将解放西街健康社区纳入2019年老旧小区改造项目的建议”的答复", "16",
     "兴庆区人大四届三次会议"),
    # a letter titled by what it does to the proposal: 关于答复 / 关于办理 …建议的函 (泰顺 水利局; 汉阴 住建局)
    ("泰顺县水利局关于答复县十七届人大三次会议第413号代表建议的函", "413", None),
    ("汉阴县住房和城乡建设局关于办理县十八届人大四次会议第44号建议的函", "44", None),
])
def test_proposal_numbers(title, raw, session):
    x = extract(title + "\n张某委员：\n您提出的建议收悉。现答复如下：\n")
    assert x.proposal is not None and x.proposal.raw_number == raw
    assert x.proposal.number == (int(raw) if raw.isdigit() else None)
    if session:
        assert x.proposal.session == session


@pytest.mark.parametrize("text,title,raw", [
    # a reply's title broken over lines, the proposal's number opening the second (常州 交通运输局)
    ("关于对常州市十五届人大四次会议代表建议\n第0043号的答复\n徐亚红代表:\n你提出的“关于加强西林地区公交设施建设的建议”收悉。\n",
     "关于对常州市十五届人大四次会议代表建议第0043号的答复", "0043"),
    # a page that shows the proposal's title and the reply's: the reply is the page's (北辰's page titled
    # by the 建议, the reply's title below it; 松原 体育局's reply above the proposal it answers)
    ("dw.png 位置:首页--政务公开--建议提案\n\n关于北辰医院公交站附近交通安全问题的建议\n\n发布日期:2018-10-19 09:39 来源:北辰政务网\n"
     "字号\n\n对市十七届人大一次会议\n\n第0668号建议的答复\n\n王迎代表:\n\n您在市十七届人大一次会议上提出的《关于北辰医院公交站附近交通"
     "安全问题的建议》已收悉,领导对此建议非常重视。经研究,现提出答复意见如下:\n",
     "对市十七届人大一次会议第0668号建议的答复", "0668"),
    ("当前位置:首页 >> 政务 >> 建议提案办理\n\n对市政协六届一次会议第55号提案的答复\n\n来源:         时间:2017-12-15        【 字体:  \n"
     "\n政协提案55号\n\n  关于用好、管好我市体育公共设施的建议\n\n  提案人:于黎明\n\n  答复情况:\n\n  您在市政协六届一次会议上提出的"
     "《关于用好、管好我市体育公共设施的建议》(第55号提案)收悉,现答复如下:\n",
     "对市政协六届一次会议第55号提案的答复", "55"),
])
def test_the_reply_s_title_names_the_proposal_it_answers(text, title, raw):
    x = extract(text)
    assert x.identity.title == title
    assert x.proposal is not None and x.proposal.raw_number == raw


def test_a_key_proposal_named_in_the_news_is_numbered_but_answered_by_no_reply():
    """咸宁 政协's news of the 督办 of a key proposal: the session's number reads as a
    reply's would (第051号重点提案), but the page answers nothing."""
    sentence = ("市政协督办组日前赴同济赤壁麻纺医院,对市政协四届五次会议第051号重点提案《关于推进医疗与养老融合的提案》"
                "的办理情况进行专题督办、协商。\n")
    session = phrase_pattern("proposal_session").search(sentence)
    number = phrase_pattern("proposal_number_after").match(sentence, session.end())
    assert (number.group("num"), number.group("kind2")) == ("051", "提案")
    assert extract("市政协督办重点提案办理工作\n" + sentence).proposal is None


@pytest.mark.parametrize("text,session", [
    # the national legislature's sessions keep their term (国家卫生健康委's reply; a news item on another)
    ("对十三届全国人大三次会议第4969号建议的答复", "十三届全国人大三次会议"),
    ("2月9日,国家卫健委网站发布对十三届全国人大四次会议第6956号《关于加快推进尊严死立法进程的建议》的答复",
     "十三届全国人大四次会议"),
    # a local session keeps its area, not the words before it
    ("关于市政协十三届三次会议第245号提案的答复", "市政协十三届三次会议"),
])
def test_a_session_is_named_from_its_area_or_its_term(text, session):
    from kg.datafiles import phrase_pattern
    from kg.extract.proposals import _session_start
    m = phrase_pattern("proposal_session").search(text)
    assert text[_session_start(m):m.end("session")] == session


@pytest.mark.parametrize("title,number", [
    # a reply some organs title 回复, whose letter says no 答复如下 (常德 民政局, its portal's heading;
    # 柘城 市场监管局's portal heads its 答复 so: 对县政协136号提案的回复)
    ("常德市民政局对市七届人大二次会议第187号建议的回复", 187),
    ("柘城县市场监管局对县政协十一届二次会议第136号提案的回复", 136),
    # not an answer to a collection of suggestions
    ("关于养老服务意见建议征集结果的回复", None),
])
def test_a_reply_titled_hui_fu(title, number):
    x = extract(title + "\n\n尊敬的李元平代表:\n\n您好!您的《关于市政府增加公益性社区养老机构的建议》提案我们已收悉,"
                "感谢您对养老事业的关心!\n")
    assert (x.proposal.number if x.proposal else None) == number


def test_a_reply_known_by_its_own_words_and_its_acknowledged_number():
    """横山 人大网: no title line, the reply acknowledges 《…建议》（第19号）and answers."""
    x = extract("案  由: 关于启动石湾镇养老服务项目的建议\n提 案 者: 杨飞宫\n办理情况: 杨飞宫代表:\n"
                "您提出的《关于启动石湾镇养老服务项目的建议》(第19号)收悉。现答复如下:\n一、近年来,我局逐步开展养老服务体系建设。\n")
    assert x.identity.type_concept == "reply"
    assert x.proposal.number == 19 and x.proposal.title == "关于启动石湾镇养老服务项目的建议"


@pytest.mark.parametrize("text,title", [
    # a reply that names the proposal by its title only (鄂温克旗 交通运输局; 息烽 教育局's reply on its
    # portal): the proposal is known by its title, with no number
    ("苏日娜代表:\n您提出的《关于辉苏木乌日切希嘎查河西沙坑路维修、修建道路的建议》收悉,现答复如下:\n"
     "交通运输局接到提案后与辉苏木政府对接,了解辉苏木乌日切希嘎查河西沙坑路具体位置。\n",
     "关于辉苏木乌日切希嘎查河西沙坑路维修、修建道路的建议"),
    ("您提出的“关于打造社区小饭堂的提案”,已交我们研究办理,现答复如下:\n一、关于社区小饭堂建设。\n",
     "关于打造社区小饭堂的提案"),
])
def test_a_proposal_known_by_its_title_only(text, title):
    from kg.rdf.named_graphs import proposal_iri
    x = extract(text)
    assert x.proposal is not None and (x.proposal.number, x.proposal.raw_number, x.proposal.title) == (None, "", title)
    assert str(proposal_iri(x)).rsplit("/", 1)[1].startswith("t")      # named by its title's key


@pytest.mark.parametrize("text,number,title", [
    # an acknowledgement written 提出《…》, its number in brackets after it, on the next line or before a
    # second 提案 (海口 发改委's 会办意见; 城口 卫健委's 复函)
    ("市卫生健康委员会:\n市九三学社提出《关于海口打造康养旅居产业目的地的建议》\n(第 168号)已收悉。经研究,会办意见如下:\n"
     "一、海口市作为海南省的省会城市,大力发展健康产业。\n海口市发展和改革委员会\n2019 年6 月17 日\n",
     168, "关于海口打造康养旅居产业目的地的建议"),
    ("您提出《关于加快建设“医养结合”养老模式的提案》(第105号)提案已收悉。首先感谢您对我们卫生健康工作的关心和支持,"
     "现答复如下:\n一、关于医养结合。\n", 105, "关于加快建设“医养结合”养老模式的提案"),
])
def test_a_proposal_acknowledged_after_ti_chu(text, number, title):
    x = extract(text)
    assert x.identity.type_concept == "reply"
    assert (x.proposal.number, x.proposal.title) == (number, title)


@pytest.mark.parametrize("text,number", [
    # a title of a reply's type that its reply pattern does not end on (峄城 医保局: the proposal's own
    # title in brackets after 的答复), the letter acknowledging the proposal
    ("对区政协十届一次会议第140号提案的答复(关于推进我区居民长期护理保险的建议)\n***委员:\n"
     "您提出的《关于推进我区居民长期护理保险的建议》已收悉,现答复如下:\n(一)关于试点问题。\n", 140),
    # a reply word and a bracketed note after it, of the proposal (高青 交通运输局) or of the answering unit
    # (舒城 水利局); the letter acknowledges the proposal with no quotes
    ("对《关于开通上海路北延公交路线的提案》的答复(县政协十五届四次会议第084号提案)\n县政协十五届四次会议\n084\n"
     "建议人: 孙腾腾\n主办单位: 高青县交通运输局\n答复时间: 2025-04-08\n\n孙腾腾委员:\n\n"
     "您提出的关于开通上海路北延公交路线的提案已收悉,现答复如下:\n", 84),
    ("对县十六届人大一次会议第3号建议的答复(水利局)\n\n发布日期:2012-06-18 0:0    作者:xksh     来源:人大办公室\n"
     "王孝友代表:\n \n      你提出的“关于加固杭埠河河堤,提高防洪能力”的建议收悉。现答复如下:\n", 3),
    # negative: an approval of a request received (鄂托克旗 民政局) answers no proposal
    ("鄂托克旗民政局关于同意筹建鄂托克旗锡林塔拉草原养老院的批复\n鄂托克旗锡林塔拉草原养老院:\n"
     "你们上报的要求筹建养老院的申请及有关材料收悉。经审核,同意筹建。\n", None),
])
def test_a_reply_titled_as_one_and_acknowledging_its_proposal(text, number):
    x = extract(text)
    assert (x.proposal.number if x.proposal else None) == number


@pytest.mark.parametrize("text,number", [
    # the letter opens with the proposal it acknowledges, no 您提出的 (福建 民政厅; a 区 bureau)
    ("省军区:\n《关于将军队医院纳入福建省医养结合发展规划的提案》(20242047号)收悉。我厅办理意见如下:\n近年来,我省认真贯彻落实。\n",
     20242047),
    ("王委员:\n《关于加强社区老年食堂建设的建议》(第45号)收悉。现答复如下:\n一、基本情况\n", 45),
    # handed over for handling instead of received (云南 医保局), and a register's letters before
    # the number (渝中 街道: DH269)
    ("高筱芳代表:\n您提出的《关于以长期护理保险制度助力养老事业发展的建议》(第205号)交我们办理,综合协办单位意见,"
     "现答复如下:\n一、办理工作开展情况\n", 205),
    ("曾瑞代表:\n关于您在重庆市渝中区第十九届人大五次会议上提出的《关于在新影村社区建设老人食堂的建议》(DH269号)已收悉。"
     "经街道党工委、办事处审议通过,现将办理情况答复如下:\n", "DH269"),
    # the number with its kind in the bracket (四川 民政厅: 第14020361号建议), or bare digits (云南 民政厅: 0641)
    ("尊敬的周华代表:\n您提出的《关于在农村建设村级公益性集中安葬点的建议》(第14020361号建议)收悉。经认真研究,答复如下:\n",
     14020361),
    ("余红梅等代表:\n您提出的《关于批准宣威市增加经营性公墓的建议》(0641),已交我们研究办理,现答复如下。\n", 641),
    # the number before the title it acknowledges (砚山 交通运输局: 第4号“…”; 维西 农业农村局: 第18号“…”)
    ("杨树荣代表:\n\n您在砚山县第十六届人民代表大会第二次会议上提出的第4号“关于批准将黑山至黑巴草场段到山里红苹果基地2.3公里道路"
     "纳入农村道路建设项目工程的建议”,已转交我局办理,现答复如下:\n", 4),
    ("尊敬的蜂合兴代表:\n您在维西傈僳族自治县十八届人大第三次会议上提出的第18号“关于中路乡拉嘎洛村农田灌溉沟渠修复的建议”"
     "已交我局办理,现将办理情况答复如下:\n", 18),
    # thanks and the organ's care between the acknowledgement and 回复如下 (东莞 市委金融办)
    ("尊敬的沈文娟代表:\n您提出的《关于进一步加大小微企业金融扶持力度的建议》(第20250055号)收悉。感谢您对我市小微企业金融扶持"
     "工作的关注与深入思考,市委金融办高度重视您的建议,经认真研究,现结合工作实际,将有关情况回复如下:\n", 20250055),
])
def test_a_reply_that_opens_with_the_acknowledged_proposal(text, number):
    x = extract(text)
    assert x.identity.type_concept == "reply"
    assert (x.proposal.number if isinstance(number, int) else x.proposal.raw_number) == number


@pytest.mark.parametrize("text,area", [
    # a reply that names neither its issuer nor its area is of the legislature's area whose session
    # it answers (楚雄州 民政局's reply signed 我单位; 新余 民政局's reply titled by its session)
    ("关于楚雄州第十三届人大四次会议\n第6号建议的答复\n李喜梅代表:\n您提出的《关于加强乡村公墓管理的建议》(第6号)交我们办理,"
     "现答复如下:\n一、办理工作开展情况\n我单位把办理好人大代表建议和政协提案作为重要抓手。\n", "楚雄彝族自治州"),
    ("关于新余市第十届人大三次会议第7号建议的答复\n张代表:\n您提出的《关于建立社区便民食堂的建议》收悉,现答复如下:\n"
     "一、基本情况\n", "新余市"),
    # the body may stand before the area (安康 民政局's 答复函; 文山州 民政局's, its 来源 left out)
    ("对政协安康市五届二次会议第275号提案的答复函\n作者:时间:2023年08月08日10时35分\n孙启长委员:\n"
     "您好!您提出的“关于提升医养康护产业链的提案”收悉。经我们认真研究,现答复如下:\n", "安康市"),
    ("对政协文山州十三届二次会议第13010087号提案的答复\nB\n公开\n赵云柱等4位委员:\n"
     "首先,非常感谢各位政协委员对殡葬改革工作的关心和重视,你们提出的提案收悉,现答复如下:\n"
     "一、农村公益性公墓安葬范围的规定\n", "文山壮族苗族自治州"),
    # a session of the national legislature is the nation's (国家卫生健康委's reply to 4969号建议)
    ("对十三届全国人大三次会议第4969号建议的答复\n代表您好:\n您提出的《关于补齐短板推动健康老龄化的建议》收悉,"
     "经商民政部、财政部、国家发展改革委、教育部、国家医保局,现答复如下:\n一、工作现状和进展情况\n", "中华人民共和国"),
    # a session that names no area in full gives none (市七届人大二次会议)
    ("关于市七届人大二次会议第187号建议的答复\n李元平代表:\n您提出的《关于增加公益性社区养老机构的建议》收悉,现答复如下:\n", None),
])
def test_a_reply_with_no_issuer_is_of_its_sessions_area(text, area):
    x = extract(text)
    assert (x.area.name if x.area else None) == area


@pytest.mark.parametrize("text,issuer", [
    # a reply that names itself only as the organ that took the proposal up (云南 医保局 reply
    # with no heading; 攀枝花 民政局's account of its replies)
    ("高筱芳代表:\n您提出的《关于以长期护理保险制度助力养老事业发展的建议》(第205号)交我们办理,综合协办单位意见,现答复如下:\n"
     "一、办理工作开展情况\n省医保局高度重视代表建议办理工作,按照《云南省人大常委会办公厅关于认真做好省第十四届人大三次会议"
     "代表建议、批评和意见办理工作的通知》(云人办发〔2025〕10号)要求,认真组织研究。\n", "云南省医疗保障局"),
    ("张委员:\n您提出的《关于发展社区养老的提案》收悉。现答复如下:\n攀枝花市民政局党组高度重视提案办理工作,逐件研究。\n",
     "攀枝花市民政局"),
    # or as the organ that opens the answer's line (全国政协 提案选登 page; 大庆 问政 platform)
    ("全国政协十一届四次会议提案第3209号\n\n案由:关于进一步完善新型社会救助体系的提案\n\n提案人:滕玉芬委员\n\n"
     "提案指出,社会救助,作为社会保障体系中居于基础地位的子系统。\n\n"
     "民政部答复:委员提出的我国尚未出台一部社会救助方面的专门法律的问题,现已列入立法规划。\n", "民政部"),
    ("老年餐厅预计10月中旬将全部实行运营\n\n近日网友“小先生”问政:\n\n今年市政府报告中,由市民政局牵头,"
     "新建街道综合养老服务中心4个、老年餐厅5个。请问老年餐厅选址在哪里?\n\n市民政局回复如下:\n\n很感谢您的提问。"
     "大庆市民政局在红岗区红岗街道推进老年餐厅项目建设。\n", "大庆市民政局"),
])
def test_a_reply_known_by_the_organ_that_took_the_proposal_up(text, issuer):
    assert issuer_names(text) == [issuer]


def test_an_answer_that_opens_with_no_organ_names_no_issuer():
    """现将办理情况答复如下 and …会同市商务局…研究答复如下: the line opens with no answering organ."""
    x = extract("关于加快养老服务发展的建议的答复\n李代表:\n您的建议收悉。我们会同市商务局、市卫生健康委、市数据局研究答复如下:\n"
                "一、关于助餐服务\n全市已建成老年助餐点120个。\n")
    assert not x.identity.issuers


def test_an_organ_that_minds_its_work_is_no_issuer_outside_a_reply():
    """A report of a province's work, no reply: the organ it praises did not write it."""
    x = extract("广东省养老服务工作情况\n近年来,省民政厅高度重视建议提案办理和养老服务工作,全省养老服务体系不断完善。\n")
    assert x.area.name == "广东省" and not x.identity.issuers


@pytest.mark.parametrize("text", [
    # a 批复 acknowledges a 请示, not a proposal; a sentence that mentions a proposal is no reply
    "区民政局:\n《关于建设区社会福利中心的请示》(区民文〔2023〕5号)收悉。经研究,批复如下:\n",
    "养老服务工作情况\n《关于加快养老服务发展的建议》收悉后,我局高度重视,积极推进各项工作。\n",
])
def test_an_acknowledgement_that_answers_no_proposal_makes_no_reply(text):
    assert extract(text).proposal is None


def test_a_page_that_cites_a_proposal_is_no_reply():
    x = extract("养老服务工作情况\n代表提出的《关于加快养老服务发展的建议》收悉后,我局高度重视,积极推进各项工作。\n")
    assert x.identity.type_concept != "reply" and x.proposal is None


# --- dates and issuers from what a cut page keeps ---

def test_a_closing_date_without_a_signature():
    x = extract("区人大八届四次会议代表建议(第24号)答复意见\n李某代表:\n您提出的建议已收悉。现答复如下:\n感谢您的关心。\n"
                "2016年10月18日\n主办单位:双台子区人民政府 版权所有:盘锦市人民政府办公室\n")
    assert str(x.date) == "2016-10-18"
    assert x.area.name == "双台子区"


@pytest.mark.parametrize("text", [
    # a page's timestamp under the headline is no closing date (内蒙古, 横山 pages)
    "内蒙古印发《加快发展牧区养老服务的实施方案》\n2024-04-30 16:20:22\n\n近日,自治区民政厅印发方案。\n",
    "关于启动石湾镇养老服务项目的建议\n建议启动石湾镇养老服务项目。\n2016-06-13 08:56:04\n",
    # an organ and a date inside a sentence are no signature glued to its date
    "关于养老工作的通知\n各乡镇:\n经研究,由市民政局2022年11月29日印发的方案继续执行。\n",
    "关于报送材料的通知\n各养老机构:\n请于2022年11月29日前报送民政局。\n",
])
def test_a_timestamp_or_a_date_in_a_sentence_is_not_a_closing_date(text):
    assert extract(text).date is None


@pytest.mark.parametrize("text,issuers,date", [
    # a page that lost its line breaks signs on the last sentence's line (厦门 portal, 鄂尔多斯 portal)
    ("关于厦门市养老设施专项规划的批复\n市民政局、资源规划局: 你们的请示收悉。经研究,批复如下: 一、原则同意。 二、实施中如有调整,"
     "应按规定程序报批。 厦门市人民政府 2021年1月12日 (此件主动公开) (责任编辑:) |\n", ["厦门市人民政府"], "2021-01-12"),
    ("关于筹建养老院的批复\n你们上报的申请收悉。经审核,同意筹建。 鄂托克旗民政局 2017年3月2日\n", ["鄂托克旗民政局"], "2017-03-02"),
    # an aggregator's copy that lost every space and break glues the organs to what
    # precedes them and to their date (莆田 秀屿 and 城厢 pages, chacewang.com)
    ("埭头镇、月塘镇民政办、财政所:根据《莆田市民政局莆田市财政局关于下达2021年养老事业省级补助资金(第二批)的通知》"
     "(莆财社〔2021〕197号)文件精神,现下达补助资金21万元(详见附件),附件:2021年养老事业省级补助资金(第二批)分配表"
     "莆田市秀屿区民政局莆田市秀屿区财政局2022年2月11日附件2021年养老事业省级补助资金(第二批)分配表单位:万元",
     ["莆田市秀屿区民政局", "莆田市秀屿区财政局"], "2022-02-11"),
    ("各养老机构:经评定,莆田市城厢区华亭镇敬老院符合一级养老机构标准,确定为一级养老机构,莆田市城厢区民政局2023年10月30日。",
     ["莆田市城厢区民政局"], "2023-10-30"),
    # a joint signature's line of organs written without a separator (宁国 notice), over its date line
    ("关于调整2021年度特困供养人员照料护理标准的通知\n各乡镇人民政府、街道办事处:\n现将我市2021年特困供养人员照料护理标准调整如下:\n"
     "此标准于7月份开始执行。\n\n宁国市民政局宁国市财政局\n\n2021年7月6日\n", ["宁国市民政局", "宁国市财政局"], "2021-07-06"),
    # a signature of four organs, one a survey team of the statistics bureau, over a date without 日 (资阳 notice)
    ("关于调整城乡居民最低生活保障和特困人员基本生活标准的通知\n各县(区)民政局:\n本通知自2022年7月1日起执行。\n\n资阳市民政局\n\n"
     "资阳市财政局\n\n资阳市统计局\n\n国家统计局资阳调查队\n\n                    2022年9月5\n",
     ["资阳市民政局", "资阳市财政局", "资阳市统计局", "国家统计局资阳调查队"], "2022-09-05"),
    ("本次拟发放2021年8月至2022年7月省级养老机构运营奖补资金766651元,公示时间:2022年11月30日至2022年12月6日,"
     "投诉电话:0539-8866005,临沂沂河新区社会发展局2022年11月29日。", ["临沂沂河新区社会发展局"], "2022-11-29"),
])
def test_a_signature_run_into_the_last_line_or_glued_to_its_date(text, issuers, date):
    x = extract(text)
    assert [a.name for a in x.identity.issuers] == issuers
    assert str(x.date) == date


@pytest.mark.parametrize("line,expected", [
    # a signature's date whose 月 and 日 the page lost (商丘, 宣城, 长乐, 福建 民政厅, 高碑店 pages)
    ("2023年724", "2023-07-24"), ("20221024日", "2022-10-24"), ("2025521", "2025-05-21"),
    ("2026年213", "2026-02-13"), ("20221117", "2022-11-17"),
    # a date whose 日 the writer left off (乐清 民政局, 资阳 notice)
    ("2015年11月26", "2015-11-26"), ("2022年9月5", "2022-09-05"),
    # or wrote 号 for 日 (巴中 税务局's notice; 夏河 民政局's 公告)
    ("2023年6月5号", "2023-06-05"), ("2024年2月21号", "2024-02-21"),
    # digits that split two ways, or no date at all
    ("2021118", None), ("2019", None), ("0539-8866005", None), ("2015年11月", None), ("2022年2月30", None),
])
def test_a_signing_date_that_lost_its_month_and_day(line, expected):
    from kg.lexicon.dates import parse_signing_date
    found = parse_signing_date(line)
    assert (found.isoformat() if found else None) == expected


@pytest.mark.parametrize("text,issuers", [
    # the page ends in the organ that signs, its date left to the portal's fields (重庆 经济信息委, 呼和浩特 新城区 pages)
    ("关于组织申报第三批智慧健康养老应用试点示范的通知\n各区县(自治县)经济信息委、民政局:\n为推动智慧健康养老产业发展,"
     "现将有关事项通知如下。\n四、其他事项\n相关资料可在市经济信息委官网下载。\n重庆市经济和信息化委员会\n",
     ["重庆市经济和信息化委员会"]),
    ("关于征求《社区为老餐厅管理办法》意见的通知\n各位居民、相关单位:\n为规范呼和浩特市新城区社区为老餐厅运营管理,"
     "起草形成了管理办法,现公开征求意见。\n附件:社区为老餐厅管理办法(征求意见稿)\n呼和浩特市新城区民政局\n\n",
     ["呼和浩特市新城区民政局"]),
    # negative: a page of nothing but an organ has no body to sign; a last line that is a sentence signs nothing
    ("重庆市经济和信息化委员会\n", []),
    ("关于组织申报试点示范的通知\n各区县民政局:\n请各单位认真组织申报。\n市民政局将会同市财政局组织评审。\n", []),
])
def test_a_signature_without_its_date_at_the_end_of_the_page(text, issuers):
    assert issuer_names(text) == issuers


def _dates(text: str) -> list[tuple[str, str]]:
    return sorted((f.name, str(f.value)) for f in extract(text).facts if f.name in ("date", "publication_date"))


@pytest.mark.parametrize("text,dates", [
    # another place's organ posted the page (来源 南通市民政局 of a 江苏省民政厅 notice; 录入 雁江区民政局 of
    # a notice of 资阳's organs): its 发布时间 is the day it posted its copy, not the document's
    ("关于印发《江苏省养老机构传染病防控指南》(试行)的通知\n来源: 南通市民政局 发布时间:2021-02-09 12:58 累计次数:\n"
     "各设区市民政局:\n现将指南印发给你们,请抓好贯彻落实。\n\n江苏省民政厅\n\n2021年1月27日\n",
     [("date", "2021-01-27")]),
    ("关于调整特困人员基本生活标准的通知\n发布时间:2022-09-09   录入:雁江区民政局\n各县(区)民政局:\n现将标准调整如下。\n\n"
     "资阳市民政局\n\n资阳市财政局\n\n2022年9月5日\n", [("date", "2022-09-05")]),
    # negative: the issuer's own organ, or its own area's, posted it: the day is the document's publication
    ("关于下拨养老服务补助资金的通知\n来源: 宁波市鄞州区民政局 发布时间:2024-06-03 09:01\n各镇(街道):\n现将资金下拨给你们。\n\n"
     "宁波市鄞州区民政局\n\n2024年5月30日\n", [("date", "2024-05-30"), ("publication_date", "2024-06-03")]),
    ("关于调整高龄津贴标准的通知\n来源:资阳市人民政府 发布时间:2022-02-24\n各县(区)民政局:\n现将标准调整如下。\n\n"
     "资阳市民政局\n\n2022年2月20日\n", [("date", "2022-02-20"), ("publication_date", "2022-02-24")]),
])
def test_a_page_posted_by_another_place_keeps_its_posting_day_out(text, dates):
    assert _dates(text) == dates


def test_a_joint_signature_over_a_stripped_date():
    """福建 民政厅 portal: seven organs two a line, blank lines between, over 2026年213."""
    text = ("福建省民政厅等7部门关于印发《福建省养老机构预收费监管办法》的通知\n各设区市民政局:\n现将办法印发给你们,请遵照执行。\n\n"
            "福建省民政厅                 福建省发展和改革委员会\n\n \n福建省公安厅                        福建省财政厅\n\n"
            "国家金融监督管理总局福建监管局\n\n2026年213\n\n(此件主动公开)\n")
    x = extract(text)
    assert [a.name for a in x.identity.issuers][:4] == ["福建省民政厅", "福建省发展和改革委员会", "福建省公安厅", "福建省财政厅"]
    assert str(x.date) == "2026-02-13"


@pytest.mark.parametrize("text,area", [
    # a publisher named by its level alone is of the county the page names in full (株洲 芦淞 portal;
    # 宁波 鄞州 portal)
    ("当前位置: 首页 > 民政局\n更新时间:2021-11-22来源:区民政局作者:区民政局字体[ 大 中 小 ]\n"
     "根据《株洲市民政局关于印发〈株洲市养老机构等级评定实施细则(试行)〉的通知》(株民发(2021)11号),经养老机构申报,"
     "区养老机构等级评定委员会办公室已将申报材料在芦淞区人民政府门户网上进行公示,认定株洲市芦淞区白关镇敬老院等级为一级。\n",
     "芦淞区"),
    ("关于下拨2024年4月政府购买服务补助资金的通知 | ||\n发布时间: 2024-06-03 09:01 信息来源: 区民政局 信息来源: | ||\n"
     "各镇(街道)社会事务办、财审办: 根据《宁波市鄞州区人民政府办公室关于全面推进家院互融养老服务工作的实施意见》"
     "(鄞政办发〔2018〕70号),现将补助资金下拨给你们。\n", "鄞州区"),
])
def test_a_publisher_named_by_its_level_is_of_the_county_the_page_names(text, area):
    assert extract(text).area.name == area


@pytest.mark.parametrize("text,area", [
    # a news medium named by its place opens the dateline; it is not the page's area
    # (天山网 on a 乌鲁木齐 page; 四川在线 on a 泸州 one)
    ("从“一碗饭”到全方位 乌鲁木齐高新区(新市区)打造全龄友好养老社区\n时间:2024-10-10\n"
     "天山网-新疆日报讯(记者邹懿摄影报道)“孩子们都去上班了。”10月9日,64岁的居民董芳说。\n", None),
    ("四川在线泸州频道消息(记者 丁汀)记者从泸州市民政局了解到,泸州市现有60岁以上老年人88.3万。\n", "泸州市"),
    # the list of other articles under 相关文章 after the body is chrome (新华网 page on 那曲;
    # 宁夏 news page)
    ("4月25日,那曲市色尼区老年人日间照料中心的老人在跳锅庄。\n新华社记者 晋美多吉 摄\n相关文章:\n"
     "新华全媒+丨探访西藏那曲海拔4500米的老年人日间照料中心04-27\n"
     "青岛市崂山区沙子口街道社区卫生服务中心:贴心服务,为社区老人健康“保驾护航”04-15\n", None),
])
def test_chrome_names_no_area(text, area):
    assert area_name(text) == area


@pytest.mark.parametrize("text,area", [
    # a national law or a journal cited on a line of its own does not make a page the nation's
    # (云南 解读 listing its bases; 通辽 abstract under 出处): the area the text names is the page's
    ("一、出台背景\n近年来,养老机构预收费引发的非法集资等问题频发,亟需建立省级预收费监管制度。\n二、制定依据\n"
     "《中华人民共和国老年人权益保障法》《防范和处置非法集资条例》《云南省老年人权益保障条例》。\n"
     "三、主要内容\n明确监管对象(本省备案/登记的养老机构)。\n", "云南省"),
    ("摘要\n为进一步提高全市特困人员供养服务机构安全管理水平,近日,内蒙古自治区通辽市民政局印发《关于开展全市敬老院"
     "安全隐患排查及整改工作的通知》(通民发[2017]46号)。\n出处\n《中国民政》\n2017年第23期62-62,共1页\n", "通辽市"),
    # a local title cited so still speaks for the page's area (虹口 区's consultation)
    ("本区开展“虹口区养老设施布局专项规划”编制工作。\n《虹口区养老设施布局专项规划》(公示稿)提炼了专项规划编制的主要内容。\n",
     "虹口区"),
])
def test_a_national_law_or_journal_on_its_own_line_is_no_heading(text, area):
    assert area_name(text) == area


@pytest.mark.parametrize("text,area", [
    # words in quotes that open a line like a county's short name are no place (杭州日报's “安居守护”;
    # 吕梁 民政局's “新建改造…”: 安居区 and 新建区); a province's name in quotes still is (宁夏 民政厅 news)
    ("(资料图片仅供参考)\n“安居守护”数字应用启动会暨智慧养老服务推介展上的智慧养老设备。 记者 柯静 摄\n"
     "杭州日报讯 “家里装了‘安居守护’后,我晚上睡觉都更安心了。”家住滨江区浦沿街道的沈阿姨对设备很满意。\n"
     "昨日,杭州市召开“安居守护”数字应用启动会暨智慧养老服务推介展。今年,杭州市政府将“银龄关爱”列入年度民生实事项目。\n",
     "杭州市"),
    ("市政府:\n“新建改造50个社区养老工程、50个区域养老服务中心、100个标准化社区食堂”为2025年度省政府民生实事之一,"
     "我市承接20个项目建设任务。\n吕梁市民政局\n2025年3月7日\n", "吕梁市"),
    ("(资料图)\n“宁夏地处祖国西北腹地,温带大陆性气候形成夏无酷暑、冬无严寒的宜居条件,适宜老年人旅居。”"
     "相关负责人介绍道。\n", "宁夏回族自治区"),
    # nor are the words that go on with a 关于 heading broken mid-word (泽库's 公告: 乡村 / 振兴补助资金…, not 振兴区)
    ("首页 >信息公开 >政务文件\n\n关于2023年第一批省级财政衔接推进乡村 振兴补助资金分配计划的公告\n\n泽乡振办〔2023〕21号\n"
     "时间:2023-06-21 |浏览:15031\n\n关于2023年第一批省级财政衔接推进乡村\n\n振兴补助资金分配计划公告\n\n \n\n"
     "社会各界广大人民群众\n\n根据青海省财政厅《关于下达2023年第一批省级财政衔接推进乡村振兴补助资金的通知》\n", "青海省"),
])
def test_words_in_quotes_that_start_like_a_county_are_no_place(text, area):
    assert area_name(text) == area


@pytest.mark.parametrize("text,area", [
    # 我省 holds the places its sentence names, though the text names another province in full
    # (山西 newspaper on a national list; 四川发布 on the province's nominations)
    ("全国医养结合示范项目拟命名名单公示\n我省运城市稷山县、晋中市介休市、大同市平城区在列\n"
     "在此次公布的拟命名名单中,全国医养结合示范省仅有1个,为山东省。\n", "山西省"),
    ("记者从省卫健委官网获悉,各地积极开展全国示范性老年友好型社区创建工作。经社区自愿申报、县级初核、市级复核、省级审核,"
     "我省拟推荐成都市武侯区玉林街道黉门社区等52个社区为全国示范性老年友好型社区。\n", "四川省"),
    # 我市 may be a county-level city or the city above it: it does not hold what it names (钟楼区 news)
    ("您当前的位置:首页>>新闻中心>>部门动态>>医保分局>>内容\n1月4日是钟楼区政务服务中心搬入新址后第一个工作日,"
     "也是我区长期护理保险业务受理的第一天。\n根据有关规定和要求,结合我市实际,在武进区探索实践先行试点的基础上,"
     "制定了《常州市全面开展长期护理保险制度试点的实施方案》。\n", "钟楼区"),
])
def test_our_province_holds_the_places_it_names(text, area):
    assert area_name(text) == area


@pytest.mark.parametrize("text,source,published", [
    # a byline without labels: the organ over its timestamp (陆良 portal; 巴彦淖尔 民政局 portal)
    ("2019年我县高龄津贴惠及12916名老年人\n\n  • 陆良县人民政府\n  • 2020-07-31 12:18\n\n2019年,陆良县共发放高龄津贴777.96万元。\n",
     "陆良县人民政府", "2020-07-31"),
    ("《巴彦淖尔市老年人优待办法》政策解读\n巴彦淖尔市民政局\n    http://mzj.bynr.gov.cn 2026-01-12\n \n"
     "  为便于社会各界更好地理解《巴彦淖尔市老年人优待办法》内容现作如下解读\n", "巴彦淖尔市民政局", "2026-01-12"),
])
def test_a_byline_names_the_publisher_over_its_timestamp(text, source, published):
    fields, _ = find_portal(text)
    assert [(f.field, f.value) for f in fields if f.field in ("source", "date_publication")] == [
        ("source", source), ("date_publication", published)]
    assert issuer_names(text) == [source]


def test_a_signature_is_no_byline():
    """An organ over a date without clock time or site signs (潼关 reply, 仁怀 reply)."""
    fields, _ = find_portal("关于政协第52号提案的答复\n\n潼关县民政局\n2024年6月27日\n")
    assert not any(f.field == "source" for f in fields)


def test_a_signature_needs_the_sentence_before_it():
    """An organ and a date inside a sentence are no signature."""
    x = extract("关于养老工作的通知\n各乡镇:\n经研究,由厦门市人民政府 2021年1月12日印发的方案继续执行。\n")
    assert x.date is None


@pytest.mark.parametrize("line", [
    "来源:海南日报 发布日期:2017-07-31",
    "时间:2022-08-29 00:00:00来自:证券时报网字号:T  T",
])
def test_a_newspaper_as_source_marks_a_repost(line):
    fields, _ = find_portal("标题\n" + line + "\n正文")
    assert not any(f.field == "date_publication" for f in fields)


@pytest.mark.parametrize("line,source", [
    # an author that is no organ marks a repost, whose 来源 organ still names where the
    # document came from (药监法治网 repost of a 广西 notice; 南陵 portal's 作者:消息)
    ("时间:2022-07-22 作者:佚名   来源:广西壮族自治区中医药管理局", "广西壮族自治区中医药管理局"),
    ("2020-10-22 08:00:00 来源:南陵县人民政府 作者:消息 责任编辑:康康 字号:T|T", "南陵县人民政府"),
])
def test_a_reposts_organ_source_is_kept(line, source):
    fields, _ = find_portal("老年健康宣传周活动的通知\n" + line + "\n正文")
    assert [f.value for f in fields if f.field == "source"] == [source]
    assert not any(f.field == "date_publication" for f in fields)


def test_a_dateline_without_labels_gives_the_date_and_the_publisher():
    """上海 portal: 2022-02-24 市规划资源局 under the title; 广安: a paper's dateline marks a repost."""
    fields, _ = find_portal("关于规划草案的公示\n\n2022-02-24 市规划资源局\n\n为贯彻落实《上海市养老服务条例》，现将草案公示如下。")
    assert [(f.field, f.value) for f in fields] == [("date_publication", "2022-02-24"), ("source", "市规划资源局")]
    fields, _ = find_portal("广安市养老工作会议召开\n2015-10-13 11:26  广安日报\n会议要求做好养老服务工作。")
    assert not any(f.field == "date_publication" for f in fields)
    # a sentence that starts with a date is no dateline
    assert read_metadata_line("2022年2月24日 市规划资源局发布了草案，征求意见。", 0) is None


def test_an_organ_as_author_keeps_the_portal_s_dates():
    """株洲 portal: 更新时间:…来源:区民政局作者:区民政局字体[ 大 中 小 ] — the author is the portal's
    own organ, so the page is no repost."""
    fields, _ = find_portal("当前位置: 首页 > 民政局\n更新时间:2021-11-22来源:区民政局作者:区民政局字体[ 大 中 小 ]\n根据文件精神，认定敬老院等级为一级。")
    assert ("date_publication", "2021-11-22") in [(f.field, f.value) for f in fields]


@pytest.mark.parametrize("line", ["来源:南宁市民政局", "来源:湖北人大网   时间:2017-05-25 09:02"])
def test_an_organ_or_its_site_as_source_keeps_the_date(line):
    fields, _ = find_portal("标题\n" + line + "\n正文")
    assert any(f.field == "source" for f in fields)


def test_we_the_bureau_is_the_bureau_the_page_names():
    x = extract("《湛江市高龄老人生活津贴发放方案》公开征求意见的公告\n为完善我市养老保障，我局草拟了《湛江市高龄老人生活津贴"
                "发放方案(征求意见稿)》，现公开征求意见。\n通讯地址:湛江市农林二路2号市民政局福利慈善科\n")
    assert [a.name for a in x.identity.issuers] == ["湛江市民政局"]


def test_a_body_pasted_without_its_heading_gets_its_area_from_its_organs():
    x = extract("各开发区、各街镇:\n为贯彻落实《中共天津市滨海新区委员会 天津市滨海新区人民政府关于调整社会保障和救助体系"
                "部分项目的通知》(滨党发〔2019〕6号)工作部署要求,区民政局、区财政局结合实际制定了实施方案,现印发实施。\n"
                "区民政局 区财政局\n2019年7月4日\n")
    assert x.area.name == "滨海新区"
    assert [a.name for a in x.identity.issuers] == ["天津市滨海新区民政局", "天津市滨海新区财政局"]
    assert str(x.date) == "2019-07-04"


# --- traditional script and damaged copies ---

def test_traditional_script_is_read_and_evidence_quotes_the_original():
    text = ("國務院辦公廳關於促進養老托育服務健康發展的意見\n國辦發〔2020〕52號\n各省、自治區、直轄市人民政府：\n"
            "為貫徹落實《國務院關於加快發展養老服務業的若干意見》（國發〔2013〕35號）精神，現提出如下意見。\n")
    x = extract(text)
    assert x.identity.number == "国办发〔2020〕52号"
    [link] = [c for c in x.citations if c.relation == "applies"]
    assert link.target.number == "国发〔2013〕35号"
    span = link.evidence.span
    assert x.document.text[span.start:span.end].startswith("《國務院")


def test_pinyin_annotations_of_a_mirror_are_removed_with_a_note():
    text, removed = remove_pinyin_annotations("曲靖市人民政府關(guān)于市六屆人大一次會(huì)議第140號(hào)建議")
    assert removed == 3 and text == "曲靖市人民政府關于市六屆人大一次會議第140號建議"
    assert remove_pinyin_annotations("养老服务(a)项目") == ("养老服务(a)项目", 0)
    # a space before the closing bracket (重庆 渝府办发 mirror's 社會(huì )環(huán)境; 南乐's 目录规范)
    text, removed = remove_pinyin_annotations("有效床位數達到23萬(wàn)張,社會(huì )運營(yíng)的養老床位數占養老床位總")
    assert removed == 3 and text == "有效床位數達到23萬張,社會運營的養老床位數占養老床位總"


def test_toneless_pinyin_of_a_mirror_is_removed_only_where_it_is_systematic():
    damaged = "國務(wu)院(yuan)辦公(gong)廳關于促進養老托育服務健康發展的意見\n國辦發(fa)〔2020〕52號\n各省(sheng)、自(zi)治(zhi)區(qu)、直轄(xia)市人民政府:"
    text, removed = remove_pinyin_annotations(damaged)
    assert removed == 9 and text.startswith("國務院辦公廳") and "國辦發〔2020〕52號" in text
    # a few bracketed words after characters are real text
    real = "推广手机(app)预约服务，设立老年(yi)号窗口。"
    assert remove_pinyin_annotations(real) == (real, 0)


def test_our_office_is_the_township_office_the_page_names():
    """已交我办事处研究办理 (昆明市五华区 portal, a 街道's reply): 我办事处 is the
    街道办事处 the page names, not the portal's publisher."""
    x = extract("关于对政协五华区九届一次会议第17D22号提案的答复\n发布机构: 昆明市五华区人民政府\n朵松委员:\n"
                "您提出的提案,已交我办事处研究办理,现答复如下:\n一、西翥街道办事处范围内,拟建设养老院。\n")
    assert [a.name for a in x.identity.issuers] == ["昆明市五华区西翥街道办事处"]
    assert x.area.level == "township"


@pytest.mark.parametrize("text,issuer", [
    # a report to a legislature speaks for a government (北京市人大 page, 浙江省 report)
    ("关于养老服务议案办理情况的报告\n日期:2015-03-18 来源:北京市人大常委会门户网站\n"
     "——2014年9月24日在北京市第十四届人民代表大会常务委员会第十三次会议上\n北京市人民政府副市长  戴均良\n"
     "主任、各位副主任、秘书长、各位委员:\n我受市政府委托,向市人大常委会报告议案办理工作情况。\n", "北京市人民政府"),
    ("关于《浙江省社会养老服务促进条例》执行情况的报告\n来源:浙江省人大常委会\n主任、副主任、秘书长、各位委员:\n"
     "根据省十二届人大常委会第三十三次会议的安排,我代表省政府,向本次会议报告《浙江省社会养老服务促进条例》执行情况。\n",
     "浙江省人民政府"),
    # the one who delivers it, on the line under its delivery line: the organ before the office
    # (安阳 人大 社会建设委员会's report; the 北京 report's 北京市人民政府副市长 above)
    ("关于市十五届人大二次会议代表所提关于加快我市社区居家养老服务立法的议案审议结果的报告\n"
     "——2024 年 4 月 28 日在安阳市第十五届人民代表大会\n常务委员会第九次会议上\n安阳市人大社会建设委员会主任委员 李 阳\n"
     "主任、各位副主任、秘书长、各位委员:\n在 2024 年 2 月召开的市十五届人大二次会议上,殷保明等10 名代表提出议案。\n",
     "安阳市人大社会建设委员会"),
    # an annual disclosure report names the organ that compiles it (临沂 财政局; 沧州 卫健委's own title agrees)
    ("本报告由临沂市财政局按照《中华人民共和国政府信息公开条例》(国务院令第711号)和《国务院办公厅政府信息与政务公开办公室关于印发"
     "〈中华人民共和国政府信息公开工作年度报告格式〉的通知》(国办公开办函〔2021〕30号)及有关法律法规的要求编制。\n", "临沂市财政局"),
    # …or opens with it as its subject (武定 政府办's 法治政府 report to its county's leaders; 湛江 财政局's
    # disclosure report), not a place as subject
    ("中共武定县委、县人民政府:\n2022年,在县委、县政府的坚强领导下,在县司法局的有力指导下,武定县人民政府办公室坚持以习近平新时代"
     "中国特色社会主义思想为指导,深入学习贯彻党的二十大精神\n", "武定县人民政府办公室"),
    ("一、政府信息公开工作总体情况\n2023年,湛江市财政局坚持以习近平新时代中国特色社会主义思想为指导,全面学习贯彻党的二十大及"
     "二十届二中全会精神\n", "湛江市财政局"),
    ("2022年,在市委、市政府和区委坚强领导下,密云区政府坚持以习近平法治思想为指导,深入贯彻落实习近平总书记重要回信精神,"
     "坚持“保水、护山、守规、兴城”,坚持生态优先、保水富民、绿色发展、特色一流,全力加强法治政府建设\n"
     "一、2022年推进法治政府建设情况\n(一)持续加强法治学习宣传,不断提升法治意识\n", "北京市密云区人民政府"),
])
def test_a_report_names_the_government_it_speaks_for(text, issuer):
    assert issuer_names(text) == [issuer]


@pytest.mark.parametrize("text,day", [
    ("关于养老服务议案办理情况的报告\n——2014年9月24日在北京市第十四届人民代表大会常务委员会第十三次会议上\n"
     "北京市人民政府副市长  戴均良\n主任、各位副主任、秘书长、各位委员:\n", "2014-09-24"),
    # its date spaced out and the line wrapped before 会议上 (安阳 人大 社会建设委员会's report)
    ("关于市十五届人大二次会议代表所提关于加快我市社区居家养老服务立法的议案审议结果的报告\n"
     "——2024 年 4 月 28 日在安阳市第十五届人民代表大会\n常务委员会第九次会议上\n安阳市人大社会建设委员会主任委员 李 阳\n"
     "主任、各位副主任、秘书长、各位委员:\n", "2024-04-28"),
    # not a visit on that day
    ("关于养老服务工作的调研报告\n——2014年9月24日在北京调研养老服务工作\n一、基本情况\n", None),
])
def test_a_report_is_dated_by_its_delivery_line(text, day):
    x = extract(text)
    assert (x.date.isoformat() if x.date else None) == day


@pytest.mark.parametrize("text", [
    # an interpretation's 文号 field gives the number of the document it explains, not its own
    # (杭州 民政局's 政策解读; 黄山 教育局's 负责人解读)
    "索引号: 002489524/2023-46134 公开方式: 主动公开\n文号: 杭民发〔2023〕24号 成文日期: 2023-03-01\n"
    "发布单位: 市民政局 主题分类: 民政、扶贫、救灾/社会福利\n"
    "《杭州市民政局 杭州市财政局关于调整全市高龄老人生活津贴发放标准的通知》的政策解读\n"
    "时间:2023-03-03 11:49 来源:杭州市人民政府门户网站浏览次数:\n\n一、起草背景\n为充分体现党和政府对老年人的关爱,经市政府同意。\n",
    "索引号: 003138742/202305-00010 信息分类: 负责人解读\n发布文号: 黄教秘职成〔2023〕5号\n"
    "【负责人解读】市教育局副局长吴曙宏同志解读《黄山市“十四五”老年教育发展规划》\n"
    "市教育局等四部门印发《黄山市“十四五”老年教育发展规划》(黄教秘职成〔2023〕5号)。现就规划进行解读。\n",
])
def test_an_interpretations_number_field_is_the_explained_documents(text):
    assert extract(text).identity.number is None


@pytest.mark.parametrize("text,issuer", [
    # a social organisation or a school signs a notice of its own, under its own name (贞丰县老年人体育协会's
    # 健身活动 notice; 沈阳建筑大学's call for comments on a provincial standard)
    ("关于举办贞丰县首届老年人健身系列活动的通知\n各乡镇(街道)老年人体育协会:\n"
     "经贞丰县老年人体育协会研究决定,定于2017年“重阳节”期间举行首届老年人健身系列活动。\n"
     "棋牌专业推广委员会联系人:李京汉(13985990109)\n贞丰县老年人体育协会\n2017年10月12日\n", "贞丰县老年人体育协会"),
    ("关于征求《居家养老服务规范》等四项辽宁省地方标准意见的通知\n各有关单位:\n现将征求意见稿印发给你们,请提出意见。\n"
     "附件:4.《社区老年人日间照料中心风险防控要求》地方标准征求意见稿编制说明及意见反馈表\n沈阳建筑大学\n2020年5月6日\n",
     "沈阳建筑大学"),
    # an organ of a shape no table holds signs over the date, named in full (蒙自's and 灞桥's replies)
    ("郭正东、袁朝芳、李荣珠代表:\n你们提出的《关于草坝镇建设村安装健身器材的建议》的第105号建设已转交我们研究办理。"
     "现将办理情况答复如下:\n现资金已落实到位,请草坝镇人民政府将到账资金进行统筹安排。\n"
     "感谢你对我市体育事业的关心和支持,请在今后对我们的工作多提宝贵意见和建议。\n"
     "蒙自市文化体育旅游和广播电视局\n2018年7月16日\n", "蒙自市文化体育旅游和广播电视局"),
    ("对区政协九届四次会议 第6号提案的复函\n\n苏璇委员(区应急管理局):\n\n您提出的关于“借力十四运,推进我区体育休闲产业发展的提案”"
     "收悉,现答复如下:\n\n不知以上答复您是否满意,非常感谢您对我区体育事业的关心和支持,谢谢!\n\n"
     "灞桥区文化和旅游体育局\n\n2020年 6月2日\n", "西安市灞桥区文化和旅游体育局"),
])
def test_an_organisation_signs_under_its_own_name(text, issuer):
    assert issuer_names(text) == [issuer]


@pytest.mark.parametrize("text", [
    # a central organ the tables miss is a word a mirror changed (卫生康健委), no signature
    "关于公布全国医养结合示范项目名单的通知\n各省、自治区、直辖市卫生健康委:\n现将名单予以公布。\n"
    "中华人民共和国卫生康健委\n2024年1月5日\n",
    # an organ no table holds without its place, over a date: the level word alone would guess the place
    "关于开展老年人健身活动的通知\n各乡镇:\n现将有关事项通知如下。\n市文化体育旅游和广播电视局\n2018年7月16日\n",
])
def test_an_organ_no_table_holds_signs_only_named_in_full(text):
    assert issuer_names(text) == []


def test_a_short_name_with_a_level_its_place_does_not_have_is_no_organ():
    """贵州市人民政府办公厅 (贵阳's 转发 notice, a slip for 贵阳市): 贵州 is a province, so
    贵州市 names no place; the page is 贵阳's by its code 筑府办发, not an organ of 贵州省.
    Places that end in 州 keep their organs (杭州市民政局, 重庆市市场监督管理局)."""
    from kg.lexicon.agencies import parse_unlisted_organ
    assert parse_unlisted_organ("贵州市人民政府办公厅", None) is None
    x = extract("筑府办发〔2018〕10号《贵州市人民政府办公厅关于转发市发展改革委市综合行政执法局贵阳市生活垃圾分类制度实施方案的通知》\n\n"
                "浏览量:时间:2018-07-07 06:20:54\n\n各区、市、县政府,市政府各工作部门:\n\n"
                "市发展改革委、市综合行政执法局《贵阳市生活垃圾分类制度实施方案》已经市人民政府同意,现转发给你们,请认真贯彻执行。\n")
    assert x.area.name == "贵阳市" and all(a.area.name != "贵州省" for a in x.identity.issuers)
    assert parse_unlisted_organ("杭州市城市管理局", None).name == "杭州市城市管理局"


@pytest.mark.parametrize("text,issuer,successor", [
    # central organs the reforms of 1998–2018 ended, on a law site's copies of their rules (set IE):
    # named on the organ line between the title's two copies, linked to the organ that took them over
    ("铁路货物集装化用具准运证管理办法\n\n铁道部\n\n\n铁路货物集装化用具准运证管理办法\n\n1990年3月10日,铁道部\n\n"
     "第1条 为了加强集装化运输质量管理,确保行车、货物、人身安全,特制定本办法。\n", "铁道部", "transport"),
    ("海洋预报业务管理暂行规定\n\n国家海洋局\n\n\n海洋预报业务管理暂行规定\n1999年7月13日,国家海洋局\n\n\n第一章 总则\n"
     "第一条 为充分发挥海洋预报系统的整体效益,特制订本规定。\n", "国家海洋局", "natural-resources"),
    # and those the reform of 2018 ended, on national pages of set IJ (国土资源部's office; 农业部's office)
    ("国土资源部办公厅关于印发《城市周边永久基本农田划定情况专项督察工作方案》的通知\n\n索引号\n\n00001434901/2016-01687\n\n"
     "土地管理 \n\n发文字号\n", "国土资源部办公厅", "natural-resources"),
    # a central organ of today that no table held (国管局's notice on the same site)
    ("关于中央国家机关住宅专项维修资金交存有关问题的补充通知\n\n国务院机关事务管理局\n\n\n"
     "关于中央国家机关住宅专项维修资金交存有关问题的补充通知\n\n国机房改〔2011〕236号\n\n\n中央国家机关各部门、各单位:\n",
     "国务院机关事务管理局", None),
])
def test_central_organs_of_before_and_after_the_reforms_issue(text, issuer, successor):
    from kg.lexicon.agencies import successions
    x = extract(text)
    assert [a.name for a in x.identity.issuers] == [issuer]
    key = x.identity.issuers[0].key.removesuffix("-office")      # an office is its organ's
    assert (successions()[key].successor if key in successions() else None) == successor


def test_a_joint_signature_cut_with_the_page_and_set_letter_by_letter():
    """民政部等22部门 (a national opinion whose page ends in its signature,
    names of three characters spaced to align columns, the date cut off)."""
    x = extract("关于加快发展农村养老服务的指导意见\n各省、自治区、直辖市人民政府:\n为加快发展农村养老服务,提出如下意见。\n"
                "(二十)强化工作督促指导。民政部门充分发挥综合协调作用。\n\n"
                "民 政 部  中央精神文明建设办公室  农业农村部\n\n国家发展改革委  教 育 部  司 法 部\n\n"
                "财 政 部  国家邮政局  全国供销合作总社\n\n全国老龄办\n\n2\n")
    assert [a.name for a in x.identity.issuers] == [
        "民政部", "中央精神文明建设指导委员会办公室", "农业农村部", "国家发展和改革委员会", "教育部", "司法部", "财政部",
        "国家邮政局", "中华全国供销合作总社", "全国老龄工作委员会办公室"]
    assert x.date is None


def test_a_portal_field_of_joint_organs_beats_a_cut_signature():
    """发文机关 lists fifteen organs; the page, cut, signs with six of them (国家卫健委 portal)."""
    x = extract("关于印发“十四五”健康老龄化规划的通知\n发文机关: 国家卫生健康委 教育部 科技部 广电总局 国家中医药局 银保监会\n"
                "各省、自治区、直辖市卫生健康委:\n我们制定了《“十四五”健康老龄化规划》。现印发给你们,请认真贯彻执行。\n\n"
                "国家卫生健康委\n\n教育部\n\n科")
    assert [a.name for a in x.identity.issuers] == [
        "国家卫生健康委员会", "教育部", "科学技术部", "国家广播电视总局", "国家中医药管理局", "中国银行保险监督管理委员会"]


@pytest.mark.parametrize("text,area", [
    # a body pasted without its heading that speaks of 我省 (黑龙江 plan, 云南 notice)
    ("为深入贯彻落实《黑龙江省产业振兴行动计划(2022—2026年)》工作部署,推动我省养老托育服务业高质量发展,制定本方案。\n", "黑龙江省"),
    ("各州、市、县人民政府: 《云南省老年人保护条例》已由云南省第七届人民代表大会常务委员会通过,我省各级人民政府要认真贯彻执行。\n", "云南省"),
])
def test_a_text_that_says_our_province_is_of_the_province_it_names(text, area):
    assert extract(text).area.name == area


@pytest.mark.parametrize("text,area", [
    # 市十五届人大 (长沙 news page), 县十九届人大 (镇赉 reply): the first area of that level named
    ("3月18日,市十五届人大法制委员会召开第十一次全体会议,对《长沙市居家养老服务条例(草案·一审修改稿)》进行了统一审议。\n", "长沙市"),
    ("关于对县十九届人大二次会议第28号代表建议的答复\n\n近年来,县民政局印发了《镇赉县农村孝老社工岗位实施意见》。\n", "镇赉县"),
    # 本市 of a municipality: 北京市, not the district its chain goes on to name (北京 news, 北京通 guide)
    ("本市支持东西城在津冀共建养老机构。实施方案提出,支持北京市东城区、西城区在津冀地区建设养老机构。\n", "北京市"),
    ("具有本市户籍的60周岁及以上的老年人可办理《北京市居住证》。\n", "北京市"),
])
def test_a_text_that_names_its_own_level_is_of_the_first_area_of_that_level(text, area):
    assert extract(text).area.name == area


@pytest.mark.parametrize("text,area", [
    # organs named by their level alone: the page is of the lowest such level, the first area of
    # that level it names (贵州 司法厅 news citing its province's draft; 三亚 news of 市民政局 and 省财政)
    ("胡勇副厅长主持召开《贵州省养老服务条例(草案)》论证会\n时间:2020-12-29 来源: 作者:\n"
     "为完善养老服务体系,7月17日,省司法厅邀请省人大社会委、省人大常委会法工委召开论证会。\n", "贵州省"),
    ("重新修订的管理办法明确,凡具有三亚市户籍且年满80周岁以上老年人均可享受高龄老人津贴待遇,含省财政补助300元。"
     "申请人向市民政局提出申请。\n", "三亚市"),
    # a bureau named by its work after its area's full name places a page that names no other
    # (钟楼区 portal's 部门动态; 昌黎县 市场监管局's 抽查结果公示)
    ("您当前的位置:首页>>新闻中心>>部门动态>>市场监管局>>内容\n4月25日起,钟楼区市场监管局连续开展“五一”假期节前安全检查。\n"
     "区市场监管局分析研判安全生产风险隐患,在加强日常监管的基础上,加强检查执法工作。\n", "钟楼区"),
    ("食药安办公告〔2021〕9号 昌黎县2021年下半年食品监督抽查结果公示(2021年11月) 根据《中华人民共和国食品安全法》及其《实施条例》"
     "等规定,现将昌黎县市场监督管理局开展食品安全监督抽检相关信息公告如下: 本次公告的监督抽查结果公示共54批次。\n", "昌黎县"),
])
def test_the_organs_a_text_names_place_it(text, area):
    assert extract(text).area.name == area


@pytest.mark.parametrize("text,area", [
    # a province's 民政厅 list that names only its cities and counties is of the province that
    # holds them (江苏 公示 of 推荐 places; 安徽 list of pilot counties)
    ("关于2020年度养老服务体系建设真抓实干成效明显地方拟推荐名单的公示\n"
     "根据《省政府办公厅关于对真抓实干成效明显地方进一步加大配套激励支持力度的通知》(苏政办发﹝2019﹞33号)要求,"
     "经综合考评,拟推荐南京市、连云港市、镇江市、宿迁市、南京市浦口区、沛县为成效明显地方。\n", "江苏省"),
    ("根据省民政厅《关于开展农村养老服务改革试点工作的通知》,经县级申报、市级审核、专家评审等程序,"
     "拟确定20个县(市、区)开展试点工作。名单如下: 1. 合肥市肥东县 2. 淮北市濉溪县 3. 亳州市谯城区\n", "安徽省"),
])
def test_organs_named_by_level_are_of_the_area_that_holds_the_places_named(text, area):
    assert extract(text).area.name == area


@pytest.mark.parametrize("text,area", [
    # an organ inside a cited title issued that document, not the page (长沙 公告 citing its
    # province's 办法; 朔城区 notice citing 山西省's 实施意见)
    ("根据《湖南省民政厅关于印发<湖南省养老机构等级评定管理办法(试行)>的通知》(湘民发〔2020〕31号)有关规定,"
     "长沙市民政局、浏阳市民政局经随机抽取、专家实地综合评定,共对4家养老机构进行了抽查复评。\n", "长沙市"),
    ("各乡镇人民政府、街道办事处,区直各有关单位:\n为加快推进养老服务发展,根据《山西省人民政府办公厅关于推进养老服务发展的"
     "实施意见》文件精神,经区政府同意,决定建立养老服务工作联席会议制度。\n", None),
])
def test_an_organ_in_a_cited_title_is_not_the_pages(text, area):
    assert area_name(text) == area


@pytest.mark.parametrize("text,area", [
    # a news item whose lead makes central organs the subject of recent news is the nation's
    # (a newspaper's page of 新华社's item; two e-papers)
    ("第04版:国际国内新闻 PDF版阅读\n两部门发文推进养老服务设施布局规划编制\n据新华社北京7月28日电(记者 朱高祥)"
     "记者28日从民政部获悉,为加快健全覆盖城乡的三级养老服务网络,民政部、自然资源部近日联合印发"
     "《关于加强养老服务设施布局规划编制工作的通知》。\n", "中华人民共和国"),
    ("内容详情\n2025年全国“敬老月”活动将于10月开展\n据新华社电 记者19日从民政部获悉,全国老龄工作委员会近日印发通知,"
     "将于10月10日至31日开展2025年全国“敬老月”活动。\n", "中华人民共和国"),
    ("近日,民政部、公安部、市场监管总局、中国银保监会印发文件,对常态化养老机构非法集资防范化解工作作出制度安排。\n",
     "中华人民共和国"),
    # … forwarding a document (新华社's item in a city paper; 中国政府网's interview), sending a notice on a day
    # without a year, or on the day told before the verb
    ("据新华社北京4月30日电 近日,国务院办公厅转发民政部、财政部、人力资源社会保障部、卫生计生委、保监会等部门"
     "《关于进一步完善医疗救助制度全面开展重特大疾病医疗救助工作的意见》(以下简称《意见》)。\n", "中华人民共和国"),
    ("访谈主题: 卫生计生委和民政部谈推进医疗卫生与养老服务相结合\n访 谈 人: 甄炳亮、何炤华\n时 间: 2015年12月7日下午3时\n"
     "近日,国务院办公厅转发《关于推进医疗卫生与养老服务相结合的指导意见》(以下简称《意见》)。\n", "中华人民共和国"),
    ("敬老月活动提倡“全民行动”\nwww.xdflx.com 更新时间:\n2016-07-31 19:32:00\n7月26日,全国老龄工作委员会发出通知,"
     "提出今年10月9日是我国法定“老年节”。\n", "中华人民共和国"),
    ("人社部、财政部22日发布\n《关于2023年调整退休人员基本养老金的通知》\n(相关资料图)\n明确从2023年1月1日起\n", "中华人民共和国"),
    # not a province's organs, not a past act a text recounts (a reply: 2019年7月,国务院印发…),
    # not a local text that names its place
    ("近日,省民政厅、省财政厅联合印发《关于做好高龄津贴发放工作的通知》。\n", None),
    ("代表您好:\n您提出的建议收悉,现答复如下:\n2019年7月,国务院印发《关于实施健康中国行动的意见》。\n", None),
    ("近日,民政部、自然资源部联合印发通知。宁波市民政局随即部署全市养老服务设施布局规划编制。\n", "宁波市"),
])
def test_a_lead_of_central_organs_news_is_of_the_nation(text, area):
    assert area_name(text) == area


@pytest.mark.parametrize("text,area", [
    # a headline that opens with 全国 as a word (a nationwide event) is about the place it names after
    # it, not the nation's (中国甘肃网 item; 海原县 news of a national contest); an organ of the nation
    # after 全国 makes it the nation's
    ("全国示范性老年友好型社区名单公布 甘肃省19个社区上榜\n中国甘肃网12月1日讯 近日,国家卫生健康委员会、全国老龄工作委员会办公室"
     "印发《关于命名2022年全国示范性老年友好型社区的通知》,我省19个社区榜上有名。\n", "甘肃省"),
    ("全国养老护理职业技能大赛开赛 宁夏4名选手晋级国赛角逐大奖\n近日,全国养老护理职业技能大赛开赛。\n", None),
    ("全国老龄工作委员会关于开展2025年全国“敬老月”活动的通知\n各省、自治区、直辖市老龄工作委员会:\n", "中华人民共和国"),
    # a national news medium's byline places nothing (中国青年网 item of 宁晋; 中国甘肃网 item); a national
    # body named with 中国 does
    ("全球微速讯:河北宁晋开展养老机构安全生产大检查\n2023-04-27 09:44:27来源:中国青年网\n(资料图片仅供参考)\n"
     "中国青年网石家庄4月27日电为进一步做好养老机构安全生产和消防安全管理工作,4月24日和25日,河北省宁晋县民政局协调应急、"
     "消防等部门力量组成督导检查组,对全县14家养老机构开展安全生产大检查行动。\n", "宁晋县"),
    ("中国甘肃网12月1日讯 据兰州晚报报道 近日,国家卫生健康委员会、全国老龄工作委员会办公室印发《关于命名2022年全国示范性"
     "老年友好型社区的通知》,我省19个社区榜上有名。\n", None),
    ("中国老龄协会关于开展2024年老年人权益保障宣传活动的通知\n各省、自治区、直辖市老龄协会:\n", "中华人民共和国"),
])
def test_a_headline_opening_with_nationwide_is_of_the_place_it_names(text, area):
    assert area_name(text) == area


def test_organs_named_by_level_with_no_place_named_give_no_area():
    assert extract("根据省民政厅《关于开展农村养老服务改革试点工作的通知》,经县级申报、市级审核,确定试点名单。\n").area is None


@pytest.mark.parametrize("text", [
    # addressees name the levels below (新疆 卫健委 notice), a pair of levels is no organ (民政部 notice)
    "各地、州、市卫生健康委,委直属直管各医疗机构:\n根据有关通知要求,经研究,现将名单公布。甘南县医院入选。\n",
    "民政部门、自然资源部门要加强对市县规划的指导和监督,甘南县等地已开展试点。\n",
])
def test_addressees_and_level_pairs_are_no_organs_of_the_page(text):
    assert extract(text).area is None


@pytest.mark.parametrize("text,town,county", [
    # a county's news that opens with one of its townships (娄星区 news of 百亩乡; 三台县's 古井镇)
    ("娄星区百亩乡开展敬老院消防安全检查\n红网娄星站讯 近日,百亩乡组织乡综治、民政等部门到百亩敬老院开展消防安全检查。"
     "娄星区民政局高度重视。\n", "百亩乡", "娄星区"),
    ("日前,古井镇2018年第四季度高龄老人津贴申报工作已经在各村(居)陆续启动。\n三台县民政局按季度发放高龄津贴。\n",
     "古井镇", "三台县"),
    # the county named right before the township, anywhere in the text, places it; a headline
    # may open with the township and a colon (南京 建邺 news of 双闸街道; 宜昌 夷陵's 小溪塔街道)
    ("双闸街道:心系民生纳民意 代表接待解民忧 |\n“马上好哦!”昨日上午,在建邺区双闸街道白龙江西街60号“江湾食堂”芳香四溢。\n",
     "双闸街道", "建邺区"),
    ("小溪塔街道112名高龄老人喜领幸福津贴 为了让广大老年人共享改革发展成果,宜昌市夷陵区小溪塔街道办事处对全办范围的"
     "90岁以上的高龄老人进行了全面普查登记。\n", "小溪塔街道", "夷陵区"),
    # no county named: the national township table places a name that is one place in the
    # country (桃源县 portal news of 三阳港镇; 宜秀区 news of 五横乡)
    ("您的位置: 首页 >适老专区>乡镇动态>详细内容\n三阳港镇切实加强敬老院冬季安全管理工作\n"
     "近日,县救助局局长刘敏一行到三阳港镇敬老院检查了安全卫生工作。\n", "三阳港镇", "桃源县"),
    ("首页 > 新闻 > 宜秀要闻 > 正文\n五横乡全面启动60岁以上老年人免费健康体检\n"
     "4月21日起,五横乡全面启动全乡60岁以上老年人免费健康体检活动。\n", "五横乡", "宜秀区"),
    # a township that begins a clause of the lead's opening sentences, after a scene or a
    # time (太湖县 news of 徐桥镇; 泸西县 news of 中枢镇), or after the county's own words
    # (雁塔区 abstract of 小寨路街道)
    ("close为弘扬中华民族尊老敬老的传统美德,在中秋传统佳节来临之际,9月9日,徐桥镇党委、政府到辖区敬老院开展"
     "敬老慰问活动。\n慰问组通过与老人亲切交谈。\n", "徐桥镇", "太湖县"),
    ("秋去冬来菊花香,一年一度又重阳。浓浓重阳敬老情,九九最美夕阳红。近日,中枢镇各村(居)委会开展了多种形式的"
     "重阳节庆祝活动,为全镇老人送上节日的问候。\n", "中枢镇", "泸西县"),
    ("<正>今年以来,陕西省西安市雁塔区委、区政府高度重视养老服务体系建设,小寨路街道紧紧围绕区委、区政府关于城市"
     "养老工作的安排部署,将办好老人\"食\"事作为养老工作重点。\n", "小寨路街道", "雁塔区"),
    # below a site's menu of many lines: the headline, not the menu's first lines (武进区 portal)
    ("• 今天是\n• 登录个人中心\n• 繁體中文\n• 无障碍浏览\n• 英文版\n• 首页\n• 政务动态\n• 走进武进\n\n"
     "您当前的位置:首页> 政务动态> 部门动态> 内容\n\n武进区礼嘉镇开展重阳节走访慰问活动\n发布日期: 2025-10-31    来源:民政局\n"
     "为弘扬中华民族尊老、敬老、爱老、助老的传统美德,10月28日上午,礼嘉镇组织开展走访慰问活动。\n", "礼嘉镇", "武进区"),
    # or one of several within the area the page names (官庄镇: ten in the country, one in 南阳市宛城区)
    ("官庄镇为防范化解养老服务领域诈骗风险,切实维护老年人合法权益,开展专项整治行动。\n"
     "南阳市民政局对此给予肯定。\n", "官庄镇", "宛城区"),
    # a county's short name written onto its township (定安雷鸣镇 in 海南日报; 重庆's 万州区龙驹镇 预案):
    # the township, named as it is, below that county
    ("定安雷鸣镇梅种村:开展卫生大整治村庄环境变整洁\n本报定城7月23日电 (见习记者张文君 特约记者司玉 通讯员张博)7月22日,"
     "海南日报曝光了定安雷鸣镇梅种村村道遍布猪屎牛粪,休闲广场垃圾成堆的脏乱现象。\n", "雷鸣镇", "定安县"),
    ("重庆市万州区龙驹镇2023年突发事件总体应急预案(暂行)\n1 总则\n1.1 编制目的\n", "龙驹镇", "万州区"),
    # a class of towns after the town is none (黔江's 中塘镇创建市级卫生镇: no 级卫生镇)
    ("当前位置:\n首页\n>\n精品栏目\n>\n黔江视讯\n>\n正文\n中塘镇创建市级卫生镇工作动员会召开\n发布日期:2024-03-29 17:33\n"
     "摘要:近日,记者从中塘镇创建市级卫生镇工作动员会获悉,为进一步强化集镇管理,改善群众生产生活条件,即日起至6月底,"
     "中塘镇将动员全镇干部群众。\n", "中塘镇", "黔江区"),
])
def test_a_page_that_opens_with_a_township_is_of_that_township(text, town, county):
    area = extract(text).area
    assert (area.name, area.level) == (town, "township")
    from kg.lexicon.areas import gazetteer
    assert gazetteer().get(area.parent).name == county


@pytest.mark.parametrize("text,issuer", [
    # a portal's 来源 naming a township: its government (闵行区 portal of 马桥镇, 增城区 portal of 正果镇),
    # placed by the table within the area the page names
    ("关于《拓展老年人健康体检项目》征求公众意见的公告\n来源:马桥镇 发布时间:2025年1月1日\n"
     "目前,马桥镇政府正在进行制定工作,根据《上海市加强公共卫生体系建设三年行动计划(2023-2025年)》等文件精神。\n",
     "上海市闵行区马桥镇人民政府"),
    ("基层政务公开\n广州市长者饭堂助餐配餐服务申请指南\n发布时间: 2020-03-05 11:31\n来源:正果镇\n"
     "各镇街长者饭堂补贴标准一览表\n", "广州市增城区正果镇人民政府"),
    # after its county's name (谯城区 portal's 五马镇; 福州 鼓楼区's 鼓东街道, a street: its office)
    ("五马镇2024年政务公开总结\n发布时间:2024-12-19 15:54 信息来源:谯城区五马镇 浏览次数: 字体:[ ]\n"
     "2024 年,五马镇人民政府在上级部门的指导下,深入贯彻落实政府信息公开相关要求,扎实推进政府信息公开工作,"
     "有效提升了政府工作的透明度和公信力,切实保障了人民群众的知情权、参与权和监督权。\n", "亳州市谯城区五马镇人民政府"),
    ("福州市鼓楼区鼓东街道2022年度市级福彩公益金使用情况公告\n\n时间:2024-03-06 09:45 来源:鼓楼区鼓东街道\n",
     "福州市鼓楼区鼓东街道办事处"),
])
def test_a_township_named_as_the_source_is_its_government(text, issuer):
    x = extract(text)
    assert [a.name for a in x.identity.issuers] == [issuer]
    assert x.area.level == "township"


@pytest.mark.parametrize("text,issuer", [
    # a law database's organ line names the government, the number is of its general office's series
    # (法律资料网's 东莞 东府办 and 湖州 湖政办发 notices): the office issued it
    ("关于印发东莞市困难家庭住房保障办法实施细则的通知\n\n广东省东莞市人民政府\n\n\n东府办[2005]42号\n\n\n\n"
     "关于印发东莞市困难家庭住房保障办法实施细则的通知\n\n\n各镇人民政府(区办事处),市府直属各单位:\n"
     "  《东莞市困难家庭住房保障办法实施细则》业经市人民政府同意,现印发给你们,请认真贯彻执行。\n", "东莞市人民政府办公室"),
    ("转发市人防办关于湖州市人民防空设施保护与管理办法的通知\n\n浙江省湖州市人民政府\n\n\n"
     "转发市人防办关于湖州市人民防空设施保护与管理办法的通知\n\n湖政办发[2001]52号\n", "湖州市人民政府办公室"),
    # negatives: a title that names the government itself over 甬政办发 (宁波); a government's own series
    ("宁波市人民政府关于印发2007年市政府工作主要任务责任分解的通知\n(甬政办发〔2007〕106号)\n"
     "各县(市)、区人民政府,市政府各部门、各直属单位:\n", "宁波市人民政府"),
    ("天津市劳动防护用品管理规定\n\n天津市人民政府\n\n\n天津市劳动防护用品管理规定\n\n\n津政发〔1997〕75号\n"
     "批转市劳动局拟定的天津市劳动防护用品管理规定的通知\n各区、县人民政府,各委、局,各直属单位:\n", "天津市人民政府"),
])
def test_a_government_over_its_offices_number_is_its_office(text, issuer):
    assert issuer_names(text) == [issuer]


@pytest.mark.parametrize("text,issuer", [
    # the unit that wrote a news item closes its last paragraph in brackets (刚察 county news on a
    # provincial portal; 厦门 news reposted by the provincial 民政厅; 方山 news with its writer's name;
    # 三台 township news: a township writes as its government)
    ("刚察县2所敬老院被评为全省星级农牧区敬老院\n发布时间:2013年10月25日\n"
     "近日,经省民政厅审核评定,刚察县2所敬老院被评为全省“星级”农牧区敬老院。\n"
     "按照《青海省敬老院星级评定办法》,五保对象供养水平有了较大提升。\n(刚察县政府)\n", "刚察县人民政府"),
    ("省老龄事业“十二五”执行情况检查组察视集美区\n16.12.2015 12:16\n本文来源: 民政厅\n"
     "12月9日,省检查组一行对厦门市老龄事业十二五规划执行情况进行检查评估。"
     "李祖可组长对我市各项涉老优待政策的落实表示肯定。(集美区民政局)\n本文来源: 民政厅\n", "厦门市集美区民政局"),
    ("方山县老干局组织学习全省老年大学建设发展推进会的会议精神\n4月28日下午,方山县老干局全体工作人员在会议室召开会议。\n"
     "推动我县老年大学工作迈上一个新台阶。\n(方山县老干局 薛清兰)\n网友留言评论\n", "中国共产党方山县委员会老干部局"),
    ("日前,三台县古井镇2018年第四季度高龄老人津贴申报工作已经在各村(居)陆续启动。\n"
     "另一方面,加强津贴享受对象动态管理,及时终止因死亡、户籍迁出等原因丧失享受条件的。(古井镇 杨迎春)\n",
     "三台县古井镇人民政府"),
])
def test_a_news_item_is_issued_by_the_unit_that_wrote_it(text, issuer):
    assert issuer_names(text) == [issuer]


@pytest.mark.parametrize("text", [
    # a plan whose measures each close with their bureau (平湖 plan): no news item's writer
    ("平湖市老龄事业发展“十二五”规划\n一、加强养老服务设施建设。(市民政局)\n二、发展老年教育。(市教育局)\n"),
    ("平湖市老龄事业发展情况\n(一)加强养老服务设施建设。(市民政局)\n"),
    # a notice with a document title and signature: the signature names the issuer, not a bracket
    ("关于开展敬老月活动的通知\n各乡镇:\n请认真组织实施。\n(县老龄办)\n刚察县民政局\n2013年10月25日\n"),
    # a reporter's byline is no unit
    ("全国开展“义务助老活动”\n重阳节即将到来之际,各地团组织开展活动。\n(记者 李斌)\n"),
])
def test_no_contributor_where_brackets_close_measures_or_a_document_signs(text):
    rules = [f.evidence.rule for f in extract(text).facts if f.name == "issuer"]
    assert "identity.issuer-contributor" not in rules


@pytest.mark.parametrize("text,issuer", [
    # a 来源 that names an organ's website: the organ publishes the page (丰南 portal's news; 淮安's
    # 解读; a repost of 国家卫生健康委's notice)
    ("丰南提前发放2016年度高龄老人津贴890余万元\n\n2016-01-27 15:24:27 来源:丰南区政府网 责任编辑:田士威\n"
     "为使全区高龄老人度过一个愉快、祥和的春节,我区在财政资金紧张的情况下,积极筹措资金。\n", "唐山市丰南区人民政府"),
    ("当前位置:首页 办事服务 政策解读\n\n《淮安市长期护理保险实施方案》 政策解读\n\n"
     "时间:2023/11/29    来源:淮安市人民政府网站    字号:[ ]\n\n2023年8月7日,市政府印发了《淮安市长期护理保险实施方案》。\n",
     "淮安市人民政府"),
    ("近日,《国家卫生健康委关于命名全国医养结合示范县(市、区)和示范机构的通知》发布。\n"
     "《通知》要求,各地要广泛宣传推广示范单位的经验做法。\n\n来源:国家卫生健康委官网\n", "国家卫生健康委员会"),
    # the national government's portal carries every central organ's pages: it names no publisher
    ("民政部召开全国养老服务工作会议\n来源:中国政府网\n近日,民政部召开全国养老服务工作会议。\n", None),
])
def test_a_source_that_names_an_organs_website_names_the_organ(text, issuer):
    issuers = issuer_names(text)
    if issuer is None:
        assert "国务院" not in issuers
    else:
        assert issuers[:1] == [issuer]


@pytest.mark.parametrize("text", [
    # addressees (各乡镇) and a township several counties share, no county named, are no township's
    "各乡镇人民政府:\n为做好高龄津贴发放工作,三台县民政局决定开展核查。\n",
    "日前,古井镇高龄老人津贴申报工作已经启动。\n",
    "日前,城关镇高龄老人津贴申报工作已经启动。\n",
    # nor is a 来源 that names such a township (马桥镇: seven in the country) on a page naming no area
    "关于拓展老年人健康体检项目征求公众意见的公告\n来源:马桥镇 发布时间:2025年1月1日\n目前,马桥镇政府正在制定。\n",
    # a township a visit goes to, after a verb (江西 立法调研 in 都昌县汪墩乡; 桃源 inspection of 三阳港镇)
    "6月29日下午,省人大内司委邹璞,省民政厅老龄办罗良意等一行,深入都昌县汪墩乡古岭遇驾山村遇驾山居家养老服务中心开展立法调研。\n",
    "近日,县救助局局长刘敏一行到三阳港镇敬老院检查了安全卫生工作。\n",
    # a township alone on a line with a colon addresses it
    "城关镇:\n现将高龄津贴发放名单转发给你们,三台县民政局请你们核实。\n",
])
def test_no_township_that_nothing_places_or_from_addressees(text):
    area = extract(text).area
    assert area is None or area.level != "township"


@pytest.mark.parametrize("text", [
    # a two-character county (成县) inside a word is no area; 我区 says nothing about the level
    "我县将推进城乡医疗卫生资源均衡发展,完成县医院整体搬迁。\n",
    "我区认真落实各项养老服务政策。\n",
])
def test_a_level_word_without_a_named_area_gives_no_area(text):
    assert extract(text).area is None


def test_a_text_on_one_long_line_is_read():
    body = "经市政府同意，现将方案印发给你们，请认真按照执行。" * 8
    x = extract("了解更多政策资讯 ● 上海市人民政府办公厅关于印发《上海市推进养老科技创新发展行动方案（2024—2027年）》的通知 "
                "沪府办发〔2024〕8号 各区人民政府,市政府各委、办、局: " + body + " 上海市人民政府办公厅 2024年6月13日")
    assert x.identity.number == "沪府办发〔2024〕8号"
    assert [a.name for a in x.identity.issuers] == ["上海市人民政府办公厅"]
    assert str(x.date) == "2024-06-13"


# --- GB/T 9704 header elements and numbers damaged in the source ---



def test_header_elements_are_not_read_as_the_title():
    x = extract("000123\n机密★1年\n特急\n签发人：张某某\n威海市人民政府办公室关于推进养老服务发展的实施意见\n"
                "威政办发〔2019〕9号\n各区市人民政府：\n为贯彻落实《国务院办公厅关于推进养老服务发展的意见》"
                "（国办发〔2019〕5号）精神，现提出如下实施意见。\n")
    assert x.identity.title == "威海市人民政府办公室关于推进养老服务发展的实施意见"
    assert x.identity.number == "威政办发〔2019〕9号"


@pytest.mark.parametrize("sentence,number", [
    ("为贯彻落实《国务院办公厅关于推进养老服务发展的意见》（国办发〔20195号）精神，现提出如下意见。", "国办发〔2019〕5号"),
    ("根据国办发2019〕5号文件精神，结合我市实际，制定本方案。", "国办发〔2019〕5号"),
    # its closing bracket and 号 both lost, the number closing its parenthesis (莆田 涵江区 民政局's notice;
    # 吉林 民政厅's power list)
    ("根据《中共莆田市委 莆田市人民政府印发关于加快养老事业发展的实施意见的通知》(莆委发〔201714)和《莆田市民政局关于印发"
     "莆田市城乡养老服务设施发展指数考评办法的通知》(莆民〔202062)文件精神", "莆委发〔2017〕14号"),
    ("《吉林省人民政府关于加快养老服务业发展的实施意见》(吉政发〔20149) ", "吉政发〔2014〕9号"),
])
def test_a_number_that_lost_a_bracket_is_read_and_reported(sentence, number):
    x = extract("某市人民政府关于推进养老服务发展的实施意见\n各区人民政府：\n" + sentence + "\n")
    assert number in {c.target.number for c in x.citations}
    assert any("damaged number" in w for w in x.warnings)


@pytest.mark.parametrize("name,context,full,area_code", [
    ("西翥街道办事处", "530102", "昆明市五华区西翥街道办事处", "530102/西翥街道"),
    ("五华区西翥街道办事处", "530102", "昆明市五华区西翥街道办事处", "530102/西翥街道"),
    ("白塔镇人民政府", "331024", "仙居县白塔镇人民政府", "331024/白塔镇"),
    # a 苏木 is Inner Mongolia's township, as 镇 and 乡 (阿拉善左旗's annual disclosure report)
    ("阿拉善左旗巴彦木仁苏木人民政府", "152921", "阿拉善左旗巴彦木仁苏木人民政府", "152921/巴彦木仁苏木"),
])
def test_township_issuers_are_areas_below_their_county(name, context, full, area_code):
    from kg.lexicon.agencies import parse_issuer
    from kg.lexicon.areas import gazetteer
    gaz = gazetteer()
    agency = parse_issuer(name, gaz.get(context))
    assert (agency.name, agency.area.code, agency.area.level) == (full, area_code, "township")
    assert [a.code for a in gaz.chain(area_code)][:2] == [area_code, context]


def test_a_township_document_in_the_graph_is_below_its_county(tmp_path):
    from kg.pipeline.build import build
    from kg.store.database import load_graph
    from kg.store.query import run_query
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "t.txt").write_text("仙居县白塔镇人民政府关于推进居家养老服务的实施方案\n各村委会：\n为推进居家养老，"
                                  "结合本镇实际，制定本方案。\n仙居县白塔镇人民政府\n2024年3月1日\n", encoding="utf-8")
    build(corpus, tmp_path / "out", use_cache=False)
    rows = run_query(load_graph(tmp_path / "out"), """SELECT ?name ?county WHERE {
        ?d pol:sourceFile ?f ; eli:jurisdiction ?a . ?a skos:prefLabel ?name ; skos:broader/skos:prefLabel ?county }""").rows
    assert [(str(n), str(c)) for n, c in rows] == [("白塔镇", "仙居县")]



@pytest.mark.parametrize("text,issuer,day", [
    # a lossy conversion's question marks for a line's ideographic indent (a mirror of 静安区's
    # notice; a mirror of 吕梁 民政局's 请示, its date line indented far right)
    ("各有关单位:\n区发展改革委《静安区促进养老托育服务高质量发展实施方案》已经区政府审核通过,现转发给你们,请认真按照执行。\n"
     "??上海市静安区人民政府办公室\n??2023年4月23日\n??\n", "上海市静安区人民政府办公室", "2023-04-23"),
    ("市人民政府:\n现将我市2025年城乡养老建设工程建设项目报上,请审示。\n吕梁市民政局\n"
     "?????????????????????????2025年3月7日\n", "吕梁市民政局", "2025-03-07"),
])
def test_question_marks_for_a_lost_indent_are_no_words(text, issuer, day):
    x = extract(text)
    assert [a.name for a in x.identity.issuers] == [issuer]
    assert str(x.date) == day


@pytest.mark.parametrize("text,issuer", [
    # the 索引号 opens with the publishing organ's credit code, 11 + the area it is registered in:
    # it places the township a page names without its county (高平 portal of 马村镇: nine 马村镇
    # in the country) and the level-named publisher (邹城 portal: 发布机构 市民政局)
    ("索 引 号: | 1114058101245507XU361/2023-00319 | 主题分类: | 综合政务 |\n"
     "发布机构: | 马村镇人民政府 | 成文日期: | 2023年08月14日 |\n标 题: | 马村镇关于全面开展银龄安康活动的通知 | ||\n"
     "马村镇关于全面开展银龄安康活动的通知\n各行政村:\n为做好银龄安康工作,经研究,现将有关事项通知如下。\n",
     "高平市马村镇人民政府"),
    ("索 引 号 | 11370883004325582C/2024-14341 | 分 类 | 建议提案办理总体情况 |\n发布机构 | 市民政局 | 成文日期 | 2024-07-01 |\n"
     "我局充分认识到人大建议政协提案办理工作的重要意义,现将有关情况汇报如下。\n", "邹城市民政局"),
])
def test_the_credit_code_of_the_index_number_places_the_publisher(text, issuer):
    assert issuer_names(text) == [issuer]


def test_a_credit_code_the_pages_places_contradict_places_nothing():
    # 宣城's 苏皖合作示范区管委会 registered under 池州's code (a mirror of its 会办函)
    x = extract("索引号 11341700MB1G78883L/202205-00001 组配分类 人大代表建议办理\n"
                "关于市五届人大一次会议第025号建议的会办函\n市民政局:\n现就宣城市人大代表关于加快推进康养小镇建设的建议提出会办意见。\n")
    assert x.area is None or x.area.name != "池州市"


@pytest.mark.parametrize("text,area", [
    # a short name that 镇 follows begins a township's name: 南阳镇 of 大丰 is not 南阳市 (大丰 portal);
    # 集美街道 lies in 集美区, which its name names all the same (厦门 news)
    ("发布机构 南阳镇政府 发文日期 2003-06-30\n关于五保供养对象管理办法的通知\n各村(居)委会:\n现将五保供养对象管理办法印发给你们。\n",
     None),
    ("省检查组一行视察了集美街道卫生服务中心。\n集美街道卫生服务中心是首批市级敬老文明号单位。\n", "集美区"),
])
def test_a_short_name_before_a_townships_ending(text, area):
    found = extract(text).area
    from kg.lexicon.areas import gazetteer
    county = gazetteer().get(found.parent) if found and found.level == "township" else found
    assert (county.name if county else None) == area


# --- the eighteenth session: what held-out set HV taught ---

HUZHOU = ("中华人民共和国民政部 浙江政务服务网 浙江省民政厅 中国湖州\n \n \n当前位置:首页 > 政策文件 > 市政策文件\n"
          "关于深化城乡社区建设加强和完善城乡社区治理的实施意见\n发布日期:2018-08-28 字号:[ ]\n\n\n\n湖委发〔2018〕20\n\n\n"
          "中共湖州市委  湖州市人民政府\n\n关于深化城乡社区建设加强和完善\n\n城乡社区治理的实施意见\n\n(2018年7月2日)\n\n\n"
          "为实现党领导下的政府治理和社会调节、居民自治良性互动,全面提升城乡社区治理水平,根据《中共中央国务院关于加强和完善"
          "城乡社区治理的意见》等文件精神,结合我市实际,现就深化城乡社区建设,加强和完善城乡社区治理提出如下实施意见。\n")


def test_a_portal_title_above_the_documents_own_version_head():
    """湖州's portal repeats the title above the document's own head: a number
    line that lost its 号, the organs' line, the title over two lines and the
    date in brackets (GB/T 9704). The heading under the version head is the
    document's; its organs and date are read from it."""
    x = extract(HUZHOU)
    assert x.identity.number == "湖委发〔2018〕20号"
    assert [a.name for a in x.identity.issuers] == ["中国共产党湖州市委员会", "湖州市人民政府"]
    assert x.area.name == "湖州市"
    assert x.date is not None and x.date.isoformat() == "2018-07-02"


@pytest.mark.parametrize("text,date", [
    # a date in brackets under the title or number (湖州 above; 深圳 办公厅's notice in a mirror, wild HI005)
    ("名 稱:深圳市人民政府辦公廳關於我市老年人享受敬老優惠待遇的通知\n發布機構:龍崗區\n文 號:\n深府辦〔2000〕47號\n"
     "(2000年5月17日)\n各區人民政府,市政府直屬各有關單位:\n為弘揚中華民族尊老敬老的傳統美德,經市政府同意,決定對我市老年人"
     "給予享受敬老優惠待遇。", "2000-05-17"),
    # …or after the number in its brackets, as a gazette prints both (宁夏 办公厅's two notices)
    ("宁夏回族自治区人民政府办公厅关于严肃民生计划新闻发布纪律的通知\n(宁政办发[2010]9号 2010年1月14日)\n自治区政府各部门、直属机构:\n"
     "民生计划是自治区党委、政府决定实施的一项重大的民心工程。\n", "2010-01-14"),
    ("宁夏回族自治区人民政府办公厅关于印发\n《宁夏回族自治区人民政府公文格式规定》的通知\n(宁政办发〔2001〕99号 2001年5月29日)\n"
     "固原行署,各市、县(区)人民政府,自治区政府各部门、直属机构:\n", "2001-05-29"),
    # …or a law database's line of date and organ under the repeated title (最高人民法院's 复函; 铁道部's 办法)
    ("最高人民法院关于水路货物运输中索赔期问题的复函\n\n最高人民法院\n\n\n最高人民法院关于水路货物运输中索赔期问题的复函\n\n"
     "1988年12月8日,最高人民法院\n\n广东省高级人民法院:\n你院粤法经行字〔1988〕第294号请示报告收悉。\n", "1988-12-08"),
    ("最高人民法院关于确认和处理无效经济合同采用何种法律文书问题的批复\n\n最高人民法院\n\n\n"
     "最高人民法院关于确认和处理无效经济合同采用何种法律文书问题的批复\n\n1990年1月20日,最高人民法院\n\n\n内蒙古自治区高级人民法院:\n",
     "1990-01-20"),
    # negative: a date in brackets in the body is no heading's
    ("关于开展敬老月活动的通知\n各乡镇:\n现将有关事项通知如下。\n一、活动时间\n(2023年10月1日)\n", None),
])
def test_the_date_in_brackets_under_the_heading(text, date):
    found = extract(text).date
    assert (found.isoformat() if found else None) == date


@pytest.mark.parametrize("text,area", [
    # a 细则 cut before its heading names its own area in its production clause (瑞丽; 陇川, wild HR001)
    ("第一条 为深化殡葬改革,加强殡葬管理,规范殡葬行为,促进社会主义精神文明和生态文明建设,根据《国务院殡葬管理条例》《云南省殡葬"
     "管理条例》《云南省公墓管理规定》《德宏州全面深化殡葬改革实施意见》等规定,结合瑞丽市实际情况,特制定本实施细则。\n"
     "第二条 本细则适用于本市行政区域内的所有殡葬活动及其管理。", "瑞丽市"),
    # a central organ's addressees (文化部办公厅's notice on a repost that lists the cities it names,
    # 北京市 first; its first 500 characters; 民政部's and 国家卫健委's notices address the provinces so too)
    ('第一批国家文化消费试点城市\n\n更新时间:2022-07-15 14:39\n\n第一批国家文化消费试点城市由文化部办公厅于2016年6月23日公'
     '布。\n\n公布通知\n\n各省、自治区、直辖市文化厅(局),新疆生产建设兵团文化广播电视局:\n\n根据《文化部财政部关于开展引导城乡居民扩大文化消费'
     '试点工作的通知》(文产发〔2016〕6号)要求,在各省(区、市)积极申报的基础上,根据文化部文化产业专家委员会评审意见,经商财政部研究确定第'
     '一批国家文化消费试点城市名单(第一次),现予以公布。\n\n请各省(区、市)文化厅(局)牵头组织本省(区、市)试点工作,督促试点城市认真落实试点'
     '工作方案,切实加强对试点工作的组织领导,做好资金、激励措施、宣传推广等保障工作,确保试点工作取得实效。\n\n特此通知。\n\n附件:第一批国家文化'
     '消费试点城市名单(第一次)\n\n文化部办公厅\n\n2016年6月23日\n\n详细名单\n\n第一批国家文化消费试点城市名单(第一次)\n\n1. 北京市\n'
     '\n2. 天津市\n\n3. 河北省石家庄市\n\n4. 内蒙古自治区鄂尔多斯市\n\n5. 辽宁省沈阳市\n\n6. 吉林省长春市\n\n7. 黑龙江省哈尔滨市'
     '\n\n8. 上海市\n\n', "中华人民共和国"),
    # an autonomous county by its customary name, as its organs sign (金平县民政局)
    ("金平县民政局关于对政协金平县十一届四次会议第15号提案的答复\n\n来源:金平县民政局 发布日期:2025-12-24 浏览次数:\n\n"
     "金民政函〔2025〕36号\n\n李俊委员:\n", "金平苗族瑶族傣族自治县"),
    # a title that names no issuer but its subject's place after 关于 (泽库 公告, which cites its province's
    # 财政厅 first); a title with its issuer is of the issuer's area (国务院's 批复 on 桂林)
    ("关于泽库县2023年第二批中央财政衔接推进乡村振兴补助资金分配计划的公告\n社会各界广大人民群众:\n根据青海省财政厅《关于下达2023年"
     "中央财政衔接推进乡村振兴补助资金的通知》(青财农字〔2023〕505号)文件,乡村振兴衔接补助资金围绕乡村产业发展。\n", "泽库县"),
    ("国务院关于同意广西壮族自治区桂林市和桂林地区合并的批复\n广西壮族自治区人民政府:\n你区《关于广西桂林市和桂林地区合并的请示》"
     "收悉。现批复如下:\n", "中华人民共和国"),
])
def test_a_page_names_its_own_area(text, area):
    assert area_name(text) == area


@pytest.mark.parametrize("text,area", [
    # a news lead whose clause opens with a place named in full, its subject (正阳 news; 武城 news
    # after a scene-setting clause; 西城区残联's meeting)
    ("全媒体记者 马军领 通讯员 张群生\n近年来, 正阳县不断完善社会救助工作机制, 增强社会救助服务能力, 实现了社会救助规范化、 "
     "精准化。\n该县民政部门牵头,各乡镇(街道)配合,建立了社会救助对象主动发现机制。", "正阳县"),
    ("用心守护养老“钱袋子” 德州武城综合施策打击整治养老诈骗\n\n2022-08-19 19:46:00 来源:大众网 作者:武红鹏\n\n"
     "  大众网·海报新闻记者 武红鹏 通讯员 于宁 王丁 文秀英 德州报道\n\n  近期,为确保打击整治养老诈骗专项行动取得实效,"
     "提升广大老年群众反诈意识,德州市武城县各部门、各行业领域充分发挥行业力量,凝聚行业合力。", "武城县"),
    ("5月9日,西城区残联召开康复工作会,传达中残联《关于填报<残疾人康复需求调查表>的通知》文件精神并部署落实,"
     "全区15个街道残联理事长和康复工作干部共30余人参加会议。", "西城区"),
    # negatives: a place after a verb, or a short name (香港长者…在桂平市举行); the first of a counted list
    # (国家卫健委's 安宁疗护 pilots); an institution (南谯 mirror's 社区老年食堂); a medium (福州日报)
    ("4月22日,香港长者广西旅居康养首发团欢迎活动在桂平市举行。", None),
    ("2023年7月12日国家卫生健康委办公厅印发《关于开展第三批安宁疗护试点工作的通知》,确定天津市南开区等61个市(区)为第三批"
     "国家安宁疗护试点市(区)。", None),
    ("中午时分,南谯区龙蟠南苑社区老年食堂内热气腾腾、饭菜飘香。", None),
    ("鼓楼10街镇成立居家养老服务中心\n2010-02-05 08:08 来源:福州日报\n记者3日了解到,该区10个街镇均成立了居家养老服务中心。", None),
])
def test_a_news_lead_opening_with_a_place_is_of_that_place(text, area):
    assert area_name(text) == area


@pytest.mark.parametrize("text,issuers", [
    # a notice cut before its heading names its organ by level as the one that decides (延安 市政府's
    # 联席会议 notice, wild HM004; 麻阳 县减灾委员会's 应急响应 notice, an organ no table holds)
    ("各县(市、区)人民政府,市人民政府各工作部门、各直属机构:\n为深入贯彻落实党中央、国务院关于实施积极应对人口老龄化国家战略的"
     "决策部署,强化统筹协调,形成工作合力,推动我市养老事业高质量发展,按照《陕西省养老服务条例》要求,市政府决定建立延安市养老服务"
     "联席会议制度。现将有关事项通知如下:\n一、主要职能\n", ["延安市人民政府"]),
    ("各乡镇(铜矿管理处)、县减灾委成员单位:\n我县已进入主汛期,最近24小时全县普降暴雨到大暴雨。根据气候趋势预测和地质灾害风险"
     "研判,我县仍为降雨集中时段,地质灾害风险很大。按照《麻阳苗族自治县突发性地质灾害应急预案(试行)》,县减灾委员会决定于6月19日"
     "12时启动地质灾害三级应急响应。\n", ["麻阳苗族自治县减灾委员会"]),
    # negatives: another organ decided (经市政府研究决定; 根据市政府决定), and the writer is not named
    ("各镇(街道):\n为推进养老服务发展,结合延安市实际,经市政府研究决定,现将有关事项通知如下:\n", []),
    ("各镇(街道):\n根据市政府决定,延安市将开展养老机构安全检查,现将有关事项通知如下:\n", []),
])
def test_the_organ_that_decides_in_a_notice_cut_before_its_heading(text, issuers):
    assert [a.name for a in extract(text).identity.issuers] == issuers


@pytest.mark.parametrize("text,issuers", [
    # a city's site that reposts its province's notice names itself 发布机构 and the province's organ
    # 来源 (宣城 民政局's portal, twice, over 安徽 民政厅's 皖民养老函): the notice is the 来源's; a
    # district's government publishing its own 民政局's measure keeps the 发布机构 (埇桥)
    ("您现在所在的位置: 网站首页> 市民政局> 应急管理> 应急预案\n索引号: 11341700003244799H/202210-00109 组配分类: 应急预案\n"
     "发布机构: 宣城市民政局 主题分类: 民政、扶贫、救灾\n名称: 关于印发《养老机构突发事件应急预案》的通知 文号: 皖民养老函〔2022〕256号\n"
     "发布日期: 2022-10-29\n关于印发《养老机构突发事件应急预案》的通知\n发布时间:2022-10-29 09:14 来源:安徽省民政厅 浏览次数: 字体:[ ]\n\n"
     "各市民政局:\n\n现将《养老机构突发事件应急预案》印发给你们,请结合实际参照执行。\n", ["安徽省民政厅"]),
    ("您的位置:首页> 宿州市埇桥区人民政府 > 养老服务领域 > 服务质量管理信息\n发文日期: 2025-11-27 17:49:05\n"
     "发布机构: 宿州市埇桥区人民政府 文  号:\n名  称: 埇桥区老年人状况统计调查和发布制度\n\n埇桥区老年人状况统计调查和发布制度\n\n"
     "文章来源: 宿州市埇桥区民政局 浏览量: 发表时间:2025-11-27 17:49\n第一条 为全面掌握全区老年人状况,制定本制度。\n",
     ["宿州市埇桥区人民政府"]),
])
def test_a_repost_is_the_document_of_the_higher_organ_it_names_as_source(text, issuers):
    assert [a.name for a in extract(text).identity.issuers] == issuers


@pytest.mark.parametrize("text,issuers", [
    # a site's welcome above a document names the organ that posts it (赤壁 文旅局's reply; the same line
    # opens 泸州 江阳区政府's and 莒南县政府's portals)
    ("欢迎访问赤壁市文化和旅游局 返回赤壁政府首页\n\n对赤壁市政协十届二次会议第35号提案的答复\n\n发布时间:2023-11-14打印文章\n\n"
     "钱红平委员:\n\n您提出的关于突出特色文化优势,不断塑造城市文化品牌的建议收悉。现答复如下:\n\n关于“进行文化定位”的建议。"
     "今年来,我局圆满完成文化和旅游部艺术司副司长张宜带领长江主题交响组曲创作采风团来赤壁市创作采风活动。\n",
     ["赤壁市文化和旅游局"]),
    # negative: a site that is no organ (民生内参's repost of 西藏's 措施)
    ("欢迎访问民生内参!\n当前所在:首页 > 法制在线\n\n西藏出台15条新措施推进养老服务\n\n来源:西藏长安网 作者:佚名时间:2022-06-29\n\n"
     "  根据国务院办公厅《关于推进养老服务发展的意见》,近日,自治区人民政府办公厅印发《关于推进养老服务高质量发展的若干措施》。\n",
     []),
])
def test_a_sites_welcome_names_the_organ_that_posts_a_document(text, issuers):
    assert [a.name for a in extract(text).identity.issuers] == issuers


@pytest.mark.parametrize("text,issuers", [
    # before 关于 the genre names issuers: an organ of that shape no table holds is one (吉林 市场监管厅's
    # 通告; 内蒙古 农牧厅's notice, wild HX009)
    ("当前位置:首页 > 监管 > 食品抽检\n\n吉林省市场监督管理厅关于食品不合格情况的通告(2024年第5期)\n\n发布时间:2024-04-11 11:07:00\n\n"
     "吉林省市场监督管理厅近期组织抽检15类食品311批次样品。\n", ["吉林省市场监督管理厅"]),
    ("内蒙古自治区农牧厅关于印发《内蒙古自治区农牧厅中央预算内直接投资农业建设项目实施细则》的通知\n发布日期:2025-10-27 09:45\n"
     "各盟市农牧局,相关单位:\n  为进一步加强和规范中央预算内投资农业建设项目管理,现印发给你们,请遵照执行。\n", ["内蒙古自治区农牧厅"]),
])
def test_an_organ_no_table_holds_before_about_is_the_issuer(text, issuers):
    assert [a.name for a in extract(text).identity.issuers] == issuers


@pytest.mark.parametrize("text,issuers,area", [
    # a 来源 that names a street's office (天津 北辰 集贤里街道's report; 集贤 is also 黑龙江's 集贤县)
    ("消防安全专项整治三年行动 集贤里街道工作进展情况\n\n发布日期:2021-02-25 09:59 来源:集贤里街道办事处\n字号\n\n"
     "按照《北辰区集贤里街道安全生产专项整治三年行动计划》要求,现将集贤里街消防安全专项整治三年行动工作进展情况报告如下:\n",
     ["天津市北辰区集贤里街道办事处"], "集贤里街道"),
])
def test_a_source_that_names_a_streets_office(text, issuers, area):
    x = extract(text)
    assert [a.name for a in x.identity.issuers] == issuers
    assert x.area is not None and x.area.name == area


@pytest.mark.parametrize("text,issuers,area", [
    # 我市 with a document of that city in its sentence: the page's own city, not the first
    # city it names (the province's pilot 武汉市 in 天门's reply; 金华市's notice in 义乌's)
    ("网友“龙龙”\n我国的高龄津贴制度还未统一制定,民政部鼓励有条件的地方建立困难老人、高龄老人津贴制度。目前已有北京、天津"
     "等省(区、市)出台了高龄津(补)贴政策,我省现在只在武汉市试点发放高龄老人津贴,武汉市农村80岁以上的生活困难老人每人每月50元。"
     "我市只对百岁以上老人给予长寿保健生活补助,根据《天门市老年优待实施办法》(天政发[2008]16号)文件精神,百岁老人享受每月200元的"
     "保健补贴。\n市民政局\n二〇一一年三月十六日\n2011-3-16 17:03", ["天门市民政局"], "天门市"),
    ("发布时间:2024-06-14 14:48\n访问次数:\n陈代表:\n您好,您提出的关于完善养老机构从业人员岗位津贴的建议已收悉。对此提案我局"
     "高度重视,现将办理情况答复如下:\n二是新增护理员岗位津贴制度。关于根据《浙江省人民政府办公厅关于加快建设基本养老服务体系的实施意见》"
     "(浙政办发〔2022〕71号)和《金华市民政局 金华市财政局关于印发金华市区基本养老服务补助实施办法的通知》(金市民〔2023〕55号)"
     "等有关文件精神,为提高养老护理人员待遇水平,我市出台《义乌市民政局 义乌市财政局关于印发义乌市养老护理员特殊岗位津贴补助办法"
     "的通知》明确,对经民政部门备案的养老服务机构中实际从事一线养老护理工作的人员", ["义乌市民政局"], "义乌市"),
    # negative: a district's news (我区) reporting its city's plan (结合我市实际…制定了《常州市…》, shared A18)
    ("您当前的位置:首页>>新闻中心>>部门动态>>医保分局>>内容\n1月4日是钟楼区政务服务中心搬入新址后第一个工作日,也是我区长期"
     "护理保险业务受理的第一天。\n据了解,根据《关于开展长期护理保险试点的实施意见》(常政办发〔2018〕116号)等有关规定和要求,"
     "结合我市实际,在武进区探索实践先行试点的基础上,制定了《常州市全面开展长期护理保险制度试点的实施方案》(常政办发〔2021〕71号)。",
     [], "钟楼区"),
])
def test_my_city_is_the_one_whose_document_its_sentence_names(text, issuers, area):
    x = extract(text)
    assert [a.name for a in x.identity.issuers] == issuers
    assert x.area is not None and x.area.name == area


@pytest.mark.parametrize("text,issuers,date", [
    # a template's bullets without labels under the title: organ, number, index number, timestamp
    # (富源 民政局's reply; 廊坊 民政局's consultation)
    ("无障碍浏览 长者专版\n\n富源县民政局对富源县人大第十七届五次会议 第101号建议的答复\n\n  • 富源县民政局\n"
     "  • 富民复〔2021〕17号\n  • 015158708/2022-07268\n  • 2021-08-04 18:08\n\n易权兵代表:\n\n"
     "你们提出的《关于持续推进殡葬改革的建议》收悉,现答复如下:\n", ["富源县民政局"], "2021-08-04"),
    ("欢迎您访问廊坊民政网!\n2017年10月18日  星期三 进入后台\n您当前的位置是:首页 --> 民政资讯 --> 通知公告\n\n"
     "关于加强和完善城乡社区治理的实施意见(征求意见稿)\n\n  • 2017年06月08日\n  • 廊坊市民政局\n\n"
     "      为全面提升我市城乡社区治理法治化、科学化、制度化、精细化和组织化水平,结合我市实际,市民政局代市委、市政府起草了"
     "关于加强和完善城乡社区治理的实施意见。\n", ["廊坊市民政局"], "2017-06-08"),
])
def test_bullets_without_labels_under_the_title(text, issuers, date):
    x = extract(text)
    assert [a.name for a in x.identity.issuers] == issuers
    assert [str(f.value) for f in x.facts if f.name == "publication_date"] == [date]


def test_bullets_with_a_category_s_cells_among_them():
    """铜梁 农业农村委's reply: its bullets hold two category cells (其他) among
    the index number, the number, the organ, the validity (by its form) and
    the dates; the cells are skipped, the rest read."""
    fields, _ = find_portal(
        "您当前的位置:首页>政务公开>法定主动公开内容>其他法定主动公开内容>人大代表建议办理\n\n"
        "  • 11500224745325555K/2024-00083\n  • 铜农委函〔2024〕61号\n  • 其他\n  • 其他\n  • 铜梁区农业农村委\n  • 有效\n"
        "  • 2024-06-26\n  • 2024-06-26\n\n重庆市铜梁区农业农村委员会关于区第十八届人民代表大会第四次会议第91号建议的复函\n")
    assert [(f.field, f.value) for f in fields if f.field != "date_publication"] == [
        ("index_number", "11500224745325555K/2024-00083"), ("number", "铜农委函〔2024〕61号"),
        ("source", "铜梁区农业农村委"), ("validity", "有效")]


def test_a_reading_that_opens_with_what_it_explains_cites_it():
    """永嘉's 解读 opens 出台了《X》(N,以下简称…),现就…解读如下: — a sentence of
    the body, not an addressee line, so X is cited (the page's first 400 characters)."""
    text = ('信息公开元数据\n|\n||||||||||||||||\n2017年5月5日,县政府办公室出台了《永嘉县人民政府办公室关于加强农村留守儿童关爱保护工作的实施意见》(永政办发〔2017〕'
            '25号,以下简称《实施意见》),现就有关政策情况解读如下: 一、出台背景 为贯彻落实国务院、省、市关于加强农村留守儿童关爱保护工作的决策部署,加强农村留守儿童关爱和帮扶力度,加快构'
            '建“家庭尽责、政府主导、部门联动、群团协同、社会参与”的农村留守儿童关爱保护体系,强化家庭监护主体责任,逐步减少留守儿童现象,确保农村留守儿童安全、健康、教育等权益得到有效保障。根'
            '据《国务院关于加强农村留守儿童关爱保护工作的意见》(国发〔2016〕13号)、《浙江省人民政府办公厅关于加强农村留守儿童关爱保护工作的实施意见》(浙政办发〔2016〕50号)等文件'
            '精神,结合我县实际出台《实施意见》。 二、主要依据 1.《国务院关于加强农村留守')
    assert "永政办发〔2017〕25号" in [c.target.number for c in extract(text).citations]


@pytest.mark.parametrize("text,issuers", [
    # a title without 关于 whose issuer stands before the year or the 《》 of its subject (GB/T 9704's
    # 发文机关名称 + 事由 + 文种): 高台 残联's 实施方案 on a document site, 临洮 残联's 解读 on its county's portal
    ("高残联发〔2023〕6号高台县残疾人联合会2023年困难重度残疾人家庭无障碍改造工作实施方案.docx\n"
     "高台县残疾人联合会2023年困难重度残疾人家庭无障碍改造工作实施方案\n为切实做好困难重度残疾人家庭无障碍改造工作,制定本方案。\n",
     ["高台县残疾人联合会"]),
    ("首页\n>政务公开>政府信息公开目录>政策解读\n号: LT002/2023-03870 信息分类: 政策解读\n文件编号: 发文日期: 2023-06-02\n"
     "临洮县残疾人联合会《2023年困难重度残疾人家庭无障碍改造实施方案》政策解读\n一、制定背景\n", ["临洮县残疾人联合会"]),
    # the site's organ on the line above a title that names its own issuers is no part of it (东山 portal)
    ("东山县人民政府\n东山县人力资源和社会保障局 东山县财政局关于2020年提高我县城乡居民基本养老保险基础养老金标准的通知\n"
     "2020-12-04 17:52 来源:东山县人社局\n\n各镇人民政府:\n\n为贯彻落实文件精神,进一步提高我县城乡居民基本养老保险待遇。\n",
     ["东山县人力资源和社会保障局", "东山县财政局"]),
    # a reply's title names its organ before 对 (弥勒 工商信局's reply, its portal writing the short name;
    # 兴安盟 文旅体局's reply under its 建议提案办理 column)
    ("- 索引号000014348/2020-04273\n- 发布机构弥勒市工商信局\n- 文号弥工商信函〔2020〕01号\n- 发布日期2020-12-01\n"
     "- 有效性有效\n弥勒市工业商务和信息化局对市第二届人大第五次会议第40号建议的答复\n陈艳代表:\n"
     "你们在弥勒市第二届人大第五次会议提出的《关于加强西一镇长冲村委会手机网络覆盖建设的建议》的第40号建议,"
     "已转交我局研究办理,现将办理情况答复如下:\n", ["弥勒市工业商务和信息化局"]),
    ("建议提案办理\n\n兴安盟文化旅游体育局对盟政协 第十届三次会议第0253号提案的答复\n\n来源:办公室\n",
     ["兴安盟文化旅游体育局"]),
])
def test_a_titles_own_issuers(text, issuers):
    assert issuer_names(text) == issuers


def test_a_county_short_name_inside_a_citys_name_is_no_county():
    """天津市住房城乡建设委: 津市 (津市市, 湖南) ends inside 天津市, and 住房城乡 is no
    township; the page is 天津's (its first 500 characters)."""
    text = ('城市更新重大进展!天津市城镇老旧小区更新改造征求意见稿发布\n导读:近日,天津市住房城乡建设委发布关于向社会公开征求《天津市城镇老旧小区更新改造工作方案(征求意见'
            '稿)》意见的公告。公告指出,城镇老旧小区更新改造包括城镇老旧小区改造和城镇老旧房屋更新。\n近日,天津市住房城乡建设委发布关于向社会公开征求《天津市城镇老旧小区更'
            '新改造工作方案(征求意见稿)》意见的公告。\n公告指出,城镇老旧小区更新改造包括城镇老旧小区改造和城镇老旧房屋更新。\n全市2020年城镇老旧小区改造新开工49个、'
            '256万平方米、3.2万户。到“十四五”期末,力争基本完成2000年底前建成的城镇老旧小区改造任务,改造内容包括基础类、完善类、提升类3类。\n我市城镇老旧房屋更'
            '新工作是针对非成套等功能设施不全的老旧房屋,结合我市实际,创新运用城市更新理念,通过“保护、提升、重建”等方式,在保护历史文化和城市风貌的同时,进行成套化改造,'
            '完善功能设施,改善人居环境。\n天津市城镇老旧小区更新改造工作方案\n(征求意见稿)\n一、总体要求\n1. 坚持以人为本,把握改造重点。以增加人民福祉为目的,从人民最'
            '关心最直接最现实的利益问题入手,聚焦群众')
    assert area_name(text) == "天津市"


@pytest.mark.parametrize("text,unbound", [
    # an issuer by level word on a page that never names its area (瓯海 portal's 发布单位; a county's
    # news item closing with its bureau), or by a name two districts bear (普陀区: 上海's and 舟山's)
    ("  • 索 引 号:001008003012007/2022-48586\n  • 文件编号:\n  • 主题分类:养老机构备案信息\n  • 发布单位:区民政局\n"
     "  • 成文日期:2022-05-31\n  • 公开方式:主动公开\n\n关于组织开展养老服务领域防范诈骗和非法集资集中宣传活动的通知\n\n"
     "发布日期:2022-05-31 10:06 访问次数: 来源:区民政局\n\n各镇街社会事务办:\n", [("区民政局", "county")]),
    ("本报讯 为保障城乡困难居民基本生活, 6月2日至4日,县民政局分四批召开全县2021年城乡低保特困人员提标工作会议。\n"
     "会议还对养老机构安全生产工作提出具体要求。 (县民政局)\n", [("县民政局", "county")]),
    ("关于在“六一”儿童节期间对本区社会孤儿进行走访慰问的通知\n\n各街道办事处、镇政府:\n\n  “六一”儿童节即将来临,"
     "各街道、镇社保科要组织人员对辖区内的社会孤儿进行一次走访慰问,发放慰问金每人100元。\n\n \n\n 普陀区民政局\n\n"
     "  二○○七年五月二十八日\n", [("普陀区民政局", "county")]),
    # a township's government named in full over the date that signs a reply, its county never named
    # (宜城 峨山镇; 赤壁 神山镇): GB/T 2260 ends at the county, so it is kept as written
    ("xx委员:\n您提出的“关于增设路灯的建议”的提案收悉,现答复如下:\n首先感谢您对镇域建设工作的关心和指导。\n"
     "针对该路段道路亮化提升工作,下一步将做好调研报告。我镇将积极筹集、协调资金,因地制宜的开展相关工作。\n"
     "峨山镇人民政府\n2025年12月11日", [("峨山镇人民政府", "township")]),
    ("龚程代表:\n您提出的关于大桥至熊岭农村公路改造刷黑的建议收悉,现答复如下:\n加大农村公路建设,改善道路通行条件是我镇坚持抓的"
     "重点工作。\n希望以后多提宝贵意见,以利我们改进工作。\n神山镇人民政府\n2023年9月15日", [("神山镇人民政府", "township")]),
    # a township that names itself alone as the source, where several bear its name and no county
    # is named (炎陵县 portal's 下村乡; 钱塘区 portal's 白杨街道); its office where a field names it
    # (华庄街道's 发布机构 under its 发布部门)
    ("下村乡临时救助有温情,雪中送炭暖人心\n\n信息来源:下村乡   作者:杨禹根\n\n浏览次数: 发布时间:2021-12-21 15:11\n",
     [("下村乡", "township")]),
    ("白杨街道2022年工作总结及2023年工作思路\n发布日期:2023-01-12 17:22 信息来源:白杨街道\n", [("白杨街道", "township")]),
    ("华庄街道2022年工作总结\n\n发布时间:2023-01-17 15:00     发布部门:华庄街道     阅读次数:\n\n"
     "索引号 MB1670946/2023-00023 生成日期 2023-01-17 公开日期 2023-01-17\n文件编号 发布机构 华庄街道办事处 效力状况 有效\n",
     [("华庄街道办事处", "township")]),
    # negatives: a page whose area is known binds the same words; a bare organ names no level
    ("威海市环翠区人民政府关于养老服务的通知\n各镇人民政府:\n现将有关事项通知如下。\n区民政局\n2022年3月1日\n", []),
    ("关于开展养老服务宣传的通知\n来源:民政局\n各街道:\n现将有关事项通知如下。\n", []),
])
def test_an_issuer_of_an_unknown_area_is_kept_as_written(text, unbound):
    x = extract(text)
    assert [(f.value.text, f.value.level) for f in x.facts if f.name == "unbound_issuer"] == unbound
    assert not (unbound and x.identity.issuers)


@pytest.mark.parametrize("name,level", [
    ("峨山镇人民政府", "township"), ("黄牛铺镇人民政府", "township"),
    # negative: the collective the wild set's addressee lines name (各乡镇人民政府, 各县(区)人民政府:)
    ("各乡镇人民政府", None),
])
def test_a_township_organ_of_no_known_county(name, level):
    from kg.extract.agency_mentions import unbound_organ
    from kg.models import Span
    found = unbound_organ(name, Span(0, len(name)))
    assert (found.level if found else None) == level


def test_an_issuer_of_an_unknown_area_in_the_graph(tmp_path_factory):
    """普陀区民政局 signs a notice that names neither 上海 nor 舟山: the graph keeps it
    as a pol:UnboundAgency by pol:unboundIssuer, labelled as written, and the
    graph conforms to the shapes."""
    from conftest import build_texts, select
    from kg.rdf import iri
    from kg.rdf.shacl import validate
    from kg.store.database import load_dataset, load_graph
    out = build_texts(tmp_path_factory, "putuo", {"putuo.txt": (
        "关于在“六一”儿童节期间对本区社会孤儿进行走访慰问的通知\n\n各街道办事处、镇政府:\n\n  “六一”儿童节即将来临,"
        "各街道、镇社保科要组织人员对辖区内的社会孤儿进行一次走访慰问。\n\n 普陀区民政局\n\n  二○○七年五月二十八日\n")})
    assert select(load_graph(out), """SELECT ?label ?level WHERE {
        ?d pol:unboundIssuer ?a . ?a a pol:UnboundAgency ; skos:prefLabel ?label ; pol:level ?level }""") == [
        ("普陀区民政局", str(iri.level("county")))]
    result = validate(load_dataset(out / "graph.trig"))
    assert result.conforms, result.report


@pytest.mark.parametrize("text,title,issuers", [
    # a 地区's or 盟's government is its 行政公署 (行署), and so it signs (阿里 地区, 兴安盟)
    ("阿里地区行政公署关于印发《阿里地区行政公署工作规则》的通知\n发布时间:2021-12-22 17:45 浏览次数:\n"
     "各县人民政府,行署各局、委、办、处:\n《阿里地区行政公署工作规则》已经地委、行署研究通过,现印发给你们,请认真贯彻执行。\n"
     "阿里地区行政公署\n2021年11月9日\n",
     "阿里地区行政公署关于印发《阿里地区行政公署工作规则》的通知", ["阿里地区行政公署"]),
    # a portal's widgets on lines of their own above the title (青浦 portal: 返回上一级 / 字号 / 打印)
    ("返回上一级\n\n字号\n\n打印\n\n六届四次第109号代表建议的答复\n\n主动公开\n\n2024.11.29\n\n"
     "金红代表提出的“关于上级部门协同推进违法用地处置工作”的建议。\n", "六届四次第109号代表建议的答复", []),
    # a title broken after 关于印发 goes on on the next line (修水 县政府办公室; 大连 民政局's 关于印发 / 《…》的通知)
    ("修水县人民政府办公室关于印发\n修水县处置重大森林火灾应急预案的通知\n各乡镇人民政府,县政府各部门,县直各单位:\n"
     "《修水县处置重大森林火灾应急预案》已经县人民政府同意,现印发给你们,请认真组织实施。\n二〇〇八年四月三日\n",
     "修水县人民政府办公室关于印发修水县处置重大森林火灾应急预案的通知", ["修水县人民政府办公室"]),
])
def test_heads_of_other_organs_and_widgets(text, title, issuers):
    x = extract(text)
    assert x.identity.title == title
    assert [a.name for a in x.identity.issuers] == issuers


def test_metadata_glued_to_its_labels_is_no_title():
    """安徽 交通运输厅 党组's page: labels glued to their values, no colon
    (效力级别地方党内规范性文件): each is a field, none the title."""
    fields, _ = find_portal("发文机关中共安徽省交通运输厅党组\n发文日期2021年12月21日\n时效性现行有效\n"
                            "发文字号皖交发〔2021〕63号\n施行日期2021年12月21日\n效力级别地方党内规范性文件\n")
    assert {f.field: f.value for f in fields}.get("legal_rank") == "地方党内规范性文件"


@pytest.mark.parametrize("text,issuers,area", [
    # a provincial government's 国资委 written with 政府 (青海省政府国资委 signs its notice)
    ("发文标题: 青海省政府国资委关于印发《青海省政府国资委监管企业投资监督管理办法》的通知\n各监管企业:\n"
     "  《青海省政府国资委监管企业投资监督管理办法》已经省国资委2024年第四次委务会会议审议通过,现印发给你们,请认真遵照执行。\n"
     "  青海省政府国资委\n  2024年5月15日\n", ["青海省国有资产监督管理委员会"], "青海省"),
    # a portal's 发布机构 that is an organ by its kind (公安局), not 公安县's (秦皇岛 portal)
    ("对秦皇岛市第十四届人民代表大会 第四次会议第79号建议的答复\n发布时间:2019-09-20 发布机构:公安局 字体:[ 大 中 小]\n"
     "体裁分类:建议提案办理结果 主题分类:公安、安全、司法 文号: 索引号:000357835/2020-157\n对秦皇岛市第十四届人民代表大会\n"
     "第四次会议第79号建议的答复\n公严春代表:\n您提出的“关于加强市区禁止摩托车驶入管理的建议”收悉,现答复如下:\n",
     ["秦皇岛市公安局"], "秦皇岛市"),
    # a county's 气象局 (a vertical organ) as the reply's 承办单位 (清原 满族自治县)
    ("2020年清原满族自治县七届人大三次会议《关于县气象局每日天气预报增加农民话题栏目的建议》(47号)的答复\n\n尊敬的韩振海代表:\n\n"
     "  您好!收到建议后,清原县气象局就此召开局务工作会议。县农业农村局为我局提供了部分农业技术书籍。\n\n"
     "                      承办单位:清原县气象局\n\n                       2020年6月10日\n",
     ["清原满族自治县气象局"], "清原满族自治县"),
])
def test_organs_of_other_policy_areas(text, issuers, area):
    assert issuer_names(text) == issuers
    assert area_name(text) == area



def test_a_page_of_one_line_is_read_in_the_pieces_its_spaces_leave():
    """广州 办公厅's notice on a law site, the whole page, one line of 281 characters: title,
    addressees, body and date set apart by spaces alone, as on the long
    one-line pages (over 300 characters) read so before."""
    x = extract('广州市人民政府办公厅印发《办理上级信访部门交办信访大要案规定》的通知 各区、县级市人民政府,市政府各部门、各直属机构: '
                '《办理上级信访部门交办信访大要案规定》业经市人民政府同意,现印发给你们,请遵照执行。执行中遇到的问题请径向市政府办公厅信'
                '访局反映。 二○○五年十月十四日 办理上级信访部门交办信访大要案规定 为做好上级信访部门交办的信访大要案办理工作,及时妥'
                '善解决群众信访反映的问题,维护群众的合法权益,维护社会稳定,根据国务院《信访条例》和《广东省实行领导包案责任制处理信访大'
                '要案暂行办法》(粤委办(1998)124号)的规定,结合我市实际,制定本规定。 |')
    assert x.identity.title == "广州市人民政府办公厅印发《办理上级信访部门交办信访大要案规定》的通知"
    assert [a.name for a in x.identity.issuers] == ["广州市人民政府办公厅"]


@pytest.mark.parametrize("text,area_name", [
    # a publisher's field that opens with a county's name without its 县 names that county only before
    # its government's words (临湘's 来源:临湘政府网), not before a division's (新疆 文旅厅's 发文机关
    # 资源开发处: 资源 is a county of 广西; its number's 新 and its title's 自治区 place it)
    ("对临湘市政协十届二次会议第35号建议的答复\n来源:临湘政府网   日期: 2023-11-08 16:01\n浏览量:1 | | | |\n", "临湘市"),
    ("新疆维吾尔自治区文化和旅游厅\n\n政府信息公开\n\n自治区文化和旅游厅关于确定和田地区策勒县昆仑圣境等12家景区为国家4A级旅游景区的公告\n\n"
     "发布时间:2021-09-03   浏览次数:   【字体:\n\n 索 引 号  MB1620703/2021-00246  发文字号  新文旅发〔2021〕55号  公文种类 \n"
     " 发文机关  资源开发处  成文日期  2021-09-03  主题分类 \n\n根据中华人民共和国国家标准《旅游景区质量等级的划分与评定》"
     "《旅游景区质量等级管理办法》,经相关地(州、市)文化和旅游行政部门推荐,新疆维吾尔自治区文化和旅游厅按程序组织综合评定。\n",
     "新疆维吾尔自治区"),
])
def test_a_county_named_short_in_a_publisher_s_field(text, area_name):
    x = extract(text)
    assert x.area is not None and x.area.name == area_name
