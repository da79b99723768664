"""Saved queries declare their parameters, and binding one restricts the
answer: every saved query with and without each parameter (at its declared
example) on the seed graph."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.store.query import QueryError, run_query, saved_queries

CASES = [(q.name, p) for q in saved_queries().values() for p in q.parameters]


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
