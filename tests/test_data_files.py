"""The rule and dictionary files check each other (reporters-db style)."""
import subprocess
import sys


from conftest import ROOT
from kg.lexicon.agencies import organs
from kg.lexicon.areas import gazetteer
from kg.lexicon.issuers import resolve_code
from kg.rdf.ontology import ontology_graph
from kg.datafiles import read_tsv
from kg.rdf.vocab import DTYPE, POL, SKOS


def test_vocab_module_is_generated_from_the_ontology():
    result = subprocess.run([sys.executable, "tools/generate_vocab.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_every_document_type_concept_is_in_the_scheme():
    onto = ontology_graph()
    for row in read_tsv("document_types.tsv"):
        concept = DTYPE[row["concept"]]
        assert (concept, SKOS.inScheme, POL.DocumentTypeScheme) in onto, row
        assert (POL[row["class"]], None, None) in onto, row


def test_every_listed_issuer_code_resolves():
    for row in read_tsv("issuer_codes.tsv"):
        found = resolve_code(row["code"])
        assert found is not None and found.agency.area.code == row["area"], row


def test_abbreviation_tables_point_at_real_areas():
    gaz = gazetteer()
    for name in ("province_abbreviations.tsv", "city_abbreviations.tsv", "sub_provincial_cities.tsv"):
        for row in read_tsv(name):
            assert row["code"] in gaz.by_code, (name, row)


def test_organs_have_names_for_every_level():
    for organ in organs().values():
        for column, name in organ.names.items():
            assert name, (organ.key, column)


def test_area_table_parents_exist():
    gaz = gazetteer()
    for ref in gaz.by_code.values():
        assert ref.parent is None or ref.parent in gaz.by_code
    assert len(gaz.by_code) > 3000
