"""The README's picture of the overview: the seeds, ../shared/corpus-extra and
../shared/corpus-pages/clean built together in a temporary folder (the
shared texts are not copied into the repository), graph.html opened in
headless Chromium at 1600×900 and photographed once drawn.

    python tools/screenshot_overview.py [-o docs/overview.png]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from kg.pipeline.build import HTML_FILE, build  # noqa: E402

SHARED = ROOT.parent / "shared"
FOLDERS = {"seeds": ROOT / "corpus", "extra": SHARED / "corpus-extra", "pages": SHARED / "corpus-pages" / "clean"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "docs" / "overview.png")
    args = parser.parse_args()
    missing = [str(p) for p in FOLDERS.values() if not p.is_dir()]
    if missing:
        raise SystemExit(f"missing: {', '.join(missing)}")
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory(prefix="kg-overview-shot-") as work:
        corpus, out = Path(work) / "corpus", Path(work) / "build"
        for name, folder in FOLDERS.items():
            (corpus / name).mkdir(parents=True)
            for text in folder.glob("*.txt"):
                shutil.copy(text, corpus / name / text.name)
        report = build(corpus, out)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1600, "height": 900})
            page.goto((out / HTML_FILE).as_uri())
            page.wait_for_function("window.policyKg && window.policyKg.firstDrawMs !== null", timeout=120_000)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
            browser.close()
    print(f"{report.documents} documents; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
