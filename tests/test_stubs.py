"""Cited documents the corpus lacks (stubs) get what their number or title
tells (#31): the area an issuer code's abbreviation names, an order's organ,
a national plan's title; and one national document cited in several forms
is one node. Numbers and titles are real citations from the wild set and
shared/corpus-pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.document import extract_mentions
from kg.models import SourceDocument
from kg.read.cleaning import clean
from kg.resolution.documents import _number_area, resolve


@pytest.mark.parametrize("number,area", [
    ("京民老龄发〔2016〕244号", "北京市"),          # 民老龄 is in no organ table: the area still shows
    ("浙民养〔2020〕23号", "浙江省"),
    ("粤老龄办〔2006〕20号", "广东省"),
    ("莆财社〔2023〕197号", "莆田市"),
    ("中华人民共和国民政部令第66号", "中华人民共和国"),
    ("民政部令第49号", "中华人民共和国"),
    ("天津市人民政府令第110号", "天津市"),
    ("辽宁省人民代表大会常务委员会公告第1号", "辽宁省"),
])
def test_a_stub_takes_its_area_from_its_number(number, area):
    found = _number_area(number)
    assert found is not None and found.name == area


@pytest.mark.parametrize("number", ["2019年第76号", "国办发〔2019〕5号"])
def test_numbers_without_an_area_reading_give_none_or_the_listed_one(number):
    found = _number_area(number)
    assert found is None or found.code


def _extract(name: str, text: str):
    return extract_mentions(clean(SourceDocument(Path(name), name, text, "utf-8")))


def test_a_national_plan_cited_with_and_without_quotes_is_one_node():
    """《“十四五”国家老龄事业发展和养老服务体系规划》 cited from two provinces,
    once with a lost opening quote: one national node, not one per citing area."""
    a = _extract("a.txt", "滁州市人民政府办公室关于印发滁州市养老服务发展规划的通知\n各县人民政府:\n"
                          "根据《“十四五”国家老龄事业发展和养老服务体系规划》,结合我市实际,制定本规划。\n")
    b = _extract("b.txt", "西安市养老服务工作领导小组办公室关于印发养老服务体系专项规划的通知\n各区县:\n"
                          "根据《十四五”国家老龄事业发展和养老服务体系规划》,结合我市实际,制定本规划。\n")
    resolution = resolve([a, b])
    plans = {key for key, node in resolution.documents.items()
             if node.title and "国家老龄事业发展和养老服务体系规划" in node.title}
    assert len(plans) == 1
