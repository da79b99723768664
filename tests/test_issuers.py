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
