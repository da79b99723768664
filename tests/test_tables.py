"""Task tables (#30 item 3): a header row of column labels, one task per row,
its unit columns as the row's responsibility list; merged cells inherit.
Rows are real ones (杭州市西湖区 民生实事 table, a cell per line; 青阳县 and
灵璧县 task breakdowns), cut to what the rule needs."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.document import extract_mentions
from kg.extract.tables import column_kind
from kg.models import SourceDocument
from kg.read.cleaning import clean


def extract(text: str):
    return extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8")))


@pytest.mark.parametrize("label,kind", [
    ("序号", "number"), ("重点工作任务(民生实事项目)", "task"), ("牵头单位", "lead"), ("责任单位", "responsible"),
    ("配合单位", "support"), ("计划完成时间", "deadline"), ("负责科室", "office"),
    ("新增老年食堂15个", None), ("区民政局", None),
])
def test_column_labels(label, kind):
    assert column_kind(label) == kind


def test_a_pipe_table_gives_a_measure_per_row_with_its_units():
    x = extract("杭州市西湖区2024年民生实事项目任务分解表\n各镇街、区级有关部门:\n现将任务分解如下。\n"
                "序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限\n"
                "1 | 新建老年食堂10家 | 区民政局 | 区财政局、各镇街 | 2024年底\n"
                "2 | 建设认知障碍照护床位 |  | 区卫健局 | 2024年10月\n")      # a merged lead cell
    assert [(m.ordinal, m.heading) for m in x.measures] == [("1", "新建老年食堂10家"), ("2", "建设认知障碍照护床位")]
    assert [(p, m.role, m.agency.name) for p, m in x.responsible] == [
        (1, "lead", "杭州市西湖区民政局"), (1, "support", "杭州市西湖区财政局"),
        (2, "lead", "杭州市西湖区民政局"), (2, "support", "杭州市西湖区卫生健康局")]
    assert [(p, c.text, c.role) for p, c in x.collective] == [(1, "各镇街", "support")]


def test_a_table_with_a_cell_per_line():
    x = extract("杭州市西湖区民政局2024年重点工作任务\n序号\n重点工作任务(民生实事项目)\n牵头单位\n负责科室\n负责人\n计划完成时间\n"
                "1\n新增老年食堂(助餐点)15个\n区民政局\n养老服务科\n何滢\n11月底前\n")
    assert [(m.ordinal, m.heading) for m in x.measures] == [("1", "新增老年食堂(助餐点)15个")]
    assert [(m.role, m.agency.name) for _, m in x.responsible] == [("lead", "杭州市西湖区民政局")]


def test_rows_that_do_not_fit_the_header_are_not_guessed():
    """Row 2 lost three cells to a merge: its cells cannot be set under the columns."""
    x = extract("杭州市西湖区民政局2024年重点工作任务\n序号\n重点工作任务\n牵头单位\n负责科室\n负责人\n计划完成时间\n"
                "1\n新增老年食堂15个\n区民政局\n养老服务科\n何滢\n11月底前\n2\n新增认知障碍照护床位100张\n10月底前\n")
    assert [m.ordinal for m in x.measures] == ["1"]


def test_a_line_of_pipes_without_a_header_is_no_table():
    x = extract("关于养老服务的通知\n各镇:\n1 | 新建老年食堂 | 区民政局\n")
    assert x.responsible == ()


def test_lead_and_partner_lines_under_each_task():
    """灵璧县 task breakdown: 牵头责任单位 / 主要协作单位 lines under each numbered task."""
    x = extract("灵璧县卫健委2021年政府工作报告任务分解\n1.加快发展健康、养老、育幼、家政等服务业。\n\n牵头责任单位:县卫健委、县民政局\n\n"
                "主要协作单位:各乡镇人民政府、县政府有关部门\n\n2.创建国家卫生县城。\n\n牵头责任单位:县卫健委\n")
    assert [(p, m.role, m.written) for p, m in x.responsible] == [
        (1, "lead", "县卫健委"), (1, "lead", "县民政局"), (2, "lead", "县卫健委")]
    assert [(p, c.text, c.role) for p, c in x.collective] == [
        (1, "各乡镇人民政府", "support"), (1, "县政府有关部门", "support")]
