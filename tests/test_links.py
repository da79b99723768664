"""No dead link: every page a served build links to answers 200.

A link checker crawls ``kg serve`` over the seeds' build from its index
(Chinese and English), following every same-site link of every page it
reaches (resource pages of documents, agencies, areas, measures, concepts,
programmes; the glossary, the SPARQL page), and fails on any answer but 200.
"""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import present, serving

pytestmark = pytest.mark.server
HREF = re.compile(r"""href=["']([^"'#]+)""")
MAX_PAGES = 20000          # more than a build of all of ../shared serves (6,258 pages)


@pytest.fixture(scope="module")
def site(seed_build):
    with serving(seed_build[1], timeout=10.0) as url:
        yield url


def status_and_body(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            kind = response.headers.get("Content-Type", "")
            return response.status, response.read().decode("utf-8") if "html" in kind else ""
    except urllib.error.HTTPError as err:
        return err.code, ""


def crawl(site: str, starts: list[str]) -> tuple[dict[str, int], dict[str, str]]:
    """Status of every same-site page reachable from ``starts``, and the page
    each was first linked from."""
    seen: dict[str, int] = {}
    linked_from: dict[str, str] = {}
    queue = [site + s for s in starts]
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop()
        if url in seen:
            continue
        status, body = status_and_body(url)
        seen[url] = status
        for href in HREF.findall(body):
            target = urljoin(url, unescape(href))
            parts = urlsplit(target)
            if f"{parts.scheme}://{parts.netloc}" != site or parts.path.endswith((".js", ".css")):
                continue
            if target not in seen:
                linked_from.setdefault(target, url)
                queue.append(target)
    return seen, linked_from


def test_every_link_of_every_page_answers(site):
    seen, linked_from = crawl(site, ["/?lang=zh", "/?lang=en", "/glossary", "/sparql"])
    dead = {url: (status, linked_from.get(url)) for url, status in seen.items() if status != 200}
    assert len(seen) > 100          # the crawl reached the resource pages
    assert not dead, list(dead.items())[:10]


def test_links_keep_the_language_in_one_query_string(site):
    """/resource?iri=…&lang=en, never a second ? (…/level/county?lang=zh)."""
    seen, _ = crawl(site, ["/?lang=en"])
    assert not [url for url in seen if url.count("?") > 1]


def test_no_dead_link_in_a_build_of_everything_in_shared(tmp_path):
    """#33's done-when: the seeds, corpus-extra and every page of corpus-pages
    (clean and damaged) built together and served; every page of it answers
    200 (6,258 pages at this writing)."""
    import shutil
    from pathlib import Path
    from kg.pipeline.build import build
    shared = present(Path(__file__).resolve().parent.parent.parent / "shared")
    root = Path(__file__).resolve().parent.parent
    corpus = tmp_path / "corpus"
    for name, folder in (("seeds", root / "corpus"), ("extra", shared / "corpus-extra"),
                         ("pages", shared / "corpus-pages" / "clean"), ("damaged", shared / "corpus-pages" / "damaged")):
        (corpus / name).mkdir(parents=True)
        for text in folder.glob("*.txt"):
            shutil.copy(text, corpus / name / text.name)
    build(corpus, tmp_path / "out")
    with serving(tmp_path / "out", timeout=10.0) as url:
        seen, linked_from = crawl(url, ["/?lang=zh", "/?lang=en", "/glossary", "/sparql"])
    dead = {page: (status, linked_from.get(page)) for page, status in seen.items() if status != 200}
    assert len(seen) > 3000 and len(seen) < MAX_PAGES
    assert not dead, list(dead.items())[:10]

