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


def test_above_its_size_the_page_opens_on_areas_each_holding_its_documents(networks, monkeypatch):
    import kg.views.overview as overview_module
    net, documents = networks
    assert overview_data(net, documents)["areas_first"] is False       # 42 documents: drawn at once
    monkeypatch.setattr(overview_module, "AREAS_FIRST_ABOVE", 2)
    data = overview_data(net, documents)
    assert data["areas_first"] is True
    placed = [i for i, n in enumerate(data["nodes"]) if n[6] is not None]
    members = [i for box in data["boxes"] for i in box[7]]
    assert sorted(members) == placed            # every placed document in exactly one area's box
    for code, name, rank, x, y, width, height, inside in data["boxes"]:
        for i in inside:                        # … the box it is drawn in, at its level
            node = data["nodes"][i]
            assert x <= node[6] <= x + width and y <= node[7] <= y + height and node[4] == (rank if rank != 9 else None)
    huancui = next(box for box in data["boxes"] if box[0] == "371002")
    assert [data["nodes"][i][0] for i in huancui[7]] == ["doc/威环政办发/2022/2"]


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
def test_clicking_the_background_clears_the_selection(overview):
    overview.evaluate(f"window.policyKg.select({_index(overview, 'doc/国办发/2019/5')})")
    box = overview.locator("#network").bounding_box()
    overview.mouse.click(box["x"] + 5, box["y"] + box["height"] - 5)       # a corner with no node
    overview.wait_for_function("window.policyKg.network.getSelectedNodes().length === 0")
    assert overview.evaluate("window.policyKg.nodes.get({filter: n => n.opacity !== undefined && n.opacity < 1}).length") == 0


@pytest.fixture
def areas_page(seed_build, browser, tmp_path, monkeypatch):
    """The seeds' overview as a corpus above AREAS_FIRST_ABOVE documents draws it."""
    import kg.views.overview as overview_module
    monkeypatch.setattr(overview_module, "AREAS_FIRST_ABOVE", 2)
    result = CliRunner().invoke(main, ["viz", str(seed_build[1]), "-o", str(tmp_path / "areas.html")])
    assert result.exit_code == 0, result.output
    page = open_page(browser, (tmp_path / "areas.html").as_uri())
    page.wait_for_function("window.policyKg && window.policyKg.firstDrawMs !== null")
    yield page
    assert page.problems == []
    page.close()


def _areas_visible(page):
    return page.evaluate("window.policyKg.nodes.get({filter: n => !n.hidden && String(n.id).startsWith('area:')}).length")


@pytest.mark.browser
def test_a_large_corpus_opens_on_its_areas_and_draws_an_areas_documents_on_demand(areas_page):
    page = areas_page
    boxes = page.evaluate("window.policyKg.data.boxes.length")
    assert _visible(page) == _areas_visible(page) == boxes == 8 and page.evaluate("window.policyKg.shown.size") == 0
    assert "分属 8 个地区" in page.inner_text("#status")
    # the lines between areas count the links between their documents: none lost, none within an area
    across = page.evaluate("""(() => { const k = window.policyKg, D = k.data;
        return D.links.filter(l => k.boxOf[l[0]] >= 0 && k.boxOf[l[1]] >= 0 && k.boxOf[l[0]] !== k.boxOf[l[1]]).length; })()""")
    assert page.evaluate("window.policyKg.areaLinks.reduce((n, a) => n + a[3], 0)") == across > 10
    # double-clicking Weihai's area draws its documents where the full page has them, and its links
    weihai = page.evaluate("window.policyKg.data.boxes.findIndex(b => b[0] === '371000')")
    page.evaluate(f"window.policyKg.network.moveTo({{position: window.policyKg.network.getPosition('area:{weihai}'), scale: 1}})")
    where = page.evaluate(f"""(() => {{ const p = window.policyKg.network.canvasToDOM(
        window.policyKg.network.getPosition('area:{weihai}')); const r = document.getElementById('network')
        .getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }})()""")
    page.mouse.dblclick(*where)
    page.wait_for_function(f"window.policyKg.opened.has({weihai})", timeout=10_000)
    members = page.evaluate(f"window.policyKg.data.boxes[{weihai}][7]")
    assert page.evaluate("[...window.policyKg.shown]") == members and len(members) > 3
    assert page.evaluate(f"""window.policyKg.data.boxes[{weihai}][7].every(i => {{
        const p = window.policyKg.network.getPosition(i), n = window.policyKg.data.nodes[i]; return p.x === n[6] && p.y === n[7]; }})""")
    assert _areas_visible(page) == boxes - 1                    # its own node gives way to its documents
    assert "绘出其文件" not in page.inner_text("#facts") and "收起本地区的文件" in page.inner_text("#facts")
    # a document found by search opens its area (Huancui's) and is selected, with its chain
    page.fill("#search", "威环政办发[2022]2号")
    huancui = _index(page, "doc/威环政办发/2022/2")
    assert page.evaluate(f"window.policyKg.shown.has({huancui})")
    assert page.evaluate(f"window.policyKg.opened.has(window.policyKg.boxOf[{huancui}])")
    assert "贯彻落实链（向上）" in page.inner_text("#facts")
    # … its applies link to the Weihai document is drawn, both areas being open
    assert page.evaluate(f"""window.policyKg.edges.get({{filter: e => e.from === {huancui} && !e.hidden}}).length""") >= 1
    # putting Weihai's documents away brings its node back; levels hide areas as they hide documents
    page.click("#search")
    page.evaluate(f"window.policyKg.selectArea({weihai})")
    page.click("#open-area")
    assert not page.evaluate(f"window.policyKg.opened.has({weihai})")
    assert not any(page.evaluate(f"window.policyKg.shown.has({i})") for i in members)
    assert _areas_visible(page) == boxes - 1                    # Huancui's is still open
    page.uncheck("#levels input[data-value='3']")               # 市级
    assert _areas_visible(page) == boxes - 1 - page.evaluate("window.policyKg.data.boxes.filter(b => b[2] === 3).length")


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
