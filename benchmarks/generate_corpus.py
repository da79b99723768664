"""Generate a scaling corpus from the real seed text: implementation trees
national → every province → its cities → their counties, one tree per
national document of ROUNDS, and in every area of a tree four kinds of
document (the government's implementation opinion; the civil-affairs
bureau's notice carrying it out; the finance and civil-affairs bureaus'
notice allocating funds under it; the bureau's reply to a proposal that
cites it): about 3,200 areas × 4 kinds × 8 rounds, some 102,000 documents.

Every file is a GENERATED VARIANT, labelled as such in its name (gen-*.txt)
and in the folder's README: the heading, number, date and area are varied so
that documents do not collapse into one entity; the opinions' body is seed
003's text, the other kinds carry short generated bodies.

    python benchmarks/generate_corpus.py OUT_DIR [--limit N]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.lexicon.areas import gazetteer  # noqa: E402
from kg.datafiles import read_tsv  # noqa: E402

SEED = ROOT / "corpus" / "003_6668840891539c5f.txt"
NATIONAL_TITLE = "国务院办公厅关于推进养老服务发展的意见"


def seed_body() -> str:
    text = SEED.read_text(encoding="utf-8")
    start = text.index("一、加快养老服务设施建设")
    return text[start:]


def document(title: str, number: str | None, addressees: str, basis: str, body: str,
             issuer: str, date: str) -> str:
    lines = [title]
    if number:
        lines.append(number)
    lines += ["", f"{addressees}：", basis, body, "", issuer, date, ""]
    return "\n".join(lines)


# One implementation tree per round: a national document (left a stub) and,
# under it, in every province, city and county, the KINDS of document below.
ROUNDS = (
    ("国务院办公厅关于推进养老服务发展的意见", "国办发〔2019〕5号", "推进养老服务发展", "进一步推进养老服务高质量发展", 2019),
    ("国务院办公厅关于促进养老托育服务健康发展的意见", "国办发〔2020〕52号", "促进养老托育服务健康发展",
     "促进养老托育服务健康发展", 2021),
    ("国务院办公厅关于建设高质量养老服务体系的意见", "国办发〔2022〕21号", "建设高质量养老服务体系",
     "加快建设高质量养老服务体系", 2022),
    ("国务院办公厅关于发展银发经济增进老年人福祉的意见", "国办发〔2024〕1号", "发展银发经济增进老年人福祉",
     "发展银发经济增进老年人福祉", 2024),
    ("国务院关于加快发展养老服务业的若干意见", "国发〔2013〕35号", "加快发展养老服务业", "加快发展养老服务业", 2013),
    ("国务院办公厅关于推进医疗卫生与养老服务相结合的指导意见", "国办发〔2015〕84号", "推进医疗卫生与养老服务相结合",
     "推进医养结合发展", 2015),
    ("国务院办公厅关于全面放开养老服务市场提升养老服务质量的若干意见", "国办发〔2016〕91号",
     "全面放开养老服务市场提升养老服务质量", "提升养老服务质量", 2016),
    ("国务院办公厅关于制定和实施老年人照顾服务项目的意见", "国办发〔2017〕52号", "制定和实施老年人照顾服务项目",
     "实施老年人照顾服务项目", 2017),
)
KINDS = ("opinion", "bureau", "funds", "reply")
MEASURES = ("一、加强居家社区养老服务。推进街道综合养老服务中心建设，每个街道至少建成1个。（区民政局牵头，区财政局配合）",
            "二、发展医养结合服务。支持养老机构内设医疗机构，护理型床位占比达到55%以上。（区卫生健康局、区民政局按职责分工负责）",
            "三、完善经济困难老年人补贴制度。对80周岁以上老年人按每人每月100元发放高龄津贴。（区财政局、区民政局负责）")


def file_name(round_index: int, code: str, kind: str) -> str:
    """A file's name: no area code's '/' (a functional area's, 370200/青岛西海岸新区) becomes a folder."""
    return f"{round_index}-{code.replace('/', '_')}-{kind}"


def generate(out: Path, limit: int | None = None) -> int:
    gaz = gazetteer()
    abbreviations = {row["code"]: row["abbreviation"] for row in read_tsv("province_abbreviations.tsv")
                     if len(row["abbreviation"]) == 1}
    body = seed_body()
    out.mkdir(parents=True, exist_ok=True)
    (out / "README.md").write_text(
        "# Generated scaling corpus\n\nEvery file here is a generated variant of seed 003 (policy-kg "
        "benchmarks/generate_corpus.py): headings, numbers, dates and areas are varied; none is a real "
        "document.\n", encoding="utf-8")
    written = 0

    def write(name: str, text: str) -> bool:
        nonlocal written
        if limit is not None and written >= limit:
            return False
        (out / f"gen-{name}.txt").write_text(text, encoding="utf-8")
        written += 1
        return True

    def area_documents(r: int, area, title: str, number: str | None, year: int, index: int, basis: str,
                       addressees: str) -> bool:
        """The four kinds of one area: its government's opinion (``title``) and what its bureaus make of it."""
        name = gaz.qualified_name(area)
        office = f"{name}人民政府办公室" if area.level != "province" else f"{name}人民政府办公厅"
        day = f"{year}年{1 + index % 12}月{1 + index % 28}日"
        cited = f"《{title}》" + (f"（{number}）" if number else "")
        later = f"{year}年{1 + (index + 3) % 12}月{1 + (index + 5) % 28}日"
        texts = {
            "opinion": document(title, number, addressees, basis, body, office, day),
            "bureau": document(f"{name}民政局关于贯彻落实{cited[1:cited.index('》')]}的通知", None, "各有关单位",
                               f"为贯彻落实{cited}精神，现就有关事项通知如下。", "\n".join(MEASURES),
                               f"{name}民政局", later),
            "funds": document(f"{name}财政局 {name}民政局关于下达{year}年养老服务补助资金的通知", None, "各有关单位",
                              f"根据{cited}要求，现下达{year}年养老服务补助资金{100 + index % 900}万元，用于居家社区养老服务。",
                              "请按规定使用资金，确保专款专用。", f"{name}财政局\n{name}民政局", later),
            # a proposal number of its round: one area's replies of eight rounds are eight documents
            "reply": document(f"关于{name}政协第{1000 * (r + 1) + index}号提案的答复", None, "王某某委员",
                              f"您提出的《关于加快发展居家养老服务的提案》收悉。按照{cited}部署，我局推进相关工作，现答复如下。",
                              MEASURES[0], f"{name}民政局", later),
        }
        return all(write(file_name(r, area.code, kind), texts[kind]) for kind in KINDS)

    provinces = sorted((a for a in gaz.by_code.values() if a.level == "province" and a.code in abbreviations),
                       key=lambda a: a.code)
    for r, (national_title, national_number, p_subject, local_subject, year) in enumerate(ROUNDS):
        for p_index, province in enumerate(provinces, start=1):
            p_title = f"{province.name}人民政府办公厅关于{p_subject}的实施意见"
            p_number = f"{abbreviations[province.code]}政办发〔{year}〕{p_index + 100 * r}号"
            basis = f"为贯彻落实《{national_title}》（{national_number}）精神，结合本省实际，现提出如下实施意见。"
            if not area_documents(r, province, p_title, p_number, year, p_index, basis, "各市人民政府"):
                return written
            cities = sorted((a for a in gaz.by_code.values() if a.parent == province.code), key=lambda a: a.code)
            for c_index, city in enumerate(cities, start=1):
                c_title = f"{gaz.qualified_name(city)}人民政府办公室关于{local_subject}的实施意见"
                basis = f"为贯彻落实《{p_title}》（{p_number}）精神，进一步{local_subject}，现提出如下实施意见。"
                if not area_documents(r, city, c_title, None, year + 1, c_index, basis, "各区县人民政府"):
                    return written
                counties = sorted((a for a in gaz.by_code.values() if a.parent == city.code), key=lambda a: a.code)
                for k_index, county in enumerate(counties, start=1):
                    k_title = f"{gaz.qualified_name(county)}人民政府办公室关于{local_subject}的实施意见"
                    basis = f"为贯彻落实《{c_title}》精神，{local_subject}，现提出如下实施意见。"
                    if not area_documents(r, county, k_title, None, year + 2, k_index, basis, "各镇政府、街道办事处"):
                        return written
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    print(f"wrote {generate(args.out, args.limit)} generated documents to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
