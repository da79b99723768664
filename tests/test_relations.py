"""One vocabulary of relations (#36 item 2): kg/data/relations.tsv holds each
relation once, kg/relations.py reads it, and no other module spells a
relation's name or keeps a table of relations."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.relations import Relation, between_documents, by_local_name, glossary_rows, of_kind, terms, traced

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
VOCABULARY_MODULES = {"relations.py", "vocab.py"}      # the vocabulary, and the ontology's generated terms


def test_every_relation_has_one_row_and_every_row_a_member():
    assert list(terms()) == list(Relation)
    assert len({t.predicate for t in terms().values()}) == len(Relation)


@pytest.mark.parametrize("derived,expected", [
    (of_kind("carrying-out"), (Relation.APPLIES, Relation.BASED_ON)),
    (of_kind("issuing"), (Relation.PROMULGATES, Relation.FORWARDS)),
    (traced(), (Relation.APPLIES, Relation.BASED_ON, Relation.PROMULGATES)),
    (between_documents(), tuple(r for r in Relation if r is not Relation.REPLIES_TO)),
])
def test_the_sets_modules_use_come_from_the_table(derived, expected):
    assert derived == expected


@pytest.mark.parametrize("name,relation", [("repliesTo", Relation.REPLIES_TO), ("based_on", Relation.BASED_ON),
                                           ("passed_by", None)])
def test_a_predicate_s_name_reads_back_its_relation(name, relation):
    assert by_local_name(name) is relation


def test_a_relation_prints_as_its_name():
    assert f"{Relation.APPLIES}" == str(Relation.APPLIES) == "applies" == Relation.APPLIES
    assert {"applies": 1}[Relation.APPLIES] == 1


def test_the_glossary_explains_every_relation():
    rows = {row["term"]: row for row in glossary_rows()}
    assert set(rows) == {r.value for r in Relation}
    assert all(row["zh"] and row["en"] and row["meaning_zh"] and row["meaning_en"] for row in rows.values())


def _spelled_relations(source: str) -> list[str]:
    """Relation names written as string literals (a relation's name in quotes)."""
    names = "|".join(re.escape(r.value) for r in Relation) + "|" + "|".join(
        re.escape(t.local_name) for t in terms().values())
    return re.findall(rf"""(?<![\w.])["']({names})["']""", source)


@pytest.mark.parametrize("source,found", [
    ('if c.relation == "applies":', ["applies"]),
    ("DOCUMENT_RELATIONS = ('cites', 'repliesTo')", ["cites", "repliesTo"]),
    ('if c.relation == Relation.APPLIES:', []),
    ('"applies_to_all"', []),
])
def test_the_guard_finds_a_relation_spelled_in_code(source, found):
    assert _spelled_relations(source) == found


def test_no_module_spells_a_relation_outside_the_vocabulary():
    offenders = {str(path.relative_to(PACKAGE)): _spelled_relations(path.read_text(encoding="utf-8"))
                 for path in sorted(PACKAGE.rglob("*.py")) if path.name not in VOCABULARY_MODULES}
    assert {path: found for path, found in offenders.items() if found} == {}
