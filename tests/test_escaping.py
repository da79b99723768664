"""Document text is untrusted: markup injected into titles shows as text in
every HTML page the tool writes or serves, and runs nowhere."""
from __future__ import annotations

import threading
import urllib.request
from urllib.parse import urlencode

import pytest

from conftest import open_page
from kg.pipeline.build import build
from kg.views.serve import local_path, make_server
from kg.store.database import load_graph

HOSTILE = """关于<script>alert("title")</script>做好养老服务工作的通知
各区民政局：
根据《<img src=x onerror=alert("cited")>养老服务条例》，为贯彻落实《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号），现将有关事项通知如下。
一、加强养老服务设施建设。
责任单位：区民政局、区财政局
威海市环翠区民政局
2022年3月1日
"""
PAYLOADS = ('<script>alert("title")', "<img src=x onerror")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("hostile-corpus")
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile-build")
    build(corpus, out)
    store = load_graph(out)
    server = make_server(out, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield out, store, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def pages(store, site):
    """Every kind of HTML page: index, document and stub pages, the SPARQL
    page with the titles in its table, the network views."""
    from kg.store.query import run_query
    docs = [str(r[0]) for r in run_query(store, "SELECT ?d WHERE { ?d a eli:LegalResource }").rows]
    urls = [site + "/", site + "/graph.html", site + "/sparql?" + urlencode(
        {"query": "SELECT ?d ?t WHERE { ?d dcterms:title ?t }", "format": "html"})]
    urls += [site + local_path(d) for d in docs]
    urls += [site + "/viz?" + urlencode({"focus": d}) for d in docs]
    return urls


def test_the_titles_carry_the_markup(hostile):
    _, store, _ = hostile
    from kg.store.query import run_query
    titles = [str(r[0]) for r in run_query(store, "SELECT ?t WHERE { ?d dcterms:title ?t }").rows]
    assert any(PAYLOADS[0] in t for t in titles) and any(PAYLOADS[1] in t for t in titles)


def test_every_page_escapes_it(hostile):
    out, store, site = hostile
    bodies = {"build/graph.html": (out / "graph.html").read_text(encoding="utf-8")}
    for url in pages(store, site):
        with urllib.request.urlopen(url, timeout=30) as response:
            bodies[url] = response.read().decode("utf-8")
    assert len(bodies) >= 6
    for where, body in bodies.items():
        for payload in PAYLOADS:
            assert payload not in body, where


@pytest.mark.browser
def test_nothing_runs_in_the_browser(hostile, browser):
    out, store, site = hostile
    dialogs = []
    for url in [(out / "graph.html").as_uri()] + pages(store, site):
        page = open_page(browser, url)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.wait_for_load_state("load")
        if "graph.html" in url or "/viz" in url:
            page.wait_for_function("window.policyKg !== undefined")
            page.fill("#search", "养老服务")
            page.click("#matches li >> nth=0")
        assert page.problems == [], (url, page.problems)
        page.close()
    assert dialogs == []
