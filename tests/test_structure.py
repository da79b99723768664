"""Numbered structure and measures."""
def test_reply_measures_stop_before_the_closing(seed_extractions):
    x = seed_extractions["001_1410279ce797c75e.txt"]
    assert [m.ordinal for m in x.measures] == ["一是", "二是", "三是", "四是", "五是"]
    last = x.measures[-1].span.slice(x.document.text)
    assert "联系人" not in last and "感谢" not in last


def test_sections_are_the_enclosing_heading(seed_extractions):
    x = seed_extractions["003_6668840891539c5f.txt"]
    assert x.measures[0].section == "加快养老服务设施建设"
    assert x.measures[-1].section == "健全养老服务制度机制"
    assert x.measures[0].heading == "实施特困人员供养服务设施（敬老院）提升改造工程"


def test_measure_spans_verify(seed_extractions):
    for x in seed_extractions.values():
        for m in x.measures:
            assert m.heading in m.span.slice(x.document.text)
