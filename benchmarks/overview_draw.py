"""Figures for the overview (graph.html) at hundreds and thousands of documents.

For each size, generates the scaling corpus (generate_corpus.py) and builds it
unless the work folder already holds that build, then:

- writes the overview again with `kg viz` in a new process (once) and gives
  the file's size;
- opens it in headless Chromium (Debian's, software rendering, 1600×900)
  `--runs` times and takes medians of: time to first draw, counted from the
  start of navigation (parsing the page and its data included); frames drawn
  per second during 3 s of scripted panning and zooming; expanding the most
  important document of the corpus until the next frame is drawn; the JavaScript heap.

    python benchmarks/overview_draw.py [--documents 500 5000] [--work DIR] [--runs 5]
    python benchmarks/overview_draw.py --page BUILD/graph.html [--runs 5]     # a page as a build drew it

Above AREAS_FIRST_ABOVE documents the page opens on areas: it also gives
the time to draw the area of that document (as a search for it does).

Run it with nothing else using the CPU; the figures go in benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks.generate_corpus import generate  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from kg.pipeline.build import build  # noqa: E402

VIEWPORT = {"width": 1600, "height": 900}
PAN_ZOOM_SECONDS = 3

# Pans in a circle round the centre while zooming in and out; counts the
# frames vis-network actually draws (afterDrawing), not animation callbacks.
PAN_ZOOM = """seconds => new Promise(done => {
  const net = window.policyKg.network, start = performance.now(), centre = net.getViewPosition();
  const scale = net.getScale();
  let frames = 0;
  const count = () => { frames++; };
  net.on("afterDrawing", count);
  function step(now) {
    const t = (now - start) / 1000;
    if (t >= seconds) { net.off("afterDrawing", count); done(frames / t); return; }
    net.moveTo({ position: { x: centre.x + 400 * Math.cos(t * 2), y: centre.y + 200 * Math.sin(t * 2) },
                 scale: scale * (1 + 0.8 * Math.sin(t * 1.5) ** 2) });
    requestAnimationFrame(step);
  }
  requestAnimationFrame(step);
})"""

# The most important document the corpus holds (a stub has no measures to bring).
BEST = """(() => {
  const D = window.policyKg.data;
  let best = -1;
  D.nodes.forEach((n, i) => { if (n[6] !== null && n[9] && !n[9].stub && (best < 0 || n[8] > D.nodes[best][8])) best = i; });
  return best;
})()"""

# A page that opens on areas: draws the area of that document (as a search
# for it does) and waits for the frame that shows its documents.
OPEN_AREA = """best => new Promise(done => {
  const pk = window.policyKg;
  const start = performance.now();
  pk.ensureShown(best);
  pk.network.once("afterDrawing", () => done([performance.now() - start, pk.shown.size]));
  pk.network.redraw();
})"""

# Expands that document and waits for the frame that shows what it brought.
EXPAND = """best => new Promise(done => {
  const pk = window.policyKg;
  const start = performance.now();
  const added = pk.expand(best);
  pk.network.once("afterDrawing", () => done([performance.now() - start, added.length]));
  pk.network.redraw();
})"""


def built(work: Path, documents: int) -> Path:
    corpus, out = work / f"corpus-{documents}", work / f"build-{documents}"
    if not (out / "report.json").exists():
        generate(corpus, documents)
        build(corpus, out)
    return out


def rewrite_overview(out: Path, page: Path) -> float:
    kg = Path(sys.executable).parent / "kg"
    start = time.perf_counter()
    subprocess.run([str(kg), "viz", str(out), "-o", str(page)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure_page(browser, page_path: Path) -> dict:
    page = browser.new_page(viewport=VIEWPORT)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_path.as_uri(), timeout=600_000)
    page.wait_for_function("window.policyKg && window.policyKg.firstDrawMs !== null", timeout=600_000)
    figures = {"first draw ms": page.evaluate("window.policyKg.firstDrawMs"),
               "documents drawn": page.evaluate("window.policyKg.shown.size"),
               "areas drawn": page.evaluate("window.policyKg.data.areas_first ? window.policyKg.data.boxes.length : 0"),
               "labels drawn": page.evaluate("window.policyKg.labelsDrawn")}
    figures["pan/zoom fps"] = page.evaluate(PAN_ZOOM, PAN_ZOOM_SECONDS)
    best = page.evaluate(BEST)
    if page.evaluate("window.policyKg.data.areas_first"):
        figures["open area ms"], figures["documents drawn after"] = page.evaluate(OPEN_AREA, best)
    figures["expand ms"], figures["nodes added"] = page.evaluate(EXPAND, best)
    figures["JS heap MB"] = page.evaluate("performance.memory.usedJSHeapSize") / 2**20
    page.close()
    if errors:
        raise SystemExit(f"{page_path}: page errors: {errors}")
    return figures


def report(browser, page: Path, runs: int) -> None:
    measured = [measure_page(browser, page) for _ in range(runs)]
    for name in measured[0]:
        values = [r[name] for r in measured]
        print(f"  {name} (median of {len(measured)}): {statistics.median(values):.1f}  "
              f"[{min(values):.1f}–{max(values):.1f}]")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", type=Path, nargs="+", default=[],
                        help="Measure these pages as they are (no corpus generated, no kg viz).")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} missing: `make test` installs it")
    from playwright.sync_api import sync_playwright
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-overview-bench-"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for page in args.page:
            print(f"{page}: {page.stat().st_size / 2**20:.1f} MiB")
            report(browser, page, args.runs)
        for documents in ([] if args.page else args.documents):
            out = built(work, documents)
            page = work / f"overview-{documents}.html"
            viz_s = rewrite_overview(out, page)
            print(f"{documents} generated documents: kg viz {viz_s:.1f} s, "
                  f"graph.html {page.stat().st_size / 2**20:.1f} MiB")
            report(browser, page, args.runs)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
