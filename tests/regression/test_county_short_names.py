"""Regression: county short names read as agency prefixes in running text.

会同 (会同县, Hunan) in 会同财政、人力资源社会保障等部门 means "together with";
公安 (公安县, Hubei) in 公安消防 is the police. Neither is a county agency."""
from pathlib import Path

from kg.extract.agency_mentions import find_agencies
from kg.lexicon.areas import gazetteer
from kg.read.cleaning import clean
from kg.models import SourceDocument


def test_short_county_names_are_not_prefixes():
    text = "县级以上人民政府民政部门会同财政、人力资源社会保障等部门制定办法。违反公安消防等有关管理规定的，依法处罚。"
    doc = clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8"))
    names = {m.agency.name for m in find_agencies(doc, gazetteer().get("370200"), 0).mentions}
    assert not any("会同县" in n or "公安县" in n for n in names), names
