"""Regression: a promulgation notice signs before the measure it issues, so
the signature must not end the body (the 办法's articles are its measures)."""
from pathlib import Path

from kg.read.cleaning import clean
from kg.extract.document import extract_mentions
from kg.models import SourceDocument

ARTICLES = "".join(f"第{n}条 本办法的第{n}项规定，适用于本市行政区域内的居家社区养老服务和管理活动。\n"
                   for n in ("一", "二", "三", "四", "五", "六", "七", "八"))
TEXT = ("穗府办规〔2022〕13号\n广州市人民政府办公厅关于印发广州市居家社区养老服务管理办法的通知\n各区人民政府：\n"
        "《广州市居家社区养老服务管理办法》已经市政府同意，现印发给你们，请遵照执行。\n"
        "广州市人民政府办公厅\n2022年9月6日\n广州市居家社区养老服务管理办法\n" + ARTICLES)


def test_measures_after_the_notice_signature():
    x = extract_mentions(clean(SourceDocument(Path("t.txt"), "t.txt", TEXT, "utf-8")))
    assert x.date.isoformat() == "2022-09-06"
    assert [m.ordinal for m in x.measures] == [f"第{n}条" for n in ("一", "二", "三", "四", "五", "六", "七", "八")]
