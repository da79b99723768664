"""Shared fixtures: the bundled corpus built once per session."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
EXTRA = ROOT.parent / "shared" / "corpus-extra"

# Every build the tests make states validity on one day (SOURCE_DATE_EPOCH,
# the reproducible-builds convention kg build follows), so that outputs
# compared byte for byte, or with the golden graph, do not change at
# midnight; tests/golden/regenerate.py writes the golden graph on the same day.
REFERENCE_DAY_EPOCH = "1796083200"      # 2026-12-01
os.environ["SOURCE_DATE_EPOCH"] = REFERENCE_DAY_EPOCH


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    from kg.pipeline.build import build
    out = tmp_path_factory.mktemp("seed-build")
    report = build(CORPUS, out)
    return report, out


@pytest.fixture(scope="session")
def seed_graph(seed_build):
    from kg.store.database import load_graph
    _, out = seed_build
    return load_graph(out / "graph.trig")


@pytest.fixture(scope="session")
def seed_extractions():
    from kg.read.cleaning import clean
    from kg.extract.document import extract_mentions
    from kg.read.loading import load_corpus
    sources, _ = load_corpus(CORPUS)
    return {s.relative_path: extract_mentions(clean(s)) for s in sources}


def present(corpus: Path) -> Path:
    """A corpus folder, or a clean skip where it is absent (a user's clone has
    no ../shared)."""
    if not corpus.is_dir():
        pytest.skip(f"{corpus} not present (../shared is optional)")
    return corpus


def extra_file(name: str) -> Path:
    path = EXTRA / name
    if not path.is_file():
        pytest.skip(f"{path} not present (shared/corpus-extra is optional)")
    return path


def build_texts(tmp_path_factory, name: str, texts: dict[str, str]) -> Path:
    """Build a corpus of the given files (name -> text); the output folder."""
    from kg.pipeline.build import build
    corpus = tmp_path_factory.mktemp(f"{name}-corpus")
    for file_name, text in texts.items():
        (corpus / file_name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp(f"{name}-out")
    build(corpus, out)
    return out


def select(graph, query: str, **bindings):
    from kg.store.query import run_query
    return [tuple(None if v is None else str(v) for v in row)
            for row in run_query(graph, query, bindings).rows]


CHROMIUM = Path("/usr/bin/chromium")
# The flags Chromium needs on a machine with no network and no display.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright. `make test` installs
    Chromium; without it the browser tests fail under CI and skip elsewhere."""
    import os
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} missing: `make test` installs it (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def open_page(browser, url: str):
    """A page at ``url`` with every console error, page error and off-machine
    request recorded in ``page.problems``."""
    page = browser.new_page()
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: problems.append(f"network request: {r.url}")
            if not r.url.startswith(("file:", "data:", "blob:", "http://127.0.0.1", "about:")) else None)
    page.problems = problems
    page.goto(url)
    return page


@contextmanager
def serving(out, **options):
    """kg serve on the build in ``out``, on a free loopback port: its base URL."""
    import threading
    from kg.views.serve import make_server
    server = make_server(out, "127.0.0.1", 0, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
