"""The rules on real texts the project does not bundle (shared/corpus-extra):
laws, provincial and city regulations, Guangzhou notices."""
import pytest

from conftest import EXTRA, extra_file
from kg.read.cleaning import clean
from kg.extract.document import extract_mentions
from kg.read.loading import read_source


def extract(name):
    return extract_mentions(clean(read_source(extra_file(name), EXTRA)))


@pytest.mark.parametrize("name,title,issuer,date,area", [
    ("01_law_laonianren_quanyi_baozhangfa_2018.txt", "中华人民共和国老年人权益保障法",
     "全国人民代表大会常务委员会", "2018-12-29", "CN"),
    ("02_sd_laonianren_quanyi_baozhang_tiaoli_2014.txt", "山东省老年人权益保障条例",
     "山东省人民代表大会常务委员会", "2014-09-26", "370000"),
    ("10_bj_jujia_yanglao_fuwu_tiaoli_2015.txt", "北京市居家养老服务条例", "北京市人民代表大会", "2015-01-29", "110000"),
    ("14_gz_jujia_shequ_yanglao_banfa_2022.txt", "广州市人民政府办公厅关于印发广州市居家社区养老服务管理办法的通知",
     "广州市人民政府办公厅", "2022-09-06", "440100"),
])
def test_identity(name, title, issuer, date, area):
    x = extract(name)
    assert x.identity.title == title
    assert x.identity.issuers[0].name == issuer
    assert x.date.isoformat() == date
    assert x.area.code == area


def test_joint_issuers_and_wrapped_measure():
    x = extract("16_gz_changhuxian_shixing_banfa_2024.txt")
    assert x.identity.number == "穗医保规字〔2024〕1号"
    assert [a.name for a in x.identity.issuers] == ["广州市医疗保障局", "广州市财政局", "广州市民政局", "广州市卫生健康委员会"]
    promulgated = [c.target.title for c in x.citations if c.relation == "promulgates" and c.source is None]
    assert promulgated == ["广州市长期护理保险试行办法"]
    cited = {c.target.number: c.target for c in x.citations if c.target.number}
    assert [a.name for a in cited["医保发〔2020〕37号"].issuers] == ["国家医疗保障局", "财政部"]


def test_regulations_cite_the_national_law():
    for name in ("02_sd_laonianren_quanyi_baozhang_tiaoli_2014.txt", "03_sd_yanglao_fuwu_tiaoli_2020.txt",
                 "08_zj_shehui_yanglao_fuwu_cujin_tiaoli_2021.txt"):
        titles = {c.target.title for c in extract(name).citations}
        assert "中华人民共和国老年人权益保障法" in titles, name


def test_no_spurious_titles_in_extra_corpus():
    for path in sorted(EXTRA.glob("*.txt")) if EXTRA.is_dir() else []:
        x = extract(path.name)
        for c in x.citations:
            assert c.target.number or c.target.type_concept, (path.name, c.target)


def test_trace_of_the_national_law_shows_the_regulations_based_on_it(tmp_path):
    import shutil
    from click.testing import CliRunner
    from kg.cli import main
    names = ["01_law_laonianren_quanyi_baozhangfa_2018.txt", "02_sd_laonianren_quanyi_baozhang_tiaoli_2014.txt",
             "03_sd_yanglao_fuwu_tiaoli_2020.txt", "05_weihai_jumin_yanglao_fuwu_baozhang_tiaoli_2020.txt"]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in names:
        shutil.copy(extra_file(name), corpus / name)
    assert CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out")]).exit_code == 0
    result = CliRunner().invoke(main, ["trace", "中华人民共和国老年人权益保障法", "-g", str(tmp_path / "out"),
                                       "--no-sentences"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    provincial = next(line for line in lines if "《山东省老年人权益保障条例》" in line)
    city = next(line for line in lines if "《威海市居民养老服务保障条例》" in line)
    assert "[based_on," in provincial and "(provincial · 山东省" in provincial
    assert "(city · 威海市" in city and lines.index(city) == lines.index(provincial) + 1   # under the province's
    assert any("《山东省养老服务条例》" in line for line in lines)
    assert lines[-1] == "(followed: applies, based_on, promulgates)"
