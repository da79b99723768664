"""One document, one node (#31): a notice and the act it issues are one unit
for trace and coverage; an unqualified title cited without a number reaches
the document of that title in the citing area or an area above it, never a
sibling's; two areas' documents with the same unqualified title stay two.
Texts are real openings from shared/corpus-pages and the wild set, cut to
what the rule needs; the last test checks every text of ../shared."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import present, select
from kg.extract.citations import issuers_of_title
from kg.lexicon.areas import gazetteer
from kg.lexicon.docnumber import DocNumber
from kg.lexicon.issuers import resolve_code
from kg.lexicon.titles import title_key, wrapped_title
from kg.network.documents import to_networkx
from kg.network.trace import coverage, flatten, trace
from kg.pipeline.build import build
from kg.store.database import load_graph

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _network(tmp_path: Path, texts: dict[str, str]):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    build(corpus, tmp_path / "out")
    return to_networkx(load_graph(tmp_path / "out"))


def _nodes_titled(network, title: str) -> list[str]:
    return [n for n, d in network.nodes(data=True) if d.get("title") and title_key(d["title"]) == title_key(title)]


NATIONAL_NOTICE = ("国务院关于印发“十四五”国家老龄事业发展和养老服务体系规划的通知\n国发〔2021〕35号\n"
                   "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n现将《“十四五”国家老龄事业发展和养老服务体系规划》"
                   "印发给你们，请认真贯彻执行。\n国务院\n2021年11月24日\n")
CITY_PLAN = ("滁州市人民政府办公室关于印发滁州市“十四五”养老服务发展规划的通知\n各县、市、区人民政府：\n"
             "根据《“十四五”国家老龄事业发展和养老服务体系规划》等精神，结合我市实际，制定本规划。\n"
             "滁州市人民政府办公室\n2022年2月17日\n")


def test_carrying_out_the_act_a_notice_issues_counts_for_the_notice(tmp_path):
    """滁州 implements the national plan, which 国发〔2021〕35号 issues:
    coverage of the notice counts 安徽, and trace shows the plan under it."""
    network = _network(tmp_path, {"national.txt": NATIONAL_NOTICE, "chuzhou.txt": CITY_PLAN})
    anhui = next(r for r in coverage(network, "国发〔2021〕35号") if r.area == "安徽省")
    assert anhui.status == "implemented"
    assert anhui.chain[-2:] == ["《“十四五”国家老龄事业发展和养老服务体系规划》", "国发〔2021〕35号"]
    titles = [node.title for _, _, node in flatten(trace(network, "国发〔2021〕35号"))]
    assert titles[1] == "“十四五”国家老龄事业发展和养老服务体系规划"
    assert any(t and t.startswith("滁州市") for t in titles[2:])


@pytest.mark.parametrize("cited,nodes", [
    # a plan or 办法 beside a number: the act, and the 印发 notice the number names (威海 seed, 郑州 plan)
    ("《加快推进医养结合暨养老服务业转型升级实施方案》（威政办字〔2017〕82号）",
     {("威政办字〔2017〕82号", None), (None, "加快推进医养结合暨养老服务业转型升级实施方案")}),
    ("《“十四五”国家老龄事业发展和养老服务体系规划》（国发〔2021〕35号）",
     {("国发〔2021〕35号", None), (None, "“十四五”国家老龄事业发展和养老服务体系规划")}),
    # an opinion carries its own number; an order's number is the act's own
    ("《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号）",
     {("国办发〔2019〕5号", "国务院办公厅关于推进养老服务发展的意见")}),
    ("《天津市养老机构管理办法》（天津市人民政府令第110号）",
     {("天津市人民政府令第110号", "天津市养老机构管理办法")}),
])
def test_a_number_beside_an_issued_act_is_its_notice_s(cited, nodes):
    from kg.extract.document import extract_mentions
    from kg.models import SourceDocument
    from kg.read.cleaning import clean
    from kg.resolution.documents import resolve
    x = extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", f"某县养老方案\n各镇:\n根据{cited}，制定本方案。\n", "utf-8")))
    found = {(n.number, n.title) for n in resolve([x]).documents.values() if n.is_stub}
    assert found == nodes


@pytest.mark.parametrize("title,act", [
    ("西安市养老服务工作领导小组办公室关于印发“十四五”养老服务体系专项规划的通知", "“十四五”养老服务体系专项规划"),
    ("关于印发《郑州市“十四五”老龄事业发展规划》的通知", "郑州市“十四五”老龄事业发展规划"),
    ("关于转发“关于加快发展养老服务业的意见”的通知", "关于加快发展养老服务业的意见"),
])
def test_a_wrapped_act_keeps_its_own_quotes(title, act):
    assert wrapped_title(title).title == act


@pytest.mark.parametrize("title,act,relation", [
    # the verb right after the issuing organ, without 关于 (韶关, 池州, 国务院办公厅; 内蒙古, 黑龙江, 宁波)
    ("韶关市人民政府印发韶关市老年人优待办法的通知", "韶关市老年人优待办法", "promulgates"),
    ("池州市人民政府办公室印发关于建立健全养老服务综合监管制度促进养老服务高质量发展实施办法的通知",
     "关于建立健全养老服务综合监管制度促进养老服务高质量发展实施办法", "promulgates"),
    ("国务院办公厅印发关于切实解决老年人运用智能技术困难实施方案的通知", "关于切实解决老年人运用智能技术困难实施方案", "promulgates"),
    ("内蒙古自治区人民政府办公厅转发自治区卫生计生委等部门关于推进医疗卫生与养老服务相结合实施意见的通知",
     "自治区卫生计生委等部门关于推进医疗卫生与养老服务相结合实施意见", "forwards"),
    ("宁波市政府办公厅转发市老龄委关于庆祝老人节和开展“敬老月”活动的通知", None, None),   # the act is itself a 通知
    ("内蒙古自治区人民政府批转自治区民政厅等15部门关于大力扶持社会福利事业发展的意见的通知",
     "自治区民政厅等15部门关于大力扶持社会福利事业发展的意见", "forwards"),
    # negatives: news headlines (no notice's ending), a title that issues nothing
    ("广西:印发通知加强农村养老服务工作", None, None),
    ("国务院办公厅印发《关于推进养老服务发展的意见》", None, None),
    ("关于做好2023年养老服务工作的通知", None, None),
])
def test_a_notice_that_issues_or_forwards_without_guanyu(title, act, relation):
    found = wrapped_title(title)
    assert (found.title, found.relation.value) == (act, relation) if act else found is None


@pytest.mark.parametrize("a,b", [
    ("养老服务三年行动计划(2018—2020年)", "养老服务三年行动计划（2018-2020年）"),       # dashes, bracket widths
    ("“十四五”国家老龄事业发展和养老服务体系规划", "十四五”国家老龄事业发展和养老服务体系规划"),   # a lost quote
    ("关于印发〈养老机构管理办法〉的通知", "关于印发《养老机构管理办法》的通知"),
    ("２０２１年养老服务工作方案", "2021年养老服务工作方案"),                      # full-width digits
    ("养老 服务 管理办法", "养老服务管理办法"),
])
def test_titles_written_differently_match(a, b):
    assert title_key(a) == title_key(b)


@pytest.mark.parametrize("a,b", [
    ("养老机构管理办法(试行)", "养老机构管理办法"),        # a trial rule is another document
    ("养老机构管理暂行办法", "养老机构管理办法"),
])
def test_titles_that_name_other_documents_do_not_match(a, b):
    assert title_key(a) != title_key(b)


def test_an_unqualified_title_reaches_the_national_document_of_that_title(tmp_path):
    """《养老机构管理办法》 in a 上海 page (no number) is 民政部令第66号 cited by
    another page with its number — one node, not a 上海 stub beside it."""
    network = _network(tmp_path, {
        "a.txt": "江北区民政局养老服务政务公开目录\n来源:重庆市江北区民政局\n"
                 "根据《养老机构管理办法》(中华人民共和国民政部令第66号)要求,现将目录公布如下。\n",
        "b.txt": "关于开展养老机构安全检查的通知\n上海市民政局\n各区民政局:\n"
                 "根据《养老机构管理办法》要求,现就开展安全检查通知如下。\n上海市民政局\n2023年3月1日\n"})
    assert len(_nodes_titled(network, "养老机构管理办法")) == 1


def test_an_unqualified_title_never_reaches_a_sibling_area_s_document(tmp_path):
    """威海's 《关于加快发展养老服务业的意见》 (威政发〔2014〕38号) is not the one a
    烟台 text cites by that title: a 烟台 stub stays its own node; and two
    cities' numbered documents of one unqualified title are two nodes."""
    network = _network(tmp_path, {
        "weihai.txt": "关于加快发展养老服务业的意见\n威政发〔2014〕38号\n各区市人民政府:\n为加快发展养老服务业,现提出如下意见。\n"
                      "威海市人民政府\n2014年6月1日\n",
        "yantai.txt": "关于加快发展养老服务业的意见\n烟政发〔2014〕20号\n各区市人民政府:\n为加快发展养老服务业,现提出如下意见。\n"
                      "烟台市人民政府\n2014年7月1日\n",
        "laishan.txt": "关于推进居家养老服务的实施方案\n莱山区人民政府\n各街道:\n"
                       "根据《关于加快发展养老服务业的意见》精神,结合我区实际,制定本方案。\n烟台市莱山区人民政府\n2015年1月1日\n"})
    nodes = _nodes_titled(network, "关于加快发展养老服务业的意见")
    areas = sorted(network.nodes[n].get("area") or "-" for n in nodes)
    assert len(nodes) == 2 and areas == ["威海市", "烟台市"]


def _duplicate_pairs(network) -> list[tuple[str, str]]:
    """Pairs of document nodes that one document would make: the same number;
    the same title with compatible areas (equal, or one within the other;
    an unknown area only where nothing citing it is older than the other);
    a notice and the act its title names without pol:promulgates."""
    gaz = gazetteer()
    docs = [(n, d) for n, d in network.nodes(data=True) if d.get("kind") == "document" or "stub" in d]
    pairs = []
    by_number: dict[str, list[str]] = {}
    by_title: dict[str, list[str]] = {}
    for n, d in docs:
        if d.get("number"):
            by_number.setdefault(d["number"], []).append(n)
        if d.get("title"):
            by_title.setdefault(title_key(d["title"]), []).append(n)
    pairs += [(a, b) for nodes in by_number.values() for a, b in zip(nodes, nodes[1:])]

    def oldest_citer(n):
        dates = [network.nodes[s].get("date") for s in network.predecessors(n) if network.nodes[s].get("date")]
        return min(dates) if dates else None

    def compatible(a, b):
        ca, cb = network.nodes[a].get("area_code"), network.nodes[b].get("area_code")
        if ca and cb:
            return ca == cb or gaz.is_within(ca, cb) or gaz.is_within(cb, ca)
        unknown, known = (a, b) if not ca else (b, a)
        year = re.search(r"〔(\d{4})〕", network.nodes[known].get("number") or "")
        citer = oldest_citer(unknown)
        dated = network.nodes[known].get("date") or (f"{year.group(1)}-01-01" if year else None)
        return not (citer and dated and citer < dated)

    for nodes in by_title.values():
        pairs += [(a, b) for i, a in enumerate(nodes) for b in nodes[i + 1:] if compatible(a, b)]
    for n, d in docs:
        wrapped = wrapped_title(d.get("title") or "")
        for act in by_title.get(title_key(wrapped.title), []) if wrapped else []:
            if act != n and not network.has_edge(n, act):
                pairs.append((n, act))
    return pairs


def test_every_text_of_shared_is_one_node_per_document(tmp_path):
    """#31's target over ../shared: no two document nodes for one document."""
    corpus = tmp_path / "corpus"
    for part in ("seeds", "corpus-extra", "corpus-pages/clean", "corpus-pages/damaged"):
        shutil.copytree(present(SHARED / part), corpus / re.sub(r"\W", "-", part))
    build(corpus, tmp_path / "out")
    network = to_networkx(load_graph(tmp_path / "out"))
    assert _duplicate_pairs(network) == []
    assert _stubs_without_their_area(network) == []


def _stubs_without_their_area(network) -> list:
    """Stubs whose number has a known issuer code or whose title names a known
    organ, but no area or level."""
    missing = []
    for n, d in network.nodes(data=True):
        if not d.get("stub") or d.get("type") == "proposal":
            continue
        number = DocNumber.parse(d["number"]) if d.get("number") else None
        known = bool(number and number.code and not number.is_order and resolve_code(number.code)) or bool(
            d.get("title") and issuers_of_title(d["title"], None))
        if known and not (d.get("area_code") and d.get("level")):
            missing.append((d.get("number"), d.get("title")))
    return missing


def test_a_document_that_names_no_issuer_keeps_the_area_its_page_gives(tmp_path):
    """A reply read from its own words (县政协…提案, 石林县 in its text) is a
    document of 石林县 in the graph, not of no area (石林 reply, shared B03)."""
    network = _network(tmp_path, {"b03.txt": (
        "关于县政协十一届四次会议第166号提案答复的函\n李刚委员:\n"
        "您提出的《关于优化石林县基本养老服务资源利用的建议》已交我们研究办理,现答复如下:\n"
        "全县提供基本养老服务的公办养老机构共5个。\n")})
    (node,) = [d for _, d in network.nodes(data=True) if d.get("file") == "b03.txt"]
    assert (node["area"], node["area_code"], node["rank"]) == ("石林彝族自治县", "530126", 4)


@pytest.mark.parametrize("data,name", [
    ({"title": "关于县政协十一届四次会议第166号提案答复的函", "number": None}, "关于县政协十一届四次会议第166号提案答复的函"),
    ({"title": None, "number": "京政办发〔2016〕48号"}, "京政办发〔2016〕48号"),
    # no title and no number (a page cut before its heading): what is known of it, not the file's path
    ({"area": "滨海新区", "type": "notice", "date": "2019-07-04", "file": "pages/A03.txt"}, "滨海新区 · 通知 · 2019-07-04"),
    ({"area": "邹城市", "date": "2024-07-01", "file": "pages/A12.txt"}, "邹城市 · 文件 · 2024-07-01"),
    ({"file": "pages/A10_beijing_yizhan_beian_gonggao_2018.txt"}, "文件 · A10_beijing_yizhan_beian_gonggao_2018"),
])
def test_a_document_is_named_by_its_title_number_or_what_is_known_of_it(data, name):
    from kg.network.documents import document_name
    assert document_name(data) == name



def test_two_regulations_of_one_name_and_two_numbers_are_two_nodes(tmp_path):
    """农村五保供养工作条例 was 国务院令第141号 (1994) and, a new regulation
    under the same name, 国务院令第456号 (2006): a law database's page of the
    first (税屋) and a 实施细则 citing the second (贺州) share the title, not
    the document. A document has one number; the graph passes the shapes."""
    from click.testing import CliRunner
    from kg.cli import main
    network = _network(tmp_path, {
        "1994.txt": "农村五保供养工作条例[全文废止] 国务院令第141号 1994-01-23 税屋提示——依据中华人民共和国国务院令第456号 "
                    "农村五保供养工作条例,自2006年3月1日起本法规全文废止。\n第一条 为做好农村五保供养工作,保障农村五保对象的正常生活,"
                    "健全农村的社会保障制度,制定本条例。\n",
        "hezhou.txt": "贺州市农村五保供养实施细则\n第一条 为进一步做好农村五保供养工作,根据《农村五保供养工作条例》(国务院令第456号)"
                      "和《广西壮族自治区实施﹤农村五保供养工作条例﹥办法》(自治区人民政府令第62号),结合我市实际,特制定本实施细则。\n"})
    numbers = sorted(network.nodes[n].get("number") or "" for n in _nodes_titled(network, "农村五保供养工作条例"))
    assert numbers == ["国务院令第141号", "国务院令第456号"]
    assert CliRunner().invoke(main, ["validate", str(tmp_path / "out")]).output.strip() == "conforms"


def test_two_texts_of_one_regulation_are_one_node_with_versions(tmp_path):
    """Shanghai's 社会救助条例 as adopted (2018) and as amended (2024), both in
    the folder (LawRefBook/Laws sets each with its history): one document,
    dated by its latest text and amended by the decision the history names;
    the earlier text is a version of it, with its own date and file. The
    graph passes the shapes (one date per document)."""
    from click.testing import CliRunner
    from kg.cli import main
    from kg.pipeline.build import build
    from kg.store.database import load_graph
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = ("第一条 为了加强社会救助，保障本市居民的基本生活，制定本条例。\n"
            "第五十六条 本条例自2019年5月1日起施行。\n")
    adopted = "2018年11月22日 上海市第十五届人民代表大会常务委员会第七次会议通过\n\n"
    (corpus / "2018.md").write_text(f"# 上海市社会救助条例\n\n{adopted}<!-- INFO END -->\n\n{body}", encoding="utf-8")
    (corpus / "2024.md").write_text(
        f"# 上海市社会救助条例\n\n{adopted}2024年12月31日 上海市第十六届人民代表大会常务委员会第十八次会议"
        "《关于修改〈上海市公路管理条例〉等10件地方性法规的决定》修正）\n\n<!-- INFO END -->\n\n" + body, encoding="utf-8")
    build(corpus, tmp_path / "out")
    graph = load_graph(tmp_path / "out")
    rows = select(graph, """SELECT DISTINCT ?date ?version ?vdate ?file ?decision WHERE {
        ?d dcterms:title "上海市社会救助条例"@zh ; eli:date_document ?date ; eli:is_realized_by ?version ;
           eli:amended_by ?a . ?a dcterms:title ?decision .
        ?version eli:version_date ?vdate ; dcterms:source ?file }""")
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [
        ("2024-12-31", "2018-11-22", "2018.md", "关于修改〈上海市公路管理条例〉等10件地方性法规的决定")]
    assert CliRunner().invoke(main, ["validate", str(tmp_path / "out")]).output.strip() == "conforms"
