"""Generate a scaling corpus from the real seed text: implementation trees
national → every province → its cities → their counties, one tree per
national document of ROUNDS (about 3,200 documents each, 12,800 in all).

Every file is a GENERATED VARIANT, labelled as such in its name (gen-*.txt)
and in the folder's README: the heading, number, date and area are varied so
that documents do not collapse into one entity; the body is seed 003's text.

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
# under it, one generated implementing document per province, city and county.
ROUNDS = (
    ("国务院办公厅关于推进养老服务发展的意见", "国办发〔2019〕5号", "推进养老服务发展", "进一步推进养老服务高质量发展", 2019),
    ("国务院办公厅关于促进养老托育服务健康发展的意见", "国办发〔2020〕52号", "促进养老托育服务健康发展",
     "促进养老托育服务健康发展", 2021),
    ("国务院办公厅关于建设高质量养老服务体系的意见", "国办发〔2022〕21号", "建设高质量养老服务体系",
     "加快建设高质量养老服务体系", 2022),
    ("国务院办公厅关于发展银发经济增进老年人福祉的意见", "国办发〔2024〕1号", "发展银发经济增进老年人福祉",
     "发展银发经济增进老年人福祉", 2024),
)


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

    provinces = sorted((a for a in gaz.by_code.values() if a.level == "province" and a.code in abbreviations),
                       key=lambda a: a.code)
    for r, (national_title, national_number, p_subject, local_subject, year) in enumerate(ROUNDS):
        for p_index, province in enumerate(provinces, start=1):
            p_office = f"{province.name}人民政府办公厅"
            p_title = f"{p_office}关于{p_subject}的实施意见"
            p_number = f"{abbreviations[province.code]}政办发〔{year}〕{p_index + 100 * r}号"
            basis = f"为贯彻落实《{national_title}》（{national_number}）精神，结合本省实际，现提出如下实施意见。"
            if not write(f"{r}-{province.code}", document(p_title, p_number, "各市人民政府", basis, body, p_office,
                                                         f"{year}年{1 + p_index % 12}月{1 + p_index % 28}日")):
                return written
            cities = sorted((a for a in gaz.by_code.values() if a.parent == province.code), key=lambda a: a.code)
            for c_index, city in enumerate(cities, start=1):
                c_office = f"{gaz.qualified_name(city)}人民政府办公室"
                c_title = f"{c_office}关于{local_subject}的实施意见"
                basis = f"为贯彻落实《{p_title}》（{p_number}）精神，进一步{local_subject}，现提出如下实施意见。"
                if not write(f"{r}-{city.code}", document(c_title, None, "各区县人民政府", basis, body, c_office,
                                                         f"{year + 1}年{1 + c_index % 12}月{1 + c_index % 28}日")):
                    return written
                counties = sorted((a for a in gaz.by_code.values() if a.parent == city.code), key=lambda a: a.code)
                for k_index, county in enumerate(counties, start=1):
                    k_office = f"{gaz.qualified_name(county)}人民政府办公室"
                    k_title = f"{k_office}关于{local_subject}的实施意见"
                    basis = f"为贯彻落实《{c_title}》精神，{local_subject}，现提出如下实施意见。"
                    if not write(f"{r}-{county.code}",
                                 document(k_title, None, "各镇政府、街道办事处", basis, body, k_office,
                                          f"{year + 2}年{1 + k_index % 12}月{1 + k_index % 28}日")):
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
