"""kg viz: views chosen from the seed graph, rendered offline, checked in Chromium."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from conftest import open_page
from kg.cli import main
from kg.network.documents import to_networkx
from kg.network.resources import to_resource_network
from kg.network.trace import UnknownReference
from kg.views.viz import render, select_view

NATIONAL = "https://w3id.org/policy-kg/id/doc/国办发/2019/5"
HUANCUI = "https://w3id.org/policy-kg/id/doc/威环政办发/2022/2"


@pytest.fixture(scope="module")
def networks(seed_graph):
    documents = to_networkx(seed_graph)
    return to_resource_network(seed_graph, documents), documents


def test_resource_network_kinds(networks):
    net, _ = networks
    kinds = {k for _, k in net.nodes(data="kind")}
    assert kinds == {"document", "proposal", "agency", "area", "service_model", "programme", "measure"}
    assert net.nodes["https://w3id.org/policy-kg/id/agency/371002/civil-affairs"]["name"] == "威海市环翠区民政局"
    # a responsibility link carries the sentence it came from
    measure_links = [d for _, o, k, d in net.edges(keys=True, data=True)
                     if k == "responsibleAgency" and o.endswith("371002/civil-affairs")]
    assert measure_links and all(d["sentences"] for d in measure_links)


def test_chain_view_is_the_implementation_chain_by_level(networks):
    net, documents = networks
    view = select_view(net, documents, chain="威环政办发〔2022〕2号")
    assert view.layout == "levels" and view.selected == HUANCUI
    assert {net.nodes[n]["label"] for n in view.graph} >= {"国办发〔2019〕5号", "鲁政办发〔2019〕31号", "威环政办发〔2022〕2号"}
    assert {k for _, _, k in view.graph.edges(keys=True)} == {"applies"}


def test_a_chain_page_names_links_in_its_language(networks):
    """#33 item 6: the side panel's relation, basis and rule, and the edges'
    labels, in the page's language (贯彻落实 · 文中明示：触发语表明贯彻落实)."""
    import json
    import re
    net, documents = networks
    view = select_view(net, documents, chain="威环政办发〔2022〕2号")
    zh, en = render(view, "zh"), render(view, "en")
    words = json.loads(re.search(r"const TEXT = (\{.*?\});\n", zh).group(1))
    assert words["relations"]["applies"] == "贯彻落实" and words["bases"]["stated"] == "文中明示"
    assert words["rules"]["link.applies-trigger"] == "触发语表明贯彻落实"
    assert '"label": "贯彻落实"' in zh and '"label": "applies"' in en
    # the legend and a node's fields too: 文件 · 国家级, 类型 文件, 层级 国家级, 未收录 是
    assert "文件 · 国家级" in zh and "Document · national" in en
    facts = json.loads(re.search(r"const FACTS = (\{.*?\});\n", zh).group(1))
    fields = dict(facts["nodes"]["https://w3id.org/policy-kg/id/doc/国办发/2019/5"]["fields"])
    assert (fields["类型"], fields["层级"], fields["未收录（被引用，语料中没有）"]) == ("文件", "国家级", "是")
    # every rule a link of the seeds was made by has a name
    rules = {d.get("rule") for _, _, d in documents.edges(data=True) if d.get("rule")}
    assert rules <= set(words["rules"]), rules - set(words["rules"])


def test_focus_view_and_kinds(networks):
    net, documents = networks
    view = select_view(net, documents, focus="威海市环翠区民政局", depth=1, kinds=["agency", "measure", "area"])
    assert {d["kind"] for _, d in view.graph.nodes(data=True)} <= {"agency", "measure", "area"}
    assert view.graph.number_of_nodes() > 10          # the measures it is responsible for
    with pytest.raises(UnknownReference):
        select_view(net, documents, focus="威海市不存在局")
    with pytest.raises(ValueError):
        select_view(net, documents, kinds=["documents"])


def test_a_cut_view_says_how_many_nodes_were_left_out(networks):
    net, documents = networks
    view = select_view(net, documents, max_nodes=50)
    assert view.graph.number_of_nodes() == 50
    assert view.left_out == net.number_of_nodes() - 50
    assert f"{view.left_out} nodes left out" in view.status_in("en")
    assert f"另有 {view.left_out} 个节点未显示" in view.status          # Chinese first


def test_page_is_offline_and_escapes_text(networks):
    net, documents = networks
    hostile = net.copy()
    hostile.nodes[HUANCUI]["name"] = "</script><script>alert(1)</script>"
    html = render(select_view(hostile, documents))
    assert "<script>alert(1)" not in html
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=\"?https?:", html)


def test_cli_viz(seed_build, tmp_path):
    _, out = seed_build
    target = tmp_path / "chain.html"
    result = CliRunner().invoke(main, ["viz", str(out), "-o", str(target), "--chain", "国办发[2019]5号"])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = CliRunner().invoke(main, ["viz", str(out), "--focus", "国办发〔2019〕6号"])
    assert result.exit_code != 0 and "国办发〔2019〕5号" in result.output


@pytest.fixture(scope="module")
def focus_page(seed_build, tmp_path_factory):
    """kg viz --focus: 威环政办发〔2022〕2号 and what lies within two links."""
    target = tmp_path_factory.mktemp("focus") / "focus.html"
    result = CliRunner().invoke(main, ["viz", str(seed_build[1]), "-o", str(target), "--focus",
                                       "威环政办发〔2022〕2号", "--depth", "2"])
    assert result.exit_code == 0, result.output
    return target


@pytest.mark.browser
def test_focus_view_in_chromium(focus_page, browser, tmp_path):
    """A focus view draws every node it holds, a search finds 威环政办发〔2022〕2号
    and shows its chain up to 国办发〔2019〕5号 with the sentence behind the link."""
    page = open_page(browser, focus_page.as_uri())
    page.wait_for_function("window.policyKg !== undefined")
    drawn = page.evaluate("Object.keys(window.policyKg.network.getPositions()).length")
    assert drawn == page.evaluate("Object.keys(window.policyKg.facts.nodes).length") > 50
    page.fill("#search", "威环政办发〔2022〕2号")
    assert page.inner_text("#matches").startswith("威环政办发〔2022〕2号")
    facts = page.inner_text("#facts")
    chain = facts.split("贯彻落实（向上链）")[1].split("由此出发的连接")[0]      # the page is Chinese first
    assert "国办发〔2019〕5号" in chain and "鲁政办发〔2019〕31号" in chain and "为贯彻落实" in chain
    shot = tmp_path / "graph.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert page.problems == []


# What users type, and what the page must find: the CLI's reading of references.
SEARCHES = [
    ("国办发[2019]5号", "国办发〔2019〕5号"),
    ("国办发（2019）第05号", "国办发〔2019〕5号"),
    ("国办发〔２０１９〕５号", "国办发〔2019〕5号"),
    ("《国务院办公厅关于推进养老服务发展的意见》", "国办发〔2019〕5号"),
    ("区民政局", "威海市环翠区民政局"),
]


@pytest.mark.parametrize("typed, key", [
    ("国办发[2019]5号", "国办发〔2019〕5号"), ("国办发（2019）第05号", "国办发〔2019〕5号"),
    ("国办发〔２０１９〕５号", "国办发〔2019〕5号"), ("国办发 ﹝2019﹞ 5 号", "国办发〔2019〕5号"),
    ("《国务院办公厅关于推进养老服务发展的意见》", "国务院办公厅关于推进养老服务发展的意见"),
    ("2019年第76号", "2019年第76号"),
])
def test_search_key_folds_as_the_cli_reads(typed, key):
    from kg.lexicon.search import search_key
    assert search_key(typed) == key


@pytest.mark.browser
def test_page_search_normalises_like_the_cli(focus_page, browser):
    page = open_page(browser, focus_page.as_uri())
    page.wait_for_function("window.policyKg !== undefined")
    for typed, found in SEARCHES:
        page.fill("#search", typed)
        matches = page.inner_text("#matches")
        assert found in matches, (typed, matches)
    assert page.problems == []
