"""kg serve: the SPARQL endpoint and resource pages over a loopback port."""
from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest
from rdflib import Graph, URIRef

from conftest import open_page
from kg.store.query import run_query
from kg.views.serve import iri_of_path, local_path, make_server

pytestmark = pytest.mark.server
HUANCUI = "https://w3id.org/policy-kg/id/doc/威环政办发/2022/2"
NATIONAL = "https://w3id.org/policy-kg/id/doc/国办发/2019/5"


@pytest.fixture(scope="module")
def site(seed_build):
    server = make_server(seed_build[1], "127.0.0.1", 0, timeout=5.0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fetch(url: str, data: bytes = None, headers: dict = None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type"), response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type"), err.read().decode("utf-8")


def test_a_saved_query_s_parameters_are_fields_bound_by_the_server(site):
    """/saved binds a parameter as kg query --bind does; the plain query page
    runs a saved query with the values of its fields."""
    from kg.store.query import saved_queries
    query = saved_queries()["measures-by-agency"]
    status, media, text = fetch(f"{site}/saved?" + urlencode({"name": "measures-by-agency",
                                                             "bind.agency": "威海市环翠区民政局"}))
    assert status == 200 and media.startswith("text/plain")
    assert text.startswith("PREFIX ") and text.endswith(query.bound({"agency": "威海市环翠区民政局"}))
    status, _, message = fetch(f"{site}/saved?" + urlencode({"name": "measures-by-agency", "bind.nobody": "x"}))
    assert status == 400 and "nobody" in message and "agency" in message
    assert fetch(f"{site}/saved?name=no-such-query")[0] == 404
    status, _, page = fetch(f"{site}/sparql?" + urlencode({"format": "html", "query": "measures-by-agency",
                                                          "bind.agency": "威海市环翠区民政局"}))
    assert status == 200 and 'name="bind.agency" value="威海市环翠区民政局"' in page
    # the same rows as the bound text sent to the endpoint
    _, _, answer = fetch(f"{site}/sparql", urlencode({"query": text}).encode(),
                         {"Accept": "application/sparql-results+json"})
    rows = json.loads(answer)["results"]["bindings"]
    assert rows and page.count("<tr>") == len(rows) + 1


def page_url(site: str, iri: str) -> str:
    return site + local_path(iri)


@pytest.mark.parametrize("iri", [HUANCUI, "https://w3id.org/policy-kg/id/agency/371002/named%3A里口山管理服务中心"])
def test_iri_path_round_trip(iri):
    path = local_path(iri)
    assert path.isascii() and iri_of_path(path) == iri


def test_sparql_over_http_equals_kg_query(site, seed_graph):
    local = run_query(seed_graph, "documents.rq")
    from kg.store.query import query_text
    status, media, body = fetch(f"{site}/sparql?" + urlencode({"query": query_text("documents.rq")}),
                                headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and media == "application/sparql-results+json"
    answer = json.loads(body)
    remote = [tuple(b.get(v, {}).get("value") for v in answer["head"]["vars"]) for b in answer["results"]["bindings"]]
    assert remote == [tuple(None if t is None else str(t) for t in row) for row in local.rows]


@pytest.mark.parametrize("how", ["form", "direct"])
def test_post_query_and_result_formats(site, how):
    query = "SELECT ?n WHERE { ?d eli:id_local ?n FILTER(?n = '国办发〔2019〕5号') }"
    if how == "form":
        status, media, body = fetch(f"{site}/sparql", urlencode({"query": query}).encode(),
                                    {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
        assert media == "text/csv; charset=utf-8" and body.splitlines() == ["n", "国办发〔2019〕5号"]
    else:
        status, media, body = fetch(f"{site}/sparql?format=tsv", query.encode(),
                                    {"Content-Type": "application/sparql-query"})
        assert media == "text/tab-separated-values; charset=utf-8" and body.splitlines()[1] == '"国办发〔2019〕5号"'
    assert status == 200


def test_malformed_query_is_400_with_parser_message(site):
    status, _, body = fetch(f"{site}/sparql?" + urlencode({"query": "SELECT ?n WHERE { ?d eli:id_local }"}))
    assert status == 400 and "SPARQL syntax error" in body and "error at 1:" in body


def test_updates_are_refused(site, seed_graph):
    before = len(seed_graph)
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    status, _, body = fetch(f"{site}/sparql", update.encode(), {"Content-Type": "application/sparql-update"})
    assert status == 403 and "read-only" in body
    status, _, _ = fetch(f"{site}/sparql", urlencode({"update": update}).encode(),
                         {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    status, _, _ = fetch(f"{site}/sparql?" + urlencode({"query": update}))
    assert status == 400 and len(seed_graph) == before


def test_limit_on_size(seed_graph):
    from kg.views.site import Refused, Site
    with pytest.raises(Refused) as err:
        Site(seed_graph, max_bytes=10_000).sparql("SELECT * WHERE { ?s ?p ?o }", [])
    assert err.value.status == 422 and "LIMIT" in err.value.message


def test_document_page_lists_citations_with_evidence(site):
    status, media, body = fetch(page_url(site, HUANCUI), headers={"Accept": "text/html"})
    assert status == 200 and media.startswith("text/html")
    assert "eli:cites" in body and "国办发〔2019〕5号" in body and local_path(NATIONAL) in body
    assert "为贯彻落实" in body                       # the sentence behind the link
    assert "责任单位" in body and "威海市环翠区民政局" in body   # measures with their agencies
    status, _, body = fetch(page_url(site, NATIONAL))
    # a relation is headed by its name in the page's language, its CURIE beside it
    assert "<h3>← 贯彻落实 (" in body and '<span class="prop">eli:applies</span>' in body
    assert "威环政办发〔2022〕2号" in body and "<h3>发文机关 (1)" in body
    _, _, english = fetch(page_url(site, NATIONAL) + "?lang=en")
    assert "<h3>← applies (" in english


def test_turtle_by_content_negotiation(site):
    status, media, body = fetch(page_url(site, NATIONAL), headers={"Accept": "text/turtle"})
    assert status == 200 and media == "text/turtle"
    graph = Graph().parse(data=body, format="turtle")
    assert (URIRef(NATIONAL), URIRef("http://data.europa.eu/eli/ontology#id_local"), None) in graph


def test_unknown_resource_is_404(site):
    status, _, body = fetch(site + "/id/doc/t/0000000000000000")
    assert status == 404 and "nothing is known" in body
    # a browser gets the error page, Chinese first (#33 item 6)
    html = {"Accept": "text/html"}
    assert "404 未找到" in fetch(site + "/id/doc/t/0000000000000000", headers=html)[2]
    assert "404 Not Found" in fetch(site + "/id/doc/t/0000000000000000?lang=en", headers=html)[2]


def test_coverage_page_is_served_chinese_first(site):
    """#33 item 5: kg serve has the coverage page, in Chinese unless ?lang=en."""
    from urllib.parse import quote
    ref = quote("国办发〔2019〕5号")
    status, media, body = fetch(f"{site}/coverage?ref={ref}")
    assert status == 200 and media.startswith("text/html")
    assert 'lang="zh"' in body and "其下哪些地区贯彻落实" in body and "已贯彻落实" in body
    status, _, body = fetch(f"{site}/coverage?ref={ref}&lang=en")
    assert status == 200 and 'lang="en"' in body and "which areas below it carry it out" in body
    assert fetch(f"{site}/coverage?ref={quote('国办发〔2019〕6号')}")[0] == 404
    assert fetch(f"{site}/coverage")[0] == 400


@pytest.mark.browser
def test_click_from_document_to_agency_to_area(site, browser):
    page = open_page(browser, page_url(site, HUANCUI))
    page.click("a:text-is('威海市环翠区人民政府办公室') >> nth=0")
    assert page.inner_text("h1") == "威海市环翠区人民政府办公室"
    page.click(f"a[href^='{local_path('https://w3id.org/policy-kg/id/area/371002')}?'] >> nth=0")
    assert page.inner_text("h1") == "环翠区"
    assert "371002" in page.inner_text("body")
    page.click("a:text-is('网络视图') >> nth=1")
    page.wait_for_function("window.policyKg !== undefined")
    assert page.evaluate("Object.keys(window.policyKg.facts.nodes).length") > 1
    assert page.problems == []
