"""``kg coverage --html``: an offline page of which areas carry a document
out — a tile map (China's provinces in the layout of ``province_tiles.tsv``,
or a province's cities in a grid) coloured by status, and a timeline of the
implementation dates. Inline SVG and CSS, no script."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional

from kg.datafiles import read_tsv
from kg.models import AreaCoverage

TEMPLATES = Path(__file__).resolve().parent / "templates"
TILE, GAP, COLUMNS = 64, 6, 8          # tile size and gap in px; columns of a grid of cities
TIMELINE_WIDTH, ROW = 760, 26


@lru_cache(maxsize=1)
def _province_tiles() -> dict[str, tuple[int, int, str]]:
    return {r["code"]: (int(r["row"]), int(r["col"]), r["name"]) for r in read_tsv("province_tiles.tsv")}


def _tiles(rows: list[AreaCoverage], t: dict[str, str]) -> list[dict]:
    layout = _province_tiles()
    provinces = all(r.area_code in layout for r in rows)
    tiles = []
    for i, r in enumerate(rows):
        row, col, label = layout[r.area_code or ""] if provinces else (i // COLUMNS, i % COLUMNS, r.area)
        detail = (f"{r.implementing[0]}, {r.first_date or t['undated']}" if r.implementing
                  else t[f"status_{r.status}"])
        tiles.append({"code": r.area_code, "status": r.status, "label": label[:4], "x": col * (TILE + GAP) + GAP,
                      "y": row * (TILE + GAP) + GAP, "tooltip": f"{r.area}: {detail}"})
    return tiles


def _timeline(rows: list[AreaCoverage], target_date: Optional[str], t: dict[str, str]) -> list[dict]:
    dated = sorted((r for r in rows if r.first_date), key=lambda r: (r.first_date or "", r.area))
    days = [date.fromisoformat(r.first_date or "") for r in dated] + ([date.fromisoformat(target_date)] if target_date else [])
    if not dated:
        return []
    start, end = min(days), max(days)
    span = max((end - start).days, 1)

    def x(day: date) -> float:
        return 120 + (TIMELINE_WIDTH - 360) * (day - start).days / span

    events = []
    if target_date:
        events.append({"code": "", "kind": "no-documents", "x": x(date.fromisoformat(target_date)), "y": 24,
                       "label": f"{target_date} {t['coverage_the_document']}", "tooltip": target_date})
    for i, r in enumerate(dated, start=1):
        lag = ", " + t["coverage_days_after"].format(lag=r.lag_days) if r.lag_days is not None else ""
        events.append({"code": r.area_code, "kind": "implemented", "x": x(date.fromisoformat(r.first_date or "")),
                       "y": 24 + i * ROW, "label": f"{r.first_date} {r.area}",
                       "tooltip": f"{r.area}: {r.implementing[0]}{lag}"})
    return events


def coverage_page(target: str, target_date: Optional[str], rows: list[AreaCoverage], lang: str = "zh") -> str:
    """The page, Chinese first (``lang="en"`` for English), its words from ``ui_strings.tsv``."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from kg.views.site import language, ui_strings
    lang = language(lang)
    t = ui_strings(lang)
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    tiles = _tiles(rows, t)
    timeline = _timeline(rows, target_date, t)
    counts = {s: sum(1 for r in rows if r.status == s) for s in ("implemented", "not-implementing", "no-documents")}
    summary = t["coverage_summary"].format(total=len(rows), implemented=counts["implemented"],
                                           not_implementing=counts["not-implementing"],
                                           no_documents=counts["no-documents"])
    return env.get_template("coverage.html").render(
        t=t, lang=lang, target=target, target_date=target_date, rows=rows, summary=summary, tiles=tiles, tile=TILE,
        tiles_width=max((x["x"] for x in tiles), default=0) + TILE + GAP,
        tiles_height=max((x["y"] for x in tiles), default=0) + TILE + GAP,
        timeline=timeline, timeline_width=TIMELINE_WIDTH, timeline_height=len(timeline) * ROW + 40, axis_left=110)
