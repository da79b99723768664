"""The pages of kg serve as a reader uses them: Chinese first (English with
?lang=en), a document's page opening with its identity and showing its
text with the evidence spans marked and linked, an index with headers,
search and filters, a glossary of the relations and bases."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import CORPUS, open_page, serving
from kg.pipeline.build import build
from kg.views.serve import local_path
from test_serve import HUANCUI, NATIONAL, fetch, page_url

pytestmark = pytest.mark.server
HEADER_ZH = ["发文机关", "文号", "成文日期", "层级", "地区", "文种", "效力状态", "来源文件"]


@pytest.fixture(scope="module")
def site(seed_build):
    with serving(seed_build[1], timeout=30) as url:
        yield url


def test_a_measure_s_target_reads_in_the_page_s_language(site):
    """目标 2022-12-31前：社区养老服务设施配建达标率 达到 100%, not "… 100% by 2022-12-31" on a Chinese page."""
    _, _, zh = fetch(page_url(site, HUANCUI) + "?lang=zh")
    _, _, en = fetch(page_url(site, HUANCUI) + "?lang=en")
    assert "2022-12-31前：社区养老服务设施配建达标率 达到 100%" in zh and " by 2022-12-31" not in zh
    assert "社区养老服务设施配建达标率 达到 100% by 2022-12-31" in en


def _headers(body: str) -> list[str]:
    table = body.split('<table class="header">')[1].split("</table>")[0]
    return re.findall(r"<th>([^<]*)</th>", table)


def test_a_document_page_opens_with_its_identity_in_chinese(site):
    status, _, body = fetch(page_url(site, HUANCUI) + "?lang=zh")
    assert status == 200 and '<html lang="zh">' in body
    headers = _headers(body)
    assert headers == [h for h in HEADER_ZH if h in headers] and headers[:2] == ["发文机关", "文号"]
    assert "威海市环翠区人民政府办公室" in body and "县级" in body and "环翠区" in body
    assert body.index('class="header"') < body.index("<h2>")        # before measures and links


def test_a_document_page_is_headed_by_its_title_and_a_stub_says_so(site):
    _, _, body = fetch(page_url(site, HUANCUI))
    h1 = re.search(r"<h1>([^<]*)</h1>", body).group(1)
    assert h1 == "威海市环翠区人民政府办公室关于进一步推进养老服务高质量发展的实施意见"
    assert 'class="stub"' not in body.split("<h1>")[1].split("</h1>")[0]
    _, _, stub = fetch(page_url(site, NATIONAL))
    assert re.search(r"<h1>([^<]*)</h1>", stub).group(1) == "国务院办公厅关于推进养老服务发展的意见"
    assert '<p class="stub">未收录' in stub


def test_the_index_links_every_document_by_its_title(site):
    _, _, body = fetch(site + "/?lang=zh")
    assert "《…》" not in body
    rows = re.findall(r'<td class="number">([^<]*)</td><td><a href="[^"]+">([^<]+)</a></td>', body)
    assert rows and all(title.strip() for _, title in rows)
    assert ("威环政办发〔2022〕2号", "威海市环翠区人民政府办公室关于进一步推进养老服务高质量发展的实施意见") in rows


def test_english_one_click_away(site):
    _, _, body = fetch(page_url(site, HUANCUI) + "?lang=en")
    assert _headers(body)[:2] == ["Issuer", "Number"] and "county / district" in body
    assert f'href="{local_path(HUANCUI)}?lang=zh"' in body       # the same page, in Chinese


def test_the_full_text_holds_every_span_its_evidence_links_to(site):
    _, _, body = fetch(page_url(site, HUANCUI))
    assert body.count('class="ev"') > 10
    anchors = set(re.findall(r'<a id="(char=\d+,\d+)"></a>', body))
    links = set(re.findall(r'href="#(char=\d+,\d+)"', body))
    assert links and links <= anchors
    # the sentence behind the link to 国办发〔2019〕5号 is an evidence span of the text
    assert re.search(r'<span class="ev" data-start="\d+" data-end="\d+">[^<]*为贯彻落实', body)


def test_a_stub_page_has_no_text_and_links_to_the_citing_text(site):
    _, _, body = fetch(page_url(site, NATIONAL))
    assert "正文" not in body
    assert re.search(r'href="/id/doc/[^"]+\?lang=zh#char=\d+,\d+"', body)    # into the citing document's text


def test_a_changed_corpus_file_shows_no_misplaced_marks(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "out"
    build(corpus, out)
    seed = sorted(corpus.glob("003_*.txt"))[0]
    seed.write_text("前言。\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")   # every offset moves
    with serving(out, timeout=30) as url:
        _, _, body = fetch(page_url(url, HUANCUI))
    assert 'class="ev"' not in body and "原文不可用" in body


def test_glossary_explains_relations_and_bases(site):
    _, _, body = fetch(site + "/glossary")
    for term in ("贯彻落实", "依据", "引用", "印发", "未收录", "标题呼应推断"):
        assert term in body, term
    _, _, body = fetch(site + "/glossary?lang=en")
    assert "title echo" in body and "stub" in body


def test_index_has_headers_and_lists_corpus_documents_before_stubs(site):
    _, _, body = fetch(site + "/")
    assert re.findall(r"<th>([^<]*)</th>", body)[:6] == ["文号", "标题", "日期（* 为发布日期）", "层级", "地区", "收录"]
    statuses = re.findall(r'data-stub="(true|false)"', body)
    assert statuses == sorted(statuses)                         # false (corpus) first


@pytest.mark.browser
def test_index_search_and_filters_in_chromium(site, browser, tmp_path):
    page = open_page(browser, site + "/")
    rows = "#documents tbody tr:not([hidden])"
    total = page.locator(rows).count()
    page.fill("#find", "国办发[2019]5号")
    assert page.locator(rows).count() == 1 and "国办发〔2019〕5号" in page.inner_text(rows)
    page.fill("#find", "")
    page.uncheck("#stubs")
    corpus_only = page.locator(rows).count()
    assert 0 < corpus_only < total
    page.select_option("#level", "县级")
    assert "威环政办发〔2022〕2号" in page.inner_text("#documents tbody")
    assert all(level == "县级" for level in page.locator(rows + " td:nth-child(4)").all_inner_texts())
    page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
    assert page.problems == []


@pytest.mark.browser
def test_document_page_in_chromium(site, browser, tmp_path):
    page = open_page(browser, page_url(site, HUANCUI))
    # no span is marked until a fact is chosen; then its spans, and only they (#33 item 3)
    assert page.locator("#fulltext .ev.chosen").count() == 0
    first = page.locator('a[href^="#char="]').first
    target = first.get_attribute("href")
    first.click()
    assert page.evaluate("location.hash") == target
    page.wait_for_selector("#fulltext .ev.chosen")     # marked on the hash change, which a busy machine delays
    start, end = map(int, target.removeprefix("#char=").split(","))
    chosen = page.evaluate("[...document.querySelectorAll('#fulltext .ev.chosen')].map(e => [+e.dataset.start, +e.dataset.end])")
    assert chosen and all(start <= a and b <= end for a, b in chosen)
    assert page.locator("#fulltext .ev").count() > len(chosen)
    page.screenshot(path=str(tmp_path / "document.png"), full_page=True)
    assert page.problems == []


@pytest.mark.browser
def test_sparql_editor_runs_a_saved_query_offline(site, browser, tmp_path):
    """YASGUI served from web/node_modules (make installs it): pick a saved
    query with its parameters, run it, get a table; nothing loaded from
    off the machine."""
    from kg.datafiles import YASGUI_DIR
    if not (YASGUI_DIR / "yasgui.min.js").is_file():
        import os
        message = "YASGUI missing: `make test` installs it with npm (web/package.json)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    page = open_page(browser, site + "/sparql")
    page.wait_for_function("window.policyKg && window.policyKg.yasgui")
    page.select_option("#saved", "cited-by")
    assert "target (number)" in page.inner_text("#parameters")
    assert "国办发〔2019〕5号" in page.evaluate("window.policyKg.yasgui.getTab().getQuery()")
    # the PREFIX lines are folded: the query's first visible line is its SELECT
    assert page.locator(".CodeMirror-line:visible").first.inner_text().startswith("PREFIX")
    assert "SELECT" in page.locator(".CodeMirror-line:visible").nth(1).inner_text()
    # a parameter's field rebinds the query (the server binds it)
    page.fill("#parameters input[name=target]", "鲁政办发〔2019〕31号")
    page.dispatch_event("#parameters input[name=target]", "change")
    page.wait_for_function("window.policyKg.yasgui.getTab().getQuery().includes('鲁政办发〔2019〕31号')")
    page.fill("#parameters input[name=target]", "国办发〔2019〕5号")
    page.dispatch_event("#parameters input[name=target]", "change")
    page.wait_for_function("window.policyKg.yasgui.getTab().getQuery().includes('国办发〔2019〕5号')")
    page.evaluate("window.policyKg.yasgui.getTab().query()")
    page.wait_for_selector(".yasr table tbody tr", timeout=20000)
    table = page.inner_text(".yasr table")
    assert "威环政办发〔2022〕2号" in table and "^^" not in table      # values without their datatypes
    # a Chinese title is not cut to a few characters
    widths = page.evaluate("""[...document.querySelectorAll('.yasr table thead th')].map(th => th.getBoundingClientRect().width)""")
    assert min(w for w in widths[1:]) >= 60, widths
    page.screenshot(path=str(tmp_path / "sparql.png"), full_page=True)
    assert page.problems == []
