"""The wild set (tests/data/wild): 3,377 real pages gathered from every province
with their sources, 3,280 of them with hand-checked gold. The set is part of
the repository, so these run everywhere.

What is held here is a floor under the reading of identity measured on it
(benchmarks/README.md keeps the figures), and the integrity of the set: every
page has its source, every gold entry its page, and gold says only what the
format allows."""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path

import pytest

from kg.lexicon.docnumber import DocNumber
from kg.pipeline.build import read_and_extract
from kg.pipeline.evaluation import evaluate
from kg.pipeline.silver import silver_flags

WILD = Path(__file__).parent / "data" / "wild"
GOLD = json.loads((WILD / "gold.json").read_text(encoding="utf-8"))["docs"]
with open(WILD / "SOURCES.tsv", encoding="utf-8") as f:
    SOURCES = list(csv.DictReader(f, delimiter="\t"))
LEVELS = {"national", "provincial", "city", "county", "township"}
KINDS = {"notice", "opinion", "plan", "measures", "reply", "regulation", "announcement", "interpretation", "other"}


def test_every_page_has_its_source_and_every_source_its_page():
    pages = {p.name for p in (WILD / "pages").glob("*.txt")}
    listed = [row["file"] for row in SOURCES]
    assert len(listed) == len(set(listed)) and set(listed) == pages
    assert len({row["url"] for row in SOURCES}) == len(SOURCES)
    for row in SOURCES:
        assert row["url"].startswith(("http://", "https://")) and row["retrieved"], row
        assert row["level"] in LEVELS and row["kind"] in KINDS, row


def test_the_set_spans_provinces_levels_and_kinds():
    assert len(SOURCES) >= 200 and len(GOLD) >= 80
    provinces = {row["province"] for row in SOURCES} - {"全国", "unknown"}
    assert len(provinces) >= 25
    assert {row["level"] for row in SOURCES} == LEVELS


@pytest.mark.parametrize("stem", sorted(GOLD))
def test_gold_entries_are_well_formed(stem):
    entry = GOLD[stem]
    assert (WILD / entry["file"]).is_file()
    assert entry["file"] == f"pages/{stem}.txt"
    if entry["self_number"] and not entry.get("self_number_unparsed"):
        assert str(DocNumber.parse(entry["self_number"]))
    if entry.get("self_number_unparsed"):
        # a form the number model does not hold (a year-first 1978 number, a 部令 numbered within its year):
        # kept as written, so that it counts as a miss, with the reason
        with pytest.raises(ValueError):
            DocNumber.parse(entry["self_number"])
    assert entry.get("level") in LEVELS | {None}
    assert all(len(d) == 10 and d[4] == "-" for d in entry.get("date") or [])


# Floors under what benchmarks/README.md measured on the clean pages of the
# set (own number, title, issuer, area, date, links, lists): a change that
# loses ground on real pages fails here.
# (date: 0.90 until HV joined, 0.88 until IA joined, whose pages list a portal's 发布日期 beside a
# signed date less often than the reader reads it; its own date, the fairer figure, holds at 0.92;
# date R 0.85 until IB joined, whose news items date themselves in their leads; P 0.86 and R 0.84
# until IC joined, whose gatherer listed a portal's date only where no signature survives; R 0.83 until
# IF and IG joined: IG's gatherer listed no date for five pages that print only a portal's, and the reader
# misses 10 of the 27 dates IF's county and township replies give; R 0.82 until IH joined, whose gatherer
# listed a news item's printed date where it gives no other, 8 of its 22 dates unread)
# (self_number: R 0.95 until IH and IJ joined; with IE, IF and IG they brought six own numbers in forms the
# number model does not hold — self_number_unparsed — and a 1993 number printed with its date in brackets;
# R 0.94 until IN joined, with two more: 宁财[社]发's bracketed division, a number whose code the page lost;
# R 0.93 until KB–KG joined: 10 of their 46 clean own numbers unread — abstracts that open with the number and
# no addressee line, a law database's 【时效性】 field holding the number, a session's 公告 serial; R 0.92 until
# KW joined: 8 of its 14 clean own numbers are 通告 and 公告 serials without a code (第11号, 〔2021〕3号), forms the
# number model does not hold — self_number_unparsed)
# (links: R 0.79 until JO and JQ joined, whose annual disclosure reports (政府信息公开条例 第五十条) list
# their bases behind 以下简称 clauses and name a report format, no rule, among them: 19 of their 55 read;
# R 0.78 until JX, JZ, KA and RI joined: work reports and task notices whose bases stand in their tasks'
# 贯彻落实 clauses, and law databases' old notices: 24 of their 61 read; R 0.77 until KP–KU joined, whose
# replies name what they rest on in passing (按照《X》要求, 根据《X》第六条) and whose task notices name
# their bases inside the tasks: 73 of their 106 read)
FLOORS = {"self_number": (0.97, 0.91), "title": (0.90, 0.86), "issuer": (0.94, 0.78), "area": (0.92, 0.84),
          "date": (0.83, 0.81), "own_date": (0.92, 0.90), "cited_numbers": (0.95, 0.90), "links": (0.93, 0.76),
          # responsibility lists and tables (#30): items of each measure's list, and lists read exactly
          # (lists: P 0.94 until RC joined, whose compound units 清丰县党委、政府 are one item to its gold;
          # agencies R 0.70 until IA joined, whose 石景山 任务分解方案 wraps its 协办单位 list over lines;
          # agencies R 0.69 and lists P 0.90, R 0.66 until RD joined, whose cell-per-line tables dropped their
          # merged cells: 25 of its 84 clean lists read, at P 0.74; agencies R 0.57 and lists P 0.85, R 0.52
          # until RE joined, whose bare brackets of units and units' lines under each task have one source
          # each: 9 of its 53 clean lists read; lists P 0.82 until 共同责任单位 read as supporting units, which
          # reads 连云港's five lists whole but for 功能板块, a body no table holds; agencies R 0.51 until RH and RI
          # joined, whose lists group tasks under X牵头的工作 headings with 协同单位 lines, or name a bureau's
          # own 科室 (办公室, 各科室): 66 of their 200 clean items read)
          "measures_responsible": (0.97, 0.48), "lists": (0.80, 0.45)}
# shared/corpus-pages (clean): the targets of #29 met there, and the floors that keep them
SHARED_PAGES = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus-pages"
SHARED_FLOORS = {"self_number": (0.95, 0.95), "title": (0.95, 0.95), "issuer": (0.95, 0.95), "area": (0.95, 0.95),
                 "date": (0.95, 0.95), "own_date": (0.95, 0.95), "cited_numbers": (0.97, 0.95),
                 "links": (0.95, 0.95)}


# tests/data/laws: whole laws and regulations as a collection sets them, with
# validity gold (#32); floors under what benchmarks/README.md measured there
LAWS = Path(__file__).parent / "data" / "laws"
LAWS_FLOORS = {"self_number": (1.00, 0.90), "title": (1.00, 1.00), "issuer": (0.95, 0.95), "area": (1.00, 0.95),
               "date": (1.00, 1.00), "entry_into_force": (1.00, 0.98), "provisional": (1.00, 1.00),
               "repeals": (1.00, 1.00), "amended_by": (1.00, 1.00)}


def _holds(gold: Path, floors: dict) -> None:
    scores = evaluate(gold, subset="clean").fields
    for name, (precision, recall) in floors.items():
        score = scores[name]
        assert score.precision >= precision and score.recall >= recall, (name, score.precision, score.recall)


def test_identity_on_the_wild_pages_holds_its_measured_floor():
    _holds(WILD / "gold.json", FLOORS)


def test_identity_and_validity_of_whole_laws_hold_their_measured_floor():
    _holds(LAWS / "gold.json", LAWS_FLOORS)


def test_identity_and_links_on_the_shared_pages_meet_the_targets():
    from conftest import present
    _holds(present(SHARED_PAGES) / "gold.json", SHARED_FLOORS)


@pytest.mark.parametrize("gold,read,same", [
    # a portal column's tag before a headline is no part of it; gatherers differ on keeping it (兴县 IV037,
    # 安贞 IH001, 文成 IA013)
    ("【时政新闻】县政府召开常务会议", "县政府召开常务会议", True),
    ("【安贞政事】安贞街道召开2023年度社区建设大会", "安贞街道召开2023年度社区建设大会", True),
    # the issuing organs before 关于, likewise (衡阳 办公室)
    ("衡阳市人民政府办公室关于印发衡阳市养老服务体系建设实施方案的通知", "关于印发衡阳市养老服务体系建设实施方案的通知", True),
    # negatives: another title, or a tag that is the whole title
    ("【时政新闻】县政府召开常务会议", "县政府召开全体会议", False),
    ("【通知】", "通知", False),
])
def test_a_title_is_scored_without_its_column_tag_or_organs(gold, read, same):
    from kg.pipeline.evaluation import _title_core
    assert (_title_core(gold) == _title_core(read)) is same


@pytest.mark.parametrize("gold,read,same", [
    # a town the gold names by itself is its government read in full (JF014 太平镇, JF029 正直镇)
    ("太平镇", "天津市滨海新区太平镇人民政府", True),
    ("正直镇", "南江县正直镇人民政府", True),
    # negatives: another organ of the town's county, another town
    ("太平镇", "天津市滨海新区民政局", False),
    ("正直镇", "南江县长赤镇人民政府", False),
])
def test_a_town_the_gold_names_is_its_government(gold, read, same):
    from kg.pipeline.evaluation import _as_gold_writes
    assert (_as_gold_writes({gold}, {read}, None) == {gold}) is same


def test_a_kind_of_page_is_scored_apart():
    """kg eval --kind: only the gold's entries of that kind (the wild set's
    regulations, clean), every field scored on them alone."""
    gold = json.loads((WILD / "gold.json").read_text(encoding="utf-8"))["docs"]
    regulations = [e for e in gold.values() if e.get("kind") == "regulation" and not e.get("damaged")]
    result = evaluate(WILD / "gold.json", subset="clean", kinds=["regulation"])
    assert result.documents == len(regulations) > 0
    assert result.fields["title"].gold == sum(1 for e in regulations if e.get("title"))


def test_a_publication_date_beside_the_own_date_is_no_miss_of_the_own_date(tmp_path):
    """上海 民政局's notice: 成文日期 2018-03-30 and a 发布日期 the gold does not
    list (it lists a document's own dates). ``date`` counts the page wrong for
    the date read beside; ``own date`` scores the document's own date alone."""
    stem = "HT029_shanghai_minzhengju_renzhizheng_zhaohu_chuangwei_fangan_tongzhi_2018"
    entry = json.loads((WILD / "gold.json").read_text(encoding="utf-8"))["docs"][stem]
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"docs": {stem: entry}}, ensure_ascii=False), encoding="utf-8")
    fields = evaluate(gold, WILD).fields
    assert (fields["date"].true_positives, fields["date"].predicted) == (0, 1)
    assert (fields["own_date"].true_positives, fields["own_date"].predicted, fields["own_date"].gold) == (1, 1, 1)


@pytest.mark.parametrize("stem,right", [
    # a township read as the page's area is the one the gold writes with its county (怀远县兰桥乡;
    # 伊金霍洛旗伊金霍洛镇): the same place
    ("JS014_huaiyuan_lanqiao_nongcun_weifang_gaizao_butie_biaozhun_2020", 1),
    ("KA034_neimenggu-yijinhuoluo-yijinhuoluozhen_zhengfu-gongzuobaogao_2023", 1),
    # (鞍山's 铁东区和平街道, the county its name shares with 四平's told by the township)
    ("JO006_liaoning_heping_zhengwugongkairi_zongjie_2025", 1),
    # negative: the county read where the gold gives its township (平乡县 for 平乡县寻召乡)
    ("JO003_hebei_xunzhao_xinxigongkai_nianbao_2024", 0),
])
def test_a_township_the_gold_writes_with_its_county_is_the_one_read(tmp_path, stem, right):
    entry = json.loads((WILD / "gold.json").read_text(encoding="utf-8"))["docs"][stem]
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"docs": {stem: entry}}, ensure_ascii=False), encoding="utf-8")
    assert evaluate(gold, WILD).fields["area"].true_positives == right


@lru_cache(maxsize=1)
def _extractions() -> tuple:
    return tuple(read_and_extract((p, WILD / "pages")) for p in sorted((WILD / "pages").glob("*.txt")))


def test_silver_checks_flag_few_pages():
    flagged = [x.document.relative_path for x in _extractions() if silver_flags(x)]
    assert len(flagged) / len(_extractions()) <= 0.05, flagged       # the target of #29


def test_no_step_of_the_reader_fails_on_a_wild_page():
    """A step that raises loses all it would have read of the page (one
    organ the table could not name at a level once dropped every
    responsibility list of 天津's 任务分解)."""
    assert [e for x in _extractions() for e in x.errors] == []


@pytest.mark.parametrize("line,unknown", [
    # labels no table knows yet: a silver flag
    ("信息种类:政策文件", True),
    ("审核通过数量:2家", True),
    # not metadata: contact lines, a list's labels, a reply's signing official, a sentence with its
    # lead-in, a place before a headline (even one two areas share), a repost's credit (wild pages)
    ("邮政编码:310006", False),
    ("牵头责任单位:县卫健委、县民政局", False),
    ("领导署名:欧阳晓波", False),
    ("存在问题:该院消控中心有资质的安保人员目前仅有4名,配比不足。", False),
    ("长沙:住宅小区需“标配”养老服务用房", False),
    ("转载:开封日报", False),
    # an order's signature and a breadcrumb are no fields (长春 令第63号; 滨海新区 国资委's portal), nor are labels
    # the portal table knows (君山区's 编稿时间, 昆都仑区's reply record)
    ("市长:宋春华", False),
    ("当前位置: 首页>国资委>新闻中心", False),
    ("编稿时间: 2021-04-01 11:07 来源: 君山区融媒体中心 浏览量:1次  字体:", False),
    ("答复日期:2023年3月20日", False),
    # a leading group's or a headquarters' members in the body, and a reply's 主管领导 (丽水 卫健委, 甘肃's
    # 实施方案, 楚雄's 预案, 太白's replies); labels the reader now reads (铜川's 公文时效; an encyclopedia's 中文名)
    ("组长:王凡(市卫生健康委党委书记、主任)", False),
    ("副组长:俞建宁 省政府副秘书长", False),
    ("指挥长:州人民政府州长", False),
    ("成员:楚雄军分区、州政府办公室、州监察局、州政府新闻办", False),
    ("主管领导:周金辉", False),
    ("公文时效: | 有效 | 发布机构: | 市政府办公室 (市金融办) |", False),
    ("• 中文名:上海市养犬管理条例", False),
    # a project's fields stay unknown (泽库's 资金分配)
    ("投资:500万元 实施单位:泽库县农牧水利和科技局", True),
])
def test_which_label_lines_are_unknown_metadata(line, unknown):
    from kg.pipeline.silver import _unknown_label
    assert _unknown_label(line) is unknown


@pytest.mark.parametrize("line,shaped", [
    # a document's title that went unread is a silver flag (黔西南 mirror of the national 公示)
    ("关于2023年全国示范性老年友好型社区拟命名名单的公示", True),
    # a numbered heading of a reply's body, a sentence that names a title (云南 医保局's replies;
    # 海口 发改委's 会办意见): no title
    ("三、关于建议内容的逐条答复", False),
    ("市九三学社提出《关于海口打造康养旅居产业目的地的建议》", False),
])
def test_which_lines_have_a_titles_shape(line, shaped):
    from kg.pipeline.silver import _has_title_shape
    assert _has_title_shape(line) is shaped


def test_the_graph_of_every_wild_page_passes_the_shapes(tmp_path):
    """Every page of the set, of every kind, built together: the graph
    conforms to ontology/shapes.ttl (a legislature's 公告 number, 兵团's area
    code, two texts of one document, one document from two portals with a
    索引号 each). The suite's slowest test (the build some 30 s, the load 30 s,
    pyshacl 75 s at 3,673 pages)."""
    from kg.pipeline.build import build
    from kg.rdf.shacl import validate
    from kg.store.database import load_dataset
    build(WILD / "pages", tmp_path / "out")
    result = validate(load_dataset(tmp_path / "out" / "graph.trig"))
    assert result.conforms, result.report[:3000]


def test_a_link_target_cited_by_title_and_number_counts_under_either(tmp_path):
    """《农村五保供养工作条例》(国务院令第456号): the gold may name the
    regulation by its title (丹凤 and 贺州 notices) or by the order's number;
    the link is one and right under either, and wrong under neither."""
    import json
    (tmp_path / "pages").mkdir()
    text = ("丹凤县农村敬老院管理办法\n第一条 根据《农村五保供养工作条例》(国务院令第456号)和"
            "《陕西省农村五保供养服务机构管理办法》,结合我县实际,制定本办法。\n")
    for stem in ("by_title", "by_number", "other"):
        (tmp_path / "pages" / f"{stem}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps({"docs": {
        "by_title": {"file": "pages/by_title.txt", "based_on": ["农村五保供养工作条例", "陕西省农村五保供养服务机构管理办法"]},
        "by_number": {"file": "pages/by_number.txt", "based_on": ["国务院令第456号", "陕西省农村五保供养服务机构管理办法"]},
        "other": {"file": "pages/other.txt", "based_on": ["国务院令第457号", "陕西省农村五保供养服务机构管理办法"]},
    }}, ensure_ascii=False), encoding="utf-8")
    score = evaluate(tmp_path / "gold.json").fields["links"]
    assert (score.true_positives, score.predicted, score.gold) == (5, 6, 6)


def test_an_order_counts_as_the_gold_writes_it_by_its_level(tmp_path):
    """(自治区人民政府令第62号) in 贺州's 实施细则: the reader names the order in
    full (广西壮族自治区人民政府令第62号), the gold as written; the same order,
    right under either, and no other region's order of that number."""
    import json
    (tmp_path / "pages").mkdir()
    text = ("贺州市农村五保供养实施细则\n第一条 根据《农村五保供养工作条例》(国务院令第456号)和"
            "《广西壮族自治区实施﹤农村五保供养工作条例﹥办法》(自治区人民政府令第62号),结合我市实际,特制定本实施细则。\n")
    for stem in ("as_written", "in_full", "other"):
        (tmp_path / "pages" / f"{stem}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps({"docs": {
        "as_written": {"file": "pages/as_written.txt", "cited_numbers": ["国务院令第456号", "自治区人民政府令第62号"]},
        "in_full": {"file": "pages/in_full.txt", "cited_numbers": ["国务院令第456号", "广西壮族自治区人民政府令第62号"]},
        "other": {"file": "pages/other.txt", "cited_numbers": ["国务院令第456号", "市人民政府令第62号"]},
    }}, ensure_ascii=False), encoding="utf-8")
    score = evaluate(tmp_path / "gold.json").fields["cited_numbers"]
    assert (score.true_positives, score.predicted, score.gold) == (5, 6, 6)


def test_a_title_counts_with_or_without_the_organs_it_opens_with(tmp_path):
    """衡阳市人民政府办公室 / 关于同意建立…的复函 (衡阳 复函; 九龙坡 notice): the
    reading joins the organ line to the title as GB/T 9704 writes it, the gold
    may keep the title line alone; a prefix that names no organ still differs."""
    text = ("衡阳市人民政府办公室\n关于同意建立衡阳市养老服务工作联席会议制度的复函\n衡政办函〔2021〕10号\n市民政局:\n"
            "你局请示收悉。经市人民政府同意,现函复如下。\n")
    score = _scored_on_one_text(tmp_path, text, "title", {
        "bare": "关于同意建立衡阳市养老服务工作联席会议制度的复函",
        "full": "衡阳市人民政府办公室关于同意建立衡阳市养老服务工作联席会议制度的复函",
        "other": "关于同意建立衡阳市养老服务工作联席会议制度的请示"})
    assert (score.true_positives, score.gold) == (2, 3)


def _scored_on_one_text(tmp_path, text: str, field: str, values: dict):
    """The score of one field of one text under several golds (stem -> the gold's value)."""
    import json
    (tmp_path / "pages").mkdir()
    for stem in values:
        (tmp_path / "pages" / f"{stem}.txt").write_text(text, encoding="utf-8")
    gold_field = {"area": "jurisdiction"}.get(field, field)
    (tmp_path / "gold.json").write_text(json.dumps({"docs": {
        stem: {"file": f"pages/{stem}.txt", gold_field: value} for stem, value in values.items()}},
        ensure_ascii=False), encoding="utf-8")
    return evaluate(tmp_path / "gold.json").fields[field]


def test_the_document_a_page_issues_or_is_is_not_a_cited_title(tmp_path):
    """关于印发《X》的通知 … 现将《X》印发给你们 (辽宁 民政厅, 广州 天河 notices) and an
    order's 《X》已经…通过，现予公布 on the page of X (天津 政府令): the graph links
    to neither as cited, so neither counts as a cited title; the document the
    page rests on does."""
    import json
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "notice.txt").write_text(
        "关于印发《辽宁省养老机构预收费监管办法》的通知\n各市民政局:\n依据《防范和处置非法集资条例》,现将《辽宁省养老机构"
        "预收费监管办法》印发给你们,请认真贯彻执行。\n", encoding="utf-8")
    (tmp_path / "pages" / "order.txt").write_text(
        "天津市养老机构管理办法\n《天津市养老机构管理办法》已于2007年5月14日经市人民政府第99次常务会议通过,现予公布,"
        "自2007年7月1日起施行。\n", encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps({"docs": {
        "notice": {"file": "pages/notice.txt", "cited_titles": ["防范和处置非法集资条例"]},
        "order": {"file": "pages/order.txt", "cited_titles": []},
    }}, ensure_ascii=False), encoding="utf-8")
    score = evaluate(tmp_path / "gold.json").fields["cited_titles"]
    assert (score.true_positives, score.predicted, score.gold) == (1, 1, 1)


def test_a_district_written_with_its_city_is_the_district(tmp_path):
    """长绿府发〔2022〕17号长春市绿园区人民政府关于征收土地预公告 (set IQ): the
    reader names the district (绿园区), the gold may write it with its city
    (长春市绿园区); a district of another city of that name is another area."""
    text = ("长绿府发〔2022〕17号长春市绿园区人民政府关于征收土地预公告\n\n发布时间:2022-11-22 13:29来源:长存市绿园区人民政府办公室\n"
            "  按照《土地管理法》《土地管理法实施条例》有关规定,长春市绿园区人民政府为实施市政公用项目建设,拟征收土地。\n")
    score = _scored_on_one_text(tmp_path, text, "area",
                                {"with_city": "长春市绿园区", "alone": "绿园区", "other_city": "吉林市绿园区"})
    assert (score.true_positives, score.gold) == (2, 3)


def test_a_township_written_with_its_county_is_the_township(tmp_path):
    """天长市新街镇 (set IV's news item of the town's 人大主席团): the reader names
    the town, the gold writes it with its county-level city."""
    text = ("您现在的位置:天长市人大>> 镇街人大>> 镇街人大>>正文内容\n\n新街镇召开人大主席团会议\n\n"
            "发布时间:2016年07月28日 【字体: 打印文章 点击数:\n\n近日,新街镇召开人大主席团会议,会议由镇人大主席马文明主持,"
            "镇党委书记周巧玲、镇长王友仁、镇人大主席团成员参加了会议,新街镇市人大代表列席了会议。\n")
    score = _scored_on_one_text(tmp_path, text, "area", {"with_county": "天长市新街镇", "alone": "新街镇"})
    assert (score.true_positives, score.gold) == (2, 2)
