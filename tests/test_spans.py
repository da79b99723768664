"""The span indexes that keep reading a long text linear (#34 item 5): each
answers as the scan it replaced, on examples and on random spans."""
from __future__ import annotations

import random

import pytest

from kg.models import Measure, MeasureIndex, Span, SpanSet


@pytest.mark.parametrize("kept,query,overlaps", [
    ([(0, 5), (10, 20)], (5, 10), False),      # between two kept spans, touching both
    ([(0, 5), (10, 20)], (4, 6), True),
    ([(0, 5), (3, 12), (30, 40)], (11, 13), True),   # merged with its neighbour
    ([], (0, 1), False),
])
def test_a_span_set_answers_whether_a_span_overlaps_any(kept, query, overlaps):
    assert SpanSet(Span(*s) for s in kept).overlaps(Span(*query)) is overlaps


def test_a_span_set_answers_as_a_scan_does():
    rng = random.Random(1)
    for _ in range(2000):
        spans = [Span(a, a + rng.randint(0, 10)) for a in (rng.randint(0, 50) for _ in range(rng.randint(0, 12)))]
        kept = SpanSet(spans)
        for _ in range(10):
            a = rng.randint(0, 60)
            query = Span(a, a + rng.randint(0, 10))
            assert kept.overlaps(query) == any(s.overlaps(query) for s in spans)


def _measure(position: int, start: int, end: int) -> Measure:
    return Measure(position=position, ordinal=None, heading="", span=Span(start, end),
                   heading_span=Span(start, start), section=None)


def test_a_list_belongs_to_the_row_of_a_table_inside_an_item():
    item, row = _measure(1, 0, 100), _measure(2, 40, 60)
    index = MeasureIndex([item, row])
    assert index.innermost(Span(45, 50)) == row and index.first(Span(45, 50)) == item
    assert index.innermost(Span(70, 80)) == item and index.first(Span(120, 130)) is None


def test_a_measure_index_answers_as_a_scan_does():
    rng = random.Random(2)
    for _ in range(1000):
        measures = [_measure(p, a, a + rng.randint(1, 30)) for p, a in
                    enumerate((rng.randint(0, 80) for _ in range(rng.randint(0, 9))), start=1)]
        index = MeasureIndex(measures)
        for _ in range(10):
            a = rng.randint(0, 100)
            query = Span(a, a + rng.randint(0, 10))
            holding = [m for m in measures if m.span.contains(query)]
            assert index.first(query) == (holding[0] if holding else None)
            inner = min(holding, key=lambda m: m.span.end - m.span.start, default=None)
            assert index.innermost(query) == inner
