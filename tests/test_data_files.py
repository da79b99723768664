"""The rule and dictionary files check each other (reporters-db style)."""
import re
import subprocess
import sys

import pytest


from conftest import ROOT
from kg.lexicon.agencies import organs
from kg.lexicon.areas import gazetteer
from kg.lexicon.issuers import resolve_code
from kg.rdf.ontology import ontology_graph
from kg.datafiles import read_tsv
from kg.rdf.vocab import DTYPE, POL, SKOS


def test_vocab_module_and_scheme_table_are_generated_from_the_ontology():
    result = subprocess.run([sys.executable, "tools/generate_vocab.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_every_document_type_concept_is_in_the_scheme():
    onto = ontology_graph()
    for row in read_tsv("document_types.tsv"):
        concept = DTYPE[row["concept"]]
        assert (concept, SKOS.inScheme, POL.DocumentTypeScheme) in onto, row
        assert (POL[row["class"]], None, None) in onto, row


def test_a_document_type_is_in_or_out_of_force_in_every_row_of_its_concept():
    flags: dict[str, set[str]] = {}
    for row in read_tsv("document_types.tsv"):
        flags.setdefault(row["concept"], set()).add(row["in_force"])
    assert {c: f for c, f in flags.items() if len(f) > 1 or not f <= {"yes", "no"}} == {}


def test_every_listed_issuer_code_resolves():
    for row in read_tsv("issuer_codes.tsv"):
        found = resolve_code(row["code"])
        assert found is not None and found.agency.area.code == row["area"], row


def test_abbreviation_tables_point_at_real_areas():
    gaz = gazetteer()
    for name in ("province_abbreviations.tsv", "city_abbreviations.tsv", "sub_provincial_cities.tsv"):
        for row in read_tsv(name):
            assert row["code"] in gaz.by_code, (name, row)


# the 中央军委: no organ of its kind below the nation; the central government's administrations
# (国家能源局, 海关总署, 国家知识产权局): local organs of their name stand at some levels only, or none
NATIONAL_ONLY_KINDS = ("military", "central-administration")


def test_organs_have_names_for_every_level():
    """Every organ has a name at every level, but the 中央军委 and central organs a
    reform ended that had no local organ of their name (铁道部, 国家海洋局,
    国防科工委: organ_successions.tsv says what took them over)."""
    succeeded = {row["predecessor"] for row in read_tsv("organ_successions.tsv")}
    for organ in organs().values():
        local = [name for column, name in organ.names.items() if column != "national_name"]
        if organ.key in succeeded and not any(local):
            continue
        for column, name in organ.names.items():
            assert name or organ.kind in NATIONAL_ONLY_KINDS, (organ.key, column)


def test_a_national_only_organ_has_no_local_agency():
    from kg.lexicon.agencies import parse_issuer
    assert parse_issuer("中华人民共和国中央军事委员会").area.level == "national"
    assert parse_issuer("山东省中央军委") is None
    # a central organ a reform ended, named on a 1990 regulation's law-site copy (铁道部), has no local one
    assert parse_issuer("铁道部").area.level == "national" and parse_issuer("山东省铁道部") is None


def test_area_table_parents_exist():
    gaz = gazetteer()
    for ref in gaz.by_code.values():
        assert ref.parent is None or ref.parent in gaz.by_code
    assert len(gaz.by_code) > 3000


# --- every rule has an example that states what it yields, every pattern file
# --- has negative examples (kg/data/rule_examples.tsv, or a row's own columns) ---

from kg.datafiles import DATA_DIR, read_lines as _read_lines, read_tsv as _read_tsv  # noqa: E402

REGEX_LISTS = ("residue_lines.txt", "production_clauses.txt", "body_openers.txt", "closing_lines.txt")


def _rule_files() -> dict[str, list[str]]:
    """Patterns of every rule file whose examples live in rule_examples.tsv: the
    regex lists, and every TSV with a pattern column and no example column."""
    out = {name: list(_read_lines(name)) for name in REGEX_LISTS}
    for path in sorted(DATA_DIR.glob("*.tsv")):
        rows = _read_tsv(path.name)
        if rows and "pattern" in rows[0] and "example" not in rows[0]:
            out[path.name] = [r["pattern"] for r in rows]
    return out


def _rows_with_own_examples():
    """Rows of the pattern files that keep their example beside the pattern."""
    for path in sorted(DATA_DIR.glob("*.tsv")):
        rows = _read_tsv(path.name)
        if rows and "pattern" in rows[0] and "example" in rows[0] and path.name != "rule_examples.tsv":
            yield from ((path.name, row) for row in rows)


def _pattern_files() -> dict[str, list[str]]:
    """Every pattern file and its patterns, wherever its examples live."""
    out = _rule_files()
    for name, row in _rows_with_own_examples():
        out.setdefault(name, []).append(row["pattern"])
    return out


def _expanded(pattern: str) -> str:
    units = "|".join(map(re.escape, sorted((r["unit"] for r in _read_tsv("units.tsv")), key=len, reverse=True)))
    return pattern.replace("{UNITS}", units)


def rule_yield(pattern: str, text: str):
    """What a rule takes from a text: the named groups that matched
    (``name=value; …``, in pattern order) where it has any, else the text it
    matches; None where it does not match."""
    match = re.search(_expanded(pattern), text, re.M)
    if match is None:
        return None
    groups = match.re.groupindex
    if not groups:
        return match.group(0)
    return "; ".join(f"{name}={match.group(name)}" for name in sorted(groups, key=groups.__getitem__)
                     if match.group(name) is not None)


@pytest.mark.parametrize("pattern,text,expected", [
    (r"第\d+号", "关于市政协十三届三次会议第245号", "第245号"),             # no named group: what it matches
    (r"(?P<year>\d{4})年(?:底|末)(?P<before>前)?", "到2022年底，全区", "year=2022"),   # the named groups that matched
    (r"^根据", "各区民政局根据辖区特点", None),                             # no match
])
def test_a_rule_yields_its_named_groups_or_its_match(pattern, text, expected):
    assert rule_yield(pattern, text) == expected


EXAMPLES = _read_tsv("rule_examples.tsv")
KINDS = ("match", "negative")       # a negative example is text the rule must not match


@pytest.mark.parametrize("name,pattern", [(n, p) for n, ps in _rule_files().items() for p in ps],
                         ids=lambda v: v[:30] if isinstance(v, str) else v)
def test_every_rule_has_an_example(name, pattern):
    assert any(e["file"] == name and e["pattern"] == pattern and e["kind"] == "match" for e in EXAMPLES), \
        f"{name}: no example in rule_examples.tsv for {pattern}"


@pytest.mark.parametrize("row", EXAMPLES, ids=lambda r: f"{r['file']}:{r['kind']}:{r['example'][:12]}")
def test_every_example_yields_what_it_states(row):
    """A match example of a rule file without its own example column; a
    negative example of any pattern file."""
    files = _rule_files() if row["kind"] == "match" else _pattern_files()
    assert row["kind"] in KINDS and row["pattern"] in files.get(row["file"], []), \
        f"{row['file']} has no rule {row['pattern']} taking {row['kind']} examples here"
    assert rule_yield(row["pattern"], row["example"]) == (row["yields"] if row["kind"] == "match" else None), row


@pytest.mark.parametrize("name,row", list(_rows_with_own_examples()),
                         ids=lambda v: v if isinstance(v, str) else v["example"][:12])
def test_every_pattern_row_yields_what_its_example_states(name, row):
    assert row["example"], f"{name}: a row without an example"
    assert rule_yield(row["pattern"], row["example"]) == row["yields"], (name, row)


@pytest.mark.parametrize("name", sorted(_pattern_files()))
def test_every_pattern_file_has_a_negative_example(name):
    assert any(e["file"] == name and e["kind"] == "negative" for e in EXAMPLES), \
        f"{name}: no negative example (real text one of its rules must not match) in rule_examples.tsv"


# --- word dictionaries: each row is read back from a sentence that uses it ---

@pytest.mark.parametrize("row", _read_tsv("document_types.tsv"), ids=lambda r: r["suffix"])
def test_every_document_type_is_read_from_a_title_ending_in_it(row):
    from kg.lexicon.titles import document_type
    found = document_type(f"山东省人民政府关于推进养老服务发展的{row['suffix']}（试行）")
    assert found is not None and found.concept == row["concept"], (row, found)


@pytest.mark.parametrize("row", _read_tsv("promulgation_verbs.tsv"), ids=lambda r: r["verb"])
def test_every_promulgation_verb_wraps_its_document(row):
    from kg.lexicon.titles import wrapped_title
    found = wrapped_title(f"威海市人民政府办公室关于{row['verb']}《威海市养老服务设施建设管理办法》的通知")
    assert found is not None and found.relation == row["relation"] and found.title == "威海市养老服务设施建设管理办法"


@pytest.mark.parametrize("row", _read_tsv("issuer_suffixes.tsv"), ids=lambda r: r["suffix"] or "(none)")
def test_every_issuer_suffix_gives_its_kind(row):
    from kg.lexicon.issuers import resolve_code
    found = resolve_code("鲁民" + row["suffix"])
    assert found is not None and found.kind == row["document_kind"], (row, found)


@pytest.mark.parametrize("row", _read_tsv("division_codes.tsv"), ids=lambda r: r["organ"] + ":" + r["code"])
def test_every_division_code_reads_as_its_organs(row):
    """Each example's code, read where its organ's code stands (鲁卫 + 老龄 +
    函), and the example itself with its own area's reading, name the organ."""
    from kg.lexicon.agencies import organs
    from kg.lexicon.issuers import resolve_code
    from kg.lexicon.docnumber import DocNumber
    organ_code = organs()[row["organ"]].doc_codes[0]
    found = resolve_code("鲁" + organ_code + row["code"] + "函")
    assert found is not None and found.agency.key == row["organ"] and found.kind == "letter", (row, found)
    code = DocNumber.parse(row["example"]).code
    assert code.split(organ_code, 1)[1].startswith(row["code"]), row


@pytest.mark.parametrize("suffix", _read_lines("named_body_suffixes.txt"))
def test_every_named_body_ending_names_a_body_of_its_area(suffix):
    from kg.lexicon.agencies import parse_named_body
    from kg.lexicon.areas import gazetteer
    found = parse_named_body("威海市环翠区里口山" + suffix, gazetteer().get("371002"))
    assert found is not None and found.area.code == "371002" and found.name.endswith(suffix)


@pytest.mark.parametrize("row", _read_tsv("units.tsv"), ids=lambda r: r["unit"])
def test_every_unit_is_read_in_a_target(row):
    from pathlib import Path as _Path
    from kg.extract.quantities import find_targets
    from kg.models import SourceDocument
    from kg.read.cleaning import clean
    doc = clean(SourceDocument(_Path("t.txt"), "t.txt", f"到2025年，护理型床位总量达到80{row['unit']}。", "utf-8"))
    targets = find_targets(doc, list(doc.sentences))
    assert targets and targets[0].unit == row["unit"], (row, targets)


@pytest.mark.parametrize("word", _read_lines("self_references.txt"))
def test_every_self_reference_is_no_citation(word):
    from kg.lexicon.titles import is_self_reference
    assert is_self_reference(word)


@pytest.mark.parametrize("row", _read_tsv("party_organs.tsv"), ids=lambda r: r["party"])
def test_every_democratic_party_is_read_at_its_level(row):
    from kg.lexicon.agencies import agency, parse_agency
    from kg.lexicon.areas import gazetteer
    weihai = gazetteer().get("371000")
    found = parse_agency(agency(row["organ"], weihai).name)
    assert found is not None and found.key == row["organ"]


@pytest.mark.parametrize("row", _read_tsv("programmes.tsv"), ids=lambda r: r["name"])
def test_every_programme_and_its_variants_are_found(row):
    from pathlib import Path as _Path
    from kg.extract.themes import find_programmes
    from kg.models import SourceDocument
    from kg.read.cleaning import clean
    for written in (row["name"], *[a for a in row["alt_labels"].split("|") if a]):
        doc = clean(SourceDocument(_Path("t.txt"), "t.txt", f"全面推进{written}，完善服务。", "utf-8"))
        assert row["name"] in {m.name for m in find_programmes(doc)}, written


@pytest.mark.parametrize("row", _read_tsv("area_customary_names.tsv"), ids=lambda r: r["name"])
def test_every_customary_area_name_is_its_area_and_no_other(row):
    from kg.lexicon.areas import gazetteer
    gaz = gazetteer()
    assert gaz.get(row["code"]).code == row["code"]
    assert gaz.resolve_name(row["name"]).code == row["code"], row
    assert row["note"], row


@pytest.mark.parametrize("row", _read_tsv("sub_provincial_cities.tsv"), ids=lambda r: r["name"])
def test_every_sub_provincial_city_names_its_office_like_a_municipality(row):
    from kg.lexicon.agencies import agency
    from kg.lexicon.areas import gazetteer
    city = gazetteer().get(row["code"])
    assert city.name == row["name"]
    assert agency("government-office", city).name == row["name"] + "人民政府办公厅"


@pytest.mark.parametrize("row", _read_tsv("implementing_suffixes.tsv"), ids=lambda r: r["suffix"])
def test_every_implementing_suffix_is_a_document_type(row):
    from kg.lexicon.titles import document_type
    for suffix in [row["suffix"], *row["implements"].split("|")]:
        assert document_type("关于推进养老服务发展的" + suffix) is not None, suffix


@pytest.mark.parametrize("word", _read_lines("area_organ_words.txt"))
def test_every_area_organ_word_makes_a_page_area(word):
    from kg.lexicon.areas import gazetteer
    found = gazetteer().first_organ_area(f"近年来,邹城市{word}高度重视人口老龄化问题")
    assert found is not None and found[1].name == "邹城市"


@pytest.mark.parametrize("row", _read_tsv("year_numbered_orders.tsv"), ids=lambda r: r["organ"])
def test_every_year_numbered_order_keeps_its_examples_apart(row):
    """Orders of the same sequence in different years are different rules."""
    from kg.lexicon.docnumber import find_numbers, order_of
    from kg.lexicon.issuers import find_code_start
    keys = [str(order_of(row["organ"], m.number)) for example in row["example"].split("|")
            for m in find_numbers(example, find_code_start)]
    assert len(keys) == len(set(keys)) == len(row["example"].split("|")), keys
    assert all(k.startswith(row["organ"] + "〔") for k in keys), keys


@pytest.mark.parametrize("name,column", [("ui_strings.tsv", "key"), ("glossary.tsv", "term"),
                                         ("phrase_patterns.tsv", "name"), ("portal_fields.tsv", "label"),
                                         ("organs.tsv", "key"), ("document_types.tsv", "suffix"),
                                         ("year_numbered_orders.tsv", "organ")])
def test_keys_of_a_table_are_unique(name, column):
    """A second row with the same key silently replaces the first (a page's 收录
    column once read 效力状态)."""
    keys = [row[column] for row in _read_tsv(name)]
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


@pytest.mark.parametrize("row", _read_tsv("order_abbreviations.tsv"), ids=lambda r: r["abbreviation"])
def test_every_order_abbreviation_reads_as_its_organs_order(row):
    """The example's abbreviated order is found as the order its organ writes in full."""
    from kg.lexicon.docnumber import DocNumber, find_numbers
    from kg.lexicon.issuers import find_code_start
    orders = [m.number for m in find_numbers(row["example"], find_code_start) if m.number.is_order]
    assert orders and all(n.code == row["order"] for n in orders)
    assert DocNumber.parse(str(orders[0])) == orders[0]
