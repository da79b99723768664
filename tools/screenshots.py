"""The README's pictures: the seeds, ../shared/corpus-extra and
../shared/corpus-pages/clean built together in a temporary folder (the
shared texts are not copied into the repository), then photographed in
headless Chromium at 1600×900: the overview (graph.html) and, served by
``kg serve``, the index, a document page, a stub page, the SPARQL page with
a saved query run, the coverage page, and a chain view (``kg viz --chain``),
each in Chinese and in English.

    python tools/screenshots.py [-o docs]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, serving  # noqa: E402
from kg.pipeline.build import HTML_FILE, build  # noqa: E402
from kg.store.database import load_graph  # noqa: E402
from kg.views.serve import local_path  # noqa: E402
from kg.views.viz import write_view  # noqa: E402

SHARED = ROOT.parent / "shared"
FOLDERS = {"seeds": ROOT / "corpus", "extra": SHARED / "corpus-extra", "pages": SHARED / "corpus-pages" / "clean"}
DOCUMENT = "https://w3id.org/policy-kg/id/doc/威环政办发/2022/2"       # a district's implementation opinion
STUB = "https://w3id.org/policy-kg/id/doc/国办发/2019/5"                # cited, not in the corpus
REF = "国办发〔2019〕5号"
VIEWPORT = {"width": 1600, "height": 900}


def _pages(base: str, lang: str) -> dict[str, str]:
    """name -> address of each served page to photograph."""
    return {
        "index": f"{base}/?lang={lang}",
        "document": f"{base}{local_path(DOCUMENT)}?lang={lang}",
        "stub": f"{base}{local_path(STUB)}?lang={lang}",
        "coverage": f"{base}/coverage?" + urlencode({"ref": REF, "lang": lang}),
    }


def _sparql(page, base: str, lang: str, path: Path) -> None:
    """The SPARQL page with the saved query cited-by run for REF."""
    page.goto(f"{base}/sparql?lang={lang}")
    page.wait_for_function("window.policyKg && window.policyKg.yasgui")
    page.select_option("#saved", "cited-by")
    page.evaluate("window.policyKg.yasgui.getTab().query()")
    page.wait_for_selector(".yasr table tbody tr", timeout=60_000)
    page.screenshot(path=str(path))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    missing = [str(p) for p in FOLDERS.values() if not p.is_dir()]
    if missing:
        raise SystemExit(f"missing: {', '.join(missing)}")
    from playwright.sync_api import sync_playwright
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="kg-shots-") as work:
        corpus, out = Path(work) / "corpus", Path(work) / "build"
        for name, folder in FOLDERS.items():
            (corpus / name).mkdir(parents=True)
            for text in folder.glob("*.txt"):
                shutil.copy(text, corpus / name / text.name)
        report = build(corpus, out)
        store = load_graph(out)
        for lang in ("zh", "en"):
            write_view(store, Path(work) / f"chain-{lang}.html", lang=lang, chain=REF)
        with sync_playwright() as p, serving(out, timeout=60) as base:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport=VIEWPORT)
            page.goto((out / HTML_FILE).as_uri())
            page.wait_for_function("window.policyKg && window.policyKg.firstDrawMs !== null", timeout=120_000)
            page.screenshot(path=str(args.out / "overview.png"))
            written.append("overview.png")
            for lang in ("zh", "en"):
                for name, url in _pages(base, lang).items():
                    page.goto(url)
                    page.wait_for_load_state("load")
                    page.screenshot(path=str(args.out / f"{name}-{lang}.png"))
                    written.append(f"{name}-{lang}.png")
                _sparql(page, base, lang, args.out / f"sparql-{lang}.png")
                page.goto((Path(work) / f"chain-{lang}.html").as_uri())
                page.wait_for_function("window.policyKg !== undefined", timeout=60_000)
                page.wait_for_timeout(1500)       # the physics settles
                page.screenshot(path=str(args.out / f"chain-{lang}.png"))
                written += [f"sparql-{lang}.png", f"chain-{lang}.png"]
            browser.close()
    print(f"{report.documents} documents; wrote {', '.join(written)} in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
