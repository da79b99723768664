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
from kg.read.loading import remove_pinyin_annotations


def extract(text: str):
    return extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", text, "utf-8")))


def extract_glossed(text: str):
    """A mirror's text with pinyin glosses (發(fā)), read as the loader reads a file."""
    return extract(remove_pinyin_annotations(text)[0])


@pytest.mark.parametrize("label,kind", [
    ("序号", "number"), ("重点工作任务(民生实事项目)", "task"), ("牵头单位", "lead"), ("责任单位", "responsible"),
    ("配合单位", "support"), ("计划完成时间", "deadline"), ("负责科室", "office"), ("考核指标", "target"),
    # 海安 民政局's 进度表 (实施内容, 协同单位, 最新进度 with its day)
    ("实施内容", "task"), ("协同单位", "support"), ("最新进度(8月24日)", "progress"),
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


def test_columns_set_apart_by_single_spaces_with_sub_rows():
    """岳阳楼区 民生实事 table (unseen set RB): columns set apart by single
    spaces; row 9's second and third lines are sub-rows with units of their own."""
    x = extract("岳阳楼区2017年1-8月省重点民生实事完成情况表\n"
                "序号 省重点民生实事项目名称 责任单位 目标任务 1- 8月实际完成情况   1-8月实际完成率% 备注\n"
                "5 新增养老服务床位 民政局 71个 55 77%\n"
                "6 残疾儿童抢救性康复 残联 73人 73 100%\n"
                "7 孕产妇产前免费筛查 卫生局 3600人 3436 95%\n"
                "8 新增社会治安视频监控摄像头 区公安分局 100个 设备购进中\n"
                "9 深化机关事业单位养老保险制度改革和提高城乡低保补助标准 完成在职参保人数6300人 区人社局 6300人 7558 119%\n"
                "完成征缴基金10000万元 区人社局 10000万 7965 80%\n"
                "城市低保、农村低保补差水平月均分别达到300元/人、140元/人 区民政局 100% 100%\n")
    assert [(m.ordinal, m.heading) for m in x.measures] == [
        ("5", "新增养老服务床位"), ("6", "残疾儿童抢救性康复"), ("7", "孕产妇产前免费筛查"), ("8", "新增社会治安视频监控摄像头"),
        ("9", "深化机关事业单位养老保险制度改革和提高城乡低保补助标准"), ("9", "完成征缴基金10000万元"),
        ("9", "城市低保、农村低保补差水平月均分别达到300元/人、140元/人")]
    # (a 公安分局 is no organ of the district's own table: its name is read by shape, not asserted here)
    assert [(p, m.written, m.agency.name if m.written != "区公安分局" else "") for p, m in x.responsible] == [
        (1, "民政局", "岳阳市岳阳楼区民政局"), (2, "残联", "岳阳市岳阳楼区残疾人联合会"),
        (3, "卫生局", "岳阳市岳阳楼区卫生健康局"), (4, "区公安分局", ""),
        (5, "区人社局", "岳阳市岳阳楼区人力资源和社会保障局"), (6, "区人社局", "岳阳市岳阳楼区人力资源和社会保障局"),
        (7, "区民政局", "岳阳市岳阳楼区民政局")]


def test_a_header_of_two_tiers_is_read_by_the_form_of_its_cells():
    """A task table whose second header tier adds columns (一级任务 | 二级任务):
    its rows do not sit under the first tier's labels, so a row's unit cell is
    found by its form, not its position."""
    x = extract("杭州市西湖区养老服务重点任务分工表\n"
                "序号 | 任务 | 具体措施 | 完成时限 | 牵头单位 | 配合单位 |\n"
                "一级任务 | 二级任务 |\n"
                "1 | 设施建设 | 新建老年食堂 | 建设10家 | 2024年底 | 区民政局 | 区财政局、各街道 |\n"
                "2 | 医养结合 | 签约服务 | 签约率达到60% | 2024年10月 | 区卫生健康局 |\n", )
    assert [(p, m.role, m.written) for p, m in x.responsible] == [
        (1, "lead", "区民政局"), (1, "support", "区财政局"), (2, "lead", "区卫生健康局")]
    assert [(p, c.text, c.role) for p, c in x.collective] == [(1, "各街道", "support")]


def test_a_catalogue_s_publishing_body_is_no_responsible_unit():
    """养老服务领域基层政务公开标准目录 (海丰, 云阳; shared B16): 公开主体 names who
    publishes an item, not who carries a measure."""
    x = extract("养老服务领域基层政务公开标准目录\n"
                "序号 | 公开事项 | 公开内容 (要素) | 公开依据 | 公开时限 | 公开主体 | 公开渠道和载体 |\n"
                "1 | 养老机构备案 | ·备案流程 | 信息公开规定 | 10个工作日内 | 海丰县民政局 | ■政府网站 |\n"
                "2 | 老年人补贴 | ·补贴标准 | 信息公开规定 | 10个工作日内 | 海丰县民政局 | ■政府网站 |\n")
    assert x.responsible == () and x.collective == ()


def test_a_table_run_together_into_one_line():
    """云南 重点任务分工清单 (unseen set RB), a table copied from a printed page
    as one run of text: a row ends at the next number that follows a unit
    cell; the cell says who leads (牵头) and who supports (配合, 落实)."""
    x = extract("重点任务分工清单\n(上接第三版)\n"
                "序号工作任务责任单位21树立婚育新风。充分发挥传统媒体和新媒体作用。构建新型婚育文化。"
                "省委宣传部、省民政厅牵头;省总工会、团省委配合;各州(市)党委和政府落实"
                "22根据经济社会发展水平等因素,实行特别扶助制度扶助标准动态调整机制。地方各级政府应当发放护理补贴。"
                "省财政厅、省卫生健康委牵头;省优化生育政策工作部门联席会议成员单位配合;各州(市)党委和政府落实\n")
    assert [(m.ordinal, m.heading) for m in x.measures] == [
        ("21", "树立婚育新风"), ("22", "根据经济社会发展水平等因素,实行特别扶助制度扶助标准动态调整机制")]
    assert [(p, u.text, u.role) for p, u in x.unbound] == [
        (1, "省委宣传部", "lead"), (1, "省民政厅", "lead"), (1, "省总工会", "support"), (1, "团省委", "support"),
        (2, "省财政厅", "lead"), (2, "省卫生健康委", "lead")]
    assert [(p, c.text, c.role) for p, c in x.collective] == [
        (1, "各州(市)党委和政府", "support"), (2, "省优化生育政策工作部门联席会议成员单位", "support"),
        (2, "各州(市)党委和政府", "support")]


def test_numbers_inside_a_run_together_row_do_not_end_it():
    """钟楼区 民生实事 table: 竣工3个 holds the next row's number (3), but no unit cell stands before it."""
    x = extract("序号工作任务责任单位1增加教育资源供给。计划竣工3个,增加学位5000个。区教育局"
                "2促进就业稳定增长。新增就业15000人。区人社局\n")
    assert [(m.ordinal, m.heading) for m in x.measures] == [("1", "增加教育资源供给"), ("2", "促进就业稳定增长")]
    assert [(p, u.text) for p, u in x.unbound] == [(1, "区教育局"), (2, "区人社局")]


def test_a_cell_per_line_table_of_an_attachment_a_unit_a_line():
    """大竹's 督办 notice: the 分解表 is its attachment after the signature (附件 /
    its title), a cell per line with blank lines between; a row's unit cell
    holds a unit a line (县水务局 / 县住建局), so its cells do not count out to
    the header's and are placed by their form."""
    x = extract("大竹县人民政府办公室关于对2016年民生实事进行重点督办的通知\n\n竹府办〔2016〕20号\n\n"
                "各乡镇人民政府、街道办事处,县级各部门:\n\n    附件:2016年民生实事目标任务分解表\n\n"
                "                               大竹县人民政府办公室\n\n                                       2016年2月26日   \n\n"
                "附件\n\n2016年民生实事目标任务分解表\n\n序号\n\n民生实事\n\n责任单位\n\n完成时限\n\n"
                "1\n\n启动建设东柳河城区段综合治理工程和东湖湿地公园。\n\n县水务局\n\n县住建局\n\n县护城河指挥部\n\n12月底前\n\n"
                "2\n\n新建2座人行天桥。\n\n县住建局\n\n9月投入使用\n\n"
                "3\n\n启动县图书馆新馆建设。\n\n县文体广新局\n\n县代建中心\n\n12月底前\n\n"
                "4\n\n建成县残疾人综合服务中心。\n\n县残联\n\n5月底前动工\n\n")
    assert [(m.ordinal, m.heading) for m in x.measures] == [
        ("1", "启动建设东柳河城区段综合治理工程和东湖湿地公园。"), ("2", "新建2座人行天桥。"),
        ("3", "启动县图书馆新馆建设。"), ("4", "建成县残疾人综合服务中心。")]
    # as written (the labels are the organs' names of the area; 县护城河指挥部, a headquarters named in
    # full); row 3's 县代建中心 has the ending of a task too (建设养老服务中心), so of its unit lines
    # only 县文体广新局 is read as a unit
    assert [(p, m.written) for p, m in x.responsible] == [
        (1, "县水务局"), (1, "县住建局"), (1, "县护城河指挥部"), (2, "县住建局"), (3, "县文体广新局"), (4, "县残联")]
    assert {m.agency.area.name for _, m in x.responsible} == {"大竹县"}


def test_a_cell_per_line_table_with_a_label_wrapped_and_an_empty_cell_dropped():
    """文成's 进度表: the label 省政府十大 / 民生实事名称 wrapped over two lines, and
    rows whose empty 分管领导 (or 是否…) cell the page dropped."""
    x = extract("公共服务“七优享”民生实事项目半年度进度表\n发布日期:2024-08-28 16:34:00 来源:文成县 浏览量: 字体:[ ]\n\n"
                "序号\n\n省政府十大\n\n民生实事名称\n\n项目内容\n\n完成率(%)\n\n是否省市统一进度(全省县市区名次)\n\n牵头单位\n\n"
                "分管领导\n\n1\n\n*医疗卫生\n\n为全县60岁以上老年人免费接种流感疫苗27758人。\n\n20%\n\n是,全省统一进度\n\n县卫健局\n\n"
                "2\n\n*医疗卫生\n\n培训应急救护人员200人以上。\n\n80%\n\n县红十字会\n\n")
    assert [m.heading for m in x.measures] == ["为全县60岁以上老年人免费接种流感疫苗27758人。", "培训应急救护人员200人以上。"]
    assert [(p, m.role, m.agency.name) for p, m in x.responsible] == [
        (1, "lead", "文成县卫生健康局"), (2, "lead", "文成县红十字会")]


def test_a_cell_per_line_table_in_bars_whose_task_is_its_assessed_target():
    """谯城区 民政局's 任务分解: each cell a line in the bars of the portal's copy
    (| 序号 | / 责任单位 | / …), four labels no table names (实施部门 reads like
    a unit), the task in the 考核指标 column; the 实施部门 cell is no agency."""
    x = extract("| 2025年度区民政局重点工作任务分解 |\n| 序号 |\n责任单位 |\n考核指标 |\n分月序时进度 |\n监督方式 |\n"
                "实施部门 |\n实施步骤 |\n完成时限 |\n| 1 |\n区民政局 |\n"
                "按照临时救助有关政策要求,按月完成临时救助的审核确认工作,及时足额发放城乡困难居民临时救助金。 |\n"
                "①1-3月份,及时完成城乡困难群众临时救助的审核确认,协调区财政局发放1-3月份临时救助金。 |\n"
                "谯城区民政局办公室0558-5130002 |\n低保中心 |\n按季度序时推进 |\n2025年12月底 |\n| 2 |\n区民政局 |\n"
                "按照城乡低保工作有关政策要求,指导乡镇按月完成城乡低保对象的动态调整工作,及时足额发放城乡低保金。 |\n"
                "①1-3月份,督促各乡镇(街道)及时完成城乡低保的审核确认和动态管理工作。 |\n谯城区民政局办公室0558-5130002 |\n"
                "低保中心 |\n按季度序时推进 |\n2025年12月底 |\n")
    assert [m.heading[:10] for m in x.measures] == ["按照临时救助有关政策", "按照城乡低保工作有关"]
    assert [(p, m.agency.name) for p, m in x.responsible] == [(1, "亳州市谯城区民政局"), (2, "亳州市谯城区民政局")]


def test_units_no_organ_table_knows_are_kept_as_written_where_the_page_names_no_area():
    """霍山 开发区's 责任清单 (a page that never names its county): 招商工作部,
    改革办 and 规划建设局 are units by their form, of no organ the tables know;
    祁门's 进度表 (no county named either) has 县科商工信局."""
    x = extract("2025年开发区重点工作及责任清单\n序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n1 |\n"
                "坚持服务跟着项目走,优化“重点项目直通车”“无忧办”工作机 制,落实重点项目“领导+专班””“项目管家”等制度,全力服务重 "
                "大项目落地见效。 |\n叶林 |\n招商工作部、安商工作部 |\n全年 |\n2 |\n"
                "全力推进开发区“空间再造”,推动工业用地“腾笼换鸟”,力争 全年盘活僵尸企业10家,盘活存量土地400亩。 |\n"
                "马振明 |\n改革办 |\n全年 |\n")
    assert [(p, u.text, u.role) for p, u in x.unbound] == [
        (1, "招商工作部", "lead"), (1, "安商工作部", "lead"), (2, "改革办", "lead")]


def test_the_wrapped_end_of_an_organ_s_name_is_no_unit():
    """眉山's 进度表: 市人力资源 / 社会保障局, a narrow cell wrapped over two
    lines; its second line alone is the end of a name, not a unit of its own."""
    x = extract("2017年1—7月十大民生工程项目实施进度表\n\n序号\n\n项 目 内 容\n\n目标任务\n\n市级牵头\n\n责任单位\n\n"
                "1\n\n促进城乡劳动者就业创业\n\n城镇新增就业(人)\n\n26000\n\n市人力资源\n\n社会保障局\n\n19456\n\n")
    assert "社会保障局" not in [u.text for _, u in x.unbound]


def test_a_table_cut_before_its_first_rows_goes_on_from_the_row_it_starts_at():
    """南陵's 政府工作报告 分解表 from row 80, a cell a line in bars (牵头责任单位 leads,
    责任单位 supports); 霍山 开发区's 责任清单, whose task column is 重点工作."""
    x = extract("2024年《政府工作报告》重点工作目标任务分解表\n附件\n2024年《政府工作报告》重点工作目标任务分解表\n序号 |\n"
                "目标与任务 |\n分 管 县领导 |\n牵头责任单位 |\n责任单位 |\n80 |\n"
                "极回应群众新期待新要求,加大普惠性托育供给,新增托位数400个以上,公办园在园幼儿占比60%以上。 |\n俞 悦 |\n县教育局 |\n"
                "县各有关单位 |\n81 |\n保障芜职院现代物流智造学院秋季开学,支持芜湖科技工程学校发展,探索职业教育赋能区域发展路径。 |\n"
                "陆 明俞 悦 |\n县教育局 |\n县各有关单位 |\n")
    assert [m.heading[:8] for m in x.measures] == ["极回应群众新期待", "保障芜职院现代物"]
    # the page never names its county: the bureau is known by its organ and level only
    assert [(p, u.text, u.organ) for p, u in x.unbound] == [(1, "县教育局", "education"), (2, "县教育局", "education")]
    y = extract("2025年开发区重点工作及责任清单\n序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n1 |\n"
                "坚持服务跟着项目走,优化“重点项目直通车”“无忧办”工作机制,全力服务重大项目落地见效。 |\n叶林 |\n"
                "招商工作部、安商工作部 |\n全年 |\n2 |\n全力推进开发区“空间再造”,推动工业用地“腾笼换鸟”。 |\n马振明 |\n改革办 |\n全年 |\n")
    assert [m.heading[:6] for m in y.measures] == ["坚持服务跟着", "全力推进开发"]


def test_the_document_a_notice_issues_after_its_signature_and_distribution_note():
    """赵县's notice (a mirror's traditional script, its pinyin glosses taken out
    as the loader takes them) signs, notes (此件公开发布) and then prints the
    实施方案 it issues: the plan's measures and their lists are the document's."""
    x = extract_glossed("趙縣人民政府辦公室關于印發(fā)《趙縣2023年民生工程實施方案》的通知\n"
                "各鄉(xiāng)(鎮(zhèn))人民政府,縣經(jīng)濟開發(fā)區(qū)管委會,縣政府各部門:\n"
                "《趙縣2023年民生工程實施方案》已經(jīng)第十七屆縣政府第三十次常務會議審議通過,現(xiàn)印發(fā)給你們,"
                "請結合實際認真抓好貫徹落實。\n趙縣人民政府辦公室\n2023年4月6日\n(此件公開發(fā)布)\n"
                "趙縣2023年民生工程實施方案\n二、主要任務\n"
                "(一)棚戶區(qū)改造工程。東晏頭棚戶區(qū)城中村改造項目開工400套,建成400套。(責任單位:縣住房和城鄉(xiāng)建設局)\n"
                "(二)城鎮(zhèn)老舊小區(qū)改造工程。改造老舊小區(qū)11個。(責任單位:縣住房和城鄉(xiāng)建設局)\n")
    assert [(p, m.agency.name) for p, m in x.responsible] == [(1, "赵县住房和城乡建设局"), (2, "赵县住房和城乡建设局")]


def test_the_issued_title_over_two_lines_and_a_responsible_line_under_the_lead_line():
    """立山区's notice signs, notes (此件公开发布) and prints the plan it issues,
    its title over two lines (立山区政府2023年重点工作 / 任务分解和责任分工方案):
    the plan's tasks are the document's. Each task's 牵头单位: line leads and
    the 责任单位: line under it supports (as 辽宁's 十二五 task division sets
    them); a development zone named there stands for its committee."""
    x = extract("鞍山市立山区人民政府文件\n鞍立政发〔2023〕2号\n"
                "立山区人民政府关于印发 《立山区政府2023年重点工作任务分解 和责任分工方案》的通知\n\n"
                "立山经济开发区,各街道办事处,各区直部门,各有关单位:\n\n"
                "经区政府同意,现将《立山区政府2023年重点工作任务分解和责任分工方案》印发给你们,请结合实际,认真贯彻落实。\n\n"
                "立山区人民政府\n\n2023年3月28日\n\n(此件公开发布)\n\n立山区政府2023年重点工作\n\n任务分解和责任分工方案\n\n"
                "一、经济社会发展的主要预期目标\n\n1.努力实现地区生产总值增长6.2%左右。\n\n牵头单位:区发改局\n\n"
                "责任单位:立山经济开发区,全区经济运行各专班\n\n2.规模上工业增加值增长5%左右。\n\n牵头单位:区工信局\n\n"
                "责任单位:立山经济开发区\n\n4.社会消费品零售总额增长9%左右。\n\n牵头单位:区商务局\n\n责任单位:各街道,区市场局\n")
    assert [(p, m.role, m.written) for p, m in x.responsible] == [
        (1, "lead", "区发改局"), (1, "support", "立山经济开发区"), (2, "lead", "区工信局"), (2, "support", "立山经济开发区"),
        (3, "lead", "区商务局"), (3, "support", "区市场局")]
    assert [(p, c.text, c.role) for p, c in x.collective] == [(3, "各街道", "support")]


def test_the_table_a_notice_issues_after_its_signature_and_an_editor_s_note():
    """国办's 关于印发2016年《政府工作报告》量化指标任务分工的通知 signs, a repost notes
    (本文有删减), and the table the title issues follows under its title, which
    has no type's ending: its rows are the document's, their header's labels
    letter-spaced (序号 工 作 任 务 牵头负责部门)."""
    x = extract("国务院办公厅关于印发2016年《政府工作报告》量化指标任务分工的通知\n\n国办函[2016]38号\n\n国务院有关部门:\n\n"
                "为切实抓好2016年《政府工作报告》的贯彻落实,经国务院领导同志同意,现将《2016年量化指标任务分工》印发给你们,"
                "并就有关事项通知如下:\n\n三、国办将加强跟踪督办,定期梳理汇总落实情况。\n\n国务院办公厅\n2016年4月6日\n\n"
                "(本文有删减)\n\n2016年《政府工作报告》量化指标任务分工\n\n序号 工 作 任 务 牵头负责部门\n"
                "1 居民消费价格涨幅3%左右 发展改革委\n2 城镇新增就业1000万人以上 人力资源社会保障部\n"
                "3 安排财政赤字2.18万亿元,赤字率提高到3% 财政部\n")
    assert [(m.role, m.written) for _, m in x.responsible] == [
        ("lead", "发展改革委"), ("lead", "人力资源社会保障部"), ("lead", "财政部")]


def test_a_cell_per_line_table_with_a_lead_column_and_another():
    """金东's 分解方案: 牵头单位 | 协同单位 copied a cell a line, a unit a line,
    the 协同单位 cell's towns (孝顺镇, 东孝街道: their governments) and groups
    (区城投集团) among them: the run's first line is the lead, the lines after it
    support; an empty cell is written /."""
    x = extract('首页\n>> 政务公开 >> 重点实事\n  • 信息索引号:\n\n    330703000000/2024-156900\n\n  • 体裁分类:\n\n  • 发布机构:\n\n    金东区人民政府\n\n  • 主题分类:\n\n  • 成文日期:\n\n    2024-03-29\n\n  • 公开方式:\n\n    主动公开\n\n2024年金东区政府民生实事项目\n\n发布时间: 2024-03-29 12:33 信息来源: 金东区人民政府 访问次数: 字体:[ ]\n\n2024年金东区政府民生实事任务分解方案\n\n序号\n\n事项分类\n\n事项名称\n\n项目内容\n\n牵头单位\n\n协同单位\n\n1\n\n打造区域教育高地\n\n新(改、扩)建一批中小学校\n\n实施新(改、扩)建中小学校5家。\n\n区教体局\n\n东孝街道\n\n孝顺镇\n\n傅村镇\n\n曹宅镇\n\n澧浦镇\n\n区发改局\n\n金义新区发展集团\n\n区城投集团\n\n区社发公司\n\n区资规分局\n\n2\n\n中小学校清廉阳光厨房建设\n\n对28所中小学校食堂安装数字化验收平台。\n\n区教体局\n\n/\n\n3\n\n“医”心为民工程\n\n新(改)建村卫生室\n\n新(改)建村卫生室80家。\n\n区卫健局\n\n各乡镇(街道)\n\n')
    rows = [(p, m.role, m.agency.name) for p, m in x.responsible]
    assert rows[0] == (1, "lead", "金华市金东区教育局")
    assert [n for p, r, n in rows if p == 1 and r == "support"][:3] == [
        "金华市金东区东孝街道办事处", "金华市金东区孝顺镇人民政府", "金华市金东区傅村镇人民政府"]
    assert [(p, r) for p, r, _ in rows if p == 2] == [(2, "lead")]
    assert [(p, c.role, c.text) for p, c in x.collective] == [(3, "support", "各乡镇(街道)")]


def test_a_line_of_the_main_responsible_units_leads():
    """主要责任单位: (大兴's 重点工作分工方案; 南宁's 城乡清洁工程 brackets write it so):
    the units in charge, as 责任单位: is."""
    x = extract("  2023年区政府工作报告重点工作分工方案(共计121项)\n\n  一、全区经济社会发展主要预期目标\n\n"
                "  1.地区生产总值比上年增长4.5%以上。\n\n  牵头领导:常务副区长\n\n  主要责任单位:区发展改革委\n\n  完成时\n")
    assert [(p, u.role, u.text) for p, u in x.unbound] == [(1, "lead", "区发展改革委")]


def test_a_responsible_line_alone_leads():
    """A 责任单位: line with no 牵头单位: line above it leads (蔡甸区's 目标任务
    责任分解方案, whose page never names its district: the units are kept as
    written; the negative of the rule above)."""
    x = extract("区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n\n"
                "一、2023年全区经济社会发展的主要预期目标\n\n(一)地区生产总值增长7%以上\n\n责任单位:区发展和改革局\n\n"
                "(二)规上工业增加值增长12%以上\n")
    assert [(p, u.role, u.text) for p, u in x.unbound] == [(1, "lead", "区发展和改革局")]
