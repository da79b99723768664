"""Saved queries declare their parameters, and binding one restricts the
answer: every saved query with and without each parameter (at its declared
example) on the seed graph."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.store.query import QueryError, run_query, saved_queries

# A date parameter sets the day an answer is computed for (in-force): not a filter.
CASES = [(q.name, p) for q in saved_queries().values() for p in q.parameters if p.kind != "date"]


@pytest.mark.parametrize("name,parameter", CASES, ids=[f"{n}:{p.name}" for n, p in CASES])
def test_binding_a_parameter_restricts_the_answer(seed_graph, name, parameter):
    everything = run_query(seed_graph, name)
    bound = run_query(seed_graph, name, {parameter.name: parameter.example})
    assert bound.rows, f"{name} --bind {parameter.name}={parameter.example} answers nothing on the seeds"
    # exactly the rows of the whole answer that have that value
    assert parameter.name in bound.variables, f"{name}: a parameter is a column of its answer"
    column = bound.variables.index(parameter.name)
    expected = {"eli:cites": "http://data.europa.eu/eli/ontology#cites"}.get(parameter.example, parameter.example)
    assert set(bound.rows) == {row for row in everything.rows if str(row[column]) == expected}


def test_in_force_answers_for_the_day_bound(tmp_path):
    """kg query in-force --bind date=…: the law is in force after its entry
    into force, not before; a date in any written form; a bad one is an error."""
    from pathlib import Path
    from kg.pipeline.build import build
    from kg.store.database import load_graph
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "law.txt").write_text("中华人民共和国老年人权益保障法\n第一条 为了保障老年人合法权益,制定本法。\n"
                                    "第八十五条 本法自2013年7月1日起施行。\n", encoding="utf-8")
    (corpus / "plan.txt").write_text("温州市养老服务补贴管理办法\n温政发〔2020〕3号\n各县(市、区)人民政府:\n"
                                     "第二十条 本办法自2021年1月1日起施行,有效期至2025年12月31日。\n", encoding="utf-8")
    build(corpus, tmp_path / "out")
    graph = load_graph(tmp_path / "out")

    def in_force(day: str) -> dict:
        result = run_query(graph, "in-force", {"date": day})
        title, flag = result.variables.index("title"), result.variables.index("inForce")
        return {str(row[title]): str(row[flag]) == "true" for row in result.rows}
    assert in_force("2012-01-01") == {"中华人民共和国老年人权益保障法": False, "温州市养老服务补贴管理办法": False}
    assert in_force("2024年1月1日") == {"中华人民共和国老年人权益保障法": True, "温州市养老服务补贴管理办法": True}
    assert in_force("2026-01-01") == {"中华人民共和国老年人权益保障法": True, "温州市养老服务补贴管理办法": False}
    with pytest.raises(QueryError, match="expected a date"):
        run_query(graph, "in-force", {"date": "next year"})


def test_a_number_parameter_takes_any_written_form(seed_graph):
    canonical = run_query(seed_graph, "cites", {"citingNumber": "威环政办发〔2022〕2号"}).rows
    assert canonical and run_query(seed_graph, "cites", {"citingNumber": "威环政办发[2022]02号"}).rows == canonical
    everything = run_query(seed_graph, "cites").rows
    assert len(canonical) < len(everything)     # the other documents' citations are not relabelled


def test_unknown_names_and_parameters_are_one_line_errors_with_the_choices(seed_graph):
    with pytest.raises(QueryError, match="saved queries: .*cites"):
        run_query(seed_graph, "cited_by")
    with pytest.raises(QueryError, match="its parameters: citingNumber"):
        run_query(seed_graph, "cites", {"target": "国办发〔2019〕5号"})


def test_kg_query_list_shows_every_saved_query_and_parameter():
    result = CliRunner().invoke(main, ["query", "--list"])
    assert result.exit_code == 0
    for query in saved_queries().values():
        assert query.name in result.output
        for p in query.parameters:
            assert f"--bind {p.name}=" in result.output


def test_one_count_everywhere(seed_build, seed_graph):
    """The build's document count, the saved aggregation (documents without an
    area in a row of their own) and the served index agree."""
    from kg.views.site import Site
    report, _ = seed_build
    per_area = run_query(seed_graph, "documents-by-level").rows
    assert sum(int(row[3]) for row in per_area) == report.documents
    assert any(row[0] is None for row in per_area)          # the documents without an area
    _, page = Site(seed_graph, max_bytes=10_000_000).index("en")
    assert f"Documents ({report.documents})".encode() in page
