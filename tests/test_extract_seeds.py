"""Golden facts of each seed document (tests/golden/seeds.json, reviewed by hand)."""
import json
from pathlib import Path

import pytest

from conftest import CORPUS

GOLDEN = json.loads(Path(__file__).with_name("golden").joinpath("seeds.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_seed_matches_golden(name, seed_extractions):
    import importlib.util
    spec = importlib.util.spec_from_file_location("regenerate", Path(__file__).with_name("golden") / "regenerate.py")
    regenerate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(regenerate)
    assert regenerate.facts(seed_extractions[name]) == GOLDEN[name]


def test_golden_covers_every_seed():
    assert sorted(GOLDEN) == sorted(p.name for p in CORPUS.glob("*.txt"))


def test_all_document_numbers_of_the_seeds(seed_extractions):
    numbers = set()
    for x in seed_extractions.values():
        if x.identity.number:
            numbers.add(x.identity.number)
        numbers.update(c.target.number for c in x.citations if c.target.number)
    assert numbers == {
        "温民提〔2017〕77号", "温政发〔2012〕29号", "温委发〔2013〕55号", "温政发〔2014〕68号",
        "威政发〔2013〕21号", "威政发〔2014〕38号", "威政办字〔2017〕82号", "威政办字〔2019〕33号",
        "吉民议字〔2019〕7号", "威环政办发〔2022〕2号", "国办发〔2019〕5号", "鲁政办发〔2019〕31号",
        "鲁政办发〔2019〕24号", "渝民函〔2020〕245号", "渝府办发〔2019〕110号", "2019年第76号",
    }


def test_evidence_spans_quote_the_text(seed_extractions):
    for x in seed_extractions.values():
        for c in x.citations:
            quoted = x.document.text[c.evidence.span.start:c.evidence.span.end]
            assert quoted.startswith(("《", "〈")) or quoted[0].isdigit() or "〔" in quoted or quoted == c.target.title
            assert c.evidence.sentence.start <= c.evidence.span.start
            assert c.evidence.span.end <= c.evidence.sentence.end


def test_portal_date_conflict_is_reported(seed_extractions):
    x = seed_extractions["004_bf979cae9d091433.txt"]
    assert x.date.isoformat() == "2020-04-25"
    assert any("2020-12-01" in w for w in x.warnings)
