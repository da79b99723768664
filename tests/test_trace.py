"""Implementation chains on a fixture corpus: national → province → city →
district, a district citing the nation directly, a backdated implementer and
a reply letter that implements nothing."""
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import build_texts

from kg.pipeline.build import build
from kg.cli import main
from kg.network.documents import to_networkx
from kg.store.database import load_graph
from kg.network.trace import UnknownReference, coverage, flatten, format_tree, trace

CHAIN = Path(__file__).parent / "fixtures" / "chain"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def chain(tmp_path_factory):
    out = tmp_path_factory.mktemp("chain")
    report = build(CHAIN, out)
    return report, to_networkx(load_graph(out)), out


def test_chain_levels(chain):
    _, graph, _ = chain
    tree = trace(graph, "国办发〔2019〕5号")
    rows = [(depth, n.number, n.level, n.basis) for depth, _, n in flatten(tree)]
    numbers = [n for _, n, _, _ in rows]
    assert len(numbers) == len(set(numbers)), "each document stands once in the tree"
    assert (1, "鲁政办发〔2019〕31号", "provincial", "stated") in rows
    assert (2, "威政办发〔2020〕9号", "city", "stated") in rows
    assert (3, "威环政办发〔2022〕2号", "county / district", "stated") in rows
    assert "威民提〔2021〕12号" not in {n for _, n, _, _ in rows}


def test_trace_tree_matches_golden(chain):
    _, graph, _ = chain
    expected = (GOLDEN / "trace_chain.txt").read_text(encoding="utf-8")
    assert format_tree(trace(graph, "国办发〔2019〕5号")) + "\n" == expected


def test_trace_up(chain):
    _, graph, _ = chain
    tree = trace(graph, "威环政办发〔2022〕2号", "up")
    found = {n.number: (depth, n) for depth, _, n in flatten(tree)}
    assert found["威政办发〔2020〕9号"][0] == 1 and found["鲁政办发〔2019〕31号"][0] == 2
    assert found["国办发〔2019〕5号"][0] == 3
    # the district cites the national and provincial documents directly too: notes, not repeated subtrees
    assert any("威环政办发〔2022〕2号" in note for note in found["鲁政办发〔2019〕31号"][1].also)


def test_trace_up_from_the_top_is_the_document_alone(chain):
    _, graph, _ = chain
    tree = trace(graph, "国办发〔2019〕5号", "up")
    assert (tree.number, tree.children, tree.also) == ("国办发〔2019〕5号", [], [])


def test_sanity_checks_report_a_backdated_implementer(chain):
    report, _, _ = chain
    assert any("青政办发〔2018〕7号 applies 鲁政办发〔2019〕31号" in w and "older" in w for w in report.warnings)


def test_coverage(chain):
    _, graph, _ = chain
    rows = {r.area: r for r in coverage(graph, "国办发〔2019〕5号")}
    assert len(rows) == 34 and set(rows) >= {"山东省", "吉林省", "重庆市"}     # every province, one level down
    assert rows["山东省"].chain == ["鲁政办发〔2019〕31号", "国办发〔2019〕5号"]
    assert rows["山东省"].chain_basis == ["stated"]          # how each link of the chain is known (#33)
    assert (rows["山东省"].first_date, rows["山东省"].lag_days) == ("2019-09-03", 158)
    assert rows["吉林省"].status == "no-documents"


def test_coverage_of_a_provincial_document_lists_only_its_cities(chain):
    _, graph, _ = chain
    rows = {r.area: r for r in coverage(graph, "鲁政办发〔2019〕31号")}
    assert {r.area_code[:2] for r in rows.values()} == {"37"} and "吉林省" not in rows
    assert rows["威海市"].status == "implemented" and rows["威海市"].lag_days == 272
    # 青政办发〔2018〕7号 says it implements 鲁政办发〔2019〕31号 but is dated before it: no implementation,
    # and no document that could have been one
    assert rows["青岛市"].status == "no-documents" and not rows["青岛市"].covered
    counties = {r.area: r for r in coverage(graph, "鲁政办发〔2019〕31号", depth=2)}
    assert counties["环翠区"].covered and len(counties) > len(rows)


def test_coverage_output_matches_golden(chain):
    _, _, out = chain
    result = CliRunner().invoke(main, ["coverage", "国办发〔2019〕5号", "-g", str(out)])
    assert result.exit_code == 0
    assert result.output == (GOLDEN / "coverage_chain.txt").read_text(encoding="utf-8")


def test_unknown_reference_suggests(chain):
    _, graph, _ = chain
    with pytest.raises(UnknownReference) as err:
        trace(graph, "国办发〔2019〕6号")
    assert "国办发〔2019〕5号" in err.value.suggestions


def test_cli_trace_and_coverage(chain):
    _, _, out = chain
    result = CliRunner().invoke(main, ["trace", "国办发[2019]5号", "-g", str(out)])
    assert result.exit_code == 0 and "威政办发〔2020〕9号" in result.output
    result = CliRunner().invoke(main, ["coverage", "国办发〔2019〕5号", "-g", str(out)])
    assert result.exit_code == 0 and "implemented" in result.output
    result = CliRunner().invoke(main, ["trace", "nothing", "-g", str(out)])
    assert result.exit_code != 0 and "no document" in result.output


def test_seed_index_is_the_network_of_the_graph(seed_build, seed_graph):
    from kg.network.index import read_index
    _, out = seed_build
    saved, graph = read_index(out / "graph.trig"), to_networkx(seed_graph)
    assert dict(saved.nodes(data=True)) == dict(graph.nodes(data=True))
    assert {(s, o): d for s, o, d in saved.edges(data=True)} == {(s, o): d for s, o, d in graph.edges(data=True)}
    assert sum(1 for _, d in saved.nodes(data=True) if d["title"] and not d["number"] and d["stub"]) >= 4
    assert any(d["basis"] == "inferred" for _, _, d in saved.edges(data=True))


def test_seed_trace_shows_the_levels(seed_build):
    _, out = seed_build
    graph = to_networkx(load_graph(out))
    text = format_tree(trace(graph, "国办发〔2019〕5号"))
    assert "鲁政办发〔2019〕31号" in text and "inference.title-echo" in text
    assert "威海市人民政府办公室关于进一步推进养老服务高质量发展的实施意见" in text
    assert "威环政办发〔2022〕2号" in text and "为贯彻落实" in text
    assert "答复" not in text
    rows = {r.area: r for r in coverage(graph, "国办发〔2019〕5号")}
    # 浙江省 and 重庆市 hold only reply letters (温民提〔2017〕77号, 渝民函〔2020〕245号): not gaps
    assert rows["浙江省"].status == "no-documents" and rows["重庆市"].status == "no-documents"
    assert rows["山东省"].covered


def test_build_saves_the_document_network_for_trace(chain, tmp_path):
    from kg.network.index import read_index
    _, graph, out = chain
    saved = read_index(out / "graph.trig")
    assert saved is not None
    # the build makes the index from memory: exactly what the graph says
    assert dict(saved.nodes(data=True)) == dict(graph.nodes(data=True))
    assert {(s, o): d for s, o, d in saved.edges(data=True)} == {(s, o): d for s, o, d in graph.edges(data=True)}
    assert saved.nodes["https://w3id.org/policy-kg/id/doc/国办发/2019/5"]["number"] == "国办发〔2019〕5号"
    # read with plain SQL as kg.network.index tells: links by the documents' numbers, joined to their IRIs
    import sqlite3
    from contextlib import closing
    with closing(sqlite3.connect(out / "documents.sqlite")) as db:
        links = set(db.execute("SELECT s.id, t.id, e.relation FROM edges e "
                               "JOIN nodes s ON s.n = e.source JOIN nodes t ON t.n = e.target"))
    assert links == {(s, o, d["relation"]) for s, o, d in graph.edges(data=True)}
    # a graph file that is not the one indexed is not trusted
    copy = tmp_path / "graph.trig"
    copy.write_bytes((out / "graph.trig").read_bytes() + b"\n")
    (tmp_path / "documents.sqlite").write_bytes((out / "documents.sqlite").read_bytes())
    assert read_index(copy) is None


def test_index_is_checked_by_the_builds_stamp_without_reading_the_graph(chain, tmp_path, monkeypatch):
    import shutil
    from kg.network import index as documents
    from kg.store import fingerprints
    _, _, built = chain
    out = tmp_path / "build"
    shutil.copytree(built, out, copy_function=shutil.copy2)      # size and time kept, as the build left them
    shutil.rmtree(out / "store")         # the store's stamp would do too: only the build's is left
    assert fingerprints.graph_stamp(out / "graph.trig").is_file()

    def unread(path):
        raise AssertionError(f"{path} read in full")
    monkeypatch.setattr(fingerprints, "file_digest", unread)
    assert documents.read_index(out / "graph.trig") is not None
    monkeypatch.undo()
    # the same size but another time (an edit in place): the stamp is not trusted, the file is read
    graph = out / "graph.trig"
    data = bytearray(graph.read_bytes())
    data[-2:-1] = b" " if data[-2:-1] != b" " else b"\t"
    graph.write_bytes(bytes(data))
    assert documents.read_index(graph) is None


def test_an_index_of_an_earlier_format_is_not_read_and_the_trace_reads_the_store(chain, tmp_path):
    """documents.sqlite as an earlier version wrote it (format 5: documents
    keyed by IRI) is not read: kg trace falls back to the store and draws
    the tree the index gives (#35)."""
    import shutil
    import sqlite3
    from contextlib import closing
    from kg.network import index as documents
    from kg.network.trace import VERTICAL_RELATIONS
    _, _, built = chain
    out = tmp_path / "build"
    shutil.copytree(built, out, copy_function=shutil.copy2)
    from_index = CliRunner().invoke(main, ["trace", "国办发〔2019〕5号", "-g", str(out)])
    assert from_index.exit_code == 0, from_index.output
    with closing(sqlite3.connect(out / "documents.sqlite")) as db, db:
        db.execute("UPDATE meta SET value = '5' WHERE key = 'format'")
    assert documents.read_index(out / "graph.trig") is None
    assert documents.read_trace_network(out / "graph.trig", "国办发〔2019〕5号", VERTICAL_RELATIONS) is None
    from_store = CliRunner().invoke(main, ["trace", "国办发〔2019〕5号", "-g", str(out)])
    assert from_store.exit_code == 0 and from_store.stdout == from_index.stdout
    assert "documents.sqlite is of another version" in from_store.stderr and "kg build" in from_store.stderr
    assert from_index.stderr == ""


def test_kg_trace_from_the_index_loads_neither_rdflib_nor_oxigraph(chain):
    """What keeps `kg trace` quick on a large graph: it reads documents.sqlite,
    checked by the build's stamp, and imports no RDF library."""
    import subprocess
    import sys
    _, _, out = chain
    script = ("import sys; from kg.cli import main\n"
              "try:\n    main(['trace', '国办发〔2019〕5号', '-g', sys.argv[1]])\n"
              "except SystemExit as done:\n    assert not done.code\n"
              "print(sorted(m for m in ('rdflib', 'pyoxigraph') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script, str(out)], capture_output=True, text=True, check=True)
    assert "威政办发〔2020〕9号" in result.stdout and result.stdout.strip().endswith("[]")


@pytest.mark.browser
def test_coverage_page_draws_in_chromium(chain, browser, tmp_path):
    """kg coverage --html: a tile per province under a national document (a
    grid of cities under a provincial one), coloured by status, a timeline,
    offline and without errors."""
    from conftest import open_page
    _, _, out = chain
    national, provincial = tmp_path / "national.html", tmp_path / "shandong.html"
    for ref, page_file in (("国办发〔2019〕5号", national), ("鲁政办发〔2019〕31号", provincial)):
        result = CliRunner().invoke(main, ["coverage", ref, "-g", str(out), "--html", str(page_file)])
        assert result.exit_code == 0, result.output
    page = open_page(browser, national.as_uri())
    assert page.locator("#tiles g.tile").count() == 34
    assert page.locator('#tiles g.tile.implemented[data-code="370000"]').count() == 1
    assert "鲁政办发〔2019〕31号" in page.locator('#tiles g[data-code="370000"] title').text_content()
    assert page.locator("#timeline g.event").count() == 2          # the document and Shandong's
    shot = tmp_path / "coverage.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000 and page.problems == []
    page = open_page(browser, provincial.as_uri())
    codes = page.eval_on_selector_all("#tiles g.tile", "gs => gs.map(g => g.dataset.code)")
    assert len(codes) == 16 and all(code.startswith("37") for code in codes)
    assert page.locator('#tiles g.tile.no-documents[data-code="370200"]').count() == 1    # 青岛: dated before
    assert page.problems == []


def _build_one_implementer(tmp_path, opener: str = "") -> None:
    """A one-file corpus whose document carries out 国办发〔2019〕5号, built into tmp_path/out."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("关于推进养老服务发展的实施意见\n威环政办发〔2022〕2号\n各镇政府：\n" + opener
                                  + "为贯彻落实《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号）精神，现提出如下实施意见。\n",
                                  encoding="utf-8")
    build(corpus, tmp_path / "out")


def test_trace_and_coverage_csv_run_no_formula(tmp_path):
    """A title or sentence starting with = + - @ reaches a spreadsheet as text."""
    _build_one_implementer(tmp_path, "- ")
    for command in (["trace", "国办发〔2019〕5号", "-g", str(tmp_path / "out"), "-f", "csv"],):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 0, result.output
        cells = [cell for line in result.stdout.splitlines()[1:] for cell in line.split(",")]
        assert "- 为贯彻落实" in result.output
        assert not any(cell.lstrip('"').startswith(("=", "+", "-", "@")) for cell in cells), result.output


def test_trace_csv_escapes_a_cell_that_opens_with_a_tab_or_a_carriage_return(tmp_path):
    """A tab or CR before = is skipped by some spreadsheet importers, which
    then run the formula: such a cell gets the leading apostrophe too (#34)."""
    import csv
    import io
    import sqlite3
    from contextlib import closing
    _build_one_implementer(tmp_path)
    index = tmp_path / "out" / "documents.sqlite"      # what kg trace reads; its titles come from the documents
    with closing(sqlite3.connect(index)) as db, db:
        titled = [row[0] for row in db.execute("SELECT id FROM nodes WHERE title IS NOT NULL ORDER BY id")]
        for node, opener in zip(titled, ("\t", "\r")):
            db.execute("UPDATE nodes SET title = ? WHERE id = ?", (opener + '=HYPERLINK("http://x")', node))
    result = CliRunner().invoke(main, ["trace", "国办发〔2019〕5号", "-g", str(tmp_path / "out"), "-f", "csv"])
    assert result.exit_code == 0, result.output
    titles = [row["title"] for row in csv.DictReader(io.StringIO(result.output))]
    assert any("HYPERLINK" in t for t in titles), titles
    assert all(t.startswith("'") for t in titles if "HYPERLINK" in t), titles


def test_a_document_older_than_a_stub_s_number_never_carries_it_out(tmp_path):
    """国办发〔2019〕5号 is a stub with no date, but its number says 2019: a 2006
    provincial notice that names it is not counted as carrying it out (#33)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "old.txt").write_text("湖南省人民政府办公厅关于加快发展养老服务业的意见\n湘政办发〔2006〕28号\n各市州人民政府:\n"
                                    "为贯彻落实《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号）精神，现提出如下意见。\n"
                                    "湖南省人民政府办公厅\n2006年5月1日\n", encoding="utf-8")
    build(corpus, tmp_path / "out")
    rows = coverage(to_networkx(load_graph(tmp_path / "out")), "国办发〔2019〕5号")
    hunan = next(r for r in rows if r.area == "湖南省")
    assert not hunan.covered


def test_a_document_with_neither_number_nor_title_is_named_by_its_file(tmp_path):
    """No raw IRI where a reader expects a name (#33): trace and coverage name
    such a document by its corpus file."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "untitled.txt").write_text("各镇人民政府:\n为贯彻落实《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号）精神，"
                                         "结合我县实际，现提出如下意见。\n常山县人民政府办公室\n2020年3月1日\n", encoding="utf-8")
    build(corpus, tmp_path / "out")
    network = to_networkx(load_graph(tmp_path / "out"))
    text = format_tree(trace(network, "国办发〔2019〕5号"))
    assert "[untitled.txt]" in text and "/id/doc/t/" not in text
    rows = coverage(network, "国办发〔2019〕5号")
    assert any("[untitled.txt]" in r.implementing for r in rows)


REPEALED_CORPUS = {
    # a city's notice issues its rules and carries out the national opinion; a later notice repeals the first
    "notice.txt": "威海市人民政府关于印发威海市养老服务补贴办法的通知\n威政发〔2020〕3号\n各区市人民政府：\n"
                  "为贯彻落实《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号），现将《威海市养老服务补贴办法》"
                  "印发给你们，请认真贯彻执行。\n威海市人民政府\n2020年3月1日\n",
    "later.txt": "威海市人民政府关于印发威海市养老服务补贴实施办法的通知\n威政发〔2023〕8号\n各区市人民政府：\n"
                 "为贯彻落实《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号），现将《威海市养老服务补贴实施办法》"
                 "印发给你们。本办法自2023年6月1日起施行，《威海市人民政府关于印发威海市养老服务补贴办法的通知》"
                 "（威政发〔2020〕3号）同时废止。\n威海市人民政府\n2023年5月1日\n",
    "district.txt": "环翠区人民政府办公室关于落实养老服务补贴的通知\n威环政办发〔2021〕4号\n各镇人民政府：\n"
                    "根据《威海市养老服务补贴办法》，为贯彻落实《威海市人民政府关于印发威海市养老服务补贴办法的通知》"
                    "（威政发〔2020〕3号）精神，现就有关事项通知如下。\n环翠区人民政府办公室\n2021年2月1日\n",
}


@pytest.fixture(scope="module")
def repealed(tmp_path_factory):
    return build_texts(tmp_path_factory, "repealed", REPEALED_CORPUS)


def test_a_trace_reads_only_its_part_of_the_index_and_draws_the_same_tree(chain, seed_build, repealed):
    """kg trace reads from documents.sqlite only the documents it shows and
    what their status needs; the tree is the one the whole network gives,
    for every document, down and up, with and without a day (#35)."""
    from datetime import date
    from kg.network.index import read_index, read_trace_network
    from kg.network.trace import VERTICAL_RELATIONS
    from kg.relations import Relation
    seen_relations, parts_smaller = set(), 0
    for out in (chain[2], seed_build[1], repealed):
        whole = read_index(out / "graph.trig")
        seen_relations |= {d["relation"] for _, _, d in whole.edges(data=True)}
        for node, data in whole.nodes(data=True):
            for ref in {node, data["number"] or node, data["title"] or node}:
                for down in (True, False):
                    part = read_trace_network(out / "graph.trig", ref, VERTICAL_RELATIONS, down)
                    parts_smaller += len(part) < len(whole)
                    for day in (None, date(2022, 1, 1)):
                        expected = trace(whole, ref, "down" if down else "up", on=day).to_dict()
                        assert trace(part, ref, "down" if down else "up", on=day).to_dict() == expected, (out, ref)
    # the fixtures hold what a status reads beyond the tree: an issuing notice and a repeal
    assert {Relation.REPEALS.value, Relation.PROMULGATES.value} <= seen_relations, seen_relations
    assert parts_smaller > 0


def test_a_trace_of_an_unknown_name_still_suggests_names(chain):
    from kg.network.index import read_trace_network
    from kg.network.trace import VERTICAL_RELATIONS
    part = read_trace_network(chain[2] / "graph.trig", "国办发〔2019〕6号", VERTICAL_RELATIONS)
    with pytest.raises(UnknownReference) as err:
        trace(part, "国办发〔2019〕6号")
    assert "国办发〔2019〕5号" in err.value.suggestions


def test_a_build_takes_away_the_index_of_an_earlier_version(tmp_path):
    """documents.json (the index before documents.sqlite) left by an earlier
    version, as a plain file or as a link into its unit, is gone after the
    next build: no reader finds a stale index beside the graph."""
    import os
    _build_one_implementer(tmp_path)
    out = tmp_path / "out"
    (out / "documents.json").write_text('{"format": 4}', encoding="utf-8")
    build(tmp_path / "corpus", out)
    assert not (out / "documents.json").exists() and not (out / "documents.json").is_symlink()
    os.symlink(".kg-current/documents.json", out / "documents.json")
    build(tmp_path / "corpus", out)
    assert not (out / "documents.json").is_symlink() and (out / "documents.sqlite").is_file()
