"""When a document is in force (#32, part): entry into force, expiry and
provisional status from the clauses that say so (kg/extract/validity.py,
kg/data/validity_clauses.tsv). Clauses are real ones: the national law and
provincial regulations of shared/corpus-extra, pages of the wild set and
the common forms of 办法 and 通知."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.extract.document import extract_mentions
from kg.models import SourceDocument
from kg.read.cleaning import clean


def validity(text: str) -> dict:
    x = extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8")))
    return {f.name: f.value for f in x.facts if f.name in ("entry_into_force", "expiry", "provisional")}


@pytest.mark.parametrize("text,expected", [
    # a date of entry into force (the law, Shandong's and Liaoning's regulations)
    ("中华人民共和国老年人权益保障法\n第一条 为了保障老年人合法权益,制定本法。\n第八十五条 本法自2013年7月1日起施行。\n",
     {"entry_into_force": date(2013, 7, 1)}),
    ("辽宁省老年人权益保障条例\n第一条 为了保障老年人的合法权益,制定本条例。\n第六十条 本条例自2008年10月1日起实施。\n",
     {"entry_into_force": date(2008, 10, 1)}),
    # from the document's own date, with a term of years (counted from its entry into force)
    ("威海市环翠区人民政府办公室关于印发养老服务补贴办法的通知\n威环政办发〔2022〕3号\n各镇人民政府:\n"
     "现将《养老服务补贴办法》印发给你们。本通知自印发之日起施行,有效期5年。\n威海市环翠区人民政府办公室\n2022年3月1日\n",
     {"entry_into_force": date(2022, 3, 1), "expiry": date(2027, 2, 28)}),
    # an explicit end
    ("温州市养老服务补贴管理办法\n温政发〔2020〕3号\n各县(市、区)人民政府:\n第一条 为了规范补贴。\n"
     "第二十条 本办法自2021年1月1日起施行,有效期至2025年12月31日。\n",
     {"entry_into_force": date(2021, 1, 1), "expiry": date(2025, 12, 31)}),
    # provisional by its own title
    ("上海市保基本养老床位统筹及轮候管理办法(试行)\n沪民规〔2023〕5号\n各区民政局:\n第一条 为了统筹床位。\n",
     {"provisional": True}),
])
def test_validity_clauses(text, expected):
    assert validity(text) == expected


@pytest.mark.parametrize("text", [
    # the 办法 a notice issues has its own clause: not the notice's
    "广州市人民政府办公厅关于印发广州市居家社区养老服务管理办法的通知\n穗府办规〔2022〕13号\n各区人民政府:\n"
    "现印发给你们,请遵照执行。\n广州市居家社区养老服务管理办法\n第三十条 本办法自2022年6月1日起施行,有效期5年。\n",
    # a cited title that is provisional does not make the page so
    "一图读懂 《上海市保基本养老床位统筹及轮候管理办法(试行)》\n近日,市民政局印发了办法。\n",
    # a notice that issues a provisional 办法 is not provisional itself
    "广州市医疗保障局关于印发广州市长期护理保险试行办法的通知\n穗医保规字〔2020〕5号\n各区:\n",
])
def test_clauses_of_another_document_are_not_the_page_s(text):
    assert "expiry" not in validity(text) and "provisional" not in validity(text)
    assert validity(text).get("entry_into_force") != date(2022, 6, 1)
