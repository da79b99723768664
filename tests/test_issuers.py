"""Issuer codes (机关代字): who issued a numbered document, and where."""
import pytest

from kg.lexicon.areas import gazetteer
from kg.lexicon.issuers import resolve_code

CODES = [
    ("国办发", "国务院办公厅", "CN"),
    ("国发", "国务院", "CN"),
    ("民发", "民政部", "CN"),
    ("医保发", "国家医疗保障局", "CN"),
    ("鲁政办发", "山东省人民政府办公厅", "370000"),
    ("渝府办发", "重庆市人民政府办公厅", "500000"),
    ("渝民函", "重庆市民政局", "500000"),
    ("吉民议字", "吉林省民政厅", "220000"),
    ("威政发", "威海市人民政府", "371000"),
    ("威政办字", "威海市人民政府办公室", "371000"),
    ("威环政办发", "威海市环翠区人民政府办公室", "371002"),
    ("温政发", "温州市人民政府", "330300"),
    ("温委发", "中国共产党温州市委员会", "330300"),
    ("温民提", "温州市民政局", "330300"),
    ("穗府办规", "广州市人民政府办公厅", "440100"),
    ("穗医保规字", "广州市医疗保障局", "440100"),
    ("粤民发", "广东省民政厅", "440000"),
    ("京政发", "北京市人民政府", "110000"),
    # a division's code between the organ's and the suffix (处室代字): the organ issues it
    ("闽民养老", "福建省民政厅", "350000"),
    ("沪民养老发", "上海市民政局", "310000"),
    ("浙民养", "浙江省民政厅", "330000"),
    ("温民福", "温州市民政局", "330300"),
    ("莆财社", "莆田市财政局", "350300"),
    ("津财社指", "天津市财政局", "120000"),
    ("豫卫老龄函", "河南省卫生健康委员会", "410000"),
    ("粤卫办老龄函", "广东省卫生健康委员会", "440000"),
    ("国卫办老龄函", "国家卫生健康委员会", "CN"),
]


@pytest.mark.parametrize("code,agency,area", CODES)
def test_resolve_code(code, agency, area):
    found = resolve_code(code)
    assert (found.agency.name, found.agency.area.code) == (agency, area)


def test_ambiguous_abbreviation_uses_context():
    gaz = gazetteer()
    assert resolve_code("青政发").agency.name == "青海省人民政府"
    assert resolve_code("青政发", gaz.get("370000")).agency.name == "青岛市人民政府"


def test_reply_codes_are_replies():
    assert resolve_code("温民提").kind == "reply"
    assert resolve_code("吉民议字").kind == "reply"


def test_unknown_code():
    assert resolve_code("某某政发") is None


@pytest.mark.parametrize("code", [
    # a division code belongs to its organ only: 养老 is no finance division, 社 no civil-affairs one
    "闽财养老", "莆民社", "浙民养发函字",
])
def test_a_division_code_of_another_organ_is_no_code(code):
    assert resolve_code(code) is None


def test_a_county_division_code_reads_in_its_own_area():
    gaz = gazetteer()
    found = resolve_code("宁政秘", gaz.get("341881"))     # 宁国市: its government's secretariat
    assert found is not None and found.agency.name == "宁国市人民政府"


@pytest.mark.parametrize("code,area,agency,kind", [
    # a county's code by its initial, which another county of its city shares, on a page of that county
    ("东民发", "220421", "东丰县民政局", "document"),          # 东丰县 / 东辽县 (辽源市)
    ("海政发", "320614", "南通市海门区人民政府", "document"),   # 海门区 / 海安市 (南通市)
    ("灌政复", "320723", "灌云县人民政府", "reply"),            # 灌云县 / 灌南县 (连云港市)
    # 复字: a reply's number (柘城, 柳州)
    ("柘市监复字", "411424", "柘城县市场监督管理局", "reply"),
    ("柳民复字", "450200", "柳州市民政局", "reply"),
])
def test_a_code_reads_in_the_page_s_own_area(code, area, agency, kind):
    found = resolve_code(code, gazetteer().get(area))
    assert (found.agency.name, found.kind) == (agency, kind)


def test_a_shared_county_initial_stays_unread_without_the_county():
    assert resolve_code("东民发", gazetteer().get("220400")) is None     # on a page of 辽源市: 东丰县 or 东辽县
