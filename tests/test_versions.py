"""Laws revised over time (#31 item 3): one node for the work, dated versions
from kg/data/law_versions.tsv, and each citation reaching the version in
force on the citing document's date, or the one its order's number names.
Citations are real ones from shared/corpus-extra and the wild set."""
from __future__ import annotations

from datetime import date

import pytest

from kg.datafiles import read_tsv
from kg.lexicon.titles import title_key
from kg.lexicon.versions import version_cited, versions, work_key
from kg.pipeline.build import build
from kg.rdf.vocab import DCTERMS, ELI, POL
from kg.store.database import load_graph

LAW = "中华人民共和国老年人权益保障法"


def test_every_version_has_its_source_and_comes_into_force_on_or_after_its_date():
    for row in read_tsv("law_versions.tsv"):
        assert row["source"] and row["event"] in ("adopted", "amended", "revised"), row
        assert date.fromisoformat(row["in_force"]) >= date.fromisoformat(row["version_date"]), row


@pytest.mark.parametrize("on,number,expected", [
    (date(2014, 9, 26), None, date(2012, 12, 28)),      # 山东省老年人权益保障条例: the 2012 revision, in force 2013-07-01
    (date(2013, 3, 1), None, date(2009, 8, 27)),        # before the revision came into force
    (date(2018, 7, 27), None, date(2015, 4, 24)),
    (date(2022, 1, 1), None, date(2018, 12, 29)),
    (None, "中华人民共和国主席令第72号", date(2012, 12, 28)),   # the number names its version, undated or not
    (date(2016, 1, 1), "中华人民共和国主席令第24号", date(2015, 4, 24)),   # 第24号 twice: the one not after the date
    (None, "主席令第24号", date(2018, 12, 29)),
    (None, None, None),                                  # undated, no number: the work itself
])
def test_the_version_a_citation_reaches(on, number, expected):
    found = version_cited(title_key(LAW), on, number)
    assert (found.date if found else None) == expected


def test_a_number_of_a_version_names_the_work():
    assert work_key(number="中华人民共和国主席令第72号") == work_key(title=LAW)
    assert work_key(number="民政部令第49号") == work_key(number="中华人民共和国民政部令第66号") == title_key("养老机构管理办法")
    assert work_key(number="国办发〔2019〕5号") is None


def test_citations_of_the_law_are_one_node_with_versions(tmp_path):
    """A 2014 regulation and a 2022 plan cite the law by title, a page cites it
    by title and 主席令第72号 unbracketed, an undated page by title only: one
    node for the law; each citation reaches its version."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = {
        "regulation.txt": "山东省老年人权益保障条例\n各市人民政府:\n第一条 为了保障老年人合法权益,根据《中华人民共和国老年人权益保障法》"
                          "和有关法律、行政法规,结合本省实际,制定本条例。\n山东省人民代表大会常务委员会\n2014年9月26日\n",
        "plan.txt": "郑州市老龄事业发展规划\n各县人民政府:\n根据《中华人民共和国老年人权益保障法》,结合我市实际,制定本规划。\n"
                    "郑州市人民政府\n2022年12月1日\n",
        "guide.txt": "养老服务政务公开目录\n1.《中华人民共和国老年人权益保障法》中华人民共和国主席令第72号;"
                     "2.《养老机构管理办法》中华人民共和国民政部令第49号\n",
    }
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    build(corpus, tmp_path / "out")
    g = {(str(q[0]), str(q[1]), str(q[2])) for q in load_graph(tmp_path / "out").quads()}
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    laws = {s for s, p, o in g if p == str(DCTERMS.title) and o == LAW and (s, rdf_type, str(ELI.LegalResource)) in g}
    assert len(laws) == 1
    law = laws.pop()
    assert not [t for t in g if t[1] == str(ELI.id_local) and t[2] == "中华人民共和国主席令第72号"]   # no node of its own
    dated = {o.rsplit("/", 1)[-1] for s, p, o in g if p == str(POL.citesVersion) and o.startswith(law)}
    assert dated == {"2012-12-28", "2018-12-29"}
    assert len({o for s, p, o in g if s == law and p == str(ELI.is_realized_by)}) == len(versions(title_key(LAW)))


@pytest.mark.parametrize("lines,expected", [
    # real history lines of shared/corpus-extra (山东, 威海, 青岛, 浙江)
    (["1999年12月16日 山东省第九届人民代表大会常务委员会第十二次会议通过",
      "2014年9月26日 山东省第十二届人民代表大会常务委员会第十次会议修订"],
     [("1999-12-16", "adopted"), ("2014-09-26", "revised")]),
    (["2016年12月26日 威海市第十六届人民代表大会常务委员会第三十二次会议通过",
      "2017年1月18日 山东省第十二届人民代表大会常务委员会第二十五次会议批准",
      "2019年12月27日 威海市第十七届人民代表大会常务委员会第二十一次会议通过并经2020年1月15日山东省第十三届人民代表大会"
      "常务委员会第十六次会议批准的《关于修改〈威海市居民养老服务保障条例〉的决定》修正"],
     [("2016-12-26", "adopted"), ("2019-12-27", "amended")]),       # an approval is no version of its own
    (["2014年12月31日 青岛市第十五届人民代表大会常务委员会第二十三次会议通过",
      "2015年5月1日 施行根据2018年9月7日青岛市第十六届人民代表大会常务委员会第十一次会议《关于修改〈青岛市养老服务促进条例〉的决定》修正"],
     [("2014-12-31", "adopted"), ("2018-09-07", "amended")]),        # a 施行 date is not the session's
])
def test_a_regulation_s_own_history_lines_are_its_versions(lines, expected):
    from pathlib import Path
    from kg.extract.document import extract_mentions
    from kg.models import SourceDocument
    from kg.read.cleaning import clean
    text = "某某条例\n" + "\n".join(lines) + "\n第一条 为了规范养老服务,制定本条例。\n"
    x = extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8")))
    assert [(d.isoformat(), e) for d, e in (f.value for f in x.facts if f.name == "version")] == expected
