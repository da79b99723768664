"""Regenerate kg/data/townships.tsv: every township (镇, 乡) and street (街道)
of the National Bureau of Statistics' 统计用区划代码, with its county.

GB/T 2260 ends at the county, so a page that names only its township
(官庄镇为防范…, 来源:马桥镇) cannot be placed from areas.tsv alone. This
table places a township whose name is one place in the country, or one place
within the area the page is of; names shared by many (城关镇) stay unplaced.

The input is the NBS table as a CSV of code, name, county code (columns
``code,name,areaCode``), as the Administrative-divisions-of-China project
publishes it (``dist/streets.csv``, NBS data of 2022-10-31, WTFPL):

    python tools/generate_townships.py streets.csv

Rows whose county is not in areas.tsv (NBS's statistical zones, 410173 …)
and units that are no township (farms, 苏木, development zones) are left out.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
OUT = DATA / "townships.tsv"
TOWNSHIP_ENDINGS = ("镇", "乡", "街道")


def main(source: str) -> int:
    with (DATA / "areas.tsv").open(encoding="utf-8") as fh:
        # a city with no counties (东莞市, 中山市, 儋州市, 嘉峪关市) holds its townships itself
        counties = {row["code"] for row in csv.DictReader(fh, delimiter="\t") if row["level"] in ("county", "city")}
    with open(source, encoding="utf-8") as fh:
        rows = sorted({(r["code"], r["name"], r["areaCode"]) for r in csv.DictReader(fh)
                       if r["areaCode"] in counties and r["name"].endswith(TOWNSHIP_ENDINGS)})
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(("code", "name", "county"))
        writer.writerows(rows)
    print(f"wrote {len(rows)} townships to {OUT}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
