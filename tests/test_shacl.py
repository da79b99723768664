"""SHACL: the seed graph conforms, and broken graphs are rejected."""
import pytest
from rdflib import Dataset, Literal

from kg.rdf.shacl import validate
from kg.rdf.vocab import ELI, ORG, POL, RDF, SKOS, ID


@pytest.fixture(scope="module")
def seed_dataset(seed_build):
    from kg.store.database import load_dataset
    return load_dataset(seed_build[1] / "graph.trig")


def test_seed_graph_conforms(seed_dataset):
    result = validate(seed_dataset)
    assert result.conforms, result.report


def _broken(seed_dataset, change):
    ds = Dataset()
    for quad in seed_dataset.quads((None, None, None, None)):
        ds.add(quad)
    g = ds.graph(ID["graph/broken"])
    change(ds, g)
    return ds


BROKEN = {
    "non-canonical number": lambda ds, g: g.add((ID["doc/x"], ELI.id_local, Literal("国办发[2019]05号"))),
    "document without isStub": lambda ds, g: (g.add((ID["doc/y"], RDF.type, ELI.LegalResource)),
                                              g.add((ID["doc/y"], ELI.id_local, Literal("国办发〔2019〕9号")))),
    "agency without label": lambda ds, g: g.add((ID["agency/x"], RDF.type, ORG.Organization)),
    "proposal number as string": lambda ds, g: (g.add((ID["p"], RDF.type, POL.Proposal)),
                                                g.add((ID["p"], POL.isStub, Literal(True))),
                                                g.add((ID["p"], POL.proposalNumber, Literal("245")))),
    "area with a bad code": lambda ds, g: (g.add((ID["agency/y"], POL.jurisdiction, ID["area/x"])),
                                           g.add((ID["area/x"], SKOS.notation, Literal("37100")))),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_graph_is_rejected(seed_dataset, name):
    result = validate(_broken(seed_dataset, BROKEN[name]))
    assert not result.conforms, name


def test_a_reply_to_a_proposal_known_by_its_title_only_conforms(tmp_path):
    """鄂温克旗 交通运输局's reply names the proposal by its title only: its node has
    the title and no number, and the graph conforms."""
    from kg.pipeline.build import build
    from kg.store.database import load_dataset
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "reply.txt").write_text(
        "苏日娜代表:\n"
        "您提出的《关于辉苏木乌日切希嘎查河西沙坑路维修、修建道路的建议》收悉,现答复如下:\n"
        "交通运输局接到提案后与辉苏木政府对接,了解辉苏木乌日切希嘎查河西沙坑路具体位置。\n", encoding="utf-8")
    build(corpus, tmp_path / "out", use_cache=False)
    ds = load_dataset(tmp_path / "out" / "graph.trig")
    proposals = list(ds.subjects(RDF.type, POL.Proposal))
    assert len(proposals) == 1 and not list(ds.objects(proposals[0], POL.proposalNumber))
    result = validate(ds)
    assert result.conforms, result.report


def test_one_document_from_two_portals_keeps_both_index_numbers_and_conforms(tmp_path):
    """宁国's notice on the city's portal (宁政秘〔2020〕78号) and on a township's,
    whose 文号 field is empty: one document, a 索引号 for each copy (wild set
    HI026 and unseen set KV015)."""
    from kg.pipeline.build import build
    from kg.store.database import load_dataset
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = ("宁国市人民政府关于公布2020年城乡特困人员供养基本生活财政补助标准的通知\n"
            "各乡、镇人民政府、街道办事处,市直有关单位:\n"
            "  根据宣城市人民政府有关文件精神,现将我市2020年城乡特困人员供养基本生活财政补助标准公布如下。\n")
    (corpus / "city.txt").write_text(
        "索引号 11341702000111222F/202007-00024 组配分类 其他文件\n发布机构 宁国市人民政府(办公室) 发文日期 2020-07-09 16:28\n"
        "发布文号 宁政秘〔2020〕78号 关键词 特困人员\n\n" + body, encoding="utf-8")
    (corpus / "township.txt").write_text(
        "索引号: 11341702003257063E/202012-00114 组配分类: 政策法规文件\n发布机构: 梅林镇人民政府 主题分类: 综合政务 / 公告\n"
        "名称: 宁国市人民政府关于公布2020年城乡特困人员供养基本生活财政补助标准的通知 文号:\n生成日期: 2020-12-12 发布日期: 2020-12-12\n"
        + body, encoding="utf-8")
    build(corpus, tmp_path / "out", use_cache=False)
    ds = load_dataset(tmp_path / "out" / "graph.trig")
    numbers = {str(o) for o in ds.objects(None, POL.indexNumber)}
    assert numbers == {"11341702000111222F/202007-00024", "11341702003257063E/202012-00114"}
    assert len({s for s in ds.subjects(POL.indexNumber, None)}) == 1
    result = validate(ds)
    assert result.conforms, result.report
