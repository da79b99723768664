"""kg export: the network for Gephi and spreadsheets, the graph as JSON-LD."""
from __future__ import annotations

import csv

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg.cli import main
from kg.store.database import load_dataset

HUANCUI = "https://w3id.org/policy-kg/id/doc/威环政办发/2022/2"
NATIONAL = "https://w3id.org/policy-kg/id/doc/国办发/2019/5"


def run_export(out_dir, fmt, target):
    result = CliRunner().invoke(main, ["export", str(out_dir), "-f", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_files_read_back(seed_build, tmp_path, fmt, read):
    _, out = seed_build
    net = read(run_export(out, fmt, tmp_path / f"graph.{fmt}"))
    kinds = {d.get("kind") for _, d in net.nodes(data=True)}
    assert {"document", "agency", "area", "measure", "service_model", "programme"} <= kinds
    applies = [d for s, o, d in net.edges(data=True) if s == HUANCUI and o == NATIONAL and d["relation"] == "applies"]
    assert applies and applies[0]["evidence"] >= 1 and "为贯彻落实" in applies[0]["sentence"]


def test_gexf_and_graphml_open_as_drawn(seed_build, tmp_path):
    """Positions, colours (a national document red, as in the HTML views)
    and sizes by degree, so that Gephi opens the file laid out."""
    _, out = seed_build
    gexf = nx.read_gexf(run_export(out, "gexf", tmp_path / "graph.gexf"))
    viz = gexf.nodes[NATIONAL]["viz"]
    assert viz["color"] == {"r": 0xb2, "g": 0x18, "b": 0x2b, "a": 1.0}
    sizes = {n: d["viz"]["size"] for n, d in gexf.nodes(data=True)}
    assert min(sizes.values()) >= 4 and sizes[HUANCUI] > sizes[NATIONAL]      # by degree: 17 measures and more
    positions = {(d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for _, d in gexf.nodes(data=True)}
    assert len(positions) == gexf.number_of_nodes()          # laid out, not piled up
    graphml = nx.read_graphml(run_export(out, "graphml", tmp_path / "graph.graphml"))
    node = graphml.nodes[NATIONAL]
    assert (node["r"], node["g"], node["b"]) == (0xb2, 0x18, 0x2b) and "x" in node and "y" in node


def test_csv_nodes_and_edges(seed_build, tmp_path):
    _, out = seed_build
    folder = run_export(out, "csv", tmp_path / "csv")
    nodes = list(csv.DictReader((folder / "nodes.csv").open(encoding="utf-8")))
    edges = list(csv.DictReader((folder / "edges.csv").open(encoding="utf-8")))
    ids = {n["id"] for n in nodes}
    assert all(e["source"] in ids and e["target"] in ids for e in edges)
    agency = next(n for n in nodes if n["name"] == "威海市环翠区民政局")
    assert (agency["kind"], agency["level"], agency["area"]) == ("agency", "county / district", "环翠区")


def test_csv_named_as_a_file_goes_beside_it(seed_build, tmp_path):
    """kg export -f csv -o g.csv: g.nodes.csv and g.edges.csv, not a folder called g.csv."""
    from kg.views.export import export
    written = export(seed_build[1] / "graph.trig", "csv", tmp_path / "g.csv")
    assert sorted(p.name for p in written) == ["g.edges.csv", "g.nodes.csv"]
    assert all(p.is_file() for p in written) and not (tmp_path / "g.csv").exists()


def test_jsonld_holds_the_whole_graph_with_a_context(seed_build, tmp_path):
    _, out = seed_build
    target = run_export(out, "jsonld", tmp_path / "graph.jsonld")
    text = target.read_text(encoding="utf-8")
    assert '"implements"' in text and '"@context"' in text
    reread = Dataset(default_union=True).parse(data=text, format="json-ld")
    original = load_dataset(out / "graph.trig")
    assert set(Graph(store=reread.store)) == set(Graph(store=original.store))


def test_unknown_graph_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["export", str(tmp_path), "-f", "csv", "-o", str(tmp_path / "x")])
    assert result.exit_code != 0 and "no such graph file" in result.output
