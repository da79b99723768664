"""The overview (build/graph.html): documents by level and area, everything
else one click away; checked on the seed graph, and in headless Chromium
for search, expansion, filters, highlighting and language."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import open_page
from kg.cli import main
from kg.network.documents import to_networkx
from kg.network.resources import ASSERTED, to_resource_network
from kg.views.overview import AREA_LINKS, DOCUMENT_RELATIONS, layout, overview_data, store_overview_network

NATIONAL = "https://w3id.org/policy-kg/id/doc/国办发/2019/5"
HUANCUI = "https://w3id.org/policy-kg/id/doc/威环政办发/2022/2"
SHANDONG = "https://w3id.org/policy-kg/id/doc/鲁政办发/2019/31"
HUANCUI_CIVIL_AFFAIRS = "agency/371002/civil-affairs"


@pytest.fixture(scope="module")
def networks(seed_graph):
    documents = to_networkx(seed_graph)
    return store_overview_network(seed_graph, documents), documents


def test_documents_are_laid_out_by_level_then_grouped_by_area(networks):
    _, documents = networks
    boxes, bands, places = layout(documents)
    # every document placed once; national above provincial above city above county
    assert set(places) == {n for n, t in documents.nodes(data="type") if t != "proposal"}
    assert places[NATIONAL][1] < places[SHANDONG][1] < places[HUANCUI][1]
    assert [rank for rank, _, _ in bands] == sorted(rank for rank, _, _ in bands)
    # a document sits in the box of its area; boxes of one band in code order, never overlapping
    huancui = next(b for b in boxes if b.code == "371002")
    assert HUANCUI in huancui.members and huancui.name == "环翠区"
    for band in {b.rank for b in boxes}:
        row = [b for b in boxes if b.rank == band]
        assert [b.code for b in row] == sorted(b.code for b in row)
        for a in row:
            for b in row:
                assert a is b or a.x + a.width <= b.x or b.x + b.width <= a.x or a.y + a.height <= b.y \
                    or b.y + b.height <= a.y, (a.name, b.name)


def test_page_data_holds_every_resource_and_no_area_links(networks):
    net, documents = networks
    data = overview_data(net, documents)
    ids = [n[0] for n in data["nodes"]]
    assert HUANCUI_CIVIL_AFFAIRS in ids and "doc/国办发/2019/5" in ids
    assert not {"jurisdiction", "broader", "subOrganizationOf"} & set(data["relations"])
    present = [r for r in DOCUMENT_RELATIONS if r in data["relations"]]
    assert data["relations"][:len(present)] == present        # the links between documents come first
    national = data["nodes"][ids.index("doc/国办发/2019/5")]
    assert national[9]["stub"] is True and national[4] == 1
    # the most cited document is the most important: its label shows first when zooming out
    placed = [n for n in data["nodes"] if n[6] is not None]
    assert max(placed, key=lambda n: n[8])[0] == "doc/国办发/2019/5"


def test_overview_holds_the_resource_network_but_the_links_to_areas(networks, seed_graph):
    network, documents = networks
    full = to_resource_network(seed_graph, documents)
    drawn = {e for e in full.edges(keys=True) if e[2] not in AREA_LINKS}
    assert set(network.net.edges(keys=True)) | set(network.links) == drawn
    assert network.links == sorted(network.links) and len(network.links) == len(set(network.links))
    # the seeds are small enough to carry the sentences of every asserted link, as the full network has them
    asserted = [(s, o, k) for s, o, k in network.links if k in ASSERTED and full.edges[s, o, k]["rule"]]
    assert len(asserted) > 100
    for s, o, k in asserted:
        assert {f: network.evidence[(s, o, k)][f] for f in ("rule", "basis", "sentences")} == \
            {f: full.edges[s, o, k][f] for f in ("rule", "basis", "sentences")}


def test_kg_viz_writes_the_overview_unless_focus_or_chain(seed_build, tmp_path):
    _, out = seed_build
    result = CliRunner().invoke(main, ["viz", str(out), "-o", str(tmp_path / "o.html")])
    assert result.exit_code == 0, result.output
    assert "documents by level and area" in result.output
    assert "政策文件总览" in (tmp_path / "o.html").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["viz", str(out), "--kinds", "agencies"])
    assert result.exit_code != 0 and "unknown kinds agencies" in result.output


@pytest.fixture
def overview(seed_build, browser):
    page = open_page(browser, (seed_build[1] / "graph.html").as_uri())
    page.wait_for_function("window.policyKg && window.policyKg.firstDrawMs !== null")
    yield page
    assert page.problems == []
    page.close()


def _visible(page, kind=None):
    return page.evaluate("""kind => window.policyKg.nodes.get({filter: n => !n.hidden}).filter(
        n => kind === null || window.policyKg.data.kinds[window.policyKg.data.nodes[n.id][1]] === kind).length""", kind)


def _index(page, iri):
    return page.evaluate("id => window.policyKg.data.nodes.findIndex(n => n[0] === id)", iri)


@pytest.mark.browser
def test_overview_starts_from_the_documents(overview, seed_build, tmp_path):
    total = overview.evaluate("window.policyKg.data.nodes.filter(n => n[6] !== null).length")
    assert _visible(overview) == _visible(overview, "document") == total > 30
    assert "份文件" in overview.inner_text("#status") and "国家级" in overview.inner_text("#levels")
    shot = tmp_path / "overview.png"
    overview.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000


@pytest.mark.browser
def test_expanding_a_document_shows_its_agencies_and_measures_and_collapsing_removes_them(overview):
    huancui = _index(overview, "doc/威环政办发/2022/2")
    agency = _index(overview, HUANCUI_CIVIL_AFFAIRS)
    assert not overview.evaluate(f"window.policyKg.shown.has({agency})")
    overview.evaluate(f"window.policyKg.select({huancui})")
    overview.click("#expand")
    assert overview.evaluate(f"window.policyKg.shown.has({agency})")
    assert _visible(overview, "measure") == 17 and _visible(overview, "agency") > 5
    # the links between what is shown are drawn: the bureau carries measures
    assert overview.evaluate(f"window.policyKg.edges.get({{filter: e => e.to === {agency}}}).length") >= 17
    # what the expansion added stands beside the area boxes, over none of them
    over_boxes = overview.evaluate(f"""(() => {{
        const k = window.policyKg, added = k.expanded.get({huancui});
        return added.filter(j => {{ const p = k.network.getPosition(j);
            return k.data.boxes.some(b => p.x >= b[3] && p.x <= b[3] + b[5] && p.y >= b[4] && p.y <= b[4] + b[6]); }}).length;
    }})()""")
    assert over_boxes == 0
    overview.click("#expand")              # now "收起"
    assert _visible(overview, "measure") == 0
    assert not overview.evaluate(f"window.policyKg.shown.has({agency})")


@pytest.mark.browser
def test_double_click_expands(overview):
    huancui = _index(overview, "doc/威环政办发/2022/2")
    overview.evaluate(f"window.policyKg.network.moveTo({{position: window.policyKg.network.getPosition({huancui}), scale: 1}})")
    where = overview.evaluate(f"""(() => {{ const p = window.policyKg.network.canvasToDOM(
        window.policyKg.network.getPosition({huancui})); const r = document.getElementById('network')
        .getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }})()""")
    overview.mouse.dblclick(*where)
    # vis-network handles the double click after its own event loop turn: on a busy machine, later
    overview.wait_for_function(f"window.policyKg.expanded.has({huancui})", timeout=10_000)
    assert _visible(overview, "measure") == 17


@pytest.mark.browser
def test_toggles_by_level_kind_and_relation(overview):
    documents = _visible(overview, "document")
    overview.uncheck("#levels input[data-value='4']")              # 县级
    assert _visible(overview, "document") == documents - 1          # 威环政办发〔2022〕2号
    overview.check("#levels input[data-value='4']")
    assert _visible(overview, "document") == documents
    overview.evaluate(f"window.policyKg.expand({_index(overview, 'doc/威环政办发/2022/2')})")
    overview.uncheck("#kinds input[data-value='measure']")
    assert _visible(overview, "measure") == 0 and _visible(overview, "agency") > 5
    applies = "window.policyKg.edges.get({filter: e => !e.hidden && window.policyKg.data.relations[window.policyKg.data.links[e.id][2]] === 'applies'}).length"
    assert overview.evaluate(applies) > 0
    overview.uncheck("#relations input[data-value='applies']")
    assert overview.evaluate(applies) == 0


@pytest.mark.browser
def test_selecting_highlights_the_neighbours_and_dims_the_rest(overview):
    national = _index(overview, "doc/国办发/2019/5")
    shandong = _index(overview, "doc/鲁政办发/2019/31")
    jilin = _index(overview, "doc/吉民议字/2019/7")
    overview.evaluate(f"window.policyKg.select({national})")
    opacity = "id => window.policyKg.nodes.get(id).opacity"
    assert overview.evaluate(opacity, national) == 1 and overview.evaluate(opacity, shandong) == 1
    assert overview.evaluate(opacity, jilin) < 0.5
    facts = overview.inner_text("#facts")
    assert "国务院办公厅关于推进养老服务发展的意见" in facts and "鲁政办发〔2019〕31号" in facts


@pytest.mark.browser
def test_search_finds_any_written_form_and_shows_the_chain_with_its_sentence(overview):
    for typed, found in [("国办发[2019]5号", "国办发〔2019〕5号"), ("国办发（2019）第05号", "国办发〔2019〕5号"),
                         ("《国务院办公厅关于推进养老服务发展的意见》", "国办发〔2019〕5号"),
                         ("区民政局", "威海市环翠区民政局")]:
        overview.fill("#search", typed)
        assert found in overview.inner_text("#matches"), typed
    overview.fill("#search", "威环政办发〔2022〕2号")
    facts = overview.inner_text("#facts")
    chain = facts.split("贯彻落实链（向上）")[1]
    assert "国办发〔2019〕5号" in chain and "鲁政办发〔2019〕31号" in chain and "为贯彻落实" in chain
    # an agency found by search is shown (next to a neighbour) and selected
    overview.fill("#search", "威海市环翠区民政局")
    assert overview.evaluate(f"window.policyKg.shown.has({_index(overview, HUANCUI_CIVIL_AFFAIRS)})")


@pytest.mark.browser
def test_english_is_one_click_away(seed_build, browser):
    page = open_page(browser, (seed_build[1] / "graph.html").as_uri() + "?lang=en")
    page.wait_for_function("window.policyKg && window.policyKg.firstDrawMs !== null")
    assert page.inner_text("#heading") == "Overview of the documents"
    assert "national" in page.inner_text("#levels") and "applies" in page.inner_text("#relations")
    assert page.problems == []


def test_above_its_size_the_overview_shows_documents_only(tmp_path, monkeypatch):
    """A corpus above OVERVIEW_RESOURCES_UP_TO files: the build keeps none of
    the network's triples and the page holds the documents and their links,
    saying that each document's agencies and measures are on its page; the
    graph is the same."""
    import json
    import re
    from kg.pipeline import build as build_module
    from conftest import CORPUS
    build_module.build(CORPUS, tmp_path / "all")
    monkeypatch.setattr(build_module, "OVERVIEW_RESOURCES_UP_TO", 2)
    build_module.build(CORPUS, tmp_path / "documents")

    def data(out):
        page = (out / "graph.html").read_text(encoding="utf-8")
        return json.loads(re.search(r"^const D = (.*);$", page, re.M).group(1))
    full, documents = data(tmp_path / "all"), data(tmp_path / "documents")
    assert full["resources"] is True and documents["resources"] is False
    kinds = {documents["kinds"][node[1]] for node in documents["nodes"]}
    assert kinds == {"document"} and len(documents["nodes"]) < len(full["nodes"])
    assert (tmp_path / "all" / "graph.trig").read_bytes() == (tmp_path / "documents" / "graph.trig").read_bytes()
