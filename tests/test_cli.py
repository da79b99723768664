"""The kg command, through click's CliRunner."""
import json

import pytest
from click.testing import CliRunner

from conftest import CORPUS
from kg.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli")
    result = CliRunner().invoke(main, ["build", str(CORPUS), "-o", str(out), "--turtle"])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_build_prints_a_summary_and_writes_files(built):
    out, output = built
    assert "read 5 files" in output and "wrote" in output
    for name in ("graph.trig", "graph.ttl", "report.json"):
        assert (out / name).is_file()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["files_read"] == 5 and report["links"]["replies_to"] == 4


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_formats(built, fmt):
    out, _ = built
    result = CliRunner().invoke(main, ["query", str(out / "graph.trig"), "cited-by",
                                       "--bind", "target=国办发〔2019〕5号", "-f", fmt])
    assert result.exit_code == 0, result.output
    assert "威环政办发〔2022〕2号" in result.output
    if fmt == "json":
        data = json.loads(result.output)
        citing = {b["citingNumber"]["value"] for b in data["results"]["bindings"]}
        assert data["head"]["vars"][1] == "citing" and citing == {"威环政办发〔2022〕2号", "鲁政办发〔2019〕31号"}


def test_query_from_rq_file_and_turtle(built, tmp_path):
    out, _ = built
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?d pol:sourceFile ?f }", encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(out / "graph.ttl"), str(rq), "-f", "csv"])
    assert result.exit_code == 0 and result.stdout.splitlines()[1] == "5"


def test_report_repeats_the_build_warnings(built):
    """kg report prints the quality summary, then every warning of the build."""
    out, _ = built
    warnings = json.loads((out / "report.json").read_text(encoding="utf-8"))["warnings"]
    assert warnings
    result = CliRunner().invoke(main, ["report", str(out)])
    assert result.exit_code == 0 and result.output.startswith("quality:")
    assert all(w in result.output for w in warnings)


def test_validate(built):
    out, _ = built
    result = CliRunner().invoke(main, ["validate", str(out)])
    assert result.exit_code == 0 and "conforms" in result.output


def test_missing_corpus_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o")])
    assert result.exit_code != 0 and "does not exist" in result.output


def test_empty_corpus_is_a_clear_error(tmp_path):
    (tmp_path / "c").mkdir()
    result = CliRunner().invoke(main, ["build", str(tmp_path / "c"), "-o", str(tmp_path / "o")])
    assert result.exit_code != 0 and "no documents" in result.output


def test_bad_query_shows_the_parser_message(built):
    out, _ = built
    result = CliRunner().invoke(main, ["query", str(out), "SELECT ?x WHERE { ?x a }"])
    assert result.exit_code != 0 and "SPARQL syntax error" in result.output and "1:25" in result.output


def test_missing_graph_file(tmp_path):
    result = CliRunner().invoke(main, ["query", str(tmp_path / "g.trig"), "SELECT * WHERE {?s ?p ?o}"])
    assert result.exit_code != 0 and "no such graph file" in result.output


def test_unreadable_file_is_skipped_and_named(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text((CORPUS / "003_6668840891539c5f.txt").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\xff\xfe\x00\x01binary\x00")
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "o"
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "skipped bad.txt" in result.output and "skipped empty.txt: empty file" in result.output
    strict = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "--strict"])
    assert strict.exit_code == 1


def test_help_imports_no_heavy_module():
    """`kg --help` stays instant because the command module imports rdflib,
    pyoxigraph, networkx, jieba and pyvis only inside the commands."""
    import subprocess
    import sys
    code = ("import sys; from kg.cli import main; "
            "heavy = {'rdflib', 'pyoxigraph', 'networkx', 'jieba', 'pyvis', 'pyshacl', 'numpy'}; "
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"
